import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'service-port',
    severity: 'error',
    appliesTo: 'workloads',
    summary: "A Service's targetPort resolves to a container port of the pods it selects.",
    rationale:
      'A named targetPort that no container declares resolves to nothing: the EndpointSlice has no port, the load balancer controller registers no targets, and the target group stays empty (the readiness gate, if any, never opens). A numeric targetPort works even when undeclared, since container ports are informational, but it usually means a typo or a port that moved; and zd-gate can only tell which container serves when the port is declared.',
    fix: 'Make `targetPort` name a port the serving container declares in `ports[].name`, or declare the numeric port in the container.',
    scope: 'Services that select at least one workload among the inputs.',
    params: {},
    variants: [
      { severity: 'error', when: 'a named targetPort resolves to no container port' },
      { severity: 'warning', when: 'a numeric targetPort is declared by no container' },
    ],
    examples: {
      incorrect: 'ports:\n- port: 80\n  targetPort: http   # container declares "web"',
      correct: 'ports:\n- port: 80\n  targetPort: web',
    },
  },
  check(ctx) {
    for (const svc of ctx.graph.services) {
      const workloads = ctx.graph.workloadsOf(svc);
      if (workloads.length === 0) continue;
      for (const port of ctx.graph.servicePorts(svc)) {
        const target = port.targetPort ?? port.port;
        if (target === undefined) continue;
        for (const w of workloads) {
          const declared = w.containers.some((c) =>
            c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)),
          );
          if (declared) continue;
          const named = typeof target === 'string';
          const names = [...new Set(w.containers.flatMap((c) => c.ports.flatMap((p) => (p.name ? [p.name] : []))))];
          const available = w.containers.flatMap((c) =>
            c.ports.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))),
          );
          ctx.report({
            object: svc,
            path: port.targetPort === undefined ? [...port.path, 'port'] : [...port.path, 'targetPort'],
            subject: w.object,
            severity: named ? 'error' : 'warning',
            message: named
              ? `${describeObject(svc)} port ${port.name ?? port.port ?? port.index} targets \`${target}\`, but no container of ${describeObject(w.object)} declares a port named \`${target}\`${available.length ? ` (it declares ${available.join(', ')})` : ''}: the Service has no endpoints for it and the load balancer no targets. ${names.length === 1 ? `Use targetPort: ${names[0]}, or name the container port \`${target}\`.` : 'Name a declared port.'}`
              : `${describeObject(svc)} port ${port.name ?? port.port ?? port.index} targets ${target}, which no container of ${describeObject(w.object)} declares${available.length ? ` (it declares ${available.join(', ')})` : ''}. Declare containerPort ${target} in the serving container, or fix the targetPort.`,
          });
        }
      }
    }
  },
});
