/**
 * `zd-gate validate|watch|rules`: the same engine as the action, driven by flags.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (validate) or a failed gate (watch),
 * 2 usage or input errors.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { Inputs, readSettings, SettingsError, type InputName, type InputSource } from './settings.js';
import { cliHost } from './adapters/cli-host.js';
import type { ModeResult } from './modes/result.js';
import { VERSION } from './version.js';

const COMMON: readonly InputName[] = [Inputs.Namespace, Inputs.GithubToken];
const VALIDATE: readonly InputName[] = [Inputs.Config, Inputs.FailOn, Inputs.Format, Inputs.SarifFile];
const WATCH: readonly InputName[] = [
  Inputs.Deployments,
  Inputs.Kubeconfig,
  Inputs.Context,
  Inputs.ClusterName,
  Inputs.AwsRegion,
  Inputs.TargetGroupArns,
  Inputs.MinHealthy,
  Inputs.TolerateSeconds,
  Inputs.DeregistrationSeconds,
  Inputs.PollInterval,
  Inputs.Timeout,
  Inputs.SettleTimeout,
  Inputs.SoakSeconds,
  Inputs.Rollback,
  Inputs.RollbackWait,
  Inputs.AllowRolloutOnly,
  Inputs.ProbeUrl,
  Inputs.ProbeRate,
  Inputs.MaxErrorRate,
  Inputs.ReportFile,
];
/** Flags that may be given without a value (`--rollback` means `--rollback true`). */
const SWITCHES = new Set<InputName>([Inputs.Rollback, Inputs.RollbackWait, Inputs.AllowRolloutOnly]);
const SHORT: Partial<Record<InputName, string>> = {
  [Inputs.Namespace]: 'n',
  [Inputs.Config]: 'c',
  [Inputs.Format]: 'f',
};

export const USAGE = `zd-gate ${VERSION}: zero-downtime gate for Kubernetes rollouts behind AWS load balancers

Usage:
  zd-gate validate [--format text|json|sarif|github] [--config FILE] [--namespace NS]
                   [--fail-on error|warning|never] [--sarif-file FILE] PATH...
      Check rendered manifests (files, folders, globs; - for standard input).
  zd-gate watch --deployments NAME[,NAME...] [--namespace NS] [--kubeconfig PATH] [--context CTX]
                [--cluster-name EKS --aws-region REGION] [--target-group-arns ARN,...]
                [--min-healthy N|P%] [--tolerate-seconds S] [--deregistration-seconds S]
                [--poll-interval 5s] [--timeout D]
                [--settle-timeout D] [--rollback] [--rollback-wait false] [--allow-rollout-only]
                [--probe-url URL --probe-rate N --max-error-rate R] [--report-file FILE]
      Follow the rollout together with the target groups' health; fail when healthy targets drop
      below the threshold; optionally roll back.
  zd-gate rules [--format markdown|json]
      List the validate rules with their defaults.

Exit codes: 0 clean, 1 findings at or above --fail-on / gate failed, 2 usage or input error.
Docs: README.md (inputs, rules, RBAC and IAM).`;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
}

/** Runs the CLI and resolves to the process exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command !== 'validate' && command !== 'watch' && command !== 'rules') {
    io.stderr.write(`zd-gate: unknown command \`${command}\`; use validate, watch or rules (zd-gate --help).\n`);
    return 2;
  }

  const names =
    command === 'validate' ? [...COMMON, ...VALIDATE] : command === 'watch' ? [...COMMON, ...WATCH] : [Inputs.Format];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: normalizeSwitches(rest),
      options: optionsFor(names),
      allowPositionals: command === 'validate',
      strict: true,
    });
  } catch (e) {
    io.stderr.write(`zd-gate ${command}: ${(e as Error).message}\n(zd-gate --help lists the flags)\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const values = parsed.values as Record<string, string | boolean | undefined>;
  const source: InputSource = {
    get: (name) => (name === Inputs.Mode ? (command === 'rules' ? 'validate' : command) : asString(values[name])),
    describe: (name) => `--${name}`,
    positionals: parsed.positionals,
    env: io.env,
  };

  const host = cliHost(io.signal, io.stderr);
  try {
    if (command === 'rules') {
      const { runRules } = await import('./modes/rules.js');
      return (await runRules(asString(values[Inputs.Format]) ?? 'markdown', io.stdout)).exitCode;
    }
    const settings = readSettings(source);
    let result: ModeResult;
    if (settings.mode === 'validate') {
      const { runValidate } = await import('./modes/validate.js');
      result = await runValidate(settings, host, { stdout: io.stdout, stdin: process.stdin });
    } else {
      const { runWatch } = await import('./modes/watch.js');
      result = await runWatch(settings, host);
    }
    if (result.exitCode !== 0 && result.message) io.stderr.write(`zd-gate ${command}: ${result.message}\n`);
    return result.exitCode;
  } catch (e) {
    if (e instanceof SettingsError) {
      io.stderr.write(`zd-gate ${command}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`zd-gate ${command}: unexpected error: ${(e as Error).message ?? String(e)}\n`);
    if (io.env.ZD_GATE_DEBUG) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

function optionsFor(names: readonly InputName[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) {
    const short = SHORT[name];
    options[name] = short ? { type: 'string', short } : { type: 'string' };
  }
  return options;
}

/** `--rollback` alone means `--rollback=true`; parseArgs needs the value spelled out for string options. */
function normalizeSwitches(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const name = a.startsWith('--') && !a.includes('=') ? (a.slice(2) as InputName) : undefined;
    const next = args[i + 1];
    if (name && SWITCHES.has(name) && (next === undefined || next.startsWith('-') || !/^(true|false)$/i.test(next))) {
      out.push(`${a}=true`);
    } else {
      out.push(a);
    }
  }
  return out;
}

function asString(v: string | boolean | undefined): string | undefined {
  return typeof v === 'boolean' ? String(v) : v;
}
