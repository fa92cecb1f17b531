/**
 * The one markdown renderer for validate's three GitHub surfaces: the job summary (1 MiB), the
 * check run's summary (65,535) and the pull-request comment (65,536). Each gets the same document
 * within its own size budget: the verdict and counts, what the configuration changes, input
 * errors, notes, then every finding grouped by workload (the unit a reviewer thinks in), cut at
 * whole rows and sections when the budget runs out, with a closing line saying exactly how many
 * findings are not shown and where all of them are. Every string from outside goes through
 * report/markdown.ts; long names and messages are shortened with an ellipsis first.
 */
import type { Finding, Problem, Severity } from '../../core/findings.js';
import { code, details, join, link, md, table, trusted, type Markdown } from '../markdown.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { omittedCount, type AnnotationPlan } from './annotations.js';
import { byteLength, MESSAGE_CHARS, NAME_CHARS, shorten } from './limits.js';
import { loosens, overrideText } from './overrides.js';
import { refText, skippedText, type ValidateReport } from './report.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', notice: '🔵' };
/** Items of a list section (input errors, notes, overrides) shown at most; the rest are counted. */
const MAX_LIST = 50;
const SEPARATOR = '\n\n';

export interface RenderOptions {
  /** The surface's size limit in bytes (limits.ts). */
  readonly limit: number;
  /** The step's annotation plan (job summary only): says how many findings are not annotated inline. */
  readonly plan?: AnnotationPlan;
  readonly checkRunUrl?: string;
  readonly sarifFile?: string;
  readonly findingsFile?: string;
  /** Base of the rule pages (docsBase()); rule ids link there. */
  readonly docs?: string;
  /** Findings the check run holds as annotations, when fewer than all. */
  readonly checkRunAnnotations?: number;
}

class Budget {
  private readonly parts: Markdown[] = [];
  private used = 0;
  constructor(private readonly limit: number) {}

  /** Adds `m` when it fits in what is left; false (and nothing added) when not. */
  add(m: Markdown): boolean {
    const size = byteLength(m.value) + (this.parts.length > 0 ? SEPARATOR.length : 0);
    if (this.used + size > this.limit) return false;
    this.parts.push(m);
    this.used += size;
    return true;
  }

  get left(): number {
    return this.limit - this.used;
  }

  done(): Markdown {
    return join([...this.parts, trusted('')], SEPARATOR);
  }
}

