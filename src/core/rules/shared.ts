/** Small helpers several rules share. */
import type { IntOrString } from '../rollout/types.js';
import type { Graph } from '../graph/graph.js';
import type { Exposure } from '../graph/lb.js';
import type { Container, Workload } from '../graph/workload.js';
import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';

/** Each serving container once, however many Services or ports reach it. */
export function servingContainers(graph: Graph, w: Workload): Container[] {
  const out: Container[] = [];
  for (const s of graph.servingContainers(w)) if (!out.includes(s.container)) out.push(s.container);
  return out;
}

/** terminationGracePeriodSeconds, 30 when unset (the API server's default). */
export function gracePeriod(w: Workload): { seconds: number; explicit: boolean } {
  const v = field(w.object, [...w.podSpecPath, 'terminationGracePeriodSeconds']);
  return typeof v === 'number' ? { seconds: v, explicit: true } : { seconds: 30, explicit: false };
}

export function who(w: Workload, c?: Container): string {
  return `${describeObject(w.object)}${c ? `, container \`${c.name}\`` : ''}`;
}

export function seconds(n: number): string {
  return Number.isFinite(n) ? `${Number.isInteger(n) ? n : n.toFixed(1)}s` : 'forever';
}

export interface Thresholds {
  readonly albIp: number;
  readonly albInstance: number;
  readonly nlb: number;
}

/** prestop-duration's defaults: ALB ip 15 s, ALB instance 45 s (kube-proxy adds up to 30 s), NLB 60 s. */
export const DEFAULT_THRESHOLDS: Thresholds = { albIp: 15, albInstance: 45, nlb: 60 };

/**
 * The least preStop delay for the load balancers in front of a workload: the largest of their
 * thresholds; with none among the inputs, the ALB ip one.
 */
export function deregistrationThreshold(graph: Graph, w: Workload, t: Thresholds): { seconds: number; what: string } {
  const of = (e: Exposure): { seconds: number; what: string } => {
    if (e.lb === 'nlb') return { seconds: t.nlb, what: 'an NLB' };
    // A TargetGroupBinding without targetType takes the target group's, which the inputs do not
    // show: assume the lesser threshold rather than warn on a guess.
    if (e.targetType.value === undefined && !e.targetType.explicit)
      return { seconds: t.albIp, what: 'a target group whose target type is not among the inputs (ip assumed)' };
    if (e.targetType.value === 'ip')
      return { seconds: t.albIp, what: e.lb === 'alb' ? 'an ALB with ip targets' : 'a load balancer with ip targets' };
    // An invalid target type is taken as instance, the controller's default.
    return {
      seconds: t.albInstance,
      what: e.lb === 'alb' ? 'an ALB with instance targets' : 'a load balancer with instance targets',
    };
  };
  const exposures = graph.exposuresOf(w);
  if (exposures.length === 0)
    return { seconds: t.albIp, what: 'an ALB with ip targets (no load balancer among the inputs)' };
  return exposures.map(of).reduce((a, b) => (b.seconds > a.seconds ? b : a));
}

/**
 * Who sends the workload its traffic, for messages: "the load balancer" when one among the inputs
 * fronts it, else its Service (a load balancer may still front it from manifests not given).
 */
export function front(graph: Graph, w: Workload): string {
  if (graph.exposuresOf(w).length > 0) return 'the load balancer';
  const svc = graph.servicesOf(w)[0];
  return svc ? `Service ${svc.name} (and any load balancer in front of it)` : 'the load balancer';
}

/**
 * An IntOrString field as a manifest writes it, ready for the deployment controller's arithmetic
 * (core/rollout/fenceposts.ts): a whole number (a quoted one read as the number) or a percentage;
 * undefined for anything the API server would reject, so a rule skips it rather than guess.
 */
export function intOrString(v: unknown): IntOrString | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (/^\d+$/.test(t)) return Number(t);
  return /^\d+%$/.test(t) ? t : undefined;
}
