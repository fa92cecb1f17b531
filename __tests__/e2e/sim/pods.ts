/**
 * What the load balancer would find at a pod's IP. No container really runs under kwok, so
 * "serving" is derived from the pod as the API shows it, with the times this process observed
 * each change (API timestamps have one-second precision, too coarse for scaled runs):
 *
 * - no pod holds the IP any more (deleted, IP gone): connections time out (ALB 504, health check
 *   `Target.Timeout`);
 * - the pod exists but its containers are not ready, or the app is still starting (annotation
 *   `zd-gate.test/app-start-delay`, only without a readinessProbe), or it is Terminating past its
 *   preStop hook (capped by the grace period): connections are refused (ALB 502, health check
 *   `Target.FailedHealthChecks`);
 * - a pod marked `zd-gate.test/lb-health: fail` (or running an image listed as unhealthy) answers
 *   its health check and requests with an error code (`zd-gate.test/lb-health-code`, default 500):
 *   `Target.ResponseCodeMismatch`; `zd-gate.test/lb-health: timeout` never answers: `Target.Timeout`;
 * - otherwise it serves.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { Clock } from './clock.js';
import type { ProbeResult } from './target-group.js';

export const Annotations = {
  lbHealth: 'zd-gate.test/lb-health',
  lbHealthCode: 'zd-gate.test/lb-health-code',
  appStartDelay: 'zd-gate.test/app-start-delay',
  /** Read by the kwok pod-stop stage of scripts/e2e (and here, the same way): overrides the spec's preStop. */
  preStopSeconds: 'zd-gate.test/prestop-seconds',
} as const;

export type PodCondition = 'serving' | 'refused' | 'unreachable' | { code: number } | 'timeout';

export interface PodObservation {
  pod: V1Pod;
  firstSeenAt: number;
  containersReadyAt?: number;
  deletionSeenAt?: number;
  goneAt?: number;
}

export interface PodViewOptions {
  /** Factor applied to pod-side seconds (preStop sleep, grace period, app start delay). Default 1. */
  podTimeScale?: number;
  /** Images (exact string or pattern) whose pods fail the load balancer health check. */
  unhealthyImages?: Array<string | RegExp>;
  /** HTTP code those pods answer with (default 500). */
  unhealthyCode?: number;
}

function toMs(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** Parses "2s", "1500ms", "1m", or a bare number of seconds. */
export function parseDuration(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'ms':
      return n;
    case 'm':
      return n * 60_000;
    default:
      return n * 1000;
  }
}

/**
 * The preStop hook's duration in seconds, read as the e2e cluster's kwok pod-stop stage reads it:
 * the `zd-gate.test/prestop-seconds` annotation, else the largest over containers of the `sleep`
 * action or the N of `sleep N` in an exec command; 0 without a hook.
 */
