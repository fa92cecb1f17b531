export const id = 761;
export const ids = [761];
export const modules = {

/***/ 5634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $d: () => (/* binding */ serviceSelects),
/* harmony export */   de: () => (/* binding */ selectorMatches),
/* harmony export */   lF: () => (/* binding */ toLabelSelector)
/* harmony export */ });
/* harmony import */ var _manifest_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5856);
/** Kubernetes label selectors, as the API server evaluates them. */

/** A Service selector: equality only; empty or missing selects nothing (the Service has manual endpoints). */
function serviceSelects(selector, labels) {
    const keys = Object.keys(selector);
    return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}
function toLabelSelector(v) {
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(v))
        return undefined;
    const matchLabels = {};
    if ((0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(v.matchLabels))
        for (const [k, val] of Object.entries(v.matchLabels))
            matchLabels[k] = String(val);
    const matchExpressions = Array.isArray(v.matchExpressions)
        ? v.matchExpressions.filter(_manifest_types_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv).map((e) => ({
            key: String(e.key ?? ''),
            operator: String(e.operator ?? ''),
            values: Array.isArray(e.values) ? e.values.map(String) : [],
        }))
        : [];
    return { matchLabels, matchExpressions };
}
/**
 * metav1.LabelSelector semantics: all terms must hold. An empty selector matches everything
 * (policy/v1 PodDisruptionBudget: "an empty selector selects all pods in the namespace").
 */
function selectorMatches(sel, labels) {
    for (const [k, v] of Object.entries(sel.matchLabels))
        if (labels[k] !== v)
            return false;
    for (const e of sel.matchExpressions) {
        const has = Object.prototype.hasOwnProperty.call(labels, e.key);
        const value = labels[e.key];
        switch (e.operator) {
            case 'In':
                if (!has || !e.values.includes(value))
                    return false;
                break;
            case 'NotIn':
                if (has && e.values.includes(value))
                    return false;
                break;
            case 'Exists':
                if (!has)
                    return false;
                break;
            case 'DoesNotExist':
                if (has)
                    return false;
                break;
            default:
                return false; // an invalid operator selects nothing, as the API server would reject it
        }
    }
    return true;
}


/***/ }),

/***/ 5856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   Jt: () => (/* binding */ get),
/* harmony export */   v8: () => (/* binding */ describeObject)
/* harmony export */ });
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function refOf(o) {
    return o.namespace === undefined
        ? { kind: o.kind, name: o.name }
        : { kind: o.kind, namespace: o.namespace, name: o.name };
}
function describeObject(o) {
    return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}
/** Reads a nested value; undefined when any step is missing or of the wrong shape. */
function get(value, path) {
    let cur = value;
    for (const key of path) {
        if (typeof key === 'number') {
            if (!Array.isArray(cur))
                return undefined;
            cur = cur[key];
        }
        else {
            if (!isObject(cur))
                return undefined;
            cur = cur[key];
        }
    }
    return cur;
}


/***/ }),

/***/ 2421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ scaledValue),
/* harmony export */   Gh: () => (/* binding */ resolveThreshold),
/* harmony export */   jk: () => (/* binding */ resolveFenceposts)
/* harmony export */ });
/* unused harmony exports IntOrPercentError, desiredReplicas, maxUnavailable */
class IntOrPercentError extends Error {
}
/**
 * intstr.GetScaledValueFromIntOrPercent: a number is taken as is; a string must end in `%` and is
 * scaled by `total`, rounding up or down. Any other string is an error, as in Go.
 */
function scaledValue(value, total, roundUp) {
    if (typeof value === 'number')
        return value;
    if (!value.endsWith('%'))
        throw new IntOrPercentError(`invalid value for IntOrString: invalid type: string is not a percentage`);
    const digits = value.slice(0, -1);
    if (!/^[+-]?\d+$/.test(digits))
        throw new IntOrPercentError(`invalid value for IntOrString: invalid value "${value}"`);
    const percent = Number(digits);
    const scaled = (percent * total) / 100;
    return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down, a missing value counts as 0, and
 * when both resolve to 0 unavailable becomes 1.
 */
function resolveFenceposts(maxSurge, maxUnavailable, desired) {
    const surge = scaledValue(maxSurge ?? 0, desired, true);
    let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
    if (surge === 0 && unavailable === 0)
        unavailable = 1;
    return { surge, unavailable };
}
/** Desired replicas, with the API default of 1. */
function desiredReplicas(deployment) {
    return deployment.spec?.replicas ?? 1;
}
/** apps/v1 defaults: RollingUpdate with 25% surge and 25% unavailable. */
function rollingUpdate(deployment) {
    const strategy = deployment.spec?.strategy;
    const type = strategy?.type ?? 'RollingUpdate';
    if (type !== 'RollingUpdate')
        return undefined;
    return {
        maxSurge: strategy?.rollingUpdate?.maxSurge ?? '25%',
        maxUnavailable: strategy?.rollingUpdate?.maxUnavailable ?? '25%',
    };
}
/**
 * MaxUnavailable: 0 unless the strategy is RollingUpdate with replicas > 0; never more than the
 * desired replicas.
 */
function maxUnavailable(deployment) {
    const desired = desiredReplicas(deployment);
    const ru = rollingUpdate(deployment);
    if (!ru || desired === 0)
        return 0;
    const { unavailable } = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired);
    return Math.min(unavailable, desired);
}
/**
 * The healthy-target threshold for a Deployment: the `min-healthy` input when given (a count, or a
 * percentage of desired replicas rounded up), else desired − maxUnavailable as the controller
 * resolves it. A Recreate Deployment has no maxUnavailable, so its default threshold is all replicas.
 */
function resolveThreshold(deployment, spec) {
    const desired = desiredReplicas(deployment);
    if (spec?.kind === 'count')
        return { value: spec.value, desired, explanation: `min-healthy ${spec.value}` };
    if (spec?.kind === 'percent') {
        // Two decimals are enough for any percentage a user writes; the rounding avoids 0.1 + 0.2 artefacts.
        const value = Math.ceil(Math.round(spec.value * desired * 100) / 10_000);
        return { value, desired, explanation: `min-healthy ${spec.value}% of ${desired} desired, rounded up` };
    }
    let unavailable;
    try {
        unavailable = maxUnavailable(deployment);
    }
    catch {
        // The API server rejects such a Deployment; be strict if one gets through anyway.
        unavailable = 0;
    }
    const type = deployment.spec?.strategy?.type ?? 'RollingUpdate';
    const how = type === 'RollingUpdate' ? `maxUnavailable ${unavailable}` : `${type} strategy: no maxUnavailable`;
    return { value: desired - unavailable, desired, explanation: `${desired} desired − ${how}` };
}


/***/ }),

/***/ 8761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWatch: () => (/* binding */ runWatch)
});

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/graph/selectors.ts
var selectors = __webpack_require__(5634);
;// CONCATENATED MODULE: ./src/core/gate/discovery.ts
/**
 * Which target groups front a Deployment: TargetGroupBindings (elbv2.k8s.aws/v1beta1) whose
 * serviceRef names a Service in the same namespace that selects the Deployment's pods, with the
 * serviceRef port matched by number or by name. Pure; the adapters list the objects.
 */

/** A Service selects the Deployment's pods when its non-empty selector is a subset of the pod template labels. */
function selectsPods(service, deployment) {
    return (0,selectors/* serviceSelects */.$d)(service.spec?.selector ?? {}, deployment.spec?.template?.metadata?.labels ?? {});
}
function discoverTargetGroups(deployment, services, bindings) {
    const notes = [];
    const selecting = new Map();
    for (const s of services)
        if (s.metadata?.name && selectsPods(s, deployment))
            selecting.set(s.metadata.name, s);
    const bound = [];
    for (const b of bindings) {
        const serviceName = b.spec?.serviceRef?.name;
        const arn = b.spec?.targetGroupARN;
        const name = b.metadata?.name ?? '?';
        if (!serviceName || !selecting.has(serviceName))
            continue;
        if (!arn) {
            notes.push(`TargetGroupBinding ${name} has no spec.targetGroupARN yet; skipped`);
            continue;
        }
        const service = selecting.get(serviceName);
        const ref = b.spec?.serviceRef?.port;
        const port = (service.spec?.ports ?? []).find((p) => typeof ref === 'number'
            ? p.port === ref
            : p.name === ref || (ref !== undefined && /^\d+$/.test(ref) && p.port === Number(ref)));
        if (!port || port.port === undefined) {
            notes.push(`TargetGroupBinding ${name} refers to port ${String(ref)} which Service ${serviceName} does not expose; skipped`);
            continue;
        }
        bound.push({
            arn,
            binding: name,
            service: serviceName,
            servicePort: ref ?? port.port,
            // Kubernetes defaults targetPort to the port number.
            targetPort: port.targetPort ?? port.port,
            targetType: b.spec?.targetType,
        });
    }
    return { bound, notes };
}
/** `targetgroup/k8s-demo-web-1a2b3c4d5e/0123456789abcdef` → `k8s-demo-web-1a2b3c4d5e`. */
function targetGroupName(arn) {
    const m = /:targetgroup\/([^/]+)\//.exec(arn);
    return m?.[1] ?? arn;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/adapters/clock.ts
/** The system clock and timers for the adapters; the pure core only ever sees a Clock. */

const systemTimers = {
    now: () => Date.now(),
    sleep: async (ms, signal) => {
        if (signal?.aborted)
            return;
        try {
            await (0,external_node_timers_promises_.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : {});
        }
        catch {
            // aborted
        }
    },
};

;// CONCATENATED MODULE: ./src/adapters/aws/budget.ts
const DEFAULT_BUDGET = { ratePerSecond: 1, burst: 3 };
class CallBudget {
    clock;
    options;
    tokens;
    last;
    spentTotal = 0;
    constructor(clock, options = DEFAULT_BUDGET) {
        this.clock = clock;
        this.options = options;
        this.tokens = options.burst;
        this.last = clock.now();
    }
    refill() {
        const now = this.clock.now();
        this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.ratePerSecond);
        this.last = now;
    }
    /** Milliseconds until a call may go out (0: now). */
    waitMs() {
        this.refill();
        if (this.tokens >= 1)
            return 0;
        return Math.ceil(((1 - this.tokens) / this.options.ratePerSecond) * 1000);
    }
    /** Records one HTTP attempt (the first or a retry); may drive the balance negative. */
    spend() {
        this.refill();
        this.tokens -= 1;
        this.spentTotal++;
    }
    /** HTTP attempts recorded so far. */
    get spent() {
        return this.spentTotal;
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./src/adapters/aws/elbv2.ts
/**
 * ELBv2 through the AWS SDK: DescribeTargetGroups once (target type, health check), then
 * DescribeTargetHealth per target group per interval. Retries are the SDK's (standard mode,
 * `maxAttempts`); every HTTP attempt draws from the CallBudget through a middleware, so retries
 * count too. Throttling and transient errors become `unknown`; missing permissions and missing
 * target groups become errors that say what to fix.
 *
 * The endpoint is the SDK's: AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 (or AWS_ENDPOINT_URL)
 * overrides it, as for any SDK client.
 */

/** A failure the gate cannot wait out: the message says what to fix. */
class AwsSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AwsSetupError';
    }
}
function createElbClient(options) {
    const client = new dist_cjs/* ElasticLoadBalancingV2Client */.MlD({
        region: options.region,
        maxAttempts: options.maxAttempts ?? 3,
        retryMode: 'standard',
        requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000, connectionTimeout: 5_000 },
    });
    // In the deserialize step, below the retry middleware: runs once per HTTP attempt.
    client.middlewareStack.add((next) => async (args) => {
        options.budget.spend();
        return next(args);
    }, { step: 'deserialize', name: 'zdGateCallBudget', priority: 'low' });
    return client;
}
const THROTTLING = new Set([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'RequestThrottled',
    'SlowDown',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);
const BAD_CREDENTIALS = new Set([
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'SignatureDoesNotMatch',
    'ExpiredToken',
    'ExpiredTokenException',
    'InvalidAccessKeyId',
    'AuthFailure',
]);
function isThrottling(e) {
    return THROTTLING.has(e.name ?? '') || e.$retryable?.throttling === true || e.$metadata?.httpStatusCode === 429;
}
/** The errors no waiting fixes, as a sentence naming the permission or input to fix; else undefined. */
function setupProblem(e, action, subject) {
    const name = e.name ?? '';
    if (ACCESS_DENIED.has(name) || (e.$metadata?.httpStatusCode === 403 && !BAD_CREDENTIALS.has(name))) {
        return `AWS denied ${action} on ${subject}: allow \`${action}\` in the IAM policy of the role the job runs with (README.md#aws-iam). AWS said: ${e.message ?? name}`;
    }
    if (BAD_CREDENTIALS.has(name))
        return `AWS rejected the credentials for ${action} (${name}): check the role or keys the job runs with. AWS said: ${e.message ?? name}`;
    if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e.message ?? '')) {
        return `no AWS credentials found for ${action}: configure credentials (for example aws-actions/configure-aws-credentials, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY).`;
    }
    if (name === 'TargetGroupNotFoundException' || name === 'TargetGroupNotFound') {
        return `target group not found: ${subject} (${action}). Check \`target-group-arns\` and \`aws-region\`, or whether the load balancer controller deleted it.`;
    }
    if (name === 'ValidationError' || name === 'ValidationException')
        return `${action} rejected ${subject}: ${e.message ?? name}`;
    return undefined;
}
function describeError(e) {
    const status = e.$metadata?.httpStatusCode;
    return `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? ''}`.trim();
}
class ElbTargetHealth {
    client;
    constructor(client) {
        this.client = client;
    }
    /** DescribeTargetGroups for the ARNs (20 per call). Throws AwsSetupError on permission or lookup errors. */
    async describeTargetGroups(arns, signal) {
        const out = new Map();
        for (let i = 0; i < arns.length; i += 20) {
            const chunk = arns.slice(i, i + 20);
            let groups;
            try {
                const r = await this.client.send(new dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: chunk }), signal ? { abortSignal: signal } : {});
                groups = r.TargetGroups ?? [];
            }
            catch (e) {
                const problem = setupProblem(e, 'elasticloadbalancing:DescribeTargetGroups', chunk.join(', '));
                throw new AwsSetupError(problem ?? `DescribeTargetGroups failed for ${chunk.join(', ')}: ${describeError(e)}`);
            }
            for (const g of groups) {
                if (!g.TargetGroupArn)
                    continue;
                const hc = g.HealthCheckProtocol
                    ? `${g.HealthCheckProtocol} ${g.HealthCheckPort ?? 'traffic-port'}${g.HealthCheckPath ? ` ${g.HealthCheckPath}` : ''}${g.Matcher?.HttpCode ? ` expecting ${g.Matcher.HttpCode}` : ''}, every ${g.HealthCheckIntervalSeconds ?? '?'}s, healthy after ${g.HealthyThresholdCount ?? '?'}`
                    : 'unknown';
                out.set(g.TargetGroupArn, {
                    arn: g.TargetGroupArn,
                    name: g.TargetGroupName ?? g.TargetGroupArn,
                    targetType: g.TargetType ?? 'unknown',
                    ...(g.Protocol ? { protocol: g.Protocol } : {}),
                    ...(g.Port !== undefined ? { port: g.Port } : {}),
                    healthCheck: hc,
                    ...(g.HealthCheckIntervalSeconds !== undefined
                        ? { healthCheckIntervalSeconds: g.HealthCheckIntervalSeconds }
                        : {}),
                    ...(g.HealthyThresholdCount !== undefined ? { healthyThresholdCount: g.HealthyThresholdCount } : {}),
                    loadBalancers: g.LoadBalancerArns?.length ?? 0,
                });
            }
        }
        return out;
    }
    /**
     * One DescribeTargetHealth. Throttling, 5xx, timeouts and network errors are `unknown`;
     * AccessDenied, a deleted target group and bad credentials throw AwsSetupError.
     */
    async describeTargetHealth(arn, signal) {
        try {
            const r = await this.client.send(new dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: arn }), signal ? { abortSignal: signal } : {});
            return {
                kind: 'known',
                targets: (r.TargetHealthDescriptions ?? []).map((d) => ({
                    id: d.Target?.Id ?? '',
                    ...(d.Target?.Port !== undefined ? { port: d.Target.Port } : {}),
                    state: d.TargetHealth?.State ?? 'unknown',
                    ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
                    ...(d.TargetHealth?.Description ? { description: d.TargetHealth.Description } : {}),
                })),
            };
        }
        catch (e) {
            const err = e;
            if (err.name === 'AbortError')
                throw e;
            const problem = setupProblem(err, 'elasticloadbalancing:DescribeTargetHealth', arn);
            if (problem)
                throw new AwsSetupError(problem);
            return { kind: 'unknown', reason: describeError(err), ...(isThrottling(err) ? { throttled: true } : {}) };
        }
    }
}

