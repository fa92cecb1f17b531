/**
 * Text → documents. Values come from js-yaml (fast: the hot path for 10,000-object repos); exact
 * positions come later, lazily, from the `yaml` package (see locate.ts) for the documents that have
 * findings. Documents with anchors or aliases, and documents js-yaml rejects, take the `yaml` path
 * here too: it bounds alias expansion (alias bombs) and gives the precise error position.
 */
import { CORE_SCHEMA, load, types, YAMLException } from 'js-yaml';
import { LineCounter, parseDocument, YAMLError } from 'yaml';
import { splitDocuments, type DocumentText } from './split.js';
import type { ManifestDoc, Range, SourceFile } from './types.js';

/**
 * `syntax` and `template` become findings of their rules; `not-text` (a binary file) and
 * `unreadable` (nesting too deep to read, or an internal error while reading one document) are
 * input problems on the document's line.
 */
export type ParseIssueKind = 'syntax' | 'template' | 'not-text' | 'unreadable';

/** A document that could not be read as data, with where and why. */
export interface ParseIssue {
  readonly kind: ParseIssueKind;
  readonly file: SourceFile;
  readonly range: Range;
  readonly message: string;
}

export interface ParsedFile {
  readonly file: SourceFile;
  readonly docs: readonly ManifestDoc[];
  readonly issues: readonly ParseIssue[];
}

/** Alias expansions allowed per document (the `yaml` package's own default guard). */
export const MAX_ALIAS_COUNT = 100;
// YAML 1.2 core scalars (no timestamps or binary) plus merge keys, which Kubernetes' YAML accepts.
const SCHEMA = CORE_SCHEMA.extend([types.merge]);
/** `&anchor` or `*alias` outside quotes and comments is what sends a document down the careful path. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,[\]{}]/m;

export function parseFile(file: SourceFile): ParsedFile {
  try {
    return parseFileUnguarded(file);
  } catch (e) {
    // A bug must cost this file, never the run.
    return { file, docs: [], issues: [unreadable(file, 1, e)] };
  }
}

function unreadable(file: SourceFile, line: number, e: unknown): ParseIssue {
  return {
    kind: 'unreadable',
    file,
    range: { line, column: 1, endLine: line, endColumn: 1 },
    message: `zd-gate could not read this document (internal error: ${e instanceof Error ? e.message : String(e)}); it is not checked, the other documents are.`,
  };
}

function parseFileUnguarded(file: SourceFile): ParsedFile {
  const nul = file.text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = lineColAt(file.text, nul);
    return {
      file,
      docs: [],
      issues: [
        {
          kind: 'not-text',
          file,
          range: { line, column, endLine: line, endColumn: column },
          message: 'This file is binary (it contains NUL bytes), not a YAML or JSON manifest.',
        },
      ],
    };
  }
  if (looksLikeJson(file)) {
    try {
      return {
        file,
        docs: [{ file, index: 0, text: file.text, startLine: 1, value: JSON.parse(file.text) as unknown, json: true }],
        issues: [],
      };
    } catch (e) {
      // JSON is YAML: let the YAML path find the error position and message. But a `.json` file is
      // meant as JSON, and kubectl decodes it as JSON: where YAML's flow syntax forgives the mistake
      // (a trailing comma, an unquoted word), JSON's own error stands.
      if (/\.json$/i.test(file.path)) {
        const asYaml = parseYamlStream(file);
        return asYaml.issues.length > 0 ? asYaml : { file, docs: [], issues: [jsonIssue(file, e)] };
      }
    }
  }
  return parseYamlStream(file);
}

function jsonIssue(file: SourceFile, e: unknown): ParseIssue {
  const message = e instanceof Error ? e.message : String(e);
  const at = /at position (\d+)/.exec(message);
  const { line, column } = at ? lineColAt(file.text, Number(at[1])) : { line: 1, column: 1 };
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
  return {
    kind: 'syntax',
    file,
    range: { line, column, endLine: line, endColumn: column },
    message: `Not valid JSON: ${reason}.`,
  };
}

function parseYamlStream(file: SourceFile): ParsedFile {
  const docs: ManifestDoc[] = [];
  const issues: ParseIssue[] = [];
  const pieces = splitDocuments(file.text);
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] as DocumentText;
    const shift = (r: Range): Range => ({
      ...r,
      line: r.line + piece.startLine - 1,
      endLine: r.endLine + piece.startLine - 1,
    });
    let result: One;
    try {
      result = parseOne(piece.text);
    } catch (e) {
      issues.push(unreadable(file, piece.startLine, e));
      continue;
    }
    if ('error' in result) {
      // A document that does not parse and holds `{{ }}` is an unrendered template, not a typo.
      const template = result.kind === 'syntax' ? findTemplate(piece.text) : undefined;
      if (template) issues.push({ kind: 'template', file, range: shift(template.range), message: template.message });
      else issues.push({ kind: result.kind, file, range: shift(result.range), message: result.error });
      continue;
    }
    if (result.value === null || result.value === undefined) continue;
    docs.push({ file, index, text: piece.text, startLine: piece.startLine, value: result.value, json: false });
  }
  return { file, docs, issues };
}

type One = { value: unknown } | { error: string; range: Range; kind: 'syntax' | 'unreadable' };

const TOO_DEEP =
  'This document nests too deeply to be read (the parser ran out of stack); it is not checked. No Kubernetes object nests like this: check how it was generated.';

/**
 * Flow collections nested deeper than this are not handed to the `yaml` package, whose parser
 * takes tens of microseconds per level (seconds for one hostile line). Kubernetes objects nest a
 * few dozen levels.
 */
