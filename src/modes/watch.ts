/**
 * `watch`: follow one or more Deployments after `kubectl apply` together with the health of the
 * target groups in front of them, decide per Deployment with the pure gate, roll back failed ones
 * when asked, and report (log, annotations, outputs, job summary, report file).
 *
 * All I/O goes through the ports of core/gate/ports.ts (the cluster, ELB, evidence sources such as
 * the probe, time, the report file); the defaults are the real adapters, loaded only here.
 *
 * Each Deployment goes from its verdict to its rollback and the wait for the restored revision on
 * its own; the run ends when every Deployment has. `timeout` bounds everything up to the verdicts,
 * connecting and listing included; SIGINT/SIGTERM end the run within seconds with the report,
 * outputs and summary written.
 *
 * Results and exit codes (docs/watch.md): success 0; failed or rolled-back 1; error 2 (the gate
 * could not run or was cancelled).
 */
import os from 'node:os';
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { discoverTargetGroups, targetGroupName, type BoundTargetGroup } from '../core/gate/discovery.js';
import {
  checkInputs,
  checkPlan,
  defaultSoakMs,
  defaultTimeoutMs,
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  pollInterval,
  staleAfterMs,
  unhealthyGraceMs,
  whyNotCounted,
  type Problem,
  type WatchPlanInputs,
} from '../core/gate/policy.js';
import {
  isSetupError,
  WatchSetupError,
  type ClusterPort,
  type ElbMetricsPort,
  type NamespaceFeed,
  type TargetGroupInfo,
  type TargetHealthPort,
  type Timers,
  type WatchPorts,
} from '../core/gate/ports.js';
import type { TargetGroupRef, Verdict } from '../core/gate/types.js';
import { planMetrics, type MetricsPlan } from '../core/metrics/plan.js';
import { MINUTE_MS, MetricsStore } from '../core/metrics/store.js';
import { assess, baselineSpan, windowSpan, type ElbAssessment } from '../core/metrics/window.js';
import type { Deployment } from '../core/rollout/types.js';
import type { Host } from '../host.js';
import type { WatchSettings } from '../settings.js';
import {
  exitCodeOf,
  outputsFor,
  summaryMarkdown,
  worst,
  type DeploymentReport,
  type RunEvent,
  type WatchReport,
} from '../report/watch/report.js';
import { elbReport } from '../report/watch/elb-metrics.js';
import { systemTimers } from '../adapters/clock.js';
import { CloudWatchSource } from '../adapters/aws/cloudwatch.js';
import { CallBudget, DEFAULT_BUDGET, type BudgetOptions } from '../adapters/aws/budget.js';
import { ElbSource } from '../adapters/aws/elbv2.js';
import { TargetHealthPoller } from '../adapters/aws/poller.js';
import { connect } from '../adapters/kubernetes/connect.js';
import { Probe } from '../adapters/probe.js';
import type { ModeResult } from './result.js';
import { WatchSession, type TargetGroupPlan } from './watch-session.js';

export { DEFAULT_BUDGET, type BudgetOptions };

export interface WatchDeps extends Partial<WatchPorts> {
  readonly budget?: BudgetOptions;
  /** For tests: replaces eks:DescribeCluster. */
  readonly describeEksCluster?: (
    name: string,
    region: string,
    signal?: AbortSignal,
  ) => Promise<{ name: string; endpoint: string; caData: string }>;
}

/** After a signal, the run ends within this (the documented 5 s, with room for writing the report). */
export const CANCEL_DEADLINE_MS = 4_000;

export async function runWatch(settings: WatchSettings, host: Host, deps: WatchDeps = {}): Promise<ModeResult> {
  const ports = defaultPorts(settings, host, deps);
  return new WatchRun(settings, host, ports, deps.budget ?? DEFAULT_BUDGET).run();
}

