/**
 * How the AWS Load Balancer Controller reads the objects: which Ingresses and Services it
 * reconciles, and the effective target type, health check and target group attributes of each
 * target group it would make, with the controller's own precedence:
 *
 * - Ingress (ALB): a Service annotation wins over the Ingress annotation of the same name, whole
 *   value for whole value (MergeStringMap(svc, ing)); IngressClassParams `spec.targetType` wins
 *   over both; the default target type is `instance` (--default-target-type).
 * - Service (NLB): reconciled when `spec.loadBalancerClass` is `service.k8s.aws/nlb`, or the
 *   `aws-load-balancer-type` annotation is `nlb-ip`, or `external` with an explicit nlb-target-type.
 * - TargetGroupBinding: `spec.targetType` and `spec.serviceRef`; its target group is managed
 *   elsewhere, so health check and attributes are unknown here.
 *
 * Sources: docs/guide/ingress/annotations.md, pkg/ingress/model_build_target_group.go,
 * pkg/service/model_builder.go and service_utils.go of kubernetes-sigs/aws-load-balancer-controller.
 */
import { field } from '../manifest/objects.js';
import { isObject, type K8sObject, type Path } from '../manifest/types.js';

export const ALB_PREFIX = 'alb.ingress.kubernetes.io/';
export const NLB_PREFIX = 'service.beta.kubernetes.io/';
export const ALB_CONTROLLER = 'ingress.k8s.aws/alb';
export const NLB_CLASS = 'service.k8s.aws/nlb';
/** AWS's own default; the controller sets none. */
export const DEFAULT_DEREGISTRATION_DELAY = 300;

/** Where a value comes from, or where a user would add it: the line a finding points at. */
export interface Source {
  readonly object: K8sObject;
  readonly path: Path;
}

export interface Setting<T> {
  readonly value: T;
  readonly source: Source;
  /** False when the value is a default (the source then says where to set it). */
  readonly explicit: boolean;
  /** Why a default applies, for messages, when it is not obvious. */
  readonly why?: string;
}

export type LoadBalancerType = 'alb' | 'nlb';
export type TargetType = 'ip' | 'instance';

/** A load-balancer target group in front of one Service port. */
export interface Exposure {
  readonly lb: LoadBalancerType | 'unknown';
  /** The object the controller reconciles into this target group: Ingress, Service or TargetGroupBinding. */
  readonly via: K8sObject;
  readonly service: K8sObject;
  /** Index into service.spec.ports, when the port resolves. */
  readonly servicePortIndex: number | undefined;
  readonly targetType: Setting<TargetType | undefined>;
  /** HTTP(S) or gRPC health-check path, or undefined when the check is TCP or unknown. */
  readonly healthCheckPath: Setting<string> | undefined;
  /** `GRPC` when the target group speaks gRPC (backend-protocol-version), which changes its health check. */
  readonly protocolVersion: Setting<string> | undefined;
  /** The health check's success codes (ALB `success-codes`): `200` by default, `12` for gRPC. */
  readonly successCodes: Setting<string> | undefined;
  readonly deregistrationDelay: Setting<number> | undefined;
  /** The Argo Rollout whose traffic routing links the Ingress to this Service, when one does. */
  readonly argoRollout?: K8sObject;
}

/** An Ingress or TargetGroupBinding backend whose Service is not among the inputs, or an action that does not exist. */
export interface MissingBackend {
  readonly via: K8sObject;
  /** Where the backend is named. */
  readonly path: Path;
  readonly service: string;
  /** A `use-annotation` backend with no `actions.<name>` annotation (and no Argo Rollout writing one). */
  readonly missingAction: boolean;
  /** Other Services of the same forward action: the controller fails the whole Ingress when one of several is missing. */
  readonly siblings: number;
  /** An Argo Rollout whose ALB routing names this Ingress but another action (rootService/stableService). */
  readonly argoRollout?: { readonly rollout: K8sObject; readonly action: string };
}

export interface LbContext {
  readonly ingressClasses: ReadonlyMap<string, K8sObject>;
  readonly ingressClassParams: ReadonlyMap<string, K8sObject>;
  readonly findService: (namespace: string, name: string) => K8sObject | undefined;
  /** Argo Rollouts whose canary ALB traffic routing names an Ingress, by `namespace/ingress`. */
  readonly argoRouting: ReadonlyMap<string, readonly ArgoAlbRouting[]>;
}

