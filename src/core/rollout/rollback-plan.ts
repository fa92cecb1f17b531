/**
 * `kubectl rollout undo` for a Deployment as a pure function (kubectl's DeploymentRollbacker in
 * pkg/polymorphichelpers/rollback.go): pick the revision, refuse paused Deployments, skip when the
 * template already matches, strip pod-template-hash, keep the annotations kubectl keeps, and build
 * the same JSON Patch. The adapter only sends the patch.
 */
import { revisionOf } from './status.js';
import { equalIgnoreHash, ownedReplicaSets, withoutHash } from './templates.js';
import { REVISION_ANNOTATION, type Deployment, type PodTemplateSpec, type ReplicaSet } from './types.js';

/** Annotations kept from the Deployment and never copied from the ReplicaSet (kubectl's annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP: readonly string[] = [
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

export type JsonPatchOperation = { readonly op: 'replace'; readonly path: string; readonly value: unknown };

export type RollbackPlan =
  /** Send `patch` (a JSON Patch) to the Deployment; `revision` is the one restored. */
  | {
      readonly kind: 'patch';
      readonly revision: number;
      readonly replicaSet: string;
      readonly template: PodTemplateSpec;
      readonly annotations: Readonly<Record<string, string>>;
      readonly patch: readonly JsonPatchOperation[];
    }
  /** Nothing to do: kubectl prints this message and succeeds. */
  | { readonly kind: 'skipped'; readonly revision: number; readonly message: string }
  /** kubectl fails with this message. */
  | { readonly kind: 'error'; readonly message: string };

/**
 * Plans the undo of `deployment` to `toRevision` (0: the previous revision, the second highest
 * among the ReplicaSets the Deployment controls).
 */
export function planRollback(deployment: Deployment, replicaSets: readonly ReplicaSet[], toRevision = 0): RollbackPlan {
  if (toRevision < 0) return { kind: 'error', message: revisionNotFound(toRevision) };
  const name = deployment.metadata?.name ?? '';

  const found = pickRevision(ownedReplicaSets(deployment, replicaSets), toRevision);
  if ('error' in found)
    return {
      kind: 'error',
      message:
        found.error === 'none' ? `no rollout history found for deployment "${name}"` : revisionNotFound(toRevision),
    };
  const { rs, revision } = found;

  if (deployment.spec?.paused) {
    return {
      kind: 'error',
      message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`,
    };
  }
  if (equalIgnoreHash(rs.spec?.template, deployment.spec?.template)) {
    // kubectl prints the revision it was asked for (0 for "previous"); `revision` holds the one found.
    return {
      kind: 'skipped',
      revision,
      message: `skipped rollback (current template already matches revision ${toRevision})`,
    };
  }

  const template = withoutHash(rs.spec?.template);
  const annotations: Record<string, string> = {};
  const current = deployment.metadata?.annotations ?? {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = current[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
  }
  return {
    kind: 'patch',
    revision,
    replicaSet: rs.metadata?.name ?? '',
    template,
    annotations,
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  };
}

/**
 * kubectl's deploymentRevision: with toRevision 0 the second highest revision (ReplicaSets whose
 * revision does not parse are skipped; a missing annotation is revision 0), else an exact match.
 */
function pickRevision(
  owned: readonly ReplicaSet[],
  toRevision: number,
): { rs: ReplicaSet; revision: number } | { error: 'none' | 'not-found' } {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of owned) {
    const v = revisionOf(rs.metadata?.annotations);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return { rs, revision: v };
    }
  }
  if (toRevision > 0) return { error: 'not-found' };
  if (!previous) return { error: 'none' };
  return { rs: previous, revision: previousRevision };
}

function revisionNotFound(toRevision: number): string {
  return `unable to find specified revision ${toRevision} in history`;
}
