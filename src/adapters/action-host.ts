import * as core from '@actions/core';
import type { AnnotationProperties, Host } from '../host.js';
import { logText } from '../report/log.js';

/** The Host when running as a GitHub Action: workflow commands, outputs and the job summary. */
export function actionHost(signal: AbortSignal): Host {
  return {
    kind: 'action',
    env: process.env,
    info: (m) => core.info(logText(m)),
    warning: (m, a) => core.warning(m, toCore(a)),
    error: (m, a) => core.error(m, toCore(a)),
    notice: (m, a) => core.notice(m, toCore(a)),
    debug: (m) => core.debug(m),
    group: (title, fn) => core.group(title, fn),
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown.value, true).write();
    },
    mask: (secret) => {
      for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 4) core.setSecret(line.trim());
    },
    signal,
  };
}

function toCore(a: AnnotationProperties | undefined): core.AnnotationProperties | undefined {
  return a && { ...a };
}
