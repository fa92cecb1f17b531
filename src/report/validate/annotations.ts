/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
 * silently. Spend that budget on the most severe findings first (then input problems, then file
 * order) and say how many were left out, so nothing disappears without a word.
 */
import { bySeverityThenPlace, type Finding, type Problem, type Severity } from '../../core/findings.js';

export const ANNOTATION_LIMIT: Readonly<Record<Severity, number>> = { error: 10, warning: 10, notice: 10 };

export interface Annotation {
  readonly severity: Severity;
  readonly message: string;
  readonly title: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

export interface AnnotationPlan {
  readonly annotations: readonly Annotation[];
  readonly omitted: Readonly<Record<Severity, number>>;
}

export function planAnnotations(
  findings: readonly Finding[],
  problems: readonly Problem[],
  limit = ANNOTATION_LIMIT,
): AnnotationPlan {
  const all: Annotation[] = [
    ...problems
      .filter((p) => p.severity === 'error')
      .map((p): Annotation => ({
        severity: p.severity,
        message: p.message,
        title: 'zd-gate: input error',
        ...(p.file ? { file: p.file } : {}),
        ...(p.line ? { startLine: p.line } : {}),
      })),
    ...[...findings].sort(bySeverityThenPlace).map(toAnnotation),
    ...problems
      .filter((p) => p.severity !== 'error')
      .map((p): Annotation => ({
        severity: p.severity,
        message: p.message,
        title: 'zd-gate',
        ...(p.file ? { file: p.file } : {}),
        ...(p.line ? { startLine: p.line } : {}),
      })),
  ];
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const a of all) {
    if (used[a.severity] < limit[a.severity]) {
      used[a.severity]++;
      annotations.push(a);
    } else {
      omitted[a.severity]++;
    }
  }
  return { annotations, omitted };
}

export function toAnnotation(f: Finding): Annotation {
  const oneLine = f.endLine === f.line;
  return {
    severity: f.severity,
    message: f.message,
    title: `zd-gate: ${f.ruleId}`,
    file: f.file,
    startLine: f.line,
    endLine: f.endLine,
    // GitHub uses columns only for single-line annotations.
    ...(oneLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
  };
}
