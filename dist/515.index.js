export const id = 515;
export const ids = [515];
export const modules = {

/***/ 4637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f3: () => (/* binding */ SEVERITY_RANK),
/* harmony export */   hz: () => (/* binding */ byPlace),
/* harmony export */   n6: () => (/* binding */ compareText),
/* harmony export */   v_: () => (/* binding */ bySeverityThenPlace)
/* harmony export */ });
const SEVERITY_RANK = { error: 2, warning: 1, notice: 0 };
function bySeverityThenPlace(a, b) {
    return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || byPlace(a, b);
}
function byPlace(a, b) {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}
/**
 * Plain code-unit order: the same on every machine, unlike localeCompare (which also costs ~10 ms
 * the first time, to load the ICU collator).
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 5516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ ALB_PREFIX),
/* harmony export */   Ip: () => (/* binding */ albExposures),
/* harmony export */   Jb: () => (/* binding */ tgbExposure),
/* harmony export */   Te: () => (/* binding */ albClassOf),
/* harmony export */   ZK: () => (/* binding */ ingressBackends),
/* harmony export */   fi: () => (/* binding */ nlbExposures),
/* harmony export */   sl: () => (/* binding */ NLB_PREFIX),
/* harmony export */   t0: () => (/* binding */ argoAlbRouting)
/* harmony export */ });
/* unused harmony exports ALB_CONTROLLER, NLB_CLASS, DEFAULT_DEREGISTRATION_DELAY, servicePortIndex, nlbTargetType, parseStringMap */
/* harmony import */ var _manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4869);
/* harmony import */ var _manifest_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5856);
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
/** Reads the ALB traffic routing of an Argo Rollout, if it has one. */
function argoAlbRouting(ro) {
    if (ro.kind !== 'Rollout' || !ro.apiVersion.startsWith('argoproj.io/'))
        return undefined;
    const canary = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ro, ['spec', 'strategy', 'canary']);
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(canary) || !(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(canary.trafficRouting) || !(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(canary.trafficRouting.alb))
        return undefined;
    const alb = canary.trafficRouting.alb;
    const stable = typeof canary.stableService === 'string' ? canary.stableService : undefined;
    const canarySvc = typeof canary.canaryService === 'string' ? canary.canaryService : undefined;
    const root = typeof alb.rootService === 'string' && alb.rootService !== '' ? alb.rootService : stable;
    if (!root)
        return undefined;
    const ingresses = [
        ...(typeof alb.ingress === 'string' ? [alb.ingress] : []),
        ...(Array.isArray(alb.ingresses) ? alb.ingresses.filter((i) => typeof i === 'string') : []),
    ];
    const services = [stable, canarySvc].filter((x) => x !== undefined);
    return {
        ingresses,
        routing: {
            rollout: ro,
            action: root,
            services,
            port: typeof alb.servicePort === 'number' ? alb.servicePort : undefined,
        },
    };
}
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
    const className = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ing, ['spec', 'ingressClassName']);
    if (typeof className === 'string' && className !== '') {
        const ic = ctx.ingressClasses.get(className);
        if (ic)
            return (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ic, ['spec', 'controller']) === ALB_CONTROLLER ? { ingressClass: ic } : undefined;
        // Not among the inputs: `alb` is the class the controller's Helm chart creates.
        return className === 'alb' ? { ingressClass: undefined } : undefined;
    }
    for (const ic of ctx.ingressClasses.values()) {
        if (ic.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true' &&
            (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ic, ['spec', 'controller']) === ALB_CONTROLLER) {
            return { ingressClass: ic };
        }
    }
    return undefined;
}
/**
 * Service backends of an Ingress (networking.k8s.io/v1, and the v1beta1 serviceName/servicePort
 * form), with `use-annotation` backends resolved through their action (see actionBackends).
 */
function ingressBackends(ing, ctx) {
    const out = [];
    const add = (b, path) => {
        if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(b))
            return;
        if ((0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(b.service) && typeof b.service.name === 'string') {
            const port = (0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(b.service.port) ? (b.service.port.number ?? b.service.port.name) : undefined;
            out.push({
                name: b.service.name,
                port: typeof port === 'number' || typeof port === 'string' ? port : undefined,
                path: [...path, 'service', 'name'],
                siblings: 0,
            });
        }
        else if (typeof b.serviceName === 'string') {
            const port = b.servicePort;
            out.push({
                name: b.serviceName,
                port: typeof port === 'number' || typeof port === 'string' ? port : undefined,
                path: [...path, 'serviceName'],
                siblings: 0,
            });
        }
    };
    const spec = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ing, ['spec']);
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(spec))
        return out;
    if (spec.defaultBackend !== undefined)
        add(spec.defaultBackend, ['spec', 'defaultBackend']);
    else
        add(spec.backend, ['spec', 'backend']);
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, r) => {
        const paths = (0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(rule) && (0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
        paths.forEach((p, i) => {
            if ((0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(p))
                add(p.backend, ['spec', 'rules', r, 'http', 'paths', i, 'backend']);
        });
    });
    // `use-annotation` backends name an ALB action (redirect, fixed response, forward). A forward
    // action's target groups may be Services (weighted blue/green, canary): those are backends too.
    return out.flatMap((b) => (b.port === 'use-annotation' ? actionBackends(ing, b, ctx) : [b]));
}
/**
 * The Services of a forward action in `alb.ingress.kubernetes.io/actions.<name>`
 * (pkg/ingress/enhanced_backend_builder.go): forwardConfig.targetGroups[].serviceName and
 * servicePort (a numeric string counts as a number). Keys match case-insensitively, as Go's JSON
 * decoding does. Without the annotation, an Argo Rollout that routes through this Ingress under
 * that action name supplies it at run time; otherwise the action is missing.
 */
function actionBackends(ing, b, ctx) {
    const key = `${ALB_PREFIX}actions.${b.name}`;
    const raw = ing.annotations[key];
    if (raw === undefined) {
        const routings = ctx?.argoRouting.get(`${ing.namespace ?? ''}/${ing.name}`) ?? [];
        const argo = routings.find((r) => r.action === b.name);
        if (argo) {
            return argo.services.map((name) => ({
                name,
                port: argo.port,
                path: b.path,
                siblings: argo.services.length - 1,
                argoRollout: argo.rollout,
            }));
        }
        return [{ ...b, missingAction: routings[0] ? { argo: routings[0] } : {} }];
    }
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
    const path = ['metadata', 'annotations', key];
    const named = groups.filter((g) => typeof prop(g, 'serviceName') === 'string');
    return named.map((g) => {
        const port = prop(g, 'servicePort');
        return {
            name: prop(g, 'serviceName'),
            port: typeof port === 'string' && /^\d+$/.test(port)
                ? Number(port)
                : typeof port === 'number' || typeof port === 'string'
                    ? port
                    : undefined,
            path,
            siblings: named.length - 1,
        };
    });
}
function prop(o, key) {
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(o))
        return undefined;
    const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
    return k === undefined ? undefined : o[k];
}
/** The index of the Service port an Ingress backend or TGB serviceRef names (by number or name). */
function servicePortIndex(service, port) {
    const ports = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(service, ['spec', 'ports']);
    if (!Array.isArray(ports))
        return undefined;
    if (port === undefined)
        return ports.length === 1 ? 0 : undefined;
    const i = ports.findIndex((p) => (0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(p) && (typeof port === 'number' ? p.port === port : p.name === port));
    return i >= 0 ? i : undefined;
}
function albExposures(ing, ctx) {
    const cls = albClassOf(ing, ctx);
    if (!cls || ing.namespace === undefined)
        return { exposures: [], missing: [] };
    const params = classParams(cls.ingressClass, ctx);
    const exposures = [];
    const missing = [];
    const seen = new Set();
    for (const b of ingressBackends(ing, ctx)) {
        if (b.missingAction) {
            missing.push({
                via: ing,
                path: b.path,
                service: b.name,
                missingAction: true,
                siblings: 0,
                ...(b.missingAction.argo
                    ? { argoRollout: { rollout: b.missingAction.argo.rollout, action: b.missingAction.argo.action } }
                    : {}),
            });
            continue;
        }
        const service = ctx.findService(ing.namespace, b.name);
        if (!service) {
            missing.push({ via: ing, path: b.path, service: b.name, missingAction: false, siblings: b.siblings });
            continue;
        }
        const portIndex = servicePortIndex(service, b.port);
        const key = `${b.name}/${String(portIndex)}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const version = albAnnotation('backend-protocol-version', service, ing);
        const grpc = version?.value.toUpperCase() === 'GRPC';
        exposures.push({
            lb: 'alb',
            via: ing,
            service,
            servicePortIndex: portIndex,
            targetType: albTargetType(ing, service, params),
            healthCheckPath: albHealthCheckPath(ing, service, grpc),
            protocolVersion: version,
            successCodes: albAnnotation('success-codes', service, ing) ?? {
                value: grpc ? '12' : '200',
                source: { object: ing, path: annotationPath(`${ALB_PREFIX}success-codes`) },
                explicit: false,
            },
            deregistrationDelay: deregistrationDelay(albAnnotation('target-group-attributes', service, ing), {
                object: ing,
                path: annotationPath(`${ALB_PREFIX}target-group-attributes`),
            }),
            ...(b.argoRollout ? { argoRollout: b.argoRollout } : {}),
        });
    }
    return { exposures, missing };
}
function classParams(ic, ctx) {
    if (!ic)
        return undefined;
    const p = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(ic, ['spec', 'parameters']);
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(p) || p.kind !== 'IngressClassParams' || typeof p.name !== 'string')
        return undefined;
    return ctx.ingressClassParams.get(p.name);
}
function albTargetType(ing, service, params) {
    const fromParams = params ? (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(params, ['spec', 'targetType']) : undefined;
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
function albHealthCheckPath(ing, service, grpc) {
    const protocol = albAnnotation('healthcheck-protocol', service, ing)?.value.toUpperCase();
    if (protocol !== undefined && protocol !== 'HTTP' && protocol !== 'HTTPS')
        return undefined;
    const a = albAnnotation('healthcheck-path', service, ing);
    if (a)
        return a;
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
    const lbClass = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(svc, ['spec', 'loadBalancerClass']);
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
        if ((0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(svc, ['spec', 'type']) !== 'LoadBalancer')
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
    const ports = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(svc, ['spec', 'ports']);
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
        protocolVersion: undefined,
        successCodes: undefined,
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
    if (targetType === 'instance' && (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(svc, ['spec', 'externalTrafficPolicy']) === 'Local')
        return undefined;
    const path = svc.annotations[key('path')];
    return path !== undefined
        ? { value: path.trim(), source: { object: svc, path: annotationPath(key('path')) }, explicit: true }
        : { value: '/', source: { object: svc, path: annotationPath(key('path')) }, explicit: false };
}
/**
 * A TargetGroupBinding's target group. Without `spec.targetType` the controller's webhook takes
 * the target group's own type from AWS, which the inputs do not show; but instance targets are
 * NodePorts, and the controller resolves them only for NodePort and LoadBalancer Services
 * ("service type must be either 'NodePort' or 'LoadBalancer'", pkg/backend/endpoint_resolver.go).
 * A binding of a ClusterIP (or headless) Service can therefore only work as an ip target group.
 */
function tgbExposure(tgb, ctx) {
    const none = { exposure: undefined, missing: undefined };
    if (!tgb.apiVersion.startsWith('elbv2.k8s.aws/') || tgb.namespace === undefined)
        return none;
    const ref = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(tgb, ['spec', 'serviceRef']);
    if (!(0,_manifest_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(ref) || typeof ref.name !== 'string')
        return none;
    const service = ctx.findService(tgb.namespace, ref.name);
    if (!service)
        return {
            exposure: undefined,
            missing: { via: tgb, path: ['spec', 'serviceRef', 'name'], service: ref.name, missingAction: false, siblings: 0 },
        };
    const tt = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(tgb, ['spec', 'targetType']);
    const rawProtocol = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(tgb, ['spec', 'targetGroupProtocol']);
    const protocol = typeof rawProtocol === 'string' ? rawProtocol.toUpperCase() : '';
    const lb = ['TCP', 'UDP', 'TLS', 'TCP_UDP', 'TCP_QUIC', 'QUIC'].includes(protocol)
        ? 'nlb'
        : ['HTTP', 'HTTPS'].includes(protocol)
            ? 'alb'
            : 'unknown';
    const svcType = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(service, ['spec', 'type']);
    const clusterIpOnly = svcType === undefined || svcType === null || svcType === 'ClusterIP';
    const targetType = tt !== undefined
        ? {
            value: tt === 'ip' || tt === 'instance' ? tt : undefined,
            source: { object: tgb, path: ['spec', 'targetType'] },
            explicit: true,
        }
        : clusterIpOnly
            ? {
                value: 'ip',
                source: { object: tgb, path: ['spec', 'targetType'] },
                explicit: false,
                why: `it has no targetType and binds the ClusterIP Service ${service.name}, so only an ip target group can serve it (the controller registers instance targets only for NodePort and LoadBalancer Services)`,
            }
            : { value: undefined, source: { object: tgb, path: ['spec', 'targetType'] }, explicit: false };
    return {
        exposure: {
            lb,
            via: tgb,
            service,
            servicePortIndex: servicePortIndex(service, typeof ref.port === 'number' || typeof ref.port === 'string' ? ref.port : undefined),
            targetType,
            healthCheckPath: undefined,
            protocolVersion: undefined,
            successCodes: undefined,
            deregistrationDelay: undefined,
        },
        missing: undefined,
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


/***/ }),

/***/ 9887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $v: () => (/* binding */ EMPTY_CONFIG),
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   o4: () => (/* binding */ parseConfig),
/* harmony export */   zd: () => (/* binding */ DEFAULT_SCOPE)
/* harmony export */ });
/* unused harmony export SCOPE_KEYS */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * `.zd-gate.yaml`: per-rule severity (or `off`) and parameters, and the scope model.
 *
 *   scope:
 *     in-cluster: notice              # cap for generic rules on workloads only in-cluster clients reach
 *     without-load-balancers: load-balanced   # or in-cluster: how to judge inputs with no entry point
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

const DEFAULT_SCOPE = { inCluster: 'notice', withoutLoadBalancers: 'load-balanced' };
const EMPTY_CONFIG = { rules: new Map() };
const LEVELS = ['error', 'warning', 'notice', 'off'];
const ASSUMPTIONS = ['load-balanced', 'in-cluster'];
/** The `scope` section's keys, with their values and meaning (the config schema is generated from this). */
const SCOPE_KEYS = {
    'in-cluster': {
        values: LEVELS,
        default: DEFAULT_SCOPE.inCluster,
        description: "The most severe level the generic rules (those that apply to every Service-served workload) report on a workload that only in-cluster clients reach: load balancers or Ingresses are among the inputs, and none fronts it. `error` keeps the rules' own levels; `off` drops those findings.",
    },
    'without-load-balancers': {
        values: ASSUMPTIONS,
        default: DEFAULT_SCOPE.withoutLoadBalancers,
        description: 'How to judge served workloads when no load balancer, Ingress or other entry point is among the inputs at all (one may live in another repository): `load-balanced` applies every rule at its level, `in-cluster` treats them as in-cluster only.',
    },
};
function parseConfig(text, file, rules) {
    const problems = [];
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: false });
    const at = (node) => {
        const r = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
        const p = lc.linePos(r?.[0] ?? 0);
        return { line: p.line, column: p.col };
    };
    const problem = (node, message) => {
        problems.push({ severity: 'error', message: `${message} (config ${file})`, file, ...at(node) });
    };
    const out = new Map();
    let scope;
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
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        problem(root, 'The config must be a mapping with a `rules:` key');
        return { config: { rules: out }, problems };
    }
    const byId = new Map(rules.map((r) => [r.meta.id, r]));
    for (const pair of root.items) {
        const k = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        if (k === '$schema')
            continue;
        if (k === 'scope') {
            scope = scopeSetting(pair.value, problem);
            continue;
        }
        if (k !== 'rules') {
            problem(pair.key, `Unknown config key \`${k}\`${suggest(k, ['rules', 'scope'])}; the config has the keys \`rules\` and \`scope\``);
            continue;
        }
        if (pair.value === null)
            continue;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(pair.value)) {
            problem(pair.value, '`rules` must map rule ids to a severity or to settings');
            continue;
        }
        for (const rp of pair.value.items) {
            const id = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(rp.key) ? String(rp.key.value) : '';
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
    return { config: { rules: out, ...(scope ? { scope } : {}) }, problems };
}
function scopeSetting(value, problem) {
    if (value === null)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(value)) {
        problem(value, '`scope` must be a mapping with `in-cluster` and/or `without-load-balancers`');
        return undefined;
    }
    let inCluster = DEFAULT_SCOPE.inCluster;
    let withoutLoadBalancers = DEFAULT_SCOPE.withoutLoadBalancers;
    for (const p of value.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : '';
        const v = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.value) ? String(p.value.value) : '';
        if (key === 'in-cluster') {
            if (LEVELS.includes(v))
                inCluster = v;
            else
                problem(p.value ?? p.key, `\`scope.in-cluster\` must be error, warning, notice or off, not \`${v}\``);
        }
        else if (key === 'without-load-balancers') {
            if (ASSUMPTIONS.includes(v))
                withoutLoadBalancers = v;
            else
                problem(p.value ?? p.key, `\`scope.without-load-balancers\` must be load-balanced or in-cluster, not \`${v}\``);
        }
        else {
            problem(p.key, `Unknown scope setting \`${key}\`${suggest(key, Object.keys(SCOPE_KEYS))}; \`scope\` takes \`in-cluster\` and \`without-load-balancers\``);
        }
    }
    return { inCluster, withoutLoadBalancers };
}
function ruleSetting(specs, id, value, problem) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value)) {
        const v = String(value.value);
        if (LEVELS.includes(v))
            return { severity: v, params: {} };
        // YAML 1.2 reads a bare `off` as a string, but `false` is a boolean: accept both.
        if (value.value === false)
            return { severity: 'off', params: {} };
        problem(value, `Rule \`${id}\`: \`${v}\` is not a severity; use error, warning, notice or off`);
        return undefined;
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(value)) {
        problem(value, `Rule \`${id}\`: give a severity (error, warning, notice, off) or a mapping of settings`);
        return undefined;
    }
    let severity;
    const params = {};
    for (const p of value.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) ? String(p.key.value) : '';
        const raw = p.value;
        if (key === 'severity') {
            const v = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(raw) ? String(raw.value) : '';
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
    const close = Math.max(2, Math.floor(id.length / 4));
    for (const k of known) {
        // The distance is at least the difference in length: a far longer id (a 5 MB annotation) is
        // never close, and is not compared character by character.
        if (Math.abs(id.length - k.length) > close)
            continue;
        const d = distance(id, k);
        if (d < bestD) {
            bestD = d;
            best = k;
        }
    }
    return best !== undefined && bestD <= close ? `; did you mean \`${best}\`?` : '';
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


/***/ }),

/***/ 4803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x5: () => (/* binding */ locate),
  Sl: () => (/* binding */ locateInDoc)
});

