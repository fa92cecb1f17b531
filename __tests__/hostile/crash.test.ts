/**
 * Small hostile files that used to end the whole run (exit 2, no report, every other file's
 * findings lost): the run now completes, the hostile document gets a problem or finding at its
 * line, and the good files' findings come out exactly as when they are checked alone.
 */
import { describe, expect, it } from 'vitest';
import { lint, NOTES_PER_FILE } from '../../src/core/lint/engine.js';
import { EMPTY_CONFIG } from '../../src/core/lint/config.js';
import { MAX_LIST_NESTING } from '../../src/core/manifest/objects.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import { splitDocuments } from '../../src/core/manifest/split.js';
import { RULES } from '../../src/core/rules/index.js';
import { defineRule } from '../../src/core/rules/rule.js';
import { check } from '../../src/modes/validate.js';
import { tempDir } from '../helpers/cli.js';
import { GOOD_FILES, GOOD_FINDINGS, goodSources, isGoodFile, keyOf, lintSources, SETTINGS } from './good.js';

/** check() on the good files plus `hostile` in a temporary folder. */
async function checkWith(hostile: Record<string, string>) {
  const dir = tempDir({ ...GOOD_FILES, ...hostile });
  return check(SETTINGS, { cwd: dir, displayRoot: dir });
}

function goodFindings(findings: readonly { file: string }[]): string[] {
  return (findings as Parameters<typeof keyOf>[0][])
    .filter((f) => isGoodFile(f.file))
    .map(keyOf)
    .sort();
}

/** `{"apiVersion":"v1","kind":"List","items":[` n times around one Service, as JSON or YAML flow. */
function nestedLists(n: number, json: boolean): string {
  const q = (s: string): string => (json ? `"${s}"` : s);
  const open = `{${q('apiVersion')}: ${q('v1')}, ${q('kind')}: ${q('List')}, ${q('items')}: [`;
  const inner = `{${q('apiVersion')}: ${q('v1')}, ${q('kind')}: ${q('Service')}, ${q('metadata')}: {${q('name')}: ${q('deep')}}}`;
  return `${open.repeat(n)}${inner}${']}'.repeat(n)}\n`;
}

