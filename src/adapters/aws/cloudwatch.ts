/**
 * The load balancers' own counts from CloudWatch: one `GetMetricData` call per region and poll
 * reads every series of the plan (core/metrics/plan.ts) over the whole minutes from the baseline's
 * start to now, and the store (core/metrics/store.ts) keeps them.
 *
 * - Protocol: `@aws-sdk/client-cloudwatch` speaks AWS JSON 1.0 (query-compatible); errors carry the
 *   Query codes (`AccessDenied`, `Throttling`, `InvalidParameterValue`...) as their names.
 * - Retries are the SDK's (standard mode); every HTTP attempt draws from the same CallBudget as the
 *   ELB calls, and the poller waits for a token before each call.
 * - Throttling, 5xx, timeouts and network errors make a read `unknown` (the next poll tries again,
 *   later after throttling); a denied call, rejected credentials or a query CloudWatch refuses end
 *   the watch with an AwsSetupError that names `cloudwatch:GetMetricData`.
 * - The endpoint is the SDK's: `AWS_ENDPOINT_URL_CLOUDWATCH` (or `AWS_ENDPOINT_URL`) overrides it.
 */
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { ElbMetricsPort, MetricsHooks } from '../../core/gate/ports.js';
import { arnRegion } from '../../core/metrics/dimensions.js';
import type { MetricQuery, MetricsPlan } from '../../core/metrics/plan.js';
import { type MetricsRead, type MetricsStore, readRange } from '../../core/metrics/store.js';
import type { Timers } from '../clock.js';
import { type CallBudget, meterAttempts } from './budget.js';
import { type AttachedGroup, attachedTargetGroups } from './elb-topology.js';
import { AwsSetupError, createElbClient, isThrottling, setupProblem } from './elbv2.js';

export const GET_METRIC_DATA = 'cloudwatch:GetMetricData';

export interface CloudWatchClientOptions {
  readonly region: string;
  readonly budget: CallBudget;
  /** SDK attempts per call, first one included (standard retry mode). */
  readonly maxAttempts?: number;
  readonly requestTimeoutMs?: number;
}

export function createCloudWatchClient(options: CloudWatchClientOptions): CloudWatchClient {
  const client = new CloudWatchClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: 'standard',
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000, connectionTimeout: 5_000 },
  });
  meterAttempts(client, options.budget);
  return client;
}

interface AwsErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

/** CloudWatch refused the query itself: waiting does not help (a bug, or dimensions it cannot take). */
const REJECTED = new Set([
  'InvalidParameterValueException',
  'InvalidParameterCombinationException',
  'MissingRequiredParameterException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
]);

export type ReadOutcome =
  | { readonly kind: 'known'; readonly read: MetricsRead }
  | { readonly kind: 'unknown'; readonly reason: string; readonly throttled?: boolean };

/** GetMetricData over one region's queries. */
export class CloudWatchMetrics {
  /** GetMetricData calls sent (pages included; SDK retries are counted by the budget). */
  calls = 0;

  constructor(
    private readonly client: CloudWatchClient,
    private readonly region: string,
  ) {}

  /**
   * One read of [fromMs, toMs) (whole minutes): one call, and more only if CloudWatch pages the
   * answer (more than 100,800 datapoints, which readRange() avoids).
   */
  async read(
    queries: readonly MetricQuery[],
    fromMs: number,
    toMs: number,
    requestedAt: number,
    signal?: AbortSignal,
  ): Promise<ReadOutcome> {
    const series = new Map<string, Array<[number, number]>>();
    let token: string | undefined;
    try {
      do {
        this.calls++;
        const out = await this.client.send(
          new GetMetricDataCommand({
            MetricDataQueries: queries.map((q) => ({
              Id: q.id,
              MetricStat: {
                Metric: {
                  Namespace: q.spec.namespace,
                  MetricName: q.spec.metric,
                  Dimensions: q.dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
                },
                Period: 60,
                Stat: 'Sum',
              },
              ReturnData: true,
            })),
            StartTime: new Date(fromMs),
            EndTime: new Date(toMs),
            ScanBy: 'TimestampAscending',
            ...(token ? { NextToken: token } : {}),
          }),
          signal ? { abortSignal: signal } : {},
        );
        for (const r of out.MetricDataResults ?? []) {
          if (r.StatusCode === 'Forbidden') {
            throw new AwsSetupError(
              `CloudWatch refused series ${r.Id ?? '?'} (StatusCode Forbidden) in ${this.region}: allow \`${GET_METRIC_DATA}\` for the role the job runs with (docs/elb-metrics.md#permissions).`,
            );
          }
          if (r.StatusCode === 'InternalError') {
            const why = (r.Messages ?? []).map((m) => `${m.Code ?? ''} ${m.Value ?? ''}`.trim()).join('; ');
            return {
              kind: 'unknown',
              reason: `CloudWatch answered InternalError for series ${r.Id ?? '?'}${why ? `: ${why}` : ''}`,
            };
          }
          if (!r.Id) continue;
          const list = series.get(r.Id) ?? [];
          (r.Timestamps ?? []).forEach((t, i) => {
            const v = r.Values?.[i];
            if (v !== undefined) list.push([t.getTime(), v]);
          });
          series.set(r.Id, list);
        }
        token = out.NextToken;
      } while (token);
    } catch (e) {
      if (e instanceof AwsSetupError) throw e;
      const err = e as AwsErrorLike;
      if (err.name === 'AbortError' || signal?.aborted) throw e;
      const subject = `the load balancer metrics in ${this.region}`;
      const problem = setupProblem(err, GET_METRIC_DATA, subject);
      if (problem) throw new AwsSetupError(problem);
      if (REJECTED.has(err.name ?? '')) {
        throw new AwsSetupError(`${GET_METRIC_DATA} rejected the query for ${subject}: ${err.message ?? err.name}`);
      }
      const status = err.$metadata?.httpStatusCode;
      return {
        kind: 'unknown',
        reason: `${err.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${err.message ?? ''}`.trim(),
        ...(isThrottling(err) ? { throttled: true } : {}),
      };
    }
    return { kind: 'known', read: { requestedAt, fromMs, toMs, series } };
  }
}

