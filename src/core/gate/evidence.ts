/**
 * Evidence sources: measurements other than target health that the gate judges with. Each source
 * is one field of {@link Evidence} (its latest reading), one adapter that produces readings (a port,
 * see ports.ts: EvidenceSource), and the verdict rows that read it (verdicts.ts). The probe is the
 * first; a new source (CloudWatch ELB metrics, say) adds a field here, a row in verdicts.ts and an
 * adapter, and nothing else in the gate changes.
 */

/** Cumulative counts of the probe (`probe-url`) since it started. */
export interface ProbeReading {
  readonly total: number;
  readonly errors: number;
}

/** The latest reading of every evidence source; a source that is not configured is absent. */
export interface Evidence {
  readonly probe?: ProbeReading;
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
