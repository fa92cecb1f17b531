/**
 * Fault injection for the fake AWS endpoints (ELBv2, and CloudWatch with its own error vocabulary),
 * and the account-wide request token bucket.
 *
 * AWS throttles ELB API calls per account and Region with token buckets; for the non-mutating
 * (Describe*) actions the documented example is a bucket of 40 tokens refilled at 10 per second,
 * shared by every caller in the account, the load balancer controller included. Over that, the
 * API answers `Throttling` / "Rate exceeded" (HTTP 400).
 */
import type { Clock } from '../clock.js';
import { type ElbError, Errors, serverError, type ServerErrorCode } from './protocol.js';

/** The errors a service answers faults with, and which actions its request bucket meters. */
export interface FaultErrors<E> {
  throttling(): E;
  accessDenied(principal: string, action: string, resource?: string): E;
  server(code: ServerErrorCode): E;
  /** Whether the account bucket meters this action (ELB: the Describe* actions). */
  metered(action: string): boolean;
}

export const ELB_FAULT_ERRORS: FaultErrors<ElbError> = {
  throttling: Errors.throttling,
  accessDenied: Errors.accessDenied,
  server: serverError,
  metered: (action) => /^Describe/.test(action),
};

export class TokenBucket {
  capacity: number;
  refillPerSec: number;
  private tokens: number;
  private last: number;
  private readonly clock: Clock;

  constructor(clock: Clock, capacity = 40, refillPerSec = 10) {
    this.clock = clock;
    this.capacity = capacity;
    this.refillPerSec = refillPerSec;
    this.tokens = capacity;
    this.last = clock.now();
  }

  /** Takes one token if there is one. */
  take(): boolean {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  available(): number {
    this.refill();
    return this.tokens;
  }

  /** Changes the bucket; it starts full again. */
  configure(capacity: number, refillPerSec: number): void {
    this.capacity = capacity;
    this.refillPerSec = refillPerSec;
    this.tokens = capacity;
    this.last = this.clock.now();
  }

  /** Empties the bucket now (a burst by someone else in the account). */
  drain(): void {
    this.refill();
    this.tokens = 0;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSec);
    this.last = now;
  }
}

/** Which calls a fault applies to; omitted fields match everything. */
export interface FaultScope {
  actions?: string[];
  /** Access key ids (the simulator's own controller calls as `aws-load-balancer-controller`). */
  identities?: string[];
}

interface Window extends FaultScope {
  from: number;
  until: number;
}

interface Rate extends FaultScope {
  code: ServerErrorCode;
  rate: number;
}

interface Latency extends FaultScope {
  fixedMs: number;
  jitterMs: number;
}

interface FailNext<E> extends FaultScope {
  remaining: number;
  error: () => E;
}

interface Denial extends FaultScope {
  principal: string;
}

/** The identity the simulated load balancer controller uses for its own ELB calls. */
export const LBC_IDENTITY = 'aws-load-balancer-controller';

export interface FaultDecision<E = ElbError> {
  error?: E;
  latencyMs: number;
}

