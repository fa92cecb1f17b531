import type { MissingBackend } from '../graph/lb.js';
import { ALB_PREFIX } from '../graph/lb.js';
import { describeObject } from '../manifest/types.js';
import { suggest } from '../lint/config.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'dangling-backend',
    severity: 'warning',
    appliesTo: 'load-balanced',
    summary: 'Every load-balancer backend names a Service (or action) that exists.',
    rationale:
      'The AWS Load Balancer Controller builds a listener rule for each Ingress backend. When the backend Service does not exist it answers that rule with a fixed 503 response ("Backend service does not exist"); when a `use-annotation` backend has no `alb.ingress.kubernetes.io/actions.<name>` annotation, a fixed 503 too ("Backend action does not exist"); and when one Service of a weighted forward action is missing, the whole Ingress (and its IngressGroup) fails to reconcile (pkg/ingress/enhanced_backend_builder.go). A TargetGroupBinding whose Service does not exist registers no targets. Argo Rollouts writes the action of a canary Ingress at run time, under the name of `trafficRouting.alb.rootService` (else `stableService`): a backend with another name gets no action.',
    fix: 'Add the missing Service to the manifests, or correct the backend name; for Argo Rollouts, name the Ingress backend after `rootService` (or `stableService` when rootService is not set).',
    scope:
      'Ingresses of class alb and TargetGroupBindings, in namespaces where other workloads or Services are among the inputs (a Service may come from another repository otherwise).',
    params: {},
    references: [
      {
        title:
          'pkg/ingress/enhanced_backend_builder.go (aws-load-balancer-controller): 503 for a missing backend Service or action',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/ingress/enhanced_backend_builder.go',
      },
      {
        title: 'Ingress annotations: actions (AWS Load Balancer Controller)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions',
      },
      {
        title: 'AWS Load Balancer Controller traffic routing: rootService (Argo Rollouts docs)',
        url: 'https://argoproj.github.io/argo-rollouts/features/traffic-management/alb/',
      },
    ],
    examples: {
      incorrect: 'backend:\n  service:\n    name: web-svc   # no Service web-svc; the Service is called web',
      correct: 'backend:\n  service:\n    name: web',
    },
  },
  check(ctx) {
    const services = ctx.graph.services;
    for (const m of ctx.graph.missingBackends()) {
      const ns = m.via.namespace;
      if (ns === undefined || !ctx.graph.namespaceHasInputs(ns)) continue;
      const names = services.filter((s) => s.namespace === ns).map((s) => s.name);
      ctx.report({
        object: m.via,
        path: m.path,
        message: message(m, ns, suggest(m.service, names).replace(/^; did you mean/, ' Did you mean')),
      });
    }
  },
});

function message(m: MissingBackend, ns: string, hint: string): string {
  const via = describeObject(m.via);
  if (m.missingAction) {
    const argo = m.argoRollout
      ? ` ${describeObject(m.argoRollout.rollout)} routes this Ingress under the action \`${m.argoRollout.action}\` (its trafficRouting.alb.rootService, else its stableService), not \`${m.service}\`: set rootService: ${m.service}, or name the backend ${m.argoRollout.action}.`
      : ` Add the action annotation, or name a Service and port.`;
    return `${via}: the backend \`${m.service}\` uses \`use-annotation\`, but there is no \`${ALB_PREFIX}actions.${m.service}\` annotation, so the controller answers its rule with a fixed 503 ("Backend action does not exist").${argo}`;
  }
  if (m.via.kind === 'TargetGroupBinding')
    return `${via} binds Service ${ns}/${m.service}, which is not among the inputs while other objects of namespace ${ns} are: the controller registers no targets, and the target group stays empty.${hint} Add the Service, or correct spec.serviceRef.name.`;
  const effect =
    m.siblings > 0
      ? 'the controller fails to build the whole Ingress (and its IngressGroup) while one Service of a forward action is missing'
      : 'the controller answers its rule with a fixed 503 ("Backend service does not exist")';
  return `${via} routes to Service ${ns}/${m.service}, which is not among the inputs while other objects of namespace ${ns} are: ${effect}.${hint} Add the Service, or correct the backend name.`;
}