;// CONCATENATED MODULE: ./src/adapters/aws/poller.ts

class TargetHealthPoller {
    elb;
    budget;
    timers;
    options;
    random;
    listeners = new Map();
    /** DescribeTargetHealth calls per target group (not counting SDK retries; the budget does). */
    calls = new Map();
    constructor(elb, budget, timers, options, random = Math.random) {
        this.elb = elb;
        this.budget = budget;
        this.timers = timers;
        this.options = options;
        this.random = random;
    }
    subscribe(arn, listener) {
        let set = this.listeners.get(arn);
        if (!set)
            this.listeners.set(arn, (set = new Set()));
        set.add(listener);
    }
    /** Polls every subscribed target group until `signal` aborts; a setup error stops all and is reported once. */
    async run(signal, onSetupError) {
        const arns = [...this.listeners.keys()];
        const spacing = arns.length > 0 ? this.options.intervalMs / arns.length : 0;
        await Promise.all(arns.map((arn, i) => this.loop(arn, i * spacing, signal, onSetupError)));
    }
    async loop(arn, offsetMs, signal, onSetupError) {
        const jitter = this.options.jitter ?? 0.2;
        const maxBackoff = this.options.maxBackoff ?? 6;
        let backoff = 1;
        // The first poll of each group goes out at once; later ones are spread over the interval.
        await this.timers.sleep(Math.min(offsetMs, 1_000), signal);
        while (!signal.aborted) {
            for (let wait = this.budget.waitMs(); wait > 0 && !signal.aborted; wait = this.budget.waitMs())
                await this.timers.sleep(wait, signal);
            if (signal.aborted)
                return;
            let observation;
            try {
                observation = await this.elb.describeTargetHealth(arn, signal);
            }
            catch (e) {
                if (signal.aborted)
                    return;
                if (e instanceof AwsSetupError) {
                    onSetupError(e);
                    return;
                }
                observation = { kind: 'unknown', reason: e.message ?? String(e) };
            }
            this.calls.set(arn, (this.calls.get(arn) ?? 0) + 1);
            if (signal.aborted)
                return;
            const { throttled, ...plain } = observation;
            for (const l of this.listeners.get(arn) ?? [])
                l(plain);
            backoff = throttled ? Math.min(maxBackoff, backoff * 2) : 1;
            const factor = 1 + jitter * (this.random() * 2 - 1);
            await this.timers.sleep(this.options.intervalMs * backoff * factor, signal);
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-cjs/index.js
var credential_provider_node_dist_cjs = __webpack_require__(5861);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(4418);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var client_eks_dist_cjs = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/adapters/aws/eks.ts
/** eks:DescribeCluster: the API server endpoint and CA of an EKS cluster, for `cluster-name`. */


async function describeCluster(name, region, client = new client_eks_dist_cjs/* EKSClient */.JQJ({ region, maxAttempts: 3 })) {
    let cluster;
    try {
        cluster = (await client.send(new client_eks_dist_cjs/* DescribeClusterCommand */.hV5({ name }))).cluster;
    }
    catch (e) {
        const err = e;
        if (err.name === 'ResourceNotFoundException') {
            throw new AwsSetupError(`EKS cluster \`${name}\` not found in ${region}: check \`cluster-name\` and \`aws-region\`.`);
        }
        const problem = setupProblem(err, 'eks:DescribeCluster', `cluster ${name}`);
        throw new AwsSetupError(problem ??
            `eks:DescribeCluster failed for cluster ${name} in ${region}: ${err.name ?? 'Error'}: ${err.message ?? ''}`);
    }
    if (!cluster?.endpoint || !cluster.certificateAuthority?.data) {
        throw new AwsSetupError(`EKS cluster \`${name}\` has no endpoint or certificate yet (status ${cluster?.status ?? 'unknown'}).`);
    }
    return { name, endpoint: cluster.endpoint, caData: cluster.certificateAuthority.data };
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@aws-crypto/sha256-js/build/main/index.js
var main = __webpack_require__(3156);
// EXTERNAL MODULE: ./node_modules/@smithy/protocol-http/dist-cjs/index.js
var protocol_http_dist_cjs = __webpack_require__(2356);
// EXTERNAL MODULE: ./node_modules/@smithy/querystring-builder/dist-cjs/index.js
var querystring_builder_dist_cjs = __webpack_require__(8256);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/adapters/kubernetes/eks-auth.ts
/**
 * The EKS bearer token, built in-process the way `aws eks get-token` and aws-iam-authenticator do:
 * `k8s-aws-v1.` + base64url (no padding) of a presigned STS GetCallerIdentity GET URL whose signed
 * headers include `x-k8s-aws-id: <cluster name>`, with X-Amz-Expires=60. STS honours such a URL for
 * 15 minutes after X-Amz-Date; the authenticator below renews the token after 10.
 */





const TOKEN_PREFIX = 'k8s-aws-v1.';
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** Renew well before STS stops accepting the URL (15 minutes after signing). */
const TOKEN_RENEW_AFTER_MS = 10 * 60_000;
function stsHost(region) {
    return region.startsWith('cn-') ? `sts.${region}.amazonaws.com.cn` : `sts.${region}.amazonaws.com`;
}
async function eksToken(options) {
    const hostname = stsHost(options.region);
    const signer = new signature_v4_dist_cjs.SignatureV4({
        credentials: options.credentials,
        region: options.region,
        service: 'sts',
        sha256: main.Sha256,
    });
    const request = new protocol_http_dist_cjs/* HttpRequest */.Kd({
        method: 'GET',
        protocol: 'https:',
        hostname,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: hostname, [CLUSTER_ID_HEADER]: options.clusterName },
    });
    const signed = await signer.presign(request, {
        expiresIn: 60,
        ...(options.signingDate ? { signingDate: options.signingDate } : {}),
    });
    const url = `https://${hostname}/?${(0,querystring_builder_dist_cjs/* buildQueryString */.G)(signed.query ?? {})}`;
    return TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
}
/** The kubeconfig user name the authenticator answers for. */
const EKS_USER = 'zd-gate-eks';
/**
 * A client-node Authenticator that sets `Authorization: Bearer <EKS token>` and renews the token
 * before it expires. Every new token is handed to `onToken` (to mask it).
 */
class EksTokenAuthenticator {
    options;
    token;
    pending;
    constructor(options) {
        this.options = options;
    }
    isAuthProvider(user) {
        return user.name === EKS_USER;
    }
    async applyAuthentication(_user, opts) {
        const token = await this.current();
        opts.headers = { ...(opts.headers ?? {}), Authorization: `Bearer ${token}` };
    }
    async current() {
        const now = this.options.clock.now();
        if (this.token && now - this.token.at < TOKEN_RENEW_AFTER_MS)
            return this.token.value;
        this.pending ??= eksToken({ ...this.options, signingDate: new Date(now) })
            .then((value) => {
            this.token = { value, at: now };
            this.options.onToken?.(value);
            return value;
        })
            .finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/errors.ts
/** Kubernetes API failures as sentences that say which permission is missing. */
/** An API answer other than 2xx, with the Status the API server sent. */
class KubeApiError extends Error {
    statusCode;
    reason;
    constructor(statusCode, reason, message) {
        super(message);
        this.statusCode = statusCode;
        this.reason = reason;
        this.name = 'KubeApiError';
    }
}
/** A failure the gate cannot wait out (forbidden verb, unknown namespace): the message says what to fix. */
class KubeSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'KubeSetupError';
    }
}
/** The HTTP status of an error from our requests, client-node's Watch, or its generated API. */
function statusOf(e) {
    const x = e;
    if (typeof x?.statusCode === 'number')
        return x.statusCode;
    if (typeof x?.code === 'number')
        return x.code;
    return undefined;
}
/** 401/403 → a KubeSetupError naming the verb, resource and namespace; anything else → undefined. */
function accessProblem(e, access) {
    const status = statusOf(e);
    if (status === 401) {
        return new KubeSetupError(`the Kubernetes API rejected the credentials (401 Unauthorized) to ${access.verb} ${access.resource} in namespace ${access.namespace}: check \`kubeconfig\`/\`context\`, or the EKS access entry of the role for \`cluster-name\`.`);
    }
    if (status === 403) {
        const detail = e instanceof KubeApiError && e.message ? ` The API server said: ${e.message}` : '';
        return new KubeSetupError(`forbidden: the credentials may not ${access.verb} ${access.resource} in namespace ${access.namespace}. Grant \`${access.verb}\` on \`${access.resource}\` in a Role bound to them (README.md#kubernetes-rbac).${detail}`);
    }
    return undefined;
}
/** A short description of any error, never including request headers. */
function briefly(e) {
    const status = statusOf(e);
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    // fetch failures carry the network error (ECONNREFUSED, ENOTFOUND, a TLS problem) as the cause.
    const cause = e?.cause;
    const why = cause ? ` (${cause.code ?? cause.message ?? 'unknown cause'})` : '';
    return status ? `HTTP ${status}: ${message}` : `${message ?? 'unknown error'}${why}`;
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/connect.ts
/**
 * Builds the client-node KubeConfig from the watch settings: the default chain (KUBECONFIG,
 * ~/.kube/config, in-cluster), a kubeconfig path, inline kubeconfig content, an optional context,
 * or `cluster-name` (eks:DescribeCluster + an EKS token signed in-process and renewed). Secrets
 * found on the way (inline content, tokens, client keys) are handed to `mask`.
 */








async function connect(o) {
    const kc = new dist/* KubeConfig */.ypW();
    if (o.clusterName) {
        const region = o.awsRegion;
        if (!region)
            throw new KubeSetupError('`cluster-name` needs a region: set `aws-region` or AWS_REGION.');
        const cluster = await (o.describeEksCluster ?? describeCluster)(o.clusterName, region);
        kc.loadFromOptions({
            clusters: [{ name: cluster.name, server: cluster.endpoint, caData: cluster.caData, skipTLSVerify: false }],
            users: [{ name: EKS_USER }],
            contexts: [{ name: cluster.name, cluster: cluster.name, user: EKS_USER }],
            currentContext: cluster.name,
        });
        kc.addAuthenticator(new EksTokenAuthenticator({
            clusterName: o.clusterName,
            region,
            credentials: (0,credential_provider_node_dist_cjs.defaultProvider)(),
            clock: o.clock,
            onToken: (t) => o.mask(t),
        }));
        return { kc, describe: `EKS cluster ${cluster.name} (${cluster.endpoint})` };
    }
    const source = o.kubeconfig;
    try {
        if (source.kind === 'inline') {
            o.mask(source.content);
            kc.loadFromString(source.content);
        }
        else if (source.kind === 'path') {
            if (!(0,external_node_fs_.existsSync)(source.path))
                throw new KubeSetupError(`\`kubeconfig\`: no file at ${source.path}.`);
            kc.loadFromFile(source.path);
        }
        else {
            loadDefault(kc, o.env);
        }
    }
    catch (e) {
        if (e instanceof KubeSetupError)
            throw e;
        const where = source.kind === 'inline'
            ? 'the inline `kubeconfig` content'
            : source.kind === 'path'
                ? `\`kubeconfig\` ${source.path}`
                : 'the default kubeconfig';
        // The parser's message may quote the content; name the problem without it.
        throw new KubeSetupError(`${where} could not be read as a kubeconfig (${e.name ?? 'Error'}): check that it is a kubeconfig YAML.`);
    }
    if (o.context) {
        const names = kc.getContexts().map((c) => c.name);
        if (!names.includes(o.context)) {
            throw new KubeSetupError(`\`context\`: no context named ${o.context} in the kubeconfig (it has ${names.length > 0 ? names.join(', ') : 'none'}).`);
        }
        kc.setCurrentContext(o.context);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
        throw new KubeSetupError(`the kubeconfig has no current cluster${kc.getCurrentContext() ? ` (context ${kc.getCurrentContext()})` : ''}: set \`context\` or current-context.`);
    }
    const user = kc.getCurrentUser();
    for (const secret of [user?.token, user?.keyData, user?.password])
        if (secret)
            o.mask(secret);
    return { kc, describe: `context ${kc.getCurrentContext() || '(in-cluster)'} (${cluster.server})` };
}
/** KUBECONFIG (every file in it), else ~/.kube/config, else the in-cluster service account. */
function loadDefault(kc, env) {
    const fromEnv = (env.KUBECONFIG ?? '').split((external_node_path_default()).delimiter).filter((f) => f !== '');
    if (fromEnv.length > 0) {
        const missing = fromEnv.filter((f) => !(0,external_node_fs_.existsSync)(f));
        if (missing.length === fromEnv.length)
            throw new KubeSetupError(`KUBECONFIG names no existing file (${missing.join(', ')}).`);
        kc.loadFromDefault();
        return;
    }
    const home = external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.kube', 'config');
    if ((0,external_node_fs_.existsSync)(home)) {
        kc.loadFromFile(home);
        return;
    }
    if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)('/var/run/secrets/kubernetes.io/serviceaccount/token')) {
        kc.loadFromCluster();
        return;
    }
    throw new KubeSetupError('no Kubernetes connection configured: set `kubeconfig` (a path or the content), KUBECONFIG, or ~/.kube/config, run in-cluster, or set `cluster-name` for EKS.');
}

;// CONCATENATED MODULE: ./src/core/rollout/selector.ts
function selectorString(selector) {
    const parts = [];
    for (const [k, v] of Object.entries(selector?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        parts.push(`${k}=${v}`);
    for (const e of selector?.matchExpressions ?? []) {
        const values = [...(e.values ?? [])].sort().join(',');
        switch (e.operator) {
            case 'In':
                parts.push(`${e.key} in (${values})`);
                break;
            case 'NotIn':
                parts.push(`${e.key} notin (${values})`);
                break;
            case 'Exists':
                parts.push(e.key);
                break;
            case 'DoesNotExist':
                parts.push(`!${e.key}`);
                break;
            default:
                throw new Error(`unsupported label selector operator ${e.operator}`);
        }
    }
    return parts.join(',');
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/http.ts
/**
 * Raw JSON requests through client-node's own transport (its TLS, auth and dispatcher), the way
 * its Watch makes requests. Lists are fetched raw rather than through the generated API because
 * that API deserializes into model classes that drop fields it does not know; the gate compares
 * pod templates, so list and watch must deliver the same JSON.
 */


const http = new dist/* IsomorphicFetchHttpLibrary */.l1q();
function apiUrl(kc, path, query = {}) {
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        throw new Error('the kubeconfig has no current cluster');
    const url = new URL(cluster.server + path);
    for (const [k, v] of Object.entries(query))
        if (v !== undefined)
            url.searchParams.set(k, v);
    return url.toString();
}
async function getJson(kc, path, query = {}) {
    const ctx = new dist/* RequestContext */.bb4(apiUrl(kc, path, query), dist/* HttpMethod */.ym3.GET);
    ctx.setHeaderParam('Accept', 'application/json');
    await kc.applySecurityAuthentication(ctx);
    const response = await http.send(ctx).toPromise();
    const text = await response.body.text();
    if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
        let status = {};
        try {
            status = JSON.parse(text);
        }
        catch {
            // not a Status object
        }
        throw new KubeApiError(response.httpStatusCode, status.reason ?? '', status.message ?? text.slice(0, 300));
    }
    return JSON.parse(text);
}
async function listJson(kc, path, query) {
    const list = (await getJson(kc, path, query));
    return {
        metadata: { ...(list.metadata?.resourceVersion ? { resourceVersion: list.metadata.resourceVersion } : {}) },
        items: list.items ?? [],
    };
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/informer.ts
/**
 * A list-then-watch cache of one kind of object, on client-node's ListWatch: it lists once, then
 * follows the watch stream from that resourceVersion, reconnects when the stream ends and lists
 * again on 410 Gone. ListWatch stops on any other error; this wrapper restarts it with backoff
 * (1 s doubling to 30 s), except for 401/403, which no waiting fixes and which become a
 * KubeSetupError naming the verb, resource and namespace. Never a polling loop: between
 * reconnects the API server pushes changes.
 */



const MAX_RESTART_DELAY_MS = 30_000;
class Informer {
    o;
    lw;
    phase = 'list';
    listed = false;
    absent = false;
    stopped = false;
    restartDelayMs = 1_000;
    lastFailure;
    flushTimer;
    stopSignal = new AbortController();
    /** Lists and watch connections made, for the benchmark. */
    stats = { lists: 0, watches: 0, restarts: 0, events: 0 };
    constructor(o) {
        this.o = o;
        const watch = new dist/* Watch */.ox1(o.kc);
        const originalWatch = watch.watch.bind(watch);
        watch.watch = async (...args) => {
            this.phase = 'watch';
            this.stats.watches++;
            return originalWatch(...args);
        };
        this.lw = new dist/* ListWatch */.W_1(o.path, watch, () => this.list(), false, o.labelSelector, o.fieldSelector);
        const changed = () => {
            this.stats.events++;
            this.restartDelayMs = 1_000;
            this.scheduleFlush();
        };
        this.lw.on(dist/* ADD */.gjU, changed);
        this.lw.on(dist/* UPDATE */.q6F, changed);
        this.lw.on(dist/* DELETE */.SJi, changed);
        this.lw.on(dist/* ERROR */.ffn, (err) => void this.failed(err));
    }
    /**
     * Lists and starts watching; resolves once the first list is in (true) or it failed (false: a
     * setup error was reported, or `failure` says what went wrong while the informer keeps retrying).
     */
    async start() {
        await this.lw.start();
        if (this.listed)
            this.flush();
        return this.listed || this.absent;
    }
    stop() {
        this.stopped = true;
        this.stopSignal.abort();
        if (this.flushTimer)
            clearTimeout(this.flushTimer);
        void this.lw.stop();
    }
    /** The last transient failure, while nothing could be listed yet. */
    get failure() {
        return this.listed || this.lastFailure === undefined
            ? undefined
            : `${this.o.resource} in namespace ${this.o.namespace}: ${this.phase} failed: ${briefly(this.lastFailure)}`;
    }
    items() {
        return this.absent ? [] : this.lw.list();
    }
    async list() {
        this.phase = 'list';
        this.stats.lists++;
        const result = await listJson(this.o.kc, this.o.path, {
            labelSelector: this.o.labelSelector,
            fieldSelector: this.o.fieldSelector,
        });
        this.listed = true;
        this.restartDelayMs = 1_000;
        return result;
    }
    scheduleFlush() {
        if (!this.listed || this.flushTimer)
            return;
        this.flushTimer = setTimeout(() => this.flush(), this.o.coalesceMs ?? 50);
    }
    flush() {
        if (this.flushTimer)
            clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        if (!this.stopped)
            this.o.onChange(this.items());
    }
    async failed(err) {
        if (this.stopped)
            return;
        const problem = accessProblem(err, { verb: this.phase, resource: this.o.resource, namespace: this.o.namespace });
        if (problem) {
            this.stopped = true;
            this.o.onSetupError(problem);
            return;
        }
        if (statusOf(err) === 404) {
            if (this.o.optional) {
                this.absent = true;
                this.stopped = true;
                this.o.log(`${this.o.resource}: not served by this cluster (404); treated as none`);
                this.o.onChange([]);
                return;
            }
            this.stopped = true;
            this.o.onSetupError(new KubeSetupError(`${this.o.resource} in namespace ${this.o.namespace}: 404 Not Found (${briefly(err)}); check \`namespace\`.`));
            return;
        }
        this.lastFailure = err;
        const delay = this.restartDelayMs;
        this.restartDelayMs = Math.min(MAX_RESTART_DELAY_MS, this.restartDelayMs * 2);
        this.stats.restarts++;
        this.o.log(`${this.o.resource}: ${this.phase} failed (${briefly(err)}); restarting in ${delay / 1000}s`);
        await this.o.timers.sleep(delay, this.stopSignal.signal);
        if (this.stopped)
            return;
        await this.lw.start();
        if (this.listed)
            this.scheduleFlush();
    }
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/views.ts



class NamespaceView {
    services;
    bindings;
    slices;
    events;
    constructor(ctx) {
        const ns = ctx.namespace;
        const common = {
            kc: ctx.kc,
            namespace: ns,
            timers: ctx.timers,
            log: ctx.log,
            onSetupError: ctx.onSetupError,
            onChange: () => undefined,
        };
        this.services = new Informer({ ...common, path: `/api/v1/namespaces/${ns}/services`, resource: 'services' });
        this.bindings = new Informer({
            ...common,
            path: `/apis/elbv2.k8s.aws/v1beta1/namespaces/${ns}/targetgroupbindings`,
            resource: 'targetgroupbindings.elbv2.k8s.aws',
            optional: true,
        });
        this.slices = new Informer({
            ...common,
            path: `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`,
            resource: 'endpointslices.discovery.k8s.io',
            labelSelector: 'kubernetes.io/service-name',
        });
        this.events = new Informer({
            ...common,
            path: `/api/v1/namespaces/${ns}/events`,
            resource: 'events',
            fieldSelector: 'type=Warning',
        });
    }
    /** Lists all four; throws when one cannot be listed (setup errors are also reported through onSetupError). */
    async start() {
        const all = [this.services, this.bindings, this.slices, this.events];
        await Promise.all(all.map((i) => i.start()));
        throwIfFailed(all);
    }
    stop() {
        for (const i of [this.services, this.bindings, this.slices, this.events])
            i.stop();
    }
    /** Warning events about the named objects, oldest first. */
    warnings(names) {
        return this.events
            .items()
            .filter((e) => names.has(e.involvedObject?.name ?? ''))
            .map((e) => ({
            at: e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '',
            kind: e.involvedObject?.kind ?? '',
            name: e.involvedObject?.name ?? '',
            reason: e.reason ?? '',
            message: (e.message ?? '').trim(),
            count: e.series?.count ?? e.count ?? 1,
        }))
            .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    }
    /** Pod name → how the EndpointSlices of these Services list it. */
    endpoints(services) {
        const out = new Map();
        for (const slice of this.slices.items()) {
            const svc = slice.metadata?.labels?.['kubernetes.io/service-name'];
            if (!svc || !services.has(svc))
                continue;
            for (const ep of slice.endpoints ?? []) {
                const name = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined;
                if (!name)
                    continue;
                const c = ep.conditions ?? {};
                const state = c.terminating
                    ? 'terminating'
                    : c.ready === false
                        ? c.serving
                            ? 'serving, not ready'
                            : 'not ready'
                        : 'ready';
                out.set(name, `${state} in Service ${svc}`);
            }
        }
        return out;
    }
}
/** A first list that failed for a reason other than permissions (unreachable API server, 5xx): the gate cannot start. */
function throwIfFailed(informers) {
    const failure = informers.map((i) => i.failure).find((f) => f !== undefined);
    if (failure)
        throw new KubeSetupError(`could not list ${failure}`);
}
class DeploymentView {
    ctx;
    name;
    listeners;
    deployment;
    owned;
    constructor(ctx, name, listeners) {
        this.ctx = ctx;
        this.name = name;
        this.listeners = listeners;
        this.deployment = new Informer({
            kc: ctx.kc,
            namespace: ctx.namespace,
            timers: ctx.timers,
            log: ctx.log,
            onSetupError: ctx.onSetupError,
            path: `/apis/apps/v1/namespaces/${ctx.namespace}/deployments`,
            resource: 'deployments.apps',
            fieldSelector: `metadata.name=${name}`,
            onChange: (items) => listeners.onDeployment(items.find((d) => d.metadata?.name === name)),
        });
    }
    /** Lists the Deployment; undefined when it does not exist or a setup error was reported; throws when the API cannot be reached. */
    async startDeployment() {
        const ok = await this.deployment.start();
        throwIfFailed([this.deployment]);
        return ok ? this.deployment.items().find((d) => d.metadata?.name === this.name) : undefined;
    }
    /** Lists and watches the ReplicaSets and pods the Deployment's selector matches. */
    async startOwned(deployment) {
        const labelSelector = selectorString(deployment.spec?.selector);
        const { kc, namespace: ns, timers, log, onSetupError } = this.ctx;
        const common = { kc, namespace: ns, timers, log, onSetupError, labelSelector };
        this.owned = {
            rs: new Informer({
                ...common,
                path: `/apis/apps/v1/namespaces/${ns}/replicasets`,
                resource: 'replicasets.apps',
                onChange: (items) => this.listeners.onReplicaSets(items),
            }),
            pods: new Informer({
                ...common,
                path: `/api/v1/namespaces/${ns}/pods`,
                resource: 'pods',
                coalesceMs: 100,
                onChange: (items) => this.listeners.onPods(items),
            }),
        };
        const ok = await Promise.all([this.owned.rs.start(), this.owned.pods.start()]);
        throwIfFailed([this.owned.rs, this.owned.pods]);
        return ok.every(Boolean);
    }
    replicaSets() {
        return this.owned?.rs.items() ?? [];
    }
    current() {
        return this.deployment.items().find((d) => d.metadata?.name === this.name);
    }
    /** Lists and watch connections, for the benchmark. */
    stats() {
        return {
            deployment: this.deployment.stats,
            ...(this.owned ? { replicasets: this.owned.rs.stats, pods: this.owned.pods.stats } : {}),
        };
    }
    stop() {
        this.deployment.stop();
        this.owned?.rs.stop();
        this.owned?.pods.stop();
    }
}

;// CONCATENATED MODULE: ./src/adapters/probe.ts
class Probe {
    o;
    total = 0;
    errors = 0;
    skipped = 0;
    inFlight = 0;
    byKind = {};
    constructor(o) {
        this.o = o;
    }
    totals() {
        return { total: this.total, errors: this.errors, byKind: { ...this.byKind }, skipped: this.skipped };
    }
    /** Sends requests until `signal` aborts; resolves when the last one has settled. */
    async run(signal) {
        const timeoutMs = this.o.timeoutMs ?? 5_000;
        const maxInFlight = Math.max(1, Math.ceil(this.o.ratePerSecond * (timeoutMs / 1000)));
        const intervalMs = 1000 / this.o.ratePerSecond;
        const pending = new Set();
        let next = this.o.timers.now();
        while (!signal.aborted) {
            if (this.inFlight >= maxInFlight) {
                this.skipped++;
            }
            else {
                const p = this.one(timeoutMs).finally(() => pending.delete(p));
                pending.add(p);
            }
            next += intervalMs;
            await this.o.timers.sleep(Math.max(0, next - this.o.timers.now()), signal);
        }
        await Promise.allSettled([...pending]);
    }
    async one(timeoutMs) {
        this.inFlight++;
        let failure;
        try {
            const response = await (this.o.fetch ?? fetch)(this.o.url, {
                method: 'GET',
                signal: AbortSignal.timeout(timeoutMs),
                redirect: 'manual',
                headers: { 'user-agent': 'zd-gate-probe' },
            });
            await response.arrayBuffer().catch(() => undefined);
            if (response.status >= 500)
                failure = `HTTP ${response.status}`;
        }
        catch (e) {
            const err = e;
            failure = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.code ?? err.name ?? 'error');
        }
        finally {
            this.inFlight--;
        }
        this.total++;
        if (failure) {
            this.errors++;
            this.byKind[failure] = (this.byKind[failure] ?? 0) + 1;
        }
        this.o.onResult(this.totals());
    }
}

;// CONCATENATED MODULE: ./src/report/watch/outputs.ts
/** The watch outputs, named as in action.yml. */
const Outputs = {
    Result: 'result',
    MinHealthyObserved: 'min-healthy-observed',
    Threshold: 'threshold',
    Revision: 'revision',
    RolledBackTo: 'rolled-back-to',
    DurationSeconds: 'duration-seconds',
    ErrorsObserved: 'errors-observed',
    ReportFile: 'report-file',
};

;// CONCATENATED MODULE: ./src/report/watch/report.ts
/**
 * The watch report: one verdict per Deployment (the `report-file` JSON), the action outputs, and
 * the job summary with a Mermaid timeline of healthy targets against the threshold. Pure.
 */

const SEVERITY = { success: 0, 'rolled-back': 1, timeout: 2, failed: 3 };
function worst(results) {
    return results.reduce((w, r) => (SEVERITY[r] > SEVERITY[w] ? r : w), 'success');
}
/** One value per Deployment: the bare value for one Deployment, `name=value,...` for several. */
function perDeployment(deployments, pick) {
    if (deployments.length === 1) {
        const v = pick(deployments[0]);
        return v === null ? '' : String(v);
    }
    return deployments
        .map((d) => [d.name, pick(d)])
        .filter(([, v]) => v !== null)
        .map(([n, v]) => `${n}=${v}`)
        .join(',');
}
function outputsFor(report, reportFile) {
    const mins = report.deployments.map((d) => d.minHealthyObserved).filter((v) => v !== null);
    return {
        [Outputs.Result]: report.result,
        [Outputs.MinHealthyObserved]: mins.length > 0 ? String(Math.min(...mins)) : '',
        [Outputs.Threshold]: perDeployment(report.deployments, (d) => d.threshold),
        [Outputs.Revision]: perDeployment(report.deployments, (d) => d.revision),
        [Outputs.RolledBackTo]: perDeployment(report.deployments, (d) => d.rolledBackTo),
        [Outputs.DurationSeconds]: String(Math.round(report.durationSeconds)),
        [Outputs.ErrorsObserved]: report.probe ? String(report.probe.errors) : '',
        [Outputs.ReportFile]: reportFile,
    };
}
const ICON = { success: '✅', failed: '❌', timeout: '⏱️', 'rolled-back': '↩️' };
function summaryMarkdown(report) {
    const out = [];
    out.push(`### zd-gate watch: ${ICON[report.result]} ${report.result}`);
    out.push('');
    if (report.error) {
        out.push(`The gate could not run: ${escapeMd(report.error)}`);
        out.push('');
    }
    if (report.deployments.length > 0) {
        out.push('| Deployment | Result | Revision | Threshold | Lowest healthy | Rolled back to | Duration | Why |');
        out.push('|---|---|---|---|---|---|---|---|');
        for (const d of report.deployments) {
            out.push(`| ${report.namespace}/${d.name} | ${ICON[d.result]} ${d.result} | ${d.revision ?? ''} | ${d.threshold ?? ''} | ${d.minHealthyObserved ?? ''} | ${d.rolledBackTo ?? ''} | ${Math.round(d.durationSeconds)}s | ${escapeMd(d.reason)} |`);
        }
        out.push('');
    }
    if (report.probe)
        out.push(`Probe ${escapeMd(report.probe.url)}: ${report.probe.errors} of ${report.probe.total} requests failed or answered 5xx.`, '');
    for (const d of report.deployments) {
        out.push(`#### ${d.name}`, '', escapeMd(d.message), '');
        if (d.rollback)
            out.push(`Rollback: ${escapeMd(d.rollback.status)}: ${escapeMd(d.rollback.message)}`, '');
        const chart = timelineChart(d);
        if (chart)
            out.push(chart, '');
        if (d.milestones.length > 0) {
            out.push('| t | What happened |', '|---:|---|');
            for (const m of d.milestones)
                out.push(`| ${m.t.toFixed(1)}s | ${escapeMd(m.text)} |`);
            out.push('');
        }
        if (d.diagnostics.length > 0) {
            out.push('<details><summary>Diagnostics</summary>', '', '```text', ...d.diagnostics, '```', '', '</details>', '');
        }
    }
    return out.join('\n');
}
/**
 * A Mermaid xychart of healthy targets per target group (one line each, in table order) and the
 * threshold (last line), resampled to at most 40 points; each point is the lowest count seen in
 * its interval, so short drops stay visible.
 */
function timelineChart(d, maxPoints = 40) {
    if (d.targetGroups.length === 0 || d.timeline.length === 0 || d.threshold === null)
        return undefined;
    const end = Math.max(d.durationSeconds, ...d.timeline.map((p) => p.t), 1);
    const points = Math.min(maxPoints, Math.max(2, Math.ceil(end / 5) + 1));
    const step = end / (points - 1);
    const xs = Array.from({ length: points }, (_, i) => i * step);
    const series = d.targetGroups.map((tg) => {
        const samples = d.timeline.filter((p) => p.targetGroup === tg.arn);
        let last;
        let cursor = 0;
        return xs.map((x, i) => {
            const upTo = i === points - 1 ? Number.POSITIVE_INFINITY : x + step / 2;
            let low;
            while (cursor < samples.length && samples[cursor].t <= upTo) {
                const h = samples[cursor].healthy;
                low = low === undefined ? h : Math.min(low, h);
                last = h;
                cursor++;
            }
            return low ?? last ?? 0;
        });
    });
    const top = Math.max(d.threshold, ...series.flat(), d.desired ?? 0) + 1;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${d.name}: healthy targets per target group vs threshold ${d.threshold}"`,
        `  x-axis "seconds since start" [${xs.map((x) => Math.round(x)).join(', ')}]`,
        `  y-axis "healthy targets" 0 --> ${top}`,
        ...series.map((s) => `  line [${s.join(', ')}]`),
        `  line [${xs.map(() => d.threshold).join(', ')}]`,
        '```',
        '',
        `Lines: ${d.targetGroups.map((tg, i) => `${i + 1}. ${tg.name}`).join(', ')}; last: threshold ${d.threshold}.`,
    ];
    return lines.join('\n');
}
function escapeMd(s) {
    return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// EXTERNAL MODULE: ./src/core/rollout/fenceposts.ts
var fenceposts = __webpack_require__(2421);
;// CONCATENATED MODULE: ./src/core/rollout/types.ts
/**
 * The parts of the Kubernetes API objects the rollout and gate logic read, in their JSON shape
 * (what the API server sends on list and watch). Everything is optional because a JSON object may
 * omit any field; the functions that read them apply the API defaults where kubectl or the
 * deployment controller do.
 */
/** `deployment.kubernetes.io/revision`, on Deployments and their ReplicaSets. */
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** `pod-template-hash`, the label the controller adds to ReplicaSets and their pods. */
const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

;// CONCATENATED MODULE: ./src/core/rollout/status.ts
/**
 * `kubectl rollout status` for Deployments: the same checks, in the same order, with the same
 * messages (kubectl's DeploymentStatusViewer.Status in pkg/polymorphichelpers/rollout_status.go).
 * kubectl ends each message with a newline; these messages do not.
 */

/** The reason the controller sets on the Progressing condition when progressDeadlineSeconds passes. */
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
/**
 * Evaluates one Deployment the way kubectl does. `revision` > 0 asks for that revision, as
 * `kubectl rollout status --revision=N` does.
 */
function rolloutStatus(deployment, revision = 0) {
    const name = deployment.metadata?.name ?? '';
    if (revision > 0) {
        const running = parseRevision(deployment.metadata?.annotations?.[REVISION_ANNOTATION]);
        if (running === undefined) {
            const raw = deployment.metadata?.annotations?.[REVISION_ANNOTATION] ?? '';
            return {
                phase: 'failed',
                reason: 'revision',
                message: `cannot get the revision of deployment ${quote(name)}: strconv.ParseInt: parsing ${quote(raw)}: invalid syntax`,
            };
        }
        if (running !== revision) {
            return {
                phase: 'failed',
                reason: 'revision',
                message: `desired revision (${revision}) is different from the running revision (${running})`,
            };
        }
    }
    const generation = deployment.metadata?.generation ?? 0;
    const status = deployment.status ?? {};
    if (generation <= (status.observedGeneration ?? 0)) {
        const progressing = condition(status.conditions, 'Progressing');
        if (progressing?.reason === TIMED_OUT_REASON) {
            return {
                phase: 'failed',
                reason: 'progress-deadline',
                message: `deployment ${quote(name)} exceeded its progress deadline`,
            };
        }
        const desired = deployment.spec?.replicas;
        const updated = status.updatedReplicas ?? 0;
        const replicas = status.replicas ?? 0;
        const available = status.availableReplicas ?? 0;
        if (desired !== undefined && updated < desired) {
            return waiting(name, `${updated} out of ${desired} new replicas have been updated...`);
        }
        if (replicas > updated) {
            return waiting(name, `${replicas - updated} old replicas are pending termination...`);
        }
        if (available < updated) {
            return waiting(name, `${available} of ${updated} updated replicas are available...`);
        }
        return { phase: 'complete', message: `deployment ${quote(name)} successfully rolled out` };
    }
    return { phase: 'progressing', message: 'Waiting for deployment spec update to be observed...' };
}
/** The revision annotation as a number: missing is 0 (as deploymentutil.Revision), malformed is undefined. */
function revisionOf(annotations) {
    return parseRevision(annotations?.[REVISION_ANNOTATION]);
}
function parseRevision(raw) {
    if (raw === undefined)
        return 0;
    // strconv.ParseInt(v, 10, 64): optional sign, decimal digits only.
    if (!/^[+-]?\d+$/.test(raw))
        return undefined;
    const n = Number(raw);
    return Number.isSafeInteger(n) ? n : undefined;
}
function waiting(name, rest) {
    return { phase: 'progressing', message: `Waiting for deployment ${quote(name)} rollout to finish: ${rest}` };
}
function condition(conditions, type) {
    return conditions?.find((c) => c.type === type);
}
/** Go's %q for the names Kubernetes allows (lowercase letters, digits, '-', '.'). */
function quote(s) {
    return JSON.stringify(s);
}

;// CONCATENATED MODULE: ./src/core/rollout/templates.ts
/**
 * Pod template comparison and ReplicaSet bookkeeping, as the deployment controller and kubectl do
 * them: EqualIgnoreHash, FindNewReplicaSet, controller ownership.
 */

/**
 * Semantic equality of two JSON values in the sense of apimachinery's Semantic.DeepEqual as it
 * shows through JSON: an absent field, `null`, `{}` and `[]` are the same empty value (Go's nil and
 * empty maps and slices serialize alike); everything else is compared exactly.
 */
function semanticEqual(a, b) {
    if (isEmpty(a) || isEmpty(b))
        return isEmpty(a) && isEmpty(b);
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((x, i) => semanticEqual(x, b[i]));
    }
    if (typeof a === 'object' && typeof b === 'object') {
        const ao = a;
        const bo = b;
        const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
        for (const k of keys)
            if (!semanticEqual(ao[k], bo[k]))
                return false;
        return true;
    }
    return a === b;
}
function isEmpty(v) {
    if (v === undefined || v === null)
        return true;
    if (Array.isArray(v))
        return v.length === 0;
    // A struct whose fields are all empty serializes like an absent one.
    if (typeof v === 'object')
        return Object.values(v).every(isEmpty);
    return false;
}
/** A deep copy of a template without the pod-template-hash label (kubectl's `delete(labels, hash)`). */
function withoutHash(template) {
    const copy = structuredClone(template ?? {});
    if (copy.metadata?.labels)
        delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    return copy;
}
/** EqualIgnoreHash: equal templates, ignoring the pod-template-hash label on either side. */
function equalIgnoreHash(a, b) {
    return semanticEqual(withoutHash(a), withoutHash(b));
}
/** metav1.IsControlledBy: the ReplicaSet's controller reference points at this Deployment's UID. */
function isControlledBy(rs, deployment) {
    const uid = deployment.metadata?.uid;
    if (!uid)
        return false;
    return (rs.metadata?.ownerReferences ?? []).some((ref) => ref.controller === true && ref.uid === uid);
}
/** The ReplicaSets this Deployment controls. */
function ownedReplicaSets(deployment, replicaSets) {
    return replicaSets.filter((rs) => isControlledBy(rs, deployment));
}
/**
 * FindNewReplicaSet: among the owned ReplicaSets, the oldest whose template equals the
 * Deployment's (ignoring the hash label); ties on creation time are broken by name.
 */
function findNewReplicaSet(deployment, replicaSets) {
    const candidates = ownedReplicaSets(deployment, replicaSets)
        .filter((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template))
        .sort(byCreation);
    return candidates[0];
}
function byCreation(a, b) {
    const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
    const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
    if (ta !== tb)
        return ta - tb;
    const na = a.metadata?.name ?? '';
    const nb = b.metadata?.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/core/gate/pods.ts
function podInfo(pod) {
    const conditions = (pod.status?.conditions ?? []).map((c) => ({
        type: c.type ?? '',
        status: c.status ?? 'Unknown',
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.message ? { message: c.message } : {}),
    }));
    const namedPorts = {};
    for (const container of pod.spec?.containers ?? []) {
        for (const port of container.ports ?? []) {
            if (port.name && port.containerPort !== undefined && !(port.name in namedPorts))
                namedPorts[port.name] = port.containerPort;
        }
    }
    const controller = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller === true && r.kind === 'ReplicaSet');
    const readinessGates = (pod.spec?.readinessGates ?? [])
        .map((g) => g.conditionType ?? '')
        .filter((t) => t !== '')
        .map((type) => {
        const condition = conditions.find((c) => c.type === type);
        return condition ? { type, condition } : { type };
    });
    return {
        name: pod.metadata?.name ?? '',
        ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}),
        ...(controller?.name ? { replicaSet: controller.name } : {}),
        ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
        terminating: !!pod.metadata?.deletionTimestamp,
        ...(pod.status?.phase ? { phase: pod.status.phase } : {}),
        namedPorts,
        readinessGates,
        failingConditions: conditions.filter((c) => c.status !== 'True'),
    };
}
/**
 * Whether the pod still serves: not finished, and if terminating, still Ready (a preStop hook is
 * running). A healthy target of a pod that does not serve is not counted.
 */
function isServing(pod) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed')
        return false;
    return !pod.terminating || pod.ready;
}

