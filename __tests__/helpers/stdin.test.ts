import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { endStdin } from './stdin.js';

function run(script: string, input: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', resolve);
    endStdin(child.stdin, input, reject);
  });
}

describe('endStdin', () => {
  it('a child that exits without reading its input gives its exit code, not an EPIPE', async () => {
    // 8 MiB is far beyond a pipe's buffer: the write is still pending when the child exits.
    await expect(run('process.exit(3)', 'x'.repeat(8 << 20))).resolves.toBe(3);
  });

  it('a child that reads its input receives all of it', async () => {
    const script = "let n=0;process.stdin.on('data',c=>n+=c.length).on('end',()=>process.exit(n===300000?0:1))";
    await expect(run(script, 'y'.repeat(300_000))).resolves.toBe(0);
  });
});
