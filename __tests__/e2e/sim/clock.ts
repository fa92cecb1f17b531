/**
 * Time source for the simulator. The target-group model, the fault injector and the traffic
 * generator take a {@link Clock}, so unit tests drive them in simulated time with
 * {@link ManualClock} and the end-to-end simulator runs them on {@link RealClock}.
 */

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds since the epoch (RealClock) or since an arbitrary origin (ManualClock). */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

let nextRealId = 1;

/** Wall-clock time and Node timers. Timers are unref'd so a forgotten one never holds the process. */
export class RealClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();

  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = nextRealId++;
    const t = setTimeout(
      () => {
        this.timers.delete(id);
        fn();
      },
      Math.max(0, ms),
    );
    t.unref();
    this.timers.set(id, t);
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    const t = this.timers.get(handle.id);
    if (t) clearTimeout(t);
    this.timers.delete(handle.id);
  }

  /** Cancels every timer this clock still holds (used by stop()). */
  clearAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

interface ManualTimer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Simulated time: nothing happens until {@link advance} is called, which fires due timers in
 * time order (ties in creation order) with now() set to each timer's due time.
 */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private nextId = 1;
  private timers: ManualTimer[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer: ManualTimer = { id: this.nextId++, at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (!handle) return;
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Number of timers still pending. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by ms, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      let next: ManualTimer | undefined;
      for (const t of this.timers) {
        if (t.at <= target && (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      }
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = next.at;
      next.fn();
    }
    this.current = target;
  }

  /** Advances in steps of stepMs until predicate() holds or maxMs has passed; returns whether it held. */
  advanceUntil(predicate: () => boolean, maxMs: number, stepMs = 10): boolean {
    const end = this.current + maxMs;
    while (!predicate()) {
      if (this.current >= end) return false;
      this.advance(Math.min(stepMs, end - this.current));
    }
    return true;
  }
}
