/**
 * The fake ELBv2 service: state, API, faults, counters and the HTTP endpoint, in one object.
 */
import type { Clock } from '../clock.js';
import type { SimDurations } from '../durations.js';
import { CallCounters } from './counters.js';
import { Faults } from './faults.js';
import { QueryParams } from './protocol.js';
import { ElbApi, type ElbServer, startElbServer } from './server.js';
import { ElbStore } from './store.js';

export { CallCounters, type CallFilter, type CallRecord } from './counters.js';
export { Faults, LBC_IDENTITY, TokenBucket, type FaultScope } from './faults.js';
export { ElbError, Errors } from './protocol.js';
export { ElbStore, type CreateTargetGroupInput, type LoadBalancerRecord } from './store.js';

export interface FakeElbOptions {
  clock: Clock;
  durations: SimDurations;
  region?: string;
  accountId?: string;
  vpcId?: string;
  /** Seed for injected error rates and latency jitter. */
  seed?: number;
  /** Fixed port for the endpoint (default: ephemeral). */
  port?: number;
}

export class FakeElb {
  readonly clock: Clock;
  readonly store: ElbStore;
  readonly api: ElbApi;
  readonly faults: Faults;
  readonly counters = new CallCounters();
  private server?: ElbServer;

  private constructor(opts: FakeElbOptions) {
    this.clock = opts.clock;
    this.store = new ElbStore(opts.clock, {
      region: opts.region ?? 'eu-west-1',
      accountId: opts.accountId ?? '111111111111',
      vpcId: opts.vpcId ?? 'vpc-0a1b2c3d4e5f60718',
      durations: opts.durations,
    });
    this.api = new ElbApi(this.store);
    this.faults = new Faults(opts.clock, opts.seed ?? 1);
  }

  /** Creates the service and starts its HTTP endpoint on 127.0.0.1. */
  static async start(opts: FakeElbOptions): Promise<FakeElb> {
    const elb = new FakeElb(opts);
    elb.server = await startElbServer(
      { api: elb.api, faults: elb.faults, counters: elb.counters, clock: elb.clock },
      opts.port ?? 0,
    );
    return elb;
  }

  get endpoint(): string {
    if (!this.server) throw new Error('FakeElb is not started');
    return this.server.endpoint;
  }

  get region(): string {
    return this.store.region;
  }

  /**
   * An in-process API call (as the simulated controller makes them): the same faults, bucket and
   * counters as an HTTP call, without the socket. Throws the ElbError the caller would get.
   */
  call(action: string, identity: string, params: Record<string, string>): ReturnType<ElbApi['handle']>['result'] {
    const started = this.clock.now();
    const wall = performance.now();
    const p = new QueryParams(new URLSearchParams(params).toString());
    const tgArn = params['TargetGroupArn'];
    let outcome = 'ok';
    let status = 200;
    let targetGroups = tgArn ? [tgArn] : [];
    try {
      const decision = this.faults.decide(action, identity, this.api.resourceOf(p));
      if (decision.error) throw decision.error;
      const handled = this.api.handle(action, p);
      targetGroups = handled.targetGroups;
      return handled.result;
    } catch (e) {
      const err = e as { code?: string; status?: number };
      outcome = err.code ?? 'InternalFailure';
      status = err.status ?? 500;
      throw e;
    } finally {
      this.counters.add({
        at: started,
        action,
        identity,
        targetGroups,
        outcome,
        status,
        durationMs: performance.now() - wall,
      });
    }
  }

  async close(): Promise<void> {
    this.store.dispose();
    await this.server?.close();
    this.server = undefined;
  }
}
