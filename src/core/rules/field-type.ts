import { field } from '../manifest/objects.js';
import { describeObject, type Path } from '../manifest/types.js';
import { checkObject, type FieldIssue } from '../schema/check.js';
import { KUBERNETES_VERSION } from '../schema/k8s.generated.js';
import { defineRule } from './rule.js';

/** Problems reported per object at most; the last one says how many more there are. */
const PER_OBJECT = 20;

export default defineRule({
  meta: {
    id: 'field-type',
    severity: 'error',
    appliesTo: 'inputs',
    summary: 'Fields have the type the Kubernetes API expects, and no unknown field hides among them.',
    rationale: `The API server decodes a manifest into typed fields. \`replicas: "3"\` (a string), \`terminationGracePeriodSeconds: 30.5\` (not a whole number), \`1e309\` (Infinity) or a number where a label value or annotation belongs are rejected outright, and \`kubectl apply\` (whose default is \`--validate=strict\`) also rejects a field the type does not have, such as \`terminationGracePeriodSecond\`; clients that do not validate strictly drop that field silently, so its default stays in force. Values out of range are rejected too (negative replicas or probe timings), except a negative terminationGracePeriodSeconds, which the API server accepts with a warning and treats as 1 second.\n\nzd-gate checks every object whose kind it reads (Deployment, StatefulSet, Service, Ingress, IngressClass, PodDisruptionBudget, HorizontalPodAutoscaler, Namespace, PersistentVolumeClaim) against the Kubernetes ${KUBERNETES_VERSION} OpenAPI schema, and the fields it reads of Argo Rollouts, TargetGroupBindings and IngressClassParams. Its other rules read values through the same checks: a value of the wrong type is reported here, never taken for unset or replaced by its default.`,
    fix: 'Write the value with the type the message names (a number without quotes, a string in quotes), or correct the field name.',
    scope:
      'Every object of a kind zd-gate reads, at the apiVersions the Kubernetes schema defines (older, removed apiVersions are not checked). At most 20 problems per object are listed.',
    params: {},
    references: [
      {
        title: 'Server-side field validation (kubectl apply --validate=strict) (Kubernetes docs)',
        url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
      },
      {
        title: 'Kubernetes API reference',
        url: 'https://kubernetes.io/docs/reference/kubernetes-api/',
      },
    ],
    examples: {
      incorrect: 'spec:\n  replicas: "3"\n  template:\n    spec:\n      terminationGracePeriodSecond: 60',
      correct: 'spec:\n  replicas: 3\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60',
    },
  },
  check(ctx) {
    for (const o of ctx.graph.objects) {
      const issues = checkObject(o, PER_OBJECT + 1);
      issues.slice(0, PER_OBJECT).forEach((issue, i) => {
        const more = i === PER_OBJECT - 1 && issues.length > PER_OBJECT;
        ctx.report({
          object: o,
          path: issue.path,
          message: `${describeObject(o)}: ${describe(issue, field(o, issue.path))}${more ? ` More problems of this kind in ${describeObject(o)} are not listed.` : ''}`,
        });
      });
    }
  },
});

function name(path: Path): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

function describe(issue: FieldIssue, value: unknown): string {
  const at = `\`${name(issue.path)}\``;
  if (issue.kind === 'unknown') {
    return `${issue.got} is not a field of ${issue.owner}${issue.suggestion ?? '.'} kubectl apply rejects the object (strict field validation); clients that do not validate strictly drop the field, and what it was meant to set keeps its default.`;
  }
  if (issue.kind === 'value') {
    return issue.consequence
      ? `${at} is ${String(value)}, which must be ${issue.expected}: ${issue.consequence}.`
      : `${at} is ${issue.got.replace(/^the number /, '')}, which must be ${issue.expected}: the API server rejects it.`;
  }
  const hint =
    typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) && /number/.test(issue.expected)
      ? ` Write it without quotes: ${value.trim()}.`
      : typeof value === 'number' && issue.expected === 'a string'
        ? ` Quote it: "${String(value)}".`
        : '';
  const subject = `${issue.item === 'list' ? 'each item of ' : issue.item === 'map' ? 'each value of ' : ''}${issue.owner ? `${issue.owner}.` : ''}${issue.field}`;
  return `${at} is ${issue.got}, but ${subject} must be ${issue.expected}: the API server rejects the object, and zd-gate does not read the value as unset.${hint}`;
}
