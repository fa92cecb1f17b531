/**
 * Property: whatever hostile files sit next to the good ones (sizes, depths, counts, encodings,
 * names), validate completes, puts every finding and problem inside its file, keeps the good
 * files' findings exactly, and every output format renders (the text log with no workflow command
 * the runner would execute, JSON and SARIF that parse). Files are written to disk and read back,
 * so file names and bytes take the real path.
 *
 * Replay or dig deeper: ZD_FUZZ_SEED=<seed> ZD_FUZZ_RUNS=<n> npx vitest run __tests__/hostile/fuzz.test.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/modes/validate.js';
import { RULES } from '../../src/core/rules/index.js';
import { logText } from '../../src/report/log.js';
import { planAnnotations } from '../../src/report/validate/annotations.js';
import { formatJson } from '../../src/report/validate/json.js';
import { formatSarif } from '../../src/report/validate/sarif.js';
import { renderMarkdown } from '../../src/report/validate/summary.js';
import { formatText } from '../../src/report/validate/text.js';
import { runnerCommands } from '../helpers/hostile.js';
import { hostileFiles } from './arbitraries.js';
import { GOOD_FILES, GOOD_FINDINGS, isGoodFile, keyOf, SETTINGS } from './good.js';

const SEED = Number(process.env.ZD_FUZZ_SEED ?? 20_260_101);
const RUNS = Number(process.env.ZD_FUZZ_RUNS ?? 50);

describe('hostile files next to good ones (property)', () => {
  it(
    `${RUNS} generated sets: no crash, positions inside files, good findings kept, every format renders`,
    async () => {
      const tally = { files: 0, bytes: 0, findings: 0, problems: 0, binary: 0, tooDeep: 0 };
      await fc.assert(
        fc.asyncProperty(hostileFiles, async (files) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'zd-fuzz-'));
          try {
            const lines = new Map<string, number>();
            for (const [name, text] of Object.entries(GOOD_FILES)) {
              writeFileSync(path.join(dir, name), text);
              lines.set(name, text.split('\n').length);
            }
            for (const f of files) {
              writeFileSync(path.join(dir, f.name), f.bytes);
              lines.set(f.name, f.bytes.toString('utf8').split(/\r\n|\r|\n/).length);
              tally.bytes += f.bytes.length;
            }
            tally.files += files.length;

            const report = await check(SETTINGS, { cwd: dir, displayRoot: dir });

            expect(
              report.findings
                .filter((f) => isGoodFile(f.file))
                .map(keyOf)
                .sort(),
            ).toEqual(GOOD_FINDINGS);
            expect(report.summary.files).toBe(lines.size);
            for (const f of report.findings) {
              const max = lines.get(f.file);
              expect(max, `finding in a file of the set: ${JSON.stringify(f.file)}`).toBeDefined();
              expect(f.line).toBeGreaterThanOrEqual(1);
              expect(f.line).toBeLessThanOrEqual((max as number) + 1);
              expect(f.endLine).toBeGreaterThanOrEqual(f.line);
            }
            for (const p of report.problems) {
              if (p.file === undefined) continue;
              expect(lines.has(p.file), `problem in a file of the set: ${JSON.stringify(p)}`).toBe(true);
              if (p.line !== undefined) expect(p.line).toBeLessThanOrEqual((lines.get(p.file) as number) + 1);
              if (/binary/.test(p.message)) tally.binary++;
              if (/nests too deeply|nested more than/.test(p.message)) tally.tooDeep++;
            }
            tally.findings += report.findings.length;
            tally.problems += report.problems.length;

            expect(runnerCommands(logText(formatText(report)))).toEqual([]);
            const json = JSON.parse(formatJson(report)) as { findings: unknown[]; problems: unknown[] };
            expect(json.findings).toHaveLength(report.findings.length);
            const sarif = JSON.parse(formatSarif(report, RULES)) as { runs: { results: unknown[] }[] };
            expect(sarif.runs[0]?.results.length).toBeGreaterThanOrEqual(report.findings.length);
            const plan = planAnnotations(report.findings, report.problems);
            expect(
              renderMarkdown(report, { limit: 1024 * 1024, plan, sarifFile: 'x.sarif' }).value.length,
            ).toBeGreaterThan(0);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      // The generators reached what they are for: not a vacuous pass.
      expect(tally.files).toBeGreaterThan(RUNS);
      expect(tally.findings).toBeGreaterThan(RUNS);
      expect(tally.binary).toBeGreaterThan(0);
      expect(tally.tooDeep).toBeGreaterThan(0);
    },
    Math.max(120_000, RUNS * 3_000),
  );
});
