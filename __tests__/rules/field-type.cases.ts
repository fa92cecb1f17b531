import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, NAMESPACE_GATED, PDB_WEB, SERVICE_WEB } from './fixtures.js';

/**
 * DEPLOYMENT_GOOD's lines, for reading the asserted line numbers off:
 *   7 `  replicas: 3`, 16 `      terminationGracePeriodSeconds: 40`, 17 `      containers:`,
 *   22 `          containerPort: 8080`, 23 `        readinessProbe:`, 33 `          preStop:`.
 */
const deployment = (from: string, to: string): string => edit(DEPLOYMENT_GOOD, from, to);

export default {
  valid: [
    { name: 'replicas: 3, a number', code: DEPLOYMENT_GOOD },
    {
      name: 'every object of the fixtures is well typed',
      files: {
        'namespace.yaml': NAMESPACE_GATED,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'pdb.yaml': PDB_WEB,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'null is unset, whatever the type; a whole float such as 3.0 is a whole number',
      code: deployment('  replicas: 3\n', '  replicas: 3.0\n  paused: null\n'),
    },
    {
      name: 'int-or-string and quantities take both forms; YAML 1.1 booleans (yes/no) are booleans to Kubernetes',
      code: edit(
        deployment('      containers:\n', '      hostNetwork: no\n      containers:\n'),
        '        image: nginx:1.27\n',
        '        image: nginx:1.27\n        resources:\n          requests: {cpu: 0.5, memory: 64Mi}\n',
      ),
    },
    {
      name: 'status and managed fields are part of the schema',
      code: `${DEPLOYMENT_GOOD}status:\n  replicas: 3\n  conditions:\n  - type: Available\n    status: "True"\n`,
    },
    {
      name: 'an apiVersion outside the Kubernetes schema is not checked (extensions/v1beta1 Ingress)',
      code: `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
  namespace: shop
spec:
  backend:
    serviceName: web
    servicePort: 80
  anything: goes
`,
    },
    {
      name: 'custom resources: only the fields zd-gate reads are typed; others pass',
      code: `apiVersion: elbv2.k8s.aws/v1beta1
kind: TargetGroupBinding
metadata:
  name: web
  namespace: shop
spec:
  serviceRef:
    name: web
    port: http
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef
  multiClusterTargetGroup: true
  someFutureField: {x: 1}
`,
    },
  ],
  invalid: [
    {
      name: 'replicas: "3" (a quoted number) is rejected, not read as unset',
      code: deployment('  replicas: 3\n', '  replicas: "3"\n'),
      errors: [
        {
          line: 7,
          message:
            /Deployment shop\/web: `spec.replicas` is the string "3", but DeploymentSpec.replicas must be a whole number \(int32\).*Write it without quotes: 3\./,
        },
      ],
    },
    {
      name: 'a typo next to a field the rules read: terminationGracePeriodSecond',
      code: deployment('      terminationGracePeriodSeconds: 40\n', '      terminationGracePeriodSecond: 40\n'),
      errors: [
        {
          line: 16,
          message:
            /`terminationGracePeriodSecond` is not a field of PodSpec; did you mean `terminationGracePeriodSeconds`\?.*kubectl apply rejects the object.*keeps its default/,
        },
      ],
    },
    {
      name: 'float seconds: 30.5',
      code: deployment('      terminationGracePeriodSeconds: 40\n', '      terminationGracePeriodSeconds: 30.5\n'),
      errors: [
        {
          line: 16,
          message: /is the number 30\.5, but PodSpec\.terminationGracePeriodSeconds must be a whole number \(int64\)/,
        },
      ],
    },
    {
      name: 'negative seconds: accepted with a warning and treated as 1',
      code: deployment('      terminationGracePeriodSeconds: 40\n', '      terminationGracePeriodSeconds: -5\n'),
      errors: [
        {
          line: 16,
          message:
            /is -5, which must be zero or more: the API server accepts it with a warning and treats it as 1 second/,
        },
      ],
    },
    {
      name: '1e309 is Infinity to YAML',
      code: deployment('      terminationGracePeriodSeconds: 40\n', '      terminationGracePeriodSeconds: 1e309\n'),
      errors: [{ line: 16, message: /is Infinity \(a number too large for YAML's float\), but PodSpec/ }],
    },
    {
      name: 'a number too large for int32',
      code: deployment('  replicas: 3\n', '  replicas: 3000000000\n'),
      errors: [
        { line: 7, message: /is the number 3000000000, but DeploymentSpec\.replicas must be a whole number \(int32\)/ },
      ],
    },
    {
      name: 'negative replicas and probe timings are rejected',
      code: edit(
        deployment('  replicas: 3\n', '  replicas: -1\n'),
        '        readinessProbe:\n',
        '        readinessProbe:\n          periodSeconds: -10\n',
      ),
      errors: [
        { line: 7, message: /`spec.replicas` is -1, which must be zero or more: the API server rejects it/ },
        { line: 24, message: /readinessProbe.periodSeconds` is -10, which must be zero or more/ },
      ],
    },
    {
      name: 'an unquoted number as an annotation value, a string where a number belongs in a port',
      code: edit(
        deployment('  namespace: shop\n', '  namespace: shop\n  annotations:\n    prometheus.io/port: 8080\n'),
        '          containerPort: 8080\n',
        '          containerPort: "8080"\n',
      ),
      errors: [
        {
          line: 7,
          message:
            /`metadata.annotations.prometheus.io\/port` is the number 8080, but each value of ObjectMeta.annotations must be a string.*Quote it: "8080"\./,
        },
        {
          line: 24,
          message: /containerPort` is the string "8080", but ContainerPort.containerPort must be a whole number/,
        },
      ],
    },
    {
      name: 'a quoted number is not a percentage: maxUnavailable "1" on a PodDisruptionBudget',
      files: { 'pdb.yaml': edit(PDB_WEB, '  maxUnavailable: 1\n', '  maxUnavailable: "1"\n') },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message:
            /`spec.maxUnavailable` is the string "1", which must be a whole number, or a percentage such as `25%`/,
        },
      ],
    },
    {
      name: 'a mapping where a list belongs, and an unknown field in a probe',
      code: edit(
        deployment('      containers:\n', '      tolerations: {key: spot}\n      containers:\n'),
        '        readinessProbe:\n',
        '        readinessProbe:\n          failureTreshold: 5\n',
      ),
      errors: [
        { line: 17, message: /`spec.template.spec.tolerations` is a mapping, but PodSpec.tolerations must be a list/ },
        { line: 25, message: /`failureTreshold` is not a field of Probe; did you mean `failureThreshold`\?/ },
      ],
    },
    {
      name: 'the pod template of an Argo Rollout is a PodSpec',
      code: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: web
  namespace: shop
spec:
  replicas: "2"
  strategy:
    canary: {steps: [{setWeight: 20}]}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      terminationGracePeriodSecond: 60
      containers:
      - name: web
        image: nginx:1.27
`,
      errors: [
        {
          line: 7,
          message:
            /Rollout shop\/web: `spec.replicas` is the string "2", but RolloutSpec.replicas must be a whole number/,
        },
        { line: 16, message: /`terminationGracePeriodSecond` is not a field of PodSpec/ },
      ],
    },
  ],
} satisfies Cases;

export const docExamples: DocExamples = {
  invalid: 'replicas: "3" (a quoted number) is rejected, not read as unset',
  valid: 'replicas: 3, a number',
};
