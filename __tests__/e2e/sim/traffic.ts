/**
 * The load balancer's data plane and a vegeta-like request generator.
 *
 * A request goes to the target group the listener rules pick, then round-robin to a target the
 * data plane considers in service ({@link TargetGroupModel.routable}); what the target's pod does
 * decides the answer ({@link PodView.conditionAt}). ALB status codes follow the seeds and the ALB
 * troubleshooting guide:
 * - nothing routable in the group: 503;
 * - the target refuses the connection (pod not started, or exited after its preStop): 502;
 * - the target never answers (pod gone, IP unassigned): 504 after the target connect timeout;
 * - an app error: the app's code, passed through.
 * An NLB has no HTTP layer: failures are connection errors (status 0, as vegeta reports them).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, TimerHandle } from './clock.js';
import type { SimDurations } from './durations.js';
import type { ElbStore } from './elb/store.js';
import type { PodView } from './pods.js';
import type { TargetGroupModel, TargetRef } from './target-group.js';

export interface RequestOutcome {
  status: number;
  latencyMs: number;
  /** The target (ip:port) the request went to, if any. */
  target?: string;
  error?: string;
  failOpen?: boolean;
  /**
   * Who produced the answer: the load balancer itself (ALB 502/503/504/404, an NLB reset when
   * nothing is routable) or the target (its own code, or an NLB connection it refused). Absent
   * when nobody answered (an NLB connect timeout, an unknown load balancer).
   */
  origin?: 'load-balancer' | 'target';
}

/** One request through the data plane, as the load balancer's metrics would count it. */
export interface RequestEvent {
  /** When the load balancer received it (simulator clock). */
  at: number;
  loadBalancerArn?: string;
  targetGroupArn?: string;
  outcome: RequestOutcome;
}

/** Maps an instance target (node, NodePort) to the pod IP kube-proxy forwards to, if any. */
export type InstanceResolver = (tg: TargetGroupModel, target: TargetRef) => string | undefined;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Timeout',
};

export class DataPlane {
  private readonly store: ElbStore;
  private readonly pods: PodView;
  private readonly durations: SimDurations;
  private readonly rr = new Map<string, number>();
  private readonly listeners = new Set<(e: RequestEvent) => void>();
  private readonly clock: Clock | undefined;
  instanceResolver: InstanceResolver = () => undefined;

  constructor(store: ElbStore, pods: PodView, durations: SimDurations, clock?: Clock) {
    this.store = store;
    this.pods = pods;
    this.durations = durations;
    this.clock = clock;
  }

