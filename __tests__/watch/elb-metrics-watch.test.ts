/**
 * `elb-metrics` in the whole watch mode, in simulated time: WatchRig's RolloutSims behind fake
 * ports, and a fake CloudWatch publishing the load balancer counts the sims' traffic adds up to per
 * minute (helpers/sim-cloudwatch.ts), a minute after each minute ends. Every count the gate reports
 * is held against the simulation's own traffic account over the same whole minutes.
 */
import { describe, expect, it } from 'vitest';
import { WatchRig } from '../helpers/gate-harness.js';
import { RolloutSim, seedsAlb, seedsDeployment, tgArn, type SimTargetGroup } from '../helpers/rollout-sim.js';
import type { SimMetricsOptions } from '../helpers/sim-cloudwatch.js';
import type { ElbReport } from '../../src/report/watch/elb-metrics.js';
import type { ElbMetricsSettings } from '../../src/settings.js';

const TG = tgArn('k8s-demo-web-610dd2305f');
const alb = (o: Partial<SimTargetGroup> = {}): SimTargetGroup => seedsAlb(TG, { gated: true, ...o });

/** The seeds' fixed Deployment (readiness gate, 20 s preStop): no request fails. */
const healthy = (): RolloutSim => new RolloutSim(seedsDeployment(TG, { targetGroups: [alb()] }));
/**
 * Old pods stop 2.5 s into their deletion: after their deregistration (1.5 s), while the ALB still
 * routes to them (3 s of propagation). The target states never show it; the load balancer's 502s do.
 */
const exitsWhileRouted = (): RolloutSim =>
  new RolloutSim(seedsDeployment(TG, { terminationMs: 2_500, targetGroups: [alb({ propagationMs: 3_000 })] }));
/** The seeds' broken Deployment: no readiness gate, pods gone 0.2 s after deletion. */
const seed001 = (): RolloutSim =>
  new RolloutSim(seedsDeployment(TG, { terminationMs: 200, targetGroups: [alb({ gated: false })] }));

const ELB: ElbMetricsSettings = { maxErrors: 0, maxErrorRate: undefined, waitMs: 180_000 };

async function watch(
  sim: RolloutSim,
  o: { elb?: Partial<ElbMetricsSettings>; cloudwatch?: SimMetricsOptions; rollback?: boolean; timeoutMs?: number } = {},
) {
  const rig = new WatchRig({ sims: [sim], ...(o.cloudwatch ? { cloudwatch: o.cloudwatch } : {}) });
  const r = await rig.run(
    {
      deployments: ['web'],
      soakMs: 30_000,
      deregistrationMs: 0,
      rollback: o.rollback ?? false,
      elbMetrics: { ...ELB, ...o.elb },
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    },
    { maxMs: 1_200_000 },
  );
  return { rig, r, d: r.report?.deployments[0], elb: r.report?.deployments[0]?.elb as ElbReport | undefined };
}

/** The sim's own count of requests and load-balancer errors over the report's window minutes. */
function model(sim: RolloutSim, elb: ElbReport): { requests: number; errors: number; e502: number; e503: number } {
  const out = { requests: 0, errors: 0, e502: 0, e503: 0 };
  for (const [m, t] of sim.trafficByMinute(TG)) {
    if (m < Date.parse(elb.window.firstMinute) || m > Date.parse(elb.window.lastMinute)) continue;
    out.requests += t.requests;
    out.e502 += t.e502;
    out.e503 += t.e503;
    out.errors += t.e502 + t.e503;
  }
  return out;
}