/** The real adapters (this module is itself loaded only for watch: validate never loads them). */
function defaultPorts(settings: WatchSettings, host: Host, deps: WatchDeps): WatchPorts {
  const timers = deps.timers ?? systemTimers;
  const budget = deps.budget ?? DEFAULT_BUDGET;
  // One AWS call budget for ELB and CloudWatch: both draw from the account's API rates.
  let shared: CallBudget | undefined;
  const callBudget = (): CallBudget => (shared ??= new CallBudget(timers, budget));
  return {
    timers,
    connect:
      deps.connect ??
      ((signal) =>
        connect({
          kubeconfig: settings.kubeconfig,
          context: settings.context,
          clusterName: settings.clusterName,
          awsRegion: settings.awsRegion,
          env: host.env,
          timers,
          mask: (s) => host.mask(s),
          signal,
          ...(deps.describeEksCluster ? { describeEksCluster: deps.describeEksCluster } : {}),
        })),
    targetHealth: deps.targetHealth ?? ((regionFor) => new ElbSource(callBudget(), regionFor, () => timers.now())),
    elbMetrics: deps.elbMetrics ?? ((plan) => new CloudWatchSource(plan, callBudget(), timers)),
    evidence:
      deps.evidence ??
      (() =>
        settings.probe
          ? [new Probe({ url: settings.probe.url, ratePerSecond: settings.probe.ratePerSecond, timers })]
          : []),
    writeReport:
      deps.writeReport ??
      (async (file, text) => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
      }),
  };
}

interface CandidateGroup {
  readonly arn: string;
  readonly port: number | string | undefined;
  readonly source: string;
  readonly service: string | undefined;
}

class WatchRun {
  private readonly timers: Timers;
  private readonly startedAt: number;
  private readonly sessions: WatchSession[] = [];
  private readonly verdicts = new Map<WatchSession, Verdict>();
  private readonly events: RunEvent[] = [];
  /** Aborted when every gate has decided (or the run is cancelled): stops polling, evidence, ticks. */
  private readonly stopLoops = new AbortController();
  /** Aborted when the run is cancelled by a signal. */
  private readonly cancelled = new AbortController();
  private cluster: ClusterPort | undefined;
  private namespaceFeed: NamespaceFeed | undefined;
  private elb: TargetHealthPort | undefined;
  private calls = new Map<string, number>();
  private pollIntervalMs: number | undefined;
  private soakMs: number | undefined;
  private setupError: string | undefined;
  private phase = 'starting';
  private readonly evidence: ReturnType<WatchPorts['evidence']>;
  private readonly inputs: WatchPlanInputs;
  /** With `elb-metrics`: the CloudWatch source and the datapoints read. */
  private metrics: { readonly port: ElbMetricsPort; readonly store: MetricsStore } | undefined;
  /** Aborted when every Deployment is done (the metrics are read until then, for the report). */
  private readonly metricsDone = new AbortController();

  constructor(
    private readonly settings: WatchSettings,
    private readonly host: Host,
    private readonly ports: WatchPorts,
    private readonly budget: BudgetOptions,
  ) {
    this.timers = ports.timers;
    this.startedAt = this.timers.now();
    this.evidence = ports.evidence();
    this.inputs = {
      tolerateMs: settings.tolerateMs,
      timeoutMs: settings.timeoutMs,
      settleTimeoutMs: settings.settleTimeoutMs,
      pollIntervalMs: settings.pollIntervalMs,
      soakMs: settings.soakMs,
      minHealthy: settings.minHealthy,
      ...(settings.elbMetrics ? { elbMetrics: { waitMs: settings.elbMetrics.waitMs } } : {}),
      elbMetricsIgnored: settings.elbMetricsIgnored ?? [],
    };
  }

  async run(): Promise<ModeResult> {
    const onSignal = (): void => this.cancel();
    if (this.host.signal.aborted) this.cancel();
    else this.host.signal.addEventListener('abort', onSignal, { once: true });
    try {
      if (this.report(checkInputs(this.inputs))) {
        // The setup deadline: `timeout`, else the longest a Deployment could take by default.
        const setupLimit =
          this.settings.timeoutMs ??
          defaultTimeoutMs(undefined, this.settings.settleTimeoutMs, this.inputs.soakMs ?? 0);
        const deadline = new AbortController();
        const timer = this.timers
          .sleep(setupLimit, AbortSignal.any([deadline.signal, this.cancelled.signal]))
          .then(() => deadline.abort());
        const setupSignal = AbortSignal.any([deadline.signal, this.cancelled.signal]);
        try {
          await this.setUp(setupSignal, setupLimit);
        } finally {
          deadline.abort();
          await timer;
        }
        if (!this.setupError && !this.cancelled.signal.aborted) await this.watch();
      }
    } catch (e) {
      if (isSetupError(e)) this.setupError = e.message;
      else throw e;
    } finally {
      this.stopLoops.abort();
      this.metricsDone.abort();
      this.host.signal.removeEventListener('abort', onSignal);
      for (const s of this.sessions) s.stop();
      this.namespaceFeed?.stop();
      await this.cluster?.close().catch(() => undefined);
    }
    return this.finish();
  }

