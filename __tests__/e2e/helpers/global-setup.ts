import type { TestProject } from 'vitest/node';
import { clusterCommand, ENV_BIN_DIR, ENV_KUBECONFIG } from './cluster.js';
import { claimCluster } from './run-lock.js';

/**
 * Global setup of the e2e suite: builds the control-plane binaries if needed (cached under
 * .cache/e2e) and brings the cluster up (scripts/e2e/cluster.sh up, idempotent), then exports
 * its kubeconfig to the test workers as KUBECONFIG and ZD_E2E_KUBECONFIG.
 *
 * The run first claims the cluster (ZD_E2E_CLUSTER, default zd-gate): a second run on the same
 * cluster fails at once with a message instead of breaking this one's watches.
 *
 * The cluster is left running afterwards so the next run starts in seconds, except on CI
 * (CI set) or when ZD_E2E_TEARDOWN=1, where it is deleted.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const release = claimCluster();
  let kubeconfig: string;
  let binDir: string;
  try {
    kubeconfig = (await clusterCommand('up')).split('\n').pop() ?? '';
    if (!kubeconfig) throw new Error('scripts/e2e/cluster.sh up printed no kubeconfig path');
    binDir = await clusterCommand('bin-dir');
  } catch (error) {
    release();
    throw error;
  }

  process.env[ENV_KUBECONFIG] = kubeconfig;
  process.env.KUBECONFIG = kubeconfig;
  process.env[ENV_BIN_DIR] = binDir;
  project.provide('e2eKubeconfig', kubeconfig);
  console.error(`e2e: cluster ready in ${((Date.now() - started) / 1000).toFixed(1)}s, KUBECONFIG=${kubeconfig}`);

  return async () => {
    try {
      if (process.env.CI || process.env.ZD_E2E_TEARDOWN === '1') await clusterCommand('down');
    } finally {
      release();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eKubeconfig: string;
  }
}
