/**
 * Parsed files + config → findings. The engine builds the graph once, runs every enabled rule
 * with its parameters, and turns each report into a finding: exact range (computed only now, for
 * the documents that have findings), configured severity, the scope model's cap for in-cluster-only
 * workloads, per-object suppression.
 *
 * The result does not depend on the order the files are given in: they are read in the order of
 * their paths (then their position), so `validate a b` and `validate b a` give the same findings.
 */
import {
  bySeverityThenPlace,
  compareText,
  SEVERITY_RANK,
  type Finding,
  type Problem,
  type Severity,
} from '../findings.js';
import { buildGraph, type Graph, type Reach } from '../graph/graph.js';
import type { Workload } from '../graph/workload.js';
import { locate, type Location } from '../manifest/locate.js';
import { toObjects, type Note } from '../manifest/objects.js';
import type { ParsedFile, ParseIssue } from '../manifest/parse.js';
import { describeObject, refOf, type K8sObject, type ObjectRef, type Path } from '../manifest/types.js';
import type { ObjectReport, ParamSpecs, ParamValues, Rule, RuleContext } from '../rules/rule.js';
import { DEFAULT_SCOPE, suggest, type Config } from './config.js';

export const IGNORE_ANNOTATION = 'zd-gate/ignore';

export interface LintInput {
  readonly files: readonly ParsedFile[];
  readonly defaultNamespace: string;
  readonly config: Config;
  readonly rules: readonly Rule[];
}

export interface LintResult {
  /** Sorted most severe first, then by file and line. */
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly graph: Graph;
  readonly objectCount: number;
  readonly suppressed: number;
  /** Workloads no Service among the inputs selects: the zero-downtime rules did not apply to them. */
  readonly unserved: readonly ObjectRef[];
}

export function lint(input: LintInput): LintResult {
  const problems: Problem[] = [];
  const issues: ParseIssue[] = [];
  const files = [...input.files].sort((a, b) => compareText(a.file.path, b.file.path));
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
      else issues.push(i);
    }
    return f.docs;
  });
  const { objects, issues: objectIssues, notes } = toObjects(docs, input.defaultNamespace);
  for (const i of objectIssues) {
    if (i.kind === 'unreadable')
      problems.push({ severity: 'error', message: i.message, file: i.file.path, line: i.range.line, column: 1 });
    else issues.push(i);
  }
  for (const p of boundNotes(notes)) problems.push(p);

  const graph = buildGraph(objects);
  const known = new Set(input.rules.map((r) => r.meta.id));
  const ignores = ignoreIndex(objects, known, problems);
  const workloadByObject = new Map<K8sObject, Workload>(graph.workloads.map((w) => [w.object, w]));
  const scope = input.config.scope ?? DEFAULT_SCOPE;
  const reachOf = (o: K8sObject): Reach | undefined => {
    const w = workloadByObject.get(o);
    if (!w) return undefined;
    const r = graph.reach(w);
    return r === 'unknown' && scope.withoutLoadBalancers === 'in-cluster' ? 'in-cluster' : r;
  };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let suppressed = 0;

  const push = (f: Finding): void => {
    const key = `${f.ruleId}\u0000${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };

  for (const rule of input.rules) {
    const setting = input.config.rules.get(rule.meta.id);
    if (setting?.severity === 'off') continue;
    const severityOf = (variant: Severity | undefined): Severity =>
      (setting?.severity as Severity | undefined) ?? variant ?? rule.meta.severity;
    const params = paramsOf(rule.meta.params, setting?.params ?? {});
    const scoped = rule.meta.appliesTo === 'served';
    checkGuarded(rule, problems, {
      graph,
      reach: (w) => reachOf(w.object) ?? graph.reach(w),
      params,
      parseIssues: issues,
      report: (r: ObjectReport) => {
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
          if (SEVERITY_RANK[severity] > SEVERITY_RANK[scope.inCluster]) severity = scope.inCluster;
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
          object: refOf(r.object),
          ...(r.container !== undefined ? { container: r.container } : {}),
          ...(subject ? { workload: refOf(subject) } : {}),
          at: { object: r.object, path: r.path },
        });
      },
      reportIssue: (i: ParseIssue) =>
        push({
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

  findings.sort(bySeverityThenPlace);
  const served = new Set(graph.servedWorkloads());
  return {
    findings,
    problems,
    graph,
    objectCount: objects.length,
    suppressed,
    unserved: graph.workloads.filter((w) => !served.has(w)).map((w) => refOf(w.object)),
  };
}

/** Runs one rule; a bug in it costs that rule's findings, never the run or the other rules' findings. */
function checkGuarded(rule: Rule, problems: Problem[], ctx: RuleContext): void {
  try {
    rule.check(ctx);
  } catch (e) {
    problems.push({
      severity: 'error',
      message: `zd-gate's rule \`${rule.meta.id}\` failed (internal error: ${e instanceof Error ? e.message : String(e)}), so its findings may be incomplete; the other rules ran. Please report this with the manifest that caused it.`,
    });
  }
}

