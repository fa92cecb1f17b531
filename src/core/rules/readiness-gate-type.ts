import { describeObject, isObject } from '../manifest/types.js';
import { defineRule } from './rule.js';
import { CONDITION_PREFIX, INJECT_LABEL } from './readiness-gate.js';

/** The condition type prefix of the v1 AWS ALB Ingress Controller, which no current controller sets. */
const LEGACY_PREFIX = 'target-health.alb.ingress.k8s.aws/';

export default defineRule({
  meta: {
    id: 'readiness-gate-type',
    severity: 'error',
    appliesTo: 'workloads',
    summary: 'A readiness gate written into the pod template names a condition the controller sets.',
    rationale:
      'A pod with a readiness gate is Ready only when the named condition is True, and only its controller ever sets it. The v1 AWS ALB Ingress Controller used `target-health.alb.ingress.k8s.aws/<ingress>_<service>_<port>`; the AWS Load Balancer Controller (v2 and later) sets `target-health.elbv2.k8s.aws/<TargetGroupBinding name>` and never the v1 type. Its webhook removes a v1 gate only when it injects a current one (a labelled namespace and an ip target group in front: pkg/inject/pod_readiness/pod_readiness_gate.go); otherwise the v1 gate stays and the pods never become Ready, so the rollout hangs at its progress deadline. A hand-written current gate works only when it names an existing TargetGroupBinding.',
    fix: 'Remove the hand-written gate and label the namespace `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` (the webhook then adds the right gates), or name a TargetGroupBinding that exists: `target-health.elbv2.k8s.aws/<binding name>`.',
    scope:
      'Readiness gates in the pod templates of every workload. Current-style gates are checked only when the pods sit behind TargetGroupBindings you write (the controller names the ones it creates for Ingresses and Services).',
    params: {},
    variants: [
      { severity: 'error', when: 'no controller will set the condition, so the pods never become Ready' },
      {
        severity: 'warning',
        when: 'the Namespace is not among the inputs, so zd-gate cannot tell whether the webhook removes the v1 gate',
      },
      { severity: 'notice', when: 'the webhook removes the v1 gate at pod creation: dead configuration' },
    ],
    references: [
      {
        title: 'Pod readiness gate (AWS Load Balancer Controller docs)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/',
      },
      {
        title: 'pkg/inject/pod_readiness/pod_readiness_gate.go (aws-load-balancer-controller): legacy gates removed',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/inject/pod_readiness/pod_readiness_gate.go',
      },
      {
        title: 'Pod readiness gates (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate',
      },
    ],
    examples: {
      incorrect: 'readinessGates:\n- conditionType: target-health.alb.ingress.k8s.aws/web_web_80',
      correct: '# no hand-written gate; the namespace is labelled\n# elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
    },
  },
  check(ctx) {
    const tgbNames = new Set(
      ctx.graph.objects.filter((o) => o.kind === 'TargetGroupBinding').map((o) => `${o.namespace ?? ''}/${o.name}`),
    );
    for (const w of ctx.graph.workloads) {
      const gates = w.podSpec.readinessGates;
      if (!Array.isArray(gates)) continue;
      const ns = w.object.namespace ?? '';
      const nsObj = ctx.graph.namespace(ns);
      const exposures = ctx.graph.exposuresOf(w);
      const injects = nsObj?.labels[INJECT_LABEL] === 'enabled' && exposures.some((e) => e.targetType.value === 'ip');
      gates.forEach((g, i) => {
        if (!isObject(g) || typeof g.conditionType !== 'string') return;
        const type = g.conditionType;
        const path = [...w.podSpecPath, 'readinessGates', i, 'conditionType'];
        if (type.startsWith(LEGACY_PREFIX)) {
          const base = `${describeObject(w.object)} has the readiness gate \`${type}\` of the v1 AWS ALB Ingress Controller, which the AWS Load Balancer Controller never sets`;
          if (injects) {
            ctx.report({
              object: w.object,
              path,
              severity: 'notice',
              message: `${base}; its webhook removes it from each new pod because Namespace ${ns} is labelled and an ip target group fronts the pods. Remove it from the template: it is dead configuration.`,
            });
          } else {
            ctx.report({
              object: w.object,
              path,
              severity: nsObj ? 'error' : 'warning',
              message: `${base}: ${nsObj ? `Namespace ${ns} is not labelled \`${INJECT_LABEL}: enabled\` with an ip target group in front, so the webhook does not remove it and` : `unless Namespace ${ns} (not among the inputs) is labelled \`${INJECT_LABEL}: enabled\` and an ip target group fronts the pods,`} the pods never become Ready and the rollout hangs. Remove the gate; label the namespace so the webhook adds the current one.`,
            });
          }
          return;
        }
        if (!type.startsWith(CONDITION_PREFIX)) return;
        // Only bindings written by hand have names known in advance; the controller names its own.
        if (exposures.length === 0 || !exposures.every((e) => e.via.kind === 'TargetGroupBinding')) return;
        const name = type.slice(CONDITION_PREFIX.length);
        if (tgbNames.has(`${ns}/${name}`)) return;
        const known = exposures.map((e) => e.via.name);
        ctx.report({
          object: w.object,
          path,
          message: `${describeObject(w.object)} has the readiness gate \`${type}\`, but no TargetGroupBinding ${ns}/${name} is among the inputs (the pods sit behind ${known.map((n) => `TargetGroupBinding ${n}`).join(', ')}): the controller sets the condition only for its bindings, so the pods never become Ready. Use \`${CONDITION_PREFIX}${known[0] ?? name}\`, or remove the gate and label the namespace.`,
        });
      });
    }
  },
});
