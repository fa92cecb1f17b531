/**
 * The bundle run as the runner runs it: `node dist/index.js` (the bundle of this tree, built once
 * per content by helpers/bundle.ts), inputs as INPUT_* variables, the runner's files, and a loopback fake of the GitHub API.
 * 10,000 objects (bench/generate.mjs) with a file name SARIF must encode: every surface within its
 * GitHub limit and well-formed, at most 10 workflow annotations per severity, bounded Checks API
 * requests, SARIF valid against the vendored SARIF 2.1.0 schema.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { generate } from '../../bench/generate.mjs';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { workflowAnnotations } from '../helpers/action-run.js';
import { buildBundle } from '../helpers/bundle.js';

const root = new URL('../..', import.meta.url).pathname;
let bundle: string;
let api: FakeGitHub;
let run: { log: string; summary: string; outputs: Record<string, string>; code: number | null; workspace: string };

async function runBundle(workspace: string, temp: string): Promise<typeof run> {
  const out = path.join(temp, 'output.txt');
  const summary = path.join(temp, 'summary.md');
  const event = path.join(temp, 'event.json');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc123' } } }));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_EVENT_PATH: event,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'def456',
    GITHUB_API_URL: api.url,
    GITHUB_GRAPHQL_URL: `${api.url}/graphql`,
    GITHUB_ACTION_REPOSITORY: 'zd-gate/zd-gate',
    GITHUB_ACTION_REF: 'v1',
    INPUT_MODE: 'validate',
    INPUT_MANIFESTS: 'out',
    INPUT_NAMESPACE: 'default',
    'INPUT_FAIL-ON': 'error',
    INPUT_ANNOTATIONS: 'true',
    'INPUT_GITHUB-TOKEN': 'ghs_testtoken',
    'INPUT_CHECK-NAME': 'zd-gate',
    'INPUT_PR-COMMENT': 'true',
  };
  const child = spawn(process.execPath, [bundle], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const outputs: Record<string, string> = {};
  for (const m of readFileSync(out, 'utf8').matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
  return { log, summary: readFileSync(summary, 'utf8'), outputs, code, workspace };
}

/** Markdown renders with GitHub's flavour without an error, and no table, fence or details is left open. */
function wellFormed(md: string): void {
  const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  expect(html.match(/<table>/g)?.length ?? 0).toBe(html.match(/<\/table>/g)?.length ?? 0);
  expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  // Cut only at whole rows: every table row is closed.
  for (const line of md.split('\n')) if (line.startsWith('|')) expect(line.endsWith('|'), line.slice(0, 80)).toBe(true);
}

beforeAll(async () => {
  // The bundle of this tree, built once per content for every test that runs it (.cache/bundle).
  bundle = path.join(await buildBundle(), 'index.js');
  api = await fakeGitHub();
  const workspace = mkdtempSync(path.join(tmpdir(), 'zd-gate-ws-'));
  (generate as (dir: string, objects: number) => void)(path.join(workspace, 'out'), 10_000);
  // A file name that is no valid URI as it stands: a space and a `#`.
  const files = readdirSync(path.join(workspace, 'out')).sort();
  mkdirSync(path.join(workspace, 'out', 'my app'));
  renameSync(path.join(workspace, 'out', files[0]!), path.join(workspace, 'out', 'my app', 'rendered #1.yaml'));
  run = await runBundle(workspace, mkdtempSync(path.join(tmpdir(), 'zd-gate-temp-')));
}, 20 * 60_000);

afterAll(async () => {
  await api?.close();
});

describe('the action bundle at 10,000 objects', () => {
  it('fails the step with at most 10 workflow annotations per severity, its own failure line included', () => {
    expect(run.code).toBe(1);
    for (const sev of ['error', 'warning', 'notice']) {
      const lines = run.log.match(new RegExp(`^::${sev}[ :]`, 'gm')) ?? [];
      expect(lines.length, sev).toBeLessThanOrEqual(10);
    }
    expect(run.log).toMatch(/^::error::\d+ errors? and \d+ warnings? \(fail-on: error\)$/m);
    expect(workflowAnnotations(run.log).filter((a) => a.severity === 'error' && a.props.file)).toHaveLength(9);
  });

  it('keeps the job summary, the check run and the PR comment within their limits, cut at whole rows', () => {
    const total = Number(run.outputs.errors) + Number(run.outputs.warnings);
    // More findings than the step may annotate (30) and than a 64 KiB page holds.
    expect(total).toBeGreaterThan(100);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    wellFormed(run.summary);

    const checkRuns = api.requests.filter((r) => r.url.includes('/check-runs'));
    expect(checkRuns.length).toBeLessThanOrEqual(20);
    for (const r of checkRuns) {
      const output = r.body.output as { title: string; summary: string; annotations: { message: string }[] };
      expect(output.summary.length).toBeLessThanOrEqual(65_535);
      expect(output.annotations.length).toBeLessThanOrEqual(50);
      for (const a of output.annotations) expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(64 * 1024);
    }
    const checkSummary = (checkRuns[0]!.body.output as { summary: string }).summary;
    wellFormed(checkSummary);
    expect(checkSummary).toMatch(/\*\*\d+ of \d+ findings are not shown here\*\*/);

    const comment = api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/comments'));
    const body = String(comment?.body.body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    wellFormed(body);
    expect(body).toContain('https://github.example/acme/shop/runs/42');
    const cut = /\*\*(\d+) of (\d+) findings are not shown here\*\*/.exec(body);
    expect(cut, 'the comment says how many findings it leaves out').not.toBeNull();
    const rows = body.split('\n').filter((l) => /^\| (🔴|🟡|🔵) \|/.test(l)).length;
    expect(Number(cut![2]) - Number(cut![1])).toBe(rows);
  });

  it('writes SARIF valid against the SARIF 2.1.0 schema, with percent-encoded URIs and rule help pages', () => {
    const schema = JSON.parse(
      readFileSync(path.join(root, '__tests__/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
    ) as object;
    const AjvDraft04 =
      (AjvDraft04Module as unknown as { default: typeof AjvDraft04Module }).default ?? AjvDraft04Module;
    const ajv = new (AjvDraft04 as unknown as new (o: object) => import('ajv').default)({
      strict: false,
      unicodeRegExp: false,
    });
    const add =
      (addFormats as unknown as { default?: (a: unknown) => void }).default ??
      (addFormats as unknown as (a: unknown) => void);
    add(ajv);
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as {
      runs: {
        tool: { driver: { rules: { helpUri: string }[] } };
        results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
      }[];
    };
    const ok = validate(sarif);
    expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
    expect(ok).toBe(true);
    const uris = new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toContain('out/my%20app/rendered%20%231.yaml');
    for (const uri of uris) expect(new URL(uri, 'file:///ws/').href.startsWith('file:///ws/out/')).toBe(true);
    for (const r of sarif.runs[0]!.tool.driver.rules)
      expect(r.helpUri).toMatch(/^https:\/\/github\.com\/zd-gate\/zd-gate\/blob\/v1\/docs\/rules\/[a-z-]+\.md$/);
  });
});
