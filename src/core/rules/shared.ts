/** Small helpers several rules share. */
import type { Graph } from '../graph/graph.js';
import type { Container, Workload } from '../graph/workload.js';
import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';

/** Each serving container once, however many Services or ports reach it. */
export function servingContainers(graph: Graph, w: Workload): Container[] {
  const out: Container[] = [];
  for (const s of graph.servingContainers(w)) if (!out.includes(s.container)) out.push(s.container);
  return out;
}

/** terminationGracePeriodSeconds, 30 when unset (the API server's default). */
export function gracePeriod(w: Workload): { seconds: number; explicit: boolean } {
  const v = field(w.object, [...w.podSpecPath, 'terminationGracePeriodSeconds']);
  return typeof v === 'number' ? { seconds: v, explicit: true } : { seconds: 30, explicit: false };
}

export function who(w: Workload, c?: Container): string {
  return `${describeObject(w.object)}${c ? `, container \`${c.name}\`` : ''}`;
}

export function seconds(n: number): string {
  return Number.isFinite(n) ? `${Number.isInteger(n) ? n : n.toFixed(1)}s` : 'forever';
}
