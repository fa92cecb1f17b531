export const id = 780;
export const ids = [780];
export const modules = {

/***/ 1780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: Inputs

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/adapters/action-host.ts

/** The Host when running as a GitHub Action: workflow commands, outputs and the job summary. */
function actionHost(signal) {
    return {
        kind: 'action',
        env: process.env,
        info: (m) => core.info(m),
        warning: (m, a) => core.warning(m, toCore(a)),
        error: (m, a) => core.error(m, toCore(a)),
        notice: (m, a) => core.notice(m, toCore(a)),
        debug: (m) => core.debug(m),
        group: (title, fn) => core.group(title, fn),
        setOutput: (name, value) => core.setOutput(name, value),
        appendSummary: async (markdown) => {
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await core.summary.addRaw(markdown, true).write();
        },
        mask: (secret) => {
            for (const line of secret.split(/\r?\n/))
                if (line.trim().length >= 4)
                    core.setSecret(line.trim());
        },
        signal,
    };
}
function toCore(a) {
    return a && { ...a };
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
        if (settings.githubToken)
            host.mask(settings.githubToken);
        if (settings.mode === 'watch' && settings.kubeconfig.kind === 'inline')
            host.mask(settings.kubeconfig.content);
        let result;
        if (settings.mode === 'validate') {
            const { runValidate } = await Promise.all(/* import() */[__webpack_require__.e(221), __webpack_require__.e(382), __webpack_require__.e(87), __webpack_require__.e(767), __webpack_require__.e(311)]).then(__webpack_require__.bind(__webpack_require__, 9767));
            result = await runValidate(settings, host);
        }
        else {
            const { runWatch } = await Promise.all(/* import() */[__webpack_require__.e(897), __webpack_require__.e(761)]).then(__webpack_require__.bind(__webpack_require__, 8761));
            result = await runWatch(settings, host);
        }
        if (result.exitCode !== 0)
            core.setFailed(result.message ?? 'zd-gate failed');
    }
    catch (e) {
        if (e instanceof src_settings/* SettingsError */.GN) {
            core.setFailed(e.message);
            return;
        }
        core.setFailed(`zd-gate: unexpected error: ${e.message ?? String(e)}`);
        core.debug(e.stack ?? '');
    }
}



