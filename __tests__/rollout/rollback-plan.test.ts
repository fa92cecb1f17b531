/**
 * Parity with `kubectl rollout undo` for Deployments (kubectl's DeploymentRollbacker.Rollback and
 * deploymentRevision in pkg/polymorphichelpers/rollback.go), branch by branch, plus the
 * EqualIgnoreHash and FindNewReplicaSet tables from the controller's deployment_util_test.go.
 */
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_TO_SKIP, planRollback } from '../../src/core/rollout/rollback-plan.js';
import { equalIgnoreHash, findNewReplicaSet } from '../../src/core/rollout/templates.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../src/core/rollout/types.js';

const UID = 'd-uid';

function template(image: string, hash?: string, extraLabels: Record<string, string> = {}): PodTemplateSpec {
  return {
    metadata: { labels: { app: 'web', ...extraLabels, ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'web', image }] },
  };
}

function rs(
  name: string,
  revision: string | undefined,
  image: string,
  opts: { owner?: string; annotations?: Record<string, string>; created?: string } = {},
): ReplicaSet {
  return {
    metadata: {
      name,
      creationTimestamp: opts.created ?? '2024-01-01T00:00:00Z',
      annotations: {
        ...(revision !== undefined ? { 'deployment.kubernetes.io/revision': revision } : {}),
        ...(opts.annotations ?? {}),
      },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: opts.owner ?? UID, controller: true },
      ],
    },
    spec: { template: template(image, `h-${name}`) },
  };
}

function deploy(image: string, opts: { paused?: boolean; annotations?: Record<string, string> } = {}): Deployment {
  return {
    metadata: {
      name: 'web',
      namespace: 'demo',
      uid: UID,
      annotations: { 'deployment.kubernetes.io/revision': '3', ...(opts.annotations ?? {}) },
    },
    spec: { replicas: 10, ...(opts.paused ? { paused: true } : {}), template: template(image) },
  };
}

const history = [rs('web-1', '1', 'nginx:1.21'), rs('web-2', '2', 'nginx:1.22'), rs('web-3', '3', 'nginx:1.23')];

describe('planRollback: choosing the revision', () => {
  it('toRevision 0 takes the second-highest revision', () => {
    const plan = planRollback(deploy('nginx:1.23'), history);
    expect(plan).toMatchObject({ kind: 'patch', revision: 2, replicaSet: 'web-2' });
  });

  it('the order of the ReplicaSets does not matter', () => {
    const plan = planRollback(deploy('nginx:1.23'), [history[2]!, history[0]!, history[1]!]);
    expect(plan).toMatchObject({ kind: 'patch', revision: 2 });
  });

  it('an explicit revision must match exactly', () => {
    expect(planRollback(deploy('nginx:1.23'), history, 1)).toMatchObject({
      kind: 'patch',
      revision: 1,
      replicaSet: 'web-1',
    });
    expect(planRollback(deploy('nginx:1.23'), history, 7)).toEqual({
      kind: 'error',
      message: 'unable to find specified revision 7 in history',
    });
    expect(planRollback(deploy('nginx:1.23'), history, -1)).toEqual({
      kind: 'error',
      message: 'unable to find specified revision -1 in history',
    });
  });

  it('a single revision is no history', () => {
    expect(planRollback(deploy('nginx:1.23'), [history[2]!])).toEqual({
      kind: 'error',
      message: 'no rollout history found for deployment "web"',
    });
  });

  it('only ReplicaSets controlled by this Deployment (by UID) count', () => {
    const foreign = rs('other-9', '9', 'nginx:evil', { owner: 'someone-else' });
    expect(planRollback(deploy('nginx:1.23'), [...history, foreign])).toMatchObject({ kind: 'patch', revision: 2 });
  });

  it('a missing revision annotation counts as 0; an unparsable one is skipped', () => {
    const noRev = rs('web-0', undefined, 'nginx:1.20');
    const junk = rs('web-x', 'ten', 'nginx:junk');
    expect(planRollback(deploy('nginx:1.23'), [noRev, junk, history[2]!])).toMatchObject({
      kind: 'patch',
      revision: 0,
      replicaSet: 'web-0',
    });
  });
});

describe('planRollback: what kubectl refuses or skips', () => {
  it('a paused Deployment is an error, checked after the revision is found', () => {
    expect(planRollback(deploy('nginx:1.23', { paused: true }), history)).toEqual({
      kind: 'error',
      message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    });
    expect(planRollback(deploy('nginx:1.23', { paused: true }), [history[2]!]).kind).toBe('error');
  });

  it('skips when the template already matches the target revision (hash label ignored)', () => {
    // The Deployment already runs revision 2's template.
    const plan = planRollback(deploy('nginx:1.22'), history);
    expect(plan).toEqual({
      kind: 'skipped',
      revision: 2,
      message: 'skipped rollback (current template already matches revision 0)',
    });
    expect(planRollback(deploy('nginx:1.22'), history, 2)).toMatchObject({
      kind: 'skipped',
      message: 'skipped rollback (current template already matches revision 2)',
    });
  });
});

