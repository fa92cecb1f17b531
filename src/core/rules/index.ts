/**
 * The rule registry: every rule, sorted by id. Adding a rule = its file + its cases file
 * (__tests__/rules/<id>.cases.ts) + one line here; the docs and the config schema regenerate.
 */
import { compareText } from '../findings.js';
import type { Rule } from './rule.js';
import danglingBackend from './dangling-backend.js';
import deregistrationDelay from './deregistration-delay.js';
import duplicateObject from './duplicate-object.js';
import fieldType from './field-type.js';
import healthcheckPath from './healthcheck-path.js';
import hpaReplicas from './hpa-replicas.js';
import livenessProbe from './liveness-probe.js';
import minReplicas from './min-replicas.js';
import pdbBlocksDrain from './pdb-blocks-drain.js';
import podDisruptionBudget from './pod-disruption-budget.js';
import prestopBinary from './prestop-binary.js';
import prestopDuration from './prestop-duration.js';
import prestopHook from './prestop-hook.js';
import readinessGate from './readiness-gate.js';
import readinessGateType from './readiness-gate-type.js';
import readinessProbe from './readiness-probe.js';
import rollingUpdate from './rolling-update.js';
import servicePort from './service-port.js';
import targetTypeIp from './target-type-ip.js';
import terminationGrace from './termination-grace.js';
import unrenderedTemplate from './unrendered-template.js';
import yamlSyntax from './yaml-syntax.js';

const ALL: readonly Rule[] = [
  danglingBackend,
  deregistrationDelay,
  duplicateObject,
  fieldType,
  healthcheckPath,
  hpaReplicas,
  livenessProbe,
  minReplicas,
  pdbBlocksDrain,
  podDisruptionBudget,
  prestopBinary,
  prestopDuration,
  prestopHook,
  readinessGate,
  readinessGateType,
  readinessProbe,
  rollingUpdate,
  servicePort,
  targetTypeIp,
  terminationGrace,
  unrenderedTemplate,
  yamlSyntax,
] as readonly Rule[];

function registry(rules: readonly Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.meta.id)) throw new Error(`duplicate rule id ${r.meta.id}`);
    seen.add(r.meta.id);
  }
  return [...rules].sort((a, b) => compareText(a.meta.id, b.meta.id));
}

export const RULES: readonly Rule[] = registry(ALL);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
