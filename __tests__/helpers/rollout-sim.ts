/**
 * A small discrete-event model of a Deployment rolling update behind an AWS load balancer, in
 * simulated milliseconds: the deployment controller (surge/unavailable budget, progress deadline),
 * the kubelet (containers ready after a delay), the AWS Load Balancer Controller (registers ready
 * endpoints, or ContainersReady ones when pods carry its readiness gate; deregisters terminating
 * pods; writes the gate condition) and ELB health checks (initial → healthy or unhealthy, draining
 * after deregistration). It produces the JSON objects and DescribeTargetHealth answers the real
 * adapters would deliver, so the gate is tested on the same shapes.
 *
 * The model is deliberately simple (one container, no minReadySeconds, no pod failures beyond the
 * scripted ones); its timings are parameters, taken from the seeds where they give numbers.
 */
import { resolveFenceposts } from '../../src/core/rollout/fenceposts.js';
import type { Deployment, IntOrString, ReplicaSet } from '../../src/core/rollout/types.js';
import type { PodJson } from '../../src/core/gate/pods.js';
import type { TargetHealthDescription } from '../../src/core/gate/types.js';

export interface SimTargetGroup {
  readonly arn: string;
  /** LBC reconcile + RegisterTargets latency. */
  readonly registerMs: number;
  /** Registration → healthy (interval × healthy threshold, plus the first check). */
  readonly healthyMs: number;
  /** Registration → unhealthy when the application fails the check. */
  readonly unhealthyMs: number;
  /** deletionTimestamp → DeregisterTargets. */
  readonly deregisterMs: number;
  /** Deregistration delay: how long a target shows `draining`. */
  readonly drainMs: number;
  /** Pods carry this target group's readiness gate (namespace labelled for injection). */
  readonly gated: boolean;
}

export interface SimOptions {
  readonly replicas: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly progressDeadlineSeconds: number;
  /** Pod creation → containers ready (image pull, start, readiness probe). */
  readonly containersReadyMs: number;
  /** deletionTimestamp → pod object gone (preStop sleep + shutdown). */
  readonly terminationMs: number;
  /** Does the new release pass the load balancer health check? */
  readonly newReleaseHealthy: boolean;
  /** The reason ELB gives when it does not. */
  readonly unhealthyReason?: string;
  /** A slow starter: the new release fails its first health checks, then passes this long after registration. */
  readonly newReleaseRecoversMs?: number;
  readonly targetGroups: readonly SimTargetGroup[];
  /** Port the targets are registered on. */
  readonly port?: number;
}

interface SimPod {
  name: string;
  rs: 'old' | 'new';
  ip: string;
  createdAt: number;
  deletionAt?: number;
  goneAt?: number;
  /** Per target group: the gate condition. */
  gates: Map<string, { status: 'True' | 'False' | 'Unknown'; reason: string; message: string }>;
}

interface SimTarget {
  ip: string;
  pod: string;
  state: string;
  reason?: string;
  description?: string;
  registeredAt: number;
  deregisteredAt?: number;
  /** Scripted override: the target reports this state until `until`. */
  flap?: { state: string; reason: string; until: number };
}

export class RolloutSim {
  now = 0;
  private readonly uid = 'uid-web';
  private pods: SimPod[] = [];
  private readonly byName = new Map<string, SimPod>();
  private readonly targets = new Map<string, Map<string, SimTarget>>();
  private readonly pendingRegistration = new Map<string, Map<string, number>>();
  private podSeq = 0;
  private ipSeq = 10;
  private observedGeneration = 1;
  private generation = 1;
  private lastProgressAt = 0;
  private progressKey = '';
  private timedOut = false;
  private readonly surge: number;
  private readonly unavailable: number;

  constructor(readonly options: SimOptions) {
    const f = resolveFenceposts(options.maxSurge, options.maxUnavailable, options.replicas);
    this.surge = f.surge;
    this.unavailable = f.unavailable;
    for (const tg of options.targetGroups) {
      this.targets.set(tg.arn, new Map());
      this.pendingRegistration.set(tg.arn, new Map());
    }
    // Steady state before the deploy: the old ReplicaSet fully ready and healthy everywhere.
    for (let i = 0; i < options.replicas; i++) {
      const pod = this.createPod('old', -600_000);
      for (const tg of options.targetGroups) {
        this.targets.get(tg.arn)?.set(pod.ip, { ip: pod.ip, pod: pod.name, state: 'healthy', registeredAt: -500_000 });
        pod.gates.set(tg.arn, { status: 'True', reason: '', message: '' });
      }
    }
  }

