/** The JSON contract (--format json, the findings file) is bounded however long the input's strings are. */
import { describe, expect, it } from 'vitest';
import { NOTHING_SKIPPED } from '../../src/adapters/files.js';
import { formatJson, MAX_JSON_STRING } from '../../src/report/validate/json.js';

describe('formatJson', () => {
  it('shortens a 5 MB name in every string it appears in, with an ellipsis', () => {
    const name = 'x'.repeat(5 * 1024 * 1024);
    const json = formatJson({
      findings: Array.from({ length: 3 }, (_, i) => ({
        ruleId: 'readiness-probe',
        severity: 'error' as const,
        message: `Deployment shop/${name} has no readinessProbe (${i}).`,
        file: 'rendered.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        object: { kind: 'Deployment', namespace: 'shop', name },
      })),
      problems: [{ severity: 'notice', message: `Not a Kubernetes object: ${name}` }],
      summary: {
        files: 1,
        objects: 1,
        workloadsChecked: 1,
        errors: 3,
        warnings: 0,
        notices: 0,
        suppressed: 0,
        failOn: 'error',
        failed: true,
        unchecked: [],
        inputBytes: name.length,
        skipped: NOTHING_SKIPPED,
      },
    });
    expect(json.length).toBeLessThan(10 * MAX_JSON_STRING);
    const parsed = JSON.parse(json) as { findings: { message: string; object: { name: string } }[] };
    expect(parsed.findings[0]!.object.name).toHaveLength(MAX_JSON_STRING);
    expect(parsed.findings[0]!.object.name.endsWith('…')).toBe(true);
    expect(parsed.findings[2]!.message.startsWith('Deployment shop/xxx')).toBe(true);
  });
});
