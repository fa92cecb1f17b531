/**
 * The watch holds V8's young generation at its start-up size (src/adapters/heap.ts). Checked in a
 * child Node, the same binary as the tests: the flag is known (no "unrecognized flag" on stderr)
 * and it stops the young generation growing under an allocation pattern that grows it without.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOLD_YOUNG_GENERATION } from '../../src/adapters/heap.js';

// Steady allocation where a little survives each scavenge, as a watch's polls do; prints the young
// generation's size in MiB.
const CHILD = `
const v8 = require('node:v8');
if (process.env.FLAG) v8.setFlagsFromString(process.env.FLAG);
const kept = [];
for (let i = 0; i < 400; i++) {
  const batch = Array.from({ length: 20000 }, (_, j) => ({ j, s: 'x' + j }));
  kept.push(batch.slice(0, 1000));
  if (kept.length > 40) kept.shift();
}
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(young.space_size / 1048576);
`;

function youngGenerationMiB(flag: string): { mib: number; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', CHILD], { encoding: 'utf8', env: { ...process.env, FLAG: flag } });
  expect(r.status, r.stderr).toBe(0);
  return { mib: Number(r.stdout.trim()), stderr: r.stderr };
}

describe('holding the young generation', () => {
  it('is a flag this Node knows, and it stops the growth', () => {
    const free = youngGenerationMiB('');
    const held = youngGenerationMiB(HOLD_YOUNG_GENERATION);
    expect(held.stderr).toBe('');
    expect(free.mib).toBeGreaterThanOrEqual(16);
    expect(held.mib).toBeLessThanOrEqual(4);
  });
});
