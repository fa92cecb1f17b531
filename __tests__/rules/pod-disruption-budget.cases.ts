import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, PDB_WEB, SERVICE_WEB } from './fixtures.js';

const pdbSelecting = (selector: string): string =>
  edit(PDB_WEB, '  selector:\n    matchLabels:\n      app: web\n', selector);

export default {
  valid: [
    {
      name: 'a budget selects the pods',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': PDB_WEB },
    },
    {
      name: 'a budget with matchExpressions',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': pdbSelecting(
          '  selector:\n    matchExpressions:\n    - key: app\n      operator: In\n      values: [web, api]\n',
        ),
      },
    },
    {
      name: 'an empty selector selects every pod of the namespace (policy/v1)',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': pdbSelecting('  selector: {}\n'),
      },
    },
    {
      name: 'objects without a namespace meet in the default one',
      files: {
        'service.yaml': edit(SERVICE_WEB, '  namespace: shop\n', ''),
        'deploy.yaml': edit(DEPLOYMENT_GOOD, '  namespace: shop\n', ''),
        'pdb.yaml': edit(PDB_WEB, '  namespace: shop\n', ''),
      },
    },
    { name: 'a workload no Service selects', files: { 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'suppressed on the workload',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    zd-gate/ignore: pod-disruption-budget, min-replicas\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: "no budget: at the workload's name",
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [
        {
          file: 'deploy.yaml',
          line: 4,
          message: /No PodDisruptionBudget selects the pods of Deployment shop\/web.*Add one with maxUnavailable: 1/,
        },
      ],
    },
    {
      name: 'a budget in another namespace',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': edit(PDB_WEB, 'namespace: shop', 'namespace: other'),
      },
      errors: [
        { file: 'deploy.yaml', line: 4, message: /No PodDisruptionBudget selects the pods of Deployment shop\/web/ },
      ],
    },
    {
      name: 'a budget whose selector misses a pod label',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': pdbSelecting('  selector:\n    matchLabels:\n      app: web\n      tier: frontend\n'),
      },
      errors: [
        {
          file: 'pdb.yaml',
          line: 8,
          message:
            /PodDisruptionBudget shop\/web selects no pod among the inputs \(selector app=web, tier=frontend\), so it protects nothing, and Deployment shop\/web has no budget.*match the pod labels \(app=web\)/,
        },
      ],
    },
    {
      name: 'a budget whose matchExpressions exclude the pods',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': pdbSelecting(
          '  selector:\n    matchExpressions:\n    - key: app\n      operator: NotIn\n      values: [web]\n',
        ),
      },
      errors: [
        {
          file: 'pdb.yaml',
          line: 8,
          message: /PodDisruptionBudget shop\/web selects no pod among the inputs \(selector app NotIn \(web\)\)/,
        },
      ],
    },
    {
      name: 'a budget with an unrelated selector is not blamed: the workload gets the finding',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': pdbSelecting('  selector:\n    matchLabels:\n      team: payments\n'),
      },
      errors: [
        { file: 'deploy.yaml', line: 4, message: /No PodDisruptionBudget selects the pods of Deployment shop\/web/ },
      ],
    },
    {
      name: 'one budget that selects nothing, two workloads without a budget: one finding naming both',
      files: {
        'service.yaml': SERVICE_WEB + '---\n' + edit(SERVICE_WEB, /web/g, 'api'),
        'deploy.yaml': DEPLOYMENT_GOOD + '---\n' + edit(DEPLOYMENT_GOOD, /web/g, 'api'),
        'pdb.yaml': pdbSelecting('  selector:\n    matchLabels:\n      app: webb\n'),
      },
      errors: [
        {
          file: 'pdb.yaml',
          line: 8,
          message:
            /selects no pod among the inputs \(selector app=webb\).*Deployment shop\/web and Deployment shop\/api have no budget.*\(app=web and app=api\)/,
        },
      ],
    },
    {
      name: 'seed 001: the demo has no budget',
      files: {
        'demo.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "demo-nginx-deployment"
  namespace: "demo-nginx"
spec:
  selector:
    matchLabels:
      app: "demo-nginx"
  replicas: 10
  template:
    metadata:
      labels:
        app: "demo-nginx"
        role: "backend"
    spec:
      containers:
      - image: nginx:latest
        imagePullPolicy: Always
        name: "demo-nginx"
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: "service-demo-nginx"
  namespace: "demo-nginx"
spec:
  ports:
  - port: 80
    targetPort: 80
    protocol: TCP
  selector:
    app: "demo-nginx"
`,
      },
      errors: [{ file: 'demo.yaml', line: 4, message: /Deployment demo-nginx\/demo-nginx-deployment/ }],
    },
    {
      name: 'an Argo Rollout and a StatefulSet',
      files: {
        'service.yaml': SERVICE_WEB,
        'workloads.yaml': `apiVersion: argoproj.io/v1alpha1
kind: Rollout
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
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web-sessions
  namespace: shop
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
      role: sessions
  template:
    metadata:
      labels:
        app: web
        role: sessions
    spec:
      containers:
      - name: sessions
        image: redis:7.4
`,
      },
      errors: [
        { file: 'workloads.yaml', line: 4, message: /Rollout shop\/web/ },
        { file: 'workloads.yaml', line: 23, message: /StatefulSet shop\/web-sessions/ },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/pod-disruption-budget.md shows. */
export const docExamples: DocExamples = {
  invalid: "no budget: at the workload's name",
  valid: 'a budget selects the pods',
};
