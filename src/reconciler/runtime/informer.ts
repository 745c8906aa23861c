/**
 * An informer: a local cache of one kind of object, kept current by list + watch over a `Store`.
 *
 * - It lists, then watches from the list's resourceVersion, so no change between the two is
 *   missed. Watch events are applied in order and handed to the handlers at once.
 * - A watch that fails with 410 Gone (its version is too old) is answered by a fresh list; a
 *   watch that fails otherwise is resumed from the last version seen, after a backoff on the
 *   injected clock (and re-listed if that fails with 410). Failed lists are retried the same way.
 * - A re-list replaces the cache and hands the differences to the handlers as adds, updates and
 *   deletes, so the handlers never miss a change, only see several changes folded into one.
 * - Every `resyncMs` every cached object is handed to `onUpdate` again (old and new the same).
 */
import { isStoreError, type Clock, type KubeObject, type ListOptions, type ResourceType, type Store, type StoreError, type WatchEvent } from '../store.js';
import { errorText, silentLogger, type Logger } from './log.js';
import { exponentialBackoff, type BackoffOptions } from './rate-limit.js';

/** What an informer tells about changes. */
export interface InformerHandlers {
  onAdd?(object: KubeObject): void;
  /** `old` and `current` are the same object on a resync. */
  onUpdate?(old: KubeObject, current: KubeObject): void;
  /** `object` is the last state known. */
  onDelete?(object: KubeObject): void;
}

/** Options of an `Informer`. */
export interface InformerOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly type: ResourceType;
  /** Only this namespace and these labels. @default everything */
  readonly selector?: ListOptions;
  /**
   * How often every cached object is handed to `onUpdate` again; 0 for never.
   * @default 0
   */
  readonly resyncMs?: number;
  /**
   * Backoff between failed lists or watches.
   * @default { baseMs: 100, maxMs: 30_000 }
   */
  readonly retry?: BackoffOptions;
  /** @default silentLogger */
  readonly log?: Logger;
}

/** Where an informer stands. */
export type InformerState = 'new' | 'listing' | 'watching' | 'waiting' | 'stopped';

interface Waiter {
  readonly check: () => boolean;
  readonly resolve: (ok: boolean) => void;
}

/** The key of an object in the cache: `namespace/name` (`/name` when cluster-scoped). */
export function cacheKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** A cache of one kind of object kept current by list + watch. */
export class Informer {
  private readonly cache = new Map<string, KubeObject>();
  private readonly handlers: InformerHandlers[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly syncWaiters: (() => void)[] = [];
  private readonly abort = new AbortController();
  private readonly log: Logger;
  private readonly source: string;
  private currentState: InformerState = 'new';
  private version: string | undefined;
  private hasSynced = false;
  private stopWatch: (() => void) | undefined;

  public constructor(private readonly options: InformerOptions) {
    this.log = options.log ?? silentLogger;
    this.source = `informer/${options.type.plural}`;
  }

  /** Adds handlers; call before `start` to see the initial list as adds. */
  public addHandlers(handlers: InformerHandlers): void {
    this.handlers.push(handlers);
  }

  /** Starts listing and watching (once). */
  public start(): void {
    if (this.currentState !== 'new') return;
    void this.run();
    const resync = this.options.resyncMs ?? 0;
    if (resync > 0) void this.resyncLoop(resync);
  }

  /** Stops: no handler runs after this returns. */
  public stop(): void {
    this.currentState = 'stopped';
    this.abort.abort();
    this.stopWatch?.();
    this.stopWatch = undefined;
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.resolve(false);
    }
    for (const resolve of this.syncWaiters.splice(0)) resolve();
  }

  /** Where the informer stands. */
  public get state(): InformerState {
    return this.currentState;
  }

  /** Whether the first list has been applied. */
  public get synced(): boolean {
    return this.hasSynced;
  }

  /** The resourceVersion the cache is at. */
  public get resourceVersion(): string | undefined {
    return this.version;
  }

  /** Resolves once the first list has been applied (or at once if it has, or on stop). */
  public waitForSync(): Promise<void> {
    if (this.hasSynced || this.currentState === 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  /** The cached object (do not mutate it). */
  public get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.cache.get(cacheKey(this.options.type.namespaced ? namespace : undefined, name));
  }

  /** Every cached object, in key order (do not mutate them). */
  public list(): KubeObject[] {
    return [...this.cache.keys()].sort().map((key) => this.cache.get(key)!);
  }

  /** How many objects are cached. */
  public get size(): number {
    return this.cache.size;
  }

  /**
   * Resolves `true` as soon as `check()` holds — at once, or right after the cache change that
   * makes it hold (before any later change is applied) — or `false` after `timeoutMs` of the
   * clock, on `signal` or on stop.
   */
  public waitFor(check: () => boolean, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    if (this.currentState === 'stopped' || signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = new AbortController();
      const finish = (ok: boolean): void => {
        if (!this.waiters.delete(waiter)) return;
        timer.abort();
        signal?.removeEventListener('abort', onAbort);
        resolve(ok);
      };
      const waiter: Waiter = { check, resolve: finish };
      const onAbort = (): void => finish(false);
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      void this.options.clock.sleep(timeoutMs, timer.signal).then(() => finish(false));
    });
  }

