/**
 * Type checks against the Kubernetes schema subset (k8s.generated.ts plus crds.ts), as the API
 * server decodes a manifest: a value of the wrong type, a number out of range, or a key the type
 * does not have is what `kubectl apply --validate=strict` rejects. One module answers both
 * questions the core asks: which problems an object has (the field-type rule), and whether a value
 * a rule reads is usable (read.ts). Nothing here reads files: the schema is data in the bundle.
 */
import { suggest } from '../lint/config.js';
import { isObject, type K8sObject, type Path } from '../manifest/types.js';
import { CONSTRAINTS, type Constraint } from './constraints.js';
import { CRD_SCHEMA } from './crds.js';
import { SCHEMA } from './k8s.generated.js';
import type { Definition, Primitive, TypeRef } from './types.js';

const ROOTS: Readonly<Record<string, string>> = { ...SCHEMA.roots, ...CRD_SCHEMA.roots };
const DEFS: Readonly<Record<string, Definition>> = { ...SCHEMA.defs, ...CRD_SCHEMA.defs };
const PRIMITIVES = new Set<string>(['i32', 'i64', 'num', 'bool', 'str', 'ios', 'qty', 'any']);

const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

export interface FieldIssue {
  /** Below the object's root. */
  readonly path: Path;
  readonly kind: 'type' | 'value' | 'unknown';
  /** The schema type that holds the field, for messages: `PodSpec`, `DeploymentSpec`. */
  readonly owner: string;
  /** The field of `owner`, for messages: `replicas`; for an item of a list or map, the list's or map's field. */
  readonly field: string;
  /** Set when the value is an item of that field's list or a value of its map. */
  readonly item?: 'list' | 'map';
  /** What the value should be, or the problem with it. */
  readonly expected: string;
  /** The value as found, described. */
  readonly got: string;
  /** `; did you mean `x`?` for an unknown field close to a known one. */
  readonly suggestion?: string;
  /** What the API server does with it, when it does not simply reject it. */
  readonly consequence?: string;
}

/** The schema definition of an object's kind, when zd-gate knows it. */
export function rootOf(apiVersion: string, kind: string): string | undefined {
  return ROOTS[`${apiVersion}/${kind}`];
}

export function hasSchema(o: Pick<K8sObject, 'apiVersion' | 'kind'>): boolean {
  return rootOf(o.apiVersion, o.kind) !== undefined;
}

const isDefName = (t: TypeRef): t is string => typeof t === 'string' && !PRIMITIVES.has(t);
const ownerName = (def: string): string => def.slice(def.lastIndexOf('.') + 1);

/** An alias definition ({$: T}) resolved to what it stands for. */
function resolve(t: TypeRef): TypeRef {
  let cur = t;
  for (let i = 0; i < 8 && isDefName(cur); i++) {
    const d = DEFS[cur];
    if (!d || !('$' in d)) break;
    cur = d.$;
  }
  return cur;
}

export interface FieldType {
  readonly type: TypeRef;
  readonly constraint: Constraint | undefined;
  readonly owner: string;
}

const typeCache = new Map<string, FieldType | null>();

/** The schema type of the field at `path` of an object of this kind; undefined when unknown or free-form. */
export function typeAt(apiVersion: string, kind: string, path: Path): FieldType | undefined {
  const root = rootOf(apiVersion, kind);
  if (!root) return undefined;
  const key = `${root}|${path.map((p) => (typeof p === 'number' ? '#' : p)).join('.')}`;
  const cached = typeCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let cur: TypeRef = root;
  let found: FieldType | null = null;
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string | number;
    cur = resolve(cur);
    let next: TypeRef | undefined;
    let owner = '';
    let constraint: Constraint | undefined;
    if (typeof cur === 'object' && 'a' in cur) next = typeof step === 'number' ? cur.a : undefined;
    else if (typeof cur === 'object' && 'm' in cur) next = typeof step === 'string' ? cur.m : undefined;
    else if (isDefName(cur) && typeof step === 'string') {
      const def = DEFS[cur];
      next = def && Object.prototype.hasOwnProperty.call(def, step) ? def[step] : undefined;
      owner = ownerName(cur);
      constraint = CONSTRAINTS[`${cur}.${step}`];
    }
    if (next === undefined) break;
    cur = next;
    if (i === path.length - 1) found = { type: resolve(cur), constraint, owner };
  }
  typeCache.set(key, found);
  return found ?? undefined;
}

/** A short description of a value found where another type was expected. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return `${v > 0 ? '' : '-'}Infinity (a number too large for YAML's float)`;
    return `the number ${v}`;
  }
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'a mapping';
  return String(v);
}

const EXPECTED: Readonly<Record<Exclude<Primitive, 'any'>, string>> = {
  i32: 'a whole number (int32)',
  i64: 'a whole number (int64)',
  num: 'a number',
  bool: 'true or false',
  str: 'a string',
  ios: 'a whole number or a string',
  qty: 'a quantity (a string such as `500m`, or a number)',
};

/** YAML 1.1 booleans, which Kubernetes' YAML reader (go-yaml v2) takes for true and false unquoted. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

function isWhole(v: number, bound: number): boolean {
  return Number.isInteger(v) && v >= -bound && v < bound;
}

/**
 * Checks one value against a primitive type and its constraint; undefined when it is fine. null
 * is always fine: it means "unset" to the API server, whatever the type.
 */