// UNUSED EXPORTS: locateParsed

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/manifest/block-locate.ts
class Unsupported extends Error {
}
const unsupported = () => {
    throw new Unsupported();
};
/** The span of `path` in `text`, or undefined when the block reader declines. */
function locateBlock(text, path) {
    return readBlock(text)?.locate(path);
}
/** A document read into lines once, for all the paths asked of it; undefined when it is not modelled at all. */
function readBlock(text) {
    if (text.includes('\r') || text.includes('\t'))
        return undefined;
    return declined(() => new BlockDoc(text));
}
function declined(f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof Unsupported)
            return undefined;
        throw e;
    }
}
// What a value may start with here: anchors, aliases, tags, reserved and other indicators are left to `yaml`.
const INDICATOR = /^(?:[&*!@`%,\]}]|[-?:](?:\s|$))/;
const PLAIN_KEY = /^[^-?:,[\]{}#&*!|>'"%@`\s]|^[-?:][^\s]/;
// Plain keys that the YAML core schema reads as something other than that string.
const NOT_A_STRING = /^(?:[-+.\d]|~$|null$|Null$|NULL$|true$|True$|TRUE$|false$|False$|FALSE$)/;
class BlockDoc {
    text;
    lines = [];
    constructor(text) {
        this.text = text;
        for (let at = 0; at <= text.length;) {
            const nl = text.indexOf('\n', at);
            const end = nl < 0 ? text.length : nl;
            let content = at;
            while (content < end && text.charCodeAt(content) === 32)
                content++;
            const c = text[content];
            const filler = content === end ||
                c === '#' ||
                (content === at && (c === '%' || text.startsWith('---', at) || text.startsWith('...', at)));
            // `--- key: value` puts content on the marker line.
            if (content === at && text.startsWith('---', at) && !/^---[ ]*(?:#.*)?$/.test(text.slice(at, end)))
                unsupported();
            this.lines.push({ start: at, end, content, filler });
            if (nl < 0)
                break;
            at = nl + 1;
        }
    }
    locate(path) {
        return declined(() => this.spanOf(path));
    }
    linePos(offset) {
        const i = this.lineOf(offset);
        return { line: i + 1, col: offset - this.lines[i].start + 1 };
    }
    spanOf(path) {
        const root = this.nextContent(-1);
        if (root < 0)
            return undefined;
        let node = this.nodeAtLineStart(root, -1);
        let anchor = this.firstLine(node);
        let exact = true;
        for (const step of path) {
            const next = this.child(node, step);
            if (!next) {
                exact = false;
                break;
            }
            ({ node, anchor } = next);
        }
        if (exact && node.kind === 'leaf')
            return undefined;
        if (exact && node.kind === 'scalar')
            anchor = { start: anchor.start, end: node.end };
        return { ...anchor, exact };
    }
    child(node, step) {
        if (node.kind === 'flow')
            return unsupported();
        if (typeof step === 'number') {
            if (node.kind !== 'seq')
                return undefined;
            const item = this.seqItem(node, step);
            return item && { node: item, anchor: this.firstLine(item) };
        }
        if (node.kind !== 'map')
            return undefined;
        const key = this.findKey(node, step);
        if (!key)
            return undefined;
        return { node: this.valueOf(key, node.col), anchor: { start: key.start, end: key.end } };
    }
    /** The span `yaml` reports for a node's first line: a mapping's first key, a scalar itself. */
    firstLine(node) {
        if (node.kind === 'map')
            return { start: node.first.start, end: node.first.end };
        if (node.kind === 'scalar')
            return { start: node.start, end: node.end };
        return unsupported();
    }
    findKey(map, name) {
        let merge = false;
        for (const key of this.keys(map)) {
            if (key.name === name)
                return key;
            if (key.name === '<<')
                merge = true;
        }
        return merge ? unsupported() : undefined;
    }
    *keys(map) {
        yield map.first;
        for (let i = map.line + 1; i < this.lines.length; i++) {
            const l = this.lines[i];
            if (l.filler)
                continue;
            const indent = l.content - l.start;
            if (indent < map.col)
                return;
            if (indent > map.col)
                continue; // a value's lines
            if (this.isItem(l.content)) {
                this.checkInline(l.content + 1, l.end); // a sequence at the key's column
                continue;
            }
            const key = this.keyAt(l.content) ?? unsupported();
            this.checkInline(key.after, l.end);
            yield key;
        }
    }
    seqItem(seq, index) {
        let n = 0;
        for (let i = seq.line; i < this.lines.length; i++) {
            const l = this.lines[i];
            if (l.filler)
                continue;
            const indent = l.content - l.start;
            if (indent < seq.col)
                return undefined;
            if (indent > seq.col)
                continue;
            if (!this.isItem(l.content))
                return undefined; // the next key of the mapping that holds the sequence
            if (n++ === index)
                return this.itemAt(i, l.content + 1, seq.col);
            this.checkInline(l.content + 1, l.end);
        }
        return undefined;
    }
    /** The content of the item whose `-` is at `dash - 1` on line `i`. */
    itemAt(i, dash, col) {
        const l = this.lines[i];
        let at = dash;
        while (at < l.end && this.text.charCodeAt(at) === 32)
            at++;
        if (at === l.end || this.text[at] === '#')
            return this.nodeBelow(i, col, false);
        if (this.isItem(at))
            return unsupported(); // `- - a`
        const key = this.keyAt(at);
        if (key)
            return { kind: 'map', line: i, col: at - l.start, first: key };
        return this.inlineValue(i, at, col);
    }
    /** The value after `key:` of a mapping whose keys are in column `col`. */
    valueOf(key, col) {
        const i = this.lineOf(key.start);
        const l = this.lines[i];
        if (key.after < l.end && this.text[key.after] !== '#')
            return this.inlineValue(i, key.after, col);
        return this.nodeBelow(i, col, true);
    }
    /** A value that starts on a later line than its key or `-`: a block collection, or null. */
    nodeBelow(i, col, seqAtSameColumn) {
        const j = this.nextContent(i);
        if (j < 0)
            return { kind: 'leaf' }; // null at the end of the document
        const l = this.lines[j];
        const indent = l.content - l.start;
        if (indent < col || (indent === col && !(seqAtSameColumn && this.isItem(l.content))))
            return { kind: 'leaf' }; // null
        return this.nodeAtLineStart(j, col);
    }
    /** A block collection whose first line is `j`, indented more than `parent` (or a sequence at it). */
    nodeAtLineStart(j, parent) {
        const l = this.lines[j];
        const col = l.content - l.start;
        if (this.isItem(l.content))
            return { kind: 'seq', line: j, col };
        if (col <= parent)
            return unsupported();
        const key = this.keyAt(l.content);
        if (key)
            return { kind: 'map', line: j, col, first: key };
        return unsupported(); // a scalar on its own line, an anchor, a tag, a flow collection
    }
    /** A value written on the line of its key or `-`, from `at`; `col` is the column of that key or `-`. */
    inlineValue(i, at, col) {
        const l = this.lines[i];
        const c = this.text[at];
        if (INDICATOR.test(this.text.slice(at, at + 2)))
            return unsupported();
        if (c === '|' || c === '>')
            return { kind: 'leaf' }; // a block scalar
        let end;
        if (c === '[' || c === '{') {
            if (!this.closesOnLine(at, l.end))
                unsupported();
            return { kind: 'flow' };
        }
        if (c === '"' || c === "'")
            end = this.quotedEnd(at, l.end);
        else {
            const comment = this.text.indexOf(' #', at);
            end = comment >= 0 && comment < l.end ? comment : l.end;
            while (end > at && this.text.charCodeAt(end - 1) === 32)
                end--;
        }
        const rest = this.text.slice(end, l.end).trim();
        if (rest !== '' && !rest.startsWith('#'))
            unsupported();
        // A more indented line after a scalar continues it (a multi-line scalar).
        const j = this.nextContent(i);
        if (j >= 0) {
            const n = this.lines[j];
            if (n.content - n.start > col)
                unsupported();
        }
        return { kind: 'scalar', start: at, end };
    }
    /** `key:` at `at` (plain, or quoted without escapes), or undefined when the text there is not a key. */
    keyAt(at) {
        const l = this.lines[this.lineOf(at)];
        const c = this.text[at];
        let name;
        let end;
        let colon;
        if (c === '"' || c === "'") {
            end = this.quotedEnd(at, l.end);
            name = this.text.slice(at + 1, end - 1);
            if (c === '"' ? name.includes('\\') : name.includes("'"))
                unsupported();
            colon = end;
            while (this.text.charCodeAt(colon) === 32)
                colon++;
            if (this.text[colon] !== ':')
                return undefined;
        }
        else {
            colon = this.text.indexOf(':', at);
            while (colon >= 0 && colon + 1 < l.end && this.text.charCodeAt(colon + 1) !== 32)
                colon = this.text.indexOf(':', colon + 1);
            if (colon < 0 || colon >= l.end)
                return undefined;
            end = colon;
            while (end > at && this.text.charCodeAt(end - 1) === 32)
                end--;
            name = this.text.slice(at, end);
            if (name.includes(' #') || !PLAIN_KEY.test(name))
                return undefined;
            if (NOT_A_STRING.test(name))
                unsupported();
        }
        let after = colon + 1;
        while (after < l.end && this.text.charCodeAt(after) === 32)
            after++;
        return { name, start: at, end, after };
    }
    /** A sibling's value that opens a quote or flow collection must close on its line (else its lines are not modelled). */
    checkInline(at, lineEnd) {
        while (at < lineEnd && this.text.charCodeAt(at) === 32)
            at++;
        const c = this.text[at];
        if (c === '"' || c === "'")
            this.quotedEnd(at, lineEnd);
        else if ((c === '[' || c === '{') && !this.closesOnLine(at, lineEnd))
            unsupported();
    }
    /** End (exclusive) of the quoted scalar opening at `at`; it must close on its line. */
    quotedEnd(at, lineEnd) {
        const q = this.text[at];
        for (let i = at + 1; i < lineEnd; i++) {
            const c = this.text[i];
            if (q === '"' && c === '\\')
                i++;
            else if (c === q) {
                if (q === "'" && this.text[i + 1] === "'")
                    i++;
                else
                    return i + 1;
            }
        }
        return unsupported();
    }
    /** True when the flow collection opening at `at` closes on its line (quotes skipped). */
    closesOnLine(at, lineEnd) {
        let depth = 0;
        for (let i = at; i < lineEnd; i++) {
            const c = this.text[i];
            if (c === '"' || c === "'")
                i = this.quotedEnd(i, lineEnd) - 1;
            else if (c === '[' || c === '{')
                depth++;
            else if (c === ']' || c === '}') {
                if (--depth === 0) {
                    const rest = this.text.slice(i + 1, lineEnd).trim();
                    return rest === '' || rest.startsWith('#');
                }
            }
            else if (c === '#' && this.text[i - 1] === ' ')
                return false;
        }
        return false;
    }
    isItem(at) {
        if (this.text[at] !== '-')
            return false;
        const n = this.text[at + 1];
        return n === undefined || n === ' ' || n === '\n';
    }
    nextContent(i) {
        for (let j = i + 1; j < this.lines.length; j++)
            if (!this.lines[j].filler)
                return j;
        return -1;
    }
    lineOf(offset) {
        let lo = 0;
        let hi = this.lines.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lines[mid].start <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
}

;// CONCATENATED MODULE: ./src/core/manifest/locate.ts
/**
 * Path → source range, computed only for the documents that have findings. Block-style documents
 * are read from their lines (block-locate.ts); anything else is re-read with the `yaml` package,
 * whose node ranges give exact positions. Both give the same range for the same path.
 *
 * A path that exists points at its key (and a scalar value on the same line); a path that does not
 * exist points at the deepest part that does: the container for a missing probe, the pod spec for
 * a missing terminationGracePeriodSeconds. That is the line a user edits to add the field.
 */


const cache = new WeakMap();
const blocks = new WeakMap();
function parsed(d) {
    let p = cache.get(d);
    if (!p) {
        const lc = new dist/* LineCounter */.HN();
        p = { doc: (0,dist/* parseDocument */.Tp)(d.text, { lineCounter: lc, merge: true, uniqueKeys: false }), lc };
        cache.set(d, p);
    }
    return p;
}
/** Where `path` (relative to the object) is, or its deepest existing parent. */
function locate(o, path) {
    return locateInDoc(o.doc, [...o.base, ...path]);
}
function locateInDoc(d, path) {
    const reader = blockOf(d);
    const block = reader?.locate(path);
    const [{ start, end, exact }, lines] = block && reader ? [block, reader] : [locateParsed(d, path), parsed(d).lc];
    const a = lines.linePos(start);
    const b = lines.linePos(end);
    const shift = d.startLine - 1;
    return { file: d.file.path, line: a.line + shift, column: a.col, endLine: b.line + shift, endColumn: b.col, exact };
}
/** The same span from the `yaml` package's nodes (the reference the block reader is tested against). */
function locateParsed(d, path) {
    const { doc } = parsed(d);
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
    if (exact && (0,dist/* isScalar */.jn)(node) && node.range && anchor)
        anchor = { start: anchor.start, end: node.range[1] };
    const [start, end] = anchor ? [anchor.start, anchor.end] : [0, 0];
    return { start, end, exact };
}
function blockOf(d) {
    let r = blocks.get(d);
    if (r === undefined) {
        r = (d.json ? undefined : readBlock(d.text)) ?? null;
        blocks.set(d, r);
    }
    return r ?? undefined;
}
function child(doc, node, key) {
    const target = (0,dist/* isAlias */.Vj)(node) ? node.resolve(doc) : node;
    if (typeof key === 'number') {
        if (!(0,dist/* isSeq */.oP)(target))
            return undefined;
        const item = target.items[key];
        if (item === undefined)
            return undefined;
        const anchor = firstLine(item);
        return anchor ? { node: item, anchor } : undefined;
    }
    if (!(0,dist/* isMap */.jh)(target))
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
        if ((0,dist/* isPair */.tO)(pair) && (0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value !== 'symbol' && String(pair.key.value) === key)
            return pair;
    }
    // Merge keys: the field may come from a mapping merged in with `<<: *anchor`.
    for (const pair of items) {
        if ((0,dist/* isPair */.tO)(pair) && (0,dist/* isScalar */.jn)(pair.key) && isMergeKey(pair.key.value)) {
            const sources = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
            for (const s of sources) {
                const m = (0,dist/* isAlias */.Vj)(s) ? s.resolve(doc) : s;
                if ((0,dist/* isMap */.jh)(m)) {
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
    if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
        const start = node.range?.[0];
        const first = node.items[0];
        const head = (0,dist/* isPair */.tO)(first) ? first.key : first;
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


/***/ }),

/***/ 4869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ field),
/* harmony export */   oZ: () => (/* binding */ toObjects)
/* harmony export */ });
/* unused harmony export MAX_LIST_NESTING */
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
/**
 * `kind: List` inside `kind: List` deeper than this is not expanded: no real file nests lists, and
 * every level costs a path entry per object below it.
 */
const MAX_LIST_NESTING = 16;
function toObjects(docs, defaultNamespace) {
    const objects = [];
    const issues = [];
    const notes = [];
    for (const doc of docs) {
        try {
            expand(doc, defaultNamespace, objects, issues, notes);
        }
        catch (e) {
            // A bug must cost this document, never the run: say which document, keep the others.
            issues.push({
                kind: 'unreadable',
                file: doc.file,
                range: { line: doc.startLine, column: 1, endLine: doc.startLine, endColumn: 1 },
                message: `zd-gate could not read this document (internal error: ${e instanceof Error ? e.message : String(e)}); it is not checked, the other documents are.`,
            });
        }
    }
    return { objects, issues, notes };
}
/** One document's objects, `kind: List` expanded in document order with an explicit stack (no recursion). */
function expand(doc, defaultNamespace, objects, issues, notes) {
    const stack = [{ value: doc.value, base: [], depth: 0 }];
    // Found once per document: a `kind: List` of many objects must not rescan its text for each one.
    let template = null;
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
        const { value, base, depth } = next;
        if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
            notes.push({
                file: doc.file.path,
                line: doc.startLine,
                message: `Not a Kubernetes object (no apiVersion and kind${base.length ? ` in ${base.join('.')}` : ''}); skipped.`,
            });
            continue;
        }
        if (value.kind === 'List' || (value.kind.endsWith('List') && Array.isArray(value.items))) {
            if (depth >= MAX_LIST_NESTING) {
                issues.push({
                    kind: 'unreadable',
                    file: doc.file,
                    range: { line: doc.startLine, column: 1, endLine: doc.startLine, endColumn: 1 },
                    message: `\`kind: ${value.kind}\` nested more than ${MAX_LIST_NESTING} levels deep (at ${base.join('.')}): its items are not read. Flatten the list.`,
                });
                continue;
            }
            const items = Array.isArray(value.items) ? value.items : [];
            for (let i = items.length - 1; i >= 0; i--)
                stack.push({ value: items[i], base: [...base, 'items', i], depth: depth + 1 });
            continue;
        }
        const kind = value.kind;
        if (TEMPLATE_CHECKED.has(kind) && !doc.json) {
            if (template === null)
                template = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .findTemplate */ ._4)(doc.text);
            const hit = template;
            if (hit) {
                issues.push({
                    kind: 'template',
                    file: doc.file,
                    range: shift(hit.range, doc.startLine),
                    message: hit.message,
                });
                continue;
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
    }
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

// UNUSED EXPORTS: MAX_ALIAS_COUNT, MAX_FLOW_DEPTH, flowDepthBeyond, lineColAt

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/manifest/split.ts
const START = /^---(?:[ \t]|$)/;
const END = /^\.\.\.(?:[ \t]|$)/;
const FILLER = /^(?:[ \t]*(?:#.*)?|%.*|---[ \t]*(?:#.*)?)$/; // blank, comment, directive, or a bare marker
function splitDocuments(text) {
    const out = [];
    // The current document as a slice of `text` (no copies of lines), and what it holds so far:
    // kept as flags so that no line is looked at twice however many markers the text has.
    let from = 0;
    let to = -1;
    let start = 1;
    let content = false;
    let directive = false;
    const emit = () => {
        if (content)
            out.push({ text: text.slice(from, to), startLine: start });
        to = -1;
        content = false;
        directive = false;
    };
    const push = (lineStart, lineEnd, line) => {
        if (to < 0)
            from = lineStart;
        to = lineEnd;
        if (!FILLER.test(line.endsWith('\r') ? line.slice(0, -1) : line))
            content = true;
        if (line.startsWith('%'))
            directive = true;
    };
    let lineNo = 0;
    for (let at = 0; at <= text.length;) {
        const nl = text.indexOf('\n', at);
        const end = nl < 0 ? text.length : nl;
        const line = text.slice(at, end);
        lineNo++;
        if (START.test(line)) {
            if (content)
                emit();
            // Directives written before `---` belong to the document it opens; other filler is dropped.
            if (!directive) {
                to = -1;
                start = lineNo;
            }
            push(at, end, line);
        }
        else if (END.test(line)) {
            emit();
            start = lineNo + 1;
        }
        else {
            if (to < 0)
                start = lineNo;
            push(at, end, line);
        }
        if (nl < 0)
            break;
        at = nl + 1;
    }
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
    try {
        return parseFileUnguarded(file);
    }
    catch (e) {
        // A bug must cost this file, never the run.
        return { file, docs: [], issues: [unreadable(file, 1, e)] };
    }
}
function unreadable(file, line, e) {
    return {
        kind: 'unreadable',
        file,
        range: { line, column: 1, endLine: line, endColumn: 1 },
        message: `zd-gate could not read this document (internal error: ${e instanceof Error ? e.message : String(e)}); it is not checked, the other documents are.`,
    };
}
function parseFileUnguarded(file) {
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
    const pieces = splitDocuments(file.text);
    for (let index = 0; index < pieces.length; index++) {
        const piece = pieces[index];
        const shift = (r) => ({
            ...r,
            line: r.line + piece.startLine - 1,
            endLine: r.endLine + piece.startLine - 1,
        });
        let result;
        try {
            result = parseOne(piece.text);
        }
        catch (e) {
            issues.push(unreadable(file, piece.startLine, e));
            continue;
        }
        if ('error' in result) {
            // A document that does not parse and holds `{{ }}` is an unrendered template, not a typo.
            const template = result.kind === 'syntax' ? findTemplate(piece.text) : undefined;
            if (template)
                issues.push({ kind: 'template', file, range: shift(template.range), message: template.message });
            else
                issues.push({ kind: result.kind, file, range: shift(result.range), message: result.error });
            continue;
        }
        if (result.value === null || result.value === undefined)
            continue;
        docs.push({ file, index, text: piece.text, startLine: piece.startLine, value: result.value, json: false });
    }
    return { file, docs, issues };
}
const TOO_DEEP = 'This document nests too deeply to be read (the parser ran out of stack); it is not checked. No Kubernetes object nests like this: check how it was generated.';
/**
 * Flow collections nested deeper than this are not handed to the `yaml` package, whose parser
 * takes tens of microseconds per level (seconds for one hostile line). Kubernetes objects nest a
 * few dozen levels.
 */
const MAX_FLOW_DEPTH = 1_000;
function parseOne(text) {
    if (!ANCHOR_OR_ALIAS.test(text)) {
        try {
            return { value: (0,js_yaml/* load */.Hh)(text, { schema: SCHEMA }) };
        }
        catch (e) {
            // js-yaml recurses per level: running out of stack means the document nests absurdly deep.
            if (e instanceof RangeError)
                return tooDeep(text, Math.max(0, flowDepthBeyond(text, MAX_FLOW_DEPTH)));
            const careful = parseCarefully(text);
            if ('error' in careful || !(e instanceof js_yaml/* YAMLException */.tB))
                return careful;
            // The two parsers disagree: trust the strict one that failed, at its own position.
            const line = (e.mark?.line ?? 0) + 1;
            const column = (e.mark?.column ?? 0) + 1;
            return { error: e.reason, range: { line, column, endLine: line, endColumn: column }, kind: 'syntax' };
        }
    }
    return parseCarefully(text);
}
function tooDeep(text, at) {
    const { line, column } = lineColAt(text, at);
    return { error: TOO_DEEP, range: { line, column, endLine: line, endColumn: column }, kind: 'unreadable' };
}
/** Where flow brackets outside quotes first nest deeper than `limit`, or -1. One pass, no parsing. */
function flowDepthBeyond(text, limit) {
    let depth = 0;
    let quote = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === '\\' && quote === '"')
                i++;
            else if (c === quote)
                quote = '';
        }
        else if (c === '"' || c === "'") {
            const prev = text[i - 1];
            // A quote opens a scalar only where one can start; `it's` inside a plain scalar is text.
            if (prev === undefined || /[\s[{,:]/.test(prev))
                quote = c;
        }
        else if (c === '[' || c === '{') {
            if (++depth > limit)
                return i;
        }
        else if (c === ']' || c === '}') {
            if (depth > 0)
                depth--;
        }
    }
    return -1;
}
/** The `yaml` package: precise errors, duplicate keys rejected, alias expansion bounded. */
function parseCarefully(text) {
    const deep = flowDepthBeyond(text, MAX_FLOW_DEPTH);
    if (deep >= 0)
        return tooDeep(text, deep);
    const lineCounter = new dist/* LineCounter */.HN();
    try {
        const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
        const first = doc.errors[0];
        if (first?.code === 'RESOURCE_EXHAUSTION')
            return { error: TOO_DEEP, range: rangeOf(lineCounter, first.pos), kind: 'unreadable' };
        if (first)
            return { error: cleanMessage(first), range: rangeOf(lineCounter, first.pos), kind: 'syntax' };
        return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    }
    catch (e) {
        if (e instanceof dist/* YAMLError */.IP)
            return { error: cleanMessage(e), range: rangeOf(lineCounter, e.pos), kind: 'syntax' };
        // toJS throws a ReferenceError for alias bombs; the stack overflows on absurd nesting.
        const bomb = e instanceof ReferenceError && /alias/i.test(e.message);
        const message = bomb
            ? `Too many alias expansions (over ${MAX_ALIAS_COUNT}): this looks like an alias bomb; expand the aliases or split the document.`
            : e instanceof RangeError
                ? TOO_DEEP
                : `Could not read the document: ${e.message}`;
        const at = text.search(/(?:^|[\s[{,])\*[^\s,[\]{}]/m);
        const { line, column } = lineColAt(text, Math.max(0, at));
        return {
            error: message,
            range: { line, column, endLine: line, endColumn: column },
            kind: bomb ? 'syntax' : 'unreadable',
        };
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

/***/ 1516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ RULES)
});

// UNUSED EXPORTS: ruleById

// EXTERNAL MODULE: ./src/core/findings.ts
var findings = __webpack_require__(4637);
// EXTERNAL MODULE: ./src/core/graph/lb.ts
var lb = __webpack_require__(5516);
// EXTERNAL MODULE: ./src/core/manifest/types.ts
var types = __webpack_require__(5856);
// EXTERNAL MODULE: ./src/core/lint/config.ts
var config = __webpack_require__(9887);
// EXTERNAL MODULE: ./src/core/rules/rule.ts
var rule = __webpack_require__(813);
;// CONCATENATED MODULE: ./src/core/rules/dangling-backend.ts




/* harmony default export */ const dangling_backend = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'dangling-backend',
        severity: 'warning',
        appliesTo: 'load-balanced',
        summary: 'Every load-balancer backend names a Service (or action) that exists.',
        rationale: 'The AWS Load Balancer Controller builds a listener rule for each Ingress backend. When the backend Service does not exist it answers that rule with a fixed 503 response ("Backend service does not exist"); when a `use-annotation` backend has no `alb.ingress.kubernetes.io/actions.<name>` annotation, a fixed 503 too ("Backend action does not exist"); and when one Service of a weighted forward action is missing, the whole Ingress (and its IngressGroup) fails to reconcile (pkg/ingress/enhanced_backend_builder.go). A TargetGroupBinding whose Service does not exist registers no targets. Argo Rollouts writes the action of a canary Ingress at run time, under the name of `trafficRouting.alb.rootService` (else `stableService`): a backend with another name gets no action.',
        fix: 'Add the missing Service to the manifests, or correct the backend name; for Argo Rollouts, name the Ingress backend after `rootService` (or `stableService` when rootService is not set).',
        scope: 'Ingresses of class alb and TargetGroupBindings, in namespaces where other workloads or Services are among the inputs (a Service may come from another repository otherwise).',
        params: {},
        references: [
            {
                title: 'pkg/ingress/enhanced_backend_builder.go (aws-load-balancer-controller): 503 for a missing backend Service or action',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/ingress/enhanced_backend_builder.go',
            },
            {
                title: 'Ingress annotations: actions (AWS Load Balancer Controller)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions',
            },
            {
                title: 'AWS Load Balancer Controller traffic routing: rootService (Argo Rollouts docs)',
                url: 'https://argoproj.github.io/argo-rollouts/features/traffic-management/alb/',
            },
        ],
        examples: {
            incorrect: 'backend:\n  service:\n    name: web-svc   # no Service web-svc; the Service is called web',
            correct: 'backend:\n  service:\n    name: web',
        },
    },
    check(ctx) {
        const services = ctx.graph.services;
        for (const m of ctx.graph.missingBackends()) {
            const ns = m.via.namespace;
            if (ns === undefined || !ctx.graph.namespaceHasInputs(ns))
                continue;
            const names = services.filter((s) => s.namespace === ns).map((s) => s.name);
            ctx.report({
                object: m.via,
                path: m.path,
                message: message(m, ns, (0,config/* suggest */.ZA)(m.service, names).replace(/^; did you mean/, ' Did you mean')),
            });
        }
    },
}));
function message(m, ns, hint) {
    const via = (0,types/* describeObject */.v8)(m.via);
    if (m.missingAction) {
        const argo = m.argoRollout
            ? ` ${(0,types/* describeObject */.v8)(m.argoRollout.rollout)} routes this Ingress under the action \`${m.argoRollout.action}\` (its trafficRouting.alb.rootService, else its stableService), not \`${m.service}\`: set rootService: ${m.service}, or name the backend ${m.argoRollout.action}.`
            : ` Add the action annotation, or name a Service and port.`;
        return `${via}: the backend \`${m.service}\` uses \`use-annotation\`, but there is no \`${lb/* ALB_PREFIX */.HY}actions.${m.service}\` annotation, so the controller answers its rule with a fixed 503 ("Backend action does not exist").${argo}`;
    }
    if (m.via.kind === 'TargetGroupBinding')
        return `${via} binds Service ${ns}/${m.service}, which is not among the inputs while other objects of namespace ${ns} are: the controller registers no targets, and the target group stays empty.${hint} Add the Service, or correct spec.serviceRef.name.`;
    const effect = m.siblings > 0
        ? 'the controller fails to build the whole Ingress (and its IngressGroup) while one Service of a forward action is missing'
        : 'the controller answers its rule with a fixed 503 ("Backend service does not exist")';
    return `${via} routes to Service ${ns}/${m.service}, which is not among the inputs while other objects of namespace ${ns} are: ${effect}.${hint} Add the Service, or correct the backend name.`;
}

// EXTERNAL MODULE: ./src/core/schema/read.ts
var read = __webpack_require__(4707);
;// CONCATENATED MODULE: ./src/core/rules/shared.ts


/** Each serving container once, however many Services or ports reach it. */
function servingContainers(graph, w) {
    const out = [];
    for (const s of graph.servingContainers(w))
        if (!out.includes(s.container))
            out.push(s.container);
    return out;
}
/**
 * terminationGracePeriodSeconds: 30 when unset (the API server's default); undefined when the
 * value is invalid (field-type reports it), so no rule computes with a guess.
 */
function gracePeriod(w) {
    const v = (0,read/* readInt */.Uk)(w.object, [...w.podSpecPath, 'terminationGracePeriodSeconds']);
    if (v.state === 'invalid')
        return undefined;
    return v.state === 'set' ? { seconds: v.value, explicit: true } : { seconds: 30, explicit: false };
}
function who(w, c) {
    return `${(0,types/* describeObject */.v8)(w.object)}${c ? `, container \`${c.name}\`` : ''}`;
}
function seconds(n) {
    return Number.isFinite(n) ? `${Number.isInteger(n) ? n : n.toFixed(1)}s` : 'forever';
}
function list(names) {
    return names.length <= 1
        ? (names[0] ?? '')
        : `${names.slice(0, -1).join(', ')}${names.length > 2 ? ',' : ''} and ${names[names.length - 1]}`;
}
/** prestop-duration's defaults: ALB ip 15 s, ALB instance 45 s (kube-proxy adds up to 30 s), NLB 60 s. */
const DEFAULT_THRESHOLDS = { albIp: 15, albInstance: 45, nlb: 60 };
/** About the time an endpoint removal takes to reach kube-proxy on every node (in-cluster clients only). */
const IN_CLUSTER_DELAY = 5;
/** The threshold for one target group, by its load balancer type and the target type in force. */
function thresholdOf(e, t) {
    const mode = e.targetType.value;
    if (e.lb === 'nlb')
        return { seconds: t.nlb, what: `an NLB with ${mode ?? 'instance'} targets` };
    // A TargetGroupBinding without targetType takes the target group's, which the inputs do not show
    // (unless its Service is ClusterIP, see lb.ts): assume the lesser threshold rather than warn on a guess.
    if (mode === undefined && !e.targetType.explicit)
        return { seconds: t.albIp, what: 'a target group whose target type is not among the inputs (ip assumed)' };
    const lb = e.lb === 'alb' ? 'an ALB' : 'a load balancer';
    if (mode === 'ip')
        return { seconds: t.albIp, what: `${lb} with ip targets` };
    // An invalid target type is taken as instance, the controller's default.
    return { seconds: t.albInstance, what: `${lb} with instance targets` };
}
/**
 * The least preStop delay for the load balancers in front of a workload: the largest of their
 * thresholds. With no load-balancer object among the inputs at all, the ALB ip one, and the
 * message says it was assumed; undefined for a workload only in-cluster clients reach.
 */
function deregistrationThreshold(view, w, t) {
    const { graph } = view;
    const exposures = graph.exposuresOf(w);
    if (exposures.length > 0)
        return exposures.map((e) => thresholdOf(e, t)).reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const reach = view.reach(w);
    if (reach === 'in-cluster')
        return undefined;
    if (reach === 'load-balanced') {
        // An entry point the controller does not manage: a NodePort or LoadBalancer Service is reached
        // through kube-proxy (the instance threshold); another Ingress controller or a route reaches the
        // pods directly (the ip threshold).
        const entry = graph.entriesOf(w)[0];
        if (entry?.object.kind === 'Service')
            return {
                seconds: t.albInstance,
                what: `a load balancer that reaches ${entry.what} through kube-proxy (instance threshold assumed)`,
            };
        return { seconds: t.albIp, what: `${entry ? entry.what : 'its entry point'} (ip threshold assumed)` };
    }
    return {
        seconds: t.albIp,
        what: 'an ALB with ip targets, assumed: no load balancer is among the inputs, one may front it from elsewhere',
    };
}
/**
 * Who sends the workload its traffic, for messages: "the load balancer" when one among the inputs
 * fronts it, the entry point when another one does, its in-cluster clients when load balancers are
 * among the inputs and none fronts it, else its Service with the honest caveat.
 */
function front(view, w) {
    const { graph } = view;
    if (graph.exposuresOf(w).length > 0)
        return 'the load balancer';
    const entry = graph.entriesOf(w)[0];
    if (entry)
        return entry.what;
    const svc = graph.servicesOf(w)[0];
    const name = svc ? `Service ${svc.name}` : 'its Service';
    const caller = svc ? graph.apiServerCaller(svc) : undefined;
    if (caller)
        return `${name} (called by the kube-apiserver, through ${caller.kind} ${caller.name})`;
    return view.reach(w) === 'in-cluster'
        ? `${name} (in-cluster clients only: no load balancer among the inputs fronts it)`
        : `${name} (no load balancer is among the inputs; one may front it from elsewhere)`;
}
/**
 * An IntOrString field as the API server accepts it, ready for the deployment controller's
 * arithmetic (core/rollout/fenceposts.ts): a whole number or a percentage; undefined for anything
 * invalid (a quoted number is not a percentage: field-type reports it), so a rule skips it.
 */
function intOrPercent(o, path) {
    const v = (0,read/* readIntOrString */.Kn)(o, path);
    if (v.state === 'unset')
        return { value: undefined, set: false };
    if (v.state === 'invalid')
        return { value: undefined, set: true };
    const x = v.value;
    if (typeof x === 'number')
        return { value: x, set: true };
    return { value: /^\d+%$/.test(x.trim()) ? x.trim() : undefined, set: true };
}

;// CONCATENATED MODULE: ./src/core/rules/deregistration-delay.ts



/* harmony default export */ const deregistration_delay = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'deregistration-delay',
        severity: 'warning',
        appliesTo: 'load-balanced',
        summary: "The target group's deregistration delay outlasts the pod's grace period.",
        rationale: 'When a target is deregistered the load balancer stops sending it new requests and waits up to the deregistration delay for in-flight ones; then it closes the connections. A pod may take up to terminationGracePeriodSeconds to finish its requests after deletion. If the delay is shorter, the load balancer cuts connections the pod is still draining and the client sees a 5xx (AWS: "If a deregistering target terminates the connection before the deregistration delay elapses, the client receives a 500-level error response"). The order that works is preStop delay + shutdown time < terminationGracePeriodSeconds ≤ deregistration delay. AWS\'s default is 300 s; the controller sets none.',
        fix: 'Set `deregistration_delay.timeout_seconds` in the `target-group-attributes` annotation to at least terminationGracePeriodSeconds, or shorten the grace period.',
        scope: 'Services exposed through the controller (alb Ingress or NLB Service) and the workloads they select. TargetGroupBindings are skipped: their target group is configured elsewhere.',
        params: {},
        references: [
            {
                title: 'Deregistration delay (Elastic Load Balancing, Application Load Balancers: target groups)',
                url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#deregistration-delay',
            },
            {
                title: 'Target group attributes annotation (AWS Load Balancer Controller, Ingress annotations)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-group-attributes',
            },
        ],
        examples: {
            incorrect: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=30\n# pods: terminationGracePeriodSeconds: 60',
            correct: 'alb.ingress.kubernetes.io/target-group-attributes: deregistration_delay.timeout_seconds=70\n# pods: terminationGracePeriodSeconds: 60',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            const grace = gracePeriod(w);
            if (!grace)
                continue;
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

// EXTERNAL MODULE: ./src/core/manifest/locate.ts + 1 modules
var locate = __webpack_require__(4803);
;// CONCATENATED MODULE: ./src/core/rules/duplicate-object.ts



/* harmony default export */ const duplicate_object = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'duplicate-object',
        severity: 'error',
        appliesTo: 'inputs',
        summary: 'No object (API group, kind, namespace, name) is defined twice across the inputs.',
        rationale: 'Two definitions of the same object are one object in the cluster: `kubectl apply` applies them in turn and the last one wins, so what runs depends on the order of the files and documents (a different order in CI, another overlay). zd-gate checks every definition and reports each copy, so its verdict does not depend on the order of the inputs either. Two identical copies are harmless but still a sign of a rendering mistake (a chart included twice).',
        fix: 'Keep one definition: remove the other copies, or give them different names or namespaces.',
        scope: 'Every named object among the inputs; objects with generateName are not identities and are skipped.',
        params: {},
        variants: [
            { severity: 'error', when: 'the definitions differ' },
            { severity: 'warning', when: 'the definitions are identical' },
        ],
        references: [
            {
                title: 'Declarative management of Kubernetes objects using configuration files (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/',
            },
        ],
        examples: {
            incorrect: '# a.yaml\nkind: Deployment\nmetadata: {name: web}\n---\n# b.yaml\nkind: Deployment\nmetadata: {name: web}',
            correct: '# a.yaml\nkind: Deployment\nmetadata: {name: web}',
        },
    },
    check(ctx) {
        for (const group of ctx.graph.duplicates()) {
            const identical = group.every((o) => JSON.stringify(o.raw) === JSON.stringify(group[0]?.raw));
            const places = group.map((o) => {
                const at = (0,locate/* locate */.x5)(o, ['metadata', 'name']);
                return `${at.file}:${at.line}`;
            });
            group.forEach((o, i) => {
                const others = places.filter((_, j) => j !== i);
                ctx.report({
                    object: o,
                    path: ['metadata', 'name'],
                    severity: identical ? 'warning' : 'error',
                    message: `${(0,types/* describeObject */.v8)(o)} is defined ${group.length} times (also at ${others.join(', ')})${identical ? ', identically' : ', differently'}: ${identical ? 'the copies are redundant' : 'kubectl apply keeps whichever it applies last, so what runs depends on the order of the inputs'}. Keep one definition.`,
                });
            });
        }
    },
}));

// EXTERNAL MODULE: ./src/core/manifest/objects.ts
var objects = __webpack_require__(4869);
// EXTERNAL MODULE: ./src/core/schema/check.ts + 2 modules
var check = __webpack_require__(5182);
// EXTERNAL MODULE: ./src/core/schema/k8s.generated.ts
var k8s_generated = __webpack_require__(1544);
;// CONCATENATED MODULE: ./src/core/rules/field-type.ts





/** Problems reported per object at most; the last one says how many more there are. */
const PER_OBJECT = 20;
/* harmony default export */ const field_type = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'field-type',
        severity: 'error',
        appliesTo: 'inputs',
        summary: 'Fields have the type the Kubernetes API expects, and no unknown field hides among them.',
        rationale: `The API server decodes a manifest into typed fields. \`replicas: "3"\` (a string), \`terminationGracePeriodSeconds: 30.5\` (not a whole number), \`1e309\` (Infinity) or a number where a label value or annotation belongs are rejected outright, and \`kubectl apply\` (whose default is \`--validate=strict\`) also rejects a field the type does not have, such as \`terminationGracePeriodSecond\`; clients that do not validate strictly drop that field silently, so its default stays in force. Values out of range are rejected too (negative replicas or probe timings), except a negative terminationGracePeriodSeconds, which the API server accepts with a warning and treats as 1 second.\n\nzd-gate checks every object whose kind it reads (Deployment, StatefulSet, Service, Ingress, IngressClass, PodDisruptionBudget, HorizontalPodAutoscaler, Namespace, PersistentVolumeClaim) against the Kubernetes ${k8s_generated/* KUBERNETES_VERSION */.Q} OpenAPI schema, and the fields it reads of Argo Rollouts, TargetGroupBindings and IngressClassParams. Its other rules read values through the same checks: a value of the wrong type is reported here, never taken for unset or replaced by its default.`,
        fix: 'Write the value with the type the message names (a number without quotes, a string in quotes), or correct the field name.',
        scope: 'Every object of a kind zd-gate reads, at the apiVersions the Kubernetes schema defines (older, removed apiVersions are not checked). At most 20 problems per object are listed.',
        params: {},
        references: [
            {
                title: 'Server-side field validation (kubectl apply --validate=strict) (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
            },
            {
                title: 'Kubernetes API reference',
                url: 'https://kubernetes.io/docs/reference/kubernetes-api/',
            },
        ],
        examples: {
            incorrect: 'spec:\n  replicas: "3"\n  template:\n    spec:\n      terminationGracePeriodSecond: 60',
            correct: 'spec:\n  replicas: 3\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60',
        },
    },
    check(ctx) {
        for (const o of ctx.graph.objects) {
            const issues = (0,check/* checkObject */.gr)(o, PER_OBJECT + 1);
            issues.slice(0, PER_OBJECT).forEach((issue, i) => {
                const more = i === PER_OBJECT - 1 && issues.length > PER_OBJECT;
                ctx.report({
                    object: o,
                    path: issue.path,
                    message: `${(0,types/* describeObject */.v8)(o)}: ${describe(issue, (0,objects/* field */.ZZ)(o, issue.path))}${more ? ` More problems of this kind in ${(0,types/* describeObject */.v8)(o)} are not listed.` : ''}`,
                });
            });
        }
    },
}));
function field_type_name(path) {
    return path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, '');
}
function describe(issue, value) {
    const at = `\`${field_type_name(issue.path)}\``;
    if (issue.kind === 'unknown') {
        return `${issue.got} is not a field of ${issue.owner}${issue.suggestion ?? '.'} kubectl apply rejects the object (strict field validation); clients that do not validate strictly drop the field, and what it was meant to set keeps its default.`;
    }
    if (issue.kind === 'value') {
        return issue.consequence
            ? `${at} is ${String(value)}, which must be ${issue.expected}: ${issue.consequence}.`
            : `${at} is ${issue.got.replace(/^the number /, '')}, which must be ${issue.expected}: the API server rejects it.`;
    }
    const hint = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) && /number/.test(issue.expected)
        ? ` Write it without quotes: ${value.trim()}.`
        : typeof value === 'number' && issue.expected === 'a string'
            ? ` Quote it: "${String(value)}".`
            : '';
    const subject = `${issue.item === 'list' ? 'each item of ' : issue.item === 'map' ? 'each value of ' : ''}${issue.owner ? `${issue.owner}.` : ''}${issue.field}`;
    return `${at} is ${issue.got}, but ${subject} must be ${issue.expected}: the API server rejects the object, and zd-gate does not read the value as unset.${hint}`;
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
/**
 * The endpoint a probe checks, without its timing or headers: two probes with the same handler
 * fail together when the application is overloaded or stuck.
 */
