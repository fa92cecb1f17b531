/**
 * The watch policy that is not a verdict rule: which target groups count, the health-check grace and
 * the soak taken from the target groups' settings, when an answer is stale, how often target groups
 * are polled within the ELB call budget, the default timeout, and the input combinations that
 * cannot work (rejected or explained at start). Pure; the watch mode applies it.
 */
import { maxUnavailable } from '../rollout/fenceposts.js';
import type { Deployment } from '../rollout/types.js';

/** What DescribeTargetGroups told us about a target group. */
export interface TargetGroupSettings {
  readonly arn: string;
  readonly name: string;
  /** ip | instance | lambda | alb | unknown */
  readonly targetType: string;
  readonly healthCheckIntervalSeconds?: number;
  readonly healthyThresholdCount?: number;
  readonly unhealthyThresholdCount?: number;
}

/** Used when a target group's health-check settings are unknown. */
export const DEFAULT_UNHEALTHY_GRACE_MS = 60_000;
export const DEFAULT_SOAK_MS = 30_000;
/** The API's default progressDeadlineSeconds, for timeouts before the Deployment is seen. */
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

/**
 * Only `ip` target groups register pods, so only they can show per-pod health; an `instance` group
 * registers nodes. Answers why a group does not count, or undefined when it does.
 */
export function whyNotCounted(tg: TargetGroupSettings): string | undefined {
  if (tg.targetType === 'ip') return undefined;
  return `target type ${tg.targetType}: its targets are ${tg.targetType === 'instance' ? 'nodes, not pods' : 'not pods'}, so it cannot show per-pod health and is not counted`;
}

/** Twice the time the group needs to call a target healthy (interval × healthy threshold), if known. */
export function unhealthyGraceMs(tg: TargetGroupSettings): number | undefined {
  return tg.healthCheckIntervalSeconds && tg.healthyThresholdCount
    ? 2 * tg.healthCheckIntervalSeconds * tg.healthyThresholdCount * 1000
    : undefined;
}

/** How long the group takes to notice a target that stopped answering (interval × unhealthy threshold), if known. */
export function unhealthyWindowMs(tg: TargetGroupSettings): number | undefined {
  return tg.healthCheckIntervalSeconds && tg.unhealthyThresholdCount
    ? tg.healthCheckIntervalSeconds * tg.unhealthyThresholdCount * 1000
    : undefined;
}

/** The default soak: one unhealthy-detection window of the slowest group; 30 s when unknown or when there is no group. */
export function defaultSoakMs(groups: readonly TargetGroupSettings[]): number {
  const windows = groups.map(unhealthyWindowMs);
  if (windows.length === 0 || windows.some((w) => w === undefined)) {
    return Math.max(DEFAULT_SOAK_MS, ...windows.filter((w): w is number => w !== undefined));
  }
  return Math.max(...(windows as number[]));
}

/** An answer older than 3 poll intervals + 5 s can neither fail nor pass the gate. */
export function staleAfterMs(pollIntervalMs: number): number {
  return 3 * pollIntervalMs + 5_000;
}

/**
 * The interval each target group is polled at: the requested one, stretched so that all groups
 * together stay within the budget's sustained rate.
 */
export function pollInterval(requestedMs: number, groups: number, budgetPerSecond: number): number {
  if (groups === 0) return requestedMs;
  return Math.max(requestedMs, (groups / budgetPerSecond) * 1000);
}

/** The default `timeout` of one Deployment: its progress deadline + settle-timeout + the soak. */
export function defaultTimeoutMs(deployment: Deployment | undefined, settleTimeoutMs: number, soakMs: number): number {
  const deadline = deployment?.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
  return deadline * 1000 + settleTimeoutMs + soakMs;
}