  // ---------------------------------------------------------------------------------------------

  private async run(): Promise<void> {
    const backoff = exponentialBackoff(this.options.retry ?? { baseMs: 100, maxMs: 30_000 });
    let needList = true;
    while (!this.stopped) {
      if (needList) {
        this.currentState = 'listing';
        try {
          const result = await this.options.store.list(this.options.type, this.options.selector ?? {});
          if (this.stopped) return;
          this.replace(result.items);
          this.version = result.resourceVersion;
          backoff.forget('list');
          needList = false;
          if (!this.hasSynced) {
            this.hasSynced = true;
            for (const resolve of this.syncWaiters.splice(0)) resolve();
          }
        } catch (error) {
          if (this.stopped) return;
          this.log({ level: 'warn', source: this.source, message: 'list failed; retrying', fields: { error: errorText(error) } });
          await this.pause(backoff.when('list'));
          continue;
        }
      }
      this.currentState = 'watching';
      const failure = await this.watchOnce();
      if (this.stopped) return;
      if (isStoreError(failure, 'Gone')) {
        this.log({ level: 'info', source: this.source, message: 'watch expired (410 Gone); listing again', fields: { resourceVersion: this.version } });
        needList = true;
        continue;
      }
      this.log({ level: 'warn', source: this.source, message: 'watch failed; resuming', fields: { error: errorText(failure) } });
      await this.pause(backoff.when('watch'));
    }
  }

  /** Watches from the cache's version until the watch fails; returns the failure. */
  private watchOnce(): Promise<unknown> {
    return new Promise((resolve) => {
      let ended = false;
      const end = (error: unknown): void => {
        if (ended) return;
        ended = true;
        this.stopWatch = undefined;
        this.abort.signal.removeEventListener('abort', onStop);
        resolve(error);
      };
      const onStop = (): void => end(undefined);
      this.abort.signal.addEventListener('abort', onStop, { once: true });
      let handle: { stop(): void } | undefined;
      try {
        handle = this.options.store.watch(
          this.options.type,
          { ...(this.options.selector ?? {}), resourceVersion: this.version ?? '0' },
          {
            onEvent: (event) => {
              if (!ended && !this.stopped) this.apply(event);
            },
            onError: (error: StoreError) => {
              handle?.stop();
              end(error);
            },
          },
        );
        const watch = handle;
        this.stopWatch = () => {
          watch.stop();
          end(undefined);
        };
        if (ended) {
          watch.stop();
          this.stopWatch = undefined;
        }
      } catch (error) {
        end(error);
      }
    });
  }

  private async pause(ms: number): Promise<void> {
    this.currentState = 'waiting';
    await this.options.clock.sleep(ms, this.abort.signal);
  }

  private get stopped(): boolean {
    return this.currentState === 'stopped';
  }

  private apply(event: WatchEvent): void {
    if (event.type === 'BOOKMARK') {
      this.version = event.resourceVersion;
      return;
    }
    const object = event.object;
    const key = cacheKey(object.metadata.namespace, object.metadata.name);
    const old = this.cache.get(key);
    this.version = object.metadata.resourceVersion ?? this.version;
    if (event.type === 'DELETED') {
      if (old === undefined) return;
      this.cache.delete(key);
      this.notify((h) => h.onDelete?.(old));
    } else if (old === undefined) {
      this.cache.set(key, object);
      this.notify((h) => h.onAdd?.(object));
    } else {
      this.cache.set(key, object);
      this.notify((h) => h.onUpdate?.(old, object));
    }
  }

  /** Replaces the cache with a list, handing the differences to the handlers. */
  private replace(items: readonly KubeObject[]): void {
    const fresh = new Map<string, KubeObject>();
    for (const item of items) fresh.set(cacheKey(item.metadata.namespace, item.metadata.name), item);
    const keys = [...new Set([...this.cache.keys(), ...fresh.keys()])].sort();
    for (const key of keys) {
      const old = this.cache.get(key);
      const current = fresh.get(key);
      if (current === undefined) {
        this.cache.delete(key);
        this.notify((h) => h.onDelete?.(old!));
      } else if (old === undefined) {
        this.cache.set(key, current);
        this.notify((h) => h.onAdd?.(current));
      } else if (old.metadata.resourceVersion !== current.metadata.resourceVersion || old.metadata.uid !== current.metadata.uid) {
        this.cache.set(key, current);
        if (old.metadata.uid !== current.metadata.uid) {
          this.notify((h) => h.onDelete?.(old));
          this.notify((h) => h.onAdd?.(current));
        } else {
          this.notify((h) => h.onUpdate?.(old, current));
        }
      }
    }
  }

  private notify(call: (handlers: InformerHandlers) => void): void {
    for (const handlers of this.handlers) call(handlers);
    for (const waiter of [...this.waiters]) if (waiter.check()) waiter.resolve(true);
  }

  private async resyncLoop(everyMs: number): Promise<void> {
    while (!this.stopped) {
      await this.options.clock.sleep(everyMs, this.abort.signal);
      if (this.stopped) return;
      if (this.currentState !== 'watching') continue;
      for (const object of this.list()) this.notify((h) => h.onUpdate?.(object, object));
    }
  }
}
