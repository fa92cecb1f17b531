/** Workloads (Deployment, StatefulSet, Argo Rollout) and their pod templates. */
import { field } from '../manifest/objects.js';
import { isObject, type JsonObject, type K8sObject, type Path } from '../manifest/types.js';
import { orDefault, readInt } from '../schema/read.js';

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout']);

export interface ContainerPort {
  readonly containerPort: number;
  readonly name: string | undefined;
  readonly protocol: string;
}

export interface Container {
  readonly name: string;
  readonly index: number;
  /** The workload object the container belongs to. */
  readonly owner: K8sObject;
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
  /** Names of the PersistentVolumeClaims the pods mount (volumes[].persistentVolumeClaim.claimName). */
  readonly claims: readonly string[];
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
        owner: o,
        path: [...podSpecPath, 'containers', index],
        raw: c,
        image: typeof c.image === 'string' ? c.image : '',
        ports,
      },
    ];
  });
  const claims = (Array.isArray(podSpec.volumes) ? podSpec.volumes : []).flatMap((v) =>
    isObject(v) && isObject(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string'
      ? [v.persistentVolumeClaim.claimName]
      : [],
  );
  return { object: o, podSpecPath, podSpec, podLabels, containers, claims };
}

/** spec.replicas; unset means 1, as the API server defaults it; undefined when invalid (field-type reports it). */
export function specReplicas(w: Workload): number | undefined {
  return orDefault(readInt(w.object, ['spec', 'replicas']), 1);
}

/**
 * Data stores and other software that keeps state in its process or on its disk, by image name:
 * a second replica of one of them is a second, independent instance, not a copy.
 */
const STATEFUL_IMAGES =
  /^(?:mysql|mariadb|percona(?:-server)?|postgres(?:ql)?|postgis|timescaledb|redis(?:-stack(?:-server)?)?|valkey|keydb|dragonfly|memcached|mongo(?:db)?|mongodb-community-server|cassandra|scylla|couchdb|couchbase(?:-server)?|elasticsearch|opensearch|solr|neo4j|influxdb|clickhouse(?:-server)?|rabbitmq|zookeeper|kafka|etcd|nats|minio|vault|consul|dynamodb-local|localstack|sqlserver|mssql-server|oracle|db2)(?:$|[-_])/;

/** The last path segment of an image's repository: `public.ecr.aws/docker/library/mysql:8.0` → `mysql`. */
export function imageName(image: string): string {
  const repo = (image.split('@')[0] ?? image).replace(/:[^/:]*$/, '');
  return repo.slice(repo.lastIndexOf('/') + 1).toLowerCase();
}

export function isStatefulImage(image: string): boolean {
  return STATEFUL_IMAGES.test(imageName(image));
}