;// CONCATENATED MODULE: ./src/core/gate/counting.ts
/**
 * Counting healthy targets per target group: which targets are this Deployment's pods (by IP and
 * port), which ReplicaSet they belong to, and what state the load balancer reports. Pure.
 */

/** Whether a target's port is the one this target group registers for the pod. */
function portMatches(port, target, namedPorts) {
    if (port === undefined || target.port === undefined)
        return true;
    if (typeof port === 'number')
        return target.port === port;
    if (/^\d+$/.test(port))
        return target.port === Number(port);
    return namedPorts[port] === target.port;
}
function countTargets(tg, targets, index) {
    let healthy = 0;
    let newHealthy = 0;
    let oldHealthy = 0;
    let goneHealthy = 0;
    let foreign = 0;
    const byState = {};
    const classified = [];
    for (const t of targets) {
        const pod = index.byIp.get(t.id);
        if (pod && portMatches(tg.port, t, pod.namedPorts)) {
            const generation = index.newReplicaSet !== undefined && pod.replicaSet === index.newReplicaSet ? 'new' : 'old';
            classified.push({ ...t, pod: pod.name, generation, gone: false });
            byState[t.state] = (byState[t.state] ?? 0) + 1;
            if (t.state === 'healthy') {
                const serving = isServing(pod);
                if (serving)
                    healthy++;
                if (generation === 'old')
                    oldHealthy++;
                else if (serving)
                    newHealthy++;
            }
            continue;
        }
        const tomb = pod ? undefined : index.gone.get(t.id);
        if (tomb && portMatches(tg.port, t, tomb.namedPorts)) {
            const generation = index.newReplicaSet !== undefined && tomb.replicaSet === index.newReplicaSet ? 'new' : 'old';
            classified.push({ ...t, pod: tomb.pod, generation, gone: true });
            byState[t.state] = (byState[t.state] ?? 0) + 1;
            if (t.state === 'healthy')
                goneHealthy++;
            continue;
        }
        foreign++;
        classified.push({ ...t, generation: 'foreign', gone: false });
    }
    return { healthy, newHealthy, oldHealthy, goneHealthy, byState, foreign, targets: classified };
}

