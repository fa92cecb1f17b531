/**
 * Which CloudWatch series to read for the watched target groups: every load balancer in front of
 * them (DescribeTargetGroups → LoadBalancerArns) with its load-balancer-level series, and each
 * watched target group's own series on each of its load balancers. One GetMetricData call per
 * region and poll reads them all (at most {@link MAX_QUERIES} series per call, AWS's limit). Pure.
 */
import {
  type LoadBalancerRef,
  loadBalancerRef,
  METRICS,
  type MetricRole,
  type MetricSpec,
  targetGroupDimension,
  type TargetGroupDimension,
} from './dimensions.js';

/** AWS: "A GetMetricData operation that does not include a query can retrieve as many as 500 different metrics". */
export const MAX_QUERIES = 500;

export interface WatchedTargetGroup {
  readonly arn: string;
  readonly name: string;
  /** LoadBalancerArns from DescribeTargetGroups. */
  readonly loadBalancerArns: readonly string[];
}

export interface MetricQuery {
  /** `q0`, `q1`, ...: GetMetricData ids start with a lowercase letter. */
  readonly id: string;
  readonly spec: MetricSpec;
  readonly loadBalancer: string;
  readonly targetGroup?: string;
  readonly dimensions: readonly { readonly Name: string; readonly Value: string }[];
}

export interface PlannedLoadBalancer {
  readonly ref: LoadBalancerRef;
  /** Every target group attached to it (DescribeTargetGroups by LoadBalancerArn); undefined when not known. */
  readonly attached: readonly { readonly arn: string; readonly name: string }[] | undefined;
  /** The watched target groups behind it. */
  readonly watched: readonly TargetGroupDimension[];
}

export interface MetricsPlan {
  readonly loadBalancers: readonly PlannedLoadBalancer[];
  /** Per region, the queries of one GetMetricData call. */
  readonly queries: ReadonlyMap<string, readonly MetricQuery[]>;
  /** What cannot be read, for the log (a group with no load balancer, a Gateway Load Balancer). */
  readonly notes: readonly string[];
  /** Why no metrics can be read at all; undefined when the plan reads something. */
  readonly unusable?: string;
}

export interface PlanInput {
  readonly targetGroups: readonly WatchedTargetGroup[];
  /** Per load balancer ARN, every target group attached to it, when known. */
  readonly attached?: ReadonlyMap<string, readonly { readonly arn: string; readonly name: string }[]>;
}

/** The series to read for these target groups. */
export function planMetrics(input: PlanInput): MetricsPlan {
  const notes: string[] = [];
  const lbs = new Map<string, { ref: LoadBalancerRef; watched: TargetGroupDimension[] }>();
  for (const tg of input.targetGroups) {
    const dim = targetGroupDimension(tg.arn);
    if (!dim) {
      notes.push(`target group ${tg.name}: ${tg.arn} is not a target group ARN; its metrics are not read`);
      continue;
    }
    if (tg.loadBalancerArns.length === 0) {
      notes.push(`target group ${tg.name} is attached to no load balancer: no request reaches it, no metric counts it`);
      continue;
    }
    for (const lbArn of tg.loadBalancerArns) {
      const ref = loadBalancerRef(lbArn);
      if (!ref) {
        notes.push(`target group ${tg.name}: ${lbArn} is not a load balancer ARN; its metrics are not read`);
        continue;
      }
      if (ref.kind === 'gateway') {
        notes.push(
          `load balancer ${ref.name} is a Gateway Load Balancer: it publishes no HTTP codes or resets, its metrics are not read`,
        );
        continue;
      }
      const entry = lbs.get(lbArn) ?? { ref, watched: [] };
      if (!entry.watched.some((w) => w.arn === dim.arn)) entry.watched.push(dim);
      lbs.set(lbArn, entry);
    }
  }

  const queries = new Map<string, MetricQuery[]>();
  let n = 0;
  for (const { ref, watched } of lbs.values()) {
    const list = queries.get(ref.region) ?? [];
    const lbDim = { Name: 'LoadBalancer', Value: ref.dimension };
    for (const spec of METRICS[ref.kind as 'application' | 'network']) {
      if (!spec.perTargetGroup) {
        list.push({ id: `q${n++}`, spec, loadBalancer: ref.arn, dimensions: [lbDim] });
        continue;
      }
      for (const tg of watched) {
        list.push({
          id: `q${n++}`,
          spec,
          loadBalancer: ref.arn,
          targetGroup: tg.arn,
          dimensions: [{ Name: 'TargetGroup', Value: tg.dimension }, lbDim],
        });
      }
    }
    queries.set(ref.region, list);
  }

  const loadBalancers = [...lbs.values()].map(({ ref, watched }) => ({
    ref,
    watched,
    attached: input.attached?.get(ref.arn),
  }));
  const tooMany = [...queries.entries()].find(([, q]) => q.length > MAX_QUERIES);
  const unusable =
    loadBalancers.length === 0
      ? 'no Application or Network Load Balancer is in front of the watched target groups, so there are no load balancer metrics to read'
      : tooMany
        ? `${tooMany[1].length} CloudWatch series in ${tooMany[0]} for ${loadBalancers.length} load balancers exceed GetMetricData's ${MAX_QUERIES} per call: watch fewer target groups per run`
        : undefined;
  return { loadBalancers, queries, notes, ...(unusable ? { unusable } : {}) };
}

/** The roles a query of this plan can have, for the series of one load balancer. */
export function queriesOf(plan: MetricsPlan, loadBalancer: string, role: MetricRole): MetricQuery[] {
  return [...plan.queries.values()].flat().filter((q) => q.loadBalancer === loadBalancer && q.spec.role === role);
}
