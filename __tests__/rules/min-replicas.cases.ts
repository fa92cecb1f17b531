import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD with `replicas: 3` (line 7) replaced. */
const withReplicas = (line: string): string => edit(DEPLOYMENT_GOOD, '  replicas: 3\n', line);

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

/** A single replica of a store: its image, and volumes (after the container). */
const single = (image: string, volumes = ''): string =>
  edit(withReplicas('  replicas: 1\n'), 'image: nginx:1.27', `image: ${image}`) + volumes;

const PVC_VOLUME = '      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: data\n';
const pvc = (mode: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 1Gi\n`;

/** An alb Ingress to another Service (api): load balancers are among the inputs, and none fronts web. */
const ELSEWHERE = {
  'api.yaml': edit(SERVICE_WEB, /web/g, 'api'),
  'ingress.yaml': edit(INGRESS_IP, '            name: web\n', '            name: api\n'),
};

export default {
  valid: [
    {
      name: 'a single MySQL StatefulSet: a second replica is a second database, no replica advice',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(single('public.ecr.aws/docker/library/mysql:8.0'), 'kind: Deployment', 'kind: StatefulSet'),
      },
    },
    {
      name: 'a single Redis Deployment (by its image)',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': single('redis:7-alpine') },
    },
    {
      name: 'a single pod with a ReadWriteOnce volume claim: a second one could not attach it',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': single('example.com/app:1', PVC_VOLUME),
        'pvc.yaml': pvc('ReadWriteOnce'),
      },
    },
    {
      name: 'replicas "3" (a string) is invalid: field-type reports it, min-replicas does not read it as 1',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('  replicas: "3"\n') },
    },
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
        'hpa.yaml': edit(hpa('  minReplicas: 1\n'), 'namespace: shop', 'namespace: other'),
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
        'hpa.yaml': edit(
          hpa('  minReplicas: 1\n'),
          '    apiVersion: apps/v1\n    kind: Deployment\n',
          '    apiVersion: argoproj.io/v1alpha1\n    kind: Rollout\n',
        ),
      },
      errors: [{ file: 'hpa.yaml', line: 11, message: /lets Rollout shop\/web scale down to 1/ }],
    },
    {
      name: 'a ReadWriteMany volume does not stop a second replica',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': single('example.com/app:1', PVC_VOLUME),
        'pvc.yaml': pvc('ReadWriteMany'),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 7,
          message:
            /runs 1 replica: any rollout or eviction leaves Service web \(no load balancer is among the inputs; one may front it from elsewhere\) without a ready pod/,
        },
      ],
    },
    {
      name: 'only in-cluster clients reach it (the Ingress among the inputs fronts another Service): a notice',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withReplicas('  replicas: 1\n'), ...ELSEWHERE },
      errors: [
        {
          file: 'deploy.yaml',
          line: 7,
          severity: 'notice',
          message:
            /leaves Service web \(in-cluster clients only: no load balancer among the inputs fronts it\) without a ready pod/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/min-replicas.md shows. */
export const docExamples: DocExamples = {
  invalid: 'one replica',
  valid: 'three replicas',
};
