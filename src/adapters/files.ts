/**
 * Input patterns → source files. Files, folders (searched for *.yaml, *.yml, *.json) and globs;
 * `-` is standard input. Whatever cannot be read becomes a problem naming the pattern or file and
 * what to do; it never stops the other files, and a pattern that matches nothing is an error.
 *
 * What is read stays inside what the user named (docs/inputs.md):
 * - The input roots are the folders and files named and the fixed folder a glob starts from
 *   (`manifests` of `manifests/**\/*.yaml`). A symbolic link found below a root is followed only
 *   when its target is inside a root; in the action, nothing named inside the workspace may lead
 *   out of it (the pull request decides what the checkout's links point at).
 * - Only regular files are read (no FIFOs, sockets or devices such as /dev/zero or a link to
 *   standard input), each at most once (links are resolved to the real file).
 * - Hidden entries (a name starting with `.`) and `node_modules` below a root are skipped, and
 *   counted, with every other skip, in the report.
 * - Each file (and standard input) is bounded, and so is the sum of all of them.
 */
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Problem } from '../core/findings.js';
import type { SourceFile } from '../core/manifest/types.js';

const MiB = 1024 * 1024;
/** Larger files are refused rather than read: a rendered chart is a few MB at most. */
export const MAX_FILE_BYTES = 64 * MiB;
/** All inputs together, standard input included (the `max-input-size` input). */
export const DEFAULT_MAX_INPUT_BYTES = 256 * MiB;
const MANIFEST_FILE = /\.(?:ya?ml|json)$/i;
/** Skipped paths kept as examples for the report. */
const MAX_EXAMPLES = 10;

export type SkipReason = 'hidden' | 'node_modules' | 'outside-inputs' | 'not-a-file' | 'duplicate';

/** What the search passed over, and why: said in the report so no skip is silent. */
export interface SkippedInputs {
  /** Files and folders whose name starts with `.` below a folder or glob base. */
  readonly hidden: number;
  /** `node_modules` folders. */
  readonly nodeModules: number;
  /** Symbolic links whose target is outside the inputs (or, in the action, the workspace). */
  readonly outsideInputs: number;
  /** FIFOs, sockets, devices and broken links that look like manifests. */
  readonly notFiles: number;
  /** The same file reached again through a link: read once. */
  readonly duplicates: number;
  /** Up to ten of the skipped paths (as shown in the report: relative to the workspace), with the reason. */
  readonly examples: readonly { readonly path: string; readonly reason: SkipReason }[];
}

export const NOTHING_SKIPPED: SkippedInputs = {
  hidden: 0,
  nodeModules: 0,
  outsideInputs: 0,
  notFiles: 0,
  duplicates: 0,
  examples: [],
};

export interface ReadResult {
  readonly files: SourceFile[];
  readonly problems: Problem[];
  readonly skipped: SkippedInputs;
  /** Bytes read, standard input included. */
  readonly bytes: number;
}

export interface ReadOptions {
  readonly cwd: string;
  /** Paths are shown relative to this folder (the workspace), so annotations land on the right file. */
  readonly displayRoot: string;
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * The action's workspace: a path named inside it must not lead outside it through links. Paths
   * named outside it (a file in the runner's temp folder) are read as named.
   */
  readonly confineTo?: string;
  /** Sum of all inputs; default {@link DEFAULT_MAX_INPUT_BYTES}. */
  readonly maxTotalBytes?: number;
  /** One file or standard input; default {@link MAX_FILE_BYTES}. */
  readonly maxFileBytes?: number;
  /** How the total limit is set, for the message (`input \`max-input-size\``, `--max-input-size`). */
  readonly totalLimitName?: string;
}

interface Candidate {
  readonly real: string;
  readonly display: string;
}

/** A folder or glob to search, with the test a file's path (relative to `base`) must pass. */
interface Search {
  readonly pattern: string;
  readonly base: string;
  readonly matches: (rel: string) => boolean;
  /** Folder depth the search descends to (Infinity for `**` and folders). */
  readonly maxDepth: number;
  /** A folder named as such (rather than a glob), for the message when it holds nothing. */
  readonly isFolder: boolean;
  readonly candidates: Candidate[];
}

class Skips {
  hidden = 0;
  nodeModules = 0;
  outsideInputs = 0;
  notFiles = 0;
  duplicates = 0;
  readonly examples: { path: string; reason: SkipReason }[] = [];

