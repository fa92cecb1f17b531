/**
 * `kubectl kustomize` output with origin annotations of an overlay with namePrefix (fixtures/kustomize:
 * the sources and the rendered output, which __tests__/e2e/sourcemap-render.test.ts re-renders with
 * a real kubectl): every finding lands on the base or overlay file and line, in every surface.
 */
import { describe, it } from 'vitest';
import { checkSurfaces } from './surfaces.js';

const here = new URL('./fixtures/kustomize/', import.meta.url).pathname;

describe('findings in kustomize build output', () => {
  it('annotations, check run and SARIF point at the resource file and line', async () => {
    await checkSurfaces(here, `${here}rendered.yaml`, [
      'prestop-hook base/deployment.yaml:19',
      'liveness-probe base/deployment.yaml:28',
      'pdb-blocks-drain base/deployment.yaml:38',
      'healthcheck-path base/ingress.yaml:5',
      'readiness-gate overlays/prod/namespace.yaml:3',
    ]);
  });
});
