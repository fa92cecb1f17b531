/** Inputs, outputs and observations of the watch gate. Pure data; no I/O anywhere in core/. */
import type { ThresholdSpec } from '../rollout/fenceposts.js';
import type { Deployment, ReplicaSet } from '../rollout/types.js';
import type { ElbLimits } from '../metrics/judge.js';
import type { EvidenceEvent } from './evidence.js';
import type { VerdictReason } from './verdicts.js';

export type { VerdictReason } from './verdicts.js';

/** The only source of time for the gate: the system clock in production, a fake one in tests. */
export interface Clock {
  now(): number;
}

/** A pod condition as the API reports it. */
export interface PodConditionInfo {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
}

/** What the gate needs to know about one pod of the watched Deployment. */
export interface PodInfo {
  readonly name: string;
  readonly ip?: string;
  /** The ReplicaSet that controls the pod. */
  readonly replicaSet?: string;
  readonly ready: boolean;
  /**
   * The containers are running and ready (ContainersReady; Ready when the pod has no such
   * condition). Unlike Ready it ignores readiness gates, so it tells whether a terminating pod still
   * serves during its preStop even when its gate condition never turned True.
   */
  readonly containersReady: boolean;
  readonly terminating: boolean;
  readonly phase?: string;
  /** Named container ports (name → number), to resolve a named Service targetPort. */
  readonly namedPorts: Readonly<Record<string, number>>;
  /** One entry per spec.readinessGates condition type, with its current condition if any. */
  readonly readinessGates: readonly { readonly type: string; readonly condition?: PodConditionInfo }[];
  /** Conditions that are not True (for diagnostics). */
  readonly failingConditions: readonly PodConditionInfo[];
}

/** One entry of a DescribeTargetHealth answer. */
export interface TargetHealthDescription {
  readonly id: string;
  readonly port?: number;
  /** initial | healthy | unhealthy | unhealthy.draining | unused | draining | unavailable */
  readonly state: string;
  readonly reason?: string;
  readonly description?: string;
}

/**
 * One poll of one target group. `unknown` is what throttling, transient errors and timeouts give:
 * it never counts as healthy and never as unhealthy. `requestedAt` is when the request went out
 * (the answer describes the load balancer at or after that moment); absent, the arrival time.
 */
export type TargetHealthObservation =
  | {
      readonly kind: 'known';
      readonly targets: readonly TargetHealthDescription[];
      readonly requestedAt?: number;
    }
  | { readonly kind: 'unknown'; readonly reason: string };

/** A target group the gate counts in, and how its targets map to the Deployment's pods. */
export interface TargetGroupRef {
  readonly arn: string;
  /** Short name for the log (`k8s-demo-web-1a2b3c4d5e`). */
  readonly name: string;
  /**
   * The port targets are registered on: the Service targetPort (a number or a container port name),
   * or undefined when unknown (explicit ARNs without a TargetGroupBinding): then any port matches.
   */
  readonly port: number | string | undefined;
  /** Where the target group came from, for the report. */
  readonly source: string;
  /**
   * How long the new ReplicaSet's targets may all be `unhealthy` (failing the load balancer's health
   * check) before the release is judged broken: twice the time the target group needs to call a
   * target healthy (interval × healthy threshold), when DescribeTargetGroups told us; else 60 s.
   */
  readonly unhealthyGraceMs?: number;
}

export interface GateConfig {
  readonly namespace: string;
  readonly deployment: string;
  /** The `min-healthy` input; undefined: desired − maxUnavailable. */
  readonly minHealthy: ThresholdSpec | undefined;
  /** How long a target group may stay below the threshold (observed) before the gate fails. */
  readonly tolerateMs: number;
  /**
   * How long the load balancer takes to stop routing to a deregistered target: a pod that stops
   * serving sooner than this after its deletion (or after a poll still showed its target healthy),
   * while its target is registered, fails the gate. 0: off.
   */
  readonly deregistrationMs?: number;
  /** Bound of the watch up to the verdict; undefined: progressDeadlineSeconds + settle timeout + soak. */
  readonly timeoutMs: number | undefined;
  /** After the rollout completes, how long the load balancer has to catch up. */
  readonly settleTimeoutMs: number;
  /** After the load balancer caught up, how long to keep watching before passing (0: pass at once). */
  readonly soakMs?: number;
  /** A target-health observation older than this is stale: it can neither fail nor pass the gate. */
  readonly staleAfterMs: number;
  /** Target groups with per-pod health; empty means the gate runs on rollout status alone. */
  readonly targetGroups: readonly TargetGroupRef[];
  /** With a probe: the largest acceptable share of failed requests. */
  readonly maxErrorRate?: number;
  /**
   * With `elb-metrics`: the limits on the load balancer's own errors in the rollout's window, and
   * how long after the window ends (the soak's end) to wait for CloudWatch to publish it.
   */
  readonly elb?: { readonly limits: ElbLimits; readonly waitMs: number };
}

