/**
 * The connection to the cluster from the watch settings: the default chain (KUBECONFIG,
 * ~/.kube/config, in-cluster), a kubeconfig path, inline kubeconfig content, an optional context,
 * or `cluster-name` (eks:DescribeCluster + an EKS token signed in-process and renewed). Secrets
 * found on the way (inline content, tokens, client keys, exec plugin credentials) are handed to
 * `mask`. Returns the ClusterPort the watch mode uses: the watches, the rollback patch, a read-back.
 */
import { existsSync } from 'node:fs';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type {
  ClusterPort,
  DeploymentFeed,
  DeploymentListeners,
  FeedHooks,
  NamespaceFeed,
  Timers,
} from '../../core/gate/ports.js';
import type { JsonPatchOperation } from '../../core/rollout/rollback-plan.js';
import type { Deployment } from '../../core/rollout/types.js';
import type { KubeconfigSource } from '../../settings.js';
import { describeCluster, type EksCluster } from '../aws/eks.js';
import { EksTokenAuthenticator } from './eks-auth.js';
import { KubeSetupError } from './errors.js';
import { listJson } from './http.js';
import {
  ClusterAccess,
  loadDefaultKubeconfig,
  parseKubeconfig,
  readKubeconfigFile,
  type Kubeconfig,
} from './kubeconfig.js';
import { patchDeployment } from './rollback.js';
import { DeploymentView, NamespaceView } from './views.js';

export interface ConnectOptions {
  readonly kubeconfig: KubeconfigSource;
  readonly context: string | undefined;
  readonly clusterName: string | undefined;
  readonly awsRegion: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timers: Timers;
  readonly mask: (secret: string) => void;
  /** Bounds eks:DescribeCluster. */
  readonly signal?: AbortSignal;
  /** For tests: the EKS lookup. */
  readonly describeEksCluster?: (name: string, region: string, signal?: AbortSignal) => Promise<EksCluster>;
}

export async function connect(o: ConnectOptions): Promise<KubeCluster> {
  if (o.clusterName) {
    const region = o.awsRegion;
    if (!region) throw new KubeSetupError('`cluster-name` needs a region: set `aws-region` or AWS_REGION.');
    const cluster = await (o.describeEksCluster ?? describeCluster)(o.clusterName, region, o.signal);
    const signer = new EksTokenAuthenticator({
      clusterName: o.clusterName,
      region,
      credentials: maskedCredentials(defaultProvider(), o.mask),
      clock: o.timers,
      onToken: (t) => o.mask(t),
    });
    const access = new ClusterAccess(
      { name: cluster.name, server: cluster.endpoint, caData: cluster.caData, skipTLSVerify: false },
      undefined,
      { mask: o.mask, env: o.env, tokenSource: signer },
    );
    return new KubeCluster(access, `EKS cluster ${cluster.name} (${cluster.endpoint})`, o.timers);
  }

  const source = o.kubeconfig;
  let kc: Kubeconfig | undefined;
  try {
    if (source.kind === 'inline') {
      kc = parseKubeconfig(source.content);
    } else if (source.kind === 'path') {
      if (!existsSync(source.path)) throw new KubeSetupError(`\`kubeconfig\`: no file at ${source.path}.`);
      kc = readKubeconfigFile(source.path);
    } else {
      kc = loadDefaultKubeconfig(o.env);
    }
  } catch (e) {
    if (e instanceof KubeSetupError) throw e;
    const where =
      source.kind === 'inline'
        ? 'the inline `kubeconfig` content'
        : source.kind === 'path'
          ? `\`kubeconfig\` ${source.path}`
          : 'the default kubeconfig';
    // The parser's message may quote the content; name the problem without it.
    throw new KubeSetupError(
      `${where} could not be read as a kubeconfig (${(e as Error).name ?? 'Error'}): check that it is a kubeconfig YAML.`,
    );
  }
  if (!kc)
    throw new KubeSetupError(
      'no Kubernetes connection configured: set `kubeconfig` (a path or the content), KUBECONFIG, or ~/.kube/config, run in-cluster, or set `cluster-name` for EKS.',
    );

  maskKubeconfig(kc, o.mask);
  if (o.context) {
    const names = kc.contexts.map((c) => c.name);
    if (!names.includes(o.context)) {
      throw new KubeSetupError(
        `\`context\`: no context named ${o.context} in the kubeconfig (it has ${names.length > 0 ? names.join(', ') : 'none'}).`,
      );
    }
    kc.currentContext = o.context;
  }
  const context = kc.contexts.find((c) => c.name === kc.currentContext);
  const cluster = context ? kc.clusters.find((c) => c.name === context.cluster) : undefined;
  if (!context || !cluster) {
    throw new KubeSetupError(
      `the kubeconfig has no current cluster${kc.currentContext ? ` (context ${kc.currentContext})` : ''}: set \`context\` or current-context.`,
    );
  }
  const user = kc.users.find((u) => u.name === context.user);
  const access = new ClusterAccess(cluster, user, { mask: o.mask, env: o.env });
  return new KubeCluster(access, `context ${context.name} (${redactUrl(cluster.server)})`, o.timers);
}

