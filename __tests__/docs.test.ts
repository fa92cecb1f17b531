/**
 * Docs are product: the README's inputs, outputs and rule catalogue, and the config schema, are
 * generated from action.yml and rule metadata. This fails when they drift; `npm run docs` fixes it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Inputs } from '../src/settings.js';
import { generatedSections, schemaText, spliceSections } from '../scripts/docs.js';

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
