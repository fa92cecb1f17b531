/**
 * The watch gate for one Deployment: a state machine fed with rollout, ReplicaSet, pod, target
 * health, probe and clock events, answering with progress, milestones and at most one verdict.
 * Time comes only from the injected Clock; nothing here does I/O.
 *
 * Decision rules (README.md, "How the gate decides", explains them for users):
 * - Fails when the Deployment exceeds its progress deadline (kubectl's rule), when a target group's
 *   healthy count of this Deployment's pods stays below the threshold for `tolerateMs` of observed
 *   time, when the new ReplicaSet's targets fail the load balancer's health check with none of them
 *   healthy for longer than the target group could take to recover (a broken release held back by
 *   readiness gates: no outage yet, but it can only end at the progress deadline), when a pod exits
 *   sooner after its deletion than the load balancer needs to stop routing to it while its target is
 *   still registered (old pods dying before deregistration: the requests routed to them fail, even
 *   when every count stays above the threshold), when the probe's
 *   error share exceeds the limit, when the load balancer has not caught up `settleTimeoutMs` after
 *   the rollout completed, or when the overall timeout passes.
 * - Passes when kubectl would say `successfully rolled out` and, in every target group, the new
 *   ReplicaSet's pods are at least `desired` healthy targets and no old or deleted pod is healthy.
 * - Unknown target health (throttling, errors) is neither healthy nor unhealthy; a stale
 *   observation can neither fail nor pass the gate, and a gap in the data restarts the
 *   below-threshold window, so the gate never fails on evidence it did not see.
 */
import { resolveThreshold, type ResolvedThreshold } from '../rollout/fenceposts.js';
import { revisionOf, rolloutStatus, type RolloutStatus } from '../rollout/status.js';
import { findNewReplicaSet, ownedReplicaSets } from '../rollout/templates.js';
import type { Deployment, ReplicaSet } from '../rollout/types.js';
import { countTargets, type PodIndex, type Tombstone } from './counting.js';
import type {
  Clock,
  GateConfig,
  GateEffect,
  GateEvent,
  Milestone,
  PodInfo,
  ProgressView,
  TargetCounts,
  TargetGroupRef,
  TargetHealthDescription,
  TimelinePoint,
  Verdict,
  VerdictReason,
  VerdictResult,
} from './types.js';

/** Used for the overall timeout until the Deployment is seen (the API default progress deadline). */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** How long new targets may all fail the health check when the target group's settings are unknown. */
const DEFAULT_UNHEALTHY_GRACE_MS = 60_000;
/** Tombstones kept for deleted pods, so a long rollout cannot grow memory without bound. */
const MAX_TOMBSTONES = 20_000;

interface TargetGroupState {
  readonly ref: TargetGroupRef;
  last?: { readonly at: number; readonly targets: readonly TargetHealthDescription[] };
  counts?: TargetCounts;
  /** A new observation arrived: count it against the pods as they are now. */
  recount: boolean;
  unknownSince?: number;
  unknownReason?: string;
  belowSince?: number;
  /** Since when every new-ReplicaSet target that left `initial` fails the health check. */
  newFailingSince?: number;
  minHealthy?: number;
  firstNewHealthyNoted: boolean;
  caughtUpNoted: boolean;
  lastTimelineHealthy?: number;
}

/** A read-only picture of the gate for reports and diagnostics. */
export interface GateSnapshot {
  readonly startedAt: number;
  readonly deployment: Deployment | undefined;
  readonly revision: number | undefined;
  readonly newReplicaSet: string | undefined;
  readonly rollout: RolloutStatus | undefined;
  readonly completeAt: number | undefined;
  readonly threshold: ResolvedThreshold | undefined;
  readonly pods: readonly PodInfo[];
  readonly targetGroups: readonly {
    readonly ref: TargetGroupRef;
    readonly counts?: TargetCounts;
    readonly lastObservedAt?: number;
    readonly unknownReason?: string;
    readonly minHealthy?: number;
  }[];
  readonly probe: { readonly total: number; readonly errors: number };
  readonly milestones: readonly Milestone[];
  readonly timeline: readonly TimelinePoint[];
  readonly verdict: Verdict | undefined;
}

