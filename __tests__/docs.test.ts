/**
 * Docs are product: the README's inputs, outputs and rule catalogue, and the config schema, are
 * generated from action.yml and rule metadata. This fails when they drift; `npm run docs` fixes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs } from '../src/settings.js';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { RULES } from '../src/core/rules/index.js';
import { REPOSITORY } from '../src/report/rule-docs.js';
import { generatedSections, rulePages, rulesWithoutCaseExamples, schemaText, spliceSections } from '../scripts/docs.js';

const root = new URL('..', import.meta.url).pathname;
const update = process.env.UPDATE_DOCS === '1';

describe('generated docs', () => {
  it('README sections match action.yml and the rule metadata', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const expected = spliceSections(readme, generatedSections(root));
    if (update) writeFileSync(`${root}README.md`, expected);
    else expect(readme, 'run `npm run docs`').toBe(expected);
  });

  it('schema/zd-gate.schema.json matches the rule metadata', () => {
    const path = `${root}schema/zd-gate.schema.json`;
    if (update) writeFileSync(path, schemaText());
    else expect(readFileSync(path, 'utf8'), 'run `npm run docs`').toBe(schemaText());
  });

  it('docs/rules/ has one generated page per rule, and nothing else', async () => {
    const pages = await rulePages(root);
    if (update) {
      mkdirSync(`${root}docs/rules`, { recursive: true });
      for (const [file, text] of Object.entries(pages)) writeFileSync(`${root}${file}`, text);
    }
    for (const [file, text] of Object.entries(pages)) {
      expect(existsSync(`${root}${file}`), `${file}: run \`npm run docs\``).toBe(true);
      expect(readFileSync(`${root}${file}`, 'utf8'), `${file}: run \`npm run docs\``).toBe(text);
    }
    expect(readdirSync(`${root}docs/rules`).sort()).toEqual(RULES.map((r) => `${r.meta.id}.md`).sort());
  });

  it('every rule page shows examples from its tested case table', async () => {
    // A rule added without `docExamples` in its cases file falls back to meta.examples: name it here.
    expect(await rulesWithoutCaseExamples(root)).toEqual([]);
  });

  it('the rule pages are linked from the repository package.json names', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { repository?: { url?: string } | string };
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    expect(url?.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(REPOSITORY);
  });

  it('action.yml and the settings module know the same inputs', () => {
    const action = parse(readFileSync(`${root}action.yml`, 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    const cliOnly = new Set<string>([Inputs.Format, Inputs.ReportFile]);
    expect(Object.keys(action.inputs).sort()).toEqual(
      Object.values(Inputs)
        .filter((i) => !cliOnly.has(i))
        .sort(),
    );
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
