/**
 * Generated documentation: README sections between `<!-- generated:NAME -->` markers (inputs and
 * outputs from action.yml, the rule catalogue from rule metadata) and schema/zd-gate.schema.json.
 * `npm run docs` rewrites them; __tests__/docs.test.ts fails when they drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RULES } from '../src/core/rules/index.js';
import { lint } from '../src/core/lint/engine.js';
import type { RuleSetting } from '../src/core/lint/config.js';
import { parseFile } from '../src/core/manifest/parse.js';
import type { Rule } from '../src/core/rules/rule.js';
import { configSchema, rulePage, ruleTable, type PageExample } from '../src/report/rule-docs.js';
import type { Case, Cases, DocExamples } from '../__tests__/helpers/rule-tester.js';

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
  return { inputs, outputs, rules: ruleTable(RULES) };
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

/**
 * docs/rules/<id>.md for every rule: the examples are the cases its case table names in
 * `docExamples` (run here through the engine, so the page shows what zd-gate reports on them).
 * A case table without `docExamples` falls back to the rule's meta.examples (listed by rulesWithoutCaseExamples).
 */
export async function rulePages(root: string): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  for (const rule of RULES) {
    const examples = await caseExamples(root, rule);
    pages[`docs/rules/${rule.meta.id}.md`] = rulePage(rule.meta, examples);
  }
  return pages;
}

/** Rules whose case table names no doc examples (their pages use meta.examples). */
export async function rulesWithoutCaseExamples(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const rule of RULES) if (!(await caseExamples(root, rule))) out.push(rule.meta.id);
  return out;
}

async function caseExamples(
  root: string,
  rule: Rule,
): Promise<{ invalid: PageExample; valid: PageExample } | undefined> {
  const file = `${root}/__tests__/rules/${rule.meta.id}.cases.ts`;
  if (!existsSync(file)) return undefined;
  const mod = (await import(file)) as { default: Cases; docExamples?: DocExamples };
  if (!mod.docExamples) return undefined;
  const pick = (list: readonly Case[], name: string): Case => {
    const c = list.find((x) => x.name === name);
    if (!c) throw new Error(`${rule.meta.id}.cases.ts: docExamples names "${name}", which is not one of its cases`);
    return c;
  };
  const invalid = pick(mod.default.invalid, mod.docExamples.invalid);
  const valid = pick(mod.default.valid, mod.docExamples.valid);
  const bad = example(rule, invalid, undefined);
  if (bad.findings.length === 0)
    throw new Error(`${rule.meta.id}: the invalid doc example "${invalid.name}" reports nothing`);
  const good = example(rule, valid, Object.keys(bad.files));
  if (good.findings.length > 0)
    throw new Error(`${rule.meta.id}: the valid doc example "${valid.name}" reports findings`);
  return { invalid: bad, valid: good };
}

/** A case run through the engine with only its rule on: the files to show and what it reports. */
function example(rule: Rule, c: Case, showLike: readonly string[] | undefined): PageExample {
  const files: Record<string, string> = c.files ? { ...c.files } : { 'manifest.yaml': c.code ?? '' };
  const config = {
    rules: new Map<string, RuleSetting>(
      RULES.filter((r) => r.meta.id !== rule.meta.id).map((r) => [r.meta.id, { severity: 'off', params: {} }]),
    ),
  };
  if (c.options) config.rules.set(rule.meta.id, { severity: undefined, params: c.options });
  const result = lint({
    files: Object.entries(files).map(([path, text]) => parseFile({ path, text })),
    defaultNamespace: c.namespace ?? 'default',
    config,
    rules: RULES,
  });
  const findings = result.findings
    .filter((f) => f.ruleId === rule.meta.id)
    .map((f) => ({ file: f.file, line: f.line, severity: f.severity, message: f.message }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const names = Object.keys(files);
  const shown = showLike
    ? names.filter((n) => showLike.includes(n))
    : names.filter((n) => findings.some((f) => f.file === n));
  const show = shown.length > 0 ? shown : names.slice(-1);
  return {
    files: Object.fromEntries(show.map((n) => [n, files[n] as string])),
    context: names.filter((n) => !show.includes(n)),
    findings,
  };
}
