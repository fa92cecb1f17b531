/**
 * The pure part of source mapping: reading where rendered output came from, and finding a field
 * of the rendered object in a Helm template or kustomize base by its key path.
 */
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/core/manifest/parse.js';
import { toObjects } from '../../src/core/manifest/objects.js';
import { helmSourceOf, kustomizeSourceOf, parseHelmSource } from '../../src/core/sourcemap/origin.js';
import { placeInSource } from '../../src/core/sourcemap/template.js';

const TEMPLATE = `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
  labels:
    {{- include "shop.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      containers:
        - name: sidecar
          image: envoy
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image }}"
          ports:
            - name: http
              containerPort: 8080
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - name: http
    targetPort: http
{{- end }}
`;

const deployment = (containers: string[]) => ({
  kind: 'Deployment',
  name: 'rel-shop',
  raw: { spec: { template: { spec: { containers: containers.map((name) => ({ name })) } } } },
});

describe('placeInSource', () => {
  it('follows the key path through template actions to the field', () => {
    expect(placeInSource(TEMPLATE, deployment(['sidecar', 'shop']), ['spec', 'replicas'])).toMatchObject({
      line: 9,
      column: 3,
      exact: true,
    });
    expect(
      placeInSource(TEMPLATE, deployment(['sidecar', 'shop']), [
        'spec',
        'template',
        'spec',
        'containers',
        1,
        'ports',
        0,
        'containerPort',
      ]),
    ).toMatchObject({ line: 19, column: 15, exact: true });
  });

  it("a missing field lands on the nearest enclosing key: the container's `- name:` line", () => {
    expect(
      placeInSource(TEMPLATE, deployment(['sidecar', 'shop']), [
        'spec',
        'template',
        'spec',
        'containers',
        1,
        'readinessProbe',
      ]),
    ).toMatchObject({ line: 15, column: 9, exact: false });
  });

  it('a sequence item is found by its name before its index', () => {
    // Rendered order differs from the template's (kustomize sorts, patches reorder): `sidecar` is item 1 here.
    expect(
      placeInSource(TEMPLATE, deployment(['shop', 'sidecar']), ['spec', 'template', 'spec', 'containers', 1, 'image']),
    ).toMatchObject({ line: 14, exact: true });
  });

  it('a value from values.yaml lands on the template line that includes it', () => {
    expect(
      placeInSource(TEMPLATE, deployment(['sidecar', 'shop']), [
        'spec',
        'template',
        'spec',
        'containers',
        1,
        'resources',
        'limits',
      ]),
    ).toMatchObject({ line: 21, exact: false });
  });

  it('picks the document of the object in a file of several, and reads indentless sequences', () => {
    expect(
      placeInSource(TEMPLATE, { kind: 'Service', name: 'web', raw: { spec: { ports: [{ name: 'http' }] } } }, [
        'spec',
        'ports',
        0,
        'targetPort',
      ]),
    ).toMatchObject({ line: 32, column: 5, exact: true });
  });

  it('the first line of the object when nothing of the path is there', () => {
    expect(placeInSource(TEMPLATE, { kind: 'Service', name: 'web', raw: {} }, ['nothing', 'here'])).toMatchObject({
      line: 25,
      exact: false,
    });
  });

  it('a kustomize base: the document whose name the rendered name (with namePrefix) contains', () => {
    const base = `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: ClusterIP\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n`;
    expect(placeInSource(base, { kind: 'Service', name: 'prod-web', raw: {} }, ['spec', 'type'])).toMatchObject({
      line: 13,
      exact: true,
    });
  });
});

describe('where rendered output came from', () => {
  it("reads Helm's # Source: comment, subcharts included", () => {
    const [file] = [
      parseFile({ path: 'r.yaml', text: '---\n# Source: shop/charts/cache/templates/deploy.yaml\nkind: Deployment\n' }),
    ];
    expect(helmSourceOf(file!.docs[0]!)).toEqual({
      kind: 'helm',
      charts: ['shop', 'cache'],
      file: 'templates/deploy.yaml',
      raw: 'shop/charts/cache/templates/deploy.yaml',
    });
  });

  it('refuses a Source path that climbs out of its chart or is not a template', () => {
    expect(parseHelmSource('shop/templates/../../../etc/passwd')).toBeUndefined();
    expect(parseHelmSource('/etc/templates/x.yaml')).toBeUndefined();
    expect(parseHelmSource('shop/values.yaml')).toBeUndefined();
  });

  it("reads kustomize's origin annotation; a remote base has no local file", () => {
    const objects = (text: string) => toObjects(parseFile({ path: 'r.yaml', text }).docs, 'default').objects;
    const local = objects(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    config.kubernetes.io/origin: |\n      path: ../../base/service.yaml\n',
    );
    expect(kustomizeSourceOf(local[0]!)).toEqual({ kind: 'kustomize', path: '../../base/service.yaml' });
    const remote = objects(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    config.kubernetes.io/origin: |\n      path: base/service.yaml\n      repo: https://github.com/org/repo\n',
    );
    expect(kustomizeSourceOf(remote[0]!)).toBeUndefined();
  });
});
