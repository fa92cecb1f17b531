import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

const noProbe = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
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
        startupProbe:
          httpGet:
            path: /ready
            port: http
      - name: log-shipper
        image: fluent/fluent-bit:3.1
`;

export default {
  valid: [
    { name: 'serving container with a readiness probe', files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'a sidecar without the Service port needs no probe',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD.replace(
          '      containers:\n',
          '      containers:\n      - name: proxy-sidecar\n        image: envoyproxy/envoy:v1.31.0\n',
        ),
      },
    },
    { name: 'a workload no Service selects is not checked', code: noProbe },
  ],
  invalid: [
    {
      name: 'serving container without readiness probe (a startupProbe does not count), sidecar ignored',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': noProbe },
      errors: [{ file: 'deploy.yaml', line: 17, container: 'web', message: /has no readinessProbe/ }],
    },
    {
      name: 'numeric targetPort reaches the only container even if undeclared',
      files: {
        'service.yaml': SERVICE_WEB.replace('targetPort: http', 'targetPort: 8080'),
        'deploy.yaml': noProbe
          .replace('      - name: log-shipper\n        image: fluent/fluent-bit:3.1\n', '')
          .replace(/        ports:\n        - name: http\n          containerPort: 8080\n/, ''),
      },
      errors: [{ file: 'deploy.yaml', line: 17 }],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/readiness-probe.md shows. */
export const docExamples: DocExamples = {
  invalid: 'serving container without readiness probe (a startupProbe does not count), sidecar ignored',
  valid: 'serving container with a readiness probe',
};
