/**
 * What validate reads stays inside what the user named: real symbolic links, FIFOs, devices and
 * link loops on the real filesystem; per-file and total limits, standard input included; every
 * skip counted and named in the report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readManifests, readConfigFile } from '../../src/adapters/files.js';
import { check } from '../../src/modes/validate.js';
import { cli, tempDir } from '../helpers/cli.js';
import { GOOD_FILES, SETTINGS } from './good.js';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: s}}\n';

/** A checkout a pull request could push: manifests, and links pointing anywhere. */
function checkout(): { root: string; outside: string } {
  const outside = tempDir({ 'secret.yaml': 'password: hunter2\n', 'dir/more.yaml': SERVICE });
  const root = tempDir({
    'manifests/a.yaml': SERVICE,
    'manifests/sub/b.yml': SERVICE,
    'manifests/.hidden/c.yaml': SERVICE,
    'manifests/.dot.yaml': SERVICE,
    'manifests/node_modules/pkg/d.yaml': SERVICE,
    'manifests/notes.txt': 'not a manifest',
    'shared/e.yaml': SERVICE,
  });
  const m = path.join(root, 'manifests');
  symlinkSync('/', path.join(m, 'root-link'));
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(m, 'passwd.yaml'));
  symlinkSync(path.join(outside, 'dir'), path.join(m, 'outside-dir'));
  symlinkSync('/dev/zero', path.join(m, 'zero.yaml'));
  symlinkSync('/dev/stdin', path.join(m, 'stdin.yaml'));
  symlinkSync('.', path.join(m, 'loop'));
  symlinkSync('a.yaml', path.join(m, 'again.yaml'));
  symlinkSync('missing.yaml', path.join(m, 'broken.yaml'));
  spawnSync('mkfifo', [path.join(m, 'fifo.yaml')]);
  return { root, outside };
}

describe('file search: links, special files, hidden and node_modules', () => {
  it('reads each real file below the roots once and counts every skip with its reason', async () => {
    const { root } = checkout();
    const r = await readManifests(['manifests'], { cwd: root, displayRoot: root });
    expect(r.files.map((f) => f.path)).toEqual(['manifests/a.yaml', 'manifests/sub/b.yml']);
    expect(r.problems).toEqual([]);
    const byReason = (reason: string): string[] =>
      r.skipped.examples
        .filter((e) => e.reason === reason)
        .map((e) => e.path)
        .sort();
    // A link to standard input resolves to whatever fd 0 is in this process (a pipe, a terminal,
    // a file outside the roots): never read, counted under one reason or the other.
    const stdinLink = ['manifests/stdin.yaml'];
    expect(byReason('outside-inputs').filter((p) => p !== stdinLink[0])).toEqual([
      'manifests/outside-dir',
      'manifests/passwd.yaml',
      'manifests/root-link',
      'manifests/zero.yaml',
    ]);
    expect(byReason('not-a-file').filter((p) => p !== stdinLink[0])).toEqual([
      'manifests/broken.yaml',
      'manifests/fifo.yaml',
    ]);
    expect(r.skipped).toMatchObject({ hidden: 2, nodeModules: 1, duplicates: 1 });
    expect(r.skipped.outsideInputs + r.skipped.notFiles).toBe(7);
    expect(byReason('hidden').sort()).toEqual(['manifests/.dot.yaml', 'manifests/.hidden']);
    expect(r.bytes).toBe(2 * SERVICE.length);
  });

  it('a link to another root is followed; the file it reaches is read once', async () => {
    const { root } = checkout();
    symlinkSync(path.join(root, 'shared'), path.join(root, 'manifests', 'shared-link'));
    const r = await readManifests(['manifests', 'shared'], { cwd: root, displayRoot: root });
    expect(r.files.map((f) => f.path)).toEqual([
      'manifests/a.yaml',
      'manifests/shared-link/e.yaml',
      'manifests/sub/b.yml',
    ]);
    expect(r.skipped.duplicates).toBe(2); // again.yaml → a.yaml; shared/e.yaml, already read through the link
  });

  it('a glob starts from its fixed folder: the same rules, and `**` does not enter hidden folders', async () => {
    const { root } = checkout();
    const r = await readManifests(['manifests/**/*.yaml'], { cwd: root, displayRoot: root });
    expect(r.files.map((f) => f.path)).toEqual(['manifests/a.yaml']);
    expect(r.skipped.hidden).toBe(2);
    expect(r.skipped.outsideInputs).toBeGreaterThanOrEqual(3); // passwd.yaml, zero.yaml, root-link (and stdin.yaml)
    const shallow = await readManifests(['manifests/*.yaml'], { cwd: root, displayRoot: root });
    expect(shallow.files.map((f) => f.path)).toEqual(['manifests/a.yaml']);
    // Folders a one-level glob cannot enter are not reported as skipped.
    expect(shallow.skipped).toMatchObject({ hidden: 1, nodeModules: 0 });
    expect(shallow.skipped.examples.map((e) => e.path)).not.toContain('manifests/outside-dir');
  });

  it.each([
    ['/dev/zero', /is not a regular file \(a device\)/],
    ['/dev/null', /is not a regular file \(a device\)/],
  ])('naming %s is an error naming it, never a hang or an endless read', async (device, message) => {
    const r = await readManifests([device], { cwd: '/', displayRoot: '/' });
    expect(r.files).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(message) }),
    ]);
  });

  it('a FIFO named directly is refused at once (opened without blocking)', async () => {
    const dir = tempDir();
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const r = await readManifests(['pipe.yaml'], { cwd: dir, displayRoot: dir });
    expect(r.problems[0]?.message).toBe('pipe.yaml is not a regular file (a FIFO); zd-gate reads only regular files.');
  });
});

