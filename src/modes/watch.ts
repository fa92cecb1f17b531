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
import type { GateConfig, TargetGroupRef, Verdict } from '../core/gate/types.js';
import type { Host } from '../host.js';
import type { WatchSettings } from '../settings.js';
import { systemTimers, type Timers } from '../adapters/clock.js';
import { CallBudget, DEFAULT_BUDGET, type BudgetOptions } from '../adapters/aws/budget.js';
import { AwsSetupError, createElbClient, ElbTargetHealth, type TargetGroupInfo } from '../adapters/aws/elbv2.js';
import { TargetHealthPoller } from '../adapters/aws/poller.js';
import { connect, type ConnectOptions } from '../adapters/kubernetes/connect.js';
import { KubeSetupError } from '../adapters/kubernetes/errors.js';
import { NamespaceView } from '../adapters/kubernetes/views.js';
import { Probe, type ProbeTotals } from '../adapters/probe.js';
import { outputsFor, summaryMarkdown, worst, type DeploymentReport, type WatchReport } from '../report/watch/report.js';
import type { ModeResult } from './result.js';
import { WatchSession, type TargetGroupPlan } from './watch-session.js';

export interface WatchDeps {
  readonly timers?: Timers;
  readonly budget?: BudgetOptions;
  /** For tests: replaces eks:DescribeCluster. */
  readonly describeEksCluster?: ConnectOptions['describeEksCluster'];
}

class SetupError extends Error {}

