/** The system clock and timers for the adapters; the pure core only ever sees a Clock. */
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core/gate/types.js';

export interface Timers extends Clock {
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) return;
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : {});
    } catch {
      // aborted
    }
  },
};
