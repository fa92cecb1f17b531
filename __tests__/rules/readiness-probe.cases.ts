import { edit } from '../helpers/edit.js';
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

/** A single-container store behind a ClusterIP Service on `port`, named `portName`. */
const store = (image: string, port: number, portName: string, protocol = 'TCP'): Record<string, string> => ({
  'service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: shop
spec:
  selector:
    app: db
  ports:
  - name: ${portName}
    port: ${port}
    targetPort: ${portName}
    protocol: ${protocol}
`,
  'db.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: ${image}
        ports:
        - name: ${portName}
          containerPort: ${port}
          protocol: ${protocol}
`,
});

export default {
  valid: [
    { name: 'serving container with a readiness probe', files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'a sidecar without the Service port needs no probe',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
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
        'service.yaml': edit(SERVICE_WEB, 'targetPort: http', 'targetPort: 8080'),
        'deploy.yaml': edit(
          edit(noProbe, '      - name: log-shipper\n        image: fluent/fluent-bit:3.1\n', ''),
          /        ports:\n        - name: http\n          containerPort: 8080\n/,
          '',
        ),
      },
      errors: [{ file: 'deploy.yaml', line: 17 }],
    },
    {
      name: 'MySQL: suggests tcpSocket or a MySQL client, not httpGet',
      files: store('mysql:8.0', 3306, 'mysql'),
      errors: [
        {
          file: 'db.yaml',
          line: 18,
          message:
            /StatefulSet shop\/db, container `db` has no readinessProbe.*e\.g\. tcpSocket on port mysql, or exec with a MySQL client.*MySQL does not speak HTTP/,
        },
      ],
    },
    {
      name: 'Redis on 6379 under another port name: by the number',
      files: store('redis:7', 6379, 'tcp-main'),
      errors: [{ file: 'db.yaml', line: 18, message: /tcpSocket on port tcp-main, or exec with a Redis client/ }],
    },
    {
      name: 'PostgreSQL by port name',
      files: store('example.com/app:1', 5432, 'postgresql'),
      errors: [
        { file: 'db.yaml', line: 18, message: /tcpSocket on port postgresql, or exec with a PostgreSQL client/ },
      ],
    },
    {
      name: 'a gRPC port: a grpc probe',
      files: store('example.com/api:1', 9090, 'grpc'),
      errors: [{ file: 'db.yaml', line: 18, message: /e\.g\. grpc on port 9090 \(the gRPC health checking protocol/ }],
    },
    {
      name: 'a UDP port: exec',
      files: store('example.com/dns:1', 5353, 'dns', 'UDP'),
      errors: [{ file: 'db.yaml', line: 18, message: /e\.g\. exec running a check of the dns UDP service/ }],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/readiness-probe.md shows. */
export const docExamples: DocExamples = {
  invalid: 'serving container without readiness probe (a startupProbe does not count), sidecar ignored',
  valid: 'serving container with a readiness probe',
};