  add(reason: SkipReason, where: string): void {
    if (reason === 'hidden') this.hidden++;
    else if (reason === 'node_modules') this.nodeModules++;
    else if (reason === 'outside-inputs') this.outsideInputs++;
    else if (reason === 'not-a-file') this.notFiles++;
    else this.duplicates++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push({ path: where, reason });
  }

  result(): SkippedInputs {
    const { hidden, nodeModules, outsideInputs, notFiles, duplicates, examples } = this;
    return { hidden, nodeModules, outsideInputs, notFiles, duplicates, examples };
  }
}

export async function readManifests(patterns: readonly string[], opts: ReadOptions): Promise<ReadResult> {
  const problems: Problem[] = [];
  const skips = new Skips();
  const maxFile = opts.maxFileBytes ?? MAX_FILE_BYTES;
  const maxTotal = opts.maxTotalBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const show = (abs: string): string => displayPath(abs, opts.displayRoot);
  const confined = await confinement(opts.cwd, opts.confineTo);

  // 1. Each pattern → a named file or a search, in the order given. The real paths of the named
  //    folders, glob bases and files are the roots a link may lead into.
  const inputs: (Search | { readonly file: string; readonly real: string })[] = [];
  const rootDirs: string[] = [];
  const rootFiles = new Set<string>();
  let wantStdin = false;
  for (const pattern of patterns) {
    if (pattern === '-') {
      wantStdin = true;
      continue;
    }
    const scan = picomatch.scan(pattern);
    const abs = path.resolve(opts.cwd, scan.isGlob ? scan.base || '.' : pattern);
    const real = await realpath(abs).catch(() => undefined);
    const st = real === undefined ? undefined : await stat(real).catch(() => undefined);
    if (real !== undefined && !confined(abs, real)) {
      problems.push({
        severity: 'error',
        message: `\`${pattern}\` leads outside the workspace (to ${real}) through a symbolic link; zd-gate reads only what is inside the workspace there. Name the rendered files themselves.`,
      });
      continue;
    }
    if (scan.isGlob) {
      if (real !== undefined) rootDirs.push(real);
      inputs.push({
        pattern,
        base: abs,
        matches: picomatch(scan.glob, { dot: true }),
        maxDepth: scan.glob.includes('**') ? Infinity : scan.glob.split('/').length,
        isFolder: false,
        candidates: [],
      });
    } else if (real !== undefined && st?.isDirectory()) {
      rootDirs.push(real);
      inputs.push({
        pattern,
        base: abs,
        matches: (rel) => MANIFEST_FILE.test(rel),
        maxDepth: Infinity,
        isFolder: true,
        candidates: [],
      });
    } else if (real !== undefined && st) {
      rootFiles.add(real);
      inputs.push({ file: abs, real });
    } else {
      const link = await lstat(abs).catch(() => undefined);
      problems.push({
        severity: 'error',
        message: link?.isSymbolicLink()
          ? `\`${pattern}\` is a symbolic link to nothing (relative to ${opts.cwd}).`
          : `\`${pattern}\` does not exist (relative to ${opts.cwd}).`,
      });
    }
  }
  const insideRoots = (real: string): boolean => rootFiles.has(real) || rootDirs.some((r) => inside(r, real));

  // 2. Walk the searches; list every file in the order named, sorted within a search.
  const ordered: Candidate[] = [];
  for (const input of inputs) {
    if ('file' in input) {
      ordered.push({ real: input.real, display: show(input.file) });
      continue;
    }
    const found = await walk(input, insideRoots, skips);
    if (!found || input.candidates.length === 0) {
      problems.push({
        severity: 'error',
        message:
          found && input.isFolder
            ? `Folder \`${input.pattern}\` holds no .yaml, .yml or .json files; point \`manifests\` at the rendered output.`
            : `Pattern \`${input.pattern}\` matched no files (relative to ${opts.cwd}); check the path, or render the manifests before this step.`,
      });
    }
    input.candidates.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
    for (const c of input.candidates) ordered.push({ real: c.real, display: show(c.display) });
  }

  // 3. Read each real file once, within the per-file and total limits.
  const files: SourceFile[] = [];
  let bytes = 0;
  const limitName = opts.totalLimitName ?? '`max-input-size`';
  if (wantStdin && opts.stdin) {
    const r = await readStream(opts.stdin, Math.min(maxFile, maxTotal));
    if (r.over) {
      problems.push({
        severity: 'error',
        message:
          maxFile <= maxTotal
            ? `Standard input is over the ${mib(maxFile)} limit for one manifest file; write the manifests to files, or split them.`
            : `Standard input is over the ${mib(maxTotal)} total input limit (${limitName}).`,
        file: '<stdin>',
      });
    } else {
      bytes += r.bytes;
      files.push({ path: '<stdin>', text: stripBom(r.text) });
    }
  }
  const seen = new Set<string>();
  let overBudget: { first: string; more: number } | undefined;
  for (const c of ordered) {
    if (seen.has(c.real)) {
      skips.add('duplicate', c.display);
      continue;
    }
    seen.add(c.real);
    if (overBudget) {
      overBudget.more++;
      continue;
    }
    const r = await readRegularFile(c.real, maxFile, maxTotal - bytes);
    if (r.kind === 'text') {
      bytes += r.bytes;
      files.push({ path: c.display, text: stripBom(r.text) });
    } else if (r.kind === 'over-budget') {
      overBudget = { first: c.display, more: 0 };
    } else {
      const why =
        r.kind === 'not-a-file'
          ? `is not a regular file (${r.what}); zd-gate reads only regular files.`
          : r.kind === 'too-big'
            ? `is ${mib(r.size)}, over the ${mib(maxFile)} limit for one manifest file; split it.`
            : `cannot be read: ${r.code}.`;
      problems.push({ severity: 'error', message: `${c.display} ${why}`, file: c.display });
    }
  }
  if (overBudget) {
    const { first, more } = overBudget;
    problems.push({
      severity: 'error',
      message: `${first}${more > 0 ? ` and ${more} more file${more === 1 ? '' : 's'}` : ''} not read: the inputs would exceed the ${mib(maxTotal)} total input limit (${limitName}). Validate fewer files at once, or raise the limit.`,
      file: first,
    });
  }
  const skipped = skips.result();
  return {
    files,
    problems,
    skipped: { ...skipped, examples: skipped.examples.map((e) => ({ ...e, path: show(e.path) })) },
    bytes,
  };
}

/**
 * `(lexical, real) → allowed?`: with a workspace, a path named inside it must resolve inside it
 * (its links are the pull request's); paths named elsewhere are read as named.
 */
async function confinement(
  cwd: string,
  workspace: string | undefined,
): Promise<(lexical: string, real: string) => boolean> {
  if (!workspace) return () => true;
  const lexicalRoot = path.resolve(cwd, workspace);
  const realRoot = await realpath(lexicalRoot).catch(() => lexicalRoot);
  return (lexical, real) => !inside(lexicalRoot, lexical) || inside(realRoot, real);
}

/**
 * Fills `s.candidates` with the matching files below `s.base`; undefined when the base is not a
 * folder. Breadth first with an explicit queue: depth is the folder tree's, not the stack's.
 */
async function walk(s: Search, insideRoots: (real: string) => boolean, skips: Skips): Promise<boolean> {
  const baseReal = await realpath(s.base).catch(() => undefined);
  const baseStat = baseReal === undefined ? undefined : await stat(baseReal).catch(() => undefined);
  if (baseReal === undefined || !baseStat?.isDirectory()) return false;
  const visited = new Set<string>([baseReal]);
  // `real`: the folder's real path, so that only links cost a realpath call.
  const queue: { dir: string; real: string; rel: string; depth: number }[] = [
    { dir: s.base, real: baseReal, rel: '', depth: 0 },
  ];
  for (let i = 0; i < queue.length; i++) {
    const { dir, real: dirReal, rel, depth } = queue[i] as (typeof queue)[number];
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable folder: nothing in it can be read either
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const canDescend = depth + 1 < s.maxDepth;
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      let kind: 'dir' | 'file' | 'other' = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
      let real = path.join(dirReal, e.name);
      if (e.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        const st = target === undefined ? undefined : await stat(target).catch(() => undefined);
        if (target === undefined || st === undefined) {
          if (s.matches(relPath)) skips.add('not-a-file', abs); // a broken link
          continue;
        }
        kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        real = target;
        if ((kind === 'dir' ? canDescend : s.matches(relPath)) && !insideRoots(target)) {
          skips.add('outside-inputs', abs);
          continue;
        }
      }
      // Only what the search could have used counts as skipped.
      if (!(kind === 'dir' ? canDescend : s.matches(relPath))) continue;
      if (e.name.startsWith('.')) {
        skips.add('hidden', abs);
      } else if (kind === 'file') {
        s.candidates.push({ real, display: abs });
      } else if (kind === 'other') {
        skips.add('not-a-file', abs);
      } else if (e.name === 'node_modules') {
        skips.add('node_modules', abs);
      } else if (!visited.has(real)) {
        visited.add(real); // a link loop or a second link to one folder: walked once
        queue.push({ dir: abs, real, rel: relPath, depth: depth + 1 });
      }
    }
  }
  return true;
}

