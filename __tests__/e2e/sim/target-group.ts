/**
 * One ELBv2 target group: registered targets, their health-check state machine and the view the
 * load balancer's data plane has of them. Driven entirely by an injected {@link Clock}.
 *
 * Control plane vs data plane (the gap the seeds' outages live in):
 * - RegisterTargets: the API shows `initial` / `Elb.RegistrationInProgress` at once; health checks
 *   start only after the registration propagation delay, then the target needs `healthyThreshold`
 *   consecutive passing checks, one per interval (`initial` / `Elb.InitialHealthChecking`).
 * - DeregisterTargets: the API shows `draining` / `Target.DeregistrationInProgress` at once, but the
 *   load balancer nodes keep sending new requests to a target that was in service until the
 *   deregistration propagation delay has passed. The target stays listed as `draining` for the
 *   deregistration delay, then disappears (queried explicitly: `unused` / `Target.NotRegistered`).
 * - Routing: healthy targets only; when a group holds only unhealthy registered targets the load
 *   balancer fails open to all of them (ALB docs, "Health checks for Application Load Balancer
 *   target groups"); with nothing routable the load balancer answers 503.
 */
import type { Clock, TimerHandle } from './clock.js';
import type { HealthCheckSettings } from './durations.js';

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

export interface TargetHealth {
  State: TargetState;
  Reason?: string;
  Description?: string;
}

export interface TargetRef {
  id: string;
  port: number;
  availabilityZone?: string;
}

export interface TargetHealthDescription {
  Target: { Id: string; Port: number; AvailabilityZone?: string };
  HealthCheckPort: string;
  TargetHealth: TargetHealth;
}

/** The result of one health check against a target (decided by the pod view in the simulator). */
export type ProbeResult =
  | { ok: true }
  | { ok: false; kind: 'code'; code: number }
  | { ok: false; kind: 'timeout' }
  | { ok: false; kind: 'refused' };

export type HealthProbe = (target: TargetRef, tg: TargetGroupModel) => ProbeResult;

export type LoadBalancerType = 'application' | 'network';

export interface TargetGroupConfig {
  arn: string;
  name: string;
  loadBalancerType: LoadBalancerType;
  protocol: string;
  port: number;
  targetType: 'ip' | 'instance';
  vpcId: string;
  loadBalancerArns: string[];
  healthCheck: HealthCheckSettings & {
    protocol: string;
    path?: string;
    port: string;
    matcher?: string;
  };
  /** Scaled; the attribute value shown by the API stays the configured (real) one. */
  deregistrationDelayMs: number;
  registrationPropagationMs: number;
  deregistrationPropagationMs: number;
  /** As DescribeTargetGroupAttributes shows them. */
  attributes: Record<string, string>;
}

export interface TransitionEvent {
  at: number;
  target: string;
  from: TargetState | 'none' | 'gone';
  to: TargetState | 'gone';
  reason?: string;
}

interface TargetRecord {
  ref: TargetRef;
  registeredAt: number;
  phase: 'registering' | 'checking' | 'draining';
  health: TargetHealth;
  okStreak: number;
  failStreak: number;
  healthyAt?: number;
  deregisteredAt?: number;
  stateBeforeDrain?: TargetState;
  apiRemoveAt?: number;
  routableUntil?: number;
  timer?: TimerHandle;
  removeTimer?: TimerHandle;
}

export const Descriptions = {
  registration: 'Target registration is in progress',
  initialChecks: 'Initial health checks in progress',
  deregistration: 'Target deregistration is in progress',
  notRegistered: 'Target is not registered to the target group',
  notInUse: 'Target group is not configured to receive traffic from the load balancer',
  timeout: 'Request timed out',
  failed: 'Health checks failed',
} as const;

export function targetKey(t: { id: string; port: number }): string {
  return `${t.id}:${t.port}`;
}

const MAX_EVENTS = 20_000;

export class TargetGroupModel {
  readonly config: TargetGroupConfig;
  private readonly clock: Clock;
  private probe: HealthProbe;
  private readonly targets = new Map<string, TargetRecord>();
  private readonly log: TransitionEvent[] = [];
  private disposed = false;

  constructor(config: TargetGroupConfig, clock: Clock, probe: HealthProbe = () => ({ ok: true })) {
    this.config = config;
    this.clock = clock;
    this.probe = probe;
  }

  get arn(): string {
    return this.config.arn;
  }

  setProbe(probe: HealthProbe): void {
    this.probe = probe;
  }

