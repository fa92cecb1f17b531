/**
 * The one place that reads user input, for the action and the CLI alike.
 *
 * The action reads `INPUT_*` through @actions/core, the CLI reads flags; both arrive here as an
 * {@link InputSource} keyed by the input names of src/inputs.ts (which also holds every default),
 * are checked once, and leave as a frozen, typed {@link Settings}. Every problem is collected, so a user with three mistakes learns
 * of all three in one run, each naming the input (or flag) and what to write instead.
 */
import type { Severity } from './core/findings.js';
import { INPUTS, type InputName, type InputSpec } from './inputs.js';

export type { InputName };

/** Where raw input strings come from. `describe` names an input the way its user wrote it. */
export interface InputSource {
  /** The raw value, or '' / undefined when not given. */
  get(name: InputName): string | undefined;
  /** `input \`min-healthy\`` for the action, `--min-healthy` for the CLI. */
  describe(name: InputName): string;
  /** Values the CLI passed as positional arguments (validate paths). */
  readonly positionals?: readonly string[];
  /** Environment, for documented fallbacks (AWS_REGION, RUNNER_TEMP). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type { Severity };
export type FailOn = 'error' | 'warning' | 'never';
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export interface ValidateSettings {
  readonly mode: 'validate';
  /** Files, folders or globs; `-` is standard input. Never empty. */
  readonly manifests: readonly string[];
  readonly namespace: string;
  /** An explicit config file (must exist), or undefined to look for `.zd-gate.yaml`. */
  readonly configFile: string | undefined;
  readonly failOn: FailOn;
  readonly annotations: boolean;
  readonly sarifFile: string | undefined;
  /** Folders holding the rendered Helm charts (source mapping; only needed when chart names repeat). */
  readonly chartRoots: readonly string[];
  /** The kustomization folder that was built (source mapping; only needed when ambiguous). */
  readonly kustomizeRoot: string | undefined;
  readonly githubToken: string | undefined;
  readonly checkName: string;
  readonly prComment: boolean;
  /** CLI output format; the action always reports through GitHub. */
  readonly format: OutputFormat;
  /** All inputs together, in bytes (`max-input-size`). */
  readonly maxInputBytes: number;
}

/** `8` or `75%` of desired replicas. */
export type Threshold =
  { readonly kind: 'count'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

export type KubeconfigSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'inline'; readonly content: string };

export interface ProbeSettings {
  readonly url: string;
  readonly ratePerSecond: number;
  /** A fraction in [0, 1]. */
  readonly maxErrorRate: number;
}

/** `elb-metrics: true`: the load balancer's own counts from CloudWatch. */
export interface ElbMetricsSettings {
  /** `max-elb-errors`. */
  readonly maxErrors: number;
  /** `max-elb-error-rate` as a fraction; undefined when not set. */
  readonly maxErrorRate: number | undefined;
  /** `metrics-wait`. */
  readonly waitMs: number;
}

export interface WatchSettings {
  readonly mode: 'watch';
  readonly namespace: string;
  readonly deployments: readonly string[];
  readonly kubeconfig: KubeconfigSource;
  readonly context: string | undefined;
  readonly clusterName: string | undefined;
  readonly awsRegion: string | undefined;
  readonly targetGroupArns: readonly string[];
  readonly minHealthy: Threshold | undefined;
  readonly tolerateMs: number;
  /** A pod exiting sooner than this after deletion, with its target registered, fails the gate; 0: off. */
  readonly deregistrationMs: number;
  readonly pollIntervalMs: number;
  /** Undefined: progressDeadlineSeconds of each Deployment plus the settle timeout. */
  readonly timeoutMs: number | undefined;
  readonly settleTimeoutMs: number;
  /** After the load balancer caught up, how long to keep watching; undefined: one unhealthy-detection window of the target groups. */
  readonly soakMs: number | undefined;
  readonly rollback: boolean;
  readonly rollbackWait: boolean;
  readonly allowRolloutOnly: boolean;
  readonly probe: ProbeSettings | undefined;
  /** Undefined when `elb-metrics` is false. */
  readonly elbMetrics?: ElbMetricsSettings | undefined;
  /** Inputs of `elb-metrics` given a value while it is false: ignored, with a warning (policy.ts). */
  readonly elbMetricsIgnored?: readonly string[];
  readonly reportFile: string | undefined;
}

export type Settings = ValidateSettings | WatchSettings;

/** Thrown with every input problem found; `problems` holds one sentence each. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

export const MIN_POLL_INTERVAL_MS = 2_000;
const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TG_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;

/** Reads and checks all inputs; throws {@link SettingsError} listing every problem. */
export function readSettings(source: InputSource): Settings {
  const p = new Problems(source);
  const mode = p.oneOf('mode', ['validate', 'watch'] as const);
  const settings = mode === 'watch' ? readWatch(p) : readValidate(p);
  p.throwIfAny();
  return Object.freeze(settings);
}

