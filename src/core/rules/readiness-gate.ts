import type { Workload } from '../graph/workload.js';
import { describeObject, isObject, type K8sObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { list } from './shared.js';

export const INJECT_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';
export const CONDITION_PREFIX = 'target-health.elbv2.k8s.aws/';

export default defineRule({
  meta: {
    id: 'readiness-gate',
    severity: 'error',
    appliesTo: 'load-balanced',
    summary: "Pods behind ip targets get the controller's readiness gate (namespace label).",
    rationale:
      "Without a readiness gate a new pod is Ready as soon as its own probe passes, while its target is still `initial` in the target group; the deployment controller then deletes an old pod that is still the load balancer's only healthy target. With the namespace label `elbv2.k8s.aws/pod-readiness-gate-inject: enabled`, the controller's webhook adds a `target-health.elbv2.k8s.aws/<binding>` gate at pod creation and sets it True only when the target is healthy, so the rollout waits for the load balancer. It works only for ip targets, and only for pods created after the label and the Ingress/Service exist. A TargetGroupBinding without `targetType` that binds a ClusterIP Service is an ip target group (instance targets need a NodePort), so it needs the label too.",
    fix: 'Label the namespace: `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` (in its manifest, or `kubectl label namespace <ns> elbv2.k8s.aws/pod-readiness-gate-inject=enabled`), before the pods are created.',
    scope:
      'Workloads behind a load balancer with ip targets. Not applicable to instance targets. One finding per Namespace, listing its workloads.',
    params: {},
    variants: [
      { severity: 'error', when: 'the Namespace object is among the inputs and lacks the label' },
      { severity: 'warning', when: 'the Namespace object is not among the inputs, so zd-gate cannot see its labels' },
    ],
    references: [
      {
        title: 'Pod readiness gate (AWS Load Balancer Controller docs)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/',
      },
      {
        title: 'Utilize Pod Readiness Gates (Amazon EKS Best Practices Guide, Networking: load balancing)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
      },
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
      correct:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
    },
  },
  check(ctx) {
    const byNamespace = new Map<K8sObject, { w: Workload; via: K8sObject }[]>();
    for (const w of ctx.graph.servedWorkloads()) {
      const ns = w.object.namespace;
      const ip = ctx.graph.exposuresOf(w).find((e) => e.targetType.value === 'ip');
      if (ns === undefined || !ip || hasGateInTemplate(w)) continue;
      const nsObj = ctx.graph.namespace(ns);
      if (!nsObj) {
        ctx.report({
          object: w.object,
          path: ['metadata', 'namespace'],
          severity: 'warning',
          message: `${describeObject(w.object)} sits behind the ip targets of ${describeObject(ip.via)}, but Namespace ${ns} is not among the inputs, so its \`${INJECT_LABEL}: enabled\` label cannot be checked. Without it, pods go Ready before their targets are healthy. Include the Namespace manifest, or make sure it is labelled before the pods are created.`,
        });
        continue;
      }
      if (nsObj.labels[INJECT_LABEL] === 'enabled') continue;
      byNamespace.set(nsObj, [...(byNamespace.get(nsObj) ?? []), { w, via: ip.via }]);
    }
    // One finding per Namespace, listing its workloads; each workload can still be suppressed on its own.
    for (const [nsObj, items] of byNamespace) {
      const value = nsObj.labels[INJECT_LABEL];
      ctx.report({
        object: nsObj,
        path: ['metadata', 'labels', INJECT_LABEL],
        subjects: items.map((i) => i.w.object),
        message: (subjects) => {
          const kept = items.filter((i) => subjects.includes(i.w.object));
          const names = kept.map(
            (i) => `${describeObject(i.w.object)} (behind the ip targets of ${describeObject(i.via)})`,
          );
          return `Namespace ${nsObj.name} ${value === undefined ? 'has no' : `has \`${value}\` instead of \`enabled\` for the`} \`${INJECT_LABEL}\` label, so the pods of ${list(names)} get no readiness gate: they go Ready before the load balancer finds them healthy and the rollout outruns it. Add the label \`${INJECT_LABEL}: enabled\` (before the pods are created).`;
        },
      });
    }
  },
});

/** A gate written into the template by hand counts as well (the controller still manages its condition). */
function hasGateInTemplate(w: Workload): boolean {
  const gates = w.podSpec.readinessGates;
  return (
    Array.isArray(gates) &&
    gates.some(
      (g) => isObject(g) && typeof g.conditionType === 'string' && g.conditionType.startsWith(CONDITION_PREFIX),
    )
  );
}
