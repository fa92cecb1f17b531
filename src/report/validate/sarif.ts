/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rule
 * metadata in tool.driver.rules, precise regions, input problems as tool notifications.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../../core/findings.js';
import type { Rule } from '../../core/rules/rule.js';
import { VERSION } from '../../version.js';
import { ruleMarkdown } from '../rule-docs.js';
import type { ValidateReport } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'recommendation' };

export function formatSarif(report: ValidateReport, rules: readonly Rule[]): string {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zd-gate',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((r) => ({
              id: r.meta.id,
              name: r.meta.id
                .replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
                .replace(/^\w/, (c) => c.toUpperCase()),
              shortDescription: { text: r.meta.summary },
              fullDescription: { text: r.meta.rationale.replace(/[*`]/g, '') },
              help: { text: `${r.meta.fix}`, markdown: ruleMarkdown(r.meta, 2) },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: {
                tags: ['kubernetes', 'zero-downtime', 'aws-load-balancer'],
                precision: 'high',
                'problem.severity': SECURITY_SEVERITY[r.meta.severity],
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The workspace the manifests were read from.' } } },
        results: report.findings.map((f) => result(f, index.get(f.ruleId))),
        invocations: [
          {
            executionSuccessful: !report.problems.some((p) => p.severity === 'error'),
            toolExecutionNotifications: report.problems.map((p) => ({
              level: LEVEL[p.severity],
              message: { text: p.message },
              ...(p.file
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: p.file, uriBaseId: '%SRCROOT%' },
                          ...(p.line ? { region: { startLine: p.line } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number | undefined) {
  const object = f.object ? `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}` : '';
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
        ...(f.object
          ? { logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }
          : {}),
      },
    ],
    // Stable across line moves and changed numbers: same rule, object, container and message shape.
    partialFingerprints: {
      'zdGateFinding/v1': createHash('sha256')
        .update(
          [
            f.ruleId,
            f.file,
            object,
            f.container ?? '',
            f.message.replace(/\d+/g, '#'),
            f.object ? '' : String(f.line),
          ].join('\u0000'),
        )
        .digest('hex'),
    },
  };
}
