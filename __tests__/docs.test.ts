/**
 * Docs are product: action.yml's inputs, the README's inputs, outputs and rule catalogue, the CLI
 * reference and the config schema are generated from src/inputs.ts, action.yml, the CLI's --help
 * and rule metadata. This fails when they drift; `npm run docs` fixes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  cliReference,
  generatedSections,
  rulePages,
  rulesWithoutCaseExamples,
  schemaText,
  spliceActionInputs,
  spliceSections,
} from '../scripts/docs.js';
import { RULES } from '../src/core/rules/index.js';
import { actionInputs, INPUTS } from '../src/inputs.js';
import { REPOSITORY } from '../src/report/rule-docs.js';

const root = new URL('..', import.meta.url).pathname;
const update = process.env.UPDATE_DOCS === '1';

function matchesGenerated(path: string, expected: string): void {
  if (update) writeFileSync(path, expected);
  else expect(readFileSync(path, 'utf8'), `${path} drifted: run \`npm run docs\``).toBe(expected);
}

describe('generated docs', () => {
  it('action.yml inputs are src/inputs.ts (names, defaults, descriptions)', () => {
    matchesGenerated(`${root}action.yml`, spliceActionInputs(readFileSync(`${root}action.yml`, 'utf8')));
    const action = parse(readFileSync(`${root}action.yml`, 'utf8')) as {
      inputs: Record<string, { default: string; description: string }>;
      runs: { using: string; main: string };
    };
    expect(Object.keys(action.inputs)).toEqual(actionInputs());
    for (const name of actionInputs()) expect(action.inputs[name]?.default).toBe(INPUTS[name].default);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('README sections match src/inputs.ts, action.yml and the rule metadata', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    matchesGenerated(`${root}README.md`, spliceSections(readme, generatedSections(root)));
  });

  it('docs/cli.md is the CLI help', () => {
    matchesGenerated(`${root}docs/cli.md`, cliReference());
  });

  it('schema/zd-gate.schema.json matches the rule metadata', () => {
    matchesGenerated(`${root}schema/zd-gate.schema.json`, schemaText());
  });

  it('docs/rules/ has one generated page per rule, and nothing else', async () => {
    const pages = await rulePages(root);
    if (update) mkdirSync(`${root}docs/rules`, { recursive: true });
    for (const [file, text] of Object.entries(pages)) {
      if (!update) expect(existsSync(`${root}${file}`), `${file}: run \`npm run docs\``).toBe(true);
      matchesGenerated(`${root}${file}`, text);
    }
    expect(readdirSync(`${root}docs/rules`).sort()).toEqual(RULES.map((r) => `${r.meta.id}.md`).sort());
  });

  it('every rule page shows examples from its tested case table', async () => {
    // A rule added without `docExamples` in its cases file falls back to meta.examples: name it here.
    expect(await rulesWithoutCaseExamples(root)).toEqual([]);
  });

  it("rule page links use package.json's repository", () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { repository?: { url?: string } | string };
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    expect(url?.replace(/^git\+/, '').replace(/\.git$/, '')).toBe(REPOSITORY);
  });
});
