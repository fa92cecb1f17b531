import { describeObject } from '../manifest/types.js';
import { scaledValue } from '../rollout/fenceposts.js';
import { defineRule } from './rule.js';
import { intOrPercent } from './shared.js';

export default defineRule({
  meta: {
    id: 'pdb-blocks-drain',
    severity: 'warning',
    appliesTo: 'workloads',
    summary: 'A PodDisruptionBudget still allows one voluntary eviction.',
    rationale:
      'A budget that allows no eviction (maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replica count) makes `kubectl drain` and node upgrades hang on these pods until someone deletes the budget by hand, usually in a hurry, which is when outages happen. The Kubernetes docs: "If you set maxUnavailable to 0% or 0, or you set minAvailable to 100% or the number of replicas, you are requiring zero voluntary evictions. When you set zero voluntary evictions for a workload object such as ReplicaSet, then you cannot successfully drain a Node running one of those Pods." With an HPA, the replica count that matters is minReplicas.',
    fix: 'Use `maxUnavailable: 1` (or a percentage that allows at least one), or a `minAvailable` below the replica count.',
    scope:
      'Every PodDisruptionBudget; replica counts come from the workloads it selects (HPA minReplicas when one targets them).',
    params: {},
    references: [
      {
        title: 'Specifying a Disruption Budget for your Application (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
      },
    ],
    examples: {
      incorrect: 'spec:\n  minAvailable: 3   # Deployment has replicas: 3\n  selector: {matchLabels: {app: web}}',
      correct: 'spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}',
    },
  },
  check(ctx) {
    for (const pdb of ctx.graph.pdbs()) {
      const o = pdb.object;
      const minAvailable = intOrPercent(o, ['spec', 'minAvailable']);
      const maxUnavailable = intOrPercent(o, ['spec', 'maxUnavailable']);
      const workloads = ctx.graph.workloadsOfPdb(pdb);
      const block = (path: string[], why: string, fix: string): void =>
        ctx.report({
          object: o,
          path,
          ...(workloads[0] ? { subject: workloads[0].object } : {}),
          message: `${describeObject(o)} allows no voluntary eviction: ${why}, so node drains and upgrades block on these pods. ${fix}`,
        });
      if (maxUnavailable.set) {
        // A maxUnavailable percentage rounds up, so only 0 (or 0%) blocks every eviction.
        const u = maxUnavailable.value;
        if (u === 0 || u === '0%') {
          block(
            ['spec', 'maxUnavailable'],
            `maxUnavailable: ${String(u)}`,
            'Use maxUnavailable: 1 (or a percentage above 0%).',
          );
        }
        continue;
      }
      const min = minAvailable.value;
      if (min === '100%') {
        block(
          ['spec', 'minAvailable'],
          'minAvailable: 100%',
          'Use maxUnavailable: 1, or a minAvailable percentage that leaves one pod to evict.',
        );
        continue;
      }
      if (min === undefined || workloads.length === 0) continue;
      // The disruption controller weighs minAvailable against every pod the budget selects (the
      // workloads' replicas summed, HPA minReplicas where an HPA scales them) and rounds a
      // percentage up (pkg/controller/disruption getExpectedPodCount).
      const counts = workloads.map((w) => ({ w, r: ctx.graph.minReplicas(w) }));
      if (counts.some((c) => c.r.value === undefined)) continue;
      const total = counts.reduce((n, c) => n + (c.r.value as number), 0);
      const need = scaledValue(min, total, true);
      if (total === 0 || need < total) continue;
      const from = counts
        .map(
          ({ w, r }) =>
            `${describeObject(w.object)} ${r.object === w.object ? 'replicas' : 'HPA minReplicas'}: ${String(r.value)}`,
        )
        .join(' + ');
      block(
        ['spec', 'minAvailable'],
        `minAvailable ${String(min)} requires ${need} of the ${total} pod${total === 1 ? '' : 's'} it selects (${from}) to stay up`,
        total > 1
          ? `Use maxUnavailable: 1, or minAvailable: ${total - 1} at most.`
          : 'Use maxUnavailable: 1, and run at least 2 replicas.',
      );
    }
  },
});
