/**
 * Raw JSON requests through client-node's own transport (its TLS, auth and dispatcher), the way
 * its Watch makes requests. Lists are fetched raw rather than through the generated API because
 * that API deserializes into model classes that drop fields it does not know; the gate compares
 * pod templates, so list and watch must deliver the same JSON.
 */
import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext, type KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from './errors.js';

const http = new IsomorphicFetchHttpLibrary();

export interface ListResult<T> {
  readonly metadata: { readonly resourceVersion?: string };
  readonly items: T[];
}

export function apiUrl(kc: KubeConfig, path: string, query: Readonly<Record<string, string | undefined>> = {}): string {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const url = new URL(cluster.server + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export async function getJson(
  kc: KubeConfig,
  path: string,
  query: Readonly<Record<string, string | undefined>> = {},
): Promise<unknown> {
  const ctx = new RequestContext(apiUrl(kc, path, query), HttpMethod.GET);
  ctx.setHeaderParam('Accept', 'application/json');
  await kc.applySecurityAuthentication(ctx);
  const response = await http.send(ctx).toPromise();
  const text = await response.body.text();
  if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
    let status: { reason?: string; message?: string } = {};
    try {
      status = JSON.parse(text) as typeof status;
    } catch {
      // not a Status object
    }
    throw new KubeApiError(response.httpStatusCode, status.reason ?? '', status.message ?? text.slice(0, 300));
  }
  return JSON.parse(text) as unknown;
}

export async function listJson<T>(
  kc: KubeConfig,
  path: string,
  query: Readonly<Record<string, string | undefined>>,
): Promise<ListResult<T>> {
  const list = (await getJson(kc, path, query)) as { metadata?: { resourceVersion?: string }; items?: T[] | null };
  return {
    metadata: { ...(list.metadata?.resourceVersion ? { resourceVersion: list.metadata.resourceVersion } : {}) },
    items: list.items ?? [],
  };
}
