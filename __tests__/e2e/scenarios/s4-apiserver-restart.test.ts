/**
 * Scenario 4: kube-apiserver restarted (scripts/e2e/cluster.sh restart-apiserver: SIGTERM, SIGKILL
 * after 5 s, start again) in the middle of a watch. The gate has listed and is polling; its watch
 * streams break; it must reconnect (re-list on 410), keep following the rollout, and reach the
 * right verdict: seed 003's fixed deployment rolls out, so success, after the restart.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterCommand, kubeconfigPath } from '../helpers/cluster.js';
import { revisionOf } from '../helpers/objects.js';
import { waitFor } from '../helpers/wait.js';
import { codes, log, record, seconds } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { describeLb } from './lib/observe.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s4';

/** Control-plane components of the e2e cluster whose process is gone (from kwokctl's pid files). */
function deadComponents(): string[] {
  const pids = join(dirname(kubeconfigPath()), 'pids');
  const dead: string[] = [];
  for (const name of ['kube-controller-manager', 'kube-scheduler', 'kwok-controller']) {
    try {
      process.kill(Number(readFileSync(join(pids, `${name}.pid`), 'utf8').trim()), 0);
    } catch {
      dead.push(name);
    }
  }
  return dead;
}
const NEW_IMAGE = 'nginx:1.22.0';

describe('scenario 4: the API server restarts in the middle of the watch', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('the gate reconnects, follows the rollout to its end and passes', async () => {
    const restart = { stopAt: 0, backAt: 0, gateCallsBefore: 0, restarted: [] as string[] };
    const r = await rolloutWithGate(stage, {
      image: NEW_IMAGE,
      entry: 'cli',
      inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
      run: { env: { ...stage.env, ZD_GATE_DEBUG: '1' }, killAfterMs: 300_000 },
      during: async () => {
        // Once the gate is under way (it has listed the Deployment and polls ELB), and before the
        // rollout can be complete, take the API server away.
        const identity = stage.sim.credentials.accessKeyId;
        await waitFor(async () => stage.sim.counters.count({ identity, action: 'DescribeTargetHealth' }) > 0, {
          timeoutMs: 30_000,
          intervalMs: 50,
          description: "the gate's first DescribeTargetHealth",
        });
        await sleep(1_000);
        restart.gateCallsBefore = stage.sim.counters.count({ identity, action: 'DescribeTargetHealth' });
        restart.stopAt = Date.now();
        await clusterCommand('restart-apiserver');
        restart.backAt = Date.now();
        // kube-controller-manager and kube-scheduler exit when they lose their lease (renew deadline
        // 10 s) during a long outage; on a real control plane their supervisor starts them again.
        await sleep(3_000);
        restart.restarted = deadComponents();
        if (restart.restarted.length > 0) await clusterCommand('up');
      },
      trafficAfterMs: 2_000,
    });
    try {
      const d = r.run.report?.deployments[0];
      const debug = r.run.lines
        .filter((l) => l.at >= restart.stopAt && l.at <= restart.backAt + 30_000 && /debug:/.test(l.text))
        .slice(0, 8);
      const afterRestart = r.run.lines.filter((l) => l.at > restart.backAt && !/debug:/.test(l.text)).slice(0, 6);
      log('scenario 4: kube-apiserver restarted during the watch (seed 003 fixed, nginx:latest → nginx:1.22.0)', [
        describeRun(r.run),
        `API server down from ${seconds(restart.stopAt - r.changedAt)} to ${seconds(restart.backAt - r.changedAt)} after the image change (${seconds(restart.backAt - restart.stopAt)}); gate exited at ${seconds(r.gateEndedAt - r.changedAt)}${restart.restarted.length ? `; restarted after losing their lease: ${restart.restarted.join(', ')}` : ''}`,
        `kubectl "successfully rolled out" (observer, re-listed ${r.observer.restarts} times): ${r.observer.kubectlCompleteAt ? seconds(r.observer.kubectlCompleteAt - r.changedAt) : 'never'}; load balancer caught up ${r.observer.caughtUpAt ? seconds(r.observer.caughtUpAt - r.changedAt) : 'never'}`,
        `traffic: ${codes(r.traffic)}; load balancer at the end: ${describeLb(r.observer.lbState())}`,
        'gate debug lines during the outage:',
        ...debug.map((l) => `  ${l.text.slice(0, 200)}`),
        'gate lines after the API server came back:',
        ...afterRestart.map((l) => `  ${l.text.slice(0, 200)}`),
      ]);
      record('s4-apiserver-restart', {
        exitCode: r.run.exitCode,
        result: d?.result,
        reason: d?.reason,
        downS: (restart.backAt - restart.stopAt) / 1000,
        gateExitS: (r.gateEndedAt - r.changedAt) / 1000,
        traffic: r.traffic.statusCodes,
      });

      // The restart really happened while the gate was watching, and broke watches.
      expect(restart.stopAt).toBeGreaterThan(r.run.startedAt);
      expect(r.run.endedAt).toBeGreaterThan(restart.backAt);
      expect(r.observer.restarts, "the harness's own watches never broke: did the API server restart?").toBeGreaterThan(
        0,
      );
      // The rollout could not have been complete before the outage.
      expect(r.observer.kubectlCompleteAt === undefined || r.observer.kubectlCompleteAt > restart.stopAt).toBe(true);

      // The right verdict, reached after the restart.
      expectGateAgrees({
        what: 'scenario 4, API server restart',
        run: r.run,
        traffic: r.traffic,
        observer: r.observer,
      });
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(0);
      expect(d).toMatchObject({ result: 'success', reason: 'converged', revision: 2, rollback: null });
      expect(revisionOf(await stage.deploymentNow())).toBe('2');
      expect(await stage.image()).toBe(NEW_IMAGE);
      expect(r.observer.caughtUp(r.observer.lbState()), describeLb(r.observer.lbState())).toBe(true);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
