/**
 * A small discrete-event model of a Deployment rolling update behind an AWS load balancer, in
 * simulated milliseconds: the deployment controller (surge/unavailable budget, scaling, pausing,
 * progress deadline, any number of revisions), the kubelet (containers ready after a delay, Ready
 * false once a terminating pod's preStop is over), the AWS Load Balancer Controller (registers ready
 * endpoints, or ContainersReady ones when pods carry its readiness gate; deregisters terminating
 * pods; writes the gate condition) and ELB health checks (initial → healthy or unhealthy, draining
 * after deregistration). It produces the JSON objects and DescribeTargetHealth answers the real
 * adapters would deliver, so the gate is tested on the same shapes.
 *
 * It also keeps a traffic account: every 100 ms step, each target the load balancer routes to
 * (healthy, or deregistered less than `propagationMs` ago) gets `rps / 10` requests, spread evenly;
 * those landing on a pod that does not serve (gone, stopped, or failing) fail. Scenarios hold the
 * gate's verdict against it.
 *
 * The model is deliberately simple (one container, no minReadySeconds); its timings are parameters,
 * taken from the seeds where they give numbers.
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
  /** Registration → unhealthy when the application fails the check; also how long a failing target stays healthy. */
  readonly unhealthyMs: number;
  /** deletionTimestamp → DeregisterTargets. */
  readonly deregisterMs: number;
  /** Deregistration delay: how long a target shows `draining`. */
  readonly drainMs: number;
  /** Pods carry this target group's readiness gate (namespace labelled for injection). */
  readonly gated: boolean;
  /** After DeregisterTargets, how long the load balancer still routes to the target (default 1 s). */
  readonly propagationMs?: number;
}

export interface SimOptions {
  /** The Deployment's name (default `web`); pods, ReplicaSets and gates are named after it. */
  readonly name?: string;
  /** Third octet of the pod IPs (default 0), so several simulations never share an IP. */
  readonly subnet?: number;
  readonly replicas: number;
  readonly maxSurge: IntOrString;
  readonly maxUnavailable: IntOrString;
  readonly progressDeadlineSeconds: number;
  /** Pod creation → containers ready (image pull, start, readiness probe). */
  readonly containersReadyMs: number;
  /** deletionTimestamp → pod object gone (preStop sleep + shutdown). */
  readonly terminationMs: number;
  /** deletionTimestamp → the pod stops serving (end of its preStop); default terminationMs. */
  readonly stopServingMs?: number;
  /** Does the new release pass the load balancer health check? */
  readonly newReleaseHealthy: boolean;
  /** The reason ELB gives when it does not. */
  readonly unhealthyReason?: string;
  /** A slow starter: the new release fails its first health checks, then passes this long after registration. */
  readonly newReleaseRecoversMs?: number;
  readonly targetGroups: readonly SimTargetGroup[];
  /** Port the targets are registered on. */
  readonly port?: number;
  /** Requests per second through the load balancer, per target group (default 100; 0: no traffic account). */
  readonly rps?: number;
}

interface SimPod {
  name: string;
  rev: number;
  ip: string;
  createdAt: number;
  /** When its containers are ready (creation + containersReadyMs; the first pods are ready from the start). */
  readyAt: number;
  deletionAt?: number;
  goneAt?: number;
  /** From then on the pod fails its health checks and requests. */
  brokenAt?: number;
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

export interface Traffic {
  requests: number;
  failed: number;
  /** Simulated time of the first and last failed request. */
  firstFailedAt?: number;
  lastFailedAt?: number;
}

/** One minute of a target group's traffic, as the load balancer would count it. */
export interface MinuteTraffic {
  requests: number;
  /** Requests routed to a target whose pod did not serve: the ALB answers 502. */
  e502: number;
  /** Requests with no target in service: the ALB answers 503. */
  e503: number;
}

export class RolloutSim {
  now = 0;
  readonly name: string;
  private readonly uid: string;
  private pods: SimPod[] = [];
  private readonly byName = new Map<string, SimPod>();
  private readonly targets = new Map<string, Map<string, SimTarget>>();
  private readonly pendingRegistration = new Map<string, Map<string, number>>();
  private podSeq = 0;
  private ipSeq = 10;
  private observedGeneration = 1;
  private generation = 1;
  /** The revision the controller rolls toward (1 before apply). */
  private revision = 1;
  /** The revision the spec asks for (may run ahead of `revision` while paused). */
  private specRevision = 1;
  private replicas: number;
  private paused = false;
  private lastProgressAt = 0;
  private progressKey = '';
  private timedOut = false;
  private readonly healthyRevisions = new Set<number>([1]);
  private readonly traffic = new Map<string, Traffic>();
  /** Per target group, per minute of simulated time (its start, ms): the load balancer's counts. */
  private readonly minutes = new Map<string, Map<number, MinuteTraffic>>();
  private readonly rr = new Map<string, number>();
  /** Pods of an unhealthy revision that recovered (slow starters). */
  private readonly recovered = new Set<string>();
  private stalled = false;

