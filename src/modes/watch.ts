/**
 * `watch`: follow one or more Deployments after `kubectl apply` together with the health of the
 * target groups in front of them, decide per Deployment with the pure gate, roll back failed ones
 * when asked, and report (log, annotations, outputs, job summary, report file).
 *
 * Exit codes: 0 every Deployment passed; 1 at least one failed, timed out or was rolled back;
 * 2 the gate could not run (bad input, no cluster access, a missing permission or target group).
 */
import { setMaxListeners } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { discoverTargetGroups, targetGroupName, type BoundTargetGroup } from '../core/gate/discovery.js';
import type { TargetGroupRef, Verdict } from '../core/gate/types.js';
import type { Deployment } from '../core/rollout/types.js';
import type { Host } from '../host.js';
import type { WatchSettings } from '../settings.js';
import { systemTimers, type Timers } from '../adapters/clock.js';
import { CallBudget, DEFAULT_BUDGET, type BudgetOptions } from '../adapters/aws/budget.js';
import { AwsSetupError, createElbClient, ElbTargetHealth, type TargetGroupInfo } from '../adapters/aws/elbv2.js';
import { TargetHealthPoller } from '../adapters/aws/poller.js';
import { connect, type ConnectOptions, type Connection } from '../adapters/kubernetes/connect.js';
import { KubeSetupError } from '../adapters/kubernetes/errors.js';
import { NamespaceView } from '../adapters/kubernetes/views.js';
import { Probe } from '../adapters/probe.js';
import { outputsFor, summaryMarkdown, worst, type DeploymentReport, type WatchReport } from '../report/watch/report.js';
import type { ModeResult } from './result.js';
import { WatchSession, type TargetGroupPlan } from './watch-session.js';

export interface WatchDeps {
  readonly timers?: Timers;
  readonly budget?: BudgetOptions;
  /** For tests: replaces eks:DescribeCluster. */
  readonly describeEksCluster?: ConnectOptions['describeEksCluster'];
}

export async function runWatch(settings: WatchSettings, host: Host, deps: WatchDeps = {}): Promise<ModeResult> {
  return new WatchRun(settings, host, deps).run();
}

/** The gate could not start: the message says what to fix (exit code 2). */
class SetupError extends Error {}

interface CandidateGroup {
  readonly arn: string;
  readonly port: number | string | undefined;
  readonly source: string;
  readonly service: string | undefined;
}

class WatchRun {
  private readonly timers: Timers;
  private readonly budgetOptions: BudgetOptions;
  private readonly startedAt: number;
  private readonly sessions: WatchSession[] = [];
  private readonly verdicts = new Map<WatchSession, Verdict>();
  /** Aborted when the gates are decided (or the job is cancelled): stops polling, probing, ticking. */
  private readonly stopRun = new AbortController();
  private readonly elbByRegion = new Map<string, ElbTargetHealth>();
  private readonly budget: CallBudget;
  private namespaceView: NamespaceView | undefined;
  private poller: TargetHealthPoller | undefined;
  private probe: Probe | undefined;
  private pollIntervalMs: number | undefined;
  private setupError: string | undefined;

  constructor(
    private readonly settings: WatchSettings,
    private readonly host: Host,
    private readonly deps: WatchDeps,
  ) {
    this.timers = deps.timers ?? systemTimers;
    this.budgetOptions = deps.budget ?? DEFAULT_BUDGET;
    this.budget = new CallBudget(this.timers, this.budgetOptions);
    this.startedAt = this.timers.now();
    // One waiter per target group loop, the probe and the clock: more than Node's default of 10.
    setMaxListeners(0, this.stopRun.signal);
  }

  async run(): Promise<ModeResult> {
    const onHostAbort = (): void => {
      for (const s of this.sessions) s.fail('cancelled: the job was cancelled or the process received a signal');
      this.stopRun.abort();
    };
    this.host.signal.addEventListener('abort', onHostAbort, { once: true });
    try {
      const conn = await this.connect();
      await this.startNamespace(conn);
      const deployments = await this.prepareSessions(conn);
      this.begin(await this.targetGroups(deployments));
      await this.watch();
      if (this.settings.rollback && !this.host.signal.aborted) await this.rollBack();
    } catch (e) {
      if (e instanceof SetupError || e instanceof KubeSetupError || e instanceof AwsSetupError)
        this.setupError = e.message;
      else throw e;
    } finally {
      this.stopRun.abort();
      this.host.signal.removeEventListener('abort', onHostAbort);
      for (const s of this.sessions) s.stop();
      this.namespaceView?.stop();
    }
    return this.finish();
  }

