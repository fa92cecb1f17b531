/**
 * Independent observation of a rollout, to hold the gate's verdict against:
 * - when the Deployment first met kubectl's "successfully rolled out" rule (from a watch, at the
 *   event's arrival), and what the load balancer looked like at that moment;
 * - when the load balancer caught up (every new pod a healthy target, no old or deleted pod's
 *   target healthy), sampled from the simulator's own target group every `sampleMs`;
 * - the lowest number of healthy targets backed by the Deployment's existing pods.
 * Written from the Kubernetes API and the simulator only; nothing from src/.
 */
import type { KubeConfig, V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { TargetGroupModel } from '../../sim/index.js';
import type { TargetHealthDescription } from '../../sim/target-group.js';
import { ObjectTracker } from '../../helpers/watch.js';

export type KubectlVerdict = { done: true; message: string } | { done: false; message: string; failed?: boolean };

/**
 * kubectl's rule for Deployments (`kubectl rollout status`, DeploymentStatusViewer), verbatim:
 * only once the controller observed the latest generation; the Progressing condition's
 * ProgressDeadlineExceeded reason is an error; otherwise wait while updated < spec.replicas,
 * while replicas > updated (old replicas pending termination), while available < updated.
 */
export function kubectlRolloutStatus(d: V1Deployment): KubectlVerdict {
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0))
    return { done: false, message: 'Waiting for deployment spec update to be observed...' };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { done: false, failed: true, message: `deployment "${d.metadata?.name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  if (d.spec?.replicas !== undefined && updated < d.spec.replicas)
    return { done: false, message: `${updated} out of ${d.spec.replicas} new replicas have been updated...` };
  if ((s.replicas ?? 0) > updated)
    return { done: false, message: `${(s.replicas ?? 0) - updated} old replicas are pending termination...` };
  if ((s.availableReplicas ?? 0) < updated)
    return { done: false, message: `${s.availableReplicas ?? 0} of ${updated} updated replicas are available...` };
  return { done: true, message: `deployment "${d.metadata?.name}" successfully rolled out` };
}

export interface LbState {
  at: number;
  /** Healthy targets of pods that exist, are not terminating and run the new image. */
  newHealthy: number;
  /** Healthy targets of pods that exist but run another image or are terminating. */
  oldHealthy: number;
  /** Healthy targets whose IP no pod holds any more. */
  goneHealthy: number;
  /** Non-terminating pods running the new image. */
  newPods: number;
  byState: Record<string, number>;
}

export interface ObserverOptions {
  kc: KubeConfig;
  namespace: string;
  deployment: string;
  container: string;
  /** Pod label selector of the Deployment (`app=demo-nginx`). */
  selector: string;
  targetGroup: TargetGroupModel;
  desired: number;
  sampleMs?: number;
}

interface PodFacts {
  image: string | undefined;
  terminating: boolean;
}

/** The observer's account of one rollout: what the gate's verdict is held against. */
export interface ObservedRollout {
  readonly kubectlCompleteAt: number | undefined;
  readonly caughtUpAt: number | undefined;
  readonly minHealthy: number;
}

export class RolloutObserver implements ObservedRollout {
  newImage: string | undefined;
  armedAt: number | undefined;
  /** First time (ms) the Deployment met kubectl's success rule after arm(). */
  kubectlCompleteAt: number | undefined;
  /** The load balancer at that moment. */
  lbAtKubectlComplete: LbState | undefined;
  /** First sample at or after kubectl's completion in which the load balancer had caught up. */
  caughtUpAt: number | undefined;
  /** Lowest healthy-target count backed by existing pods (new + old), since arm(). */
  minHealthy = Number.POSITIVE_INFINITY;
  lastState: LbState | undefined;
  /** Watches that broke (e.g. an API server restart) and were listed and watched again. */
  restarts = 0;
  /**
   * Pods of the new image seen Ready while their target was not healthy, since arm(), with their
   * readiness gates: with readiness gates injected this never happens (the stage's premise).
   */
  readonly readyBeforeHealthy = new Map<string, { gates: string[]; target: string }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private deployments: ObjectTracker<V1Deployment> | undefined;
  private pods: ObjectTracker<V1Pod> | undefined;

  private constructor(private readonly opts: ObserverOptions) {}

  static async start(opts: ObserverOptions): Promise<RolloutObserver> {
    const self = new RolloutObserver(opts);
    await Promise.all([self.keepDeployments(), self.keepPods()]);
    self.timer = setInterval(() => self.sample(), opts.sampleMs ?? 100);
    return self;
  }

  /**
   * Keeps a tracker running: when its watch ends or fails (410, API server restart), lists and
   * watches again until it succeeds. The first start must succeed.
   */
  private async keep<T extends { metadata?: { uid?: string } }>(
    start: () => Promise<ObjectTracker<T>>,
    set: (t: ObjectTracker<T>) => void,
  ): Promise<void> {
    const tracker = await start();
    set(tracker);
    tracker.ended.catch(async () => {
      while (!this.stopped) {
        await new Promise((r) => setTimeout(r, 500));
        if (this.stopped) return;
        try {
          await this.keep(start, set);
          this.restarts++;
          return;
        } catch {
          // API server still down: try again.
        }
      }
    });
  }

  private keepDeployments(): Promise<void> {
    return this.keep(
      () =>
        ObjectTracker.start<V1Deployment>(this.opts.kc, `/apis/apps/v1/namespaces/${this.opts.namespace}/deployments`, {
          fieldSelector: `metadata.name=${this.opts.deployment}`,
          onChange: (objects) => this.onDeployment([...objects.values()][0]),
        }),
      (t) => {
        if (this.stopped) t.stop();
        this.deployments = t;
      },
    );
  }

  private keepPods(): Promise<void> {
    return this.keep(
      () =>
        ObjectTracker.start<V1Pod>(this.opts.kc, `/api/v1/namespaces/${this.opts.namespace}/pods`, {
          labelSelector: this.opts.selector,
        }),
      (t) => {
        if (this.stopped) t.stop();
        this.pods = t;
      },
    );
  }

  /** What was observed since the last arm(), fixed now (a later arm() starts a new account). */
  snapshot(): ObservedRollout {
    return { kubectlCompleteAt: this.kubectlCompleteAt, caughtUpAt: this.caughtUpAt, minHealthy: this.minHealthy };
  }

  /** The rollout to `image` starts now: completion and catch-up are measured from here. */
  arm(image: string): void {
    this.newImage = image;
    this.armedAt = Date.now();
    this.kubectlCompleteAt = undefined;
    this.lbAtKubectlComplete = undefined;
    this.caughtUpAt = undefined;
    this.minHealthy = Number.POSITIVE_INFINITY;
    this.readyBeforeHealthy.clear();
  }

  private imageOf(d: V1Deployment | V1Pod | undefined): string | undefined {
    const spec =
      d && 'template' in (d.spec ?? {}) ? (d as V1Deployment).spec?.template.spec : (d as V1Pod | undefined)?.spec;
    return spec?.containers.find((c) => c.name === this.opts.container)?.image;
  }

  private onDeployment(d: V1Deployment | undefined): void {
    if (!d || this.newImage === undefined || this.kubectlCompleteAt !== undefined) return;
    if (this.imageOf(d) !== this.newImage) return;
    if (kubectlRolloutStatus(d).done) {
      this.kubectlCompleteAt = Date.now();
      this.lbAtKubectlComplete = this.lbState();
    }
  }

  lbState(targets = this.opts.targetGroup.describe()): LbState {
    const byIp = new Map<string, PodFacts>();
    for (const p of this.pods?.objects.values() ?? []) {
      const ip = p.status?.podIP;
      if (!ip) continue;
      const facts = { image: this.imageOf(p), terminating: !!p.metadata?.deletionTimestamp };
      const other = byIp.get(ip);
      if (!other || (other.terminating && !facts.terminating)) byIp.set(ip, facts);
    }
    let newPods = 0;
    for (const f of byIp.values()) if (!f.terminating && f.image === this.newImage) newPods++;
    const state: LbState = { at: Date.now(), newHealthy: 0, oldHealthy: 0, goneHealthy: 0, newPods, byState: {} };
    for (const t of targets) {
      const s = t.TargetHealth.State;
      state.byState[s] = (state.byState[s] ?? 0) + 1;
      if (s !== 'healthy') continue;
      const pod = byIp.get(t.Target.Id);
      if (!pod) state.goneHealthy++;
      else if (!pod.terminating && pod.image === this.newImage) state.newHealthy++;
      else state.oldHealthy++;
    }
    return state;
  }

  /** The load balancer shows the finished rollout: `desired` new healthy targets and nothing else healthy. */
  caughtUp(s: LbState): boolean {
    return s.newHealthy >= this.opts.desired && s.oldHealthy === 0 && s.goneHealthy === 0;
  }

  private sample(): void {
    if (this.newImage === undefined) return;
    const targets = this.opts.targetGroup.describe();
    const s = this.lbState(targets);
    this.lastState = s;
    this.minHealthy = Math.min(this.minHealthy, s.newHealthy + s.oldHealthy);
    this.noteReadyBeforeHealthy(targets);
    if (this.kubectlCompleteAt !== undefined && this.caughtUpAt === undefined && this.caughtUp(s))
      this.caughtUpAt = s.at;
  }

  private noteReadyBeforeHealthy(targets: readonly TargetHealthDescription[]): void {
    const state = new Map(targets.map((t) => [t.Target.Id, t.TargetHealth.State]));
    for (const p of this.pods?.objects.values() ?? []) {
      const name = p.metadata?.name ?? '';
      if (this.readyBeforeHealthy.has(name) || p.metadata?.deletionTimestamp || this.imageOf(p) !== this.newImage)
        continue;
      const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      const target = state.get(p.status?.podIP ?? '') ?? 'not registered';
      if (ready && target !== 'healthy')
        this.readyBeforeHealthy.set(name, {
          gates: (p.spec?.readinessGates ?? []).map((g) => g.conditionType),
          target,
        });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.deployments?.stop();
    this.pods?.stop();
  }
}

export function describeLb(s: LbState | undefined): string {
  if (!s) return 'n/a';
  const states = Object.entries(s.byState)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `new healthy ${s.newHealthy}/${s.newPods} pods, old healthy ${s.oldHealthy}, deleted-pod healthy ${s.goneHealthy} (${states || 'no targets'})`;
}
