/**
 * Path → source span for block-style YAML, read straight from the lines: what `helm template`,
 * `kustomize build` and hand-written manifests almost always are. It gives the same span the `yaml`
 * package's nodes give (see locate.ts) at a small fraction of the cost of a second full parse, and
 * answers `undefined` for anything it does not model (flow collections it would have to enter,
 * anchors, tags, block scalars at the end of a path, multi-line scalars, escapes in keys,
 * non-string keys, merge keys, any tab or CR); the caller then asks the `yaml` package.
 * A differential test holds the two to the same answer on every path of the corpus.
 *
 * Shape of block YAML it relies on: a mapping's keys all start in one column; lines indented more
 * belong to the values; a sequence's `-` items all start in one column, which may be the column of
 * the key that holds it; a compact item (`- name: web`) is a mapping whose first key follows `- `.
 */
import type { Path } from './types.js';

export interface Span {
  /** Offsets into the document's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly exact: boolean;
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** Offset of the first non-space character (== end for a blank line). */
  readonly content: number;
  /** Blank, a comment, or a document marker/directive: no part of any node. */
  readonly filler: boolean;
}

/** A node as far as navigation needs it. */
type Node =
  | { readonly kind: 'map'; readonly line: number; readonly col: number; readonly first: Key }
  | { readonly kind: 'seq'; readonly line: number; readonly col: number }
  | { readonly kind: 'scalar'; readonly start: number; readonly end: number }
  /** A flow collection: a path may end at its key, but entering it is for the `yaml` package. */
  | { readonly kind: 'flow' }
  /** A block scalar or null: a path can stop there, but `yaml`'s span of it is not modelled. */
  | { readonly kind: 'leaf' };

interface Key {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Offset just after `:` and the spaces that follow it. */
  readonly after: number;
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** The span of `path` in `text`, or undefined when the block reader declines. */
export function locateBlock(text: string, path: Path): Span | undefined {
  return readBlock(text)?.locate(path);
}

/** A document read into lines once, for all the paths asked of it; undefined when it is not modelled at all. */
export function readBlock(text: string): BlockReader | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  return declined(() => new BlockDoc(text));
}

export interface BlockReader {
  /** The span of `path`, or undefined when the reader declines this path. */
  locate(path: Path): Span | undefined;
  /** 1-based line and column of an offset (the `yaml` package's LineCounter convention). */
  linePos(offset: number): { line: number; col: number };
}

function declined<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

