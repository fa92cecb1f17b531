/**
 * The data plane and the request generator in simulated time, replaying the seeds' mechanics
 * without a cluster: pods as the API would show them, targets registered and deregistered the way
 * the controller would, status codes counted like vegeta.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { scaledDurations } from './durations.js';
import { ElbStore } from './elb/store.js';
import { PodView, preStopSeconds } from './pods.js';
import { Attack, DataPlane, formatReport, startFrontend } from './traffic.js';

const d = scaledDurations(0.1);

function pod(
  name: string,
  ip: string,
  opts: { preStop?: number; ready?: boolean; annotations?: Record<string, string>; image?: string } = {},
): V1Pod {
  return {
    metadata: { name, namespace: 'demo', uid: `uid-${name}`, annotations: opts.annotations ?? {} },
    spec: {
      terminationGracePeriodSeconds: 30,
      containers: [
        {
          name: 'app',
          image: opts.image ?? 'nginx:1.23.1',
          ...(opts.preStop
            ? { lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', `sleep ${opts.preStop}`] } } } }
            : {}),
        },
      ],
    },
    status: {
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'ContainersReady', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

function deleting(p: V1Pod, clock: ManualClock): V1Pod {
  return {
    ...p,
    metadata: { ...p.metadata, deletionTimestamp: new Date(clock.now() + 30_000), deletionGracePeriodSeconds: 30 },
  };
}

function world(scaleDurations = d) {
  const clock = new ManualClock(1_000_000);
  const store = new ElbStore(clock, {
    region: 'eu-west-1',
    accountId: '111111111111',
    vpcId: 'vpc-0sim',
    durations: scaleDurations,
  });
  const pods = new PodView(clock);
  store.setProbe((t) => pods.probe(t.id));
  const lb = store.createLoadBalancer({ name: 'k8s-demo-ingress-0123456789', type: 'application' });
  const tg = store.createTargetGroup({ name: 'k8s-demo-svc-0123456789', port: 80, targetType: 'ip' });
  store.setListener(lb.arn, 80, 'HTTP', [{ pathPrefix: '/', targetGroupArn: tg.arn }]);
  const plane = new DataPlane(store, pods, scaleDurations);
  return { clock, store, pods, lb, tg, plane };
}

/** Replaces pod `old` by pod `next` the way the deployment controller and LBC would, without readiness gates. */
function replace(w: ReturnType<typeof world>, old: V1Pod, next: V1Pod): void {
  const { clock, pods, tg } = w;
  pods.upsert(next);
  // New pod Ready (no gate) → EndpointSlice ready → controller registers after its processing delay.
  clock.setTimeout(() => tg.register([{ id: next.status!.podIP!, port: 80 }]), d.controllerDelayMs);
  // The deployment controller deletes the old pod at once (it counts the new one as available).
  const doomed = deleting(old, clock);
  pods.upsert(doomed);
  clock.setTimeout(() => tg.deregister([{ id: old.status!.podIP!, port: 80 }]), d.controllerDelayMs);
  // The pod object disappears after its preStop (kwok), its IP with it.
  clock.setTimeout(() => pods.remove(doomed), preStopSeconds(old) * 1000 + 200);
}

