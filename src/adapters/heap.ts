/**
 * The watch is a long-running process that allocates steadily (watch events, target health every
 * poll) and keeps little (~30 MiB live at 1,000 replicas). V8 grows its young generation whenever
 * the bytes surviving scavenges since the last growth exceed its size, which over minutes they
 * always do; since Node 22 it grows up to 2 × 32 MiB, so a 1,000-replica watch peaked at ~185 MiB
 * RSS on Node 24 against ~125 MiB on Node 20 (docs/benchmarks.md). Once the watch's modules are
 * loaded, its young generation stays at the size startup gave it.
 *
 * `--max-semi-space-size` would say this directly but only takes effect at start-up (a Node flag or
 * NODE_OPTIONS, which an action cannot set); the growth factor is read each time the young
 * generation would grow, so setting it here takes effect at once. A Node without the flag prints
 * "unrecognized flag" once; __tests__/watch/heap.test.ts checks that the Node in use has it.
 */
import { setFlagsFromString } from 'node:v8';

export const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';

export function holdYoungGeneration(): void {
  setFlagsFromString(HOLD_YOUNG_GENERATION);
}
