/**
 * The Kubernetes adapters against client-node with a loopback API server (list/watch JSON
 * protocol): the watch event stream, reconnect after a dropped connection, re-list on 410 Gone,
 * 403 as a clear message, a missing CRD, kubeconfig loading, EKS connection, and the rollback
 * JSON Patch.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemTimers } from '../../src/adapters/clock.js';
import { connect } from '../../src/adapters/kubernetes/connect.js';
import type { KubeSetupError } from '../../src/adapters/kubernetes/errors.js';
import { Informer } from '../../src/adapters/kubernetes/informer.js';
import { ClusterAccess, parseKubeconfig } from '../../src/adapters/kubernetes/kubeconfig.js';
import { patchDeployment } from '../../src/adapters/kubernetes/rollback.js';
import { planRollback } from '../../src/core/rollout/rollback-plan.js';
import type { Deployment, ReplicaSet } from '../../src/core/rollout/types.js';
import { FakeKube } from '../helpers/fake-kube.js';
import { until } from '../helpers/manual-timers.js';

const PODS = '/api/v1/namespaces/demo/pods';

function pod(name: string, labels: Record<string, string> = { app: 'web' }) {
  return { metadata: { name, namespace: 'demo', labels }, status: { podIP: `10.0.0.${name.length}` } };
}

function accessFor(fake: FakeKube): ClusterAccess {
  const kc = parseKubeconfig(fake.kubeconfig());
  return new ClusterAccess(kc.clusters[0]!, kc.users[0], { mask: () => undefined, env: {} });
}

describe('Informer (client-node ListWatch over a loopback API server)', () => {
  let fake: FakeKube;
  const informers: Informer<never>[] = [];
  beforeEach(async () => {
    fake = await new FakeKube().start();
  });
  afterEach(async () => {
    for (const i of informers.splice(0)) i.stop();
    await fake.stop();
  });

  function informer(opts: { labelSelector?: string; optional?: boolean; path?: string; resource?: string } = {}) {
    const snapshots: string[][] = [];
    const errors: KubeSetupError[] = [];
    const logs: string[] = [];
    const inf = new Informer<{ metadata: { name: string } } & Record<string, unknown>>({
      access: accessFor(fake),
      path: opts.path ?? PODS,
      resource: opts.resource ?? 'pods',
      namespace: 'demo',
      timers: systemTimers,
      coalesceMs: 10,
      ...(opts.labelSelector ? { labelSelector: opts.labelSelector } : {}),
      ...(opts.optional ? { optional: true } : {}),
      onChange: (items) => snapshots.push(items.map((i) => i.metadata.name).sort()),
      onSetupError: (e) => errors.push(e),
      log: (m) => logs.push(m),
    });
    informers.push(inf as unknown as Informer<never>);
    return { inf, snapshots, errors, logs, last: () => snapshots[snapshots.length - 1] ?? [] };
  }

  it('lists, then follows the watch stream from the list resourceVersion, filtered by label', async () => {
    fake.put(PODS, pod('a'));
    fake.put(PODS, pod('other', { app: 'db' }));
    const t = informer({ labelSelector: 'app=web' });
    expect(await t.inf.start()).toBe(true);
    expect(t.last()).toEqual(['a']);
    const list = fake.requests.find((r) => r.path === PODS && r.query.watch === undefined);
    expect(list?.query.labelSelector).toBe('app=web');
    expect(list?.authorization).toBe(`Bearer ${fake.token}`);
    fake.put(PODS, pod('b'));
    fake.remove(PODS, 'a');
    await until(() => t.last().join() === 'b', 5_000, 'watch events');
    const watch = fake.requests.find((r) => r.path === PODS && r.query.watch === 'true');
    expect(watch?.query.resourceVersion).toBe('102');
    expect(t.inf.stats.lists).toBe(1);
  });

  it('lists in pages of 500 from one snapshot, keeping only the slimmed objects; an expired continuation lists again in one piece', async () => {
    for (let i = 0; i < 1_201; i++)
      fake.put(PODS, { ...pod(`p${i}`), metadata: { ...pod(`p${i}`).metadata, managedFields: [{}] } });
    const t = informer();
    await t.inf.start();
    expect(t.last()).toHaveLength(1_201);
    expect(t.inf.items().some((p) => 'managedFields' in (p as { metadata: object }).metadata)).toBe(false);
    const lists = fake.requests.filter((r) => r.path === PODS && r.query.watch === undefined);
    expect(lists.map((r) => [r.query.limit, r.query.continue === undefined])).toEqual([
      ['500', true],
      ['500', false],
      ['500', false],
    ]);
    await until(() => fake.openWatches(PODS) === 1);
    const watch = fake.requests.find((r) => r.path === PODS && r.query.watch === 'true');
    expect(watch?.query.resourceVersion).toBe('1301');
    t.inf.stop();

    fake.requests.length = 0;
    fake.beforeContinue = () => {
      fake.expire();
      fake.put(PODS, pod('late'));
      fake.beforeContinue = undefined;
    };
    const again = informer();
    expect(await again.inf.start()).toBe(true);
    expect(again.last()).toHaveLength(1_202);
    const relist = fake.requests.filter((r) => r.path === PODS && r.query.watch === undefined);
    expect(relist.map((r) => r.query.limit ?? 'none')).toEqual(['500', '500', 'none']);
  });

  it('reconnects after the connection drops, from its last resourceVersion (no new list)', async () => {
    fake.put(PODS, pod('a'));
    const t = informer();
    await t.inf.start();
    await until(() => fake.openWatches(PODS) === 1);
    fake.dropWatches();
    fake.put(PODS, pod('b'));
    await until(() => t.last().join() === 'a,b', 8_000, 'the event after the reconnect');
    expect(t.inf.stats.lists).toBe(1);
    expect(t.inf.stats.watches).toBeGreaterThanOrEqual(2);
  });

  it('lists again after 410 Gone', async () => {
    fake.put(PODS, pod('a'));
    const t = informer();
    await t.inf.start();
    await until(() => fake.openWatches(PODS) === 1);
    fake.expire(); // ERROR 410 on the open watch, then the stream ends
    fake.put(PODS, pod('c'));
    await until(() => t.inf.stats.lists === 2, 8_000, 'a re-list');
    await until(() => t.last().join() === 'a,c', 8_000, 'the re-listed state');
  });

  it('403 on list is a clear message naming the verb, resource and namespace', async () => {
    fake.forbidden.add('list pods');
    const t = informer();
    expect(await t.inf.start()).toBe(false);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.message).toMatch(
      /^forbidden: the credentials may not list pods in namespace demo\. Grant `list` on `pods`/,
    );
    expect(t.errors[0]!.message).toMatch(/cannot list resource "pods"/);
  });

  it('403 on watch (list allowed) names watch', async () => {
    fake.forbidden.add('watch pods');
    const t = informer();
    await t.inf.start();
    await until(() => t.errors.length === 1, 5_000, 'the setup error');
    expect(t.errors[0]!.message).toMatch(/may not watch pods in namespace demo/);
  });

  it('a CRD that is not installed (404) is an empty list when optional', async () => {
    const tgbs = '/apis/elbv2.k8s.aws/v1beta1/namespaces/demo/targetgroupbindings';
    fake.missing.add(tgbs);
    const t = informer({ path: tgbs, resource: 'targetgroupbindings.elbv2.k8s.aws', optional: true });
    expect(await t.inf.start()).toBe(true);
    expect(t.snapshots).toEqual([[]]);
    expect(t.errors).toEqual([]);
  });

  it('a transient error restarts the informer with backoff', async () => {
    const t = informer();
    // The first list fails with a connection error (nothing listens at the old port).
    await fake.stop();
    const port = new URL(fake.url).port;
    const started = t.inf.start();
    expect(await started).toBe(false);
    expect(t.logs.some((l) => /list failed .*restarting in 1s/.test(l))).toBe(true);
    // Bring an API server up on the same port; the restart lists successfully.
    fake = await new FakeKube(fake.token).start(Number(port));
    fake.put(PODS, pod('z'));
    await until(() => t.last().join() === 'z', 10_000, 'the restarted informer');
  }, 20_000);
});

describe('connect', () => {
  let fake: FakeKube;
  beforeEach(async () => {
    fake = await new FakeKube().start();
  });
  afterEach(async () => fake.stop());
  const base = { context: undefined, clusterName: undefined, awsRegion: undefined, timers: systemTimers };

  it('inline kubeconfig content is used; its credentials are masked, never the content', async () => {
    const masked: string[] = [];
    const c = await connect({
      ...base,
      kubeconfig: { kind: 'inline', content: fake.kubeconfig() },
      env: {},
      mask: (s) => masked.push(s),
    });
    expect(c.describe).toBe(`context fake (${fake.url})`);
    expect(masked).toEqual([fake.token]);
  });

  it('a path, KUBECONFIG, and a clear message for a missing file, a bad file or an unknown context', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zd-kc-'));
    const file = path.join(dir, 'config');
    await writeFile(file, fake.kubeconfig());
    const mask = (): void => undefined;
    expect((await connect({ ...base, kubeconfig: { kind: 'path', path: file }, env: {}, mask })).describe).toMatch(
      /^context fake/,
    );
    await expect(
      connect({ ...base, kubeconfig: { kind: 'path', path: path.join(dir, 'nope') }, env: {}, mask }),
    ).rejects.toThrow(/^`kubeconfig`: no file at /);
    await expect(
      connect({ ...base, kubeconfig: { kind: 'inline', content: 'apiVersion: v1\nclusters: [ {' }, env: {}, mask }),
    ).rejects.toThrow(/inline `kubeconfig` content could not be read as a kubeconfig/);
    await expect(
      connect({ ...base, context: 'prod', kubeconfig: { kind: 'path', path: file }, env: {}, mask }),
    ).rejects.toThrow('`context`: no context named prod in the kubeconfig (it has fake).');
    await expect(connect({ ...base, kubeconfig: { kind: 'default' }, env: { HOME: dir }, mask })).rejects.toThrow(
      /no Kubernetes connection configured/,
    );
  });

  it('cluster-name: the endpoint and CA from eks:DescribeCluster, and an EKS bearer token on every request', async () => {
    const masked: string[] = [];
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    try {
      const c = await connect({
        ...base,
        clusterName: 'prod-eu',
        awsRegion: 'eu-west-1',
        kubeconfig: { kind: 'default' },
        env: {},
        mask: (s) => masked.push(s),
        describeEksCluster: async (name) => ({
          name,
          endpoint: 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
          caData: Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64'),
        }),
      });
      expect(c.describe).toBe('EKS cluster prod-eu (https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com)');
      expect(c.access.cluster).toMatchObject({
        server: 'https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
        skipTLSVerify: false,
      });
      // What every request (list, watch, patch) carries.
      const auth = (await c.access.headers()).Authorization ?? '';
      expect(auth).toMatch(/^Bearer k8s-aws-v1\.[A-Za-z0-9_-]+$/);
      // The token, and the AWS secret key it was signed with.
      expect(masked.sort()).toEqual([auth.slice('Bearer '.length), 'secret'].sort());
    } finally {
      process.env = saved;
    }
  });
});

describe('patchDeployment (the rollback)', () => {
  let fake: FakeKube;
  const DEPLOYMENTS = '/apis/apps/v1/namespaces/demo/deployments';
  const deployment: Deployment = {
    metadata: { name: 'web', namespace: 'demo', uid: 'u1', annotations: { 'deployment.kubernetes.io/revision': '2' } },
    spec: {
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:2' }] } },
    },
  };
  const rs = (rev: string, image: string): ReplicaSet => ({
    metadata: {
      name: `web-${rev}`,
      annotations: { 'deployment.kubernetes.io/revision': rev },
      ownerReferences: [{ uid: 'u1', controller: true }],
    },
    spec: {
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': `h${rev}` } },
        spec: { containers: [{ name: 'web', image }] },
      },
    },
  });
  beforeEach(async () => {
    fake = await new FakeKube().start();
    fake.put(DEPLOYMENTS, deployment as never);
  });
  afterEach(async () => fake.stop());

  it("sends kubectl's JSON Patch with the json-patch content type", async () => {
    const plan = planRollback(deployment, [rs('1', 'web:1'), rs('2', 'web:2')]);
    if (plan.kind !== 'patch') throw new Error(plan.kind);
    await patchDeployment(accessFor(fake), 'demo', 'web', plan.patch, new AbortController().signal);
    const patch = fake.requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe(`${DEPLOYMENTS}/web`);
    expect(patch?.contentType).toBe('application/json-patch+json');
    expect(JSON.parse(patch?.body ?? '')).toEqual(plan.patch);
    const stored = fake.get(DEPLOYMENTS, 'web') as unknown as Deployment;
    expect(stored.spec?.template).toEqual({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'web:1' }] },
    });
  });

  it('403 names patch on deployments.apps', async () => {
    fake.forbidden.add('patch deployments');
    const plan = planRollback(deployment, [rs('1', 'web:1'), rs('2', 'web:2')]);
    if (plan.kind !== 'patch') throw new Error(plan.kind);
    await expect(
      patchDeployment(accessFor(fake), 'demo', 'web', plan.patch, new AbortController().signal),
    ).rejects.toThrow(/may not patch deployments\.apps in namespace demo\. Grant `patch` on `deployments\.apps`/);
  });
});
