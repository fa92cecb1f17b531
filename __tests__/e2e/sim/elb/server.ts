/**
 * A fake ELBv2 endpoint on 127.0.0.1 speaking the AWS Query protocol, so the unmodified
 * `@aws-sdk/client-elastic-load-balancing-v2` client works against it through its endpoint
 * override (`endpoint` option or `AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2`).
 *
 * Signatures are not verified, but a SigV4 `Authorization` header must be present: its access key
 * id is the caller's identity for counters and per-identity faults.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import { listenLoopback, readBody } from '../loopback.js';
import type { TargetGroupModel } from '../target-group.js';
import type { CallCounters } from './counters.js';
import type { Faults } from './faults.js';
import {
  accessKeyFromAuthorization,
  API_VERSION,
  decodeMarker,
  ElbError,
  encodeMarker,
  Errors,
  errorXml,
  pageSize,
  QueryParams,
  successXml,
  type XmlValue,
} from './protocol.js';
import type { ElbStore, LoadBalancerRecord } from './store.js';

type Result = { [key: string]: XmlValue };

interface Handled {
  result: Result;
  targetGroups: string[];
}

const TG_ARN = /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

function required(p: QueryParams, name: string, member: string): string {
  const v = p.get(name);
  if (v === undefined || v === '') {
    throw Errors.validation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return v;
}

function page<T>(items: T[], p: QueryParams): { items: T[]; next?: string } {
  const start = decodeMarker(p.get('Marker'));
  const size = pageSize(p.get('PageSize'));
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { items: slice, next: encodeMarker(start + size) } : { items: slice };
}

/** The ELB API operations over an {@link ElbStore}; transport-independent. */
export class ElbApi {
  readonly store: ElbStore;

  constructor(store: ElbStore) {
    this.store = store;
  }

  /** Resolves the target group named by an action's TargetGroupArn (validated), for fault scoping. */
  resourceOf(p: QueryParams): string | undefined {
    return p.get('TargetGroupArn') ?? p.get('LoadBalancerArn');
  }

  handle(action: string, p: QueryParams): Handled {
    switch (action) {
      case 'DescribeTargetHealth':
        return this.describeTargetHealth(p);
      case 'DescribeTargetGroups':
        return this.describeTargetGroups(p);
      case 'DescribeTags':
        return this.describeTags(p);
      case 'DescribeTargetGroupAttributes':
        return this.describeTargetGroupAttributes(p);
      case 'DescribeLoadBalancers':
        return this.describeLoadBalancers(p);
      case 'DescribeListeners':
        return this.describeListeners(p);
      case 'RegisterTargets':
        return this.changeTargets(p, 'register');
      case 'DeregisterTargets':
        return this.changeTargets(p, 'deregister');
      default:
        throw Errors.invalidAction(action);
    }
  }

  requireTargetGroup(arn: string): TargetGroupModel {
    if (!TG_ARN.test(arn)) throw Errors.validation(`'${arn}' is not a valid target group ARN`);
    const tg = this.store.targetGroup(arn);
    if (!tg) throw Errors.targetGroupNotFound([arn]);
    return tg;
  }

  private targetsParam(p: QueryParams, tg: TargetGroupModel): Array<{ id: string; port: number }> {
    const raw = p.structList('Targets');
    const bad = raw.filter((t) => {
      const id = t['Id'] ?? '';
      return tg.config.targetType === 'ip' ? !IPV4.test(id) : !INSTANCE_ID.test(id);
    });
    if (bad.length > 0) throw Errors.invalidTarget(bad.map((t) => t['Id'] ?? ''));
    return raw.map((t) => ({ id: t['Id']!, port: t['Port'] !== undefined ? Number(t['Port']) : tg.config.port }));
  }

  private describeTargetHealth(p: QueryParams): Handled {
    const arn = required(p, 'TargetGroupArn', 'targetGroupArn');
    const tg = this.requireTargetGroup(arn);
    const targets = this.targetsParam(p, tg);
    const descs = tg.describe(targets.length > 0 ? targets : undefined);
    return {
      targetGroups: [arn],
      result: {
        TargetHealthDescriptions: descs.map((d) => ({
          Target: { Id: d.Target.Id, Port: d.Target.Port, AvailabilityZone: d.Target.AvailabilityZone },
          HealthCheckPort: d.HealthCheckPort,
          TargetHealth: {
            State: d.TargetHealth.State,
            Reason: d.TargetHealth.Reason,
            Description: d.TargetHealth.Description,
          },
        })),
      },
    };
  }

