import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import {
  argoRollout,
  DEPLOYMENT_GOOD,
  INGRESS_IP,
  NAMESPACE_GATED,
  SERVICE_WEB,
  SERVICE_WEB_CANARY,
  tgbWeb,
} from './fixtures.js';

const NAMESPACE_PLAIN = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

const INGRESS_DEFAULT = edit(INGRESS_IP, '    alb.ingress.kubernetes.io/target-type: ip\n', '');

export default {
  valid: [
    {
      name: 'TargetGroupBinding without targetType binding a NodePort Service: the target type is AWS’s, not known here',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': edit(SERVICE_WEB, 'spec:\n', 'spec:\n  type: NodePort\n'),
        'tgb.yaml': tgbWeb(),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'every workload of the Namespace suppressed: no finding',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    zd-gate/ignore: readiness-gate\n',
        ),
      },
    },
    {
      name: 'namespace labelled elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
      files: {
        'namespace.yaml': NAMESPACE_GATED,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'instance targets (the default): readiness gates do not apply',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_DEFAULT,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'IngressClassParams targetType instance wins over the ip annotation: not applicable',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'class.yaml': `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: internal-alb
spec:
  controller: ingress.k8s.aws/alb
  parameters:
    apiGroup: elbv2.k8s.aws
    kind: IngressClassParams
    name: internal
---
apiVersion: elbv2.k8s.aws/v1beta1
kind: IngressClassParams
metadata:
  name: internal
spec:
  targetType: instance
`,
        'ingress.yaml': edit(INGRESS_IP, 'ingressClassName: alb', 'ingressClassName: internal-alb'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: "an Ingress of another class with target-type ip is not the controller's",
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(INGRESS_IP, 'ingressClassName: alb', 'ingressClassName: nginx'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'a readiness gate written into the pod template by hand',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '      terminationGracePeriodSeconds: 40\n',
          '      terminationGracePeriodSeconds: 40\n      readinessGates:\n      - conditionType: target-health.elbv2.k8s.aws/k8s-shop-web-0123456789\n',
        ),
      },
    },
    {
      name: 'a workload no Service selects',
      files: { 'namespace.yaml': NAMESPACE_PLAIN, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'suppressed on the workload with zd-gate/ignore',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    zd-gate/ignore: readiness-gate\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'Namespace among the inputs without the label: error at its metadata',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message:
            /Namespace shop has no `elbv2\.k8s\.aws\/pod-readiness-gate-inject` label, so the pods of Deployment shop\/web \(behind the ip targets of Ingress shop\/web\).*Add the label `elbv2\.k8s\.aws\/pod-readiness-gate-inject: enabled`/,
        },
      ],
    },
    {
      name: 'a label with another value: at the label',
      files: {
        'namespace.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: checkout
    elbv2.k8s.aws/pod-readiness-gate-inject: disabled
`,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'namespace.yaml', line: 7, message: /has `disabled` instead of `enabled`/ }],
    },
    {
      name: 'other labels but not this one: at labels',
      files: {
        'namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: checkout\n',
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 5,
          message: /Namespace shop has no `elbv2\.k8s\.aws\/pod-readiness-gate-inject` label/,
        },
      ],
    },
    {
      name: "Namespace not among the inputs: a warning on the workload's namespace",
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [
        { file: 'deploy.yaml', line: 5, severity: 'warning', message: /Namespace shop is not among the inputs/ },
      ],
    },
    {
      name: 'no namespace in the manifests: the default one (--namespace), at metadata',
      namespace: 'checkout',
      files: {
        'service.yaml': edit(SERVICE_WEB, '  namespace: shop\n', ''),
        'ingress.yaml': edit(INGRESS_IP, '  namespace: shop\n', ''),
        'deploy.yaml': edit(DEPLOYMENT_GOOD, '  namespace: shop\n', ''),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 3,
          severity: 'warning',
          message: /Deployment checkout\/web .*Namespace checkout is not among the inputs/,
        },
      ],
    },
    {
      name: 'the Service annotation (ip) wins over the Ingress annotation (instance)',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': edit(
          SERVICE_WEB,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\n',
        ),
        'ingress.yaml': edit(INGRESS_IP, 'target-type: ip', 'target-type: instance'),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message: /pods of Deployment shop\/web \(behind the ip targets of Ingress shop\/web\)/,
        },
      ],
    },
    {
      name: 'IngressClassParams targetType ip wins over the instance annotation',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'class.yaml': `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: internal-alb
spec:
  controller: ingress.k8s.aws/alb
  parameters:
    apiGroup: elbv2.k8s.aws
    kind: IngressClassParams
    name: internal
---
apiVersion: elbv2.k8s.aws/v1beta1
kind: IngressClassParams
metadata:
  name: internal
spec:
  targetType: ip
`,
        'ingress.yaml': edit(
          edit(INGRESS_IP, 'ingressClassName: alb', 'ingressClassName: internal-alb'),
          'target-type: ip',
          'target-type: instance',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message: /pods of Deployment shop\/web \(behind the ip targets of Ingress shop\/web\)/,
        },
      ],
    },
    {
      name: 'NLB with nlb-ip targets',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': edit(
          edit(
            SERVICE_WEB,
            '  namespace: shop\n',
            '  namespace: shop\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n',
          ),
          'spec:\n',
          'spec:\n  type: LoadBalancer\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'namespace.yaml', line: 3, message: /behind the ip targets of Service shop\/web/ }],
    },
    {
      name: 'TargetGroupBinding with targetType ip, Namespace not among the inputs',
      files: {
        'service.yaml': SERVICE_WEB,
        'tgb.yaml': `apiVersion: elbv2.k8s.aws/v1beta1
kind: TargetGroupBinding
metadata:
  name: web
  namespace: shop
spec:
  serviceRef:
    name: web
    port: http
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef
  targetType: ip
`,
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'deploy.yaml', line: 5, severity: 'warning', message: /TargetGroupBinding shop\/web/ }],
    },
    {
      name: 'one Namespace, many workloads: one finding listing them; a suppressed workload leaves the list',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': ['web', 'api', 'worker']
          .map((n) => edit(edit(SERVICE_WEB, 'name: web\n', `name: ${n}\n`), 'app: web', `app: ${n}`))
          .join('---\n'),
        'ingress.yaml': `${INGRESS_IP}${['api', 'worker']
          .map(
            (n) =>
              `  - host: ${n}.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: ${n}\n            port:\n              number: 80\n`,
          )
          .join('')}`,
        'deploy.yaml': `${DEPLOYMENT_GOOD}---\n${edit(DEPLOYMENT_GOOD, /web/g, 'api')}---\n${edit(edit(DEPLOYMENT_GOOD, /web/g, 'worker'), '  namespace: shop\n', '  namespace: shop\n  annotations:\n    zd-gate/ignore: readiness-gate\n')}`,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message:
            /^Namespace shop has no .*so the pods of Deployment shop\/web \(behind the ip targets of Ingress shop\/web\) and Deployment shop\/api \(behind the ip targets of Ingress shop\/web\) get no readiness gate/,
        },
      ],
    },
    {
      name: 'TargetGroupBinding without targetType binding a ClusterIP Service: an ip target group, the label is needed',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'tgb.yaml': tgbWeb(),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message: /pods of Deployment shop\/web \(behind the ip targets of TargetGroupBinding shop\/web\)/,
        },
      ],
    },
    {
      name: 'an Argo Rollout reached through its ALB traffic routing (use-annotation backend, ip targets)',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB_CANARY}`,
        'ingress.yaml': edit(
          INGRESS_IP,
          '            port:\n              number: 80\n',
          '            port:\n              name: use-annotation\n',
        ),
        'rollout.yaml': argoRollout(),
      },
      errors: [
        {
          file: 'namespace.yaml',
          line: 3,
          message: /pods of Rollout shop\/web \(behind the ip targets of Ingress shop\/web\)/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/readiness-gate.md shows. */
export const docExamples: DocExamples = {
  invalid: 'Namespace among the inputs without the label: error at its metadata',
  valid: 'namespace labelled elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
};
