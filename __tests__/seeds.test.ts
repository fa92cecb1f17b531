/**
 * The seeds' manifests (../shared/seeds, kept in examples/) through the whole validate engine:
 *   - seed 001's demo, as published, fails with the settings the field reports name as the causes
 *     of its 502s, each at the line to fix;
 *   - seed 002's sample and seed 001's demo with the fixes of seeds 003 and 004 pass (no error),
 *     with the warnings listed below and the reason each is accepted;
 *   - the README's command, `zd-gate validate examples/seed-001-demo`, exits 1 with those findings,
 *     and examples/README.md shows exactly what each of its commands prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import type { Finding, Severity } from '../src/core/findings.js';
import { EMPTY_CONFIG } from '../src/core/lint/config.js';
import { lint } from '../src/core/lint/engine.js';
import { parseFile } from '../src/core/manifest/parse.js';
import { RULES } from '../src/core/rules/index.js';

const root = new URL('../', import.meta.url).pathname;

function validate(dir: string, namespace = 'default') {
  const files = readdirSync(join(root, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => parseFile({ path: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));
  expect(files.length, `${dir} holds manifests`).toBeGreaterThan(0);
  return lint({ files, defaultNamespace: namespace, config: EMPTY_CONFIG, rules: RULES });
}

interface Expected {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly line: number;
  /** The numbers and the fix the message must state. */
  readonly message: RegExp;
  /** Which field reports name the setting (or, for the accepted warnings, why it is accepted). */
  readonly why: string;
}