;// CONCATENATED MODULE: ./src/core/gate/gate.ts
/**
 * The watch gate for one Deployment: a state machine fed with rollout, ReplicaSet, pod, target
 * health, probe and clock events, answering with progress, milestones and at most one verdict.
 * Time comes only from the injected Clock; nothing here does I/O.
 *
 * Decision rules (README.md, "How the gate decides", explains them for users):
 * - Fails when the Deployment exceeds its progress deadline (kubectl's rule), when a target group's
 *   healthy count of this Deployment's pods stays below the threshold for `tolerateMs` of observed
 *   time, when the new ReplicaSet's targets fail the load balancer's health check with none of them
 *   healthy for longer than the target group could take to recover (a broken release held back by
 *   readiness gates: no outage yet, but it can only end at the progress deadline), when a pod exits
 *   sooner after its deletion than the load balancer needs to stop routing to it while its target is
 *   still registered (old pods dying before deregistration: the requests routed to them fail, even
 *   when every count stays above the threshold), when the probe's
 *   error share exceeds the limit, when the load balancer has not caught up `settleTimeoutMs` after
 *   the rollout completed, or when the overall timeout passes.
 * - Passes when kubectl would say `successfully rolled out` and, in every target group, the new
 *   ReplicaSet's pods are at least `desired` healthy targets and no old or deleted pod is healthy.
 * - Unknown target health (throttling, errors) is neither healthy nor unhealthy; a stale
 *   observation can neither fail nor pass the gate, and a gap in the data restarts the
 *   below-threshold window, so the gate never fails on evidence it did not see.
 */




