/**
 * What the AWS Load Balancer Controller derives from Ingresses and Services, as pure functions:
 * which objects it reconciles, target type precedence, health-check and attribute annotations,
 * and the names, tags and labels of the target groups and TargetGroupBindings it creates.
 * Sources (kubernetes-sigs/aws-load-balancer-controller): pkg/ingress/model_build_target_group.go,
 * pkg/service/model_build_target_group.go, pkg/service/service_utils.go, pkg/annotations/parser.go,
 * pkg/deploy/tracking/provider.go.
 */
import { createHash } from 'node:crypto';
import type { V1Ingress, V1Service, V1ServicePort } from '@kubernetes/client-node';
import type { HealthCheckInput } from '../elb/store.js';

export const ALB_PREFIX = 'alb.ingress.kubernetes.io/';
export const SVC_PREFIX = 'service.beta.kubernetes.io/';

export const Labels = {
  ingressStack: 'ingress.k8s.aws/stack',
  ingressStackNamespace: 'ingress.k8s.aws/stack-namespace',
  ingressStackName: 'ingress.k8s.aws/stack-name',
  serviceStackNamespace: 'service.k8s.aws/stack-namespace',
  serviceStackName: 'service.k8s.aws/stack-name',
} as const;

export const Tags = {
  cluster: 'elbv2.k8s.aws/cluster',
  ingressStack: 'ingress.k8s.aws/stack',
  ingressResource: 'ingress.k8s.aws/resource',
  serviceStack: 'service.k8s.aws/stack',
  serviceResource: 'service.k8s.aws/resource',
} as const;

export const READINESS_GATE_PREFIX = 'target-health.elbv2.k8s.aws/';

export type TargetType = 'ip' | 'instance';

/**
 * The parser of stringMap annotations (pkg/annotations/parser.go): pairs split on a comma only
 * when a `key=` follows, `\` escapes, each pair split on its first `=`, keys and values trimmed,
 * an empty key rejected.
 */
export function parseStringMap(raw: string): Record<string, string> {
  const pairs: string[] = [];
  let cur = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      cur += raw[++i];
      continue;
    }
    if (ch === ',' && /^\s*[^,=\s][^,=]*=/.test(raw.slice(i + 1))) {
      pairs.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim() !== '') pairs.push(cur);
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq < 0) throw new Error(`failed to parse stringMap annotation, ${raw}`);
    const key = p.slice(0, eq).trim();
    if (key === '') throw new Error(`failed to parse stringMap annotation, ${raw}`);
    out[key] = p.slice(eq + 1).trim();
  }
  return out;
}

/** Whether the controller (ingress class `alb`) owns this Ingress. */
export function isAlbIngress(ing: V1Ingress, ingressClass = 'alb'): boolean {
  const legacy = ing.metadata?.annotations?.['kubernetes.io/ingress.class'];
  if (legacy !== undefined) return legacy === ingressClass;
  return ing.spec?.ingressClassName === ingressClass;
}

/** Whether the controller reconciles this Service as an NLB (service_utils.go), and with which target type. */
export function nlbTargetType(svc: V1Service, loadBalancerClass = 'service.k8s.aws/nlb'): TargetType | undefined {
  if (svc.spec?.type !== 'LoadBalancer') return undefined;
  const a = svc.metadata?.annotations ?? {};
  const lbType = a[`${SVC_PREFIX}aws-load-balancer-type`];
  const nlbTarget = a[`${SVC_PREFIX}aws-load-balancer-nlb-target-type`];
  if (svc.spec.loadBalancerClass !== undefined) {
    if (svc.spec.loadBalancerClass !== loadBalancerClass) return undefined;
    return lbType === 'nlb-ip' || nlbTarget === 'ip' ? 'ip' : 'instance';
  }
  if (lbType === 'nlb-ip') return 'ip';
  if (lbType === 'external' && (nlbTarget === 'ip' || nlbTarget === 'instance')) return nlbTarget;
  return undefined;
}

/** Service annotations win over Ingress annotations, per whole annotation (MergeStringMap(svc, ing)). */
export function albAnnotation(name: string, svc: V1Service | undefined, ing: V1Ingress): string | undefined {
  return svc?.metadata?.annotations?.[ALB_PREFIX + name] ?? ing.metadata?.annotations?.[ALB_PREFIX + name];
}