// What a value may start with here: anchors, aliases, tags, reserved and other indicators are left to `yaml`.
const INDICATOR = /^(?:[&*!@`%,\]}]|[-?:](?:\s|$))/;
const PLAIN_KEY = /^[^-?:,[\]{}#&*!|>'"%@`\s]|^[-?:][^\s]/;
// Plain keys that the YAML core schema reads as something other than that string.
const NOT_A_STRING = /^(?:[-+.\d]|~$|null$|Null$|NULL$|true$|True$|TRUE$|false$|False$|FALSE$)/;

class BlockDoc implements BlockReader {
  private readonly lines: Line[] = [];

  constructor(private readonly text: string) {
    for (let at = 0; at <= text.length;) {
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      let content = at;
      while (content < end && text.charCodeAt(content) === 32) content++;
      const c = text[content];
      const filler =
        content === end ||
        c === '#' ||
        (content === at && (c === '%' || text.startsWith('---', at) || text.startsWith('...', at)));
      // `--- key: value` puts content on the marker line.
      if (content === at && text.startsWith('---', at) && !/^---[ ]*(?:#.*)?$/.test(text.slice(at, end))) unsupported();
      this.lines.push({ start: at, end, content, filler });
      if (nl < 0) break;
      at = nl + 1;
    }
  }

  locate(path: Path): Span | undefined {
    return declined(() => this.spanOf(path));
  }

  linePos(offset: number): { line: number; col: number } {
    const i = this.lineOf(offset);
    return { line: i + 1, col: offset - (this.lines[i] as Line).start + 1 };
  }

  private spanOf(path: Path): Span | undefined {
    const root = this.nextContent(-1);
    if (root < 0) return undefined;
    let node = this.nodeAtLineStart(root, -1);
    let anchor = this.firstLine(node);
    let exact = true;
    for (const step of path) {
      const next = this.child(node, step);
      if (!next) {
        exact = false;
        break;
      }
      ({ node, anchor } = next);
    }
    if (exact && node.kind === 'leaf') return undefined;
    if (exact && node.kind === 'scalar') anchor = { start: anchor.start, end: node.end };
    return { ...anchor, exact };
  }

  private child(node: Node, step: string | number): { node: Node; anchor: { start: number; end: number } } | undefined {
    if (node.kind === 'flow') return unsupported();
    if (typeof step === 'number') {
      if (node.kind !== 'seq') return undefined;
      const item = this.seqItem(node, step);
      return item && { node: item, anchor: this.firstLine(item) };
    }
    if (node.kind !== 'map') return undefined;
    const key = this.findKey(node, step);
    if (!key) return undefined;
    return { node: this.valueOf(key, node.col), anchor: { start: key.start, end: key.end } };
  }

  /** The span `yaml` reports for a node's first line: a mapping's first key, a scalar itself. */
  private firstLine(node: Node): { start: number; end: number } {
    if (node.kind === 'map') return { start: node.first.start, end: node.first.end };
    if (node.kind === 'scalar') return { start: node.start, end: node.end };
    return unsupported();
  }

  private findKey(map: Extract<Node, { kind: 'map' }>, name: string): Key | undefined {
    let merge = false;
    for (const key of this.keys(map)) {
      if (key.name === name) return key;
      if (key.name === '<<') merge = true;
    }
    return merge ? unsupported() : undefined;
  }

  private *keys(map: Extract<Node, { kind: 'map' }>): Generator<Key> {
    yield map.first;
    for (let i = map.line + 1; i < this.lines.length; i++) {
      const l = this.lines[i] as Line;
      if (l.filler) continue;
      const indent = l.content - l.start;
      if (indent < map.col) return;
      if (indent > map.col) continue; // a value's lines
      if (this.isItem(l.content)) {
        this.checkInline(l.content + 1, l.end); // a sequence at the key's column
        continue;
      }
      const key = this.keyAt(l.content) ?? unsupported();
      this.checkInline(key.after, l.end);
      yield key;
    }
  }

  private seqItem(seq: Extract<Node, { kind: 'seq' }>, index: number): Node | undefined {
    let n = 0;
    for (let i = seq.line; i < this.lines.length; i++) {
      const l = this.lines[i] as Line;
      if (l.filler) continue;
      const indent = l.content - l.start;
      if (indent < seq.col) return undefined;
      if (indent > seq.col) continue;
      if (!this.isItem(l.content)) return undefined; // the next key of the mapping that holds the sequence
      if (n++ === index) return this.itemAt(i, l.content + 1, seq.col);
      this.checkInline(l.content + 1, l.end);
    }
    return undefined;
  }

  /** The content of the item whose `-` is at `dash - 1` on line `i`. */
  private itemAt(i: number, dash: number, col: number): Node {
    const l = this.lines[i] as Line;
    let at = dash;
    while (at < l.end && this.text.charCodeAt(at) === 32) at++;
    if (at === l.end || this.text[at] === '#') return this.nodeBelow(i, col, false);
    if (this.isItem(at)) return unsupported(); // `- - a`
    const key = this.keyAt(at);
    if (key) return { kind: 'map', line: i, col: at - l.start, first: key };
    return this.inlineValue(i, at, col);
  }

  /** The value after `key:` of a mapping whose keys are in column `col`. */
  private valueOf(key: Key, col: number): Node {
    const i = this.lineOf(key.start);
    const l = this.lines[i] as Line;
    if (key.after < l.end && this.text[key.after] !== '#') return this.inlineValue(i, key.after, col);
    return this.nodeBelow(i, col, true);
  }

  /** A value that starts on a later line than its key or `-`: a block collection, or null. */
  private nodeBelow(i: number, col: number, seqAtSameColumn: boolean): Node {
    const j = this.nextContent(i);
    if (j < 0) return { kind: 'leaf' }; // null at the end of the document
    const l = this.lines[j] as Line;
    const indent = l.content - l.start;
    if (indent < col || (indent === col && !(seqAtSameColumn && this.isItem(l.content)))) return { kind: 'leaf' }; // null
    return this.nodeAtLineStart(j, col);
  }

  /** A block collection whose first line is `j`, indented more than `parent` (or a sequence at it). */
  private nodeAtLineStart(j: number, parent: number): Node {
    const l = this.lines[j] as Line;
    const col = l.content - l.start;
    if (this.isItem(l.content)) return { kind: 'seq', line: j, col };
    if (col <= parent) return unsupported();
    const key = this.keyAt(l.content);
    if (key) return { kind: 'map', line: j, col, first: key };
    return unsupported(); // a scalar on its own line, an anchor, a tag, a flow collection
  }

  /** A value written on the line of its key or `-`, from `at`; `col` is the column of that key or `-`. */
  private inlineValue(i: number, at: number, col: number): Node {
    const l = this.lines[i] as Line;
    const c = this.text[at];
    if (INDICATOR.test(this.text.slice(at, at + 2))) return unsupported();
    if (c === '|' || c === '>') return { kind: 'leaf' }; // a block scalar
    let end: number;
    if (c === '[' || c === '{') {
      if (!this.closesOnLine(at, l.end)) unsupported();
      return { kind: 'flow' };
    }
    if (c === '"' || c === "'") end = this.quotedEnd(at, l.end);
    else {
      const comment = this.text.indexOf(' #', at);
      end = comment >= 0 && comment < l.end ? comment : l.end;
      while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
    }
    const rest = this.text.slice(end, l.end).trim();
    if (rest !== '' && !rest.startsWith('#')) unsupported();
    // A more indented line after a scalar continues it (a multi-line scalar).
    const j = this.nextContent(i);
    if (j >= 0) {
      const n = this.lines[j] as Line;
      if (n.content - n.start > col) unsupported();
    }
    return { kind: 'scalar', start: at, end };
  }

  /** `key:` at `at` (plain, or quoted without escapes), or undefined when the text there is not a key. */
  private keyAt(at: number): Key | undefined {
    const l = this.lines[this.lineOf(at)] as Line;
    const c = this.text[at];
    let name: string;
    let end: number;
    let colon: number;
    if (c === '"' || c === "'") {
      end = this.quotedEnd(at, l.end);
      name = this.text.slice(at + 1, end - 1);
      if (c === '"' ? name.includes('\\') : name.includes("'")) unsupported();
      colon = end;
      while (this.text.charCodeAt(colon) === 32) colon++;
      if (this.text[colon] !== ':') return undefined;
    } else {
      colon = this.text.indexOf(':', at);
      while (colon >= 0 && colon + 1 < l.end && this.text.charCodeAt(colon + 1) !== 32)
        colon = this.text.indexOf(':', colon + 1);
      if (colon < 0 || colon >= l.end) return undefined;
      end = colon;
      while (end > at && this.text.charCodeAt(end - 1) === 32) end--;
      name = this.text.slice(at, end);
      if (name.includes(' #') || !PLAIN_KEY.test(name)) return undefined;
      if (NOT_A_STRING.test(name)) unsupported();
    }
    let after = colon + 1;
    while (after < l.end && this.text.charCodeAt(after) === 32) after++;
    return { name, start: at, end, after };
  }

  /** A sibling's value that opens a quote or flow collection must close on its line (else its lines are not modelled). */
  private checkInline(at: number, lineEnd: number): void {
    while (at < lineEnd && this.text.charCodeAt(at) === 32) at++;
    const c = this.text[at];
    if (c === '"' || c === "'") this.quotedEnd(at, lineEnd);
    else if ((c === '[' || c === '{') && !this.closesOnLine(at, lineEnd)) unsupported();
  }

  /** End (exclusive) of the quoted scalar opening at `at`; it must close on its line. */
  private quotedEnd(at: number, lineEnd: number): number {
    const q = this.text[at];
    for (let i = at + 1; i < lineEnd; i++) {
      const c = this.text[i];
      if (q === '"' && c === '\\') i++;
      else if (c === q) {
        if (q === "'" && this.text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return unsupported();
  }

  /** True when the flow collection opening at `at` closes on its line (quotes skipped). */
  private closesOnLine(at: number, lineEnd: number): boolean {
    let depth = 0;
    for (let i = at; i < lineEnd; i++) {
      const c = this.text[i];
      if (c === '"' || c === "'") i = this.quotedEnd(i, lineEnd) - 1;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth === 0) {
          const rest = this.text.slice(i + 1, lineEnd).trim();
          return rest === '' || rest.startsWith('#');
        }
      } else if (c === '#' && this.text[i - 1] === ' ') return false;
    }
    return false;
  }

  private isItem(at: number): boolean {
    if (this.text[at] !== '-') return false;
    const n = this.text[at + 1];
    return n === undefined || n === ' ' || n === '\n';
  }

  private nextContent(i: number): number {
    for (let j = i + 1; j < this.lines.length; j++) if (!(this.lines[j] as Line).filler) return j;
    return -1;
  }

  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lines[mid] as Line).start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
