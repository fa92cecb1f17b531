/**
 * The whole watch mode (runWatch) in simulated time: RolloutSims behind fake ports on a manual
 * clock (gate-harness.ts, WatchRig), so several Deployments, rollbacks, the soak, timeouts and
 * cancellation are tested deterministically, without real sleeps.
 */
import { describe, expect, it } from 'vitest';
import { WatchRig } from '../helpers/gate-harness.js';
import {
  RolloutSim,
  seedsAlb,
  seedsDeployment,
  tgArn,
  type SimOptions,
  type SimTargetGroup,
} from '../helpers/rollout-sim.js';
import { CANCEL_DEADLINE_MS } from '../../src/modes/watch.js';
import { PATCH_GRACE_MS } from '../../src/modes/watch-session.js';

const alb = (name: string, overrides: Partial<SimTargetGroup> = {}): SimTargetGroup =>
  seedsAlb(tgArn(`k8s-demo-${name}-610dd2305f`), { gated: true, ...overrides });

/** The seeds' fixed Deployment `name` (readiness gate, 20 s preStop), its pods in 10.<subnet>.x.x. */
const sim = (name: string, subnet: number, overrides: Partial<SimOptions> = {}): RolloutSim =>
  new RolloutSim(seedsDeployment('', { name, subnet, targetGroups: [alb(name)], ...overrides }));

describe('several Deployments behind one ALB', () => {
  it("a failed Deployment is rolled back within one poll interval of its verdict, without waiting for the others; the run's exit waits for all", async () => {
    // `api` breaks at once (no readiness gate, old pods gone before their targets go: below threshold);
    // `web` is healthy but slow (its targets need 30 s to be healthy), `worker` too.
    const rig = new WatchRig({
      sims: [
        sim('web', 1),
        sim('api', 2, { terminationMs: 200, targetGroups: [alb('api', { gated: false })] }),
        sim('worker', 3),
      ],
    });
    const r = await rig.run({ deployments: ['web', 'api', 'worker'], rollback: true, rollbackWait: true });
    expect(r.result?.exitCode).toBe(1);
    expect(r.report?.result).toBe('rolled-back');
    const by = Object.fromEntries(r.report!.deployments.map((d) => [d.name, d]));
    expect(by.api).toMatchObject({ result: 'rolled-back', rolledBackTo: 1, rollback: { status: 'available' } });
    expect(by.web).toMatchObject({ result: 'success', reason: 'converged' });
    expect(by.worker).toMatchObject({ result: 'success', reason: 'converged' });
    // The rollback of api started right after its verdict (well within one 5 s poll interval) ...
    const api = by.api!;
    expect(api.rollback!.startedSeconds - api.verdictSeconds).toBeLessThanOrEqual(5);
    expect(rig.patches.map((p) => p.deployment)).toEqual(['api']);
    // ... and long before the healthy Deployments had their verdicts.
    expect(rig.patches[0]!.at / 1000).toBeLessThan(by.web!.verdictSeconds);
    expect(api.rollback!.patchedSeconds!).toBeLessThan(by.worker!.verdictSeconds);
    // The order of events in the report (and the summary) shows it.
    const order = r.report!.events.filter((e) => e.deployment).map((e) => `${e.deployment}: ${e.event}`);
    expect(order.indexOf('api: rollback started')).toBeLessThan(order.indexOf('web: passed (converged)'));
    expect(order.indexOf('api: rollback started')).toBe(
      order.findIndex((e) => e.startsWith('api: verdict: failed')) + 1,
    );
    expect(r.host.summary).toContain('**Order of events**');
    // The run ended only when the last one was done.
    expect(r.report!.durationSeconds).toBeGreaterThanOrEqual(
      Math.max(...r.report!.deployments.map((d) => d.rollback?.endedSeconds ?? d.verdictSeconds)),
    );
  });
});

