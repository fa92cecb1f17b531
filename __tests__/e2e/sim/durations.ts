/**
 * Every duration the simulator uses, as the real value (seconds, from the AWS Load Balancer
 * Controller defaults, the AWS docs and the seeds' measurements) and its scaled-down value
 * (milliseconds). One factor scales them all, so the ratios the seeds depend on stay intact:
 * with the default scale 0.1 an ALB target needs 1 s propagation + 2 × 1.5 s health checks to go
 * healthy, and drains for 30 s, exactly a tenth of the real 10 s + 2 × 15 s and 300 s.
 */

/** Real-world values, in seconds (thresholds are counts). */
export const REAL = {
  /** LBC Ingress defaults (model_builder.go): interval 15 s, timeout 5 s, healthy 2, unhealthy 2. */
  alb: { intervalSeconds: 15, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 2 },
  /** LBC Service (NLB) defaults: TCP, interval 10 s, timeout 10 s, healthy 3, unhealthy 3. */
  nlb: { intervalSeconds: 10, timeoutSeconds: 10, healthyThreshold: 3, unhealthyThreshold: 3 },
  /** AWS default deregistration_delay.timeout_seconds; the controller sets none. */
  deregistrationDelaySeconds: 300,
  /** ELB API → data plane propagation ("about 10 s", LBC #1719), for register and deregister. */
  registrationPropagationSeconds: 10,
  deregistrationPropagationSeconds: 10,
  /** Controller processing time from an EndpointSlice change to the ELB call (seed 000 logs: ~1-2 s). */
  controllerDelaySeconds: 2,
  /** LBC requeue while a gated pod's target is not healthy yet (resource_manager.go defaultRequeueDuration). */
  lbcRequeueSeconds: 15,
  /** ALB → target connect timeout: the seeds' 504s came after ~10 s (vegeta max 10.177 s). */
  targetConnectTimeoutSeconds: 10,
  /** A normal request's round trip (seed 002: p50 ~19 ms). */
  requestLatencySeconds: 0.015,
  /**
   * Between the end of a minute and its ELB datapoints in CloudWatch. ELB "measures and sends its
   * metrics in 60-second intervals"; AWS documents no publication delay, and the field
   * estimate is one to three minutes from request to datapoint: a minute after the minute ends.
   */
  cloudWatchPublicationDelaySeconds: 60,
} as const;

export interface HealthCheckSettings {
  intervalMs: number;
  timeoutMs: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
}

export interface SimDurations {
  /** The factor applied to every real duration (1 = real time). */
  scale: number;
  alb: HealthCheckSettings;
  nlb: HealthCheckSettings;
  defaultDeregistrationDelayMs: number;
  registrationPropagationMs: number;
  deregistrationPropagationMs: number;
  controllerDelayMs: number;
  lbcRequeueMs: number;
  targetConnectTimeoutMs: number;
  requestLatencyMs: number;
  /** A minute's CloudWatch datapoints appear this long after the minute ends (minutes themselves are real). */
  cloudWatchPublicationDelayMs: number;
}

/** Converts real seconds to simulated milliseconds. */
export function scaleSeconds(seconds: number, scale: number): number {
  return Math.round(seconds * 1000 * scale);
}

export type DurationOverrides = Partial<Omit<SimDurations, 'alb' | 'nlb' | 'scale'>> & {
  alb?: Partial<HealthCheckSettings>;
  nlb?: Partial<HealthCheckSettings>;
};

/** All durations at the given scale (default 0.1), with optional per-value overrides in ms. */
export function scaledDurations(scale = 0.1, overrides: DurationOverrides = {}): SimDurations {
  if (!(scale > 0)) throw new Error(`scale must be > 0, got ${scale}`);
  const hc = (r: (typeof REAL)['alb'] | (typeof REAL)['nlb']): HealthCheckSettings => ({
    intervalMs: scaleSeconds(r.intervalSeconds, scale),
    timeoutMs: scaleSeconds(r.timeoutSeconds, scale),
    healthyThreshold: r.healthyThreshold,
    unhealthyThreshold: r.unhealthyThreshold,
  });
  const { alb, nlb, ...rest } = overrides;
  return {
    scale,
    alb: { ...hc(REAL.alb), ...alb },
    nlb: { ...hc(REAL.nlb), ...nlb },
    defaultDeregistrationDelayMs: scaleSeconds(REAL.deregistrationDelaySeconds, scale),
    registrationPropagationMs: scaleSeconds(REAL.registrationPropagationSeconds, scale),
    deregistrationPropagationMs: scaleSeconds(REAL.deregistrationPropagationSeconds, scale),
    controllerDelayMs: scaleSeconds(REAL.controllerDelaySeconds, scale),
    lbcRequeueMs: scaleSeconds(REAL.lbcRequeueSeconds, scale),
    targetConnectTimeoutMs: scaleSeconds(REAL.targetConnectTimeoutSeconds, scale),
    // Latency is not scaled below 1 ms: it only shapes the report, never an ordering.
    requestLatencyMs: Math.max(1, scaleSeconds(REAL.requestLatencySeconds, scale)),
    cloudWatchPublicationDelayMs: scaleSeconds(REAL.cloudWatchPublicationDelaySeconds, scale),
    ...rest,
  };
}
