import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'target-type-ip',
    severity: 'warning',
    appliesTo: 'load-balanced',
    summary: 'Load balancers register pods directly (target type ip).',
    rationale:
      "With instance targets the load balancer sends traffic to every node's NodePort and kube-proxy forwards it, possibly to another node: an extra hop, kube-proxy's up-to-30 s iptables sync in every deregistration, and health checks that test a node rather than the pod. Pod readiness gates cannot work, because the target group knows nothing of pods. The controller's default for Ingresses is instance unless `target-type: ip` is set (or IngressClassParams spec.targetType); for NLB Services it is set by `aws-load-balancer-type: nlb-ip` or `aws-load-balancer-nlb-target-type: ip`. The EKS Best Practices Guide: \"Use IP Target-Type Load Balancers\". A TargetGroupBinding without targetType that binds a ClusterIP Service is an ip target group already (instance targets need a NodePort).",
    fix: 'Set `alb.ingress.kubernetes.io/target-type: ip` on the Ingress or Service (or `targetType: ip` in IngressClassParams); for NLB, `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`.',
    scope: 'Ingresses of class alb, NLB Services the controller reconciles, and TargetGroupBindings.',
    params: {},
    references: [
      {
        title: 'Use IP target-type load balancers (Amazon EKS Best Practices Guide, Networking: load balancing)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
      },
      {
        title: 'Ingress annotations: target-type (AWS Load Balancer Controller)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-type',
      },
    ],
    examples: {
      incorrect:
        'kind: Ingress\nmetadata:\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb',
      correct:
        'kind: Ingress\nmetadata:\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\n    alb.ingress.kubernetes.io/target-type: ip\nspec:\n  ingressClassName: alb',
    },
  },
  check(ctx) {
    const groups = new Map<string, { services: Set<string>; e: (typeof ctx.graph.exposures)[number] }>();
    for (const e of ctx.graph.exposures) {
      if (e.targetType.value === 'ip') continue;
      if (e.targetType.value === undefined && !e.targetType.explicit) continue; // TargetGroupBinding without targetType: AWS decides
      const s = e.targetType.source;
      const key = `${s.object.doc.file.path}\u0000${s.object.doc.index}\u0000${String(s.object.base)}\u0000${s.path.join('.')}`;
      const g = groups.get(key) ?? { services: new Set<string>(), e };
      g.services.add(e.service.name);
      groups.set(key, g);
    }
    for (const { services, e } of groups.values()) {
      const svc = [...services].map((n) => `Service ${n}`).join(', ');
      const s = e.targetType.source;
      const fix =
        e.lb === 'nlb'
          ? 'set service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip'
          : e.via.kind === 'TargetGroupBinding'
            ? 'use spec.targetType: ip with an ip target group'
            : 'set alb.ingress.kubernetes.io/target-type: ip';
      const via = e.via === e.service ? describeObject(e.via) : `${describeObject(e.via)} (${svc})`;
      const message =
        e.targetType.value === undefined
          ? `${via}: the target type \`${String(field(s.object, s.path))}\` is neither ip nor instance, so the controller rejects it and builds no target group; ${fix}.`
          : `${via}: ${e.targetType.explicit ? 'the target type is instance' : (e.targetType.why ?? "no target type is set, so the controller's default, instance, applies")}. Traffic takes an extra hop through kube-proxy and pod readiness gates cannot work; ${fix}.`;
      ctx.report({ object: s.object, path: s.path, message });
    }
  },
});
