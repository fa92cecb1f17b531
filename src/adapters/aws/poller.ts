/**
 * Polls DescribeTargetHealth: one loop per target group, one call per interval with ±20 % jitter,
 * each call waiting for the shared call budget. After throttling the loop stretches its interval
 * (×2 up to ×6: at most 30 s between polls at the default 5 s) and comes back to normal after any
 * answer that is not throttling (a 5xx is no sign of rate pressure): pacing, not retrying (the SDK
 * retries within a call).
 */
import type { Timers, TargetHealthPort } from '../../core/gate/ports.js';
import type { TargetHealthObservation } from '../../core/gate/types.js';

export interface PollerOptions {
  readonly intervalMs: number;
  /** Relative jitter of each wait (0.2: ±20 %). */
  readonly jitter?: number;
  /** Largest stretch factor after throttling. */
  readonly maxBackoff?: number;
}

type Listener = (observation: TargetHealthObservation) => void;

export class TargetHealthPoller {
  private readonly listeners = new Map<string, Set<Listener>>();
  /** DescribeTargetHealth calls per target group (not counting SDK retries; the budget does). */
  readonly calls = new Map<string, number>();

  constructor(
    private readonly elb: Pick<TargetHealthPort, 'describeTargetHealth' | 'budgetWaitMs'>,
    private readonly timers: Timers,
    private readonly options: PollerOptions,
    private readonly random: () => number = Math.random,
  ) {}

  subscribe(arn: string, listener: Listener): void {
    let set = this.listeners.get(arn);
    if (!set) this.listeners.set(arn, (set = new Set()));
    set.add(listener);
  }

  /** Polls every subscribed target group until `signal` aborts; a setup error stops all and is reported once. */
  async run(signal: AbortSignal, onSetupError: (error: Error) => void): Promise<void> {
    const arns = [...this.listeners.keys()];
    const spacing = arns.length > 0 ? this.options.intervalMs / arns.length : 0;
    await Promise.all(arns.map((arn, i) => this.loop(arn, i * spacing, signal, onSetupError)));
  }

  private async loop(
    arn: string,
    offsetMs: number,
    signal: AbortSignal,
    onSetupError: (error: Error) => void,
  ): Promise<void> {
    const jitter = this.options.jitter ?? 0.2;
    const maxBackoff = this.options.maxBackoff ?? 6;
    let backoff = 1;
    // The first poll of each group goes out at once; later ones are spread over the interval.
    await this.timers.sleep(Math.min(offsetMs, 1_000), signal);
    while (!signal.aborted) {
      for (let wait = this.elb.budgetWaitMs(); wait > 0 && !signal.aborted; wait = this.elb.budgetWaitMs())
        await this.timers.sleep(wait, signal);
      if (signal.aborted) return;
      let observation: TargetHealthObservation & { throttled?: boolean };
      try {
        observation = await this.elb.describeTargetHealth(arn, signal);
      } catch (e) {
        if (signal.aborted) return;
        if ((e as Error).name === 'AwsSetupError') {
          onSetupError(e as Error);
          return;
        }
        observation = { kind: 'unknown', reason: (e as Error).message ?? String(e) };
      }
      this.calls.set(arn, (this.calls.get(arn) ?? 0) + 1);
      if (signal.aborted) return;
      const { throttled, ...plain } = observation;
      for (const l of this.listeners.get(arn) ?? []) l(plain);
      backoff = throttled ? Math.min(maxBackoff, backoff * 2) : 1;
      const factor = 1 + jitter * (this.random() * 2 - 1);
      await this.timers.sleep(this.options.intervalMs * backoff * factor, signal);
    }
  }
}