export class Gate {
  private readonly startedAt: number;
  private deployment: Deployment | undefined;
  private deleted = false;
  private replicaSets: readonly ReplicaSet[] = [];
  private replicaSetsSeen = false;
  private podsSeen = false;
  private pods = new Map<string, PodInfo>();
  private gone = new Map<string, Tombstone>();
  /** When the gate saw each pod start terminating (only pods it saw before their deletion). */
  private readonly terminatingSince = new Map<string, number>();
  /** Pods that exited before the load balancer could stop routing to them. */
  private readonly earlyExits: { pod: string; afterMs: number; group: string; state: string }[] = [];
  private index: PodIndex = { byIp: new Map(), gone: new Map(), newReplicaSet: undefined };
  private newReplicaSet: ReplicaSet | undefined;
  private rollout: RolloutStatus | undefined;
  private completeAt: number | undefined;
  private threshold: ResolvedThreshold | undefined;
  private readonly groups: Map<string, TargetGroupState>;
  private probe = { total: 0, errors: 0 };
  private verdict: Verdict | undefined;
  private readonly milestones: Milestone[] = [];
  private readonly timeline: TimelinePoint[] = [];
  private lastProgressKey = '';
  private dirty = true;

  constructor(
    private readonly config: GateConfig,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    this.groups = new Map(
      config.targetGroups.map((ref) => [
        ref.arn,
        { ref, recount: false, firstNewHealthyNoted: false, caughtUpNoted: false },
      ]),
    );
  }

  /** Feeds one event; returns what changed. After the verdict every event is ignored. */
  handle(event: GateEvent): GateEffect[] {
    if (this.verdict) return [];
    const now = this.clock.now();
    const effects: GateEffect[] = [];
    const note = (text: string): void => {
      const milestone = { at: now, text };
      this.milestones.push(milestone);
      effects.push({ type: 'milestone', milestone });
    };
    this.apply(event, now, note);
    if (!this.verdict) this.evaluate(now, note);
    const view = this.progress(now);
    const key = progressKey(view);
    // Nothing to say until the Deployment, its ReplicaSets and pods are listed.
    if ((this.synced || this.verdict) && key !== this.lastProgressKey) {
      this.lastProgressKey = key;
      effects.push({ type: 'progress', view });
    }
    if (this.verdict) effects.push({ type: 'verdict', verdict: this.verdict });
    return effects;
  }

  get decided(): Verdict | undefined {
    return this.verdict;
  }

  snapshot(): GateSnapshot {
    return {
      startedAt: this.startedAt,
      deployment: this.deployment,
      revision: this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined,
      newReplicaSet: this.newReplicaSet?.metadata?.name,
      rollout: this.rollout,
      completeAt: this.completeAt,
      threshold: this.threshold,
      pods: [...this.pods.values()],
      targetGroups: [...this.groups.values()].map((g) => ({
        ref: g.ref,
        ...(g.counts ? { counts: g.counts } : {}),
        ...(g.last ? { lastObservedAt: g.last.at } : {}),
        ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
        ...(g.minHealthy !== undefined ? { minHealthy: g.minHealthy } : {}),
      })),
      probe: { ...this.probe },
      milestones: [...this.milestones],
      timeline: [...this.timeline],
      verdict: this.verdict,
    };
  }

