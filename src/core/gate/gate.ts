/**
 * The watch gate for one Deployment: a state machine fed with rollout, ReplicaSet, pod, target
 * health, evidence (the probe) and clock events, answering with progress, milestones and at most
 * one verdict. Time comes only from the injected Clock; nothing here does I/O.
 *
 * The gate keeps the facts up to date (counts per target group, the windows the rules measure,
 * the threshold as it follows scaling, the soak) and asks the ordered rule table of verdicts.ts,
 * which is the one place the decision rules are written down. Unknown target health (throttling,
 * errors) is neither healthy nor unhealthy; a stale observation can neither fail nor pass the gate,
 * and a gap in the data restarts the observed windows, so the gate never fails on evidence it did
 * not see.
 */
import { judge, type ElbJudgement } from '../metrics/judge.js';
import { assess, type RolloutWindow } from '../metrics/window.js';
import { revisionOf, rolloutStatus, type RolloutStatus } from '../rollout/status.js';
import { findNewReplicaSet, ownedReplicaSets } from '../rollout/templates.js';
import type { Deployment, ReplicaSet } from '../rollout/types.js';
import { countTargets, type PodIndex, type Tombstone } from './counting.js';
import type { Evidence } from './evidence.js';
import { isServing } from './pods.js';
import { DEFAULT_UNHEALTHY_GRACE_MS, defaultTimeoutMs } from './policy.js';
import { Thresholds } from './thresholds.js';
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
} from './types.js';
import {
  decide,
  describeStates,
  soakDone,
  type GateFacts,
  type GroupFacts,
  type StoppedWhileRouted,
} from './verdicts.js';

export { describeStates } from './verdicts.js';

/** Tombstones kept for deleted pods, so a long rollout cannot grow memory without bound. */
const MAX_TOMBSTONES = 20_000;

interface TargetGroupState {
  readonly ref: TargetGroupRef;
  last?: { readonly at: number; readonly requestedAt: number; readonly targets: readonly TargetHealthDescription[] };
  counts?: TargetCounts;
  /** A new observation arrived: count it against the pods as they are now. */
  recount: boolean;
  unknownSince?: number;
  unknownReason?: string;
  belowSince?: number;
  /** Since when every new-ReplicaSet target that left `initial` fails the health check. */
  newFailingSince?: number;
  /** IPs of new-ReplicaSet targets seen healthy in this group. */
  readonly seenHealthy: Set<string>;
  /** IP → since when a target that had been healthy fails the health check. */
  readonly degradedSince: Map<string, number>;
  /** IP → when the last answer that had the target healthy was requested. */
  readonly lastHealthyAt: Map<string, number>;
  /** IP → when the first answer that had the target draining (deregistered) was requested. */
  readonly firstDrainingAt: Map<string, number>;
  /** Answers requested since the load balancer caught up (for the soak report). */
  soakAnswers: number;
  minHealthy?: number;
  firstNewHealthyNoted: boolean;
  caughtUpNoted: boolean;
  lastTimelineHealthy?: number;
  lastTimelineRequired?: number;
}

/** What the soak covered, for the report. */
export interface SoakSnapshot {
  readonly lengthMs: number;
  /** When the load balancer caught up (the soak started); undefined if it never did. */
  readonly startedAt: number | undefined;
  /** Observed so far (up to the verdict). */
  readonly coveredMs: number;
  /** DescribeTargetHealth answers per target group requested during the soak. */
  readonly answers: Readonly<Record<string, number>>;
  /** Probe requests during the soak, when a probe runs. */
  readonly probeRequests: number | undefined;
}

/** A read-only picture of the gate for reports and diagnostics. */
export interface GateSnapshot {
  readonly startedAt: number;
  readonly deployment: Deployment | undefined;
  readonly revision: number | undefined;
  readonly newReplicaSet: string | undefined;
  readonly rollout: RolloutStatus | undefined;
  readonly completeAt: number | undefined;
  readonly threshold: { readonly value: number; readonly desired: number; readonly explanation: string } | undefined;
  readonly pods: readonly PodInfo[];
  readonly targetGroups: readonly {
    readonly ref: TargetGroupRef;
    readonly counts?: TargetCounts;
    readonly lastObservedAt?: number;
    readonly unknownReason?: string;
    readonly minHealthy?: number;
  }[];
  readonly probe: { readonly total: number; readonly errors: number };
  readonly evidence: Evidence;
  readonly soak: SoakSnapshot;
  readonly milestones: readonly Milestone[];
  readonly timeline: readonly TimelinePoint[];
  readonly verdict: Verdict | undefined;
  /** What the gate could not tell, each naming the input that closes it. */
  readonly blindSpots: readonly string[];
  /**
   * With `elb-metrics`: the rollout's window for the load balancer's counts, from the gate's first
   * observation of the new revision to the soak's end (or the verdict, when it came first; open
   * while neither happened).
   */
  readonly elbWindow: RolloutWindow | undefined;
  /** When target health had held through the soak (the window's end with `elb-metrics`). */
  readonly soakDoneAt: number | undefined;
}