function handlerKey(c, probe) {
    if ((0,types/* isObject */.Gv)(probe.httpGet)) {
        const h = probe.httpGet;
        return JSON.stringify([
            'http',
            typeof h.scheme === 'string' ? h.scheme.toUpperCase() : 'HTTP',
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
/** A probe's timing with the API defaults filled in; undefined when a field is invalid (field-type reports it). */
function timingOf(c, kind) {
    const out = {};
    for (const [k, d] of Object.entries(TIMING_DEFAULTS)) {
        const v = (0,read/* orDefault */.pQ)((0,read/* readInt */.Uk)(c.owner, [...c.path, kind, k]), d);
        if (v === undefined)
            return undefined;
        // periodSeconds and failureThreshold of 0 are defaulted by the API server, like unset ones.
        out[k] = v === 0 && (k === 'periodSeconds' || k === 'failureThreshold' || k === 'timeoutSeconds') ? d : v;
    }
    return out;
}
/** Seconds of consecutive failures after which the kubelet acts on a probe: failureThreshold × periodSeconds. */
function failureWindow(t) {
    return t.failureThreshold * t.periodSeconds;
}

;// CONCATENATED MODULE: ./src/core/rules/healthcheck-path.ts





/** `/package.Service/Method`: the form of a gRPC health check path (ELB CreateTargetGroup HealthCheckPath). */
const GRPC_METHOD = /^\/[A-Za-z_][\w.]*\/[A-Za-z_]\w*$/;
const GRPC_DEFAULT_PATH = '/AWS.ALB/healthcheck';
/* harmony default export */ const healthcheck_path = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'healthcheck-path',
        severity: 'warning',
        appliesTo: 'load-balanced',
        summary: "The load balancer's health check matches the readiness probe, and a gRPC target group's check can pass.",
        rationale: "The target group decides with its own health check when a pod gets traffic; Kubernetes decides with the readiness probe. When they check different paths they disagree: the default `/` may answer 200 while the application is not ready (or 404 while it is), so the load balancer sends traffic to pods Kubernetes holds back, or marks healthy pods unhealthy (`Target.ResponseCodeMismatch`) and the readiness gate never opens. The controller's default ALB health-check path is `/`.\n\nA target group with `backend-protocol-version: GRPC` checks with gRPC: by default it calls `/AWS.ALB/healthcheck` and expects gRPC status 12 (Unimplemented), which any gRPC server answers, so it proves the server speaks gRPC. An HTTP readiness path does not apply to it, and a path that is not a gRPC method (`/package.Service/Method`) cannot pass. An Ingress-level `healthcheck-path` applies to every target group of the Ingress, gRPC ones included; a Service annotation overrides it for that Service's target group alone.",
        fix: 'Set `alb.ingress.kubernetes.io/healthcheck-path` (ALB) or `service.beta.kubernetes.io/aws-load-balancer-healthcheck-path` (NLB with an HTTP health check) to the readiness probe path; on the Service when the Ingress fronts several Services. For gRPC, keep the default `/AWS.ALB/healthcheck`, or use `/grpc.health.v1.Health/Check` with `success-codes: 0`.',
        scope: 'Load balancers with HTTP(S) or gRPC health checks in front of serving containers; HTTP checks are compared with httpGet readiness probes, gRPC checks are judged on their own.',
        params: {},
        variants: [
            { severity: 'warning', when: 'the HTTP health-check path differs from the readiness probe path' },
            {
                severity: 'error',
                when: 'a gRPC target group checks a path that is not a gRPC method, or a custom method while expecting status 12',
            },
        ],
        references: [
            {
                title: 'Health check annotations: healthcheck-path, success-codes (AWS Load Balancer Controller)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#healthcheck-path',
            },
            {
                title: 'Health checks for Application Load Balancer target groups (gRPC: /AWS.ALB/healthcheck, code 12)',
                url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html',
            },
        ],
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
                if (e.protocolVersion?.value.toUpperCase() === 'GRPC') {
                    grpc(ctx, w, e);
                    continue;
                }
                for (const s of ctx.graph.servingContainers(w)) {
                    if (s.service !== e.service || (e.servicePortIndex !== undefined && s.port.index !== e.servicePortIndex))
                        continue;
                    const probePath = httpPath(probeOf(s.container, 'readinessProbe'));
                    if (probePath === undefined || probePath === hc.value)
                        continue;
                    const at = fixLocation(ctx, e, hc.source.object);
                    ctx.report({
                        object: at.object,
                        path: at.path,
                        subject: w.object,
                        container: s.container.name,
                        message: `The health check of ${via(e)} requests \`${hc.value}\`${hc.explicit ? '' : ' (the default)'}, but ${who(w, s.container)} is ready by \`${probePath}\`: the load balancer and Kubernetes judge the pod by different endpoints. Set ${at.key}: ${probePath}${at.where}.`,
                    });
                }
            }
        }
    },
}));
function via(e) {
    return e.via === e.service ? (0,types/* describeObject */.v8)(e.via) : `${(0,types/* describeObject */.v8)(e.via)} → Service ${e.service.name}`;
}
/**
 * Where to set the health-check path for this target group only: on the Ingress when it fronts
 * this Service alone, else on the Service (its annotation overrides the Ingress's for its own
 * target group), so the fix changes no other target group, gRPC ones included.
 */
