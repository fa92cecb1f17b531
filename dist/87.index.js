export const id = 87;
export const ids = [87];
export const modules = {

/***/ 4869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ field),
/* harmony export */   o: () => (/* binding */ toObjects)
/* harmony export */ });
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1085);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5856);
/**
 * Documents → Kubernetes objects. Expands `kind: List`, gives namespaced objects without a
 * namespace the default one, and sets aside what is not a Kubernetes object (with a note saying
 * where) or still a template (with an issue).
 */


/** Kinds that live outside namespaces among those zd-gate reads (and the common others). */
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'IngressClass',
    'IngressClassParams',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'Node',
    'APIService',
]);
/**
 * Kinds whose string values zd-gate reads, and so checks for leftover template syntax even when
 * the YAML happens to parse. ConfigMaps, Secrets and other kinds legitimately carry `{{ }}` as data.
 */
const TEMPLATE_CHECKED = new Set([
    'Deployment',
    'StatefulSet',
    'Rollout',
    'Service',
    'Ingress',
    'IngressClass',
    'IngressClassParams',
    'TargetGroupBinding',
    'PodDisruptionBudget',
    'HorizontalPodAutoscaler',
    'Namespace',
]);
function toObjects(docs, defaultNamespace) {
    const objects = [];
    const issues = [];
    const notes = [];
    for (const doc of docs) {
        const add = (value, base) => {
            if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
                notes.push({
                    file: doc.file.path,
                    line: doc.startLine,
                    message: `Not a Kubernetes object (no apiVersion and kind${base.length ? ` in ${base.join('.')}` : ''}); skipped.`,
                });
                return;
            }
            if (value.kind === 'List' || (value.kind.endsWith('List') && Array.isArray(value.items))) {
                const items = Array.isArray(value.items) ? value.items : [];
                items.forEach((item, i) => add(item, [...base, 'items', i]));
                return;
            }
            const kind = value.kind;
            if (TEMPLATE_CHECKED.has(kind) && !doc.json) {
                const hit = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .findTemplate */ ._4)(doc.text);
                if (hit) {
                    issues.push({
                        kind: 'template',
                        file: doc.file,
                        range: shift(hit.range, doc.startLine),
                        message: hit.message,
                    });
                    return;
                }
            }
            const metadata = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value.metadata) ? value.metadata : {};
            const name = typeof metadata.name === 'string'
                ? metadata.name
                : typeof metadata.generateName === 'string'
                    ? `${metadata.generateName}*`
                    : '';
            const declared = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
            objects.push({
                apiVersion: value.apiVersion,
                kind,
                name,
                namespace: CLUSTER_SCOPED.has(kind) ? undefined : (declared ?? defaultNamespace),
                labels: stringMap(metadata.labels),
                annotations: stringMap(metadata.annotations),
                raw: value,
                doc,
                base,
            });
        };
        add(doc.value, []);
    }
    return { objects, issues, notes };
}
function shift(r, startLine) {
    return { ...r, line: r.line + startLine - 1, endLine: r.endLine + startLine - 1 };
}
/** Labels and annotations as strings, the way the API server would coerce scalar values. */
function stringMap(v) {
    if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(v))
        return {};
    const out = {};
    for (const [k, val] of Object.entries(v)) {
        if (typeof val === 'string')
            out[k] = val;
        else if (typeof val === 'number' || typeof val === 'boolean')
            out[k] = String(val);
    }
    return out;
}
/** The value at `path` below the object's own root. */
function field(o, path) {
    return (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .get */ .Jt)(o.raw, path);
}


/***/ }),

/***/ 1085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _4: () => (/* binding */ findTemplate),
  CJ: () => (/* binding */ parseFile)
});

