/**
 * Measured figures of the scenarios: printed to the test log as they are measured, and appended
 * to `.cache/e2e/scenario-figures.jsonl` (one JSON object per line) so a run's figures can be
 * collected afterwards (the demo and the README table are made from them).
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/paths.js';
import { summarize, type Hit, type TrafficReport } from '../../sim/traffic.js';

export const FIGURES_FILE = process.env['ZD_SCEN_FIGURES'] || join(repoRoot, '.cache/e2e/scenario-figures.jsonl');

export function record(scenario: string, figures: Record<string, unknown>): void {
  const line = { scenario, at: new Date().toISOString(), ...figures };
  try {
    mkdirSync(join(FIGURES_FILE, '..'), { recursive: true });
    appendFileSync(FIGURES_FILE, `${JSON.stringify(line)}\n`);
  } catch {
    // The log below still has them.
  }
}

export function log(title: string, lines: readonly string[]): void {
  console.log([`── ${title}`, ...lines.map((l) => `   ${l}`)].join('\n'));
}

/** `200:1234  502:12` in vegeta's order. */
export function codes(r: TrafficReport): string {
  return Object.entries(r.statusCodes)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([c, n]) => `${c}:${n}`)
    .join('  ');
}

/** Requests that did not get a 2xx/3xx. */
export function failed(r: TrafficReport): number {
  return Object.entries(r.statusCodes).reduce((n, [c, k]) => (Number(c) >= 200 && Number(c) < 400 ? n : n + k), 0);
}

/** The report of the hits in [from, to) (ms). */
export function window(hits: readonly Hit[], from: number, to: number): TrafficReport {
  const inside = hits.filter((h) => h.at >= from && h.at < to);
  return summarize(inside, from, Math.max(from + 1, to));
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
