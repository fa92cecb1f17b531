/**
 * A fake AWS Load Balancer Controller, driven by a real API server through watches:
 * - alb Ingresses (ingressClassName `alb` or the legacy annotation) and controller-managed NLB
 *   Services get a load balancer, one target group per backend and a TargetGroupBinding named and
 *   labelled like the real controller's;
 * - every TargetGroupBinding (its own or one a test creates against a simulated target group) is
 *   reconciled like pkg/targetgroupbinding/resource_manager.go: resolve endpoints from
 *   EndpointSlices, list targets (DescribeTargetHealth, through the shared API bucket), deregister
 *   what is gone, register what is new, write the `target-health.elbv2.k8s.aws/<tgb>` pod
 *   conditions, and requeue while a gated pod is not healthy yet;
 * - reconciles start a controller processing delay after the event that caused them;
 * - its mutating webhook injects readiness gates at pod creation.
 */
import { createHash } from 'node:crypto';
import {
  AdmissionregistrationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  DiscoveryV1Api,
  type Informer,
  type KubeConfig,
  type KubernetesObject,
  makeInformer,
  NetworkingV1Api,
  type ObjectCache,
  PatchStrategy,
  setHeaderOptions,
  type V1EndpointSlice,
  type V1Ingress,
  type V1Node,
  type V1Pod,
  type V1Service,
} from '@kubernetes/client-node';
import type { Clock } from '../clock.js';
import type { SimDurations } from '../durations.js';
import { type FakeElb, LBC_IDENTITY } from '../elb/index.js';
import type { LoadBalancerRecord } from '../elb/store.js';
import type { PodView } from '../pods.js';
import type { TargetGroupModel, TargetHealth } from '../target-group.js';
import type { DataPlane } from '../traffic.js';
import { hasReadinessGate, nodeInstanceId, nodeReadyStatus, resolvePodEndpoints } from './endpoints.js';
import {
  albHealthCheck,
  albTargetGroupAttributes,
  albTargetType,
  ingressBackends,
  ingressGroup,
  ingressTargetGroupName,
  ingressTargetGroupTags,
  ingressTgbLabels,
  isAlbIngress,
  loadBalancerName,
  lookupServicePort,
  nlbHealthCheck,
  nlbTargetGroupAttributes,
  nlbTargetType,
  READINESS_GATE_PREFIX,
  serviceTargetGroupName,
  serviceTargetGroupTags,
  serviceTgbLabels,
  SVC_PREFIX,
  ALB_PREFIX,
  type TargetType,
  targetGroupPort,
  Tags,
} from './model.js';
import { WorkQueue } from './queue.js';
import { readinessGatesFor, startWebhookServer, type WebhookServer, webhookConfiguration } from './webhook.js';

export interface TargetGroupBinding extends KubernetesObject {
  spec: {
    targetGroupARN?: string;
    targetGroupName?: string;
    targetType?: TargetType;
    serviceRef: { name: string; port: number | string };
    ipAddressType?: string;
  };
}

const TGB = { group: 'elbv2.k8s.aws', version: 'v1beta1', plural: 'targetgroupbindings' } as const;

export interface FakeLbcOptions {
  kubeConfig: KubeConfig;
  elb: FakeElb;
  pods: PodView;
  plane: DataPlane;
  clock: Clock;
  durations: SimDurations;
  /** --cluster-name; written into the elbv2.k8s.aws/cluster tag and the name hashes. */
  clusterName: string;
  /** Only act in these namespaces (default: all). Lets several simulators share one cluster. */
  namespaces?: string[];
  ingressClass?: string;
  loadBalancerClass?: string;
  defaultTargetType?: TargetType;
  /** Serve and register the readiness-gate webhook (default true). */
  webhook?: boolean;
  log?: (line: string) => void;
}

export interface ManagedBinding {
  namespace: string;
  name: string;
  targetGroupArn: string;
  targetType: TargetType;
  serviceRef: { name: string; port: number | string };
  /** `ingress:<ns>/<name>`, `group:<name>` or `service:<ns>/<name>`. */
  owner: string;
}

type Cached<T extends KubernetesObject> = Informer<T> & ObjectCache<T>;

function nsName(o: KubernetesObject): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

function statusOf(err: unknown): number | undefined {
  const e = err as { code?: number; statusCode?: number; body?: unknown };
  return e?.code ?? e?.statusCode;
}

