/**
 * How the required healthy count follows spec.replicas (core/gate/thresholds.ts), one change at a
 * time, with the Deployment's status as the controller reports it.
 */
import { describe, expect, it } from 'vitest';
import { Thresholds } from '../../src/core/gate/thresholds.js';
import type { Deployment } from '../../src/core/rollout/types.js';

const TG = 'arn:tg';

function deployment(
  replicas: number,
  status: { generation?: number; observed?: number; available?: number } = {},
): Deployment {
  const generation = status.generation ?? 2;
  return {
    metadata: { name: 'web', generation },
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    status: { observedGeneration: status.observed ?? generation, availableReplicas: status.available ?? replicas },
  };
}

function tracker(): Thresholds {
  return new Thresholds(undefined, new Map([[TG, 'tg']]));
}

describe('the required healthy count', () => {
  it('steady: desired − maxUnavailable', () => {
    const t = tracker();
    t.update(deployment(10));
    t.observe(TG, 10);
    expect(t.required(TG)).toMatchObject({ value: 8, why: '10 desired − maxUnavailable 2' });
  });

  it('scale-up 10 → 16: keeps 8 until new targets are healthy, one more per new healthy target, up to 12', () => {
    const t = tracker();
    t.update(deployment(10));
    t.observe(TG, 10);
    t.update(deployment(16, { generation: 3, observed: 2, available: 10 }));
    const seen: number[] = [];
    for (const healthy of [10, 9, 10, 11, 12, 13, 14, 15, 16]) {
      t.observe(TG, healthy);
      seen.push(t.required(TG).value);
    }
    expect(seen).toEqual([8, 8, 8, 9, 10, 11, 12, 12, 12]);
    expect(t.takeNotes().join('\n')).toMatch(/scaled up from 10 to 16 replicas: the threshold rises to 12/);
  });

  it('a gate that starts while the Deployment has fewer available replicas than its threshold ramps from them', () => {
    const t = tracker();
    t.update(deployment(16, { available: 10 }));
    t.observe(TG, 10);
    expect(t.required(TG).value).toBe(8);
    t.observe(TG, 14);
    expect(t.required(TG).value).toBe(12);
  });

  it('scale-down 16 → 6: never more than the new spec, nor than what the controller kept available while it scales down', () => {
    const t = tracker();
    t.update(deployment(16));
    t.observe(TG, 16);
    expect(t.required(TG).value).toBe(12);
    // The spec changes; the controller has not acted yet: T(6) = 5.
    t.update(deployment(6, { generation: 3, observed: 2, available: 16 }));
    expect(t.required(TG).value).toBe(5);
    // It scaled both ReplicaSets down proportionally and kept 4 available (2 new pods still starting).
    t.update(deployment(6, { generation: 3, observed: 3, available: 4 }));
    t.observe(TG, 4);
    expect(t.required(TG)).toMatchObject({
      value: 4,
      why: expect.stringMatching(/^scaled down to 6: 4 replicas available/),
    });
    // A loss below that still fails ...
    t.observe(TG, 3);
    expect(t.required(TG).value).toBe(4);
    // ... and once 5 are available again the threshold is 5.
    t.update(deployment(6, { generation: 3, observed: 3, available: 6 }));
    expect(t.required(TG).value).toBe(5);
    expect(t.takeNotes().join('\n')).toMatch(/scaled down from 16 to 6 replicas: threshold 5/);
  });
});
