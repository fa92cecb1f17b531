/**
 * `npm run demo` (scripts/demo.mjs runs this file with vitest.config.ts beside it): the seeds'
 * experiment replayed on the local control plane and the load-balancer simulator, with both
 * gates. For seed 001's demo (broken) and seed 003's fix:
 *   1. validate's findings on the manifest;
 *   2. the rollout nginx:latest → nginx:1.22.0 under 100 req/s through the simulated ALB, with
 *      the traffic model's report in vegeta's layout;
 *   3. the watch gate's verdict on that rollout (rollback on), and its log.
 * The report is written to ZD_DEMO_REPORT (scripts/demo.mjs prints it) and to the test log.
 * It asserts only that each step ran; the figures are whatever this machine measured.
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { waitFor } from '../helpers/wait.js';
import { codes, failed, seconds, window } from '../scenarios/lib/figures.js';
import { Examples } from '../scenarios/lib/manifests.js';
import { type GateRun, runValidate, type ValidateRun } from '../scenarios/lib/product.js';
import { rolloutWithGate } from '../scenarios/lib/rollout.js';
import { setupStage } from '../scenarios/lib/stage.js';

const OLD_IMAGE = 'nginx:latest';
const NEW_IMAGE = 'nginx:1.22.0';

interface Case {
  title: string;
  manifest: string;
  namespace: string;
}

const CASES: Case[] = [
  {
    title: "Seed 001's demo (no readiness gate, no preStop, default grace period)",
    manifest: Examples.seed001,
    namespace: 'zd-demo-broken',
  },
  {
    title: "Seed 003's fix (readiness gate, preStop sleep 70, grace period 90, probes, PDB)",
    manifest: Examples.seed003,
    namespace: 'zd-demo-fixed',
  },
];

interface Outcome {
  c: Case;
  validate: ValidateRun;
  traffic: string;
  trafficCodes: string;
  failedRequests: number;
  afterRollback?: string;
  run: GateRun;
  kubectlAt?: number;
  caughtUpAt?: number;
  verdictAt?: number;
}

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');

/** The gate's log as a user sees it, without Node's own deprecation notices. */
function gateLog(run: GateRun): string {
  const skip =
    /NodeVersionSupportWarning|versions published after|will require node|To continue receiving|security updates please|More information can be found|--trace-warnings|^\s*$/;
  return run.lines
    .filter((l) => !skip.test(l.text))
    .map((l) => l.text)
    .join('\n');
}

async function replay(c: Case): Promise<Outcome> {
  const validate = await runValidate([c.manifest]);
  const stage = await setupStage({ manifest: c.manifest, namespace: c.namespace, readyDelay: '500ms' });
  try {
    const r = await rolloutWithGate(stage, {
      image: NEW_IMAGE,
      entry: 'cli',
      inputs: { namespace: c.namespace, deployments: stage.deployment, 'poll-interval': '2s', rollback: 'true' },
      trafficAfterMs: 8_000,
    });
    try {
      const during = window(r.attack.hits, r.changedAt, Date.now());
      const outcome: Outcome = {
        c,
        validate,
        traffic: stage.sim.traffic.format(during),
        trafficCodes: codes(during),
        failedRequests: failed(during),
        run: r.run,
        ...(r.observer.kubectlCompleteAt ? { kubectlAt: r.observer.kubectlCompleteAt - r.changedAt } : {}),
        ...(r.observer.caughtUpAt ? { caughtUpAt: r.observer.caughtUpAt - r.changedAt } : {}),
        ...((r.passedLineAt ?? r.failedLineAt) ? { verdictAt: (r.passedLineAt ?? r.failedLineAt)! - r.changedAt } : {}),
      };
      if (r.run.report?.deployments[0]?.rollback) {
        // After the rollback, once the restored pods are the healthy targets: is the service back?
        r.observer.arm(OLD_IMAGE);
        await waitFor(async () => r.observer.caughtUp(r.observer.lbState()), {
          timeoutMs: 120_000,
          intervalMs: 100,
          description: 'the restored pods to be healthy targets',
        });
        const from = Date.now();
        await sleep(5_000);
        outcome.afterRollback = codes(window(r.attack.hits, from, Date.now()));
      }
      return outcome;
    } finally {
      r.attack.stop();
      r.observer.stop();
    }
  } finally {
    await stage.teardown();
  }
}

function gateEntryShown(): string {
  const entry = process.env['ZD_GATE_ENTRY'] || `${repoRoot}/dist/index.js`;
  const rel = relative(repoRoot, entry);
  return rel.startsWith('..') ? entry : rel;
}