/**
 * Masks the credentials a kubeconfig holds, of every user and cluster (not only the current ones).
 * The content as a whole is never masked: its lines would blank ordinary words (`apiVersion: v1`)
 * in every later step's log. Credentials obtained per request (exec plugins, token files, the EKS
 * token) are masked by ClusterAccess as it obtains them.
 */
function maskKubeconfig(kc: Kubeconfig, mask: (secret: string) => void): void {
  const TOKEN_KEYS = /^(?:access-token|id-token|refresh-token|client-secret|token|password)$/i;
  for (const u of kc.users) {
    for (const v of [u.token, u.password, u.keyData]) if (v) mask(v);
    if (u.username && u.password) mask(Buffer.from(`${u.username}:${u.password}`).toString('base64'));
    const config = (u.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {};
    for (const [k, v] of Object.entries(config)) if (TOKEN_KEYS.test(k) && typeof v === 'string') mask(v);
  }
  for (const c of kc.clusters) {
    const password = URL.canParse(c.server) ? new URL(c.server).password : '';
    if (password) mask(decodeURIComponent(password));
  }
}

/** The AWS credentials the EKS token is signed with are credentials this process obtained too. */
function maskedCredentials(
  provider: AwsCredentialIdentityProvider,
  mask: (secret: string) => void,
): AwsCredentialIdentityProvider {
  return async (...args) => {
    const c = await provider(...args);
    mask(c.secretAccessKey);
    if (c.sessionToken) mask(c.sessionToken);
    return c;
  };
}

/** `https://admin:pass@host` → `https://host`: never print userinfo. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1');
}

export class KubeCluster implements ClusterPort {
  constructor(
    readonly access: ClusterAccess,
    readonly describe: string,
    private readonly timers: Timers,
  ) {}

  namespace(namespace: string, hooks: FeedHooks): NamespaceFeed {
    return new NamespaceView({ access: this.access, namespace, timers: this.timers, ...hooks });
  }

  deployment(namespace: string, name: string, listeners: DeploymentListeners, hooks: FeedHooks): DeploymentFeed {
    return new DeploymentView({ access: this.access, namespace, timers: this.timers, ...hooks }, name, listeners);
  }

  patchDeployment(
    namespace: string,
    name: string,
    patch: readonly JsonPatchOperation[],
    signal: AbortSignal,
  ): Promise<void> {
    return patchDeployment(this.access, namespace, name, patch, signal);
  }

  async readDeployment(namespace: string, name: string, signal: AbortSignal): Promise<Deployment | undefined> {
    const list = await listJson<Deployment>(
      this.access,
      `/apis/apps/v1/namespaces/${namespace}/deployments`,
      { fieldSelector: `metadata.name=${name}` },
      signal,
    );
    return list.items.find((d) => d.metadata?.name === name);
  }

  close(): Promise<void> {
    return this.access.close();
  }
}
