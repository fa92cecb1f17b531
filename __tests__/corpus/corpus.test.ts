/**
 * The corpus: real public manifests nobody here wrote (AWS and controller docs examples, Argo
 * Rollouts examples, Kubernetes examples, a sample app's published manifest, a Helm chart and a
 * kustomization rendered here), each in __tests__/corpus/<source>/ with a SOURCE.md saying where
 * it comes from, its licence and how it was rendered.
 *
 * For every source, findings.md holds the COMPLETE list of findings (rule, severity, file:line,
 * object) in a table, each row judged by hand with the reason it is right. This test fails when
 * validate finds anything else, misses a row, or gives a different result when the files are read
 * in another order. It is the regression net for every rule change:
 *
 *   npx vitest run __tests__/corpus                     # check
 *   UPDATE_CORPUS=1 npx vitest run __tests__/corpus     # rewrite the tables, keeping the reviewed
 *                                                       # reasons; new rows say TODO and fail until judged
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { EMPTY_CONFIG } from '../../src/core/lint/config.js';
import { lint } from '../../src/core/lint/engine.js';
import { parseFile, type ParsedFile } from '../../src/core/manifest/parse.js';
import { RULES } from '../../src/core/rules/index.js';

const here = new URL('.', import.meta.url).pathname;
const update = process.env.UPDATE_CORPUS === '1';
const TODO = 'TODO: judge this finding';

const sources = readdirSync(here)
  .filter((d) => statSync(join(here, d)).isDirectory())
  .sort();

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...manifests(p));
    else if (/\.(ya?ml|json)$/.test(name) && !name.startsWith('values')) out.push(p);
  }
  return out;
}

function run(files: readonly ParsedFile[]) {
  return lint({ files, defaultNamespace: 'default', config: EMPTY_CONFIG, rules: RULES });
}

const objectOf = (f: Finding): string =>
  f.object ? `${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}` : '-';
const keyOf = (f: Finding): string => `${f.ruleId} | ${f.severity} | ${f.file}:${f.line} | ${objectOf(f)}`;

interface Row {
  readonly key: string;
  readonly verdict: string;
  readonly why: string;
}

/** The table rows of findings.md: | Rule | Severity | Where | Object | Verdict | Why | */
function readTable(text: string): Row[] {
  return text
    .split('\n')
    .filter((l) => /^\| `?[a-z-]+`? \|/.test(l))
    .map((l) => {
      const cells = l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim().replace(/^`|`$/g, ''));
      const [rule, severity, where, object, verdict, ...why] = cells;
      return { key: `${rule} | ${severity} | ${where} | ${object}`, verdict: verdict ?? '', why: why.join(' | ') };
    });
}

function writeTable(path: string, text: string, findings: readonly Finding[], old: readonly Row[]): void {
  const reasons = new Map<string, Row[]>();
  for (const r of old) reasons.set(r.key, [...(reasons.get(r.key) ?? []), r]);
  const rows = findings.map((f) => {
    const k = keyOf(f);
    const prev = reasons.get(k)?.shift();
    const [rule, severity, where, object] = k.split(' | ');
    return `| \`${rule}\` | ${severity} | ${where} | ${object} | ${prev?.verdict || 'TODO'} | ${prev?.why || TODO} |`;
  });
  const table = ['| Rule | Severity | Where | Object | Verdict | Why |', '|---|---|---|---|---|---|', ...rows].join(
    '\n',
  );
  const start = text.indexOf('| Rule | Severity |');
  const head = start >= 0 ? text.slice(0, start) : `${text.trimEnd()}\n\n`;
  const tailAt = start >= 0 ? text.indexOf('\n\n', start) : -1;
  const tail = tailAt >= 0 ? text.slice(tailAt) : '\n';
  writeFileSync(path, `${head}${table}${tail}`);
}

describe.each(sources)('%s', (source) => {
  const dir = join(here, source);
  const paths = manifests(dir);
  const parse = (p: string): ParsedFile => parseFile({ path: relative(here, p), text: readFileSync(p, 'utf8') });
  const sorted = (fs: readonly Finding[]): Finding[] =>
    [...fs].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );

  it('has a SOURCE.md naming the repository, licence and render command', () => {
    const text = readFileSync(join(dir, 'SOURCE.md'), 'utf8');
    expect(text).toMatch(/Repository/);
    expect(text).toMatch(/Licen[cs]e/);
    expect(text).toMatch(/Render/);
    expect(paths.length, 'manifests').toBeGreaterThan(0);
  });

  it('finds exactly the findings reviewed in findings.md, each judged right with a reason', () => {
    const result = run(paths.map(parse));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const findings = sorted(result.findings);
    const tablePath = join(dir, 'findings.md');
    const text = readFileSync(tablePath, 'utf8');
    if (update) writeTable(tablePath, text, findings, readTable(text));
    const rows = readTable(readFileSync(tablePath, 'utf8'));
    expect(findings.map(keyOf), `run UPDATE_CORPUS=1 and judge the new rows in ${source}/findings.md`).toEqual(
      rows.map((r) => r.key),
    );
    for (const r of rows) {
      expect(r.why, `${r.key}: the reason it is right`).not.toBe(TODO);
      expect(r.why.length, `${r.key}: the reason it is right`).toBeGreaterThan(20);
      expect(r.verdict, `${r.key}: verdict`).toBe('right');
    }
  });

  it('gives the same result whatever the order the files are given in', () => {
    const forward = run(paths.map(parse)).findings;
    const backward = run([...paths].reverse().map(parse)).findings;
    expect(backward).toEqual(forward);
  });
});

describe('the CLI, files given in either order', () => {
  it('`validate a b` and `validate b a` print the same findings (a source with duplicates across files)', async () => {
    const { cli } = await import('../helpers/cli.js');
    const files = manifests(join(here, 'lbc-echoserver')).map((p) => relative(process.cwd(), p));
    const a = await cli(['validate', '--format', 'json', ...files]);
    const b = await cli(['validate', '--format', 'json', ...[...files].reverse()]);
    expect(a.code).toBe(b.code);
    const findings = (s: string): unknown => (JSON.parse(s) as { findings: unknown }).findings;
    expect(findings(b.stdout)).toEqual(findings(a.stdout));
    expect((findings(a.stdout) as unknown[]).length).toBeGreaterThan(0);
  });
});
