/**
 * Rule documentation generated from rule metadata: the README's rule catalogue, SARIF's help
 * text, `zd-gate rules`, and the JSON Schema of `.zd-gate.yaml`. Nothing about a rule is written
 * twice by hand.
 */
import { SCOPE_KEYS } from '../core/lint/config.js';
import { APPLICABILITY, type ParamSpec, type Rule, type RuleMeta } from '../core/rules/rule.js';

export function ruleMarkdown(meta: RuleMeta, level = 3): string {
  const h = '#'.repeat(level);
  const out: string[] = [`${h} \`${meta.id}\``, '', `**${meta.summary}** Default severity: \`${meta.severity}\`.`, ''];
  if (meta.variants?.length) {
    out.push(`Severity: ${meta.variants.map((v) => `\`${v.severity}\` when ${v.when}`).join('; ')}.`, '');
  }
  out.push(
    `*Applies to:* ${meta.scope}`,
    '',
    `*Scope model:* ${APPLICABILITY[meta.appliesTo]}`,
    '',
    meta.rationale,
    '',
    `*Fix:* ${meta.fix}`,
    '',
  );
  const params = Object.entries(meta.params);
  if (params.length > 0) {
    out.push('| Parameter | Default | Meaning |', '|---|---|---|');
    for (const [name, spec] of params) out.push(`| \`${name}\` | \`${formatDefault(spec)}\` | ${spec.description} |`);
    out.push('');
  }
  if (meta.examples) {
    out.push(
      'Incorrect:',
      '',
      '```yaml',
      meta.examples.incorrect,
      '```',
      '',
      'Correct:',
      '',
      '```yaml',
      meta.examples.correct,
      '```',
      '',
    );
  }
  if (meta.references?.length) {
    out.push(`References: ${meta.references.map((r) => `[${r.title}](${r.url})`).join('; ')}.`, '');
  }
  return out.join('\n');
}

export function ruleCatalogue(rules: readonly Rule[]): string {
  const table = [
    '| Rule | Default | Checks |',
    '|---|---|---|',
    ...rules.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.severity} | ${r.meta.summary} |`),
  ];
  return [...table, '', ...rules.map((r) => ruleMarkdown(r.meta, 3))].join('\n');
}

function formatDefault(spec: ParamSpec): string {
  return spec.type === 'integer' ? String(spec.default) : JSON.stringify(spec.default);
}

/** JSON Schema (draft-07) for `.zd-gate.yaml`, so editors complete and check it. */
export function configSchema(rules: readonly Rule[]): Record<string, unknown> {
  const level = { enum: ['error', 'warning', 'notice', 'off'] };
  const properties: Record<string, unknown> = {};
  for (const r of rules) {
    const params: Record<string, unknown> = { severity: { ...level, description: `Default: ${r.meta.severity}.` } };
    for (const [name, spec] of Object.entries(r.meta.params)) {
      params[name] =
        spec.type === 'integer'
          ? {
              type: 'integer',
              default: spec.default,
              ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
              description: spec.description,
            }
          : { type: 'array', items: { type: 'string' }, default: spec.default, description: spec.description };
    }
    properties[r.meta.id] = {
      description: r.meta.summary,
      oneOf: [
        { ...level },
        { type: 'boolean', const: false },
        { type: 'object', additionalProperties: false, properties: params },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'zd-gate configuration (.zd-gate.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      scope: {
        type: 'object',
        additionalProperties: false,
        description: 'The scope model: how rules treat workloads no load balancer fronts (docs/validate-scope.md).',
        properties: Object.fromEntries(
          Object.entries(SCOPE_KEYS).map(([k, v]) => [
            k,
            { enum: [...v.values], default: v.default, description: v.description },
          ]),
        ),
      },
      rules: { type: 'object', additionalProperties: false, properties },
    },
  };
}
