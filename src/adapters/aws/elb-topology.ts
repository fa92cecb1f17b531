/**
 * Which target groups each load balancer serves (DescribeTargetGroups by LoadBalancerArn, paged),
 * so the metrics report can say when a load balancer in front of a Deployment also serves others
 * (an IngressGroup, a shared ALB): its own error counts are published per load balancer only.
 * One call per load balancer and page, through the ELB client and its call budget.
 */
import {
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsSetupError, setupProblem } from './elbv2.js';

export interface AttachedGroup {
  readonly arn: string;
  readonly name: string;
}

/** Per load balancer ARN, every target group attached to it; a failed lookup leaves its entry out (unknown). */
export async function attachedTargetGroups(
  client: ElasticLoadBalancingV2Client,
  loadBalancerArns: readonly string[],
  signal?: AbortSignal,
  maxPages = 5,
): Promise<Map<string, AttachedGroup[]>> {
  const out = new Map<string, AttachedGroup[]>();
  for (const lb of loadBalancerArns) {
    const groups: AttachedGroup[] = [];
    let marker: string | undefined;
    let pages = 0;
    try {
      do {
        const r = await client.send(
          new DescribeTargetGroupsCommand({ LoadBalancerArn: lb, ...(marker ? { Marker: marker } : {}) }),
          signal ? { abortSignal: signal } : {},
        );
        for (const g of r.TargetGroups ?? [])
          if (g.TargetGroupArn) groups.push({ arn: g.TargetGroupArn, name: g.TargetGroupName ?? g.TargetGroupArn });
        marker = r.NextMarker;
      } while (marker && ++pages < maxPages);
    } catch (e) {
      if (signal?.aborted) throw e;
      const problem = setupProblem(e as { name?: string }, 'elasticloadbalancing:DescribeTargetGroups', lb);
      if (problem && /denied|credentials/i.test(problem)) throw new AwsSetupError(problem);
      continue;
    }
    if (!marker) out.set(lb, groups);
  }
  return out;
}
