/** Runs the CLI in-process with captured streams, in a temporary working directory. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { vi } from 'vitest';
import { runCli } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zd-gate-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export async function cli(
  args: string[],
  opts: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const prev = process.cwd();
  const stdinDesc = Object.getOwnPropertyDescriptor(process, 'stdin');
  if (opts.stdin !== undefined)
    Object.defineProperty(process, 'stdin', { value: Readable.from([opts.stdin]), configurable: true });
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await runCli(args, { stdout, stderr, env: { ...opts.env }, signal: new AbortController().signal });
    return { code, stdout: out, stderr: err };
  } finally {
    process.chdir(prev);
    if (stdinDesc) Object.defineProperty(process, 'stdin', stdinDesc);
  }
}

/**
 * Runs the action entry (src/main.ts) in this process with the INPUT_* and GITHUB_* variables the
 * caller set, and returns what it wrote to standard output (the step log). The exit code it set is
 * returned too and reset, so the test run itself does not fail.
 */
export async function runActionInProcess(): Promise<string> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    const { run } = await import('../../src/main.js');
    await run();
  } finally {
    spy.mockRestore();
    process.exitCode = 0;
  }
  return writes.join('');
}
