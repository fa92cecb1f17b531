import { execFile } from 'node:child_process';
import { kubeconfigPath, kubectlPath } from './cluster.js';
import { endStdin } from '../../helpers/stdin.js';

export interface KubectlResult {
  stdout: string;
  stderr: string;
}

export class KubectlError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly code: number | string | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`kubectl ${args.join(' ')} failed (${code}): ${stderr.trim() || stdout.trim()}`);
    this.name = 'KubectlError';
  }
}

export interface KubectlOptions {
  /** Written to kubectl's stdin (for `-f -`). */
  input?: string;
  timeoutMs?: number;
}

/**
 * Runs the e2e kubectl against the e2e cluster. Arguments are passed as an array (execFile, no
 * shell); --kubeconfig is added. Rejects with KubectlError on a non-zero exit.
 */
export function kubectl(args: readonly string[], opts: KubectlOptions = {}): Promise<KubectlResult> {
  const fullArgs = ['--kubeconfig', kubeconfigPath(), ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      kubectlPath(),
      fullArgs,
      { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          reject(new KubectlError(args, error.code ?? error.signal ?? null, stdout, stderr));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    endStdin(child.stdin, opts.input, reject);
  });
}

/** kubectl with `-o json`, parsed. */
export async function kubectlJson<T = unknown>(args: readonly string[], opts: KubectlOptions = {}): Promise<T> {
  const { stdout } = await kubectl([...args, '-o', 'json'], opts);
  return JSON.parse(stdout) as T;
}
