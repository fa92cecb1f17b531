import type { Exposure } from '../graph/lb.js';
import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { gracePeriod, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'deregistration-delay',
    severity: 'warning',
    appliesTo: 'load-balanced',
    summary: "The target group's deregistration delay outlasts the pod's grace period.",
    rationale:
      'When a target is deregistered the load balancer stops sending it new requests and waits up to the deregistration delay for in-flight ones; then it closes the connections. A pod may take up to terminationGracePeriodSeconds to finish its requests after deletion. If the delay is shorter, the load balancer cuts connections the pod is still draining and the client sees a 5xx (AWS: "If a deregistering target terminates the connection before the deregistration delay elapses, the client receives a 500-level error response"). The order that works is preStop delay + shutdown time < terminationGracePeriodSeconds ≤ deregistration delay. AWS\'s default is 300 s; the controller sets none.',
    fix: 'Set `deregistration_delay.timeout_seconds` in the `target-group-attributes` annotation to at least terminationGracePeriodSeconds, or shorten the grace period.',
    scope:
      'Services exposed through the controller (alb Ingress or NLB Service) and the workloads they select. TargetGroupBindings are skipped: their target group is configured elsewhere.',
    params: {},
    references: [
      {
        title: 'Deregistration delay (Elastic Load Balancing, Application Load Balancers: target groups)',
        url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay',
      },
      {
        title: 'Target group attributes annotation (AWS Load Balancer Controller, Ingress annotations)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-group-attributes',
      },
    ],
    examples: {
      incorrect:
        'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30\n# pods: terminationGracePeriodSeconds: 60',
      correct:
        'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=70\n# pods: terminationGracePeriodSeconds: 60',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      const grace = gracePeriod(w);
      if (!grace) continue;
      for (const e of ctx.graph.exposuresOf(w)) {
        const d = e.deregistrationDelay;
        if (!d || d.value >= grace.seconds) continue;
        ctx.report({
          object: d.source.object,
          path: d.source.path,
          subject: w.object,
          message: `deregistration_delay.timeout_seconds is ${d.value}${d.explicit ? '' : ' (AWS default)'} for the target group of ${e.via === e.service ? describeObject(e.via) : `${describeObject(e.via)} → Service ${e.service.name}`}, but ${who(w)} pods may take ${grace.seconds}s (terminationGracePeriodSeconds${grace.explicit ? '' : ', the default'}) to finish in-flight requests: the load balancer closes connections they are still draining. Set deregistration_delay.timeout_seconds=${grace.seconds} or more in the ${attributesKey(e)} annotation, or shorten terminationGracePeriodSeconds.`,
        });
      }
    }
  },
});

/** The annotation that sets the target group's attributes: the one already in use, else the one to add. */
function attributesKey(e: Exposure): string {
  const source = e.deregistrationDelay?.source;
  const last = source?.path[source.path.length - 1];
  if (typeof last === 'string' && last.endsWith('target-group-attributes')) return last;
  return e.lb === 'nlb'
    ? 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'
    : 'alb.ingress.kubernetes.io/target-group-attributes';
}