describe('elb-metrics in the watch mode', () => {
  it('errors the target states do not show fail on elb-errors, roll back, and equal the traffic account', async () => {
    const sim = exitsWhileRouted();
    const { r, d, elb, rig } = await watch(sim, { rollback: true });
    expect(d).toMatchObject({ result: 'rolled-back', reason: 'elb-errors', claim: 'requests-failed' });
    expect(r.result?.exitCode).toBe(1);
    expect(rig.patches).toHaveLength(1);
    expect(d!.message).toMatch(/the load balancer reported \d+ load-balancer errors? in \d+ requests \(502: \d+/);
    expect(d!.message).toMatch(/baseline \d\d:\d\d(–\d\d:\d\d)? UTC/);
    // The figures are the simulation's, minute for minute.
    const m = model(sim, elb!);
    expect(m.errors).toBeGreaterThan(0);
    expect(elb!.window.complete).toBe(true);
    expect(elb!.errors).toBe(m.errors);
    expect(elb!.requests).toBe(m.requests);
    expect(elb!.byCode['502'] ?? 0).toBe(m.e502);
    expect(elb!.byCode['503'] ?? 0).toBe(m.e503);
    const window = elb!.perMinute.filter((x) => x.part === 'window');
    expect(window.reduce((n, x) => n + x.errors, 0)).toBe(m.errors);
    // Outputs and summary.
    expect(r.host.outputs['elb-errors']).toBe(String(m.errors));
    expect(r.host.outputs['elb-requests']).toBe(String(m.requests));
    expect(r.host.summary).toContain('xychart-beta');
    expect(r.host.summary).toContain('Requests (bars) and load-balancer errors (line) per minute, UTC');
    expect(r.host.summary).toMatch(/\*\*Load balancer counts\*\* \(CloudWatch\)/);
  });

  it('a healthy rollout passes with 0 errors, only once CloudWatch published the window', async () => {
    const sim = healthy();
    const { r, d, elb, rig } = await watch(sim);
    expect(d).toMatchObject({ result: 'success', reason: 'converged' });
    expect(r.result?.exitCode).toBe(0);
    expect(elb).toMatchObject({ errors: 0, window: { complete: true } });
    expect(elb!.requests).toBe(model(sim, elb!).requests);
    expect(elb!.requests).toBeGreaterThan(0);
    expect(r.host.outputs['elb-errors']).toBe('0');
    expect(d!.message).toMatch(
      /the load balancer reported 0 load-balancer errors in \d+ requests \(0%\) during the rollout, within max-elb-errors 0/,
    );
    // The pass waited for the last window minute to be published (a minute after it ended).
    const lastMinute = Date.parse(elb!.window.lastMinute);
    expect(d!.verdictSeconds * 1000).toBeGreaterThanOrEqual(lastMinute + 60_000 + 60_000);
    // ... and the window ended with the soak: after the load balancer caught up, 30 s later.
    expect(Date.parse(elb!.window.end!) / 1000).toBeGreaterThanOrEqual(d!.soak!.startedSeconds! + 30);
    expect(rig.cloudwatch!.calls).toBeGreaterThan(1);
  });

  it('max-elb-error-rate: the same errors pass under a generous rate and fail under a strict one', async () => {
    const loose = await watch(exitsWhileRouted(), { elb: { maxErrorRate: 0.5 } });
    expect(loose.d).toMatchObject({ result: 'success', reason: 'converged' });
    expect(loose.elb!.errors).toBeGreaterThan(0);
    expect(loose.d!.message).toMatch(/within max-elb-errors 0 and max-elb-error-rate 50%/);
    const strict = await watch(exitsWhileRouted(), { elb: { maxErrorRate: 0.00001 } });
    expect(strict.d).toMatchObject({ result: 'failed', reason: 'elb-errors' });
    expect(strict.d!.message).toMatch(/more than max-elb-errors 0 and max-elb-error-rate 0\.001%/);
    // A rate is judged on the complete window only.
    expect(strict.elb!.window.complete).toBe(true);
  });

  it('max-elb-errors above the count passes', async () => {
    const probe = await watch(exitsWhileRouted(), { elb: { maxErrorRate: 0.5 } });
    const n = probe.elb!.errors;
    const { d } = await watch(exitsWhileRouted(), { elb: { maxErrors: n } });
    expect(d).toMatchObject({ result: 'success', reason: 'converged' });
  });

  it('metrics that never arrive end in error (elb-metrics-missing) after metrics-wait: never a pass, no rollback', async () => {
    const { r, d, elb, rig } = await watch(healthy(), {
      cloudwatch: { withhold: true },
      elb: { waitMs: 120_000 },
      rollback: true,
    });
    expect(d).toMatchObject({
      result: 'error',
      reason: 'elb-metrics-missing',
      claim: 'could-not-judge',
      rollback: null,
    });
    expect(r.result?.exitCode).toBe(2);
    expect(rig.patches).toEqual([]);
    expect(d!.message).toMatch(
      /CloudWatch did not publish the load balancer metrics of the rollout's last minute \(\d\d:\d\d UTC\) within metrics-wait 120s: k8s-demo \(app\/k8s-demo\/50dc6c495c0c9188\) has no datapoint at all/,
    );
    expect(elb).toMatchObject({ window: { complete: false }, pending: ['k8s-demo'] });
    // metrics-wait counts from the soak's end.
    expect(d!.verdictSeconds * 1000 - Date.parse(elb!.window.end!)).toBeGreaterThanOrEqual(120_000);
    expect(d!.verdictSeconds * 1000 - Date.parse(elb!.window.end!)).toBeLessThan(122_000);
  });

  it('GetMetricData denied: result error naming cloudwatch:GetMetricData', async () => {
    const { r, d } = await watch(healthy(), { cloudwatch: { deny: true }, rollback: true });
    expect(d).toMatchObject({ result: 'error', reason: 'error' });
    expect(r.result?.exitCode).toBe(2);
    expect(d!.message).toMatch(/allow `cloudwatch:GetMetricData`/);
  });

  it('an earlier failing verdict rolls back at once; the report still gets the window counted up to the verdict', async () => {
    const sim = seed001();
    const { d, elb, rig } = await watch(sim, { rollback: true });
    expect(d).toMatchObject({ result: 'rolled-back' });
    expect(d!.reason).not.toBe('elb-errors');
    // The rollback did not wait for CloudWatch.
    expect(rig.patches[0]!.at / 1000).toBeLessThanOrEqual(d!.verdictSeconds + 1);
    expect(elb!.window.end).toBe(elb!.marks.verdict);
    expect(elb!.window.complete).toBe(true);
    const m = model(sim, elb!);
    expect(elb!.errors).toBe(m.errors);
    expect(elb!.requests).toBe(m.requests);
  });

  it('metrics-wait not shorter than timeout is rejected before connecting → error, 2', async () => {
    const { r } = await watch(healthy(), { elb: { waitMs: 300_000 }, timeoutMs: 300_000 });
    expect(r.result?.exitCode).toBe(2);
    expect(r.report!.error).toMatch(/`metrics-wait` \(300s\) is not shorter than `timeout` \(300s\)/);
  });
});

describe('elb-metrics with several Deployments behind one load balancer', () => {
  it("the load balancer's own errors cannot be placed: both Deployments count them, each names the load balancer shared", async () => {
    const broken = new RolloutSim(
      seedsDeployment('', {
        name: 'api',
        subnet: 2,
        terminationMs: 2_500,
        targetGroups: [seedsAlb(tgArn('k8s-demo-api-610dd2305f'), { gated: true, propagationMs: 3_000 })],
      }),
    );
    const fine = new RolloutSim(
      seedsDeployment('', {
        name: 'web',
        subnet: 1,
        targetGroups: [seedsAlb(tgArn('k8s-demo-web-610dd2305f'), { gated: true })],
      }),
    );
    const rig = new WatchRig({ sims: [fine, broken] });
    const r = await rig.run(
      { deployments: ['web', 'api'], soakMs: 30_000, deregistrationMs: 0, elbMetrics: ELB },
      { maxMs: 1_200_000 },
    );
    const by = Object.fromEntries(r.report!.deployments.map((d) => [d.name, d]));
    expect(by.api).toMatchObject({ result: 'failed', reason: 'elb-errors' });
    expect(broken.trafficOf(tgArn('k8s-demo-api-610dd2305f')).failed).toBeGreaterThan(0);
    expect(fine.trafficOf(tgArn('k8s-demo-web-610dd2305f')).failed).toBe(0);
    // web lost nothing, but the ALB publishes its 502s per load balancer only: web is failed too,
    // and its message says the load balancer also serves api's target group.
    expect(by.web).toMatchObject({ result: 'failed', reason: 'elb-errors' });
    expect(by.web!.message).toMatch(
      /load balancer k8s-demo also serves 1 other target group \(k8s-demo-api-610dd2305f\): its own errors are published per load balancer, so some may come from them/,
    );
    expect(by.web!.elb!.loadBalancers[0]!.sharedWith).toEqual(['k8s-demo-api-610dd2305f']);
    // Per target group, the requests are each Deployment's own.
    expect(by.web!.elb!.loadBalancers[0]!.targetGroups.map((t) => t.name)).toEqual(['k8s-demo-web-610dd2305f']);
    expect(r.host.outputs['elb-errors']).toMatch(/^web=\d+,api=\d+$/);
  });
});