  private apply(event: GateEvent, now: number, note: (text: string) => void): void {
    switch (event.type) {
      case 'deployment': {
        const before = this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined;
        this.deployment = event.deployment;
        const after = revisionOf(event.deployment.metadata?.annotations);
        if (before !== undefined && after !== before)
          note(`revision changed from ${before} to ${after ?? '?'} (a newer rollout started)`);
        this.dirty = true;
        return;
      }
      case 'deployment-deleted':
        this.deleted = true;
        return;
      case 'replicasets':
        this.replicaSets = event.replicaSets;
        this.replicaSetsSeen = true;
        this.dirty = true;
        return;
      case 'pods':
        this.setPods(event.pods, now, note);
        this.podsSeen = true;
        this.dirty = true;
        return;
      case 'target-health': {
        const group = this.groups.get(event.arn);
        if (!group) return;
        const obs = event.observation;
        if (obs.kind === 'known') {
          // A gap longer than the staleness limit breaks the below-threshold window: the gate only
          // fails on a window it actually observed.
          if (group.last && now - group.last.at > this.config.staleAfterMs) group.belowSince = undefined;
          if (group.unknownSince !== undefined)
            note(`${group.ref.name}: target health known again after ${seconds(now - group.unknownSince)}s`);
          group.last = { at: now, targets: obs.targets };
          group.recount = true;
          group.unknownSince = undefined;
          delete group.unknownReason;
        } else {
          if (group.unknownSince === undefined) {
            group.unknownSince = now;
            note(`${group.ref.name}: target health unknown (${obs.reason}); counted neither healthy nor unhealthy`);
          }
          group.unknownReason = obs.reason;
        }
        this.dirty = true;
        return;
      }
      case 'probe':
        this.probe = { total: event.total, errors: event.errors };
        return;
      case 'tick':
        return;
      case 'error':
        this.decide('error', 'error', event.message, now, note, false);
        return;
    }
  }

  private setPods(pods: readonly PodInfo[], now: number, note: (text: string) => void): void {
    const next = new Map(pods.map((p) => [p.name, p]));
    for (const [name, pod] of next) {
      const before = this.pods.get(name);
      if (pod.terminating && before && !before.terminating) this.terminatingSince.set(name, now);
    }
    for (const [name, old] of this.pods) {
      if (!next.has(name) && old.ip) {
        this.gone.set(old.ip, {
          pod: name,
          ...(old.replicaSet ? { replicaSet: old.replicaSet } : {}),
          namedPorts: old.namedPorts,
        });
        this.checkExit(name, old.ip, now, note);
      }
      if (!next.has(name)) this.terminatingSince.delete(name);
    }
    if (this.gone.size > MAX_TOMBSTONES) {
      for (const ip of [...this.gone.keys()].slice(0, this.gone.size - MAX_TOMBSTONES)) this.gone.delete(ip);
    }
    this.pods = next;
  }

  /**
   * A pod just disappeared: if the gate saw its deletion begin less than `deregistrationMs` ago and
   * the last answer of a target group still had its target in service (healthy, or draining: the
   * load balancer keeps routing to a deregistered target until the change has propagated), it died
   * before the load balancer let go of it. Pods the gate first saw already terminating are not judged.
   */
  private checkExit(name: string, ip: string, now: number, note: (text: string) => void): void {
    const limit = this.config.deregistrationMs ?? 0;
    const since = this.terminatingSince.get(name);
    if (limit <= 0 || since === undefined || now - since >= limit) return;
    for (const group of this.groups.values()) {
      const target = group.last?.targets.find((t) => t.id === ip && (t.state === 'healthy' || t.state === 'draining'));
      if (!target) continue;
      this.earlyExits.push({ pod: name, afterMs: now - since, group: group.ref.name, state: target.state });
      note(
        `${group.ref.name}: pod ${name} exited ${seconds(now - since)}s after its deletion while its target was ${target.state}`,
      );
      return;
    }
  }

  private rebuildIndex(): void {
    const d = this.deployment;
    const owned =
      d && this.replicaSetsSeen
        ? new Set(ownedReplicaSets(d, this.replicaSets).map((rs) => rs.metadata?.name))
        : undefined;
    this.newReplicaSet = d ? findNewReplicaSet(d, this.replicaSets) : undefined;
    const byIp = new Map<string, PodInfo>();
    for (const pod of this.pods.values()) {
      if (!pod.ip) continue;
      if (owned && (!pod.replicaSet || !owned.has(pod.replicaSet))) continue;
      const other = byIp.get(pod.ip);
      // Two pods on one IP happen only while an IP is reused; prefer the one that is not terminating.
      if (!other || (other.terminating && !pod.terminating)) byIp.set(pod.ip, pod);
    }
    for (const ip of byIp.keys()) this.gone.delete(ip);
    this.index = { byIp, gone: this.gone, newReplicaSet: this.newReplicaSet?.metadata?.name };
  }