/** mulberry32: a small seeded PRNG so error rates are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults<E = ElbError> {
  /** The shared Describe* bucket (40 burst, 10/s by default). */
  readonly bucket: TokenBucket;
  /** Whether the bucket is enforced at all. */
  bucketEnabled = true;
  private readonly clock: Clock;
  private random: () => number;
  private windows: Window[] = [];
  private rates: Rate[] = [];
  private latencies: Latency[] = [];
  private failNexts: FailNext<E>[] = [];
  private denials: Denial[] = [];

  constructor(
    clock: Clock,
    seed = 1,
    private readonly errors: FaultErrors<E> = ELB_FAULT_ERRORS as unknown as FaultErrors<E>,
  ) {
    this.clock = clock;
    this.bucket = new TokenBucket(clock);
    this.random = prng(seed);
  }

  /** Resizes the shared bucket (e.g. a tighter account limit). */
  setBucket(capacity: number, refillPerSec: number): void {
    this.bucket.configure(capacity, refillPerSec);
  }

  /** Every matching call is throttled for durationMs from now (after startInMs). */
  throttleFor(durationMs: number, scope: FaultScope & { startInMs?: number } = {}): void {
    const from = this.clock.now() + (scope.startInMs ?? 0);
    this.windows.push({ ...scope, from, until: from + durationMs });
  }

  /** A fraction (0..1) of matching calls fail with a 5xx. */
  setErrorRate(code: ServerErrorCode, rate: number, scope: FaultScope = {}): void {
    this.rates = this.rates.filter((r) => !(r.code === code && sameScope(r, scope)));
    if (rate > 0) this.rates.push({ ...scope, code, rate });
  }

  /** Adds fixedMs (+ up to jitterMs) to every matching call. */
  setLatency(fixedMs: number, jitterMs = 0, scope: FaultScope = {}): void {
    this.latencies = this.latencies.filter((l) => !sameScope(l, scope));
    if (fixedMs > 0 || jitterMs > 0) this.latencies.push({ ...scope, fixedMs, jitterMs });
  }

  /** The next n matching calls fail with the given error (Throttling by default). */
  failNext(n: number, error: () => E = () => this.errors.throttling(), scope: FaultScope = {}): void {
    this.failNexts.push({ ...scope, remaining: n, error });
  }

  /** Matching calls by these identities get AccessDenied (403), naming the action. */
  denyAccess(identities: string[], actions?: string[], principal?: string): void {
    this.denials.push({
      identities,
      ...(actions ? { actions } : {}),
      principal: principal ?? `arn:aws:iam::111111111111:user/${identities[0] ?? 'unknown'}`,
    });
  }

  /** Clears every fault and refills the bucket; the bucket size stays. */
  reset(): void {
    this.windows = [];
    this.rates = [];
    this.latencies = [];
    this.failNexts = [];
    this.denials = [];
    this.bucketEnabled = true;
    this.bucket.configure(this.bucket.capacity, this.bucket.refillPerSec);
  }

  /**
   * Decides the fate of one call, in the order AWS would: authorization, then throttling (forced
   * windows, then the bucket), then injected server errors.
   */
  decide(action: string, identity: string, resource?: string): FaultDecision<E> {
    const now = this.clock.now();
    const latencyMs = this.latencies
      .filter((l) => matches(l, action, identity))
      .reduce((sum, l) => sum + l.fixedMs + this.random() * l.jitterMs, 0);
    const denial = this.denials.find((d) => matches(d, action, identity));
    if (denial) return { error: this.errors.accessDenied(denial.principal, action, resource), latencyMs };
    const forced = this.failNexts.find((f) => f.remaining > 0 && matches(f, action, identity));
    if (forced) {
      forced.remaining--;
      this.failNexts = this.failNexts.filter((f) => f.remaining > 0);
      return { error: forced.error(), latencyMs };
    }
    this.windows = this.windows.filter((w) => w.until > now);
    if (this.windows.some((w) => w.from <= now && matches(w, action, identity))) {
      return { error: this.errors.throttling(), latencyMs };
    }
    if (this.errors.metered(action) && this.bucketEnabled && !this.bucket.take()) {
      return { error: this.errors.throttling(), latencyMs };
    }
    for (const r of this.rates) {
      if (matches(r, action, identity) && this.random() < r.rate)
        return { error: this.errors.server(r.code), latencyMs };
    }
    return { latencyMs };
  }
}

function matches(scope: FaultScope, action: string, identity: string): boolean {
  if (scope.actions && !scope.actions.includes(action)) return false;
  if (scope.identities && !scope.identities.includes(identity)) return false;
  return true;
}

function sameScope(a: FaultScope, b: FaultScope): boolean {
  return (
    JSON.stringify([a.actions ?? null, a.identities ?? null]) ===
    JSON.stringify([b.actions ?? null, b.identities ?? null])
  );
}
