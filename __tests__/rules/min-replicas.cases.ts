import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD with `replicas: 3` (line 7) replaced. */
const withReplicas = (line: string): string => DEPLOYMENT_GOOD.replace('  replicas: 3\n', line);

const hpa = (spec: string): string => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
${spec}  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
`;

export default {
  valid: [
    { name: 'three replicas', files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'replicas left to an HPA with minReplicas 2',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas(''), 'hpa.yaml': hpa('  minReplicas: 2\n') },
    },
    {
      name: 'the HPA floor counts, not spec.replicas',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': withReplicas('  replicas: 1\n'),
        'hpa.yaml': hpa('  minReplicas: 3\n'),
      },
    },
    {
      name: 'minimum lowered to 1',
      options: { minimum: 1 },
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('  replicas: 1\n') },
    },
    { name: 'a workload no Service selects', files: { 'deploy.yaml': withReplicas('  replicas: 1\n') } },
    {
      name: 'an HPA for another Deployment of the same name in another namespace does not count',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'hpa.yaml': hpa('  minReplicas: 1\n').replace('namespace: shop', 'namespace: other'),
      },
    },
  ],
  invalid: [
    {
      name: 'one replica',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('  replicas: 1\n') },
      errors: [
        {
          file: 'deploy.yaml',
          line: 7,
          message: /Deployment shop\/web runs 1 replica: .*Set replicas to at least 2\./,
        },
      ],
    },
    {
      name: 'replicas unset means 1: at spec',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('') },
      errors: [{ file: 'deploy.yaml', line: 6, message: /runs 1 replica \(replicas unset\).*at least 2\./ }],
    },
    {
      name: 'HPA minReplicas 1: on the HPA',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas(''), 'hpa.yaml': hpa('  minReplicas: 1\n') },
      errors: [
        {
          file: 'hpa.yaml',
          line: 11,
          message:
            /HorizontalPodAutoscaler shop\/web lets Deployment shop\/web scale down to 1 replica \(minReplicas\).*Set minReplicas to at least 2\./,
        },
      ],
    },
    {
      name: 'HPA without minReplicas (defaults to 1): at its spec',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD, 'hpa.yaml': hpa('') },
      errors: [
        {
          file: 'hpa.yaml',
          line: 6,
          message: /scale down to 1 replica \(minReplicas unset, the default\).*at least 2\./,
        },
      ],
    },
    {
      name: 'minimum raised to 3',
      options: { minimum: 3 },
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('  replicas: 2\n') },
      errors: [
        {
          file: 'deploy.yaml',
          line: 7,
          message: /runs 2 replicas: fewer than the minimum of 3.*Set replicas to at least 3\./,
        },
      ],
    },
    {
      name: 'an Argo Rollout scaled by an HPA',
      files: {
        'service.yaml': SERVICE_WEB,
        'rollout.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  strategy:
    blueGreen:
      activeService: web
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
`,
        'hpa.yaml': hpa('  minReplicas: 1\n').replace(
          '    apiVersion: apps/v1\n    kind: Deployment\n',
          '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout\n',
        ),
      },
      errors: [{ file: 'hpa.yaml', line: 11, message: /lets Rollout shop\/web scale down to 1/ }],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/min-replicas.md shows. */
export const docExamples: DocExamples = {
  invalid: 'one replica',
  valid: 'three replicas',
};
