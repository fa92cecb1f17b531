/**
 * One scenario's stage on the shared e2e cluster: its own namespace, a load-balancer simulator
 * acting only there, a seed's manifests applied in the order the controller needs (Namespace,
 * simulator, Service + Ingress, TargetGroupBinding, then the Deployment, so the readiness-gate
 * webhook sees the pods), and the Deployment rolled out with every target healthy.
 */
import { KubeConfig, type V1Deployment } from '@kubernetes/client-node';
import { kubeconfigPath } from '../../helpers/cluster.js';
import { kubectl } from '../../helpers/kubectl.js';
import { deleteNamespace, getDeployment, revisionOf } from '../../helpers/objects.js';
import { waitFor } from '../../helpers/wait.js';
import {
  type ManagedBinding,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
  type TargetGroupModel,
} from '../../sim/index.js';
import {
  apply,
  findDeployment,
  forSimulation,
  inNamespace,
  type DeploymentSpec,
  type KubeObject,
  loadObjects,
  type SimulationOptions,
} from './manifests.js';
import { kubectlRolloutStatus, RolloutObserver } from './observe.js';

export interface StageOptions extends SimulationOptions {
  /** Unscaled manifest (examples/...). */
  manifest: string;
  namespace: string;
  sim?: Omit<SimulatorOptions, 'kubeconfig' | 'namespaces'>;
  /** Wait this long for the first rollout and healthy targets (default 3 min). */
  readyTimeoutMs?: number;
  /**
   * Create the first pods without readiness gates and label the Namespace for gate injection only
   * once they serve (seed 003's own procedure: label, then roll). Saves the controller a status
   * patch per pod when the stage is large; the rollout's pods get their gates.
   */
  labelNamespaceAfterSetup?: boolean;
}

const GATE_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';

/** A further Deployment of the manifest (several Deployments behind one load balancer). */
export interface StageDeployment {
  deployment: string;
  container: string;
  selector: string;
  replicas: number;
  service: string;
  binding: ManagedBinding;
  tg: TargetGroupModel;
  observe(): Promise<RolloutObserver>;
}

export interface Stage {
  ns: string;
  /** The manifest's other Deployments, each behind its own Service and target group. */
  others: StageDeployment[];
  kc: KubeConfig;
  kubeconfig: string;
  sim: Simulator;
  binding: ManagedBinding;
  tg: TargetGroupModel;
  /** What was applied (scaled), and the unscaled source. */
  objects: KubeObject[];
  manifest: string;
  deployment: string;
  container: string;
  selector: string;
  replicas: number;
  ingress: string;
  /** Environment for the gate: the simulator's AWS settings and the cluster's kubeconfig. */
  env: Record<string, string>;
  image(): Promise<string | undefined>;
  deploymentNow(): Promise<V1Deployment>;
  observe(): Promise<RolloutObserver>;
  /** `kubectl set image` of the Deployment's container (the seeds' rollout trigger). */
  setImage(image: string): Promise<void>;
  /** Waits until the target group has `n` healthy targets and nothing else. */
  waitAllHealthy(n?: number, timeoutMs?: number): Promise<void>;
  /** Waits until kubectl would call the current rollout done, then until every target is healthy. */
  settle(what: string): Promise<void>;
  teardown(): Promise<void>;
}

const SETUP_KINDS = new Set(['Namespace', 'Service', 'Ingress', 'IngressClass', 'IngressClassParams']);

