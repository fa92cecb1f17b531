/** Small helpers several rules share. */
import type { IntOrString } from '../rollout/types.js';
import type { Graph, Reach } from '../graph/graph.js';
import type { Exposure } from '../graph/lb.js';
import type { Container, Workload } from '../graph/workload.js';
import { describeObject, type K8sObject, type Path } from '../manifest/types.js';
import { readInt, readIntOrString } from '../schema/read.js';

/** What the helpers below need of a rule's context: the graph, and reach with the config applied. */
export interface View {
  readonly graph: Graph;
  reach(w: Workload): Reach;
}

/** Each serving container once, however many Services or ports reach it. */
export function servingContainers(graph: Graph, w: Workload): Container[] {
  const out: Container[] = [];
  for (const s of graph.servingContainers(w)) if (!out.includes(s.container)) out.push(s.container);
  return out;
}

/**
 * terminationGracePeriodSeconds: 30 when unset (the API server's default); undefined when the
 * value is invalid (field-type reports it), so no rule computes with a guess.
 */
export function gracePeriod(w: Workload): { seconds: number; explicit: boolean } | undefined {
  const v = readInt(w.object, [...w.podSpecPath, 'terminationGracePeriodSeconds']);
  if (v.state === 'invalid') return undefined;
  return v.state === 'set' ? { seconds: v.value, explicit: true } : { seconds: 30, explicit: false };
}

export function who(w: Workload, c?: Container): string {
  return `${describeObject(w.object)}${c ? `, container \`${c.name}\`` : ''}`;
}

export function seconds(n: number): string {
  return Number.isFinite(n) ? `${Number.isInteger(n) ? n : n.toFixed(1)}s` : 'forever';
}

export function list(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names[names.length - 1]}`;
}

export interface Thresholds {
  readonly albIp: number;
  readonly albInstance: number;
  readonly nlb: number;
}

/** prestop-duration's defaults: ALB ip 15 s, ALB instance 45 s (kube-proxy adds up to 30 s), NLB 60 s. */
export const DEFAULT_THRESHOLDS: Thresholds = { albIp: 15, albInstance: 45, nlb: 60 };
/** About the time an endpoint removal takes to reach kube-proxy on every node (in-cluster clients only). */
export const IN_CLUSTER_DELAY = 5;

/** The threshold for one target group, by its load balancer type and the target type in force. */
export function thresholdOf(e: Exposure, t: Thresholds): { seconds: number; what: string } {
  const mode = e.targetType.value;
  if (e.lb === 'nlb') return { seconds: t.nlb, what: `an NLB with ${mode ?? 'instance'} targets` };
  // A TargetGroupBinding without targetType takes the target group's, which the inputs do not show
  // (unless its Service is ClusterIP, see lb.ts): assume the lesser threshold rather than warn on a guess.
  if (mode === undefined && !e.targetType.explicit)
    return { seconds: t.albIp, what: 'a target group whose target type is not among the inputs (ip assumed)' };
  const lb = e.lb === 'alb' ? 'an ALB' : 'a load balancer';
  if (mode === 'ip') return { seconds: t.albIp, what: `${lb} with ip targets` };
  // An invalid target type is taken as instance, the controller's default.
  return { seconds: t.albInstance, what: `${lb} with instance targets` };
}

/**
 * The least preStop delay for the load balancers in front of a workload: the largest of their
 * thresholds. With no load-balancer object among the inputs at all, the ALB ip one, and the
 * message says it was assumed; undefined for a workload only in-cluster clients reach.
 */
export function deregistrationThreshold(
  view: View,
  w: Workload,
  t: Thresholds,
): { seconds: number; what: string } | undefined {
  const { graph } = view;
  const exposures = graph.exposuresOf(w);
  if (exposures.length > 0)
    return exposures.map((e) => thresholdOf(e, t)).reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const reach = view.reach(w);
  if (reach === 'in-cluster') return undefined;
  if (reach === 'load-balanced') {
    // An entry point the controller does not manage: a NodePort or LoadBalancer Service is reached
    // through kube-proxy (the instance threshold); another Ingress controller or a route reaches the
    // pods directly (the ip threshold).
    const entry = graph.entriesOf(w)[0];
    if (entry?.object.kind === 'Service')
      return {
        seconds: t.albInstance,
        what: `a load balancer that reaches ${entry.what} through kube-proxy (instance threshold assumed)`,
      };
    return { seconds: t.albIp, what: `${entry ? entry.what : 'its entry point'} (ip threshold assumed)` };
  }
  return {
    seconds: t.albIp,
    what: 'an ALB with ip targets, assumed: no load balancer is among the inputs, one may front it from elsewhere',
  };
}

/**
 * Who sends the workload its traffic, for messages: "the load balancer" when one among the inputs
 * fronts it, the entry point when another one does, its in-cluster clients when load balancers are
 * among the inputs and none fronts it, else its Service with the honest caveat.
 */
export function front(view: View, w: Workload): string {
  const { graph } = view;
  if (graph.exposuresOf(w).length > 0) return 'the load balancer';
  const entry = graph.entriesOf(w)[0];
  if (entry) return entry.what;
  const svc = graph.servicesOf(w)[0];
  const name = svc ? `Service ${svc.name}` : 'its Service';
  const caller = svc ? graph.apiServerCaller(svc) : undefined;
  if (caller) return `${name} (called by the kube-apiserver, through ${caller.kind} ${caller.name})`;
  return view.reach(w) === 'in-cluster'
    ? `${name} (in-cluster clients only: no load balancer among the inputs fronts it)`
    : `${name} (no load balancer is among the inputs; one may front it from elsewhere)`;
}

/**
 * An IntOrString field as the API server accepts it, ready for the deployment controller's
 * arithmetic (core/rollout/fenceposts.ts): a whole number or a percentage; undefined for anything
 * invalid (a quoted number is not a percentage: field-type reports it), so a rule skips it.
 */
export function intOrPercent(o: K8sObject, path: Path): { value: IntOrString | undefined; set: boolean } {
  const v = readIntOrString(o, path);
  if (v.state === 'unset') return { value: undefined, set: false };
  if (v.state === 'invalid') return { value: undefined, set: true };
  const x = v.value;
  if (typeof x === 'number') return { value: x, set: true };
  return { value: /^\d+%$/.test(x.trim()) ? x.trim() : undefined, set: true };
}