const brief = (f: Finding): string => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`;

function expectExactly(findings: readonly Finding[], file: string, expected: readonly Expected[]): void {
  const sorted = [...findings].sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  const want = [...expected].sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
  expect(sorted.map(brief)).toEqual(want.map((e) => `${e.ruleId} ${e.severity} ${file}:${e.line}`));
  sorted.forEach((f, i) => expect(f.message, want[i]?.why).toMatch(want[i]?.message as RegExp));
}

const SEED_001 = 'examples/seed-001-demo';
const SEED_001_FILE = `${SEED_001}/nginx-demo-ingress.yaml`;

/** What seed 001's demo lacks, by the field reports that name it. */
const SEED_001_FINDINGS: readonly Expected[] = [
  {
    ruleId: 'readiness-gate',
    severity: 'error',
    line: 3, // Namespace demo-nginx: metadata, where `labels:` goes
    message:
      /Namespace demo-nginx has no `elbv2\.k8s\.aws\/pod-readiness-gate-inject` label.*Add the label `elbv2\.k8s\.aws\/pod-readiness-gate-inject: enabled`/,
    why: 'seed 003 labels the namespace to fix the 502s; seeds 002 and 004: "Utilize Pod Readiness Gates"',
  },
  {
    ruleId: 'pod-disruption-budget',
    severity: 'warning',
    line: 9, // the Deployment's name
    message:
      /No PodDisruptionBudget selects the pods of Deployment demo-nginx\/demo-nginx-deployment.*maxUnavailable: 1/,
    why: 'seed 004: "Configure a Pod Disruption Budget"',
  },
  {
    ruleId: 'prestop-hook',
    severity: 'error',
    line: 23, // the container, where `lifecycle:` goes
    message:
      /container `demo-nginx` has no preStop hook.*lifecycle\.preStop\.sleep\.seconds: 15, .*ALB with ip targets/,
    why: 'seed 003: preStop sleep so the target is deregistered before SIGTERM; seeds 002 and 004 too',
  },
  {
    ruleId: 'readiness-probe',
    severity: 'error',
    line: 23,
    message: /container `demo-nginx` has no readinessProbe.*serving port \(80\)/,
    why: 'seed 004: "Ensure Pods have Readiness Probes"; seed 002: readiness/liveness probes are required',
  },
  {
    ruleId: 'liveness-probe',
    severity: 'notice',
    line: 23,
    message: /container `demo-nginx` has no livenessProbe/,
    why: 'seeds 002 and 004 pair the readiness probe with a liveness probe',
  },
];

describe('seed 001: the demo that returned 502s during `kubectl set image`', () => {
  it('fails with exactly the settings the seeds name, each at its line', () => {
    const r = validate(SEED_001);
    expect(r.problems).toEqual([]);
    expectExactly(r.findings, SEED_001_FILE, SEED_001_FINDINGS);
    expect(r.findings.filter((f) => f.severity === 'error').length).toBe(3);
  });

  it('the README command: `zd-gate validate examples/seed-001-demo` exits 1 and reports the same findings', async () => {
    const { code, stdout } = await cli(['validate', SEED_001, '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { findings: Finding[] };
    expectExactly(json.findings, SEED_001_FILE, SEED_001_FINDINGS);
  });
});

describe('seed 002: the sample of "zero downtime deployment of Pods on Amazon EKS"', () => {
  const SAMPLE = 'examples/seed-002-sample/sample.yaml';
  /** Warnings accepted on the sample (it passes: no error), and why each is right to raise. */
  const ACCEPTED: readonly Expected[] = [
    {
      ruleId: 'pod-disruption-budget',
      severity: 'warning',
      line: 65,
      message: /No PodDisruptionBudget selects the pods of Deployment test\/2048-game/,
      why: 'the sample has no PodDisruptionBudget; seed 004 recommends one, and a node drain can evict all 4 replicas at once',
    },
    {
      ruleId: 'liveness-probe',
      severity: 'warning',
      line: 88,
      message: /the livenessProbe is identical to the readinessProbe/,
      why: 'liveness and readiness are the same GET /health with the same timing: an overloaded pod is restarted instead of leaving the target group',
    },
    {
      ruleId: 'prestop-duration',
      severity: 'warning',
      line: 101,
      message: /the preStop hook waits 10s, less than the 15s .*ALB with ip targets.*Sleep at least 15s/,
      why: "sleep 10 passed the seed's own 100-second test, but is below the 15 s the controller maintainers' formula gives for ALB ip targets: a warning, not an error",
    },
  ];

  it('passes with --namespace test (the namespace its doc creates): no error, three accepted warnings', () => {
    const r = validate('examples/seed-002-sample', 'test');
    expect(r.problems).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error').map(brief)).toEqual([]);
    expectExactly(r.findings, SAMPLE, ACCEPTED);
  });

  it('without --namespace its objects land in `default`, whose Namespace is not among the inputs', () => {
    const r = validate('examples/seed-002-sample');
    const gate = r.findings.filter((f) => f.ruleId === 'readiness-gate');
    expect(gate.map(brief)).toEqual([`readiness-gate warning ${SAMPLE}:64`]);
    expect(gate[0]?.message).toMatch(/Namespace default is not among the inputs/);
  });

  it('the CLI exits 0 on it with --namespace test (warnings do not fail at the default --fail-on error)', async () => {
    const { code, stdout } = await cli([
      'validate',
      'examples/seed-002-sample',
      '--namespace',
      'test',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => f.ruleId).sort()).toEqual([
      'liveness-probe',
      'pod-disruption-budget',
      'prestop-duration',
    ]);
  });
});

describe('seed 003: the demo with the fixes of seeds 003 and 004', () => {
  it('passes every rule: no finding at all', () => {
    const r = validate('examples/seed-003-fixed');
    expect(r.problems).toEqual([]);
    expect(r.findings.map(brief)).toEqual([]);
    // The fixed demo is still the demo: the same served workload behind the same ip-mode ALB.
    expect(r.graph.servedWorkloads().map((w) => `${w.object.kind} ${w.object.namespace}/${w.object.name}`)).toEqual([
      'Deployment demo-nginx/demo-nginx-deployment',
    ]);
    expect(r.graph.exposures.map((e) => `${e.lb} ${e.targetType.value}`)).toEqual(['alb ip']);
  });

  it('the CLI exits 0 on it', async () => {
    expect((await cli(['validate', 'examples/seed-003-fixed'])).code).toBe(0);
  });
});

describe('examples/README.md', () => {
  // Each ```console block: `$ npx zd-gate validate ...` and what it prints, which must stay true.
  const readme = readFileSync(join(root, 'examples/README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```console\n\$ npx zd-gate (validate [^\n]+)\n([\s\S]*?)\n```/g)];
  it('shows the three examples', () => {
    expect(blocks.map((b) => b[1])).toEqual([
      'validate examples/seed-001-demo',
      'validate examples/seed-002-sample --namespace test',
      'validate examples/seed-003-fixed',
    ]);
  });
  for (const [, command, printed] of blocks) {
    it(`prints what \`zd-gate ${command}\` prints`, async () => {
      const { stdout } = await cli((command as string).split(' '));
      expect(stdout.trimEnd()).toBe(printed);
    });
  }
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, env: {}, signal: new AbortController().signal });
  return { code, stdout: out, stderr: err };
}
