/**
 * One watched Deployment: its feed (Deployment, ReplicaSets, pods), its gate, its log lines, its
 * rollback and its report. The watch mode (watch.ts) runs several of these side by side; each
 * goes from its verdict to its rollback and the wait for the restored revision on its own.
 */
import { Gate } from '../core/gate/gate.js';
import { podInfo } from '../core/gate/pods.js';
import type { ClusterPort, DeploymentFeed, NamespaceFeed, Timers } from '../core/gate/ports.js';
import type { GateConfig, GateEvent, PodInfo, TargetGroupRef, Verdict } from '../core/gate/types.js';
import { planRollback } from '../core/rollout/rollback-plan.js';
import { revisionOf, rolloutStatus } from '../core/rollout/status.js';
import { equalIgnoreHash } from '../core/rollout/templates.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../core/rollout/types.js';
import type { Host } from '../host.js';
import { diagnostics, milestoneLine, progressLine } from '../report/watch/format.js';
import type { DeploymentReport, DeploymentResult, TargetGroupReport } from '../report/watch/report.js';

export interface SessionContext {
  readonly cluster: ClusterPort;
  readonly namespace: string;
  readonly host: Host;
  readonly timers: Timers;
  readonly namespaceFeed: NamespaceFeed;
}

export interface TargetGroupPlan {
  readonly ref: TargetGroupRef;
  readonly targetType: string;
  readonly healthCheck: string | undefined;
  readonly service: string | undefined;
}

export type RollbackStatus = 'applied' | 'available' | 'not-available' | 'skipped' | 'unknown' | 'error';

export interface RollbackOutcome {
  readonly status: RollbackStatus;
  readonly message: string;
  /** The revision restored (or asked for). */
  readonly revision: number | null;
  /** Clock times: the rollback started, the patch answered, the wait ended. */
  readonly startedAt: number;
  readonly patchedAt?: number;
  readonly endedAt: number;
}

