import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, INGRESS_IP, NAMESPACE_GATED, SERVICE_WEB, tgbWeb } from './fixtures.js';

const NAMESPACE_PLAIN = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

/** DEPLOYMENT_GOOD with readiness gates before `terminationGracePeriodSeconds` (line 16): the first gate's type on line 17. */
const withGate = (...types: string[]): string => {
  const from = '      terminationGracePeriodSeconds: 40\n';
  if (!DEPLOYMENT_GOOD.includes(from)) throw new Error('fixture edit does not match');
  return edit(
    DEPLOYMENT_GOOD,
    from,
    `      readinessGates:\n${types.map((t) => `      - conditionType: ${t}\n`).join('')}${from}`,
  );
};

export default {
  valid: [
    {
      name: 'a hand-written gate naming the TargetGroupBinding the pods sit behind',
      files: {
        'service.yaml': SERVICE_WEB,
        'tgb.yaml': tgbWeb('', 'web-tg'),
        'deploy.yaml': withGate('target-health.elbv2.k8s.aws/web-tg'),
      },
    },
    {
      name: 'a current-style gate behind an Ingress: the controller names its bindings, zd-gate cannot judge',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': withGate('target-health.elbv2.k8s.aws/k8s-shop-web-0123456789'),
      },
    },
    {
      name: 'other readiness gates are not the controller’s',
      files: { 'deploy.yaml': withGate('example.com/feature-ready') },
    },
  ],
  invalid: [
    {
      name: 'a v1 gate in an unlabelled namespace: never set, the pods never become Ready',
      files: {
        'namespace.yaml': NAMESPACE_PLAIN,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': withGate('target-health.alb.ingress.k8s.aws/web_web_80'),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          message:
            /has the readiness gate `target-health\.alb\.ingress\.k8s\.aws\/web_web_80` of the v1 AWS ALB Ingress Controller, which the AWS Load Balancer Controller never sets: Namespace shop is not labelled.*the pods never become Ready/,
        },
      ],
    },
    {
      name: 'a v1 gate, the Namespace not among the inputs: a warning',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': withGate('target-health.alb.ingress.k8s.aws/web_web_80') },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          severity: 'warning',
          message: /unless Namespace shop \(not among the inputs\) is labelled/,
        },
      ],
    },
    {
      name: 'a v1 gate the webhook removes (labelled namespace, ip targets): dead configuration, a notice',
      files: {
        'namespace.yaml': NAMESPACE_GATED,
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_IP,
        'deploy.yaml': withGate('target-health.alb.ingress.k8s.aws/web_web_80'),
      },
      errors: [
        { file: 'deploy.yaml', line: 17, severity: 'notice', message: /its webhook removes it from each new pod/ },
      ],
    },
    {
      name: 'a gate naming a TargetGroupBinding that does not exist (a workload behind bindings only)',
      files: {
        'service.yaml': SERVICE_WEB,
        'tgb.yaml': tgbWeb('', 'web-tg'),
        'deploy.yaml': withGate('target-health.elbv2.k8s.aws/web'),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 17,
          message:
            /no TargetGroupBinding shop\/web is among the inputs \(the pods sit behind TargetGroupBinding web-tg\).*Use `target-health\.elbv2\.k8s\.aws\/web-tg`/,
        },
      ],
    },
  ],
} satisfies Cases;

export const docExamples: DocExamples = {
  invalid: 'a v1 gate in an unlabelled namespace: never set, the pods never become Ready',
  valid: 'other readiness gates are not the controller’s',
};
