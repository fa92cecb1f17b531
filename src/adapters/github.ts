/**
 * GitHub APIs for validate: a check run holding EVERY finding as an annotation (the Checks API
 * takes 50 per request, so the run is created with the first 50 and updated with the rest), and
 * one pull-request comment kept up to date. Failures here are warnings: the findings are still in
 * the step's annotations, summary and SARIF.
 */
import * as github from '@actions/github';
import type { Host } from '../host.js';
import type { Markdown } from '../report/markdown.js';
import { toAnnotation, type Annotation } from '../report/validate/annotations.js';
import type { ValidateReport } from '../report/validate/report.js';

export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
const COMMENT_MARKER = '<!-- zd-gate:validate -->';
const MAX_COMMENT = 60_000;

type Octokit = ReturnType<typeof github.getOctokit>;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

function checkAnnotation(a: Annotation) {
  return {
    path: a.file ?? '.',
    start_line: a.startLine ?? 1,
    end_line: a.endLine ?? a.startLine ?? 1,
    ...(a.startColumn !== undefined && a.endColumn !== undefined
      ? { start_column: a.startColumn, end_column: a.endColumn }
      : {}),
    annotation_level: LEVEL[a.severity],
    title: a.title,
    message: a.message,
  };
}

function headSha(): string {
  const pr = github.context.payload.pull_request as { head?: { sha?: string } } | undefined;
  return pr?.head?.sha ?? github.context.sha;
}

export async function publishCheckRun(
  token: string,
  name: string,
  report: ValidateReport,
  summaryMarkdown: Markdown,
  host: Host,
): Promise<string | undefined> {
  const octokit: Octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const annotations = [
    ...report.problems
      .filter((p) => p.file && p.severity === 'error')
      .map((p): Annotation => ({
        severity: 'error',
        title: 'zd-gate: input error',
        message: p.message,
        file: p.file as string,
        startLine: p.line ?? 1,
      })),
    ...report.findings.map(toAnnotation),
  ].map(checkAnnotation);
  const s = report.summary;
  const title = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'}`;
  const output = (batch: typeof annotations) => ({
    title,
    summary: truncate(summaryMarkdown.value, 65_000),
    annotations: batch,
  });
  try {
    const first = annotations.slice(0, CHECK_ANNOTATIONS_PER_REQUEST);
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name,
      head_sha: headSha(),
      status: 'completed',
      conclusion: s.failed ? 'failure' : 'success',
      output: output(first),
    });
    for (let i = CHECK_ANNOTATIONS_PER_REQUEST; i < annotations.length; i += CHECK_ANNOTATIONS_PER_REQUEST) {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: created.data.id,
        output: output(annotations.slice(i, i + CHECK_ANNOTATIONS_PER_REQUEST)),
      });
    }
    host.info(
      `Check run "${name}": ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} in ${Math.max(1, Math.ceil(annotations.length / CHECK_ANNOTATIONS_PER_REQUEST))} request(s): ${created.data.html_url ?? ''}`,
    );
    return created.data.html_url ?? undefined;
  } catch (e) {
    host.warning(
      `Could not publish the check run: ${apiError(e)}. Give the job \`permissions: checks: write\` (pull requests from forks get a read-only token).`,
    );
    return undefined;
  }
}

export async function upsertPrComment(token: string, body: Markdown, host: Host): Promise<void> {
  const pr = github.context.payload.pull_request as { number?: number } | undefined;
  if (!pr?.number) {
    host.info('pr-comment: not a pull_request event; no comment written.');
    return;
  }
  const octokit: Octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const text = `${COMMENT_MARKER}\n${truncate(body.value, MAX_COMMENT)}`;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100,
    });
    const mine = comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
    if (mine) await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
    else await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: text });
  } catch (e) {
    host.warning(
      `Could not write the pull request comment: ${apiError(e)}. Give the job \`permissions: pull-requests: write\`.`,
    );
  }
}

function apiError(e: unknown): string {
  const err = e as { status?: number; message?: string };
  return err.status ? `HTTP ${err.status} ${err.message ?? ''}`.trim() : (err.message ?? String(e));
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 80)}\n\n…truncated; see the job summary for the rest.`;
}