function fixLocation(ctx, e, current) {
    if (e.lb === 'nlb') {
        const key = `${lb/* NLB_PREFIX */.sl}aws-load-balancer-healthcheck-path`;
        return { object: e.service, path: ['metadata', 'annotations', key], key, where: '' };
    }
    const key = `${lb/* ALB_PREFIX */.HY}healthcheck-path`;
    const shared = new Set(ctx.graph.exposures.filter((x) => x.via === e.via).map((x) => x.service)).size > 1;
    if (e.via.kind === 'Ingress' && (shared || current === e.service))
        return {
            object: e.service,
            path: ['metadata', 'annotations', key],
            key,
            where: ` on Service ${e.service.name}${shared ? ` (an annotation on ${(0,types/* describeObject */.v8)(e.via)} would change the health check of all its target groups)` : ''}`,
        };
    return { object: current, path: ['metadata', 'annotations', key], key, where: '' };
}
/** gRPC target groups: the path must be a gRPC method, and a custom method answers 0, not the default 12. */
function grpc(ctx, w, e) {
    const hc = e.healthCheckPath;
    if (!hc)
        return;
    const key = `${lb/* ALB_PREFIX */.HY}healthcheck-path`;
    if (!GRPC_METHOD.test(hc.value)) {
        const onIngress = hc.source.object === e.via && e.via !== e.service;
        ctx.report({
            object: onIngress ? e.service : hc.source.object,
            path: ['metadata', 'annotations', key],
            subject: w.object,
            severity: 'error',
            message: `The target group of ${via(e)} speaks gRPC (backend-protocol-version GRPC), but its health check requests \`${hc.value}\`${onIngress ? ` from the annotation on ${(0,types/* describeObject */.v8)(e.via)}` : ''}, which is not a gRPC method (/package.Service/Method): every target stays unhealthy. Set ${key}: ${GRPC_DEFAULT_PATH} (the default, status 12) or /grpc.health.v1.Health/Check with success-codes: 0 on Service ${e.service.name}${onIngress ? ', which overrides the Ingress for this target group alone' : ''}.`,
        });
        return;
    }
    const codes = e.successCodes;
    if (hc.value !== GRPC_DEFAULT_PATH && codes && !codes.explicit) {
        ctx.report({
            object: codes.source.object,
            path: codes.source.path,
            subject: w.object,
            severity: 'error',
            message: `The gRPC health check of ${via(e)} calls \`${hc.value}\` but expects the default success code 12 (Unimplemented), which only a method the server does not implement returns (the default /AWS.ALB/healthcheck): a server that implements \`${hc.value}\` answers 0 and every target stays unhealthy. Set ${lb/* ALB_PREFIX */.HY}success-codes: "0" where the path is set.`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/hpa-replicas.ts



/* harmony default export */ const hpa_replicas = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'hpa-replicas',
        severity: 'warning',
        appliesTo: 'workloads',
        summary: 'A workload that a HorizontalPodAutoscaler scales does not set spec.replicas.',
        rationale: 'When an HPA manages a Deployment, StatefulSet or Rollout, the replica count is the HPA\'s to set. A manifest that also sets `spec.replicas` resets it to that value on every `kubectl apply` (and every `helm upgrade`, which merges the same way): a workload the HPA scaled to 12 drops to 3 at the start of the deploy, exactly when old and new pods are being replaced, and the HPA needs minutes to scale back. The Kubernetes docs: "When an HPA is enabled, it is recommended that the value of spec.replicas of the Deployment and / or StatefulSet be removed from their manifest(s)."',
        fix: 'Remove `spec.replicas` from the manifest (the HPA owns it), migrating as the Kubernetes docs describe so the live count is not reset to 1 on the way.',
        scope: 'Every Deployment, StatefulSet and Argo Rollout that a HorizontalPodAutoscaler among the inputs targets.',
        params: {},
        references: [
            {
                title: 'Migrating Deployments and StatefulSets to horizontal autoscaling (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling',
            },
        ],
        examples: {
            incorrect: 'kind: Deployment\nspec:\n  replicas: 3   # and an HPA scales it',
            correct: 'kind: Deployment\nspec:\n  # no replicas: the HPA sets it',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.workloads) {
            const hpa = ctx.graph.hpaOf(w);
            if (!hpa)
                continue;
            const r = (0,read/* readInt */.Uk)(w.object, ['spec', 'replicas']);
            if (r.state !== 'set')
                continue;
            ctx.report({
                object: w.object,
                path: ['spec', 'replicas'],
                subject: w.object,
                message: `${(0,types/* describeObject */.v8)(hpa)} scales ${(0,types/* describeObject */.v8)(w.object)}, which also sets replicas: ${r.value}: every apply of this manifest resets the replica count to ${r.value}, whatever the HPA has scaled it to, a capacity drop at the start of each deploy. Remove spec.replicas and let the HPA own it.`,
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/liveness-probe.ts



/** The HTTP headers a probe sends: probes on the same endpoint with different headers are not identical. */
function headersOf(probe) {
    const h = probe.httpGet;
    return JSON.stringify(h !== null && typeof h === 'object' && 'httpHeaders' in h ? h.httpHeaders : []);
}
/* harmony default export */ const liveness_probe = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'liveness-probe',
        severity: 'warning',
        appliesTo: 'served',
        summary: 'Serving containers have a liveness probe that does not fail together with the readiness probe.',
        rationale: 'A liveness probe restarts a container that hangs; without one a stuck process stays registered until someone notices. But a liveness probe on the same endpoint as the readiness probe, with an equal or shorter failure window (failureThreshold × periodSeconds), fails at the same moment or sooner: a pod that is only briefly overloaded is restarted instead of being taken out of the target group, and under load the restarts cascade across replicas. Readiness should check "can I take traffic now", liveness "am I beyond recovery" (kube-score, pod-probes-identical, flags a liveness probe on the readiness endpoint).',
        fix: 'Point the liveness probe at a cheaper endpoint than the readiness probe, or give it a longer failure window (a higher failureThreshold or periodSeconds).',
        scope: 'Serving containers of workloads a Service selects.',
        params: {},
        variants: [
            {
                severity: 'warning',
                when: 'the liveness probe checks the same endpoint as the readiness probe and gives up no later than it',
            },
            { severity: 'notice', when: 'the container has no liveness probe' },
        ],
        references: [
            {
                title: 'Configure Liveness, Readiness and Startup Probes (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
            },
            {
                title: 'kube-score: pod-probes-identical (README_PROBES.md)',
                url: 'https://github.com/zegl/kube-score/blob/master/README_PROBES.md',
            },
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
                        message: `${who(w, c)} has no livenessProbe: a hung process keeps receiving traffic from ${front(ctx, w)} until it is restarted by hand. Consider a liveness probe that differs from the readiness probe.`,
                    });
                    continue;
                }
                if (!ready)
                    continue;
                const endpoint = handlerKey(c, live);
                if (endpoint === undefined || endpoint !== handlerKey(c, ready))
                    continue;
                const lt = timingOf(c, 'livenessProbe');
                const rt = timingOf(c, 'readinessProbe');
                if (!lt || !rt)
                    continue;
                const lw = failureWindow(lt);
                const rw = failureWindow(rt);
                if (lw > rw)
                    continue;
                const identical = JSON.stringify(lt) === JSON.stringify(rt) && headersOf(live) === headersOf(ready);
                ctx.report({
                    object: w.object,
                    path: [...c.path, 'livenessProbe'],
                    container: c.name,
                    severity: 'warning',
                    message: `${who(w, c)}: the livenessProbe ${identical ? 'is identical to the readinessProbe (same check and timing)' : `checks the same endpoint as the readinessProbe and gives up ${lw === rw ? 'at the same time' : 'sooner'} (after ${seconds(lw)} of failures, against ${seconds(rw)})`}, so a briefly overloaded pod is restarted instead of just leaving the target group, and restarts can cascade under load. Point liveness at a cheaper endpoint or give it a longer failure window (failureThreshold × periodSeconds above ${seconds(rw)}).`,
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/min-replicas.ts




/* harmony default export */ const min_replicas = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'min-replicas',
        severity: 'warning',
        appliesTo: 'served',
        summary: 'Served workloads run at least two replicas (single-instance stateful stores excepted).',
        rationale: 'With a single replica every rollout, eviction or crash leaves the target group with one target in `initial` or `draining` and none healthy, however well the rest is configured. When an HPA targets the workload, its minReplicas is the floor that counts; an unset `replicas` means 1.\n\nA single instance of a stateful store is different: a second replica of a MySQL or Postgres StatefulSet, a Redis Deployment, or any pod with a ReadWriteOnce volume is a second, independent database (or a pod that cannot attach the volume), not a copy. zd-gate gives no replica advice there: making such a store highly available takes replication the application has to provide (an operator, a managed service).',
        fix: 'Set `spec.replicas` (or the HPA `minReplicas`) to at least `minimum`.',
        scope: 'Workloads a Service selects, except single-instance stateful stores (a StatefulSet with volume claim templates, a pod with a ReadWriteOnce claim, or a data-store image such as mysql, postgres, redis, mongo, rabbitmq).',
        params: {
            minimum: { type: 'integer', default: 2, minimum: 1, description: 'Fewest replicas a served workload may run.' },
        },
        references: [
            {
                title: 'Run multiple replicas (Amazon EKS Best Practices Guide, Reliability: Applications)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
            },
        ],
        examples: { incorrect: 'spec:\n  replicas: 1', correct: 'spec:\n  replicas: 3' },
    },
    check(ctx) {
        const min = ctx.params.minimum;
        for (const w of ctx.graph.servedWorkloads()) {
            const r = ctx.graph.minReplicas(w);
            if (r.value === undefined || r.value >= min || ctx.graph.singleInstanceStore(w) !== undefined)
                continue;
            const viaHpa = r.object !== w.object;
            const explicit = (0,objects/* field */.ZZ)(r.object, r.path) !== undefined;
            const n = `${r.value} replica${r.value === 1 ? '' : 's'}`;
            const risk = r.value <= 1
                ? `any rollout or eviction leaves ${front(ctx, w)} without a ready pod`
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




/* harmony default export */ const pdb_blocks_drain = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'pdb-blocks-drain',
        severity: 'warning',
        appliesTo: 'workloads',
        summary: 'A PodDisruptionBudget still allows one voluntary eviction.',
        rationale: 'A budget that allows no eviction (maxUnavailable 0, minAvailable 100%, or minAvailable equal to the replica count) makes `kubectl drain` and node upgrades hang on these pods until someone deletes the budget by hand, usually in a hurry, which is when outages happen. The Kubernetes docs: "If you set maxUnavailable to 0% or 0, or you set minAvailable to 100% or the number of replicas, you are requiring zero voluntary evictions. When you set zero voluntary evictions for a workload object such as ReplicaSet, then you cannot successfully drain a Node running one of those Pods." With an HPA, the replica count that matters is minReplicas.',
        fix: 'Use `maxUnavailable: 1` (or a percentage that allows at least one), or a `minAvailable` below the replica count.',
        scope: 'Every PodDisruptionBudget; replica counts come from the workloads it selects (HPA minReplicas when one targets them).',
        params: {},
        references: [
            {
                title: 'Specifying a Disruption Budget for your Application (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
            },
        ],
        examples: {
            incorrect: 'spec:\n  minAvailable: 3   # Deployment has replicas: 3\n  selector: {matchLabels: {app: web}}',
            correct: 'spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}',
        },
    },
    check(ctx) {
        for (const pdb of ctx.graph.pdbs()) {
            const o = pdb.object;
            const minAvailable = intOrPercent(o, ['spec', 'minAvailable']);
            const maxUnavailable = intOrPercent(o, ['spec', 'maxUnavailable']);
            const workloads = ctx.graph.workloadsOfPdb(pdb);
            const block = (path, why, fix) => ctx.report({
                object: o,
                path,
                ...(workloads[0] ? { subject: workloads[0].object } : {}),
                message: `${(0,types/* describeObject */.v8)(o)} allows no voluntary eviction: ${why}, so node drains and upgrades block on these pods. ${fix}`,
            });
            if (maxUnavailable.set) {
                // A maxUnavailable percentage rounds up, so only 0 (or 0%) blocks every eviction.
                const u = maxUnavailable.value;
                if (u === 0 || u === '0%') {
                    block(['spec', 'maxUnavailable'], `maxUnavailable: ${String(u)}`, 'Use maxUnavailable: 1 (or a percentage above 0%).');
                }
                continue;
            }
            const min = minAvailable.value;
            if (min === '100%') {
                block(['spec', 'minAvailable'], 'minAvailable: 100%', 'Use maxUnavailable: 1, or a minAvailable percentage that leaves one pod to evict.');
                continue;
            }
            if (min === undefined || workloads.length === 0)
                continue;
            // The disruption controller weighs minAvailable against every pod the budget selects (the
            // workloads' replicas summed, HPA minReplicas where an HPA scales them) and rounds a
            // percentage up (pkg/controller/disruption getExpectedPodCount).
            const counts = workloads.map((w) => ({ w, r: ctx.graph.minReplicas(w) }));
            if (counts.some((c) => c.r.value === undefined))
                continue;
            const total = counts.reduce((n, c) => n + c.r.value, 0);
            const need = (0,fenceposts/* scaledValue */.GA)(min, total, true);
            if (total === 0 || need < total)
                continue;
            const from = counts
                .map(({ w, r }) => `${(0,types/* describeObject */.v8)(w.object)} ${r.object === w.object ? 'replicas' : 'HPA minReplicas'}: ${String(r.value)}`)
                .join(' + ');
            block(['spec', 'minAvailable'], `minAvailable ${String(min)} requires ${need} of the ${total} pod${total === 1 ? '' : 's'} it selects (${from}) to stay up`, total > 1
                ? `Use maxUnavailable: 1, or minAvailable: ${total - 1} at most.`
                : 'Use maxUnavailable: 1, and run at least 2 replicas.');
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/pod-disruption-budget.ts



/* harmony default export */ const pod_disruption_budget = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'pod-disruption-budget',
        severity: 'warning',
        appliesTo: 'served',
        summary: 'A PodDisruptionBudget covers the pods of every served workload, and none selects nothing.',
        rationale: 'Node drains (upgrades, Karpenter consolidation, spot interruptions handled by a drain) evict pods through the eviction API, which honours PodDisruptionBudgets. Without one, a drain can evict every replica behind the load balancer at once, and the target group is left with nothing healthy. A budget whose selector matches no pod (a typo in a label, an empty `matchLabels` in the wrong place) protects nothing and looks like it does: zd-gate names that budget as the mistake.',
        fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod labels, with `maxUnavailable: 1` (or a `minAvailable` below the replica count); or fix the selector of the budget that matches nothing.',
        scope: 'Workloads a Service selects.',
        params: {},
        references: [
            {
                title: 'Disruptions: Pod disruption budgets (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/#pod-disruption-budgets',
            },
            {
                title: 'Configure Pod Disruption Budgets (Amazon EKS Best Practices Guide, Reliability)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
            },
        ],
        examples: {
            incorrect: '# Deployment web, no PodDisruptionBudget selects app=web',
            correct: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}',
        },
    },
    check(ctx) {
        // Budgets that select no workload among the inputs, by namespace: the likely mistake behind a
        // workload without a budget in the same namespace.
        const orphans = new Map();
        for (const p of ctx.graph.pdbs()) {
            if (ctx.graph.workloadsOfPdb(p).length > 0)
                continue;
            const ns = p.object.namespace ?? '';
            orphans.set(ns, [...(orphans.get(ns) ?? []), p]);
        }
        const blamed = new Map();
        for (const w of ctx.graph.servedWorkloads()) {
            if (ctx.graph.pdbsOf(w).length > 0)
                continue;
            const candidates = orphans.get(w.object.namespace ?? '') ?? [];
            const best = closest(candidates, w);
            if (best) {
                blamed.set(best, [...(blamed.get(best) ?? []), w]);
                continue;
            }
            ctx.report({
                object: w.object,
                path: ['metadata', 'name'],
                message: `No PodDisruptionBudget selects the pods of ${(0,types/* describeObject */.v8)(w.object)}: a node drain may evict every replica behind ${front(ctx, w)} at once. Add one with maxUnavailable: 1 and a selector matching the pod labels.`,
            });
        }
        for (const [pdb, workloads] of blamed) {
            const labels = (w) => Object.entries(w.podLabels)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ');
            ctx.report({
                object: pdb.object,
                path: ['spec', 'selector'],
                subjects: workloads.map((w) => w.object),
                message: (subjects) => {
                    const ws = workloads.filter((w) => subjects.includes(w.object));
                    return `${(0,types/* describeObject */.v8)(pdb.object)} selects no pod among the inputs (${selectorText(pdb)}), so it protects nothing, and ${list(ws.map((w) => (0,types/* describeObject */.v8)(w.object)))} ${ws.length === 1 ? 'has' : 'have'} no budget: a node drain may evict every replica at once. Make its selector match the pod labels (${list(ws.map(labels))}).`;
                },
            });
        }
    },
}));
function selectorText(p) {
    const parts = [
        ...Object.entries(p.selector.matchLabels).map(([k, v]) => `${k}=${v}`),
        ...p.selector.matchExpressions.map((e) => `${e.key} ${e.operator} (${e.values.join(', ')})`),
    ];
    return parts.length > 0 ? `selector ${parts.join(', ')}` : 'an empty selector';
}
/** The budget whose selector shares the most label keys with the workload's pods; undefined when none shares any. */
function closest(candidates, w) {
    let best;
    let score = 0;
    for (const p of candidates) {
        const keys = [...Object.keys(p.selector.matchLabels), ...p.selector.matchExpressions.map((e) => e.key)];
        const s = keys.filter((k) => k in w.podLabels).length;
        if (s > score) {
            best = p;
            score = s;
        }
    }
    return best;
}

;// CONCATENATED MODULE: ./src/core/pod/prestop.ts
/**
 * What a container's preStop hook does to termination: how long it delays SIGTERM, whether it
 * stops the server before that delay is over, and whether it needs a shell or a `sleep` binary in
 * the image. Recognised forms (docs/validate-scope.md, "What preStop hooks zd-gate reads"):
 *
 *   exec: ["sleep", "15"]                   exec: ["/bin/sh", "-c", "sleep 15 && nginx -s quit"]
 *   exec: ["busybox", "sleep", "15"]        sleep: { seconds: 15 }   (native, Kubernetes 1.29+)
 *   httpGet: { path: /drain, port: 8080 }   (delays for as long as the endpoint takes; unknown here)
 *
 * A shell script is read command by command, in order (`;`, `&&`, `||`, `|`, `&`, newlines). Only
 * a delay that comes before any command that stops or signals the server to stop counts: `nginx -s
 * quit; sleep 15` closes the listener at once and then waits for nothing. A backgrounded `sleep 15 &`
 * delays nothing. A sleep inside a loop waits for a condition, not for a known time.
 */


const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const basename = (s) => s.slice(s.lastIndexOf('/') + 1);
const cache = new WeakMap();
/** The container's preStop hook, read once per container (several rules ask). */
function preStopOf(c) {
    let p = cache.get(c);
    if (!p) {
        p = readPreStop(c);
        cache.set(c, p);
    }
    return p;
}
function readPreStop(c) {
    const hook = (0,types/* isObject */.Gv)(c.raw.lifecycle) && (0,types/* isObject */.Gv)(c.raw.lifecycle.preStop) ? c.raw.lifecycle.preStop : undefined;
    const base = [...c.path, 'lifecycle', 'preStop'];
    if (!hook)
        return { kind: 'none' };
    if ((0,types/* isObject */.Gv)(hook.sleep)) {
        const path = [...base, 'sleep', 'seconds'];
        const s = (0,read/* readInt */.Uk)(c.owner, path);
        return { kind: 'sleep', seconds: s.state === 'set' ? s.value : undefined, path };
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
    if (SHELLS.has(head)) {
        const { script } = shellScript(argv);
        const run = walk(splitCommands(script));
        // A sleep inside a loop (`while ...; do sleep 1; done`) waits for a condition, not for its sum.
        const loops = /(?:^|[;&|(){}\s`])(?:while|until|for)\s[\s\S]*?[;\s]do(?:\s|$)/.test(script);
        return {
            ...run,
            seconds: loops ? undefined : run.seconds,
            delay: loops ? undefined : run.delay,
            needsShell: true,
            usesSleepBinary: run.sleeps,
        };
    }
    const run = walk([{ words: [...argv], background: false }]);
    return { ...run, needsShell: false, usesSleepBinary: head === 'sleep' };
}
/** Sums the sleeps in order, and the part of them before the first stop command. */
function walk(commands) {
    let total = 0;
    let delay;
    let stopsFirst;
    let sleeps = false;
    let background = false;
    for (const c of commands) {
        const words = stripPrefix(c.words);
        const name = words[0] === undefined ? '' : basename(words[0]);
        if (name === 'sleep') {
            if (c.background) {
                background = true;
                continue;
            }
            sleeps = sleeps || words.length > 1;
            const s = sleepArgs(words.slice(1));
            total = s === undefined || total === undefined ? undefined : total + s;
            continue;
        }
        if (stopsFirst === undefined && stops(words)) {
            stopsFirst = c.words.join(' ');
            delay = total;
        }
    }
    if (stopsFirst === undefined)
        delay = total;
    if (!sleeps)
        total = undefined;
    return {
        seconds: total,
        delay: sleeps ? delay : undefined,
        stopsFirst: sleeps && stopsFirst !== undefined && delay !== undefined && delay < (total ?? 0) ? stopsFirst : undefined,
        sleeps,
        background,
    };
}
/** Drops what only changes how a command runs: `exec`, `command`, `busybox`, `nohup`, variable assignments. */
function stripPrefix(words) {
    let i = 0;
    while (i < words.length) {
        const w = words[i];
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || ['exec', 'command', 'busybox', 'nohup', 'sudo'].includes(basename(w)))
            i++;
        else
            break;
    }
    return words.slice(i);
}
/** Signals that end or drain a server's listener: TERM, INT, QUIT, KILL, STOP, WINCH (Apache's and nginx's graceful stop). */
const STOP_SIGNALS = new Set(['TERM', 'INT', 'QUIT', 'KILL', 'STOP', 'WINCH', '15', '2', '3', '9', '19', '28']);
/**
 * True when the command stops the server or tells it to stop: kill/pkill/killall with a stopping
 * signal (SIGUSR1 when it targets HAProxy, whose soft stop it is), `nginx -s quit|stop`,
 * `apachectl`/`httpd -k graceful-stop|stop`, `supervisorctl stop`, `rabbitmqctl stop`,
 * `redis-cli shutdown`, `pg_ctl stop`, `mysqladmin shutdown`, and Envoy's `/quitquitquit`.
 */
function stops(words) {
    const name = words[0] === undefined ? '' : basename(words[0]);
    const args = words.slice(1);
    const text = words.join(' ');
    switch (name) {
        case 'kill':
        case 'pkill':
        case 'killall': {
            const sig = signalOf(args);
            if (sig === '0' || sig === 'l' || sig === 'L')
                return false;
            if (sig === 'USR1' || sig === '10')
                return /haproxy/i.test(text);
            return STOP_SIGNALS.has(sig);
        }
        case 'nginx':
        case 'openresty':
            return args.some((a, i) => a === '-s' && /^(quit|stop)$/.test(args[i + 1] ?? ''));
        case 'apachectl':
        case 'apache2ctl':
        case 'httpd':
        case 'apache2':
            return args.some((a) => /^(graceful-stop|stop)$/.test(a));
        case 'supervisorctl':
            return args[0] === 'stop';
        case 'rabbitmqctl':
            return /^(stop|stop_app|shutdown)$/.test(args[0] ?? '');
        case 'redis-cli':
        case 'valkey-cli':
            return args.some((a) => /^shutdown$/i.test(a));
        case 'pg_ctl':
            return args.includes('stop');
        case 'mysqladmin':
            return args.includes('shutdown');
        case 'curl':
        case 'wget':
            return /\/quitquitquit\b/.test(text);
        default:
            return false;
    }
}
/** The signal a kill/pkill/killall sends: `-QUIT`, `-SIGQUIT`, `-3`, `-s QUIT`, `--signal=QUIT`; TERM by default. */
function signalOf(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--')
            break;
        let sig;
        if (a === '-s' || a === '--signal' || a === '-n')
            sig = args[i + 1];
        else if (a.startsWith('--signal='))
            sig = a.slice(9);
        else if (/^-[A-Za-z0-9]+$/.test(a) && !/^-[a-z]$/.test(a))
            sig = a.slice(1);
        if (sig !== undefined)
            return sig.toUpperCase().replace(/^SIG/, '');
    }
    return 'TERM';
}
/**
 * Cuts a shell script into simple commands, in order: on `;`, `&&`, `||`, `|`, `&`, newlines and
 * grouping braces or parentheses, outside quotes and command substitutions; each command's words
 * with quotes removed. Shell keywords (`if`, `then`, `do`, ...) are dropped, so the commands of an
 * `if` read as running in sequence: an approximation that errs on reading a stop command as run.
 */
function splitCommands(script) {
    const out = [];
    let words = [];
    let word = '';
    let quote;
    let depth = 0; // inside $( ... ) or ` ... `
    let inWord = false;
    const endWord = () => {
        if (inWord)
            words.push(word);
        word = '';
        inWord = false;
    };
    const endCommand = (background) => {
        endWord();
        while (words.length > 0 && KEYWORDS.has(words[0]))
            words.shift();
        if (words.length > 0)
            out.push({ words, background });
        words = [];
    };
    for (let i = 0; i < script.length; i++) {
        const ch = script[i];
        if (quote) {
            if (ch === quote)
                quote = undefined;
            else if (ch === '\\' && quote === '"' && i + 1 < script.length)
                word += script[++i];
            else
                word += ch;
            continue;
        }
        if (depth > 0) {
            word += ch;
            if (ch === '(' && script[i - 1] === '$')
                depth++;
            else if (ch === ')' || ch === '`')
                depth--;
            continue;
        }
        if (ch === '"' || ch === "'") {
            quote = ch;
            inWord = true;
        }
        else if (ch === '\\' && i + 1 < script.length) {
            word += script[++i];
            inWord = true;
        }
        else if (ch === '$' && script[i + 1] === '(') {
            word += '$(';
            i++;
            depth = 1;
            inWord = true;
        }
        else if (ch === '`') {
            word += ch;
            depth = 1;
            inWord = true;
        }
        else if (ch === '#' && !inWord) {
            while (i < script.length && script[i] !== '\n')
                i++;
            endCommand(false);
        }
        else if (ch === ';' || ch === '\n' || ch === '(' || ch === ')' || ch === '{' || ch === '}') {
            endCommand(false);
        }
        else if (ch === '&' || ch === '|') {
            const double = script[i + 1] === ch;
            endCommand(ch === '&' && !double);
            if (double)
                i++;
        }
        else if (/\s/.test(ch)) {
            endWord();
        }
        else {
            word += ch;
            inWord = true;
        }
    }
    endCommand(false);
    return out;
}
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', 'time']);
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
/** GNU sleep: each argument NUMBER[smhd], summed; `infinity` never returns; undefined when unreadable. */
function sleepArgs(args) {
    let total = 0;
    let any = false;
    for (const a of args) {
        if (a === 'infinity')
            return Infinity;
        const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(a);
        if (!m)
            return any ? total : undefined;
        total += Number(m[1]) * UNIT[m[2] || 's'];
        any = true;
    }
    return any ? total : undefined;
}
/** How long the hook takes (sleep, exec with sleep); undefined when unknown. For the grace period. */
function knownDuration(p) {
    return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.seconds : undefined;
}
/** How long the hook keeps the server serving before anything stops it; undefined when unknown. */
function protectiveDelay(p) {
    return p.kind === 'sleep' ? p.seconds : p.kind === 'exec' ? p.delay : undefined;
}

;// CONCATENATED MODULE: ./src/core/rules/prestop-binary.ts



/* harmony default export */ const prestop_binary = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'prestop-binary',
        severity: 'warning',
        appliesTo: 'served',
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
        references: [
            {
                title: 'Container hooks: hook handler implementations, sleep (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations',
            },
            {
                title: 'Distroless images contain no shell (GoogleContainerTools/distroless)',
                url: 'https://github.com/GoogleContainerTools/distroless#debug-images',
            },
        ],
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



/* harmony default export */ const prestop_duration = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'prestop-duration',
        severity: 'warning',
        appliesTo: 'load-balanced',
        summary: 'The preStop delay outlasts the expected deregistration propagation.',
        rationale: 'A preStop sleep only helps if it lasts until the load balancer has stopped sending new requests to the pod. The controller maintainers give the budget as *controller processing time + ELB API propagation time + HTTP request/response RTT + kube-proxy iptables update time* (M00nF1sh in aws-load-balancer-controller#1719, quoted in #2106). In ip mode the load balancer reaches pods directly, so kube-proxy drops out: about 15 s is the least that works in practice (#1064 needed 25 s). In instance mode traffic crosses kube-proxy, whose iptables sync period is up to 30 s, on top. NLB deregistration is slower: users measure a minute to over two (#2366, #3270). Only the part of the hook before any command that stops the server counts (see prestop-hook).',
        fix: 'Raise the preStop sleep to at least the threshold for the load balancer in front of the pod, and terminationGracePeriodSeconds with it.',
        scope: 'Serving containers with a readable preStop delay in workloads behind a load balancer. The threshold is the largest among the load balancers in front of the workload, for the target type in force; with no load balancer among the inputs at all, the ALB ip threshold is assumed (and the message says so). Workloads only in-cluster clients reach are not judged.',
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
            const need = deregistrationThreshold(ctx, w, thresholds);
            if (!need)
                continue;
            for (const c of servingContainers(ctx.graph, w)) {
                const hook = preStopOf(c);
                const delay = protectiveDelay(hook);
                // No delay, a zero one, or one a stop command voids: prestop-hook reports those.
                if (delay === undefined || delay === 0 || delay >= need.seconds || hook.kind === 'none' || hook.kind === 'http')
                    continue;
                if (hook.kind === 'exec' && hook.stopsFirst !== undefined)
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



/* harmony default export */ const prestop_hook = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'prestop-hook',
        severity: 'error',
        appliesTo: 'served',
        summary: 'Every serving container has a preStop hook that delays termination before anything stops the server.',
        rationale: 'When a pod is deleted, the kubelet sends SIGTERM at the same moment the endpoint change starts its way to the load balancer controller, the ELB API and the load balancer nodes. A process that exits on SIGTERM is gone while the load balancer still sends it requests: 502s. A preStop hook runs before SIGTERM and keeps the pod serving until deregistration has propagated.\n\nOnly a delay that comes before any stop counts. `nginx -s quit; sleep 15`, `kill -SIGUSR1 $(pidof haproxy); sleep 25` or `kill 1 && sleep 10` close the listener at once and then wait for nothing: the load balancer still routes to a pod that no longer accepts connections. The hook is read command by command (docs/validate-scope.md lists the stop commands recognised).',
        fix: 'Add `lifecycle.preStop.sleep.seconds` (Kubernetes 1.30+; no shell needed) or an exec `sleep` long enough for deregistration (see prestop-duration), with any stop command after the sleep, and raise terminationGracePeriodSeconds to cover it.',
        scope: 'Serving containers of workloads a Service selects. Recognised delays: exec `sleep N` (also through `sh -c` or busybox), `httpGet`, and the native `sleep` action.',
        params: {},
        references: [
            {
                title: 'Pod lifecycle: termination of Pods (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
            },
            {
                title: 'Load balancing: handle graceful termination (Amazon EKS Best Practices Guide, Networking)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
            },
            {
                title: 'Getting 502/504 with Pod Readiness Gates during rolling updates (aws-load-balancer-controller#1719)',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/1719',
            },
        ],
        examples: {
            incorrect: 'lifecycle:\n  preStop:\n    exec:\n      command: ["/bin/sh", "-c", "nginx -s quit; sleep 15"]',
            correct: 'lifecycle:\n  preStop:\n    exec:\n      command: ["/bin/sh", "-c", "sleep 15; nginx -s quit"]',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            const suggestion = suggest(ctx, w);
            for (const c of servingContainers(ctx.graph, w)) {
                const p = preStopOf(c);
                if (p.kind === 'none') {
                    ctx.report({
                        object: w.object,
                        path: [...c.path, 'lifecycle', 'preStop'],
                        container: c.name,
                        message: `${who(w, c)} has no preStop hook: on deletion it gets SIGTERM while ${front(ctx, w)} still routes to it. Add ${suggestion.text}.`,
                    });
                }
                else if (p.kind === 'exec' && p.stopsFirst !== undefined) {
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` stops the server (\`${p.stopsFirst}\`) ${p.delay ? `after only ${seconds(p.delay)}` : 'before it sleeps'}: the listener closes while ${front(ctx, w)} still routes to it, so the ${seconds(p.seconds ?? 0)} of sleep protect nothing. Sleep first, then stop (e.g. \`sleep ${suggestion.seconds}; ${p.stopsFirst}\`), or use ${suggestion.text}.`,
                    });
                }
                else if (p.kind === 'exec' && !p.sleeps && p.background) {
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs its sleep in the background (\`&\`), so the hook returns at once and termination is not delayed. Remove the \`&\` after the sleep, or use ${suggestion.text}.`,
                    });
                }
                else if (p.kind === 'exec' && !p.sleeps) {
                    const ignored = p.needsShell ? shellScript(p.command).ignored : [];
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: ignored.length > 0
                            ? `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs only \`${shellScript(p.command).script}\`: the words after the -c script (${ignored.join(' ')}) become the shell's $0, $1, so termination is not delayed. Put the whole command in one string, e.g. ["sh", "-c", "${[shellScript(p.command).script, ...ignored].join(' ')}"], or use ${suggestion.text}.`
                            : `${who(w, c)}: the preStop command \`${p.command.join(' ')}\` runs no visible sleep, so termination is not delayed until deregistration. Add \`sleep ${suggestion.seconds}\` before it, or use ${suggestion.text}. If the command itself waits, suppress this rule on the object with the zd-gate/ignore annotation.`,
                    });
                }
                else if ((p.kind === 'exec' || p.kind === 'sleep') && p.seconds === 0) {
                    ctx.report({
                        object: w.object,
                        path: p.path,
                        container: c.name,
                        message: `${who(w, c)}: the preStop hook sleeps 0s, which does not delay termination. Use ${suggestion.text}.`,
                    });
                }
            }
        }
    },
}));
/**
 * What to suggest: prestop-duration's default threshold for the load balancer in force (the
 * endpoint propagation to kube-proxy for in-cluster-only workloads), and a grace period that
 * covers it with termination-grace's default 10 s to shut down.
 */
