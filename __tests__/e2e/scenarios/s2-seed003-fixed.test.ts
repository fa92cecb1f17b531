/**
 * Scenario 2 (and 8 for its manifests): seed 001's demo with seed 003's fixes (readiness gate,
 * preStop sleep 70 → 7 s scaled, grace period 90 → 9 s, plus the probes and PDB of
 * examples/seed-003-fixed), rolled the same way, under 100 req/s through the simulated ALB.
 *
 * A. As published (25 %/25 %), gate run as the GitHub Action entry (INPUT_*, GITHUB_OUTPUT,
 *    GITHUB_STEP_SUMMARY) with its probe on the simulated ALB: no failed request, the action
 *    passes with its outputs, never before the load balancer caught up.
 * B. The same Deployment with maxUnavailable 0 (CLI): old pods leave only after their
 *    replacements are healthy, so the rollout always ends with old pods being deleted, whose
 *    targets are still healthy when `kubectl rollout status` says "successfully rolled out". The
 *    gate must not pass at that moment, only once those targets are draining.
 *    (With 25 %/25 % the last step is sometimes a new pod going Ready, which the readiness gate
 *    already ties to its target's health, and then kubectl and the load balancer agree.)
 * kubectl's moment is taken from a watch on the Deployment, the load balancer's from the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionOf } from '../helpers/objects.js';
import type { TrafficReport } from '../sim/index.js';
import { expectValidateAgrees } from './lib/agreement.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { codes, log, record, seconds } from './lib/figures.js';
import { Examples, findDeployment, writeVariant } from './lib/manifests.js';
import { describeLb } from './lib/observe.js';
import { describeRun, runValidate, type ValidateRun } from './lib/product.js';
import { healthyRollout, type RolloutResult, rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s2';

/**
 * The stage's premise: the webhook gave every new pod its readiness gate, so none was Ready before
 * its target was healthy. When it does not hold (for instance the API server skipping a webhook it
 * could not call, failurePolicy Ignore), the rollout really lost capacity; name the pods.
 */
function expectGatedPods(r: RolloutResult): void {
  const early = [...r.observer.readyBeforeHealthy].map(
    ([pod, v]) => `${pod} (target ${v.target}, readiness gates: ${v.gates.join(', ') || 'none'})`,
  );
  expect(early, `new pods Ready before their targets were healthy: ${early.join('; ')}`).toEqual([]);
}

function timeline(r: RolloutResult): string[] {
  const o = r.observer;
  const at = (t: number | undefined): string => (t === undefined ? 'never' : `${seconds(t - r.changedAt)}`);
  const verdictAt = r.passedLineAt ?? r.failedLineAt;
  return [
    describeRun(r.run),
    `traffic (${seconds(Date.now() - r.changedAt)} from the change): ${codes(r.traffic)}`,
    `kubectl "successfully rolled out" at ${at(o.kubectlCompleteAt)}; load balancer then: ${describeLb(o.lbAtKubectlComplete)}`,
    `load balancer caught up at ${at(o.caughtUpAt)}; gate verdict at ${at(verdictAt)}${r.passedLineAt ? ' (its "passed" line)' : ''}; gate exit at ${at(r.gateEndedAt)}`,
    `gate: threshold ${r.run.report?.deployments[0]?.threshold}, lowest healthy it saw ${r.run.report?.deployments[0]?.minHealthyObserved}; simulator (100 ms samples): lowest ${o.minHealthy}`,
  ];
}

function figures(r: RolloutResult): Record<string, unknown> {
  const rel = (t: number | undefined): number | null => (t === undefined ? null : (t - r.changedAt) / 1000);
  return {
    exitCode: r.run.exitCode,
    result: r.run.report?.deployments[0]?.result,
    traffic: r.traffic.statusCodes,
    kubectlCompleteS: rel(r.observer.kubectlCompleteAt),
    caughtUpS: rel(r.observer.caughtUpAt),
    gatePassedS: rel(r.passedLineAt),
    usage: r.run.usage,
  };
}

