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
