/**
 * The load balancer's counts in the report file and the job summary. `elbReport` turns the
 * assessment of one Deployment's window (core/metrics/window.ts) into the report's JSON; the summary
 * shows it as a per-minute Mermaid xychart of requests (bars) and load-balancer errors (line) from
 * the baseline's first minute to the window's last, with the rollout's start, its convergence and the
 * verdict marked on the minutes they fall in, and tables per minute and per load balancer. The chart
 * is built from numbers and zd-gate's own words only (trusted); every name from outside goes through
 * md`` / table().
 */
import { describeCodes, hhmm } from '../../core/metrics/judge.js';
import { minuteOf } from '../../core/metrics/store.js';
import type { Counts, ElbAssessment, MinuteSpan } from '../../core/metrics/window.js';
import { code, join, type Markdown, md, table, trusted } from '../markdown.js';

export interface ChartMarks {
  /** The gate's first observation of the new revision. */
  readonly startMs: number;
  /** When the load balancer caught up (the soak began), if it did. */
  readonly convergedMs?: number;
  /** When the verdict was reached, if it was. */
  readonly verdictMs?: number;
}

export interface CountsReport {
  readonly requests: number;
  readonly errors: number;
  /** `502`, `503`, `504`, `other-5xx`; `elb-reset`, `target-reset`. */
  readonly byCode: Readonly<Record<string, number>>;
}

export interface ElbMinuteReport extends CountsReport {
  /** The minute's start, ISO 8601 UTC. */
  readonly minute: string;
  readonly part: 'baseline' | 'window';
  /** Every load balancer has published this minute (else its counts are not known yet). */
  readonly published: boolean;
}

