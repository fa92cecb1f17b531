/** Log lines for the watch mode: one progress line per change, milestones, diagnostics. Pure. */
import { describeStates, type GateSnapshot } from '../../core/gate/gate.js';
import type { WarningEvent } from '../../core/gate/ports.js';
import type { ClassifiedTarget, Milestone, PodInfo, ProgressView, TargetGroupProgress } from '../../core/gate/types.js';

export function elapsed(ms: number): string {
  return `+${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}

function groupLine(g: TargetGroupProgress): string {
  if (!g.counts) return `${g.name}: ${g.unknownReason ? `unknown (${g.unknownReason})` : 'waiting for the first poll'}`;
  const c = g.counts;
  const states = Object.entries(c.byState)
    .filter(([s]) => s !== 'healthy')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([s, n]) => `${s} ${n}`);
  const parts = [
    `healthy ${c.healthy}/${g.threshold} (new ${c.newHealthy}/${g.desired}, old ${c.oldHealthy})`,
    ...states,
  ];
  if (c.goneHealthy > 0) parts.push(`${c.goneHealthy} healthy on deleted pods`);
  if (g.stale) parts.push(g.unknownReason ? `stale: ${g.unknownReason}` : 'stale');
  return `${g.name}: ${parts.join(' · ')}`;
}

/** `+12.3s web: Waiting for ... | tg-a: healthy 8/8 (new 3/10, old 5) · initial 2 · draining 3` */
export function progressLine(view: ProgressView, sinceStart: number): string {
  const groups = view.targetGroups.map(groupLine);
  return `${elapsed(sinceStart)} ${view.deployment}: ${view.rollout}${groups.length > 0 ? ` | ${groups.join(' | ')}` : ''}`;
}

export function milestoneLine(deployment: string, m: Milestone, startedAt: number): string {
  return `${elapsed(m.at - startedAt)} ${deployment}: ${m.text}`;
}

export type { WarningEvent } from '../../core/gate/ports.js';

export interface DiagnosticsInput {
  readonly snapshot: GateSnapshot;
  /** Health check settings per target group ARN, from DescribeTargetGroups. */
  readonly healthChecks: ReadonlyMap<string, string>;
  /** Warning events about the Deployment, its ReplicaSets, pods, Services and bindings. */
  readonly events: readonly WarningEvent[];
  /** Pod name → the EndpointSlice view (`ready`, `not ready`, `terminating`, `absent`). */
  readonly endpoints: ReadonlyMap<string, string>;
  readonly limit?: number;
}

/** What to look at after a failure: non-healthy targets with ELB reasons, pods not Ready with their gates, Warning events. */
export function diagnostics(input: DiagnosticsInput): string[] {
  const limit = input.limit ?? 20;
  const s = input.snapshot;
  const lines: string[] = [];
  const newRs = s.newReplicaSet;
  for (const g of s.targetGroups) {
    const c = g.counts;
    lines.push(`target group ${g.ref.name} (${g.ref.arn})`);
    const hc = input.healthChecks.get(g.ref.arn);
    if (hc) lines.push(`  health check: ${hc}`);
    if (!c) {
      lines.push(`  no target health observed${g.unknownReason ? ` (last error: ${g.unknownReason})` : ''}`);
      continue;
    }
    lines.push(
      `  ${c.healthy} healthy of ${s.threshold?.value ?? '?'} required; ${describeStates(c)}${c.foreign > 0 ? `; ${c.foreign} targets match no pod the gate has seen (other workloads, or pods gone before the watch started)` : ''}`,
    );
    const notable = c.targets.filter((t) => t.generation !== 'foreign' && (t.state !== 'healthy' || t.gone));
    for (const t of notable.slice(0, limit)) lines.push(`  ${targetLine(t)}`);
    if (notable.length > limit) lines.push(`  … and ${notable.length - limit} more`);
  }
  const notReady = s.pods.filter((p) => !p.ready && !p.terminating);
  if (notReady.length > 0) {
    lines.push(`pods not Ready (${notReady.length})`);
    for (const p of notReady.slice(0, limit)) lines.push(`  ${podLine(p, newRs, input.endpoints.get(p.name))}`);
    if (notReady.length > limit) lines.push(`  … and ${notReady.length - limit} more`);
  }
  if (input.events.length > 0) {
    lines.push(`recent Warning events (${input.events.length})`);
    for (const e of input.events.slice(-limit))
      lines.push(`  ${e.at} ${e.kind}/${e.name} ${e.reason}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`);
  }
  return lines;
}

function targetLine(t: ClassifiedTarget): string {
  const who = t.pod ? `pod ${t.pod}, ${t.generation}${t.gone ? ', deleted' : ''}` : 'unknown pod';
  const why = [t.reason, t.description].filter(Boolean).join(': ');
  const note =
    t.gone && t.state === 'healthy'
      ? ' — the load balancer still sends requests to a pod that no longer exists (add a preStop sleep longer than the deregistration lag)'
      : '';
  return `${t.id}${t.port !== undefined ? `:${t.port}` : ''} (${who}) ${t.state}${why ? ` ${why}` : ''}${note}`;
}

function podLine(p: PodInfo, newRs: string | undefined, endpoint: string | undefined): string {
  const gen = p.replicaSet && p.replicaSet === newRs ? 'new' : 'old';
  const ready = p.failingConditions.find((c) => c.type === 'Ready');
  const parts = [`${p.name} (${gen}${p.ip ? `, ${p.ip}` : ', no IP yet'})`];
  if (ready) parts.push(`Ready=False${ready.reason ? ` ${ready.reason}` : ''}`);
  for (const g of p.readinessGates) {
    const c = g.condition;
    parts.push(
      `gate ${g.type}=${c ? c.status : 'missing'}${c?.reason ? ` ${c.reason}` : ''}${c?.message ? `: ${c.message}` : ''}`,
    );
  }
  const others = p.failingConditions.filter(
    (c) => c.type !== 'Ready' && !p.readinessGates.some((g) => g.type === c.type),
  );
  for (const c of others) parts.push(`${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`);
  if (endpoint) parts.push(`endpoint ${endpoint}`);
  return parts.join('; ');
}
