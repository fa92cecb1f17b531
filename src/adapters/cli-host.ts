import type { AnnotationProperties, Host } from '../host.js';
import { logText } from '../report/log.js';
import { redactMarkdown } from '../report/markdown.js';
import { Redactor } from '../report/redact.js';

/**
 * The Host for the CLI: progress and diagnostics on stderr (stdout is reserved for the report a
 * mode prints, so `--format json > out.json` stays clean). With `--format github` the validate mode
 * prints workflow commands itself; this host never does.
 */
export function cliHost(signal: AbortSignal, stderr: NodeJS.WritableStream = process.stderr): Host {
  const secrets = new Redactor();
  const redact = (m: string): string => secrets.redact(m);
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
    mask: (secret) => void secrets.add(secret),
    redact,
    redactMarkdown: (markdown) => redactMarkdown(markdown, secrets),
    signal,
  };
}
