export const id = 461;
export const ids = [461,311];
export const modules = {

/***/ 9461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: USAGE, commandUsage

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
// EXTERNAL MODULE: ./src/report/markdown.ts
var report_markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/report/redact.ts
var report_redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/adapters/cli-host.ts



/**
 * The Host for the CLI: progress and diagnostics on stderr (stdout is reserved for the report a
 * mode prints, so `--format json > out.json` stays clean). With `--format github` the validate mode
 * prints workflow commands itself; this host never does.
 */
function cliHost(signal, stderr = process.stderr) {
    const secrets = new report_redact/* Redactor */.pO();
    const redact = (m) => secrets.redact(m);
    const write = (m) => void stderr.write(`${(0,log/* logText */.k)(redact(m))}\n`);
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
        appendSummary: () => Promise.resolve(),
        mask: (secret) => void secrets.add(secret),
        redact,
        redactMarkdown: (markdown) => (0,report_markdown/* redactMarkdown */.R)(markdown, secrets),
        signal,
    };
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * `zd-gate validate|watch|rules`: the same engine as the action, driven by flags. The flags, their
 * defaults and `--help` come from the inputs table (src/inputs.ts), so the CLI and the action
 * cannot drift apart.
 */






const COMMANDS = {
    validate: {
        synopsis: 'zd-gate validate [flags] PATH...',
        line: 'Check rendered manifests before deploy.',
        exits: ['no finding at or above --fail-on', 'findings at or above --fail-on'],
        summary: 'Check rendered manifests before deploy. PATH is a file, a folder (searched for *.yaml, *.yml, *.json) or a glob; `-` reads standard input (helm template . | zd-gate validate -).',
    },
    watch: {
        synopsis: 'zd-gate watch --deployments NAME[,NAME...] [flags]',
        line: 'Follow a rollout together with target health after deploy; fail (and roll back) when it drops requests.',
        exits: ['every Deployment passed', 'a Deployment failed or was rolled back'],
        summary: "Follow the rollout after kubectl apply together with the target groups' health; fail when healthy targets drop below the threshold, and roll back when asked.",
    },
    rules: {
        synopsis: 'zd-gate rules [--format markdown|json]',
        line: 'List the validate rules with their defaults.',
        summary: 'List the validate rules with their defaults.',
    },
};
/** `rules` has one flag of its own (it is not an action input). */
const RULES_FORMAT = {
    modes: [],
    kind: 'enum',
    values: ['markdown', 'json'],
    default: 'markdown',
    description: 'Output format.',
};
const EXIT_2 = '2  usage or input error, or the gate could not run (no cluster access, missing permission)';
function exitCodes(commands) {
    const lines = (n) => commands.flatMap((c) => {
        const e = COMMANDS[c].exits;
        return e ? [`${n}  ${commands.length > 1 ? `${c}: ` : ''}${e[n]}`] : [];
    });
    return ['Exit codes:', ...lines(0), ...lines(1), EXIT_2].map((l, i) => (i === 0 ? l : `  ${l}`)).join('\n');
}
const USAGE = `zd-gate ${version/* VERSION */.x}: zero-downtime gate for Kubernetes rollouts behind AWS load balancers

Usage: zd-gate <command> [flags]

Commands:
${Object.keys(COMMANDS).map((c) => `  ${c.padEnd(9)} ${COMMANDS[c].line}`).join('\n')}

Run \`zd-gate <command> --help\` for the flags of a command.
  -h, --help     show help
  -v, --version  print the version

${exitCodes(['validate', 'watch'])}`;
/** `--help` of one command: synopsis, what it does, every flag with its default, the exit codes. */
function commandUsage(command) {
    const help = COMMANDS[command];
    const flags = command === 'rules'
        ? [['--format', RULES_FORMAT]]
        : (0,inputs/* inputsOf */.Vc)(command, 'cli').map((n) => {
            const spec = inputs/* INPUTS */.mc[n];
            return [`${spec.short ? `-${spec.short}, ` : '    '}--${n}`, spec];
        });
    const left = flags.map(([flag, spec]) => `${flag} ${spec.kind === 'boolean' ? '[true|false]' : (0,inputs/* placeholderOf */.hx)(spec)}`);
    const width = Math.max(...left.map((l) => l.length)) + 2;
    const lines = flags.flatMap(([, spec], i) => {
        const def = spec.default === '' ? '' : ` (default: ${spec.default})`;
        const wrapped = wrap(plain(`${spec.description}${def}`), 100 - width - 2);
        return wrapped.map((text, j) => `  ${(j === 0 ? left[i] : '').padEnd(width)}${text}`);
    });
    return `Usage: ${help.synopsis}

${wrap(plain(help.summary), 100).join('\n')}

Flags:
${lines.join('\n')}
  -h, --help${' '.repeat(Math.max(1, width - 10))}show this help

${command === 'rules' ? '' : `${exitCodes([command])}\n\n`}Docs: https://github.com/zd-gate/zd-gate/tree/main/docs`;
}
/** Runs the CLI and resolves to the process exit code. Never throws. */
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        const topic = command === 'help' ? rest[0] : undefined;
        if (topic !== undefined && isCommand(topic)) {
            io.stdout.write(`${commandUsage(topic)}\n`);
            return 0;
        }
        (command === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        io.stdout.write(`${version/* VERSION */.x}\n`);
        return 0;
    }
    if (!isCommand(command)) {
        say(io.stderr, `zd-gate: unknown command \`${command}\`; use validate, watch or rules (zd-gate --help).`);
        return 2;
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: normalizeSwitches(command, rest),
            options: optionsFor(command),
            allowPositionals: command === 'validate',
            strict: true,
        });
    }
    catch (e) {
        say(io.stderr, `zd-gate ${command}: ${e.message}\n(zd-gate ${command} --help lists the flags)`);
        return 2;
    }
    if (parsed.values.help) {
        io.stdout.write(`${commandUsage(command)}\n`);
        return 0;
    }
    const values = parsed.values;
    if (command === 'rules') {
        const { runRules } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(815), __webpack_require__.e(515), __webpack_require__.e(267)]).then(__webpack_require__.bind(__webpack_require__, 5267));
        const result = runRules(asString(values.format) ?? RULES_FORMAT.default, io.stdout);
        if (result.message)
            io.stderr.write(`zd-gate rules: ${result.message}\n`);
        return result.exitCode;
    }
    const source = {
        get: (name) => (name === 'mode' ? command : asString(values[name])),
        describe: (name) => `--${name}`,
        positionals: parsed.positionals,
        env: io.env,
    };
    const host = cliHost(io.signal, io.stderr);
    try {
        const settings = (0,src_settings/* readSettings */.sb)(source);
        let result;
        if (settings.mode === 'validate') {
            const { runValidate } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(815), __webpack_require__.e(382), __webpack_require__.e(515), __webpack_require__.e(732)]).then(__webpack_require__.bind(__webpack_require__, 5732));
            result = await runValidate(settings, host, { stdout: io.stdout, stdin: io.stdin ?? process.stdin });
        }
        else {
            const { runWatch } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(752), __webpack_require__.e(852), __webpack_require__.e(354)]).then(__webpack_require__.bind(__webpack_require__, 5354));
            (await __webpack_require__.e(/* import() */ 44).then(__webpack_require__.bind(__webpack_require__, 1044))).boundWatchHeap();
            result = await runWatch(settings, host);
        }
        // A mode that already showed its failure (watch logs every verdict) is not repeated.
        if (result.exitCode !== 0 && result.message && !result.shown)
            say(io.stderr, host.redact(`zd-gate ${command}: ${result.message}`));
        return result.exitCode;
    }
    catch (e) {
        if (e instanceof src_settings/* SettingsError */.GN) {
            say(io.stderr, host.redact(`zd-gate ${command}: ${e.message}\n(zd-gate ${command} --help lists the flags)`));
            return 2;
        }
        say(io.stderr, host.redact(`zd-gate ${command}: unexpected error: ${e.message ?? String(e)}`));
        if (io.env.ZD_GATE_DEBUG)
            say(io.stderr, host.redact(e.stack ?? ''));
        return 2;
    }
}
/** One message on a stream the runner reads for workflow commands: through the log boundary. */
function say(stream, message) {
    stream.write(`${(0,log/* logText */.k)(message)}\n`);
}
function isCommand(c) {
    return Object.prototype.hasOwnProperty.call(COMMANDS, c);
}
function optionsFor(command) {
    const options = { help: { type: 'boolean', short: 'h' } };
    if (command === 'rules') {
        options.format = { type: 'string' };
        return options;
    }
    for (const name of (0,inputs/* inputsOf */.Vc)(command, 'cli')) {
        const spec = inputs/* INPUTS */.mc[name];
        options[name] = spec.short ? { type: 'string', short: spec.short } : { type: 'string' };
    }
    return options;
}
/** `--rollback` alone means `--rollback=true`; parseArgs needs the value spelled out for string options. */
function normalizeSwitches(command, args) {
    const switches = new Set(command === 'rules' ? [] : (0,inputs/* inputsOf */.Vc)(command, 'cli').filter((n) => inputs/* INPUTS */.mc[n].kind === 'boolean'));
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
        const next = args[i + 1];
        if (name && switches.has(name) && (next === undefined || !/^(true|false)$/i.test(next))) {
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
/** Markdown of a description as terminal text. */
function plain(s) {
    return s.replace(/`([^`]*)`/g, '$1');
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line)
        lines.push(line);
    return lines;
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
