/**
 * A list-then-watch cache of one kind of object: it lists once, then follows the watch stream from
 * that resourceVersion (bookmarks included), reconnects from the last resourceVersion when the
 * stream ends, and lists again on 410 Gone. Any other failure restarts it with backoff (1 s
 * doubling to 30 s), except 401/403, which no waiting fixes and which become a KubeSetupError naming
 * the verb, resource and namespace. Never a polling loop: between reconnects the API server pushes
 * changes. Every request is bounded (http.ts) and stops when the informer stops.
 */
import type { Timers } from '../clock.js';
import { accessProblem, briefly, KubeSetupError, statusOf } from './errors.js';
import { listJson, watchJson, type WatchEvent } from './http.js';
import type { ClusterAccess } from './kubeconfig.js';

export interface KubeObject {
  readonly metadata?: { readonly name?: string; readonly resourceVersion?: string };
}

export interface InformerOptions<T> {
  readonly access: ClusterAccess;
  /** Collection path, e.g. `/api/v1/namespaces/demo/pods`. */
  readonly path: string;
  /** For messages: `pods`, `deployments.apps`, `targetgroupbindings.elbv2.k8s.aws`. */
  readonly resource: string;
  readonly namespace: string;
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** A 404 means the resource type is not installed (a CRD): deliver an empty list and stop. */
  readonly optional?: boolean;
  /** Changes are delivered at most this often (the whole list each time). */
  readonly coalesceMs?: number;
  /**
   * Keeps only what the gate reads of each object (memory: a pod as the API server sends it,
   * managedFields included, is several KiB; a 1,000-replica rollout holds 1,250 of them).
   * Default: the object without metadata.managedFields.
   */
  readonly slim?: (obj: T) => T;
  /** The server ends each watch after this long (default 300 s, randomised by ±10 %). */
  readonly watchSeconds?: number;
  readonly timers: Timers;
  onChange(items: readonly T[]): void;
  onSetupError(error: KubeSetupError): void;
  log(message: string): void;
}

const MAX_RESTART_DELAY_MS = 30_000;

export class Informer<T extends KubeObject> {
  private phase: 'list' | 'watch' = 'list';
  private listed = false;
  private absent = false;
  private stopped = false;
  private restartDelayMs = 1_000;
  private lastFailure: unknown;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly stopSignal = new AbortController();
  private readonly objects = new Map<string, T>();
  private resourceVersion: string | undefined;
  private loop: Promise<void> | undefined;
  /** Lists and watch connections made, for the benchmark. */
  readonly stats = { lists: 0, watches: 0, restarts: 0, events: 0 };

  constructor(private readonly o: InformerOptions<T>) {}

  /**
   * Lists and starts watching; resolves once the first list is in (true) or it failed (false: a
   * setup error was reported, or `failure` says what went wrong while the informer keeps retrying).
   * `signal` bounds the first list only.
   */
  async start(signal?: AbortSignal): Promise<boolean> {
    const first = await this.list(signal);
    if (first === 'ok') {
      this.flush();
      this.loop = this.run(false);
    } else if (first === 'retry' && !this.stopped) {
      this.loop = this.run(true);
    }
    return this.listed || this.absent;
  }

