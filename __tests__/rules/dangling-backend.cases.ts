import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { argoRollout, DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB, SERVICE_WEB_CANARY } from './fixtures.js';

/** INGRESS_IP's backend Service name is on line 18. */
const ingressTo = (name: string): string => edit(INGRESS_IP, '            name: web\n', `            name: ${name}\n`);

const USE_ANNOTATION = edit(
  INGRESS_IP,
  '            port:\n              number: 80\n',
  '            port:\n              name: use-annotation\n',
);

export default {
  valid: [
    {
      name: 'the backend Service is among the inputs',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': INGRESS_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'nothing else of the namespace is among the inputs: the Service may come from elsewhere',
      files: { 'ingress.yaml': ingressTo('api') },
    },
    {
      name: 'an Ingress of another class is not the controller’s',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(ingressTo('api'), 'ingressClassName: alb', 'ingressClassName: nginx'),
      },
    },
    {
      name: 'an Argo Rollout writes the action of its rootService at run time',
      files: {
        'service.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB_CANARY}`,
        'ingress.yaml': USE_ANNOTATION,
        'rollout.yaml': argoRollout(),
      },
    },
    {
      name: 'a redirect action needs no Service',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(
          USE_ANNOTATION,
          '  annotations:\n',
          `  annotations:\n    alb.ingress.kubernetes.io/actions.web: '{"type":"redirect","redirectConfig":{"protocol":"HTTPS","port":"443","statusCode":"HTTP_301"}}'\n`,
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'the backend names a Service that is not among the inputs, while the namespace is: a fixed 503',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': ingressTo('wbe'), 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [
        {
          file: 'ingress.yaml',
          line: 18,
          message:
            /^Ingress shop\/web routes to Service shop\/wbe, which is not among the inputs while other objects of namespace shop are: the controller answers its rule with a fixed 503 \("Backend service does not exist"\)\. Did you mean `web`\? Add the Service/,
        },
      ],
    },
    {
      name: 'a use-annotation backend without its action',
      files: { 'service.yaml': SERVICE_WEB, 'ingress.yaml': USE_ANNOTATION },
      errors: [
        {
          file: 'ingress.yaml',
          line: 18,
          message:
            /the backend `web` uses `use-annotation`, but there is no `alb\.ingress\.kubernetes\.io\/actions\.web` annotation.*"Backend action does not exist"/,
        },
      ],
    },
    {
      name: 'an Argo Rollout routes the Ingress under another action name (rootService unset: stableService)',
      files: {
        'service.yaml': `${SERVICE_WEB}---\n${SERVICE_WEB_CANARY}`,
        'ingress.yaml': edit(USE_ANNOTATION, '            name: web\n', '            name: web-root\n'),
        'rollout.yaml': argoRollout(),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 18,
          message:
            /Rollout shop\/web routes this Ingress under the action `web` \(its trafficRouting\.alb\.rootService, else its stableService\), not `web-root`: set rootService: web-root/,
        },
      ],
    },
    {
      name: 'one Service of a weighted forward action is missing: the whole Ingress fails',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': edit(
          USE_ANNOTATION,
          '  annotations:\n',
          `  annotations:\n    alb.ingress.kubernetes.io/actions.web: '{"type":"forward","forwardConfig":{"targetGroups":[{"serviceName":"web","servicePort":"80","weight":90},{"serviceName":"web-v2","servicePort":"80","weight":10}]}}'\n`,
        ),
      },
      errors: [
        {
          file: 'ingress.yaml',
          line: 7,
          message:
            /routes to Service shop\/web-v2, which is not among the inputs.*fails to build the whole Ingress \(and its IngressGroup\)/,
        },
      ],
    },
    {
      name: 'a TargetGroupBinding whose Service is missing registers no targets',
      files: {
        'service.yaml': SERVICE_WEB,
        'tgb.yaml': `apiVersion: elbv2.k8s.aws/v1beta1
kind: TargetGroupBinding
metadata:
  name: api
  namespace: shop
spec:
  serviceRef:
    name: api
    port: 80
  targetGroupARN: arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/api/0123456789abcdef
`,
      },
      errors: [
        {
          file: 'tgb.yaml',
          line: 8,
          message:
            /^TargetGroupBinding shop\/api binds Service shop\/api, which is not among the inputs.*registers no targets/,
        },
      ],
    },
  ],
} satisfies Cases;

export const docExamples: DocExamples = {
  invalid: 'the backend names a Service that is not among the inputs, while the namespace is: a fixed 503',
  valid: 'the backend Service is among the inputs',
};