function readValidate(p: Problems): ValidateSettings {
  const fromInput = splitList(p.raw('manifests'));
  const manifests = [...fromInput, ...(p.source.positionals ?? [])];
  if (manifests.length === 0) {
    p.add(
      `${p.source.describe('manifests')} is required in validate mode: list the rendered manifests (files, folders or globs; \`-\` for standard input).`,
    );
  }
  return {
    mode: 'validate',
    manifests,
    namespace: p.namespace(),
    configFile: p.raw('config') || undefined,
    failOn: p.oneOf('fail-on', ['error', 'warning', 'never'] as const),
    annotations: p.bool('annotations'),
    sarifFile: p.raw('sarif-file') || undefined,
    chartRoots: splitList(p.raw('chart-roots')),
    kustomizeRoot: p.raw('kustomize-root') || undefined,
    githubToken: p.raw('github-token') || undefined,
    checkName: p.raw('check-name') || p.defaultOf('check-name'),
    prComment: p.bool('pr-comment'),
    format: p.oneOf('format', ['text', 'json', 'sarif', 'github'] as const),
    maxInputBytes: p.bytes('max-input-size'),
  };
}

function readWatch(p: Problems): WatchSettings {
  const { source } = p;
  const deployments = splitList(p.raw('deployments'));
  if (deployments.length === 0) {
    p.add(`${source.describe('deployments')} is required in watch mode: name the Deployments to watch.`);
  }
  for (const d of deployments) {
    if (!DNS_SUBDOMAIN.test(d) || d.length > 253) {
      p.add(
        `${source.describe('deployments')}: \`${d}\` is not a valid Deployment name (lowercase letters, digits, '-' and '.').`,
      );
    }
  }
  if (new Set(deployments).size !== deployments.length) {
    p.add(`${source.describe('deployments')} lists a Deployment twice.`);
  }

  const targetGroupArns = splitList(p.raw('target-group-arns'));
  for (const arn of targetGroupArns) {
    if (!TG_ARN.test(arn)) {
      p.add(
        `${source.describe('target-group-arns')}: \`${arn}\` is not a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>).`,
      );
    }
  }

  const clusterName = p.raw('cluster-name') || undefined;
  const kubeconfigRaw = p.raw('kubeconfig');
  if (clusterName && kubeconfigRaw) {
    p.add(
      `${source.describe('cluster-name')} and ${source.describe('kubeconfig')} are both set: use one (cluster-name builds the connection from AWS credentials).`,
    );
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
    p.add(
      `${source.describe('poll-interval')} must be at least 2s: DescribeTargetHealth shares the account's Describe budget (about 10 calls/s) with the load balancer controller.`,
    );
  }
  const settleTimeoutMs = p.duration('settle-timeout') ?? 0;
  const timeoutMs = p.duration('timeout');
  if (timeoutMs !== undefined && timeoutMs <= 0) p.add(`${source.describe('timeout')} must be longer than 0s.`);

  const tolerateMs = p.seconds('tolerate-seconds');
  const deregistrationMs = p.seconds('deregistration-seconds');
  const probeUrl = p.raw('probe-url');
  let probe: ProbeSettings | undefined;
  if (probeUrl) {
    const protocol = URL.canParse(probeUrl) ? new URL(probeUrl).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:')
      p.add(`${source.describe('probe-url')}: \`${probeUrl}\` is not an http(s) URL.`);
    const ratePerSecond = p.number('probe-rate');
    if (!(ratePerSecond >= 1 && ratePerSecond <= 50)) {
      p.add(`${source.describe('probe-rate')} must be between 1 and 50 requests per second.`);
    }
    probe = { url: probeUrl, ratePerSecond, maxErrorRate: p.rate('max-error-rate') };
  } else if (p.raw('max-error-rate') && p.raw('max-error-rate') !== '0') {
    p.add(
      `${source.describe('max-error-rate')} needs ${source.describe('probe-url')}: errors are measured by the probe.`,
    );
  }

  const elbInputs = ['max-elb-errors', 'max-elb-error-rate', 'metrics-wait'] as const;
  let elbMetrics: ElbMetricsSettings | undefined;
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
    : elbInputs.filter((n) => p.raw(n) !== '' && p.raw(n) !== INPUTS[n].default).map((n) => source.describe(n));

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
export function kubeconfigSource(raw: string): KubeconfigSource {
  if (!raw) return { kind: 'default' };
  const t = raw.trimStart();
  if (raw.includes('\n') || t.startsWith('{') || /^apiVersion\s*:/.test(t)) return { kind: 'inline', content: raw };
  return { kind: 'path', path: raw };
}

/** Splits on newlines and commas, trims, drops empties and `#` comment lines. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `90`, `90s`, `1m30s`, `2h`, `500ms` → milliseconds; undefined when malformed. A bare number is seconds. */
export function parseDuration(raw: string): number | undefined {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1_000);
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  return Math.round(total);
}

