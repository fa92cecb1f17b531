/**
 * GitHub APIs for validate: a check run holding the findings as annotations (50 per request, at
 * most MAX_CHECK_ANNOTATIONS in all, so the request count is bounded whatever the input holds), and
 * one pull-request comment kept up to date. Failures here are warnings the caller reports: the
 * findings are still in the step's annotations, summary and SARIF.
 *
 * The comment is edited only when the token's own identity wrote it. GITHUB_TOKEN (an app
 * installation token) cannot call GET /user; GraphQL's `viewer` answers for it (with the bot's
 * login), which is how peers such as sticky-pull-request-comment find their own comments. A comment
 * with the marker written by anyone else is left alone and a new one is written.
 */
import * as github from '@actions/github';
import type { Markdown } from '../report/markdown.js';

/** Annotations per Checks API request (GitHub's limit). */
export const CHECK_ANNOTATIONS_PER_REQUEST = 50;
export const COMMENT_MARKER = '<!-- zd-gate:validate -->';
/** Comments read at most when looking for zd-gate's own (30 pages of 100). */
const MAX_COMMENT_PAGES = 30;

type Octokit = ReturnType<typeof github.getOctokit>;

/** A check run as report/validate/check-run.ts prepares it. */
export interface CheckRun {
  readonly name: string;
  readonly title: string;
  readonly conclusion: 'success' | 'failure';
  readonly summary: Markdown;
  readonly annotations: readonly CheckAnnotation[];
}

/** One annotation as the Checks API takes it. */
export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'failure' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
}

function headSha(): string {
  const pr = github.context.payload.pull_request as { head?: { sha?: string } } | undefined;
  return pr?.head?.sha ?? github.context.sha;
}

export interface CheckRunResult {
  readonly url?: string;
  /** A sentence for a warning when the check run could not be written. */
  readonly warning?: string;
  readonly requests: number;
}

/** Creates the check run with the first 50 annotations and adds the rest 50 per request. */
export async function publishCheckRun(token: string, run: CheckRun): Promise<CheckRunResult> {
  const octokit: Octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const batches: (typeof run.annotations)[] = [];
  for (let i = 0; i < run.annotations.length; i += CHECK_ANNOTATIONS_PER_REQUEST)
    batches.push(run.annotations.slice(i, i + CHECK_ANNOTATIONS_PER_REQUEST));
  const output = (
    batch: typeof run.annotations = [],
  ): { title: string; summary: string; annotations: typeof batch } => ({
    title: run.title,
    summary: run.summary.value,
    annotations: batch,
  });
  let requests = 0;
  try {
    requests++;
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: run.name,
      head_sha: headSha(),
      status: 'completed',
      conclusion: run.conclusion,
      output: { ...output(batches[0]), annotations: [...(batches[0] ?? [])] },
    });
    for (const batch of batches.slice(1)) {
      requests++;
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: created.data.id,
        output: { ...output(batch), annotations: [...batch] },
      });
    }
    const url = created.data.html_url ?? undefined;
    return url ? { url, requests } : { requests };
  } catch (e) {
    return { warning: `Could not publish the check run: ${apiHint(e, 'check-run')}`, requests };
  }
}

export interface CommentResult {
  readonly action?: 'created' | 'updated';
  readonly warning?: string;
  /** Said in the log (not an annotation): why no comment was written, or which one was left alone. */
  readonly info?: string;
}

