import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'unrendered-template',
    severity: 'error',
    appliesTo: 'inputs',
    summary: 'Inputs are rendered manifests, not Helm or Go templates.',
    rationale:
      "zd-gate checks what will be applied. A chart template still holding `{{ .Values.x }}` or `{{- if }}` says nothing about the final settings (and often is not even valid YAML). Template syntax counts when it is Helm's own (`.Values`, `.Release`, `include`, `toYaml`, trim markers) or sits where YAML structure belongs; `{{ }}` inside ConfigMap data or quoted values of other tools (Argo Workflows parameters, alert templates) is data and passes.",
    fix: 'Render first and validate the output: `helm template <release> <chart> -f values.yaml > rendered.yaml` or `kustomize build <dir> > rendered.yaml`.',
    scope: 'Every input document.',
    params: {},
    examples: { incorrect: 'spec:\n  replicas: {{ .Values.replicaCount }}', correct: 'spec:\n  replicas: 3' },
  },
  check(ctx) {
    for (const issue of ctx.parseIssues) if (issue.kind === 'template') ctx.reportIssue(issue);
  },
});
