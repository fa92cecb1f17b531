/**
 * One measured rollout: constant traffic through the simulated load balancer, the independent
 * observer armed, the rollout triggered (`kubectl set image`, or a patch), the gate run right
 * after (as `kubectl apply` → gate in a deploy job), and the figures collected.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { kubectl } from '../../helpers/kubectl.js';
import type { Attack, TrafficReport } from '../../sim/index.js';
import { window } from './figures.js';
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