function section(o: Outcome, n: number): string {
  const d = o.run.report?.deployments[0];
  const errors = o.validate.findings.filter((f) => f.severity === 'error').length;
  const findings = o.validate.findings.length
    ? o.validate.findings
        .map(
          (f) =>
            `${isAbsolute(f.file) ? relative(repoRoot, f.file) : f.file}:${f.line}  ${f.severity.padEnd(7)}  ${f.message}  [${f.ruleId}]`,
        )
        .join('\n')
    : 'No findings.';
  const timing = [
    o.kubectlAt !== undefined
      ? `kubectl rollout status would have said "successfully rolled out" ${seconds(o.kubectlAt)} after the image change`
      : 'kubectl rollout status never said "successfully rolled out" (the gate rolled back first)',
    o.caughtUpAt !== undefined
      ? `the load balancer caught up (every new pod a healthy target, no old one) at ${seconds(o.caughtUpAt)}`
      : undefined,
    o.verdictAt !== undefined ? `the gate's verdict came at ${seconds(o.verdictAt)}` : undefined,
  ].filter((l): l is string => l !== undefined);
  return [
    `${n}. ${o.c.title}`,
    `   ${relative(repoRoot, o.c.manifest)}`,
    '',
    `   Before deploying: zd-gate validate  → exit ${o.validate.exitCode}, ${errors} error(s), ${o.validate.findings.length - errors} other finding(s)`,
    indent(findings, '     '),
    '',
    `   The rollout (kubectl set image ${OLD_IMAGE} → ${NEW_IMAGE}), 100 req/s through the simulated ALB,`,
    `   from the image change until 8 s after the gate exited${o.run.report?.deployments[0]?.rollback ? ' (its rollback included)' : ''}:`,
    indent(o.traffic, '     '),
    '',
    `   After deploying: zd-gate watch --rollback  → exit ${o.run.exitCode}: ${d ? `${d.result} (${d.reason})` : (o.run.report?.error ?? 'no report')}`,
    ...timing.map((l) => `     ${l}`),
    ...(d?.rollback ? [`     rollback: ${d.rollback.status}: ${d.rollback.message}`] : []),
    ...(o.afterRollback !== undefined
      ? [`     traffic once the restored pods were healthy targets again (5 s): ${o.afterRollback}`]
      : []),
    '',
    "   The gate's log:",
    indent(gateLog(o.run), '     │ '),
  ].join('\n');
}

it("replays the seeds' experiment with both gates", { timeout: 15 * 60_000 }, async () => {
  const started = Date.now();
  const outcomes: Outcome[] = [];
  for (const c of CASES) outcomes.push(await replay(c));

  const summary = [
    '| Manifest | validate | Requests during the rollout | watch gate |',
    '|---|---|---|---|',
    ...outcomes.map((o) => {
      const d = o.run.report?.deployments[0];
      const v =
        o.validate.exitCode === 0
          ? 'pass'
          : `fail (${[...new Set(o.validate.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))].join(', ')})`;
      const gate = d ? `${d.result} (${d.reason})${d.rollback ? `, rollback ${d.rollback.status}` : ''}` : 'no verdict';
      return `| ${relative(repoRoot, o.c.manifest)} | ${v} | ${o.trafficCodes} | ${gate} |`;
    }),
  ];
  const report = [
    "zd-gate demo: the seeds' rolling-update experiment, replayed",
    '',
    'A real kube-apiserver, controller-manager, scheduler and etcd with kwok nodes (scripts/e2e),',
    'and a simulated AWS Load Balancer Controller, ALB and ELBv2 API (__tests__/e2e/sim) on loopback.',
    'Load-balancer times are scaled by 0.1 (health check every 1.5 s, deregistration propagation',
    '1 s, preStop 70 s → 7 s), so a rollout takes seconds. The gate under test is the bundle',
    `${gateEntryShown()}, run as users run it.`,
    '',
    ...outcomes.map((o, i) => section(o, i + 1)).flatMap((s) => [s, '']),
    'Summary',
    '',
    ...summary,
    '',
    `Measured on this machine in ${seconds(Date.now() - started)}.`,
  ].join('\n');

  const target = process.env['ZD_DEMO_REPORT'];
  if (target) writeFileSync(target, `${report}\n`);
  else console.log(report);

  for (const o of outcomes) {
    expect(o.run.killed).toBe(false);
    expect(o.run.report, `no report from the gate:\n${o.run.text}`).toBeDefined();
  }
});
