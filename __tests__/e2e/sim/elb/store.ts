/**
 * The state behind the fake ELBv2 API: load balancers (with listeners and path rules, so the
 * traffic model knows which target group a request goes to), target groups (each a
 * {@link TargetGroupModel}) and tags. Values shown by the API are the configured, real ones
 * (e.g. HealthCheckIntervalSeconds 15, deregistration_delay.timeout_seconds 300); the models run
 * on the scaled durations.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { REAL, scaleSeconds, type SimDurations } from '../durations.js';
import { type HealthProbe, type LoadBalancerType, TargetGroupModel } from '../target-group.js';
import { Errors } from './protocol.js';

export interface ListenerRecord {
  arn: string;
  port: number;
  protocol: string;
  /** Longest matching prefix wins; the first rule is also the default action. */
  rules: Array<{ pathPrefix: string; targetGroupArn: string }>;
}

export interface LoadBalancerRecord {
  arn: string;
  name: string;
  type: LoadBalancerType;
  scheme: 'internet-facing' | 'internal';
  dnsName: string;
  createdAt: Date;
  listeners: ListenerRecord[];
}

export interface HealthCheckInput {
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  protocol?: string;
  path?: string;
  port?: string;
  matcher?: string;
}

export interface CreateTargetGroupInput {
  name: string;
  loadBalancerType?: LoadBalancerType;
  protocol?: string;
  port: number;
  targetType: 'ip' | 'instance';
  healthCheck?: HealthCheckInput;
  /** Attribute overrides (real values, e.g. deregistration_delay.timeout_seconds=30). */
  attributes?: Record<string, string>;
  tags?: Record<string, string>;
}

export interface StoreOptions {
  region: string;
  accountId: string;
  vpcId: string;
  durations: SimDurations;
}

const ALB_DEFAULT_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': String(REAL.deregistrationDelaySeconds),
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'slow_start.duration_seconds': '0',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
};

const NLB_DEFAULT_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': String(REAL.deregistrationDelaySeconds),
  'deregistration_delay.connection_termination.enabled': 'false',
  'preserve_client_ip.enabled': 'false',
  'proxy_protocol_v2.enabled': 'false',
  'stickiness.enabled': 'false',
  'stickiness.type': 'source_ip',
  'target_health_state.unhealthy.connection_termination.enabled': 'true',
  'target_health_state.unhealthy.draining_interval_seconds': '0',
};

function hex16(): string {
  return randomBytes(8).toString('hex');
}

export class ElbStore {
  readonly region: string;
  readonly accountId: string;
  readonly vpcId: string;
  readonly durations: SimDurations;
  private readonly clock: Clock;
  private readonly lbs = new Map<string, LoadBalancerRecord>();
  private readonly tgs = new Map<string, TargetGroupModel>();
  private readonly tags = new Map<string, Map<string, string>>();
  private probe: HealthProbe = () => ({ ok: true });
  /** The health-check seconds DescribeTargetGroups shows (the configured, unscaled values). */
  readonly displayed = new Map<string, { intervalSeconds: number; timeoutSeconds: number }>();

  constructor(clock: Clock, opts: StoreOptions) {
    this.clock = clock;
    this.region = opts.region;
    this.accountId = opts.accountId;
    this.vpcId = opts.vpcId;
    this.durations = opts.durations;
  }

  /** The health check outcome source for every target group, present and future. */
  setProbe(probe: HealthProbe): void {
    this.probe = probe;
    for (const tg of this.tgs.values()) tg.setProbe(probe);
  }

  createLoadBalancer(input: {
    name: string;
    type: LoadBalancerType;
    scheme?: 'internet-facing' | 'internal';
    tags?: Record<string, string>;
  }): LoadBalancerRecord {
    const existing = [...this.lbs.values()].find((lb) => lb.name === input.name);
    if (existing) return existing;
    const kind = input.type === 'application' ? 'app' : 'net';
    const arn = `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}:loadbalancer/${kind}/${input.name}/${hex16()}`;
    const digits = String(Math.floor(1e9 + Math.random() * 9e9));
    const lb: LoadBalancerRecord = {
      arn,
      name: input.name,
      type: input.type,
      scheme: input.scheme ?? 'internet-facing',
      dnsName:
        input.type === 'application'
          ? `${input.name}-${digits}.${this.region}.elb.amazonaws.com`
          : `${input.name}-${hex16()}.elb.${this.region}.amazonaws.com`,
      createdAt: new Date(this.clock.now()),
      listeners: [],
    };
    this.lbs.set(arn, lb);
    this.tags.set(arn, new Map(Object.entries(input.tags ?? {})));
    return lb;
  }

  deleteLoadBalancer(arn: string): void {
    const lb = this.lbs.get(arn);
    if (!lb) return;
    this.lbs.delete(arn);
    this.tags.delete(arn);
    for (const tg of this.tgs.values()) {
      tg.config.loadBalancerArns = tg.config.loadBalancerArns.filter((a) => a !== arn);
    }
  }

  /** Replaces the listener on `port` with these rules and attaches the target groups to the LB. */
  setListener(lbArn: string, port: number, protocol: string, rules: ListenerRecord['rules']): ListenerRecord {
    const lb = this.requireLoadBalancer(lbArn);
    let listener = lb.listeners.find((l) => l.port === port);
    if (!listener) {
      const kind = lb.type === 'application' ? 'app' : 'net';
      const lbId = lbArn.split('/').slice(-2).join('/');
      listener = {
        arn: `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}:listener/${kind}/${lbId}/${hex16()}`,
        port,
        protocol,
        rules: [],
      };
      lb.listeners.push(listener);
    }
    listener.rules = rules;
    this.relinkTargetGroups();
    return listener;
  }