  /** Logs problems; answers false when one of them is an error (the run cannot start). */
  private report(problems: readonly Problem[]): boolean {
    for (const p of problems) if (p.level === 'warning') this.host.warning(p.message);
    const errors = problems.filter((p) => p.level === 'error');
    if (errors.length > 0) this.setupError = errors.map((p) => p.message).join(' ');
    return errors.length === 0;
  }

  private cancel(): void {
    if (this.cancelled.signal.aborted) return;
    const why = this.host.signal.reason instanceof Error ? this.host.signal.reason.message : 'a signal';
    const message = `cancelled (${why}): the job was cancelled or the process received a signal`;
    this.event(undefined, `run cancelled (${why})`);
    this.cancelled.abort();
    for (const s of this.sessions) s.cancel(message);
    this.stopLoops.abort();
  }

  /** Runs `step` unless the setup deadline or a cancellation ends it first; then says which. */
  private async bounded<T>(what: string, signal: AbortSignal, limitMs: number, step: () => Promise<T>): Promise<T> {
    this.phase = what;
    try {
      return await step();
    } catch (e) {
      if (this.cancelled.signal.aborted) throw new WatchSetupError(`cancelled while ${what}`);
      if (signal.aborted)
        throw new WatchSetupError(
          `timed out after ${limitMs / 1000}s while ${what} (\`timeout\` bounds the whole run, connecting and listing included).`,
        );
      throw e;
    }
  }

  private async setUp(signal: AbortSignal, limitMs: number): Promise<void> {
    const { settings, host } = this;
    const cluster = await this.bounded('connecting to the Kubernetes API', signal, limitMs, () =>
      raceAbort(this.ports.connect(signal), signal),
    );
    this.cluster = cluster;
    host.info(
      `zd-gate watch: ${settings.deployments.join(', ')} in namespace ${settings.namespace} via ${cluster.describe}`,
    );
    this.event(undefined, `connected: ${cluster.describe}`);

    const early: string[] = [];
    this.namespaceFeed = cluster.namespace(settings.namespace, {
      log: (m) => host.debug(m),
      onSetupError: (e) => {
        early.push(e.message);
        for (const s of this.sessions) s.fail(e.message);
      },
    });
    const ns = this.namespaceFeed;
    await this.bounded(
      `listing Services, TargetGroupBindings, EndpointSlices and events in namespace ${settings.namespace}`,
      signal,
      limitMs,
      async () => {
        try {
          await raceAbort(ns.start(signal), signal);
        } catch (e) {
          // A permission problem says more than "could not list".
          if (early.length === 0) throw e;
        }
      },
    );
    if (early.length > 0) throw new WatchSetupError(early[0] as string);

    for (const name of settings.deployments)
      this.sessions.push(
        new WatchSession(
          { cluster, namespace: settings.namespace, host, timers: this.timers, namespaceFeed: ns },
          name,
        ),
      );
    const deployments = await this.bounded('listing the Deployments, their ReplicaSets and pods', signal, limitMs, () =>
      raceAbort(Promise.all(this.sessions.map((s) => s.prepare(signal))), signal),
    );

    const candidates = this.sessions.map((s, i) => this.candidates(s.name, deployments[i] as Deployment));
    const arns = [...new Set(candidates.flat().map((c) => c.arn))];
    const infos = new Map<string, TargetGroupInfo>();
    if (arns.length > 0) {
      this.elb = this.ports.targetHealth((arn) => this.regionFor(arn));
      const elb = this.elb;
      for (const [arn, info] of await this.bounded(
        'describing the target groups (DescribeTargetGroups)',
        signal,
        limitMs,
        () => raceAbort(elb.describeTargetGroups(arns, signal), signal),
      ))
        infos.set(arn, info);
      const missing = arns.filter((a) => !infos.has(a));
      if (missing.length > 0)
        throw new WatchSetupError(
          `target group not found: ${missing.join(', ')} (check \`target-group-arns\` and \`aws-region\`).`,
        );
    }
    const plans = this.sessions.map((s, i) => this.plan(s.name, candidates[i] as CandidateGroup[], infos));
    const counted = [...new Set(plans.flat().map((p) => p.ref.arn))];
    this.pollIntervalMs = pollInterval(settings.pollIntervalMs, counted.length, this.budget.ratePerSecond);
    const countedInfos = counted.map((a) => infos.get(a) as TargetGroupInfo);
    this.soakMs =
      this.inputs.soakMs ?? (countedInfos.length === 0 && this.evidence.length === 0 ? 0 : defaultSoakMs(countedInfos));
    if (settings.elbMetrics) await this.planMetrics(counted, infos, signal, limitMs);
    if (
      !this.report(
        checkPlan(
          this.inputs,
          this.sessions.map((s, i) => ({ name: s.name, deployment: deployments[i] as Deployment })),
          { targetGroups: counted.length, pollIntervalMs: this.pollIntervalMs, soakMs: this.soakMs },
        ),
      )
    )
      return;
    this.begin(plans);
  }

