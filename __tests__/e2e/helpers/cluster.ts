import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { clusterScript } from './paths.js';

/** Environment variables the e2e global setup exports to the test workers. */
export const ENV_KUBECONFIG = 'ZD_E2E_KUBECONFIG';
export const ENV_BIN_DIR = 'ZD_E2E_BIN';

export type ClusterCommand =
  'up' | 'down' | 'kubeconfig' | 'bin-dir' | 'stop-apiserver' | 'start-apiserver' | 'restart-apiserver';

/**
 * Runs scripts/e2e/cluster.sh with one of its fixed sub-commands (the cluster name comes from
 * ZD_E2E_CLUSTER in the environment) and resolves with its stdout, trimmed. The script's
 * progress messages (stderr) are passed through to this process's stderr.
 */
export function clusterCommand(command: ClusterCommand): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [clusterScript, command], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out.trim());
      else reject(new Error(`scripts/e2e/cluster.sh ${command} exited with ${code}`));
    });
  });
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the e2e suite with vitest.e2e.config.ts (npm run e2e), whose global setup starts the cluster`,
    );
  }
  return value;
}

/** Path of the kubeconfig of the e2e cluster (exported by the global setup). */
export function kubeconfigPath(): string {
  return requireEnv(ENV_KUBECONFIG);
}

/** Path of the kubectl built by scripts/e2e/setup.sh (same release as the cluster). */
export function kubectlPath(): string {
  return join(requireEnv(ENV_BIN_DIR), 'kubectl');
}
