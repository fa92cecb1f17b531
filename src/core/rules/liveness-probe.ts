import { probeKey, probeOf } from '../pod/probes.js';
import { defineRule } from './rule.js';
import { front, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'liveness-probe',
    severity: 'warning',
    summary: 'Serving containers have a liveness probe, and it is not a copy of the readiness probe.',
    rationale:
      'A liveness probe restarts a container that hangs; without one a stuck process stays registered until someone notices. But a liveness probe identical to the readiness probe fails at the same moment: a pod that is only briefly overloaded is restarted instead of being taken out of the target group, and under load the restarts cascade across replicas. Readiness should check "can I take traffic now", liveness "am I beyond recovery".',
    fix: 'Give the container a liveness probe on a cheaper endpoint (or with a higher failureThreshold) than its readiness probe.',
    scope: 'Serving containers of workloads a Service selects.',
    params: {},
    variants: [
      { severity: 'warning', when: 'the liveness probe is identical to the readiness probe (same check, same timing)' },
      { severity: 'notice', when: 'the container has no liveness probe' },
    ],
    examples: {
      incorrect:
        'readinessProbe:\n  httpGet: {path: /healthz, port: http}\nlivenessProbe:\n  httpGet: {path: /healthz, port: http}',
      correct:
        'readinessProbe:\n  httpGet: {path: /ready, port: http}\nlivenessProbe:\n  httpGet: {path: /livez, port: http}\n  failureThreshold: 6',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      for (const c of servingContainers(ctx.graph, w)) {
        const live = probeOf(c, 'livenessProbe');
        const ready = probeOf(c, 'readinessProbe');
        if (!live) {
          ctx.report({
            object: w.object,
            path: [...c.path, 'livenessProbe'],
            container: c.name,
            severity: 'notice',
            message: `${who(w, c)} has no livenessProbe: a hung process keeps receiving traffic from ${front(ctx.graph, w)} until it is restarted by hand. Consider a liveness probe that differs from the readiness probe.`,
          });
          continue;
        }
        if (!ready) continue;
        const a = probeKey(c, live);
        if (a === undefined || a !== probeKey(c, ready)) continue;
        ctx.report({
          object: w.object,
          path: [...c.path, 'livenessProbe'],
          container: c.name,
          severity: 'warning',
          message: `${who(w, c)}: the livenessProbe is identical to the readinessProbe (same check and timing), so a briefly overloaded pod is restarted instead of just leaving the target group, and restarts can cascade under load. Point liveness at a cheaper endpoint or give it a higher failureThreshold.`,
        });
      }
    }
  },
});
