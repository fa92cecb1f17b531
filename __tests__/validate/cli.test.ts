import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

const GOOD = { ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD };
const NO_PROBE = DEPLOYMENT_GOOD.replace(
  /        readinessProbe:\n          httpGet:\n            path: \/ready\n            port: http\n/,
  '',
);

describe('zd-gate validate (CLI)', () => {
  it('exits 0 on clean manifests and says what it checked', async () => {
    const dir = tempDir(GOOD);
    const r = await cli(['validate', '.'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/No findings in 5 objects from 5 files; 1 served workload checked/);
    expect(r.code).toBe(0);
  });

  it('exits 1 on an error finding and prints file:line, severity, message and rule', async () => {
    const dir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE });
    const r = await cli(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^deploy\.yaml\n {2}18:9 {2}error {4}.*has no readinessProbe.*\[readiness-probe\]$/m);
  });

  it('--format json follows the documented contract, every finding with a line', async () => {
    const dir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE });
    const r = await cli(
      ['validate', '--format', 'json', 'deploy.yaml', 'service.yaml', 'ingress.yaml', 'namespace.yaml', 'pdb.yaml'],
      { cwd: dir },
    );
    const json = JSON.parse(r.stdout) as { findings: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(json.findings).toEqual([
      {
        ruleId: 'readiness-probe',
        severity: 'error',
        message: expect.stringContaining('readinessProbe') as unknown,
        file: 'deploy.yaml',
        line: 18,
        column: 9,
        endLine: 18,
        endColumn: expect.any(Number) as unknown,
        object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
        container: 'web',
        workload: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      },
    ]);
    expect(json.summary).toMatchObject({
      errors: 1,
      warnings: 0,
      notices: 0,
      files: 5,
      objects: 5,
      failed: true,
      failOn: 'error',
    });
  });

  it('--format sarif is SARIF 2.1.0 with rule metadata and precise regions', async () => {
    const dir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE });
    const r = await cli(['validate', '--format', 'sarif', '.'], { cwd: dir });
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('readiness-probe');
    expect(run.results[0]).toMatchObject({
      ruleId: 'readiness-probe',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'deploy.yaml' },
            region: { startLine: 18, startColumn: 9, endLine: 18 },
          },
        },
      ],
    });
  });

  it('--fail-on warning fails on warnings; never never fails on findings', async () => {
    const noPdb = { ...GOOD };
    delete (noPdb as Record<string, string>)['pdb.yaml'];
    const dir = tempDir(noPdb);
    expect((await cli(['validate', '.'], { cwd: dir })).code).toBe(0);
    expect((await cli(['validate', '--fail-on', 'warning', '.'], { cwd: dir })).code).toBe(1);
    const errDir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE });
    expect((await cli(['validate', '--fail-on', 'never', '.'], { cwd: errDir })).code).toBe(0);
  });

  it('reads standard input with -', async () => {
    const r = await cli(['validate', '-'], {
      stdin: Object.values(GOOD)
        .join('---\n')
        .replace(/readinessProbe/, 'startupProbe'),
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>$/m);
  });

  it('a glob that matches nothing is an input error (exit 2), and the other inputs are still checked', async () => {
    const dir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE });
    const r = await cli(['validate', '.', 'rendered/*.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/\[readiness-probe\]/);
    expect(r.stdout).toMatch(/input error: Pattern `rendered\/\*\.yaml` matched no files/);
  });

  it('one broken file does not stop the others; the syntax error has its line', async () => {
    const dir = tempDir({
      ...GOOD,
      'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [\n',
    });
    const r = await cli(['validate', '--format', 'json', '.'], { cwd: dir });
    const json = JSON.parse(r.stdout) as {
      findings: { ruleId: string; file: string; line: number }[];
      summary: { objects: number };
    };
    expect(json.findings).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', file: 'broken.yaml', line: 5 })]);
    expect(json.summary.objects).toBe(5);
    expect(r.code).toBe(1);
  });

  it('input without any Kubernetes object is an error, not a pass', async () => {
    const dir = tempDir({ 'values.yaml': 'replicaCount: 2\n' });
    const r = await cli(['validate', 'values.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/values\.yaml:1: Not a Kubernetes object/);
    expect(r.stdout).toMatch(/No Kubernetes objects in 1 file/);
  });

  it('a config file turns rules off, changes severities and parameters; unknown rules are input errors with their line', async () => {
    const dir = tempDir({ ...GOOD, 'deploy.yaml': NO_PROBE, '.zd-gate.yaml': 'rules:\n  readiness-probe: warning\n' });
    const r = await cli(['validate', '--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: { severity: string }[] }).findings.map((f) => f.severity)).toEqual([
      'warning',
    ]);

    const bad = tempDir({ ...GOOD, 'zd.yaml': 'rules:\n  readiness-probe: off\n  readines-gate: off\n' });
    const b = await cli(['validate', '--config', 'zd.yaml', '.'], { cwd: bad });
    expect(b.code).toBe(2);
    expect(b.stdout).toMatch(/input error: zd\.yaml:3: Unknown rule `readines-gate`; did you mean `readiness-gate`\?/);
  });

  it('zd-gate/ignore on an object suppresses the named rules, and unknown names are errors', async () => {
    const ignored = NO_PROBE.replace(
      '  namespace: shop\n',
      '  namespace: shop\n  annotations:\n    zd-gate/ignore: readiness-probe\n',
    );
    const dir = tempDir({ ...GOOD, 'deploy.yaml': ignored });
    const r = await cli(['validate', '--format', 'json', '.'], { cwd: dir });
    expect(JSON.parse(r.stdout)).toMatchObject({ findings: [], summary: { suppressed: 1 } });
    const typo = tempDir({
      ...GOOD,
      'deploy.yaml': ignored.replace('zd-gate/ignore: readiness-probe', 'zd-gate/ignore: readyness-probe'),
    });
    const t = await cli(['validate', '.'], { cwd: typo });
    expect(t.code).toBe(2);
    expect(t.stdout).toMatch(
      /deploy\.yaml:7: Deployment shop\/web: `zd-gate\/ignore` names unknown rule `readyness-probe`/,
    );
  });

  it('objects without a namespace take --namespace', async () => {
    const noNs = Object.fromEntries(
      Object.entries(GOOD)
        .filter(([k]) => k !== 'namespace.yaml')
        .map(([k, v]) => [k, v.replace(/\n {2}namespace: shop/g, '')]),
    );
    const dir = tempDir(noNs);
    const r = await cli(['validate', '--format', 'json', '--namespace', 'other', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    // The Service, Ingress and PDB still find the Deployment: all four landed in `other`.
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings).toEqual([
      expect.objectContaining({
        ruleId: 'readiness-gate',
        severity: 'warning',
        object: { kind: 'Deployment', namespace: 'other', name: 'web' },
      }),
    ]);
  });

  it('writes --sarif-file next to any format', async () => {
    const dir = tempDir(GOOD);
    const r = await cli(['validate', '--sarif-file', 'out/zd.sarif', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/zd.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('usage errors exit 2 with the flag named', async () => {
    expect((await cli(['validate'])).stderr).toMatch(/--manifests is required/);
    const r = await cli(['validate', '--format', 'xml', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format is `xml`; use one of `text`, `json`, `sarif`, `github`/);
    expect((await cli(['validate', '--bogus', 'x'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
