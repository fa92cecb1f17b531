import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.js';

/** Cluster name used by scripts/e2e/cluster.sh (env ZD_E2E_CLUSTER, default zd-gate). */
export function clusterName(): string {
  return process.env.ZD_E2E_CLUSTER || 'zd-gate';
}

function lockPath(cluster: string): string {
  const cache = process.env.ZD_E2E_CACHE || join(repoRoot, '.cache/e2e');
  return join(cache, 'runs', `${cluster}.pid`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the cluster for this test run: a second run on the same cluster would delete its
 * namespaces, restart its API server and break its watches. Throws when another live process
 * holds the claim; a claim left by a dead process is taken over. Returns the release function.
 */
export function claimCluster(cluster: string = clusterName()): () => void {
  const path = lockPath(cluster);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(
          `e2e cluster '${cluster}' is in use by another test run (pid ${holder}, ${path}). ` +
            'Wait for it, or run side by side on another cluster: ZD_E2E_CLUSTER=<name> npm run e2e',
        );
      }
      rmSync(path, { force: true }); // stale claim
    }
  }
  throw new Error(`could not claim e2e cluster '${cluster}' (${path})`);
}
