export const id = 354;
export const ids = [354,350];
export const modules = {

/***/ 3350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exitSoonAfter: () => (/* binding */ exitSoonAfter),
/* harmony export */   systemTimers: () => (/* binding */ systemTimers)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/** The system clock and timers for the adapters; the pure core only ever sees a Clock. */

const systemTimers = {
    now: () => Date.now(),
    sleep: async (ms, signal) => {
        if (signal?.aborted)
            return;
        try {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : {});
        }
        catch {
            // aborted
        }
    },
};
/**
 * After the watch mode has written its report, outputs and summary and closed its connections:
 * should anything still hold the event loop (a socket a library keeps open), the process exits
 * anyway a moment later instead of idling until the job's timeout. The timer itself holds nothing.
 */
function exitSoonAfter(ms = 2_000) {
    setTimeout(() => process.exit(), ms).unref();
}


/***/ }),

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
            key: typeof e.key === 'string' ? e.key : '',
            operator: typeof e.operator === 'string' ? e.operator : '',
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
/* harmony export */   jk: () => (/* binding */ resolveFenceposts),
/* harmony export */   ts: () => (/* binding */ maxUnavailable)
/* harmony export */ });
/* unused harmony exports IntOrPercentError, desiredReplicas */
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

/***/ 5354:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWatch: () => (/* binding */ runWatch)
});

// UNUSED EXPORTS: CANCEL_DEADLINE_MS, DEFAULT_BUDGET, DEFAULT_PROGRESS_DEADLINE_SECONDS

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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

// EXTERNAL MODULE: ./src/core/rollout/fenceposts.ts
var fenceposts = __webpack_require__(2421);
;// CONCATENATED MODULE: ./src/core/gate/policy.ts
/**
 * The watch policy that is not a verdict rule: which target groups count, the health-check grace and
 * the soak taken from the target groups' settings, when an answer is stale, how often target groups
 * are polled within the ELB call budget, the default timeout, and the input combinations that
 * cannot work (rejected or explained at start). Pure; the watch mode applies it.
 */

/** Used when a target group's health-check settings are unknown. */
const DEFAULT_UNHEALTHY_GRACE_MS = 60_000;
const DEFAULT_SOAK_MS = 30_000;
/** The API's default progressDeadlineSeconds, for timeouts before the Deployment is seen. */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
/**
 * Only `ip` target groups register pods, so only they can show per-pod health; an `instance` group
 * registers nodes. Answers why a group does not count, or undefined when it does.
 */
function whyNotCounted(tg) {
    if (tg.targetType === 'ip')
        return undefined;
    return `target type ${tg.targetType}: its targets are ${tg.targetType === 'instance' ? 'nodes, not pods' : 'not pods'}, so it cannot show per-pod health and is not counted`;
}
/** Twice the time the group needs to call a target healthy (interval × healthy threshold), if known. */
function unhealthyGraceMs(tg) {
    return tg.healthCheckIntervalSeconds && tg.healthyThresholdCount
        ? 2 * tg.healthCheckIntervalSeconds * tg.healthyThresholdCount * 1000
        : undefined;
}
/** How long the group takes to notice a target that stopped answering (interval × unhealthy threshold), if known. */
function unhealthyWindowMs(tg) {
    return tg.healthCheckIntervalSeconds && tg.unhealthyThresholdCount
        ? tg.healthCheckIntervalSeconds * tg.unhealthyThresholdCount * 1000
        : undefined;
}
/** The default soak: one unhealthy-detection window of the slowest group; 30 s when unknown or when there is no group. */
function defaultSoakMs(groups) {
    const windows = groups.map(unhealthyWindowMs);
    if (windows.length === 0 || windows.some((w) => w === undefined)) {
        return Math.max(DEFAULT_SOAK_MS, ...windows.filter((w) => w !== undefined));
    }
    return Math.max(...windows);
}
/** An answer older than 3 poll intervals + 5 s can neither fail nor pass the gate. */
function staleAfterMs(pollIntervalMs) {
    return 3 * pollIntervalMs + 5_000;
}
/**
 * The interval each target group is polled at: the requested one, stretched so that all groups
 * together stay within the budget's sustained rate.
 */
function pollInterval(requestedMs, groups, budgetPerSecond) {
    if (groups === 0)
        return requestedMs;
    return Math.max(requestedMs, (groups / budgetPerSecond) * 1000);
}
/** The default `timeout` of one Deployment: its progress deadline + settle-timeout + the soak. */
function defaultTimeoutMs(deployment, settleTimeoutMs, soakMs) {
    const deadline = deployment?.spec?.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
    return deadline * 1000 + settleTimeoutMs + soakMs;
}
/** ELB publishes a minute's counts one to three minutes after it ends (docs/elb-metrics.md). */
const ELB_PUBLICATION_MS = 60_000;
const sec = (ms) => `${Math.round(ms / 100) / 10}s`;
/** Combinations of inputs alone that cannot work; checked before connecting. */
function checkInputs(i) {
    const out = [];
    const err = (message) => void out.push({ level: 'error', message });
    const warn = (message) => void out.push({ level: 'warning', message });
    if (i.timeoutMs !== undefined) {
        if (i.tolerateMs > 0 && i.tolerateMs >= i.timeoutMs)
            err(`\`tolerate-seconds\` (${sec(i.tolerateMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate could never fail on the threshold before it times out. Lower tolerate-seconds or raise timeout.`);
        if (i.pollIntervalMs >= i.timeoutMs)
            err(`\`poll-interval\` (${sec(i.pollIntervalMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate would time out before it saw target health twice. Lower poll-interval or raise timeout.`);
        if (i.soakMs !== undefined && i.soakMs > 0 && i.soakMs >= i.timeoutMs)
            err(`\`soak-seconds\` (${sec(i.soakMs)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the soak could never end before the timeout. Lower soak-seconds or raise timeout.`);
    }
    if (i.settleTimeoutMs > 0 && i.settleTimeoutMs < i.pollIntervalMs)
        err(`\`settle-timeout\` (${sec(i.settleTimeoutMs)}) is shorter than \`poll-interval\` (${sec(i.pollIntervalMs)}): the gate may see no answer from the load balancer between the end of the rollout and the settle timeout, and fail a healthy release. Make settle-timeout at least a few poll intervals (the default is 5m).`);
    const ignored = i.elbMetricsIgnored ?? [];
    if (ignored.length > 0)
        warn(`${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored: \`elb-metrics\` is false, so no load balancer metrics are read. Set elb-metrics: true to use ${ignored.length === 1 ? 'it' : 'them'}.`);
    if (i.elbMetrics) {
        const wait = i.elbMetrics.waitMs;
        if (i.timeoutMs !== undefined && wait >= i.timeoutMs)
            err(`\`metrics-wait\` (${sec(wait)}) is not shorter than \`timeout\` (${sec(i.timeoutMs)}): the gate would time out before CloudWatch could publish the rollout's window. Lower metrics-wait or raise timeout.`);
        else if (wait < ELB_PUBLICATION_MS)
            warn(`\`metrics-wait\` (${sec(wait)}) is under a minute: ELB publishes a minute's counts one to three minutes after it ends, so the run will likely end with elb-metrics-missing (result error). The default is 180s.`);
    }
    if (i.soakMs !== undefined && i.soakMs > 0 && i.soakMs < i.pollIntervalMs)
        warn(`\`soak-seconds\` (${sec(i.soakMs)}) is shorter than \`poll-interval\` (${sec(i.pollIntervalMs)}): the soak will cover one answer per target group.`);
    return out;
}
/** Combinations that depend on what the cluster and AWS said; checked once the Deployments and target groups are known. */
function checkPlan(i, deployments, plan) {
    const out = [];
    const err = (message) => void out.push({ level: 'error', message });
    const warn = (message) => void out.push({ level: 'warning', message });
    if (plan.pollIntervalMs > i.pollIntervalMs) {
        const msg = `${plan.targetGroups} target groups at poll-interval ${sec(i.pollIntervalMs)} would exceed the gate's ELB budget; each is polled every ${sec(plan.pollIntervalMs)} instead`;
        const limit = i.settleTimeoutMs > 0 ? i.settleTimeoutMs : undefined;
        if (i.timeoutMs !== undefined && plan.pollIntervalMs >= i.timeoutMs)
            err(`${msg}, not shorter than \`timeout\` (${sec(i.timeoutMs)}). Watch fewer Deployments per run or raise timeout.`);
        else if (limit !== undefined && plan.pollIntervalMs > limit)
            err(`${msg}, longer than \`settle-timeout\` (${sec(limit)}): a healthy release could fail before the load balancer is polled again. Watch fewer Deployments per run or raise settle-timeout.`);
        else
            warn(`${msg}.`);
    }
    for (const { name, deployment } of deployments) {
        let unavailable;
        try {
            unavailable = (0,fenceposts/* maxUnavailable */.ts)(deployment);
        }
        catch {
            unavailable = 0;
        }
        const strategy = deployment.spec?.strategy?.type ?? 'RollingUpdate';
        if (i.settleTimeoutMs === 0 && strategy === 'RollingUpdate' && unavailable === 0) {
            err(`\`settle-timeout: 0\` cannot pass deployment ${name}: with maxUnavailable 0 the last step of its rollout deletes old pods whose targets are still healthy when kubectl reports success, and the load balancer needs its deregistration to catch up. Leave settle-timeout at its default (5m) or set it to at least a minute.`);
        }
        else if (i.settleTimeoutMs === 0) {
            warn(`\`settle-timeout: 0\`: deployment ${name} passes only if the load balancer has caught up at the very moment kubectl reports success; it usually trails by a few seconds.`);
        }
        const timeout = i.timeoutMs ?? defaultTimeoutMs(deployment, i.settleTimeoutMs, plan.soakMs);
        if (i.timeoutMs === undefined && i.tolerateMs > 0 && i.tolerateMs >= timeout)
            err(`\`tolerate-seconds\` (${sec(i.tolerateMs)}) is not shorter than the default timeout of deployment ${name} (${sec(timeout)}: progressDeadlineSeconds + settle-timeout + soak). Lower tolerate-seconds.`);
        const replicas = deployment.spec?.replicas ?? 1;
        if (i.minHealthy?.kind === 'count' && i.minHealthy.value > replicas)
            warn(`\`min-healthy\` ${i.minHealthy.value} is more than the ${replicas} replicas of deployment ${name}: the gate will fail unless it is scaled up.`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/gate/ports.ts
function isSetupError(e) {
    const name = e?.name;
    return name === 'KubeSetupError' || name === 'AwsSetupError' || name === 'WatchSetupError';
}
class WatchSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WatchSetupError';
    }
}

;// CONCATENATED MODULE: ./src/core/metrics/dimensions.ts
/**
 * From ELBv2 ARNs to the CloudWatch dimension values the load balancer metrics are published
 * under, and the metrics the gate reads. AWS: "LoadBalancer: app/load-balancer-name/1234567890123456
 * (the final portion of the load balancer ARN)", `net/...` for a Network Load Balancer, and
 * "TargetGroup: targetgroup/target-group-name/1234567890123456" (Elastic Load Balancing User Guide,
 * "CloudWatch metrics for your Application Load Balancer" / "... Network Load Balancer", Metric
 * dimensions). A target group's metrics are published with both dimensions, TargetGroup and
 * LoadBalancer: a target group attached to two load balancers has two series. Pure.
 */
const LB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:loadbalancer\/(app|net|gwy)\/([A-Za-z0-9-]{1,32})\/([0-9a-f]{16})$/;
const TG_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):\d{12}:(targetgroup\/([A-Za-z0-9-]{1,32})\/[0-9a-f]{16})$/;
const KINDS = { app: 'application', net: 'network', gwy: 'gateway' };
/** The load balancer an ARN names, or undefined when it is not a load balancer ARN. */
function loadBalancerRef(arn) {
    const m = LB_ARN.exec(arn);
    if (!m)
        return undefined;
    const [, region, type, name, id] = m;
    return { arn, dimension: `${type}/${name}/${id}`, name, kind: KINDS[type], region };
}
/** The TargetGroup dimension of a target group ARN, or undefined when it is not one. */
function targetGroupDimension(arn) {
    const m = TG_ARN.exec(arn);
    if (!m)
        return undefined;
    return { arn, dimension: m[2], name: m[3] };
}
/** The region in an ELBv2 ARN (`arn:aws:elasticloadbalancing:<region>:...`), if any. */
function arnRegion(arn) {
    return /^arn:aws[a-z-]*:elasticloadbalancing:([a-z0-9-]+):/.exec(arn)?.[1];
}
/**
 * The series read per load balancer kind. Codes the load balancer answered itself are published
 * per load balancer (and Availability Zone) only, never per target group; requests and the
 * targets' own 5xx also per target group. Statistic `Sum`, period 60 s: the only meaningful
 * statistic of these counts, at the resolution ELB publishes them.
 */
