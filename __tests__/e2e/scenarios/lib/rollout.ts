/**
 * One measured rollout: constant traffic through the simulated load balancer, the independent
 * observer armed, the rollout triggered (`kubectl set image`, or a patch), the gate run right
 * after (as `kubectl apply` → gate in a deploy job), and the figures collected.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { kubectl } from '../../helpers/kubectl.js';
import type { Attack, TrafficReport } from '../../sim/index.js';
import { failed, log, window } from './figures.js';
import { expectGateAgrees } from './gate-agreement.js';
import type { RolloutObserver } from './observe.js';
import { type GateRun, type RunOptions, runWatchAction, runWatchCli, type WatchInputs } from './product.js';
import type { Stage } from './stage.js';

export interface RolloutOptions {
  /** The new image of the Deployment's container. */
  image: string;
  /** Extra strategic-merge patch of the Deployment applied together with the image. */
  patch?: Record<string, unknown>;
  entry: 'cli' | 'action';
  inputs: WatchInputs;
  run?: RunOptions;
  /** Requests per second of the traffic model (default 100, the seeds' vegeta rate). */
  rate?: number;
  /** Keep the traffic going this long after the gate exits (default 0). */
  trafficAfterMs?: number;
  /** Runs while the gate runs (e.g. restart the API server), after it has started. */
  during?: (ctx: { startedAt: number; observer: RolloutObserver; gateExited: AbortSignal }) => Promise<void>;
}

export interface RolloutResult {
  run: GateRun;
  observer: RolloutObserver;
  attack: Attack;
  changedAt: number;
  gateEndedAt: number;
  /** Traffic from the change to the end of the measurement. */
  traffic: TrafficReport;
  /** Arrival of the gate's "<deployment>: passed" line, if any. */
  passedLineAt: number | undefined;
  /** Arrival of the gate's first line saying the deployment failed / timed out, if any. */
  failedLineAt: number | undefined;
}

/** Starts the rollout and the gate; the caller stops `observer` and `attack` (use `finally`). */
export async function rolloutWithGate(stage: Stage, opts: RolloutOptions): Promise<RolloutResult> {
  const observer = await stage.observe();
  const attack = stage.sim.traffic.attack({ ingress: stage.ingress, rate: opts.rate ?? 100, durationMs: 60 * 60_000 });
  try {
    await sleep(500);
    observer.arm(opts.image);
    const changedAt = Date.now();
    if (opts.patch) {
      const body = {
        ...opts.patch,
        spec: {
          ...((opts.patch['spec'] as object) ?? {}),
          template: { spec: { containers: [{ name: stage.container, image: opts.image }] } },
        },
      };
      await kubectl([
        '-n',
        stage.ns,
        'patch',
        `deployment/${stage.deployment}`,
        '--type=strategic',
        '-p',
        JSON.stringify(body),
      ]);
    } else {
      await stage.setImage(opts.image);
    }
    let passedLineAt: number | undefined;
    let failedLineAt: number | undefined;
    const name = stage.deployment;
    const runOpts: RunOptions = {
      env: stage.env,
      killAfterMs: 240_000,
      ...opts.run,
      onLine: (l) => {
        if (passedLineAt === undefined && l.text.includes(`${name}: passed`)) passedLineAt = l.at;
        if (failedLineAt === undefined && new RegExp(`${name}: (failed|timeout) \\(`).test(l.text)) failedLineAt = l.at;
        opts.run?.onLine?.(l);
      },
    };
    const exited = new AbortController();
    const gate = (
      opts.entry === 'cli' ? runWatchCli(opts.inputs, runOpts) : runWatchAction(opts.inputs, runOpts)
    ).finally(() => exited.abort());
    const side = opts.during?.({ startedAt: Date.now(), observer, gateExited: exited.signal });
    const [gateOutcome, sideOutcome] = await Promise.allSettled([gate, side]);
    if (gateOutcome.status === 'rejected') throw gateOutcome.reason;
    if (sideOutcome.status === 'rejected') throw sideOutcome.reason;
    const run = gateOutcome.value;
    const gateEndedAt = Date.now();
    if (opts.trafficAfterMs) await sleep(opts.trafficAfterMs);
    const traffic = window(attack.hits, changedAt, Date.now());
    return { run, observer, attack, changedAt, gateEndedAt, traffic, passedLineAt, failedLineAt };
  } catch (e) {
    attack.stop();
    observer.stop();
    throw e;
  }
}

/**
 * A healthy release's rollout, whose scenario asserts the gate passes. Its premise is that the
 * cluster keeps the Deployment's guarantee: at least `threshold` (replicas − maxUnavailable)
 * healthy targets throughout. On this 2-core machine the cluster has broken it (scenario 2A in the
 * full run of 2026-11-30 19:54: three old targets draining 1.4 s into the rollout, before any new
 * one could be healthy, while maxUnavailable allowed two; the simulator's own count was 7 < 8).
 * The gate is then right to fail, and that attempt is held to the agreement invariant like any
 * other (the observer must confirm the capacity it claims was lost); it is logged, the stage
 * settles, and the rollout runs once more. A second broken premise fails the scenario, naming it.
 */
export async function healthyRollout(
  stage: Stage,
  threshold: number,
  what: string,
  start: () => Promise<RolloutResult>,
): Promise<RolloutResult> {
  for (let attempt = 1; ; attempt++) {
    const r = await start();
    const lowest = r.observer.minHealthy;
    if (failed(r.traffic) > 0 || !(lowest < threshold)) return r;
    try {
      expectGateAgrees({ what: `${what}, attempt ${attempt}`, run: r.run, traffic: r.traffic, observer: r.observer });
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
    const premise = `${what}: the cluster broke the stage's premise on attempt ${attempt}: the simulator counted ${lowest} healthy targets, fewer than ${threshold} (replicas − maxUnavailable), with no failed request; the gate said ${r.run.report?.deployments[0]?.result} (${r.run.report?.deployments[0]?.reason})`;
    log(`${what}: premise broken`, [premise]);
    if (attempt >= 2) throw new Error(premise);
    await stage.settle(`${stage.deployment} rolled out again before the second attempt`);
  }
}