export async function runWatch(settings: WatchSettings, host: Host, deps: WatchDeps = {}): Promise<ModeResult> {
  const timers = deps.timers ?? systemTimers;
  const startedAt = timers.now();
  const sessions: WatchSession[] = [];
  const stopRun = new AbortController();
  // One waiter per target group loop, the probe and the clock: more than Node's default of 10.
  setMaxListeners(0, stopRun.signal);
  const onHostAbort = (): void => {
    for (const s of sessions) s.fail('cancelled: the job was cancelled or the process received a signal');
    stopRun.abort();
  };
  host.signal.addEventListener('abort', onHostAbort, { once: true });

  let namespaceView: NamespaceView | undefined;
  let poller: TargetHealthPoller | undefined;
  let budget: CallBudget | undefined;
  let probe: Probe | undefined;
  let setupError: string | undefined;
  let pollIntervalMs: number | undefined;
  const verdicts = new Map<WatchSession, Verdict>();

  try {
    const conn = await connect({
      kubeconfig: settings.kubeconfig,
      context: settings.context,
      clusterName: settings.clusterName,
      awsRegion: settings.awsRegion,
      env: host.env,
      clock: timers,
      mask: (s) => host.mask(s),
      ...(deps.describeEksCluster ? { describeEksCluster: deps.describeEksCluster } : {}),
    });
    host.info(`zd-gate watch: ${settings.deployments.join(', ')} in namespace ${settings.namespace} via ${conn.describe}`);

    // Namespace-wide informers, shared by the Deployments.
    let begun = false;
    const nsErrors: string[] = [];
    namespaceView = new NamespaceView({
      kc: conn.kc,
      namespace: settings.namespace,
      timers,
      log: (m) => host.debug(m),
      onSetupError: (e) => {
        if (begun) for (const s of sessions) s.fail(e.message);
        else nsErrors.push(e.message);
      },
    });
    try {
      await namespaceView.start();
    } catch (e) {
      // A permission problem says more than "could not list".
      if (nsErrors.length === 0) throw e;
    }
    if (nsErrors.length > 0) throw new SetupError(nsErrors[0]);

    for (const name of settings.deployments) sessions.push(new WatchSession({ kc: conn.kc, namespace: settings.namespace, host, timers, namespaceView }, name));
    const deployments = await Promise.all(sessions.map((s) => s.prepare()));

    // Target groups: given, or discovered through TargetGroupBindings.
    const candidates = sessions.map((s, i) => candidateTargetGroups(settings, namespaceView as NamespaceView, deployments[i] as Parameters<typeof discoverTargetGroups>[0], host, s.name));
    const allArns = [...new Set(candidates.flat().map((c) => c.arn))];
    let infos = new Map<string, TargetGroupInfo>();
    const elbByRegion = new Map<string, ElbTargetHealth>();
    budget = new CallBudget(timers, deps.budget ?? DEFAULT_BUDGET);
    if (allArns.length > 0) {
      for (const arn of allArns) {
        const region = settings.awsRegion ?? regionOf(arn);
        if (!elbByRegion.has(region)) elbByRegion.set(region, new ElbTargetHealth(createElbClient({ region, budget })));
      }
      for (const [region, elb] of elbByRegion) {
        const arns = allArns.filter((a) => (settings.awsRegion ?? regionOf(a)) === region);
        infos = new Map([...infos, ...(await elb.describeTargetGroups(arns, stopRun.signal))]);
      }
      const missing = allArns.filter((a) => !infos.has(a));
      if (missing.length > 0) throw new SetupError(`target group not found: ${missing.join(', ')} (check \`target-group-arns\` and \`aws-region\`).`);
    }

    const effectiveIntervalMs = Math.max(settings.pollIntervalMs, (allArns.length / (deps.budget ?? DEFAULT_BUDGET).ratePerSecond) * 1000);
    if (effectiveIntervalMs > settings.pollIntervalMs) {
      host.warning(`${allArns.length} target groups at poll-interval ${settings.pollIntervalMs / 1000}s would exceed the gate's ELB budget; polling each every ${(effectiveIntervalMs / 1000).toFixed(1)}s instead.`);
    }
    if (allArns.length > 0) pollIntervalMs = effectiveIntervalMs;
    const plans = sessions.map((s, i) => planTargetGroups(s.name, candidates[i] as CandidateGroup[], infos, settings, host));

    // Gates, poller, probe, clock.
    sessions.forEach((s, i) => {
      const config: GateConfig = {
        namespace: settings.namespace,
        deployment: s.name,
        minHealthy: settings.minHealthy,
        tolerateMs: settings.tolerateMs,
        timeoutMs: settings.timeoutMs,
        settleTimeoutMs: settings.settleTimeoutMs,
        staleAfterMs: 3 * effectiveIntervalMs + 5_000,
        targetGroups: (plans[i] as TargetGroupPlan[]).map((p) => p.ref),
        ...(settings.probe ? { maxErrorRate: settings.probe.maxErrorRate } : {}),
      };
      s.begin(config, plans[i] as TargetGroupPlan[]);
    });
    begun = true;

    const tasks: Promise<void>[] = [];
    if (allArns.length > 0) {
      const facade = {
        describeTargetHealth: (arn: string, signal?: AbortSignal) => (elbByRegion.get(settings.awsRegion ?? regionOf(arn)) as ElbTargetHealth).describeTargetHealth(arn, signal),
      };
      poller = new TargetHealthPoller(facade, budget, timers, { intervalMs: effectiveIntervalMs });
      const used = new Set(sessions.flatMap((s) => s.targetArns));
      for (const arn of used) {
        poller.subscribe(arn, (observation) => {
          for (const s of sessions) if (s.targetArns.includes(arn)) s.feed({ type: 'target-health', arn, observation });
        });
      }
      tasks.push(poller.run(stopRun.signal, (e) => sessions.forEach((s) => s.fail(e.message))));
    }
    if (settings.probe) {
      const p = settings.probe;
      probe = new Probe({
        url: p.url,
        ratePerSecond: p.ratePerSecond,
        timers,
        onResult: (t: ProbeTotals) => sessions.forEach((s) => s.feed({ type: 'probe', total: t.total, errors: t.errors })),
      });
      host.info(`probe: ${p.ratePerSecond} requests/s to ${p.url}, failing above ${(p.maxErrorRate * 100).toFixed(2)}% 5xx or failed`);
      tasks.push(probe.run(stopRun.signal));
    }
    tasks.push(
      (async () => {
        while (!stopRun.signal.aborted) {
          await timers.sleep(1_000, stopRun.signal);
          for (const s of sessions) s.feed({ type: 'tick' });
        }
      })(),
    );

    await Promise.all(
      sessions.map(async (s) => {
        const v = await s.verdict;
        verdicts.set(s, v);
        announce(host, s.name, v);
      }),
    );
    stopRun.abort();
    await Promise.all(tasks);

    if (settings.rollback && !host.signal.aborted) {
      await Promise.all(
        sessions
          .filter((s) => verdicts.get(s)?.rollbackAdvised)
          .map(async (s) => {
            host.info(`${s.name}: rolling back (rollback: true)`);
            const outcome = await s.rollback(settings.rollbackWait, host.signal);
            (outcome.status === 'error' ? host.error.bind(host) : host.info.bind(host))(`${s.name}: rollback ${outcome.status}: ${outcome.message}`);
          }),
      );
    }
  } catch (e) {
    if (e instanceof SetupError || e instanceof KubeSetupError || e instanceof AwsSetupError) setupError = e.message;
    else throw e;
  } finally {
    stopRun.abort();
    host.signal.removeEventListener('abort', onHostAbort);
    for (const s of sessions) s.stop();
    namespaceView?.stop();
  }

  return finish(settings, host, timers, startedAt, sessions, verdicts, setupError, poller, budget, probe, pollIntervalMs);
}