  /** RegisterTargets. Re-registering a draining target starts a fresh registration. */
  register(refs: TargetRef[]): void {
    const now = this.clock.now();
    for (const raw of refs) {
      const ref = { ...raw, port: raw.port ?? this.config.port };
      const key = targetKey(ref);
      const existing = this.targets.get(key);
      if (existing && existing.phase !== 'draining') continue;
      if (existing) this.cancel(existing);
      const rec: TargetRecord = {
        ref,
        registeredAt: now,
        phase: 'registering',
        health: { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: Descriptions.registration },
        okStreak: 0,
        failStreak: 0,
      };
      this.targets.set(key, rec);
      this.record(key, existing ? existing.health.State : 'none', 'initial', 'Elb.RegistrationInProgress');
      rec.timer = this.clock.setTimeout(() => this.startChecks(key, rec), this.config.registrationPropagationMs);
    }
  }

  /** DeregisterTargets. Unknown targets are ignored here; the API layer validates them first. */
  deregister(refs: Array<{ id: string; port?: number }>): void {
    const now = this.clock.now();
    for (const raw of refs) {
      const key = targetKey({ id: raw.id, port: raw.port ?? this.config.port });
      const rec = this.targets.get(key);
      if (!rec || rec.phase === 'draining') continue;
      this.clock.clearTimeout(rec.timer);
      rec.timer = undefined;
      const before = rec.health.State;
      rec.stateBeforeDrain = before;
      rec.phase = 'draining';
      rec.deregisteredAt = now;
      rec.health = {
        State: 'draining',
        Reason: 'Target.DeregistrationInProgress',
        Description: Descriptions.deregistration,
      };
      rec.apiRemoveAt = now + this.config.deregistrationDelayMs;
      rec.routableUntil = now + this.config.deregistrationPropagationMs;
      this.record(key, before, 'draining', 'Target.DeregistrationInProgress');
      const goneAt = Math.max(rec.apiRemoveAt, rec.routableUntil);
      rec.removeTimer = this.clock.setTimeout(() => {
        if (this.targets.get(key) === rec) {
          this.targets.delete(key);
          this.record(key, 'draining', 'gone');
        }
      }, goneAt - now);
    }
  }

  /** Whether a target (id:port) is registered and not draining. */
  isRegistered(ref: { id: string; port: number }): boolean {
    const rec = this.targets.get(targetKey(ref));
    return !!rec && rec.phase !== 'draining';
  }

  /** DescribeTargetHealth. With `only`, unknown targets come back `unused` / `Target.NotRegistered`. */
  describe(only?: Array<{ id: string; port?: number }>): TargetHealthDescription[] {
    const now = this.clock.now();
    const attached = this.config.loadBalancerArns.length > 0;
    const view = (rec: TargetRecord): TargetHealth => {
      if (rec.phase !== 'draining' && !attached) {
        return { State: 'unused', Reason: 'Target.NotInUse', Description: Descriptions.notInUse };
      }
      return { ...rec.health };
    };
    const desc = (ref: TargetRef, health: TargetHealth): TargetHealthDescription => ({
      Target: {
        Id: ref.id,
        Port: ref.port,
        ...(ref.availabilityZone ? { AvailabilityZone: ref.availabilityZone } : {}),
      },
      HealthCheckPort:
        this.config.healthCheck.port === 'traffic-port' ? String(ref.port) : this.config.healthCheck.port,
      TargetHealth: health,
    });
    const visible = (rec: TargetRecord): boolean => rec.phase !== 'draining' || now < (rec.apiRemoveAt ?? 0);
    if (!only) {
      return [...this.targets.values()].filter(visible).map((rec) => desc(rec.ref, view(rec)));
    }
    return only.map((q) => {
      const ref = { id: q.id, port: q.port ?? this.config.port };
      const rec = this.targets.get(targetKey(ref));
      if (rec && visible(rec)) return desc(rec.ref, view(rec));
      return desc(ref, { State: 'unused', Reason: 'Target.NotRegistered', Description: Descriptions.notRegistered });
    });
  }

