/**
 * The action: read inputs once, run the mode, report, and fail the step when the mode says so.
 * The watch mode (Kubernetes and AWS clients) is loaded only when asked for, so validate starts fast.
 */
import * as core from '@actions/core';
import { actionHost } from './adapters/action-host.js';
import { readSettings, SettingsError, type InputSource } from './settings.js';
import type { ModeResult } from './modes/result.js';

export async function run(): Promise<void> {
  const controller = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => controller.abort(new Error(`received ${sig}`)));
  const host = actionHost(controller.signal);
  const source: InputSource = {
    get: (name) => core.getInput(name),
    describe: (name) => `input \`${name}\``,
    env: process.env,
  };
  try {
    const settings = readSettings(source);
    // The token itself; an inline kubeconfig's credentials are masked by the watch mode as it reads
    // them (never the whole content: its lines would blank `apiVersion: v1` in every later step).
    if (settings.mode === 'validate' && settings.githubToken) host.mask(settings.githubToken);
    let result: ModeResult;
    if (settings.mode === 'validate') {
      const { runValidate } = await import('./modes/validate.js');
      result = await runValidate(settings, host);
    } else {
      const { runWatch } = await import('./modes/watch.js');
      (await import('./adapters/heap.js')).boundWatchHeap();
      result = await runWatch(settings, host);
      (await import('./adapters/clock.js')).exitSoonAfter();
    }
    if (result.exitCode !== 0) core.setFailed(host.redact(result.message ?? 'zd-gate failed'));
    // The same exit codes as the CLI: 1 findings or a failed gate, 2 the input or the gate could not run.
    process.exitCode = result.exitCode;
  } catch (e) {
    // Messages quote input values and error bodies: redacted like everything the host writes.
    if (e instanceof SettingsError) {
      core.setFailed(host.redact(e.message));
      process.exitCode = 2;
      return;
    }
    core.setFailed(host.redact(`zd-gate: unexpected error: ${(e as Error).message ?? String(e)}`));
    process.exitCode = 2;
    host.debug((e as Error).stack ?? '');
  }
}
