/**
 * The "When it fails" section of docs/watch.md, generated from the verdict table
 * (core/gate/verdicts.ts): one row per rule, in the order the gate asks them. `npm run docs`
 * rewrites it; __tests__/watch/verdict-docs.test.ts fails when the docs drift from the table.
 */
import { VERDICT_RULES, type VerdictRule } from '../../core/gate/verdicts.js';

function result(r: VerdictRule): string {
  return r.result === 'failed' && r.rollback ? '`failed` (`rolled-back` once rolled back)' : `\`${r.result}\``;
}

export function verdictDocs(rules: readonly VerdictRule[] = VERDICT_RULES): string {
  const lines = [
    'The gate asks these rules in this order at every event; the first that answers decides. The',
    "reason is the report's `reason`, the claim its `claim` (what the verdict asserts about the",
    'watched window).',
    '',
    '| # | Reason | Result | Rolls back (`rollback: true`) | Claim |',
    '|---:|---|---|---|---|',
    ...rules.map(
      (r, i) =>
        `| ${i + 1} | [\`${r.reason}\`](#${r.reason}) | ${result(r)} | ${r.rollback ? 'yes' : 'no'} | \`${r.claim}\` |`,
    ),
    '',
    ...rules.flatMap((r) => [`#### \`${r.reason}\``, '', `**${capital(r.title)}.** ${r.doc}`, '']),
  ];
  return lines.join('\n').trimEnd();
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
