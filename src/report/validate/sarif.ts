/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rule
 * metadata in tool.driver.rules, precise regions, input problems as tool notifications.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../../core/findings.js';
import type { Range } from '../../core/manifest/types.js';
import type { Rule } from '../../core/rules/rule.js';
import { VERSION } from '../../version.js';
import { docsBase, ruleDocsUrl, ruleMarkdown } from '../rule-docs.js';
import type { ValidateReport } from './report.js';

/**
 * A file as SARIF wants it: a path in the workspace is a relative reference, each segment
 * percent-encoded (a `#` or space in a file name would otherwise start a fragment or break the
 * URI), resolved against %SRCROOT%; a file outside the workspace is an absolute `file:` URI; input
 * read from standard input has no URI at all (the result then carries no physical location).
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } | undefined {
  if (file === '' || file === '<stdin>') return undefined;
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

type Region = { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };

interface PhysicalLocation {
  readonly artifactLocation: { uri: string; uriBaseId?: string };
  readonly region?: Region;
}

function physical(file: string, region: Region | undefined): PhysicalLocation | undefined {
  const artifact = artifactLocation(file);
  return artifact ? { artifactLocation: artifact, ...(region ? { region } : {}) } : undefined;
}

function regionOf(r: Range): Region {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'recommendation' };

export function formatSarif(report: ValidateReport, rules: readonly Rule[], base: string = docsBase()): string {
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
              helpUri: ruleDocsUrl(r.meta.id, base),
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
              ...withPhysical(p.file ? physical(p.file, p.line ? { startLine: p.line } : undefined) : undefined),
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number | undefined): Record<string, unknown> {
  const object = f.object ? `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}` : '';
  const here = physical(f.file, regionOf(f));
  const rendered = f.rendered ? physical(f.rendered.file, regionOf(f.rendered)) : undefined;
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: {
      text: f.rendered
        ? `${sarifText(f.message)} Rendered as [${sarifText(`${f.rendered.file}:${f.rendered.line}`)}](1).`
        : f.message,
    },
    ...(here
      ? {
          locations: [
            {
              physicalLocation: here,
              ...(f.object
                ? { logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }
                : {}),
            },
          ],
        }
      : f.object
        ? { locations: [{ logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }] }
        : {}),
    // Mapped to its template: where it was in the rendered output.
    ...(rendered
      ? { relatedLocations: [{ id: 1, physicalLocation: rendered, message: { text: 'Rendered output' } }] }
      : {}),
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

function withPhysical(p: PhysicalLocation | undefined): { locations?: { physicalLocation: PhysicalLocation }[] } {
  return p ? { locations: [{ physicalLocation: p }] } : {};
}

/** SARIF message text with embedded links: a literal `[` or `]` (or `\\`) is escaped with a backslash. */
function sarifText(s: string): string {
  return s.replace(/[[\]\\]/g, '\\$&');
}
