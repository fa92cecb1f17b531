/**
 * The block reader (block-locate.ts) against the `yaml` package's nodes (locateParsed): on every
 * path of every document (each key and item that exists, a missing key under each mapping, an index
 * past each sequence, a path that continues below a scalar), the block reader either declines or
 * gives the very same span. Documents: the real-world corpus, the repository's examples, and
 * generated objects written in every block style `js-yaml` and `yaml` emit, with comments and blank
 * lines mixed in. It must also answer, not decline, on most paths of real manifests: that is what
 * makes validate fast.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locateBlock } from '../../src/core/manifest/block-locate.js';
import { locate, locateParsed } from '../../src/core/manifest/locate.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import { toObjects } from '../../src/core/manifest/objects.js';
import type { ManifestDoc, Path } from '../../src/core/manifest/types.js';

const root = new URL('../..', import.meta.url).pathname;

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Every path worth asking: all that exist, and the missing ones a rule asks for. */
function paths(value: unknown): Path[] {
  const out: Path[] = [[]];
  const stack: { v: unknown; p: Path }[] = [{ v: value, p: [] }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([...p, i]);
        stack.push({ v: item, p: [...p, i] });
      });
      out.push([...p, v.length], [...p, 'name']);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.push([...p, k]);
        stack.push({ v: item, p: [...p, k] });
      }
      out.push([...p, 'zz-missing'], [...p, 'zz-missing', 'deeper'], [...p, 0]);
    } else {
      out.push([...p, 'below-a-scalar']);
    }
  }
  return out;
}

function docsOf(file: string, text: string): ManifestDoc[] {
  return [...parseFile({ path: file, text }).docs];
}

/** Compares on every path; returns how many the block reader answered. */
function compare(docs: readonly ManifestDoc[]): { asked: number; answered: number } {
  let asked = 0;
  let answered = 0;
  for (const d of docs) {
    if (d.json) continue;
    for (const p of paths(d.value)) {
      asked++;
      const block = locateBlock(d.text, p);
      if (block === undefined) continue;
      answered++;
      expect({ path: p, span: block }, `${d.file.path}#${d.index}\n${d.text}`).toEqual({
        path: p,
        span: locateParsed(d, p),
      });
    }
  }
  return { asked, answered };
}

describe('block reader = yaml package', () => {
  it('on every path of the real-world corpus and the repository examples, and answers most of them', () => {
    const files = [...yamlFiles(join(root, '__tests__/corpus')), ...yamlFiles(join(root, 'docs'))].filter(
      (f) => !/values[^/]*\.ya?ml$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    let asked = 0;
    let answered = 0;
    for (const f of files) {
      const r = compare(docsOf(f, readFileSync(f, 'utf8')));
      asked += r.asked;
      answered += r.answered;
    }
    expect(asked).toBeGreaterThan(5_000);
    // Declines are correct but slow; real manifests should rarely need them.
    expect(answered / asked).toBeGreaterThan(0.9);
  });

  const scalar = fc.oneof(
    fc.constantFrom('', ' ', 'a b', 'x: y', '- z', '#c', 'a #b', "it's", '"q"', 'yes', '1.5', '007', '~', 'null'),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const key = fc.oneof(
    fc.constantFrom('name', 'spec', 'app.kubernetes.io/name', 'a b', 'x:y', '-k', '1', 'true', "o'k", 'k"q', '#'),
    fc.string({ minLength: 1, maxLength: 8 }),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('seq')),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
    seq: fc.array(tie('tree'), { maxLength: 4 }),
  }));
  const doc = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 });
  const style = fc.record({
    emitter: fc.constantFrom('js-yaml', 'yaml'),
    indent: fc.constantFrom(2, 4),
    seqIndent: fc.boolean(),
    flowLevel: fc.constantFrom(-1, -1, 2, 3),
    comments: fc.array(fc.nat(), { maxLength: 4 }),
    header: fc.constantFrom('', '---\n', '# Source: chart/templates/x.yaml\n', '---\n# c\n\n'),
  });

  it('on generated documents in every block style, with comments and blank lines', () => {
    let asked = 0;
    let answered = 0;
    fc.assert(
      fc.property(doc, style, (value, s) => {
        let text =
          s.emitter === 'js-yaml'
            ? dump(value, { indent: s.indent, noArrayIndent: !s.seqIndent, flowLevel: s.flowLevel, lineWidth: -1 })
            : stringify(value, { indent: s.indent, indentSeq: s.seqIndent, lineWidth: 0 });
        // Comment and blank lines at places that cannot change the data.
        const lines = text.split('\n');
        for (const at of s.comments) {
          const i = at % (lines.length + 1);
          const indent = ' '.repeat((lines[i] ?? '').search(/\S|$/));
          lines.splice(i, 0, at % 3 === 0 ? '' : `${indent}# note: x`);
        }
        text = s.header + lines.join('\n');
        const docs = docsOf('gen.yaml', text);
        const r = compare(docs);
        asked += r.asked;
        answered += r.answered;
      }),
      { seed: 20_261_130, numRuns: 400 },
    );
    // Not a vacuous comparison: many generated documents are answered too (the rest hold what it declines: nested sequences, block scalars at the end of a path, keys the core schema reads as numbers).
    expect(answered / asked).toBeGreaterThan(0.3);
  });

  it('positions through locate() match the line and column the yaml package gives', () => {
    const text = [
      '# Source: web/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: "nginx:1.27"  # pinned',
      '        lifecycle:',
      '          preStop:',
      '            exec:',
      '              command: ["sleep", "20"]',
      '',
    ].join('\n');
    const docs = docsOf('manifests/web.yaml', `---\n${text}`);
    const [o] = toObjects(docs, 'default').objects;
    expect(locate(o!, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      file: 'manifests/web.yaml',
      line: 11,
      column: 9,
      endLine: 11,
      endColumn: 28,
      exact: true,
    });
    expect(
      locate(o!, ['spec', 'template', 'spec', 'containers', 0, 'lifecycle', 'preStop', 'exec', 'command']),
    ).toEqual({
      file: 'manifests/web.yaml',
      line: 15,
      column: 15,
      endLine: 15,
      endColumn: 22,
      exact: true,
    });
    expect(locate(o!, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'])).toMatchObject({
      line: 8,
      exact: false,
    });
  });
});
