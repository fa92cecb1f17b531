/**
 * Watch-mode benchmark (`node bench/run.mjs watch`). Measures, without timing assertions:
 *
 * 1. ELB DescribeTargetHealth calls per minute per target group, in simulated time, through the
 *    real poller, call budget and SDK client (transport mocked), for 1–20 target groups, and under
 *    a permanent throttling storm.
 * 2. Detection latency, in simulated time: from the moment the true healthy count of a target group
 *    drops below the threshold to the failing verdict, for the seeds' failure modes, at poll
 *    intervals of 2 s and 5 s and every poll phase (0.5 s steps).
 * 3. CPU and memory of the watcher (runWatch with the real client-node and AWS SDK adapters) over a
 *    1,000-replica rolling update replayed by a loopback Kubernetes API and ELBv2 endpoint running in
 *    a child process, 4× faster than real time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2ServiceException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { CallBudget, DEFAULT_BUDGET } from '../src/adapters/aws/budget.js';
import { createElbClient, ElbTargetHealth } from '../src/adapters/aws/elbv2.js';
import { TargetHealthPoller } from '../src/adapters/aws/poller.js';
import { podInfo, isServing } from '../src/core/gate/pods.js';
import { pollInterval } from '../src/core/gate/policy.js';
import type { Host } from '../src/host.js';
import { runWatch } from '../src/modes/watch.js';
import type { WatchSettings } from '../src/settings.js';
import { runScenario, WatchRig } from '../__tests__/helpers/gate-harness.js';
import { ManualTimers } from '../__tests__/helpers/manual-timers.js';
import { RolloutSim, tgArn, type SimOptions } from '../__tests__/helpers/rollout-sim.js';

export async function main(): Promise<void> {
  const only = process.env.ZD_BENCH_ONLY;
  if (only === 'bundle') return bundleReplay();
  const elb = await elbCallsPerMinute();
  console.log('\n## ELB calls per target group (simulated, 10 minutes, budget 1 call/s, burst 3)\n');
  console.log('| target groups | poll-interval | DescribeTargetHealth per minute per group | all groups, calls/s |');
  console.log('|---:|---:|---:|---:|');
  for (const r of elb)
    console.log(`| ${r.groups} | ${r.label} | ${r.perMinutePerGroup.toFixed(1)} | ${r.perSecondTotal.toFixed(2)} |`);

  const latency = detectionLatency();
  console.log(
    '\n## Detection latency: true state goes bad (count below threshold, or a pod gone while routed) → failing verdict (simulated, tolerate-seconds 0)\n',
  );
  console.log('| scenario | poll-interval | runs | min | median | max |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of latency)
    console.log(`| ${r.scenario} | ${r.interval / 1000}s | ${r.runs} | ${s(r.min)} | ${s(r.median)} | ${s(r.max)} |`);

  const rollback = await rollbackLatency();
  console.log(
    '\n## Rollback latency with several Deployments (simulated, the whole watch mode on fake ports: WatchRig)\n',
  );
  console.log(
    "| Deployments (one failing at once, the others healthy and slow) | poll-interval | failing one: verdict | rollback started | PATCH answered | the others' verdicts |",
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rollback)
    console.log(
      `| ${r.deployments} | ${r.interval / 1000}s | ${r.verdict.toFixed(1)}s | +${(r.started - r.verdict).toFixed(1)}s | +${(r.patched - r.verdict).toFixed(1)}s | ${r.others.map((o) => `${o.toFixed(1)}s`).join(', ')} |`,
    );

  if (only === 'simulated') return;
  const replay = await replayThroughAdapters(1000, 4);
  console.log(
    '\n## 1,000-replica rollout replayed through the adapters, watcher in this process (deltas exclude the Vite module runner)\n',
  );
  console.log('| measure | value |');
  console.log('|---|---:|');
  for (const [k, v] of Object.entries(replay)) console.log(`| ${k} | ${v} |`);
  await bundleReplay();
}

async function bundleReplay(): Promise<void> {
  const bundle = process.env.ZD_BENCH_BUNDLE ?? 'dist/index.js';
  if (existsSync(bundle) && existsSync('/proc/self/stat')) {
    const cli = await replayThroughBundle(bundle, 1000, 4);
    console.log(`\n## The same rollout watched by the bundled CLI (\`node ${bundle} watch\`, its own process)\n`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    for (const [k, v] of Object.entries(cli)) console.log(`| ${k} | ${v} |`);
  } else {
    console.log(`\n(no ${bundle}: run \`npm run package\` or set ZD_BENCH_BUNDLE to also measure the bundled CLI)`);
  }
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

// ---- Rollback latency ------------------------------------------------------------------------------

/**
 * One Deployment fails at once (no readiness gate, old pods gone before their targets), the others
 * are healthy and slow (readiness gates, 30 s to healthy); rollback on. Times in seconds since the
 * start of the run, from the report: the failing one's verdict, its rollback start and PATCH, and
 * the healthy ones' verdicts (all later: nothing waited for them).
 */
