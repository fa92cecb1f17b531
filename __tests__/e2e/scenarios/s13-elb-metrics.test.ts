/**
 * Scenario 13: `elb-metrics: true`. The gate reads the simulated ALB's own counts from the fake
 * CloudWatch (GetMetricData over JSON 1.0 through the product's unmodified SDK client, endpoint from
 * AWS_ENDPOINT_URL_CLOUDWATCH), which adds up the traffic model's requests per real minute and
 * publishes each minute the scaled delay (6 s) after it ends.
 *
 * A. Seed 001's demo as published (no readiness gate, no preStop), target health plus elb-metrics,
 *    rollback on: the gate fails (on its target-health rules, which see the loss first, or on
 *    elb-errors) and rolls back at once; the report's load-balancer error count for the window
 *    equals the traffic model's count of the load balancer's own 5xx in the same whole minutes.
 * B. Seed 003's fix, as the action entry: success, 0 load-balancer errors, the `elb-errors` and
 *    `elb-requests` outputs, the chart in the job summary.
 * C. The same stage, its metrics withheld by CloudWatch: the documented outcome, result `error`
 *    with reason `elb-metrics-missing` after `metrics-wait` (exit code 2, no rollback), never a pass.
 *
 * D. Seed 003 with a preStop of 20 s (2 s scaled) behind a load balancer whose deregistration takes
 *    30 s to propagate (3 s scaled; AWS says "about 10 s", aws-load-balancer-controller#1719, and
 *    field reports see more): each old pod stops after the controller deregistered its target
 *    (0.2 s, plus whatever the controller lags on a loaded machine, up to 1.8 s) but before the ALB
 *    stopped routing to it (3 s after deregistration). With `deregistration-seconds: 0` target
 *    health cannot show it (every answer after a pod stopped has its target draining); the load
 *    balancer's 502s fail the gate on `elb-errors`. (With the default 1 s propagation and a 0.8 s
 *    preStop, a CI run's controller lagged past the preStop: the pod then really stopped before its
 *    deregistration, and target health rightly said so.)
 *
 * A, B-C and D run one after the other on their own stages (each waits for a real minute to end):
 * side by side, the three stages let the simulated controller fall behind on 2 cores.
 */
import { describe, expect, it } from 'vitest';
import type { Hit } from '../sim/traffic.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { codes, log, record, seconds } from './lib/figures.js';
import { Examples, findDeployment, writeVariant } from './lib/manifests.js';
import { describeRun, type GateRun } from './lib/product.js';
import { rolloutWithGate, type RolloutResult } from './lib/rollout.js';
import { setupStage, type Stage, type StageOptions } from './lib/stage.js';

const MINUTE = 60_000;

/** The report's `elb` entry, read through its documented fields only. */
interface ElbJson {
  requests: number;
  errors: number;
  byCode: Record<string, number>;
  window: { start: string; end: string | null; firstMinute: string; lastMinute: string; complete: boolean };
  pending: string[];
  perMinute: Array<{ minute: string; part: string; published: boolean; requests: number; errors: number }>;
  getMetricDataCalls: number;
}

const elbOf = (run: GateRun): ElbJson | undefined =>
  (run.report?.deployments[0] as unknown as { elb?: ElbJson } | undefined)?.elb;

/**
 * The traffic model over the report's window minutes: every request the load balancer received
 * in [first minute, last minute + 60 s), and those it answered 5xx itself. The simulated targets
 * (nginx) never answer 5xx; a 500 would be the target's (asserted absent), 502/503/504 are the ALB's.
 */
function modelCounts(hits: readonly Hit[], elb: ElbJson): { requests: number; lb5xx: number; target500: number } {
  const from = Date.parse(elb.window.firstMinute);
  const to = Date.parse(elb.window.lastMinute) + MINUTE;
  const inside = hits.filter((h) => h.at >= from && h.at < to);
  return {
    requests: inside.length,
    lb5xx: inside.filter((h) => h.status === 502 || h.status === 503 || h.status === 504).length,
    target500: inside.filter((h) => h.status === 500).length,
  };
}

/**
 * The gate's counts for a complete window equal the traffic model's over the same whole minutes;
 * every 5xx in them is the load balancer's own. Answers the model's counts.
 */
function expectModelCounts(elb: ElbJson | undefined, hits: readonly Hit[]): ReturnType<typeof modelCounts> {
  expect(elb, 'the report has no elb entry').toBeDefined();
  expect(elb!.window.complete).toBe(true);
  const m = modelCounts(hits, elb!);
  expect(m.target500).toBe(0);
  expect({ errors: elb!.errors, requests: elb!.requests }).toEqual({ errors: m.lb5xx, requests: m.requests });
  return m;
}