const METRICS = {
    application: [
        { namespace: 'AWS/ApplicationELB', metric: 'RequestCount', role: 'requests', perTargetGroup: false },
        { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_5XX_Count', role: 'elb-5xx', perTargetGroup: false },
        { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_502_Count', role: 'elb-502', perTargetGroup: false },
        { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_503_Count', role: 'elb-503', perTargetGroup: false },
        { namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_ELB_504_Count', role: 'elb-504', perTargetGroup: false },
        { namespace: 'AWS/ApplicationELB', metric: 'RequestCount', role: 'tg-requests', perTargetGroup: true },
        {
            namespace: 'AWS/ApplicationELB',
            metric: 'HTTPCode_Target_5XX_Count',
            role: 'tg-target-5xx',
            perTargetGroup: true,
        },
    ],
    network: [
        { namespace: 'AWS/NetworkELB', metric: 'NewFlowCount', role: 'requests', perTargetGroup: false },
        { namespace: 'AWS/NetworkELB', metric: 'TCP_ELB_Reset_Count', role: 'elb-reset', perTargetGroup: false },
        { namespace: 'AWS/NetworkELB', metric: 'TCP_Target_Reset_Count', role: 'target-reset', perTargetGroup: false },
    ],
};
/** The error codes of a role, as the report names them (`502`, `elb-reset`, ...). */
const ERROR_ROLES = {
    'elb-502': '502',
    'elb-503': '503',
    'elb-504': '504',
    'elb-reset': 'elb-reset',
    'target-reset': 'target-reset',
};

;// CONCATENATED MODULE: ./src/core/metrics/plan.ts
/**
 * Which CloudWatch series to read for the watched target groups: every load balancer in front of
 * them (DescribeTargetGroups → LoadBalancerArns) with its load-balancer-level series, and each
 * watched target group's own series on each of its load balancers. One GetMetricData call per
 * region and poll reads them all (at most {@link MAX_QUERIES} series per call, AWS's limit). Pure.
 */

/** AWS: "A GetMetricData operation that does not include a query can retrieve as many as 500 different metrics". */
const MAX_QUERIES = 500;
/** The series to read for these target groups. */
function planMetrics(input) {
    const notes = [];
    const lbs = new Map();
    for (const tg of input.targetGroups) {
        const dim = targetGroupDimension(tg.arn);
        if (!dim) {
            notes.push(`target group ${tg.name}: ${tg.arn} is not a target group ARN; its metrics are not read`);
            continue;
        }
        if (tg.loadBalancerArns.length === 0) {
            notes.push(`target group ${tg.name} is attached to no load balancer: no request reaches it, no metric counts it`);
            continue;
        }
        for (const lbArn of tg.loadBalancerArns) {
            const ref = loadBalancerRef(lbArn);
            if (!ref) {
                notes.push(`target group ${tg.name}: ${lbArn} is not a load balancer ARN; its metrics are not read`);
                continue;
            }
            if (ref.kind === 'gateway') {
                notes.push(`load balancer ${ref.name} is a Gateway Load Balancer: it publishes no HTTP codes or resets, its metrics are not read`);
                continue;
            }
            const entry = lbs.get(lbArn) ?? { ref, watched: [] };
            if (!entry.watched.some((w) => w.arn === dim.arn))
                entry.watched.push(dim);
            lbs.set(lbArn, entry);
        }
    }
    const queries = new Map();
    let n = 0;
    for (const { ref, watched } of lbs.values()) {
        const list = queries.get(ref.region) ?? [];
        const lbDim = { Name: 'LoadBalancer', Value: ref.dimension };
        for (const spec of METRICS[ref.kind]) {
            if (!spec.perTargetGroup) {
                list.push({ id: `q${n++}`, spec, loadBalancer: ref.arn, dimensions: [lbDim] });
                continue;
            }
            for (const tg of watched) {
                list.push({
                    id: `q${n++}`,
                    spec,
                    loadBalancer: ref.arn,
                    targetGroup: tg.arn,
                    dimensions: [{ Name: 'TargetGroup', Value: tg.dimension }, lbDim],
                });
            }
        }
        queries.set(ref.region, list);
    }
    const loadBalancers = [...lbs.values()].map(({ ref, watched }) => ({
        ref,
        watched,
        attached: input.attached?.get(ref.arn),
    }));
    const tooMany = [...queries.entries()].find(([, q]) => q.length > MAX_QUERIES);
    const unusable = loadBalancers.length === 0
        ? 'no Application or Network Load Balancer is in front of the watched target groups, so there are no load balancer metrics to read'
        : tooMany
            ? `${tooMany[1].length} CloudWatch series in ${tooMany[0]} for ${loadBalancers.length} load balancers exceed GetMetricData's ${MAX_QUERIES} per call: watch fewer target groups per run`
            : undefined;
    return { loadBalancers, queries, notes, ...(unusable ? { unusable } : {}) };
}
/** The roles a query of this plan can have, for the series of one load balancer. */
function queriesOf(plan, loadBalancer, role) {
    return [...plan.queries.values()].flat().filter((q) => q.loadBalancer === loadBalancer && q.spec.role === role);
}

;// CONCATENATED MODULE: ./src/core/metrics/store.ts
const MINUTE_MS = 60_000;
/** The start (epoch ms) of the minute `ms` falls in. */
function minuteOf(ms) {
    return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
class MetricsStore {
    plan;
    values = new Map();
    through = new Map();
    seen = new Map();
    lbOf = new Map();
    reads = 0;
    lastReadAt;
    constructor(plan) {
        this.plan = plan;
        for (const qs of plan.queries.values())
            for (const q of qs)
                this.lbOf.set(q.id, q.loadBalancer);
    }
    /** Takes in one read; datapoints of unknown ids or outside the read's range are ignored. */
    apply(read) {
        this.reads++;
        this.lastReadAt = read.requestedAt;
        for (const [id, points] of read.series) {
            const lb = this.lbOf.get(id);
            if (lb === undefined)
                continue;
            let byMinute = this.values.get(id);
            if (!byMinute)
                this.values.set(id, (byMinute = new Map()));
            for (const [at, value] of points) {
                const minute = minuteOf(at);
                if (minute < read.fromMs || minute >= read.toMs || !Number.isFinite(value))
                    continue;
                byMinute.set(minute, value);
                this.through.set(lb, Math.max(this.through.get(lb) ?? minute, minute));
                let seen = this.seen.get(lb);
                if (!seen)
                    this.seen.set(lb, (seen = new Map()));
                if (!seen.has(minute))
                    seen.set(minute, read.requestedAt);
            }
        }
    }
    value(queryId, minute) {
        return this.values.get(queryId)?.get(minute);
    }
    publishedThrough(loadBalancer) {
        return this.through.get(loadBalancer);
    }
    firstSeenAt(loadBalancer, minute) {
        return this.seen.get(loadBalancer)?.get(minute);
    }
}
/** AWS: GetMetricData returns "a total of as many as 100,800 data points" per call. */
const MAX_DATAPOINTS = 100_800;
/**
 * The whole minutes one read covers: from the minute of `earliestMs` (the baseline's start) through
 * the current minute, shortened at the old end so that every series' minutes fit one call.
 */
function readRange(now, earliestMs, queries) {
    const toMs = minuteOf(now) + MINUTE_MS;
    const maxMinutes = Math.max(1, Math.floor(MAX_DATAPOINTS / Math.max(1, queries)));
    return { fromMs: Math.max(minuteOf(Math.min(earliestMs, now)), toMs - maxMinutes * MINUTE_MS), toMs };
}

;// CONCATENATED MODULE: ./src/core/metrics/window.ts
/**
 * The rollout's window in whole minutes, the baseline before it, and the counts of one
 * Deployment's load balancers in both, attributed per load balancer and target group.
 *
 * - The window runs from the rollout's start (the gate's first observation of the new revision)
 *   to the end of the watch (the soak's end, or the verdict). CloudWatch counts per minute, so it is
 *   widened to the whole minutes it touches: the first minute may hold requests from before the
 *   rollout and the last from after it; the report says how much of each the rollout covered.
 * - The baseline is the same number of whole minutes right before the window.
 * - The load balancer's own codes (502/503/504, resets) are published per load balancer only:
 *   a load balancer that also serves target groups outside the Deployment (an IngressGroup, a
 *   shared ALB) is reported as shared, and its errors are counted for the Deployment all the same
 *   (the gate never passes on errors it cannot place), with the baseline beside them.
 * - A minute counts once its load balancer has published it (a datapoint at that minute or later);
 *   a series without a datapoint in a published minute counted nothing. Pure.
 */


/** The whole minutes a window touches (the end is exclusive: a window ending at 10:32:00 ends in minute 10:31). */
function windowSpan(window, now) {
    const end = window.endMs ?? now;
    const first = minuteOf(window.startMs);
    return { first, last: Math.max(first, minuteOf(Math.max(window.startMs, end - 1))) };
}
/** The same number of whole minutes right before the window. */
function baselineSpan(span) {
    const n = minutes(span);
    return { first: span.first - n * MINUTE_MS, last: span.first - MINUTE_MS };
}
function minutes(span) {
    return (span.last - span.first) / MINUTE_MS + 1;
}
const ZERO = { requests: 0, errors: 0, byCode: {} };
function add(a, b) {
    const byCode = { ...a.byCode };
    for (const [k, v] of Object.entries(b.byCode))
        byCode[k] = (byCode[k] ?? 0) + v;
    return { requests: a.requests + b.requests, errors: a.errors + b.errors, byCode };
}
/** One load balancer's counts in one published minute. */
function minuteCounts(view, qs, kind, minute) {
    const sum = (role) => qs.filter((q) => q.spec.role === role).reduce((n, q) => n + (view.value(q.id, minute) ?? 0), 0);
    const byCode = {};
    for (const [role, code] of Object.entries(ERROR_ROLES)) {
        const v = sum(role);
        if (v > 0)
            byCode[code] = v;
    }
    let errors;
    if (kind === 'application') {
        const named = (byCode['502'] ?? 0) + (byCode['503'] ?? 0) + (byCode['504'] ?? 0);
        const all = sum('elb-5xx');
        if (all > named)
            byCode['other-5xx'] = all - named;
        errors = Math.max(all, named);
    }
    else {
        errors = (byCode['elb-reset'] ?? 0) + (byCode['target-reset'] ?? 0);
    }
    return { requests: sum('requests'), errors, byCode };
}
/**
 * The counts of the load balancers in front of `targetGroups` (the Deployment's) for a window, at
 * `now`, from what has been read so far.
 */
function assess(view, targetGroups, window, now) {
    const scope = new Set(targetGroups);
    const span = windowSpan(window, now);
    const base = baselineSpan(span);
    const allQueries = [...view.plan.queries.values()].flat();
    const perMinute = new Map();
    for (let m = base.first; m <= span.last; m += MINUTE_MS)
        perMinute.set(m, { counts: ZERO, published: true });
    const loadBalancers = [];
    const pending = [];
    for (const lb of view.plan.loadBalancers) {
        if (!lb.watched.some((w) => scope.has(w.arn)))
            continue;
        const qs = allQueries.filter((q) => q.loadBalancer === lb.ref.arn && (!q.targetGroup || scope.has(q.targetGroup)));
        const through = view.publishedThrough(lb.ref.arn);
        let windowCounts = ZERO;
        let baselineCounts = ZERO;
        let delay;
        for (let m = base.first; m <= span.last; m += MINUTE_MS) {
            const entry = perMinute.get(m);
            if (through === undefined || through < m) {
                entry.published = false;
                continue;
            }
            const c = minuteCounts(view, qs, lb.ref.kind, m);
            entry.counts = add(entry.counts, c);
            if (m >= span.first) {
                windowCounts = add(windowCounts, c);
                const seen = view.firstSeenAt(lb.ref.arn, m);
                if (seen !== undefined)
                    delay = Math.max(delay ?? 0, seen - (m + MINUTE_MS));
            }
            else
                baselineCounts = add(baselineCounts, c);
        }
        if (through === undefined || through < span.last)
            pending.push(lb.ref.name);
        const sum = (id) => {
            let n = 0;
            if (id === undefined || through === undefined)
                return 0;
            for (let m = span.first; m <= Math.min(span.last, through); m += MINUTE_MS)
                n += view.value(id, m) ?? 0;
            return n;
        };
        const tgQuery = (tg, role) => qs.find((q) => q.targetGroup === tg && q.spec.role === role)?.id;
        loadBalancers.push({
            arn: lb.ref.arn,
            name: lb.ref.name,
            dimension: lb.ref.dimension,
            kind: lb.ref.kind,
            sharedWith: lb.attached?.filter((t) => !scope.has(t.arn)).map((t) => t.name),
            publishedThrough: through,
            publicationDelayMs: delay,
            window: windowCounts,
            baseline: baselineCounts,
            targetGroups: lb.watched
                .filter((w) => scope.has(w.arn))
                .map((w) => ({
                arn: w.arn,
                name: w.name,
                requests: sum(tgQuery(w.arn, 'tg-requests')),
                target5xx: sum(tgQuery(w.arn, 'tg-target-5xx')),
            })),
        });
    }
    const minutesList = [...perMinute.entries()].map(([minute, e]) => ({
        minute,
        ...e.counts,
        published: e.published && loadBalancers.length > 0,
    }));
    const end = window.endMs ?? now;
    return {
        window,
        span,
        baselineSpan: base,
        coveredSeconds: {
            first: Math.round((Math.min(end, span.first + MINUTE_MS) - window.startMs) / 1000),
            last: Math.round((end - Math.max(window.startMs, span.last)) / 1000),
        },
        complete: window.endMs !== undefined && loadBalancers.length > 0 && pending.length === 0,
        pending,
        counts: loadBalancers.reduce((a, lb) => add(a, lb.window), ZERO),
        baseline: loadBalancers.reduce((a, lb) => add(a, lb.baseline), ZERO),
        baselinePublished: minutesList.filter((m) => m.minute < span.first && m.published).length,
        perMinute: minutesList,
        loadBalancers,
    };
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/core/metrics/judge.ts
function over(c, limits) {
    if (c.errors <= limits.maxErrors)
        return false;
    if (limits.maxErrorRate === undefined)
        return true;
    return c.requests === 0 || c.errors > limits.maxErrorRate * c.requests;
}
/** `10:31` (UTC) */
function hhmm(ms) {
    return new Date(ms).toISOString().slice(11, 16);
}
/** `10:31–10:32 UTC`, or `10:31 UTC` for one minute. */
function describeSpan(span) {
    return span.first === span.last ? `${hhmm(span.first)} UTC` : `${hhmm(span.first)}–${hhmm(span.last)} UTC`;
}
/** `1.35%`, `50%`, `0.001%`: three significant digits, so a small rate never reads 0%. */
const pct = (x) => `${Number((x * 100).toPrecision(3)).toString()}%`;
/** `502: 119, 504: 12` */
function describeCodes(c) {
    const order = ['502', '503', '504', 'other-5xx', 'elb-reset', 'target-reset'];
    return Object.entries(c.byCode)
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
}
/** `189 load-balancer errors in 1450 requests (502: 119, 504: 12)` */
function describeCounts(c) {
    const codes = describeCodes(c);
    return `${c.errors} load-balancer error${c.errors === 1 ? '' : 's'} in ${c.requests} request${c.requests === 1 ? '' : 's'}${codes ? ` (${codes})` : ''}`;
}
function context(a) {
    const parts = [];
    const { first, last } = a.coveredSeconds;
    const whole = a.span.first === a.span.last ? 'one minute' : 'whole minutes';
    parts.push(`window ${describeSpan(a.span)} (CloudWatch counts ${whole}; the rollout covered ${first}s of the first${a.span.first === a.span.last ? '' : ` and ${last}s of the last`})`);
    parts.push(a.baselinePublished === 0
        ? `baseline ${describeSpan(a.baselineSpan)}: no datapoint`
        : `baseline ${describeSpan(a.baselineSpan)}: ${describeCounts(a.baseline)}`);
    for (const lb of a.loadBalancers) {
        if (lb.sharedWith === undefined || lb.sharedWith.length === 0)
            continue;
        const names = lb.sharedWith.slice(0, 3).join(', ') + (lb.sharedWith.length > 3 ? ', ...' : '');
        parts.push(`load balancer ${lb.name} also serves ${lb.sharedWith.length} other target group${lb.sharedWith.length === 1 ? '' : 's'} (${names}): its own errors are published per load balancer, so some may come from them`);
    }
    return parts.join('; ');
}
function limitsText(limits) {
    return limits.maxErrorRate === undefined
        ? `max-elb-errors ${limits.maxErrors}`
        : `max-elb-errors ${limits.maxErrors} and max-elb-error-rate ${pct(limits.maxErrorRate)}`;
}
/** The decision for the window as assessed now. */
function judge(a, limits, opts) {
    const c = a.counts;
    const exceeded = over(c, limits);
    const share = c.requests > 0 ? ` (${pct(c.errors / c.requests)})` : '';
    if (exceeded && (limits.maxErrorRate === undefined || a.complete || opts.waitExpired)) {
        const partial = a.complete ? '' : ` in the minutes published so far (waiting for ${a.pending.join(', ')})`;
        return {
            state: 'exceeded',
            message: `the load balancer reported ${describeCounts(c)}${share} during the rollout${partial}, more than ${limitsText(limits)}; ${context(a)}`,
        };
    }
    if (a.complete) {
        return {
            state: 'within',
            message: `the load balancer reported ${describeCounts(c)}${share} during the rollout, within ${limitsText(limits)}; ${context(a)}`,
        };
    }
    if (opts.waitExpired) {
        const lbs = a.loadBalancers.filter((lb) => a.pending.includes(lb.name));
        const what = lbs
            .map((lb) => `${lb.name} (${lb.dimension}) ${lb.publishedThrough === undefined ? 'has no datapoint at all' : `is published through ${hhmm(lb.publishedThrough)} UTC`}`)
            .join('; ');
        return {
            state: 'missing',
            message: `CloudWatch did not publish the load balancer metrics of the rollout's last minute (${hhmm(a.span.last)} UTC) within metrics-wait ${Math.round(opts.waitMs / 1000)}s: ${what || 'no load balancer to read'}. Either no request reached the load balancer since, or its metrics do not arrive (region, dimensions); the gate does not pass on counts it has not seen. So far: ${describeCounts(c)}`,
        };
    }
    return {
        state: 'pending',
        message: `waiting for CloudWatch to publish ${describeSpan(a.span)} (${a.pending.join(', ')})`,
    };
}

;// CONCATENATED MODULE: ./src/report/watch/elb-metrics.ts
/**
 * The load balancer's counts in the report file and the job summary. `elbReport` turns the
 * assessment of one Deployment's window (core/metrics/window.ts) into the report's JSON; the summary
 * shows it as a per-minute Mermaid xychart of requests (bars) and load-balancer errors (line) from
 * the baseline's first minute to the window's last, with the rollout's start, its convergence and the
 * verdict marked on the minutes they fall in, and tables per minute and per load balancer. The chart
 * is built from numbers and zd-gate's own words only (trusted); every name from outside goes through
 * md`` / table().
 */



const iso = (ms) => new Date(ms).toISOString();
const counts = (c) => ({ requests: c.requests, errors: c.errors, byCode: { ...c.byCode } });
function elbReport(a, o) {
    return {
        ...counts(a.counts),
        window: {
            start: iso(a.window.startMs),
            end: a.window.endMs === undefined ? null : iso(a.window.endMs),
            firstMinute: iso(a.span.first),
            lastMinute: iso(a.span.last),
            coveredSeconds: a.coveredSeconds,
            complete: a.complete,
        },
        baseline: {
            ...counts(a.baseline),
            firstMinute: iso(a.baselineSpan.first),
            lastMinute: iso(a.baselineSpan.last),
            publishedMinutes: a.baselinePublished,
        },
        limits: {
            maxErrors: o.limits.maxErrors,
            maxErrorRate: o.limits.maxErrorRate ?? null,
            waitSeconds: o.waitMs / 1000,
        },
        pending: [...a.pending],
        marks: {
            start: iso(o.marks.startMs),
            converged: o.marks.convergedMs === undefined ? null : iso(o.marks.convergedMs),
            verdict: o.marks.verdictMs === undefined ? null : iso(o.marks.verdictMs),
        },
        perMinute: a.perMinute.map((m) => ({
            minute: iso(m.minute),
            part: m.minute < a.span.first ? 'baseline' : 'window',
            published: m.published,
            ...counts(m),
        })),
        loadBalancers: a.loadBalancers.map((lb) => ({
            name: lb.name,
            dimension: lb.dimension,
            kind: lb.kind,
            sharedWith: lb.sharedWith === undefined ? null : [...lb.sharedWith],
            publishedThrough: lb.publishedThrough === undefined ? null : iso(lb.publishedThrough),
            publicationDelaySeconds: lb.publicationDelayMs === undefined ? null : Math.round(lb.publicationDelayMs / 1000),
            window: counts(lb.window),
            baseline: counts(lb.baseline),
            targetGroups: lb.targetGroups.map((t) => ({ ...t })),
        })),
        getMetricDataCalls: o.calls,
        unknownReads: [...o.unknown],
    };
}
/** `10:30 start`, `10:31 converged verdict`, `10:32 (not published)` */
function label(minute, r, published) {
    const m = Date.parse(minute);
    const at = (s) => s !== null && minuteOf(Date.parse(s)) === m;
    const tags = [];
    if (at(r.marks.start))
        tags.push('start');
    if (at(r.marks.converged))
        tags.push('converged');
    if (at(r.marks.verdict))
        tags.push('verdict');
    if (!published)
        tags.push('(not published)');
    return [hhmm(m), ...tags].join(' ');
}
const span = (first, last) => {
    const s = { first: Date.parse(first), last: Date.parse(last) };
    return s.first === s.last ? `${hhmm(s.first)} UTC` : `${hhmm(s.first)}–${hhmm(s.last)} UTC`;
};
/** The Mermaid chart (numbers and constant words only). */
function elbChart(r) {
    const minutes = r.perMinute;
    const top = Math.max(1, ...minutes.map((m) => Math.max(m.requests, m.errors)));
    const lines = [
        '```mermaid',
        'xychart-beta',
        '  title "Requests (bars) and load-balancer errors (line) per minute, UTC"',
        `  x-axis [${minutes.map((m) => `"${label(m.minute, r, m.published)}"`).join(', ')}]`,
        `  y-axis "per minute" 0 --> ${Math.ceil((top * 11) / 10)}`,
        `  bar [${minutes.map((m) => m.requests).join(', ')}]`,
        `  line [${minutes.map((m) => m.errors).join(', ')}]`,
        '```',
    ];
    return (0,markdown/* trusted */.IZ)(lines.join('\n'));
}
/** The chart, the per-minute figures and one row per load balancer. */
function elbSection(r) {
    const perMinute = (0,markdown/* table */.tp)(['minute (UTC)', 'part', 'requests', 'load-balancer errors', 'by code'], r.perMinute.map((m) => [
        label(m.minute, r, m.published),
        m.part === 'baseline' ? 'baseline' : 'rollout',
        m.published ? String(m.requests) : 'n/a',
        m.published ? String(m.errors) : 'n/a',
        describeCodes(m),
    ]), ['l', 'l', 'r', 'r', 'l']);
    const lbs = (0,markdown/* table */.tp)(['load balancer', 'requests', 'errors', 'by code', 'baseline', 'published through', 'delay seen', 'shared with'], r.loadBalancers.map((lb) => [
        (0,markdown/* code */.aY)(lb.dimension),
        String(lb.window.requests),
        String(lb.window.errors),
        describeCodes(lb.window),
        `${lb.baseline.errors} / ${lb.baseline.requests}`,
        lb.publishedThrough === null ? 'nothing yet' : `${hhmm(Date.parse(lb.publishedThrough))} UTC`,
        lb.publicationDelaySeconds === null ? '' : `${lb.publicationDelaySeconds}s`,
        lb.sharedWith === null ? 'unknown' : lb.sharedWith.length === 0 ? 'no' : lb.sharedWith.join(', '),
    ]), ['l', 'r', 'r', 'l', 'r', 'l', 'r', 'l']);
    const state = r.window.complete
        ? `${r.errors} load-balancer errors in ${r.requests} requests`
        : `not complete (waiting for ${r.pending.join(', ') || 'the window to close'}): ${r.errors} load-balancer errors in ${r.requests} requests in the minutes published`;
    return (0,markdown/* join */.fj)([
        (0,markdown.md) `**Load balancer counts** (CloudWatch), window ${span(r.window.firstMinute, r.window.lastMinute)}, baseline ${span(r.baseline.firstMinute, r.baseline.lastMinute)}: ${state}.`,
        elbChart(r),
        perMinute,
        lbs,
    ], '\n\n');
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
    ElbErrors: 'elb-errors',
    ElbRequests: 'elb-requests',
    ReportFile: 'report-file',
};

;// CONCATENATED MODULE: ./src/report/watch/report.ts



const SEVERITY = { success: 0, error: 1, 'rolled-back': 2, failed: 3 };
function worst(results) {
    return results.reduce((w, r) => (SEVERITY[r] > SEVERITY[w] ? r : w), 'success');
}
/** The documented exit code of a result (the same for the action and the CLI). */
function exitCodeOf(result) {
    return result === 'success' ? 0 : result === 'error' ? 2 : 1;
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
        [Outputs.ElbErrors]: perDeployment(report.deployments, (d) => d.elb?.errors ?? null),
        [Outputs.ElbRequests]: perDeployment(report.deployments, (d) => d.elb?.requests ?? null),
        [Outputs.ReportFile]: reportFile,
    };
}
const ICON = { success: '✅', failed: '❌', error: '⚠️', 'rolled-back': '↩️' };
function summaryMarkdown(report) {
    const out = [(0,markdown.md) `### zd-gate watch: ${ICON[report.result]} ${report.result}`];
    if (report.error)
        out.push(report.cancelled ? (0,markdown.md) `The run was cancelled: ${report.error}` : (0,markdown.md) `The gate could not run: ${report.error}`);
    if (report.deployments.length > 0) {
        out.push((0,markdown/* table */.tp)(['Deployment', 'Result', 'Revision', 'Threshold', 'Lowest healthy', 'Rolled back to', 'Verdict at', 'Why'], report.deployments.map((d) => [
            `${report.namespace}/${d.name}`,
            `${ICON[d.result]} ${d.result}`,
            d.revision ?? '',
            d.threshold ?? '',
            d.minHealthyObserved ?? '',
            d.rolledBackTo ?? '',
            `${d.verdictSeconds.toFixed(1)}s`,
            d.reason,
        ])));
    }
    if (report.probe) {
        out.push((0,markdown.md) `Probe ${(0,markdown/* code */.aY)(report.probe.url)}: ${report.probe.errors} of ${report.probe.total} requests failed or answered 5xx.`);
    }
    if (report.events.length > 0) {
        out.push((0,markdown.md) `
**Order of events** (seconds since the start of the run; each Deployment goes from its verdict to its rollback on its own):
      `, (0,markdown/* table */.tp)(['t', 'Deployment', 'Event'], report.events.map((e) => [`${e.t.toFixed(1)}s`, e.deployment ?? '', e.event]), ['r', 'l', 'l']));
    }
    for (const d of report.deployments) {
        out.push((0,markdown.md) `#### ${d.name}`, (0,markdown/* text */.Qq)(d.message));
        if (d.rollback)
            out.push((0,markdown.md) `Rollback: ${d.rollback.status}: ${d.rollback.message}`);
        const soak = soakLine(d);
        if (soak)
            out.push(soak);
        for (const b of d.blindSpots)
            out.push((0,markdown.md) `**Blind spot**: ${b}`);
        const chart = timelineChart(d);
        if (chart)
            out.push(chart);
        if (d.elb)
            out.push(elbSection(d.elb));
        if (d.milestones.length > 0) {
            out.push((0,markdown/* table */.tp)(['t', 'What happened'], d.milestones.map((m) => [`${m.t.toFixed(1)}s`, m.text]), ['r', 'l']));
        }
        if (d.diagnostics.length > 0)
            out.push((0,markdown/* details */.zH)('Diagnostics', (0,markdown/* codeBlock */.DV)(d.diagnostics.join('\n'))));
    }
    return (0,markdown/* join */.fj)([...out, (0,markdown/* trusted */.IZ)('')], '\n\n');
}
/** What the soak covered, in one sentence; undefined when there was none. */
function soakLine(d) {
    const s = d.soak;
    if (!s || s.seconds === 0)
        return undefined;
    if (s.startedSeconds === null)
        return (0,markdown.md) `Soak (${s.seconds}s after the load balancer caught up): not reached; the load balancer never caught up.`;
    const answers = Object.entries(s.answers)
        .map(([arn, n]) => `${d.targetGroups.find((g) => g.arn === arn)?.name ?? arn}: ${n}`)
        .join(', ');
    const probe = s.probeRequests !== null ? `; ${s.probeRequests} probe requests` : '';
    const outcome = d.result === 'success' ? 'no degradation seen' : `ended by the verdict (${d.reason}) after ${s.coveredSeconds}s`;
    return (0,markdown.md) `Soak: ${s.seconds}s from ${s.startedSeconds.toFixed(1)}s (when the load balancer caught up); covered ${s.coveredSeconds}s with ${answers || 'no'} DescribeTargetHealth answers${probe}; ${outcome}.`;
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
    const resample = (samples, low) => {
        let last;
        let cursor = 0;
        return xs.map((x, i) => {
            const upTo = i === points - 1 ? Number.POSITIVE_INFINITY : x + step / 2;
            let value;
            while (cursor < samples.length && samples[cursor].t <= upTo) {
                const h = samples[cursor].v;
                value = value === undefined ? h : low(value, h);
                last = h;
                cursor++;
            }
            return value ?? last ?? 0;
        });
    };
    const series = d.targetGroups.map((tg) => resample(d.timeline.filter((p) => p.targetGroup === tg.arn).map((p) => ({ t: p.t, v: p.healthy })), Math.min));
    // The threshold follows scaling: its highest value per interval (the strictest).
    const first = d.targetGroups[0]?.arn;
    const thresholds = d.timeline.filter((p) => p.targetGroup === first && p.threshold !== undefined);
    const thresholdLine = thresholds.length > 0
        ? resample(thresholds.map((p) => ({ t: p.t, v: p.threshold })), Math.max)
        : xs.map(() => d.threshold);
    const top = Math.max(d.threshold, ...series.flat(), ...thresholdLine, d.desired ?? 0) + 1;
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${mermaidLabel(d.name)}: healthy targets per target group vs threshold ${d.threshold}"`,
        `  x-axis "seconds since start" [${xs.map((x) => Math.round(x)).join(', ')}]`,
        `  y-axis "healthy targets" 0 --> ${top}`,
        ...series.map((s) => `  line [${s.join(', ')}]`),
        `  line [${thresholdLine.join(', ')}]`,
        '```',
        '',
    ];
    const legend = (0,markdown.md) `Lines: ${d.targetGroups.map((tg, i) => `${i + 1}. ${tg.name}`).join(', ')}; last: threshold ${d.threshold}.`;
    return (0,markdown/* join */.fj)([(0,markdown/* trusted */.IZ)(lines.join('\n')), legend], '\n');
}
/** A Mermaid label: no quote, bracket or line break from outside can end the string it sits in. */
function mermaidLabel(s) {
    return s.replace(/[^A-Za-z0-9 ._:/-]/g, '_');
}

// EXTERNAL MODULE: ./src/adapters/clock.ts
var clock = __webpack_require__(3350);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
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
/**
 * Makes every HTTP attempt of an SDK client draw from the budget: a middleware in the deserialize
 * step, below the SDK's retry middleware, so it runs once per attempt, retries included.
 */
function meterAttempts(client, budget) {
    client.middlewareStack.add((next) => async (args) => {
        budget.spend();
        return next(args);
    }, { step: 'deserialize', name: 'zdGateCallBudget', priority: 'low' });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
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
    const client = new client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD({
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
        return `AWS denied ${action} on ${subject}: allow \`${action}\` in the IAM policy of the role the job runs with (docs/watch.md#aws-iam). AWS said: ${e.message ?? name}`;
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
                const r = await this.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: chunk }), signal ? { abortSignal: signal } : {});
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
                    ...(g.UnhealthyThresholdCount !== undefined ? { unhealthyThresholdCount: g.UnhealthyThresholdCount } : {}),
                    loadBalancers: g.LoadBalancerArns?.length ?? 0,
                    loadBalancerArns: g.LoadBalancerArns ?? [],
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
            const r = await this.client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: arn }), signal ? { abortSignal: signal } : {});
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
            if (err.name === 'AbortError' || signal?.aborted)
                throw e;
            const problem = setupProblem(err, 'elasticloadbalancing:DescribeTargetHealth', arn);
            if (problem)
                throw new AwsSetupError(problem);
            return { kind: 'unknown', reason: describeError(err), ...(isThrottling(err) ? { throttled: true } : {}) };
        }
    }
}
/** The ELBv2 target-health port over one SDK client per region, all drawing from one call budget. */
class ElbSource {
    budget;
    regionFor;
    now;
    byRegion = new Map();
    constructor(budget, regionFor, now) {
        this.budget = budget;
        this.regionFor = regionFor;
        this.now = now;
    }
    client(arn) {
        const region = this.regionFor(arn);
        let c = this.byRegion.get(region);
        if (!c)
            this.byRegion.set(region, (c = new ElbTargetHealth(createElbClient({ region, budget: this.budget }))));
        return c;
    }
    async describeTargetGroups(arns, signal) {
        const out = new Map();
        const regions = new Map();
        for (const arn of arns)
            regions.set(this.regionFor(arn), [...(regions.get(this.regionFor(arn)) ?? []), arn]);
        for (const group of regions.values())
            for (const [arn, info] of await this.client(group[0]).describeTargetGroups(group, signal))
                out.set(arn, info);
        return out;
    }
    async describeTargetHealth(arn, signal) {
        const requestedAt = this.now();
        const o = await this.client(arn).describeTargetHealth(arn, signal);
        return o.kind === 'known' ? { ...o, requestedAt } : o;
    }
    budgetWaitMs() {
        return this.budget.waitMs();
    }
    get attempts() {
        return this.budget.spent;
    }
}

