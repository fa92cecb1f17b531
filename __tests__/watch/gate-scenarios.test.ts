/**
 * The gate against the seeds' scenarios, in simulated time (RolloutSim + the pure gate, no timers):
 * a 10-replica rolling update with 25% surge and 25% unavailable behind an ALB whose health check
 * takes ~30 s (interval 15 s × healthy threshold 2, the controller's defaults).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../helpers/gate-harness.js';
import {
  RolloutSim,
  seedsAlb,
  seedsDeployment,
  tgArn,
  type SimOptions,
  type SimTargetGroup,
} from '../helpers/rollout-sim.js';
import { rolloutStatus } from '../../src/core/rollout/status.js';

const TG = tgArn('k8s-demongin-serviced-610dd2305f');
const TG_B = tgArn('k8s-demongin-internal-9a8b7c6d5e');

const alb = (overrides: Partial<SimTargetGroup> = {}): SimTargetGroup => seedsAlb(TG, overrides);

/** The seeds' Deployment behind one ALB group without the readiness gate (a scenario adds it). */
const seeds = (overrides: Partial<SimOptions> = {}): SimOptions =>
  // A 20 s preStop sleep: longer than deregistration takes, so the other rules are seen alone.
  // Seed 001 as published (no preStop: the pod is gone a second after deletion) sets 1_000.
  seedsDeployment(TG, overrides);

/** When kubectl would print `successfully rolled out`, and what the load balancer had then. */
function kubectlDoneAt(options: SimOptions): { at: number; truth: ReturnType<RolloutSim['truth']> } | undefined {
  const sim = new RolloutSim(options);
  sim.apply();
  for (let t = 0; t < 900_000; t += 100) {
    sim.advance(100);
    if (rolloutStatus(sim.deployment()).phase === 'complete') return { at: sim.now, truth: sim.truth(TG) };
  }
  return undefined;
}