  private async connect(): Promise<Connection> {
    const { settings, host } = this;
    const conn = await connect({
      kubeconfig: settings.kubeconfig,
      context: settings.context,
      clusterName: settings.clusterName,
      awsRegion: settings.awsRegion,
      env: host.env,
      clock: this.timers,
      mask: (s) => host.mask(s),
      ...(this.deps.describeEksCluster ? { describeEksCluster: this.deps.describeEksCluster } : {}),
    });
    host.info(
      `zd-gate watch: ${settings.deployments.join(', ')} in namespace ${settings.namespace} via ${conn.describe}`,
    );
    return conn;
  }

  /** Namespace-wide informers (Services, bindings, EndpointSlices, Warning events), shared by the Deployments. */
  private async startNamespace(conn: Connection): Promise<void> {
    const early: string[] = [];
    this.namespaceView = new NamespaceView({
      kc: conn.kc,
      namespace: this.settings.namespace,
      timers: this.timers,
      log: (m) => this.host.debug(m),
      onSetupError: (e) => {
        early.push(e.message);
        for (const s of this.sessions) s.fail(e.message);
      },
    });
    try {
      await this.namespaceView.start();
    } catch (e) {
      // A permission problem says more than "could not list".
      if (early.length === 0) throw e;
    }
    if (early.length > 0) throw new SetupError(early[0]);
  }

  private async prepareSessions(conn: Connection): Promise<Deployment[]> {
    const namespaceView = this.namespaceView as NamespaceView;
    for (const name of this.settings.deployments) {
      this.sessions.push(
        new WatchSession(
          { kc: conn.kc, namespace: this.settings.namespace, host: this.host, timers: this.timers, namespaceView },
          name,
        ),
      );
    }
    return Promise.all(this.sessions.map((s) => s.prepare()));
  }

  /** Target groups per session: given or discovered, typed with DescribeTargetGroups, `ip` only. */
  private async targetGroups(deployments: readonly Deployment[]): Promise<TargetGroupPlan[][]> {
    const candidates = this.sessions.map((s, i) => this.candidates(s.name, deployments[i] as Deployment));
    const arns = [...new Set(candidates.flat().map((c) => c.arn))];
    const infos = new Map<string, TargetGroupInfo>();
    for (const arn of arns) {
      const region = this.regionFor(arn);
      if (!this.elbByRegion.has(region))
        this.elbByRegion.set(region, new ElbTargetHealth(createElbClient({ region, budget: this.budget })));
    }
    for (const [region, elb] of this.elbByRegion) {
      const mine = arns.filter((a) => this.regionFor(a) === region);
      for (const [arn, info] of await elb.describeTargetGroups(mine, this.stopRun.signal)) infos.set(arn, info);
    }
    const missing = arns.filter((a) => !infos.has(a));
    if (missing.length > 0)
      throw new SetupError(
        `target group not found: ${missing.join(', ')} (check \`target-group-arns\` and \`aws-region\`).`,
      );

    if (arns.length > 0) {
      const interval = Math.max(this.settings.pollIntervalMs, (arns.length / this.budgetOptions.ratePerSecond) * 1000);
      if (interval > this.settings.pollIntervalMs) {
        this.host.warning(
          `${arns.length} target groups at poll-interval ${this.settings.pollIntervalMs / 1000}s would exceed the gate's ELB budget; polling each every ${(interval / 1000).toFixed(1)}s instead.`,
        );
      }
      this.pollIntervalMs = interval;
    }
    return this.sessions.map((s, i) => this.plan(s.name, candidates[i] as CandidateGroup[], infos));
  }

