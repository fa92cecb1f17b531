/**
 * `.zd-gate.yaml`: per-rule severity (or `off`) and parameters, and the scope model.
 *
 *   scope:
 *     in-cluster: notice              # cap for generic rules on workloads only in-cluster clients reach
 *     without-load-balancers: load-balanced   # or in-cluster: how to judge inputs with no entry point
 *   rules:
 *     pod-disruption-budget: off
 *     prestop-duration: error
 *     termination-grace:
 *       severity: warning
 *       shutdown-seconds: 15
 *
 * Every mistake (unknown rule, unknown parameter, wrong type) is a problem with its file and line:
 * a config that silently does nothing is worse than none.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { Problem, Severity } from '../findings.js';
import type { ParamSpecs, Rule } from '../rules/rule.js';

export type RuleSetting = {
  readonly severity: Severity | 'off' | undefined;
  readonly params: Readonly<Record<string, number | readonly string[]>>;
};

/** docs/validate-scope.md */
export interface ScopeSetting {
  /** The most severe level of a `served` rule's finding on an in-cluster-only workload (`off`: none). */
  readonly inCluster: Severity | 'off';
  /** How to judge served workloads when no load balancer or other entry point is among the inputs. */
  readonly withoutLoadBalancers: 'load-balanced' | 'in-cluster';
}

export const DEFAULT_SCOPE: ScopeSetting = { inCluster: 'notice', withoutLoadBalancers: 'load-balanced' };

export interface Config {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly scope?: ScopeSetting;
}

export const EMPTY_CONFIG: Config = { rules: new Map() };
const LEVELS = ['error', 'warning', 'notice', 'off'] as const;
const ASSUMPTIONS = ['load-balanced', 'in-cluster'] as const;

/** The `scope` section's keys, with their values and meaning (the config schema is generated from this). */
export const SCOPE_KEYS = {
  'in-cluster': {
    values: LEVELS,
    default: DEFAULT_SCOPE.inCluster,
    description:
      "The most severe level the generic rules (those that apply to every Service-served workload) report on a workload that only in-cluster clients reach: load balancers or Ingresses are among the inputs, and none fronts it. `error` keeps the rules' own levels; `off` drops those findings.",
  },
  'without-load-balancers': {
    values: ASSUMPTIONS,
    default: DEFAULT_SCOPE.withoutLoadBalancers,
    description:
      'How to judge served workloads when no load balancer, Ingress or other entry point is among the inputs at all (one may live in another repository): `load-balanced` applies every rule at its level, `in-cluster` treats them as in-cluster only.',
  },
} as const;

