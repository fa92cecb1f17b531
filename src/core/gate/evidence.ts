/**
 * Evidence sources: measurements other than target health that the gate judges with. Each source
 * is one field of {@link Evidence} (its latest reading), one adapter that produces readings (a port,
 * see ports.ts: EvidenceSource / ElbMetricsPort), and the verdict rows that read it (verdicts.ts).
 * The probe is the first; the load balancer's own counts from CloudWatch (`elb-metrics`) the second.
 */
import type { MetricsView } from '../metrics/store.js';

/** Cumulative counts of the probe (`probe-url`) since it started. */
export interface ProbeReading {
  readonly total: number;
  readonly errors: number;
}

/**
 * The CloudWatch datapoints read so far (`elb-metrics`): every series of the load balancers in front
 * of the watched target groups, by minute. The gate assesses its own window over them
 * (core/metrics/window.ts) and decides with core/metrics/judge.ts.
 */
export interface ElbMetricsReading {
  readonly view: MetricsView;
}

/** The latest reading of every evidence source; a source that is not configured is absent. */
export interface Evidence {
  readonly probe?: ProbeReading;
  readonly elb?: ElbMetricsReading;
}

export type EvidenceSourceName = keyof Evidence;

/** One reading, as the gate receives it. */
export type EvidenceEvent = {
  [K in EvidenceSourceName]: {
    readonly type: 'evidence';
    readonly source: K;
    readonly value: NonNullable<Evidence[K]>;
  };
}[EvidenceSourceName];
