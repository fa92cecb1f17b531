import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/** SERVICE_WEB with its one port replaced: `targetPort` (when given) is line 12, `port` line 11. */
const servicePort = (port: string): string =>
  edit(SERVICE_WEB, '  - name: http\n    port: 80\n    targetPort: http\n', port);

export default {
  valid: [
    {
      name: 'a named targetPort the container declares',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'a numeric targetPort the container declares',
      files: {
        'service.yaml': servicePort('  - name: http\n    port: 80\n    targetPort: 8080\n'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'no targetPort: the port itself, declared',
      files: { 'service.yaml': servicePort('  - port: 8080\n'), 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'the name is declared by the second container',
      files: {
        'service.yaml': `${SERVICE_WEB}  - name: metrics\n    port: 9102\n    targetPort: metrics\n`,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '      containers:\n',
          '      containers:\n      - name: exporter\n        image: prom/statsd-exporter:v0.27.1\n        ports:\n        - name: metrics\n          containerPort: 9102\n',
        ),
      },
    },
    {
      name: 'a Service that selects no workload among the inputs',
      files: { 'service.yaml': edit(SERVICE_WEB, 'app: web', 'app: elsewhere'), 'deploy.yaml': DEPLOYMENT_GOOD },
    },
  ],
  invalid: [
    {
      name: 'a named targetPort no container declares: error at targetPort',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          edit(DEPLOYMENT_GOOD, '        - name: http\n', '        - name: web\n'),
          /port: http\n/g,
          'port: web\n',
        ),
      },
      errors: [
        {
          file: 'service.yaml',
          line: 12,
          message:
            /Service shop\/web port http targets `http`, but no container of Deployment shop\/web declares a port named `http` \(it declares web \(8080\)\).*Use targetPort: web, or name the container port `http`\./,
        },
      ],
    },
    {
      name: 'a numeric targetPort no container declares: warning',
      files: {
        'service.yaml': servicePort('  - name: http\n    port: 80\n    targetPort: 9090\n'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'service.yaml',
          line: 12,
          severity: 'warning',
          message:
            /targets 9090, which no container of Deployment shop\/web declares \(it declares http \(8080\)\)\. Declare containerPort 9090/,
        },
      ],
    },
    {
      name: 'no targetPort: the port (80) is the target; at the port',
      files: { 'service.yaml': servicePort('  - port: 80\n'), 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [{ file: 'service.yaml', line: 10, severity: 'warning', message: /port 80 targets 80/ }],
    },
    {
      name: 'a Service over two workloads, one of which lacks the name',
      files: {
        'service.yaml': edit(SERVICE_WEB, '    app: web\n', '    tier: web\n'),
        'deploy.yaml': `${edit(DEPLOYMENT_GOOD, '        app: web\n    spec:', '        app: web\n        tier: web\n    spec:')}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-legacy
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-legacy
  template:
    metadata:
      labels:
        app: web-legacy
        tier: web
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - containerPort: 80
`,
      },
      errors: [
        {
          file: 'service.yaml',
          line: 12,
          message: /Deployment shop\/web-legacy declares a port named `http` \(it declares 80\)/,
        },
      ],
    },
    {
      name: 'multi-document file, second Service',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web-admin
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - name: admin
    port: 9000
    targetPort: admin
---
apiVersion: apps/v1
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
        - containerPort: 8080
`,
      errors: [{ line: 25, message: /Service shop\/web-admin port admin targets `admin`.*\(it declares 8080\)/ }],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/service-port.md shows. */
export const docExamples: DocExamples = {
  invalid: 'a named targetPort no container declares: error at targetPort',
  valid: 'a named targetPort the container declares',
};
