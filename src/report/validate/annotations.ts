/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
 * silently; every workflow annotation of the step counts, zd-gate's own closing `::error` included.
 * Spend that budget on the most severe findings first (then input problems, then file order),
 * keep back the slots zd-gate's own lines need, and say how many were left out, so nothing
 * disappears without a word.
 */
import { bySeverityThenPlace, type Finding, type Problem, type Severity } from '../../core/findings.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { ANNOTATION_MESSAGE_BYTES, ANNOTATION_TITLE_CHARS, clipBytes, MESSAGE_CHARS, shorten } from './limits.js';

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

export interface PlanOptions {
  /** Slots per severity kept for zd-gate's own lines (the failure line, API warnings). */
  readonly reserve?: Partial<Record<Severity, number>>;
  /** Where the rule pages are (docsBase()); annotations name their rule's page. */
  readonly docs?: string;
  readonly limit?: Readonly<Record<Severity, number>>;
}

export function planAnnotations(
  findings: readonly Finding[],
  problems: readonly Problem[],
  opts: PlanOptions = {},
): AnnotationPlan {
  const limit = opts.limit ?? ANNOTATION_LIMIT;
  const room: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const s of ['error', 'warning', 'notice'] as const) room[s] = Math.max(0, limit[s] - (opts.reserve?.[s] ?? 0));
  const omitted: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  const offer = (severity: Severity, make: () => Annotation): void => {
    if (room[severity] > 0) {
      room[severity]--;
      annotations.push(make());
    } else {
      omitted[severity]++;
    }
  };
  for (const p of problems)
    if (p.severity === 'error') offer('error', () => problemAnnotation(p, 'zd-gate: input error'));
  for (const f of [...findings].sort(bySeverityThenPlace)) offer(f.severity, () => toAnnotation(f, opts.docs));
  for (const p of problems) if (p.severity !== 'error') offer(p.severity, () => problemAnnotation(p, 'zd-gate'));
  return { annotations, omitted };
}

export function problemAnnotation(p: Problem, title: string): Annotation {
  return {
    severity: p.severity,
    message: clipBytes(shorten(p.message, MESSAGE_CHARS), ANNOTATION_MESSAGE_BYTES),
    title,
    ...(p.file ? { file: p.file } : {}),
    ...(p.line ? { startLine: p.line } : {}),
  };
}

/**
 * A finding as people read it outside the JSON: its message (shortened), where it was in the
 * rendered output when it was mapped to its template, and its rule's page.
 */
export function findingText(f: Finding, docs?: string): string {
  const rendered = f.rendered ? ` (rendered at ${f.rendered.file}:${f.rendered.line})` : '';
  const page = docs ? `\nRule: ${ruleDocsUrl(f.ruleId, docs)}` : '';
  return `${shorten(f.message, MESSAGE_CHARS)}${rendered}${page}`;
}

export function toAnnotation(f: Finding, docs?: string): Annotation {
  const oneLine = f.endLine === f.line;
  return {
    severity: f.severity,
    message: clipBytes(findingText(f, docs), ANNOTATION_MESSAGE_BYTES),
    title: shorten(`zd-gate: ${f.ruleId}`, ANNOTATION_TITLE_CHARS),
    file: f.file,
    startLine: f.line,
    endLine: f.endLine,
    // GitHub uses columns only for single-line annotations.
    ...(oneLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
  };
}

export function omittedCount(plan: AnnotationPlan): number {
  return plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
}