/** How long a PATCH already sent may still complete after a cancellation, before it is cut. */
export const PATCH_GRACE_MS = 2_000;
/** How long reading the Deployment back may take after a cut PATCH. */
export const READ_BACK_MS = 1_500;
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export class WatchSession {
  readonly feed: DeploymentFeed;
  private gate: Gate | undefined;
  private deployment: Deployment | undefined;
  private deploymentSeen = false;
  private replicaSets: readonly ReplicaSet[] = [];
  private replicaSetsSeen = false;
  private pods: PodInfo[] | undefined;
  private readonly podInfos = new WeakMap<object, PodInfo>();
  private pendingError: string | undefined;
  private pendingCancel: string | undefined;
  private resolveVerdict!: (v: Verdict) => void;
  readonly verdict: Promise<Verdict>;
  private decided: Verdict | undefined;
  private plans: readonly TargetGroupPlan[] = [];
  private rolloutWaiter: (() => void) | undefined;
  private startedAt = 0;
  rollbackOutcome: RollbackOutcome | undefined;

  constructor(
    private readonly ctx: SessionContext,
    readonly name: string,
  ) {
    this.verdict = new Promise((resolve) => (this.resolveVerdict = resolve));
    this.feed = ctx.cluster.deployment(
      ctx.namespace,
      name,
      {
        onDeployment: (d) => {
          if (d) {
            this.deployment = d;
            this.deploymentSeen = true;
            this.feedGate({ type: 'deployment', deployment: d });
          } else if (this.deploymentSeen) {
            this.feedGate({ type: 'deployment-deleted' });
          }
          this.rolloutWaiter?.();
        },
        onReplicaSets: (rs) => {
          this.replicaSets = rs;
          this.replicaSetsSeen = true;
          this.feedGate({ type: 'replicasets', replicaSets: rs });
        },
        onPods: (pods) => {
          // The feed hands over the whole list on every change; only changed pods are read again.
          this.pods = pods.map((p) => {
            let info = this.podInfos.get(p);
            if (!info) this.podInfos.set(p, (info = podInfo(p)));
            return info;
          });
          this.feedGate({ type: 'pods', pods: this.pods });
        },
      },
      { log: (m) => ctx.host.debug(`${name}: ${m}`), onSetupError: (e) => this.fail(e.message) },
    );
  }

  /** Lists the Deployment, then its ReplicaSets and pods. Throws a setup error when it cannot. */
  async prepare(signal: AbortSignal): Promise<Deployment> {
    const d = await this.feed.startDeployment(signal);
    if (this.pendingError) throw new SessionSetupError(this.pendingError);
    if (!d)
      throw new SessionSetupError(`\`deployments\`: no Deployment ${this.name} in namespace ${this.ctx.namespace}.`);
    this.deployment = d;
    this.deploymentSeen = true;
    await this.feed.startOwned(d, signal);
    if (this.pendingError) throw new SessionSetupError(this.pendingError);
    return d;
  }

  get listed(): Deployment | undefined {
    return this.deployment;
  }

  /** Creates the gate and feeds it what the feed has delivered so far. */
  begin(config: GateConfig, plans: readonly TargetGroupPlan[]): void {
    this.plans = plans;
    this.gate = new Gate(config, this.ctx.timers);
    this.startedAt = this.ctx.timers.now();
    if (this.deployment) this.feedGate({ type: 'deployment', deployment: this.deployment });
    if (this.replicaSetsSeen) this.feedGate({ type: 'replicasets', replicaSets: this.replicaSets });
    if (this.pods) this.feedGate({ type: 'pods', pods: this.pods });
    if (this.pendingError) this.feedGate({ type: 'error', message: this.pendingError });
    if (this.pendingCancel) this.feedGate({ type: 'cancel', message: this.pendingCancel });
  }

  get targetArns(): string[] {
    return this.plans.map((p) => p.ref.arn);
  }

  get started(): number {
    return this.startedAt;
  }

  get result(): Verdict | undefined {
    return this.decided;
  }

  /** The gate's picture now (undefined before it begins). */
  snapshot(): ReturnType<Gate['snapshot']> | undefined {
    return this.gate?.snapshot();
  }

  feedGate(event: GateEvent): void {
    const gate = this.gate;
    if (!gate) return;
    const start = this.startedAt;
    for (const effect of gate.handle(event)) {
      if (effect.type === 'progress') this.ctx.host.info(progressLine(effect.view, this.ctx.timers.now() - start));
      else if (effect.type === 'milestone') {
        if (!effect.milestone.text.startsWith('verdict:'))
          this.ctx.host.info(milestoneLine(this.name, effect.milestone, start));
      } else {
        this.decided = effect.verdict;
        this.resolveVerdict(effect.verdict);
      }
    }
  }

  /** An adapter cannot go on: before the gate exists the error is kept for prepare(), after it ends the gate. */
  fail(message: string): void {
    this.pendingError ??= message;
    this.feedGate({ type: 'error', message });
  }

  /** The run is cancelled: an undecided gate ends with `cancelled`. */
  cancel(message: string): void {
    this.pendingCancel ??= message;
    this.feedGate({ type: 'cancel', message });
  }

  stop(): void {
    this.rolloutWaiter = undefined;
    this.feed.stop();
  }

  /**
   * `kubectl rollout undo` to the previous revision. With `wait`, follows the Deployment until the
   * restored template is rolled out (kubectl's rule) or its progress deadline passes. `cancel`
   * aborts when the run is cancelled: a PATCH already sent gets PATCH_GRACE_MS to complete, then is
   * cut and the Deployment read back; the wait stops at once.
   */
  async rollback(wait: boolean, cancel: AbortSignal): Promise<RollbackOutcome> {
    const { timers, cluster, namespace } = this.ctx;
    const startedAt = timers.now();
    const done = (o: Omit<RollbackOutcome, 'startedAt' | 'endedAt'>): RollbackOutcome =>
      (this.rollbackOutcome = { ...o, startedAt, endedAt: timers.now() });
    const d = this.feed.current();
    if (!d) return done({ status: 'error', message: `deployment ${this.name} no longer exists`, revision: null });
    const plan = planRollback(d, this.feed.replicaSets(), 0);
    if (plan.kind === 'error') return done({ status: 'error', message: plan.message, revision: null });
    if (plan.kind === 'skipped') return done({ status: 'skipped', message: plan.message, revision: plan.revision });

    const patchStop = new AbortController();
    const graceEnded = new AbortController();
    const onCancel = (): void =>
      void timers.sleep(PATCH_GRACE_MS, graceEnded.signal).then(() => {
        if (!graceEnded.signal.aborted) patchStop.abort();
      });
    if (cancel.aborted) onCancel();
    else cancel.addEventListener('abort', onCancel, { once: true });
    try {
      await cluster.patchDeployment(namespace, this.name, plan.patch, patchStop.signal);
    } catch (e) {
      if (!patchStop.signal.aborted) {
        return done({ status: 'error', message: (e as Error).message, revision: null });
      }
      return done(await this.readBack(plan.template, plan.revision));
    } finally {
      graceEnded.abort();
      cancel.removeEventListener('abort', onCancel);
    }
    const patchedAt = timers.now();
    this.ctx.host.warning(
      `deployment ${this.name}: rolled back to revision ${plan.revision} (ReplicaSet ${plan.replicaSet}), as kubectl rollout undo does`,
    );
    const restored = `restored revision ${plan.revision} (ReplicaSet ${plan.replicaSet})`;
    if (!wait || cancel.aborted)
      return done({
        status: 'applied',
        message: cancel.aborted ? `${restored}; not waited for: the run was cancelled` : restored,
        revision: plan.revision,
        patchedAt,
      });
    const limitMs = (d.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
    const outcome = await this.waitForTemplate(plan.template, limitMs, cancel);
    if (outcome === 'done')
      return done({
        status: 'available',
        message: `revision ${plan.revision} (ReplicaSet ${plan.replicaSet}) is rolled out and available again`,
        revision: plan.revision,
        patchedAt,
      });
    if (outcome === 'cancelled')
      return done({
        status: 'applied',
        message: `${restored}; the wait for it to be available was cut short: the run was cancelled`,
        revision: plan.revision,
        patchedAt,
      });
    return done({
      status: 'not-available',
      message: `restored revision ${plan.revision}, but it did not become available within ${limitMs / 1000}s`,
      revision: plan.revision,
      patchedAt,
    });
  }

  /** After a PATCH cut short: is the restored template in place? */
  private async readBack(
    template: PodTemplateSpec,
    revision: number,
  ): Promise<Omit<RollbackOutcome, 'startedAt' | 'endedAt'>> {
    const stop = new AbortController();
    const timer = this.ctx.timers.sleep(READ_BACK_MS, stop.signal).then(() => stop.abort());
    let d: Deployment | undefined;
    let why = '';
    try {
      d = await this.ctx.cluster.readDeployment(this.ctx.namespace, this.name, stop.signal);
    } catch (e) {
      why = (e as Error).message;
    } finally {
      stop.abort();
      await timer;
    }
    if (d && equalIgnoreHash(d.spec?.template, template))
      return {
        status: 'applied',
        message: `restored revision ${revision}: the PATCH was cut short by the cancellation, but the Deployment read back has the restored template (now revision ${revisionOf(d.metadata?.annotations) ?? '?'})`,
        revision,
      };
    const now = d
      ? `the Deployment read back is at revision ${revisionOf(d.metadata?.annotations) ?? '?'} and does not have the restored template`
      : `the Deployment could not be read back${why ? ` (${why})` : ''}`;
    return {
      status: 'unknown',
      message: `rollback to revision ${revision} requested, outcome unknown: the run was cancelled while the PATCH was in flight; ${now}. Check with \`kubectl rollout history deployment/${this.name}\`.`,
      revision,
    };
  }

  private async waitForTemplate(
    template: PodTemplateSpec,
    limitMs: number,
    cancel: AbortSignal,
  ): Promise<'done' | 'timeout' | 'cancelled'> {
    const isDone = (): boolean => {
      const d = this.feed.current();
      return !!d && equalIgnoreHash(d.spec?.template, template) && rolloutStatus(d).phase === 'complete';
    };
    if (isDone()) return 'done';
    const stop = new AbortController();
    const both = AbortSignal.any([cancel, stop.signal]);
    const finished = new Promise<'done' | 'timeout' | 'cancelled'>((resolve) => {
      this.rolloutWaiter = () => {
        if (isDone()) resolve('done');
      };
      both.addEventListener('abort', () => resolve(isDone() ? 'done' : cancel.aborted ? 'cancelled' : 'timeout'), {
        once: true,
      });
    });
    const timer = this.ctx.timers.sleep(limitMs, both).then(() => stop.abort());
    const result = await finished;
    stop.abort();
    await timer;
    this.rolloutWaiter = undefined;
    return result;
  }

  report(verdict: Verdict, now: number, calls: ReadonlyMap<string, number>, runStart: number): DeploymentReport {
    const snap = this.gate?.snapshot();
    const start = snap?.startedAt ?? now;
    const rb = this.rollbackOutcome;
    const result = deploymentResult(verdict, rb);
    const serviceNames = new Set(this.plans.map((p) => p.service).filter((s): s is string => !!s));
    const names = new Set<string>([
      this.name,
      ...this.replicaSets.map((r) => r.metadata?.name ?? ''),
      ...(this.pods ?? []).map((p) => p.name),
      ...serviceNames,
    ]);
    const diag =
      verdict.result !== 'success' && snap
        ? diagnostics({
            snapshot: snap,
            healthChecks: new Map(
              this.plans.filter((p) => p.healthCheck).map((p) => [p.ref.arn, p.healthCheck as string]),
            ),
            events: this.ctx.namespaceFeed.warnings(names),
            endpoints: this.ctx.namespaceFeed.endpoints(serviceNames),
          })
        : [];
    const groups: TargetGroupReport[] = this.plans.map((p) => {
      const g = snap?.targetGroups.find((t) => t.ref.arn === p.ref.arn);
      return {
        arn: p.ref.arn,
        name: p.ref.name,
        source: p.ref.source,
        targetType: p.targetType,
        port: p.ref.port ?? null,
        healthCheck: p.healthCheck ?? null,
        minHealthy: g?.minHealthy ?? null,
        lastHealthy: g?.counts?.healthy ?? null,
        byState: g?.counts?.byState ?? {},
        describeCalls: calls.get(p.ref.arn) ?? 0,
      };
    });
    const mins = groups.map((g) => g.minHealthy).filter((v): v is number => v !== null);
    const revision = snap?.deployment ? (revisionOf(snap.deployment.metadata?.annotations) ?? null) : null;
    const sec = (t: number): number => Math.round(t - runStart) / 1000;
    const soak = snap?.soak;
    return {
      namespace: this.ctx.namespace,
      name: this.name,
      result,
      reason: verdict.reason,
      claim: verdict.claim,
      message: verdict.message,
      revision,
      rolledBackTo:
        rb && (rb.status === 'available' || rb.status === 'applied' || rb.status === 'not-available')
          ? rb.revision
          : null,
      rollback: rb
        ? {
            status: rb.status,
            message: rb.message,
            startedSeconds: sec(rb.startedAt),
            patchedSeconds: rb.patchedAt === undefined ? null : sec(rb.patchedAt),
            endedSeconds: sec(rb.endedAt),
          }
        : null,
      threshold: snap?.threshold?.value ?? null,
      thresholdExplanation: snap?.threshold?.explanation ?? null,
      desired: snap?.threshold?.desired ?? null,
      minHealthyObserved: mins.length > 0 ? Math.min(...mins) : null,
      rolloutOnly: this.plans.length === 0,
      targetGroups: groups,
      verdictSeconds: sec(verdict.at),
      durationSeconds: (verdict.at - start) / 1000,
      soak: soak
        ? {
            seconds: soak.lengthMs / 1000,
            startedSeconds: soak.startedAt === undefined ? null : sec(soak.startedAt),
            coveredSeconds: Math.round(soak.coveredMs / 100) / 10,
            answers: soak.answers,
            probeRequests: soak.probeRequests ?? null,
          }
        : null,
      milestones: (snap?.milestones ?? []).map((m) => ({ t: (m.at - start) / 1000, text: m.text })),
      timeline: (snap?.timeline ?? []).map((p) => ({
        t: (p.at - start) / 1000,
        targetGroup: p.arn,
        healthy: p.healthy,
        threshold: p.threshold,
      })),
      diagnostics: diag,
      blindSpots: [...(snap?.blindSpots ?? [])],
    };
  }
}

/** The gate could not start for this Deployment (a setup error). */
export class SessionSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WatchSetupError';
  }
}

/** success · rolled-back (a rollback applied) · failed · error (the gate could not judge). */
export function deploymentResult(verdict: Verdict, rb: RollbackOutcome | undefined): DeploymentResult {
  if (verdict.result === 'success') return 'success';
  if (rb && (rb.status === 'available' || rb.status === 'applied')) return 'rolled-back';
  return verdict.result === 'error' ? 'error' : 'failed';
}