  /** `kubectl apply` of the new template. */
  apply(): void {
    this.generation = 2;
    this.lastProgressAt = this.now;
  }

  /** Advances simulated time in 100 ms steps. */
  advance(ms: number): void {
    const end = this.now + ms;
    while (this.now < end) {
      this.now = Math.min(end, this.now + 100);
      this.step();
    }
  }

  /** Makes `count` healthy old targets of a target group report `state` for `forMs` (an LB hiccup). */
  flap(arn: string, count: number, state: string, reason: string, forMs: number): void {
    let n = 0;
    for (const t of this.targets.get(arn)?.values() ?? []) {
      if (n >= count) break;
      if (t.state === 'healthy') {
        t.flap = { state, reason, until: this.now + forMs };
        n++;
      }
    }
  }

  // ---- what the adapters would deliver -------------------------------------------------------

  deployment(): Deployment {
    const s = this.status();
    const conditions = this.timedOut
      ? [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "web-new" has timed out progressing.`,
          },
        ]
      : [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }];
    return {
      metadata: {
        name: 'web',
        namespace: 'demo',
        uid: this.uid,
        generation: this.generation,
        annotations: { 'deployment.kubernetes.io/revision': String(this.observedGeneration) },
      },
      spec: {
        replicas: this.options.replicas,
        progressDeadlineSeconds: this.options.progressDeadlineSeconds,
        selector: { matchLabels: { app: 'web' } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: this.options.maxSurge, maxUnavailable: this.options.maxUnavailable },
        },
        template: template(this.generation === 2 ? 'web:2' : 'web:1', this.gateTypes()),
      },
      status: {
        observedGeneration: this.observedGeneration,
        replicas: s.replicas,
        updatedReplicas: s.updated,
        readyReplicas: s.available,
        availableReplicas: s.available,
        conditions,
      },
    };
  }

  replicaSets(): ReplicaSet[] {
    const rs = (name: string, revision: string, image: string, replicas: number): ReplicaSet => ({
      metadata: {
        name,
        creationTimestamp: name === 'web-old' ? '2024-01-01T00:00:00Z' : '2024-01-02T00:00:00Z',
        annotations: { 'deployment.kubernetes.io/revision': revision },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: this.uid, controller: true }],
      },
      spec: {
        replicas,
        template: {
          ...template(image, this.gateTypes()),
          metadata: { labels: { app: 'web', 'pod-template-hash': name } },
        },
      },
    });
    const live = (r: 'old' | 'new') => this.pods.filter((p) => p.rs === r && p.deletionAt === undefined).length;
    const out = [rs('web-old', '1', 'web:1', live('old'))];
    if (this.observedGeneration === 2) out.push(rs('web-new', '2', 'web:2', live('new')));
    return out;
  }

  pods_(): PodJson[] {
    return this.pods.map((p) => {
      const containersReady = this.now >= p.createdAt + this.options.containersReadyMs;
      const ready = this.isReady(p);
      return {
        metadata: {
          name: p.name,
          ...(p.deletionAt !== undefined ? { deletionTimestamp: '2024-01-02T00:00:00Z' } : {}),
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${p.rs}`, uid: `rs-${p.rs}`, controller: true },
          ],
        },
        spec: {
          readinessGates: this.gateTypes().map((t) => ({ conditionType: t })),
          containers: [{ ports: [{ name: 'http', containerPort: this.options.port ?? 80 }] }],
        },
        status: {
          phase: 'Running',
          podIP: p.ip,
          conditions: [
            { type: 'ContainersReady', status: containersReady ? 'True' : 'False' },
            {
              type: 'Ready',
              status: ready ? 'True' : 'False',
              ...(ready ? {} : { reason: containersReady ? 'ReadinessGatesNotReady' : 'ContainersNotReady' }),
            },
            ...[...p.gates.entries()]
              .filter(([arn]) => this.tg(arn).gated)
              .map(([arn, g]) => ({ type: gateType(arn), status: g.status, reason: g.reason, message: g.message })),
          ],
        },
      };
    });
  }

  /** DescribeTargetHealth for one target group. */
  targetHealth(arn: string): TargetHealthDescription[] {
    return [...(this.targets.get(arn)?.values() ?? [])].map((t) => {
      const flap = t.flap && this.now < t.flap.until ? t.flap : undefined;
      return {
        id: t.ip,
        port: this.options.port ?? 80,
        state: flap?.state ?? t.state,
        ...((flap?.reason ?? t.reason) ? { reason: flap?.reason ?? t.reason } : {}),
        ...(t.description ? { description: t.description } : {}),
      };
    });
  }

  /** Ground truth for assertions: healthy targets of existing pods, per generation. */
  truth(arn: string): { newHealthy: number; oldHealthy: number; healthyOfLivePods: number } {
    let newHealthy = 0;
    let oldHealthy = 0;
    let live = 0;
    for (const t of this.targets.get(arn)?.values() ?? []) {
      if (t.state !== 'healthy') continue;
      const pod = this.byName.get(t.pod);
      if (pod?.rs === 'new') newHealthy++;
      else oldHealthy++;
      if (pod) live++;
    }
    return { newHealthy, oldHealthy, healthyOfLivePods: live };
  }

  // ---- the model -----------------------------------------------------------------------------

  private tg(arn: string): SimTargetGroup {
    return this.options.targetGroups.find((t) => t.arn === arn) as SimTargetGroup;
  }

  private gateTypes(): string[] {
    return this.options.targetGroups.filter((t) => t.gated).map((t) => gateType(t.arn));
  }

  private createPod(rs: 'old' | 'new', at: number): SimPod {
    const pod: SimPod = {
      name: `web-${rs}-${++this.podSeq}`,
      rs,
      ip: `10.0.${Math.floor(this.ipSeq / 250)}.${this.ipSeq++ % 250}`,
      createdAt: at,
      gates: new Map(),
    };
    for (const tg of this.options.targetGroups)
      pod.gates.set(tg.arn, {
        status: 'False',
        reason: 'Elb.RegistrationInProgress',
        message: 'Target registration is in progress',
      });
    this.pods.push(pod);
    this.byName.set(pod.name, pod);
    return pod;
  }

  private containersReady(p: SimPod): boolean {
    return this.now >= p.createdAt + this.options.containersReadyMs;
  }

  private isReady(p: SimPod): boolean {
    if (!this.containersReady(p)) return false;
    for (const tg of this.options.targetGroups) if (tg.gated && p.gates.get(tg.arn)?.status !== 'True') return false;
    return true;
  }

  private status(): { replicas: number; updated: number; available: number } {
    const live = this.pods.filter((p) => p.deletionAt === undefined);
    return {
      replicas: live.length,
      updated: this.observedGeneration === 2 ? live.filter((p) => p.rs === 'new').length : live.length,
      available: live.filter((p) => this.isReady(p)).length,
    };
  }

  private step(): void {
    const now = this.now;
    // Deployment controller.
    if (this.generation === 2) {
      this.observedGeneration = 2;
      const live = this.pods.filter((p) => p.deletionAt === undefined);
      const fresh = live.filter((p) => p.rs === 'new');
      const old = live.filter((p) => p.rs === 'old');
      const maxTotal = this.options.replicas + this.surge;
      if (fresh.length < this.options.replicas && live.length < maxTotal) {
        const n = Math.min(maxTotal - live.length, this.options.replicas - fresh.length);
        for (let i = 0; i < n; i++) this.createPod('new', now);
      }
      const liveNow = this.pods.filter((p) => p.deletionAt === undefined);
      const newUnavailable = liveNow.filter((p) => p.rs === 'new' && !this.isReady(p)).length;
      const minAvailable = this.options.replicas - this.unavailable;
      const maxScaledDown = liveNow.length - minAvailable - newUnavailable;
      if (maxScaledDown > 0) {
        for (const p of old.slice(0, maxScaledDown)) {
          p.deletionAt = now;
          this.deletedAt.set(p.ip, now);
        }
      }
      const s = this.status();
      const key = `${s.replicas}/${s.updated}/${s.available}`;
      if (key !== this.progressKey) {
        this.progressKey = key;
        this.lastProgressAt = now;
      }
      const complete = s.updated === this.options.replicas && s.replicas === s.updated && s.available === s.updated;
      if (!complete && now - this.lastProgressAt > this.options.progressDeadlineSeconds * 1000) this.timedOut = true;
    }
    // Kubelet: pods finish terminating.
    for (const p of this.pods) {
      if (p.deletionAt !== undefined && p.goneAt === undefined && now >= p.deletionAt + this.options.terminationMs) {
        p.goneAt = now;
        this.goneAt.set(p.ip, now);
      }
    }
    if (this.pods.some((p) => p.goneAt !== undefined)) {
      for (const p of this.pods) if (p.goneAt !== undefined) this.byName.delete(p.name);
      this.pods = this.pods.filter((p) => p.goneAt === undefined);
    }
    // Load balancer controller and ELB, per target group.
    for (const tg of this.options.targetGroups) this.stepTargetGroup(tg, now);
  }

  private stepTargetGroup(tg: SimTargetGroup, now: number): void {
    const targets = this.targets.get(tg.arn) as Map<string, SimTarget>;
    const pending = this.pendingRegistration.get(tg.arn) as Map<string, number>;
    for (const p of this.pods) {
      if (p.deletionAt !== undefined || targets.has(p.ip)) continue;
      // LBC registers ready endpoints, and with its gate also ContainersReady ones.
      const eligible = tg.gated ? this.containersReady(p) : this.isReady(p);
      if (!eligible) continue;
      const due = pending.get(p.ip);
      if (due === undefined) pending.set(p.ip, now + tg.registerMs);
      else if (now >= due) {
        pending.delete(p.ip);
        targets.set(p.ip, {
          ip: p.ip,
          pod: p.name,
          state: 'initial',
          reason: 'Elb.RegistrationInProgress',
          registeredAt: now,
        });
      }
    }
    for (const t of targets.values()) {
      if (t.flap && now >= t.flap.until) delete t.flap;
      const pod = this.byName.get(t.pod);
      const deletedAt = this.deletedAt.get(t.ip);
      if (t.deregisteredAt === undefined && deletedAt !== undefined && now >= deletedAt + tg.deregisterMs) {
        t.deregisteredAt = now;
        t.state = 'draining';
        t.reason = 'Target.DeregistrationInProgress';
        delete t.description;
      }
      // A pod that is gone while still registered stops answering health checks.
      const goneAt = this.goneAt.get(t.ip);
      if (
        t.deregisteredAt === undefined &&
        !pod &&
        goneAt !== undefined &&
        t.state === 'healthy' &&
        now >= goneAt + tg.unhealthyMs
      ) {
        t.state = 'unhealthy';
        t.reason = 'Target.Timeout';
        t.description = 'Request timed out';
      }
      if (t.deregisteredAt !== undefined) {
        if (now >= t.deregisteredAt + tg.drainMs) targets.delete(t.ip);
        continue;
      }
      if (t.state === 'initial') {
        const healthyRelease = this.podRelease(t) === 'old' || this.options.newReleaseHealthy;
        if (healthyRelease && now >= t.registeredAt + tg.healthyMs) {
          t.state = 'healthy';
          delete t.reason;
        } else if (!healthyRelease && now >= t.registeredAt + tg.unhealthyMs) {
          t.state = 'unhealthy';
          t.reason = this.options.unhealthyReason ?? 'Target.ResponseCodeMismatch';
          t.description = 'Health checks failed with these codes: [500]';
        } else if (now >= t.registeredAt + 1_000) {
          t.reason = 'Elb.InitialHealthChecking';
        }
      }
      const recovers = this.options.newReleaseRecoversMs;
      if (
        t.state === 'unhealthy' &&
        pod &&
        this.podRelease(t) === 'new' &&
        recovers !== undefined &&
        now >= t.registeredAt + recovers
      ) {
        t.state = 'healthy';
        delete t.reason;
        delete t.description;
      }
      if (pod && tg.gated) {
        const healthy = t.state === 'healthy';
        pod.gates.set(tg.arn, {
          status: healthy ? 'True' : 'False',
          reason: healthy ? '' : (t.reason ?? ''),
          message: healthy ? '' : (t.description ?? ''),
        });
      }
    }
  }

  /** Pod IP → when the pod got its deletionTimestamp / disappeared (kept for its target). */
  private readonly deletedAt = new Map<string, number>();
  private readonly goneAt = new Map<string, number>();

  private podRelease(t: SimTarget): 'old' | 'new' {
    return t.pod.startsWith('web-new') ? 'new' : 'old';
  }
}

function gateType(arn: string): string {
  return `target-health.elbv2.k8s.aws/${arn.split('/')[1] ?? arn}`;
}

function template(image: string, gates: string[]) {
  return {
    metadata: { labels: { app: 'web' } },
    spec: {
      readinessGates: gates.map((conditionType) => ({ conditionType })),
      containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 80 }] }],
    },
  };
}

export function tgArn(name: string): string {
  return `arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/${name}/ffd6c2b5292a36c2`;
}
