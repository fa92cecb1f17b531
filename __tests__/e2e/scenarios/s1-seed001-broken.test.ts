/**
 * Scenario 1 (and 8 for its manifest): seed 001's demo, as published (no readiness gate, no preStop,
 * default grace period), rolled from nginx:latest to nginx:1.22.0 as the seed did, under a
 * constant 100 req/s through the simulated ALB. The traffic model records 5xx like the seed's curl
 * loop did; the gate (the CLI, rollback on) fails and restores the previous template, which we read
 * back through the API; once the load balancer has the restored pods, traffic is clean again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionOf } from '../helpers/objects.js';
import { waitFor } from '../helpers/wait.js';
import type { TrafficReport } from '../sim/index.js';
import { codes, failed, log, record, seconds, window } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import { describeLb } from './lib/observe.js';
import { describeRun, type GateRun, runValidate, runWatchCli, type ValidateRun } from './lib/product.js';
import { setupStage, type Stage } from './lib/stage.js';
import { expectValidateAgrees } from './lib/agreement.js';
import { expectGateAgrees } from './lib/gate-agreement.js';

const NS = 'zd-scen-s1';
const OLD_IMAGE = 'nginx:latest';
const NEW_IMAGE = 'nginx:1.22.0';

describe('scenario 1: seed 001 demo rolled to a new image: errors, the gate fails and rolls back', () => {
  let stage: Stage;
  let validate: ValidateRun;
  let rollout: TrafficReport | undefined;

  beforeAll(async () => {
    validate = await runValidate([Examples.seed001]);
    stage = await setupStage({ manifest: Examples.seed001, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('records 5xx in the traffic model; the gate fails below threshold and restores revision 1 as revision 3', async () => {
    const before = await stage.deploymentNow();
    expect(revisionOf(before)).toBe('1');
    expect(await stage.image()).toBe(OLD_IMAGE);
    const observer = await stage.observe();
    const attack = stage.sim.traffic.attack({ ingress: stage.ingress, rate: 100, durationMs: 10 * 60_000 });
    let run: GateRun;
    let restoredAt: number;
    try {
      await sleep(1_000);
      observer.arm(NEW_IMAGE);
      const changedAt = Date.now();
      await stage.setImage(NEW_IMAGE);
      run = await runWatchCli(
        { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
        { env: stage.env, killAfterMs: 240_000 },
      );
      const gateDone = Date.now();
      // After the rollback the restored pods have no readiness gate either: wait until the load
      // balancer has all of them healthy (and no other pod's target healthy), then measure again.
      observer.arm(OLD_IMAGE);
      await waitFor(async () => observer.caughtUp(observer.lbState()), {
        timeoutMs: 120_000,
        intervalMs: 100,
        description: 'the restored pods to be healthy targets',
      });
      restoredAt = Date.now();
      await sleep(5_000);
      const all = attack.stop();
      rollout = window(attack.hits, changedAt, gateDone);
      const after = window(attack.hits, restoredAt, Date.now());
      const fail = run.report?.deployments[0];
      log('scenario 1: seed 001 demo, nginx:latest → nginx:1.22.0, rollback on', [
        describeRun(run),
        `traffic during the rollout and the gate (${seconds(gateDone - changedAt)}): ${codes(rollout)} (success ${(rollout.success * 100).toFixed(2)}%)`,
        `traffic once the restored pods were healthy (${seconds(Date.now() - restoredAt)}): ${codes(after)}`,
        `first error ${rollout.firstErrorAt !== undefined ? seconds(rollout.firstErrorAt - changedAt) : 'none'} after the image change; kubectl rollout status would have said "successfully rolled out" at ${observer.kubectlCompleteAt ? seconds(observer.kubectlCompleteAt - changedAt) : 'never (the gate rolled back first)'}`,
        `gate threshold ${fail?.threshold}, lowest healthy seen by the gate ${fail?.minHealthyObserved}, by the simulator (100 ms samples) ${observer.minHealthy}`,
        `load balancer at the end: ${describeLb(observer.lastState)}`,
        'whole attack, vegeta layout:',
        ...stage.sim.traffic.format(all).split('\n'),
      ]);
      record('s1-seed001-broken', {
        exitCode: run.exitCode,
        result: fail?.result,
        reason: fail?.reason,
        gateSeconds: (run.endedAt - run.startedAt) / 1000,
        traffic: rollout.statusCodes,
        trafficAfterRestore: after.statusCodes,
        rolledBackTo: fail?.rolledBackTo,
        usage: run.usage,
      });

      // The seed's outage, reproduced: 5xx while the rollout outruns the load balancer.
      expect(failed(rollout)).toBeGreaterThan(0);
      expectGateAgrees({ what: 'scenario 1, seed 001 demo', run, traffic: rollout, observer });
      expect(Object.keys(rollout.statusCodes).some((c) => ['502', '503', '504'].includes(c))).toBe(true);

      // The gate failed on healthy targets below the threshold (desired 10 − maxUnavailable 2), or
      // on an old pod that stopped while its target was still healthy (seed 001 has no preStop:
      // which loss an answer shows first depends on the poll's phase), and rolled back.
      expect(run.killed).toBe(false);
      expect(run.exitCode).toBe(1);
      expect(run.report?.result).toBe('rolled-back');
      expect(fail).toMatchObject({
        name: stage.deployment,
        result: 'rolled-back',
        threshold: 8,
        revision: 2,
        rolledBackTo: 1,
      });
      expect(['below-threshold', 'exited-before-deregistration']).toContain(fail?.reason);
      if (fail?.reason === 'below-threshold') expect(fail.minHealthyObserved!).toBeLessThan(8);
      expect(fail!.rollback?.status).toBe('available');

      // Through the API: the previous template is back, as `kubectl rollout undo` leaves it.
      const now = await stage.deploymentNow();
      expect(now.spec?.template.spec?.containers.find((c) => c.name === stage.container)?.image).toBe(OLD_IMAGE);
      expect(revisionOf(now)).toBe('3');
      expect(now.spec?.template).toEqual(before.spec?.template);

      // Service restored: no failed request once the restored pods are healthy targets.
      expect(after.requests).toBeGreaterThan(400);
      expect(failed(after)).toBe(0);
    } finally {
      attack.stop();
      observer.stop();
    }
  });

  it('8 · validate flags the manifest whose rollout dropped requests', () => {
    expect(rollout, 'the rollout above did not complete').toBeDefined();
    expectValidateAgrees('seed 001 demo', validate, rollout!);
    // The findings name the missing fixes the seeds applied.
    const rules = new Set(validate.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId));
    expect(rules).toContain('readiness-gate');
    expect(rules).toContain('prestop-hook');
  });
});
