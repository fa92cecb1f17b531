import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD (readiness probe path on line 25) with another readiness probe path. */
const readyAt = (path: string): string =>
  edit(DEPLOYMENT_GOOD, '            path: /ready\n', `            path: ${path}\n`);

const INGRESS_DEFAULT_HC = edit(INGRESS_IP, '    alb.ingress.kubernetes.io/healthcheck-path: /ready\n', '');

const serviceWith = (annotations: string): string =>
  edit(SERVICE_WEB, '  namespace: shop\n', `  namespace: shop\n  annotations:\n${annotations}`);

const nlb = (annotations: string): string =>
  edit(
    serviceWith(`    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n${annotations}`),
    'spec:\n',
    'spec:\n  type: LoadBalancer\n',
  );

const GRPC = '    alb.ingress.kubernetes.io/backend-protocol-version: GRPC\n';
/** INGRESS_IP for a gRPC Service: the Ingress-level path /ready removed, GRPC set on the Service. */
const grpcIngress = (annotations = ''): string =>
  edit(INGRESS_DEFAULT_HC, '  annotations:\n', `  annotations:\n${annotations}`);
/** A grpc readiness probe in place of the httpGet one (DEPLOYMENT_GOOD lines 23-26). */
const grpcReady = edit(
  DEPLOYMENT_GOOD,
  '        readinessProbe:\n          httpGet:\n            path: /ready\n            port: http\n',
  '        readinessProbe:\n          grpc:\n            port: 8080\n',
);
if (grpcReady === DEPLOYMENT_GOOD) throw new Error('fixture edit does not match');
/** A second Service (api) and backend on the same Ingress. */
const twoBackends = (ingress: string): string =>
  edit(
    ingress,
    '  rules:\n',
    '  rules:\n  - host: api.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: api\n            port:\n              number: 80\n',
  );
const API = edit(SERVICE_WEB, /web/g, 'api');

