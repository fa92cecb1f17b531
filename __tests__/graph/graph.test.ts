/**
 * The object graph's link resolutions, read the way the controller and Argo Rollouts read them,
 * and its independence from the order of the inputs.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/graph/graph.js';
import { toObjects } from '../../src/core/manifest/objects.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import {
  argoRollout,
  DEPLOYMENT_GOOD,
  INGRESS_IP,
  SERVICE_WEB,
  SERVICE_WEB_CANARY,
  tgbWeb,
} from '../rules/fixtures.js';

function graphOf(files: Record<string, string>) {
  const docs = Object.entries(files).flatMap(([path, text]) => parseFile({ path, text }).docs);
  return buildGraph(toObjects(docs, 'default').objects);
}

const TGB = tgbWeb();
const ROLLOUT = argoRollout(DEPLOYMENT_GOOD, '          rootService: web-root\n');
const USE_ANNOTATION = INGRESS_IP.replace(
  '            name: web\n            port:\n              number: 80\n',
  '            name: web-root\n            port:\n              name: use-annotation\n',
);

describe('TargetGroupBinding target type', () => {
  it('without targetType, binding a ClusterIP Service: ip, with the reason', () => {
    const g = graphOf({ 'svc.yaml': SERVICE_WEB, 'tgb.yaml': TGB, 'deploy.yaml': DEPLOYMENT_GOOD });
    const [e] = g.exposuresOf(g.workloads[0]!);
    expect(e?.targetType.value).toBe('ip');
    expect(e?.targetType.explicit).toBe(false);
    expect(e?.targetType.why).toMatch(/only an ip target group can serve it/);
  });

  it('without targetType, binding a NodePort Service: unknown (AWS decides)', () => {
    const g = graphOf({
      'svc.yaml': SERVICE_WEB.replace('spec:\n', 'spec:\n  type: NodePort\n'),
      'tgb.yaml': TGB,
      'deploy.yaml': DEPLOYMENT_GOOD,
    });
    expect(g.exposuresOf(g.workloads[0]!)[0]?.targetType.value).toBeUndefined();
  });
});

describe('Argo Rollouts ALB traffic routing', () => {
  it('the use-annotation backend named after rootService reaches the stable and canary Services', () => {
    const g = graphOf({
      'svc.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB_CANARY}`,
      'ingress.yaml': USE_ANNOTATION,
      'rollout.yaml': ROLLOUT,
    });
    const ro = g.workloads[0]!;
    expect(ro.object.kind).toBe('Rollout');
    expect(g.exposuresOf(ro).map((e) => `${e.via.name}→${e.service.name} ${e.targetType.value}`)).toEqual([
      'web→web ip',
      'web→web-canary ip',
    ]);
    expect(g.reach(ro)).toBe('load-balanced');
    expect(g.missingBackends()).toEqual([]);
  });

  it('a backend named otherwise has no action: a missing backend that names the Rollout', () => {
    const g = graphOf({
      'svc.yaml': SERVICE_WEB,
      'ingress.yaml': USE_ANNOTATION.replace('name: web-root', 'name: web-main'),
      'rollout.yaml': ROLLOUT,
    });
    expect(g.missingBackends().map((m) => [m.service, m.missingAction, m.argoRollout?.action])).toEqual([
      ['web-main', true, 'web-root'],
    ]);
  });
});

describe('Argo Rollouts blue-green', () => {
  it('an Ingress to the active Service reaches the Rollout, like a Deployment', () => {
    const bluegreen = DEPLOYMENT_GOOD.replace(
      'apiVersion: apps/v1\nkind: Deployment',
      'apiVersion: argoproj.io/v1alpha1\nkind: Rollout',
    ).replace(
      '  selector:\n',
      '  strategy:\n    blueGreen:\n      activeService: web\n      previewService: web-preview\n  selector:\n',
    );
    const g = graphOf({
      'svc.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB.replace('name: web\n', 'name: web-preview\n')}`,
      'ingress.yaml': INGRESS_IP,
      'rollout.yaml': bluegreen,
    });
    const ro = g.workloads[0]!;
    expect(ro.object.kind).toBe('Rollout');
    expect(g.servicesOf(ro).map((s) => s.name)).toEqual(['web', 'web-preview']);
    expect(g.exposuresOf(ro).map((e) => `${e.via.kind} ${e.service.name} ${e.targetType.value}`)).toEqual([
      'Ingress web ip',
    ]);
  });
});

describe('order independence', () => {
  it('the same Service twice: the first in input order answers lookups, both are duplicates', () => {
    const a = SERVICE_WEB;
    const b = SERVICE_WEB.replace('app: web', 'app: other');
    const g = graphOf({ 'a.yaml': a, 'b.yaml': b, 'deploy.yaml': DEPLOYMENT_GOOD });
    expect(g.duplicates().map((d) => d.map((o) => o.doc.file.path))).toEqual([['a.yaml', 'b.yaml']]);
    // The Deployment is selected by the first Service (a.yaml) only.
    expect(g.servicesOf(g.workloads[0]!).map((s) => s.doc.file.path)).toEqual(['a.yaml']);
  });
});

describe('reach', () => {
  it('a Service the kube-apiserver calls through a webhook configuration is in-cluster, even with no load balancer among the inputs', () => {
    const g = graphOf({
      'svc.yaml': SERVICE_WEB,
      'deploy.yaml': DEPLOYMENT_GOOD,
      'hook.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: web
webhooks:
- name: web.example.com
  clientConfig:
    service: {name: web, namespace: shop}
`,
    });
    expect(g.reach(g.workloads[0]!)).toBe('in-cluster');
    expect(g.apiServerCaller(g.services[0]!)?.kind).toBe('ValidatingWebhookConfiguration');
  });

  it('an Ingress of another class is an entry point: load-balanced, not in-cluster', () => {
    const g = graphOf({
      'svc.yaml': SERVICE_WEB,
      'deploy.yaml': DEPLOYMENT_GOOD,
      'ingress.yaml': INGRESS_IP.replace('ingressClassName: alb', 'ingressClassName: nginx'),
    });
    const w = g.workloads[0]!;
    expect(g.exposuresOf(w)).toEqual([]);
    expect(g.entriesOf(w).map((e) => e.what)).toEqual(['Ingress shop/web (class nginx)']);
    expect(g.reach(w)).toBe('load-balanced');
  });
});