/** The finding's place; the object's own line when its document cannot be re-read for positions. */
function locateSafely(o: K8sObject, path: Path): Location {
  try {
    return locate(o, path);
  } catch {
    const line = o.doc.startLine;
    return { file: o.doc.file.path, line, column: 1, endLine: line, endColumn: 1, exact: false };
  }
}

function paramsOf<P extends ParamSpecs>(
  specs: P,
  given: Readonly<Record<string, number | readonly string[]>>,
): ParamValues<P> {
  const out: Record<string, number | readonly string[]> = {};
  for (const [k, spec] of Object.entries(specs)) out[k] = given[k] ?? spec.default;
  return out as ParamValues<P>;
}

type IgnoreIndex = Map<K8sObject, ReadonlySet<string>>;

/** `zd-gate/ignore: rule-a, rule-b` (or `all`) on any object; unknown ids are problems, not no-ops. */
function ignoreIndex(objects: readonly K8sObject[], known: ReadonlySet<string>, problems: Problem[]): IgnoreIndex {
  const index: IgnoreIndex = new Map();
  for (const o of objects) {
    const raw = o.annotations[IGNORE_ANNOTATION];
    if (raw === undefined) continue;
    const ids = raw.split(/[\s,]+/).filter((s) => s !== '');
    const ok = new Set<string>();
    for (const id of ids) {
      if (id === 'all' || id === '*' || known.has(id)) {
        ok.add(id === '*' ? 'all' : id);
      } else {
        const loc = locateSafely(o, ['metadata', 'annotations', IGNORE_ANNOTATION]);
        problems.push({
          severity: 'error',
          message: `${describeObject(o)}: \`${IGNORE_ANNOTATION}\` names unknown rule \`${id}\`${suggest(id, [...known])}`,
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

function isIgnored(index: IgnoreIndex, id: string, o: K8sObject): boolean {
  const set = index.get(o);
  return set !== undefined && (set.has(id) || set.has('all'));
}

/** Notes (documents that are not Kubernetes objects) kept per file; the rest are counted in one more. */
export const NOTES_PER_FILE = 20;

/**
 * One notice per document that is not a Kubernetes object, up to NOTES_PER_FILE in a file; then one
 * notice saying how many more that file has from which line, so a file of 130,000 such documents
 * gives 21 problems, not 130,000 (every report stays proportional to what there is to fix).
 */
function boundNotes(notes: readonly Note[]): Problem[] {
  const out: Problem[] = [];
  const omitted = new Map<string, { count: number; line: number }>();
  const kept = new Map<string, number>();
  for (const n of notes) {
    const k = kept.get(n.file) ?? 0;
    if (k < NOTES_PER_FILE) {
      kept.set(n.file, k + 1);
      out.push({ severity: 'notice', message: n.message, file: n.file, line: n.line });
      continue;
    }
    const o = omitted.get(n.file);
    if (o) o.count++;
    else omitted.set(n.file, { count: 1, line: n.line });
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
