/**
 * Credentials never leave the process: every credential zd-gate obtains is masked (and only that
 * value, never a whole kubeconfig), and credentials and URL userinfo are redacted from every sink:
 * the log, annotations, outputs, the job summary and the watch report file. The servers here are
 * real loopback HTTP servers that echo the credentials back in their error bodies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/adapters/kubernetes/connect.js';
import { cliHost } from '../../src/adapters/cli-host.js';
import { code, codeBlock, details, md, redactMarkdown, table } from '../../src/report/markdown.js';
import { MIN_SECRET_LENGTH, REDACTED, Redactor } from '../../src/report/redact.js';
import { runnerCommands } from '../helpers/hostile.js';
import { runActionInProcess } from '../helpers/action-run.js';
import { tempDir } from '../helpers/cli.js';

const TOKEN = 'kc-token-0123456789abcdef';
const PASSWORD = 'hunter22-pass';
const EXEC_TOKEN = 'exec-token-fedcba9876543210';
const GITHUB_TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz';

describe('Redactor', () => {
  it('replaces a registered secret in every spelling a sink may hold, and nothing else', () => {
    const r = new Redactor();
    expect(r.add(`a/b+c"d${TOKEN}`)).toEqual([`a/b+c"d${TOKEN}`]);
    const s = `a/b+c"d${TOKEN}`;
    for (const form of [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])
      expect(r.redact(`before ${form} after`)).toBe(`before ${REDACTED} after`);
    expect(r.redact('apiVersion: v1\nkind: Config\nBearer token and Basic auth')).toBe(
      'apiVersion: v1\nkind: Config\nBearer token and Basic auth',
    );
  });

  it('registers only the value, never shorter than the minimum; a PEM key by its material lines', () => {
    const r = new Redactor();
    expect(r.add('abc')).toEqual([]);
    expect(r.add('x'.repeat(MIN_SECRET_LENGTH))).toHaveLength(1);
    expect(r.add('x'.repeat(MIN_SECRET_LENGTH))).toEqual([]); // once
    expect(
      r.add('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nAbCdEf\n-----END PRIVATE KEY-----\n'),
    ).toEqual(['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'AbCdEf']);
  });

  it.each([
    [
      'URL userinfo',
      'GET https://admin:hunter2@api.example:6443/api failed',
      'GET https://(redacted)@api.example:6443/api failed',
    ],
    ['a bearer token', 'Authorization: Bearer abcdefghijklmnop1234', 'Authorization: Bearer (redacted)'],
    ['basic credentials', 'Authorization: Basic YWRtaW46aHVudGVyMjIyMg==', 'Authorization: Basic (redacted)'],
    [
      'an EKS token',
      'token k8s-aws-v1.aHR0cHM6Ly9zdHMuZXUtd2VzdC0xLmFtYXpvbmF3cy5jb20v rejected',
      'token (redacted) rejected',
    ],
    [
      'a presigned STS URL',
      'https://sts.eu-west-1.amazonaws.com/?X-Amz-Security-Token=IQoJb3JpZ2luX2VjE%2F&X-Amz-Signature=01dcbebc26f57e31912d8a7e47c179349c64a905caa6ab21ab8a8705002b0725&Action=x',
      'https://sts.eu-west-1.amazonaws.com/?X-Amz-Security-Token=(redacted)&X-Amz-Signature=(redacted)&Action=x',
    ],
    ['a GitHub token', `bad credentials ${GITHUB_TOKEN}`, 'bad credentials (redacted)'],
    [
      'a service-account JWT',
      'token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJrdWJlcm5ldGVzIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ is expired',
      'token (redacted) is expired',
    ],
  ])('redacts %s whoever it belongs to', (_, input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });

  it('never makes a text longer: a short credential becomes as many dots (the surfaces are cut to size first)', () => {
    const r = new Redactor();
    r.add('abcdefg');
    const input = `${'x https://a:b@h '.repeat(1000)} abcdefg`;
    const out = r.redact(input);
    expect(out.length).toBeLessThanOrEqual(input.length);
    expect(out).toContain('https://...@h');
    expect(out).toMatch(/ \.{7}$/);
  });

  it('redacts markdown in every form markdown.ts writes a string, and the result stays inert', () => {
    const r = new Redactor();
    r.add(GITHUB_TOKEN);
    const m = md`${GITHUB_TOKEN} ${code(GITHUB_TOKEN)}\n\n${table(['a'], [[GITHUB_TOKEN]])}\n\n${details(
      `summary ${GITHUB_TOKEN}`,
      codeBlock(`x ${GITHUB_TOKEN}\nhttps://admin:hunter2@host/`),
    )}\n\n${md`
see https://admin:hunter2@host/x
    `}`;
    const out = redactMarkdown(m, r).value;
    expect(out).not.toMatch(/0123456789abcdefghij|hunter2/);
    expect(out.split(REDACTED).length - 1).toBe(7);
  });
});

/** A loopback API server that refuses everything, echoing the credentials it received. */
async function echoingServer(): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'Forbidden',
        code: 403,
        message: `forbidden: request with "${auth}" from https://ops:${PASSWORD}@proxy.internal/ is not allowed`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** An exec credential plugin: a real child process printing an ExecCredential. */
