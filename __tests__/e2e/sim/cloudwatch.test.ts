/**
 * The fake CloudWatch endpoint against the real, unmodified `@aws-sdk/client-cloudwatch`: the
 * JSON 1.0 wire format the client speaks, per-minute sums equal to the traffic model's counts,
 * the publication delay, error shapes as the client decodes them (query-compatible codes),
 * paging, and the faults a test injects.
 */
import type { V1Pod } from '@kubernetes/client-node';
import {
  CloudWatchClient,
  CloudWatchServiceException,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  InvalidParameterValueException,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { CwErrors, dimensionOf, FakeCloudWatch, MINUTE_MS, seriesKey, TARGET_PREFIX } from './cloudwatch/index.js';
import { scaledDurations } from './durations.js';
import { ElbStore } from './elb/store.js';
import { PodView } from './pods.js';
import { Attack, DataPlane, type Hit } from './traffic.js';

const d = scaledDurations(0.1);
/** 10:00:00 UTC: minutes are real minutes. */
const T0 = Date.parse('2026-01-15T10:00:00Z');

function pod(name: string, ip: string): V1Pod {
  return {
    metadata: { name, namespace: 'demo', uid: `uid-${name}`, annotations: {} },
    spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.23.1' }] },
    status: { podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'ContainersReady', status: 'True' }] },
  };
}

const clock = new ManualClock(T0);
const store = new ElbStore(clock, { region: 'eu-west-1', accountId: '111111111111', vpcId: 'vpc-0sim', durations: d });
const pods = new PodView(clock);
store.setProbe((t) => pods.probe(t.id));
const alb = store.createLoadBalancer({ name: 'k8s-demo-ingress-0123456789', type: 'application' });
const web = store.createTargetGroup({ name: 'k8s-demo-web-0123456789', port: 80, targetType: 'ip' });
store.setListener(alb.arn, 80, 'HTTP', [{ pathPrefix: '/', targetGroupArn: web.arn }]);
const nlb = store.createLoadBalancer({ name: 'k8s-demo-tcp-0123456789', type: 'network' });
const tcp = store.createTargetGroup({
  name: 'k8s-demo-tcp-0123456789',
  port: 80,
  targetType: 'ip',
  loadBalancerType: 'network',
});
store.setListener(nlb.arn, 80, 'TCP', [{ pathPrefix: '/', targetGroupArn: tcp.arn }]);
const plane = new DataPlane(store, pods, d, clock);
let cw: FakeCloudWatch;

function client(accessKeyId = 'AKIDZDGATE', maxAttempts = 1): CloudWatchClient {
  return new CloudWatchClient({
    region: 'eu-west-1',
    endpoint: cw.endpoint,
    credentials: { accessKeyId, secretAccessKey: 'not-checked' },
    maxAttempts,
  });
}

async function caught(p: Promise<unknown>): Promise<CloudWatchServiceException> {
  try {
    await p;
  } catch (e) {
    return e as CloudWatchServiceException;
  }
  throw new Error('expected the call to fail');
}

const LB = { Name: 'LoadBalancer', Value: dimensionOf(alb.arn) };
const TG = { Name: 'TargetGroup', Value: dimensionOf(web.arn) };
const query = (id: string, metric: string, dims = [LB], ns = 'AWS/ApplicationELB') => ({
  Id: id,
  MetricStat: { Metric: { Namespace: ns, MetricName: metric, Dimensions: dims }, Period: 60, Stat: 'Sum' },
});
const input = (
  queries: GetMetricDataCommandInput['MetricDataQueries'],
  extra: Partial<GetMetricDataCommandInput> = {},
) => ({
  MetricDataQueries: queries,
  StartTime: new Date(T0 - MINUTE_MS),
  EndTime: new Date(T0 + 4 * MINUTE_MS),
  ScanBy: 'TimestampAscending' as const,
  ...extra,
});

/** Hits per minute and status, as the traffic model saw them. */
function byMinute(hits: Hit[], status?: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of hits) {
    if (status !== undefined && h.status !== status) continue;
    const m = Math.floor(h.at / MINUTE_MS) * MINUTE_MS;
    out.set(m, (out.get(m) ?? 0) + 1);
  }
  return out;
}

let hits: Hit[] = [];

