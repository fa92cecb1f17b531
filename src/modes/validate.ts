/**
 * validate: read the rendered manifests, check them, report. The core (parse, graph, rules) is
 * pure; this module wires it to files, the config file and the outputs of the action or the CLI.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readConfigFile, readManifests } from '../adapters/files.js';
import { resolveSources, type SourceOptions } from '../adapters/sources.js';
import { mapFindings, sourcesNeeded } from '../core/sourcemap/map.js';
import type { Problem } from '../core/findings.js';
import { EMPTY_CONFIG, parseConfig } from '../core/lint/config.js';
import { lint, type LintResult } from '../core/lint/engine.js';
import { parseFile } from '../core/manifest/parse.js';
import { RULES } from '../core/rules/index.js';
import type { AnnotationProperties, Host } from '../host.js';
import {
  ANNOTATION_LIMIT,
  omittedCount,
  planAnnotations,
  type Annotation,
  type AnnotationPlan,
} from '../report/validate/annotations.js';
import {
  CHECK_RUN_TEXT_BYTES,
  JOB_SUMMARY_BYTES,
  MESSAGE_CHARS,
  PR_COMMENT_BYTES,
  shorten,
} from '../report/validate/limits.js';
import { checkRunContent } from '../report/validate/check-run.js';
import { describeOverrides } from '../report/validate/overrides.js';
import { docsBase } from '../report/rule-docs.js';
import { formatJson } from '../report/validate/json.js';
import { countBySeverity, type ValidateReport } from '../report/validate/report.js';
import { formatSarif } from '../report/validate/sarif.js';
import { renderMarkdown } from '../report/validate/summary.js';
import { formatText } from '../report/validate/text.js';
import { logText } from '../report/log.js';
import type { ValidateSettings } from '../settings.js';
import type { ModeResult } from './result.js';

export interface ValidateIo {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface CheckContext {
  readonly cwd: string;
  /** Paths in the report are relative to this folder (the workspace). */
  readonly displayRoot: string;
  readonly stdin?: NodeJS.ReadableStream;
  /** The action's workspace: nothing named inside it is read from outside it through links. */
  readonly confineTo?: string;
  /** `input \`max-input-size\`` or `--max-input-size`, for the message when the inputs are over it. */
  readonly limitName?: string;
}

/** Checks the manifests; never throws for bad input (that is a problem in the report, exit code 2). */
export async function check(settings: ValidateSettings, context: CheckContext): Promise<ValidateReport> {
  const { cwd, displayRoot, stdin, confineTo, limitName } = context;
  const problems: Problem[] = [];
  const cfg = await readConfigFile(settings.configFile, cwd, confineTo);
  let config = EMPTY_CONFIG;
  if (cfg.problem) problems.push(cfg.problem);
  if (cfg.file) {
    const parsed = parseConfig(cfg.file.text, cfg.file.path, RULES);
    config = parsed.config;
    append(problems, parsed.problems);
  }
  const read = await readManifests(settings.manifests, {
    cwd,
    displayRoot,
    ...(stdin ? { stdin } : {}),
    ...(confineTo ? { confineTo } : {}),
    maxTotalBytes: settings.maxInputBytes,
    ...(limitName ? { totalLimitName: limitName } : {}),
  });
  append(problems, read.problems);
  const parsed = read.files.map(parseFile);
  let result: Pick<LintResult, 'findings' | 'problems' | 'objectCount' | 'suppressed' | 'unserved'> & {
    workloadsChecked: number;
    objects: LintResult['graph']['objects'];
  };
  try {
    const r = lint({ files: parsed, defaultNamespace: settings.namespace, config, rules: RULES });
    result = { ...r, workloadsChecked: r.graph.servedWorkloads().length, objects: r.graph.objects };
  } catch (e) {
    // The engine guards each document and rule; should something else fail, the reports still come out.
    result = {
      findings: [],
      problems: [
        {
          severity: 'error',
          message: `zd-gate failed while checking the manifests (internal error: ${e instanceof Error ? e.message : String(e)}); nothing was checked. Please report this with the input that caused it.`,
        },
      ],
      objectCount: 0,
      suppressed: 0,
      unserved: [],
      workloadsChecked: 0,
      objects: [],
    };
  }
  append(problems, result.problems);

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
      workloadsChecked: result.workloadsChecked,
      errors: counts.error,
      warnings: counts.warning,
      notices: counts.notice,
      suppressed: result.suppressed,
      failOn: settings.failOn,
      failed: inputError || failing > 0,
      unchecked: result.unserved,
      inputBytes: read.bytes,
      skipped: read.skipped,
    },
    overrides: describeOverrides(config, cfg.file?.path, RULES, result.objects),
  };
}

