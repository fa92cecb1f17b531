/**
 * The rollout's window in whole minutes, the baseline before it, and the counts of one
 * Deployment's load balancers in both, attributed per load balancer and target group.
 *
 * - The window runs from the rollout's start (the gate's first observation of the new revision)
 *   to the end of the watch (the soak's end, or the verdict). CloudWatch counts per minute, so it is
 *   widened to the whole minutes it touches: the first minute may hold requests from before the
 *   rollout and the last from after it; the report says how much of each the rollout covered.
 * - The baseline is the same number of whole minutes right before the window.
 * - The load balancer's own codes (502/503/504, resets) are published per load balancer only:
 *   a load balancer that also serves target groups outside the Deployment (an IngressGroup, a
 *   shared ALB) is reported as shared, and its errors are counted for the Deployment all the same
 *   (the gate never passes on errors it cannot place), with the baseline beside them.
 * - A minute counts once its load balancer has published it (a datapoint at that minute or later);
 *   a series without a datapoint in a published minute counted nothing. Pure.
 */
import { ERROR_ROLES, type LoadBalancerKind, type MetricRole } from './dimensions.js';
import type { MetricQuery } from './plan.js';
import { MINUTE_MS, minuteOf, type MetricsView } from './store.js';

export interface RolloutWindow {
  /** The gate's first observation of the new revision (epoch ms). */
  readonly startMs: number;
  /** The end of the watch; undefined while the gate still watches. */
  readonly endMs?: number;
}

/** Inclusive range of minute starts (epoch ms). */
export interface MinuteSpan {
  readonly first: number;
  readonly last: number;
}

/** The whole minutes a window touches (the end is exclusive: a window ending at 10:32:00 ends in minute 10:31). */
export function windowSpan(window: RolloutWindow, now: number): MinuteSpan {
  const end = window.endMs ?? now;
  const first = minuteOf(window.startMs);
  return { first, last: Math.max(first, minuteOf(Math.max(window.startMs, end - 1))) };
}

/** The same number of whole minutes right before the window. */
export function baselineSpan(span: MinuteSpan): MinuteSpan {
  const n = minutes(span);
  return { first: span.first - n * MINUTE_MS, last: span.first - MINUTE_MS };
}

export function minutes(span: MinuteSpan): number {
  return (span.last - span.first) / MINUTE_MS + 1;
}

export interface Counts {
  /** ALB RequestCount, NLB NewFlowCount. */
  readonly requests: number;
  /** Load-balancer errors: the ALB's own 5xx, the NLB's resets. */
  readonly errors: number;
  /** Errors by code: `502`, `503`, `504`, `other-5xx`; `elb-reset`, `target-reset`. Zero codes are absent. */
  readonly byCode: Readonly<Record<string, number>>;
}

export interface MinuteCounts extends Counts {
  readonly minute: number;
  /** Every load balancer in scope has published this minute. */
  readonly published: boolean;
}

export interface TargetGroupCounts {
  readonly arn: string;
  readonly name: string;
  /** Requests routed to the group in the window (ALB only). */
  readonly requests: number;
  /** 5xx its targets answered themselves (the application's own; not load-balancer errors). */
  readonly target5xx: number;
}

export interface LoadBalancerCounts {
  readonly arn: string;
  readonly name: string;
  readonly dimension: string;
  readonly kind: LoadBalancerKind;
  /** Target groups attached to it beyond the Deployment's; undefined when not known. */
  readonly sharedWith: readonly string[] | undefined;
  readonly publishedThrough: number | undefined;
  /** The longest observed delay between a window minute's end and its first datapoint (ms). */
  readonly publicationDelayMs: number | undefined;
  readonly window: Counts;
  readonly baseline: Counts;
  readonly targetGroups: readonly TargetGroupCounts[];
}

export interface ElbAssessment {
  readonly window: RolloutWindow;
  readonly span: MinuteSpan;
  readonly baselineSpan: MinuteSpan;
  /** Seconds of the first and last window minute the rollout covered. */
  readonly coveredSeconds: { readonly first: number; readonly last: number };
  /** The window is closed and every load balancer has published its last minute. */
  readonly complete: boolean;
  /** Window minutes not published yet, per load balancer name. */
  readonly pending: readonly string[];
  /** The window's counts, over the published minutes. */
  readonly counts: Counts;
  readonly baseline: Counts;
  /** Baseline minutes published by every load balancer (a baseline with none is no data). */
  readonly baselinePublished: number;
  /** From the baseline's first minute to the window's last. */
  readonly perMinute: readonly MinuteCounts[];
  readonly loadBalancers: readonly LoadBalancerCounts[];
}

const ZERO: Counts = { requests: 0, errors: 0, byCode: {} };

function add(a: Counts, b: Counts): Counts {
  const byCode: Record<string, number> = { ...a.byCode };
  for (const [k, v] of Object.entries(b.byCode)) byCode[k] = (byCode[k] ?? 0) + v;
  return { requests: a.requests + b.requests, errors: a.errors + b.errors, byCode };
}

