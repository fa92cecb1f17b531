/**
 * Generated documentation: README sections between `<!-- generated:NAME -->` markers (inputs and
 * outputs from action.yml, the rule catalogue from rule metadata) and schema/zd-gate.schema.json.
 * `npm run docs` rewrites them; __tests__/docs.test.ts fails when they drift.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RULES } from '../src/core/rules/index.js';
import { configSchema, ruleCatalogue } from '../src/report/rule-docs.js';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string): string =>
  s
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

export function actionTables(actionYmlText: string): { inputs: string; outputs: string } {
  const action = parse(actionYmlText) as ActionYml;
  const inputs = [
    '| Input | Mode | Default | Description |',
    '|---|---|---|---|',
    ...Object.entries(action.inputs).map(([name, i]) => {
      const m = /^(validate|watch): /.exec(i.description.trim());
      const mode = m ? m[1] : 'both';
      const desc = m ? i.description.trim().slice(m[0].length) : i.description;
      const def = i.default === undefined || i.default === '' ? '' : `\`${i.default}\``;
      return `| \`${name}\` | ${mode} | ${def} | ${cell(desc)} |`;
    }),
  ].join('\n');
  const outputs = [
    '| Output | Mode | Description |',
    '|---|---|---|',
    ...Object.entries(action.outputs).map(([name, o]) => {
      const m = /^(validate|watch): /.exec(o.description.trim());
      return `| \`${name}\` | ${m ? m[1] : 'both'} | ${cell(m ? o.description.trim().slice(m[0].length) : o.description)} |`;
    }),
  ].join('\n');
  return { inputs, outputs };
}

export function generatedSections(root: string): Record<string, string> {
  const { inputs, outputs } = actionTables(readFileSync(`${root}/action.yml`, 'utf8'));
  return { inputs, outputs, rules: ruleCatalogue(RULES) };
}

export function spliceSections(readme: string, sections: Record<string, string>): string {
  let out = readme;
  for (const [name, body] of Object.entries(sections)) {
    const re = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- generated:${name} --> section`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}${body.trimEnd()}\n${b}`);
  }
  return out;
}

export function schemaText(): string {
  return `${JSON.stringify(configSchema(RULES), null, 2)}\n`;
}
