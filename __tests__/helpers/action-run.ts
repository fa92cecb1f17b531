/**
 * Runs the action entry (src/main.ts) in this process with the real @actions/core and
 * @actions/github: inputs from INPUT_* variables, outputs and the job summary in the runner's
 * files, workflow commands read from stdout. @actions/github reads its context once per process,
 * so a test file runs the action once.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

export interface ActionRun {
  readonly log: string;
  readonly summary: string;
  readonly outputs: Record<string, string>;
  readonly exitCode: number;
}

export async function runActionInProcess(opts: {
  workspace: string;
  inputs: Record<string, string>;
  apiUrl: string;
  event?: Record<string, unknown>;
}): Promise<ActionRun> {
  const temp = mkdtempSync(path.join(tmpdir(), 'zd-gate-runner-'));
  const out = path.join(temp, 'output.txt');
  const summary = path.join(temp, 'summary.md');
  const event = path.join(temp, 'event.json');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  writeFileSync(event, JSON.stringify(opts.event ?? { pull_request: { number: 7, head: { sha: 'abc123' } } }));
  const env = { ...process.env };
  Object.assign(process.env, {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'def456',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_ACTION_REPOSITORY: 'zd-gate/zd-gate',
    GITHUB_ACTION_REF: 'v1',
    ...Object.fromEntries(Object.entries(opts.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  const cwd = process.cwd();
  process.chdir(opts.workspace);
  const writes: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  let exitCode: number;
  try {
    const { run } = await import('../../src/main.js');
    await run();
    exitCode = Number(process.exitCode ?? 0);
  } finally {
    spy.mockRestore();
    process.chdir(cwd);
    process.exitCode = 0;
    process.env = env;
  }
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(out, 'utf8').matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return { log: writes.join(''), summary: readFileSync(summary, 'utf8'), outputs, exitCode };
}

/** The workflow annotations of a step log: severity, properties and message, as the runner reads them. */
export function workflowAnnotations(
  log: string,
): { severity: string; props: Record<string, string>; message: string }[] {
  const out: { severity: string; props: Record<string, string>; message: string }[] = [];
  for (const m of log.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      props[kv.slice(0, i)] = decodeURIComponent(
        kv
          .slice(i + 1)
          .replace(/%2C/g, ',')
          .replace(/%3A/g, ':'),
      );
    }
    out.push({ severity: m[1]!, props, message: m[3]! });
  }
  return out;
}