  constructor(readonly options: SimOptions) {
    this.name = options.name ?? 'web';
    this.uid = `uid-${this.name}`;
    this.replicas = options.replicas;
    if (options.newReleaseHealthy) this.healthyRevisions.add(2);
    for (const tg of options.targetGroups) {
      this.targets.set(tg.arn, new Map());
      this.pendingRegistration.set(tg.arn, new Map());
      this.traffic.set(tg.arn, { requests: 0, failed: 0 });
    }
    // Steady state before the deploy: the old ReplicaSet fully ready and healthy everywhere.
    for (let i = 0; i < options.replicas; i++) {
      const pod = this.createPod(1, -600_000);
      for (const tg of options.targetGroups) {
        this.targets.get(tg.arn)?.set(pod.ip, { ip: pod.ip, pod: pod.name, state: 'healthy', registeredAt: -500_000 });
        pod.gates.set(tg.arn, { status: 'True', reason: '', message: '' });
      }
    }
  }

  /** `kubectl apply` of the new template (revision 2). */
  apply(): void {
    this.deploy(this.options.newReleaseHealthy);
  }

  /** Another `kubectl apply` of a new template: the next revision, healthy or not. */
  deploy(healthy: boolean): void {
    this.specRevision++;
    if (healthy) this.healthyRevisions.add(this.specRevision);
    else this.healthyRevisions.delete(this.specRevision);
    this.generation++;
    this.lastProgressAt = this.now;
    this.timedOut = false;
    if (!this.paused) this.revision = this.specRevision;
  }

  /** `kubectl rollout undo`: the previous revision's template becomes the Deployment's again. */
  undo(): void {
    const previous = Math.max(1, this.revision - 1);
    this.generation++;
    this.specRevision = this.revision = previous;
    this.lastProgressAt = this.now;
    this.timedOut = false;
  }

  /** From now on no new pod becomes ready (the nodes stall). */
  stall(): void {
    this.stalled = true;
  }

  /** The revision the controller rolls toward. */
  get currentRevision(): number {
    return this.revision;
  }

  /** `kubectl scale --replicas=n` (or an autoscaler). */
  scale(replicas: number): void {
    this.replicas = replicas;
    this.generation++;
  }

  /** `kubectl rollout pause` / `resume`. */
  pause(): void {
    this.paused = true;
    this.generation++;
  }

  resume(): void {
    this.paused = false;
    this.generation++;
    this.revision = this.specRevision;
    this.lastProgressAt = this.now;
  }

  /** From now on `count` serving pods of the latest revision fail health checks and requests (a release that degrades). */
  degrade(count: number): void {
    let n = 0;
    for (const p of this.pods) {
      if (n >= count) break;
      if (p.rev === this.revision && p.deletionAt === undefined && p.brokenAt === undefined) {
        p.brokenAt = this.now;
        n++;
      }
    }
  }

  /** Advances simulated time in 100 ms steps. */
  advance(ms: number): void {
    const end = this.now + ms;
    while (this.now < end) {
      this.now = Math.min(end, this.now + 100);
      this.step();
    }
  }

  /** Makes `count` healthy targets of a target group report `state` for `forMs` (an LB hiccup). */
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

  private rsName(rev: number): string {
    return rev === 1 ? `${this.name}-old` : rev === 2 ? `${this.name}-new` : `${this.name}-new${rev}`;
  }

  private image(rev: number): string {
    return `${this.name}:${rev}`;
  }

