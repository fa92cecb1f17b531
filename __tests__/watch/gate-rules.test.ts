/** The gate's rules one at a time, with hand-written events and a fake clock. */
import { describe, expect, it } from 'vitest';
import { countTargets, portMatches } from '../../src/core/gate/counting.js';
import { discoverTargetGroups, selectsPods, targetGroupName } from '../../src/core/gate/discovery.js';
import { Gate } from '../../src/core/gate/gate.js';
import { podInfo } from '../../src/core/gate/pods.js';
import type { GateConfig, GateEffect, PodInfo, TargetHealthDescription } from '../../src/core/gate/types.js';
import type { Deployment, ReplicaSet } from '../../src/core/rollout/types.js';

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-web-abc/0123456789abcdef';

class FakeClock {
  t = 0;
  now(): number {
    return this.t;
  }
}

function pod(name: string, ip: string, rs: 'web-new' | 'web-old', opts: Partial<PodInfo> = {}): PodInfo {
  return {
    name,
    ip,
    replicaSet: rs,
    ready: true,
    terminating: false,
    phase: 'Running',
    namedPorts: { http: 8080 },
    readinessGates: [],
    failingConditions: [],
    ...opts,
    containersReady: opts.containersReady ?? opts.ready ?? true,
  };
}

function deployment(complete: boolean, replicas = 2): Deployment {
  return {
    metadata: { name: 'web', uid: 'u1', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: {
      replicas,
      progressDeadlineSeconds: 600,
      strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'web:2' }] } },
    },
    status: complete
      ? { observedGeneration: 2, replicas, updatedReplicas: replicas, availableReplicas: replicas }
      : { observedGeneration: 2, replicas: replicas + 1, updatedReplicas: 1, availableReplicas: replicas },
  };
}

const replicaSets: ReplicaSet[] = ['web-old', 'web-new'].map((name) => ({
  metadata: {
    name,
    creationTimestamp: '2024-01-01T00:00:00Z',
    annotations: { 'deployment.kubernetes.io/revision': name === 'web-new' ? '2' : '1' },
    ownerReferences: [{ uid: 'u1', controller: true }],
  },
  spec: {
    template: {
      metadata: { labels: { app: 'web', 'pod-template-hash': name } },
      spec: { containers: [{ image: name === 'web-new' ? 'web:2' : 'web:1' }] },
    },
  },
}));

function setup(config: Partial<GateConfig> = {}) {
  const clock = new FakeClock();
  const gate = new Gate(
    {
      namespace: 'demo',
      deployment: 'web',
      minHealthy: undefined,
      tolerateMs: 0,
      timeoutMs: undefined,
      settleTimeoutMs: 60_000,
      staleAfterMs: 20_000,
      targetGroups: [{ arn: ARN, name: 'k8s-demo-web-abc', port: 'http', source: 'test' }],
      ...config,
    },
    clock,
  );
  const effects: GateEffect[] = [];
  const feed = (e: Parameters<Gate['handle']>[0]): void => void effects.push(...gate.handle(e));
  return { clock, gate, effects, feed };
}

const healthy = (ip: string, state = 'healthy', port = 8080): TargetHealthDescription => ({ id: ip, port, state });