/** `to.push(...from)` without spreading: the input decides how many problems there are (130,000 is a 1 MB file). */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

/**
 * Moves findings from rendered output (helm template, kustomize build) onto the template or base
 * file they came from, when that file is in the workspace; what cannot be placed stays on the
 * rendered file, with a notice saying why and what to set.
 */
export async function mapToSources(report: ValidateReport, opts: SourceOptions): Promise<ValidateReport> {
  const refs = sourcesNeeded(report.findings);
  if (refs.length === 0) return report;
  const { resolved, problems } = await resolveSources(refs, opts);
  const { findings } = mapFindings(report.findings, resolved);
  return { ...report, findings, problems: [...report.problems, ...problems] };
}

export async function runValidate(settings: ValidateSettings, host: Host, io?: ValidateIo): Promise<ModeResult> {
  const cwd = process.cwd();
  const displayRoot = host.env.GITHUB_WORKSPACE || cwd;
  const workspace = host.kind === 'action' ? host.env.GITHUB_WORKSPACE || undefined : undefined;
  const checked = await check(settings, {
    cwd,
    displayRoot,
    ...(io?.stdin ? { stdin: io.stdin } : {}),
    ...(workspace ? { confineTo: workspace } : {}),
    limitName: host.kind === 'action' ? 'input `max-input-size`' : '--max-input-size',
  });
  const report = await mapToSources(checked, {
    workspace: displayRoot,
    chartRoots: settings.chartRoots.map((r) => path.resolve(cwd, r)),
    ...(settings.kustomizeRoot ? { kustomizeRoot: path.resolve(cwd, settings.kustomizeRoot) } : {}),
  });
  const s = report.summary;
  const exitCode: ModeResult['exitCode'] = report.problems.some((p) => p.severity === 'error') ? 2 : s.failed ? 1 : 0;
  const message =
    exitCode === 2
      ? inputErrorMessage(report)
      : exitCode === 1
        ? `${s.errors} error${s.errors === 1 ? '' : 's'} and ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (fail-on: ${s.failOn})`
        : undefined;

  const docs = docsBase(host.env);
  if (host.kind === 'cli') {
    await writeCli(settings, report, io?.stdout ?? process.stdout, docs, (t) => host.redact(t));
  } else {
    // The action fails the step with one `::error` line of its own (main.ts): keep its slot.
    await reportToGitHub(settings, report, host, { docs, closingError: exitCode !== 0 });
  }
  // The text report already lists the input errors; the CLI need not repeat the first one.
  const shown = exitCode === 2 && host.kind === 'cli' && settings.format === 'text';
  return message === undefined ? { exitCode } : { exitCode, message, shown };
}

function inputErrorMessage(report: ValidateReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const first = shorten(errors[0]?.message ?? '', MESSAGE_CHARS);
  return errors.length === 1 ? `input error: ${first}` : `${errors.length} input errors; the first: ${first}`;
}

/**
 * The CLI's report on standard output. The text and `github` formats are log output (a workflow
 * step's log): redacted like everything the host writes. JSON and SARIF are data, written exactly.
 */
async function writeCli(
  settings: ValidateSettings,
  report: ValidateReport,
  out: NodeJS.WritableStream,
  docs: string,
  redact: (text: string) => string,
): Promise<void> {
  if (settings.sarifFile) await writeFileEnsuringDir(settings.sarifFile, formatSarif(report, RULES, docs));
  switch (settings.format) {
    case 'json':
      out.write(formatJson(report));
      return;
    case 'sarif':
      out.write(formatSarif(report, RULES, docs));
      return;
    case 'github': {
      const plan = planAnnotations(report.findings, report.problems, { docs });
      await issueWorkflowCommands(plan, redact);
      out.write(logText(redact(formatText({ ...report, findings: [], problems: [] }))));
      const omitted = omittedCount(plan);
      if (omitted > 0)
        out.write(
          logText(
            `${omitted} more findings are not annotated (GitHub shows 10 per severity in a step); use --format json or --sarif-file to see them all.\n`,
          ),
        );
      return;
    }
    case 'text':
      out.write(logText(redact(formatText(report))));
  }
}

interface GitHubReportOptions {
  readonly docs: string;
  /** The step will end with zd-gate's own `::error` line (the failure message). */
  readonly closingError: boolean;
}

/**
 * The action's reports, in an order that keeps every budget: files and outputs first, then the
 * GitHub API (whose failures become warnings), then the annotations (GitHub shows 10 per severity
 * per step, zd-gate's own lines included, so those slots are kept), then the job summary.
 */
