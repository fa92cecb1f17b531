/**
 * The load balancer metrics CloudWatch would hold for the simulated load balancers: every request
 * through the data plane ({@link DataPlane.onRequest}) counted per real wall-clock minute into the
 * series ELB publishes, and each minute made visible a publication delay after it ends.
 *
 * Series (namespace, metric, dimensions), as the Elastic Load Balancing User Guide lists them:
 * - ALB (`AWS/ApplicationELB`): `RequestCount` per LoadBalancer and per TargetGroup+LoadBalancer;
 *   the load balancer's own answers `HTTPCode_ELB_5XX_Count` and `HTTPCode_ELB_500/502/503/504_Count`,
 *   `HTTPCode_ELB_4XX_Count` per LoadBalancer only; the targets' `HTTPCode_Target_2XX_Count` /
 *   `HTTPCode_Target_5XX_Count` per LoadBalancer and per TargetGroup+LoadBalancer.
 * - NLB (`AWS/NetworkELB`): `NewFlowCount` (one flow per request here), `TCP_ELB_Reset_Count` (nothing
 *   routable: the load balancer resets), `TCP_Target_Reset_Count` (a target refused the connection),
 *   per LoadBalancer. A connect timeout resets nothing and is counted nowhere, as on AWS.
 *
 * Minutes are real minutes whatever the simulator's scale (the product asks for a 60 s period and
 * reads wall-clock minutes); only the publication delay is a scaled duration. A series with
 * nothing to count in a minute has no datapoint for it ("If there are no requests flowing through
 * the load balancer or no data for a metric, the metric is not reported").
 */
import type { Clock } from '../clock.js';
import type { ElbStore } from '../elb/store.js';
import type { DataPlane, RequestEvent } from '../traffic.js';

export const MINUTE_MS = 60_000;

export type Dimensions = Readonly<Record<string, string>>;

/** `AWS/ApplicationELB|RequestCount|LoadBalancer=app/x/1,TargetGroup=targetgroup/y/2` */
export function seriesKey(namespace: string, metric: string, dimensions: Dimensions): string {
  const dims = Object.entries(dimensions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${namespace}|${metric}|${dims}`;
}

/** The CloudWatch dimension value of an ELBv2 ARN: the part after `loadbalancer/`, or `targetgroup/...`. */
export function dimensionOf(arn: string): string {
  const lb = /:loadbalancer\/(.+)$/.exec(arn);
  if (lb) return lb[1]!;
  const tg = /:(targetgroup\/.+)$/.exec(arn);
  if (tg) return tg[1]!;
  throw new Error(`not a load balancer or target group ARN: ${arn}`);
}

export interface PublicationOptions {
  /** Delay between a minute's end and its datapoints becoming visible. */
  publicationDelayMs: number;
}

export class ElbMetrics {
  /** series key → minute start → count */
  private readonly counts = new Map<string, Map<number, number>>();
  publicationDelayMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly store: ElbStore,
    opts: PublicationOptions,
  ) {
    this.publicationDelayMs = opts.publicationDelayMs;
  }

  /** Counts every request of this data plane from now on; returns the detach. */
  attach(plane: DataPlane): () => void {
    return plane.onRequest((e) => this.record(e));
  }

  /** Counts one request into the series ELB publishes for it. */
  record(e: RequestEvent): void {
    if (!e.loadBalancerArn) return;
    const lb = this.store.loadBalancer(e.loadBalancerArn);
    if (!lb) return;
    const minute = Math.floor(e.at / MINUTE_MS) * MINUTE_MS;
    const lbDims = { LoadBalancer: dimensionOf(lb.arn) };
    const tgDims = e.targetGroupArn ? { ...lbDims, TargetGroup: dimensionOf(e.targetGroupArn) } : undefined;
    const add = (namespace: string, metric: string, dims: Dimensions | undefined): void => {
      if (!dims) return;
      const key = seriesKey(namespace, metric, dims);
      let byMinute = this.counts.get(key);
      if (!byMinute) this.counts.set(key, (byMinute = new Map()));
      byMinute.set(minute, (byMinute.get(minute) ?? 0) + 1);
    };
    const { status, origin } = e.outcome;
    if (lb.type === 'application') {
      const ns = 'AWS/ApplicationELB';
      add(ns, 'RequestCount', lbDims);
      add(ns, 'RequestCount', tgDims);
      if (origin === 'load-balancer' && status >= 400) {
        const klass = status >= 500 ? '5XX' : '4XX';
        add(ns, `HTTPCode_ELB_${klass}_Count`, lbDims);
        if ([500, 502, 503, 504].includes(status)) add(ns, `HTTPCode_ELB_${status}_Count`, lbDims);
      } else if (origin === 'target' && status >= 200) {
        const klass = `${Math.floor(status / 100)}XX`;
        add(ns, `HTTPCode_Target_${klass}_Count`, lbDims);
        add(ns, `HTTPCode_Target_${klass}_Count`, tgDims);
      }
    } else {
      const ns = 'AWS/NetworkELB';
      add(ns, 'NewFlowCount', lbDims);
      if (status === 0 && origin === 'load-balancer') add(ns, 'TCP_ELB_Reset_Count', lbDims);
      if (status === 0 && origin === 'target') add(ns, 'TCP_Target_Reset_Count', lbDims);
    }
  }

  /** When a minute's datapoints become visible. */
  publishedAt(minute: number): number {
    return minute + MINUTE_MS + this.publicationDelayMs;
  }

  /**
   * The datapoints of a series in [fromMs, toMs) as CloudWatch shows them at `now` (period 60 s):
   * published minutes with a non-zero count, oldest first.
   */
  datapoints(key: string, fromMs: number, toMs: number, now = this.clock.now()): Array<[number, number]> {
    const byMinute = this.counts.get(key);
    if (!byMinute) return [];
    return [...byMinute.entries()]
      .filter(([m, v]) => m >= fromMs && m < toMs && v > 0 && now >= this.publishedAt(m))
      .sort((a, b) => a[0] - b[0]);
  }

  /** The true count of a series over [fromMs, toMs), published or not (for test assertions). */
  total(key: string, fromMs: number, toMs: number): number {
    let n = 0;
    for (const [m, v] of this.counts.get(key) ?? []) if (m >= fromMs && m < toMs) n += v;
    return n;
  }

  /** Every series with data, for ListMetrics-like inspection in tests. */
  series(): string[] {
    return [...this.counts.keys()].sort();
  }
}
