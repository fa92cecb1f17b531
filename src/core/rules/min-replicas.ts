import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { front } from './shared.js';

export default defineRule({
  meta: {
    id: 'min-replicas',
    severity: 'warning',
    summary: 'Served workloads run at least two replicas.',
    rationale:
      'With a single replica every rollout, eviction or crash leaves the target group with one target in `initial` or `draining` and none healthy, however well the rest is configured (seed 002: "with few replicas ... at some moment no pod may receive traffic"). When an HPA targets the workload, its minReplicas is the floor that counts; an unset `replicas` means 1.',
    fix: 'Set `spec.replicas` (or the HPA `minReplicas`) to at least `minimum`.',
    scope: 'Workloads a Service selects.',
    params: {
      minimum: { type: 'integer', default: 2, minimum: 1, description: 'Fewest replicas a served workload may run.' },
    },
    examples: { incorrect: 'spec:\n  replicas: 1', correct: 'spec:\n  replicas: 3' },
  },
  check(ctx) {
    const min = ctx.params.minimum;
    for (const w of ctx.graph.servedWorkloads()) {
      const r = ctx.graph.minReplicas(w);
      if (r.value >= min) continue;
      const viaHpa = r.object !== w.object;
      const explicit = field(r.object, r.path) !== undefined;
      const n = `${r.value} replica${r.value === 1 ? '' : 's'}`;
      const risk =
        r.value <= 1
          ? `any rollout or eviction leaves ${front(ctx.graph, w)} without a ready pod`
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