// UNUSED EXPORTS: MAX_ALIAS_COUNT, lineColAt

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/manifest/split.ts
const START = /^---(?:[ \t]|$)/;
const END = /^\.\.\.(?:[ \t]|$)/;
const FILLER = /^(?:[ \t]*(?:#.*)?|%.*|---[ \t]*(?:#.*)?)$/; // blank, comment, directive, or a bare marker
function splitDocuments(text) {
    const lines = text.split('\n');
    const out = [];
    let buf = [];
    let start = 1;
    const hasContent = () => buf.some((l) => !FILLER.test(l.replace(/\r$/, '')));
    const emit = () => {
        if (hasContent())
            out.push({ text: buf.join('\n'), startLine: start });
        buf = [];
    };
    lines.forEach((line, i) => {
        if (START.test(line)) {
            if (hasContent())
                emit();
            // Directives written before `---` belong to the document it opens; other filler is dropped.
            if (!buf.some((l) => l.startsWith('%'))) {
                buf = [];
                start = i + 1;
            }
            buf.push(line);
        }
        else if (END.test(line)) {
            emit();
            start = i + 2;
        }
        else {
            if (buf.length === 0)
                start = i + 1;
            buf.push(line);
        }
    });
    emit();
    return out;
}

;// CONCATENATED MODULE: ./src/core/manifest/parse.ts
/**
 * Text → documents. Values come from js-yaml (fast: the hot path for 10,000-object repos); exact
 * positions come later, lazily, from the `yaml` package (see locate.ts) for the documents that have
 * findings. Documents with anchors or aliases, and documents js-yaml rejects, take the `yaml` path
 * here too: it bounds alias expansion (alias bombs) and gives the precise error position.
 */



/** Alias expansions allowed per document (the `yaml` package's own default guard). */
const MAX_ALIAS_COUNT = 100;
// YAML 1.2 core scalars (no timestamps or binary) plus merge keys, which Kubernetes' YAML accepts.
const SCHEMA = js_yaml/* CORE_SCHEMA */.OU.extend([js_yaml/* types */.gK.merge]);
/** `&anchor` or `*alias` outside quotes and comments is what sends a document down the careful path. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,[\]{}]/m;
function parseFile(file) {
    const nul = file.text.indexOf('\u0000');
    if (nul >= 0) {
        const { line, column } = lineColAt(file.text, nul);
        return {
            file,
            docs: [],
            issues: [
                {
                    kind: 'not-text',
                    file,
                    range: { line, column, endLine: line, endColumn: column },
                    message: 'This file is binary (it contains NUL bytes), not a YAML or JSON manifest.',
                },
            ],
        };
    }
    if (looksLikeJson(file)) {
        try {
            return {
                file,
                docs: [{ file, index: 0, text: file.text, startLine: 1, value: JSON.parse(file.text), json: true }],
                issues: [],
            };
        }
        catch (e) {
            // JSON is YAML: let the YAML path find the error position and message. But a `.json` file is
            // meant as JSON, and kubectl decodes it as JSON: where YAML's flow syntax forgives the mistake
            // (a trailing comma, an unquoted word), JSON's own error stands.
            if (/\.json$/i.test(file.path)) {
                const asYaml = parseYamlStream(file);
                return asYaml.issues.length > 0 ? asYaml : { file, docs: [], issues: [jsonIssue(file, e)] };
            }
        }
    }
    return parseYamlStream(file);
}
function jsonIssue(file, e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(message);
    const { line, column } = at ? lineColAt(file.text, Number(at[1])) : { line: 1, column: 1 };
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    return {
        kind: 'syntax',
        file,
        range: { line, column, endLine: line, endColumn: column },
        message: `Not valid JSON: ${reason}.`,
    };
}
function parseYamlStream(file) {
    const docs = [];
    const issues = [];
    splitDocuments(file.text).forEach((piece, index) => {
        const result = parseOne(piece.text);
        const shift = (r) => ({
            ...r,
            line: r.line + piece.startLine - 1,
            endLine: r.endLine + piece.startLine - 1,
        });
        const template = findTemplate(piece.text);
        if ('error' in result) {
            // A document that does not parse and holds `{{ }}` is an unrendered template, not a typo.
            if (template)
                issues.push({ kind: 'template', file, range: shift(template.range), message: template.message });
            else
                issues.push({ kind: 'syntax', file, range: shift(result.range), message: result.error });
            return;
        }
        if (result.value === null || result.value === undefined)
            return;
        docs.push({ file, index, text: piece.text, startLine: piece.startLine, value: result.value, json: false });
    });
    return { file, docs, issues };
}
function parseOne(text) {
    if (!ANCHOR_OR_ALIAS.test(text)) {
        try {
            return { value: (0,js_yaml/* load */.Hh)(text, { schema: SCHEMA }) };
        }
        catch (e) {
            const careful = parseCarefully(text);
            if ('error' in careful)
                return careful;
            // The two parsers disagree: trust the strict one that failed, at its own position.
            const mark = e instanceof js_yaml/* YAMLException */.tB ? e.mark : undefined;
            const line = (mark?.line ?? 0) + 1;
            const column = (mark?.column ?? 0) + 1;
            return {
                error: e instanceof js_yaml/* YAMLException */.tB ? e.reason : String(e),
                range: { line, column, endLine: line, endColumn: column },
            };
        }
    }
    return parseCarefully(text);
}
/** The `yaml` package: precise errors, duplicate keys rejected, alias expansion bounded. */
function parseCarefully(text) {
    const lineCounter = new dist/* LineCounter */.HN();
    try {
        const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
        const first = doc.errors[0];
        if (first)
            return { error: cleanMessage(first), range: rangeOf(lineCounter, first.pos) };
        return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    }
    catch (e) {
        if (e instanceof dist/* YAMLError */.IP)
            return { error: cleanMessage(e), range: rangeOf(lineCounter, e.pos) };
        // toJS throws a ReferenceError for alias bombs; the stack overflows on absurd nesting.
        const message = e instanceof ReferenceError && /alias/i.test(e.message)
            ? `Too many alias expansions (over ${MAX_ALIAS_COUNT}): this looks like an alias bomb; expand the aliases or split the document.`
            : e instanceof RangeError
                ? 'The document nests too deeply to be read.'
                : `Could not read the document: ${e.message}`;
        const at = text.search(/(?:^|[\s[{,])\*[^\s,[\]{}]/m);
        const { line, column } = lineColAt(text, Math.max(0, at));
        return { error: message, range: { line, column, endLine: line, endColumn: column } };
    }
}
function cleanMessage(e) {
    // Drop the code-frame the library may append; annotations show the line themselves.
    return e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
}
function rangeOf(lc, pos) {
    const [start, end] = pos ?? [0, 0];
    const a = lc.linePos(start);
    const b = lc.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}
function looksLikeJson(file) {
    return (/\.json$/i.test(file.path) || (/^\s*[{[]/.test(file.text.slice(0, 64)) && /[}\]]\s*$/.test(file.text.slice(-64))));
}
function lineColAt(text, offset) {
    let line = 1;
    let last = -1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        last = i;
    }
    return { line, column: offset - last };
}
/** Helm and Go template markers: `.Values`, trim dashes, control words, pipelines into template functions. */
const HELMISH = /\{\{-|-\}\}|\{\{\s*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$\.|(?:if|else|end|range|with|define|include|template|toYaml|tpl|printf|quote|default|required|lookup|fail)\b)/;
/** Template syntax where YAML expects structure: a line, a value or a list item that starts with `{{`. */
const STRUCTURAL = /^\s*(?:-\s+)?\{\{|:\s+\{\{/;
/**
 * Finds `{{ ... }}` that is template source rather than data: Helm's own syntax anywhere, or any
 * template where YAML structure belongs. Quoted strings such as Argo's `"{{inputs.parameters.x}}"`
 * are data and pass.
 */
function findTemplate(text) {
    if (!text.includes('{{'))
        return undefined;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const at = line.indexOf('{{');
        if (at < 0 || /^\s*#/.test(line))
            continue;
        if (!HELMISH.test(line) && !STRUCTURAL.test(line))
            continue;
        const end = line.indexOf('}}', at);
        const snippet = line.slice(at, end >= 0 ? end + 2 : undefined).trim();
        return {
            range: { line: i + 1, column: at + 1, endLine: i + 1, endColumn: end >= 0 ? end + 3 : line.length + 1 },
            message: `This document still holds template syntax \`${snippet.length > 60 ? `${snippet.slice(0, 57)}...` : snippet}\`: it is a chart or template source, not a rendered manifest. Render it first (\`helm template\`, \`kustomize build\`) and validate the output.`,
        };
    }
    return undefined;
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

/***/ 9760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ RULES)
});

// UNUSED EXPORTS: ruleById

// EXTERNAL MODULE: ./src/core/manifest/types.ts
var types = __webpack_require__(5856);
;// CONCATENATED MODULE: ./src/core/rules/rule.ts
/** Identity function that keeps the parameter types of a rule precise. */
function defineRule(rule) {
    return rule;
}

// EXTERNAL MODULE: ./src/core/manifest/objects.ts
var objects = __webpack_require__(4869);
;// CONCATENATED MODULE: ./src/core/rules/shared.ts


/** Each serving container once, however many Services or ports reach it. */
function servingContainers(graph, w) {
    const out = [];
    for (const s of graph.servingContainers(w))
        if (!out.includes(s.container))
            out.push(s.container);
    return out;
}
/** terminationGracePeriodSeconds, 30 when unset (the API server's default). */
function gracePeriod(w) {
    const v = (0,objects/* field */.Z)(w.object, [...w.podSpecPath, 'terminationGracePeriodSeconds']);
    return typeof v === 'number' ? { seconds: v, explicit: true } : { seconds: 30, explicit: false };
}
function who(w, c) {
    return `${(0,types/* describeObject */.v8)(w.object)}${c ? `, container \`${c.name}\`` : ''}`;
}
function seconds(n) {
    return Number.isFinite(n) ? `${Number.isInteger(n) ? n : n.toFixed(1)}s` : 'forever';
}
/** prestop-duration's defaults: ALB ip 15 s, ALB instance 45 s (kube-proxy adds up to 30 s), NLB 60 s. */
const DEFAULT_THRESHOLDS = { albIp: 15, albInstance: 45, nlb: 60 };
/**
 * The least preStop delay for the load balancers in front of a workload: the largest of their
 * thresholds; with none among the inputs, the ALB ip one.
 */
function deregistrationThreshold(graph, w, t) {
    const of = (e) => {
        if (e.lb === 'nlb')
            return { seconds: t.nlb, what: 'an NLB' };
        // A TargetGroupBinding without targetType takes the target group's, which the inputs do not
        // show: assume the lesser threshold rather than warn on a guess.
        if (e.targetType.value === undefined && !e.targetType.explicit)
            return { seconds: t.albIp, what: 'a target group whose target type is not among the inputs (ip assumed)' };
        if (e.targetType.value === 'ip')
            return { seconds: t.albIp, what: e.lb === 'alb' ? 'an ALB with ip targets' : 'a load balancer with ip targets' };
        // An invalid target type is taken as instance, the controller's default.
        return {
            seconds: t.albInstance,
            what: e.lb === 'alb' ? 'an ALB with instance targets' : 'a load balancer with instance targets',
        };
    };
    const exposures = graph.exposuresOf(w);
    if (exposures.length === 0)
        return { seconds: t.albIp, what: 'an ALB with ip targets (no load balancer among the inputs)' };
    return exposures.map(of).reduce((a, b) => (b.seconds > a.seconds ? b : a));
}
/**
 * Who sends the workload its traffic, for messages: "the load balancer" when one among the inputs
 * fronts it, else its Service (a load balancer may still front it from manifests not given).
 */
function front(graph, w) {
    if (graph.exposuresOf(w).length > 0)
        return 'the load balancer';
    const svc = graph.servicesOf(w)[0];
    return svc ? `Service ${svc.name} (and any load balancer in front of it)` : 'the load balancer';
}
/**
 * An IntOrString field as a manifest writes it, ready for the deployment controller's arithmetic
 * (core/rollout/fenceposts.ts): a whole number (a quoted one read as the number) or a percentage;
 * undefined for anything the API server would reject, so a rule skips it rather than guess.
 */
function intOrString(v) {
    if (typeof v === 'number')
        return Number.isInteger(v) && v >= 0 ? v : undefined;
    if (typeof v !== 'string')
        return undefined;
    const t = v.trim();
    if (/^\d+$/.test(t))
        return Number(t);
    return /^\d+%$/.test(t) ? t : undefined;
}

;// CONCATENATED MODULE: ./src/core/rules/deregistration-delay.ts



/* harmony default export */ const deregistration_delay = (defineRule({
    meta: {
        id: 'deregistration-delay',
        severity: 'warning',
        summary: "The target group's deregistration delay outlasts the pod's grace period.",
        rationale: 'When a target is deregistered the load balancer stops sending it new requests and waits up to the deregistration delay for in-flight ones; then it closes the connections. A pod may take up to terminationGracePeriodSeconds to finish its requests after deletion. If the delay is shorter, the load balancer cuts connections the pod is still draining and the client sees a 5xx (seed 004: "if a deregistering target terminates the connection before the deregistration delay elapses, the client receives a 500-level error"; seed 002: preStop + shutdown < terminationGracePeriodSeconds < deregistration delay). AWS\'s default is 300 s; the controller sets none.',
        fix: 'Set `deregistration_delay.timeout_seconds` in the `target-group-attributes` annotation to at least terminationGracePeriodSeconds, or shorten the grace period.',
        scope: 'Services exposed through the controller (alb Ingress or NLB Service) and the workloads they select. TargetGroupBindings are skipped: their target group is configured elsewhere.',
        params: {},
        examples: {
            incorrect: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30\n# pods: terminationGracePeriodSeconds: 60',
            correct: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=70\n# pods: terminationGracePeriodSeconds: 60',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            const grace = gracePeriod(w);
            for (const e of ctx.graph.exposuresOf(w)) {
                const d = e.deregistrationDelay;
                if (!d || d.value >= grace.seconds)
                    continue;
                ctx.report({
                    object: d.source.object,
                    path: d.source.path,
                    subject: w.object,
                    message: `deregistration_delay.timeout_seconds is ${d.value}${d.explicit ? '' : ' (AWS default)'} for the target group of ${e.via === e.service ? (0,types/* describeObject */.v8)(e.via) : `${(0,types/* describeObject */.v8)(e.via)} → Service ${e.service.name}`}, but ${who(w)} pods may take ${grace.seconds}s (terminationGracePeriodSeconds${grace.explicit ? '' : ', the default'}) to finish in-flight requests: the load balancer closes connections they are still draining. Set deregistration_delay.timeout_seconds=${grace.seconds} or more in the ${attributesKey(e)} annotation, or shorten terminationGracePeriodSeconds.`,
                });
            }
        }
    },
}));
/** The annotation that sets the target group's attributes: the one already in use, else the one to add. */
function attributesKey(e) {
    const source = e.deregistrationDelay?.source;
    const last = source?.path[source.path.length - 1];
    if (typeof last === 'string' && last.endsWith('target-group-attributes'))
        return last;
    return e.lb === 'nlb'
        ? 'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'
        : 'alb.ingress.kubernetes.io/target-group-attributes';
}

;// CONCATENATED MODULE: ./src/core/pod/probes.ts
/** Probe handlers compared the way the kubelet would run them. */

function probeOf(c, kind) {
    const p = c.raw[kind];
    return (0,types/* isObject */.Gv)(p) ? p : undefined;
}
/** A named port resolved to its number in this container, so `port: http` equals `port: 8080`. */
function portNumber(c, port) {
    if (typeof port === 'string')
        return c.ports.find((p) => p.name === port)?.containerPort ?? port;
    return port;
}
/** The action a probe performs, without its timing: two probes with the same handler fail together. */
function handlerKey(c, probe) {
    if ((0,types/* isObject */.Gv)(probe.httpGet)) {
        const h = probe.httpGet;
        return JSON.stringify([
            'http',
            String(h.scheme ?? 'HTTP').toUpperCase(),
            h.host ?? '',
            portNumber(c, h.port),
            h.path ?? '/',
        ]);
    }
    if ((0,types/* isObject */.Gv)(probe.tcpSocket))
        return JSON.stringify(['tcp', probe.tcpSocket.host ?? '', portNumber(c, probe.tcpSocket.port)]);
    if ((0,types/* isObject */.Gv)(probe.grpc))
        return JSON.stringify(['grpc', probe.grpc.port, probe.grpc.service ?? '']);
    if ((0,types/* isObject */.Gv)(probe.exec) && Array.isArray(probe.exec.command))
        return JSON.stringify(['exec', ...probe.exec.command.map(String)]);
    return undefined;
}
/** The HTTP path a probe checks, or undefined when it is not an HTTP probe. */
function httpPath(probe) {
    if (!probe || !(0,types/* isObject */.Gv)(probe.httpGet))
        return undefined;
    return typeof probe.httpGet.path === 'string' && probe.httpGet.path !== '' ? probe.httpGet.path : '/';
}
const TIMING_DEFAULTS = {
    initialDelaySeconds: 0,
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
};
/** Handler plus timing with the API defaults filled in: equal keys mean the probes fail together. */
function probeKey(c, probe) {
    const handler = handlerKey(c, probe);
    if (handler === undefined)
        return undefined;
    const timing = Object.entries(TIMING_DEFAULTS).map(([k, d]) => (typeof probe[k] === 'number' ? probe[k] : d));
    return JSON.stringify([handler, ...timing]);
}

;// CONCATENATED MODULE: ./src/core/rules/healthcheck-path.ts




/* harmony default export */ const healthcheck_path = (defineRule({
    meta: {
        id: 'healthcheck-path',
        severity: 'warning',
        summary: "The load balancer's health-check path matches the readiness probe's.",
        rationale: "The target group decides with its own health check when a pod gets traffic; Kubernetes decides with the readiness probe. When they check different paths they disagree: the default `/` may answer 200 while the application is not ready (or 404 while it is), so the load balancer sends traffic to pods Kubernetes holds back, or marks healthy pods unhealthy (`Target.ResponseCodeMismatch`) and the readiness gate never opens. The controller's default ALB health-check path is `/`.",
        fix: 'Set `alb.ingress.kubernetes.io/healthcheck-path` (ALB) or `service.beta.kubernetes.io/aws-load-balancer-healthcheck-path` (NLB with an HTTP health check) to the readiness probe path.',
        scope: 'Load balancers with HTTP(S) health checks in front of serving containers whose readiness probe is httpGet.',
        params: {},
        examples: {
            incorrect: 'metadata:\n  annotations: {}      # ALB checks "/"\n...\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}',
            correct: 'metadata:\n  annotations:\n    alb.ingress.kubernetes.io/healthcheck-path: /healthz\n...\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            for (const e of ctx.graph.exposuresOf(w)) {
                const hc = e.healthCheckPath;
                if (!hc)
                    continue;
                for (const s of ctx.graph.servingContainers(w)) {
                    if (s.service !== e.service || (e.servicePortIndex !== undefined && s.port.index !== e.servicePortIndex))
                        continue;
                    const probePath = httpPath(probeOf(s.container, 'readinessProbe'));
                    if (probePath === undefined || probePath === hc.value)
                        continue;
                    const key = e.lb === 'nlb'
                        ? 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path'
                        : 'alb.ingress.kubernetes.io/healthcheck-path';
                    ctx.report({
                        object: hc.source.object,
                        path: hc.source.path,
                        subject: w.object,
                        container: s.container.name,
                        message: `The health check of ${e.via === e.service ? (0,types/* describeObject */.v8)(e.via) : `${(0,types/* describeObject */.v8)(e.via)} → Service ${e.service.name}`} requests \`${hc.value}\`${hc.explicit ? '' : ' (the default)'}, but ${who(w, s.container)} is ready by \`${probePath}\`: the load balancer and Kubernetes judge the pod by different endpoints. Set ${key}: ${probePath}.`,
                    });
                }
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/liveness-probe.ts



/* harmony default export */ const liveness_probe = (defineRule({
    meta: {
        id: 'liveness-probe',
        severity: 'warning',
        summary: 'Serving containers have a liveness probe, and it is not a copy of the readiness probe.',
        rationale: 'A liveness probe restarts a container that hangs; without one a stuck process stays registered until someone notices. But a liveness probe identical to the readiness probe fails at the same moment: a pod that is only briefly overloaded is restarted instead of being taken out of the target group, and under load the restarts cascade across replicas. Readiness should check "can I take traffic now", liveness "am I beyond recovery".',
        fix: 'Give the container a liveness probe on a cheaper endpoint (or with a higher failureThreshold) than its readiness probe.',
        scope: 'Serving containers of workloads a Service selects.',
        params: {},
        variants: [
            { severity: 'warning', when: 'the liveness probe is identical to the readiness probe (same check, same timing)' },
            { severity: 'notice', when: 'the container has no liveness probe' },
        ],
        examples: {
            incorrect: 'readinessProbe:\n  httpGet: {path: /healthz, port: http}\nlivenessProbe:\n  httpGet: {path: /healthz, port: http}',
            correct: 'readinessProbe:\n  httpGet: {path: /ready, port: http}\nlivenessProbe:\n  httpGet: {path: /livez, port: http}\n  failureThreshold: 6',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            for (const c of servingContainers(ctx.graph, w)) {
                const live = probeOf(c, 'livenessProbe');
                const ready = probeOf(c, 'readinessProbe');
                if (!live) {
                    ctx.report({
                        object: w.object,
                        path: [...c.path, 'livenessProbe'],
                        container: c.name,
                        severity: 'notice',
                        message: `${who(w, c)} has no livenessProbe: a hung process keeps receiving traffic from ${front(ctx.graph, w)} until it is restarted by hand. Consider a liveness probe that differs from the readiness probe.`,
                    });
                    continue;
                }
                if (!ready)
                    continue;
                const a = probeKey(c, live);
                if (a === undefined || a !== probeKey(c, ready))
                    continue;
                ctx.report({
                    object: w.object,
                    path: [...c.path, 'livenessProbe'],
                    container: c.name,
                    severity: 'warning',
                    message: `${who(w, c)}: the livenessProbe is identical to the readinessProbe (same check and timing), so a briefly overloaded pod is restarted instead of just leaving the target group, and restarts can cascade under load. Point liveness at a cheaper endpoint or give it a higher failureThreshold.`,
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/min-replicas.ts




/* harmony default export */ const min_replicas = (defineRule({
    meta: {
        id: 'min-replicas',
        severity: 'warning',
        summary: 'Served workloads run at least two replicas.',
        rationale: 'With a single replica every rollout, eviction or crash leaves the target group with one target in `initial` or `draining` and none healthy, however well the rest is configured (seed 002: "with few replicas ... at some moment no pod may receive traffic"). When an HPA targets the workload, its minReplicas is the floor that counts; an unset `replicas` means 1.',
        fix: 'Set `spec.replicas` (or the HPA `minReplicas`) to at least `minimum`.',
        scope: 'Workloads a Service selects.',
        params: {
            minimum: { type: 'integer', default: 2, minimum: 1, description: 'Fewest replicas a served workload may run.' },
        },
        examples: { incorrect: 'spec:\n  replicas: 1', correct: 'spec:\n  replicas: 3' },
    },
    check(ctx) {
        const min = ctx.params.minimum;
        for (const w of ctx.graph.servedWorkloads()) {
            const r = ctx.graph.minReplicas(w);
            if (r.value >= min)
                continue;
            const viaHpa = r.object !== w.object;
            const explicit = (0,objects/* field */.Z)(r.object, r.path) !== undefined;
            const n = `${r.value} replica${r.value === 1 ? '' : 's'}`;
            const risk = r.value <= 1
                ? `any rollout or eviction leaves ${front(ctx.graph, w)} without a ready pod`
                : `fewer than the minimum of ${min}: a rollout or an eviction leaves few healthy targets to carry the load`;
            ctx.report({
                object: r.object,
                path: r.path,
                subject: w.object,
                message: viaHpa
                    ? `${(0,types/* describeObject */.v8)(r.object)} lets ${(0,types/* describeObject */.v8)(w.object)} scale down to ${n} (minReplicas${explicit ? '' : ' unset, the default'}): ${risk}. Set minReplicas to at least ${min}.`
                    : `${(0,types/* describeObject */.v8)(w.object)} runs ${n}${explicit ? '' : ' (replicas unset)'}: ${risk}. Set replicas to at least ${min}.`,
            });
        }
    },
}));

// EXTERNAL MODULE: ./src/core/rollout/fenceposts.ts
var fenceposts = __webpack_require__(2421);
;// CONCATENATED MODULE: ./src/core/rules/pdb-blocks-drain.ts





/* harmony default export */ const pdb_blocks_drain = (defineRule({
    meta: {
        id: 'pdb-blocks-drain',
        severity: 'warning',
        summary: 'A PodDisruptionBudget still allows one voluntary eviction.',
        rationale: 'A budget that allows no eviction (maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replica count) makes `kubectl drain` and node upgrades hang on these pods until someone deletes the budget by hand, usually in a hurry, which is when outages happen (seed 004: "you are requiring zero voluntary evictions ... you cannot successfully drain a Node"). With an HPA, the replica count that matters is minReplicas.',
        fix: 'Use `maxUnavailable: 1` (or a percentage that allows at least one), or a `minAvailable` below the replica count.',
        scope: 'Every PodDisruptionBudget; replica counts come from the workloads it selects (HPA minReplicas when one targets them).',
        params: {},
        examples: {
            incorrect: 'spec:\n  minAvailable: 3   # Deployment has replicas: 3\n  selector: {matchLabels: {app: web}}',
            correct: 'spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}',
        },
    },
    check(ctx) {
        for (const pdb of ctx.graph.pdbs()) {
            const o = pdb.object;
            const minAvailable = (0,objects/* field */.Z)(o, ['spec', 'minAvailable']);
            const maxUnavailable = (0,objects/* field */.Z)(o, ['spec', 'maxUnavailable']);
            const workloads = ctx.graph.workloadsOfPdb(pdb);
            const block = (path, why, fix) => ctx.report({
                object: o,
                path,
                ...(workloads[0] ? { subject: workloads[0].object } : {}),
                message: `${(0,types/* describeObject */.v8)(o)} allows no voluntary eviction: ${why}, so node drains and upgrades block on these pods. ${fix}`,
            });
            if (maxUnavailable !== undefined) {
                // A maxUnavailable percentage rounds up, so only 0 (or 0%) blocks every eviction.
                if (maxUnavailable === 0 || maxUnavailable === '0' || maxUnavailable === '0%') {
                    block(['spec', 'maxUnavailable'], `maxUnavailable: ${String(maxUnavailable)}`, 'Use maxUnavailable: 1 (or a percentage above 0%).');
                }
                continue;
            }
            if (minAvailable === '100%') {
                block(['spec', 'minAvailable'], 'minAvailable: 100%', 'Use maxUnavailable: 1, or a minAvailable percentage that leaves one pod to evict.');
                continue;
            }
            if (minAvailable === undefined || workloads.length === 0)
                continue;
            // The disruption controller weighs minAvailable against every pod the budget selects (the
            // workloads' replicas summed, HPA minReplicas where an HPA scales them) and rounds a
            // percentage up (pkg/controller/disruption getExpectedPodCount).
            const counts = workloads.map((w) => ({ w, r: ctx.graph.minReplicas(w) }));
            const total = counts.reduce((n, c) => n + c.r.value, 0);
            const min = intOrString(minAvailable);
            const need = min === undefined ? undefined : (0,fenceposts/* scaledValue */.GA)(min, total, true);
            if (need === undefined || total === 0 || need < total)
                continue;
            const from = counts
                .map(({ w, r }) => `${(0,types/* describeObject */.v8)(w.object)} ${r.object === w.object ? 'replicas' : 'HPA minReplicas'}: ${r.value}`)
                .join(' + ');
            block(['spec', 'minAvailable'], `minAvailable ${String(minAvailable)} requires ${need} of the ${total} pod${total === 1 ? '' : 's'} it selects (${from}) to stay up`, total > 1
                ? `Use maxUnavailable: 1, or minAvailable: ${total - 1} at most.`
                : 'Use maxUnavailable: 1, and run at least 2 replicas.');
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/pod-disruption-budget.ts



/* harmony default export */ const pod_disruption_budget = (defineRule({
    meta: {
        id: 'pod-disruption-budget',
        severity: 'warning',
        summary: 'A PodDisruptionBudget covers the pods of every served workload.',
        rationale: 'Node drains (upgrades, Karpenter consolidation, spot interruptions handled by a drain) evict pods through the eviction API, which honours PodDisruptionBudgets. Without one, a drain can evict every replica behind the load balancer at once, and the target group is left with nothing healthy (seed 004: "Configure a Pod Disruption Budget").',
        fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count).',
        scope: 'Workloads a Service selects.',
        params: {},
        examples: {
            incorrect: '# Deployment web, no PodDisruptionBudget selects app=web',
            correct: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            if (ctx.graph.pdbsOf(w).length > 0)
                continue;
            ctx.report({
                object: w.object,
                path: ['metadata', 'name'],
                message: `No PodDisruptionBudget selects the pods of ${(0,types/* describeObject */.v8)(w.object)}: a node drain may evict every replica behind ${front(ctx.graph, w)} at once. Add one with maxUnavailable: 1 and a selector matching the pod labels.`,
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/pod/prestop.ts
/**
 * What a container's preStop hook does to termination: how long it delays SIGTERM, and whether it
 * needs a shell or a `sleep` binary in the image. Recognises the usual spellings:
 *   exec: ["sleep", "15"]                   exec: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]
 *   exec: ["busybox", "sleep", "15"]        sleep: { seconds: 15 }   (native, Kubernetes 1.29+)
 *   httpGet: { path: /drain, port: 8080 }   (delays for as long as the endpoint takes; unknown here)
 */

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const basename = (s) => s.slice(s.lastIndexOf('/') + 1);
function preStopOf(c) {
    const hook = (0,types/* isObject */.Gv)(c.raw.lifecycle) && (0,types/* isObject */.Gv)(c.raw.lifecycle.preStop) ? c.raw.lifecycle.preStop : undefined;
    const base = [...c.path, 'lifecycle', 'preStop'];
    if (!hook)
        return { kind: 'none' };
    if ((0,types/* isObject */.Gv)(hook.sleep) && typeof hook.sleep.seconds === 'number') {
        return { kind: 'sleep', seconds: hook.sleep.seconds, path: [...base, 'sleep', 'seconds'] };
    }
    if ((0,types/* isObject */.Gv)(hook.httpGet))
        return { kind: 'http', path: [...base, 'httpGet'] };
    if ((0,types/* isObject */.Gv)(hook.exec) && Array.isArray(hook.exec.command)) {
        const command = hook.exec.command.map(String);
        return { kind: 'exec', path: [...base, 'exec', 'command'], command, ...execDelay(command) };
    }
    return { kind: 'none' };
}
function execDelay(cmd) {
    let argv = cmd;
    if (argv[0] !== undefined && basename(argv[0]) === 'busybox')
        argv = argv.slice(1);
    const head = argv[0] === undefined ? '' : basename(argv[0]);
    if (head === 'sleep') {
        const s = sleepArgs(argv.slice(1));
        return { seconds: s, sleeps: argv.length > 1, needsShell: false, usesSleepBinary: true };
    }
    if (SHELLS.has(head)) {
        const { script } = shellScript(argv);
        let total;
        for (const m of script.matchAll(/(?:^|[;&|(){}\s`])sleep((?:\s+(?:[0-9]*\.?[0-9]+[smhd]?|infinity)(?=$|[\s;&|)}`]))+)/g)) {
            const s = sleepArgs(m[1].trim().split(/\s+/));
            if (s !== undefined)
                total = (total ?? 0) + s;
        }
        // A sleep whose argument we cannot read: a variable, a command substitution.
        const sleeps = total !== undefined || /(?:^|[;&|(){}\s`])sleep\s+\S/.test(script);
        // A sleep inside a loop (`while ...; do sleep 1; done`) waits for a condition, not for its sum.
        const loops = /(?:^|[;&|(){}\s`])(?:while|until|for)\s[\s\S]*?[;\s]do(?:\s|$)/.test(script);
        return { seconds: loops ? undefined : total, sleeps, needsShell: true, usesSleepBinary: sleeps };
    }
    return { seconds: undefined, sleeps: false, needsShell: false, usesSleepBinary: false };
}
/**
 * The script a shell runs: `sh -c SCRIPT` (also with combined flags, `bash -lc SCRIPT`), or the
 * words of `sh SCRIPT-FILE ARGS`. `ignored` are the words after a -c script: the shell makes them
 * $0, $1, ..., so `["sh", "-c", "sleep", "15"]` runs a bare `sleep` that fails at once.
 */
function shellScript(command) {
    let argv = command;
    if (argv[0] !== undefined && basename(argv[0]) === 'busybox')
        argv = argv.slice(1);
    const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    return c >= 0
        ? { script: argv[c + 1] ?? '', ignored: argv.slice(c + 2) }
        : { script: argv.slice(1).join(' '), ignored: [] };
}
const UNIT = { s: 1, m: 60, h: 3600, d: 86400 };
/** GNU sleep: each argument NUMBER[smhd], summed; `infinity` never returns. */
function sleepArgs(args) {
    let total = 0;
    let any = false;
    for (const a of args) {
        if (a === 'infinity')
            return Infinity;
        const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
        if (!m)
            break;
        total += Number(m[1]) * UNIT[m[2] || 's'];
        any = true;
    }
    return any ? total : undefined;
}
/** The preStop delay in seconds when it is known (sleep, exec with sleep); undefined otherwise. */
function knownDelay(p) {
    return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.seconds : undefined;
}

;// CONCATENATED MODULE: ./src/core/rules/prestop-binary.ts



/* harmony default export */ const prestop_binary = (defineRule({
    meta: {
        id: 'prestop-binary',
        severity: 'warning',
        summary: 'An exec preStop hook does not need a shell or `sleep` the image lacks.',
        rationale: 'Distroless and similar minimal images ship no shell and no `sleep`. An exec hook like `["sh", "-c", "sleep 15"]` then fails at once (the kubelet logs FailedPreStopHook), SIGTERM follows immediately, and the delay the hook was written for never happens: the pod stops while the load balancer still routes to it.',
        fix: 'Use the native sleep action, `lifecycle.preStop.sleep.seconds: N` (Kubernetes 1.30+, no binary needed), or an image variant with a shell (e.g. a `:debug` tag).',
        scope: 'Containers of workloads a Service selects whose image matches `shell-less-images` (tags containing `debug` or `dev` are assumed to have a shell).',
        params: {
            'shell-less-images': {
                type: 'string[]',
                default: ['gcr.io/distroless/**', '**/distroless/**', 'cgr.dev/chainguard/**', 'chainguard/**'],
                description: 'Image repository globs (`*` within a path segment, `**` across) of images without a shell or sleep binary.',
            },
        },
        examples: {
            incorrect: 'image: gcr.io/distroless/static-debian12\nlifecycle:\n  preStop:\n    exec: {command: ["/bin/sh", "-c", "sleep 15"]}',
            correct: 'image: gcr.io/distroless/static-debian12\nlifecycle:\n  preStop:\n    sleep: {seconds: 15}',
        },
    },
    check(ctx) {
        const patterns = ctx.params['shell-less-images'].map(globToRegExp);
        for (const w of ctx.graph.servedWorkloads()) {
            for (const c of w.containers) {
                const p = preStopOf(c);
                if (p.kind !== 'exec' || (!p.needsShell && !p.usesSleepBinary))
                    continue;
                const { repository, tag } = splitImage(c.image);
                if (/(^|[-_.])(debug|dev)($|[-_.])/.test(tag) || !patterns.some((re) => re.test(repository)))
                    continue;
                const needs = p.needsShell ? `a shell (\`${p.command[0] ?? ''}\`)` : 'a `sleep` binary';
                ctx.report({
                    object: w.object,
                    path: p.path,
                    container: c.name,
                    message: `${who(w, c)}: the preStop hook needs ${needs}, but ${c.image} is a minimal image without one, so the hook fails at once and the pod stops without delay.${p.seconds !== undefined && Number.isFinite(p.seconds) ? ` Use lifecycle.preStop.sleep.seconds: ${p.seconds} instead.` : ' Use the native lifecycle.preStop.sleep action instead.'}`,
                });
            }
        }
    },
}));
/** `registry/repo:tag@digest` → repository and tag (no tag → ''). */
function splitImage(image) {
    const noDigest = image.split('@')[0] ?? image;
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash
        ? { repository: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) }
        : { repository: noDigest, tag: '' };
}
// `*` matches within one path segment, `**` across segments; a leading `**/` may also match nothing.
function globToRegExp(glob) {
    let re = '';
    for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (glob.startsWith('**/', i)) {
            re += '(?:.*/)?';
            i += 2;
        }
        else if (glob.startsWith('**', i)) {
            re += '.*';
            i += 1;
        }
        else if (ch === '*') {
            re += '[^/]*';
        }
        else {
            re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${re}$`);
}

;// CONCATENATED MODULE: ./src/core/rules/prestop-duration.ts



/* harmony default export */ const prestop_duration = (defineRule({
    meta: {
        id: 'prestop-duration',
        severity: 'warning',
        summary: 'The preStop delay outlasts the expected deregistration propagation.',
        rationale: 'A preStop sleep only helps if it lasts until the load balancer has stopped sending new requests to the pod. The controller maintainers give the budget as *controller processing time + ELB API propagation time + HTTP request/response RTT + kube-proxy iptables update time* (M00nF1sh in aws-load-balancer-controller#1719, quoted in #2106). In ip mode the load balancer reaches pods directly, so kube-proxy drops out: about 15 s is the least that works in practice (seed 003 used 70 s; #1064 needed 25 s). In instance mode traffic crosses kube-proxy, whose iptables sync period is up to 30 s, on top. NLB deregistration is slower: users measure a minute to over two (#2366, #3270).',
        fix: 'Raise the preStop sleep to at least the threshold for the load balancer in front of the pod, and terminationGracePeriodSeconds with it.',
        scope: 'Serving containers with a readable preStop delay in workloads a Service selects. The threshold is the largest among the load balancers in front of the workload; with no load-balancer object among the inputs, the ALB ip threshold applies.',
        params: {
            'alb-ip-seconds': {
                type: 'integer',
                default: DEFAULT_THRESHOLDS.albIp,
                minimum: 0,
                description: 'Least preStop delay behind an ALB with ip targets.',
            },
            'alb-instance-seconds': {
                type: 'integer',
                default: DEFAULT_THRESHOLDS.albInstance,
                minimum: 0,
                description: 'Least preStop delay behind an ALB with instance targets (kube-proxy sync adds up to 30 s).',
            },
            'nlb-seconds': {
                type: 'integer',
                default: DEFAULT_THRESHOLDS.nlb,
                minimum: 0,
                description: 'Least preStop delay behind an NLB.',
            },
        },
        references: [
            {
                title: 'How can we find right value of sleep time for zero downtime rolling update? (aws-load-balancer-controller#2106)',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2106',
            },
            {
                title: 'Getting 502/504 with Pod Readiness Gates during rolling updates (aws-load-balancer-controller#1719)',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1719',
            },
            {
                title: 'pod termination might cause dropped connections (aws-load-balancer-controller#2366)',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2366',
            },
        ],
        examples: {
            incorrect: '# behind an NLB\nlifecycle:\n  preStop:\n    exec: {command: ["sleep", "10"]}',
            correct: '# behind an NLB\nterminationGracePeriodSeconds: 90\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      sleep: {seconds: 70}',
        },
    },
    check(ctx) {
        const p = ctx.params;
        const thresholds = { albIp: p['alb-ip-seconds'], albInstance: p['alb-instance-seconds'], nlb: p['nlb-seconds'] };
        for (const w of ctx.graph.servedWorkloads()) {
            const need = deregistrationThreshold(ctx.graph, w, thresholds);
            for (const c of servingContainers(ctx.graph, w)) {
                const hook = preStopOf(c);
                const delay = knownDelay(hook);
                if (delay === undefined || delay === 0 || delay >= need.seconds || hook.kind === 'none' || hook.kind === 'http')
                    continue;
                ctx.report({
                    object: w.object,
                    path: hook.path,
                    container: c.name,
                    message: `${who(w, c)}: the preStop hook waits ${seconds(delay)}, less than the ${need.seconds}s deregistration takes to propagate behind ${need.what}; the load balancer still sends requests after the container stops. Sleep at least ${need.seconds}s (and raise terminationGracePeriodSeconds to match).`,
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/prestop-hook.ts



/* harmony default export */ const prestop_hook = (defineRule({
    meta: {
        id: 'prestop-hook',
        severity: 'error',
        summary: 'Every serving container has a preStop hook that delays termination.',
        rationale: 'When a pod is deleted, the kubelet sends SIGTERM at the same moment the endpoint change starts its way to the load balancer controller, the ELB API and the load balancer nodes. A process that exits on SIGTERM is gone while the load balancer still sends it requests: 502s (seeds 000, 003, 004). A preStop hook runs before SIGTERM and keeps the pod serving until deregistration has propagated.',
        fix: 'Add `lifecycle.preStop.sleep.seconds` (Kubernetes 1.30+; no shell needed) or an exec `sleep` long enough for deregistration (see prestop-duration), and raise terminationGracePeriodSeconds to cover it.',
        scope: 'Serving containers of workloads a Service selects. Recognised delays: exec `sleep N` (also through `sh -c` or busybox), `httpGet`, and the native `sleep` action.',
        params: {},
        examples: {
            incorrect: 'lifecycle:\n  preStop:\n    exec:\n      command: ["nginx", "-s", "quit"]',
            correct: 'lifecycle:\n  preStop:\n    sleep:\n      seconds: 20',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            // What to suggest: prestop-duration's default threshold for the load balancer in front, and
            // a grace period that covers it with termination-grace's default 10 s to shut down.
            const need = deregistrationThreshold(ctx.graph, w, DEFAULT_THRESHOLDS);
            const grace = gracePeriod(w).seconds;
            const suggestion = `lifecycle.preStop.sleep.seconds: ${need.seconds}, about the time deregistration takes to propagate behind ${need.what}${grace < need.seconds + 10
                ? `; and raise terminationGracePeriodSeconds from ${grace} to at least ${need.seconds + 10}`
                : ''}`;
            for (const c of servingContainers(ctx.graph, w)) {
                const p = preStopOf(c);
                if (p.kind === 'none') {
                    ctx.report({
                        object: w.object,
                        path: [...c.path, 'lifecycle', 'preStop'],
                        container: c.name,
                        message: `${who(w, c)} has no preStop hook: on deletion it gets SIGTERM while ${front(ctx.graph, w)} still routes to it. Add ${suggestion}.`,
                    });
                }
                else if (p.kind === 'exec' && !p.sleeps) {
                    const ignored = p.needsShell ? shellScript(p.command).ignored : [];
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: ignored.length > 0
                            ? `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs only \`${shellScript(p.command).script}\`: the words after the -c script (${ignored.join(' ')}) become the shell's $0, $1, so termination is not delayed. Put the whole command in one string, e.g. ["sh", "-c", "${[shellScript(p.command).script, ...ignored].join(' ')}"], or use ${suggestion}.`
                            : `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs no visible sleep, so termination is not delayed until deregistration. Add \`sleep ${need.seconds}\` to the command, or use ${suggestion}. If the command itself waits, suppress this rule on the object with the zd-gate/ignore annotation.`,
                    });
                }
                else if ((p.kind === 'exec' || p.kind === 'sleep') && p.seconds === 0) {
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: `${who(w, c)}: the preStop hook sleeps 0s, which does not delay termination. Use ${suggestion}.`,
                    });
                }
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/readiness-gate.ts


const INJECT_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';
const CONDITION_PREFIX = 'target-health.elbv2.k8s.aws/';
/* harmony default export */ const readiness_gate = (defineRule({
    meta: {
        id: 'readiness-gate',
        severity: 'error',
        summary: "Pods behind ip targets get the controller's readiness gate (namespace label).",
        rationale: "Without a readiness gate a new pod is Ready as soon as its own probe passes, while its target is still `initial` in the target group; the deployment controller then deletes an old pod that is still the load balancer's only healthy target. With the namespace label `elbv2.k8s.aws/pod-readiness-gate-inject: enabled`, the controller's webhook adds a `target-health.elbv2.k8s.aws/<binding>` gate at pod creation and sets it True only when the target is healthy, so the rollout waits for the load balancer (seeds 002, 003, 004). It works only for ip targets, and only for pods created after the label and the Ingress/Service exist.",
        fix: 'Label the namespace: `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` (in its manifest, or `kubectl label namespace <ns> elbv2.k8s.aws/pod-readiness-gate-inject=enabled`), before the pods are created.',
        scope: 'Workloads behind a load balancer with ip targets. Not applicable to instance targets.',
        params: {},
        variants: [
            { severity: 'error', when: 'the Namespace object is among the inputs and lacks the label' },
            { severity: 'warning', when: 'the Namespace object is not among the inputs, so zd-gate cannot see its labels' },
        ],
        references: [
            {
                title: 'Pod readiness gate (AWS Load Balancer Controller docs)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/',
            },
        ],
        examples: {
            incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
            correct: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            const ns = w.object.namespace;
            const ip = ctx.graph.exposuresOf(w).find((e) => e.targetType.value === 'ip');
            if (ns === undefined || !ip || hasGateInTemplate(w))
                continue;
            const behind = `behind the ip targets of ${(0,types/* describeObject */.v8)(ip.via)}`;
            const nsObj = ctx.graph.namespace(ns);
            if (!nsObj) {
                ctx.report({
                    object: w.object,
                    path: ['metadata', 'namespace'],
                    severity: 'warning',
                    message: `${(0,types/* describeObject */.v8)(w.object)} sits ${behind}, but Namespace ${ns} is not among the inputs, so its \`${INJECT_LABEL}: enabled\` label cannot be checked. Without it, pods go Ready before their targets are healthy. Include the Namespace manifest, or make sure it is labelled before the pods are created.`,
                });
                continue;
            }
            const value = nsObj.labels[INJECT_LABEL];
            if (value === 'enabled')
                continue;
            // One finding per workload (on the Namespace's line), so each can be suppressed on its own.
            ctx.report({
                object: nsObj,
                path: ['metadata', 'labels', INJECT_LABEL],
                subject: w.object,
                message: `Namespace ${ns} ${value === undefined ? 'has no' : `has \`${value}\` instead of \`enabled\` for the`} \`${INJECT_LABEL}\` label, so the pods of ${(0,types/* describeObject */.v8)(w.object)} (${behind}) get no readiness gate: they go Ready before the load balancer finds them healthy and the rollout outruns it. Add the label \`${INJECT_LABEL}: enabled\` (before the pods are created).`,
            });
        }
    },
}));
/** A gate written into the template by hand counts as well (the controller still manages its condition). */
function hasGateInTemplate(w) {
    const gates = w.podSpec.readinessGates;
    return (Array.isArray(gates) &&
        gates.some((g) => (0,types/* isObject */.Gv)(g) && typeof g.conditionType === 'string' && g.conditionType.startsWith(CONDITION_PREFIX)));
}

;// CONCATENATED MODULE: ./src/core/rules/readiness-probe.ts



/* harmony default export */ const readiness_probe = (defineRule({
    meta: {
        id: 'readiness-probe',
        severity: 'error',
        summary: 'Every serving container has a readinessProbe.',
        rationale: 'Without a readiness probe a pod is Ready as soon as its containers start, before the application listens. The endpoint controller then adds it to the Service and the load balancer controller registers it, so requests reach a process that is still booting (seed 004: gunicorn workers were slower than Kubernetes). A startupProbe does not replace it: it gates liveness, not readiness.',
        fix: 'Add a `readinessProbe` to the container that serves the Service port, checking an endpoint that answers only when the application can take traffic.',
        scope: 'Containers exposing a port that a Service targets, in workloads a Service selects.',
        params: {},
        examples: {
            incorrect: 'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80',
            correct: 'containers:\n- name: web\n  image: nginx:1.27\n  ports:\n  - containerPort: 80\n  readinessProbe:\n    httpGet: {path: /healthz, port: 80}\n    periodSeconds: 5',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            for (const c of servingContainers(ctx.graph, w)) {
                if (probeOf(c, 'readinessProbe'))
                    continue;
                const served = ctx.graph.servingContainers(w).find((s) => s.container === c);
                const target = served ? (served.port.targetPort ?? served.port.port) : undefined;
                ctx.report({
                    object: w.object,
                    path: [...c.path, 'readinessProbe'],
                    container: c.name,
                    message: `${who(w, c)} has no readinessProbe: the pod is Ready, and receives traffic from ${front(ctx.graph, w)}, before the application can answer. Add a readinessProbe that checks the serving port${target === undefined ? '' : ` (${target})`}, e.g. httpGet on a path that answers only when the application can take traffic.`,
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/rolling-update.ts





/* harmony default export */ const rolling_update = (defineRule({
    meta: {
        id: 'rolling-update',
        severity: 'error',
        summary: 'Served Deployments roll out a few pods at a time.',
        rationale: '`strategy.type: Recreate` deletes every pod before creating the new ones: the target group is empty until the new pods register and pass health checks, a guaranteed outage. A maxUnavailable that resolves to all replicas does the same within a RollingUpdate. The deployment controller rounds maxUnavailable percentages down and maxSurge up, and uses maxUnavailable 1 when both come to 0.',
        fix: 'Use `strategy.type: RollingUpdate` with a maxUnavailable below the replica count (the default 25%, or 1) and a maxSurge of at least 1.',
        scope: 'Deployments a Service selects. The replica count is the HPA minReplicas when an HPA targets the Deployment.',
        params: {},
        examples: {
            incorrect: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxUnavailable: 100%}',
            correct: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            if (w.object.kind !== 'Deployment')
                continue;
            const type = (0,objects/* field */.Z)(w.object, ['spec', 'strategy', 'type']);
            if (type === 'Recreate') {
                ctx.report({
                    object: w.object,
                    path: ['spec', 'strategy', 'type'],
                    message: `${(0,types/* describeObject */.v8)(w.object)} uses strategy Recreate: every pod is deleted before the new ones exist, so ${front(ctx.graph, w)} has no ready pod during each deploy. Use RollingUpdate.`,
                });
                continue;
            }
            const replicas = ctx.graph.minReplicas(w).value;
            if (replicas < 1)
                continue;
            const raw = (0,objects/* field */.Z)(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
            const surge = (0,objects/* field */.Z)(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
            // apps/v1 defaults both to 25%.
            const s = surge === undefined ? '25%' : intOrString(surge);
            const u = raw === undefined ? '25%' : intOrString(raw);
            if (s === undefined || u === undefined)
                continue;
            const f = (0,fenceposts/* resolveFenceposts */.jk)(s, u, replicas);
            if (f.unavailable < replicas)
                continue;
            // Both 0 after rounding: the deployment controller takes maxUnavailable 1 so the rollout moves.
            const bothZero = (0,fenceposts/* scaledValue */.GA)(u, replicas, false) === 0;
            const how = bothZero
                ? `maxSurge ${String(surge ?? '25%')} and maxUnavailable ${String(raw ?? '25%')} both resolve to 0 of ${replicas} replica${replicas === 1 ? '' : 's'}, so the deployment controller uses maxUnavailable 1`
                : `maxUnavailable ${String(raw ?? '25%')} resolves to ${f.unavailable} of ${replicas} replica${replicas === 1 ? '' : 's'}`;
            ctx.report({
                object: w.object,
                path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
                message: `${(0,types/* describeObject */.v8)(w.object)}: ${how}, so a rollout may take every pod out of the target group at once. ${replicas === 1
                    ? 'Use maxSurge: 1 with maxUnavailable: 0, so the new pod is Ready before the old one stops (and run at least 2 replicas).'
                    : `Use a maxUnavailable of at most ${replicas - 1} (the default 25%, or 1) with maxSurge of at least 1.`}`,
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/service-port.ts


/* harmony default export */ const service_port = (defineRule({
    meta: {
        id: 'service-port',
        severity: 'error',
        summary: "A Service's targetPort resolves to a container port of the pods it selects.",
        rationale: 'A named targetPort that no container declares resolves to nothing: the EndpointSlice has no port, the load balancer controller registers no targets, and the target group stays empty (the readiness gate, if any, never opens). A numeric targetPort works even when undeclared, since container ports are informational, but it usually means a typo or a port that moved; and zd-gate can only tell which container serves when the port is declared.',
        fix: 'Make `targetPort` name a port the serving container declares in `ports[].name`, or declare the numeric port in the container.',
        scope: 'Services that select at least one workload among the inputs.',
        params: {},
        variants: [
            { severity: 'error', when: 'a named targetPort resolves to no container port' },
            { severity: 'warning', when: 'a numeric targetPort is declared by no container' },
        ],
        examples: {
            incorrect: 'ports:\n- port: 80\n  targetPort: http   # container declares "web"',
            correct: 'ports:\n- port: 80\n  targetPort: web',
        },
    },
    check(ctx) {
        for (const svc of ctx.graph.services) {
            const workloads = ctx.graph.workloadsOf(svc);
            if (workloads.length === 0)
                continue;
            for (const port of ctx.graph.servicePorts(svc)) {
                const target = port.targetPort ?? port.port;
                if (target === undefined)
                    continue;
                for (const w of workloads) {
                    const declared = w.containers.some((c) => c.ports.some((p) => (typeof target === 'number' ? p.containerPort === target : p.name === target)));
                    if (declared)
                        continue;
                    const named = typeof target === 'string';
                    const names = [...new Set(w.containers.flatMap((c) => c.ports.flatMap((p) => (p.name ? [p.name] : []))))];
                    const available = w.containers.flatMap((c) => c.ports.map((p) => (p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort))));
                    ctx.report({
                        object: svc,
                        path: port.targetPort === undefined ? [...port.path, 'port'] : [...port.path, 'targetPort'],
                        subject: w.object,
                        severity: named ? 'error' : 'warning',
                        message: named
                            ? `${(0,types/* describeObject */.v8)(svc)} port ${port.name ?? port.port ?? port.index} targets \`${target}\`, but no container of ${(0,types/* describeObject */.v8)(w.object)} declares a port named \`${target}\`${available.length ? ` (it declares ${available.join(', ')})` : ''}: the Service has no endpoints for it and the load balancer no targets. ${names.length === 1 ? `Use targetPort: ${names[0]}, or name the container port \`${target}\`.` : 'Name a declared port.'}`
                            : `${(0,types/* describeObject */.v8)(svc)} port ${port.name ?? port.port ?? port.index} targets ${target}, which no container of ${(0,types/* describeObject */.v8)(w.object)} declares${available.length ? ` (it declares ${available.join(', ')})` : ''}. Declare containerPort ${target} in the serving container, or fix the targetPort.`,
                    });
                }
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/target-type-ip.ts



/* harmony default export */ const target_type_ip = (defineRule({
    meta: {
        id: 'target-type-ip',
        severity: 'warning',
        summary: 'Load balancers register pods directly (target type ip).',
        rationale: "With instance targets the load balancer sends traffic to every node's NodePort and kube-proxy forwards it, possibly to another node: an extra hop, kube-proxy's up-to-30 s iptables sync in every deregistration, and health checks that test a node rather than the pod. Pod readiness gates cannot work, because the target group knows nothing of pods. The controller's default for Ingresses is instance unless `target-type: ip` is set (or IngressClassParams spec.targetType); for NLB Services it is set by `aws-load-balancer-type: nlb-ip` or `aws-load-balancer-nlb-target-type: ip` (seed 004: \"Use IP Target-Type Load Balancers\").",
        fix: 'Set `alb.ingress.kubernetes.io/target-type: ip` on the Ingress or Service (or `targetType: ip` in IngressClassParams); for NLB, `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`.',
        scope: 'Ingresses of class alb, NLB Services the controller reconciles, and TargetGroupBindings.',
        params: {},
        examples: {
            incorrect: 'kind: Ingress\nmetadata:\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb',
            correct: 'kind: Ingress\nmetadata:\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\n    alb.ingress.kubernetes.io/target-type: ip\nspec:\n  ingressClassName: alb',
        },
    },
    check(ctx) {
        const groups = new Map();
        for (const e of ctx.graph.exposures) {
            if (e.targetType.value === 'ip')
                continue;
            if (e.targetType.value === undefined && !e.targetType.explicit)
                continue; // TargetGroupBinding without targetType: AWS decides
            const s = e.targetType.source;
            const key = `${s.object.doc.file.path}\u0000${s.object.doc.index}\u0000${String(s.object.base)}\u0000${s.path.join('.')}`;
            const g = groups.get(key) ?? { services: new Set(), e };
            g.services.add(e.service.name);
            groups.set(key, g);
        }
        for (const { services, e } of groups.values()) {
            const svc = [...services].map((n) => `Service ${n}`).join(', ');
            const s = e.targetType.source;
            const fix = e.lb === 'nlb'
                ? 'set service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip'
                : e.via.kind === 'TargetGroupBinding'
                    ? 'use spec.targetType: ip with an ip target group'
                    : 'set alb.ingress.kubernetes.io/target-type: ip';
            const via = e.via === e.service ? (0,types/* describeObject */.v8)(e.via) : `${(0,types/* describeObject */.v8)(e.via)} (${svc})`;
            const message = e.targetType.value === undefined
                ? `${via}: the target type \`${String((0,objects/* field */.Z)(s.object, s.path))}\` is neither ip nor instance, so the controller rejects it and builds no target group; ${fix}.`
                : `${via}: ${e.targetType.explicit ? 'the target type is instance' : (e.targetType.why ?? "no target type is set, so the controller's default, instance, applies")}. Traffic takes an extra hop through kube-proxy and pod readiness gates cannot work; ${fix}.`;
            ctx.report({ object: s.object, path: s.path, message });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/termination-grace.ts



/* harmony default export */ const termination_grace = (defineRule({
    meta: {
        id: 'termination-grace',
        severity: 'error',
        summary: 'terminationGracePeriodSeconds covers the preStop delay plus time to shut down.',
        rationale: 'The grace period counts from deletion and includes the preStop hook. When the hook sleeps as long as (or longer than) the grace period, the kubelet kills the container with SIGKILL before the application has closed its connections, and in-flight requests fail. Seed 003: `sleep 70` needs at least 90; the EKS best practice pairs `sleep 180` with 200.',
        fix: 'Set `terminationGracePeriodSeconds` to at least the preStop delay plus `shutdown-seconds` (the time the application needs after SIGTERM).',
        scope: 'Workloads a Service selects whose serving containers have a preStop delay zd-gate can read (sleep).',
        params: {
            'shutdown-seconds': {
                type: 'integer',
                default: 10,
                minimum: 0,
                description: 'Seconds the application needs after SIGTERM to finish in-flight requests.',
            },
        },
        examples: {
            incorrect: 'terminationGracePeriodSeconds: 30   # default\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      exec: {command: ["sleep", "30"]}',
            correct: 'terminationGracePeriodSeconds: 45\ncontainers:\n- name: web\n  lifecycle:\n    preStop:\n      exec: {command: ["sleep", "30"]}',
        },
    },
    check(ctx) {
        const need = ctx.params['shutdown-seconds'];
        for (const w of ctx.graph.servedWorkloads()) {
            let longest;
            for (const c of servingContainers(ctx.graph, w)) {
                const hook = preStopOf(c);
                const d = knownDelay(hook);
                if (d !== undefined && hook.kind !== 'none' && (!longest || d > longest.delay))
                    longest = { delay: d, name: c.name, path: hook.path };
            }
            if (!longest)
                continue;
            const grace = gracePeriod(w);
            const path = [...w.podSpecPath, 'terminationGracePeriodSeconds'];
            if (!Number.isFinite(longest.delay)) {
                ctx.report({
                    object: w.object,
                    path: longest.path,
                    container: longest.name,
                    message: `${who(w)}: the preStop hook of container \`${longest.name}\` sleeps forever, so every pod is killed with SIGKILL when its ${grace.seconds}s grace period ends. Sleep a fixed time instead, and keep terminationGracePeriodSeconds at least ${need}s above it.`,
                });
                continue;
            }
            if (grace.seconds - longest.delay >= need)
                continue;
            const want = Math.ceil(longest.delay + need);
            ctx.report({
                object: w.object,
                path,
                container: longest.name,
                message: `${who(w)}: terminationGracePeriodSeconds is ${grace.seconds}${grace.explicit ? '' : ' (the default)'} but the preStop hook of container \`${longest.name}\` sleeps ${seconds(longest.delay)}, leaving ${seconds(Math.max(0, grace.seconds - longest.delay))} of the ${need}s the application needs to shut down; it is killed mid-request. Set terminationGracePeriodSeconds to at least ${want}.`,
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/unrendered-template.ts

/* harmony default export */ const unrendered_template = (defineRule({
    meta: {
        id: 'unrendered-template',
        severity: 'error',
        summary: 'Inputs are rendered manifests, not Helm or Go templates.',
        rationale: "zd-gate checks what will be applied. A chart template still holding `{{ .Values.x }}` or `{{- if }}` says nothing about the final settings (and often is not even valid YAML). Template syntax counts when it is Helm's own (`.Values`, `.Release`, `include`, `toYaml`, trim markers) or sits where YAML structure belongs; `{{ }}` inside ConfigMap data or quoted values of other tools (Argo Workflows parameters, alert templates) is data and passes.",
        fix: 'Render first and validate the output: `helm template <release> <chart> -f values.yaml > rendered.yaml` or `kustomize build <dir> > rendered.yaml`.',
        scope: 'Every input document.',
        params: {},
        examples: { incorrect: 'spec:\n  replicas: {{ .Values.replicaCount }}', correct: 'spec:\n  replicas: 3' },
    },
    check(ctx) {
        for (const issue of ctx.parseIssues)
            if (issue.kind === 'template')
                ctx.reportIssue(issue);
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/yaml-syntax.ts

/* harmony default export */ const yaml_syntax = (defineRule({
    meta: {
        id: 'yaml-syntax',
        severity: 'error',
        summary: 'Every document parses as YAML or JSON.',
        rationale: 'A document that does not parse is not applied as intended, and none of its settings can be checked. The other documents of the file are still read and checked.',
        fix: 'Fix the syntax at the reported line (duplicate keys, indentation, unclosed brackets and quotes are the usual causes).',
        scope: 'Every input document.',
        params: {},
        examples: { incorrect: 'metadata:\n  name: web\n  name: api', correct: 'metadata:\n  name: web' },
    },
    check(ctx) {
        for (const issue of ctx.parseIssues) {
            if (issue.kind !== 'syntax')
                continue;
            const text = issue.message.replace(/[.\s]+$/, '');
            const fix = hint(text);
            ctx.reportIssue({
                ...issue,
                message: `${text}.${fix ? ` ${fix}` : ''} This document is not checked until it parses; the others are.`,
            });
        }
    },
}));
/** The usual fix for the parser's message ('' when the message already gives one). */
function hint(message) {
    if (/alias/i.test(message))
        return '';
    if (/^Not valid JSON/.test(message)) {
        return /property name/.test(message)
            ? 'Remove the trailing comma, or quote the key.'
            : 'Fix the JSON at this position (commas, quotes, brackets).';
    }
    if (/keys must be unique|duplicate/i.test(message))
        return 'Remove or rename the repeated key.';
    if (/tab/i.test(message))
        return 'Indent with spaces.';
    if (/quote/i.test(message))
        return 'A quoted string opened above is never closed: close it.';
    if (/flow (map|sequence|collection)|\]|\}/i.test(message))
        return 'Close the bracket or brace, or add the missing comma.';
    return 'Check the indentation, quotes and brackets at this line.';
}

;// CONCATENATED MODULE: ./src/core/rules/index.ts

















const ALL = [
    deregistration_delay,
    healthcheck_path,
    liveness_probe,
    min_replicas,
    pdb_blocks_drain,
    pod_disruption_budget,
    prestop_binary,
    prestop_duration,
    prestop_hook,
    readiness_gate,
    readiness_probe,
    rolling_update,
    service_port,
    target_type_ip,
    termination_grace,
    unrendered_template,
    yaml_syntax,
];
function registry(rules) {
    const seen = new Set();
    for (const r of rules) {
        if (seen.has(r.meta.id))
            throw new Error(`duplicate rule id ${r.meta.id}`);
        seen.add(r.meta.id);
    }
    return [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}
const RULES = registry(ALL);
function ruleById(id) {
    return RULES.find((r) => r.meta.id === id);
}


/***/ }),

/***/ 3212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ ruleCatalogue),
/* harmony export */   ki: () => (/* binding */ ruleMarkdown)
/* harmony export */ });
/* unused harmony export configSchema */
function ruleMarkdown(meta, level = 3) {
    const h = '#'.repeat(level);
    const out = [`${h} \`${meta.id}\``, '', `**${meta.summary}** Default severity: \`${meta.severity}\`.`, ''];
    if (meta.variants?.length) {
        out.push(`Severity: ${meta.variants.map((v) => `\`${v.severity}\` when ${v.when}`).join('; ')}.`, '');
    }
    out.push(`*Applies to:* ${meta.scope}`, '', meta.rationale, '', `*Fix:* ${meta.fix}`, '');
    const params = Object.entries(meta.params);
    if (params.length > 0) {
        out.push('| Parameter | Default | Meaning |', '|---|---|---|');
        for (const [name, spec] of params)
            out.push(`| \`${name}\` | \`${formatDefault(spec)}\` | ${spec.description} |`);
        out.push('');
    }
    if (meta.examples) {
        out.push('Incorrect:', '', '```yaml', meta.examples.incorrect, '```', '', 'Correct:', '', '```yaml', meta.examples.correct, '```', '');
    }
    if (meta.references?.length) {
        out.push(`References: ${meta.references.map((r) => `[${r.title}](${r.url})`).join('; ')}.`, '');
    }
    return out.join('\n');
}
function ruleCatalogue(rules) {
    const table = [
        '| Rule | Default | Checks |',
        '|---|---|---|',
        ...rules.map((r) => `| [\`${r.meta.id}\`](#${r.meta.id}) | ${r.meta.severity} | ${r.meta.summary} |`),
    ];
    return [...table, '', ...rules.map((r) => ruleMarkdown(r.meta, 3))].join('\n');
}
function formatDefault(spec) {
    return spec.type === 'integer' ? String(spec.default) : JSON.stringify(spec.default);
}
/** JSON Schema (draft-07) for `.zd-gate.yaml`, so editors complete and check it. */
function configSchema(rules) {
    const level = { enum: ['error', 'warning', 'notice', 'off'] };
    const properties = {};
    for (const r of rules) {
        const params = { severity: { ...level, description: `Default: ${r.meta.severity}.` } };
        for (const [name, spec] of Object.entries(r.meta.params)) {
            params[name] =
                spec.type === 'integer'
                    ? {
                        type: 'integer',
                        default: spec.default,
                        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
                        description: spec.description,
                    }
                    : { type: 'array', items: { type: 'string' }, default: spec.default, description: spec.description };
        }
        properties[r.meta.id] = {
            description: r.meta.summary,
            oneOf: [
                { ...level },
                { type: 'boolean', const: false },
                { type: 'object', additionalProperties: false, properties: params },
            ],
        };
    }
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'zd-gate configuration (.zd-gate.yaml)',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            rules: { type: 'object', additionalProperties: false, properties },
        },
    };
}


/***/ })

};
