/**
 * Scenario 12: the rollout changes under the gate.
 * A. Paused mid-rollout (`kubectl rollout pause`): the gate says `paused` at once, in kubectl's
 *    words and with the hint to resume, attempts no rollback (kubectl refuses one), and exits 1;
 *    no request failed, and the rollout never completed.
 * B. A second deploy mid-watch (`kubectl set image` again, 2 s into the watch): the gate follows
 *    the newest revision and passes when it is healthy; no request failed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../helpers/kubectl.js';
import { revisionOf } from '../helpers/objects.js';
import { waitFor } from '../helpers/wait.js';
import { codes, log, record } from './lib/figures.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { Examples } from './lib/manifests.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s12';

describe('scenario 12: a paused rollout, and a second deploy mid-watch', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '1s' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('A · paused mid-rollout: reason paused with the hint to resume, no rollback attempted, exit 1', async () => {
    let pausedAt = 0;
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.22.0',
      entry: 'cli',
      inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
      during: async ({ gateExited }) => {
        await sleep(1_500, undefined, { signal: gateExited }).catch(() => undefined);
        if (gateExited.aborted) return;
        pausedAt = Date.now();
        await kubectl(['-n', NS, 'rollout', 'pause', `deployment/${stage.deployment}`]);
      },
      trafficAfterMs: 1_000,
    });
    try {
      const d = r.run.report?.deployments[0];
      log('scenario 12A: paused 1.5 s into the rollout', [
        describeRun(r.run),
        `paused ${((pausedAt - r.changedAt) / 1000).toFixed(1)}s after the change; verdict line ${r.failedLineAt ? `${((r.failedLineAt - pausedAt) / 1000).toFixed(1)}s after the pause` : 'none'}`,
        `traffic: ${codes(r.traffic)}`,
      ]);
      record('s12a-paused', {
        exitCode: r.run.exitCode,
        result: d?.result,
        reason: d?.reason,
        verdictAfterPauseS: r.failedLineAt ? (r.failedLineAt - pausedAt) / 1000 : null,
        traffic: r.traffic.statusCodes,
      });
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(1);
      expect(d).toMatchObject({
        result: 'failed',
        reason: 'paused',
        claim: 'not-rolled-out',
        rollback: null,
        rolledBackTo: null,
      });
      expect(d?.message).toMatch(/is paused \(Progressing: DeploymentPaused, "Deployment is paused"\)/);
      expect(d?.message).toMatch(/kubectl rollout resume deployment\/demo-nginx-deployment/);
      expect(r.run.text).toMatch(/no rollback: kubectl refuses to roll back a paused Deployment/);
      expect(r.traffic.statusCodes).toEqual({ '200': r.traffic.requests });
      expect(revisionOf(await stage.deploymentNow())).toBe('2');
      expectGateAgrees({ what: 'scenario 12A, paused', run: r.run, traffic: r.traffic, observer: r.observer });
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
    // Resume and let it finish, for B.
    await kubectl(['-n', NS, 'rollout', 'resume', `deployment/${stage.deployment}`]);
    await stage.settle('the resumed rollout');
  });

  it('B · a second deploy 2 s into the watch: the gate follows the newest revision and passes', async () => {
    let redeployedAt = 0;
    let watching = false;
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.23.1',
      entry: 'cli',
      inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
      run: { onLine: (l) => void (watching ||= /: revision \d+: new ReplicaSet/.test(l.text)) },
      during: async ({ gateExited }) => {
        // Once the gate follows the first new revision (its process has started and listed).
        await waitFor(async () => watching || gateExited.aborted, {
          timeoutMs: 60_000,
          intervalMs: 50,
          description: 'the gate to follow the first deploy',
        });
        await sleep(2_000, undefined, { signal: gateExited }).catch(() => undefined);
        if (gateExited.aborted) return;
        redeployedAt = Date.now();
        await stage.setImage('nginx:1.25.0');
      },
      trafficAfterMs: 2_000,
    });
    try {
      const d = r.run.report?.deployments[0];
      log('scenario 12B: nginx:1.22.0 → nginx:1.23.1, then nginx:1.25.0 2 s into the watch', [
        describeRun(r.run),
        `second deploy ${((redeployedAt - r.changedAt) / 1000).toFixed(1)}s after the first`,
        `traffic: ${codes(r.traffic)}`,
        ...(d?.milestones ?? [])
          .filter((m) => /revision/.test(m.text))
          .map((m) => `milestone +${m.t.toFixed(1)}s ${m.text}`),
      ]);
      record('s12b-second-deploy', {
        exitCode: r.run.exitCode,
        result: d?.result,
        reason: d?.reason,
        revision: d?.revision,
        traffic: r.traffic.statusCodes,
      });
      expect(redeployedAt).toBeGreaterThan(0);
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode, r.run.text.slice(-3000)).toBe(0);
      const now = await stage.deploymentNow();
      expect(d).toMatchObject({
        result: 'success',
        reason: 'converged',
        revision: Number(revisionOf(now)),
        rollback: null,
      });
      expect(await stage.image()).toBe('nginx:1.25.0');
      expect(
        d!.milestones.some((m) => /replaced revision \d+ while the gate watched \(another deploy\)/.test(m.text)),
      ).toBe(true);
      expect(r.traffic.statusCodes).toEqual({ '200': r.traffic.requests });
      expectGateAgrees({
        what: 'scenario 12B, second deploy mid-watch',
        run: r.run,
        traffic: r.traffic,
        observer: r.observer,
      });
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
