/**
 * The object graph across ALL input files: workloads ← Services ← load balancers (alb Ingresses,
 * controller-managed NLB Services, TargetGroupBindings, with Argo Rollouts' ALB traffic routing
 * resolved), and the Namespaces, PodDisruptionBudgets, HorizontalPodAutoscalers and
 * PersistentVolumeClaims that shape a rollout. Built once, indexed, read by every rule.
 *
 * Order independence: where two objects answer the same lookup (the same Service twice), the one
 * that comes first in the inputs' canonical order (file path, then position) wins, and the engine
 * sorts the inputs before building, so `validate a b` and `validate b a` see the same graph.
 */
import { field } from '../manifest/objects.js';
import { isObject, type K8sObject, type Path } from '../manifest/types.js';
import { orDefault, readInt } from '../schema/read.js';
import {
  albClassOf,
  argoAlbRouting,
  ingressBackends,
  albExposures,
  nlbExposures,
  tgbExposure,
  type ArgoAlbRouting,
  type Exposure,
  type LbContext,
  type MissingBackend,
} from './lb.js';
import { selectorMatches, serviceSelects, toLabelSelector, type LabelSelector } from './selectors.js';
import { isStatefulImage, specReplicas, toWorkload, type Container, type Workload } from './workload.js';

export interface ServicePort {
  readonly index: number;
  readonly port: number | undefined;
  readonly name: string | undefined;
  /** targetPort as written (number or name); undefined means "same as port". */
  readonly targetPort: number | string | undefined;
  /** appProtocol, when set (`grpc`, `http`, `kubernetes.io/h2c`, ...). */
  readonly appProtocol: string | undefined;
  readonly path: Path;
}

/** A container a Service sends traffic to through one of its ports. */
export interface ServingContainer {
  readonly container: Container;
  readonly service: K8sObject;
  readonly port: ServicePort;
  /** True when the container declares the port; false when it is inferred (single-container pod). */
  readonly declared: boolean;
}

export interface Pdb {
  readonly object: K8sObject;
  readonly selector: LabelSelector;
}

/**
 * Who sends a workload its traffic:
 * - `load-balanced`: a load balancer or another entry point among the inputs fronts one of its
 *   Services (an Ingress of any class, a LoadBalancer or NodePort Service, a TargetGroupBinding,
 *   a Gateway API route);
 * - `in-cluster`: entry points are among the inputs, and none fronts it: only in-cluster clients
 *   reach it through its Services;
 * - `unknown`: no entry point at all is among the inputs, so one may front it from manifests that
 *   were not given (another repository, a platform team's Ingress); unless its only callers are
 *   known to be in the cluster (the kube-apiserver, through a webhook configuration or APIService
 *   among the inputs), which makes it `in-cluster`.
 */
export type Reach = 'load-balanced' | 'in-cluster' | 'unknown';

/** An entry point in front of a Service that the AWS Load Balancer Controller does not reconcile. */
export interface Entry {
  readonly object: K8sObject;
  readonly service: K8sObject;
  /** For messages: "Ingress shop/web (class nginx)", "Service shop/web (NodePort)". */
  readonly what: string;
}

