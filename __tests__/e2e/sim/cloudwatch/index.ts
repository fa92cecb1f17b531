/**
 * The fake CloudWatch service: the simulated load balancers' metrics, GetMetricData over JSON 1.0,
 * faults and call counters, in one object. See ../README.md ("CloudWatch").
 */
import type { Clock } from '../clock.js';
import { CallCounters } from '../elb/counters.js';
import { type FaultErrors, Faults } from '../elb/faults.js';
import type { ElbStore } from '../elb/store.js';
import type { DataPlane } from '../traffic.js';
import { ElbMetrics } from './metrics.js';
import { type CloudWatchError, CwErrors } from './protocol.js';
import { CloudWatchApi, type CloudWatchServer, startCloudWatchServer } from './server.js';

export { dimensionOf, ElbMetrics, MINUTE_MS, seriesKey } from './metrics.js';
export { CloudWatchError, CwErrors, JSON_1_0, TARGET_PREFIX } from './protocol.js';
export { CloudWatchApi, MAX_DATAPOINTS, MAX_QUERIES } from './server.js';

/** CloudWatch's answers to injected faults; its request bucket meters GetMetricData. */
export const CLOUDWATCH_FAULT_ERRORS: FaultErrors<CloudWatchError> = {
  throttling: CwErrors.throttling,
  accessDenied: (principal, action) => CwErrors.accessDenied(principal, action),
  server: (code) => (code === 'ServiceUnavailable' ? CwErrors.serviceUnavailable() : CwErrors.internal()),
  metered: (action) => action === 'GetMetricData',
};

export interface FakeCloudWatchOptions {
  clock: Clock;
  /** The ELB store whose load balancers and target groups the metrics name. */
  store: ElbStore;
  /** Delay between a minute's end and its datapoints (already scaled). */
  publicationDelayMs: number;
  seed?: number;
  port?: number;
}

export class FakeCloudWatch {
  readonly metrics: ElbMetrics;
  readonly api: CloudWatchApi;
  readonly faults: Faults<CloudWatchError>;
  readonly counters = new CallCounters();
  private server?: CloudWatchServer;
  private detach?: () => void;

  private constructor(opts: FakeCloudWatchOptions) {
    this.metrics = new ElbMetrics(opts.clock, opts.store, { publicationDelayMs: opts.publicationDelayMs });
    this.api = new CloudWatchApi(this.metrics, opts.clock);
    this.faults = new Faults(opts.clock, opts.seed ?? 1, CLOUDWATCH_FAULT_ERRORS);
    // A generous request bucket of the sim's own choosing: GetMetricData is metered per account and
    // Region by CloudWatch's service quotas; a test that wants pressure sets its own.
    this.faults.setBucket(50, 50);
  }

  static async start(opts: FakeCloudWatchOptions & { plane?: DataPlane }): Promise<FakeCloudWatch> {
    const cw = new FakeCloudWatch(opts);
    if (opts.plane) cw.detach = cw.metrics.attach(opts.plane);
    cw.server = await startCloudWatchServer(
      { api: cw.api, faults: cw.faults, counters: cw.counters, clock: opts.clock },
      opts.port ?? 0,
    );
    return cw;
  }

  get endpoint(): string {
    if (!this.server) throw new Error('FakeCloudWatch is not started');
    return this.server.endpoint;
  }

  /** These callers (access key ids) see no datapoint at all from now on: metrics that never arrive. */
  withhold(identities: string[]): void {
    for (const i of identities) this.api.withheld.add(i);
  }

  release(): void {
    this.api.withheld.clear();
  }

  async close(): Promise<void> {
    this.detach?.();
    await this.server?.close();
    this.server = undefined;
  }
}
