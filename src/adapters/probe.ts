/**
 * A bounded stream of HTTP GETs at the service's public URL while the gate watches: `rate`
 * requests per second, each with a timeout, never more than rate × timeout in flight. A request
 * fails when it answers 5xx, cannot connect, or times out; other answers (2xx-4xx) count as served.
 * Uses the global fetch.
 */
import type { EvidenceEvent } from '../core/gate/evidence.js';
import type { EvidenceSource } from '../core/gate/ports.js';
import type { Timers } from './clock.js';

export interface ProbeOptions {
  readonly url: string;
  readonly ratePerSecond: number;
  readonly timeoutMs?: number;
  readonly timers: Timers;
  /** Called after each answered or failed request with the running totals. */
  onResult?(totals: ProbeTotals): void;
  readonly fetch?: typeof fetch;
}

export interface ProbeTotals {
  readonly total: number;
  readonly errors: number;
  /** Failures by kind: `HTTP 502`, `timeout`, `ECONNREFUSED`, ... */
  readonly byKind: Readonly<Record<string, number>>;
  /** Requests not sent because too many were still in flight. */
  readonly skipped: number;
}

export class Probe implements EvidenceSource {
  readonly name = 'probe' as const;
  private emit: ((e: EvidenceEvent) => void) | undefined;
  private total = 0;
  private errors = 0;
  private skipped = 0;
  private inFlight = 0;
  private readonly byKind: Record<string, number> = {};

  constructor(private readonly o: ProbeOptions) {}

  get describe(): string {
    return `probe: ${this.o.ratePerSecond} requests/s to ${this.o.url}`;
  }

  totals(): ProbeTotals {
    return { total: this.total, errors: this.errors, byKind: { ...this.byKind }, skipped: this.skipped };
  }

  summary(): Record<string, unknown> {
    const t = this.totals();
    return { url: this.o.url, total: t.total, errors: t.errors, byKind: t.byKind };
  }

  /** Sends requests until `signal` aborts; resolves when the last one has settled (each is bounded by its timeout and `signal`). */
  async run(signal: AbortSignal, emit?: (e: EvidenceEvent) => void): Promise<void> {
    this.emit = emit;
    const timeoutMs = this.o.timeoutMs ?? 5_000;
    const maxInFlight = Math.max(1, Math.ceil(this.o.ratePerSecond * (timeoutMs / 1000)));
    const intervalMs = 1000 / this.o.ratePerSecond;
    const pending = new Set<Promise<void>>();
    let next = this.o.timers.now();
    while (!signal.aborted) {
      if (this.inFlight >= maxInFlight) {
        this.skipped++;
      } else {
        const p = this.one(timeoutMs, signal).finally(() => pending.delete(p));
        pending.add(p);
      }
      next += intervalMs;
      await this.o.timers.sleep(Math.max(0, next - this.o.timers.now()), signal);
    }
    await Promise.allSettled([...pending]);
  }

  private async one(timeoutMs: number, stop: AbortSignal): Promise<void> {
    this.inFlight++;
    let failure: string | undefined;
    try {
      const response = await (this.o.fetch ?? fetch)(this.o.url, {
        method: 'GET',
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
        redirect: 'manual',
        headers: { 'user-agent': 'zd-gate-probe' },
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 500) failure = `HTTP ${response.status}`;
    } catch (e) {
      const err = e as { name?: string; cause?: { code?: string }; code?: string };
      failure = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.code ?? err.name ?? 'error');
    } finally {
      this.inFlight--;
    }
    // Requests cut short because the run stopped are neither served nor failed.
    if (stop.aborted && failure !== undefined && failure !== 'timeout' && !failure.startsWith('HTTP')) return;
    this.total++;
    if (failure) {
      this.errors++;
      this.byKind[failure] = (this.byKind[failure] ?? 0) + 1;
    }
    this.o.onResult?.(this.totals());
    this.emit?.({ type: 'evidence', source: 'probe', value: { total: this.total, errors: this.errors } });
  }
}
