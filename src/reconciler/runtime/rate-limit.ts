/**
 * How long a failed key waits before it is tried again: per-key capped exponential backoff, an
 * overall token bucket, and the larger of several. No jitter: the same failures give the same
 * delays, so runs over a manual clock are reproducible.
 */
import type { Clock } from '../store.js';

/** Decides retry delays for keys. */
export interface RateLimiter {
  /** Records one more failure of `key`; returns how many milliseconds it should wait. */
  when(key: string): number;
  /** Forgets the failures of `key` (it succeeded). */
  forget(key: string): void;
  /** How many failures of `key` are recorded. */
  failures(key: string): number;
}

/** Options of `exponentialBackoff`. */
export interface BackoffOptions {
  /**
   * Delay after the first failure.
   * @default 5 (milliseconds, as controller-runtime)
   */
  readonly baseMs?: number;
  /**
   * The cap.
   * @default 300_000 (five minutes)
   */
  readonly maxMs?: number;
}

/** Per-key backoff: `baseMs · 2^(failures−1)`, at most `maxMs`. */
export function exponentialBackoff(options: BackoffOptions = {}): RateLimiter {
  const base = options.baseMs ?? 5;
  const max = options.maxMs ?? 300_000;
  const counts = new Map<string, number>();
  return {
    when(key) {
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      // 2^n overflows to Infinity long after the cap; Math.min keeps it finite.
      return Math.min(max, base * 2 ** n);
    },
    forget(key) {
      counts.delete(key);
    },
    failures(key) {
      return counts.get(key) ?? 0;
    },
  };
}

/** Options of `tokenBucket`. */
export interface TokenBucketOptions {
  readonly clock: Clock;
  /**
   * Retries per second, overall.
   * @default 10
   */
  readonly qps?: number;
  /**
   * Retries allowed at once before the rate applies.
   * @default 100
   */
  readonly burst?: number;
}

/**
 * An overall limit on retries (all keys together): `burst` at once, then `qps` per second.
 * Each call reserves the next free slot, so delays grow as retries pile up.
 */
export function tokenBucket(options: TokenBucketOptions): RateLimiter {
  const qps = options.qps ?? 10;
  const burst = options.burst ?? 100;
  let tokens = burst;
  let last = options.clock.now();
  return {
    when() {
      const now = options.clock.now();
      tokens = Math.min(burst, tokens + ((now - last) / 1000) * qps);
      last = now;
      tokens -= 1;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / qps) * 1000);
    },
    forget() {},
    failures() {
      return 0;
    },
  };
}

/** The largest delay of several limiters (each records every failure). */
export function maxOfLimiters(...limiters: readonly RateLimiter[]): RateLimiter {
  return {
    when(key) {
      return limiters.reduce((most, limiter) => Math.max(most, limiter.when(key)), 0);
    },
    forget(key) {
      for (const limiter of limiters) limiter.forget(key);
    },
    failures(key) {
      return limiters.reduce((most, limiter) => Math.max(most, limiter.failures(key)), 0);
    },
  };
}

/** controller-runtime's default, with a five-minute cap: per-key 5 ms doubling, overall 10/s, burst 100. */
export function defaultRateLimiter(clock: Clock, backoff: BackoffOptions = {}): RateLimiter {
  return maxOfLimiters(exponentialBackoff(backoff), tokenBucket({ clock }));
}
