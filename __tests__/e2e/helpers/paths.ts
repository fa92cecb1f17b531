import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is __tests__/e2e/helpers/paths.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const clusterScript = join(repoRoot, 'scripts/e2e/cluster.sh');

/** Folder of the real Kubernetes YAML fixtures of the e2e suite. */
export const fixturesDir = join(repoRoot, '__tests__/e2e/fixtures');

export function fixturePath(name: string): string {
  return join(fixturesDir, name);
}
