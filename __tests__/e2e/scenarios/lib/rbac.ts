/**
 * RBAC for scenario 6: the Role the documentation tells users to grant (read from the README, or
 * docs/watch.md, at test time, so the test checks what users are told), a ServiceAccount bound to
 * it, and a kubeconfig carrying a token from the TokenRequest API, as a CI job would have.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments, stringify } from 'yaml';
import { repoRoot } from '../../helpers/paths.js';
import { apply, type KubeObject } from './manifests.js';

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  [key: string]: unknown;
}

export interface RoleObject extends KubeObject {
  rules: PolicyRule[];
}

/** The Role in the first ```yaml block that defines one, in README.md, then docs/watch.md. */
export function documentedRole(): { role: RoleObject; source: string } {
  for (const file of ['README.md', 'docs/watch.md']) {
    const path = join(repoRoot, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const block of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      for (const doc of parseAllDocuments(block[1]!)) {
        const value = doc.toJS() as RoleObject | null;
        if (
          value?.kind === 'Role' &&
          value.apiVersion === 'rbac.authorization.k8s.io/v1' &&
          Array.isArray(value.rules)
        ) {
          return { role: value, source: relative(repoRoot, path) };
        }
      }
    }
  }
  throw new Error(
    'no Role (rbac.authorization.k8s.io/v1) in a ```yaml block of README.md or docs/watch.md: the minimal RBAC Role is not documented',
  );
}

/** The same Role without the `patch` verb on apps/deployments (rules left with no verb are dropped). */
export function withoutDeploymentPatch(role: RoleObject): RoleObject {
  const rules: PolicyRule[] = [];
  for (const rule of role.rules) {
    const onDeployments =
      (rule.apiGroups ?? []).includes('apps') && (rule.resources ?? []).some((r) => r === 'deployments' || r === '*');
    const verbs = onDeployments ? rule.verbs.filter((v) => v !== 'patch' && v !== '*') : rule.verbs;
    if (verbs.length > 0) rules.push({ ...rule, verbs });
  }
  return { ...role, rules };
}

export function grants(role: RoleObject, group: string, resource: string, verb: string): boolean {
  return role.rules.some(
    (r) =>
      (r.apiGroups ?? []).includes(group) &&
      (r.resources ?? []).includes(resource) &&
      (r.verbs.includes(verb) || r.verbs.includes('*')),
  );
}

/** Applies `role` in `namespace` and binds it to the ServiceAccount `account` (created if needed). */
export async function bindServiceAccount(namespace: string, account: string, role: RoleObject): Promise<void> {
  const name = role.metadata.name;
  await apply([
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: account, namespace } },
    { ...role, metadata: { ...role.metadata, namespace } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    },
  ]);
}

/**
 * A kubeconfig file for the ServiceAccount: the cluster's server and CA from `admin`, and a bound
 * token from the TokenRequest API (what `kubectl create token` does). Returns the file's path.
 */
export async function serviceAccountKubeconfig(
  admin: KubeConfig,
  namespace: string,
  account: string,
): Promise<{ path: string; token: string }> {
  const core = admin.makeApiClient(CoreV1Api);
  const tr = await core.createNamespacedServiceAccountToken({
    name: account,
    namespace,
    body: {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { audiences: [], expirationSeconds: 3600 },
    },
  });
  const token = tr.status?.token;
  if (!token) throw new Error('the TokenRequest returned no token');
  const cluster = admin.getCurrentCluster();
  if (!cluster) throw new Error('the admin kubeconfig has no current cluster');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'e2e',
        cluster: {
          server: cluster.server,
          ...(cluster.caFile ? { 'certificate-authority': cluster.caFile } : {}),
          ...(cluster.caData ? { 'certificate-authority-data': cluster.caData } : {}),
        },
      },
    ],
    users: [{ name: account, user: { token } }],
    contexts: [{ name: `${account}@e2e`, context: { cluster: 'e2e', user: account, namespace } }],
    'current-context': `${account}@e2e`,
  };
  const dir = await mkdtemp(join(tmpdir(), 'zd-scen-sa-'));
  const path = join(dir, 'kubeconfig.yaml');
  await writeFile(path, stringify(config), { mode: 0o600 });
  return { path, token };
}
