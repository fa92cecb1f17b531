export const id = 732;
export const ids = [732];
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

/***/ 5732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidate: () => (/* binding */ runValidate)
});

// UNUSED EXPORTS: check, mapToSources

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/adapters/files.ts
/**
 * Input patterns → source files. Files, folders (searched for *.yaml, *.yml, *.json) and globs;
 * `-` is standard input. Whatever cannot be read becomes a problem naming the pattern or file and
 * what to do; it never stops the other files, and a pattern that matches nothing is an error.
 *
 * What is read stays inside what the user named (docs/inputs.md):
 * - The input roots are the folders and files named and the fixed folder a glob starts from
 *   (`manifests` of `manifests/**\/*.yaml`). A symbolic link found below a root is followed only
 *   when its target is inside a root; in the action, nothing named inside the workspace may lead
 *   out of it (the pull request decides what the checkout's links point at).
 * - Only regular files are read (no FIFOs, sockets or devices such as /dev/zero or a link to
 *   standard input), each at most once (links are resolved to the real file).
 * - Hidden entries (a name starting with `.`) and `node_modules` below a root are skipped, and
 *   counted, with every other skip, in the report.
 * - Each file (and standard input) is bounded, and so is the sum of all of them.
 */




const MiB = 1024 * 1024;
/** Larger files are refused rather than read: a rendered chart is a few MB at most. */
const MAX_FILE_BYTES = 64 * MiB;
/** All inputs together, standard input included (the `max-input-size` input). */
const DEFAULT_MAX_INPUT_BYTES = 256 * MiB;
const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;
/** Skipped paths kept as examples for the report. */
const MAX_EXAMPLES = 10;
const NOTHING_SKIPPED = {
    hidden: 0,
    nodeModules: 0,
    outsideInputs: 0,
    notFiles: 0,
    duplicates: 0,
    examples: [],
};
class Skips {
    hidden = 0;
    nodeModules = 0;
    outsideInputs = 0;
    notFiles = 0;
    duplicates = 0;
    examples = [];
    add(reason, where) {
        if (reason === 'hidden')
            this.hidden++;
        else if (reason === 'node_modules')
            this.nodeModules++;
        else if (reason === 'outside-inputs')
            this.outsideInputs++;
        else if (reason === 'not-a-file')
            this.notFiles++;
        else
            this.duplicates++;
        if (this.examples.length < MAX_EXAMPLES)
            this.examples.push({ path: where, reason });
    }
    result() {
        const { hidden, nodeModules, outsideInputs, notFiles, duplicates, examples } = this;
        return { hidden, nodeModules, outsideInputs, notFiles, duplicates, examples };
    }
}
async function readManifests(patterns, opts) {
    const problems = [];
    const skips = new Skips();
    const maxFile = opts.maxFileBytes ?? MAX_FILE_BYTES;
    const maxTotal = opts.maxTotalBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const show = (abs) => displayPath(abs, opts.displayRoot);
    const confined = await confinement(opts.cwd, opts.confineTo);
    // 1. Each pattern → a named file or a search, in the order given. The real paths of the named
    //    folders, glob bases and files are the roots a link may lead into.
    const inputs = [];
    const rootDirs = [];
    const rootFiles = new Set();
    let wantStdin = false;
    for (const pattern of patterns) {
        if (pattern === '-') {
            wantStdin = true;
            continue;
        }
        const scan = picomatch_default().scan(pattern);
        const abs = external_node_path_default().resolve(opts.cwd, scan.isGlob ? scan.base || '.' : pattern);
        const real = await (0,promises_.realpath)(abs).catch(() => undefined);
        const st = real === undefined ? undefined : await (0,promises_.stat)(real).catch(() => undefined);
        if (real !== undefined && !confined(abs, real)) {
            problems.push({
                severity: 'error',
                message: `\`${pattern}\` leads outside the workspace (to ${real}) through a symbolic link; zd-gate reads only what is inside the workspace there. Name the rendered files themselves.`,
            });
            continue;
        }
        if (scan.isGlob) {
            if (real !== undefined)
                rootDirs.push(real);
            inputs.push({
                pattern,
                base: abs,
                matches: picomatch_default()(scan.glob, { dot: true }),
                maxDepth: scan.glob.includes('**') ? Infinity : scan.glob.split('/').length,
                isFolder: false,
                candidates: [],
            });
        }
        else if (real !== undefined && st?.isDirectory()) {
            rootDirs.push(real);
            inputs.push({
                pattern,
                base: abs,
                matches: (rel) => MANIFEST_FILE.test(rel),
                maxDepth: Infinity,
                isFolder: true,
                candidates: [],
            });
        }
        else if (real !== undefined && st) {
            rootFiles.add(real);
            inputs.push({ file: abs, real });
        }
        else {
            const link = await (0,promises_.lstat)(abs).catch(() => undefined);
            problems.push({
                severity: 'error',
                message: link?.isSymbolicLink()
                    ? `\`${pattern}\` is a symbolic link to nothing (relative to ${opts.cwd}).`
                    : `\`${pattern}\` does not exist (relative to ${opts.cwd}).`,
            });
        }
    }
    const insideRoots = (real) => rootFiles.has(real) || rootDirs.some((r) => inside(r, real));
    // 2. Walk the searches; list every file in the order named, sorted within a search.
    const ordered = [];
    for (const input of inputs) {
        if ('file' in input) {
            ordered.push({ real: input.real, display: show(input.file) });
            continue;
        }
        const found = await walk(input, insideRoots, skips);
        if (!found || input.candidates.length === 0) {
            problems.push({
                severity: 'error',
                message: found && input.isFolder
                    ? `Folder \`${input.pattern}\` holds no .yaml, .yml or .json files; point \`manifests\` at the rendered output.`
                    : `Pattern \`${input.pattern}\` matched no files (relative to ${opts.cwd}); check the path, or render the manifests before this step.`,
            });
        }
        input.candidates.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
        for (const c of input.candidates)
            ordered.push({ real: c.real, display: show(c.display) });
    }
    // 3. Read each real file once, within the per-file and total limits.
    const files = [];
    let bytes = 0;
    const limitName = opts.totalLimitName ?? '`max-input-size`';
    if (wantStdin && opts.stdin) {
        const r = await readStream(opts.stdin, Math.min(maxFile, maxTotal));
        if (r.over) {
            problems.push({
                severity: 'error',
                message: maxFile <= maxTotal
                    ? `Standard input is over the ${mib(maxFile)} limit for one manifest file; write the manifests to files, or split them.`
                    : `Standard input is over the ${mib(maxTotal)} total input limit (${limitName}).`,
                file: '<stdin>',
            });
        }
        else {
            bytes += r.bytes;
            files.push({ path: '<stdin>', text: stripBom(r.text) });
        }
    }
    const seen = new Set();
    let overBudget;
    for (const c of ordered) {
        if (seen.has(c.real)) {
            skips.add('duplicate', c.display);
            continue;
        }
        seen.add(c.real);
        if (overBudget) {
            overBudget.more++;
            continue;
        }
        const r = await readRegularFile(c.real, maxFile, maxTotal - bytes);
        if (r.kind === 'text') {
            bytes += r.bytes;
            files.push({ path: c.display, text: stripBom(r.text) });
        }
        else if (r.kind === 'over-budget') {
            overBudget = { first: c.display, more: 0 };
        }
        else {
            const why = r.kind === 'not-a-file'
                ? `is not a regular file (${r.what}); zd-gate reads only regular files.`
                : r.kind === 'too-big'
                    ? `is ${mib(r.size)}, over the ${mib(maxFile)} limit for one manifest file; split it.`
                    : `cannot be read: ${r.code}.`;
            problems.push({ severity: 'error', message: `${c.display} ${why}`, file: c.display });
        }
    }
    if (overBudget) {
        const { first, more } = overBudget;
        problems.push({
            severity: 'error',
            message: `${first}${more > 0 ? ` and ${more} more file${more === 1 ? '' : 's'}` : ''} not read: the inputs would exceed the ${mib(maxTotal)} total input limit (${limitName}). Validate fewer files at once, or raise the limit.`,
            file: first,
        });
    }
    const skipped = skips.result();
    return {
        files,
        problems,
        skipped: { ...skipped, examples: skipped.examples.map((e) => ({ ...e, path: show(e.path) })) },
        bytes,
    };
}
/**
 * `(lexical, real) → allowed?`: with a workspace, a path named inside it must resolve inside it
 * (its links are the pull request's); paths named elsewhere are read as named.
 */
async function confinement(cwd, workspace) {
    if (!workspace)
        return () => true;
    const lexicalRoot = external_node_path_default().resolve(cwd, workspace);
    const realRoot = await (0,promises_.realpath)(lexicalRoot).catch(() => lexicalRoot);
    return (lexical, real) => !inside(lexicalRoot, lexical) || inside(realRoot, real);
}
/**
 * Fills `s.candidates` with the matching files below `s.base`; undefined when the base is not a
 * folder. Breadth first with an explicit queue: depth is the folder tree's, not the stack's.
 */
async function walk(s, insideRoots, skips) {
    const baseReal = await (0,promises_.realpath)(s.base).catch(() => undefined);
    const baseStat = baseReal === undefined ? undefined : await (0,promises_.stat)(baseReal).catch(() => undefined);
    if (baseReal === undefined || !baseStat?.isDirectory())
        return false;
    const visited = new Set([baseReal]);
    // `real`: the folder's real path, so that only links cost a realpath call.
    const queue = [
        { dir: s.base, real: baseReal, rel: '', depth: 0 },
    ];
    for (let i = 0; i < queue.length; i++) {
        const { dir, real: dirReal, rel, depth } = queue[i];
        let entries;
        try {
            entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        }
        catch {
            continue; // an unreadable folder: nothing in it can be read either
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const canDescend = depth + 1 < s.maxDepth;
        for (const e of entries) {
            const abs = external_node_path_default().join(dir, e.name);
            const relPath = rel ? `${rel}/${e.name}` : e.name;
            let kind = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
            let real = external_node_path_default().join(dirReal, e.name);
            if (e.isSymbolicLink()) {
                const target = await (0,promises_.realpath)(abs).catch(() => undefined);
                const st = target === undefined ? undefined : await (0,promises_.stat)(target).catch(() => undefined);
                if (target === undefined || st === undefined) {
                    if (s.matches(relPath))
                        skips.add('not-a-file', abs); // a broken link
                    continue;
                }
                kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
                real = target;
                if ((kind === 'dir' ? canDescend : s.matches(relPath)) && !insideRoots(target)) {
                    skips.add('outside-inputs', abs);
                    continue;
                }
            }
            // Only what the search could have used counts as skipped.
            if (!(kind === 'dir' ? canDescend : s.matches(relPath)))
                continue;
            if (e.name.startsWith('.')) {
                skips.add('hidden', abs);
            }
            else if (kind === 'file') {
                s.candidates.push({ real, display: abs });
            }
            else if (kind === 'other') {
                skips.add('not-a-file', abs);
            }
            else if (e.name === 'node_modules') {
                skips.add('node_modules', abs);
            }
            else if (!visited.has(real)) {
                visited.add(real); // a link loop or a second link to one folder: walked once
                queue.push({ dir: abs, real, rel: relPath, depth: depth + 1 });
            }
        }
    }
    return true;
}
/**
 * Opens without blocking (a FIFO would wait for a writer), checks the opened file is a regular
 * file, and reads at most the limit plus one byte: a file's stat size is not its length
 * (/proc files say 0) and can change while it is read.
 */
async function readRegularFile(file, maxFile, budget) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
    }
    catch (e) {
        return { kind: 'error', code: e.code ?? e.message };
    }
    try {
        const st = await handle.stat();
        if (!st.isFile())
            return { kind: 'not-a-file', what: describeType(st) };
        if (st.size > maxFile)
            return { kind: 'too-big', size: st.size };
        if (st.size > budget)
            return { kind: 'over-budget' };
        const limit = Math.min(maxFile, budget);
        const chunks = [];
        let total = 0;
        for (;;) {
            const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), limit + 1 - total));
            const { bytesRead } = await handle.read(buf, 0, buf.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(buf.subarray(0, bytesRead));
            total += bytesRead;
            if (total > limit)
                return total > maxFile ? { kind: 'too-big', size: total } : { kind: 'over-budget' };
        }
        return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8'), bytes: total };
    }
    catch (e) {
        return { kind: 'error', code: e.code ?? e.message };
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
function describeType(st) {
    if (st.isFIFO())
        return 'a FIFO';
    if (st.isSocket())
        return 'a socket';
    if (st.isCharacterDevice() || st.isBlockDevice())
        return 'a device';
    if (st.isDirectory())
        return 'a folder';
    return 'not a file';
}
/** True when `p` is `dir` or below it (both absolute, normalised). */
function inside(dir, p) {
    const rel = external_node_path_default().relative(dir, p);
    return rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel));
}
/** `64 MiB`, `1.5 MiB`, `200 KiB`, `12 bytes`. */
function mib(bytes) {
    const [v, unit] = bytes >= MiB ? [bytes / MiB, 'MiB'] : bytes >= 1024 ? [bytes / 1024, 'KiB'] : [bytes, 'bytes'];
    return `${v >= 10 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}
function displayPath(abs, root) {
    const rel = external_node_path_default().relative(root, abs);
    return rel.startsWith('..') || external_node_path_default().isAbsolute(rel) ? abs : rel.split((external_node_path_default()).sep).join('/');
}
function stripBom(s) {
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
/** Standard input, at most `limit` bytes: beyond that the stream is let go and `over` is set. */
async function readStream(stream, limit) {
    const chunks = [];
    let bytes = 0;
    for await (const chunk of stream) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytes += b.length;
        if (bytes > limit)
            return { text: '', bytes, over: true };
        chunks.push(b);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), bytes, over: false };
}
/** The config file: the one named, which must exist, else `.zd-gate.yaml`/`.yml` in cwd when present. */
async function readConfigFile(explicit, cwd, confineTo) {
    const confined = await confinement(cwd, confineTo);
    const candidates = explicit ? [explicit] : ['.zd-gate.yaml', '.zd-gate.yml'];
    for (const c of candidates) {
        const abs = external_node_path_default().resolve(cwd, c);
        const real = await (0,promises_.realpath)(abs).catch(() => abs);
        if (!confined(abs, real)) {
            return {
                problem: {
                    severity: 'error',
                    message: `Config file \`${c}\` is a symbolic link to ${real}, outside the workspace; zd-gate reads no config from there.`,
                },
            };
        }
        const r = await readRegularFile(real, MAX_FILE_BYTES, MAX_FILE_BYTES);
        if (r.kind === 'text')
            return { file: { path: displayPath(abs, cwd), text: r.text } };
        if (explicit) {
            const why = r.kind === 'error' ? r.code : r.kind === 'not-a-file' ? r.what : `over ${mib(MAX_FILE_BYTES)}`;
            return {
                problem: {
                    severity: 'error',
                    message: `Config file \`${explicit}\` cannot be read (${why}); fix the \`config\` input or remove it.`,
                },
            };
        }
    }
    return {};
}

// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/core/manifest/types.ts
var types = __webpack_require__(5856);
;// CONCATENATED MODULE: ./src/core/sourcemap/origin.ts
/**
 * Where a rendered object came from, as the renderer wrote it down:
 * - `helm template` puts `# Source: <chart>/templates/<file>` before each document (a subchart's
 *   files read `<parent>/charts/<sub>/templates/<file>`);
 * - `kustomize build` with `buildMetadata: [originAnnotations]` puts the annotation
 *   `config.kubernetes.io/origin: "path: <file>"` on each object, the path relative to the
 *   kustomization that was built.
 * Both are text from the pull request: a path with `..` segments where none belongs, or an absolute
 * one, is no source (the adapter that reads the file checks again that it stays in the workspace).
 */

const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/;
/** Longest `# Source:` value read; a real one is a chart path, not a paragraph. */
const MAX_SOURCE = 1024;
/** The `# Source:` comment at the head of a document (before its first line of content). */
function helmSourceOf(doc) {
    let from = 0;
    // Only the head: comments, blank lines and the document marker come before the content.
    for (let lines = 0; lines < 64 && from <= doc.text.length; lines++) {
        const nl = doc.text.indexOf('\n', from);
        const line = doc.text.slice(from, nl < 0 ? undefined : nl).replace(/\r$/, '');
        from = nl < 0 ? doc.text.length + 1 : nl + 1;
        const t = line.trim();
        if (t === '' || t === '---' || /^---\s+#/.test(t))
            continue;
        if (!t.startsWith('#'))
            return undefined;
        const m = SOURCE_COMMENT.exec(t);
        if (m)
            return parseHelmSource(m[1]);
    }
    return undefined;
}
/** `shop/charts/cache/templates/deployment.yaml` → charts `[shop, cache]`, file `templates/deployment.yaml`. */
function parseHelmSource(raw) {
    if (raw.length > MAX_SOURCE)
        return undefined;
    const parts = raw.split('/');
    if (!parts.every(safeSegment))
        return undefined;
    const charts = [parts[0]];
    let i = 1;
    while (parts[i] === 'charts' && i + 2 < parts.length && parts[i + 2] !== undefined) {
        charts.push(parts[i + 1]);
        i += 2;
    }
    const rest = parts.slice(i);
    if (rest.length < 2 || rest[0] !== 'templates')
        return undefined;
    return { kind: 'helm', charts, file: rest.join('/'), raw };
}
/** The origin annotation's `path:` (a small YAML mapping written as a string), when local. */
function kustomizeSourceOf(o) {
    const value = o.annotations[ORIGIN_ANNOTATION];
    if (typeof value !== 'string' || value.length > MAX_SOURCE * 4)
        return undefined;
    let path;
    for (const line of value.split('\n')) {
        const m = /^(\w+):\s*(.*?)\s*$/.exec(line);
        if (!m)
            continue;
        // A resource from a remote base (`repo:`) has no file in this workspace.
        if (m[1] === 'repo')
            return undefined;
        if (m[1] === 'path')
            path = unquote(m[2]);
    }
    if (!path || path.length > MAX_SOURCE || path.startsWith('/') || /^[a-z]+:\/\//i.test(path))
        return undefined;
    const parts = path.split('/');
    // `..` is how an overlay reaches its base; every other segment must be a plain name.
    if (!parts.every((p) => p === '..' || safeSegment(p)))
        return undefined;
    return { kind: 'kustomize', path };
}
/** The source an object's renderer recorded, Helm's comment first. */
function sourceOf(o) {
    return helmSourceOf(o.doc) ?? kustomizeSourceOf(o);
}
function sourceKey(s) {
    return s.kind === 'helm' ? `helm:${s.charts.join('/')}:${s.file}` : `kustomize:${s.path}`;
}
function safeSegment(p) {
    return p !== '' && p !== '.' && p !== '..' && ![...p].some((c) => c.charCodeAt(0) < 0x20 || c === '\\');
}
function unquote(s) {
    return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}
/** A name-like value of a sequence item (its `name`, else its `containerPort`/`port`), to find it in a template. */
function itemName(item) {
    if (!(0,types/* isObject */.Gv)(item))
        return undefined;
    const n = item.name;
    return typeof n === 'string' && n !== '' ? n : undefined;
}

;// CONCATENATED MODULE: ./src/adapters/sources.ts
/**
 * Finds and reads the files rendered output came from, inside the workspace:
 * - Helm: the chart whose Chart.yaml `name` is the `# Source:` comment's chart, anywhere under the
 *   workspace (or under the `chart-roots` given); a subchart `<parent>/charts/<sub>` is the folder of
 *   that name in the parent chart's `charts/`, the parent's `file://` dependency of that name or
 *   alias, or a chart named `<sub>` elsewhere;
 * - kustomize: the origin annotation's path, relative to the kustomization that was built: the
 *   `kustomize-root` given, else every kustomization folder in the workspace where that path names a
 *   file (unambiguous when they all name the same one).
 * The paths come from the pull request: a file is read only when its real path is a regular file
 * inside the workspace, and only so many files and bytes are read.
 */





/** Bounds: how many Chart.yaml / kustomization files are indexed, and how large a source may be. */
const MAX_INDEXED = 5_000;
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
const MAX_SOURCES = 2_000;
// Like the manifest walk: hidden folders and node_modules are neither searched nor entered.
const IGNORE = ['**/node_modules/**', '**/.*/**'];
async function resolveSources(refs, opts) {
    const resolved = new Map();
    const problems = [];
    if (refs.length === 0)
        return { resolved, problems };
    const workspace = await (0,promises_.realpath)(opts.workspace).catch(() => external_node_path_default().resolve(opts.workspace));
    const ctx = new Context(workspace, opts);
    const unresolved = new Map();
    for (const ref of refs.slice(0, MAX_SOURCES)) {
        const answer = ref.kind === 'helm' ? await ctx.helm(ref) : await ctx.kustomize(ref);
        if ('file' in answer)
            resolved.set(sourceKey(ref), answer);
        else if (!unresolved.has(answer.why))
            unresolved.set(answer.why, answer.why);
    }
    for (const why of unresolved.values())
        problems.push({ severity: 'notice', message: why });
    if (refs.length > MAX_SOURCES)
        problems.push({
            severity: 'notice',
            message: `Findings come from ${refs.length} source files; only the first ${MAX_SOURCES} were mapped back to their templates.`,
        });
    return { resolved, problems };
}
class Context {
    workspace;
    opts;
    charts;
    kustomizations;
    roots;
    constructor(workspace, opts) {
        this.workspace = workspace;
        this.opts = opts;
        this.roots = (opts.chartRoots ?? []).map((r) => external_node_path_default().resolve(workspace, r));
    }
    async helm(ref) {
        const charts = await this.chartIndex();
        let dirs = charts.filter((c) => c.name === ref.charts[0]).map((c) => c.dir);
        for (const sub of ref.charts.slice(1)) {
            const next = new Set();
            for (const parent of dirs) {
                const nested = external_node_path_default().join(parent, 'charts', sub);
                if (charts.some((c) => c.dir === nested))
                    next.add(nested);
                const meta = charts.find((c) => c.dir === parent);
                for (const d of meta?.deps ?? []) {
                    if ((d.alias ?? d.name) !== sub)
                        continue;
                    if (d.repository?.startsWith('file://')) {
                        const dir = external_node_path_default().resolve(parent, d.repository.slice('file://'.length));
                        if (charts.some((c) => c.dir === dir))
                            next.add(dir);
                    }
                    for (const c of charts)
                        if (c.name === d.name)
                            next.add(c.dir);
                }
            }
            if (next.size === 0)
                for (const c of charts)
                    if (c.name === sub)
                        next.add(c.dir);
            dirs = [...next];
        }
        const chart = ref.charts.join('/');
        if (this.roots.length > 0)
            dirs = dirs.filter((d) => this.roots.some((r) => d === r || isInside(r, d)));
        const files = await this.existing(dirs.map((d) => external_node_path_default().join(d, ref.file)));
        if (files.length === 1)
            return this.read(files[0]);
        if (files.length === 0)
            return {
                why: `Helm chart \`${chart}\` (from \`# Source: ${ref.raw}\`) is not in the workspace${this.roots.length ? ' under chart-roots' : ''}: its findings stay on the rendered file. Check out the chart's sources, or set \`chart-roots\` to the folder holding it.`,
            };
        return {
            why: `Helm chart \`${chart}\` is in ${files.length} places (${files.map((f) => this.show(f)).join(', ')}): its findings stay on the rendered file. Set \`chart-roots\` to the folder of the chart that was rendered.`,
        };
    }
    async kustomize(ref) {
        const roots = this.opts.kustomizeRoot
            ? [external_node_path_default().resolve(this.workspace, this.opts.kustomizeRoot)]
            : await this.kustomizationIndex();
        const files = await this.existing(roots.map((r) => external_node_path_default().resolve(r, ref.path)));
        if (files.length === 1)
            return this.read(files[0]);
        if (files.length === 0)
            return {
                why: `Kustomize resource \`${ref.path}\` (from the \`config.kubernetes.io/origin\` annotation) is not found ${this.opts.kustomizeRoot ? `relative to kustomize-root \`${this.opts.kustomizeRoot}\`` : 'relative to any kustomization in the workspace'}: its findings stay on the rendered file.${this.opts.kustomizeRoot ? '' : ' Set `kustomize-root` to the folder you built.'}`,
            };
        return {
            why: `Kustomize resource \`${ref.path}\` names ${files.length} files depending on the kustomization built (${files.map((f) => this.show(f)).join(', ')}): its findings stay on the rendered file. Set \`kustomize-root\` to the folder you built.`,
        };
    }
    show(abs) {
        return external_node_path_default().relative(this.workspace, abs).split((external_node_path_default()).sep).join('/');
    }
    /** The real paths, deduplicated, of the candidates that are regular files inside the workspace. */
    async existing(candidates) {
        const out = new Set();
        for (const c of candidates) {
            const real = await (0,promises_.realpath)(c).catch(() => undefined);
            if (!real || !isInside(this.workspace, real))
                continue;
            const st = await (0,promises_.stat)(real).catch(() => undefined);
            if (st?.isFile() && st.size <= MAX_SOURCE_BYTES)
                out.add(real);
        }
        return [...out];
    }
    async read(abs) {
        try {
            return { file: this.show(abs), text: await (0,promises_.readFile)(abs, 'utf8') };
        }
        catch (e) {
            return { why: `Cannot read ${this.show(abs)}: ${e.code ?? 'error'}.` };
        }
    }
    chartIndex() {
        this.charts ??= (async () => {
            const found = await this.find(['**/Chart.yaml']);
            const charts = [];
            for (const file of found) {
                const meta = await readSmallYaml(file);
                const name = meta && typeof meta.name === 'string' ? meta.name : undefined;
                if (!name)
                    continue;
                const deps = Array.isArray(meta?.dependencies)
                    ? meta.dependencies.flatMap((d) => {
                        if (!d || typeof d !== 'object')
                            return [];
                        const r = d;
                        if (typeof r.name !== 'string')
                            return [];
                        return [
                            {
                                name: r.name,
                                ...(typeof r.alias === 'string' ? { alias: r.alias } : {}),
                                ...(typeof r.repository === 'string' ? { repository: r.repository } : {}),
                            },
                        ];
                    })
                    : [];
                charts.push({ dir: external_node_path_default().dirname(file), name, deps });
            }
            return charts;
        })();
        return this.charts;
    }
    kustomizationIndex() {
        this.kustomizations ??= this.find(['**/kustomization.yaml', '**/kustomization.yml', '**/Kustomization']).then((files) => [...new Set(files.map((f) => external_node_path_default().dirname(f)))]);
        return this.kustomizations;
    }
    /** Files matching the patterns under the workspace, real paths inside it, at most MAX_INDEXED. */
    async find(patterns) {
        const hits = await (0,dist/* glob */.TI)(patterns, {
            cwd: this.workspace,
            absolute: true,
            ignore: IGNORE,
            dot: false,
            followSymbolicLinks: false,
            onlyFiles: true,
        });
        const out = [];
        for (const h of hits.sort().slice(0, MAX_INDEXED)) {
            const st = await (0,promises_.lstat)(h).catch(() => undefined);
            if (st?.isFile())
                out.push(external_node_path_default().resolve(h));
        }
        return out;
    }
}
async function readSmallYaml(file) {
    try {
        const st = await (0,promises_.stat)(file);
        if (st.size > 256 * 1024)
            return undefined;
        // js-yaml (already warm from reading the manifests) shares aliased nodes instead of copying them.
        const v = (0,js_yaml/* load */.Hh)(await (0,promises_.readFile)(file, 'utf8'), { schema: js_yaml/* CORE_SCHEMA */.OU });
        return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function isInside(root, p) {
    const rel = external_node_path_default().relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel);
}

// EXTERNAL MODULE: ./src/core/findings.ts
var core_findings = __webpack_require__(4637);
;// CONCATENATED MODULE: ./src/core/sourcemap/template.ts

/** Lines longer than this are not parsed as keys (a minified blob is no template to follow). */
const MAX_LINE = 4096;
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)\s*:(?:\s+(.*))?$/;
function parseLines(text) {
    const out = [];
    const raw = text.split('\n');
    raw.forEach((l, index) => {
        const line = l.replace(/\r$/, '');
        if (line.length > MAX_LINE)
            return;
        const trimmed = line.trimStart();
        if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('{{'))
            return;
        if (/^(---|\.\.\.)(\s|$)/.test(line))
            return;
        const indent = line.length - trimmed.length;
        let dashCol = -1;
        let body = trimmed;
        let keyCol = indent;
        // `- ` (possibly nested: `- - x`) starts an item; the content after it is the item's first line.
        const dash = /^-(\s+|$)/.exec(body);
        if (dash) {
            dashCol = indent;
            keyCol = indent + dash[0].length;
            body = body.slice(dash[0].length);
        }
        const m = KEY.exec(body.replace(/\s+#.*$/, ''));
        const key = m ? unquoteKey(m[1]) : undefined;
        out.push({ index, keyCol, dashCol, key, value: (m?.[2] ?? '').trim(), end: line.trimEnd().length });
    });
    return out;
}
function unquoteKey(k) {
    if (k.startsWith('"')) {
        try {
            return JSON.parse(k);
        }
        catch {
            return k.slice(1, -1);
        }
    }
    if (k.startsWith("'"))
        return k.slice(1, -1).replace(/''/g, "'");
    return k.trim();
}
/** The documents of a file, as ranges of parsed lines. */
function segments(text, lines) {
    const cuts = new Set();
    text.split('\n').forEach((l, i) => {
        if (/^---(\s|$)/.test(l))
            cuts.add(i);
    });
    const out = [[]];
    let next = 0;
    const sortedCuts = [...cuts].sort((a, b) => a - b);
    for (const line of lines) {
        while (next < sortedCuts.length && sortedCuts[next] < line.index) {
            next++;
            if (out[out.length - 1].length > 0)
                out.push([]);
        }
        out[out.length - 1].push(line);
    }
    return out.filter((s) => s.length > 0);
}
function scalar(v) {
    const t = v.replace(/\s+#.*$/, '').trim();
    return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}
/** The top-level `kind:` and `metadata.name` of a document, when written literally. */
function identity(seg) {
    const top = seg[0]?.keyCol ?? 0;
    const kindLine = seg.find((l) => l.keyCol === top && l.dashCol < 0 && l.key === 'kind');
    const meta = seg.findIndex((l) => l.keyCol === top && l.dashCol < 0 && l.key === 'metadata');
    let name;
    if (meta >= 0) {
        const children = mappingChildren(seg, meta);
        const n = children.find((l) => l.key === 'name');
        if (n && n.value && !n.value.includes('{{'))
            name = scalar(n.value);
    }
    return {
        ...(kindLine && !kindLine.value.includes('{{') ? { kind: scalar(kindLine.value) } : {}),
        ...(name ? { name } : {}),
    };
}
function pickSegment(segs, o) {
    if (segs.length <= 1)
        return segs[0];
    const ids = segs.map(identity);
    const ofKind = segs.filter((_, i) => ids[i]?.kind === o.kind);
    const pool = ofKind.length > 0 ? ofKind : segs.filter((_, i) => ids[i]?.kind === undefined);
    if (pool.length <= 1)
        return pool[0] ?? segs[0];
    const named = pool
        .map((s) => ({ s, name: identity(s).name }))
        .filter((x) => x.name !== undefined && o.name.includes(x.name))
        .sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0));
    return named.find((x) => x.name === o.name)?.s ?? named[0]?.s ?? pool[0];
}
/** Lines of the block that belongs to line `at` (its children and their children). */
function blockOf(seg, at) {
    const head = seg[at];
    const start = head.dashCol >= 0 ? head.dashCol : head.keyCol;
    let to = at + 1;
    const first = seg[at + 1];
    const indentless = head.dashCol < 0 && first !== undefined && first.dashCol === head.keyCol;
    for (; to < seg.length; to++) {
        const l = seg[to];
        const col = l.dashCol >= 0 ? l.dashCol : l.keyCol;
        if (col > start)
            continue;
        if (indentless && l.dashCol === head.keyCol)
            continue;
        break;
    }
    return { from: at + 1, to };
}
/** The keys directly under line `at` (for an item: its dash line and the keys beside it). */
function mappingChildren(seg, at) {
    const head = seg[at];
    const { from, to } = blockOf(seg, at);
    const body = seg.slice(from, to);
    if (head.dashCol >= 0) {
        // An item: its first key is on the dash line itself (unless the dash stands alone).
        const col = head.key !== undefined ? head.keyCol : body[0]?.keyCol;
        return [...(head.key !== undefined ? [head] : []), ...body.filter((l) => l.dashCol < 0 && l.keyCol === col)];
    }
    const first = body[0];
    if (!first || first.dashCol >= 0)
        return [];
    return body.filter((l) => l.dashCol < 0 && l.keyCol === first.keyCol);
}
/** The items directly under line `at` (a key whose value is a block sequence). */
function sequenceItems(seg, at) {
    const { from, to } = blockOf(seg, at);
    const body = seg.slice(from, to);
    const first = body[0];
    if (!first || first.dashCol < 0)
        return [];
    return body.filter((l) => l.dashCol === first.dashCol);
}
function prepareSource(text) {
    return { segments: segments(text, parseLines(text)) };
}
/** Where `path` of the rendered object is written in a template or base file. */
function placeInSource(source, o, path) {
    const prepared = typeof source === 'string' ? prepareSource(source) : source;
    const seg = pickSegment(prepared.segments, o);
    if (!seg || seg.length === 0)
        return { line: 1, column: 1, endLine: 1, endColumn: 1, exact: false };
    const top = Math.min(...seg.map((l) => (l.dashCol >= 0 ? l.dashCol : l.keyCol)));
    let candidates = seg.filter((l) => l.dashCol < 0 && l.keyCol === top);
    let at;
    let value = o.raw;
    let exact = true;
    let onItem = false;
    for (const step of path) {
        if (typeof step === 'number') {
            const items = at === undefined ? [] : sequenceItems(seg, at);
            const arr = Array.isArray(value) ? value : [];
            const name = itemName(arr[step]);
            const byName = name === undefined
                ? undefined
                : items.find((item) => {
                    const i = seg.indexOf(item);
                    return mappingChildren(seg, i).some((l) => l.key === 'name' && scalar(l.value) === name);
                });
            const item = byName ?? items[step] ?? items[items.length - 1];
            if (!item) {
                exact = false;
                break;
            }
            at = seg.indexOf(item);
            onItem = true;
            value = arr[step];
            candidates = mappingChildren(seg, at);
            continue;
        }
        const hit = candidates.find((l) => l.key === step);
        if (!hit) {
            exact = false;
            break;
        }
        at = seg.indexOf(hit);
        onItem = false;
        value =
            value && typeof value === 'object' && !Array.isArray(value)
                ? value[step]
                : undefined;
        candidates = mappingChildren(seg, at);
    }
    const line = at === undefined ? seg[0] : seg[at];
    const col = onItem && line.dashCol >= 0 ? line.dashCol : line.keyCol;
    return {
        line: line.index + 1,
        column: col + 1,
        endLine: line.index + 1,
        endColumn: Math.max(line.end + 1, col + 2),
        exact: exact && at !== undefined,
    };
}

;// CONCATENATED MODULE: ./src/core/sourcemap/map.ts
/**
 * Findings on rendered output → findings on the files their authors edit. Pure: the files are
 * found and read by the caller (adapters/sources.ts), given here by their source key.
 *
 * A mapped finding keeps everything but its place: `file`, `line`, `column`, `endLine`, `endColumn`
 * become the template's (or base file's), and `rendered` holds where it was in the rendered input.
 */



/** The sources the findings' objects were rendered from, once each. */
function sourcesNeeded(findings) {
    const out = new Map();
    const seen = new Set();
    for (const f of findings) {
        const o = f.at?.object;
        if (!o || seen.has(o))
            continue;
        seen.add(o);
        const s = sourceOf(o);
        if (s && !out.has(sourceKey(s)))
            out.set(sourceKey(s), s);
    }
    return [...out.values()];
}
/** Moves each finding whose object has a resolved source onto that source's line. */
function mapFindings(findings, resolved) {
    if (resolved.size === 0)
        return { findings, mapped: 0 };
    const prepared = new Map();
    let mapped = 0;
    const out = findings.map((f) => {
        const at = f.at;
        if (!at)
            return f;
        const ref = sourceOf(at.object);
        const key = ref && sourceKey(ref);
        const src = key ? resolved.get(key) : undefined;
        if (!src || !key)
            return f;
        let p = prepared.get(key);
        if (!p) {
            p = prepareSource(src.text);
            prepared.set(key, p);
        }
        const place = placeInSource(p, { kind: at.object.kind, name: at.object.name, raw: at.object.raw }, [
            ...at.object.base.filter((s) => s !== 'items' && typeof s !== 'number'),
            ...at.path,
        ]);
        mapped++;
        return {
            ...f,
            file: src.file,
            line: place.line,
            column: place.column,
            endLine: place.endLine,
            endColumn: place.endColumn,
            rendered: { file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn },
        };
    });
    return { findings: [...out].sort(core_findings/* bySeverityThenPlace */.v_), mapped };
}

// EXTERNAL MODULE: ./src/core/lint/config.ts
var lint_config = __webpack_require__(9887);
// EXTERNAL MODULE: ./src/core/manifest/objects.ts
var manifest_objects = __webpack_require__(4869);
// EXTERNAL MODULE: ./src/core/schema/read.ts
var read = __webpack_require__(4707);
// EXTERNAL MODULE: ./src/core/graph/lb.ts
var lb = __webpack_require__(5516);
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
    const template = (0,manifest_objects/* field */.ZZ)(o, TEMPLATE);
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
        const ports = (Array.isArray(c.ports) ? c.ports : []).filter(types/* isObject */.Gv).flatMap((p) => typeof p.containerPort === 'number'
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
                owner: o,
                path: [...podSpecPath, 'containers', index],
                raw: c,
                image: typeof c.image === 'string' ? c.image : '',
                ports,
            },
        ];
    });
    const claims = (Array.isArray(podSpec.volumes) ? podSpec.volumes : []).flatMap((v) => (0,types/* isObject */.Gv)(v) && (0,types/* isObject */.Gv)(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string'
        ? [v.persistentVolumeClaim.claimName]
        : []);
    return { object: o, podSpecPath, podSpec, podLabels, containers, claims };
}
/** spec.replicas; unset means 1, as the API server defaults it; undefined when invalid (field-type reports it). */
function specReplicas(w) {
    return (0,read/* orDefault */.pQ)((0,read/* readInt */.Uk)(w.object, ['spec', 'replicas']), 1);
}
/**
 * Data stores and other software that keeps state in its process or on its disk, by image name:
 * a second replica of one of them is a second, independent instance, not a copy.
 */
