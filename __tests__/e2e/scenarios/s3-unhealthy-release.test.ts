/**
 * Scenario 3: a release whose pods never pass the load balancer's health check (the simulator's
 * unhealthy-image list: those pods answer the ALB health check and requests with 500).
 *
 * A. Behind seed 001's demo (no readiness gate), Kubernetes sees nothing wrong: the pods go Ready,
 *    the rollout runs to the end and the old pods leave, so the service breaks. The gate must fail
 *    long before the progress deadline, roll back, and the service must come back: every request
 *    answered 200 once the restored pods are healthy targets again.
 * B. Behind seed 003's fixed deployment (readiness gate), the new pods never go Ready, so the
 *    rollout stalls with the old pods serving: no failed request, and kubectl would only fail at
 *    the progress deadline. The gate must fail before it, once the new targets have failed the
 *    health check for twice the target group's healthy window (2 × 15 s × 2 as DescribeTargetGroups
 *    reports it), name the failing health checks, and roll back. The simulator reports the
 *    configured (unscaled) health-check settings, so the progress deadline is left unscaled too
 *    (600 s): 60 s of grace against 600 s of deadline, as in production.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { revisionOf } from '../helpers/objects.js';
import { waitFor } from '../helpers/wait.js';
import type { TrafficReport } from '../sim/index.js';
import { expectValidateAgrees } from './lib/agreement.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { codes, failed, log, record, seconds, window } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import { describeLb, type ObservedRollout } from './lib/observe.js';
import { type DeploymentReportJson, describeRun, runValidate, type ValidateRun } from './lib/product.js';
import { type RolloutResult, rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const BAD_IMAGE = 'nginx:1.25.3-broken';

/** After the gate rolled back: wait for the restored pods to be the load balancer's healthy targets, then measure 5 s of traffic. */
async function trafficAfterRestore(
  r: RolloutResult,
  image: string,
): Promise<{ report: TrafficReport; waitedMs: number }> {
  const from = Date.now();
  r.observer.arm(image);
  await waitFor(async () => r.observer.caughtUp(r.observer.lbState()), {
    timeoutMs: 120_000,
    intervalMs: 100,
    description: `the restored pods (${image}) to be the only healthy targets; now ${describeLb(r.observer.lbState())}`,
  });
  const restoredAt = Date.now();
  await sleep(5_000);
  return { report: window(r.attack.hits, restoredAt, Date.now()), waitedMs: restoredAt - from };
}

interface BadRelease {
  stage: Stage;
  r: RolloutResult;
  validate: ValidateRun;
  /** Traffic from the image change to the gate's exit. */
  during: TrafficReport;
  /** The observer's account of the rollout up to the gate's exit (before the restore re-arms it). */
  watched: ObservedRollout;
  restored: { report: TrafficReport; waitedMs: number };
  d: DeploymentReportJson | undefined;
  /** Seconds from the image change to the gate's verdict line (or its exit). */
  verdictS: number;
  deadlineS: number;
}

