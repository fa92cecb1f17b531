/**
 * The ELBv2 adapter against the real AWS SDK client: with aws-sdk-client-mock for the error
 * mapping, and with a loopback Query endpoint (found through AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2)
 * for the SDK's own retries, XML parsing and the call budget.
 */
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2ServiceException,
  TargetGroupNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallBudget } from '../../src/adapters/aws/budget.js';
import { AwsSetupError, createElbClient, ElbTargetHealth } from '../../src/adapters/aws/elbv2.js';
import { TargetHealthPoller } from '../../src/adapters/aws/poller.js';
import { FakeElb } from '../helpers/fake-elb.js';
import { ManualTimers, settle } from '../helpers/manual-timers.js';

const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-web-1a2b3c4d5e/0123456789abcdef';
const ARN_B =
  'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-api-9f8e7d6c5b/fedcba9876543210';

function budget(): CallBudget {
  return new CallBudget({ now: () => Date.now() }, { ratePerSecond: 100, burst: 100 });
}

function awsError(name: string, status: number, message: string): ElasticLoadBalancingV2ServiceException {
  return new ElasticLoadBalancingV2ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    message,
  });
}

describe('ElbTargetHealth with aws-sdk-client-mock', () => {
  const client = createElbClient({ region: 'eu-west-1', budget: budget() });
  const mock = mockClient(client);
  const elb = new ElbTargetHealth(client);
  afterEach(() => mock.reset());

  it('maps DescribeTargetHealth to id, port, state, reason and description', async () => {
    mock.on(DescribeTargetHealthCommand, { TargetGroupArn: ARN }).resolves({
      TargetHealthDescriptions: [
        { Target: { Id: '10.0.1.5', Port: 8080 }, TargetHealth: { State: 'healthy' } },
        {
          Target: { Id: '10.0.1.6', Port: 8080 },
          TargetHealth: {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [500]',
          },
        },
      ],
    });
    expect(await elb.describeTargetHealth(ARN)).toEqual({
      kind: 'known',
      targets: [
        { id: '10.0.1.5', port: 8080, state: 'healthy' },
        {
          id: '10.0.1.6',
          port: 8080,
          state: 'unhealthy',
          reason: 'Target.ResponseCodeMismatch',
          description: 'Health checks failed with these codes: [500]',
        },
      ],
    });
  });

  it('AccessDenied is an error naming elasticloadbalancing:DescribeTargetHealth', async () => {
    mock
      .on(DescribeTargetHealthCommand)
      .rejects(
        awsError(
          'AccessDenied',
          403,
          'User: arn:aws:sts::1:assumed-role/ci is not authorized to perform: elasticloadbalancing:DescribeTargetHealth',
        ),
      );
    const err = await elb.describeTargetHealth(ARN).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsSetupError);
    expect((err as Error).message).toMatch(
      /^AWS denied elasticloadbalancing:DescribeTargetHealth on arn:aws:elasticloadbalancing:.*: allow `elasticloadbalancing:DescribeTargetHealth`/,
    );
  });

  it('a deleted target group is an error; throttling and 5xx are unknown', async () => {
    mock.on(DescribeTargetHealthCommand).rejects(
      new TargetGroupNotFoundException({
        $metadata: { httpStatusCode: 400 },
        message: 'One or more target groups not found',
      }),
    );
    await expect(elb.describeTargetHealth(ARN)).rejects.toThrow(/target group not found: .*k8s-demo-web-1a2b3c4d5e/);
    mock.reset();
    mock.on(DescribeTargetHealthCommand).rejects(awsError('Throttling', 400, 'Rate exceeded'));
    expect(await elb.describeTargetHealth(ARN)).toMatchObject({
      kind: 'unknown',
      throttled: true,
      reason: 'Throttling (HTTP 400): Rate exceeded',
    });
    mock.reset();
    mock.on(DescribeTargetHealthCommand).rejects(awsError('InternalFailure', 500, 'oops'));
    expect(await elb.describeTargetHealth(ARN)).toMatchObject({
      kind: 'unknown',
      reason: 'InternalFailure (HTTP 500): oops',
    });
  });

  it('DescribeTargetGroups gives the target type and the health check', async () => {
    mock.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [
        {
          TargetGroupArn: ARN,
          TargetGroupName: 'k8s-demo-web-1a2b3c4d5e',
          TargetType: 'ip',
          HealthCheckProtocol: 'HTTP',
          HealthCheckPort: 'traffic-port',
          HealthCheckPath: '/',
          Matcher: { HttpCode: '200' },
          HealthCheckIntervalSeconds: 15,
          HealthyThresholdCount: 2,
        },
        { TargetGroupArn: ARN_B, TargetGroupName: 'k8s-demo-api-9f8e7d6c5b', TargetType: 'instance' },
      ],
    });
    const infos = await elb.describeTargetGroups([ARN, ARN_B]);
    expect(infos.get(ARN)).toMatchObject({
      targetType: 'ip',
      healthCheck: 'HTTP traffic-port / expecting 200, every 15s, healthy after 2',
    });
    expect(infos.get(ARN_B)?.targetType).toBe('instance');
  });

  it('AccessDenied on DescribeTargetGroups names that action', async () => {
    mock.on(DescribeTargetGroupsCommand).rejects(awsError('AccessDenied', 403, 'not authorized'));
    await expect(elb.describeTargetGroups([ARN])).rejects.toThrow(/allow `elasticloadbalancing:DescribeTargetGroups`/);
  });
});