function suggest(ctx, w) {
    const need = deregistrationThreshold(ctx, w, DEFAULT_THRESHOLDS);
    const delay = need?.seconds ?? IN_CLUSTER_DELAY;
    const why = need
        ? `about the time deregistration takes to propagate behind ${need.what}`
        : 'about the time the endpoint removal takes to reach kube-proxy on every node, for its in-cluster clients';
    const grace = gracePeriod(w)?.seconds;
    const raise = grace !== undefined && grace < delay + 10
        ? `; and raise terminationGracePeriodSeconds from ${grace} to at least ${delay + 10}`
        : '';
    return { seconds: delay, text: `lifecycle.preStop.sleep.seconds: ${delay}, ${why}${raise}` };
}

;// CONCATENATED MODULE: ./src/core/rules/readiness-gate.ts



const INJECT_LABEL = 'elbv2.k8s.aws/pod-readiness-gate-inject';
const CONDITION_PREFIX = 'target-health.elbv2.k8s.aws/';
/* harmony default export */ const readiness_gate = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'readiness-gate',
        severity: 'error',
        appliesTo: 'load-balanced',
        summary: "Pods behind ip targets get the controller's readiness gate (namespace label).",
        rationale: "Without a readiness gate a new pod is Ready as soon as its own probe passes, while its target is still `initial` in the target group; the deployment controller then deletes an old pod that is still the load balancer's only healthy target. With the namespace label `elbv2.k8s.aws/pod-readiness-gate-inject: enabled`, the controller's webhook adds a `target-health.elbv2.k8s.aws/<binding>` gate at pod creation and sets it True only when the target is healthy, so the rollout waits for the load balancer. It works only for ip targets, and only for pods created after the label and the Ingress/Service exist. A TargetGroupBinding without `targetType` that binds a ClusterIP Service is an ip target group (instance targets need a NodePort), so it needs the label too.",
        fix: 'Label the namespace: `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` (in its manifest, or `kubectl label namespace <ns> elbv2.k8s.aws/pod-readiness-gate-inject=enabled`), before the pods are created.',
        scope: 'Workloads behind a load balancer with ip targets. Not applicable to instance targets. One finding per Namespace, listing its workloads.',
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
            {
                title: 'Utilize Pod Readiness Gates (Amazon EKS Best Practices Guide, Networking: load balancing)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
            },
        ],
        examples: {
            incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
            correct: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
        },
    },
    check(ctx) {
        const byNamespace = new Map();
        for (const w of ctx.graph.servedWorkloads()) {
            const ns = w.object.namespace;
            const ip = ctx.graph.exposuresOf(w).find((e) => e.targetType.value === 'ip');
            if (ns === undefined || !ip || hasGateInTemplate(w))
                continue;
            const nsObj = ctx.graph.namespace(ns);
            if (!nsObj) {
                ctx.report({
                    object: w.object,
                    path: ['metadata', 'namespace'],
                    severity: 'warning',
                    message: `${(0,types/* describeObject */.v8)(w.object)} sits behind the ip targets of ${(0,types/* describeObject */.v8)(ip.via)}, but Namespace ${ns} is not among the inputs, so its \`${INJECT_LABEL}: enabled\` label cannot be checked. Without it, pods go Ready before their targets are healthy. Include the Namespace manifest, or make sure it is labelled before the pods are created.`,
                });
                continue;
            }
            if (nsObj.labels[INJECT_LABEL] === 'enabled')
                continue;
            byNamespace.set(nsObj, [...(byNamespace.get(nsObj) ?? []), { w, via: ip.via }]);
        }
        // One finding per Namespace, listing its workloads; each workload can still be suppressed on its own.
        for (const [nsObj, items] of byNamespace) {
            const value = nsObj.labels[INJECT_LABEL];
            ctx.report({
                object: nsObj,
                path: ['metadata', 'labels', INJECT_LABEL],
                subjects: items.map((i) => i.w.object),
                message: (subjects) => {
                    const kept = items.filter((i) => subjects.includes(i.w.object));
                    const names = kept.map((i) => `${(0,types/* describeObject */.v8)(i.w.object)} (behind the ip targets of ${(0,types/* describeObject */.v8)(i.via)})`);
                    return `Namespace ${nsObj.name} ${value === undefined ? 'has no' : `has \`${value}\` instead of \`enabled\` for the`} \`${INJECT_LABEL}\` label, so the pods of ${list(names)} get no readiness gate: they go Ready before the load balancer finds them healthy and the rollout outruns it. Add the label \`${INJECT_LABEL}: enabled\` (before the pods are created).`;
                },
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

;// CONCATENATED MODULE: ./src/core/rules/readiness-gate-type.ts



/** The condition type prefix of the v1 AWS ALB Ingress Controller, which no current controller sets. */
const LEGACY_PREFIX = 'target-health.alb.ingress.k8s.aws/';
/* harmony default export */ const readiness_gate_type = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'readiness-gate-type',
        severity: 'error',
        appliesTo: 'workloads',
        summary: 'A readiness gate written into the pod template names a condition the controller sets.',
        rationale: 'A pod with a readiness gate is Ready only when the named condition is True, and only its controller ever sets it. The v1 AWS ALB Ingress Controller used `target-health.alb.ingress.k8s.aws/<ingress>_<service>_<port>`; the AWS Load Balancer Controller (v2 and later) sets `target-health.elbv2.k8s.aws/<TargetGroupBinding name>` and never the v1 type. Its webhook removes a v1 gate only when it injects a current one (a labelled namespace and an ip target group in front: pkg/inject/pod_readiness/pod_readiness_gate.go); otherwise the v1 gate stays and the pods never become Ready, so the rollout hangs at its progress deadline. A hand-written current gate works only when it names an existing TargetGroupBinding.',
        fix: 'Remove the hand-written gate and label the namespace `elbv2.k8s.aws/pod-readiness-gate-inject: enabled` (the webhook then adds the right gates), or name a TargetGroupBinding that exists: `target-health.elbv2.k8s.aws/<binding name>`.',
        scope: 'Readiness gates in the pod templates of every workload. Current-style gates are checked only when the pods sit behind TargetGroupBindings you write (the controller names the ones it creates for Ingresses and Services).',
        params: {},
        variants: [
            { severity: 'error', when: 'no controller will set the condition, so the pods never become Ready' },
            {
                severity: 'warning',
                when: 'the Namespace is not among the inputs, so zd-gate cannot tell whether the webhook removes the v1 gate',
            },
            { severity: 'notice', when: 'the webhook removes the v1 gate at pod creation: dead configuration' },
        ],
        references: [
            {
                title: 'Pod readiness gate (AWS Load Balancer Controller docs)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/',
            },
            {
                title: 'pkg/inject/pod_readiness/pod_readiness_gate.go (aws-load-balancer-controller): legacy gates removed',
                url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/inject/pod_readiness/pod_readiness_gate.go',
            },
            {
                title: 'Pod readiness gates (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate',
            },
        ],
        examples: {
            incorrect: 'readinessGates:\n- conditionType: target-health.alb.ingress.k8s.aws/web_web_80',
            correct: '# no hand-written gate; the namespace is labelled\n# elbv2.k8s.aws/pod-readiness-gate-inject: enabled',
        },
    },
    check(ctx) {
        const tgbNames = new Set(ctx.graph.objects.filter((o) => o.kind === 'TargetGroupBinding').map((o) => `${o.namespace ?? ''}/${o.name}`));
        for (const w of ctx.graph.workloads) {
            const gates = w.podSpec.readinessGates;
            if (!Array.isArray(gates))
                continue;
            const ns = w.object.namespace ?? '';
            const nsObj = ctx.graph.namespace(ns);
            const exposures = ctx.graph.exposuresOf(w);
            const injects = nsObj?.labels[INJECT_LABEL] === 'enabled' && exposures.some((e) => e.targetType.value === 'ip');
            gates.forEach((g, i) => {
                if (!(0,types/* isObject */.Gv)(g) || typeof g.conditionType !== 'string')
                    return;
                const type = g.conditionType;
                const path = [...w.podSpecPath, 'readinessGates', i, 'conditionType'];
                if (type.startsWith(LEGACY_PREFIX)) {
                    const base = `${(0,types/* describeObject */.v8)(w.object)} has the readiness gate \`${type}\` of the v1 AWS ALB Ingress Controller, which the AWS Load Balancer Controller never sets`;
                    if (injects) {
                        ctx.report({
                            object: w.object,
                            path,
                            severity: 'notice',
                            message: `${base}; its webhook removes it from each new pod because Namespace ${ns} is labelled and an ip target group fronts the pods. Remove it from the template: it is dead configuration.`,
                        });
                    }
                    else {
                        ctx.report({
                            object: w.object,
                            path,
                            severity: nsObj ? 'error' : 'warning',
                            message: `${base}: ${nsObj ? `Namespace ${ns} is not labelled \`${INJECT_LABEL}: enabled\` with an ip target group in front, so the webhook does not remove it and` : `unless Namespace ${ns} (not among the inputs) is labelled \`${INJECT_LABEL}: enabled\` and an ip target group fronts the pods,`} the pods never become Ready and the rollout hangs. Remove the gate; label the namespace so the webhook adds the current one.`,
                        });
                    }
                    return;
                }
                if (!type.startsWith(CONDITION_PREFIX))
                    return;
                // Only bindings written by hand have names known in advance; the controller names its own.
                if (exposures.length === 0 || !exposures.every((e) => e.via.kind === 'TargetGroupBinding'))
                    return;
                const name = type.slice(CONDITION_PREFIX.length);
                if (tgbNames.has(`${ns}/${name}`))
                    return;
                const known = exposures.map((e) => e.via.name);
                ctx.report({
                    object: w.object,
                    path,
                    message: `${(0,types/* describeObject */.v8)(w.object)} has the readiness gate \`${type}\`, but no TargetGroupBinding ${ns}/${name} is among the inputs (the pods sit behind ${known.map((n) => `TargetGroupBinding ${n}`).join(', ')}): the controller sets the condition only for its bindings, so the pods never become Ready. Use \`${CONDITION_PREFIX}${known[0] ?? name}\`, or remove the gate and label the namespace.`,
                });
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/readiness-probe.ts



/** Well-known ports and port names of protocols that are not HTTP, and the probe that fits them. */
const NON_HTTP = [
    { names: /^(mysql|mariadb)/, ports: [3306], what: 'MySQL' },
    { names: /^(postgres|postgresql|pg|psql)/, ports: [5432], what: 'PostgreSQL' },
    { names: /^(redis|valkey)/, ports: [6379], what: 'Redis' },
    { names: /^(mongo|mongodb)/, ports: [27017], what: 'MongoDB' },
    { names: /^memcache/, ports: [11211], what: 'Memcached' },
    { names: /^(amqp|rabbitmq|epmd)/, ports: [5672, 4369], what: 'AMQP' },
    { names: /^kafka/, ports: [9092], what: 'Kafka' },
    { names: /^(zookeeper|zk)$/, ports: [2181], what: 'ZooKeeper' },
    { names: /^(cql|cassandra)/, ports: [9042], what: 'Cassandra' },
    { names: /^(mssql|sqlserver|tds)/, ports: [1433], what: 'SQL Server' },
    { names: /^(smtp|submission)/, ports: [25, 587], what: 'SMTP' },
    { names: /^(nats)/, ports: [4222], what: 'NATS' },
    { names: /^(etcd|etcd-client)/, ports: [2379], what: 'etcd' },
];
/** The probe to suggest for the port a Service sends traffic to. */
function probeAdvice(s) {
    if (!s)
        return 'httpGet on a path that answers only when the application can take traffic';
    const target = s.port.targetPort ?? s.port.port;
    const cport = s.container.ports.find((p) => typeof target === 'number' ? p.containerPort === target : p.name === target);
    const names = [s.port.name, typeof target === 'string' ? target : undefined, cport?.name]
        .filter((n) => n !== undefined)
        .map((n) => n.toLowerCase());
    const number = cport?.containerPort ?? (typeof target === 'number' ? target : undefined);
    const app = s.port.appProtocol?.toLowerCase();
    if (cport?.protocol === 'UDP')
        return `exec running a check of the ${String(target)} UDP service (a tcpSocket or httpGet probe cannot reach it)`;
    if (app === 'grpc' || app === 'kubernetes.io/h2c' || names.some((n) => /^grpc/.test(n)))
        return `grpc on port ${String(number ?? target)} (the gRPC health checking protocol, Kubernetes 1.27+), or exec with grpc_health_probe`;
    const known = NON_HTTP.find((p) => names.some((n) => p.names.test(n)) || (number !== undefined && p.ports.includes(number)));
    if (known)
        return `tcpSocket on port ${String(target)}, or exec with a ${known.what} client that checks the server answers (${known.what} does not speak HTTP, so httpGet cannot check it)`;
    const http = names.some((n) => /^(https?|web|www|http-.*|.*-http)$/.test(n)) ||
        (number !== undefined && [80, 443, 8080, 8443, 3000, 8000, 8008, 8888].includes(number)) ||
        app === 'http' ||
        app === 'https';
    return `httpGet on a path that answers only when the application can take traffic${http ? '' : ' (tcpSocket if the port does not speak HTTP)'}`;
}
/* harmony default export */ const readiness_probe = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'readiness-probe',
        severity: 'error',
        appliesTo: 'served',
        summary: 'Every serving container has a readinessProbe.',
        rationale: 'Without a readiness probe a pod is Ready as soon as its containers start, before the application listens. The endpoint controller then adds it to the Service and the load balancer controller registers it, so requests reach a process that is still booting. A startupProbe does not replace it: it gates liveness, not readiness. The suggested probe fits the port: httpGet for HTTP, grpc for gRPC ports, tcpSocket or exec for databases, caches and brokers that do not speak HTTP (by port name, number, protocol or appProtocol).',
        fix: 'Add a `readinessProbe` to the container that serves the Service port, checking an endpoint that answers only when the application can take traffic.',
        scope: 'Containers exposing a port that a Service targets, in workloads a Service selects.',
        params: {},
        references: [
            {
                title: 'Define readiness probes (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes',
            },
            {
                title: 'Use readiness probes (Amazon EKS Best Practices Guide, Reliability: Applications)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/application.html',
            },
        ],
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
                    message: `${who(w, c)} has no readinessProbe: the pod is Ready, and receives traffic from ${front(ctx, w)}, before the application can answer. Add a readinessProbe that checks the serving port${target === undefined ? '' : ` (${target})`}, e.g. ${probeAdvice(served)}.`,
                });
            }
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/rolling-update.ts





/* harmony default export */ const rolling_update = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'rolling-update',
        severity: 'error',
        appliesTo: 'served',
        summary: 'Served Deployments roll out a few pods at a time.',
        rationale: '`strategy.type: Recreate` deletes every pod before creating the new ones: the target group is empty until the new pods register and pass health checks, a guaranteed outage. A maxUnavailable that resolves to all replicas does the same within a RollingUpdate. The deployment controller rounds maxUnavailable percentages down and maxSurge up, and uses maxUnavailable 1 when both come to 0.\n\nOne exception gets no advice: a single replica that mounts a ReadWriteOnce volume. Recreate is what such a pod needs (a surge pod on another node cannot attach the volume, so a RollingUpdate hangs); going without downtime there takes shared storage or replication, not a strategy change.',
        fix: 'Use `strategy.type: RollingUpdate` with a maxUnavailable below the replica count (the default 25%, or 1) and a maxSurge of at least 1.',
        scope: 'Deployments a Service selects, except single replicas with a ReadWriteOnce volume. The replica count is the HPA minReplicas when an HPA targets the Deployment.',
        params: {},
        references: [
            {
                title: 'Deployments: strategy, max unavailable, max surge (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#strategy',
            },
        ],
        examples: {
            incorrect: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxUnavailable: 100%}',
            correct: 'replicas: 4\nstrategy:\n  type: RollingUpdate\n  rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}',
        },
    },
    check(ctx) {
        for (const w of ctx.graph.servedWorkloads()) {
            if (w.object.kind !== 'Deployment')
                continue;
            const replicas = ctx.graph.minReplicas(w).value;
            if (replicas === undefined)
                continue;
            // A single pod with a ReadWriteOnce volume: Recreate is right, a surge pod could not attach it.
            if (replicas <= 1 && ctx.graph.exclusiveClaims(w).length > 0)
                continue;
            const type = (0,read/* readString */.E3)(w.object, ['spec', 'strategy', 'type']);
            if (type.state === 'set' && type.value === 'Recreate') {
                ctx.report({
                    object: w.object,
                    path: ['spec', 'strategy', 'type'],
                    message: `${(0,types/* describeObject */.v8)(w.object)} uses strategy Recreate: every pod is deleted before the new ones exist, so ${front(ctx, w)} has no ready pod during each deploy. Use RollingUpdate.`,
                });
                continue;
            }
            if (replicas < 1)
                continue;
            const u = intOrPercent(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
            const s = intOrPercent(w.object, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
            // apps/v1 defaults both to 25%.
            const surge = s.set ? s.value : '25%';
            const unavailable = u.set ? u.value : '25%';
            if (surge === undefined || unavailable === undefined)
                continue;
            const f = (0,fenceposts/* resolveFenceposts */.jk)(surge, unavailable, replicas);
            if (f.unavailable < replicas)
                continue;
            // Both 0 after rounding: the deployment controller takes maxUnavailable 1 so the rollout moves.
            const bothZero = (0,fenceposts/* scaledValue */.GA)(unavailable, replicas, false) === 0;
            const how = bothZero
                ? `maxSurge ${String(surge)} and maxUnavailable ${String(unavailable)} both resolve to 0 of ${replicas} replica${replicas === 1 ? '' : 's'}, so the deployment controller uses maxUnavailable 1`
                : `maxUnavailable ${String(unavailable)} resolves to ${f.unavailable} of ${replicas} replica${replicas === 1 ? '' : 's'}`;
            ctx.report({
                object: w.object,
                path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
                message: `${(0,types/* describeObject */.v8)(w.object)}: ${how}, so a rollout may take every pod out of ${ctx.graph.exposuresOf(w).length > 0 ? 'the target group' : 'service'} at once. ${replicas === 1
                    ? `Use maxSurge: 1 with maxUnavailable: 0, so the new pod is Ready before the old one stops${ctx.graph.singleInstanceStore(w) ? '' : ' (and run at least 2 replicas)'}.`
                    : `Use a maxUnavailable of at most ${replicas - 1} (the default 25%, or 1) with maxSurge of at least 1.`}`,
            });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/service-port.ts


/* harmony default export */ const service_port = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'service-port',
        severity: 'error',
        appliesTo: 'workloads',
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



/* harmony default export */ const target_type_ip = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'target-type-ip',
        severity: 'warning',
        appliesTo: 'load-balanced',
        summary: 'Load balancers register pods directly (target type ip).',
        rationale: "With instance targets the load balancer sends traffic to every node's NodePort and kube-proxy forwards it, possibly to another node: an extra hop, kube-proxy's up-to-30 s iptables sync in every deregistration, and health checks that test a node rather than the pod. Pod readiness gates cannot work, because the target group knows nothing of pods. The controller's default for Ingresses is instance unless `target-type: ip` is set (or IngressClassParams spec.targetType); for NLB Services it is set by `aws-load-balancer-type: nlb-ip` or `aws-load-balancer-nlb-target-type: ip`. The EKS Best Practices Guide: \"Use IP Target-Type Load Balancers\". A TargetGroupBinding without targetType that binds a ClusterIP Service is an ip target group already (instance targets need a NodePort).",
        fix: 'Set `alb.ingress.kubernetes.io/target-type: ip` on the Ingress or Service (or `targetType: ip` in IngressClassParams); for NLB, `service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip`.',
        scope: 'Ingresses of class alb, NLB Services the controller reconciles, and TargetGroupBindings.',
        params: {},
        references: [
            {
                title: 'Use IP target-type load balancers (Amazon EKS Best Practices Guide, Networking: load balancing)',
                url: 'https://docs.aws.amazon.com/eks/latest/best-practices/load-balancing.html',
            },
            {
                title: 'Ingress annotations: target-type (AWS Load Balancer Controller)',
                url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-type',
            },
        ],
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
                ? `${via}: the target type \`${String((0,objects/* field */.ZZ)(s.object, s.path))}\` is neither ip nor instance, so the controller rejects it and builds no target group; ${fix}.`
                : `${via}: ${e.targetType.explicit ? 'the target type is instance' : (e.targetType.why ?? "no target type is set, so the controller's default, instance, applies")}. Traffic takes an extra hop through kube-proxy and pod readiness gates cannot work; ${fix}.`;
            ctx.report({ object: s.object, path: s.path, message });
        }
    },
}));

;// CONCATENATED MODULE: ./src/core/rules/termination-grace.ts



/* harmony default export */ const termination_grace = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'termination-grace',
        severity: 'error',
        appliesTo: 'served',
        summary: 'terminationGracePeriodSeconds covers the preStop delay plus time to shut down.',
        rationale: 'The grace period counts from deletion and includes the preStop hook. When the hook sleeps as long as (or longer than) the grace period, the kubelet kills the container with SIGKILL before the application has closed its connections, and in-flight requests fail. The whole hook counts, including any sleep after a stop command. The Kubernetes docs: "the hook must complete its execution before the TERM signal can be sent", and the grace period counts down meanwhile.',
        fix: 'Set `terminationGracePeriodSeconds` to at least the preStop delay plus `shutdown-seconds` (the time the application needs after SIGTERM).',
        scope: 'Workloads a Service selects whose serving containers have a preStop delay zd-gate can read (sleep).',
        references: [
            {
                title: 'Container hooks: hook handler execution (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution',
            },
            {
                title: 'Pod lifecycle: termination of Pods (Kubernetes docs)',
                url: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
            },
        ],
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
                const d = knownDuration(hook);
                if (d !== undefined && hook.kind !== 'none' && (!longest || d > longest.delay))
                    longest = { delay: d, name: c.name, path: hook.path };
            }
            if (!longest)
                continue;
            const grace = gracePeriod(w);
            if (!grace)
                continue;
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

