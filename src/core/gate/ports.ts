/**
 * The watch mode's I/O, as ports: what the orchestration (modes/watch.ts) needs from the cluster,
 * from AWS, from evidence sources such as the probe, from time, and from the report file. The real
 * adapters implement them (adapters/kubernetes, adapters/aws, adapters/probe.ts, adapters/clock.ts);
 * tests implement them in memory on a manual clock. Types only.
 */
import type { MetricsPlan } from '../metrics/plan.js';
import type { MetricsStore } from '../metrics/store.js';
import type { JsonPatchOperation } from '../rollout/rollback-plan.js';
import type { Deployment, ReplicaSet } from '../rollout/types.js';
import type { ServiceJson, TargetGroupBindingJson } from './discovery.js';
import type { EvidenceEvent, EvidenceSourceName } from './evidence.js';
import type { TargetGroupSettings } from './policy.js';
import type { PodJson } from './pods.js';
import type { Clock, TargetHealthObservation } from './types.js';

/** Time: the system clock and timers in production, a manual clock in tests. */
export interface Timers extends Clock {
  /** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * A failure no waiting fixes (a forbidden verb, a missing target group, a bad kubeconfig): the
 * message says what to fix; the run ends with result `error` (exit code 2). Adapters throw their own
 * subclasses; anything else thrown by a port is a bug.
 */
export interface SetupErrorLike extends Error {
  readonly name: 'KubeSetupError' | 'AwsSetupError' | 'WatchSetupError';
}

export function isSetupError(e: unknown): e is SetupErrorLike {
  const name = (e as { name?: unknown } | undefined)?.name;
  return name === 'KubeSetupError' || name === 'AwsSetupError' || name === 'WatchSetupError';
}

export class WatchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WatchSetupError';
  }
}

export interface FeedHooks {
  readonly log: (message: string) => void;
  /** A watch hit a failure no retry fixes (401/403, 404 of a required resource). */
  readonly onSetupError: (error: Error) => void;
}

/** A Warning event about an object, for diagnostics. */
export interface WarningEvent {
  readonly at: string;
  readonly kind: string;
  readonly name: string;
  readonly reason: string;
  readonly message: string;
  readonly count: number;
}

/** Namespace-wide watches shared by the Deployments watched there. */
export interface NamespaceFeed {
  /** Lists everything once; throws a setup error (or any error when the API cannot be reached). */
  start(signal: AbortSignal): Promise<void>;
  services(): readonly ServiceJson[];
  bindings(): readonly TargetGroupBindingJson[];
  /** Warning events about the named objects, oldest first. */
  warnings(names: ReadonlySet<string>): WarningEvent[];
  /** Pod name → how the EndpointSlices of these Services list it. */
  endpoints(services: ReadonlySet<string>): Map<string, string>;
  stop(): void;
}

export interface DeploymentListeners {
  onDeployment(deployment: Deployment | undefined): void;
  onReplicaSets(replicaSets: readonly ReplicaSet[]): void;
  onPods(pods: readonly PodJson[]): void;
}

/** One Deployment, its ReplicaSets and pods, followed by watches. */
export interface DeploymentFeed {
  /** Lists the Deployment: undefined when it does not exist; throws when it cannot be listed. */
  startDeployment(signal: AbortSignal): Promise<Deployment | undefined>;
  /** Lists and follows the ReplicaSets and pods its selector matches. */
  startOwned(deployment: Deployment, signal: AbortSignal): Promise<void>;
  current(): Deployment | undefined;
  replicaSets(): readonly ReplicaSet[];
  stop(): void;
  /** Lists and watch connections, for the benchmark. */
  stats?(): Record<string, { lists: number; watches: number; restarts: number; events: number }>;
}

/** The Kubernetes source and the rollback action. */
export interface ClusterPort {
  /** `context prod (https://…)`, for the log. */
  readonly describe: string;
  namespace(namespace: string, hooks: FeedHooks): NamespaceFeed;
  deployment(namespace: string, name: string, listeners: DeploymentListeners, hooks: FeedHooks): DeploymentFeed;
  /** Sends the rollback's JSON Patch. Throws a setup error naming `patch` when forbidden. */
  patchDeployment(
    namespace: string,
    name: string,
    patch: readonly JsonPatchOperation[],
    signal: AbortSignal,
  ): Promise<void>;
  /** Reads the Deployment back (a list by name: the RBAC the gate asks for has no `get`). */
  readDeployment(namespace: string, name: string, signal: AbortSignal): Promise<Deployment | undefined>;
  /** Ends every connection. */
  close(): Promise<void>;
}

