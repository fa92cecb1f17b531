export const id = 767;
export const ids = [767];
export const modules = {

/***/ 4637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hz: () => (/* binding */ byPlace),
/* harmony export */   v_: () => (/* binding */ bySeverityThenPlace)
/* harmony export */ });
/* unused harmony export SEVERITY_RANK */
const SEVERITY_RANK = { error: 2, warning: 1, notice: 0 };
function bySeverityThenPlace(a, b) {
    return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || byPlace(a, b);
}
function byPlace(a, b) {
    return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
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

/***/ 9767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidate: () => (/* binding */ runValidate)
});

// UNUSED EXPORTS: check

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/adapters/files.ts
/**
 * Input patterns → source files. Files, folders (searched for *.yaml, *.yml, *.json) and globs;
 * `-` is standard input. Whatever cannot be read becomes a problem naming the pattern or file and
 * what to do; it never stops the other files, and a pattern that matches nothing is an error.
 */



/** Larger files are refused rather than read: a rendered chart is a few MB at most. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MANIFEST_GLOB = '**/*.{yaml,yml,json}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];
async function readManifests(patterns, opts) {
    const problems = [];
    const seen = new Set();
    const found = [];
    let stdinText;
    for (const pattern of patterns) {
        if (pattern === '-') {
            if (stdinText === undefined && opts.stdin)
                stdinText = await readStream(opts.stdin);
            continue;
        }
        const abs = external_node_path_default().resolve(opts.cwd, pattern);
        const st = await (0,promises_.stat)(abs).catch(() => undefined);
        let matches;
        if (st?.isFile()) {
            matches = [abs];
        }
        else if (st?.isDirectory()) {
            matches = await (0,dist/* glob */.TI)(MANIFEST_GLOB, { cwd: abs, absolute: true, ignore: IGNORED, dot: false });
            if (matches.length === 0) {
                problems.push({
                    severity: 'error',
                    message: `Folder \`${pattern}\` holds no .yaml, .yml or .json files; point \`manifests\` at the rendered output.`,
                });
            }
        }
        else if ((0,dist/* isDynamicPattern */.ey)(pattern)) {
            matches = await (0,dist/* glob */.TI)(pattern, { cwd: opts.cwd, absolute: true, ignore: IGNORED, onlyFiles: true });
            if (matches.length === 0) {
                problems.push({
                    severity: 'error',
                    message: `Pattern \`${pattern}\` matched no files (relative to ${opts.cwd}); check the path, or render the manifests before this step.`,
                });
            }
        }
        else {
            problems.push({ severity: 'error', message: `\`${pattern}\` does not exist (relative to ${opts.cwd}).` });
            matches = [];
        }
        for (const m of matches.sort()) {
            if (seen.has(m))
                continue;
            seen.add(m);
            found.push({ abs: m, display: displayPath(m, opts.displayRoot) });
        }
    }
    const files = [];
    if (stdinText !== undefined)
        files.push({ path: '<stdin>', text: stripBom(stdinText) });
    for (const f of found) {
        try {
            const st = await (0,promises_.stat)(f.abs);
            if (st.size > MAX_FILE_BYTES) {
                problems.push({
                    severity: 'error',
                    message: `${f.display} is ${(st.size / 1024 / 1024).toFixed(0)} MiB, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for one manifest file; split it.`,
                    file: f.display,
                });
                continue;
            }
            files.push({ path: f.display, text: stripBom(await (0,promises_.readFile)(f.abs, 'utf8')) });
        }
        catch (e) {
            problems.push({
                severity: 'error',
                message: `Cannot read ${f.display}: ${e.code ?? e.message}.`,
                file: f.display,
            });
        }
    }
    return { files, problems };
}
function displayPath(abs, root) {
    const rel = external_node_path_default().relative(root, abs);
    return rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? abs : rel.split((external_node_path_default()).sep).join('/');
}
function stripBom(s) {
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
async function readStream(stream) {
    const chunks = [];
    for await (const chunk of stream)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
}
/** The config file: the one named, which must exist, else `.zd-gate.yaml`/`.yml` in cwd when present. */
async function readConfigFile(explicit, cwd) {
    const candidates = explicit ? [explicit] : ['.zd-gate.yaml', '.zd-gate.yml'];
    for (const c of candidates) {
        const abs = external_node_path_default().resolve(cwd, c);
        try {
            return { file: { path: displayPath(abs, cwd), text: await (0,promises_.readFile)(abs, 'utf8') } };
        }
        catch (e) {
            if (explicit) {
                return {
                    problem: {
                        severity: 'error',
                        message: `Config file \`${explicit}\` cannot be read (${e.code ?? 'error'}); fix the \`config\` input or remove it.`,
                    },
                };
            }
        }
    }
    return {};
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/lint/config.ts
/**
 * `.zd-gate.yaml`: per-rule severity (or `off`) and parameters.
 *
 *   rules:
 *     pod-disruption-budget: off
 *     prestop-duration: error
 *     termination-grace:
 *       severity: warning
 *       shutdown-seconds: 15
 *
 * Every mistake (unknown rule, unknown parameter, wrong type) is a problem with its file and line:
 * a config that silently does nothing is worse than none.
 */

const EMPTY_CONFIG = { rules: new Map() };
const LEVELS = ['error', 'warning', 'notice', 'off'];
function parseConfig(text, file, rules) {
    const problems = [];
    const lc = new yaml_dist/* LineCounter */.HN();
    const doc = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter: lc, prettyErrors: false });
    const at = (node) => {
        const r = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
        const p = lc.linePos(r?.[0] ?? 0);
        return { line: p.line, column: p.col };
    };
    const problem = (node, message) => {
        problems.push({ severity: 'error', message: `${message} (config ${file})`, file, ...at(node) });
    };
    const out = new Map();
    for (const e of doc.errors)
        problems.push({
            severity: 'error',
            message: `Config ${file} is not valid YAML: ${e.message.split('\n')[0]}`,
            file,
            ...pos(lc, e.pos),
        });
    if (doc.errors.length > 0)
        return { config: { rules: out }, problems };
    const root = doc.contents;
    if (root === null)
        return { config: { rules: out }, problems };
    if (!(0,yaml_dist/* isMap */.jh)(root)) {
        problem(root, 'The config must be a mapping with a `rules:` key');
        return { config: { rules: out }, problems };
    }
    const byId = new Map(rules.map((r) => [r.meta.id, r]));
    for (const pair of root.items) {
        const k = (0,yaml_dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        if (k === '$schema')
            continue;
        if (k !== 'rules') {
            problem(pair.key, `Unknown config key \`${k}\`; the config has one key, \`rules\``);
            continue;
        }
        if (pair.value === null)
            continue;
        if (!(0,yaml_dist/* isMap */.jh)(pair.value)) {
            problem(pair.value, '`rules` must map rule ids to a severity or to settings');
            continue;
        }
        for (const rp of pair.value.items) {
            const id = (0,yaml_dist/* isScalar */.jn)(rp.key) ? String(rp.key.value) : '';
            const rule = byId.get(id);
            if (!rule) {
                problem(rp.key, `Unknown rule \`${id}\`${suggest(id, [...byId.keys()])}`);
                continue;
            }
            const setting = ruleSetting(rule.meta.params, id, rp.value, problem);
            if (setting)
                out.set(id, setting);
        }
    }
    return { config: { rules: out }, problems };
}
function ruleSetting(specs, id, value, problem) {
    if ((0,yaml_dist/* isScalar */.jn)(value)) {
        const v = String(value.value);
        if (LEVELS.includes(v))
            return { severity: v, params: {} };
        // YAML 1.2 reads a bare `off` as a string, but `false` is a boolean: accept both.
        if (value.value === false)
            return { severity: 'off', params: {} };
        problem(value, `Rule \`${id}\`: \`${v}\` is not a severity; use error, warning, notice or off`);
        return undefined;
    }
    if (!(0,yaml_dist/* isMap */.jh)(value)) {
        problem(value, `Rule \`${id}\`: give a severity (error, warning, notice, off) or a mapping of settings`);
        return undefined;
    }
    let severity;
    const params = {};
    for (const p of value.items) {
        const key = (0,yaml_dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
        const raw = p.value;
        if (key === 'severity') {
            const v = (0,yaml_dist/* isScalar */.jn)(raw) ? String(raw.value) : '';
            if (LEVELS.includes(v))
                severity = v;
            else
                problem(raw ?? p.key, `Rule \`${id}\`: severity \`${v}\` must be error, warning, notice or off`);
            continue;
        }
        const spec = specs[key];
        if (!spec) {
            const names = Object.keys(specs);
            problem(p.key, `Rule \`${id}\` has no parameter \`${key}\`${names.length ? `; it takes ${names.map((n) => `\`${n}\``).join(', ')}` : '; it takes none'}`);
            continue;
        }
        const js = raw && typeof raw === 'object' && 'toJSON' in raw ? raw.toJSON() : undefined;
        if (spec.type === 'integer') {
            if (typeof js === 'number' && Number.isInteger(js) && js >= (spec.minimum ?? 0))
                params[key] = js;
            else
                problem(raw ?? p.key, `Rule \`${id}\`: \`${key}\` must be a whole number${spec.minimum !== undefined ? ` of at least ${spec.minimum}` : ''}`);
        }
        else if (Array.isArray(js) && js.every((x) => typeof x === 'string')) {
            params[key] = js;
        }
        else {
            problem(raw ?? p.key, `Rule \`${id}\`: \`${key}\` must be a list of strings`);
        }
    }
    return { severity, params };
}
function pos(lc, p) {
    const l = lc.linePos(p?.[0] ?? 0);
    return { line: l.line, column: l.col };
}
/** "did you mean" for a mistyped id: the known id with the smallest edit distance, if close. */
function suggest(id, known) {
    let best;
    let bestD = Infinity;
    for (const k of known) {
        const d = distance(id, k);
        if (d < bestD) {
            bestD = d;
            best = k;
        }
    }
    return best !== undefined && bestD <= Math.max(2, Math.floor(id.length / 4)) ? `; did you mean \`${best}\`?` : '';
}
function distance(a, b) {
    const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = dp[0];
        dp[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = dp[j];
            dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return dp[b.length];
}

// EXTERNAL MODULE: ./src/core/findings.ts
var core_findings = __webpack_require__(4637);
// EXTERNAL MODULE: ./src/core/manifest/objects.ts
var manifest_objects = __webpack_require__(4869);
// EXTERNAL MODULE: ./src/core/manifest/types.ts
var types = __webpack_require__(5856);
;// CONCATENATED MODULE: ./src/core/graph/lb.ts
/**
 * How the AWS Load Balancer Controller reads the objects: which Ingresses and Services it
 * reconciles, and the effective target type, health check and target group attributes of each
 * target group it would make, with the controller's own precedence:
 *
 * - Ingress (ALB): a Service annotation wins over the Ingress annotation of the same name, whole
 *   value for whole value (MergeStringMap(svc, ing)); IngressClassParams `spec.targetType` wins
 *   over both; the default target type is `instance` (--default-target-type).
 * - Service (NLB): reconciled when `spec.loadBalancerClass` is `service.k8s.aws/nlb`, or the
 *   `aws-load-balancer-type` annotation is `nlb-ip`, or `external` with an explicit nlb-target-type.
 * - TargetGroupBinding: `spec.targetType` and `spec.serviceRef`; its target group is managed
 *   elsewhere, so health check and attributes are unknown here.
 *
 * Sources: docs/guide/ingress/annotations.md, pkg/ingress/model_build_target_group.go,
 * pkg/service/model_builder.go and service_utils.go of kubernetes-sigs/aws-load-balancer-controller.
 */


const ALB_PREFIX = 'alb.ingress.kubernetes.io/';
const NLB_PREFIX = 'service.beta.kubernetes.io/';
const ALB_CONTROLLER = 'ingress.k8s.aws/alb';
const NLB_CLASS = 'service.k8s.aws/nlb';
/** AWS's own default; the controller sets none. */
const DEFAULT_DEREGISTRATION_DELAY = 300;
const annotationPath = (key) => ['metadata', 'annotations', key];
/** An annotation on the Service, else on the Ingress: the controller's MergeStringMap(svc, ing). */
function albAnnotation(name, service, ingress) {
    const key = ALB_PREFIX + name;
    for (const o of [service, ingress]) {
        const v = o.annotations[key];
        if (v !== undefined)
            return { value: v.trim(), source: { object: o, path: annotationPath(key) }, explicit: true };
    }
    return undefined;
}
/** The IngressClass of an Ingress, if the controller owns it; undefined when another controller does. */
function albClassOf(ing, ctx) {
    // The legacy annotation takes priority over spec.ingressClassName (pkg/ingress/group_loader.go
    // classifyIngress), and is matched against --ingress-class, `alb` by default.
    const legacy = ing.annotations['kubernetes.io/ingress.class'];
    if (legacy !== undefined)
        return legacy === 'alb' ? { ingressClass: undefined } : undefined;
    const className = (0,manifest_objects/* field */.Z)(ing, ['spec', 'ingressClassName']);
    if (typeof className === 'string' && className !== '') {
        const ic = ctx.ingressClasses.get(className);
        if (ic)
            return (0,manifest_objects/* field */.Z)(ic, ['spec', 'controller']) === ALB_CONTROLLER ? { ingressClass: ic } : undefined;
        // Not among the inputs: `alb` is the class the controller's Helm chart creates.
        return className === 'alb' ? { ingressClass: undefined } : undefined;
    }
    for (const ic of ctx.ingressClasses.values()) {
        if (ic.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true' &&
            (0,manifest_objects/* field */.Z)(ic, ['spec', 'controller']) === ALB_CONTROLLER) {
            return { ingressClass: ic };
        }
    }
    return undefined;
}
/** Service backends of an Ingress (networking.k8s.io/v1, and the v1beta1 serviceName/servicePort form). */
function ingressBackends(ing) {
    const out = [];
    const add = (b) => {
        if (!(0,types/* isObject */.Gv)(b))
            return;
        if ((0,types/* isObject */.Gv)(b.service) && typeof b.service.name === 'string') {
            const port = (0,types/* isObject */.Gv)(b.service.port) ? (b.service.port.number ?? b.service.port.name) : undefined;
            out.push({ name: b.service.name, port: typeof port === 'number' || typeof port === 'string' ? port : undefined });
        }
        else if (typeof b.serviceName === 'string') {
            const port = b.servicePort;
            out.push({ name: b.serviceName, port: typeof port === 'number' || typeof port === 'string' ? port : undefined });
        }
    };
    const spec = (0,manifest_objects/* field */.Z)(ing, ['spec']);
    if (!(0,types/* isObject */.Gv)(spec))
        return out;
    add(spec.defaultBackend ?? spec.backend);
    for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
        const paths = (0,types/* isObject */.Gv)(rule) && (0,types/* isObject */.Gv)(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
        for (const p of paths)
            if ((0,types/* isObject */.Gv)(p))
                add(p.backend);
    }
    // `use-annotation` backends name an ALB action (redirect, fixed response, forward). A forward
    // action's target groups may be Services (weighted blue/green, canary): those are backends too.
    return out.flatMap((b) => (b.port === 'use-annotation' ? actionBackends(ing, b.name) : [b]));
}
/**
 * The Services of a forward action in `alb.ingress.kubernetes.io/actions.<name>`
 * (pkg/ingress/enhanced_backend_builder.go): forwardConfig.targetGroups[].serviceName and
 * servicePort (a numeric string counts as a number). Keys match case-insensitively, as Go's JSON
 * decoding does.
 */
function actionBackends(ing, name) {
    const raw = ing.annotations[`${ALB_PREFIX}actions.${name}`];
    if (raw === undefined)
        return [];
    let action;
    try {
        action = JSON.parse(raw);
    }
    catch {
        return [];
    }
    if (String(prop(action, 'type')).toLowerCase() !== 'forward')
        return [];
    const groups = prop(prop(action, 'forwardConfig'), 'targetGroups');
    if (!Array.isArray(groups))
        return [];
    return groups.flatMap((g) => {
        const svc = prop(g, 'serviceName');
        if (typeof svc !== 'string')
            return [];
        const port = prop(g, 'servicePort');
        return [
            {
                name: svc,
                port: typeof port === 'string' && /^\d+$/.test(port)
                    ? Number(port)
                    : typeof port === 'number' || typeof port === 'string'
                        ? port
                        : undefined,
            },
        ];
    });
}
function prop(o, key) {
    if (!(0,types/* isObject */.Gv)(o))
        return undefined;
    const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
    return k === undefined ? undefined : o[k];
}
/** The index of the Service port an Ingress backend or TGB serviceRef names (by number or name). */
function servicePortIndex(service, port) {
    const ports = (0,manifest_objects/* field */.Z)(service, ['spec', 'ports']);
    if (!Array.isArray(ports))
        return undefined;
    if (port === undefined)
        return ports.length === 1 ? 0 : undefined;
    const i = ports.findIndex((p) => (0,types/* isObject */.Gv)(p) && (typeof port === 'number' ? p.port === port : p.name === port));
    return i >= 0 ? i : undefined;
}
function albExposures(ing, ctx) {
    const cls = albClassOf(ing, ctx);
    if (!cls || ing.namespace === undefined)
        return [];
    const params = classParams(cls.ingressClass, ctx);
    const out = [];
    const seen = new Set();
    for (const b of ingressBackends(ing)) {
        const service = ctx.findService(ing.namespace, b.name);
        if (!service)
            continue;
        const portIndex = servicePortIndex(service, b.port);
        const key = `${b.name}/${String(portIndex)}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({
            lb: 'alb',
            via: ing,
            service,
            servicePortIndex: portIndex,
            targetType: albTargetType(ing, service, params),
            healthCheckPath: albHealthCheckPath(ing, service),
            deregistrationDelay: deregistrationDelay(albAnnotation('target-group-attributes', service, ing), {
                object: ing,
                path: annotationPath(`${ALB_PREFIX}target-group-attributes`),
            }),
        });
    }
    return out;
}
function classParams(ic, ctx) {
    if (!ic)
        return undefined;
    const p = (0,manifest_objects/* field */.Z)(ic, ['spec', 'parameters']);
    if (!(0,types/* isObject */.Gv)(p) || p.kind !== 'IngressClassParams' || typeof p.name !== 'string')
        return undefined;
    return ctx.ingressClassParams.get(p.name);
}
function albTargetType(ing, service, params) {
    const fromParams = params ? (0,manifest_objects/* field */.Z)(params, ['spec', 'targetType']) : undefined;
    if (params && (fromParams === 'ip' || fromParams === 'instance')) {
        return { value: fromParams, source: { object: params, path: ['spec', 'targetType'] }, explicit: true };
    }
    const a = albAnnotation('target-type', service, ing);
    if (a)
        return { ...a, value: a.value === 'ip' || a.value === 'instance' ? a.value : undefined };
    return {
        value: 'instance',
        source: { object: ing, path: annotationPath(`${ALB_PREFIX}target-type`) },
        explicit: false,
    };
}
function albHealthCheckPath(ing, service) {
    const protocol = albAnnotation('healthcheck-protocol', service, ing)?.value.toUpperCase();
    if (protocol !== undefined && protocol !== 'HTTP' && protocol !== 'HTTPS')
        return undefined;
    const a = albAnnotation('healthcheck-path', service, ing);
    if (a)
        return a;
    const grpc = albAnnotation('backend-protocol-version', service, ing)?.value.toUpperCase() === 'GRPC';
    return {
        value: grpc ? '/AWS.ALB/healthcheck' : '/',
        source: { object: ing, path: annotationPath(`${ALB_PREFIX}healthcheck-path`) },
        explicit: false,
    };
}
/** How the controller treats a Service: not at all, or as an NLB with this target type. */
function nlbTargetType(svc) {
    const typeKey = `${NLB_PREFIX}aws-load-balancer-type`;
    const ttKey = `${NLB_PREFIX}aws-load-balancer-nlb-target-type`;
    const lbClass = (0,manifest_objects/* field */.Z)(svc, ['spec', 'loadBalancerClass']);
    const lbType = svc.annotations[typeKey]?.trim();
    const tt = svc.annotations[ttKey]?.trim();
    // Any value but `ip` builds instance targets (an unknown one is not rejected, unlike on Ingresses).
    const explicitTT = () => ({
        value: tt === 'ip' ? 'ip' : 'instance',
        source: { object: svc, path: annotationPath(ttKey) },
        explicit: true,
    });
    // Which Services the controller reconciles (service_utils.go IsServiceSupported): a
    // loadBalancerClass decides alone; otherwise `nlb-ip`, or `external` with an explicit target type.
    let byWebhook = false;
    if (typeof lbClass === 'string' && lbClass !== '') {
        if (lbClass !== NLB_CLASS)
            return undefined;
    }
    else if (lbType !== 'nlb-ip' && !(lbType === 'external' && (tt === 'ip' || tt === 'instance'))) {
        // Since v2.5 the controller's webhook (mservice.elbv2.k8s.aws, on by default) gives every
        // type: LoadBalancer Service created without a class `service.k8s.aws/nlb`, so it reconciles
        // it too (webhooks/core/service_mutator.go). Without the controller, the in-tree provider's
        // load balancer also targets instances.
        if ((0,manifest_objects/* field */.Z)(svc, ['spec', 'type']) !== 'LoadBalancer')
            return undefined;
        byWebhook = true;
    }
    // The target type (model_build_target_group.go buildTargetType): `nlb-ip` or target type `ip`
    // gives ip; anything else is instance (--default-target-type).
    if (lbType === 'nlb-ip')
        return { value: 'ip', source: { object: svc, path: annotationPath(typeKey) }, explicit: true };
    if (tt !== undefined)
        return explicitTT();
    return {
        value: 'instance',
        source: { object: svc, path: annotationPath(ttKey) },
        explicit: false,
        ...(byWebhook
            ? {
                why: "it is type LoadBalancer without a loadBalancerClass, which the controller's webhook sets to service.k8s.aws/nlb (v2.5+), and without an nlb-target-type annotation that NLB targets instances",
            }
            : {}),
    };
}
function nlbExposures(svc) {
    const targetType = nlbTargetType(svc);
    if (!targetType)
        return [];
    const ports = (0,manifest_objects/* field */.Z)(svc, ['spec', 'ports']);
    const count = Array.isArray(ports) ? ports.length : 0;
    const healthCheckPath = nlbHealthCheckPath(svc, targetType.value);
    const attrKey = `${NLB_PREFIX}aws-load-balancer-target-group-attributes`;
    const attrs = svc.annotations[attrKey];
    const dereg = deregistrationDelay(attrs === undefined
        ? undefined
        : { value: attrs, source: { object: svc, path: annotationPath(attrKey) }, explicit: true }, { object: svc, path: annotationPath(attrKey) });
    return Array.from({ length: Math.max(count, 1) }, (_, i) => ({
        lb: 'nlb',
        via: svc,
        service: svc,
        servicePortIndex: count > 0 ? i : undefined,
        targetType,
        healthCheckPath,
        deregistrationDelay: dereg,
    }));
}
function nlbHealthCheckPath(svc, targetType) {
    const key = (n) => `${NLB_PREFIX}aws-load-balancer-healthcheck-${n}`;
    const protocol = svc.annotations[key('protocol')]?.trim().toUpperCase();
    if (protocol === undefined) {
        // instance + externalTrafficPolicy Local: HTTP /healthz on kube-proxy's healthCheckNodePort, not the pod.
        return undefined;
    }
    if (protocol !== 'HTTP' && protocol !== 'HTTPS')
        return undefined;
    if (targetType === 'instance' && (0,manifest_objects/* field */.Z)(svc, ['spec', 'externalTrafficPolicy']) === 'Local')
        return undefined;
    const path = svc.annotations[key('path')];
    return path !== undefined
        ? { value: path.trim(), source: { object: svc, path: annotationPath(key('path')) }, explicit: true }
        : { value: '/', source: { object: svc, path: annotationPath(key('path')) }, explicit: false };
}
function tgbExposure(tgb, ctx) {
    if (!tgb.apiVersion.startsWith('elbv2.k8s.aws/') || tgb.namespace === undefined)
        return undefined;
    const ref = (0,manifest_objects/* field */.Z)(tgb, ['spec', 'serviceRef']);
    if (!(0,types/* isObject */.Gv)(ref) || typeof ref.name !== 'string')
        return undefined;
    const service = ctx.findService(tgb.namespace, ref.name);
    if (!service)
        return undefined;
    const tt = (0,manifest_objects/* field */.Z)(tgb, ['spec', 'targetType']);
    const protocol = String((0,manifest_objects/* field */.Z)(tgb, ['spec', 'targetGroupProtocol']) ?? '').toUpperCase();
    const lb = ['TCP', 'UDP', 'TLS', 'TCP_UDP', 'TCP_QUIC', 'QUIC'].includes(protocol)
        ? 'nlb'
        : ['HTTP', 'HTTPS'].includes(protocol)
            ? 'alb'
            : 'unknown';
    return {
        lb,
        via: tgb,
        service,
        servicePortIndex: servicePortIndex(service, typeof ref.port === 'number' || typeof ref.port === 'string' ? ref.port : undefined),
        targetType: {
            value: tt === 'ip' || tt === 'instance' ? tt : undefined,
            source: { object: tgb, path: ['spec', 'targetType'] },
            explicit: tt !== undefined,
        },
        healthCheckPath: undefined,
        deregistrationDelay: undefined,
    };
}
/** deregistration_delay.timeout_seconds from a target-group-attributes value, else AWS's 300 s. */
function deregistrationDelay(attrs, whereToAdd) {
    if (attrs) {
        const v = parseStringMap(attrs.value).get('deregistration_delay.timeout_seconds');
        if (v !== undefined && /^\d+$/.test(v))
            return { value: Number(v), source: attrs.source, explicit: true };
        return { value: DEFAULT_DEREGISTRATION_DELAY, source: attrs.source, explicit: false };
    }
    return { value: DEFAULT_DEREGISTRATION_DELAY, source: whereToAdd, explicit: false };
}
/**
 * The controller's stringMap annotation parser (pkg/annotations/parser.go): pairs split on a comma
 * only when a `key=` follows, `\` escapes, the first `=` separates key and value, both trimmed.
 */
function parseStringMap(raw) {
    const out = new Map();
    const pairs = [];
    let cur = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch === '\\' && i + 1 < raw.length) {
            cur += raw[++i];
        }
        else if (ch === ',' && /^\s*[^,=\s][^,=]*=/.test(raw.slice(i + 1))) {
            pairs.push(cur);
            cur = '';
        }
        else {
            cur += ch;
        }
    }
    pairs.push(cur);
    for (const p of pairs) {
        const eq = p.indexOf('=');
        if (eq <= 0)
            continue;
        const k = p.slice(0, eq).trim();
        if (k !== '')
            out.set(k, p.slice(eq + 1).trim());
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/graph/selectors.ts
var selectors = __webpack_require__(5634);
;// CONCATENATED MODULE: ./src/core/graph/workload.ts
/** Workloads (Deployment, StatefulSet, Argo Rollout) and their pod templates. */


const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout']);
const TEMPLATE = ['spec', 'template'];
function toWorkload(o) {
    if (!WORKLOAD_KINDS.has(o.kind))
        return undefined;
    if (o.kind === 'Rollout' && !o.apiVersion.startsWith('argoproj.io/'))
        return undefined;
    const template = (0,manifest_objects/* field */.Z)(o, TEMPLATE);
    // A Rollout with workloadRef borrows a Deployment's template: that Deployment is checked itself.
    if (!(0,types/* isObject */.Gv)(template))
        return undefined;
    const podSpec = (0,types/* isObject */.Gv)(template.spec) ? template.spec : {};
    const metadata = (0,types/* isObject */.Gv)(template.metadata) ? template.metadata : {};
    const podLabels = {};
    if ((0,types/* isObject */.Gv)(metadata.labels))
        for (const [k, v] of Object.entries(metadata.labels))
            podLabels[k] = String(v);
    const podSpecPath = [...TEMPLATE, 'spec'];
    const containers = (Array.isArray(podSpec.containers) ? podSpec.containers : []).flatMap((c, index) => {
        if (!(0,types/* isObject */.Gv)(c))
            return [];
        const ports = (Array.isArray(c.ports) ? c.ports : [])
            .filter(types/* isObject */.Gv)
            .flatMap((p) => typeof p.containerPort === 'number'
            ? [
                {
                    containerPort: p.containerPort,
                    name: typeof p.name === 'string' ? p.name : undefined,
                    protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP',
                },
            ]
            : []);
        return [
            {
                name: typeof c.name === 'string' ? c.name : `#${index}`,
                index,
                path: [...podSpecPath, 'containers', index],
                raw: c,
                image: typeof c.image === 'string' ? c.image : '',
                ports,
            },
        ];
    });
    return { object: o, podSpecPath, podSpec, podLabels, containers };
}
/** spec.replicas; unset means 1, as the API server defaults it. */
function specReplicas(w) {
    const r = (0,manifest_objects/* field */.Z)(w.object, ['spec', 'replicas']);
    return typeof r === 'number' && Number.isInteger(r) && r >= 0 ? r : 1;
}