export class Gate {
  private readonly startedAt: number;
  private deployment: Deployment | undefined;
  private deleted = false;
  private error: string | undefined;
  private cancelled: string | undefined;
  private replicaSets: readonly ReplicaSet[] = [];
  private replicaSetsSeen = false;
  private podsSeen = false;
  private pods = new Map<string, PodInfo>();
  private gone = new Map<string, Tombstone>();
  /** When the gate saw each pod start terminating (only pods it saw before their deletion). */
  private readonly terminatingSince = new Map<string, number>();
  /** When each pod stopped serving (terminating and not Ready, or gone). */
  private readonly stoppedAt = new Map<string, number>();
  private readonly stoppedWhileRouted: StoppedWhileRouted[] = [];
  private readonly judged = new Set<string>();
  /**
   * Pods that stopped while their target was still registered, when no answer bounds their
   * deregistration early enough to tell whether the load balancer still routed to them.
   */
  private readonly unresolved = new Map<
    string,
    { group: string; lastHealthyAt: number | undefined; drainingSeenAt: number | undefined; stoppedAt: number }
  >();
  private index: PodIndex = { byIp: new Map(), gone: new Map(), newReplicaSet: undefined };
  private newReplicaSet: ReplicaSet | undefined;
  /** The Deployment's own ReplicaSets (undefined until both are known). */
  private owned: ReadonlySet<string | undefined> | undefined;
  private rollout: RolloutStatus | undefined;
  private completeAt: number | undefined;
  private caughtUpAt: number | undefined;
  /** The last soak that was interrupted (the load balancer stopped showing the finished rollout). */
  private lastSoak: { startedAt: number; endedAt: number; answers: Record<string, number> } | undefined;
  private probeAtCaughtUp: number | undefined;
  private readonly thresholds: Thresholds;
  private readonly groups: Map<string, TargetGroupState>;
  private evidence: Evidence = {};
  private verdict: Verdict | undefined;
  private readonly milestones: Milestone[] = [];
  private readonly timeline: TimelinePoint[] = [];
  private lastProgressKey = '';
  /** The Deployment or its ReplicaSets changed: the new ReplicaSet and ownership are to be found again. */
  private templatesDirty = true;
  /** Pods or ownership changed: the IP index is to be rebuilt before targets are counted again. */
  private indexDirty = true;
  private revisionNoted: number | undefined;
  /** The gate's first observation of the new revision: where the load balancer's window starts. */
  private revisionSeenAt: number | undefined;
  /** Target health held through the soak (soakDone): where the load balancer's window ends. */
  private soakDoneAt: number | undefined;

