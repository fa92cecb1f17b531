/**
 * How a preStop exec hook is read: its commands in order, the delay before the first command that
 * stops the server, and the hook's whole duration. The table is the list docs/validate-scope.md
 * documents.
 */
import { describe, expect, it } from 'vitest';
import { toWorkload } from '../../src/core/graph/workload.js';
import { toObjects } from '../../src/core/manifest/objects.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import { preStopOf, protectiveDelay, knownDuration, splitCommands } from '../../src/core/pod/prestop.js';

function hook(command: string[]) {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: web
        image: example.com/web:1
        lifecycle:
          preStop:
            exec:
              command: ${JSON.stringify(command)}
`;
  const [o] = toObjects(parseFile({ path: 'd.yaml', text }).docs, 'default').objects;
  const c = toWorkload(o!)!.containers[0]!;
  return preStopOf(c);
}

const sh = (script: string): string[] => ['/bin/sh', '-c', script];

describe('preStop commands, in order', () => {
  it.each([
    // [command, delay before any stop, whole duration, the stop command reported]
    [sh('sleep 15 && nginx -s quit'), 15, 15, undefined],
    [sh('nginx -s quit; sleep 15'), 0, 15, 'nginx -s quit'],
    [sh('kill -SIGUSR1 $(pidof haproxy); sleep 25'), 0, 25, 'kill -SIGUSR1 $(pidof haproxy)'],
    [sh('kill 1 && sleep 10'), 0, 10, 'kill 1'],
    [sh('sleep 5; kill -QUIT 1; sleep 20'), 5, 25, 'kill -QUIT 1'],
    [sh('kill -HUP 1; sleep 20'), 20, 20, undefined], // HUP reloads, it does not stop
    [sh('kill -0 1 || exit 0; sleep 20'), 20, 20, undefined], // kill -0 only probes
    [sh('kill -USR1 1; sleep 20'), 20, 20, undefined], // USR1 stops HAProxy only
    [sh('pkill -TERM gunicorn; sleep 5'), 0, 5, 'pkill -TERM gunicorn'],
    [sh('apachectl -k graceful-stop; sleep 5'), 0, 5, 'apachectl -k graceful-stop'],
    [sh('curl -s -X POST localhost:15000/quitquitquit; sleep 5'), 0, 5, 'curl -s -X POST localhost:15000/quitquitquit'],
    [sh('redis-cli shutdown; sleep 5'), 0, 5, 'redis-cli shutdown'],
    [sh('echo "draining; please wait"; sleep 10'), 10, 10, undefined], // a `;` inside quotes separates nothing
    [sh('sleep 15 & nginx -s quit'), undefined, undefined, undefined], // a backgrounded sleep delays nothing
    [sh('if [ -f /tmp/ready ]; then sleep 20; fi; nginx -s quit'), 20, 20, undefined],
    [['sleep', '30'], 30, 30, undefined],
    [['nginx', '-s', 'quit'], undefined, undefined, undefined],
  ] as const)('%j: delay %s of %s, stop %s', (command, delay, total, stop) => {
    const p = hook([...command]);
    expect(p.kind).toBe('exec');
    expect(protectiveDelay(p)).toBe(delay);
    expect(knownDuration(p)).toBe(total);
    expect(p.kind === 'exec' ? p.stopsFirst : undefined).toBe(stop);
  });

  it('splits on ; && || | & and newlines, not inside quotes or $( )', () => {
    expect(
      splitCommands('a 1; b "x; y" && c $(d; e) | f\ng & h').map((c) => [c.words.join(' '), c.background]),
    ).toEqual([
      ['a 1', false],
      ['b x; y', false],
      ['c $(d; e)', false],
      ['f', false],
      ['g', true],
      ['h', false],
    ]);
  });
});
