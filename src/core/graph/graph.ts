/**
 * The object graph across ALL input files: workloads ← Services ← load balancers (alb Ingresses,
 * controller-managed NLB Services, TargetGroupBindings), and the Namespaces, PodDisruptionBudgets
 * and HorizontalPodAutoscalers that shape a rollout. Built once, indexed, read by every rule.
 */
import { field } from '../manifest/objects.js';
import { isObject, type K8sObject, type Path } from '../manifest/types.js';
import { albExposures, nlbExposures, tgbExposure, type Exposure, type LbContext } from './lb.js';
import { selectorMatches, serviceSelects, toLabelSelector, type LabelSelector } from './selectors.js';
import { specReplicas, toWorkload, type Container, type Workload } from './workload.js';

export interface ServicePort {
  readonly index: number;
  readonly port: number | undefined;
  readonly name: string | undefined;
  /** targetPort as written (number or name); undefined means "same as port". */
  readonly targetPort: number | string | undefined;
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
  /** Load-balancer target groups in front of the workload's pods. */
  exposuresOf(w: Workload): readonly Exposure[];
  servingContainers(w: Workload): readonly ServingContainer[];
  servicePorts(service: K8sObject): readonly ServicePort[];
  namespace(name: string): K8sObject | undefined;
  pdbsOf(w: Workload): readonly Pdb[];
  pdbs(): readonly Pdb[];
  /** PodDisruptionBudgets' workloads, for the rules that judge a PDB against replicas. */
  workloadsOfPdb(p: Pdb): readonly Workload[];
  hpaOf(w: Workload): K8sObject | undefined;
  /** The fewest replicas the workload runs with: HPA minReplicas (default 1) when an HPA targets it, else spec.replicas. */
  minReplicas(w: Workload): { value: number; object: K8sObject; path: Path };
}

export function buildGraph(objects: readonly K8sObject[]): Graph {
  const byKind = new Map<string, K8sObject[]>();
  for (const o of objects) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  const ofKind = (k: string): K8sObject[] => byKind.get(k) ?? [];
  const key = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

  const workloads = objects.flatMap((o) => toWorkload(o) ?? []);
  const services = ofKind('Service').filter((s) => s.apiVersion === 'v1');
  const serviceByName = new Map(services.map((s) => [key(s.namespace, s.name), s]));
  const namespaces = new Map(ofKind('Namespace').map((n) => [n.name, n]));

  // Index pod labels by namespace and label pair: selectors look up candidates, then verify.
  const byLabel = new Map<string, Workload[]>();
  for (const w of workloads) {
    for (const [k, v] of Object.entries(w.podLabels)) {
      const id = `${w.object.namespace ?? ''}\u0000${k}=${v}`;
      const list = byLabel.get(id);
      if (list) list.push(w);
      else byLabel.set(id, [w]);
    }
  }
  const byNamespace = new Map<string, Workload[]>();
  for (const w of workloads) {
    const ns = w.object.namespace ?? '';
    const list = byNamespace.get(ns);
    if (list) list.push(w);
    else byNamespace.set(ns, [w]);
  }

  const selectorOf = (svc: K8sObject): Record<string, string> => {
    const sel = field(svc, ['spec', 'selector']);
    const out: Record<string, string> = {};
    if (isObject(sel)) for (const [k, v] of Object.entries(sel)) out[k] = String(v);
    return out;
  };

  const workloadsBySvc = new Map<K8sObject, Workload[]>();
  const servicesByWorkload = new Map<Workload, K8sObject[]>();
  const lbCtx: LbContext = {
    ingressClasses: new Map(ofKind('IngressClass').map((o) => [o.name, o])),
    ingressClassParams: new Map(ofKind('IngressClassParams').map((o) => [o.name, o])),
    findService: (ns, name) => serviceByName.get(key(ns, name)),
  };
  const exposures: Exposure[] = [
    ...ofKind('Ingress').flatMap((ing) => albExposures(ing, lbCtx)),
    ...services.flatMap((s) => nlbExposures(s)),
    ...ofKind('TargetGroupBinding').flatMap((t) => tgbExposure(t, lbCtx) ?? []),
  ];
  const exposuresBySvc = new Map<K8sObject, Exposure[]>();
  for (const e of exposures) {
    const list = exposuresBySvc.get(e.service);
    if (list) list.push(e);
    else exposuresBySvc.set(e.service, [e]);
  }

  // A headless Service (clusterIP: None) is DNS discovery, e.g. for a database's StatefulSet: it
  // serves the workload only when a load balancer targets it (an ip-mode Ingress backend or TGB).
  const serves = (svc: K8sObject): boolean => field(svc, ['spec', 'clusterIP']) !== 'None' || exposuresBySvc.has(svc);
  for (const svc of services) {
    const sel = selectorOf(svc);
    const [first] = Object.entries(sel);
    if (!first) continue;
    const candidates = byLabel.get(`${svc.namespace ?? ''}\u0000${first[0]}=${first[1]}`) ?? [];
    const hit = candidates.filter((w) => serviceSelects(sel, w.podLabels));
    workloadsBySvc.set(svc, hit);
    if (!serves(svc)) continue;
    for (const w of hit) {
      const list = servicesByWorkload.get(w);
      if (list) list.push(svc);
      else servicesByWorkload.set(w, [svc]);
    }
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
    for (const w of hit) {
      const list = pdbsByWorkload.get(w);
      if (list) list.push(p);
      else pdbsByWorkload.set(w, [p]);
    }
  }
  const hpas = ofKind('HorizontalPodAutoscaler');
  const hpaByTarget = new Map<string, K8sObject>();
  for (const h of hpas) {
    const ref = field(h, ['spec', 'scaleTargetRef']);
    if (isObject(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string')
      hpaByTarget.set(`${h.namespace ?? ''}/${ref.kind}/${ref.name}`, h);
  }

  const served = workloads.filter((w) => (servicesByWorkload.get(w)?.length ?? 0) > 0);
  const exposuresCache = new Map<Workload, Exposure[]>();

  return {
    objects,
    workloads,
    services,
    exposures,
    servedWorkloads: () => served,
    servicesOf: (w) => servicesByWorkload.get(w) ?? [],
    workloadsOf: (s) => workloadsBySvc.get(s) ?? [],
    exposuresOf: (w) => {
      let list = exposuresCache.get(w);
      if (!list) {
        list = (servicesByWorkload.get(w) ?? []).flatMap((s) => exposuresBySvc.get(s) ?? []);
        exposuresCache.set(w, list);
      }
      return list;
    },
    servingContainers,
    servicePorts,
    namespace: (name) => namespaces.get(name),
    pdbs: () => pdbs,
    pdbsOf: (w) => pdbsByWorkload.get(w) ?? [],
    workloadsOfPdb: (p) => workloadsByPdb.get(p) ?? [],
    hpaOf: (w) => hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`),
    minReplicas: (w) => {
      const hpa = hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`);
      if (hpa) {
        const m = field(hpa, ['spec', 'minReplicas']);
        return { value: typeof m === 'number' ? m : 1, object: hpa, path: ['spec', 'minReplicas'] };
      }
      return { value: specReplicas(w), object: w.object, path: ['spec', 'replicas'] };
    },
  };
}