  constructor(
    private readonly config: GateConfig,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    this.groups = new Map(
      config.targetGroups.map((ref) => [
        ref.arn,
        {
          ref,
          recount: false,
          seenHealthy: new Set(),
          degradedSince: new Map(),
          lastHealthyAt: new Map(),
          firstDrainingAt: new Map(),
          soakAnswers: 0,
          firstNewHealthyNoted: false,
          caughtUpNoted: false,
        },
      ]),
    );
    this.thresholds = new Thresholds(config.minHealthy, new Map(config.targetGroups.map((t) => [t.arn, t.name])));
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
    this.evaluate(now, note);
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
    const t = this.thresholds.current;
    const now = this.verdict?.at ?? this.clock.now();
    return {
      startedAt: this.startedAt,
      deployment: this.deployment,
      revision: this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined,
      newReplicaSet: this.newReplicaSet?.metadata?.name,
      rollout: this.rollout,
      completeAt: this.completeAt,
      threshold: t ? { value: t.value, desired: t.desired, explanation: t.explanation } : undefined,
      pods: [...this.pods.values()],
      targetGroups: [...this.groups.values()].map((g) => ({
        ref: g.ref,
        ...(g.counts ? { counts: g.counts } : {}),
        ...(g.last ? { lastObservedAt: g.last.at } : {}),
        ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
        ...(g.minHealthy !== undefined ? { minHealthy: g.minHealthy } : {}),
      })),
      probe: { total: this.evidence.probe?.total ?? 0, errors: this.evidence.probe?.errors ?? 0 },
      evidence: this.evidence,
      soak: {
        lengthMs: this.config.soakMs ?? 0,
        startedAt: this.caughtUpAt ?? this.lastSoak?.startedAt,
        coveredMs:
          this.caughtUpAt !== undefined
            ? Math.max(0, now - this.caughtUpAt)
            : this.lastSoak
              ? this.lastSoak.endedAt - this.lastSoak.startedAt
              : 0,
        answers: this.caughtUpAt === undefined && this.lastSoak ? this.lastSoak.answers : this.soakAnswers(),
        probeRequests:
          this.evidence.probe && this.probeAtCaughtUp !== undefined
            ? this.evidence.probe.total - this.probeAtCaughtUp
            : undefined,
      },
      milestones: [...this.milestones],
      timeline: [...this.timeline],
      verdict: this.verdict,
      blindSpots: this.blindSpots(),
      elbWindow: this.config.elb ? this.elbWindow() : undefined,
      soakDoneAt: this.soakDoneAt,
    };
  }

  /** The window of the load balancer's counts, as far as it is known now. */
  private elbWindow(): RolloutWindow {
    const end = this.soakDoneAt ?? this.verdict?.at;
    return { startMs: this.revisionSeenAt ?? this.startedAt, ...(end !== undefined ? { endMs: end } : {}) };
  }

  private soakAnswers(): Record<string, number> {
    return Object.fromEntries([...this.groups.values()].map((g) => [g.ref.arn, g.soakAnswers]));
  }

  private blindSpots(): string[] {
    if (this.unresolved.size === 0) return [];
    const pods = [...this.unresolved.keys()];
    const limit = seconds(this.config.deregistrationMs ?? 0);
    const shown = pods.slice(0, 5).join(', ') + (pods.length > 5 ? ` and ${pods.length - 5} more` : '');
    return [
      `stopped near deregistration: ${pods.length} pod${pods.length > 1 ? 's' : ''} (${shown}) stopped serving while ${pods.length > 1 ? 'their targets were' : 'its target was'} still registered, and no DescribeTargetHealth answer showed ${pods.length > 1 ? 'them' : 'it'} deregistered at least deregistration-seconds (${limit}s) earlier: between two answers the gate cannot tell whether the load balancer still routed requests to ${pods.length > 1 ? 'them' : 'it'}. \`probe-url\` measures those requests; a shorter \`poll-interval\` narrows the window; a preStop delay longer than the load balancer controller's lag plus deregistration-seconds removes it.`,
    ];
  }

  private apply(event: GateEvent, now: number, note: (text: string) => void): void {
    switch (event.type) {
      case 'deployment': {
        this.deployment = event.deployment;
        this.thresholds.update(event.deployment);
        this.templatesDirty = true;
        return;
      }
      case 'deployment-deleted':
        this.deleted = true;
        return;
      case 'replicasets':
        this.replicaSets = event.replicaSets;
        this.replicaSetsSeen = true;
        this.templatesDirty = true;
        return;
      case 'pods':
        this.setPods(event.pods, now, note);
        this.podsSeen = true;
        this.indexDirty = true;
        return;
      case 'target-health': {
        const group = this.groups.get(event.arn);
        if (!group) return;
        const obs = event.observation;
        if (obs.kind === 'known') {
          // A gap longer than the staleness limit breaks the observed windows: the gate only fails
          // on a window it actually observed.
          if (group.last && now - group.last.at > this.config.staleAfterMs) this.restartWindows(group);
          if (group.unknownSince !== undefined)
            note(`${group.ref.name}: target health known again after ${seconds(now - group.unknownSince)}s`);
          const requestedAt = Math.min(now, obs.requestedAt ?? now);
          group.last = { at: now, requestedAt, targets: obs.targets };
          group.recount = true;
          group.unknownSince = undefined;
          delete group.unknownReason;
          if (this.caughtUpAt !== undefined && requestedAt >= this.caughtUpAt) group.soakAnswers++;
        } else {
          if (group.unknownSince === undefined) {
            group.unknownSince = now;
            note(`${group.ref.name}: target health unknown (${obs.reason}); counted neither healthy nor unhealthy`);
          }
          group.unknownReason = obs.reason;
        }
        return;
      }
      case 'evidence':
        this.evidence = { ...this.evidence, [event.source]: event.value };
        return;
      case 'tick':
        return;
      case 'error':
        this.error ??= event.message;
        return;
      case 'cancel':
        this.cancelled ??= event.message;
        return;
    }
  }