interface CandidateGroup {
  readonly arn: string;
  readonly port: number | string | undefined;
  readonly source: string;
  readonly service: string | undefined;
}

function candidateTargetGroups(settings: WatchSettings, ns: NamespaceView, deployment: Parameters<typeof discoverTargetGroups>[0], host: Host, name: string): CandidateGroup[] {
  const discovery = discoverTargetGroups(deployment, ns.services.items(), ns.bindings.items());
  for (const note of discovery.notes) host.warning(`${name}: ${note}`);
  const fromBinding = (b: BoundTargetGroup): CandidateGroup => ({
    arn: b.arn,
    port: b.targetPort,
    source: `TargetGroupBinding ${b.binding} → Service ${b.service}:${b.servicePort}`,
    service: b.service,
  });
  if (settings.targetGroupArns.length > 0) {
    return settings.targetGroupArns.map((arn) => {
      const bound = discovery.bound.find((b) => b.arn === arn);
      return bound ? { ...fromBinding(bound), source: `target-group-arns (${fromBinding(bound).source})` } : { arn, port: undefined, source: 'target-group-arns (no TargetGroupBinding: targets matched by pod IP, any port)', service: undefined };
    });
  }
  return discovery.bound.map(fromBinding);
}

function planTargetGroups(name: string, candidates: readonly CandidateGroup[], infos: ReadonlyMap<string, TargetGroupInfo>, settings: WatchSettings, host: Host): TargetGroupPlan[] {
  const plans: TargetGroupPlan[] = [];
  const unusable: string[] = [];
  for (const c of candidates) {
    const info = infos.get(c.arn);
    const type = info?.targetType ?? 'unknown';
    if (type !== 'ip') {
      unusable.push(`${targetGroupName(c.arn)} (target type ${type})`);
      host.warning(
        `${name}: target group ${targetGroupName(c.arn)} has target type ${type}: its targets are ${type === 'instance' ? 'nodes, not pods' : 'not pods'}, so it cannot show per-pod health and is not counted.`,
      );
      continue;
    }
    const ref: TargetGroupRef = { arn: c.arn, name: info?.name ?? targetGroupName(c.arn), port: c.port, source: c.source };
    plans.push({ ref, targetType: type, healthCheck: info?.healthCheck, service: c.service });
    host.info(`${name}: target group ${ref.name} via ${c.source}; health check ${info?.healthCheck ?? 'unknown'}`);
  }
  if (plans.length === 0) {
    const found = unusable.length > 0 ? `only ${unusable.join(', ')}` : 'no TargetGroupBinding whose Service selects its pods';
    if (!settings.allowRolloutOnly) {
      throw new SetupError(
        `deployment ${name}: no target group with per-pod (ip) targets (${found}). Pass \`target-group-arns\`, or set \`allow-rollout-only: true\` to gate on rollout status alone.`,
      );
    }
    host.warning(`deployment ${name}: no target group with per-pod (ip) targets (${found}); gating on rollout status alone (allow-rollout-only).`);
  }
  return plans;
}

