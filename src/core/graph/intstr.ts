/**
 * IntOrString values as the deployment controller resolves them (k8s.io/apimachinery intstr
 * GetScaledValueFromIntOrPercent; deployment util ResolveFenceposts).
 */
export type IntOrString = number | string;

/** A percentage of `total`, rounded up or down; a number is taken as is; undefined when malformed. */
export function scaled(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  const m = /^(\d+)%$/.exec(v.trim());
  if (m) {
    const x = (Number(m[1]) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export interface Fenceposts {
  readonly maxSurge: number;
  readonly maxUnavailable: number;
}

/**
 * maxSurge rounds up, maxUnavailable rounds down; when both come to 0, maxUnavailable is 1 so the
 * rollout can progress (ResolveFenceposts). Defaults are 25% each.
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, replicas: number): Fenceposts | undefined {
  const surge = scaled(maxSurge ?? '25%', replicas, true);
  const unavailable = scaled(maxUnavailable ?? '25%', replicas, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  if (surge === 0 && unavailable === 0) return { maxSurge: 0, maxUnavailable: 1 };
  return { maxSurge: surge, maxUnavailable: unavailable };
}
