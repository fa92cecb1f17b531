import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/**
 * A served Deployment with the grace period and hook given. The pod spec is line 15; with a grace
 * period, `terminationGracePeriodSeconds` is line 16 and the hook's command line 26.
 */
const deploy = (grace: string, hook: string): string => `apiVersion: apps/v1
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
${grace}      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        lifecycle:
          preStop:
${hook}`;

const exec = (command: string): string => `            exec:\n              command: ${command}\n`;
const grace = (n: number): string => `      terminationGracePeriodSeconds: ${n}\n`;

export default {
  valid: [
    { name: 'grace 40 covers sleep 20 plus 10s shutdown', files: { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'the default 30s covers sleep 20 exactly',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy('', exec('["sleep", "20"]')) },
    },
    {
      name: 'seed 003: sleep 70 with 90',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(90), exec('["/bin/sh", "-c", "sleep 70"]')) },
    },
    {
      name: 'seed 004: sleep 180 with 200',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(200), exec('["/bin/sh", "-c", "sleep 180"]')) },
    },
    {
      name: 'an httpGet hook has no readable delay',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(grace(5), '            httpGet:\n              path: /drain\n              port: http\n'),
      },
    },
    {
      name: 'a sleep of unreadable length',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('', exec('["sh", "-c", "sleep $(cat /etc/drain-seconds)"]')),
      },
    },
    {
      name: 'shutdown-seconds lowered to 5: 25 + 5 fits in 30',
      options: { 'shutdown-seconds': 5 },
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy('', exec('["sleep", "25"]')) },
    },
    { name: 'a workload no Service selects', files: { 'deploy.yaml': deploy(grace(10), exec('["sleep", "60"]')) } },
  ],
  invalid: [
    {
      name: 'sleep 30 with the default 30s: at the pod spec, where the field goes',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy('', exec('["sleep", "30"]')) },
      errors: [
        {
          file: 'deploy.yaml',
          line: 15,
          container: 'web',
          message:
            /terminationGracePeriodSeconds is 30 \(the default\) but the preStop hook of container `web` sleeps 30s, leaving 0s of the 10s.*Set terminationGracePeriodSeconds to at least 40\./,
        },
      ],
    },
    {
      name: "seed 003's sleep 70 without raising the grace period",
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(60), exec('["/bin/sh", "-c", "sleep 70"]')) },
      errors: [
        { file: 'deploy.yaml', line: 16, message: /is 60 but .* sleeps 70s, leaving 0s of the 10s.*at least 80\./ },
      ],
    },
    {
      name: 'less than shutdown-seconds left: sleep 180 with 185',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(185), exec('["/bin/sh", "-c", "sleep 180"]')) },
      errors: [{ file: 'deploy.yaml', line: 16, message: /leaving 5s of the 10s.*at least 190\./ }],
    },
    {
      name: 'native sleep action and a sleep 1m',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy(grace(60), '            sleep:\n              seconds: 55\n'),
        'deploy-b.yaml': edit(
          deploy(grace(60), exec('["sh", "-c", "sleep 1m"]')),
          'name: web\n  namespace',
          'name: web-b\n  namespace',
        ),
      },
      errors: [
        { file: 'deploy-b.yaml', line: 16, message: /sleeps 60s.*at least 70\./ },
        { file: 'deploy.yaml', line: 16, message: /sleeps 55s.*at least 65\./ },
      ],
    },
    {
      name: 'the longest sleep among the serving containers counts',
      files: {
        'service.yaml': `${SERVICE_WEB}  - name: admin\n    port: 9000\n    targetPort: admin\n`,
        'deploy.yaml': `${deploy(grace(45), exec('["sleep", "20"]'))}      - name: admin
        image: ghcr.io/example/admin:1.0.0
        ports:
        - name: admin
          containerPort: 9000
        lifecycle:
          preStop:
            exec:
              command: ["sleep", "40"]
`,
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 16,
          container: 'admin',
          message: /container `admin` sleeps 40s, leaving 5s.*at least 50\./,
        },
      ],
    },
    {
      name: 'sleep infinity is always killed: at the command',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(60), exec('["sleep", "infinity"]')) },
      errors: [
        {
          file: 'deploy.yaml',
          line: 26,
          message:
            /sleeps forever, so every pod is killed with SIGKILL when its 60s grace period ends.*at least 10s above it/,
        },
      ],
    },
    {
      name: 'shutdown-seconds raised to 20',
      options: { 'shutdown-seconds': 20 },
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy(grace(40), exec('["sleep", "25"]')) },
      errors: [{ file: 'deploy.yaml', line: 16, message: /leaving 15s of the 20s.*at least 45\./ }],
    },
    {
      name: 'StatefulSet',
      files: {
        'service.yaml': SERVICE_WEB,
        'sts.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  namespace: shop
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 15
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        lifecycle:
          preStop:
            exec:
              command: ["sleep", "15"]
`,
      },
      errors: [
        {
          file: 'sts.yaml',
          line: 17,
          message: /StatefulSet shop\/web: terminationGracePeriodSeconds is 15 .*at least 25\./,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/termination-grace.md shows. */
export const docExamples: DocExamples = {
  invalid: 'sleep 30 with the default 30s: at the pod spec, where the field goes',
  valid: 'grace 40 covers sleep 20 plus 10s shutdown',
};
