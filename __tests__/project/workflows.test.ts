/**
 * What the workflows promise that actionlint does not check (it runs in the e2e suite, with the
 * emulated self-test job): every action is pinned by commit SHA with its release in a comment, so
 * Dependabot can bump both; Dependabot watches npm and the actions; and the Node version is stated
 * once: engines (the lowest Node the CLI supports), action.yml's runtime, .node-version (CI's Node,
 * read by every setup-node step) and the Node .ci/run provisions agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
const workflowFiles = readdirSync(`${root}.github/workflows`)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>;
}
const steps = (file: string): Step[] =>
  Object.values((parse(read(file)) as Workflow).jobs).flatMap((job) => job.steps ?? []);

describe('.github', () => {
  it('has the CI, release and CodeQL workflows', () => {
    expect(workflowFiles.sort()).toEqual(
      ['.github/workflows/ci.yml', '.github/workflows/codeql.yml', '.github/workflows/release.yml'].sort(),
    );
  });

  it.each(workflowFiles)('%s pins every action by commit SHA, with the release in a comment', (file) => {
    const lines = read(file)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const ref = /uses:\s*(\S+)/.exec(line)![1]!;
      if (ref === './') continue;
      expect(line, `${file}: ${ref}`).toMatch(/uses: [\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('pins one commit per action across the workflows', () => {
    const refs = new Map<string, Set<string>>();
    for (const file of workflowFiles)
      for (const step of steps(file)) {
        const m = /^([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@([0-9a-f]{40})$/.exec(step.uses ?? '');
        if (m) refs.set(m[1]!, (refs.get(m[1]!) ?? new Set()).add(m[2]!));
      }
    for (const [name, shas] of refs) expect([...shas], name).toHaveLength(1);
  });

  it('Dependabot watches npm and the workflows’ actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      version: number;
      updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string } }>;
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => `${u['package-ecosystem']} ${u.directory}`).sort()).toEqual([
      'github-actions /',
      'npm /',
    ]);
    for (const u of config.updates) expect(u.schedule.interval).toMatch(/^(daily|weekly|monthly)$/);
  });
});

describe('Node versions, stated once', () => {
  const ciNode = read('.node-version').trim();
  const pkg = JSON.parse(read('package.json')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };
  const action = parse(read('action.yml')) as { runs: { using: string } };

  it('.node-version is a major version, the runtime action.yml declares', () => {
    expect(ciNode).toMatch(/^\d+$/);
    expect(action.runs.using).toBe(`node${ciNode}`);
  });

  it('engines is the lowest supported Node, with the types of that version and CI on one at least as new', () => {
    const lowest = /^>=(\d+)$/.exec(pkg.engines.node)?.[1];
    expect(lowest, `engines.node is ">=N": ${pkg.engines.node}`).toBeDefined();
    expect(Number(ciNode)).toBeGreaterThanOrEqual(Number(lowest));
    expect(pkg.devDependencies['@types/node']).toMatch(new RegExp(`^${lowest}\\.`));
  });

  it('every setup-node step reads .node-version', () => {
    const setups = workflowFiles.flatMap((f) => steps(f)).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const s of setups) {
      expect(s.with?.['node-version-file']).toBe('.node-version');
      expect(s.with?.['node-version']).toBeUndefined();
    }
  });

  it('.ci/run provisions a release of that major version, when the machine has an older Node than engines', () => {
    const ciRun = read('.ci/run');
    const pinned = /^NODE_CI_VERSION=(\d+)\.\d+\.\d+$/m.exec(ciRun)?.[1];
    expect(pinned).toBe(ciNode);
    const lowest = /^>=(\d+)$/.exec(pkg.engines.node)![1]!;
    expect(ciRun).toContain(`-lt ${lowest} ]`);
  });
});
