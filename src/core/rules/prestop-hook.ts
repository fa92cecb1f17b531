import type { Workload } from '../graph/workload.js';
import { preStopOf, shellScript } from '../pod/prestop.js';
import { defineRule, type RuleContext } from './rule.js';
import {
  DEFAULT_THRESHOLDS,
  IN_CLUSTER_DELAY,
  deregistrationThreshold,
  front,
  gracePeriod,
  seconds,
  servingContainers,
  who,
} from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-hook',
    severity: 'error',
    appliesTo: 'served',
    summary: 'Every serving container has a preStop hook that delays termination before anything stops the server.',
    rationale:
      'When a pod is deleted, the kubelet sends SIGTERM at the same moment the endpoint change starts its way to the load balancer controller, the ELB API and the load balancer nodes. A process that exits on SIGTERM is gone while the load balancer still sends it requests: 502s. A preStop hook runs before SIGTERM and keeps the pod serving until deregistration has propagated.\n\nOnly a delay that comes before any stop counts. `nginx -s quit; sleep 15`, `kill -SIGUSR1 $(pidof haproxy); sleep 25` or `kill 1 && sleep 10` close the listener at once and then wait for nothing: the load balancer still routes to a pod that no longer accepts connections. The hook is read command by command (docs/validate-scope.md lists the stop commands recognised).',
    fix: 'Add `lifecycle.preStop.sleep.seconds` (Kubernetes 1.30+; no shell needed) or an exec `sleep` long enough for deregistration (see prestop-duration), with any stop command after the sleep, and raise terminationGracePeriodSeconds to cover it.',
    scope:
      'Serving containers of workloads a Service selects. Recognised delays: exec `sleep N` (also through `sh -c` or busybox), `httpGet`, and the native `sleep` action.',
    params: {},
    references: [
      {
        title: 'Pod lifecycle: termination of Pods (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
      },
      {
        title: 'Load balancing: handle graceful termination (Amazon EKS Best Practices Guide, Networking)',
        url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
      },
      {
        title: 'Getting 502/504 with Pod Readiness Gates during rolling updates (aws-load-balancer-controller#1719)',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1719',
      },
    ],
    examples: {
      incorrect: 'lifecycle:\n  preStop:\n    exec:\n      command: ["/bin/sh", "-c", "nginx -s quit; sleep 15"]',
      correct: 'lifecycle:\n  preStop:\n    exec:\n      command: ["/bin/sh", "-c", "sleep 15; nginx -s quit"]',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      const suggestion = suggest(ctx, w);
      for (const c of servingContainers(ctx.graph, w)) {
        const p = preStopOf(c);
        if (p.kind === 'none') {
          ctx.report({
            object: w.object,
            path: [...c.path, 'lifecycle', 'preStop'],
            container: c.name,
            message: `${who(w, c)} has no preStop hook: on deletion it gets SIGTERM while ${front(ctx, w)} still routes to it. Add ${suggestion.text}.`,
          });
        } else if (p.kind === 'exec' && p.stopsFirst !== undefined) {
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` stops the server (\`${p.stopsFirst}\`) ${p.delay ? `after only ${seconds(p.delay)}` : 'before it sleeps'}: the listener closes while ${front(ctx, w)} still routes to it, so the ${seconds(p.seconds ?? 0)} of sleep protect nothing. Sleep first, then stop (e.g. \`sleep ${suggestion.seconds}; ${p.stopsFirst}\`), or use ${suggestion.text}.`,
          });
        } else if (p.kind === 'exec' && !p.sleeps && p.background) {
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs its sleep in the background (\`&\`), so the hook returns at once and termination is not delayed. Remove the \`&\` after the sleep, or use ${suggestion.text}.`,
          });
        } else if (p.kind === 'exec' && !p.sleeps) {
          const ignored = p.needsShell ? shellScript(p.command).ignored : [];
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message:
              ignored.length > 0
                ? `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs only \`${shellScript(p.command).script}\`: the words after the -c script (${ignored.join(' ')}) become the shell's $0, $1, so termination is not delayed. Put the whole command in one string, e.g. ["sh", "-c", "${[shellScript(p.command).script, ...ignored].join(' ')}"], or use ${suggestion.text}.`
                : `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs no visible sleep, so termination is not delayed until deregistration. Add \`sleep ${suggestion.seconds}\` before it, or use ${suggestion.text}. If the command itself waits, suppress this rule on the object with the zd-gate/ignore annotation.`,
          });
        } else if ((p.kind === 'exec' || p.kind === 'sleep') && p.seconds === 0) {
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: `${who(w, c)}: the preStop hook sleeps 0s, which does not delay termination. Use ${suggestion.text}.`,
          });
        }
      }
    }
  },
});

/**
 * What to suggest: prestop-duration's default threshold for the load balancer in force (the
 * endpoint propagation to kube-proxy for in-cluster-only workloads), and a grace period that
 * covers it with termination-grace's default 10 s to shut down.
 */
function suggest(ctx: RuleContext, w: Workload): { seconds: number; text: string } {
  const need = deregistrationThreshold(ctx, w, DEFAULT_THRESHOLDS);
  const delay = need?.seconds ?? IN_CLUSTER_DELAY;
  const why = need
    ? `about the time deregistration takes to propagate behind ${need.what}`
    : 'about the time the endpoint removal takes to reach kube-proxy on every node, for its in-cluster clients';
  const grace = gracePeriod(w)?.seconds;
  const raise =
    grace !== undefined && grace < delay + 10
      ? `; and raise terminationGracePeriodSeconds from ${grace} to at least ${delay + 10}`
      : '';
  return { seconds: delay, text: `lifecycle.preStop.sleep.seconds: ${delay}, ${why}${raise}` };
}