  /** Calls `listener` for every request (the simulated CloudWatch counts them); returns the unsubscribe. */
  onRequest(listener: (e: RequestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(
    loadBalancerArn: string | undefined,
    targetGroupArn: string | undefined,
    outcome: RequestOutcome,
  ): RequestOutcome {
    if (this.listeners.size > 0) {
      const e: RequestEvent = {
        at: this.clock?.now() ?? Date.now(),
        ...(loadBalancerArn ? { loadBalancerArn } : {}),
        ...(targetGroupArn ? { targetGroupArn } : {}),
        outcome,
      };
      for (const l of this.listeners) l(e);
    }
    return outcome;
  }

  /** The target group a listener rule sends `path` to (longest prefix; first rule is the default). */
  targetGroupFor(loadBalancerArn: string, path = '/', port?: number): string | undefined {
    const lb = this.store.loadBalancer(loadBalancerArn);
    const listener = port !== undefined ? lb?.listeners.find((l) => l.port === port) : lb?.listeners[0];
    if (!listener || listener.rules.length === 0) return undefined;
    const matching = listener.rules
      .filter((r) => path.startsWith(r.pathPrefix))
      .sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
    return (matching[0] ?? listener.rules[0])!.targetGroupArn;
  }

  /** One request to a load balancer (by listener rules) and path. */
  requestLoadBalancer(loadBalancerArn: string, path = '/'): RequestOutcome {
    const lb = this.store.loadBalancer(loadBalancerArn);
    const tgArn = this.targetGroupFor(loadBalancerArn, path);
    if (!lb)
      return { status: 0, latencyMs: this.durations.targetConnectTimeoutMs, error: 'dial tcp: lookup: no such host' };
    if (!tgArn) {
      return this.emit(
        loadBalancerArn,
        undefined,
        lb.type === 'application'
          ? { status: 404, latencyMs: this.durations.requestLatencyMs, error: '404 Not Found', origin: 'load-balancer' }
          : {
              status: 0,
              latencyMs: this.durations.requestLatencyMs,
              error: 'connection refused',
              origin: 'load-balancer',
            },
      );
    }
    return this.emit(loadBalancerArn, tgArn, this.forward(tgArn));
  }

  /** One request forwarded to a target group (through its first load balancer, for the metrics). */
  requestTargetGroup(targetGroupArn: string): RequestOutcome {
    return this.emit(
      this.store.targetGroup(targetGroupArn)?.config.loadBalancerArns[0],
      targetGroupArn,
      this.forward(targetGroupArn),
    );
  }

  private forward(targetGroupArn: string): RequestOutcome {
    const tg = this.store.targetGroup(targetGroupArn);
    const d = this.durations;
    const alb = !tg || tg.config.loadBalancerType === 'application';
    // Through an NLB a refused connection is the target's reset, nothing routable the load
    // balancer's own reset, and a connect timeout nobody's answer.
    const nlbOrigin = (e: string): Partial<RequestOutcome> =>
      e === 'connection refused' ? { origin: 'target' } : e === 'i/o timeout' ? {} : { origin: 'load-balancer' };
    const fail = (
      status: number,
      nlbError: string,
      latencyMs = d.requestLatencyMs,
      extra: Partial<RequestOutcome> = {},
    ): RequestOutcome =>
      alb
        ? {
            status,
            latencyMs,
            error: `${status} ${STATUS_TEXT[status] ?? ''}`.trim(),
            ...extra,
            origin: 'load-balancer',
          }
        : { status: 0, latencyMs, error: nlbError, ...extra, ...nlbOrigin(nlbError) };
    if (!tg) return fail(503, 'connection reset by peer');
    const { targets, failOpen } = tg.routable();
    if (targets.length === 0) return fail(503, 'connection reset by peer');
    const i = (this.rr.get(targetGroupArn) ?? 0) % targets.length;
    this.rr.set(targetGroupArn, i + 1);
    const target = targets[i]!;
    const name = `${target.id}:${target.port}`;
    const ip = tg.config.targetType === 'ip' ? target.id : this.instanceResolver(tg, target);
    const cond = ip === undefined ? 'refused' : this.pods.conditionAt(ip);
    const extra = { target: name, ...(failOpen ? { failOpen } : {}) };
    if (cond === 'serving') return { status: 200, latencyMs: d.requestLatencyMs, ...extra, origin: 'target' };
    if (cond === 'refused') return fail(502, 'connection refused', d.requestLatencyMs, extra);
    if (cond === 'unreachable' || cond === 'timeout') return fail(504, 'i/o timeout', d.targetConnectTimeoutMs, extra);
    return alb
      ? {
          status: cond.code,
          latencyMs: d.requestLatencyMs,
          error: `${cond.code} ${STATUS_TEXT[cond.code] ?? ''}`.trim(),
          ...extra,
          origin: 'target',
        }
      : { status: 200, latencyMs: d.requestLatencyMs, ...extra, origin: 'target' };
  }
}

export interface Hit {
  at: number;
  status: number;
  latencyMs: number;
  target?: string;
  error?: string;
}

export interface TrafficReport {
  requests: number;
  /** Requests per second actually sent. */
  rate: number;
  /** Successful (2xx/3xx) responses per second over attack + wait. */
  throughput: number;
  durationMs: number;
  success: number;
  statusCodes: Record<string, number>;
  errors: string[];
  latencies: { min: number; mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  /** First and last failed request (ms on the simulator clock). */
  firstErrorAt?: number;
  lastErrorAt?: number;
  /** Per second since the start: counts by status code. */
  timeline: Array<{ second: number; codes: Record<string, number> }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function summarize(hits: Hit[], startedAt: number, endedAt: number): TrafficReport {
  const statusCodes: Record<string, number> = {};
  const errors = new Set<string>();
  const timeline = new Map<number, Record<string, number>>();
  let ok = 0;
  let firstErrorAt: number | undefined;
  let lastErrorAt: number | undefined;
  for (const h of hits) {
    statusCodes[String(h.status)] = (statusCodes[String(h.status)] ?? 0) + 1;
    const good = h.status >= 200 && h.status < 400;
    if (good) ok++;
    else {
      if (h.error) errors.add(h.error);
      firstErrorAt ??= h.at;
      lastErrorAt = h.at;
    }
    const s = Math.floor((h.at - startedAt) / 1000);
    const bucket = timeline.get(s) ?? {};
    bucket[String(h.status)] = (bucket[String(h.status)] ?? 0) + 1;
    timeline.set(s, bucket);
  }
  const lat = hits.map((h) => h.latencyMs).sort((a, b) => a - b);
  const attackMs = Math.max(1, endedAt - startedAt);
  const waitMs = hits.length > 0 ? Math.max(0, Math.max(...hits.map((h) => h.at + h.latencyMs)) - endedAt) : 0;
  return {
    requests: hits.length,
    rate: hits.length / (attackMs / 1000),
    throughput: ok / ((attackMs + waitMs) / 1000),
    durationMs: attackMs,
    success: hits.length ? ok / hits.length : 0,
    statusCodes,
    errors: [...errors].sort(),
    latencies: {
      min: lat[0] ?? 0,
      mean: lat.length ? lat.reduce((a, b) => a + b, 0) / lat.length : 0,
      p50: percentile(lat, 50),
      p90: percentile(lat, 90),
      p95: percentile(lat, 95),
      p99: percentile(lat, 99),
      max: lat[lat.length - 1] ?? 0,
    },
    ...(firstErrorAt !== undefined ? { firstErrorAt } : {}),
    ...(lastErrorAt !== undefined ? { lastErrorAt } : {}),
    timeline: [...timeline.entries()].sort((a, b) => a[0] - b[0]).map(([second, codes]) => ({ second, codes })),
  };
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
}

/** The report in vegeta's text layout. */
export function formatReport(r: TrafficReport): string {
  const codes = Object.entries(r.statusCodes)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([c, n]) => `${c}:${n}`)
    .join('  ');
  const l = r.latencies;
  return [
    `Requests      [total, rate, throughput]         ${r.requests}, ${r.rate.toFixed(2)}, ${r.throughput.toFixed(2)}`,
    `Duration      [total, attack]                   ${fmtMs(r.durationMs)}, ${fmtMs(r.durationMs)}`,
    `Latencies     [min, mean, 50, 90, 95, 99, max]  ${[l.min, l.mean, l.p50, l.p90, l.p95, l.p99, l.max].map(fmtMs).join(', ')}`,
    `Success       [ratio]                           ${(r.success * 100).toFixed(2)}%`,
    `Status Codes  [code:count]                      ${codes}`,
    'Error Set:',
    ...r.errors,
  ].join('\n');
}

export interface AttackOptions {
  /** Requests per second (vegeta -rate). */
  rate: number;
  /** How long to send (vegeta -duration), in ms of the simulator clock. */
  durationMs: number;
  loadBalancerArn?: string;
  targetGroupArn?: string;
  path?: string;
}

/** A bounded constant-rate attack; stops by itself after durationMs. */
export class Attack {
  readonly hits: Hit[] = [];
  readonly done: Promise<TrafficReport>;
  private readonly clock: Clock;
  private readonly plane: DataPlane;
  private readonly opts: AttackOptions;
  private readonly startedAt: number;
  private endedAt?: number;
  private timer?: TimerHandle;
  private resolve!: (r: TrafficReport) => void;
  private static readonly TICK_MS = 10;

  constructor(clock: Clock, plane: DataPlane, opts: AttackOptions) {
    if (!(opts.rate > 0) || !(opts.durationMs > 0)) throw new Error('attack needs rate > 0 and durationMs > 0');
    if (!opts.loadBalancerArn && !opts.targetGroupArn)
      throw new Error('attack needs loadBalancerArn or targetGroupArn');
    this.clock = clock;
    this.plane = plane;
    this.opts = opts;
    this.startedAt = clock.now();
    this.done = new Promise((r) => (this.resolve = r));
    this.tick();
  }

  /** Stops early; returns the report so far. */
  stop(): TrafficReport {
    if (this.endedAt === undefined) {
      this.clock.clearTimeout(this.timer);
      this.endedAt = this.clock.now();
      this.resolve(this.report());
    }
    return this.report();
  }

  report(): TrafficReport {
    return summarize(this.hits, this.startedAt, this.endedAt ?? this.clock.now());
  }

  private fire(): void {
    const o = this.opts;
    const out = o.loadBalancerArn
      ? this.plane.requestLoadBalancer(o.loadBalancerArn, o.path ?? '/')
      : this.plane.requestTargetGroup(o.targetGroupArn!);
    this.hits.push({
      at: this.clock.now(),
      status: out.status,
      latencyMs: out.latencyMs,
      ...(out.target ? { target: out.target } : {}),
      ...(out.error ? { error: out.error } : {}),
    });
  }

  private tick(): void {
    const now = this.clock.now();
    const elapsed = Math.min(now - this.startedAt, this.opts.durationMs);
    const due = Math.floor((elapsed * this.opts.rate) / 1000) + 1;
    const cap = Math.ceil((this.opts.durationMs * this.opts.rate) / 1000);
    while (this.hits.length < Math.min(due, cap)) this.fire();
    if (elapsed >= this.opts.durationMs || this.hits.length >= cap) {
      this.endedAt = this.startedAt + this.opts.durationMs;
      this.resolve(this.report());
      return;
    }
    this.timer = this.clock.setTimeout(() => this.tick(), Attack.TICK_MS);
  }
}

export interface Frontend {
  /** e.g. http://127.0.0.1:40125 — point a probe (the gate's probe-url) here. */
  url: string;
  loadBalancerArn: string;
  hits: Hit[];
  report(): TrafficReport;
  close(): Promise<void>;
}

/**
 * A real HTTP listener on 127.0.0.1 in front of one simulated load balancer, so an external
 * client (the gate's probe) meets the same answers. A 504 is sent after the (scaled) connect
 * timeout; an NLB connection error resets the socket.
 */
export async function startFrontend(
  clock: Clock,
  plane: DataPlane,
  store: ElbStore,
  loadBalancerArn: string,
): Promise<Frontend> {
  const hits: Hit[] = [];
  const startedAt = clock.now();
  const server: Server = createServer((req, res) => {
    const out = plane.requestLoadBalancer(loadBalancerArn, (req.url ?? '/').split('?')[0]);
    hits.push({
      at: clock.now(),
      status: out.status,
      latencyMs: out.latencyMs,
      ...(out.target ? { target: out.target } : {}),
      ...(out.error ? { error: out.error } : {}),
    });
    const send = (): void => {
      if (out.status === 0) {
        req.socket.destroy();
        return;
      }
      const body =
        out.status === 200
          ? 'ok\n'
          : `<html><head><title>${out.status} ${STATUS_TEXT[out.status] ?? ''}</title></head></html>\n`;
      res.writeHead(out.status, {
        Server: store.loadBalancer(loadBalancerArn)?.type === 'application' ? 'awselb/2.0' : 'zd-sim',
        'Content-Type': 'text/html',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    };
    setTimeout(send, out.latencyMs).unref();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    loadBalancerArn,
    hits,
    report: () => summarize(hits, startedAt, clock.now()),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
