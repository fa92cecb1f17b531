import { preStopOf, shellScript } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'prestop-hook',
    severity: 'error',
    summary: 'Every serving container has a preStop hook that delays termination.',
    rationale:
      'When a pod is deleted, the kubelet sends SIGTERM at the same moment the endpoint change starts its way to the load balancer controller, the ELB API and the load balancer nodes. A process that exits on SIGTERM is gone while the load balancer still sends it requests: 502s (seeds 000, 003, 004). A preStop hook runs before SIGTERM and keeps the pod serving until deregistration has propagated.',
    fix: 'Add `lifecycle.preStop.sleep.seconds` (Kubernetes 1.30+; no shell needed) or an exec `sleep` long enough for deregistration (see prestop-duration), and raise terminationGracePeriodSeconds to cover it.',
    scope: 'Serving containers of workloads a Service selects. Recognised delays: exec `sleep N` (also through `sh -c` or busybox), `httpGet`, and the native `sleep` action.',
    params: {},
    examples: {
      incorrect: 'lifecycle:\n  preStop:\n    exec:\n      command: ["nginx", "-s", "quit"]',
      correct: 'lifecycle:\n  preStop:\n    sleep:\n      seconds: 20',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      for (const c of servingContainers(ctx.graph, w)) {
        const p = preStopOf(c);
        if (p.kind === 'none') {
          ctx.report({
            object: w.object,
            path: [...c.path, 'lifecycle', 'preStop'],
            container: c.name,
            message: `${who(w, c)} has no preStop hook: on deletion it gets SIGTERM while the load balancer still routes to it. Add lifecycle.preStop.sleep.seconds (or exec sleep) to keep serving until deregistration has propagated.`,
          });
        } else if (p.kind === 'exec' && !p.sleeps) {
          const ignored = p.needsShell ? shellScript(p.command).ignored : [];
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: ignored.length > 0
              ? `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs only \`${shellScript(p.command).script}\`: the words after the -c script (${ignored.join(' ')}) become the shell's $0, $1, so termination is not delayed. Put the whole command in one string, e.g. ["sh", "-c", "${[shellScript(p.command).script, ...ignored].join(' ')}"], or use lifecycle.preStop.sleep.seconds.`
              : `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs no visible sleep, so termination is not delayed until deregistration. Add a sleep (lifecycle.preStop.sleep.seconds, or \`sleep N\` in the command); if the command itself waits, suppress this rule on the object with the zd-gate/ignore annotation.`,
          });
        } else if ((p.kind === 'exec' || p.kind === 'sleep') && p.seconds === 0) {
          ctx.report({
            object: w.object,
            path: p.path,
            container: c.name,
            message: `${who(w, c)}: the preStop hook sleeps 0s, which does not delay termination. Sleep for the deregistration time (see prestop-duration).`,
          });
        }
      }
    }
  },
});
