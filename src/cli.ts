/**
 * `zd-gate validate|watch|rules`: the same engine as the action, driven by flags. The flags, their
 * defaults and `--help` come from the inputs table (src/inputs.ts), so the CLI and the action
 * cannot drift apart.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliHost } from './adapters/cli-host.js';
import { INPUTS, inputsOf, placeholderOf, type Command, type InputName, type InputSpec } from './inputs.js';
import type { ModeResult } from './modes/result.js';
import { logText } from './report/log.js';
import { readSettings, SettingsError, type InputSource } from './settings.js';
import { VERSION } from './version.js';

type CliCommand = Command | 'rules';

interface CommandHelp {
  readonly synopsis: string;
  /** One line for the global usage. */
  readonly line: string;
  readonly summary: string;
  /** What exit codes 0 and 1 mean for this command (2 is the same for all). */
  readonly exits?: readonly [string, string];
}

const COMMANDS: Readonly<Record<CliCommand, CommandHelp>> = {
  validate: {
    synopsis: 'zd-gate validate [flags] PATH...',
    line: 'Check rendered manifests before deploy.',
    exits: ['no finding at or above --fail-on', 'findings at or above --fail-on'],
    summary:
      'Check rendered manifests before deploy. PATH is a file, a folder (searched for *.yaml, *.yml, *.json) or a glob; `-` reads standard input (helm template . | zd-gate validate -).',
  },
  watch: {
    synopsis: 'zd-gate watch --deployments NAME[,NAME...] [flags]',
    line: 'Follow a rollout together with target health after deploy; fail (and roll back) when it drops requests.',
    exits: ['every Deployment passed', 'a Deployment failed or was rolled back'],
    summary:
      "Follow the rollout after kubectl apply together with the target groups' health; fail when healthy targets drop below the threshold, and roll back when asked.",
  },
  rules: {
    synopsis: 'zd-gate rules [--format markdown|json]',
    line: 'List the validate rules with their defaults.',
    summary: 'List the validate rules with their defaults.',
  },
};

/** `rules` has one flag of its own (it is not an action input). */
const RULES_FORMAT: InputSpec = {
  modes: [],
  kind: 'enum',
  values: ['markdown', 'json'],
  default: 'markdown',
  description: 'Output format.',
};

const EXIT_2 = '2  usage or input error, or the gate could not run (no cluster access, missing permission)';

function exitCodes(commands: readonly CliCommand[]): string {
  const lines = (n: 0 | 1): string[] =>
    commands.flatMap((c) => {
      const e = COMMANDS[c].exits;
      return e ? [`${n}  ${commands.length > 1 ? `${c}: ` : ''}${e[n]}`] : [];
    });
  return ['Exit codes:', ...lines(0), ...lines(1), EXIT_2].map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n');
}

export const USAGE = `zd-gate ${VERSION}: zero-downtime gate for Kubernetes rollouts behind AWS load balancers

Usage: zd-gate <command> [flags]

Commands:
${(Object.keys(COMMANDS) as CliCommand[]).map((c) => `  ${c.padEnd(9)} ${COMMANDS[c].line}`).join('\n')}

Run \`zd-gate <command> --help\` for the flags of a command.
  -h, --help     show help
  -v, --version  print the version

${exitCodes(['validate', 'watch'])}`;

/** `--help` of one command: synopsis, what it does, every flag with its default, the exit codes. */
export function commandUsage(command: CliCommand): string {
  const help = COMMANDS[command];
  const flags: [string, InputSpec][] =
    command === 'rules'
      ? [['--format', RULES_FORMAT]]
      : inputsOf(command, 'cli').map((n) => {
          const spec: InputSpec = INPUTS[n];
          return [`${spec.short ? `-${spec.short}, ` : '    '}--${n}`, spec];
        });
  const left = flags.map(([flag, spec]) => `${flag} ${spec.kind === 'boolean' ? '[true|false]' : placeholderOf(spec)}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const lines = flags.flatMap(([, spec], i) => {
    const def = spec.default === '' ? '' : ` (default: ${spec.default})`;
    const wrapped = wrap(plain(`${spec.description}${def}`), 100 - width - 2);
    return wrapped.map((text, j) => `  ${(j === 0 ? (left[i] as string) : '').padEnd(width)}${text}`);
  });
  return `Usage: ${help.synopsis}

${wrap(plain(help.summary), 100).join('\n')}

Flags:
${lines.join('\n')}
  -h, --help${' '.repeat(Math.max(1, width - 10))}show this help

${command === 'rules' ? '' : `${exitCodes([command])}\n\n`}Docs: https://github.com/zd-gate/zd-gate/tree/main/docs`;
}

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
}