describe('the workspace confines the action', () => {
  it('a file or folder named inside the workspace that links outside it is refused with an error', async () => {
    const { root, outside } = checkout();
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'rendered.yaml'));
    symlinkSync(path.join(outside, 'dir'), path.join(root, 'rendered'));
    const r = await readManifests(['rendered.yaml', 'rendered', 'manifests'], {
      cwd: root,
      displayRoot: root,
      confineTo: root,
    });
    expect(r.files.map((f) => f.path)).toEqual(['manifests/a.yaml', 'manifests/sub/b.yml']);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(
        /^`rendered\.yaml` leads outside the workspace \(to .*secret\.yaml\) through a symbolic link/,
      ),
      expect.stringMatching(/^`rendered` leads outside the workspace/),
    ]);
    // The CLI reads what its user named.
    const cliRead = await readManifests(['rendered.yaml'], { cwd: root, displayRoot: root });
    expect(cliRead.files.map((f) => f.text)).toEqual(['password: hunter2\n']);
  });

  it('a path named outside the workspace (the runner temp folder) is read as named', async () => {
    const { root, outside } = checkout();
    const r = await readManifests([path.join(outside, 'secret.yaml')], {
      cwd: root,
      displayRoot: root,
      confineTo: root,
    });
    expect(r.problems).toEqual([]);
    expect(r.files).toHaveLength(1);
  });

  it('a .zd-gate.yaml linking outside the workspace is not read', async () => {
    const { root, outside } = checkout();
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, '.zd-gate.yaml'));
    const r = await readConfigFile(undefined, root, root);
    expect(r.file).toBeUndefined();
    expect(r.problem?.message).toMatch(/^Config file `.zd-gate.yaml` is a symbolic link to .*, outside the workspace/);
  });
});

