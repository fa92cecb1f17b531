/**
 * One call to start the load-balancer simulator: the fake ELBv2 endpoint, the target-group models,
 * the data plane and traffic generator, and (given a kubeconfig) the fake load balancer controller
 * with its readiness-gate webhook. See README.md beside this file.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { type Clock, RealClock } from './clock.js';
import { FakeCloudWatch } from './cloudwatch/index.js';
import { type DurationOverrides, scaledDurations, type SimDurations } from './durations.js';
import { type CallCounters, FakeElb, type Faults } from './elb/index.js';
import type { LoadBalancerRecord } from './elb/store.js';
import { FakeLbc } from './lbc/controller.js';
import { PodView } from './pods.js';
import {
  Attack,
  type AttackOptions,
  DataPlane,
  formatReport,
  type Frontend,
  startFrontend,
  type TrafficReport,
} from './traffic.js';

export { ManualClock, RealClock, type Clock } from './clock.js';
export { CwErrors, FakeCloudWatch, seriesKey, dimensionOf } from './cloudwatch/index.js';
export { REAL, scaledDurations, type SimDurations } from './durations.js';
export {
  Errors,
  FakeElb,
  LBC_IDENTITY,
  type CallCounters,
  type CallFilter,
  type CallRecord,
  type Faults,
} from './elb/index.js';
export { FakeLbc, type ManagedBinding } from './lbc/controller.js';
export { Annotations as PodAnnotations, PodView } from './pods.js';
export { TargetGroupModel, type TargetHealth, type TargetState } from './target-group.js';
export { Attack, DataPlane, formatReport, type Frontend, type TrafficReport } from './traffic.js';

/** The SDK's per-service endpoint override (serviceId "Elastic Load Balancing v2"). */
export const ELB_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2';
/** The same for CloudWatch (serviceId "CloudWatch"). */
export const CLOUDWATCH_ENDPOINT_ENV = 'AWS_ENDPOINT_URL_CLOUDWATCH';

export interface SimulatorOptions {
  /** Path of the test cluster's kubeconfig, or a loaded KubeConfig. Without it no controller runs. */
  kubeconfig?: string | KubeConfig;
  /** Factor on every real duration (default 0.1). */
  scale?: number;
  /** Per-value overrides of the scaled durations (ms). */
  durations?: DurationOverrides;
  /** --cluster-name of the simulated controller (elbv2.k8s.aws/cluster tag, name hashes). Default zd-sim. */
  clusterName?: string;
  region?: string;
  accountId?: string;
  /** Restrict the controller (and its webhook) to these namespaces. */
  namespaces?: string[];
  /** Serve the readiness-gate webhook (default true). */
  webhook?: boolean;
  /** Factor on pod-side seconds (preStop, grace, app start delay); default 1, as the kwok stages use them. */
  podTimeScale?: number;
  /** Images whose pods fail the load balancer health check. */
  unhealthyImages?: Array<string | RegExp>;
  /** Access key the product should use (its identity in the counters). Default AKIDZDGATETEST. */
  accessKeyId?: string;
  /** Seed for injected error rates. */
  seed?: number;
  log?: (line: string) => void;
}

export interface TrafficTarget {
  /** Ingress `ns/name` (its load balancer), an explicit group name, or an NLB Service `ns/name`. */
  ingress?: string;
  group?: string;
  service?: string;
  loadBalancerArn?: string;
  targetGroupArn?: string;
}

export interface Traffic {
  readonly plane: DataPlane;
  /** A bounded constant-rate attack (like `vegeta attack -rate=R -duration=D`). */
  attack(opts: Omit<AttackOptions, 'loadBalancerArn' | 'targetGroupArn'> & TrafficTarget): Attack;
  /** A real HTTP listener on 127.0.0.1 in front of a load balancer (for a probe URL). */
  frontend(target: Omit<TrafficTarget, 'targetGroupArn'>): Promise<Frontend>;
  format(report: TrafficReport): string;
}

