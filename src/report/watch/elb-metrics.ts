/**
 * The load balancer's counts in the job summary: a per-minute Mermaid xychart of requests (bars)
 * and load-balancer errors (line) from the baseline's first minute to the window's last, with the
 * rollout's start, its convergence and the verdict marked on the minutes they fall in, and a table
 * per load balancer. The chart is built from numbers and zd-gate's own words only (trusted); every
 * name from outside goes through md`` / table().
 */
import { describeCodes, describeSpan, hhmm } from '../../core/metrics/judge.js';
import { minuteOf } from '../../core/metrics/store.js';
import type { ElbAssessment } from '../../core/metrics/window.js';
import { code, join, type Markdown, md, table, trusted } from '../markdown.js';

export interface ChartMarks {
  /** The gate's first observation of the new revision. */
  readonly startMs: number;
  /** When the load balancer caught up (the soak began), if it did. */
  readonly convergedMs?: number;
  /** When the verdict was reached, if it was. */
  readonly verdictMs?: number;
}

/** `10:30 start`, `10:31 converged verdict`, `10:32 (not published)` */
function label(minute: number, marks: ChartMarks, published: boolean): string {
  const tags: string[] = [];
  if (minuteOf(marks.startMs) === minute) tags.push('start');
  if (marks.convergedMs !== undefined && minuteOf(marks.convergedMs) === minute) tags.push('converged');
  if (marks.verdictMs !== undefined && minuteOf(marks.verdictMs) === minute) tags.push('verdict');
  if (!published) tags.push('(not published)');
  return [hhmm(minute), ...tags].join(' ');
}

/** The Mermaid chart (numbers and constant words only). */
export function elbChart(a: ElbAssessment, marks: ChartMarks): Markdown {
  const minutes = a.perMinute;
  const top = Math.max(1, ...minutes.map((m) => Math.max(m.requests, m.errors)));
  const lines = [
    '```mermaid',
    'xychart-beta',
    '  title "Requests (bars) and load-balancer errors (line) per minute, UTC"',
    `  x-axis [${minutes.map((m) => `"${label(m.minute, marks, m.published)}"`).join(', ')}]`,
    `  y-axis "per minute" 0 --> ${Math.ceil((top * 11) / 10)}`,
    `  bar [${minutes.map((m) => m.requests).join(', ')}]`,
    `  line [${minutes.map((m) => m.errors).join(', ')}]`,
    '```',
  ];
  return trusted(lines.join('\n'));
}

/** The chart, the per-minute figures and one row per load balancer. */
export function elbSection(a: ElbAssessment, marks: ChartMarks): Markdown {
  const perMinute = table(
    ['minute (UTC)', 'part', 'requests', 'load-balancer errors', 'by code'],
    a.perMinute.map((m) => [
      label(m.minute, marks, m.published),
      m.minute < a.span.first ? 'baseline' : 'rollout',
      m.published ? String(m.requests) : 'n/a',
      m.published ? String(m.errors) : 'n/a',
      describeCodes(m),
    ]),
    ['l', 'l', 'r', 'r', 'l'],
  );
  const lbs = table(
    ['load balancer', 'requests', 'errors', 'by code', 'baseline', 'published through', 'delay seen', 'shared with'],
    a.loadBalancers.map((lb) => [
      code(lb.dimension),
      String(lb.window.requests),
      String(lb.window.errors),
      describeCodes(lb.window),
      `${lb.baseline.errors} / ${lb.baseline.requests}`,
      lb.publishedThrough === undefined ? 'nothing yet' : `${hhmm(lb.publishedThrough)} UTC`,
      lb.publicationDelayMs === undefined ? '' : `${Math.round(lb.publicationDelayMs / 1000)}s`,
      lb.sharedWith === undefined ? 'unknown' : lb.sharedWith.length === 0 ? 'no' : lb.sharedWith.join(', '),
    ]),
    ['l', 'r', 'r', 'l', 'r', 'l', 'r', 'l'],
  );
  return join(
    [
      md`Load balancer counts (CloudWatch), window ${describeSpan(a.span)}, baseline ${describeSpan(a.baselineSpan)}:`,
      elbChart(a, marks),
      perMinute,
      lbs,
    ],
    '\n\n',
  );
}
