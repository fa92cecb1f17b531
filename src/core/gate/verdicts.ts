/**
 * The verdict rules of the watch gate, as one ordered table. The gate (gate.ts) keeps the facts
 * up to date and asks the rows in order; the first row whose check answers decides. The
 * `VerdictReason` type, the reasons the report may carry, and the "When it fails" list of
 * docs/watch.md are generated from this table (`npm run docs`; __tests__/watch/verdict-docs.test.ts
 * fails when they drift).
 *
 * Adding a rule (a new evidence source, say): one row here, reading a fact the gate computes or a
 * field of `facts.evidence` (evidence.ts). Order matters: a row is asked only when every row
 * above it had nothing to say.
 */
import type { ElbState } from '../metrics/judge.js';
import type { RolloutStatus } from '../rollout/status.js';
import type { Evidence } from './evidence.js';
import type { GateConfig, TargetCounts, VerdictClaim } from './types.js';

/** What one target group looks like to the rules at the moment of evaluation. */
export interface GroupFacts {
  readonly arn: string;
  readonly name: string;
  /** The last answer is recent enough to judge with (staleness limit, no unknown poll since). */
  readonly fresh: boolean;
  readonly counts: TargetCounts | undefined;
  /** Healthy targets this group must keep now, and why (thresholds.ts). */
  readonly required: number;
  readonly requiredWhy: string;
  /** How long the group has been below `required` in observed time; undefined when it is not. */
  readonly belowForMs: number | undefined;
  /** Every new target that left `initial` fails the health check and none is healthy: since when, and the grace. */
  readonly newFailing: { readonly forMs: number; readonly graceMs: number; readonly reasons: string } | undefined;
  /** Targets of serving new pods that were healthy and now fail the health check. */
  readonly degraded: readonly { readonly pod: string; readonly reason: string; readonly forMs: number }[];
  /** Why the load balancer has not caught up with the rollout yet; undefined when it has. */
  readonly lagging: string | undefined;
}

/** A pod that stopped serving while the load balancer could still route requests to it. */
export interface StoppedWhileRouted {
  readonly pod: string;
  readonly group: string;
  /** What the gate knows: `certain` (a poll sent after the pod stopped still had it healthy) or `likely` (within deregistration-seconds). */
  readonly certainty: 'certain' | 'likely';
  readonly detail: string;
}

/** Everything the rules read. Computed by the gate; pure data. */
export interface GateFacts {
  readonly now: number;
  readonly config: GateConfig;
  /** An adapter could not go on. */
  readonly error: string | undefined;
  /** The run was cancelled. */
  readonly cancelled: string | undefined;
  readonly deleted: boolean;
  /** The Deployment, its ReplicaSets and pods have been listed. */
  readonly synced: boolean;
  readonly rollout: RolloutStatus | undefined;
  /** spec.paused, or the Progressing condition says DeploymentPaused. */
  readonly paused: boolean;
  readonly stoppedWhileRouted: readonly StoppedWhileRouted[];
  readonly groups: readonly GroupFacts[];
  readonly evidence: Evidence;
  /** Since when kubectl's rule has held (undefined: not complete). */
  readonly completeForMs: number | undefined;
  /** The soak: since the load balancer caught up (undefined: not caught up). */
  readonly soak:
    | {
        readonly forMs: number;
        readonly lengthMs: number;
        /** Every target group has an answer requested after the soak ended. */
        readonly observedToEnd: boolean;
      }
    | undefined;
  /**
   * With `elb-metrics`: the decision on the load balancer's own counts (core/metrics/judge.ts) for
   * the window from the gate's first observation of the new revision to the soak's end (so far).
   */
  readonly elb: { readonly state: ElbState; readonly message: string } | undefined;
  readonly elapsedMs: number;
  readonly timeoutMs: number;
  /** Where the rollout stands, for the timeout message. */
  readonly waitingFor: string;
}

/**
 * Target health has held through the soak: the rollout is complete, the load balancer caught up and
 * stayed so for the soak, with a fresh answer of every target group after it ended. The window of
 * the load balancer's counts (`elb-metrics`) ends here.
 */
export function soakDone(f: Omit<GateFacts, 'elb'>): boolean {
  if (!f.synced || f.completeForMs === undefined || !f.soak) return false;
  if (f.soak.forMs < f.soak.lengthMs || !f.soak.observedToEnd) return false;
  return !f.groups.some((g) => !g.fresh || g.lagging !== undefined);
}

export interface VerdictRule {
  readonly reason: string;
  readonly result: 'success' | 'failed' | 'error';
  /** With `rollback: true`, does this verdict roll the Deployment back? */
  readonly rollback: boolean;
  readonly claim: VerdictClaim;
  /** One line for tables. */
  readonly title: string;
  /** The documentation paragraph (Markdown, zd-gate's own text). */
  readonly doc: string;
  /** The message when the rule decides, else undefined. */
  readonly check: (f: GateFacts) => string | undefined;
}

