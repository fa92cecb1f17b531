/**
 * A fake CloudWatch endpoint on 127.0.0.1 speaking AWS JSON 1.0 (query-compatible), so the
 * unmodified `@aws-sdk/client-cloudwatch` client reads the simulated load balancers' metrics through
 * `AWS_ENDPOINT_URL_CLOUDWATCH`. It serves `GetMetricData` for metric queries (`MetricStat`);
 * metric math and Metrics Insights (`Expression`) are refused as not modelled.
 *
 * GetMetricData as the CloudWatch API Reference describes it: up to 500 queries per call, ids that
 * start with a lowercase letter (letters, digits, underscore), unique in the call; exactly one of
 * `MetricStat` and `Expression` per query; StartTime inclusive and rounded down to the minute,
 * EndTime exclusive; `Period` a multiple of 60 for these standard-resolution metrics;
 * `MaxDatapoints` (default 100,800) per page with `NextToken`; `ScanBy` TimestampDescending by
 * default. Each result has `Id`, `Label` (the metric name unless given), `Timestamps`, `Values` and
 * `StatusCode` (`Complete`, or `PartialData` when more pages follow). Unknown series are not an
 * error: their results are empty, as on AWS.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Clock } from '../clock.js';
import type { CallCounters } from '../elb/counters.js';
import type { Faults } from '../elb/faults.js';
import { type Listening, listenLoopback, readBody } from '../loopback.js';
import { type ElbMetrics, MINUTE_MS, seriesKey } from './metrics.js';
import { accessKey, CloudWatchError, CwErrors, decodeToken, encodeToken, JSON_1_0, TARGET_PREFIX } from './protocol.js';

export const MAX_QUERIES = 500;
export const MAX_DATAPOINTS = 100_800;
const ID = /^[a-z][A-Za-z0-9_]{0,254}$/;

interface MetricStatJson {
  Metric?: { Namespace?: string; MetricName?: string; Dimensions?: Array<{ Name?: string; Value?: string }> };
  Period?: number;
  Stat?: string;
  Unit?: string;
}

interface QueryJson {
  Id?: string;
  MetricStat?: MetricStatJson;
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
}

interface GetMetricDataJson {
  MetricDataQueries?: QueryJson[];
  StartTime?: number;
  EndTime?: number;
  NextToken?: string;
  ScanBy?: string;
  MaxDatapoints?: number;
}

interface Result {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: 'Complete' | 'PartialData';
}

const nullAt = (member: string): CloudWatchError =>
  CwErrors.validation(
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );

/** GetMetricData over the simulated metrics; transport-independent. */
export class CloudWatchApi {
  /** Identities that see no datapoint at all (metrics that never arrive). */
  readonly withheld = new Set<string>();

  constructor(
    readonly metrics: ElbMetrics,
    private readonly clock: Clock,
  ) {}

  handle(operation: string, body: unknown, identity: string): unknown {
    if (operation !== 'GetMetricData') throw CwErrors.unknownOperation(`${TARGET_PREFIX}.${operation}`);
    return this.getMetricData((body ?? {}) as GetMetricDataJson, identity);
  }

  private getMetricData(req: GetMetricDataJson, identity: string): unknown {
    const queries = req.MetricDataQueries;
    if (!Array.isArray(queries)) throw nullAt('metricDataQueries');
    if (queries.length > MAX_QUERIES) {
      throw CwErrors.validation(
        `1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_QUERIES}`,
      );
    }
    if (typeof req.StartTime !== 'number') throw nullAt('startTime');
    if (typeof req.EndTime !== 'number') throw nullAt('endTime');
    const start = Math.floor((req.StartTime * 1000) / MINUTE_MS) * MINUTE_MS;
    const end = req.EndTime * 1000;
    if (!(start < end))
      throw CwErrors.invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.');
    const scanBy = req.ScanBy ?? 'TimestampDescending';
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
      throw CwErrors.validation(
        `1 validation error detected: Value '${scanBy}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`,
      );
    }
    const maxPoints = req.MaxDatapoints ?? MAX_DATAPOINTS;
    if (!Number.isInteger(maxPoints) || maxPoints < 1) {
      throw CwErrors.invalidParameterValue('The parameter MaxDatapoints must be a positive integer.');
    }

