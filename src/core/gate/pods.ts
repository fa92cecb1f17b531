/** Pod JSON → the PodInfo the gate counts with. Pure. */
import type { OwnerReference } from '../rollout/types.js';
import type { PodConditionInfo, PodInfo } from './types.js';

/** The JSON fields of a Pod that matter here. */
export interface PodJson {
  readonly metadata?: {
    readonly name?: string;
    readonly deletionTimestamp?: string | null;
    readonly ownerReferences?: readonly OwnerReference[];
  };
  readonly spec?: {
    readonly readinessGates?: readonly { readonly conditionType?: string }[];
    readonly containers?: readonly {
      readonly ports?: readonly { readonly name?: string; readonly containerPort?: number }[];
    }[];
  };
  readonly status?: {
    readonly phase?: string;
    readonly podIP?: string;
    readonly conditions?: readonly { type?: string; status?: string; reason?: string; message?: string }[];
  };
}

export function podInfo(pod: PodJson): PodInfo {
  const conditions: PodConditionInfo[] = (pod.status?.conditions ?? []).map((c) => ({
    type: c.type ?? '',
    status: c.status ?? 'Unknown',
    ...(c.reason ? { reason: c.reason } : {}),
    ...(c.message ? { message: c.message } : {}),
  }));
  const namedPorts: Record<string, number> = {};
  for (const container of pod.spec?.containers ?? []) {
    for (const port of container.ports ?? []) {
      if (port.name && port.containerPort !== undefined && !(port.name in namedPorts))
        namedPorts[port.name] = port.containerPort;
    }
  }
  const controller = (pod.metadata?.ownerReferences ?? []).find(
    (r) => r.controller === true && r.kind === 'ReplicaSet',
  );
  const readinessGates = (pod.spec?.readinessGates ?? [])
    .map((g) => g.conditionType ?? '')
    .filter((t) => t !== '')
    .map((type) => {
      const condition = conditions.find((c) => c.type === type);
      return condition ? { type, condition } : { type };
    });
  return {
    name: pod.metadata?.name ?? '',
    ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}),
    ...(controller?.name ? { replicaSet: controller.name } : {}),
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    containersReady: conditions.some((c) => c.type === 'ContainersReady')
      ? conditions.some((c) => c.type === 'ContainersReady' && c.status === 'True')
      : conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    terminating: !!pod.metadata?.deletionTimestamp,
    ...(pod.status?.phase ? { phase: pod.status.phase } : {}),
    namedPorts,
    readinessGates,
    failingConditions: conditions.filter((c) => c.status !== 'True'),
  };
}

/**
 * Whether the pod still serves: not finished, and if terminating, its containers still ready (a
 * preStop hook is running; the kubelet marks them not ready once they stop). A healthy target of a
 * pod that does not serve is not counted.
 */
export function isServing(pod: PodInfo): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return false;
  return !pod.terminating || pod.containersReady;
}
