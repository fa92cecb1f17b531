/**
 * Pod template comparison and ReplicaSet bookkeeping, as the deployment controller and kubectl do
 * them: EqualIgnoreHash, FindNewReplicaSet, controller ownership.
 */
import { POD_TEMPLATE_HASH_LABEL, type Deployment, type PodTemplateSpec, type ReplicaSet } from './types.js';

/**
 * Semantic equality of two JSON values in the sense of apimachinery's Semantic.DeepEqual as it
 * shows through JSON: an absent field, `null`, `{}` and `[]` are the same empty value (Go's nil and
 * empty maps and slices serialize alike); everything else is compared exactly.
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!semanticEqual(ao[k], bo[k])) return false;
    return true;
  }
  return a === b;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  // A struct whose fields are all empty serializes like an absent one.
  if (typeof v === 'object') return Object.values(v).every(isEmpty);
  return false;
}

/** A deep copy of a template without the pod-template-hash label (kubectl's `delete(labels, hash)`). */
export function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  return structuredClone(hashless(template)) as PodTemplateSpec;
}

/** The template without the pod-template-hash label: a shallow view, nothing cloned. */
function hashless(template: PodTemplateSpec | undefined): unknown {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = t.metadata?.labels;
  if (!labels || !Object.hasOwn(labels, POD_TEMPLATE_HASH_LABEL)) return t;
  const rest = { ...labels };
  delete rest[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}

/** EqualIgnoreHash: equal templates, ignoring the pod-template-hash label on either side. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(hashless(a), hashless(b));
}

/** metav1.IsControlledBy: the ReplicaSet's controller reference points at this Deployment's UID. */
export function isControlledBy(rs: ReplicaSet, deployment: Deployment): boolean {
  const uid = deployment.metadata?.uid;
  if (!uid) return false;
  return (rs.metadata?.ownerReferences ?? []).some((ref) => ref.controller === true && ref.uid === uid);
}

/** The ReplicaSets this Deployment controls. */
export function ownedReplicaSets(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  return replicaSets.filter((rs) => isControlledBy(rs, deployment));
}

/**
 * FindNewReplicaSet: among the owned ReplicaSets, the oldest whose template equals the
 * Deployment's (ignoring the hash label); ties on creation time are broken by name.
 */
export function findNewReplicaSet(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
  const candidates = ownedReplicaSets(deployment, replicaSets)
    .filter((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template))
    .sort(byCreation);
  return candidates[0];
}

function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}
