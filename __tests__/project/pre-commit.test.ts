/**
 * The pre-commit hooks run the package's own bin (`zd-gate validate`), in one process (validate
 * links objects across files), and every configuration docs/pre-commit.md shows uses a hook that
 * exists with this repository's URL. The hook's run through the installed package is in
 * __tests__/e2e/package.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const hooks = parse(readFileSync(`${root}.pre-commit-hooks.yaml`, 'utf8')) as Array<Record<string, unknown>>;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  bin: Record<string, string>;
  repository: { url: string };
};
const doc = readFileSync(`${root}docs/pre-commit.md`, 'utf8');
const samples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('.pre-commit-hooks.yaml', () => {
  it('offers zd-gate (node) and zd-gate-system, both running the bin on YAML and JSON in one process', () => {
    expect(hooks.map((h) => `${String(h.id)} ${String(h.language)}`)).toEqual([
      'zd-gate node',
      'zd-gate-system system',
    ]);
    for (const hook of hooks) {
      expect(hook.entry).toBe(`${Object.keys(pkg.bin)[0]} validate`);
      expect(hook.types_or).toEqual(['yaml', 'json']);
      expect(hook.require_serial).toBe(true);
    }
  });

  it('docs/pre-commit.md shows configurations that use those hooks from this repository', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const repoUrl = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const ids = new Set(hooks.map((h) => h.id));
    for (const sample of samples) {
      const config = parse(sample) as { repos: Array<{ repo: string; rev?: string; hooks: Array<{ id: string }> }> };
      const ours = config.repos.filter((r) => r.repo !== 'local');
      expect(ours.length).toBe(1);
      expect(ours[0]!.repo).toBe(repoUrl);
      expect(ours[0]!.rev).toMatch(/^v\d+\.\d+\.\d+$/);
      for (const hook of ours[0]!.hooks) expect(ids).toContain(hook.id);
    }
  });
});
