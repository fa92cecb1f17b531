/** A pull request's own `.zd-gate.yaml` that turns rules off is said in the output, never silent. */
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

describe('config visibility', () => {
  it('names the rules the config turns off and the objects that waive rules', async () => {
    const dir = tempDir({
      ...BEHIND_ALB_IP,
      'deploy.yaml': DEPLOYMENT_GOOD.replace('replicas: 3', 'replicas: 1').replace(
        '  namespace: shop\n',
        '  namespace: shop\n  annotations:\n    zd-gate/ignore: pod-disruption-budget\n',
      ),
      '.zd-gate.yaml': 'rules:\n  min-replicas: off\n  readiness-probe: notice\n',
    });
    const r = await cli(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\.zd-gate\.yaml: min-replicas: turned off \(default warning\)$/m);
    expect(r.stdout).toMatch(/^\.zd-gate\.yaml: readiness-probe: lowered to notice \(default error\)$/m);
    expect(r.stdout).toMatch(/^waived: Deployment shop\/web \(deploy\.yaml:7\) ignores pod-disruption-budget$/m);
    expect(r.stdout).toMatch(
      /Configuration changes what is checked: 2 rules turned off or lowered, 1 object with zd-gate\/ignore\./,
    );
  });
});
