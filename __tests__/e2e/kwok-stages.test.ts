import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKubeConfig } from './helpers/client.js';
import { kubectl, kubectlJson } from './helpers/kubectl.js';
import { deleteNamespace, isPodReady, isTerminating, podCondition } from './helpers/objects.js';
import { fixturePath } from './helpers/paths.js';
import { ObjectTracker } from './helpers/watch.js';
import { waitFor } from './helpers/wait.js';

// The pod lifecycle the kwok stages (scripts/e2e/kwok/cluster-config.yaml) give the fake nodes:
// the later scenarios rely on it, so it is checked here against the running cluster.

const NS = 'zd-e2e-stages';
const GATE = 'target-health.elbv2.k8s.aws/k8s-stages-web-0123456789';

function getPod(name: string): Promise<V1Pod> {
  return kubectlJson<V1Pod>(['get', 'pod', name, '-n', NS]);
}

function seconds(from: string | Date | undefined, to: number): number {
  return (to - new Date(from ?? 0).getTime()) / 1000;
}

async function setGate(pod: string, status: 'True' | 'False'): Promise<void> {
  const patch = {
    status: {
      conditions: [{ type: GATE, status, reason: status === 'True' ? 'Healthy' : 'Target.FailedHealthChecks' }],
    },
  };
  await kubectl([
    'patch',
    'pod',
    pod,
    '-n',
    NS,
    '--subresource=status',
    '--type=strategic',
    '-p',
    JSON.stringify(patch),
  ]);
}

/** Records, for one pod, when it was first seen Ready=False after deletion and when it vanished. */
async function trackPod(name: string) {
  const seen: { terminatingReadyAt: number[]; notReadyAt?: number; goneAt?: number; ips: Set<string> } = {
    terminatingReadyAt: [],
    ips: new Set(),
  };
  const tracker = await ObjectTracker.start<V1Pod>(loadKubeConfig(), `/api/v1/namespaces/${NS}/pods`, {
    fieldSelector: `metadata.name=${name}`,
    onChange: (_objects, type, pod) => {
      if (!pod) return;
      const now = Date.now();
      if (type === 'DELETED') {
        seen.goneAt ??= now;
        return;
      }
      if (pod.status?.podIP) seen.ips.add(pod.status.podIP);
      if (isTerminating(pod)) {
        if (isPodReady(pod)) seen.terminatingReadyAt.push(now);
        else seen.notReadyAt ??= now;
      }
    },
  });
  return { seen, tracker };
}

describe('kwok stages: pod lifecycle of the fake nodes', () => {
  beforeAll(async () => {
    await deleteNamespace(NS);
    await kubectl(['create', 'namespace', NS]);
    await kubectl(['apply', '-n', NS, '-f', fixturePath('kwok-stage-pods.yaml')]);
  });

  afterAll(async () => {
    await deleteNamespace(NS);
  });

  it('gives every pod its own IP and makes it Ready after its ready-delay annotation', async () => {
    const pods = await waitFor(
      async () => {
        const list = await kubectlJson<{ items: V1Pod[] }>(['get', 'pods', '-n', NS, '-l', 'app=delayed']);
        return list.items.length === 6 && list.items.every(isPodReady) ? list.items : undefined;
      },
      { timeoutMs: 60_000, description: '6 pods of deployment "delayed" to be Ready' },
    );
    const ips = pods.map((p) => p.status?.podIP ?? '');
    expect(ips.every((ip) => /^10\.244\.\d+\.\d+$/.test(ip))).toBe(true);
    expect(new Set(ips).size).toBe(6);
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'ContainersReady');
      // ready-delay is 4s from status.startTime; both times have one-second resolution.
      const delay = seconds(pod.status?.startTime, new Date(ready?.lastTransitionTime ?? 0).getTime());
      expect(delay).toBeGreaterThanOrEqual(3);
      expect(delay).toBeLessThanOrEqual(8);
    }
  });

  it('keeps a pod with a readiness gate not Ready until the gate condition is True, and follows it', async () => {
    const name = 'gated';
    await waitFor(async () => podCondition(await getPod(name), 'ContainersReady') === 'True', {
      timeoutMs: 30_000,
      description: 'pod "gated" to be ContainersReady',
    });
    let pod = await getPod(name);
    expect(podCondition(pod, 'Ready')).toBe('False');
    expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.reason).toBe('ReadinessGatesNotReady');

    await setGate(name, 'True');
    pod = await waitFor(async () => ((p) => (isPodReady(p) ? p : undefined))(await getPod(name)), {
      timeoutMs: 15_000,
      description: 'pod "gated" to become Ready after its gate turned True',
    });
    expect(podCondition(pod, GATE)).toBe('True');

    await setGate(name, 'False');
    await waitFor(async () => podCondition(await getPod(name), 'Ready') === 'False', {
      timeoutMs: 15_000,
      description: 'pod "gated" to become not Ready after its gate turned False',
    });
    expect(podCondition(await getPod(name), 'ContainersReady')).toBe('True');

    await setGate(name, 'True');
    await waitFor(async () => isPodReady(await getPod(name)), {
      timeoutMs: 15_000,
      description: 'pod "gated" Ready again',
    });
  });

  it.each([
    // name, preStop seconds the stages should find, grace period, earliest and latest removal (s)
    ['prestop-sleep', 'preStop sleep 6s', 6, 5, 9],
    ['prestop-annotation', 'annotation 3', 3, 2, 6],
    ['prestop-capped', 'exec "sleep 60" capped by a 5s grace period', 5, 4, 8],
  ])(
    'keeps deleted pod %s Terminating, Ready and on its IP during its preStop (%s), then removes it',
    async (name, _what, preStop, earliest, latest) => {
      await waitFor(async () => isPodReady(await getPod(name)), {
        timeoutMs: 30_000,
        description: `pod "${name}" Ready`,
      });
      const ip = (await getPod(name)).status?.podIP;
      const { seen, tracker } = await trackPod(name);
      try {
        const deletedAt = Date.now();
        await kubectl(['delete', 'pod', name, '-n', NS, '--wait=false']);
        await waitFor(async () => seen.goneAt, { timeoutMs: 40_000, description: `pod "${name}" to be removed` });
        tracker.assertLive();

        const gone = seconds(new Date(deletedAt), seen.goneAt!);
        expect(gone).toBeGreaterThanOrEqual(earliest);
        expect(gone).toBeLessThanOrEqual(latest);
        // Still serving (Ready, same IP) while terminating, until about the preStop delay.
        expect(seen.ips).toEqual(new Set([ip]));
        expect(seen.terminatingReadyAt.length).toBeGreaterThan(0);
        expect(seen.notReadyAt).toBeDefined();
        expect(seconds(new Date(deletedAt), seen.notReadyAt!)).toBeGreaterThanOrEqual(preStop - 1.5);
      } finally {
        tracker.stop();
      }
    },
  );
});
