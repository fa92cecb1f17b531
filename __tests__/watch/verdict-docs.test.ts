/**
 * docs/watch.md's "When it fails" section is generated from the verdict table; this fails when
 * they drift (`npm run docs` rewrites it), and holds the table to its own promises.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERDICT_RULES } from '../../src/core/gate/verdicts.js';
import { verdictDocs } from '../../src/report/watch/verdict-docs.js';
import { spliceSections } from '../../scripts/docs.js';

const file = new URL('../../docs/watch.md', import.meta.url).pathname;

describe('docs/watch.md', () => {
  it('the "When it fails" section matches the verdict table', () => {
    const text = readFileSync(file, 'utf8');
    const expected = spliceSections(text, { verdicts: verdictDocs() });
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, expected);
    else expect(text, 'run `npm run docs`').toBe(expected);
  });

  it('documents every reason, result and exit code', () => {
    const text = readFileSync(file, 'utf8');
    for (const r of VERDICT_RULES) expect(text).toContain(`\`${r.reason}\``);
    for (const [result, code] of [
      ['success', 0],
      ['failed', 1],
      ['rolled-back', 1],
      ['error', 2],
    ] as const)
      expect(text).toMatch(new RegExp(`\\| \`${result}\` \\| ${code} \\|`));
  });
});
