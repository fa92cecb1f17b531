import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { gracePeriod, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'deregistration-delay',
    severity: 'warning',
    summary: "The target group's deregistration delay outlasts the pod's grace period.",
    rationale:
      'When a target is deregistered the load balancer stops sending it new requests and waits up to the deregistration delay for in-flight ones; then it closes the connections. A pod may take up to terminationGracePeriodSeconds to finish its requests after deletion. If the delay is shorter, the load balancer cuts connections the pod is still draining and the client sees a 5xx (seed 004: "if a deregistering target terminates the connection before the deregistration delay elapses, the client receives a 500-level error"; seed 002: preStop + shutdown < terminationGracePeriodSeconds < deregistration delay). AWS\'s default is 300 s; the controller sets none.',
    fix: 'Set `deregistration_delay.timeout_seconds` in the `target-group-attributes` annotation to at least terminationGracePeriodSeconds, or shorten the grace period.',
    scope: 'Services exposed through the controller (alb Ingress or NLB Service) and the workloads they select. TargetGroupBindings are skipped: their target group is configured elsewhere.',
    params: {},
    examples: {
      incorrect: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30\n# pods: terminationGracePeriodSeconds: 60',
      correct: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=70\n# pods: terminationGracePeriodSeconds: 60',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      const grace = gracePeriod(w);
      for (const e of ctx.graph.exposuresOf(w)) {
        const d = e.deregistrationDelay;
        if (!d || d.value >= grace.seconds) continue;
        ctx.report({
          object: d.source.object,
          path: d.source.path,
          subject: w.object,
          message: `deregistration_delay.timeout_seconds is ${d.value}${d.explicit ? '' : ' (AWS default)'} for the target group of ${describeObject(e.via)} → Service ${e.service.name}, but ${who(w)} pods may take ${grace.seconds}s (terminationGracePeriodSeconds) to finish in-flight requests: the load balancer closes connections they are still draining. Set it to at least ${grace.seconds}.`,
        });
      }
    }
  },
});