describe('traffic model', () => {
  it('parses preStop sleeps from exec commands and the sleep action', () => {
    expect(preStopSeconds(pod('a', '10.0.0.1', { preStop: 70 }))).toBe(70);
    const p = pod('b', '10.0.0.2');
    p.spec!.containers[0]!.lifecycle = { preStop: { sleep: { seconds: 12 } } } as never;
    expect(preStopSeconds(p)).toBe(12);
    expect(preStopSeconds(pod('c', '10.0.0.3'))).toBe(0);
  });

  it('reproduces the seeds: a rolling update without preStop yields 502/503/504; with preStop longer than controller delay + propagation no 502/504 remain (503s do, without readiness gates)', () => {
    for (const preStop of [0, 3]) {
      const w = world();
      const olds = [1, 2, 3, 4].map((i) => pod(`old-${i}`, `10.0.0.${i}`, { preStop }));
      olds.forEach((p) => w.pods.upsert(p));
      w.tg.register(olds.map((p) => ({ id: p.status!.podIP!, port: 80 })));
      w.clock.advance(5000);
      expect(w.tg.countByState()).toEqual({ healthy: 4 });

      const attack = new Attack(w.clock, w.plane, { rate: 100, durationMs: 40_000, loadBalancerArn: w.lb.arn });
      w.clock.advance(2000);
      // Roll one pod every 500 ms: faster than the load balancer registers new targets (~4.2 s).
      olds.forEach((old, i) =>
        w.clock.setTimeout(() => replace(w, old, pod(`new-${i}`, `10.0.1.${i + 1}`, { preStop })), i * 500),
      );
      w.clock.advance(40_000);
      const r = attack.report();
      expect(r.requests).toBe(4000);
      if (preStop === 0) {
        // Old pods refuse (502) and then vanish (504) while still routed; then only initial targets: 503.
        expect(r.statusCodes['502']).toBeGreaterThan(0);
        expect(r.statusCodes['503']).toBeGreaterThan(0);
        expect(r.success).toBeLessThan(1);
        expect(r.errors).toContain('503 Service Temporarily Unavailable');
        expect(formatReport(r)).toMatch(/Status Codes {2}\[code:count\] {22}200:\d+ {2}502:\d+/);
      } else {
        // preStop covers the controller delay + propagation: no 502/504. Without readiness gates the
        // rollout still outruns registration, so 503s remain (seed 002: gates are needed as well).
        expect(r.statusCodes['503']).toBeGreaterThan(0);
        expect(r.statusCodes['502'] ?? 0).toBe(0);
        expect(r.statusCodes['504'] ?? 0).toBe(0);
      }
    }
  });

  it('gives 504 with the connect timeout when the pod behind a routed target is gone, and passes app errors through', () => {
    const w = world();
    const a = pod('a', '10.0.0.1');
    const b = pod('b', '10.0.0.2', {
      annotations: { 'zd-gate.test/lb-health': 'fail', 'zd-gate.test/lb-health-code': '503' },
    });
    [a, b].forEach((p) => w.pods.upsert(p));
    w.tg.register([{ id: '10.0.0.1', port: 80 }]);
    w.clock.advance(5000);
    w.pods.remove(a);
    const gone = w.plane.requestLoadBalancer(w.lb.arn, '/');
    expect(gone).toMatchObject({ status: 504, latencyMs: d.targetConnectTimeoutMs, target: '10.0.0.1:80' });

    // A pod that fails the LB health check: unhealthy with ResponseCodeMismatch, and the ALB fails open to it.
    w.tg.deregister([{ id: '10.0.0.1', port: 80 }]);
    w.tg.register([{ id: '10.0.0.2', port: 80 }]);
    w.clock.advance(5000);
    expect(w.tg.describe([{ id: '10.0.0.2', port: 80 }])[0]!.TargetHealth).toMatchObject({
      State: 'unhealthy',
      Reason: 'Target.ResponseCodeMismatch',
      Description: 'Health checks failed with these codes: [503]',
    });
    expect(w.plane.requestTargetGroup(w.tg.arn)).toMatchObject({ status: 503, failOpen: true, target: '10.0.0.2:80' });
  });

  it('treats a pod whose app is still starting (no readiness probe) as refusing connections', () => {
    const w = world();
    const p = pod('slow', '10.0.0.9', { annotations: { 'zd-gate.test/app-start-delay': '2s' } });
    w.pods.upsert(p);
    expect(w.pods.conditionAt('10.0.0.9')).toBe('refused');
    w.clock.advance(2000);
    expect(w.pods.conditionAt('10.0.0.9')).toBe('serving');
    w.pods.upsert(pod('unknown-image', '10.0.0.10', { image: 'example/app:broken-health' }));
    w.pods.addUnhealthyImage(/:broken-health$/);
    expect(w.pods.conditionAt('10.0.0.10')).toEqual({ code: 500 });
  });

  it('answers through a real HTTP frontend on 127.0.0.1 with the ALB status and Server header', async () => {
    const w = world();
    w.pods.upsert(pod('a', '10.0.0.1'));
    const fe = await startFrontend(w.clock, w.plane, w.store, w.lb.arn);
    try {
      let res = await fetch(`${fe.url}/health`);
      expect(res.status).toBe(503);
      expect(res.headers.get('server')).toBe('awselb/2.0');
      w.tg.register([{ id: '10.0.0.1', port: 80 }]);
      w.clock.advance(5000);
      res = await fetch(`${fe.url}/health`);
      expect(res.status).toBe(200);
      expect(fe.report().statusCodes).toEqual({ '200': 1, '503': 1 });
    } finally {
      await fe.close();
    }
  });

  it('sustains a high request rate in-process (figure for the README)', () => {
    const w = world();
    const ips = Array.from({ length: 50 }, (_, i) => `10.0.2.${i + 1}`);
    ips.forEach((ip, i) => w.pods.upsert(pod(`p${i}`, ip)));
    w.tg.register(ips.map((id) => ({ id, port: 80 })));
    w.clock.advance(5000);
    const t0 = performance.now();
    const attack = new Attack(w.clock, w.plane, { rate: 10_000, durationMs: 10_000, targetGroupArn: w.tg.arn });
    w.clock.advance(10_000);
    const wallMs = performance.now() - t0;
    const r = attack.report();
    expect(r.requests).toBe(100_000);
    expect(r.statusCodes).toEqual({ '200': 100_000 });
    // Routing is cheap: far more than the seeds' 100 req/s (vegeta -rate=100) per wall-clock second.
    const perSecond = r.requests / (wallMs / 1000);
    console.log(`traffic model: ${Math.round(perSecond)} requests routed per wall-clock second (50 targets)`);
    expect(perSecond).toBeGreaterThan(10_000);
  });
});
