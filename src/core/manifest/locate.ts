/**
 * Path → source range, computed only for the documents that have findings. Block-style documents
 * are read from their lines (block-locate.ts); anything else is re-read with the `yaml` package,
 * whose node ranges give exact positions. Both give the same range for the same path.
 *
 * A path that exists points at its key (and a scalar value on the same line); a path that does not
 * exist points at the deepest part that does: the container for a missing probe, the pod spec for
 * a missing terminationGracePeriodSeconds. That is the line a user edits to add the field.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
} from 'yaml';
import { readBlock, type BlockReader, type Span } from './block-locate.js';
import type { K8sObject, ManifestDoc, Path, Range } from './types.js';

export interface Location extends Range {
  readonly file: string;
  /** True when the whole path exists; false when the range is of its deepest existing parent. */
  readonly exact: boolean;
}

interface Parsed {
  readonly doc: Document.Parsed;
  readonly lc: LineCounter;
}

const cache = new WeakMap<ManifestDoc, Parsed>();
const blocks = new WeakMap<ManifestDoc, BlockReader | null>();

function parsed(d: ManifestDoc): Parsed {
  let p = cache.get(d);
  if (!p) {
    const lc = new LineCounter();
    p = { doc: parseDocument(d.text, { lineCounter: lc, merge: true, uniqueKeys: false }), lc };
    cache.set(d, p);
  }
  return p;
}

/** Where `path` (relative to the object) is, or its deepest existing parent. */
export function locate(o: K8sObject, path: Path): Location {
  return locateInDoc(o.doc, [...o.base, ...path]);
}

export function locateInDoc(d: ManifestDoc, path: Path): Location {
  const reader = blockOf(d);
  const block = reader?.locate(path);
  const [{ start, end, exact }, lines] = block && reader ? [block, reader] : [locateParsed(d, path), parsed(d).lc];
  const a = lines.linePos(start);
  const b = lines.linePos(end);
  const shift = d.startLine - 1;
  return { file: d.file.path, line: a.line + shift, column: a.col, endLine: b.line + shift, endColumn: b.col, exact };
}

/** The same span from the `yaml` package's nodes (the reference the block reader is tested against). */
export function locateParsed(d: ManifestDoc, path: Path): Span {
  const { doc } = parsed(d);
  let node: unknown = doc.contents;
  let anchor: { start: number; end: number } | undefined = firstLine(node);
  let exact = true;
  for (const key of path) {
    const step = child(doc, node, key);
    if (!step) {
      exact = false;
      break;
    }
    anchor = step.anchor;
    node = step.node;
  }
  if (exact && isScalar(node) && node.range && anchor) anchor = { start: anchor.start, end: node.range[1] };
  const [start, end] = anchor ? [anchor.start, anchor.end] : [0, 0];
  return { start, end, exact };
}

function blockOf(d: ManifestDoc): BlockReader | undefined {
  let r = blocks.get(d);
  if (r === undefined) {
    r = (d.json ? undefined : readBlock(d.text)) ?? null;
    blocks.set(d, r);
  }
  return r ?? undefined;
}

function child(
  doc: Document.Parsed,
  node: unknown,
  key: string | number,
): { node: unknown; anchor: { start: number; end: number } } | undefined {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (typeof key === 'number') {
    if (!isSeq(target)) return undefined;
    const item = target.items[key];
    if (item === undefined) return undefined;
    const anchor = firstLine(item);
    return anchor ? { node: item, anchor } : undefined;
  }
  if (!isMap(target)) return undefined;
  const pair = findPair(doc, target.items, key);
  if (!pair) return undefined;
  const keyNode = pair.key as Node | null;
  const range = keyNode && 'range' in keyNode ? keyNode.range : undefined;
  if (!range) return undefined;
  return { node: pair.value, anchor: { start: range[0], end: range[1] } };
}

function findPair(doc: Document.Parsed, items: Pair[], key: string): Pair | undefined {
  for (const pair of items) {
    if (isPair(pair) && isScalar(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key)
      return pair;
  }
  // Merge keys: the field may come from a mapping merged in with `<<: *anchor`.
  for (const pair of items) {
    if (isPair(pair) && isScalar(pair.key) && isMergeKey(pair.key.value)) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) {
        const m = isAlias(s) ? s.resolve(doc) : s;
        if (isMap(m)) {
          const hit = findPair(doc, m.items, key);
          if (hit) return hit;
        }
      }
    }
  }
  return undefined;
}

const isMergeKey = (v: unknown): boolean => v === '<<' || (typeof v === 'symbol' && v.description === '<<');

/** The first line of a node: a mapping's first key, a sequence item's start, a scalar itself. */
function firstLine(node: unknown): { start: number; end: number } | undefined {
  if (isMap(node) || isSeq(node)) {
    const start = node.range?.[0];
    const first: unknown = node.items[0];
    const head = isPair(first) ? first.key : first;
    const headRange = rangeOfNode(head);
    if (headRange) return { start: start ?? headRange[0], end: headRange[1] };
    return start !== undefined ? { start, end: start + 1 } : undefined;
  }
  const r = rangeOfNode(node);
  return r ? { start: r[0], end: r[1] } : undefined;
}

function rangeOfNode(n: unknown): readonly [number, number, number] | undefined {
  if (n && typeof n === 'object' && 'range' in n) {
    const r = (n as { range?: unknown }).range;
    if (Array.isArray(r) && r.length === 3) return r as unknown as readonly [number, number, number];
  }
  return undefined;
}
