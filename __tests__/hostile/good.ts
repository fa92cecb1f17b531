/**
 * A small set of good files with known findings, checked next to hostile input: whatever the
 * hostile files hold, these files' findings must come out exactly as when they are checked alone.
 * Everything in it lives in namespace `shop` behind the `alb` IngressClass; hostile generators stay
 * out of that namespace and those names, so they cannot legitimately change these findings.
 */
import type { Finding } from '../../src/core/findings.js';
import { EMPTY_CONFIG } from '../../src/core/lint/config.js';
import { lint } from '../../src/core/lint/engine.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import type { SourceFile } from '../../src/core/manifest/types.js';
import { RULES } from '../../src/core/rules/index.js';
import type { ValidateSettings } from '../../src/settings.js';
import { edit } from '../helpers/edit.js';
import { BEHIND_ALB_IP, DEPLOYMENT_GOOD } from '../rules/fixtures.js';

/** The good Deployment without its readinessProbe: one `readiness-probe` error at 18:9 of web.yaml. */
export const WEB_NO_PROBE = edit(
  DEPLOYMENT_GOOD,
  /        readinessProbe:\n          httpGet:\n            path: \/ready\n            port: http\n/,
  '',
);

export const GOOD_FILES: Readonly<Record<string, string>> = { ...BEHIND_ALB_IP, 'web.yaml': WEB_NO_PROBE };
export const GOOD_NAMESPACE = 'shop';
/** Names hostile objects must not take (they would change the good files' findings for real). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['shop', 'alb', 'web']);

export const goodSources = (): SourceFile[] => Object.entries(GOOD_FILES).map(([path, text]) => ({ path, text }));

/** Findings as comparable strings (rule, place, severity, message). */
export function keyOf(f: Finding): string {
  return `${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`;
}

export function lintSources(files: readonly SourceFile[]) {
  return lint({ files: files.map(parseFile), defaultNamespace: 'default', config: EMPTY_CONFIG, rules: RULES });
}

/** The good files' findings when checked alone (the reference every hostile run must keep). */
export const GOOD_FINDINGS: readonly string[] = lintSources(goodSources()).findings.map(keyOf).sort();
if (!GOOD_FINDINGS.some((k) => k.startsWith('readiness-probe web.yaml:18:9 error')))
  throw new Error(`the good set no longer has its readiness-probe finding: ${GOOD_FINDINGS.join('\n')}`);

export const isGoodFile = (path: string): boolean => path in GOOD_FILES;

/** validate's settings for check() on a folder: the defaults of the action. */
export const SETTINGS: ValidateSettings = {
  mode: 'validate',
  manifests: ['.'],
  namespace: 'default',
  configFile: undefined,
  failOn: 'error',
  annotations: true,
  sarifFile: undefined,
  githubToken: undefined,
  checkName: 'zd-gate',
  prComment: false,
  format: 'text',
  maxInputBytes: 256 * 1024 * 1024,
  chartRoots: [],
  kustomizeRoot: undefined,
};
