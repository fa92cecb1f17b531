/**
 * The metrics core in simulated time: dimensions from ARNs, the query plan, window and baseline
 * arithmetic in whole minutes, attribution per load balancer and target group, late and missing
 * datapoints, and the decision on the limits.
 */
import { describe, expect, it } from 'vitest';
import { arnRegion, loadBalancerRef, targetGroupDimension } from '../../src/core/metrics/dimensions.js';
import { describeSpan, judge } from '../../src/core/metrics/judge.js';
import { MAX_QUERIES, planMetrics, type WatchedTargetGroup } from '../../src/core/metrics/plan.js';
import { MetricsStore, MINUTE_MS } from '../../src/core/metrics/store.js';
import { assess, baselineSpan, windowSpan } from '../../src/core/metrics/window.js';
import { CloudWatchModel } from './cloudwatch-model.js';

const ACCOUNT = '111111111111';
const lbArn = (type: 'app' | 'net' | 'gwy', name: string, id = '50dc6c495c0c9188', region = 'eu-west-1'): string =>
  `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:loadbalancer/${type}/${name}/${id}`;
const tgArn = (name: string, id = '73e2d6bc24d8a067', region = 'eu-west-1'): string =>
  `arn:aws:elasticloadbalancing:${region}:${ACCOUNT}:targetgroup/${name}/${id}`;

/** 10:30:00 UTC */
const T0 = Date.UTC(2026, 0, 15, 10, 30, 0);
const S = 1_000;
const M = MINUTE_MS;

const ALB = lbArn('app', 'k8s-demo-ingressn-1f2e3d4c5b');
const NLB = lbArn('net', 'k8s-demo-web-9a8b7c6d5e', '0123456789abcdef');
const WEB = tgArn('k8s-demo-web-1a2b3c4d5e');
const API = tgArn('k8s-demo-api-5e4d3c2b1a', '0fedcba987654321');
const OTHER = tgArn('k8s-other-shop-0a0b0c0d0e', '1111222233334444');

const group = (arn: string, lbs: string[]): WatchedTargetGroup => ({
  arn,
  name: targetGroupDimension(arn)!.name,
  loadBalancerArns: lbs,
});

describe('dimensions', () => {
  it('take the final portion of the ARN, as CloudWatch publishes them', () => {
    expect(loadBalancerRef(ALB)).toEqual({
      arn: ALB,
      dimension: 'app/k8s-demo-ingressn-1f2e3d4c5b/50dc6c495c0c9188',
      name: 'k8s-demo-ingressn-1f2e3d4c5b',
      kind: 'application',
      region: 'eu-west-1',
    });
    expect(loadBalancerRef(NLB)?.dimension).toBe('net/k8s-demo-web-9a8b7c6d5e/0123456789abcdef');
    expect(loadBalancerRef(NLB)?.kind).toBe('network');
    expect(loadBalancerRef(lbArn('gwy', 'inspect'))?.kind).toBe('gateway');
    expect(targetGroupDimension(WEB)?.dimension).toBe('targetgroup/k8s-demo-web-1a2b3c4d5e/73e2d6bc24d8a067');
    expect(arnRegion(lbArn('app', 'x', '50dc6c495c0c9188', 'us-gov-west-1'))).toBe('us-gov-west-1');
    expect(
      loadBalancerRef(`arn:aws-cn:elasticloadbalancing:cn-north-1:${ACCOUNT}:loadbalancer/app/a/50dc6c495c0c9188`)
        ?.region,
    ).toBe('cn-north-1');
  });

  it('refuse what is not an ELBv2 ARN', () => {
    expect(loadBalancerRef(WEB)).toBeUndefined();
    expect(loadBalancerRef('app/x/50dc6c495c0c9188')).toBeUndefined();
    expect(targetGroupDimension(ALB)).toBeUndefined();
    expect(targetGroupDimension(`${WEB}/extra`)).toBeUndefined();
  });
});

