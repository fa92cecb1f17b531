/**
 * Drives the pure gate with a RolloutSim in simulated time: the informers' events when an object
 * changes, one DescribeTargetHealth answer per target group per poll interval (or `unknown` when the
 * scenario throttles), and a clock tick per second. No timers, no I/O.
 */
import { Gate } from '../../src/core/gate/gate.js';
import { podInfo } from '../../src/core/gate/pods.js';
import type { GateConfig, GateEffect, GateEvent, TargetGroupRef, Verdict } from '../../src/core/gate/types.js';
import type { RolloutSim } from './rollout-sim.js';
import { CallBudget } from '../../src/adapters/aws/budget.js';
import type { PodJson } from '../../src/core/gate/pods.js';
import type {
  ClusterPort,
  DeploymentFeed,
  DeploymentListeners,
  NamespaceFeed,
  WatchPorts,
} from '../../src/core/gate/ports.js';
import type { Deployment, ReplicaSet } from '../../src/core/rollout/types.js';
import type { Host } from '../../src/host.js';
import { DEFAULT_BUDGET, runWatch } from '../../src/modes/watch.js';
import type { ModeResult } from '../../src/modes/result.js';
import type { Markdown } from '../../src/report/markdown.js';
import type { WatchReport } from '../../src/report/watch/report.js';
import type { WatchSettings } from '../../src/settings.js';
import { ManualTimers, settle } from './manual-timers.js';
import { LB_ARN, SimCloudWatch, type SimMetricsOptions } from './sim-cloudwatch.js';

export interface Scenario {
  readonly sim: RolloutSim;
  readonly config?: Partial<GateConfig>;
  /** Target groups the gate counts in (default: all of the simulation's). */
  readonly targetGroups?: readonly TargetGroupRef[];
  readonly pollIntervalMs?: number;
  /** Give up after this much simulated time. */
  readonly maxMs: number;
  /** A reason when this poll of this target group is throttled or fails, else undefined. */
  readonly unknown?: (now: number, arn: string) => string | undefined;
  /** Scripted disturbances, called before each simulated step. */
  readonly script?: (now: number, sim: RolloutSim) => void;
  /** Called after each simulated step (for measurements). */
  readonly observe?: (now: number, sim: RolloutSim) => void;
  /** When the first poll happens after the gate starts (default 0: at once). */
  readonly pollPhaseMs?: number;
  /** Events from elsewhere (an adapter error, a cancellation, the probe) fed before each step. */
  readonly inject?: (now: number) => GateEvent | undefined;
}

export interface ScenarioResult {
  readonly sim: RolloutSim;
  readonly verdict: Verdict | undefined;
  readonly gate: Gate;
  readonly effects: readonly GateEffect[];
  /** Simulated DescribeTargetHealth calls per target group. */
  readonly polls: ReadonlyMap<string, number>;
  /** Ground truth at the verdict, per target group. */
  readonly truthAtVerdict: ReadonlyMap<string, ReturnType<RolloutSim['truth']>>;
}

