/**
 * The watch report: one verdict per Deployment (the `report-file` JSON), the action outputs, and
 * the job summary (through the Markdown boundary) with the order of events, a Mermaid timeline of
 * healthy targets against the threshold, what the soak covered, and the diagnostics. Pure.
 */
import type { VerdictClaim, VerdictReason } from '../../core/gate/types.js';
import { code, codeBlock, details, join, md, table, text, trusted, type Markdown } from '../markdown.js';
import { elbSection, type ElbReport } from './elb-metrics.js';
import { Outputs } from './outputs.js';

/**
 * success · failed (the gate failed it, or it was not rolled back) · rolled-back (failed, and the
 * rollback was applied) · error (the gate could not run, or the run was cancelled).
 */
export type DeploymentResult = 'success' | 'failed' | 'rolled-back' | 'error';

export interface TargetGroupReport {
  readonly arn: string;
  readonly name: string;
  readonly source: string;
  readonly targetType: string;
  readonly port: number | string | null;
  readonly healthCheck: string | null;
  readonly minHealthy: number | null;
  readonly lastHealthy: number | null;
  readonly byState: Readonly<Record<string, number>>;
  readonly describeCalls: number;
}

export interface DeploymentReport {
  readonly namespace: string;
  readonly name: string;
  readonly result: DeploymentResult;
  /** The verdict rule that decided (docs/watch.md, "When it fails"). */
  readonly reason: VerdictReason;
  /** What the verdict asserts about the watched window (requests-failed, capacity-below-threshold, ...). */
  readonly claim: VerdictClaim;
  readonly message: string;
  readonly revision: number | null;
  readonly rolledBackTo: number | null;
  readonly rollback: {
    /** applied | available | not-available | skipped | unknown | error */
    readonly status: string;
    readonly message: string;
    /** Seconds since the start of the run. */
    readonly startedSeconds: number;
    readonly patchedSeconds: number | null;
    readonly endedSeconds: number;
  } | null;
  readonly threshold: number | null;
  readonly thresholdExplanation: string | null;
  readonly desired: number | null;
  readonly minHealthyObserved: number | null;
  readonly rolloutOnly: boolean;
  readonly targetGroups: readonly TargetGroupReport[];
  /** Seconds since the start of the run. */
  readonly verdictSeconds: number;
  /** From the start of this Deployment's gate to its verdict. */
  readonly durationSeconds: number;
  /** What the soak covered: its length, when it started (run seconds), answers per target group, probe requests. */
  readonly soak: {
    readonly seconds: number;
    readonly startedSeconds: number | null;
    readonly coveredSeconds: number;
    readonly answers: Readonly<Record<string, number>>;
    readonly probeRequests: number | null;
  } | null;
  readonly milestones: readonly { readonly t: number; readonly text: string }[];
  readonly timeline: readonly {
    readonly t: number;
    readonly targetGroup: string;
    readonly healthy: number;
    readonly threshold?: number;
  }[];
  readonly diagnostics: readonly string[];
  /** What the gate could not tell (each names the input that closes it); empty when nothing. */
  readonly blindSpots: readonly string[];
  /** The load balancer's own counts for the rollout's window (`elb-metrics: true`); absent or null otherwise. */
  readonly elb?: ElbReport | null;
}

/** One step of the run, in order: connected, a verdict, a rollback started or done, cancelled. */
export interface RunEvent {
  /** Seconds since the start of the run. */
  readonly t: number;
  readonly deployment: string | null;
  readonly event: string;
}

export interface WatchReport {
  readonly version: 2;
  /** The worst result over all Deployments (failed > rolled-back > error > success). */
  readonly result: DeploymentResult;
  /** 0 success, 1 failed or rolled-back, 2 error. */
  readonly exitCode: 0 | 1 | 2;
  readonly namespace: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly deployments: readonly DeploymentReport[];
  readonly events: readonly RunEvent[];
  readonly probe: {
    readonly url: string;
    readonly total: number;
    readonly errors: number;
    readonly byKind: Readonly<Record<string, number>>;
  } | null;
  /**
   * ELB use: HTTP attempts (SDK retries included), the polling interval the gate used, and per
   * target group the DescribeTargetHealth calls and their rate (calls × 60 / the watch duration,
   * counting a watch shorter than one interval as one interval).
   */
  readonly elb: {
    readonly attempts: number;
    readonly pollIntervalSeconds: number | null;
    readonly describeTargetHealthCalls: Readonly<Record<string, number>>;
    readonly describeTargetHealthPerMinute: Readonly<Record<string, number>>;
  };
  /** The soak applied to every Deployment (null when the run did not get that far). */
  readonly soakSeconds: number | null;
  /** The run was ended by SIGINT/SIGTERM. */
  readonly cancelled: boolean;
  /** Set when the gate could not run (bad input, missing permission) or was cancelled before a verdict. */
  readonly error: string | null;
}

