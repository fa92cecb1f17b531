/** `zd-gate rules`: the rule catalogue, from the rules' own metadata. */
import { RULES } from '../core/rules/index.js';
import { ruleCatalogue } from '../report/rule-docs.js';
import type { ModeResult } from './result.js';

export function runRules(format: string, out: NodeJS.WritableStream): ModeResult {
  if (format === 'json') {
    out.write(
      `${JSON.stringify(
        RULES.map((r) => r.meta),
        null,
        2,
      )}\n`,
    );
    return { exitCode: 0 };
  }
  if (format !== 'markdown' && format !== 'text')
    return { exitCode: 2, message: `--format ${format}: use markdown or json` };
  out.write(`${ruleCatalogue(RULES)}\n`);
  return { exitCode: 0 };
}
