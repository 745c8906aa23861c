/**
 * A controller: workers taking keys from a work queue and reconciling them, level-triggered.
 *
 *   const controller = runController({
 *     name: 'claims', clock, informers: [claims, addresses],
 *     reconcile: async (key, signal) => { ...; return { requeueAfterMs: 30_000 }; },
 *   });
 *   claims.addHandlers({ onAdd: (o) => controller.enqueue(keyOf(o)) });
 *
 * A reconcile that returns is done with its key (its failures are forgotten), unless it asks to
 * be called again after some time. A reconcile that throws is sorted (`classifyFailure`):
 * transient failures are retried through the rate limiter (capped exponential backoff),
 * permanent ones are logged and dropped until the key is queued again by a change.
 */
import type { Clock } from '../store.js';
import { classifyFailure } from './errors.js';
import type { Informer } from './informer.js';
import { errorText, silentLogger, type Logger } from './log.js';
import { defaultRateLimiter, type RateLimiter } from './rate-limit.js';
import { WorkQueue } from './work-queue.js';

/** What a reconcile asks for when it returns. */
export interface ReconcileResult {
  /** Reconcile the key again after this many milliseconds (the earliest request wins). */
  readonly requeueAfterMs?: number;
}

/** Reconciles one key; `signal` aborts when the controller stops (e.g. leadership is lost). */
export type Reconcile = (key: string, signal: AbortSignal) => Promise<ReconcileResult | void>;

/** Options of `runController`. */
export interface ControllerOptions {
  /** Used in log entries. */
  readonly name: string;
  readonly clock: Clock;
  readonly reconcile: Reconcile;
  /**
   * Informers the reconcile reads from: workers wait for their first list, and the controller
   * is only idle while they are watching.
   * @default none
   */
  readonly informers?: readonly Informer[];
  /**
   * Keys reconciled at the same time (never the same key twice at once).
   * @default 1
   */
  readonly workers?: number;
  /**
   * Delays of retries after transient failures.
   * @default defaultRateLimiter(clock): per key 5 ms doubling up to 5 min; 10/s overall, burst 100
   */
  readonly rateLimiter?: RateLimiter;
  /** @default silentLogger */
  readonly log?: Logger;
  /**
   * Called when a worker is done with a key and no key is ready or in process any more (keys
   * waiting for a delay may remain): the end of a burst of work.
   * @default nothing
   */
  readonly onDrained?: () => void;
}

/** Counters of a controller. */
export interface ControllerStats {
  readonly reconciles: number;
  readonly transientFailures: number;
  readonly permanentFailures: number;
}

/** A running controller. */
export interface Controller {
  readonly name: string;
  /** Queues `key` now. */
  enqueue(key: string): void;
  /** Queues `key` after `ms` milliseconds of the clock. */
  enqueueAfter(key: string, ms: number): void;
  /**
   * Nothing to do now or later: the informers are watching, no key is ready, in process or
   * waiting for a delay.
   */
  isIdle(): boolean;
  /** When the next delayed key is due, or `undefined`. */
  nextDueAt(): number | undefined;
  /** Whether a key is ready or in process now (keys waiting for a delay do not count). */
  isBusy(): boolean;
  readonly stats: ControllerStats;
  /** Aborts running reconciles, drops queued keys and waits for the workers to finish. */
  stop(): Promise<void>;
}

/** Starts a controller's workers (they wait for the informers' first list). */
export function runController(options: ControllerOptions): Controller {
  const clock = options.clock;
  const log = options.log ?? silentLogger;
  const queue = new WorkQueue({ clock, rateLimiter: options.rateLimiter ?? defaultRateLimiter(clock) });
  const abort = new AbortController();
  const informers = options.informers ?? [];
  const stats = { reconciles: 0, transientFailures: 0, permanentFailures: 0 };

  const work = async (): Promise<void> => {
    await Promise.all(informers.map((informer) => informer.waitForSync()));
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        stats.reconciles++;
        const result = await options.reconcile(key, abort.signal);
        if (abort.signal.aborted) continue;
        queue.forget(key);
        if (result?.requeueAfterMs !== undefined) queue.addAfter(key, result.requeueAfterMs);
      } catch (error) {
        if (abort.signal.aborted) continue;
        const kind = classifyFailure(error);
        if (kind === 'transient') {
          stats.transientFailures++;
          log({ level: 'debug', source: options.name, message: 'reconcile failed; retrying', fields: { key, error: errorText(error), failures: queue.failures(key) + 1 } });
          queue.addRateLimited(key);
        } else {
          stats.permanentFailures++;
          log({ level: 'warn', source: options.name, message: 'reconcile failed permanently; waiting for a change', fields: { key, error: errorText(error) } });
          queue.forget(key);
        }
      } finally {
        queue.done(key);
        if (options.onDrained !== undefined && queue.length === 0 && queue.inProcess === 0 && !abort.signal.aborted) options.onDrained();
      }
    }
  };

  const workers = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => work());
  return {
    name: options.name,
    enqueue: (key) => queue.add(key),
    enqueueAfter: (key, ms) => queue.addAfter(key, ms),
    isIdle: () => queue.isIdle() && informers.every((i) => i.state === 'watching'),
    nextDueAt: () => queue.nextReadyAt(),
    isBusy: () => queue.length > 0 || queue.inProcess > 0,
    get stats() {
      return { ...stats };
    },
    stop: async () => {
      abort.abort();
      queue.shutDown();
      await Promise.all(workers);
    },
  };
}