describe('plan', () => {
  it('reads the load balancer series once per load balancer and the group series per group and load balancer', () => {
    const plan = planMetrics({ targetGroups: [group(WEB, [ALB]), group(API, [ALB, NLB])] });
    const all = [...plan.queries.values()].flat();
    expect(plan.queries.size).toBe(1);
    // ALB: 5 load-balancer series + 2 per watched group (2 groups); NLB: 3 load-balancer series.
    expect(all).toHaveLength(5 + 2 * 2 + 3);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    for (const q of all) expect(q.id).toMatch(/^[a-z][A-Za-z0-9_]*$/);
    const lbLevel = all.filter((q) => q.spec.role === 'elb-502');
    expect(lbLevel).toHaveLength(1);
    expect(lbLevel[0]!.dimensions).toEqual([
      { Name: 'LoadBalancer', Value: 'app/k8s-demo-ingressn-1f2e3d4c5b/50dc6c495c0c9188' },
    ]);
    const perGroup = all.filter((q) => q.spec.role === 'tg-requests' && q.targetGroup === API);
    expect(perGroup).toHaveLength(1);
    expect(perGroup[0]!.dimensions).toEqual([
      { Name: 'TargetGroup', Value: 'targetgroup/k8s-demo-api-5e4d3c2b1a/0fedcba987654321' },
      { Name: 'LoadBalancer', Value: 'app/k8s-demo-ingressn-1f2e3d4c5b/50dc6c495c0c9188' },
    ]);
    expect(all.filter((q) => q.loadBalancer === NLB).map((q) => q.spec.metric)).toEqual([
      'NewFlowCount',
      'TCP_ELB_Reset_Count',
      'TCP_Target_Reset_Count',
    ]);
    expect(plan.unusable).toBeUndefined();
  });

  it('splits the queries by region, one call each', () => {
    const east = lbArn('app', 'east', '50dc6c495c0c9188', 'us-east-1');
    const plan = planMetrics({
      targetGroups: [group(WEB, [ALB]), group(tgArn('east-web', '73e2d6bc24d8a067', 'us-east-1'), [east])],
    });
    expect([...plan.queries.keys()].sort()).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('says what it cannot read, and when nothing is left', () => {
    const plan = planMetrics({ targetGroups: [group(WEB, []), group(API, [lbArn('gwy', 'inspect')])] });
    expect(plan.notes).toEqual([
      expect.stringContaining('k8s-demo-web-1a2b3c4d5e is attached to no load balancer'),
      expect.stringContaining('Gateway Load Balancer'),
    ]);
    expect(plan.unusable).toMatch(/no Application or Network Load Balancer/);
  });

  it('refuses more series than one GetMetricData call takes', () => {
    const groups = Array.from({ length: 250 }, (_, i) =>
      group(tgArn(`g${i}`, i.toString(16).padStart(16, '0')), [ALB]),
    );
    const plan = planMetrics({ targetGroups: groups });
    expect([...plan.queries.values()][0]!.length).toBeGreaterThan(MAX_QUERIES);
    expect(plan.unusable).toMatch(/exceed GetMetricData's 500 per call/);
  });
});

describe('window and baseline', () => {
  it('widen to the whole minutes the rollout touched, the end exclusive', () => {
    // 10:30:35 → 10:31:20: minutes 10:30 and 10:31.
    const span = windowSpan({ startMs: T0 + 35 * S, endMs: T0 + M + 20 * S }, 0);
    expect(span).toEqual({ first: T0, last: T0 + M });
    expect(describeSpan(span)).toBe('10:30–10:31 UTC');
    // Ending exactly at 10:32:00 ends in minute 10:31.
    expect(windowSpan({ startMs: T0 + 10 * S, endMs: T0 + 2 * M }, 0)).toEqual({ first: T0, last: T0 + M });
    // A window inside one minute, and an empty one, are one minute.
    expect(windowSpan({ startMs: T0 + 10 * S, endMs: T0 + 50 * S }, 0)).toEqual({ first: T0, last: T0 });
    expect(windowSpan({ startMs: T0 + 10 * S, endMs: T0 + 10 * S }, 0)).toEqual({ first: T0, last: T0 });
    // Open: until now.
    expect(windowSpan({ startMs: T0 + 10 * S }, T0 + 3 * M + 1)).toEqual({ first: T0, last: T0 + 3 * M });
  });

  it('has a baseline of as many whole minutes right before', () => {
    expect(baselineSpan({ first: T0, last: T0 + M })).toEqual({ first: T0 - 2 * M, last: T0 - M });
    expect(baselineSpan({ first: T0, last: T0 })).toEqual({ first: T0 - M, last: T0 - M });
  });
});

describe('assess: counts, attribution, publication', () => {
  const plan = planMetrics({
    targetGroups: [group(WEB, [ALB]), group(API, [ALB])],
    attached: new Map([
      [
        ALB,
        [
          { arn: WEB, name: 'k8s-demo-web-1a2b3c4d5e' },
          { arn: API, name: 'k8s-demo-api-5e4d3c2b1a' },
          { arn: OTHER, name: 'k8s-other-shop-0a0b0c0d0e' },
        ],
      ],
    ]),
  });
  // The web rollout: 10:30:40 → 10:31:15. Traffic 10:28–10:33 at 6,000 per minute on web, 600 on api.
  const win = { startMs: T0 + 40 * S, endMs: T0 + M + 15 * S };
  const model = (): CloudWatchModel =>
    new CloudWatchModel(plan, 90_000)
      .traffic(ALB, WEB, T0 - 2 * M, T0 + 3 * M, 6_000)
      .traffic(ALB, API, T0 - 2 * M, T0 + 3 * M, 600)
      .count(ALB, 'elb-502', T0, 119)
      .count(ALB, 'elb-504', T0, 12)
      .count(ALB, 'elb-503', T0 + M, 58)
      .count(ALB, 'elb-5xx', T0, 131 + 3) // 3 other 5xx the load balancer answered (a 500, say)
      .count(ALB, 'elb-5xx', T0 + M, 58)
      .count(ALB, 'elb-502', T0 - M, 2) // the baseline's own
      .count(ALB, 'elb-5xx', T0 - M, 2)
      .count(ALB, 'tg-target-5xx', T0 + M, 7, WEB);

  it('sums the window minutes once published, with the baseline beside', () => {
    const cw = model();
    const store = new MetricsStore(plan);
    // At 10:33:40 both window minutes are published (10:31 ends 10:32:00, + 90 s).
    const at = T0 + 3 * M + 40 * S;
    store.apply(cw.read(T0 - 2 * M, T0 + 4 * M, at));
    const a = assess(store, [WEB], win, at);
    expect(a.complete).toBe(true);
    expect(a.counts).toEqual({
      requests: 2 * 6_600,
      errors: 134 + 58,
      byCode: { '502': 119, '503': 58, '504': 12, 'other-5xx': 3 },
    });
    expect(a.baseline).toEqual({ requests: 2 * 6_600, errors: 2, byCode: { '502': 2 } });
    expect(a.baselinePublished).toBe(2);
    expect(a.coveredSeconds).toEqual({ first: 20, last: 15 });
    const [lb] = a.loadBalancers;
    expect(lb!.targetGroups).toEqual([{ arn: WEB, name: 'k8s-demo-web-1a2b3c4d5e', requests: 12_000, target5xx: 7 }]);
    // The ALB also serves api and a group of another app: shared, named.
    expect(lb!.sharedWith).toEqual(['k8s-demo-api-5e4d3c2b1a', 'k8s-other-shop-0a0b0c0d0e']);
    expect(a.perMinute.map((m) => [m.minute - T0, m.requests, m.errors])).toEqual([
      [-2 * M, 6_600, 0],
      [-M, 6_600, 2],
      [0, 6_600, 134],
      [M, 6_600, 58],
    ]);
    // Both minutes first seen at this one read: the longest delay is the first minute's.
    expect(lb!.publicationDelayMs).toBe(at - (T0 + M));
  });

  it('counts only published minutes, and names the load balancers still pending', () => {
    const cw = model();
    const store = new MetricsStore(plan);
    // 10:32:00: minute 10:30 ends 10:31:00 and is published 90 s later, at 10:32:30. Only the baseline is in.
    store.apply(cw.read(T0 - 2 * M, T0 + 3 * M, T0 + 2 * M));
    let a = assess(store, [WEB], win, T0 + 2 * M);
    expect(a.complete).toBe(false);
    expect(a.pending).toEqual(['k8s-demo-ingressn-1f2e3d4c5b']);
    expect(a.counts).toEqual({ requests: 0, errors: 0, byCode: {} });
    expect(store.publishedThrough(ALB)).toBe(T0 - M);
    // 10:32:31: 10:30 is in, 10:31 not yet.
    store.apply(cw.read(T0 - 2 * M, T0 + 3 * M, T0 + 2 * M + 31 * S));
    a = assess(store, [WEB], win, T0 + 2 * M + 31 * S);
    expect(a.complete).toBe(false);
    expect(a.counts).toEqual({ requests: 6_600, errors: 134, byCode: { '502': 119, '504': 12, 'other-5xx': 3 } });
    expect(a.perMinute.at(-1)).toMatchObject({ minute: T0 + M, published: false, requests: 0 });
  });

  it('takes a minute that grows later (a node reporting late) at its newest value', () => {
    const cw = new CloudWatchModel(plan, 60_000)
      .traffic(ALB, WEB, T0 - M, T0 + 2 * M, 6_000)
      .count(ALB, 'elb-502', T0, 40, undefined, { value: 30, lateMs: 45_000 })
      .count(ALB, 'elb-5xx', T0, 40, undefined, { value: 30, lateMs: 45_000 });
    const store = new MetricsStore(plan);
    const read = (at: number): void => store.apply(cw.read(T0 - M, T0 + 2 * M, at));
    read(T0 + 2 * M + 5 * S);
    expect(assess(store, [WEB], { startMs: T0 + 5 * S, endMs: T0 + 50 * S }, T0 + 2 * M).counts.errors).toBe(10);
    read(T0 + 2 * M + 50 * S);
    expect(assess(store, [WEB], { startMs: T0 + 5 * S, endMs: T0 + 50 * S }, T0 + 3 * M).counts.errors).toBe(40);
  });

  it('reads a published minute without a datapoint as nothing counted, and ignores points outside the read', () => {
    const store = new MetricsStore(plan);
    const requests = [...plan.queries.values()].flat().find((q) => q.spec.role === 'requests')!;
    const e502 = [...plan.queries.values()].flat().find((q) => q.spec.role === 'elb-502')!;
    store.apply({
      requestedAt: T0 + 5 * M,
      fromMs: T0,
      toMs: T0 + 3 * M,
      series: new Map([
        // 10:31 has no request datapoint (no traffic), 10:32 has: 10:31 is published and counted 0.
        [
          requests.id,
          [
            [T0, 100],
            [T0 + 2 * M, 100],
            [T0 + 9 * M, 5],
          ],
        ],
        [
          e502.id,
          [
            [T0 - M, 999],
            [T0, 3],
          ],
        ],
      ]),
    });
    expect(store.publishedThrough(ALB)).toBe(T0 + 2 * M);
    const a = assess(store, [WEB], { startMs: T0, endMs: T0 + 2 * M }, T0 + 5 * M);
    expect(a.complete).toBe(true);
    expect(a.perMinute.filter((m) => m.minute >= T0).map((m) => [m.requests, m.errors, m.published])).toEqual([
      [100, 3, true],
      [0, 0, true],
    ]);
  });

  it('attributes per Deployment: two Deployments behind one ALB share its load-balancer counts, not their groups', () => {
    const cw = model();
    const store = new MetricsStore(plan);
    store.apply(cw.read(T0 - 2 * M, T0 + 4 * M, T0 + 4 * M));
    const web = assess(store, [WEB], win, T0 + 4 * M);
    const api = assess(store, [API], win, T0 + 4 * M);
    expect(api.counts.errors).toBe(web.counts.errors);
    expect(api.loadBalancers[0]!.targetGroups).toEqual([
      { arn: API, name: 'k8s-demo-api-5e4d3c2b1a', requests: 1_200, target5xx: 0 },
    ]);
    expect(api.loadBalancers[0]!.sharedWith).toEqual(['k8s-demo-web-1a2b3c4d5e', 'k8s-other-shop-0a0b0c0d0e']);
    // Both groups of one Deployment: the ALB is still shared with the other app's group.
    expect(assess(store, [WEB, API], win, T0 + 4 * M).loadBalancers[0]!.sharedWith).toEqual([
      'k8s-other-shop-0a0b0c0d0e',
    ]);
  });

  it('counts NLB resets, from the load balancer and from targets, against new flows', () => {
    const nplan = planMetrics({ targetGroups: [group(WEB, [NLB])] });
    const cw = new CloudWatchModel(nplan, 60_000)
      .count(NLB, 'requests', T0, 3_000)
      .count(NLB, 'elb-reset', T0, 4)
      .count(NLB, 'target-reset', T0, 9);
    const store = new MetricsStore(nplan);
    store.apply(cw.read(T0 - M, T0 + M, T0 + 3 * M));
    const a = assess(store, [WEB], { startMs: T0 + S, endMs: T0 + 30 * S }, T0 + 3 * M);
    expect(a.counts).toEqual({ requests: 3_000, errors: 13, byCode: { 'elb-reset': 4, 'target-reset': 9 } });
    expect(a.loadBalancers[0]!.targetGroups[0]!.requests).toBe(0);
  });
});

describe('judge', () => {
  const plan = planMetrics({ targetGroups: [group(WEB, [ALB])] });
  const win = { startMs: T0 + 40 * S, endMs: T0 + M + 15 * S };
  const wait = { waitMs: 180_000 };
  const at = (cw: CloudWatchModel, t: number, w: { startMs: number; endMs?: number } = win) => {
    const store = new MetricsStore(plan);
    store.apply(cw.read(T0 - 2 * M, T0 + 4 * M, t));
    return assess(store, [WEB], w, t);
  };
  const traffic = (): CloudWatchModel =>
    new CloudWatchModel(plan, 90_000).traffic(ALB, WEB, T0 - 2 * M, T0 + 3 * M, 6_000);

  it('fails as soon as the published minutes exceed the count, before the window is complete', () => {
    const cw = traffic().count(ALB, 'elb-502', T0, 5).count(ALB, 'elb-5xx', T0, 5);
    // 10:32:31: the rollout still runs (open window), minute 10:30 is published.
    const a = at(cw, T0 + 2 * M + 31 * S, { startMs: win.startMs });
    const j = judge(a, { maxErrors: 0 }, { ...wait, waitExpired: false });
    expect(j.state).toBe('exceeded');
    expect(j.message).toContain('5 load-balancer errors in 6000 requests (502: 5)');
    expect(j.message).toContain('in the minutes published so far');
    expect(j.message).toContain('more than max-elb-errors 0');
    expect(judge(a, { maxErrors: 5 }, { ...wait, waitExpired: false }).state).toBe('pending');
  });

  it('with a rate, waits for the whole window: the share can still fall', () => {
    const cw = traffic().count(ALB, 'elb-502', T0, 50).count(ALB, 'elb-5xx', T0, 50);
    const limits = { maxErrors: 0, maxErrorRate: 0.005 };
    // Only minute 10:30 published: 50 / 6000 = 0.83 % > 0.5 %, but not complete.
    expect(judge(at(cw, T0 + 2 * M + 31 * S), limits, { ...wait, waitExpired: false }).state).toBe('pending');
    // Complete: 50 / 12000 = 0.42 %: within.
    const done = judge(at(cw, T0 + 3 * M + 31 * S), limits, { ...wait, waitExpired: false });
    expect(done.state).toBe('within');
    expect(done.message).toContain('50 load-balancer errors in 12000 requests (502: 50) (0.417%)');
    expect(done.message).toContain('within max-elb-errors 0 and max-elb-error-rate 0.5%');
    // The count is a floor the rate never goes below.
    const more = traffic().count(ALB, 'elb-502', T0, 3).count(ALB, 'elb-5xx', T0, 3);
    expect(judge(at(more, T0 + 4 * M), { maxErrors: 5, maxErrorRate: 0 }, { ...wait, waitExpired: false }).state).toBe(
      'within',
    );
  });

  it('passes a clean complete window, naming window, coverage and baseline', () => {
    const j = judge(at(traffic(), T0 + 4 * M), { maxErrors: 0 }, { ...wait, waitExpired: false });
    expect(j.state).toBe('within');
    expect(j.message).toBe(
      'the load balancer reported 0 load-balancer errors in 12000 requests (0%) during the rollout, within max-elb-errors 0; window 10:30–10:31 UTC (CloudWatch counts whole minutes; the rollout covered 20s of the first and 15s of the last); baseline 10:28–10:29 UTC: 0 load-balancer errors in 12000 requests',
    );
  });

  it('never passes on minutes that did not arrive within metrics-wait', () => {
    // Traffic stops at 10:30: minute 10:31 never gets a datapoint.
    const cw = new CloudWatchModel(plan, 90_000).traffic(ALB, WEB, T0 - 2 * M, T0, 6_000);
    const a = at(cw, T0 + 5 * M);
    expect(a.complete).toBe(false);
    expect(judge(a, { maxErrors: 0 }, { ...wait, waitExpired: false }).state).toBe('pending');
    const j = judge(a, { maxErrors: 0 }, { ...wait, waitExpired: true });
    expect(j.state).toBe('missing');
    expect(j.message).toContain(
      "did not publish the load balancer metrics of the rollout's last minute (10:31 UTC) within metrics-wait 180s",
    );
    expect(j.message).toContain(
      'k8s-demo-ingressn-1f2e3d4c5b (app/k8s-demo-ingressn-1f2e3d4c5b/50dc6c495c0c9188) is published through 10:30 UTC',
    );
    // Nothing at all (wrong region, say).
    const none = at(new CloudWatchModel(plan), T0 + 5 * M);
    expect(judge(none, { maxErrors: 0 }, { ...wait, waitExpired: true }).message).toContain('has no datapoint at all');
  });

  it('at metrics-wait, judges the published minutes when they already exceed the limits', () => {
    const cw = new CloudWatchModel(plan, 90_000)
      .traffic(ALB, WEB, T0 - 2 * M, T0, 6_000)
      .count(ALB, 'elb-504', T0, 80)
      .count(ALB, 'elb-5xx', T0, 80);
    const j = judge(at(cw, T0 + 5 * M), { maxErrors: 0, maxErrorRate: 0.01 }, { ...wait, waitExpired: true });
    expect(j.state).toBe('exceeded');
    expect(j.message).toContain('80 load-balancer errors in 6000 requests (504: 80) (1.33%)');
  });
});
