/**
 * validate: read the rendered manifests, check them, report. The core (parse, graph, rules) is
 * pure; this module wires it to files, the config file and the outputs of the action or the CLI.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfigFile, readManifests } from '../adapters/files.js';
import type { Problem } from '../core/findings.js';
import { EMPTY_CONFIG, parseConfig } from '../core/lint/config.js';
import { lint } from '../core/lint/engine.js';
import { parseFile } from '../core/manifest/parse.js';
import { RULES } from '../core/rules/index.js';
import type { AnnotationProperties, Host } from '../host.js';
import { planAnnotations, type Annotation, type AnnotationPlan } from '../report/validate/annotations.js';
import { formatJson } from '../report/validate/json.js';
import { countBySeverity, type ValidateReport } from '../report/validate/report.js';
import { formatSarif } from '../report/validate/sarif.js';
import { formatSummary } from '../report/validate/summary.js';
import { formatText } from '../report/validate/text.js';
import { logText } from '../report/log.js';
import type { ValidateSettings } from '../settings.js';
import type { ModeResult } from './result.js';

export interface ValidateIo {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

/** Checks the manifests; never throws for bad input (that is a problem in the report, exit code 2). */
export async function check(
  settings: ValidateSettings,
  cwd: string,
  displayRoot: string,
  stdin?: NodeJS.ReadableStream,
): Promise<ValidateReport> {
  const problems: Problem[] = [];
  const cfg = await readConfigFile(settings.configFile, cwd);
  let config = EMPTY_CONFIG;
  if (cfg.problem) problems.push(cfg.problem);
  if (cfg.file) {
    const parsed = parseConfig(cfg.file.text, cfg.file.path, RULES);
    config = parsed.config;
    problems.push(...parsed.problems);
  }
  const read = await readManifests(settings.manifests, { cwd, displayRoot, ...(stdin ? { stdin } : {}) });
  problems.push(...read.problems);
  const result = lint({ files: read.files.map(parseFile), defaultNamespace: settings.namespace, config, rules: RULES });
  problems.push(...result.problems);

  if (result.objectCount === 0 && result.findings.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({
      severity: 'error',
      message: `No Kubernetes objects in ${read.files.length} file${read.files.length === 1 ? '' : 's'}: nothing was checked. Point \`manifests\` at rendered output (helm template, kustomize build).`,
    });
  }
  const counts = countBySeverity(result.findings);
  const inputError = problems.some((p) => p.severity === 'error');
  const failing =
    settings.failOn === 'never' ? 0 : settings.failOn === 'warning' ? counts.error + counts.warning : counts.error;
  return {
    findings: result.findings,
    problems,
    summary: {
      files: read.files.length,
      objects: result.objectCount,
      workloadsChecked: result.graph.servedWorkloads().length,
      errors: counts.error,
      warnings: counts.warning,
      notices: counts.notice,
      suppressed: result.suppressed,
      failOn: settings.failOn,
      failed: inputError || failing > 0,
      unchecked: result.unserved,
    },
  };
}

export async function runValidate(settings: ValidateSettings, host: Host, io?: ValidateIo): Promise<ModeResult> {
  const cwd = process.cwd();
  const displayRoot = host.env.GITHUB_WORKSPACE || cwd;
  const report = await check(settings, cwd, displayRoot, io?.stdin);
  const s = report.summary;
  const exitCode: ModeResult['exitCode'] = report.problems.some((p) => p.severity === 'error') ? 2 : s.failed ? 1 : 0;
  const message =
    exitCode === 2
      ? inputErrorMessage(report)
      : exitCode === 1
        ? `${s.errors} error${s.errors === 1 ? '' : 's'} and ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (fail-on: ${s.failOn})`
        : undefined;

  if (host.kind === 'cli') {
    await writeCli(settings, report, io?.stdout ?? process.stdout);
  } else {
    await reportToGitHub(settings, report, host);
  }
  // The text report already lists the input errors; the CLI need not repeat the first one.
  const shown = exitCode === 2 && host.kind === 'cli' && settings.format === 'text';
  return message === undefined ? { exitCode } : { exitCode, message, shown };
}

