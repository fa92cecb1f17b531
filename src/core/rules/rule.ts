/**
 * The rule format. A rule is data about itself (meta: id, default severity, parameters, docs) plus
 * one function that reads the object graph and reports. It never computes positions or severities
 * from config: the engine does that, so every rule gets exact lines, suppression and config for free.
 */
import type { Graph } from '../graph/graph.js';
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

export interface RuleMeta<P extends ParamSpecs = ParamSpecs> {
  /** Public, stable id (kebab-case); the rule's file is named after it. */
  readonly id: string;
  readonly severity: Severity;
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
  readonly message: string;
  /** The workload the finding is about, when it is reported on another object (a Namespace, a Service). */
  readonly subject?: K8sObject;
  readonly container?: string;
  /** A documented variant of the default severity (see meta.variants). */
  readonly severity?: Severity;
}

export interface RuleContext<P extends ParamSpecs = ParamSpecs> {
  readonly graph: Graph;
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
