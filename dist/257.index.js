export const id = 257;
export const ids = [257];
export const modules = {

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vc: () => (/* binding */ inputsOf),
/* harmony export */   hx: () => (/* binding */ placeholderOf),
/* harmony export */   mc: () => (/* binding */ INPUTS)
/* harmony export */ });
/* unused harmony exports INPUT_NAMES, inputSpec, actionInputs */
/**
 * Every input of the action and flag of the CLI, declared once. action.yml's `inputs:` block, the
 * CLI's flag parser and per-command `--help`, the settings defaults and the docs' input tables are
 * generated from (or checked against) this table; __tests__/docs.test.ts fails when they drift.
 *
 * Adding an input: one entry here, the code that reads it (settings.ts turns it into a typed
 * setting), the code that uses it, and its tests; then `npm run docs` regenerates action.yml and
 * the docs.
 */
const INPUTS = {
    mode: {
        modes: ['validate', 'watch'],
        kind: 'enum',
        values: ['validate', 'watch'],
        default: 'validate',
        description: '`validate` (pre-deploy: check manifests) or `watch` (post-deploy: rollout + target health).',
        only: 'action',
    },
    namespace: {
        modes: ['validate', 'watch'],
        kind: 'string',
        default: 'default',
        short: 'n',
        placeholder: 'NS',
        description: "Namespace. In validate, the one given to objects that declare none; in watch, the Deployments' namespace.",
    },
    // ---- validate ----
    'github-token': {
        modes: ['validate'],
        kind: 'string',
        default: '',
        only: 'action',
        description: 'Token for the Checks API and PR comments (needs `checks: write`, and `pull-requests: write` for `pr-comment`). Without it, findings go to annotations, the job summary and SARIF only.',
    },
    manifests: {
        modes: ['validate'],
        kind: 'list',
        default: '',
        only: 'action',
        description: 'Rendered manifests to check: files, folders (searched for *.yaml, *.yml, *.json) or globs, separated by newlines or commas; `-` is standard input. A pattern that matches nothing is an error. On the CLI they are the positional arguments.',
    },
    config: {
        modes: ['validate'],
        kind: 'string',
        default: '',
        short: 'c',
        placeholder: 'FILE',
        description: 'Config file with rule severities and parameters (default: `.zd-gate.yaml` when it exists).',
    },
    'fail-on': {
        modes: ['validate'],
        kind: 'enum',
        values: ['error', 'warning', 'never'],
        default: 'error',
        description: 'Fail on findings at or above this severity: `error`, `warning` or `never`.',
    },
    format: {
        modes: ['validate'],
        kind: 'enum',
        values: ['text', 'json', 'sarif', 'github'],
        default: 'text',
        only: 'cli',
        short: 'f',
        description: 'Output on standard output: `text`, `json` (the documented contract), `sarif` (SARIF 2.1.0) or `github` (workflow annotations, for the CLI inside a workflow step).',
    },
    annotations: {
        modes: ['validate'],
        kind: 'boolean',
        default: 'true',
        only: 'action',
        description: 'Emit workflow annotations (at most 10 per severity, most severe first).',
    },
    'sarif-file': {
        modes: ['validate'],
        kind: 'string',
        default: '',
        placeholder: 'FILE',
        description: "Where to write the SARIF 2.1.0 report (action default: `zd-gate.sarif` in the runner's temp folder; CLI: not written unless given).",
    },
    'chart-roots': {
        modes: ['validate'],
        kind: 'list',
        default: '',
        placeholder: 'DIR,...',
        description: "Folders holding the Helm charts that were rendered, separated by newlines or commas. Findings in `helm template` output move to the chart's template file and line (from the `# Source:` comments); charts are found by their Chart.yaml name anywhere in the workspace, so this is needed only when two charts share a name. See docs/pull-requests.md.",
    },
    'kustomize-root': {
        modes: ['validate'],
        kind: 'string',
        default: '',
        placeholder: 'DIR',
        description: 'The kustomization folder that was built, for findings in `kustomize build` output with `buildMetadata: [originAnnotations]`: they move to the resource file and line the object came from. Needed only when the workspace has several kustomizations where the origin path fits. See docs/pull-requests.md.',
    },
    'check-name': {
        modes: ['validate'],
        kind: 'string',
        default: 'zd-gate',
        only: 'action',
        description: 'Name of the check run published with `github-token` (every finding as a check-run annotation).',
    },
    'pr-comment': {
        modes: ['validate'],
        kind: 'boolean',
        default: 'false',
        only: 'action',
        description: 'Keep one up-to-date comment with the findings on the pull request (needs `github-token`).',
    },
    'max-input-size': {
        modes: ['validate'],
        kind: 'bytes',
        default: '256MiB',
        description: 'The most input read in one run, all files and standard input together (`512MiB`, `1GiB`; one file or standard input is at most 64 MiB). The file that would exceed it, and the files after it, are an input error naming them. See docs/inputs.md.',
    },
    // ---- watch ----
    deployments: {
        modes: ['watch'],
        kind: 'list',
        default: '',
        placeholder: 'NAME[,NAME...]',
        description: 'Deployment names to watch, separated by newlines or commas; watched concurrently. Required.',
    },
    kubeconfig: {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'PATH',
        description: 'Kubeconfig file path or inline content (masked). Default: KUBECONFIG, ~/.kube/config, then in-cluster. Not together with `cluster-name` (set one or the other).',
    },
    context: {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'CONTEXT',
        description: 'Kubeconfig context to use (default: the current context).',
    },
    'cluster-name': {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'NAME',
        description: 'EKS cluster name. Reads the endpoint with eks:DescribeCluster and signs the EKS token in-process from the ambient AWS credentials (no aws CLI or kubeconfig needed).',
    },
    'aws-region': {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'REGION',
        description: 'AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION).',
    },
    'target-group-arns': {
        modes: ['watch'],
        kind: 'list',
        default: '',
        placeholder: 'ARN[,ARN...]',
        description: "Target group ARNs to check, separated by newlines or commas. Default: discovered from the TargetGroupBindings whose Service selects the Deployment's pods.",
    },
    'min-healthy': {
        modes: ['watch'],
        kind: 'threshold',
        default: '',
        placeholder: 'N|P%',
        description: 'Healthy targets each target group must keep: a count (`8`) or a percentage of desired replicas (`75%`, rounded up). Default: desired minus maxUnavailable, as the deployment controller resolves it.',
    },
    'tolerate-seconds': {
        modes: ['watch'],
        kind: 'seconds',
        default: '0',
        description: 'How long the healthy count may stay below `min-healthy` before the gate fails.',
    },
    'deregistration-seconds': {
        modes: ['watch'],
        kind: 'seconds',
        default: '15',
        description: 'How long the load balancer takes to stop routing to a deregistered target. A pod of the Deployment that stops serving sooner than this after its deletion (or after an answer still showed its target healthy), while its target is still registered, fails the gate (requests routed to it fail). 15 fits an ALB with ip targets; use about 60 behind an NLB; 0 turns this estimate off (a pod seen stopped while its target is still healthy always fails the gate).',
    },
    'poll-interval': {
        modes: ['watch'],
        kind: 'duration',
        default: '5s',
        description: 'DescribeTargetHealth interval per target group (`5s`, at least `2s`; jittered).',
    },
    timeout: {
        modes: ['watch'],
        kind: 'duration',
        default: '',
        description: "Limit of the whole run up to the verdicts, connecting and listing included (`15m`). Default: the Deployment's progressDeadlineSeconds plus `settle-timeout` plus the soak (plus `metrics-wait` with `elb-metrics`).",
    },
    'settle-timeout': {
        modes: ['watch'],
        kind: 'duration',
        default: '5m',
        description: 'After the rollout completes, how long to wait for the load balancer to catch up (new pods healthy in every target group, no old pod still healthy).',
    },
    'soak-seconds': {
        modes: ['watch'],
        kind: 'seconds',
        default: '',
        description: 'After the load balancer caught up, how long to keep watching target health (and the probe) before passing; a release that degrades meanwhile fails (and rolls back when asked). Default: one unhealthy-detection window of the target groups (interval × unhealthy threshold from DescribeTargetGroups, 30 when unknown); 0 turns the soak off. See docs/watch.md.',
    },
    rollback: {
        modes: ['watch'],
        kind: 'boolean',
        default: 'false',
        description: 'On failure, undo the rollout the way `kubectl rollout undo` does (needs `patch` on deployments).',
    },
    'rollback-wait': {
        modes: ['watch'],
        kind: 'boolean',
        default: 'true',
        description: 'After a rollback, wait for the restored revision to be available again and report it.',
    },
    'allow-rollout-only': {
        modes: ['watch'],
        kind: 'boolean',
        default: 'false',
        description: 'When a Deployment has no target group that can show per-pod health (instance targets, or none found), gate on rollout status alone instead of failing.',
    },
    'probe-url': {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'URL',
        description: 'Optional public URL to send a bounded stream of HTTP requests to during the rollout.',
    },
    'probe-rate': {
        modes: ['watch'],
        kind: 'number',
        default: '5',
        description: 'Probe requests per second (1 to 50).',
    },
    'max-error-rate': {
        modes: ['watch'],
        kind: 'rate',
        default: '0',
        description: 'Fail when the share of probe requests answered 5xx or failing exceeds this (`0`, `0.5%`, `0.01`).',
    },
    'elb-metrics': {
        modes: ['watch'],
        kind: 'boolean',
        default: 'false',
        description: "Also read the load balancers' own error counts from CloudWatch (ALB `HTTPCode_ELB_5XX_Count` by code, NLB resets) for the rollout's window, and fail on them (verdict `elb-errors`). Needs `cloudwatch:GetMetricData`; the job waits for the window's datapoints (`metrics-wait`) before it passes. See docs/elb-metrics.md.",
    },
    'max-elb-errors': {
        modes: ['watch'],
        kind: 'number',
        default: '0',
        description: "With `elb-metrics`: load-balancer errors (5xx it generated itself, or resets behind an NLB) tolerated in the rollout's window; more fail the gate. A whole number, 0 or more.",
    },
    'max-elb-error-rate': {
        modes: ['watch'],
        kind: 'rate',
        default: '',
        description: "With `elb-metrics`: also require the errors to exceed this share of the window's requests before failing (`0.001`, `0.1%`); judged on the complete window. Default: no rate, the count alone decides.",
    },
    'metrics-wait': {
        modes: ['watch'],
        kind: 'duration',
        default: '180s',
        description: "With `elb-metrics`: after the soak, how long to wait for CloudWatch to publish the window's last minute (ELB metrics arrive one to three minutes late). When it runs out first the result is `error` (reason `elb-metrics-missing`), never a pass.",
    },
    'report-file': {
        modes: ['watch'],
        kind: 'string',
        default: '',
        placeholder: 'FILE',
        description: "Where to write the JSON report with one verdict per Deployment (default: `zd-gate-watch.json` in the runner's temp folder, or the system's temp folder).",
    },
};
const INPUT_NAMES = Object.keys(INPUTS);
function inputSpec(name) {
    return INPUTS[name];
}
/** The inputs of a command as the action knows them (action.yml) or the CLI (flags). */
function inputsOf(command, surface) {
    return INPUT_NAMES.filter((n) => {
        const spec = INPUTS[n];
        return spec.modes.includes(command) && spec.only !== (surface === 'action' ? 'cli' : 'action');
    });
}
/** The inputs in action.yml, in table order. */
function actionInputs() {
    return INPUT_NAMES.filter((n) => INPUTS[n].only !== 'cli');
}
const PLACEHOLDER = {
    string: 'VALUE',
    boolean: 'true|false',
    enum: '',
    list: 'A,B',
    duration: 'DURATION',
    seconds: 'SECONDS',
    number: 'N',
    threshold: 'N|P%',
    rate: 'RATE',
    bytes: 'SIZE',
};
/** `FILE`, `error|warning|never`, `DURATION`: how `--help` shows the flag's value. */
function placeholderOf(spec) {
    if (spec.placeholder)
        return spec.placeholder;
    if (spec.kind === 'enum')
        return (spec.values ?? []).join('|');
    return PLACEHOLDER[spec.kind];
}


