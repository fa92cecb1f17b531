/**
 * The scope model end to end: the `scope` section of .zd-gate.yaml parsed with its errors, and the
 * engine capping the generic rules' findings on workloads only in-cluster clients reach.
 */
import { edit } from '../helpers/edit.js';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG, parseConfig, type Config } from '../../src/core/lint/config.js';
import { lint } from '../../src/core/lint/engine.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import { RULES } from '../../src/core/rules/index.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB } from './fixtures.js';

/** web: one replica, only in-cluster clients (the Ingress among the inputs fronts api). */
const IN_CLUSTER = {
  'service.yaml': SERVICE_WEB,
  'deploy.yaml': edit(DEPLOYMENT_GOOD, '  replicas: 3\n', '  replicas: 1\n'),
  'api.yaml': edit(SERVICE_WEB, /web/g, 'api'),
  'ingress.yaml': edit(INGRESS_IP, '            name: web\n', '            name: api\n'),
};
/** web: one replica, no load balancer or Ingress among the inputs at all. */
const UNKNOWN = { 'service.yaml': SERVICE_WEB, 'deploy.yaml': IN_CLUSTER['deploy.yaml'] };

function run(files: Record<string, string>, config: Config = EMPTY_CONFIG) {
  return lint({
    files: Object.entries(files).map(([path, text]) => parseFile({ path, text })),
    defaultNamespace: 'default',
    config,
    rules: RULES,
  });
}

const config = (text: string): Config => {
  const r = parseConfig(text, '.zd-gate.yaml', RULES);
  expect(r.problems).toEqual([]);
  return r.config;
};

const minReplicas = (files: Record<string, string>, c?: Config) =>
  run(files, c).findings.filter((f) => f.ruleId === 'min-replicas');

describe('scope model', () => {
  it('caps a generic rule at notice on an in-cluster-only workload, by default', () => {
    expect(minReplicas(IN_CLUSTER).map((f) => f.severity)).toEqual(['notice']);
  });

  it('keeps full severity when no load balancer is among the inputs, and says one may front it from elsewhere', () => {
    const [f] = minReplicas(UNKNOWN);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/no load balancer is among the inputs; one may front it from elsewhere/);
  });

  it('scope.in-cluster: warning raises the cap; off drops the findings (and counts them as suppressed)', () => {
    expect(minReplicas(IN_CLUSTER, config('scope:\n  in-cluster: warning\n')).map((f) => f.severity)).toEqual([
      'warning',
    ]);
    const off = run(IN_CLUSTER, config('scope:\n  in-cluster: off\n'));
    expect(off.findings.filter((f) => f.ruleId === 'min-replicas')).toEqual([]);
    expect(off.suppressed).toBeGreaterThan(0);
  });

  it('scope.without-load-balancers: in-cluster treats inputs without any entry point as in-cluster', () => {
    const c = config('scope:\n  without-load-balancers: in-cluster\n');
    expect(minReplicas(UNKNOWN, c).map((f) => f.severity)).toEqual(['notice']);
  });

  it('does not cap rules that judge the inputs (field-type), even on an in-cluster-only workload', () => {
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 4
`;
    const files = {
      ...IN_CLUSTER,
      'hpa.yaml': hpa,
      'deploy.yaml': edit(IN_CLUSTER['deploy.yaml'], 'replicas: 1', 'replicas: "1"'),
    };
    const kept = run(files).findings.filter((f) => f.ruleId === 'field-type');
    expect(kept.map((f) => f.severity)).toEqual(['error']);
  });

  it('rejects unknown scope settings and values with their line', () => {
    const r = parseConfig('scope:\n  in-cluster: quiet\n  without-lb: in-cluster\n', '.zd-gate.yaml', RULES);
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: `scope.in-cluster` must be error, warning, notice or off, not `quiet` (config .zd-gate.yaml)',
      '3: Unknown scope setting `without-lb`; `scope` takes `in-cluster` and `without-load-balancers` (config .zd-gate.yaml)',
    ]);
  });
});

describe('scope settings are visible to a reviewer', () => {
  it('the config overrides list a changed scope, and judging inputs as in-cluster counts as lowering', async () => {
    const { describeOverrides, loosens, overrideText } = await import('../../src/report/validate/overrides.js');
    const c = config('scope:\n  in-cluster: off\n  without-load-balancers: in-cluster\n');
    const o = describeOverrides(c, '.zd-gate.yaml', RULES, []);
    expect(o.rules.map(overrideText)).toEqual([
      'scope.in-cluster: turned off (default notice)',
      'scope.without-load-balancers: turned off (default error); judged as: in-cluster (default load-balanced)',
    ]);
    expect(o.rules.every(loosens)).toBe(true);
    expect(describeOverrides(config('scope:\n  in-cluster: notice\n'), '.zd-gate.yaml', RULES, []).rules).toEqual([]);
  });
});
