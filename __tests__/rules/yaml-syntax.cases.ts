import { edit } from '../helpers/edit.js';
import type { Cases, DocExamples } from '../helpers/rule-tester.js';
import { DEPLOYMENT_GOOD, NAMESPACE_GATED, SERVICE_WEB } from './fixtures.js';

export default {
  valid: [
    {
      name: 'a multi-document file with comments, a leading --- and an empty document',
      files: {
        'all.yaml': `# rendered by helm template\n---\n${NAMESPACE_GATED}---\n---\n${SERVICE_WEB}...\n---\n${DEPLOYMENT_GOOD}`,
      },
    },
    {
      name: 'anchors and merge keys',
      files: {
        'deploy.yaml': edit(
          edit(
            DEPLOYMENT_GOOD,
            '  selector:\n    matchLabels:\n      app: web\n',
            '  selector:\n    matchLabels: &labels\n      app: web\n',
          ),
          '      labels:\n        app: web\n',
          '      labels:\n        <<: *labels\n        version: "1.27"\n',
        ),
      },
    },
    {
      name: 'JSON',
      files: {
        'service.json': JSON.stringify(
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'web', namespace: 'shop' },
            spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
          },
          null,
          2,
        ),
      },
    },
    { name: 'CRLF line endings', files: { 'service.yaml': edit(SERVICE_WEB, /\n/g, '\r\n') } },
  ],
  invalid: [
    {
      name: 'a duplicate key: at the duplicate',
      files: { 'service.yaml': edit(SERVICE_WEB, '  name: web\n', '  name: web\n  name: api\n') },
      errors: [
        {
          file: 'service.yaml',
          line: 5,
          message:
            /Map keys must be unique\. Remove or rename the repeated key\. This document is not checked until it parses; the others are\./,
        },
      ],
    },
    {
      name: 'an unclosed quote',
      files: { 'service.yaml': edit(SERVICE_WEB, '  name: web\n', '  name: "web\n') },
      errors: [
        {
          file: 'service.yaml',
          line: 13,
          message: /Missing closing "quote\. A quoted string opened above is never closed/,
        },
      ],
    },
    {
      name: 'an unclosed flow mapping, in the second document of three; the others are still read',
      files: {
        'all.yaml': `${NAMESPACE_GATED}---\n${edit(SERVICE_WEB, '    app: web\n', '    {app: web\n')}---\n${DEPLOYMENT_GOOD}`,
      },
      errors: [
        {
          file: 'all.yaml',
          line: 16,
          message: /Flow map in block collection must be sufficiently indented and end with a \}/,
        },
      ],
    },
    {
      name: 'a tab used for indentation',
      files: { 'service.yaml': edit(SERVICE_WEB, '  name: web\n', '\tname: web\n') },
      errors: [
        { file: 'service.yaml', line: 4, message: /Tabs are not allowed as indentation\. Indent with spaces\./ },
      ],
    },
    {
      name: 'an alias bomb: refused, with the line of the aliases',
      files: {
        'bomb.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: lol
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
`,
      },
      errors: [{ file: 'bomb.yaml', line: 7, message: /Too many alias expansions \(over 100\)/ }],
    },
    {
      name: 'a .json file is JSON: a trailing comma YAML would forgive',
      files: {
        'service.json': '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {\n    "name": "web",\n  }\n}\n',
      },
      errors: [
        {
          file: 'service.json',
          line: 6,
          message:
            /Not valid JSON: Expected double-quoted property name\. Remove the trailing comma, or quote the key\./,
        },
      ],
    },
    {
      name: "a .json file that is broken for YAML too: YAML's position and message",
      files: { 'service.json': '{\n  "apiVersion": "v1",\n  "kind": "Service"\n  "metadata": {"name": "web"}\n}\n' },
      errors: [
        {
          file: 'service.json',
          line: 4,
          message: /Missing , between flow map items\. Close the bracket or brace, or add the missing comma\./,
        },
      ],
    },
  ],
} satisfies Cases;

/** The cases docs/rules/yaml-syntax.md shows. */
export const docExamples: DocExamples = {
  invalid: 'a duplicate key: at the duplicate',
  valid: 'a multi-document file with comments, a leading --- and an empty document',
};
