/**
 * The GitHub workflows are valid and the CI workflow's self-test job works, checked here rather than
 * first on GitHub:
 *   - every file in .github/workflows passes actionlint (built from Go modules by
 *     scripts/e2e/setup.sh, in the bin folder the global setup exports as ZD_E2E_BIN);
 *   - the self-test job's steps run the way the runner runs them: each `uses: ./` step is the
 *     action's bundle (built from src/ as `npm run package` builds dist/) started by node with no
 *     arguments, its `with:` (and action.yml's defaults) in INPUT_* variables, GITHUB_OUTPUT and
 *     GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE and the job's RUNNER_TEMP; each `run:` step is run
 *     by bash as the runner runs it, with its `env:` expressions evaluated from those steps'
 *     outcomes and outputs. The expectations are the workflow's own check steps, not a copy.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildBundle } from '../helpers/bundle.js';
import { endStdin } from '../helpers/stdin.js';
import { ENV_BIN_DIR } from './helpers/cluster.js';
import { repoRoot } from './helpers/paths.js';
import { parseGithubOutput } from './scenarios/lib/product.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  if?: unknown;
  'working-directory'?: string;
  'continue-on-error'?: boolean;
}

interface Job {
  steps: Step[];
  env?: unknown;
  defaults?: unknown;
}

interface Proc {
  code: number | null;
  output: string;
}

interface StepResult {
  outcome: 'success' | 'failure';
  outputs: Record<string, string>;
}

const CI_WORKFLOW = '.github/workflows/ci.yml';
const SELF_TEST_JOB = 'self-test';
/** Actions the runner would run before ours; here the checkout is this tree and node is this process's. */
const SETUP_ACTIONS = /^actions\/(checkout|setup-node)@[0-9a-f]{40}$/;

function exec(
  file: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    endStdin(child.stdin, opts.input, reject);
  });
}

function actionlint(args: string[], input?: string): Promise<Proc> {
  const bin = process.env[ENV_BIN_DIR];
  if (!bin) throw new Error(`${ENV_BIN_DIR} is not set: run with vitest.e2e.config.ts (npm run e2e)`);
  // shellcheck and pyflakes integrations off: the result must not depend on what else is installed.
  return exec(join(bin, 'actionlint'), ['-no-color', '-oneline', '-shellcheck=', '-pyflakes=', ...args], {
    cwd: repoRoot,
    ...(input === undefined ? {} : { input }),
  });
}

describe('.github/workflows', () => {
  it('pass actionlint', async () => {
    const version = await actionlint(['-version']);
    expect(version.output).toMatch(/^v\d+\.\d+\.\d+/);
    const result = await actionlint([]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('actionlint rejects a workflow that reads an undefined step (so passing means something)', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ steps.missing.outputs.value }}"',
      '',
    ].join('\n');
    const result = await actionlint(['-stdin-filename', 'broken.yml', '-'], broken);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/broken\.yml:6:.*property "missing" is not defined/);
  });
});

// ---- the self-test job, emulated -------------------------------------------------------------------

const workflow = parse(readFileSync(join(repoRoot, CI_WORKFLOW), 'utf8')) as { jobs: Record<string, Job> };
const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: unknown }>;
  runs: { using: string; main: string };
};
const job = workflow.jobs[SELF_TEST_JOB];

/** The environment of a step: this process's, less what the runner sets per step. */
function baseEnv(runnerTemp: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
  return { ...env, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repoRoot, RUNNER_TEMP: runnerTemp };
}

/** A `with:` value: the runner passes literal strings; expressions would need a context we do not have. */
function literal(step: Step, name: string, value: unknown): string {
  if (typeof value === 'object' && value !== null) throw new Error(`step ${step.id}: input ${name} is not a scalar`);
  const text = String(value);
  if (text.includes('${{'))
    throw new Error(`step ${step.id}: input ${name} uses an expression the test cannot evaluate`);
  return text;
}

/** `${{ steps.<id>.outcome|conclusion|outputs.<name> }}`, the only expressions the self-test job uses. */
function evaluate(text: string, results: ReadonlyMap<string, StepResult>, steps: readonly Step[]): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    const m = /^steps\.([A-Za-z0-9_-]+)\.(outcome|conclusion|outputs\.([A-Za-z0-9_-]+))$/.exec(expr);
    if (!m) throw new Error(`expression \${{ ${expr} }} is not one the test can evaluate`);
    const result = results.get(m[1]!);
    if (!result) throw new Error(`\${{ ${expr} }}: step ${m[1]} has not run`);
    if (m[2] === 'outcome') return result.outcome;
    if (m[2] === 'conclusion') {
      const step = steps.find((s) => s.id === m[1]);
      return step?.['continue-on-error'] ? 'success' : result.outcome;
    }
    return result.outputs[m[3]!] ?? '';
  });
}