const BYTE_UNITS: Readonly<Record<string, number>> = {
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
export function parseBytes(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(raw.trim());
  const unit = m ? BYTE_UNITS[(m[2] as string).toLowerCase()] : undefined;
  return m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : undefined;
}

/**
 * Collects every problem while reading. Each reader parses the raw value, or the input's default
 * from src/inputs.ts when none was given, so a default lives in one place only.
 */
class Problems {
  private readonly list: string[] = [];
  constructor(readonly source: InputSource) {}

  add(problem: string): void {
    this.list.push(problem);
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new SettingsError(this.list);
  }

  raw(name: InputName): string {
    return (this.source.get(name) ?? '').trim();
  }

  defaultOf(name: InputName): string {
    return (INPUTS[name] as InputSpec).default;
  }

  /** The value given, else the default; '' when neither. */
  private value(name: InputName): string {
    return this.raw(name) || this.defaultOf(name);
  }

  oneOf<T extends string>(name: InputName, allowed: readonly T[]): T {
    const v = this.value(name);
    const hit = allowed.find((a) => a === v.toLowerCase());
    if (hit) return hit;
    this.add(`${this.source.describe(name)} is \`${v}\`; use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`);
    return allowed.find((a) => a === this.defaultOf(name)) ?? (allowed[0] as T);
  }

  /** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
  bool(name: InputName): boolean {
    const v = this.value(name);
    if (['true', 'True', 'TRUE'].includes(v)) return true;
    if (['false', 'False', 'FALSE'].includes(v)) return false;
    this.add(`${this.source.describe(name)} is \`${v}\`; use \`true\` or \`false\`.`);
    return this.defaultOf(name) === 'true';
  }

  number(name: InputName): number {
    const v = this.value(name);
    const n = Number(v);
    if (v === '' || !Number.isFinite(n)) {
      this.add(`${this.source.describe(name)} is \`${v}\`; expected a number.`);
      return Number(this.defaultOf(name)) || 0;
    }
    return n;
  }

  /** Milliseconds; undefined when neither a value nor a default is given. */
  duration(name: InputName): number | undefined {
    const v = this.value(name);
    if (v === '') return undefined;
    const ms = parseDuration(v);
    if (ms === undefined) {
      this.add(
        `${this.source.describe(name)} is \`${v}\`; write a duration such as \`90s\`, \`5m\` or \`1m30s\` (a bare number is seconds).`,
      );
      return parseDuration(this.defaultOf(name));
    }
    return ms;
  }

  /** Whole seconds, as milliseconds. */
  seconds(name: InputName): number {
    const v = this.value(name);
    if (!/^\d+$/.test(v)) {
      this.add(`${this.source.describe(name)} is \`${v}\`; expected a whole number of seconds (0 or more).`);
      return Number(this.defaultOf(name)) * 1_000 || 0;
    }
    return Number(v) * 1_000;
  }

  threshold(name: InputName): Threshold | undefined {
    const v = this.value(name);
    if (v === '') return undefined;
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
    if (pct && Number(pct[1]) <= 100) return { kind: 'percent', value: Number(pct[1]) };
    if (/^\d+$/.test(v)) return { kind: 'count', value: Number(v) };
    this.add(
      `${this.source.describe(name)} is \`${v}\`; write a count of healthy targets (\`8\`) or a percentage of desired replicas up to 100% (\`75%\`).`,
    );
    return undefined;
  }

  /** A size: `256MiB`, `1GiB`, `500KiB`, `64Mi`, `2GB`, `1048576` (bytes); more than 0. */
  bytes(name: InputName): number {
    const v = this.value(name);
    const n = parseBytes(v);
    if (n === undefined || n <= 0) {
      this.add(
        `${this.source.describe(name)} is \`${v}\`; write a size such as \`256MiB\`, \`1GiB\` or \`500KiB\` (a bare number is bytes).`,
      );
      return parseBytes(this.defaultOf(name)) ?? 0;
    }
    return n;
  }

  /** `0.01`, `1%` → a fraction in [0, 1]. */
  rate(name: InputName): number {
    const v = this.value(name);
    const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
    const n = pct ? Number(pct[1]) / 100 : Number(v);
    if (!Number.isFinite(n) || n < 0 || n > 1 || (!pct && !/^\d+(\.\d+)?$/.test(v))) {
      this.add(
        `${this.source.describe(name)} is \`${v}\`; write a fraction between 0 and 1 (\`0.01\`) or a percentage (\`1%\`).`,
      );
      return 0;
    }
    return n;
  }

  namespace(): string {
    const v = this.raw('namespace') || this.defaultOf('namespace');
    if (!K8S_NAME.test(v) || v.length > 63) {
      this.add(
        `${this.source.describe('namespace')}: \`${v}\` is not a valid namespace name (lowercase letters, digits and '-', at most 63 characters).`,
      );
    }
    return v;
  }
}