describe('outcomes and exit codes', () => {
  it('success → 0; the soak is in the report and the summary', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1)] });
    const r = await rig.run({ deployments: ['web'], soakMs: 30_000 });
    expect(r.result?.exitCode).toBe(0);
    expect(r.report).toMatchObject({ result: 'success', exitCode: 0, soakSeconds: 30 });
    const d = r.report!.deployments[0]!;
    expect(d.soak).toMatchObject({ seconds: 30 });
    expect(d.soak!.coveredSeconds).toBeGreaterThanOrEqual(30);
    expect(Object.values(d.soak!.answers)[0]).toBeGreaterThanOrEqual(6);
    expect(r.host.summary).toMatch(
      /Soak: 30s from [\d.]+s \(when the load balancer caught up\); covered 3\d(\.\d)?s with k8s-demo-web-610dd2305f: \d+ DescribeTargetHealth answers; no degradation seen\./,
    );
    expect(r.host.outputs.result).toBe('success');
  });

  it('the default soak is one unhealthy-detection window of the target groups (interval × unhealthy threshold)', async () => {
    const rig = new WatchRig({
      sims: [sim('web', 1)],
      healthCheck: { intervalSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 3 },
    });
    const r = await rig.run({ deployments: ['web'], soakMs: undefined });
    expect(r.report).toMatchObject({ result: 'success', soakSeconds: 30 });
    expect(r.host.lines.some((l) => /interval × unhealthy threshold/.test(l))).toBe(true);
  });

  it('failed without rollback → 1; a paused Deployment is not rolled back (kubectl refuses) → failed, 1', async () => {
    const s = sim('web', 1);
    const rig = new WatchRig({ sims: [s] });
    const r = await rig.run(
      { deployments: ['web'], rollback: true },
      {
        script: (now) => {
          if (now === 6_000) s.pause();
        },
      },
    );
    expect(r.result?.exitCode).toBe(1);
    expect(r.report?.deployments[0]).toMatchObject({ result: 'failed', reason: 'paused', rollback: null });
    expect(rig.patches).toEqual([]);
    expect(r.host.lines.some((l) => /no rollback: kubectl refuses to roll back a paused Deployment/.test(l))).toBe(
      true,
    );
  });

  it('with rollback-wait, the restored revision is followed until it is rolled out again (rolled-back, available)', async () => {
    const rig = new WatchRig({
      sims: [sim('web', 1, { terminationMs: 200, targetGroups: [alb('web', { gated: false })] })],
    });
    const r = await rig.run({ deployments: ['web'], rollback: true, rollbackWait: true });
    const d = r.report!.deployments[0]!;
    expect(d).toMatchObject({
      result: 'rolled-back',
      rolledBackTo: 1,
      rollback: { status: 'available', message: 'revision 1 (ReplicaSet web-old) is rolled out and available again' },
    });
    // Waited for: the restored pods had to start and pass their checks after the PATCH.
    expect(d.rollback!.endedSeconds - d.rollback!.patchedSeconds!).toBeGreaterThan(3);
  });

  it('with rollback-wait, a restored revision that is not available within its progress deadline is failed (not-available)', async () => {
    // The restored revision's pods never become ready: the wait ends at the progress deadline (60 s).
    const s = sim('web', 1, {
      terminationMs: 200,
      progressDeadlineSeconds: 60,
      targetGroups: [alb('web', { gated: false })],
    });
    const rig = new WatchRig({ sims: [s] });
    const r = await rig.run(
      { deployments: ['web'], rollback: true, rollbackWait: true },
      { script: (_now, g) => void (g.patches.length > 0 && s.stall()) },
    );
    const d = r.report!.deployments[0]!;
    expect(d).toMatchObject({ result: 'failed', rolledBackTo: 1, rollback: { status: 'not-available' } });
    expect(d.rollback!.message).toMatch(/restored revision 1, but it did not become available within 60s/);
    expect(d.rollback!.endedSeconds - d.rollback!.patchedSeconds!).toBeCloseTo(60, 0);
  });

  it('a rollback that is forbidden leaves the result failed with the message naming the permission', async () => {
    const rig = new WatchRig({
      sims: [sim('web', 1, { terminationMs: 200, targetGroups: [alb('web', { gated: false })] })],
      patch: 'forbidden',
    });
    const r = await rig.run({ deployments: ['web'], rollback: true });
    expect(r.result?.exitCode).toBe(1);
    expect(r.report?.deployments[0]).toMatchObject({ result: 'failed', rollback: { status: 'error' } });
    expect(r.report!.deployments[0]!.rollback!.message).toMatch(/may not patch deployments\.apps/);
  });

  it('input combinations that cannot work are rejected before connecting → error, 2', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1)], hangConnect: true });
    const r = await rig.run({ deployments: ['web'], tolerateMs: 600_000, timeoutMs: 300_000 });
    expect(r.result?.exitCode).toBe(2);
    expect(r.report).toMatchObject({ result: 'error', exitCode: 2 });
    expect(r.report!.error).toMatch(/`tolerate-seconds` \(600s\) is not shorter than `timeout` \(300s\)/);
    expect(r.endedAt).toBeLessThan(1_000);
  });

  it('settle-timeout 0 with maxUnavailable 0 is rejected once the Deployment is read, naming it', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1, { maxUnavailable: 0 })] });
    const r = await rig.run({ deployments: ['web'], settleTimeoutMs: 0 });
    expect(r.result?.exitCode).toBe(2);
    expect(r.report!.error).toMatch(/`settle-timeout: 0` cannot pass deployment web: with maxUnavailable 0/);
  });
});

