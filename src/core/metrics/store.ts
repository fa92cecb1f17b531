/**
 * The datapoints read so far, per series and minute, and what they say about publication: which
 * minutes each load balancer has published, and how late they arrived.
 *
 * Each GetMetricData read covers a range of whole minutes and returns, per series, the minutes
 * that have a datapoint. Within the range a read is the latest truth: CloudWatch adds the reports of
 * individual load balancer nodes to a minute as they arrive ("The Sum statistic is the aggregate
 * value across all load balancer nodes"), so a minute's Sum can grow between reads, and the newer
 * value replaces the older. A minute without a datapoint in a range that later minutes of the same
 * load balancer have reached had nothing to count: ELB "reports metrics to CloudWatch only when
 * requests are flowing through the load balancer ... If there are no requests flowing through the
 * load balancer or no data for a metric, the metric is not reported" (Elastic Load Balancing User
 * Guide, CloudWatch metrics). Pure.
 */
import type { MetricsPlan } from './plan.js';

export const MINUTE_MS = 60_000;

/** The start (epoch ms) of the minute `ms` falls in. */
export function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** One GetMetricData read, as the adapter hands it over. */
export interface MetricsRead {
  /** When the call was sent (the gate's clock). */
  readonly requestedAt: number;
  /** The range read, whole minutes: StartTime inclusive, EndTime exclusive (epoch ms). */
  readonly fromMs: number;
  readonly toMs: number;
  /** Per query id, its datapoints as [minute start (epoch ms), Sum]. A query with no datapoint may be absent. */
  readonly series: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

/** What the gate reads from the store: the plan and every datapoint, by query id and minute. */
export interface MetricsView {
  readonly plan: MetricsPlan;
  /** The value of a series at a minute; undefined when CloudWatch has no datapoint for it. */
  value(queryId: string, minute: number): number | undefined;
  /** The latest minute with any datapoint of this load balancer's series; undefined when none yet. */
  publishedThrough(loadBalancer: string): number | undefined;
  /** When a minute of this load balancer was first seen with a datapoint (the gate's clock). */
  firstSeenAt(loadBalancer: string, minute: number): number | undefined;
  /** Reads applied so far, and the last one's time. */
  readonly reads: number;
  readonly lastReadAt: number | undefined;
}

export class MetricsStore implements MetricsView {
  private readonly values = new Map<string, Map<number, number>>();
  private readonly through = new Map<string, number>();
  private readonly seen = new Map<string, Map<number, number>>();
  private readonly lbOf = new Map<string, string>();
  reads = 0;
  lastReadAt: number | undefined;

  constructor(readonly plan: MetricsPlan) {
    for (const qs of plan.queries.values()) for (const q of qs) this.lbOf.set(q.id, q.loadBalancer);
  }

  /** Takes in one read; datapoints of unknown ids or outside the read's range are ignored. */
  apply(read: MetricsRead): void {
    this.reads++;
    this.lastReadAt = read.requestedAt;
    for (const [id, points] of read.series) {
      const lb = this.lbOf.get(id);
      if (lb === undefined) continue;
      let byMinute = this.values.get(id);
      if (!byMinute) this.values.set(id, (byMinute = new Map<number, number>()));
      for (const [at, value] of points) {
        const minute = minuteOf(at);
        if (minute < read.fromMs || minute >= read.toMs || !Number.isFinite(value)) continue;
        byMinute.set(minute, value);
        this.through.set(lb, Math.max(this.through.get(lb) ?? minute, minute));
        let seen = this.seen.get(lb);
        if (!seen) this.seen.set(lb, (seen = new Map<number, number>()));
        if (!seen.has(minute)) seen.set(minute, read.requestedAt);
      }
    }
  }

  value(queryId: string, minute: number): number | undefined {
    return this.values.get(queryId)?.get(minute);
  }

  publishedThrough(loadBalancer: string): number | undefined {
    return this.through.get(loadBalancer);
  }

  firstSeenAt(loadBalancer: string, minute: number): number | undefined {
    return this.seen.get(loadBalancer)?.get(minute);
  }
}

/** AWS: GetMetricData returns "a total of as many as 100,800 data points" per call. */
export const MAX_DATAPOINTS = 100_800;

/**
 * The whole minutes one read covers: from the minute of `earliestMs` (the baseline's start) through
 * the current minute, shortened at the old end so that every series' minutes fit one call.
 */
export function readRange(now: number, earliestMs: number, queries: number): { fromMs: number; toMs: number } {
  const toMs = minuteOf(now) + MINUTE_MS;
  const maxMinutes = Math.max(1, Math.floor(MAX_DATAPOINTS / Math.max(1, queries)));
  return { fromMs: Math.max(minuteOf(Math.min(earliestMs, now)), toMs - maxMinutes * MINUTE_MS), toMs };
}
