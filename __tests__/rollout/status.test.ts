/**
 * Parity with `kubectl rollout status` for Deployments. The first five cases are
 * TestDeploymentStatusViewerStatus from kubectl (pkg/polymorphichelpers/rollout_status_test.go),
 * with kubectl's trailing newline dropped; the others cover the branches that table leaves out.
 */
import { describe, expect, it } from 'vitest';
import { rolloutStatus } from '../../src/core/rollout/status.js';
import type { Deployment } from '../../src/core/rollout/types.js';

interface Case {
  name: string;
  generation: number;
  specReplicas: number;
  status: NonNullable<Deployment['status']>;
  msg: string;
  done: boolean;
}

const kubectlCases: Case[] = [
  {
    name: 'test1',
    generation: 0,
    specReplicas: 1,
    status: { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 },
    msg: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...',
    done: false,
  },
  {
    name: 'test2',
    generation: 1,
    specReplicas: 1,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 },
    msg: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...',
    done: false,
  },
  {
    name: 'test3',
    generation: 1,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 },
    msg: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...',
    done: false,
  },
  {
    name: 'test4',
    generation: 1,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
    msg: 'deployment "foo" successfully rolled out',
    done: true,
  },
  {
    name: 'test5',
    generation: 2,
    specReplicas: 2,
    status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
    msg: 'Waiting for deployment spec update to be observed...',
    done: false,
  },
];

function deployment(
  generation: number,
  replicas: number | undefined,
  status: Deployment['status'],
  annotations?: Record<string, string>,
): Deployment {
  return {
    metadata: {
      namespace: 'bar',
      name: 'foo',
      uid: '8764ae47-9092-11e4-8393-42010af018ff',
      generation,
      ...(annotations ? { annotations } : {}),
    },
    spec: replicas === undefined ? {} : { replicas },
    ...(status ? { status } : {}),
  };
}

describe('rolloutStatus: kubectl TestDeploymentStatusViewerStatus', () => {
  it.each(kubectlCases)('$name', (c) => {
    const s = rolloutStatus(deployment(c.generation, c.specReplicas, c.status));
    expect(s.message).toBe(c.msg);
    expect(s.phase === 'complete').toBe(c.done);
    expect(s.phase).not.toBe('failed');
  });
});

describe('rolloutStatus: the other branches of DeploymentStatusViewer.Status', () => {
  it('ProgressDeadlineExceeded is an error, checked before the replica counts', () => {
    const s = rolloutStatus(
      deployment(3, 10, {
        observedGeneration: 3,
        replicas: 12,
        updatedReplicas: 5,
        availableReplicas: 8,
        conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
      }),
    );
    expect(s).toEqual({
      phase: 'failed',
      reason: 'progress-deadline',
      message: 'deployment "foo" exceeded its progress deadline',
    });
  });

  it('ProgressDeadlineExceeded is not looked at while the spec update is unobserved', () => {
    const s = rolloutStatus(
      deployment(4, 10, {
        observedGeneration: 3,
        conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }],
      }),
    );
    expect(s.message).toBe('Waiting for deployment spec update to be observed...');
  });

  it('other Progressing reasons are not errors', () => {
    const s = rolloutStatus(
      deployment(1, 2, {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        conditions: [{ type: 'Progressing', reason: 'NewReplicaSetAvailable' }],
      }),
    );
    expect(s.phase).toBe('complete');
  });

  it('a nil spec.replicas skips the updated check, as kubectl does', () => {
    const s = rolloutStatus(
      deployment(1, undefined, { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 }),
    );
    expect(s.phase).toBe('complete');
  });

  it("--revision: a mismatch is an error with kubectl's message", () => {
    const d = deployment(
      1,
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
      { 'deployment.kubernetes.io/revision': '3' },
    );
    expect(rolloutStatus(d, 2)).toEqual({
      phase: 'failed',
      reason: 'revision',
      message: 'desired revision (2) is different from the running revision (3)',
    });
    expect(rolloutStatus(d, 3).phase).toBe('complete');
  });

  it("the seeds' rolling update (10 replicas, 25%/25%) prints kubectl's sequence of messages", () => {
    const steps: [number, number, number, string][] = [
      [13, 5, 8, 'Waiting for deployment "foo" rollout to finish: 5 out of 10 new replicas have been updated...'],
      [13, 10, 8, 'Waiting for deployment "foo" rollout to finish: 3 old replicas are pending termination...'],
      [10, 10, 8, 'Waiting for deployment "foo" rollout to finish: 8 of 10 updated replicas are available...'],
      [10, 10, 10, 'deployment "foo" successfully rolled out'],
    ];
    for (const [replicas, updated, available, msg] of steps) {
      expect(
        rolloutStatus(
          deployment(2, 10, {
            observedGeneration: 2,
            replicas,
            updatedReplicas: updated,
            availableReplicas: available,
          }),
        ).message,
      ).toBe(msg);
    }
  });
});