/** Used for the overall timeout until the Deployment is seen (the API default progress deadline). */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/** How long new targets may all fail the health check when the target group's settings are unknown. */
const DEFAULT_UNHEALTHY_GRACE_MS = 60_000;
/** Tombstones kept for deleted pods, so a long rollout cannot grow memory without bound. */
const MAX_TOMBSTONES = 20_000;
class Gate {
    config;
    clock;
    startedAt;
    deployment;
    deleted = false;
    replicaSets = [];
    replicaSetsSeen = false;
    podsSeen = false;
    pods = new Map();
    gone = new Map();
    /** When the gate saw each pod start terminating (only pods it saw before their deletion). */
    terminatingSince = new Map();
    /** Pods that exited before the load balancer could stop routing to them. */
    earlyExits = [];
    index = { byIp: new Map(), gone: new Map(), newReplicaSet: undefined };
    newReplicaSet;
    rollout;
    completeAt;
    threshold;
    groups;
    probe = { total: 0, errors: 0 };
    verdict;
    milestones = [];
    timeline = [];
    lastProgressKey = '';
    dirty = true;
    constructor(config, clock) {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.now();
        this.groups = new Map(config.targetGroups.map((ref) => [
            ref.arn,
            { ref, recount: false, firstNewHealthyNoted: false, caughtUpNoted: false },
        ]));
    }
    /** Feeds one event; returns what changed. After the verdict every event is ignored. */
    handle(event) {
        if (this.verdict)
            return [];
        const now = this.clock.now();
        const effects = [];
        const note = (text) => {
            const milestone = { at: now, text };
            this.milestones.push(milestone);
            effects.push({ type: 'milestone', milestone });
        };
        this.apply(event, now, note);
        if (!this.verdict)
            this.evaluate(now, note);
        const view = this.progress(now);
        const key = progressKey(view);
        // Nothing to say until the Deployment, its ReplicaSets and pods are listed.
        if ((this.synced || this.verdict) && key !== this.lastProgressKey) {
            this.lastProgressKey = key;
            effects.push({ type: 'progress', view });
        }
        if (this.verdict)
            effects.push({ type: 'verdict', verdict: this.verdict });
        return effects;
    }
    get decided() {
        return this.verdict;
    }
    snapshot() {
        return {
            startedAt: this.startedAt,
            deployment: this.deployment,
            revision: this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined,
            newReplicaSet: this.newReplicaSet?.metadata?.name,
            rollout: this.rollout,
            completeAt: this.completeAt,
            threshold: this.threshold,
            pods: [...this.pods.values()],
            targetGroups: [...this.groups.values()].map((g) => ({
                ref: g.ref,
                ...(g.counts ? { counts: g.counts } : {}),
                ...(g.last ? { lastObservedAt: g.last.at } : {}),
                ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
                ...(g.minHealthy !== undefined ? { minHealthy: g.minHealthy } : {}),
            })),
            probe: { ...this.probe },
            milestones: [...this.milestones],
            timeline: [...this.timeline],
            verdict: this.verdict,
        };
    }
    apply(event, now, note) {
        switch (event.type) {
            case 'deployment': {
                const before = this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined;
                this.deployment = event.deployment;
                const after = revisionOf(event.deployment.metadata?.annotations);
                if (before !== undefined && after !== before)
                    note(`revision changed from ${before} to ${after ?? '?'} (a newer rollout started)`);
                this.dirty = true;
                return;
            }
            case 'deployment-deleted':
                this.deleted = true;
                return;
            case 'replicasets':
                this.replicaSets = event.replicaSets;
                this.replicaSetsSeen = true;
                this.dirty = true;
                return;
            case 'pods':
                this.setPods(event.pods, now, note);
                this.podsSeen = true;
                this.dirty = true;
                return;
            case 'target-health': {
                const group = this.groups.get(event.arn);
                if (!group)
                    return;
                const obs = event.observation;
                if (obs.kind === 'known') {
                    // A gap longer than the staleness limit breaks the below-threshold window: the gate only
                    // fails on a window it actually observed.
                    if (group.last && now - group.last.at > this.config.staleAfterMs)
                        group.belowSince = undefined;
                    if (group.unknownSince !== undefined)
                        note(`${group.ref.name}: target health known again after ${seconds(now - group.unknownSince)}s`);
                    group.last = { at: now, targets: obs.targets };
                    group.recount = true;
                    group.unknownSince = undefined;
                    delete group.unknownReason;
                }
                else {
                    if (group.unknownSince === undefined) {
                        group.unknownSince = now;
                        note(`${group.ref.name}: target health unknown (${obs.reason}); counted neither healthy nor unhealthy`);
                    }
                    group.unknownReason = obs.reason;
                }
                this.dirty = true;
                return;
            }
            case 'probe':
                this.probe = { total: event.total, errors: event.errors };
                return;
            case 'tick':
                return;
            case 'error':
                this.decide('error', 'error', event.message, now, note, false);
                return;
        }
    }
    setPods(pods, now, note) {
        const next = new Map(pods.map((p) => [p.name, p]));
        for (const [name, pod] of next) {
            const before = this.pods.get(name);
            if (pod.terminating && before && !before.terminating)
                this.terminatingSince.set(name, now);
        }
        for (const [name, old] of this.pods) {
            if (!next.has(name) && old.ip) {
                this.gone.set(old.ip, {
                    pod: name,
                    ...(old.replicaSet ? { replicaSet: old.replicaSet } : {}),
                    namedPorts: old.namedPorts,
                });
                this.checkExit(name, old.ip, now, note);
            }
            if (!next.has(name))
                this.terminatingSince.delete(name);
        }
        if (this.gone.size > MAX_TOMBSTONES) {
            for (const ip of [...this.gone.keys()].slice(0, this.gone.size - MAX_TOMBSTONES))
                this.gone.delete(ip);
        }
        this.pods = next;
    }
    /**
     * A pod just disappeared: if the gate saw its deletion begin less than `deregistrationMs` ago and
     * the last answer of a target group still had its target in service (healthy, or draining: the
     * load balancer keeps routing to a deregistered target until the change has propagated), it died
     * before the load balancer let go of it. Pods the gate first saw already terminating are not judged.
     */
    checkExit(name, ip, now, note) {
        const limit = this.config.deregistrationMs ?? 0;
        const since = this.terminatingSince.get(name);
        if (limit <= 0 || since === undefined || now - since >= limit)
            return;
        for (const group of this.groups.values()) {
            const target = group.last?.targets.find((t) => t.id === ip && (t.state === 'healthy' || t.state === 'draining'));
            if (!target)
                continue;
            this.earlyExits.push({ pod: name, afterMs: now - since, group: group.ref.name, state: target.state });
            note(`${group.ref.name}: pod ${name} exited ${seconds(now - since)}s after its deletion while its target was ${target.state}`);
            return;
        }
    }
    rebuildIndex() {
        const d = this.deployment;
        const owned = d && this.replicaSetsSeen
            ? new Set(ownedReplicaSets(d, this.replicaSets).map((rs) => rs.metadata?.name))
            : undefined;
        this.newReplicaSet = d ? findNewReplicaSet(d, this.replicaSets) : undefined;
        const byIp = new Map();
        for (const pod of this.pods.values()) {
            if (!pod.ip)
                continue;
            if (owned && (!pod.replicaSet || !owned.has(pod.replicaSet)))
                continue;
            const other = byIp.get(pod.ip);
            // Two pods on one IP happen only while an IP is reused; prefer the one that is not terminating.
            if (!other || (other.terminating && !pod.terminating))
                byIp.set(pod.ip, pod);
        }
        for (const ip of byIp.keys())
            this.gone.delete(ip);
        this.index = { byIp, gone: this.gone, newReplicaSet: this.newReplicaSet?.metadata?.name };
    }
    get synced() {
        return this.deployment !== undefined && this.replicaSetsSeen && this.podsSeen;
    }
    evaluate(now, note) {
        if (this.deleted) {
            this.decide('failed', 'deleted', `deployment "${this.config.deployment}" was deleted while the gate watched it`, now, note, false);
            return;
        }
        const d = this.deployment;
        if (!d || !this.synced) {
            this.checkTimeout(now, note);
            return;
        }
        const previousNew = this.newReplicaSet?.metadata?.name;
        if (this.dirty) {
            this.rebuildIndex();
            this.threshold = (0,fenceposts/* resolveThreshold */.Gh)(d, this.config.minHealthy);
        }
        const threshold = this.threshold ?? (0,fenceposts/* resolveThreshold */.Gh)(d, this.config.minHealthy);
        const newName = this.newReplicaSet?.metadata?.name;
        if (newName && newName !== previousNew) {
            note(`revision ${revisionOf(d.metadata?.annotations) ?? '?'}: new ReplicaSet ${newName}; threshold ${threshold.value} healthy targets per target group (${threshold.explanation})`);
        }
        const early = this.earlyExits[0];
        if (early) {
            const more = this.earlyExits.length > 1
                ? ` (and ${this.earlyExits.length - 1} more pod${this.earlyExits.length > 2 ? 's' : ''})`
                : '';
            const limit = seconds(this.config.deregistrationMs ?? 0);
            this.decide('failed', 'exited-before-deregistration', `pod ${early.pod} exited ${seconds(early.afterMs)}s after its deletion while its target in ${early.group} was still ${early.state}${more}: the load balancer routes to a deregistered target for about ${limit}s (deregistration-seconds), so requests sent to it in that time fail. Give the pods a preStop delay of at least ${limit}s and a grace period that covers it.`, now, note, true);
            return;
        }
        const status = rolloutStatus(d);
        if (status.phase !== this.rollout?.phase) {
            if (status.phase === 'complete')
                note(`rollout complete: ${status.message}`);
            else if (this.rollout?.phase === 'complete')
                note(`rollout progressing again: ${status.message}`);
        }
        this.rollout = status;
        if (status.phase === 'failed') {
            this.decide('failed', 'progress-deadline', status.message, now, note, true);
            return;
        }
        for (const group of this.groups.values()) {
            if (!group.last)
                continue;
            // Targets are counted against the pods as they are when the observation arrives, never
            // recounted when pods change later: a pod deleted after the poll must not turn its (then
            // healthy) target into a loss while the new pods' targets are not polled yet.
            if (group.recount || !group.counts) {
                group.counts = countTargets(group.ref, group.last.targets, this.index);
                group.recount = false;
            }
            const counts = group.counts;
            const fresh = now - group.last.at <= this.config.staleAfterMs && group.unknownSince === undefined;
            if (fresh)
                group.minHealthy = Math.min(group.minHealthy ?? Number.POSITIVE_INFINITY, counts.healthy);
            if (counts.healthy !== group.lastTimelineHealthy) {
                group.lastTimelineHealthy = counts.healthy;
                this.timeline.push({ at: now, arn: group.ref.arn, healthy: counts.healthy, threshold: threshold.value });
            }
            if (!group.firstNewHealthyNoted && counts.newHealthy > 0) {
                group.firstNewHealthyNoted = true;
                note(`${group.ref.name}: first healthy target of the new ReplicaSet`);
            }
            if (fresh && this.newReleaseFailing(group, counts, now, note))
                return;
            if (counts.healthy >= threshold.value) {
                if (group.belowSince !== undefined)
                    note(`${group.ref.name}: back at threshold (${counts.healthy} ≥ ${threshold.value})`);
                group.belowSince = undefined;
                continue;
            }
            if (!fresh)
                continue;
            if (group.belowSince === undefined) {
                group.belowSince = now;
                note(`${group.ref.name}: below threshold (${counts.healthy} < ${threshold.value}; ${describeStates(counts)})`);
            }
            if (now - group.belowSince >= this.config.tolerateMs) {
                const held = now - group.belowSince;
                const tolerate = this.config.tolerateMs > 0
                    ? ` for ${seconds(held)}s (tolerate-seconds ${seconds(this.config.tolerateMs)})`
                    : '';
                this.decide('failed', 'below-threshold', `target group ${group.ref.name}: ${counts.healthy} healthy targets of ${this.config.deployment} < threshold ${threshold.value}${tolerate}; ${describeStates(counts)}`, now, note, true);
                return;
            }
        }
        this.dirty = false;
        if (this.probeExceeded()) {
            const share = ((this.probe.errors / Math.max(1, this.probe.total)) * 100).toFixed(2);
            this.decide('failed', 'probe-errors', `probe: ${this.probe.errors} of ${this.probe.total} requests failed or answered 5xx (${share}% > ${((this.config.maxErrorRate ?? 0) * 100).toFixed(2)}%)`, now, note, true);
            return;
        }
        if (status.phase === 'complete') {
            this.completeAt ??= now;
            const desired = threshold.desired;
            const lagging = [];
            for (const group of this.groups.values()) {
                const c = group.counts;
                const fresh = group.last !== undefined &&
                    now - group.last.at <= this.config.staleAfterMs &&
                    group.unknownSince === undefined;
                if (!c || !fresh)
                    lagging.push(`${group.ref.name}: no current target health`);
                else if (c.newHealthy < desired || c.oldHealthy > 0 || c.goneHealthy > 0) {
                    lagging.push(`${group.ref.name}: ${c.newHealthy}/${desired} new targets healthy, ${c.oldHealthy} old and ${c.goneHealthy} deleted pods still healthy`);
                }
                else if (!group.caughtUpNoted) {
                    group.caughtUpNoted = true;
                    note(`${group.ref.name}: load balancer caught up (${c.newHealthy} new targets healthy, no old target healthy)`);
                }
            }
            if (lagging.length === 0) {
                const how = this.groups.size === 0
                    ? 'rollout status only (no target group with per-pod health)'
                    : `all ${this.groups.size} target group(s) have ${desired} healthy new targets and no old one`;
                this.decide('success', 'converged', `${status.message}; ${how}`, now, note, false);
                return;
            }
            if (now - this.completeAt >= this.config.settleTimeoutMs) {
                this.decide('failed', 'settle-timeout', `the load balancer did not catch up within settle-timeout ${seconds(this.config.settleTimeoutMs)}s after the rollout completed: ${lagging.join('; ')}`, now, note, true);
                return;
            }
        }
        else {
            this.completeAt = undefined;
        }
        this.checkTimeout(now, note);
    }
    /**
     * A release whose pods never pass the load balancer's health check: some new targets are
     * `unhealthy` for a target's own reason (Target.ResponseCodeMismatch, Target.Timeout, ...), none is
     * healthy. A slow starter recovers within the target group's own healthy window; past twice that
     * (and past tolerate-seconds), the release is broken. Decides and returns true when it is.
     */
    newReleaseFailing(group, counts, now, note) {
        const failing = counts.targets.filter((t) => t.generation === 'new' && !t.gone && t.state === 'unhealthy' && !(t.reason ?? '').startsWith('Elb.'));
        if (failing.length === 0 || counts.newHealthy > 0) {
            if (group.newFailingSince !== undefined)
                note(`${group.ref.name}: new targets no longer all failing the health check`);
            group.newFailingSince = undefined;
            return false;
        }
        if (group.newFailingSince === undefined) {
            group.newFailingSince = now;
            note(`${group.ref.name}: new targets fail the load balancer health check (${reasons(failing)})`);
        }
        const grace = Math.max(this.config.tolerateMs, group.ref.unhealthyGraceMs ?? DEFAULT_UNHEALTHY_GRACE_MS);
        if (now - group.newFailingSince < grace)
            return false;
        this.decide('failed', 'new-targets-unhealthy', `target group ${group.ref.name}: the new ReplicaSet's targets fail the load balancer health check (${reasons(failing)}) and none became healthy in ${seconds(now - group.newFailingSince)}s; the release would stall until its progress deadline`, now, note, true);
        return true;
    }
    probeExceeded() {
        const limit = this.config.maxErrorRate;
        if (limit === undefined || this.probe.errors === 0)
            return false;
        if (this.probe.errors <= limit * this.probe.total)
            return false;
        // With a zero limit any error fails; otherwise wait for a sample large enough for a share to mean something.
        return limit === 0 || this.probe.total >= 100;
    }
    timeoutMs() {
        if (this.config.timeoutMs !== undefined)
            return this.config.timeoutMs;
        const deadline = this.deployment?.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
        return deadline * 1000 + this.config.settleTimeoutMs;
    }
    checkTimeout(now, note) {
        const limit = this.timeoutMs();
        if (now - this.startedAt < limit)
            return;
        const where = !this.deployment
            ? `deployment "${this.config.deployment}" was never seen`
            : !this.synced
                ? 'the ReplicaSets and pods were never listed'
                : (this.rollout?.message ?? 'rollout status unknown');
        this.decide('timeout', 'timeout', `timed out after ${seconds(limit)}s: ${where}`, now, note, true);
    }
    decide(result, reason, message, now, note, rollbackAdvised) {
        if (this.verdict)
            return;
        this.verdict = { result, reason, message, at: now, rollbackAdvised };
        note(`verdict: ${result} (${reason})`);
    }
    progress(now) {
        const threshold = this.threshold;
        return {
            deployment: this.config.deployment,
            rollout: this.rollout?.message ??
                (this.deployment ? 'waiting for ReplicaSets and pods to be listed' : 'waiting for the Deployment'),
            targetGroups: [...this.groups.values()].map((g) => ({
                arn: g.ref.arn,
                name: g.ref.name,
                threshold: threshold?.value ?? 0,
                desired: threshold?.desired ?? 0,
                ...(g.counts ? { counts: g.counts } : {}),
                stale: g.last === undefined || now - g.last.at > this.config.staleAfterMs || g.unknownSince !== undefined,
                ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
            })),
        };
    }
}
/** What a progress line depends on; a new line is printed only when this changes. */
function progressKey(view) {
    return JSON.stringify([
        view.rollout,
        view.targetGroups.map((g) => [
            g.threshold,
            g.stale,
            g.counts
                ? [g.counts.healthy, g.counts.newHealthy, g.counts.oldHealthy, g.counts.goneHealthy, g.counts.byState]
                : null,
        ]),
    ]);
}
function describeStates(counts) {
    const entries = Object.entries(counts.byState).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const states = entries.length > 0 ? entries.map(([s, n]) => `${s} ${n}`).join(', ') : 'no targets registered';
    return counts.goneHealthy > 0 ? `${states} (${counts.goneHealthy} healthy targets belong to deleted pods)` : states;
}
function reasons(targets) {
    const by = new Map();
    for (const t of targets)
        by.set(t.reason ?? t.state, (by.get(t.reason ?? t.state) ?? 0) + 1);
    return [...by].map(([r, n]) => `${n} × ${r}`).join(', ');
}
function seconds(ms) {
    return Math.round(ms / 100) / 10;
}

