/**
 * Runs the action on rendered output whose sources are in the workspace and checks that every
 * surface (workflow annotations, check-run annotations, SARIF results) puts each rule's typical
 * finding on the template or base file and line, with the rendered place kept.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { fakeGitHub } from '../helpers/fake-github.js';
import { runActionInProcess, workflowAnnotations } from '../helpers/action-run.js';

/** `rule file:line` for each finding, in the workspace. */
export type Expected = readonly string[];

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations?: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
  }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

export async function checkSurfaces(workspace: string, rendered: string, expected: Expected): Promise<void> {
  // Rendered into the runner's temp folder, outside the workspace, as a workflow does.
  const outside = mkdtempSync(path.join(tmpdir(), 'zd-gate-rendered-'));
  const renderedFile = path.join(outside, 'rendered.yaml');
  copyFileSync(rendered, renderedFile);
  const api = await fakeGitHub();
  try {
    const run = await runActionInProcess({
      workspace,
      apiUrl: api.url,
      inputs: { mode: 'validate', manifests: renderedFile, 'github-token': 'ghs_test', 'fail-on': 'error' },
    });
    const want = [...expected].sort();

    // Check run: every finding, at its source.
    const checkAnnotations = api.requests
      .filter((r) => r.url.includes('/check-runs'))
      .flatMap(
        (r) => (r.body.output as { annotations: { path: string; start_line: number; title: string }[] }).annotations,
      );
    expect(checkAnnotations.map((a) => `${a.title.replace('zd-gate: ', '')} ${a.path}:${a.start_line}`).sort()).toEqual(
      want,
    );

    // SARIF: workspace-relative URIs at the source line; the rendered place as a related location.
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as {
      runs: { results: SarifResult[] }[];
    };
    const results = sarif.runs[0]!.results;
    expect(
      results
        .map((r) => {
          const loc = r.locations![0]!.physicalLocation;
          expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
          return `${r.ruleId} ${decodeURIComponent(loc.artifactLocation.uri)}:${loc.region.startLine}`;
        })
        .sort(),
    ).toEqual(want);
    for (const r of results) {
      expect(r.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*rendered\.yaml$/);
      expect(r.message.text).toMatch(/Rendered as \[.*rendered\.yaml:\d+\]\(1\)\.$/);
    }

    // Workflow annotations: the ones shown (10 per severity at most) are on the source line too.
    const shown = workflowAnnotations(run.log).filter((a) => a.props.file);
    expect(shown.length).toBeGreaterThan(0);
    for (const a of shown) {
      expect(want).toContain(`${a.props.title!.replace('zd-gate: ', '')} ${a.props.file}:${a.props.line}`);
      expect(a.message).toMatch(/rendered at .*rendered\.yaml:\d+/);
    }
    for (const sev of ['error', 'warning', 'notice'])
      expect((run.log.match(new RegExp(`^::${sev}[ :]`, 'gm')) ?? []).length, sev).toBeLessThanOrEqual(10);
    // The job summary lists them at the source, with the rendered place.
    expect(run.summary).toMatch(/\(rendered `[^`]*rendered\.yaml:\d+`\)/);
  } finally {
    await api.close();
  }
}