async function runAction(step: Step, entry: string, runnerTemp: string, n: number): Promise<StepResult & Proc> {
  const env = baseEnv(runnerTemp);
  const inputVar = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  for (const [name, spec] of Object.entries(action.inputs))
    if (spec.default !== undefined) env[inputVar(name)] = String(spec.default);
  for (const [name, value] of Object.entries(step.with ?? {})) {
    if (!(name in action.inputs))
      throw new Error(`step ${step.id} passes \`${name}\`, which action.yml does not declare`);
    env[inputVar(name)] = literal(step, name, value);
  }
  env.GITHUB_OUTPUT = join(runnerTemp, `_output_${n}`);
  env.GITHUB_STEP_SUMMARY = join(runnerTemp, `_summary_${n}`);
  await writeFile(env.GITHUB_OUTPUT, '');
  await writeFile(env.GITHUB_STEP_SUMMARY, '');
  const proc = await exec(process.execPath, [entry], { cwd: repoRoot, env });
  const outputs = parseGithubOutput(await readFile(env.GITHUB_OUTPUT, 'utf8'));
  return { ...proc, outcome: proc.code === 0 ? 'success' : 'failure', outputs };
}

async function runShell(
  step: Step,
  results: ReadonlyMap<string, StepResult>,
  steps: readonly Step[],
  runnerTemp: string,
  n: number,
): Promise<Proc> {
  if (step.shell !== undefined && step.shell !== 'bash')
    throw new Error(`step ${n}: shell ${step.shell} is not emulated`);
  const env = baseEnv(runnerTemp);
  for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value), results, steps);
  const script = join(runnerTemp, `_step_${n}.sh`);
  await writeFile(script, evaluate(step.run ?? '', results, steps));
  // What the runner runs for `shell: bash` (and for no shell, when bash is on PATH).
  return exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: repoRoot, env });
}

/** The ids of the steps whose outcome or outputs a step's `env:` reads. */
function readsSteps(step: Step): string[] {
  const ids = Object.values(step.env ?? {}).flatMap((v) => [...String(v).matchAll(/steps\.([A-Za-z0-9_-]+)\./g)]);
  return [...new Set(ids.map((m) => m[1]!))];
}

describe(`${CI_WORKFLOW}, job ${SELF_TEST_JOB}, run locally through the action entry`, () => {
  let entry = '';
  let runnerTemp = '';
  const results = new Map<string, StepResult>();
  const checks: Array<{ step: Step; n: number }> = [];

  beforeAll(async () => {
    entry = join(await buildBundle(), 'index.js');
    runnerTemp = await mkdtemp(join(tmpdir(), 'zd-gate-self-test-'));
  }, 15 * 60_000);
  afterAll(async () => {
    if (runnerTemp) await rm(runnerTemp, { recursive: true, force: true });
  });

  it('is a job this test can emulate, and action.yml runs the bundle on node24', () => {
    expect(job, `${CI_WORKFLOW} has a job ${SELF_TEST_JOB}`).toBeDefined();
    expect(job?.env, 'job-level env is not emulated').toBeUndefined();
    expect(job?.defaults, 'job-level defaults are not emulated').toBeUndefined();
    for (const step of job?.steps ?? []) {
      expect(step.if, `step ${step.name}: if: is not emulated`).toBeUndefined();
      expect(step['working-directory'], `step ${step.name}: working-directory is not emulated`).toBeUndefined();
      if (step.uses && step.uses !== './') expect(step.uses).toMatch(SETUP_ACTIONS);
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('runs every step as the runner would: the action passes, fails, and every check step passes', async () => {
    const steps = job!.steps;
    for (const [n, step] of steps.entries()) {
      if (step.uses === './') {
        if (!step.id) throw new Error(`step ${n} (${step.name}) runs the action without an id: nothing can check it`);
        const result = await runAction(step, entry, runnerTemp, n);
        results.set(step.id, result);
        if (result.outcome === 'failure' && !step['continue-on-error'])
          throw new Error(`step ${step.id} failed and the job would stop there:\n${result.output}`);
        expect(result.output, `step ${step.id} printed a stack trace`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      } else if (step.run !== undefined) {
        const proc = await runShell(step, results, steps, runnerTemp, n);
        expect(proc.code, `step "${step.name}" failed:\n${proc.output}`).toBe(0);
        checks.push({ step, n });
      }
    }
    // Both configurations, each with its outputs checked by a step after it.
    expect([...results.values()].map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    for (const id of results.keys()) {
      const checked = checks.filter(({ step }) => readsSteps(step).includes(id));
      expect(checked.length, `a run: step checks the outputs of ${id}`).toBeGreaterThan(0);
      const read = checked.flatMap(({ step }) => Object.values(step.env ?? {}).map(String)).join('\n');
      for (const output of [
        'outcome',
        'outputs.errors',
        'outputs.warnings',
        'outputs.findings-file',
        'outputs.sarif-file',
      ])
        expect(read, `the check of ${id} reads steps.${id}.${output}`).toContain(`steps.${id}.${output}`);
    }
  });

  it("each check step fails on the other run's outputs (so passing means something)", async () => {
    expect(checks.length).toBeGreaterThan(0);
    const ids = [...results.keys()];
    for (const { step, n } of checks) {
      const [own] = readsSteps(step);
      const other = ids.find((id) => id !== own)!;
      // The same step reading the other run: swap the ids in its expressions.
      const swapped: Step = {
        ...step,
        env: Object.fromEntries(
          Object.entries(step.env ?? {}).map(([k, v]) => [k, String(v).replaceAll(`steps.${own}.`, `steps.${other}.`)]),
        ),
      };
      const proc = await runShell(swapped, results, job!.steps, runnerTemp, 100 + n);
      expect(proc.code, `step "${step.name}" on ${other}'s outputs`).toBe(1);
      expect(proc.output).toMatch(/^::error::/m);
    }
  });
});
