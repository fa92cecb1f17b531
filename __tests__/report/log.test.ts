import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionHost } from '../../src/adapters/action-host.js';
import { cliHost } from '../../src/adapters/cli-host.js';
import { logText } from '../../src/report/log.js';
import { HOSTILE, runnerCommands } from '../helpers/hostile.js';

describe('log boundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(HOSTILE)('logText(%j) gives the runner no command and keeps the visible text', (s) => {
    const out = logText(`finding: ${s}`);
    expect(runnerCommands(out)).toEqual([]);
    const unchanged = (t: string): string => t.replace(/\u200b/g, '');
    expect(unchanged(out)).toBe(unchanged(`finding: ${s}`.replace(/\r\n|[\r\u2028\u2029\u0085]/g, '\n')));
  });

  it('the action host neutralises info lines but still issues its own commands', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const host = actionHost(new AbortController().signal);
    for (const s of HOSTILE) host.info(`Deployment ${s}`);
    host.error(`forged?\n::error::${HOSTILE[0]}`, { title: 'zd-gate: rule', file: 'a\n::b.yaml', startLine: 3 });
    const out = written.join('');
    const commands = runnerCommands(out);
    // Exactly one command: the error zd-gate meant to issue, with its data escaped by @actions/core.
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error title=zd-gate%3A rule,file=a%0A%3A%3Ab.yaml,line=3::forged\?%0A::error::/);
  });

  it('the CLI host (stderr, read by the runner too) neutralises every line', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c: Buffer) => (out += c.toString()));
    const host = cliHost(new AbortController().signal, stream);
    for (const s of HOSTILE) {
      host.info(s);
      host.error(s, { file: s, startLine: 1 });
    }
    expect(runnerCommands(out)).toEqual([]);
  });
});
