/** Probe handlers compared the way the kubelet would run them. */
import { isObject, type JsonObject } from '../manifest/types.js';
import type { Container } from '../graph/workload.js';

export type ProbeKind = 'readinessProbe' | 'livenessProbe' | 'startupProbe';

export function probeOf(c: Container, kind: ProbeKind): JsonObject | undefined {
  const p = c.raw[kind];
  return isObject(p) ? p : undefined;
}

/** A named port resolved to its number in this container, so `port: http` equals `port: 8080`. */
function portNumber(c: Container, port: unknown): unknown {
  if (typeof port === 'string') return c.ports.find((p) => p.name === port)?.containerPort ?? port;
  return port;
}

/** The action a probe performs, without its timing: two probes with the same handler fail together. */
export function handlerKey(c: Container, probe: JsonObject): string | undefined {
  if (isObject(probe.httpGet)) {
    const h = probe.httpGet;
    return JSON.stringify([
      'http',
      String(h.scheme ?? 'HTTP').toUpperCase(),
      h.host ?? '',
      portNumber(c, h.port),
      h.path ?? '/',
    ]);
  }
  if (isObject(probe.tcpSocket))
    return JSON.stringify(['tcp', probe.tcpSocket.host ?? '', portNumber(c, probe.tcpSocket.port)]);
  if (isObject(probe.grpc)) return JSON.stringify(['grpc', probe.grpc.port, probe.grpc.service ?? '']);
  if (isObject(probe.exec) && Array.isArray(probe.exec.command))
    return JSON.stringify(['exec', ...probe.exec.command.map(String)]);
  return undefined;
}

/** The HTTP path a probe checks, or undefined when it is not an HTTP probe. */
export function httpPath(probe: JsonObject | undefined): string | undefined {
  if (!probe || !isObject(probe.httpGet)) return undefined;
  return typeof probe.httpGet.path === 'string' && probe.httpGet.path !== '' ? probe.httpGet.path : '/';
}

const TIMING_DEFAULTS = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

/** Handler plus timing with the API defaults filled in: equal keys mean the probes fail together. */
export function probeKey(c: Container, probe: JsonObject): string | undefined {
  const handler = handlerKey(c, probe);
  if (handler === undefined) return undefined;
  const timing = Object.entries(TIMING_DEFAULTS).map(([k, d]) => (typeof probe[k] === 'number' ? probe[k] : d));
  return JSON.stringify([handler, ...timing]);
}