/** One load balancer's counts in one published minute. */
function minuteCounts(view: MetricsView, qs: readonly MetricQuery[], kind: LoadBalancerKind, minute: number): Counts {
  const sum = (role: MetricRole): number =>
    qs.filter((q) => q.spec.role === role).reduce((n, q) => n + (view.value(q.id, minute) ?? 0), 0);
  const byCode: Record<string, number> = {};
  for (const [role, code] of Object.entries(ERROR_ROLES)) {
    const v = sum(role as MetricRole);
    if (v > 0) byCode[code] = v;
  }
  let errors: number;
  if (kind === 'application') {
    const named = (byCode['502'] ?? 0) + (byCode['503'] ?? 0) + (byCode['504'] ?? 0);
    const all = sum('elb-5xx');
    if (all > named) byCode['other-5xx'] = all - named;
    errors = Math.max(all, named);
  } else {
    errors = (byCode['elb-reset'] ?? 0) + (byCode['target-reset'] ?? 0);
  }
  return { requests: sum('requests'), errors, byCode };
}

/**
 * The counts of the load balancers in front of `targetGroups` (the Deployment's) for a window, at
 * `now`, from what has been read so far.
 */
export function assess(
  view: MetricsView,
  targetGroups: readonly string[],
  window: RolloutWindow,
  now: number,
): ElbAssessment {
  const scope = new Set(targetGroups);
  const span = windowSpan(window, now);
  const base = baselineSpan(span);
  const allQueries = [...view.plan.queries.values()].flat();
  const perMinute = new Map<number, { counts: Counts; published: boolean }>();
  for (let m = base.first; m <= span.last; m += MINUTE_MS) perMinute.set(m, { counts: ZERO, published: true });

  const loadBalancers: LoadBalancerCounts[] = [];
  const pending: string[] = [];
  for (const lb of view.plan.loadBalancers) {
    if (!lb.watched.some((w) => scope.has(w.arn))) continue;
    const qs = allQueries.filter((q) => q.loadBalancer === lb.ref.arn && (!q.targetGroup || scope.has(q.targetGroup)));
    const through = view.publishedThrough(lb.ref.arn);
    let windowCounts = ZERO;
    let baselineCounts = ZERO;
    let delay: number | undefined;
    for (let m = base.first; m <= span.last; m += MINUTE_MS) {
      const entry = perMinute.get(m) as { counts: Counts; published: boolean };
      if (through === undefined || through < m) {
        entry.published = false;
        continue;
      }
      const c = minuteCounts(view, qs, lb.ref.kind, m);
      entry.counts = add(entry.counts, c);
      if (m >= span.first) {
        windowCounts = add(windowCounts, c);
        const seen = view.firstSeenAt(lb.ref.arn, m);
        if (seen !== undefined) delay = Math.max(delay ?? 0, seen - (m + MINUTE_MS));
      } else baselineCounts = add(baselineCounts, c);
    }
    if (through === undefined || through < span.last) pending.push(lb.ref.name);
    const sum = (id: string | undefined): number => {
      let n = 0;
      if (id === undefined || through === undefined) return 0;
      for (let m = span.first; m <= Math.min(span.last, through); m += MINUTE_MS) n += view.value(id, m) ?? 0;
      return n;
    };
    const tgQuery = (tg: string, role: MetricRole): string | undefined =>
      qs.find((q) => q.targetGroup === tg && q.spec.role === role)?.id;
    loadBalancers.push({
      arn: lb.ref.arn,
      name: lb.ref.name,
      dimension: lb.ref.dimension,
      kind: lb.ref.kind,
      sharedWith: lb.attached?.filter((t) => !scope.has(t.arn)).map((t) => t.name),
      publishedThrough: through,
      publicationDelayMs: delay,
      window: windowCounts,
      baseline: baselineCounts,
      targetGroups: lb.watched
        .filter((w) => scope.has(w.arn))
        .map((w) => ({
          arn: w.arn,
          name: w.name,
          requests: sum(tgQuery(w.arn, 'tg-requests')),
          target5xx: sum(tgQuery(w.arn, 'tg-target-5xx')),
        })),
    });
  }

  const minutesList = [...perMinute.entries()].map(([minute, e]) => ({
    minute,
    ...e.counts,
    published: e.published && loadBalancers.length > 0,
  }));
  const end = window.endMs ?? now;
  return {
    window,
    span,
    baselineSpan: base,
    coveredSeconds: {
      first: Math.round((Math.min(end, span.first + MINUTE_MS) - window.startMs) / 1000),
      last: Math.round((end - Math.max(window.startMs, span.last)) / 1000),
    },
    complete: window.endMs !== undefined && loadBalancers.length > 0 && pending.length === 0,
    pending,
    counts: loadBalancers.reduce((a, lb) => add(a, lb.window), ZERO),
    baseline: loadBalancers.reduce((a, lb) => add(a, lb.baseline), ZERO),
    baselinePublished: minutesList.filter((m) => m.minute < span.first && m.published).length,
    perMinute: minutesList,
    loadBalancers,
  };
}
