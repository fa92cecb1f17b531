/**
 * Checks one validate run of the action, for the self-test job in .github/workflows/ci.yml (which
 * __tests__/e2e/workflows.test.ts also runs locally): the step's outcome and its `errors` and
 * `warnings` outputs are the expected ones, and the files its `findings-file` and `sarif-file`
 * outputs name exist and agree with them.
 *
 *   node scripts/check-validate-outputs.mjs --outcome success --errors 0 --warnings 0
 *
 * The step's values come in OUTCOME, ERRORS, WARNINGS, FINDINGS_FILE and SARIF_FILE. Prints one
 * `::error::` line per mismatch and exits 1 when there is any.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: expected } = parseArgs({
  options: { outcome: { type: 'string' }, errors: { type: 'string' }, warnings: { type: 'string' } },
});
const env = process.env;
const problems = [];

for (const [name, actual] of [
  ['outcome', env.OUTCOME],
  ['errors', env.ERRORS],
  ['warnings', env.WARNINGS],
]) {
  if (expected[name] === undefined) problems.push(`--${name} is required`);
  else if (actual !== expected[name]) problems.push(`${name} is '${actual ?? ''}', expected '${expected[name]}'`);
}

function readJson(output, file) {
  if (!file) {
    problems.push(`the ${output} output is empty`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${output} ${file}: ${e.message}`);
    return undefined;
  }
}

const errors = Number(expected.errors);
const warnings = Number(expected.warnings);
const findings = readJson('findings-file', env.FINDINGS_FILE);
if (findings) {
  if (findings.summary?.errors !== errors) problems.push(`findings-file has ${findings.summary?.errors} errors`);
  if (findings.summary?.warnings !== warnings)
    problems.push(`findings-file has ${findings.summary?.warnings} warnings`);
}
const sarif = readJson('sarif-file', env.SARIF_FILE);
if (sarif) {
  const levels = (sarif.runs ?? []).flatMap((run) => run.results ?? []).map((result) => result.level);
  const count = (level) => levels.filter((l) => l === level).length;
  if (sarif.version !== '2.1.0') problems.push(`sarif-file is SARIF ${sarif.version}, not 2.1.0`);
  if (count('error') !== errors) problems.push(`sarif-file has ${count('error')} error results`);
  if (count('warning') !== warnings) problems.push(`sarif-file has ${count('warning')} warning results`);
}

if (problems.length > 0) {
  for (const problem of problems) console.log(`::error::${problem}`);
  process.exit(1);
}
console.log(`${expected.outcome}, ${errors} errors and ${warnings} warnings; the findings and SARIF files agree`);