function describeElb(elb: ElbJson | undefined, hits: readonly Hit[]): string[] {
  if (!elb) return ['no elb entry in the report'];
  const m = modelCounts(hits, elb);
  return [
    `window ${elb.window.start} → ${elb.window.end ?? 'open'}, whole minutes ${elb.window.firstMinute.slice(11, 16)}–${elb.window.lastMinute.slice(11, 16)} UTC, complete ${elb.window.complete}, ${elb.getMetricDataCalls} GetMetricData calls`,
    `gate (CloudWatch): ${elb.errors} load-balancer errors in ${elb.requests} requests ${JSON.stringify(elb.byCode)}`,
    `traffic model, same minutes: ${m.lb5xx} load-balancer 5xx in ${m.requests} requests`,
  ];
}

async function withStage(
  manifest: string,
  namespace: string,
  body: (stage: Stage) => Promise<void>,
  sim?: StageOptions['sim'],
): Promise<void> {
  const stage = await setupStage({ manifest, namespace, readyDelay: '500ms', ...(sim ? { sim } : {}) });
  try {
    await body(stage);
  } finally {
    await stage.teardown();
  }
}

/** The rollout to `image` with the gate watching it, elb-metrics on, polling every 2 s. */
function elbRollout(
  stage: Stage,
  image: string,
  entry: 'cli' | 'action',
  inputs: Record<string, string>,
): Promise<RolloutResult> {
  const base = { namespace: stage.ns, deployments: stage.deployment, 'poll-interval': '2s', 'elb-metrics': 'true' };
  return rolloutWithGate(stage, { image, entry, inputs: { ...base, ...inputs } });
}

/** The run, the traffic and both counts in the test log. */
function logRun(title: string, r: RolloutResult, extra: string[] = []): void {
  log(title, [
    describeRun(r.run),
    `traffic from the change to the gate's exit (${seconds(r.gateEndedAt - r.changedAt)}): ${codes(r.traffic)}`,
    ...describeElb(elbOf(r.run), r.attack.hits),
    ...extra,
  ]);
}

function stop(r: RolloutResult): void {
  r.attack.stop();
  r.observer.stop();
}