export interface Graph {
  readonly objects: readonly K8sObject[];
  readonly workloads: readonly Workload[];
  readonly services: readonly K8sObject[];
  readonly exposures: readonly Exposure[];
  /** Workloads selected by at least one Service: the ones the zero-downtime rules apply to. */
  servedWorkloads(): readonly Workload[];
  /** The Services that serve the workload (headless ones only when a load balancer targets them). */
  servicesOf(w: Workload): readonly K8sObject[];
  workloadsOf(service: K8sObject): readonly Workload[];
  /** Load-balancer target groups of the AWS Load Balancer Controller in front of the workload's pods. */
  exposuresOf(w: Workload): readonly Exposure[];
  /** Other entry points in front of the workload (Ingresses of other classes, NodePort Services, routes). */
  entriesOf(w: Workload): readonly Entry[];
  reach(w: Workload): Reach;
  /** The webhook configuration or APIService through which the kube-apiserver calls this Service, if any. */
  apiServerCaller(service: K8sObject): K8sObject | undefined;
  /** True when any load balancer or other entry point is among the inputs. */
  readonly hasEntryPoints: boolean;
  servingContainers(w: Workload): readonly ServingContainer[];
  servicePorts(service: K8sObject): readonly ServicePort[];
  namespace(name: string): K8sObject | undefined;
  pdbsOf(w: Workload): readonly Pdb[];
  pdbs(): readonly Pdb[];
  /** PodDisruptionBudgets' workloads, for the rules that judge a PDB against replicas. */
  workloadsOfPdb(p: Pdb): readonly Workload[];
  hpaOf(w: Workload): K8sObject | undefined;
  /**
   * The fewest replicas the workload runs with: HPA minReplicas (default 1) when an HPA targets it,
   * else spec.replicas (default 1); value undefined when the field is invalid (field-type reports it).
   */
  minReplicas(w: Workload): { value: number | undefined; object: K8sObject; path: Path };
  /**
   * Why the workload is a single instance of a stateful store that a second replica would not copy
   * but duplicate (or could not start beside, with a ReadWriteOnce volume); undefined otherwise.
   */
  singleInstanceStore(w: Workload): string | undefined;
  /** Names of the ReadWriteOnce (or unknown) PersistentVolumeClaims the pods mount. */
  exclusiveClaims(w: Workload): readonly string[];
  /** Ingress and TargetGroupBinding backends whose Service or action is not among the inputs. */
  missingBackends(): readonly MissingBackend[];
  /** True when the namespace holds a workload or Service among the inputs. */
  namespaceHasInputs(ns: string): boolean;
  /** Objects defined more than once (same API group, kind, namespace and name), in input order. */
  duplicates(): readonly (readonly K8sObject[])[];
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '') ?? '';

