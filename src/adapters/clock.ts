/** The system clock and timers for the adapters; the pure core only ever sees a Clock. */
import { setTimeout as delay } from 'node:timers/promises';
import type { Timers } from '../core/gate/ports.js';

export type { Timers } from '../core/gate/ports.js';

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

/**
 * After the watch mode has written its report, outputs and summary and closed its connections:
 * should anything still hold the event loop (a socket a library keeps open), the process exits
 * anyway a moment later instead of idling until the job's timeout. The timer itself holds nothing.
 */
export function exitSoonAfter(ms = 2_000): void {
  setTimeout(() => process.exit(), ms).unref();
}