type FileRead =
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'too-big'; size: number }
  | { kind: 'over-budget' }
  | { kind: 'error'; code: string };

/**
 * Opens without blocking (a FIFO would wait for a writer), checks the opened file is a regular
 * file, and reads at most the limit plus one byte: a file's stat size is not its length
 * (/proc files say 0) and can change while it is read.
 */
async function readRegularFile(file: string, maxFile: number, budget: number): Promise<FileRead> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'error', code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { kind: 'not-a-file', what: describeType(st) };
    if (st.size > maxFile) return { kind: 'too-big', size: st.size };
    if (st.size > budget) return { kind: 'over-budget' };
    const limit = Math.min(maxFile, budget);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), limit + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return total > maxFile ? { kind: 'too-big', size: total } : { kind: 'over-budget' };
    }
    return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8'), bytes: total };
  } catch (e) {
    return { kind: 'error', code: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function describeType(st: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}

/** True when `p` is `dir` or below it (both absolute, normalised). */
function inside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `64 MiB`, `1.5 MiB`, `200 KiB`, `12 bytes`. */
function mib(bytes: number): string {
  const [v, unit] = bytes >= MiB ? [bytes / MiB, 'MiB'] : bytes >= 1024 ? [bytes / 1024, 'KiB'] : [bytes, 'bytes'];
  return `${v >= 10 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}

function displayPath(abs: string, root: string): string {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Standard input, at most `limit` bytes: beyond that the stream is let go and `over` is set. */
async function readStream(
  stream: NodeJS.ReadableStream,
  limit: number,
): Promise<{ text: string; bytes: number; over: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += b.length;
    if (bytes > limit) return { text: '', bytes, over: true };
    chunks.push(b);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, over: false };
}

/** The config file: the one named, which must exist, else `.zd-gate.yaml`/`.yml` in cwd when present. */
export async function readConfigFile(
  explicit: string | undefined,
  cwd: string,
  confineTo?: string,
): Promise<{ file?: SourceFile; problem?: Problem }> {
  const confined = await confinement(cwd, confineTo);
  const candidates = explicit ? [explicit] : ['.zd-gate.yaml', '.zd-gate.yml'];
  for (const c of candidates) {
    const abs = path.resolve(cwd, c);
    const real = await realpath(abs).catch(() => abs);
    if (!confined(abs, real)) {
      return {
        problem: {
          severity: 'error',
          message: `Config file \`${c}\` is a symbolic link to ${real}, outside the workspace; zd-gate reads no config from there.`,
        },
      };
    }
    const r = await readRegularFile(real, MAX_FILE_BYTES, MAX_FILE_BYTES);
    if (r.kind === 'text') return { file: { path: displayPath(abs, cwd), text: r.text } };
    if (explicit) {
      const why = r.kind === 'error' ? r.code : r.kind === 'not-a-file' ? r.what : `over ${mib(MAX_FILE_BYTES)}`;
      return {
        problem: {
          severity: 'error',
          message: `Config file \`${explicit}\` cannot be read (${why}); fix the \`config\` input or remove it.`,
        },
      };
    }
  }
  return {};
}
