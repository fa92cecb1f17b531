/**
 * A loopback Kubernetes API server speaking the list/watch JSON protocol, enough for client-node's
 * ListWatch, Watch and generated API: collections with resourceVersions, watch streams
 * (newline-delimited events, kept open), 410 Gone for expired resourceVersions, label and field
 * selectors (equality and existence), JSON Patch on objects, bearer-token checks and scripted 403s.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = {
  metadata: {
    name: string;
    namespace?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: unknown;
};

interface Watcher {
  collection: string;
  labelSelector: string | undefined;
  fieldSelector: string | undefined;
  res: ServerResponse;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
}

export class FakeKube {
  private server: Server | undefined;
  private rv = 100;
  private readonly store = new Map<string, Map<string, Obj>>();
  private readonly log: { rv: number; collection: string; type: string; obj: Obj }[] = [];
  private compactedBelow = 0;
  private readonly continuations = new Map<string, { rv: number; items: Obj[]; next: number }>();
  private continueSeq = 0;
  /** Called when a list continuation arrives, before it is answered (to expire history mid-list). */
  beforeContinue: (() => void) | undefined;
  private readonly watchers = new Set<Watcher>();
  /** `verb resource`, e.g. `list pods`, `patch deployments`. */
  readonly forbidden = new Set<string>();
  /** Collections answered with 404 (a CRD that is not installed). */
  readonly missing = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  /** Called after a PATCH is applied (a test can play the controller). */
  onPatch: ((collection: string, obj: Obj) => void) | undefined;
  /**
   * A PATCH that never answers: `hang` leaves the object as it was, `apply-then-hang` applies it
   * first (the answer is lost on the way back). The connection stays open until the client gives up.
   */
  patchMode: 'answer' | 'hang' | 'apply-then-hang' = 'answer';
  url = '';

  constructor(readonly token = 'test-token-abcdef') {}

  /** Listens on loopback; `port` 0 picks a free one. */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  kubeconfig(namespace = 'demo'): string {
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: fake',
      '  cluster:',
      `    server: ${this.url}`,
      // client-node refuses plain http unless TLS verification is explicitly off.
      '    insecure-skip-tls-verify: true',
      'users:',
      '- name: ci',
      '  user:',
      `    token: ${this.token}`,
      'contexts:',
      '- name: fake',
      '  context:',
      '    cluster: fake',
      '    user: ci',
      `    namespace: ${namespace}`,
      'current-context: fake',
      '',
    ].join('\n');
  }

  /** Creates or replaces an object in a collection (`/api/v1/namespaces/demo/pods`). */
  put(collection: string, obj: Obj): Obj {
    const items = this.items(collection);
    const type = items.has(obj.metadata.name) ? 'MODIFIED' : 'ADDED';
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.rv);
    items.set(stored.metadata.name, stored);
    this.emit(collection, type, stored);
    return stored;
  }

  remove(collection: string, name: string): void {
    const items = this.items(collection);
    const obj = items.get(name);
    if (!obj) return;
    items.delete(name);
    const gone = structuredClone(obj);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit(collection, 'DELETED', gone);
  }

  get(collection: string, name: string): Obj | undefined {
    return this.items(collection).get(name);
  }

  /** Closes every open watch stream, as a load balancer or an API server restart would. */
  dropWatches(): void {
    for (const w of this.watchers) w.res.destroy();
    this.watchers.clear();
  }

  /** Forgets history: open watches get a 410 ERROR event and end; older resourceVersions get 410. */
  expire(): void {
    this.compactedBelow = this.rv + 1;
    for (const w of this.watchers) {
      w.res.end(`${JSON.stringify({ type: 'ERROR', object: gone() })}\n`);
    }
    this.watchers.clear();
  }

  openWatches(collection?: string): number {
    return [...this.watchers].filter((w) => !collection || w.collection === collection).length;
  }

  private items(collection: string): Map<string, Obj> {
    let m = this.store.get(collection);
    if (!m) this.store.set(collection, (m = new Map()));
    return m;
  }

  private emit(collection: string, type: string, obj: Obj): void {
    this.log.push({ rv: this.rv, collection, type, obj });
    for (const w of this.watchers) {
      if (w.collection === collection && matches(obj, w.labelSelector, w.fieldSelector))
        w.res.write(`${JSON.stringify({ type, object: obj })}\n`);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    for await (const chunk of req) body += chunk;
    const query = Object.fromEntries(url.searchParams.entries());
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    });
    if (req.headers.authorization !== `Bearer ${this.token}`) return status(res, 401, 'Unauthorized', 'Unauthorized');

    const { collection, name } = split(url.pathname);
    const resource = collection.split('/').pop() ?? '';
    const verb = req.method === 'PATCH' ? 'patch' : name ? 'get' : query.watch === 'true' ? 'watch' : 'list';
    if (this.forbidden.has(`${verb} ${resource}`)) {
      return status(
        res,
        403,
        'Forbidden',
        `${resource} is forbidden: User "system:serviceaccount:ci:deployer" cannot ${verb} resource "${resource}" in the namespace "demo"`,
      );
    }
    if (this.missing.has(collection))
      return status(res, 404, 'NotFound', 'the server could not find the requested resource');

    if (req.method === 'PATCH' && name) {
      const obj = this.items(collection).get(name);
      if (!obj) return status(res, 404, 'NotFound', `${resource} "${name}" not found`);
      if (req.headers['content-type'] !== 'application/json-patch+json')
        return status(res, 415, 'UnsupportedMediaType', 'expected a JSON patch');
      const next = structuredClone(obj);
      const ops = JSON.parse(body) as { op: string; path: string; value: unknown }[];
      for (const op of ops) applyOp(next, op);
      // The API server bumps the generation when the spec changes.
      if (ops.some((op) => op.path.startsWith('/spec')))
        next.metadata.generation = Number(next.metadata.generation ?? 1) + 1;
      if (this.patchMode === 'hang') return;
      const stored = this.put(collection, next);
      this.onPatch?.(collection, stored);
      if (this.patchMode === 'apply-then-hang') return;
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(stored));
    }
    if (req.method !== 'GET') return status(res, 405, 'MethodNotAllowed', 'method not allowed');
    if (name) {
      const obj = this.items(collection).get(name);
      if (!obj) return status(res, 404, 'NotFound', `${resource} "${name}" not found`);
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(obj));
    }
    if (query.watch === 'true') {
      const since = Number(query.resourceVersion ?? '0');
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.flushHeaders();
      if (since < this.compactedBelow) return void res.end(`${JSON.stringify({ type: 'ERROR', object: gone() })}\n`);
      const w: Watcher = { collection, labelSelector: query.labelSelector, fieldSelector: query.fieldSelector, res };
      for (const e of this.log)
        if (e.collection === collection && e.rv > since && matches(e.obj, w.labelSelector, w.fieldSelector))
          res.write(`${JSON.stringify({ type: e.type, object: e.obj })}\n`);
      this.watchers.add(w);
      res.on('close', () => this.watchers.delete(w));
      return;
    }
    // Pages as the API server serves them: `limit` objects, then a continue token that resumes the
    // same snapshot (its resourceVersion), or 410 Expired once history was forgotten (expire()).
    let snapshot: { rv: number; items: Obj[] };
    let from = 0;
    if (query.continue) {
      this.beforeContinue?.();
      const c = this.continuations.get(query.continue);
      if (!c || c.rv < this.compactedBelow)
        return status(
          res,
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result.',
        );
      snapshot = c;
      from = c.next;
    } else {
      const items = [...this.items(collection).values()].filter((o) =>
        matches(o, query.labelSelector, query.fieldSelector),
      );
      snapshot = { rv: this.rv, items };
    }
    const limit = Number(query.limit ?? 0);
    const to = limit > 0 ? Math.min(snapshot.items.length, from + limit) : snapshot.items.length;
    const metadata: { resourceVersion: string; continue?: string } = { resourceVersion: String(snapshot.rv) };
    if (to < snapshot.items.length) {
      metadata.continue = `c${++this.continueSeq}`;
      this.continuations.set(metadata.continue, { ...snapshot, next: to });
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'List', apiVersion: 'v1', metadata, items: snapshot.items.slice(from, to) }));
  }
}