  private get synced(): boolean {
    return this.deployment !== undefined && this.replicaSetsSeen && this.podsSeen;
  }

  private evaluate(now: number, note: (text: string) => void): void {
    if (this.deleted) {
      this.decide(
        'failed',
        'deleted',
        `deployment "${this.config.deployment}" was deleted while the gate watched it`,
        now,
        note,
        false,
      );
      return;
    }
    const d = this.deployment;
    if (!d || !this.synced) {
      this.checkTimeout(now, note);
      return;
    }
    const previousNew = this.newReplicaSet?.metadata?.name;
    if (this.dirty) {
      this.rebuildIndex();
      this.threshold = resolveThreshold(d, this.config.minHealthy);
    }
    const threshold = this.threshold ?? resolveThreshold(d, this.config.minHealthy);
    const newName = this.newReplicaSet?.metadata?.name;
    if (newName && newName !== previousNew) {
      note(
        `revision ${revisionOf(d.metadata?.annotations) ?? '?'}: new ReplicaSet ${newName}; threshold ${threshold.value} healthy targets per target group (${threshold.explanation})`,
      );
    }

    const early = this.earlyExits[0];
    if (early) {
      const more =
        this.earlyExits.length > 1
          ? ` (and ${this.earlyExits.length - 1} more pod${this.earlyExits.length > 2 ? 's' : ''})`
          : '';
      const limit = seconds(this.config.deregistrationMs ?? 0);
      this.decide(
        'failed',
        'exited-before-deregistration',
        `pod ${early.pod} exited ${seconds(early.afterMs)}s after its deletion while its target in ${early.group} was still ${early.state}${more}: the load balancer routes to a deregistered target for about ${limit}s (deregistration-seconds), so requests sent to it in that time fail. Give the pods a preStop delay of at least ${limit}s and a grace period that covers it.`,
        now,
        note,
        true,
      );
      return;
    }

    const status = rolloutStatus(d);
    if (status.phase !== this.rollout?.phase) {
      if (status.phase === 'complete') note(`rollout complete: ${status.message}`);
      else if (this.rollout?.phase === 'complete') note(`rollout progressing again: ${status.message}`);
    }
    this.rollout = status;
    if (status.phase === 'failed') {
      this.decide('failed', 'progress-deadline', status.message, now, note, true);
      return;
    }

    for (const group of this.groups.values()) {
      if (!group.last) continue;
      // Targets are counted against the pods as they are when the observation arrives, never
      // recounted when pods change later: a pod deleted after the poll must not turn its (then
      // healthy) target into a loss while the new pods' targets are not polled yet.
      if (group.recount || !group.counts) {
        group.counts = countTargets(group.ref, group.last.targets, this.index);
        group.recount = false;
      }
      const counts = group.counts;
      const fresh = now - group.last.at <= this.config.staleAfterMs && group.unknownSince === undefined;
      if (fresh) group.minHealthy = Math.min(group.minHealthy ?? Number.POSITIVE_INFINITY, counts.healthy);
      if (counts.healthy !== group.lastTimelineHealthy) {
        group.lastTimelineHealthy = counts.healthy;
        this.timeline.push({ at: now, arn: group.ref.arn, healthy: counts.healthy, threshold: threshold.value });
      }
      if (!group.firstNewHealthyNoted && counts.newHealthy > 0) {
        group.firstNewHealthyNoted = true;
        note(`${group.ref.name}: first healthy target of the new ReplicaSet`);
      }
      if (fresh && this.newReleaseFailing(group, counts, now, note)) return;
      if (counts.healthy >= threshold.value) {
        if (group.belowSince !== undefined)
          note(`${group.ref.name}: back at threshold (${counts.healthy} ≥ ${threshold.value})`);
        group.belowSince = undefined;
        continue;
      }
      if (!fresh) continue;
      if (group.belowSince === undefined) {
        group.belowSince = now;
        note(`${group.ref.name}: below threshold (${counts.healthy} < ${threshold.value}; ${describeStates(counts)})`);
      }
      if (now - group.belowSince >= this.config.tolerateMs) {
        const held = now - group.belowSince;
        const tolerate =
          this.config.tolerateMs > 0
            ? ` for ${seconds(held)}s (tolerate-seconds ${seconds(this.config.tolerateMs)})`
            : '';
        this.decide(
          'failed',
          'below-threshold',
          `target group ${group.ref.name}: ${counts.healthy} healthy targets of ${this.config.deployment} < threshold ${threshold.value}${tolerate}; ${describeStates(counts)}`,
          now,
          note,
          true,
        );
        return;
      }
    }
    this.dirty = false;

    if (this.probeExceeded()) {
      const share = ((this.probe.errors / Math.max(1, this.probe.total)) * 100).toFixed(2);
      this.decide(
        'failed',
        'probe-errors',
        `probe: ${this.probe.errors} of ${this.probe.total} requests failed or answered 5xx (${share}% > ${((this.config.maxErrorRate ?? 0) * 100).toFixed(2)}%)`,
        now,
        note,
        true,
      );
      return;
    }

    if (status.phase === 'complete') {
      this.completeAt ??= now;
      const desired = threshold.desired;
      const lagging: string[] = [];
      for (const group of this.groups.values()) {
        const c = group.counts;
        const fresh =
          group.last !== undefined &&
          now - group.last.at <= this.config.staleAfterMs &&
          group.unknownSince === undefined;
        if (!c || !fresh) lagging.push(`${group.ref.name}: no current target health`);
        else if (c.newHealthy < desired || c.oldHealthy > 0 || c.goneHealthy > 0) {
          lagging.push(
            `${group.ref.name}: ${c.newHealthy}/${desired} new targets healthy, ${c.oldHealthy} old and ${c.goneHealthy} deleted pods still healthy`,
          );
        } else if (!group.caughtUpNoted) {
          group.caughtUpNoted = true;
          note(
            `${group.ref.name}: load balancer caught up (${c.newHealthy} new targets healthy, no old target healthy)`,
          );
        }
      }
      if (lagging.length === 0) {
        const how =
          this.groups.size === 0
            ? 'rollout status only (no target group with per-pod health)'
            : `all ${this.groups.size} target group(s) have ${desired} healthy new targets and no old one`;
        this.decide('success', 'converged', `${status.message}; ${how}`, now, note, false);
        return;
      }
      if (now - this.completeAt >= this.config.settleTimeoutMs) {
        this.decide(
          'failed',
          'settle-timeout',
          `the load balancer did not catch up within settle-timeout ${seconds(this.config.settleTimeoutMs)}s after the rollout completed: ${lagging.join('; ')}`,
          now,
          note,
          true,
        );
        return;
      }
    } else {
      this.completeAt = undefined;
    }
    this.checkTimeout(now, note);
  }

