/**
 * The source-mapping fixtures (__tests__/sourcemap/fixtures) hold chart and kustomize sources and
 * the output rendered from them, which the unit tests map back. This renders them again with the
 * real helm and kubectl of the e2e setup (ZD_E2E_BIN) and requires the same output, so the
 * fixtures are what those tools write (`# Source:` comments, origin annotations, key order).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const bin = process.env.ZD_E2E_BIN ?? '';
const fixtures = path.join(repoRoot, '__tests__/sourcemap/fixtures');

describe('source-mapping fixtures are real renderer output', () => {
  it('helm template of the chart with its subchart', () => {
    const dir = path.join(fixtures, 'helm');
    const out = execFileSync(path.join(bin, 'helm'), ['template', 'shop', 'charts/shop', '--namespace', 'shop'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^# Source: shop\/charts\/cache\/templates\/deployment\.yaml$/m);
    expect(out).toBe(readFileSync(path.join(dir, 'rendered.yaml'), 'utf8'));
  });

  it('kubectl kustomize of the overlay with originAnnotations', () => {
    const dir = path.join(fixtures, 'kustomize');
    const out = execFileSync(path.join(bin, 'kubectl'), ['kustomize', 'overlays/prod'], { cwd: dir, encoding: 'utf8' });
    expect(out).toMatch(/config\.kubernetes\.io\/origin: \|\n\s+path: \.\.\/\.\.\/base\/deployment\.yaml/);
    expect(out).toBe(readFileSync(path.join(dir, 'rendered.yaml'), 'utf8'));
  });
});
