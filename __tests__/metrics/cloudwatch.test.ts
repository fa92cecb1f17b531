/**
 * The CloudWatch adapter with the real SDK client against the simulator's fake CloudWatch
 * (JSON 1.0 over loopback), the poller on a manual clock: one GetMetricData call per poll for
 * every series, pacing inside the shared call budget (retries included), publication delay and
 * metrics that never arrive in simulated time, and the errors that name `cloudwatch:GetMetricData`.
 */
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CallBudget } from '../../src/adapters/aws/budget.js';
import { CloudWatchMetrics, createCloudWatchClient, MetricsPoller } from '../../src/adapters/aws/cloudwatch.js';
import { attachedTargetGroups } from '../../src/adapters/aws/elb-topology.js';
import { AwsSetupError } from '../../src/adapters/aws/elbv2.js';
import { judge } from '../../src/core/metrics/judge.js';
import { planMetrics } from '../../src/core/metrics/plan.js';
import { MetricsStore, MINUTE_MS, readRange } from '../../src/core/metrics/store.js';
import { assess } from '../../src/core/metrics/window.js';
import type { Clock as SimClock } from '../e2e/sim/clock.js';
import { CwErrors, FakeCloudWatch } from '../e2e/sim/cloudwatch/index.js';
import { scaledDurations } from '../e2e/sim/durations.js';
import { FakeElb } from '../e2e/sim/elb/index.js';
import { ManualTimers, settle } from '../helpers/manual-timers.js';

/** 10:00:00 UTC */
const T0 = Date.parse('2026-01-15T10:00:00Z');
const M = MINUTE_MS;
const timers = new ManualTimers(T0);
/** The simulator reads the same manual time as the product. */
const simClock: SimClock = { now: () => timers.now(), setTimeout: () => ({ id: 0 }), clearTimeout: () => undefined };

let elb: FakeElb;
let cw: FakeCloudWatch;
const ENDPOINT = 'AWS_ENDPOINT_URL_CLOUDWATCH';
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  elb = await FakeElb.start({ clock: simClock, durations: scaledDurations(0.1) });
  cw = await FakeCloudWatch.start({ clock: simClock, store: elb.store, publicationDelayMs: 90_000 });
  for (const k of [ENDPOINT, 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) saved[k] = process.env[k];
  process.env[ENDPOINT] = cw.endpoint;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDZDGATE';
  process.env.AWS_SECRET_ACCESS_KEY = 'not-checked';
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await cw.close();
  await elb.close();
});
beforeEach(() => {
  cw.faults.reset();
  cw.counters.reset();
  cw.release();
});

const alb = (): { lb: string; tg: string; other: string } => {
  const lb = elb.store.createLoadBalancer({
    name: `k8s-demo-${Math.random().toString(16).slice(2, 10)}`,
    type: 'application',
  });
  const tg = elb.store.createTargetGroup({
    name: `k8s-web-${Math.random().toString(16).slice(2, 10)}`,
    port: 80,
    targetType: 'ip',
  });
  const other = elb.store.createTargetGroup({
    name: `k8s-shop-${Math.random().toString(16).slice(2, 10)}`,
    port: 80,
    targetType: 'ip',
  });
  elb.store.setListener(lb.arn, 80, 'HTTP', [
    { pathPrefix: '/shop', targetGroupArn: other.arn },
    { pathPrefix: '/', targetGroupArn: tg.arn },
  ]);
  return { lb: lb.arn, tg: tg.arn, other: other.arn };
};

/** `n` requests through the load balancer at `at`, answered `status` by the load balancer (or 200 by a target). */
function traffic(lb: string, tg: string, at: number, n: number, status = 200): void {
  for (let i = 0; i < n; i++) {
    cw.metrics.record({
      at,
      loadBalancerArn: lb,
      targetGroupArn: tg,
      outcome: { status, latencyMs: 1, origin: status === 200 ? 'target' : 'load-balancer' },
    });
  }
}