  /**
   * A release whose pods never pass the load balancer's health check: some new targets are
   * `unhealthy` for a target's own reason (Target.ResponseCodeMismatch, Target.Timeout, ...), none is
   * healthy. A slow starter recovers within the target group's own healthy window; past twice that
   * (and past tolerate-seconds), the release is broken. Decides and returns true when it is.
   */
  private newReleaseFailing(
    group: TargetGroupState,
    counts: TargetCounts,
    now: number,
    note: (text: string) => void,
  ): boolean {
    const failing = counts.targets.filter(
      (t) => t.generation === 'new' && !t.gone && t.state === 'unhealthy' && !(t.reason ?? '').startsWith('Elb.'),
    );
    if (failing.length === 0 || counts.newHealthy > 0) {
      if (group.newFailingSince !== undefined)
        note(`${group.ref.name}: new targets no longer all failing the health check`);
      group.newFailingSince = undefined;
      return false;
    }
    if (group.newFailingSince === undefined) {
      group.newFailingSince = now;
      note(`${group.ref.name}: new targets fail the load balancer health check (${reasons(failing)})`);
    }
    const grace = Math.max(this.config.tolerateMs, group.ref.unhealthyGraceMs ?? DEFAULT_UNHEALTHY_GRACE_MS);
    if (now - group.newFailingSince < grace) return false;
    this.decide(
      'failed',
      'new-targets-unhealthy',
      `target group ${group.ref.name}: the new ReplicaSet's targets fail the load balancer health check (${reasons(failing)}) and none became healthy in ${seconds(now - group.newFailingSince)}s; the release would stall until its progress deadline`,
      now,
      note,
      true,
    );
    return true;
  }

