/** Human output for terminals: findings grouped by file, then the totals. */
import { byPlace, type Finding } from '../../core/findings.js';
import { skippedText, type ValidateReport } from './report.js';

export function formatText(report: ValidateReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of [...report.findings].sort(byPlace)) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(file);
    for (const f of findings)
      lines.push(`  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.message}  [${f.ruleId}]`);
    lines.push('');
  }
  for (const p of report.problems) {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
    lines.push(`${p.severity === 'error' ? 'input error' : p.severity}: ${where}${p.message}`);
  }
  if (report.problems.length > 0) lines.push('');
  const s = report.summary;
  if (s.unchecked.length > 0) {
    const names = s.unchecked
      .slice(0, 5)
      .map((r) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`)
      .join(', ');
    lines.push(
      `Not checked (no Service among the inputs selects them): ${names}${s.unchecked.length > 5 ? ` and ${s.unchecked.length - 5} more` : ''}.`,
    );
  }
  const skipped = skippedText(s.skipped);
  if (skipped) lines.push(skipped);
  const total = s.errors + s.warnings + s.notices;
  lines.push(
    `${total === 0 ? 'No findings' : `${total} finding${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'})`}` +
      ` in ${s.objects} object${s.objects === 1 ? '' : 's'} from ${s.files} file${s.files === 1 ? '' : 's'}; ${s.workloadsChecked} served workload${s.workloadsChecked === 1 ? '' : 's'} checked` +
      `${s.suppressed ? `; ${s.suppressed} suppressed` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