export function renderMarkdown(report: ValidateReport, opts: RenderOptions): Markdown {
  const s = report.summary;
  const total = report.findings.length;
  const where = whereAll(opts, total);
  // The closing lines are written last but their room is kept from the start.
  const tailRoom = byteLength(where.value) + 1_024;
  const body = new Budget(Math.max(0, opts.limit - tailRoom));

  const verdict = s.failed
    ? '❌ zd-gate validate failed'
    : s.errors + s.warnings + s.notices > 0
      ? '✅ zd-gate validate passed with findings'
      : '✅ zd-gate validate passed';
  body.add(md`## ${verdict}`);
  body.add(
    table(
      ['Errors', 'Warnings', 'Notices', 'Suppressed', 'Objects', 'Files', 'Served workloads checked'],
      [[s.errors, s.warnings, s.notices, s.suppressed, s.objects, s.files, s.workloadsChecked]],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  body.add(md`Fails on: ${code(s.failOn)}.`);
  if (opts.checkRunUrl) body.add(md`Every finding is annotated in the ${link(opts.checkRunUrl, 'check run')}.`);

  overridesSection(report, body);
  const skipped = skippedText(s.skipped);
  if (skipped)
    body.add(md`> [!NOTE]
> ${skipped}`);
  problemList(
    body,
    md`
### Input errors
    `,
    report.problems.filter((p) => p.severity === 'error'),
    (n) => md`…and ${n} more input errors (all are in the findings file).`,
  );
  problemList(
    body,
    md`
### Notes
    `,
    report.problems.filter((p) => p.severity !== 'error'),
    (n) => md`…and ${n} more notes (all are in the findings file).`,
  );

  if (opts.plan && omittedCount(opts.plan) > 0) {
    const o = opts.plan.omitted;
    const n = omittedCount(opts.plan);
    body.add(
      md`> [!NOTE]
> GitHub shows 10 annotations per severity in a step: ${n} more finding${n === 1 ? ' is' : 's are'} not annotated inline (${o.error} errors, ${o.warning} warnings, ${o.notice} notices).`,
    );
  }

  const shown = findingsSection(report.findings, body, opts.docs);
  const unchecked = s.unchecked;
  if (unchecked.length > 0) {
    const n = unchecked.length;
    const list = unchecked.slice(0, 100).map((r) => md`- ${shorten(refText(r), NAME_CHARS)}`);
    body.add(
      details(
        `${n} workload${n === 1 ? '' : 's'} not checked: no Service among the inputs selects ${n === 1 ? 'it' : 'them'}`,
        join([...list, ...(n > 100 ? [md`- …and ${n - 100} more`] : [])]),
      ),
    );
  }

  // The closing line, within the room kept for it: so the whole page is within opts.limit.
  let closing: Markdown | undefined;
  if (shown < total)
    closing = md`**${total - shown} of ${total} finding${total === 1 ? ' is' : 's are'} not shown here** (this page holds ${Math.floor(opts.limit / 1024)} KiB). ${where}`;
  else if (total > 0 || opts.sarifFile) closing = where;
  return closing && byteLength(closing.value) + SEPARATOR.length <= tailRoom
    ? join([body.done(), closing], '')
    : body.done();
}

/** Where every finding is: the check run, the SARIF file and the findings file. */
function whereAll(opts: RenderOptions, total: number): Markdown {
  const places: Markdown[] = [];
  if (opts.checkRunUrl) {
    const held = opts.checkRunAnnotations;
    places.push(
      held !== undefined && held < total
        ? md`the ${link(opts.checkRunUrl, 'check run')} (the first ${held} as annotations)`
        : md`the ${link(opts.checkRunUrl, 'check run')}`,
    );
  }
  if (opts.sarifFile)
    places.push(
      md`the SARIF file ${code(shorten(opts.sarifFile, NAME_CHARS))} (${code('sarif-file')} output; upload it with github/codeql-action/upload-sarif for code scanning)`,
    );
  if (opts.findingsFile)
    places.push(
      md`the findings file ${code(shorten(opts.findingsFile, NAME_CHARS))} (${code('findings-file')} output)`,
    );
  if (places.length === 0) return md`All findings are in the output of ${code('zd-gate validate --format json')}.`;
  return md`All ${total} finding${total === 1 ? ' is' : 's are'} in ${join(places, places.length > 2 ? ', ' : ' and ')}.`;
}

function overridesSection(report: ValidateReport, body: Budget): void {
  const o = report.overrides;
  if (!o || (o.rules.length === 0 && o.waiverCount === 0)) return;
  const loose = o.rules.filter(loosens);
  const from = o.configFile
    ? md`${code(shorten(o.configFile, NAME_CHARS))}`
    : md`
the config
      `;
  const head =
    loose.length > 0 || o.waiverCount > 0
      ? md`> [!WARNING]
> Configuration changes what is checked: ${
          loose.length > 0
            ? md`${from} turns off or lowers ${loose.length} rule${loose.length === 1 ? '' : 's'}`
            : md`
no rule is turned off
              `
        }${o.waiverCount > 0 ? md`; ${o.waiverCount} object${o.waiverCount === 1 ? '' : 's'} waive rules with ${code('zd-gate/ignore')}` : ''}. Review these changes with the pull request.`
      : md`> [!NOTE]
> ${from} changes rule settings (nothing is turned off or lowered).`;
  if (!body.add(md`### Configuration\n\n${head}`)) return;
  const items = [
    ...o.rules.map((r) => md`- ${from}: ${code(overrideText(r))}`),
    ...o.waivers.map(
      (w) =>
        md`- ${shorten(refText(w.object), NAME_CHARS)} (${code(shorten(`${w.file}:${w.line}`, NAME_CHARS))}) waives ${code(shorten(w.rules.join(', '), NAME_CHARS))}`,
    ),
  ];
  const more = o.rules.length + o.waiverCount - items.length;
  listWithin(body, items, more, (n) => md`…and ${n} more.`);
}

function problemList(body: Budget, title: Markdown, problems: readonly Problem[], rest: (n: number) => Markdown): void {
  if (problems.length === 0) return;
  if (!body.add(title)) return;
  const items = problems.map((p) => {
    const at = p.file ? md`${code(shorten(`${p.file}${p.line ? `:${p.line}` : ''}`, NAME_CHARS))} ` : md``;
    return md`- ${at}${shorten(p.message, MESSAGE_CHARS)}`;
  });
  listWithin(body, items, 0, rest);
}

/** A bullet list, item by item while it fits and up to MAX_LIST items, then a line counting the rest. */
function listWithin(body: Budget, items: readonly Markdown[], extra: number, rest: (n: number) => Markdown): void {
  let shown = 0;
  let block: Markdown[] = [];
  const room = body.left - 200;
  let size = 0;
  for (const item of items) {
    if (shown >= MAX_LIST || size + byteLength(item.value) + 1 > room) break;
    block.push(item);
    size += byteLength(item.value) + 1;
    shown++;
  }
  const left = items.length - shown + extra;
  if (left > 0) block = [...block, rest(left)];
  body.add(join(block));
}

/** Findings grouped by workload, whole rows while they fit; returns how many were shown. */
function findingsSection(findings: readonly Finding[], body: Budget, docs: string | undefined): number {
  if (findings.length === 0) return 0;
  if (
    !body.add(md`
### Findings by workload
    `)
  )
    return 0;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = refText(f.workload ?? f.object) || f.file;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const header = ['', 'Rule', 'Where', 'Finding'] as const;
  const empty = table(header, []);
  let shown = 0;
  for (const [group, list] of groups) {
    const heading = md`#### ${shorten(group, NAME_CHARS)}`;
    // Room for the heading, the table head and at least one row, else stop here.
    const rows: Markdown[][] = [];
    let size = byteLength(heading.value) + SEPARATOR.length * 2 + byteLength(empty.value);
    for (const f of list) {
      const row = findingRow(f, docs);
      const rowSize = byteLength(table(header, [row]).value) - byteLength(empty.value);
      if (size + rowSize > body.left) break;
      rows.push(row);
      size += rowSize;
    }
    if (rows.length === 0) break;
    body.add(heading);
    body.add(table(header, rows));
    shown += rows.length;
    if (rows.length < list.length) break;
  }
  return shown;
}

function findingRow(f: Finding, docs: string | undefined): Markdown[] {
  const rule = docs ? link(ruleDocsUrl(f.ruleId, docs), code(f.ruleId)) : code(f.ruleId);
  const at = code(shorten(`${f.file}:${f.line}`, NAME_CHARS));
  const where = f.rendered
    ? md`${at} (rendered ${code(shorten(`${f.rendered.file}:${f.rendered.line}`, NAME_CHARS))})`
    : at;
  return [trusted(ICON[f.severity]), rule, where, md`${shorten(f.message, MESSAGE_CHARS)}`];
}
