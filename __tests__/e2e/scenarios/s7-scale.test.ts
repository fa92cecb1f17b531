/**
 * Scenario 7: scale. Seed 003's fixed deployment at 1,000 replicas on the kwok nodes (4 × 500
 * pods), one target group of 1,000 ip targets, rolled to a new image under 100 req/s with the gate
 * at its default poll interval (5 s). Recorded: the verdict, the gate's peak RSS and CPU time (its
 * own getrusage at exit), its ELB calls (from the simulator's counter), and the wall time; printed
 * as a Markdown table for the README.
 * maxSurge 50 % (maxUnavailable 25 %, threshold 750) keeps the wall time near two minutes on two
 * cores: the rollout is paced by the simulated controller writing 1,000 readiness-gate conditions
 * (25 %/25 % takes about 170 s). ZD_SCEN_SCALE_SURGE / ZD_SCEN_SCALE_UNAVAILABLE override them.
 * The first 1,000 pods are created before the Namespace is labelled for gate injection (seed
 * 003's own order: label, then roll), so only the rollout's pods carry gates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, log, record, seconds } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import { describeLb } from './lib/observe.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s7';
const REPLICAS = 1_000;
const SURGE = process.env['ZD_SCEN_SCALE_SURGE'] || '50%';
const UNAVAILABLE = process.env['ZD_SCEN_SCALE_UNAVAILABLE'] || '25%';
/** desired − maxUnavailable, rounded down as the deployment controller does. */
const THRESHOLD = REPLICAS - Math.floor((REPLICAS * Number.parseFloat(UNAVAILABLE)) / 100);

describe('scenario 7: a 1,000-replica rollout', () => {
  let stage: Stage;
  let setupMs = 0;
  beforeAll(async () => {
    const t0 = Date.now();
    stage = await setupStage({
      manifest: Examples.seed003,
      namespace: NS,
      readyDelay: '500ms',
      replicas: REPLICAS,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: SURGE, maxUnavailable: UNAVAILABLE } },
      readyTimeoutMs: 6 * 60_000,
      labelNamespaceAfterSetup: true,
      // On a loaded machine the simulated controller paces a 1,000-pod rollout past 60 s (600 s scaled).
      realProgressDeadline: true,
    });
    setupMs = Date.now() - t0;
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('the gate follows 1,000 targets through the rollout within its ELB budget, and records its footprint', async () => {
    const identity = stage.sim.credentials.accessKeyId;
    const since = Date.now();
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.22.0',
      entry: 'cli',
      // Rolling 1,000 pods back and waiting for them would double the scenario's time: the rollback is sent, not waited for.
      inputs: { namespace: NS, deployments: stage.deployment, rollback: 'true', 'rollback-wait': 'false' },
      run: { killAfterMs: 8 * 60_000 },
    });
    try {
      const d = r.run.report?.deployments[0];
      const wallS = (r.run.endedAt - r.run.startedAt) / 1000;
      const calls = stage.sim.counters.byAction({ identity, since });
      const dth = stage.sim.counters.count({ identity, since, action: 'DescribeTargetHealth' });
      const usage = r.run.usage;
      const figures = {
        replicas: REPLICAS,
        strategy: `maxSurge ${SURGE}, maxUnavailable ${UNAVAILABLE}`,
        setupSeconds: setupMs / 1000,
        exitCode: r.run.exitCode,
        result: d?.result,
        reason: d?.reason,
        threshold: d?.threshold,
        minHealthyObserved: d?.minHealthyObserved,
        gateWallSeconds: wallS,
        kubectlCompleteS: r.observer.kubectlCompleteAt ? (r.observer.kubectlCompleteAt - r.changedAt) / 1000 : null,
        caughtUpS: r.observer.caughtUpAt ? (r.observer.caughtUpAt - r.changedAt) / 1000 : null,
        peakRssMiB: usage ? Math.round(usage.maxRssKb / 1024) : null,
        cpuSeconds: usage ? Math.round((usage.userCpuMs + usage.systemCpuMs) / 10) / 100 : null,
        elbCalls: calls,
        describeTargetHealthPerMinute: Math.round((dth / wallS) * 60 * 10) / 10,
        traffic: r.traffic.statusCodes,
      };
      log(
        `scenario 7: ${REPLICAS} replicas, nginx:latest → nginx:1.22.0 (seed 003 fixed, ${figures.strategy}, poll-interval 5s)`,
        [
          `stage: ${REPLICAS} pods Ready and healthy targets in ${seconds(setupMs)}`,
          describeRun(r.run),
          `kubectl "successfully rolled out" at ${figures.kubectlCompleteS ?? 'never'} s; load balancer caught up at ${figures.caughtUpS ?? 'never'} s; load balancer at the end: ${describeLb(r.observer.lbState())}`,
          `traffic: ${codes(r.traffic)}`,
          '',
          'README (paste):',
          '| Replicas | Strategy | Verdict | Gate wall time | Peak RSS | CPU time | ELB calls | DescribeTargetHealth/min |',
          '|---:|---|---|---:|---:|---:|---|---:|',
          `| ${REPLICAS.toLocaleString('en-US')} | ${figures.strategy} | ${d?.result} (${d?.reason}) | ${wallS.toFixed(1)} s | ${figures.peakRssMiB} MiB | ${figures.cpuSeconds} s | ${Object.entries(
            calls,
          )
            .map(([a, n]) => `${a} ${n}`)
            .join(', ')} | ${figures.describeTargetHealthPerMinute} |`,
        ],
      );
      record('s7-scale', figures);

      expect(r.run.killed).toBe(false);
      expect(usage, 'the gate wrote no resource usage').toBeDefined();
      // One target group: one DescribeTargetHealth per 5 s interval (±20 %), within the 1 call/s budget.
      expect(figures.describeTargetHealthPerMinute).toBeLessThanOrEqual(12 * 1.25);
      // The gate's verdict agrees with the traffic model, at this size too.
      expectGateAgrees({ what: 'scenario 7, 1,000 replicas', run: r.run, traffic: r.traffic, observer: r.observer });
      expect(d?.revision).toBe(2);
      expect(d?.threshold).toBe(THRESHOLD);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
