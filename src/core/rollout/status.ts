/**
 * `kubectl rollout status` for Deployments: the same checks, in the same order, with the same
 * messages (kubectl's DeploymentStatusViewer.Status in pkg/polymorphichelpers/rollout_status.go).
 * kubectl ends each message with a newline; these messages do not.
 */
import { REVISION_ANNOTATION, type Deployment, type DeploymentCondition } from './types.js';

/** The reason the controller sets on the Progressing condition when progressDeadlineSeconds passes. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';

export type RolloutStatus =
  /** Still rolling out; `message` is kubectl's "Waiting for ..." line. */
  | { readonly phase: 'progressing'; readonly message: string }
  /** kubectl's `successfully rolled out`. */
  | { readonly phase: 'complete'; readonly message: string }
  /** kubectl returns an error: progress deadline exceeded, or a revision mismatch. */
  | { readonly phase: 'failed'; readonly message: string; readonly reason: 'progress-deadline' | 'revision' };

/**
 * Evaluates one Deployment the way kubectl does. `revision` > 0 asks for that revision, as
 * `kubectl rollout status --revision=N` does.
 */
export function rolloutStatus(deployment: Deployment, revision = 0): RolloutStatus {
  const name = deployment.metadata?.name ?? '';
  if (revision > 0) {
    const running = parseRevision(deployment.metadata?.annotations?.[REVISION_ANNOTATION]);
    if (running === undefined) {
      const raw = deployment.metadata?.annotations?.[REVISION_ANNOTATION] ?? '';
      return {
        phase: 'failed',
        reason: 'revision',
        message: `cannot get the revision of deployment ${quote(name)}: strconv.ParseInt: parsing ${quote(raw)}: invalid syntax`,
      };
    }
    if (running !== revision) {
      return {
        phase: 'failed',
        reason: 'revision',
        message: `desired revision (${revision}) is different from the running revision (${running})`,
      };
    }
  }
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  if (generation <= (status.observedGeneration ?? 0)) {
    const progressing = condition(status.conditions, 'Progressing');
    if (progressing?.reason === TIMED_OUT_REASON) {
      return {
        phase: 'failed',
        reason: 'progress-deadline',
        message: `deployment ${quote(name)} exceeded its progress deadline`,
      };
    }
    const desired = deployment.spec?.replicas;
    const updated = status.updatedReplicas ?? 0;
    const replicas = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    if (desired !== undefined && updated < desired) {
      return waiting(name, `${updated} out of ${desired} new replicas have been updated...`);
    }
    if (replicas > updated) {
      return waiting(name, `${replicas - updated} old replicas are pending termination...`);
    }
    if (available < updated) {
      return waiting(name, `${available} of ${updated} updated replicas are available...`);
    }
    return { phase: 'complete', message: `deployment ${quote(name)} successfully rolled out` };
  }
  return { phase: 'progressing', message: 'Waiting for deployment spec update to be observed...' };
}

/** The revision annotation as a number: missing is 0 (as deploymentutil.Revision), malformed is undefined. */
export function revisionOf(annotations: Readonly<Record<string, string>> | undefined): number | undefined {
  return parseRevision(annotations?.[REVISION_ANNOTATION]);
}

function parseRevision(raw: string | undefined): number | undefined {
  if (raw === undefined) return 0;
  // strconv.ParseInt(v, 10, 64): optional sign, decimal digits only.
  if (!/^[+-]?\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

function waiting(name: string, rest: string): RolloutStatus {
  return { phase: 'progressing', message: `Waiting for deployment ${quote(name)} rollout to finish: ${rest}` };
}

function condition(
  conditions: readonly DeploymentCondition[] | undefined,
  type: string,
): DeploymentCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Go's %q for the names Kubernetes allows (lowercase letters, digits, '-', '.'). */
export function quote(s: string): string {
  return JSON.stringify(s);
}