const SEVERITY: Record<DeploymentResult, number> = { success: 0, error: 1, 'rolled-back': 2, failed: 3 };

export function worst(results: readonly DeploymentResult[]): DeploymentResult {
  return results.reduce<DeploymentResult>((w, r) => (SEVERITY[r] > SEVERITY[w] ? r : w), 'success');
}

/** The documented exit code of a result (the same for the action and the CLI). */
export function exitCodeOf(result: DeploymentResult): 0 | 1 | 2 {
  return result === 'success' ? 0 : result === 'error' ? 2 : 1;
}

/** One value per Deployment: the bare value for one Deployment, `name=value,...` for several. */
function perDeployment(deployments: readonly DeploymentReport[], pick: (d: DeploymentReport) => number | null): string {
  if (deployments.length === 1) {
    const v = pick(deployments[0] as DeploymentReport);
    return v === null ? '' : String(v);
  }
  return deployments
    .map((d) => [d.name, pick(d)] as const)
    .filter(([, v]) => v !== null)
    .map(([n, v]) => `${n}=${v}`)
    .join(',');
}

export function outputsFor(report: WatchReport, reportFile: string): Record<string, string> {
  const mins = report.deployments.map((d) => d.minHealthyObserved).filter((v): v is number => v !== null);
  return {
    [Outputs.Result]: report.result,
    [Outputs.MinHealthyObserved]: mins.length > 0 ? String(Math.min(...mins)) : '',
    [Outputs.Threshold]: perDeployment(report.deployments, (d) => d.threshold),
    [Outputs.Revision]: perDeployment(report.deployments, (d) => d.revision),
    [Outputs.RolledBackTo]: perDeployment(report.deployments, (d) => d.rolledBackTo),
    [Outputs.DurationSeconds]: String(Math.round(report.durationSeconds)),
    [Outputs.ErrorsObserved]: report.probe ? String(report.probe.errors) : '',
    [Outputs.ElbErrors]: perDeployment(report.deployments, (d) => d.elb?.errors ?? null),
    [Outputs.ElbRequests]: perDeployment(report.deployments, (d) => d.elb?.requests ?? null),
    [Outputs.ReportFile]: reportFile,
  };
}

const ICON: Record<DeploymentResult, string> = { success: '✅', failed: '❌', error: '⚠️', 'rolled-back': '↩️' };

export function summaryMarkdown(report: WatchReport): Markdown {
  const out: Markdown[] = [md`### zd-gate watch: ${ICON[report.result]} ${report.result}`];
  if (report.error)
    out.push(
      report.cancelled ? md`The run was cancelled: ${report.error}` : md`The gate could not run: ${report.error}`,
    );
  if (report.deployments.length > 0) {
    out.push(
      table(
        ['Deployment', 'Result', 'Revision', 'Threshold', 'Lowest healthy', 'Rolled back to', 'Verdict at', 'Why'],
        report.deployments.map((d) => [
          `${report.namespace}/${d.name}`,
          `${ICON[d.result]} ${d.result}`,
          d.revision ?? '',
          d.threshold ?? '',
          d.minHealthyObserved ?? '',
          d.rolledBackTo ?? '',
          `${d.verdictSeconds.toFixed(1)}s`,
          d.reason,
        ]),
      ),
    );
  }
  if (report.probe) {
    out.push(
      md`Probe ${code(report.probe.url)}: ${report.probe.errors} of ${report.probe.total} requests failed or answered 5xx.`,
    );
  }
  if (report.events.length > 0) {
    out.push(
      md`
**Order of events** (seconds since the start of the run; each Deployment goes from its verdict to its rollback on its own):
      `,
      table(
        ['t', 'Deployment', 'Event'],
        report.events.map((e) => [`${e.t.toFixed(1)}s`, e.deployment ?? '', e.event]),
        ['r', 'l', 'l'],
      ),
    );
  }
  for (const d of report.deployments) {
    out.push(md`#### ${d.name}`, text(d.message));
    if (d.rollback) out.push(md`Rollback: ${d.rollback.status}: ${d.rollback.message}`);
    const soak = soakLine(d);
    if (soak) out.push(soak);
    for (const b of d.blindSpots) out.push(md`**Blind spot**: ${b}`);
    const chart = timelineChart(d);
    if (chart) out.push(chart);
    if (d.elb) out.push(elbSection(d.elb));
    if (d.milestones.length > 0) {
      out.push(
        table(
          ['t', 'What happened'],
          d.milestones.map((m) => [`${m.t.toFixed(1)}s`, m.text]),
          ['r', 'l'],
        ),
      );
    }
    if (d.diagnostics.length > 0) out.push(details('Diagnostics', codeBlock(d.diagnostics.join('\n'))));
  }
  return join([...out, trusted('')], '\n\n');
}

