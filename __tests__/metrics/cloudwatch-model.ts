/**
 * CloudWatch as the gate meets it, in simulated time, for the pure core's tests: true per-minute
 * counts per load balancer (and target group) and role, published a delay after each minute ends,
 * optionally with part of a minute's count arriving later (a load balancer node's late report).
 * `read(from, to, at)` answers what GetMetricData would return at `at`: per query, the minutes
 * published by then, without datapoints for zero counts (ELB reports only non-zero error counts).
 */
import type { MetricRole } from '../../src/core/metrics/dimensions.js';
import type { MetricsPlan } from '../../src/core/metrics/plan.js';
import { MINUTE_MS, type MetricsRead } from '../../src/core/metrics/store.js';

interface Count {
  lb: string;
  tg?: string;
  role: MetricRole;
  minute: number;
  value: number;
  /** Part of the value published lateMs after the rest. */
  late?: { value: number; lateMs: number };
}

export class CloudWatchModel {
  private readonly counts: Count[] = [];

  constructor(
    private readonly plan: MetricsPlan,
    /** Delay between a minute's end and its first datapoint. */
    public delayMs = 90_000,
  ) {}

  /** Adds `value` to a series' minute (`minute` is any time inside it). */
  count(lb: string, role: MetricRole, minute: number, value: number, tg?: string, late?: Count['late']): this {
    this.counts.push({
      lb,
      role,
      minute: Math.floor(minute / MINUTE_MS) * MINUTE_MS,
      value,
      ...(tg ? { tg } : {}),
      ...(late ? { late } : {}),
    });
    return this;
  }

  /** Requests with a steady rate per minute over [fromMinute, toMinute], on a load balancer and its group. */
  traffic(lb: string, tg: string, from: number, to: number, perMinute: number): this {
    for (let m = from; m <= to; m += MINUTE_MS) {
      this.count(lb, 'requests', m, perMinute);
      this.count(lb, 'tg-requests', m, perMinute, tg);
    }
    return this;
  }

  read(fromMs: number, toMs: number, at: number): MetricsRead {
    const series = new Map<string, Array<[number, number]>>();
    for (const q of [...this.plan.queries.values()].flat()) {
      const byMinute = new Map<number, number>();
      for (const c of this.counts) {
        if (c.lb !== q.loadBalancer || c.role !== q.spec.role || (c.tg ?? undefined) !== q.targetGroup) continue;
        if (c.minute < fromMs || c.minute >= toMs) continue;
        const publishedAt = c.minute + MINUTE_MS + this.delayMs;
        if (at < publishedAt) continue;
        let v = c.value - (c.late?.value ?? 0);
        if (c.late && at >= publishedAt + c.late.lateMs) v += c.late.value;
        byMinute.set(c.minute, (byMinute.get(c.minute) ?? 0) + v);
      }
      const points = [...byMinute.entries()].filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]);
      if (points.length > 0) series.set(q.id, points);
    }
    return { requestedAt: at, fromMs, toMs, series };
  }
}