describe('counting targets', () => {
  const index = {
    byIp: new Map([
      ['10.0.0.1', pod('new-1', '10.0.0.1', 'web-new')],
      ['10.0.0.2', pod('old-1', '10.0.0.2', 'web-old')],
      ['10.0.0.3', pod('old-2', '10.0.0.3', 'web-old', { terminating: true, ready: false })],
    ]),
    gone: new Map([['10.0.0.9', { pod: 'old-0', replicaSet: 'web-old', namedPorts: { http: 8080 } }]]),
    newReplicaSet: 'web-new',
  };
  const ref = { arn: ARN, name: 'x', port: 'http' as const, source: 't' };

  it('splits targets into new, old, deleted and foreign, and counts only serving pods', () => {
    const c = countTargets(
      ref,
      [
        healthy('10.0.0.1'),
        healthy('10.0.0.2'),
        healthy('10.0.0.3'),
        healthy('10.0.0.9'),
        healthy('10.9.9.9'),
        healthy('10.0.0.1', 'healthy', 9090),
      ],
      index,
    );
    expect(c).toMatchObject({ healthy: 2, newHealthy: 1, oldHealthy: 2, goneHealthy: 1, foreign: 2 });
    expect(c.byState).toEqual({ healthy: 4 });
  });

  it('initial is not healthy; draining is leaving', () => {
    const c = countTargets(ref, [healthy('10.0.0.1', 'initial'), healthy('10.0.0.2', 'draining')], index);
    expect(c).toMatchObject({ healthy: 0, newHealthy: 0, oldHealthy: 0, byState: { initial: 1, draining: 1 } });
  });

  it('matches ports by number, by container port name, or not at all when unknown', () => {
    const t = healthy('10.0.0.1', 'healthy', 8080);
    expect(portMatches(8080, t, {})).toBe(true);
    expect(portMatches(80, t, {})).toBe(false);
    expect(portMatches('http', t, { http: 8080 })).toBe(true);
    expect(portMatches('http', t, { http: 80 })).toBe(false);
    expect(portMatches('8080', t, {})).toBe(true);
    expect(portMatches(undefined, t, {})).toBe(true);
  });

  it('reads pods from their JSON, readiness gates included', () => {
    const p = podInfo({
      metadata: { name: 'web-1', ownerReferences: [{ kind: 'ReplicaSet', name: 'web-new', controller: true }] },
      spec: {
        readinessGates: [{ conditionType: 'target-health.elbv2.k8s.aws/k8s-demo-web-abc' }],
        containers: [{ ports: [{ name: 'http', containerPort: 8080 }] }],
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        conditions: [
          { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady' },
          {
            type: 'target-health.elbv2.k8s.aws/k8s-demo-web-abc',
            status: 'False',
            reason: 'Target.ResponseCodeMismatch',
            message: 'Health checks failed with these codes: [500]',
          },
        ],
      },
    });
    expect(p).toMatchObject({
      name: 'web-1',
      ip: '10.0.0.1',
      replicaSet: 'web-new',
      ready: false,
      terminating: false,
      namedPorts: { http: 8080 },
    });
    expect(p.readinessGates[0]?.condition?.reason).toBe('Target.ResponseCodeMismatch');
  });
});

describe('discovering target groups', () => {
  const d = deployment(true);
  const services = [
    {
      metadata: { name: 'web' },
      spec: {
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http' },
          { name: 'admin', port: 81 },
        ],
      },
    },
    { metadata: { name: 'other' }, spec: { selector: { app: 'other' }, ports: [{ port: 80 }] } },
    { metadata: { name: 'headless-all' }, spec: { ports: [{ port: 80 }] } },
  ];
  it('a Service selects the pods when its selector is a subset of the template labels', () => {
    expect(selectsPods(services[0]!, d)).toBe(true);
    expect(selectsPods(services[1]!, d)).toBe(false);
    expect(selectsPods(services[2]!, d)).toBe(false);
  });
  it('keeps the bindings of those Services, matching serviceRef.port by number or name', () => {
    const r = discoverTargetGroups(d, services, [
      {
        metadata: { name: 'by-number' },
        spec: { targetGroupARN: ARN, targetType: 'ip', serviceRef: { name: 'web', port: 80 } },
      },
      {
        metadata: { name: 'by-name' },
        spec: { targetGroupARN: `${ARN}1`, serviceRef: { name: 'web', port: 'admin' } },
      },
      {
        metadata: { name: 'wrong-port' },
        spec: { targetGroupARN: `${ARN}2`, serviceRef: { name: 'web', port: 8443 } },
      },
      { metadata: { name: 'elsewhere' }, spec: { targetGroupARN: `${ARN}3`, serviceRef: { name: 'other', port: 80 } } },
    ]);
    expect(r.bound).toEqual([
      { arn: ARN, binding: 'by-number', service: 'web', servicePort: 80, targetPort: 'http', targetType: 'ip' },
      {
        arn: `${ARN}1`,
        binding: 'by-name',
        service: 'web',
        servicePort: 'admin',
        targetPort: 81,
        targetType: undefined,
      },
    ]);
    expect(r.notes).toEqual([
      'TargetGroupBinding wrong-port refers to port 8443 which Service web does not expose; skipped',
    ]);
  });
  it('names a target group after its ARN', () => expect(targetGroupName(ARN)).toBe('k8s-demo-web-abc'));
});

