/**
 * Every input of the action and flag of the CLI, declared once. action.yml's `inputs:` block, the
 * CLI's flag parser and per-command `--help`, the settings defaults and the docs' input tables are
 * generated from (or checked against) this table; __tests__/docs.test.ts fails when they drift.
 *
 * Adding an input: one entry here, the code that reads it (settings.ts turns it into a typed
 * setting), the code that uses it, and its tests; then `npm run docs` regenerates action.yml and
 * the docs.
 */

export type Command = 'validate' | 'watch';

/** How settings.ts reads the raw string (each kind has one parser there). */
export type InputKind =
  'string' | 'boolean' | 'enum' | 'list' | 'duration' | 'seconds' | 'number' | 'threshold' | 'rate' | 'bytes';

export interface InputSpec {
  /** The commands (modes) that read it. */
  readonly modes: readonly Command[];
  readonly kind: InputKind;
  /** The default exactly as a user would write it; '' when there is none (the description says what applies). */
  readonly default: string;
  /** What it does, in one paragraph of markdown (action.yml, docs, `--help`). */
  readonly description: string;
  /** The values an `enum` input accepts. */
  readonly values?: readonly string[];
  /** Where it exists, when not both: `action` (no CLI flag) or `cli` (not in action.yml). */
  readonly only?: 'action' | 'cli';
  /** A one-letter CLI alias. */
  readonly short?: string;
  /** The value's placeholder in `--help` (`DURATION`, `FILE`); derived from the kind when absent. */
  readonly placeholder?: string;
}

