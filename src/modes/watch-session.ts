/**
 * One watched Deployment: its informers, its gate, its log lines, its rollback and its report.
 * The watch mode (watch.ts) runs several of these concurrently and shares the namespace view,
 * the ELB poller and the probe between them.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import { Gate } from '../core/gate/gate.js';
import { podInfo } from '../core/gate/pods.js';
import type { GateConfig, GateEvent, PodInfo, TargetGroupRef, Verdict } from '../core/gate/types.js';
import { planRollback } from '../core/rollout/rollback-plan.js';
import { revisionOf, rolloutStatus } from '../core/rollout/status.js';
import { equalIgnoreHash } from '../core/rollout/templates.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../core/rollout/types.js';
import type { Host } from '../host.js';
import type { Timers } from '../adapters/clock.js';
import { KubeSetupError } from '../adapters/kubernetes/errors.js';
import { applyRollback } from '../adapters/kubernetes/rollback.js';
import { DeploymentView, type NamespaceView } from '../adapters/kubernetes/views.js';
import { diagnostics, milestoneLine, progressLine } from '../report/watch/format.js';
import type { DeploymentReport, DeploymentResult, TargetGroupReport } from '../report/watch/report.js';

export interface SessionContext {
  readonly kc: KubeConfig;
  readonly namespace: string;
  readonly host: Host;
  readonly timers: Timers;
  readonly namespaceView: NamespaceView;
}

export interface TargetGroupPlan {
  readonly ref: TargetGroupRef;
  readonly targetType: string;
  readonly healthCheck: string | undefined;
  readonly service: string | undefined;
}

export interface RollbackOutcome {
  /** applied | available | not-available | skipped | error */
  readonly status: string;
  readonly message: string;
  readonly revision: number | null;
}