describe('ElbTargetHealth over HTTP: the SDK retries, the endpoint override and the budget', () => {
  const fake = new FakeElb();
  const saved = { ...process.env };
  beforeAll(async () => {
    await fake.start();
    process.env.AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 = fake.url;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    delete process.env.AWS_PROFILE;
    fake.add({
      arn: ARN,
      name: 'k8s-demo-web-1a2b3c4d5e',
      targetType: 'ip',
      targets: [
        { id: '10.0.1.5', port: 80, state: 'healthy' },
        { id: '10.0.1.6', port: 80, state: 'initial', reason: 'Elb.InitialHealthChecking' },
      ],
    });
  });
  afterAll(async () => {
    process.env = saved;
    await fake.stop();
  });
  afterEach(() => {
    fake.faults.length = 0;
    fake.calls.length = 0;
  });

  it('AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 points the real client at the loopback endpoint', async () => {
    const b = budget();
    const elb = new ElbTargetHealth(createElbClient({ region: 'eu-west-1', budget: b }));
    expect(await elb.describeTargetHealth(ARN)).toEqual({
      kind: 'known',
      targets: [
        { id: '10.0.1.5', port: 80, state: 'healthy' },
        { id: '10.0.1.6', port: 80, state: 'initial', reason: 'Elb.InitialHealthChecking' },
      ],
    });
    expect(fake.calls).toHaveLength(1);
    expect(b.spent).toBe(1);
    const infos = await elb.describeTargetGroups([ARN]);
    expect(infos.get(ARN)).toMatchObject({
      name: 'k8s-demo-web-1a2b3c4d5e',
      targetType: 'ip',
      healthCheck: 'HTTP traffic-port /healthz expecting 200, every 15s, healthy after 2',
    });
  });

  it('throttling: the SDK retries (standard mode), the budget counts every attempt, and the answer is unknown', async () => {
    const b = budget();
    const elb = new ElbTargetHealth(createElbClient({ region: 'eu-west-1', budget: b, maxAttempts: 3 }));
    fake.faults.push(FakeElb.throttling(), FakeElb.throttling(), FakeElb.throttling());
    const r = await elb.describeTargetHealth(ARN);
    expect(r).toMatchObject({ kind: 'unknown', throttled: true });
    expect(r.kind === 'unknown' && r.reason).toMatch(/^Throttling \(HTTP 400\): Rate exceeded/);
    expect(fake.calls.filter((c) => c.action === 'DescribeTargetHealth')).toHaveLength(3);
    expect(b.spent).toBe(3);
  }, 20_000);

  it('a throttle followed by success is a known answer after one retry', async () => {
    const elb = new ElbTargetHealth(createElbClient({ region: 'eu-west-1', budget: budget(), maxAttempts: 3 }));
    fake.faults.push(FakeElb.throttling());
    expect((await elb.describeTargetHealth(ARN)).kind).toBe('known');
    expect(fake.calls).toHaveLength(2);
  }, 20_000);

  it('AccessDenied over the wire is not retried and names the permission', async () => {
    const elb = new ElbTargetHealth(createElbClient({ region: 'eu-west-1', budget: budget() }));
    fake.faults.push(FakeElb.accessDenied('DescribeTargetHealth'));
    await expect(elb.describeTargetHealth(ARN)).rejects.toThrow(
      /allow `elasticloadbalancing:DescribeTargetHealth`.*not authorized to perform/,
    );
    expect(fake.calls).toHaveLength(1);
  });
});