const STATEFUL_IMAGES = /^(?:mysql|mariadb|percona(?:-server)?|postgres(?:ql)?|postgis|timescaledb|redis(?:-stack(?:-server)?)?|valkey|keydb|dragonfly|memcached|mongo(?:db)?|mongodb-community-server|cassandra|scylla|couchdb|couchbase(?:-server)?|elasticsearch|opensearch|solr|neo4j|influxdb|clickhouse(?:-server)?|rabbitmq|zookeeper|kafka|etcd|nats|minio|vault|consul|dynamodb-local|localstack|sqlserver|mssql-server|oracle|db2)(?:$|[-_])/;
/** The last path segment of an image's repository: `public.ecr.aws/docker/library/mysql:8.0` → `mysql`. */
function imageName(image) {
    const repo = (image.split('@')[0] ?? image).replace(/:[^/:]*$/, '');
    return repo.slice(repo.lastIndexOf('/') + 1).toLowerCase();
}
function isStatefulImage(image) {
    return STATEFUL_IMAGES.test(imageName(image));
}

;// CONCATENATED MODULE: ./src/core/graph/graph.ts
/**
 * The object graph across ALL input files: workloads ← Services ← load balancers (alb Ingresses,
 * controller-managed NLB Services, TargetGroupBindings, with Argo Rollouts' ALB traffic routing
 * resolved), and the Namespaces, PodDisruptionBudgets, HorizontalPodAutoscalers and
 * PersistentVolumeClaims that shape a rollout. Built once, indexed, read by every rule.
 *
 * Order independence: where two objects answer the same lookup (the same Service twice), the one
 * that comes first in the inputs' canonical order (file path, then position) wins, and the engine
 * sorts the inputs before building, so `validate a b` and `validate b a` see the same graph.
 */