describe('planRollback: the patch', () => {
  it('replaces /spec/template (hash label stripped) and /metadata/annotations, as a JSON Patch', () => {
    const d = deploy('nginx:1.23', {
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
        'deployment.kubernetes.io/revision-history': '1',
        'team.example.com/owner': 'payments',
      },
    });
    const target = rs('web-2', '2', 'nginx:1.22', {
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '10',
        'deployment.kubernetes.io/max-replicas': '13',
        'kubernetes.io/change-cause': 'kubectl set image deploy web web=nginx:1.22',
      },
    });
    const plan = planRollback(d, [history[0]!, target, history[2]!]);
    expect(plan.kind).toBe('patch');
    if (plan.kind !== 'patch') return;
    expect(plan.template).toEqual(template('nginx:1.22'));
    expect((plan.template.metadata?.labels ?? {})['pod-template-hash']).toBeUndefined();
    // Kept from the Deployment: the skip list. Copied from the ReplicaSet: everything else.
    // Not kept: Deployment annotations outside the skip list (kubectl replaces the whole map).
    expect(plan.annotations).toEqual({
      'kubectl.kubernetes.io/last-applied-configuration': '{"kind":"Deployment"}',
      'deployment.kubernetes.io/revision': '3',
      'deployment.kubernetes.io/revision-history': '1',
      'kubernetes.io/change-cause': 'kubectl set image deploy web web=nginx:1.22',
    });
    expect(plan.patch).toEqual([
      { op: 'replace', path: '/spec/template', value: plan.template },
      { op: 'replace', path: '/metadata/annotations', value: plan.annotations },
    ]);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify(history);
    planRollback(deploy('nginx:1.23'), history);
    expect(JSON.stringify(history)).toBe(before);
  });

  it('skips the same six annotations kubectl skips', () => {
    expect([...ANNOTATIONS_TO_SKIP].sort()).toEqual(
      [
        'deployment.kubernetes.io/desired-replicas',
        'deployment.kubernetes.io/max-replicas',
        'deployment.kubernetes.io/revision',
        'deployment.kubernetes.io/revision-history',
        'deprecated.deployment.rollback.to',
        'kubectl.kubernetes.io/last-applied-configuration',
      ].sort(),
    );
  });
});

describe('equalIgnoreHash: TestEqualIgnoreHash', () => {
  const spec = (
    name: string,
    node: string,
    annotations: Record<string, string>,
    labels: Record<string, string>,
  ): PodTemplateSpec => ({
    metadata: { name, annotations, labels },
    spec: { nodeName: node },
  });
  const H = 'pod-template-hash';
  const cases: [string, PodTemplateSpec, PodTemplateSpec, boolean][] = [
    [
      'Same spec, same labels',
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      true,
    ],
    [
      'Same spec, only pod-template-hash label value is different',
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the former doesn't have pod-template-hash label",
      spec('foo', 'foo-node', {}, { something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels",
      spec('foo', 'foo-node', {}, { something: 'else' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-2' }),
      false,
    ],
    [
      "Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels",
      spec('foo', 'foo-node', {}, { [H]: 'value-1' }),
      spec('foo', 'foo-node', {}, { something: 'else' }),
      false,
    ],
    [
      'Same spec, the label is different, and the pod-template-hash label value is the same',
      spec('foo', 'foo-node', {}, { [H]: 'value-1' }),
      spec('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, same labels',
      spec('foo', 'foo-node', { former: 'value' }, { [H]: 'value-1', something: 'else' }),
      spec('foo', 'foo-node', { latter: 'value' }, { [H]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, different pod-template-hash label value',
      spec('foo-1', 'foo-node', {}, { [H]: 'value-1', something: 'else' }),
      spec('foo-2', 'foo-node', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      "Different spec, the former doesn't have pod-template-hash label",
      spec('foo-1', 'foo-node-1', {}, { something: 'else' }),
      spec('foo-2', 'foo-node-2', {}, { [H]: 'value-2', something: 'else' }),
      false,
    ],
    [
      'Different spec, different labels',
      spec('foo', 'foo-node-1', {}, { something: 'else' }),
      spec('foo', 'foo-node-2', {}, { nothing: 'else' }),
      false,
    ],
  ];
  it.each(cases)('%s', (_name, a, b, expected) => {
    expect(equalIgnoreHash(a, b)).toBe(expected);
    expect(equalIgnoreHash(b, a)).toBe(expected);
    // the inputs keep their labels
    expect(a.metadata?.labels).toBeDefined();
  });

  it('empty and absent collections are the same (Go nil vs empty)', () => {
    expect(equalIgnoreHash({ metadata: { labels: {} }, spec: { volumes: [] } }, { spec: {} })).toBe(true);
  });
});

describe('findNewReplicaSet: TestFindNewReplicaSet', () => {
  const d = deploy('nginx:1.23');
  const newRS = rs('new', '3', 'nginx:1.23', { created: '2024-01-01T00:01:00Z' });
  const newRSDup = rs('dup', '4', 'nginx:1.23', { created: '2024-01-01T00:00:00Z' });
  const oldRS = rs('old', '2', 'nginx:1.22');
  it('the ReplicaSet with the same template, different hash', () =>
    expect(findNewReplicaSet(d, [newRS, oldRS])?.metadata?.name).toBe('new'));
  it('the oldest one when several match', () =>
    expect(findNewReplicaSet(d, [newRS, oldRS, newRSDup])?.metadata?.name).toBe('dup'));
  it('none', () => expect(findNewReplicaSet(d, [oldRS])).toBeUndefined());
});
