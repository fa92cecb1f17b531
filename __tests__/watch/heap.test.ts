/**
 * The watch bounds V8's heap once its modules are loaded (src/adapters/heap.ts). Checked in a
 * child Node, the same binary as the tests: each flag is known (no "unrecognized flag" on stderr)
 * and acts on an allocation pattern that shows what it is for.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COLLECT_OLD_GENERATION_SOONER, HOLD_YOUNG_GENERATION } from '../../src/adapters/heap.js';

// Steady allocation where part of each batch lives for a few batches, as a watch's polls do: the
// first PART objects of the last KEEP batches stay reachable. Prints the largest old
// generation seen and the young generation's size at the end, in MiB.
const CHILD = `
const v8 = require('node:v8');
for (const f of (process.env.FLAGS || '').split(' ').filter(Boolean)) v8.setFlagsFromString(f);
const keep = Number(process.env.KEEP), size = Number(process.env.SIZE), part = Number(process.env.PART), rounds = Number(process.env.ROUNDS);
const kept = [];
let young = 0, old = 0;
for (let i = 0; i < rounds; i++) {
  kept.push(Array.from({ length: size }, (_, j) => ({ j, s: 'x' + j })).slice(0, part));
  if (kept.length > keep) kept.shift();
  if (i % 20 === 0) {
    for (const s of v8.getHeapSpaceStatistics()) {
      if (s.space_name === 'old_space') old = Math.max(old, s.space_size);
    }
  }
}
young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
console.log(JSON.stringify({ young: young / 1048576, old: old / 1048576 }));
`;

function run(
  flags: string[],
  pattern: { keep: number; size: number; part: number; rounds: number },
): { young: number; old: number; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', CHILD], {
    encoding: 'utf8',
    env: {
      ...process.env,
      FLAGS: flags.join(' '),
      KEEP: String(pattern.keep),
      SIZE: String(pattern.size),
      PART: String(pattern.part),
      ROUNDS: String(pattern.rounds),
    },
  });
  expect(r.status, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as { young: number; old: number }), stderr: r.stderr };
}

describe('bounding the watch heap', () => {
  it('holds the young generation at its start-up size', () => {
    const pattern = { keep: 40, size: 20_000, part: 1_000, rounds: 400 };
    const free = run([], pattern);
    const held = run([HOLD_YOUNG_GENERATION], pattern);
    expect(held.stderr).toBe('');
    expect(free.young).toBeGreaterThanOrEqual(16);
    expect(held.young).toBeLessThanOrEqual(4);
  });

  it('collects promoted garbage before the old generation grows to a multiple of what lives', () => {
    // ~1 MiB batches living for five batches: each survives the scavenges after it, then dies old.
    const pattern = { keep: 5, size: 2_000, part: 2_000, rounds: 3_000 };
    const held = run([HOLD_YOUNG_GENERATION], pattern);
    const bounded = run([HOLD_YOUNG_GENERATION, COLLECT_OLD_GENERATION_SOONER], pattern);
    expect(bounded.stderr).toBe('');
    expect(bounded.old).toBeLessThan(0.75 * held.old);
  });
});
