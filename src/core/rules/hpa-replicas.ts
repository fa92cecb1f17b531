import { describeObject } from '../manifest/types.js';
import { readInt } from '../schema/read.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'hpa-replicas',
    severity: 'warning',
    appliesTo: 'workloads',
    summary: 'A workload that a HorizontalPodAutoscaler scales does not set spec.replicas.',
    rationale:
      'When an HPA manages a Deployment, StatefulSet or Rollout, the replica count is the HPA\'s to set. A manifest that also sets `spec.replicas` resets it to that value on every `kubectl apply` (and every `helm upgrade`, which merges the same way): a workload the HPA scaled to 12 drops to 3 at the start of the deploy, exactly when old and new pods are being replaced, and the HPA needs minutes to scale back. The Kubernetes docs: "When an HPA is enabled, it is recommended that the value of spec.replicas of the Deployment and / or StatefulSet be removed from their manifest(s)."',
    fix: 'Remove `spec.replicas` from the manifest (the HPA owns it), migrating as the Kubernetes docs describe so the live count is not reset to 1 on the way.',
    scope: 'Every Deployment, StatefulSet and Argo Rollout that a HorizontalPodAutoscaler among the inputs targets.',
    params: {},
    references: [
      {
        title: 'Migrating Deployments and StatefulSets to horizontal autoscaling (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling',
      },
    ],
    examples: {
      incorrect: 'kind: Deployment\nspec:\n  replicas: 3   # and an HPA scales it',
      correct: 'kind: Deployment\nspec:\n  # no replicas: the HPA sets it',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.workloads) {
      const hpa = ctx.graph.hpaOf(w);
      if (!hpa) continue;
      const r = readInt(w.object, ['spec', 'replicas']);
      if (r.state !== 'set') continue;
      ctx.report({
        object: w.object,
        path: ['spec', 'replicas'],
        subject: w.object,
        message: `${describeObject(hpa)} scales ${describeObject(w.object)}, which also sets replicas: ${r.value}: every apply of this manifest resets the replica count to ${r.value}, whatever the HPA has scaled it to, a capacity drop at the start of each deploy. Remove spec.replicas and let the HPA own it.`,
      });
    }
  },
});
