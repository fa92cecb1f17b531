import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { scaledDurations } from './durations.js';
import { TargetGroupModel, type ProbeResult, type TargetGroupConfig } from './target-group.js';

const d = scaledDurations(0.1);

function albGroup(over: Partial<TargetGroupConfig> = {}): TargetGroupConfig {
  return {
    arn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-svc-0123456789/0123456789abcdef',
    name: 'k8s-demo-svc-0123456789',
    loadBalancerType: 'application',
    protocol: 'HTTP',
    port: 80,
    targetType: 'ip',
    vpcId: 'vpc-0sim',
    loadBalancerArns: ['arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/lb/0000000000000001'],
    healthCheck: { ...d.alb, protocol: 'HTTP', path: '/', port: 'traffic-port', matcher: '200' },
    deregistrationDelayMs: d.defaultDeregistrationDelayMs,
    registrationPropagationMs: d.registrationPropagationMs,
    deregistrationPropagationMs: d.deregistrationPropagationMs,
    attributes: { 'deregistration_delay.timeout_seconds': '300' },
    ...over,
  };
}

const state = (tg: TargetGroupModel, id: string) => tg.describe([{ id, port: 80 }])[0]!.TargetHealth;

describe('TargetGroupModel in simulated time (scale 0.1: interval 1.5 s, healthy 2, propagation 1 s, delay 30 s)', () => {
  it('goes initial/RegistrationInProgress → initial/InitialHealthChecking → healthy after interval × healthyThreshold', () => {
    const clock = new ManualClock();
    const tg = new TargetGroupModel(albGroup(), clock);
    tg.register([{ id: '10.0.0.1', port: 80 }]);

    expect(state(tg, '10.0.0.1')).toEqual({
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    });
    clock.advance(999);
    expect(state(tg, '10.0.0.1').Reason).toBe('Elb.RegistrationInProgress');
    clock.advance(1);
    expect(state(tg, '10.0.0.1')).toMatchObject({ State: 'initial', Reason: 'Elb.InitialHealthChecking' });
    // 1 s propagation + 2 checks × 1.5 s = 4 s
    clock.advance(2 * 1500 - 1);
    expect(state(tg, '10.0.0.1').State).toBe('initial');
    expect(tg.routable().targets).toHaveLength(0);
    clock.advance(1);
    expect(state(tg, '10.0.0.1')).toEqual({ State: 'healthy' });
    expect(tg.routable()).toEqual({ targets: [{ id: '10.0.0.1', port: 80 }], failOpen: false });
    expect(tg.healthySince({ id: '10.0.0.1', port: 80 })).toBe(4000);
  });

  it('marks a target that fails the check unhealthy with the ALB reason codes', () => {
    const clock = new ManualClock();
    const results = new Map<string, ProbeResult>([
      ['10.0.0.1', { ok: false, kind: 'code', code: 500 }],
      ['10.0.0.2', { ok: false, kind: 'timeout' }],
      ['10.0.0.3', { ok: false, kind: 'refused' }],
    ]);
    const tg = new TargetGroupModel(albGroup(), clock, (t) => results.get(t.id) ?? { ok: true });
    tg.register(['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((id) => ({ id, port: 80 })));
    clock.advance(1000 + 2 * 1500);
    expect(state(tg, '10.0.0.1')).toEqual({
      State: 'unhealthy',
      Reason: 'Target.ResponseCodeMismatch',
      Description: 'Health checks failed with these codes: [500]',
    });
    expect(state(tg, '10.0.0.2')).toMatchObject({ State: 'unhealthy', Reason: 'Target.Timeout' });
    expect(state(tg, '10.0.0.3')).toMatchObject({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks' });
    // Only unhealthy targets registered: the ALB fails open to all of them.
    expect(tg.routable().failOpen).toBe(true);
    expect(tg.routable().targets).toHaveLength(3);

    // Recovery takes healthyThreshold passing checks again.
    results.clear();
    clock.advance(1500);
    expect(state(tg, '10.0.0.1').State).toBe('unhealthy');
    clock.advance(1500);
    expect(state(tg, '10.0.0.1').State).toBe('healthy');
  });

  it('keeps routing to a deregistered target for the propagation delay, shows it draining for the deregistration delay, then forgets it', () => {
    const clock = new ManualClock();
    const tg = new TargetGroupModel(albGroup(), clock);
    tg.register([
      { id: '10.0.0.1', port: 80 },
      { id: '10.0.0.2', port: 80 },
    ]);
    clock.advance(4000);
    tg.deregister([{ id: '10.0.0.1', port: 80 }]);

    expect(state(tg, '10.0.0.1')).toEqual({
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    });
    expect(
      tg
        .routable()
        .targets.map((t) => t.id)
        .sort(),
    ).toEqual(['10.0.0.1', '10.0.0.2']);
    clock.advance(1000); // deregistration propagation (10 s real)
    expect(tg.routable().targets.map((t) => t.id)).toEqual(['10.0.0.2']);
    clock.advance(30_000 - 1000 - 1);
    expect(
      tg
        .describe()
        .map((x) => x.TargetHealth.State)
        .sort(),
    ).toEqual(['draining', 'healthy']);
    clock.advance(1);
    expect(tg.describe().map((x) => x.Target.Id)).toEqual(['10.0.0.2']);
    expect(state(tg, '10.0.0.1')).toEqual({
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    });
    expect(tg.transitions().map((e) => `${e.target} ${e.from}->${e.to}`)).toContain('10.0.0.1:80 draining->gone');
  });

  it('answers 503 (nothing routable) while every target is still initial, and re-registration of a draining target starts over', () => {
    const clock = new ManualClock();
    const tg = new TargetGroupModel(albGroup({ deregistrationDelayMs: 5000 }), clock);
    tg.register([{ id: '10.0.0.1', port: 80 }]);
    expect(tg.routable()).toEqual({ targets: [], failOpen: false });
    clock.advance(4000);
    tg.deregister([{ id: '10.0.0.1', port: 80 }]);
    clock.advance(2000);
    tg.register([{ id: '10.0.0.1', port: 80 }]);
    expect(state(tg, '10.0.0.1').Reason).toBe('Elb.RegistrationInProgress');
    clock.advance(10_000);
    expect(state(tg, '10.0.0.1').State).toBe('healthy');
  });

  it('uses TCP semantics for an NLB: an HTTP error code still passes, a refused connection fails with Target.FailedHealthChecks', () => {
    const clock = new ManualClock();
    const nlb = albGroup({
      loadBalancerType: 'network',
      protocol: 'TCP',
      healthCheck: { ...d.nlb, protocol: 'TCP', port: 'traffic-port' },
    });
    const tg = new TargetGroupModel(nlb, clock, (t) =>
      t.id === '10.0.0.1' ? { ok: false, kind: 'code', code: 500 } : { ok: false, kind: 'refused' },
    );
    tg.register([
      { id: '10.0.0.1', port: 80 },
      { id: '10.0.0.2', port: 80 },
    ]);
    clock.advance(1000 + 3 * 1000);
    expect(state(tg, '10.0.0.1').State).toBe('healthy');
    expect(state(tg, '10.0.0.2')).toMatchObject({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks' });
  });

  it('reports registered targets of a group attached to no load balancer as unused/Target.NotInUse', () => {
    const clock = new ManualClock();
    const tg = new TargetGroupModel(albGroup({ loadBalancerArns: [] }), clock);
    tg.register([{ id: '10.0.0.1', port: 80 }]);
    clock.advance(10_000);
    expect(state(tg, '10.0.0.1')).toMatchObject({ State: 'unused', Reason: 'Target.NotInUse' });
    expect(tg.routable().targets).toHaveLength(0);
  });
});