/** Validate, stage, roll out BAD_IMAGE with the gate (rollback on), then wait for the restored service. */
async function rollBadRelease(
  manifest: string,
  namespace: string,
  stages: Stage[],
  opts: { realProgressDeadline?: boolean } = {},
): Promise<BadRelease> {
  const validate = await runValidate([manifest]);
  const stage = await setupStage({
    manifest,
    namespace,
    readyDelay: '500ms',
    sim: { unhealthyImages: [BAD_IMAGE] },
    ...opts,
  });
  stages.push(stage);
  const deadlineS = (await stage.deploymentNow()).spec?.progressDeadlineSeconds ?? 600;
  const r = await rolloutWithGate(stage, {
    image: BAD_IMAGE,
    entry: 'cli',
    inputs: { namespace, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
  });
  try {
    const during = window(r.attack.hits, r.changedAt, r.gateEndedAt);
    // The observer's account of the watched rollout, before it is re-armed for the restore.
    const watched = r.observer.snapshot();
    const restored = await trafficAfterRestore(r, 'nginx:latest');
    const verdictS = ((r.failedLineAt ?? r.gateEndedAt) - r.changedAt) / 1000;
    return { stage, r, validate, during, watched, restored, d: r.run.report?.deployments[0], verdictS, deadlineS };
  } finally {
    r.attack.stop();
    r.observer.stop();
  }
}

describe('scenario 3: a release whose pods never pass the load balancer health check', () => {
  const stages: Stage[] = [];
  afterAll(async () => {
    await Promise.all(stages.map((s) => s.teardown()));
  });

  it('A · without readiness gates: traffic breaks, the gate fails long before the progress deadline, rolls back and service is restored', async () => {
    const { stage, r, validate, during, watched, restored, d, verdictS, deadlineS } = await rollBadRelease(
      Examples.seed001,
      'zd-scen-s3a',
      stages,
    );
    log(`scenario 3A: seed 001 demo, nginx:latest → ${BAD_IMAGE} (fails the ALB health check with 500)`, [
      describeRun(r.run),
      `gate verdict ${verdictS.toFixed(1)}s after the image change; progress deadline ${deadlineS}s (scaled from 600 s)`,
      `kubectl rollout status: "successfully rolled out" at ${r.observer.kubectlCompleteAt ? seconds(r.observer.kubectlCompleteAt - r.changedAt) : 'never'} (it cannot see the health check)`,
      `traffic until the gate exited: ${codes(during)}; after the restored pods were healthy (${seconds(restored.waitedMs)} later): ${codes(restored.report)}`,
      ...(d?.diagnostics ?? []).slice(0, 12).map((l) => `diagnostics: ${l}`),
    ]);
    record('s3a-unhealthy-release-no-gates', {
      exitCode: r.run.exitCode,
      result: d?.result,
      reason: d?.reason,
      verdictS,
      progressDeadlineS: deadlineS,
      traffic: during.statusCodes,
      afterRestore: restored.report.statusCodes,
    });

    expect(failed(during)).toBeGreaterThan(0);
    expectGateAgrees({
      what: 'scenario 3A, unhealthy release without readiness gates',
      run: r.run,
      traffic: during,
      observer: watched,
    });
    expect(r.run.killed).toBe(false);
    expect(r.run.exitCode).toBe(1);
    expect(d).toMatchObject({ result: 'rolled-back', revision: 2, rolledBackTo: 1 });
    // Seed 001 has no preStop either: the old pods the rollout deletes stop at once, while their
    // targets are still routed. Which loss the gate sees first (the healthy count below the
    // threshold, or an answer that still had a stopped pod's target healthy) depends on the poll's
    // phase; both are real (the full run of 2026-11-30 20:26 saw the second).
    expect(['below-threshold', 'exited-before-deregistration']).toContain(d?.reason);
    expect(d?.rollback?.status).toBe('available');
    expect(verdictS).toBeLessThan(deadlineS / 2);
    const now = await stage.deploymentNow();
    expect(now.spec?.template.spec?.containers[0]?.image).toBe('nginx:latest');
    expect(revisionOf(now)).toBe('3');
    // Service restored.
    expect(restored.report.requests).toBeGreaterThan(400);
    expect(failed(restored.report)).toBe(0);
    expectValidateAgrees('seed 001 demo with a release failing the health check', validate, during);
  });

  it('B · with readiness gates: no failed request, the rollout stalls; the gate fails before the progress deadline naming the failed health checks, and rolls back', async () => {
    const { stage, r, validate, during, watched, restored, d, verdictS, deadlineS } = await rollBadRelease(
      Examples.seed003,
      'zd-scen-s3b',
      stages,
      { realProgressDeadline: true },
    );
    const firstUnhealthy = stage.tg.transitions().find((t) => t.to === 'unhealthy' && t.at >= r.changedAt);
    const firstUnhealthyS = firstUnhealthy ? (firstUnhealthy.at - r.changedAt) / 1000 : Number.NaN;
    // What DescribeTargetGroups reports (the configured values; the simulator runs them scaled).
    const hc = stage.sim.durations.alb;
    const graceS = (2 * (hc.intervalMs / stage.sim.durations.scale) * hc.healthyThreshold) / 1000;
    log(`scenario 3B: seed 003 fixed (progress deadline ${deadlineS}s), nginx:latest → ${BAD_IMAGE}`, [
      describeRun(r.run),
      `first new target unhealthy (${firstUnhealthy?.reason ?? '?'}) ${firstUnhealthyS.toFixed(1)}s after the change; the gate's grace ${graceS}s; its verdict ${verdictS.toFixed(1)}s after the change; progress deadline ${deadlineS}s`,
      `traffic until the gate exited: ${codes(during)}; after the rollback: ${codes(restored.report)}`,
      ...(d?.diagnostics ?? []).slice(0, 12).map((l) => `diagnostics: ${l}`),
    ]);
    record('s3b-unhealthy-release-readiness-gates', {
      exitCode: r.run.exitCode,
      result: d?.result,
      reason: d?.reason,
      verdictS,
      firstUnhealthyS,
      graceS,
      progressDeadlineS: deadlineS,
      traffic: during.statusCodes,
    });

    // The readiness gate protected the service: the old pods kept serving.
    expect(during.statusCodes).toEqual({ '200': during.requests });
    expectGateAgrees({
      what: 'scenario 3B, unhealthy release held back by readiness gates',
      run: r.run,
      traffic: during,
      observer: watched,
    });
    expect(r.run.killed).toBe(false);
    expect(r.run.exitCode).toBe(1);
    expect(d).toMatchObject({ result: 'rolled-back', reason: 'new-targets-unhealthy', revision: 2, rolledBackTo: 1 });
    expect(d?.rollback?.status).toBe('available');
    expect(d?.message).toContain('Target.ResponseCodeMismatch');
    // Long before the progress deadline, but not before the grace a slow starter gets.
    expect(verdictS).toBeLessThan(deadlineS / 2);
    expect(verdictS).toBeGreaterThanOrEqual(firstUnhealthyS + graceS - 0.5);
    expect(verdictS).toBeLessThanOrEqual(firstUnhealthyS + graceS + 10);
    // Its diagnostics say why: the new targets fail the health check.
    expect(d?.diagnostics.join('\n')).toContain('Target.ResponseCodeMismatch');
    expect(revisionOf(await stage.deploymentNow())).toBe('3');
    expect(failed(restored.report)).toBe(0);
    expectValidateAgrees('seed 003 fixed with a release failing the health check', validate, during);
  });
});
