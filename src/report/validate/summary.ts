/**
 * The job summary: the verdict, the counts, and every finding grouped by workload (the unit a
 * reviewer thinks in), within GitHub's 1 MiB summary limit. Every string from the manifests goes
 * through report/markdown.ts.
 */
import type { Finding, Severity } from '../../core/findings.js';
import { code, details, join, link, md, table, trusted, type Markdown } from '../markdown.js';
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
): Markdown {
  const s = report.summary;
  const out: Markdown[] = [];
  const verdict = s.failed
    ? '❌ zd-gate validate failed'
    : s.errors + s.warnings + s.notices > 0
      ? '✅ zd-gate validate passed with findings'
      : '✅ zd-gate validate passed';
  out.push(
    md`## ${verdict}`,
    table(
      ['Errors', 'Warnings', 'Notices', 'Suppressed', 'Objects', 'Files', 'Served workloads checked'],
      [[s.errors, s.warnings, s.notices, s.suppressed, s.objects, s.files, s.workloadsChecked]],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    md`Fails on: ${code(s.failOn)}.`,
  );
  const inputErrors = report.problems.filter((p) => p.severity === 'error');
  if (inputErrors.length > 0) {
    out.push(
      md`
### Input errors
      `,
      join(
        inputErrors.map(
          (p) => md`- ${p.file ? md`${code(`${p.file}${p.line ? `:${p.line}` : ''}`)} ` : ''}${p.message}`,
        ),
      ),
    );
  }
  if (plan) {
    const omitted = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
    if (omitted > 0) {
      const where = links.checkRunUrl
        ? md`the ${link(links.checkRunUrl, 'check run')} and the table below`
        : md`
the table below and the SARIF file
          `;
      out.push(
        md`> [!NOTE]
> GitHub shows 10 annotations per severity in a step: ${omitted} more finding${omitted === 1 ? ' is' : 's are'} not annotated inline (${plan.omitted.error} errors, ${plan.omitted.warning} warnings, ${plan.omitted.notice} notices). All are in ${where}.`,
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
    out.push(md`
### Findings by workload
    `);
    let rows = 0;
    for (const [group, findings] of groups) {
      if (rows >= MAX_ROWS) break;
      const shown = findings.slice(0, MAX_ROWS - rows);
      rows += shown.length;
      out.push(
        md`#### ${group}`,
        table(
          ['', 'Rule', 'Where', 'Finding'],
          shown.map((f) => [ICON[f.severity], code(f.ruleId), code(`${f.file}:${f.line}`), f.message]),
        ),
      );
    }
    if (report.findings.length > MAX_ROWS) {
      out.push(
        md`…and ${report.findings.length - MAX_ROWS} more findings (see the SARIF file or ${code('--format json')}).`,
      );
    }
  }
  if (s.unchecked.length > 0) {
    const n = s.unchecked.length;
    out.push(
      details(
        `${n} workload${n === 1 ? '' : 's'} not checked: no Service among the inputs selects ${n === 1 ? 'it' : 'them'}`,
        join(s.unchecked.slice(0, 100).map((r) => md`- ${refText(r)}`)),
      ),
    );
  }
  if (links.sarifFile) {
    out.push(md`SARIF: ${code(links.sarifFile)} (upload it with github/codeql-action/upload-sarif for code scanning).`);
  }
  return join([...out, trusted('')], '\n\n');
}
