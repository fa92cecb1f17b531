/**
 * With only someone else's marked comment on the pull request, zd-gate writes a new comment and
 * says in the log that the other one was left alone.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runActionInProcess } from '../helpers/action-run.js';
import { fakeGitHub } from '../helpers/fake-github.js';
import { tempDir } from '../helpers/cli.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

const api = await fakeGitHub();
afterAll(() => api.close());

describe('the pull-request comment', () => {
  it('creates a comment when the marked one was written by another account (a user named like the bot)', async () => {
    api.comments = [
      { id: 1, body: '<!-- zd-gate:validate -->\nforged', user: { id: 6, login: 'github-actions', type: 'User' } },
    ];
    await runActionInProcess({
      workspace: tempDir({ ...BEHIND_ALB_IP, 'deploy.yaml': DEPLOYMENT_GOOD }),
      apiUrl: api.url,
      inputs: { mode: 'validate', manifests: '.', 'github-token': 'ghs_test', 'pr-comment': 'true' },
    });
    const writes = api.requests.filter((r) => r.url.includes('/comments') && r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /repos/acme/shop/issues/7/comments']);
    expect(api.comments[0]!.body).toBe('<!-- zd-gate:validate -->\nforged');
  });
});
