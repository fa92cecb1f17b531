/**
 * What a mode may do to the outside world, whether it runs as the action or as the CLI.
 * Modes receive a Host; they never import @actions/core or write to process.stdout themselves.
 *
 * The Host is the output boundary: every host passes log text through report/log.ts (no line
 * becomes a workflow command) and takes job-summary content only as Markdown (report/markdown.ts),
 * so a string from outside reaches no sink unescaped. It also redacts (report/redact.ts): every
 * credential registered with {@link Host.mask}, and credential shapes such as URL userinfo, are
 * replaced in everything it writes (log, annotations, outputs, job summary).
 */
import type { Markdown } from './report/markdown.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Host {
  /** 'action' when running as the GitHub Action, 'cli' otherwise. */
  readonly kind: 'action' | 'cli';
  readonly env: Readonly<Record<string, string | undefined>>;
  info(message: string): void;
  warning(message: string, annotation?: AnnotationProperties): void;
  error(message: string, annotation?: AnnotationProperties): void;
  notice(message: string, annotation?: AnnotationProperties): void;
  debug(message: string): void;
  /** Collapsible group in the action log; a heading on the CLI. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string | number): void;
  /** Appends markdown to the job summary (no-op on the CLI). */
  appendSummary(markdown: Markdown): Promise<void>;
  /**
   * Registers a credential the process obtained (a token, a password, a key): from now on it is
   * replaced wherever the host writes, and the runner masks it in the rest of the job. Register
   * the credential itself, never a whole file holding it.
   */
  mask(secret: string): void;
  /**
   * `text` without registered credentials and credential shapes (URL userinfo, bearer tokens):
   * for what a mode writes itself (the watch report file).
   */
  redact(text: string): string;
  /** The same for markdown bound for a GitHub surface the host does not write itself (check run, PR comment). */
  redactMarkdown(markdown: Markdown): Markdown;
  /** Cancelled when the job is cancelled or the CLI receives SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}
