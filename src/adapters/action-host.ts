import * as core from '@actions/core';
import type { AnnotationProperties, Host } from '../host.js';
import { logText } from '../report/log.js';
import { redactMarkdown } from '../report/markdown.js';
import { Redactor } from '../report/redact.js';

/**
 * The Host when running as a GitHub Action: workflow commands, outputs and the job summary.
 * Everything it writes is redacted first; the commands zd-gate means to issue go through
 * @actions/core, which escapes their data and properties.
 */
export function actionHost(signal: AbortSignal): Host {
  const secrets = new Redactor();
  const r = (m: string): string => secrets.redact(m);
  const props = (a: AnnotationProperties | undefined): core.AnnotationProperties | undefined =>
    a && {
      ...a,
      ...(a.title !== undefined ? { title: r(a.title) } : {}),
      ...(a.file !== undefined ? { file: r(a.file) } : {}),
    };
  return {
    kind: 'action',
    env: process.env,
    info: (m) => core.info(logText(r(m))),
    warning: (m, a) => core.warning(r(m), props(a)),
    error: (m, a) => core.error(r(m), props(a)),
    notice: (m, a) => core.notice(r(m), props(a)),
    debug: (m) => core.debug(r(m)),
    group: (title, fn) => core.group(r(title), fn),
    setOutput: (name, value) => core.setOutput(name, typeof value === 'string' ? r(value) : value),
    appendSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(redactMarkdown(markdown, secrets).value, true).write();
    },
    // Only the credential itself, once: the runner then masks it in every later step too.
    mask: (secret) => {
      for (const value of secrets.add(secret)) core.setSecret(value);
    },
    redact: r,
    redactMarkdown: (markdown) => redactMarkdown(markdown, secrets),
    signal,
  };
}
