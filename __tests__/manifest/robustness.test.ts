/**
 * Robustness of the manifest layer and the engine on input nobody should write but somebody will:
 * random and mutated YAML never makes parseFile or lint throw, every issue and finding has a line
 * inside its file, and a broken document never hides the documents around it.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { EMPTY_CONFIG } from '../../src/core/lint/config.js';
import { lint } from '../../src/core/lint/engine.js';
import { parseFile, type ParsedFile } from '../../src/core/manifest/parse.js';
import { splitDocuments } from '../../src/core/manifest/split.js';
import { RULES } from '../../src/core/rules/index.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD, INGRESS_IP, SERVICE_WEB } from '../rules/fixtures.js';

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  'apiVersion: v1',
  'kind: Deployment',
  'kind: Service',
  'kind: List',
  'items:',
  'metadata:',
  'name: web',
  'namespace: shop',
  'spec:',
  'template:',
  'containers:',
  '- name: web',
  'ports:',
  '- containerPort: 8080',
  'targetPort: http',
  'selector:',
  'app: web',
  'replicas: 3',
  'lifecycle:',
  'preStop:',
  'exec:',
  'command: ["sh", "-c", "sleep 15"]',
  'sleep:',
  'seconds: 20',
  'annotations:',
  'alb.ingress.kubernetes.io/target-type: ip',
  'minAvailable: 100%',
  'maxUnavailable: 0',
  'readinessProbe:',
  'httpGet:',
  'path: /',
  '---',
  '...',
  '%YAML 1.2',
  '&a',
  '*a',
  '<<: *a',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ':',
  '- ',
  '? ',
  '|',
  '>-',
  '#',
  '\t',
  '{{ .Values.x }}',
  '{{- if .Values.y }}',
  'null',
  '~',
  'true',
  '0x1F',
  '1e3',
  '!!binary',
  '!Ref x',
  '\u00e9\u4e2d\u{1F680}',
  '\r',
];

function randomText(next: () => number): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(next() * 40);
  for (let i = 0; i < n; i++) {
    const indent = ' '.repeat(Math.floor(next() * 5) * 2);
    const parts = Array.from(
      { length: 1 + Math.floor(next() * 3) },
      () => TOKENS[Math.floor(next() * TOKENS.length)] as string,
    );
    lines.push(indent + parts.join(next() < 0.7 ? ' ' : ''));
  }
  return lines.join(next() < 0.9 ? '\n' : '\r\n');
}

/** Deletes, duplicates, inserts or swaps characters or lines of a valid manifest. */
function mutate(text: string, next: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * s.length);
    const lines = s.split('\n');
    const li = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 6)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 8));
        break;
      case 1:
        s = s.slice(0, at) + (TOKENS[Math.floor(next() * TOKENS.length)] as string) + s.slice(at);
        break;
      case 2:
        lines.splice(li, 0, lines[li] ?? '');
        s = lines.join('\n');
        break;
      case 3:
        lines.splice(li, 1);
        s = lines.join('\n');
        break;
      case 4:
        lines[li] = ` ${lines[li] ?? ''}`;
        s = lines.join('\n');
        break;
      default:
        lines[li] = (lines[li] ?? '').replace(/^ {2}/, '');
        s = lines.join('\n');
    }
  }
  return s;
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

function expectSane(files: readonly { path: string; text: string }[]): {
  parsed: ParsedFile[];
  findings: readonly Finding[];
} {
  const parsed = files.map((f) => parseFile(f));
  const lines = new Map(files.map((f) => [f.path, lineCount(f.text)]));
  for (const p of parsed) {
    const max = lines.get(p.file.path) as number;
    for (const d of p.docs) expect(d.startLine).toBeGreaterThanOrEqual(1);
    for (const i of p.issues) {
      expect(i.range.line, `${p.file.path}: ${i.message}`).toBeGreaterThanOrEqual(1);
      expect(i.range.line, `${p.file.path}: ${i.message}`).toBeLessThanOrEqual(max + 1);
      expect(i.message).not.toBe('');
    }
  }
  const result = lint({ files: parsed, defaultNamespace: 'default', config: EMPTY_CONFIG, rules: RULES });
  for (const f of result.findings) {
    const max = lines.get(f.file);
    expect(max, `finding in an input file: ${f.file}`).toBeDefined();
    expect(f.line, `${f.ruleId} ${f.message}`).toBeGreaterThanOrEqual(1);
    expect(f.line, `${f.ruleId} ${f.message}`).toBeLessThanOrEqual((max as number) + 1);
    expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
  for (const p of result.problems) if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
  return { parsed, findings: result.findings };
}

const VALID_SET = [
  SERVICE_WEB,
  INGRESS_IP,
  DEPLOYMENT_GOOD,
  BEHIND_ALB_IP['pdb.yaml'],
  BEHIND_ALB_IP['namespace.yaml'],
].join('---\n');

describe('random input never throws, and every position is inside its file', () => {
  /** What a corpus exercised: so that the property is not vacuously true. */
  const tally = () => ({ syntax: 0, template: 0, docs: 0, findings: 0 });
  const count = (t: ReturnType<typeof tally>, r: ReturnType<typeof expectSane>): void => {
    for (const p of r.parsed) {
      t.docs += p.docs.length;
      for (const i of p.issues)
        if (i.kind === 'syntax') t.syntax++;
        else if (i.kind === 'template') t.template++;
    }
    t.findings += r.findings.length;
  };

  it('random token soup (300 files)', () => {
    const next = rng(20240601);
    const t = tally();
    for (let i = 0; i < 300; i++) {
      const text = randomText(next);
      let r: ReturnType<typeof expectSane> | undefined;
      expect(() => (r = expectSane([{ path: `r${i}.yaml`, text }])), `seed file ${i}:\n${text}`).not.toThrow();
      if (r) count(t, r);
    }
    // Mostly broken documents and leftover templates, a few that parse, each reported.
    expect(t.syntax).toBeGreaterThan(50);
    expect(t.template).toBeGreaterThan(50);
    expect(t.docs).toBeGreaterThan(0);
    expect(t.findings).toBeGreaterThanOrEqual(t.syntax + t.template);
  });

  it('mutations of a valid multi-document file (300 files)', () => {
    const next = rng(7);
    const t = tally();
    for (let i = 0; i < 300; i++) {
      const text = mutate(VALID_SET, next);
      let r: ReturnType<typeof expectSane> | undefined;
      expect(() => (r = expectSane([{ path: `m${i}.yaml`, text }])), `mutation ${i}:\n${text}`).not.toThrow();
      if (r) count(t, r);
    }
    // Most mutations still parse and reach the rules; many break a document.
    expect(t.syntax).toBeGreaterThan(30);
    expect(t.docs).toBeGreaterThan(600);
    expect(t.findings).toBeGreaterThan(100);
  });

  it('mutations of JSON (100 files)', () => {
    const next = rng(99);
    const json = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'web' },
            spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
          },
        ],
      },
      null,
      2,
    );
    for (let i = 0; i < 100; i++) {
      const text = mutate(json, next);
      expect(() => expectSane([{ path: `j${i}.json`, text }]), `mutation ${i}:\n${text}`).not.toThrow();
    }
  });
});