  private restartWindows(group: TargetGroupState): void {
    group.belowSince = undefined;
    group.newFailingSince = undefined;
    group.degradedSince.clear();
  }

  private setPods(pods: readonly PodInfo[], now: number, note: (text: string) => void): void {
    const next = new Map<string, PodInfo>();
    for (const pod of pods) next.set(pod.name, pod);
    for (const [name, pod] of next) {
      const before = this.pods.get(name);
      // The feed hands over the same object for a pod that did not change: nothing to note.
      if (before === pod) continue;
      if (pod.terminating && before && !before.terminating) this.terminatingSince.set(name, now);
      if (pod.terminating && !isServing(pod) && !this.stoppedAt.has(name) && pod.ip) {
        this.stoppedAt.set(name, now);
        this.checkStop(name, pod.ip, now, note);
      }
    }
    for (const [name, old] of this.pods) {
      if (next.has(name)) continue;
      if (old.ip) {
        this.gone.set(old.ip, {
          pod: name,
          ...(old.replicaSet ? { replicaSet: old.replicaSet } : {}),
          namedPorts: old.namedPorts,
        });
        if (!this.stoppedAt.has(name)) {
          this.stoppedAt.set(name, now);
          this.checkStop(name, old.ip, now, note);
        }
      }
      this.terminatingSince.delete(name);
    }
    if (this.gone.size > MAX_TOMBSTONES) {
      for (const ip of [...this.gone.keys()].slice(0, this.gone.size - MAX_TOMBSTONES)) this.gone.delete(ip);
    }
    // stoppedAt is read for tombstones too; keep it bounded with them.
    if (this.stoppedAt.size > 2 * MAX_TOMBSTONES) {
      const keep = new Set([...next.keys(), ...[...this.gone.values()].map((t) => t.pod)]);
      for (const name of [...this.stoppedAt.keys()]) if (!keep.has(name)) this.stoppedAt.delete(name);
    }
    this.pods = next;
  }

  /**
   * A pod just stopped serving: if the load balancer could still route to it, requests failed.
   * Still routed means its target was registered (healthy or draining) in a group's last answer,
   * and the pod stopped less than `deregistrationMs` after the later of its deletion (as the gate
   * saw it begin) and the last answer that had its target healthy: the load balancer keeps routing
   * to a deregistered target until the change has propagated. A pod whose deletion the gate did not
   * see and whose target it never saw healthy is not judged.
   */
  private checkStop(name: string, ip: string, now: number, note: (text: string) => void): void {
    const limit = this.config.deregistrationMs ?? 0;
    if (limit <= 0 || this.judged.has(name)) return;
    for (const group of this.groups.values()) {
      const target = group.last?.targets.find((t) => t.id === ip && (t.state === 'healthy' || t.state === 'draining'));
      if (!target) continue;
      const deletion = this.terminatingSince.get(name);
      const healthyAt = group.lastHealthyAt.get(ip);
      const from = Math.max(deletion ?? Number.NEGATIVE_INFINITY, healthyAt ?? Number.NEGATIVE_INFINITY);
      if (!Number.isFinite(from) || now - from >= limit) {
        // Not within deregistration-seconds of what the gate knows; but if the deregistration may
        // have come later than that (no answer has shown the target deregistered early enough), the
        // gate cannot tell whether the load balancer still routed to the pod: a blind spot.
        const drainingAt = group.firstDrainingAt.get(ip);
        if (drainingAt === undefined || drainingAt > now - limit)
          this.unresolved.set(name, {
            group: group.ref.name,
            lastHealthyAt: healthyAt,
            drainingSeenAt: drainingAt,
            stoppedAt: now,
          });
        continue;
      }
      const detail =
        healthyAt !== undefined && (deletion === undefined || healthyAt > deletion)
          ? `stopped serving ${seconds(now - healthyAt)}s after a DescribeTargetHealth answer still had its target healthy (${target.state} in the last answer)`
          : `stopped serving ${seconds(now - (deletion as number))}s after its deletion while its target was still ${target.state}`;
      this.flagStopped({ pod: name, group: group.ref.name, certainty: 'likely', detail }, note);
      return;
    }
  }