  /**
   * `elb-metrics`: the load balancers in front of the counted target groups (LoadBalancerArns from
   * DescribeTargetGroups), which other target groups they serve, and the CloudWatch series to read.
   */
  private async planMetrics(
    counted: readonly string[],
    infos: ReadonlyMap<string, TargetGroupInfo>,
    signal: AbortSignal,
    limitMs: number,
  ): Promise<void> {
    const targetGroups = counted.map((arn) => {
      const info = infos.get(arn) as TargetGroupInfo;
      return { arn, name: info.name, loadBalancerArns: info.loadBalancerArns ?? [] };
    });
    let plan: MetricsPlan = planMetrics({ targetGroups });
    if (plan.unusable) throw new WatchSetupError(`elb-metrics: ${plan.unusable}.`);
    if (!this.ports.elbMetrics)
      throw new WatchSetupError('elb-metrics: no CloudWatch source is available in this run.');
    const port = this.ports.elbMetrics(plan);
    const lbs = plan.loadBalancers.map((lb) => lb.ref.arn);
    const attached = await this.bounded(
      'describing the target groups of each load balancer (DescribeTargetGroups)',
      signal,
      limitMs,
      () => raceAbort(port.attachedTargetGroups(lbs, signal), signal),
    );
    plan = planMetrics({ targetGroups, attached });
    for (const note of plan.notes) this.host.warning(`elb-metrics: ${note}`);
    for (const lb of plan.loadBalancers) {
      const others = lb.attached?.filter((t) => !counted.includes(t.arn)).map((t) => t.name);
      this.host.info(
        `elb-metrics: load balancer ${lb.ref.name} (${lb.ref.dimension}) in front of ${lb.watched.map((w) => w.name).join(', ')}${others === undefined ? '' : others.length > 0 ? `; shared with ${others.join(', ')}` : '; not shared'}`,
      );
    }
    this.metrics = { port, store: new MetricsStore(plan) };
  }

  /** The start of the earliest baseline any Deployment's window needs (the reads cover it). */
  private earliestNeeded(): number {
    const now = this.timers.now();
    let earliest = now;
    for (const s of this.sessions) {
      const w = s.snapshot()?.elbWindow;
      if (w) earliest = Math.min(earliest, baselineSpan(windowSpan(w, now)).first);
    }
    return Math.min(earliest, this.startedAt - MINUTE_MS);
  }

  /** One Deployment's counts for its window as read so far. */
  private elbAssessment(s: WatchSession, now: number): ElbAssessment | undefined {
    const w = s.snapshot()?.elbWindow;
    if (!this.metrics || !w) return undefined;
    return assess(this.metrics.store, s.targetArns, w, now);
  }