export async function upsertPrComment(token: string, body: Markdown): Promise<CommentResult> {
  const pr = github.context.payload.pull_request as { number?: number } | undefined;
  if (!pr?.number)
    return {
      info: `pr-comment: the ${github.context.eventName || 'current'} event has no pull request; no comment written.`,
    };
  const octokit: Octokit = github.getOctokit(token);
  const { owner, repo } = github.context.repo;
  const text = `${COMMENT_MARKER}\n${body.value}`;
  try {
    const me = await tokenIdentity(octokit);
    let mine: { id: number } | undefined;
    let others = 0;
    let page = 0;
    for await (const res of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pr.number,
      per_page: 100,
    })) {
      for (const c of res.data) {
        if (!c.body?.startsWith(COMMENT_MARKER)) continue;
        if (me && isAuthor(me, c.user)) mine ??= c;
        else others++;
      }
      if (mine || ++page >= MAX_COMMENT_PAGES) break;
    }
    const note =
      !me && others + (mine ? 1 : 0) > 0
        ? 'pr-comment: the token identity could not be read, so no existing comment is edited; a new one is written.'
        : others > 0
          ? `pr-comment: ${others} comment${others === 1 ? '' : 's'} with zd-gate's marker ${others === 1 ? 'was' : 'were'} written by another account and ${others === 1 ? 'is' : 'are'} left alone.`
          : undefined;
    if (mine) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
      return { action: 'updated', ...(note ? { info: note } : {}) };
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: text });
    return { action: 'created', ...(note ? { info: note } : {}) };
  } catch (e) {
    return { warning: `Could not write the pull request comment: ${apiHint(e, 'comment', pr.number)}` };
  }
}

interface Identity {
  readonly id?: number;
  readonly login: string;
  readonly bot: boolean;
}

/**
 * Who the token is. A user's token answers GET /user (exact: by id). An app installation token
 * (GITHUB_TOKEN is one) gets 403 there; GraphQL `viewer` gives its bot login, which REST shows with
 * a `[bot]` suffix on comments of type Bot.
 */
export async function tokenIdentity(octokit: Octokit): Promise<Identity | undefined> {
  try {
    const u = await octokit.rest.users.getAuthenticated();
    return { id: u.data.id, login: u.data.login, bot: u.data.type === 'Bot' };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status !== 403 && status !== 401 && status !== 404) return undefined;
  }
  try {
    const r = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }');
    const login = r.viewer?.login;
    return typeof login === 'string' && login !== '' ? { login, bot: true } : undefined;
  } catch {
    return undefined;
  }
}

function isAuthor(me: Identity, user: { id?: number; login?: string; type?: string } | null | undefined): boolean {
  if (!user) return false;
  if (me.id !== undefined) return user.id === me.id;
  const bare = (l: string | undefined): string => (l ?? '').toLowerCase().replace(/\[bot\]$/, '');
  return me.bot && user.type === 'Bot' && bare(user.login) === bare(me.login);
}

const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR_|fetch failed|getaddrinfo|socket hang up|certificate/i;

/** What went wrong with a GitHub API call, and what to do about it, in one sentence. */
export function apiHint(e: unknown, what: 'check-run' | 'comment', prNumber?: number): string {
  const err = e as { status?: number; message?: string; code?: string; cause?: { code?: string; message?: string } };
  const message = clip(String(err.message ?? e), 300);
  const codes = [err.code, err.cause?.code, err.cause?.message, message].filter(Boolean).join(' ');
  const api = github.context.apiUrl;
  if ((!err.status || err.status >= 500) && UNREACHABLE.test(codes))
    return `the GitHub API at ${api} is unreachable (${/\b(E[A-Z_]{3,}|UND_ERR_[A-Z_]+)\b/.exec(codes)?.[1] ?? clip(message, 120)}). The findings are in the annotations, the job summary and the SARIF file.`;
  const permission = what === 'check-run' ? 'checks: write' : 'pull-requests: write';
  switch (err.status ?? 0) {
    case 401:
      return `HTTP 401: the token was refused (${message}); check the \`github-token\` input.`;
    case 403:
      return `HTTP 403 (${message}): the token lacks \`${permission}\`. Add \`permissions:\` with \`${permission}\` to the job; pull requests from forks get a read-only token.`;
    case 404:
      return what === 'comment'
        ? `HTTP 404: pull request #${prNumber ?? '?'} was not found with this token: the event has no pull request in ${github.context.repo.owner}/${github.context.repo.repo} that the token can see.`
        : `HTTP 404: the repository ${github.context.repo.owner}/${github.context.repo.repo} was not found with this token (${message}).`;
    default:
      return err.status ? `HTTP ${err.status}: ${message}` : message;
  }
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
