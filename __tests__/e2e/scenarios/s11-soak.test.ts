/**
 * Scenario 11: a release that degrades right after it rolled out. Seed 003's fixed Deployment is
 * rolled to a new image; once the gate says the load balancer caught up (its soak starts), two of
 * the new pods start failing their health checks and requests (the simulator's
 * `zd-gate.test/lb-health: fail`). Without a soak the gate would already have passed; with it the
 * gate fails the release during the soak (`targets-degraded`), rolls it back, and agrees with the
 * traffic model (the requests those pods answered with 500 before the load balancer marked them
 * unhealthy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../helpers/kubectl.js';
import { revisionOf } from '../helpers/objects.js';
import { waitFor } from '../helpers/wait.js';
import { codes, failed, log, record } from './lib/figures.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { Examples } from './lib/manifests.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s11';
const IMAGE = 'nginx:1.22.0';

describe('scenario 11: degradation right after convergence, caught by the soak', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('two new pods start failing as the soak begins: the gate fails during the soak and rolls back', async () => {
    let soakStartedAt: number | undefined;
    let degradedAt: number | undefined;
    let degradedPods: string[] = [];
    const r = await rolloutWithGate(stage, {
      image: IMAGE,
      entry: 'cli',
      inputs: {
        namespace: NS,
        deployments: stage.deployment,
        'poll-interval': '2s',
        // 12 s of soak in the scaled simulation: the health check notices a failing target in 3 s.
        'soak-seconds': '12',
        rollback: 'true',
      },
      run: {
        onLine: (l) => {
          if (soakStartedAt === undefined && /soak: watching target health/.test(l.text)) soakStartedAt = l.at;
        },
      },
      during: async ({ gateExited }) => {
        await waitFor(async () => soakStartedAt !== undefined || gateExited.aborted, {
          timeoutMs: 180_000,
          intervalMs: 50,
          description: "the gate's soak to start",
        });
        if (gateExited.aborted) return;
        const pods = JSON.parse(
          (await kubectl(['-n', NS, 'get', 'pods', '-l', stage.selector, '-o', 'json'])).stdout,
        ) as {
          items: {
            metadata: { name: string; deletionTimestamp?: string };
            spec: { containers: { image: string }[] };
          }[];
        };
        degradedPods = pods.items
          .filter((p) => !p.metadata.deletionTimestamp && p.spec.containers[0]?.image === IMAGE)
          .slice(0, 2)
          .map((p) => p.metadata.name);
        degradedAt = Date.now();
        await kubectl(['-n', NS, 'annotate', 'pods', ...degradedPods, 'zd-gate.test/lb-health=fail', '--overwrite']);
      },
    });
    try {
      const d = r.run.report?.deployments[0];
      const rel = (t: number | undefined): string =>
        t === undefined ? 'never' : `${((t - r.changedAt) / 1000).toFixed(1)}s`;
      log('scenario 11: seed 003 fixed, nginx:latest → nginx:1.22.0, two new pods failing as the soak starts', [
        describeRun(r.run),
        `soak started ${rel(soakStartedAt)}; pods ${degradedPods.join(', ')} failing from ${rel(degradedAt)}; gate verdict ${rel(r.failedLineAt)}`,
        `traffic: ${codes(r.traffic)}`,
      ]);
      record('s11-soak', {
        exitCode: r.run.exitCode,
        result: d?.result,
        reason: d?.reason,
        soak: d?.soak,
        degradedAfterSoakS: soakStartedAt && degradedAt ? (degradedAt - soakStartedAt) / 1000 : null,
        verdictAfterDegradationS: degradedAt && r.failedLineAt ? (r.failedLineAt - degradedAt) / 1000 : null,
        traffic: r.traffic.statusCodes,
      });
      expect(degradedPods).toHaveLength(2);
      expect(failed(r.traffic)).toBeGreaterThan(0);
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(1);
      expect(d).toMatchObject({ result: 'rolled-back', reason: 'targets-degraded', revision: 2, rolledBackTo: 1 });
      expect(d?.message).toMatch(/was healthy and now fails the load balancer health check/);
      expect(d?.soak?.startedSeconds).not.toBeNull();
      expect(r.run.text).toMatch(/soak: watching target health/);
      expect(revisionOf(await stage.deploymentNow())).toBe('3');
      expectGateAgrees({
        what: 'scenario 11, degradation during the soak',
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
