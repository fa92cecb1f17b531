/**
 * Runs every rule's case table (__tests__/rules/<rule-id>.cases.ts) and holds the registry to it:
 * a rule without cases, or without both a valid and an invalid one, fails here; so does a rule file
 * in src/core/rules that is not registered, a registered rule whose id is not its file's name, and
 * a case table without a rule.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { assertInvalid, assertValid, type Cases } from '../helpers/rule-tester.js';

const here = new URL('.', import.meta.url);
/** The modules of src/core/rules that are not rules. */
const NOT_RULES = new Set(['index', 'rule', 'shared']);

describe('the rule registry', () => {
  const ruleFiles = readdirSync(new URL('../../src/core/rules/', import.meta.url))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .filter((f) => !NOT_RULES.has(f))
    .sort();

  it('registers every rule file under the id that is its file name', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(ruleFiles);
  });

  it('has a rule for every case table', () => {
    const tables = readdirSync(here)
      .filter((f) => f.endsWith('.cases.ts'))
      .map((f) => f.slice(0, -'.cases.ts'.length))
      .sort();
    expect(tables).toEqual(ruleFiles);
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', async (id, rule) => {
  const path = new URL(`./${id}.cases.ts`, here);
  it('has a case table with valid and invalid cases', () => {
    expect(existsSync(path), `__tests__/rules/${id}.cases.ts`).toBe(true);
  });
  if (!existsSync(path)) return;
  const cases = ((await import(path.href)) as { default: Cases }).default;
  it('has at least one valid and one invalid case', () => {
    expect(cases.valid.length).toBeGreaterThan(0);
    expect(cases.invalid.length).toBeGreaterThan(0);
  });
  for (const c of cases.valid) it(`valid: ${c.name}`, () => assertValid(rule, c));
  for (const c of cases.invalid) it(`invalid: ${c.name}`, () => assertInvalid(rule, c));
});