;// CONCATENATED MODULE: ./src/core/rollout/rollback-plan.ts
/**
 * `kubectl rollout undo` for a Deployment as a pure function (kubectl's DeploymentRollbacker in
 * pkg/polymorphichelpers/rollback.go): pick the revision, refuse paused Deployments, skip when the
 * template already matches, strip pod-template-hash, keep the annotations kubectl keeps, and build
 * the same JSON Patch. The adapter only sends the patch.
 */



/** Annotations kept from the Deployment and never copied from the ReplicaSet (kubectl's annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = [
    'kubectl.kubernetes.io/last-applied-configuration',
    REVISION_ANNOTATION,
    'deployment.kubernetes.io/revision-history',
    'deployment.kubernetes.io/desired-replicas',
    'deployment.kubernetes.io/max-replicas',
    'deprecated.deployment.rollback.to',
];
/**
 * Plans the undo of `deployment` to `toRevision` (0: the previous revision, the second highest
 * among the ReplicaSets the Deployment controls).
 */
function planRollback(deployment, replicaSets, toRevision = 0) {
    if (toRevision < 0)
        return { kind: 'error', message: revisionNotFound(toRevision) };
    const name = deployment.metadata?.name ?? '';
    const found = pickRevision(ownedReplicaSets(deployment, replicaSets), toRevision);
    if ('error' in found)
        return {
            kind: 'error',
            message: found.error === 'none' ? `no rollout history found for deployment "${name}"` : revisionNotFound(toRevision),
        };
    const { rs, revision } = found;
    if (deployment.spec?.paused) {
        return {
            kind: 'error',
            message: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`,
        };
    }
    if (equalIgnoreHash(rs.spec?.template, deployment.spec?.template)) {
        // kubectl prints the revision it was asked for (0 for "previous"); `revision` holds the one found.
        return {
            kind: 'skipped',
            revision,
            message: `skipped rollback (current template already matches revision ${toRevision})`,
        };
    }
    const template = withoutHash(rs.spec?.template);
    const annotations = {};
    const current = deployment.metadata?.annotations ?? {};
    for (const key of ANNOTATIONS_TO_SKIP) {
        const value = current[key];
        if (value !== undefined)
            annotations[key] = value;
    }
    for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) {
        if (!ANNOTATIONS_TO_SKIP.includes(key))
            annotations[key] = value;
    }
    return {
        kind: 'patch',
        revision,
        replicaSet: rs.metadata?.name ?? '',
        template,
        annotations,
        patch: [
            { op: 'replace', path: '/spec/template', value: template },
            { op: 'replace', path: '/metadata/annotations', value: annotations },
        ],
    };
}
/**
 * kubectl's deploymentRevision: with toRevision 0 the second highest revision (ReplicaSets whose
 * revision does not parse are skipped; a missing annotation is revision 0), else an exact match.
 */
function pickRevision(owned, toRevision) {
    let latest;
    let latestRevision = -1;
    let previous;
    let previousRevision = -1;
    for (const rs of owned) {
        const v = revisionOf(rs.metadata?.annotations);
        if (v === undefined)
            continue;
        if (toRevision === 0) {
            if (latestRevision < v) {
                previousRevision = latestRevision;
                previous = latest;
                latestRevision = v;
                latest = rs;
            }
            else if (previousRevision < v) {
                previousRevision = v;
                previous = rs;
            }
        }
        else if (toRevision === v) {
            return { rs, revision: v };
        }
    }
    if (toRevision > 0)
        return { error: 'not-found' };
    if (!previous)
        return { error: 'none' };
    return { rs: previous, revision: previousRevision };
}
function revisionNotFound(toRevision) {
    return `unable to find specified revision ${toRevision} in history`;
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/rollback.ts
/**
 * Applies a rollback plan (core/rollout/rollback-plan.ts) the way `kubectl rollout undo` does: one
 * JSON Patch on the Deployment through the API, never a shell-out.
 */


async function applyRollback(kc, namespace, name, plan) {
    const apps = kc.makeApiClient(dist/* AppsV1Api */.eY6);
    try {
        await apps.patchNamespacedDeployment({ name, namespace, body: plan.patch, fieldManager: 'zd-gate' }, (0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.JsonPatch));
    }
    catch (e) {
        throw (accessProblem(e, { verb: 'patch', resource: 'deployments.apps', namespace }) ??
            new KubeSetupError(`failed restoring revision ${plan.revision} of deployment ${name}: ${briefly(e)}`));
    }
}

;// CONCATENATED MODULE: ./src/report/watch/format.ts
/** Log lines for the watch mode: one progress line per change, milestones, diagnostics. Pure. */

function elapsed(ms) {
    return `+${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
function groupLine(g) {
    if (!g.counts)
        return `${g.name}: ${g.unknownReason ? `unknown (${g.unknownReason})` : 'waiting for the first poll'}`;
    const c = g.counts;
    const states = Object.entries(c.byState)
        .filter(([s]) => s !== 'healthy')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([s, n]) => `${s} ${n}`);
    const parts = [
        `healthy ${c.healthy}/${g.threshold} (new ${c.newHealthy}/${g.desired}, old ${c.oldHealthy})`,
        ...states,
    ];
    if (c.goneHealthy > 0)
        parts.push(`${c.goneHealthy} healthy on deleted pods`);
    if (g.stale)
        parts.push(g.unknownReason ? `stale: ${g.unknownReason}` : 'stale');
    return `${g.name}: ${parts.join(' · ')}`;
}
/** `+12.3s web: Waiting for ... | tg-a: healthy 8/8 (new 3/10, old 5) · initial 2 · draining 3` */
function progressLine(view, sinceStart) {
    const groups = view.targetGroups.map(groupLine);
    return `${elapsed(sinceStart)} ${view.deployment}: ${view.rollout}${groups.length > 0 ? ` | ${groups.join(' | ')}` : ''}`;
}
function milestoneLine(deployment, m, startedAt) {
    return `${elapsed(m.at - startedAt)} ${deployment}: ${m.text}`;
}
/** What to look at after a failure: non-healthy targets with ELB reasons, pods not Ready with their gates, Warning events. */
function diagnostics(input) {
    const limit = input.limit ?? 20;
    const s = input.snapshot;
    const lines = [];
    const newRs = s.newReplicaSet;
    for (const g of s.targetGroups) {
        const c = g.counts;
        lines.push(`target group ${g.ref.name} (${g.ref.arn})`);
        const hc = input.healthChecks.get(g.ref.arn);
        if (hc)
            lines.push(`  health check: ${hc}`);
        if (!c) {
            lines.push(`  no target health observed${g.unknownReason ? ` (last error: ${g.unknownReason})` : ''}`);
            continue;
        }
        lines.push(`  ${c.healthy} healthy of ${s.threshold?.value ?? '?'} required; ${describeStates(c)}${c.foreign > 0 ? `; ${c.foreign} targets match no pod the gate has seen (other workloads, or pods gone before the watch started)` : ''}`);
        const notable = c.targets.filter((t) => t.generation !== 'foreign' && (t.state !== 'healthy' || t.gone));
        for (const t of notable.slice(0, limit))
            lines.push(`  ${targetLine(t)}`);
        if (notable.length > limit)
            lines.push(`  … and ${notable.length - limit} more`);
    }
    const notReady = s.pods.filter((p) => !p.ready && !p.terminating);
    if (notReady.length > 0) {
        lines.push(`pods not Ready (${notReady.length})`);
        for (const p of notReady.slice(0, limit))
            lines.push(`  ${podLine(p, newRs, input.endpoints.get(p.name))}`);
        if (notReady.length > limit)
            lines.push(`  … and ${notReady.length - limit} more`);
    }
    if (input.events.length > 0) {
        lines.push(`recent Warning events (${input.events.length})`);
        for (const e of input.events.slice(-limit))
            lines.push(`  ${e.at} ${e.kind}/${e.name} ${e.reason}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`);
    }
    return lines;
}
function targetLine(t) {
    const who = t.pod ? `pod ${t.pod}, ${t.generation}${t.gone ? ', deleted' : ''}` : 'unknown pod';
    const why = [t.reason, t.description].filter(Boolean).join(': ');
    const note = t.gone && t.state === 'healthy'
        ? ' — the load balancer still sends requests to a pod that no longer exists (add a preStop sleep longer than the deregistration lag)'
        : '';
    return `${t.id}${t.port !== undefined ? `:${t.port}` : ''} (${who}) ${t.state}${why ? ` ${why}` : ''}${note}`;
}
function podLine(p, newRs, endpoint) {
    const gen = p.replicaSet && p.replicaSet === newRs ? 'new' : 'old';
    const ready = p.failingConditions.find((c) => c.type === 'Ready');
    const parts = [`${p.name} (${gen}${p.ip ? `, ${p.ip}` : ', no IP yet'})`];
    if (ready)
        parts.push(`Ready=False${ready.reason ? ` ${ready.reason}` : ''}`);
    for (const g of p.readinessGates) {
        const c = g.condition;
        parts.push(`gate ${g.type}=${c ? c.status : 'missing'}${c?.reason ? ` ${c.reason}` : ''}${c?.message ? `: ${c.message}` : ''}`);
    }
    const others = p.failingConditions.filter((c) => c.type !== 'Ready' && !p.readinessGates.some((g) => g.type === c.type));
    for (const c of others)
        parts.push(`${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`);
    if (endpoint)
        parts.push(`endpoint ${endpoint}`);
    return parts.join('; ');
}

;// CONCATENATED MODULE: ./src/modes/watch-session.ts









const watch_session_DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
class WatchSession {
    ctx;
    name;
    view;
    gate;
    deployment;
    deploymentSeen = false;
    replicaSets = [];
    replicaSetsSeen = false;
    pods;
    pendingError;
    resolveVerdict;
    verdict;
    plans = [];
    rolloutWaiter;
    startedAt = 0;
    rollbackOutcome;
    constructor(ctx, name) {
        this.ctx = ctx;
        this.name = name;
        this.verdict = new Promise((resolve) => (this.resolveVerdict = resolve));
        this.view = new DeploymentView({
            kc: ctx.kc,
            namespace: ctx.namespace,
            timers: ctx.timers,
            log: (m) => ctx.host.debug(`${name}: ${m}`),
            onSetupError: (e) => this.fail(e.message),
        }, name, {
            onDeployment: (d) => {
                if (d) {
                    this.deployment = d;
                    this.deploymentSeen = true;
                    this.feed({ type: 'deployment', deployment: d });
                }
                else if (this.deploymentSeen) {
                    this.feed({ type: 'deployment-deleted' });
                }
                this.rolloutWaiter?.();
            },
            onReplicaSets: (rs) => {
                this.replicaSets = rs;
                this.replicaSetsSeen = true;
                this.feed({ type: 'replicasets', replicaSets: rs });
            },
            onPods: (pods) => {
                this.pods = pods.map(podInfo);
                this.feed({ type: 'pods', pods: this.pods });
            },
        });
    }
    /** Lists the Deployment, then its ReplicaSets and pods. Throws KubeSetupError when it cannot. */
    async prepare() {
        const d = await this.view.startDeployment();
        if (this.pendingError)
            throw new KubeSetupError(this.pendingError);
        if (!d)
            throw new KubeSetupError(`\`deployments\`: no Deployment ${this.name} in namespace ${this.ctx.namespace}.`);
        this.deployment = d;
        this.deploymentSeen = true;
        await this.view.startOwned(d);
        if (this.pendingError)
            throw new KubeSetupError(this.pendingError);
        return d;
    }
    /** Creates the gate and feeds it what the informers have delivered so far. */
    begin(config, plans) {
        this.plans = plans;
        this.gate = new Gate(config, this.ctx.timers);
        this.startedAt = this.ctx.timers.now();
        if (this.deployment)
            this.feed({ type: 'deployment', deployment: this.deployment });
        if (this.replicaSetsSeen)
            this.feed({ type: 'replicasets', replicaSets: this.replicaSets });
        if (this.pods)
            this.feed({ type: 'pods', pods: this.pods });
        if (this.pendingError)
            this.feed({ type: 'error', message: this.pendingError });
    }
    get targetArns() {
        return this.plans.map((p) => p.ref.arn);
    }
    feed(event) {
        const gate = this.gate;
        if (!gate)
            return;
        const start = this.startedAt;
        for (const effect of gate.handle(event)) {
            if (effect.type === 'progress')
                this.ctx.host.info(progressLine(effect.view, this.ctx.timers.now() - start));
            else if (effect.type === 'milestone') {
                if (!effect.milestone.text.startsWith('verdict:'))
                    this.ctx.host.info(milestoneLine(this.name, effect.milestone, start));
            }
            else
                this.resolveVerdict(effect.verdict);
        }
    }
    /** An adapter cannot go on: before the gate exists the error is kept for prepare(), after it ends the gate. */
    fail(message) {
        this.pendingError ??= message;
        this.feed({ type: 'error', message });
    }
    stop() {
        this.rolloutWaiter = undefined;
        this.view.stop();
    }
    /**
     * `kubectl rollout undo` to the previous revision. With `wait`, follows the Deployment until the
     * restored template is rolled out (kubectl's rule) or its progress deadline passes.
     */
    async rollback(wait, signal) {
        const d = this.view.current();
        if (!d)
            return (this.rollbackOutcome = {
                status: 'error',
                message: `deployment ${this.name} no longer exists`,
                revision: null,
            });
        const plan = planRollback(d, this.view.replicaSets(), 0);
        if (plan.kind === 'error')
            return (this.rollbackOutcome = { status: 'error', message: plan.message, revision: null });
        if (plan.kind === 'skipped')
            return (this.rollbackOutcome = { status: 'skipped', message: plan.message, revision: plan.revision });
        try {
            await applyRollback(this.ctx.kc, this.ctx.namespace, this.name, plan);
        }
        catch (e) {
            return (this.rollbackOutcome = { status: 'error', message: e.message, revision: null });
        }
        this.ctx.host.warning(`deployment ${this.name}: rolled back to revision ${plan.revision} (ReplicaSet ${plan.replicaSet}), as kubectl rollout undo does`);
        if (!wait)
            return (this.rollbackOutcome = {
                status: 'applied',
                message: `restored revision ${plan.revision} (ReplicaSet ${plan.replicaSet})`,
                revision: plan.revision,
            });
        const limitMs = (d.spec?.progressDeadlineSeconds ?? watch_session_DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
        const done = await this.waitForTemplate(plan.template, limitMs, signal);
        return (this.rollbackOutcome = done
            ? {
                status: 'available',
                message: `revision ${plan.revision} (ReplicaSet ${plan.replicaSet}) is rolled out and available again`,
                revision: plan.revision,
            }
            : {
                status: 'not-available',
                message: `restored revision ${plan.revision}, but it did not become available within ${limitMs / 1000}s`,
                revision: plan.revision,
            });
    }
    async waitForTemplate(template, limitMs, signal) {
        const isDone = () => {
            const d = this.view.current();
            return !!d && equalIgnoreHash(d.spec?.template, template) && rolloutStatus(d).phase === 'complete';
        };
        if (isDone())
            return true;
        const timeout = new AbortController();
        const both = AbortSignal.any([signal, timeout.signal]);
        const finished = new Promise((resolve) => {
            this.rolloutWaiter = () => {
                if (isDone())
                    resolve(true);
            };
            both.addEventListener('abort', () => resolve(isDone()), { once: true });
        });
        const timer = this.ctx.timers.sleep(limitMs, both).then(() => timeout.abort());
        const result = await finished;
        timeout.abort();
        await timer;
        this.rolloutWaiter = undefined;
        return result;
    }
    report(verdict, now, calls) {
        const gate = this.gate;
        const snap = gate?.snapshot();
        const start = snap?.startedAt ?? now;
        const rb = this.rollbackOutcome;
        let result;
        if (verdict.result === 'success')
            result = 'success';
        else if (rb && (rb.status === 'available' || rb.status === 'applied'))
            result = 'rolled-back';
        else if (verdict.result === 'timeout')
            result = 'timeout';
        else
            result = 'failed';
        const serviceNames = new Set(this.plans.map((p) => p.service).filter((s) => !!s));
        const names = new Set([
            this.name,
            ...this.replicaSets.map((r) => r.metadata?.name ?? ''),
            ...(this.pods ?? []).map((p) => p.name),
            ...serviceNames,
        ]);
        const diag = verdict.result !== 'success' && snap
            ? diagnostics({
                snapshot: snap,
                healthChecks: new Map(this.plans.filter((p) => p.healthCheck).map((p) => [p.ref.arn, p.healthCheck])),
                events: this.ctx.namespaceView.warnings(names),
                endpoints: this.ctx.namespaceView.endpoints(serviceNames),
            })
            : [];
        const groups = this.plans.map((p) => {
            const g = snap?.targetGroups.find((t) => t.ref.arn === p.ref.arn);
            return {
                arn: p.ref.arn,
                name: p.ref.name,
                source: p.ref.source,
                targetType: p.targetType,
                port: p.ref.port ?? null,
                healthCheck: p.healthCheck ?? null,
                minHealthy: g?.minHealthy ?? null,
                lastHealthy: g?.counts?.healthy ?? null,
                byState: g?.counts?.byState ?? {},
                describeCalls: calls.get(p.ref.arn) ?? 0,
            };
        });
        const mins = groups.map((g) => g.minHealthy).filter((v) => v !== null);
        const revision = snap?.deployment ? (revisionOf(snap.deployment.metadata?.annotations) ?? null) : null;
        return {
            namespace: this.ctx.namespace,
            name: this.name,
            result,
            reason: verdict.reason,
            message: verdict.message,
            revision,
            rolledBackTo: rb && (rb.status === 'available' || rb.status === 'applied' || rb.status === 'not-available')
                ? rb.revision
                : null,
            rollback: rb ? { status: rb.status, message: rb.message } : null,
            threshold: snap?.threshold?.value ?? null,
            thresholdExplanation: snap?.threshold?.explanation ?? null,
            desired: snap?.threshold?.desired ?? null,
            minHealthyObserved: mins.length > 0 ? Math.min(...mins) : null,
            rolloutOnly: this.plans.length === 0,
            targetGroups: groups,
            durationSeconds: (verdict.at - start) / 1000,
            milestones: (snap?.milestones ?? []).map((m) => ({ t: (m.at - start) / 1000, text: m.text })),
            timeline: (snap?.timeline ?? []).map((p) => ({
                t: (p.at - start) / 1000,
                targetGroup: p.arn,
                healthy: p.healthy,
            })),
            diagnostics: diag,
        };
    }
}

;// CONCATENATED MODULE: ./src/modes/watch.ts
/**
 * `watch`: follow one or more Deployments after `kubectl apply` together with the health of the
 * target groups in front of them, decide per Deployment with the pure gate, roll back failed ones
 * when asked, and report (log, annotations, outputs, job summary, report file).
 *
 * Exit codes: 0 every Deployment passed; 1 at least one failed, timed out or was rolled back;
 * 2 the gate could not run (bad input, no cluster access, a missing permission or target group).
 */















async function runWatch(settings, host, deps = {}) {
    return new WatchRun(settings, host, deps).run();
}
/** The gate could not start: the message says what to fix (exit code 2). */
class SetupError extends Error {
}
class WatchRun {
    settings;
    host;
    deps;
    timers;
    budgetOptions;
    startedAt;
    sessions = [];
    verdicts = new Map();
    /** Aborted when the gates are decided (or the job is cancelled): stops polling, probing, ticking. */
    stopRun = new AbortController();
    elbByRegion = new Map();
    budget;
    namespaceView;
    poller;
    probe;
    pollIntervalMs;
    setupError;
    constructor(settings, host, deps) {
        this.settings = settings;
        this.host = host;
        this.deps = deps;
        this.timers = deps.timers ?? systemTimers;
        this.budgetOptions = deps.budget ?? DEFAULT_BUDGET;
        this.budget = new CallBudget(this.timers, this.budgetOptions);
        this.startedAt = this.timers.now();
        // One waiter per target group loop, the probe and the clock: more than Node's default of 10.
        (0,external_node_events_.setMaxListeners)(0, this.stopRun.signal);
    }
    async run() {
        const onHostAbort = () => {
            for (const s of this.sessions)
                s.fail('cancelled: the job was cancelled or the process received a signal');
            this.stopRun.abort();
        };
        this.host.signal.addEventListener('abort', onHostAbort, { once: true });
        try {
            const conn = await this.connect();
            await this.startNamespace(conn);
            const deployments = await this.prepareSessions(conn);
            this.begin(await this.targetGroups(deployments));
            await this.watch();
            if (this.settings.rollback && !this.host.signal.aborted)
                await this.rollBack();
        }
        catch (e) {
            if (e instanceof SetupError || e instanceof KubeSetupError || e instanceof AwsSetupError)
                this.setupError = e.message;
            else
                throw e;
        }
        finally {
            this.stopRun.abort();
            this.host.signal.removeEventListener('abort', onHostAbort);
            for (const s of this.sessions)
                s.stop();
            this.namespaceView?.stop();
        }
        return this.finish();
    }
    async connect() {
        const { settings, host } = this;
        const conn = await connect({
            kubeconfig: settings.kubeconfig,
            context: settings.context,
            clusterName: settings.clusterName,
            awsRegion: settings.awsRegion,
            env: host.env,
            clock: this.timers,
            mask: (s) => host.mask(s),
            ...(this.deps.describeEksCluster ? { describeEksCluster: this.deps.describeEksCluster } : {}),
        });
        host.info(`zd-gate watch: ${settings.deployments.join(', ')} in namespace ${settings.namespace} via ${conn.describe}`);
        return conn;
    }
    /** Namespace-wide informers (Services, bindings, EndpointSlices, Warning events), shared by the Deployments. */
    async startNamespace(conn) {
        const early = [];
        this.namespaceView = new NamespaceView({
            kc: conn.kc,
            namespace: this.settings.namespace,
            timers: this.timers,
            log: (m) => this.host.debug(m),
            onSetupError: (e) => {
                early.push(e.message);
                for (const s of this.sessions)
                    s.fail(e.message);
            },
        });
        try {
            await this.namespaceView.start();
        }
        catch (e) {
            // A permission problem says more than "could not list".
            if (early.length === 0)
                throw e;
        }
        if (early.length > 0)
            throw new SetupError(early[0]);
    }
    async prepareSessions(conn) {
        const namespaceView = this.namespaceView;
        for (const name of this.settings.deployments) {
            this.sessions.push(new WatchSession({ kc: conn.kc, namespace: this.settings.namespace, host: this.host, timers: this.timers, namespaceView }, name));
        }
        return Promise.all(this.sessions.map((s) => s.prepare()));
    }
    /** Target groups per session: given or discovered, typed with DescribeTargetGroups, `ip` only. */
    async targetGroups(deployments) {
        const candidates = this.sessions.map((s, i) => this.candidates(s.name, deployments[i]));
        const arns = [...new Set(candidates.flat().map((c) => c.arn))];
        const infos = new Map();
        for (const arn of arns) {
            const region = this.regionFor(arn);
            if (!this.elbByRegion.has(region))
                this.elbByRegion.set(region, new ElbTargetHealth(createElbClient({ region, budget: this.budget })));
        }
        for (const [region, elb] of this.elbByRegion) {
            const mine = arns.filter((a) => this.regionFor(a) === region);
            for (const [arn, info] of await elb.describeTargetGroups(mine, this.stopRun.signal))
                infos.set(arn, info);
        }
        const missing = arns.filter((a) => !infos.has(a));
        if (missing.length > 0)
            throw new SetupError(`target group not found: ${missing.join(', ')} (check \`target-group-arns\` and \`aws-region\`).`);
        if (arns.length > 0) {
            const interval = Math.max(this.settings.pollIntervalMs, (arns.length / this.budgetOptions.ratePerSecond) * 1000);
            if (interval > this.settings.pollIntervalMs) {
                this.host.warning(`${arns.length} target groups at poll-interval ${this.settings.pollIntervalMs / 1000}s would exceed the gate's ELB budget; polling each every ${(interval / 1000).toFixed(1)}s instead.`);
            }
            this.pollIntervalMs = interval;
        }
        return this.sessions.map((s, i) => this.plan(s.name, candidates[i], infos));
    }
    candidates(name, deployment) {
        const ns = this.namespaceView;
        const discovery = discoverTargetGroups(deployment, ns.services.items(), ns.bindings.items());
        for (const note of discovery.notes)
            this.host.warning(`${name}: ${note}`);
        const fromBinding = (b) => ({
            arn: b.arn,
            port: b.targetPort,
            source: `TargetGroupBinding ${b.binding} → Service ${b.service}:${b.servicePort}`,
            service: b.service,
        });
        if (this.settings.targetGroupArns.length === 0)
            return discovery.bound.map(fromBinding);
        return this.settings.targetGroupArns.map((arn) => {
            const bound = discovery.bound.find((b) => b.arn === arn);
            if (!bound)
                return {
                    arn,
                    port: undefined,
                    source: 'target-group-arns (no TargetGroupBinding: targets matched by pod IP, any port)',
                    service: undefined,
                };
            const c = fromBinding(bound);
            return { ...c, source: `target-group-arns (${c.source})` };
        });
    }
    plan(name, candidates, infos) {
        const plans = [];
        const unusable = [];
        for (const c of candidates) {
            const info = infos.get(c.arn);
            const type = info?.targetType ?? 'unknown';
            if (type !== 'ip') {
                unusable.push(`${targetGroupName(c.arn)} (target type ${type})`);
                this.host.warning(`${name}: target group ${targetGroupName(c.arn)} has target type ${type}: its targets are ${type === 'instance' ? 'nodes, not pods' : 'not pods'}, so it cannot show per-pod health and is not counted.`);
                continue;
            }
            const window = info?.healthCheckIntervalSeconds && info.healthyThresholdCount
                ? info.healthCheckIntervalSeconds * info.healthyThresholdCount * 1000
                : undefined;
            const ref = {
                arn: c.arn,
                name: info?.name ?? targetGroupName(c.arn),
                port: c.port,
                source: c.source,
                ...(window !== undefined ? { unhealthyGraceMs: 2 * window } : {}),
            };
            plans.push({ ref, targetType: type, healthCheck: info?.healthCheck, service: c.service });
            this.host.info(`${name}: target group ${ref.name} via ${c.source}; health check ${info?.healthCheck ?? 'unknown'}`);
        }
        if (plans.length === 0) {
            const found = unusable.length > 0 ? `only ${unusable.join(', ')}` : 'no TargetGroupBinding whose Service selects its pods';
            if (!this.settings.allowRolloutOnly) {
                throw new SetupError(`deployment ${name}: no target group with per-pod (ip) targets (${found}). Pass \`target-group-arns\`, or set \`allow-rollout-only: true\` to gate on rollout status alone.`);
            }
            this.host.warning(`deployment ${name}: no target group with per-pod (ip) targets (${found}); gating on rollout status alone (allow-rollout-only).`);
        }
        return plans;
    }
    begin(plans) {
        const { settings } = this;
        const staleAfterMs = 3 * (this.pollIntervalMs ?? settings.pollIntervalMs) + 5_000;
        this.sessions.forEach((s, i) => {
            const mine = plans[i];
            s.begin({
                namespace: settings.namespace,
                deployment: s.name,
                minHealthy: settings.minHealthy,
                tolerateMs: settings.tolerateMs,
                deregistrationMs: settings.deregistrationMs,
                timeoutMs: settings.timeoutMs,
                settleTimeoutMs: settings.settleTimeoutMs,
                staleAfterMs,
                targetGroups: mine.map((p) => p.ref),
                ...(settings.probe ? { maxErrorRate: settings.probe.maxErrorRate } : {}),
            }, mine);
        });
    }
    /** Polls, probes and ticks until every gate has decided. */
    async watch() {
        const { sessions, settings, host } = this;
        const signal = this.stopRun.signal;
        const tasks = [];
        const arns = new Set(sessions.flatMap((s) => s.targetArns));
        if (arns.size > 0) {
            const elb = {
                describeTargetHealth: (arn, sig) => this.elbByRegion.get(this.regionFor(arn)).describeTargetHealth(arn, sig),
            };
            const poller = new TargetHealthPoller(elb, this.budget, this.timers, {
                intervalMs: this.pollIntervalMs ?? settings.pollIntervalMs,
            });
            for (const arn of arns) {
                poller.subscribe(arn, (observation) => {
                    for (const s of sessions)
                        if (s.targetArns.includes(arn))
                            s.feed({ type: 'target-health', arn, observation });
                });
            }
            this.poller = poller;
            tasks.push(poller.run(signal, (e) => sessions.forEach((s) => s.fail(e.message))));
        }
        if (settings.probe) {
            const p = settings.probe;
            this.probe = new Probe({
                url: p.url,
                ratePerSecond: p.ratePerSecond,
                timers: this.timers,
                onResult: (t) => sessions.forEach((s) => s.feed({ type: 'probe', total: t.total, errors: t.errors })),
            });
            host.info(`probe: ${p.ratePerSecond} requests/s to ${p.url}, failing above ${(p.maxErrorRate * 100).toFixed(2)}% 5xx or failed`);
            tasks.push(this.probe.run(signal));
        }
        tasks.push((async () => {
            while (!signal.aborted) {
                await this.timers.sleep(1_000, signal);
                for (const s of sessions)
                    s.feed({ type: 'tick' });
            }
        })());
        await Promise.all(sessions.map(async (s) => {
            const v = await s.verdict;
            this.verdicts.set(s, v);
            if (v.result === 'success')
                host.notice(`${s.name}: passed: ${v.message}`, { title: `zd-gate: ${s.name} passed` });
            else
                host.error(`${s.name}: ${v.result} (${v.reason}): ${v.message}`, { title: `zd-gate: ${s.name} ${v.result}` });
        }));
        this.stopRun.abort();
        await Promise.all(tasks);
    }
    /** `kubectl rollout undo` for each Deployment whose gate failed or timed out. */
    async rollBack() {
        const failed = this.sessions.filter((s) => this.verdicts.get(s)?.rollbackAdvised);
        await Promise.all(failed.map(async (s) => {
            this.host.info(`${s.name}: rolling back (rollback: true)`);
            const outcome = await s.rollback(this.settings.rollbackWait, this.host.signal);
            const say = outcome.status === 'error' ? this.host.error.bind(this.host) : this.host.info.bind(this.host);
            say(`${s.name}: rollback ${outcome.status}: ${outcome.message}`);
        }));
    }
    regionFor(arn) {
        return this.settings.awsRegion ?? arn.split(':')[3] ?? '';
    }
    async finish() {
        const { settings, host } = this;
        const now = this.timers.now();
        const calls = this.poller?.calls ?? new Map();
        const deployments = [];
        for (const s of this.sessions) {
            const v = this.verdicts.get(s);
            if (!v)
                continue;
            const r = s.report(v, now, calls);
            deployments.push(r);
            if (r.diagnostics.length > 0) {
                await host.group(`Diagnostics: ${s.name}`, async () => {
                    for (const line of r.diagnostics)
                        host.info(line);
                });
            }
        }
        const totals = this.probe?.totals();
        const durationSeconds = (now - this.startedAt) / 1000;
        const interval = (this.pollIntervalMs ?? settings.pollIntervalMs) / 1000;
        const perMinute = Object.fromEntries([...calls].map(([arn, n]) => [arn, Math.round(((n * 60) / Math.max(durationSeconds, interval)) * 10) / 10]));
        const report = {
            version: 1,
            result: this.setupError ? 'failed' : worst(deployments.map((d) => d.result)),
            namespace: settings.namespace,
            startedAt: new Date(this.startedAt).toISOString(),
            durationSeconds,
            deployments,
            probe: settings.probe && totals
                ? { url: settings.probe.url, total: totals.total, errors: totals.errors, byKind: totals.byKind }
                : null,
            elb: {
                attempts: this.budget.spent,
                pollIntervalSeconds: this.pollIntervalMs === undefined ? null : this.pollIntervalMs / 1000,
                describeTargetHealthCalls: Object.fromEntries(calls),
                describeTargetHealthPerMinute: perMinute,
            },
            error: this.setupError ?? null,
        };
        const reportFile = settings.reportFile ?? external_node_path_default().join(host.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'zd-gate-watch.json');
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(reportFile), { recursive: true });
            await (0,promises_.writeFile)(reportFile, `${JSON.stringify(report, null, 2)}\n`);
        }
        catch (e) {
            host.warning(`could not write the report file ${reportFile}: ${e.message}`);
        }
        for (const [name, value] of Object.entries(outputsFor(report, reportFile)))
            host.setOutput(name, value);
        await host.appendSummary(summaryMarkdown(report));
        if (this.setupError) {
            host.error(this.setupError, { title: 'zd-gate: the gate could not run' });
            return { exitCode: 2, message: this.setupError };
        }
        const bad = deployments.filter((d) => d.result !== 'success');
        if (bad.length === 0)
            return { exitCode: 0, message: `${deployments.map((d) => d.name).join(', ')}: passed` };
        // Only gates that could not decide (errors) → 2; any real failure → 1.
        const errors = [...this.verdicts.values()].filter((v) => v.result === 'error').length;
        return {
            exitCode: errors === bad.length ? 2 : 1,
            message: bad.map((d) => `${d.name} ${d.result}: ${d.message}`).join('; '),
        };
    }
}


/***/ })

};
