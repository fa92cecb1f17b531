#!/usr/bin/env node
/**
 * Generates src/core/schema/k8s.generated.ts: the part of the Kubernetes OpenAPI v3 schema that
 * zd-gate reads (the kinds below and every type they reach), trimmed to what a type check needs:
 * property names, primitive types with their formats, arrays and maps. Descriptions, defaults and
 * patch strategies are dropped.
 *
 * Source: k8s.io/kubernetes@v1.36.3 api/openapi-spec/v3/*.json, the module the e2e build already
 * fetches into the Go module cache (`go env GOMODCACHE`). Run:
 *
 *   node scripts/schema/generate.mjs            # or: K8S_OPENAPI_DIR=/path/to/openapi-spec/v3 node ...
 *
 * The output is committed; the pure core checks against it without any I/O at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const VERSION = 'v1.36.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'src', 'core', 'schema', 'k8s.generated.ts');

function specDir() {
  if (process.env.K8S_OPENAPI_DIR) return process.env.K8S_OPENAPI_DIR;
  const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  return path.join(cache, 'k8s.io', `kubernetes@${VERSION}`, 'api', 'openapi-spec', 'v3');
}

/** The kinds zd-gate reads, by the file of their group-version and their schema name. */
const ROOTS = [
  ['api__v1_openapi.json', 'v1', 'Namespace', 'io.k8s.api.core.v1.Namespace'],
  ['api__v1_openapi.json', 'v1', 'Service', 'io.k8s.api.core.v1.Service'],
  ['api__v1_openapi.json', 'v1', 'PersistentVolumeClaim', 'io.k8s.api.core.v1.PersistentVolumeClaim'],
  ['apis__apps__v1_openapi.json', 'apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
  ['apis__apps__v1_openapi.json', 'apps/v1', 'StatefulSet', 'io.k8s.api.apps.v1.StatefulSet'],
  ['apis__networking.k8s.io__v1_openapi.json', 'networking.k8s.io/v1', 'Ingress', 'io.k8s.api.networking.v1.Ingress'],
  [
    'apis__networking.k8s.io__v1_openapi.json',
    'networking.k8s.io/v1',
    'IngressClass',
    'io.k8s.api.networking.v1.IngressClass',
  ],
  ['apis__policy__v1_openapi.json', 'policy/v1', 'PodDisruptionBudget', 'io.k8s.api.policy.v1.PodDisruptionBudget'],
  [
    'apis__autoscaling__v1_openapi.json',
    'autoscaling/v1',
    'HorizontalPodAutoscaler',
    'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
  ],
  [
    'apis__autoscaling__v2_openapi.json',
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  ],
];

const dir = specDir();
if (!existsSync(dir)) {
  console.error(
    `No OpenAPI spec at ${dir}. Run \`npm run e2e:setup\` once (it fetches k8s.io/kubernetes@${VERSION}), or set K8S_OPENAPI_DIR.`,
  );
  process.exit(2);
}

const schemas = new Map();
for (const file of new Set(ROOTS.map((r) => r[0]))) {
  const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  for (const [name, s] of Object.entries(doc.components.schemas)) schemas.set(name, s);
}

/** io.k8s.api.core.v1.PodSpec → core.v1.PodSpec; io.k8s.apimachinery.pkg.apis.meta.v1.X → meta.v1.X */
const short = (name) =>
  name
    .replace(/^io\.k8s\.api\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '')
    .replace(/^io\.k8s\.apimachinery\.pkg\./, '');

const defs = {};
const queue = [];

function refName(s) {
  const ref = s.$ref ?? s.allOf?.[0]?.$ref;
  return ref ? ref.replace('#/components/schemas/', '') : undefined;
}

/** A type reference: a primitive token, a named definition, or an inline array/map. */
function typeOf(s) {
  const ref = refName(s);
  if (ref) {
    const target = schemas.get(ref);
    const prim = target && primitive(target);
    if (prim) return prim;
    if (!(short(ref) in defs) && !queue.includes(ref)) queue.push(ref);
    return short(ref);
  }
  const prim = primitive(s);
  if (prim) return prim;
  if (s.type === 'array') return { a: typeOf(s.items ?? {}) };
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return { m: typeOf(s.additionalProperties) };
  if (s.type === 'object' && !s.properties) return 'any';
  throw new Error(`unhandled inline schema ${JSON.stringify(s).slice(0, 200)}`);
}

function primitive(s) {
  if (s.format === 'int-or-string') return 'ios';
  if (s.oneOf && s.oneOf.some((o) => o.type === 'number') && s.oneOf.some((o) => o.type === 'string')) return 'qty';
  if (s.properties) return undefined;
  switch (s.type) {
    case 'integer':
      return s.format === 'int32' ? 'i32' : 'i64';
    case 'number':
      return 'num';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'str';
    case 'object':
      return s.additionalProperties ? undefined : 'any';
    default:
      return undefined;
  }
}

function define(name) {
  const s = schemas.get(name);
  if (!s) throw new Error(`schema ${name} not found`);
  const key = short(name);
  if (key in defs) return;
  if (s.properties) {
    defs[key] = {};
    const props = {};
    for (const [p, ps] of Object.entries(s.properties).sort(([a], [b]) => a.localeCompare(b))) props[p] = typeOf(ps);
    defs[key] = props;
  } else {
    defs[key] = { $: typeOf(s) };
  }
}

const roots = {};
for (const [, gv, kind, name] of ROOTS) {
  roots[`${gv}/${kind}`] = short(name);
  queue.push(name);
}
while (queue.length) define(queue.shift());

const sorted = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
const text = `/**
 * GENERATED by scripts/schema/generate.mjs from k8s.io/kubernetes@${VERSION} api/openapi-spec/v3
 * (the module the e2e build fetches). Do not edit; run \`node scripts/schema/generate.mjs\`.
 *
 * The kinds zd-gate reads and every type they reach: property names and types only. A type is a
 * primitive token (i32, i64, num, bool, str, ios = int-or-string, qty = quantity, any = free-form
 * object), a definition name, {a: T} for an array or {m: T} for a map. A definition is either its
 * properties (a strict object: any other key is an unknown field) or {$: T} for an alias.
 */
import type { SchemaData } from './types.js';

export const KUBERNETES_VERSION = '${VERSION}';

export const SCHEMA: SchemaData = ${JSON.stringify({ roots, defs: sorted })};
`;
const formatted = await prettier.format(text, {
  ...JSON.parse(readFileSync(path.join(root, '.prettierrc.json'), 'utf8')),
  parser: 'typescript',
});
writeFileSync(out, formatted);
console.log(`${path.relative(root, out)}: ${Object.keys(sorted).length} definitions, ${formatted.length} bytes`);
