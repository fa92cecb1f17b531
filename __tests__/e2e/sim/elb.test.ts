/**
 * The fake ELBv2 endpoint against the real, unmodified SDK v3 client: response shapes, error
 * shapes and statuses, paging, the shared token bucket, fault injection and the call counters.
 */
import {
  DeregisterTargetsCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ElasticLoadBalancingV2ServiceException,
  InvalidTargetException,
  paginateDescribeTargetGroups,
  RegisterTargetsCommand,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { scaledDurations } from './durations.js';
import { FakeElb, LBC_IDENTITY } from './elb/index.js';

const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
let elb: FakeElb;

function client(accessKeyId = 'AKIDZDGATE', maxAttempts = 1): ElasticLoadBalancingV2Client {
  return new ElasticLoadBalancingV2Client({
    region: 'eu-west-1',
    endpoint: elb.endpoint,
    credentials: { accessKeyId, secretAccessKey: 'not-checked' },
    maxAttempts,
  });
}

async function caught(p: Promise<unknown>): Promise<ElasticLoadBalancingV2ServiceException> {
  try {
    await p;
  } catch (e) {
    return e as ElasticLoadBalancingV2ServiceException;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  elb = await FakeElb.start({ clock, durations: scaledDurations(0.1) });
});
afterAll(async () => {
  await elb.close();
});
afterEach(() => {
  elb.faults.reset();
  elb.counters.reset();
});

function makeLbWithGroup(name: string, tags: Record<string, string> = {}) {
  const lb = elb.store.createLoadBalancer({ name: `lb-${name}`, type: 'application' });
  const tg = elb.store.createTargetGroup({
    name,
    port: 80,
    targetType: 'ip',
    attributes: { 'deregistration_delay.timeout_seconds': '30' },
    tags: { 'elbv2.k8s.aws/cluster': 'zd-sim', ...tags },
  });
  elb.store.setListener(lb.arn, 80, 'HTTP', [{ pathPrefix: '/', targetGroupArn: tg.arn }]);
  return { lb, tg };
}

describe('fake ELBv2 with @aws-sdk/client-elastic-load-balancing-v2', () => {
  it('serves RegisterTargets and DescribeTargetHealth with the real shapes, through the target-group state machine', async () => {
    const { tg } = makeLbWithGroup('k8s-demo-health-0000000001');
    const c = client();
    await c.send(
      new RegisterTargetsCommand({
        TargetGroupArn: tg.arn,
        Targets: [{ Id: '10.0.0.5', Port: 8080 }, { Id: '10.0.0.6' }],
      }),
    );
    let out = await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.TargetHealthDescriptions).toEqual([
      {
        Target: { Id: '10.0.0.5', Port: 8080 },
        HealthCheckPort: '8080',
        TargetHealth: {
          State: 'initial',
          Reason: 'Elb.RegistrationInProgress',
          Description: 'Target registration is in progress',
        },
      },
      {
        Target: { Id: '10.0.0.6', Port: 80 },
        HealthCheckPort: '80',
        TargetHealth: {
          State: 'initial',
          Reason: 'Elb.RegistrationInProgress',
          Description: 'Target registration is in progress',
        },
      },
    ]);
    clock.advance(1000 + 2 * 1500);
    await c.send(new DeregisterTargetsCommand({ TargetGroupArn: tg.arn, Targets: [{ Id: '10.0.0.6', Port: 80 }] }));
    out = await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn }));
    expect(
      out.TargetHealthDescriptions?.map((d) => [d.Target?.Id, d.TargetHealth?.State, d.TargetHealth?.Reason]),
    ).toEqual([
      ['10.0.0.5', 'healthy', undefined],
      ['10.0.0.6', 'draining', 'Target.DeregistrationInProgress'],
    ]);
    const one = await c.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn, Targets: [{ Id: '10.0.0.99', Port: 80 }] }),
    );
    expect(one.TargetHealthDescriptions?.[0]?.TargetHealth).toEqual({
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    });
  });

  it('pages DescribeTargetGroups with Marker/PageSize and filters by ARNs, names and load balancer', async () => {
    const { lb, tg } = makeLbWithGroup('k8s-page-a-0000000001');
    const others = ['b', 'c', 'd', 'e'].map((x) =>
      elb.store.createTargetGroup({ name: `k8s-page-${x}-0000000001`, port: 80, targetType: 'ip' }),
    );
    const c = client();

    const names: string[] = [];
    let pages = 0;
    // The SDK's paginator for this operation has no page-size token: PageSize goes in the input.
    for await (const pageOut of paginateDescribeTargetGroups({ client: c }, { PageSize: 2 })) {
      pages++;
      names.push(...(pageOut.TargetGroups ?? []).map((t) => t.TargetGroupName!));
    }
    expect(names.filter((n) => n.startsWith('k8s-page-'))).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((x) => `k8s-page-${x}-0000000001`),
    );
    expect(pages).toBe(Math.ceil(elb.store.targetGroups().length / 2));

    const byArn = await c.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.arn, others[1]!.arn] }));
    expect(byArn.TargetGroups?.map((t) => t.TargetGroupName)).toEqual([
      'k8s-page-a-0000000001',
      'k8s-page-c-0000000001',
    ]);
    const byLb = await c.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.arn }));
    expect(byLb.TargetGroups).toHaveLength(1);
    expect(byLb.TargetGroups?.[0]).toMatchObject({
      TargetGroupArn: tg.arn,
      TargetGroupName: 'k8s-page-a-0000000001',
      Protocol: 'HTTP',
      Port: 80,
      TargetType: 'ip',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [lb.arn],
      ProtocolVersion: 'HTTP1',
    });
    expect(tg.arn).toMatch(
      /^arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup\/k8s-page-a-0000000001\/[0-9a-f]{16}$/,
    );
    const byName = await c.send(new DescribeTargetGroupsCommand({ Names: ['k8s-page-e-0000000001'] }));
    expect(byName.TargetGroups?.[0]?.TargetGroupArn).toBe(others[3]!.arn);
  });

  it('serves DescribeTags, DescribeTargetGroupAttributes, DescribeLoadBalancers and DescribeListeners', async () => {
    const { lb, tg } = makeLbWithGroup('k8s-tags-svc-0000000001', { 'ingress.k8s.aws/stack': 'demo/ing' });
    const c = client();
    const tags = await c.send(new DescribeTagsCommand({ ResourceArns: [tg.arn] }));
    expect(tags.TagDescriptions).toEqual([
      {
        ResourceArn: tg.arn,
        Tags: [
          { Key: 'elbv2.k8s.aws/cluster', Value: 'zd-sim' },
          { Key: 'ingress.k8s.aws/stack', Value: 'demo/ing' },
        ],
      },
    ]);
    const attrs = await c.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.arn }));
    expect(attrs.Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '30' });
    const lbs = await c.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [lb.arn] }));
    expect(lbs.LoadBalancers?.[0]).toMatchObject({
      LoadBalancerName: lb.name,
      Type: 'application',
      State: { Code: 'active' },
    });
    expect(lbs.LoadBalancers?.[0]?.CreatedTime).toBeInstanceOf(Date);
    const listeners = await c.send(new DescribeListenersCommand({ LoadBalancerArn: lb.arn }));
    expect(listeners.Listeners?.[0]?.DefaultActions?.[0]).toMatchObject({ Type: 'forward', TargetGroupArn: tg.arn });
  });

  it('returns the real error shapes: TargetGroupNotFound, InvalidTarget, ValidationError, AccessDenied (403)', async () => {
    const { tg } = makeLbWithGroup('k8s-errors-svc-0000000001');
    const c = client();
    const missing = tg.arn.replace(/[0-9a-f]{16}$/, '0000000000000000');
    const nf = await caught(c.send(new DescribeTargetHealthCommand({ TargetGroupArn: missing })));
    expect(nf).toBeInstanceOf(TargetGroupNotFoundException);
    expect(nf.name).toBe('TargetGroupNotFoundException');
    expect(nf.message).toBe(`Target groups '${missing}' not found`);
    expect(nf.$fault).toBe('client');
    expect(nf.$metadata.httpStatusCode).toBe(400);

    const inv = await caught(
      c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn, Targets: [{ Id: 'i-0123456789abcdef0' }] })),
    );
    expect(inv).toBeInstanceOf(InvalidTargetException);

    const val = await caught(c.send(new DescribeTargetHealthCommand({ TargetGroupArn: 'not-an-arn' })));
    expect(val.name).toBe('ValidationError');
    expect(val.$metadata.httpStatusCode).toBe(400);

    elb.faults.denyAccess(
      ['AKIDREADONLY'],
      ['DescribeTargetHealth'],
      'arn:aws:sts::111111111111:assumed-role/zd-gate/ci',
    );
    const denied = await caught(
      client('AKIDREADONLY').send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).toContain('is not authorized to perform: elasticloadbalancing:DescribeTargetHealth');
    expect(denied.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // Other identities and other actions are unaffected.
    await expect(client().send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn }))).resolves.toBeDefined();
    await expect(client('AKIDREADONLY').send(new DescribeTargetGroupsCommand({}))).resolves.toBeDefined();
  });

  it('throttles past the shared 40-token bucket (10/s refill) with Throttling / Rate exceeded, for every caller alike', async () => {
    const { tg } = makeLbWithGroup('k8s-bucket-svc-0000000001');
    elb.faults.setBucket(40, 10);
    const gate = client('AKIDZDGATE');
    const other = client('AKIDOTHER');
    const results = await Promise.allSettled(
      Array.from({ length: 45 }, (_, i) =>
        (i % 2 ? gate : other).send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(40);
    const rejected = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as ElasticLoadBalancingV2ServiceException);
    expect(rejected).toHaveLength(5);
    for (const e of rejected) {
      expect(e.name).toBe('Throttling');
      expect(e.message).toBe('Rate exceeded');
      expect(e.$metadata.httpStatusCode).toBe(400);
    }
    // 1 s of simulated time refills 10 tokens.
    clock.advance(1000);
    const after = await Promise.allSettled(
      Array.from({ length: 12 }, () => gate.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.arn] }))),
    );
    expect(after.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    // In-process calls by the simulated controller draw on the same bucket.
    expect(() => elb.call('DescribeTargetHealth', LBC_IDENTITY, { TargetGroupArn: tg.arn })).toThrow('Rate exceeded');
    expect(elb.counters.byOutcome()).toEqual({ ok: 50, Throttling: 8 });
  });

  it('injects forced throttling windows, 5xx rates (retried by the SDK) and latency', async () => {
    const { tg } = makeLbWithGroup('k8s-faults-svc-0000000001');
    const c = client();
    elb.faults.throttleFor(2000, { actions: ['DescribeTargetHealth'] });
    expect((await caught(c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })))).name).toBe('Throttling');
    await expect(c.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.arn] }))).resolves.toBeDefined();
    clock.advance(2000);
    await expect(c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn }))).resolves.toBeDefined();

    elb.faults.setErrorRate('ServiceUnavailable', 1);
    const su = await caught(c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })));
    expect(su.name).toBe('ServiceUnavailable');
    expect(su.$fault).toBe('server');
    expect(su.$metadata.httpStatusCode).toBe(503);
    elb.faults.setErrorRate('ServiceUnavailable', 0);
    elb.faults.setErrorRate('InternalFailure', 1);
    const retrying = client('AKIDZDGATE', 3);
    const inf = await caught(retrying.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn })));
    expect(inf.name).toBe('InternalFailure');
    expect(inf.$metadata.httpStatusCode).toBe(500);
    expect(inf.$metadata.attempts).toBe(3);
    expect(elb.counters.count({ outcome: 'InternalFailure' })).toBe(3);
    elb.faults.setErrorRate('InternalFailure', 0);

    elb.faults.setLatency(120);
    const t0 = performance.now();
    await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.arn }));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });

  it('counts calls per action, per target group and per identity, with timestamps for rates', async () => {
    const a = makeLbWithGroup('k8s-count-a-0000000001').tg;
    const b = makeLbWithGroup('k8s-count-b-0000000001').tg;
    const c = client();
    const start = clock.now();
    for (let i = 0; i < 12; i++) {
      await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: a.arn }));
      if (i % 3 === 0) await c.send(new DescribeTargetHealthCommand({ TargetGroupArn: b.arn }));
      clock.advance(5000);
    }
    await c.send(new DescribeTagsCommand({ ResourceArns: [a.arn, b.arn] }));
    const f = { identity: 'AKIDZDGATE', action: 'DescribeTargetHealth' };
    expect(elb.counters.count({ ...f, targetGroup: a.arn })).toBe(12);
    expect(elb.counters.count({ ...f, targetGroup: b.arn })).toBe(4);
    expect(elb.counters.byAction({ identity: 'AKIDZDGATE' })).toEqual({ DescribeTargetHealth: 16, DescribeTags: 1 });
    expect(elb.counters.byTargetGroup({ identity: 'AKIDZDGATE' })).toEqual({ [a.arn]: 13, [b.arn]: 5 });
    // 12 calls over one minute of simulated time.
    expect(elb.counters.perMinute({ ...f, targetGroup: a.arn, since: start, until: start + 60_000 })).toBe(12);
    expect(elb.counters.peakRate({ ...f }, 1000)).toBe(2);
  });

  it('is reachable through the SDK endpoint override env var AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2', async () => {
    const { tg } = makeLbWithGroup('k8s-envvar-svc-0000000001');
    const saved = process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'];
    process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'] = elb.endpoint;
    try {
      const c = new ElasticLoadBalancingV2Client({
        region: 'eu-west-1',
        credentials: { accessKeyId: 'AKIDENV', secretAccessKey: 'x' },
      });
      const out = await c.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tg.arn] }));
      expect(out.TargetGroups?.[0]?.TargetGroupName).toBe('k8s-envvar-svc-0000000001');
      expect(elb.counters.count({ identity: 'AKIDENV' })).toBe(1);
    } finally {
      if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'];
      else process.env['AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2'] = saved;
    }
  });
});