/* harmony default export */ const unrendered_template = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'unrendered-template',
        severity: 'error',
        appliesTo: 'inputs',
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

/* harmony default export */ const yaml_syntax = ((0,rule/* defineRule */.K)({
    meta: {
        id: 'yaml-syntax',
        severity: 'error',
        appliesTo: 'inputs',
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
/**
 * The rule registry: every rule, sorted by id. Adding a rule = its file + its cases file
 * (__tests__/rules/<id>.cases.ts) + one line here; the docs and the config schema regenerate.
 */























const ALL = [
    dangling_backend,
    deregistration_delay,
    duplicate_object,
    field_type,
    healthcheck_path,
    hpa_replicas,
    liveness_probe,
    min_replicas,
    pdb_blocks_drain,
    pod_disruption_budget,
    prestop_binary,
    prestop_duration,
    prestop_hook,
    readiness_gate,
    readiness_gate_type,
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
    return [...rules].sort((a, b) => (0,findings/* compareText */.n6)(a.meta.id, b.meta.id));
}
const RULES = registry(ALL);
function ruleById(id) {
    return RULES.find((r) => r.meta.id === id);
}


/***/ }),

/***/ 813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ APPLICABILITY),
/* harmony export */   K: () => (/* binding */ defineRule)
/* harmony export */ });
/** One line per applicability, for the generated rule docs. */
const APPLICABILITY = {
    'load-balanced': 'workloads behind a load balancer among the inputs (or, with none among the inputs at all, any served workload, as one may front it from elsewhere).',
    served: 'every workload a Service selects; on workloads only in-cluster clients reach, at most at the `scope.in-cluster` level (default notice).',
    workloads: 'every workload, served or not, at full severity.',
    inputs: 'the manifests themselves, whatever they serve.',
};
/** Identity function that keeps the parameter types of a rule precise. */
function defineRule(rule) {
    return rule;
}


/***/ }),

/***/ 5182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gr: () => (/* binding */ checkObject),
  K4: () => (/* binding */ checkPrimitive),
  SE: () => (/* binding */ typeAt)
});

// UNUSED EXPORTS: describeValue, hasSchema, rootOf

// EXTERNAL MODULE: ./src/core/lint/config.ts
var config = __webpack_require__(9887);
// EXTERNAL MODULE: ./src/core/manifest/types.ts
var types = __webpack_require__(5856);
;// CONCATENATED MODULE: ./src/core/schema/constraints.ts
const NON_NEGATIVE = { min: 0 };
const PORT = { min: 1, max: 65535 };
const INT_OR_PERCENT = { min: 0, percent: true };
const CONSTRAINTS = {
    // pkg/apis/apps/validation: ValidateNonnegativeField(spec.Replicas)
    'apps.v1.DeploymentSpec.replicas': NON_NEGATIVE,
    'apps.v1.StatefulSetSpec.replicas': NON_NEGATIVE,
    'argoproj.v1alpha1.RolloutSpec.replicas': NON_NEGATIVE,
    // pkg/apis/apps/validation ValidateRollingUpdateDeployment: ValidatePositiveIntOrPercent
    'apps.v1.RollingUpdateDeployment.maxSurge': INT_OR_PERCENT,
    'apps.v1.RollingUpdateDeployment.maxUnavailable': INT_OR_PERCENT,
    // pkg/apis/policy/validation ValidatePodDisruptionBudgetSpec: ValidatePositiveIntOrPercent
    'policy.v1.PodDisruptionBudgetSpec.minAvailable': INT_OR_PERCENT,
    'policy.v1.PodDisruptionBudgetSpec.maxUnavailable': INT_OR_PERCENT,
    // pkg/api/pod/warnings.go: "must be >= 0; negative values are invalid and will be treated as 1"
    'core.v1.PodSpec.terminationGracePeriodSeconds': {
        min: 0,
        consequence: 'the API server accepts it with a warning and treats it as 1 second',
    },
    // pkg/apis/core/validation validateProbe: ValidateNonnegativeField for each timing field
    'core.v1.Probe.initialDelaySeconds': NON_NEGATIVE,
    'core.v1.Probe.timeoutSeconds': NON_NEGATIVE,
    'core.v1.Probe.periodSeconds': NON_NEGATIVE,
    'core.v1.Probe.successThreshold': NON_NEGATIVE,
    'core.v1.Probe.failureThreshold': NON_NEGATIVE,
    // pkg/apis/core/validation validateSleepAction (with AllowPodLifecycleSleepActionZeroValue)
    'core.v1.SleepAction.seconds': NON_NEGATIVE,
    // pkg/apis/core/validation: validatePortNumOrName / ValidateServicePort
    'core.v1.ServicePort.port': PORT,
    'core.v1.ContainerPort.containerPort': PORT,
    // pkg/apis/autoscaling/validation: minReplicas >= 1 (0 only with the HPAScaleToZero gate), maxReplicas >= 1
    'autoscaling.v1.HorizontalPodAutoscalerSpec.minReplicas': { min: 1 },
    'autoscaling.v1.HorizontalPodAutoscalerSpec.maxReplicas': { min: 1 },
    'autoscaling.v2.HorizontalPodAutoscalerSpec.minReplicas': { min: 1 },
    'autoscaling.v2.HorizontalPodAutoscalerSpec.maxReplicas': { min: 1 },
};

;// CONCATENATED MODULE: ./src/core/schema/crds.ts
const CRD_SCHEMA = {
    roots: {
        'elbv2.k8s.aws/v1beta1/TargetGroupBinding': 'elbv2.v1beta1.TargetGroupBinding',
        'elbv2.k8s.aws/v1beta1/IngressClassParams': 'elbv2.v1beta1.IngressClassParams',
        'argoproj.io/v1alpha1/Rollout': 'argoproj.v1alpha1.Rollout',
    },
    defs: {
        'elbv2.v1beta1.TargetGroupBinding': {
            '*': 'any',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'elbv2.v1beta1.TargetGroupBindingSpec',
        },
        'elbv2.v1beta1.TargetGroupBindingSpec': {
            '*': 'any',
            serviceRef: 'elbv2.v1beta1.ServiceReference',
            targetGroupARN: 'str',
            targetGroupName: 'str',
            targetGroupProtocol: 'str',
            targetType: 'str',
        },
        'elbv2.v1beta1.ServiceReference': { '*': 'any', name: 'str', port: 'ios' },
        'elbv2.v1beta1.IngressClassParams': {
            '*': 'any',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'elbv2.v1beta1.IngressClassParamsSpec',
        },
        'elbv2.v1beta1.IngressClassParamsSpec': { '*': 'any', targetType: 'str' },
        'argoproj.v1alpha1.Rollout': { '*': 'any', metadata: 'meta.v1.ObjectMeta', spec: 'argoproj.v1alpha1.RolloutSpec' },
        'argoproj.v1alpha1.RolloutSpec': {
            '*': 'any',
            replicas: 'i32',
            selector: 'meta.v1.LabelSelector',
            strategy: 'argoproj.v1alpha1.RolloutStrategy',
            template: 'core.v1.PodTemplateSpec',
        },
        'argoproj.v1alpha1.RolloutStrategy': {
            '*': 'any',
            blueGreen: 'argoproj.v1alpha1.BlueGreenStrategy',
            canary: 'argoproj.v1alpha1.CanaryStrategy',
        },
        'argoproj.v1alpha1.BlueGreenStrategy': { '*': 'any', activeService: 'str', previewService: 'str' },
        'argoproj.v1alpha1.CanaryStrategy': {
            '*': 'any',
            canaryService: 'str',
            stableService: 'str',
            trafficRouting: 'argoproj.v1alpha1.RolloutTrafficRouting',
        },
        'argoproj.v1alpha1.RolloutTrafficRouting': { '*': 'any', alb: 'argoproj.v1alpha1.ALBTrafficRouting' },
        'argoproj.v1alpha1.ALBTrafficRouting': {
            '*': 'any',
            ingress: 'str',
            ingresses: { a: 'str' },
            rootService: 'str',
            servicePort: 'i32',
        },
    },
};

// EXTERNAL MODULE: ./src/core/schema/k8s.generated.ts
var k8s_generated = __webpack_require__(1544);
;// CONCATENATED MODULE: ./src/core/schema/check.ts
/**
 * Type checks against the Kubernetes schema subset (k8s.generated.ts plus crds.ts), as the API
 * server decodes a manifest: a value of the wrong type, a number out of range, or a key the type
 * does not have is what `kubectl apply --validate=strict` rejects. One module answers both
 * questions the core asks: which problems an object has (the field-type rule), and whether a value
 * a rule reads is usable (read.ts). Nothing here reads files: the schema is data in the bundle.
 */





const ROOTS = { ...k8s_generated/* SCHEMA */.y.roots, ...CRD_SCHEMA.roots };
const DEFS = { ...k8s_generated/* SCHEMA */.y.defs, ...CRD_SCHEMA.defs };
const PRIMITIVES = new Set(['i32', 'i64', 'num', 'bool', 'str', 'ios', 'qty', 'any']);
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;
/** The schema definition of an object's kind, when zd-gate knows it. */
function rootOf(apiVersion, kind) {
    return ROOTS[`${apiVersion}/${kind}`];
}
function hasSchema(o) {
    return rootOf(o.apiVersion, o.kind) !== undefined;
}
const isDefName = (t) => typeof t === 'string' && !PRIMITIVES.has(t);
const ownerName = (def) => def.slice(def.lastIndexOf('.') + 1);
/** An alias definition ({$: T}) resolved to what it stands for. */
function resolve(t) {
    let cur = t;
    for (let i = 0; i < 8 && isDefName(cur); i++) {
        const d = DEFS[cur];
        if (!d || !('$' in d))
            break;
        cur = d.$;
    }
    return cur;
}
const typeCache = new Map();
/** The schema type of the field at `path` of an object of this kind; undefined when unknown or free-form. */
function typeAt(apiVersion, kind, path) {
    const root = rootOf(apiVersion, kind);
    if (!root)
        return undefined;
    const key = `${root}|${path.map((p) => (typeof p === 'number' ? '#' : p)).join('.')}`;
    const cached = typeCache.get(key);
    if (cached !== undefined)
        return cached ?? undefined;
    let cur = root;
    let found = null;
    for (let i = 0; i < path.length; i++) {
        const step = path[i];
        cur = resolve(cur);
        let next;
        let owner = '';
        let constraint;
        if (typeof cur === 'object' && 'a' in cur)
            next = typeof step === 'number' ? cur.a : undefined;
        else if (typeof cur === 'object' && 'm' in cur)
            next = typeof step === 'string' ? cur.m : undefined;
        else if (isDefName(cur) && typeof step === 'string') {
            const def = DEFS[cur];
            next = def && Object.prototype.hasOwnProperty.call(def, step) ? def[step] : undefined;
            owner = ownerName(cur);
            constraint = CONSTRAINTS[`${cur}.${step}`];
        }
        if (next === undefined)
            break;
        cur = next;
        if (i === path.length - 1)
            found = { type: resolve(cur), constraint, owner };
    }
    typeCache.set(key, found);
    return found ?? undefined;
}
/** A short description of a value found where another type was expected. */
function describeValue(v) {
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
    if (typeof v === 'number') {
        if (Number.isNaN(v))
            return 'NaN';
        if (!Number.isFinite(v))
            return `${v > 0 ? '' : '-'}Infinity (a number too large for YAML's float)`;
        return `the number ${v}`;
    }
    if (typeof v === 'boolean')
        return `the boolean ${v}`;
    if (Array.isArray(v))
        return 'a list';
    if ((0,types/* isObject */.Gv)(v))
        return 'a mapping';
    return String(v);
}
const EXPECTED = {
    i32: 'a whole number (int32)',
    i64: 'a whole number (int64)',
    num: 'a number',
    bool: 'true or false',
    str: 'a string',
    ios: 'a whole number or a string',
    qty: 'a quantity (a string such as `500m`, or a number)',
};
/** YAML 1.1 booleans, which Kubernetes' YAML reader (go-yaml v2) takes for true and false unquoted. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
function isWhole(v, bound) {
    return Number.isInteger(v) && v >= -bound && v < bound;
}
/**
 * Checks one value against a primitive type and its constraint; undefined when it is fine. null
 * is always fine: it means "unset" to the API server, whatever the type.
 */
function checkPrimitive(type, v, constraint) {
    if (v === null || v === undefined || type === 'any')
        return undefined;
    const bad = { expected: EXPECTED[type] };
    switch (type) {
        case 'i32':
        case 'i64':
            if (typeof v !== 'number' || !isWhole(v, type === 'i32' ? INT32 : INT64))
                return bad;
            return checkRange(v, constraint);
        case 'num':
            return typeof v === 'number' && Number.isFinite(v) ? checkRange(v, constraint) : bad;
        case 'bool':
            return typeof v === 'boolean' || (typeof v === 'string' && YAML11_BOOL.test(v)) ? undefined : bad;
        case 'str':
            return typeof v === 'string' ? undefined : bad;
        case 'qty':
            return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? undefined : bad;
        case 'ios':
            if (typeof v === 'number')
                return isWhole(v, INT32) ? checkRange(v, constraint) : bad;
            if (typeof v !== 'string')
                return bad;
            if (constraint?.percent && !/^\d+%$/.test(v))
                return { expected: 'a whole number, or a percentage such as `25%` (a quoted number is not one)' };
            return undefined;
    }
}
function checkRange(v, c) {
    if (!c)
        return undefined;
    if ((c.min !== undefined && v < c.min) || (c.max !== undefined && v > c.max)) {
        const expected = c.max !== undefined
            ? `between ${c.min ?? 0} and ${c.max}`
            : c.min === 0
                ? 'zero or more'
                : `at least ${c.min ?? 0}`;
        return c.consequence ? { expected, consequence: c.consequence } : { expected };
    }
    return undefined;
}
/** Every type problem of an object whose kind zd-gate knows, in document order; at most `limit`. */
function checkObject(o, limit = Infinity) {
    const root = rootOf(o.apiVersion, o.kind);
    if (!root)
        return [];
    const w = new Walker(limit);
    w.walk(o.raw, root, '', '', undefined, undefined);
    return w.out;
}
const defMeta = new Map();
function metaOf(t, def) {
    let m = defMeta.get(t);
    if (!m) {
        const known = Object.keys(def).filter((k) => k !== '*');
        const constraints = {};
        for (const k of known) {
            const c = CONSTRAINTS[`${t}.${k}`];
            if (c)
                constraints[k] = c;
        }
        m = { name: ownerName(t), open: Object.prototype.hasOwnProperty.call(def, '*'), known, constraints };
        defMeta.set(t, m);
    }
    return m;
}
/** A depth-first walk along the schema with one shared path stack, copied only for an issue. */
class Walker {
    limit;
    out = [];
    path = [];
    constructor(limit) {
        this.limit = limit;
    }
    issue(i, extra) {
        this.out.push({ path: extra === undefined ? [...this.path] : [...this.path, extra], ...i });
    }
    walk(v, type, owner, field, item, constraint) {
        if (this.out.length >= this.limit || v === null || v === undefined)
            return;
        const where = () => ({
            owner,
            field,
            ...(item ? { item } : {}),
        });
        const t = resolve(type);
        if (typeof t === 'string' && PRIMITIVES.has(t)) {
            const bad = checkPrimitive(t, v, constraint);
            if (bad)
                this.issue({
                    kind: bad.expected === EXPECTED[t] ? 'type' : 'value',
                    ...where(),
                    got: describeValue(v),
                    ...bad,
                });
            return;
        }
        if (typeof t === 'object' && 'a' in t) {
            if (!Array.isArray(v))
                return this.issue({ kind: 'type', ...where(), expected: 'a list', got: describeValue(v) });
            for (let i = 0; i < v.length && this.out.length < this.limit; i++) {
                this.path.push(i);
                this.walk(v[i], t.a, owner, field, 'list', undefined);
                this.path.pop();
            }
            return;
        }
        if (typeof t === 'object' && 'm' in t) {
            if (!(0,types/* isObject */.Gv)(v))
                return this.issue({ kind: 'type', ...where(), expected: 'a mapping', got: describeValue(v) });
            for (const k in v) {
                if (this.out.length >= this.limit)
                    return;
                this.path.push(k);
                this.walk(v[k], t.m, owner, field, 'map', undefined);
                this.path.pop();
            }
            return;
        }
        const def = DEFS[t];
        if (!def)
            return;
        const m = metaOf(t, def);
        if (!(0,types/* isObject */.Gv)(v))
            return this.issue({ kind: 'type', ...where(), expected: `a mapping (${m.name})`, got: describeValue(v) });
        for (const k in v) {
            if (this.out.length >= this.limit)
                return;
            if (k !== '*' && Object.prototype.hasOwnProperty.call(def, k)) {
                this.path.push(k);
                this.walk(v[k], def[k], m.name, k, undefined, m.constraints[k]);
                this.path.pop();
            }
            else if (!m.open) {
                const hint = (0,config/* suggest */.ZA)(k, m.known);
                this.issue({
                    kind: 'unknown',
                    owner: m.name,
                    field: k,
                    expected: `a field of ${m.name}`,
                    got: `\`${k}\``,
                    ...(hint ? { suggestion: hint } : {}),
                }, k);
            }
        }
    }
}


/***/ }),

