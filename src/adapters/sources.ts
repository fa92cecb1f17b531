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
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Problem } from '../core/findings.js';
import type { HelmSource, KustomizeSource, SourceRef } from '../core/sourcemap/origin.js';
import { sourceKey } from '../core/sourcemap/origin.js';
import type { ResolvedSource } from '../core/sourcemap/map.js';

export interface SourceOptions {
  /** The workspace: every source file must be inside it. */
  readonly workspace: string;
  /** Folders holding charts (or charts themselves), to choose among charts of the same name. */
  readonly chartRoots?: readonly string[];
  /** The kustomization folder that was built, when the workspace has several that fit. */
  readonly kustomizeRoot?: string;
}

export interface ResolveResult {
  readonly resolved: Map<string, ResolvedSource>;
  /** Sources that could not be found or were ambiguous: notices naming what to set. */
  readonly problems: Problem[];
}

/** Bounds: how many Chart.yaml / kustomization files are indexed, and how large a source may be. */
export const MAX_INDEXED = 5_000;
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
const MAX_SOURCES = 2_000;
// Like the manifest walk: hidden folders and node_modules are neither searched nor entered.
const IGNORE = ['**/node_modules/**', '**/.*/**'];

interface Chart {
  readonly dir: string;
  readonly name: string;
  readonly deps: readonly { name: string; alias?: string; repository?: string }[];
}

export async function resolveSources(refs: readonly SourceRef[], opts: SourceOptions): Promise<ResolveResult> {
  const resolved = new Map<string, ResolvedSource>();
  const problems: Problem[] = [];
  if (refs.length === 0) return { resolved, problems };
  const workspace = await realpath(opts.workspace).catch(() => path.resolve(opts.workspace));
  const ctx = new Context(workspace, opts);
  const unresolved = new Map<string, string>();
  for (const ref of refs.slice(0, MAX_SOURCES)) {
    const answer = ref.kind === 'helm' ? await ctx.helm(ref) : await ctx.kustomize(ref);
    if ('file' in answer) resolved.set(sourceKey(ref), answer);
    else if (!unresolved.has(answer.why)) unresolved.set(answer.why, answer.why);
  }
  for (const why of unresolved.values()) problems.push({ severity: 'notice', message: why });
  if (refs.length > MAX_SOURCES)
    problems.push({
      severity: 'notice',
      message: `Findings come from ${refs.length} source files; only the first ${MAX_SOURCES} were mapped back to their templates.`,
    });
  return { resolved, problems };
}

type Answer = ResolvedSource | { why: string };

class Context {
  private charts?: Promise<Chart[]>;
  private kustomizations?: Promise<string[]>;
  private readonly roots: readonly string[];

  constructor(
    private readonly workspace: string,
    private readonly opts: SourceOptions,
  ) {
    this.roots = (opts.chartRoots ?? []).map((r) => path.resolve(workspace, r));
  }

  async helm(ref: HelmSource): Promise<Answer> {
    const charts = await this.chartIndex();
    let dirs = charts.filter((c) => c.name === ref.charts[0]).map((c) => c.dir);
    for (const sub of ref.charts.slice(1)) {
      const next = new Set<string>();
      for (const parent of dirs) {
        const nested = path.join(parent, 'charts', sub);
        if (charts.some((c) => c.dir === nested)) next.add(nested);
        const meta = charts.find((c) => c.dir === parent);
        for (const d of meta?.deps ?? []) {
          if ((d.alias ?? d.name) !== sub) continue;
          if (d.repository?.startsWith('file://')) {
            const dir = path.resolve(parent, d.repository.slice('file://'.length));
            if (charts.some((c) => c.dir === dir)) next.add(dir);
          }
          for (const c of charts) if (c.name === d.name) next.add(c.dir);
        }
      }
      if (next.size === 0) for (const c of charts) if (c.name === sub) next.add(c.dir);
      dirs = [...next];
    }
    const chart = ref.charts.join('/');
    if (this.roots.length > 0) dirs = dirs.filter((d) => this.roots.some((r) => d === r || isInside(r, d)));
    const files = await this.existing(dirs.map((d) => path.join(d, ref.file)));
    if (files.length === 1) return this.read(files[0] as string);
    if (files.length === 0)
      return {
        why: `Helm chart \`${chart}\` (from \`# Source: ${ref.raw}\`) is not in the workspace${this.roots.length ? ' under chart-roots' : ''}: its findings stay on the rendered file. Check out the chart's sources, or set \`chart-roots\` to the folder holding it.`,
      };
    return {
      why: `Helm chart \`${chart}\` is in ${files.length} places (${files.map((f) => this.show(f)).join(', ')}): its findings stay on the rendered file. Set \`chart-roots\` to the folder of the chart that was rendered.`,
    };
  }