export function runScenario(s: Scenario): ScenarioResult {
  const sim = s.sim;
  const poll = s.pollIntervalMs ?? 5_000;
  const refs: TargetGroupRef[] =
    s.targetGroups?.slice() ??
    sim.options.targetGroups.map((tg) => ({
      arn: tg.arn,
      name: tg.arn.split('/')[1] ?? tg.arn,
      port: 'http',
      source: 'test',
    }));
  const config: GateConfig = {
    namespace: 'demo',
    deployment: 'web',
    minHealthy: undefined,
    tolerateMs: 0,
    // The product's default (deregistration-seconds: 15).
    deregistrationMs: 15_000,
    timeoutMs: undefined,
    settleTimeoutMs: 300_000,
    staleAfterMs: 3 * poll + 5_000,
    targetGroups: refs,
    ...s.config,
  };
  const gate = new Gate(config, { now: () => sim.now });
  const effects: GateEffect[] = [];
  const polls = new Map<string, number>();
  let verdict: Verdict | undefined;
  const feed = (e: Parameters<Gate['handle']>[0]): void => {
    for (const eff of gate.handle(e)) {
      effects.push(eff);
      if (eff.type === 'verdict') verdict = eff.verdict;
    }
  };
  let lastDeployment = '';
  let lastRs = '';
  let lastPods = '';
  const sync = (): void => {
    const d = sim.deployment();
    const dk = JSON.stringify(d);
    if (dk !== lastDeployment) {
      lastDeployment = dk;
      feed({ type: 'deployment', deployment: d });
    }
    const rs = sim.replicaSets();
    const rk = JSON.stringify(rs);
    if (rk !== lastRs) {
      lastRs = rk;
      feed({ type: 'replicasets', replicaSets: rs });
    }
    const pods = sim.pods_();
    const pk = JSON.stringify(pods);
    if (pk !== lastPods) {
      lastPods = pk;
      feed({ type: 'pods', pods: pods.map(podInfo) });
    }
  };
  const pollAll = (): void => {
    for (const ref of refs) {
      polls.set(ref.arn, (polls.get(ref.arn) ?? 0) + 1);
      const reason = s.unknown?.(sim.now, ref.arn);
      feed({
        type: 'target-health',
        arn: ref.arn,
        observation: reason ? { kind: 'unknown', reason } : { kind: 'known', targets: sim.targetHealth(ref.arn) },
      });
    }
  };
  // The gate starts right after `kubectl apply`: the API already has the new template.
  sim.apply();
  sync();
  const phase = s.pollPhaseMs ?? 0;
  if (phase === 0) pollAll();
  let nextPoll = phase === 0 ? poll : phase;
  let nextTick = 1_000;
  while (!verdict && sim.now < s.maxMs) {
    s.script?.(sim.now, sim);
    const injected = s.inject?.(sim.now);
    if (injected) feed(injected);
    sim.advance(100);
    s.observe?.(sim.now, sim);
    sync();
    if (sim.now >= nextPoll) {
      pollAll();
      nextPoll += poll;
    }
    if (sim.now >= nextTick) {
      feed({ type: 'tick' });
      nextTick += 1_000;
    }
  }
  const truthAtVerdict = new Map(refs.map((r) => [r.arn, sim.truth(r.arn)]));
  return { sim, verdict, gate, effects, polls, truthAtVerdict };
}

// ---- The whole watch mode in simulated time ------------------------------------------------------

/**
 * Fake ports for runWatch over RolloutSims on a ManualTimers clock: the cluster (one Service and
 * TargetGroupBinding per Deployment and target group, the sims' Deployments, ReplicaSets and pods,
 * the rollback patch applied to the sim as `kubectl rollout undo` does), ELB (the sims' target
 * health, every call drawing from the real call budget), and a report writer in memory. Scripted
 * misbehaviour: a connect or a PATCH that never answers (it still honours its signal, as a real
 * request does), a PATCH applied whose answer never comes.
 */
export interface RigOptions {
  readonly sims: readonly RolloutSim[];
  /** The connection never completes (until its signal aborts). */
  readonly hangConnect?: boolean;
  /** PATCH behaviour: answer (default), hang without applying, or apply and then hang. */
  readonly patch?: 'ok' | 'hang' | 'apply-then-hang' | 'forbidden';
  /** Delay before a PATCH answers (simulated ms). */
  readonly patchDelayMs?: number;
  /** DescribeTargetGroups settings of every target group. */
  readonly healthCheck?: { intervalSeconds: number; healthyThreshold: number; unhealthyThreshold: number };
  /** CloudWatch over the sims' traffic (`elb-metrics`): publication delay, withheld, denied. */
  readonly cloudwatch?: SimMetricsOptions;
}

export class WatchRig {
  readonly timers: ManualTimers;
  readonly patches: { at: number; deployment: string }[] = [];
  readonly reports = new Map<string, string>();
  private readonly feeds: { name: string; listeners: DeploymentListeners; last: string[] }[] = [];
  readonly elbCalls: { at: number; action: string; arn?: string }[] = [];
  /** The `elb-metrics` port, once the watch mode asked for it. */
  cloudwatch: SimCloudWatch | undefined;

  constructor(readonly o: RigOptions) {
    this.timers = new ManualTimers(0);
  }

