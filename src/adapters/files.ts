/**
 * Input patterns → source files. Files, folders (searched for *.yaml, *.yml, *.json) and globs;
 * `-` is standard input. Whatever cannot be read becomes a problem naming the pattern or file and
 * what to do; it never stops the other files, and a pattern that matches nothing is an error.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Problem } from '../core/findings.js';
import type { SourceFile } from '../core/manifest/types.js';

/** Larger files are refused rather than read: a rendered chart is a few MB at most. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MANIFEST_GLOB = '**/*.{yaml,yml,json}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface ReadResult {
  readonly files: SourceFile[];
  readonly problems: Problem[];
}

export interface ReadOptions {
  readonly cwd: string;
  /** Paths are shown relative to this folder (the workspace), so annotations land on the right file. */
  readonly displayRoot: string;
  readonly stdin?: NodeJS.ReadableStream;
}

export async function readManifests(patterns: readonly string[], opts: ReadOptions): Promise<ReadResult> {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const found: { abs: string; display: string }[] = [];
  let stdinText: string | undefined;

  for (const pattern of patterns) {
    if (pattern === '-') {
      if (stdinText === undefined && opts.stdin) stdinText = await readStream(opts.stdin);
      continue;
    }
    const abs = path.resolve(opts.cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    let matches: string[];
    if (st?.isFile()) {
      matches = [abs];
    } else if (st?.isDirectory()) {
      matches = await glob(MANIFEST_GLOB, { cwd: abs, absolute: true, ignore: IGNORED, dot: false });
      if (matches.length === 0) {
        problems.push({
          severity: 'error',
          message: `Folder \`${pattern}\` holds no .yaml, .yml or .json files; point \`manifests\` at the rendered output.`,
        });
      }
    } else if (isDynamicPattern(pattern)) {
      matches = await glob(pattern, { cwd: opts.cwd, absolute: true, ignore: IGNORED, onlyFiles: true });
      if (matches.length === 0) {
        problems.push({
          severity: 'error',
          message: `Pattern \`${pattern}\` matched no files (relative to ${opts.cwd}); check the path, or render the manifests before this step.`,
        });
      }
    } else {
      problems.push({ severity: 'error', message: `\`${pattern}\` does not exist (relative to ${opts.cwd}).` });
      matches = [];
    }
    for (const m of matches.sort()) {
      if (seen.has(m)) continue;
      seen.add(m);
      found.push({ abs: m, display: displayPath(m, opts.displayRoot) });
    }
  }

  const files: SourceFile[] = [];
  if (stdinText !== undefined) files.push({ path: '<stdin>', text: stripBom(stdinText) });
  for (const f of found) {
    try {
      const st = await stat(f.abs);
      if (st.size > MAX_FILE_BYTES) {
        problems.push({
          severity: 'error',
          message: `${f.display} is ${(st.size / 1024 / 1024).toFixed(0)} MiB, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit for one manifest file; split it.`,
          file: f.display,
        });
        continue;
      }
      files.push({ path: f.display, text: stripBom(await readFile(f.abs, 'utf8')) });
    } catch (e) {
      problems.push({
        severity: 'error',
        message: `Cannot read ${f.display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
        file: f.display,
      });
    }
  }
  return { files, problems };
}

function displayPath(abs: string, root: string): string {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The config file: the one named, which must exist, else `.zd-gate.yaml`/`.yml` in cwd when present. */
export async function readConfigFile(
  explicit: string | undefined,
  cwd: string,
): Promise<{ file?: SourceFile; problem?: Problem }> {
  const candidates = explicit ? [explicit] : ['.zd-gate.yaml', '.zd-gate.yml'];
  for (const c of candidates) {
    const abs = path.resolve(cwd, c);
    try {
      return { file: { path: displayPath(abs, cwd), text: await readFile(abs, 'utf8') } };
    } catch (e) {
      if (explicit) {
        return {
          problem: {
            severity: 'error',
            message: `Config file \`${explicit}\` cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); fix the \`config\` input or remove it.`,
          },
        };
      }
    }
  }
  return {};
}
