import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';
import { scaled } from '../graph/intstr.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'pdb-blocks-drain',
    severity: 'warning',
    summary: 'A PodDisruptionBudget still allows one voluntary eviction.',
    rationale:
      'A budget that allows no eviction (maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replica count) makes `kubectl drain` and node upgrades hang on these pods until someone deletes the budget by hand, usually in a hurry, which is when outages happen (seed 004: "you are requiring zero voluntary evictions ... you cannot successfully drain a Node"). With an HPA, the replica count that matters is minReplicas.',
    fix: 'Use `maxUnavailable: 1` (or a percentage that allows at least one), or a `minAvailable` below the replica count.',
    scope: 'Every PodDisruptionBudget; replica counts come from the workloads it selects (HPA minReplicas when one targets them).',
    params: {},
    examples: {
      incorrect: 'spec:\n  minAvailable: 3   # Deployment has replicas: 3\n  selector: {matchLabels: {app: web}}',
      correct: 'spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}',
    },
  },
  check(ctx) {
    for (const pdb of ctx.graph.pdbs()) {
      const o = pdb.object;
      const minAvailable = field(o, ['spec', 'minAvailable']);
      const maxUnavailable = field(o, ['spec', 'maxUnavailable']);
      const workloads = ctx.graph.workloadsOfPdb(pdb);
      const block = (path: string[], why: string): void =>
        ctx.report({
          object: o,
          path,
          ...(workloads[0] ? { subject: workloads[0].object } : {}),
          message: `${describeObject(o)} allows no voluntary eviction (${why}): node drains and upgrades block on these pods. Use maxUnavailable: 1, or a minAvailable below the replica count.`,
        });
      if (maxUnavailable !== undefined) {
        // A maxUnavailable percentage rounds up, so only 0 (or 0%) blocks every eviction.
        if (maxUnavailable === 0 || maxUnavailable === '0' || maxUnavailable === '0%') block(['spec', 'maxUnavailable'], `maxUnavailable: ${String(maxUnavailable)}`);
        continue;
      }
      if (minAvailable === '100%') {
        block(['spec', 'minAvailable'], 'minAvailable: 100%');
        continue;
      }
      if (minAvailable === undefined) continue;
      for (const w of workloads) {
        const replicas = ctx.graph.minReplicas(w);
        // The disruption controller rounds a minAvailable percentage up.
        const need = scaled(minAvailable as number | string, replicas.value, true);
        if (need !== undefined && replicas.value > 0 && need >= replicas.value) {
          const from = replicas.object === w.object ? `replicas: ${replicas.value}` : `HPA minReplicas: ${replicas.value}`;
          block(['spec', 'minAvailable'], `minAvailable ${String(minAvailable)} ≥ ${describeObject(w.object)} ${from}`);
          break;
        }
      }
    }
  },
});
