/**
 * The kubeconfig, read the way client-node and kubectl read it (client-node's own parser for the
 * clusters, users and contexts), and turned into what a request needs: the server, a TLS/proxy
 * dispatcher, and the credentials (a token, a token file, basic auth, a client certificate, an exec
 * credential plugin, or the EKS token signed in-process).
 *
 * Why not client-node's KubeConfig: loading it loads all of client-node's generated API (about 80
 * MiB of a 1,000-replica watch), and its exec plugin runner has no timeout. The parts of the file
 * format that matter are reused from client-node (config_types); the exec credential protocol
 * (client.authentication.k8s.io) is run here with a timeout and cancellation, and every credential
 * it yields is handed to `mask`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  newClusters,
  newContexts,
  newUsers,
  type Cluster,
  type Context,
  type User,
} from '@kubernetes/client-node/dist/config_types.js';
import { load } from 'js-yaml';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { KubeSetupError } from './errors.js';

export interface Kubeconfig {
  readonly clusters: readonly Cluster[];
  readonly users: readonly User[];
  readonly contexts: readonly Context[];
  currentContext: string | undefined;
}

const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

export function parseKubeconfig(text: string, dir?: string): Kubeconfig {
  const obj = (load(text) ?? {}) as Record<string, unknown>;
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not a mapping');
  const absolute = (f: string | undefined): string | undefined =>
    f === undefined || dir === undefined || path.isAbsolute(f) ? f : path.join(dir, f);
  const clusters = newClusters(obj.clusters).map((c) => ({ ...c, caFile: absolute(c.caFile) }));
  const users = newUsers(obj.users).map((u) => ({
    ...u,
    certFile: absolute(u.certFile),
    keyFile: absolute(u.keyFile),
  }));
  const current = obj['current-context'];
  return {
    clusters,
    users,
    contexts: newContexts(obj.contexts),
    currentContext: typeof current === 'string' ? current : undefined,
  };
}

export function readKubeconfigFile(file: string): Kubeconfig {
  return parseKubeconfig(readFileSync(file, 'utf8'), path.dirname(file));
}

/** Merges several kubeconfigs as KUBECONFIG does: the first file to set a name wins. */
export function mergeKubeconfigs(configs: readonly Kubeconfig[]): Kubeconfig {
  const pick = <T extends { name: string }>(lists: readonly (readonly T[])[]): T[] => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
    return [...seen.values()];
  };
  return {
    clusters: pick(configs.map((c) => c.clusters)),
    users: pick(configs.map((c) => c.users)),
    contexts: pick(configs.map((c) => c.contexts)),
    currentContext: configs.find((c) => c.currentContext)?.currentContext,
  };
}

/** KUBECONFIG (every file in it), else ~/.kube/config, else the in-cluster service account; undefined when none. */
export function loadDefaultKubeconfig(env: Readonly<Record<string, string | undefined>>): Kubeconfig | undefined {
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (fromEnv.length > 0) {
    const present = fromEnv.filter((f) => existsSync(f));
    if (present.length === 0) throw new KubeSetupError(`KUBECONFIG names no existing file (${fromEnv.join(', ')}).`);
    return mergeKubeconfigs(present.map(readKubeconfigFile));
  }
  const home = path.join(env.HOME ?? homedir(), '.kube', 'config');
  if (existsSync(home)) return readKubeconfigFile(home);
  if (env.KUBERNETES_SERVICE_HOST && existsSync(`${SERVICE_ACCOUNT}/token`)) return inCluster(env);
  return undefined;
}

function inCluster(env: Readonly<Record<string, string | undefined>>): Kubeconfig {
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const port = env.KUBERNETES_SERVICE_PORT ?? '443';
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    clusters: [{ name: 'inCluster', server, caFile: `${SERVICE_ACCOUNT}/ca.crt`, skipTLSVerify: false }],
    users: [
      { name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: `${SERVICE_ACCOUNT}/token` } } },
    ],
    contexts: [{ name: 'inClusterContext', cluster: 'inCluster', user: 'inClusterUser' }],
    currentContext: 'inClusterContext',
  };
}

/** Supplies the bearer token for requests (the EKS signer). */
export interface TokenSource {
  token(): Promise<string>;
}

export interface AccessOptions {
  /** For the credentials obtained per request (exec plugins, token files); the kubeconfig's own are masked by connect(). */
  readonly mask: (secret: string) => void;
  /** Replaces the user's credentials (`cluster-name`: the EKS token). */
  readonly tokenSource?: TokenSource;
  /** Time for an exec credential plugin to answer. */
  readonly execTimeoutMs?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Timeouts of the connection pool: connecting (TCP + TLS) and waiting for response headers. */
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
}

