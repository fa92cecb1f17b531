import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, PDB_WEB, SERVICE_WEB } from './fixtures.js';

/** A PodDisruptionBudget for app=web with this policy (line 7). */
const pdb = (policy: string): string => edit(PDB_WEB, '  maxUnavailable: 1\n', policy);

const withReplicas = (n: number): string => edit(DEPLOYMENT_GOOD, '  replicas: 3\n', `  replicas: ${n}\n`);

/** One replica of app=web on a track: a Deployment of its own. */
const track = (name: string, t: string): string =>
  edit(
    edit(
      edit(withReplicas(1), 'name: web\n  namespace', `name: ${name}\n  namespace`),
      '      app: web\n  template',
      `      app: web\n      track: ${t}\n  template`,
    ),
    '        app: web\n    spec',
    `        app: web\n        track: ${t}\n    spec`,
  );

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
    { name: 'maxUnavailable: 1', files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': PDB_WEB } },
    {
      name: 'minAvailable 2 of 3 replicas',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  minAvailable: 2\n') },
    },
    {
      name: 'minAvailable 50% of 3 rounds up to 2',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  minAvailable: 50%\n') },
    },
    {
      name: 'maxUnavailable 10% of 3 rounds up to 1',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  maxUnavailable: 10%\n') },
    },
    {
      name: 'minAvailable counts every pod the budget selects (two Deployments of 1)',
      files: {
        'deploy.yaml': `${track('web', 'stable')}---\n${track('web-canary', 'canary')}`,
        'pdb.yaml': pdb('  minAvailable: 1\n'),
      },
    },
    {
      name: 'minAvailable 2 with HPA minReplicas 3',
      files: { 'deploy.yaml': withReplicas(1), 'hpa.yaml': HPA(3), 'pdb.yaml': pdb('  minAvailable: 2\n') },
    },
    {
      name: 'a budget that selects no workload among the inputs',
      files: { 'service.yaml': SERVICE_WEB, 'pdb.yaml': pdb('  minAvailable: 3\n') },
    },
    {
      name: 'a budget in another namespace does not judge these pods',
      files: {
        'deploy.yaml': withReplicas(1),
        'pdb.yaml': edit(pdb('  minAvailable: 1\n'), 'namespace: shop', 'namespace: other'),
      },
    },
  ],
  invalid: [
    {
      name: 'maxUnavailable: 0',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  maxUnavailable: 0\n') },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message:
            /PodDisruptionBudget shop\/web allows no voluntary eviction: maxUnavailable: 0, .*Use maxUnavailable: 1/,
        },
      ],
    },
    {
      name: 'maxUnavailable: 0%',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  maxUnavailable: 0%\n') },
      errors: [{ file: 'pdb.yaml', line: 7, message: /eviction: maxUnavailable: 0%,/ }],
    },
    {
      name: 'minAvailable: 100%',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  minAvailable: 100%\n') },
      errors: [{ file: 'pdb.yaml', line: 7, message: /eviction: minAvailable: 100%,/ }],
    },
    {
      name: 'minAvailable equal to the replica count',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  minAvailable: 3\n') },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message:
            /minAvailable 3 requires 3 of the 3 pods it selects \(Deployment shop\/web replicas: 3\).*Use maxUnavailable: 1, or minAvailable: 2 at most\./,
        },
      ],
    },
    {
      name: 'minAvailable 90% of 3 rounds up to 3',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'pdb.yaml': pdb('  minAvailable: 90%\n') },
      errors: [{ file: 'pdb.yaml', line: 7, message: /minAvailable 90% requires 3 of the 3 pods/ }],
    },
    {
      name: 'HPA minReplicas is the count that matters',
      files: { 'deploy.yaml': withReplicas(5), 'hpa.yaml': HPA(2), 'pdb.yaml': pdb('  minAvailable: 2\n') },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message: /requires 2 of the 2 pods it selects \(Deployment shop\/web HPA minReplicas: 2\)/,
        },
      ],
    },
    {
      name: "seed 004's budget (minAvailable 1) over a single replica",
      files: {
        'deploy.yaml': withReplicas(1),
        'pdb.yaml': `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: echoserver-pdb
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
`,
      },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message:
            /PodDisruptionBudget shop\/echoserver-pdb .*requires 1 of the 1 pod it selects.*run at least 2 replicas/,
        },
      ],
    },
    {
      name: 'flagged whether or not a Service selects the pods',
      files: {
        'deploy.yaml': DEPLOYMENT_GOOD,
        'pdb.yaml': `${pdb('  maxUnavailable: 0\n')}---\n${edit(pdb('  minAvailable: 100%\n'), 'name: web\n', 'name: web-b\n')}`,
      },
      errors: [
        {
          file: 'pdb.yaml',
          line: 7,
          message: /PodDisruptionBudget shop\/web allows no voluntary eviction: maxUnavailable: 0,/,
        },
        {
          file: 'pdb.yaml',
          line: 18,
          message: /PodDisruptionBudget shop\/web-b allows no voluntary eviction: minAvailable: 100%,/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/pdb-blocks-drain.md shows. */
export const docExamples: DocExamples = {
  invalid: 'maxUnavailable: 0',
  valid: 'maxUnavailable: 1',
};