describe('size limits', () => {
  it('the total input limit: the file that would cross it and the rest are named, the files before are checked', async () => {
    const dir = tempDir({ '1.yaml': SERVICE, '2.yaml': SERVICE, '3.yaml': SERVICE, '4.yaml': SERVICE });
    const r = await readManifests(['.'], {
      cwd: dir,
      displayRoot: dir,
      maxTotalBytes: 2 * SERVICE.length + 10,
      totalLimitName: '--max-input-size',
    });
    expect(r.files.map((f) => f.path)).toEqual(['1.yaml', '2.yaml']);
    expect(r.problems).toEqual([
      {
        severity: 'error',
        file: '3.yaml',
        message: `3.yaml and 1 more file not read: the inputs would exceed the ${2 * SERVICE.length + 10} bytes total input limit (--max-input-size). Validate fewer files at once, or raise the limit.`,
      },
    ]);
  });

  it('one file over the per-file limit is named with the limit; the others are read', async () => {
    const dir = tempDir({ 'big.yaml': `x: "${'a'.repeat(3 * 1024 * 1024)}"\n`, 'ok.yaml': SERVICE });
    const r = await readManifests(['.'], { cwd: dir, displayRoot: dir, maxFileBytes: 2 * 1024 * 1024 });
    expect(r.files.map((f) => f.path)).toEqual(['ok.yaml']);
    expect(r.problems[0]?.message).toBe('big.yaml is 3.0 MiB, over the 2 MiB limit for one manifest file; split it.');
  });

  it('standard input has the per-file limit: an endless stream is cut off, not buffered', async () => {
    let produced = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          produced += 1024 * 1024;
          yield Buffer.alloc(1024 * 1024, 0x61);
        }
      })(),
    );
    const r = await readManifests(['-'], { cwd: '/', displayRoot: '/', stdin: endless });
    expect(r.files).toEqual([]);
    expect(r.problems[0]?.message).toBe(
      'Standard input is over the 64 MiB limit for one manifest file; write the manifests to files, or split them.',
    );
    expect(produced).toBeLessThanOrEqual(MAX_FILE_BYTES + 2 * 1024 * 1024);
  });

  it('--max-input-size: the CLI names the flag and the files left out, and checks the files before', async () => {
    const dir = tempDir({ 'a.yaml': SERVICE, 'b.yaml': SERVICE, 'c.yaml': SERVICE });
    const r = await cli(['validate', '--format', 'json', '--max-input-size', `${2 * SERVICE.length}`, '.'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { problems: { message: string }[]; summary: { files: number } };
    expect(out.summary.files).toBe(2);
    expect(out.problems.map((p) => p.message)).toContain(
      `c.yaml not read: the inputs would exceed the ${2 * SERVICE.length} bytes total input limit (--max-input-size). Validate fewer files at once, or raise the limit.`,
    );
  });
});

describe('the report says what was skipped', () => {
  it('text output names the reasons and examples; JSON carries the counts', async () => {
    const dir = tempDir({ ...GOOD_FILES, '.github/workflows/x.yaml': 'on: push\n', 'node_modules/m/x.yaml': 'a: 1\n' });
    mkdirSync(path.join(dir, 'empty'));
    symlinkSync('/etc', path.join(dir, 'etc-link'));
    const text = await cli(['validate', '.'], { cwd: dir });
    expect(text.stdout).toMatch(
      /^Skipped while searching the inputs: 1 hidden entry, 1 node_modules folder, 1 link leading outside the inputs \(.*\.github, .*etc-link, .*node_modules\)\. See docs\/inputs\.md\.$/m,
    );
    const json = await cli(['validate', '--format', 'json', '.'], { cwd: dir });
    const summary = (JSON.parse(json.stdout) as { summary: Record<string, unknown> }).summary;
    expect(summary.skipped).toMatchObject({ hidden: 1, nodeModules: 1, outsideInputs: 1, notFiles: 0, duplicates: 0 });
    expect(summary.inputBytes).toBe(Object.values(GOOD_FILES).reduce((n, t) => n + Buffer.byteLength(t), 0));
  });

  it('check() in the action confines to the workspace and still reports the good files', async () => {
    const { outside } = checkout();
    const dir = tempDir(GOOD_FILES);
    writeFileSync(path.join(dir, 'good.yaml'), SERVICE);
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'evil.yaml'));
    const report = await check(SETTINGS, { cwd: dir, displayRoot: dir, confineTo: dir });
    expect(report.summary.skipped.outsideInputs).toBe(1);
    expect(report.findings.some((f) => f.ruleId === 'readiness-probe')).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/hunter2/);
  });
});
