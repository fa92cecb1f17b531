/** Kubernetes API failures as sentences that say which permission is missing. */

/** An API answer other than 2xx, with the Status the API server sent. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

/** A failure the gate cannot wait out (forbidden verb, unknown namespace): the message says what to fix. */
export class KubeSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeSetupError';
  }
}

export interface Access {
  readonly verb: 'get' | 'list' | 'watch' | 'patch';
  /** Plural resource, with its API group when not core: `deployments.apps`. */
  readonly resource: string;
  readonly namespace: string;
}

/** The HTTP status of an error from our requests, client-node's Watch, or its generated API. */
export function statusOf(e: unknown): number | undefined {
  const x = e as { statusCode?: unknown; code?: unknown };
  if (typeof x?.statusCode === 'number') return x.statusCode;
  if (typeof x?.code === 'number') return x.code;
  return undefined;
}

/** 401/403 → a KubeSetupError naming the verb, resource and namespace; anything else → undefined. */
export function accessProblem(e: unknown, access: Access): KubeSetupError | undefined {
  const status = statusOf(e);
  if (status === 401) {
    return new KubeSetupError(
      `the Kubernetes API rejected the credentials (401 Unauthorized) to ${access.verb} ${access.resource} in namespace ${access.namespace}: check \`kubeconfig\`/\`context\`, or the EKS access entry of the role for \`cluster-name\`.`,
    );
  }
  if (status === 403) {
    const detail = e instanceof KubeApiError && e.message ? ` The API server said: ${e.message}` : '';
    return new KubeSetupError(
      `forbidden: the credentials may not ${access.verb} ${access.resource} in namespace ${access.namespace}. Grant \`${access.verb}\` on \`${access.resource}\` in a Role bound to them (docs/watch.md#kubernetes-rbac).${detail}`,
    );
  }
  return undefined;
}

/** A short description of any error, never including request headers. */
export function briefly(e: unknown): string {
  const status = statusOf(e);
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  // fetch failures carry the network error (ECONNREFUSED, ENOTFOUND, a TLS problem) as the cause.
  const cause = (e as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const why = cause ? ` (${cause.code ?? cause.message ?? 'unknown cause'})` : '';
  return status ? `HTTP ${status}: ${message}` : `${message ?? 'unknown error'}${why}`;
}
