/**
 * ELBv2 through the AWS SDK: DescribeTargetGroups once (target type, health check), then
 * DescribeTargetHealth per target group per interval. Retries are the SDK's (standard mode,
 * `maxAttempts`); every HTTP attempt draws from the CallBudget through a middleware, so retries
 * count too. Throttling and transient errors become `unknown`; missing permissions and missing
 * target groups become errors that say what to fix.
 *
 * The endpoint is the SDK's: AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 (or AWS_ENDPOINT_URL)
 * overrides it, as for any SDK client.
 */
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { TargetGroupInfo, TargetHealthPort } from '../../core/gate/ports.js';
import type { TargetHealthObservation } from '../../core/gate/types.js';
import type { CallBudget } from './budget.js';

/** A failure the gate cannot wait out: the message says what to fix. */
export class AwsSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsSetupError';
  }
}

export type { TargetGroupInfo } from '../../core/gate/ports.js';

export interface ElbClientOptions {
  readonly region: string;
  readonly budget: CallBudget;
  /** SDK attempts per call, first one included (standard retry mode). */
  readonly maxAttempts?: number;
  readonly requestTimeoutMs?: number;
}

export function createElbClient(options: ElbClientOptions): ElasticLoadBalancingV2Client {
  const client = new ElasticLoadBalancingV2Client({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: 'standard',
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000, connectionTimeout: 5_000 },
  });
  // In the deserialize step, below the retry middleware: runs once per HTTP attempt.
  client.middlewareStack.add(
    (next) => async (args) => {
      options.budget.spend();
      return next(args);
    },
    { step: 'deserialize', name: 'zdGateCallBudget', priority: 'low' },
  );
  return client;
}

interface AwsErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'SlowDown',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);
const BAD_CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidAccessKeyId',
  'AuthFailure',
]);

export function isThrottling(e: AwsErrorLike): boolean {
  return THROTTLING.has(e.name ?? '') || e.$retryable?.throttling === true || e.$metadata?.httpStatusCode === 429;
}

/** The errors no waiting fixes, as a sentence naming the permission or input to fix; else undefined. */
export function setupProblem(e: AwsErrorLike, action: string, subject: string): string | undefined {
  const name = e.name ?? '';
  if (ACCESS_DENIED.has(name) || (e.$metadata?.httpStatusCode === 403 && !BAD_CREDENTIALS.has(name))) {
    return `AWS denied ${action} on ${subject}: allow \`${action}\` in the IAM policy of the role the job runs with (docs/watch.md#aws-iam). AWS said: ${e.message ?? name}`;
  }
  if (BAD_CREDENTIALS.has(name))
    return `AWS rejected the credentials for ${action} (${name}): check the role or keys the job runs with. AWS said: ${e.message ?? name}`;
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e.message ?? '')) {
    return `no AWS credentials found for ${action}: configure credentials (for example aws-actions/configure-aws-credentials, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).`;
  }
  if (name === 'TargetGroupNotFoundException' || name === 'TargetGroupNotFound') {
    return `target group not found: ${subject} (${action}). Check \`target-group-arns\` and \`aws-region\`, or whether the load balancer controller deleted it.`;
  }
  if (name === 'ValidationError' || name === 'ValidationException')
    return `${action} rejected ${subject}: ${e.message ?? name}`;
  return undefined;
}

function describeError(e: AwsErrorLike): string {
  const status = e.$metadata?.httpStatusCode;
  return `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? ''}`.trim();
}

export class ElbTargetHealth {
  constructor(private readonly client: ElasticLoadBalancingV2Client) {}