export interface MetricsPollerOptions {
  /** Between reads (default 15 s), with ±20 % jitter. */
  readonly intervalMs?: number;
  readonly jitter?: number;
  /** Largest stretch factor after throttling (×2 per throttled read). */
  readonly maxBackoff?: number;
}

export const DEFAULT_METRICS_POLL_MS = 15_000;

/**
 * Reads every region's series into the store every interval until stopped: waits for the shared
 * budget before each call, stretches the interval after throttling (×2 up to ×6, back to normal
 * after any answer that is not throttling), and hands the store to `onRead` after each read.
 */
export class MetricsPoller {
  /** Reads that came back unknown, with their reasons (the last few), for the report. */
  readonly unknown: string[] = [];

  constructor(
    private readonly store: MetricsStore,
    private readonly readers: ReadonlyMap<string, CloudWatchMetrics>,
    private readonly budget: CallBudget,
    private readonly timers: Timers,
    /** The earliest time the reads must cover (the baseline's start), asked before each read. */
    private readonly earliest: () => number,
    private readonly options: MetricsPollerOptions = {},
    private readonly random: () => number = Math.random,
  ) {}

  /** Reads until `signal` aborts; a setup error stops the loop and is reported once. */
  async run(
    signal: AbortSignal,
    onRead: (store: MetricsStore) => void,
    onSetupError: (error: AwsSetupError) => void,
  ): Promise<void> {
    const interval = this.options.intervalMs ?? DEFAULT_METRICS_POLL_MS;
    const jitter = this.options.jitter ?? 0.2;
    const maxBackoff = this.options.maxBackoff ?? 6;
    let backoff = 1;
    while (!signal.aborted) {
      let throttled = false;
      for (const [region, reader] of this.readers) {
        const queries = this.store.plan.queries.get(region) ?? [];
        if (queries.length === 0) continue;
        for (let wait = this.budget.waitMs(); wait > 0 && !signal.aborted; wait = this.budget.waitMs())
          await this.timers.sleep(wait, signal);
        if (signal.aborted) return;
        const now = this.timers.now();
        const { fromMs, toMs } = readRange(now, this.earliest(), queries.length);
        let outcome: ReadOutcome;
        try {
          outcome = await reader.read(queries, fromMs, toMs, now, signal);
        } catch (e) {
          if (signal.aborted) return;
          if (e instanceof AwsSetupError) {
            onSetupError(e);
            return;
          }
          outcome = { kind: 'unknown', reason: (e as Error).message ?? String(e) };
        }
        if (signal.aborted) return;
        if (outcome.kind === 'known') this.store.apply(outcome.read);
        else {
          throttled ||= outcome.throttled === true;
          this.unknown.push(outcome.reason);
          if (this.unknown.length > 10) this.unknown.shift();
        }
      }
      onRead(this.store);
      backoff = throttled ? Math.min(maxBackoff, backoff * 2) : 1;
      await this.timers.sleep(interval * backoff * (1 + jitter * (this.random() * 2 - 1)), signal);
    }
  }

  /** Calls sent so far, over all regions. */
  get calls(): number {
    let n = 0;
    for (const r of this.readers.values()) n += r.calls;
    return n;
  }
}

/**
 * The `elb-metrics` port: one CloudWatch client per region of the plan and, for naming shared load
 * balancers, DescribeTargetGroups by load balancer through an ELB client per region; every HTTP
 * attempt of both draws from the gate's one AWS call budget.
 */
export class CloudWatchSource implements ElbMetricsPort {
  private readonly readers = new Map<string, CloudWatchMetrics>();
  private poller: MetricsPoller | undefined;

  constructor(
    plan: MetricsPlan,
    private readonly budget: CallBudget,
    private readonly timers: Timers,
    private readonly options: MetricsPollerOptions = {},
  ) {
    for (const region of plan.queries.keys())
      this.readers.set(region, new CloudWatchMetrics(createCloudWatchClient({ region, budget }), region));
  }

  async attachedTargetGroups(
    loadBalancerArns: readonly string[],
    signal: AbortSignal,
  ): Promise<ReadonlyMap<string, readonly AttachedGroup[]>> {
    const byRegion = new Map<string, string[]>();
    for (const arn of loadBalancerArns) {
      const region = arnRegion(arn);
      if (region) byRegion.set(region, [...(byRegion.get(region) ?? []), arn]);
    }
    const out = new Map<string, AttachedGroup[]>();
    for (const [region, arns] of byRegion) {
      const client = createElbClient({ region, budget: this.budget });
      for (const [arn, groups] of await attachedTargetGroups(client, arns, signal)) out.set(arn, groups);
    }
    return out;
  }

  run(store: MetricsStore, earliest: () => number, signal: AbortSignal, hooks: MetricsHooks): Promise<void> {
    this.poller = new MetricsPoller(store, this.readers, this.budget, this.timers, earliest, this.options);
    return this.poller.run(signal, () => hooks.onRead(), hooks.onSetupError);
  }

  get calls(): number {
    return this.poller?.calls ?? 0;
  }

  get unknown(): readonly string[] {
    return this.poller?.unknown ?? [];
  }
}