/** Target type for an Ingress backend: IngressClassParams, then Service, then Ingress annotation, then the default. */
export function albTargetType(
  svc: V1Service | undefined,
  ing: V1Ingress,
  classParamsTargetType?: string,
  defaultType: TargetType = 'instance',
): TargetType {
  const v = classParamsTargetType ?? albAnnotation('target-type', svc, ing) ?? defaultType;
  if (v !== 'ip' && v !== 'instance') throw new Error(`unknown targetType: ${v}`);
  return v;
}

/** The implicit group of an Ingress is `namespace/name`; an explicit one is its group.name. */
export function ingressGroup(ing: V1Ingress): { id: string; explicit: boolean } {
  const g = ing.metadata?.annotations?.[`${ALB_PREFIX}group.name`];
  if (g) return { id: g, explicit: true };
  return { id: `${ing.metadata?.namespace}/${ing.metadata?.name}`, explicit: false };
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, '');
}

function sha256hex(parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** `k8s-<ns[:8]>-<name[:8]>-<sha256[:10]>` with non-alphanumerics stripped. */
export function k8sName(namespace: string, name: string, hashParts: string[]): string {
  return `k8s-${sanitize(namespace).slice(0, 8)}-${sanitize(name).slice(0, 8)}-${sha256hex(hashParts).slice(0, 10)}`;
}

/** Ingress target group (and TGB) name: hash of cluster, group, ingress, Service UID, port, TG port, type, protocol, version. */
export function ingressTargetGroupName(p: {
  cluster: string;
  groupId: string;
  ingress: { namespace: string; name: string };
  service: { namespace: string; name: string; uid: string };
  port: string;
  tgPort: number;
  targetType: TargetType;
  protocol: string;
  protocolVersion: string;
}): string {
  return k8sName(p.service.namespace, p.service.name, [
    p.cluster,
    p.groupId,
    p.ingress.namespace,
    p.ingress.name,
    p.service.uid,
    p.port,
    String(p.tgPort),
    p.targetType,
    p.protocol,
    p.protocolVersion,
  ]);
}

/** Service (NLB) target group name: hash of cluster, Service UID, TG port, port, type, protocol, health-check protocol and interval. */
export function serviceTargetGroupName(p: {
  cluster: string;
  service: { namespace: string; name: string; uid: string };
  port: string;
  tgPort: number;
  targetType: TargetType;
  protocol: string;
  healthCheckProtocol: string;
  healthCheckInterval: number;
}): string {
  return k8sName(p.service.namespace, p.service.name, [
    p.cluster,
    p.service.uid,
    String(p.tgPort),
    p.port,
    p.targetType,
    p.protocol,
    p.healthCheckProtocol,
    String(p.healthCheckInterval),
  ]);
}

export function loadBalancerName(namespace: string, name: string, hashParts: string[]): string {
  return k8sName(namespace, name, hashParts);
}

/** TGB labels the controller writes (tracking/provider.go). */
export function ingressTgbLabels(group: { id: string; explicit: boolean }): Record<string, string> {
  if (group.explicit) return { [Labels.ingressStack]: group.id };
  const [ns, name] = group.id.split('/');
  return { [Labels.ingressStackNamespace]: ns!, [Labels.ingressStackName]: name! };
}

export function serviceTgbLabels(svc: { namespace: string; name: string }): Record<string, string> {
  return { [Labels.serviceStackNamespace]: svc.namespace, [Labels.serviceStackName]: svc.name };
}

/** AWS tags on an Ingress target group. */
export function ingressTargetGroupTags(
  cluster: string,
  groupId: string,
  ing: { namespace: string; name: string },
  svcName: string,
  port: string,
): Record<string, string> {
  return {
    [Tags.cluster]: cluster,
    [Tags.ingressStack]: groupId,
    [Tags.ingressResource]: `${ing.namespace}/${ing.name}-${svcName}:${port}`,
  };
}

/** AWS tags on a Service (NLB) target group. */
export function serviceTargetGroupTags(
  cluster: string,
  svc: { namespace: string; name: string },
  port: string,
): Record<string, string> {
  return {
    [Tags.cluster]: cluster,
    [Tags.serviceStack]: `${svc.namespace}/${svc.name}`,
    [Tags.serviceResource]: `${svc.namespace}/${svc.name}:${port}`,
  };
}

/** A Service port by number or by name (k8s.LookupServicePort). */
export function lookupServicePort(svc: V1Service, port: number | string): V1ServicePort | undefined {
  return (svc.spec?.ports ?? []).find((p) => (typeof port === 'number' ? p.port === port : p.name === port));
}

/** The TG port: the numeric targetPort for ip targets (1 when named), the NodePort for instance targets. */
export function targetGroupPort(svcPort: V1ServicePort, targetType: TargetType): number {
  if (targetType === 'instance') return svcPort.nodePort ?? 0;
  const tp = svcPort.targetPort;
  if (tp === undefined) return svcPort.port;
  return typeof tp === 'number' ? tp : /^\d+$/.test(tp) ? Number(tp) : 1;
}

function intAnnotation(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`failed to parse int annotation ${name}: ${v}`);
  return n;
}

