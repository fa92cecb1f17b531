import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { front } from './shared.js';

export default defineRule({
  meta: {
    id: 'min-replicas',
    severity: 'warning',
    appliesTo: 'served',
    summary: 'Served workloads run at least two replicas (single-instance stateful stores excepted).',
    rationale:
      'With a single replica every rollout, eviction or crash leaves the target group with one target in `initial` or `draining` and none healthy, however well the rest is configured. When an HPA targets the workload, its minReplicas is the floor that counts; an unset `replicas` means 1.\n\nA single instance of a stateful store is different: a second replica of a MySQL or Postgres StatefulSet, a Redis Deployment, or any pod with a ReadWriteOnce volume is a second, independent database (or a pod that cannot attach the volume), not a copy. zd-gate gives no replica advice there: making such a store highly available takes replication the application has to provide (an operator, a managed service).',
    fix: 'Set `spec.replicas` (or the HPA `minReplicas`) to at least `minimum`.',
    scope:
      'Workloads a Service selects, except single-instance stateful stores (a StatefulSet with volume claim templates, a pod with a ReadWriteOnce claim, or a data-store image such as mysql, postgres, redis, mongo, rabbitmq).',
    params: {
      minimum: { type: 'integer', default: 2, minimum: 1, description: 'Fewest replicas a served workload may run.' },
    },
    references: [
      {
        title: 'Run multiple replicas (Amazon EKS Best Practices Guide, Reliability: Applications)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
      },
    ],
    examples: { incorrect: 'spec:\n  replicas: 1', correct: 'spec:\n  replicas: 3' },
  },
  check(ctx) {
    const min = ctx.params.minimum;
    for (const w of ctx.graph.servedWorkloads()) {
      const r = ctx.graph.minReplicas(w);
      if (r.value === undefined || r.value >= min || ctx.graph.singleInstanceStore(w) !== undefined) continue;
      const viaHpa = r.object !== w.object;
      const explicit = field(r.object, r.path) !== undefined;
      const n = `${r.value} replica${r.value === 1 ? '' : 's'}`;
      const risk =
        r.value <= 1
          ? `any rollout or eviction leaves ${front(ctx, w)} without a ready pod`
          : `fewer than the minimum of ${min}: a rollout or an eviction leaves few healthy targets to carry the load`;
      ctx.report({
        object: r.object,
        path: r.path,
        subject: w.object,
        message: viaHpa
          ? `${describeObject(r.object)} lets ${describeObject(w.object)} scale down to ${n} (minReplicas${explicit ? '' : ' unset, the default'}): ${risk}. Set minReplicas to at least ${min}.`
          : `${describeObject(w.object)} runs ${n}${explicit ? '' : ' (replicas unset)'}: ${risk}. Set replicas to at least ${min}.`,
      });
    }
  },
});
