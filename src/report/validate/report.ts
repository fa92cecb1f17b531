/** The outcome of one validate run, as every output format sees it. */
import type { Finding, Problem, Severity } from '../../core/findings.js';
import type { ObjectRef } from '../../core/manifest/types.js';
import type { FailOn } from '../../settings.js';
import type { SkippedInputs } from '../../adapters/files.js';

export type { SkippedInputs };

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
  /** Bytes of input read (files and standard input). */
  readonly inputBytes: number;
  /** What the search for input files passed over (hidden, node_modules, links leaving the inputs...). */
  readonly skipped: SkippedInputs;
}

/** A rule the config turned off, lowered, raised or re-parameterised (what a reviewer must see). */
export interface RuleOverride {
  readonly rule: string;
  readonly defaultSeverity: Severity;
  /** The configured severity; undefined when only parameters changed. */
  readonly severity: Severity | 'off' | undefined;
  /** Parameters set, with the value and the default. */
  readonly params: readonly { readonly name: string; readonly value: string; readonly default: string }[];
}

/** A `zd-gate/ignore` annotation: the rules it waives on one object. */
export interface Waiver {
  readonly object: ObjectRef;
  readonly rules: readonly string[];
  readonly file: string;
  readonly line: number;
}

/** What the config file and the manifests' own annotations change about what is checked. */
export interface Overrides {
  readonly configFile?: string;
  readonly rules: readonly RuleOverride[];
  readonly waivers: readonly Waiver[];
  /** Objects with a `zd-gate/ignore` annotation (waivers lists the first ones). */
  readonly waiverCount: number;
}

export interface ValidateReport {
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly summary: Summary;
  readonly overrides?: Overrides;
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

/** One sentence on what the file search skipped and why, or undefined when it skipped nothing. */
export function skippedText(k: SkippedInputs): string | undefined {
  const parts: string[] = [];
  const n = (count: number, one: string, many: string): void => {
    if (count > 0) parts.push(`${count} ${count === 1 ? one : many}`);
  };
  n(k.hidden, 'hidden entry', 'hidden entries');
  n(k.nodeModules, 'node_modules folder', 'node_modules folders');
  n(k.outsideInputs, 'link leading outside the inputs', 'links leading outside the inputs');
  n(k.notFiles, 'entry that is not a regular file', 'entries that are not regular files');
  n(k.duplicates, 'file reached twice (read once)', 'files reached twice (read once)');
  if (parts.length === 0) return undefined;
  const examples = k.examples.map((e) => e.path);
  return `Skipped while searching the inputs: ${parts.join(', ')}${examples.length > 0 ? ` (${examples.join(', ')}${k.hidden + k.nodeModules + k.outsideInputs + k.notFiles + k.duplicates > examples.length ? ', ...' : ''})` : ''}. See docs/inputs.md.`;
}
