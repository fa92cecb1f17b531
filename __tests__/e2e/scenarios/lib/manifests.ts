/**
 * Scenario manifests: the seeds' manifests as a user would deploy them on EKS (real seconds,
 * examples/ of this repository), turned into what the scaled simulation needs.
 *
 * The load-balancer simulator scales every load-balancer duration by `scale` (0.1: health checks,
 * propagation, deregistration delay, including the values it reads from annotations). The pod side
 * (kwok's stages: preStop, grace period) and the deployment controller (progress deadline) run in
 * real seconds, so the harness scales those durations in the Deployment before applying it, by the
 * same factor. Validate always sees the unscaled file: what a user would check and deploy.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { kubectl } from '../../helpers/kubectl.js';
import { repoRoot } from '../../helpers/paths.js';

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
};

interface Container {
  name: string;
  image?: string;
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds?: number } } };
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
}

export interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  progressDeadlineSeconds?: number;
  minReadySeconds?: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
  template: PodTemplate;
}

/** The seeds' manifests the scenarios deploy (and validate). */
export const Examples = {
  /** Seed 001's demo as published: no readiness gate, no preStop, default grace period. */
  seed001: join(repoRoot, 'examples/seed-001-demo/nginx-demo-ingress.yaml'),
  /** Seed 001's demo with seed 003's fixes (readiness gate, preStop sleep 70, grace 90) and probes and a PDB. */
  seed003: join(repoRoot, 'examples/seed-003-fixed/nginx-demo-ingress.yaml'),
} as const;

export function loadObjects(path: string): KubeObject[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`scenario manifest ${path} is missing (${(e as Error).message})`);
  }
  const objects: KubeObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as KubeObject | null;
    if (value && typeof value === 'object' && value.kind) objects.push(value);
  }
  return objects;
}

const clone = <T>(v: T): T => structuredClone(v);

/** The objects moved to another namespace (so scenarios never share objects). */
export function inNamespace(objects: readonly KubeObject[], namespace: string): KubeObject[] {
  return objects.map((o) => {
    const c = clone(o);
    if (c.kind === 'Namespace' && c.apiVersion === 'v1') c.metadata.name = namespace;
    else c.metadata.namespace = namespace;
    return c;
  });
}

export function findDeployment(objects: readonly KubeObject[]): KubeObject & { spec: DeploymentSpec } {
  const d = objects.find((o) => o.kind === 'Deployment');
  if (!d) throw new Error('the manifest has no Deployment');
  return d as KubeObject & { spec: DeploymentSpec };
}

function scaleSeconds(value: number, scale: number): number {
  return value === 0 ? 0 : Math.max(1, Math.round(value * scale));
}

/** `sleep N` in an exec preStop command (`["sh", "-c", "sleep 70"]` or `["sleep", "10"]`), scaled. */
function scaleSleepCommand(command: string[], scale: number): string[] {
  const bareSleep = /(^|\/)sleep$/.test(command[0] ?? '');
  return command.map((part, i) =>
    bareSleep && i === 1 && /^\d+$/.test(part)
      ? String(scaleSeconds(Number(part), scale))
      : part.replace(/\bsleep\s+(\d+)\b/g, (_, n: string) => `sleep ${scaleSeconds(Number(n), scale)}`),
  );
}

export interface SimulationOptions {
  /** The simulator's time scale (default 0.1). */
  scale?: number;
  /** kwok's per-pod delay from start to ContainersReady (annotation zd-gate.test/ready-delay). */
  readyDelay?: string;
  replicas?: number;
  strategy?: DeploymentSpec['strategy'];
  /** Test-only pod annotations (e.g. zd-gate.test/lb-health). */
  podAnnotations?: Record<string, string>;
  /**
   * Leave progressDeadlineSeconds as written (default 600 s) instead of scaling it: for a scenario
   * whose gate derives a time from the target group's configured health-check settings, which the
   * simulator reports unscaled (interval 15 s), so that the two keep their production order.
   */
  realProgressDeadline?: boolean;
}

const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
const DEFAULT_GRACE_SECONDS = 30;

/**
 * The Deployment's pod-side and controller-side durations scaled like the simulator's: preStop
 * `sleep N` and `preStop.sleep.seconds`, terminationGracePeriodSeconds (default 30 made explicit),
 * progressDeadlineSeconds (default 600 made explicit; see realProgressDeadline), minReadySeconds.
 */
export function forSimulation(objects: readonly KubeObject[], opts: SimulationOptions = {}): KubeObject[] {
  const scale = opts.scale ?? 0.1;
  return objects.map((o) => {
    if (o.kind !== 'Deployment') return clone(o);
    const d = clone(o) as KubeObject & { spec: DeploymentSpec };
    const spec = d.spec;
    if (opts.replicas !== undefined) spec.replicas = opts.replicas;
    if (opts.strategy) spec.strategy = opts.strategy;
    const deadline = spec.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
    spec.progressDeadlineSeconds = opts.realProgressDeadline ? deadline : scaleSeconds(deadline, scale);
    if (spec.minReadySeconds) spec.minReadySeconds = scaleSeconds(spec.minReadySeconds, scale);
    const pod = spec.template.spec;
    pod.terminationGracePeriodSeconds = scaleSeconds(pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS, scale);
    for (const c of pod.containers) {
      const pre = c.lifecycle?.preStop;
      if (pre?.exec?.command) pre.exec.command = scaleSleepCommand(pre.exec.command, scale);
      if (pre?.sleep?.seconds !== undefined) pre.sleep.seconds = scaleSeconds(pre.sleep.seconds, scale);
    }
    const annotations = { ...(spec.template.metadata?.annotations ?? {}), ...(opts.podAnnotations ?? {}) };
    if (opts.readyDelay) annotations['zd-gate.test/ready-delay'] = opts.readyDelay;
    spec.template.metadata = { ...(spec.template.metadata ?? {}), annotations };
    return d;
  });
}

export function toYaml(objects: readonly KubeObject[]): string {
  return objects.map((o) => stringify(o)).join('---\n');
}

/** `kubectl apply` of the objects (server-side validation and admission, like a user's apply). */
export async function apply(objects: readonly KubeObject[]): Promise<void> {
  if (objects.length === 0) return;
  await kubectl(['apply', '-f', '-'], { input: toYaml(objects) });
}

/**
 * An unscaled variant of an example (e.g. another rolling-update strategy), written under
 * .cache/e2e/scenario-manifests/ so validate can check exactly what a scenario deploys.
 */
export function writeVariant(source: string, name: string, mutate: (objects: KubeObject[]) => void): string {
  const objects = loadObjects(source);
  mutate(objects);
  const dir = join(repoRoot, '.cache/e2e/scenario-manifests');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `# ${name}: generated by the e2e scenarios from ${source.slice(repoRoot.length + 1)}\n${toYaml(objects)}`,
  );
  return path;
}
