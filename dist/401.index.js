export const id = 401;
export const ids = [401];
export const modules = {

/***/ 2401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishCheckRun: () => (/* binding */ publishCheckRun),
/* harmony export */   upsertPrComment: () => (/* binding */ upsertPrComment)
/* harmony export */ });
/* unused harmony export CHECK_ANNOTATIONS_PER_REQUEST */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _report_validate_annotations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9127);
/**
 * GitHub APIs for validate: a check run holding EVERY finding as an annotation (the Checks API
 * takes 50 per request, so the run is created with the first 50 and updated with the rest), and
 * one pull-request comment kept up to date. Failures here are warnings: the findings are still in
 * the step's annotations, summary and SARIF.
 */


const CHECK_ANNOTATIONS_PER_REQUEST = 50;
const COMMENT_MARKER = '<!-- zd-gate:validate -->';
const MAX_COMMENT = 60_000;
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
function checkAnnotation(a) {
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
function headSha() {
    const pr = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload.pull_request;
    return pr?.head?.sha ?? _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.sha;
}
async function publishCheckRun(token, name, report, summaryMarkdown, host) {
    const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q(token);
    const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
    const annotations = [
        ...report.problems
            .filter((p) => p.file && p.severity === 'error')
            .map((p) => ({
            severity: 'error',
            title: 'zd-gate: input error',
            message: p.message,
            file: p.file,
            startLine: p.line ?? 1,
        })),
        ...report.findings.map(_report_validate_annotations_js__WEBPACK_IMPORTED_MODULE_1__/* .toAnnotation */ .$v),
    ].map(checkAnnotation);
    const s = report.summary;
    const title = `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'}`;
    const output = (batch) => ({
        title,
        summary: truncate(summaryMarkdown, 65_000),
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
        host.info(`Check run "${name}": ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} in ${Math.max(1, Math.ceil(annotations.length / CHECK_ANNOTATIONS_PER_REQUEST))} request(s): ${created.data.html_url ?? ''}`);
        return created.data.html_url ?? undefined;
    }
    catch (e) {
        host.warning(`Could not publish the check run: ${apiError(e)}. Give the job \`permissions: checks: write\` (pull requests from forks get a read-only token).`);
        return undefined;
    }
}
async function upsertPrComment(token, body, host) {
    const pr = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload.pull_request;
    if (!pr?.number) {
        host.info('pr-comment: not a pull_request event; no comment written.');
        return;
    }
    const octokit = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q(token);
    const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
    const text = `${COMMENT_MARKER}\n${truncate(body, MAX_COMMENT)}`;
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: pr.number,
            per_page: 100,
        });
        const mine = comments.find((c) => c.body?.startsWith(COMMENT_MARKER));
        if (mine)
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
        else
            await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body: text });
    }
    catch (e) {
        host.warning(`Could not write the pull request comment: ${apiError(e)}. Give the job \`permissions: pull-requests: write\`.`);
    }
}
function apiError(e) {
    const err = e;
    return err.status ? `HTTP ${err.status} ${err.message ?? ''}`.trim() : (err.message ?? String(e));
}
function truncate(s, max) {
    return s.length <= max ? s : `${s.slice(0, max - 80)}\n\n…truncated; see the job summary for the rest.`;
}


/***/ })

};
