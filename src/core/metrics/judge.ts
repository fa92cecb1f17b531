/**
 * The decision on the load balancer's own error counts for a rollout's window: over the limits,
 * within them, not decided yet, or not published in time. Pure.
 *
 * - `max-elb-errors` is the count of load-balancer errors tolerated in the window (default 0).
 * - `max-elb-error-rate`, when set, is a share of the window's requests: the window fails only when
 *   it has more errors than `max-elb-errors` *and* a larger share than the rate.
 * - Errors only grow as minutes are published, so without a rate the window fails as soon as the
 *   published minutes exceed the count, before the window is complete; a rate is judged on the
 *   complete window (a share can still fall).
 * - The window passes only when complete. When `metrics-wait` ends first, what was published is
 *   judged if it already exceeds the limits; otherwise the outcome is `missing`, never a pass.
 * - The baseline is shown beside the counts, never subtracted.
 */
import type { Counts, ElbAssessment, MinuteSpan } from './window.js';

export interface ElbLimits {
  /** `max-elb-errors`. */
  readonly maxErrors: number;
  /** `max-elb-error-rate` as a fraction (0.005); undefined when not set. */
  readonly maxErrorRate?: number;
}

export type ElbState = 'pending' | 'exceeded' | 'within' | 'missing';

export interface ElbJudgement {
  readonly state: ElbState;
  readonly message: string;
}

export interface JudgeOptions {
  /** `metrics-wait` has run out since the window ended. */
  readonly waitExpired: boolean;
  /** `metrics-wait`, for the message. */
  readonly waitMs: number;
}

function over(c: Counts, limits: ElbLimits): boolean {
  if (c.errors <= limits.maxErrors) return false;
  if (limits.maxErrorRate === undefined) return true;
  return c.requests === 0 || c.errors > limits.maxErrorRate * c.requests;
}

/** `10:31` (UTC) */
export function hhmm(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** `10:31–10:32 UTC`, or `10:31 UTC` for one minute. */
export function describeSpan(span: MinuteSpan): string {
  return span.first === span.last ? `${hhmm(span.first)} UTC` : `${hhmm(span.first)}–${hhmm(span.last)} UTC`;
}

/** `1.35%`, `50%`, `0.001%`: three significant digits, so a small rate never reads 0%. */
const pct = (x: number): string => `${Number((x * 100).toPrecision(3)).toString()}%`;

/** `502: 119, 504: 12` */
export function describeCodes(c: Counts): string {
  const order = ['502', '503', '504', 'other-5xx', 'elb-reset', 'target-reset'];
  return Object.entries(c.byCode)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}

/** `189 load-balancer errors in 1450 requests (502: 119, 504: 12)` */
export function describeCounts(c: Counts): string {
  const codes = describeCodes(c);
  return `${c.errors} load-balancer error${c.errors === 1 ? '' : 's'} in ${c.requests} request${c.requests === 1 ? '' : 's'}${codes ? ` (${codes})` : ''}`;
}

function context(a: ElbAssessment): string {
  const parts: string[] = [];
  const { first, last } = a.coveredSeconds;
  const whole = a.span.first === a.span.last ? 'one minute' : 'whole minutes';
  parts.push(
    `window ${describeSpan(a.span)} (CloudWatch counts ${whole}; the rollout covered ${first}s of the first${a.span.first === a.span.last ? '' : ` and ${last}s of the last`})`,
  );
  parts.push(
    a.baselinePublished === 0
      ? `baseline ${describeSpan(a.baselineSpan)}: no datapoint`
      : `baseline ${describeSpan(a.baselineSpan)}: ${describeCounts(a.baseline)}`,
  );
  for (const lb of a.loadBalancers) {
    if (lb.sharedWith === undefined || lb.sharedWith.length === 0) continue;
    const names = lb.sharedWith.slice(0, 3).join(', ') + (lb.sharedWith.length > 3 ? ', ...' : '');
    parts.push(
      `load balancer ${lb.name} also serves ${lb.sharedWith.length} other target group${lb.sharedWith.length === 1 ? '' : 's'} (${names}): its own errors are published per load balancer, so some may come from them`,
    );
  }
  return parts.join('; ');
}

function limitsText(limits: ElbLimits): string {
  return limits.maxErrorRate === undefined
    ? `max-elb-errors ${limits.maxErrors}`
    : `max-elb-errors ${limits.maxErrors} and max-elb-error-rate ${pct(limits.maxErrorRate)}`;
}

/** The decision for the window as assessed now. */
export function judge(a: ElbAssessment, limits: ElbLimits, opts: JudgeOptions): ElbJudgement {
  const c = a.counts;
  const exceeded = over(c, limits);
  const share = c.requests > 0 ? ` (${pct(c.errors / c.requests)})` : '';
  if (exceeded && (limits.maxErrorRate === undefined || a.complete || opts.waitExpired)) {
    const partial = a.complete ? '' : ` in the minutes published so far (waiting for ${a.pending.join(', ')})`;
    return {
      state: 'exceeded',
      message: `the load balancer reported ${describeCounts(c)}${share} during the rollout${partial}, more than ${limitsText(limits)}; ${context(a)}`,
    };
  }
  if (a.complete) {
    return {
      state: 'within',
      message: `the load balancer reported ${describeCounts(c)}${share} during the rollout, within ${limitsText(limits)}; ${context(a)}`,
    };
  }
  if (opts.waitExpired) {
    const lbs = a.loadBalancers.filter((lb) => a.pending.includes(lb.name));
    const what = lbs
      .map(
        (lb) =>
          `${lb.name} (${lb.dimension}) ${lb.publishedThrough === undefined ? 'has no datapoint at all' : `is published through ${hhmm(lb.publishedThrough)} UTC`}`,
      )
      .join('; ');
    return {
      state: 'missing',
      message: `CloudWatch did not publish the load balancer metrics of the rollout's last minute (${hhmm(a.span.last)} UTC) within metrics-wait ${Math.round(opts.waitMs / 1000)}s: ${what || 'no load balancer to read'}. Either no request reached the load balancer since, or its metrics do not arrive (region, dimensions); the gate does not pass on counts it has not seen. So far: ${describeCounts(c)}`,
    };
  }
  return {
    state: 'pending',
    message: `waiting for CloudWatch to publish ${describeSpan(a.span)} (${a.pending.join(', ')})`,
  };
}