export type GateEvent =
  | { readonly type: 'deployment'; readonly deployment: Deployment }
  | { readonly type: 'deployment-deleted' }
  | { readonly type: 'replicasets'; readonly replicaSets: readonly ReplicaSet[] }
  | { readonly type: 'pods'; readonly pods: readonly PodInfo[] }
  | { readonly type: 'target-health'; readonly arn: string; readonly observation: TargetHealthObservation }
  /** The latest reading of an evidence source (evidence.ts): the probe, and any source added later. */
  | EvidenceEvent
  | { readonly type: 'tick' }
  /** An adapter could not go on (missing permission, lost target group): the gate cannot decide. */
  | { readonly type: 'error'; readonly message: string }
  /** The run was cancelled (a signal, the job cancelled): the gate ends without a judgement. */
  | { readonly type: 'cancel'; readonly message: string };

/** success · failed (evidence against the rollout, or it did not finish) · error (the gate could not judge). */
export type VerdictResult = 'success' | 'failed' | 'error';

/**
 * What a verdict asserts about the watched window, so it can be held against an independent
 * observer (the end-to-end suite does):
 * - `requests-failed`: requests through the load balancer failed (measured or inferred);
 * - `capacity-below-threshold`: fewer healthy targets than required;
 * - `not-rolled-out`: the rollout (or the load balancer) did not finish, so it was not verified;
 * - `could-not-judge`: the gate could not run to a judgement (errors, cancellation);
 * - `no-loss-seen`: the release rolled out and nothing the gate watches saw a loss.
 */
export type VerdictClaim =
  'requests-failed' | 'capacity-below-threshold' | 'not-rolled-out' | 'could-not-judge' | 'no-loss-seen';

export interface Verdict {
  readonly result: VerdictResult;
  readonly reason: VerdictReason;
  readonly message: string;
  /** Clock time of the decision. */
  readonly at: number;
  /** True when the failure is evidence against the rollout (rollback applies); false for errors. */
  readonly rollbackAdvised: boolean;
  readonly claim: VerdictClaim;
}

/** How one target of a group relates to the Deployment. */
export interface ClassifiedTarget extends TargetHealthDescription {
  /** The pod behind the target, or the deleted pod that last had this IP. */
  readonly pod?: string;
  readonly generation: 'new' | 'old' | 'foreign';
  /** The pod no longer exists (its target may still be registered). */
  readonly gone: boolean;
  /** The pod exists but has stopped serving (terminating and no longer Ready). */
  readonly stopped?: boolean;
}

export interface TargetCounts {
  /** Healthy targets of this Deployment's serving pods: what the threshold applies to. */
  readonly healthy: number;
  /** Healthy targets of the new ReplicaSet's pods. */
  readonly newHealthy: number;
  /** Healthy targets of old ReplicaSets' pods that still exist. */
  readonly oldHealthy: number;
  /** Healthy targets whose pod is gone: the load balancer still sends traffic to a dead address. */
  readonly goneHealthy: number;
  /** Targets of this Deployment (including gone pods) by ELB state. */
  readonly byState: Readonly<Record<string, number>>;
  /** Targets that are not this Deployment's (another workload behind the same target group). */
  readonly foreign: number;
  readonly targets: readonly ClassifiedTarget[];
}

export type GateEffect =
  | { readonly type: 'progress'; readonly view: ProgressView }
  | { readonly type: 'milestone'; readonly milestone: Milestone }
  | { readonly type: 'verdict'; readonly verdict: Verdict };

export interface Milestone {
  readonly at: number;
  readonly text: string;
}

export interface TargetGroupProgress {
  readonly arn: string;
  readonly name: string;
  /** Healthy targets this group must keep now (follows scaling, thresholds.ts). */
  readonly threshold: number;
  readonly desired: number;
  /** Undefined until the first observation. */
  readonly counts?: TargetCounts;
  /** The last observation is older than the staleness limit, or the last polls failed. */
  readonly stale: boolean;
  readonly unknownReason?: string;
}

export interface ProgressView {
  readonly deployment: string;
  readonly rollout: string;
  readonly targetGroups: readonly TargetGroupProgress[];
}

export interface TimelinePoint {
  readonly at: number;
  readonly arn: string;
  readonly healthy: number;
  readonly threshold: number;
}