  createTargetGroup(input: CreateTargetGroupInput): TargetGroupModel {
    const existing = this.findTargetGroupByName(input.name);
    if (existing) {
      if (existing.config.port !== input.port || existing.config.targetType !== input.targetType) {
        throw Errors.duplicateTargetGroupName();
      }
      return existing;
    }
    const lbType = input.loadBalancerType ?? 'application';
    const real = lbType === 'application' ? REAL.alb : REAL.nlb;
    const hcIn = input.healthCheck ?? {};
    const scale = this.durations.scale;
    const defaultsMs = lbType === 'application' ? this.durations.alb : this.durations.nlb;
    const intervalSeconds = hcIn.intervalSeconds ?? real.intervalSeconds;
    const timeoutSeconds = hcIn.timeoutSeconds ?? real.timeoutSeconds;
    const attributes = {
      ...(lbType === 'application' ? ALB_DEFAULT_ATTRIBUTES : NLB_DEFAULT_ATTRIBUTES),
      ...(input.attributes ?? {}),
    };
    const delaySeconds = Number(attributes['deregistration_delay.timeout_seconds']);
    if (!Number.isFinite(delaySeconds) || delaySeconds < 0 || delaySeconds > 3600) {
      throw Errors.validation(`'deregistration_delay.timeout_seconds' must be between 0 and 3600 seconds`);
    }
    const protocol = input.protocol ?? (lbType === 'application' ? 'HTTP' : 'TCP');
    const arn = `arn:aws:elasticloadbalancing:${this.region}:${this.accountId}:targetgroup/${input.name}/${hex16()}`;
    const tg = new TargetGroupModel(
      {
        arn,
        name: input.name,
        loadBalancerType: lbType,
        protocol,
        port: input.port,
        targetType: input.targetType,
        vpcId: this.vpcId,
        loadBalancerArns: [],
        healthCheck: {
          // Real seconds map to the same scaled ms as the defaults do; thresholds are counts.
          intervalMs: hcIn.intervalSeconds !== undefined ? scaleSeconds(intervalSeconds, scale) : defaultsMs.intervalMs,
          timeoutMs: hcIn.timeoutSeconds !== undefined ? scaleSeconds(timeoutSeconds, scale) : defaultsMs.timeoutMs,
          healthyThreshold: hcIn.healthyThreshold ?? defaultsMs.healthyThreshold,
          unhealthyThreshold: hcIn.unhealthyThreshold ?? defaultsMs.unhealthyThreshold,
          protocol: hcIn.protocol ?? (lbType === 'application' ? 'HTTP' : 'TCP'),
          ...(hcIn.path !== undefined || lbType === 'application' ? { path: hcIn.path ?? '/' } : {}),
          port: hcIn.port ?? 'traffic-port',
          ...(hcIn.matcher !== undefined || lbType === 'application' ? { matcher: hcIn.matcher ?? '200' } : {}),
        },
        deregistrationDelayMs: scaleSeconds(delaySeconds, scale),
        registrationPropagationMs: this.durations.registrationPropagationMs,
        deregistrationPropagationMs: this.durations.deregistrationPropagationMs,
        attributes,
      },
      this.clock,
      this.probe,
    );
    this.displayed.set(arn, { intervalSeconds, timeoutSeconds });
    this.tgs.set(arn, tg);
    this.tags.set(arn, new Map(Object.entries(input.tags ?? {})));
    this.relinkTargetGroups();
    return tg;
  }

  deleteTargetGroup(arn: string): void {
    const tg = this.tgs.get(arn);
    if (!tg) return;
    tg.dispose();
    this.tgs.delete(arn);
    this.tags.delete(arn);
    this.displayed.delete(arn);
    for (const lb of this.lbs.values()) {
      for (const l of lb.listeners) l.rules = l.rules.filter((r) => r.targetGroupArn !== arn);
    }
  }

  targetGroup(arn: string): TargetGroupModel | undefined {
    return this.tgs.get(arn);
  }

  findTargetGroupByName(name: string): TargetGroupModel | undefined {
    return [...this.tgs.values()].find((t) => t.config.name === name);
  }

  targetGroups(): TargetGroupModel[] {
    return [...this.tgs.values()];
  }

  loadBalancer(arn: string): LoadBalancerRecord | undefined {
    return this.lbs.get(arn);
  }

  loadBalancers(): LoadBalancerRecord[] {
    return [...this.lbs.values()];
  }

  requireLoadBalancer(arn: string): LoadBalancerRecord {
    const lb = this.lbs.get(arn);
    if (!lb) throw Errors.loadBalancerNotFound();
    return lb;
  }

  tagsOf(arn: string): Map<string, string> | undefined {
    return this.tags.get(arn);
  }

  setTags(arn: string, tags: Record<string, string>): void {
    const m = this.tags.get(arn);
    if (!m) throw Errors.targetGroupNotFound([arn]);
    for (const [k, v] of Object.entries(tags)) m.set(k, v);
  }

  /** Disposes every target group model (stops their timers). */
  dispose(): void {
    for (const tg of this.tgs.values()) tg.dispose();
  }

  private relinkTargetGroups(): void {
    for (const tg of this.tgs.values()) {
      const lbs = [...this.lbs.values()]
        .filter((lb) => lb.listeners.some((l) => l.rules.some((r) => r.targetGroupArn === tg.arn)))
        .map((lb) => lb.arn);
      tg.config.loadBalancerArns = lbs;
    }
  }
}