describe('inputs that used to crash the run', () => {
  it('130,000 tiny documents in one 1.2 MB file: the first 20 reported, the rest counted in one notice, the other files checked', async () => {
    const many = 'a: 1\n---\n'.repeat(130_000);
    expect(many.length).toBeGreaterThan(1_100_000);
    const report = await checkWith({ 'many.yaml': many });
    expect(goodFindings(report.findings)).toEqual(GOOD_FINDINGS);
    const notes = report.problems.filter((p) => p.file === 'many.yaml');
    expect(notes).toHaveLength(NOTES_PER_FILE + 1);
    // Document k (from 1) starts at its `---` marker, line 2k; the 21st is the first one counted.
    expect(notes[NOTES_PER_FILE - 1]).toMatchObject({ severity: 'notice', line: 2 * NOTES_PER_FILE - 2 });
    expect(notes[NOTES_PER_FILE]).toMatchObject({
      severity: 'notice',
      line: 2 * NOTES_PER_FILE,
      message: expect.stringContaining(`${130_000 - NOTES_PER_FILE} more documents are not Kubernetes objects`),
    });
    expect(report.summary.files).toBe(Object.keys(GOOD_FILES).length + 1);
  });

  it.each([
    ['JSON', 'nested.json', true],
    ['YAML flow', 'nested.yaml', false],
  ])('3,000 nested `kind: List` (%s): a problem on that document, the other files checked', async (_, name, json) => {
    const report = await checkWith({ [name]: nestedLists(3_000, json) });
    expect(goodFindings(report.findings)).toEqual(GOOD_FINDINGS);
    const mine = [...report.problems, ...report.findings].filter((p) => p.file === name);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((p) => p.message).join('\n')).toMatch(/nests too deeply|nested more than 16 levels/);
    expect(report.summary.failed).toBe(true);
  });

  it(`kind: List nests up to ${MAX_LIST_NESTING} levels; one more is an error naming the depth`, () => {
    const ok = lint({
      files: [parseFile({ path: 'ok.json', text: nestedLists(MAX_LIST_NESTING, true) })],
      defaultNamespace: 'default',
      config: EMPTY_CONFIG,
      rules: RULES,
    });
    expect(ok.objectCount).toBe(1);
    expect(ok.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const deep = lint({
      files: [parseFile({ path: 'deep.json', text: nestedLists(MAX_LIST_NESTING + 1, true) })],
      defaultNamespace: 'default',
      config: EMPTY_CONFIG,
      rules: RULES,
    });
    expect(deep.objectCount).toBe(0);
    expect(deep.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'deep.json',
        line: 1,
        message: expect.stringMatching(/`kind: List` nested more than 16 levels deep \(at (items\.0\.){15}items\.0\)/),
      }),
    ]);
  });

  it.each([
    ['flow sequences', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['flow mappings', `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
    ['a JSON array', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
  ])('absurdly deep %s: a problem at the document, never a stack overflow', (_, text) => {
    const files = [{ path: 'deep.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\n${text}` }];
    const r = lintSources([...goodSources(), ...files]);
    expect(
      r.findings
        .filter((f) => isGoodFile(f.file))
        .map(keyOf)
        .sort(),
    ).toEqual(GOOD_FINDINGS);
    const mine = [...r.problems, ...r.findings].filter((p) => p.file === 'deep.yaml');
    expect(mine.length).toBeGreaterThan(0);
    for (const p of mine) expect(p.line).toBeGreaterThanOrEqual(5);
  });

  it('a directive followed by 200,000 bare markers splits in one pass and keeps the directive', () => {
    const text = `%YAML 1.2\n${'---\n'.repeat(200_000)}a: 1\n`;
    const docs = splitDocuments(text);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.startLine).toBe(1);
    expect(docs[0]?.text.endsWith('---\n---\na: 1\n')).toBe(true);
  });

  it('a List of 20,000 Services scans the document for templates once, not per item', () => {
    const items = Array.from(
      { length: 20_000 },
      (_, i) => `- {apiVersion: v1, kind: Service, metadata: {name: s${i}}}`,
    );
    const text = `apiVersion: v1\nkind: List\nitems:\n${items.join('\n')}\n`;
    const r = lintSources([{ path: 'list.yaml', text }]);
    expect(r.objectCount).toBe(20_000);
  });
});

describe('inputs that used to outlast the job', () => {
  it('a 5 MB `zd-gate/ignore` value: the unknown rule is named, no edit distance over 5 MB is computed', () => {
    const id = `x${'y'.repeat(5 * 1024 * 1024)}`;
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    zd-gate/ignore: ${id}\n`;
    const r = lintSources([{ path: 'big.yaml', text }]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'big.yaml',
        line: 6,
        message: expect.stringMatching(/names unknown rule `xyyy/),
      }),
    ]);
    expect(r.problems[0]?.message).not.toMatch(/did you mean/);
  });
});

describe('an internal error costs one rule or one document, never the run', () => {
  it('a rule that throws: a problem naming it, the other rules still report', () => {
    const broken = defineRule({
      meta: { ...RULES[0]!.meta, id: 'broken-rule' },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      },
    });
    const r = lint({
      files: goodSources().map(parseFile),
      defaultNamespace: 'default',
      config: EMPTY_CONFIG,
      rules: [broken, ...RULES],
    });
    expect(r.findings.map(keyOf).sort()).toEqual(GOOD_FINDINGS);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        message: expect.stringMatching(/^zd-gate's rule `broken-rule` failed \(internal error: Cannot read properties/),
      },
    ]);
  });
});