  stop(): void {
    this.stopped = true;
    this.stopSignal.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  /** The last transient failure, while nothing could be listed yet. */
  get failure(): string | undefined {
    return this.listed || this.lastFailure === undefined
      ? undefined
      : `${this.o.resource} in namespace ${this.o.namespace}: ${this.phase} failed: ${briefly(this.lastFailure)}`;
  }

  items(): readonly T[] {
    return this.absent ? [] : [...this.objects.values()];
  }

  /** Lists into the cache: 'ok', 'retry' (transient failure, already logged), or 'stop'. */
  private async list(signal?: AbortSignal): Promise<'ok' | 'retry' | 'stop'> {
    this.phase = 'list';
    this.stats.lists++;
    try {
      const both = signal ? AbortSignal.any([signal, this.stopSignal.signal]) : this.stopSignal.signal;
      const result = await listJson<T>(
        this.o.access,
        this.o.path,
        { labelSelector: this.o.labelSelector, fieldSelector: this.o.fieldSelector },
        both,
        (item) => this.slim(item),
      );
      this.objects.clear();
      for (const item of result.items) this.objects.set(keyOf(item), item);
      this.resourceVersion = result.metadata.resourceVersion;
      this.listed = true;
      this.restartDelayMs = 1_000;
      return 'ok';
    } catch (e) {
      return this.failed(e);
    }
  }

  private async run(afterFailure: boolean): Promise<void> {
    let needList = !this.listed;
    if (afterFailure) await this.backoff();
    while (!this.stopped) {
      if (needList) {
        const r = await this.list();
        if (r === 'stop') return;
        if (r === 'retry') {
          await this.backoff();
          continue;
        }
        this.scheduleFlush();
        needList = false;
      }
      this.phase = 'watch';
      this.stats.watches++;
      let gone = false;
      try {
        const seconds = this.o.watchSeconds ?? 300;
        await watchJson(
          this.o.access,
          this.o.path,
          {
            labelSelector: this.o.labelSelector,
            fieldSelector: this.o.fieldSelector,
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: 'true',
            timeoutSeconds: String(Math.round(seconds * (0.9 + Math.random() * 0.2))),
          },
          (e) => {
            if (this.apply(e)) gone = true;
          },
          { signal: this.stopSignal.signal, idleMs: (seconds + 60) * 1000 },
        );
        if (gone) needList = true;
      } catch (e) {
        if (this.stopped) return;
        if (statusOf(e) === 410) {
          needList = true;
          continue;
        }
        const r = this.failed(e);
        if (r === 'stop') return;
        await this.backoff();
      }
    }
  }

  /** One watch event; answers true when the server says the resourceVersion is too old (410). */
  private apply(e: WatchEvent): boolean {
    const obj = e.object as T & { code?: number };
    if (e.type === 'ERROR') return obj?.code === 410 || (obj as { reason?: string })?.reason === 'Expired';
    const rv = obj?.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (e.type === 'BOOKMARK') return false;
    this.stats.events++;
    this.restartDelayMs = 1_000;
    if (e.type === 'DELETED') this.objects.delete(keyOf(obj));
    else if (e.type === 'ADDED' || e.type === 'MODIFIED') this.objects.set(keyOf(obj), this.slim(obj));
    this.scheduleFlush();
    return false;
  }

  private slim(obj: T): T {
    if (this.o.slim) return this.o.slim(obj);
    const meta = (obj as { metadata?: Record<string, unknown> }).metadata;
    if (!meta?.managedFields) return obj;
    const rest = { ...meta };
    delete rest.managedFields;
    return { ...obj, metadata: rest };
  }

  private scheduleFlush(): void {
    if (!this.listed || this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => this.flush(), this.o.coalesceMs ?? 50);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.stopped) this.o.onChange(this.items());
  }

  private async backoff(): Promise<void> {
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(MAX_RESTART_DELAY_MS, this.restartDelayMs * 2);
    this.stats.restarts++;
    await this.o.timers.sleep(delay, this.stopSignal.signal);
  }

  private failed(err: unknown): 'retry' | 'stop' {
    if (this.stopped) return 'stop';
    if (err instanceof KubeSetupError) {
      this.stop();
      this.o.onSetupError(err);
      return 'stop';
    }
    const problem = accessProblem(err, { verb: this.phase, resource: this.o.resource, namespace: this.o.namespace });
    if (problem) {
      this.stop();
      this.o.onSetupError(problem);
      return 'stop';
    }
    if (statusOf(err) === 404) {
      if (this.o.optional) {
        this.absent = true;
        this.stop();
        this.o.log(`${this.o.resource}: not served by this cluster (404); treated as none`);
        this.o.onChange([]);
        return 'stop';
      }
      this.stop();
      this.o.onSetupError(
        new KubeSetupError(
          `${this.o.resource} in namespace ${this.o.namespace}: 404 Not Found (${briefly(err)}); check \`namespace\`.`,
        ),
      );
      return 'stop';
    }
    this.lastFailure = err;
    this.o.log(
      `${this.o.resource}: ${this.phase} failed (${briefly(err)}); restarting in ${this.restartDelayMs / 1000}s`,
    );
    return 'retry';
  }

  /** Resolves when the background loop has ended (after stop()). */
  async settled(): Promise<void> {
    await this.loop;
  }
}

function keyOf(o: KubeObject): string {
  return o.metadata?.name ?? '';
}