/** What the soak covered, in one sentence; undefined when there was none. */
export function soakLine(d: DeploymentReport): Markdown | undefined {
  const s = d.soak;
  if (!s || s.seconds === 0) return undefined;
  if (s.startedSeconds === null)
    return md`Soak (${s.seconds}s after the load balancer caught up): not reached; the load balancer never caught up.`;
  const answers = Object.entries(s.answers)
    .map(([arn, n]) => `${d.targetGroups.find((g) => g.arn === arn)?.name ?? arn}: ${n}`)
    .join(', ');
  const probe = s.probeRequests !== null ? `; ${s.probeRequests} probe requests` : '';
  const outcome =
    d.result === 'success' ? 'no degradation seen' : `ended by the verdict (${d.reason}) after ${s.coveredSeconds}s`;
  return md`Soak: ${s.seconds}s from ${s.startedSeconds.toFixed(1)}s (when the load balancer caught up); covered ${s.coveredSeconds}s with ${answers || 'no'} DescribeTargetHealth answers${probe}; ${outcome}.`;
}

/**
 * A Mermaid xychart of healthy targets per target group (one line each, in table order) and the
 * threshold (last line), resampled to at most 40 points; each point is the lowest count seen in
 * its interval, so short drops stay visible.
 */
export function timelineChart(d: DeploymentReport, maxPoints = 40): Markdown | undefined {
  if (d.targetGroups.length === 0 || d.timeline.length === 0 || d.threshold === null) return undefined;
  const end = Math.max(d.durationSeconds, ...d.timeline.map((p) => p.t), 1);
  const points = Math.min(maxPoints, Math.max(2, Math.ceil(end / 5) + 1));
  const step = end / (points - 1);
  const xs = Array.from({ length: points }, (_, i) => i * step);
  const resample = (samples: readonly { t: number; v: number }[], low: (a: number, b: number) => number): number[] => {
    let last: number | undefined;
    let cursor = 0;
    return xs.map((x, i) => {
      const upTo = i === points - 1 ? Number.POSITIVE_INFINITY : x + step / 2;
      let value: number | undefined;
      while (cursor < samples.length && (samples[cursor] as { t: number }).t <= upTo) {
        const h = (samples[cursor] as { v: number }).v;
        value = value === undefined ? h : low(value, h);
        last = h;
        cursor++;
      }
      return value ?? last ?? 0;
    });
  };
  const series = d.targetGroups.map((tg) =>
    resample(
      d.timeline.filter((p) => p.targetGroup === tg.arn).map((p) => ({ t: p.t, v: p.healthy })),
      Math.min,
    ),
  );
  // The threshold follows scaling: its highest value per interval (the strictest).
  const first = d.targetGroups[0]?.arn;
  const thresholds = d.timeline.filter((p) => p.targetGroup === first && p.threshold !== undefined);
  const thresholdLine =
    thresholds.length > 0
      ? resample(
          thresholds.map((p) => ({ t: p.t, v: p.threshold as number })),
          Math.max,
        )
      : xs.map(() => d.threshold as number);
  const top = Math.max(d.threshold, ...series.flat(), ...thresholdLine, d.desired ?? 0) + 1;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(d.name)}: healthy targets per target group vs threshold ${d.threshold}"`,
    `  x-axis "seconds since start" [${xs.map((x) => Math.round(x)).join(', ')}]`,
    `  y-axis "healthy targets" 0 --> ${top}`,
    ...series.map((s) => `  line [${s.join(', ')}]`),
    `  line [${thresholdLine.join(', ')}]`,
    '```',
    '',
  ];
  const legend = md`Lines: ${d.targetGroups.map((tg, i) => `${i + 1}. ${tg.name}`).join(', ')}; last: threshold ${d.threshold}.`;
  return join([trusted(lines.join('\n')), legend], '\n');
}

/** A Mermaid label: no quote, bracket or line break from outside can end the string it sits in. */
function mermaidLabel(s: string): string {
  return s.replace(/[^A-Za-z0-9 ._:/-]/g, '_');
}
