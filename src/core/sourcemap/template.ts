/**
 * Finds a field of a rendered object in the file it was rendered from: a Helm template (YAML with
 * `{{ }}` actions, not YAML a parser reads) or a kustomize base (plain YAML, keys in the author's
 * order where the rendered output has them sorted). Neither can be parsed as the rendered object
 * was, so the key path is matched through the text by indentation, the way a reader follows it:
 *
 * - the object's document in the file: split at `---`, the one with the rendered object's `kind`
 *   (and, when several, the `metadata.name` the rendered name equals or contains: a kustomize
 *   namePrefix/nameSuffix wraps it);
 * - each key of the path: a line `key:` among the direct children of the current key (lines at
 *   the first child's indentation; a `- ` item's first key sits on its dash line);
 * - each sequence index: the item whose `name:` is the rendered item's name, else the item at that
 *   index, else the last item (one template item inside `{{ range }}` renders many);
 * - lines that are only template actions (`{{- if … }}`, `{{- include … | nindent 8 }}`) are
 *   skipped: they are neither keys nor the end of a block.
 *
 * The answer is the line of the deepest key found (exact when the whole path was): for a missing
 * field, the line of the nearest enclosing key that exists in the template, e.g. the container's
 * `- name:` line for a missing readinessProbe, or `resources: {{- toYaml … }}` for a value that
 * comes from values.yaml. When not even the object is found, its document's first line.
 */
import type { Path, Range } from '../manifest/types.js';
import { itemName } from './origin.js';

export interface Placement extends Range {
  /** True when every key of the path was found in the file. */
  readonly exact: boolean;
}

export interface RenderedObject {
  readonly kind: string;
  readonly name: string;
  /** The rendered object's value, to name sequence items. */
  readonly raw: unknown;
}

interface Line {
  /** 0-based index in the file. */
  readonly index: number;
  /** Column (0-based) where the key or value starts, after any `- `. */
  readonly keyCol: number;
  /** Column of the `- ` item marker, or -1. */
  readonly dashCol: number;
  /** The key, when the line is `key:` or `key: value`. */
  readonly key: string | undefined;
  /** The value after `key:`, trimmed. */
  readonly value: string;
  readonly end: number;
}

/** Lines longer than this are not parsed as keys (a minified blob is no template to follow). */
const MAX_LINE = 4096;
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+(.*))?$/;

function parseLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split('\n');
  raw.forEach((l, index) => {
    const line = l.replace(/\r$/, '');
    if (line.length > MAX_LINE) return;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('{{')) return;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) return;
    const indent = line.length - trimmed.length;
    let dashCol = -1;
    let body = trimmed;
    let keyCol = indent;
    // `- ` (possibly nested: `- - x`) starts an item; the content after it is the item's first line.
    const dash = /^-(\s+|$)/.exec(body);
    if (dash) {
      dashCol = indent;
      keyCol = indent + dash[0].length;
      body = body.slice(dash[0].length);
    }
    const m = KEY.exec(body.replace(/\s+#.*$/, ''));
    const key = m ? unquoteKey(m[1] as string) : undefined;
    out.push({ index, keyCol, dashCol, key, value: (m?.[2] ?? '').trim(), end: line.trimEnd().length });
  });
  return out;
}

