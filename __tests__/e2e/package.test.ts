/**
 * `npx zd-gate` outside a clone: the package `npm publish` would upload (packed from this tree, with
 * dist/ built from src/ the way `npm run package` builds it) installs into an empty project with no
 * network and no dependency, and its `zd-gate` bin prints the version, validates the examples exactly
 * as examples/README.md shows, and runs watch (against the e2e cluster, up to the first
 * DescribeTargetGroups call, answered by a closed port) with no Node warning on this Node.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBundle } from '../helpers/bundle.js';
import { kubeconfigPath } from './helpers/cluster.js';
import { kubectl } from './helpers/kubectl.js';
import { repoRoot } from './helpers/paths.js';

interface Proc {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
/** What may be in the tarball: the bundle, the action's metadata, the config schema, and npm's own picks. */
const PACKED = /^(dist\/[\w.-]+|action\.yml|schema\/[\w.-]+\.json|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/;
/** A warning Node prints for the process (`(node:123) Warning: ...`), the AWS SDK's included. */
const NODE_WARNING = /\(node:\d+\) \w*Warning|NodeVersionSupportWarning/;

describe('the npm package, installed outside a clone', () => {
  let work = '';
  let consumer = '';
  let env: NodeJS.ProcessEnv = {};
  let packedFiles: string[] = [];
  let installed: Proc = { code: null, stdout: '', stderr: '' };
  // As a user types it: `npx zd-gate ...` (with `npx --no zd-gate --version`, npx would take --version).
  const npx = (args: string[], extra: NodeJS.ProcessEnv = {}): Promise<Proc> =>
    exec('npx', args, consumer, { ...env, ...extra });

  beforeAll(async () => {
    const bundle = await buildBundle();
    work = await mkdtemp(join(tmpdir(), 'zd-gate-package-'));
    // No registry: an empty cache and --offline make any dependency fail to install.
    env = { PATH: process.env.PATH, HOME: work, npm_config_cache: join(work, 'npm-cache'), npm_config_offline: 'true' };

    // This tree as git tracks it, with the fresh bundle as dist/.
    const staging = join(work, 'staging');
    const tracked = await exec('git', ['ls-files', '-z'], repoRoot, process.env);
    for (const file of tracked.stdout.split('\0').filter((f) => f && !f.startsWith('dist/'))) {
      await mkdir(join(staging, file, '..'), { recursive: true });
      await cp(join(repoRoot, file), join(staging, file));
    }
    await cp(bundle, join(staging, 'dist'), { recursive: true });
    const packed = await exec('npm', ['pack', '--json', '--pack-destination', work], staging, env);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as Array<{
      filename: string;
      size: number;
      files: Array<{ path: string }>;
    }>;
    console.log(`npm pack: ${info!.filename}, ${(info!.size / 1e6).toFixed(1)} MB, ${info!.files.length} files`);
    packedFiles = info!.files.map((f) => f.path);

    consumer = join(work, 'consumer');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    installed = await exec('npm', ['install', '--no-audit', '--no-fund', join(work, info!.filename)], consumer, env);
    await cp(join(repoRoot, 'examples'), join(consumer, 'examples'), { recursive: true });
  }, 20 * 60_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('packs the bundle, action.yml, the schema and the license, and nothing else', () => {
    for (const file of packedFiles) expect(file).toMatch(PACKED);
    for (const file of ['dist/index.js', 'dist/licenses.txt', 'action.yml', 'schema/zd-gate.schema.json', 'LICENSE'])
      expect(packedFiles).toContain(file);
  });

  it('installs offline, pulling no dependency, without a warning', async () => {
    expect(installed.code, installed.stderr).toBe(0);
    expect(`${installed.stdout}${installed.stderr}`).not.toMatch(/warn/i);
    expect(readdirSync(join(consumer, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', pkg.name]);
    const manifest = JSON.parse(await readFile(join(consumer, 'node_modules', pkg.name, 'package.json'), 'utf8')) as {
      dependencies?: object;
      optionalDependencies?: object;
      peerDependencies?: object;
    };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('npx zd-gate --version prints the package version', async () => {
    const run = await npx(['zd-gate', '--version']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  // Each ```console block of examples/README.md: `$ npx zd-gate validate ...` and what it prints.
  const readme = readFileSync(join(repoRoot, 'examples/README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```console\n\$ npx zd-gate (validate [^\n]+)\n([\s\S]*?)\n```/g)];
  it('examples/README.md shows validate commands', () => expect(blocks.length).toBeGreaterThanOrEqual(2));
  for (const [, command, printed] of blocks) {
    // The block's closing line says how many errors there are; at the default --fail-on error any fails.
    const errors = Number(/\((\d+) errors?,/.exec(printed!)?.[1] ?? 0);
    it(`npx zd-gate ${command} prints what the README shows and exits ${errors > 0 ? 1 : 0}`, async () => {
      const run = await npx(['zd-gate', ...command!.split(' ')]);
      expect(run.stdout.trimEnd()).toBe(printed);
      expect(run.code, run.stderr).toBe(errors > 0 ? 1 : 0);
      expect(run.stderr).not.toMatch(NODE_WARNING);
    });
  }

  it(".pre-commit-hooks.yaml's entry runs from the installed package on staged files", async () => {
    const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ entry: string }>;
    for (const { entry } of hooks) {
      // pre-commit runs `entry args... files...` with the package's bin on PATH.
      const [bin, ...args] = entry.split(' ');
      const hookEnv = { ...env, PATH: `${join(consumer, 'node_modules/.bin')}:${env.PATH}` };
      const failing = await exec(bin!, [...args, 'examples/seed-001-demo/nginx-demo-ingress.yaml'], consumer, hookEnv);
      expect(failing.code, failing.stderr).toBe(1);
      expect(failing.stdout).toContain('[readiness-gate]');
      const passing = await exec(bin!, [...args, 'examples/seed-003-fixed/nginx-demo-ingress.yaml'], consumer, hookEnv);
      expect(passing.code, passing.stderr).toBe(0);
    }
  });

  it('npx zd-gate watch builds its Kubernetes and AWS clients with no Node warning', async () => {
    const namespace = 'zd-package';
    await kubectl(['apply', '-f', '-'], {
      input: [
        'apiVersion: v1',
        'kind: Namespace',
        `metadata: {name: ${namespace}}`,
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: web, namespace: ${namespace}}`,
        'spec:',
        '  replicas: 1',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec: {containers: [{name: web, image: nginx}]}',
        '',
      ].join('\n'),
    });
    try {
      // A loopback port nothing listens on: the ELBv2 client is made and its first call refused.
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const arn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
      const watch = await npx(
        [
          'zd-gate',
          'watch',
          '--deployments',
          'web',
          '--namespace',
          namespace,
          '--kubeconfig',
          kubeconfigPath(),
          '--target-group-arns',
          arn,
          '--timeout',
          '60s',
        ],
        {
          AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          AWS_REGION: 'us-east-1',
          AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: `http://127.0.0.1:${port}`,
        },
      );
      const output = `${watch.stdout}${watch.stderr}`;
      expect(output).toContain(`DescribeTargetGroups failed for ${arn}`);
      expect(output).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
      expect(watch.code).toBe(2);
      expect(output).not.toMatch(NODE_WARNING);
    } finally {
      await kubectl(['delete', 'namespace', namespace, '--wait=false']);
    }
  });
});
