/**
 * The other side of the 1,000-replica benchmark, in its own process: a loopback Kubernetes API and
 * ELBv2 endpoint replaying a RolloutSim rolling update (time compressed by `speed`), so the
 * watcher's CPU and memory can be measured alone. Protocol on stdio: prints one JSON line with the
 * endpoints, starts the rollout on `go`, prints its request counts and exits on `stop`.
 */
import { createInterface } from 'node:readline';
import { FakeElb } from '../__tests__/helpers/fake-elb.js';
import { FakeKube } from '../__tests__/helpers/fake-kube.js';
import { RolloutSim, tgArn } from '../__tests__/helpers/rollout-sim.js';

const NS = '/api/v1/namespaces/demo';
const APPS = '/apis/apps/v1/namespaces/demo';
const TGB = '/apis/elbv2.k8s.aws/v1beta1/namespaces/demo/targetgroupbindings';
export const ARN = tgArn('k8s-demo-web-1a2b3c4d5e');

type Obj = Parameters<FakeKube['put']>[1];

export async function child(args: string[]): Promise<void> {
  const replicas = Number(args[0] ?? 1000);
  const speed = Number(args[1] ?? 4);
  const kube = await new FakeKube().start();
  const elb = await new FakeElb().start();
  const sim = new RolloutSim({
    replicas,
    maxSurge: '25%',
    maxUnavailable: '25%',
    progressDeadlineSeconds: 600,
    containersReadyMs: 3_000,
    // A preStop sleep of 20 s, longer than deregistration takes (the seeds' fix).
    terminationMs: 20_000,
    newReleaseHealthy: true,
    // No traffic account: the replay has to keep up with real time.
    rps: 0,
    targetGroups: [
      {
        arn: ARN,
        registerMs: 2_000,
        healthyMs: 30_000,
        unhealthyMs: 30_000,
        deregisterMs: 1_500,
        drainMs: 60_000,
        gated: true,
      },
    ],
  });
  elb.add({ arn: ARN, name: 'k8s-demo-web-1a2b3c4d5e', targetType: 'ip', targets: [] });
  kube.put(`${NS}/services`, {
    metadata: { name: 'web', namespace: 'demo' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  kube.put(TGB, {
    metadata: { name: 'k8s-demo-web-1a2b3c4d5e', namespace: 'demo' },
    spec: { targetGroupARN: ARN, targetType: 'ip', serviceRef: { name: 'web', port: 80 } },
  });

  const last = new Map<string, string>();
  const sync = (): void => {
    const put = (collection: string, obj: Obj): void => {
      const key = `${collection}/${obj.metadata.name}`;
      const json = JSON.stringify(obj);
      if (last.get(key) !== json) {
        last.set(key, json);
        kube.put(collection, obj);
      }
    };
    const label = <T extends { metadata?: object }>(o: T): Obj =>
      ({ ...o, metadata: { ...(o.metadata as object), namespace: 'demo', labels: { app: 'web' } } }) as unknown as Obj;
    put(`${APPS}/deployments`, label(sim.deployment()));
    for (const rs of sim.replicaSets()) put(`${APPS}/replicasets`, label(rs));
    const pods = sim.pods_();
    const names = new Set(pods.map((p) => p.metadata?.name ?? ''));
    for (const p of pods) put(`${NS}/pods`, label(p));
    for (const key of [...last.keys()]) {
      if (!key.startsWith(`${NS}/pods/`)) continue;
      const name = key.slice(`${NS}/pods/`.length);
      if (!names.has(name)) {
        last.delete(key);
        kube.remove(`${NS}/pods`, name);
      }
    }
    (elb.groups.get(ARN) as { targets: unknown[] }).targets = sim
      .targetHealth(ARN)
      .map((t) => ({ id: t.id, port: t.port ?? 80, state: t.state, ...(t.reason ? { reason: t.reason } : {}) }));
  };
  sync();
  process.stdout.write(`${JSON.stringify({ kubeconfig: kube.kubeconfig(), elbUrl: elb.url, arn: ARN })}\n`);

  let timer: NodeJS.Timeout | undefined;
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line === 'go') {
      sim.apply();
      timer = setInterval(() => {
        sim.advance(100);
        sync();
      }, 100 / speed);
    } else if (line === 'stop') {
      if (timer) clearInterval(timer);
      const count = (pred: (r: FakeKube['requests'][number]) => boolean): number => kube.requests.filter(pred).length;
      process.stdout.write(
        `${JSON.stringify({
          simulatedSeconds: sim.now / 1000,
          lists: count((r) => r.method === 'GET' && r.query.watch !== 'true'),
          watches: count((r) => r.query.watch === 'true'),
          patches: count((r) => r.method === 'PATCH'),
          describeTargetHealth: elb.calls.filter((c) => c.action === 'DescribeTargetHealth').length,
          describeTargetGroups: elb.calls.filter((c) => c.action === 'DescribeTargetGroups').length,
        })}\n`,
      );
      await kube.stop();
      await elb.stop();
      process.exit(0);
    }
  }
}
