#!/usr/bin/env node
/**
 * `npm run bench` (validate part): end-to-end wall time of `node dist/index.js validate` on
 * generated manifest sets, process start included, median of several runs; objects per second;
 * and proof that the validate path loads neither the Kubernetes nor the AWS client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// ZD_GATE_ENTRY: another bundle's entry (a fresh `ncc build` in a temp folder), for before/after figures.
const cli = process.env.ZD_GATE_ENTRY ? path.resolve(process.env.ZD_GATE_ENTRY) : path.join(root, 'dist', 'index.js');
const bundleDir = path.dirname(cli);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'zd-bench-'));

function runOnce(dir, extraEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      ...(extraEnv.ZD_LOADED_MODULES ? ['--import', path.join(root, 'bench', 'loaded-modules.mjs')] : []),
      cli,
      'validate',
      '--format',
      'json',
      dir,
    ],
    {
      env: { ...process.env, ...extraEnv },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate exited ${r.status}: ${r.stderr}`);
  const summary = JSON.parse(r.stdout.toString()).summary;
  return { ms, summary };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const size of [50, 100, 1000, 10000]) {
  const dir = path.join(work, `set-${size}`);
  const objects = generate(dir, size);
  runOnce(dir); // warm the file cache
  const times = [];
  let summary;
  for (let i = 0; i < RUNS; i++) ({ ms: times[i], summary } = runOnce(dir));
  const ms = median(times);
  rows.push({
    objects,
    ms,
    perSecond: Math.round((objects / ms) * 1000),
    findings: summary.errors + summary.warnings + summary.notices,
  });
}

const loadedFile = path.join(work, 'loaded.txt');
writeFileSync(loadedFile, '');
runOnce(path.join(work, 'set-100'), { ZD_LOADED_MODULES: loadedFile });
const loaded = readFileSync(loadedFile, 'utf8')
  .split('\n')
  .filter((u) => u.startsWith('file:') && fileURLToPath(u).startsWith(`${bundleDir}${path.sep}`));
const heavy = loaded.filter((u) =>
  /KubeConfig|ElasticLoadBalancingV2Client|EKSClient/.test(readFileSync(fileURLToPath(u), 'utf8')),
);

console.log(
  `zd-gate validate, end to end (process start included), median of ${RUNS} runs; ${cpus().length} CPU(s), Node ${process.version}`,
);
console.log('| Objects | Wall time | Objects/s | Findings |');
console.log('|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.objects.toLocaleString('en')} | ${r.ms.toFixed(0)} ms | ${r.perSecond.toLocaleString('en')} | ${r.findings} |`,
  );
console.log(
  `\nBundle chunks loaded by validate: ${loaded.length}; of them with the Kubernetes or AWS client: ${heavy.length}${heavy.length ? ` (${heavy.join(', ')})` : ''}.`,
);
rmSync(work, { recursive: true, force: true });
if (heavy.length > 0) process.exitCode = 1;
