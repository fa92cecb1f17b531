/**
 * The job summary's load-balancer section: the per-minute xychart with start, convergence and
 * verdict marked, the figures table, and names from outside escaped.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { planMetrics } from '../../src/core/metrics/plan.js';
import { MetricsStore, MINUTE_MS } from '../../src/core/metrics/store.js';
import { assess } from '../../src/core/metrics/window.js';
import { elbChart, elbReport, elbSection, type ChartMarks } from '../../src/report/watch/elb-metrics.js';
import { CloudWatchModel } from './cloudwatch-model.js';

const T0 = Date.UTC(2026, 0, 15, 10, 30, 0);
const M = MINUTE_MS;
const LB = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/k8s-demo-web/50dc6c495c0c9188';
const TG = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-web/73e2d6bc24d8a067';

function assessment(hostile = '<img src=x onerror=alert(1)> @org/team #12') {
  const plan = planMetrics({
    targetGroups: [{ arn: TG, name: 'k8s-demo-web', loadBalancerArns: [LB] }],
    attached: new Map([
      [
        LB,
        [
          { arn: TG, name: 'k8s-demo-web' },
          { arn: `${TG}x`, name: hostile },
        ],
      ],
    ]),
  });
  const cw = new CloudWatchModel(plan, 60_000)
    .traffic(LB, TG, T0 - 2 * M, T0 + 2 * M, 6_000)
    .count(LB, 'elb-502', T0, 119)
    .count(LB, 'elb-5xx', T0, 119);
  const store = new MetricsStore(plan);
  store.apply(cw.read(T0 - 2 * M, T0 + 3 * M, T0 + 3 * M + 5_000));
  return assess(store, [TG], { startMs: T0 + 20_000, endMs: T0 + M + 40_000 }, T0 + 3 * M + 5_000);
}

const report = (a: ReturnType<typeof assessment>, marks: ChartMarks) =>
  elbReport(a, { marks, limits: { maxErrors: 0 }, waitMs: 180_000, calls: 3, unknown: [] });

describe('load-balancer section of the summary', () => {
  it('charts requests and errors per minute with the rollout marked', () => {
    const chart = elbChart(
      report(assessment(), {
        startMs: T0 + 20_000,
        convergedMs: T0 + M + 10_000,
        verdictMs: T0 + M + 40_000,
      }),
    ).value;
    expect(chart.split('\n')).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "Requests (bars) and load-balancer errors (line) per minute, UTC"',
      '  x-axis ["10:28", "10:29", "10:30 start", "10:31 converged verdict"]',
      '  y-axis "per minute" 0 --> 6600',
      '  bar [6000, 6000, 6000, 6000]',
      '  line [0, 0, 119, 0]',
      '```',
    ]);
  });

  it('marks minutes not published yet, and escapes every name from outside', () => {
    const a = assessment();
    const section = elbSection(
      report(
        { ...a, perMinute: a.perMinute.map((m, i) => (i === 3 ? { ...m, published: false } : m)) },
        {
          startMs: T0 + 20_000,
        },
      ),
    ).value;
    expect(section).toContain('"10:31 (not published)"');
    const html = micromark(section, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/@org\/team/); // the mention is broken by a zero-width space
    expect(html).toContain('502: 119');
    expect(html).toContain('<code>app/k8s-demo-web/50dc6c495c0c9188</code>');
  });
});
