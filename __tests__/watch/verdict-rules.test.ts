/**
 * Every row of the verdict table (core/gate/verdicts.ts), each reached by a scenario in simulated
 * time (RolloutSim + the pure gate). A rule added to the table without a scenario here fails the
 * first test; a scenario that no longer reaches its rule fails its own.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from '../helpers/gate-harness.js';
import { RolloutSim, seedsAlb, seedsDeployment, tgArn, type SimOptions } from '../helpers/rollout-sim.js';
import { elbEvidence } from '../helpers/sim-cloudwatch.js';
import { VERDICT_RULES, type VerdictReason } from '../../src/core/gate/verdicts.js';

const TG = tgArn('k8s-demo-web-610dd2305f');
const gated = (o: Partial<SimOptions> = {}, tg = {}): RolloutSim =>
  new RolloutSim(seedsDeployment(TG, { targetGroups: [seedsAlb(TG, { gated: true, ...tg })], ...o }));

/** After the load balancer caught up, two of the new pods start failing. */
function degradeAfterConvergence(): Scenario['observe'] {
  let at: number | undefined;
  return (now, sim) => {
    const t = sim.truth(TG);
    if (at === undefined && t.newHealthy === 10 && t.oldHealthy === 0) at = now;
    if (at !== undefined && now === at + 2_000) sim.degrade(2);
  };
}

const CASES: Record<VerdictReason, () => Omit<Scenario, 'maxMs'>> = {
  error: () => ({
    sim: gated(),
    inject: (now) =>
      now === 10_000
        ? { type: 'error', message: 'AccessDenied: elasticloadbalancing:DescribeTargetHealth' }
        : undefined,
  }),
  cancelled: () => ({
    sim: gated(),
    inject: (now) => (now === 10_000 ? { type: 'cancel', message: 'received SIGTERM' } : undefined),
  }),
  deleted: () => ({ sim: gated(), inject: (now) => (now === 10_000 ? { type: 'deployment-deleted' } : undefined) }),
  'exited-before-deregistration': () => ({ sim: gated({ terminationMs: 200 }, { deregisterMs: 10_000 }) }),
  paused: () => ({ sim: gated(), script: (now, sim) => now === 8_000 && sim.pause() }),
  'progress-deadline': () => ({ sim: gated({ newReleaseHealthy: false, progressDeadlineSeconds: 40 }) }),
  'new-targets-unhealthy': () => ({ sim: gated({ newReleaseHealthy: false }) }),
  'targets-degraded': () => ({ sim: gated(), config: { soakMs: 30_000 }, observe: degradeAfterConvergence() }),
  'below-threshold': () => ({ sim: new RolloutSim(seedsDeployment(TG)) }),
  'probe-errors': () => ({
    sim: gated(),
    config: { maxErrorRate: 0 },
    inject: (now) =>
      now === 10_000 ? { type: 'evidence', source: 'probe', value: { total: 50, errors: 1 } } : undefined,
  }),
  // Old pods that never leave the load balancer (their deregistration never comes, their preStop outlasts the watch).
  // Old pods stop 2.5 s into their deletion, after their deregistration (1.5 s) but while the ALB
  // still routes to them (3 s of propagation): the target states never show it (deregistration-seconds
  // 0 turns the estimate off), the load balancer counts the 502s.
  'elb-errors': () => {
    const sim = gated({ terminationMs: 2_500 }, { propagationMs: 3_000 });
    const elb = elbEvidence(sim);
    return { sim, config: { ...elb.config, deregistrationMs: 0, soakMs: 30_000 }, inject: elb.inject };
  },
  // A healthy rollout whose load balancer metrics never arrive: never a pass.
  'elb-metrics-missing': () => {
    const sim = gated();
    const elb = elbEvidence(sim, { withhold: true, waitMs: 60_000 });
    return { sim, config: { ...elb.config, soakMs: 30_000 }, inject: elb.inject };
  },
  'settle-timeout': () => ({
    sim: gated({ terminationMs: 10_000_000 }, { deregisterMs: 10_000_000 }),
    config: { settleTimeoutMs: 30_000 },
  }),
  timeout: () => ({ sim: gated({ containersReadyMs: 10_000_000 }), config: { timeoutMs: 120_000 } }),
  converged: () => ({ sim: gated(), config: { soakMs: 30_000 } }),
};

describe('every verdict rule in simulated time', () => {
  it('each rule of the table has a scenario, and each scenario names a rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(VERDICT_RULES.map((r) => r.reason).sort());
  });

  it.each(VERDICT_RULES.map((r) => [r.reason, r] as const))('%s', (reason, rule) => {
    const r = runScenario({ maxMs: 900_000, ...CASES[reason as VerdictReason]() });
    expect(r.verdict, `no verdict for ${reason}`).toBeDefined();
    expect(r.verdict).toMatchObject({ reason, result: rule.result, rollbackAdvised: rule.rollback, claim: rule.claim });
    // The traffic account agrees: a pass saw no failed request; a claim of failed requests saw some.
    const failed = r.sim.trafficOf(TG).failed;
    if (rule.claim === 'no-loss-seen') expect(failed).toBe(0);
    if (rule.claim === 'requests-failed' && reason !== 'probe-errors') expect(failed).toBeGreaterThan(0);
  });
});
