/**
 * Parity with the deployment controller's ResolveFenceposts and MaxUnavailable
 * (pkg/controller/deployment/util/deployment_util_test.go: TestResolveFenceposts,
 * TestMaxUnavailable), and the threshold zd-gate derives from them.
 */
import { describe, expect, it } from 'vitest';
import { maxUnavailable, resolveFenceposts, resolveThreshold } from '../../src/core/rollout/fenceposts.js';
import type { Deployment, IntOrString } from '../../src/core/rollout/types.js';

describe('resolveFenceposts: TestResolveFenceposts', () => {
  const cases: {
    maxSurge?: string;
    maxUnavailable?: string;
    desired: number;
    surge: number;
    unavailable: number;
    error?: true;
  }[] = [
    { maxSurge: '0%', maxUnavailable: '0%', desired: 0, surge: 0, unavailable: 1 },
    { maxSurge: '39%', maxUnavailable: '39%', desired: 10, surge: 4, unavailable: 3 },
    { maxSurge: 'oops', maxUnavailable: '39%', desired: 10, surge: 0, unavailable: 0, error: true },
    { maxSurge: '55%', maxUnavailable: 'urg', desired: 10, surge: 0, unavailable: 0, error: true },
    { maxUnavailable: '39%', desired: 10, surge: 0, unavailable: 3 },
    { maxSurge: '39%', desired: 10, surge: 4, unavailable: 0 },
    { desired: 10, surge: 0, unavailable: 1 },
  ];
  it.each(cases)('surge=$maxSurge unavailable=$maxUnavailable desired=$desired', (c) => {
    if (c.error) {
      expect(() => resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired)).toThrow(/invalid value for IntOrString/);
      return;
    }
    expect(resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired)).toEqual({
      surge: c.surge,
      unavailable: c.unavailable,
    });
  });

  it('25%/25% of 8: surge rounds up, unavailable rounds down', () => {
    expect(resolveFenceposts('25%', '25%', 8)).toEqual({ surge: 2, unavailable: 2 });
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
  });
});

function rolling(replicas: number, maxUnavail: IntOrString): Deployment {
  return {
    spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: maxUnavail } } },
  };
}

describe('maxUnavailable: TestMaxUnavailable', () => {
  const cases: [string, Deployment, number][] = [
    ['maxUnavailable less than replicas', rolling(10, 5), 5],
    ['maxUnavailable equal replicas', rolling(10, 10), 10],
    ['maxUnavailable greater than replicas', rolling(5, 10), 5],
    ['maxUnavailable with replicas is 0', rolling(0, 10), 0],
    ['maxUnavailable with Recreate deployment strategy', { spec: { strategy: { type: 'Recreate' } } }, 0],
    ['maxUnavailable less than replicas with percents', rolling(10, '50%'), 5],
    ['maxUnavailable equal replicas with percents', rolling(10, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', rolling(5, '100%'), 5],
  ];
  it.each(cases)('%s', (_name, d, expected) => {
    expect(maxUnavailable(d)).toBe(expected);
  });

  it('missing strategy fields take the apps/v1 defaults (RollingUpdate, 25%/25%)', () => {
    expect(maxUnavailable({ spec: { replicas: 10 } })).toBe(2);
  });
});

describe('resolveThreshold', () => {
  it('defaults to desired − maxUnavailable (the seeds: 10 replicas, 25% → 8)', () => {
    expect(resolveThreshold(rolling(10, '25%'), undefined)).toMatchObject({ value: 8, desired: 10 });
  });
  it('both fenceposts 0 → maxUnavailable 1', () => {
    const d: Deployment = {
      spec: { replicas: 3, strategy: { rollingUpdate: { maxSurge: '10%', maxUnavailable: '10%' } } },
    };
    // surge ceil(0.3) = 1, unavailable floor(0.3) = 0: not both zero, so unavailable stays 0
    expect(resolveThreshold(d, undefined).value).toBe(3);
    const z: Deployment = {
      spec: { replicas: 3, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } } },
    };
    expect(resolveThreshold(z, undefined).value).toBe(2);
  });
  it('Recreate keeps every replica as the threshold', () => {
    expect(resolveThreshold({ spec: { replicas: 4, strategy: { type: 'Recreate' } } }, undefined).value).toBe(4);
  });
  it('a count is taken as is; a percentage of desired rounds up', () => {
    expect(resolveThreshold(rolling(10, 2), { kind: 'count', value: 7 }).value).toBe(7);
    expect(resolveThreshold(rolling(10, 2), { kind: 'percent', value: 75 }).value).toBe(8);
    expect(resolveThreshold(rolling(10, 2), { kind: 'percent', value: 70 }).value).toBe(7);
    expect(resolveThreshold(rolling(3, 1), { kind: 'percent', value: 33.4 }).value).toBe(2);
  });
});