export const MAX_FLOW_DEPTH = 1_000;

function parseOne(text: string): One {
  if (!ANCHOR_OR_ALIAS.test(text)) {
    try {
      return { value: load(text, { schema: SCHEMA }) };
    } catch (e) {
      // js-yaml recurses per level: running out of stack means the document nests absurdly deep.
      if (e instanceof RangeError) return tooDeep(text, Math.max(0, flowDepthBeyond(text, MAX_FLOW_DEPTH)));
      const careful = parseCarefully(text);
      if ('error' in careful || !(e instanceof YAMLException)) return careful;
      // The two parsers disagree: trust the strict one that failed, at its own position.
      const line = (e.mark?.line ?? 0) + 1;
      const column = (e.mark?.column ?? 0) + 1;
      return { error: e.reason, range: { line, column, endLine: line, endColumn: column }, kind: 'syntax' };
    }
  }
  return parseCarefully(text);
}

function tooDeep(text: string, at: number): One {
  const { line, column } = lineColAt(text, at);
  return { error: TOO_DEEP, range: { line, column, endLine: line, endColumn: column }, kind: 'unreadable' };
}

/** Where flow brackets outside quotes first nest deeper than `limit`, or -1. One pass, no parsing. */
export function flowDepthBeyond(text: string, limit: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      const prev = text[i - 1];
      // A quote opens a scalar only where one can start; `it's` inside a plain scalar is text.
      if (prev === undefined || /[\s[{,:]/.test(prev)) quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if (c === ']' || c === '}') {
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/** The `yaml` package: precise errors, duplicate keys rejected, alias expansion bounded. */
function parseCarefully(text: string): One {
  const deep = flowDepthBeyond(text, MAX_FLOW_DEPTH);
  if (deep >= 0) return tooDeep(text, deep);
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first?.code === 'RESOURCE_EXHAUSTION')
      return { error: TOO_DEEP, range: rangeOf(lineCounter, first.pos), kind: 'unreadable' };
    if (first) return { error: cleanMessage(first), range: rangeOf(lineCounter, first.pos), kind: 'syntax' };
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (e) {
    if (e instanceof YAMLError) return { error: cleanMessage(e), range: rangeOf(lineCounter, e.pos), kind: 'syntax' };
    // toJS throws a ReferenceError for alias bombs; the stack overflows on absurd nesting.
    const bomb = e instanceof ReferenceError && /alias/i.test(e.message);
    const message = bomb
      ? `Too many alias expansions (over ${MAX_ALIAS_COUNT}): this looks like an alias bomb; expand the aliases or split the document.`
      : e instanceof RangeError
        ? TOO_DEEP
        : `Could not read the document: ${(e as Error).message}`;
    const at = text.search(/(?:^|[\s[{,])\*[^\s,[\]{}]/m);
    const { line, column } = lineColAt(text, Math.max(0, at));
    return {
      error: message,
      range: { line, column, endLine: line, endColumn: column },
      kind: bomb ? 'syntax' : 'unreadable',
    };
  }
}

function cleanMessage(e: YAMLError): string {
  // Drop the code-frame the library may append; annotations show the line themselves.
  return e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
}

function rangeOf(lc: LineCounter, pos: [number, number] | undefined): Range {
  const [start, end] = pos ?? [0, 0];
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

function looksLikeJson(file: SourceFile): boolean {
  return (
    /\.json$/i.test(file.path) || (/^\s*[{[]/.test(file.text.slice(0, 64)) && /[}\]]\s*$/.test(file.text.slice(-64)))
  );
}

export function lineColAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** Helm and Go template markers: `.Values`, trim dashes, control words, pipelines into template functions. */
const HELMISH =
  /\{\{-|-\}\}|\{\{\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$\.|(?:if|else|end|range|with|define|include|template|toYaml|tpl|printf|quote|default|required|lookup|fail)\b)/;
/** Template syntax where YAML expects structure: a line, a value or a list item that starts with `{{`. */
const STRUCTURAL = /^\s*(?:-\s+)?\{\{|:\s+\{\{/;

interface TemplateHit {
  readonly range: Range;
  readonly message: string;
}

/**
 * Finds `{{ ... }}` that is template source rather than data: Helm's own syntax anywhere, or any
 * template where YAML structure belongs. Quoted strings such as Argo's `"{{inputs.parameters.x}}"`
 * are data and pass.
 */
export function findTemplate(text: string): TemplateHit | undefined {
  if (!text.includes('{{')) return undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const at = line.indexOf('{{');
    if (at < 0 || /^\s*#/.test(line)) continue;
    if (!HELMISH.test(line) && !STRUCTURAL.test(line)) continue;
    const end = line.indexOf('}}', at);
    const snippet = line.slice(at, end >= 0 ? end + 2 : undefined).trim();
    return {
      range: { line: i + 1, column: at + 1, endLine: i + 1, endColumn: end >= 0 ? end + 3 : line.length + 1 },
      message: `This document still holds template syntax \`${snippet.length > 60 ? `${snippet.slice(0, 57)}...` : snippet}\`: it is a chart or template source, not a rendered manifest. Render it first (\`helm template\`, \`kustomize build\`) and validate the output.`,
    };
  }
  return undefined;
}
