import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { kubectl } from './kubectl.js';

export interface KubeObject {
  metadata?: { uid?: string; name?: string; namespace?: string; resourceVersion?: string };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface TrackerOptions<T> {
  labelSelector?: string;
  fieldSelector?: string;
  /** Called after the initial list (type 'LIST', object undefined) and after every event. */
  onChange?: (objects: ReadonlyMap<string, T>, type: WatchEventType | 'LIST', object: T | undefined) => void;
}

interface ListResponse<T> {
  metadata?: { resourceVersion?: string };
  items?: T[];
}

/**
 * Keeps the current set of objects of one collection (keyed by uid) from a list followed by a
 * watch from the list's resourceVersion, so no change between the two is missed. `ended`
 * rejects if the watch ends (or reports an ERROR event, e.g. 410 Gone) before stop() was called,
 * so a test cannot silently stop observing.
 */
export class ObjectTracker<T extends KubeObject> {
  readonly objects = new Map<string, T>();
  readonly ended: Promise<void>;
  private controller: AbortController | undefined;
  private stopped = false;
  private failure: Error | undefined;
  private settle!: (error?: Error) => void;

  private constructor(
    private readonly kc: KubeConfig,
    private readonly path: string,
    private readonly opts: TrackerOptions<T>,
  ) {
    this.ended = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
    // Avoid an unhandled rejection when the test never awaits `ended`; failures are also
    // reported by assertLive().
    this.ended.catch(() => undefined);
  }

  /** Starts tracking `path`, e.g. `/api/v1/namespaces/demo/pods`. */
  static async start<T extends KubeObject>(
    kc: KubeConfig,
    path: string,
    opts: TrackerOptions<T> = {},
  ): Promise<ObjectTracker<T>> {
    const tracker = new ObjectTracker<T>(kc, path, opts);
    await tracker.begin();
    return tracker;
  }

  private key(object: T): string {
    const meta = object.metadata ?? {};
    return meta.uid ?? `${meta.namespace ?? ''}/${meta.name ?? ''}`;
  }

  private async begin(): Promise<void> {
    const query = new URLSearchParams();
    if (this.opts.labelSelector) query.set('labelSelector', this.opts.labelSelector);
    if (this.opts.fieldSelector) query.set('fieldSelector', this.opts.fieldSelector);
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    const { stdout } = await kubectl(['get', '--raw', `${this.path}${suffix}`]);
    const list = JSON.parse(stdout) as ListResponse<T>;
    for (const item of list.items ?? []) this.objects.set(this.key(item), item);
    this.opts.onChange?.(this.objects, 'LIST', undefined);

    const params: Record<string, string | boolean> = {
      resourceVersion: list.metadata?.resourceVersion ?? '',
      allowWatchBookmarks: true,
    };
    if (this.opts.labelSelector) params.labelSelector = this.opts.labelSelector;
    if (this.opts.fieldSelector) params.fieldSelector = this.opts.fieldSelector;

    this.controller = await new Watch(this.kc).watch(
      this.path,
      params,
      (type: string, object: T) => {
        if (type === 'BOOKMARK') return;
        if (type === 'ERROR') {
          this.fail(new Error(`watch ${this.path} reported an error: ${JSON.stringify(object)}`));
          return;
        }
        if (type === 'DELETED') this.objects.delete(this.key(object));
        else this.objects.set(this.key(object), object);
        this.opts.onChange?.(this.objects, type as WatchEventType, object);
      },
      (error: unknown) => {
        if (this.stopped) {
          this.settle();
        } else {
          const reason = error instanceof Error ? error.message : 'the server closed it';
          this.fail(new Error(`watch ${this.path} ended before the test stopped it: ${reason}`));
        }
      },
    );
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.controller?.abort();
    this.settle(error);
  }

  /** Throws if the watch has failed or ended on its own. */
  assertLive(): void {
    if (this.failure) throw this.failure;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.controller?.abort();
    this.settle();
  }
}
