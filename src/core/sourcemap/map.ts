/**
 * Findings on rendered output → findings on the files their authors edit. Pure: the files are
 * found and read by the caller (adapters/sources.ts), given here by their source key.
 *
 * A mapped finding keeps everything but its place: `file`, `line`, `column`, `endLine`, `endColumn`
 * become the template's (or base file's), and `rendered` holds where it was in the rendered input.
 */
import { bySeverityThenPlace, type Finding } from '../findings.js';
import type { K8sObject } from '../manifest/types.js';
import { sourceKey, sourceOf, type SourceRef } from './origin.js';
import { placeInSource, prepareSource, type PreparedSource } from './template.js';

export interface ResolvedSource {
  /** The file as shown to users: relative to the workspace, `/`-separated. */
  readonly file: string;
  readonly text: string;
}

/** The sources the findings' objects were rendered from, once each. */
export function sourcesNeeded(findings: readonly Finding[]): SourceRef[] {
  const out = new Map<string, SourceRef>();
  const seen = new Set<K8sObject>();
  for (const f of findings) {
    const o = f.at?.object;
    if (!o || seen.has(o)) continue;
    seen.add(o);
    const s = sourceOf(o);
    if (s && !out.has(sourceKey(s))) out.set(sourceKey(s), s);
  }
  return [...out.values()];
}

export interface MapResult {
  readonly findings: readonly Finding[];
  /** How many findings were moved to their source. */
  readonly mapped: number;
}

/** Moves each finding whose object has a resolved source onto that source's line. */
export function mapFindings(findings: readonly Finding[], resolved: ReadonlyMap<string, ResolvedSource>): MapResult {
  if (resolved.size === 0) return { findings, mapped: 0 };
  const prepared = new Map<string, PreparedSource>();
  let mapped = 0;
  const out = findings.map((f): Finding => {
    const at = f.at;
    if (!at) return f;
    const ref = sourceOf(at.object);
    const key = ref && sourceKey(ref);
    const src = key ? resolved.get(key) : undefined;
    if (!src || !key) return f;
    let p = prepared.get(key);
    if (!p) {
      p = prepareSource(src.text);
      prepared.set(key, p);
    }
    const place = placeInSource(p, { kind: at.object.kind, name: at.object.name, raw: at.object.raw }, [
      ...at.object.base.filter((s) => s !== 'items' && typeof s !== 'number'),
      ...at.path,
    ]);
    mapped++;
    return {
      ...f,
      file: src.file,
      line: place.line,
      column: place.column,
      endLine: place.endLine,
      endColumn: place.endColumn,
      rendered: { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
    };
  });
  return { findings: [...out].sort(bySeverityThenPlace), mapped };
}