describe('scenario 13: the load balancer’s own counts (elb-metrics)', () => {
  it('A · seed 001: the gate fails and rolls back; its load-balancer error count equals the traffic model’s', async () => {
    const started = Date.now();
    await withStage(Examples.seed001, 'zd-scen-s13a', async (stage) => {
      const r = await elbRollout(stage, 'nginx:1.22.0', 'cli', { rollback: 'true', 'metrics-wait': '90s' });
      try {
        const d = r.run.report?.deployments[0];
        const elb = elbOf(r.run);
        logRun('scenario 13 A: seed 001 demo with elb-metrics, rollback on', r, [
          `rollback patched at ${d?.rollback ? `${(d.rollback as { patchedSeconds?: number }).patchedSeconds}s` : 'never'}, verdict at ${d?.verdictSeconds}s, gate exit after ${seconds(r.run.endedAt - r.run.startedAt)}`,
        ]);
        expect(r.run.killed).toBe(false);
        expect(r.run.exitCode).toBe(1);
        expect(d).toMatchObject({ result: 'rolled-back', rolledBackTo: 1 });
        expect(['elb-errors', 'below-threshold', 'exited-before-deregistration']).toContain(d!.reason);
        expectGateAgrees({
          what: 'scenario 13 A, seed 001 with elb-metrics',
          run: r.run,
          traffic: r.traffic,
          observer: r.observer,
        });
        // The rollback went out right after the verdict; the wait for CloudWatch did not hold it.
        const rb = d!.rollback as unknown as { startedSeconds: number };
        expect(rb.startedSeconds - d!.verdictSeconds).toBeLessThan(2);
        // The window (first observation → verdict) was published before the gate exited, and its
        // counts are the traffic model's, minute for minute.
        const m = expectModelCounts(elb, r.attack.hits);
        expect(m.lb5xx).toBeGreaterThan(0);
        record('s13-elb-metrics-A', {
          exitCode: r.run.exitCode,
          reason: d?.reason,
          elb: { gate: [elb?.errors, elb?.requests], model: [m.lb5xx, m.requests] },
          gateSeconds: (r.run.endedAt - r.run.startedAt) / 1000,
          wallSeconds: (Date.now() - started) / 1000,
        });
      } finally {
        stop(r);
      }
    });
  });

  it('B · seed 003 passes with 0 load-balancer errors (action entry); C · metrics withheld: error, elb-metrics-missing', async () => {
    const started = Date.now();
    await withStage(Examples.seed003, 'zd-scen-s13b', async (stage) => {
      // B
      const b = await elbRollout(stage, 'nginx:1.22.0', 'action', { 'metrics-wait': '90s' });
      try {
        const d = b.run.report?.deployments[0];
        const elb = elbOf(b.run);
        logRun('scenario 13 B: seed 003 fixed with elb-metrics, action entry', b, [
          `outputs: elb-errors ${b.run.outputs['elb-errors']}, elb-requests ${b.run.outputs['elb-requests']}`,
        ]);
        expectGateAgrees({
          what: 'scenario 13 B, seed 003 with elb-metrics',
          run: b.run,
          traffic: b.traffic,
          observer: b.observer,
        });
        expect(b.run.exitCode).toBe(0);
        expect(d).toMatchObject({ result: 'success', reason: 'converged' });
        const m = expectModelCounts(elb, b.attack.hits);
        expect(elb!.errors).toBe(0);
        expect(b.run.outputs['elb-errors']).toBe('0');
        expect(b.run.outputs['elb-requests']).toBe(String(m.requests));
        expect(b.run.summary).toContain('Requests (bars) and load-balancer errors (line) per minute, UTC');
        // The pass came only once the window's last minute was published (6 s after it ended).
        expect(b.passedLineAt!).toBeGreaterThanOrEqual(Date.parse(elb!.window.lastMinute) + MINUTE + 6_000);
        record('s13-elb-metrics-B', {
          exitCode: b.run.exitCode,
          elb: { gate: [elb?.errors, elb?.requests], model: [m.lb5xx, m.requests] },
          gateSeconds: (b.run.endedAt - b.run.startedAt) / 1000,
        });
      } finally {
        stop(b);
      }

      // C
      await stage.waitAllHealthy();
      stage.sim.cloudwatch.withhold([stage.sim.credentials.accessKeyId]);
      const c = await elbRollout(stage, 'nginx:1.23.1', 'cli', { rollback: 'true', 'metrics-wait': '15s' });
      try {
        const d = c.run.report?.deployments[0];
        logRun('scenario 13 C: metrics withheld, metrics-wait 15s', c);
        expect(c.run.exitCode).toBe(2);
        // The documented outcome: an error naming the reason, no rollback (rollback: true was set).
        expect(d?.result).toBe('error');
        expect(d).toMatchObject({ reason: 'elb-metrics-missing', claim: 'could-not-judge', rollback: null });
        expect(d!.message).toMatch(
          /CloudWatch did not publish the load balancer metrics of the rollout's last minute \(\d\d:\d\d UTC\) within metrics-wait 15s: .* has no datapoint at all/,
        );
        expect(elbOf(c.run)).toMatchObject({ window: { complete: false } });
        expectGateAgrees({
          what: 'scenario 13 C, metrics withheld',
          run: c.run,
          traffic: c.traffic,
          observer: c.observer,
        });
        record('s13-elb-metrics-C', {
          exitCode: c.run.exitCode,
          reason: d?.reason,
          gateSeconds: (c.run.endedAt - c.run.startedAt) / 1000,
          wallSecondsBC: (Date.now() - started) / 1000,
        });
      } finally {
        stop(c);
        stage.sim.cloudwatch.release();
      }
    });
  });

  it('D · pods stopping between deregistration and the load balancer’s last request: only elb-errors sees it', async () => {
    const manifest = writeVariant(Examples.seed003, 'seed-003-fixed-prestop-20s', (objects) => {
      for (const c of findDeployment(objects).spec.template.spec.containers)
        if (c.lifecycle?.preStop?.exec) c.lifecycle.preStop.exec.command = ['/bin/sh', '-c', 'sleep 20'];
    });
    const slowPropagation = { durations: { deregistrationPropagationMs: 3_000 } };
    await withStage(
      manifest,
      'zd-scen-s13d',
      async (stage) => {
        const r = await elbRollout(stage, 'nginx:1.22.0', 'cli', {
          rollback: 'true',
          'deregistration-seconds': '0',
          'metrics-wait': '90s',
        });
        try {
          const d = r.run.report?.deployments[0];
          const elb = elbOf(r.run);
          logRun(
            'scenario 13 D: seed 003 with preStop 20 s, deregistration propagating in 30 s, deregistration-seconds 0',
            r,
          );
          expectGateAgrees({
            what: 'scenario 13 D, preStop shorter than deregistration',
            run: r.run,
            traffic: r.traffic,
            observer: r.observer,
          });
          expect(r.traffic.statusCodes['502'] ?? 0).toBeGreaterThan(0);
          expect(r.run.exitCode).toBe(1);
          expect(
            d?.reason,
            "the stage's premise failed: target health saw a pod stop before its deregistration (the simulated controller lagged past the preStop)",
          ).not.toBe('exited-before-deregistration');
          expect(d).toMatchObject({ result: 'rolled-back', reason: 'elb-errors' });
          const m = expectModelCounts(elb, r.attack.hits);
          record('s13-elb-metrics-D', {
            exitCode: r.run.exitCode,
            reason: d?.reason,
            elb: { gate: [elb?.errors, elb?.requests], model: [m.lb5xx, m.requests] },
            gateSeconds: (r.run.endedAt - r.run.startedAt) / 1000,
          });
        } finally {
          stop(r);
        }
      },
      slowPropagation,
    );
  });
});
