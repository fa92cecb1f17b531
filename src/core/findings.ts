/** What validate produces: findings from rules, and problems with the input itself. */
import type { K8sObject, ObjectRef, Path, Range } from './manifest/types.js';

export type Severity = 'error' | 'warning' | 'notice';
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 2, warning: 1, notice: 0 };

/** One finding: the `--format json` contract (README "JSON output"). */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** The column after the last character of the region (the SARIF convention). */
  readonly endColumn: number;
  /** The object at fault; null for findings about a whole document (yaml-syntax, unrendered-template). */
  readonly object: ObjectRef | null;
  /** The container at fault, when one is. */
  readonly container?: string;
  /** The workload the finding concerns, when it is reported on another object (for grouping). */
  readonly workload?: ObjectRef;
  /**
   * Where the finding is in the rendered input, when `file`/`line` were mapped to the file it was
   * rendered from (a Helm template, a kustomize base): see core/sourcemap.
   */
  readonly rendered?: Range & { readonly file: string };
  /** The object and field the rule reported (internal: for source mapping; never serialised). */
  readonly at?: { readonly object: K8sObject; readonly path: Path };
}

/** A problem with the input rather than the manifests' content: unreadable file, empty glob, bad config. */
export interface Problem {
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

export function bySeverityThenPlace(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || byPlace(a, b);
}

export function byPlace(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

/**
 * Plain code-unit order: the same on every machine, unlike localeCompare (which also costs ~10 ms
 * the first time, to load the ICU collator).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
