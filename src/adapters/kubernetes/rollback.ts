/**
 * Applies a rollback plan (core/rollout/rollback-plan.ts) the way `kubectl rollout undo` does: one
 * JSON Patch on the Deployment through the API, never a shell-out.
 */
import { AppsV1Api, PatchStrategy, setHeaderOptions, type KubeConfig } from '@kubernetes/client-node';
import type { RollbackPlan } from '../../core/rollout/rollback-plan.js';
import { accessProblem, briefly, KubeSetupError } from './errors.js';

export async function applyRollback(
  kc: KubeConfig,
  namespace: string,
  name: string,
  plan: Extract<RollbackPlan, { kind: 'patch' }>,
): Promise<void> {
  const apps = kc.makeApiClient(AppsV1Api);
  try {
    await apps.patchNamespacedDeployment(
      { name, namespace, body: plan.patch, fieldManager: 'zd-gate' },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
  } catch (e) {
    throw (
      accessProblem(e, { verb: 'patch', resource: 'deployments.apps', namespace }) ??
      new KubeSetupError(`failed restoring revision ${plan.revision} of deployment ${name}: ${briefly(e)}`)
    );
  }
}
