export const id = 780;
export const ids = [780];
export const modules = {

/***/ 1780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
// EXTERNAL MODULE: ./src/report/markdown.ts
var report_markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/adapters/action-host.ts




/**
 * The Host when running as a GitHub Action: workflow commands, outputs and the job summary.
 * Everything it writes is redacted first; the commands zd-gate means to issue go through
 * @actions/core, which escapes their data and properties.
 */
function actionHost(signal) {
    const secrets = new redact/* Redactor */.pO();
    const r = (m) => secrets.redact(m);
    const props = (a) => a && {
        ...a,
        ...(a.title !== undefined ? { title: r(a.title) } : {}),
        ...(a.file !== undefined ? { file: r(a.file) } : {}),
    };
    return {
        kind: 'action',
        env: process.env,
        info: (m) => core.info((0,log/* logText */.k)(r(m))),
        warning: (m, a) => core.warning(r(m), props(a)),
        error: (m, a) => core.error(r(m), props(a)),
        notice: (m, a) => core.notice(r(m), props(a)),
        debug: (m) => core.debug(r(m)),
        group: (title, fn) => core.group(r(title), fn),
        setOutput: (name, value) => core.setOutput(name, typeof value === 'string' ? r(value) : value),
        appendSummary: async (markdown) => {
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await core.summary.addRaw((0,report_markdown/* redactMarkdown */.R)(markdown, secrets).value, true).write();
        },
        // Only the credential itself, once: the runner then masks it in every later step too.
        mask: (secret) => {
            for (const value of secrets.add(secret))
                core.setSecret(value);
        },
        redact: r,
        redactMarkdown: (markdown) => (0,report_markdown/* redactMarkdown */.R)(markdown, secrets),
        signal,
    };
}

// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action: read inputs once, run the mode, report, and fail the step when the mode says so.
 * The watch mode (Kubernetes and AWS clients) is loaded only when asked for, so validate starts fast.
 */



async function run() {
    const controller = new AbortController();
    for (const sig of ['SIGINT', 'SIGTERM'])
        process.once(sig, () => controller.abort(new Error(`received ${sig}`)));
    const host = actionHost(controller.signal);
    const source = {
        get: (name) => core.getInput(name),
        describe: (name) => `input \`${name}\``,
        env: process.env,
    };
    try {
        const settings = (0,src_settings/* readSettings */.sb)(source);
        // The token itself; an inline kubeconfig's credentials are masked by the watch mode as it reads
        // them (never the whole content: its lines would blank `apiVersion: v1` in every later step).
        if (settings.mode === 'validate' && settings.githubToken)
            host.mask(settings.githubToken);
        let result;
        if (settings.mode === 'validate') {
            const { runValidate } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(515), __webpack_require__.e(732), __webpack_require__.e(311)]).then(__webpack_require__.bind(__webpack_require__, 5732));
            result = await runValidate(settings, host);
        }
        else {
            const { runWatch } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(852), __webpack_require__.e(354)]).then(__webpack_require__.bind(__webpack_require__, 5354));
            (await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.bind(__webpack_require__, 1044))).boundWatchHeap();
            result = await runWatch(settings, host);
            (await __webpack_require__.e(/* import() */ 350).then(__webpack_require__.bind(__webpack_require__, 3350))).exitSoonAfter();
        }
        if (result.exitCode !== 0)
            core.setFailed(host.redact(result.message ?? 'zd-gate failed'));
        // The same exit codes as the CLI: 1 findings or a failed gate, 2 the input or the gate could not run.
        process.exitCode = result.exitCode;
    }
    catch (e) {
        // Messages quote input values and error bodies: redacted like everything the host writes.
        if (e instanceof src_settings/* SettingsError */.GN) {
            core.setFailed(host.redact(e.message));
            process.exitCode = 2;
            return;
        }
        core.setFailed(host.redact(`zd-gate: unexpected error: ${e.message ?? String(e)}`));
        process.exitCode = 2;
        host.debug(e.stack ?? '');
    }
}


/***/ })

};
