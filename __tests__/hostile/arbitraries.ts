/**
 * fast-check generators of hostile manifest files: real object shapes (the kinds zd-gate reads)
 * with values of the wrong type, size or content at random places, names and annotations from the
 * hostile-string corpus, many documents, nested `kind: List`, deep flow nesting, and the text
 * mangled on the way to bytes (BOM, UTF-16, broken UTF-8, every line break the runner knows).
 * Objects stay out of the good files' namespace and names (see good.ts).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { HOSTILE } from '../helpers/hostile.js';
import { GOOD_NAMESPACE, RESERVED_NAMES } from './good.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One object of each kind the rules read, written the way charts render them. */
const TEMPLATES: readonly Record<string, Json>[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', labels: { app: 'api' }, annotations: { 'zd-gate/ignore': 'min-replicas' } },
    spec: {
      replicas: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
      selector: { matchLabels: { app: 'api' } },
      template: {
        metadata: { labels: { app: 'api' } },
        spec: {
          terminationGracePeriodSeconds: 40,
          readinessGates: [{ conditionType: 'target-health.elbv2.k8s.aws/api' }],
          containers: [
            {
              name: 'api',
              image: 'api:1',
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: 8080 } },
              lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 20'] } } },
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'db' } },
      template: {
        metadata: { labels: { app: 'db' } },
        spec: { containers: [{ name: 'db', lifecycle: { preStop: { sleep: { seconds: 15 } } } }] },
      },
    },
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'ro' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'ro' } },
      strategy: { canary: { steps: [{ setWeight: 20 }] } },
      template: { metadata: { labels: { app: 'ro' } }, spec: { containers: [{ name: 'ro' }] } },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'api',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      },
    },
    spec: { type: 'LoadBalancer', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'api',
      annotations: {
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/target-group-attributes': 'deregistration_delay.timeout_seconds=30',
      },
    },
    spec: {
      ingressClassName: 'alb',
      rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'api', port: { name: 'http' } } } }] } }],
    },
  },
  {
    apiVersion: 'elbv2.k8s.aws/v1beta1',
    kind: 'TargetGroupBinding',
    metadata: { name: 'api' },
    spec: { serviceRef: { name: 'api', port: 80 }, targetType: 'ip', targetGroupARN: 'arn:aws:x' },
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'api' },
    spec: { minAvailable: '50%', selector: { matchLabels: { app: 'api' } } },
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'api' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2 },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', labels: { a: 'b' } } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'x.tpl': '{{ .Values.x }}' } },
];

const notReserved = (s: string): boolean => !RESERVED_NAMES.has(s);

/** Strings a manifest could hold: the corpus, arbitrary Unicode, long runs, template markers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('{{ .Values.x }}', '{{- if .Values.y }}', '*a', '&a', '<<', '---', '...') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', '`', '|', '\n::error::x\n', '@team ', '<img>', '\u202e'),
        fc.integer({ min: 1, max: 5_000 }),
      )
      .map(([s, n]) => s.repeat(n)),
  },
);

/** A value of any type or size where the rules expect one type. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    -40,
    0.5,
    Infinity,
    -Infinity,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    '3',
    '30s',
    '100%',
    '-1',
    '1e309',
    [],
    {},
    [null],
  ),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path into a value (iteratively: the templates are small, but no recursion on principle). */
function pathsOf(value: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { v: Json; p: (string | number)[] }[] = [{ v: value, p: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next.p);
    const { v, p } = next;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, p: [...p, i] }));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push({ v: x, p: [...p, k] });
  }
  return out;
}

function setAt(root: Json, path: readonly (string | number)[], value: unknown): Json {
  if (path.length === 0) return value as Json;
  let cur = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path[path.length - 1] as string | number] = value;
  return root;
}

/** A real object with 0-6 values replaced, a hostile name and namespace, and hostile annotations. */
export const hostileObject: fc.Arbitrary<Json> = fc
  .record({
    template: fc.constantFrom(...TEMPLATES),
    edits: fc.array(fc.tuple(fc.nat(), wrongValue), { maxLength: 6 }),
    name: hostileString.filter(notReserved),
    namespace: fc.option(
      hostileString.filter((s) => s !== GOOD_NAMESPACE),
      { nil: undefined },
    ),
    annotations: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  })
  .map(({ template, edits, name, namespace, annotations }) => {
    const o = structuredClone(template) as { [k: string]: Json };
    const meta = o.metadata as { [k: string]: Json };
    meta.name = name;
    // Cluster-scoped kinds have no namespace; everything else stays out of the good one.
    if (o.kind !== 'Namespace') meta.namespace = namespace ?? 'hostile';
    meta.annotations = { ...(meta.annotations as object), ...annotations };
    let out: Json = o;
    for (const [pick, value] of edits) {
      const paths = pathsOf(out).filter((p) => p.length > 0 && !(p[0] === 'metadata' && p[1] === 'namespace'));
      const path = paths[pick % paths.length];
      // A copy: the constants are shared instances, and one put inside itself would make a cycle.
      if (path) out = setAt(out, path, structuredClone(value));
    }
    // An edit may have put the object back into the good namespace: move it out again.
    const m = (out as { metadata?: unknown }).metadata;
    if (m && typeof m === 'object' && !Array.isArray(m)) {
      const mm = m as { [k: string]: Json };
      if (mm.namespace === GOOD_NAMESPACE || typeof mm.namespace !== 'string') mm.namespace = 'hostile';
      if (typeof mm.name === 'string' && RESERVED_NAMES.has(mm.name)) mm.name = 'renamed';
    }
    return out;
  });

