/**
 * The watch report: one verdict per Deployment (the `report-file` JSON), the action outputs, and
 * the job summary with a Mermaid timeline of healthy targets against the threshold. Pure.
 */
import { code, codeBlock, details, join, md, table, text, trusted, type Markdown } from '../markdown.js';
import { Outputs } from './outputs.js';

export type DeploymentResult = 'success' | 'failed' | 'timeout' | 'rolled-back';

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
  /** converged | below-threshold | progress-deadline | settle-timeout | timeout | probe-errors | deleted | error */
  readonly reason: string;
  readonly message: string;
  readonly revision: number | null;
  readonly rolledBackTo: number | null;
  readonly rollback: { readonly status: string; readonly message: string } | null;
  readonly threshold: number | null;
  readonly thresholdExplanation: string | null;
  readonly desired: number | null;
  readonly minHealthyObserved: number | null;
  readonly rolloutOnly: boolean;
  readonly targetGroups: readonly TargetGroupReport[];
  readonly durationSeconds: number;
  readonly milestones: readonly { readonly t: number; readonly text: string }[];
  readonly timeline: readonly { readonly t: number; readonly targetGroup: string; readonly healthy: number }[];
  readonly diagnostics: readonly string[];
}

export interface WatchReport {
  readonly version: 1;
  readonly result: DeploymentResult;
  readonly namespace: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly deployments: readonly DeploymentReport[];
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
  /** Set when the gate could not run (bad input, missing permission): exit code 2. */
  readonly error: string | null;
}

const SEVERITY: Record<DeploymentResult, number> = { success: 0, 'rolled-back': 1, timeout: 2, failed: 3 };

export function worst(results: readonly DeploymentResult[]): DeploymentResult {
  return results.reduce<DeploymentResult>((w, r) => (SEVERITY[r] > SEVERITY[w] ? r : w), 'success');
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
    [Outputs.ReportFile]: reportFile,
  };
}

const ICON: Record<DeploymentResult, string> = { success: '✅', failed: '❌', timeout: '⏱️', 'rolled-back': '↩️' };

export function summaryMarkdown(report: WatchReport): Markdown {
  const out: Markdown[] = [md`### zd-gate watch: ${ICON[report.result]} ${report.result}`];
  if (report.error) out.push(md`The gate could not run: ${report.error}`);
  if (report.deployments.length > 0) {
    out.push(
      table(
        ['Deployment', 'Result', 'Revision', 'Threshold', 'Lowest healthy', 'Rolled back to', 'Duration', 'Why'],
        report.deployments.map((d) => [
          `${report.namespace}/${d.name}`,
          `${ICON[d.result]} ${d.result}`,
          d.revision ?? '',
          d.threshold ?? '',
          d.minHealthyObserved ?? '',
          d.rolledBackTo ?? '',
          `${Math.round(d.durationSeconds)}s`,
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
  for (const d of report.deployments) {
    out.push(md`#### ${d.name}`, text(d.message));
    if (d.rollback) out.push(md`Rollback: ${d.rollback.status}: ${d.rollback.message}`);
    const chart = timelineChart(d);
    if (chart) out.push(chart);
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
  const series = d.targetGroups.map((tg) => {
    const samples = d.timeline.filter((p) => p.targetGroup === tg.arn);
    let last: number | undefined;
    let cursor = 0;
    return xs.map((x, i) => {
      const upTo = i === points - 1 ? Number.POSITIVE_INFINITY : x + step / 2;
      let low: number | undefined;
      while (cursor < samples.length && (samples[cursor] as { t: number }).t <= upTo) {
        const h = (samples[cursor] as { healthy: number }).healthy;
        low = low === undefined ? h : Math.min(low, h);
        last = h;
        cursor++;
      }
      return low ?? last ?? 0;
    });
  });
  const top = Math.max(d.threshold, ...series.flat(), d.desired ?? 0) + 1;
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidLabel(d.name)}: healthy targets per target group vs threshold ${d.threshold}"`,
    `  x-axis "seconds since start" [${xs.map((x) => Math.round(x)).join(', ')}]`,
    `  y-axis "healthy targets" 0 --> ${top}`,
    ...series.map((s) => `  line [${s.join(', ')}]`),
    `  line [${xs.map(() => d.threshold).join(', ')}]`,
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
