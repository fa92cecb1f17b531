/**
 * The gate through the parts of a watch the seeds' scenarios do not reach, in simulated time
 * (RolloutSim + the pure gate): scaling by someone else in both directions, the soak after
 * convergence, a paused rollout, a second deploy mid-watch, cancellation. Each scenario also holds
 * the verdict against the simulation's traffic account (requests routed to pods that did not serve).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, type ScenarioResult } from '../helpers/gate-harness.js';
import {
  RolloutSim,
  seedsAlb,
  seedsDeployment,
  tgArn,
  type SimOptions,
  type SimTargetGroup,
} from '../helpers/rollout-sim.js';
import { Gate } from '../../src/core/gate/gate.js';
import { VERDICT_RULES } from '../../src/core/gate/verdicts.js';

const TG = tgArn('k8s-demo-web-610dd2305f');

const alb = (overrides: Partial<SimTargetGroup> = {}): SimTargetGroup => seedsAlb(TG, { gated: true, ...overrides });

/** The seeds' fixed Deployment: readiness gate, a 20 s preStop, 10 replicas at 25 %/25 %. */
const fixed = (overrides: Partial<SimOptions> = {}): SimOptions =>
  seedsDeployment(TG, { targetGroups: [alb()], ...overrides });

/**
 * The traffic account agrees with the verdict: failed requests ⇒ not a pass, or a pass that names
 * the blind spot; a pass without a blind spot ⇒ none failed.
 */
function expectAgreement(r: ScenarioResult): void {
  const failed = r.sim.trafficOf(TG).failed;
  const named = r.gate.snapshot().blindSpots.length > 0;
  if (r.verdict?.result === 'success' && !named) expect(failed, 'the gate passed while requests failed').toBe(0);
  if (failed > 0 && !named) expect(r.verdict?.result, `${failed} requests failed`).not.toBe('success');
}

describe('scaling by someone else while the gate watches', () => {
  it('a scale-up from 10 to 16 mid-rollout does not fail a healthy release (the threshold follows the new pods)', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 20_000) sim.scale(16);
      },
    });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    expect(r.truthAtVerdict.get(TG)).toMatchObject({ newHealthy: 16, oldHealthy: 0 });
    const notes = r.effects
      .filter((e) => e.type === 'milestone')
      .map((e) => e.type === 'milestone' && e.milestone.text);
    expect(notes.some((t) => /scaled up from 10 to 16 replicas/.test(String(t)))).toBe(true);
    // The requirement never ran ahead of the targets that could be healthy: 8 (before the scale) until
    // the new pods' targets were healthy, then up to 12 = 16 − maxUnavailable 4.
    const timeline = r.gate.snapshot().timeline;
    expect(timeline.every((p) => p.threshold <= Math.max(8, p.healthy))).toBe(true);
    expect(timeline.at(-1)?.threshold).toBe(12);
    expectAgreement(r);
  });

  it('a scale-up applied together with the new image (fewer available replicas than the new threshold at start) passes', () => {
    const sim = new RolloutSim(fixed());
    const r = runScenario({
      sim,
      maxMs: 900_000,
      script: (now, s) => {
        if (now === 0) s.scale(16);
      },
    });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    expectAgreement(r);
  });

  it('after a scale-up, a real capacity drop still fails', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 5_000) sim.scale(16);
        // Once the scale-up has brought new healthy targets, 6 targets flap away for a minute.
        if (now === 60_000) sim.flap(TG, 6, 'unhealthy', 'Target.Timeout', 60_000);
      },
    });
    expect(r.verdict?.result).toBe('failed');
    // The flapping targets are the new pods': they were healthy and now fail (and the count is below 12).
    expect(['targets-degraded', 'below-threshold']).toContain(r.verdict!.reason);
    expect(r.verdict!.at).toBeGreaterThanOrEqual(60_000);
    expect(r.verdict!.at).toBeLessThanOrEqual(65_000);
    expect(r.effects.some((e) => e.type === 'milestone' && /below threshold \(\d+ < 12;/.test(e.milestone.text))).toBe(
      true,
    );
  });

  it('a scale-down from 10 to 6 never demands more than the new spec, and passes', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 15_000) sim.scale(6);
      },
    });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    expect(r.truthAtVerdict.get(TG)).toMatchObject({ newHealthy: 6 });
    const after = r.gate.snapshot().timeline.filter((p) => p.at > 15_000);
    expect(after.every((p) => p.threshold <= 5)).toBe(true);
    expectAgreement(r);
  });

  it('after a scale-down, losing capacity below the new threshold still fails', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 15_000) sim.scale(6);
        if (now === 45_000) sim.flap(TG, 4, 'unhealthy', 'Target.Timeout', 60_000);
      },
    });
    expect(r.verdict?.result).toBe('failed');
    expect(r.verdict!.at).toBeGreaterThanOrEqual(45_000);
    expect(r.effects.some((e) => e.type === 'milestone' && /below threshold \(\d < 5;/.test(e.milestone.text))).toBe(
      true,
    );
  });
});