  /**
   * After a failing verdict from another rule, the window ends at the verdict: keep reading until
   * CloudWatch has published it (up to `metrics-wait`), for the report. The rollback does not wait.
   */
  private async awaitElbWindow(s: WatchSession, v: Verdict): Promise<void> {
    const wait = this.settings.elbMetrics?.waitMs;
    if (!this.metrics || wait === undefined || v.result !== 'failed') return;
    const signal = AbortSignal.any([this.cancelled.signal, this.metricsDone.signal]);
    const deadline = v.at + wait;
    if (this.elbAssessment(s, this.timers.now())?.complete) return;
    this.host.info(
      `${s.name}: reading CloudWatch until the window's counts are published (at most metrics-wait ${wait / 1000}s), for the report`,
    );
    while (!signal.aborted && this.timers.now() < deadline && !this.metricsStopped) {
      if (this.elbAssessment(s, this.timers.now())?.complete) return;
      await this.timers.sleep(Math.min(1_000, deadline - this.timers.now()), signal);
    }
  }

  private metricsStopped = false;

  private candidates(name: string, deployment: Deployment): CandidateGroup[] {
    const ns = this.namespaceFeed as NamespaceFeed;
    const discovery = discoverTargetGroups(deployment, ns.services(), ns.bindings());
    for (const note of discovery.notes) this.host.warning(`${name}: ${note}`);
    const fromBinding = (b: BoundTargetGroup): CandidateGroup => ({
      arn: b.arn,
      port: b.targetPort,
      source: `TargetGroupBinding ${b.binding} → Service ${b.service}:${b.servicePort}`,
      service: b.service,
    });
    if (this.settings.targetGroupArns.length === 0) return discovery.bound.map(fromBinding);
    return this.settings.targetGroupArns.map((arn) => {
      const bound = discovery.bound.find((b) => b.arn === arn);
      if (!bound)
        return {
          arn,
          port: undefined,
          source: 'target-group-arns (no TargetGroupBinding: targets matched by pod IP, any port)',
          service: undefined,
        };
      const c = fromBinding(bound);
      return { ...c, source: `target-group-arns (${c.source})` };
    });
  }

  private plan(
    name: string,
    candidates: readonly CandidateGroup[],
    infos: ReadonlyMap<string, TargetGroupInfo>,
  ): TargetGroupPlan[] {
    const plans: TargetGroupPlan[] = [];
    const unusable: string[] = [];
    for (const c of candidates) {
      const info = infos.get(c.arn) ?? {
        arn: c.arn,
        name: targetGroupName(c.arn),
        targetType: 'unknown',
        healthCheck: 'unknown',
        loadBalancers: 0,
      };
      const why = whyNotCounted(info);
      if (why) {
        unusable.push(`${targetGroupName(c.arn)} (target type ${info.targetType})`);
        this.host.warning(`${name}: target group ${targetGroupName(c.arn)} has ${why}.`);
        continue;
      }
      const grace = unhealthyGraceMs(info);
      const ref: TargetGroupRef = {
        arn: c.arn,
        name: info.name ?? targetGroupName(c.arn),
        port: c.port,
        source: c.source,
        ...(grace !== undefined ? { unhealthyGraceMs: grace } : {}),
      };
      plans.push({ ref, targetType: info.targetType, healthCheck: info.healthCheck, service: c.service });
      this.host.info(
        `${name}: target group ${ref.name} via ${c.source}; health check ${info.healthCheck ?? 'unknown'}`,
      );
    }
    if (plans.length === 0) {
      const found =
        unusable.length > 0 ? `only ${unusable.join(', ')}` : 'no TargetGroupBinding whose Service selects its pods';
      if (!this.settings.allowRolloutOnly) {
        throw new WatchSetupError(
          `deployment ${name}: no target group with per-pod (ip) targets (${found}). Pass \`target-group-arns\`, or set \`allow-rollout-only: true\` to gate on rollout status alone.`,
        );
      }
      this.host.warning(
        `deployment ${name}: no target group with per-pod (ip) targets (${found}); gating on rollout status alone (allow-rollout-only).`,
      );
    }
    return plans;
  }

