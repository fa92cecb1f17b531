/**
 * Builds the client-node KubeConfig from the watch settings: the default chain (KUBECONFIG,
 * ~/.kube/config, in-cluster), a kubeconfig path, inline kubeconfig content, an optional context,
 * or `cluster-name` (eks:DescribeCluster + an EKS token signed in-process and renewed). Secrets
 * found on the way (inline content, tokens, client keys) are handed to `mask`.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { KubeConfig } from '@kubernetes/client-node';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { KubeconfigSource } from '../../settings.js';
import type { Clock } from '../../core/gate/types.js';
import { describeCluster, type EksCluster } from '../aws/eks.js';
import { EKS_USER, EksTokenAuthenticator } from './eks-auth.js';
import { KubeSetupError } from './errors.js';

export interface ConnectOptions {
  readonly kubeconfig: KubeconfigSource;
  readonly context: string | undefined;
  readonly clusterName: string | undefined;
  readonly awsRegion: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  mask(secret: string): void;
  /** For tests: the EKS lookup. */
  readonly describeEksCluster?: (name: string, region: string) => Promise<EksCluster>;
}

export interface Connection {
  readonly kc: KubeConfig;
  /** `context <name> (https://host)`, for the log. */
  readonly describe: string;
}

export async function connect(o: ConnectOptions): Promise<Connection> {
  const kc = new KubeConfig();
  if (o.clusterName) {
    const region = o.awsRegion;
    if (!region) throw new KubeSetupError('`cluster-name` needs a region: set `aws-region` or AWS_REGION.');
    const cluster = await (o.describeEksCluster ?? describeCluster)(o.clusterName, region);
    kc.loadFromOptions({
      clusters: [{ name: cluster.name, server: cluster.endpoint, caData: cluster.caData, skipTLSVerify: false }],
      users: [{ name: EKS_USER }],
      contexts: [{ name: cluster.name, cluster: cluster.name, user: EKS_USER }],
      currentContext: cluster.name,
    });
    kc.addAuthenticator(
      new EksTokenAuthenticator({
        clusterName: o.clusterName,
        region,
        credentials: maskedCredentials(defaultProvider(), (v) => o.mask(v)),
        clock: o.clock,
        onToken: (t) => o.mask(t),
      }),
    );
    return { kc, describe: `EKS cluster ${cluster.name} (${cluster.endpoint})` };
  }

  const source = o.kubeconfig;
  try {
    if (source.kind === 'inline') {
      kc.loadFromString(source.content);
    } else if (source.kind === 'path') {
      if (!existsSync(source.path)) throw new KubeSetupError(`\`kubeconfig\`: no file at ${source.path}.`);
      kc.loadFromFile(source.path);
    } else {
      loadDefault(kc, o.env);
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

  if (o.context) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(o.context)) {
      throw new KubeSetupError(
        `\`context\`: no context named ${o.context} in the kubeconfig (it has ${names.length > 0 ? names.join(', ') : 'none'}).`,
      );
    }
    kc.setCurrentContext(o.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new KubeSetupError(
      `the kubeconfig has no current cluster${kc.getCurrentContext() ? ` (context ${kc.getCurrentContext()})` : ''}: set \`context\` or current-context.`,
    );
  }
  maskCredentials(kc, (v) => o.mask(v));
  return { kc, describe: `context ${kc.getCurrentContext() || '(in-cluster)'} (${cluster.server})` };
}

/**
 * Masks the credentials a kubeconfig holds (of every user and cluster, not only the current ones:
 * the file as a whole is never masked, or its lines would blank ordinary words in the job log), and
 * the ones obtained per request (exec plugins, auth providers): every Authorization value the
 * client sets is masked before the request leaves. applySecurityAuthentication is the one path
 * client-node's Watch, its generated API and http.ts take.
 */
function maskCredentials(kc: KubeConfig, mask: (secret: string) => void): void {
  const TOKEN_KEYS = /^(?:access-token|id-token|refresh-token|client-secret|token|password)$/i;
  for (const u of kc.getUsers()) {
    for (const v of [u.token, u.password, u.keyData]) if (v) mask(v);
    if (u.username && u.password) mask(Buffer.from(`${u.username}:${u.password}`).toString('base64'));
    const config = (u.authProvider as { config?: Record<string, unknown> } | undefined)?.config ?? {};
    for (const [k, v] of Object.entries(config)) if (TOKEN_KEYS.test(k) && typeof v === 'string') mask(v);
  }
  for (const c of kc.getClusters()) {
    const password = URL.canParse(c.server) ? new URL(c.server).password : '';
    if (password) mask(decodeURIComponent(password));
  }
  const fromHeader = (value: unknown): void => {
    const credential = typeof value === 'string' ? /^(?:Bearer|Basic)\s+(.+)$/i.exec(value)?.[1] : undefined;
    if (credential) mask(credential);
  };
  const applySecurity = kc.applySecurityAuthentication.bind(kc);
  kc.applySecurityAuthentication = async (context) => {
    await applySecurity(context);
    fromHeader(context.getHeaders().Authorization);
  };
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

/** KUBECONFIG (every file in it), else ~/.kube/config, else the in-cluster service account. */
function loadDefault(kc: KubeConfig, env: Readonly<Record<string, string | undefined>>): void {
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (fromEnv.length > 0) {
    const missing = fromEnv.filter((f) => !existsSync(f));
    if (missing.length === fromEnv.length)
      throw new KubeSetupError(`KUBECONFIG names no existing file (${missing.join(', ')}).`);
    kc.loadFromDefault();
    return;
  }
  const home = path.join(env.HOME ?? homedir(), '.kube', 'config');
  if (existsSync(home)) {
    kc.loadFromFile(home);
    return;
  }
  if (env.KUBERNETES_SERVICE_HOST && existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token')) {
    kc.loadFromCluster();
    return;
  }
  throw new KubeSetupError(
    'no Kubernetes connection configured: set `kubeconfig` (a path or the content), KUBECONFIG, or ~/.kube/config, run in-cluster, or set `cluster-name` for EKS.',
  );
}
