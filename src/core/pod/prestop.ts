/**
 * What a container's preStop hook does to termination: how long it delays SIGTERM, whether it
 * stops the server before that delay is over, and whether it needs a shell or a `sleep` binary in
 * the image. Recognised forms (docs/validate-scope.md, "What preStop hooks zd-gate reads"):
 *
 *   exec: ["sleep", "15"]                   exec: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]
 *   exec: ["busybox", "sleep", "15"]        sleep: { seconds: 15 }   (native, Kubernetes 1.29+)
 *   httpGet: { path: /drain, port: 8080 }   (delays for as long as the endpoint takes; unknown here)
 *
 * A shell script is read command by command, in order (`;`, `&&`, `||`, `|`, `&`, newlines). Only
 * a delay that comes before any command that stops or signals the server to stop counts: `nginx -s
 * quit; sleep 15` closes the listener at once and then waits for nothing. A backgrounded `sleep 15 &`
 * delays nothing. A sleep inside a loop waits for a condition, not for a known time.
 */
import { isObject, type Path } from '../manifest/types.js';
import type { Container } from '../graph/workload.js';
import { readInt } from '../schema/read.js';

export type PreStop =
  | { readonly kind: 'none' }
  | { readonly kind: 'sleep'; readonly seconds: number | undefined; readonly path: Path }
  | { readonly kind: 'http'; readonly path: Path }
  | {
      readonly kind: 'exec';
      /** Total `sleep` the command runs (how long the hook takes); undefined when unreadable. */
      readonly seconds: number | undefined;
      /** The delay before the first stop command (all of `seconds` when nothing stops); undefined when unreadable. */
      readonly delay: number | undefined;
      /** The first command that stops the server, when one runs before the sleep is over. */
      readonly stopsFirst: string | undefined;
      /** True when the command runs `sleep`, even for a time we cannot read (`sleep $DELAY`). */
      readonly sleeps: boolean;
      /** True when a `sleep` runs in the background (`sleep 15 &`): it delays nothing. */
      readonly background: boolean;
      readonly needsShell: boolean;
      readonly usesSleepBinary: boolean;
      readonly command: readonly string[];
      readonly path: Path;
    };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const basename = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

const cache = new WeakMap<Container, PreStop>();

/** The container's preStop hook, read once per container (several rules ask). */
export function preStopOf(c: Container): PreStop {
  let p = cache.get(c);
  if (!p) {
    p = readPreStop(c);
    cache.set(c, p);
  }
  return p;
}

function readPreStop(c: Container): PreStop {
  const hook = isObject(c.raw.lifecycle) && isObject(c.raw.lifecycle.preStop) ? c.raw.lifecycle.preStop : undefined;
  const base: Path = [...c.path, 'lifecycle', 'preStop'];
  if (!hook) return { kind: 'none' };
  if (isObject(hook.sleep)) {
    const path = [...base, 'sleep', 'seconds'];
    const s = readInt(c.owner, path);
    return { kind: 'sleep', seconds: s.state === 'set' ? s.value : undefined, path };
  }
  if (isObject(hook.httpGet)) return { kind: 'http', path: [...base, 'httpGet'] };
  if (isObject(hook.exec) && Array.isArray(hook.exec.command)) {
    const command = hook.exec.command.map(String);
    return { kind: 'exec', path: [...base, 'exec', 'command'], command, ...execDelay(command) };
  }
  return { kind: 'none' };
}

type ExecDelay = {
  seconds: number | undefined;
  delay: number | undefined;
  stopsFirst: string | undefined;
  sleeps: boolean;
  background: boolean;
  needsShell: boolean;
  usesSleepBinary: boolean;
};

