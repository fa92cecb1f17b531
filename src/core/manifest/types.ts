/** A path into a parsed document: mapping keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** 1-based lines and columns, end inclusive of the last character's line. */
export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SourceFile {
  /** As shown to users and in annotations: relative to the workspace when possible. */
  readonly path: string;
  readonly text: string;
}

/** One YAML document (or the single JSON value) of a file. */
export interface ManifestDoc {
  readonly file: SourceFile;
  /** 0-based position of the document in its file. */
  readonly index: number;
  /** The document's own text; line 1 of it is {@link startLine} of the file. */
  readonly text: string;
  readonly startLine: number;
  readonly value: unknown;
  /** True when the value came from JSON.parse (then `text` is the whole file). */
  readonly json: boolean;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: unknown };

export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** A Kubernetes object with where it came from. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** metadata.namespace, else the default namespace for namespaced kinds; undefined when cluster-scoped. */
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly raw: JsonObject;
  readonly doc: ManifestDoc;
  /** Where the object sits in its document: [] or ['items', i] for `kind: List`. */
  readonly base: Path;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function refOf(o: K8sObject): ObjectRef {
  return o.namespace === undefined
    ? { kind: o.kind, name: o.name }
    : { kind: o.kind, namespace: o.namespace, name: o.name };
}

export function describeObject(o: Pick<K8sObject, 'kind' | 'name' | 'namespace'>): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** Reads a nested value; undefined when any step is missing or of the wrong shape. */
export function get(value: unknown, path: Path): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isObject(cur)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}