describe('the soak after convergence', () => {
  const soakMs = 30_000;

  it('passes only after the soak, with answers requested after it ended', () => {
    const r = runScenario({ sim: new RolloutSim(fixed()), maxMs: 900_000, config: { soakMs } });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    const soak = r.gate.snapshot().soak;
    expect(soak.startedAt).toBeDefined();
    expect(r.verdict!.at - soak.startedAt!).toBeGreaterThanOrEqual(soakMs);
    expect(r.verdict!.at - soak.startedAt!).toBeLessThanOrEqual(soakMs + 5_000);
    expect(soak.answers[TG]).toBeGreaterThanOrEqual(soakMs / 5_000);
    expect(r.verdict!.message).toMatch(/for 3\d(\.\d)?s of soak/);
    expectAgreement(r);
  });

  it('without a soak the same release passes at once (soak-seconds 0)', () => {
    const withSoak = runScenario({ sim: new RolloutSim(fixed()), maxMs: 900_000, config: { soakMs } });
    const without = runScenario({ sim: new RolloutSim(fixed()), maxMs: 900_000, config: { soakMs: 0 } });
    expect(without.verdict?.result).toBe('success');
    expect(withSoak.verdict!.at - without.verdict!.at).toBeGreaterThanOrEqual(soakMs);
  });

  /** The release converges, then `n` of its pods start failing (health checks and requests) 2 s later. */
  function degrading(n: number, config = {}): ScenarioResult {
    let convergedAt: number | undefined;
    const sim = new RolloutSim(fixed());
    return runScenario({
      sim,
      maxMs: 900_000,
      config: { soakMs, ...config },
      observe: (now, s) => {
        const t = s.truth(TG);
        if (convergedAt === undefined && t.newHealthy === 10 && t.oldHealthy === 0) convergedAt = now;
        if (convergedAt !== undefined && now === convergedAt + 2_000) s.degrade(n);
      },
    });
  }

  it('a release that degrades right after convergence (2 of 10 pods start failing) fails during the soak: targets-degraded', () => {
    const r = degrading(2);
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'targets-degraded', rollbackAdvised: true });
    expect(r.verdict!.message).toMatch(
      /was healthy and now fails the load balancer health check \(Target\.ResponseCodeMismatch\)/,
    );
    // 8 healthy targets are still at the threshold: capacity alone would have passed it.
    expect(r.gate.snapshot().targetGroups[0]!.counts!.healthy).toBe(8);
    expect(r.sim.trafficOf(TG).failed).toBeGreaterThan(0);
    expectAgreement(r);
  });

  it('a full outage right after convergence fails during the soak on the threshold', () => {
    const r = degrading(10);
    expect(r.verdict?.result).toBe('failed');
    expect(['below-threshold', 'targets-degraded']).toContain(r.verdict!.reason);
    expectAgreement(r);
  });

  it('without the soak, the degrading release would have passed: the case the soak exists for', () => {
    const r = degrading(2, { soakMs: 0 });
    expect(r.verdict?.result).toBe('success');
  });
});

describe('a paused rollout', () => {
  it('fails at once with reason paused, kubectl wording and the hint to resume; no rollback advised', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 8_000) sim.pause();
      },
    });
    expect(r.verdict).toMatchObject({
      result: 'failed',
      reason: 'paused',
      rollbackAdvised: false,
      claim: 'not-rolled-out',
    });
    expect(r.verdict!.at).toBeGreaterThanOrEqual(8_000);
    expect(r.verdict!.at).toBeLessThan(9_000);
    expect(r.verdict!.message).toMatch(
      /^deployment "web" is paused \(Progressing: DeploymentPaused, "Deployment is paused"\): Waiting for deployment "web" rollout to finish: .*kubectl rollout resume deployment\/web/,
    );
    expectAgreement(r);
  });

  it('a Deployment paused before the apply never starts its rollout: paused, not a timeout', () => {
    const sim = new RolloutSim(fixed());
    sim.pause();
    const r = runScenario({ sim, maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ reason: 'paused' });
    expect(r.verdict!.at).toBe(0);
    expect(r.verdict!.message).toMatch(/is paused .*: Waiting for deployment spec update to be observed/);
  });
});