export interface Simulator {
  /** http://127.0.0.1:<port> */
  elbEndpoint: string;
  /** The fake CloudWatch endpoint (GetMetricData over JSON 1.0), http://127.0.0.1:<port>. */
  cloudwatchEndpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Environment for a child process using the SDK (the product's CLI): endpoint, region, static credentials. */
  env: Record<string, string>;
  durations: SimDurations;
  clock: Clock;
  elb: FakeElb;
  faults: Faults;
  /** The simulated load balancers' CloudWatch metrics: `metrics`, `faults`, `counters`, `withhold()`. */
  cloudwatch: FakeCloudWatch;
  counters: CallCounters;
  pods: PodView;
  /** Present when a kubeconfig was given. */
  lbc?: FakeLbc;
  traffic: Traffic;
  /** Resolves a traffic target to its load balancer. */
  loadBalancer(target: Omit<TrafficTarget, 'targetGroupArn'>): LoadBalancerRecord | undefined;
  stop(): Promise<void>;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const clock = new RealClock();
  const durations = scaledDurations(opts.scale ?? 0.1, opts.durations);
  const elb = await FakeElb.start({
    clock,
    durations,
    region: opts.region ?? 'eu-west-1',
    accountId: opts.accountId ?? '111111111111',
    seed: opts.seed ?? 1,
  });
  const pods = new PodView(clock, {
    podTimeScale: opts.podTimeScale ?? 1,
    ...(opts.unhealthyImages ? { unhealthyImages: [...opts.unhealthyImages] } : {}),
  });
  elb.store.setProbe((t, tg) => (tg.config.targetType === 'ip' ? pods.probe(t.id) : { ok: true }));
  const plane = new DataPlane(elb.store, pods, durations, clock);
  const cloudwatch = await FakeCloudWatch.start({
    clock,
    store: elb.store,
    plane,
    publicationDelayMs: durations.cloudWatchPublicationDelayMs,
    seed: opts.seed ?? 1,
  });

  let lbc: FakeLbc | undefined;
  const frontends: Frontend[] = [];
  try {
    if (opts.kubeconfig) {
      let kc: KubeConfig;
      if (typeof opts.kubeconfig === 'string') {
        kc = new KubeConfig();
        kc.loadFromFile(opts.kubeconfig);
      } else {
        kc = opts.kubeconfig;
      }
      lbc = new FakeLbc({
        kubeConfig: kc,
        elb,
        pods,
        plane,
        clock,
        durations,
        clusterName: opts.clusterName ?? 'zd-sim',
        ...(opts.namespaces ? { namespaces: opts.namespaces } : {}),
        webhook: opts.webhook ?? true,
        ...(opts.log ? { log: opts.log } : {}),
      });
      await lbc.start();
    }
  } catch (e) {
    await lbc?.stop().catch(() => undefined);
    await cloudwatch.close();
    await elb.close();
    throw e;
  }

  const loadBalancer = (t: Omit<TrafficTarget, 'targetGroupArn'>): LoadBalancerRecord | undefined => {
    if (t.loadBalancerArn) return elb.store.loadBalancer(t.loadBalancerArn);
    return lbc?.loadBalancerFor({
      ...(t.ingress ? { ingress: t.ingress } : {}),
      ...(t.group ? { group: t.group } : {}),
      ...(t.service ? { service: t.service } : {}),
    });
  };
  const requireLb = (t: Omit<TrafficTarget, 'targetGroupArn'>): LoadBalancerRecord => {
    const lb = loadBalancer(t);
    if (!lb)
      throw new Error(`no simulated load balancer for ${JSON.stringify(t)} (has the controller reconciled it yet?)`);
    return lb;
  };

  const credentials = { accessKeyId: opts.accessKeyId ?? 'AKIDZDGATETEST', secretAccessKey: 'zd-sim-not-checked' };
  const traffic: Traffic = {
    plane,
    attack: ({ ingress, group, service, loadBalancerArn, targetGroupArn, ...rest }) => {
      const target = targetGroupArn
        ? { targetGroupArn }
        : {
            loadBalancerArn: requireLb({
              ...(ingress ? { ingress } : {}),
              ...(group ? { group } : {}),
              ...(service ? { service } : {}),
              ...(loadBalancerArn ? { loadBalancerArn } : {}),
            }).arn,
          };
      return new Attack(clock, plane, { ...rest, ...target });
    },
    frontend: async (t) => {
      const fe = await startFrontend(clock, plane, elb.store, requireLb(t).arn);
      frontends.push(fe);
      return fe;
    },
    format: formatReport,
  };

  return {
    elbEndpoint: elb.endpoint,
    cloudwatchEndpoint: cloudwatch.endpoint,
    region: elb.region,
    credentials,
    env: {
      [ELB_ENDPOINT_ENV]: elb.endpoint,
      [CLOUDWATCH_ENDPOINT_ENV]: cloudwatch.endpoint,
      AWS_REGION: elb.region,
      AWS_DEFAULT_REGION: elb.region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    durations,
    clock,
    elb,
    faults: elb.faults,
    counters: elb.counters,
    cloudwatch,
    pods,
    ...(lbc ? { lbc } : {}),
    traffic,
    loadBalancer,
    stop: async () => {
      await lbc?.stop();
      await Promise.all(frontends.map((f) => f.close()));
      await cloudwatch.close();
      await elb.close();
      clock.clearAll();
    },
  };
}
