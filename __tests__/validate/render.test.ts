/**
 * The one markdown renderer of the job summary, check run and PR comment, at GitHub's limits:
 * whole rows only, an exact count of what is left out, long names shortened, and what the
 * configuration turns off shown next to the verdict.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { CHECK_RUN_TEXT_BYTES, JOB_SUMMARY_BYTES, PR_COMMENT_BYTES } from '../../src/report/validate/limits.js';
import type { ValidateReport } from '../../src/report/validate/report.js';
import { NOTHING_SKIPPED } from '../../src/adapters/files.js';
import { renderMarkdown } from '../../src/report/validate/summary.js';
import { formatText } from '../../src/report/validate/text.js';
import { HOSTILE } from '../helpers/hostile.js';

function report(findings: Finding[], extra: Partial<ValidateReport> = {}): ValidateReport {
  return {
    findings,
    problems: [],
    summary: {
      files: 1,
      objects: findings.length,
      workloadsChecked: findings.length,
      errors: findings.length,
      warnings: 0,
      notices: 0,
      suppressed: 0,
      failOn: 'error',
      failed: findings.length > 0,
      unchecked: [],
      inputBytes: 0,
      skipped: NOTHING_SKIPPED,
    },
    ...extra,
  };
}

const finding = (i: number, name = `web-${i}`): Finding => ({
  ruleId: 'readiness-probe',
  severity: 'error',
  message: `Deployment shop/${name}, container \`web\` has no readinessProbe.`,
  file: `charts/shop/templates/deployment-${i}.yaml`,
  line: 29,
  column: 11,
  endLine: 29,
  endColumn: 26,
  object: { kind: 'Deployment', namespace: 'shop', name },
  rendered: { file: '/runner/_temp/rendered.yaml', line: 100 + i, column: 1, endLine: 100 + i, endColumn: 2 },
});

const rows = (md: string): number => md.split('\n').filter((l) => l.startsWith('| 🔴 |')).length;

describe('renderMarkdown', () => {
  const many = report(Array.from({ length: 10_000 }, (_, i) => finding(i)));
  for (const [surface, limit] of [
    ['job summary', JOB_SUMMARY_BYTES],
    ['check run', CHECK_RUN_TEXT_BYTES],
    ['PR comment', PR_COMMENT_BYTES],
  ] as const) {
    it(`${surface}: within ${limit} bytes, cut at whole rows, the rest counted exactly`, () => {
      const md = renderMarkdown(many, {
        limit,
        sarifFile: '/runner/_temp/zd-gate.sarif',
        checkRunUrl: 'https://github.example/run/1',
      }).value;
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(limit);
      const shown = rows(md);
      expect(shown).toBeGreaterThan(0);
      expect(md).toContain(`**${10_000 - shown} of 10000 findings are not shown here**`);
      expect(md).toMatch(
        /All 10000 findings are in the \[check run\]\(https:\/\/github\.example\/run\/1\) and the SARIF file/,
      );
      for (const line of md.split('\n')) if (line.startsWith('|')) expect(line.endsWith('|')).toBe(true);
    });
  }

  it('a 5 MB object name is shortened, and the page stays within the comment limit', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const md = renderMarkdown(report([finding(0, huge), finding(1)]), { limit: PR_COMMENT_BYTES }).value;
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(PR_COMMENT_BYTES);
    expect(md).toContain('…');
    expect(rows(md)).toBe(2);
    expect(formatText(report([finding(0, huge)])).length).toBeLessThan(10_000);
  });

  it('hostile names stay text and never break a row', () => {
    const md = renderMarkdown(report(HOSTILE.map((h, i) => finding(i, h))), { limit: PR_COMMENT_BYTES }).value;
    expect(rows(md)).toBe(HOSTILE.length);
    expect(md).not.toMatch(/<img|<script|\]\(https:\/\/evil/);
  });

  it('says which rules the configuration turns off or lowers, and which objects waive rules', () => {
    const md = renderMarkdown(
      report([], {
        overrides: {
          configFile: '.zd-gate.yaml',
          rules: [
            { rule: 'readiness-probe', defaultSeverity: 'error', severity: 'off', params: [] },
            { rule: 'prestop-duration', defaultSeverity: 'warning', severity: 'notice', params: [] },
          ],
          waivers: [
            {
              object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
              rules: ['all'],
              file: 'deploy.yaml',
              line: 6,
            },
          ],
          waiverCount: 1,
        },
      }),
      { limit: PR_COMMENT_BYTES },
    ).value;
    expect(md).toMatch(
      /\[!WARNING\]\n> Configuration changes what is checked: `.zd-gate.yaml` turns off or lowers 2 rules; 1 object waive/,
    );
    expect(md).toContain('`readiness-probe: turned off (default error)`');
    expect(md).toContain('`prestop-duration: lowered to notice (default warning)`');
    expect(md).toMatch(/Deployment shop\/web \(`deploy\.yaml:6`\) waives `all`/);
  });

  it('says what the file search skipped and why, so a reviewer sees inputs that were not read', () => {
    const md = renderMarkdown(
      report([finding(1)], {
        summary: {
          ...report([finding(1)]).summary,
          skipped: {
            ...NOTHING_SKIPPED,
            hidden: 2,
            outsideInputs: 1,
            examples: [{ path: 'k8s/.secret/x.yaml', reason: 'hidden' }],
          },
        },
      }),
      { limit: JOB_SUMMARY_BYTES },
    ).value;
    expect(md).toContain('> Skipped while searching the inputs: 2 hidden entries, 1 link leading outside the inputs');
    expect(md).toContain('k8s/.secret/x.yaml');
  });
});
