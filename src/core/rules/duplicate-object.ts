import { locate } from '../manifest/locate.js';
import { describeObject } from '../manifest/types.js';
import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'duplicate-object',
    severity: 'error',
    appliesTo: 'inputs',
    summary: 'No object (API group, kind, namespace, name) is defined twice across the inputs.',
    rationale:
      'Two definitions of the same object are one object in the cluster: `kubectl apply` applies them in turn and the last one wins, so what runs depends on the order of the files and documents (a different order in CI, another overlay). zd-gate checks every definition and reports each copy, so its verdict does not depend on the order of the inputs either. Two identical copies are harmless but still a sign of a rendering mistake (a chart included twice).',
    fix: 'Keep one definition: remove the other copies, or give them different names or namespaces.',
    scope: 'Every named object among the inputs; objects with generateName are not identities and are skipped.',
    params: {},
    variants: [
      { severity: 'error', when: 'the definitions differ' },
      { severity: 'warning', when: 'the definitions are identical' },
    ],
    references: [
      {
        title: 'Declarative management of Kubernetes objects using configuration files (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/',
      },
    ],
    examples: {
      incorrect:
        '# a.yaml\nkind: Deployment\nmetadata: {name: web}\n---\n# b.yaml\nkind: Deployment\nmetadata: {name: web}',
      correct: '# a.yaml\nkind: Deployment\nmetadata: {name: web}',
    },
  },
  check(ctx) {
    for (const group of ctx.graph.duplicates()) {
      const identical = group.every((o) => JSON.stringify(o.raw) === JSON.stringify(group[0]?.raw));
      const places = group.map((o) => {
        const at = locate(o, ['metadata', 'name']);
        return `${at.file}:${at.line}`;
      });
      group.forEach((o, i) => {
        const others = places.filter((_, j) => j !== i);
        ctx.report({
          object: o,
          path: ['metadata', 'name'],
          severity: identical ? 'warning' : 'error',
          message: `${describeObject(o)} is defined ${group.length} times (also at ${others.join(', ')})${identical ? ', identically' : ', differently'}: ${identical ? 'the copies are redundant' : 'kubectl apply keeps whichever it applies last, so what runs depends on the order of the inputs'}. Keep one definition.`,
        });
      });
    }
  },
});