beforeAll(async () => {
  cw = await FakeCloudWatch.start({ clock, store, plane, publicationDelayMs: d.cloudWatchPublicationDelayMs });
  // Three minutes at 20 req/s through the ALB: 10 healthy pods for the first minute and a half,
  // then every pod stops answering (502), then no target at all (503) from 10:02:00.
  const ips = Array.from({ length: 10 }, (_, i) => `10.0.0.${i + 1}`);
  ips.forEach((ip, i) => pods.upsert(pod(`web-${i}`, ip)));
  web.register(ips.map((id) => ({ id, port: 80 })));
  clock.advance(5_000);
  const attack = new Attack(clock, plane, { rate: 20, durationMs: 3 * MINUTE_MS - 5_000, loadBalancerArn: alb.arn });
  clock.setTimeout(
    () => ips.forEach((ip, i) => pods.upsert({ ...pod(`web-${i}`, ip), status: { podIP: ip, conditions: [] } })),
    85_000,
  );
  clock.setTimeout(() => web.deregister(ips.map((id) => ({ id, port: 80 }))), 2 * MINUTE_MS - 5_000);
  // Through the NLB with nothing registered, in minute 10:00: every connection reset by the load balancer.
  clock.setTimeout(() => {
    for (let i = 0; i < 7; i++) plane.requestLoadBalancer(nlb.arn);
  }, 30_000);
  clock.advance(3 * MINUTE_MS);
  await attack.done;
  hits = attack.hits;
});
afterAll(async () => {
  await cw.close();
});

