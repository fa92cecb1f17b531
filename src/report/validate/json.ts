/**
 * `--format json`: the stable contract. Documented in docs/validate.md ("JSON output"); fields are
 * only ever added, never renamed or removed. Every string is bounded (MAX_JSON_STRING characters,
 * shortened with an ellipsis): a 5 MB object name quoted in a few messages must not make a file of
 * hundreds of megabytes.
 */
import { shorten } from './limits.js';
import type { ValidateReport } from './report.js';

/** Longest string value in the JSON output; longer ones end in `…`. */
export const MAX_JSON_STRING = 8_192;

const bounded = (_key: string, value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_JSON_STRING ? shorten(value, MAX_JSON_STRING) : value;

export function formatJson(report: ValidateReport): string {
  const { summary } = report;
  return `${JSON.stringify(
    {
      findings: report.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: f.file,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        object: f.object,
        ...(f.container !== undefined ? { container: f.container } : {}),
        ...(f.workload !== undefined ? { workload: f.workload } : {}),
        // Mapped to its template or base file: where it was in the rendered input.
        ...(f.rendered !== undefined ? { rendered: f.rendered } : {}),
      })),
      problems: report.problems,
      summary: {
        errors: summary.errors,
        warnings: summary.warnings,
        notices: summary.notices,
        suppressed: summary.suppressed,
        files: summary.files,
        objects: summary.objects,
        workloadsChecked: summary.workloadsChecked,
        unchecked: summary.unchecked,
        failOn: summary.failOn,
        failed: summary.failed,
        inputBytes: summary.inputBytes,
        skipped: summary.skipped,
      },
    },
    bounded,
    2,
  )}\n`;
}