  private candidates(name: string, deployment: Deployment): CandidateGroup[] {
    const ns = this.namespaceView as NamespaceView;
    const discovery = discoverTargetGroups(deployment, ns.services.items(), ns.bindings.items());
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
      const info = infos.get(c.arn);
      const type = info?.targetType ?? 'unknown';
      if (type !== 'ip') {
        unusable.push(`${targetGroupName(c.arn)} (target type ${type})`);
        this.host.warning(
          `${name}: target group ${targetGroupName(c.arn)} has target type ${type}: its targets are ${type === 'instance' ? 'nodes, not pods' : 'not pods'}, so it cannot show per-pod health and is not counted.`,
        );
        continue;
      }
      const window =
        info?.healthCheckIntervalSeconds && info.healthyThresholdCount
          ? info.healthCheckIntervalSeconds * info.healthyThresholdCount * 1000
          : undefined;
      const ref: TargetGroupRef = {
        arn: c.arn,
        name: info?.name ?? targetGroupName(c.arn),
        port: c.port,
        source: c.source,
        ...(window !== undefined ? { unhealthyGraceMs: 2 * window } : {}),
      };
      plans.push({ ref, targetType: type, healthCheck: info?.healthCheck, service: c.service });
      this.host.info(
        `${name}: target group ${ref.name} via ${c.source}; health check ${info?.healthCheck ?? 'unknown'}`,
      );
    }
    if (plans.length === 0) {
      const found =
        unusable.length > 0 ? `only ${unusable.join(', ')}` : 'no TargetGroupBinding whose Service selects its pods';
      if (!this.settings.allowRolloutOnly) {
        throw new SetupError(
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
    const staleAfterMs = 3 * (this.pollIntervalMs ?? settings.pollIntervalMs) + 5_000;
    this.sessions.forEach((s, i) => {
      const mine = plans[i] as TargetGroupPlan[];
      s.begin(
        {
          namespace: settings.namespace,
          deployment: s.name,
          minHealthy: settings.minHealthy,
          tolerateMs: settings.tolerateMs,
          deregistrationMs: settings.deregistrationMs,
          timeoutMs: settings.timeoutMs,
          settleTimeoutMs: settings.settleTimeoutMs,
          staleAfterMs,
          targetGroups: mine.map((p) => p.ref),
          ...(settings.probe ? { maxErrorRate: settings.probe.maxErrorRate } : {}),
        },
        mine,
      );
    });
  }

  /** Polls, probes and ticks until every gate has decided. */
  private async watch(): Promise<void> {
    const { sessions, settings, host } = this;
    const signal = this.stopRun.signal;
    const tasks: Promise<void>[] = [];
    const arns = new Set(sessions.flatMap((s) => s.targetArns));
    if (arns.size > 0) {
      const elb = {
        describeTargetHealth: (arn: string, sig?: AbortSignal) =>
          (this.elbByRegion.get(this.regionFor(arn)) as ElbTargetHealth).describeTargetHealth(arn, sig),
      };
      const poller = new TargetHealthPoller(elb, this.budget, this.timers, {
        intervalMs: this.pollIntervalMs ?? settings.pollIntervalMs,
      });
      for (const arn of arns) {
        poller.subscribe(arn, (observation) => {
          for (const s of sessions) if (s.targetArns.includes(arn)) s.feed({ type: 'target-health', arn, observation });
        });
      }
      this.poller = poller;
      tasks.push(poller.run(signal, (e) => sessions.forEach((s) => s.fail(e.message))));
    }
    if (settings.probe) {
      const p = settings.probe;
      this.probe = new Probe({
        url: p.url,
        ratePerSecond: p.ratePerSecond,
        timers: this.timers,
        onResult: (t) => sessions.forEach((s) => s.feed({ type: 'probe', total: t.total, errors: t.errors })),
      });
      host.info(
        `probe: ${p.ratePerSecond} requests/s to ${p.url}, failing above ${(p.maxErrorRate * 100).toFixed(2)}% 5xx or failed`,
      );
      tasks.push(this.probe.run(signal));
    }
    tasks.push(
      (async () => {
        while (!signal.aborted) {
          await this.timers.sleep(1_000, signal);
          for (const s of sessions) s.feed({ type: 'tick' });
        }
      })(),
    );
    await Promise.all(
      sessions.map(async (s) => {
        const v = await s.verdict;
        this.verdicts.set(s, v);
        if (v.result === 'success')
          host.notice(`${s.name}: passed: ${v.message}`, { title: `zd-gate: ${s.name} passed` });
        else
          host.error(`${s.name}: ${v.result} (${v.reason}): ${v.message}`, { title: `zd-gate: ${s.name} ${v.result}` });
      }),
    );
    this.stopRun.abort();
    await Promise.all(tasks);
  }

  /** `kubectl rollout undo` for each Deployment whose gate failed or timed out. */
  private async rollBack(): Promise<void> {
    const failed = this.sessions.filter((s) => this.verdicts.get(s)?.rollbackAdvised);
    await Promise.all(
      failed.map(async (s) => {
        this.host.info(`${s.name}: rolling back (rollback: true)`);
        const outcome = await s.rollback(this.settings.rollbackWait, this.host.signal);
        const say = outcome.status === 'error' ? this.host.error.bind(this.host) : this.host.info.bind(this.host);
        say(`${s.name}: rollback ${outcome.status}: ${outcome.message}`);
      }),
    );
  }

  private regionFor(arn: string): string {
    return this.settings.awsRegion ?? arn.split(':')[3] ?? '';
  }

  private async finish(): Promise<ModeResult> {
    const { settings, host } = this;
    const now = this.timers.now();
    const calls = this.poller?.calls ?? new Map<string, number>();
    const deployments: DeploymentReport[] = [];
    for (const s of this.sessions) {
      const v = this.verdicts.get(s);
      if (!v) continue;
      const r = s.report(v, now, calls);
      deployments.push(r);
      if (r.diagnostics.length > 0) {
        await host.group(`Diagnostics: ${s.name}`, async () => {
          for (const line of r.diagnostics) host.info(line);
        });
      }
    }
    const totals = this.probe?.totals();
    const durationSeconds = (now - this.startedAt) / 1000;
    const interval = (this.pollIntervalMs ?? settings.pollIntervalMs) / 1000;
    const perMinute = Object.fromEntries(
      [...calls].map(([arn, n]) => [arn, Math.round(((n * 60) / Math.max(durationSeconds, interval)) * 10) / 10]),
    );
    const report: WatchReport = {
      version: 1,
      result: this.setupError ? 'failed' : worst(deployments.map((d) => d.result)),
      namespace: settings.namespace,
      startedAt: new Date(this.startedAt).toISOString(),
      durationSeconds,
      deployments,
      probe:
        settings.probe && totals
          ? { url: settings.probe.url, total: totals.total, errors: totals.errors, byKind: totals.byKind }
          : null,
      elb: {
        attempts: this.budget.spent,
        pollIntervalSeconds: this.pollIntervalMs === undefined ? null : this.pollIntervalMs / 1000,
        describeTargetHealthCalls: Object.fromEntries(calls),
        describeTargetHealthPerMinute: perMinute,
      },
      error: this.setupError ?? null,
    };
    const reportFile = settings.reportFile ?? path.join(host.env.RUNNER_TEMP || os.tmpdir(), 'zd-gate-watch.json');
    try {
      await mkdir(path.dirname(reportFile), { recursive: true });
      // Error bodies and URLs in the report may quote credentials: every string through the host's redaction.
      const redacted = (_: string, v: unknown): unknown => (typeof v === 'string' ? host.redact(v) : v);
      await writeFile(reportFile, `${JSON.stringify(report, redacted, 2)}\n`);
    } catch (e) {
      host.warning(`could not write the report file ${reportFile}: ${(e as Error).message}`);
    }
    for (const [name, value] of Object.entries(outputsFor(report, reportFile))) host.setOutput(name, value);
    await host.appendSummary(summaryMarkdown(report));

    if (this.setupError) {
      host.error(this.setupError, { title: 'zd-gate: the gate could not run' });
      return { exitCode: 2, message: this.setupError, shown: true };
    }
    const bad = deployments.filter((d) => d.result !== 'success');
    if (bad.length === 0) return { exitCode: 0, message: `${deployments.map((d) => d.name).join(', ')}: passed` };
    // Only gates that could not decide (errors) → 2; any real failure → 1.
    const errors = [...this.verdicts.values()].filter((v) => v.result === 'error').length;
    return {
      exitCode: errors === bad.length ? 2 : 1,
      message: bad.map((d) => `${d.name} ${d.result}: ${d.message}`).join('; '),
      shown: true,
    };
  }
}