  private describeTargetGroups(p: QueryParams): Handled {
    const lbArn = p.get('LoadBalancerArn');
    const arns = p.list('TargetGroupArns');
    const names = p.list('Names');
    if ([lbArn !== undefined, arns.length > 0, names.length > 0].filter(Boolean).length > 1) {
      throw Errors.validation('You can specify only one of LoadBalancerArn, TargetGroupArns or Names');
    }
    let tgs: TargetGroupModel[];
    if (arns.length > 0) {
      tgs = arns.map((a) => {
        if (!TG_ARN.test(a)) throw Errors.validation(`'${a}' is not a valid target group ARN`);
        const tg = this.store.targetGroup(a);
        if (!tg) throw Errors.targetGroupNotFound();
        return tg;
      });
    } else if (names.length > 0) {
      tgs = names.map((n) => {
        const tg = this.store.findTargetGroupByName(n);
        if (!tg) throw Errors.targetGroupNotFound();
        return tg;
      });
    } else if (lbArn !== undefined) {
      this.store.requireLoadBalancer(lbArn);
      tgs = this.store.targetGroups().filter((t) => t.config.loadBalancerArns.includes(lbArn));
    } else {
      tgs = this.store.targetGroups();
    }
    const { items, next } = page(tgs, p);
    return {
      targetGroups: items.map((t) => t.arn),
      result: { TargetGroups: items.map((t) => this.targetGroupXml(t)), NextMarker: next },
    };
  }

  private targetGroupXml(tg: TargetGroupModel): XmlValue {
    const c = tg.config;
    const shown = this.store.displayed.get(tg.arn);
    return {
      TargetGroupArn: c.arn,
      TargetGroupName: c.name,
      Protocol: c.protocol,
      Port: c.port,
      VpcId: c.vpcId,
      HealthCheckProtocol: c.healthCheck.protocol,
      HealthCheckPort: c.healthCheck.port,
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: shown?.intervalSeconds ?? Math.round(c.healthCheck.intervalMs / 1000),
      HealthCheckTimeoutSeconds: shown?.timeoutSeconds ?? Math.round(c.healthCheck.timeoutMs / 1000),
      HealthyThresholdCount: c.healthCheck.healthyThreshold,
      UnhealthyThresholdCount: c.healthCheck.unhealthyThreshold,
      HealthCheckPath: c.healthCheck.path,
      Matcher: c.healthCheck.matcher !== undefined ? { HttpCode: c.healthCheck.matcher } : undefined,
      LoadBalancerArns: c.loadBalancerArns,
      TargetType: c.targetType,
      ProtocolVersion: c.loadBalancerType === 'application' ? 'HTTP1' : undefined,
      IpAddressType: 'ipv4',
    };
  }

  private describeTags(p: QueryParams): Handled {
    const arns = p.list('ResourceArns');
    if (arns.length === 0) {
      throw Errors.validation(
        `1 validation error detected: Value null at 'resourceArns' failed to satisfy constraint: Member must not be null`,
      );
    }
    if (arns.length > 20) {
      throw Errors.validation(
        `1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20`,
      );
    }
    const out = arns.map((arn) => {
      const tags = this.store.tagsOf(arn);
      if (!tags) {
        if (arn.includes(':targetgroup/')) throw Errors.targetGroupNotFound([arn]);
        if (arn.includes(':listener/')) throw Errors.listenerNotFound();
        throw Errors.loadBalancerNotFound();
      }
      return { ResourceArn: arn, Tags: [...tags.entries()].map(([Key, Value]) => ({ Key, Value })) };
    });
    return { targetGroups: arns.filter((a) => a.includes(':targetgroup/')), result: { TagDescriptions: out } };
  }

  private describeTargetGroupAttributes(p: QueryParams): Handled {
    const arn = required(p, 'TargetGroupArn', 'targetGroupArn');
    const tg = this.requireTargetGroup(arn);
    return {
      targetGroups: [arn],
      result: { Attributes: Object.entries(tg.config.attributes).map(([Key, Value]) => ({ Key, Value })) },
    };
  }

  private describeLoadBalancers(p: QueryParams): Handled {
    const arns = p.list('LoadBalancerArns');
    const names = p.list('Names');
    let lbs: LoadBalancerRecord[];
    if (arns.length > 0) {
      lbs = arns.map((a) => this.store.requireLoadBalancer(a));
    } else if (names.length > 0) {
      lbs = names.map((n) => {
        const lb = this.store.loadBalancers().find((l) => l.name === n);
        if (!lb) throw Errors.loadBalancerNotFound();
        return lb;
      });
    } else {
      lbs = this.store.loadBalancers();
    }
    const { items, next } = page(lbs, p);
    return {
      targetGroups: [],
      result: {
        LoadBalancers: items.map((lb) => ({
          LoadBalancerArn: lb.arn,
          DNSName: lb.dnsName,
          CanonicalHostedZoneId: lb.type === 'application' ? 'Z32O12XQLNTSW2' : 'Z2IFOLAFXWLO4F',
          CreatedTime: lb.createdAt.toISOString(),
          LoadBalancerName: lb.name,
          Scheme: lb.scheme,
          VpcId: this.store.vpcId,
          State: { Code: 'active' },
          Type: lb.type,
          IpAddressType: 'ipv4',
        })),
        NextMarker: next,
      },
    };
  }