;// CONCATENATED MODULE: ./src/core/graph/graph.ts
/**
 * The object graph across ALL input files: workloads ← Services ← load balancers (alb Ingresses,
 * controller-managed NLB Services, TargetGroupBindings), and the Namespaces, PodDisruptionBudgets
 * and HorizontalPodAutoscalers that shape a rollout. Built once, indexed, read by every rule.
 */





function buildGraph(objects) {
    const byKind = new Map();
    for (const o of objects) {
        const list = byKind.get(o.kind);
        if (list)
            list.push(o);
        else
            byKind.set(o.kind, [o]);
    }
    const ofKind = (k) => byKind.get(k) ?? [];
    const key = (ns, name) => `${ns ?? ''}/${name}`;
    const workloads = objects.flatMap((o) => toWorkload(o) ?? []);
    const services = ofKind('Service').filter((s) => s.apiVersion === 'v1');
    const serviceByName = new Map(services.map((s) => [key(s.namespace, s.name), s]));
    const namespaces = new Map(ofKind('Namespace').map((n) => [n.name, n]));
    // Index pod labels by namespace and label pair: selectors look up candidates, then verify.
    const byLabel = new Map();
    for (const w of workloads) {
        for (const [k, v] of Object.entries(w.podLabels)) {
            const id = `${w.object.namespace ?? ''}\u0000${k}=${v}`;
            const list = byLabel.get(id);
            if (list)
                list.push(w);
            else
                byLabel.set(id, [w]);
        }
    }
    const byNamespace = new Map();
    for (const w of workloads) {
        const ns = w.object.namespace ?? '';
        const list = byNamespace.get(ns);
        if (list)
            list.push(w);
        else
            byNamespace.set(ns, [w]);
    }
    const selectorOf = (svc) => {
        const sel = (0,manifest_objects/* field */.Z)(svc, ['spec', 'selector']);
        const out = {};
        if ((0,types/* isObject */.Gv)(sel))
            for (const [k, v] of Object.entries(sel))
                out[k] = String(v);
        return out;
    };
    const workloadsBySvc = new Map();
    const servicesByWorkload = new Map();
    const lbCtx = {
        ingressClasses: new Map(ofKind('IngressClass').map((o) => [o.name, o])),
        ingressClassParams: new Map(ofKind('IngressClassParams').map((o) => [o.name, o])),
        findService: (ns, name) => serviceByName.get(key(ns, name)),
    };
    const exposures = [
        ...ofKind('Ingress').flatMap((ing) => albExposures(ing, lbCtx)),
        ...services.flatMap((s) => nlbExposures(s)),
        ...ofKind('TargetGroupBinding').flatMap((t) => tgbExposure(t, lbCtx) ?? []),
    ];
    const exposuresBySvc = new Map();
    for (const e of exposures) {
        const list = exposuresBySvc.get(e.service);
        if (list)
            list.push(e);
        else
            exposuresBySvc.set(e.service, [e]);
    }
    // A headless Service (clusterIP: None) is DNS discovery, e.g. for a database's StatefulSet: it
    // serves the workload only when a load balancer targets it (an ip-mode Ingress backend or TGB).
    const serves = (svc) => (0,manifest_objects/* field */.Z)(svc, ['spec', 'clusterIP']) !== 'None' || exposuresBySvc.has(svc);
    for (const svc of services) {
        const sel = selectorOf(svc);
        const [first] = Object.entries(sel);
        if (!first)
            continue;
        const candidates = byLabel.get(`${svc.namespace ?? ''}\u0000${first[0]}=${first[1]}`) ?? [];
        const hit = candidates.filter((w) => (0,selectors/* serviceSelects */.$d)(sel, w.podLabels));
        workloadsBySvc.set(svc, hit);
        if (!serves(svc))
            continue;
        for (const w of hit) {
            const list = servicesByWorkload.get(w);
            if (list)
                list.push(svc);
            else
                servicesByWorkload.set(w, [svc]);
        }
    }
    const portsCache = new Map();
    const servicePorts = (svc) => {
        let ports = portsCache.get(svc);
        if (!ports) {
            const raw = (0,manifest_objects/* field */.Z)(svc, ['spec', 'ports']);
            ports = (Array.isArray(raw) ? raw : []).flatMap((p, index) => {
                if (!(0,types/* isObject */.Gv)(p))
                    return [];
                const tp = p.targetPort;
                return [
                    {
                        index,
                        port: typeof p.port === 'number' ? p.port : undefined,
                        name: typeof p.name === 'string' ? p.name : undefined,
                        targetPort: typeof tp === 'number' || (typeof tp === 'string' && tp !== '')
                            ? typeof tp === 'string' && /^\d+$/.test(tp)
                                ? Number(tp)
                                : tp
                            : undefined,
                        path: ['spec', 'ports', index],
                    },
                ];
            });
            portsCache.set(svc, ports);
        }
        return ports;
    };
    const servingCache = new Map();
    const servingContainers = (w) => {
        let out = servingCache.get(w);
        if (out)
            return out;
        out = [];
        for (const svc of servicesByWorkload.get(w) ?? []) {
            for (const port of servicePorts(svc)) {
                const target = port.targetPort ?? port.port;
                if (target === undefined)
                    continue;
                const declared = w.containers.filter((c) => c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)));
                for (const c of declared)
                    out.push({ container: c, service: svc, port, declared: true });
                // Ports in a container spec are informational: an undeclared number reaches the only container.
                const only = w.containers.length === 1 ? w.containers[0] : undefined;
                if (declared.length === 0 && typeof target === 'number' && only) {
                    out.push({ container: only, service: svc, port, declared: false });
                }
            }
        }
        servingCache.set(w, out);
        return out;
    };
    const pdbs = ofKind('PodDisruptionBudget').flatMap((o) => {
        const selector = (0,selectors/* toLabelSelector */.lF)((0,manifest_objects/* field */.Z)(o, ['spec', 'selector']));
        return selector ? [{ object: o, selector }] : [];
    });
    // Each PDB's workloads, found through the label index like Services', then inverted once.
    const workloadsByPdb = new Map();
    const pdbsByWorkload = new Map();
    for (const p of pdbs) {
        const ns = p.object.namespace ?? '';
        const [first] = Object.entries(p.selector.matchLabels);
        const candidates = first ? (byLabel.get(`${ns}\u0000${first[0]}=${first[1]}`) ?? []) : (byNamespace.get(ns) ?? []);
        const hit = candidates.filter((w) => (0,selectors/* selectorMatches */.de)(p.selector, w.podLabels));
        workloadsByPdb.set(p, hit);
        for (const w of hit) {
            const list = pdbsByWorkload.get(w);
            if (list)
                list.push(p);
            else
                pdbsByWorkload.set(w, [p]);
        }
    }
    const hpas = ofKind('HorizontalPodAutoscaler');
    const hpaByTarget = new Map();
    for (const h of hpas) {
        const ref = (0,manifest_objects/* field */.Z)(h, ['spec', 'scaleTargetRef']);
        if ((0,types/* isObject */.Gv)(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string')
            hpaByTarget.set(`${h.namespace ?? ''}/${ref.kind}/${ref.name}`, h);
    }
    const served = workloads.filter((w) => (servicesByWorkload.get(w)?.length ?? 0) > 0);
    const exposuresCache = new Map();
    return {
        objects,
        workloads,
        services,
        exposures,
        servedWorkloads: () => served,
        servicesOf: (w) => servicesByWorkload.get(w) ?? [],
        workloadsOf: (s) => workloadsBySvc.get(s) ?? [],
        exposuresOf: (w) => {
            let list = exposuresCache.get(w);
            if (!list) {
                list = (servicesByWorkload.get(w) ?? []).flatMap((s) => exposuresBySvc.get(s) ?? []);
                exposuresCache.set(w, list);
            }
            return list;
        },
        servingContainers,
        servicePorts,
        namespace: (name) => namespaces.get(name),
        pdbs: () => pdbs,
        pdbsOf: (w) => pdbsByWorkload.get(w) ?? [],
        workloadsOfPdb: (p) => workloadsByPdb.get(p) ?? [],
        hpaOf: (w) => hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`),
        minReplicas: (w) => {
            const hpa = hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`);
            if (hpa) {
                const m = (0,manifest_objects/* field */.Z)(hpa, ['spec', 'minReplicas']);
                return { value: typeof m === 'number' ? m : 1, object: hpa, path: ['spec', 'minReplicas'] };
            }
            return { value: specReplicas(w), object: w.object, path: ['spec', 'replicas'] };
        },
    };
}

