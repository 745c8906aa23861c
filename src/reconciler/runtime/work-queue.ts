/**
 * The work queue of a controller, as client-go's: keys (not events) are queued, so a burst of
 * changes to one object means one reconcile; a key is never handed to two workers at once (added
 * while in process, it comes back when `done`); delayed and rate-limited adds wait on the
 * injected clock.
 */
import type { Clock } from '../store.js';
import type { RateLimiter } from './rate-limit.js';

/** Options of a `WorkQueue`. */
export interface WorkQueueOptions {
  readonly clock: Clock;
  /** Delays of `addRateLimited`. */
  readonly rateLimiter: RateLimiter;
}

interface Delayed {
  readonly readyAt: number;
  readonly abort: AbortController;
}

/** A deduplicating FIFO of keys with delayed and rate-limited adds. */
export class WorkQueue {
  /** Ready keys from `head` on (a queue without O(n) shifts). */
  private ready: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly delayed = new Map<string, Delayed>();
  private readonly getters: ((key: string | undefined) => void)[] = [];
  private shuttingDown = false;

  public constructor(private readonly options: WorkQueueOptions) {}

  /** Queues `key` now, unless it is already waiting. */
  public add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    const getter = this.getters.shift();
    if (getter !== undefined) {
      this.dirty.delete(key);
      this.processing.add(key);
      getter(key);
    } else {
      this.ready.push(key);
    }
  }

  /** Queues `key` after `ms` milliseconds of the clock (at once for `ms <= 0`); an earlier wait wins. */
  public addAfter(key: string, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) {
      this.add(key);
      return;
    }
    const readyAt = this.options.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing !== undefined && existing.readyAt <= readyAt) return;
    existing?.abort.abort();
    const abort = new AbortController();
    const entry: Delayed = { readyAt, abort };
    this.delayed.set(key, entry);
    void this.options.clock.sleep(ms, abort.signal).then(() => {
      if (this.delayed.get(key) !== entry) return;
      this.delayed.delete(key);
      if (!abort.signal.aborted) this.add(key);
    });
  }

  /** Queues `key` after its rate limiter's delay (one more failure recorded). */
  public addRateLimited(key: string): void {
    this.addAfter(key, this.options.rateLimiter.when(key));
  }

  /** Forgets the failures of `key`. */
  public forget(key: string): void {
    this.options.rateLimiter.forget(key);
  }

  /** How many failures of `key` are recorded. */
  public failures(key: string): number {
    return this.options.rateLimiter.failures(key);
  }

  /** The next key to process; waits for one; `undefined` once the queue is shut down. */
  public get(): Promise<string | undefined> {
    if (this.shuttingDown) return Promise.resolve(undefined);
    const key = this.ready[this.head];
    if (key !== undefined) {
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.head);
        this.head = 0;
      }
      this.dirty.delete(key);
      this.processing.add(key);
      return Promise.resolve(key);
    }
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Marks `key` as processed; if it was added meanwhile, it is queued again. */
  public done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.dirty.delete(key);
      this.add(key);
    }
  }

  /** Stops handing out keys; waiting `get`s resolve with `undefined`; delayed adds are dropped. */
  public shutDown(): void {
    this.shuttingDown = true;
    for (const getter of this.getters.splice(0)) getter(undefined);
    for (const entry of this.delayed.values()) entry.abort.abort();
    this.delayed.clear();
    this.ready = [];
    this.head = 0;
    this.dirty.clear();
  }

  /** Keys ready to be processed. */
  public get length(): number {
    return this.ready.length - this.head;
  }

  /** Keys being processed. */
  public get inProcess(): number {
    return this.processing.size;
  }

  /** Keys waiting for a delay to pass. */
  public get waiting(): number {
    return this.delayed.size;
  }

  /** When the earliest delayed key becomes ready, or `undefined`. */
  public nextReadyAt(): number | undefined {
    let earliest: number | undefined;
    for (const entry of this.delayed.values()) if (earliest === undefined || entry.readyAt < earliest) earliest = entry.readyAt;
    return earliest;
  }

  /** Nothing ready, nothing in process, nothing delayed. */
  public isIdle(): boolean {
    return this.length === 0 && this.processing.size === 0 && this.delayed.size === 0;
  }
}
