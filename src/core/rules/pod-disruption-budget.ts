import type { Pdb } from '../graph/graph.js';
import type { Workload } from '../graph/workload.js';
import { describeObject, type K8sObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { front, list } from './shared.js';

export default defineRule({
  meta: {
    id: 'pod-disruption-budget',
    severity: 'warning',
    appliesTo: 'served',
    summary: 'A PodDisruptionBudget covers the pods of every served workload, and none selects nothing.',
    rationale:
      'Node drains (upgrades, Karpenter consolidation, spot interruptions handled by a drain) evict pods through the eviction API, which honours PodDisruptionBudgets. Without one, a drain can evict every replica behind the load balancer at once, and the target group is left with nothing healthy. A budget whose selector matches no pod (a typo in a label, an empty `matchLabels` in the wrong place) protects nothing and looks like it does: zd-gate names that budget as the mistake.',
    fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count); or fix the selector of the budget that matches nothing.',
    scope: 'Workloads a Service selects.',
    params: {},
    references: [
      {
        title: 'Disruptions: Pod disruption budgets (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets',
      },
      {
        title: 'Configure Pod Disruption Budgets (Amazon EKS Best Practices Guide, Reliability)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
      },
    ],
    examples: {
      incorrect: '# Deployment web, no PodDisruptionBudget selects app=web',
      correct:
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
    },
  },
  check(ctx) {
    // Budgets that select no workload among the inputs, by namespace: the likely mistake behind a
    // workload without a budget in the same namespace.
    const orphans = new Map<string, Pdb[]>();
    for (const p of ctx.graph.pdbs()) {
      if (ctx.graph.workloadsOfPdb(p).length > 0) continue;
      const ns = p.object.namespace ?? '';
      orphans.set(ns, [...(orphans.get(ns) ?? []), p]);
    }
    const blamed = new Map<Pdb, Workload[]>();
    for (const w of ctx.graph.servedWorkloads()) {
      if (ctx.graph.pdbsOf(w).length > 0) continue;
      const candidates = orphans.get(w.object.namespace ?? '') ?? [];
      const best = closest(candidates, w);
      if (best) {
        blamed.set(best, [...(blamed.get(best) ?? []), w]);
        continue;
      }
      ctx.report({
        object: w.object,
        path: ['metadata', 'name'],
        message: `No PodDisruptionBudget selects the pods of ${describeObject(w.object)}: a node drain may evict every replica behind ${front(ctx, w)} at once. Add one with maxUnavailable: 1 and a selector matching the pod labels.`,
      });
    }
    for (const [pdb, workloads] of blamed) {
      const labels = (w: Workload): string =>
        Object.entries(w.podLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
      ctx.report({
        object: pdb.object,
        path: ['spec', 'selector'],
        subjects: workloads.map((w) => w.object),
        message: (subjects: readonly K8sObject[]) => {
          const ws = workloads.filter((w) => subjects.includes(w.object));
          return `${describeObject(pdb.object)} selects no pod among the inputs (${selectorText(pdb)}), so it protects nothing, and ${list(ws.map((w) => describeObject(w.object)))} ${ws.length === 1 ? 'has' : 'have'} no budget: a node drain may evict every replica at once. Make its selector match the pod labels (${list(ws.map(labels))}).`;
        },
      });
    }
  },
});

function selectorText(p: Pdb): string {
  const parts = [
    ...Object.entries(p.selector.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...p.selector.matchExpressions.map((e) => `${e.key} ${e.operator} (${e.values.join(', ')})`),
  ];
  return parts.length > 0 ? `selector ${parts.join(', ')}` : 'an empty selector';
}

/** The budget whose selector shares the most label keys with the workload's pods; undefined when none shares any. */
function closest(candidates: readonly Pdb[], w: Workload): Pdb | undefined {
  let best: Pdb | undefined;
  let score = 0;
  for (const p of candidates) {
    const keys = [...Object.keys(p.selector.matchLabels), ...p.selector.matchExpressions.map((e) => e.key)];
    const s = keys.filter((k) => k in w.podLabels).length;
    if (s > score) {
      best = p;
      score = s;
    }
  }
  return best;
}