export type HealthCheckSpec = HealthCheckInput;

/** Builds a spec from raw annotation values, leaving out the absent ones. */
function healthCheckFrom(
  raw: { [K in keyof HealthCheckSpec]: string | undefined },
  names: Record<keyof HealthCheckSpec, string>,
): HealthCheckSpec {
  const out: HealthCheckSpec = {};
  for (const k of ['intervalSeconds', 'timeoutSeconds', 'healthyThreshold', 'unhealthyThreshold'] as const) {
    const v = intAnnotation(raw[k], names[k]);
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['protocol', 'path', 'port', 'matcher'] as const) {
    const v = raw[k];
    if (v !== undefined) out[k] = k === 'protocol' ? v.toUpperCase() : v;
  }
  return out;
}

/** ALB health-check annotations (Service wins over Ingress). Omitted values take the controller defaults. */
export function albHealthCheck(svc: V1Service | undefined, ing: V1Ingress): HealthCheckSpec {
  const names = {
    intervalSeconds: 'healthcheck-interval-seconds',
    timeoutSeconds: 'healthcheck-timeout-seconds',
    healthyThreshold: 'healthy-threshold-count',
    unhealthyThreshold: 'unhealthy-threshold-count',
    protocol: 'healthcheck-protocol',
    path: 'healthcheck-path',
    port: 'healthcheck-port',
    matcher: 'success-codes',
  };
  const raw = Object.fromEntries(Object.entries(names).map(([k, n]) => [k, albAnnotation(n, svc, ing)]));
  return healthCheckFrom(raw, names);
}

/** NLB health-check annotations on the Service. */
export function nlbHealthCheck(svc: V1Service): HealthCheckSpec {
  const names = {
    intervalSeconds: 'interval',
    timeoutSeconds: 'timeout',
    healthyThreshold: 'healthy-threshold',
    unhealthyThreshold: 'unhealthy-threshold',
    protocol: 'protocol',
    path: 'path',
    port: 'port',
    matcher: 'success-codes',
  };
  const a = svc.metadata?.annotations ?? {};
  const raw = Object.fromEntries(
    Object.entries(names).map(([k, n]) => [k, a[`${SVC_PREFIX}aws-load-balancer-healthcheck-${n}`]]),
  );
  return healthCheckFrom(raw, names);
}

/** `target-group-attributes` for an Ingress backend (whole annotation: Service wins) or an NLB Service port. */
export function albTargetGroupAttributes(svc: V1Service | undefined, ing: V1Ingress): Record<string, string> {
  const raw = albAnnotation('target-group-attributes', svc, ing);
  return raw === undefined ? {} : parseStringMap(raw);
}

export function nlbTargetGroupAttributes(svc: V1Service, port: number): Record<string, string> {
  const a = svc.metadata?.annotations ?? {};
  const raw =
    a[`${SVC_PREFIX}aws-load-balancer-target-group-attributes.${port}`] ??
    a[`${SVC_PREFIX}aws-load-balancer-target-group-attributes`];
  return { 'proxy_protocol_v2.enabled': 'false', ...(raw === undefined ? {} : parseStringMap(raw)) };
}

/** The Ingress backends (rules' paths, then the default backend), with the path prefix each serves. */
export function ingressBackends(ing: V1Ingress): Array<{ pathPrefix: string; service: string; port: number | string }> {
  const out: Array<{ pathPrefix: string; service: string; port: number | string }> = [];
  for (const rule of ing.spec?.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      const s = p.backend?.service;
      if (!s?.name) continue;
      const port = s.port?.number ?? s.port?.name;
      // `use-annotation` backends are actions (redirects, fixed responses), not target groups.
      if (port === undefined || port === 'use-annotation') continue;
      out.push({ pathPrefix: p.path ?? '/', service: s.name, port });
    }
  }
  const d = ing.spec?.defaultBackend?.service;
  if (d?.name) {
    const port = d.port?.number ?? d.port?.name;
    if (port !== undefined) out.push({ pathPrefix: '/', service: d.name, port });
  }
  return out;
}
