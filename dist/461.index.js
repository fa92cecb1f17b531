export const id = 461;
export const ids = [461,311];
export const modules = {

/***/ 9461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: USAGE

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
;// CONCATENATED MODULE: ./src/adapters/cli-host.ts
/**
 * The Host for the CLI: progress and diagnostics on stderr (stdout is reserved for the report a
 * mode prints, so `--format json > out.json` stays clean). With `--format github` the validate mode
 * prints workflow commands itself; this host never does.
 */
function cliHost(signal, stderr = process.stderr) {
    const secrets = [];
    const redact = (m) => secrets.reduce((acc, s) => acc.split(s).join('***'), m);
    const write = (m) => void stderr.write(`${redact(m)}\n`);
    const where = (a) => a?.file ? `${a.file}${a.startLine ? `:${a.startLine}` : ''}: ` : '';
    return {
        kind: 'cli',
        env: process.env,
        info: write,
        warning: (m, a) => write(`warning: ${where(a)}${m}`),
        error: (m, a) => write(`error: ${where(a)}${m}`),
        notice: (m, a) => write(`notice: ${where(a)}${m}`),
        debug: (m) => {
            if (process.env.ZD_GATE_DEBUG)
                write(`debug: ${m}`);
        },
        group: async (title, fn) => {
            write(title);
            return fn();
        },
        setOutput: () => undefined,
        appendSummary: async () => undefined,
        mask: (secret) => {
            for (const line of secret.split(/\r?\n/))
                if (line.trim().length >= 4)
                    secrets.push(line.trim());
        },
        signal,
    };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * `zd-gate validate|watch|rules`: the same engine as the action, driven by flags.
 * Exit codes: 0 clean, 1 findings at or above --fail-on (validate) or a failed gate (watch),
 * 2 usage or input errors.
 */




const COMMON = [src_settings/* Inputs */.G0.Namespace, src_settings/* Inputs */.G0.GithubToken];
const VALIDATE = [src_settings/* Inputs */.G0.Config, src_settings/* Inputs */.G0.FailOn, src_settings/* Inputs */.G0.Format, src_settings/* Inputs */.G0.SarifFile];
const WATCH = [
    src_settings/* Inputs */.G0.Deployments,
    src_settings/* Inputs */.G0.Kubeconfig,
    src_settings/* Inputs */.G0.Context,
    src_settings/* Inputs */.G0.ClusterName,
    src_settings/* Inputs */.G0.AwsRegion,
    src_settings/* Inputs */.G0.TargetGroupArns,
    src_settings/* Inputs */.G0.MinHealthy,
    src_settings/* Inputs */.G0.TolerateSeconds,
    src_settings/* Inputs */.G0.DeregistrationSeconds,
    src_settings/* Inputs */.G0.PollInterval,
    src_settings/* Inputs */.G0.Timeout,
    src_settings/* Inputs */.G0.SettleTimeout,
    src_settings/* Inputs */.G0.Rollback,
    src_settings/* Inputs */.G0.RollbackWait,
    src_settings/* Inputs */.G0.AllowRolloutOnly,
    src_settings/* Inputs */.G0.ProbeUrl,
    src_settings/* Inputs */.G0.ProbeRate,
    src_settings/* Inputs */.G0.MaxErrorRate,
    src_settings/* Inputs */.G0.ReportFile,
];
/** Flags that may be given without a value (`--rollback` means `--rollback true`). */
const SWITCHES = new Set([src_settings/* Inputs */.G0.Rollback, src_settings/* Inputs */.G0.RollbackWait, src_settings/* Inputs */.G0.AllowRolloutOnly]);
const SHORT = {
    [src_settings/* Inputs */.G0.Namespace]: 'n',
    [src_settings/* Inputs */.G0.Config]: 'c',
    [src_settings/* Inputs */.G0.Format]: 'f',
};
const USAGE = `zd-gate ${version/* VERSION */.x}: zero-downtime gate for Kubernetes rollouts behind AWS load balancers

Usage:
  zd-gate validate [--format text|json|sarif|github] [--config FILE] [--namespace NS]
                   [--fail-on error|warning|never] [--sarif-file FILE] PATH...
      Check rendered manifests (files, folders, globs; - for standard input).
  zd-gate watch --deployments NAME[,NAME...] [--namespace NS] [--kubeconfig PATH] [--context CTX]
                [--cluster-name EKS --aws-region REGION] [--target-group-arns ARN,...]
                [--min-healthy N|P%] [--tolerate-seconds S] [--deregistration-seconds S]
                [--poll-interval 5s] [--timeout D]
                [--settle-timeout D] [--rollback] [--rollback-wait false] [--allow-rollout-only]
                [--probe-url URL --probe-rate N --max-error-rate R] [--report-file FILE]
      Follow the rollout together with the target groups' health; fail when healthy targets drop
      below the threshold; optionally roll back.
  zd-gate rules [--format markdown|json]
      List the validate rules with their defaults.

Exit codes: 0 clean, 1 findings at or above --fail-on / gate failed, 2 usage or input error.
Docs: README.md (inputs, rules, RBAC and IAM).`;
/** Runs the CLI and resolves to the process exit code. Never throws. */
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        io.stdout.write(`${version/* VERSION */.x}\n`);
        return 0;
    }
    if (command !== 'validate' && command !== 'watch' && command !== 'rules') {
        io.stderr.write(`zd-gate: unknown command \`${command}\`; use validate, watch or rules (zd-gate --help).\n`);
        return 2;
    }
    const names = command === 'validate' ? [...COMMON, ...VALIDATE] : command === 'watch' ? [...COMMON, ...WATCH] : [src_settings/* Inputs */.G0.Format];
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: normalizeSwitches(rest),
            options: optionsFor(names),
            allowPositionals: command === 'validate',
            strict: true,
        });
    }
    catch (e) {
        io.stderr.write(`zd-gate ${command}: ${e.message}\n(zd-gate --help lists the flags)\n`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const values = parsed.values;
    const source = {
        get: (name) => (name === src_settings/* Inputs */.G0.Mode ? (command === 'rules' ? 'validate' : command) : asString(values[name])),
        describe: (name) => `--${name}`,
        positionals: parsed.positionals,
        env: io.env,
    };
    const host = cliHost(io.signal, io.stderr);
    try {
        if (command === 'rules') {
            const { runRules } = await Promise.all(/* import() */[__webpack_require__.e(221), __webpack_require__.e(87), __webpack_require__.e(267)]).then(__webpack_require__.bind(__webpack_require__, 5267));
            return (await runRules(asString(values[src_settings/* Inputs */.G0.Format]) ?? 'markdown', io.stdout)).exitCode;
        }
        const settings = (0,src_settings/* readSettings */.sb)(source);
        let result;
        if (settings.mode === 'validate') {
            const { runValidate } = await Promise.all(/* import() */[__webpack_require__.e(221), __webpack_require__.e(382), __webpack_require__.e(87), __webpack_require__.e(767)]).then(__webpack_require__.bind(__webpack_require__, 9767));
            result = await runValidate(settings, host, { stdout: io.stdout, stdin: process.stdin });
        }
        else {
            const { runWatch } = await Promise.all(/* import() */[__webpack_require__.e(897), __webpack_require__.e(761)]).then(__webpack_require__.bind(__webpack_require__, 8761));
            result = await runWatch(settings, host);
        }
        if (result.exitCode !== 0 && result.message)
            io.stderr.write(`zd-gate ${command}: ${result.message}\n`);
        return result.exitCode;
    }
    catch (e) {
        if (e instanceof src_settings/* SettingsError */.GN) {
            io.stderr.write(`zd-gate ${command}: ${e.message}\n`);
            return 2;
        }
        io.stderr.write(`zd-gate ${command}: unexpected error: ${e.message ?? String(e)}\n`);
        if (io.env.ZD_GATE_DEBUG)
            io.stderr.write(`${e.stack ?? ''}\n`);
        return 2;
    }
}
function optionsFor(names) {
    const options = { help: { type: 'boolean', short: 'h' } };
    for (const name of names) {
        const short = SHORT[name];
        options[name] = short ? { type: 'string', short } : { type: 'string' };
    }
    return options;
}
/** `--rollback` alone means `--rollback=true`; parseArgs needs the value spelled out for string options. */
function normalizeSwitches(args) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
        const next = args[i + 1];
        if (name && SWITCHES.has(name) && (next === undefined || next.startsWith('-') || !/^(true|false)$/i.test(next))) {
            out.push(`${a}=true`);
        }
        else {
            out.push(a);
        }
    }
    return out;
}
function asString(v) {
    return typeof v === 'boolean' ? String(v) : v;
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


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept in step with package.json by __tests__/version.test.ts. */
const VERSION = '1.0.0';


/***/ })

};
