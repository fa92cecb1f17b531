#!/usr/bin/env node
/**
 * `npm run bench` (validate part): end-to-end wall time of `node dist/index.js validate` on
 * generated manifest sets, process start included, median of several runs; objects per second;
 * and proof that the validate path loads neither the Kubernetes nor the AWS client.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// What the trust boundary costs: the action entry (job summary, annotations, SARIF, findings file)
// on the 10,001-object set under the CPU profiler, self time attributed to the bundle's source
// modules by ncc's module markers. Escaping and output limits live in src/report/{log,markdown,
// redact}.ts and src/report/validate/limits.ts; input limits in src/adapters/files.ts (which also
// reads the files: an upper bound); the anchor/alias check routes documents to the parser that
// bounds alias expansion.
const BOUNDARY = [
  './src/report/log.ts',
  './src/report/markdown.ts',
  './src/report/redact.ts',
  './src/report/validate/limits.ts',
  './src/adapters/files.ts',
];
const ANCHOR_CHECK = 'RegExp: (?:^|[\\s[{,])[&*][^\\s,[\\]{}]';
const share = boundaryShare(path.join(work, 'set-10000'));
console.log(
  `\nTrust boundary at ${rows.at(-1).objects.toLocaleString('en')} objects (action entry, CPU profile, median of ${RUNS} runs): ${share.ms.toFixed(1)} ms of ${share.total.toFixed(0)} ms sampled = ${share.percent.toFixed(1)} %`,
);
for (const [m, ms] of share.parts) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${m}`);
rmSync(work, { recursive: true, force: true });
if (heavy.length > 0) process.exitCode = 1;

function boundaryShare(dir) {
  const markers = new Map();
  const moduleOf = (url, line) => {
    if (!url.startsWith('file:') || path.dirname(fileURLToPath(url)) !== bundleDir) return undefined;
    const file = fileURLToPath(url);
    if (!markers.has(file))
      markers.set(
        file,
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((l, i) => {
            const m = /CONCATENATED MODULE: (\S+)|^\/\*\*\*\/ (\d+):$/.exec(l);
            return m ? [[i, m[1] ?? m[2]]] : [];
          }),
      );
    let name;
    for (const [at, n] of markers.get(file)) {
      if (at > line) break;
      name = n;
    }
    return name;
  };
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const ws = mkdtempSync(path.join(tmpdir(), 'zd-bench-action-'));
    const prof = path.join(ws, 'prof');
    const file = (n, text = '') => (writeFileSync(path.join(ws, n), text), path.join(ws, n));
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', prof, cli], {
      cwd: ws,
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: ws,
        GITHUB_OUTPUT: file('output'),
        GITHUB_STEP_SUMMARY: file('summary.md'),
        GITHUB_EVENT_PATH: file('event.json', '{}'),
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_SHA: 'def456',
        INPUT_MODE: 'validate',
        INPUT_MANIFESTS: dir,
      },
      maxBuffer: 256 * 1024 * 1024,
    });
    const [name] = readdirSync(prof);
    const p = JSON.parse(readFileSync(path.join(prof, name), 'utf8'));
    const byNode = new Map(p.nodes.map((n) => [n.id, n]));
    const parts = new Map();
    let total = 0;
    p.samples.forEach((id, k) => {
      const ms = (p.timeDeltas[k] ?? 0) / 1000;
      total += ms;
      const f = byNode.get(id).callFrame;
      const m = f.functionName === ANCHOR_CHECK ? 'anchor/alias check' : moduleOf(f.url, f.lineNumber);
      if (m === 'anchor/alias check' || BOUNDARY.includes(m)) parts.set(m, (parts.get(m) ?? 0) + ms);
    });
    rmSync(ws, { recursive: true, force: true });
    const ms = [...parts.values()].reduce((a, b) => a + b, 0);
    runs.push({ ms, total, percent: (100 * ms) / total, parts: [...parts].sort((a, b) => b[1] - a[1]) });
  }
  return [...runs].sort((a, b) => a.percent - b.percent)[Math.floor(runs.length / 2)];
}