  /** An answer was requested after a pod had stopped serving, and still had its target healthy. */
  private checkRoutedAfterStop(group: TargetGroupState, note: (text: string) => void): void {
    const last = group.last;
    if (!last) return;
    for (const t of last.targets) {
      if (t.state !== 'healthy') continue;
      const pod = this.index.byIp.get(t.id)?.name ?? this.index.gone.get(t.id)?.pod;
      if (!pod || this.judged.has(pod)) continue;
      const stopped = this.stoppedAt.get(pod);
      if (stopped === undefined || stopped > last.requestedAt) continue;
      this.flagStopped(
        {
          pod,
          group: group.ref.name,
          certainty: 'certain',
          detail: `had stopped serving ${seconds(last.requestedAt - stopped)}s before a DescribeTargetHealth answer that still had its target healthy (not even deregistered)`,
        },
        note,
      );
    }
  }

  private flagStopped(s: StoppedWhileRouted, note: (text: string) => void): void {
    this.judged.add(s.pod);
    this.unresolved.delete(s.pod);
    this.stoppedWhileRouted.push(s);
    note(`${s.group}: pod ${s.pod} ${s.detail}`);
  }

  /** The new ReplicaSet and the Deployment's own ReplicaSets, found again after either changed. */
  private refreshTemplates(): void {
    if (!this.templatesDirty) return;
    const d = this.deployment;
    this.owned =
      d && this.replicaSetsSeen
        ? new Set(ownedReplicaSets(d, this.replicaSets).map((rs) => rs.metadata?.name))
        : undefined;
    this.newReplicaSet = d ? findNewReplicaSet(d, this.replicaSets) : undefined;
    this.templatesDirty = false;
    this.indexDirty = true;
  }

  /**
   * The pods by IP, as they are now: rebuilt only when targets are about to be counted and the
   * pods or their ownership changed since (a large rollout changes pods many times per poll).
   */
  private refreshIndex(): void {
    this.refreshTemplates();
    if (!this.indexDirty) return;
    const owned = this.owned;
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
    this.indexDirty = false;
  }

  private get synced(): boolean {
    return this.deployment !== undefined && this.replicaSetsSeen && this.podsSeen;
  }

  /** Brings the facts up to date and asks the rule table. */
  private evaluate(now: number, note: (text: string) => void): void {
    const groups: GroupFacts[] = [];
    const d = this.deployment;
    if (d && this.synced) {
      const previousNew = this.newReplicaSet?.metadata?.name;
      this.refreshTemplates();
      this.noteRevision(d, previousNew, note);
      for (const text of this.thresholds.takeNotes()) note(text);
      const status = rolloutStatus(d);
      if (status.phase !== this.rollout?.phase) {
        if (status.phase === 'complete') note(`rollout complete: ${status.message}`);
        else if (this.rollout?.phase === 'complete') note(`rollout progressing again: ${status.message}`);
      }
      this.rollout = status;
      for (const group of this.groups.values()) groups.push(this.groupFacts(group, now, note));
      for (const text of this.thresholds.takeNotes()) note(text);
      this.trackCompletion(status, groups, now, note);
    }
    const facts = this.facts(now, groups);
    const decision = decide(facts);
    if (!decision) return;
    const { rule, message } = decision;
    this.verdict = {
      result: rule.result,
      reason: rule.reason,
      message,
      at: now,
      rollbackAdvised: rule.rollback,
      claim: rule.claim,
    };
    note(`verdict: ${rule.result} (${rule.reason})`);
  }

