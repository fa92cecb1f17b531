/**
 * Every relative link in the docs resolves: to a file or folder that exists, and to a heading (or
 * explicit anchor) of a Markdown target when it names one. Docs are product: a link that leads
 * nowhere is a bug, caught here when a file or heading is renamed or moved.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchors, brokenLinks, slug } from '../helpers/doc-links.js';

const root = new URL('../../', import.meta.url).pathname;
/** The top-level docs, and every Markdown file under these folders. */
const TOP = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md'];
const FOLDERS = ['docs', 'examples', 'scripts', '.github'];

function markdownUnder(dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}
const files = [...TOP.filter((f) => existsSync(join(root, f))), ...FOLDERS.flatMap(markdownUnder)].sort();

describe('relative links in the docs', () => {
  it('covers the top-level docs and docs/', () => {
    for (const file of ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md']) expect(files).toContain(file);
    expect(files.some((f) => f.startsWith('docs/'))).toBe(true);
    for (const file of files) expect(existsSync(join(root, file))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    expect(brokenLinks(root, file).map((b) => `${b.href}: ${b.problem}`)).toEqual([]);
  });
});

describe('the link checker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zd-gate-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes GitHub's heading slugs", () => {
    expect(slug("The seeds' experiment, reproduced")).toBe('the-seeds-experiment-reproduced');
    expect(slug('`deregistration-delay`'.replace(/`/g, ''))).toBe('deregistration-delay');
    expect(slug('Inputs and exit codes')).toBe('inputs-and-exit-codes');
    expect(slug('Node 22 / node24: what runs where?')).toBe('node-22--node24-what-runs-where');
    expect([...anchors('# A\n\n## A\n\n### `code` and *em*\n\n<a id="custom"></a>\n')]).toEqual([
      'a',
      'a-1',
      'code-and-em',
      'custom',
    ]);
  });

  it('reports missing files and headings, and ignores external links and code', () => {
    mkdirSync(join(dir, 'docs'), { recursive: true });
    writeFileSync(join(dir, 'docs/target.md'), '# Target\n\n## How it works\n');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '# Readme',
        '',
        '[ok](docs/target.md) [ok anchor](docs/target.md#how-it-works) [self](#readme) [folder](docs/)',
        '[missing](docs/missing.md) [bad anchor](docs/target.md#how-it-fails) [bad self](#nowhere)',
        '[ref][r] ![image](docs/missing.png) [outside](../elsewhere.md)',
        '[external](https://example.com/x.md) `[code](docs/missing.md)`',
        '',
        '```md',
        '[fenced](docs/missing.md)',
        '```',
        '',
        '[r]: docs/gone.md',
        '',
      ].join('\n'),
    );
    expect(brokenLinks(dir, 'README.md')).toEqual([
      { file: 'README.md', href: 'docs/missing.md', problem: 'docs/missing.md does not exist' },
      {
        file: 'README.md',
        href: 'docs/target.md#how-it-fails',
        problem: 'docs/target.md has no heading or anchor #how-it-fails',
      },
      { file: 'README.md', href: '#nowhere', problem: 'README.md has no heading or anchor #nowhere' },
      { file: 'README.md', href: 'docs/gone.md', problem: 'docs/gone.md does not exist' },
      { file: 'README.md', href: 'docs/missing.png', problem: 'docs/missing.png does not exist' },
      { file: 'README.md', href: '../elsewhere.md', problem: 'points outside the repository' },
    ]);
  });
});
