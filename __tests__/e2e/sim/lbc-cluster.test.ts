/**
 * The simulator against the real control plane (kube-apiserver, controller-manager, scheduler,
 * etcd and kwok from scripts/e2e): an alb Ingress with ip targets in a namespace labelled for
 * readiness-gate injection gets a TargetGroupBinding; its pods get the readiness gate at creation
 * through the loopback webhook and become Ready only once their targets are healthy; deleting a
 * pod drains its target, with no failed request while its preStop covers the deregistration.
 *
 * Needs the e2e cluster: run it with vitest.e2e.config.ts (its global setup exports
 * ZD_E2E_KUBECONFIG), or set ZD_E2E_KUBECONFIG yourself.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './index.js';

const kubeconfig = process.env['ZD_E2E_KUBECONFIG'];
const run = promisify(execFile);

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const cond = (p: V1Pod, type: string) => (p.status?.conditions ?? []).find((c) => c.type === type);

describe.skipIf(!kubeconfig)('fake load balancer controller on the real control plane', () => {
  const ns = `zd-sim-${randomBytes(3).toString('hex')}`;
  const kc = new KubeConfig();
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let net: NetworkingV1Api;
  let custom: CustomObjectsApi;
  let sim: Simulator;
  const log: string[] = [];

  beforeAll(async () => {
    kc.loadFromFile(kubeconfig!);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    net = kc.makeApiClient(NetworkingV1Api);
    custom = kc.makeApiClient(CustomObjectsApi);
    await core.createNamespace({
      body: { metadata: { name: ns, labels: { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' } } },
    });
    sim = await startSimulator({ kubeconfig: kc, namespaces: [ns], scale: 0.1, log: (l) => log.push(l) });
  });

  afterAll(async () => {
    if (process.env['ZD_SIM_DEBUG']) console.log(log.join('\n'));
    await sim?.stop();
    await core?.deleteNamespace({ name: ns }).catch(() => undefined);
  });

  it('creates a TargetGroupBinding, gates pods on target health, and drains a deleted pod without failed requests', async () => {
    await core.createNamespacedService({
      namespace: ns,
      body: {
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] },
      },
    });
    await net.createNamespacedIngress({
      namespace: ns,
      body: {
        metadata: {
          name: 'web',
          annotations: {
            'alb.ingress.kubernetes.io/target-type': 'ip',
            'alb.ingress.kubernetes.io/target-group-attributes': 'deregistration_delay.timeout_seconds=30',
          },
        },
        spec: {
          ingressClassName: 'alb',
          rules: [
            {
              http: {
                paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
              },
            },
          ],
        },
      },
    });

    // 1. The binding, named and labelled like the controller's, and its target group.
    const binding = await sim.lbc!.waitForBinding(`${ns}/web`, 30_000);
    const tgb = (await custom.getNamespacedCustomObject({
      group: 'elbv2.k8s.aws',
      version: 'v1beta1',
      plural: 'targetgroupbindings',
      namespace: ns,
      name: binding.name,
    })) as {
      metadata: { labels: Record<string, string> };
      spec: { targetGroupARN: string; targetType: string; serviceRef: { name: string; port: number } };
    };
    expect(binding.name).toMatch(new RegExp(`^k8s-${ns.replace(/-/g, '').slice(0, 8)}-web-[0-9a-f]{10}$`));
    expect(tgb.metadata.labels).toEqual({ 'ingress.k8s.aws/stack-namespace': ns, 'ingress.k8s.aws/stack-name': 'web' });
    expect(tgb.spec).toMatchObject({ targetType: 'ip', serviceRef: { name: 'web', port: 80 } });
    expect(tgb.spec.targetGroupARN).toMatch(
      new RegExp(`^arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/${binding.name}/[0-9a-f]{16}$`),
    );
    const tg = sim.elb.store.targetGroup(tgb.spec.targetGroupARN)!;
    expect(tg.config.attributes['deregistration_delay.timeout_seconds']).toBe('30');
    expect(tg.config.deregistrationDelayMs).toBe(3000);
    const ing = await until(
      'the Ingress address',
      async () =>
        (await net.readNamespacedIngressStatus({ name: 'web', namespace: ns })).status?.loadBalancer?.ingress?.[0]
          ?.hostname,
    );
    expect(ing).toMatch(/\.eu-west-1\.elb\.amazonaws\.com$/);

    // 2. Pods get the gate at creation and go Ready only after their target is healthy.
    const gate = `target-health.elbv2.k8s.aws/${binding.name}`;
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' }, annotations: { 'zd-gate.test/ready-delay': '500ms' } },
            spec: {
              terminationGracePeriodSeconds: 10,
              containers: [
                {
                  name: 'app',
                  image: 'nginx:1.23.1',
                  ports: [{ containerPort: 8080 }],
                  lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'sleep 4'] } } },
                },
              ],
            },
          },
        },
      },
    });
    const seenReasons = new Set<string>();
    const readyWhileNotHealthy: string[] = [];
    const readyPods = await until(
      'two Ready pods',
      async () => {
        const pods = (await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' })).items.filter(
          (p) => !p.metadata?.deletionTimestamp,
        );
        for (const p of pods) {
          const c = cond(p, gate);
          if (c?.reason) seenReasons.add(`${c.status}/${c.reason}`);
          if (cond(p, 'Ready')?.status === 'True') {
            const ip = p.status?.podIP ?? '';
            const state = tg.describe([{ id: ip, port: 8080 }])[0]!.TargetHealth.State;
            if (state !== 'healthy') readyWhileNotHealthy.push(`${p.metadata?.name}:${state}`);
          }
        }
        return pods.length === 2 && pods.every((p) => cond(p, 'Ready')?.status === 'True') ? pods : undefined;
      },
      60_000,
      50,
    );
    for (const p of readyPods) {
      expect(p.spec?.readinessGates).toEqual([{ conditionType: gate }]);
      expect(cond(p, gate)).toMatchObject({ status: 'True' });
    }
    expect(readyWhileNotHealthy).toEqual([]);
    // While the targets were not healthy yet, the condition said why (False with the ELB reason).
    expect(
      [...seenReasons].some((r) => r === 'False/Elb.RegistrationInProgress' || r === 'False/Elb.InitialHealthChecking'),
    ).toBe(true);
    expect(tg.countByState()).toEqual({ healthy: 2 });
    expect(sim.lbc!.webhook()!.mutated.filter((m) => m.startsWith(`${ns}/`)).length).toBeGreaterThanOrEqual(2);

    // 3. Deleting a pod drains its target; the preStop (4 s) outlasts controller delay + propagation (0.2 s + 1 s).
    const attack = sim.traffic.attack({ ingress: `${ns}/web`, rate: 50, durationMs: 12_000 });
    await new Promise((r) => setTimeout(r, 500));
    const victim = readyPods[0]!;
    const victimIp = victim.status!.podIP!;
    await core.deleteNamespacedPod({ name: victim.metadata!.name!, namespace: ns });
    await until(
      "the deleted pod's target to drain",
      () => tg.describe([{ id: victimIp, port: 8080 }])[0]!.TargetHealth.State === 'draining' || undefined,
      10_000,
      20,
    );
    expect(tg.describe([{ id: victimIp, port: 8080 }])[0]!.TargetHealth).toEqual({
      State: 'draining',
      Reason: 'Target.DeregistrationInProgress',
      Description: 'Target deregistration is in progress',
    });
    // The replacement pod is gated too and becomes Ready once healthy.
    await until(
      'the replacement pod Ready',
      async () => {
        const pods = (await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=web' })).items.filter(
          (p) => !p.metadata?.deletionTimestamp,
        );
        return pods.length === 2 &&
          pods.every((p) => cond(p, 'Ready')?.status === 'True' && p.spec?.readinessGates?.[0]?.conditionType === gate)
          ? pods
          : undefined;
      },
      60_000,
    );
    const report = await attack.done;
    console.log(`with preStop, one pod deleted under 50 req/s:\n${sim.traffic.format(report)}`);
    expect(report.requests).toBe(600);
    expect(report.statusCodes).toEqual({ '200': 600 });
    // After the deregistration delay (3 s scaled) the target is gone from DescribeTargetHealth.
    await until(
      'the drained target to disappear',
      () => !tg.describe().some((d) => d.Target.Id === victimIp) || undefined,
      15_000,
      100,
    );
    expect(tg.countByState()).toEqual({ healthy: 2 });
    // The controller's own ELB calls went through the shared API and its counters.
    expect(
      sim.counters.count({ identity: 'aws-load-balancer-controller', action: 'RegisterTargets' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sim.counters.count({ identity: 'aws-load-balancer-controller', action: 'DeregisterTargets' }),
    ).toBeGreaterThanOrEqual(1);
  });
  it("reproduces the seeds' outage: without preStop a deleted pod keeps receiving requests until deregistration propagates (502/504)", async () => {
    await core.createNamespacedService({
      namespace: ns,
      body: {
        metadata: { name: 'bare' },
        spec: { selector: { app: 'bare' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
      },
    });
    await net.createNamespacedIngress({
      namespace: ns,
      body: {
        metadata: {
          name: 'bare',
          annotations: { 'kubernetes.io/ingress.class': 'alb', 'alb.ingress.kubernetes.io/target-type': 'ip' },
        },
        spec: {
          rules: [
            {
              http: {
                paths: [
                  { path: '/', pathType: 'Prefix', backend: { service: { name: 'bare', port: { number: 80 } } } },
                ],
              },
            },
          ],
        },
      },
    });
    const binding = await sim.lbc!.waitForBinding(`${ns}/bare`, 30_000);
    const tg = sim.elb.store.targetGroup(binding.targetGroupArn)!;
    await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: 'bare' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'bare' } },
          template: {
            metadata: { labels: { app: 'bare' }, annotations: { 'zd-gate.test/ready-delay': '500ms' } },
            spec: { containers: [{ name: 'app', image: 'nginx:1.23.1', ports: [{ containerPort: 80 }] }] },
          },
        },
      },
    });
    const pods = await until(
      'two Ready pods with healthy targets',
      async () => {
        const list = (await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=bare' })).items;
        return list.length === 2 &&
          list.every((p) => cond(p, 'Ready')?.status === 'True') &&
          tg.countByState()['healthy'] === 2
          ? list
          : undefined;
      },
      60_000,
    );
    const attack = sim.traffic.attack({ ingress: `${ns}/bare`, rate: 50, durationMs: 6_000 });
    await new Promise((r) => setTimeout(r, 500));
    await core.deleteNamespacedPod({ name: pods[0]!.metadata!.name!, namespace: ns });
    const report = await attack.done;
    console.log(`without preStop, one pod deleted under 50 req/s:\n${sim.traffic.format(report)}`);
    const failed = (report.statusCodes['502'] ?? 0) + (report.statusCodes['504'] ?? 0);
    // The target stays routed for the controller delay + propagation (~1.2 s) after the pod stopped.
    expect(failed).toBeGreaterThan(5);
    expect(report.success).toBeLessThan(1);
    expect(report.errors.some((e) => e.startsWith('502') || e.startsWith('504'))).toBe(true);
  });
  it('reconciles controller-managed NLB Services: instance targets are the nodes on the NodePort, named and labelled per Service', async () => {
    await core.createNamespacedService({
      namespace: ns,
      body: {
        metadata: {
          name: 'tcp',
          annotations: {
            'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
            'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
            'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes':
              'deregistration_delay.timeout_seconds=20',
          },
        },
        spec: {
          type: 'LoadBalancer',
          selector: { app: 'web' },
          ports: [{ port: 443, targetPort: 8080, protocol: 'TCP' }],
        },
      },
    });
    const binding = await sim.lbc!.waitForBinding(`${ns}/tcp`, 30_000);
    expect(binding).toMatchObject({
      targetType: 'instance',
      serviceRef: { name: 'tcp', port: 443 },
      owner: `service:${ns}/tcp`,
    });
    const tgb = (await custom.getNamespacedCustomObject({
      group: 'elbv2.k8s.aws',
      version: 'v1beta1',
      plural: 'targetgroupbindings',
      namespace: ns,
      name: binding.name,
    })) as {
      metadata: { labels: Record<string, string> };
    };
    expect(tgb.metadata.labels).toEqual({ 'service.k8s.aws/stack-namespace': ns, 'service.k8s.aws/stack-name': 'tcp' });
    const svc = await core.readNamespacedService({ name: 'tcp', namespace: ns });
    const nodePort = svc.spec!.ports![0]!.nodePort!;
    const tg = sim.elb.store.targetGroup(binding.targetGroupArn)!;
    expect(tg.config).toMatchObject({
      loadBalancerType: 'network',
      protocol: 'TCP',
      targetType: 'instance',
      port: nodePort,
    });
    expect(sim.elb.store.tagsOf(tg.arn)?.get('service.k8s.aws/stack')).toBe(`${ns}/tcp`);
    const nodes = (await core.listNode()).items.length;
    await until(
      'every node registered and healthy',
      () => (tg.countByState()['healthy'] === nodes ? true : undefined),
      30_000,
    );
    for (const d of tg.describe())
      expect(d.Target).toMatchObject({ Id: expect.stringMatching(/^i-[0-9a-f]{17}$/), Port: nodePort });
    // Through the NLB, a node forwards to a ready pod of the Service (kube-proxy).
    const report = await sim.traffic.attack({ service: `${ns}/tcp`, rate: 100, durationMs: 1_000 }).done;
    expect(report.statusCodes).toEqual({ '200': 100 });
  });
  // Restarts kube-apiserver of the cluster the kubeconfig belongs to (never another one).
  const clusterName = /\/clusters\/([a-z0-9-]+)\/kubeconfig\.yaml$/.exec(kubeconfig ?? '')?.[1];
  it.skipIf(!clusterName)(
    'keeps reconciling and injecting gates across a kube-apiserver restart',
    { timeout: 180_000 },
    async () => {
      const script = fileURLToPath(new URL('../../../scripts/e2e/cluster.sh', import.meta.url));
      await core.createNamespacedService({
        namespace: ns,
        body: { metadata: { name: 'rs' }, spec: { selector: { app: 'rs' }, ports: [{ port: 80, targetPort: 8080 }] } },
      });
      await net.createNamespacedIngress({
        namespace: ns,
        body: {
          metadata: { name: 'rs', annotations: { 'alb.ingress.kubernetes.io/target-type': 'ip' } },
          spec: {
            ingressClassName: 'alb',
            rules: [
              {
                http: {
                  paths: [
                    { path: '/', pathType: 'Prefix', backend: { service: { name: 'rs', port: { number: 80 } } } },
                  ],
                },
              },
            ],
          },
        },
      });
      const binding = await sim.lbc!.waitForBinding(`${ns}/rs`, 30_000);
      const tg = sim.elb.store.targetGroup(binding.targetGroupArn)!;
      const gate = `target-health.elbv2.k8s.aws/${binding.name}`;
      await apps.createNamespacedDeployment({
        namespace: ns,
        body: {
          metadata: { name: 'rs' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'rs' } },
            template: {
              metadata: { labels: { app: 'rs' }, annotations: { 'zd-gate.test/ready-delay': '500ms' } },
              spec: { containers: [{ name: 'app', image: 'nginx:1.23.1', ports: [{ containerPort: 8080 }] }] },
            },
          },
        },
      });
      const gatedReady = (n: number) => async () => {
        const pods = (await core.listNamespacedPod({ namespace: ns, labelSelector: 'app=rs' })).items.filter(
          (p) => !p.metadata?.deletionTimestamp,
        );
        const ok =
          pods.length === n &&
          pods.every(
            (p) => p.spec?.readinessGates?.[0]?.conditionType === gate && cond(p, 'Ready')?.status === 'True',
          ) &&
          tg.countByState()['healthy'] === n;
        return ok || undefined;
      };
      await until('one gated Ready pod', gatedReady(1), 60_000, 250);

      await run('bash', [script, 'restart-apiserver'], {
        env: { ...process.env, ZD_E2E_CLUSTER: clusterName! },
        timeout: 150_000,
      });
      await until('the API server', async () => (await core.readNamespace({ name: ns })).metadata?.name, 60_000, 250);
      // The controller's watches broke and were re-established.
      expect(log.some((l) => / watch \/api\/v1\/pods failed: /.test(l))).toBe(true);
      // A new pod after the restart still gets its gate and goes Ready once its target is healthy.
      await apps.patchNamespacedDeploymentScale(
        { name: 'rs', namespace: ns, body: { spec: { replicas: 2 } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      await until('two gated Ready pods with healthy targets', gatedReady(2), 90_000, 250);
      // And a new Ingress is reconciled into a binding.
      await core.createNamespacedService({
        namespace: ns,
        body: {
          metadata: { name: 'late' },
          spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
        },
      });
      await net.createNamespacedIngress({
        namespace: ns,
        body: {
          metadata: { name: 'late', annotations: { 'alb.ingress.kubernetes.io/target-type': 'ip' } },
          spec: {
            ingressClassName: 'alb',
            rules: [
              {
                http: {
                  paths: [
                    { path: '/', pathType: 'Prefix', backend: { service: { name: 'late', port: { number: 80 } } } },
                  ],
                },
              },
            ],
          },
        },
      });
      await sim.lbc!.waitForBinding(`${ns}/late`, 30_000);
    },
  );
});