const groupOf = (apiVersion) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '') ?? '';
function buildGraph(objects) {
    const byKind = new Map();
    for (const o of objects)
        push(byKind, o.kind, o);
    const ofKind = (k) => byKind.get(k) ?? [];
    const key = (ns, name) => `${ns ?? ''}/${name}`;
    const workloads = objects.flatMap((o) => toWorkload(o) ?? []);
    const services = ofKind('Service').filter((s) => s.apiVersion === 'v1');
    const serviceByName = firstBy(services, (s) => key(s.namespace, s.name));
    const namespaces = firstBy(ofKind('Namespace'), (n) => n.name);
    const claims = firstBy(ofKind('PersistentVolumeClaim'), (c) => key(c.namespace, c.name));
    // Index pod labels by namespace and label pair: selectors look up candidates, then verify.
    const byLabel = new Map();
    const byNamespace = new Map();
    for (const w of workloads) {
        const ns = w.object.namespace ?? '';
        for (const [k, v] of Object.entries(w.podLabels))
            push(byLabel, `${ns}\u0000${k}=${v}`, w);
        push(byNamespace, ns, w);
    }
    const selectorOf = (svc) => {
        const sel = (0,manifest_objects/* field */.ZZ)(svc, ['spec', 'selector']);
        const out = {};
        if ((0,types/* isObject */.Gv)(sel))
            for (const [k, v] of Object.entries(sel))
                out[k] = String(v);
        return out;
    };
    // Argo Rollouts' ALB traffic routing, by the Ingresses it names.
    const argoRouting = new Map();
    for (const ro of ofKind('Rollout')) {
        const r = (0,lb/* argoAlbRouting */.t0)(ro);
        if (r)
            for (const ing of r.ingresses)
                push(argoRouting, key(ro.namespace, ing), r.routing);
    }
    const lbCtx = {
        ingressClasses: firstBy(ofKind('IngressClass'), (o) => o.name),
        ingressClassParams: firstBy(ofKind('IngressClassParams'), (o) => o.name),
        findService: (ns, name) => serviceByName.get(key(ns, name)),
        argoRouting,
    };
    const exposures = [];
    const missing = [];
    const entries = [];
    for (const ing of ofKind('Ingress')) {
        const alb = (0,lb/* albExposures */.Ip)(ing, lbCtx);
        exposures.push(...alb.exposures);
        missing.push(...alb.missing);
        if ((0,lb/* albClassOf */.Te)(ing, lbCtx) || ing.namespace === undefined)
            continue;
        // An Ingress another controller serves (nginx, traefik, GCE): still an entry point.
        const cls = (0,manifest_objects/* field */.ZZ)(ing, ['spec', 'ingressClassName']) ?? ing.annotations['kubernetes.io/ingress.class'];
        for (const b of (0,lb/* ingressBackends */.ZK)(ing, lbCtx)) {
            const service = serviceByName.get(key(ing.namespace, b.name));
            if (service)
                entries.push({
                    object: ing,
                    service,
                    what: `Ingress ${ing.namespace}/${ing.name}${typeof cls === 'string' ? ` (class ${cls})` : ''}`,
                });
        }
    }
    for (const s of services)
        exposures.push(...(0,lb/* nlbExposures */.fi)(s));
    for (const t of ofKind('TargetGroupBinding')) {
        const r = (0,lb/* tgbExposure */.Jb)(t, lbCtx);
        if (r.exposure)
            exposures.push(r.exposure);
        if (r.missing)
            missing.push(r.missing);
    }
    const nlbServices = new Set(exposures.filter((e) => e.via === e.service).map((e) => e.service));
    for (const s of services) {
        const type = (0,manifest_objects/* field */.ZZ)(s, ['spec', 'type']);
        if ((type === 'NodePort' || type === 'LoadBalancer') && !nlbServices.has(s))
            entries.push({ object: s, service: s, what: `Service ${s.namespace ?? ''}/${s.name} (${String(type)})` });
    }
    // Gateway API routes: backendRefs to Services (kind Service by default), in the route's namespace unless set.
    for (const kind of ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']) {
        for (const route of ofKind(kind)) {
            if (!route.apiVersion.startsWith('gateway.networking.k8s.io/'))
                continue;
            const rules = (0,manifest_objects/* field */.ZZ)(route, ['spec', 'rules']);
            for (const rule of Array.isArray(rules) ? rules : []) {
                const refs = (0,types/* isObject */.Gv)(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
                for (const ref of refs) {
                    if (!(0,types/* isObject */.Gv)(ref) || typeof ref.name !== 'string' || (ref.kind !== undefined && ref.kind !== 'Service'))
                        continue;
                    const ns = typeof ref.namespace === 'string' ? ref.namespace : route.namespace;
                    const service = serviceByName.get(key(ns, ref.name));
                    if (service)
                        entries.push({ object: route, service, what: `${kind} ${route.namespace ?? ''}/${route.name}` });
                }
            }
        }
    }
    // Services the kube-apiserver calls: admission webhooks and aggregated APIs. Their clients are
    // known, and in the cluster, whatever else is among the inputs.
    const apiServerCallers = new Map();
    for (const kind of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
        for (const cfg of ofKind(kind)) {
            const hooks = (0,manifest_objects/* field */.ZZ)(cfg, ['webhooks']);
            for (const h of Array.isArray(hooks) ? hooks : []) {
                const ref = (0,types/* isObject */.Gv)(h) && (0,types/* isObject */.Gv)(h.clientConfig) ? h.clientConfig.service : undefined;
                if (!(0,types/* isObject */.Gv)(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string')
                    continue;
                const svc = serviceByName.get(key(ref.namespace, ref.name));
                if (svc && !apiServerCallers.has(svc))
                    apiServerCallers.set(svc, cfg);
            }
        }
    }
    for (const api of ofKind('APIService')) {
        const ref = (0,manifest_objects/* field */.ZZ)(api, ['spec', 'service']);
        if (!(0,types/* isObject */.Gv)(ref) || typeof ref.name !== 'string' || typeof ref.namespace !== 'string')
            continue;
        const svc = serviceByName.get(key(ref.namespace, ref.name));
        if (svc && !apiServerCallers.has(svc))
            apiServerCallers.set(svc, api);
    }
    const exposuresBySvc = new Map();
    for (const e of exposures)
        push(exposuresBySvc, e.service, e);
    const entriesBySvc = new Map();
    for (const e of entries)
        push(entriesBySvc, e.service, e);
    const hasEntryPoints = exposures.length > 0 ||
        entries.length > 0 ||
        ofKind('Ingress').length > 0 ||
        ofKind('TargetGroupBinding').length > 0 ||
        ofKind('Gateway').length > 0;
    // A headless Service (clusterIP: None) is DNS discovery, e.g. for a database's StatefulSet: it
    // serves the workload only when a load balancer targets it (an ip-mode Ingress backend or TGB).
    const serves = (svc) => (0,manifest_objects/* field */.ZZ)(svc, ['spec', 'clusterIP']) !== 'None' || exposuresBySvc.has(svc);
    const workloadsBySvc = new Map();
    const servicesByWorkload = new Map();
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
        for (const w of hit)
            push(servicesByWorkload, w, svc);
    }
    const portsCache = new Map();
    const servicePorts = (svc) => {
        let ports = portsCache.get(svc);
        if (!ports) {
            const raw = (0,manifest_objects/* field */.ZZ)(svc, ['spec', 'ports']);
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
                        appProtocol: typeof p.appProtocol === 'string' ? p.appProtocol : undefined,
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
        const selector = (0,selectors/* toLabelSelector */.lF)((0,manifest_objects/* field */.ZZ)(o, ['spec', 'selector']));
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
        for (const w of hit)
            push(pdbsByWorkload, w, p);
    }
    const hpaByTarget = firstBy(ofKind('HorizontalPodAutoscaler').filter((h) => {
        const ref = (0,manifest_objects/* field */.ZZ)(h, ['spec', 'scaleTargetRef']);
        return (0,types/* isObject */.Gv)(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string';
    }), (h) => {
        const ref = (0,manifest_objects/* field */.ZZ)(h, ['spec', 'scaleTargetRef']);
        return `${h.namespace ?? ''}/${ref.kind}/${ref.name}`;
    });
    const hpaOf = (w) => hpaByTarget.get(`${w.object.namespace ?? ''}/${w.object.kind}/${w.object.name}`);
    const served = workloads.filter((w) => (servicesByWorkload.get(w)?.length ?? 0) > 0);
    const exposuresCache = new Map();
    const exposuresOf = (w) => {
        let list = exposuresCache.get(w);
        if (!list) {
            list = (servicesByWorkload.get(w) ?? []).flatMap((s) => exposuresBySvc.get(s) ?? []);
            exposuresCache.set(w, list);
        }
        return list;
    };
    const entriesOf = (w) => (servicesByWorkload.get(w) ?? []).flatMap((s) => entriesBySvc.get(s) ?? []);
    const exclusiveClaims = (w) => w.claims.filter((name) => {
        const pvc = claims.get(key(w.object.namespace, name));
        const modes = pvc ? (0,manifest_objects/* field */.ZZ)(pvc, ['spec', 'accessModes']) : undefined;
        // Not among the inputs, or without access modes: assume ReadWriteOnce, the common default.
        return !Array.isArray(modes) || !modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
    });
    const minReplicas = (w) => {
        const hpa = hpaOf(w);
        if (hpa)
            return { value: (0,read/* orDefault */.pQ)((0,read/* readInt */.Uk)(hpa, ['spec', 'minReplicas']), 1), object: hpa, path: ['spec', 'minReplicas'] };
        return { value: specReplicas(w), object: w.object, path: ['spec', 'replicas'] };
    };
    const namespacesWithInputs = new Set([
        ...workloads.map((w) => w.object.namespace),
        ...services.map((s) => s.namespace),
    ]);
    return {
        objects,
        workloads,
        services,
        exposures,
        hasEntryPoints,
        servedWorkloads: () => served,
        servicesOf: (w) => servicesByWorkload.get(w) ?? [],
        workloadsOf: (s) => workloadsBySvc.get(s) ?? [],
        exposuresOf,
        entriesOf,
        reach: (w) => {
            if (exposuresOf(w).length > 0 || entriesOf(w).length > 0)
                return 'load-balanced';
            if (hasEntryPoints)
                return 'in-cluster';
            const svcs = servicesByWorkload.get(w) ?? [];
            return svcs.length > 0 && svcs.every((s) => apiServerCallers.has(s)) ? 'in-cluster' : 'unknown';
        },
        apiServerCaller: (s) => apiServerCallers.get(s),
        servingContainers,
        servicePorts,
        namespace: (name) => namespaces.get(name),
        pdbs: () => pdbs,
        pdbsOf: (w) => pdbsByWorkload.get(w) ?? [],
        workloadsOfPdb: (p) => workloadsByPdb.get(p) ?? [],
        hpaOf,
        minReplicas,
        exclusiveClaims,
        singleInstanceStore: (w) => {
            const replicas = minReplicas(w).value;
            if (replicas === undefined || replicas > 1)
                return undefined;
            const rwo = exclusiveClaims(w);
            if (rwo.length > 0)
                return `it mounts the ReadWriteOnce volume claim ${rwo[0]} (a second pod could not attach it on another node)`;
            const image = w.containers.find((c) => isStatefulImage(c.image))?.image;
            const templates = (0,manifest_objects/* field */.ZZ)(w.object, ['spec', 'volumeClaimTemplates']);
            if (w.object.kind === 'StatefulSet' && Array.isArray(templates) && templates.length > 0)
                return 'it is a StatefulSet with its own volume per replica (a second replica is a second, empty instance)';
            if (image)
                return `it runs ${image}, a data store (a second replica is a second, independent instance)`;
            return undefined;
        },
        missingBackends: () => missing,
        namespaceHasInputs: (ns) => namespacesWithInputs.has(ns),
        duplicates: () => {
            const groups = new Map();
            for (const o of objects) {
                if (o.name === '' || o.name.endsWith('*'))
                    continue; // unnamed, or generateName: not an identity
                push(groups, `${groupOf(o.apiVersion)}\u0000${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`, o);
            }
            return [...groups.values()].filter((g) => g.length > 1);
        },
    };
}
function push(m, k, v) {
    const list = m.get(k);
    if (list)
        list.push(v);
    else
        m.set(k, [v]);
}
/** A map by key where the first object in input order wins. */
function firstBy(list, keyOf) {
    const out = new Map();
    for (const o of list) {
        const k = keyOf(o);
        if (!out.has(k))
            out.set(k, o);
    }
    return out;
}

// EXTERNAL MODULE: ./src/core/manifest/locate.ts + 1 modules
var locate = __webpack_require__(4803);
;// CONCATENATED MODULE: ./src/core/lint/engine.ts
/**
 * Parsed files + config → findings. The engine builds the graph once, runs every enabled rule
 * with its parameters, and turns each report into a finding: exact range (computed only now, for
 * the documents that have findings), configured severity, the scope model's cap for in-cluster-only
 * workloads, per-object suppression.
 *
 * The result does not depend on the order the files are given in: they are read in the order of
 * their paths (then their position), so `validate a b` and `validate b a` give the same findings.
 */






const IGNORE_ANNOTATION = 'zd-gate/ignore';
function lint(input) {
    const problems = [];
    const issues = [];
    const files = [...input.files].sort((a, b) => (0,core_findings/* compareText */.n6)(a.file.path, b.file.path));
    const docs = files.flatMap((f) => {
        for (const i of f.issues) {
            if (i.kind === 'not-text' || i.kind === 'unreadable')
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
    const { objects, issues: objectIssues, notes } = (0,manifest_objects/* toObjects */.oZ)(docs, input.defaultNamespace);
    for (const i of objectIssues) {
        if (i.kind === 'unreadable')
            problems.push({ severity: 'error', message: i.message, file: i.file.path, line: i.range.line, column: 1 });
        else
            issues.push(i);
    }
    for (const p of boundNotes(notes))
        problems.push(p);
    const graph = buildGraph(objects);
    const known = new Set(input.rules.map((r) => r.meta.id));
    const ignores = ignoreIndex(objects, known, problems);
    const workloadByObject = new Map(graph.workloads.map((w) => [w.object, w]));
    const scope = input.config.scope ?? lint_config/* DEFAULT_SCOPE */.zd;
    const reachOf = (o) => {
        const w = workloadByObject.get(o);
        if (!w)
            return undefined;
        const r = graph.reach(w);
        return r === 'unknown' && scope.withoutLoadBalancers === 'in-cluster' ? 'in-cluster' : r;
    };
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
        const scoped = rule.meta.appliesTo === 'served';
        checkGuarded(rule, problems, {
            graph,
            reach: (w) => reachOf(w.object) ?? graph.reach(w),
            params,
            parseIssues: issues,
            report: (r) => {
                if (isIgnored(ignores, rule.meta.id, r.object)) {
                    suppressed++;
                    return;
                }
                // One finding about several workloads keeps those that are not suppressed.
                const all = r.subjects ?? (r.subject ? [r.subject] : []);
                const subjects = all.filter((o) => !isIgnored(ignores, rule.meta.id, o));
                if (all.length > 0 && subjects.length === 0) {
                    suppressed++;
                    return;
                }
                const subject = subjects[0] ?? (workloadByObject.has(r.object) ? r.object : undefined);
                let severity = severityOf(r.severity);
                // The scope model: a generic rule's finding about workloads that only in-cluster clients reach.
                const concerned = subjects.length > 0 ? subjects : subject ? [subject] : [];
                if (scoped && concerned.length > 0 && concerned.every((o) => reachOf(o) === 'in-cluster')) {
                    if (scope.inCluster === 'off') {
                        suppressed++;
                        return;
                    }
                    if (core_findings/* SEVERITY_RANK */.f3[severity] > core_findings/* SEVERITY_RANK */.f3[scope.inCluster])
                        severity = scope.inCluster;
                }
                const loc = locateSafely(r.object, r.path);
                push({
                    ruleId: rule.meta.id,
                    severity,
                    message: typeof r.message === 'function' ? r.message(subjects) : r.message,
                    file: loc.file,
                    line: loc.line,
                    column: loc.column,
                    endLine: loc.endLine,
                    endColumn: loc.endColumn,
                    object: (0,types/* refOf */.H8)(r.object),
                    ...(r.container !== undefined ? { container: r.container } : {}),
                    ...(subject ? { workload: (0,types/* refOf */.H8)(subject) } : {}),
                    at: { object: r.object, path: r.path },
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
/** Runs one rule; a bug in it costs that rule's findings, never the run or the other rules' findings. */
function checkGuarded(rule, problems, ctx) {
    try {
        rule.check(ctx);
    }
    catch (e) {
        problems.push({
            severity: 'error',
            message: `zd-gate's rule \`${rule.meta.id}\` failed (internal error: ${e instanceof Error ? e.message : String(e)}), so its findings may be incomplete; the other rules ran. Please report this with the manifest that caused it.`,
        });
    }
}
/** The finding's place; the object's own line when its document cannot be re-read for positions. */
function locateSafely(o, path) {
    try {
        return (0,locate/* locate */.x5)(o, path);
    }
    catch {
        const line = o.doc.startLine;
        return { file: o.doc.file.path, line, column: 1, endLine: line, endColumn: 1, exact: false };
    }
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
                const loc = locateSafely(o, ['metadata', 'annotations', IGNORE_ANNOTATION]);
                problems.push({
                    severity: 'error',
                    message: `${(0,types/* describeObject */.v8)(o)}: \`${IGNORE_ANNOTATION}\` names unknown rule \`${id}\`${(0,lint_config/* suggest */.ZA)(id, [...known])}`,
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
function isIgnored(index, id, o) {
    const set = index.get(o);
    return set !== undefined && (set.has(id) || set.has('all'));
}
/** Notes (documents that are not Kubernetes objects) kept per file; the rest are counted in one more. */
const NOTES_PER_FILE = 20;
/**
 * One notice per document that is not a Kubernetes object, up to NOTES_PER_FILE in a file; then one
 * notice saying how many more that file has from which line, so a file of 130,000 such documents
 * gives 21 problems, not 130,000 (every report stays proportional to what there is to fix).
 */
function boundNotes(notes) {
    const out = [];
    const omitted = new Map();
    const kept = new Map();
    for (const n of notes) {
        const k = kept.get(n.file) ?? 0;
        if (k < NOTES_PER_FILE) {
            kept.set(n.file, k + 1);
            out.push({ severity: 'notice', message: n.message, file: n.file, line: n.line });
            continue;
        }
        const o = omitted.get(n.file);
        if (o)
            o.count++;
        else
            omitted.set(n.file, { count: 1, line: n.line });
    }
    for (const [file, o] of omitted)
        out.push({
            severity: 'notice',
            message: `${o.count} more document${o.count === 1 ? ' is' : 's are'} not Kubernetes objects (no apiVersion and kind) in this file, from this line on; skipped.`,
            file,
            line: o.line,
        });
    return out;
}

// EXTERNAL MODULE: ./src/core/manifest/parse.ts + 1 modules
var parse = __webpack_require__(1085);
// EXTERNAL MODULE: ./src/core/rules/index.ts + 25 modules
var rules = __webpack_require__(1516);
// EXTERNAL MODULE: ./src/report/rule-docs.ts
var rule_docs = __webpack_require__(3212);
;// CONCATENATED MODULE: ./src/report/validate/limits.ts
/**
 * GitHub's size limits for what validate writes, in one place, and the one way long text is
 * shortened. Sizes are measured in UTF-8 bytes, which is never less than GitHub's character counts,
 * so a surface within its byte budget is within its limit however GitHub counts.
 */
/** Job summary: 1 MiB per step. */
const JOB_SUMMARY_BYTES = 1024 * 1024;
/** Check run `output.title`, `output.summary`, `output.text`: 65,535 characters each. */
const CHECK_RUN_TEXT_BYTES = 65_535;
/** Pull-request (issue) comment body: 65,536 characters. */
const PR_COMMENT_BYTES = 65_536;
/** Annotation message (workflow command or Checks API): 64 KiB. */
const ANNOTATION_MESSAGE_BYTES = 64 * 1024;
/** Checks API annotation title. */
const ANNOTATION_TITLE_CHARS = 255;
/** Annotations per Checks API request (GitHub's limit). */
const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/**
 * Annotations zd-gate sends to a check run at most: 20 requests, whatever the input holds. The
 * rest are counted in the check run's summary and are in the SARIF and findings files.
 */
const MAX_CHECK_ANNOTATIONS = 1_000;
/** Longest object, file or container name shown in a table cell or heading. */
const NAME_CHARS = 200;
/** Longest finding message shown in a table cell, the log or an annotation. */
const MESSAGE_CHARS = 2_000;
function byteLength(s) {
    return Buffer.byteLength(s, 'utf8');
}
/** `s` cut to at most `max` characters, ending in `…` when cut (never inside a surrogate pair). */
function shorten(s, max) {
    if (s.length <= max)
        return s;
    let end = Math.max(0, max - 1);
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff)
        end--;
    return `${s.slice(0, end)}…`;
}
/** `s` cut to at most `max` UTF-8 bytes, ending in `…` when cut. */
function clipBytes(s, max) {
    if (byteLength(s) <= max)
        return s;
    // Each character takes at most 4 bytes (2 UTF-16 units): start from a safe length and step down.
    let chars = Math.min(s.length, max);
    while (chars > 0 && byteLength(shorten(s, chars)) > max)
        chars = Math.floor(chars * 0.9);
    return shorten(s, chars);
}

;// CONCATENATED MODULE: ./src/report/validate/annotations.ts
/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
 * silently; every workflow annotation of the step counts, zd-gate's own closing `::error` included.
 * Spend that budget on the most severe findings first (then input problems, then file order),
 * keep back the slots zd-gate's own lines need, and say how many were left out, so nothing
 * disappears without a word.
 */



const ANNOTATION_LIMIT = { error: 10, warning: 10, notice: 10 };
function planAnnotations(findings, problems, opts = {}) {
    const limit = opts.limit ?? ANNOTATION_LIMIT;
    const room = { error: 0, warning: 0, notice: 0 };
    for (const s of ['error', 'warning', 'notice'])
        room[s] = Math.max(0, limit[s] - (opts.reserve?.[s] ?? 0));
    const omitted = { error: 0, warning: 0, notice: 0 };
    const annotations = [];
    const offer = (severity, make) => {
        if (room[severity] > 0) {
            room[severity]--;
            annotations.push(make());
        }
        else {
            omitted[severity]++;
        }
    };
    for (const p of problems)
        if (p.severity === 'error')
            offer('error', () => problemAnnotation(p, 'zd-gate: input error'));
    for (const f of [...findings].sort(core_findings/* bySeverityThenPlace */.v_))
        offer(f.severity, () => toAnnotation(f, opts.docs));
    for (const p of problems)
        if (p.severity !== 'error')
            offer(p.severity, () => problemAnnotation(p, 'zd-gate'));
    return { annotations, omitted };
}
function problemAnnotation(p, title) {
    return {
        severity: p.severity,
        message: clipBytes(shorten(p.message, MESSAGE_CHARS), ANNOTATION_MESSAGE_BYTES),
        title,
        ...(p.file ? { file: p.file } : {}),
        ...(p.line ? { startLine: p.line } : {}),
    };
}
/**
 * A finding as people read it outside the JSON: its message (shortened), where it was in the
 * rendered output when it was mapped to its template, and its rule's page.
 */
function findingText(f, docs) {
    const rendered = f.rendered ? ` (rendered at ${f.rendered.file}:${f.rendered.line})` : '';
    const page = docs ? `\nRule: ${(0,rule_docs/* ruleDocsUrl */.hS)(f.ruleId, docs)}` : '';
    return `${shorten(f.message, MESSAGE_CHARS)}${rendered}${page}`;
}
function toAnnotation(f, docs) {
    const oneLine = f.endLine === f.line;
    return {
        severity: f.severity,
        message: clipBytes(findingText(f, docs), ANNOTATION_MESSAGE_BYTES),
        title: shorten(`zd-gate: ${f.ruleId}`, ANNOTATION_TITLE_CHARS),
        file: f.file,
        startLine: f.line,
        endLine: f.endLine,
        // GitHub uses columns only for single-line annotations.
        ...(oneLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
    };
}
function omittedCount(plan) {
    return plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
}

;// CONCATENATED MODULE: ./src/report/validate/check-run.ts
/**
 * The check run's content: its title and its annotations (input errors with a file, then findings
 * most severe first), at most MAX_CHECK_ANNOTATIONS, so the number of Checks API requests is
 * bounded whatever the input holds. The rest are counted in the check run's summary.
 */



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
        title: shorten(a.title, ANNOTATION_TITLE_CHARS),
        message: a.message,
    };
}
function checkRunContent(report, docs) {
    const s = report.summary;
    const problems = report.problems.filter((p) => p.file && p.severity === 'error');
    const list = [];
    for (const p of problems) {
        if (list.length >= MAX_CHECK_ANNOTATIONS)
            break;
        list.push(checkAnnotation(problemAnnotation({ ...p, line: p.line ?? 1 }, 'zd-gate: input error')));
    }
    for (const f of [...report.findings].sort(core_findings/* bySeverityThenPlace */.v_)) {
        if (list.length >= MAX_CHECK_ANNOTATIONS)
            break;
        list.push(checkAnnotation(toAnnotation(f, docs)));
    }
    return {
        title: `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'}`,
        conclusion: s.failed ? 'failure' : 'success',
        annotations: list,
        total: problems.length + report.findings.length,
    };
}

;// CONCATENATED MODULE: ./src/report/validate/overrides.ts
/**
 * What the config file and `zd-gate/ignore` annotations change about what is checked, so the
 * reports can say it: a pull request can carry its own `.zd-gate.yaml` (or annotate its own
 * objects) and turn rules off; a reviewer must see that next to the verdict, not discover it later.
 */





/** Objects with a `zd-gate/ignore` annotation listed at most (the count is always exact). */
const MAX_WAIVERS = 1_000;
function describeOverrides(config, configFile, rules, objects) {
    const out = [];
    for (const r of rules) {
        const setting = config.rules.get(r.meta.id);
        if (!setting)
            continue;
        const params = Object.entries(setting.params).map(([name, v]) => {
            const spec = r.meta.params[name];
            return { name, value: show(v), default: spec ? show(spec.default) : '' };
        });
        const severity = setting.severity === r.meta.severity ? undefined : setting.severity;
        if (severity === undefined && params.every((p) => p.value === p.default))
            continue;
        out.push({ rule: r.meta.id, defaultSeverity: r.meta.severity, severity, params });
    }
    out.push(...scopeOverrides(config));
    const waivers = [];
    let waiverCount = 0;
    for (const o of objects) {
        const raw = o.annotations[IGNORE_ANNOTATION];
        if (raw === undefined)
            continue;
        waiverCount++;
        if (waivers.length >= MAX_WAIVERS)
            continue;
        const loc = (0,locate/* locateInDoc */.Sl)(o.doc, [...o.base, 'metadata', 'annotations', IGNORE_ANNOTATION]);
        waivers.push({
            object: (0,types/* refOf */.H8)(o),
            rules: raw
                .split(/[\s,]+/)
                .filter((s) => s !== '')
                .slice(0, 50),
            file: loc.file,
            line: loc.line,
        });
    }
    return { ...(configFile ? { configFile } : {}), rules: out, waivers, waiverCount };
}
/**
 * The `scope` section changes severities too (docs/validate-scope.md): the cap on in-cluster-only
 * workloads, and judging inputs without any load balancer as in-cluster, which caps them as well.
 */
function scopeOverrides(config) {
    const scope = config.scope;
    if (!scope)
        return [];
    const out = [];
    if (scope.inCluster !== lint_config/* DEFAULT_SCOPE */.zd.inCluster)
        out.push({
            rule: 'scope.in-cluster',
            defaultSeverity: 'notice',
            severity: scope.inCluster,
            params: [],
        });
    if (scope.withoutLoadBalancers !== lint_config/* DEFAULT_SCOPE */.zd.withoutLoadBalancers)
        out.push({
            rule: 'scope.without-load-balancers',
            defaultSeverity: 'error',
            severity: scope.inCluster,
            params: [{ name: 'judged as', value: scope.withoutLoadBalancers, default: lint_config/* DEFAULT_SCOPE */.zd.withoutLoadBalancers }],
        });
    return out;
}
/** True when the override hides findings: a rule off, or a severity below its default. */
function loosens(o) {
    return (o.severity === 'off' || (o.severity !== undefined && core_findings/* SEVERITY_RANK */.f3[o.severity] < core_findings/* SEVERITY_RANK */.f3[o.defaultSeverity]));
}
/** One line per override: `readiness-probe: off (default error)`. */
function overrideText(o) {
    const parts = [];
    if (o.severity !== undefined)
        parts.push(o.severity === 'off'
            ? `turned off (default ${o.defaultSeverity})`
            : `${core_findings/* SEVERITY_RANK */.f3[o.severity] < core_findings/* SEVERITY_RANK */.f3[o.defaultSeverity] ? 'lowered' : 'raised'} to ${o.severity} (default ${o.defaultSeverity})`);
    for (const p of o.params)
        if (p.value !== p.default)
            parts.push(`${p.name}: ${p.value} (default ${p.default})`);
    return `${o.rule}: ${parts.join('; ')}`;
}
function show(v) {
    return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

;// CONCATENATED MODULE: ./src/report/validate/json.ts
/**
 * `--format json`: the stable contract. Documented in docs/validate.md ("JSON output"); fields are
 * only ever added, never renamed or removed. Every string is bounded (MAX_JSON_STRING characters,
 * shortened with an ellipsis): a 5 MB object name quoted in a few messages must not make a file of
 * hundreds of megabytes.
 */

/** Longest string value in the JSON output; longer ones end in `…`. */
const MAX_JSON_STRING = 8_192;
const bounded = (_key, value) => typeof value === 'string' && value.length > MAX_JSON_STRING ? shorten(value, MAX_JSON_STRING) : value;
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
            // Mapped to its template or base file: where it was in the rendered input.
            ...(f.rendered !== undefined ? { rendered: f.rendered } : {}),
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
            inputBytes: summary.inputBytes,
            skipped: summary.skipped,
        },
    }, bounded, 2)}\n`;
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
/** One sentence on what the file search skipped and why, or undefined when it skipped nothing. */
function skippedText(k) {
    const parts = [];
    const n = (count, one, many) => {
        if (count > 0)
            parts.push(`${count} ${count === 1 ? one : many}`);
    };
    n(k.hidden, 'hidden entry', 'hidden entries');
    n(k.nodeModules, 'node_modules folder', 'node_modules folders');
    n(k.outsideInputs, 'link leading outside the inputs', 'links leading outside the inputs');
    n(k.notFiles, 'entry that is not a regular file', 'entries that are not regular files');
    n(k.duplicates, 'file reached twice (read once)', 'files reached twice (read once)');
    if (parts.length === 0)
        return undefined;
    const examples = k.examples.map((e) => e.path);
    return `Skipped while searching the inputs: ${parts.join(', ')}${examples.length > 0 ? ` (${examples.join(', ')}${k.hidden + k.nodeModules + k.outsideInputs + k.notFiles + k.duplicates > examples.length ? ', ...' : ''})` : ''}. See docs/inputs.md.`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/report/validate/sarif.ts
/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rule
 * metadata in tool.driver.rules, precise regions, input problems as tool notifications.
 */





/**
 * A file as SARIF wants it: a path in the workspace is a relative reference, each segment
 * percent-encoded (a `#` or space in a file name would otherwise start a fragment or break the
 * URI), resolved against %SRCROOT%; a file outside the workspace is an absolute `file:` URI; input
 * read from standard input has no URI at all (the result then carries no physical location).
 */
function artifactLocation(file) {
    if (file === '' || file === '<stdin>')
        return undefined;
    if (external_node_path_default().isAbsolute(file))
        return { uri: (0,external_node_url_.pathToFileURL)(file).href };
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
function physical(file, region) {
    const artifact = artifactLocation(file);
    return artifact ? { artifactLocation: artifact, ...(region ? { region } : {}) } : undefined;
}
function regionOf(r) {
    return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}
const sarif_LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
const SECURITY_SEVERITY = { error: 'error', warning: 'warning', notice: 'recommendation' };
function formatSarif(report, rules, base = (0,rule_docs/* docsBase */.xH)()) {
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
                            helpUri: (0,rule_docs/* ruleDocsUrl */.hS)(r.meta.id, base),
                            help: { text: `${r.meta.fix}`, markdown: (0,rule_docs/* ruleMarkdown */.ki)(r.meta, 2) },
                            defaultConfiguration: { level: sarif_LEVEL[r.meta.severity] },
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
                            level: sarif_LEVEL[p.severity],
                            message: { text: p.message },
                            ...withPhysical(p.file ? physical(p.file, p.line ? { startLine: p.line } : undefined) : undefined),
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
    const here = physical(f.file, regionOf(f));
    const rendered = f.rendered ? physical(f.rendered.file, regionOf(f.rendered)) : undefined;
    return {
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: sarif_LEVEL[f.severity],
        message: {
            text: f.rendered
                ? `${sarifText(f.message)} Rendered as [${sarifText(`${f.rendered.file}:${f.rendered.line}`)}](1).`
                : f.message,
        },
        ...(here
            ? {
                locations: [
                    {
                        physicalLocation: here,
                        ...(f.object
                            ? { logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }
                            : {}),
                    },
                ],
            }
            : f.object
                ? { locations: [{ logicalLocations: [{ name: f.object.name, fullyQualifiedName: object, kind: 'object' }] }] }
                : {}),
        // Mapped to its template: where it was in the rendered output.
        ...(rendered
            ? { relatedLocations: [{ id: 1, physicalLocation: rendered, message: { text: 'Rendered output' } }] }
            : {}),
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
function withPhysical(p) {
    return p ? { locations: [{ physicalLocation: p }] } : {};
}
/** SARIF message text with embedded links: a literal `[` or `]` (or `\\`) is escaped with a backslash. */
function sarifText(s) {
    return s.replace(/[[\]\\]/g, '\\$&');
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/validate/summary.ts






const ICON = { error: '🔴', warning: '🟡', notice: '🔵' };
/** Items of a list section (input errors, notes, overrides) shown at most; the rest are counted. */
const MAX_LIST = 50;
const SEPARATOR = '\n\n';
class Budget {
    limit;
    parts = [];
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    /** Adds `m` when it fits in what is left; false (and nothing added) when not. */
    add(m) {
        const size = byteLength(m.value) + (this.parts.length > 0 ? SEPARATOR.length : 0);
        if (this.used + size > this.limit)
            return false;
        this.parts.push(m);
        this.used += size;
        return true;
    }
    get left() {
        return this.limit - this.used;
    }
    done() {
        return (0,markdown/* join */.fj)([...this.parts, (0,markdown/* trusted */.IZ)('')], SEPARATOR);
    }
}
function renderMarkdown(report, opts) {
    const s = report.summary;
    const total = report.findings.length;
    const where = whereAll(opts, total);
    // The closing lines are written last but their room is kept from the start.
    const tailRoom = byteLength(where.value) + 1_024;
    const body = new Budget(Math.max(0, opts.limit - tailRoom));
    const verdict = s.failed
        ? '❌ zd-gate validate failed'
        : s.errors + s.warnings + s.notices > 0
            ? '✅ zd-gate validate passed with findings'
            : '✅ zd-gate validate passed';
    body.add((0,markdown.md) `## ${verdict}`);
    body.add((0,markdown/* table */.tp)(['Errors', 'Warnings', 'Notices', 'Suppressed', 'Objects', 'Files', 'Served workloads checked'], [[s.errors, s.warnings, s.notices, s.suppressed, s.objects, s.files, s.workloadsChecked]], ['r', 'r', 'r', 'r', 'r', 'r', 'r']));
    body.add((0,markdown.md) `Fails on: ${(0,markdown/* code */.aY)(s.failOn)}.`);
    if (opts.checkRunUrl)
        body.add((0,markdown.md) `Every finding is annotated in the ${(0,markdown/* link */.nf)(opts.checkRunUrl, 'check run')}.`);
    overridesSection(report, body);
    const skipped = skippedText(s.skipped);
    if (skipped)
        body.add((0,markdown.md) `> [!NOTE]
> ${skipped}`);
    problemList(body, (0,markdown.md) `
### Input errors
    `, report.problems.filter((p) => p.severity === 'error'), (n) => (0,markdown.md) `…and ${n} more input errors (all are in the findings file).`);
    problemList(body, (0,markdown.md) `
### Notes
    `, report.problems.filter((p) => p.severity !== 'error'), (n) => (0,markdown.md) `…and ${n} more notes (all are in the findings file).`);
    if (opts.plan && omittedCount(opts.plan) > 0) {
        const o = opts.plan.omitted;
        const n = omittedCount(opts.plan);
        body.add((0,markdown.md) `> [!NOTE]
> GitHub shows 10 annotations per severity in a step: ${n} more finding${n === 1 ? ' is' : 's are'} not annotated inline (${o.error} errors, ${o.warning} warnings, ${o.notice} notices).`);
    }
    const shown = findingsSection(report.findings, body, opts.docs);
    const unchecked = s.unchecked;
    if (unchecked.length > 0) {
        const n = unchecked.length;
        const list = unchecked.slice(0, 100).map((r) => (0,markdown.md) `- ${shorten(refText(r), NAME_CHARS)}`);
        body.add((0,markdown/* details */.zH)(`${n} workload${n === 1 ? '' : 's'} not checked: no Service among the inputs selects ${n === 1 ? 'it' : 'them'}`, (0,markdown/* join */.fj)([...list, ...(n > 100 ? [(0,markdown.md) `- …and ${n - 100} more`] : [])])));
    }
    // The closing line, within the room kept for it: so the whole page is within opts.limit.
    let closing;
    if (shown < total)
        closing = (0,markdown.md) `**${total - shown} of ${total} finding${total === 1 ? ' is' : 's are'} not shown here** (this page holds ${Math.floor(opts.limit / 1024)} KiB). ${where}`;
    else if (total > 0 || opts.sarifFile)
        closing = where;
    return closing && byteLength(closing.value) + SEPARATOR.length <= tailRoom
        ? (0,markdown/* join */.fj)([body.done(), closing], '')
        : body.done();
}
/** Where every finding is: the check run, the SARIF file and the findings file. */
function whereAll(opts, total) {
    const places = [];
    if (opts.checkRunUrl) {
        const held = opts.checkRunAnnotations;
        places.push(held !== undefined && held < total
            ? (0,markdown.md) `the ${(0,markdown/* link */.nf)(opts.checkRunUrl, 'check run')} (the first ${held} as annotations)`
            : (0,markdown.md) `the ${(0,markdown/* link */.nf)(opts.checkRunUrl, 'check run')}`);
    }
    if (opts.sarifFile)
        places.push((0,markdown.md) `the SARIF file ${(0,markdown/* code */.aY)(shorten(opts.sarifFile, NAME_CHARS))} (${(0,markdown/* code */.aY)('sarif-file')} output; upload it with github/codeql-action/upload-sarif for code scanning)`);
    if (opts.findingsFile)
        places.push((0,markdown.md) `the findings file ${(0,markdown/* code */.aY)(shorten(opts.findingsFile, NAME_CHARS))} (${(0,markdown/* code */.aY)('findings-file')} output)`);
    if (places.length === 0)
        return (0,markdown.md) `All findings are in the output of ${(0,markdown/* code */.aY)('zd-gate validate --format json')}.`;
    return (0,markdown.md) `All ${total} finding${total === 1 ? ' is' : 's are'} in ${(0,markdown/* join */.fj)(places, places.length > 2 ? ', ' : ' and ')}.`;
}
function overridesSection(report, body) {
    const o = report.overrides;
    if (!o || (o.rules.length === 0 && o.waiverCount === 0))
        return;
    const loose = o.rules.filter(loosens);
    const from = o.configFile
        ? (0,markdown.md) `${(0,markdown/* code */.aY)(shorten(o.configFile, NAME_CHARS))}`
        : (0,markdown.md) `
the config
      `;
    const head = loose.length > 0 || o.waiverCount > 0
        ? (0,markdown.md) `> [!WARNING]
> Configuration changes what is checked: ${loose.length > 0
            ? (0,markdown.md) `${from} turns off or lowers ${loose.length} rule${loose.length === 1 ? '' : 's'}`
            : (0,markdown.md) `
no rule is turned off
              `}${o.waiverCount > 0 ? (0,markdown.md) `; ${o.waiverCount} object${o.waiverCount === 1 ? '' : 's'} waive rules with ${(0,markdown/* code */.aY)('zd-gate/ignore')}` : ''}. Review these changes with the pull request.`
        : (0,markdown.md) `> [!NOTE]
> ${from} changes rule settings (nothing is turned off or lowered).`;
    if (!body.add((0,markdown.md) `### Configuration\n\n${head}`))
        return;
    const items = [
        ...o.rules.map((r) => (0,markdown.md) `- ${from}: ${(0,markdown/* code */.aY)(overrideText(r))}`),
        ...o.waivers.map((w) => (0,markdown.md) `- ${shorten(refText(w.object), NAME_CHARS)} (${(0,markdown/* code */.aY)(shorten(`${w.file}:${w.line}`, NAME_CHARS))}) waives ${(0,markdown/* code */.aY)(shorten(w.rules.join(', '), NAME_CHARS))}`),
    ];
    const more = o.rules.length + o.waiverCount - items.length;
    listWithin(body, items, more, (n) => (0,markdown.md) `…and ${n} more.`);
}
function problemList(body, title, problems, rest) {
    if (problems.length === 0)
        return;
    if (!body.add(title))
        return;
    const items = problems.map((p) => {
        const at = p.file ? (0,markdown.md) `${(0,markdown/* code */.aY)(shorten(`${p.file}${p.line ? `:${p.line}` : ''}`, NAME_CHARS))} ` : (0,markdown.md) ``;
        return (0,markdown.md) `- ${at}${shorten(p.message, MESSAGE_CHARS)}`;
    });
    listWithin(body, items, 0, rest);
}
/** A bullet list, item by item while it fits and up to MAX_LIST items, then a line counting the rest. */
function listWithin(body, items, extra, rest) {
    let shown = 0;
    let block = [];
    const room = body.left - 200;
    let size = 0;
    for (const item of items) {
        if (shown >= MAX_LIST || size + byteLength(item.value) + 1 > room)
            break;
        block.push(item);
        size += byteLength(item.value) + 1;
        shown++;
    }
    const left = items.length - shown + extra;
    if (left > 0)
        block = [...block, rest(left)];
    body.add((0,markdown/* join */.fj)(block));
}
/** Findings grouped by workload, whole rows while they fit; returns how many were shown. */
function findingsSection(findings, body, docs) {
    if (findings.length === 0)
        return 0;
    if (!body.add((0,markdown.md) `
### Findings by workload
    `))
        return 0;
    const groups = new Map();
    for (const f of findings) {
        const key = refText(f.workload ?? f.object) || f.file;
        const list = groups.get(key) ?? [];
        list.push(f);
        groups.set(key, list);
    }
    const header = ['', 'Rule', 'Where', 'Finding'];
    const empty = (0,markdown/* table */.tp)(header, []);
    let shown = 0;
    for (const [group, list] of groups) {
        const heading = (0,markdown.md) `#### ${shorten(group, NAME_CHARS)}`;
        // Room for the heading, the table head and at least one row, else stop here.
        const rows = [];
        let size = byteLength(heading.value) + SEPARATOR.length * 2 + byteLength(empty.value);
        for (const f of list) {
            const row = findingRow(f, docs);
            const rowSize = byteLength((0,markdown/* table */.tp)(header, [row]).value) - byteLength(empty.value);
            if (size + rowSize > body.left)
                break;
            rows.push(row);
            size += rowSize;
        }
        if (rows.length === 0)
            break;
        body.add(heading);
        body.add((0,markdown/* table */.tp)(header, rows));
        shown += rows.length;
        if (rows.length < list.length)
            break;
    }
    return shown;
}
function findingRow(f, docs) {
    const rule = docs ? (0,markdown/* link */.nf)((0,rule_docs/* ruleDocsUrl */.hS)(f.ruleId, docs), (0,markdown/* code */.aY)(f.ruleId)) : (0,markdown/* code */.aY)(f.ruleId);
    const at = (0,markdown/* code */.aY)(shorten(`${f.file}:${f.line}`, NAME_CHARS));
    const where = f.rendered
        ? (0,markdown.md) `${at} (rendered ${(0,markdown/* code */.aY)(shorten(`${f.rendered.file}:${f.rendered.line}`, NAME_CHARS))})`
        : at;
    return [(0,markdown/* trusted */.IZ)(ICON[f.severity]), rule, where, (0,markdown.md) `${shorten(f.message, MESSAGE_CHARS)}`];
}

;// CONCATENATED MODULE: ./src/report/validate/text.ts
/** Human output for terminals and the step log: findings grouped by file, then the totals. */





/** Input problems listed at most in the text output (the JSON output has them all). */
const MAX_PROBLEMS = 200;
function formatText(report) {
    const lines = [];
    const byFile = new Map();
    for (const f of [...report.findings].sort(core_findings/* byPlace */.hz)) {
        const list = byFile.get(f.file) ?? [];
        list.push(f);
        byFile.set(f.file, list);
    }
    for (const [file, findings] of byFile) {
        lines.push(shorten(file, NAME_CHARS * 2));
        for (const f of findings)
            lines.push(`  ${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${findingText(f)}  [${f.ruleId}]`);
        lines.push('');
    }
    for (const p of report.problems.slice(0, MAX_PROBLEMS)) {
        const where = p.file ? `${shorten(p.file, NAME_CHARS * 2)}${p.line ? `:${p.line}` : ''}: ` : '';
        lines.push(`${p.severity === 'error' ? 'input error' : p.severity}: ${where}${shorten(p.message, MESSAGE_CHARS)}`);
    }
    if (report.problems.length > MAX_PROBLEMS)
        lines.push(`…and ${report.problems.length - MAX_PROBLEMS} more input problems (--format json lists them all).`);
    if (report.problems.length > 0)
        lines.push('');
    lines.push(...overrideLines(report));
    const s = report.summary;
    if (s.unchecked.length > 0) {
        const names = s.unchecked
            .slice(0, 5)
            .map((r) => shorten(refText(r), NAME_CHARS))
            .join(', ');
        lines.push(`Not checked (no Service among the inputs selects them): ${names}${s.unchecked.length > 5 ? ` and ${s.unchecked.length - 5} more` : ''}.`);
    }
    const skipped = skippedText(s.skipped);
    if (skipped)
        lines.push(skipped);
    const total = s.errors + s.warnings + s.notices;
    lines.push(`${total === 0 ? 'No findings' : `${total} finding${total === 1 ? '' : 's'} (${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.notices} notice${s.notices === 1 ? '' : 's'})`}` +
        ` in ${s.objects} object${s.objects === 1 ? '' : 's'} from ${s.files} file${s.files === 1 ? '' : 's'}; ${s.workloadsChecked} served workload${s.workloadsChecked === 1 ? '' : 's'} checked` +
        `${s.suppressed ? `; ${s.suppressed} suppressed` : ''}.`);
    return `${lines.join('\n')}\n`;
}
/** What the config and `zd-gate/ignore` annotations change, so it is never silent. */
function overrideLines(report) {
    const o = report.overrides;
    if (!o || (o.rules.length === 0 && o.waiverCount === 0))
        return [];
    const from = o.configFile ?? 'the config';
    const lines = [];
    for (const r of o.rules)
        lines.push(`${from}: ${overrideText(r)}`);
    for (const w of o.waivers.slice(0, 20))
        lines.push(`waived: ${shorten(refText(w.object), NAME_CHARS)} (${shorten(w.file, NAME_CHARS)}:${w.line}) ignores ${shorten(w.rules.join(', '), NAME_CHARS)}`);
    if (o.waiverCount > 20)
        lines.push(`…and ${o.waiverCount - 20} more objects with zd-gate/ignore.`);
    const loose = o.rules.filter(loosens).length;
    lines.push(`Configuration changes what is checked: ${loose} rule${loose === 1 ? '' : 's'} turned off or lowered, ${o.waiverCount} object${o.waiverCount === 1 ? '' : 's'} with zd-gate/ignore.`, '');
    return lines;
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/modes/validate.ts
/**
 * validate: read the rendered manifests, check them, report. The core (parse, graph, rules) is
 * pure; this module wires it to files, the config file and the outputs of the action or the CLI.
 */




















/** Checks the manifests; never throws for bad input (that is a problem in the report, exit code 2). */
async function check(settings, context) {
    const { cwd, displayRoot, stdin, confineTo, limitName } = context;
    const problems = [];
    const cfg = await readConfigFile(settings.configFile, cwd, confineTo);
    let config = lint_config/* EMPTY_CONFIG */.$v;
    if (cfg.problem)
        problems.push(cfg.problem);
    if (cfg.file) {
        const parsed = (0,lint_config/* parseConfig */.o4)(cfg.file.text, cfg.file.path, rules/* RULES */.y);
        config = parsed.config;
        append(problems, parsed.problems);
    }
    const read = await readManifests(settings.manifests, {
        cwd,
        displayRoot,
        ...(stdin ? { stdin } : {}),
        ...(confineTo ? { confineTo } : {}),
        maxTotalBytes: settings.maxInputBytes,
        ...(limitName ? { totalLimitName: limitName } : {}),
    });
    append(problems, read.problems);
    const parsed = read.files.map(parse/* parseFile */.CJ);
    let result;
    try {
        const r = lint({ files: parsed, defaultNamespace: settings.namespace, config, rules: rules/* RULES */.y });
        result = { ...r, workloadsChecked: r.graph.servedWorkloads().length, objects: r.graph.objects };
    }
    catch (e) {
        // The engine guards each document and rule; should something else fail, the reports still come out.
        result = {
            findings: [],
            problems: [
                {
                    severity: 'error',
                    message: `zd-gate failed while checking the manifests (internal error: ${e instanceof Error ? e.message : String(e)}); nothing was checked. Please report this with the input that caused it.`,
                },
            ],
            objectCount: 0,
            suppressed: 0,
            unserved: [],
            workloadsChecked: 0,
            objects: [],
        };
    }
    append(problems, result.problems);
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
            workloadsChecked: result.workloadsChecked,
            errors: counts.error,
            warnings: counts.warning,
            notices: counts.notice,
            suppressed: result.suppressed,
            failOn: settings.failOn,
            failed: inputError || failing > 0,
            unchecked: result.unserved,
            inputBytes: read.bytes,
            skipped: read.skipped,
        },
        overrides: describeOverrides(config, cfg.file?.path, rules/* RULES */.y, result.objects),
    };
}
/** `to.push(...from)` without spreading: the input decides how many problems there are (130,000 is a 1 MB file). */
function append(to, from) {
    for (const x of from)
        to.push(x);
}
/**
 * Moves findings from rendered output (helm template, kustomize build) onto the template or base
 * file they came from, when that file is in the workspace; what cannot be placed stays on the
 * rendered file, with a notice saying why and what to set.
 */
async function mapToSources(report, opts) {
    const refs = sourcesNeeded(report.findings);
    if (refs.length === 0)
        return report;
    const { resolved, problems } = await resolveSources(refs, opts);
    const { findings } = mapFindings(report.findings, resolved);
    return { ...report, findings, problems: [...report.problems, ...problems] };
}
async function runValidate(settings, host, io) {
    const cwd = process.cwd();
    const displayRoot = host.env.GITHUB_WORKSPACE || cwd;
    const workspace = host.kind === 'action' ? host.env.GITHUB_WORKSPACE || undefined : undefined;
    const checked = await check(settings, {
        cwd,
        displayRoot,
        ...(io?.stdin ? { stdin: io.stdin } : {}),
        ...(workspace ? { confineTo: workspace } : {}),
        limitName: host.kind === 'action' ? 'input `max-input-size`' : '--max-input-size',
    });
    const report = await mapToSources(checked, {
        workspace: displayRoot,
        chartRoots: settings.chartRoots.map((r) => external_node_path_default().resolve(cwd, r)),
        ...(settings.kustomizeRoot ? { kustomizeRoot: external_node_path_default().resolve(cwd, settings.kustomizeRoot) } : {}),
    });
    const s = report.summary;
    const exitCode = report.problems.some((p) => p.severity === 'error') ? 2 : s.failed ? 1 : 0;
    const message = exitCode === 2
        ? inputErrorMessage(report)
        : exitCode === 1
            ? `${s.errors} error${s.errors === 1 ? '' : 's'} and ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (fail-on: ${s.failOn})`
            : undefined;
    const docs = (0,rule_docs/* docsBase */.xH)(host.env);
    if (host.kind === 'cli') {
        await writeCli(settings, report, io?.stdout ?? process.stdout, docs, (t) => host.redact(t));
    }
    else {
        // The action fails the step with one `::error` line of its own (main.ts): keep its slot.
        await reportToGitHub(settings, report, host, { docs, closingError: exitCode !== 0 });
    }
    // The text report already lists the input errors; the CLI need not repeat the first one.
    const shown = exitCode === 2 && host.kind === 'cli' && settings.format === 'text';
    return message === undefined ? { exitCode } : { exitCode, message, shown };
}
function inputErrorMessage(report) {
    const errors = report.problems.filter((p) => p.severity === 'error');
    const first = shorten(errors[0]?.message ?? '', MESSAGE_CHARS);
    return errors.length === 1 ? `input error: ${first}` : `${errors.length} input errors; the first: ${first}`;
}
/**
 * The CLI's report on standard output. The text and `github` formats are log output (a workflow
 * step's log): redacted like everything the host writes. JSON and SARIF are data, written exactly.
 */
async function writeCli(settings, report, out, docs, redact) {
    if (settings.sarifFile)
        await writeFileEnsuringDir(settings.sarifFile, formatSarif(report, rules/* RULES */.y, docs));
    switch (settings.format) {
        case 'json':
            out.write(formatJson(report));
            return;
        case 'sarif':
            out.write(formatSarif(report, rules/* RULES */.y, docs));
            return;
        case 'github': {
            const plan = planAnnotations(report.findings, report.problems, { docs });
            await issueWorkflowCommands(plan, redact);
            out.write((0,log/* logText */.k)(redact(formatText({ ...report, findings: [], problems: [] }))));
            const omitted = omittedCount(plan);
            if (omitted > 0)
                out.write((0,log/* logText */.k)(`${omitted} more findings are not annotated (GitHub shows 10 per severity in a step); use --format json or --sarif-file to see them all.\n`));
            return;
        }
        case 'text':
            out.write((0,log/* logText */.k)(redact(formatText(report))));
    }
}
/**
 * The action's reports, in an order that keeps every budget: files and outputs first, then the
 * GitHub API (whose failures become warnings), then the annotations (GitHub shows 10 per severity
 * per step, zd-gate's own lines included, so those slots are kept), then the job summary.
 */
async function reportToGitHub(settings, report, host, opts) {
    const temp = host.env.RUNNER_TEMP || process.cwd();
    host.info(formatText(report).trimEnd());
    const sarifFile = settings.sarifFile || external_node_path_default().join(temp, 'zd-gate.sarif');
    const findingsFile = external_node_path_default().join(temp, 'zd-gate-findings.json');
    await writeFileEnsuringDir(sarifFile, formatSarif(report, rules/* RULES */.y, opts.docs));
    await writeFileEnsuringDir(findingsFile, formatJson(report));
    host.setOutput('errors', report.summary.errors);
    host.setOutput('warnings', report.summary.warnings);
    host.setOutput('findings-file', findingsFile);
    host.setOutput('sarif-file', sarifFile);
    const files = { sarifFile, findingsFile, docs: opts.docs };
    const warnings = [];
    let checkRunUrl;
    let checkRunAnnotations;
    if (settings.githubToken) {
        const { publishCheckRun, upsertPrComment } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(413), __webpack_require__.e(401)]).then(__webpack_require__.bind(__webpack_require__, 2401));
        const content = checkRunContent(report, opts.docs);
        const held = content.annotations.length < content.total ? content.annotations.length : undefined;
        // Surfaces the host does not write itself: redacted here, like everything it writes.
        const run = await publishCheckRun(settings.githubToken, {
            name: settings.checkName,
            title: content.title,
            conclusion: content.conclusion,
            annotations: content.annotations.map((a) => ({
                ...a,
                title: host.redact(a.title),
                message: host.redact(a.message),
            })),
            summary: host.redactMarkdown(renderMarkdown(report, {
                limit: CHECK_RUN_TEXT_BYTES,
                ...files,
                ...(held !== undefined ? { checkRunAnnotations: held } : {}),
            })),
        });
        if (run.warning)
            warnings.push(run.warning);
        else {
            checkRunUrl = run.url;
            checkRunAnnotations = held;
            host.info(`Check run "${settings.checkName}": ${content.annotations.length} annotation${content.annotations.length === 1 ? '' : 's'} in ${run.requests} request${run.requests === 1 ? '' : 's'}${held !== undefined ? ` (of ${content.total}; the rest are in the SARIF and findings files)` : ''}: ${run.url ?? ''}`);
        }
        if (settings.prComment) {
            const comment = await upsertPrComment(settings.githubToken, host.redactMarkdown(renderMarkdown(report, {
                limit: PR_COMMENT_BYTES - COMMENT_ROOM,
                ...files,
                ...(checkRunUrl ? { checkRunUrl } : {}),
                ...(checkRunAnnotations !== undefined ? { checkRunAnnotations } : {}),
            })));
            if (comment.warning)
                warnings.push(comment.warning);
            if (comment.info)
                host.info(comment.info);
        }
    }
    else if (settings.prComment) {
        warnings.push('pr-comment needs github-token; no comment written.');
    }
    let plan;
    if (settings.annotations) {
        plan = planAnnotations(report.findings, report.problems, {
            docs: opts.docs,
            reserve: { error: opts.closingError ? 1 : 0, warning: Math.min(warnings.length, ANNOTATION_LIMIT.warning) },
        });
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
    warnings.forEach((w, i) => (i < ANNOTATION_LIMIT.warning ? host.warning(w) : host.info(`warning: ${w}`)));
    await host.appendSummary(renderMarkdown(report, {
        limit: JOB_SUMMARY_BYTES,
        ...files,
        ...(plan ? { plan } : {}),
        ...(checkRunUrl ? { checkRunUrl } : {}),
        ...(checkRunAnnotations !== undefined ? { checkRunAnnotations } : {}),
    }));
}
/** Room in a PR comment for zd-gate's marker line. */
const COMMENT_ROOM = 64;
/**
 * `--format github` (the CLI inside a workflow): the same annotation budget as the action, issued
 * through @actions/core, which owns the workflow-command escaping.
 */
async function issueWorkflowCommands(plan, redact) {
    const core = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(421)]).then(__webpack_require__.bind(__webpack_require__, 6421));
    for (const a of plan.annotations) {
        const props = { ...annotationProps(a), title: redact(a.title) };
        const message = redact(a.message);
        if (a.severity === 'error')
            core.error(message, props);
        else if (a.severity === 'warning')
            core.warning(message, props);
        else
            core.notice(message, props);
    }
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


/***/ })

};