export async function setupStage(opts: StageOptions): Promise<Stage> {
  const kubeconfig = kubeconfigPath();
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  await deleteNamespace(opts.namespace);

  const objects = forSimulation(inNamespace(loadObjects(opts.manifest), opts.namespace), opts);
  const deploymentObject = findDeployment(objects);
  const deployment = deploymentObject.metadata.name;
  const container = deploymentObject.spec.template.spec.containers[0]!.name;
  const selector = Object.entries(deploymentObject.spec.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const replicas = deploymentObject.spec.replicas ?? 1;
  const ingressObject = objects.find((o) => o.kind === 'Ingress');
  if (!ingressObject) throw new Error(`${opts.manifest}: no Ingress`);
  const service = objects.find((o) => o.kind === 'Service');
  if (!service) throw new Error(`${opts.manifest}: no Service`);

  const namespaceObject = objects.find((o) => o.kind === 'Namespace');
  const labelLater = opts.labelNamespaceAfterSetup && namespaceObject?.metadata.labels?.[GATE_LABEL] !== undefined;
  const gateLabel = namespaceObject?.metadata.labels?.[GATE_LABEL];
  if (labelLater) delete namespaceObject!.metadata.labels![GATE_LABEL];
  await apply(objects.filter((o) => o.kind === 'Namespace'));
  const sim = await startSimulator({
    scale: opts.scale ?? 0.1,
    ...opts.sim,
    kubeconfig: kc,
    namespaces: [opts.namespace],
  });
  try {
    await apply(objects.filter((o) => SETUP_KINDS.has(o.kind) && o.kind !== 'Namespace'));
    const binding = await sim.lbc!.waitForBinding(`${opts.namespace}/${service.metadata.name}`, 30_000);
    const tg = sim.elb.store.targetGroup(binding.targetGroupArn);
    if (!tg) throw new Error(`no simulated target group ${binding.targetGroupArn}`);
    const others: StageDeployment[] = [];
    for (const d of objects.filter((o) => o.kind === 'Deployment').slice(1) as Array<
      KubeObject & { spec: DeploymentSpec }
    >) {
      const labels = d.spec.template.metadata?.labels ?? {};
      const svc = objects.find(
        (o) =>
          o.kind === 'Service' &&
          Object.entries((o.spec?.['selector'] as Record<string, string> | undefined) ?? {}).every(
            ([k, v]) => labels[k] === v,
          ),
      );
      if (!svc) throw new Error(`${opts.manifest}: no Service for Deployment ${d.metadata.name}`);
      const b = await sim.lbc!.waitForBinding(`${opts.namespace}/${svc.metadata.name}`, 30_000);
      const model = sim.elb.store.targetGroup(b.targetGroupArn);
      if (!model) throw new Error(`no simulated target group ${b.targetGroupArn}`);
      const name = d.metadata.name;
      const container = d.spec.template.spec.containers[0]!.name;
      const sel = Object.entries(d.spec.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      others.push({
        deployment: name,
        container,
        selector: sel,
        replicas: d.spec.replicas ?? 1,
        service: svc.metadata.name,
        binding: b,
        tg: model,
        observe: () =>
          RolloutObserver.start({
            kc,
            namespace: opts.namespace,
            deployment: name,
            container,
            selector: sel,
            targetGroup: model,
            desired: d.spec.replicas ?? 1,
          }),
      });
    }
    await apply(objects.filter((o) => !SETUP_KINDS.has(o.kind)));

    const stage: Stage = {
      ns: opts.namespace,
      others,
      kc,
      kubeconfig,
      sim,
      binding,
      tg,
      objects,
      manifest: opts.manifest,
      deployment,
      container,
      selector,
      replicas,
      ingress: `${opts.namespace}/${ingressObject.metadata.name}`,
      env: { ...sim.env, KUBECONFIG: kubeconfig },
      image: async () =>
        (await getDeployment(opts.namespace, deployment)).spec?.template.spec?.containers.find(
          (c) => c.name === container,
        )?.image,
      deploymentNow: () => getDeployment(opts.namespace, deployment),
      observe: () =>
        RolloutObserver.start({
          kc,
          namespace: opts.namespace,
          deployment,
          container,
          selector,
          targetGroup: tg,
          desired: replicas,
        }),
      setImage: async (image) => {
        await kubectl(['-n', opts.namespace, 'set', 'image', `deployment/${deployment}`, `${container}=${image}`]);
      },
      waitAllHealthy: async (n = replicas, timeoutMs = 120_000) => {
        await waitFor(
          async () => {
            const states = tg.countByState();
            return states['healthy'] === n && Object.keys(states).length === 1;
          },
          {
            timeoutMs,
            intervalMs: 100,
            description: `${n} healthy targets (and nothing else) in ${binding.name}; now ${JSON.stringify(tg.countByState())}`,
          },
        );
      },
      settle: async (what) => {
        await waitFor(async () => kubectlRolloutStatus(await stage.deploymentNow()).done, {
          timeoutMs: 120_000,
          intervalMs: 250,
          description: what,
        });
        await stage.waitAllHealthy();
      },
      teardown: async () => {
        await sim.stop().catch(() => undefined);
        // Pods would otherwise each sit out their preStop and grace period before the namespace goes.
        await kubectl(
          ['-n', opts.namespace, 'delete', 'deployment,pods', '--all', '--grace-period=0', '--force', '--wait=false'],
          { timeoutMs: 120_000 },
        ).catch(() => undefined);
        await deleteNamespace(opts.namespace).catch(() => undefined);
      },
    };
    await waitFor(
      async () => {
        const d = await getDeployment(opts.namespace, deployment);
        return revisionOf(d) === '1' && kubectlRolloutStatus(d).done;
      },
      {
        timeoutMs: opts.readyTimeoutMs ?? 180_000,
        intervalMs: 250,
        description: `the first rollout of ${opts.namespace}/${deployment}`,
      },
    );
    await stage.waitAllHealthy(replicas, opts.readyTimeoutMs ?? 180_000);
    for (const o of others) {
      await waitFor(
        async () => {
          const d = await getDeployment(opts.namespace, o.deployment);
          const states = o.tg.countByState();
          return (
            revisionOf(d) === '1' &&
            kubectlRolloutStatus(d).done &&
            states['healthy'] === o.replicas &&
            Object.keys(states).length === 1
          );
        },
        {
          timeoutMs: opts.readyTimeoutMs ?? 180_000,
          intervalMs: 250,
          description: `the first rollout of ${opts.namespace}/${o.deployment} and its healthy targets`,
        },
      );
    }
    if (labelLater) await kubectl(['label', 'namespace', opts.namespace, `${GATE_LABEL}=${gateLabel}`]);
    return stage;
  } catch (e) {
    await sim.stop().catch(() => undefined);
    throw e;
  }
}
