/** Human output for terminals and the step log: findings grouped by file, then the totals. */
import { byPlace, type Finding } from '../../core/findings.js';
import { findingText } from './annotations.js';
import { MESSAGE_CHARS, NAME_CHARS, shorten } from './limits.js';
import { loosens, overrideText } from './overrides.js';
import { refText, skippedText, type ValidateReport } from './report.js';

/** Input problems listed at most in the text output (the JSON output has them all). */
const MAX_PROBLEMS = 200;

export function formatText(report: ValidateReport): string {
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of [...report.findings].sort(byPlace)) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(shorten(file, NAME_CHARS * 2));
    for (const f of findings)
      lines.push(`  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${findingText(f)}  [${f.ruleId}]`);
    lines.push('');
  }
  for (const p of report.problems.slice(0, MAX_PROBLEMS)) {
    const where = p.file ? `${shorten(p.file, NAME_CHARS * 2)}${p.line ? `:${p.line}` : ''}: ` : '';
    lines.push(`${p.severity === 'error' ? 'input error' : p.severity}: ${where}${shorten(p.message, MESSAGE_CHARS)}`);
  }
  if (report.problems.length > MAX_PROBLEMS)
    lines.push(`…and ${report.problems.length - MAX_PROBLEMS} more input problems (--format json lists them all).`);
  if (report.problems.length > 0) lines.push('');
  lines.push(...overrideLines(report));
  const s = report.summary;
  if (s.unchecked.length > 0) {
    const names = s.unchecked
      .slice(0, 5)
      .map((r) => shorten(refText(r), NAME_CHARS))
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

/** What the config and `zd-gate/ignore` annotations change, so it is never silent. */
function overrideLines(report: ValidateReport): string[] {
  const o = report.overrides;
  if (!o || (o.rules.length === 0 && o.waiverCount === 0)) return [];
  const from = o.configFile ?? 'the config';
  const lines: string[] = [];
  for (const r of o.rules) lines.push(`${from}: ${overrideText(r)}`);
  for (const w of o.waivers.slice(0, 20))
    lines.push(
      `waived: ${shorten(refText(w.object), NAME_CHARS)} (${shorten(w.file, NAME_CHARS)}:${w.line}) ignores ${shorten(w.rules.join(', '), NAME_CHARS)}`,
    );
  if (o.waiverCount > 20) lines.push(`…and ${o.waiverCount - 20} more objects with zd-gate/ignore.`);
  const loose = o.rules.filter(loosens).length;
  lines.push(
    `Configuration changes what is checked: ${loose} rule${loose === 1 ? '' : 's'} turned off or lowered, ${o.waiverCount} object${o.waiverCount === 1 ? '' : 's'} with zd-gate/ignore.`,
    '',
  );
  return lines;
}
