import { preStopOf, protectiveDelay } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { DEFAULT_THRESHOLDS, deregistrationThreshold, seconds, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-duration',
    severity: 'warning',
    appliesTo: 'load-balanced',
    summary: 'The preStop delay outlasts the expected deregistration propagation.',
    rationale:
      'A preStop sleep only helps if it lasts until the load balancer has stopped sending new requests to the pod. The controller maintainers give the budget as *controller processing time + ELB API propagation time + HTTP request/response RTT + kube-proxy iptables update time* (M00nF1sh in aws-load-balancer-controller#1719, quoted in #2106). In ip mode the load balancer reaches pods directly, so kube-proxy drops out: about 15 s is the least that works in practice (#1064 needed 25 s). In instance mode traffic crosses kube-proxy, whose iptables sync period is up to 30 s, on top. NLB deregistration is slower: users measure a minute to over two (#2366, #3270). Only the part of the hook before any command that stops the server counts (see prestop-hook).',
    fix: 'Raise the preStop sleep to at least the threshold for the load balancer in front of the pod, and terminationGracePeriodSeconds with it.',
    scope:
      'Serving containers with a readable preStop delay in workloads behind a load balancer. The threshold is the largest among the load balancers in front of the workload, for the target type in force; with no load balancer among the inputs at all, the ALB ip threshold is assumed (and the message says so). Workloads only in-cluster clients reach are not judged.',
    params: {
      'alb-ip-seconds': {
        type: 'integer',
        default: DEFAULT_THRESHOLDS.albIp,
        minimum: 0,
        description: 'Least preStop delay behind an ALB with ip targets.',
      },
      'alb-instance-seconds': {
        type: 'integer',
        default: DEFAULT_THRESHOLDS.albInstance,
        minimum: 0,
        description: 'Least preStop delay behind an ALB with instance targets (kube-proxy sync adds up to 30 s).',
      },
      'nlb-seconds': {
        type: 'integer',
        default: DEFAULT_THRESHOLDS.nlb,
        minimum: 0,
        description: 'Least preStop delay behind an NLB.',
      },
    },
    references: [
      {
        title:
          'How can we find right value of sleep time for zero downtime rolling update? (aws-load-balancer-controller#2106)',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2106',
      },
      {
        title: 'Getting 502/504 with Pod Readiness Gates during rolling updates (aws-load-balancer-controller#1719)',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1719',
      },
      {
        title: 'pod termination might cause dropped connections (aws-load-balancer-controller#2366)',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2366',
      },
    ],
    examples: {
      incorrect: '# behind an NLB\nlifecycle:\n  preStop:\n    exec: {command: ["sleep", "10"]}',
      correct:
        '# behind an NLB\nterminationGracePeriodSeconds: 90\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      sleep: {seconds: 70}',
    },
  },
  check(ctx) {
    const p = ctx.params;
    const thresholds = { albIp: p['alb-ip-seconds'], albInstance: p['alb-instance-seconds'], nlb: p['nlb-seconds'] };
    for (const w of ctx.graph.servedWorkloads()) {
      const need = deregistrationThreshold(ctx, w, thresholds);
      if (!need) continue;
      for (const c of servingContainers(ctx.graph, w)) {
        const hook = preStopOf(c);
        const delay = protectiveDelay(hook);
        // No delay, a zero one, or one a stop command voids: prestop-hook reports those.
        if (delay === undefined || delay === 0 || delay >= need.seconds || hook.kind === 'none' || hook.kind === 'http')
          continue;
        if (hook.kind === 'exec' && hook.stopsFirst !== undefined) continue;
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
