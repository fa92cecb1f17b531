import type { AnnotationProperties, Host } from '../host.js';
import { logText } from '../report/log.js';

/**
 * The Host for the CLI: progress and diagnostics on stderr (stdout is reserved for the report a
 * mode prints, so `--format json > out.json` stays clean). With `--format github` the validate mode
 * prints workflow commands itself; this host never does.
 */
export function cliHost(signal: AbortSignal, stderr: NodeJS.WritableStream = process.stderr): Host {
  const secrets: string[] = [];
  const redact = (m: string): string => secrets.reduce((acc, s) => acc.split(s).join('***'), m);
  const write = (m: string): void => void stderr.write(`${logText(redact(m))}\n`);
  const where = (a?: AnnotationProperties): string =>
    a?.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ''}: ` : '';
  return {
    kind: 'cli',
    env: process.env,
    info: write,
    warning: (m, a) => write(`warning: ${where(a)}${m}`),
    error: (m, a) => write(`error: ${where(a)}${m}`),
    notice: (m, a) => write(`notice: ${where(a)}${m}`),
    debug: (m) => {
      if (process.env.ZD_GATE_DEBUG) write(`debug: ${m}`);
    },
    group: async (title, fn) => {
      write(title);
      return fn();
    },
    setOutput: () => undefined,
    appendSummary: () => Promise.resolve(),
    mask: (secret) => {
      for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4) secrets.push(line.trim());
    },
    signal,
  };
}