  private begin(plans: readonly TargetGroupPlan[][]): void {
    const { settings } = this;
    const interval = this.pollIntervalMs ?? settings.pollIntervalMs;
    const elapsed = this.timers.now() - this.startedAt;
    const soakMs = this.soakMs ?? 0;
    if (soakMs > 0)
      this.host.info(
        `soak: after the load balancer catches up, each Deployment is watched ${soakMs / 1000}s more before it passes${this.inputs.soakMs === undefined ? ' (one unhealthy-detection window of its target groups: interval × unhealthy threshold)' : ''}`,
      );
    this.sessions.forEach((s, i) => {
      const mine = plans[i] as TargetGroupPlan[];
      const timeout =
        settings.timeoutMs ??
        defaultTimeoutMs(s.listed, settings.settleTimeoutMs, soakMs) + (settings.elbMetrics?.waitMs ?? 0);
      s.begin(
        {
          namespace: settings.namespace,
          deployment: s.name,
          minHealthy: settings.minHealthy,
          tolerateMs: settings.tolerateMs,
          deregistrationMs: settings.deregistrationMs,
          // `timeout` counts from the start of the run, connecting and listing included.
          timeoutMs: Math.max(0, timeout - elapsed),
          settleTimeoutMs: settings.settleTimeoutMs,
          soakMs,
          staleAfterMs: staleAfterMs(interval),
          targetGroups: mine.map((p) => p.ref),
          ...(settings.probe ? { maxErrorRate: settings.probe.maxErrorRate } : {}),
          ...(settings.elbMetrics
            ? {
                elb: {
                  limits: {
                    maxErrors: settings.elbMetrics.maxErrors,
                    ...(settings.elbMetrics.maxErrorRate !== undefined
                      ? { maxErrorRate: settings.elbMetrics.maxErrorRate }
                      : {}),
                  },
                  waitMs: settings.elbMetrics.waitMs,
                },
              }
            : {}),
        },
        mine,
      );
    });
  }

  /**
   * Polls, measures and ticks until every gate has decided; meanwhile each Deployment goes from its
   * verdict to its rollback on its own. Resolves when every Deployment is done, or CANCEL_DEADLINE_MS
   * after a cancellation, whichever comes first.
   */
  private async watch(): Promise<void> {
    const { sessions, settings, host } = this;
    const signal = this.stopLoops.signal;
    const loops: Promise<void>[] = [];
    const arns = new Set(sessions.flatMap((s) => s.targetArns));
    if (arns.size > 0 && this.elb) {
      const poller = new TargetHealthPoller(this.elb, this.timers, {
        intervalMs: this.pollIntervalMs ?? settings.pollIntervalMs,
      });
      for (const arn of arns) {
        poller.subscribe(arn, (observation) => {
          for (const s of sessions)
            if (s.targetArns.includes(arn)) s.feedGate({ type: 'target-health', arn, observation });
        });
      }
      this.calls = poller.calls;
      loops.push(poller.run(signal, (e) => sessions.forEach((s) => s.fail(e.message))));
    }
    for (const source of this.evidence) {
      host.info(source.describe);
      loops.push(source.run(signal, (reading) => sessions.forEach((s) => s.feedGate(reading))));
    }
    const metrics = this.metrics;
    if (metrics) {
      host.info(
        `elb-metrics: reading the load balancers' own counts from CloudWatch (GetMetricData, one call per region and poll) for each Deployment's window; after the soak, waiting up to metrics-wait ${(settings.elbMetrics?.waitMs ?? 0) / 1000}s for them`,
      );
      const view = { view: metrics.store };
      loops.push(
        metrics.port
          .run(
            metrics.store,
            () => this.earliestNeeded(),
            AbortSignal.any([this.cancelled.signal, this.metricsDone.signal]),
            {
              onRead: () => sessions.forEach((s) => s.feedGate({ type: 'evidence', source: 'elb', value: view })),
              onSetupError: (e) => {
                this.metricsStopped = true;
                sessions.forEach((s) => s.fail(e.message));
              },
            },
          )
          .finally(() => (this.metricsStopped = true)),
      );
    }
    loops.push(
      (async () => {
        while (!signal.aborted) {
          await this.timers.sleep(1_000, signal);
          for (const s of sessions) s.feedGate({ type: 'tick' });
        }
      })(),
    );
    const pipelines = sessions.map((s) => this.pipeline(s));
    void Promise.all(sessions.map((s) => s.verdict)).then(() => this.stopLoops.abort());
    const hardStop = new AbortController();
    const cancelDeadline = (async () => {
      await waitAbort(this.cancelled.signal, hardStop.signal);
      if (hardStop.signal.aborted) return;
      await this.timers.sleep(CANCEL_DEADLINE_MS, hardStop.signal);
    })();
    await Promise.race([Promise.all(pipelines), cancelDeadline]);
    hardStop.abort();
    this.stopLoops.abort();
    this.metricsDone.abort();
    await Promise.race([Promise.all(loops), this.timers.sleep(500)]);
  }

