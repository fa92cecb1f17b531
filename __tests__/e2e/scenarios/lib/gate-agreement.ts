/**
 * The invariant of the watch gate, checked in every scenario: its verdict agrees with the traffic
 * model over the watched window (from the change to the gate's exit).
 *
 * - Requests failed through the simulated load balancer ⇒ the gate did not pass, or it passed and
 *   its report names the blind spot (what target health cannot show) and the input that closes it.
 * - No request failed ⇒ the gate passed, or its verdict claims something an independent observer
 *   confirms without failed requests: capacity below the threshold (the observer's lowest count of
 *   healthy targets of existing pods is below it), or a rollout that did not finish (kubectl's rule
 *   never held, or the load balancer never caught up, during the watch), or it could not judge
 *   (result `error`: no claim about the traffic, and never a pass).
 *
 * The claim comes from the report (`claim`, a documented field), the confirmation from the
 * observer and the simulator; nothing from src/ is used.
 */
import { expect } from 'vitest';
import type { TrafficReport } from '../../sim/index.js';
import { codes, failed, log, record } from './figures.js';
import type { ObservedRollout } from './observe.js';
import type { DeploymentReportJson, GateRun } from './product.js';

export interface AgreementInput {
  readonly what: string;
  readonly run: GateRun;
  /** Traffic from the change to the gate's exit (or the verdict). */
  readonly traffic: TrafficReport;
  /** The independent observer's account of the watched rollout, when the scenario has one. */
  readonly observer?: ObservedRollout;
  /** The Deployment whose verdict is held against the traffic (default: the first). */
  readonly deployment?: string;
}

export function expectGateAgrees(i: AgreementInput): void {
  const d: DeploymentReportJson | undefined = i.deployment
    ? i.run.report?.deployments.find((x) => x.name === i.deployment)
    : i.run.report?.deployments[0];
  expect(d, `${i.what}: the gate wrote no verdict (${i.run.report?.error ?? 'no report'})`).toBeDefined();
  const v = d!;
  const failedRequests = failed(i.traffic);
  const o = i.observer;
  const minHealthy = o && Number.isFinite(o.minHealthy) ? o.minHealthy : undefined;
  const confirmation =
    v.claim === 'capacity-below-threshold'
      ? `observer's lowest healthy count ${minHealthy ?? 'n/a'} vs threshold ${v.threshold}`
      : v.claim === 'not-rolled-out'
        ? `kubectl's rule ${o?.kubectlCompleteAt ? 'held' : 'never held'}; load balancer ${o?.caughtUpAt ? 'caught up' : 'never caught up'}`
        : '';
  log(`gate vs traffic model, ${i.what}`, [
    `traffic model: ${codes(i.traffic)} → ${failedRequests > 0 ? `${failedRequests} failed requests` : 'no failed request'}`,
    `gate: ${v.result} (${v.reason}, claim ${v.claim})${confirmation ? `; ${confirmation}` : ''}`,
    ...(v.blindSpots ?? []).map((b) => `blind spot named by the gate: ${b}`),
  ]);
  record('gate-agreement', {
    scenario: i.what,
    failedRequests,
    result: v.result,
    reason: v.reason,
    claim: v.claim,
    blindSpots: v.blindSpots ?? [],
  });
  if (failedRequests > 0) {
    if (v.result === 'success') {
      expect(
        v.blindSpots ?? [],
        `${i.what}: ${failedRequests} requests failed (${codes(i.traffic)}) but the gate passed without naming a blind spot`,
      ).not.toEqual([]);
    }
    expect(v.result).not.toBe('error');
    return;
  }
  switch (v.claim) {
    case 'no-loss-seen':
      expect(v.result).toBe('success');
      return;
    case 'capacity-below-threshold':
      expect(
        minHealthy,
        `${i.what}: the gate claims capacity below ${v.threshold}; the observer has no count`,
      ).toBeDefined();
      expect(
        minHealthy!,
        `${i.what}: no request failed and the observer never saw fewer than ${v.threshold} healthy targets`,
      ).toBeLessThan(v.threshold ?? 0);
      return;
    case 'could-not-judge':
      // An error claims nothing about the traffic (elb-metrics-missing, a denied call): it is only
      // never a pass.
      expect(v.result).toBe('error');
      return;
    case 'not-rolled-out':
      expect(o, `${i.what}: a not-rolled-out verdict needs the observer`).toBeDefined();
      expect(
        o!.kubectlCompleteAt === undefined || o!.caughtUpAt === undefined,
        `${i.what}: no request failed, the rollout completed and the load balancer caught up, yet the gate said ${v.reason}`,
      ).toBe(true);
      return;
    default:
      throw new Error(
        `${i.what}: no request failed through the load balancer, yet the gate said ${v.result} (${v.reason}, claim ${v.claim}): ${v.message}`,
      );
  }
}