function budget(rate = 1, burst = 3): CallBudget {
  return new CallBudget(timers, { ratePerSecond: rate, burst });
}

/** Moves manual time forward, letting each read's real loopback round trip finish before the next step. */
async function advance(ms: number, inFlight: () => boolean, step = 500): Promise<void> {
  const end = timers.now() + ms;
  while (timers.now() < end) {
    await timers.advance(Math.min(step, end - timers.now()), step);
    for (let i = 0; i < 400 && inFlight(); i++) await new Promise((r) => setTimeout(r, 5));
    await settle();
  }
}

function poller(plan: ReturnType<typeof planMetrics>, b: CallBudget, earliest: () => number, maxAttempts = 3) {
  const reader = new CloudWatchMetrics(
    createCloudWatchClient({ region: 'eu-west-1', budget: b, maxAttempts }),
    'eu-west-1',
  );
  let inFlight = 0;
  const counting = {
    calls: 0,
    read: async (...args: Parameters<CloudWatchMetrics['read']>) => {
      inFlight++;
      try {
        return await reader.read(...args);
      } finally {
        inFlight--;
      }
    },
  } as unknown as CloudWatchMetrics;
  Object.defineProperty(counting, 'calls', { get: () => reader.calls });
  const store = new MetricsStore(plan);
  const p = new MetricsPoller(
    store,
    new Map([['eu-west-1', counting]]),
    b,
    timers,
    earliest,
    { intervalMs: 15_000 },
    () => 0.5,
  );
  return { store, poller: p, reader, busy: () => inFlight > 0 };
}

describe('CloudWatchMetrics', () => {
  it('reads every series of the plan in one GetMetricData call, as the store expects it', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    const start = timers.now();
    traffic(lb, tg, start - M, 600);
    traffic(lb, tg, start - M, 7, 502);
    const b = budget();
    const reader = new CloudWatchMetrics(createCloudWatchClient({ region: 'eu-west-1', budget: b }), 'eu-west-1');
    const queries = plan.queries.get('eu-west-1')!;
    const { fromMs, toMs } = readRange(start + 2 * M, start - 2 * M, queries.length);
    await timers.advance(2 * M, M);
    const out = await reader.read(queries, fromMs, toMs, timers.now());
    expect(out.kind).toBe('known');
    expect(cw.counters.count({ action: 'GetMetricData' })).toBe(1);
    expect(reader.calls).toBe(1);
    expect(b.spent).toBe(1);
    const store = new MetricsStore(plan);
    if (out.kind === 'known') store.apply(out.read);
    const a = assess(store, [tg], { startMs: start - M + 1_000, endMs: start - 1_000 }, timers.now());
    expect(a.complete).toBe(true);
    expect(a.counts).toEqual({ requests: 607, errors: 7, byCode: { '502': 7 } });
    expect(a.loadBalancers[0]!.targetGroups[0]!.requests).toBe(607);
  });

  it('names cloudwatch:GetMetricData when denied, and does not retry', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    cw.faults.denyAccess(['AKIDZDGATE'], undefined, 'arn:aws:sts::111111111111:assumed-role/deploy/gh');
    const b = budget();
    const reader = new CloudWatchMetrics(createCloudWatchClient({ region: 'eu-west-1', budget: b }), 'eu-west-1');
    const err = await reader.read(plan.queries.get('eu-west-1')!, T0, T0 + M, timers.now()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsSetupError);
    expect((err as Error).message).toBe(
      'AWS denied cloudwatch:GetMetricData on the load balancer metrics in eu-west-1: allow `cloudwatch:GetMetricData` in the IAM policy of the role the job runs with (docs/watch.md#aws-iam). AWS said: User: arn:aws:sts::111111111111:assumed-role/deploy/gh is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action',
    );
    expect(b.spent).toBe(1);
  });

  it('lets the SDK retry throttling and 5xx, every attempt drawn from the budget; what stays failing is unknown', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    const queries = plan.queries.get('eu-west-1')!;
    const b = budget(1, 10);
    const reader = new CloudWatchMetrics(
      createCloudWatchClient({ region: 'eu-west-1', budget: b, maxAttempts: 3 }),
      'eu-west-1',
    );
    cw.faults.failNext(2, CwErrors.throttling);
    expect((await reader.read(queries, T0, T0 + M, timers.now())).kind).toBe('known');
    expect(b.spent).toBe(3);
    cw.faults.failNext(3, CwErrors.internal);
    const failed = await reader.read(queries, T0, T0 + M, timers.now());
    expect(failed).toEqual({ kind: 'unknown', reason: 'InternalServiceFault (HTTP 500): Internal service error' });
    expect(b.spent).toBe(6);
    cw.faults.failNext(3, CwErrors.throttling);
    expect(await reader.read(queries, T0, T0 + M, timers.now())).toEqual({
      kind: 'unknown',
      reason: 'Throttling (HTTP 400): Rate exceeded',
      throttled: true,
    });
  }, 30_000);

  it('reports a query CloudWatch refuses as a setup error, not as unknown', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    const bad = plan.queries.get('eu-west-1')!.map((q, i) => ({ ...q, id: i === 0 ? 'Bad-Id' : q.id }));
    const reader = new CloudWatchMetrics(
      createCloudWatchClient({ region: 'eu-west-1', budget: budget() }),
      'eu-west-1',
    );
    await expect(reader.read(bad, T0, T0 + M, timers.now())).rejects.toThrow(
      /^cloudwatch:GetMetricData rejected the query for the load balancer metrics in eu-west-1: The value Bad-Id/,
    );
  });
});