export function buildGraph(objects: readonly K8sObject[]): Graph {
  const byKind = new Map<string, K8sObject[]>();
  for (const o of objects) push(byKind, o.kind, o);
  const ofKind = (k: string): K8sObject[] => byKind.get(k) ?? [];
  const key = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

  const workloads = objects.flatMap((o) => toWorkload(o) ?? []);
  const services = ofKind('Service').filter((s) => s.apiVersion === 'v1');
  const serviceByName = firstBy(services, (s) => key(s.namespace, s.name));
  const namespaces = firstBy(ofKind('Namespace'), (n) => n.name);
  const claims = firstBy(ofKind('PersistentVolumeClaim'), (c) => key(c.namespace, c.name));

  // Index pod labels by namespace and label pair: selectors look up candidates, then verify.
  const byLabel = new Map<string, Workload[]>();
  const byNamespace = new Map<string, Workload[]>();
  for (const w of workloads) {
    const ns = w.object.namespace ?? '';
    for (const [k, v] of Object.entries(w.podLabels)) push(byLabel, `${ns}\u0000${k}=${v}`, w);
    push(byNamespace, ns, w);
  }

  const selectorOf = (svc: K8sObject): Record<string, string> => {
    const sel = field(svc, ['spec', 'selector']);
    const out: Record<string, string> = {};
    if (isObject(sel)) for (const [k, v] of Object.entries(sel)) out[k] = String(v);
    return out;
  };

  // Argo Rollouts' ALB traffic routing, by the Ingresses it names.
  const argoRouting = new Map<string, ArgoAlbRouting[]>();
  for (const ro of ofKind('Rollout')) {
    const r = argoAlbRouting(ro);
    if (r) for (const ing of r.ingresses) push(argoRouting, key(ro.namespace, ing), r.routing);
  }

  const lbCtx: LbContext = {
    ingressClasses: firstBy(ofKind('IngressClass'), (o) => o.name),
    ingressClassParams: firstBy(ofKind('IngressClassParams'), (o) => o.name),
    findService: (ns, name) => serviceByName.get(key(ns, name)),
    argoRouting,
  };
  const exposures: Exposure[] = [];
  const missing: MissingBackend[] = [];
  const entries: Entry[] = [];
  for (const ing of ofKind('Ingress')) {
    const alb = albExposures(ing, lbCtx);
    exposures.push(...alb.exposures);
    missing.push(...alb.missing);
    if (albClassOf(ing, lbCtx) || ing.namespace === undefined) continue;
    // An Ingress another controller serves (nginx, traefik, GCE): still an entry point.
    const cls = field(ing, ['spec', 'ingressClassName']) ?? ing.annotations['kubernetes.io/ingress.class'];
    for (const b of ingressBackends(ing, lbCtx)) {
      const service = serviceByName.get(key(ing.namespace, b.name));
      if (service)
        entries.push({
          object: ing,
          service,
          what: `Ingress ${ing.namespace}/${ing.name}${typeof cls === 'string' ? ` (class ${cls})` : ''}`,
        });
    }
  }
  for (const s of services) exposures.push(...nlbExposures(s));
  for (const t of ofKind('TargetGroupBinding')) {
    const r = tgbExposure(t, lbCtx);
    if (r.exposure) exposures.push(r.exposure);
    if (r.missing) missing.push(r.missing);
  }
  const nlbServices = new Set(exposures.filter((e) => e.via === e.service).map((e) => e.service));
  for (const s of services) {
    const type = field(s, ['spec', 'type']);
    if ((type === 'NodePort' || type === 'LoadBalancer') && !nlbServices.has(s))
      entries.push({ object: s, service: s, what: `Service ${s.namespace ?? ''}/${s.name} (${String(type)})` });
  }
  // Gateway API routes: backendRefs to Services (kind Service by default), in the route's namespace unless set.
  for (const kind of ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']) {
    for (const route of ofKind(kind)) {
      if (!route.apiVersion.startsWith('gateway.networking.k8s.io/')) continue;
      const rules = field(route, ['spec', 'rules']);
      for (const rule of Array.isArray(rules) ? rules : []) {
        const refs = isObject(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
        for (const ref of refs) {
          if (!isObject(ref) || typeof ref.name !== 'string' || (ref.kind !== undefined && ref.kind !== 'Service'))
            continue;
          const ns = typeof ref.namespace === 'string' ? ref.namespace : route.namespace;
          const service = serviceByName.get(key(ns, ref.name));
          if (service) entries.push({ object: route, service, what: `${kind} ${route.namespace ?? ''}/${route.name}` });
        }
      }
    }
  }
  // Services the kube-apiserver calls: admission webhooks and aggregated APIs. Their clients are
  // known, and in the cluster, whatever else is among the inputs.
  const apiServerCallers = new Map<K8sObject, K8sObject>();
  for (const kind of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
    for (const cfg of ofKind(kind)) {
      const hooks = field(cfg, ['webhooks']);
      for (const h of Array.isArray(hooks) ? hooks : []) {
        const ref = isObject(h) && isObject(h.clientConfig) ? h.clientConfig.service : undefined;
        if (!isObject(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string') continue;
        const svc = serviceByName.get(key(ref.namespace, ref.name));
        if (svc && !apiServerCallers.has(svc)) apiServerCallers.set(svc, cfg);
      }
    }
  }
  for (const api of ofKind('APIService')) {
    const ref = field(api, ['spec', 'service']);
    if (!isObject(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string') continue;
    const svc = serviceByName.get(key(ref.namespace, ref.name));
    if (svc && !apiServerCallers.has(svc)) apiServerCallers.set(svc, api);
  }
  const exposuresBySvc = new Map<K8sObject, Exposure[]>();
  for (const e of exposures) push(exposuresBySvc, e.service, e);
  const entriesBySvc = new Map<K8sObject, Entry[]>();
  for (const e of entries) push(entriesBySvc, e.service, e);
  const hasEntryPoints =
    exposures.length > 0 ||
    entries.length > 0 ||
    ofKind('Ingress').length > 0 ||
    ofKind('TargetGroupBinding').length > 0 ||
    ofKind('Gateway').length > 0;

  // A headless Service (clusterIP: None) is DNS discovery, e.g. for a database's StatefulSet: it
  // serves the workload only when a load balancer targets it (an ip-mode Ingress backend or TGB).
  const serves = (svc: K8sObject): boolean => field(svc, ['spec', 'clusterIP']) !== 'None' || exposuresBySvc.has(svc);
  const workloadsBySvc = new Map<K8sObject, Workload[]>();
  const servicesByWorkload = new Map<Workload, K8sObject[]>();
  for (const svc of services) {
    const sel = selectorOf(svc);
    const [first] = Object.entries(sel);
    if (!first) continue;
    const candidates = byLabel.get(`${svc.namespace ?? ''}\u0000${first[0]}=${first[1]}`) ?? [];
    const hit = candidates.filter((w) => serviceSelects(sel, w.podLabels));
    workloadsBySvc.set(svc, hit);
    if (!serves(svc)) continue;
    for (const w of hit) push(servicesByWorkload, w, svc);
  }

  const portsCache = new Map<K8sObject, ServicePort[]>();
  const servicePorts = (svc: K8sObject): ServicePort[] => {
    let ports = portsCache.get(svc);
    if (!ports) {
      const raw = field(svc, ['spec', 'ports']);
      ports = (Array.isArray(raw) ? raw : []).flatMap((p, index): ServicePort[] => {
        if (!isObject(p)) return [];
        const tp = p.targetPort;
        return [
          {
            index,
            port: typeof p.port === 'number' ? p.port : undefined,
            name: typeof p.name === 'string' ? p.name : undefined,
            targetPort:
              typeof tp === 'number' || (typeof tp === 'string' && tp !== '')
                ? typeof tp === 'string' && /^\d+$/.test(tp)
                  ? Number(tp)
                  : tp
                : undefined,
            appProtocol: typeof p.appProtocol === 'string' ? p.appProtocol : undefined,
            path: ['spec', 'ports', index],
          },
        ];
      });
      portsCache.set(svc, ports);
    }
    return ports;
  };

  const servingCache = new Map<Workload, ServingContainer[]>();
  const servingContainers = (w: Workload): ServingContainer[] => {
    let out = servingCache.get(w);
    if (out) return out;
    out = [];
    for (const svc of servicesByWorkload.get(w) ?? []) {
      for (const port of servicePorts(svc)) {
        const target = port.targetPort ?? port.port;
        if (target === undefined) continue;
        const declared = w.containers.filter((c) =>
          c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)),
        );
        for (const c of declared) out.push({ container: c, service: svc, port, declared: true });
        // Ports in a container spec are informational: an undeclared number reaches the only container.
        const only = w.containers.length === 1 ? w.containers[0] : undefined;
        if (declared.length === 0 && typeof target === 'number' && only) {
          out.push({ container: only, service: svc, port, declared: false });
        }
      }
    }
    servingCache.set(w, out);
    return out;
  };

  const pdbs: Pdb[] = ofKind('PodDisruptionBudget').flatMap((o) => {
    const selector = toLabelSelector(field(o, ['spec', 'selector']));
    return selector ? [{ object: o, selector }] : [];
  });
  // Each PDB's workloads, found through the label index like Services', then inverted once.
  const workloadsByPdb = new Map<Pdb, Workload[]>();
  const pdbsByWorkload = new Map<Workload, Pdb[]>();
  for (const p of pdbs) {
    const ns = p.object.namespace ?? '';
    const [first] = Object.entries(p.selector.matchLabels);
    const candidates = first ? (byLabel.get(`${ns}\u0000${first[0]}=${first[1]}`) ?? []) : (byNamespace.get(ns) ?? []);
    const hit = candidates.filter((w) => selectorMatches(p.selector, w.podLabels));
    workloadsByPdb.set(p, hit);
    for (const w of hit) push(pdbsByWorkload, w, p);
  }
  const hpaByTarget = firstBy(
    ofKind('HorizontalPodAutoscaler').filter((h) => {
      const ref = field(h, ['spec', 'scaleTargetRef']);
      return isObject(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string';
    }),
    (h) => {
      const ref = field(h, ['spec', 'scaleTargetRef']) as { kind: string; name: string };
      return `${h.namespace ?? ''}/${ref.kind}/${ref.name}`;
    },
  );
  const hpaOf = (w: Workload): K8sObject | undefined =>
    hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`);

  const served = workloads.filter((w) => (servicesByWorkload.get(w)?.length ?? 0) > 0);
  const exposuresCache = new Map<Workload, Exposure[]>();
  const exposuresOf = (w: Workload): Exposure[] => {
    let list = exposuresCache.get(w);
    if (!list) {
      list = (servicesByWorkload.get(w) ?? []).flatMap((s) => exposuresBySvc.get(s) ?? []);
      exposuresCache.set(w, list);
    }
    return list;
  };
  const entriesOf = (w: Workload): Entry[] =>
    (servicesByWorkload.get(w) ?? []).flatMap((s) => entriesBySvc.get(s) ?? []);

  const exclusiveClaims = (w: Workload): string[] =>
    w.claims.filter((name) => {
      const pvc = claims.get(key(w.object.namespace, name));
      const modes = pvc ? field(pvc, ['spec', 'accessModes']) : undefined;
      // Not among the inputs, or without access modes: assume ReadWriteOnce, the common default.
      return !Array.isArray(modes) || !modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
    });

  const minReplicas: Graph['minReplicas'] = (w) => {
    const hpa = hpaOf(w);
    if (hpa)
      return { value: orDefault(readInt(hpa, ['spec', 'minReplicas']), 1), object: hpa, path: ['spec', 'minReplicas'] };
    return { value: specReplicas(w), object: w.object, path: ['spec', 'replicas'] };
  };

  const namespacesWithInputs = new Set([
    ...workloads.map((w) => w.object.namespace),
    ...services.map((s) => s.namespace),
  ]);

  return {
    objects,
    workloads,
    services,
    exposures,
    hasEntryPoints,
    servedWorkloads: () => served,
    servicesOf: (w) => servicesByWorkload.get(w) ?? [],
    workloadsOf: (s) => workloadsBySvc.get(s) ?? [],
    exposuresOf,
    entriesOf,
    reach: (w) => {
      if (exposuresOf(w).length > 0 || entriesOf(w).length > 0) return 'load-balanced';
      if (hasEntryPoints) return 'in-cluster';
      const svcs = servicesByWorkload.get(w) ?? [];
      return svcs.length > 0 && svcs.every((s) => apiServerCallers.has(s)) ? 'in-cluster' : 'unknown';
    },
    apiServerCaller: (s) => apiServerCallers.get(s),
    servingContainers,
    servicePorts,
    namespace: (name) => namespaces.get(name),
    pdbs: () => pdbs,
    pdbsOf: (w) => pdbsByWorkload.get(w) ?? [],
    workloadsOfPdb: (p) => workloadsByPdb.get(p) ?? [],
    hpaOf,
    minReplicas,
    exclusiveClaims,
    singleInstanceStore: (w) => {
      const replicas = minReplicas(w).value;
      if (replicas === undefined || replicas > 1) return undefined;
      const rwo = exclusiveClaims(w);
      if (rwo.length > 0)
        return `it mounts the ReadWriteOnce volume claim ${rwo[0]} (a second pod could not attach it on another node)`;
      const image = w.containers.find((c) => isStatefulImage(c.image))?.image;
      const templates = field(w.object, ['spec', 'volumeClaimTemplates']);
      if (w.object.kind === 'StatefulSet' && Array.isArray(templates) && templates.length > 0)
        return 'it is a StatefulSet with its own volume per replica (a second replica is a second, empty instance)';
      if (image) return `it runs ${image}, a data store (a second replica is a second, independent instance)`;
      return undefined;
    },
    missingBackends: () => missing,
    namespaceHasInputs: (ns) => namespacesWithInputs.has(ns),
    duplicates: () => {
      const groups = new Map<string, K8sObject[]>();
      for (const o of objects) {
        if (o.name === '' || o.name.endsWith('*')) continue; // unnamed, or generateName: not an identity
        push(groups, `${groupOf(o.apiVersion)}\u0000${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`, o);
      }
      return [...groups.values()].filter((g) => g.length > 1);
    },
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** A map by key where the first object in input order wins. */
function firstBy(list: readonly K8sObject[], keyOf: (o: K8sObject) => string): Map<string, K8sObject> {
  const out = new Map<string, K8sObject>();
  for (const o of list) {
    const k = keyOf(o);
    if (!out.has(k)) out.set(k, o);
  }
  return out;
}