export default {
  valid: [
    {
      name: 'gRPC target group with the default health check, HTTP readiness probe: not compared',
      files: {
        'service.yaml': serviceWith(GRPC),
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': readyAt('/healthz'),
      },
    },
    {
      name: 'gRPC target group (Ingress-level GRPC) with a grpc readiness probe and the default /AWS.ALB/healthcheck',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': grpcIngress(GRPC), 'deploy.yaml': grpcReady },
    },
    {
      name: 'gRPC health service with success code 0',
      files: {
        'service.yaml': serviceWith(
          `${GRPC}    alb.ingress.kubernetes.io/healthcheck-path: /grpc.health.v1.Health/Check\n    alb.ingress.kubernetes.io/success-codes: "0"\n`,
        ),
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': grpcReady,
      },
    },
    {
      name: 'ALB health check on the readiness path',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'seed 002: the path set on the Service matches the probe',
      files: {
        'service.yaml': serviceWith('    alb.ingress.kubernetes.io/healthcheck-path: /health\n'),
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': readyAt('/health'),
      },
    },
    {
      name: 'the default / and a probe on /',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_DEFAULT_HC, 'deploy.yaml': readyAt('/') },
    },
    {
      name: 'a probe without a path checks /',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': edit(DEPLOYMENT_GOOD, '            path: /ready\n', ''),
      },
    },
    {
      name: 'a tcpSocket readiness probe has no path to compare',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '        readinessProbe:\n          httpGet:\n            path: /ready\n',
          '        readinessProbe:\n          tcpSocket:\n',
        ),
      },
    },
    { name: 'an NLB checks TCP by default', files: { 'service.yaml': nlb(''), 'deploy.yaml': readyAt('/healthz') } },
    {
      name: 'an NLB HTTP health check on the readiness path',
      files: {
        'service.yaml': nlb(
          '    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: HTTP\n    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /ready\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'no load balancer among the inputs',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': readyAt('/healthz') },
    },
    {
      name: 'suppressed on the Ingress',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(
          INGRESS_DEFAULT_HC,
          '  annotations:\n',
          '  annotations:\n    zd-gate/ignore: healthcheck-path\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
  ],
  invalid: [
    {
      name: 'the default / against a probe on /ready: where the annotation goes',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_DEFAULT_HC, 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          container: 'web',
          message:
            /The health check of Ingress shop\/web → Service web requests `\/` \(the default\), but Deployment shop\/web, container `web` is ready by `\/ready`.*Set alb\.ingress\.kubernetes\.io\/healthcheck-path: \/ready\./,
        },
      ],
    },
    {
      name: 'an explicit path that differs',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': readyAt('/actuator/health/readiness'),
      },
      errors: [
        { file: 'ingress.yaml', line: 8, message: /requests `\/ready`, .* ready by `\/actuator\/health\/readiness`/ },
      ],
    },
    {
      name: 'the Service annotation wins over the Ingress annotation: at the Service',
      files: {
        'service.yaml': serviceWith('    alb.ingress.kubernetes.io/healthcheck-path: /status\n'),
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'service.yaml', line: 7, message: /requests `\/status`/ }],
    },
    {
      name: 'NLB HTTP health check without a path checks /',
      files: {
        'service.yaml': nlb('    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: http\n'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'service.yaml',
          line: 6,
          message:
            /Service shop\/web requests `\/` \(the default\).*Set service\.beta\.kubernetes\.io\/aws-load-balancer-healthcheck-path: \/ready\./,
        },
      ],
    },
    {
      name: 'NLB HTTP health check on another path',
      files: {
        'service.yaml': nlb(
          '    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: HTTP\n    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'service.yaml', line: 9, message: /requests `\/healthz`/ }],
    },
    {
      name: 'only the container behind the port the Ingress uses (a named Service port)',
      files: {
        'service.yaml': `${SERVICE_WEB}  - name: admin
    port: 9000
    targetPort: admin
`,
        'ingress.yaml': edit(INGRESS_IP, '              number: 80\n', '              name: http\n'),
        'deploy.yaml': `${readyAt('/livez')}      - name: admin
        image: ghcr.io/example/admin:1.0.0
        ports:
        - name: admin
          containerPort: 9000
        readinessProbe:
          httpGet:
            path: /admin/ready
            port: admin
`,
      },
      errors: [{ file: 'ingress.yaml', line: 8, container: 'web', message: /ready by `\/livez`/ }],
    },
    {
      name: 'gRPC target group under an Ingress-level HTTP path: never healthy; the fix goes on the Service',
      files: {
        'service.yaml': serviceWith(GRPC),
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': grpcReady,
      },
      errors: [
        {
          file: 'service.yaml',
          line: 6,
          severity: 'error',
          message:
            /speaks gRPC \(backend-protocol-version GRPC\), but its health check requests `\/ready` from the annotation on Ingress shop\/web, which is not a gRPC method.*on Service web, which overrides the Ingress for this target group alone/,
        },
      ],
    },
    {
      name: 'gRPC health method with the default success code 12: never healthy',
      files: {
        'service.yaml': serviceWith(
          `${GRPC}    alb.ingress.kubernetes.io/healthcheck-path: /grpc.health.v1.Health/Check\n`,
        ),
        'ingress.yaml': INGRESS_DEFAULT_HC,
        'deploy.yaml': grpcReady,
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          severity: 'error',
          message:
            /calls `\/grpc\.health\.v1\.Health\/Check` but expects the default success code 12.*success-codes: "0"/,
        },
      ],
    },
    {
      name: 'an Ingress with two Services: the path goes on the Service, not on the Ingress',
      files: {
        'service.yaml': `${SERVICE_WEB}---\n${API}`,
        'ingress.yaml': twoBackends(INGRESS_DEFAULT_HC),
        'deploy.yaml': `${readyAt('/healthz')}---\n${edit(edit(DEPLOYMENT_GOOD, /web/g, 'api'), 'path: /ready', 'path: /')}`,
      },
      errors: [
        {
          file: 'service.yaml',
          line: 3,
          message:
            /requests `\/` \(the default\), but Deployment shop\/web, container `web` is ready by `\/healthz`.*Set alb\.ingress\.kubernetes\.io\/healthcheck-path: \/healthz on Service web \(an annotation on Ingress shop\/web would change the health check of all its target groups\)/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/healthcheck-path.md shows. */
export const docExamples: DocExamples = {
  invalid: 'the default / against a probe on /ready: where the annotation goes',
  valid: 'ALB health check on the readiness path',
};