/**
 * A Rollout's `strategy.canary.trafficRouting.alb`: Argo Rollouts writes the
 * `alb.ingress.kubernetes.io/actions.<rootService or stableService>` annotation on the Ingress at
 * run time, a forward action to the stable and canary Services (argo-rollouts
 * rollout/trafficrouting/alb; docs/features/traffic-management/alb.md). The Ingress's
 * `use-annotation` backend of that name therefore routes to those two Services.
 */
export interface ArgoAlbRouting {
  readonly rollout: K8sObject;
  /** The action name: rootService, else stableService. */
  readonly action: string;
  readonly services: readonly string[];
  readonly port: number | undefined;
}

/** Reads the ALB traffic routing of an Argo Rollout, if it has one. */
export function argoAlbRouting(ro: K8sObject): { ingresses: string[]; routing: ArgoAlbRouting } | undefined {
  if (ro.kind !== 'Rollout' || !ro.apiVersion.startsWith('argoproj.io/')) return undefined;
  const canary = field(ro, ['spec', 'strategy', 'canary']);
  if (!isObject(canary) || !isObject(canary.trafficRouting) || !isObject(canary.trafficRouting.alb)) return undefined;
  const alb = canary.trafficRouting.alb;
  const stable = typeof canary.stableService === 'string' ? canary.stableService : undefined;
  const canarySvc = typeof canary.canaryService === 'string' ? canary.canaryService : undefined;
  const root = typeof alb.rootService === 'string' && alb.rootService !== '' ? alb.rootService : stable;
  if (!root) return undefined;
  const ingresses = [
    ...(typeof alb.ingress === 'string' ? [alb.ingress] : []),
    ...(Array.isArray(alb.ingresses) ? alb.ingresses.filter((i): i is string => typeof i === 'string') : []),
  ];
  const services = [stable, canarySvc].filter((x): x is string => x !== undefined);
  return {
    ingresses,
    routing: {
      rollout: ro,
      action: root,
      services,
      port: typeof alb.servicePort === 'number' ? alb.servicePort : undefined,
    },
  };
}

const annotationPath = (key: string): Path => ['metadata', 'annotations', key];

/** An annotation on the Service, else on the Ingress: the controller's MergeStringMap(svc, ing). */
function albAnnotation(name: string, service: K8sObject, ingress: K8sObject): Setting<string> | undefined {
  const key = ALB_PREFIX + name;
  for (const o of [service, ingress]) {
    const v = o.annotations[key];
    if (v !== undefined) return { value: v.trim(), source: { object: o, path: annotationPath(key) }, explicit: true };
  }
  return undefined;
}

/** The IngressClass of an Ingress, if the controller owns it; undefined when another controller does. */
export function albClassOf(ing: K8sObject, ctx: LbContext): { ingressClass: K8sObject | undefined } | undefined {
  // The legacy annotation takes priority over spec.ingressClassName (pkg/ingress/group_loader.go
  // classifyIngress), and is matched against --ingress-class, `alb` by default.
  const legacy = ing.annotations['kubernetes.io/ingress.class'];
  if (legacy !== undefined) return legacy === 'alb' ? { ingressClass: undefined } : undefined;
  const className = field(ing, ['spec', 'ingressClassName']);
  if (typeof className === 'string' && className !== '') {
    const ic = ctx.ingressClasses.get(className);
    if (ic) return field(ic, ['spec', 'controller']) === ALB_CONTROLLER ? { ingressClass: ic } : undefined;
    // Not among the inputs: `alb` is the class the controller's Helm chart creates.
    return className === 'alb' ? { ingressClass: undefined } : undefined;
  }
  for (const ic of ctx.ingressClasses.values()) {
    if (
      ic.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true' &&
      field(ic, ['spec', 'controller']) === ALB_CONTROLLER
    ) {
      return { ingressClass: ic };
    }
  }
  return undefined;
}

interface Backend {
  readonly name: string;
  readonly port: number | string | undefined;
  /** Where the backend is named in the Ingress. */
  readonly path: Path;
  /** Other Services in the same forward action (0 for a plain backend). */
  readonly siblings: number;
  /** Set when the backend is one of an Argo Rollout's Services, reached through its action. */
  readonly argoRollout?: K8sObject;
  /** A use-annotation backend without its action. */
  readonly missingAction?: { readonly argo?: ArgoAlbRouting };
}

