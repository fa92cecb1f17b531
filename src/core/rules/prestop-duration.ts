import type { Exposure } from '../graph/lb.js';
import { knownDelay, preStopOf } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { seconds, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-duration',
    severity: 'warning',
    summary: 'The preStop delay outlasts the expected deregistration propagation.',
    rationale:
      'A preStop sleep only helps if it lasts until the load balancer has stopped sending new requests to the pod. The controller maintainers give the budget as *controller processing time + ELB API propagation time + HTTP request/response RTT + kube-proxy iptables update time* (M00nF1sh in aws-load-balancer-controller#1719, quoted in #2106). In ip mode the load balancer reaches pods directly, so kube-proxy drops out: about 15 s is the least that works in practice (seed 003 used 70 s; #1064 needed 25 s). In instance mode traffic crosses kube-proxy, whose iptables sync period is up to 30 s, on top. NLB deregistration is slower: users measure a minute to over two (#2366, #3270).',
    fix: 'Raise the preStop sleep to at least the threshold for the load balancer in front of the pod, and terminationGracePeriodSeconds with it.',
    scope: 'Serving containers with a readable preStop delay in workloads a Service selects. The threshold is the largest among the load balancers in front of the workload; with no load-balancer object among the inputs, the ALB ip threshold applies.',
    params: {
      'alb-ip-seconds': { type: 'integer', default: 15, minimum: 0, description: 'Least preStop delay behind an ALB with ip targets.' },
      'alb-instance-seconds': { type: 'integer', default: 45, minimum: 0, description: 'Least preStop delay behind an ALB with instance targets (kube-proxy sync adds up to 30 s).' },
      'nlb-seconds': { type: 'integer', default: 60, minimum: 0, description: 'Least preStop delay behind an NLB.' },
    },
    references: [
      { title: 'How can we find right value of sleep time for zero downtime rolling update? (aws-load-balancer-controller#2106)', url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2106' },
      { title: 'Getting 502/504 with Pod Readiness Gates during rolling updates (aws-load-balancer-controller#1719)', url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1719' },
      { title: 'pod termination might cause dropped connections (aws-load-balancer-controller#2366)', url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2366' },
    ],
    examples: {
      incorrect: '# behind an NLB\nlifecycle:\n  preStop:\n    exec: {command: ["sleep", "10"]}',
      correct: '# behind an NLB\nterminationGracePeriodSeconds: 90\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      sleep: {seconds: 70}',
    },
  },
  check(ctx) {
    const p = ctx.params;
    const threshold = (e: Exposure): { seconds: number; what: string } => {
      if (e.lb === 'nlb') return { seconds: p['nlb-seconds'], what: 'an NLB' };
      // A TargetGroupBinding without targetType takes the target group's, which the inputs do not
      // show: assume the lesser threshold rather than warn on a guess.
      const unknown = e.targetType.value === undefined && !e.targetType.explicit;
      // An invalid target type is taken as instance, the controller's default.
      if (unknown) return { seconds: p['alb-ip-seconds'], what: 'a target group whose target type is not among the inputs (ip assumed)' };
      if (e.targetType.value === 'ip') return { seconds: p['alb-ip-seconds'], what: e.lb === 'alb' ? 'an ALB with ip targets' : 'a load balancer with ip targets' };
      return { seconds: p['alb-instance-seconds'], what: e.lb === 'alb' ? 'an ALB with instance targets' : 'a load balancer with instance targets' };
    };
    for (const w of ctx.graph.servedWorkloads()) {
      const exposures = ctx.graph.exposuresOf(w);
      let need = { seconds: p['alb-ip-seconds'], what: 'an ALB with ip targets (no load balancer among the inputs)' };
      if (exposures.length > 0) {
        need = exposures.map(threshold).reduce((a, b) => (b.seconds > a.seconds ? b : a));
      }
      for (const c of servingContainers(ctx.graph, w)) {
        const hook = preStopOf(c);
        const delay = knownDelay(hook);
        if (delay === undefined || delay === 0 || delay >= need.seconds || hook.kind === 'none' || hook.kind === 'http') continue;
        ctx.report({
          object: w.object,
          path: hook.path,
          container: c.name,
          message: `${who(w, c)}: the preStop hook waits ${seconds(delay)}, less than the ${need.seconds}s deregistration takes to propagate behind ${need.what}; the load balancer still sends requests after the container stops. Sleep at least ${need.seconds}s (and raise terminationGracePeriodSeconds to match).`,
        });
      }
    }
  },
});