function gone(): unknown {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: 'too old resource version',
    reason: 'Expired',
    code: 410,
  };
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code }));
}

/** `/api/v1/namespaces/demo/pods` → collection; `/apis/apps/v1/namespaces/demo/deployments/web` → collection + name. */
function split(pathname: string): { collection: string; name: string | undefined } {
  const parts = pathname.split('/').filter(Boolean);
  const ns = parts.indexOf('namespaces');
  // .../namespaces/<ns>/<resource>[/<name>]
  if (ns >= 0 && parts.length === ns + 4)
    return { collection: `/${parts.slice(0, ns + 3).join('/')}`, name: parts[ns + 3] };
  return { collection: `/${parts.join('/')}`, name: undefined };
}

function matches(obj: Obj, labelSelector: string | undefined, fieldSelector: string | undefined): boolean {
  const labels = obj.metadata.labels ?? {};
  for (const term of (labelSelector ?? '').split(',').filter(Boolean)) {
    const [k, v] = term.split('=');
    if (v === undefined ? !(term in labels) : labels[k as string] !== v) return false;
  }
  for (const term of (fieldSelector ?? '').split(',').filter(Boolean)) {
    const [k, v] = term.split('=') as [string, string];
    const actual =
      k === 'metadata.name' ? obj.metadata.name : k === 'type' ? (obj as { type?: string }).type : undefined;
    if (actual !== v) return false;
  }
  return true;
}

function applyOp(target: Record<string, unknown>, op: { op: string; path: string; value: unknown }): void {
  const keys = op.path.split('/').slice(1);
  let cur = target as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (op.op === 'replace' && !(last in cur)) throw new Error(`replace: missing ${op.path}`);
  cur[last] = structuredClone(op.value);
}
