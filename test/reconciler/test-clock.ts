/**
 * A clock for client tests: `sleep` returns at once after moving `now` forward, and every wait
 * is recorded, so a test can assert the exact backoff sequence without real time passing.
 */
import type { Clock } from '../../src/reconciler/store.js';

/** An auto-advancing clock that records its sleeps. */
export class TestClock implements Clock {
  public readonly sleeps: number[] = [];
  private time: number;

  public constructor(start = Date.UTC(2026, 0, 1)) {
    this.time = start;
  }

  public now(): number {
    return this.time;
  }

  public monotonic(): number {
    return this.time;
  }

  /** Returns at once (also when `signal` aborts later: the time has already passed). */
  public async sleep(ms: number, _signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }
}