/**
 * Service backends of an Ingress (networking.k8s.io/v1, and the v1beta1 serviceName/servicePort
 * form), with `use-annotation` backends resolved through their action (see actionBackends).
 */
export function ingressBackends(ing: K8sObject, ctx?: Pick<LbContext, 'argoRouting'>): Backend[] {
  const out: Backend[] = [];
  const add = (b: unknown, path: Path): void => {
    if (!isObject(b)) return;
    if (isObject(b.service) && typeof b.service.name === 'string') {
      const port = isObject(b.service.port) ? (b.service.port.number ?? b.service.port.name) : undefined;
      out.push({
        name: b.service.name,
        port: typeof port === 'number' || typeof port === 'string' ? port : undefined,
        path: [...path, 'service', 'name'],
        siblings: 0,
      });
    } else if (typeof b.serviceName === 'string') {
      const port = b.servicePort;
      out.push({
        name: b.serviceName,
        port: typeof port === 'number' || typeof port === 'string' ? port : undefined,
        path: [...path, 'serviceName'],
        siblings: 0,
      });
    }
  };
  const spec = field(ing, ['spec']);
  if (!isObject(spec)) return out;
  if (spec.defaultBackend !== undefined) add(spec.defaultBackend, ['spec', 'defaultBackend']);
  else add(spec.backend, ['spec', 'backend']);
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, r) => {
    const paths = isObject(rule) && isObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    paths.forEach((p, i) => {
      if (isObject(p)) add(p.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']);
    });
  });
  // `use-annotation` backends name an ALB action (redirect, fixed response, forward). A forward
  // action's target groups may be Services (weighted blue/green, canary): those are backends too.
  return out.flatMap((b) => (b.port === 'use-annotation' ? actionBackends(ing, b, ctx) : [b]));
}

/**
 * The Services of a forward action in `alb.ingress.kubernetes.io/actions.<name>`
 * (pkg/ingress/enhanced_backend_builder.go): forwardConfig.targetGroups[].serviceName and
 * servicePort (a numeric string counts as a number). Keys match case-insensitively, as Go's JSON
 * decoding does. Without the annotation, an Argo Rollout that routes through this Ingress under
 * that action name supplies it at run time; otherwise the action is missing.
 */
function actionBackends(ing: K8sObject, b: Backend, ctx: Pick<LbContext, 'argoRouting'> | undefined): Backend[] {
  const key = `${ALB_PREFIX}actions.${b.name}`;
  const raw = ing.annotations[key];
  if (raw === undefined) {
    const routings = ctx?.argoRouting.get(`${ing.namespace ?? ''}/${ing.name}`) ?? [];
    const argo = routings.find((r) => r.action === b.name);
    if (argo) {
      return argo.services.map((name) => ({
        name,
        port: argo.port,
        path: b.path,
        siblings: argo.services.length - 1,
        argoRollout: argo.rollout,
      }));
    }
    return [{ ...b, missingAction: routings[0] ? { argo: routings[0] } : {} }];
  }
  let action: unknown;
  try {
    action = JSON.parse(raw);
  } catch {
    return [];
  }
  if (String(prop(action, 'type')).toLowerCase() !== 'forward') return [];
  const groups = prop(prop(action, 'forwardConfig'), 'targetGroups');
  if (!Array.isArray(groups)) return [];
  const path: Path = ['metadata', 'annotations', key];
  const named = groups.filter((g) => typeof prop(g, 'serviceName') === 'string');
  return named.map((g): Backend => {
    const port = prop(g, 'servicePort');
    return {
      name: prop(g, 'serviceName') as string,
      port:
        typeof port === 'string' && /^\d+$/.test(port)
          ? Number(port)
          : typeof port === 'number' || typeof port === 'string'
            ? port
            : undefined,
      path,
      siblings: named.length - 1,
    };
  });
}

function prop(o: unknown, key: string): unknown {
  if (!isObject(o)) return undefined;
  const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : o[k];
}