  /**
   * The targets the load balancer nodes send new requests to right now, and whether that is the
   * fail-open set. Empty means the load balancer answers 503.
   */
  routable(): { targets: TargetRef[]; failOpen: boolean } {
    const now = this.clock.now();
    const inService: TargetRef[] = [];
    const registered: TargetRecord[] = [];
    for (const rec of this.targets.values()) {
      if (rec.phase === 'draining') {
        if (rec.stateBeforeDrain === 'healthy' && now < (rec.routableUntil ?? 0)) inService.push(rec.ref);
        continue;
      }
      registered.push(rec);
      if (rec.health.State === 'healthy') inService.push(rec.ref);
    }
    if (this.config.loadBalancerArns.length === 0) return { targets: [], failOpen: false };
    if (inService.length > 0) return { targets: inService, failOpen: false };
    if (registered.length > 0 && registered.every((r) => r.health.State === 'unhealthy')) {
      return { targets: registered.map((r) => r.ref), failOpen: true };
    }
    return { targets: [], failOpen: false };
  }

  /** Counts of registered (API-visible) targets by state. */
  countByState(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const d of this.describe()) out[d.TargetHealth.State] = (out[d.TargetHealth.State] ?? 0) + 1;
    return out;
  }

  /** When a target last became healthy (ms on this model's clock), if it is registered. */
  healthySince(ref: { id: string; port: number }): number | undefined {
    return this.targets.get(targetKey(ref))?.healthyAt;
  }

  /** Every state transition so far (bounded), oldest first. */
  transitions(): readonly TransitionEvent[] {
    return this.log;
  }

  /** Cancels all timers; the model is inert afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const rec of this.targets.values()) this.cancel(rec);
  }

  private cancel(rec: TargetRecord): void {
    this.clock.clearTimeout(rec.timer);
    this.clock.clearTimeout(rec.removeTimer);
    rec.timer = undefined;
    rec.removeTimer = undefined;
  }

  private startChecks(key: string, rec: TargetRecord): void {
    if (this.disposed || this.targets.get(key) !== rec || rec.phase !== 'registering') return;
    rec.phase = 'checking';
    rec.health = { State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: Descriptions.initialChecks };
    this.record(key, 'initial', 'initial', 'Elb.InitialHealthChecking');
    this.scheduleCheck(key, rec);
  }

  private scheduleCheck(key: string, rec: TargetRecord): void {
    rec.timer = this.clock.setTimeout(() => this.runCheck(key, rec), this.config.healthCheck.intervalMs);
  }

  private runCheck(key: string, rec: TargetRecord): void {
    if (this.disposed || this.targets.get(key) !== rec || rec.phase !== 'checking') return;
    const result = this.effective(this.probe(rec.ref, this));
    const hc = this.config.healthCheck;
    const before = rec.health.State;
    if (result.ok) {
      rec.okStreak++;
      rec.failStreak = 0;
      if (before !== 'healthy' && rec.okStreak >= hc.healthyThreshold) {
        rec.health = { State: 'healthy' };
        rec.healthyAt = this.clock.now();
        this.record(key, before, 'healthy');
      }
    } else {
      rec.failStreak++;
      rec.okStreak = 0;
      const failed = this.failureHealth(result);
      if (before === 'unhealthy') {
        rec.health = failed;
      } else if (rec.failStreak >= hc.unhealthyThreshold) {
        rec.health = failed;
        rec.healthyAt = undefined;
        this.record(key, before, 'unhealthy', failed.Reason);
      }
    }
    this.scheduleCheck(key, rec);
  }

  /** TCP health checks (NLB default) pass whenever a connection opens, whatever the app answers. */
  private effective(result: ProbeResult): ProbeResult {
    if (!result.ok && result.kind === 'code' && this.config.healthCheck.protocol === 'TCP') return { ok: true };
    return result;
  }

  private failureHealth(result: Exclude<ProbeResult, { ok: true }>): TargetHealth {
    if (this.config.loadBalancerType === 'network' || this.config.healthCheck.protocol === 'TCP') {
      return { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: Descriptions.failed };
    }
    switch (result.kind) {
      case 'code':
        return {
          State: 'unhealthy',
          Reason: 'Target.ResponseCodeMismatch',
          Description: `Health checks failed with these codes: [${result.code}]`,
        };
      case 'timeout':
        return { State: 'unhealthy', Reason: 'Target.Timeout', Description: Descriptions.timeout };
      case 'refused':
        return { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: Descriptions.failed };
    }
  }

  private record(target: string, from: TransitionEvent['from'], to: TransitionEvent['to'], reason?: string): void {
    this.log.push({ at: this.clock.now(), target, from, to, ...(reason ? { reason } : {}) });
    if (this.log.length > MAX_EVENTS) this.log.splice(0, this.log.length - MAX_EVENTS);
  }
}