    const seen = new Set<string>();
    const results: Result[] = [];
    queries.forEach((q, i) => {
      const member = `MetricDataQueries.member.${i + 1}`;
      const id = q.Id;
      if (typeof id !== 'string' || !ID.test(id)) {
        throw CwErrors.invalidParameterValue(
          `The value ${String(id)} for parameter ${member}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscore.`,
        );
      }
      if (seen.has(id))
        throw CwErrors.invalidParameterValue(`The value ${id} for parameter ${member}.Id is not unique.`);
      seen.add(id);
      if ((q.MetricStat === undefined) === (q.Expression === undefined)) {
        throw CwErrors.invalidParameterCombination(
          `Exactly one element of the parameters ${member}.MetricStat and ${member}.Expression must be specified.`,
        );
      }
      if (q.Expression !== undefined) {
        throw CwErrors.invalidParameterValue(
          `zd-sim does not model metric math or Metrics Insights (${member}.Expression): ask for the series with MetricStat.`,
        );
      }
      const stat = q.MetricStat as MetricStatJson;
      const metric = stat.Metric;
      if (!metric?.Namespace || !metric.MetricName) throw nullAt(`${member}.MetricStat.Metric`);
      const period = stat.Period;
      if (typeof period !== 'number' || !Number.isInteger(period) || period < 60 || period % 60 !== 0) {
        throw CwErrors.invalidParameterValue(
          `The parameter ${member}.MetricStat.Period must be a multiple of 60 for standard-resolution metrics.`,
        );
      }
      const dims: Record<string, string> = {};
      for (const d of metric.Dimensions ?? []) {
        if (!d.Name || d.Value === undefined) throw nullAt(`${member}.MetricStat.Metric.Dimensions`);
        dims[d.Name] = d.Value;
      }
      const perRequest = ['Average', 'Minimum', 'Maximum'].includes(stat.Stat ?? '');
      if (!perRequest && stat.Stat !== 'Sum' && stat.Stat !== 'SampleCount') {
        throw CwErrors.invalidParameterValue(
          `zd-sim models the statistics Sum, SampleCount, Average, Minimum and Maximum, not ${String(stat.Stat)}.`,
        );
      }
      const points =
        this.withheld.has(identity) || (stat.Unit !== undefined && stat.Unit !== 'Count')
          ? []
          : this.metrics.datapoints(seriesKey(metric.Namespace, metric.MetricName, dims), start, end, this.clock.now());
      // Every request counts 1: Sum and SampleCount are the count; Average, Minimum and Maximum are 1.
      const buckets = new Map<number, number>();
      for (const [m, v] of points) {
        const b = start + Math.floor((m - start) / (period * 1000)) * period * 1000;
        buckets.set(b, (buckets.get(b) ?? 0) + v);
      }
      const ordered = [...buckets.entries()].sort((a, b) =>
        scanBy === 'TimestampAscending' ? a[0] - b[0] : b[0] - a[0],
      );
      results.push({
        Id: id,
        Label: q.Label ?? metric.MetricName,
        Timestamps: ordered.map(([t]) => t / 1000),
        Values: ordered.map(([, v]) => (perRequest ? 1 : v)),
        StatusCode: 'Complete',
      });
    });

    // Pages of at most MaxDatapoints datapoints over all results, in result order.
    const offset = decodeToken(req.NextToken);
    const total = results.reduce((n, r) => n + r.Values.length, 0);
    let skip = offset;
    let room = maxPoints;
    const page = results.map((r) => {
      const from = Math.min(skip, r.Values.length);
      skip -= from;
      const take = Math.min(room, r.Values.length - from);
      room -= take;
      return {
        ...r,
        Timestamps: r.Timestamps.slice(from, from + take),
        Values: r.Values.slice(from, from + take),
        StatusCode: from + take < r.Values.length ? ('PartialData' as const) : ('Complete' as const),
      };
    });
    const next = offset + maxPoints < total ? encodeToken(offset + maxPoints) : undefined;
    return { MetricDataResults: page, Messages: [], ...(next ? { NextToken: next } : {}) };
  }
}

export type CloudWatchServer = Listening;

export interface CloudWatchServerDeps {
  api: CloudWatchApi;
  faults: Faults<CloudWatchError>;
  counters: CallCounters;
  clock: Clock;
}

/** Serves the API on 127.0.0.1 (ephemeral port unless given). */
export async function startCloudWatchServer(deps: CloudWatchServerDeps, port = 0): Promise<CloudWatchServer> {
  const { api, faults, counters, clock } = deps;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const started = clock.now();
      const wallStart = performance.now();
      const requestId = randomUUID();
      let operation = 'Unknown';
      let identity = 'anonymous';
      let status = 200;
      let outcome = 'ok';
      let body: string;
      const headers: Record<string, string> = { 'Content-Type': JSON_1_0, 'x-amzn-RequestId': requestId };
      let latencyMs = 0;
      try {
        const raw = await readBody(req);
        const target = req.headers['x-amz-target'];
        if (typeof target !== 'string' || !target.startsWith(`${TARGET_PREFIX}.`)) {
          // The Query protocol (Action=...) or anything else: this endpoint speaks JSON 1.0 only.
          throw CwErrors.unknownOperation(
            typeof target === 'string' ? target : 'without X-Amz-Target (zd-sim serves the JSON 1.0 protocol)',
          );
        }
        operation = target.slice(TARGET_PREFIX.length + 1);
        const key = accessKey(req.headers.authorization);
        if (!key) throw CwErrors.missingAuth();
        identity = key;
        if (!String(req.headers['content-type'] ?? '').startsWith(JSON_1_0)) {
          throw CwErrors.serialization(`Expected Content-Type ${JSON_1_0}`);
        }
        let parsed: unknown;
        try {
          parsed = raw === '' ? {} : JSON.parse(raw);
        } catch {
          throw CwErrors.serialization('Request body is not valid JSON');
        }
        const decision = faults.decide(operation, identity);
        latencyMs = decision.latencyMs;
        if (decision.error) throw decision.error;
        body = JSON.stringify(api.handle(operation, parsed, identity));
      } catch (e) {
        const err = e instanceof CloudWatchError ? e : CwErrors.internal();
        status = err.status;
        outcome = err.code;
        body = err.body();
        headers['x-amzn-query-error'] = err.header();
      }
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
      counters.add({
        at: started,
        action: operation,
        identity,
        targetGroups: [],
        outcome,
        status,
        durationMs: performance.now() - wallStart,
      });
      res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    })();
  });
  return listenLoopback(server, port);
}