function regionOf(arn: string): string {
  return arn.split(':')[3] ?? '';
}

function announce(host: Host, name: string, v: Verdict): void {
  if (v.result === 'success') host.notice(`${name}: passed: ${v.message}`, { title: `zd-gate: ${name} passed` });
  else host.error(`${name}: ${v.result} (${v.reason}): ${v.message}`, { title: `zd-gate: ${name} ${v.result}` });
}

async function finish(
  settings: WatchSettings,
  host: Host,
  timers: Timers,
  startedAt: number,
  sessions: readonly WatchSession[],
  verdicts: ReadonlyMap<WatchSession, Verdict>,
  setupError: string | undefined,
  poller: TargetHealthPoller | undefined,
  budget: CallBudget | undefined,
  probe: Probe | undefined,
  pollIntervalMs: number | undefined,
): Promise<ModeResult> {
  const now = timers.now();
  const durationSeconds = (now - startedAt) / 1000;
  const calls = poller?.calls ?? new Map<string, number>();
  const deployments: DeploymentReport[] = [];
  for (const s of sessions) {
    const v = verdicts.get(s);
    if (!v) continue;
    const r = s.report(v, now, calls);
    deployments.push(r);
    if (r.diagnostics.length > 0) {
      await host.group(`Diagnostics: ${s.name}`, async () => {
        for (const line of r.diagnostics) host.info(line);
      });
    }
  }
  const totals = probe?.totals();
  const report: WatchReport = {
    version: 1,
    result: setupError ? 'failed' : worst(deployments.map((d) => d.result)),
    namespace: settings.namespace,
    startedAt: new Date(startedAt).toISOString(),
    durationSeconds,
    deployments,
    probe: settings.probe && totals ? { url: settings.probe.url, total: totals.total, errors: totals.errors, byKind: totals.byKind } : null,
    elb: { attempts: budget?.spent ?? 0, pollIntervalSeconds: pollIntervalMs === undefined ? null : pollIntervalMs / 1000, describeTargetHealthCalls: Object.fromEntries(calls) },
    error: setupError ?? null,
  };
  const reportFile = settings.reportFile ?? path.join(host.env.RUNNER_TEMP || os.tmpdir(), 'zd-gate-watch.json');
  try {
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  } catch (e) {
    host.warning(`could not write the report file ${reportFile}: ${(e as Error).message}`);
  }
  for (const [name, value] of Object.entries(outputsFor(report, reportFile))) host.setOutput(name, value);
  await host.appendSummary(summaryMarkdown(report));

  if (setupError) {
    host.error(setupError, { title: 'zd-gate: the gate could not run' });
    return { exitCode: 2, message: setupError };
  }
  const bad = deployments.filter((d) => d.result !== 'success');
  const errored = [...verdicts.values()].filter((v) => v.result === 'error');
  if (bad.length === 0) return { exitCode: 0, message: `${deployments.map((d) => d.name).join(', ')}: passed` };
  const onlyErrors = errored.length === bad.length;
  const first = bad[0] as DeploymentReport;
  return { exitCode: onlyErrors ? 2 : 1, message: bad.map((d) => `${d.name} ${d.result}: ${d.message}`).join('; ') || first.message };
}
