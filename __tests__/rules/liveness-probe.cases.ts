import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/** A served Deployment whose container has these probes (the container is line 17, its first probe line 22). */
const deploy = (probes: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
${probes}`;

export default {
  valid: [
    {
      name: 'liveness and readiness on different paths',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'same endpoint, but liveness tolerates more failures',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          httpGet:
            path: /healthz
            port: http
        livenessProbe:
          httpGet:
            path: /healthz
            port: http
          failureThreshold: 6
`),
      },
    },
    {
      name: 'same path, but liveness waits longer than readiness (60s against 30s)',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        livenessProbe:
          httpGet:
            path: /
            port: 8080
          failureThreshold: 6
        readinessProbe:
          httpGet:
            path: /
            port: 8080
`),
      },
    },
    {
      name: 'tcpSocket liveness, httpGet readiness',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          httpGet:
            path: /ready
            port: http
        livenessProbe:
          tcpSocket:
            port: http
`),
      },
    },
    {
      name: 'a sidecar without the Service port needs no probe',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '      containers:\n',
          '      containers:\n      - name: log-shipper\n        image: fluent/fluent-bit:3.1\n',
        ),
      },
    },
    { name: 'a workload no Service selects', files: { 'deploy.yaml': deploy('') } },
  ],
  invalid: [
    {
      name: 'no liveness probe: a notice on the container',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          httpGet:
            path: /ready
            port: http
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          severity: 'notice',
          container: 'web',
          message: /has no livenessProbe.*Consider a liveness probe that differs from the readiness probe/,
        },
      ],
    },
    {
      name: 'the same httpGet, same (default) timing',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          httpGet:
            port: http
            path: /health
        livenessProbe:
          httpGet:
            port: http
            path: /health
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          severity: 'warning',
          message:
            /the livenessProbe is identical to the readinessProbe.*longer failure window \(failureThreshold × periodSeconds above 30s\)/,
        },
      ],
    },
    {
      name: 'same endpoint, liveness gives up sooner (10s of failures against 15s): restarts before readiness acts',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        livenessProbe:
          httpGet:
            path: /
            port: 8080
          failureThreshold: 1
          periodSeconds: 10
          initialDelaySeconds: 5
        readinessProbe:
          httpGet:
            path: /
            port: 8080
          periodSeconds: 5
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 22,
          severity: 'warning',
          message:
            /checks the same endpoint as the readinessProbe and gives up sooner \(after 10s of failures, against 15s\)/,
        },
      ],
    },
    {
      name: 'same endpoint, same failure window, different period: fails at the same time',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        livenessProbe:
          tcpSocket:
            port: http
          periodSeconds: 5
          failureThreshold: 6
        readinessProbe:
          tcpSocket:
            port: 8080
          periodSeconds: 10
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 22,
          severity: 'warning',
          message: /gives up at the same time \(after 30s of failures, against 30s\)/,
        },
      ],
    },
    {
      name: 'identical once the named port and the defaults are resolved',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          httpGet:
            path: /healthz
            port: http
            scheme: HTTP
          periodSeconds: 10
          failureThreshold: 3
        livenessProbe:
          httpGet:
            path: /healthz
            port: 8080
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 29,
          severity: 'warning',
          message: /container `web`: the livenessProbe is identical to the readinessProbe \(same check and timing\)/,
        },
      ],
    },
    {
      name: 'identical exec probes',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(`        readinessProbe:
          exec:
            command: ["/bin/grpc_health_probe", "-addr=:8080"]
        livenessProbe:
          exec:
            command: ["/bin/grpc_health_probe", "-addr=:8080"]
`),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 25,
          severity: 'warning',
          message: /identical to the readinessProbe.*Point liveness at a cheaper endpoint/,
        },
      ],
    },
    {
      name: 'a StatefulSet',
      files: {
        'service.yaml': SERVICE_WEB,
        'sts.yaml': edit(
          edit(deploy(''), 'kind: Deployment', 'kind: StatefulSet'),
          'spec:\n  replicas: 3\n',
          'spec:\n  serviceName: web\n  replicas: 3\n',
        ),
      },
      errors: [
        {
          file: 'sts.yaml',
          line: 18,
          severity: 'notice',
          message: /StatefulSet shop\/web, container `web` has no livenessProbe/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/liveness-probe.md shows. */
export const docExamples: DocExamples = {
  invalid: 'no liveness probe: a notice on the container',
  valid: 'liveness and readiness on different paths',
};