/** The index of the Service port an Ingress backend or TGB serviceRef names (by number or name). */
export function servicePortIndex(service: K8sObject, port: number | string | undefined): number | undefined {
  const ports = field(service, ['spec', 'ports']);
  if (!Array.isArray(ports)) return undefined;
  if (port === undefined) return ports.length === 1 ? 0 : undefined;
  const i = ports.findIndex((p) => isObject(p) && (typeof port === 'number' ? p.port === port : p.name === port));
  return i >= 0 ? i : undefined;
}

export function albExposures(ing: K8sObject, ctx: LbContext): { exposures: Exposure[]; missing: MissingBackend[] } {
  const cls = albClassOf(ing, ctx);
  if (!cls || ing.namespace === undefined) return { exposures: [], missing: [] };
  const params = classParams(cls.ingressClass, ctx);
  const exposures: Exposure[] = [];
  const missing: MissingBackend[] = [];
  const seen = new Set<string>();
  for (const b of ingressBackends(ing, ctx)) {
    if (b.missingAction) {
      missing.push({
        via: ing,
        path: b.path,
        service: b.name,
        missingAction: true,
        siblings: 0,
        ...(b.missingAction.argo
          ? { argoRollout: { rollout: b.missingAction.argo.rollout, action: b.missingAction.argo.action } }
          : {}),
      });
      continue;
    }
    const service = ctx.findService(ing.namespace, b.name);
    if (!service) {
      missing.push({ via: ing, path: b.path, service: b.name, missingAction: false, siblings: b.siblings });
      continue;
    }
    const portIndex = servicePortIndex(service, b.port);
    const key = `${b.name}/${String(portIndex)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const version = albAnnotation('backend-protocol-version', service, ing);
    const grpc = version?.value.toUpperCase() === 'GRPC';
    exposures.push({
      lb: 'alb',
      via: ing,
      service,
      servicePortIndex: portIndex,
      targetType: albTargetType(ing, service, params),
      healthCheckPath: albHealthCheckPath(ing, service, grpc),
      protocolVersion: version,
      successCodes: albAnnotation('success-codes', service, ing) ?? {
        value: grpc ? '12' : '200',
        source: { object: ing, path: annotationPath(`${ALB_PREFIX}success-codes`) },
        explicit: false,
      },
      deregistrationDelay: deregistrationDelay(albAnnotation('target-group-attributes', service, ing), {
        object: ing,
        path: annotationPath(`${ALB_PREFIX}target-group-attributes`),
      }),
      ...(b.argoRollout ? { argoRollout: b.argoRollout } : {}),
    });
  }
  return { exposures, missing };
}

function classParams(ic: K8sObject | undefined, ctx: LbContext): K8sObject | undefined {
  if (!ic) return undefined;
  const p = field(ic, ['spec', 'parameters']);
  if (!isObject(p) || p.kind !== 'IngressClassParams' || typeof p.name !== 'string') return undefined;
  return ctx.ingressClassParams.get(p.name);
}

function albTargetType(
  ing: K8sObject,
  service: K8sObject,
  params: K8sObject | undefined,
): Setting<TargetType | undefined> {
  const fromParams = params ? field(params, ['spec', 'targetType']) : undefined;
  if (params && (fromParams === 'ip' || fromParams === 'instance')) {
    return { value: fromParams, source: { object: params, path: ['spec', 'targetType'] }, explicit: true };
  }
  const a = albAnnotation('target-type', service, ing);
  if (a) return { ...a, value: a.value === 'ip' || a.value === 'instance' ? a.value : undefined };
  return {
    value: 'instance',
    source: { object: ing, path: annotationPath(`${ALB_PREFIX}target-type`) },
    explicit: false,
  };
}

function albHealthCheckPath(ing: K8sObject, service: K8sObject, grpc: boolean): Setting<string> | undefined {
  const protocol = albAnnotation('healthcheck-protocol', service, ing)?.value.toUpperCase();
  if (protocol !== undefined && protocol !== 'HTTP' && protocol !== 'HTTPS') return undefined;
  const a = albAnnotation('healthcheck-path', service, ing);
  if (a) return a;
  return {
    value: grpc ? '/AWS.ALB/healthcheck' : '/',
    source: { object: ing, path: annotationPath(`${ALB_PREFIX}healthcheck-path`) },
    explicit: false,
  };
}

/** How the controller treats a Service: not at all, or as an NLB with this target type. */
export function nlbTargetType(svc: K8sObject): Setting<TargetType | undefined> | undefined {
  const typeKey = `${NLB_PREFIX}aws-load-balancer-type`;
  const ttKey = `${NLB_PREFIX}aws-load-balancer-nlb-target-type`;
  const lbClass = field(svc, ['spec', 'loadBalancerClass']);
  const lbType = svc.annotations[typeKey]?.trim();
  const tt = svc.annotations[ttKey]?.trim();
  // Any value but `ip` builds instance targets (an unknown one is not rejected, unlike on Ingresses).
  const explicitTT = (): Setting<TargetType | undefined> => ({
    value: tt === 'ip' ? 'ip' : 'instance',
    source: { object: svc, path: annotationPath(ttKey) },
    explicit: true,
  });
  // Which Services the controller reconciles (service_utils.go IsServiceSupported): a
  // loadBalancerClass decides alone; otherwise `nlb-ip`, or `external` with an explicit target type.
  let byWebhook = false;
  if (typeof lbClass === 'string' && lbClass !== '') {
    if (lbClass !== NLB_CLASS) return undefined;
  } else if (lbType !== 'nlb-ip' && !(lbType === 'external' && (tt === 'ip' || tt === 'instance'))) {
    // Since v2.5 the controller's webhook (mservice.elbv2.k8s.aws, on by default) gives every
    // type: LoadBalancer Service created without a class `service.k8s.aws/nlb`, so it reconciles
    // it too (webhooks/core/service_mutator.go). Without the controller, the in-tree provider's
    // load balancer also targets instances.
    if (field(svc, ['spec', 'type']) !== 'LoadBalancer') return undefined;
    byWebhook = true;
  }
  // The target type (model_build_target_group.go buildTargetType): `nlb-ip` or target type `ip`
  // gives ip; anything else is instance (--default-target-type).
  if (lbType === 'nlb-ip')
    return { value: 'ip', source: { object: svc, path: annotationPath(typeKey) }, explicit: true };
  if (tt !== undefined) return explicitTT();
  return {
    value: 'instance',
    source: { object: svc, path: annotationPath(ttKey) },
    explicit: false,
    ...(byWebhook
      ? {
          why: "it is type LoadBalancer without a loadBalancerClass, which the controller's webhook sets to service.k8s.aws/nlb (v2.5+), and without an nlb-target-type annotation that NLB targets instances",
        }
      : {}),
  };
}

export function nlbExposures(svc: K8sObject): Exposure[] {
  const targetType = nlbTargetType(svc);
  if (!targetType) return [];
  const ports = field(svc, ['spec', 'ports']);
  const count = Array.isArray(ports) ? ports.length : 0;
  const healthCheckPath = nlbHealthCheckPath(svc, targetType.value);
  const attrKey = `${NLB_PREFIX}aws-load-balancer-target-group-attributes`;
  const attrs = svc.annotations[attrKey];
  const dereg = deregistrationDelay(
    attrs === undefined
      ? undefined
      : { value: attrs, source: { object: svc, path: annotationPath(attrKey) }, explicit: true },
    { object: svc, path: annotationPath(attrKey) },
  );
  return Array.from({ length: Math.max(count, 1) }, (_, i) => ({
    lb: 'nlb' as const,
    via: svc,
    service: svc,
    servicePortIndex: count > 0 ? i : undefined,
    targetType,
    healthCheckPath,
    protocolVersion: undefined,
    successCodes: undefined,
    deregistrationDelay: dereg,
  }));
}

function nlbHealthCheckPath(svc: K8sObject, targetType: TargetType | undefined): Setting<string> | undefined {
  const key = (n: string): string => `${NLB_PREFIX}aws-load-balancer-healthcheck-${n}`;
  const protocol = svc.annotations[key('protocol')]?.trim().toUpperCase();
  if (protocol === undefined) {
    // instance + externalTrafficPolicy Local: HTTP /healthz on kube-proxy's healthCheckNodePort, not the pod.
    return undefined;
  }
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') return undefined;
  if (targetType === 'instance' && field(svc, ['spec', 'externalTrafficPolicy']) === 'Local') return undefined;
  const path = svc.annotations[key('path')];
  return path !== undefined
    ? { value: path.trim(), source: { object: svc, path: annotationPath(key('path')) }, explicit: true }
    : { value: '/', source: { object: svc, path: annotationPath(key('path')) }, explicit: false };
}

/**
 * A TargetGroupBinding's target group. Without `spec.targetType` the controller's webhook takes
 * the target group's own type from AWS, which the inputs do not show; but instance targets are
 * NodePorts, and the controller resolves them only for NodePort and LoadBalancer Services
 * ("service type must be either 'NodePort' or 'LoadBalancer'", pkg/backend/endpoint_resolver.go).
 * A binding of a ClusterIP (or headless) Service can therefore only work as an ip target group.
 */
export function tgbExposure(
  tgb: K8sObject,
  ctx: LbContext,
): { exposure: Exposure | undefined; missing: MissingBackend | undefined } {
  const none = { exposure: undefined, missing: undefined };
  if (!tgb.apiVersion.startsWith('elbv2.k8s.aws/') || tgb.namespace === undefined) return none;
  const ref = field(tgb, ['spec', 'serviceRef']);
  if (!isObject(ref) || typeof ref.name !== 'string') return none;
  const service = ctx.findService(tgb.namespace, ref.name);
  if (!service)
    return {
      exposure: undefined,
      missing: { via: tgb, path: ['spec', 'serviceRef', 'name'], service: ref.name, missingAction: false, siblings: 0 },
    };
  const tt = field(tgb, ['spec', 'targetType']);
  const rawProtocol = field(tgb, ['spec', 'targetGroupProtocol']);
  const protocol = typeof rawProtocol === 'string' ? rawProtocol.toUpperCase() : '';
  const lb: Exposure['lb'] = ['TCP', 'UDP', 'TLS', 'TCP_UDP', 'TCP_QUIC', 'QUIC'].includes(protocol)
    ? 'nlb'
    : ['HTTP', 'HTTPS'].includes(protocol)
      ? 'alb'
      : 'unknown';
  const svcType = field(service, ['spec', 'type']);
  const clusterIpOnly = svcType === undefined || svcType === null || svcType === 'ClusterIP';
  const targetType: Setting<TargetType | undefined> =
    tt !== undefined
      ? {
          value: tt === 'ip' || tt === 'instance' ? tt : undefined,
          source: { object: tgb, path: ['spec', 'targetType'] },
          explicit: true,
        }
      : clusterIpOnly
        ? {
            value: 'ip',
            source: { object: tgb, path: ['spec', 'targetType'] },
            explicit: false,
            why: `it has no targetType and binds the ClusterIP Service ${service.name}, so only an ip target group can serve it (the controller registers instance targets only for NodePort and LoadBalancer Services)`,
          }
        : { value: undefined, source: { object: tgb, path: ['spec', 'targetType'] }, explicit: false };
  return {
    exposure: {
      lb,
      via: tgb,
      service,
      servicePortIndex: servicePortIndex(
        service,
        typeof ref.port === 'number' || typeof ref.port === 'string' ? ref.port : undefined,
      ),
      targetType,
      healthCheckPath: undefined,
      protocolVersion: undefined,
      successCodes: undefined,
      deregistrationDelay: undefined,
    },
    missing: undefined,
  };
}

/** deregistration_delay.timeout_seconds from a target-group-attributes value, else AWS's 300 s. */
function deregistrationDelay(attrs: Setting<string> | undefined, whereToAdd: Source): Setting<number> {
  if (attrs) {
    const v = parseStringMap(attrs.value).get('deregistration_delay.timeout_seconds');
    if (v !== undefined && /^\d+$/.test(v)) return { value: Number(v), source: attrs.source, explicit: true };
    return { value: DEFAULT_DEREGISTRATION_DELAY, source: attrs.source, explicit: false };
  }
  return { value: DEFAULT_DEREGISTRATION_DELAY, source: whereToAdd, explicit: false };
}

/**
 * The controller's stringMap annotation parser (pkg/annotations/parser.go): pairs split on a comma
 * only when a `key=` follows, `\` escapes, the first `=` separates key and value, both trimmed.
 */
export function parseStringMap(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  const pairs: string[] = [];
  let cur = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '\\' && i + 1 < raw.length) {
      cur += raw[++i];
    } else if (ch === ',' && /^\s*[^,=\s][^,=]*=/.test(raw.slice(i + 1))) {
      pairs.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  pairs.push(cur);
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    const k = p.slice(0, eq).trim();
    if (k !== '') out.set(k, p.slice(eq + 1).trim());
  }
  return out;
}
