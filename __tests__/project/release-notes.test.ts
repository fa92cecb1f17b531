/**
 * The release workflow publishes CHANGELOG.md's section of the tagged version as the release notes
 * (scripts/release-notes.ts). The version in package.json must have a dated, non-empty section, or
 * the release of that version would fail after its tag was pushed.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { releaseNotes } from '../../scripts/release-notes.js';

const root = new URL('../../', import.meta.url).pathname;
const changelog = readFileSync(`${root}CHANGELOG.md`, 'utf8');
const version = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.1.0] - 2027-02-01',
  '',
  '### Fixed',
  '',
  '- one thing',
  '',
  '## [1.0.10] - 2027-01-15',
  '',
  '- ten',
  '',
  '## [1.0.1] - 2027-01-02',
  '',
  '- one',
  '',
  '[1.1.0]: https://example.invalid/compare/v1.0.10...v1.1.0',
  '',
].join('\n');

describe('release notes from CHANGELOG.md', () => {
  it(`package.json's version (${version}) has a dated section with notes, in Keep a Changelog form`, () => {
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    const notes = releaseNotes(changelog, version);
    expect(notes).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
    expect(notes).not.toMatch(/^## /m);
  });

  it('takes one section: up to the next version, never a version that only starts the same', () => {
    expect(releaseNotes(SAMPLE, '1.1.0')).toBe('### Fixed\n\n- one thing\n');
    expect(releaseNotes(SAMPLE, '1.0.1')).toBe('- one\n');
    expect(releaseNotes(SAMPLE, '1.0.10')).toBe('- ten\n');
  });

  it('fails, naming what to write, on a missing version, an undated or an empty section', () => {
    expect(() => releaseNotes(SAMPLE, '2.0.0')).toThrow('no section for 2.0.0: add "## [2.0.0] - YYYY-MM-DD"');
    expect(() => releaseNotes('## [2.0.0]\n\n- x\n', '2.0.0')).toThrow('line 1: the section of 2.0.0 has no date');
    expect(() => releaseNotes('## [2.0.0] - 2027-03-01\n\n## [1.0.0] - 2027-01-01\n- x\n', '2.0.0')).toThrow(
      'the section of 2.0.0 is empty',
    );
  });

  it.runIf(process.features.typescript)('runs with node as the release workflow runs it', async () => {
    const run = promisify(execFile);
    const { stdout, stderr } = await run(process.execPath, ['scripts/release-notes.ts', version], { cwd: root });
    expect(stdout).toBe(releaseNotes(changelog, version));
    expect(stderr).toBe('');
    await expect(run(process.execPath, ['scripts/release-notes.ts', '0.0.0-x'], { cwd: root })).rejects.toMatchObject({
      code: 2,
    });
  });
});