describe('MetricsPoller in simulated time', () => {
  it('one call per poll for every series; a minute arrives a publication delay after it ends; the verdict waits for it', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    // Align to a minute: the rollout runs 10 s into it for 40 s.
    await timers.advance(M - (timers.now() % M), M);
    const rollout = { startMs: timers.now() + 10_000, endMs: timers.now() + 50_000 };
    const base = timers.now();
    traffic(lb, tg, base - M, 6_000); // baseline minute
    traffic(lb, tg, base + 5_000, 1_000);
    traffic(lb, tg, base + 20_000, 4_000);
    traffic(lb, tg, base + 20_000, 42, 503);
    const b = budget();
    const { store, poller: p, busy } = poller(plan, b, () => rollout.startMs - (rollout.endMs - rollout.startMs));
    const reads: number[] = [];
    const stop = new AbortController();
    const done = p.run(
      stop.signal,
      (s) => reads.push(s.reads),
      () => expect.fail('no setup error expected'),
    );
    const verdictAt = (): string =>
      judge(assess(store, [tg], rollout, timers.now()), { maxErrors: 0 }, { waitExpired: false, waitMs: 180_000 })
        .state;
    // The minute ends at base + 60 s and is published 90 s later: at base + 150 s.
    await advance(149_000, busy);
    expect(verdictAt()).toBe('pending');
    await advance(16_000, busy);
    expect(verdictAt()).toBe('exceeded');
    stop.abort();
    await done;
    // One call per poll (15 s ± 0 jitter here), each one HTTP attempt from the shared budget.
    expect(cw.counters.count({ action: 'GetMetricData' })).toBe(reads.length);
    expect(p.calls).toBe(reads.length);
    expect(b.spent).toBe(reads.length);
    expect(reads.length).toBeGreaterThanOrEqual(11);
    expect(reads.length).toBeLessThanOrEqual(12);
    const a = assess(store, [tg], rollout, timers.now());
    expect(a.counts).toEqual({ requests: 5_042, errors: 42, byCode: { '503': 42 } });
    expect(a.baseline).toEqual({ requests: 6_000, errors: 0, byCode: {} });
    // First seen at the first poll after publication: within one interval of the 90 s delay.
    expect(a.loadBalancers[0]!.publicationDelayMs).toBeGreaterThanOrEqual(90_000);
    expect(a.loadBalancers[0]!.publicationDelayMs).toBeLessThanOrEqual(105_000);
  }, 60_000);

  it('waits for the shared budget before each call and stretches after throttling', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    const b = budget(1, 1);
    // Someone else (the target-health poller) spends the budget 5 s ahead.
    for (let i = 0; i < 6; i++) b.spend();
    const { poller: p, busy } = poller(plan, b, () => timers.now(), 1);
    cw.faults.throttleFor(10 * M);
    const stop = new AbortController();
    const done = p.run(
      stop.signal,
      () => undefined,
      () => expect.fail('no setup error expected'),
    );
    await advance(4_000, busy);
    expect(cw.counters.count()).toBe(0);
    await advance(2_000, busy);
    expect(cw.counters.count()).toBe(1);
    // Throttled throughout: 15 s ×2, ×4, ×6 (cap), ×6 ... instead of every 15 s.
    await advance(5 * M, busy);
    stop.abort();
    await done;
    const times = cw.counters.list().map((c) => Math.round((c.at - cw.counters.list()[0]!.at) / 1000));
    expect(times).toEqual([0, 30, 90, 180, 270]);
    expect(p.unknown.at(-1)).toBe('Throttling (HTTP 400): Rate exceeded');
  }, 60_000);

  it('metrics that never arrive end in `missing` once metrics-wait has run out, never in a pass', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    const rollout = { startMs: timers.now(), endMs: timers.now() + 30_000 };
    traffic(lb, tg, rollout.startMs + 1_000, 3_000);
    cw.withhold(['AKIDZDGATE']);
    const { store, poller: p, busy } = poller(plan, budget(), () => rollout.startMs - 30_000);
    const stop = new AbortController();
    const done = p.run(
      stop.signal,
      () => undefined,
      () => expect.fail('no setup error expected'),
    );
    await advance(rollout.endMs - timers.now() + 180_000, busy);
    stop.abort();
    await done;
    const a = assess(store, [tg], rollout, timers.now());
    expect(store.reads).toBeGreaterThan(10);
    expect(judge(a, { maxErrors: 0 }, { waitExpired: false, waitMs: 180_000 }).state).toBe('pending');
    const j = judge(a, { maxErrors: 0 }, { waitExpired: true, waitMs: 180_000 });
    expect(j.state).toBe('missing');
    expect(j.message).toMatch(/has no datapoint at all/);
  }, 60_000);

  it('stops at an AccessDenied and reports it once', async () => {
    const { lb, tg } = alb();
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }] });
    cw.faults.denyAccess(['AKIDZDGATE']);
    const { poller: p, busy } = poller(plan, budget(), () => timers.now());
    const errors: string[] = [];
    const done = p.run(
      new AbortController().signal,
      () => undefined,
      (e) => errors.push(e.message),
    );
    await advance(60_000, busy);
    await done;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/allow `cloudwatch:GetMetricData`/);
    expect(cw.counters.count()).toBe(1);
  }, 60_000);
});

describe('attachedTargetGroups', () => {
  it('lists every target group of each load balancer, so a shared one is named', async () => {
    const { lb, tg, other } = alb();
    const client = new ElasticLoadBalancingV2Client({
      region: 'eu-west-1',
      endpoint: elb.endpoint,
      credentials: { accessKeyId: 'AKIDZDGATE', secretAccessKey: 'not-checked' },
    });
    const attached = await attachedTargetGroups(client, [lb]);
    expect(
      attached
        .get(lb)!
        .map((g) => g.arn)
        .sort(),
    ).toEqual([tg, other].sort());
    const plan = planMetrics({ targetGroups: [{ arn: tg, name: 'web', loadBalancerArns: [lb] }], attached });
    const a = assess(new MetricsStore(plan), [tg], { startMs: T0, endMs: T0 + 1 }, T0 + 1);
    expect(a.loadBalancers[0]!.sharedWith).toEqual([elb.store.targetGroup(other)!.config.name]);
  });
});