/** The `elb` entry of a Deployment in the report file (`elb-metrics: true`). */
export interface ElbReport extends CountsReport {
  readonly window: {
    /** The gate's first observation of the new revision; the soak's end (or the verdict). ISO 8601. */
    readonly start: string;
    readonly end: string | null;
    /** Whole UTC minutes CloudWatch counts in. */
    readonly firstMinute: string;
    readonly lastMinute: string;
    /** Seconds of the first and last minute the rollout covered. */
    readonly coveredSeconds: { readonly first: number; readonly last: number };
    /** Closed, and every load balancer published its last minute. */
    readonly complete: boolean;
  };
  readonly baseline: CountsReport & {
    readonly firstMinute: string;
    readonly lastMinute: string;
    readonly publishedMinutes: number;
  };
  readonly limits: { readonly maxErrors: number; readonly maxErrorRate: number | null; readonly waitSeconds: number };
  /** Load balancers whose last window minute is not published yet. */
  readonly pending: readonly string[];
  readonly marks: { readonly start: string; readonly converged: string | null; readonly verdict: string | null };
  readonly perMinute: readonly ElbMinuteReport[];
  readonly loadBalancers: readonly {
    readonly name: string;
    readonly dimension: string;
    readonly kind: string;
    /** Target groups it also serves beyond the Deployment's; null when unknown. */
    readonly sharedWith: readonly string[] | null;
    readonly publishedThrough: string | null;
    readonly publicationDelaySeconds: number | null;
    readonly window: CountsReport;
    readonly baseline: CountsReport;
    readonly targetGroups: readonly {
      readonly arn: string;
      readonly name: string;
      readonly requests: number;
      readonly target5xx: number;
    }[];
  }[];
  /** GetMetricData calls of the run (all Deployments), and the last reads that came back unknown. */
  readonly getMetricDataCalls: number;
  readonly unknownReads: readonly string[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const counts = (c: Counts): CountsReport => ({ requests: c.requests, errors: c.errors, byCode: { ...c.byCode } });

export function elbReport(
  a: ElbAssessment,
  o: {
    readonly marks: ChartMarks;
    readonly limits: { readonly maxErrors: number; readonly maxErrorRate?: number | undefined };
    readonly waitMs: number;
    readonly calls: number;
    readonly unknown: readonly string[];
  },
): ElbReport {
  return {
    ...counts(a.counts),
    window: {
      start: iso(a.window.startMs),
      end: a.window.endMs === undefined ? null : iso(a.window.endMs),
      firstMinute: iso(a.span.first),
      lastMinute: iso(a.span.last),
      coveredSeconds: a.coveredSeconds,
      complete: a.complete,
    },
    baseline: {
      ...counts(a.baseline),
      firstMinute: iso(a.baselineSpan.first),
      lastMinute: iso(a.baselineSpan.last),
      publishedMinutes: a.baselinePublished,
    },
    limits: {
      maxErrors: o.limits.maxErrors,
      maxErrorRate: o.limits.maxErrorRate ?? null,
      waitSeconds: o.waitMs / 1000,
    },
    pending: [...a.pending],
    marks: {
      start: iso(o.marks.startMs),
      converged: o.marks.convergedMs === undefined ? null : iso(o.marks.convergedMs),
      verdict: o.marks.verdictMs === undefined ? null : iso(o.marks.verdictMs),
    },
    perMinute: a.perMinute.map((m) => ({
      minute: iso(m.minute),
      part: m.minute < a.span.first ? 'baseline' : 'window',
      published: m.published,
      ...counts(m),
    })),
    loadBalancers: a.loadBalancers.map((lb) => ({
      name: lb.name,
      dimension: lb.dimension,
      kind: lb.kind,
      sharedWith: lb.sharedWith === undefined ? null : [...lb.sharedWith],
      publishedThrough: lb.publishedThrough === undefined ? null : iso(lb.publishedThrough),
      publicationDelaySeconds: lb.publicationDelayMs === undefined ? null : Math.round(lb.publicationDelayMs / 1000),
      window: counts(lb.window),
      baseline: counts(lb.baseline),
      targetGroups: lb.targetGroups.map((t) => ({ ...t })),
    })),
    getMetricDataCalls: o.calls,
    unknownReads: [...o.unknown],
  };
}

/** `10:30 start`, `10:31 converged verdict`, `10:32 (not published)` */
function label(minute: string, r: ElbReport, published: boolean): string {
  const m = Date.parse(minute);
  const at = (s: string | null): boolean => s !== null && minuteOf(Date.parse(s)) === m;
  const tags: string[] = [];
  if (at(r.marks.start)) tags.push('start');
  if (at(r.marks.converged)) tags.push('converged');
  if (at(r.marks.verdict)) tags.push('verdict');
  if (!published) tags.push('(not published)');
  return [hhmm(m), ...tags].join(' ');
}

const span = (first: string, last: string): string => {
  const s: MinuteSpan = { first: Date.parse(first), last: Date.parse(last) };
  return s.first === s.last ? `${hhmm(s.first)} UTC` : `${hhmm(s.first)}–${hhmm(s.last)} UTC`;
};

/** The Mermaid chart (numbers and constant words only). */
export function elbChart(r: ElbReport): Markdown {
  const minutes = r.perMinute;
  const top = Math.max(1, ...minutes.map((m) => Math.max(m.requests, m.errors)));
  const lines = [
    '```mermaid',
    'xychart-beta',
    '  title "Requests (bars) and load-balancer errors (line) per minute, UTC"',
    `  x-axis [${minutes.map((m) => `"${label(m.minute, r, m.published)}"`).join(', ')}]`,
    `  y-axis "per minute" 0 --> ${Math.ceil((top * 11) / 10)}`,
    `  bar [${minutes.map((m) => m.requests).join(', ')}]`,
    `  line [${minutes.map((m) => m.errors).join(', ')}]`,
    '```',
  ];
  return trusted(lines.join('\n'));
}

/** The chart, the per-minute figures and one row per load balancer. */
export function elbSection(r: ElbReport): Markdown {
  const perMinute = table(
    ['minute (UTC)', 'part', 'requests', 'load-balancer errors', 'by code'],
    r.perMinute.map((m) => [
      label(m.minute, r, m.published),
      m.part === 'baseline' ? 'baseline' : 'rollout',
      m.published ? String(m.requests) : 'n/a',
      m.published ? String(m.errors) : 'n/a',
      describeCodes(m),
    ]),
    ['l', 'l', 'r', 'r', 'l'],
  );
  const lbs = table(
    ['load balancer', 'requests', 'errors', 'by code', 'baseline', 'published through', 'delay seen', 'shared with'],
    r.loadBalancers.map((lb) => [
      code(lb.dimension),
      String(lb.window.requests),
      String(lb.window.errors),
      describeCodes(lb.window),
      `${lb.baseline.errors} / ${lb.baseline.requests}`,
      lb.publishedThrough === null ? 'nothing yet' : `${hhmm(Date.parse(lb.publishedThrough))} UTC`,
      lb.publicationDelaySeconds === null ? '' : `${lb.publicationDelaySeconds}s`,
      lb.sharedWith === null ? 'unknown' : lb.sharedWith.length === 0 ? 'no' : lb.sharedWith.join(', '),
    ]),
    ['l', 'r', 'r', 'l', 'r', 'l', 'r', 'l'],
  );
  const state = r.window.complete
    ? `${r.errors} load-balancer errors in ${r.requests} requests`
    : `not complete (waiting for ${r.pending.join(', ') || 'the window to close'}): ${r.errors} load-balancer errors in ${r.requests} requests in the minutes published`;
  return join(
    [
      md`**Load balancer counts** (CloudWatch), window ${span(r.window.firstMinute, r.window.lastMinute)}, baseline ${span(r.baseline.firstMinute, r.baseline.lastMinute)}: ${state}.`,
      elbChart(r),
      perMinute,
      lbs,
    ],
    '\n\n',
  );
}
