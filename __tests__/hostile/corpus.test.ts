/**
 * The hostile-input corpus through the product as it runs: the bundle of this tree (helpers/
 * bundle.ts), as the CLI in every format (text, json, sarif, github) and as the action entry
 * (INPUT_* variables, the runner's files, a loopback GitHub API), in validate mode with manifests
 * and file names built from every corpus string, and in watch mode against an API server whose
 * errors carry the corpus. For every sink:
 * - the step log holds no workflow command but the ones zd-gate means (read as the runner reads it);
 * - no markdown surface (job summary, check run, PR comment) renders a tag, link or mention from input;
 * - nothing crashed, every good file's findings are kept, every output parses, every size limit holds.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { workflowAnnotations } from '../helpers/action-run.js';
import { buildBundle } from '../helpers/bundle.js';
import { tempDir } from '../helpers/cli.js';
import { fakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import {
  AUTOLINK,
  HOSTILE,
  MENTION,
  REFERENCE,
  renderGfm,
  runnerCommands,
  tags,
  visibleText,
} from '../helpers/hostile.js';
import { GOOD_FILES, GOOD_FINDINGS } from './good.js';

const GITHUB_TOKEN = 'ghs_corpusTestToken0123456789abcdefghij';
/** GitHub's limits (docs: job summaries, Checks API, issue comments, workflow commands). */
const LIMITS = { summaryBytes: 1024 * 1024, checkRunChars: 65_535, commentChars: 65_536, annotationBytes: 64 * 1024 };
/** The commands zd-gate itself issues in a validate or watch step. */
const OWN_COMMANDS = /^::(error|warning|notice)( [^:]*)?::|^::add-mask::|^::debug::|^::(group|endgroup)::/;
/** Tags zd-gate's own markdown renders to (anything else came from input). */
const OWN_TAGS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'details',
  'summary',
  'a',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'br',
  'hr',
  'blockquote',
]);

/** A file name a pull request can commit: the string without `/` and NUL, bounded, not hidden. */
function fileName(i: number, s: string): string {
  const base = Buffer.from(s.replaceAll('/', '_').replaceAll('\u0000', '_').replace(/^\.+/, '_'))
    .subarray(0, 150)
    .toString('utf8')
    .replace(/\uFFFD/g, '_');
  return `h${i}-${base}.yaml`;
}

