import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Repository root (this file is __tests__/helpers/bundle.ts). */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything the bundle is built from: src/, the lockfile and the compiler settings. */
function bundleInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(repoRoot, 'src'));
  files.push(join(repoRoot, 'package-lock.json'), join(repoRoot, 'tsconfig.json'));
  return files.sort();
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of bundleInputs()) hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The action's bundle built from src/ the way `npm run package` builds dist/ (ncc, es2022, licenses),
 * into .cache/bundle/<hash of src/, package-lock.json and tsconfig.json> rather than dist/ (the
 * committed bundle is rebuilt by the maintainers). Built once per content: the tests of one run, and
 * later runs while src/ is unchanged, share it; older builds are removed. Returns its folder
 * (index.js is the entry, as dist/index.js is the action's `main`).
 */
export async function buildBundle(): Promise<string> {
  const parent = join(repoRoot, '.cache/bundle');
  const dir = join(parent, inputsHash());
  if (existsSync(join(dir, 'index.js'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(parent, { recursive: true });
  const ncc = join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  await run(
    process.execPath,
    [ncc, 'build', 'src/index.ts', '-o', tmp, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
    { cwd: repoRoot, timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (!existsSync(join(dir, 'index.js'))) {
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  } else {
    await rm(tmp, { recursive: true, force: true }); // another run finished the same build first
  }
  for (const old of readdirSync(parent))
    if (join(parent, old) !== dir && !old.includes('.tmp-'))
      await rm(join(parent, old), { recursive: true, force: true });
  return dir;
}
