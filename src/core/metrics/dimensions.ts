/**
 * From ELBv2 ARNs to the CloudWatch dimension values the load balancer metrics are published
 * under, and the metrics the gate reads. AWS: "LoadBalancer: app/load-balancer-name/1234567890123456
 * (the final portion of the load balancer ARN)", `net/...` for a Network Load Balancer, and
 * "TargetGroup: targetgroup/target-group-name/1234567890123456" (Elastic Load Balancing User Guide,
 * "CloudWatch metrics for your Application Load Balancer" / "... Network Load Balancer", Metric
 * dimensions). A target group's metrics are published with both dimensions, TargetGroup and
 * LoadBalancer: a target group attached to two load balancers has two series. Pure.
 */

export type LoadBalancerKind = 'application' | 'network' | 'gateway';

export interface LoadBalancerRef {
  readonly arn: string;
  /** `app/my-alb/50dc6c495c0c9188` */
  readonly dimension: string;
  /** `my-alb` */
  readonly name: string;
  readonly kind: LoadBalancerKind;
  readonly region: string;
}

export interface TargetGroupDimension {
  readonly arn: string;
  /** `targetgroup/k8s-demo-web-1a2b3c4d5e/73e2d6bc24d8a067` */
  readonly dimension: string;
  readonly name: string;
}

const LB_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/(app|net|gwy)\/([A-Za-z0-9-]{1,32})\/([0-9a-f]{16})$/;
const TG_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:(targetgroup\/([A-Za-z0-9-]{1,32})\/[0-9a-f]{16})$/;

const KINDS = { app: 'application', net: 'network', gwy: 'gateway' } as const;

/** The load balancer an ARN names, or undefined when it is not a load balancer ARN. */
export function loadBalancerRef(arn: string): LoadBalancerRef | undefined {
  const m = LB_ARN.exec(arn);
  if (!m) return undefined;
  const [, region, type, name, id] = m as unknown as [string, string, keyof typeof KINDS, string, string];
  return { arn, dimension: `${type}/${name}/${id}`, name, kind: KINDS[type], region };
}

/** The TargetGroup dimension of a target group ARN, or undefined when it is not one. */
export function targetGroupDimension(arn: string): TargetGroupDimension | undefined {
  const m = TG_ARN.exec(arn);
  if (!m) return undefined;
  return { arn, dimension: m[2] as string, name: m[3] as string };
}

/** The region in an ELBv2 ARN (`arn:aws:elasticloadbalancing:<region>:...`), if any. */
export function arnRegion(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):/.exec(arn)?.[1];
}

/** What a series counts, for attribution and the report. */
export type MetricRole =
  /** Requests the load balancer received (ALB RequestCount) or new flows (NLB NewFlowCount). */
  | 'requests'
  /** 5xx answers the load balancer generated itself, all codes (HTTPCode_ELB_5XX_Count). */
  | 'elb-5xx'
  | 'elb-502'
  | 'elb-503'
  | 'elb-504'
  /** RST packets the NLB generated (TCP_ELB_Reset_Count). */
  | 'elb-reset'
  /** RST packets a target sent through the NLB (TCP_Target_Reset_Count): a refused connection. */
  | 'target-reset'
  /** Requests routed to one target group (RequestCount with TargetGroup). */
  | 'tg-requests'
  /** 5xx answered by the targets of one target group (HTTPCode_Target_5XX_Count): the application's own. */
  | 'tg-target-5xx';

export interface MetricSpec {
  readonly namespace: 'AWS/ApplicationELB' | 'AWS/NetworkELB';
  readonly metric: string;
  readonly role: MetricRole;
  /** Published per target group (with the LoadBalancer dimension) as well as per load balancer. */
  readonly perTargetGroup: boolean;
}

/**
 * The series read per load balancer kind. Codes the load balancer answered itself are published
 * per load balancer (and Availability Zone) only, never per target group; requests and the
 * targets' own 5xx also per target group. Statistic `Sum`, period 60 s: the only meaningful
 * statistic of these counts, at the resolution ELB publishes them.
 */
export const METRICS: Readonly<Record<'application' | 'network', readonly MetricSpec[]>> = {
  application: [
    { namespace: 'AWS/ApplicationELB', metric: 'RequestCount', role: 'requests', perTargetGroup: false },
    { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_5XX_Count', role: 'elb-5xx', perTargetGroup: false },
    { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_502_Count', role: 'elb-502', perTargetGroup: false },
    { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_503_Count', role: 'elb-503', perTargetGroup: false },
    { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_504_Count', role: 'elb-504', perTargetGroup: false },
    { namespace: 'AWS/ApplicationELB', metric: 'RequestCount', role: 'tg-requests', perTargetGroup: true },
    {
      namespace: 'AWS/ApplicationELB',
      metric: 'HTTPCode_Target_5XX_Count',
      role: 'tg-target-5xx',
      perTargetGroup: true,
    },
  ],
  network: [
    { namespace: 'AWS/NetworkELB', metric: 'NewFlowCount', role: 'requests', perTargetGroup: false },
    { namespace: 'AWS/NetworkELB', metric: 'TCP_ELB_Reset_Count', role: 'elb-reset', perTargetGroup: false },
    { namespace: 'AWS/NetworkELB', metric: 'TCP_Target_Reset_Count', role: 'target-reset', perTargetGroup: false },
  ],
};

/** The error codes of a role, as the report names them (`502`, `elb-reset`, ...). */
export const ERROR_ROLES: Readonly<Partial<Record<MetricRole, string>>> = {
  'elb-502': '502',
  'elb-503': '503',
  'elb-504': '504',
  'elb-reset': 'elb-reset',
  'target-reset': 'target-reset',
};
