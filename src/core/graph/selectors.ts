/** Kubernetes label selectors, as the API server evaluates them. */
import { isObject } from '../manifest/types.js';

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { key: string; operator: string; values: readonly string[] }[];
}

/** A Service selector: equality only; empty or missing selects nothing (the Service has manual endpoints). */
export function serviceSelects(
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

export function toLabelSelector(v: unknown): LabelSelector | undefined {
  if (!isObject(v)) return undefined;
  const matchLabels: Record<string, string> = {};
  if (isObject(v.matchLabels)) for (const [k, val] of Object.entries(v.matchLabels)) matchLabels[k] = String(val);
  const matchExpressions = Array.isArray(v.matchExpressions)
    ? v.matchExpressions.filter(isObject).map((e) => ({
        key: typeof e.key === 'string' ? e.key : '',
        operator: typeof e.operator === 'string' ? e.operator : '',
        values: Array.isArray(e.values) ? e.values.map(String) : [],
      }))
    : [];
  return { matchLabels, matchExpressions };
}

/**
 * metav1.LabelSelector semantics: all terms must hold. An empty selector matches everything
 * (policy/v1 PodDisruptionBudget: "an empty selector selects all pods in the namespace").
 */
export function selectorMatches(sel: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels)) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !e.values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && e.values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false; // an invalid operator selects nothing, as the API server would reject it
    }
  }
  return true;
}
