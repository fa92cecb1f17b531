import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { V1Deployment, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKubeConfig } from './helpers/client.js';
import { kubectl } from './helpers/kubectl.js';
import {
  findCaseFiles,
  findYamlFiles,
  kubernetesObjects,
  loadValidCases,
  referencedNamespaces,
  serverDryRun,
  type ManifestObject,
  type RuleCase,
} from './helpers/manifests.js';
import {
  deleteNamespace,
  ensureNamespaces,
  getDeployment,
  isPodReady,
  isTerminating,
  ownedReplicaSets,
  revisionOf,
  waitForRolloutComplete,
} from './helpers/objects.js';
import { fixturePath, repoRoot } from './helpers/paths.js';
import { ObjectTracker } from './helpers/watch.js';

// Seed 001's demo on the real control plane: the deployment controller, not our code, decides
// every step of the rollout; the test only observes it through the API.

const NS = 'demo-nginx';
const DEPLOY = 'demo-nginx-deployment';
const CONTAINER = 'demo-nginx';
const REPLICAS = 10;
// 25% of 10: maxUnavailable rounds down (2), maxSurge rounds up (3): the ReplicaSets are asked for
// at most 13 replicas in all.
const MIN_AVAILABLE = REPLICAS - 2;
const MAX_REPLICAS_ASKED = REPLICAS + 3;
const OLD_IMAGE = 'nginx:latest';
const NEW_IMAGE = 'nginx:1.22.0';

function imageOf(object: V1Deployment | V1ReplicaSet): string | undefined {
  return object.spec?.template?.spec?.containers.find((c) => c.name === CONTAINER)?.image;
}

interface RolloutObservation {
  events: number;
  /** Smallest number of Ready, non-terminating pods seen at any moment. */
  minReadyPods: number;
  /**
   * Largest number of non-terminating pods seen at any moment. Printed, not bounded by maxSurge:
   * the deployment controller bounds the ReplicaSets' spec.replicas total (NewRSNewReplicas sums
   * spec.replicas, not pods), and raises the new ReplicaSet as soon as it lowers the old one, so
   * the new ReplicaSet's pods can be created before the old ReplicaSet's controller has marked
   * the pods it removes as terminating (CI 2026-12-01 00:02 saw 14 pods for a bound of 13).
   */
  maxActivePods: number;
  /** Largest total of the demo's ReplicaSets' spec.replicas: what maxSurge bounds. */
  maxReplicaSetTotal: number;
  /** Smallest status.availableReplicas the Deployment reported during the rollout. */
  minAvailableReplicas: number;
  /** Moments at which Ready pods of two pod-template-hashes served at once. */
  mixedReadyMoments: number;
  templateHashes: Set<string>;
}

function summary(o: RolloutObservation): string {
  return `${o.events} pod events, Ready pods >= ${o.minReadyPods}, pods <= ${o.maxActivePods}, ReplicaSets' replicas total <= ${o.maxReplicaSetTotal}, availableReplicas >= ${o.minAvailableReplicas}, ${o.mixedReadyMoments} moments with both templates Ready`;
}

/** Watches the demo's pods, Deployment and ReplicaSets while `action` runs and the rollout completes. */
async function observeRollout(
  action: () => Promise<unknown>,
): Promise<{ observation: RolloutObservation; deployment: V1Deployment }> {
  const kc = loadKubeConfig();
  const observation: RolloutObservation = {
    events: 0,
    minReadyPods: Number.POSITIVE_INFINITY,
    maxActivePods: 0,
    maxReplicaSetTotal: 0,
    minAvailableReplicas: Number.POSITIVE_INFINITY,
    mixedReadyMoments: 0,
    templateHashes: new Set(),
  };
  const pods = await ObjectTracker.start<V1Pod>(kc, `/api/v1/namespaces/${NS}/pods`, {
    labelSelector: 'app=demo-nginx',
    onChange: (objects) => {
      observation.events++;
      const active = [...objects.values()].filter((p) => !isTerminating(p));
      const ready = active.filter(isPodReady);
      const readyHashes = new Set(ready.map((p) => p.metadata?.labels?.['pod-template-hash'] ?? ''));
      for (const p of active) observation.templateHashes.add(p.metadata?.labels?.['pod-template-hash'] ?? '');
      observation.minReadyPods = Math.min(observation.minReadyPods, ready.length);
      observation.maxActivePods = Math.max(observation.maxActivePods, active.length);
      if (readyHashes.size > 1) observation.mixedReadyMoments++;
    },
  });
  const deployments = await ObjectTracker.start<V1Deployment>(kc, `/apis/apps/v1/namespaces/${NS}/deployments`, {
    fieldSelector: `metadata.name=${DEPLOY}`,
    onChange: (objects) => {
      for (const d of objects.values()) {
        observation.minAvailableReplicas = Math.min(observation.minAvailableReplicas, d.status?.availableReplicas ?? 0);
      }
    },
  });
  const replicaSets = await ObjectTracker.start<V1ReplicaSet>(kc, `/apis/apps/v1/namespaces/${NS}/replicasets`, {
    labelSelector: 'app=demo-nginx',
    onChange: (objects) => {
      const total = [...objects.values()].reduce((sum, rs) => sum + (rs.spec?.replicas ?? 0), 0);
      observation.maxReplicaSetTotal = Math.max(observation.maxReplicaSetTotal, total);
    },
  });
  const trackers = [pods, deployments, replicaSets];
  try {
    await action();
    const deployment = await waitForRolloutComplete(NS, DEPLOY);
    for (const tracker of trackers) tracker.assertLive();
    return { observation, deployment };
  } finally {
    for (const tracker of trackers) tracker.stop();
  }
}

