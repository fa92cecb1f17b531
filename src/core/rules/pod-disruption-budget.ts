import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { front } from './shared.js';

export default defineRule({
  meta: {
    id: 'pod-disruption-budget',
    severity: 'warning',
    summary: 'A PodDisruptionBudget covers the pods of every served workload.',
    rationale:
      'Node drains (upgrades, Karpenter consolidation, spot interruptions handled by a drain) evict pods through the eviction API, which honours PodDisruptionBudgets. Without one, a drain can evict every replica behind the load balancer at once, and the target group is left with nothing healthy (seed 004: "Configure a Pod Disruption Budget").',
    fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count).',
    scope: 'Workloads a Service selects.',
    params: {},
    examples: {
      incorrect: '# Deployment web, no PodDisruptionBudget selects app=web',
      correct:
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      if (ctx.graph.pdbsOf(w).length > 0) continue;
      ctx.report({
        object: w.object,
        path: ['metadata', 'name'],
        message: `No PodDisruptionBudget selects the pods of ${describeObject(w.object)}: a node drain may evict every replica behind ${front(ctx.graph, w)} at once. Add one with maxUnavailable: 1 and a selector matching the pod labels.`,
      });
    }
  },
});
