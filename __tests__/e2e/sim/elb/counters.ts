/**
 * Every ELB API call the simulator served (or refused), with its time, so a test can assert how
 * many calls a caller made per target group per minute and its peak rate.
 */

export interface CallRecord {
  /** ms on the simulator's clock. */
  at: number;
  action: string;
  identity: string;
  /** Target groups the call named (DescribeTargetHealth: one; DescribeTags / DescribeTargetGroups: several). */
  targetGroups: string[];
  /** 'ok' or the error code. */
  outcome: string;
  status: number;
  /** Server-side time to answer, including injected latency. */
  durationMs: number;
}

export interface CallFilter {
  action?: string;
  identity?: string;
  /** Calls naming this target group ARN. */
  targetGroup?: string;
  outcome?: string;
  since?: number;
  until?: number;
}

export class CallCounters {
  private readonly calls: CallRecord[] = [];

  add(rec: CallRecord): void {
    this.calls.push(rec);
  }

  /** Matching calls, oldest first. */
  list(filter: CallFilter = {}): CallRecord[] {
    return this.calls.filter((c) => {
      if (filter.action && c.action !== filter.action) return false;
      if (filter.identity && c.identity !== filter.identity) return false;
      if (filter.targetGroup && !c.targetGroups.includes(filter.targetGroup)) return false;
      if (filter.outcome && c.outcome !== filter.outcome) return false;
      if (filter.since !== undefined && c.at < filter.since) return false;
      if (filter.until !== undefined && c.at > filter.until) return false;
      return true;
    });
  }

  count(filter: CallFilter = {}): number {
    return this.list(filter).length;
  }

  /** Calls per minute over [since, until] (defaults: first matching call, last matching call). */
  perMinute(filter: CallFilter = {}): number {
    const l = this.list(filter);
    if (l.length === 0) return 0;
    const from = filter.since ?? l[0]!.at;
    const to = filter.until ?? l[l.length - 1]!.at;
    const minutes = Math.max(to - from, 1) / 60_000;
    return l.length / minutes;
  }

  /** The most calls in any window of windowMs, as calls per second. */
  peakRate(filter: CallFilter = {}, windowMs = 1000): number {
    const times = this.list(filter).map((c) => c.at);
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < times.length; hi++) {
      while (times[hi]! - times[lo]! >= windowMs) lo++;
      best = Math.max(best, hi - lo + 1);
    }
    return best / (windowMs / 1000);
  }

  /** Count per action. */
  byAction(filter: CallFilter = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.list(filter)) out[c.action] = (out[c.action] ?? 0) + 1;
    return out;
  }

  /** Count per target group ARN. */
  byTargetGroup(filter: CallFilter = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.list(filter)) for (const tg of c.targetGroups) out[tg] = (out[tg] ?? 0) + 1;
    return out;
  }

  /** Count per outcome ('ok', 'Throttling', ...). */
  byOutcome(filter: CallFilter = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.list(filter)) out[c.outcome] = (out[c.outcome] ?? 0) + 1;
    return out;
  }

  reset(): void {
    this.calls.length = 0;
  }
}