/** What DescribeTargetGroups said about a target group. */
export interface TargetGroupInfo extends TargetGroupSettings {
  readonly protocol?: string;
  readonly port?: number;
  /** `HTTP traffic-port /healthz expecting 200, every 15s, healthy after 2`, or `unknown`. */
  readonly healthCheck: string;
  readonly loadBalancers: number;
  /** LoadBalancerArns, for the load balancer metrics (`elb-metrics`); absent when not told. */
  readonly loadBalancerArns?: readonly string[];
}

/** The target-health source (ELBv2). Every call draws from the ELB call budget. */
export interface TargetHealthPort {
  /** Throws a setup error on missing permissions or credentials. */
  describeTargetGroups(arns: readonly string[], signal: AbortSignal): Promise<Map<string, TargetGroupInfo>>;
  /** Throttling and transient errors are `unknown`; a lost target group or permission throws a setup error. */
  describeTargetHealth(
    arn: string,
    signal: AbortSignal,
  ): Promise<TargetHealthObservation & { readonly throttled?: boolean }>;
  /** Milliseconds until the budget allows the next call. */
  budgetWaitMs(): number;
  /** HTTP attempts so far, retries included. */
  readonly attempts: number;
}

/** A source of evidence other than target health (evidence.ts): the probe, and later others. */
export interface EvidenceSource {
  readonly name: EvidenceSourceName;
  /** One line for the log: what it measures and how. */
  readonly describe: string;
  /** Measures until `signal` aborts, handing each new reading to `emit`; resolves when stopped. */
  run(signal: AbortSignal, emit: (reading: EvidenceEvent) => void): Promise<void>;
  /** Totals for the report (JSON). */
  summary(): Record<string, unknown>;
}

/** What a metrics source reports back while it reads. */
export interface MetricsHooks {
  /** After each poll (the store holds what was read). */
  readonly onRead: () => void;
  /** Once, when no waiting helps (a denied call, a refused query); the source stops. */
  readonly onSetupError: (error: Error) => void;
}

/**
 * The load balancers' own counts from CloudWatch (`elb-metrics`): GetMetricData for every series of
 * a plan (core/metrics/plan.ts), once per poll, drawing from the same call budget as the ELB calls.
 */
export interface ElbMetricsPort {
  /**
   * Per load balancer ARN, every target group attached to it (DescribeTargetGroups by
   * LoadBalancerArn), to name shared load balancers; a lookup that fails leaves its entry out.
   */
  attachedTargetGroups(
    loadBalancerArns: readonly string[],
    signal: AbortSignal,
  ): Promise<ReadonlyMap<string, readonly { readonly arn: string; readonly name: string }[]>>;
  /**
   * Reads the plan's series into `store` every poll until `signal` aborts, from `earliest()` (the
   * baseline's start) to now, calling `onRead` after each poll. A denied call (`cloudwatch:GetMetricData`)
   * or a query CloudWatch refuses calls `onSetupError` once and stops; throttling and transient
   * errors are retried at the next poll.
   */
  run(store: MetricsStore, earliest: () => number, signal: AbortSignal, hooks: MetricsHooks): Promise<void>;
  /** GetMetricData calls so far. */
  readonly calls: number;
  /** The last reads that came back unknown (throttling, 5xx), for the report. */
  readonly unknown: readonly string[];
}

export interface WatchPorts {
  readonly timers: Timers;
  /** Builds the connection to the cluster (kubeconfig or EKS); throws a setup error when it cannot. */
  connect(signal: AbortSignal): Promise<ClusterPort>;
  /** The ELBv2 source for these regions (by target group ARN). */
  targetHealth(regionFor: (arn: string) => string): TargetHealthPort;
  /** Evidence sources configured by the inputs (the probe with `probe-url`). */
  evidence(): readonly EvidenceSource[];
  /** The CloudWatch source for this plan (`elb-metrics: true`); the regions are the plan's. */
  elbMetrics?(plan: MetricsPlan): ElbMetricsPort;
  /** Writes the report file. */
  writeReport(file: string, text: string): Promise<void>;
}
