import { preStopOf, shellScript } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { DEFAULT_THRESHOLDS, deregistrationThreshold, front, gracePeriod, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-hook',
    severity: 'error',
    summary: 'Every serving container has a preStop hook that delays termination.',
    rationale:
      'When a pod is deleted, the kubelet sends SIGTERM at the same moment the endpoint change starts its way to the load balancer controller, the ELB API and the load balancer nodes. A process that exits on SIGTERM is gone while the load balancer still sends it requests: 502s (seeds 000, 003, 004). A preStop hook runs before SIGTERM and keeps the pod serving until deregistration has propagated.',
    fix: 'Add `lifecycle.preStop.sleep.seconds` (Kubernetes 1.30+; no shell needed) or an exec `sleep` long enough for deregistration (see prestop-duration), and raise terminationGracePeriodSeconds to cover it.',
    scope:
      'Serving containers of workloads a Service selects. Recognised delays: exec `sleep N` (also through `sh -c` or busybox), `httpGet`, and the native `sleep` action.',
    params: {},
    examples: {
      incorrect: 'lifecycle:\n  preStop:\n    exec:\n      command: ["nginx", "-s", "quit"]',
      correct: 'lifecycle:\n  preStop:\n    sleep:\n      seconds: 20',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      // What to suggest: prestop-duration's default threshold for the load balancer in front, and
      // a grace period that covers it with termination-grace's default 10 s to shut down.
      const need = deregistrationThreshold(ctx.graph, w, DEFAULT_THRESHOLDS);
      const grace = gracePeriod(w).seconds;
      const suggestion = `lifecycle.preStop.sleep.seconds: ${need.seconds}, about the time deregistration takes to propagate behind ${need.what}${
        grace < need.seconds + 10
          ? `; and raise terminationGracePeriodSeconds from ${grace} to at least ${need.seconds + 10}`
          : ''
      }`;
      for (const c of servingContainers(ctx.graph, w)) {
        const p = preStopOf(c);
        if (p.kind === 'none') {
          ctx.report({
            object: w.object,
            path: [...c.path, 'lifecycle', 'preStop'],
            container: c.name,
            message: `${who(w, c)} has no preStop hook: on deletion it gets SIGTERM while ${front(ctx.graph, w)} still routes to it. Add ${suggestion}.`,
          });
        } else if (p.kind === 'exec' && !p.sleeps) {
          const ignored = p.needsShell ? shellScript(p.command).ignored : [];
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message:
              ignored.length > 0
                ? `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs only \`${shellScript(p.command).script}\`: the words after the -c script (${ignored.join(' ')}) become the shell's $0, $1, so termination is not delayed. Put the whole command in one string, e.g. ["sh", "-c", "${[shellScript(p.command).script, ...ignored].join(' ')}"], or use ${suggestion}.`
                : `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs no visible sleep, so termination is not delayed until deregistration. Add \`sleep ${need.seconds}\` to the command, or use ${suggestion}. If the command itself waits, suppress this rule on the object with the zd-gate/ignore annotation.`,
          });
        } else if ((p.kind === 'exec' || p.kind === 'sleep') && p.seconds === 0) {
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: `${who(w, c)}: the preStop hook sleeps 0s, which does not delay termination. Use ${suggestion}.`,
          });
        }
      }
    }
  },
});