/***/ 1544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ KUBERNETES_VERSION),
/* harmony export */   y: () => (/* binding */ SCHEMA)
/* harmony export */ });
const KUBERNETES_VERSION = 'v1.36.3';
const SCHEMA = {
    roots: {
        'v1/Namespace': 'core.v1.Namespace',
        'v1/Service': 'core.v1.Service',
        'v1/PersistentVolumeClaim': 'core.v1.PersistentVolumeClaim',
        'apps/v1/Deployment': 'apps.v1.Deployment',
        'apps/v1/StatefulSet': 'apps.v1.StatefulSet',
        'networking.k8s.io/v1/Ingress': 'networking.v1.Ingress',
        'networking.k8s.io/v1/IngressClass': 'networking.v1.IngressClass',
        'policy/v1/PodDisruptionBudget': 'policy.v1.PodDisruptionBudget',
        'autoscaling/v1/HorizontalPodAutoscaler': 'autoscaling.v1.HorizontalPodAutoscaler',
        'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling.v2.HorizontalPodAutoscaler',
    },
    defs: {
        'apps.v1.Deployment': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'apps.v1.DeploymentSpec',
            status: 'apps.v1.DeploymentStatus',
        },
        'apps.v1.DeploymentCondition': {
            lastTransitionTime: 'str',
            lastUpdateTime: 'str',
            message: 'str',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'apps.v1.DeploymentSpec': {
            minReadySeconds: 'i32',
            paused: 'bool',
            progressDeadlineSeconds: 'i32',
            replicas: 'i32',
            revisionHistoryLimit: 'i32',
            selector: 'meta.v1.LabelSelector',
            strategy: 'apps.v1.DeploymentStrategy',
            template: 'core.v1.PodTemplateSpec',
        },
        'apps.v1.DeploymentStatus': {
            availableReplicas: 'i32',
            collisionCount: 'i32',
            conditions: { a: 'apps.v1.DeploymentCondition' },
            observedGeneration: 'i64',
            readyReplicas: 'i32',
            replicas: 'i32',
            terminatingReplicas: 'i32',
            unavailableReplicas: 'i32',
            updatedReplicas: 'i32',
        },
        'apps.v1.DeploymentStrategy': { rollingUpdate: 'apps.v1.RollingUpdateDeployment', type: 'str' },
        'apps.v1.RollingUpdateDeployment': { maxSurge: 'ios', maxUnavailable: 'ios' },
        'apps.v1.RollingUpdateStatefulSetStrategy': { maxUnavailable: 'ios', partition: 'i32' },
        'apps.v1.StatefulSet': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'apps.v1.StatefulSetSpec',
            status: 'apps.v1.StatefulSetStatus',
        },
        'apps.v1.StatefulSetCondition': {
            lastTransitionTime: 'str',
            message: 'str',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'apps.v1.StatefulSetOrdinals': { start: 'i32' },
        'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': { whenDeleted: 'str', whenScaled: 'str' },
        'apps.v1.StatefulSetSpec': {
            minReadySeconds: 'i32',
            ordinals: 'apps.v1.StatefulSetOrdinals',
            persistentVolumeClaimRetentionPolicy: 'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
            podManagementPolicy: 'str',
            replicas: 'i32',
            revisionHistoryLimit: 'i32',
            selector: 'meta.v1.LabelSelector',
            serviceName: 'str',
            template: 'core.v1.PodTemplateSpec',
            updateStrategy: 'apps.v1.StatefulSetUpdateStrategy',
            volumeClaimTemplates: { a: 'core.v1.PersistentVolumeClaim' },
        },
        'apps.v1.StatefulSetStatus': {
            availableReplicas: 'i32',
            collisionCount: 'i32',
            conditions: { a: 'apps.v1.StatefulSetCondition' },
            currentReplicas: 'i32',
            currentRevision: 'str',
            observedGeneration: 'i64',
            readyReplicas: 'i32',
            replicas: 'i32',
            updatedReplicas: 'i32',
            updateRevision: 'str',
        },
        'apps.v1.StatefulSetUpdateStrategy': { rollingUpdate: 'apps.v1.RollingUpdateStatefulSetStrategy', type: 'str' },
        'autoscaling.v1.CrossVersionObjectReference': { apiVersion: 'str', kind: 'str', name: 'str' },
        'autoscaling.v1.HorizontalPodAutoscaler': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'autoscaling.v1.HorizontalPodAutoscalerSpec',
            status: 'autoscaling.v1.HorizontalPodAutoscalerStatus',
        },
        'autoscaling.v1.HorizontalPodAutoscalerSpec': {
            maxReplicas: 'i32',
            minReplicas: 'i32',
            scaleTargetRef: 'autoscaling.v1.CrossVersionObjectReference',
            targetCPUUtilizationPercentage: 'i32',
        },
        'autoscaling.v1.HorizontalPodAutoscalerStatus': {
            currentCPUUtilizationPercentage: 'i32',
            currentReplicas: 'i32',
            desiredReplicas: 'i32',
            lastScaleTime: 'str',
            observedGeneration: 'i64',
        },
        'autoscaling.v2.ContainerResourceMetricSource': {
            container: 'str',
            name: 'str',
            target: 'autoscaling.v2.MetricTarget',
        },
        'autoscaling.v2.ContainerResourceMetricStatus': {
            container: 'str',
            current: 'autoscaling.v2.MetricValueStatus',
            name: 'str',
        },
        'autoscaling.v2.CrossVersionObjectReference': { apiVersion: 'str', kind: 'str', name: 'str' },
        'autoscaling.v2.ExternalMetricSource': {
            metric: 'autoscaling.v2.MetricIdentifier',
            target: 'autoscaling.v2.MetricTarget',
        },
        'autoscaling.v2.ExternalMetricStatus': {
            current: 'autoscaling.v2.MetricValueStatus',
            metric: 'autoscaling.v2.MetricIdentifier',
        },
        'autoscaling.v2.HorizontalPodAutoscaler': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'autoscaling.v2.HorizontalPodAutoscalerSpec',
            status: 'autoscaling.v2.HorizontalPodAutoscalerStatus',
        },
        'autoscaling.v2.HorizontalPodAutoscalerBehavior': {
            scaleDown: 'autoscaling.v2.HPAScalingRules',
            scaleUp: 'autoscaling.v2.HPAScalingRules',
        },
        'autoscaling.v2.HorizontalPodAutoscalerCondition': {
            lastTransitionTime: 'str',
            message: 'str',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'autoscaling.v2.HorizontalPodAutoscalerSpec': {
            behavior: 'autoscaling.v2.HorizontalPodAutoscalerBehavior',
            maxReplicas: 'i32',
            metrics: { a: 'autoscaling.v2.MetricSpec' },
            minReplicas: 'i32',
            scaleTargetRef: 'autoscaling.v2.CrossVersionObjectReference',
        },
        'autoscaling.v2.HorizontalPodAutoscalerStatus': {
            conditions: { a: 'autoscaling.v2.HorizontalPodAutoscalerCondition' },
            currentMetrics: { a: 'autoscaling.v2.MetricStatus' },
            currentReplicas: 'i32',
            desiredReplicas: 'i32',
            lastScaleTime: 'str',
            observedGeneration: 'i64',
        },
        'autoscaling.v2.HPAScalingPolicy': { periodSeconds: 'i32', type: 'str', value: 'i32' },
        'autoscaling.v2.HPAScalingRules': {
            policies: { a: 'autoscaling.v2.HPAScalingPolicy' },
            selectPolicy: 'str',
            stabilizationWindowSeconds: 'i32',
            tolerance: 'qty',
        },
        'autoscaling.v2.MetricIdentifier': { name: 'str', selector: 'meta.v1.LabelSelector' },
        'autoscaling.v2.MetricSpec': {
            containerResource: 'autoscaling.v2.ContainerResourceMetricSource',
            external: 'autoscaling.v2.ExternalMetricSource',
            object: 'autoscaling.v2.ObjectMetricSource',
            pods: 'autoscaling.v2.PodsMetricSource',
            resource: 'autoscaling.v2.ResourceMetricSource',
            type: 'str',
        },
        'autoscaling.v2.MetricStatus': {
            containerResource: 'autoscaling.v2.ContainerResourceMetricStatus',
            external: 'autoscaling.v2.ExternalMetricStatus',
            object: 'autoscaling.v2.ObjectMetricStatus',
            pods: 'autoscaling.v2.PodsMetricStatus',
            resource: 'autoscaling.v2.ResourceMetricStatus',
            type: 'str',
        },
        'autoscaling.v2.MetricTarget': { averageUtilization: 'i32', averageValue: 'qty', type: 'str', value: 'qty' },
        'autoscaling.v2.MetricValueStatus': { averageUtilization: 'i32', averageValue: 'qty', value: 'qty' },
        'autoscaling.v2.ObjectMetricSource': {
            describedObject: 'autoscaling.v2.CrossVersionObjectReference',
            metric: 'autoscaling.v2.MetricIdentifier',
            target: 'autoscaling.v2.MetricTarget',
        },
        'autoscaling.v2.ObjectMetricStatus': {
            current: 'autoscaling.v2.MetricValueStatus',
            describedObject: 'autoscaling.v2.CrossVersionObjectReference',
            metric: 'autoscaling.v2.MetricIdentifier',
        },
        'autoscaling.v2.PodsMetricSource': {
            metric: 'autoscaling.v2.MetricIdentifier',
            target: 'autoscaling.v2.MetricTarget',
        },
        'autoscaling.v2.PodsMetricStatus': {
            current: 'autoscaling.v2.MetricValueStatus',
            metric: 'autoscaling.v2.MetricIdentifier',
        },
        'autoscaling.v2.ResourceMetricSource': { name: 'str', target: 'autoscaling.v2.MetricTarget' },
        'autoscaling.v2.ResourceMetricStatus': { current: 'autoscaling.v2.MetricValueStatus', name: 'str' },
        'core.v1.Affinity': {
            nodeAffinity: 'core.v1.NodeAffinity',
            podAffinity: 'core.v1.PodAffinity',
            podAntiAffinity: 'core.v1.PodAntiAffinity',
        },
        'core.v1.AppArmorProfile': { localhostProfile: 'str', type: 'str' },
        'core.v1.AWSElasticBlockStoreVolumeSource': { fsType: 'str', partition: 'i32', readOnly: 'bool', volumeID: 'str' },
        'core.v1.AzureDiskVolumeSource': {
            cachingMode: 'str',
            diskName: 'str',
            diskURI: 'str',
            fsType: 'str',
            kind: 'str',
            readOnly: 'bool',
        },
        'core.v1.AzureFileVolumeSource': { readOnly: 'bool', secretName: 'str', shareName: 'str' },
        'core.v1.Capabilities': { add: { a: 'str' }, drop: { a: 'str' } },
        'core.v1.CephFSVolumeSource': {
            monitors: { a: 'str' },
            path: 'str',
            readOnly: 'bool',
            secretFile: 'str',
            secretRef: 'core.v1.LocalObjectReference',
            user: 'str',
        },
        'core.v1.CinderVolumeSource': {
            fsType: 'str',
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
            volumeID: 'str',
        },
        'core.v1.ClientIPConfig': { timeoutSeconds: 'i32' },
        'core.v1.ClusterTrustBundleProjection': {
            labelSelector: 'meta.v1.LabelSelector',
            name: 'str',
            optional: 'bool',
            path: 'str',
            signerName: 'str',
        },
        'core.v1.ConfigMapEnvSource': { name: 'str', optional: 'bool' },
        'core.v1.ConfigMapKeySelector': { key: 'str', name: 'str', optional: 'bool' },
        'core.v1.ConfigMapProjection': { items: { a: 'core.v1.KeyToPath' }, name: 'str', optional: 'bool' },
        'core.v1.ConfigMapVolumeSource': {
            defaultMode: 'i32',
            items: { a: 'core.v1.KeyToPath' },
            name: 'str',
            optional: 'bool',
        },
        'core.v1.Container': {
            args: { a: 'str' },
            command: { a: 'str' },
            env: { a: 'core.v1.EnvVar' },
            envFrom: { a: 'core.v1.EnvFromSource' },
            image: 'str',
            imagePullPolicy: 'str',
            lifecycle: 'core.v1.Lifecycle',
            livenessProbe: 'core.v1.Probe',
            name: 'str',
            ports: { a: 'core.v1.ContainerPort' },
            readinessProbe: 'core.v1.Probe',
            resizePolicy: { a: 'core.v1.ContainerResizePolicy' },
            resources: 'core.v1.ResourceRequirements',
            restartPolicy: 'str',
            restartPolicyRules: { a: 'core.v1.ContainerRestartRule' },
            securityContext: 'core.v1.SecurityContext',
            startupProbe: 'core.v1.Probe',
            stdin: 'bool',
            stdinOnce: 'bool',
            terminationMessagePath: 'str',
            terminationMessagePolicy: 'str',
            tty: 'bool',
            volumeDevices: { a: 'core.v1.VolumeDevice' },
            volumeMounts: { a: 'core.v1.VolumeMount' },
            workingDir: 'str',
        },
        'core.v1.ContainerPort': { containerPort: 'i32', hostIP: 'str', hostPort: 'i32', name: 'str', protocol: 'str' },
        'core.v1.ContainerResizePolicy': { resourceName: 'str', restartPolicy: 'str' },
        'core.v1.ContainerRestartRule': { action: 'str', exitCodes: 'core.v1.ContainerRestartRuleOnExitCodes' },
        'core.v1.ContainerRestartRuleOnExitCodes': { operator: 'str', values: { a: 'i32' } },
        'core.v1.CSIVolumeSource': {
            driver: 'str',
            fsType: 'str',
            nodePublishSecretRef: 'core.v1.LocalObjectReference',
            readOnly: 'bool',
            volumeAttributes: { m: 'str' },
        },
        'core.v1.DownwardAPIProjection': { items: { a: 'core.v1.DownwardAPIVolumeFile' } },
        'core.v1.DownwardAPIVolumeFile': {
            fieldRef: 'core.v1.ObjectFieldSelector',
            mode: 'i32',
            path: 'str',
            resourceFieldRef: 'core.v1.ResourceFieldSelector',
        },
        'core.v1.DownwardAPIVolumeSource': { defaultMode: 'i32', items: { a: 'core.v1.DownwardAPIVolumeFile' } },
        'core.v1.EmptyDirVolumeSource': { medium: 'str', sizeLimit: 'qty' },
        'core.v1.EnvFromSource': {
            configMapRef: 'core.v1.ConfigMapEnvSource',
            prefix: 'str',
            secretRef: 'core.v1.SecretEnvSource',
        },
        'core.v1.EnvVar': { name: 'str', value: 'str', valueFrom: 'core.v1.EnvVarSource' },
        'core.v1.EnvVarSource': {
            configMapKeyRef: 'core.v1.ConfigMapKeySelector',
            fieldRef: 'core.v1.ObjectFieldSelector',
            fileKeyRef: 'core.v1.FileKeySelector',
            resourceFieldRef: 'core.v1.ResourceFieldSelector',
            secretKeyRef: 'core.v1.SecretKeySelector',
        },
        'core.v1.EphemeralContainer': {
            args: { a: 'str' },
            command: { a: 'str' },
            env: { a: 'core.v1.EnvVar' },
            envFrom: { a: 'core.v1.EnvFromSource' },
            image: 'str',
            imagePullPolicy: 'str',
            lifecycle: 'core.v1.Lifecycle',
            livenessProbe: 'core.v1.Probe',
            name: 'str',
            ports: { a: 'core.v1.ContainerPort' },
            readinessProbe: 'core.v1.Probe',
            resizePolicy: { a: 'core.v1.ContainerResizePolicy' },
            resources: 'core.v1.ResourceRequirements',
            restartPolicy: 'str',
            restartPolicyRules: { a: 'core.v1.ContainerRestartRule' },
            securityContext: 'core.v1.SecurityContext',
            startupProbe: 'core.v1.Probe',
            stdin: 'bool',
            stdinOnce: 'bool',
            targetContainerName: 'str',
            terminationMessagePath: 'str',
            terminationMessagePolicy: 'str',
            tty: 'bool',
            volumeDevices: { a: 'core.v1.VolumeDevice' },
            volumeMounts: { a: 'core.v1.VolumeMount' },
            workingDir: 'str',
        },
        'core.v1.EphemeralVolumeSource': { volumeClaimTemplate: 'core.v1.PersistentVolumeClaimTemplate' },
        'core.v1.ExecAction': { command: { a: 'str' } },
        'core.v1.FCVolumeSource': {
            fsType: 'str',
            lun: 'i32',
            readOnly: 'bool',
            targetWWNs: { a: 'str' },
            wwids: { a: 'str' },
        },
        'core.v1.FileKeySelector': { key: 'str', optional: 'bool', path: 'str', volumeName: 'str' },
        'core.v1.FlexVolumeSource': {
            driver: 'str',
            fsType: 'str',
            options: { m: 'str' },
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
        },
        'core.v1.FlockerVolumeSource': { datasetName: 'str', datasetUUID: 'str' },
        'core.v1.GCEPersistentDiskVolumeSource': { fsType: 'str', partition: 'i32', pdName: 'str', readOnly: 'bool' },
        'core.v1.GitRepoVolumeSource': { directory: 'str', repository: 'str', revision: 'str' },
        'core.v1.GlusterfsVolumeSource': { endpoints: 'str', path: 'str', readOnly: 'bool' },
        'core.v1.GRPCAction': { port: 'i32', service: 'str' },
        'core.v1.HostAlias': { hostnames: { a: 'str' }, ip: 'str' },
        'core.v1.HostPathVolumeSource': { path: 'str', type: 'str' },
        'core.v1.HTTPGetAction': {
            host: 'str',
            httpHeaders: { a: 'core.v1.HTTPHeader' },
            path: 'str',
            port: 'ios',
            scheme: 'str',
        },
        'core.v1.HTTPHeader': { name: 'str', value: 'str' },
        'core.v1.ImageVolumeSource': { pullPolicy: 'str', reference: 'str' },
        'core.v1.ISCSIVolumeSource': {
            chapAuthDiscovery: 'bool',
            chapAuthSession: 'bool',
            fsType: 'str',
            initiatorName: 'str',
            iqn: 'str',
            iscsiInterface: 'str',
            lun: 'i32',
            portals: { a: 'str' },
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
            targetPortal: 'str',
        },
        'core.v1.KeyToPath': { key: 'str', mode: 'i32', path: 'str' },
        'core.v1.Lifecycle': {
            postStart: 'core.v1.LifecycleHandler',
            preStop: 'core.v1.LifecycleHandler',
            stopSignal: 'str',
        },
        'core.v1.LifecycleHandler': {
            exec: 'core.v1.ExecAction',
            httpGet: 'core.v1.HTTPGetAction',
            sleep: 'core.v1.SleepAction',
            tcpSocket: 'core.v1.TCPSocketAction',
        },
        'core.v1.LoadBalancerIngress': { hostname: 'str', ip: 'str', ipMode: 'str', ports: { a: 'core.v1.PortStatus' } },
        'core.v1.LoadBalancerStatus': { ingress: { a: 'core.v1.LoadBalancerIngress' } },
        'core.v1.LocalObjectReference': { name: 'str' },
        'core.v1.ModifyVolumeStatus': { status: 'str', targetVolumeAttributesClassName: 'str' },
        'core.v1.Namespace': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'core.v1.NamespaceSpec',
            status: 'core.v1.NamespaceStatus',
        },
        'core.v1.NamespaceCondition': {
            lastTransitionTime: 'str',
            message: 'str',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'core.v1.NamespaceSpec': { finalizers: { a: 'str' } },
        'core.v1.NamespaceStatus': { conditions: { a: 'core.v1.NamespaceCondition' }, phase: 'str' },
        'core.v1.NFSVolumeSource': { path: 'str', readOnly: 'bool', server: 'str' },
        'core.v1.NodeAffinity': {
            preferredDuringSchedulingIgnoredDuringExecution: { a: 'core.v1.PreferredSchedulingTerm' },
            requiredDuringSchedulingIgnoredDuringExecution: 'core.v1.NodeSelector',
        },
        'core.v1.NodeSelector': { nodeSelectorTerms: { a: 'core.v1.NodeSelectorTerm' } },
        'core.v1.NodeSelectorRequirement': { key: 'str', operator: 'str', values: { a: 'str' } },
        'core.v1.NodeSelectorTerm': {
            matchExpressions: { a: 'core.v1.NodeSelectorRequirement' },
            matchFields: { a: 'core.v1.NodeSelectorRequirement' },
        },
        'core.v1.ObjectFieldSelector': { apiVersion: 'str', fieldPath: 'str' },
        'core.v1.PersistentVolumeClaim': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'core.v1.PersistentVolumeClaimSpec',
            status: 'core.v1.PersistentVolumeClaimStatus',
        },
        'core.v1.PersistentVolumeClaimCondition': {
            lastProbeTime: 'str',
            lastTransitionTime: 'str',
            message: 'str',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'core.v1.PersistentVolumeClaimSpec': {
            accessModes: { a: 'str' },
            dataSource: 'core.v1.TypedLocalObjectReference',
            dataSourceRef: 'core.v1.TypedObjectReference',
            resources: 'core.v1.VolumeResourceRequirements',
            selector: 'meta.v1.LabelSelector',
            storageClassName: 'str',
            volumeAttributesClassName: 'str',
            volumeMode: 'str',
            volumeName: 'str',
        },
        'core.v1.PersistentVolumeClaimStatus': {
            accessModes: { a: 'str' },
            allocatedResources: { m: 'qty' },
            allocatedResourceStatuses: { m: 'str' },
            capacity: { m: 'qty' },
            conditions: { a: 'core.v1.PersistentVolumeClaimCondition' },
            currentVolumeAttributesClassName: 'str',
            modifyVolumeStatus: 'core.v1.ModifyVolumeStatus',
            phase: 'str',
        },
        'core.v1.PersistentVolumeClaimTemplate': {
            metadata: 'meta.v1.ObjectMeta',
            spec: 'core.v1.PersistentVolumeClaimSpec',
        },
        'core.v1.PersistentVolumeClaimVolumeSource': { claimName: 'str', readOnly: 'bool' },
        'core.v1.PhotonPersistentDiskVolumeSource': { fsType: 'str', pdID: 'str' },
        'core.v1.PodAffinity': {
            preferredDuringSchedulingIgnoredDuringExecution: { a: 'core.v1.WeightedPodAffinityTerm' },
            requiredDuringSchedulingIgnoredDuringExecution: { a: 'core.v1.PodAffinityTerm' },
        },
        'core.v1.PodAffinityTerm': {
            labelSelector: 'meta.v1.LabelSelector',
            matchLabelKeys: { a: 'str' },
            mismatchLabelKeys: { a: 'str' },
            namespaces: { a: 'str' },
            namespaceSelector: 'meta.v1.LabelSelector',
            topologyKey: 'str',
        },
        'core.v1.PodAntiAffinity': {
            preferredDuringSchedulingIgnoredDuringExecution: { a: 'core.v1.WeightedPodAffinityTerm' },
            requiredDuringSchedulingIgnoredDuringExecution: { a: 'core.v1.PodAffinityTerm' },
        },
        'core.v1.PodCertificateProjection': {
            certificateChainPath: 'str',
            credentialBundlePath: 'str',
            keyPath: 'str',
            keyType: 'str',
            maxExpirationSeconds: 'i32',
            signerName: 'str',
            userAnnotations: { m: 'str' },
        },
        'core.v1.PodDNSConfig': {
            nameservers: { a: 'str' },
            options: { a: 'core.v1.PodDNSConfigOption' },
            searches: { a: 'str' },
        },
        'core.v1.PodDNSConfigOption': { name: 'str', value: 'str' },
        'core.v1.PodOS': { name: 'str' },
        'core.v1.PodReadinessGate': { conditionType: 'str' },
        'core.v1.PodResourceClaim': { name: 'str', resourceClaimName: 'str', resourceClaimTemplateName: 'str' },
        'core.v1.PodSchedulingGate': { name: 'str' },
        'core.v1.PodSchedulingGroup': { podGroupName: 'str' },
        'core.v1.PodSecurityContext': {
            appArmorProfile: 'core.v1.AppArmorProfile',
            fsGroup: 'i64',
            fsGroupChangePolicy: 'str',
            runAsGroup: 'i64',
            runAsNonRoot: 'bool',
            runAsUser: 'i64',
            seccompProfile: 'core.v1.SeccompProfile',
            seLinuxChangePolicy: 'str',
            seLinuxOptions: 'core.v1.SELinuxOptions',
            supplementalGroups: { a: 'i64' },
            supplementalGroupsPolicy: 'str',
            sysctls: { a: 'core.v1.Sysctl' },
            windowsOptions: 'core.v1.WindowsSecurityContextOptions',
        },
        'core.v1.PodSpec': {
            activeDeadlineSeconds: 'i64',
            affinity: 'core.v1.Affinity',
            automountServiceAccountToken: 'bool',
            containers: { a: 'core.v1.Container' },
            dnsConfig: 'core.v1.PodDNSConfig',
            dnsPolicy: 'str',
            enableServiceLinks: 'bool',
            ephemeralContainers: { a: 'core.v1.EphemeralContainer' },
            hostAliases: { a: 'core.v1.HostAlias' },
            hostIPC: 'bool',
            hostname: 'str',
            hostnameOverride: 'str',
            hostNetwork: 'bool',
            hostPID: 'bool',
            hostUsers: 'bool',
            imagePullSecrets: { a: 'core.v1.LocalObjectReference' },
            initContainers: { a: 'core.v1.Container' },
            nodeName: 'str',
            nodeSelector: { m: 'str' },
            os: 'core.v1.PodOS',
            overhead: { m: 'qty' },
            preemptionPolicy: 'str',
            priority: 'i32',
            priorityClassName: 'str',
            readinessGates: { a: 'core.v1.PodReadinessGate' },
            resourceClaims: { a: 'core.v1.PodResourceClaim' },
            resources: 'core.v1.ResourceRequirements',
            restartPolicy: 'str',
            runtimeClassName: 'str',
            schedulerName: 'str',
            schedulingGates: { a: 'core.v1.PodSchedulingGate' },
            schedulingGroup: 'core.v1.PodSchedulingGroup',
            securityContext: 'core.v1.PodSecurityContext',
            serviceAccount: 'str',
            serviceAccountName: 'str',
            setHostnameAsFQDN: 'bool',
            shareProcessNamespace: 'bool',
            subdomain: 'str',
            terminationGracePeriodSeconds: 'i64',
            tolerations: { a: 'core.v1.Toleration' },
            topologySpreadConstraints: { a: 'core.v1.TopologySpreadConstraint' },
            volumes: { a: 'core.v1.Volume' },
        },
        'core.v1.PodTemplateSpec': { metadata: 'meta.v1.ObjectMeta', spec: 'core.v1.PodSpec' },
        'core.v1.PortStatus': { error: 'str', port: 'i32', protocol: 'str' },
        'core.v1.PortworxVolumeSource': { fsType: 'str', readOnly: 'bool', volumeID: 'str' },
        'core.v1.PreferredSchedulingTerm': { preference: 'core.v1.NodeSelectorTerm', weight: 'i32' },
        'core.v1.Probe': {
            exec: 'core.v1.ExecAction',
            failureThreshold: 'i32',
            grpc: 'core.v1.GRPCAction',
            httpGet: 'core.v1.HTTPGetAction',
            initialDelaySeconds: 'i32',
            periodSeconds: 'i32',
            successThreshold: 'i32',
            tcpSocket: 'core.v1.TCPSocketAction',
            terminationGracePeriodSeconds: 'i64',
            timeoutSeconds: 'i32',
        },
        'core.v1.ProjectedVolumeSource': { defaultMode: 'i32', sources: { a: 'core.v1.VolumeProjection' } },
        'core.v1.QuobyteVolumeSource': {
            group: 'str',
            readOnly: 'bool',
            registry: 'str',
            tenant: 'str',
            user: 'str',
            volume: 'str',
        },
        'core.v1.RBDVolumeSource': {
            fsType: 'str',
            image: 'str',
            keyring: 'str',
            monitors: { a: 'str' },
            pool: 'str',
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
            user: 'str',
        },
        'core.v1.ResourceClaim': { name: 'str', request: 'str' },
        'core.v1.ResourceFieldSelector': { containerName: 'str', divisor: 'qty', resource: 'str' },
        'core.v1.ResourceRequirements': {
            claims: { a: 'core.v1.ResourceClaim' },
            limits: { m: 'qty' },
            requests: { m: 'qty' },
        },
        'core.v1.ScaleIOVolumeSource': {
            fsType: 'str',
            gateway: 'str',
            protectionDomain: 'str',
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
            sslEnabled: 'bool',
            storageMode: 'str',
            storagePool: 'str',
            system: 'str',
            volumeName: 'str',
        },
        'core.v1.SeccompProfile': { localhostProfile: 'str', type: 'str' },
        'core.v1.SecretEnvSource': { name: 'str', optional: 'bool' },
        'core.v1.SecretKeySelector': { key: 'str', name: 'str', optional: 'bool' },
        'core.v1.SecretProjection': { items: { a: 'core.v1.KeyToPath' }, name: 'str', optional: 'bool' },
        'core.v1.SecretVolumeSource': {
            defaultMode: 'i32',
            items: { a: 'core.v1.KeyToPath' },
            optional: 'bool',
            secretName: 'str',
        },
        'core.v1.SecurityContext': {
            allowPrivilegeEscalation: 'bool',
            appArmorProfile: 'core.v1.AppArmorProfile',
            capabilities: 'core.v1.Capabilities',
            privileged: 'bool',
            procMount: 'str',
            readOnlyRootFilesystem: 'bool',
            runAsGroup: 'i64',
            runAsNonRoot: 'bool',
            runAsUser: 'i64',
            seccompProfile: 'core.v1.SeccompProfile',
            seLinuxOptions: 'core.v1.SELinuxOptions',
            windowsOptions: 'core.v1.WindowsSecurityContextOptions',
        },
        'core.v1.SELinuxOptions': { level: 'str', role: 'str', type: 'str', user: 'str' },
        'core.v1.Service': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'core.v1.ServiceSpec',
            status: 'core.v1.ServiceStatus',
        },
        'core.v1.ServiceAccountTokenProjection': { audience: 'str', expirationSeconds: 'i64', path: 'str' },
        'core.v1.ServicePort': {
            appProtocol: 'str',
            name: 'str',
            nodePort: 'i32',
            port: 'i32',
            protocol: 'str',
            targetPort: 'ios',
        },
        'core.v1.ServiceSpec': {
            allocateLoadBalancerNodePorts: 'bool',
            clusterIP: 'str',
            clusterIPs: { a: 'str' },
            externalIPs: { a: 'str' },
            externalName: 'str',
            externalTrafficPolicy: 'str',
            healthCheckNodePort: 'i32',
            internalTrafficPolicy: 'str',
            ipFamilies: { a: 'str' },
            ipFamilyPolicy: 'str',
            loadBalancerClass: 'str',
            loadBalancerIP: 'str',
            loadBalancerSourceRanges: { a: 'str' },
            ports: { a: 'core.v1.ServicePort' },
            publishNotReadyAddresses: 'bool',
            selector: { m: 'str' },
            sessionAffinity: 'str',
            sessionAffinityConfig: 'core.v1.SessionAffinityConfig',
            trafficDistribution: 'str',
            type: 'str',
        },
        'core.v1.ServiceStatus': { conditions: { a: 'meta.v1.Condition' }, loadBalancer: 'core.v1.LoadBalancerStatus' },
        'core.v1.SessionAffinityConfig': { clientIP: 'core.v1.ClientIPConfig' },
        'core.v1.SleepAction': { seconds: 'i64' },
        'core.v1.StorageOSVolumeSource': {
            fsType: 'str',
            readOnly: 'bool',
            secretRef: 'core.v1.LocalObjectReference',
            volumeName: 'str',
            volumeNamespace: 'str',
        },
        'core.v1.Sysctl': { name: 'str', value: 'str' },
        'core.v1.TCPSocketAction': { host: 'str', port: 'ios' },
        'core.v1.Toleration': { effect: 'str', key: 'str', operator: 'str', tolerationSeconds: 'i64', value: 'str' },
        'core.v1.TopologySpreadConstraint': {
            labelSelector: 'meta.v1.LabelSelector',
            matchLabelKeys: { a: 'str' },
            maxSkew: 'i32',
            minDomains: 'i32',
            nodeAffinityPolicy: 'str',
            nodeTaintsPolicy: 'str',
            topologyKey: 'str',
            whenUnsatisfiable: 'str',
        },
        'core.v1.TypedLocalObjectReference': { apiGroup: 'str', kind: 'str', name: 'str' },
        'core.v1.TypedObjectReference': { apiGroup: 'str', kind: 'str', name: 'str', namespace: 'str' },
        'core.v1.Volume': {
            awsElasticBlockStore: 'core.v1.AWSElasticBlockStoreVolumeSource',
            azureDisk: 'core.v1.AzureDiskVolumeSource',
            azureFile: 'core.v1.AzureFileVolumeSource',
            cephfs: 'core.v1.CephFSVolumeSource',
            cinder: 'core.v1.CinderVolumeSource',
            configMap: 'core.v1.ConfigMapVolumeSource',
            csi: 'core.v1.CSIVolumeSource',
            downwardAPI: 'core.v1.DownwardAPIVolumeSource',
            emptyDir: 'core.v1.EmptyDirVolumeSource',
            ephemeral: 'core.v1.EphemeralVolumeSource',
            fc: 'core.v1.FCVolumeSource',
            flexVolume: 'core.v1.FlexVolumeSource',
            flocker: 'core.v1.FlockerVolumeSource',
            gcePersistentDisk: 'core.v1.GCEPersistentDiskVolumeSource',
            gitRepo: 'core.v1.GitRepoVolumeSource',
            glusterfs: 'core.v1.GlusterfsVolumeSource',
            hostPath: 'core.v1.HostPathVolumeSource',
            image: 'core.v1.ImageVolumeSource',
            iscsi: 'core.v1.ISCSIVolumeSource',
            name: 'str',
            nfs: 'core.v1.NFSVolumeSource',
            persistentVolumeClaim: 'core.v1.PersistentVolumeClaimVolumeSource',
            photonPersistentDisk: 'core.v1.PhotonPersistentDiskVolumeSource',
            portworxVolume: 'core.v1.PortworxVolumeSource',
            projected: 'core.v1.ProjectedVolumeSource',
            quobyte: 'core.v1.QuobyteVolumeSource',
            rbd: 'core.v1.RBDVolumeSource',
            scaleIO: 'core.v1.ScaleIOVolumeSource',
            secret: 'core.v1.SecretVolumeSource',
            storageos: 'core.v1.StorageOSVolumeSource',
            vsphereVolume: 'core.v1.VsphereVirtualDiskVolumeSource',
        },
        'core.v1.VolumeDevice': { devicePath: 'str', name: 'str' },
        'core.v1.VolumeMount': {
            mountPath: 'str',
            mountPropagation: 'str',
            name: 'str',
            readOnly: 'bool',
            recursiveReadOnly: 'str',
            subPath: 'str',
            subPathExpr: 'str',
        },
        'core.v1.VolumeProjection': {
            clusterTrustBundle: 'core.v1.ClusterTrustBundleProjection',
            configMap: 'core.v1.ConfigMapProjection',
            downwardAPI: 'core.v1.DownwardAPIProjection',
            podCertificate: 'core.v1.PodCertificateProjection',
            secret: 'core.v1.SecretProjection',
            serviceAccountToken: 'core.v1.ServiceAccountTokenProjection',
        },
        'core.v1.VolumeResourceRequirements': { limits: { m: 'qty' }, requests: { m: 'qty' } },
        'core.v1.VsphereVirtualDiskVolumeSource': {
            fsType: 'str',
            storagePolicyID: 'str',
            storagePolicyName: 'str',
            volumePath: 'str',
        },
        'core.v1.WeightedPodAffinityTerm': { podAffinityTerm: 'core.v1.PodAffinityTerm', weight: 'i32' },
        'core.v1.WindowsSecurityContextOptions': {
            gmsaCredentialSpec: 'str',
            gmsaCredentialSpecName: 'str',
            hostProcess: 'bool',
            runAsUserName: 'str',
        },
        'meta.v1.Condition': {
            lastTransitionTime: 'str',
            message: 'str',
            observedGeneration: 'i64',
            reason: 'str',
            status: 'str',
            type: 'str',
        },
        'meta.v1.LabelSelector': { matchExpressions: { a: 'meta.v1.LabelSelectorRequirement' }, matchLabels: { m: 'str' } },
        'meta.v1.LabelSelectorRequirement': { key: 'str', operator: 'str', values: { a: 'str' } },
        'meta.v1.ManagedFieldsEntry': {
            apiVersion: 'str',
            fieldsType: 'str',
            fieldsV1: 'any',
            manager: 'str',
            operation: 'str',
            subresource: 'str',
            time: 'str',
        },
        'meta.v1.ObjectMeta': {
            annotations: { m: 'str' },
            creationTimestamp: 'str',
            deletionGracePeriodSeconds: 'i64',
            deletionTimestamp: 'str',
            finalizers: { a: 'str' },
            generateName: 'str',
            generation: 'i64',
            labels: { m: 'str' },
            managedFields: { a: 'meta.v1.ManagedFieldsEntry' },
            name: 'str',
            namespace: 'str',
            ownerReferences: { a: 'meta.v1.OwnerReference' },
            resourceVersion: 'str',
            selfLink: 'str',
            uid: 'str',
        },
        'meta.v1.OwnerReference': {
            apiVersion: 'str',
            blockOwnerDeletion: 'bool',
            controller: 'bool',
            kind: 'str',
            name: 'str',
            uid: 'str',
        },
        'networking.v1.HTTPIngressPath': { backend: 'networking.v1.IngressBackend', path: 'str', pathType: 'str' },
        'networking.v1.HTTPIngressRuleValue': { paths: { a: 'networking.v1.HTTPIngressPath' } },
        'networking.v1.Ingress': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'networking.v1.IngressSpec',
            status: 'networking.v1.IngressStatus',
        },
        'networking.v1.IngressBackend': {
            resource: 'core.v1.TypedLocalObjectReference',
            service: 'networking.v1.IngressServiceBackend',
        },
        'networking.v1.IngressClass': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'networking.v1.IngressClassSpec',
        },
        'networking.v1.IngressClassParametersReference': {
            apiGroup: 'str',
            kind: 'str',
            name: 'str',
            namespace: 'str',
            scope: 'str',
        },
        'networking.v1.IngressClassSpec': {
            controller: 'str',
            parameters: 'networking.v1.IngressClassParametersReference',
        },
        'networking.v1.IngressLoadBalancerIngress': {
            hostname: 'str',
            ip: 'str',
            ports: { a: 'networking.v1.IngressPortStatus' },
        },
        'networking.v1.IngressLoadBalancerStatus': { ingress: { a: 'networking.v1.IngressLoadBalancerIngress' } },
        'networking.v1.IngressPortStatus': { error: 'str', port: 'i32', protocol: 'str' },
        'networking.v1.IngressRule': { host: 'str', http: 'networking.v1.HTTPIngressRuleValue' },
        'networking.v1.IngressServiceBackend': { name: 'str', port: 'networking.v1.ServiceBackendPort' },
        'networking.v1.IngressSpec': {
            defaultBackend: 'networking.v1.IngressBackend',
            ingressClassName: 'str',
            rules: { a: 'networking.v1.IngressRule' },
            tls: { a: 'networking.v1.IngressTLS' },
        },
        'networking.v1.IngressStatus': { loadBalancer: 'networking.v1.IngressLoadBalancerStatus' },
        'networking.v1.IngressTLS': { hosts: { a: 'str' }, secretName: 'str' },
        'networking.v1.ServiceBackendPort': { name: 'str', number: 'i32' },
        'policy.v1.PodDisruptionBudget': {
            apiVersion: 'str',
            kind: 'str',
            metadata: 'meta.v1.ObjectMeta',
            spec: 'policy.v1.PodDisruptionBudgetSpec',
            status: 'policy.v1.PodDisruptionBudgetStatus',
        },
        'policy.v1.PodDisruptionBudgetSpec': {
            maxUnavailable: 'ios',
            minAvailable: 'ios',
            selector: 'meta.v1.LabelSelector',
            unhealthyPodEvictionPolicy: 'str',
        },
        'policy.v1.PodDisruptionBudgetStatus': {
            conditions: { a: 'meta.v1.Condition' },
            currentHealthy: 'i32',
            desiredHealthy: 'i32',
            disruptedPods: { m: 'str' },
            disruptionsAllowed: 'i32',
            expectedPods: 'i32',
            observedGeneration: 'i64',
        },
    },
};