function execDelay(cmd: readonly string[]): ExecDelay {
  let argv = cmd;
  if (argv[0] !== undefined && basename(argv[0]) === 'busybox') argv = argv.slice(1);
  const head = argv[0] === undefined ? '' : basename(argv[0]);
  if (SHELLS.has(head)) {
    const { script } = shellScript(argv);
    const run = walk(splitCommands(script));
    // A sleep inside a loop (`while ...; do sleep 1; done`) waits for a condition, not for its sum.
    const loops = /(?:^|[;&|(){}\s`])(?:while|until|for)\s[\s\S]*?[;\s]do(?:\s|$)/.test(script);
    return {
      ...run,
      seconds: loops ? undefined : run.seconds,
      delay: loops ? undefined : run.delay,
      needsShell: true,
      usesSleepBinary: run.sleeps,
    };
  }
  const run = walk([{ words: [...argv], background: false }]);
  return { ...run, needsShell: false, usesSleepBinary: head === 'sleep' };
}

interface Simple {
  readonly words: readonly string[];
  /** Followed by a single `&`: runs in the background, the hook does not wait for it. */
  readonly background: boolean;
}

/** Sums the sleeps in order, and the part of them before the first stop command. */
function walk(commands: readonly Simple[]): Omit<ExecDelay, 'needsShell' | 'usesSleepBinary'> {
  let total: number | undefined = 0;
  let delay: number | undefined;
  let stopsFirst: string | undefined;
  let sleeps = false;
  let background = false;
  for (const c of commands) {
    const words = stripPrefix(c.words);
    const name = words[0] === undefined ? '' : basename(words[0]);
    if (name === 'sleep') {
      if (c.background) {
        background = true;
        continue;
      }
      sleeps = sleeps || words.length > 1;
      const s = sleepArgs(words.slice(1));
      total = s === undefined || total === undefined ? undefined : total + s;
      continue;
    }
    if (stopsFirst === undefined && stops(words)) {
      stopsFirst = c.words.join(' ');
      delay = total;
    }
  }
  if (stopsFirst === undefined) delay = total;
  if (!sleeps) total = undefined;
  return {
    seconds: total,
    delay: sleeps ? delay : undefined,
    stopsFirst:
      sleeps && stopsFirst !== undefined && delay !== undefined && delay < (total ?? 0) ? stopsFirst : undefined,
    sleeps,
    background,
  };
}

/** Drops what only changes how a command runs: `exec`, `command`, `busybox`, `nohup`, variable assignments. */
function stripPrefix(words: readonly string[]): readonly string[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i] as string;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || ['exec', 'command', 'busybox', 'nohup', 'sudo'].includes(basename(w)))
      i++;
    else break;
  }
  return words.slice(i);
}

/** Signals that end or drain a server's listener: TERM, INT, QUIT, KILL, STOP, WINCH (Apache's and nginx's graceful stop). */
const STOP_SIGNALS = new Set(['TERM', 'INT', 'QUIT', 'KILL', 'STOP', 'WINCH', '15', '2', '3', '9', '19', '28']);

/**
 * True when the command stops the server or tells it to stop: kill/pkill/killall with a stopping
 * signal (SIGUSR1 when it targets HAProxy, whose soft stop it is), `nginx -s quit|stop`,
 * `apachectl`/`httpd -k graceful-stop|stop`, `supervisorctl stop`, `rabbitmqctl stop`,
 * `redis-cli shutdown`, `pg_ctl stop`, `mysqladmin shutdown`, and Envoy's `/quitquitquit`.
 */
function stops(words: readonly string[]): boolean {
  const name = words[0] === undefined ? '' : basename(words[0]);
  const args = words.slice(1);
  const text = words.join(' ');
  switch (name) {
    case 'kill':
    case 'pkill':
    case 'killall': {
      const sig = signalOf(args);
      if (sig === '0' || sig === 'l' || sig === 'L') return false;
      if (sig === 'USR1' || sig === '10') return /haproxy/i.test(text);
      return STOP_SIGNALS.has(sig);
    }
    case 'nginx':
    case 'openresty':
      return args.some((a, i) => a === '-s' && /^(quit|stop)$/.test(args[i + 1] ?? ''));
    case 'apachectl':
    case 'apache2ctl':
    case 'httpd':
    case 'apache2':
      return args.some((a) => /^(graceful-stop|stop)$/.test(a));
    case 'supervisorctl':
      return args[0] === 'stop';
    case 'rabbitmqctl':
      return /^(stop|stop_app|shutdown)$/.test(args[0] ?? '');
    case 'redis-cli':
    case 'valkey-cli':
      return args.some((a) => /^shutdown$/i.test(a));
    case 'pg_ctl':
      return args.includes('stop');
    case 'mysqladmin':
      return args.includes('shutdown');
    case 'curl':
    case 'wget':
      return /\/quitquitquit\b/.test(text);
    default:
      return false;
  }
}

/** The signal a kill/pkill/killall sends: `-QUIT`, `-SIGQUIT`, `-3`, `-s QUIT`, `--signal=QUIT`; TERM by default. */
function signalOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    let sig: string | undefined;
    if (a === '-s' || a === '--signal' || a === '-n') sig = args[i + 1];
    else if (a.startsWith('--signal=')) sig = a.slice(9);
    else if (/^-[A-Za-z0-9]+$/.test(a) && !/^-[a-z]$/.test(a)) sig = a.slice(1);
    if (sig !== undefined) return sig.toUpperCase().replace(/^SIG/, '');
  }
  return 'TERM';
}

/**
 * Cuts a shell script into simple commands, in order: on `;`, `&&`, `||`, `|`, `&`, newlines and
 * grouping braces or parentheses, outside quotes and command substitutions; each command's words
 * with quotes removed. Shell keywords (`if`, `then`, `do`, ...) are dropped, so the commands of an
 * `if` read as running in sequence: an approximation that errs on reading a stop command as run.
 */
export function splitCommands(script: string): Simple[] {
  const out: Simple[] = [];
  let words: string[] = [];
  let word = '';
  let quote: '"' | "'" | undefined;
  let depth = 0; // inside $( ... ) or ` ... `
  let inWord = false;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (background: boolean): void => {
    endWord();
    while (words.length > 0 && KEYWORDS.has(words[0] as string)) words.shift();
    if (words.length > 0) out.push({ words, background });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += ch;
      continue;
    }
    if (depth > 0) {
      word += ch;
      if (ch === '(' && script[i - 1] === '$') depth++;
      else if (ch === ')' || ch === '`') depth--;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (ch === '$' && script[i + 1] === '(') {
      word += '$(';
      i++;
      depth = 1;
      inWord = true;
    } else if (ch === '`') {
      word += ch;
      depth = 1;
      inWord = true;
    } else if (ch === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      endCommand(false);
    } else if (ch === ';' || ch === '\n' || ch === '(' || ch === ')' || ch === '{' || ch === '}') {
      endCommand(false);
    } else if (ch === '&' || ch === '|') {
      const double = script[i + 1] === ch;
      endCommand(ch === '&' && !double);
      if (double) i++;
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand(false);
  return out;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', 'time']);

/**
 * The script a shell runs: `sh -c SCRIPT` (also with combined flags, `bash -lc SCRIPT`), or the
 * words of `sh SCRIPT-FILE ARGS`. `ignored` are the words after a -c script: the shell makes them
 * $0, $1, ..., so `["sh", "-c", "sleep", "15"]` runs a bare `sleep` that fails at once.
 */
export function shellScript(command: readonly string[]): { script: string; ignored: readonly string[] } {
  let argv = command;
  if (argv[0] !== undefined && basename(argv[0]) === 'busybox') argv = argv.slice(1);
  const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
  return c >= 0
    ? { script: argv[c + 1] ?? '', ignored: argv.slice(c + 2) }
    : { script: argv.slice(1).join(' '), ignored: [] };
}

const UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** GNU sleep: each argument NUMBER[smhd], summed; `infinity` never returns; undefined when unreadable. */
export function sleepArgs(args: readonly string[]): number | undefined {
  let total = 0;
  let any = false;
  for (const a of args) {
    if (a === 'infinity') return Infinity;
    const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
    if (!m) return any ? total : undefined;
    total += Number(m[1]) * (UNIT[m[2] || 's'] as number);
    any = true;
  }
  return any ? total : undefined;
}

/** How long the hook takes (sleep, exec with sleep); undefined when unknown. For the grace period. */
export function knownDuration(p: PreStop): number | undefined {
  return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.seconds : undefined;
}

/** How long the hook keeps the server serving before anything stops it; undefined when unknown. */
export function protectiveDelay(p: PreStop): number | undefined {
  return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.delay : undefined;
}
