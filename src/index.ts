#!/usr/bin/env node
/**
 * One bundle, two front doors: with arguments it is the CLI (`node dist/index.js validate ...`,
 * or the `zd-gate` bin); without arguments inside GitHub Actions it is the action.
 */
const args = process.argv.slice(2);
if (args.length === 0 && process.env.GITHUB_ACTIONS === 'true') {
  const { run } = await import('./main.js');
  await run();
} else {
  const { runCli } = await import('./cli.js');
  const controller = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => controller.abort(new Error(`received ${sig}`)));
  process.exitCode = await runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
  });
  if (args[0] === 'watch') (await import('./adapters/clock.js')).exitSoonAfter();
}