  private probeExceeded(): boolean {
    const limit = this.config.maxErrorRate;
    if (limit === undefined || this.probe.errors === 0) return false;
    if (this.probe.errors <= limit * this.probe.total) return false;
    // With a zero limit any error fails; otherwise wait for a sample large enough for a share to mean something.
    return limit === 0 || this.probe.total >= 100;
  }

  private timeoutMs(): number {
    if (this.config.timeoutMs !== undefined) return this.config.timeoutMs;
    const deadline = this.deployment?.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
    return deadline * 1000 + this.config.settleTimeoutMs;
  }

  private checkTimeout(now: number, note: (text: string) => void): void {
    const limit = this.timeoutMs();
    if (now - this.startedAt < limit) return;
    const where = !this.deployment
      ? `deployment "${this.config.deployment}" was never seen`
      : !this.synced
        ? 'the ReplicaSets and pods were never listed'
        : (this.rollout?.message ?? 'rollout status unknown');
    this.decide('timeout', 'timeout', `timed out after ${seconds(limit)}s: ${where}`, now, note, true);
  }

  private decide(
    result: VerdictResult,
    reason: VerdictReason,
    message: string,
    now: number,
    note: (text: string) => void,
    rollbackAdvised: boolean,
  ): void {
    if (this.verdict) return;
    this.verdict = { result, reason, message, at: now, rollbackAdvised };
    note(`verdict: ${result} (${reason})`);
  }

  private progress(now: number): ProgressView {
    const threshold = this.threshold;
    return {
      deployment: this.config.deployment,
      rollout:
        this.rollout?.message ??
        (this.deployment ? 'waiting for ReplicaSets and pods to be listed' : 'waiting for the Deployment'),
      targetGroups: [...this.groups.values()].map((g) => ({
        arn: g.ref.arn,
        name: g.ref.name,
        threshold: threshold?.value ?? 0,
        desired: threshold?.desired ?? 0,
        ...(g.counts ? { counts: g.counts } : {}),
        stale: g.last === undefined || now - g.last.at > this.config.staleAfterMs || g.unknownSince !== undefined,
        ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
      })),
    };
  }
}

/** What a progress line depends on; a new line is printed only when this changes. */
function progressKey(view: ProgressView): string {
  return JSON.stringify([
    view.rollout,
    view.targetGroups.map((g) => [
      g.threshold,
      g.stale,
      g.counts
        ? [g.counts.healthy, g.counts.newHealthy, g.counts.oldHealthy, g.counts.goneHealthy, g.counts.byState]
        : null,
    ]),
  ]);
}

export function describeStates(counts: TargetCounts): string {
  const entries = Object.entries(counts.byState).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const states = entries.length > 0 ? entries.map(([s, n]) => `${s} ${n}`).join(', ') : 'no targets registered';
  return counts.goneHealthy > 0 ? `${states} (${counts.goneHealthy} healthy targets belong to deleted pods)` : states;
}

function reasons(targets: readonly TargetHealthDescription[]): string {
  const by = new Map<string, number>();
  for (const t of targets) by.set(t.reason ?? t.state, (by.get(t.reason ?? t.state) ?? 0) + 1);
  return [...by].map(([r, n]) => `${n} × ${r}`).join(', ');
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
