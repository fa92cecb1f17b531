import type { Writable } from 'node:stream';

/**
 * Writes a child's whole input and closes its stdin. A program that exits before reading its input
 * (`actionlint -version`, `kubectl get`) closes the pipe: its exit code and output are the answer, not
 * an error of the harness, so EPIPE is ignored. Any other write error goes to `fail`.
 */
export function endStdin(stdin: Writable | null, input: string | undefined, fail: (err: Error) => void): void {
  if (!stdin) return;
  stdin.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') fail(err);
  });
  stdin.end(input ?? '');
}
