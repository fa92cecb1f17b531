/**
 * Where a rendered object came from, as the renderer wrote it down:
 * - `helm template` puts `# Source: <chart>/templates/<file>` before each document (a subchart's
 *   files read `<parent>/charts/<sub>/templates/<file>`);
 * - `kustomize build` with `buildMetadata: [originAnnotations]` puts the annotation
 *   `config.kubernetes.io/origin: "path: <file>"` on each object, the path relative to the
 *   kustomization that was built.
 * Both are text from the pull request: a path with `..` segments where none belongs, or an absolute
 * one, is no source (the adapter that reads the file checks again that it stays in the workspace).
 */
import { isObject, type K8sObject, type ManifestDoc } from '../manifest/types.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export interface HelmSource {
  readonly kind: 'helm';
  /** The chart names from the top chart down to the one that holds the template: `['shop', 'cache']`. */
  readonly charts: readonly string[];
  /** The template's path inside its chart: `templates/deployment.yaml`. */
  readonly file: string;
  /** The `# Source:` value as written. */
  readonly raw: string;
}

export interface KustomizeSource {
  readonly kind: 'kustomize';
  /** The resource file, relative to the kustomization root (may start with `../`). */
  readonly path: string;
}

export type SourceRef = HelmSource | KustomizeSource;

const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;
/** Longest `# Source:` value read; a real one is a chart path, not a paragraph. */
const MAX_SOURCE = 1024;

/** The `# Source:` comment at the head of a document (before its first line of content). */
export function helmSourceOf(doc: ManifestDoc): HelmSource | undefined {
  let from = 0;
  // Only the head: comments, blank lines and the document marker come before the content.
  for (let lines = 0; lines < 64 && from <= doc.text.length; lines++) {
    const nl = doc.text.indexOf('\n', from);
    const line = doc.text.slice(from, nl < 0 ? undefined : nl).replace(/\r$/, '');
    from = nl < 0 ? doc.text.length + 1 : nl + 1;
    const t = line.trim();
    if (t === '' || t === '---' || /^---\s+#/.test(t)) continue;
    if (!t.startsWith('#')) return undefined;
    const m = SOURCE_COMMENT.exec(t);
    if (m) return parseHelmSource(m[1] as string);
  }
  return undefined;
}

/** `shop/charts/cache/templates/deployment.yaml` → charts `[shop, cache]`, file `templates/deployment.yaml`. */
export function parseHelmSource(raw: string): HelmSource | undefined {
  if (raw.length > MAX_SOURCE) return undefined;
  const parts = raw.split('/');
  if (!parts.every(safeSegment)) return undefined;
  const charts = [parts[0] as string];
  let i = 1;
  while (parts[i] === 'charts' && i + 2 < parts.length && parts[i + 2] !== undefined) {
    charts.push(parts[i + 1] as string);
    i += 2;
  }
  const rest = parts.slice(i);
  if (rest.length < 2 || rest[0] !== 'templates') return undefined;
  return { kind: 'helm', charts, file: rest.join('/'), raw };
}

/** The origin annotation's `path:` (a small YAML mapping written as a string), when local. */
export function kustomizeSourceOf(o: K8sObject): KustomizeSource | undefined {
  const value = o.annotations[ORIGIN_ANNOTATION];
  if (typeof value !== 'string' || value.length > MAX_SOURCE * 4) return undefined;
  let path: string | undefined;
  for (const line of value.split('\n')) {
    const m = /^(\w+):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    // A resource from a remote base (`repo:`) has no file in this workspace.
    if (m[1] === 'repo') return undefined;
    if (m[1] === 'path') path = unquote(m[2] as string);
  }
  if (!path || path.length > MAX_SOURCE || path.startsWith('/') || /^[a-z]+:\/\//i.test(path)) return undefined;
  const parts = path.split('/');
  // `..` is how an overlay reaches its base; every other segment must be a plain name.
  if (!parts.every((p) => p === '..' || safeSegment(p))) return undefined;
  return { kind: 'kustomize', path };
}

/** The source an object's renderer recorded, Helm's comment first. */
export function sourceOf(o: K8sObject): SourceRef | undefined {
  return helmSourceOf(o.doc) ?? kustomizeSourceOf(o);
}

export function sourceKey(s: SourceRef): string {
  return s.kind === 'helm' ? `helm:${s.charts.join('/')}:${s.file}` : `kustomize:${s.path}`;
}

function safeSegment(p: string): boolean {
  return p !== '' && p !== '.' && p !== '..' && ![...p].some((c) => c.charCodeAt(0) < 0x20 || c === '\\');
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

/** A name-like value of a sequence item (its `name`, else its `containerPort`/`port`), to find it in a template. */
export function itemName(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const n = item.name;
  return typeof n === 'string' && n !== '' ? n : undefined;
}