export const INPUTS = {
  mode: {
    modes: ['validate', 'watch'],
    kind: 'enum',
    values: ['validate', 'watch'],
    default: 'validate',
    description: '`validate` (pre-deploy: check manifests) or `watch` (post-deploy: rollout + target health).',
    only: 'action',
  },
  namespace: {
    modes: ['validate', 'watch'],
    kind: 'string',
    default: 'default',
    short: 'n',
    placeholder: 'NS',
    description:
      "Namespace. In validate, the one given to objects that declare none; in watch, the Deployments' namespace.",
  },

  // ---- validate ----
  'github-token': {
    modes: ['validate'],
    kind: 'string',
    default: '',
    only: 'action',
    description:
      'Token for the Checks API and PR comments (needs `checks: write`, and `pull-requests: write` for `pr-comment`). Without it, findings go to annotations, the job summary and SARIF only.',
  },
  manifests: {
    modes: ['validate'],
    kind: 'list',
    default: '',
    only: 'action',
    description:
      'Rendered manifests to check: files, folders (searched for *.yaml, *.yml, *.json) or globs, separated by newlines or commas; `-` is standard input. A pattern that matches nothing is an error. On the CLI they are the positional arguments.',
  },
  config: {
    modes: ['validate'],
    kind: 'string',
    default: '',
    short: 'c',
    placeholder: 'FILE',
    description: 'Config file with rule severities and parameters (default: `.zd-gate.yaml` when it exists).',
  },
  'fail-on': {
    modes: ['validate'],
    kind: 'enum',
    values: ['error', 'warning', 'never'],
    default: 'error',
    description: 'Fail on findings at or above this severity: `error`, `warning` or `never`.',
  },
  format: {
    modes: ['validate'],
    kind: 'enum',
    values: ['text', 'json', 'sarif', 'github'],
    default: 'text',
    only: 'cli',
    short: 'f',
    description:
      'Output on standard output: `text`, `json` (the documented contract), `sarif` (SARIF 2.1.0) or `github` (workflow annotations, for the CLI inside a workflow step).',
  },
  annotations: {
    modes: ['validate'],
    kind: 'boolean',
    default: 'true',
    only: 'action',
    description: 'Emit workflow annotations (at most 10 per severity, most severe first).',
  },
  'sarif-file': {
    modes: ['validate'],
    kind: 'string',
    default: '',
    placeholder: 'FILE',
    description:
      "Where to write the SARIF 2.1.0 report (action default: `zd-gate.sarif` in the runner's temp folder; CLI: not written unless given).",
  },
  'chart-roots': {
    modes: ['validate'],
    kind: 'list',
    default: '',
    placeholder: 'DIR,...',
    description:
      "Folders holding the Helm charts that were rendered, separated by newlines or commas. Findings in `helm template` output move to the chart's template file and line (from the `# Source:` comments); charts are found by their Chart.yaml name anywhere in the workspace, so this is needed only when two charts share a name. See docs/pull-requests.md.",
  },
  'kustomize-root': {
    modes: ['validate'],
    kind: 'string',
    default: '',
    placeholder: 'DIR',
    description:
      'The kustomization folder that was built, for findings in `kustomize build` output with `buildMetadata: [originAnnotations]`: they move to the resource file and line the object came from. Needed only when the workspace has several kustomizations where the origin path fits. See docs/pull-requests.md.',
  },
  'check-name': {
    modes: ['validate'],
    kind: 'string',
    default: 'zd-gate',
    only: 'action',
    description: 'Name of the check run published with `github-token` (every finding as a check-run annotation).',
  },
  'pr-comment': {
    modes: ['validate'],
    kind: 'boolean',
    default: 'false',
    only: 'action',
    description: 'Keep one up-to-date comment with the findings on the pull request (needs `github-token`).',
  },
  'max-input-size': {
    modes: ['validate'],
    kind: 'bytes',
    default: '256MiB',
    description:
      'The most input read in one run, all files and standard input together (`512MiB`, `1GiB`; one file or standard input is at most 64 MiB). The file that would exceed it, and the files after it, are an input error naming them. See docs/inputs.md.',
  },

  // ---- watch ----
  deployments: {
    modes: ['watch'],
    kind: 'list',
    default: '',
    placeholder: 'NAME[,NAME...]',
    description: 'Deployment names to watch, separated by newlines or commas; watched concurrently. Required.',
  },
  kubeconfig: {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'PATH',
    description:
      'Kubeconfig file path or inline content (masked). Default: KUBECONFIG, ~/.kube/config, then in-cluster. Not together with `cluster-name` (set one or the other).',
  },
  context: {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'CONTEXT',
    description: 'Kubeconfig context to use (default: the current context).',
  },
  'cluster-name': {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'NAME',
    description:
      'EKS cluster name. Reads the endpoint with eks:DescribeCluster and signs the EKS token in-process from the ambient AWS credentials (no aws CLI or kubeconfig needed).',
  },
  'aws-region': {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'REGION',
    description: 'AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION).',
  },
  'target-group-arns': {
    modes: ['watch'],
    kind: 'list',
    default: '',
    placeholder: 'ARN[,ARN...]',
    description:
      "Target group ARNs to check, separated by newlines or commas. Default: discovered from the TargetGroupBindings whose Service selects the Deployment's pods.",
  },
  'min-healthy': {
    modes: ['watch'],
    kind: 'threshold',
    default: '',
    placeholder: 'N|P%',
    description:
      'Healthy targets each target group must keep: a count (`8`) or a percentage of desired replicas (`75%`, rounded up). Default: desired minus maxUnavailable, as the deployment controller resolves it.',
  },
  'tolerate-seconds': {
    modes: ['watch'],
    kind: 'seconds',
    default: '0',
    description: 'How long the healthy count may stay below `min-healthy` before the gate fails.',
  },
  'deregistration-seconds': {
    modes: ['watch'],
    kind: 'seconds',
    default: '15',
    description:
      'How long the load balancer takes to stop routing to a deregistered target. A pod of the Deployment that stops serving sooner than this after its deletion (or after an answer still showed its target healthy), while its target is still registered, fails the gate (requests routed to it fail). 15 fits an ALB with ip targets; use about 60 behind an NLB; 0 turns this estimate off (a pod seen stopped while its target is still healthy always fails the gate).',
  },
  'poll-interval': {
    modes: ['watch'],
    kind: 'duration',
    default: '5s',
    description: 'DescribeTargetHealth interval per target group (`5s`, at least `2s`; jittered).',
  },
  timeout: {
    modes: ['watch'],
    kind: 'duration',
    default: '',
    description:
      "Limit of the whole run up to the verdicts, connecting and listing included (`15m`). Default: the Deployment's progressDeadlineSeconds plus `settle-timeout` plus the soak (plus `metrics-wait` with `elb-metrics`).",
  },
  'settle-timeout': {
    modes: ['watch'],
    kind: 'duration',
    default: '5m',
    description:
      'After the rollout completes, how long to wait for the load balancer to catch up (new pods healthy in every target group, no old pod still healthy).',
  },
  'soak-seconds': {
    modes: ['watch'],
    kind: 'seconds',
    default: '',
    description:
      'After the load balancer caught up, how long to keep watching target health (and the probe) before passing; a release that degrades meanwhile fails (and rolls back when asked). Default: one unhealthy-detection window of the target groups (interval × unhealthy threshold from DescribeTargetGroups, 30 when unknown); 0 turns the soak off. See docs/watch.md.',
  },
  rollback: {
    modes: ['watch'],
    kind: 'boolean',
    default: 'false',
    description: 'On failure, undo the rollout the way `kubectl rollout undo` does (needs `patch` on deployments).',
  },
  'rollback-wait': {
    modes: ['watch'],
    kind: 'boolean',
    default: 'true',
    description: 'After a rollback, wait for the restored revision to be available again and report it.',
  },
  'allow-rollout-only': {
    modes: ['watch'],
    kind: 'boolean',
    default: 'false',
    description:
      'When a Deployment has no target group that can show per-pod health (instance targets, or none found), gate on rollout status alone instead of failing.',
  },
  'probe-url': {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'URL',
    description: 'Optional public URL to send a bounded stream of HTTP requests to during the rollout.',
  },
  'probe-rate': {
    modes: ['watch'],
    kind: 'number',
    default: '5',
    description: 'Probe requests per second (1 to 50).',
  },
  'max-error-rate': {
    modes: ['watch'],
    kind: 'rate',
    default: '0',
    description: 'Fail when the share of probe requests answered 5xx or failing exceeds this (`0`, `0.5%`, `0.01`).',
  },
  'elb-metrics': {
    modes: ['watch'],
    kind: 'boolean',
    default: 'false',
    description:
      "Also read the load balancers' own error counts from CloudWatch (ALB `HTTPCode_ELB_5XX_Count` by code, NLB resets) for the rollout's window, and fail on them (verdict `elb-errors`). Needs `cloudwatch:GetMetricData`; the job waits for the window's datapoints (`metrics-wait`) before it passes. See docs/elb-metrics.md.",
  },
  'max-elb-errors': {
    modes: ['watch'],
    kind: 'number',
    default: '0',
    description:
      "With `elb-metrics`: load-balancer errors (5xx it generated itself, or resets behind an NLB) tolerated in the rollout's window; more fail the gate. A whole number, 0 or more.",
  },
  'max-elb-error-rate': {
    modes: ['watch'],
    kind: 'rate',
    default: '',
    description:
      "With `elb-metrics`: also require the errors to exceed this share of the window's requests before failing (`0.001`, `0.1%`); judged on the complete window. Default: no rate, the count alone decides.",
  },
  'metrics-wait': {
    modes: ['watch'],
    kind: 'duration',
    default: '180s',
    description:
      "With `elb-metrics`: after the soak, how long to wait for CloudWatch to publish the window's last minute (ELB metrics arrive one to three minutes late). When it runs out first the result is `error` (reason `elb-metrics-missing`), never a pass.",
  },
  'report-file': {
    modes: ['watch'],
    kind: 'string',
    default: '',
    placeholder: 'FILE',
    description:
      "Where to write the JSON report with one verdict per Deployment (default: `zd-gate-watch.json` in the runner's temp folder, or the system's temp folder).",
  },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

export function inputSpec(name: InputName): InputSpec {
  return INPUTS[name];
}

/** The inputs of a command as the action knows them (action.yml) or the CLI (flags). */
export function inputsOf(command: Command, surface: 'action' | 'cli'): InputName[] {
  return INPUT_NAMES.filter((n) => {
    const spec: InputSpec = INPUTS[n];
    return spec.modes.includes(command) && spec.only !== (surface === 'action' ? 'cli' : 'action');
  });
}

/** The inputs in action.yml, in table order. */
export function actionInputs(): InputName[] {
  return INPUT_NAMES.filter((n) => (INPUTS[n] as InputSpec).only !== 'cli');
}

const PLACEHOLDER: Record<InputKind, string> = {
  string: 'VALUE',
  boolean: 'true|false',
  enum: '',
  list: 'A,B',
  duration: 'DURATION',
  seconds: 'SECONDS',
  number: 'N',
  threshold: 'N|P%',
  rate: 'RATE',
  bytes: 'SIZE',
};

/** `FILE`, `error|warning|never`, `DURATION`: how `--help` shows the flag's value. */
export function placeholderOf(spec: InputSpec): string {
  if (spec.placeholder) return spec.placeholder;
  if (spec.kind === 'enum') return (spec.values ?? []).join('|');
  return PLACEHOLDER[spec.kind];
}
