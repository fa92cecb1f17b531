import { describeObject } from '../manifest/types.js';
import { httpPath, probeOf } from '../pod/probes.js';
import { defineRule } from './rule.js';
import { who } from './shared.js';

export default defineRule({
  meta: {
    id: 'healthcheck-path',
    severity: 'warning',
    summary: "The load balancer's health-check path matches the readiness probe's.",
    rationale:
      "The target group decides with its own health check when a pod gets traffic; Kubernetes decides with the readiness probe. When they check different paths they disagree: the default `/` may answer 200 while the application is not ready (or 404 while it is), so the load balancer sends traffic to pods Kubernetes holds back, or marks healthy pods unhealthy (`Target.ResponseCodeMismatch`) and the readiness gate never opens. The controller's default ALB health-check path is `/`.",
    fix: 'Set `alb.ingress.kubernetes.io/healthcheck-path` (ALB) or `service.beta.kubernetes.io/aws-load-balancer-healthcheck-path` (NLB with an HTTP health check) to the readiness probe path.',
    scope: 'Load balancers with HTTP(S) health checks in front of serving containers whose readiness probe is httpGet.',
    params: {},
    examples: {
      incorrect:
        'metadata:\n  annotations: {}      # ALB checks "/"\n...\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}',
      correct:
        'metadata:\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-path: /healthz\n...\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}',
    },
  },
  check(ctx) {
    for (const w of ctx.graph.servedWorkloads()) {
      for (const e of ctx.graph.exposuresOf(w)) {
        const hc = e.healthCheckPath;
        if (!hc) continue;
        for (const s of ctx.graph.servingContainers(w)) {
          if (s.service !== e.service || (e.servicePortIndex !== undefined && s.port.index !== e.servicePortIndex))
            continue;
          const probePath = httpPath(probeOf(s.container, 'readinessProbe'));
          if (probePath === undefined || probePath === hc.value) continue;
          const key =
            e.lb === 'nlb'
              ? 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path'
              : 'alb.ingress.kubernetes.io/healthcheck-path';
          ctx.report({
            object: hc.source.object,
            path: hc.source.path,
            subject: w.object,
            container: s.container.name,
            message: `The health check of ${e.via === e.service ? describeObject(e.via) : `${describeObject(e.via)} → Service ${e.service.name}`} requests \`${hc.value}\`${hc.explicit ? '' : ' (the default)'}, but ${who(w, s.container)} is ready by \`${probePath}\`: the load balancer and Kubernetes judge the pod by different endpoints. Set ${key}: ${probePath}.`,
          });
        }
      }
    }
  },
});
