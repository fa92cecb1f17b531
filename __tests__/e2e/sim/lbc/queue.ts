/**
 * A controller work queue on an injectable clock: one pending run per key (the earliest requested
 * wins), never two runs of the same key at once, requeue on request, exponential backoff on error.
 */
import type { Clock, TimerHandle } from '../clock.js';

export type ReconcileResult = { requeueAfterMs?: number } | void;

export class WorkQueue {
  private readonly clock: Clock;
  private readonly handler: (key: string) => Promise<ReconcileResult>;
  private readonly onError: (key: string, err: unknown, attempt: number) => void;
  private readonly backoff: (attempt: number) => number;
  private readonly scheduled = new Map<string, { at: number; timer: TimerHandle }>();
  private readonly running = new Set<string>();
  private readonly again = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private stopped = false;

  constructor(
    clock: Clock,
    handler: (key: string) => Promise<ReconcileResult>,
    opts: {
      onError?: (key: string, err: unknown, attempt: number) => void;
      backoff?: (attempt: number) => number;
    } = {},
  ) {
    this.clock = clock;
    this.handler = handler;
    this.onError = opts.onError ?? (() => undefined);
    this.backoff = opts.backoff ?? ((n) => Math.min(5 * 2 ** n, 60_000));
  }

  /** Runs `key` after delayMs (or sooner if already scheduled sooner). */
  add(key: string, delayMs = 0): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      const prev = this.again.get(key);
      this.again.set(key, prev === undefined ? delayMs : Math.min(prev, delayMs));
      return;
    }
    const at = this.clock.now() + delayMs;
    const existing = this.scheduled.get(key);
    if (existing && existing.at <= at) return;
    if (existing) this.clock.clearTimeout(existing.timer);
    const timer = this.clock.setTimeout(() => void this.process(key), delayMs);
    this.scheduled.set(key, { at, timer });
  }

  /** Keys waiting or running. */
  size(): number {
    return new Set([...this.scheduled.keys(), ...this.running]).size;
  }

  stop(): void {
    this.stopped = true;
    for (const s of this.scheduled.values()) this.clock.clearTimeout(s.timer);
    this.scheduled.clear();
  }

  private async process(key: string): Promise<void> {
    this.scheduled.delete(key);
    if (this.stopped) return;
    this.running.add(key);
    let next: number | undefined;
    try {
      const res = await this.handler(key);
      this.failures.delete(key);
      if (res && res.requeueAfterMs !== undefined) next = res.requeueAfterMs;
    } catch (err) {
      const n = this.failures.get(key) ?? 0;
      this.failures.set(key, n + 1);
      this.onError(key, err, n + 1);
      next = this.backoff(n);
    } finally {
      this.running.delete(key);
    }
    const again = this.again.get(key);
    this.again.delete(key);
    const delay = again === undefined ? next : next === undefined ? again : Math.min(again, next);
    if (delay !== undefined) this.add(key, delay);
  }
}
