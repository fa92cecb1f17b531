/** The outcome of one validate run, as every output format sees it. */
import type { Finding, Problem, Severity } from '../../core/findings.js';
import type { ObjectRef } from '../../core/manifest/types.js';
import type { FailOn } from '../../settings.js';

export interface Summary {
  readonly files: number;
  readonly objects: number;
  /** Workloads a Service selects: the ones the zero-downtime rules checked. */
  readonly workloadsChecked: number;
  readonly errors: number;
  readonly warnings: number;
  readonly notices: number;
  readonly suppressed: number;
  readonly failOn: FailOn;
  /** True when findings at or above fail-on exist, or the input had errors. */
  readonly failed: boolean;
  /** Workloads no Service among the inputs selects, so the workload rules did not apply to them. */
  readonly unchecked: readonly ObjectRef[];
}

export interface ValidateReport {
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly summary: Summary;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function refText(r: ObjectRef | null | undefined): string {
  if (!r) return '';
  return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}