/***/ }),

/***/ 6472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ logText)
/* harmony export */ });
/* unused harmony export hasWorkflowCommand */
/**
 * The step log is a command channel: the Actions runner reads every line zd-gate writes to stdout
 * or stderr, and a line that starts (after leading whitespace) with `::` or `##[` is a workflow
 * command (`::error file=…::`, `::add-mask::`, `::stop-commands::`, `::set-output`…). Text from
 * outside (object and file names, finding messages, cluster events, API errors) must never start
 * such a line, or a pull request could forge annotations, mask log text, or silence the real ones.
 *
 * {@link logText} is the one boundary every log line passes through (both hosts and the CLI's
 * text output use it). It splits on every character the runner treats as a line end (it reads
 * lines with .NET's StreamReader, which also breaks on a lone `\r`) and puts a zero-width space
 * before a command prefix. .NET's TrimStart does not remove that character, so the runner sees
 * plain text, and the line reads the same. The workflow commands zd-gate means to issue go through
 * @actions/core, which escapes their data and properties itself.
 */
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/;
/** Whitespace .NET's String.TrimStart removes (Char.IsWhiteSpace) followed by a command prefix. */
const COMMAND_START = /^([\s\u0085\u180e]*)(::|##\[)/;
/** Text for the step log: the same lines, none of which the runner can take for a workflow command. */
function logText(s) {
    return s
        .split(LINE_BREAKS)
        .map((line) => line.replace(COMMAND_START, '$1\u200b$2'))
        .join('\n');
}
/** True when the runner would take some line of `s` for a workflow command (for tests and checks). */
function hasWorkflowCommand(s) {
    return s.split(LINE_BREAKS).some((line) => COMMAND_START.test(line));
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   IZ: () => (/* binding */ trusted),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   R: () => (/* binding */ redactMarkdown),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   fj: () => (/* binding */ join),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports Markdown, visible */
/**
 * The one way markdown is written for GitHub's rendered surfaces (job summary, check-run summary
 * and text, pull-request comment). Those sinks take a {@link Markdown} value, which only this
 * module makes: literal text from zd-gate's own source passes through the {@link md} tag as
 * markup, and every interpolated string (object and file names, finding messages, cluster events,
 * API answers) is escaped as plain text. So a string from outside cannot render HTML, a link, a
 * mention that notifies people, a heading, or break out of a table, list, code span or fence.
 *
 * How each construct is neutralised, and why (GitHub renders with cmark-gfm, then filters the HTML):
 * - HTML: `&`, `<`, `>` become entities, so no tag or entity from the input survives.
 * - Markdown syntax: the punctuation that means something inline (code, emphasis, links,
 *   strikethrough), and a block marker at the start, are backslash-escaped (CommonMark: escaped
 *   ASCII punctuation renders as itself); line breaks become spaces, so untrusted text stays inside
 *   the construct it was put in. Pipes are escaped by {@link table}, the only place they matter.
 * - Mentions (`@team`), issue references (`#12`) and autolinks (`https://…`, `www.…`): GitHub finds
 *   these in the rendered text, after escapes are gone, so escaping cannot stop them. A zero-width
 *   space after `@` and `#` and inside `://` and `www.` breaks the pattern while the text reads the same.
 * - Code: a code span or fence longer than any run of backticks in the text, so the text cannot
 *   close it; inside, GitHub renders nothing (no HTML, links or mentions).
 * - Invisible and direction-changing characters (C0/C1 controls, bidi overrides) are shown as
 *   `\u{…}` escapes, so a reviewer sees what the manifest really says.
 */
const TOKEN = Symbol('zd-gate markdown');
/**
 * Markdown that is safe to hand to a rendered GitHub surface. Only this module can make one (its
 * constructor wants a token no other module holds), so a string from outside can never pass for
 * markup, at compile time or at run time.
 */
class Markdown {
    value;
    /** @internal */
    constructor(token, value) {
        this.value = value;
        if (token !== TOKEN)
            throw new TypeError('Markdown is made by src/report/markdown.ts only');
    }
    get length() {
        return this.value.length;
    }
    toString() {
        return this.value;
    }
}
const ZWSP = '\u200b';
/** Controls, bidi embeddings/overrides/isolates, and the line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/g;
/** ASCII punctuation with an inline meaning in CommonMark/GFM (code, emphasis, links, strikethrough). */
const INLINE_MARKUP = /[\\`*_[\]~]/g;
/** What starts a block at the beginning of a line: heading, list item, setext underline, ordered item. */
const BLOCK_START = /^(\s*)([#+=-]|\d{1,9}(?=[.)](?:\s|$)))/;
function asMarkdown(s) {
    return new Markdown(TOKEN, s);
}
/** Shows invisible characters as `\u{…}` so they cannot hide or reorder text. */
function visible(s) {
    return s.replace(INVISIBLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
/**
 * Breaks what GitHub links in rendered text (mentions, issue references, URLs): it finds them after
 * markdown escapes are gone, so only a change of the text itself stops them.
 */
function unlinkable(s) {
    return s
        .replace(/@/g, `@${ZWSP}`)
        .replace(/#/g, `#${ZWSP}`)
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}
function entities(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** Untrusted text as inline markdown: renders exactly as the text reads, on one line. */
function text(s) {
    const inline = unlinkable(entities(visible(s.replace(LINE_BREAKS, ' ')))).replace(INLINE_MARKUP, '\\$&');
    const block = inline.replace(BLOCK_START, (_, space, marker) => 
    // `1.` is escaped as `1\.`: a backslash before a digit is no escape.
    /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`);
    return asMarkdown(block);
}
/** The longest match of `re` (global) in `s`, without spreading: the text decides how many runs there are. */
function longestRun(s, re) {
    let longest = 0;
    for (const m of s.matchAll(re))
        longest = Math.max(longest, m[0].length);
    return longest;
}
/** Untrusted text as an inline code span (one line; a fence longer than any backtick run inside). */
function code(s) {
    const flat = visible(s.replace(LINE_BREAKS, ' '));
    const fence = '`'.repeat(longestRun(flat, /`+/g) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
    return asMarkdown(`${fence}${pad}${flat}${pad}${fence}`);
}
/** Untrusted multi-line text as a fenced code block that the text cannot close. */
function codeBlock(body, language = 'text') {
    const lines = body.split(LINE_BREAKS).map(visible).join('\n');
    const fence = '`'.repeat(Math.max(3, longestRun(lines, /`{3,}/g) + 1));
    return asMarkdown(`${fence}${/^[a-z0-9-]*$/.test(language) ? language : ''}\n${lines}\n${fence}`);
}
/**
 * A link to a URL zd-gate obtained itself (a check run's address from the GitHub API): only
 * `https:` URLs, with the characters that would end a markdown link destination percent-encoded.
 * Anything else renders as its label alone.
 */
function link(url, label) {
    const shown = part(label);
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return shown;
    }
    if (parsed.protocol !== 'https:')
        return shown;
    const href = parsed.href.replace(/[()<>\s"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return asMarkdown(`[${shown.value}](${href})`);
}
function part(p) {
    if (typeof p === 'number')
        return asMarkdown(String(p));
    return p instanceof Markdown ? p : text(p);
}
/**
 * Markdown written in zd-gate's own source: the template's literal parts are markup, every
 * interpolated string is escaped with {@link text}, interpolated Markdown is kept as it is.
 *
 *     md`| ${name} | ${code(file)} |`
 */
function md(strings, ...values) {
    let out = strings[0] ?? '';
    values.forEach((v, i) => {
        out += part(v).value + (strings[i + 1] ?? '');
    });
    return asMarkdown(out);
}
/** Joins markdown parts (strings among them are escaped as text). */
function join(parts, separator = '\n') {
    return asMarkdown(parts.map((p) => part(p).value).join(separator));
}
/**
 * A GFM table. GFM splits cells on every `|` that is not backslash-escaped, even inside code spans,
 * so every `|` of a cell is escaped here (text() leaves pipes alone for that reason).
 */
function table(header, rows, align) {
    const cell = (p) => part(p).value.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|');
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    const rule = `|${header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join('|')}|`;
    return asMarkdown([line(header), rule, ...rows.map(line)].join('\n'));
}
/**
 * A collapsed `<details>` section. Its summary line is HTML, where markdown is not parsed (a
 * backslash would show), so the summary is plain text escaped as HTML.
 */
function details(summary, body) {
    const line = unlinkable(entities(visible(summary.replace(LINE_BREAKS, ' '))));
    return asMarkdown(`<details><summary>${line}</summary>\n\n${body.value}\n\n</details>`);
}
/**
 * The same markdown without the redactor's secrets and credential shapes, in every form this
 * module writes a string in (as text, in a code span or fence, in a table cell, in a details
 * summary). Only a {@link Redactor} can be passed, and it only ever inserts its marker, which has no
 * markup meaning: the result is as safe as the input.
 */
function redactMarkdown(m, redactor) {
    return asMarkdown(redactor.redact(m.value, (s) => {
        const inline = text(s).value;
        return [inline, inline.replace(/\|/g, '\\|'), visible(s), unlinkable(entities(visible(s)))];
    }));
}
/**
 * Markdown that zd-gate generated from its own data with no string from outside in it (a Mermaid
 * chart of numbers, a heading from a constant). Use {@link md} wherever an outside string is
 * interpolated; this exists for output that is built character by character.
 */
function trusted(s) {
    return asMarkdown(s);
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports REDACTED, MIN_SECRET_LENGTH */
/**
 * Credentials never leave the process. The hosts (the output boundary, see host.ts) pass every
 * string they write (log lines, annotations, outputs, the job summary) through one
 * {@link Redactor}, and the watch report file is written through it too, so an API server that
 * echoes a token back in an error body, or a server URL with a password in it, shows up as
 * `(redacted)` wherever it would have been printed or stored.
 *
 * Two kinds of redaction:
 * - **Registered secrets**: every credential zd-gate obtains (kubeconfig tokens, passwords and
 *   client keys, tokens from exec plugins and auth providers, the EKS token, AWS credentials, the
 *   GitHub token) is registered with {@link Redactor.add} the moment it is known, and every
 *   occurrence of it is replaced: as written, JSON-escaped, URL-encoded, and in the forms
 *   markdown.ts escapes it to. Only these values are registered (never a whole kubeconfig), and
 *   none shorter than {@link MIN_SECRET_LENGTH}, so ordinary words are never blanked.
 * - **Credential shapes**, whoever they belong to: URL userinfo (`https://admin:pass@host`), HTTP
 *   `Bearer`/`Basic` credentials, EKS tokens (`k8s-aws-v1.…`), the signature and session token of
 *   AWS presigned URLs, GitHub tokens, and JSON Web Tokens (service-account tokens).
 *
 * The patterns also match the forms markdown.ts writes (`\_` for `_`, a zero-width space in `://`).
 * Redaction never makes a text longer: a credential shorter than the marker becomes as many dots.
 * The marker has no meaning in any sink: plain text in the log, a string in JSON, literal text in
 * markdown (no emphasis, HTML or mention, and no brackets that could become a link with the text
 * after it).
 */
const REDACTED = '(redacted)';
/** Shorter values are not secrets worth blanking every occurrence of (they would hide ordinary words). */
const MIN_SECRET_LENGTH = 6;
/**
 * What replaces `length` characters: the marker, or as many dots when the marker would be longer,
 * so that redaction never makes a text longer (the GitHub surfaces are cut to their limits first).
 */
function mark(length) {
    return length >= REDACTED.length ? REDACTED : '.'.repeat(length);
}
/** Credential shapes: a pattern whose group `secret` is replaced (the rest is kept). */
const SHAPES = [
    // URL userinfo: scheme://user:password@host (also as markdown.ts writes `://` with a zero-width space).
    /\b[a-z][a-z0-9+.-]*:\u200b?\/\/(?<secret>[^\s/?#@\u200b<>"'`]+)@/gi,
    // HTTP credentials in a header or a message (long enough to be a credential, not the word after "Bearer").
    /\b(?:Bearer|Basic)\s+(?<secret>[A-Za-z0-9\-._~+/\\]{16,}=*)/g,
    // EKS tokens: a presigned STS URL, base64url-encoded.
    /\b(?<secret>k8s-aws-v1\.[A-Za-z0-9_\\-]{16,})/g,
    // AWS presigned URLs (the EKS token decoded): the session token, the signature, the credential scope.
    /\bX-Amz-(?:Security-Token|Signature|Credential)=(?<secret>[^&\s"'<>`]+)/gi,
    // GitHub tokens (classic prefixes and fine-grained).
    /\b(?<secret>gh[pousr]\\?_[A-Za-z0-9]{30,}|github\\?_pat\\?_[A-Za-z0-9_\\]{30,})/g,
    // JSON Web Tokens (Kubernetes service-account and OIDC tokens).
    /\b(?<secret>eyJ[A-Za-z0-9_\\-]{8,}\.eyJ[A-Za-z0-9_\\-]{8,}\.[A-Za-z0-9_\\-]{8,})/g,
];
/** The secrets known so far, and what to replace them and credential shapes with. */
class Redactor {
    secrets = new Set();
    /** Every form of every secret, longest first (so a secret inside another is not half-replaced). */
    forms = [];
    /**
     * Registers a credential. Returns the values newly registered (for the runner's `add-mask`):
     * the value itself, or for multi-line values (a PEM key) each line that carries key material.
     * Values shorter than {@link MIN_SECRET_LENGTH} and values already known return nothing.
     */
    add(secret) {
        const values = /[\r\n]/.test(secret)
            ? secret
                .split(/\r?\n|\r/)
                .map((l) => l.trim())
                .filter((l) => !l.startsWith('-----'))
            : [secret.trim()];
        const added = [];
        for (const v of values) {
            if (v.length < MIN_SECRET_LENGTH || this.secrets.has(v))
                continue;
            this.secrets.add(v);
            added.push(v);
        }
        if (added.length > 0)
            this.rebuild();
        return added;
    }
    /** The registered secrets (for the markdown forms: see markdown.ts `redactMarkdown`). */
    values() {
        return [...this.secrets];
    }
    /**
     * `text` without registered secrets and credential shapes. `extraForms` adds other spellings of
     * each secret (markdown.ts passes its escaped forms).
     */
    redact(text, extraForms) {
        let out = text;
        const forms = extraForms ? this.formsWith(extraForms) : this.forms;
        for (const f of forms)
            if (out.includes(f))
                out = out.split(f).join(mark(f.length));
        for (const re of SHAPES)
            out = out.replace(re, (match, ...args) => {
                const groups = args[args.length - 1];
                const offset = match.lastIndexOf(groups.secret);
                return `${match.slice(0, offset)}${mark(groups.secret.length)}${match.slice(offset + groups.secret.length)}`;
            });
        return out;
    }
    rebuild() {
        this.forms = this.formsWith(() => []);
    }
    formsWith(extra) {
        const all = new Set();
        for (const s of this.secrets) {
            all.add(s);
            all.add(JSON.stringify(s).slice(1, -1));
            all.add(encodeURIComponent(s));
            for (const f of extra(s))
                if (f.length >= MIN_SECRET_LENGTH)
                    all.add(f);
        }
        return [...all].sort((a, b) => b.length - a.length);
    }
}


/***/ }),

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ SettingsError),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony exports MIN_POLL_INTERVAL_MS, kubeconfigSource, splitList, parseDuration, parseBytes */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8422);

/** Thrown with every input problem found; `problems` holds one sentence each. */
class SettingsError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'SettingsError';
    }
}
const MIN_POLL_INTERVAL_MS = 2_000;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TG_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
/** Reads and checks all inputs; throws {@link SettingsError} listing every problem. */
function readSettings(source) {
    const p = new Problems(source);
    const mode = p.oneOf('mode', ['validate', 'watch']);
    const settings = mode === 'watch' ? readWatch(p) : readValidate(p);
    p.throwIfAny();
    return Object.freeze(settings);
}
function readValidate(p) {
    const fromInput = splitList(p.raw('manifests'));
    const manifests = [...fromInput, ...(p.source.positionals ?? [])];
    if (manifests.length === 0) {
        p.add(`${p.source.describe('manifests')} is required in validate mode: list the rendered manifests (files, folders or globs; \`-\` for standard input).`);
    }
    return {
        mode: 'validate',
        manifests,
        namespace: p.namespace(),
        configFile: p.raw('config') || undefined,
        failOn: p.oneOf('fail-on', ['error', 'warning', 'never']),
        annotations: p.bool('annotations'),
        sarifFile: p.raw('sarif-file') || undefined,
        chartRoots: splitList(p.raw('chart-roots')),
        kustomizeRoot: p.raw('kustomize-root') || undefined,
        githubToken: p.raw('github-token') || undefined,
        checkName: p.raw('check-name') || p.defaultOf('check-name'),
        prComment: p.bool('pr-comment'),
        format: p.oneOf('format', ['text', 'json', 'sarif', 'github']),
        maxInputBytes: p.bytes('max-input-size'),
    };
}
function readWatch(p) {
    const { source } = p;
    const deployments = splitList(p.raw('deployments'));
    if (deployments.length === 0) {
        p.add(`${source.describe('deployments')} is required in watch mode: name the Deployments to watch.`);
    }
    for (const d of deployments) {
        if (!DNS_SUBDOMAIN.test(d) || d.length > 253) {
            p.add(`${source.describe('deployments')}: \`${d}\` is not a valid Deployment name (lowercase letters, digits, '-' and '.').`);
        }
    }
    if (new Set(deployments).size !== deployments.length) {
        p.add(`${source.describe('deployments')} lists a Deployment twice.`);
    }
    const targetGroupArns = splitList(p.raw('target-group-arns'));
    for (const arn of targetGroupArns) {
        if (!TG_ARN.test(arn)) {
            p.add(`${source.describe('target-group-arns')}: \`${arn}\` is not a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>).`);
        }
    }
    const clusterName = p.raw('cluster-name') || undefined;
    const kubeconfigRaw = p.raw('kubeconfig');
    if (clusterName && kubeconfigRaw) {
        p.add(`${source.describe('cluster-name')} and ${source.describe('kubeconfig')} are both set: use one (cluster-name builds the connection from AWS credentials).`);
    }
    if (clusterName && !/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(clusterName)) {
        p.add(`${source.describe('cluster-name')}: \`${clusterName}\` is not a valid EKS cluster name.`);
    }
    const awsRegion = p.raw('aws-region') || source.env.AWS_REGION || source.env.AWS_DEFAULT_REGION || undefined;
    if (awsRegion && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(awsRegion)) {
        p.add(`${source.describe('aws-region')}: \`${awsRegion}\` is not an AWS region (for example eu-west-1).`);
    }
    if (clusterName && !awsRegion) {
        p.add(`${source.describe('cluster-name')} needs a region: set ${source.describe('aws-region')} or AWS_REGION.`);
    }
    const pollIntervalMs = p.duration('poll-interval') ?? 0; // the table gives a default
    if (pollIntervalMs < MIN_POLL_INTERVAL_MS) {
        p.add(`${source.describe('poll-interval')} must be at least 2s: DescribeTargetHealth shares the account's Describe budget (about 10 calls/s) with the load balancer controller.`);
    }
    const settleTimeoutMs = p.duration('settle-timeout') ?? 0;
    const timeoutMs = p.duration('timeout');
    if (timeoutMs !== undefined && timeoutMs <= 0)
        p.add(`${source.describe('timeout')} must be longer than 0s.`);
    const tolerateMs = p.seconds('tolerate-seconds');
    const deregistrationMs = p.seconds('deregistration-seconds');
    const probeUrl = p.raw('probe-url');
    let probe;
    if (probeUrl) {
        const protocol = URL.canParse(probeUrl) ? new URL(probeUrl).protocol : '';
        if (protocol !== 'http:' && protocol !== 'https:')
            p.add(`${source.describe('probe-url')}: \`${probeUrl}\` is not an http(s) URL.`);
        const ratePerSecond = p.number('probe-rate');
        if (!(ratePerSecond >= 1 && ratePerSecond <= 50)) {
            p.add(`${source.describe('probe-rate')} must be between 1 and 50 requests per second.`);
        }
        probe = { url: probeUrl, ratePerSecond, maxErrorRate: p.rate('max-error-rate') };
    }
    else if (p.raw('max-error-rate') && p.raw('max-error-rate') !== '0') {
        p.add(`${source.describe('max-error-rate')} needs ${source.describe('probe-url')}: errors are measured by the probe.`);
    }
    const elbInputs = ['max-elb-errors', 'max-elb-error-rate', 'metrics-wait'];
    let elbMetrics;
    if (p.bool('elb-metrics')) {
        const maxErrors = p.number('max-elb-errors');
        if (!Number.isInteger(maxErrors) || maxErrors < 0)
            p.add(`${source.describe('max-elb-errors')} must be a whole number of errors, 0 or more.`);
        elbMetrics = {
            maxErrors,
            maxErrorRate: p.raw('max-elb-error-rate') === '' ? undefined : p.rate('max-elb-error-rate'),
            waitMs: p.duration('metrics-wait') ?? 0,
        };
    }
    const elbMetricsIgnored = elbMetrics
        ? []
        : elbInputs.filter((n) => p.raw(n) !== '' && p.raw(n) !== _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc[n].default).map((n) => source.describe(n));
    return {
        mode: 'watch',
        namespace: p.namespace(),
        deployments,
        kubeconfig: kubeconfigSource(kubeconfigRaw),
        context: p.raw('context') || undefined,
        clusterName,
        awsRegion,
        targetGroupArns,
        minHealthy: p.threshold('min-healthy'),
        tolerateMs,
        deregistrationMs,
        pollIntervalMs,
        timeoutMs,
        settleTimeoutMs,
        soakMs: p.raw('soak-seconds') === '' ? undefined : p.seconds('soak-seconds'),
        rollback: p.bool('rollback'),
        rollbackWait: p.bool('rollback-wait'),
        allowRolloutOnly: p.bool('allow-rollout-only'),
        probe,
        elbMetrics,
        elbMetricsIgnored,
        reportFile: p.raw('report-file') || undefined,
    };
}
/** Inline content has a newline or looks like YAML/JSON; anything else is a path. */
function kubeconfigSource(raw) {
    if (!raw)
        return { kind: 'default' };
    const t = raw.trimStart();
    if (raw.includes('\n') || t.startsWith('{') || /^apiVersion\s*:/.test(t))
        return { kind: 'inline', content: raw };
    return { kind: 'path', path: raw };
}
/** Splits on newlines and commas, trims, drops empties and `#` comment lines. */
function splitList(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
/** `90`, `90s`, `1m30s`, `2h`, `500ms` → milliseconds; undefined when malformed. A bare number is seconds. */
function parseDuration(raw) {
    const s = raw.trim();
    if (/^\d+(\.\d+)?$/.test(s))
        return Math.round(Number(s) * 1_000);
    if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(s))
        return undefined;
    let total = 0;
    for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
        total += Number(m[1]) * UNIT_MS[m[2]];
    return Math.round(total);
}
const BYTE_UNITS = {
    '': 1,
    b: 1,
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    g: 1e9,
    gb: 1e9,
    ki: 1024,
    kib: 1024,
    mi: 1024 ** 2,
    mib: 1024 ** 2,
    gi: 1024 ** 3,
    gib: 1024 ** 3,
};
/** `256MiB`, `1.5 GiB`, `64Mi`, `2GB`, `1048576` → bytes (binary units with `i`); undefined when malformed. */
function parseBytes(raw) {
    const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(raw.trim());
    const unit = m ? BYTE_UNITS[m[2].toLowerCase()] : undefined;
    return m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : undefined;
}
/**
 * Collects every problem while reading. Each reader parses the raw value, or the input's default
 * from src/inputs.ts when none was given, so a default lives in one place only.
 */
class Problems {
    source;
    list = [];
    constructor(source) {
        this.source = source;
    }
    add(problem) {
        this.list.push(problem);
    }
    throwIfAny() {
        if (this.list.length > 0)
            throw new SettingsError(this.list);
    }
    raw(name) {
        return (this.source.get(name) ?? '').trim();
    }
    defaultOf(name) {
        return _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc[name].default;
    }
    /** The value given, else the default; '' when neither. */
    value(name) {
        return this.raw(name) || this.defaultOf(name);
    }
    oneOf(name, allowed) {
        const v = this.value(name);
        const hit = allowed.find((a) => a === v.toLowerCase());
        if (hit)
            return hit;
        this.add(`${this.source.describe(name)} is \`${v}\`; use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
        return allowed.find((a) => a === this.defaultOf(name)) ?? allowed[0];
    }
    /** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
    bool(name) {
        const v = this.value(name);
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        this.add(`${this.source.describe(name)} is \`${v}\`; use \`true\` or \`false\`.`);
        return this.defaultOf(name) === 'true';
    }
    number(name) {
        const v = this.value(name);
        const n = Number(v);
        if (v === '' || !Number.isFinite(n)) {
            this.add(`${this.source.describe(name)} is \`${v}\`; expected a number.`);
            return Number(this.defaultOf(name)) || 0;
        }
        return n;
    }
    /** Milliseconds; undefined when neither a value nor a default is given. */
    duration(name) {
        const v = this.value(name);
        if (v === '')
            return undefined;
        const ms = parseDuration(v);
        if (ms === undefined) {
            this.add(`${this.source.describe(name)} is \`${v}\`; write a duration such as \`90s\`, \`5m\` or \`1m30s\` (a bare number is seconds).`);
            return parseDuration(this.defaultOf(name));
        }
        return ms;
    }
    /** Whole seconds, as milliseconds. */
    seconds(name) {
        const v = this.value(name);
        if (!/^\d+$/.test(v)) {
            this.add(`${this.source.describe(name)} is \`${v}\`; expected a whole number of seconds (0 or more).`);
            return Number(this.defaultOf(name)) * 1_000 || 0;
        }
        return Number(v) * 1_000;
    }
    threshold(name) {
        const v = this.value(name);
        if (v === '')
            return undefined;
        const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
        if (pct && Number(pct[1]) <= 100)
            return { kind: 'percent', value: Number(pct[1]) };
        if (/^\d+$/.test(v))
            return { kind: 'count', value: Number(v) };
        this.add(`${this.source.describe(name)} is \`${v}\`; write a count of healthy targets (\`8\`) or a percentage of desired replicas up to 100% (\`75%\`).`);
        return undefined;
    }
    /** A size: `256MiB`, `1GiB`, `500KiB`, `64Mi`, `2GB`, `1048576` (bytes); more than 0. */
    bytes(name) {
        const v = this.value(name);
        const n = parseBytes(v);
        if (n === undefined || n <= 0) {
            this.add(`${this.source.describe(name)} is \`${v}\`; write a size such as \`256MiB\`, \`1GiB\` or \`500KiB\` (a bare number is bytes).`);
            return parseBytes(this.defaultOf(name)) ?? 0;
        }
        return n;
    }
    /** `0.01`, `1%` → a fraction in [0, 1]. */
    rate(name) {
        const v = this.value(name);
        const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
        const n = pct ? Number(pct[1]) / 100 : Number(v);
        if (!Number.isFinite(n) || n < 0 || n > 1 || (!pct && !/^\d+(\.\d+)?$/.test(v))) {
            this.add(`${this.source.describe(name)} is \`${v}\`; write a fraction between 0 and 1 (\`0.01\`) or a percentage (\`1%\`).`);
            return 0;
        }
        return n;
    }
    namespace() {
        const v = this.raw('namespace') || this.defaultOf('namespace');
        if (!K8S_NAME.test(v) || v.length > 63) {
            this.add(`${this.source.describe('namespace')}: \`${v}\` is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters).`);
        }
        return v;
    }
}


/***/ })

};
