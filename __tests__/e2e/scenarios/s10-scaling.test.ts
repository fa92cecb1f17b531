/**
 * Scenario 10: someone else scales the Deployment while the gate watches its rollout (an
 * autoscaler, a person): seed 003's fixed Deployment, rolled to a new image, scaled from 10 to 16
 * mid-rollout (A), then rolled again and scaled from 16 down to 6 (B). The threshold must follow the
 * spec without ever requiring targets for pods that cannot exist yet or more than the new spec
 * allows: no failed request, and the gate passes both times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../helpers/kubectl.js';
import { waitFor } from '../helpers/wait.js';
import { codes, failed, log, record } from './lib/figures.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { Examples } from './lib/manifests.js';
import { describeRun } from './lib/product.js';
import { type RolloutResult, rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s10';

describe('scenario 10: scaled up and down by someone else mid-watch', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '1s' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  async function scaledRollout(image: string, replicas: number, afterMs: number): Promise<RolloutResult> {
    let watching = false;
    return rolloutWithGate(stage, {
      image,
      entry: 'cli',
      inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
      run: { onLine: (l) => void (watching ||= /: revision \d+: new ReplicaSet/.test(l.text)) },
      during: async ({ gateExited }) => {
        // Once the gate follows the rollout (its process has started and listed), `afterMs` later.
        await waitFor(async () => watching || gateExited.aborted, {
          timeoutMs: 60_000,
          intervalMs: 50,
          description: 'the gate to follow the rollout',
        });
        await sleep(afterMs, undefined, { signal: gateExited }).catch(() => undefined);
        if (!gateExited.aborted)
          await kubectl(['-n', NS, 'scale', `deployment/${stage.deployment}`, `--replicas=${replicas}`]);
      },
      trafficAfterMs: 2_000,
    });
  }

  function check(r: RolloutResult, what: string, replicas: number, threshold: number): void {
    const d = r.run.report?.deployments[0];
    const scaled = d?.milestones.find((m) => /^scaled (up|down) from/.test(m.text));
    log(`scenario 10 ${what}`, [
      describeRun(r.run),
      `traffic: ${codes(r.traffic)}`,
      `milestone: ${scaled ? `+${scaled.t.toFixed(1)}s ${scaled.text}` : 'none'}`,
    ]);
    record(`s10-scaling-${what}`, {
      exitCode: r.run.exitCode,
      result: d?.result,
      reason: d?.reason,
      threshold: d?.threshold,
      minHealthyObserved: d?.minHealthyObserved,
      traffic: r.traffic.statusCodes,
    });
    expect(r.run.killed).toBe(false);
    expect(scaled, 'the gate did not see the scale event').toBeDefined();
    // The false failure of issue 9: a threshold raised before the new pods could be targets.
    expect(d?.reason, d?.message).not.toBe('below-threshold');
    expectGateAgrees({ what: `scenario 10 ${what}`, run: r.run, traffic: r.traffic, observer: r.observer });
    // A healthy release passes (on a quiet machine, always: the traffic has no failed request then).
    if (failed(r.traffic) === 0) {
      expect(r.run.exitCode, r.run.text.slice(-3000)).toBe(0);
      expect(d).toMatchObject({ result: 'success', reason: 'converged', rollback: null, desired: replicas, threshold });
    }
  }

  it('A · scaled up from 10 to 16 mid-rollout: the threshold follows the new pods, no false failure', async () => {
    const r = await scaledRollout('nginx:1.22.0', 16, 1_500);
    try {
      check(r, 'A up 10→16', 16, 12);
      expect(
        r.run.report!.deployments[0]!.milestones.some((m) => /scaled up from 10 to 16 replicas/.test(m.text)),
      ).toBe(true);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });

  it('B · scaled down to 6 mid-rollout: never more than the new spec is required, no false failure', async () => {
    const now = (await stage.deploymentNow()).spec?.replicas ?? 10;
    await stage.waitAllHealthy(now);
    const r = await scaledRollout('nginx:1.23.1', 6, 1_500);
    try {
      check(r, 'B down to 6', 6, 5);
      expect(
        r.run.report!.deployments[0]!.milestones.some((m) => /scaled down from \d+ to 6 replicas/.test(m.text)),
      ).toBe(true);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