describe('deadlines', () => {
  it('`timeout` bounds connecting: a cluster that never answers ends the run at the timeout with error, 2', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1)], hangConnect: true });
    const r = await rig.run({ deployments: ['web'], timeoutMs: 20_000 }, { maxMs: 60_000 });
    expect(r.result?.exitCode).toBe(2);
    expect(r.report).toMatchObject({ result: 'error', deployments: [] });
    expect(r.report!.error).toMatch(/^timed out after 20s while connecting to the Kubernetes API/);
    expect(r.endedAt).toBeGreaterThanOrEqual(20_000);
    expect(r.endedAt).toBeLessThan(21_000);
  });

  it('`timeout` counts from the start of the run: a rollout that never completes fails with reason timeout at it', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1, { containersReadyMs: 10_000_000 })] });
    const r = await rig.run({ deployments: ['web'], timeoutMs: 120_000 });
    expect(r.report?.deployments[0]).toMatchObject({ result: 'failed', reason: 'timeout', claim: 'not-rolled-out' });
    expect(r.report!.deployments[0]!.verdictSeconds).toBeGreaterThanOrEqual(120);
    expect(r.report!.deployments[0]!.verdictSeconds).toBeLessThan(121.5);
  });
});

describe('cancellation (SIGINT/SIGTERM) in every phase', () => {
  it('while connecting to a cluster that never answers: ends within the deadline, report written, error, 2', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1)], hangConnect: true });
    const signal = new AbortController();
    const r = await rig.run(
      { deployments: ['web'] },
      { script: (now) => now === 3_000 && signal.abort(new Error('received SIGTERM')), signal },
    );
    expect(r.endedAt - 3_000).toBeLessThanOrEqual(CANCEL_DEADLINE_MS);
    expect(r.report).toMatchObject({ result: 'error', exitCode: 2, cancelled: true });
    expect(r.report!.error).toBe('cancelled while connecting to the Kubernetes API');
    expect(r.host.outputs.result).toBe('error');
  });

  it('while watching: the undecided Deployment ends with reason cancelled, nothing is rolled back', async () => {
    const rig = new WatchRig({ sims: [sim('web', 1)] });
    const signal = new AbortController();
    const r = await rig.run(
      { deployments: ['web'], rollback: true },
      { script: (now) => now === 10_000 && signal.abort(new Error('received SIGINT')), signal },
    );
    expect(r.endedAt - 10_000).toBeLessThanOrEqual(CANCEL_DEADLINE_MS);
    expect(r.report?.deployments[0]).toMatchObject({ result: 'error', reason: 'cancelled', rollback: null });
    expect(r.report).toMatchObject({ result: 'error', exitCode: 2, cancelled: true });
    expect(r.report!.events.some((e) => /run cancelled \(received SIGINT\)/.test(e.event))).toBe(true);
    expect(rig.patches).toEqual([]);
  });

  /** A Deployment that fails at once (no readiness gate, old pods gone before their targets), rollback on. */
  const failing = (): RolloutSim => sim('web', 1, { terminationMs: 200, targetGroups: [alb('web', { gated: false })] });

  it('while the rollback PATCH hangs: cut after the grace, read back, reported "requested, outcome unknown"', async () => {
    const rig = new WatchRig({ sims: [failing()], patch: 'hang' });
    const signal = new AbortController();
    let sentAt: number | undefined;
    const r = await rig.run(
      { deployments: ['web'], rollback: true },
      {
        script: (now, g) => {
          if (sentAt === undefined && g.patches.length > 0) {
            sentAt = now;
            signal.abort(new Error('received SIGTERM'));
          }
        },
        signal,
      },
    );
    expect(sentAt).toBeDefined();
    expect(r.endedAt - sentAt!).toBeLessThanOrEqual(CANCEL_DEADLINE_MS);
    expect(r.endedAt - sentAt!).toBeGreaterThanOrEqual(PATCH_GRACE_MS);
    const d = r.report!.deployments[0]!;
    expect(d).toMatchObject({ result: 'failed', rollback: { status: 'unknown' } });
    expect(['below-threshold', 'exited-before-deregistration']).toContain(d.reason);
    expect(d.rollback!.message).toMatch(
      /^rollback to revision 1 requested, outcome unknown: the run was cancelled while the PATCH was in flight; the Deployment read back is at revision 2 and does not have the restored template/,
    );
    expect(r.report).toMatchObject({ result: 'failed', exitCode: 1, cancelled: true });
  });

  it('while a PATCH that was applied has not answered: the read-back finds the restored template, reported as done', async () => {
    const rig = new WatchRig({ sims: [failing()], patch: 'apply-then-hang' });
    const signal = new AbortController();
    let sentAt: number | undefined;
    const r = await rig.run(
      { deployments: ['web'], rollback: true },
      {
        script: (now, g) => {
          if (sentAt === undefined && g.patches.length > 0) {
            sentAt = now;
            signal.abort(new Error('received SIGINT'));
          }
        },
        signal,
      },
    );
    expect(r.endedAt - sentAt!).toBeLessThanOrEqual(CANCEL_DEADLINE_MS);
    const d = r.report!.deployments[0]!;
    expect(d).toMatchObject({ result: 'rolled-back', rolledBackTo: 1, rollback: { status: 'applied' } });
    expect(d.rollback!.message).toMatch(
      /the PATCH was cut short by the cancellation, but the Deployment read back has the restored template/,
    );
    expect(r.report).toMatchObject({ result: 'rolled-back', exitCode: 1 });
  });

  it('while waiting for the restored revision: stops waiting at once, the rollback reported as applied', async () => {
    const rig = new WatchRig({ sims: [failing()] });
    const signal = new AbortController();
    let patchedAt: number | undefined;
    const r = await rig.run(
      { deployments: ['web'], rollback: true, rollbackWait: true },
      {
        script: (now, g) => {
          if (patchedAt === undefined && g.patches.length > 0) patchedAt = now;
          if (patchedAt !== undefined && now === patchedAt + 2_000) signal.abort(new Error('received SIGTERM'));
        },
        signal,
      },
    );
    expect(r.endedAt - (patchedAt! + 2_000)).toBeLessThanOrEqual(CANCEL_DEADLINE_MS);
    expect(r.report!.deployments[0]).toMatchObject({ result: 'rolled-back', rollback: { status: 'applied' } });
    expect(r.report!.deployments[0]!.rollback!.message).toMatch(/the wait for it to be available was cut short/);
  });
});