/** Objects carrying `s` in every string the rules quote: names, container, labels, annotations. */
function hostileManifest(i: number, s: string): string {
  const app = `a${i}`;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: s, namespace: 'hostile', annotations: { 'zd-gate/ignore': s, note: s }, labels: { app } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: s, image: s, ports: [{ name: 'http', containerPort: 8080 }] }] },
      },
    },
  };
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s, namespace: 'hostile' },
    spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] },
  };
  const docs = [stringify(deployment), stringify(service)];
  // An unrendered template whose message quotes the line, and a document that is not an object.
  docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }} ${s.replace(/\n/g, ' ')}\n`);
  docs.push(`${JSON.stringify(s)}\n`);
  return docs.join('---\n');
}

let bundle: string;
let workspace: string;

/** The workspace a hostile pull request checks out: the good files, one file per corpus string, one huge name, a config naming the corpus. */
function hostileWorkspace(): string {
  const files: Record<string, string> = { ...GOOD_FILES };
  HOSTILE.forEach((s, i) => (files[fileName(i, s)] = hostileManifest(i, s)));
  // A 1 MiB name: over every per-item limit (annotation 64 KiB, check-run fields 65,535), and over
  // the job summary's 1 MiB once it is in several findings.
  files['huge-name.yaml'] = hostileManifest(HOSTILE.length, `n${'x'.repeat(1024 * 1024)}`);
  // A config that names every corpus string as a rule: each an error quoting it.
  files['.zd-gate.yaml'] = `rules:\n${HOSTILE.map((s) => `  ${JSON.stringify(s)}: off`).join('\n')}\n`;
  return tempDir(files);
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The step log as the runner sees it: only zd-gate's own commands, add-mask only for the credentials given. */
function expectNoForgedCommand(log: string, masks: readonly string[] = []): void {
  const commands = runnerCommands(log);
  expect(commands.filter((c) => !OWN_COMMANDS.test(c))).toEqual([]);
  for (const c of commands.filter((x) => x.startsWith('::add-mask::')))
    expect(masks).toContain(c.slice('::add-mask::'.length));
}

/** A markdown surface renders no tag, link or mention from input; links only to zd-gate's own places. */
function expectInert(markdown: string, where: string): void {
  const html = renderGfm(markdown);
  expect(
    tags(html).filter((t) => !OWN_TAGS.has(t)),
    where,
  ).toEqual([]);
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
    expect(href, `${where}: link`).toMatch(
      /^https:\/\/(github\.com\/zd-gate\/zd-gate\/|github\.example\/acme\/shop\/runs\/)/,
    );
  // GitHub links mentions, references and URLs in the rendered text; the zero-width space that
  // breaks them must still be there (kept here as a visible stand-in).
  // Code spans and blocks render literally: GitHub links nothing in them.
  const prose = html.replace(/<a href="[^"]*">[^<]*<\/a>/g, '').replace(/<code>[^<]*<\/code>/g, '');
  const shown = visibleText(prose.replace(/\u200b/g, '\u0001'));
  expect(shown, `${where}: mention`).not.toMatch(MENTION);
  expect(shown, `${where}: reference`).not.toMatch(REFERENCE);
  expect(shown, `${where}: autolink`).not.toMatch(AUTOLINK);
  expect(markdown, `${where}: credential`).not.toMatch(/:\u200b?\/\/admin:hunter2@/);
}

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; column: number; severity: string; message: string }[];
  problems: { message: string }[];
  summary: { files: number };
}

function expectGoodFindings(report: JsonReport): void {
  const good = report.findings
    .filter((f) => f.file in GOOD_FILES)
    .map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)
    .sort();
  expect(good).toEqual(GOOD_FINDINGS);
}

beforeAll(async () => {
  bundle = path.join(await buildBundle(), 'index.js');
  workspace = hostileWorkspace();
}, 20 * 60_000);

// Each run is a process over ~60 files, one of them 4 MiB: seconds each on a loaded machine.
const RUN_TIMEOUT = 180_000;

describe('validate, the CLI in every format', () => {
  const cliEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME });

  it(
    'text: no command in either stream, the good findings printed, the run completes',
    async () => {
      const r = await runNode([bundle, 'validate', '.'], workspace, cliEnv());
      expect(r.code).toBe(2); // the corpus holds input errors (unknown rules, templates): exit 2, not a crash
      expect(r.stderr).not.toMatch(/unexpected error|Maximum call stack|at .*\.js:\d+/);
      expectNoForgedCommand(r.stdout);
      expectNoForgedCommand(r.stderr);
      expect(r.stdout).toMatch(/^web\.yaml\n {2}18:9 {2}error .*readinessProbe.*\[readiness-probe\]$/m);
      expect(r.stdout).not.toMatch(/:\/\/admin:hunter2@/);
    },
    RUN_TIMEOUT,
  );

  it(
    'json: parses, every good finding kept, every corpus file counted',
    async () => {
      const r = await runNode([bundle, 'validate', '--format', 'json', '.'], workspace, cliEnv());
      expect(r.code).toBe(2);
      expectNoForgedCommand(r.stderr);
      const report = JSON.parse(r.stdout) as JsonReport;
      expectGoodFindings(report);
      expect(report.summary.files).toBe(Object.keys(GOOD_FILES).length + HOSTILE.length + 1);
      // Each corpus string reached a finding or problem: the corpus was not silently dropped.
      const seen = JSON.stringify(report);
      for (const s of HOSTILE.filter((x) => x.length > 3)) expect(seen).toContain(JSON.stringify(s).slice(1, -1));
    },
    RUN_TIMEOUT,
  );

  it(
    'sarif: parses, results for the good findings and the corpus files',
    async () => {
      const r = await runNode([bundle, 'validate', '--format', 'sarif', '.'], workspace, cliEnv());
      expect(r.code).toBe(2);
      const sarif = JSON.parse(r.stdout) as {
        runs: {
          results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
        }[];
      };
      const results = sarif.runs[0]!.results;
      expect(
        results.some(
          (x) => x.ruleId === 'readiness-probe' && x.locations[0]?.physicalLocation.artifactLocation.uri === 'web.yaml',
        ),
      ).toBe(true);
      expect(new Set(results.map((x) => x.locations[0]?.physicalLocation.artifactLocation.uri)).size).toBeGreaterThan(
        HOSTILE.length,
      );
    },
    RUN_TIMEOUT,
  );

  it(
    'github: only its own annotations, at most 10 per severity, each message within 64 KiB',
    async () => {
      const r = await runNode([bundle, 'validate', '--format', 'github', '.'], workspace, cliEnv());
      expect(r.code).toBe(2);
      expectNoForgedCommand(r.stdout);
      expectNoForgedCommand(r.stderr);
      const annotations = workflowAnnotations(r.stdout);
      expect(annotations.length).toBeGreaterThan(0);
      for (const severity of ['error', 'warning', 'notice'])
        expect(annotations.filter((a) => a.severity === severity).length).toBeLessThanOrEqual(11);
      for (const a of annotations) expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
    },
    RUN_TIMEOUT,
  );
});

describe('validate, the action entry', () => {
  let api: FakeGitHub;
  let run: Run & { summary: string; outputs: Record<string, string> };

  beforeAll(async () => {
    api = await fakeGitHub();
    const temp = mkdtempSync(path.join(tmpdir(), 'zd-gate-runner-'));
    const files = {
      out: path.join(temp, 'output.txt'),
      summary: path.join(temp, 'summary.md'),
      event: path.join(temp, 'event.json'),
    };
    writeFileSync(files.out, '');
    writeFileSync(files.summary, '');
    writeFileSync(files.event, JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc123' } } }));
    const r = await runNode([bundle], workspace, {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: files.out,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'def456',
      GITHUB_API_URL: api.url,
      GITHUB_GRAPHQL_URL: `${api.url}/graphql`,
      INPUT_MODE: 'validate',
      INPUT_MANIFESTS: '.',
      INPUT_NAMESPACE: 'default',
      'INPUT_FAIL-ON': 'error',
      INPUT_ANNOTATIONS: 'true',
      'INPUT_GITHUB-TOKEN': GITHUB_TOKEN,
      'INPUT_CHECK-NAME': 'zd-gate',
      'INPUT_PR-COMMENT': 'true',
    });
    const outputs: Record<string, string> = {};
    for (const m of readFileSync(files.out, 'utf8').matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm))
      outputs[m[1]!] = m[3]!;
    run = { ...r, summary: readFileSync(files.summary, 'utf8'), outputs };
  }, 10 * 60_000);

  afterAll(async () => {
    await api.close();
  });

  it('the log: only its own commands, the token masked and nowhere else, at most 10 annotations per severity', () => {
    const log = run.stdout + run.stderr;
    expect(log).not.toMatch(/unexpected error|Maximum call stack/);
    expectNoForgedCommand(log, [GITHUB_TOKEN]);
    expect(log.replace(/^::add-mask::.*$/gm, '')).not.toContain(GITHUB_TOKEN);
    const annotations = workflowAnnotations(run.stdout);
    for (const severity of ['error', 'warning', 'notice'])
      expect(annotations.filter((a) => a.severity === severity).length).toBeLessThanOrEqual(11);
    for (const a of annotations) expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
    expect(run.code).toBe(2); // the CLI's code: the corpus holds input errors
  });

  it('the job summary: within 1 MiB, no tag, link or mention from input', () => {
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(LIMITS.summaryBytes);
    expect(run.summary).toMatch(/zd-gate validate failed/);
    expectInert(run.summary, 'job summary');
  });

  it('the outputs: counts and paths only; the findings file and SARIF parse and keep the good findings', () => {
    expect(Object.keys(run.outputs).sort()).toEqual(['errors', 'findings-file', 'sarif-file', 'warnings']);
    expect(run.outputs.errors).toMatch(/^\d+$/);
    expect(run.outputs.warnings).toMatch(/^\d+$/);
    const findings = JSON.parse(readFileSync(run.outputs['findings-file']!, 'utf8')) as JsonReport;
    expectGoodFindings(findings);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(findings.findings.length);
  });

  it('the check run and the PR comment: within their limits, no tag, link or mention from input', () => {
    const checkRuns = api.requests.filter((q) => q.url.includes('/check-runs'));
    expect(checkRuns.length).toBeGreaterThan(0);
    expect(checkRuns.length).toBeLessThanOrEqual(20);
    for (const q of checkRuns) {
      const output = q.body.output as {
        title: string;
        summary: string;
        text?: string;
        annotations?: { message: string }[];
      };
      for (const field of [output.title, output.summary, output.text ?? ''])
        expect(field.length).toBeLessThanOrEqual(LIMITS.checkRunChars);
      expectInert(output.summary, 'check-run summary');
      if (output.text) expectInert(output.text, 'check-run text');
      for (const a of output.annotations ?? [])
        expect(Buffer.byteLength(a.message)).toBeLessThanOrEqual(LIMITS.annotationBytes);
    }
    const comments = api.requests.filter((q) => q.url.includes('/comments') && q.method !== 'GET');
    expect(comments).toHaveLength(1);
    const body = String(comments[0]!.body.body);
    expect(body.length).toBeLessThanOrEqual(LIMITS.commentChars);
    expectInert(body, 'PR comment');
    // The marker a hostile file name carries renders as text (in code), not as a second HTML comment.
    expect(body.startsWith('<!-- zd-gate:validate -->\n')).toBe(true);
    expect(renderGfm(body).match(/<!--/g)).toHaveLength(1);
  });
});

describe('watch: API errors carrying the corpus', () => {
  let server: Server;
  let url: string;
  const message = HOSTILE.join(' | ');

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Forbidden',
          code: 403,
          message,
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const kubeconfig = (): string =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "${url}", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: kubeToken0123456789}\ncontexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n`;

  it(
    'the CLI: exit 2 with the error, no command in the log, the report file parses',
    async () => {
      const dir = tempDir({ kubeconfig: kubeconfig() });
      const report = path.join(dir, 'report.json');
      const r = await runNode(
        [
          bundle,
          'watch',
          '--namespace',
          'demo',
          '--deployments',
          'web',
          '--kubeconfig',
          'kubeconfig',
          '--report-file',
          report,
        ],
        dir,
        { PATH: process.env.PATH, HOME: dir, AWS_REGION: 'eu-west-1' },
      );
      expect(r.code).toBe(2);
      expectNoForgedCommand(r.stdout);
      expectNoForgedCommand(r.stderr);
      expect(r.stderr).toMatch(/forbidden/);
      expect(r.stderr).not.toMatch(/:\/\/admin:hunter2@/);
      const json = JSON.parse(readFileSync(report, 'utf8')) as { error: string };
      expect(json.error).toMatch(/forbidden/);
      expect(json.error).not.toMatch(/:\/\/admin:hunter2@/);
    },
    RUN_TIMEOUT,
  );

  it(
    'the action: only its own commands, the summary inert and within its limit, outputs plain',
    async () => {
      const dir = tempDir();
      const temp = mkdtempSync(path.join(tmpdir(), 'zd-gate-runner-'));
      const out = path.join(temp, 'output.txt');
      const summary = path.join(temp, 'summary.md');
      writeFileSync(out, '');
      writeFileSync(summary, '');
      const r = await runNode([bundle], dir, {
        PATH: process.env.PATH,
        HOME: dir,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        INPUT_MODE: 'watch',
        INPUT_NAMESPACE: 'demo',
        INPUT_DEPLOYMENTS: 'web',
        INPUT_KUBECONFIG: kubeconfig(),
        'INPUT_AWS-REGION': 'eu-west-1',
      });
      expect(r.code).toBe(2); // could not run (result error), as the CLI
      const log = r.stdout + r.stderr;
      expectNoForgedCommand(log, ['kubeToken0123456789']);
      expect(log).toMatch(/forbidden/);
      const md = readFileSync(summary, 'utf8');
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(LIMITS.summaryBytes);
      expect(md).toMatch(/forbidden/);
      expectInert(md, 'watch job summary');
      const outputs = readFileSync(out, 'utf8');
      expect(outputs).not.toMatch(/:\/\/admin:hunter2@/);
      expectNoForgedCommand(outputs);
    },
    RUN_TIMEOUT,
  );
});
