/**
 * How the deployment controller turns maxSurge/maxUnavailable into pod counts
 * (pkg/controller/deployment/util/deployment_util.go: ResolveFenceposts, MaxUnavailable) and how
 * zd-gate derives its healthy-target threshold from them.
 */
import type { Deployment, IntOrString } from './types.js';

export class IntOrPercentError extends Error {}

/**
 * intstr.GetScaledValueFromIntOrPercent: a number is taken as is; a string must end in `%` and is
 * scaled by `total`, rounding up or down. Any other string is an error, as in Go.
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%'))
    throw new IntOrPercentError(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits))
    throw new IntOrPercentError(`invalid value for IntOrString: invalid value "${value}"`);
  const percent = Number(digits);
  const scaled = (percent * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down, a missing value counts as 0, and
 * when both resolve to 0 unavailable becomes 1.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** Desired replicas, with the API default of 1. */
export function desiredReplicas(deployment: Deployment): number {
  return deployment.spec?.replicas ?? 1;
}

/** apps/v1 defaults: RollingUpdate with 25% surge and 25% unavailable. */
function rollingUpdate(deployment: Deployment): { maxSurge: IntOrString; maxUnavailable: IntOrString } | undefined {
  const strategy = deployment.spec?.strategy;
  const type = strategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') return undefined;
  return {
    maxSurge: strategy?.rollingUpdate?.maxSurge ?? '25%',
    maxUnavailable: strategy?.rollingUpdate?.maxUnavailable ?? '25%',
  };
}

/**
 * MaxUnavailable: 0 unless the strategy is RollingUpdate with replicas > 0; never more than the
 * desired replicas.
 */
export function maxUnavailable(deployment: Deployment): number {
  const desired = desiredReplicas(deployment);
  const ru = rollingUpdate(deployment);
  if (!ru || desired === 0) return 0;
  const { unavailable } = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired);
  return Math.min(unavailable, desired);
}

/** `8` or `75%` of desired replicas, as read from the `min-healthy` input. */
export type ThresholdSpec =
  { readonly kind: 'count'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

export interface ResolvedThreshold {
  /** Healthy targets every target group must keep. */
  readonly value: number;
  readonly desired: number;
  /** How it was derived, for the log and the summary. */
  readonly explanation: string;
}

/**
 * The healthy-target threshold for a Deployment: the `min-healthy` input when given (a count, or a
 * percentage of desired replicas rounded up), else desired − maxUnavailable as the controller
 * resolves it. A Recreate Deployment has no maxUnavailable, so its default threshold is all replicas.
 */
export function resolveThreshold(deployment: Deployment, spec: ThresholdSpec | undefined): ResolvedThreshold {
  const desired = desiredReplicas(deployment);
  if (spec?.kind === 'count') return { value: spec.value, desired, explanation: `min-healthy ${spec.value}` };
  if (spec?.kind === 'percent') {
    // Two decimals are enough for any percentage a user writes; the rounding avoids 0.1 + 0.2 artefacts.
    const value = Math.ceil(Math.round(spec.value * desired * 100) / 10_000);
    return { value, desired, explanation: `min-healthy ${spec.value}% of ${desired} desired, rounded up` };
  }
  let unavailable: number;
  try {
    unavailable = maxUnavailable(deployment);
  } catch {
    // The API server rejects such a Deployment; be strict if one gets through anyway.
    unavailable = 0;
  }
  const type = deployment.spec?.strategy?.type ?? 'RollingUpdate';
  const how = type === 'RollingUpdate' ? `maxUnavailable ${unavailable}` : `${type} strategy: no maxUnavailable`;
  return { value: desired - unavailable, desired, explanation: `${desired} desired − ${how}` };
}