  /** DescribeTargetGroups for the ARNs (20 per call). Throws AwsSetupError on permission or lookup errors. */
  async describeTargetGroups(arns: readonly string[], signal?: AbortSignal): Promise<Map<string, TargetGroupInfo>> {
    const out = new Map<string, TargetGroupInfo>();
    for (let i = 0; i < arns.length; i += 20) {
      const chunk = arns.slice(i, i + 20);
      let groups: TargetGroup[];
      try {
        const r = await this.client.send(
          new DescribeTargetGroupsCommand({ TargetGroupArns: chunk }),
          signal ? { abortSignal: signal } : {},
        );
        groups = r.TargetGroups ?? [];
      } catch (e) {
        const problem = setupProblem(e as AwsErrorLike, 'elasticloadbalancing:DescribeTargetGroups', chunk.join(', '));
        throw new AwsSetupError(
          problem ?? `DescribeTargetGroups failed for ${chunk.join(', ')}: ${describeError(e as AwsErrorLike)}`,
        );
      }
      for (const g of groups) {
        if (!g.TargetGroupArn) continue;
        const hc = g.HealthCheckProtocol
          ? `${g.HealthCheckProtocol} ${g.HealthCheckPort ?? 'traffic-port'}${g.HealthCheckPath ? ` ${g.HealthCheckPath}` : ''}${g.Matcher?.HttpCode ? ` expecting ${g.Matcher.HttpCode}` : ''}, every ${g.HealthCheckIntervalSeconds ?? '?'}s, healthy after ${g.HealthyThresholdCount ?? '?'}`
          : 'unknown';
        out.set(g.TargetGroupArn, {
          arn: g.TargetGroupArn,
          name: g.TargetGroupName ?? g.TargetGroupArn,
          targetType: g.TargetType ?? 'unknown',
          ...(g.Protocol ? { protocol: g.Protocol } : {}),
          ...(g.Port !== undefined ? { port: g.Port } : {}),
          healthCheck: hc,
          ...(g.HealthCheckIntervalSeconds !== undefined
            ? { healthCheckIntervalSeconds: g.HealthCheckIntervalSeconds }
            : {}),
          ...(g.HealthyThresholdCount !== undefined ? { healthyThresholdCount: g.HealthyThresholdCount } : {}),
          ...(g.UnhealthyThresholdCount !== undefined ? { unhealthyThresholdCount: g.UnhealthyThresholdCount } : {}),
          loadBalancers: g.LoadBalancerArns?.length ?? 0,
          loadBalancerArns: g.LoadBalancerArns ?? [],
        });
      }
    }
    return out;
  }

  /**
   * One DescribeTargetHealth. Throttling, 5xx, timeouts and network errors are `unknown`;
   * AccessDenied, a deleted target group and bad credentials throw AwsSetupError.
   */
  async describeTargetHealth(
    arn: string,
    signal?: AbortSignal,
  ): Promise<TargetHealthObservation & { throttled?: boolean }> {
    try {
      const r = await this.client.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: arn }),
        signal ? { abortSignal: signal } : {},
      );
      return {
        kind: 'known',
        targets: (r.TargetHealthDescriptions ?? []).map((d) => ({
          id: d.Target?.Id ?? '',
          ...(d.Target?.Port !== undefined ? { port: d.Target.Port } : {}),
          state: d.TargetHealth?.State ?? 'unknown',
          ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
          ...(d.TargetHealth?.Description ? { description: d.TargetHealth.Description } : {}),
        })),
      };
    } catch (e) {
      const err = e as AwsErrorLike;
      if (err.name === 'AbortError' || signal?.aborted) throw e;
      const problem = setupProblem(err, 'elasticloadbalancing:DescribeTargetHealth', arn);
      if (problem) throw new AwsSetupError(problem);
      return { kind: 'unknown', reason: describeError(err), ...(isThrottling(err) ? { throttled: true } : {}) };
    }
  }
}

/** The ELBv2 target-health port over one SDK client per region, all drawing from one call budget. */
export class ElbSource implements TargetHealthPort {
  private readonly byRegion = new Map<string, ElbTargetHealth>();

  constructor(
    private readonly budget: CallBudget,
    private readonly regionFor: (arn: string) => string,
    private readonly now: () => number,
  ) {}

  private client(arn: string): ElbTargetHealth {
    const region = this.regionFor(arn);
    let c = this.byRegion.get(region);
    if (!c) this.byRegion.set(region, (c = new ElbTargetHealth(createElbClient({ region, budget: this.budget }))));
    return c;
  }

  async describeTargetGroups(arns: readonly string[], signal: AbortSignal): Promise<Map<string, TargetGroupInfo>> {
    const out = new Map<string, TargetGroupInfo>();
    const regions = new Map<string, string[]>();
    for (const arn of arns) regions.set(this.regionFor(arn), [...(regions.get(this.regionFor(arn)) ?? []), arn]);
    for (const group of regions.values())
      for (const [arn, info] of await this.client(group[0] as string).describeTargetGroups(group, signal))
        out.set(arn, info);
    return out;
  }

  async describeTargetHealth(
    arn: string,
    signal: AbortSignal,
  ): Promise<TargetHealthObservation & { readonly throttled?: boolean }> {
    const requestedAt = this.now();
    const o = await this.client(arn).describeTargetHealth(arn, signal);
    return o.kind === 'known' ? { ...o, requestedAt } : o;
  }

  budgetWaitMs(): number {
    return this.budget.waitMs();
  }

  get attempts(): number {
    return this.budget.spent;
  }
}