  private noteRevision(d: Deployment, previousNew: string | undefined, note: (text: string) => void): void {
    const newName = this.newReplicaSet?.metadata?.name;
    if (!newName || newName === previousNew) return;
    const revision = revisionOf(d.metadata?.annotations);
    const t = this.thresholds.current;
    this.revisionSeenAt ??= this.clock.now();
    if (this.revisionNoted === undefined) {
      note(
        `revision ${revision ?? '?'}: new ReplicaSet ${newName}; threshold ${t?.value ?? '?'} healthy targets per target group (${t?.explanation ?? '?'})`,
      );
    } else if (revision !== this.revisionNoted) {
      note(
        `revision ${revision ?? '?'} (ReplicaSet ${newName}) replaced revision ${this.revisionNoted} while the gate watched (another deploy): the gate now follows revision ${revision ?? '?'}`,
      );
    }
    this.revisionNoted = revision;
  }

  private groupFacts(group: TargetGroupState, now: number, note: (text: string) => void): GroupFacts {
    const last = group.last;
    if (last && (group.recount || !group.counts)) {
      this.refreshIndex();
      // Targets are counted against the pods as they are when the observation arrives, never
      // recounted when pods change later: a pod deleted after the poll must not turn its (then
      // healthy) target into a loss while the new pods' targets are not polled yet.
      group.counts = countTargets(group.ref, last.targets, this.index);
      group.recount = false;
      this.afterAnswer(group, group.counts, last.requestedAt, now, note);
      this.checkRoutedAfterStop(group, note);
    }
    const counts = group.counts;
    const fresh = last !== undefined && now - last.at <= this.config.staleAfterMs && group.unknownSince === undefined;
    if (fresh && counts) this.thresholds.observe(group.ref.arn, counts.healthy);
    const required = this.thresholds.required(group.ref.arn);
    if (counts) {
      if (fresh) group.minHealthy = Math.min(group.minHealthy ?? Number.POSITIVE_INFINITY, counts.healthy);
      if (counts.healthy !== group.lastTimelineHealthy || required.value !== group.lastTimelineRequired) {
        group.lastTimelineHealthy = counts.healthy;
        group.lastTimelineRequired = required.value;
        this.timeline.push({ at: now, arn: group.ref.arn, healthy: counts.healthy, threshold: required.value });
      }
      if (!group.firstNewHealthyNoted && counts.newHealthy > 0) {
        group.firstNewHealthyNoted = true;
        note(`${group.ref.name}: first healthy target of the new ReplicaSet`);
      }
      if (counts.healthy >= required.value) {
        if (group.belowSince !== undefined)
          note(`${group.ref.name}: back at threshold (${counts.healthy} ≥ ${required.value})`);
        group.belowSince = undefined;
      } else if (fresh && group.belowSince === undefined) {
        group.belowSince = now;
        note(`${group.ref.name}: below threshold (${counts.healthy} < ${required.value}; ${describeStates(counts)})`);
      }
    }
    const newFailing = fresh && counts ? this.newFailing(group, counts, now, note) : undefined;
    const degraded = [...group.degradedSince].map(([ip, since]) => {
      const t = counts?.targets.find((x) => x.id === ip);
      return { pod: t?.pod ?? ip, reason: t?.reason ?? 'unhealthy', forMs: now - since };
    });
    return {
      arn: group.ref.arn,
      name: group.ref.name,
      fresh,
      counts,
      required: required.value,
      requiredWhy: required.why,
      belowForMs: group.belowSince === undefined ? undefined : now - group.belowSince,
      newFailing,
      degraded,
      lagging: this.lagging(group, counts, fresh),
    };
  }

  /** Bookkeeping per new answer: last-healthy times, targets that degraded. */
  private afterAnswer(
    group: TargetGroupState,
    counts: TargetCounts,
    requestedAt: number,
    now: number,
    note: (text: string) => void,
  ): void {
    for (const t of counts.targets) {
      if (t.generation === 'foreign') continue;
      if (t.state === 'healthy') group.lastHealthyAt.set(t.id, requestedAt);
      if (t.state === 'draining' && !group.firstDrainingAt.has(t.id)) group.firstDrainingAt.set(t.id, requestedAt);
      if (t.generation !== 'new' || t.gone) continue;
      const pod = this.index.byIp.get(t.id);
      if (!pod || pod.terminating) {
        group.degradedSince.delete(t.id);
        continue;
      }
      if (t.state === 'healthy') {
        group.seenHealthy.add(t.id);
        if (group.degradedSince.delete(t.id)) note(`${group.ref.name}: the target of pod ${pod.name} is healthy again`);
      } else if (
        t.state === 'unhealthy' &&
        group.seenHealthy.has(t.id) &&
        !(t.reason ?? '').startsWith('Elb.') &&
        !group.degradedSince.has(t.id)
      ) {
        group.degradedSince.set(t.id, now);
        note(
          `${group.ref.name}: the target of pod ${pod.name} was healthy and now fails the health check (${t.reason ?? 'unhealthy'})`,
        );
      }
    }
    for (const ip of [...group.degradedSince.keys()])
      if (!counts.targets.some((t) => t.id === ip && t.state === 'unhealthy')) group.degradedSince.delete(ip);
  }

