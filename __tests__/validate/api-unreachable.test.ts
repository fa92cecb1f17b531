/**
 * An unreachable GitHub API is said to be unreachable (not blamed on a permission), in one warning
 * annotation, and the step still reports its findings everywhere else.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runActionInProcess, workflowAnnotations } from '../helpers/action-run.js';
import { tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

describe('GitHub API failures', () => {
  it('connection refused: the warning says the API is unreachable', async () => {
    // A port that was free a moment ago and is closed now: connections are refused.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const run = await runActionInProcess({
      workspace: tempDir({ ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD.replace('replicas: 3', 'replicas: 1') }),
      apiUrl: `http://127.0.0.1:${port}`,
      inputs: { mode: 'validate', manifests: '.', 'github-token': 'ghs_test' },
    });
    const warnings = workflowAnnotations(run.log).filter((a) => a.severity === 'warning' && !a.props.file);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /Could not publish the check run: the GitHub API at http:\/\/127\.0\.0\.1:\d+ is unreachable \(ECONNREFUSED\)/,
    );
    expect(warnings[0]!.message).not.toMatch(/checks: write/);
    expect(run.summary).toMatch(/min-replicas/);
  });
});