  private sim(name: string): RolloutSim {
    const s = this.o.sims.find((x) => x.name === name);
    if (!s) throw new Error(`no simulation ${name}`);
    return s;
  }

  /** Pushes what changed in the sims to the feeds (as the watches would). */
  sync(): void {
    for (const f of this.feeds) {
      const s = this.sim(f.name);
      const parts = [s.deployment(), s.replicaSets(), s.pods_()];
      const keys = parts.map((p) => JSON.stringify(p));
      if (keys[0] !== f.last[0]) f.listeners.onDeployment(parts[0] as Deployment);
      if (keys[1] !== f.last[1]) f.listeners.onReplicaSets(parts[1] as ReplicaSet[]);
      if (keys[2] !== f.last[2]) f.listeners.onPods(parts[2] as PodJson[]);
      f.last = keys;
    }
  }

  ports(budget: CallBudget): WatchPorts {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake ports are object literals that call back into the rig
    const rig = this;
    const sims = this.o.sims;
    const hc = this.o.healthCheck ?? { intervalSeconds: 15, healthyThreshold: 2, unhealthyThreshold: 2 };
    const cluster: ClusterPort = {
      describe: 'context sim (https://sim.invalid)',
      namespace: (): NamespaceFeed => ({
        start: async () => undefined,
        services: () =>
          sims.map((s) => ({
            metadata: { name: s.name },
            spec: { selector: { app: s.name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
          })),
        bindings: () =>
          sims.flatMap((s) =>
            s.options.targetGroups.map((tg) => ({
              metadata: { name: tg.arn.split('/')[1] ?? tg.arn },
              spec: { targetGroupARN: tg.arn, targetType: 'ip', serviceRef: { name: s.name, port: 80 } },
            })),
          ),
        warnings: () => [],
        endpoints: () => new Map(),
        stop: () => undefined,
      }),
      deployment: (_ns, name, listeners): DeploymentFeed => {
        const feed = { name, listeners, last: ['', '', ''] };
        return {
          startDeployment: async () => {
            rig.feeds.push(feed);
            return rig.sim(name).deployment();
          },
          startOwned: async () => rig.sync(),
          current: () => rig.sim(name).deployment(),
          replicaSets: () => rig.sim(name).replicaSets(),
          stop: () => {
            const i = rig.feeds.indexOf(feed);
            if (i >= 0) rig.feeds.splice(i, 1);
          },
        };
      },
      patchDeployment: (_ns, name, _patch, signal) => {
        rig.patches.push({ at: rig.timers.now(), deployment: name });
        const mode = rig.o.patch ?? 'ok';
        if (mode === 'forbidden')
          return Promise.reject(
            Object.assign(new Error(`forbidden: the credentials may not patch deployments.apps in namespace demo.`), {
              name: 'KubeSetupError',
            }),
          );
        if (mode === 'apply-then-hang' || mode === 'ok') rig.sim(name).undo();
        if (mode === 'ok') return rig.timers.sleep(rig.o.patchDelayMs ?? 0, signal);
        return new Promise<void>((_resolve, reject) => {
          const fail = (): void => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
          if (signal.aborted) fail();
          else signal.addEventListener('abort', fail, { once: true });
        });
      },
      readDeployment: async (_ns, name) => rig.sim(name).deployment(),
      close: async () => undefined,
    };
    return {
      timers: this.timers,
      connect: (signal) =>
        this.o.hangConnect
          ? new Promise<ClusterPort>(() => {
              // Like a server that completes TLS and never answers: only the signal ends the wait (below).
              void signal;
            })
          : Promise.resolve(cluster),
      targetHealth: () => ({
        describeTargetGroups: async (arns) => {
          for (const arn of arns) rig.elbCalls.push({ at: rig.timers.now(), action: 'DescribeTargetGroups', arn });
          return new Map(
            arns.map((arn) => [
              arn,
              {
                arn,
                name: arn.split('/')[1] ?? arn,
                targetType: 'ip',
                healthCheck: `HTTP traffic-port / expecting 200, every ${hc.intervalSeconds}s, healthy after ${hc.healthyThreshold}`,
                healthCheckIntervalSeconds: hc.intervalSeconds,
                healthyThresholdCount: hc.healthyThreshold,
                unhealthyThresholdCount: hc.unhealthyThreshold,
                loadBalancers: 1,
                loadBalancerArns: [LB_ARN],
              },
            ]),
          );
        },
        describeTargetHealth: async (arn) => {
          budget.spend();
          rig.elbCalls.push({ at: rig.timers.now(), action: 'DescribeTargetHealth', arn });
          const sim = sims.find((s) => s.options.targetGroups.some((t) => t.arn === arn));
          return { kind: 'known', targets: sim?.targetHealth(arn) ?? [], requestedAt: rig.timers.now() };
        },
        budgetWaitMs: () => budget.waitMs(),
        get attempts() {
          return budget.spent;
        },
      }),
      evidence: () => [],
      elbMetrics: () => (rig.cloudwatch = new SimCloudWatch(sims, rig.timers, rig.o.cloudwatch)),
      writeReport: async (file, text) => void rig.reports.set(file, text),
    };
  }

  /**
   * Runs the watch mode: the sims and the clock advance together in `stepMs` steps until the run
   * resolves (or `maxMs`). `script` runs before each step (disturbances, a signal).
   */
  async run(
    settings: Partial<WatchSettings> & Pick<WatchSettings, 'deployments'>,
    opts: {
      maxMs?: number;
      stepMs?: number;
      script?: (now: number, rig: WatchRig) => void;
      signal?: AbortController;
    } = {},
  ): Promise<RigRun> {
    const host = new RecordingHost(opts.signal?.signal ?? new AbortController().signal);
    const budget = new CallBudget(this.timers, DEFAULT_BUDGET);
    const full: WatchSettings = {
      mode: 'watch',
      namespace: 'demo',
      kubeconfig: { kind: 'default' },
      context: undefined,
      clusterName: undefined,
      awsRegion: 'eu-west-1',
      targetGroupArns: [],
      minHealthy: undefined,
      tolerateMs: 0,
      deregistrationMs: 15_000,
      pollIntervalMs: 5_000,
      timeoutMs: undefined,
      settleTimeoutMs: 300_000,
      soakMs: 0,
      rollback: false,
      rollbackWait: true,
      allowRolloutOnly: false,
      probe: undefined,
      reportFile: '/report.json',
      ...settings,
    };
    for (const s of this.o.sims) s.apply();
    let result: ModeResult | undefined;
    const done = runWatch(full, host, this.ports(budget)).then((r) => (result = r));
    const step = opts.stepMs ?? 100;
    const max = opts.maxMs ?? 900_000;
    await settle();
    while (result === undefined && this.timers.now() < max) {
      opts.script?.(this.timers.now(), this);
      for (const s of this.o.sims) s.advance(step);
      this.sync();
      await this.timers.advance(step, step);
    }
    await Promise.race([done, settle(20)]);
    const text = this.reports.get(full.reportFile as string);
    return { result, host, report: text ? (JSON.parse(text) as WatchReport) : undefined, endedAt: this.timers.now() };
  }
}

export interface RigRun {
  readonly result: ModeResult | undefined;
  readonly host: RecordingHost;
  readonly report: WatchReport | undefined;
  /** Simulated time when the run resolved. */
  readonly endedAt: number;
}

/** A Host that records everything (lines, outputs, the summary). */
export class RecordingHost implements Host {
  readonly kind = 'cli' as const;
  readonly env = {};
  readonly lines: string[] = [];
  readonly outputs: Record<string, string> = {};
  summary = '';
  constructor(readonly signal: AbortSignal) {}
  info(m: string): void {
    this.lines.push(m);
  }
  warning(m: string): void {
    this.lines.push(`warning: ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error: ${m}`);
  }
  notice(m: string): void {
    this.lines.push(`notice: ${m}`);
  }
  debug(): void {}
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(title);
    return fn();
  }
  setOutput(name: string, value: string | number): void {
    this.outputs[name] = String(value);
  }
  async appendSummary(markdown: Markdown): Promise<void> {
    this.summary += markdown.value;
  }
  mask(): void {}
  redact(text: string): string {
    return text;
  }
  redactMarkdown(markdown: Markdown): Markdown {
    return markdown;
  }
}