  /**
   * A release whose pods never pass the load balancer's health check: some new targets are
   * `unhealthy` for a target's own reason (Target.ResponseCodeMismatch, Target.Timeout, ...), none is
   * healthy. Answers how long that has held, and the grace the rule gives it.
   */
  private newFailing(
    group: TargetGroupState,
    counts: TargetCounts,
    now: number,
    note: (text: string) => void,
  ): GroupFacts['newFailing'] {
    const failing = counts.targets.filter(
      (t) =>
        t.generation === 'new' &&
        !t.gone &&
        t.state === 'unhealthy' &&
        !group.seenHealthy.has(t.id) &&
        !(t.reason ?? '').startsWith('Elb.'),
    );
    if (failing.length === 0 || counts.newHealthy > 0) {
      if (group.newFailingSince !== undefined)
        note(`${group.ref.name}: new targets no longer all failing the health check`);
      group.newFailingSince = undefined;
      return undefined;
    }
    if (group.newFailingSince === undefined) {
      group.newFailingSince = now;
      note(`${group.ref.name}: new targets fail the load balancer health check (${reasons(failing)})`);
    }
    return {
      forMs: now - group.newFailingSince,
      graceMs: group.ref.unhealthyGraceMs ?? DEFAULT_UNHEALTHY_GRACE_MS,
      reasons: reasons(failing),
    };
  }

  /** Why the load balancer does not show the finished rollout yet; undefined when it does. */
  private lagging(group: TargetGroupState, c: TargetCounts | undefined, fresh: boolean): string | undefined {
    const desired = this.thresholds.current?.desired ?? 0;
    if (!c || !fresh) return `${group.ref.name}: no current target health`;
    if (c.newHealthy < desired || c.oldHealthy > 0 || c.goneHealthy > 0)
      return `${group.ref.name}: ${c.newHealthy}/${desired} new targets healthy, ${c.oldHealthy} old and ${c.goneHealthy} deleted pods still healthy`;
    return undefined;
  }

  /** kubectl's completion, the load balancer catching up, and the soak that follows. */
  private trackCompletion(
    status: RolloutStatus,
    groups: readonly GroupFacts[],
    now: number,
    note: (text: string) => void,
  ): void {
    if (status.phase !== 'complete') {
      this.completeAt = undefined;
      this.resetSoak();
      return;
    }
    this.completeAt ??= now;
    const caughtUp = groups.every((g) => g.lagging === undefined);
    if (!caughtUp) {
      if (this.caughtUpAt !== undefined)
        note(`the load balancer no longer shows the finished rollout; the soak restarts once it does`);
      this.resetSoak();
      return;
    }
    for (const g of groups) {
      const state = this.groups.get(g.arn) as TargetGroupState;
      if (!state.caughtUpNoted) {
        state.caughtUpNoted = true;
        note(
          `${g.name}: load balancer caught up (${g.counts?.newHealthy ?? 0} new targets healthy, no old target healthy)`,
        );
      }
    }
    if (this.caughtUpAt === undefined) {
      this.caughtUpAt = now;
      this.probeAtCaughtUp = this.evidence.probe?.total;
      for (const g of this.groups.values()) g.soakAnswers = 0;
      const soak = this.config.soakMs ?? 0;
      if (soak > 0)
        note(
          `soak: watching target health${this.evidence.probe ? ' and the probe' : ''} for ${seconds(soak)}s before passing`,
        );
    }
  }

  private resetSoak(): void {
    this.soakDoneAt = undefined;
    if (this.caughtUpAt !== undefined)
      this.lastSoak = { startedAt: this.caughtUpAt, endedAt: this.clock.now(), answers: this.soakAnswers() };
    this.caughtUpAt = undefined;
    this.probeAtCaughtUp = undefined;
    for (const g of this.groups.values()) g.caughtUpNoted = false;
  }

