import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

/** DEPLOYMENT_GOOD with replicas and a strategy: with `replicas` on line 7, `type` is line 9 and the first rollingUpdate field line 11. */
const deploy = (replicas: string, strategy: string): string =>
  edit(DEPLOYMENT_GOOD, '  replicas: 3\n', `${replicas}${strategy}`);
const rolling = (fields: string): string => `  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n${fields}`;

const HPA = (min: number): string => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: ${min}
  maxReplicas: 10
`;

export default {
  valid: [
    {
      name: 'maxUnavailable "1" (a quoted number) is invalid: field-type reports it, no fencepost arithmetic on it',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 1\n', rolling('      maxUnavailable: "1"\n      maxSurge: 0\n')),
      },
    },
    {
      name: 'Recreate for a single pod with a ReadWriteOnce volume: a surge pod could not attach it, no advice',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml':
          deploy('  replicas: 1\n', '  strategy:\n    type: Recreate\n') +
          '      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: wp-data\n',
      },
    },
    { name: 'the default strategy (25%/25%)', files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'seed 001: RollingUpdate 25%/25% of 10',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 10\n', rolling('      maxSurge: 25%\n      maxUnavailable: 25%\n')),
      },
    },
    {
      name: 'maxUnavailable 0 with maxSurge 1',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 2\n', rolling('      maxSurge: 1\n      maxUnavailable: 0\n')),
      },
    },
    {
      name: 'maxUnavailable rounds down: 75% of 2 is 1',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 2\n', rolling('      maxUnavailable: 75%\n')),
      },
    },
    {
      name: 'one replica with the default 25% (rounds down to 0)',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': deploy('  replicas: 1\n', '') },
    },
    {
      name: 'maxUnavailable 1 with HPA minReplicas 2',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('', rolling('      maxUnavailable: 1\n')),
        'hpa.yaml': HPA(2),
      },
    },
    {
      name: 'Recreate on a workload no Service selects (a batch consumer)',
      files: { 'deploy.yaml': deploy('  replicas: 1\n', '  strategy:\n    type: Recreate\n') },
    },
    {
      name: 'a StatefulSet has no Deployment strategy',
      files: {
        'service.yaml': SERVICE_WEB,
        'sts.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
  namespace: shop
spec:
  serviceName: web
  replicas: 2
  updateStrategy:
    type: OnDelete
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
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Recreate: at the strategy type',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 3\n', '  strategy:\n    type: Recreate\n'),
      },
      errors: [
        { file: 'deploy.yaml', line: 9, message: /Deployment shop\/web uses strategy Recreate.*Use RollingUpdate\./ },
      ],
    },
    {
      name: 'maxUnavailable 100%',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 4\n', rolling('      maxSurge: 1\n      maxUnavailable: 100%\n')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 12,
          message: /maxUnavailable 100% resolves to 4 of 4 replicas.*Use a maxUnavailable of at most 3/,
        },
      ],
    },
    {
      name: 'maxUnavailable equal to replicas',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 2\n', rolling('      maxUnavailable: 2\n')),
      },
      errors: [{ file: 'deploy.yaml', line: 11, message: /maxUnavailable 2 resolves to 2 of 2 replicas.*at most 1 / }],
    },
    {
      name: 'one replica with maxUnavailable 1',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 1\n', rolling('      maxSurge: 0\n      maxUnavailable: 1\n')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 12,
          message: /maxUnavailable 1 resolves to 1 of 1 replica,.*Use maxSurge: 1 with maxUnavailable: 0/,
        },
      ],
    },
    {
      name: 'replicas unset (1) with maxUnavailable 50%: rounds down to 0 and both 0 means 1',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('', rolling('      maxSurge: 0\n      maxUnavailable: 50%\n')),
      },
      errors: [
        {
          file: 'deploy.yaml',
          line: 11,
          message:
            /maxSurge 0 and maxUnavailable 50% both resolve to 0 of 1 replica, so the deployment controller uses maxUnavailable 1/,
        },
      ],
    },
    {
      name: 'HPA minReplicas is the replica count that matters',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': deploy('  replicas: 6\n', rolling('      maxUnavailable: 3\n')),
        'hpa.yaml': HPA(3),
      },
      errors: [{ file: 'deploy.yaml', line: 11, message: /resolves to 3 of 3 replicas.*at most 2 / }],
    },
    {
      name: 'Recreate with two replicas and a ReadWriteMany volume is still an outage',
      files: {
        'service.yaml': SERVICE_WEB,
        'pvc.yaml':
          'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: shared\n  namespace: shop\nspec:\n  accessModes: [ReadWriteMany]\n',
        'deploy.yaml':
          deploy('  replicas: 2\n', '  strategy:\n    type: Recreate\n') +
          '      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: shared\n',
      },
      errors: [{ file: 'deploy.yaml', line: 9, message: /uses strategy Recreate/ }],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/rolling-update.md shows. */
export const docExamples: DocExamples = {
  invalid: 'Recreate: at the strategy type',
  valid: 'the default strategy (25%/25%)',
};