/** How to reach the cluster of the current context. */
export class ClusterAccess {
  readonly server: string;
  private readonly dispatchers = new Map<string, Dispatcher>();
  private execCache: { credential: ExecStatus; expires: number | undefined } | undefined;
  private execPending: Promise<ExecStatus> | undefined;
  private fileToken: { value: string; readAt: number } | undefined;

  constructor(
    readonly cluster: Cluster,
    readonly user: User | undefined,
    private readonly o: AccessOptions,
  ) {
    this.server = cluster.server.replace(/\/$/, '');
    if (this.server.startsWith('http:') && !cluster.skipTLSVerify)
      throw new KubeSetupError(
        `the cluster ${cluster.name} is served over plain http (${this.server}): set \`insecure-skip-tls-verify: true\` for it in the kubeconfig if that is intended, or use https.`,
      );
    if (cluster.proxyUrl && !/^https?:\/\//.test(cluster.proxyUrl))
      throw new KubeSetupError(
        `the cluster ${cluster.name} uses proxy-url ${cluster.proxyUrl.replace(/\/\/[^@/]*@/, '//')}: zd-gate supports http(s) proxies only.`,
      );
    const provider = user?.authProvider as { name?: string; config?: Record<string, unknown> } | undefined;
    if (!o.tokenSource && provider && !provider.config?.tokenFile && !user?.exec)
      throw new KubeSetupError(
        `the kubeconfig user ${user?.name ?? '?'} uses the \`${provider.name ?? '?'}\` auth-provider, which zd-gate does not run: use an exec credential plugin (kubectl removed the gcp and azure providers in 1.26), a token, or \`cluster-name\` for EKS.`,
      );
  }

  /** The Authorization (and impersonation) headers for one request. */
  async headers(signal?: AbortSignal): Promise<Record<string, string>> {
    const h: Record<string, string> = { 'user-agent': 'zd-gate' };
    const u = this.user;
    if (u?.impersonateUser) h['Impersonate-User'] = u.impersonateUser;
    if (this.o.tokenSource) {
      h.Authorization = `Bearer ${await this.o.tokenSource.token()}`;
      return h;
    }
    if (u?.username) h.Authorization = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
    const tokenFile = (u?.authProvider as { config?: { tokenFile?: string } } | undefined)?.config?.tokenFile;
    if (tokenFile) h.Authorization = `Bearer ${this.readTokenFile(tokenFile)}`;
    if (u?.exec) {
      const c = await this.execCredential(signal);
      if (c.token) h.Authorization = `Bearer ${c.token}`;
    }
    if (u?.token) h.Authorization = `Bearer ${u.token}`;
    return h;
  }

  /** The connection pool for the current credentials (an exec plugin may hand out a client certificate). */
  async dispatcher(signal?: AbortSignal): Promise<Dispatcher> {
    let cert = fileOrData(this.user?.certFile, this.user?.certData);
    let key = fileOrData(this.user?.keyFile, this.user?.keyData);
    if (this.user?.exec && !this.o.tokenSource) {
      const c = await this.execCredential(signal);
      if (c.clientCertificateData) cert = Buffer.from(c.clientCertificateData);
      if (c.clientKeyData) key = Buffer.from(c.clientKeyData);
    }
    const id = `${cert?.toString('base64').slice(-32) ?? ''}/${key?.length ?? 0}`;
    let d = this.dispatchers.get(id);
    if (!d) {
      const ca = fileOrData(this.cluster.caFile, this.cluster.caData);
      const tls = {
        ...(ca ? { ca } : {}),
        ...(cert ? { cert } : {}),
        ...(key ? { key } : {}),
        ...(this.cluster.skipTLSVerify ? { rejectUnauthorized: false } : {}),
        ...(this.cluster.tlsServerName ? { servername: this.cluster.tlsServerName } : {}),
      };
      const timeouts = {
        headersTimeout: this.o.headersTimeoutMs ?? 30_000,
        connectTimeout: this.o.connectTimeoutMs ?? 10_000,
        keepAliveTimeout: 4_000,
      };
      d = this.cluster.proxyUrl
        ? new ProxyAgent({ uri: this.cluster.proxyUrl, requestTls: tls, ...timeouts })
        : new Agent({ connect: { ...tls, timeout: timeouts.connectTimeout }, ...timeouts });
      this.dispatchers.set(id, d);
    }
    return d;
  }

  /** Closes every connection at once (in-flight requests fail). */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }

