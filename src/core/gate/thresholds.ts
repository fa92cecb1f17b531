/**
 * How many healthy targets each target group must keep, and how that follows `spec.replicas` when
 * someone else (an autoscaler, a person) scales the Deployment while the gate watches. Pure.
 *
 * T(n) is the threshold for n desired replicas: `min-healthy` (a count, or a percentage of n rounded
 * up), else n − maxUnavailable(n) as the deployment controller resolves it.
 *
 * - Steady: a group must keep T(n).
 * - Scale-up from n0 to n1 (or a gate that starts while the Deployment has fewer available
 *   replicas than T(n), as after `kubectl apply` of a larger replica count): the group keeps the
 *   requirement it had (at the start: T of the available replicas), and the requirement rises by
 *   one for every target that becomes healthy beyond the count the group had at the change, up to
 *   T(n1). So pods that cannot exist yet are never required, the capacity required before is never
 *   given up, and the slack the group had at the change is kept while the new pods come up.
 * - Scale-down to n1: the requirement becomes min(current, T(n1)) at once: never more than the new
 *   spec allows.
 * A scale event therefore never fails the gate by itself; losing capacity after it still does.
 */
import { resolveThreshold, type ResolvedThreshold, type ThresholdSpec } from '../rollout/fenceposts.js';
import type { Deployment } from '../rollout/types.js';

interface Ramp {
  /** The requirement when the ramp started. */
  readonly base: number;
  /** The group's healthy count at the change (undefined until the first answer after it). */
  at: number | undefined;
  /** Highest healthy count seen since. */
  peak: number;
}

export interface RequiredHealthy {
  readonly value: number;
  readonly why: string;
}

export class Thresholds {
  private resolved: ResolvedThreshold | undefined;
  private replicas: number | undefined;
  private readonly ramps = new Map<string, Ramp>();
  private readonly last = new Map<string, number>();
  /** After a scale-down: the generation that made it, and once acted on, the available replicas. */
  private downscale: { generation: number; available: number | undefined } | undefined;
  /** What changed, for the milestones (taken by the gate). */
  private notes: string[] = [];

  private readonly groups: readonly string[];

  /** `groups`: target group ARN → name (for the notes). */
  constructor(
    private readonly spec: ThresholdSpec | undefined,
    private readonly names: ReadonlyMap<string, string>,
  ) {
    this.groups = [...names.keys()];
  }

  /** T(n) for the Deployment as it is now. */
  get current(): ResolvedThreshold | undefined {
    return this.resolved;
  }

  /**
   * Follows the Deployment's spec. `available` is status.availableReplicas, used only on the first
   * call: a Deployment that starts below its own threshold is treated as a scale-up in progress.
   */
  update(deployment: Deployment): void {
    const next = resolveThreshold(deployment, this.spec);
    const replicas = next.desired;
    if (this.resolved === undefined) {
      this.resolved = next;
      this.replicas = replicas;
      const available = deployment.status?.availableReplicas ?? 0;
      if (available < next.value) {
        const from = resolveThreshold(withReplicas(deployment, available), this.spec).value;
        const base = Math.min(from, next.value);
        for (const g of this.groups) this.ramps.set(g, { base, at: undefined, peak: 0 });
        this.notes.push(
          `${available} available replicas of ${replicas} desired when the gate started: requiring ${base} healthy targets per target group, rising with each new healthy target up to ${next.value}`,
        );
      }
      return;
    }
    this.followDownscale(deployment, next.value);
    if (replicas === this.replicas && next.value === this.resolved.value) {
      this.resolved = next;
      return;
    }
    const before = this.replicas ?? replicas;
    const requiredBefore = new Map(this.groups.map((g) => [g, this.required(g).value]));
    this.resolved = next;
    this.replicas = replicas;
    if (replicas > before) {
      for (const g of this.groups) {
        const now = requiredBefore.get(g) as number;
        this.ramps.set(g, { base: Math.min(now, next.value), at: this.last.get(g), peak: this.last.get(g) ?? 0 });
      }
      this.notes.push(
        `scaled up from ${before} to ${replicas} replicas: the threshold rises to ${next.value} as the new pods become healthy targets (${next.explanation})`,
      );
    } else {
      for (const g of this.groups) {
        const now = requiredBefore.get(g) as number;
        if (now > next.value) this.ramps.delete(g);
        else if (this.ramps.has(g)) {
          const r = this.ramps.get(g) as Ramp;
          this.ramps.set(g, { ...r, base: Math.min(r.base, next.value) });
        }
      }
      if (replicas < before)
        this.downscale = { generation: deployment.metadata?.generation ?? 0, available: undefined };
      this.notes.push(
        replicas < before
          ? `scaled down from ${before} to ${replicas} replicas: threshold ${next.value} (${next.explanation}), no more than the replicas the Deployment keeps available while its controller scales down`
          : `threshold ${next.value} (${next.explanation})`,
      );
    }
  }

  /** Once the controller has acted on a scale-down: the available replicas, until they reach the threshold. */
  private followDownscale(deployment: Deployment, threshold: number): void {
    const d = this.downscale;
    if (!d) return;
    const observed = deployment.status?.observedGeneration ?? 0;
    if (observed < d.generation) return;
    const available = deployment.status?.availableReplicas ?? 0;
    if (available >= threshold) {
      if (d.available !== undefined && d.available < threshold)
        this.notes.push(`${available} available replicas again: threshold ${threshold}`);
      this.downscale = undefined;
      return;
    }
    d.available = available;
  }

  /** A fresh answer of a group: its healthy count. */
  observe(group: string, healthy: number): void {
    this.last.set(group, healthy);
    const ramp = this.ramps.get(group);
    if (!ramp) return;
    if (ramp.at === undefined) ramp.at = healthy;
    ramp.peak = Math.max(ramp.peak, healthy);
    if (this.resolved && this.required(group).value >= this.resolved.value) {
      this.ramps.delete(group);
      this.notes.push(
        `${this.names.get(group) ?? group}: threshold back at ${this.resolved.value} (${this.resolved.explanation})`,
      );
    }
  }

  required(group: string): RequiredHealthy {
    const t = this.resolved;
    if (!t) return { value: 0, why: 'the Deployment is not listed yet' };
    const down = this.downscale?.available;
    if (down !== undefined && down < t.value)
      return {
        value: down,
        why: `scaled down to ${t.desired}: ${down} replicas available while the controller scales down, up to ${t.value}`,
      };
    const ramp = this.ramps.get(group);
    if (!ramp) return { value: t.value, why: t.explanation };
    const gained = ramp.at === undefined ? 0 : Math.max(0, ramp.peak - ramp.at);
    const value = Math.min(t.value, ramp.base + gained);
    return {
      value,
      why: `scaling to ${t.desired}: ${ramp.base} required before, +${gained} new healthy targets, up to ${t.value}`,
    };
  }

  /** Changes since the last call, for the milestones. */
  takeNotes(): string[] {
    const out = this.notes;
    this.notes = [];
    return out;
  }
}

function withReplicas(d: Deployment, replicas: number): Deployment {
  return { ...d, spec: { ...d.spec, replicas } };
}
