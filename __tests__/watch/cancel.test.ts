/**
 * Cancellation and deadlines of the watch mode against real local servers that misbehave, with
 * the product in its own process (src/index.ts, the CLI and the action entry) receiving real
 * signals: an API server that completes TLS and never sends headers, a watch that is cancelled
 * mid-rollout, a rollback PATCH that never answers. In every phase the process must end within 5 s
 * of SIGINT or SIGTERM, with the report file (and for the action, the outputs and job summary)
 * written and the documented exit code; `timeout` must bound connecting.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server as NetServer, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WatchReport } from '../../src/report/watch/report.js';
import { FakeElb } from '../helpers/fake-elb.js';
import { FakeKube } from '../helpers/fake-kube.js';

const LAUNCH = new URL('./lib/launch.mjs', import.meta.url).pathname;
const NS = '/api/v1/namespaces/demo';
const APPS = '/apis/apps/v1/namespaces/demo';
const TGB = '/apis/elbv2.k8s.aws/v1beta1/namespaces/demo/targetgroupbindings';
const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/k8s-demo-web-1a2b3c4d5e/0123456789abcdef';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the signal (or the start, without one) to the exit. */
  exitAfterMs: number;
  output: string;
  report: WatchReport | undefined;
  outputs: Record<string, string>;
  summary: string;
}

let dir: string;
let kube: FakeKube | undefined;
let elb: FakeElb;

/** Starts the product; sends `signal` once `ready(output)` holds; resolves when it exits (or kills it after 20 s). */
async function launch(opts: {
  entry: 'cli' | 'action';
  inputs: Record<string, string>;
  kubeconfig: string;
  signal?: NodeJS.Signals;
  ready?: (output: string) => boolean;
}): Promise<Run> {
  const reportFile = path.join(dir, `report-${opts.entry}.json`);
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const kc = path.join(dir, 'kubeconfig');
  await writeFile(kc, opts.kubeconfig);
  const inputs: Record<string, string> = {
    namespace: 'demo',
    'poll-interval': '2s',
    'soak-seconds': '0',
    kubeconfig: kc,
    ...opts.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: elb.url,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_REGION: 'eu-west-1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  let args: string[];
  if (opts.entry === 'cli') {
    args = ['watch', ...Object.entries(inputs).flatMap(([k, v]) => [`--${k}`, v]), '--report-file', reportFile];
  } else {
    args = [];
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: dir,
      INPUT_MODE: 'watch',
    });
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  }
  const child = spawn(process.execPath, [LAUNCH, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let signalledAt: number | undefined;
  const startedAt = Date.now();
  const check = (): void => {
    if (opts.signal && signalledAt === undefined && (opts.ready?.(output) ?? true)) {
      signalledAt = Date.now();
      child.kill(opts.signal);
    }
  };
  const onData = (d: Buffer): void => {
    output += d.toString();
    check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const poll = setInterval(check, 20);
  const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (c, s) => resolve({ code: c, signal: s })),
  );
  clearTimeout(killer);
  clearInterval(poll);
  const exitAfterMs = Date.now() - (signalledAt ?? startedAt);
  const file = opts.entry === 'cli' ? reportFile : path.join(dir, 'zd-gate-watch.json');
  const report = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as WatchReport) : undefined;
  const outputs: Record<string, string> = {};
  for (const m of (await readFile(outputFile, 'utf8')).matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] as string] = m[3] as string;
  if (opts.signal && signalledAt === undefined) throw new Error(`never ready for the signal:\n${output}`);
  console.log(
    `${opts.entry}: exit ${code} ${(exitAfterMs / 1000).toFixed(2)}s after ${opts.signal ? `${opts.signal}` : 'the start'}`,
  );
  return { code, signal, exitAfterMs, output, report, outputs, summary: await readFile(summaryFile, 'utf8') };
}

/** A TLS server that completes the handshake and never answers (the API server of issue 8). */
async function silentTls(): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  const certDir = await mkdtemp(path.join(os.tmpdir(), 'zd-tls-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: NetServer = createTlsServer({ key: await readFile(key), cert: await readFile(cert) }, (s) => {
    accepted++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('data', () => undefined); // reads the request, never answers
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(certDir, { recursive: true, force: true });
    },
  };
}

function kubeconfigFor(server: string, token = 'test-token-abcdef'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: u',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: c',
    '  context: {cluster: c, user: u}',
    'current-context: c',
    '',
  ].join('\n');
}

