/**
 * Scenario 9: two Deployments behind one ALB (one Ingress, `/` → web, `/api` → api), rolled out
 * together and watched by one gate with rollback on. web is seed 003's fixed Deployment; api is the
 * same without its preStop hook, so its old pods exit while the load balancer still routes to them.
 * api must fail and be rolled back at once, without waiting for web, which passes; each verdict
 * agrees with the traffic on its own path, and the report's order of events shows api's rollback
 * starting right after its verdict, before web's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../helpers/kubectl.js';
import { revisionOf } from '../helpers/objects.js';
import { codes, log, record, window } from './lib/figures.js';
import { expectGateAgrees } from './lib/gate-agreement.js';
import { Examples, findDeployment, writeVariant, type DeploymentSpec, type KubeObject } from './lib/manifests.js';
import { describeRun, runWatchCli } from './lib/product.js';
import { setupStage, type Stage } from './lib/stage.js';

const NS = 'zd-scen-s9';
const API = 'api-nginx';

describe('scenario 9: several Deployments behind one ALB, one failing', () => {
  let stage: Stage;
  const manifest = writeVariant(Examples.seed003, 'seed-003-web-and-api-without-prestop', (objects) => {
    const web = findDeployment(objects);
    const api = structuredClone(web) as KubeObject & { spec: DeploymentSpec };
    api.metadata.name = API;
    api.spec.selector = { matchLabels: { app: API } };
    api.spec.template.metadata = { labels: { app: API } };
    for (const c of api.spec.template.spec.containers) delete c.lifecycle;
    const service = objects.find((o) => o.kind === 'Service')!;
    const apiService = structuredClone(service);
    apiService.metadata.name = 'service-api-nginx';
    (apiService.spec as { selector: Record<string, string> }).selector = { app: API };
    const ingress = objects.find((o) => o.kind === 'Ingress')!;
    const paths = (ingress.spec as { rules: { http: { paths: unknown[] } }[] }).rules[0]!.http.paths;
    paths.unshift({
      path: '/api',
      pathType: 'Prefix',
      backend: { service: { name: 'service-api-nginx', port: { number: 80 } } },
    });
    objects.splice(objects.indexOf(service) + 1, 0, apiService);
    objects.splice(objects.indexOf(web) + 1, 0, api);
  });

  beforeAll(async () => {
    stage = await setupStage({ manifest, namespace: NS, readyDelay: '500ms' });
  });
  afterAll(async () => {
    await stage?.teardown();
  });

  it("api fails and is rolled back at once; web passes; each verdict agrees with its own path's traffic", async () => {
    const api = stage.others.find((o) => o.deployment === API);
    expect(api, 'the stage has no api Deployment').toBeDefined();
    const [webObserver, apiObserver] = await Promise.all([stage.observe(), api!.observe()]);
    const webTraffic = stage.sim.traffic.attack({
      ingress: stage.ingress,
      path: '/',
      rate: 100,
      durationMs: 10 * 60_000,
    });
    const apiTraffic = stage.sim.traffic.attack({
      ingress: stage.ingress,
      path: '/api',
      rate: 100,
      durationMs: 10 * 60_000,
    });
    try {
      await new Promise((r) => setTimeout(r, 500));
      webObserver.arm('nginx:1.22.0');
      apiObserver.arm('nginx:1.22.0');
      const changedAt = Date.now();
      await Promise.all([
        stage.setImage('nginx:1.22.0'),
        kubectl(['-n', NS, 'set', 'image', `deployment/${API}`, `${api!.container}=nginx:1.22.0`]),
      ]);
      const run = await runWatchCli(
        {
          namespace: NS,
          deployments: `${stage.deployment},${API}`,
          'poll-interval': '2s',
          rollback: 'true',
        },
        { env: stage.env, killAfterMs: 240_000 },
      );
      const endedAt = Date.now();
      const report = run.report;
      const web = report?.deployments.find((d) => d.name === stage.deployment);
      const apiReport = report?.deployments.find((d) => d.name === API);
      const started = report ? Date.parse(report.startedAt) : changedAt;
      // Each Deployment's window ends at its own verdict (after it, api's rollback is under way).
      const webWindow = window(webTraffic.hits, changedAt, started + (web?.verdictSeconds ?? 0) * 1000);
      const apiWindow = window(apiTraffic.hits, changedAt, started + (apiReport?.verdictSeconds ?? 0) * 1000);
      log('scenario 9: web (seed 003 fixed) and api (without preStop) behind one ALB, rolled together', [
        describeRun(run),
        ...(report?.events ?? []).map((e) => `event +${e.t.toFixed(1)}s ${e.deployment ?? ''} ${e.event}`),
        `traffic on / until web's verdict: ${codes(webWindow)}; on /api until api's verdict: ${codes(apiWindow)}`,
      ]);
      record('s9-several-deployments', {
        exitCode: run.exitCode,
        web: { result: web?.result, reason: web?.reason, verdictS: web?.verdictSeconds },
        api: {
          result: apiReport?.result,
          reason: apiReport?.reason,
          verdictS: apiReport?.verdictSeconds,
          rollbackStartedS: apiReport?.rollback
            ? (apiReport.rollback as { startedSeconds?: number }).startedSeconds
            : null,
        },
        webTraffic: webWindow.statusCodes,
        apiTraffic: apiWindow.statusCodes,
        gateSeconds: (endedAt - run.startedAt) / 1000,
      });

      expect(run.killed).toBe(false);
      expect(run.exitCode, run.text.slice(-2000)).toBe(1);
      expect(report?.result).toBe('rolled-back');
      expect(apiReport).toMatchObject({
        result: 'rolled-back',
        reason: 'exited-before-deregistration',
        rolledBackTo: 1,
      });
      expect(web).toMatchObject({ result: 'success', reason: 'converged', rollback: null });
      // api's rollback started right after its verdict (within one 2 s poll interval), before web's verdict.
      const rb = apiReport!.rollback as unknown as { startedSeconds: number; patchedSeconds: number | null };
      expect(rb.startedSeconds - apiReport!.verdictSeconds).toBeLessThanOrEqual(2);
      expect(rb.patchedSeconds).not.toBeNull();
      expect(rb.patchedSeconds!).toBeLessThan(web!.verdictSeconds);
      const order = report!.events.map((e) => `${e.deployment}: ${e.event}`);
      expect(order.indexOf(`${API}: rollback started`)).toBeLessThan(
        order.indexOf(`${stage.deployment}: passed (converged)`),
      );
      // Through the API: api is back at its old template, web at the new one.
      expect(revisionOf(await stage.deploymentNow())).toBe('2');
      // Each verdict agrees with the traffic on its path.
      expectGateAgrees({
        what: 'scenario 9, web',
        run,
        traffic: webWindow,
        observer: webObserver,
        deployment: stage.deployment,
      });
      expectGateAgrees({ what: 'scenario 9, api', run, traffic: apiWindow, observer: apiObserver, deployment: API });
    } finally {
      webTraffic.stop();
      apiTraffic.stop();
      webObserver.stop();
      apiObserver.stop();
    }
  });
});
