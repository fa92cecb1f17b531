import { defineRule } from './rule.js';

export default defineRule({
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    summary: 'Every document parses as YAML or JSON.',
    rationale:
      'A document that does not parse is not applied as intended, and none of its settings can be checked. The other documents of the file are still read and checked.',
    fix: 'Fix the syntax at the reported line (duplicate keys, indentation, unclosed brackets and quotes are the usual causes).',
    scope: 'Every input document.',
    params: {},
    examples: { incorrect: 'metadata:\n  name: web\n  name: api', correct: 'metadata:\n  name: web' },
  },
  check(ctx) {
    for (const issue of ctx.parseIssues) if (issue.kind === 'syntax') ctx.reportIssue(issue);
  },
});