/** A Deployment mid-rollout (revision 2 of 2 pods, 1 updated), its history, Service, binding and target group. */
function seedRollingOut(k: FakeKube, targets: { id: string; state: string }[]): void {
  const template = (image: string, hash?: string) => ({
    metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'web', image, ports: [{ name: 'http', containerPort: 8080 }] }] },
  });
  k.put(`${APPS}/deployments`, {
    metadata: {
      name: 'web',
      namespace: 'demo',
      uid: 'u1',
      generation: 2,
      annotations: { 'deployment.kubernetes.io/revision': '2' },
    },
    spec: {
      replicas: 2,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: template('web:2'),
    },
    status: { observedGeneration: 2, replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2 },
  });
  for (const rev of ['1', '2'])
    k.put(`${APPS}/replicasets`, {
      metadata: {
        name: `web-r${rev}`,
        namespace: 'demo',
        labels: { app: 'web', 'pod-template-hash': `r${rev}` },
        annotations: { 'deployment.kubernetes.io/revision': rev },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u1', controller: true }],
      },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template(`web:${rev}`, `r${rev}`) },
    });
  for (const [i, rev] of [
    [1, '1'],
    [2, '1'],
  ] as const)
    k.put(`${NS}/pods`, {
      metadata: {
        name: `web-r${rev}-${i}`,
        namespace: 'demo',
        labels: { app: 'web', 'pod-template-hash': `r${rev}` },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-r${rev}`, uid: `r${rev}`, controller: true },
        ],
      },
      spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
      status: { phase: 'Running', podIP: `10.0.1.${i}`, conditions: [{ type: 'Ready', status: 'True' }] },
    });
  k.put(`${NS}/services`, {
    metadata: { name: 'web', namespace: 'demo' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  });
  k.put(TGB, {
    metadata: { name: 'k8s-demo-web-1a2b3c4d5e', namespace: 'demo' },
    spec: { targetGroupARN: ARN, targetType: 'ip', serviceRef: { name: 'web', port: 80 } },
  });
  elb.add({
    arn: ARN,
    name: 'k8s-demo-web-1a2b3c4d5e',
    targetType: 'ip',
    targets: targets.map((t) => ({ ...t, port: 8080 })),
  });
}

beforeAll(async () => {
  elb = await new FakeElb().start();
});
afterAll(async () => {
  await elb.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'zd-cancel-'));
});
afterEach(async () => {
  await kube?.stop();
  kube = undefined;
  await rm(dir, { recursive: true, force: true });
});

const ENTRIES = ['cli', 'action'] as const;

describe.each(ENTRIES)('%s entry: cancellation and deadlines', (entry) => {
  it('connecting to an API server that completes TLS and never answers: SIGINT ends the run within 5 s, report written, exit 2', async () => {
    const tls = await silentTls();
    try {
      const r = await launch({
        entry,
        inputs: { deployments: 'web' },
        kubeconfig: kubeconfigFor(tls.url),
        signal: entry === 'cli' ? 'SIGINT' : 'SIGTERM',
        ready: () => tls.connections() > 0,
      });
      expect(r.exitAfterMs, r.output).toBeLessThan(5_000);
      expect(r.code).toBe(2);
      expect(r.report).toMatchObject({ result: 'error', exitCode: 2, cancelled: true });
      expect(r.report!.error).toMatch(/^cancelled while (connecting|listing)/);
      if (entry === 'action') {
        expect(r.outputs.result).toBe('error');
        expect(r.summary).toContain('The run was cancelled');
      }
    } finally {
      await tls.close();
    }
  }, 60_000);

  it('`timeout` bounds connecting: the same server ends the run at the timeout, exit 2, naming the phase', async () => {
    const tls = await silentTls();
    try {
      const r = await launch({
        entry,
        inputs: { deployments: 'web', timeout: '3s' },
        kubeconfig: kubeconfigFor(tls.url),
      });
      expect(r.code, r.output).toBe(2);
      expect(r.report!.error).toMatch(/^timed out after 3s while listing/);
      expect(r.output).toMatch(/timed out after 3s while listing/);
    } finally {
      await tls.close();
    }
  }, 60_000);

  it('watching: SIGTERM ends the run within 5 s; the Deployment ends with reason cancelled, exit 2', async () => {
    kube = await new FakeKube().start();
    seedRollingOut(kube, [
      { id: '10.0.1.1', state: 'healthy' },
      { id: '10.0.1.2', state: 'healthy' },
    ]);
    const r = await launch({
      entry,
      inputs: { deployments: 'web', rollback: 'true' },
      kubeconfig: kube.kubeconfig(),
      signal: entry === 'cli' ? 'SIGTERM' : 'SIGINT',
      ready: (out) => /healthy 2\/2/.test(out),
    });
    expect(r.exitAfterMs, r.output).toBeLessThan(5_000);
    expect(r.code).toBe(2);
    expect(r.report?.deployments[0]).toMatchObject({ result: 'error', reason: 'cancelled', rollback: null });
    expect(kube.requests.filter((q) => q.method === 'PATCH')).toEqual([]);
    if (entry === 'action') expect(r.outputs.result).toBe('error');
  }, 60_000);

  it('rolling back with a PATCH that never answers: ends within 5 s; "requested, outcome unknown" with the revision read back, exit 1', async () => {
    kube = await new FakeKube().start();
    // One of the two old targets is unhealthy: 1 < threshold 2 fails at once, and rolls back.
    seedRollingOut(kube, [
      { id: '10.0.1.1', state: 'healthy' },
      { id: '10.0.1.2', state: 'unhealthy' },
    ]);
    kube.patchMode = 'hang';
    const k = kube;
    const r = await launch({
      entry,
      inputs: { deployments: 'web', rollback: 'true' },
      kubeconfig: kube.kubeconfig(),
      signal: 'SIGINT',
      ready: () => k.requests.some((q) => q.method === 'PATCH'),
    });
    expect(r.exitAfterMs, r.output).toBeLessThan(5_000);
    expect(r.code).toBe(1);
    expect(r.report?.deployments[0]).toMatchObject({ result: 'failed', rollback: { status: 'unknown' } });
    expect(r.report!.deployments[0]!.rollback!.message).toMatch(
      /rollback to revision 1 requested, outcome unknown: .*read back is at revision 2/,
    );
    if (entry === 'action') expect(r.outputs.result).toBe('failed');
  }, 60_000);
});