/** Runs the CLI and resolves to the process exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && isCommand(topic)) {
      io.stdout.write(`${commandUsage(topic)}\n`);
      return 0;
    }
    (command === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!isCommand(command)) {
    say(io.stderr, `zd-gate: unknown command \`${command}\`; use validate, watch or rules (zd-gate --help).`);
    return 2;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: normalizeSwitches(command, rest),
      options: optionsFor(command),
      allowPositionals: command === 'validate',
      strict: true,
    });
  } catch (e) {
    say(io.stderr, `zd-gate ${command}: ${(e as Error).message}\n(zd-gate ${command} --help lists the flags)`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }

  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (command === 'rules') {
    const { runRules } = await import('./modes/rules.js');
    const result = runRules(asString(values.format) ?? RULES_FORMAT.default, io.stdout);
    if (result.message) io.stderr.write(`zd-gate rules: ${result.message}\n`);
    return result.exitCode;
  }

  const source: InputSource = {
    get: (name) => (name === 'mode' ? command : asString(values[name])),
    describe: (name) => `--${name}`,
    positionals: parsed.positionals,
    env: io.env,
  };
  const host = cliHost(io.signal, io.stderr);
  try {
    const settings = readSettings(source);
    let result: ModeResult;
    if (settings.mode === 'validate') {
      const { runValidate } = await import('./modes/validate.js');
      result = await runValidate(settings, host, { stdout: io.stdout, stdin: io.stdin ?? process.stdin });
    } else {
      const { runWatch } = await import('./modes/watch.js');
      (await import('./adapters/heap.js')).boundWatchHeap();
      result = await runWatch(settings, host);
    }
    // A mode that already showed its failure (watch logs every verdict) is not repeated.
    if (result.exitCode !== 0 && result.message && !result.shown)
      say(io.stderr, host.redact(`zd-gate ${command}: ${result.message}`));
    return result.exitCode;
  } catch (e) {
    if (e instanceof SettingsError) {
      say(io.stderr, host.redact(`zd-gate ${command}: ${e.message}\n(zd-gate ${command} --help lists the flags)`));
      return 2;
    }
    say(io.stderr, host.redact(`zd-gate ${command}: unexpected error: ${(e as Error).message ?? String(e)}`));
    if (io.env.ZD_GATE_DEBUG) say(io.stderr, host.redact((e as Error).stack ?? ''));
    return 2;
  }
}

/** One message on a stream the runner reads for workflow commands: through the log boundary. */
function say(stream: NodeJS.WritableStream, message: string): void {
  stream.write(`${logText(message)}\n`);
}

function isCommand(c: string): c is CliCommand {
  return Object.prototype.hasOwnProperty.call(COMMANDS, c);
}

function optionsFor(command: CliCommand): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  if (command === 'rules') {
    options.format = { type: 'string' };
    return options;
  }
  for (const name of inputsOf(command, 'cli')) {
    const spec: InputSpec = INPUTS[name];
    options[name] = spec.short ? { type: 'string', short: spec.short } : { type: 'string' };
  }
  return options;
}

/** `--rollback` alone means `--rollback=true`; parseArgs needs the value spelled out for string options. */
function normalizeSwitches(command: CliCommand, args: readonly string[]): string[] {
  const switches = new Set<string>(
    command === 'rules' ? [] : inputsOf(command, 'cli').filter((n: InputName) => INPUTS[n].kind === 'boolean'),
  );
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = args[i + 1];
    if (name && switches.has(name) && (next === undefined || !/^(true|false)$/i.test(next))) {
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

/** Markdown of a description as terminal text. */
function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