describe('gate rules', () => {
  it('does not count before the Deployment, its ReplicaSets and pods are listed', () => {
    const { feed, gate } = setup();
    feed({ type: 'target-health', arn: ARN, observation: { kind: 'known', targets: [] } });
    feed({ type: 'deployment', deployment: deployment(false) });
    expect(gate.decided).toBeUndefined();
    feed({ type: 'replicasets', replicaSets });
    feed({ type: 'pods', pods: [] });
    // Now listed: an empty target group is below the threshold of 2.
    expect(gate.decided).toMatchObject({ result: 'failed', reason: 'below-threshold' });
  });

  it('a gap in the data longer than the staleness limit restarts the below-threshold window', () => {
    const { feed, gate, clock } = setup({ tolerateMs: 15_000 });
    feed({ type: 'deployment', deployment: deployment(false) });
    feed({ type: 'replicasets', replicaSets });
    feed({ type: 'pods', pods: [pod('old-1', '10.0.0.2', 'web-old'), pod('old-2', '10.0.0.3', 'web-old')] });
    const one = { kind: 'known' as const, targets: [healthy('10.0.0.2')] };
    feed({ type: 'target-health', arn: ARN, observation: one }); // t=0: 1 < 2, window opens
    clock.t = 5_000;
    feed({ type: 'target-health', arn: ARN, observation: { kind: 'unknown', reason: 'Throttling: Rate exceeded' } });
    clock.t = 40_000;
    feed({ type: 'tick' });
    expect(gate.decided).toBeUndefined(); // stale: cannot fail
    feed({ type: 'target-health', arn: ARN, observation: one }); // after a 40 s gap: window restarts here
    expect(gate.decided).toBeUndefined();
    clock.t = 55_000;
    feed({ type: 'target-health', arn: ARN, observation: one });
    expect(gate.decided).toMatchObject({ result: 'failed', reason: 'below-threshold', at: 55_000 });
  });

  it('settle-timeout: an old target that stays healthy after the rollout fails the gate', () => {
    const { feed, gate, clock } = setup({ settleTimeoutMs: 30_000 });
    feed({ type: 'deployment', deployment: deployment(true) });
    feed({ type: 'replicasets', replicaSets });
    feed({
      type: 'pods',
      pods: [
        pod('new-1', '10.0.0.1', 'web-new'),
        pod('new-2', '10.0.0.4', 'web-new'),
        pod('old-1', '10.0.0.2', 'web-old', { terminating: true }),
      ],
    });
    const obs = { kind: 'known' as const, targets: [healthy('10.0.0.1'), healthy('10.0.0.4'), healthy('10.0.0.2')] };
    for (let t = 0; t <= 30_000; t += 5_000) {
      clock.t = t;
      feed({ type: 'target-health', arn: ARN, observation: obs });
    }
    expect(gate.decided).toMatchObject({ result: 'failed', reason: 'settle-timeout' });
    expect(gate.decided!.message).toMatch(/2\/2 new targets healthy, 1 old and 0 deleted pods still healthy/);
  });

  it('a Deployment deleted under the gate fails it; an adapter error ends it without advising rollback', () => {
    const a = setup();
    a.feed({ type: 'deployment-deleted' });
    expect(a.gate.decided).toMatchObject({ result: 'failed', reason: 'deleted', rollbackAdvised: false });
    const b = setup();
    b.feed({ type: 'error', message: 'elasticloadbalancing:DescribeTargetHealth denied' });
    expect(b.gate.decided).toMatchObject({ result: 'error', reason: 'error', rollbackAdvised: false });
    expect(b.gate.handle({ type: 'tick' })).toEqual([]);
  });

  it('probe: with max-error-rate 0 one failed request fails; with 1% it waits for 100 requests', () => {
    const strict = setup({ targetGroups: [], maxErrorRate: 0 });
    strict.feed({ type: 'deployment', deployment: deployment(false) });
    strict.feed({ type: 'replicasets', replicaSets });
    strict.feed({ type: 'pods', pods: [] });
    strict.feed({ type: 'evidence', source: 'probe', value: { total: 10, errors: 1 } });
    expect(strict.gate.decided).toMatchObject({ result: 'failed', reason: 'probe-errors' });

    const lenient = setup({ targetGroups: [], maxErrorRate: 0.01 });
    lenient.feed({ type: 'deployment', deployment: deployment(false) });
    lenient.feed({ type: 'replicasets', replicaSets });
    lenient.feed({ type: 'pods', pods: [] });
    lenient.feed({ type: 'evidence', source: 'probe', value: { total: 50, errors: 2 } });
    expect(lenient.gate.decided).toBeUndefined();
    lenient.feed({ type: 'evidence', source: 'probe', value: { total: 100, errors: 1 } });
    expect(lenient.gate.decided).toBeUndefined();
    lenient.feed({ type: 'evidence', source: 'probe', value: { total: 150, errors: 2 } });
    expect(lenient.gate.decided).toMatchObject({ result: 'failed', reason: 'probe-errors' });
  });

  it('prints a progress line only when something changed', () => {
    const { feed, effects } = setup();
    feed({ type: 'deployment', deployment: deployment(false) });
    feed({ type: 'replicasets', replicaSets });
    feed({ type: 'pods', pods: [pod('old-1', '10.0.0.2', 'web-old'), pod('old-2', '10.0.0.3', 'web-old')] });
    const obs = { kind: 'known' as const, targets: [healthy('10.0.0.2'), healthy('10.0.0.3')] };
    feed({ type: 'target-health', arn: ARN, observation: obs });
    const before = effects.filter((e) => e.type === 'progress').length;
    feed({ type: 'target-health', arn: ARN, observation: obs });
    feed({ type: 'tick' });
    expect(effects.filter((e) => e.type === 'progress').length).toBe(before);
  });
});

