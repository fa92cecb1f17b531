/** Probe handlers compared the way the kubelet would run them. */
import { isObject, type JsonObject } from '../manifest/types.js';
import type { Container } from '../graph/workload.js';
import { orDefault, readInt } from '../schema/read.js';

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

/**
 * The endpoint a probe checks, without its timing or headers: two probes with the same handler
 * fail together when the application is overloaded or stuck.
 */
export function handlerKey(c: Container, probe: JsonObject): string | undefined {
  if (isObject(probe.httpGet)) {
    const h = probe.httpGet;
    return JSON.stringify([
      'http',
      typeof h.scheme === 'string' ? h.scheme.toUpperCase() : 'HTTP',
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

export type Timing = { readonly [K in keyof typeof TIMING_DEFAULTS]: number };

/** A probe's timing with the API defaults filled in; undefined when a field is invalid (field-type reports it). */
export function timingOf(c: Container, kind: ProbeKind): Timing | undefined {
  const out: Record<string, number> = {};
  for (const [k, d] of Object.entries(TIMING_DEFAULTS)) {
    const v = orDefault(readInt(c.owner, [...c.path, kind, k]), d);
    if (v === undefined) return undefined;
    // periodSeconds and failureThreshold of 0 are defaulted by the API server, like unset ones.
    out[k] = v === 0 && (k === 'periodSeconds' || k === 'failureThreshold' || k === 'timeoutSeconds') ? d : v;
  }
  return out as Timing;
}

/** Seconds of consecutive failures after which the kubelet acts on a probe: failureThreshold × periodSeconds. */
export function failureWindow(t: Timing): number {
  return t.failureThreshold * t.periodSeconds;
}