describe('TargetHealthPoller', () => {
  function setup(rate = 1, burst = 3) {
    const timers = new ManualTimers();
    const client = createElbClient({ region: 'eu-west-1', budget: new CallBudget(timers) });
    const mock = mockClient(client);
    mock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
    const b = new CallBudget(timers, { ratePerSecond: rate, burst });
    // The budget is drawn by the poller's own accounting here: the mock bypasses the HTTP middleware.
    const elb = new ElbTargetHealth(client);
    const counting = {
      describeTargetHealth: (arn: string, s?: AbortSignal) => (b.spend(), elb.describeTargetHealth(arn, s)),
      budgetWaitMs: () => b.waitMs(),
    };
    return {
      timers,
      mock,
      budget: b,
      poller: new TargetHealthPoller(counting, timers, { intervalMs: 5_000 }, () => 0.5),
    };
  }

  it('one call per target group per interval', async () => {
    const { timers, poller } = setup();
    const seen: string[] = [];
    poller.subscribe(ARN, () => seen.push('a'));
    poller.subscribe(ARN_B, () => seen.push('b'));
    const stop = new AbortController();
    const done = poller.run(stop.signal, () => undefined);
    await timers.advance(60_000);
    stop.abort();
    await done;
    // ManualTimers resolve sleep(0) at the first 100 ms step: polls at 0.1, 5.1, ..., 55.1 s
    expect(poller.calls.get(ARN)).toBe(12);
    expect(poller.calls.get(ARN_B)).toBe(12);
    expect(seen.filter((s) => s === 'a')).toHaveLength(12);
  });

  it('stretches its interval after throttling (at most ×6) and comes back after a good answer', async () => {
    const { timers, poller, mock } = setup();
    mock.on(DescribeTargetHealthCommand).rejects(awsError('Throttling', 400, 'Rate exceeded'));
    const kinds: string[] = [];
    poller.subscribe(ARN, (o) => kinds.push(o.kind));
    const stop = new AbortController();
    const done = poller.run(stop.signal, () => undefined);
    await timers.advance(60_000);
    // 0.1, 10.1, 30.1 (waits ×2, ×4), then ×6 (the cap) → 60.1: 3 calls in the first minute instead of 12
    expect(poller.calls.get(ARN)).toBe(3);
    expect(kinds.every((k) => k === 'unknown')).toBe(true);
    mock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] });
    await timers.advance(30_000); // 60.1: known, then back to every 5 s: 65.1 … 85.1
    stop.abort();
    await done;
    expect(kinds.slice(3)).toEqual(['known', 'known', 'known', 'known', 'known', 'known']);
  });

  it('never exceeds the budget, however many target groups', async () => {
    const { timers, poller, budget: b } = setup(1, 3);
    const arns = Array.from({ length: 20 }, (_, i) =>
      ARN.replace('0123456789abcdef', i.toString(16).padStart(16, '0')),
    );
    for (const a of arns) poller.subscribe(a, () => undefined);
    const stop = new AbortController();
    const done = poller.run(stop.signal, () => undefined);
    await timers.advance(60_000);
    stop.abort();
    await done;
    const total = [...poller.calls.values()].reduce((x, y) => x + y, 0);
    expect(total).toBeLessThanOrEqual(60 + 3);
    expect(b.spent).toBe(total);
  });

  it('an AccessDenied stops polling and is reported', async () => {
    const { timers, poller, mock } = setup();
    mock.on(DescribeTargetHealthCommand).rejects(awsError('AccessDenied', 403, 'not authorized'));
    const errors: string[] = [];
    poller.subscribe(ARN, () => undefined);
    const done = poller.run(new AbortController().signal, (e) => errors.push(e.message));
    await timers.advance(20_000);
    await settle();
    await done;
    expect(errors).toHaveLength(1);
    expect(poller.calls.get(ARN)).toBeUndefined();
  });
});
