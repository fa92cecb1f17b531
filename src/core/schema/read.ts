/**
 * Typed reading of the fields the rules use. Every rule reads numbers, strings and int-or-string
 * values through these functions, which check them with the same code as the field-type rule
 * (check.ts): a value of the wrong type or out of range is `invalid`, never taken for unset and
 * never replaced by the API default. Rules skip what is invalid; field-type reports it at its line.
 */
import { field } from '../manifest/objects.js';
import type { K8sObject, Path } from '../manifest/types.js';
import { checkPrimitive, typeAt } from './check.js';
import type { Primitive } from './types.js';

export type Typed<T> =
  | { readonly state: 'set'; readonly value: T }
  | { readonly state: 'unset' }
  | { readonly state: 'invalid'; readonly raw: unknown };

const UNSET = { state: 'unset' } as const;

function read<T>(o: K8sObject, path: Path, fallback: Primitive, accept: (v: unknown) => v is T): Typed<T> {
  const raw = field(o, path);
  if (raw === undefined || raw === null) return UNSET;
  const known = typeAt(o.apiVersion, o.kind, path);
  const type = known && typeof known.type === 'string' ? (known.type as Primitive) : fallback;
  if (checkPrimitive(type, raw, known?.constraint) || !accept(raw)) return { state: 'invalid', raw };
  return { state: 'set', value: raw };
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';
const isIntOrString = (v: unknown): v is number | string => typeof v === 'number' || typeof v === 'string';

/** A whole number (replicas, seconds, thresholds, ports). */
export function readInt(o: K8sObject, path: Path): Typed<number> {
  return read(o, path, 'i64', isNumber);
}

export function readString(o: K8sObject, path: Path): Typed<string> {
  return read(o, path, 'str', isString);
}

/** An IntOrString (maxUnavailable, minAvailable, targetPort): a whole number, or a string. */
export function readIntOrString(o: K8sObject, path: Path): Typed<number | string> {
  return read(o, path, 'ios', isIntOrString);
}

/** The value when set, the default when unset, undefined when invalid (the caller then skips). */
export function orDefault<T>(t: Typed<T>, def: T): T | undefined {
  return t.state === 'set' ? t.value : t.state === 'unset' ? def : undefined;
}