  deployment(): Deployment {
    const s = this.status();
    const conditions = this.timedOut
      ? [
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "${this.rsName(this.revision)}" has timed out progressing.`,
          },
        ]
      : this.paused
        ? [{ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }]
        : [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }];
    return {
      metadata: {
        name: this.name,
        namespace: 'demo',
        uid: this.uid,
        generation: this.generation,
        annotations: { 'deployment.kubernetes.io/revision': String(this.revision) },
      },
      spec: {
        replicas: this.replicas,
        progressDeadlineSeconds: this.options.progressDeadlineSeconds,
        selector: { matchLabels: { app: this.name } },
        ...(this.paused ? { paused: true } : {}),
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: this.options.maxSurge, maxUnavailable: this.options.maxUnavailable },
        },
        template: template(this.name, this.image(this.specRevision), this.gateTypes()),
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
    const out: ReplicaSet[] = [];
    const revs = new Set<number>([1, this.revision, ...this.pods.map((p) => p.rev)]);
    for (const rev of [...revs].sort((a, b) => a - b)) {
      const name = this.rsName(rev);
      const live = this.pods.filter((p) => p.rev === rev && p.deletionAt === undefined).length;
      out.push({
        metadata: {
          name,
          creationTimestamp: `2024-01-0${Math.min(9, rev)}T00:00:00Z`,
          annotations: { 'deployment.kubernetes.io/revision': String(rev) },
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name, uid: this.uid, controller: true },
          ],
        },
        spec: {
          replicas: live,
          template: {
            ...template(this.name, this.image(rev), this.gateTypes()),
            metadata: { labels: { app: this.name, 'pod-template-hash': name } },
          },
        },
      });
    }
    return out;
  }

  pods_(): PodJson[] {
    const gates = this.gateTypes();
    const gated = this.options.targetGroups.filter((t) => t.gated).map((t) => [t.arn, gateType(t.arn)] as const);
    return this.pods.map((p) => {
      const containersReady = this.containersReady(p);
      const ready = this.isReady(p);
      return {
        metadata: {
          name: p.name,
          ...(p.deletionAt !== undefined ? { deletionTimestamp: '2024-01-02T00:00:00Z' } : {}),
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: this.rsName(p.rev),
              uid: `rs-${p.rev}`,
              controller: true,
            },
          ],
        },
        spec: {
          readinessGates: gates.map((t) => ({ conditionType: t })),
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
            ...gated.flatMap(([arn, type]) => {
              const g = p.gates.get(arn);
              return g ? [{ type, status: g.status, reason: g.reason, message: g.message }] : [];
            }),
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
      if (pod?.rev === this.revision && pod.deletionAt === undefined) newHealthy++;
      else oldHealthy++;
      if (pod) live++;
    }
    return { newHealthy, oldHealthy, healthyOfLivePods: live };
  }

  /** The traffic account of a target group since the simulation started (or since `reset`). */
  trafficOf(arn: string): Traffic {
    return { ...(this.traffic.get(arn) as Traffic) };
  }

  /** Per minute (its start in simulated ms), the requests and load-balancer errors of a target group. */
  trafficByMinute(arn: string): ReadonlyMap<number, MinuteTraffic> {
    return this.minutes.get(arn) ?? new Map();
  }

  resetTraffic(): void {
    for (const arn of this.traffic.keys()) this.traffic.set(arn, { requests: 0, failed: 0 });
  }

  // ---- the model -----------------------------------------------------------------------------

  private gateTypes(): string[] {
    return this.options.targetGroups.filter((t) => t.gated).map((t) => gateType(t.arn));
  }

  private createPod(rev: number, at: number): SimPod {
    const pod: SimPod = {
      name: `${this.rsName(rev)}-${++this.podSeq}`,
      rev,
      ip: `10.${this.options.subnet ?? 0}.${Math.floor(this.ipSeq / 250)}.${this.ipSeq++ % 250}`,
      createdAt: at,
      readyAt: at < 0 ? at : this.stalled ? Number.POSITIVE_INFINITY : at + this.options.containersReadyMs,
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
    if (p.deletionAt !== undefined && this.now >= p.deletionAt + this.stopMs()) return false;
    return this.now >= p.readyAt;
  }

  private stopMs(): number {
    return this.options.stopServingMs ?? this.options.terminationMs;
  }

  private isReady(p: SimPod): boolean {
    if (!this.containersReady(p)) return false;
    for (const tg of this.options.targetGroups) if (tg.gated && p.gates.get(tg.arn)?.status !== 'True') return false;
    return true;
  }

  /** What a request to this pod meets. */
  private serves(p: SimPod | undefined): boolean {
    if (!p) return false;
    if (p.brokenAt !== undefined) return false;
    if (!this.healthyRevisions.has(p.rev) && !this.recovered.has(p.name)) return false;
    if (p.deletionAt !== undefined && this.now >= p.deletionAt + this.stopMs()) return false;
    return this.now >= p.readyAt;
  }

  private status(): { replicas: number; updated: number; available: number } {
    const live = this.pods.filter((p) => p.deletionAt === undefined);
    return {
      replicas: live.length,
      updated: live.filter((p) => p.rev === this.specRevision).length,
      available: live.filter((p) => this.isReady(p)).length,
    };
  }

  private deletePod(p: SimPod, now: number): void {
    p.deletionAt = now;
    this.deletedAt.set(p.ip, now);
  }

  private step(): void {
    const now = this.now;
    // Deployment controller.
    if (this.generation !== this.observedGeneration) this.observedGeneration = this.generation;
    const f = resolveFenceposts(this.options.maxSurge, this.options.maxUnavailable, this.replicas);
    const live = this.pods.filter((p) => p.deletionAt === undefined);
    const fresh = live.filter((p) => p.rev === this.revision);
    const old = live.filter((p) => p.rev !== this.revision);
    if (old.length === 0 || this.paused) {
      // Scaling only (or paused: the controller scales but does not roll).
      if (fresh.length < this.replicas && !this.paused) {
        for (let i = fresh.length; i < this.replicas; i++) this.createPod(this.revision, now);
      } else if (fresh.length > this.replicas) {
        for (const p of fresh.slice(this.replicas)) this.deletePod(p, now);
      }
    } else {
      const maxTotal = this.replicas + f.surge;
      if (fresh.length < this.replicas && live.length < maxTotal) {
        const n = Math.min(maxTotal - live.length, this.replicas - fresh.length);
        for (let i = 0; i < n; i++) this.createPod(this.revision, now);
      }
      const liveNow = this.pods.filter((p) => p.deletionAt === undefined);
      const newUnavailable = liveNow.filter((p) => p.rev === this.revision && !this.isReady(p)).length;
      const minAvailable = this.replicas - Math.min(f.unavailable, this.replicas);
      const maxScaledDown = liveNow.length - minAvailable - newUnavailable;
      if (maxScaledDown > 0) {
        // Unready old pods first, then the oldest revision first.
        const ordered = [...old].sort((a, b) => Number(this.isReady(a)) - Number(this.isReady(b)) || a.rev - b.rev);
        for (const p of ordered.slice(0, maxScaledDown)) this.deletePod(p, now);
      }
      const extraNew = liveNow.filter((p) => p.rev === this.revision).length - this.replicas;
      if (extraNew > 0) for (const p of fresh.slice(0, extraNew)) this.deletePod(p, now);
    }
    const s = this.status();
    const key = `${s.replicas}/${s.updated}/${s.available}`;
    if (key !== this.progressKey) {
      this.progressKey = key;
      this.lastProgressAt = now;
    }
    const complete = s.updated === this.replicas && s.replicas === s.updated && s.available === s.updated;
    if (!complete && !this.paused && now - this.lastProgressAt > this.options.progressDeadlineSeconds * 1000)
      this.timedOut = true;
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
    // Load balancer controller and ELB, per target group; then the requests of this step.
    for (const tg of this.options.targetGroups) {
      this.stepTargetGroup(tg, now);
      this.route(tg, now);
    }
  }

  private route(tg: SimTargetGroup, now: number): void {
    if (this.options.rps === 0) return;
    const prop = tg.propagationMs ?? 1_000;
    const inService = [...(this.targets.get(tg.arn)?.values() ?? [])].filter((t) => {
      if (t.deregisteredAt !== undefined) return now < t.deregisteredAt + prop;
      const flap = t.flap && now < t.flap.until ? t.flap : undefined;
      return (flap?.state ?? t.state) === 'healthy';
    });
    const account = this.traffic.get(tg.arn) as Traffic;
    const byMinute = this.minutes.get(tg.arn) ?? new Map<number, MinuteTraffic>();
    this.minutes.set(tg.arn, byMinute);
    const start = Math.floor(now / 60_000) * 60_000;
    const minute = byMinute.get(start) ?? { requests: 0, e502: 0, e503: 0 };
    byMinute.set(start, minute);
    const n = Math.round((this.options.rps ?? 100) / 10);
    for (let i = 0; i < n; i++) {
      account.requests++;
      minute.requests++;
      if (inService.length === 0) {
        this.fail(account, now);
        minute.e503++;
        continue;
      }
      const k = (this.rr.get(tg.arn) ?? 0) % inService.length;
      this.rr.set(tg.arn, k + 1);
      const target = inService[k] as SimTarget;
      if (!this.serves(this.byName.get(target.pod))) {
        this.fail(account, now);
        minute.e502++;
      }
    }
  }

  private fail(account: Traffic, now: number): void {
    account.failed++;
    account.firstFailedAt ??= now;
    account.lastFailedAt = now;
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
      // A pod that is gone (or stopped, or broken) while still registered fails its health checks.
      const goneAt = this.goneAt.get(t.ip);
      const stoppedAt =
        pod?.brokenAt ?? (pod?.deletionAt !== undefined ? pod.deletionAt + this.stopMs() : undefined) ?? goneAt;
      if (
        t.deregisteredAt === undefined &&
        t.state === 'healthy' &&
        stoppedAt !== undefined &&
        now >= stoppedAt + tg.unhealthyMs
      ) {
        t.state = 'unhealthy';
        t.reason = pod?.brokenAt !== undefined ? 'Target.ResponseCodeMismatch' : 'Target.Timeout';
        t.description =
          pod?.brokenAt !== undefined ? 'Health checks failed with these codes: [500]' : 'Request timed out';
      }
      if (t.deregisteredAt !== undefined) {
        if (now >= t.deregisteredAt + tg.drainMs) targets.delete(t.ip);
        continue;
      }
      if (t.state === 'initial') {
        const healthyRelease = pod !== undefined && this.healthyRevisions.has(pod.rev);
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
        pod.brokenAt === undefined &&
        pod.deletionAt === undefined &&
        !this.healthyRevisions.has(pod.rev) &&
        recovers !== undefined &&
        now >= t.registeredAt + recovers
      ) {
        t.state = 'healthy';
        this.recovered.add(pod.name);
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
}

function gateType(arn: string): string {
  return `target-health.elbv2.k8s.aws/${arn.split('/')[1] ?? arn}`;
}

function template(app: string, image: string, gates: string[]) {
  return {
    metadata: { labels: { app } },
    spec: {
      readinessGates: gates.map((conditionType) => ({ conditionType })),
      containers: [{ name: app, image, ports: [{ name: 'http', containerPort: 80 }] }],
    },
  };
}

export function tgArn(name: string): string {
  return `arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/${name}/ffd6c2b5292a36c2`;
}

/**
 * The seeds' ALB target group: the controller's default health check (interval 15 s × healthy
 * threshold 2, so about 30 s to healthy), 2 s to register, 1.5 s to deregister, 300 s of draining.
 */
export function seedsAlb(arn: string, overrides: Partial<SimTargetGroup> = {}): SimTargetGroup {
  return {
    arn,
    registerMs: 2_000,
    healthyMs: 30_000,
    unhealthyMs: 30_000,
    deregisterMs: 1_500,
    drainMs: 300_000,
    gated: false,
    ...overrides,
  };
}

/** The seeds' Deployment: 10 replicas at 25 %/25 %, pods ready in 3 s, a 20 s preStop (the fix), behind one ALB group. */
export function seedsDeployment(arn: string, overrides: Partial<SimOptions> = {}): SimOptions {
  return {
    replicas: 10,
    maxSurge: '25%',
    maxUnavailable: '25%',
    progressDeadlineSeconds: 600,
    containersReadyMs: 3_000,
    terminationMs: 20_000,
    newReleaseHealthy: true,
    targetGroups: [seedsAlb(arn)],
    ...overrides,
  };
}