describe('the seeds: pods go Ready before their targets are healthy', () => {
  it('kubectl reports success while the load balancer has almost no healthy new target (the bug zd-gate exists for)', () => {
    const done = kubectlDoneAt(seeds());
    expect(done).toBeDefined();
    // In this model: done 6.3 s after apply, with no new target healthy and 3 old ones left.
    expect(done!.truth.newHealthy).toBe(0);
    expect(done!.truth.healthyOfLivePods).toBeLessThan(8);
  });

  it('without readiness gates the too-fast rollout fails on the threshold at the first poll, before kubectl even finishes', () => {
    const r = runScenario({ sim: new RolloutSim(seeds()), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'below-threshold', rollbackAdvised: true });
    expect(r.verdict!.message).toMatch(/k8s-demongin-serviced-610dd2305f: \d+ healthy targets of web < threshold 8/);
    // The gate saw a real drop: ground truth agrees.
    expect(r.truthAtVerdict.get(TG)!.healthyOfLivePods).toBeLessThan(8);
    expect(r.verdict!.at).toBeLessThanOrEqual(5_000);
    expect(r.verdict!.at).toBeLessThan(kubectlDoneAt(seeds())!.at);
  });

  it("with the controller's readiness gate the rollout passes, and only after the load balancer caught up", () => {
    const options = seeds({ targetGroups: [alb({ gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    const truth = r.truthAtVerdict.get(TG)!;
    expect(truth.newHealthy).toBe(10);
    expect(truth.oldHealthy).toBe(0);
    // Never below the threshold on the way.
    const snap = r.gate.snapshot();
    expect(snap.targetGroups[0]!.minHealthy).toBeGreaterThanOrEqual(8);
    // kubectl finished before the last old target left the healthy state; the gate waited for it.
    const done = kubectlDoneAt(options)!;
    expect(r.verdict!.at).toBeGreaterThan(done.at);
    expect(done.truth.oldHealthy).toBeGreaterThan(0);
  });
});

describe('old targets dying before deregistration', () => {
  it('without readiness gates: pods gone while their targets are still healthy fail the gate', () => {
    const options = seeds({ terminationMs: 200, targetGroups: [alb({ deregisterMs: 10_000 })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', rollbackAdvised: true });
    expect(['exited-before-deregistration', 'below-threshold']).toContain(r.verdict!.reason);
  });

  it('with readiness gates capacity holds, yet requests to the pods that died before deregistration fail: the gate fails', () => {
    const options = seeds({ terminationMs: 200, targetGroups: [alb({ gated: true, deregisterMs: 10_000 })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({
      result: 'failed',
      reason: 'exited-before-deregistration',
      rollbackAdvised: true,
    });
    expect(r.verdict!.message).toMatch(
      /^pod web-old-\d+ stopped serving 0\.\ds after its deletion while its target was still healthy in k8s-demongin-serviced-610dd2305f.*about 15s \(deregistration-seconds\).*preStop delay longer/,
    );
    // Capacity alone would not have caught it.
    expect(r.gate.snapshot().targetGroups[0]!.minHealthy).toBeGreaterThanOrEqual(8);
  });

  it("the seeds' fix, readiness gate with a preStop that outlasts deregistration (1.5 s here), passes", () => {
    const options = seeds({ terminationMs: 20_000, targetGroups: [alb({ gated: true, deregisterMs: 1_500 })] });
    expect(runScenario({ sim: new RolloutSim(options), maxMs: 900_000 }).verdict?.result).toBe('success');
  });

  it("deregistration-seconds 0 turns the inference off, yet an answer that still has a dead pod's target healthy fails the gate (certain)", () => {
    const options = seeds({ terminationMs: 200, targetGroups: [alb({ gated: true, deregisterMs: 10_000 })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, config: { deregistrationMs: 0 } });
    expect(r.verdict).toMatchObject({
      result: 'failed',
      reason: 'exited-before-deregistration',
      claim: 'requests-failed',
    });
    expect(r.verdict!.message).toMatch(
      /^pod web-old-\d+ had stopped serving [\d.]+s before a DescribeTargetHealth answer that still had its target healthy \(not even deregistered\)/,
    );
    // The traffic account agrees: requests were routed to pods that had stopped.
    expect(r.sim.trafficOf(TG).failed).toBeGreaterThan(0);
  });

  it('a pod that stops serving (not Ready at the end of its preStop) is judged then, not when it disappears', () => {
    // preStop 5 s, then 15 s of shutdown before the pod object goes; deregistration takes 8 s.
    const options = seeds({
      terminationMs: 20_000,
      stopServingMs: 5_000,
      targetGroups: [alb({ gated: true, deregisterMs: 8_000 })],
    });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'exited-before-deregistration' });
    expect(r.verdict!.message).toMatch(
      /^pod web-old-\d+ stopped serving [\d.]+s after (its deletion|a DescribeTargetHealth answer still had its target healthy)/,
    );
    // The first old pods are deleted at once: judged 5 s later, when they went not Ready, long before they are gone.
    expect(r.verdict!.at).toBeGreaterThanOrEqual(5_000);
    expect(r.verdict!.at).toBeLessThan(6_000);
    expect(r.sim.trafficOf(TG).failed).toBeGreaterThan(0);
  });
});

describe('a release whose pods never pass the ALB health check (Target.ResponseCodeMismatch)', () => {
  it('without readiness gates it fails on the threshold well before the progress deadline', () => {
    const options = seeds({ newReleaseHealthy: false });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'below-threshold' });
    expect(r.verdict!.at).toBeLessThan(options.progressDeadlineSeconds * 1000);
  });

  it('with readiness gates the old pods keep serving, and the gate fails on the failing health checks long before the progress deadline', () => {
    const options = seeds({ newReleaseHealthy: false, targetGroups: [alb({ gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'new-targets-unhealthy', rollbackAdvised: true });
    expect(r.verdict!.message).toMatch(/fail the load balancer health check \(\d+ × Target\.ResponseCodeMismatch\)/);
    // The health checks fail from about 30 s after registration; 60 s of that (no TG settings known) decides.
    expect(r.verdict!.at).toBeLessThan(150_000);
    expect(r.verdict!.at).toBeLessThan(options.progressDeadlineSeconds * 1000);
    expect(r.gate.snapshot().targetGroups[0]!.minHealthy).toBeGreaterThanOrEqual(8);
  });

  it("waits twice the target group's healthy window when it is known, and never less than tolerate-seconds", () => {
    const options = seeds({ newReleaseHealthy: false, targetGroups: [alb({ gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, config: { tolerateMs: 200_000 } });
    expect(r.verdict?.reason).toBe('new-targets-unhealthy');
    expect(r.verdict!.message).toMatch(/none became healthy in 2\d\d(\.\d)?s/);
  });

  it('a slow starter that fails its first health checks and then recovers is not a broken release', () => {
    const options = seeds({
      newReleaseHealthy: false,
      newReleaseRecoversMs: 70_000,
      targetGroups: [alb({ gated: true })],
    });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict?.result).toBe('success');
    expect(
      r.effects.some(
        (e) => e.type === 'milestone' && /new targets fail the load balancer health check/.test(e.milestone.text),
      ),
    ).toBe(true);
  });

  it("with the progress deadline first, kubectl's rule decides", () => {
    const options = seeds({
      newReleaseHealthy: false,
      progressDeadlineSeconds: 40,
      targetGroups: [alb({ gated: true })],
    });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({
      result: 'failed',
      reason: 'progress-deadline',
      message: 'deployment "web" exceeded its progress deadline',
    });
  });
});

describe('throttling storms', () => {
  it('unknown health during a storm never fails a good rollout', () => {
    const options = seeds({ targetGroups: [alb({ gated: true })] });
    const r = runScenario({
      sim: new RolloutSim(options),
      maxMs: 900_000,
      // 60 s of throttling, then every other poll throttled.
      unknown: (now) =>
        (now > 10_000 && now < 70_000) || Math.floor(now / 5_000) % 2 === 0 ? 'Throttling: Rate exceeded' : undefined,
    });
    expect(r.verdict?.result).toBe('success');
    expect(
      r.effects.some((e) => e.type === 'milestone' && /target health unknown \(Throttling/.test(e.milestone.text)),
    ).toBe(true);
  });

  it('a dip seen just before a storm is not stretched across the storm into a failure', () => {
    const options = seeds({ targetGroups: [alb({ gated: true })] });
    const r = runScenario({
      sim: new RolloutSim(options),
      maxMs: 900_000,
      config: { tolerateMs: 20_000 },
      // 3 targets flap at 14 s; polls from 16 s to 60 s are throttled; the flap ends at 24 s.
      script: (now, sim) => {
        if (now === 14_000) sim.flap(TG, 3, 'unhealthy', 'Target.Timeout', 10_000);
      },
      unknown: (now) => (now > 16_000 && now < 60_000 ? 'Throttling: Rate exceeded' : undefined),
    });
    expect(r.verdict?.result).toBe('success');
  });

  it('stale data never passes the gate either: a permanent storm ends in timeout, not success', () => {
    const options = seeds({ targetGroups: [alb({ gated: true })] });
    const r = runScenario({
      sim: new RolloutSim(options),
      maxMs: 900_000,
      config: { timeoutMs: 300_000 },
      unknown: (now) => (now > 3_000 ? 'Throttling: Rate exceeded' : undefined),
    });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'timeout', claim: 'not-rolled-out' });
  });
});

describe('tolerate-seconds', () => {
  const flap = (now: number, sim: RolloutSim): void => {
    if (now === 20_000) sim.flap(TG, 3, 'unhealthy', 'Target.Timeout', 8_000);
  };
  it('with 0 a short dip below the threshold fails at once', () => {
    const r = runScenario({
      sim: new RolloutSim(seeds({ targetGroups: [alb({ gated: true })] })),
      maxMs: 900_000,
      script: flap,
    });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'below-threshold' });
    expect(r.verdict!.at).toBeGreaterThanOrEqual(20_000);
    expect(r.verdict!.at).toBeLessThanOrEqual(26_000);
  });
  it('a dip shorter than tolerate-seconds is forgiven', () => {
    const r = runScenario({
      sim: new RolloutSim(seeds({ targetGroups: [alb({ gated: true })] })),
      maxMs: 900_000,
      script: flap,
      config: { tolerateMs: 15_000 },
    });
    expect(r.verdict?.result).toBe('success');
    expect(r.effects.some((e) => e.type === 'milestone' && /back at threshold/.test(e.milestone.text))).toBe(true);
  });
  it('a dip longer than tolerate-seconds fails once it has lasted that long', () => {
    const long = (now: number, sim: RolloutSim): void => {
      // From 10 s on, before any new target is healthy (~35 s), the group stays at 5 < 8.
      if (now === 10_000) sim.flap(TG, 3, 'unhealthy', 'Target.Timeout', 60_000);
    };
    const r = runScenario({
      sim: new RolloutSim(seeds({ targetGroups: [alb({ gated: true })] })),
      maxMs: 900_000,
      script: long,
      config: { tolerateMs: 15_000 },
    });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'below-threshold' });
    expect(r.verdict!.message).toMatch(/tolerate-seconds 15/);
    // seen at the first poll after the flap (≤ 5 s later), failed 15 s after that
    expect(r.verdict!.at).toBeGreaterThanOrEqual(10_000 + 15_000);
    expect(r.verdict!.at).toBeLessThanOrEqual(10_000 + 5_000 + 15_000);
  });
});

describe('timeout and progress deadline', () => {
  it('the overall timeout ends a rollout that never completes', () => {
    // New pods that never start: nothing is registered, so only the clock can end it.
    const options = seeds({ containersReadyMs: 10_000_000, targetGroups: [alb({ gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, config: { timeoutMs: 120_000 } });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'timeout', rollbackAdvised: true });
    expect(r.verdict!.at).toBe(120_000);
    expect(r.verdict!.message).toMatch(/timed out after 120s: Waiting for deployment "web" rollout to finish/);
  });

  it('the default timeout is progressDeadlineSeconds + settle-timeout + soak', () => {
    const options = seeds({
      containersReadyMs: 10_000_000,
      progressDeadlineSeconds: 100_000,
      targetGroups: [alb({ gated: true })],
    });
    const sim = new RolloutSim({ ...options });
    const r = runScenario({ sim, maxMs: 200_000, config: { settleTimeoutMs: 60_000 } });
    expect(r.verdict).toBeUndefined(); // 100 000 s + 60 s is far away
  });

  it("ProgressDeadlineExceeded fails the gate with kubectl's message", () => {
    const options = seeds({
      newReleaseHealthy: false,
      progressDeadlineSeconds: 60,
      targetGroups: [alb({ gated: true })],
    });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({
      result: 'failed',
      reason: 'progress-deadline',
      message: 'deployment "web" exceeded its progress deadline',
    });
  });
});

describe('several target groups', () => {
  it('a lagging target group without the readiness gate fails the gate by name', () => {
    const options = seeds({ targetGroups: [alb({ gated: true }), alb({ arn: TG_B, healthyMs: 60_000 })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000 });
    expect(r.verdict).toMatchObject({ result: 'failed', reason: 'below-threshold' });
    expect(r.verdict!.message).toMatch(/^target group k8s-demongin-internal-9a8b7c6d5e:/);
  });

  it('with both gates the rollout waits for the slower one, and the gate for both', () => {
    const options = seeds({ targetGroups: [alb({ gated: true }), alb({ arn: TG_B, healthyMs: 60_000, gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 1_500_000 });
    expect(r.verdict?.result).toBe('success');
    for (const arn of [TG, TG_B]) expect(r.truthAtVerdict.get(arn)).toMatchObject({ newHealthy: 10, oldHealthy: 0 });
  });
});

describe('rollout status only', () => {
  it('with no target group the gate is kubectl rollout status', () => {
    const options = seeds({ targetGroups: [] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, targetGroups: [] });
    expect(r.verdict).toMatchObject({ result: 'success', reason: 'converged' });
    expect(r.verdict!.message).toMatch(/successfully rolled out; rollout status only/);
    expect(r.verdict!.at).toBe(kubectlDoneAt(options)!.at);
  });
});

describe('ELB calls', () => {
  it('one DescribeTargetHealth per target group per poll interval', () => {
    const options = seeds({ targetGroups: [alb({ gated: true }), alb({ arn: TG_B, gated: true })] });
    const r = runScenario({ sim: new RolloutSim(options), maxMs: 900_000, pollIntervalMs: 5_000 });
    const minutes = r.verdict!.at / 60_000;
    for (const n of r.polls.values()) expect(n / minutes).toBeLessThanOrEqual(12 + 1 / minutes);
  });
});
