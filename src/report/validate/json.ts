/**
 * `--format json`: the stable contract. Documented in the README ("JSON output"); fields are only
 * ever added, never renamed or removed.
 */
import type { ValidateReport } from './report.js';

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
      },
    },
    null,
    2,
  )}\n`;
}
