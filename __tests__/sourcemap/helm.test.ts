/**
 * `helm template` output of a chart with a subchart (fixtures/helm: the chart sources and the
 * rendered output, which __tests__/e2e/sourcemap-render.test.ts re-renders with a real helm):
 * every rule's typical finding lands on the template line, in every surface.
 */
import { describe, it } from 'vitest';
import { checkSurfaces } from './surfaces.js';

const here = new URL('./fixtures/helm/', import.meta.url).pathname;

describe('findings in helm template output', () => {
  it('annotations, check run and SARIF point at the template file and line', async () => {
    await checkSurfaces(here, `${here}rendered.yaml`, [
      'readiness-gate charts/shop/charts/cache/templates/deployment.yaml:3',
      'pod-disruption-budget charts/shop/charts/cache/templates/deployment.yaml:4',
      'termination-grace charts/shop/charts/cache/templates/deployment.yaml:15',
      // tcpSocket liveness on the readiness port with failureThreshold 1: it gives up before readiness does
      'liveness-probe charts/shop/charts/cache/templates/deployment.yaml:25',
      'prestop-duration charts/shop/charts/cache/templates/deployment.yaml:32',
      'service-port charts/shop/charts/cache/templates/service.yaml:15',
      'pod-disruption-budget charts/shop/templates/deployment.yaml:4',
      'min-replicas charts/shop/templates/deployment.yaml:8',
      'rolling-update charts/shop/templates/deployment.yaml:13',
      'liveness-probe charts/shop/templates/deployment.yaml:23',
      'readiness-probe charts/shop/templates/deployment.yaml:29',
      'prestop-duration charts/shop/templates/deployment.yaml:35',
      'target-type-ip charts/shop/templates/ingress.yaml:6',
    ]);
  });
});