  private readTokenFile(file: string): string {
    const now = Date.now();
    // client-go re-reads the file every minute (projected tokens rotate).
    if (!this.fileToken || now - this.fileToken.readAt > 60_000) {
      let value: string;
      try {
        value = readFileSync(file, 'utf8').trim();
      } catch (e) {
        throw new KubeSetupError(`cannot read the service account token ${file}: ${(e as Error).message}`);
      }
      this.o.mask(value);
      this.fileToken = { value, readAt: now };
    }
    return this.fileToken.value;
  }

  private async execCredential(signal?: AbortSignal): Promise<ExecStatus> {
    const cached = this.execCache;
    if (cached && (cached.expires === undefined || cached.expires - Date.now() > 10_000)) return cached.credential;
    this.execPending ??= runExecPlugin(this.user?.exec as ExecConfig, this.cluster, {
      env: this.o.env,
      timeoutMs: this.o.execTimeoutMs ?? 30_000,
      ...(signal ? { signal } : {}),
    })
      .then((credential) => {
        for (const s of [credential.token, credential.clientKeyData]) if (s) this.o.mask(s);
        const expires = credential.expirationTimestamp ? Date.parse(credential.expirationTimestamp) : undefined;
        this.execCache = { credential, expires: Number.isNaN(expires) ? undefined : expires };
        return credential;
      })
      .finally(() => {
        this.execPending = undefined;
      });
    return this.execPending;
  }
}

function fileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}

interface ExecConfig {
  readonly command?: string;
  readonly args?: readonly string[];
  readonly env?: readonly { readonly name: string; readonly value: string }[] | null;
  readonly apiVersion?: string;
  readonly provideClusterInfo?: boolean;
}

interface ExecStatus {
  readonly token?: string;
  readonly clientCertificateData?: string;
  readonly clientKeyData?: string;
  readonly expirationTimestamp?: string;
}

/**
 * The exec credential plugin protocol (client.authentication.k8s.io v1 and v1beta1): runs the
 * command with its args and env (and KUBERNETES_EXEC_INFO), reads an ExecCredential from stdout.
 * Killed after `timeoutMs` or when `signal` aborts.
 */
export function runExecPlugin(
  exec: ExecConfig,
  cluster: Cluster,
  o: { env: Readonly<Record<string, string | undefined>>; timeoutMs: number; signal?: AbortSignal },
): Promise<ExecStatus> {
  const command = exec?.command;
  if (!command) return Promise.reject(new KubeSetupError('the kubeconfig user has an exec plugin without a command.'));
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1beta1';
  const info = {
    apiVersion,
    kind: 'ExecCredential',
    spec: {
      interactive: false,
      ...(exec.provideClusterInfo
        ? {
            cluster: {
              server: cluster.server,
              ...(cluster.tlsServerName ? { 'tls-server-name': cluster.tlsServerName } : {}),
              ...(cluster.skipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
              ...(cluster.caData ? { 'certificate-authority-data': cluster.caData } : {}),
            },
          }
        : {}),
    },
  };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(o.env)) if (v !== undefined) env[k] = v;
  for (const e of exec.env ?? []) env[e.name] = e.value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify(info);
  return new Promise<ExecStatus>((resolve, reject) => {
    const child = spawn(command, [...(exec.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = (): void => {
      child.kill('SIGKILL');
      finish(() =>
        reject(new KubeSetupError(`the exec credential plugin \`${command}\` was stopped: the run was cancelled.`)),
      );
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() =>
        reject(
          new KubeSetupError(`the exec credential plugin \`${command}\` did not answer within ${o.timeoutMs / 1000}s.`),
        ),
      );
    }, o.timeoutMs);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 4_000) stderr += d;
    });
    child.on('error', (e) =>
      finish(() =>
        reject(new KubeSetupError(`the exec credential plugin \`${command}\` could not start: ${e.message}`)),
      ),
    );
    child.on('close', (code) =>
      finish(() => {
        if (code !== 0) {
          reject(
            new KubeSetupError(
              `the exec credential plugin \`${command}\` exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`,
            ),
          );
          return;
        }
        try {
          const status = (JSON.parse(stdout) as { status?: ExecStatus }).status;
          if (!status) throw new Error('no status');
          resolve(status);
        } catch {
          reject(new KubeSetupError(`the exec credential plugin \`${command}\` did not print an ExecCredential.`));
        }
      }),
    );
  });
}
