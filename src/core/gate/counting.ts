/**
 * Counting healthy targets per target group: which targets are this Deployment's pods (by IP and
 * port), which ReplicaSet they belong to, and what state the load balancer reports. Pure.
 */
import { isServing } from './pods.js';
import type { ClassifiedTarget, PodInfo, TargetCounts, TargetGroupRef, TargetHealthDescription } from './types.js';

/** A pod that was deleted; its IP may still be registered in a target group. */
export interface Tombstone {
  readonly pod: string;
  readonly replicaSet?: string;
  readonly namedPorts: Readonly<Record<string, number>>;
}

export interface PodIndex {
  /** Current pods by IP. */
  readonly byIp: ReadonlyMap<string, PodInfo>;
  /** Deleted pods by their last IP (only IPs no current pod has). */
  readonly gone: ReadonlyMap<string, Tombstone>;
  /** The new ReplicaSet's name, once known. */
  readonly newReplicaSet: string | undefined;
}

/** Whether a target's port is the one this target group registers for the pod. */
export function portMatches(
  port: TargetGroupRef['port'],
  target: TargetHealthDescription,
  namedPorts: Readonly<Record<string, number>>,
): boolean {
  if (port === undefined || target.port === undefined) return true;
  if (typeof port === 'number') return target.port === port;
  if (/^\d+$/.test(port)) return target.port === Number(port);
  return namedPorts[port] === target.port;
}

export function countTargets(
  tg: TargetGroupRef,
  targets: readonly TargetHealthDescription[],
  index: PodIndex,
): TargetCounts {
  let healthy = 0;
  let newHealthy = 0;
  let oldHealthy = 0;
  let goneHealthy = 0;
  let foreign = 0;
  const byState: Record<string, number> = {};
  const classified: ClassifiedTarget[] = [];
  for (const t of targets) {
    const pod = index.byIp.get(t.id);
    if (pod && portMatches(tg.port, t, pod.namedPorts)) {
      const generation = index.newReplicaSet !== undefined && pod.replicaSet === index.newReplicaSet ? 'new' : 'old';
      const serving = isServing(pod);
      classified.push({ ...t, pod: pod.name, generation, gone: false, ...(serving ? {} : { stopped: true }) });
      byState[t.state] = (byState[t.state] ?? 0) + 1;
      if (t.state === 'healthy') {
        if (serving) healthy++;
        if (generation === 'old') oldHealthy++;
        else if (serving) newHealthy++;
      }
      continue;
    }
    const tomb = pod ? undefined : index.gone.get(t.id);
    if (tomb && portMatches(tg.port, t, tomb.namedPorts)) {
      const generation = index.newReplicaSet !== undefined && tomb.replicaSet === index.newReplicaSet ? 'new' : 'old';
      classified.push({ ...t, pod: tomb.pod, generation, gone: true });
      byState[t.state] = (byState[t.state] ?? 0) + 1;
      if (t.state === 'healthy') goneHealthy++;
      continue;
    }
    foreign++;
    classified.push({ ...t, generation: 'foreign', gone: false });
  }
  return { healthy, newHealthy, oldHealthy, goneHealthy, byState, foreign, targets: classified };
}