describe('smoke: seed 001 demo rolls out on the real control plane', () => {
  beforeAll(async () => {
    await deleteNamespace(NS);
    await kubectl(['apply', '-f', fixturePath('seed-001-demo-nginx.yaml')]);
    await waitForRolloutComplete(NS, DEPLOY);
  });

  afterAll(async () => {
    await deleteNamespace(NS);
  });

  it('creates revision 1 with 10 Ready pods, each with its own IP on a kwok node', async () => {
    const deployment = await getDeployment(NS, DEPLOY);
    expect(revisionOf(deployment)).toBe('1');
    const replicaSets = await ownedReplicaSets(deployment);
    expect(replicaSets.map((rs) => [revisionOf(rs), imageOf(rs)])).toEqual([['1', OLD_IMAGE]]);

    const { stdout } = await kubectl(['get', 'pods', '-n', NS, '-l', 'app=demo-nginx', '-o', 'json']);
    const pods = (JSON.parse(stdout) as { items: V1Pod[] }).items;
    expect(pods).toHaveLength(REPLICAS);
    expect(pods.every(isPodReady)).toBe(true);
    const ips = pods.map((p) => p.status?.podIP);
    expect(ips.every((ip) => typeof ip === 'string' && ip.length > 0)).toBe(true);
    expect(new Set(ips).size).toBe(REPLICAS);
    expect(pods.every((p) => p.spec?.nodeName?.startsWith('kwok-node-'))).toBe(true);
  });

  it('rolls out a new image as a rolling update that respects maxUnavailable and maxSurge', async () => {
    const { observation, deployment } = await observeRollout(() =>
      kubectl(['set', 'image', `deployment/${DEPLOY}`, `${CONTAINER}=${NEW_IMAGE}`, '-n', NS]),
    );
    console.info(`rollout 1 -> 2 observed: ${summary(observation)}`);

    expect(revisionOf(deployment)).toBe('2');
    expect(imageOf(deployment)).toBe(NEW_IMAGE);
    const replicaSets = await ownedReplicaSets(deployment);
    const byRevision = new Map(replicaSets.map((rs) => [revisionOf(rs), rs]));
    expect([...byRevision.keys()].sort()).toEqual(['1', '2']);
    expect(imageOf(byRevision.get('1')!)).toBe(OLD_IMAGE);
    expect(byRevision.get('1')!.spec?.replicas).toBe(0);
    expect(imageOf(byRevision.get('2')!)).toBe(NEW_IMAGE);
    expect(byRevision.get('2')!.status?.readyReplicas).toBe(REPLICAS);

    // A rolling update, not a recreate: pods of both templates served side by side.
    expect(observation.templateHashes.size).toBe(2);
    expect(observation.mixedReadyMoments).toBeGreaterThan(0);
    expect(observation.events).toBeGreaterThan(2 * REPLICAS);
    // At every observed moment: never fewer than replicas - maxUnavailable Ready pods, never
    // more than replicas + maxSurge replicas asked of the ReplicaSets, and the surge was used.
    expect(observation.minReadyPods).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    expect(observation.minAvailableReplicas).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    expect(observation.maxReplicaSetTotal).toBeLessThanOrEqual(MAX_REPLICAS_ASKED);
    expect(observation.maxReplicaSetTotal).toBeGreaterThan(REPLICAS);
    expect(observation.maxActivePods).toBeGreaterThan(REPLICAS);
  });

  it('kubectl rollout undo brings the old template back as revision 3', async () => {
    const before = await ownedReplicaSets(await getDeployment(NS, DEPLOY));
    const firstRs = before.find((rs) => revisionOf(rs) === '1');
    expect(firstRs).toBeDefined();

    const { observation, deployment } = await observeRollout(() =>
      kubectl(['rollout', 'undo', `deployment/${DEPLOY}`, '-n', NS]),
    );
    console.info(`rollout 2 -> 3 (undo) observed: ${summary(observation)}`);

    expect(revisionOf(deployment)).toBe('3');
    expect(imageOf(deployment)).toBe(OLD_IMAGE);
    const replicaSets = await ownedReplicaSets(deployment);
    const byRevision = new Map(replicaSets.map((rs) => [revisionOf(rs), rs]));
    expect([...byRevision.keys()].sort()).toEqual(['2', '3']);
    // The ReplicaSet of revision 1 is reused and renumbered 3, remembering its history.
    const third = byRevision.get('3')!;
    expect(third.metadata?.uid).toBe(firstRs!.metadata?.uid);
    expect(third.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(imageOf(third)).toBe(OLD_IMAGE);
    expect(third.status?.readyReplicas).toBe(REPLICAS);
    expect(byRevision.get('2')!.spec?.replicas).toBe(0);

    expect(observation.mixedReadyMoments).toBeGreaterThan(0);
    expect(observation.minReadyPods).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    expect(observation.minAvailableReplicas).toBeGreaterThanOrEqual(MIN_AVAILABLE);
    expect(observation.maxReplicaSetTotal).toBeLessThanOrEqual(MAX_REPLICAS_ASKED);
  });

  it('kubectl rollout history lists revisions 2 and 3', async () => {
    const { stdout } = await kubectl(['rollout', 'history', `deployment/${DEPLOY}`, '-n', NS]);
    const revisions = stdout
      .split('\n')
      .map((line) => /^(\d+)\s/.exec(line)?.[1])
      .filter((r): r is string => r !== undefined);
    expect(revisions).toEqual(['2', '3']);
  });
});

// Every valid fixture the validate rules ship must be a real Kubernetes object: the API server
// (with the CRDs of scripts/e2e/crds) admits it in a server-side dry run. Namespaces the
// fixtures use are created first, since a dry run does not create a Namespace.

const rulesDir = join(repoRoot, '__tests__/rules');
const caseFiles = await findCaseFiles(rulesDir);
const caseSets = await Promise.all(caseFiles.map(async (file) => ({ file, cases: await loadValidCases(file) })));
const exampleFiles = await findYamlFiles(join(repoRoot, 'examples'));

/** A case's YAML files; `code` is one file (the rule tester calls it manifest.yaml). */
function caseFilesOf(c: RuleCase): Record<string, string> {
  return c.files ?? (c.code !== undefined ? { 'manifest.yaml': c.code } : {});
}

function caseLabel(c: RuleCase, index: number): string {
  const name = c.name ?? c.title;
  return `valid #${index}${name ? ` ${name}` : ''} (${Object.keys(caseFilesOf(c)).join(', ')})`;
}

function caseObjects(c: RuleCase, source: string): ManifestObject[] {
  return Object.entries(caseFilesOf(c)).flatMap(([name, text]) => kubernetesObjects(text, `${source}: ${name}`));
}

const namespacesCreated = new Set<string>();

async function dryRun(objects: ManifestObject[]): Promise<void> {
  const missing = [...referencedNamespaces(objects)].filter((ns) => !namespacesCreated.has(ns));
  await ensureNamespaces(missing);
  for (const ns of missing) namespacesCreated.add(ns);
  const out = await serverDryRun(objects);
  // kubectl prints one "<kind>/<name> created|configured|unchanged (server dry run)" line per object.
  expect(out.trim().split('\n')).toHaveLength(objects.length);
  expect(out).toContain('(server dry run)');
}

describe('fixtures are real Kubernetes objects (kubectl apply --dry-run=server)', () => {
  it('finds the rule case tables (__tests__/rules/*.cases.ts)', () => {
    // Fails rather than passing vacuously if the case tables move or are renamed.
    expect(caseFiles.length, `no *.cases.ts in ${relative(repoRoot, rulesDir)}`).toBeGreaterThan(0);
    expect(caseSets.some(({ cases }) => cases.some((c) => caseObjects(c, '').length > 0))).toBe(true);
  });

  for (const { file, cases } of caseSets) {
    describe(relative(repoRoot, file), () => {
      cases.forEach((c, index) => {
        const objects = caseObjects(c, relative(repoRoot, file));
        if (objects.length === 0) {
          it.skip(`${caseLabel(c, index)}: no Kubernetes object in its files`, () => undefined);
          return;
        }
        const rejects = c.apiServerRejects;
        if (rejects !== undefined) {
          it(`${caseLabel(c, index)}: the API server refuses it (${rejects})`, async () => {
            await expect(dryRun(objects)).rejects.toThrow(rejects);
          });
          return;
        }
        it(caseLabel(c, index), () => dryRun(objects));
      });
    });
  }

  for (const file of exampleFiles) {
    const objects = kubernetesObjects(readFileSync(file, 'utf8'), relative(repoRoot, file));
    if (objects.length === 0) continue;
    it(relative(repoRoot, file), () => dryRun(objects));
  }
});