describe('pods that exit before the load balancer lets go of them', () => {
  const base = (): ReturnType<typeof setup> => {
    const s = setup({ deregistrationMs: 15_000 });
    s.feed({ type: 'deployment', deployment: deployment(false) });
    s.feed({ type: 'replicasets', replicaSets });
    s.feed({
      type: 'pods',
      pods: [
        pod('old-a', '10.0.0.1', 'web-old'),
        pod('old-b', '10.0.0.2', 'web-old'),
        pod('new-a', '10.0.0.3', 'web-new'),
      ],
    });
    s.feed({
      type: 'target-health',
      arn: ARN,
      observation: { kind: 'known', targets: [healthy('10.0.0.1'), healthy('10.0.0.2'), healthy('10.0.0.3')] },
    });
    return s;
  };

  it('a pod gone 2 s after its deletion while its target drains fails the gate, naming the pod and the fix', () => {
    const s = base();
    s.clock.t = 1_000;
    s.feed({
      type: 'pods',
      pods: [
        pod('old-a', '10.0.0.1', 'web-old', { terminating: true }),
        pod('old-b', '10.0.0.2', 'web-old'),
        pod('new-a', '10.0.0.3', 'web-new'),
      ],
    });
    s.feed({
      type: 'target-health',
      arn: ARN,
      observation: {
        kind: 'known',
        targets: [healthy('10.0.0.1', 'draining'), healthy('10.0.0.2'), healthy('10.0.0.3')],
      },
    });
    expect(s.gate.decided).toBeUndefined();
    s.clock.t = 3_000;
    s.feed({ type: 'pods', pods: [pod('old-b', '10.0.0.2', 'web-old'), pod('new-a', '10.0.0.3', 'web-new')] });
    expect(s.gate.decided).toMatchObject({
      result: 'failed',
      reason: 'exited-before-deregistration',
      rollbackAdvised: true,
    });
    expect(s.gate.decided!.message).toMatch(
      /^pod old-a stopped serving 2s after its deletion while its target was still draining in k8s-demo-web-abc: .*about 15s \(deregistration-seconds\)/,
    );
  });

  it('a pod that kept serving longer than the deregistration time is fine', () => {
    const s = base();
    s.clock.t = 1_000;
    s.feed({
      type: 'pods',
      pods: [
        pod('old-a', '10.0.0.1', 'web-old', { terminating: true }),
        pod('old-b', '10.0.0.2', 'web-old'),
        pod('new-a', '10.0.0.3', 'web-new'),
      ],
    });
    s.clock.t = 17_000;
    s.feed({ type: 'pods', pods: [pod('old-b', '10.0.0.2', 'web-old'), pod('new-a', '10.0.0.3', 'web-new')] });
    expect(s.gate.decided).toBeUndefined();
  });

  it('a pod already terminating when first seen, or whose target had left, is not judged', () => {
    const s = setup({ deregistrationMs: 15_000, minHealthy: { kind: 'count', value: 1 } });
    s.feed({ type: 'deployment', deployment: deployment(false) });
    s.feed({ type: 'replicasets', replicaSets });
    s.feed({
      type: 'pods',
      pods: [
        pod('old-a', '10.0.0.1', 'web-old', { terminating: true }),
        pod('old-b', '10.0.0.2', 'web-old'),
        pod('new-a', '10.0.0.3', 'web-new'),
      ],
    });
    s.feed({
      type: 'target-health',
      arn: ARN,
      observation: {
        kind: 'known',
        targets: [healthy('10.0.0.1', 'draining'), healthy('10.0.0.2'), healthy('10.0.0.3')],
      },
    });
    s.clock.t = 1_000;
    s.feed({
      type: 'pods',
      pods: [pod('old-b', '10.0.0.2', 'web-old', { terminating: true }), pod('new-a', '10.0.0.3', 'web-new')],
    });
    s.feed({ type: 'target-health', arn: ARN, observation: { kind: 'known', targets: [healthy('10.0.0.3')] } });
    s.clock.t = 2_000;
    s.feed({ type: 'pods', pods: [pod('new-a', '10.0.0.3', 'web-new')] });
    expect(s.gate.decided).toBeUndefined();
  });
});