;// CONCATENATED MODULE: ./src/adapters/aws/elb-topology.ts
/**
 * Which target groups each load balancer serves (DescribeTargetGroups by LoadBalancerArn, paged),
 * so the metrics report can say when a load balancer in front of a Deployment also serves others
 * (an IngressGroup, a shared ALB): its own error counts are published per load balancer only.
 * One call per load balancer and page, through the ELB client and its call budget.
 */


/** Per load balancer ARN, every target group attached to it; a failed lookup leaves its entry out (unknown). */
async function attachedTargetGroups(client, loadBalancerArns, signal, maxPages = 5) {
    const out = new Map();
    for (const lb of loadBalancerArns) {
        const groups = [];
        let marker;
        let pages = 0;
        try {
            do {
                const r = await client.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ LoadBalancerArn: lb, ...(marker ? { Marker: marker } : {}) }), signal ? { abortSignal: signal } : {});
                for (const g of r.TargetGroups ?? [])
                    if (g.TargetGroupArn)
                        groups.push({ arn: g.TargetGroupArn, name: g.TargetGroupName ?? g.TargetGroupArn });
                marker = r.NextMarker;
            } while (marker && ++pages < maxPages);
        }
        catch (e) {
            if (signal?.aborted)
                throw e;
            const problem = setupProblem(e, 'elasticloadbalancing:DescribeTargetGroups', lb);
            if (problem && /denied|credentials/i.test(problem))
                throw new AwsSetupError(problem);
            continue;
        }
        if (!marker)
            out.set(lb, groups);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/adapters/aws/cloudwatch.ts
/**
 * The load balancers' own counts from CloudWatch: one `GetMetricData` call per region and poll
 * reads every series of the plan (core/metrics/plan.ts) over the whole minutes from the baseline's
 * start to now, and the store (core/metrics/store.ts) keeps them.
 *
 * - Protocol: `@aws-sdk/client-cloudwatch` speaks AWS JSON 1.0 (query-compatible); errors carry the
 *   Query codes (`AccessDenied`, `Throttling`, `InvalidParameterValue`...) as their names.
 * - Retries are the SDK's (standard mode); every HTTP attempt draws from the same CallBudget as the
 *   ELB calls, and the poller waits for a token before each call.
 * - Throttling, 5xx, timeouts and network errors make a read `unknown` (the next poll tries again,
 *   later after throttling); a denied call, rejected credentials or a query CloudWatch refuses end
 *   the watch with an AwsSetupError that names `cloudwatch:GetMetricData`.
 * - The endpoint is the SDK's: `AWS_ENDPOINT_URL_CLOUDWATCH` (or `AWS_ENDPOINT_URL`) overrides it.
 */






const GET_METRIC_DATA = 'cloudwatch:GetMetricData';
function createCloudWatchClient(options) {
    const client = new dist_cjs/* CloudWatchClient */.WBn({
        region: options.region,
        maxAttempts: options.maxAttempts ?? 3,
        retryMode: 'standard',
        requestHandler: { requestTimeout: options.requestTimeoutMs ?? 10_000, connectionTimeout: 5_000 },
    });
    meterAttempts(client, options.budget);
    return client;
}
/** CloudWatch refused the query itself: waiting does not help (a bug, or dimensions it cannot take). */
const REJECTED = new Set([
    'InvalidParameterValueException',
    'InvalidParameterCombinationException',
    'MissingRequiredParameterException',
    'InvalidParameterValue',
    'InvalidParameterCombination',
    'MissingParameter',
]);
/** GetMetricData over one region's queries. */
class CloudWatchMetrics {
    client;
    region;
    /** GetMetricData calls sent (pages included; SDK retries are counted by the budget). */
    calls = 0;
    constructor(client, region) {
        this.client = client;
        this.region = region;
    }
    /**
     * One read of [fromMs, toMs) (whole minutes): one call, and more only if CloudWatch pages the
     * answer (more than 100,800 datapoints, which readRange() avoids).
     */
    async read(queries, fromMs, toMs, requestedAt, signal) {
        const series = new Map();
        let token;
        try {
            do {
                this.calls++;
                const out = await this.client.send(new dist_cjs/* GetMetricDataCommand */.Soe({
                    MetricDataQueries: queries.map((q) => ({
                        Id: q.id,
                        MetricStat: {
                            Metric: {
                                Namespace: q.spec.namespace,
                                MetricName: q.spec.metric,
                                Dimensions: q.dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
                            },
                            Period: 60,
                            Stat: 'Sum',
                        },
                        ReturnData: true,
                    })),
                    StartTime: new Date(fromMs),
                    EndTime: new Date(toMs),
                    ScanBy: 'TimestampAscending',
                    ...(token ? { NextToken: token } : {}),
                }), signal ? { abortSignal: signal } : {});
                for (const r of out.MetricDataResults ?? []) {
                    if (r.StatusCode === 'Forbidden') {
                        throw new AwsSetupError(`CloudWatch refused series ${r.Id ?? '?'} (StatusCode Forbidden) in ${this.region}: allow \`${GET_METRIC_DATA}\` for the role the job runs with (docs/elb-metrics.md#permissions).`);
                    }
                    if (r.StatusCode === 'InternalError') {
                        const why = (r.Messages ?? []).map((m) => `${m.Code ?? ''} ${m.Value ?? ''}`.trim()).join('; ');
                        return {
                            kind: 'unknown',
                            reason: `CloudWatch answered InternalError for series ${r.Id ?? '?'}${why ? `: ${why}` : ''}`,
                        };
                    }
                    if (!r.Id)
                        continue;
                    const list = series.get(r.Id) ?? [];
                    (r.Timestamps ?? []).forEach((t, i) => {
                        const v = r.Values?.[i];
                        if (v !== undefined)
                            list.push([t.getTime(), v]);
                    });
                    series.set(r.Id, list);
                }
                token = out.NextToken;
            } while (token);
        }
        catch (e) {
            if (e instanceof AwsSetupError)
                throw e;
            const err = e;
            if (err.name === 'AbortError' || signal?.aborted)
                throw e;
            const subject = `the load balancer metrics in ${this.region}`;
            const problem = setupProblem(err, GET_METRIC_DATA, subject);
            if (problem)
                throw new AwsSetupError(problem);
            if (REJECTED.has(err.name ?? '')) {
                throw new AwsSetupError(`${GET_METRIC_DATA} rejected the query for ${subject}: ${err.message ?? err.name}`);
            }
            const status = err.$metadata?.httpStatusCode;
            return {
                kind: 'unknown',
                reason: `${err.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${err.message ?? ''}`.trim(),
                ...(isThrottling(err) ? { throttled: true } : {}),
            };
        }
        return { kind: 'known', read: { requestedAt, fromMs, toMs, series } };
    }
}
const DEFAULT_METRICS_POLL_MS = 15_000;
/**
 * Reads every region's series into the store every interval until stopped: waits for the shared
 * budget before each call, stretches the interval after throttling (×2 up to ×6, back to normal
 * after any answer that is not throttling), and hands the store to `onRead` after each read.
 */
class MetricsPoller {
    store;
    readers;
    budget;
    timers;
    earliest;
    options;
    random;
    /** Reads that came back unknown, with their reasons (the last few), for the report. */
    unknown = [];
    constructor(store, readers, budget, timers, 
    /** The earliest time the reads must cover (the baseline's start), asked before each read. */
    earliest, options = {}, random = Math.random) {
        this.store = store;
        this.readers = readers;
        this.budget = budget;
        this.timers = timers;
        this.earliest = earliest;
        this.options = options;
        this.random = random;
    }
    /** Reads until `signal` aborts; a setup error stops the loop and is reported once. */
    async run(signal, onRead, onSetupError) {
        const interval = this.options.intervalMs ?? DEFAULT_METRICS_POLL_MS;
        const jitter = this.options.jitter ?? 0.2;
        const maxBackoff = this.options.maxBackoff ?? 6;
        let backoff = 1;
        while (!signal.aborted) {
            let throttled = false;
            for (const [region, reader] of this.readers) {
                const queries = this.store.plan.queries.get(region) ?? [];
                if (queries.length === 0)
                    continue;
                for (let wait = this.budget.waitMs(); wait > 0 && !signal.aborted; wait = this.budget.waitMs())
                    await this.timers.sleep(wait, signal);
                if (signal.aborted)
                    return;
                const now = this.timers.now();
                const { fromMs, toMs } = readRange(now, this.earliest(), queries.length);
                let outcome;
                try {
                    outcome = await reader.read(queries, fromMs, toMs, now, signal);
                }
                catch (e) {
                    if (signal.aborted)
                        return;
                    if (e instanceof AwsSetupError) {
                        onSetupError(e);
                        return;
                    }
                    outcome = { kind: 'unknown', reason: e.message ?? String(e) };
                }
                if (signal.aborted)
                    return;
                if (outcome.kind === 'known')
                    this.store.apply(outcome.read);
                else {
                    throttled ||= outcome.throttled === true;
                    this.unknown.push(outcome.reason);
                    if (this.unknown.length > 10)
                        this.unknown.shift();
                }
            }
            onRead(this.store);
            backoff = throttled ? Math.min(maxBackoff, backoff * 2) : 1;
            await this.timers.sleep(interval * backoff * (1 + jitter * (this.random() * 2 - 1)), signal);
        }
    }
    /** Calls sent so far, over all regions. */
    get calls() {
        let n = 0;
        for (const r of this.readers.values())
            n += r.calls;
        return n;
    }
}
/**
 * The `elb-metrics` port: one CloudWatch client per region of the plan and, for naming shared load
 * balancers, DescribeTargetGroups by load balancer through an ELB client per region; every HTTP
 * attempt of both draws from the gate's one AWS call budget.
 */
class CloudWatchSource {
    budget;
    timers;
    options;
    readers = new Map();
    poller;
    constructor(plan, budget, timers, options = {}) {
        this.budget = budget;
        this.timers = timers;
        this.options = options;
        for (const region of plan.queries.keys())
            this.readers.set(region, new CloudWatchMetrics(createCloudWatchClient({ region, budget }), region));
    }
    async attachedTargetGroups(loadBalancerArns, signal) {
        const byRegion = new Map();
        for (const arn of loadBalancerArns) {
            const region = arnRegion(arn);
            if (region)
                byRegion.set(region, [...(byRegion.get(region) ?? []), arn]);
        }
        const out = new Map();
        for (const [region, arns] of byRegion) {
            const client = createElbClient({ region, budget: this.budget });
            for (const [arn, groups] of await attachedTargetGroups(client, arns, signal))
                out.set(arn, groups);
        }
        return out;
    }
    run(store, earliest, signal, hooks) {
        this.poller = new MetricsPoller(store, this.readers, this.budget, this.timers, earliest, this.options);
        return this.poller.run(signal, () => hooks.onRead(), hooks.onSetupError);
    }
    get calls() {
        return this.poller?.calls ?? 0;
    }
    get unknown() {
        return this.poller?.unknown ?? [];
    }
}

