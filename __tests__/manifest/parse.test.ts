import { describe, expect, it } from 'vitest';
import { splitDocuments } from '../../src/core/manifest/split.js';
import { parseFile } from '../../src/core/manifest/parse.js';
import { toObjects } from '../../src/core/manifest/objects.js';
import { locate } from '../../src/core/manifest/locate.js';

const file = (text: string, path = 'm.yaml') => ({ path, text });

describe('splitDocuments', () => {
  it('cuts at document markers and keeps each start line', () => {
    const docs = splitDocuments('---\n# Source: a\nkind: A\n---\nkind: B\n...\n---\nkind: C\n');
    expect(docs.map((d) => d.startLine)).toEqual([1, 4, 7]);
    expect(docs[1]?.text).toBe('---\nkind: B');
  });
  it('drops documents that hold only comments and blank lines', () => {
    expect(splitDocuments('---\n# nothing\n\n---\n')).toEqual([]);
  });
  it('keeps directives with the document they open', () => {
    const docs = splitDocuments('a: 1\n...\n%YAML 1.2\n---\nb: 2\n');
    expect(docs).toEqual([
      { text: 'a: 1', startLine: 1 },
      { text: '%YAML 1.2\n---\nb: 2\n', startLine: 3 },
    ]);
  });
  it('does not cut at --- inside a line or indented', () => {
    expect(splitDocuments('a: |\n  ---\n  x\nb: ---\n')).toHaveLength(1);
  });
});

describe('parseFile', () => {
  it('reads every document, and a broken one does not hide the others', () => {
    const r = parseFile(file('kind: A\n---\nkind: [B\n---\nkind: C\n'));
    expect(r.docs.map((d) => (d.value as { kind: string }).kind)).toEqual(['A', 'C']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ kind: 'syntax', range: { line: 3 } });
  });
  it('rejects duplicate keys with the line of the duplicate', () => {
    const r = parseFile(file('a: 1\nb: 2\na: 3\n'));
    expect(r.issues[0]).toMatchObject({ kind: 'syntax', range: { line: 3 } });
  });
  it('stops alias bombs with a clear message', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    const r = parseFile(file(bomb.join('\n')));
    expect(r.docs).toHaveLength(0);
    expect(r.issues[0]?.message).toMatch(/alias/i);
  });
  it('resolves anchors, aliases and merge keys', () => {
    const r = parseFile(file('base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n'));
    expect(r.docs[0]?.value).toEqual({ base: { x: 1 }, derived: { x: 1, y: 2 } });
  });
  it('reads JSON, and reports a JSON error with its line', () => {
    expect(parseFile(file('{"kind":"A","apiVersion":"v1"}', 'a.json')).docs).toHaveLength(1);
    const bad = parseFile(file('{\n  "kind": "A",\n  "apiVersion": "v1"\n  "metadata": {}\n}', 'a.json'));
    expect(bad.issues[0]).toMatchObject({ kind: 'syntax', range: { line: 4 } });
  });
  it('calls an unparsable document with {{ }} an unrendered template', () => {
    const r = parseFile(file('apiVersion: v1\nkind: Service\nspec:\n  {{- if .Values.x }}\n  type: [\n'));
    expect(r.issues[0]).toMatchObject({ kind: 'template', range: { line: 4 } });
    expect(r.issues[0]?.message).toMatch(/helm template/);
  });
  it('refuses binary files', () => {
    expect(parseFile(file('\u0000\u0001abc')).issues[0]?.kind).toBe('not-text');
  });
});

describe('toObjects', () => {
  it('expands List items, defaults the namespace, leaves cluster-scoped kinds without one', () => {
    const r = parseFile(
      file(
        'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: n}\n',
      ),
    );
    const { objects } = toObjects(r.docs, 'team');
    expect(objects.map((o) => [o.kind, o.namespace, o.base])).toEqual([
      ['Service', 'team', ['items', 0]],
      ['Namespace', undefined, ['items', 1]],
    ]);
  });
  it('notes documents that are not Kubernetes objects', () => {
    const r = parseFile(file('replicaCount: 3\nimage: nginx\n'));
    const out = toObjects(r.docs, 'default');
    expect(out.objects).toHaveLength(0);
    expect(out.notes[0]).toMatchObject({ file: 'm.yaml', line: 1 });
  });
  it('flags template syntax that happens to parse in kinds it reads, not in ConfigMaps', () => {
    const r = parseFile(
      file(
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: {{ .Values.replicas }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  t: |\n    {{ if .Alerts }}x{{ end }}\n',
      ),
    );
    const out = toObjects(r.docs, 'default');
    const issues = [...r.issues, ...out.issues];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'template', range: { line: 5 } });
    expect(out.objects.map((o) => o.kind)).toEqual(['ConfigMap']);
  });
});

describe('locate', () => {
  const text = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '- apiVersion: apps/v1',
    '  kind: Deployment',
    '  metadata:',
    '    name: web',
    '  spec:',
    '    template:',
    '      spec:',
    '        containers:',
    '        - name: app',
    '          image: nginx',
    '          readinessProbe:',
    '            httpGet: {path: /ready, port: 80}',
  ].join('\n');
  const [o] = toObjects(parseFile(file(`---\n${text}`)).docs, 'default').objects;
  it('points at an existing field, counting lines from the file start', () => {
    expect(locate(o!, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toMatchObject({
      line: 14,
      column: 11,
      endLine: 14,
      endColumn: 23,
      exact: true,
    });
    expect(
      locate(o!, ['spec', 'template', 'spec', 'containers', 0, 'readinessProbe', 'httpGet', 'path']),
    ).toMatchObject({ line: 16, exact: true });
  });
  it('points a missing field at its deepest existing parent', () => {
    expect(locate(o!, ['spec', 'template', 'spec', 'containers', 0, 'lifecycle', 'preStop'])).toMatchObject({
      line: 13,
      exact: false,
    });
    expect(locate(o!, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'])).toMatchObject({
      line: 11,
      exact: false,
    });
  });
  it('follows merge keys to the line that defines the field', () => {
    const [m] = toObjects(
      parseFile(file('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nx: &p\n  port: 80\nspec:\n  <<: *p\n')).docs,
      'default',
    ).objects;
    expect(locate(m!, ['spec', 'port'])).toMatchObject({ line: 5, exact: true });
  });
});
