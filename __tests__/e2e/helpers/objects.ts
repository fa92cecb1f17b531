import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { kubectl, kubectlJson } from './kubectl.js';
import { waitFor } from './wait.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Status ("True", "False", "Unknown") of a pod condition, undefined when absent. */
export function podCondition(pod: V1Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)?.status;
}

export function isTerminating(pod: V1Pod): boolean {
  return pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

export function isPodReady(pod: V1Pod): boolean {
  return podCondition(pod, 'Ready') === 'True';
}

/** The revision annotation of a Deployment or ReplicaSet. */
export function revisionOf(object: V1Deployment | V1ReplicaSet): string | undefined {
  return object.metadata?.annotations?.[REVISION_ANNOTATION];
}

export function getDeployment(namespace: string, name: string): Promise<V1Deployment> {
  return kubectlJson<V1Deployment>(['get', 'deployment', name, '-n', namespace]);
}

/** ReplicaSets owned by the Deployment (by owner reference). */
export async function ownedReplicaSets(deployment: V1Deployment): Promise<V1ReplicaSet[]> {
  const namespace = deployment.metadata?.namespace ?? 'default';
  const list = await kubectlJson<{ items: V1ReplicaSet[] }>(['get', 'replicasets', '-n', namespace]);
  return list.items.filter((rs) =>
    rs.metadata?.ownerReferences?.some((o) => o.kind === 'Deployment' && o.uid === deployment.metadata?.uid),
  );
}

/** The same conditions `kubectl rollout status` waits for, plus no old replicas left. */
export function rolloutComplete(d: V1Deployment): boolean {
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want
  );
}

export function waitForRolloutComplete(namespace: string, name: string, timeoutMs = 180_000): Promise<V1Deployment> {
  return waitFor(
    async () => {
      const d = await getDeployment(namespace, name);
      return rolloutComplete(d) ? d : undefined;
    },
    { timeoutMs, intervalMs: 500, description: `rollout of deployment ${namespace}/${name} to complete` },
  );
}

/** Deletes a namespace and waits until it is gone (no-op when absent). */
export async function deleteNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--ignore-not-found', '--wait=true', '--timeout=180s'], {
    timeoutMs: 200_000,
  });
}

/** Creates the namespaces that do not exist yet. */
export async function ensureNamespaces(names: Iterable<string>): Promise<void> {
  const docs = [...new Set(names)].map((name) =>
    JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
  );
  if (docs.length === 0) return;
  await kubectl(['apply', '-f', '-'], { input: docs.join('\n---\n') });
}
