import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    appliesTo: 'inputs',
    summary: 'Every document parses as YAML or JSON.',
    rationale:
      'A document that does not parse is not applied as intended, and none of its settings can be checked. The other documents of the file are still read and checked.',
    fix: 'Fix the syntax at the reported line (duplicate keys, indentation, unclosed brackets and quotes are the usual causes).',
    scope: 'Every input document.',
    params: {},
    examples: { incorrect: 'metadata:\n  name: web\n  name: api', correct: 'metadata:\n  name: web' },
  },
  check(ctx) {
    for (const issue of ctx.parseIssues) {
      if (issue.kind !== 'syntax') continue;
      const text = issue.message.replace(/[.\s]+$/, '');
      const fix = hint(text);
      ctx.reportIssue({
        ...issue,
        message: `${text}.${fix ? ` ${fix}` : ''} This document is not checked until it parses; the others are.`,
      });
    }
  },
});

/** The usual fix for the parser's message ('' when the message already gives one). */
function hint(message: string): string {
  if (/alias/i.test(message)) return '';
  if (/^Not valid JSON/.test(message)) {
    return /property name/.test(message)
      ? 'Remove the trailing comma, or quote the key.'
      : 'Fix the JSON at this position (commas, quotes, brackets).';
  }
  if (/keys must be unique|duplicate/i.test(message)) return 'Remove or rename the repeated key.';
  if (/tab/i.test(message)) return 'Indent with spaces.';
  if (/quote/i.test(message)) return 'A quoted string opened above is never closed: close it.';
  if (/flow (map|sequence|collection)|\]|\}/i.test(message))
    return 'Close the bracket or brace, or add the missing comma.';
  return 'Check the indentation, quotes and brackets at this line.';
}
