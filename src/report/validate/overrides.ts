/**
 * What the config file and `zd-gate/ignore` annotations change about what is checked, so the
 * reports can say it: a pull request can carry its own `.zd-gate.yaml` (or annotate its own
 * objects) and turn rules off; a reviewer must see that next to the verdict, not discover it later.
 */
import { SEVERITY_RANK, type Severity } from '../../core/findings.js';
import { DEFAULT_SCOPE, type Config } from '../../core/lint/config.js';
import { IGNORE_ANNOTATION } from '../../core/lint/engine.js';
import { locateInDoc } from '../../core/manifest/locate.js';
import { refOf, type K8sObject } from '../../core/manifest/types.js';
import type { Rule } from '../../core/rules/rule.js';
import type { Overrides, RuleOverride, Waiver } from './report.js';

/** Objects with a `zd-gate/ignore` annotation listed at most (the count is always exact). */
export const MAX_WAIVERS = 1_000;

export function describeOverrides(
  config: Config,
  configFile: string | undefined,
  rules: readonly Rule[],
  objects: readonly K8sObject[],
): Overrides {
  const out: RuleOverride[] = [];
  for (const r of rules) {
    const setting = config.rules.get(r.meta.id);
    if (!setting) continue;
    const params = Object.entries(setting.params).map(([name, v]) => {
      const spec = r.meta.params[name];
      return { name, value: show(v), default: spec ? show(spec.default) : '' };
    });
    const severity = setting.severity === r.meta.severity ? undefined : setting.severity;
    if (severity === undefined && params.every((p) => p.value === p.default)) continue;
    out.push({ rule: r.meta.id, defaultSeverity: r.meta.severity, severity, params });
  }
  out.push(...scopeOverrides(config));
  const waivers: Waiver[] = [];
  let waiverCount = 0;
  for (const o of objects) {
    const raw = o.annotations[IGNORE_ANNOTATION];
    if (raw === undefined) continue;
    waiverCount++;
    if (waivers.length >= MAX_WAIVERS) continue;
    const loc = locateInDoc(o.doc, [...o.base, 'metadata', 'annotations', IGNORE_ANNOTATION]);
    waivers.push({
      object: refOf(o),
      rules: raw
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .slice(0, 50),
      file: loc.file,
      line: loc.line,
    });
  }
  return { ...(configFile ? { configFile } : {}), rules: out, waivers, waiverCount };
}

/**
 * The `scope` section changes severities too (docs/validate-scope.md): the cap on in-cluster-only
 * workloads, and judging inputs without any load balancer as in-cluster, which caps them as well.
 */
function scopeOverrides(config: Config): RuleOverride[] {
  const scope = config.scope;
  if (!scope) return [];
  const out: RuleOverride[] = [];
  if (scope.inCluster !== DEFAULT_SCOPE.inCluster)
    out.push({
      rule: 'scope.in-cluster',
      defaultSeverity: 'notice',
      severity: scope.inCluster,
      params: [],
    });
  if (scope.withoutLoadBalancers !== DEFAULT_SCOPE.withoutLoadBalancers)
    out.push({
      rule: 'scope.without-load-balancers',
      defaultSeverity: 'error',
      severity: scope.inCluster,
      params: [{ name: 'judged as', value: scope.withoutLoadBalancers, default: DEFAULT_SCOPE.withoutLoadBalancers }],
    });
  return out;
}

/** True when the override hides findings: a rule off, or a severity below its default. */
export function loosens(o: RuleOverride): boolean {
  return (
    o.severity === 'off' || (o.severity !== undefined && SEVERITY_RANK[o.severity] < SEVERITY_RANK[o.defaultSeverity])
  );
}

/** One line per override: `readiness-probe: off (default error)`. */
export function overrideText(o: RuleOverride): string {
  const parts: string[] = [];
  if (o.severity !== undefined)
    parts.push(
      o.severity === 'off'
        ? `turned off (default ${o.defaultSeverity})`
        : `${SEVERITY_RANK[o.severity] < SEVERITY_RANK[o.defaultSeverity] ? 'lowered' : 'raised'} to ${o.severity} (default ${o.defaultSeverity})`,
    );
  for (const p of o.params) if (p.value !== p.default) parts.push(`${p.name}: ${p.value} (default ${p.default})`);
  return `${o.rule}: ${parts.join('; ')}`;
}

function show(v: number | readonly string[] | Severity): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}
