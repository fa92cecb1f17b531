/** Workloads (Deployment, StatefulSet, Argo Rollout) and their pod templates. */
import { field } from '../manifest/objects.js';
import { isObject, type JsonObject, type K8sObject, type Path } from '../manifest/types.js';

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout']);

export interface ContainerPort {
  readonly containerPort: number;
  readonly name: string | undefined;
  readonly protocol: string;
}

export interface Container {
  readonly name: string;
  readonly index: number;
  /** Path of the container below the workload object. */
  readonly path: Path;
  readonly raw: JsonObject;
  readonly image: string;
  readonly ports: readonly ContainerPort[];
}

export interface Workload {
  readonly object: K8sObject;
  /** spec.template.spec */
  readonly podSpecPath: Path;
  readonly podSpec: JsonObject;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly containers: readonly Container[];
}

const TEMPLATE: Path = ['spec', 'template'];

export function toWorkload(o: K8sObject): Workload | undefined {
  if (!WORKLOAD_KINDS.has(o.kind)) return undefined;
  if (o.kind === 'Rollout' && !o.apiVersion.startsWith('argoproj.io/')) return undefined;
  const template = field(o, TEMPLATE);
  // A Rollout with workloadRef borrows a Deployment's template: that Deployment is checked itself.
  if (!isObject(template)) return undefined;
  const podSpec = isObject(template.spec) ? template.spec : {};
  const metadata = isObject(template.metadata) ? template.metadata : {};
  const podLabels: Record<string, string> = {};
  if (isObject(metadata.labels)) for (const [k, v] of Object.entries(metadata.labels)) podLabels[k] = String(v);
  const podSpecPath: Path = [...TEMPLATE, 'spec'];
  const containers = (Array.isArray(podSpec.containers) ? podSpec.containers : []).flatMap((c, index): Container[] => {
    if (!isObject(c)) return [];
    const ports = (Array.isArray(c.ports) ? c.ports : []).filter(isObject).flatMap((p): ContainerPort[] =>
      typeof p.containerPort === 'number'
        ? [
            {
              containerPort: p.containerPort,
              name: typeof p.name === 'string' ? p.name : undefined,
              protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
            },
          ]
        : [],
    );
    return [
      {
        name: typeof c.name === 'string' ? c.name : `#${index}`,
        index,
        path: [...podSpecPath, 'containers', index],
        raw: c,
        image: typeof c.image === 'string' ? c.image : '',
        ports,
      },
    ];
  });
  return { object: o, podSpecPath, podSpec, podLabels, containers };
}

/** spec.replicas; unset means 1, as the API server defaults it. */
export function specReplicas(w: Workload): number {
  const r = field(w.object, ['spec', 'replicas']);
  return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 1;
}