async function reportToGitHub(
  settings: ValidateSettings,
  report: ValidateReport,
  host: Host,
  opts: GitHubReportOptions,
): Promise<void> {
  const temp = host.env.RUNNER_TEMP || process.cwd();
  host.info(formatText(report).trimEnd());
  const sarifFile = settings.sarifFile || path.join(temp, 'zd-gate.sarif');
  const findingsFile = path.join(temp, 'zd-gate-findings.json');
  await writeFileEnsuringDir(sarifFile, formatSarif(report, RULES, opts.docs));
  await writeFileEnsuringDir(findingsFile, formatJson(report));
  host.setOutput('errors', report.summary.errors);
  host.setOutput('warnings', report.summary.warnings);
  host.setOutput('findings-file', findingsFile);
  host.setOutput('sarif-file', sarifFile);

  const files = { sarifFile, findingsFile, docs: opts.docs };
  const warnings: string[] = [];
  let checkRunUrl: string | undefined;
  let checkRunAnnotations: number | undefined;
  if (settings.githubToken) {
    const { publishCheckRun, upsertPrComment } = await import('../adapters/github.js');
    const content = checkRunContent(report, opts.docs);
    const held = content.annotations.length < content.total ? content.annotations.length : undefined;
    // Surfaces the host does not write itself: redacted here, like everything it writes.
    const run = await publishCheckRun(settings.githubToken, {
      name: settings.checkName,
      title: content.title,
      conclusion: content.conclusion,
      annotations: content.annotations.map((a) => ({
        ...a,
        title: host.redact(a.title),
        message: host.redact(a.message),
      })),
      summary: host.redactMarkdown(
        renderMarkdown(report, {
          limit: CHECK_RUN_TEXT_BYTES,
          ...files,
          ...(held !== undefined ? { checkRunAnnotations: held } : {}),
        }),
      ),
    });
    if (run.warning) warnings.push(run.warning);
    else {
      checkRunUrl = run.url;
      checkRunAnnotations = held;
      host.info(
        `Check run "${settings.checkName}": ${content.annotations.length} annotation${content.annotations.length === 1 ? '' : 's'} in ${run.requests} request${run.requests === 1 ? '' : 's'}${held !== undefined ? ` (of ${content.total}; the rest are in the SARIF and findings files)` : ''}: ${run.url ?? ''}`,
      );
    }
    if (settings.prComment) {
      const comment = await upsertPrComment(
        settings.githubToken,
        host.redactMarkdown(
          renderMarkdown(report, {
            limit: PR_COMMENT_BYTES - COMMENT_ROOM,
            ...files,
            ...(checkRunUrl ? { checkRunUrl } : {}),
            ...(checkRunAnnotations !== undefined ? { checkRunAnnotations } : {}),
          }),
        ),
      );
      if (comment.warning) warnings.push(comment.warning);
      if (comment.info) host.info(comment.info);
    }
  } else if (settings.prComment) {
    warnings.push('pr-comment needs github-token; no comment written.');
  }

  let plan: AnnotationPlan | undefined;
  if (settings.annotations) {
    plan = planAnnotations(report.findings, report.problems, {
      docs: opts.docs,
      reserve: { error: opts.closingError ? 1 : 0, warning: Math.min(warnings.length, ANNOTATION_LIMIT.warning) },
    });
    for (const a of plan.annotations) {
      const props = annotationProps(a);
      if (a.severity === 'error') host.error(a.message, props);
      else if (a.severity === 'warning') host.warning(a.message, props);
      else host.notice(a.message, props);
    }
  }
  warnings.forEach((w, i) => (i < ANNOTATION_LIMIT.warning ? host.warning(w) : host.info(`warning: ${w}`)));
  await host.appendSummary(
    renderMarkdown(report, {
      limit: JOB_SUMMARY_BYTES,
      ...files,
      ...(plan ? { plan } : {}),
      ...(checkRunUrl ? { checkRunUrl } : {}),
      ...(checkRunAnnotations !== undefined ? { checkRunAnnotations } : {}),
    }),
  );
}

/** Room in a PR comment for zd-gate's marker line. */
const COMMENT_ROOM = 64;

/**
 * `--format github` (the CLI inside a workflow): the same annotation budget as the action, issued
 * through @actions/core, which owns the workflow-command escaping.
 */
async function issueWorkflowCommands(plan: AnnotationPlan, redact: (text: string) => string): Promise<void> {
  const core = await import('@actions/core');
  for (const a of plan.annotations) {
    const props = { ...annotationProps(a), title: redact(a.title) };
    const message = redact(a.message);
    if (a.severity === 'error') core.error(message, props);
    else if (a.severity === 'warning') core.warning(message, props);
    else core.notice(message, props);
  }
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