describe('scenario 2: seed 003 fixed deployment rolled to a new image: no error, the gate passes once the load balancer caught up', () => {
  let stage: Stage;
  const validated: Array<{ what: string; validate: ValidateRun; traffic: TrafficReport }> = [];
  let validateA: ValidateRun;
  let validateB: ValidateRun;
  const variantB = writeVariant(Examples.seed003, 'seed-003-fixed-max-unavailable-0', (objects) => {
    findDeployment(objects).spec.strategy = {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
    };
  });

  beforeAll(async () => {
    [validateA, validateB] = await Promise.all([runValidate([Examples.seed003]), runValidate([variantB])]);
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('A · as published, action entry: zero failed requests; passes with outputs, never before the load balancer caught up', async () => {
    const frontend = await stage.sim.traffic.frontend({ ingress: stage.ingress });
    let revision = 0;
    const r = await healthyRollout(stage, 8, 'scenario 2A', async () => {
      revision = Number(revisionOf(await stage.deploymentNow())) + 1;
      return rolloutWithGate(stage, {
        image: 'nginx:1.22.0',
        entry: 'action',
        inputs: {
          namespace: NS,
          deployments: stage.deployment,
          'poll-interval': '2s',
          rollback: 'true',
          'probe-url': `${frontend.url}/`,
          'probe-rate': '10',
          'max-error-rate': '0',
        },
        // The last old pods keep serving for their preStop (7 s): keep measuring until they are gone.
        trafficAfterMs: 9_000,
      });
    }).catch(async (e: unknown) => {
      await frontend.close();
      throw e;
    });
    try {
      expect(r.observer.restarts, "the observer's watches broke: its timings are not continuous").toBe(0);
      log('scenario 2A: seed 003 fixed as published, nginx:latest → nginx:1.22.0 (action entry, probe on)', [
        ...timeline(r),
        `outputs: ${JSON.stringify(r.run.outputs)}`,
        `probe: ${frontend.hits.length} requests through the simulated ALB: ${codes(frontend.report())}`,
      ]);
      record('s2a-seed003-fixed', { ...figures(r), outputs: r.run.outputs });
      validated.push({ what: 'seed 003 fixed (examples/seed-003-fixed)', validate: validateA, traffic: r.traffic });

      // The seeds' fixed experiment: not one failed request.
      expect(r.traffic.requests).toBeGreaterThan(1_000);
      expect(r.traffic.statusCodes).toEqual({ '200': r.traffic.requests });
      expectGateAgrees({
        what: 'scenario 2A, seed 003 fixed (action)',
        run: r.run,
        traffic: r.traffic,
        observer: r.observer,
      });

      // The stage's premise: readiness gates hold every new pod back until its target is healthy.
      expectGatedPods(r);
      // The action passed, with its outputs and job summary.
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(0);
      expect(r.run.outputs).toMatchObject({
        result: 'success',
        revision: String(revision),
        threshold: '8',
        'errors-observed': '0',
        'rolled-back-to': '',
      });
      expect(Number(r.run.outputs['min-healthy-observed'])).toBeGreaterThanOrEqual(8);
      expect(r.run.report?.deployments[0]).toMatchObject({
        result: 'success',
        reason: 'converged',
        revision,
        rollback: null,
      });
      expect(r.run.report?.probe?.total).toBeGreaterThan(0);
      expect(r.run.report?.probe?.errors).toBe(0);
      expect(r.run.summary).toContain('success');
      expect(r.run.summary).toContain('```mermaid');
      expect(revisionOf(await stage.deploymentNow())).toBe(String(revision));

      // Never before kubectl, never before the load balancer caught up. Allowance 100 ms: the
      // observer samples the load balancer every 100 ms, and when the last step is a new pod going
      // Ready (the load balancer then already caught up) the gate's watch and the observer's receive
      // the same Deployment event side by side. Scenario B makes the strict case.
      expect(r.observer.kubectlCompleteAt, 'kubectl rollout status never saw the rollout complete').toBeDefined();
      expect(r.observer.caughtUpAt, 'the load balancer never caught up').toBeDefined();
      expect(r.passedLineAt, 'no "<deployment>: passed" line in the action log').toBeDefined();
      expect(r.passedLineAt!).toBeGreaterThanOrEqual(r.observer.kubectlCompleteAt! - 100);
      expect(r.passedLineAt!).toBeGreaterThanOrEqual(r.observer.caughtUpAt! - 100);
    } finally {
      r.attack.stop();
      r.observer.stop();
      await frontend.close();
    }
  });

  it('B · maxUnavailable 0, CLI: kubectl says "successfully rolled out" while old targets are still healthy; the gate passes only after they drain', async () => {
    let revision = 0;
    const r = await healthyRollout(stage, 10, 'scenario 2B', async () => {
      revision = Number(revisionOf(await stage.deploymentNow())) + 1;
      return rolloutWithGate(stage, {
        image: 'nginx:1.23.1',
        patch: { spec: { strategy: { rollingUpdate: { maxUnavailable: 0 } } } },
        entry: 'cli',
        inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
        trafficAfterMs: 9_000,
      });
    });
    try {
      expect(r.observer.restarts, "the observer's watches broke: its timings are not continuous").toBe(0);
      log('scenario 2B: seed 003 fixed with maxUnavailable 0, nginx:1.22.0 → nginx:1.23.1 (CLI)', timeline(r));
      record('s2b-seed003-fixed-max-unavailable-0', figures(r));
      validated.push({ what: 'seed 003 fixed, maxUnavailable 0', validate: validateB, traffic: r.traffic });

      expect(r.traffic.statusCodes).toEqual({ '200': r.traffic.requests });
      expectGateAgrees({ what: 'scenario 2B, maxUnavailable 0', run: r.run, traffic: r.traffic, observer: r.observer });
      expectGatedPods(r);
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(0);
      expect(r.run.report?.deployments[0]).toMatchObject({
        result: 'success',
        reason: 'converged',
        revision,
        threshold: 10,
      });

      // kubectl would have passed here, with the load balancer still routing to old pods.
      const o = r.observer;
      expect(o.kubectlCompleteAt, 'kubectl rollout status never saw the rollout complete').toBeDefined();
      expect(
        o.caughtUp(o.lbAtKubectlComplete!),
        `load balancer at kubectl's completion: ${describeLb(o.lbAtKubectlComplete)}`,
      ).toBe(false);
      expect(o.lbAtKubectlComplete!.oldHealthy + o.lbAtKubectlComplete!.goneHealthy).toBeGreaterThan(0);
      // The gate did not: it passed after kubectl, and only once the load balancer had caught up.
      expect(o.caughtUpAt, 'the load balancer never caught up').toBeDefined();
      expect(r.passedLineAt, 'no "<deployment>: passed" line in the gate log').toBeDefined();
      expect(r.passedLineAt!).toBeGreaterThan(o.kubectlCompleteAt!);
      expect(r.passedLineAt!).toBeGreaterThanOrEqual(o.caughtUpAt! - 100);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });

  it('8 · validate passes the manifests whose rollouts dropped no request', () => {
    expect(validated.length, 'the rollouts above did not complete').toBe(2);
    for (const v of validated) expectValidateAgrees(v.what, v.validate, v.traffic);
  });
});
