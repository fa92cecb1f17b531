import { describeObject } from '../manifest/types.js';
import { resolveFenceposts, scaledValue } from '../rollout/fenceposts.js';
import { readString } from '../schema/read.js';
import { defineRule } from './rule.js';
import { front, intOrPercent } from './shared.js';

export default defineRule({
  meta: {
    id: 'rolling-update',
    severity: 'error',
    appliesTo: 'served',
    summary: 'Served Deployments roll out a few pods at a time.',
    rationale:
      '`strategy.type: Recreate` deletes every pod before creating the new ones: the target group is empty until the new pods register and pass health checks, a guaranteed outage. A maxUnavailable that resolves to all replicas does the same within a RollingUpdate. The deployment controller rounds maxUnavailable percentages down and maxSurge up, and uses maxUnavailable 1 when both come to 0.\n\nOne exception gets no advice: a single replica that mounts a ReadWriteOnce volume. Recreate is what such a pod needs (a surge pod on another node cannot attach the volume, so a RollingUpdate hangs); going without downtime there takes shared storage or replication, not a strategy change.',
    fix: 'Use `strategy.type: RollingUpdate` with a maxUnavailable below the replica count (the default 25%, or 1) and a maxSurge of at least 1.',
    scope:
      'Deployments a Service selects, except single replicas with a ReadWriteOnce volume. The replica count is the HPA minReplicas when an HPA targets the Deployment.',
    params: {},
    references: [
      {
        title: 'Deployments: strategy, max unavailable, max surge (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
      },
    ],
    examples: {
      incorrect: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxUnavailable: 100%}',
      correct: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      if (w.object.kind !== 'Deployment') continue;
      const replicas = ctx.graph.minReplicas(w).value;
      if (replicas === undefined) continue;
      // A single pod with a ReadWriteOnce volume: Recreate is right, a surge pod could not attach it.
      if (replicas <= 1 && ctx.graph.exclusiveClaims(w).length > 0) continue;
      const type = readString(w.object, ['spec', 'strategy', 'type']);
      if (type.state === 'set' && type.value === 'Recreate') {
        ctx.report({
          object: w.object,
          path: ['spec', 'strategy', 'type'],
          message: `${describeObject(w.object)} uses strategy Recreate: every pod is deleted before the new ones exist, so ${front(ctx, w)} has no ready pod during each deploy. Use RollingUpdate.`,
        });
        continue;
      }
      if (replicas < 1) continue;
      const u = intOrPercent(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
      const s = intOrPercent(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
      // apps/v1 defaults both to 25%.
      const surge = s.set ? s.value : '25%';
      const unavailable = u.set ? u.value : '25%';
      if (surge === undefined || unavailable === undefined) continue;
      const f = resolveFenceposts(surge, unavailable, replicas);
      if (f.unavailable < replicas) continue;
      // Both 0 after rounding: the deployment controller takes maxUnavailable 1 so the rollout moves.
      const bothZero = scaledValue(unavailable, replicas, false) === 0;
      const how = bothZero
        ? `maxSurge ${String(surge)} and maxUnavailable ${String(unavailable)} both resolve to 0 of ${replicas} replica${replicas === 1 ? '' : 's'}, so the deployment controller uses maxUnavailable 1`
        : `maxUnavailable ${String(unavailable)} resolves to ${f.unavailable} of ${replicas} replica${replicas === 1 ? '' : 's'}`;
      ctx.report({
        object: w.object,
        path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
        message: `${describeObject(w.object)}: ${how}, so a rollout may take every pod out of ${ctx.graph.exposuresOf(w).length > 0 ? 'the target group' : 'service'} at once. ${
          replicas === 1
            ? `Use maxSurge: 1 with maxUnavailable: 0, so the new pod is Ready before the old one stops${ctx.graph.singleInstanceStore(w) ? '' : ' (and run at least 2 replicas)'}.`
            : `Use a maxUnavailable of at most ${replicas - 1} (the default 25%, or 1) with maxSurge of at least 1.`
        }`,
      });
    }
  },
});
