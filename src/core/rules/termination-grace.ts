import type { Path } from '../manifest/types.js';
import { knownDuration, preStopOf } from '../pod/prestop.js';
import { defineRule } from './rule.js';
import { gracePeriod, seconds, servingContainers, who } from './shared.js';

export default defineRule({
  meta: {
    id: 'termination-grace',
    severity: 'error',
    appliesTo: 'served',
    summary: 'terminationGracePeriodSeconds covers the preStop delay plus time to shut down.',
    rationale:
      'The grace period counts from deletion and includes the preStop hook. When the hook sleeps as long as (or longer than) the grace period, the kubelet kills the container with SIGKILL before the application has closed its connections, and in-flight requests fail. The whole hook counts, including any sleep after a stop command. The Kubernetes docs: "the hook must complete its execution before the TERM signal can be sent", and the grace period counts down meanwhile.',
    fix: 'Set `terminationGracePeriodSeconds` to at least the preStop delay plus `shutdown-seconds` (the time the application needs after SIGTERM).',
    scope: 'Workloads a Service selects whose serving containers have a preStop delay zd-gate can read (sleep).',
    references: [
      {
        title: 'Container hooks: hook handler execution (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution',
      },
      {
        title: 'Pod lifecycle: termination of Pods (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
      },
    ],
    params: {
      'shutdown-seconds': {
        type: 'integer',
        default: 10,
        minimum: 0,
        description: 'Seconds the application needs after SIGTERM to finish in-flight requests.',
      },
    },
    examples: {
      incorrect:
        'terminationGracePeriodSeconds: 30   # default\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      exec: {command: ["sleep", "30"]}',
      correct:
        'terminationGracePeriodSeconds: 45\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      exec: {command: ["sleep", "30"]}',
    },
  },
  check(ctx) {
    const need = ctx.params['shutdown-seconds'];
    for (const w of ctx.graph.servedWorkloads()) {
      let longest: { delay: number; name: string; path: Path } | undefined;
      for (const c of servingContainers(ctx.graph, w)) {
        const hook = preStopOf(c);
        const d = knownDuration(hook);
        if (d !== undefined && hook.kind !== 'none' && (!longest || d > longest.delay))
          longest = { delay: d, name: c.name, path: hook.path };
      }
      if (!longest) continue;
      const grace = gracePeriod(w);
      if (!grace) continue;
      const path = [...w.podSpecPath, 'terminationGracePeriodSeconds'];
      if (!Number.isFinite(longest.delay)) {
        ctx.report({
          object: w.object,
          path: longest.path,
          container: longest.name,
          message: `${who(w)}: the preStop hook of container \`${longest.name}\` sleeps forever, so every pod is killed with SIGKILL when its ${grace.seconds}s grace period ends. Sleep a fixed time instead, and keep terminationGracePeriodSeconds at least ${need}s above it.`,
        });
        continue;
      }
      if (grace.seconds - longest.delay >= need) continue;
      const want = Math.ceil(longest.delay + need);
      ctx.report({
        object: w.object,
        path,
        container: longest.name,
        message: `${who(w)}: terminationGracePeriodSeconds is ${grace.seconds}${grace.explicit ? '' : ' (the default)'} but the preStop hook of container \`${longest.name}\` sleeps ${seconds(longest.delay)}, leaving ${seconds(Math.max(0, grace.seconds - longest.delay))} of the ${need}s the application needs to shut down; it is killed mid-request. Set terminationGracePeriodSeconds to at least ${want}.`,
      });
    }
  },
});
