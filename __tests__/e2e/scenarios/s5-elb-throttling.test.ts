/**
 * Scenario 5: throttling bursts from ELB while the gate watches seed 003's fixed deployment roll
 * out (a rollout that must pass):
 * - 9 s without faults (the gate's pace is measured there);
 * - the account's Describe bucket starved for 5 s (2 tokens, 1/s), which also throttles the
 *   simulated load balancer controller, as a real burst elsewhere in the account would;
 * - the gate's DescribeTargetHealth calls throttled for 12 s (longer than the gate's staleness
 *   limit at a 2 s interval, 3 × 2 s + 5 s);
 * - then its next 3 DescribeTargetHealth calls answered 503 ServiceUnavailable (the SDK retries).
 * The pods start in 3 s so the rollout is still going when the bursts come.
 * No false failure; and the simulator's call counter shows the gate kept to its budget: one
 * DescribeTargetHealth per target group per poll interval (≈ 60/2 s = 30 a minute), at most the
 * budget's burst of 3 calls in any second and 1 call/s sustained, SDK retries included, and the
 * gate's own count of its calls equal to what the server saw.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait.js';
import { type CallRecord, Errors } from '../sim/index.js';
import { codes, log, record, seconds } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s5';
const POLL_S = 2;
/** Fault-free stretch at the start, where the gate's pace is measured. */
const CLEAN_MS = 9_000;

/** Most calls in any window of `ms` starting at a call. */
function maxInWindow(calls: readonly CallRecord[], ms: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < calls.length; hi++) {
    while (calls[hi]!.at - calls[lo]!.at >= ms) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor(s.length / 2)]!;
}