describe('a second deploy while the gate watches', () => {
  it('the gate follows the newest revision and passes when it is healthy', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 20_000) sim.deploy(true);
      },
    });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    expect(r.gate.snapshot().revision).toBe(3);
    const notes = r.effects.flatMap((e) => (e.type === 'milestone' ? [e.milestone.text] : []));
    expect(
      notes.some((t) => /revision 3 \(ReplicaSet web-new3\) replaced revision 2 while the gate watched/.test(t)),
    ).toBe(true);
    expectAgreement(r);
  });

  it('a broken second deploy fails the gate (held back by readiness gates: new-targets-unhealthy)', () => {
    const r = runScenario({
      sim: new RolloutSim(fixed()),
      maxMs: 900_000,
      script: (now, sim) => {
        if (now === 20_000) sim.deploy(false);
      },
    });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'new-targets-unhealthy' });
    expect(r.gate.snapshot().revision).toBe(3);
    expectAgreement(r);
  });
});

describe('blind spots', () => {
  it('pods that stop within the sampling window of their deregistration: the gate passes and names the blind spot, and the input that closes it', () => {
    // preStop 7 s; the controller deregisters 6.5 s after deletion and the load balancer routes 1 s
    // more: requests fail from 7 s to 7.5 s. With a poll every 5 s and deregistration-seconds 2, no
    // answer tells the gate whether the routing had stopped when the pods did.
    const options = fixed({
      stopServingMs: 7_000,
      terminationMs: 9_000,
      targetGroups: [alb({ deregisterMs: 6_500 })],
    });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, config: { deregistrationMs: 2_000 } });
    expect(r.sim.trafficOf(TG).failed).toBeGreaterThan(0);
    if (r.verdict?.result === 'success') {
      const spots = r.gate.snapshot().blindSpots;
      expect(spots).toHaveLength(1);
      expect(spots[0]).toMatch(/^stopped near deregistration: \d+ pods? .*`probe-url` measures those requests/);
    } else {
      // When an answer happens to land in the window, the gate fails instead: never a silent pass.
      expect(r.verdict?.reason).toBe('exited-before-deregistration');
    }
    expectAgreement(r);
  });

  it('with a preStop that outlasts deregistration by more than deregistration-seconds there is no blind spot', () => {
    const r = runScenario({ sim: new RolloutSim(fixed()), maxMs: 900_000, config: { deregistrationMs: 2_000 } });
    expect(r.verdict?.result).toBe('success');
    expect(r.gate.snapshot().blindSpots).toEqual([]);
  });
});

describe('errors and cancellation', () => {
  it('a cancel event ends the gate with reason cancelled (result error, no rollback)', () => {
    const gate = new Gate(
      {
        namespace: 'demo',
        deployment: 'web',
        minHealthy: undefined,
        tolerateMs: 0,
        timeoutMs: undefined,
        settleTimeoutMs: 60_000,
        staleAfterMs: 20_000,
        targetGroups: [],
      },
      { now: () => 0 },
    );
    const effects = gate.handle({ type: 'cancel', message: 'cancelled: received SIGTERM' });
    expect(effects.at(-1)).toMatchObject({
      type: 'verdict',
      verdict: { result: 'error', reason: 'cancelled', rollbackAdvised: false, claim: 'could-not-judge' },
    });
  });

  it('every rule of the table is reachable through a public reason, and the table decides in its order', () => {
    const reasons = VERDICT_RULES.map((r) => r.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons[0]).toBe('error');
    expect(reasons.at(-1)).toBe('converged');
    expect(VERDICT_RULES.filter((r) => r.result === 'success').map((r) => r.reason)).toEqual(['converged']);
    // Verdicts that are not judgements on the rollout never roll back.
    for (const r of VERDICT_RULES) if (r.result !== 'failed') expect(r.rollback).toBe(false);
  });
});