describe('fake CloudWatch through the real SDK client', () => {
  it('serves JSON 1.0 with the X-Amz-Target the client sends', async () => {
    const res = await fetch(cw.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDQUERY/20260115/eu-west-1/monitoring/aws4_request',
      },
      body: 'Action=GetMetricData&Version=2010-08-01',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-query-error')).toBe('UnknownOperation;Sender');
    await client().send(new GetMetricDataCommand(input([query('r', 'RequestCount')])));
    expect(cw.counters.list({ identity: 'AKIDZDGATE' }).map((c) => [c.action, c.outcome])).toEqual([
      ['GetMetricData', 'ok'],
    ]);
    expect(TARGET_PREFIX).toBe('GraniteServiceVersion20100801');
  });

  it('publishes per-minute sums equal to the traffic model, load-balancer codes per load balancer, requests per group too', async () => {
    // 10:03:15: minute 10:02 ended at 10:03:00 and is published 6 s later.
    clock.advance(T0 + 3 * MINUTE_MS + 15_000 - clock.now());
    const out = await client().send(
      new GetMetricDataCommand(
        input([
          query('requests', 'RequestCount'),
          query('tgrequests', 'RequestCount', [TG, LB]),
          query('e502', 'HTTPCode_ELB_502_Count'),
          query('e503', 'HTTPCode_ELB_503_Count'),
          query('e5xx', 'HTTPCode_ELB_5XX_Count'),
          query('nope', 'HTTPCode_ELB_502_Count', [TG, LB]),
          query(
            'resets',
            'TCP_ELB_Reset_Count',
            [{ Name: 'LoadBalancer', Value: dimensionOf(nlb.arn) }],
            'AWS/NetworkELB',
          ),
        ]),
      ),
    );
    const series = (id: string) => {
      const r = out.MetricDataResults!.find((x) => x.Id === id)!;
      expect(r.StatusCode).toBe('Complete');
      return new Map(r.Timestamps!.map((t, i) => [t.getTime(), r.Values![i]!]));
    };
    expect(series('requests')).toEqual(byMinute(hits));
    expect(series('tgrequests')).toEqual(byMinute(hits));
    expect(series('e502')).toEqual(byMinute(hits, 502));
    expect(series('e503')).toEqual(byMinute(hits, 503));
    expect([...series('e502').values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const all5xx = new Map([...byMinute(hits, 502)]);
    for (const [m, n] of byMinute(hits, 503)) all5xx.set(m, (all5xx.get(m) ?? 0) + n);
    expect(series('e5xx')).toEqual(all5xx);
    // The load balancer's own codes are not published per target group.
    expect(series('nope').size).toBe(0);
    expect([...series('resets').values()]).toEqual([7]);
    expect(out.MetricDataResults!.find((r) => r.Id === 'requests')!.Label).toBe('RequestCount');
  });

  it('shows a minute only a publication delay after it ends', async () => {
    const last = T0 + 3 * MINUTE_MS;
    const key = seriesKey('AWS/ApplicationELB', 'RequestCount', { LoadBalancer: LB.Value });
    plane.requestLoadBalancer(alb.arn); // one request in minute 10:03
    const ask = async () =>
      (
        await client().send(new GetMetricDataCommand(input([query('r', 'RequestCount')])))
      ).MetricDataResults![0]!.Timestamps!.map((t) => t.getTime());
    expect(cw.metrics.total(key, last, last + MINUTE_MS)).toBe(1);
    expect(await ask()).not.toContain(last);
    clock.advance(last + MINUTE_MS + d.cloudWatchPublicationDelayMs - 1 - clock.now());
    expect(await ask()).not.toContain(last);
    clock.advance(1);
    expect(await ask()).toContain(last);
    expect(d.cloudWatchPublicationDelayMs).toBe(6_000);
  });

  it('orders, pages and aggregates as GetMetricData does', async () => {
    const desc = await client().send(
      new GetMetricDataCommand(input([query('r', 'RequestCount')], { ScanBy: undefined })),
    );
    const times = desc.MetricDataResults![0]!.Timestamps!.map((t) => t.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = await client().send(
      new GetMetricDataCommand(
        input([query('a', 'RequestCount'), query('b', 'HTTPCode_ELB_502_Count')], { MaxDatapoints: 3 }),
      ),
    );
    expect(first.NextToken).toBeDefined();
    expect(first.MetricDataResults!.map((r) => [r.Id, r.Values!.length, r.StatusCode])).toEqual([
      ['a', 3, 'PartialData'],
      ['b', 0, 'PartialData'],
    ]);
    const second = await client().send(
      new GetMetricDataCommand(
        input([query('a', 'RequestCount'), query('b', 'HTTPCode_ELB_502_Count')], {
          MaxDatapoints: 3,
          NextToken: first.NextToken,
        }),
      ),
    );
    expect(second.MetricDataResults!.map((r) => r.Values!.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const five = await client().send(
      new GetMetricDataCommand(
        input(
          [{ ...query('r', 'RequestCount'), MetricStat: { ...query('r', 'RequestCount').MetricStat, Period: 300 } }],
          { StartTime: new Date(T0) },
        ),
      ),
    );
    expect(five.MetricDataResults![0]!.Values).toEqual([hits.length + 1]);
  });

  it('answers bad requests with the codes the client maps', async () => {
    const bad = await caught(
      client().send(
        new GetMetricDataCommand(
          input([
            { ...query('r', 'RequestCount'), MetricStat: { ...query('r', 'RequestCount').MetricStat, Period: 61 } },
          ]),
        ),
      ),
    );
    expect(bad).toBeInstanceOf(InvalidParameterValueException);
    expect(bad.$metadata.httpStatusCode).toBe(400);
    expect(bad.message).toMatch(/Period must be a multiple of 60/);
    const id = await caught(client().send(new GetMetricDataCommand(input([query('R1', 'RequestCount')]))));
    expect(id).toBeInstanceOf(InvalidParameterValueException);
    const math = await caught(
      client().send(new GetMetricDataCommand(input([{ Id: 'm', Expression: 'SUM(METRICS())' }]))),
    );
    expect(math.message).toMatch(/does not model metric math/);
    const both = await caught(
      client().send(new GetMetricDataCommand(input([{ ...query('r', 'RequestCount'), Expression: 'r' }]))),
    );
    expect(both.name).toBe('InvalidParameterCombinationException');
    const order = await caught(
      client().send(
        new GetMetricDataCommand(
          input([query('r', 'RequestCount')], { StartTime: new Date(T0), EndTime: new Date(T0) }),
        ),
      ),
    );
    expect(order.message).toBe('The parameter StartTime must be less than the parameter EndTime.');
  });

  it('denies, throttles and fails as AWS does, and the SDK retries what it should', async () => {
    cw.faults.denyAccess(['AKIDDENIED'], undefined, 'arn:aws:sts::111111111111:assumed-role/deploy/gh');
    const denied = await caught(
      client('AKIDDENIED').send(new GetMetricDataCommand(input([query('r', 'RequestCount')]))),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).toBe(
      'User: arn:aws:sts::111111111111:assumed-role/deploy/gh is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action',
    );
    cw.faults.failNext(1, CwErrors.throttling, { identities: ['AKIDTHROTTLED'] });
    const throttled = await caught(
      client('AKIDTHROTTLED').send(new GetMetricDataCommand(input([query('r', 'RequestCount')]))),
    );
    expect(throttled.name).toBe('Throttling');
    cw.faults.failNext(2, CwErrors.throttling, { identities: ['AKIDRETRY'] });
    const retried = await client('AKIDRETRY', 3).send(new GetMetricDataCommand(input([query('r', 'RequestCount')])));
    expect(retried.MetricDataResults).toHaveLength(1);
    expect(cw.counters.byOutcome({ identity: 'AKIDRETRY' })).toEqual({ Throttling: 2, ok: 1 });
    cw.faults.failNext(1, CwErrors.internal, { identities: ['AKID500'] });
    const internal = await caught(
      client('AKID500').send(new GetMetricDataCommand(input([query('r', 'RequestCount')]))),
    );
    expect(internal.name).toBe('InternalServiceFault');
    expect(internal.$metadata.httpStatusCode).toBe(500);
    expect(internal.$fault).toBe('server');
    cw.faults.reset();
  });

  it('withholds every datapoint from a caller whose metrics never arrive', async () => {
    cw.withhold(['AKIDNOMETRICS']);
    const out = await client('AKIDNOMETRICS').send(new GetMetricDataCommand(input([query('r', 'RequestCount')])));
    expect(out.MetricDataResults).toEqual([
      expect.objectContaining({ Id: 'r', Timestamps: [], Values: [], StatusCode: 'Complete' }),
    ]);
    const other = await client().send(new GetMetricDataCommand(input([query('r', 'RequestCount')])));
    expect(other.MetricDataResults![0]!.Values!.length).toBeGreaterThan(0);
    cw.release();
  });
});
