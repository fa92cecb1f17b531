import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { kubectl } from './kubectl.js';

/** One Kubernetes object of a YAML text, with its original text. */
export interface ManifestObject {
  text: string;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
}

// Documents with apiVersion/kind that only client-side tools read; the API server has no such
// resources.
const CLIENT_SIDE_GROUPS = ['kustomize.config.k8s.io/', 'config.kubernetes.io/'];

/**
 * The Kubernetes objects of a (multi-document) YAML text: documents with a string apiVersion and
 * kind. Other documents (tool configuration, empty documents) are left out. Throws on a YAML
 * syntax error.
 */
export function kubernetesObjects(text: string, source: string): ManifestObject[] {
  const objects: ManifestObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${source}: YAML error: ${doc.errors[0]!.message}`);
    const value: unknown = doc.toJS();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const { apiVersion, kind, metadata } = value as {
      apiVersion?: unknown;
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown };
    };
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    if (CLIENT_SIDE_GROUPS.some((group) => apiVersion.startsWith(group))) continue;
    objects.push({
      text: doc.toString(),
      apiVersion,
      kind,
      name: typeof metadata?.name === 'string' ? metadata.name : undefined,
      namespace: typeof metadata?.namespace === 'string' ? metadata.namespace : undefined,
    });
  }
  return objects;
}

/** Namespaces the objects live in or define (a dry run does not create a Namespace). */
export function referencedNamespaces(objects: readonly ManifestObject[]): Set<string> {
  const names = new Set<string>();
  for (const o of objects) {
    if (o.namespace) names.add(o.namespace);
    if (o.apiVersion === 'v1' && o.kind === 'Namespace' && o.name) names.add(o.name);
  }
  return names;
}

/** `kubectl apply --dry-run=server` of the objects: the API server validates and admits them. */
export async function serverDryRun(objects: readonly ManifestObject[]): Promise<string> {
  const { stdout } = await kubectl(['apply', '--dry-run=server', '-f', '-'], {
    input: objects.map((o) => o.text).join('\n---\n'),
  });
  return stdout;
}

async function listDir(dir: string): Promise<import('node:fs').Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** `*.cases.ts` files directly in `dir`, sorted; none when the folder does not exist. */
export async function findCaseFiles(dir: string): Promise<string[]> {
  const entries = await listDir(dir);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.cases.ts'))
    .map((e) => join(dir, e.name))
    .sort();
}

/** YAML files below `dir` (recursive, hidden folders and node_modules skipped), sorted. */
export async function findYamlFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await listDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') found.push(...(await findYamlFiles(path)));
    } else if (entry.isFile() && ['.yaml', '.yml'].includes(extname(entry.name))) {
      found.push(path);
    }
  }
  return found.sort();
}

/** The shape of a rule test case that matters here (see __tests__/rules/*.cases.ts). */
export interface RuleCase {
  files?: Record<string, string>;
  code?: string;
  name?: string;
  title?: string;
  apiServerRejects?: string;
}

/** The `valid` cases exported (default export `{ valid, invalid }`) by a cases file. */
export async function loadValidCases(file: string): Promise<RuleCase[]> {
  const module = (await import(pathToFileURL(file).href)) as { default?: { valid?: unknown } };
  const valid = module.default?.valid;
  if (!Array.isArray(valid)) throw new Error(`${file}: the default export has no 'valid' array`);
  return valid as RuleCase[];
}