  /** One Deployment from its verdict to the end of its rollback. */
  private async pipeline(s: WatchSession): Promise<void> {
    const { host } = this;
    const v = await s.verdict;
    this.verdicts.set(s, v);
    if (v.result === 'success') {
      host.notice(`${s.name}: passed: ${v.message}`, { title: `zd-gate: ${s.name} passed` });
      this.event(s.name, `passed (${v.reason})`);
    } else {
      host.error(`${s.name}: ${v.result} (${v.reason}): ${v.message}`, { title: `zd-gate: ${s.name} ${v.result}` });
      this.event(s.name, `verdict: ${v.result} (${v.reason})`);
    }
    await Promise.all([this.rollBack(s, v), this.awaitElbWindow(s, v)]);
    s.stop();
  }

  /** The rollback of one failed Deployment, when asked. */
  private async rollBack(s: WatchSession, v: Verdict): Promise<void> {
    const { host, settings } = this;
    if (settings.rollback && v.rollbackAdvised && !this.cancelled.signal.aborted) {
      host.info(`${s.name}: rolling back (rollback: true)`);
      this.event(s.name, 'rollback started');
      const outcome = await s.rollback(settings.rollbackWait, this.cancelled.signal);
      if (outcome.patchedAt !== undefined)
        this.event(s.name, `rollback patch applied (revision ${outcome.revision})`, outcome.patchedAt);
      this.event(s.name, `rollback ${outcome.status}`, outcome.endedAt);
      const say =
        outcome.status === 'error' || outcome.status === 'unknown' ? host.error.bind(host) : host.info.bind(host);
      say(`${s.name}: rollback ${outcome.status}: ${outcome.message}`);
    } else if (settings.rollback && v.result === 'failed' && !v.rollbackAdvised) {
      host.info(
        `${s.name}: no rollback: ${v.reason === 'paused' ? 'kubectl refuses to roll back a paused Deployment' : `a ${v.reason} verdict does not roll back`}`,
      );
    }
  }

  /** The report's `elb` entry of one Deployment; null without `elb-metrics`. */
  private elbFigures(s: WatchSession, now: number): DeploymentReport['elb'] {
    const snap = s.snapshot();
    const a = this.elbAssessment(s, now);
    const elb = this.settings.elbMetrics;
    if (!this.metrics || !snap || !a || !elb) return null;
    return elbReport(a, {
      marks: {
        startMs: a.window.startMs,
        ...(snap.soak.startedAt !== undefined ? { convergedMs: snap.soak.startedAt } : {}),
        ...(snap.verdict ? { verdictMs: snap.verdict.at } : {}),
      },
      limits: { maxErrors: elb.maxErrors, maxErrorRate: elb.maxErrorRate },
      waitMs: elb.waitMs,
      calls: this.metrics.port.calls,
      unknown: this.metrics.port.unknown,
    });
  }

  private event(deployment: string | undefined, text: string, at = this.timers.now()): void {
    this.events.push({ t: Math.round(at - this.startedAt) / 1000, deployment: deployment ?? null, event: text });
  }

  private regionFor(arn: string): string {
    return this.settings.awsRegion ?? arn.split(':')[3] ?? '';
  }

