/**
 * CloudWatch over RolloutSims, in simulated time: the load balancer metrics a RolloutSim's traffic
 * account adds up to per minute (RequestCount per load balancer and per target group, the ALB's own
 * 502 and 503 and their 5XX sum), each minute visible `delayMs` after it ends, a datapoint only where
 * something was counted (as ELB publishes). For the pure gate (`elbEvidence`, runScenario's inject)
 * and for the whole watch mode (`SimCloudWatch`, WatchRig's `elbMetrics` port).
 */
import type { EvidenceEvent } from '../../src/core/gate/evidence.js';
import type { ElbMetricsPort, MetricsHooks, Timers } from '../../src/core/gate/ports.js';
import type { ElbLimits } from '../../src/core/metrics/judge.js';
import { planMetrics, type MetricsPlan } from '../../src/core/metrics/plan.js';
import { MINUTE_MS, MetricsStore, readRange, type MetricsRead } from '../../src/core/metrics/store.js';
import type { RolloutSim } from './rollout-sim.js';

/** The one ALB every simulated target group is attached to. */
export const LB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/k8s-demo/50dc6c495c0c9188';

export interface SimMetricsOptions {
  /** Publication delay after a minute ends (default 60 s). */
  readonly delayMs?: number;
  /** Nothing is ever published. */
  readonly withhold?: boolean;
  /** GetMetricData is denied. */
  readonly deny?: boolean;
  /** Between reads (default 15 s). */
  readonly pollMs?: number;
}

/** What the sims' traffic adds up to in one GetMetricData read at `now`. */
export function simMetricsRead(
  sims: readonly RolloutSim[],
  plan: MetricsPlan,
  now: number,
  fromMs: number,
  toMs: number,
  o: SimMetricsOptions = {},
): MetricsRead {
  const delay = o.delayMs ?? 60_000;
  const series = new Map<string, [number, number][]>();
  const minuteOf = (arn: string, m: number) =>
    sims
      .find((s) => s.options.targetGroups.some((t) => t.arn === arn))
      ?.trafficByMinute(arn)
      .get(m);
  const groups = sims.flatMap((s) => s.options.targetGroups.map((t) => t.arn));
  for (const q of [...plan.queries.values()].flat()) {
    const points: [number, number][] = [];
    for (let m = fromMs; m < toMs; m += MINUTE_MS) {
      if (o.withhold || now < m + MINUTE_MS + delay) continue;
      const scope = q.targetGroup ? [q.targetGroup] : groups;
      let v = 0;
      for (const arn of scope) {
        const t = minuteOf(arn, m);
        if (!t) continue;
        const role = q.spec.role;
        if (role === 'requests' || role === 'tg-requests') v += t.requests;
        else if (role === 'elb-5xx') v += t.e502 + t.e503;
        else if (role === 'elb-502') v += t.e502;
        else if (role === 'elb-503') v += t.e503;
      }
      if (v > 0) points.push([m, v]);
    }
    series.set(q.id, points);
  }
  return { requestedAt: now, fromMs, toMs, series };
}

/** The plan for the sims' target groups, all behind LB_ARN. */
export function simPlan(sims: readonly RolloutSim[]): MetricsPlan {
  const targetGroups = sims.flatMap((s) =>
    s.options.targetGroups.map((t) => ({ arn: t.arn, name: t.arn.split('/')[1] ?? t.arn, loadBalancerArns: [LB_ARN] })),
  );
  return planMetrics({ targetGroups, attached: new Map([[LB_ARN, targetGroups]]) });
}

/**
 * For runScenario: the gate's `elb` config and an `inject` that reads the sim's metrics every
 * `pollMs` into a store and hands it to the gate as the `elb` evidence.
 */
export function elbEvidence(
  sim: RolloutSim,
  o: SimMetricsOptions & { limits?: ElbLimits; waitMs?: number } = {},
): { config: { elb: { limits: ElbLimits; waitMs: number } }; inject: (now: number) => EvidenceEvent | undefined } {
  const plan = simPlan([sim]);
  const store = new MetricsStore(plan);
  const poll = o.pollMs ?? 15_000;
  return {
    config: { elb: { limits: o.limits ?? { maxErrors: 0 }, waitMs: o.waitMs ?? 180_000 } },
    inject: (now) => {
      if (now % poll !== 0) return undefined;
      const { fromMs, toMs } = readRange(now, now - 30 * MINUTE_MS, 10);
      store.apply(simMetricsRead([sim], plan, now, Math.max(0, fromMs), toMs, o));
      return { type: 'evidence', source: 'elb', value: { view: store } };
    },
  };
}

/** The `elb-metrics` port of WatchRig: GetMetricData over the sims, every `pollMs`. */
export class SimCloudWatch implements ElbMetricsPort {
  calls = 0;
  readonly unknown: string[] = [];
  readonly reads: { at: number; fromMs: number; toMs: number }[] = [];

  constructor(
    private readonly sims: readonly RolloutSim[],
    private readonly timers: Timers,
    private readonly o: SimMetricsOptions = {},
  ) {}

  attachedTargetGroups(
    loadBalancerArns: readonly string[],
  ): Promise<ReadonlyMap<string, readonly { arn: string; name: string }[]>> {
    const groups = this.sims.flatMap((s) =>
      s.options.targetGroups.map((t) => ({ arn: t.arn, name: t.arn.split('/')[1] ?? t.arn })),
    );
    return Promise.resolve(new Map(loadBalancerArns.map((lb) => [lb, groups])));
  }

  async run(store: MetricsStore, earliest: () => number, signal: AbortSignal, hooks: MetricsHooks): Promise<void> {
    const { onRead, onSetupError } = hooks;
    while (!signal.aborted) {
      this.calls++;
      if (this.o.deny) {
        onSetupError(
          Object.assign(
            new Error(
              'AWS denied cloudwatch:GetMetricData on the load balancer metrics in eu-west-1: allow `cloudwatch:GetMetricData` in the IAM policy of the role the job runs with (docs/watch.md#aws-iam). AWS said: User: arn:aws:sts::111111111111:assumed-role/deployer is not authorized to perform: cloudwatch:GetMetricData',
            ),
            { name: 'AwsSetupError' },
          ),
        );
        return;
      }
      const now = this.timers.now();
      const queries = [...store.plan.queries.values()].flat().length;
      const { fromMs, toMs } = readRange(now, earliest(), queries);
      this.reads.push({ at: now, fromMs, toMs });
      store.apply(simMetricsRead(this.sims, store.plan, now, fromMs, toMs, this.o));
      onRead();
      await this.timers.sleep(this.o.pollMs ?? 15_000, signal);
    }
  }
}