function shortHash(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

export class FakeLbc {
  private readonly o: Required<Omit<FakeLbcOptions, 'namespaces' | 'log'>> & Pick<FakeLbcOptions, 'namespaces'>;
  private readonly log: (line: string) => void;
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly networking: NetworkingV1Api;
  private readonly admission: AdmissionregistrationV1Api;
  private readonly queue: WorkQueue;
  private informers: Array<Cached<KubernetesObject>> = [];
  private ingresses!: Cached<V1Ingress>;
  private services!: Cached<V1Service>;
  private slices!: Cached<V1EndpointSlice>;
  private podCache!: Cached<V1Pod>;
  private nodes!: Cached<V1Node>;
  private tgbs!: Cached<TargetGroupBinding>;
  private webhookServer?: WebhookServer;
  private webhookName?: string;
  private stopped = false;
  /** ingress ns/name → its group id (to reconcile the old group when an Ingress moves). */
  private readonly ingressGroups = new Map<string, string>();
  /** group id or svc ns/name → its load balancer. */
  private readonly stacks = new Map<string, LoadBalancerRecord>();
  /** Target groups this controller created (deleted with their binding). */
  private readonly ownedTargetGroups = new Set<string>();
  private readonly bindingsByKey = new Map<string, ManagedBinding>();
  private kubeProxyTurn = 0;
  /** Reconcile errors and notable actions, newest last. */
  readonly events: string[] = [];

  constructor(opts: FakeLbcOptions) {
    this.o = {
      ingressClass: 'alb',
      loadBalancerClass: 'service.k8s.aws/nlb',
      defaultTargetType: 'instance',
      webhook: true,
      ...opts,
    };
    this.log = opts.log ?? (() => undefined);
    const kc = opts.kubeConfig;
    this.core = kc.makeApiClient(CoreV1Api);
    this.custom = kc.makeApiClient(CustomObjectsApi);
    this.networking = kc.makeApiClient(NetworkingV1Api);
    this.admission = kc.makeApiClient(AdmissionregistrationV1Api);
    this.queue = new WorkQueue(opts.clock, (key) => this.reconcile(key), {
      onError: (key, err, n) => this.note(`reconcile ${key} failed (attempt ${n}): ${errMessage(err)}`),
      backoff: (n) => Math.min(this.o.durations.controllerDelayMs * 2 ** n, this.o.durations.lbcRequeueMs * 4),
    });
    opts.plane.instanceResolver = (tg) => this.resolveInstanceTarget(tg.arn);
  }

  /** Starts the watches (and the webhook), returning once every cache holds its initial list. */
  async start(): Promise<void> {
    const kc = this.o.kubeConfig;
    const discovery = kc.makeApiClient(DiscoveryV1Api);
    this.ingresses = this.informer('/apis/networking.k8s.io/v1/ingresses', () =>
      this.networking.listIngressForAllNamespaces(),
    );
    this.services = this.informer('/api/v1/services', () => this.core.listServiceForAllNamespaces());
    this.slices = this.informer('/apis/discovery.k8s.io/v1/endpointslices', () =>
      discovery.listEndpointSliceForAllNamespaces(),
    );
    this.podCache = this.informer('/api/v1/pods', () => this.core.listPodForAllNamespaces());
    this.nodes = this.informer('/api/v1/nodes', () => this.core.listNode());
    this.tgbs = this.informer(
      '/apis/elbv2.k8s.aws/v1beta1/targetgroupbindings',
      () =>
        this.custom.listClusterCustomObject({ ...TGB }) as Promise<{
          items: TargetGroupBinding[];
          metadata?: { resourceVersion?: string };
        }>,
    );
    this.wire();
    await Promise.all(this.informers.map((i) => i.start()));
    if (this.o.webhook) await this.startWebhook();
    // Reconcile what already exists.
    for (const ing of this.ingresses.list()) this.onIngress(ing);
    for (const svc of this.services.list()) this.onService(svc);
    for (const tgb of this.tgbs.list()) this.enqueueTgb(tgb, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.stop();
    await Promise.all(this.informers.map((i) => i.stop().catch(() => undefined)));
    if (this.webhookName) {
      await this.admission.deleteMutatingWebhookConfiguration({ name: this.webhookName }).catch(() => undefined);
    }
    await this.webhookServer?.close();
  }

  /** The bindings this controller created, with their target groups. */
  bindings(): ManagedBinding[] {
    return [...this.bindingsByKey.values()];
  }

  /** The load balancer for an Ingress (`ns/name`, or its explicit group name) or an NLB Service. */
  loadBalancerFor(ref: { ingress?: string; group?: string; service?: string }): LoadBalancerRecord | undefined {
    if (ref.group) return this.stacks.get(`group:${ref.group}`);
    if (ref.ingress) {
      const g = this.ingressGroups.get(ref.ingress);
      return g ? this.stacks.get(`group:${g}`) : undefined;
    }
    if (ref.service) return this.stacks.get(`service:${ref.service}`);
    return undefined;
  }

  /** Waits until this controller has created a binding for the Service `ns/name` (ingress or NLB). */
  async waitForBinding(service: string, timeoutMs = 30_000): Promise<ManagedBinding> {
    const [ns, name] = service.split('/');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.bindings().find((b) => b.namespace === ns && b.serviceRef.name === name);
      if (found && this.tgbs.get(found.name, found.namespace)) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no TargetGroupBinding for service ${service} after ${timeoutMs} ms; events: ${this.events.slice(-5).join(' | ')}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The webhook's URL and the pods it mutated (undefined when the webhook is off). */
  webhook(): { url: string; mutated: readonly string[] } | undefined {
    return this.webhookServer ? { url: this.webhookServer.url, mutated: this.webhookServer.mutated } : undefined;
  }

  // ---- watches ---------------------------------------------------------------------------------

  private informer<T extends KubernetesObject>(path: string, list: () => Promise<{ items: T[] }>): Cached<T> {
    const inf = makeInformer<T>(this.o.kubeConfig, path, list as never);
    // The informer stops on an error (API server restarting, connection refused): start it again
    // until it holds, from its last resourceVersion (a 410 makes it re-list by itself).
    let retryPending = false;
    let failures = 0;
    const retry = (): void => {
      if (this.stopped || retryPending) return;
      retryPending = true;
      setTimeout(() => {
        retryPending = false;
        if (this.stopped) return;
        inf.start().catch(() => retry());
      }, 500).unref();
    };
    inf.on('error', (err: unknown) => {
      if (this.stopped) return;
      if (failures++ === 0) this.note(`watch ${path} failed: ${errMessage(err)}; retrying every 500 ms`);
      retry();
    });
    // Any event means the stream works again.
    const healthy = (): void => {
      if (failures > 0) this.note(`watch ${path} receiving again after ${failures} failed attempt(s)`);
      failures = 0;
    };
    for (const verb of ['add', 'update', 'delete'] as const) inf.on(verb, healthy);
    this.informers.push(inf as unknown as Cached<KubernetesObject>);
    return inf;
  }

  private inScope(ns: string | undefined): boolean {
    return !this.o.namespaces || this.o.namespaces.includes(ns ?? '');
  }

  private wire(): void {
    const delay = this.o.durations.controllerDelayMs;
    for (const verb of ['add', 'update', 'delete'] as const) {
      this.ingresses.on(verb, (ing) => this.onIngress(ing));
      this.services.on(verb, (svc) => this.onService(svc));
      this.slices.on(verb, (s) => {
        if (!this.inScope(s.metadata?.namespace)) return;
        const svc = s.metadata?.labels?.['kubernetes.io/service-name'];
        for (const tgb of this.tgbs.list(s.metadata?.namespace)) {
          if (tgb.spec?.serviceRef?.name === svc) this.enqueueTgb(tgb, delay);
        }
      });
      this.nodes.on(verb, () => {
        for (const tgb of this.tgbs.list())
          if (tgb.spec?.targetType === 'instance' && this.inScope(tgb.metadata?.namespace)) this.enqueueTgb(tgb, delay);
      });
    }
    this.podCache.on('add', (p) => this.o.pods.upsert(p));
    this.podCache.on('update', (p) => this.o.pods.upsert(p));
    this.podCache.on('delete', (p) => this.o.pods.remove(p));
    this.tgbs.on('add', (t) => this.enqueueTgb(t, delay));
    this.tgbs.on('update', (t) => this.enqueueTgb(t, delay));
    this.tgbs.on('delete', (t) => {
      if (this.inScope(t.metadata?.namespace))
        void this.cleanupBinding(t).catch((e) => this.note(`cleanup ${nsName(t)}: ${errMessage(e)}`));
    });
  }

  private onIngress(ing: V1Ingress): void {
    if (!this.inScope(ing.metadata?.namespace)) return;
    const key = nsName(ing);
    const before = this.ingressGroups.get(key);
    const current = this.ingresses.get(ing.metadata?.name ?? '', ing.metadata?.namespace);
    const now = current && isAlbIngress(current, this.o.ingressClass) ? ingressGroup(current).id : undefined;
    if (now) this.ingressGroups.set(key, now);
    else this.ingressGroups.delete(key);
    if (before && before !== now) this.queue.add(`ing:${before}`, this.o.durations.controllerDelayMs);
    if (now) this.queue.add(`ing:${now}`, this.o.durations.controllerDelayMs);
  }

  private onService(svc: V1Service): void {
    if (!this.inScope(svc.metadata?.namespace)) return;
    const delay = this.o.durations.controllerDelayMs;
    const key = nsName(svc);
    if (nlbTargetType(svc, this.o.loadBalancerClass) || this.stacks.has(`service:${key}`))
      this.queue.add(`svc:${key}`, delay);
    // Ingress target groups depend on the Service (UID, annotations, ports).
    for (const [ingKey, group] of this.ingressGroups) {
      if (!ingKey.startsWith(`${svc.metadata?.namespace}/`)) continue;
      const ing = this.ingresses.get(ingKey.split('/')[1]!, svc.metadata?.namespace);
      if (ing && ingressBackends(ing).some((b) => b.service === svc.metadata?.name))
        this.queue.add(`ing:${group}`, delay);
    }
    for (const tgb of this.tgbs.list(svc.metadata?.namespace)) {
      if (tgb.spec?.serviceRef?.name === svc.metadata?.name) this.enqueueTgb(tgb, delay);
    }
  }

  private enqueueTgb(tgb: TargetGroupBinding, delayMs: number): void {
    if (!this.inScope(tgb.metadata?.namespace)) return;
    this.queue.add(`tgb:${nsName(tgb)}`, delayMs);
  }

  // ---- reconcile -------------------------------------------------------------------------------

  private async reconcile(key: string): Promise<{ requeueAfterMs?: number } | void> {
    if (this.stopped) return;
    const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    switch (kind) {
      case 'ing':
        return this.reconcileIngressGroup(rest);
      case 'svc':
        return this.reconcileService(rest);
      case 'tgb':
        return this.reconcileBinding(rest);
    }
  }

  private ensureTargetGroup(input: Parameters<FakeElb['store']['createTargetGroup']>[0]): TargetGroupModel {
    const store = this.o.elb.store;
    const existing = store.findTargetGroupByName(input.name);
    if (existing) {
      // ModifyTargetGroupAttributes: a new deregistration delay applies to later deregistrations.
      const attrs = { ...existing.config.attributes, ...(input.attributes ?? {}) };
      existing.config.attributes = attrs;
      existing.config.deregistrationDelayMs = Math.round(
        Number(attrs['deregistration_delay.timeout_seconds']) * 1000 * this.o.durations.scale,
      );
      return existing;
    }
    const tg = store.createTargetGroup(input);
    this.ownedTargetGroups.add(tg.arn);
    this.note(`created target group ${tg.config.name} (${input.targetType})`);
    return tg;
  }

  private async reconcileIngressGroup(groupId: string): Promise<void> {
    const ings = this.ingresses
      .list()
      .filter(
        (i) =>
          this.inScope(i.metadata?.namespace) &&
          isAlbIngress(i, this.o.ingressClass) &&
          ingressGroup(i).id === groupId &&
          !i.metadata?.deletionTimestamp,
      )
      .sort((a, b) => nsName(a).localeCompare(nsName(b)));
    const stackKey = `group:${groupId}`;
    const selector = ings[0]
      ? ingressTgbLabels(ingressGroup(ings[0]))
      : groupId.includes('/')
        ? ingressTgbLabels({ id: groupId, explicit: false })
        : ingressTgbLabels({ id: groupId, explicit: true });
    const desired = new Map<string, { namespace: string; body: TargetGroupBinding; binding: ManagedBinding }>();
    if (ings.length > 0) {
      const group = ingressGroup(ings[0]!);
      const [lbNs, lbName] = group.explicit ? [group.id, ''] : group.id.split('/');
      const scheme =
        ings[0]!.metadata?.annotations?.[`${ALB_PREFIX}scheme`] === 'internet-facing' ? 'internet-facing' : 'internal';
      const lb = this.o.elb.store.createLoadBalancer({
        name: loadBalancerName(lbNs!, lbName ?? '', [this.o.clusterName, group.id, scheme]),
        type: 'application',
        scheme,
        tags: { [Tags.cluster]: this.o.clusterName, [Tags.ingressStack]: group.id },
      });
      this.stacks.set(stackKey, lb);
      const rules: Array<{ pathPrefix: string; targetGroupArn: string }> = [];
      for (const ing of ings) {
        const ns = ing.metadata!.namespace!;
        for (const b of ingressBackends(ing)) {
          const svc = this.services.get(b.service, ns);
          if (!svc) {
            this.note(`ingress ${nsName(ing)}: service ${ns}/${b.service} not found`);
            continue;
          }
          const svcPort = lookupServicePort(svc, b.port);
          if (!svcPort) {
            this.note(`ingress ${nsName(ing)}: service ${ns}/${b.service} has no port ${b.port}`);
            continue;
          }
          const targetType = albTargetType(svc, ing, await this.classParamsTargetType(ing), this.o.defaultTargetType);
          if (targetType === 'instance' && svc.spec?.type !== 'NodePort' && svc.spec?.type !== 'LoadBalancer') {
            this.note(
              `ingress ${nsName(ing)}: service ${ns}/${b.service} must be of type NodePort or LoadBalancer for instance targets`,
            );
            continue;
          }
          const tgPort = targetGroupPort(svcPort, targetType);
          const name = ingressTargetGroupName({
            cluster: this.o.clusterName,
            groupId: group.id,
            ingress: { namespace: ns, name: ing.metadata!.name! },
            service: { namespace: ns, name: b.service, uid: svc.metadata?.uid ?? '' },
            port: String(b.port),
            tgPort,
            targetType,
            protocol: 'HTTP',
            protocolVersion: 'HTTP1',
          });
          const tg = this.ensureTargetGroup({
            name,
            loadBalancerType: 'application',
            protocol: 'HTTP',
            port: tgPort,
            targetType,
            healthCheck: albHealthCheck(svc, ing),
            attributes: albTargetGroupAttributes(svc, ing),
            tags: ingressTargetGroupTags(
              this.o.clusterName,
              group.id,
              { namespace: ns, name: ing.metadata!.name! },
              b.service,
              String(b.port),
            ),
          });
          rules.push({ pathPrefix: b.pathPrefix, targetGroupArn: tg.arn });
          const binding: ManagedBinding = {
            namespace: ns,
            name,
            targetGroupArn: tg.arn,
            targetType,
            serviceRef: { name: b.service, port: b.port },
            owner: group.explicit ? `group:${group.id}` : `ingress:${group.id}`,
          };
          desired.set(`${ns}/${name}`, {
            namespace: ns,
            body: this.tgbBody(binding, ingressTgbLabels(group)),
            binding,
          });
        }
      }
      this.o.elb.store.setListener(lb.arn, 80, 'HTTP', rules);
      for (const ing of ings) await this.setIngressAddress(ing, lb.dnsName);
    }
    await this.applyBindings(selector, desired);
    if (ings.length === 0) {
      const lb = this.stacks.get(stackKey);
      if (lb) this.o.elb.store.deleteLoadBalancer(lb.arn);
      this.stacks.delete(stackKey);
    }
  }

  private async classParamsTargetType(ing: V1Ingress): Promise<string | undefined> {
    const className = ing.spec?.ingressClassName;
    if (!className || ing.metadata?.annotations?.['kubernetes.io/ingress.class']) return undefined;
    try {
      const ic = await this.networking.readIngressClass({ name: className });
      const p = ic.spec?.parameters;
      if (p?.apiGroup !== 'elbv2.k8s.aws' || p.kind !== 'IngressClassParams' || !p.name) return undefined;
      const params = (await this.custom.getClusterCustomObject({
        group: 'elbv2.k8s.aws',
        version: 'v1beta1',
        plural: 'ingressclassparams',
        name: p.name,
      })) as {
        spec?: { targetType?: string };
      };
      return params.spec?.targetType;
    } catch {
      return undefined;
    }
  }

  private async reconcileService(key: string): Promise<void> {
    const [ns, name] = key.split('/') as [string, string];
    const svc = this.services.get(name, ns);
    const targetType =
      svc && !svc.metadata?.deletionTimestamp ? nlbTargetType(svc, this.o.loadBalancerClass) : undefined;
    const stackKey = `service:${key}`;
    const desired = new Map<string, { namespace: string; body: TargetGroupBinding; binding: ManagedBinding }>();
    if (svc && targetType) {
      const scheme =
        svc.metadata?.annotations?.[`${SVC_PREFIX}aws-load-balancer-scheme`] === 'internet-facing'
          ? 'internet-facing'
          : 'internal';
      const lb = this.o.elb.store.createLoadBalancer({
        name: loadBalancerName(ns, name, [this.o.clusterName, svc.metadata?.uid ?? '', scheme]),
        type: 'network',
        scheme,
        tags: { [Tags.cluster]: this.o.clusterName, [Tags.serviceStack]: key },
      });
      this.stacks.set(stackKey, lb);
      const hc = nlbHealthCheck(svc);
      for (const port of svc.spec?.ports ?? []) {
        const tgPort = targetGroupPort(port, targetType);
        const protocol = port.protocol ?? 'TCP';
        const tgName = serviceTargetGroupName({
          cluster: this.o.clusterName,
          service: { namespace: ns, name, uid: svc.metadata?.uid ?? '' },
          port: String(port.port),
          tgPort,
          targetType,
          protocol,
          healthCheckProtocol: hc.protocol ?? 'TCP',
          healthCheckInterval: hc.intervalSeconds ?? 10,
        });
        const tg = this.ensureTargetGroup({
          name: tgName,
          loadBalancerType: 'network',
          protocol,
          port: tgPort,
          targetType,
          healthCheck: hc,
          attributes: nlbTargetGroupAttributes(svc, port.port),
          tags: serviceTargetGroupTags(this.o.clusterName, { namespace: ns, name }, String(port.port)),
        });
        this.o.elb.store.setListener(lb.arn, port.port, protocol, [{ pathPrefix: '/', targetGroupArn: tg.arn }]);
        const binding: ManagedBinding = {
          namespace: ns,
          name: tgName,
          targetGroupArn: tg.arn,
          targetType,
          serviceRef: { name, port: port.port },
          owner: `service:${key}`,
        };
        desired.set(`${ns}/${tgName}`, {
          namespace: ns,
          body: this.tgbBody(binding, serviceTgbLabels({ namespace: ns, name })),
          binding,
        });
      }
      await this.setServiceAddress(svc, lb.dnsName);
    }
    await this.applyBindings(serviceTgbLabels({ namespace: ns, name }), desired);
    if (!svc || !targetType) {
      const lb = this.stacks.get(stackKey);
      if (lb) this.o.elb.store.deleteLoadBalancer(lb.arn);
      this.stacks.delete(stackKey);
    }
  }

  private tgbBody(b: ManagedBinding, labels: Record<string, string>): TargetGroupBinding {
    return {
      apiVersion: `${TGB.group}/${TGB.version}`,
      kind: 'TargetGroupBinding',
      metadata: { name: b.name, namespace: b.namespace, labels },
      spec: {
        targetGroupARN: b.targetGroupArn,
        targetType: b.targetType,
        serviceRef: { ...b.serviceRef },
        ipAddressType: 'ipv4',
      },
    };
  }

  /** Creates missing bindings and deletes the stack's bindings that are no longer desired. */
  private async applyBindings(
    labels: Record<string, string>,
    desired: Map<string, { namespace: string; body: TargetGroupBinding; binding: ManagedBinding }>,
  ): Promise<void> {
    for (const [key, d] of desired) {
      this.bindingsByKey.set(key, d.binding);
      if (this.tgbs.get(d.binding.name, d.namespace)) continue;
      try {
        await this.custom.createNamespacedCustomObject({ ...TGB, namespace: d.namespace, body: d.body });
        this.note(`created TargetGroupBinding ${key}`);
      } catch (e) {
        if (statusOf(e) !== 409) throw e;
      }
    }
    const matches = (t: TargetGroupBinding) => Object.entries(labels).every(([k, v]) => t.metadata?.labels?.[k] === v);
    for (const t of this.tgbs.list()) {
      if (!matches(t) || desired.has(nsName(t))) continue;
      this.bindingsByKey.delete(nsName(t));
      try {
        await this.custom.deleteNamespacedCustomObject({
          ...TGB,
          namespace: t.metadata!.namespace!,
          name: t.metadata!.name!,
        });
        this.note(`deleted TargetGroupBinding ${nsName(t)}`);
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    }
  }

  private async setIngressAddress(ing: V1Ingress, hostname: string): Promise<void> {
    if (ing.status?.loadBalancer?.ingress?.[0]?.hostname === hostname) return;
    await this.networking
      .patchNamespacedIngressStatus(
        {
          name: ing.metadata!.name!,
          namespace: ing.metadata!.namespace!,
          body: { status: { loadBalancer: { ingress: [{ hostname }] } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )
      .catch((e) => this.note(`ingress ${nsName(ing)} status: ${errMessage(e)}`));
  }

  private async setServiceAddress(svc: V1Service, hostname: string): Promise<void> {
    if (svc.status?.loadBalancer?.ingress?.[0]?.hostname === hostname) return;
    await this.core
      .patchNamespacedServiceStatus(
        {
          name: svc.metadata!.name!,
          namespace: svc.metadata!.namespace!,
          body: { status: { loadBalancer: { ingress: [{ hostname }] } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      )
      .catch((e) => this.note(`service ${nsName(svc)} status: ${errMessage(e)}`));
  }

  private async reconcileBinding(key: string): Promise<{ requeueAfterMs?: number } | void> {
    const [ns, name] = key.split('/') as [string, string];
    const tgb = this.tgbs.get(name, ns);
    if (!tgb || tgb.metadata?.deletionTimestamp) return;
    const elb = this.o.elb;
    let arn = tgb.spec?.targetGroupARN;
    if (!arn && tgb.spec?.targetGroupName) {
      // The controller's webhook resolves a name to an ARN.
      const found = elb.store.findTargetGroupByName(tgb.spec.targetGroupName);
      if (!found) throw new Error(`target group ${tgb.spec.targetGroupName} not found`);
      arn = found.arn;
      await this.custom.patchNamespacedCustomObject(
        {
          ...TGB,
          namespace: ns,
          name,
          body: { spec: { targetGroupARN: arn, targetType: tgb.spec.targetType ?? found.config.targetType } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      return;
    }
    const tg = arn ? elb.store.targetGroup(arn) : undefined;
    if (!tg) {
      this.note(`TargetGroupBinding ${key}: target group ${arn ?? '(none)'} not found`);
      return;
    }
    const targetType = tgb.spec.targetType ?? tg.config.targetType;
    const svc = this.services.get(tgb.spec.serviceRef.name, ns);
    const svcPort = svc ? lookupServicePort(svc, tgb.spec.serviceRef.port) : undefined;
    if (!svc || !svcPort) {
      this.note(
        `TargetGroupBinding ${key}: backend not found (service ${tgb.spec.serviceRef.name}:${tgb.spec.serviceRef.port})`,
      );
      await this.deregisterAll(tg);
      return;
    }
    // ListTargets: the controller's own DescribeTargetHealth call, on the account's bucket.
    elb.call('DescribeTargetHealth', LBC_IDENTITY, { TargetGroupArn: tg.arn });
    const listed = tg.describe().filter((t) => t.TargetHealth.State !== 'draining');
    const listedByKey = new Map(listed.map((t) => [`${t.Target.Id}:${t.Target.Port}`, t]));

    if (targetType === 'instance') {
      const wanted = this.nodes
        .list()
        .filter(
          (n) =>
            nodeReadyStatus(n) === 'True' &&
            n.metadata?.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] === undefined,
        )
        .map((n) => ({ id: nodeInstanceId(n, shortHash), port: svcPort.nodePort ?? 0 }));
      await this.syncTargets(tg, wanted, listedByKey);
      return;
    }

    const condType = READINESS_GATE_PREFIX + name;
    const { endpoints, containsPotentialReady } = resolvePodEndpoints({
      servicePort: svcPort,
      slices: this.slices
        .list(ns)
        .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc.metadata?.name),
      pod: (podName) => this.podCache.get(podName, ns),
      node: (nodeName) => this.nodes.get(nodeName),
      readinessGate: condType,
    });
    const wanted = endpoints.map((e) => ({ id: e.ip, port: e.port }));
    const newlyRegistered = await this.syncTargets(tg, wanted, listedByKey);

    let needProbe = false;
    for (const ep of endpoints) {
      const k = `${ep.ip}:${ep.port}`;
      const health: TargetHealth | undefined = newlyRegistered.has(k)
        ? { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' }
        : listedByKey.get(k)?.TargetHealth;
      if (await this.writePodCondition(ep.pod, condType, health)) needProbe = true;
    }
    if (needProbe || containsPotentialReady) return { requeueAfterMs: this.o.durations.lbcRequeueMs };
  }

  /** Deregisters listed targets no longer wanted and registers new ones; returns the new keys. */
  private async syncTargets(
    tg: TargetGroupModel,
    wanted: Array<{ id: string; port: number }>,
    listed: Map<string, unknown>,
  ): Promise<Set<string>> {
    const wantedKeys = new Set(wanted.map((w) => `${w.id}:${w.port}`));
    const gone = [...listed.keys()].filter((k) => !wantedKeys.has(k));
    const fresh = wanted.filter((w) => !listed.has(`${w.id}:${w.port}`));
    if (gone.length > 0) {
      this.o.elb.call('DeregisterTargets', LBC_IDENTITY, targetParams(tg.arn, gone.map(splitKey)));
      this.note(`deregistered ${gone.join(', ')} from ${tg.config.name}`);
    }
    if (fresh.length > 0) {
      this.o.elb.call('RegisterTargets', LBC_IDENTITY, targetParams(tg.arn, fresh));
      this.note(`registered ${fresh.map((f) => `${f.id}:${f.port}`).join(', ')} in ${tg.config.name}`);
    }
    return new Set(fresh.map((f) => `${f.id}:${f.port}`));
  }

  private async deregisterAll(tg: TargetGroupModel): Promise<void> {
    const targets = tg.describe().filter((t) => t.TargetHealth.State !== 'draining');
    if (targets.length === 0) return;
    this.o.elb.call(
      'DeregisterTargets',
      LBC_IDENTITY,
      targetParams(
        tg.arn,
        targets.map((t) => ({ id: t.Target.Id, port: t.Target.Port })),
      ),
    );
  }

  /**
   * Writes the readiness-gate condition like updateTargetHealthPodConditionForPod; returns whether
   * the pod needs a further probe (its condition is not True).
   */
  private async writePodCondition(pod: V1Pod, condType: string, health: TargetHealth | undefined): Promise<boolean> {
    if (!hasReadinessGate(pod, condType)) return false;
    const status = health ? (health.State === 'healthy' ? 'True' : 'False') : 'Unknown';
    const reason = health?.Reason ?? '';
    const message = health?.Description ?? '';
    const needProbe = status !== 'True';
    const existing = (pod.status?.conditions ?? []).find((c) => c.type === condType);
    if (
      existing &&
      existing.status === status &&
      (existing.reason ?? '') === reason &&
      (existing.message ?? '') === message
    )
      return needProbe;
    const lastTransitionTime =
      !existing || existing.status !== status ? new Date().toISOString() : existing.lastTransitionTime;
    const condition: Record<string, unknown> = { type: condType, status, lastProbeTime: null, lastTransitionTime };
    if (reason) condition['reason'] = reason;
    if (message) condition['message'] = message;
    try {
      await this.core.patchNamespacedPodStatus(
        {
          name: pod.metadata!.name!,
          namespace: pod.metadata!.namespace!,
          body: { metadata: { uid: pod.metadata?.uid }, status: { conditions: [condition] } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
    return needProbe;
  }

  /** A deleted binding: deregister its targets, release gated pods, drop its target group when owned. */
  private async cleanupBinding(t: TargetGroupBinding): Promise<void> {
    const arn = t.spec?.targetGroupARN;
    const tg = arn ? this.o.elb.store.targetGroup(arn) : undefined;
    this.bindingsByKey.delete(nsName(t));
    if (tg) {
      await this.deregisterAll(tg);
      if (this.ownedTargetGroups.has(tg.arn)) {
        this.ownedTargetGroups.delete(tg.arn);
        this.o.clock.setTimeout(
          () => this.o.elb.store.deleteTargetGroup(tg.arn),
          tg.config.deregistrationDelayMs + this.o.durations.deregistrationPropagationMs,
        );
      }
    }
    const condType = READINESS_GATE_PREFIX + (t.metadata?.name ?? '');
    for (const pod of this.podCache.list(t.metadata?.namespace)) {
      await this.writePodCondition(pod, condType, {
        State: 'healthy',
        Description: 'Target Group Binding is deleted',
      }).catch(() => undefined);
    }
  }

  /** kube-proxy for instance targets: the node forwards to a ready endpoint of the Service (round-robin). */
  private resolveInstanceTarget(tgArn: string): string | undefined {
    const b =
      [...this.bindingsByKey.values()].find((x) => x.targetGroupArn === tgArn) ?? this.findExternalBinding(tgArn);
    if (!b) return undefined;
    const slices = this.slices
      .list(b.namespace)
      .filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === b.serviceRef.name);
    const ready = slices.flatMap((s) =>
      (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false).map((e) => e.addresses?.[0]),
    );
    const pool = (
      ready.length > 0
        ? ready
        : slices.flatMap((s) => (s.endpoints ?? []).filter((e) => e.conditions?.serving).map((e) => e.addresses?.[0]))
    ).filter((x): x is string => !!x);
    if (pool.length === 0) return undefined;
    this.kubeProxyTurn = (this.kubeProxyTurn + 1) % pool.length;
    return pool[this.kubeProxyTurn];
  }

  private findExternalBinding(tgArn: string): ManagedBinding | undefined {
    const t = this.tgbs?.list().find((x) => x.spec?.targetGroupARN === tgArn);
    if (!t) return undefined;
    return {
      namespace: t.metadata!.namespace!,
      name: t.metadata!.name!,
      targetGroupArn: tgArn,
      targetType: t.spec.targetType ?? 'ip',
      serviceRef: t.spec.serviceRef,
      owner: 'external',
    };
  }

  private async startWebhook(): Promise<void> {
    this.webhookServer = await startWebhookServer((pod, ns) => {
      if (!this.inScope(ns)) return [];
      return readinessGatesFor(pod, this.tgbs.list(ns), (svcName) => this.services.get(svcName, ns));
    });
    const scope = this.o.namespaces ? [...this.o.namespaces].sort().join(',') : '*';
    this.webhookName = `zd-sim-lbc-${shortHash(`${this.o.clusterName}|${scope}`).slice(0, 10)}`;
    const body = webhookConfiguration(this.webhookName, this.webhookServer, this.o.namespaces);
    await this.admission.deleteMutatingWebhookConfiguration({ name: this.webhookName }).catch(() => undefined);
    await this.admission.createMutatingWebhookConfiguration({ body: body as never });
  }

  private note(line: string): void {
    const stamped = `${new Date().toISOString()} ${line}`;
    this.events.push(stamped);
    if (this.events.length > 2000) this.events.splice(0, this.events.length - 2000);
    this.log(stamped);
  }
}

function splitKey(k: string): { id: string; port: number } {
  const i = k.lastIndexOf(':');
  return { id: k.slice(0, i), port: Number(k.slice(i + 1)) };
}

function targetParams(arn: string, targets: Array<{ id: string; port: number }>): Record<string, string> {
  const p: Record<string, string> = { TargetGroupArn: arn };
  targets.forEach((t, i) => {
    p[`Targets.member.${i + 1}.Id`] = t.id;
    p[`Targets.member.${i + 1}.Port`] = String(t.port);
  });
  return p;
}

function errMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}