function unquoteKey(k: string): string {
  if (k.startsWith('"')) {
    try {
      return JSON.parse(k) as string;
    } catch {
      return k.slice(1, -1);
    }
  }
  if (k.startsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k.trim();
}

/** The documents of a file, as ranges of parsed lines. */
function segments(text: string, lines: readonly Line[]): Line[][] {
  const cuts = new Set<number>();
  text.split('\n').forEach((l, i) => {
    if (/^---(\s|$)/.test(l)) cuts.add(i);
  });
  const out: Line[][] = [[]];
  let next = 0;
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  for (const line of lines) {
    while (next < sortedCuts.length && (sortedCuts[next] as number) < line.index) {
      next++;
      if ((out[out.length - 1] as Line[]).length > 0) out.push([]);
    }
    (out[out.length - 1] as Line[]).push(line);
  }
  return out.filter((s) => s.length > 0);
}

function scalar(v: string): string {
  const t = v.replace(/\s+#.*$/, '').trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** The top-level `kind:` and `metadata.name` of a document, when written literally. */
function identity(seg: readonly Line[]): { kind?: string; name?: string } {
  const top = seg[0]?.keyCol ?? 0;
  const kindLine = seg.find((l) => l.keyCol === top && l.dashCol < 0 && l.key === 'kind');
  const meta = seg.findIndex((l) => l.keyCol === top && l.dashCol < 0 && l.key === 'metadata');
  let name: string | undefined;
  if (meta >= 0) {
    const children = mappingChildren(seg, meta);
    const n = children.find((l) => l.key === 'name');
    if (n && n.value && !n.value.includes('{{')) name = scalar(n.value);
  }
  return {
    ...(kindLine && !kindLine.value.includes('{{') ? { kind: scalar(kindLine.value) } : {}),
    ...(name ? { name } : {}),
  };
}

function pickSegment(segs: readonly Line[][], o: RenderedObject): Line[] | undefined {
  if (segs.length <= 1) return segs[0];
  const ids = segs.map(identity);
  const ofKind = segs.filter((_, i) => ids[i]?.kind === o.kind);
  const pool = ofKind.length > 0 ? ofKind : segs.filter((_, i) => ids[i]?.kind === undefined);
  if (pool.length <= 1) return pool[0] ?? segs[0];
  const named = pool
    .map((s) => ({ s, name: identity(s).name }))
    .filter((x) => x.name !== undefined && o.name.includes(x.name))
    .sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0));
  return named.find((x) => x.name === o.name)?.s ?? named[0]?.s ?? pool[0];
}

/** Lines of the block that belongs to line `at` (its children and their children). */
function blockOf(seg: readonly Line[], at: number): { from: number; to: number } {
  const head = seg[at] as Line;
  const start = head.dashCol >= 0 ? head.dashCol : head.keyCol;
  let to = at + 1;
  const first = seg[at + 1];
  const indentless = head.dashCol < 0 && first !== undefined && first.dashCol === head.keyCol;
  for (; to < seg.length; to++) {
    const l = seg[to] as Line;
    const col = l.dashCol >= 0 ? l.dashCol : l.keyCol;
    if (col > start) continue;
    if (indentless && l.dashCol === head.keyCol) continue;
    break;
  }
  return { from: at + 1, to };
}

/** The keys directly under line `at` (for an item: its dash line and the keys beside it). */
function mappingChildren(seg: readonly Line[], at: number): Line[] {
  const head = seg[at] as Line;
  const { from, to } = blockOf(seg, at);
  const body = seg.slice(from, to);
  if (head.dashCol >= 0) {
    // An item: its first key is on the dash line itself (unless the dash stands alone).
    const col = head.key !== undefined ? head.keyCol : body[0]?.keyCol;
    return [...(head.key !== undefined ? [head] : []), ...body.filter((l) => l.dashCol < 0 && l.keyCol === col)];
  }
  const first = body[0];
  if (!first || first.dashCol >= 0) return [];
  return body.filter((l) => l.dashCol < 0 && l.keyCol === first.keyCol);
}

/** The items directly under line `at` (a key whose value is a block sequence). */
function sequenceItems(seg: readonly Line[], at: number): Line[] {
  const { from, to } = blockOf(seg, at);
  const body = seg.slice(from, to);
  const first = body[0];
  if (!first || first.dashCol < 0) return [];
  return body.filter((l) => l.dashCol === first.dashCol);
}

/** A source file read once into its documents' lines, for any number of placements. */
export interface PreparedSource {
  readonly segments: readonly Line[][];
}

export function prepareSource(text: string): PreparedSource {
  return { segments: segments(text, parseLines(text)) };
}

/** Where `path` of the rendered object is written in a template or base file. */
export function placeInSource(source: PreparedSource | string, o: RenderedObject, path: Path): Placement {
  const prepared = typeof source === 'string' ? prepareSource(source) : source;
  const seg = pickSegment(prepared.segments, o);
  if (!seg || seg.length === 0) return { line: 1, column: 1, endLine: 1, endColumn: 1, exact: false };
  const top = Math.min(...seg.map((l) => (l.dashCol >= 0 ? l.dashCol : l.keyCol)));
  let candidates = seg.filter((l) => l.dashCol < 0 && l.keyCol === top);
  let at: number | undefined;
  let value: unknown = o.raw;
  let exact = true;
  let onItem = false;
  for (const step of path) {
    if (typeof step === 'number') {
      const items = at === undefined ? [] : sequenceItems(seg, at);
      const arr = Array.isArray(value) ? (value as unknown[]) : [];
      const name = itemName(arr[step]);
      const byName =
        name === undefined
          ? undefined
          : items.find((item) => {
              const i = seg.indexOf(item);
              return mappingChildren(seg, i).some((l) => l.key === 'name' && scalar(l.value) === name);
            });
      const item = byName ?? items[step] ?? items[items.length - 1];
      if (!item) {
        exact = false;
        break;
      }
      at = seg.indexOf(item);
      onItem = true;
      value = arr[step];
      candidates = mappingChildren(seg, at);
      continue;
    }
    const hit = candidates.find((l) => l.key === step);
    if (!hit) {
      exact = false;
      break;
    }
    at = seg.indexOf(hit);
    onItem = false;
    value =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[step]
        : undefined;
    candidates = mappingChildren(seg, at);
  }
  const line = at === undefined ? (seg[0] as Line) : (seg[at] as Line);
  const col = onItem && line.dashCol >= 0 ? line.dashCol : line.keyCol;
  return {
    line: line.index + 1,
    column: col + 1,
    endLine: line.index + 1,
    endColumn: Math.max(line.end + 1, col + 2),
    exact: exact && at !== undefined,
  };
}