;// CONCATENATED MODULE: ./src/core/manifest/locate.ts
/**
 * Path → source range, computed only for the documents that have findings. The document is
 * re-read with the `yaml` package, whose node ranges and LineCounter give exact positions.
 *
 * A path that exists points at its key (and a scalar value on the same line); a path that does not
 * exist points at the deepest part that does: the container for a missing probe, the pod spec for
 * a missing terminationGracePeriodSeconds. That is the line a user edits to add the field.
 */

const cache = new WeakMap();
function parsed(d) {
    let p = cache.get(d);
    if (!p) {
        const lc = new yaml_dist/* LineCounter */.HN();
        p = { doc: (0,yaml_dist/* parseDocument */.Tp)(d.text, { lineCounter: lc, merge: true, uniqueKeys: false }), lc };
        cache.set(d, p);
    }
    return p;
}
/** Where `path` (relative to the object) is, or its deepest existing parent. */
function locate(o, path) {
    return locateInDoc(o.doc, [...o.base, ...path]);
}
function locateInDoc(d, path) {
    const { doc, lc } = parsed(d);
    let node = doc.contents;
    let anchor = firstLine(node);
    let exact = true;
    for (const key of path) {
        const step = child(doc, node, key);
        if (!step) {
            exact = false;
            break;
        }
        anchor = step.anchor;
        node = step.node;
    }
    if (exact && (0,yaml_dist/* isScalar */.jn)(node) && node.range && anchor)
        anchor = { start: anchor.start, end: node.range[1] };
    const [start, end] = anchor ? [anchor.start, anchor.end] : [0, 0];
    const a = lc.linePos(start);
    const b = lc.linePos(end);
    const shift = d.startLine - 1;
    return { file: d.file.path, line: a.line + shift, column: a.col, endLine: b.line + shift, endColumn: b.col, exact };
}
function child(doc, node, key) {
    const target = (0,yaml_dist/* isAlias */.Vj)(node) ? node.resolve(doc) : node;
    if (typeof key === 'number') {
        if (!(0,yaml_dist/* isSeq */.oP)(target))
            return undefined;
        const item = target.items[key];
        if (item === undefined)
            return undefined;
        const anchor = firstLine(item);
        return anchor ? { node: item, anchor } : undefined;
    }
    if (!(0,yaml_dist/* isMap */.jh)(target))
        return undefined;
    const pair = findPair(doc, target.items, key);
    if (!pair)
        return undefined;
    const keyNode = pair.key;
    const range = keyNode && 'range' in keyNode ? keyNode.range : undefined;
    if (!range)
        return undefined;
    return { node: pair.value, anchor: { start: range[0], end: range[1] } };
}
function findPair(doc, items, key) {
    for (const pair of items) {
        if ((0,yaml_dist/* isPair */.tO)(pair) && (0,yaml_dist/* isScalar */.jn)(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key)
            return pair;
    }
    // Merge keys: the field may come from a mapping merged in with `<<: *anchor`.
    for (const pair of items) {
        if ((0,yaml_dist/* isPair */.tO)(pair) && (0,yaml_dist/* isScalar */.jn)(pair.key) && isMergeKey(pair.key.value)) {
            const sources = (0,yaml_dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
            for (const s of sources) {
                const m = (0,yaml_dist/* isAlias */.Vj)(s) ? s.resolve(doc) : s;
                if ((0,yaml_dist/* isMap */.jh)(m)) {
                    const hit = findPair(doc, m.items, key);
                    if (hit)
                        return hit;
                }
            }
        }
    }
    return undefined;
}
const isMergeKey = (v) => v === '<<' || (typeof v === 'symbol' && v.description === '<<');
/** The first line of a node: a mapping's first key, a sequence item's start, a scalar itself. */
function firstLine(node) {
    if ((0,yaml_dist/* isMap */.jh)(node) || (0,yaml_dist/* isSeq */.oP)(node)) {
        const start = node.range?.[0];
        const first = node.items[0];
        const head = (0,yaml_dist/* isPair */.tO)(first) ? first.key : first;
        const headRange = rangeOfNode(head);
        if (headRange)
            return { start: start ?? headRange[0], end: headRange[1] };
        return start !== undefined ? { start, end: start + 1 } : undefined;
    }
    const r = rangeOfNode(node);
    return r ? { start: r[0], end: r[1] } : undefined;
}
function rangeOfNode(n) {
    if (n && typeof n === 'object' && 'range' in n) {
        const r = n.range;
        if (Array.isArray(r) && r.length === 3)
            return r;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/lint/engine.ts
/**
 * Parsed files + config → findings. The engine builds the graph once, runs every enabled rule
 * with its parameters, and turns each report into a finding: exact range (computed only now, for
 * the documents that have findings), configured severity, per-object suppression.
 */






const IGNORE_ANNOTATION = 'zd-gate/ignore';
function lint(input) {
    const problems = [];
    const issues = [];
    const docs = input.files.flatMap((f) => {
        for (const i of f.issues) {
            if (i.kind === 'not-text')
                problems.push({
                    severity: 'error',
                    message: i.message,
                    file: i.file.path,
                    line: i.range.line,
                    column: i.range.column,
                });
            else
                issues.push(i);
        }
        return f.docs;
    });
    const { objects, issues: templateIssues, notes } = (0,manifest_objects/* toObjects */.o)(docs, input.defaultNamespace);
    issues.push(...templateIssues);
    for (const n of notes)
        problems.push({ severity: 'notice', message: n.message, file: n.file, line: n.line });
    const graph = buildGraph(objects);
    const known = new Set(input.rules.map((r) => r.meta.id));
    const ignores = ignoreIndex(objects, known, problems);
    const workloadObjects = new Set(graph.workloads.map((w) => w.object));
    const findings = [];
    const seen = new Set();
    let suppressed = 0;
    const push = (f) => {
        const key = `${f.ruleId}\u0000${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.message}`;
        if (seen.has(key))
            return;
        seen.add(key);
        findings.push(f);
    };
    for (const rule of input.rules) {
        const setting = input.config.rules.get(rule.meta.id);
        if (setting?.severity === 'off')
            continue;
        const severityOf = (variant) => setting?.severity ?? variant ?? rule.meta.severity;
        const params = paramsOf(rule.meta.params, setting?.params ?? {});
        rule.check({
            graph,
            params,
            parseIssues: issues,
            report: (r) => {
                if (isIgnored(ignores, rule.meta.id, r)) {
                    suppressed++;
                    return;
                }
                const loc = locate(r.object, r.path);
                const subject = r.subject ?? (workloadObjects.has(r.object) ? r.object : undefined);
                push({
                    ruleId: rule.meta.id,
                    severity: severityOf(r.severity),
                    message: r.message,
                    file: loc.file,
                    line: loc.line,
                    column: loc.column,
                    endLine: loc.endLine,
                    endColumn: loc.endColumn,
                    object: (0,types/* refOf */.H8)(r.object),
                    ...(r.container !== undefined ? { container: r.container } : {}),
                    ...(subject ? { workload: (0,types/* refOf */.H8)(subject) } : {}),
                });
            },
            reportIssue: (i) => push({
                ruleId: rule.meta.id,
                severity: severityOf(undefined),
                message: i.message,
                file: i.file.path,
                line: i.range.line,
                column: i.range.column,
                endLine: i.range.endLine,
                endColumn: Math.max(i.range.endColumn, i.range.column + (i.range.endLine > i.range.line ? 0 : 1)),
                object: null,
            }),
        });
    }
    findings.sort(core_findings/* bySeverityThenPlace */.v_);
    const served = new Set(graph.servedWorkloads());
    return {
        findings,
        problems,
        graph,
        objectCount: objects.length,
        suppressed,
        unserved: graph.workloads.filter((w) => !served.has(w)).map((w) => (0,types/* refOf */.H8)(w.object)),
    };
}
function paramsOf(specs, given) {
    const out = {};
    for (const [k, spec] of Object.entries(specs))
        out[k] = given[k] ?? spec.default;
    return out;
}
/** `zd-gate/ignore: rule-a, rule-b` (or `all`) on any object; unknown ids are problems, not no-ops. */
function ignoreIndex(objects, known, problems) {
    const index = new Map();
    for (const o of objects) {
        const raw = o.annotations[IGNORE_ANNOTATION];
        if (raw === undefined)
            continue;
        const ids = raw.split(/[\s,]+/).filter((s) => s !== '');
        const ok = new Set();
        for (const id of ids) {
            if (id === 'all' || id === '*' || known.has(id)) {
                ok.add(id === '*' ? 'all' : id);
            }
            else {
                const loc = locateInDoc(o.doc, [...o.base, 'metadata', 'annotations', IGNORE_ANNOTATION]);
                problems.push({
                    severity: 'error',
                    message: `${(0,types/* describeObject */.v8)(o)}: \`${IGNORE_ANNOTATION}\` names unknown rule \`${id}\`${suggest(id, [...known])}`,
                    file: loc.file,
                    line: loc.line,
                    column: loc.column,
                });
            }
        }
        index.set(o, ok);
    }
    return index;
}
function isIgnored(index, id, r) {
    for (const o of [r.object, r.subject]) {
        const set = o && index.get(o);
        if (set && (set.has(id) || set.has('all')))
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./src/core/manifest/parse.ts + 1 modules
var parse = __webpack_require__(1085);
// EXTERNAL MODULE: ./src/core/rules/index.ts + 21 modules
var rules = __webpack_require__(9760);
// EXTERNAL MODULE: ./src/report/validate/annotations.ts
var annotations = __webpack_require__(9127);
;// CONCATENATED MODULE: ./src/report/validate/json.ts
function formatJson(report) {
    const { summary } = report;
    return `${JSON.stringify({
        findings: report.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            file: f.file,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            object: f.object,
            ...(f.container !== undefined ? { container: f.container } : {}),
            ...(f.workload !== undefined ? { workload: f.workload } : {}),
        })),
        problems: report.problems,
        summary: {
            errors: summary.errors,
            warnings: summary.warnings,
            notices: summary.notices,
            suppressed: summary.suppressed,
            files: summary.files,
            objects: summary.objects,
            workloadsChecked: summary.workloadsChecked,
            unchecked: summary.unchecked,
            failOn: summary.failOn,
            failed: summary.failed,
        },
    }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/validate/report.ts
function countBySeverity(findings) {
    const out = { error: 0, warning: 0, notice: 0 };
    for (const f of findings)
        out[f.severity]++;
    return out;
}
function refText(r) {
    if (!r)
        return '';
    return `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/rule-docs.ts
var rule_docs = __webpack_require__(3212);
;// CONCATENATED MODULE: ./src/report/validate/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rule
 * metadata in tool.driver.rules, precise regions, input problems as tool notifications.
 */



const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
const SECURITY_SEVERITY = { error: 'error', warning: 'warning', notice: 'recommendation' };
function formatSarif(report, rules) {
    const index = new Map(rules.map((r, i) => [r.meta.id, i]));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'zd-gate',
                        version: version/* VERSION */.x,
                        semanticVersion: version/* VERSION */.x,
                        rules: rules.map((r) => ({
                            id: r.meta.id,
                            name: r.meta.id
                                .replace(/-(\w)/g, (_, c) => c.toUpperCase())
                                .replace(/^\w/, (c) => c.toUpperCase()),
                            shortDescription: { text: r.meta.summary },
                            fullDescription: { text: r.meta.rationale.replace(/[*`]/g, '') },
                            help: { text: `${r.meta.fix}`, markdown: (0,rule_docs/* ruleMarkdown */.ki)(r.meta, 2) },
                            defaultConfiguration: { level: LEVEL[r.meta.severity] },
                            properties: {
                                tags: ['kubernetes', 'zero-downtime', 'aws-load-balancer'],
                                precision: 'high',
                                'problem.severity': SECURITY_SEVERITY[r.meta.severity],
                            },
                        })),
                    },
                },
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The workspace the manifests were read from.' } } },
                results: report.findings.map((f) => result(f, index.get(f.ruleId))),
                invocations: [
                    {
                        executionSuccessful: !report.problems.some((p) => p.severity === 'error'),
                        toolExecutionNotifications: report.problems.map((p) => ({
                            level: LEVEL[p.severity],
                            message: { text: p.message },
                            ...(p.file
                                ? {
                                    locations: [
                                        {
                                            physicalLocation: {
                                                artifactLocation: { uri: p.file, uriBaseId: '%SRCROOT%' },
                                                ...(p.line ? { region: { startLine: p.line } } : {}),
                                            },
                                        },
                                    ],
                                }
                                : {}),
                        })),
                    },
                ],
            },
        ],
    };
    return `${JSON.stringify(sarif, null, 2)}\n`;
}
function result(f, ruleIndex) {
    const object = f.object ? `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}` : '';
    return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
                    region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
                ...(f.object
                    ? { logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }
                    : {}),
            },
        ],
        // Stable across line moves and changed numbers: same rule, object, container and message shape.
        partialFingerprints: {
            'zdGateFinding/v1': (0,external_node_crypto_.createHash)('sha256')
                .update([
                f.ruleId,
                f.file,
                object,
                f.container ?? '',
                f.message.replace(/\d+/g, '#'),
                f.object ? '' : String(f.line),
            ].join('\u0000'))
                .digest('hex'),
        },
    };
}

;// CONCATENATED MODULE: ./src/report/validate/summary.ts

const ICON = { error: '🔴', warning: '🟡', notice: '🔵' };
const MAX_ROWS = 500;
function formatSummary(report, plan, links = {}) {
    const s = report.summary;
    const out = [];
    const verdict = s.failed
        ? '❌ zd-gate validate failed'
        : s.errors + s.warnings + s.notices > 0
            ? '✅ zd-gate validate passed with findings'
            : '✅ zd-gate validate passed';
    out.push(`## ${verdict}`, '');
    out.push(`| Errors | Warnings | Notices | Suppressed | Objects | Files | Served workloads checked |`, `|---:|---:|---:|---:|---:|---:|---:|`, `| ${s.errors} | ${s.warnings} | ${s.notices} | ${s.suppressed} | ${s.objects} | ${s.files} | ${s.workloadsChecked} |`, '', `Fails on: \`${s.failOn}\`.`, '');
    const inputErrors = report.problems.filter((p) => p.severity === 'error');
    if (inputErrors.length > 0) {
        out.push('### Input errors', '', ...inputErrors.map((p) => `- ${p.file ? `\`${p.file}${p.line ? `:${p.line}` : ''}\` ` : ''}${escapeCell(p.message)}`), '');
    }
    if (plan) {
        const omitted = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
        if (omitted > 0) {
            const where = links.checkRunUrl
                ? `the [check run](${links.checkRunUrl}) and the table below`
                : 'the table below and the SARIF file';
            out.push(`> [!NOTE]`, `> GitHub shows 10 annotations per severity in a step: ${omitted} more finding${omitted === 1 ? ' is' : 's are'} not annotated inline (${plan.omitted.error} errors, ${plan.omitted.warning} warnings, ${plan.omitted.notice} notices). All are in ${where}.`, '');
        }
    }
    const groups = new Map();
    for (const f of report.findings) {
        const key = refText(f.workload ?? f.object) || f.file;
        const list = groups.get(key) ?? [];
        list.push(f);
        groups.set(key, list);
    }
    if (groups.size > 0) {
        out.push('### Findings by workload', '');
        let rows = 0;
        for (const [group, findings] of groups) {
            if (rows >= MAX_ROWS)
                break;
            out.push(`#### ${escapeCell(group)}`, '', '| | Rule | Where | Finding |', '|---|---|---|---|');
            for (const f of findings) {
                if (rows++ >= MAX_ROWS)
                    break;
                out.push(`| ${ICON[f.severity]} | \`${f.ruleId}\` | \`${escapeCell(f.file)}:${f.line}\` | ${escapeCell(f.message)} |`);
            }
            out.push('');
        }
        if (report.findings.length > MAX_ROWS)
            out.push(`…and ${report.findings.length - MAX_ROWS} more findings (see the SARIF file or \`--format json\`).`, '');
    }
    if (s.unchecked.length > 0) {
        out.push(`<details><summary>${s.unchecked.length} workload${s.unchecked.length === 1 ? '' : 's'} not checked: no Service among the inputs selects ${s.unchecked.length === 1 ? 'it' : 'them'}</summary>`, '', ...s.unchecked.slice(0, 100).map((r) => `- ${refText(r)}`), '', '</details>', '');
    }
    if (links.sarifFile)
        out.push(`SARIF: \`${links.sarifFile}\` (upload it with github/codeql-action/upload-sarif for code scanning).`, '');
    return out.join('\n');
}
function escapeCell(s) {
    return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/report/validate/text.ts
/** Human output for terminals: findings grouped by file, then the totals. */

function formatText(report) {
    const lines = [];
    const byFile = new Map();
    for (const f of [...report.findings].sort(core_findings/* byPlace */.hz)) {
        const list = byFile.get(f.file) ?? [];
        list.push(f);
        byFile.set(f.file, list);
    }
    for (const [file, findings] of byFile) {
        lines.push(file);
        for (const f of findings)
            lines.push(`  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.message}  [${f.ruleId}]`);
        lines.push('');
    }
    for (const p of report.problems) {
        const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
        lines.push(`${p.severity === 'error' ? 'input error' : p.severity}: ${where}${p.message}`);
    }
    if (report.problems.length > 0)
        lines.push('');
    const s = report.summary;
    if (s.unchecked.length > 0) {
        const names = s.unchecked
            .slice(0, 5)
            .map((r) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`)
            .join(', ');
        lines.push(`Not checked (no Service among the inputs selects them): ${names}${s.unchecked.length > 5 ? ` and ${s.unchecked.length - 5} more` : ''}.`);
    }
    const total = s.errors + s.warnings + s.notices;
    lines.push(`${total === 0 ? 'No findings' : `${total} finding${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'})`}` +
        ` in ${s.objects} object${s.objects === 1 ? '' : 's'} from ${s.files} file${s.files === 1 ? '' : 's'}; ${s.workloadsChecked} served workload${s.workloadsChecked === 1 ? '' : 's'} checked` +
        `${s.suppressed ? `; ${s.suppressed} suppressed` : ''}.`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/modes/validate.ts
/**
 * validate: read the rendered manifests, check them, report. The core (parse, graph, rules) is
 * pure; this module wires it to files, the config file and the outputs of the action or the CLI.
 */













/** Checks the manifests; never throws for bad input (that is a problem in the report, exit code 2). */
async function check(settings, cwd, displayRoot, stdin) {
    const problems = [];
    const cfg = await readConfigFile(settings.configFile, cwd);
    let config = EMPTY_CONFIG;
    if (cfg.problem)
        problems.push(cfg.problem);
    if (cfg.file) {
        const parsed = parseConfig(cfg.file.text, cfg.file.path, rules/* RULES */.y);
        config = parsed.config;
        problems.push(...parsed.problems);
    }
    const read = await readManifests(settings.manifests, { cwd, displayRoot, ...(stdin ? { stdin } : {}) });
    problems.push(...read.problems);
    const result = lint({ files: read.files.map(parse/* parseFile */.CJ), defaultNamespace: settings.namespace, config, rules: rules/* RULES */.y });
    problems.push(...result.problems);
    if (result.objectCount === 0 && result.findings.length === 0 && !problems.some((p) => p.severity === 'error')) {
        problems.push({
            severity: 'error',
            message: `No Kubernetes objects in ${read.files.length} file${read.files.length === 1 ? '' : 's'}: nothing was checked. Point \`manifests\` at rendered output (helm template, kustomize build).`,
        });
    }
    const counts = countBySeverity(result.findings);
    const inputError = problems.some((p) => p.severity === 'error');
    const failing = settings.failOn === 'never' ? 0 : settings.failOn === 'warning' ? counts.error + counts.warning : counts.error;
    return {
        findings: result.findings,
        problems,
        summary: {
            files: read.files.length,
            objects: result.objectCount,
            workloadsChecked: result.graph.servedWorkloads().length,
            errors: counts.error,
            warnings: counts.warning,
            notices: counts.notice,
            suppressed: result.suppressed,
            failOn: settings.failOn,
            failed: inputError || failing > 0,
            unchecked: result.unserved,
        },
    };
}
async function runValidate(settings, host, io) {
    const cwd = process.cwd();
    const displayRoot = host.env.GITHUB_WORKSPACE || cwd;
    const report = await check(settings, cwd, displayRoot, io?.stdin);
    const s = report.summary;
    const exitCode = report.problems.some((p) => p.severity === 'error') ? 2 : s.failed ? 1 : 0;
    const message = exitCode === 2
        ? inputErrorMessage(report)
        : exitCode === 1
            ? `${s.errors} error${s.errors === 1 ? '' : 's'} and ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (fail-on: ${s.failOn})`
            : undefined;
    if (host.kind === 'cli') {
        await writeCli(settings, report, io?.stdout ?? process.stdout);
    }
    else {
        await reportToGitHub(settings, report, host);
    }
    return message === undefined ? { exitCode } : { exitCode, message };
}
function inputErrorMessage(report) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    const first = errors[0]?.message ?? '';
    return errors.length === 1 ? `input error: ${first}` : `${errors.length} input errors; the first: ${first}`;
}
async function writeCli(settings, report, out) {
    if (settings.sarifFile)
        await writeFileEnsuringDir(settings.sarifFile, formatSarif(report, rules/* RULES */.y));
    switch (settings.format) {
        case 'json':
            out.write(formatJson(report));
            return;
        case 'sarif':
            out.write(formatSarif(report, rules/* RULES */.y));
            return;
        case 'github':
            await issueWorkflowCommands((0,annotations/* planAnnotations */.mc)(report.findings, report.problems));
            out.write(formatText({ ...report, findings: [], problems: [] }));
            return;
        default:
            out.write(formatText(report));
    }
}
async function reportToGitHub(settings, report, host) {
    const temp = host.env.RUNNER_TEMP || process.cwd();
    host.info(formatText(report).trimEnd());
    let plan;
    if (settings.annotations) {
        plan = (0,annotations/* planAnnotations */.mc)(report.findings, report.problems);
        for (const a of plan.annotations) {
            const props = annotationProps(a);
            if (a.severity === 'error')
                host.error(a.message, props);
            else if (a.severity === 'warning')
                host.warning(a.message, props);
            else
                host.notice(a.message, props);
        }
    }
    const sarifFile = settings.sarifFile || external_node_path_default().join(temp, 'zd-gate.sarif');
    const findingsFile = external_node_path_default().join(temp, 'zd-gate-findings.json');
    await writeFileEnsuringDir(sarifFile, formatSarif(report, rules/* RULES */.y));
    await writeFileEnsuringDir(findingsFile, formatJson(report));
    host.setOutput('errors', report.summary.errors);
    host.setOutput('warnings', report.summary.warnings);
    host.setOutput('findings-file', findingsFile);
    host.setOutput('sarif-file', sarifFile);
    let checkRunUrl;
    if (settings.githubToken) {
        const { publishCheckRun, upsertPrComment } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(401)]).then(__webpack_require__.bind(__webpack_require__, 2401));
        checkRunUrl = await publishCheckRun(settings.githubToken, settings.checkName, report, formatSummary(report, undefined, { sarifFile }), host);
        if (settings.prComment)
            await upsertPrComment(settings.githubToken, formatSummary(report, undefined, checkRunUrl ? { checkRunUrl } : {}), host);
    }
    else if (settings.prComment) {
        host.warning('pr-comment needs github-token; no comment written.');
    }
    await host.appendSummary(formatSummary(report, plan, { ...(checkRunUrl ? { checkRunUrl } : {}), sarifFile }));
}
/**
 * `--format github` (the CLI inside a workflow): the same annotation budget as the action, issued
 * through @actions/core, which owns the workflow-command escaping.
 */
async function issueWorkflowCommands(plan) {
    const core = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(421)]).then(__webpack_require__.bind(__webpack_require__, 6421));
    for (const a of plan.annotations) {
        const props = annotationProps(a);
        if (a.severity === 'error')
            core.error(a.message, props);
        else if (a.severity === 'warning')
            core.warning(a.message, props);
        else
            core.notice(a.message, props);
    }
    const omitted = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
    if (omitted > 0)
        core.notice(`${omitted} more findings are not annotated (GitHub shows 10 per severity in a step); use --format json or --sarif-file to see them all.`, { title: 'zd-gate' });
}
function annotationProps(a) {
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
async function writeFileEnsuringDir(file, content) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(external_node_path_default().resolve(file)), { recursive: true });
    await (0,promises_.writeFile)(file, content);
}


/***/ }),

/***/ 9127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ toAnnotation),
/* harmony export */   mc: () => (/* binding */ planAnnotations)
/* harmony export */ });
/* unused harmony export ANNOTATION_LIMIT */
/* harmony import */ var _core_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4637);
/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
 * silently. Spend that budget on the most severe findings first (then input problems, then file
 * order) and say how many were left out, so nothing disappears without a word.
 */

