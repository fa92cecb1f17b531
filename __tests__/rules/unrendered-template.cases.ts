import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, SERVICE_WEB } from './fixtures.js';

export default {
  valid: [
    { name: 'rendered manifests', files: { 'service.yaml': SERVICE_WEB, 'deploy.yaml': DEPLOYMENT_GOOD } },
    {
      name: 'a ConfigMap carries templates of another tool as data',
      files: {
        'alertmanager.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: alertmanager-templates
  namespace: shop
data:
  slack.tmpl: |
    {{ define "slack.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}
`,
      },
    },
    {
      name: 'a quoted Argo Workflows parameter in a Deployment is a value',
      files: {
        'service.yaml': SERVICE_WEB,
        'deploy.yaml': edit(
          DEPLOYMENT_GOOD,
          '        image: nginx:1.27\n',
          '        image: nginx:1.27\n        env:\n        - name: WORKFLOW\n          value: "{{workflow.name}}"\n',
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'Helm values in a Deployment: the first template line',
      files: {
        'templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
`,
      },
      errors: [
        {
          file: 'templates/deployment.yaml',
          line: 4,
          column: 9,
          message:
            /still holds template syntax `\{\{ include "web\.fullname" \. \}\}`.*Render it first \(`helm template`, `kustomize build`\)/,
        },
      ],
    },
    {
      name: 'a whole document inside {{- if }}',
      files: {
        'templates/ingress.yaml': `{{- if .Values.ingress.enabled -}}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: alb
{{- end }}
`,
      },
      errors: [{ file: 'templates/ingress.yaml', line: 1, message: /`\{\{- if \.Values\.ingress\.enabled -\}\}`/ }],
    },
    {
      name: 'a quoted Helm value that parses as YAML is still a template',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
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
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`,
      errors: [{ line: 28, message: /`\{\{ \.Values\.image\.repository \}\}`/ }],
    },
    {
      name: 'the template document among rendered ones in a multi-document file',
      files: {
        'mixed.yaml': `${SERVICE_WEB}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  maxUnavailable: {{ .Values.pdb.maxUnavailable }}
  selector:
    matchLabels:
      app: web
---
${DEPLOYMENT_GOOD}`,
      },
      errors: [
        {
          file: 'mixed.yaml',
          line: 20,
          column: 19,
          message: /`\{\{ \.Values\.pdb\.maxUnavailable \}\}`.*Render it first/,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/unrendered-template.md shows. */
export const docExamples: DocExamples = {
  invalid: 'Helm values in a Deployment: the first template line',
  valid: 'rendered manifests',
};
