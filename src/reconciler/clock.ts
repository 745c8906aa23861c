/**
 * Clocks for the reconciler: the system clock (for `capi-ionos reconcile`) and a manual clock
 * (for tests and `simulate`), whose time only moves when told to and whose sleepers wake in
 * order, one at a time, each followed by every bit of work it sets off.
 *
 * Library code never reads the time itself: it is handed a `Clock`.
 */
import type { Clock } from './store.js';

/**
 * The machine's clock: `Date.now()`, `performance.now()` (monotonic) and `setTimeout` (which
 * runs on the monotonic clock too). The one place that reads real time.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Seconds-precision RFC 3339 (`2026-01-01T00:00:00Z`), as the API server writes metadata timestamps. */
export function kubeTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Microsecond RFC 3339 (`2026-01-01T00:00:00.000000Z`): the API's `MicroTime`, e.g. in Leases. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * Lets every pending promise continuation run: resolves after the microtask queue has drained
 * and one turn of the event loop has passed. Work that only awaits other in-memory work (the
 * memory store, the controllers) is finished by then; work waiting on a clock is not.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Sleeper {
  readonly due: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** Options of `ManualClock.runUntil`. */
export interface RunUntilOptions {
  /**
   * How far the clock may be moved, in milliseconds, before giving up.
   * @default 3_600_000 (one hour of clock time)
   */
  readonly maxMs?: number;
}

/** 2026-01-01T00:00:00Z: where a `ManualClock` starts unless told otherwise. */
export const MANUAL_CLOCK_EPOCH = 1_767_225_600_000;

/**
 * A clock that stands still until `advance` moves it. Sleepers wake in order of their due time
 * (ties in the order they went to sleep); after each one wakes, all the work it sets off runs
 * (see `settle`) before the next one wakes, so a sleep started by that work and due within the
 * same advance wakes too, at its own time.
 *
 *   const clock = new ManualClock();
 *   const done = clock.sleep(1000).then(() => clock.now());
 *   await clock.advance(1500);          // done resolves with MANUAL_CLOCK_EPOCH + 1000
 */
export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  /** Sorted by (due, seq). */
  private sleepers: Sleeper[] = [];

  /** @param start milliseconds since the epoch @default MANUAL_CLOCK_EPOCH */
  public constructor(start: number = MANUAL_CLOCK_EPOCH) {
    this.current = start;
  }

  /** The clock's time in milliseconds since the epoch. */
  public now(): number {
    return this.current;
  }

  /** The same as `now()`: a manual clock never steps back. */
  public monotonic(): number {
    return this.current;
  }

  /** Resolves when the clock has been advanced by `ms` (at once for `ms <= 0`), or on abort. */
  public sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const sleeper: Sleeper = {
        due: this.current + ms,
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.insert(sleeper);
    });
  }

  /** How many sleepers are waiting. */
  public get pending(): number {
    return this.sleepers.length;
  }

  /** When the next sleeper is due, or `undefined` when nobody sleeps. */
  public nextDue(): number | undefined {
    return this.sleepers[0]?.due;
  }

  /** Moves the clock forward by `ms`, waking every sleeper due on the way, in order. */
  public async advance(ms: number): Promise<void> {
    await this.advanceTo(this.current + Math.max(0, ms));
  }

  /** Moves the clock to `time` (never backwards), waking every sleeper due by then, in order. */
  public async advanceTo(time: number): Promise<void> {
    await settle();
    for (;;) {
      const first = this.sleepers[0];
      if (first === undefined || first.due > time) break;
      this.sleepers.shift();
      this.current = Math.max(this.current, first.due);
      first.resolve();
      await settle();
    }
    this.current = Math.max(this.current, time);
    await settle();
  }

  /**
   * Lets work run and moves the clock from one sleeper to the next until `done()` holds.
   *
   * @returns whether `done()` held; `false` when nobody sleeps any more or the next sleeper is
   * due more than `maxMs` after the start (the clock then stays where it got to)
   */
  public async runUntil(done: () => boolean, options: RunUntilOptions = {}): Promise<boolean> {
    const limit = this.current + (options.maxMs ?? 3_600_000);
    for (;;) {
      await settle();
      if (done()) return true;
      const next = this.nextDue();
      if (next === undefined || next > limit) return false;
      await this.advanceTo(next);
    }
  }

  private insert(sleeper: Sleeper): void {
    let lo = 0;
    let hi = this.sleepers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.sleepers[mid]!;
      if (other.due < sleeper.due || (other.due === sleeper.due && other.seq < sleeper.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.sleepers.splice(lo, 0, sleeper);
  }
}
