/**
 * Scenario 8's rule: validate's verdict on a manifest agrees with what the traffic model measured
 * when that manifest was rolled out. Flagged (exit 1, at least one error finding, fail-on: error)
 * where requests failed; clean (exit 0, no error finding) where none did.
 */
import { expect } from 'vitest';
import { codes, failed, log, record } from './figures.js';
import type { ValidateRun } from './product.js';
import type { TrafficReport } from '../../sim/index.js';

export function expectValidateAgrees(what: string, validate: ValidateRun, traffic: TrafficReport): void {
  const errors = validate.findings.filter((f) => f.severity === 'error');
  const others = validate.findings.filter((f) => f.severity !== 'error');
  const failedRequests = failed(traffic);
  log(`scenario 8: validate vs traffic model, ${what}`, [
    `traffic model: ${codes(traffic)} → ${failedRequests > 0 ? `${failedRequests} failed requests` : 'no failed request'}`,
    `validate: exit ${validate.exitCode}, ${errors.length} error(s)${errors.length ? ` [${[...new Set(errors.map((f) => f.ruleId))].join(', ')}]` : ''}, ${others.length} other finding(s)${others.length ? ` [${others.map((f) => `${f.ruleId}:${f.severity}`).join(', ')}]` : ''}`,
    ...errors.map((f) => `  ${f.file}:${f.line} ${f.ruleId}: ${f.message}`),
  ]);
  record('s8-validate-agreement', {
    manifest: what,
    failedRequests,
    validateExit: validate.exitCode,
    errorRules: errors.map((f) => f.ruleId),
    otherRules: others.map((f) => `${f.ruleId}:${f.severity}`),
  });
  expect([0, 1], `validate exit code (stderr: ${validate.stderr})`).toContain(validate.exitCode);
  if (failedRequests > 0) {
    expect(validate.exitCode, `${what}: ${failedRequests} requests failed, but validate passed the manifest`).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
  } else {
    expect(
      errors.map((f) => `${f.ruleId}: ${f.message}`),
      `${what}: no request failed, but validate reports errors`,
    ).toEqual([]);
    expect(validate.exitCode).toBe(0);
  }
}