function inputErrorMessage(report: ValidateReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const first = errors[0]?.message ?? '';
  return errors.length === 1 ? `input error: ${first}` : `${errors.length} input errors; the first: ${first}`;
}

async function writeCli(settings: ValidateSettings, report: ValidateReport, out: NodeJS.WritableStream): Promise<void> {
  if (settings.sarifFile) await writeFileEnsuringDir(settings.sarifFile, formatSarif(report, RULES));
  switch (settings.format) {
    case 'json':
      out.write(formatJson(report));
      return;
    case 'sarif':
      out.write(formatSarif(report, RULES));
      return;
    case 'github':
      await issueWorkflowCommands(planAnnotations(report.findings, report.problems));
      out.write(logText(formatText({ ...report, findings: [], problems: [] })));
      return;
    default:
      out.write(logText(formatText(report)));
  }
}

async function reportToGitHub(settings: ValidateSettings, report: ValidateReport, host: Host): Promise<void> {
  const temp = host.env.RUNNER_TEMP || process.cwd();
  host.info(formatText(report).trimEnd());
  let plan: AnnotationPlan | undefined;
  if (settings.annotations) {
    plan = planAnnotations(report.findings, report.problems);
    for (const a of plan.annotations) {
      const props = annotationProps(a);
      if (a.severity === 'error') host.error(a.message, props);
      else if (a.severity === 'warning') host.warning(a.message, props);
      else host.notice(a.message, props);
    }
  }
  const sarifFile = settings.sarifFile || path.join(temp, 'zd-gate.sarif');
  const findingsFile = path.join(temp, 'zd-gate-findings.json');
  await writeFileEnsuringDir(sarifFile, formatSarif(report, RULES));
  await writeFileEnsuringDir(findingsFile, formatJson(report));
  host.setOutput('errors', report.summary.errors);
  host.setOutput('warnings', report.summary.warnings);
  host.setOutput('findings-file', findingsFile);
  host.setOutput('sarif-file', sarifFile);

  let checkRunUrl: string | undefined;
  if (settings.githubToken) {
    const { publishCheckRun, upsertPrComment } = await import('../adapters/github.js');
    checkRunUrl = await publishCheckRun(
      settings.githubToken,
      settings.checkName,
      report,
      formatSummary(report, undefined, { sarifFile }),
      host,
    );
    if (settings.prComment)
      await upsertPrComment(
        settings.githubToken,
        formatSummary(report, undefined, checkRunUrl ? { checkRunUrl } : {}),
        host,
      );
  } else if (settings.prComment) {
    host.warning('pr-comment needs github-token; no comment written.');
  }
  await host.appendSummary(formatSummary(report, plan, { ...(checkRunUrl ? { checkRunUrl } : {}), sarifFile }));
}

/**
 * `--format github` (the CLI inside a workflow): the same annotation budget as the action, issued
 * through @actions/core, which owns the workflow-command escaping.
 */
async function issueWorkflowCommands(plan: AnnotationPlan): Promise<void> {
  const core = await import('@actions/core');
  for (const a of plan.annotations) {
    const props = annotationProps(a);
    if (a.severity === 'error') core.error(a.message, props);
    else if (a.severity === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  const omitted = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
  if (omitted > 0)
    core.notice(
      `${omitted} more findings are not annotated (GitHub shows 10 per severity in a step); use --format json or --sarif-file to see them all.`,
      { title: 'zd-gate' },
    );
}

function annotationProps(a: Annotation): AnnotationProperties {
  return {
    title: a.title,
    ...(a.file ? { file: a.file } : {}),
    ...(a.startLine ? { startLine: a.startLine } : {}),
    ...(a.endLine ? { endLine: a.endLine } : {}),
    ...(a.startColumn !== undefined && a.endColumn !== undefined
      ? { startColumn: a.startColumn, endColumn: a.endColumn }
      : {}),
  };
}

async function writeFileEnsuringDir(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, content);
}
