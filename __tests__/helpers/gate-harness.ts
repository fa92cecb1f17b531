/**
 * Drives the pure gate with a RolloutSim in simulated time: the informers' events when an object
 * changes, one DescribeTargetHealth answer per target group per poll interval (or `unknown` when the
 * scenario throttles), and a clock tick per second. No timers, no I/O.
 */
import { Gate } from '../../src/core/gate/gate.js';
import { podInfo } from '../../src/core/gate/pods.js';
import type { GateConfig, GateEffect, TargetGroupRef, Verdict } from '../../src/core/gate/types.js';
import type { RolloutSim } from './rollout-sim.js';

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