describe('a broken document never hides the others', () => {
  it('breaking one document of five leaves the other four parsed as before', () => {
    const docs = VALID_SET.split('---\n');
    const next = rng(4242);
    const before = parseFile({ path: 'a.yaml', text: VALID_SET }).docs.map((d) => JSON.stringify(d.value));
    expect(before).toHaveLength(docs.length);
    for (let i = 0; i < 100; i++) {
      const k = Math.floor(next() * docs.length);
      // A mutation confined to document k, that cannot create a document marker.
      const broken = mutate(docs[k] as string, next).replace(/^(---|\.\.\.)/gm, '#$1');
      const text = docs.map((d, j) => (j === k ? `${broken}\n` : d)).join('---\n');
      const after = parseFile({ path: 'a.yaml', text }).docs.map((d) => JSON.stringify(d.value));
      for (const [j, v] of before.entries())
        if (j !== k) expect(after, `mutation ${i} of document ${k}:\n${broken}`).toContain(v);
    }
  });

  it('the rules still read the documents around a syntax error', () => {
    const text = `${SERVICE_WEB}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\n---\n${DEPLOYMENT_GOOD.replace(/        readinessProbe:\n(?: {10}.*\n)+?(?=        livenessProbe)/, '')}`;
    const { findings } = expectSane([{ path: 'a.yaml', text }]);
    // Service lines 1-12; the ConfigMap's broken flow mapping on line 16; the Deployment from line 18
    // (its name on 21, its container on 35) is still checked against the Service before it.
    expect(findings.map((f) => `${f.ruleId}:${f.line}`).sort()).toEqual([
      'pod-disruption-budget:21',
      'readiness-probe:35',
      'yaml-syntax:16',
    ]);
  });
});

describe('odd but real inputs', () => {
  const cases: Record<string, string> = {
    'an empty file': '',
    'only comments and markers': '# nothing here\n---\n# still nothing\n...\n',
    'a byte order mark and CRLF': `\uFEFF${SERVICE_WEB.replace(/\n/g, '\r\n')}`,
    'a scalar document': 'just a string\n',
    'a top-level sequence': '- a\n- b\n',
    'a JSON array': '[{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"}}]',
    'kind: List with items that are not objects':
      'apiVersion: v1\nkind: List\nitems:\n- 1\n- [a]\n- null\n- {kind: Service}\n',
    'kind: List whose items is not a list': 'apiVersion: v1\nkind: List\nitems: {a: 1}\n',
    'fields of the wrong type': `apiVersion: apps/v1
kind: Deployment
metadata: just-a-string
spec:
  replicas: "3"
  selector: []
  template:
    metadata:
      labels: [app, web]
    spec:
      terminationGracePeriodSeconds: forever
      containers:
      - "not a container"
      - name: 42
        ports: null
        lifecycle: {preStop: {exec: {command: "sleep 15"}}}
      - name: web
        ports:
        - containerPort: "8080"
          name: 8080
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: "80", targetPort: {}}]
`,
    'a PodDisruptionBudget and an HPA with odd values': `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: p}
spec: {minAvailable: "abc%", selector: {matchExpressions: [{key: app, operator: Bogus}]}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec: {scaleTargetRef: "web", minReplicas: -1}
`,
    'deep nesting': `${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'a long line': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "${'x'.repeat(200_000)}"}\n`,
    'a binary file': '\u0000\u0001\u0002ELF\u0000',
    'a YAML 1.1 merge of a missing anchor': 'a: *missing\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      expect(() => expectSane([{ path: 'odd.yaml', text }])).not.toThrow();
    });
  }

  it('a document split never loses a line: each document starts where its text is in the file', () => {
    const next = rng(12345);
    for (let i = 0; i < 200; i++) {
      const text = randomText(next);
      const lines = text.split('\n');
      for (const d of splitDocuments(text)) {
        const first = d.text.split('\n')[0];
        expect(lines[d.startLine - 1], `document at line ${d.startLine}`).toBe(first);
      }
    }
  });
});