async function rollbackLatency(): Promise<
  { deployments: number; interval: number; verdict: number; started: number; patched: number; others: number[] }[]
> {
  const out = [];
  for (const [n, interval] of [
    [2, 5_000],
    [3, 5_000],
    [3, 2_000],
  ] as const) {
    const sims = Array.from({ length: n }, (_, i) => {
      const name = i === 0 ? 'api' : `web${i}`;
      const arn = tgArn(`k8s-demo-${name}-610dd2305f`);
      return new RolloutSim(
        i === 0
          ? options({ name, subnet: i + 1, terminationMs: 200 }, { arn })
          : options({ name, subnet: i + 1, terminationMs: 20_000 }, { arn, gated: true }),
      );
    });
    const rig = new WatchRig({ sims });
    const r = await rig.run({ deployments: sims.map((x) => x.name), rollback: true, pollIntervalMs: interval });
    const failing = r.report?.deployments.find((d) => d.name === 'api');
    const rb = failing?.rollback;
    out.push({
      deployments: n,
      interval,
      verdict: failing?.verdictSeconds ?? NaN,
      started: rb?.startedSeconds ?? NaN,
      patched: rb?.patchedSeconds ?? NaN,
      others: (r.report?.deployments ?? []).filter((d) => d.name !== 'api').map((d) => d.verdictSeconds),
    });
  }
  return out;
}

// ---- 1. ELB calls --------------------------------------------------------------------------------

async function elbCallsPerMinute(): Promise<
  { groups: number; label: string; perMinutePerGroup: number; perSecondTotal: number }[]
> {
  const out = [];
  const cases: [number, number, boolean][] = [
    [1, 5_000, false],
    [2, 5_000, false],
    [5, 5_000, false],
    [10, 5_000, false],
    [20, 5_000, false],
    [1, 2_000, false],
    [5, 2_000, false],
    [1, 5_000, true],
  ];
  for (const [groups, interval, throttled] of cases) {
    const timers = new ManualTimers();
    const budget = new CallBudget(timers, DEFAULT_BUDGET);
    const client = createElbClient({ region: 'eu-west-1', budget });
    const mock = mockClient(client);
    if (throttled)
      mock.on(DescribeTargetHealthCommand).rejects(
        new ElasticLoadBalancingV2ServiceException({
          name: 'Throttling',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
          message: 'Rate exceeded',
        }),
      );
    else mock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
    const elb = new ElbTargetHealth(client);
    // The mock bypasses the HTTP middleware, so the budget is drawn here, once per call.
    const counting = {
      describeTargetHealth: (arn: string, signal?: AbortSignal) => (
        budget.spend(),
        elb.describeTargetHealth(arn, signal)
      ),
      budgetWaitMs: () => budget.waitMs(),
    };
    const effective = pollInterval(interval, groups, DEFAULT_BUDGET.ratePerSecond);
    const poller = new TargetHealthPoller(counting, timers, { intervalMs: effective });
    for (let i = 0; i < groups; i++) poller.subscribe(tgArn(`tg-${i}`), () => undefined);
    const stop = new AbortController();
    setMaxListeners(0, stop.signal);
    const done = poller.run(stop.signal, () => undefined);
    await timers.advance(600_000, 100);
    stop.abort();
    await done;
    const total = [...poller.calls.values()].reduce((a, b) => a + b, 0);
    out.push({
      groups,
      label: `${interval / 1000}s${throttled ? ' (throttled throughout)' : ''}`,
      perMinutePerGroup: total / groups / 10,
      perSecondTotal: total / 600,
    });
  }
  return out;
}

// ---- 2. Detection latency ------------------------------------------------------------------------

const TG = tgArn('k8s-demongin-serviced-610dd2305f');
function options(over: Partial<SimOptions> = {}, tg: Partial<SimOptions['targetGroups'][number]> = {}): SimOptions {
  return {
    replicas: 10,
    maxSurge: '25%',
    maxUnavailable: '25%',
    progressDeadlineSeconds: 600,
    containersReadyMs: 3_000,
    terminationMs: 1_000,
    newReleaseHealthy: true,
    targetGroups: [
      {
        arn: TG,
        registerMs: 2_000,
        healthyMs: 30_000,
        unhealthyMs: 30_000,
        deregisterMs: 1_500,
        drainMs: 300_000,
        gated: false,
        ...tg,
      },
    ],
    ...over,
  };
}

type Crossing = (sim: RolloutSim) => boolean;

