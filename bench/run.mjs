#!/usr/bin/env node
/**
 * Runs the benchmark scripts (bench/*.bench.ts, each exporting `main()`), loading TypeScript
 * through Vite's module runner (Vite comes with vitest), so no build step is needed:
 *
 *   node bench/run.mjs            # every bench/*.bench.ts
 *   node bench/run.mjs watch      # only bench/watch.bench.ts
 *
 * `--child <file.ts> args...` runs a helper module's `child(args)` in this process (used by the
 * benchmarks to put fake servers in a separate process).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const load = async (file) =>
  (await runnerImport(path.resolve(root, file), { configFile: false, root, logLevel: 'error' })).module;

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const mod = await load(args[1]);
  await mod.child(args.slice(2));
} else {
  const only = new Set(args);
  const files = (await readdir(here))
    .filter((f) => f.endsWith('.bench.ts') && (only.size === 0 || only.has(f.replace(/\.bench\.ts$/, ''))))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches ${args.join(', ')}`);
    process.exitCode = 2;
  }
  for (const f of files) {
    console.log(`# ${f}`);
    const mod = await load(path.join('bench', f));
    await mod.main();
  }
}
