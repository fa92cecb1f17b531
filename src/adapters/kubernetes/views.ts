/**
 * The informers the watch mode runs: per namespace (Services, TargetGroupBindings,
 * EndpointSlices, Warning events; shared by the Deployments watched there) and per Deployment (the
 * Deployment by field selector, its ReplicaSets and pods by its label selector).
 */
import type { ServiceJson, TargetGroupBindingJson } from '../../core/gate/discovery.js';
import type { PodJson } from '../../core/gate/pods.js';
import type {
  DeploymentFeed,
  DeploymentListeners,
  NamespaceFeed,
  Timers,
  WarningEvent,
} from '../../core/gate/ports.js';
import { selectorString } from '../../core/rollout/selector.js';
import type { Deployment, ReplicaSet } from '../../core/rollout/types.js';
import { KubeSetupError } from './errors.js';
import { Informer, type KubeObject } from './informer.js';
import type { ClusterAccess } from './kubeconfig.js';

type K8s<T> = T & KubeObject;

export interface ViewContext {
  readonly access: ClusterAccess;
  readonly namespace: string;
  readonly timers: Timers;
  readonly log: (message: string) => void;
  readonly onSetupError: (error: Error) => void;
}

interface EventJson {
  readonly involvedObject?: { readonly kind?: string; readonly name?: string };
  readonly reason?: string;
  readonly message?: string;
  readonly count?: number;
  readonly lastTimestamp?: string | null;
  readonly eventTime?: string | null;
  readonly series?: { readonly count?: number; readonly lastObservedTime?: string };
  readonly metadata?: { readonly creationTimestamp?: string };
}

interface EndpointSliceJson {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
  readonly endpoints?: readonly {
    readonly conditions?: { readonly ready?: boolean; readonly serving?: boolean; readonly terminating?: boolean };
    readonly targetRef?: { readonly kind?: string; readonly name?: string };
  }[];
}

export class NamespaceView implements NamespaceFeed {
  private readonly serviceInformer: Informer<K8s<ServiceJson>>;
  private readonly bindingInformer: Informer<K8s<TargetGroupBindingJson>>;
  private readonly slices: Informer<K8s<EndpointSliceJson>>;
  private readonly events: Informer<K8s<EventJson>>;

  constructor(ctx: ViewContext) {
    const ns = ctx.namespace;
    const common = {
      access: ctx.access,
      namespace: ns,
      timers: ctx.timers,
      log: ctx.log,
      onSetupError: ctx.onSetupError,
      onChange: () => undefined,
    };
    this.serviceInformer = new Informer({ ...common, path: `/api/v1/namespaces/${ns}/services`, resource: 'services' });
    this.bindingInformer = new Informer({
      ...common,
      path: `/apis/elbv2.k8s.aws/v1beta1/namespaces/${ns}/targetgroupbindings`,
      resource: 'targetgroupbindings.elbv2.k8s.aws',
      optional: true,
    });
    this.slices = new Informer({
      ...common,
      path: `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`,
      resource: 'endpointslices.discovery.k8s.io',
      labelSelector: 'kubernetes.io/service-name',
      slim: slimSlice,
    });
    this.events = new Informer({
      ...common,
      path: `/api/v1/namespaces/${ns}/events`,
      resource: 'events',
      fieldSelector: 'type=Warning',
      slim: slimEvent,
    });
  }

  /** Lists all four; throws when one cannot be listed (setup errors are also reported through onSetupError). */
  async start(signal: AbortSignal): Promise<void> {
    const all = [this.serviceInformer, this.bindingInformer, this.slices, this.events];
    await Promise.all(all.map((i) => i.start(signal)));
    throwIfFailed(all);
  }

  services(): readonly ServiceJson[] {
    return this.serviceInformer.items();
  }

  bindings(): readonly TargetGroupBindingJson[] {
    return this.bindingInformer.items();
  }

