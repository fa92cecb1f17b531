/**
 * Scenario 6: the gate with the least privilege users are told to grant. A ServiceAccount bound to
 * the Role of the documentation (read from README.md / docs/watch.md, applied as written), its
 * token from the TokenRequest API in a kubeconfig of its own, nothing else.
 * A. The documented Role: seed 003's fixed deployment rolls out and the gate passes.
 * B. The same Role without `patch` on deployments: a rollout the gate fails (min-healthy 100 %,
 *    so losing the two pods maxUnavailable allows is a failure), with rollback on. The rollback
 *    must fail with a message naming the missing permission, and the Deployment stay as it was.
 * The token must never appear in the gate's output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revisionOf } from '../helpers/objects.js';
import { codes, log, record } from './lib/figures.js';
import { Examples } from './lib/manifests.js';
import {
  bindServiceAccount,
  documentedRole,
  grants,
  serviceAccountKubeconfig,
  withoutDeploymentPatch,
} from './lib/rbac.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { describeRun } from './lib/product.js';
import { rolloutWithGate } from './lib/rollout.js';
import { setupStage, type Stage } from './lib/stage.js';

/** An image the simulated load balancer's health check fails (see the simulator's README). */
const BROKEN_IMAGE = 'nginx:1.25.3-broken';
const NS = 'zd-scen-s6';
const ACCOUNT = 'zd-gate-ci';

describe('scenario 6: RBAC: the documented minimal Role through a ServiceAccount token', () => {
  let stage: Stage;
  const { role, source } = documentedRole();
  beforeAll(async () => {
    stage = await setupStage({
      manifest: Examples.seed003,
      namespace: NS,
      readyDelay: '500ms',
      sim: { unhealthyImages: [BROKEN_IMAGE] },
    });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it('A · with the documented Role the gate follows the rollout and passes', async () => {
    // What the documentation promises: list/watch on what the gate reads, patch on deployments for rollback.
    for (const [group, resource] of [
      ['apps', 'deployments'],
      ['apps', 'replicasets'],
      ['', 'pods'],
      ['', 'services'],
      ['', 'events'],
      ['discovery.k8s.io', 'endpointslices'],
      ['elbv2.k8s.aws', 'targetgroupbindings'],
    ] as const) {
      expect(grants(role, group, resource, 'watch'), `${source}: watch ${resource}`).toBe(true);
    }
    expect(grants(role, 'apps', 'deployments', 'patch'), `${source}: patch deployments`).toBe(true);
    await bindServiceAccount(NS, ACCOUNT, role);
    const { path, token } = await serviceAccountKubeconfig(stage.kc, NS, ACCOUNT);
    const r = await rolloutWithGate(stage, {
      image: 'nginx:1.22.0',
      entry: 'cli',
      inputs: {
        namespace: NS,
        deployments: stage.deployment,
        kubeconfig: path,
        'poll-interval': '2s',
        rollback: 'true',
      },
      run: { env: { ...stage.sim.env } },
    });
    try {
      const d = r.run.report?.deployments[0];
      log(`scenario 6A: ServiceAccount ${ACCOUNT} bound to the Role of ${source}`, [
        `rules: ${JSON.stringify(role.rules)}`,
        describeRun(r.run),
        `traffic: ${codes(r.traffic)}`,
      ]);
      record('s6a-rbac-documented-role', { exitCode: r.run.exitCode, result: d?.result, source });
      expect(r.run.text).not.toContain(token);
      expect(r.run.report?.error ?? null, r.run.text).toBeNull();
      expectGateAgrees({ what: 'scenario 6A, documented Role', run: r.run, traffic: r.traffic, observer: r.observer });
      expect(r.run.exitCode, r.run.text).toBe(0);
      expect(d).toMatchObject({ result: 'success', reason: 'converged', revision: 2 });
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });

  it('B · without patch on deployments the rollback fails, naming the missing permission', async () => {
    const readOnly = withoutDeploymentPatch(role);
    expect(grants(readOnly, 'apps', 'deployments', 'patch')).toBe(false);
    await bindServiceAccount(NS, ACCOUNT, readOnly);
    const { path, token } = await serviceAccountKubeconfig(stage.kc, NS, ACCOUNT);
    // A release whose pods never pass the health check, so the gate fails whatever the moment it
    // starts: below 100 % as soon as it sees the dip, else new-targets-unhealthy (a healthy release
    // passed once here, when the gate started after the dip and by its late-start rule did not
    // hold that dip against it).
    const r = await rolloutWithGate(stage, {
      image: BROKEN_IMAGE,
      entry: 'cli',
      inputs: {
        namespace: NS,
        deployments: stage.deployment,
        kubeconfig: path,
        'poll-interval': '2s',
        'min-healthy': '100%',
        rollback: 'true',
      },
      run: { env: { ...stage.sim.env } },
    });
    try {
      const d = r.run.report?.deployments[0];
      log('scenario 6B: the same Role without patch on deployments; min-healthy 100%, rollback on', [
        `rules: ${JSON.stringify(readOnly.rules)}`,
        describeRun(r.run),
        ...r.run.lines.filter((l) => /rollback|forbidden/i.test(l.text)).map((l) => `gate: ${l.text}`),
      ]);
      record('s6b-rbac-no-patch', { exitCode: r.run.exitCode, result: d?.result, rollback: d?.rollback });
      expect(r.run.text).not.toContain(token);
      expect(r.run.exitCode, r.run.text).toBe(1);
      expect(d).toMatchObject({ result: 'failed', revision: 3, rolledBackTo: null });
      expect(['below-threshold', 'new-targets-unhealthy', 'progress-deadline']).toContain(d?.reason);
      // No request failed (readiness gates held the broken pods back): the claim is capacity below
      // the 100 % asked for, or a rollout that never finished, and the observer confirms either.
      expectGateAgrees({
        what: 'scenario 6B, min-healthy 100 %',
        run: r.run,
        traffic: r.traffic,
        observer: r.observer,
      });
      expect(d?.rollback?.status).toBe('error');
      // The message names the verb and the resource, and says what to grant.
      expect(d?.rollback?.message).toMatch(/\bpatch\b/);
      expect(d?.rollback?.message).toMatch(/\bdeployments\b/);
      expect(d?.rollback?.message).toMatch(/forbidden|not allowed|may not/i);
      expect(r.run.text).toContain(d!.rollback!.message);
      // Nothing was rolled back.
      const now = await stage.deploymentNow();
      expect(revisionOf(now)).toBe('3');
      expect(await stage.image()).toBe(BROKEN_IMAGE);
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  });
});