describe('scenario 5: ELB throttling bursts during the watch', () => {
  let stage: Stage;
  beforeAll(async () => {
    stage = await setupStage({ manifest: Examples.seed003, namespace: NS, readyDelay: '3s' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('no false failure, and the gate stays within its ELB call budget', async () => {
    const identity = stage.sim.credentials.accessKeyId;
    const faults = stage.sim.faults;
    const windows = { cleanFrom: 0, throttleFrom: 0, throttleTo: 0, starveFrom: 0, starveTo: 0 };
    const since = Date.now();
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.22.0',
      entry: 'cli',
      inputs: { namespace: NS, deployments: stage.deployment, 'poll-interval': `${POLL_S}s`, rollback: 'true' },
      during: async ({ gateExited }) => {
        const phase = (ms: number): Promise<void> => sleep(ms, undefined, { signal: gateExited });
        try {
          await waitFor(async () => stage.sim.counters.count({ identity, action: 'DescribeTargetHealth' }) > 0, {
            timeoutMs: 30_000,
            intervalMs: 20,
            description: "the gate's first DescribeTargetHealth",
          });
          windows.cleanFrom = Date.now();
          await phase(CLEAN_MS);
          windows.starveFrom = Date.now();
          faults.setBucket(2, 1);
          faults.bucket.drain();
          await phase(5_000);
          faults.setBucket(40, 10);
          windows.starveTo = Date.now();
          windows.throttleFrom = Date.now();
          faults.throttleFor(12_000, { identities: [identity], actions: ['DescribeTargetHealth'] });
          await phase(12_000);
          windows.throttleTo = Date.now();
          faults.failNext(3, Errors.serviceUnavailable, { identities: [identity], actions: ['DescribeTargetHealth'] });
        } catch (e) {
          if (!gateExited.aborted) throw e;
        } finally {
          faults.setBucket(40, 10);
        }
      },
    });
    faults.reset();
    try {
      const d = r.run.report?.deployments[0];
      const mine = stage.sim.counters.list({ identity, since });
      const dth = mine.filter(
        (c) => c.action === 'DescribeTargetHealth' && c.targetGroups.includes(stage.binding.targetGroupArn),
      );
      const ok = dth.filter((c) => c.outcome === 'ok');
      // Pace: the gaps between polls in the fault-free stretch.
      const clean = dth.filter((c) => c.at >= windows.cleanFrom - 50 && c.at < windows.starveFrom);
      const okGaps = clean.slice(1).map((c, i) => (c.at - clean[i]!.at) / 1000);
      const runS = (r.run.endedAt - r.run.startedAt) / 1000;
      const perMinute = (dth.length / runS) * 60;
      const outcomes = stage.sim.counters.byOutcome({ identity, since });
      const lbcCalls = stage.sim.counters.count({ identity: 'aws-load-balancer-controller', since });
      const lbcThrottled = stage.sim.counters.count({
        identity: 'aws-load-balancer-controller',
        since,
        outcome: 'Throttling',
      });
      // How long the gate stayed without target health after the last fault ended (its backoff).
      const firstOkAfter = windows.throttleTo ? ok.find((c) => c.at > windows.throttleTo) : undefined;
      const recoveryS = firstOkAfter ? (firstOkAfter.at - windows.throttleTo) / 1000 : null;
      const figures = {
        exitCode: r.run.exitCode,
        result: d?.result,
        gateSeconds: runS,
        calls: mine.length,
        byAction: stage.sim.counters.byAction({ identity, since }),
        outcomes,
        describeTargetHealthPerMinute: Math.round(perMinute * 10) / 10,
        reportedPerMinute: r.run.report?.elb.describeTargetHealthPerMinute,
        reportedAttempts: r.run.report?.elb.attempts,
        medianOkGapS: median(okGaps),
        minOkGapS: Math.min(...okGaps),
        peakPerSecond: maxInWindow(mine, 1_000),
        peakPer10s: maxInWindow(mine, 10_000),
        recoveryS,
        lbcCalls,
        lbcThrottled,
        traffic: r.traffic.statusCodes,
      };
      log('scenario 5: ELB throttling bursts (seed 003 fixed, nginx:latest → nginx:1.22.0, poll-interval 2s)', [
        describeRun(r.run),
        `faults: none until ${seconds(windows.starveFrom - r.changedAt)}; account bucket starved ${seconds(windows.starveFrom - r.changedAt)}–${seconds(windows.starveTo - r.changedAt)}; the gate's DescribeTargetHealth throttled ${seconds(windows.throttleFrom - r.changedAt)}–${seconds(windows.throttleTo - r.changedAt)}, then 3 answered 503; gate exit ${seconds(r.gateEndedAt - r.changedAt)}`,
        `gate's calls seen by the simulator: ${mine.length} ${JSON.stringify(figures.byAction)}, outcomes ${JSON.stringify(outcomes)}; the gate counted ${figures.reportedAttempts} attempts`,
        `DescribeTargetHealth on the target group: ${dth.length} in ${runS.toFixed(1)} s = ${figures.describeTargetHealthPerMinute}/min overall (gate's report: ${JSON.stringify(figures.reportedPerMinute)}); fault-free stretch: ${clean.length} polls, gaps median ${figures.medianOkGapS.toFixed(2)} s (${(60 / figures.medianOkGapS).toFixed(1)}/min), min ${figures.minOkGapS.toFixed(2)} s`,
        `peak: ${figures.peakPerSecond} calls in 1 s, ${figures.peakPer10s} in 10 s; the controller made ${lbcCalls} calls (${lbcThrottled} throttled)`,
        `first answered DescribeTargetHealth after the throttling burst ended: ${recoveryS === null ? 'none (the gate had exited)' : `${recoveryS.toFixed(1)} s later`} (the poller's backoff)`,
        `traffic: ${codes(r.traffic)}`,
        ...r.run.lines
          .filter((l) => /unknown|throttl|stale|known again/i.test(l.text))
          .slice(0, 8)
          .map((l) => `gate: ${l.text.slice(0, 200)}`),
      ]);
      record('s5-elb-throttling', figures);

      // The faults reached the gate.
      expect(outcomes['Throttling'] ?? 0).toBeGreaterThanOrEqual(4);
      expect(
        windows.throttleTo,
        'the gate passed before the throttling burst ended: the rollout was too quick for this scenario',
      ).toBeGreaterThan(0);
      expect(outcomes['ServiceUnavailable'] ?? 0).toBeGreaterThanOrEqual(1);
      // No false failure.
      expectGateAgrees({ what: 'scenario 5, ELB throttling', run: r.run, traffic: r.traffic, observer: r.observer });
      expect(r.run.killed).toBe(false);
      expect(r.run.exitCode).toBe(0);
      expect(d).toMatchObject({ result: 'success', reason: 'converged', revision: 2 });
      // Budget: 1 call/s sustained with a burst of 3, SDK retries included.
      expect(figures.peakPerSecond).toBeLessThanOrEqual(3);
      expect(figures.peakPer10s).toBeLessThanOrEqual(13);
      expect((mine.length / runS) * 60).toBeLessThanOrEqual(63);
      // One poll per target group per interval (±20 % jitter), never faster.
      expect(okGaps.length).toBeGreaterThanOrEqual(3);
      expect(figures.minOkGapS).toBeGreaterThanOrEqual(POLL_S * 0.8 - 0.05);
      expect(figures.medianOkGapS).toBeGreaterThanOrEqual(POLL_S * 0.8);
      expect(figures.medianOkGapS).toBeLessThanOrEqual(POLL_S * 1.3);
      expect(perMinute).toBeLessThanOrEqual((60 / POLL_S) * 1.5);
      // The gate's own account of its calls matches the server's.
      expect(Math.abs((r.run.report?.elb.attempts ?? -100) - mine.length)).toBeLessThanOrEqual(1);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
