/**
 * Prints the CHANGELOG.md section of one version: the notes the release workflow gives the GitHub
 * release of tag vX.Y.Z.
 *
 *   node scripts/release-notes.ts 1.2.3 > notes.md
 *
 * Runs on Node 22.18 or later as it is (type annotations only, no imports of other .ts files). Fails
 * with a message on standard error when the version has no dated section or the section is empty.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export class ReleaseNotesError extends Error {}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body of `## [version] - YYYY-MM-DD`, up to the next `## ` heading or link definitions. */
export function releaseNotes(changelog: string, version: string): string {
  const lines = changelog.replace(/\r\n?/g, '\n').split('\n');
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\]`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0)
    throw new ReleaseNotesError(`CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD".`);
  const dated = new RegExp(`^## \\[${escapeRegExp(version)}\\] - \\d{4}-\\d{2}-\\d{2}\\s*$`);
  if (!dated.test(lines[start] ?? ''))
    throw new ReleaseNotesError(
      `CHANGELOG.md line ${start + 1}: the section of ${version} has no date: write "## [${version}] - YYYY-MM-DD".`,
    );
  let end = lines.findIndex((line, i) => i > start && (/^## /.test(line) || /^\[[^\]]+\]:\s/.test(line)));
  if (end < 0) end = lines.length;
  const body = lines
    .slice(start + 1, end)
    .join('\n')
    .trim();
  if (!body) throw new ReleaseNotesError(`CHANGELOG.md line ${start + 1}: the section of ${version} is empty.`);
  return `${body}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const version = process.argv[2] ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    process.stderr.write('usage: node scripts/release-notes.ts X.Y.Z\n');
    process.exit(2);
  }
  try {
    process.stdout.write(releaseNotes(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version));
  } catch (e) {
    if (!(e instanceof ReleaseNotesError)) throw e;
    process.stderr.write(`release-notes: ${e.message}\n`);
    process.exit(1);
  }
}