/** Ground truth with perfect knowledge: fewer than 8 healthy targets of pods that exist and serve. */
const belowThreshold: Crossing = (sim) => {
  const serving = new Set(
    sim
      .pods_()
      .map(podInfo)
      .filter(isServing)
      .map((p) => p.ip),
  );
  return sim.targetHealth(TG).filter((t) => t.state === 'healthy' && serving.has(t.id)).length < 8;
};

/**
 * Ground truth: a pod is gone while the load balancer still has its target in service (the gate
 * judges every such pod, also those deleted before its first list, once an answer shows the target
 * still healthy after the pod stopped).
 */
const goneWhileRouted: Crossing = (sim) => {
  const live = new Set(
    sim
      .pods_()
      .map(podInfo)
      .map((p) => p.ip),
  );
  // The model keeps a deregistered target `healthy` for its deregistration delay: the routing window.
  return sim.targetHealth(TG).some((t) => t.state === 'healthy' && !live.has(t.id));
};

function detectionLatency(): {
  scenario: string;
  interval: number;
  runs: number;
  min: number;
  median: number;
  max: number;
}[] {
  // Pods keep serving 20 s after deletion (a preStop sleep longer than deregistration), except in
  // the scenario about pods that do not.
  const scenarios: [string, () => SimOptions, Crossing, ((now: number, sim: RolloutSim) => void) | undefined][] = [
    [
      'seeds: pods Ready before targets healthy (no readiness gate)',
      () => options({ terminationMs: 20_000 }),
      belowThreshold,
      undefined,
    ],
    [
      'release fails the ALB health check (ResponseCodeMismatch)',
      () => options({ newReleaseHealthy: false, terminationMs: 20_000 }),
      belowThreshold,
      undefined,
    ],
    [
      'old pods die before deregistration (gone 0.2 s after deletion)',
      () => options({ terminationMs: 200 }, { deregisterMs: 10_000, gated: true }),
      goneWhileRouted,
      undefined,
    ],
    [
      'load balancer hiccup mid-rollout (readiness gates)',
      () => options({ terminationMs: 20_000 }, { gated: true }),
      belowThreshold,
      (now, sim) => now === 20_000 && sim.flap(TG, 3, 'unhealthy', 'Target.Timeout', 30_000),
    ],
  ];
  const out = [];
  for (const [name, make, crossed, script] of scenarios) {
    for (const interval of [2_000, 5_000]) {
      const latencies: number[] = [];
      for (let phase = 0; phase < interval; phase += 500) {
        let crossedAt: number | undefined;
        const r = runScenario({
          sim: new RolloutSim(make()),
          maxMs: 900_000,
          pollIntervalMs: interval,
          pollPhaseMs: phase,
          ...(script ? { script } : {}),
          observe: (now, sim) => {
            if (crossedAt === undefined && crossed(sim)) crossedAt = now;
          },
        });
        if (r.verdict?.result === 'failed' && crossedAt !== undefined) latencies.push(r.verdict.at - crossedAt);
      }
      latencies.sort((a, b) => a - b);
      out.push({
        scenario: name,
        interval,
        runs: latencies.length,
        min: latencies[0] ?? NaN,
        median: latencies[Math.floor(latencies.length / 2)] ?? NaN,
        max: latencies[latencies.length - 1] ?? NaN,
      });
    }
  }
  return out;
}

// ---- 3. 1,000 replicas through the adapters -----------------------------------------------------

interface Replay {
  readonly first: { kubeconfig: string; elbUrl: string; arn: string };
  go(): void;
  /** Stops the replay and returns its request counts. */
  stop(): Promise<Record<string, number>>;
}

