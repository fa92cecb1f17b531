import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { argoRollout, SERVICE_WEB, SERVICE_WEB_CANARY } from './fixtures.js';

/** A minimal served workload, so that every Service below has pods behind it. */
const DEPLOY = `apiVersion: apps/v1
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
`;

/** An Ingress to Service web; `annotations` are inserted under metadata, `spec` head before rules. */
const ingress = (
  annotations: string,
  specHead = '  ingressClassName: alb\n',
): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
${annotations}spec:
${specHead}  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;

const nlbService = (annotations: string, specHead = '  type: LoadBalancer\n'): string => `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
${annotations}spec:
${specHead}  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
`;

const CLASS_PARAMS = (targetType: string): string => `apiVersion: elbv2.k8s.aws/v1beta1
kind: IngressClassParams
metadata:
  name: internal
spec:
  targetType: ${targetType}
`;

const CLASS_WITH_PARAMS = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: internal-alb
spec:
  controller: ingress.k8s.aws/alb
  parameters:
    apiGroup: elbv2.k8s.aws
    kind: IngressClassParams
    name: internal
`;

const tgb = (targetType: string): string => `apiVersion: elbv2.k8s.aws/v1beta1
kind: TargetGroupBinding
metadata:
  name: web
  namespace: shop
spec:
  serviceRef:
    name: web
    port: 80
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef
${targetType}`;

export default {
  valid: [
    {
      name: 'Ingress with target-type ip',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress('  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\n'),
      },
    },
    {
      name: 'the Service annotation wins over the Ingress annotation (seed 002 sets ip on the Service)',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': edit(
          SERVICE_WEB,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\n',
        ),
        'ingress.yaml': ingress('  annotations:\n    alb.ingress.kubernetes.io/target-type: instance\n'),
      },
    },
    {
      name: 'IngressClassParams targetType ip wins over an instance annotation',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml': CLASS_WITH_PARAMS,
        'params.yaml': CLASS_PARAMS('ip'),
        'ingress.yaml': ingress(
          '  annotations:\n    alb.ingress.kubernetes.io/target-type: instance\n',
          '  ingressClassName: internal-alb\n',
        ),
      },
    },
    {
      name: "an Ingress of another controller (IngressClass nginx) is not the controller's",
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n',
        'ingress.yaml': ingress('', '  ingressClassName: nginx\n'),
      },
    },
    {
      name: 'the legacy class annotation names another controller',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress('  annotations:\n    kubernetes.io/ingress.class: nginx\n', ''),
      },
    },
    {
      name: 'an Ingress without any class, and no default IngressClass among the inputs',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE_WEB, 'ingress.yaml': ingress('', '') },
    },
    {
      name: 'NLB: aws-load-balancer-type nlb-ip',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n'),
      },
    },
    {
      name: 'NLB: external with nlb-target-type ip',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService(
          '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n',
        ),
      },
    },
    {
      name: 'NLB: loadBalancerClass service.k8s.aws/nlb with nlb-target-type ip',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService(
          '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip\n',
          '  type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb\n',
        ),
      },
    },
    {
      name: 'NLB: nlb-ip wins over an instance target type annotation (buildTargetType)',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService(
          '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance\n',
          '  type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb\n',
        ),
      },
    },
    {
      name: 'a NodePort Service without annotations is no load balancer',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': nlbService('', '  type: NodePort\n') },
    },
    {
      name: "a LoadBalancer Service of another class is not the controller's",
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService('', '  type: LoadBalancer\n  loadBalancerClass: example.com/internal-lb\n'),
      },
    },
    {
      name: 'TargetGroupBinding with targetType ip',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE_WEB, 'tgb.yaml': tgb('  targetType: ip\n') },
    },
    {
      name: 'TargetGroupBinding without targetType binding a ClusterIP Service: only an ip target group can serve it',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE_WEB, 'tgb.yaml': tgb('') },
    },
    {
      name: 'TargetGroupBinding without targetType binding a NodePort Service: the webhook takes it from the target group',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': edit(SERVICE_WEB, 'spec:\n', 'spec:\n  type: NodePort\n'),
        'tgb.yaml': tgb(''),
      },
    },
    {
      name: 'a forward action to a target group ARN is not a Service of the inputs',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(
          ingress(
            '  annotations:\n    alb.ingress.kubernetes.io/actions.legacy: \'{"type": "forward", "targetGroupARN": "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/legacy/0123456789abcdef"}\'\n',
          ),
          '            name: web\n            port:\n              number: 80\n',
          '            name: legacy\n            port:\n              name: use-annotation\n',
        ),
      },
    },
    {
      name: 'suppressed on the Ingress with zd-gate/ignore',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress('  annotations:\n    zd-gate/ignore: target-type-ip\n'),
      },
    },
  ],
  invalid: [
    {
      name: "a plain type: LoadBalancer Service: the webhook makes it the controller's NLB, with instance targets",
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': nlbService('') },
      errors: [
        {
          file: 'service.yaml',
          line: 3,
          message:
            /type LoadBalancer without a loadBalancerClass, which the controller's webhook sets to service\.k8s\.aws\/nlb.*nlb-target-type: ip/,
        },
      ],
    },
    {
      name: '`external` without a target type on a LoadBalancer Service: reconciled through the webhook, instance targets',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService('  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n'),
      },
      errors: [{ file: 'service.yaml', line: 6, message: /webhook sets to service\.k8s\.aws\/nlb/ }],
    },
    {
      name: 'ingressClassName alb without target-type: the default, instance, at the annotations',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress('  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\n'),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          message:
            /Ingress shop\/web \(Service web\): no target type is set, so the controller's default, instance, applies.*set alb\.ingress\.kubernetes\.io\/target-type: ip/,
        },
      ],
    },
    {
      name: 'no annotations at all: at metadata',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE_WEB, 'ingress.yaml': ingress('') },
      errors: [{ file: 'ingress.yaml', line: 3, message: /default, instance/ }],
    },
    {
      name: 'explicit instance on the Ingress',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress(
          '  annotations:\n    alb.ingress.kubernetes.io/scheme: internal\n    alb.ingress.kubernetes.io/target-type: instance\n',
        ),
      },
      errors: [{ file: 'ingress.yaml', line: 8, message: /the target type is instance/ }],
    },
    {
      name: 'the Service annotation (instance) wins over the Ingress annotation (ip): reported on the Service',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': edit(
          SERVICE_WEB,
          '  namespace: shop\n',
          '  namespace: shop\n  annotations:\n    alb.ingress.kubernetes.io/target-type: instance\n',
        ),
        'ingress.yaml': ingress('  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\n'),
      },
      errors: [{ file: 'service.yaml', line: 7, message: /the target type is instance/ }],
    },
    {
      name: 'IngressClassParams targetType instance wins over the ip annotation: reported on the params',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml': CLASS_WITH_PARAMS,
        'params.yaml': CLASS_PARAMS('instance'),
        'ingress.yaml': ingress(
          '  annotations:\n    alb.ingress.kubernetes.io/target-type: ip\n',
          '  ingressClassName: internal-alb\n',
        ),
      },
      errors: [
        {
          file: 'params.yaml',
          line: 6,
          message:
            /Ingress shop\/web \(Service web\): the target type is instance.*set alb\.ingress\.kubernetes\.io\/target-type: ip/,
        },
      ],
    },
    {
      name: 'an IngressClass of another name whose controller is ingress.k8s.aws/alb',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: public\nspec:\n  controller: ingress.k8s.aws/alb\n',
        'ingress.yaml': ingress('', '  ingressClassName: public\n'),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 3,
          message:
            /Ingress shop\/web \(Service web\): no target type is set, so the controller's default, instance, applies/,
        },
      ],
    },
    {
      name: 'the legacy kubernetes.io/ingress.class: alb annotation (seed 001 style)',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress(
          '  annotations:\n    kubernetes.io/ingress.class: alb\n    alb.ingress.kubernetes.io/scheme: internet-facing\n',
          '',
        ),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          message:
            /Ingress shop\/web \(Service web\): no target type is set, so the controller's default, instance, applies/,
        },
      ],
    },
    {
      name: 'the legacy annotation takes priority over spec.ingressClassName',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\nspec:\n  controller: k8s.io/ingress-nginx\n',
        'ingress.yaml': ingress(
          '  annotations:\n    kubernetes.io/ingress.class: alb\n',
          '  ingressClassName: nginx\n',
        ),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          message:
            /Ingress shop\/web \(Service web\): no target type is set, so the controller's default, instance, applies/,
        },
      ],
    },
    {
      name: 'a default IngressClass of the controller takes Ingresses without a class',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'class.yaml': `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: alb
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: ingress.k8s.aws/alb
`,
        'ingress.yaml': ingress('', ''),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 3,
          message:
            /Ingress shop\/web \(Service web\): no target type is set, so the controller's default, instance, applies/,
        },
      ],
    },
    {
      name: 'use-annotation backends are actions, not Services: one finding, for the real backend',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/actions.ssl-redirect: '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}'
spec:
  ingressClassName: alb
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: ssl-redirect
            port:
              name: use-annotation
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              name: http
`,
      },
      errors: [{ file: 'ingress.yaml', line: 6, message: /\(Service web\)/ }],
    },
    {
      name: 'a weighted forward action (use-annotation) sends traffic to two Services: one finding naming both',
      files: {
        'deploy.yaml': `${DEPLOY}---\n${edit(DEPLOY, /web/g, 'web-green')}`,
        'service.yaml': `${SERVICE_WEB}---\n${edit(SERVICE_WEB, /web/g, 'web-green')}`,
        'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/actions.blue-green: |
      {"type": "forward", "forwardConfig": {"targetGroups": [
        {"serviceName": "web", "servicePort": "80", "weight": 90},
        {"serviceName": "web-green", "servicePort": 80, "weight": 10}]}}
spec:
  ingressClassName: alb
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: blue-green
            port:
              name: use-annotation
`,
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          message: /Ingress shop\/web \(Service web, Service web-green\): no target type is set/,
        },
      ],
    },
    {
      name: 'an unknown target type is rejected by the controller',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingress('  annotations:\n    alb.ingress.kubernetes.io/target-type: IP\n'),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 7,
          message:
            /the target type `IP` is neither ip nor instance, so the controller rejects it and builds no target group; set alb\.ingress\.kubernetes\.io\/target-type: ip/,
        },
      ],
    },
    {
      name: 'NLB by loadBalancerClass without a target type: instance by default',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService('', '  type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb\n'),
      },
      errors: [
        {
          file: 'service.yaml',
          line: 3,
          message: /Service shop\/web: no target type is set.*aws-load-balancer-nlb-target-type: ip/,
        },
      ],
    },
    {
      name: 'NLB: external with nlb-target-type instance',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': nlbService(
          '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance\n',
        ),
      },
      errors: [{ file: 'service.yaml', line: 8, message: /the target type is instance/ }],
    },
    {
      name: 'TargetGroupBinding with targetType instance',
      files: { 'deploy.yaml': DEPLOY, 'service.yaml': SERVICE_WEB, 'tgb.yaml': tgb('  targetType: instance\n') },
      errors: [
        { file: 'tgb.yaml', line: 11, message: /TargetGroupBinding shop\/web \(Service web\).*spec\.targetType: ip/ },
      ],
    },
    {
      name: 'one Ingress to two Services: one finding naming both',
      files: {
        'deploy.yaml': DEPLOY,
        'service.yaml': `${SERVICE_WEB}---\n${edit(SERVICE_WEB, 'name: web\n', 'name: web-canary\n')}`,
        'ingress.yaml': `${ingress('')}  - host: canary.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web-canary
            port:
              number: 80
`,
      },
      errors: [{ file: 'ingress.yaml', line: 3, message: /\(Service web, Service web-canary\)/ }],
    },
    {
      name: 'an Argo Rollout behind a use-annotation backend: Argo writes the action, the Ingress sets no target type',
      files: {
        'rollout.yaml': argoRollout(DEPLOY),
        'service.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB_CANARY}`,
        'ingress.yaml': edit(
          ingress(''),
          '            port:\n              number: 80\n',
          '            port:\n              name: use-annotation\n',
        ),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 3,
          message:
            /^Ingress shop\/web \(Service web, Service web-canary\): no target type is set, so the controller's default, instance, applies/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/target-type-ip.md shows. */
export const docExamples: DocExamples = {
  invalid: "a plain type: LoadBalancer Service: the webhook makes it the controller's NLB, with instance targets",
  valid: 'Ingress with target-type ip',
};
