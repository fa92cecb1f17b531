/**
 * JSON requests and watch streams to the Kubernetes API over undici, with a bound on every
 * request: connecting (TCP + TLS), waiting for the response headers, and reading the body each have
 * their own timeout, and every request also stops when the caller's signal aborts (the run's
 * deadline or a signal). Lists are fetched raw (the JSON the API server sends, the same shape the
 * watch delivers); the gate compares pod templates, so list and watch must agree.
 */
import { request } from 'undici';
import type { ClusterAccess } from './kubeconfig.js';
import { KubeApiError } from './errors.js';

export interface ListResult<T> {
  readonly metadata: { readonly resourceVersion?: string };
  readonly items: T[];
}

export type Query = Readonly<Record<string, string | undefined>>;

export interface RequestOptions {
  readonly method?: 'GET' | 'PATCH';
  readonly query?: Query;
  readonly body?: string;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
  /** The whole request, headers and body (default 60 s). */
  readonly timeoutMs?: number;
}

/** A request that did not complete: no answer, a broken connection, a timeout. */
export class KubeTransportError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'KubeTransportError';
  }
}

export function apiUrl(server: string, path: string, query: Query = {}): string {
  const url = new URL(server + path);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** A transport failure as one line: `no response headers within 30s (UND_ERR_HEADERS_TIMEOUT)`. */
export function transportError(e: unknown, timeoutMs: number): KubeTransportError {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code;
  const what =
    err.name === 'TimeoutError'
      ? `no complete answer within ${timeoutMs / 1000}s`
      : code === 'UND_ERR_HEADERS_TIMEOUT'
        ? 'no response headers in time'
        : code === 'UND_ERR_CONNECT_TIMEOUT'
          ? 'could not connect in time'
          : code === 'UND_ERR_BODY_TIMEOUT'
            ? 'the response stalled'
            : err.name === 'AbortError'
              ? 'cancelled'
              : (err.cause?.message ?? err.message ?? String(e));
  return new KubeTransportError(`${what}${code && !what.includes(code) ? ` (${code})` : ''}`, code);
}

/** One request; resolves with the parsed JSON of a 2xx answer, rejects with KubeApiError or KubeTransportError. */
export async function requestJson(access: ClusterAccess, path: string, o: RequestOptions = {}): Promise<unknown> {
  const timeoutMs = o.timeoutMs ?? 60_000;
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, deadline]) : deadline;
  let status: number;
  let text: string;
  try {
    const [headers, dispatcher] = await Promise.all([access.headers(signal), access.dispatcher(signal)]);
    const res = await request(apiUrl(access.server, path, o.query), {
      method: o.method ?? 'GET',
      dispatcher,
      signal,
      headers: {
        ...headers,
        accept: 'application/json',
        ...(o.contentType ? { 'content-type': o.contentType } : {}),
      },
      ...(o.body !== undefined ? { body: o.body } : {}),
      bodyTimeout: timeoutMs,
    });
    status = res.statusCode;
    text = await res.body.text();
  } catch (e) {
    if (e instanceof KubeApiError) throw e;
    if (e instanceof Error && e.name === 'KubeSetupError') throw e;
    throw transportError(
      deadline.aborted && !o.signal?.aborted ? Object.assign(new Error(), { name: 'TimeoutError' }) : e,
      timeoutMs,
    );
  }
  if (status < 200 || status >= 300) throw apiError(status, text);
  return JSON.parse(text) as unknown;
}

export function apiError(status: number, text: string): KubeApiError {
  let s: { reason?: string; message?: string } = {};
  try {
    s = JSON.parse(text) as typeof s;
  } catch {
    // not a Status object
  }
  return new KubeApiError(status, s.reason ?? '', s.message ?? text.slice(0, 300));
}

/**
 * Objects per list request. A list is read in pages, as client-go's reflector does (its pager's
 * default is 500): a 1,000-pod namespace then never sits in memory as one response, one string and
 * one parsed tree at once, only a page of it before `keep` reduces each object.
 */
export const LIST_PAGE_SIZE = 500;
/** A server that keeps answering with a continuation never ends a list: stop after this many pages. */
const MAX_LIST_PAGES = 2_000;

/**
 * Lists a collection page by page, handing each object to `keep` as its page arrives (the raw
 * object is dropped after). When a continuation has expired (410: the server compacted past the
 * list's snapshot) the list is read again in one piece, as client-go's pager does.
 */
export async function listJson<T, U = T>(
  access: ClusterAccess,
  path: string,
  query: Query,
  signal?: AbortSignal,
  keep: (item: T) => U = (item) => item as unknown as U,
): Promise<ListResult<U>> {
  const o = signal ? { signal } : {};
  const items: U[] = [];
  let next: string | undefined;
  let limit: string | undefined = String(LIST_PAGE_SIZE);
  let resourceVersion: string | undefined;
  for (let pages = 1; ; pages++) {
    if (pages > MAX_LIST_PAGES)
      throw new KubeTransportError(`the list of ${path} did not end after ${MAX_LIST_PAGES} pages`, undefined);
    let page: { metadata?: { resourceVersion?: string; continue?: string }; items?: T[] | null };
    try {
      page = (await requestJson(access, path, { query: { ...query, limit, continue: next }, ...o })) as typeof page;
    } catch (e) {
      if (next === undefined || !(e instanceof KubeApiError) || e.statusCode !== 410) throw e;
      items.length = 0;
      next = undefined;
      limit = undefined;
      continue;
    }
    for (const item of page.items ?? []) items.push(keep(item));
    resourceVersion = page.metadata?.resourceVersion;
    next = page.metadata?.continue || undefined;
    if (next === undefined) break;
  }
  return { metadata: { ...(resourceVersion ? { resourceVersion } : {}) }, items };
}

export interface WatchEvent {
  readonly type: string;
  readonly object: unknown;
}

/**
 * One watch connection: resolves when the server ends the stream (its `timeoutSeconds`, or a
 * restart), rejects on an error answer or a broken connection, or when nothing at all arrives for
 * `idleMs` (a dead connection). Stops when `signal` aborts.
 */
export async function watchJson(
  access: ClusterAccess,
  path: string,
  query: Query,
  onEvent: (e: WatchEvent) => void,
  o: { signal: AbortSignal; idleMs: number; onConnected?: () => void },
): Promise<void> {
  let res;
  try {
    const [headers, dispatcher] = await Promise.all([access.headers(o.signal), access.dispatcher(o.signal)]);
    res = await request(apiUrl(access.server, path, { ...query, watch: 'true' }), {
      method: 'GET',
      dispatcher,
      signal: o.signal,
      headers: { ...headers, accept: 'application/json' },
      bodyTimeout: o.idleMs,
    });
  } catch (e) {
    if (e instanceof Error && e.name === 'KubeSetupError') throw e;
    throw transportError(e, o.idleMs);
  }
  if (res.statusCode !== 200) throw apiError(res.statusCode, await res.body.text().catch(() => ''));
  o.onConnected?.();
  let partial = '';
  try {
    for await (const chunk of res.body) {
      partial += (chunk as Buffer).toString('utf8');
      let nl = partial.indexOf('\n');
      while (nl >= 0) {
        const line = partial.slice(0, nl).trim();
        partial = partial.slice(nl + 1);
        if (line) {
          let event: WatchEvent | undefined;
          try {
            event = JSON.parse(line) as WatchEvent;
          } catch {
            event = undefined;
          }
          if (event) onEvent(event);
        }
        nl = partial.indexOf('\n');
      }
    }
  } catch (e) {
    if (o.signal.aborted) return;
    throw transportError(e, o.idleMs);
  }
}