/***/ }),

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   GN: () => (/* binding */ SettingsError),
/* harmony export */   sb: () => (/* binding */ readSettings)
/* harmony export */ });
/* unused harmony exports MIN_POLL_INTERVAL_MS, kubeconfigSource, splitList, parseDuration */
const Inputs = {
    Mode: 'mode',
    Namespace: 'namespace',
    GithubToken: 'github-token',
    Manifests: 'manifests',
    Config: 'config',
    FailOn: 'fail-on',
    Annotations: 'annotations',
    SarifFile: 'sarif-file',
    CheckName: 'check-name',
    PrComment: 'pr-comment',
    Deployments: 'deployments',
    Kubeconfig: 'kubeconfig',
    Context: 'context',
    ClusterName: 'cluster-name',
    AwsRegion: 'aws-region',
    TargetGroupArns: 'target-group-arns',
    MinHealthy: 'min-healthy',
    TolerateSeconds: 'tolerate-seconds',
    DeregistrationSeconds: 'deregistration-seconds',
    PollInterval: 'poll-interval',
    Timeout: 'timeout',
    SettleTimeout: 'settle-timeout',
    Rollback: 'rollback',
    RollbackWait: 'rollback-wait',
    AllowRolloutOnly: 'allow-rollout-only',
    ProbeUrl: 'probe-url',
    ProbeRate: 'probe-rate',
    MaxErrorRate: 'max-error-rate',
    // CLI only
    Format: 'format',
    ReportFile: 'report-file',
};
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
    const mode = p.oneOf(Inputs.Mode, ['validate', 'watch'], 'validate');
    const settings = mode === 'watch' ? readWatch(p) : readValidate(p);
    p.throwIfAny();
    return Object.freeze(settings);
}
function readValidate(p) {
    const fromInput = splitList(p.raw(Inputs.Manifests));
    const manifests = [...fromInput, ...(p.source.positionals ?? [])];
    if (manifests.length === 0) {
        p.add(`${p.source.describe(Inputs.Manifests)} is required in validate mode: list the rendered manifests (files, folders or globs; \`-\` for standard input).`);
    }
    return {
        mode: 'validate',
        manifests,
        namespace: p.namespace(),
        configFile: p.raw(Inputs.Config) || undefined,
        failOn: p.oneOf(Inputs.FailOn, ['error', 'warning', 'never'], 'error'),
        annotations: p.bool(Inputs.Annotations, true),
        sarifFile: p.raw(Inputs.SarifFile) || undefined,
        githubToken: p.raw(Inputs.GithubToken) || undefined,
        checkName: p.raw(Inputs.CheckName) || 'zd-gate',
        prComment: p.bool(Inputs.PrComment, false),
        format: p.oneOf(Inputs.Format, ['text', 'json', 'sarif', 'github'], 'text'),
    };
}
function readWatch(p) {
    const { source } = p;
    const deployments = splitList(p.raw(Inputs.Deployments));
    if (deployments.length === 0) {
        p.add(`${source.describe(Inputs.Deployments)} is required in watch mode: name the Deployments to watch.`);
    }
    for (const d of deployments) {
        if (!DNS_SUBDOMAIN.test(d) || d.length > 253) {
            p.add(`${source.describe(Inputs.Deployments)}: \`${d}\` is not a valid Deployment name (lowercase letters, digits, '-' and '.').`);
        }
    }
    if (new Set(deployments).size !== deployments.length) {
        p.add(`${source.describe(Inputs.Deployments)} lists a Deployment twice.`);
    }
    const targetGroupArns = splitList(p.raw(Inputs.TargetGroupArns));
    for (const arn of targetGroupArns) {
        if (!TG_ARN.test(arn)) {
            p.add(`${source.describe(Inputs.TargetGroupArns)}: \`${arn}\` is not a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>).`);
        }
    }
    const clusterName = p.raw(Inputs.ClusterName) || undefined;
    const kubeconfigRaw = p.raw(Inputs.Kubeconfig);
    if (clusterName && kubeconfigRaw) {
        p.add(`${source.describe(Inputs.ClusterName)} and ${source.describe(Inputs.Kubeconfig)} are both set: use one (cluster-name builds the connection from AWS credentials).`);
    }
    if (clusterName && !/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(clusterName)) {
        p.add(`${source.describe(Inputs.ClusterName)}: \`${clusterName}\` is not a valid EKS cluster name.`);
    }
    const awsRegion = p.raw(Inputs.AwsRegion) || source.env.AWS_REGION || source.env.AWS_DEFAULT_REGION || undefined;
    if (awsRegion && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(awsRegion)) {
        p.add(`${source.describe(Inputs.AwsRegion)}: \`${awsRegion}\` is not an AWS region (for example eu-west-1).`);
    }
    if (clusterName && !awsRegion) {
        p.add(`${source.describe(Inputs.ClusterName)} needs a region: set ${source.describe(Inputs.AwsRegion)} or AWS_REGION.`);
    }
    const pollIntervalMs = p.duration(Inputs.PollInterval, 5_000);
    if (pollIntervalMs < MIN_POLL_INTERVAL_MS) {
        p.add(`${source.describe(Inputs.PollInterval)} must be at least 2s: DescribeTargetHealth shares the account's Describe budget (about 10 calls/s) with the load balancer controller.`);
    }
    const settleTimeoutMs = p.duration(Inputs.SettleTimeout, 5 * 60_000);
    const timeoutRaw = p.raw(Inputs.Timeout);
    const timeoutMs = timeoutRaw ? p.duration(Inputs.Timeout, 0) : undefined;
    if (timeoutMs !== undefined && timeoutMs <= 0)
        p.add(`${source.describe(Inputs.Timeout)} must be longer than 0s.`);
    const tolerateMs = p.seconds(Inputs.TolerateSeconds, 0);
    const deregistrationMs = p.seconds(Inputs.DeregistrationSeconds, 15);
    const probeUrl = p.raw(Inputs.ProbeUrl);
    let probe;
    if (probeUrl) {
        let ok = false;
        try {
            const u = new URL(probeUrl);
            ok = u.protocol === 'http:' || u.protocol === 'https:';
        }
        catch {
            ok = false;
        }
        if (!ok)
            p.add(`${source.describe(Inputs.ProbeUrl)}: \`${probeUrl}\` is not an http(s) URL.`);
        const ratePerSecond = p.number(Inputs.ProbeRate, 5);
        if (!(ratePerSecond >= 1 && ratePerSecond <= 50)) {
            p.add(`${source.describe(Inputs.ProbeRate)} must be between 1 and 50 requests per second.`);
        }
        probe = { url: probeUrl, ratePerSecond, maxErrorRate: p.rate(Inputs.MaxErrorRate, 0) };
    }
    else if (p.raw(Inputs.MaxErrorRate) && p.raw(Inputs.MaxErrorRate) !== '0') {
        p.add(`${source.describe(Inputs.MaxErrorRate)} needs ${source.describe(Inputs.ProbeUrl)}: errors are measured by the probe.`);
    }
    return {
        mode: 'watch',
        namespace: p.namespace(),
        deployments,
        kubeconfig: kubeconfigSource(kubeconfigRaw),
        context: p.raw(Inputs.Context) || undefined,
        clusterName,
        awsRegion,
        targetGroupArns,
        minHealthy: p.threshold(Inputs.MinHealthy),
        tolerateMs,
        deregistrationMs,
        pollIntervalMs,
        timeoutMs,
        settleTimeoutMs,
        rollback: p.bool(Inputs.Rollback, false),
        rollbackWait: p.bool(Inputs.RollbackWait, true),
        allowRolloutOnly: p.bool(Inputs.AllowRolloutOnly, false),
        probe,
        githubToken: p.raw(Inputs.GithubToken) || undefined,
        reportFile: p.raw(Inputs.ReportFile) || undefined,
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
    oneOf(name, allowed, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        const hit = allowed.find((a) => a === v.toLowerCase());
        if (hit)
            return hit;
        this.add(`${this.source.describe(name)} is \`${v}\`; use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
        return fallback;
    }
    /** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
    bool(name, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        this.add(`${this.source.describe(name)} is \`${v}\`; use \`true\` or \`false\`.`);
        return fallback;
    }
    number(name, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        const n = Number(v);
        if (!Number.isFinite(n)) {
            this.add(`${this.source.describe(name)} is \`${v}\`; expected a number.`);
            return fallback;
        }
        return n;
    }
    duration(name, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        const ms = parseDuration(v);
        if (ms === undefined) {
            this.add(`${this.source.describe(name)} is \`${v}\`; write a duration such as \`90s\`, \`5m\` or \`1m30s\` (a bare number is seconds).`);
            return fallback;
        }
        return ms;
    }
    seconds(name, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        if (!/^\d+$/.test(v)) {
            this.add(`${this.source.describe(name)} is \`${v}\`; expected a whole number of seconds (0 or more).`);
            return fallback;
        }
        return Number(v) * 1_000;
    }
    threshold(name) {
        const v = this.raw(name);
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
    /** `0.01`, `1%` → a fraction in [0, 1]. */
    rate(name, fallback) {
        const v = this.raw(name);
        if (v === '')
            return fallback;
        const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
        const n = pct ? Number(pct[1]) / 100 : Number(v);
        if (!Number.isFinite(n) || n < 0 || n > 1 || (!pct && !/^\d+(\.\d+)?$/.test(v))) {
            this.add(`${this.source.describe(name)} is \`${v}\`; write a fraction between 0 and 1 (\`0.01\`) or a percentage (\`1%\`).`);
            return fallback;
        }
        return n;
    }
    namespace() {
        const v = this.raw(Inputs.Namespace) || 'default';
        if (!K8S_NAME.test(v) || v.length > 63) {
            this.add(`${this.source.describe(Inputs.Namespace)}: \`${v}\` is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters).`);
        }
        return v;
    }
}


/***/ })

};
