/**
 * Scenario 8 with a third setting: seed 003's fixed deployment without its preStop hook (readiness
 * gate and probes kept). New pods wait for their targets, but old pods stop at once while the load
 * balancer still routes to them for the deregistration propagation: "old pods die before they are
 * deregistered" (seeds 000, 003).
 * - validate, run first, must flag it (prestop-hook) since the rollout drops requests;
 * - two gates watch the same rollout side by side, rollback off: one with its probe on the
 *   simulated ALB (max-error-rate 0), which must fail on the errors it measures; one on target
 *   health alone, which must fail too: it sees old pods exit (deletion → gone in about a second)
 *   while their targets are still draining, before the load balancer has stopped routing to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectValidateAgrees } from './lib/agreement.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { codes, failed, log, record } from './lib/figures.js';
import { Examples, findDeployment, writeVariant } from './lib/manifests.js';
import { describeRun, type GateRun, runValidate, runWatchCli, type ValidateRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s8';

describe('scenario 8: validate then watch, seed 003 without its preStop hook', () => {
  let stage: Stage;
  let validate: ValidateRun;
  const manifest = writeVariant(Examples.seed003, 'seed-003-fixed-without-prestop', (objects) => {
    for (const c of findDeployment(objects).spec.template.spec.containers) delete c.lifecycle;
  });
  beforeAll(async () => {
    validate = await runValidate([manifest]);
    stage = await setupStage({ manifest, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('the traffic model records errors, validate flags the missing preStop, the probing gate fails', async () => {
    const frontend = await stage.sim.traffic.frontend({ ingress: stage.ingress });
    const common = { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'false' };
    let targetHealthOnly: GateRun | undefined;
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.22.0',
      entry: 'cli',
      inputs: { ...common, 'probe-url': `${frontend.url}/`, 'probe-rate': '20', 'max-error-rate': '0' },
      during: async () => {
        targetHealthOnly = await runWatchCli(common, { env: stage.env, killAfterMs: 240_000 });
      },
      trafficAfterMs: 2_000,
    });
    try {
      const probing = r.run.report?.deployments[0];
      const plain = targetHealthOnly?.report?.deployments[0];
      log('scenario 8: seed 003 fixed without preStop, nginx:latest → nginx:1.22.0, two gates', [
        `traffic model: ${codes(r.traffic)} (${failed(r.traffic)} failed)`,
        `gate with probe: ${describeRun(r.run)}; probe ${r.run.report?.probe?.errors} errors of ${r.run.report?.probe?.total}`,
        `gate on target health alone: ${targetHealthOnly ? describeRun(targetHealthOnly) : 'did not run'}`,
      ]);
      record('s8-no-prestop', {
        traffic: r.traffic.statusCodes,
        probing: {
          exitCode: r.run.exitCode,
          result: probing?.result,
          reason: probing?.reason,
          probe: r.run.report?.probe,
        },
        targetHealthOnly: {
          exitCode: targetHealthOnly?.exitCode,
          result: plain?.result,
          reason: plain?.reason,
          minHealthyObserved: plain?.minHealthyObserved,
        },
      });

      // The outage of the seeds, through the load balancer's deregistration lag.
      expect(failed(r.traffic)).toBeGreaterThan(0);
      // The probing gate measured it and failed the job.
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(1);
      expect(probing).toMatchObject({ result: 'failed', reason: 'probe-errors', rollback: null });
      expect(r.run.report?.probe?.errors).toBeGreaterThan(0);
      expect(targetHealthOnly, 'the second gate did not run').toBeDefined();
      expect(targetHealthOnly!.killed).toBe(false);
      // Target health alone sees the pods die before the load balancer let go of them.
      expect(targetHealthOnly!.exitCode).toBe(1);
      expect(plain).toMatchObject({ result: 'failed', reason: 'exited-before-deregistration' });
      expectGateAgrees({ what: 'scenario 8, probing gate', run: r.run, traffic: r.traffic, observer: r.observer });
      expectGateAgrees({
        what: 'scenario 8, target health alone',
        run: targetHealthOnly!,
        traffic: r.traffic,
        observer: r.observer,
      });
      // validate, run before the rollout, flagged what dropped the requests.
      expectValidateAgrees('seed 003 fixed without preStop', validate, r.traffic);
      expect(validate.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toContain('prestop-hook');
    } finally {
      r.attack.stop();
      r.observer.stop();
      await frontend.close();
    }
  });
});
