/**
 * A list-then-watch cache of one kind of object, on client-node's ListWatch: it lists once, then
 * follows the watch stream from that resourceVersion, reconnects when the stream ends and lists
 * again on 410 Gone. ListWatch stops on any other error; this wrapper restarts it with backoff
 * (1 s doubling to 30 s), except for 401/403, which no waiting fixes and which become a
 * KubeSetupError naming the verb, resource and namespace. Never a polling loop: between
 * reconnects the API server pushes changes.
 */
import {
  ADD,
  DELETE,
  ERROR,
  ListWatch,
  UPDATE,
  Watch,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { Timers } from '../clock.js';
import { accessProblem, briefly, KubeSetupError, statusOf } from './errors.js';
import { listJson } from './http.js';

export interface InformerOptions<T> {
  readonly kc: KubeConfig;
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
  readonly timers: Timers;
  onChange(items: readonly T[]): void;
  onSetupError(error: KubeSetupError): void;
  log(message: string): void;
}

const MAX_RESTART_DELAY_MS = 30_000;

export class Informer<T extends KubernetesObject> {
  private readonly lw: ListWatch<T>;
  private phase: 'list' | 'watch' = 'list';
  private listed = false;
  private absent = false;
  private stopped = false;
  private restartDelayMs = 1_000;
  private lastFailure: unknown;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly stopSignal = new AbortController();
  /** Lists and watch connections made, for the benchmark. */
  readonly stats = { lists: 0, watches: 0, restarts: 0, events: 0 };

  constructor(private readonly o: InformerOptions<T>) {
    const watch = new Watch(o.kc);
    const originalWatch = watch.watch.bind(watch);
    watch.watch = async (...args: Parameters<Watch['watch']>) => {
      this.phase = 'watch';
      this.stats.watches++;
      return originalWatch(...args);
    };
    this.lw = new ListWatch<T>(o.path, watch, () => this.list(), false, o.labelSelector, o.fieldSelector);
    const changed = (): void => {
      this.stats.events++;
      this.restartDelayMs = 1_000;
      this.scheduleFlush();
    };
    this.lw.on(ADD, changed);
    this.lw.on(UPDATE, changed);
    this.lw.on(DELETE, changed);
    this.lw.on(ERROR, (err) => void this.failed(err));
  }

  /**
   * Lists and starts watching; resolves once the first list is in (true) or it failed (false: a
   * setup error was reported, or `failure` says what went wrong while the informer keeps retrying).
   */
  async start(): Promise<boolean> {
    await this.lw.start();
    if (this.listed) this.flush();
    return this.listed || this.absent;
  }

  stop(): void {
    this.stopped = true;
    this.stopSignal.abort();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    void this.lw.stop();
  }

  /** The last transient failure, while nothing could be listed yet. */
  get failure(): string | undefined {
    return this.listed || this.lastFailure === undefined
      ? undefined
      : `${this.o.resource} in namespace ${this.o.namespace}: ${this.phase} failed: ${briefly(this.lastFailure)}`;
  }

  items(): readonly T[] {
    return this.absent ? [] : this.lw.list();
  }

  private async list(): Promise<KubernetesListObject<T>> {
    this.phase = 'list';
    this.stats.lists++;
    const result = await listJson<T>(this.o.kc, this.o.path, {
      labelSelector: this.o.labelSelector,
      fieldSelector: this.o.fieldSelector,
    });
    this.listed = true;
    this.restartDelayMs = 1_000;
    return result as KubernetesListObject<T>;
  }

  private scheduleFlush(): void {
    if (!this.listed || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.o.coalesceMs ?? 50);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.stopped) this.o.onChange(this.items());
  }

  private async failed(err: unknown): Promise<void> {
    if (this.stopped) return;
    const problem = accessProblem(err, { verb: this.phase, resource: this.o.resource, namespace: this.o.namespace });
    if (problem) {
      this.stopped = true;
      this.o.onSetupError(problem);
      return;
    }
    if (statusOf(err) === 404) {
      if (this.o.optional) {
        this.absent = true;
        this.stopped = true;
        this.o.log(`${this.o.resource}: not served by this cluster (404); treated as none`);
        this.o.onChange([]);
        return;
      }
      this.stopped = true;
      this.o.onSetupError(
        new KubeSetupError(
          `${this.o.resource} in namespace ${this.o.namespace}: 404 Not Found (${briefly(err)}); check \`namespace\`.`,
        ),
      );
      return;
    }
    this.lastFailure = err;
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(MAX_RESTART_DELAY_MS, this.restartDelayMs * 2);
    this.stats.restarts++;
    this.o.log(`${this.o.resource}: ${this.phase} failed (${briefly(err)}); restarting in ${delay / 1000}s`);
    await this.o.timers.sleep(delay, this.stopSignal.signal);
    if (this.stopped) return;
    await this.lw.start();
    if (this.listed) this.scheduleFlush();
  }
}
