/**
 * The check run's content: its title and its annotations (input errors with a file, then findings
 * most severe first), at most MAX_CHECK_ANNOTATIONS, so the number of Checks API requests is
 * bounded whatever the input holds. The rest are counted in the check run's summary.
 */
import { bySeverityThenPlace } from '../../core/findings.js';
import { problemAnnotation, toAnnotation, type Annotation } from './annotations.js';
import type { CheckAnnotation } from '../../adapters/github.js';
import { ANNOTATION_TITLE_CHARS, MAX_CHECK_ANNOTATIONS, shorten } from './limits.js';
import type { ValidateReport } from './report.js';

export interface CheckRunContent {
  readonly title: string;
  readonly conclusion: 'success' | 'failure';
  readonly annotations: readonly CheckAnnotation[];
  /** Findings and input errors there were to annotate (annotations holds the first ones). */
  readonly total: number;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

function checkAnnotation(a: Annotation): CheckAnnotation {
  return {
    path: a.file ?? '.',
    start_line: a.startLine ?? 1,
    end_line: a.endLine ?? a.startLine ?? 1,
    ...(a.startColumn !== undefined && a.endColumn !== undefined
      ? { start_column: a.startColumn, end_column: a.endColumn }
      : {}),
    annotation_level: LEVEL[a.severity],
    title: shorten(a.title, ANNOTATION_TITLE_CHARS),
    message: a.message,
  };
}

export function checkRunContent(report: ValidateReport, docs?: string): CheckRunContent {
  const s = report.summary;
  const problems = report.problems.filter((p) => p.file && p.severity === 'error');
  const list: CheckAnnotation[] = [];
  for (const p of problems) {
    if (list.length >= MAX_CHECK_ANNOTATIONS) break;
    list.push(checkAnnotation(problemAnnotation({ ...p, line: p.line ?? 1 }, 'zd-gate: input error')));
  }
  for (const f of [...report.findings].sort(bySeverityThenPlace)) {
    if (list.length >= MAX_CHECK_ANNOTATIONS) break;
    list.push(checkAnnotation(toAnnotation(f, docs)));
  }
  return {
    title: `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'}`,
    conclusion: s.failed ? 'failure' : 'success',
    annotations: list,
    total: problems.length + report.findings.length,
  };
}
