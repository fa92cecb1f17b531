/**
 * The rule format. A rule is data about itself (meta: id, default severity, parameters, docs) plus
 * one function that reads the object graph and reports. It never computes positions or severities
 * from config: the engine does that, so every rule gets exact lines, suppression and config for free.
 */
import type { Graph, Reach } from '../graph/graph.js';
import type { Workload } from '../graph/workload.js';
import type { ParseIssue } from '../manifest/parse.js';
import type { K8sObject, Path } from '../manifest/types.js';
import type { Severity } from '../findings.js';

export type { Severity };

export interface IntegerParam {
  readonly type: 'integer';
  readonly default: number;
  readonly minimum?: number;
  readonly description: string;
}
export interface StringListParam {
  readonly type: 'string[]';
  readonly default: readonly string[];
  readonly description: string;
}
export type ParamSpec = IntegerParam | StringListParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
export type ParamValues<P extends ParamSpecs> = {
  readonly [K in keyof P]: P[K] extends IntegerParam ? number : readonly string[];
};

/**
 * What a rule judges, and so how the scope model treats its findings (docs/validate-scope.md):
 * - `load-balanced`: workloads behind a load balancer (it needs one among the inputs to say anything);
 * - `served`: every workload a Service selects; on workloads that only in-cluster clients reach,
 *   findings are capped at the `scope.in-cluster` level of the config (default notice);
 * - `workloads`: every workload, served or not, at full severity (a hazard whoever calls it);
 * - `inputs`: the manifests themselves (syntax, types, duplicates), independent of traffic.
 */
export type Applicability = 'load-balanced' | 'served' | 'workloads' | 'inputs';

/** One line per applicability, for the generated rule docs. */
export const APPLICABILITY: Readonly<Record<Applicability, string>> = {
  'load-balanced':
    'workloads behind a load balancer among the inputs (or, with none among the inputs at all, any served workload, as one may front it from elsewhere).',
  served:
    'every workload a Service selects; on workloads only in-cluster clients reach, at most at the `scope.in-cluster` level (default notice).',
  workloads: 'every workload, served or not, at full severity.',
  inputs: 'the manifests themselves, whatever they serve.',
};

export interface RuleMeta<P extends ParamSpecs = ParamSpecs> {
  /** Public, stable id (kebab-case); the rule's file is named after it. */
  readonly id: string;
  readonly severity: Severity;
  readonly appliesTo: Applicability;
  /** One line: what it checks. */
  readonly summary: string;
  /** Why it matters for zero-downtime rollouts (a paragraph, markdown). */
  readonly rationale: string;
  /** What to change. */
  readonly fix: string;
  /** When the rule applies at all (which objects, which conditions). */
  readonly scope: string;
  readonly params: P;
  /** Severity variants a report may carry (documented; config severity overrides all of them). */
  readonly variants?: readonly { readonly severity: Severity; readonly when: string }[];
  readonly references?: readonly { readonly title: string; readonly url: string }[];
  /** Short YAML excerpts for the generated docs. */
  readonly examples?: { readonly incorrect: string; readonly correct: string };
}

/** A finding about a field of an object. `path` is the field to fix; it need not exist. */
export interface ObjectReport {
  readonly object: K8sObject;
  readonly path: Path;
  /**
   * The message; for a finding about several workloads (`subjects`), a function of the ones that
   * are not suppressed, so the message lists exactly those.
   */
  readonly message: string | ((subjects: readonly K8sObject[]) => string);
  /** The workload the finding is about, when it is reported on another object (a Namespace, a Service). */
  readonly subject?: K8sObject;
  /** The workloads one finding is about (one Namespace shared by many): each can be suppressed on its own. */
  readonly subjects?: readonly K8sObject[];
  readonly container?: string;
  /** A documented variant of the default severity (see meta.variants). */
  readonly severity?: Severity;
}

export interface RuleContext<P extends ParamSpecs = ParamSpecs> {
  readonly graph: Graph;
  /** Who reaches the workload, with the config's `scope.without-load-balancers` applied. */
  reach(w: Workload): Reach;
  readonly params: ParamValues<P>;
  /** Documents that could not be read (for yaml-syntax and unrendered-template). */
  readonly parseIssues: readonly ParseIssue[];
  report(r: ObjectReport): void;
  reportIssue(issue: ParseIssue): void;
}

export interface Rule<P extends ParamSpecs = ParamSpecs> {
  readonly meta: RuleMeta<P>;
  check(ctx: RuleContext<P>): void;
}

/** Identity function that keeps the parameter types of a rule precise. */
export function defineRule<P extends ParamSpecs>(rule: Rule<P>): Rule<P> {
  return rule;
}
