import { field } from '../manifest/objects.js';
import { describeObject } from '../manifest/types.js';
import { resolveFenceposts, scaledValue } from '../rollout/fenceposts.js';
import { defineRule } from './rule.js';
import { front, intOrString } from './shared.js';

export default defineRule({
  meta: {
    id: 'rolling-update',
    severity: 'error',
    summary: 'Served Deployments roll out a few pods at a time.',
    rationale:
      '`strategy.type: Recreate` deletes every pod before creating the new ones: the target group is empty until the new pods register and pass health checks, a guaranteed outage. A maxUnavailable that resolves to all replicas does the same within a RollingUpdate. The deployment controller rounds maxUnavailable percentages down and maxSurge up, and uses maxUnavailable 1 when both come to 0.',
    fix: 'Use `strategy.type: RollingUpdate` with a maxUnavailable below the replica count (the default 25%, or 1) and a maxSurge of at least 1.',
    scope:
      'Deployments a Service selects. The replica count is the HPA minReplicas when an HPA targets the Deployment.',
    params: {},
    examples: {
      incorrect: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxUnavailable: 100%}',
      correct: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      if (w.object.kind !== 'Deployment') continue;
      const type = field(w.object, ['spec', 'strategy', 'type']);
      if (type === 'Recreate') {
        ctx.report({
          object: w.object,
          path: ['spec', 'strategy', 'type'],
          message: `${describeObject(w.object)} uses strategy Recreate: every pod is deleted before the new ones exist, so ${front(ctx.graph, w)} has no ready pod during each deploy. Use RollingUpdate.`,
        });
        continue;
      }
      const replicas = ctx.graph.minReplicas(w).value;
      if (replicas < 1) continue;
      const raw = field(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
      const surge = field(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
      // apps/v1 defaults both to 25%.
      const s = surge === undefined ? '25%' : intOrString(surge);
      const u = raw === undefined ? '25%' : intOrString(raw);
      if (s === undefined || u === undefined) continue;
      const f = resolveFenceposts(s, u, replicas);
      if (f.unavailable < replicas) continue;
      // Both 0 after rounding: the deployment controller takes maxUnavailable 1 so the rollout moves.
      const bothZero = scaledValue(u, replicas, false) === 0;
      const how = bothZero
        ? `maxSurge ${String(surge ?? '25%')} and maxUnavailable ${String(raw ?? '25%')} both resolve to 0 of ${replicas} replica${replicas === 1 ? '' : 's'}, so the deployment controller uses maxUnavailable 1`
        : `maxUnavailable ${String(raw ?? '25%')} resolves to ${f.unavailable} of ${replicas} replica${replicas === 1 ? '' : 's'}`;
      ctx.report({
        object: w.object,
        path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
        message: `${describeObject(w.object)}: ${how}, so a rollout may take every pod out of the target group at once. ${
          replicas === 1
            ? 'Use maxSurge: 1 with maxUnavailable: 0, so the new pod is Ready before the old one stops (and run at least 2 replicas).'
            : `Use a maxUnavailable of at most ${replicas - 1} (the default 25%, or 1) with maxSurge of at least 1.`
        }`,
      });
    }
  },
});
