/**
 * Documents → Kubernetes objects. Expands `kind: List`, gives namespaced objects without a
 * namespace the default one, and sets aside what is not a Kubernetes object (with a note saying
 * where) or still a template (with an issue).
 */
import { findTemplate, type ParseIssue } from './parse.js';
import { get, isObject, type K8sObject, type ManifestDoc, type Path, type Range } from './types.js';

/** Kinds that live outside namespaces among those zd-gate reads (and the common others). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'IngressClass',
  'IngressClassParams',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'Node',
  'APIService',
]);

/**
 * Kinds whose string values zd-gate reads, and so checks for leftover template syntax even when
 * the YAML happens to parse. ConfigMaps, Secrets and other kinds legitimately carry `{{ }}` as data.
 */
const TEMPLATE_CHECKED = new Set([
  'Deployment',
  'StatefulSet',
  'Rollout',
  'Service',
  'Ingress',
  'IngressClass',
  'IngressClassParams',
  'TargetGroupBinding',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Namespace',
]);

export interface Note {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface ObjectsResult {
  readonly objects: K8sObject[];
  readonly issues: ParseIssue[];
  /** Documents that are not Kubernetes objects: reported, not silently dropped. */
  readonly notes: Note[];
}

/**
 * `kind: List` inside `kind: List` deeper than this is not expanded: no real file nests lists, and
 * every level costs a path entry per object below it.
 */
export const MAX_LIST_NESTING = 16;

export function toObjects(docs: readonly ManifestDoc[], defaultNamespace: string): ObjectsResult {
  const objects: K8sObject[] = [];
  const issues: ParseIssue[] = [];
  const notes: Note[] = [];
  for (const doc of docs) {
    try {
      expand(doc, defaultNamespace, objects, issues, notes);
    } catch (e) {
      // A bug must cost this document, never the run: say which document, keep the others.
      issues.push({
        kind: 'unreadable',
        file: doc.file,
        range: { line: doc.startLine, column: 1, endLine: doc.startLine, endColumn: 1 },
        message: `zd-gate could not read this document (internal error: ${e instanceof Error ? e.message : String(e)}); it is not checked, the other documents are.`,
      });
    }
  }
  return { objects, issues, notes };
}

/** One document's objects, `kind: List` expanded in document order with an explicit stack (no recursion). */
function expand(
  doc: ManifestDoc,
  defaultNamespace: string,
  objects: K8sObject[],
  issues: ParseIssue[],
  notes: Note[],
): void {
  const stack: { value: unknown; base: Path; depth: number }[] = [{ value: doc.value, base: [], depth: 0 }];
  // Found once per document: a `kind: List` of many objects must not rescan its text for each one.
  let template: ReturnType<typeof findTemplate> | null = null;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, base, depth } = next;
    if (!isObject(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
      notes.push({
        file: doc.file.path,
        line: doc.startLine,
        message: `Not a Kubernetes object (no apiVersion and kind${base.length ? ` in ${base.join('.')}` : ''}); skipped.`,
      });
      continue;
    }
    if (value.kind === 'List' || (value.kind.endsWith('List') && Array.isArray(value.items))) {
      if (depth >= MAX_LIST_NESTING) {
        issues.push({
          kind: 'unreadable',
          file: doc.file,
          range: { line: doc.startLine, column: 1, endLine: doc.startLine, endColumn: 1 },
          message: `\`kind: ${value.kind}\` nested more than ${MAX_LIST_NESTING} levels deep (at ${base.join('.')}): its items are not read. Flatten the list.`,
        });
        continue;
      }
      const items = Array.isArray(value.items) ? value.items : [];
      for (let i = items.length - 1; i >= 0; i--)
        stack.push({ value: items[i], base: [...base, 'items', i], depth: depth + 1 });
      continue;
    }
    const kind = value.kind;
    if (TEMPLATE_CHECKED.has(kind) && !doc.json) {
      if (template === null) template = findTemplate(doc.text);
      const hit = template;
      if (hit) {
        issues.push({
          kind: 'template',
          file: doc.file,
          range: shift(hit.range, doc.startLine),
          message: hit.message,
        });
        continue;
      }
    }
    const metadata = isObject(value.metadata) ? value.metadata : {};
    const name =
      typeof metadata.name === 'string'
        ? metadata.name
        : typeof metadata.generateName === 'string'
          ? `${metadata.generateName}*`
          : '';
    const declared =
      typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
    objects.push({
      apiVersion: value.apiVersion,
      kind,
      name,
      namespace: CLUSTER_SCOPED.has(kind) ? undefined : (declared ?? defaultNamespace),
      labels: stringMap(metadata.labels),
      annotations: stringMap(metadata.annotations),
      raw: value,
      doc,
      base,
    });
  }
}

function shift(r: Range, startLine: number): Range {
  return { ...r, line: r.line + startLine - 1, endLine: r.endLine + startLine - 1 };
}

/** Labels and annotations as strings, the way the API server would coerce scalar values. */
function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** The value at `path` below the object's own root. */
export function field(o: K8sObject, path: Path): unknown {
  return get(o.raw, path);
}