export interface Problem {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

/** The watch inputs the checks read (names as in action.yml). */
export interface WatchPlanInputs {
  readonly tolerateMs: number;
  readonly timeoutMs: number | undefined;
  readonly settleTimeoutMs: number;
  readonly pollIntervalMs: number;
  /** Undefined: the default (one unhealthy-detection window). */
  readonly soakMs: number | undefined;
  readonly minHealthy: { readonly kind: 'count' | 'percent'; readonly value: number } | undefined;
  /** `elb-metrics: true`: `metrics-wait`; undefined when off. */
  readonly elbMetrics?: { readonly waitMs: number };
  /** Inputs of `elb-metrics` given while it is off (as the user wrote them: `metrics-wait`, `--metrics-wait`). */
  readonly elbMetricsIgnored?: readonly string[];
}

/** ELB publishes a minute's counts one to three minutes after it ends (docs/elb-metrics.md). */
export const ELB_PUBLICATION_MS = 60_000;

const sec = (ms: number): string => `${Math.round(ms / 100) / 10}s`;

/** Combinations of inputs alone that cannot work; checked before connecting. */
export function checkInputs(i: WatchPlanInputs): Problem[] {
  const out: Problem[] = [];
  const err = (message: string): void => void out.push({ level: 'error', message });
  const warn = (message: string): void => void out.push({ level: 'warning', message });
  if (i.timeoutMs !== undefined) {
    if (i.tolerateMs > 0 && i.tolerateMs >= i.timeoutMs)
      err(
        `\`tolerate-seconds\` (${sec(i.tolerateMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate could never fail on the threshold before it times out. Lower tolerate-seconds or raise timeout.`,
      );
    if (i.pollIntervalMs >= i.timeoutMs)
      err(
        `\`poll-interval\` (${sec(i.pollIntervalMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate would time out before it saw target health twice. Lower poll-interval or raise timeout.`,
      );
    if (i.soakMs !== undefined && i.soakMs > 0 && i.soakMs >= i.timeoutMs)
      err(
        `\`soak-seconds\` (${sec(i.soakMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the soak could never end before the timeout. Lower soak-seconds or raise timeout.`,
      );
  }
  if (i.settleTimeoutMs > 0 && i.settleTimeoutMs < i.pollIntervalMs)
    err(
      `\`settle-timeout\` (${sec(i.settleTimeoutMs)}) is shorter than \`poll-interval\` (${sec(i.pollIntervalMs)}): the gate may see no answer from the load balancer between the end of the rollout and the settle timeout, and fail a healthy release. Make settle-timeout at least a few poll intervals (the default is 5m).`,
    );
  const ignored = i.elbMetricsIgnored ?? [];
  if (ignored.length > 0)
    warn(
      `${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored: \`elb-metrics\` is false, so no load balancer metrics are read. Set elb-metrics: true to use ${ignored.length === 1 ? 'it' : 'them'}.`,
    );
  if (i.elbMetrics) {
    const wait = i.elbMetrics.waitMs;
    if (i.timeoutMs !== undefined && wait >= i.timeoutMs)
      err(
        `\`metrics-wait\` (${sec(wait)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate would time out before CloudWatch could publish the rollout's window. Lower metrics-wait or raise timeout.`,
      );
    else if (wait < ELB_PUBLICATION_MS)
      warn(
        `\`metrics-wait\` (${sec(wait)}) is under a minute: ELB publishes a minute's counts one to three minutes after it ends, so the run will likely end with elb-metrics-missing (result error). The default is 180s.`,
      );
  }
  if (i.soakMs !== undefined && i.soakMs > 0 && i.soakMs < i.pollIntervalMs)
    warn(
      `\`soak-seconds\` (${sec(i.soakMs)}) is shorter than \`poll-interval\` (${sec(i.pollIntervalMs)}): the soak will cover one answer per target group.`,
    );
  return out;
}

/** Combinations that depend on what the cluster and AWS said; checked once the Deployments and target groups are known. */
export function checkPlan(
  i: WatchPlanInputs,
  deployments: readonly { readonly name: string; readonly deployment: Deployment }[],
  plan: { readonly targetGroups: number; readonly pollIntervalMs: number; readonly soakMs: number },
): Problem[] {
  const out: Problem[] = [];
  const err = (message: string): void => void out.push({ level: 'error', message });
  const warn = (message: string): void => void out.push({ level: 'warning', message });
  if (plan.pollIntervalMs > i.pollIntervalMs) {
    const msg = `${plan.targetGroups} target groups at poll-interval ${sec(i.pollIntervalMs)} would exceed the gate's ELB budget; each is polled every ${sec(plan.pollIntervalMs)} instead`;
    const limit = i.settleTimeoutMs > 0 ? i.settleTimeoutMs : undefined;
    if (i.timeoutMs !== undefined && plan.pollIntervalMs >= i.timeoutMs)
      err(
        `${msg}, not shorter than \`timeout\` (${sec(i.timeoutMs)}). Watch fewer Deployments per run or raise timeout.`,
      );
    else if (limit !== undefined && plan.pollIntervalMs > limit)
      err(
        `${msg}, longer than \`settle-timeout\` (${sec(limit)}): a healthy release could fail before the load balancer is polled again. Watch fewer Deployments per run or raise settle-timeout.`,
      );
    else warn(`${msg}.`);
  }
  for (const { name, deployment } of deployments) {
    let unavailable: number;
    try {
      unavailable = maxUnavailable(deployment);
    } catch {
      unavailable = 0;
    }
    const strategy = deployment.spec?.strategy?.type ?? 'RollingUpdate';
    if (i.settleTimeoutMs === 0 && strategy === 'RollingUpdate' && unavailable === 0) {
      err(
        `\`settle-timeout: 0\` cannot pass deployment ${name}: with maxUnavailable 0 the last step of its rollout deletes old pods whose targets are still healthy when kubectl reports success, and the load balancer needs its deregistration to catch up. Leave settle-timeout at its default (5m) or set it to at least a minute.`,
      );
    } else if (i.settleTimeoutMs === 0) {
      warn(
        `\`settle-timeout: 0\`: deployment ${name} passes only if the load balancer has caught up at the very moment kubectl reports success; it usually trails by a few seconds.`,
      );
    }
    const timeout = i.timeoutMs ?? defaultTimeoutMs(deployment, i.settleTimeoutMs, plan.soakMs);
    if (i.timeoutMs === undefined && i.tolerateMs > 0 && i.tolerateMs >= timeout)
      err(
        `\`tolerate-seconds\` (${sec(i.tolerateMs)}) is not shorter than the default timeout of deployment ${name} (${sec(timeout)}: progressDeadlineSeconds + settle-timeout + soak). Lower tolerate-seconds.`,
      );
    const replicas = deployment.spec?.replicas ?? 1;
    if (i.minHealthy?.kind === 'count' && i.minHealthy.value > replicas)
      warn(
        `\`min-healthy\` ${i.minHealthy.value} is more than the ${replicas} replicas of deployment ${name}: the gate will fail unless it is scaled up.`,
      );
  }
  return out;
}
