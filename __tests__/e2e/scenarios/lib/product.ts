/**
 * Runs the product the way users do: the bundle `dist/index.js` as a child process, either as the
 * CLI (`node dist/index.js watch --flag value ...`) or as the GitHub Action entry (no arguments,
 * GITHUB_ACTIONS=true, inputs in INPUT_* variables, outputs and job summary in the GITHUB_OUTPUT
 * and GITHUB_STEP_SUMMARY files). Nothing from src/ is imported: the report JSON is read through
 * the small interfaces below, so a bug in the product's model cannot hide behind a shared type.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../helpers/paths.js';

/** The bundle under test; ZD_GATE_ENTRY points elsewhere (e.g. a fresh `ncc build` output). */
export function gateEntry(): string {
  const entry = process.env['ZD_GATE_ENTRY'] || join(repoRoot, 'dist/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: build the bundle first (npm run package)`);
  return entry;
}

const RUSAGE_HOOK = fileURLToPath(new URL('./rusage-hook.mjs', import.meta.url));

export interface TargetGroupReportJson {
  arn: string;
  name: string;
  targetType: string;
  minHealthy: number | null;
  lastHealthy: number | null;
  byState: Record<string, number>;
  describeCalls: number;
}

export interface DeploymentReportJson {
  name: string;
  result: string;
  reason: string;
  /** What the verdict asserts: requests-failed, capacity-below-threshold, not-rolled-out, could-not-judge, no-loss-seen. */
  claim: string;
  message: string;
  revision: number | null;
  rolledBackTo: number | null;
  rollback: { status: string; message: string } | null;
  threshold: number | null;
  minHealthyObserved: number | null;
  targetGroups: TargetGroupReportJson[];
  /** Seconds from the start of the run to the verdict. */
  verdictSeconds: number;
  durationSeconds: number;
  soak: { seconds: number; startedSeconds: number | null; coveredSeconds: number } | null;
  /** What the gate could not see, each naming the input that closes it. */
  blindSpots?: string[];
  milestones: Array<{ t: number; text: string }>;
  diagnostics: string[];
}

export interface WatchReportJson {
  result: string;
  exitCode: number;
  startedAt: string;
  events: Array<{ t: number; deployment: string | null; event: string }>;
  durationSeconds: number;
  deployments: DeploymentReportJson[];
  probe: { url: string; total: number; errors: number; byKind: Record<string, number> } | null;
  elb: { attempts: number; describeTargetHealthPerMinute: Record<string, number> };
  error: string | null;
}

export interface Usage {
  /** Peak resident set size of the gate's process, KiB. */
  maxRssKb: number;
  userCpuMs: number;
  systemCpuMs: number;
}

export interface OutputLine {
  /** Wall-clock ms (Date.now()) when the line arrived. */
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface GateRun {
  entry: 'cli' | 'action';
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Killed by the harness after `killAfterMs`. */
  killed: boolean;
  startedAt: number;
  endedAt: number;
  lines: OutputLine[];
  /** All output, stdout then stderr. */
  text: string;
  report: WatchReportJson | undefined;
  /** The action's outputs (GITHUB_OUTPUT); empty for the CLI. */
  outputs: Record<string, string>;
  /** The action's job summary (GITHUB_STEP_SUMMARY); empty for the CLI. */
  summary: string;
  usage: Usage | undefined;
}

export interface RunOptions {
  /** Environment added to the harness's own (simulator env, KUBECONFIG, ...). */
  env?: Record<string, string>;
  /** Kill the gate if it has not exited by then (a hang is a failure of the scenario). Default 5 min. */
  killAfterMs?: number;
  /** Echo the gate's lines to the test log as they arrive (default: ZD_SCEN_ECHO=1). */
  echo?: boolean;
  /** Called for each line as it arrives. */
  onLine?: (line: OutputLine) => void;
}

/** Variables that would change the product's behaviour if inherited from the test runner's environment. */
const SCRUB = /^(INPUT_|GITHUB_|RUNNER_|AWS_|KUBECONFIG$|ZD_GATE_DEBUG$)/;

function baseEnv(extra: Record<string, string>, usageFile: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !SCRUB.test(k)) env[k] = v;
  const nodeOptions = [env['NODE_OPTIONS'], `--import=${RUSAGE_HOOK}`].filter(Boolean).join(' ');
  return { ...env, ...extra, NODE_OPTIONS: nodeOptions, ZD_SCEN_RUSAGE_FILE: usageFile };
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM\nvalue\nDELIM` blocks, or `name=value` lines). */
export function parseGithubOutput(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

function spawnGate(
  args: string[],
  env: Record<string, string>,
  opts: RunOptions,
): Promise<Omit<GateRun, 'entry' | 'report' | 'outputs' | 'summary' | 'usage'>> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, [gateEntry(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: OutputLine[] = [];
    const chunks = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      let partial = '';
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        chunks[stream] += chunk;
        partial += chunk;
        const parts = partial.split('\n');
        partial = parts.pop() ?? '';
        for (const text of parts) {
          const line = { at: Date.now(), stream, text };
          lines.push(line);
          opts.onLine?.(line);
          if (opts.echo ?? process.env['ZD_SCEN_ECHO'] === '1')
            console.log(`  [gate ${stream} ${new Date(line.at).toISOString().slice(11, 23)}] ${text}`);
        }
      });
      child[stream].on('end', () => {
        if (partial) lines.push({ at: Date.now(), stream, text: partial });
      });
    }
    let killed = false;
    const killTimer = setTimeout(
      () => {
        killed = true;
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      },
      opts.killAfterMs ?? 5 * 60_000,
    );
    child.on('error', (e) => {
      clearTimeout(killTimer);
      reject(e);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(killTimer);
      resolve({
        exitCode,
        signal,
        killed,
        startedAt,
        endedAt: Date.now(),
        lines,
        text: `${chunks.stdout}${chunks.stderr}`,
      });
    });
  });
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function readUsage(file: string): Promise<Usage | undefined> {
  const raw = await readJson<{ maxRssKb: number; userCpuUs: number; systemCpuUs: number }>(file);
  return raw
    ? { maxRssKb: raw.maxRssKb, userCpuMs: raw.userCpuUs / 1000, systemCpuMs: raw.systemCpuUs / 1000 }
    : undefined;
}

/** Watch inputs by their action.yml names (`deployments`, `min-healthy`, `rollback`, ...). */
export type WatchInputs = Record<string, string>;

/**
 * The simulator's load balancer stops routing to a deregistered target about 1 s after the
 * controller deregisters it (10 s scaled by 0.1), and preStop sleeps are scaled the same way (the
 * seeds' 70 s is 7 s here): the gate's deregistration-seconds, 15 for a real ALB, is 2 here.
 * A scenario may still pass its own value.
 */
export const SCALED_DEREGISTRATION_SECONDS = '2';

/**
 * The default soak is one unhealthy-detection window as DescribeTargetGroups reports it (the
 * configured 15 s × 2 = 30 s); the simulator runs that window scaled, in 3 s.
 */
export const SCALED_SOAK_SECONDS = '3';

function withScaledDefaults(inputs: WatchInputs): WatchInputs {
  return { 'deregistration-seconds': SCALED_DEREGISTRATION_SECONDS, 'soak-seconds': SCALED_SOAK_SECONDS, ...inputs };
}

/** `node dist/index.js watch --name value ...` with a --report-file in a temporary folder. */
export async function runWatchCli(inputs: WatchInputs, opts: RunOptions = {}): Promise<GateRun> {
  const dir = await mkdtemp(join(tmpdir(), 'zd-scen-cli-'));
  try {
    const reportFile = join(dir, 'report.json');
    const usageFile = join(dir, 'usage.json');
    const args = [
      'watch',
      ...Object.entries(withScaledDefaults(inputs)).flatMap(([k, v]) => [`--${k}`, v]),
      '--report-file',
      reportFile,
    ];
    const run = await spawnGate(args, baseEnv(opts.env ?? {}, usageFile), opts);
    return {
      entry: 'cli',
      ...run,
      report: await readJson<WatchReportJson>(reportFile),
      outputs: {},
      summary: '',
      usage: await readUsage(usageFile),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The bundled action entry as the runner starts it: `node dist/index.js` with GITHUB_ACTIONS=true,
 * `INPUT_<NAME>` per input (the runner upper-cases names and keeps hyphens), and the files the
 * runner provides (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP).
 */
export async function runWatchAction(inputs: WatchInputs, opts: RunOptions = {}): Promise<GateRun> {
  const dir = await mkdtemp(join(tmpdir(), 'zd-scen-action-'));
  try {
    const outputFile = join(dir, 'github_output');
    const summaryFile = join(dir, 'step_summary');
    const usageFile = join(dir, 'usage.json');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    const env: Record<string, string> = {
      ...(opts.env ?? {}),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: dir,
      INPUT_MODE: 'watch',
    };
    for (const [k, v] of Object.entries(withScaledDefaults(inputs))) env[`INPUT_${k.toUpperCase()}`] = v;
    const run = await spawnGate([], baseEnv(env, usageFile), opts);
    const outputs = parseGithubOutput(await readFile(outputFile, 'utf8'));
    const reportFile = outputs['report-file'];
    return {
      entry: 'action',
      ...run,
      report: reportFile ? await readJson<WatchReportJson>(reportFile) : undefined,
      outputs,
      summary: await readFile(summaryFile, 'utf8'),
      usage: await readUsage(usageFile),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ValidateFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
}

export interface ValidateRun {
  exitCode: number | null;
  findings: ValidateFinding[];
  stderr: string;
}

/** `node dist/index.js validate --format json PATH...` (fail-on: error, the default). */
export async function runValidate(paths: readonly string[]): Promise<ValidateRun> {
  const dir = await mkdtemp(join(tmpdir(), 'zd-scen-validate-'));
  try {
    const run = await spawnGate(['validate', '--format', 'json', ...paths], baseEnv({}, join(dir, 'usage.json')), {
      killAfterMs: 60_000,
    });
    const stdout = run.lines
      .filter((l) => l.stream === 'stdout')
      .map((l) => l.text)
      .join('\n');
    let findings: ValidateFinding[] = [];
    try {
      findings = (JSON.parse(stdout) as { findings: ValidateFinding[] }).findings;
    } catch {
      throw new Error(`validate printed no JSON report (exit ${run.exitCode}):\n${run.text}`);
    }
    return {
      exitCode: run.exitCode,
      findings,
      stderr: run.lines
        .filter((l) => l.stream === 'stderr')
        .map((l) => l.text)
        .join('\n'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A compact digest of a gate run for the test log. */
export function describeRun(run: GateRun): string {
  const d = run.report?.deployments[0];
  const secs = ((run.endedAt - run.startedAt) / 1000).toFixed(1);
  const verdict = d ? `${d.result} (${d.reason}): ${d.message}` : (run.report?.error ?? 'no report');
  const rb = d?.rollback ? `; rollback ${d.rollback.status}: ${d.rollback.message}` : '';
  const usage = run.usage
    ? `; RSS ${(run.usage.maxRssKb / 1024).toFixed(0)} MiB, CPU ${((run.usage.userCpuMs + run.usage.systemCpuMs) / 1000).toFixed(2)} s`
    : '';
  return `gate (${run.entry}) exit ${run.exitCode}${run.killed ? ' (killed by the harness)' : ''} after ${secs}s: ${verdict}${rb}${usage}`;
}
