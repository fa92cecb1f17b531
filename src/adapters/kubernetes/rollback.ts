/**
 * Sends a rollback plan's JSON Patch (core/rollout/rollback-plan.ts) the way `kubectl rollout undo`
 * does: one PATCH on the Deployment with the json-patch content type, never a shell-out.
 */
import type { JsonPatchOperation } from '../../core/rollout/rollback-plan.js';
import { accessProblem, briefly, KubeSetupError } from './errors.js';
import { requestJson } from './http.js';
import type { ClusterAccess } from './kubeconfig.js';

export async function patchDeployment(
  access: ClusterAccess,
  namespace: string,
  name: string,
  patch: readonly JsonPatchOperation[],
  signal: AbortSignal,
  timeoutMs = 30_000,
): Promise<void> {
  try {
    await requestJson(access, `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`, {
      method: 'PATCH',
      query: { fieldManager: 'zd-gate' },
      body: JSON.stringify(patch),
      contentType: 'application/json-patch+json',
      signal,
      timeoutMs,
    });
  } catch (e) {
    if (e instanceof KubeSetupError) throw e;
    throw (
      accessProblem(e, { verb: 'patch', resource: 'deployments.apps', namespace }) ??
      new KubeSetupError(`the rollback patch of deployment ${name} failed: ${briefly(e)}`)
    );
  }
}