function execPlugin(dir: string): string {
  const script = path.join(dir, 'plugin.mjs');
  writeFileSync(
    script,
    `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: '${EXEC_TOKEN}' } }));\n`,
  );
  return script;
}

/** `userinfo`: a password in the server URL (fetch refuses to send such a URL, so only for reading). */
function kubeconfig(server: string, script: string, user: 'token' | 'exec', userinfo = false): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: c',
    '  cluster:',
    `    server: ${userinfo ? server.replace('http://', `http://admin:${PASSWORD}@`) : server}`,
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: tok',
    '  user:',
    `    token: ${TOKEN}`,
    '- name: exe',
    '  user:',
    '    exec:',
    '      apiVersion: client.authentication.k8s.io/v1beta1',
    `      command: ${process.execPath}`,
    `      args: ["${script}"]`,
    '      interactiveMode: Never',
    'contexts:',
    '- name: ctx',
    '  context:',
    '    cluster: c',
    `    user: ${user === 'token' ? 'tok' : 'exe'}`,
    'current-context: ctx',
    '',
  ].join('\n');
}

async function connectInline(content: string) {
  const masked: string[] = [];
  const conn = await connect({
    kubeconfig: { kind: 'inline', content },
    context: undefined,
    clusterName: undefined,
    awsRegion: undefined,
    env: {},
    timers: { now: () => 0, sleep: () => Promise.resolve() },
    mask: (s) => masked.push(s),
  });
  return { conn, masked };
}

describe('the watch connection masks what it obtains, and only that', () => {
  it('inline kubeconfig: the token, the password in the server URL and every user credential; no line of the file', async () => {
    const dir = tempDir();
    const { conn, masked } = await connectInline(kubeconfig('http://127.0.0.1:1', execPlugin(dir), 'token', true));
    expect(masked.sort()).toEqual([PASSWORD, TOKEN].sort());
    expect(conn.describe).not.toContain(PASSWORD); // userinfo is dropped from the server it names
  });

  it('an exec plugin token is masked when the client obtains it, before the request leaves', async () => {
    const dir = tempDir();
    const { conn, masked } = await connectInline(kubeconfig('http://127.0.0.1:1', execPlugin(dir), 'exec'));
    expect(masked).not.toContain(EXEC_TOKEN);
    const headers = await conn.access.headers();
    expect(headers.Authorization).toBe(`Bearer ${EXEC_TOKEN}`);
    expect(masked).toContain(EXEC_TOKEN);
  });

  it('EKS: the signed token and the AWS credentials it is signed with are masked', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
    });
    delete process.env.AWS_PROFILE;
    try {
      const masked: string[] = [];
      const conn = await connect({
        kubeconfig: { kind: 'default' },
        context: undefined,
        clusterName: 'prod',
        awsRegion: 'eu-west-1',
        env: {},
        timers: { now: () => Date.UTC(2025, 0, 1), sleep: () => Promise.resolve() },
        mask: (s) => masked.push(s),
        describeEksCluster: () =>
          Promise.resolve({
            name: 'prod',
            endpoint: 'https://127.0.0.1:1',
            caData: Buffer.from('ca').toString('base64'),
          }),
      });
      const token = (await conn.access.headers()).Authorization?.replace('Bearer ', '') ?? '';
      expect(token).toMatch(/^k8s-aws-v1\./);
      expect(masked).toEqual(
        expect.arrayContaining([
          token,
          'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
          'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN',
        ]),
      );
      expect(masked).not.toContain('AKIDEXAMPLE'); // an access key id is an identifier, not a secret
    } finally {
      process.env = saved;
    }
  });
});