export function checkPrimitive(
  type: Primitive,
  v: unknown,
  constraint?: Constraint,
): { expected: string; consequence?: string } | undefined {
  if (v === null || v === undefined || type === 'any') return undefined;
  const bad = { expected: EXPECTED[type] };
  switch (type) {
    case 'i32':
    case 'i64':
      if (typeof v !== 'number' || !isWhole(v, type === 'i32' ? INT32 : INT64)) return bad;
      return checkRange(v, constraint);
    case 'num':
      return typeof v === 'number' && Number.isFinite(v) ? checkRange(v, constraint) : bad;
    case 'bool':
      return typeof v === 'boolean' || (typeof v === 'string' && YAML11_BOOL.test(v)) ? undefined : bad;
    case 'str':
      return typeof v === 'string' ? undefined : bad;
    case 'qty':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? undefined : bad;
    case 'ios':
      if (typeof v === 'number') return isWhole(v, INT32) ? checkRange(v, constraint) : bad;
      if (typeof v !== 'string') return bad;
      if (constraint?.percent && !/^\d+%$/.test(v))
        return { expected: 'a whole number, or a percentage such as `25%` (a quoted number is not one)' };
      return undefined;
  }
}

function checkRange(v: number, c: Constraint | undefined): { expected: string; consequence?: string } | undefined {
  if (!c) return undefined;
  if ((c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)) {
    const expected =
      c.max !== undefined
        ? `between ${c.min ?? 0} and ${c.max}`
        : c.min === 0
          ? 'zero or more'
          : `at least ${c.min ?? 0}`;
    return c.consequence ? { expected, consequence: c.consequence } : { expected };
  }
  return undefined;
}

/** Every type problem of an object whose kind zd-gate knows, in document order; at most `limit`. */
export function checkObject(o: K8sObject, limit = Infinity): FieldIssue[] {
  const root = rootOf(o.apiVersion, o.kind);
  if (!root) return [];
  const w = new Walker(limit);
  w.walk(o.raw, root, '', '', undefined, undefined);
  return w.out;
}

interface DefMeta {
  readonly name: string;
  readonly open: boolean;
  readonly known: readonly string[];
  readonly constraints: Readonly<Record<string, Constraint>>;
}

const defMeta = new Map<string, DefMeta>();

function metaOf(t: string, def: Definition): DefMeta {
  let m = defMeta.get(t);
  if (!m) {
    const known = Object.keys(def).filter((k) => k !== '*');
    const constraints: Record<string, Constraint> = {};
    for (const k of known) {
      const c = CONSTRAINTS[`${t}.${k}`];
      if (c) constraints[k] = c;
    }
    m = { name: ownerName(t), open: Object.prototype.hasOwnProperty.call(def, '*'), known, constraints };
    defMeta.set(t, m);
  }
  return m;
}

/** A depth-first walk along the schema with one shared path stack, copied only for an issue. */
class Walker {
  readonly out: FieldIssue[] = [];
  private readonly path: (string | number)[] = [];

  constructor(private readonly limit: number) {}

  private issue(i: Omit<FieldIssue, 'path'>, extra?: string): void {
    this.out.push({ path: extra === undefined ? [...this.path] : [...this.path, extra], ...i });
  }

  walk(
    v: unknown,
    type: TypeRef,
    owner: string,
    field: string,
    item: 'list' | 'map' | undefined,
    constraint: Constraint | undefined,
  ): void {
    if (this.out.length >= this.limit || v === null || v === undefined) return;
    const where = (): { owner: string; field: string; item?: 'list' | 'map' } => ({
      owner,
      field,
      ...(item ? { item } : {}),
    });
    const t = resolve(type);
    if (typeof t === 'string' && PRIMITIVES.has(t)) {
      const bad = checkPrimitive(t as Primitive, v, constraint);
      if (bad)
        this.issue({
          kind: bad.expected === EXPECTED[t as Exclude<Primitive, 'any'>] ? 'type' : 'value',
          ...where(),
          got: describeValue(v),
          ...bad,
        });
      return;
    }
    if (typeof t === 'object' && 'a' in t) {
      if (!Array.isArray(v)) return this.issue({ kind: 'type', ...where(), expected: 'a list', got: describeValue(v) });
      for (let i = 0; i < v.length && this.out.length < this.limit; i++) {
        this.path.push(i);
        this.walk(v[i], t.a, owner, field, 'list', undefined);
        this.path.pop();
      }
      return;
    }
    if (typeof t === 'object' && 'm' in t) {
      if (!isObject(v)) return this.issue({ kind: 'type', ...where(), expected: 'a mapping', got: describeValue(v) });
      for (const k in v) {
        if (this.out.length >= this.limit) return;
        this.path.push(k);
        this.walk(v[k], t.m, owner, field, 'map', undefined);
        this.path.pop();
      }
      return;
    }
    const def = DEFS[t];
    if (!def) return;
    const m = metaOf(t, def);
    if (!isObject(v))
      return this.issue({ kind: 'type', ...where(), expected: `a mapping (${m.name})`, got: describeValue(v) });
    for (const k in v) {
      if (this.out.length >= this.limit) return;
      if (k !== '*' && Object.prototype.hasOwnProperty.call(def, k)) {
        this.path.push(k);
        this.walk(v[k], def[k] as TypeRef, m.name, k, undefined, m.constraints[k]);
        this.path.pop();
      } else if (!m.open) {
        const hint = suggest(k, m.known);
        this.issue(
          {
            kind: 'unknown',
            owner: m.name,
            field: k,
            expected: `a field of ${m.name}`,
            got: `\`${k}\``,
            ...(hint ? { suggestion: hint } : {}),
          },
          k,
        );
      }
    }
  }
}
