import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

const DEPLOYMENT_TWO = edit(DEPLOYMENT_GOOD, '  replicas: 3\n', '  replicas: 2\n');

export default {
  valid: [
    {
      name: 'same name, different kinds',
      files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD },
    },
    {
      name: 'same kind and name in different namespaces',
      files: { 'a.yaml': DEPLOYMENT_GOOD, 'b.yaml': edit(DEPLOYMENT_GOOD, 'namespace: shop', 'namespace: shop-eu') },
    },
    {
      name: 'generateName is not an identity',
      code: `apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
---
apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
`,
    },
  ],
  invalid: [
    {
      name: 'the same Deployment in two files, differently: reported at both, whatever the order',
      files: { 'b.yaml': DEPLOYMENT_TWO, 'a.yaml': DEPLOYMENT_GOOD },
      errors: [
        {
          file: 'a.yaml',
          line: 4,
          message:
            /^Deployment shop\/web is defined 2 times \(also at b\.yaml:4\), differently: kubectl apply keeps whichever it applies last/,
        },
        { file: 'b.yaml', line: 4, message: /defined 2 times \(also at a\.yaml:4\), differently/ },
      ],
    },
    {
      name: 'identical copies in one file (a chart rendered twice): a warning at each',
      code: `${SERVICE_WEB}---\n${SERVICE_WEB}`,
      errors: [
        {
          line: 4,
          severity: 'warning',
          message: /Service shop\/web is defined 2 times \(also at manifest\.yaml:17\), identically/,
        },
        { line: 17, severity: 'warning', message: /also at manifest\.yaml:4/ },
      ],
    },
    {
      name: 'a namespace given by default and one written out are the same object',
      files: {
        'a.yaml': edit(SERVICE_WEB, '  namespace: shop\n', ''),
        'b.yaml': edit(edit(SERVICE_WEB, 'namespace: shop', 'namespace: default'), 'port: 80', 'port: 8080'),
      },
      errors: [
        { file: 'a.yaml', line: 4, message: /Service default\/web is defined 2 times/ },
        { file: 'b.yaml', line: 4, message: /Service default\/web is defined 2 times/ },
      ],
    },
  ],
} satisfies Cases;

export const docExamples: DocExamples = {
  invalid: 'the same Deployment in two files, differently: reported at both, whatever the order',
  valid: 'same kind and name in different namespaces',
};
