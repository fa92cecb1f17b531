/**
 * `zd-gate watch` end to end through the CLI, the way the end-to-end simulator drives
 * `node dist/index.js watch`: KUBECONFIG to a loopback API server,
 * AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 to a loopback ELBv2 endpoint, static AWS credentials
 * in the environment. Exit 0 on a passing gate, 1 on a failing one, 2 when it cannot run.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { WatchReport } from '../../src/report/watch/report.js';
import { FakeElb, type FakeTarget } from '../helpers/fake-elb.js';
import { FakeKube } from '../helpers/fake-kube.js';

const NS = '/api/v1/namespaces/demo';
const APPS = '/apis/apps/v1/namespaces/demo';
const TGB = '/apis/elbv2.k8s.aws/v1beta1/namespaces/demo/targetgroupbindings';
const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-web-1a2b3c4d5e/0123456789abcdef';

let kube: FakeKube;
let elb: FakeElb;
let dir: string;
const savedEnv = { ...process.env };

function template(app: string, image: string, hash?: string) {
  return {
    metadata: { labels: { app, ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 8080 }] }] },
  };
}

/** A Deployment `app` (2 replicas, revision 2 rolled out, revision 1 in history), its Service, binding and target group. */
function seed(opts: {
  targets: FakeTarget[];
  targetType?: 'ip' | 'instance';
  app?: string;
  arn?: string;
  subnet?: number;
}): void {
  const app = opts.app ?? 'web';
  const arn = opts.arn ?? ARN;
  const tg = arn.split('/')[1] as string;
  const uid = `uid-${app}`;
  kube.put(`${APPS}/deployments`, {
    metadata: {
      name: app,
      namespace: 'demo',
      uid,
      generation: 2,
      labels: { app },
      annotations: { 'deployment.kubernetes.io/revision': '2' },
    },
    spec: {
      replicas: 2,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: template(app, `${app}:2`),
    },
    status: { observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
  });
  for (const rev of ['1', '2']) {
    kube.put(`${APPS}/replicasets`, {
      metadata: {
        name: `${app}-r${rev}`,
        namespace: 'demo',
        labels: { app, 'pod-template-hash': `r${rev}` },
        annotations: { 'deployment.kubernetes.io/revision': rev },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid, controller: true }],
      },
      spec: {
        replicas: rev === '2' ? 2 : 0,
        selector: { matchLabels: { app } },
        template: template(app, `${app}:${rev}`, `r${rev}`),
      },
    });
  }
  for (const i of [1, 2]) {
    kube.put(`${NS}/pods`, {
      metadata: {
        name: `${app}-r2-${i}`,
        namespace: 'demo',
        labels: { app, 'pod-template-hash': 'r2' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-r2`, uid: `${uid}-r2`, controller: true },
        ],
      },
      spec: {
        containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }],
        readinessGates: [{ conditionType: `target-health.elbv2.k8s.aws/${tg}` }],
      },
      status: {
        phase: 'Running',
        podIP: `10.0.${opts.subnet ?? 1}.${i}`,
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: `target-health.elbv2.k8s.aws/${tg}`, status: 'True' },
        ],
      },
    });
  }
  kube.put(`${NS}/services`, {
    metadata: { name: app, namespace: 'demo' },
    spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  kube.put(TGB, {
    metadata: { name: tg, namespace: 'demo' },
    spec: { targetGroupARN: arn, targetType: opts.targetType ?? 'ip', serviceRef: { name: app, port: 80 } },
  });
  elb.add({ arn, name: tg, targetType: opts.targetType ?? 'ip', targets: opts.targets });
}

async function watch(...args: string[]): Promise<{ code: number; stderr: string; report: WatchReport }> {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (c) => (text += String(c)));
  const reportFile = path.join(dir, 'report.json');
  const code = await runCli(
    [
      'watch',
      '--namespace',
      'demo',
      '--poll-interval',
      '2s',
      '--soak-seconds',
      '0',
      '--report-file',
      reportFile,
      ...args,
    ],
    {
      stdout: new PassThrough(),
      stderr,
      env: process.env,
      signal: new AbortController().signal,
    },
  );
  const report = JSON.parse(await readFile(reportFile, 'utf8')) as WatchReport;
  return { code, stderr: text, report };
}

beforeEach(async () => {
  kube = await new FakeKube().start();
  elb = await new FakeElb().start();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zd-watch-'));
  await writeFile(path.join(dir, 'kubeconfig'), kube.kubeconfig());
  Object.assign(process.env, {
    KUBECONFIG: path.join(dir, 'kubeconfig'),
    AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: elb.url,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'eu-west-1',
  });
  delete process.env.AWS_PROFILE;
});

afterEach(async () => {
  process.env = { ...savedEnv };
  await kube.stop();
  await elb.stop();
});

const healthy = (i: number): FakeTarget => ({ id: `10.0.1.${i}`, port: 8080, state: 'healthy' });

describe('zd-gate watch (CLI, loopback Kubernetes API and ELBv2)', () => {
  it('exits 0 when the rollout is complete and every new pod is a healthy target', async () => {
    seed({
      targets: [
        healthy(1),
        healthy(2),
        { id: '10.0.1.99', port: 8080, state: 'draining', reason: 'Target.DeregistrationInProgress' },
      ],
    });
    const r = await watch('--deployments', 'web');
    if (process.env.ZD_SHOW) console.log(r.stderr);
    expect(r.code).toBe(0);
    expect(r.report.result).toBe('success');
    expect(r.report.deployments[0]).toMatchObject({
      name: 'web',
      result: 'success',
      reason: 'converged',
      revision: 2,
      threshold: 2,
      minHealthyObserved: 2,
    });
    expect(r.report.deployments[0]!.targetGroups[0]).toMatchObject({
      arn: ARN,
      targetType: 'ip',
      port: 'http',
      source: 'TargetGroupBinding k8s-demo-web-1a2b3c4d5e → Service web:80',
    });
    expect(r.stderr).toMatch(
      /web: deployment "web" successfully rolled out \| k8s-demo-web-1a2b3c4d5e: healthy 2\/2 \(new 2\/2, old 0\)/,
    );
    expect(r.stderr).not.toContain(kube.token);
    // Discovery, then polls; never a list loop on the API server.
    expect(elb.calls.map((c) => c.action)).toEqual(
      expect.arrayContaining(['DescribeTargetGroups', 'DescribeTargetHealth']),
    );
    expect(kube.requests.filter((q) => q.path.endsWith('/pods') && q.query.watch !== 'true')).toHaveLength(1);
    // One poll; its rate is calls × 60 / the watch's duration, a watch shorter than one interval counting as one.
    expect(r.report.elb).toMatchObject({ pollIntervalSeconds: 2, describeTargetHealthCalls: { [ARN]: 1 } });
    expect(r.report.elb.describeTargetHealthPerMinute[ARN]).toBeCloseTo(60 / Math.max(2, r.report.durationSeconds), 0);
  });

  it('exits 1 when a target group is below the threshold, with the ELB reason in the diagnostics', async () => {
    seed({
      targets: [
        healthy(1),
        {
          id: '10.0.1.2',
          port: 8080,
          state: 'unhealthy',
          reason: 'Target.ResponseCodeMismatch',
          description: 'Health checks failed with these codes: [500]',
        },
      ],
    });
    const r = await watch('--deployments', 'web');
    if (process.env.ZD_SHOW) console.log(r.stderr, JSON.stringify(r.report, null, 1));
    expect(r.code).toBe(1);
    expect(r.report.deployments[0]).toMatchObject({
      result: 'failed',
      reason: 'below-threshold',
      minHealthyObserved: 1,
    });
    expect(r.stderr).toMatch(
      /web: failed \(below-threshold\): target group k8s-demo-web-1a2b3c4d5e: 1 healthy targets of web < threshold 2/,
    );
    expect(r.report.deployments[0]!.diagnostics.join('\n')).toMatch(
      /10\.0\.1\.2:8080 \(pod web-r2-2, new\) unhealthy Target\.ResponseCodeMismatch: Health checks failed with these codes: \[500\]/,
    );
  });

  it("rolls a failed Deployment back with kubectl's patch and reports the revision", async () => {
    seed({ targets: [healthy(1)] });
    const r = await watch('--deployments', 'web', '--rollback', '--rollback-wait', 'false');
    expect(r.code).toBe(1);
    expect(r.report.result).toBe('rolled-back');
    expect(r.report.deployments[0]).toMatchObject({
      result: 'rolled-back',
      rolledBackTo: 1,
      rollback: { status: 'applied' },
    });
    const patch = kube.requests.find((q) => q.method === 'PATCH');
    expect(patch?.contentType).toBe('application/json-patch+json');
    const d = kube.get(`${APPS}/deployments`, 'web') as unknown as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(d.spec.template.spec.containers[0]!.image).toBe('web:1');
  });

  it('watches several Deployments at once: each its own verdict, the failed one rolled back, the worst result', async () => {
    const ARN_API = ARN.replace('k8s-demo-web-1a2b3c4d5e/0123456789abcdef', 'k8s-demo-api-5e4d3c2b1a/fedcba9876543210');
    seed({ targets: [healthy(1), healthy(2)] });
    seed({ app: 'api', arn: ARN_API, subnet: 2, targets: [{ id: '10.0.2.1', port: 8080, state: 'healthy' }] });
    const r = await watch('--deployments', 'web,api', '--rollback', '--rollback-wait', 'false');
    expect(r.code).toBe(1);
    expect(r.report.result).toBe('rolled-back');
    expect(r.report.deployments.map((d) => [d.name, d.result])).toEqual([
      ['web', 'success'],
      ['api', 'rolled-back'],
    ]);
    expect(kube.requests.filter((q) => q.method === 'PATCH').map((q) => q.path)).toEqual([`${APPS}/deployments/api`]);
  });

  it('exits 2 with the missing permission when pods cannot be listed', async () => {
    seed({ targets: [healthy(1), healthy(2)] });
    kube.forbidden.add('list pods');
    const r = await watch('--deployments', 'web');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/forbidden: the credentials may not list pods in namespace demo\. Grant `list` on `pods`/);
    expect(r.report.error).toMatch(/may not list pods/);
  });

  it('exits 2 when DescribeTargetHealth is denied, naming the IAM action', async () => {
    seed({ targets: [healthy(1), healthy(2)] });
    elb.denied.set(ARN, FakeElb.accessDenied('DescribeTargetHealth'));
    elb.faults.length = 0;
    const r = await watch('--deployments', 'web');
    // DescribeTargetGroups is denied first (same ARN): the message names that action.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/allow `elasticloadbalancing:DescribeTargetGroups`/);
  });

  it('an instance target group cannot show per-pod health: exit 2 unless allow-rollout-only', async () => {
    seed({ targets: [{ id: 'i-0abc', port: 30080, state: 'healthy' }], targetType: 'instance' });
    const refused = await watch('--deployments', 'web');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /target type instance: its targets are nodes, not pods, so it cannot show per-pod health/,
    );
    expect(refused.stderr).toMatch(/set `allow-rollout-only: true`/);
    const allowed = await watch('--deployments', 'web', '--allow-rollout-only');
    expect(allowed.code).toBe(0);
    expect(allowed.report.deployments[0]).toMatchObject({ result: 'success', rolloutOnly: true });
  });

  it('an API server that cannot be reached is exit 2 with the connection error, not a missing Deployment', async () => {
    seed({ targets: [healthy(1), healthy(2)] });
    await kube.stop();
    const r = await watch('--deployments', 'web');
    if (process.env.ZD_SHOW) console.log(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not list .* in namespace demo: list failed: .*(ECONNREFUSED|fetch failed)/);
  });

  it('a Deployment that does not exist is an input error naming `deployments`', async () => {
    seed({ targets: [healthy(1), healthy(2)] });
    const r = await watch('--deployments', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`deployments`: no Deployment nope in namespace demo/);
  });
});