  stop(): void {
    for (const i of [this.serviceInformer, this.bindingInformer, this.slices, this.events]) i.stop();
  }

  /** Warning events about the named objects, oldest first. */
  warnings(names: ReadonlySet<string>): WarningEvent[] {
    return this.events
      .items()
      .filter((e) => names.has(e.involvedObject?.name ?? ''))
      .map((e) => ({
        at: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '',
        kind: e.involvedObject?.kind ?? '',
        name: e.involvedObject?.name ?? '',
        reason: e.reason ?? '',
        message: (e.message ?? '').trim(),
        count: e.series?.count ?? e.count ?? 1,
      }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Pod name → how the EndpointSlices of these Services list it. */
  endpoints(services: ReadonlySet<string>): Map<string, string> {
    const out = new Map<string, string>();
    for (const slice of this.slices.items()) {
      const svc = slice.metadata?.labels?.['kubernetes.io/service-name'];
      if (!svc || !services.has(svc)) continue;
      for (const ep of slice.endpoints ?? []) {
        const name = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined;
        if (!name) continue;
        const c = ep.conditions ?? {};
        const state = c.terminating
          ? 'terminating'
          : c.ready === false
            ? c.serving
              ? 'serving, not ready'
              : 'not ready'
            : 'ready';
        out.set(name, `${state} in Service ${svc}`);
      }
    }
    return out;
  }
}

/** A first list that failed for a reason other than permissions (unreachable API server, 5xx): the gate cannot start. */
function throwIfFailed(informers: readonly { readonly failure: string | undefined }[]): void {
  const failure = informers.map((i) => i.failure).find((f) => f !== undefined);
  if (failure) throw new KubeSetupError(`could not list ${failure}`);
}

export class DeploymentView implements DeploymentFeed {
  private readonly deployment: Informer<K8s<Deployment>>;
  private owned: { rs: Informer<K8s<ReplicaSet>>; pods: Informer<K8s<PodJson>> } | undefined;

  constructor(
    private readonly ctx: ViewContext,
    readonly name: string,
    private readonly listeners: DeploymentListeners,
  ) {
    this.deployment = new Informer<K8s<Deployment>>({
      access: ctx.access,
      namespace: ctx.namespace,
      timers: ctx.timers,
      log: ctx.log,
      onSetupError: ctx.onSetupError,
      path: `/apis/apps/v1/namespaces/${ctx.namespace}/deployments`,
      resource: 'deployments.apps',
      fieldSelector: `metadata.name=${name}`,
      onChange: (items) => listeners.onDeployment(items.find((d) => d.metadata?.name === name)),
    });
  }

  /** Lists the Deployment; undefined when it does not exist or a setup error was reported; throws when the API cannot be reached. */
  async startDeployment(signal: AbortSignal): Promise<Deployment | undefined> {
    const ok = await this.deployment.start(signal);
    throwIfFailed([this.deployment]);
    return ok ? this.deployment.items().find((d) => d.metadata?.name === this.name) : undefined;
  }

  /** Lists and watches the ReplicaSets and pods the Deployment's selector matches. */
  async startOwned(deployment: Deployment, signal: AbortSignal): Promise<void> {
    const labelSelector = selectorString(deployment.spec?.selector);
    const { access, namespace: ns, timers, log, onSetupError } = this.ctx;
    const common = { access, namespace: ns, timers, log, onSetupError, labelSelector };
    this.owned = {
      rs: new Informer<K8s<ReplicaSet>>({
        ...common,
        path: `/apis/apps/v1/namespaces/${ns}/replicasets`,
        resource: 'replicasets.apps',
        onChange: (items) => this.listeners.onReplicaSets(items),
      }),
      pods: new Informer<K8s<PodJson>>({
        ...common,
        path: `/api/v1/namespaces/${ns}/pods`,
        resource: 'pods',
        coalesceMs: 100,
        slim: slimPod,
        onChange: (items) => this.listeners.onPods(items),
      }),
    };
    await Promise.all([this.owned.rs.start(signal), this.owned.pods.start(signal)]);
    throwIfFailed([this.owned.rs, this.owned.pods]);
  }

  replicaSets(): readonly ReplicaSet[] {
    return this.owned?.rs.items() ?? [];
  }

  current(): Deployment | undefined {
    return this.deployment.items().find((d) => d.metadata?.name === this.name);
  }

  /** Lists and watch connections, for the benchmark. */
  stats(): Record<string, { lists: number; watches: number; restarts: number; events: number }> {
    return {
      deployment: this.deployment.stats,
      ...(this.owned ? { replicasets: this.owned.rs.stats, pods: this.owned.pods.stats } : {}),
    };
  }

  stop(): void {
    this.deployment.stop();
    this.owned?.rs.stop();
    this.owned?.pods.stop();
  }
}

/** A pod reduced to the fields the gate reads (core/gate/pods.ts), so a large rollout stays small in memory. */
export function slimPod(p: K8s<PodJson>): K8s<PodJson> {
  const m: (PodJson['metadata'] & { resourceVersion?: string }) | undefined = p.metadata;
  const owner = m?.ownerReferences?.find((r) => r.controller === true);
  return {
    metadata: {
      ...(m?.name !== undefined ? { name: m.name } : {}),
      ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
      ...(m?.deletionTimestamp ? { deletionTimestamp: m.deletionTimestamp } : {}),
      ...(owner ? { ownerReferences: [{ kind: owner.kind, name: owner.name, controller: true }] } : {}),
    },
    spec: {
      ...(p.spec?.readinessGates
        ? { readinessGates: p.spec.readinessGates.map((g) => ({ conditionType: g.conditionType })) }
        : {}),
      containers: (p.spec?.containers ?? []).map((c) => ({
        ...(c.ports ? { ports: c.ports.map((port) => ({ name: port.name, containerPort: port.containerPort })) } : {}),
      })),
    },
    status: {
      ...(p.status?.phase ? { phase: p.status.phase } : {}),
      ...(p.status?.podIP ? { podIP: p.status.podIP } : {}),
      conditions: (p.status?.conditions ?? []).map((c) => ({
        type: c.type,
        status: c.status,
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.message ? { message: c.message } : {}),
      })),
    },
  };
}

/** An EndpointSlice reduced to what the diagnostics read (which pod, in which condition, of which Service). */
function slimSlice(e: K8s<EndpointSliceJson>): K8s<EndpointSliceJson> {
  const m = e.metadata;
  const service = m?.labels?.['kubernetes.io/service-name'];
  return {
    metadata: {
      ...(m?.name !== undefined ? { name: m.name } : {}),
      ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
      ...(service !== undefined ? { labels: { 'kubernetes.io/service-name': service } } : {}),
    },
    endpoints: (e.endpoints ?? []).map((p) => ({
      ...(p.conditions ? { conditions: p.conditions } : {}),
      ...(p.targetRef ? { targetRef: { kind: p.targetRef.kind, name: p.targetRef.name } } : {}),
    })),
  };
}

/** A Warning event reduced to what the diagnostics show (its message bounded). */
function slimEvent(e: K8s<EventJson>): K8s<EventJson> {
  const m = e.metadata;
  return {
    metadata: {
      ...(m?.name !== undefined ? { name: m.name } : {}),
      ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
      ...(m?.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    },
    ...(e.involvedObject ? { involvedObject: { kind: e.involvedObject.kind, name: e.involvedObject.name } } : {}),
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.message !== undefined ? { message: e.message.slice(0, 1_000) } : {}),
    ...(e.count !== undefined ? { count: e.count } : {}),
    ...(e.lastTimestamp ? { lastTimestamp: e.lastTimestamp } : {}),
    ...(e.eventTime ? { eventTime: e.eventTime } : {}),
    ...(e.series ? { series: { count: e.series.count, lastObservedTime: e.series.lastObservedTime } } : {}),
  };
}
