/**
 * What a container's preStop hook does to termination: how long it delays SIGTERM, and whether it
 * needs a shell or a `sleep` binary in the image. Recognises the usual spellings:
 *   exec: ["sleep", "15"]                   exec: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]
 *   exec: ["busybox", "sleep", "15"]        sleep: { seconds: 15 }   (native, Kubernetes 1.29+)
 *   httpGet: { path: /drain, port: 8080 }   (delays for as long as the endpoint takes; unknown here)
 */
import { isObject, type Path } from '../manifest/types.js';
import type { Container } from '../graph/workload.js';

export type PreStop =
  | { readonly kind: 'none' }
  | { readonly kind: 'sleep'; readonly seconds: number; readonly path: Path }
  | { readonly kind: 'http'; readonly path: Path }
  | {
      readonly kind: 'exec';
      /** Total `sleep` the command runs; undefined when it runs none we can read. */
      readonly seconds: number | undefined;
      /** True when the command runs `sleep`, even for a time we cannot read (`sleep $DELAY`). */
      readonly sleeps: boolean;
      readonly needsShell: boolean;
      readonly usesSleepBinary: boolean;
      readonly command: readonly string[];
      readonly path: Path;
    };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const basename = (s: string): string => s.slice(s.lastIndexOf('/') + 1);

export function preStopOf(c: Container): PreStop {
  const hook = isObject(c.raw.lifecycle) && isObject(c.raw.lifecycle.preStop) ? c.raw.lifecycle.preStop : undefined;
  const base: Path = [...c.path, 'lifecycle', 'preStop'];
  if (!hook) return { kind: 'none' };
  if (isObject(hook.sleep) && typeof hook.sleep.seconds === 'number') {
    return { kind: 'sleep', seconds: hook.sleep.seconds, path: [...base, 'sleep', 'seconds'] };
  }
  if (isObject(hook.httpGet)) return { kind: 'http', path: [...base, 'httpGet'] };
  if (isObject(hook.exec) && Array.isArray(hook.exec.command)) {
    const command = hook.exec.command.map(String);
    return { kind: 'exec', path: [...base, 'exec', 'command'], command, ...execDelay(command) };
  }
  return { kind: 'none' };
}

type ExecDelay = { seconds: number | undefined; sleeps: boolean; needsShell: boolean; usesSleepBinary: boolean };

function execDelay(cmd: readonly string[]): ExecDelay {
  let argv = cmd;
  if (argv[0] !== undefined && basename(argv[0]) === 'busybox') argv = argv.slice(1);
  const head = argv[0] === undefined ? '' : basename(argv[0]);
  if (head === 'sleep') {
    const s = sleepArgs(argv.slice(1));
    return { seconds: s, sleeps: argv.length > 1, needsShell: false, usesSleepBinary: true };
  }
  if (SHELLS.has(head)) {
    const { script } = shellScript(argv);
    let total: number | undefined;
    for (const m of script.matchAll(
      /(?:^|[;&|(){}\s`])sleep((?:\s+(?:[0-9]*\.?[0-9]+[smhd]?|infinity)(?=$|[\s;&|)}`]))+)/g,
    )) {
      const s = sleepArgs((m[1] as string).trim().split(/\s+/));
      if (s !== undefined) total = (total ?? 0) + s;
    }
    // A sleep whose argument we cannot read: a variable, a command substitution.
    const sleeps = total !== undefined || /(?:^|[;&|(){}\s`])sleep\s+\S/.test(script);
    // A sleep inside a loop (`while ...; do sleep 1; done`) waits for a condition, not for its sum.
    const loops = /(?:^|[;&|(){}\s`])(?:while|until|for)\s[\s\S]*?[;\s]do(?:\s|$)/.test(script);
    return { seconds: loops ? undefined : total, sleeps, needsShell: true, usesSleepBinary: sleeps };
  }
  return { seconds: undefined, sleeps: false, needsShell: false, usesSleepBinary: false };
}

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

/** GNU sleep: each argument NUMBER[smhd], summed; `infinity` never returns. */
export function sleepArgs(args: readonly string[]): number | undefined {
  let total = 0;
  let any = false;
  for (const a of args) {
    if (a === 'infinity') return Infinity;
    const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
    if (!m) break;
    total += Number(m[1]) * (UNIT[m[2] || 's'] as number);
    any = true;
  }
  return any ? total : undefined;
}

/** The preStop delay in seconds when it is known (sleep, exec with sleep); undefined otherwise. */
export function knownDelay(p: PreStop): number | undefined {
  return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.seconds : undefined;
}