  async kustomize(ref: KustomizeSource): Promise<Answer> {
    const roots = this.opts.kustomizeRoot
      ? [path.resolve(this.workspace, this.opts.kustomizeRoot)]
      : await this.kustomizationIndex();
    const files = await this.existing(roots.map((r) => path.resolve(r, ref.path)));
    if (files.length === 1) return this.read(files[0] as string);
    if (files.length === 0)
      return {
        why: `Kustomize resource \`${ref.path}\` (from the \`config.kubernetes.io/origin\` annotation) is not found ${this.opts.kustomizeRoot ? `relative to kustomize-root \`${this.opts.kustomizeRoot}\`` : 'relative to any kustomization in the workspace'}: its findings stay on the rendered file.${this.opts.kustomizeRoot ? '' : ' Set `kustomize-root` to the folder you built.'}`,
      };
    return {
      why: `Kustomize resource \`${ref.path}\` names ${files.length} files depending on the kustomization built (${files.map((f) => this.show(f)).join(', ')}): its findings stay on the rendered file. Set \`kustomize-root\` to the folder you built.`,
    };
  }

  private show(abs: string): string {
    return path.relative(this.workspace, abs).split(path.sep).join('/');
  }

  /** The real paths, deduplicated, of the candidates that are regular files inside the workspace. */
  private async existing(candidates: readonly string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const c of candidates) {
      const real = await realpath(c).catch(() => undefined);
      if (!real || !isInside(this.workspace, real)) continue;
      const st = await stat(real).catch(() => undefined);
      if (st?.isFile() && st.size <= MAX_SOURCE_BYTES) out.add(real);
    }
    return [...out];
  }

  private async read(abs: string): Promise<Answer> {
    try {
      return { file: this.show(abs), text: await readFile(abs, 'utf8') };
    } catch (e) {
      return { why: `Cannot read ${this.show(abs)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.` };
    }
  }

  private chartIndex(): Promise<Chart[]> {
    this.charts ??= (async () => {
      const found = await this.find(['**/Chart.yaml']);
      const charts: Chart[] = [];
      for (const file of found) {
        const meta = await readSmallYaml(file);
        const name = meta && typeof meta.name === 'string' ? meta.name : undefined;
        if (!name) continue;
        const deps = Array.isArray(meta?.dependencies)
          ? (meta.dependencies as unknown[]).flatMap((d) => {
              if (!d || typeof d !== 'object') return [];
              const r = d as Record<string, unknown>;
              if (typeof r.name !== 'string') return [];
              return [
                {
                  name: r.name,
                  ...(typeof r.alias === 'string' ? { alias: r.alias } : {}),
                  ...(typeof r.repository === 'string' ? { repository: r.repository } : {}),
                },
              ];
            })
          : [];
        charts.push({ dir: path.dirname(file), name, deps });
      }
      return charts;
    })();
    return this.charts;
  }

  private kustomizationIndex(): Promise<string[]> {
    this.kustomizations ??= this.find(['**/kustomization.yaml', '**/kustomization.yml', '**/Kustomization']).then(
      (files) => [...new Set(files.map((f) => path.dirname(f)))],
    );
    return this.kustomizations;
  }

  /** Files matching the patterns under the workspace, real paths inside it, at most MAX_INDEXED. */
  private async find(patterns: string[]): Promise<string[]> {
    const hits = await glob(patterns, {
      cwd: this.workspace,
      absolute: true,
      ignore: IGNORE,
      dot: false,
      followSymbolicLinks: false,
      onlyFiles: true,
    });
    const out: string[] = [];
    for (const h of hits.sort().slice(0, MAX_INDEXED)) {
      const st = await lstat(h).catch(() => undefined);
      if (st?.isFile()) out.push(path.resolve(h));
    }
    return out;
  }
}

async function readSmallYaml(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const st = await stat(file);
    if (st.size > 256 * 1024) return undefined;
    // js-yaml (already warm from reading the manifests) shares aliased nodes instead of copying them.
    const v: unknown = load(await readFile(file, 'utf8'), { schema: CORE_SCHEMA });
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