describe('watch against a server that echoes credentials in its errors', () => {
  let server: Server;
  let url: string;
  let seen: string[];
  const savedEnv = { ...process.env };
  beforeEach(async () => {
    ({ server, url, seen } = await echoingServer());
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('the CLI: no credential in the log or the report file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kubeconfig'), kubeconfig(url, execPlugin(dir), 'exec'));
    const stderr = new PassThrough();
    let log = '';
    stderr.on('data', (c: Buffer) => (log += c.toString()));
    const reportFile = path.join(dir, 'report.json');
    const { runCli } = await import('../../src/cli.js');
    const code = await runCli(
      [
        'watch',
        '--namespace',
        'demo',
        '--deployments',
        'web',
        '--kubeconfig',
        path.join(dir, 'kubeconfig'),
        '--report-file',
        reportFile,
      ],
      {
        stdout: new PassThrough(),
        stderr,
        env: { ...process.env, AWS_REGION: 'eu-west-1' },
        signal: new AbortController().signal,
      },
    );
    expect(code).toBe(2);
    expect(seen.some((a) => a.includes(EXEC_TOKEN))).toBe(true); // the server did get (and echo) it
    const report = readFileSync(reportFile, 'utf8');
    expect(report).toMatch(/forbidden: request with \\"Bearer \(redacted\)\\" from https:\/\/\(redacted\)@proxy/);
    for (const sink of [log, report]) {
      expect(sink).not.toContain(EXEC_TOKEN);
      expect(sink).not.toContain(PASSWORD);
    }
  });

  it('the action: no credential in the log, annotations, outputs, summary or report file; only the credentials are added as masks', async () => {
    const dir = tempDir();
    const run = await runActionInProcess({
      workspace: dir,
      apiUrl: 'http://127.0.0.1:1',
      inputs: {
        mode: 'watch',
        namespace: 'demo',
        deployments: 'web',
        kubeconfig: kubeconfig(url, execPlugin(dir), 'token'),
        'aws-region': 'eu-west-1',
      },
    });
    expect(run.exitCode).toBe(2); // could not run (result error), as the CLI
    expect(seen.some((a) => a.includes(TOKEN))).toBe(true);
    const masks = runnerCommands(run.log)
      .filter((c) => c.startsWith('::add-mask::'))
      .map((c) => c.slice('::add-mask::'.length));
    expect(masks).toEqual([TOKEN]);
    const sinks = {
      log: run.log.replace(/^::add-mask::.*$/gm, ''),
      outputs: JSON.stringify(run.outputs),
      summary: run.summary,
      report: readFileSync(run.outputs['report-file'] as string, 'utf8'),
    };
    expect(sinks.summary).toMatch(/Bearer \(redacted\)/);
    expect(sinks.log).toMatch(/^::error title=zd-gate%3A the gate could not run::.*forbidden/m);
    for (const [name, text] of Object.entries(sinks)) {
      expect(text, name).not.toContain(TOKEN);
      expect(text, name).not.toContain(PASSWORD);
    }
  });
});

describe('the CLI host', () => {
  it('writes nothing it was asked to mask, and no URL userinfo', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c: Buffer) => (out += c.toString()));
    const host = cliHost(new AbortController().signal, stream);
    host.mask(TOKEN);
    host.info(`connected with ${TOKEN} to https://admin:${PASSWORD}@h/`);
    host.error(`failed: ${JSON.stringify({ token: TOKEN })}`, { file: `${TOKEN}.yaml` });
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(PASSWORD);
    expect(out.match(/\(redacted\)/g)).toHaveLength(4);
  });
});
