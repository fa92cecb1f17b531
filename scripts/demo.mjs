#!/usr/bin/env node
// npm run demo: the seeds' rolling-update experiment, replayed locally with both gates, for
// anyone without an EKS cluster at hand.
//
// 1. builds the bundle (npm run package) if dist/index.js is missing;
// 2. runs __tests__/e2e/demo/seeds-experiment.demo.ts with vitest, whose global setup builds the
//    control plane from the Go module proxy if needed (scripts/e2e/setup.sh, cached) and starts
//    the local cluster (scripts/e2e/cluster.sh up; name from ZD_E2E_CLUSTER, default zd-demo);
//    the demo starts the load-balancer simulator itself;
// 3. prints the report, and deletes the cluster again unless it was already running.
//
// Progress goes to stderr, the report to stdout; the full vitest log is kept in
// .cache/e2e/demo.log. Exit code: vitest's (0 when every step ran).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(repo, '.cache/e2e');
const logFile = join(cache, 'demo.log');
const reportFile = join(cache, 'demo-report.txt');
const cluster = process.env.ZD_E2E_CLUSTER || 'zd-demo';
const env = { ...process.env, ZD_E2E_CLUSTER: cluster };
const say = (line) => process.stderr.write(`demo: ${line}\n`);

mkdirSync(cache, { recursive: true });
rmSync(reportFile, { force: true });

const entry = process.env.ZD_GATE_ENTRY || join(repo, 'dist/index.js');
if (!existsSync(entry)) {
  say(`${entry} is missing: building the bundle (npm run package)`);
  const built = spawnSync('npm', ['run', 'package'], { cwd: repo, stdio: 'inherit', env });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const wasRunning =
  spawnSync('bash', [join(repo, 'scripts/e2e/cluster.sh'), 'status'], { cwd: repo, env, stdio: 'ignore' }).status === 0;
say(
  wasRunning
    ? `cluster '${cluster}' is already running; it stays up afterwards`
    : `starting cluster '${cluster}' (the first run builds kube-apiserver, etcd and kwok from the Go module proxy: 20-30 min; later runs take seconds)`,
);

const vitest = join(repo, 'node_modules/.bin/vitest');
const child = spawn(vitest, ['run', '--config', '__tests__/e2e/demo/vitest.config.ts', '--reporter=dot'], {
  cwd: repo,
  env: { ...env, ZD_DEMO_REPORT: reportFile, ZD_E2E_TEARDOWN: wasRunning ? '0' : '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const log = createWriteStream(logFile);
let partial = '';
child.stdout.pipe(log, { end: false });
child.stderr.on('data', (chunk) => {
  log.write(chunk);
  // Pass the control plane's progress lines (build, cluster) through.
  partial += chunk.toString();
  const lines = partial.split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) if (/^e2e: /.test(line)) process.stderr.write(`${line}\n`);
});
const started = Date.now();
const ticker = setInterval(() => say(`replaying... ${Math.round((Date.now() - started) / 1000)}s`), 30_000);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('close', (code) => {
  clearInterval(ticker);
  log.end();
  if (existsSync(reportFile)) process.stdout.write(`\n${readFileSync(reportFile, 'utf8')}`);
  if (code !== 0) say(`vitest exited with ${code}; see ${logFile}`);
  else
    say(
      `done in ${Math.round((Date.now() - started) / 1000)}s${wasRunning ? '' : `; cluster '${cluster}' deleted`} (full log: ${logFile})`,
    );
  process.exit(code ?? 1);
});