  private facts(now: number, groups: readonly GroupFacts[]): GateFacts {
    const base = this.baseFacts(now, groups);
    if (!this.config.elb) return { ...base, elb: undefined };
    if (soakDone(base)) this.soakDoneAt ??= now;
    const elb = this.judgeElb(now);
    const waiting =
      this.soakDoneAt !== undefined && elb.state === 'pending'
        ? `target health held through the soak; ${elb.message} (metrics-wait ${seconds(this.config.elb.waitMs)}s)`
        : base.waitingFor;
    return { ...base, elb, waitingFor: waiting };
  }

  /** The load balancer's counts for the window so far (`elb-metrics`). */
  private judgeElb(now: number): ElbJudgement {
    const elb = this.config.elb as NonNullable<GateConfig['elb']>;
    const waitExpired = this.soakDoneAt !== undefined && now - this.soakDoneAt >= elb.waitMs;
    const view = this.evidence.elb?.view;
    if (!view) {
      if (!waitExpired) return { state: 'pending', message: 'waiting for the first CloudWatch read' };
      return {
        state: 'missing',
        message: `no CloudWatch read of the load balancer metrics succeeded within metrics-wait ${seconds(elb.waitMs)}s after the soak ended; the gate does not pass on counts it has not seen`,
      };
    }
    const arns = this.config.targetGroups.map((t) => t.arn);
    return judge(assess(view, arns, this.elbWindow(), now), elb.limits, { waitExpired, waitMs: elb.waitMs });
  }

  private baseFacts(now: number, groups: readonly GroupFacts[]): Omit<GateFacts, 'elb'> {
    const soakMs = this.config.soakMs ?? 0;
    const d = this.deployment;
    const timeoutMs =
      this.config.timeoutMs ??
      defaultTimeoutMs(d, this.config.settleTimeoutMs, soakMs) + (this.config.elb?.waitMs ?? 0);
    const caughtUp = this.caughtUpAt;
    const progressing = d?.status?.conditions?.find((c) => c.type === 'Progressing');
    return {
      now,
      config: this.config,
      error: this.error,
      cancelled: this.cancelled,
      deleted: this.deleted,
      synced: this.synced,
      rollout: this.rollout,
      // The condition lags the spec: right after `kubectl rollout resume` it still says paused until observed.
      paused:
        d?.spec?.paused === true ||
        (progressing?.reason === 'DeploymentPaused' &&
          (d?.status?.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 0)),
      stoppedWhileRouted: this.stoppedWhileRouted,
      groups,
      evidence: this.evidence,
      completeForMs: this.completeAt === undefined ? undefined : now - this.completeAt,
      soak:
        caughtUp === undefined
          ? undefined
          : {
              forMs: now - caughtUp,
              lengthMs: soakMs,
              // Without a soak the answer that showed the load balancer caught up is enough.
              observedToEnd:
                soakMs === 0 ||
                [...this.groups.values()].every((g) => g.last !== undefined && g.last.requestedAt >= caughtUp + soakMs),
            },
      elapsedMs: now - this.startedAt,
      timeoutMs,
      waitingFor: !d
        ? `deployment "${this.config.deployment}" was never seen`
        : !this.synced
          ? 'the ReplicaSets and pods were never listed'
          : ((this.rollout?.phase === 'complete' && caughtUp !== undefined
              ? `the soak had run ${seconds(now - caughtUp)}s of ${seconds(soakMs)}s`
              : this.rollout?.message) ?? 'rollout status unknown'),
    };
  }

  private progress(now: number): ProgressView {
    const t = this.thresholds.current;
    return {
      deployment: this.config.deployment,
      rollout:
        this.rollout?.message ??
        (this.deployment ? 'waiting for ReplicaSets and pods to be listed' : 'waiting for the Deployment'),
      targetGroups: [...this.groups.values()].map((g) => ({
        arn: g.ref.arn,
        name: g.ref.name,
        threshold: this.thresholds.required(g.ref.arn).value,
        desired: t?.desired ?? 0,
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

function reasons(targets: readonly TargetHealthDescription[]): string {
  const by = new Map<string, number>();
  for (const t of targets) by.set(t.reason ?? t.state, (by.get(t.reason ?? t.state) ?? 0) + 1);
  return [...by].map(([r, n]) => `${n} × ${r}`).join(', ');
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
