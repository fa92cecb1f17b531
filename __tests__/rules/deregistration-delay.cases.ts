import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD (terminationGracePeriodSeconds on line 16) with another grace period. */
const graced = (n: number): string =>
  edit(DEPLOYMENT_GOOD, 'terminationGracePeriodSeconds: 40', `terminationGracePeriodSeconds: ${n}`);

/** INGRESS_IP with more annotations: the first added one is line 9. */
const ingressWith = (annotations: string): string => edit(INGRESS_IP, 'spec:\n', `${annotations}spec:\n`);

const serviceWith = (annotations: string): string =>
  edit(SERVICE_WEB, '  namespace: shop\n', `  namespace: shop\n  annotations:\n${annotations}`);

const nlb = (annotations: string): string => edit(serviceWith(annotations), 'spec:\n', 'spec:\n  type: LoadBalancer\n');

export default {
  valid: [
    {
      name: 'seed 002: deregistration_delay 70 on the Service, terminationGracePeriodSeconds 60',
      files: {
        'service.yaml': serviceWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: |\n      deregistration_delay.timeout_seconds=70\n',
        ),
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': graced(60),
      },
    },
    {
      name: "no annotation: AWS's 300s outlasts a 40s grace period",
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: "the Service's attributes replace the Ingress's whole value",
      files: {
        'service.yaml': serviceWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: slow_start.duration_seconds=30,deregistration_delay.timeout_seconds=90\n',
        ),
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=10\n',
        ),
        'deploy.yaml': graced(60),
      },
    },
    {
      name: 'equal is enough',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=40\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
    {
      name: 'NLB: 120s with a 90s grace period',
      files: {
        'service.yaml': nlb(
          '    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: deregistration_delay.timeout_seconds=120,deregistration_delay.connection_termination.enabled=true\n',
        ),
        'deploy.yaml': graced(90),
      },
    },
    {
      name: "a TargetGroupBinding's target group is configured elsewhere",
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
    port: 80
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/0123456789abcdef
  targetType: ip
`,
        'deploy.yaml': graced(600),
      },
    },
    {
      name: 'an Ingress of another controller is not checked',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(
          ingressWith(
            '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=5\n',
          ),
          'ingressClassName: alb',
          'ingressClassName: nginx',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
    },
  ],
  invalid: [
    {
      name: "seed 004's example (30s) with a 60s grace period: at the annotation",
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30\n',
        ),
        'deploy.yaml': graced(60),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 9,
          message:
            /deregistration_delay\.timeout_seconds is 30 for the target group of Ingress shop\/web → Service web, but Deployment shop\/web pods may take 60s.*Set deregistration_delay\.timeout_seconds=60 or more in the alb\.ingress\.kubernetes\.io\/target-group-attributes annotation/,
        },
      ],
    },
    {
      name: "the Service's value wins (10s) over the Ingress's (120s): at the Service",
      files: {
        'service.yaml': serviceWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=10\n',
        ),
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=120\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'service.yaml', line: 7, message: /is 10 .*timeout_seconds=40 or more/ }],
    },
    {
      name: 'a block scalar with several attributes',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: |\n      slow_start.duration_seconds=30,\n      deregistration_delay.timeout_seconds=20\n',
        ),
        'deploy.yaml': DEPLOYMENT_GOOD,
      },
      errors: [{ file: 'ingress.yaml', line: 9, message: /is 20 .*timeout_seconds=40 or more/ }],
    },
    {
      name: "a grace period above AWS's default 300s: where the annotation goes",
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': graced(420) },
      errors: [
        {
          file: 'ingress.yaml',
          line: 6,
          message:
            /is 300 \(AWS default\) .*pods may take 420s.*timeout_seconds=420 or more in the alb\.ingress\.kubernetes\.io\/target-group-attributes annotation/,
        },
      ],
    },
    {
      name: "attributes without the delay leave AWS's 300s: at the annotation",
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: slow_start.duration_seconds=30\n',
        ),
        'deploy.yaml': graced(330),
      },
      errors: [{ file: 'ingress.yaml', line: 9, message: /is 300 \(AWS default\)/ }],
    },
    {
      name: 'NLB: deregistration_delay 0 with the default grace period',
      files: {
        'service.yaml': nlb(
          '    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: deregistration_delay.timeout_seconds=0\n',
        ),
        'deploy.yaml': edit(DEPLOYMENT_GOOD, '      terminationGracePeriodSeconds: 40\n', ''),
      },
      errors: [
        {
          file: 'service.yaml',
          line: 8,
          message:
            /is 0 for the target group of Service shop\/web, .*30s \(terminationGracePeriodSeconds, the default\).*timeout_seconds=30 or more in the service\.beta\.kubernetes\.io\/aws-load-balancer-target-group-attributes annotation/,
        },
      ],
    },
    {
      name: 'one finding per workload behind the target group',
      files: {
        'service.yaml': edit(SERVICE_WEB, '    app: web\n', '    tier: web\n'),
        'ingress.yaml': ingressWith(
          '    alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=15\n',
        ),
        'deploy.yaml': `${edit(graced(20), '        app: web\n    spec:', '        app: web\n        tier: web\n    spec:')}---\n${edit(
          edit(graced(60), /web/g, 'web-canary'),
          '        app: web-canary\n    spec:',
          '        app: web-canary\n        tier: web\n    spec:',
        )}`,
      },
      errors: [
        { file: 'ingress.yaml', line: 9, message: /Deployment shop\/web pods may take 20s/ },
        { file: 'ingress.yaml', line: 9, message: /Deployment shop\/web-canary pods may take 60s/ },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/deregistration-delay.md shows. */
export const docExamples: DocExamples = {
  invalid: "seed 004's example (30s) with a 60s grace period: at the annotation",
  valid: 'equal is enough',
};