  private describeListeners(p: QueryParams): Handled {
    const lbArn = p.get('LoadBalancerArn');
    const listenerArns = p.list('ListenerArns');
    if (lbArn === undefined && listenerArns.length === 0) {
      throw Errors.validation('You must specify either listener ARNs or a load balancer ARN');
    }
    const all = this.store.loadBalancers().flatMap((lb) => lb.listeners.map((l) => ({ lb, l })));
    let chosen: typeof all;
    if (lbArn !== undefined) {
      this.store.requireLoadBalancer(lbArn);
      chosen = all.filter((x) => x.lb.arn === lbArn);
    } else {
      chosen = listenerArns.map((a) => {
        const found = all.find((x) => x.l.arn === a);
        if (!found) throw Errors.listenerNotFound();
        return found;
      });
    }
    const { items, next } = page(chosen, p);
    return {
      targetGroups: [],
      result: {
        Listeners: items.map(({ lb, l }) => {
          const first = l.rules[0]?.targetGroupArn;
          return {
            ListenerArn: l.arn,
            LoadBalancerArn: lb.arn,
            Port: l.port,
            Protocol: l.protocol,
            DefaultActions: first
              ? [
                  {
                    Type: 'forward',
                    TargetGroupArn: first,
                    Order: 1,
                    ForwardConfig: { TargetGroups: [{ TargetGroupArn: first, Weight: 1 }] },
                  },
                ]
              : [
                  {
                    Type: 'fixed-response',
                    Order: 1,
                    FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' },
                  },
                ],
          };
        }),
        NextMarker: next,
      },
    };
  }

  private changeTargets(p: QueryParams, op: 'register' | 'deregister'): Handled {
    const arn = required(p, 'TargetGroupArn', 'targetGroupArn');
    const tg = this.requireTargetGroup(arn);
    const targets = this.targetsParam(p, tg);
    if (targets.length === 0) {
      throw Errors.validation(
        `1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null`,
      );
    }
    if (op === 'register') tg.register(targets);
    else tg.deregister(targets);
    return { targetGroups: [arn], result: {} };
  }
}

export interface ElbServer {
  /** e.g. http://127.0.0.1:40123 */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export interface ElbServerDeps {
  api: ElbApi;
  faults: Faults;
  counters: CallCounters;
  clock: Clock;
}

/** Serves the API on 127.0.0.1 (ephemeral port unless given). */
export async function startElbServer(deps: ElbServerDeps, port = 0): Promise<ElbServer> {
  const { api, faults, counters, clock } = deps;

  const respond = (res: ServerResponse, status: number, body: string, requestId: string): void => {
    res.writeHead(status, {
      'Content-Type': 'text/xml',
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-RequestId': requestId,
      Date: new Date().toUTCString(),
    });
    res.end(body);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const started = clock.now();
      const wallStart = performance.now();
      const requestId = randomUUID();
      let action = 'Unknown';
      let identity = 'anonymous';
      let targetGroups: string[] = [];
      let status = 200;
      let outcome = 'ok';
      let body: string;
      let latencyMs = 0;
      try {
        const raw = req.method === 'POST' ? await readBody(req) : ((req.url ?? '').split('?')[1] ?? '');
        const p = new QueryParams(raw);
        action = p.get('Action') ?? 'Unknown';
        const key = accessKeyFromAuthorization(req.headers.authorization);
        if (!key) throw Errors.missingAuth();
        identity = key;
        if (action === 'Unknown') throw Errors.missingAction();
        if (p.get('Version') !== API_VERSION) throw Errors.invalidAction(action);
        const tgArn = p.get('TargetGroupArn');
        if (tgArn) targetGroups = [tgArn];
        const decision = faults.decide(action, identity, api.resourceOf(p));
        latencyMs = decision.latencyMs;
        if (decision.error) throw decision.error;
        const handled = api.handle(action, p);
        targetGroups = handled.targetGroups;
        body = successXml(action, handled.result, requestId);
      } catch (e) {
        const err = e instanceof ElbError ? e : Errors.internalFailure();
        status = err.status;
        outcome = err.code;
        body = errorXml(err, requestId);
      }
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      counters.add({
        at: started,
        action,
        identity,
        targetGroups,
        outcome,
        status,
        durationMs: performance.now() - wallStart,
      });
      respond(res, status, body, requestId);
    })();
  });
  return listenLoopback(server, port);
}