  private async finish(): Promise<ModeResult> {
    const { settings, host } = this;
    const now = this.timers.now();
    const deployments: DeploymentReport[] = [];
    for (const s of this.sessions) {
      // A gate that never got its verdict (setup failed, or the run was cut short) reports the reason.
      const v = this.verdicts.get(s) ?? s.result;
      if (!v) continue;
      const r = { ...s.report(v, now, this.calls, this.startedAt), elb: this.elbFigures(s, now) };
      deployments.push(r);
      if (r.diagnostics.length > 0) {
        await host.group(`Diagnostics: ${s.name}`, () => {
          for (const line of r.diagnostics) host.info(line);
          return Promise.resolve();
        });
      }
    }
    const durationSeconds = (now - this.startedAt) / 1000;
    const interval = (this.pollIntervalMs ?? settings.pollIntervalMs) / 1000;
    const perMinute = Object.fromEntries(
      [...this.calls].map(([arn, n]) => [arn, Math.round(((n * 60) / Math.max(durationSeconds, interval)) * 10) / 10]),
    );
    // A run-level error: the gate could not run, or was cancelled before every Deployment had a verdict.
    const error =
      this.setupError ??
      (this.cancelled.signal.aborted && (deployments.length < this.sessions.length || this.sessions.length === 0)
        ? `cancelled while ${this.phase}`
        : null);
    const result = worst([...deployments.map((d) => d.result), ...(error ? (['error'] as const) : [])]);
    const probe = this.evidence.find((e) => e.name === 'probe');
    const report: WatchReport = {
      version: 2,
      result,
      exitCode: exitCodeOf(result),
      namespace: settings.namespace,
      startedAt: new Date(this.startedAt).toISOString(),
      durationSeconds,
      deployments,
      events: this.events,
      probe: probe ? (probe.summary() as unknown as WatchReport['probe']) : null,
      elb: {
        attempts: this.elb?.attempts ?? 0,
        pollIntervalSeconds: this.pollIntervalMs === undefined ? null : this.pollIntervalMs / 1000,
        describeTargetHealthCalls: Object.fromEntries(this.calls),
        describeTargetHealthPerMinute: perMinute,
      },
      soakSeconds: this.soakMs === undefined ? null : this.soakMs / 1000,
      cancelled: this.cancelled.signal.aborted,
      error,
    };
    const reportFile = settings.reportFile ?? path.join(host.env.RUNNER_TEMP || os.tmpdir(), 'zd-gate-watch.json');
    try {
      // Error bodies and URLs in the report may quote credentials: every string through the host's redaction.
      const redacted = (_: string, v: unknown): unknown => (typeof v === 'string' ? host.redact(v) : v);
      await this.ports.writeReport(reportFile, `${JSON.stringify(report, redacted, 2)}\n`);
    } catch (e) {
      host.warning(`could not write the report file ${reportFile}: ${(e as Error).message}`);
    }
    for (const [name, value] of Object.entries(outputsFor(report, reportFile))) host.setOutput(name, value);
    await host.appendSummary(summaryMarkdown(report));

    const exitCode = exitCodeOf(result);
    if (error && exitCode === 2) {
      host.error(error, {
        title: this.cancelled.signal.aborted ? 'zd-gate: cancelled' : 'zd-gate: the gate could not run',
      });
      return { exitCode, message: error, shown: true };
    }
    if (exitCode === 0) return { exitCode, message: `${deployments.map((d) => d.name).join(', ')}: passed` };
    const bad = deployments.filter((d) => d.result !== 'success');
    return {
      exitCode,
      message: bad.map((d) => `${d.name} ${d.result} (${d.reason}): ${d.message}`).join('; '),
      shown: true,
    };
  }
}

/** Rejects as soon as `signal` aborts, even when `p` never settles (a port that ignores its signal). */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Resolves when either signal aborts. */
function waitAbort(a: AbortSignal, b: AbortSignal): Promise<void> {
  if (a.aborted || b.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      a.removeEventListener('abort', done);
      b.removeEventListener('abort', done);
      resolve();
    };
    a.addEventListener('abort', done, { once: true });
    b.addEventListener('abort', done, { once: true });
  });
}

export { DEFAULT_PROGRESS_DEADLINE_SECONDS };
