import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB, tgbWeb } from './fixtures.js';

/** A served Deployment whose only container has this preStop hook; the hook's command (or seconds) is line 26. */
const deploy = (hook: string): string => `apiVersion: apps/v1
kind: Deployment
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
      terminationGracePeriodSeconds: 120
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        lifecycle:
          preStop:
${hook}`;

const exec = (command: string): string => `            exec:\n              command: ${command}\n`;

const NLB_IP = edit(
  edit(
    SERVICE_WEB,
    '  namespace: shop\n',
    '  namespace: shop\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: nlb-ip\n',
  ),
  'spec:\n',
  'spec:\n  type: LoadBalancer\n',
);
const INGRESS_INSTANCE = edit(INGRESS_IP, 'target-type: ip', 'target-type: instance');

export default {
  valid: [
    {
      name: "a stop before the sleep voids the delay: prestop-hook's finding, not this one",
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': deploy(exec('["/bin/sh", "-c", "nginx -s quit; sleep 5"]')) },
    },
    {
      name: 'a workload only in-cluster clients reach (load balancers front other Services) is not judged',
      files: {
        'service.yaml': SERVICE_WEB,
        'api.yaml': edit(SERVICE_WEB, /web/g, 'api'),
        'ingress.yaml': edit(INGRESS_IP, '            name: web\n', '            name: api\n'),
        'deploy.yaml': deploy(exec('["sleep", "2"]')),
      },
    },
    { name: 'ALB ip: sleep 20 ≥ 15', files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'no load balancer among the inputs: the ALB ip threshold, 15',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(exec('["sleep", "15"]')) },
    },
    {
      name: 'ALB instance: sleep 45',
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_INSTANCE,
        'deploy.yaml': deploy(exec('["sleep", "45"]')),
      },
    },
    {
      name: 'NLB: sleep 1m',
      files: { 'service.yaml': NLB_IP, 'deploy.yaml': deploy(exec('["sh", "-c", "sleep 1m"]')) },
    },
    {
      name: 'seed 003: sleep 70 behind the ALB',
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': deploy(exec('["/bin/sh", "-c", "sleep 70"]')) },
    },
    {
      name: 'an httpGet hook has no readable delay',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': deploy('            httpGet:\n              path: /drain\n              port: http\n'),
      },
    },
    {
      name: 'a sleep in a loop waits for a condition, not for its sum',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': deploy(exec('["/bin/sh", "-c", "while [ -e /tmp/busy ]; do sleep 1; done"]')),
      },
    },
    {
      name: "sleep 0 is prestop-hook's finding, not this one",
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': deploy(exec('["sleep", "0"]')) },
    },
    {
      name: 'nlb-seconds lowered to 30 for a fast NLB',
      options: { 'nlb-seconds': 30 },
      files: { 'service.yaml': NLB_IP, 'deploy.yaml': deploy('            sleep:\n              seconds: 30\n') },
    },
    {
      name: 'a TargetGroupBinding without targetType or protocol: the least threshold, 15',
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
`,
        'deploy.yaml': deploy(exec('["sleep", "15"]')),
      },
    },
    {
      name: 'a workload no Service selects',
      files: { 'ingress.yaml': INGRESS_IP, 'deploy.yaml': deploy(exec('["sleep", "1"]')) },
    },
  ],
  invalid: [
    {
      name: 'seed 002: sleep 10 behind an ALB with ip targets',
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': deploy(exec('["sleep", "10"]')) },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          container: 'web',
          message:
            /waits 10s, less than the 15s deregistration takes to propagate behind an ALB with ip targets.*Sleep at least 15s/,
        },
      ],
    },
    {
      name: 'no load balancer among the inputs: the ALB ip threshold',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy('            sleep:\n              seconds: 5\n') },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message:
            /waits 5s, less than the 15s .*ALB with ip targets, assumed: no load balancer is among the inputs.*at least 15s/,
        },
      ],
    },
    {
      name: "ALB instance targets add kube-proxy's sync: 30 < 45",
      files: {
        'service.yaml': SERVICE_WEB,
        'ingress.yaml': INGRESS_INSTANCE,
        'deploy.yaml': deploy(exec('["/bin/sh", "-c", "sleep 30 && nginx -s quit"]')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message: /waits 30s, less than the 45s .*ALB with instance targets.*at least 45s/,
        },
      ],
    },
    {
      name: 'NLB: busybox sleep 30 < 60',
      files: { 'service.yaml': NLB_IP, 'deploy.yaml': deploy(exec('["busybox", "sleep", "30"]')) },
      errors: [
        { file: 'deploy.yaml', line: 26, message: /waits 30s, less than the 60s .*behind an NLB.*at least 60s/ },
      ],
    },
    {
      name: 'behind an ALB and an NLB: the larger threshold',
      files: {
        ...BEHIND_ALB_IP,
        'nlb.yaml': edit(NLB_IP, 'name: web\n', 'name: web-nlb\n'),
        'deploy.yaml': deploy(exec('["sleep", "20"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /less than the 60s .*behind an NLB/ }],
    },
    {
      name: 'a TargetGroupBinding with instance targets and TCP: an NLB',
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
  targetGroupProtocol: TCP
  targetType: instance
`,
        'deploy.yaml': deploy(exec('["sleep", "45"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /waits 45s, less than the 60s .*behind an NLB/ }],
    },
    {
      name: 'alb-ip-seconds raised to 30',
      options: { 'alb-ip-seconds': 30 },
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD },
      errors: [{ file: 'deploy.yaml', line: 34, message: /waits 20s, less than the 30s/ }],
    },
    {
      name: 'fractional sleeps add up: sleep 2.5; sleep 5',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': deploy(exec('["sh", "-c", "sleep 2.5; /usr/local/bin/drain; sleep 5"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /waits 7\.5s/ }],
    },
    {
      name: 'the word "for" in a message is not a loop',
      files: {
        ...BEHIND_ALB_IP,
        'deploy.yaml': deploy(exec('["/bin/sh", "-c", "echo waiting for the load balancer; sleep 5"]')),
      },
      errors: [{ file: 'deploy.yaml', line: 26, message: /waits 5s, less than the 15s/ }],
    },
    {
      name: 'only the sleep before the stop counts: sleep 5; nginx -s quit',
      files: { ...BEHIND_ALB_IP, 'deploy.yaml': deploy(exec('["/bin/sh", "-c", "sleep 5; nginx -s quit"]')) },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message: /waits 5s, less than the 15s deregistration takes to propagate behind an ALB with ip targets/,
        },
      ],
    },
    {
      name: 'a TargetGroupBinding without targetType binding a NodePort Service: the target type is not among the inputs',
      files: {
        'service.yaml': edit(SERVICE_WEB, 'spec:\n', 'spec:\n  type: NodePort\n'),
        'tgb.yaml': tgbWeb(),
        'deploy.yaml': deploy(exec('["sleep", "5"]')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message: /behind a target group whose target type is not among the inputs \(ip assumed\)/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/prestop-duration.md shows. */
export const docExamples: DocExamples = {
  invalid: 'no load balancer among the inputs: the ALB ip threshold',
  valid: 'ALB ip: sleep 20 ≥ 15',
};