/***/ }),

/***/ 4707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E3: () => (/* binding */ readString),
/* harmony export */   Kn: () => (/* binding */ readIntOrString),
/* harmony export */   Uk: () => (/* binding */ readInt),
/* harmony export */   pQ: () => (/* binding */ orDefault)
/* harmony export */ });
/* harmony import */ var _manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4869);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5182);
/**
 * Typed reading of the fields the rules use. Every rule reads numbers, strings and int-or-string
 * values through these functions, which check them with the same code as the field-type rule
 * (check.ts): a value of the wrong type or out of range is `invalid`, never taken for unset and
 * never replaced by the API default. Rules skip what is invalid; field-type reports it at its line.
 */


const UNSET = { state: 'unset' };
function read(o, path, fallback, accept) {
    const raw = (0,_manifest_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .field */ .ZZ)(o, path);
    if (raw === undefined || raw === null)
        return UNSET;
    const known = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .typeAt */ .SE)(o.apiVersion, o.kind, path);
    const type = known && typeof known.type === 'string' ? known.type : fallback;
    if ((0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .checkPrimitive */ .K4)(type, raw, known?.constraint) || !accept(raw))
        return { state: 'invalid', raw };
    return { state: 'set', value: raw };
}
const isNumber = (v) => typeof v === 'number';
const isString = (v) => typeof v === 'string';
const isIntOrString = (v) => typeof v === 'number' || typeof v === 'string';
/** A whole number (replicas, seconds, thresholds, ports). */
function readInt(o, path) {
    return read(o, path, 'i64', isNumber);
}
function readString(o, path) {
    return read(o, path, 'str', isString);
}
/** An IntOrString (maxUnavailable, minAvailable, targetPort): a whole number, or a string. */
function readIntOrString(o, path) {
    return read(o, path, 'ios', isIntOrString);
}
/** The value when set, the default when unset, undefined when invalid (the caller then skips). */
function orDefault(t, def) {
    return t.state === 'set' ? t.value : t.state === 'unset' ? def : undefined;
}


/***/ }),

/***/ 3212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EP: () => (/* binding */ ruleCatalogue),
/* harmony export */   hS: () => (/* binding */ ruleDocsUrl),
/* harmony export */   ki: () => (/* binding */ ruleMarkdown),
/* harmony export */   xH: () => (/* binding */ docsBase)
/* harmony export */ });
/* unused harmony exports REPOSITORY, rulePage, ruleTable, configSchema */
/* harmony import */ var _core_lint_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9887);
/* harmony import */ var _core_rules_rule_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(813);
/**
 * Rule documentation generated from rule metadata: the README's rule catalogue, SARIF's help
 * text, `zd-gate rules`, and the JSON Schema of `.zd-gate.yaml`. Nothing about a rule is written
 * twice by hand.
 */


/** This project's repository (package.json `repository`, kept in step by __tests__/docs.test.ts). */
const REPOSITORY = 'https://github.com/zd-gate/zd-gate';
/**
 * Where the rule pages (docs/rules/<id>.md) are read: the action's own repository at the ref the
 * workflow uses (`uses: owner/zd-gate@v1` sets GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF), so
 * the page matches the code that ran; otherwise this project's repository on its main branch.
 */
function docsBase(env = {}) {
    const repo = env.GITHUB_ACTION_REPOSITORY ?? '';
    const ref = env.GITHUB_ACTION_REF ?? '';
    const server = env.GITHUB_SERVER_URL && /^https:\/\/[\w.-]+(:\d+)?$/.test(env.GITHUB_SERVER_URL)
        ? env.GITHUB_SERVER_URL
        : 'https://github.com';
    if (/^[\w.-]+\/[\w.-]+$/.test(repo) && /^[\w./-]+$/.test(ref) && !ref.includes('..'))
        return `${server}/${repo}/blob/${ref.split('/').map(encodeURIComponent).join('/')}/docs/rules/`;
    return `${REPOSITORY}/blob/main/docs/rules/`;
}
/** The rule's documentation page. */
function ruleDocsUrl(id, base = docsBase()) {
    return `${base}${encodeURIComponent(id)}.md`;
}
function ruleMarkdown(meta, level = 3) {
    const h = '#'.repeat(level);
    const out = [`${h} \`${meta.id}\``, '', `**${meta.summary}** Default severity: \`${meta.severity}\`.`, ''];
    if (meta.variants?.length) {
        out.push(`Severity: ${meta.variants.map((v) => `\`${v.severity}\` when ${v.when}`).join('; ')}.`, '');
    }
    out.push(`*Applies to:* ${meta.scope}`, '', `*Scope model:* ${_core_rules_rule_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLICABILITY */ .I[meta.appliesTo]}`, '', meta.rationale, '', `*Fix:* ${meta.fix}`, '');
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
const GENERATED = "<!-- Generated by `npm run docs` from the rule's metadata (src/core/rules) and its case table (__tests__/rules); do not edit. -->";
/**
 * docs/rules/<id>.md: why, the fix, parameters, an incorrect and a correct example taken from the
 * rule's tested case table (with what zd-gate reports on it), configuration, references. Rules
 * whose case table names no examples fall back to meta.examples.
 */
function rulePage(meta, examples) {
    const out = [`# \`${meta.id}\``, '', GENERATED, '', `**${meta.summary}**`, ''];
    out.push(`Default severity: \`${meta.severity}\`.`);
    if (meta.variants?.length)
        out.push(`Severity: ${meta.variants.map((v) => `\`${v.severity}\` when ${v.when}`).join('; ')}.`);
    out.push('', '## Applies to', '', meta.scope, '', `Scope model: ${APPLICABILITY[meta.appliesTo]} See [what validate judges, and how](../validate-scope.md).`, '', '## Why', '', meta.rationale, '', '## How to fix it', '', meta.fix, '');
    const params = Object.entries(meta.params);
    if (params.length > 0) {
        out.push('## Parameters', '', '| Parameter | Default | Meaning |', '|---|---|---|');
        for (const [name, spec] of params)
            out.push(`| \`${name}\` | \`${formatDefault(spec)}\` | ${spec.description} |`);
        out.push('');
    }
    out.push('## Examples', '');
    if (examples) {
        out.push('### Incorrect', '', ...exampleLines(examples.invalid), '### Correct', '', ...exampleLines(examples.valid));
    }
    else if (meta.examples) {
        out.push('### Incorrect', '', '```yaml', meta.examples.incorrect, '```', '', '### Correct', '', '```yaml', meta.examples.correct, '```', '');
    }
    out.push('## Configuration', '', 'In `.zd-gate.yaml` (see [Configuration](../validate.md#configuration)):', '', '```yaml', 'rules:', `  ${meta.id}: ${meta.severity === 'error' ? 'warning' : 'error'}   # or off, notice`, ...(params.length > 0
        ? [
            '  # or, with parameters:',
            `  # ${meta.id}:`,
            `  #   severity: ${meta.severity}`,
            ...params.map(([name, spec]) => `  #   ${name}: ${formatDefault(spec)}`),
        ]
        : []), '```', '', `To waive it for one object, annotate the object: \`zd-gate/ignore: ${meta.id}\`.`, '');
    if (meta.references?.length) {
        out.push('## References', '', ...meta.references.map((r) => `- [${r.title}](${r.url})`), '');
    }
    return `${out.join('\n').trimEnd()}\n`;
}
function exampleLines(e) {
    const out = [];
    for (const [name, text] of Object.entries(e.files))
        out.push(`\`${name}\`:`, '', '```yaml', text.trimEnd(), '```', '');
    if (e.context.length > 0)
        out.push(`With ${e.context.map((c) => `\`${c}\``).join(', ')} beside it (context, not shown).`, '');
    if (e.findings.length > 0) {
        out.push('zd-gate reports:', '');
        for (const f of e.findings)
            out.push(`- \`${f.file}:${f.line}\` (${f.severity}): ${f.message}`);
        out.push('');
    }
    else {
        out.push('zd-gate reports nothing for this rule.', '');
    }
    return out;
}
/** The README's rule table: one line per rule, linking its page. */
function ruleTable(rules, pageBase = 'docs/rules/') {
    return [
        '| Rule | Default | Checks |',
        '|---|---|---|',
        ...rules.map((r) => `| [\`${r.meta.id}\`](${pageBase}${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.summary} |`),
    ].join('\n');
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
            scope: {
                type: 'object',
                additionalProperties: false,
                description: 'The scope model: how rules treat workloads no load balancer fronts (docs/validate-scope.md).',
                properties: Object.fromEntries(Object.entries(SCOPE_KEYS).map(([k, v]) => [
                    k,
                    { enum: [...v.values], default: v.default, description: v.description },
                ])),
            },
            rules: { type: 'object', additionalProperties: false, properties },
        },
    };
}


/***/ })

};
