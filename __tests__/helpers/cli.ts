/** Runs the CLI in-process with captured streams, in a temporary working directory. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
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
