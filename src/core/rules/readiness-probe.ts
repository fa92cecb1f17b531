import { probeOf } from '../pod/probes.js';
import { defineRule } from './rule.js';
import { front, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'readiness-probe',
    severity: 'error',
    summary: 'Every serving container has a readinessProbe.',
    rationale:
      'Without a readiness probe a pod is Ready as soon as its containers start, before the application listens. The endpoint controller then adds it to the Service and the load balancer controller registers it, so requests reach a process that is still booting (seed 004: gunicorn workers were slower than Kubernetes). A startupProbe does not replace it: it gates liveness, not readiness.',
    fix: 'Add a `readinessProbe` to the container that serves the Service port, checking an endpoint that answers only when the application can take traffic.',
    scope: 'Containers exposing a port that a Service targets, in workloads a Service selects.',
    params: {},
    examples: {
      incorrect: 'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80',
      correct:
        'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n  readinessProbe:\n    httpGet: {path: /healthz, port: 80}\n    periodSeconds: 5',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      for (const c of servingContainers(ctx.graph, w)) {
        if (probeOf(c, 'readinessProbe')) continue;
        const served = ctx.graph.servingContainers(w).find((s) => s.container === c);
        const target = served ? (served.port.targetPort ?? served.port.port) : undefined;
        ctx.report({
          object: w.object,
          path: [...c.path, 'readinessProbe'],
          container: c.name,
          message: `${who(w, c)} has no readinessProbe: the pod is Ready, and receives traffic from ${front(ctx.graph, w)}, before the application can answer. Add a readinessProbe that checks the serving port${target === undefined ? '' : ` (${target})`}, e.g. httpGet on a path that answers only when the application can take traffic.`,
        });
      }
    }
  },
});