export function preStopSeconds(pod: V1Pod): number {
  const annotated = Number(pod.metadata?.annotations?.[Annotations.preStopSeconds]);
  if (pod.metadata?.annotations?.[Annotations.preStopSeconds] !== undefined && Number.isFinite(annotated))
    return annotated;
  let max = 0;
  for (const c of pod.spec?.containers ?? []) {
    const pre = c.lifecycle?.preStop as { exec?: { command?: string[] }; sleep?: { seconds?: number } } | undefined;
    if (!pre) continue;
    if (typeof pre.sleep?.seconds === 'number') max = Math.max(max, pre.sleep.seconds);
    const cmd = (pre.exec?.command ?? []).join(' ');
    const m = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(cmd);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

export function isContainersReady(pod: V1Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'ContainersReady' && c.status === 'True');
}

export function isPodReady(pod: V1Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function podIPs(pod: V1Pod): string[] {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((x): x is string => !!x);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips;
}

function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

/** Tracks pods as the informer reports them and answers "what happens at this IP now". */
export class PodView {
  private readonly clock: Clock;
  private readonly opts: Required<PodViewOptions>;
  private readonly byKey = new Map<string, PodObservation>();
  private readonly byIpMap = new Map<string, string>();

  constructor(clock: Clock, opts: PodViewOptions = {}) {
    this.clock = clock;
    this.opts = {
      podTimeScale: opts.podTimeScale ?? 1,
      unhealthyImages: opts.unhealthyImages ?? [],
      unhealthyCode: opts.unhealthyCode ?? 500,
    };
  }

  /** Marks more images as failing the load balancer health check. */
  addUnhealthyImage(image: string | RegExp): void {
    this.opts.unhealthyImages.push(image);
  }

  upsert(pod: V1Pod): void {
    const key = podKey(pod);
    const now = this.clock.now();
    const obs = this.byKey.get(key) ?? { pod, firstSeenAt: now };
    // A pod recreated under the same name (StatefulSet) is a new pod.
    if (obs.pod.metadata?.uid && pod.metadata?.uid && obs.pod.metadata.uid !== pod.metadata.uid) {
      this.byKey.delete(key);
      this.upsert(pod);
      return;
    }
    obs.pod = pod;
    if (isContainersReady(pod)) {
      if (obs.containersReadyAt === undefined) {
        const cond = (pod.status?.conditions ?? []).find((c) => c.type === 'ContainersReady');
        const stamped = toMs(cond?.lastTransitionTime);
        // Seen becoming ready now, or already ready when this process first saw the pod.
        obs.containersReadyAt = obs.firstSeenAt === now && stamped !== undefined ? Math.min(stamped, now) : now;
      }
    } else {
      obs.containersReadyAt = undefined;
    }
    if (pod.metadata?.deletionTimestamp && obs.deletionSeenAt === undefined) {
      const deadline = toMs(pod.metadata.deletionTimestamp);
      const grace = pod.metadata.deletionGracePeriodSeconds;
      const requested = deadline !== undefined && grace !== undefined ? deadline - grace * 1000 : undefined;
      obs.deletionSeenAt = obs.firstSeenAt === now && requested !== undefined ? Math.min(requested, now) : now;
    }
    this.byKey.set(key, obs);
    for (const ip of podIPs(pod)) this.byIpMap.set(ip, key);
  }

  remove(pod: V1Pod): void {
    const key = podKey(pod);
    const obs = this.byKey.get(key);
    if (!obs) return;
    if (obs.pod.metadata?.uid && pod.metadata?.uid && obs.pod.metadata.uid !== pod.metadata.uid) return;
    obs.goneAt = this.clock.now();
    this.byKey.delete(key);
    for (const [ip, k] of this.byIpMap) if (k === key) this.byIpMap.delete(ip);
  }

  get(namespace: string, name: string): PodObservation | undefined {
    return this.byKey.get(`${namespace}/${name}`);
  }

  byIp(ip: string): PodObservation | undefined {
    const key = this.byIpMap.get(ip);
    return key ? this.byKey.get(key) : undefined;
  }

  all(): PodObservation[] {
    return [...this.byKey.values()];
  }

  /** When a Terminating pod stops accepting connections (ms), if it is Terminating. */
  stopsServingAt(obs: PodObservation): number | undefined {
    if (obs.deletionSeenAt === undefined) return undefined;
    const pod = obs.pod;
    const grace = pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    const seconds = Math.min(preStopSeconds(pod), grace);
    return obs.deletionSeenAt + seconds * 1000 * this.opts.podTimeScale;
  }

  /** What a connection to the pod holding `ip` meets right now. */
  conditionAt(ip: string): PodCondition {
    const obs = this.byIp(ip);
    if (!obs) return 'unreachable';
    const now = this.clock.now();
    const pod = obs.pod;
    const stops = this.stopsServingAt(obs);
    if (stops !== undefined && now >= stops) return 'refused';
    if (obs.containersReadyAt === undefined) return 'refused';
    const hasReadinessProbe = (pod.spec?.containers ?? []).some((c) => !!c.readinessProbe);
    const startDelay = parseDuration(pod.metadata?.annotations?.[Annotations.appStartDelay]);
    if (
      !hasReadinessProbe &&
      startDelay !== undefined &&
      now < obs.containersReadyAt + startDelay * this.opts.podTimeScale
    ) {
      return 'refused';
    }
    const knob = pod.metadata?.annotations?.[Annotations.lbHealth];
    if (knob === 'timeout') return 'timeout';
    const images = (pod.spec?.containers ?? []).map((c) => c.image ?? '');
    const badImage = images.some((img) =>
      this.opts.unhealthyImages.some((u) => (typeof u === 'string' ? u === img : u.test(img))),
    );
    if (knob === 'fail' || badImage) {
      const code = Number(pod.metadata?.annotations?.[Annotations.lbHealthCode] ?? this.opts.unhealthyCode);
      return { code: Number.isInteger(code) ? code : this.opts.unhealthyCode };
    }
    return 'serving';
  }

  /** The load balancer health check of an IP target, as a {@link ProbeResult}. */
  probe(ip: string): ProbeResult {
    const c = this.conditionAt(ip);
    if (c === 'serving') return { ok: true };
    if (c === 'refused') return { ok: false, kind: 'refused' };
    if (c === 'unreachable' || c === 'timeout') return { ok: false, kind: 'timeout' };
    return { ok: false, kind: 'code', code: c.code };
  }
}
