import { failureWindow, handlerKey, probeOf, timingOf } from '../pod/probes.js';
import { defineRule } from './rule.js';
import { front, seconds, servingContainers, who } from './shared.js';

/** The HTTP headers a probe sends: probes on the same endpoint with different headers are not identical. */
function headersOf(probe: Record<string, unknown>): string {
  const h = probe.httpGet;
  return JSON.stringify(h !== null && typeof h === 'object' && 'httpHeaders' in h ? h.httpHeaders : []);
}

export default defineRule({
  meta: {
    id: 'liveness-probe',
    severity: 'warning',
    appliesTo: 'served',
    summary: 'Serving containers have a liveness probe that does not fail together with the readiness probe.',
    rationale:
      'A liveness probe restarts a container that hangs; without one a stuck process stays registered until someone notices. But a liveness probe on the same endpoint as the readiness probe, with an equal or shorter failure window (failureThreshold × periodSeconds), fails at the same moment or sooner: a pod that is only briefly overloaded is restarted instead of being taken out of the target group, and under load the restarts cascade across replicas. Readiness should check "can I take traffic now", liveness "am I beyond recovery" (kube-score, pod-probes-identical, flags a liveness probe on the readiness endpoint).',
    fix: 'Point the liveness probe at a cheaper endpoint than the readiness probe, or give it a longer failure window (a higher failureThreshold or periodSeconds).',
    scope: 'Serving containers of workloads a Service selects.',
    params: {},
    variants: [
      {
        severity: 'warning',
        when: 'the liveness probe checks the same endpoint as the readiness probe and gives up no later than it',
      },
      { severity: 'notice', when: 'the container has no liveness probe' },
    ],
    references: [
      {
        title: 'Configure Liveness, Readiness and Startup Probes (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
      },
      {
        title: 'kube-score: pod-probes-identical (README_PROBES.md)',
        url: 'https://github.com/zegl/kube-score/blob/master/README_PROBES.md',
      },
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
            message: `${who(w, c)} has no livenessProbe: a hung process keeps receiving traffic from ${front(ctx, w)} until it is restarted by hand. Consider a liveness probe that differs from the readiness probe.`,
          });
          continue;
        }
        if (!ready) continue;
        const endpoint = handlerKey(c, live);
        if (endpoint === undefined || endpoint !== handlerKey(c, ready)) continue;
        const lt = timingOf(c, 'livenessProbe');
        const rt = timingOf(c, 'readinessProbe');
        if (!lt || !rt) continue;
        const lw = failureWindow(lt);
        const rw = failureWindow(rt);
        if (lw > rw) continue;
        const identical = JSON.stringify(lt) === JSON.stringify(rt) && headersOf(live) === headersOf(ready);
        ctx.report({
          object: w.object,
          path: [...c.path, 'livenessProbe'],
          container: c.name,
          severity: 'warning',
          message: `${who(w, c)}: the livenessProbe ${identical ? 'is identical to the readinessProbe (same check and timing)' : `checks the same endpoint as the readinessProbe and gives up ${lw === rw ? 'at the same time' : 'sooner'} (after ${seconds(lw)} of failures, against ${seconds(rw)})`}, so a briefly overloaded pod is restarted instead of just leaving the target group, and restarts can cascade under load. Point liveness at a cheaper endpoint or give it a longer failure window (failureThreshold × periodSeconds above ${seconds(rw)}).`,
        });
      }
    }
  },
});
