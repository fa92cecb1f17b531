import type { Exposure } from '../graph/lb.js';
import { ALB_PREFIX, NLB_PREFIX } from '../graph/lb.js';
import type { Workload } from '../graph/workload.js';
import { describeObject, type K8sObject, type Path } from '../manifest/types.js';
import { httpPath, probeOf } from '../pod/probes.js';
import { defineRule, type RuleContext } from './rule.js';
import { who } from './shared.js';

/** `/package.Service/Method`: the form of a gRPC health check path (ELB CreateTargetGroup HealthCheckPath). */
const GRPC_METHOD = /^\/[A-Za-z_][\w.]*\/[A-Za-z_]\w*$/;
const GRPC_DEFAULT_PATH = '/AWS.ALB/healthcheck';

export default defineRule({
  meta: {
    id: 'healthcheck-path',
    severity: 'warning',
    appliesTo: 'load-balanced',
    summary: "The load balancer's health check matches the readiness probe, and a gRPC target group's check can pass.",
    rationale:
      "The target group decides with its own health check when a pod gets traffic; Kubernetes decides with the readiness probe. When they check different paths they disagree: the default `/` may answer 200 while the application is not ready (or 404 while it is), so the load balancer sends traffic to pods Kubernetes holds back, or marks healthy pods unhealthy (`Target.ResponseCodeMismatch`) and the readiness gate never opens. The controller's default ALB health-check path is `/`.\n\nA target group with `backend-protocol-version: GRPC` checks with gRPC: by default it calls `/AWS.ALB/healthcheck` and expects gRPC status 12 (Unimplemented), which any gRPC server answers, so it proves the server speaks gRPC. An HTTP readiness path does not apply to it, and a path that is not a gRPC method (`/package.Service/Method`) cannot pass. An Ingress-level `healthcheck-path` applies to every target group of the Ingress, gRPC ones included; a Service annotation overrides it for that Service's target group alone.",
    fix: 'Set `alb.ingress.kubernetes.io/healthcheck-path` (ALB) or `service.beta.kubernetes.io/aws-load-balancer-healthcheck-path` (NLB with an HTTP health check) to the readiness probe path; on the Service when the Ingress fronts several Services. For gRPC, keep the default `/AWS.ALB/healthcheck`, or use `/grpc.health.v1.Health/Check` with `success-codes: 0`.',
    scope:
      'Load balancers with HTTP(S) or gRPC health checks in front of serving containers; HTTP checks are compared with httpGet readiness probes, gRPC checks are judged on their own.',
    params: {},
    variants: [
      { severity: 'warning', when: 'the HTTP health-check path differs from the readiness probe path' },
      {
        severity: 'error',
        when: 'a gRPC target group checks a path that is not a gRPC method, or a custom method while expecting status 12',
      },
    ],
    references: [
      {
        title: 'Health check annotations: healthcheck-path, success-codes (AWS Load Balancer Controller)',
        url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#healthcheck-path',
      },
      {
        title: 'Health checks for Application Load Balancer target groups (gRPC: /AWS.ALB/healthcheck, code 12)',
        url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
      },
    ],
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
        if (e.protocolVersion?.value.toUpperCase() === 'GRPC') {
          grpc(ctx, w, e);
          continue;
        }
        for (const s of ctx.graph.servingContainers(w)) {
          if (s.service !== e.service || (e.servicePortIndex !== undefined && s.port.index !== e.servicePortIndex))
            continue;
          const probePath = httpPath(probeOf(s.container, 'readinessProbe'));
          if (probePath === undefined || probePath === hc.value) continue;
          const at = fixLocation(ctx, e, hc.source.object);
          ctx.report({
            object: at.object,
            path: at.path,
            subject: w.object,
            container: s.container.name,
            message: `The health check of ${via(e)} requests \`${hc.value}\`${hc.explicit ? '' : ' (the default)'}, but ${who(w, s.container)} is ready by \`${probePath}\`: the load balancer and Kubernetes judge the pod by different endpoints. Set ${at.key}: ${probePath}${at.where}.`,
          });
        }
      }
    }
  },
});

function via(e: Exposure): string {
  return e.via === e.service ? describeObject(e.via) : `${describeObject(e.via)} → Service ${e.service.name}`;
}

/**
 * Where to set the health-check path for this target group only: on the Ingress when it fronts
 * this Service alone, else on the Service (its annotation overrides the Ingress's for its own
 * target group), so the fix changes no other target group, gRPC ones included.
 */
function fixLocation(
  ctx: RuleContext,
  e: Exposure,
  current: K8sObject,
): { object: K8sObject; path: Path; key: string; where: string } {
  if (e.lb === 'nlb') {
    const key = `${NLB_PREFIX}aws-load-balancer-healthcheck-path`;
    return { object: e.service, path: ['metadata', 'annotations', key], key, where: '' };
  }
  const key = `${ALB_PREFIX}healthcheck-path`;
  const shared = new Set(ctx.graph.exposures.filter((x) => x.via === e.via).map((x) => x.service)).size > 1;
  if (e.via.kind === 'Ingress' && (shared || current === e.service))
    return {
      object: e.service,
      path: ['metadata', 'annotations', key],
      key,
      where: ` on Service ${e.service.name}${shared ? ` (an annotation on ${describeObject(e.via)} would change the health check of all its target groups)` : ''}`,
    };
  return { object: current, path: ['metadata', 'annotations', key], key, where: '' };
}

/** gRPC target groups: the path must be a gRPC method, and a custom method answers 0, not the default 12. */
function grpc(ctx: RuleContext, w: Workload, e: Exposure): void {
  const hc = e.healthCheckPath;
  if (!hc) return;
  const key = `${ALB_PREFIX}healthcheck-path`;
  if (!GRPC_METHOD.test(hc.value)) {
    const onIngress = hc.source.object === e.via && e.via !== e.service;
    ctx.report({
      object: onIngress ? e.service : hc.source.object,
      path: ['metadata', 'annotations', key],
      subject: w.object,
      severity: 'error',
      message: `The target group of ${via(e)} speaks gRPC (backend-protocol-version GRPC), but its health check requests \`${hc.value}\`${onIngress ? ` from the annotation on ${describeObject(e.via)}` : ''}, which is not a gRPC method (/package.Service/Method): every target stays unhealthy. Set ${key}: ${GRPC_DEFAULT_PATH} (the default, status 12) or /grpc.health.v1.Health/Check with success-codes: 0 on Service ${e.service.name}${onIngress ? ', which overrides the Ingress for this target group alone' : ''}.`,
    });
    return;
  }
  const codes = e.successCodes;
  if (hc.value !== GRPC_DEFAULT_PATH && codes && !codes.explicit) {
    ctx.report({
      object: codes.source.object,
      path: codes.source.path,
      subject: w.object,
      severity: 'error',
      message: `The gRPC health check of ${via(e)} calls \`${hc.value}\` but expects the default success code 12 (Unimplemented), which only a method the server does not implement returns (the default /AWS.ALB/healthcheck): a server that implements \`${hc.value}\` answers 0 and every target stays unhealthy. Set ${ALB_PREFIX}success-codes: "0" where the path is set.`,
    });
  }
}
