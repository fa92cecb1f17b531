/** The watch report: outputs, the job summary and its Mermaid timeline. */
import { describe, expect, it } from 'vitest';
import {
  exitCodeOf,
  outputsFor,
  summaryMarkdown,
  timelineChart,
  worst,
  type DeploymentReport,
  type WatchReport,
} from '../../src/report/watch/report.js';

const ARN_A = 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/tg-a/1';
const ARN_B = 'arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/tg-b/2';

function deployment(over: Partial<DeploymentReport> = {}): DeploymentReport {
  return {
    namespace: 'demo',
    name: 'web',
    result: 'failed',
    reason: 'below-threshold',
    claim: 'capacity-below-threshold',
    message: 'target group tg-b: 5 healthy targets of web < threshold 8',
    revision: 7,
    rolledBackTo: null,
    rollback: null,
    threshold: 8,
    thresholdExplanation: '10 desired − maxUnavailable 2',
    desired: 10,
    minHealthyObserved: 5,
    rolloutOnly: false,
    targetGroups: [
      {
        arn: ARN_A,
        name: 'tg-a',
        source: 'x',
        targetType: 'ip',
        port: 'http',
        healthCheck: null,
        minHealthy: 10,
        lastHealthy: 10,
        byState: { healthy: 10 },
        describeCalls: 12,
      },
      {
        arn: ARN_B,
        name: 'tg-b',
        source: 'x',
        targetType: 'ip',
        port: 80,
        healthCheck: null,
        minHealthy: 5,
        lastHealthy: 5,
        byState: { healthy: 5 },
        describeCalls: 12,
      },
    ],
    verdictSeconds: 61.2,
    durationSeconds: 60,
    soak: null,
    milestones: [{ t: 5, text: 'tg-b: below threshold (5 < 8)' }],
    timeline: [
      { t: 0, targetGroup: ARN_A, healthy: 10 },
      { t: 0, targetGroup: ARN_B, healthy: 10 },
      { t: 31, targetGroup: ARN_B, healthy: 5 },
      { t: 33, targetGroup: ARN_B, healthy: 9 },
    ],
    diagnostics: ['target group tg-b', '  10.0.0.1:80 (pod web-1, new) unhealthy Target.Timeout'],
    blindSpots: [],
    ...over,
  };
}

function report(deployments: DeploymentReport[], over: Partial<WatchReport> = {}): WatchReport {
  const result = worst(deployments.map((d) => d.result));
  return {
    version: 2,
    result,
    exitCode: exitCodeOf(result),
    namespace: 'demo',
    startedAt: '2024-01-01T00:00:00.000Z',
    durationSeconds: 61.4,
    deployments,
    events: [
      { t: 1.2, deployment: null, event: 'connected: context prod' },
      { t: 61.2, deployment: 'web', event: 'verdict: failed (below-threshold)' },
    ],
    probe: null,
    elb: { attempts: 24, pollIntervalSeconds: 5, describeTargetHealthCalls: {}, describeTargetHealthPerMinute: {} },
    soakSeconds: 30,
    cancelled: false,
    error: null,
    ...over,
  };
}

describe('outputs', () => {
  it('one Deployment: bare values; several: name=value', () => {
    const one = outputsFor(report([deployment()]), '/tmp/r.json');
    expect(one).toEqual({
      result: 'failed',
      'min-healthy-observed': '5',
      threshold: '8',
      revision: '7',
      'rolled-back-to': '',
      'duration-seconds': '61',
      'errors-observed': '',
      // Without elb-metrics: empty.
      'elb-errors': '',
      'elb-requests': '',
      'report-file': '/tmp/r.json',
    });
    const two = outputsFor(
      report([
        deployment({ result: 'success' }),
        deployment({ name: 'api', result: 'rolled-back', revision: 3, rolledBackTo: 2, minHealthyObserved: 2 }),
      ]),
      'f',
    );
    expect(two).toMatchObject({
      result: 'rolled-back',
      threshold: 'web=8,api=8',
      revision: 'web=7,api=3',
      'rolled-back-to': 'api=2',
      'min-healthy-observed': '2',
    });
  });

  it('the result is the worst: failed > rolled-back > error > success; the exit code follows it', () => {
    expect(worst(['success', 'rolled-back'])).toBe('rolled-back');
    expect(worst(['error', 'rolled-back'])).toBe('rolled-back');
    expect(worst(['error', 'failed', 'success'])).toBe('failed');
    expect(worst(['error', 'success'])).toBe('error');
    expect(worst([])).toBe('success');
    expect(['success', 'failed', 'rolled-back', 'error'].map((r) => exitCodeOf(r as never))).toEqual([0, 1, 1, 2]);
  });
});

describe('job summary', () => {
  it('has the verdict, a table, the timeline chart, what happened when, and the diagnostics', () => {
    const md = summaryMarkdown(report([deployment()])).value;
    expect(md).toContain('### zd-gate watch: ❌ failed');
    expect(md).toContain('| demo/web | ❌ failed | 7 | 8 | 5 |  | 61.2s | below-threshold |');
    expect(md).toContain('**Order of events**');
    expect(md).toContain('| 61.2s | web | verdict: failed (below-threshold) |');
    expect(md).toContain('```mermaid\nxychart-beta');
    expect(md).toContain('| 5.0s | tg-b: below threshold (5 &lt; 8) |');
    expect(md).toContain('<details><summary>Diagnostics</summary>');
  });

  it('the chart keeps a short drop visible (lowest value per interval) and ends with the threshold line', () => {
    const chart = String(timelineChart(deployment()));
    const lines = chart.split('\n').filter((l) => l.trim().startsWith('line ['));
    expect(lines).toHaveLength(3);
    const b = JSON.parse(lines[1]!.trim().slice('line '.length)) as number[];
    expect(Math.min(...b)).toBe(5); // the 2-second drop at 31 s
    expect(b[b.length - 1]).toBe(9);
    expect(lines[2]).toMatch(/^ {2}line \[8(, 8)+\]$/);
    expect(chart).toContain('Lines: 1\\. tg-a, 2. tg-b; last: threshold 8.');
  });

  it('no chart without target groups (rollout status only)', () => {
    expect(timelineChart(deployment({ targetGroups: [], rolloutOnly: true }))).toBeUndefined();
  });

  it('says when the gate could not run', () => {
    expect(
      summaryMarkdown(report([], { result: 'error', error: 'forbidden: the credentials may not list pods' })).value,
    ).toContain('The gate could not run: forbidden: the credentials may not list pods');
  });
});