const ANNOTATION_LIMIT = { error: 10, warning: 10, notice: 10 };
function planAnnotations(findings, problems, limit = ANNOTATION_LIMIT) {
    const all = [
        ...problems
            .filter((p) => p.severity === 'error')
            .map((p) => ({
            severity: p.severity,
            message: p.message,
            title: 'zd-gate: input error',
            ...(p.file ? { file: p.file } : {}),
            ...(p.line ? { startLine: p.line } : {}),
        })),
        ...[...findings].sort(_core_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .bySeverityThenPlace */ .v_).map(toAnnotation),
        ...problems
            .filter((p) => p.severity !== 'error')
            .map((p) => ({
            severity: p.severity,
            message: p.message,
            title: 'zd-gate',
            ...(p.file ? { file: p.file } : {}),
            ...(p.line ? { startLine: p.line } : {}),
        })),
    ];
    const used = { error: 0, warning: 0, notice: 0 };
    const omitted = { error: 0, warning: 0, notice: 0 };
    const annotations = [];
    for (const a of all) {
        if (used[a.severity] < limit[a.severity]) {
            used[a.severity]++;
            annotations.push(a);
        }
        else {
            omitted[a.severity]++;
        }
    }
    return { annotations, omitted };
}
function toAnnotation(f) {
    const oneLine = f.endLine === f.line;
    return {
        severity: f.severity,
        message: f.message,
        title: `zd-gate: ${f.ruleId}`,
        file: f.file,
        startLine: f.line,
        endLine: f.endLine,
        // GitHub uses columns only for single-line annotations.
        ...(oneLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
    };
}


/***/ })

};
