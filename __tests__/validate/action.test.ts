/**
 * The action entry with the real @actions/core: inputs from INPUT_* variables, outputs and the job
 * summary through the runner's files, annotations as workflow commands on stdout, and the check
 * run through the real @actions/github client against a loopback stand-in for the GitHub API.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

const requests: { method: string; url: string; body: Record<string, unknown> }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let data = '';
  req.on('data', (c: Buffer) => (data += c.toString()));
  req.on('end', () => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      body: data ? (JSON.parse(data) as Record<string, unknown>) : {},
    });
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST' && req.url?.endsWith('/check-runs'))
      res.end(JSON.stringify({ id: 42, html_url: 'https://github.example/run/42' }));
    else res.end('{}');
  });
});

/** Many findings: 30 served Deployments without probes or preStop hooks. */
function manyFindings(): Record<string, string> {
  const files: Record<string, string> = { ...BEHIND_ALB_IP };
  for (let i = 0; i < 30; i++) {
    files[`d${i}.yaml`] = DEPLOYMENT_GOOD.replace(/name: web\n/, `name: web-${i}\n`)
      .replace(/        readinessProbe:[\s\S]*?port: http\n/, '')
      .replace(/        lifecycle:[\s\S]*$/, '');
  }
  return files;
}

let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  env = { ...process.env };
});
afterAll(() => {
  process.env = env;
  server.close();
});

describe('the action in validate mode', () => {
  it('annotates the most severe findings within GitHub limits, writes outputs, summary, SARIF, and a check run with every finding', async () => {
    const dir = tempDir(manyFindings());
    const out = path.join(dir, 'output.txt');
    const summary = path.join(dir, 'summary.md');
    const event = path.join(dir, 'event.json');
    writeFileSync(out, '');
    writeFileSync(summary, '');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc123' } } }));
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_EVENT_PATH: event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'def456',
      GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      INPUT_MODE: 'validate',
      INPUT_MANIFESTS: '.',
      INPUT_NAMESPACE: 'default',
      'INPUT_FAIL-ON': 'error',
      INPUT_ANNOTATIONS: 'true',
      'INPUT_GITHUB-TOKEN': 'ghs_testtoken',
      'INPUT_CHECK-NAME': 'zd-gate',
    });
    const cwd = process.cwd();
    process.chdir(dir);
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
      process.chdir(cwd);
    }
    const log = writes.join('');
    // Nine findings and the step's own failure line: GitHub shows 10 error annotations per step.
    const errors = log.match(/^::error /gm) ?? [];
    const warnings = log.match(/^::warning /gm) ?? [];
    expect(errors).toHaveLength(9);
    expect(log.match(/^::error[ :]/gm)).toHaveLength(10);
    expect(warnings).toHaveLength(0);
    expect(log).toMatch(
      /^::error title=zd-gate%3A prestop-hook,file=d0\.yaml,line=18,endLine=18,col=9,endColumn=\d+::Deployment shop\/web-0/m,
    );
    // The token appears only in the add-mask command the runner consumes.
    expect(log.replace(/^::add-mask::.*$/gm, '')).not.toMatch(/ghs_testtoken/);
    expect(log).toMatch(/^::add-mask::ghs_testtoken$/m);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;

    const outputs = readFileSync(out, 'utf8');
    expect(outputs).toMatch(/^errors<<.*\n60\n/m);
    expect(outputs).toMatch(/^warnings<<.*\n0\n/m);
    const sarifPath = /sarif-file<<.*\n(.*)\n/.exec(outputs)?.[1] as string;
    expect(
      (JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: { results: unknown[] }[] }).runs[0]?.results,
    ).toHaveLength(60);

    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/zd-gate validate failed/);
    expect(md).toMatch(/51 more findings are not annotated inline \(51 errors, 0 warnings, 0 notices\)/);
    expect(md).toMatch(/#### Deployment shop\/web-29/);

    const posts = requests.filter((r) => r.method === 'POST');
    const patches = requests.filter((r) => r.method === 'PATCH');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('/repos/acme/shop/check-runs');
    expect(posts[0]?.body).toMatchObject({
      name: 'zd-gate',
      head_sha: 'abc123',
      status: 'completed',
      conclusion: 'failure',
    });
    const batches = [posts[0], ...patches].map(
      (r) => ((r?.body.output as { annotations: unknown[] }).annotations ?? []).length,
    );
    expect(batches).toEqual([50, 10]);
    expect(patches[0]?.url).toBe('/repos/acme/shop/check-runs/42');
  });
});