/** Wrapped in `kind: List` 0-20 levels deep (deeper than 16 is refused with an error). */
const maybeListed: fc.Arbitrary<Json> = fc
  .tuple(
    fc.array(hostileObject, { minLength: 1, maxLength: 4 }),
    fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  )
  .map(([objects, depth]) => {
    let v: Json = objects.length === 1 && depth === 0 ? (objects[0] as Json) : objects;
    if (Array.isArray(v) || depth > 0) {
      v = { apiVersion: 'v1', kind: 'List', items: Array.isArray(v) ? v : [v] };
      for (let i = 1; i < depth; i++) v = { apiVersion: 'v1', kind: 'List', items: [v] };
    }
    return v;
  });

/** A document as text: block YAML, flow YAML, JSON, or raw hostile text. */
const documentText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: maybeListed.map((v) => safeStringify(v, false)) },
  { weight: 2, arbitrary: maybeListed.map((v) => safeStringify(v, true)) },
  { weight: 2, arbitrary: maybeListed.map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[', '{a: ', '- ', '  ', '&a [', '"'), fc.integer({ min: 100, max: 8_000 }))
      .map(([open, n]) => open.repeat(n)),
  },
);

function safeStringify(v: Json, flow: boolean): string {
  try {
    return stringify(v, { aliasDuplicateObjects: false, lineWidth: 0, ...(flow ? { collectionStyle: 'flow' } : {}) });
  } catch {
    return JSON.stringify(v) ?? 'null';
  }
}

export type Encoding = 'utf8' | 'bom' | 'utf16le' | 'crlf' | 'cr' | 'unicode-breaks' | 'broken-utf8' | 'latin1';

/** The file's bytes: the text mangled the way editors, tools and attackers do. */
export function encode(text: string, encoding: Encoding, seed: number): Buffer {
  switch (encoding) {
    case 'bom':
      return Buffer.from(`\ufeff${text}`, 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\n/g, '\r'), 'utf8');
    case 'unicode-breaks':
      return Buffer.from(
        text.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? '\u2028' : i % 3 === 1 ? '\u0085\n' : '\n')),
        'utf8',
      );
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'broken-utf8': {
      const b = Buffer.from(text, 'utf8');
      for (let i = 0, at = seed; i < 8 && b.length > 0; i++, at = (at * 31 + 7) >>> 0)
        b[at % b.length] = 0x80 | (at & 0x3f);
      return b;
    }
    default:
      return Buffer.from(text, 'utf8');
  }
}

export interface HostileFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A file name a pull request could commit: corpus strings, no `/` or NUL, not hidden, a manifest extension. */
const fileName: fc.Arbitrary<string> = fc
  .tuple(hostileString, fc.constantFrom('.yaml', '.yml', '.json'))
  .map(([s, ext]) => {
    const base = s.replaceAll('/', '_').replaceAll('\u0000', '_').replace(/^\.+/, '_').slice(0, 100) || 'x';
    return `h-${Buffer.from(base)
      .subarray(0, 180)
      .toString('utf8')
      .replace(/\uFFFD/g, '_')}${ext}`;
  });

/** 1-4 hostile files of 1-20 documents each (the big cases are in crash.test.ts). */
export const hostileFiles: fc.Arbitrary<HostileFile[]> = fc
  .array(
    fc.record({
      name: fileName,
      docs: fc.array(documentText, { minLength: 1, maxLength: 20 }),
      separator: fc.constantFrom('---\n', '\n---\n', '\n...\n---\n', '\n--- # c\n'),
      encoding: fc.constantFrom<Encoding>(
        'utf8',
        'utf8',
        'bom',
        'utf16le',
        'crlf',
        'cr',
        'unicode-breaks',
        'broken-utf8',
        'latin1',
      ),
      seed: fc.nat(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((files) => {
    const seen = new Set<string>();
    return files
      .filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)))
      .map((f) => ({ name: f.name, bytes: encode(f.docs.join(f.separator), f.encoding, f.seed) }));
  });
