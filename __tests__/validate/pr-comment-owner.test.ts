/**
 * PR comment ownership: the comment with zd-gate's marker is edited only when the token's own
 * identity wrote it. GITHUB_TOKEN cannot read GET /user (403); its identity comes from GraphQL's
 * viewer, as peers do. A marked comment by anyone else is left alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runActionInProcess } from '../helpers/action-run.js';
import { fakeGitHub } from '../helpers/fake-github.js';
import { tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

const api = await fakeGitHub();
afterAll(() => api.close());

describe('the pull-request comment', () => {
  it("updates zd-gate's own comment and leaves a forged one alone", async () => {
    api.comments = [
      {
        id: 1,
        body: '<!-- zd-gate:validate -->\nforged by a contributor',
        user: { id: 5, login: 'mallory', type: 'User' },
      },
      {
        id: 2,
        body: '<!-- zd-gate:validate -->\nlast run',
        user: { id: 41898282, login: 'github-actions[bot]', type: 'Bot' },
      },
    ];
    const run = await runActionInProcess({
      workspace: tempDir({ ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD }),
      apiUrl: api.url,
      inputs: { mode: 'validate', manifests: '.', 'github-token': 'ghs_test', 'pr-comment': 'true' },
    });
    expect(run.exitCode).toBe(0);
    const writes = api.requests.filter((r) => r.url.includes('/comments') && r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['PATCH /repos/acme/shop/issues/comments/2']);
    expect(api.comments[0]!.body).toBe('<!-- zd-gate:validate -->\nforged by a contributor');
    expect(api.comments[1]!.body).toMatch(/^<!-- zd-gate:validate -->\n## ✅ zd-gate validate passed/);
    expect(api.comments[1]!.body).toContain('https://github.example/acme/shop/runs/42');
    expect(run.log).toMatch(/1 comment with zd-gate's marker was written by another account and is left alone/);
  });
});
