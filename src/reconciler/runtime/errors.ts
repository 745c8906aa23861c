/**
 * How a failed reconcile is treated. Transient failures (conflicts, 410, 429, 5xx, time-outs, an
 * object that moved) are retried with capped exponential backoff; permanent ones (invalid input,
 * forbidden) are not retried: the reconciler records them (an event, a condition) and waits for
 * the next change of the objects involved.
 */
import { isStoreError } from '../store.js';

const PERMANENT = Symbol.for('cdk8s-capi-ionos.PermanentError');

/** A failure that retrying the same reconcile cannot fix; the object must change first. */
export class PermanentError extends Error {
  public constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentError';
    Object.defineProperty(this, PERMANENT, { value: true });
  }
}

/** Whether `error` is a PermanentError (from any copy of this package). */
export function isPermanentError(error: unknown): error is PermanentError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[PERMANENT] === true;
}

/** The two ways a failure is handled. */
export type FailureKind = 'transient' | 'permanent';

/**
 * Sorts a failure: `PermanentError` and the store's `Invalid` / `Forbidden` are permanent;
 * everything else is transient — store conflicts, 410, 429, 5xx and time-outs, a `NotFound` or
 * `AlreadyExists` (the cache was behind: read again), and unexpected errors (retried with capped
 * backoff rather than dropped, so that nothing is lost and nothing spins).
 */
export function classifyFailure(error: unknown): FailureKind {
  if (isPermanentError(error)) return 'permanent';
  if (isStoreError(error, 'Invalid', 'Forbidden')) return 'permanent';
  return 'transient';
}
