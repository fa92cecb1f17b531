/**
 * ESLint's RuleTester, for Kubernetes manifests: a table of valid and invalid cases per rule.
 * Each case is one or more YAML files; each invalid case lists the findings it must produce, in
 * file and line order, and every one asserts the rule id AND the line. A valid case must produce
 * no finding of the rule under test. Nothing else runs, so cases test one rule at a time.
 */
import { expect } from 'vitest';
import type { Severity } from '../../src/core/findings.js';
import { lint } from '../../src/core/lint/engine.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import type { RuleSetting } from '../../src/core/lint/config.js';
import { RULES } from '../../src/core/rules/index.js';
import type { Rule } from '../../src/core/rules/rule.js';

export interface Case {
  readonly name: string;
  /** One file named `manifest.yaml`... */
  readonly code?: string;
  /** ...or several, by name (cross-file cases). */
  readonly files?: Readonly<Record<string, string>>;
  /** Rule parameters, as in `.zd-gate.yaml`. */
  readonly options?: Readonly<Record<string, number | readonly string[]>>;
  readonly namespace?: string;
}

export interface ExpectedFinding {
  readonly line: number;
  readonly file?: string;
  readonly column?: number;
  readonly severity?: Severity;
  readonly container?: string;
  /** A substring or pattern the message must contain: the numbers it states, the fix it names. */
  readonly message?: string | RegExp;
}

export interface InvalidCase extends Case {
  readonly errors: readonly ExpectedFinding[];
}

export interface Cases {
  readonly valid: readonly Case[];
  readonly invalid: readonly InvalidCase[];
}

export function filesOf(c: Case): Record<string, string> {
  if (c.files) return { ...c.files };
  if (c.code !== undefined) return { 'manifest.yaml': c.code };
  throw new Error(`case "${c.name}" has neither code nor files`);
}

export function runCase(rule: Rule, c: Case) {
  const files = Object.entries(filesOf(c)).map(([path, text]) => parseFile({ path, text }));
  // Every rule is known (so `zd-gate/ignore: a, b` naming other rules is no problem), only this one runs.
  const others = RULES.filter((r) => r.meta.id !== rule.meta.id).map((r): [string, RuleSetting] => [
    r.meta.id,
    { severity: 'off', params: {} },
  ]);
  const config = {
    rules: new Map<string, RuleSetting>([
      ...others,
      ...(c.options ? [[rule.meta.id, { severity: undefined, params: c.options }] as [string, RuleSetting]] : []),
    ]),
  };
  return lint({
    files,
    defaultNamespace: c.namespace ?? 'default',
    config,
    rules: [rule, ...RULES.filter((r) => r.meta.id !== rule.meta.id)],
  });
}

export function assertValid(rule: Rule, c: Case): void {
  const { findings, problems } = runCase(rule, c);
  expect(
    problems.filter((p) => p.severity === 'error'),
    'input problems',
  ).toEqual([]);
  expect(
    findings.map((f) => `${f.file}:${f.line} ${f.message}`),
    `"${c.name}" must pass ${rule.meta.id}`,
  ).toEqual([]);
}

export function assertInvalid(rule: Rule, c: InvalidCase): void {
  const { findings } = runCase(rule, c);
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const defaultFile = Object.keys(filesOf(c))[0];
  expect(
    sorted.map((f) => `${f.file}:${f.line}`),
    `"${c.name}": findings of ${rule.meta.id} (file:line)`,
  ).toEqual(c.errors.map((e) => `${e.file ?? defaultFile}:${e.line}`));
  sorted.forEach((f, i) => {
    const e = c.errors[i] as ExpectedFinding;
    expect(f.ruleId).toBe(rule.meta.id);
    expect(f.severity, `"${c.name}" finding ${i + 1} severity`).toBe(e.severity ?? rule.meta.severity);
    if (e.column !== undefined) expect(f.column, `"${c.name}" finding ${i + 1} column`).toBe(e.column);
    if (e.container !== undefined) expect(f.container).toBe(e.container);
    if (e.message !== undefined) expect(f.message).toMatch(e.message);
    expect(f.endLine).toBeGreaterThanOrEqual(f.line);
  });
}

/**
 * The cases a rule's documentation page (docs/rules/<id>.md) shows, by name: each cases file
 * exports one `docExamples`, so the page's examples are cases the rule tests run.
 */
export interface DocExamples {
  readonly invalid: string;
  readonly valid: string;
}
