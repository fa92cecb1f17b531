/**
 * Which pod IPs the controller registers for an ip-mode TargetGroupBinding, after
 * pkg/backend/endpoint_resolver.go (resolvePodEndpointsWithEndpointsData):
 * - EndpointSlice endpoints of the Service whose port name matches the Service port's name;
 * - a ready endpoint is registered (a nil `ready` counts as ready, the EndpointSlice API's
 *   convention; the controller's code only takes an explicit true, which the EndpointSlice
 *   controller always writes, so the two agree on every slice a cluster produces);
 * - a not-ready endpoint is registered when its pod is ContainersReady on a Ready node and the
 *   endpoint is not terminating: that is how pods held back by their readiness gate get registered;
 * - a not-ready endpoint whose pod is not ContainersReady yet but carries the gate makes the
 *   binding "contain potentially ready endpoints", which the controller handles by requeueing;
 * - on nodes whose Ready condition is Unknown, ContainersReady pods are used only when no other
 *   endpoint qualifies (fail-open).
 */
import type { V1EndpointSlice, V1Node, V1Pod, V1ServicePort } from '@kubernetes/client-node';
import { isContainersReady } from '../pods.js';

export interface PodEndpoint {
  ip: string;
  port: number;
  pod: V1Pod;
}

export interface ResolveInput {
  servicePort: V1ServicePort;
  slices: readonly V1EndpointSlice[];
  pod: (name: string) => V1Pod | undefined;
  node: (name: string) => V1Node | undefined;
  /** The binding's readiness-gate condition type. */
  readinessGate: string;
}

export function nodeReadyStatus(node: V1Node | undefined): string {
  return node?.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'False';
}

export function hasReadinessGate(pod: V1Pod, conditionType: string): boolean {
  return (pod.spec?.readinessGates ?? []).some((g) => g.conditionType === conditionType);
}

export function resolvePodEndpoints(input: ResolveInput): {
  endpoints: PodEndpoint[];
  containsPotentialReady: boolean;
} {
  const ready: PodEndpoint[] = [];
  const unknown: PodEndpoint[] = [];
  let containsPotentialReady = false;
  const svcPortName = input.servicePort.name ?? '';
  for (const slice of input.slices) {
    for (const port of slice.ports ?? []) {
      if (svcPortName !== '' && svcPortName !== (port.name ?? '')) continue;
      const epPort = port.port ?? 0;
      for (const ep of slice.endpoints ?? []) {
        if (ep.targetRef?.kind !== 'Pod' || !ep.targetRef.name) continue;
        const addr = ep.addresses?.[0];
        if (!addr) continue;
        const pod = input.pod(ep.targetRef.name);
        if (!pod) {
          containsPotentialReady = true;
          continue;
        }
        const item = { ip: addr, port: epPort, pod };
        if (ep.conditions?.ready === undefined || ep.conditions.ready === null || ep.conditions.ready === true) {
          ready.push(item);
          continue;
        }
        if (!isContainersReady(pod)) {
          if (hasReadinessGate(pod, input.readinessGate)) containsPotentialReady = true;
          continue;
        }
        const nodeName = pod.spec?.nodeName;
        const node = nodeName ? input.node(nodeName) : undefined;
        if (!node) continue;
        const status = nodeReadyStatus(node);
        if (status === 'True') {
          if (ep.conditions?.terminating !== true) ready.push(item);
        } else if (status === 'Unknown') {
          unknown.push(item);
        }
      }
    }
  }
  return { endpoints: ready.length > 0 ? ready : unknown, containsPotentialReady };
}

/** An EC2-style instance id for a node: from spec.providerID (aws:///zone/i-...) or derived from its name. */
export function nodeInstanceId(node: V1Node, hash: (s: string) => string): string {
  const m = /\/(i-[0-9a-f]+)$/.exec(node.spec?.providerID ?? '');
  if (m) return m[1]!;
  return `i-${hash(node.metadata?.name ?? '').slice(0, 17)}`;
}