async function startReplay(replicas: number, speed: number): Promise<Replay> {
  const child = spawn(
    process.execPath,
    ['bench/run.mjs', '--child', 'bench/replay.ts', String(replicas), String(speed)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = JSON.parse(String((await lines.next()).value)) as Replay['first'];
  return {
    first,
    go: () => void child.stdin.write('go\n'),
    stop: async () => {
      child.stdin.write('stop\n');
      return JSON.parse(String((await lines.next()).value)) as Record<string, number>;
    },
  };
}

async function replayThroughAdapters(replicas: number, speed: number): Promise<Record<string, string>> {
  const replay = await startReplay(replicas, speed);
  const first = replay.first;

  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: first.elbUrl,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'eu-west-1',
  });
  let logLines = 0;
  const host: Host = {
    kind: 'cli',
    env: process.env,
    info: () => void logLines++,
    warning: () => void logLines++,
    error: () => void logLines++,
    notice: () => void logLines++,
    debug: () => undefined,
    group: async (_t, fn) => fn(),
    setOutput: () => undefined,
    appendSummary: async () => undefined,
    mask: () => undefined,
    redact: (text) => text,
    redactMarkdown: (markdown) => markdown,
    signal: new AbortController().signal,
  };
  const settings: WatchSettings = {
    mode: 'watch',
    namespace: 'demo',
    deployments: ['web'],
    kubeconfig: { kind: 'inline', content: first.kubeconfig },
    context: undefined,
    clusterName: undefined,
    awsRegion: 'eu-west-1',
    targetGroupArns: [],
    minHealthy: undefined,
    tolerateMs: 0,
    // The replay runs `speed` times faster than real time: so does the load balancer's deregistration.
    deregistrationMs: Math.round(15_000 / speed),
    pollIntervalMs: 2_000,
    timeoutMs: 15 * 60_000,
    settleTimeoutMs: 5 * 60_000,
    // The replay ends with the rollout: no soak, so the figures compare with earlier runs.
    soakMs: 0,
    rollback: false,
    rollbackWait: false,
    allowRolloutOnly: false,
    probe: undefined,
    reportFile: `${process.env.TMPDIR ?? '/tmp'}/zd-gate-bench-report.json`,
  };

  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 200);
  const cpu0 = process.cpuUsage();
  const t0 = Date.now();
  replay.go();
  const result = await runWatch(settings, host);
  const wall = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const stats = await replay.stop();
  process.env = saved;
  const mib = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    'verdict (exit code)': String(result.exitCode),
    'wall time (real) / rollout replayed (simulated)': `${(wall / 1000).toFixed(1)}s / ${stats.simulatedSeconds?.toFixed(0)}s`,
    'CPU time of the watcher': `${(cpuMs / 1000).toFixed(2)}s (${((cpuMs / wall) * 100).toFixed(1)}% of one core)`,
    'RSS growth while watching (peak − start)': `${mib(peakRss - base.rss)} (${mib(base.rss)} → ${mib(peakRss)})`,
    'heap growth while watching (peak − start)': `${mib(peakHeap - base.heapUsed)} (${mib(base.heapUsed)} → ${mib(peakHeap)})`,
    'Kubernetes lists / watch connections / patches': `${stats.lists} / ${stats.watches} / ${stats.patches}`,
    'DescribeTargetGroups / DescribeTargetHealth calls': `${stats.describeTargetGroups} / ${stats.describeTargetHealth}`,
    'log lines': String(logLines),
  };
}

/** Runs the bundled CLI against a replay and reads its CPU and peak RSS from /proc. */
async function replayThroughBundle(bundle: string, replicas: number, speed: number): Promise<Record<string, string>> {
  const replay = await startReplay(replicas, speed);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zd-bench-'));
  writeFileSync(path.join(dir, 'kubeconfig'), replay.first.kubeconfig);
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: replay.first.elbUrl,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'eu-west-1',
    // Node flags for the measured process only (e.g. `--max-semi-space-size=4`), to compare footprints.
    ...(process.env.ZD_BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.ZD_BENCH_NODE_OPTIONS } : {}),
  };
  const ticks = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;
  const watcher = spawn(
    process.execPath,
    [
      bundle,
      'watch',
      '--deployments',
      'web',
      '--namespace',
      'demo',
      '--poll-interval',
      '2s',
      '--deregistration-seconds',
      String(Math.floor(15 / speed)),
      '--soak-seconds',
      '0',
      '--report-file',
      path.join(dir, 'report.json'),
    ],
    { env, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  let peakKb = 0;
  let cpuTicks = 0;
  let startKb = 0;
  const sample = (): void => {
    try {
      const status = readFileSync(`/proc/${watcher.pid}/status`, 'utf8');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, hwm);
      if (startKb === 0) startKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const fields = readFileSync(`/proc/${watcher.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpuTicks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime
    } catch {
      // the process has exited
    }
  };
  const sampler = setInterval(sample, 100);
  const t0 = Date.now();
  replay.go();
  const code = await new Promise<number | null>((resolve) => watcher.on('exit', resolve));
  const wall = Date.now() - t0;
  clearInterval(sampler);
  const stats = await replay.stop();
  const cpuS = cpuTicks / ticks;
  return {
    'exit code': String(code),
    'wall time (real) / rollout replayed (simulated)': `${(wall / 1000).toFixed(1)}s / ${stats.simulatedSeconds?.toFixed(0)}s`,
    'CPU time (last sample before exit)': `${cpuS.toFixed(2)}s (${(((cpuS * 1000) / wall) * 100).toFixed(1)}% of one core)`,
    'peak RSS (VmHWM)': `${(peakKb / 1024).toFixed(0)} MiB`,
    'Kubernetes lists / watch connections': `${stats.lists} / ${stats.watches}`,
    'DescribeTargetGroups / DescribeTargetHealth calls': `${stats.describeTargetGroups} / ${stats.describeTargetHealth}`,
  };
}