const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export class WatchSession {
  readonly view: DeploymentView;
  private gate: Gate | undefined;
  private deployment: Deployment | undefined;
  private deploymentSeen = false;
  private replicaSets: readonly ReplicaSet[] = [];
  private replicaSetsSeen = false;
  private pods: PodInfo[] | undefined;
  private pendingError: string | undefined;
  private resolveVerdict!: (v: Verdict) => void;
  readonly verdict: Promise<Verdict>;
  private plans: readonly TargetGroupPlan[] = [];
  private rolloutWaiter: (() => void) | undefined;
  private startedAt = 0;
  rollbackOutcome: RollbackOutcome | undefined;

  constructor(
    private readonly ctx: SessionContext,
    readonly name: string,
  ) {
    this.verdict = new Promise((resolve) => (this.resolveVerdict = resolve));
    this.view = new DeploymentView(
      {
        kc: ctx.kc,
        namespace: ctx.namespace,
        timers: ctx.timers,
        log: (m) => ctx.host.debug(`${name}: ${m}`),
        onSetupError: (e) => this.fail(e.message),
      },
      name,
      {
        onDeployment: (d) => {
          if (d) {
            this.deployment = d;
            this.deploymentSeen = true;
            this.feed({ type: 'deployment', deployment: d });
          } else if (this.deploymentSeen) {
            this.feed({ type: 'deployment-deleted' });
          }
          this.rolloutWaiter?.();
        },
        onReplicaSets: (rs) => {
          this.replicaSets = rs;
          this.replicaSetsSeen = true;
          this.feed({ type: 'replicasets', replicaSets: rs });
        },
        onPods: (pods) => {
          this.pods = pods.map(podInfo);
          this.feed({ type: 'pods', pods: this.pods });
        },
      },
    );
  }

  /** Lists the Deployment, then its ReplicaSets and pods. Throws KubeSetupError when it cannot. */
  async prepare(): Promise<Deployment> {
    const d = await this.view.startDeployment();
    if (this.pendingError) throw new KubeSetupError(this.pendingError);
    if (!d) throw new KubeSetupError(`\`deployments\`: no Deployment ${this.name} in namespace ${this.ctx.namespace}.`);
    this.deployment = d;
    this.deploymentSeen = true;
    await this.view.startOwned(d);
    if (this.pendingError) throw new KubeSetupError(this.pendingError);
    return d;
  }

  /** Creates the gate and feeds it what the informers have delivered so far. */
  begin(config: GateConfig, plans: readonly TargetGroupPlan[]): void {
    this.plans = plans;
    this.gate = new Gate(config, this.ctx.timers);
    this.startedAt = this.ctx.timers.now();
    if (this.deployment) this.feed({ type: 'deployment', deployment: this.deployment });
    if (this.replicaSetsSeen) this.feed({ type: 'replicasets', replicaSets: this.replicaSets });
    if (this.pods) this.feed({ type: 'pods', pods: this.pods });
    if (this.pendingError) this.feed({ type: 'error', message: this.pendingError });
  }

  get targetArns(): string[] {
    return this.plans.map((p) => p.ref.arn);
  }

  feed(event: GateEvent): void {
    const gate = this.gate;
    if (!gate) return;
    const start = this.startedAt;
    for (const effect of gate.handle(event)) {
      if (effect.type === 'progress') this.ctx.host.info(progressLine(effect.view, this.ctx.timers.now() - start));
      else if (effect.type === 'milestone') {
        if (!effect.milestone.text.startsWith('verdict:'))
          this.ctx.host.info(milestoneLine(this.name, effect.milestone, start));
      } else this.resolveVerdict(effect.verdict);
    }
  }

  /** An adapter cannot go on: before the gate exists the error is kept for prepare(), after it ends the gate. */
  fail(message: string): void {
    this.pendingError ??= message;
    this.feed({ type: 'error', message });
  }

  stop(): void {
    this.rolloutWaiter = undefined;
    this.view.stop();
  }

  /**
   * `kubectl rollout undo` to the previous revision. With `wait`, follows the Deployment until the
   * restored template is rolled out (kubectl's rule) or its progress deadline passes.
   */
  async rollback(wait: boolean, signal: AbortSignal): Promise<RollbackOutcome> {
    const d = this.view.current();
    if (!d)
      return (this.rollbackOutcome = {
        status: 'error',
        message: `deployment ${this.name} no longer exists`,
        revision: null,
      });
    const plan = planRollback(d, this.view.replicaSets(), 0);
    if (plan.kind === 'error')
      return (this.rollbackOutcome = { status: 'error', message: plan.message, revision: null });
    if (plan.kind === 'skipped')
      return (this.rollbackOutcome = { status: 'skipped', message: plan.message, revision: plan.revision });
    try {
      await applyRollback(this.ctx.kc, this.ctx.namespace, this.name, plan);
    } catch (e) {
      return (this.rollbackOutcome = { status: 'error', message: (e as Error).message, revision: null });
    }
    this.ctx.host.warning(
      `deployment ${this.name}: rolled back to revision ${plan.revision} (ReplicaSet ${plan.replicaSet}), as kubectl rollout undo does`,
    );
    if (!wait)
      return (this.rollbackOutcome = {
        status: 'applied',
        message: `restored revision ${plan.revision} (ReplicaSet ${plan.replicaSet})`,
        revision: plan.revision,
      });
    const limitMs = (d.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
    const done = await this.waitForTemplate(plan.template, limitMs, signal);
    return (this.rollbackOutcome = done
      ? {
          status: 'available',
          message: `revision ${plan.revision} (ReplicaSet ${plan.replicaSet}) is rolled out and available again`,
          revision: plan.revision,
        }
      : {
          status: 'not-available',
          message: `restored revision ${plan.revision}, but it did not become available within ${limitMs / 1000}s`,
          revision: plan.revision,
        });
  }

  private async waitForTemplate(template: PodTemplateSpec, limitMs: number, signal: AbortSignal): Promise<boolean> {
    const isDone = (): boolean => {
      const d = this.view.current();
      return !!d && equalIgnoreHash(d.spec?.template, template) && rolloutStatus(d).phase === 'complete';
    };
    if (isDone()) return true;
    const timeout = new AbortController();
    const both = AbortSignal.any([signal, timeout.signal]);
    const finished = new Promise<boolean>((resolve) => {
      this.rolloutWaiter = () => {
        if (isDone()) resolve(true);
      };
      both.addEventListener('abort', () => resolve(isDone()), { once: true });
    });
    const timer = this.ctx.timers.sleep(limitMs, both).then(() => timeout.abort());
    const result = await finished;
    timeout.abort();
    await timer;
    this.rolloutWaiter = undefined;
    return result;
  }

  report(verdict: Verdict, now: number, calls: ReadonlyMap<string, number>): DeploymentReport {
    const gate = this.gate;
    const snap = gate?.snapshot();
    const start = snap?.startedAt ?? now;
    const rb = this.rollbackOutcome;
    let result: DeploymentResult;
    if (verdict.result === 'success') result = 'success';
    else if (rb && (rb.status === 'available' || rb.status === 'applied')) result = 'rolled-back';
    else if (verdict.result === 'timeout') result = 'timeout';
    else result = 'failed';
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
            events: this.ctx.namespaceView.warnings(names),
            endpoints: this.ctx.namespaceView.endpoints(serviceNames),
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
    return {
      namespace: this.ctx.namespace,
      name: this.name,
      result,
      reason: verdict.reason,
      message: verdict.message,
      revision,
      rolledBackTo:
        rb && (rb.status === 'available' || rb.status === 'applied' || rb.status === 'not-available')
          ? rb.revision
          : null,
      rollback: rb ? { status: rb.status, message: rb.message } : null,
      threshold: snap?.threshold?.value ?? null,
      thresholdExplanation: snap?.threshold?.explanation ?? null,
      desired: snap?.threshold?.desired ?? null,
      minHealthyObserved: mins.length > 0 ? Math.min(...mins) : null,
      rolloutOnly: this.plans.length === 0,
      targetGroups: groups,
      durationSeconds: (verdict.at - start) / 1000,
      milestones: (snap?.milestones ?? []).map((m) => ({ t: (m.at - start) / 1000, text: m.text })),
      timeline: (snap?.timeline ?? []).map((p) => ({
        t: (p.at - start) / 1000,
        targetGroup: p.arn,
        healthy: p.healthy,
      })),
      diagnostics: diag,
    };
  }
}
