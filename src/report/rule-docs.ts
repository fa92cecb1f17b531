/**
 * Rule documentation generated from rule metadata: the README's rule catalogue, SARIF's help
 * text, `zd-gate rules`, and the JSON Schema of `.zd-gate.yaml`. Nothing about a rule is written
 * twice by hand.
 */
import type { ParamSpec, Rule, RuleMeta } from '../core/rules/rule.js';

/** This project's repository (package.json `repository`, kept in step by __tests__/docs.test.ts). */
export const REPOSITORY = 'https://github.com/zd-gate/zd-gate';

/**
 * Where the rule pages (docs/rules/<id>.md) are read: the action's own repository at the ref the
 * workflow uses (`uses: owner/zd-gate@v1` sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF), so
 * the page matches the code that ran; otherwise this project's repository on its main branch.
 */
export function docsBase(env: Readonly<Record<string, string | undefined>> = {}): string {
  const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  const server =
    env.GITHUB_SERVER_URL && /^https:\/\/[\w.-]+(:\d+)?$/.test(env.GITHUB_SERVER_URL)
      ? env.GITHUB_SERVER_URL
      : 'https://github.com';
  if (/^[\w.-]+\/[\w.-]+$/.test(repo) && /^[\w.\/-]+$/.test(ref) && !ref.includes('..'))
    return `${server}/${repo}/blob/${ref.split('/').map(encodeURIComponent).join('/')}/docs/rules/`;
  return `${REPOSITORY}/blob/main/docs/rules/`;
}

/** The rule's documentation page. */
export function ruleDocsUrl(id: string, base: string = docsBase()): string {
  return `${base}${encodeURIComponent(id)}.md`;
}

export function ruleMarkdown(meta: RuleMeta, level = 3): string {
  const h = '#'.repeat(level);
  const out: string[] = [`${h} \`${meta.id}\``, '', `**${meta.summary}** Default severity: \`${meta.severity}\`.`, ''];
  if (meta.variants?.length) {
    out.push(`Severity: ${meta.variants.map((v) => `\`${v.severity}\` when ${v.when}`).join('; ')}.`, '');
  }
  out.push(`*Applies to:* ${meta.scope}`, '', meta.rationale, '', `*Fix:* ${meta.fix}`, '');
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
      rules: { type: 'object', additionalProperties: false, properties },
    },
  };
}
