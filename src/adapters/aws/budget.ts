/**
 * A client-side budget for ELB Describe calls: a token bucket every HTTP attempt draws from,
 * including the SDK's own retries. The account's Describe bucket refills 10 calls/s and is shared
 * with the AWS Load Balancer Controller; by default the gate keeps to 1 call/s (a tenth) with a
 * burst of 3, whatever the number of target groups, and pollers wait for a token instead of calling.
 */
import type { MiddlewareStack } from '@smithy/types';
import type { Clock } from '../../core/gate/types.js';

export interface BudgetOptions {
  /** Sustained calls per second. */
  readonly ratePerSecond: number;
  /** Calls that may go out back to back. */
  readonly burst: number;
}

export const DEFAULT_BUDGET: BudgetOptions = { ratePerSecond: 1, burst: 3 };

export class CallBudget {
  private tokens: number;
  private last: number;
  private spentTotal = 0;

  constructor(
    private readonly clock: Clock,
    readonly options: BudgetOptions = DEFAULT_BUDGET,
  ) {
    this.tokens = options.burst;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.ratePerSecond);
    this.last = now;
  }

  /** Milliseconds until a call may go out (0: now). */
  waitMs(): number {
    this.refill();
    if (this.tokens >= 1) return 0;
    return Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
  }

  /** Records one HTTP attempt (the first or a retry); may drive the balance negative. */
  spend(): void {
    this.refill();
    this.tokens -= 1;
    this.spentTotal++;
  }

  /** HTTP attempts recorded so far. */
  get spent(): number {
    return this.spentTotal;
  }
}

/**
 * Makes every HTTP attempt of an SDK client draw from the budget: a middleware in the deserialize
 * step, below the SDK's retry middleware, so it runs once per attempt, retries included.
 */
export function meterAttempts<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  budget: CallBudget,
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      budget.spend();
      return next(args);
    },
    { step: 'deserialize', name: 'zdGateCallBudget', priority: 'low' },
  );
}