export function parseConfig(
  text: string,
  file: string,
  rules: readonly Rule[],
): { config: Config; problems: Problem[] } {
  const problems: Problem[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const at = (node: unknown): { line: number; column: number } => {
    const r = node && typeof node === 'object' && 'range' in node ? (node as Node).range : undefined;
    const p = lc.linePos(r?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  const problem = (node: unknown, message: string): void => {
    problems.push({ severity: 'error', message: `${message} (config ${file})`, file, ...at(node) });
  };
  const out = new Map<string, RuleSetting>();
  let scope: ScopeSetting | undefined;
  for (const e of doc.errors)
    problems.push({
      severity: 'error',
      message: `Config ${file} is not valid YAML: ${e.message.split('\n')[0]}`,
      file,
      ...pos(lc, e.pos),
    });
  if (doc.errors.length > 0) return { config: { rules: out }, problems };
  const root = doc.contents;
  if (root === null) return { config: { rules: out }, problems };
  if (!isMap(root)) {
    problem(root, 'The config must be a mapping with a `rules:` key');
    return { config: { rules: out }, problems };
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const pair of root.items as Pair[]) {
    const k = isScalar(pair.key) ? String(pair.key.value) : '';
    if (k === '$schema') continue;
    if (k === 'scope') {
      scope = scopeSetting(pair.value, problem);
      continue;
    }
    if (k !== 'rules') {
      problem(
        pair.key,
        `Unknown config key \`${k}\`${suggest(k, ['rules', 'scope'])}; the config has the keys \`rules\` and \`scope\``,
      );
      continue;
    }
    if (pair.value === null) continue;
    if (!isMap(pair.value)) {
      problem(pair.value, '`rules` must map rule ids to a severity or to settings');
      continue;
    }
    for (const rp of pair.value.items) {
      const id = isScalar(rp.key) ? String(rp.key.value) : '';
      const rule = byId.get(id);
      if (!rule) {
        problem(rp.key, `Unknown rule \`${id}\`${suggest(id, [...byId.keys()])}`);
        continue;
      }
      const setting = ruleSetting(rule.meta.params, id, rp.value, problem);
      if (setting) out.set(id, setting);
    }
  }
  return { config: { rules: out, ...(scope ? { scope } : {}) }, problems };
}

function scopeSetting(value: unknown, problem: (node: unknown, m: string) => void): ScopeSetting | undefined {
  if (value === null) return undefined;
  if (!isMap(value)) {
    problem(value, '`scope` must be a mapping with `in-cluster` and/or `without-load-balancers`');
    return undefined;
  }
  let inCluster = DEFAULT_SCOPE.inCluster;
  let withoutLoadBalancers = DEFAULT_SCOPE.withoutLoadBalancers;
  for (const p of value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    const v = isScalar(p.value) ? String(p.value.value) : '';
    if (key === 'in-cluster') {
      if ((LEVELS as readonly string[]).includes(v)) inCluster = v as ScopeSetting['inCluster'];
      else problem(p.value ?? p.key, `\`scope.in-cluster\` must be error, warning, notice or off, not \`${v}\``);
    } else if (key === 'without-load-balancers') {
      if ((ASSUMPTIONS as readonly string[]).includes(v))
        withoutLoadBalancers = v as ScopeSetting['withoutLoadBalancers'];
      else
        problem(p.value ?? p.key, `\`scope.without-load-balancers\` must be load-balanced or in-cluster, not \`${v}\``);
    } else {
      problem(
        p.key,
        `Unknown scope setting \`${key}\`${suggest(key, Object.keys(SCOPE_KEYS))}; \`scope\` takes \`in-cluster\` and \`without-load-balancers\``,
      );
    }
  }
  return { inCluster, withoutLoadBalancers };
}

function ruleSetting(
  specs: ParamSpecs,
  id: string,
  value: unknown,
  problem: (node: unknown, m: string) => void,
): RuleSetting | undefined {
  if (isScalar(value)) {
    const v = String(value.value);
    if ((LEVELS as readonly string[]).includes(v)) return { severity: v as RuleSetting['severity'], params: {} };
    // YAML 1.2 reads a bare `off` as a string, but `false` is a boolean: accept both.
    if (value.value === false) return { severity: 'off', params: {} };
    problem(value, `Rule \`${id}\`: \`${v}\` is not a severity; use error, warning, notice or off`);
    return undefined;
  }
  if (!isMap(value)) {
    problem(value, `Rule \`${id}\`: give a severity (error, warning, notice, off) or a mapping of settings`);
    return undefined;
  }
  let severity: RuleSetting['severity'];
  const params: Record<string, number | readonly string[]> = {};
  for (const p of value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    const raw = p.value;
    if (key === 'severity') {
      const v = isScalar(raw) ? String(raw.value) : '';
      if ((LEVELS as readonly string[]).includes(v)) severity = v as RuleSetting['severity'];
      else problem(raw ?? p.key, `Rule \`${id}\`: severity \`${v}\` must be error, warning, notice or off`);
      continue;
    }
    const spec = specs[key];
    if (!spec) {
      const names = Object.keys(specs);
      problem(
        p.key,
        `Rule \`${id}\` has no parameter \`${key}\`${names.length ? `; it takes ${names.map((n) => `\`${n}\``).join(', ')}` : '; it takes none'}`,
      );
      continue;
    }
    const js = raw && typeof raw === 'object' && 'toJSON' in raw ? (raw as { toJSON(): unknown }).toJSON() : undefined;
    if (spec.type === 'integer') {
      if (typeof js === 'number' && Number.isInteger(js) && js >= (spec.minimum ?? 0)) params[key] = js;
      else
        problem(
          raw ?? p.key,
          `Rule \`${id}\`: \`${key}\` must be a whole number${spec.minimum !== undefined ? ` of at least ${spec.minimum}` : ''}`,
        );
    } else if (Array.isArray(js) && js.every((x) => typeof x === 'string')) {
      params[key] = js;
    } else {
      problem(raw ?? p.key, `Rule \`${id}\`: \`${key}\` must be a list of strings`);
    }
  }
  return { severity, params };
}

function pos(lc: LineCounter, p: [number, number] | undefined): { line: number; column: number } {
  const l = lc.linePos(p?.[0] ?? 0);
  return { line: l.line, column: l.col };
}

/** "did you mean" for a mistyped id: the known id with the smallest edit distance, if close. */
export function suggest(id: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  const close = Math.max(2, Math.floor(id.length / 4));
  for (const k of known) {
    // The distance is at least the difference in length: a far longer id (a 5 MB annotation) is
    // never close, and is not compared character by character.
    if (Math.abs(id.length - k.length) > close) continue;
    const d = distance(id, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= close ? `; did you mean \`${best}\`?` : '';
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] as number;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] as number;
      dp[j] = Math.min((dp[j] as number) + 1, (dp[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length] as number;
}