const s = (ms: number): string => `${Math.round(ms / 100) / 10}s`;

const tolerated = (f: GateFacts, forMs: number): boolean => forMs >= f.config.tolerateMs;

const rows = [
  {
    reason: 'error',
    result: 'error',
    rollback: false,
    claim: 'could-not-judge',
    title: 'the gate could not go on',
    doc: 'An adapter cannot go on: a missing permission (the message names it), a deleted target group, rejected credentials. No waiting fixes these; the run ends at once (exit code 2).',
    check: (f) => f.error,
  },
  {
    reason: 'cancelled',
    result: 'error',
    rollback: false,
    claim: 'could-not-judge',
    title: 'the run was cancelled',
    doc: 'SIGINT or SIGTERM (GitHub cancelling the job, Ctrl-C). The Deployments not decided yet end with this reason; the report, the outputs and the summary are still written.',
    check: (f) => f.cancelled,
  },
  {
    reason: 'deleted',
    result: 'failed',
    rollback: false,
    claim: 'not-rolled-out',
    title: 'the Deployment was deleted',
    doc: 'The Deployment was deleted while the gate watched it.',
    check: (f) => (f.deleted ? `deployment "${f.config.deployment}" was deleted while the gate watched it` : undefined),
  },
  {
    reason: 'exited-before-deregistration',
    result: 'failed',
    rollback: true,
    claim: 'requests-failed',
    title: 'a pod stopped serving while the load balancer still routed to it',
    doc: "A pod of the Deployment stopped serving (it went not Ready while terminating, or disappeared) while the load balancer could still send it requests: either a `DescribeTargetHealth` answer requested after the pod stopped still had its target `healthy` (certain), or the pod stopped less than `deregistration-seconds` after its deletion began, or after the last answer that had its target `healthy`, while its target was still registered (the load balancer keeps routing to a deregistered target until the change has propagated). Requests sent to it failed, even when every count stays above the threshold. The fix is a preStop delay that outlasts deregistration (and the load balancer controller's lag), and a grace period that covers it. Use about 60 for `deregistration-seconds` behind an NLB; 0 turns the `likely` half off.",
    check: (f) => {
      const first = f.stoppedWhileRouted[0];
      if (!first) return undefined;
      const n = f.stoppedWhileRouted.length;
      const more = n > 1 ? ` (and ${n - 1} more pod${n > 2 ? 's' : ''})` : '';
      const limit = s(f.config.deregistrationMs ?? 0);
      return `pod ${first.pod} ${first.detail} in ${first.group}${more}: requests the load balancer sent it failed. The load balancer routes to a target until about ${limit} (deregistration-seconds) after it is deregistered; give the pods a preStop delay longer than that plus the controller's lag, and a grace period that covers it.`;
    },
  },
  {
    reason: 'paused',
    result: 'failed',
    rollback: false,
    claim: 'not-rolled-out',
    title: 'the Deployment is paused',
    doc: 'The Deployment is paused (`spec.paused`; the controller\'s Progressing condition says `DeploymentPaused`, "Deployment is paused") before its rollout completed. A paused rollout never finishes and has no progress deadline, so the gate says so at once instead of timing out. No rollback is attempted: kubectl refuses to roll back a paused Deployment. Resume it with `kubectl rollout resume deployment/<name>` and run the gate again.',
    check: (f) =>
      f.synced && f.paused && f.rollout?.phase !== 'complete'
        ? `deployment "${f.config.deployment}" is paused (Progressing: DeploymentPaused, "Deployment is paused"): ${f.rollout?.message ?? 'the rollout has not started'}. A paused rollout does not finish and cannot be rolled back ("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"): run \`kubectl rollout resume deployment/${f.config.deployment}\`.`
        : undefined,
  },
  {
    reason: 'progress-deadline',
    result: 'failed',
    rollback: true,
    claim: 'not-rolled-out',
    title: "kubectl's progress deadline",
    doc: 'kubectl\'s rule: the Deployment\'s Progressing condition has reason `ProgressDeadlineExceeded` (`deployment "web" exceeded its progress deadline`).',
    check: (f) => (f.synced && f.rollout?.phase === 'failed' ? f.rollout.message : undefined),
  },
  {
    reason: 'new-targets-unhealthy',
    result: 'failed',
    rollback: true,
    claim: 'not-rolled-out',
    title: "the new ReplicaSet's targets fail the health check",
    doc: "The new ReplicaSet's targets fail the load balancer's health check (`unhealthy` with a target's reason such as `Target.ResponseCodeMismatch` or `Target.Timeout`) and none of them is healthy, for longer than twice the target group's own healthy window (interval × healthy threshold, from `DescribeTargetGroups`; 60 s when unknown) and than `tolerate-seconds`. This is the broken release held back by readiness gates: the old pods keep the threshold, so no capacity is lost yet, but the rollout can only end at the progress deadline. A slow starter that recovers within that window is not failed.",
    check: (f) => {
      if (!f.synced) return undefined;
      for (const g of f.groups) {
        const n = g.newFailing;
        if (!g.fresh || !n || n.forMs < Math.max(f.config.tolerateMs, n.graceMs)) continue;
        return `target group ${g.name}: the new ReplicaSet's targets fail the load balancer health check (${n.reasons}) and none became healthy in ${s(n.forMs)}; the release would stall until its progress deadline`;
      }
      return undefined;
    },
  },
  {
    reason: 'targets-degraded',
    result: 'failed',
    rollback: true,
    claim: 'requests-failed',
    title: 'healthy targets of the new release started failing the health check',
    doc: "A target of a serving pod of the new ReplicaSet that had been `healthy` fails the load balancer's health check (`unhealthy` with a target's reason), for `tolerate-seconds` of observed time. The load balancer sent it requests until it marked it unhealthy (interval × unhealthy threshold), so requests failed even when the count stays above the threshold. This is what the soak exists for: a release that degrades right after it rolled out.",
    check: (f) => {
      if (!f.synced) return undefined;
      for (const g of f.groups) {
        const hit = g.fresh ? g.degraded.filter((d) => tolerated(f, d.forMs)) : [];
        if (hit.length === 0) continue;
        const first = hit[0] as (typeof hit)[number];
        const more = hit.length > 1 ? ` and ${hit.length - 1} more` : '';
        return `target group ${g.name}: the target of pod ${first.pod}${more} was healthy and now fails the load balancer health check (${first.reason}); the load balancer sent it requests until it marked it unhealthy`;
      }
      return undefined;
    },
  },
  {
    reason: 'below-threshold',
    result: 'failed',
    rollback: true,
    claim: 'capacity-below-threshold',
    title: 'healthy targets below the threshold',
    doc: "A target group's count of healthy targets of the Deployment's serving pods stays below the threshold (docs: The threshold, and Scaling) for `tolerate-seconds` of *observed* time (0: the first such observation fails).",
    check: (f) => {
      if (!f.synced) return undefined;
      for (const g of f.groups) {
        if (!g.fresh || g.belowForMs === undefined || !g.counts || !tolerated(f, g.belowForMs)) continue;
        const held =
          f.config.tolerateMs > 0 ? ` for ${s(g.belowForMs)} (tolerate-seconds ${s(f.config.tolerateMs)})` : '';
        return `target group ${g.name}: ${g.counts.healthy} healthy targets of ${f.config.deployment} < threshold ${g.required} (${g.requiredWhy})${held}; ${describeStates(g.counts)}`;
      }
      return undefined;
    },
  },
  {
    reason: 'probe-errors',
    result: 'failed',
    rollback: true,
    claim: 'requests-failed',
    title: 'the probe measured failed requests',
    doc: 'With `probe-url`, the share of failed or 5xx requests exceeds `max-error-rate` (with `max-error-rate: 0` the first failure fails; otherwise after at least 100 requests).',
    check: (f) => {
      const p = f.evidence.probe;
      const limit = f.config.maxErrorRate;
      if (!p || limit === undefined || p.errors === 0 || p.errors <= limit * p.total) return undefined;
      // With a zero limit any error fails; otherwise wait for a sample large enough for a share to mean something.
      if (limit !== 0 && p.total < 100) return undefined;
      const share = ((p.errors / Math.max(1, p.total)) * 100).toFixed(2);
      return `probe: ${p.errors} of ${p.total} requests failed or answered 5xx (${share}% > ${(limit * 100).toFixed(2)}%)`;
    },
  },
  {
    reason: 'elb-errors',
    result: 'failed',
    rollback: true,
    claim: 'requests-failed',
    title: 'the load balancer reported errors of its own',
    doc: "With `elb-metrics: true`, the load balancers in front of the Deployment's target groups reported more errors of their own than `max-elb-errors` in the rollout's window (from the gate's first observation of the new revision to the end of the soak, in whole UTC minutes), and, when `max-elb-error-rate` is set, a larger share of the window's requests than that rate: `HTTPCode_ELB_502/503/504_Count` (all of `HTTPCode_ELB_5XX_Count`) for an Application Load Balancer, `TCP_ELB_Reset_Count` and `TCP_Target_Reset_Count` for a Network Load Balancer, read from CloudWatch. Without a rate the gate fails as soon as the published minutes exceed the count, before the window is complete; a rate is judged on the complete window. The message gives the counts per code, the baseline (the same number of minutes before the window) and the load balancers that also serve other target groups. See docs/elb-metrics.md.",
    check: (f) => (f.elb?.state === 'exceeded' ? f.elb.message : undefined),
  },
  {
    reason: 'settle-timeout',
    result: 'failed',
    rollback: true,
    claim: 'not-rolled-out',
    title: 'the load balancer did not catch up',
    doc: 'The rollout is complete but `settle-timeout` later the load balancer still has not caught up (new pods not all healthy targets, or an old or deleted pod still `healthy`).',
    check: (f) => {
      if (!f.synced || f.completeForMs === undefined || f.soak !== undefined) return undefined;
      if (f.completeForMs < f.config.settleTimeoutMs) return undefined;
      const lagging = f.groups.map((g) => g.lagging).filter((l): l is string => l !== undefined);
      return `the load balancer did not catch up within settle-timeout ${s(f.config.settleTimeoutMs)} after the rollout completed: ${lagging.join('; ')}`;
    },
  },
  {
    reason: 'elb-metrics-missing',
    result: 'error',
    rollback: false,
    claim: 'could-not-judge',
    title: "CloudWatch did not publish the window's counts in time",
    doc: "With `elb-metrics: true`, target health held through the soak, but `metrics-wait` after the soak's end CloudWatch still had not published the load balancer counts of the window's last minute (ELB publishes only minutes in which requests flowed, one to three minutes late). The gate does not pass on counts it has not seen, and does not fail a release on counts it has not seen either: the result is `error` (exit code 2), no rollback. The message says which load balancer is published through which minute, and the counts seen so far. Raise `metrics-wait`, or check that requests reach the load balancer and the job's region. See docs/elb-metrics.md.",
    check: (f) => (f.elb?.state === 'missing' ? f.elb.message : undefined),
  },
  {
    reason: 'timeout',
    result: 'failed',
    rollback: true,
    claim: 'not-rolled-out',
    title: '`timeout` passed',
    doc: '`timeout` passed before a verdict (default: `progressDeadlineSeconds` + `settle-timeout` + the soak, + `metrics-wait` with `elb-metrics`). It bounds the whole watch, connecting and listing included.',
    check: (f) => (f.elapsedMs >= f.timeoutMs ? `timed out after ${s(f.timeoutMs)}: ${f.waitingFor}` : undefined),
  },
  {
    reason: 'converged',
    result: 'success',
    rollback: false,
    claim: 'no-loss-seen',
    title: 'passed',
    doc: 'kubectl would print `successfully rolled out`, in every target group at least `spec.replicas` pods of the new ReplicaSet are `healthy` targets and no old or deleted pod is still `healthy` (`draining` is fine), and that held through the soak (`soak-seconds`) with a fresh answer of every target group after it ended. With `elb-metrics: true`, also once CloudWatch has published the whole window and its load-balancer errors are within `max-elb-errors` / `max-elb-error-rate`.',
    check: (f) => {
      if (!soakDone(f) || !f.soak) return undefined;
      if (f.elb !== undefined && f.elb.state !== 'within') return undefined;
      const how =
        f.groups.length === 0
          ? 'rollout status only (no target group with per-pod health)'
          : `all ${f.groups.length} target group(s) have their new targets healthy and no old one`;
      // With elb-metrics the pass waits for CloudWatch after the soak: say the soak, not the wait.
      const soakMs = f.elb ? f.soak.lengthMs : f.soak.forMs;
      const soak = f.soak.lengthMs > 0 ? `, for ${s(soakMs)} of soak` : '';
      const elb = f.elb ? `; ${f.elb.message}` : '';
      return `${f.rollout?.message ?? 'rolled out'}; ${how}${soak}${elb}`;
    },
  },
] as const satisfies readonly VerdictRule[];

/** The rules in evaluation order. */
export const VERDICT_RULES: readonly VerdictRule[] = rows;

/** Every reason a verdict can carry. */
export type VerdictReason = (typeof rows)[number]['reason'];

export const VERDICT_REASONS: readonly VerdictReason[] = rows.map((r) => r.reason);

export function verdictRule(reason: VerdictReason): VerdictRule {
  return rows.find((r) => r.reason === reason) as VerdictRule;
}

/** The first rule that decides, with its message. */
export function decide(f: GateFacts): { rule: VerdictRule & { reason: VerdictReason }; message: string } | undefined {
  for (const rule of rows) {
    const message = rule.check(f);
    if (message !== undefined) return { rule, message };
  }
  return undefined;
}

/** `draining 2, healthy 6, initial 2 (1 healthy targets belong to deleted pods)` */
export function describeStates(counts: TargetCounts): string {
  const entries = Object.entries(counts.byState).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const states = entries.length > 0 ? entries.map(([st, n]) => `${st} ${n}`).join(', ') : 'no targets registered';
  return counts.goneHealthy > 0 ? `${states} (${counts.goneHealthy} healthy targets belong to deleted pods)` : states;
}
