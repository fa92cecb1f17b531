/**
 * The job summary: the verdict, the counts, and every finding grouped by workload (the unit a
 * reviewer thinks in), within GitHub's 1 MiB summary limit.
 */
import type { Finding, Severity } from '../../core/findings.js';
import { refText, type ValidateReport } from './report.js';
import type { AnnotationPlan } from './annotations.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', notice: '🔵' };
const MAX_ROWS = 500;

export interface SummaryLinks {
  readonly checkRunUrl?: string;
  readonly sarifFile?: string;
}

export function formatSummary(
  report: ValidateReport,
  plan: AnnotationPlan | undefined,
  links: SummaryLinks = {},
): string {
  const s = report.summary;
  const out: string[] = [];
  const verdict = s.failed
    ? '❌ zd-gate validate failed'
    : s.errors + s.warnings + s.notices > 0
      ? '✅ zd-gate validate passed with findings'
      : '✅ zd-gate validate passed';
  out.push(`## ${verdict}`, '');
  out.push(
    `| Errors | Warnings | Notices | Suppressed | Objects | Files | Served workloads checked |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${s.errors} | ${s.warnings} | ${s.notices} | ${s.suppressed} | ${s.objects} | ${s.files} | ${s.workloadsChecked} |`,
    '',
    `Fails on: \`${s.failOn}\`.`,
    '',
  );
  const inputErrors = report.problems.filter((p) => p.severity === 'error');
  if (inputErrors.length > 0) {
    out.push(
      '### Input errors',
      '',
      ...inputErrors.map(
        (p) => `- ${p.file ? `\`${p.file}${p.line ? `:${p.line}` : ''}\` ` : ''}${escapeCell(p.message)}`,
      ),
      '',
    );
  }
  if (plan) {
    const omitted = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
    if (omitted > 0) {
      const where = links.checkRunUrl
        ? `the [check run](${links.checkRunUrl}) and the table below`
        : 'the table below and the SARIF file';
      out.push(
        `> [!NOTE]`,
        `> GitHub shows 10 annotations per severity in a step: ${omitted} more finding${omitted === 1 ? ' is' : 's are'} not annotated inline (${plan.omitted.error} errors, ${plan.omitted.warning} warnings, ${plan.omitted.notice} notices). All are in ${where}.`,
        '',
      );
    }
  }
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = refText(f.workload ?? f.object) || f.file;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  if (groups.size > 0) {
    out.push('### Findings by workload', '');
    let rows = 0;
    for (const [group, findings] of groups) {
      if (rows >= MAX_ROWS) break;
      out.push(`#### ${escapeCell(group)}`, '', '| | Rule | Where | Finding |', '|---|---|---|---|');
      for (const f of findings) {
        if (rows++ >= MAX_ROWS) break;
        out.push(
          `| ${ICON[f.severity]} | \`${f.ruleId}\` | \`${escapeCell(f.file)}:${f.line}\` | ${escapeCell(f.message)} |`,
        );
      }
      out.push('');
    }
    if (report.findings.length > MAX_ROWS)
      out.push(
        `…and ${report.findings.length - MAX_ROWS} more findings (see the SARIF file or \`--format json\`).`,
        '',
      );
  }
  if (s.unchecked.length > 0) {
    out.push(
      `<details><summary>${s.unchecked.length} workload${s.unchecked.length === 1 ? '' : 's'} not checked: no Service among the inputs selects ${s.unchecked.length === 1 ? 'it' : 'them'}</summary>`,
      '',
      ...s.unchecked.slice(0, 100).map((r) => `- ${refText(r)}`),
      '',
      '</details>',
      '',
    );
  }
  if (links.sarifFile)
    out.push(`SARIF: \`${links.sarifFile}\` (upload it with github/codeql-action/upload-sarif for code scanning).`, '');
  return out.join('\n');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