;// CONCATENATED MODULE: ./src/adapters/aws/poller.ts
class TargetHealthPoller {
    elb;
    timers;
    options;
    random;
    listeners = new Map();
    /** DescribeTargetHealth calls per target group (not counting SDK retries; the budget does). */
    calls = new Map();
    constructor(elb, timers, options, random = Math.random) {
        this.elb = elb;
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
            for (let wait = this.elb.budgetWaitMs(); wait > 0 && !signal.aborted; wait = this.elb.budgetWaitMs())
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
                if (e.name === 'AwsSetupError') {
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
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-eks/dist-cjs/index.js
var client_eks_dist_cjs = __webpack_require__(4524);
;// CONCATENATED MODULE: ./src/adapters/aws/eks.ts
/** eks:DescribeCluster: the API server endpoint and CA of an EKS cluster, for `cluster-name`. */


async function describeCluster(name, region, signal, client = new client_eks_dist_cjs/* EKSClient */.JQJ({
    region,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 },
})) {
    let cluster;
    try {
        cluster = (await client.send(new client_eks_dist_cjs/* DescribeClusterCommand */.hV5({ name }), signal ? { abortSignal: signal } : {})).cluster;
    }
    catch (e) {
        const err = e;
        if (signal?.aborted)
            throw new AwsSetupError(`eks:DescribeCluster for cluster ${name} was stopped: the run was cancelled or timed out.`);
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
/**
 * The bearer token for `cluster-name`: signed in-process, reused, and renewed before it expires.
 * Every new token is handed to `onToken` (to mask it).
 */
class EksTokenAuthenticator {
    options;
    cached;
    pending;
    constructor(options) {
        this.options = options;
    }
    async token() {
        const now = this.options.clock.now();
        if (this.cached && now - this.cached.at < TOKEN_RENEW_AFTER_MS)
            return this.cached.value;
        this.pending ??= eksToken({ ...this.options, signingDate: new Date(now) })
            .then((value) => {
            this.cached = { value, at: now };
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
        return new KubeSetupError(`forbidden: the credentials may not ${access.verb} ${access.resource} in namespace ${access.namespace}. Grant \`${access.verb}\` on \`${access.resource}\` in a Role bound to them (docs/watch.md#kubernetes-rbac).${detail}`);
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

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/adapters/kubernetes/http.ts
/**
 * JSON requests and watch streams to the Kubernetes API over undici, with a bound on every
 * request: connecting (TCP + TLS), waiting for the response headers, and reading the body each have
 * their own timeout, and every request also stops when the caller's signal aborts (the run's
 * deadline or a signal). Lists are fetched raw (the JSON the API server sends, the same shape the
 * watch delivers); the gate compares pod templates, so list and watch must agree.
 */


/** A request that did not complete: no answer, a broken connection, a timeout. */
class KubeTransportError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'KubeTransportError';
    }
}
function apiUrl(server, path, query = {}) {
    const url = new URL(server + path);
    for (const [k, v] of Object.entries(query))
        if (v !== undefined)
            url.searchParams.set(k, v);
    return url.toString();
}
/** A transport failure as one line: `no response headers within 30s (UND_ERR_HEADERS_TIMEOUT)`. */
function transportError(e, timeoutMs) {
    const err = e;
    const code = err.code ?? err.cause?.code;
    const what = err.name === 'TimeoutError'
        ? `no complete answer within ${timeoutMs / 1000}s`
        : code === 'UND_ERR_HEADERS_TIMEOUT'
            ? 'no response headers in time'
            : code === 'UND_ERR_CONNECT_TIMEOUT'
                ? 'could not connect in time'
                : code === 'UND_ERR_BODY_TIMEOUT'
                    ? 'the response stalled'
                    : err.name === 'AbortError'
                        ? 'cancelled'
                        : (err.cause?.message ?? err.message ?? String(e));
    return new KubeTransportError(`${what}${code && !what.includes(code) ? ` (${code})` : ''}`, code);
}
/** One request; resolves with the parsed JSON of a 2xx answer, rejects with KubeApiError or KubeTransportError. */
async function requestJson(access, path, o = {}) {
    const timeoutMs = o.timeoutMs ?? 60_000;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
    let status;
    let text;
    try {
        const [headers, dispatcher] = await Promise.all([access.headers(signal), access.dispatcher(signal)]);
        const res = await (0,undici.request)(apiUrl(access.server, path, o.query), {
            method: o.method ?? 'GET',
            dispatcher,
            signal,
            headers: {
                ...headers,
                accept: 'application/json',
                ...(o.contentType ? { 'content-type': o.contentType } : {}),
            },
            ...(o.body !== undefined ? { body: o.body } : {}),
            bodyTimeout: timeoutMs,
        });
        status = res.statusCode;
        text = await res.body.text();
    }
    catch (e) {
        if (e instanceof KubeApiError)
            throw e;
        if (e instanceof Error && e.name === 'KubeSetupError')
            throw e;
        throw transportError(deadline.aborted && !o.signal?.aborted ? Object.assign(new Error(), { name: 'TimeoutError' }) : e, timeoutMs);
    }
    if (status < 200 || status >= 300)
        throw apiError(status, text);
    return JSON.parse(text);
}
function apiError(status, text) {
    let s = {};
    try {
        s = JSON.parse(text);
    }
    catch {
        // not a Status object
    }
    return new KubeApiError(status, s.reason ?? '', s.message ?? text.slice(0, 300));
}
/**
 * Objects per list request. A list is read in pages, as client-go's reflector does (its pager's
 * default is 500): a 1,000-pod namespace then never sits in memory as one response, one string and
 * one parsed tree at once, only a page of it before `keep` reduces each object.
 */
const LIST_PAGE_SIZE = 500;
/** A server that keeps answering with a continuation never ends a list: stop after this many pages. */
const MAX_LIST_PAGES = 2_000;
/**
 * Lists a collection page by page, handing each object to `keep` as its page arrives (the raw
 * object is dropped after). When a continuation has expired (410: the server compacted past the
 * list's snapshot) the list is read again in one piece, as client-go's pager does.
 */
async function listJson(access, path, query, signal, keep = (item) => item) {
    const o = signal ? { signal } : {};
    const items = [];
    let next;
    let limit = String(LIST_PAGE_SIZE);
    let resourceVersion;
    for (let pages = 1;; pages++) {
        if (pages > MAX_LIST_PAGES)
            throw new KubeTransportError(`the list of ${path} did not end after ${MAX_LIST_PAGES} pages`, undefined);
        let page;
        try {
            page = (await requestJson(access, path, { query: { ...query, limit, continue: next }, ...o }));
        }
        catch (e) {
            if (next === undefined || !(e instanceof KubeApiError) || e.statusCode !== 410)
                throw e;
            items.length = 0;
            next = undefined;
            limit = undefined;
            continue;
        }
        for (const item of page.items ?? [])
            items.push(keep(item));
        resourceVersion = page.metadata?.resourceVersion;
        next = page.metadata?.continue || undefined;
        if (next === undefined)
            break;
    }
    return { metadata: { ...(resourceVersion ? { resourceVersion } : {}) }, items };
}
/**
 * One watch connection: resolves when the server ends the stream (its `timeoutSeconds`, or a
 * restart), rejects on an error answer or a broken connection, or when nothing at all arrives for
 * `idleMs` (a dead connection). Stops when `signal` aborts.
 */
async function watchJson(access, path, query, onEvent, o) {
    let res;
    try {
        const [headers, dispatcher] = await Promise.all([access.headers(o.signal), access.dispatcher(o.signal)]);
        res = await (0,undici.request)(apiUrl(access.server, path, { ...query, watch: 'true' }), {
            method: 'GET',
            dispatcher,
            signal: o.signal,
            headers: { ...headers, accept: 'application/json' },
            bodyTimeout: o.idleMs,
        });
    }
    catch (e) {
        if (e instanceof Error && e.name === 'KubeSetupError')
            throw e;
        throw transportError(e, o.idleMs);
    }
    if (res.statusCode !== 200)
        throw apiError(res.statusCode, await res.body.text().catch(() => ''));
    o.onConnected?.();
    let partial = '';
    try {
        for await (const chunk of res.body) {
            partial += chunk.toString('utf8');
            let nl = partial.indexOf('\n');
            while (nl >= 0) {
                const line = partial.slice(0, nl).trim();
                partial = partial.slice(nl + 1);
                if (line) {
                    let event;
                    try {
                        event = JSON.parse(line);
                    }
                    catch {
                        event = undefined;
                    }
                    if (event)
                        onEvent(event);
                }
                nl = partial.indexOf('\n');
            }
        }
    }
    catch (e) {
        if (o.signal.aborted)
            return;
        throw transportError(e, o.idleMs);
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/config_types.js
var config_types = __webpack_require__(6617);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/adapters/kubernetes/kubeconfig.ts
/**
 * The kubeconfig, read the way client-node and kubectl read it (client-node's own parser for the
 * clusters, users and contexts), and turned into what a request needs: the server, a TLS/proxy
 * dispatcher, and the credentials (a token, a token file, basic auth, a client certificate, an exec
 * credential plugin, or the EKS token signed in-process).
 *
 * Why not client-node's KubeConfig: loading it loads all of client-node's generated API (about 80
 * MiB of a 1,000-replica watch), and its exec plugin runner has no timeout. The parts of the file
 * format that matter are reused from client-node (config_types); the exec credential protocol
 * (client.authentication.k8s.io) is run here with a timeout and cancellation, and every credential
 * it yields is handed to `mask`.
 */








const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
function parseKubeconfig(text, dir) {
    const obj = ((0,js_yaml/* load */.Hh)(text) ?? {});
    if (typeof obj !== 'object' || Array.isArray(obj))
        throw new Error('not a mapping');
    const absolute = (f) => f === undefined || dir === undefined || external_node_path_default().isAbsolute(f) ? f : external_node_path_default().join(dir, f);
    const clusters = (0,config_types/* newClusters */.MA)(obj.clusters).map((c) => ({ ...c, caFile: absolute(c.caFile) }));
    const users = (0,config_types/* newUsers */.bw)(obj.users).map((u) => ({
        ...u,
        certFile: absolute(u.certFile),
        keyFile: absolute(u.keyFile),
    }));
    const current = obj['current-context'];
    return {
        clusters,
        users,
        contexts: (0,config_types/* newContexts */.FE)(obj.contexts),
        currentContext: typeof current === 'string' ? current : undefined,
    };
}
function readKubeconfigFile(file) {
    return parseKubeconfig((0,external_node_fs_.readFileSync)(file, 'utf8'), external_node_path_default().dirname(file));
}
/** Merges several kubeconfigs as KUBECONFIG does: the first file to set a name wins. */
function mergeKubeconfigs(configs) {
    const pick = (lists) => {
        const seen = new Map();
        for (const list of lists)
            for (const item of list)
                if (!seen.has(item.name))
                    seen.set(item.name, item);
        return [...seen.values()];
    };
    return {
        clusters: pick(configs.map((c) => c.clusters)),
        users: pick(configs.map((c) => c.users)),
        contexts: pick(configs.map((c) => c.contexts)),
        currentContext: configs.find((c) => c.currentContext)?.currentContext,
    };
}
/** KUBECONFIG (every file in it), else ~/.kube/config, else the in-cluster service account; undefined when none. */
function loadDefaultKubeconfig(env) {
    const fromEnv = (env.KUBECONFIG ?? '').split((external_node_path_default()).delimiter).filter((f) => f !== '');
    if (fromEnv.length > 0) {
        const present = fromEnv.filter((f) => (0,external_node_fs_.existsSync)(f));
        if (present.length === 0)
            throw new KubeSetupError(`KUBECONFIG names no existing file (${fromEnv.join(', ')}).`);
        return mergeKubeconfigs(present.map(readKubeconfigFile));
    }
    const home = external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.kube', 'config');
    if ((0,external_node_fs_.existsSync)(home))
        return readKubeconfigFile(home);
    if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)(`${SERVICE_ACCOUNT}/token`))
        return inCluster(env);
    return undefined;
}
function inCluster(env) {
    const host = env.KUBERNETES_SERVICE_HOST ?? '';
    const port = env.KUBERNETES_SERVICE_PORT ?? '443';
    const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
        clusters: [{ name: 'inCluster', server, caFile: `${SERVICE_ACCOUNT}/ca.crt`, skipTLSVerify: false }],
        users: [
            { name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: `${SERVICE_ACCOUNT}/token` } } },
        ],
        contexts: [{ name: 'inClusterContext', cluster: 'inCluster', user: 'inClusterUser' }],
        currentContext: 'inClusterContext',
    };
}
/** How to reach the cluster of the current context. */
class ClusterAccess {
    cluster;
    user;
    o;
    server;
    dispatchers = new Map();
    execCache;
    execPending;
    fileToken;
    constructor(cluster, user, o) {
        this.cluster = cluster;
        this.user = user;
        this.o = o;
        this.server = cluster.server.replace(/\/$/, '');
        if (this.server.startsWith('http:') && !cluster.skipTLSVerify)
            throw new KubeSetupError(`the cluster ${cluster.name} is served over plain http (${this.server}): set \`insecure-skip-tls-verify: true\` for it in the kubeconfig if that is intended, or use https.`);
        if (cluster.proxyUrl && !/^https?:\/\//.test(cluster.proxyUrl))
            throw new KubeSetupError(`the cluster ${cluster.name} uses proxy-url ${cluster.proxyUrl.replace(/\/\/[^@/]*@/, '//')}: zd-gate supports http(s) proxies only.`);
        const provider = user?.authProvider;
        if (!o.tokenSource && provider && !provider.config?.tokenFile && !user?.exec)
            throw new KubeSetupError(`the kubeconfig user ${user?.name ?? '?'} uses the \`${provider.name ?? '?'}\` auth-provider, which zd-gate does not run: use an exec credential plugin (kubectl removed the gcp and azure providers in 1.26), a token, or \`cluster-name\` for EKS.`);
    }
    /** The Authorization (and impersonation) headers for one request. */
    async headers(signal) {
        const h = { 'user-agent': 'zd-gate' };
        const u = this.user;
        if (u?.impersonateUser)
            h['Impersonate-User'] = u.impersonateUser;
        if (this.o.tokenSource) {
            h.Authorization = `Bearer ${await this.o.tokenSource.token()}`;
            return h;
        }
        if (u?.username)
            h.Authorization = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
        const tokenFile = u?.authProvider?.config?.tokenFile;
        if (tokenFile)
            h.Authorization = `Bearer ${this.readTokenFile(tokenFile)}`;
        if (u?.exec) {
            const c = await this.execCredential(signal);
            if (c.token)
                h.Authorization = `Bearer ${c.token}`;
        }
        if (u?.token)
            h.Authorization = `Bearer ${u.token}`;
        return h;
    }
    /** The connection pool for the current credentials (an exec plugin may hand out a client certificate). */
    async dispatcher(signal) {
        let cert = fileOrData(this.user?.certFile, this.user?.certData);
        let key = fileOrData(this.user?.keyFile, this.user?.keyData);
        if (this.user?.exec && !this.o.tokenSource) {
            const c = await this.execCredential(signal);
            if (c.clientCertificateData)
                cert = Buffer.from(c.clientCertificateData);
            if (c.clientKeyData)
                key = Buffer.from(c.clientKeyData);
        }
        const id = `${cert?.toString('base64').slice(-32) ?? ''}/${key?.length ?? 0}`;
        let d = this.dispatchers.get(id);
        if (!d) {
            const ca = fileOrData(this.cluster.caFile, this.cluster.caData);
            const tls = {
                ...(ca ? { ca } : {}),
                ...(cert ? { cert } : {}),
                ...(key ? { key } : {}),
                ...(this.cluster.skipTLSVerify ? { rejectUnauthorized: false } : {}),
                ...(this.cluster.tlsServerName ? { servername: this.cluster.tlsServerName } : {}),
            };
            const timeouts = {
                headersTimeout: this.o.headersTimeoutMs ?? 30_000,
                connectTimeout: this.o.connectTimeoutMs ?? 10_000,
                keepAliveTimeout: 4_000,
            };
            d = this.cluster.proxyUrl
                ? new undici.ProxyAgent({ uri: this.cluster.proxyUrl, requestTls: tls, ...timeouts })
                : new undici.Agent({ connect: { ...tls, timeout: timeouts.connectTimeout }, ...timeouts });
            this.dispatchers.set(id, d);
        }
        return d;
    }
    /** Closes every connection at once (in-flight requests fail). */
    async close() {
        const all = [...this.dispatchers.values()];
        this.dispatchers.clear();
        await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
    }
    readTokenFile(file) {
        const now = Date.now();
        // client-go re-reads the file every minute (projected tokens rotate).
        if (!this.fileToken || now - this.fileToken.readAt > 60_000) {
            let value;
            try {
                value = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
            }
            catch (e) {
                throw new KubeSetupError(`cannot read the service account token ${file}: ${e.message}`);
            }
            this.o.mask(value);
            this.fileToken = { value, readAt: now };
        }
        return this.fileToken.value;
    }
    async execCredential(signal) {
        const cached = this.execCache;
        if (cached && (cached.expires === undefined || cached.expires - Date.now() > 10_000))
            return cached.credential;
        this.execPending ??= runExecPlugin(this.user?.exec, this.cluster, {
            env: this.o.env,
            timeoutMs: this.o.execTimeoutMs ?? 30_000,
            ...(signal ? { signal } : {}),
        })
            .then((credential) => {
            for (const s of [credential.token, credential.clientKeyData])
                if (s)
                    this.o.mask(s);
            const expires = credential.expirationTimestamp ? Date.parse(credential.expirationTimestamp) : undefined;
            this.execCache = { credential, expires: Number.isNaN(expires) ? undefined : expires };
            return credential;
        })
            .finally(() => {
            this.execPending = undefined;
        });
        return this.execPending;
    }
}
function fileOrData(file, data) {
    if (file)
        return (0,external_node_fs_.readFileSync)(file);
    if (data)
        return Buffer.from(data, 'base64');
    return undefined;
}
/**
 * The exec credential plugin protocol (client.authentication.k8s.io v1 and v1beta1): runs the
 * command with its args and env (and KUBERNETES_EXEC_INFO), reads an ExecCredential from stdout.
 * Killed after `timeoutMs` or when `signal` aborts.
 */
function runExecPlugin(exec, cluster, o) {
    const command = exec?.command;
    if (!command)
        return Promise.reject(new KubeSetupError('the kubeconfig user has an exec plugin without a command.'));
    const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1beta1';
    const info = {
        apiVersion,
        kind: 'ExecCredential',
        spec: {
            interactive: false,
            ...(exec.provideClusterInfo
                ? {
                    cluster: {
                        server: cluster.server,
                        ...(cluster.tlsServerName ? { 'tls-server-name': cluster.tlsServerName } : {}),
                        ...(cluster.skipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
                        ...(cluster.caData ? { 'certificate-authority-data': cluster.caData } : {}),
                    },
                }
                : {}),
        },
    };
    const env = {};
    for (const [k, v] of Object.entries(o.env))
        if (v !== undefined)
            env[k] = v;
    for (const e of exec.env ?? [])
        env[e.name] = e.value;
    env.KUBERNETES_EXEC_INFO = JSON.stringify(info);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, [...(exec.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let settled = false;
        const finish = (f) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            o.signal?.removeEventListener('abort', onAbort);
            f();
        };
        const onAbort = () => {
            child.kill('SIGKILL');
            finish(() => reject(new KubeSetupError(`the exec credential plugin \`${command}\` was stopped: the run was cancelled.`)));
        };
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            finish(() => reject(new KubeSetupError(`the exec credential plugin \`${command}\` did not answer within ${o.timeoutMs / 1000}s.`)));
        }, o.timeoutMs);
        o.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (d) => {
            if (stdout.length < 1_000_000)
                stdout += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            if (stderr.length < 4_000)
                stderr += d;
        });
        child.on('error', (e) => finish(() => reject(new KubeSetupError(`the exec credential plugin \`${command}\` could not start: ${e.message}`))));
        child.on('close', (code) => finish(() => {
            if (code !== 0) {
                reject(new KubeSetupError(`the exec credential plugin \`${command}\` exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`));
                return;
            }
            try {
                const status = JSON.parse(stdout).status;
                if (!status)
                    throw new Error('no status');
                resolve(status);
            }
            catch {
                reject(new KubeSetupError(`the exec credential plugin \`${command}\` did not print an ExecCredential.`));
            }
        }));
    });
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/rollback.ts


async function patchDeployment(access, namespace, name, patch, signal, timeoutMs = 30_000) {
    try {
        await requestJson(access, `/apis/apps/v1/namespaces/${namespace}/deployments/${name}`, {
            method: 'PATCH',
            query: { fieldManager: 'zd-gate' },
            body: JSON.stringify(patch),
            contentType: 'application/json-patch+json',
            signal,
            timeoutMs,
        });
    }
    catch (e) {
        if (e instanceof KubeSetupError)
            throw e;
        throw (accessProblem(e, { verb: 'patch', resource: 'deployments.apps', namespace }) ??
            new KubeSetupError(`the rollback patch of deployment ${name} failed: ${briefly(e)}`));
    }
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

;// CONCATENATED MODULE: ./src/adapters/kubernetes/informer.ts


const MAX_RESTART_DELAY_MS = 30_000;
class Informer {
    o;
    phase = 'list';
    listed = false;
    absent = false;
    stopped = false;
    restartDelayMs = 1_000;
    lastFailure;
    flushTimer;
    stopSignal = new AbortController();
    objects = new Map();
    resourceVersion;
    loop;
    /** Lists and watch connections made, for the benchmark. */
    stats = { lists: 0, watches: 0, restarts: 0, events: 0 };
    constructor(o) {
        this.o = o;
    }
    /**
     * Lists and starts watching; resolves once the first list is in (true) or it failed (false: a
     * setup error was reported, or `failure` says what went wrong while the informer keeps retrying).
     * `signal` bounds the first list only.
     */
    async start(signal) {
        const first = await this.list(signal);
        if (first === 'ok') {
            this.flush();
            this.loop = this.run(false);
        }
        else if (first === 'retry' && !this.stopped) {
            this.loop = this.run(true);
        }
        return this.listed || this.absent;
    }
    stop() {
        this.stopped = true;
        this.stopSignal.abort();
        if (this.flushTimer)
            clearTimeout(this.flushTimer);
    }
    /** The last transient failure, while nothing could be listed yet. */
    get failure() {
        return this.listed || this.lastFailure === undefined
            ? undefined
            : `${this.o.resource} in namespace ${this.o.namespace}: ${this.phase} failed: ${briefly(this.lastFailure)}`;
    }
    items() {
        return this.absent ? [] : [...this.objects.values()];
    }
    /** Lists into the cache: 'ok', 'retry' (transient failure, already logged), or 'stop'. */
    async list(signal) {
        this.phase = 'list';
        this.stats.lists++;
        try {
            const both = signal ? AbortSignal.any([signal, this.stopSignal.signal]) : this.stopSignal.signal;
            const result = await listJson(this.o.access, this.o.path, { labelSelector: this.o.labelSelector, fieldSelector: this.o.fieldSelector }, both, (item) => this.slim(item));
            this.objects.clear();
            for (const item of result.items)
                this.objects.set(keyOf(item), item);
            this.resourceVersion = result.metadata.resourceVersion;
            this.listed = true;
            this.restartDelayMs = 1_000;
            return 'ok';
        }
        catch (e) {
            return this.failed(e);
        }
    }
    async run(afterFailure) {
        let needList = !this.listed;
        if (afterFailure)
            await this.backoff();
        while (!this.stopped) {
            if (needList) {
                const r = await this.list();
                if (r === 'stop')
                    return;
                if (r === 'retry') {
                    await this.backoff();
                    continue;
                }
                this.scheduleFlush();
                needList = false;
            }
            this.phase = 'watch';
            this.stats.watches++;
            let gone = false;
            try {
                const seconds = this.o.watchSeconds ?? 300;
                await watchJson(this.o.access, this.o.path, {
                    labelSelector: this.o.labelSelector,
                    fieldSelector: this.o.fieldSelector,
                    resourceVersion: this.resourceVersion,
                    allowWatchBookmarks: 'true',
                    timeoutSeconds: String(Math.round(seconds * (0.9 + Math.random() * 0.2))),
                }, (e) => {
                    if (this.apply(e))
                        gone = true;
                }, { signal: this.stopSignal.signal, idleMs: (seconds + 60) * 1000 });
                if (gone)
                    needList = true;
            }
            catch (e) {
                if (this.stopped)
                    return;
                if (statusOf(e) === 410) {
                    needList = true;
                    continue;
                }
                const r = this.failed(e);
                if (r === 'stop')
                    return;
                await this.backoff();
            }
        }
    }
    /** One watch event; answers true when the server says the resourceVersion is too old (410). */
    apply(e) {
        const obj = e.object;
        if (e.type === 'ERROR')
            return obj?.code === 410 || obj?.reason === 'Expired';
        const rv = obj?.metadata?.resourceVersion;
        if (rv)
            this.resourceVersion = rv;
        if (e.type === 'BOOKMARK')
            return false;
        this.stats.events++;
        this.restartDelayMs = 1_000;
        if (e.type === 'DELETED')
            this.objects.delete(keyOf(obj));
        else if (e.type === 'ADDED' || e.type === 'MODIFIED')
            this.objects.set(keyOf(obj), this.slim(obj));
        this.scheduleFlush();
        return false;
    }
    slim(obj) {
        if (this.o.slim)
            return this.o.slim(obj);
        const meta = obj.metadata;
        if (!meta?.managedFields)
            return obj;
        const rest = { ...meta };
        delete rest.managedFields;
        return { ...obj, metadata: rest };
    }
    scheduleFlush() {
        if (!this.listed || this.flushTimer || this.stopped)
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
    async backoff() {
        const delay = this.restartDelayMs;
        this.restartDelayMs = Math.min(MAX_RESTART_DELAY_MS, this.restartDelayMs * 2);
        this.stats.restarts++;
        await this.o.timers.sleep(delay, this.stopSignal.signal);
    }
    failed(err) {
        if (this.stopped)
            return 'stop';
        if (err instanceof KubeSetupError) {
            this.stop();
            this.o.onSetupError(err);
            return 'stop';
        }
        const problem = accessProblem(err, { verb: this.phase, resource: this.o.resource, namespace: this.o.namespace });
        if (problem) {
            this.stop();
            this.o.onSetupError(problem);
            return 'stop';
        }
        if (statusOf(err) === 404) {
            if (this.o.optional) {
                this.absent = true;
                this.stop();
                this.o.log(`${this.o.resource}: not served by this cluster (404); treated as none`);
                this.o.onChange([]);
                return 'stop';
            }
            this.stop();
            this.o.onSetupError(new KubeSetupError(`${this.o.resource} in namespace ${this.o.namespace}: 404 Not Found (${briefly(err)}); check \`namespace\`.`));
            return 'stop';
        }
        this.lastFailure = err;
        this.o.log(`${this.o.resource}: ${this.phase} failed (${briefly(err)}); restarting in ${this.restartDelayMs / 1000}s`);
        return 'retry';
    }
    /** Resolves when the background loop has ended (after stop()). */
    async settled() {
        await this.loop;
    }
}
function keyOf(o) {
    return o.metadata?.name ?? '';
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/views.ts



class NamespaceView {
    serviceInformer;
    bindingInformer;
    slices;
    events;
    constructor(ctx) {
        const ns = ctx.namespace;
        const common = {
            access: ctx.access,
            namespace: ns,
            timers: ctx.timers,
            log: ctx.log,
            onSetupError: ctx.onSetupError,
            onChange: () => undefined,
        };
        this.serviceInformer = new Informer({ ...common, path: `/api/v1/namespaces/${ns}/services`, resource: 'services' });
        this.bindingInformer = new Informer({
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
            slim: slimSlice,
        });
        this.events = new Informer({
            ...common,
            path: `/api/v1/namespaces/${ns}/events`,
            resource: 'events',
            fieldSelector: 'type=Warning',
            slim: slimEvent,
        });
    }
    /** Lists all four; throws when one cannot be listed (setup errors are also reported through onSetupError). */
    async start(signal) {
        const all = [this.serviceInformer, this.bindingInformer, this.slices, this.events];
        await Promise.all(all.map((i) => i.start(signal)));
        throwIfFailed(all);
    }
    services() {
        return this.serviceInformer.items();
    }
    bindings() {
        return this.bindingInformer.items();
    }
    stop() {
        for (const i of [this.serviceInformer, this.bindingInformer, this.slices, this.events])
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
            access: ctx.access,
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
    async startDeployment(signal) {
        const ok = await this.deployment.start(signal);
        throwIfFailed([this.deployment]);
        return ok ? this.deployment.items().find((d) => d.metadata?.name === this.name) : undefined;
    }
    /** Lists and watches the ReplicaSets and pods the Deployment's selector matches. */
    async startOwned(deployment, signal) {
        const labelSelector = selectorString(deployment.spec?.selector);
        const { access, namespace: ns, timers, log, onSetupError } = this.ctx;
        const common = { access, namespace: ns, timers, log, onSetupError, labelSelector };
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
                slim: slimPod,
                onChange: (items) => this.listeners.onPods(items),
            }),
        };
        await Promise.all([this.owned.rs.start(signal), this.owned.pods.start(signal)]);
        throwIfFailed([this.owned.rs, this.owned.pods]);
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
/** A pod reduced to the fields the gate reads (core/gate/pods.ts), so a large rollout stays small in memory. */
function slimPod(p) {
    const m = p.metadata;
    const owner = m?.ownerReferences?.find((r) => r.controller === true);
    return {
        metadata: {
            ...(m?.name !== undefined ? { name: m.name } : {}),
            ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
            ...(m?.deletionTimestamp ? { deletionTimestamp: m.deletionTimestamp } : {}),
            ...(owner ? { ownerReferences: [{ kind: owner.kind, name: owner.name, controller: true }] } : {}),
        },
        spec: {
            ...(p.spec?.readinessGates
                ? { readinessGates: p.spec.readinessGates.map((g) => ({ conditionType: g.conditionType })) }
                : {}),
            containers: (p.spec?.containers ?? []).map((c) => ({
                ...(c.ports ? { ports: c.ports.map((port) => ({ name: port.name, containerPort: port.containerPort })) } : {}),
            })),
        },
        status: {
            ...(p.status?.phase ? { phase: p.status.phase } : {}),
            ...(p.status?.podIP ? { podIP: p.status.podIP } : {}),
            conditions: (p.status?.conditions ?? []).map((c) => ({
                type: c.type,
                status: c.status,
                ...(c.reason ? { reason: c.reason } : {}),
                ...(c.message ? { message: c.message } : {}),
            })),
        },
    };
}
/** An EndpointSlice reduced to what the diagnostics read (which pod, in which condition, of which Service). */
function slimSlice(e) {
    const m = e.metadata;
    const service = m?.labels?.['kubernetes.io/service-name'];
    return {
        metadata: {
            ...(m?.name !== undefined ? { name: m.name } : {}),
            ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
            ...(service !== undefined ? { labels: { 'kubernetes.io/service-name': service } } : {}),
        },
        endpoints: (e.endpoints ?? []).map((p) => ({
            ...(p.conditions ? { conditions: p.conditions } : {}),
            ...(p.targetRef ? { targetRef: { kind: p.targetRef.kind, name: p.targetRef.name } } : {}),
        })),
    };
}
/** A Warning event reduced to what the diagnostics show (its message bounded). */
function slimEvent(e) {
    const m = e.metadata;
    return {
        metadata: {
            ...(m?.name !== undefined ? { name: m.name } : {}),
            ...(m?.resourceVersion !== undefined ? { resourceVersion: m.resourceVersion } : {}),
            ...(m?.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
        },
        ...(e.involvedObject ? { involvedObject: { kind: e.involvedObject.kind, name: e.involvedObject.name } } : {}),
        ...(e.reason !== undefined ? { reason: e.reason } : {}),
        ...(e.message !== undefined ? { message: e.message.slice(0, 1_000) } : {}),
        ...(e.count !== undefined ? { count: e.count } : {}),
        ...(e.lastTimestamp ? { lastTimestamp: e.lastTimestamp } : {}),
        ...(e.eventTime ? { eventTime: e.eventTime } : {}),
        ...(e.series ? { series: { count: e.series.count, lastObservedTime: e.series.lastObservedTime } } : {}),
    };
}

;// CONCATENATED MODULE: ./src/adapters/kubernetes/connect.ts
/**
 * The connection to the cluster from the watch settings: the default chain (KUBECONFIG,
 * ~/.kube/config, in-cluster), a kubeconfig path, inline kubeconfig content, an optional context,
 * or `cluster-name` (eks:DescribeCluster + an EKS token signed in-process and renewed). Secrets
 * found on the way (inline content, tokens, client keys, exec plugin credentials) are handed to
 * `mask`. Returns the ClusterPort the watch mode uses: the watches, the rollback patch, a read-back.
 */









async function connect(o) {
    if (o.clusterName) {
        const region = o.awsRegion;
        if (!region)
            throw new KubeSetupError('`cluster-name` needs a region: set `aws-region` or AWS_REGION.');
        const cluster = await (o.describeEksCluster ?? describeCluster)(o.clusterName, region, o.signal);
        const signer = new EksTokenAuthenticator({
            clusterName: o.clusterName,
            region,
            credentials: maskedCredentials((0,credential_provider_node_dist_cjs.defaultProvider)(), o.mask),
            clock: o.timers,
            onToken: (t) => o.mask(t),
        });
        const access = new ClusterAccess({ name: cluster.name, server: cluster.endpoint, caData: cluster.caData, skipTLSVerify: false }, undefined, { mask: o.mask, env: o.env, tokenSource: signer });
        return new KubeCluster(access, `EKS cluster ${cluster.name} (${cluster.endpoint})`, o.timers);
    }
    const source = o.kubeconfig;
    let kc;
    try {
        if (source.kind === 'inline') {
            kc = parseKubeconfig(source.content);
        }
        else if (source.kind === 'path') {
            if (!(0,external_node_fs_.existsSync)(source.path))
                throw new KubeSetupError(`\`kubeconfig\`: no file at ${source.path}.`);
            kc = readKubeconfigFile(source.path);
        }
        else {
            kc = loadDefaultKubeconfig(o.env);
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
    if (!kc)
        throw new KubeSetupError('no Kubernetes connection configured: set `kubeconfig` (a path or the content), KUBECONFIG, or ~/.kube/config, run in-cluster, or set `cluster-name` for EKS.');
    maskKubeconfig(kc, o.mask);
    if (o.context) {
        const names = kc.contexts.map((c) => c.name);
        if (!names.includes(o.context)) {
            throw new KubeSetupError(`\`context\`: no context named ${o.context} in the kubeconfig (it has ${names.length > 0 ? names.join(', ') : 'none'}).`);
        }
        kc.currentContext = o.context;
    }
    const context = kc.contexts.find((c) => c.name === kc.currentContext);
    const cluster = context ? kc.clusters.find((c) => c.name === context.cluster) : undefined;
    if (!context || !cluster) {
        throw new KubeSetupError(`the kubeconfig has no current cluster${kc.currentContext ? ` (context ${kc.currentContext})` : ''}: set \`context\` or current-context.`);
    }
    const user = kc.users.find((u) => u.name === context.user);
    const access = new ClusterAccess(cluster, user, { mask: o.mask, env: o.env });
    return new KubeCluster(access, `context ${context.name} (${redactUrl(cluster.server)})`, o.timers);
}
/**
 * Masks the credentials a kubeconfig holds, of every user and cluster (not only the current ones).
 * The content as a whole is never masked: its lines would blank ordinary words (`apiVersion: v1`)
 * in every later step's log. Credentials obtained per request (exec plugins, token files, the EKS
 * token) are masked by ClusterAccess as it obtains them.
 */
function maskKubeconfig(kc, mask) {
    const TOKEN_KEYS = /^(?:access-token|id-token|refresh-token|client-secret|token|password)$/i;
    for (const u of kc.users) {
        for (const v of [u.token, u.password, u.keyData])
            if (v)
                mask(v);
        if (u.username && u.password)
            mask(Buffer.from(`${u.username}:${u.password}`).toString('base64'));
        const config = u.authProvider?.config ?? {};
        for (const [k, v] of Object.entries(config))
            if (TOKEN_KEYS.test(k) && typeof v === 'string')
                mask(v);
    }
    for (const c of kc.clusters) {
        const password = URL.canParse(c.server) ? new URL(c.server).password : '';
        if (password)
            mask(decodeURIComponent(password));
    }
}
/** The AWS credentials the EKS token is signed with are credentials this process obtained too. */
function maskedCredentials(provider, mask) {
    return async (...args) => {
        const c = await provider(...args);
        mask(c.secretAccessKey);
        if (c.sessionToken)
            mask(c.sessionToken);
        return c;
    };
}
/** `https://admin:pass@host` → `https://host`: never print userinfo. */
function redactUrl(url) {
    return url.replace(/^([a-z]+:\/\/)[^@/]*@/i, '$1');
}
class KubeCluster {
    access;
    describe;
    timers;
    constructor(access, describe, timers) {
        this.access = access;
        this.describe = describe;
        this.timers = timers;
    }
    namespace(namespace, hooks) {
        return new NamespaceView({ access: this.access, namespace, timers: this.timers, ...hooks });
    }
    deployment(namespace, name, listeners, hooks) {
        return new DeploymentView({ access: this.access, namespace, timers: this.timers, ...hooks }, name, listeners);
    }
    patchDeployment(namespace, name, patch, signal) {
        return patchDeployment(this.access, namespace, name, patch, signal);
    }
    async readDeployment(namespace, name, signal) {
        const list = await listJson(this.access, `/apis/apps/v1/namespaces/${namespace}/deployments`, { fieldSelector: `metadata.name=${name}` }, signal);
        return list.items.find((d) => d.metadata?.name === name);
    }
    close() {
        return this.access.close();
    }
}

;// CONCATENATED MODULE: ./src/adapters/probe.ts
class Probe {
    o;
    name = 'probe';
    emit;
    total = 0;
    errors = 0;
    skipped = 0;
    inFlight = 0;
    byKind = {};
    constructor(o) {
        this.o = o;
    }
    get describe() {
        return `probe: ${this.o.ratePerSecond} requests/s to ${this.o.url}`;
    }
    totals() {
        return { total: this.total, errors: this.errors, byKind: { ...this.byKind }, skipped: this.skipped };
    }
    summary() {
        const t = this.totals();
        return { url: this.o.url, total: t.total, errors: t.errors, byKind: t.byKind };
    }
    /** Sends requests until `signal` aborts; resolves when the last one has settled (each is bounded by its timeout and `signal`). */
    async run(signal, emit) {
        this.emit = emit;
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
                const p = this.one(timeoutMs, signal).finally(() => pending.delete(p));
                pending.add(p);
            }
            next += intervalMs;
            await this.o.timers.sleep(Math.max(0, next - this.o.timers.now()), signal);
        }
        await Promise.allSettled([...pending]);
    }
    async one(timeoutMs, stop) {
        this.inFlight++;
        let failure;
        try {
            const response = await (this.o.fetch ?? fetch)(this.o.url, {
                method: 'GET',
                signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
                redirect: 'manual',
                headers: { 'user-agent': 'zd-gate-probe' },
            });
            await response.arrayBuffer().catch(() => undefined);
            if (response.status >= 500)
                failure = `HTTP ${response.status}`;
        }
        catch (e) {
            failure = failureKind(e);
        }
        finally {
            this.inFlight--;
        }
        // Requests cut short because the run stopped are neither served nor failed.
        if (stop.aborted && failure !== undefined && failure !== 'timeout' && !failure.startsWith('HTTP'))
            return;
        this.total++;
        if (failure) {
            this.errors++;
            this.byKind[failure] = (this.byKind[failure] ?? 0) + 1;
        }
        this.o.onResult?.(this.totals());
        this.emit?.({ type: 'evidence', source: 'probe', value: { total: this.total, errors: this.errors } });
    }
}
/**
 * What a rejected request is counted as: `timeout`, else the first string among the network
 * error's code (ECONNREFUSED...), the error's code and its name. A DOMException's `code` is a
 * number, and an abort reason may be any value: none of them is taken as text.
 */
function failureKind(e) {
    const err = (typeof e === 'object' && e !== null ? e : {});
    if (err.name === 'TimeoutError')
        return 'timeout';
    const cause = (typeof err.cause === 'object' && err.cause !== null ? err.cause : {});
    for (const v of [cause.code, err.code, err.name])
        if (typeof v === 'string' && v !== '')
            return v.slice(0, 64);
    return 'error';
}

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
    return structuredClone(hashless(template));
}
/** The template without the pod-template-hash label: a shallow view, nothing cloned. */
function hashless(template) {
    const t = (template ?? {});
    const labels = t.metadata?.labels;
    if (!labels || !Object.hasOwn(labels, POD_TEMPLATE_HASH_LABEL))
        return t;
    const rest = { ...labels };
    delete rest[POD_TEMPLATE_HASH_LABEL];
    return { ...t, metadata: { ...t.metadata, labels: rest } };
}
/** EqualIgnoreHash: equal templates, ignoring the pod-template-hash label on either side. */
function equalIgnoreHash(a, b) {
    return semanticEqual(hashless(a), hashless(b));
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
        containersReady: conditions.some((c) => c.type === 'ContainersReady')
            ? conditions.some((c) => c.type === 'ContainersReady' && c.status === 'True')
            : conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
        terminating: !!pod.metadata?.deletionTimestamp,
        ...(pod.status?.phase ? { phase: pod.status.phase } : {}),
        namedPorts,
        readinessGates,
        failingConditions: conditions.filter((c) => c.status !== 'True'),
    };
}
/**
 * Whether the pod still serves: not finished, and if terminating, its containers still ready (a
 * preStop hook is running; the kubelet marks them not ready once they stop). A healthy target of a
 * pod that does not serve is not counted.
 */
function isServing(pod) {
    if (pod.phase === 'Succeeded' || pod.phase === 'Failed')
        return false;
    return !pod.terminating || pod.containersReady;
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
            const serving = isServing(pod);
            classified.push({ ...t, pod: pod.name, generation, gone: false, ...(serving ? {} : { stopped: true }) });
            byState[t.state] = (byState[t.state] ?? 0) + 1;
            if (t.state === 'healthy') {
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

;// CONCATENATED MODULE: ./src/core/gate/thresholds.ts
/**
 * How many healthy targets each target group must keep, and how that follows `spec.replicas` when
 * someone else (an autoscaler, a person) scales the Deployment while the gate watches. Pure.
 *
 * T(n) is the threshold for n desired replicas: `min-healthy` (a count, or a percentage of n rounded
 * up), else n − maxUnavailable(n) as the deployment controller resolves it.
 *
 * - Steady: a group must keep T(n).
 * - Scale-up from n0 to n1 (or a gate that starts while the Deployment has fewer available
 *   replicas than T(n), as after `kubectl apply` of a larger replica count): the group keeps the
 *   requirement it had (at the start: T of the available replicas), and the requirement rises by
 *   one for every target that becomes healthy beyond the count the group had at the change, up to
 *   T(n1). So pods that cannot exist yet are never required, the capacity required before is never
 *   given up, and the slack the group had at the change is kept while the new pods come up.
 * - Scale-down to n1: the requirement becomes min(current, T(n1)) at once: never more than the new
 *   spec allows.
 * A scale event therefore never fails the gate by itself; losing capacity after it still does.
 */

class Thresholds {
    spec;
    names;
    resolved;
    replicas;
    ramps = new Map();
    last = new Map();
    /** After a scale-down: the generation that made it, and once acted on, the available replicas. */
    downscale;
    /** What changed, for the milestones (taken by the gate). */
    notes = [];
    groups;
    /** `groups`: target group ARN → name (for the notes). */
    constructor(spec, names) {
        this.spec = spec;
        this.names = names;
        this.groups = [...names.keys()];
    }
    /** T(n) for the Deployment as it is now. */
    get current() {
        return this.resolved;
    }
    /**
     * Follows the Deployment's spec. `available` is status.availableReplicas, used only on the first
     * call: a Deployment that starts below its own threshold is treated as a scale-up in progress.
     */
    update(deployment) {
        const next = (0,fenceposts/* resolveThreshold */.Gh)(deployment, this.spec);
        const replicas = next.desired;
        if (this.resolved === undefined) {
            this.resolved = next;
            this.replicas = replicas;
            const available = deployment.status?.availableReplicas ?? 0;
            if (available < next.value) {
                const from = (0,fenceposts/* resolveThreshold */.Gh)(withReplicas(deployment, available), this.spec).value;
                const base = Math.min(from, next.value);
                for (const g of this.groups)
                    this.ramps.set(g, { base, at: undefined, peak: 0 });
                this.notes.push(`${available} available replicas of ${replicas} desired when the gate started: requiring ${base} healthy targets per target group, rising with each new healthy target up to ${next.value}`);
            }
            return;
        }
        this.followDownscale(deployment, next.value);
        if (replicas === this.replicas && next.value === this.resolved.value) {
            this.resolved = next;
            return;
        }
        const before = this.replicas ?? replicas;
        const requiredBefore = new Map(this.groups.map((g) => [g, this.required(g).value]));
        this.resolved = next;
        this.replicas = replicas;
        if (replicas > before) {
            for (const g of this.groups) {
                const now = requiredBefore.get(g);
                this.ramps.set(g, { base: Math.min(now, next.value), at: this.last.get(g), peak: this.last.get(g) ?? 0 });
            }
            this.notes.push(`scaled up from ${before} to ${replicas} replicas: the threshold rises to ${next.value} as the new pods become healthy targets (${next.explanation})`);
        }
        else {
            for (const g of this.groups) {
                const now = requiredBefore.get(g);
                if (now > next.value)
                    this.ramps.delete(g);
                else if (this.ramps.has(g)) {
                    const r = this.ramps.get(g);
                    this.ramps.set(g, { ...r, base: Math.min(r.base, next.value) });
                }
            }
            if (replicas < before)
                this.downscale = { generation: deployment.metadata?.generation ?? 0, available: undefined };
            this.notes.push(replicas < before
                ? `scaled down from ${before} to ${replicas} replicas: threshold ${next.value} (${next.explanation}), no more than the replicas the Deployment keeps available while its controller scales down`
                : `threshold ${next.value} (${next.explanation})`);
        }
    }
    /** Once the controller has acted on a scale-down: the available replicas, until they reach the threshold. */
    followDownscale(deployment, threshold) {
        const d = this.downscale;
        if (!d)
            return;
        const observed = deployment.status?.observedGeneration ?? 0;
        if (observed < d.generation)
            return;
        const available = deployment.status?.availableReplicas ?? 0;
        if (available >= threshold) {
            if (d.available !== undefined && d.available < threshold)
                this.notes.push(`${available} available replicas again: threshold ${threshold}`);
            this.downscale = undefined;
            return;
        }
        d.available = available;
    }
    /** A fresh answer of a group: its healthy count. */
    observe(group, healthy) {
        this.last.set(group, healthy);
        const ramp = this.ramps.get(group);
        if (!ramp)
            return;
        if (ramp.at === undefined)
            ramp.at = healthy;
        ramp.peak = Math.max(ramp.peak, healthy);
        if (this.resolved && this.required(group).value >= this.resolved.value) {
            this.ramps.delete(group);
            this.notes.push(`${this.names.get(group) ?? group}: threshold back at ${this.resolved.value} (${this.resolved.explanation})`);
        }
    }
    required(group) {
        const t = this.resolved;
        if (!t)
            return { value: 0, why: 'the Deployment is not listed yet' };
        const down = this.downscale?.available;
        if (down !== undefined && down < t.value)
            return {
                value: down,
                why: `scaled down to ${t.desired}: ${down} replicas available while the controller scales down, up to ${t.value}`,
            };
        const ramp = this.ramps.get(group);
        if (!ramp)
            return { value: t.value, why: t.explanation };
        const gained = ramp.at === undefined ? 0 : Math.max(0, ramp.peak - ramp.at);
        const value = Math.min(t.value, ramp.base + gained);
        return {
            value,
            why: `scaling to ${t.desired}: ${ramp.base} required before, +${gained} new healthy targets, up to ${t.value}`,
        };
    }
    /** Changes since the last call, for the milestones. */
    takeNotes() {
        const out = this.notes;
        this.notes = [];
        return out;
    }
}
function withReplicas(d, replicas) {
    return { ...d, spec: { ...d.spec, replicas } };
}

;// CONCATENATED MODULE: ./src/core/gate/verdicts.ts
/**
 * Target health has held through the soak: the rollout is complete, the load balancer caught up and
 * stayed so for the soak, with a fresh answer of every target group after it ended. The window of
 * the load balancer's counts (`elb-metrics`) ends here.
 */
function soakDone(f) {
    if (!f.synced || f.completeForMs === undefined || !f.soak)
        return false;
    if (f.soak.forMs < f.soak.lengthMs || !f.soak.observedToEnd)
        return false;
    return !f.groups.some((g) => !g.fresh || g.lagging !== undefined);
}
const s = (ms) => `${Math.round(ms / 100) / 10}s`;
const tolerated = (f, forMs) => forMs >= f.config.tolerateMs;
const rows = [
    {
        reason: 'error',
        result: 'error',
        rollback: false,
        claim: 'could-not-judge',
        title: 'the gate could not go on',
        doc: 'An adapter cannot go on: a missing permission (the message names it), a deleted target group, rejected credentials. No waiting fixes these; the run ends at once (exit code 2).',
        check: (f) => f.error,
    },
    {
        reason: 'cancelled',
        result: 'error',
        rollback: false,
        claim: 'could-not-judge',
        title: 'the run was cancelled',
        doc: 'SIGINT or SIGTERM (GitHub cancelling the job, Ctrl-C). The Deployments not decided yet end with this reason; the report, the outputs and the summary are still written.',
        check: (f) => f.cancelled,
    },
    {
        reason: 'deleted',
        result: 'failed',
        rollback: false,
        claim: 'not-rolled-out',
        title: 'the Deployment was deleted',
        doc: 'The Deployment was deleted while the gate watched it.',
        check: (f) => (f.deleted ? `deployment "${f.config.deployment}" was deleted while the gate watched it` : undefined),
    },
    {
        reason: 'exited-before-deregistration',
        result: 'failed',
        rollback: true,
        claim: 'requests-failed',
        title: 'a pod stopped serving while the load balancer still routed to it',
        doc: "A pod of the Deployment stopped serving (it went not Ready while terminating, or disappeared) while the load balancer could still send it requests: either a `DescribeTargetHealth` answer requested after the pod stopped still had its target `healthy` (certain), or the pod stopped less than `deregistration-seconds` after its deletion began, or after the last answer that had its target `healthy`, while its target was still registered (the load balancer keeps routing to a deregistered target until the change has propagated). Requests sent to it failed, even when every count stays above the threshold. The fix is a preStop delay that outlasts deregistration (and the load balancer controller's lag), and a grace period that covers it. Use about 60 for `deregistration-seconds` behind an NLB; 0 turns the `likely` half off.",
        check: (f) => {
            const first = f.stoppedWhileRouted[0];
            if (!first)
                return undefined;
            const n = f.stoppedWhileRouted.length;
            const more = n > 1 ? ` (and ${n - 1} more pod${n > 2 ? 's' : ''})` : '';
            const limit = s(f.config.deregistrationMs ?? 0);
            return `pod ${first.pod} ${first.detail} in ${first.group}${more}: requests the load balancer sent it failed. The load balancer routes to a target until about ${limit} (deregistration-seconds) after it is deregistered; give the pods a preStop delay longer than that plus the controller's lag, and a grace period that covers it.`;
        },
    },
    {
        reason: 'paused',
        result: 'failed',
        rollback: false,
        claim: 'not-rolled-out',
        title: 'the Deployment is paused',
        doc: 'The Deployment is paused (`spec.paused`; the controller\'s Progressing condition says `DeploymentPaused`, "Deployment is paused") before its rollout completed. A paused rollout never finishes and has no progress deadline, so the gate says so at once instead of timing out. No rollback is attempted: kubectl refuses to roll back a paused Deployment. Resume it with `kubectl rollout resume deployment/<name>` and run the gate again.',
        check: (f) => f.synced && f.paused && f.rollout?.phase !== 'complete'
            ? `deployment "${f.config.deployment}" is paused (Progressing: DeploymentPaused, "Deployment is paused"): ${f.rollout?.message ?? 'the rollout has not started'}. A paused rollout does not finish and cannot be rolled back ("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"): run \`kubectl rollout resume deployment/${f.config.deployment}\`.`
            : undefined,
    },
    {
        reason: 'progress-deadline',
        result: 'failed',
        rollback: true,
        claim: 'not-rolled-out',
        title: "kubectl's progress deadline",
        doc: 'kubectl\'s rule: the Deployment\'s Progressing condition has reason `ProgressDeadlineExceeded` (`deployment "web" exceeded its progress deadline`).',
        check: (f) => (f.synced && f.rollout?.phase === 'failed' ? f.rollout.message : undefined),
    },
    {
        reason: 'new-targets-unhealthy',
        result: 'failed',
        rollback: true,
        claim: 'not-rolled-out',
        title: "the new ReplicaSet's targets fail the health check",
        doc: "The new ReplicaSet's targets fail the load balancer's health check (`unhealthy` with a target's reason such as `Target.ResponseCodeMismatch` or `Target.Timeout`) and none of them is healthy, for longer than twice the target group's own healthy window (interval × healthy threshold, from `DescribeTargetGroups`; 60 s when unknown) and than `tolerate-seconds`. This is the broken release held back by readiness gates: the old pods keep the threshold, so no capacity is lost yet, but the rollout can only end at the progress deadline. A slow starter that recovers within that window is not failed.",
        check: (f) => {
            if (!f.synced)
                return undefined;
            for (const g of f.groups) {
                const n = g.newFailing;
                if (!g.fresh || !n || n.forMs < Math.max(f.config.tolerateMs, n.graceMs))
                    continue;
                return `target group ${g.name}: the new ReplicaSet's targets fail the load balancer health check (${n.reasons}) and none became healthy in ${s(n.forMs)}; the release would stall until its progress deadline`;
            }
            return undefined;
        },
    },
    {
        reason: 'targets-degraded',
        result: 'failed',
        rollback: true,
        claim: 'requests-failed',
        title: 'healthy targets of the new release started failing the health check',
        doc: "A target of a serving pod of the new ReplicaSet that had been `healthy` fails the load balancer's health check (`unhealthy` with a target's reason), for `tolerate-seconds` of observed time. The load balancer sent it requests until it marked it unhealthy (interval × unhealthy threshold), so requests failed even when the count stays above the threshold. This is what the soak exists for: a release that degrades right after it rolled out.",
        check: (f) => {
            if (!f.synced)
                return undefined;
            for (const g of f.groups) {
                const hit = g.fresh ? g.degraded.filter((d) => tolerated(f, d.forMs)) : [];
                if (hit.length === 0)
                    continue;
                const first = hit[0];
                const more = hit.length > 1 ? ` and ${hit.length - 1} more` : '';
                return `target group ${g.name}: the target of pod ${first.pod}${more} was healthy and now fails the load balancer health check (${first.reason}); the load balancer sent it requests until it marked it unhealthy`;
            }
            return undefined;
        },
    },
    {
        reason: 'below-threshold',
        result: 'failed',
        rollback: true,
        claim: 'capacity-below-threshold',
        title: 'healthy targets below the threshold',
        doc: "A target group's count of healthy targets of the Deployment's serving pods stays below the threshold (docs: The threshold, and Scaling) for `tolerate-seconds` of *observed* time (0: the first such observation fails).",
        check: (f) => {
            if (!f.synced)
                return undefined;
            for (const g of f.groups) {
                if (!g.fresh || g.belowForMs === undefined || !g.counts || !tolerated(f, g.belowForMs))
                    continue;
                const held = f.config.tolerateMs > 0 ? ` for ${s(g.belowForMs)} (tolerate-seconds ${s(f.config.tolerateMs)})` : '';
                return `target group ${g.name}: ${g.counts.healthy} healthy targets of ${f.config.deployment} < threshold ${g.required} (${g.requiredWhy})${held}; ${describeStates(g.counts)}`;
            }
            return undefined;
        },
    },
    {
        reason: 'probe-errors',
        result: 'failed',
        rollback: true,
        claim: 'requests-failed',
        title: 'the probe measured failed requests',
        doc: 'With `probe-url`, the share of failed or 5xx requests exceeds `max-error-rate` (with `max-error-rate: 0` the first failure fails; otherwise after at least 100 requests).',
        check: (f) => {
            const p = f.evidence.probe;
            const limit = f.config.maxErrorRate;
            if (!p || limit === undefined || p.errors === 0 || p.errors <= limit * p.total)
                return undefined;
            // With a zero limit any error fails; otherwise wait for a sample large enough for a share to mean something.
            if (limit !== 0 && p.total < 100)
                return undefined;
            const share = ((p.errors / Math.max(1, p.total)) * 100).toFixed(2);
            return `probe: ${p.errors} of ${p.total} requests failed or answered 5xx (${share}% > ${(limit * 100).toFixed(2)}%)`;
        },
    },
    {
        reason: 'elb-errors',
        result: 'failed',
        rollback: true,
        claim: 'requests-failed',
        title: 'the load balancer reported errors of its own',
        doc: "With `elb-metrics: true`, the load balancers in front of the Deployment's target groups reported more errors of their own than `max-elb-errors` in the rollout's window (from the gate's first observation of the new revision to the end of the soak, in whole UTC minutes), and, when `max-elb-error-rate` is set, a larger share of the window's requests than that rate: `HTTPCode_ELB_502/503/504_Count` (all of `HTTPCode_ELB_5XX_Count`) for an Application Load Balancer, `TCP_ELB_Reset_Count` and `TCP_Target_Reset_Count` for a Network Load Balancer, read from CloudWatch. Without a rate the gate fails as soon as the published minutes exceed the count, before the window is complete; a rate is judged on the complete window. The message gives the counts per code, the baseline (the same number of minutes before the window) and the load balancers that also serve other target groups. See docs/elb-metrics.md.",
        check: (f) => (f.elb?.state === 'exceeded' ? f.elb.message : undefined),
    },
    {
        reason: 'settle-timeout',
        result: 'failed',
        rollback: true,
        claim: 'not-rolled-out',
        title: 'the load balancer did not catch up',
        doc: 'The rollout is complete but `settle-timeout` later the load balancer still has not caught up (new pods not all healthy targets, or an old or deleted pod still `healthy`).',
        check: (f) => {
            if (!f.synced || f.completeForMs === undefined || f.soak !== undefined)
                return undefined;
            if (f.completeForMs < f.config.settleTimeoutMs)
                return undefined;
            const lagging = f.groups.map((g) => g.lagging).filter((l) => l !== undefined);
            return `the load balancer did not catch up within settle-timeout ${s(f.config.settleTimeoutMs)} after the rollout completed: ${lagging.join('; ')}`;
        },
    },
    {
        reason: 'elb-metrics-missing',
        result: 'error',
        rollback: false,
        claim: 'could-not-judge',
        title: "CloudWatch did not publish the window's counts in time",
        doc: "With `elb-metrics: true`, target health held through the soak, but `metrics-wait` after the soak's end CloudWatch still had not published the load balancer counts of the window's last minute (ELB publishes only minutes in which requests flowed, one to three minutes late). The gate does not pass on counts it has not seen, and does not fail a release on counts it has not seen either: the result is `error` (exit code 2), no rollback. The message says which load balancer is published through which minute, and the counts seen so far. Raise `metrics-wait`, or check that requests reach the load balancer and the job's region. See docs/elb-metrics.md.",
        check: (f) => (f.elb?.state === 'missing' ? f.elb.message : undefined),
    },
    {
        reason: 'timeout',
        result: 'failed',
        rollback: true,
        claim: 'not-rolled-out',
        title: '`timeout` passed',
        doc: '`timeout` passed before a verdict (default: `progressDeadlineSeconds` + `settle-timeout` + the soak, + `metrics-wait` with `elb-metrics`). It bounds the whole watch, connecting and listing included.',
        check: (f) => (f.elapsedMs >= f.timeoutMs ? `timed out after ${s(f.timeoutMs)}: ${f.waitingFor}` : undefined),
    },
    {
        reason: 'converged',
        result: 'success',
        rollback: false,
        claim: 'no-loss-seen',
        title: 'passed',
        doc: 'kubectl would print `successfully rolled out`, in every target group at least `spec.replicas` pods of the new ReplicaSet are `healthy` targets and no old or deleted pod is still `healthy` (`draining` is fine), and that held through the soak (`soak-seconds`) with a fresh answer of every target group after it ended. With `elb-metrics: true`, also once CloudWatch has published the whole window and its load-balancer errors are within `max-elb-errors` / `max-elb-error-rate`.',
        check: (f) => {
            if (!soakDone(f) || !f.soak)
                return undefined;
            if (f.elb !== undefined && f.elb.state !== 'within')
                return undefined;
            const how = f.groups.length === 0
                ? 'rollout status only (no target group with per-pod health)'
                : `all ${f.groups.length} target group(s) have their new targets healthy and no old one`;
            // With elb-metrics the pass waits for CloudWatch after the soak: say the soak, not the wait.
            const soakMs = f.elb ? f.soak.lengthMs : f.soak.forMs;
            const soak = f.soak.lengthMs > 0 ? `, for ${s(soakMs)} of soak` : '';
            const elb = f.elb ? `; ${f.elb.message}` : '';
            return `${f.rollout?.message ?? 'rolled out'}; ${how}${soak}${elb}`;
        },
    },
];
/** The rules in evaluation order. */
const VERDICT_RULES = (/* unused pure expression or super */ null && (rows));
const VERDICT_REASONS = rows.map((r) => r.reason);
function verdictRule(reason) {
    return rows.find((r) => r.reason === reason);
}
/** The first rule that decides, with its message. */
function decide(f) {
    for (const rule of rows) {
        const message = rule.check(f);
        if (message !== undefined)
            return { rule, message };
    }
    return undefined;
}
/** `draining 2, healthy 6, initial 2 (1 healthy targets belong to deleted pods)` */
function describeStates(counts) {
    const entries = Object.entries(counts.byState).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const states = entries.length > 0 ? entries.map(([st, n]) => `${st} ${n}`).join(', ') : 'no targets registered';
    return counts.goneHealthy > 0 ? `${states} (${counts.goneHealthy} healthy targets belong to deleted pods)` : states;
}

;// CONCATENATED MODULE: ./src/core/gate/gate.ts
/**
 * The watch gate for one Deployment: a state machine fed with rollout, ReplicaSet, pod, target
 * health, evidence (the probe) and clock events, answering with progress, milestones and at most
 * one verdict. Time comes only from the injected Clock; nothing here does I/O.
 *
 * The gate keeps the facts up to date (counts per target group, the windows the rules measure,
 * the threshold as it follows scaling, the soak) and asks the ordered rule table of verdicts.ts,
 * which is the one place the decision rules are written down. Unknown target health (throttling,
 * errors) is neither healthy nor unhealthy; a stale observation can neither fail nor pass the gate,
 * and a gap in the data restarts the observed windows, so the gate never fails on evidence it did
 * not see.
 */










/** Tombstones kept for deleted pods, so a long rollout cannot grow memory without bound. */
const MAX_TOMBSTONES = 20_000;
class Gate {
    config;
    clock;
    startedAt;
    deployment;
    deleted = false;
    error;
    cancelled;
    replicaSets = [];
    replicaSetsSeen = false;
    podsSeen = false;
    pods = new Map();
    gone = new Map();
    /** When the gate saw each pod start terminating (only pods it saw before their deletion). */
    terminatingSince = new Map();
    /** When each pod stopped serving (terminating and not Ready, or gone). */
    stoppedAt = new Map();
    stoppedWhileRouted = [];
    judged = new Set();
    /**
     * Pods that stopped while their target was still registered, when no answer bounds their
     * deregistration early enough to tell whether the load balancer still routed to them.
     */
    unresolved = new Map();
    index = { byIp: new Map(), gone: new Map(), newReplicaSet: undefined };
    newReplicaSet;
    /** The Deployment's own ReplicaSets (undefined until both are known). */
    owned;
    rollout;
    completeAt;
    caughtUpAt;
    /** The last soak that was interrupted (the load balancer stopped showing the finished rollout). */
    lastSoak;
    probeAtCaughtUp;
    thresholds;
    groups;
    evidence = {};
    verdict;
    milestones = [];
    timeline = [];
    lastProgressKey = '';
    /** The Deployment or its ReplicaSets changed: the new ReplicaSet and ownership are to be found again. */
    templatesDirty = true;
    /** Pods or ownership changed: the IP index is to be rebuilt before targets are counted again. */
    indexDirty = true;
    revisionNoted;
    /** The gate's first observation of the new revision: where the load balancer's window starts. */
    revisionSeenAt;
    /** Target health held through the soak (soakDone): where the load balancer's window ends. */
    soakDoneAt;
    constructor(config, clock) {
        this.config = config;
        this.clock = clock;
        this.startedAt = clock.now();
        this.groups = new Map(config.targetGroups.map((ref) => [
            ref.arn,
            {
                ref,
                recount: false,
                seenHealthy: new Set(),
                degradedSince: new Map(),
                lastHealthyAt: new Map(),
                firstDrainingAt: new Map(),
                soakAnswers: 0,
                firstNewHealthyNoted: false,
                caughtUpNoted: false,
            },
        ]));
        this.thresholds = new Thresholds(config.minHealthy, new Map(config.targetGroups.map((t) => [t.arn, t.name])));
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
        const t = this.thresholds.current;
        const now = this.verdict?.at ?? this.clock.now();
        return {
            startedAt: this.startedAt,
            deployment: this.deployment,
            revision: this.deployment ? revisionOf(this.deployment.metadata?.annotations) : undefined,
            newReplicaSet: this.newReplicaSet?.metadata?.name,
            rollout: this.rollout,
            completeAt: this.completeAt,
            threshold: t ? { value: t.value, desired: t.desired, explanation: t.explanation } : undefined,
            pods: [...this.pods.values()],
            targetGroups: [...this.groups.values()].map((g) => ({
                ref: g.ref,
                ...(g.counts ? { counts: g.counts } : {}),
                ...(g.last ? { lastObservedAt: g.last.at } : {}),
                ...(g.unknownReason !== undefined ? { unknownReason: g.unknownReason } : {}),
                ...(g.minHealthy !== undefined ? { minHealthy: g.minHealthy } : {}),
            })),
            probe: { total: this.evidence.probe?.total ?? 0, errors: this.evidence.probe?.errors ?? 0 },
            evidence: this.evidence,
            soak: {
                lengthMs: this.config.soakMs ?? 0,
                startedAt: this.caughtUpAt ?? this.lastSoak?.startedAt,
                coveredMs: this.caughtUpAt !== undefined
                    ? Math.max(0, now - this.caughtUpAt)
                    : this.lastSoak
                        ? this.lastSoak.endedAt - this.lastSoak.startedAt
                        : 0,
                answers: this.caughtUpAt === undefined && this.lastSoak ? this.lastSoak.answers : this.soakAnswers(),
                probeRequests: this.evidence.probe && this.probeAtCaughtUp !== undefined
                    ? this.evidence.probe.total - this.probeAtCaughtUp
                    : undefined,
            },
            milestones: [...this.milestones],
            timeline: [...this.timeline],
            verdict: this.verdict,
            blindSpots: this.blindSpots(),
            elbWindow: this.config.elb ? this.elbWindow() : undefined,
            soakDoneAt: this.soakDoneAt,
        };
    }
    /** The window of the load balancer's counts, as far as it is known now. */
    elbWindow() {
        const end = this.soakDoneAt ?? this.verdict?.at;
        return { startMs: this.revisionSeenAt ?? this.startedAt, ...(end !== undefined ? { endMs: end } : {}) };
    }
    soakAnswers() {
        return Object.fromEntries([...this.groups.values()].map((g) => [g.ref.arn, g.soakAnswers]));
    }
    blindSpots() {
        if (this.unresolved.size === 0)
            return [];
        const pods = [...this.unresolved.keys()];
        const limit = seconds(this.config.deregistrationMs ?? 0);
        const shown = pods.slice(0, 5).join(', ') + (pods.length > 5 ? ` and ${pods.length - 5} more` : '');
        return [
            `stopped near deregistration: ${pods.length} pod${pods.length > 1 ? 's' : ''} (${shown}) stopped serving while ${pods.length > 1 ? 'their targets were' : 'its target was'} still registered, and no DescribeTargetHealth answer showed ${pods.length > 1 ? 'them' : 'it'} deregistered at least deregistration-seconds (${limit}s) earlier: between two answers the gate cannot tell whether the load balancer still routed requests to ${pods.length > 1 ? 'them' : 'it'}. \`probe-url\` measures those requests; a shorter \`poll-interval\` narrows the window; a preStop delay longer than the load balancer controller's lag plus deregistration-seconds removes it.`,
        ];
    }
    apply(event, now, note) {
        switch (event.type) {
            case 'deployment': {
                this.deployment = event.deployment;
                this.thresholds.update(event.deployment);
                this.templatesDirty = true;
                return;
            }
            case 'deployment-deleted':
                this.deleted = true;
                return;
            case 'replicasets':
                this.replicaSets = event.replicaSets;
                this.replicaSetsSeen = true;
                this.templatesDirty = true;
                return;
            case 'pods':
                this.setPods(event.pods, now, note);
                this.podsSeen = true;
                this.indexDirty = true;
                return;
            case 'target-health': {
                const group = this.groups.get(event.arn);
                if (!group)
                    return;
                const obs = event.observation;
                if (obs.kind === 'known') {
                    // A gap longer than the staleness limit breaks the observed windows: the gate only fails
                    // on a window it actually observed.
                    if (group.last && now - group.last.at > this.config.staleAfterMs)
                        this.restartWindows(group);
                    if (group.unknownSince !== undefined)
                        note(`${group.ref.name}: target health known again after ${seconds(now - group.unknownSince)}s`);
                    const requestedAt = Math.min(now, obs.requestedAt ?? now);
                    group.last = { at: now, requestedAt, targets: obs.targets };
                    group.recount = true;
                    group.unknownSince = undefined;
                    delete group.unknownReason;
                    if (this.caughtUpAt !== undefined && requestedAt >= this.caughtUpAt)
                        group.soakAnswers++;
                }
                else {
                    if (group.unknownSince === undefined) {
                        group.unknownSince = now;
                        note(`${group.ref.name}: target health unknown (${obs.reason}); counted neither healthy nor unhealthy`);
                    }
                    group.unknownReason = obs.reason;
                }
                return;
            }
            case 'evidence':
                this.evidence = { ...this.evidence, [event.source]: event.value };
                return;
            case 'tick':
                return;
            case 'error':
                this.error ??= event.message;
                return;
            case 'cancel':
                this.cancelled ??= event.message;
                return;
        }
    }
    restartWindows(group) {
        group.belowSince = undefined;
        group.newFailingSince = undefined;
        group.degradedSince.clear();
    }
    setPods(pods, now, note) {
        const next = new Map();
        for (const pod of pods)
            next.set(pod.name, pod);
        for (const [name, pod] of next) {
            const before = this.pods.get(name);
            // The feed hands over the same object for a pod that did not change: nothing to note.
            if (before === pod)
                continue;
            if (pod.terminating && before && !before.terminating)
                this.terminatingSince.set(name, now);
            if (pod.terminating && !isServing(pod) && !this.stoppedAt.has(name) && pod.ip) {
                this.stoppedAt.set(name, now);
                this.checkStop(name, pod.ip, now, note);
            }
        }
        for (const [name, old] of this.pods) {
            if (next.has(name))
                continue;
            if (old.ip) {
                this.gone.set(old.ip, {
                    pod: name,
                    ...(old.replicaSet ? { replicaSet: old.replicaSet } : {}),
                    namedPorts: old.namedPorts,
                });
                if (!this.stoppedAt.has(name)) {
                    this.stoppedAt.set(name, now);
                    this.checkStop(name, old.ip, now, note);
                }
            }
            this.terminatingSince.delete(name);
        }
        if (this.gone.size > MAX_TOMBSTONES) {
            for (const ip of [...this.gone.keys()].slice(0, this.gone.size - MAX_TOMBSTONES))
                this.gone.delete(ip);
        }
        // stoppedAt is read for tombstones too; keep it bounded with them.
        if (this.stoppedAt.size > 2 * MAX_TOMBSTONES) {
            const keep = new Set([...next.keys(), ...[...this.gone.values()].map((t) => t.pod)]);
            for (const name of [...this.stoppedAt.keys()])
                if (!keep.has(name))
                    this.stoppedAt.delete(name);
        }
        this.pods = next;
    }
    /**
     * A pod just stopped serving: if the load balancer could still route to it, requests failed.
     * Still routed means its target was registered (healthy or draining) in a group's last answer,
     * and the pod stopped less than `deregistrationMs` after the later of its deletion (as the gate
     * saw it begin) and the last answer that had its target healthy: the load balancer keeps routing
     * to a deregistered target until the change has propagated. A pod whose deletion the gate did not
     * see and whose target it never saw healthy is not judged.
     */
    checkStop(name, ip, now, note) {
        const limit = this.config.deregistrationMs ?? 0;
        if (limit <= 0 || this.judged.has(name))
            return;
        for (const group of this.groups.values()) {
            const target = group.last?.targets.find((t) => t.id === ip && (t.state === 'healthy' || t.state === 'draining'));
            if (!target)
                continue;
            const deletion = this.terminatingSince.get(name);
            const healthyAt = group.lastHealthyAt.get(ip);
            const from = Math.max(deletion ?? Number.NEGATIVE_INFINITY, healthyAt ?? Number.NEGATIVE_INFINITY);
            if (!Number.isFinite(from) || now - from >= limit) {
                // Not within deregistration-seconds of what the gate knows; but if the deregistration may
                // have come later than that (no answer has shown the target deregistered early enough), the
                // gate cannot tell whether the load balancer still routed to the pod: a blind spot.
                const drainingAt = group.firstDrainingAt.get(ip);
                if (drainingAt === undefined || drainingAt > now - limit)
                    this.unresolved.set(name, {
                        group: group.ref.name,
                        lastHealthyAt: healthyAt,
                        drainingSeenAt: drainingAt,
                        stoppedAt: now,
                    });
                continue;
            }
            const detail = healthyAt !== undefined && (deletion === undefined || healthyAt > deletion)
                ? `stopped serving ${seconds(now - healthyAt)}s after a DescribeTargetHealth answer still had its target healthy (${target.state} in the last answer)`
                : `stopped serving ${seconds(now - deletion)}s after its deletion while its target was still ${target.state}`;
            this.flagStopped({ pod: name, group: group.ref.name, certainty: 'likely', detail }, note);
            return;
        }
    }
    /** An answer was requested after a pod had stopped serving, and still had its target healthy. */
    checkRoutedAfterStop(group, note) {
        const last = group.last;
        if (!last)
            return;
        for (const t of last.targets) {
            if (t.state !== 'healthy')
                continue;
            const pod = this.index.byIp.get(t.id)?.name ?? this.index.gone.get(t.id)?.pod;
            if (!pod || this.judged.has(pod))
                continue;
            const stopped = this.stoppedAt.get(pod);
            if (stopped === undefined || stopped > last.requestedAt)
                continue;
            this.flagStopped({
                pod,
                group: group.ref.name,
                certainty: 'certain',
                detail: `had stopped serving ${seconds(last.requestedAt - stopped)}s before a DescribeTargetHealth answer that still had its target healthy (not even deregistered)`,
            }, note);
        }
    }
    flagStopped(s, note) {
        this.judged.add(s.pod);
        this.unresolved.delete(s.pod);
        this.stoppedWhileRouted.push(s);
        note(`${s.group}: pod ${s.pod} ${s.detail}`);
    }
    /** The new ReplicaSet and the Deployment's own ReplicaSets, found again after either changed. */
    refreshTemplates() {
        if (!this.templatesDirty)
            return;
        const d = this.deployment;
        this.owned =
            d && this.replicaSetsSeen
                ? new Set(ownedReplicaSets(d, this.replicaSets).map((rs) => rs.metadata?.name))
                : undefined;
        this.newReplicaSet = d ? findNewReplicaSet(d, this.replicaSets) : undefined;
        this.templatesDirty = false;
        this.indexDirty = true;
    }
    /**
     * The pods by IP, as they are now: rebuilt only when targets are about to be counted and the
     * pods or their ownership changed since (a large rollout changes pods many times per poll).
     */
    refreshIndex() {
        this.refreshTemplates();
        if (!this.indexDirty)
            return;
        const owned = this.owned;
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
        this.indexDirty = false;
    }
    get synced() {
        return this.deployment !== undefined && this.replicaSetsSeen && this.podsSeen;
    }
    /** Brings the facts up to date and asks the rule table. */
    evaluate(now, note) {
        const groups = [];
        const d = this.deployment;
        if (d && this.synced) {
            const previousNew = this.newReplicaSet?.metadata?.name;
            this.refreshTemplates();
            this.noteRevision(d, previousNew, note);
            for (const text of this.thresholds.takeNotes())
                note(text);
            const status = rolloutStatus(d);
            if (status.phase !== this.rollout?.phase) {
                if (status.phase === 'complete')
                    note(`rollout complete: ${status.message}`);
                else if (this.rollout?.phase === 'complete')
                    note(`rollout progressing again: ${status.message}`);
            }
            this.rollout = status;
            for (const group of this.groups.values())
                groups.push(this.groupFacts(group, now, note));
            for (const text of this.thresholds.takeNotes())
                note(text);
            this.trackCompletion(status, groups, now, note);
        }
        const facts = this.facts(now, groups);
        const decision = decide(facts);
        if (!decision)
            return;
        const { rule, message } = decision;
        this.verdict = {
            result: rule.result,
            reason: rule.reason,
            message,
            at: now,
            rollbackAdvised: rule.rollback,
            claim: rule.claim,
        };
        note(`verdict: ${rule.result} (${rule.reason})`);
    }
    noteRevision(d, previousNew, note) {
        const newName = this.newReplicaSet?.metadata?.name;
        if (!newName || newName === previousNew)
            return;
        const revision = revisionOf(d.metadata?.annotations);
        const t = this.thresholds.current;
        this.revisionSeenAt ??= this.clock.now();
        if (this.revisionNoted === undefined) {
            note(`revision ${revision ?? '?'}: new ReplicaSet ${newName}; threshold ${t?.value ?? '?'} healthy targets per target group (${t?.explanation ?? '?'})`);
        }
        else if (revision !== this.revisionNoted) {
            note(`revision ${revision ?? '?'} (ReplicaSet ${newName}) replaced revision ${this.revisionNoted} while the gate watched (another deploy): the gate now follows revision ${revision ?? '?'}`);
        }
        this.revisionNoted = revision;
    }
    groupFacts(group, now, note) {
        const last = group.last;
        if (last && (group.recount || !group.counts)) {
            this.refreshIndex();
            // Targets are counted against the pods as they are when the observation arrives, never
            // recounted when pods change later: a pod deleted after the poll must not turn its (then
            // healthy) target into a loss while the new pods' targets are not polled yet.
            group.counts = countTargets(group.ref, last.targets, this.index);
            group.recount = false;
            this.afterAnswer(group, group.counts, last.requestedAt, now, note);
            this.checkRoutedAfterStop(group, note);
        }
        const counts = group.counts;
        const fresh = last !== undefined && now - last.at <= this.config.staleAfterMs && group.unknownSince === undefined;
        if (fresh && counts)
            this.thresholds.observe(group.ref.arn, counts.healthy);
        const required = this.thresholds.required(group.ref.arn);
        if (counts) {
            if (fresh)
                group.minHealthy = Math.min(group.minHealthy ?? Number.POSITIVE_INFINITY, counts.healthy);
            if (counts.healthy !== group.lastTimelineHealthy || required.value !== group.lastTimelineRequired) {
                group.lastTimelineHealthy = counts.healthy;
                group.lastTimelineRequired = required.value;
                this.timeline.push({ at: now, arn: group.ref.arn, healthy: counts.healthy, threshold: required.value });
            }
            if (!group.firstNewHealthyNoted && counts.newHealthy > 0) {
                group.firstNewHealthyNoted = true;
                note(`${group.ref.name}: first healthy target of the new ReplicaSet`);
            }
            if (counts.healthy >= required.value) {
                if (group.belowSince !== undefined)
                    note(`${group.ref.name}: back at threshold (${counts.healthy} ≥ ${required.value})`);
                group.belowSince = undefined;
            }
            else if (fresh && group.belowSince === undefined) {
                group.belowSince = now;
                note(`${group.ref.name}: below threshold (${counts.healthy} < ${required.value}; ${describeStates(counts)})`);
            }
        }
        const newFailing = fresh && counts ? this.newFailing(group, counts, now, note) : undefined;
        const degraded = [...group.degradedSince].map(([ip, since]) => {
            const t = counts?.targets.find((x) => x.id === ip);
            return { pod: t?.pod ?? ip, reason: t?.reason ?? 'unhealthy', forMs: now - since };
        });
        return {
            arn: group.ref.arn,
            name: group.ref.name,
            fresh,
            counts,
            required: required.value,
            requiredWhy: required.why,
            belowForMs: group.belowSince === undefined ? undefined : now - group.belowSince,
            newFailing,
            degraded,
            lagging: this.lagging(group, counts, fresh),
        };
    }
    /** Bookkeeping per new answer: last-healthy times, targets that degraded. */
    afterAnswer(group, counts, requestedAt, now, note) {
        for (const t of counts.targets) {
            if (t.generation === 'foreign')
                continue;
            if (t.state === 'healthy')
                group.lastHealthyAt.set(t.id, requestedAt);
            if (t.state === 'draining' && !group.firstDrainingAt.has(t.id))
                group.firstDrainingAt.set(t.id, requestedAt);
            if (t.generation !== 'new' || t.gone)
                continue;
            const pod = this.index.byIp.get(t.id);
            if (!pod || pod.terminating) {
                group.degradedSince.delete(t.id);
                continue;
            }
            if (t.state === 'healthy') {
                group.seenHealthy.add(t.id);
                if (group.degradedSince.delete(t.id))
                    note(`${group.ref.name}: the target of pod ${pod.name} is healthy again`);
            }
            else if (t.state === 'unhealthy' &&
                group.seenHealthy.has(t.id) &&
                !(t.reason ?? '').startsWith('Elb.') &&
                !group.degradedSince.has(t.id)) {
                group.degradedSince.set(t.id, now);
                note(`${group.ref.name}: the target of pod ${pod.name} was healthy and now fails the health check (${t.reason ?? 'unhealthy'})`);
            }
        }
        for (const ip of [...group.degradedSince.keys()])
            if (!counts.targets.some((t) => t.id === ip && t.state === 'unhealthy'))
                group.degradedSince.delete(ip);
    }
    /**
     * A release whose pods never pass the load balancer's health check: some new targets are
     * `unhealthy` for a target's own reason (Target.ResponseCodeMismatch, Target.Timeout, ...), none is
     * healthy. Answers how long that has held, and the grace the rule gives it.
     */
    newFailing(group, counts, now, note) {
        const failing = counts.targets.filter((t) => t.generation === 'new' &&
            !t.gone &&
            t.state === 'unhealthy' &&
            !group.seenHealthy.has(t.id) &&
            !(t.reason ?? '').startsWith('Elb.'));
        if (failing.length === 0 || counts.newHealthy > 0) {
            if (group.newFailingSince !== undefined)
                note(`${group.ref.name}: new targets no longer all failing the health check`);
            group.newFailingSince = undefined;
            return undefined;
        }
        if (group.newFailingSince === undefined) {
            group.newFailingSince = now;
            note(`${group.ref.name}: new targets fail the load balancer health check (${reasons(failing)})`);
        }
        return {
            forMs: now - group.newFailingSince,
            graceMs: group.ref.unhealthyGraceMs ?? DEFAULT_UNHEALTHY_GRACE_MS,
            reasons: reasons(failing),
        };
    }
    /** Why the load balancer does not show the finished rollout yet; undefined when it does. */
    lagging(group, c, fresh) {
        const desired = this.thresholds.current?.desired ?? 0;
        if (!c || !fresh)
            return `${group.ref.name}: no current target health`;
        if (c.newHealthy < desired || c.oldHealthy > 0 || c.goneHealthy > 0)
            return `${group.ref.name}: ${c.newHealthy}/${desired} new targets healthy, ${c.oldHealthy} old and ${c.goneHealthy} deleted pods still healthy`;
        return undefined;
    }
    /** kubectl's completion, the load balancer catching up, and the soak that follows. */
    trackCompletion(status, groups, now, note) {
        if (status.phase !== 'complete') {
            this.completeAt = undefined;
            this.resetSoak();
            return;
        }
        this.completeAt ??= now;
        const caughtUp = groups.every((g) => g.lagging === undefined);
        if (!caughtUp) {
            if (this.caughtUpAt !== undefined)
                note(`the load balancer no longer shows the finished rollout; the soak restarts once it does`);
            this.resetSoak();
            return;
        }
        for (const g of groups) {
            const state = this.groups.get(g.arn);
            if (!state.caughtUpNoted) {
                state.caughtUpNoted = true;
                note(`${g.name}: load balancer caught up (${g.counts?.newHealthy ?? 0} new targets healthy, no old target healthy)`);
            }
        }
        if (this.caughtUpAt === undefined) {
            this.caughtUpAt = now;
            this.probeAtCaughtUp = this.evidence.probe?.total;
            for (const g of this.groups.values())
                g.soakAnswers = 0;
            const soak = this.config.soakMs ?? 0;
            if (soak > 0)
                note(`soak: watching target health${this.evidence.probe ? ' and the probe' : ''} for ${seconds(soak)}s before passing`);
        }
    }
    resetSoak() {
        this.soakDoneAt = undefined;
        if (this.caughtUpAt !== undefined)
            this.lastSoak = { startedAt: this.caughtUpAt, endedAt: this.clock.now(), answers: this.soakAnswers() };
        this.caughtUpAt = undefined;
        this.probeAtCaughtUp = undefined;
        for (const g of this.groups.values())
            g.caughtUpNoted = false;
    }
    facts(now, groups) {
        const base = this.baseFacts(now, groups);
        if (!this.config.elb)
            return { ...base, elb: undefined };
        if (soakDone(base))
            this.soakDoneAt ??= now;
        const elb = this.judgeElb(now);
        const waiting = this.soakDoneAt !== undefined && elb.state === 'pending'
            ? `target health held through the soak; ${elb.message} (metrics-wait ${seconds(this.config.elb.waitMs)}s)`
            : base.waitingFor;
        return { ...base, elb, waitingFor: waiting };
    }
    /** The load balancer's counts for the window so far (`elb-metrics`). */
    judgeElb(now) {
        const elb = this.config.elb;
        const waitExpired = this.soakDoneAt !== undefined && now - this.soakDoneAt >= elb.waitMs;
        const view = this.evidence.elb?.view;
        if (!view) {
            if (!waitExpired)
                return { state: 'pending', message: 'waiting for the first CloudWatch read' };
            return {
                state: 'missing',
                message: `no CloudWatch read of the load balancer metrics succeeded within metrics-wait ${seconds(elb.waitMs)}s after the soak ended; the gate does not pass on counts it has not seen`,
            };
        }
        const arns = this.config.targetGroups.map((t) => t.arn);
        return judge(assess(view, arns, this.elbWindow(), now), elb.limits, { waitExpired, waitMs: elb.waitMs });
    }
    baseFacts(now, groups) {
        const soakMs = this.config.soakMs ?? 0;
        const d = this.deployment;
        const timeoutMs = this.config.timeoutMs ??
            defaultTimeoutMs(d, this.config.settleTimeoutMs, soakMs) + (this.config.elb?.waitMs ?? 0);
        const caughtUp = this.caughtUpAt;
        const progressing = d?.status?.conditions?.find((c) => c.type === 'Progressing');
        return {
            now,
            config: this.config,
            error: this.error,
            cancelled: this.cancelled,
            deleted: this.deleted,
            synced: this.synced,
            rollout: this.rollout,
            // The condition lags the spec: right after `kubectl rollout resume` it still says paused until observed.
            paused: d?.spec?.paused === true ||
                (progressing?.reason === 'DeploymentPaused' &&
                    (d?.status?.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 0)),
            stoppedWhileRouted: this.stoppedWhileRouted,
            groups,
            evidence: this.evidence,
            completeForMs: this.completeAt === undefined ? undefined : now - this.completeAt,
            soak: caughtUp === undefined
                ? undefined
                : {
                    forMs: now - caughtUp,
                    lengthMs: soakMs,
                    // Without a soak the answer that showed the load balancer caught up is enough.
                    observedToEnd: soakMs === 0 ||
                        [...this.groups.values()].every((g) => g.last !== undefined && g.last.requestedAt >= caughtUp + soakMs),
                },
            elapsedMs: now - this.startedAt,
            timeoutMs,
            waitingFor: !d
                ? `deployment "${this.config.deployment}" was never seen`
                : !this.synced
                    ? 'the ReplicaSets and pods were never listed'
                    : ((this.rollout?.phase === 'complete' && caughtUp !== undefined
                        ? `the soak had run ${seconds(now - caughtUp)}s of ${seconds(soakMs)}s`
                        : this.rollout?.message) ?? 'rollout status unknown'),
        };
    }
    progress(now) {
        const t = this.thresholds.current;
        return {
            deployment: this.config.deployment,
            rollout: this.rollout?.message ??
                (this.deployment ? 'waiting for ReplicaSets and pods to be listed' : 'waiting for the Deployment'),
            targetGroups: [...this.groups.values()].map((g) => ({
                arn: g.ref.arn,
                name: g.ref.name,
                threshold: this.thresholds.required(g.ref.arn).value,
                desired: t?.desired ?? 0,
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
/**
 * One watched Deployment: its feed (Deployment, ReplicaSets, pods), its gate, its log lines, its
 * rollback and its report. The watch mode (watch.ts) runs several of these side by side; each
 * goes from its verdict to its rollback and the wait for the restored revision on its own.
 */






/** How long a PATCH already sent may still complete after a cancellation, before it is cut. */
const PATCH_GRACE_MS = 2_000;
/** How long reading the Deployment back may take after a cut PATCH. */
const READ_BACK_MS = 1_500;
const watch_session_DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
class WatchSession {
    ctx;
    name;
    feed;
    gate;
    deployment;
    deploymentSeen = false;
    replicaSets = [];
    replicaSetsSeen = false;
    pods;
    podInfos = new WeakMap();
    pendingError;
    pendingCancel;
    resolveVerdict;
    verdict;
    decided;
    plans = [];
    rolloutWaiter;
    startedAt = 0;
    rollbackOutcome;
    constructor(ctx, name) {
        this.ctx = ctx;
        this.name = name;
        this.verdict = new Promise((resolve) => (this.resolveVerdict = resolve));
        this.feed = ctx.cluster.deployment(ctx.namespace, name, {
            onDeployment: (d) => {
                if (d) {
                    this.deployment = d;
                    this.deploymentSeen = true;
                    this.feedGate({ type: 'deployment', deployment: d });
                }
                else if (this.deploymentSeen) {
                    this.feedGate({ type: 'deployment-deleted' });
                }
                this.rolloutWaiter?.();
            },
            onReplicaSets: (rs) => {
                this.replicaSets = rs;
                this.replicaSetsSeen = true;
                this.feedGate({ type: 'replicasets', replicaSets: rs });
            },
            onPods: (pods) => {
                // The feed hands over the whole list on every change; only changed pods are read again.
                this.pods = pods.map((p) => {
                    let info = this.podInfos.get(p);
                    if (!info)
                        this.podInfos.set(p, (info = podInfo(p)));
                    return info;
                });
                this.feedGate({ type: 'pods', pods: this.pods });
            },
        }, { log: (m) => ctx.host.debug(`${name}: ${m}`), onSetupError: (e) => this.fail(e.message) });
    }
    /** Lists the Deployment, then its ReplicaSets and pods. Throws a setup error when it cannot. */
    async prepare(signal) {
        const d = await this.feed.startDeployment(signal);
        if (this.pendingError)
            throw new SessionSetupError(this.pendingError);
        if (!d)
            throw new SessionSetupError(`\`deployments\`: no Deployment ${this.name} in namespace ${this.ctx.namespace}.`);
        this.deployment = d;
        this.deploymentSeen = true;
        await this.feed.startOwned(d, signal);
        if (this.pendingError)
            throw new SessionSetupError(this.pendingError);
        return d;
    }
    get listed() {
        return this.deployment;
    }
    /** Creates the gate and feeds it what the feed has delivered so far. */
    begin(config, plans) {
        this.plans = plans;
        this.gate = new Gate(config, this.ctx.timers);
        this.startedAt = this.ctx.timers.now();
        if (this.deployment)
            this.feedGate({ type: 'deployment', deployment: this.deployment });
        if (this.replicaSetsSeen)
            this.feedGate({ type: 'replicasets', replicaSets: this.replicaSets });
        if (this.pods)
            this.feedGate({ type: 'pods', pods: this.pods });
        if (this.pendingError)
            this.feedGate({ type: 'error', message: this.pendingError });
        if (this.pendingCancel)
            this.feedGate({ type: 'cancel', message: this.pendingCancel });
    }
    get targetArns() {
        return this.plans.map((p) => p.ref.arn);
    }
    get started() {
        return this.startedAt;
    }
    get result() {
        return this.decided;
    }
    /** The gate's picture now (undefined before it begins). */
    snapshot() {
        return this.gate?.snapshot();
    }
    feedGate(event) {
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
            else {
                this.decided = effect.verdict;
                this.resolveVerdict(effect.verdict);
            }
        }
    }
    /** An adapter cannot go on: before the gate exists the error is kept for prepare(), after it ends the gate. */
    fail(message) {
        this.pendingError ??= message;
        this.feedGate({ type: 'error', message });
    }
    /** The run is cancelled: an undecided gate ends with `cancelled`. */
    cancel(message) {
        this.pendingCancel ??= message;
        this.feedGate({ type: 'cancel', message });
    }
    stop() {
        this.rolloutWaiter = undefined;
        this.feed.stop();
    }
    /**
     * `kubectl rollout undo` to the previous revision. With `wait`, follows the Deployment until the
     * restored template is rolled out (kubectl's rule) or its progress deadline passes. `cancel`
     * aborts when the run is cancelled: a PATCH already sent gets PATCH_GRACE_MS to complete, then is
     * cut and the Deployment read back; the wait stops at once.
     */
    async rollback(wait, cancel) {
        const { timers, cluster, namespace } = this.ctx;
        const startedAt = timers.now();
        const done = (o) => (this.rollbackOutcome = { ...o, startedAt, endedAt: timers.now() });
        const d = this.feed.current();
        if (!d)
            return done({ status: 'error', message: `deployment ${this.name} no longer exists`, revision: null });
        const plan = planRollback(d, this.feed.replicaSets(), 0);
        if (plan.kind === 'error')
            return done({ status: 'error', message: plan.message, revision: null });
        if (plan.kind === 'skipped')
            return done({ status: 'skipped', message: plan.message, revision: plan.revision });
        const patchStop = new AbortController();
        const graceEnded = new AbortController();
        const onCancel = () => void timers.sleep(PATCH_GRACE_MS, graceEnded.signal).then(() => {
            if (!graceEnded.signal.aborted)
                patchStop.abort();
        });
        if (cancel.aborted)
            onCancel();
        else
            cancel.addEventListener('abort', onCancel, { once: true });
        try {
            await cluster.patchDeployment(namespace, this.name, plan.patch, patchStop.signal);
        }
        catch (e) {
            if (!patchStop.signal.aborted) {
                return done({ status: 'error', message: e.message, revision: null });
            }
            return done(await this.readBack(plan.template, plan.revision));
        }
        finally {
            graceEnded.abort();
            cancel.removeEventListener('abort', onCancel);
        }
        const patchedAt = timers.now();
        this.ctx.host.warning(`deployment ${this.name}: rolled back to revision ${plan.revision} (ReplicaSet ${plan.replicaSet}), as kubectl rollout undo does`);
        const restored = `restored revision ${plan.revision} (ReplicaSet ${plan.replicaSet})`;
        if (!wait || cancel.aborted)
            return done({
                status: 'applied',
                message: cancel.aborted ? `${restored}; not waited for: the run was cancelled` : restored,
                revision: plan.revision,
                patchedAt,
            });
        const limitMs = (d.spec?.progressDeadlineSeconds ?? watch_session_DEFAULT_PROGRESS_DEADLINE_SECONDS) * 1000;
        const outcome = await this.waitForTemplate(plan.template, limitMs, cancel);
        if (outcome === 'done')
            return done({
                status: 'available',
                message: `revision ${plan.revision} (ReplicaSet ${plan.replicaSet}) is rolled out and available again`,
                revision: plan.revision,
                patchedAt,
            });
        if (outcome === 'cancelled')
            return done({
                status: 'applied',
                message: `${restored}; the wait for it to be available was cut short: the run was cancelled`,
                revision: plan.revision,
                patchedAt,
            });
        return done({
            status: 'not-available',
            message: `restored revision ${plan.revision}, but it did not become available within ${limitMs / 1000}s`,
            revision: plan.revision,
            patchedAt,
        });
    }
    /** After a PATCH cut short: is the restored template in place? */
    async readBack(template, revision) {
        const stop = new AbortController();
        const timer = this.ctx.timers.sleep(READ_BACK_MS, stop.signal).then(() => stop.abort());
        let d;
        let why = '';
        try {
            d = await this.ctx.cluster.readDeployment(this.ctx.namespace, this.name, stop.signal);
        }
        catch (e) {
            why = e.message;
        }
        finally {
            stop.abort();
            await timer;
        }
        if (d && equalIgnoreHash(d.spec?.template, template))
            return {
                status: 'applied',
                message: `restored revision ${revision}: the PATCH was cut short by the cancellation, but the Deployment read back has the restored template (now revision ${revisionOf(d.metadata?.annotations) ?? '?'})`,
                revision,
            };
        const now = d
            ? `the Deployment read back is at revision ${revisionOf(d.metadata?.annotations) ?? '?'} and does not have the restored template`
            : `the Deployment could not be read back${why ? ` (${why})` : ''}`;
        return {
            status: 'unknown',
            message: `rollback to revision ${revision} requested, outcome unknown: the run was cancelled while the PATCH was in flight; ${now}. Check with \`kubectl rollout history deployment/${this.name}\`.`,
            revision,
        };
    }
    async waitForTemplate(template, limitMs, cancel) {
        const isDone = () => {
            const d = this.feed.current();
            return !!d && equalIgnoreHash(d.spec?.template, template) && rolloutStatus(d).phase === 'complete';
        };
        if (isDone())
            return 'done';
        const stop = new AbortController();
        const both = AbortSignal.any([cancel, stop.signal]);
        const finished = new Promise((resolve) => {
            this.rolloutWaiter = () => {
                if (isDone())
                    resolve('done');
            };
            both.addEventListener('abort', () => resolve(isDone() ? 'done' : cancel.aborted ? 'cancelled' : 'timeout'), {
                once: true,
            });
        });
        const timer = this.ctx.timers.sleep(limitMs, both).then(() => stop.abort());
        const result = await finished;
        stop.abort();
        await timer;
        this.rolloutWaiter = undefined;
        return result;
    }
    report(verdict, now, calls, runStart) {
        const snap = this.gate?.snapshot();
        const start = snap?.startedAt ?? now;
        const rb = this.rollbackOutcome;
        const result = deploymentResult(verdict, rb);
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
                events: this.ctx.namespaceFeed.warnings(names),
                endpoints: this.ctx.namespaceFeed.endpoints(serviceNames),
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
        const sec = (t) => Math.round(t - runStart) / 1000;
        const soak = snap?.soak;
        return {
            namespace: this.ctx.namespace,
            name: this.name,
            result,
            reason: verdict.reason,
            claim: verdict.claim,
            message: verdict.message,
            revision,
            rolledBackTo: rb && (rb.status === 'available' || rb.status === 'applied' || rb.status === 'not-available')
                ? rb.revision
                : null,
            rollback: rb
                ? {
                    status: rb.status,
                    message: rb.message,
                    startedSeconds: sec(rb.startedAt),
                    patchedSeconds: rb.patchedAt === undefined ? null : sec(rb.patchedAt),
                    endedSeconds: sec(rb.endedAt),
                }
                : null,
            threshold: snap?.threshold?.value ?? null,
            thresholdExplanation: snap?.threshold?.explanation ?? null,
            desired: snap?.threshold?.desired ?? null,
            minHealthyObserved: mins.length > 0 ? Math.min(...mins) : null,
            rolloutOnly: this.plans.length === 0,
            targetGroups: groups,
            verdictSeconds: sec(verdict.at),
            durationSeconds: (verdict.at - start) / 1000,
            soak: soak
                ? {
                    seconds: soak.lengthMs / 1000,
                    startedSeconds: soak.startedAt === undefined ? null : sec(soak.startedAt),
                    coveredSeconds: Math.round(soak.coveredMs / 100) / 10,
                    answers: soak.answers,
                    probeRequests: soak.probeRequests ?? null,
                }
                : null,
            milestones: (snap?.milestones ?? []).map((m) => ({ t: (m.at - start) / 1000, text: m.text })),
            timeline: (snap?.timeline ?? []).map((p) => ({
                t: (p.at - start) / 1000,
                targetGroup: p.arn,
                healthy: p.healthy,
                threshold: p.threshold,
            })),
            diagnostics: diag,
            blindSpots: [...(snap?.blindSpots ?? [])],
        };
    }
}
/** The gate could not start for this Deployment (a setup error). */
class SessionSetupError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WatchSetupError';
    }
}
/** success · rolled-back (a rollback applied) · failed · error (the gate could not judge). */
function deploymentResult(verdict, rb) {
    if (verdict.result === 'success')
        return 'success';
    if (rb && (rb.status === 'available' || rb.status === 'applied'))
        return 'rolled-back';
    return verdict.result === 'error' ? 'error' : 'failed';
}

;// CONCATENATED MODULE: ./src/modes/watch.ts
/**
 * `watch`: follow one or more Deployments after `kubectl apply` together with the health of the
 * target groups in front of them, decide per Deployment with the pure gate, roll back failed ones
 * when asked, and report (log, annotations, outputs, job summary, report file).
 *
 * All I/O goes through the ports of core/gate/ports.ts (the cluster, ELB, evidence sources such as
 * the probe, time, the report file); the defaults are the real adapters, loaded only here.
 *
 * Each Deployment goes from its verdict to its rollback and the wait for the restored revision on
 * its own; the run ends when every Deployment has. `timeout` bounds everything up to the verdicts,
 * connecting and listing included; SIGINT/SIGTERM end the run within seconds with the report,
 * outputs and summary written.
 *
 * Results and exit codes (docs/watch.md): success 0; failed or rolled-back 1; error 2 (the gate
 * could not run or was cancelled).
 */




















/** After a signal, the run ends within this (the documented 5 s, with room for writing the report). */
const CANCEL_DEADLINE_MS = 4_000;
async function runWatch(settings, host, deps = {}) {
    const ports = defaultPorts(settings, host, deps);
    return new WatchRun(settings, host, ports, deps.budget ?? DEFAULT_BUDGET).run();
}
/** The real adapters (this module is itself loaded only for watch: validate never loads them). */
function defaultPorts(settings, host, deps) {
    const timers = deps.timers ?? clock.systemTimers;
    const budget = deps.budget ?? DEFAULT_BUDGET;
    // One AWS call budget for ELB and CloudWatch: both draw from the account's API rates.
    let shared;
    const callBudget = () => (shared ??= new CallBudget(timers, budget));
    return {
        timers,
        connect: deps.connect ??
            ((signal) => connect({
                kubeconfig: settings.kubeconfig,
                context: settings.context,
                clusterName: settings.clusterName,
                awsRegion: settings.awsRegion,
                env: host.env,
                timers,
                mask: (s) => host.mask(s),
                signal,
                ...(deps.describeEksCluster ? { describeEksCluster: deps.describeEksCluster } : {}),
            })),
        targetHealth: deps.targetHealth ?? ((regionFor) => new ElbSource(callBudget(), regionFor, () => timers.now())),
        elbMetrics: deps.elbMetrics ?? ((plan) => new CloudWatchSource(plan, callBudget(), timers)),
        evidence: deps.evidence ??
            (() => settings.probe
                ? [new Probe({ url: settings.probe.url, ratePerSecond: settings.probe.ratePerSecond, timers })]
                : []),
        writeReport: deps.writeReport ??
            (async (file, text) => {
                await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
                await (0,promises_.writeFile)(file, text);
            }),
    };
}
class WatchRun {
    settings;
    host;
    ports;
    budget;
    timers;
    startedAt;
    sessions = [];
    verdicts = new Map();
    events = [];
    /** Aborted when every gate has decided (or the run is cancelled): stops polling, evidence, ticks. */
    stopLoops = new AbortController();
    /** Aborted when the run is cancelled by a signal. */
    cancelled = new AbortController();
    cluster;
    namespaceFeed;
    elb;
    calls = new Map();
    pollIntervalMs;
    soakMs;
    setupError;
    phase = 'starting';
    evidence;
    inputs;
    /** With `elb-metrics`: the CloudWatch source and the datapoints read. */
    metrics;
    /** Aborted when every Deployment is done (the metrics are read until then, for the report). */
    metricsDone = new AbortController();
    constructor(settings, host, ports, budget) {
        this.settings = settings;
        this.host = host;
        this.ports = ports;
        this.budget = budget;
        this.timers = ports.timers;
        this.startedAt = this.timers.now();
        this.evidence = ports.evidence();
        this.inputs = {
            tolerateMs: settings.tolerateMs,
            timeoutMs: settings.timeoutMs,
            settleTimeoutMs: settings.settleTimeoutMs,
            pollIntervalMs: settings.pollIntervalMs,
            soakMs: settings.soakMs,
            minHealthy: settings.minHealthy,
            ...(settings.elbMetrics ? { elbMetrics: { waitMs: settings.elbMetrics.waitMs } } : {}),
            elbMetricsIgnored: settings.elbMetricsIgnored ?? [],
        };
    }
    async run() {
        const onSignal = () => this.cancel();
        if (this.host.signal.aborted)
            this.cancel();
        else
            this.host.signal.addEventListener('abort', onSignal, { once: true });
        try {
            if (this.report(checkInputs(this.inputs))) {
                // The setup deadline: `timeout`, else the longest a Deployment could take by default.
                const setupLimit = this.settings.timeoutMs ??
                    defaultTimeoutMs(undefined, this.settings.settleTimeoutMs, this.inputs.soakMs ?? 0);
                const deadline = new AbortController();
                const timer = this.timers
                    .sleep(setupLimit, AbortSignal.any([deadline.signal, this.cancelled.signal]))
                    .then(() => deadline.abort());
                const setupSignal = AbortSignal.any([deadline.signal, this.cancelled.signal]);
                try {
                    await this.setUp(setupSignal, setupLimit);
                }
                finally {
                    deadline.abort();
                    await timer;
                }
                if (!this.setupError && !this.cancelled.signal.aborted)
                    await this.watch();
            }
        }
        catch (e) {
            if (isSetupError(e))
                this.setupError = e.message;
            else
                throw e;
        }
        finally {
            this.stopLoops.abort();
            this.metricsDone.abort();
            this.host.signal.removeEventListener('abort', onSignal);
            for (const s of this.sessions)
                s.stop();
            this.namespaceFeed?.stop();
            await this.cluster?.close().catch(() => undefined);
        }
        return this.finish();
    }
    /** Logs problems; answers false when one of them is an error (the run cannot start). */
    report(problems) {
        for (const p of problems)
            if (p.level === 'warning')
                this.host.warning(p.message);
        const errors = problems.filter((p) => p.level === 'error');
        if (errors.length > 0)
            this.setupError = errors.map((p) => p.message).join(' ');
        return errors.length === 0;
    }
    cancel() {
        if (this.cancelled.signal.aborted)
            return;
        const why = this.host.signal.reason instanceof Error ? this.host.signal.reason.message : 'a signal';
        const message = `cancelled (${why}): the job was cancelled or the process received a signal`;
        this.event(undefined, `run cancelled (${why})`);
        this.cancelled.abort();
        for (const s of this.sessions)
            s.cancel(message);
        this.stopLoops.abort();
    }
    /** Runs `step` unless the setup deadline or a cancellation ends it first; then says which. */
    async bounded(what, signal, limitMs, step) {
        this.phase = what;
        try {
            return await step();
        }
        catch (e) {
            if (this.cancelled.signal.aborted)
                throw new WatchSetupError(`cancelled while ${what}`);
            if (signal.aborted)
                throw new WatchSetupError(`timed out after ${limitMs / 1000}s while ${what} (\`timeout\` bounds the whole run, connecting and listing included).`);
            throw e;
        }
    }
    async setUp(signal, limitMs) {
        const { settings, host } = this;
        const cluster = await this.bounded('connecting to the Kubernetes API', signal, limitMs, () => raceAbort(this.ports.connect(signal), signal));
        this.cluster = cluster;
        host.info(`zd-gate watch: ${settings.deployments.join(', ')} in namespace ${settings.namespace} via ${cluster.describe}`);
        this.event(undefined, `connected: ${cluster.describe}`);
        const early = [];
        this.namespaceFeed = cluster.namespace(settings.namespace, {
            log: (m) => host.debug(m),
            onSetupError: (e) => {
                early.push(e.message);
                for (const s of this.sessions)
                    s.fail(e.message);
            },
        });
        const ns = this.namespaceFeed;
        await this.bounded(`listing Services, TargetGroupBindings, EndpointSlices and events in namespace ${settings.namespace}`, signal, limitMs, async () => {
            try {
                await raceAbort(ns.start(signal), signal);
            }
            catch (e) {
                // A permission problem says more than "could not list".
                if (early.length === 0)
                    throw e;
            }
        });
        if (early.length > 0)
            throw new WatchSetupError(early[0]);
        for (const name of settings.deployments)
            this.sessions.push(new WatchSession({ cluster, namespace: settings.namespace, host, timers: this.timers, namespaceFeed: ns }, name));
        const deployments = await this.bounded('listing the Deployments, their ReplicaSets and pods', signal, limitMs, () => raceAbort(Promise.all(this.sessions.map((s) => s.prepare(signal))), signal));
        const candidates = this.sessions.map((s, i) => this.candidates(s.name, deployments[i]));
        const arns = [...new Set(candidates.flat().map((c) => c.arn))];
        const infos = new Map();
        if (arns.length > 0) {
            this.elb = this.ports.targetHealth((arn) => this.regionFor(arn));
            const elb = this.elb;
            for (const [arn, info] of await this.bounded('describing the target groups (DescribeTargetGroups)', signal, limitMs, () => raceAbort(elb.describeTargetGroups(arns, signal), signal)))
                infos.set(arn, info);
            const missing = arns.filter((a) => !infos.has(a));
            if (missing.length > 0)
                throw new WatchSetupError(`target group not found: ${missing.join(', ')} (check \`target-group-arns\` and \`aws-region\`).`);
        }
        const plans = this.sessions.map((s, i) => this.plan(s.name, candidates[i], infos));
        const counted = [...new Set(plans.flat().map((p) => p.ref.arn))];
        this.pollIntervalMs = pollInterval(settings.pollIntervalMs, counted.length, this.budget.ratePerSecond);
        const countedInfos = counted.map((a) => infos.get(a));
        this.soakMs =
            this.inputs.soakMs ?? (countedInfos.length === 0 && this.evidence.length === 0 ? 0 : defaultSoakMs(countedInfos));
        if (settings.elbMetrics)
            await this.planMetrics(counted, infos, signal, limitMs);
        if (!this.report(checkPlan(this.inputs, this.sessions.map((s, i) => ({ name: s.name, deployment: deployments[i] })), { targetGroups: counted.length, pollIntervalMs: this.pollIntervalMs, soakMs: this.soakMs })))
            return;
        this.begin(plans);
    }
    /**
     * `elb-metrics`: the load balancers in front of the counted target groups (LoadBalancerArns from
     * DescribeTargetGroups), which other target groups they serve, and the CloudWatch series to read.
     */
    async planMetrics(counted, infos, signal, limitMs) {
        const targetGroups = counted.map((arn) => {
            const info = infos.get(arn);
            return { arn, name: info.name, loadBalancerArns: info.loadBalancerArns ?? [] };
        });
        let plan = planMetrics({ targetGroups });
        if (plan.unusable)
            throw new WatchSetupError(`elb-metrics: ${plan.unusable}.`);
        if (!this.ports.elbMetrics)
            throw new WatchSetupError('elb-metrics: no CloudWatch source is available in this run.');
        const port = this.ports.elbMetrics(plan);
        const lbs = plan.loadBalancers.map((lb) => lb.ref.arn);
        const attached = await this.bounded('describing the target groups of each load balancer (DescribeTargetGroups)', signal, limitMs, () => raceAbort(port.attachedTargetGroups(lbs, signal), signal));
        plan = planMetrics({ targetGroups, attached });
        for (const note of plan.notes)
            this.host.warning(`elb-metrics: ${note}`);
        for (const lb of plan.loadBalancers) {
            const others = lb.attached?.filter((t) => !counted.includes(t.arn)).map((t) => t.name);
            this.host.info(`elb-metrics: load balancer ${lb.ref.name} (${lb.ref.dimension}) in front of ${lb.watched.map((w) => w.name).join(', ')}${others === undefined ? '' : others.length > 0 ? `; shared with ${others.join(', ')}` : '; not shared'}`);
        }
        this.metrics = { port, store: new MetricsStore(plan) };
    }
    /** The start of the earliest baseline any Deployment's window needs (the reads cover it). */
    earliestNeeded() {
        const now = this.timers.now();
        let earliest = now;
        for (const s of this.sessions) {
            const w = s.snapshot()?.elbWindow;
            if (w)
                earliest = Math.min(earliest, baselineSpan(windowSpan(w, now)).first);
        }
        return Math.min(earliest, this.startedAt - MINUTE_MS);
    }
    /** One Deployment's counts for its window as read so far. */
    elbAssessment(s, now) {
        const w = s.snapshot()?.elbWindow;
        if (!this.metrics || !w)
            return undefined;
        return assess(this.metrics.store, s.targetArns, w, now);
    }
    /**
     * After a failing verdict from another rule, the window ends at the verdict: keep reading until
     * CloudWatch has published it (up to `metrics-wait`), for the report. The rollback does not wait.
     */
    async awaitElbWindow(s, v) {
        const wait = this.settings.elbMetrics?.waitMs;
        if (!this.metrics || wait === undefined || v.result !== 'failed')
            return;
        const signal = AbortSignal.any([this.cancelled.signal, this.metricsDone.signal]);
        const deadline = v.at + wait;
        if (this.elbAssessment(s, this.timers.now())?.complete)
            return;
        this.host.info(`${s.name}: reading CloudWatch until the window's counts are published (at most metrics-wait ${wait / 1000}s), for the report`);
        while (!signal.aborted && this.timers.now() < deadline && !this.metricsStopped) {
            if (this.elbAssessment(s, this.timers.now())?.complete)
                return;
            await this.timers.sleep(Math.min(1_000, deadline - this.timers.now()), signal);
        }
    }
    metricsStopped = false;
    candidates(name, deployment) {
        const ns = this.namespaceFeed;
        const discovery = discoverTargetGroups(deployment, ns.services(), ns.bindings());
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
            const info = infos.get(c.arn) ?? {
                arn: c.arn,
                name: targetGroupName(c.arn),
                targetType: 'unknown',
                healthCheck: 'unknown',
                loadBalancers: 0,
            };
            const why = whyNotCounted(info);
            if (why) {
                unusable.push(`${targetGroupName(c.arn)} (target type ${info.targetType})`);
                this.host.warning(`${name}: target group ${targetGroupName(c.arn)} has ${why}.`);
                continue;
            }
            const grace = unhealthyGraceMs(info);
            const ref = {
                arn: c.arn,
                name: info.name ?? targetGroupName(c.arn),
                port: c.port,
                source: c.source,
                ...(grace !== undefined ? { unhealthyGraceMs: grace } : {}),
            };
            plans.push({ ref, targetType: info.targetType, healthCheck: info.healthCheck, service: c.service });
            this.host.info(`${name}: target group ${ref.name} via ${c.source}; health check ${info.healthCheck ?? 'unknown'}`);
        }
        if (plans.length === 0) {
            const found = unusable.length > 0 ? `only ${unusable.join(', ')}` : 'no TargetGroupBinding whose Service selects its pods';
            if (!this.settings.allowRolloutOnly) {
                throw new WatchSetupError(`deployment ${name}: no target group with per-pod (ip) targets (${found}). Pass \`target-group-arns\`, or set \`allow-rollout-only: true\` to gate on rollout status alone.`);
            }
            this.host.warning(`deployment ${name}: no target group with per-pod (ip) targets (${found}); gating on rollout status alone (allow-rollout-only).`);
        }
        return plans;
    }
    begin(plans) {
        const { settings } = this;
        const interval = this.pollIntervalMs ?? settings.pollIntervalMs;
        const elapsed = this.timers.now() - this.startedAt;
        const soakMs = this.soakMs ?? 0;
        if (soakMs > 0)
            this.host.info(`soak: after the load balancer catches up, each Deployment is watched ${soakMs / 1000}s more before it passes${this.inputs.soakMs === undefined ? ' (one unhealthy-detection window of its target groups: interval × unhealthy threshold)' : ''}`);
        this.sessions.forEach((s, i) => {
            const mine = plans[i];
            const timeout = settings.timeoutMs ??
                defaultTimeoutMs(s.listed, settings.settleTimeoutMs, soakMs) + (settings.elbMetrics?.waitMs ?? 0);
            s.begin({
                namespace: settings.namespace,
                deployment: s.name,
                minHealthy: settings.minHealthy,
                tolerateMs: settings.tolerateMs,
                deregistrationMs: settings.deregistrationMs,
                // `timeout` counts from the start of the run, connecting and listing included.
                timeoutMs: Math.max(0, timeout - elapsed),
                settleTimeoutMs: settings.settleTimeoutMs,
                soakMs,
                staleAfterMs: staleAfterMs(interval),
                targetGroups: mine.map((p) => p.ref),
                ...(settings.probe ? { maxErrorRate: settings.probe.maxErrorRate } : {}),
                ...(settings.elbMetrics
                    ? {
                        elb: {
                            limits: {
                                maxErrors: settings.elbMetrics.maxErrors,
                                ...(settings.elbMetrics.maxErrorRate !== undefined
                                    ? { maxErrorRate: settings.elbMetrics.maxErrorRate }
                                    : {}),
                            },
                            waitMs: settings.elbMetrics.waitMs,
                        },
                    }
                    : {}),
            }, mine);
        });
    }
    /**
     * Polls, measures and ticks until every gate has decided; meanwhile each Deployment goes from its
     * verdict to its rollback on its own. Resolves when every Deployment is done, or CANCEL_DEADLINE_MS
     * after a cancellation, whichever comes first.
     */
    async watch() {
        const { sessions, settings, host } = this;
        const signal = this.stopLoops.signal;
        const loops = [];
        const arns = new Set(sessions.flatMap((s) => s.targetArns));
        if (arns.size > 0 && this.elb) {
            const poller = new TargetHealthPoller(this.elb, this.timers, {
                intervalMs: this.pollIntervalMs ?? settings.pollIntervalMs,
            });
            for (const arn of arns) {
                poller.subscribe(arn, (observation) => {
                    for (const s of sessions)
                        if (s.targetArns.includes(arn))
                            s.feedGate({ type: 'target-health', arn, observation });
                });
            }
            this.calls = poller.calls;
            loops.push(poller.run(signal, (e) => sessions.forEach((s) => s.fail(e.message))));
        }
        for (const source of this.evidence) {
            host.info(source.describe);
            loops.push(source.run(signal, (reading) => sessions.forEach((s) => s.feedGate(reading))));
        }
        const metrics = this.metrics;
        if (metrics) {
            host.info(`elb-metrics: reading the load balancers' own counts from CloudWatch (GetMetricData, one call per region and poll) for each Deployment's window; after the soak, waiting up to metrics-wait ${(settings.elbMetrics?.waitMs ?? 0) / 1000}s for them`);
            const view = { view: metrics.store };
            loops.push(metrics.port
                .run(metrics.store, () => this.earliestNeeded(), AbortSignal.any([this.cancelled.signal, this.metricsDone.signal]), {
                onRead: () => sessions.forEach((s) => s.feedGate({ type: 'evidence', source: 'elb', value: view })),
                onSetupError: (e) => {
                    this.metricsStopped = true;
                    sessions.forEach((s) => s.fail(e.message));
                },
            })
                .finally(() => (this.metricsStopped = true)));
        }
        loops.push((async () => {
            while (!signal.aborted) {
                await this.timers.sleep(1_000, signal);
                for (const s of sessions)
                    s.feedGate({ type: 'tick' });
            }
        })());
        const pipelines = sessions.map((s) => this.pipeline(s));
        void Promise.all(sessions.map((s) => s.verdict)).then(() => this.stopLoops.abort());
        const hardStop = new AbortController();
        const cancelDeadline = (async () => {
            await waitAbort(this.cancelled.signal, hardStop.signal);
            if (hardStop.signal.aborted)
                return;
            await this.timers.sleep(CANCEL_DEADLINE_MS, hardStop.signal);
        })();
        await Promise.race([Promise.all(pipelines), cancelDeadline]);
        hardStop.abort();
        this.stopLoops.abort();
        this.metricsDone.abort();
        await Promise.race([Promise.all(loops), this.timers.sleep(500)]);
    }
    /** One Deployment from its verdict to the end of its rollback. */
    async pipeline(s) {
        const { host } = this;
        const v = await s.verdict;
        this.verdicts.set(s, v);
        if (v.result === 'success') {
            host.notice(`${s.name}: passed: ${v.message}`, { title: `zd-gate: ${s.name} passed` });
            this.event(s.name, `passed (${v.reason})`);
        }
        else {
            host.error(`${s.name}: ${v.result} (${v.reason}): ${v.message}`, { title: `zd-gate: ${s.name} ${v.result}` });
            this.event(s.name, `verdict: ${v.result} (${v.reason})`);
        }
        await Promise.all([this.rollBack(s, v), this.awaitElbWindow(s, v)]);
        s.stop();
    }
    /** The rollback of one failed Deployment, when asked. */
    async rollBack(s, v) {
        const { host, settings } = this;
        if (settings.rollback && v.rollbackAdvised && !this.cancelled.signal.aborted) {
            host.info(`${s.name}: rolling back (rollback: true)`);
            this.event(s.name, 'rollback started');
            const outcome = await s.rollback(settings.rollbackWait, this.cancelled.signal);
            if (outcome.patchedAt !== undefined)
                this.event(s.name, `rollback patch applied (revision ${outcome.revision})`, outcome.patchedAt);
            this.event(s.name, `rollback ${outcome.status}`, outcome.endedAt);
            const say = outcome.status === 'error' || outcome.status === 'unknown' ? host.error.bind(host) : host.info.bind(host);
            say(`${s.name}: rollback ${outcome.status}: ${outcome.message}`);
        }
        else if (settings.rollback && v.result === 'failed' && !v.rollbackAdvised) {
            host.info(`${s.name}: no rollback: ${v.reason === 'paused' ? 'kubectl refuses to roll back a paused Deployment' : `a ${v.reason} verdict does not roll back`}`);
        }
    }
    /** The report's `elb` entry of one Deployment; null without `elb-metrics`. */
    elbFigures(s, now) {
        const snap = s.snapshot();
        const a = this.elbAssessment(s, now);
        const elb = this.settings.elbMetrics;
        if (!this.metrics || !snap || !a || !elb)
            return null;
        return elbReport(a, {
            marks: {
                startMs: a.window.startMs,
                ...(snap.soak.startedAt !== undefined ? { convergedMs: snap.soak.startedAt } : {}),
                ...(snap.verdict ? { verdictMs: snap.verdict.at } : {}),
            },
            limits: { maxErrors: elb.maxErrors, maxErrorRate: elb.maxErrorRate },
            waitMs: elb.waitMs,
            calls: this.metrics.port.calls,
            unknown: this.metrics.port.unknown,
        });
    }
    event(deployment, text, at = this.timers.now()) {
        this.events.push({ t: Math.round(at - this.startedAt) / 1000, deployment: deployment ?? null, event: text });
    }
    regionFor(arn) {
        return this.settings.awsRegion ?? arn.split(':')[3] ?? '';
    }
    async finish() {
        const { settings, host } = this;
        const now = this.timers.now();
        const deployments = [];
        for (const s of this.sessions) {
            // A gate that never got its verdict (setup failed, or the run was cut short) reports the reason.
            const v = this.verdicts.get(s) ?? s.result;
            if (!v)
                continue;
            const r = { ...s.report(v, now, this.calls, this.startedAt), elb: this.elbFigures(s, now) };
            deployments.push(r);
            if (r.diagnostics.length > 0) {
                await host.group(`Diagnostics: ${s.name}`, () => {
                    for (const line of r.diagnostics)
                        host.info(line);
                    return Promise.resolve();
                });
            }
        }
        const durationSeconds = (now - this.startedAt) / 1000;
        const interval = (this.pollIntervalMs ?? settings.pollIntervalMs) / 1000;
        const perMinute = Object.fromEntries([...this.calls].map(([arn, n]) => [arn, Math.round(((n * 60) / Math.max(durationSeconds, interval)) * 10) / 10]));
        // A run-level error: the gate could not run, or was cancelled before every Deployment had a verdict.
        const error = this.setupError ??
            (this.cancelled.signal.aborted && (deployments.length < this.sessions.length || this.sessions.length === 0)
                ? `cancelled while ${this.phase}`
                : null);
        const result = worst([...deployments.map((d) => d.result), ...(error ? ['error'] : [])]);
        const probe = this.evidence.find((e) => e.name === 'probe');
        const report = {
            version: 2,
            result,
            exitCode: exitCodeOf(result),
            namespace: settings.namespace,
            startedAt: new Date(this.startedAt).toISOString(),
            durationSeconds,
            deployments,
            events: this.events,
            probe: probe ? probe.summary() : null,
            elb: {
                attempts: this.elb?.attempts ?? 0,
                pollIntervalSeconds: this.pollIntervalMs === undefined ? null : this.pollIntervalMs / 1000,
                describeTargetHealthCalls: Object.fromEntries(this.calls),
                describeTargetHealthPerMinute: perMinute,
            },
            soakSeconds: this.soakMs === undefined ? null : this.soakMs / 1000,
            cancelled: this.cancelled.signal.aborted,
            error,
        };
        const reportFile = settings.reportFile ?? external_node_path_default().join(host.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'zd-gate-watch.json');
        try {
            // Error bodies and URLs in the report may quote credentials: every string through the host's redaction.
            const redacted = (_, v) => (typeof v === 'string' ? host.redact(v) : v);
            await this.ports.writeReport(reportFile, `${JSON.stringify(report, redacted, 2)}\n`);
        }
        catch (e) {
            host.warning(`could not write the report file ${reportFile}: ${e.message}`);
        }
        for (const [name, value] of Object.entries(outputsFor(report, reportFile)))
            host.setOutput(name, value);
        await host.appendSummary(summaryMarkdown(report));
        const exitCode = exitCodeOf(result);
        if (error && exitCode === 2) {
            host.error(error, {
                title: this.cancelled.signal.aborted ? 'zd-gate: cancelled' : 'zd-gate: the gate could not run',
            });
            return { exitCode, message: error, shown: true };
        }
        if (exitCode === 0)
            return { exitCode, message: `${deployments.map((d) => d.name).join(', ')}: passed` };
        const bad = deployments.filter((d) => d.result !== 'success');
        return {
            exitCode,
            message: bad.map((d) => `${d.name} ${d.result} (${d.reason}): ${d.message}`).join('; '),
            shown: true,
        };
    }
}
/** Rejects as soon as `signal` aborts, even when `p` never settles (a port that ignores its signal). */
function raceAbort(p, signal) {
    if (signal.aborted)
        return Promise.reject(new Error('aborted'));
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new Error('aborted'));
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}
/** Resolves when either signal aborts. */
function waitAbort(a, b) {
    if (a.aborted || b.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            a.removeEventListener('abort', done);
            b.removeEventListener('abort', done);
            resolve();
        };
        a.addEventListener('abort', done, { once: true });
        b.addEventListener('abort', done, { once: true });
    });
}



/***/ })

};
