import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD } from './fixtures.js';

const hpa = (kind = 'Deployment', api = 'autoscaling/v2'): string => `apiVersion: ${api}
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: web
  minReplicas: 2
  maxReplicas: 10
`;

const withoutReplicas = edit(DEPLOYMENT_GOOD, '  replicas: 3\n', '');
if (withoutReplicas === DEPLOYMENT_GOOD) throw new Error('fixture edit does not match');

export default {
  valid: [
    { name: 'the HPA owns the replica count', files: { 'deploy.yaml': withoutReplicas, 'hpa.yaml': hpa() } },
    { name: 'replicas without an HPA', files: { 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'an HPA for a StatefulSet of the same name does not target the Deployment',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'hpa.yaml': hpa('StatefulSet') },
    },
  ],
  invalid: [
    {
      name: 'an HPA scales a Deployment that sets replicas: every apply resets it',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'hpa.yaml': hpa() },
      errors: [
        {
          file: 'deploy.yaml',
          line: 7,
          message:
            /^HorizontalPodAutoscaler shop\/web scales Deployment shop\/web, which also sets replicas: 3: every apply of this manifest resets the replica count to 3.*Remove spec\.replicas/,
        },
      ],
    },
    {
      name: 'also for a workload no Service selects, and for autoscaling/v1',
      files: { 'deploy.yaml': DEPLOYMENT_GOOD, 'hpa.yaml': hpa('Deployment', 'autoscaling/v1') },
      errors: [{ file: 'deploy.yaml', line: 7, message: /resets the replica count to 3/ }],
    },
    {
      name: 'an Argo Rollout the HPA scales',
      files: {
        'rollout.yaml': edit(
          DEPLOYMENT_GOOD,
          'apiVersion: apps/v1\nkind: Deployment',
          'apiVersion: argoproj.io/v1alpha1\nkind: Rollout',
        ),
        'hpa.yaml': hpa('Rollout'),
      },
      errors: [{ file: 'rollout.yaml', line: 7, message: /scales Rollout shop\/web, which also sets replicas: 3/ }],
    },
  ],
} satisfies Cases;

export const docExamples: DocExamples = {
  invalid: 'an HPA scales a Deployment that sets replicas: every apply resets it',
  valid: 'the HPA owns the replica count',
};
