/**
 * What to do next for one pool (as the provider's `internal/controllers/inclusterippool.go`): keep its ProtectPool
 * finalizer while IPAddresses reference it, and its `status.ipAddresses` counts current. Pure.
 * Paused pools still get their counts (the provider's pool controller ignores pausing).
 */
import type { Count, PoolUsage } from '../../ipam/allocator.js';
import { isProblemError } from '../../problems.js';
import type { KubeObject } from '../store.js';
import { hasFinalizer, isDeleting, PROTECT_POOL_FINALIZER, withFinalizer, withoutFinalizer } from './api.js';

/** What the binder knows about a pool. */
export interface PoolFacts {
  readonly pool: KubeObject;
  /** How many IPAddress objects reference the pool (its scope). */
  readonly addresses: number;
  /**
   * The counts as the provider computes them (`PoolAllocator.usage()`).
   * @throws ProblemError when the spec cannot be allocated from
   */
  usage(): PoolUsage;
}

/** The next step for a pool. */
export type PoolDecision =
  | { readonly action: 'none' }
  | { readonly action: 'addPoolFinalizer'; readonly pool: KubeObject }
  | { readonly action: 'removePoolFinalizer'; readonly pool: KubeObject }
  | { readonly action: 'setPoolStatus'; readonly pool: KubeObject }
  | { readonly action: 'report'; readonly reason: 'InvalidPool'; readonly message: string };

/**
 * Whether two counts are equal, `number` and `bigint` alike. A stored count beyond
 * `Number.MAX_SAFE_INTEGER` may have come back from JSON as an inexact number: it equals the
 * count it was written from when it rounds to the same number (so that re-reading never looks
 * like a change and the pool is not rewritten forever).
 */
export function sameCount(stored: unknown, count: Count): boolean {
  if (typeof stored === 'bigint' || (typeof stored === 'number' && Number.isSafeInteger(stored))) return BigInt(stored) === BigInt(count);
  if (typeof stored === 'number' && Number.isFinite(stored)) return stored === Number(count);
  if (typeof stored === 'string' && /^-?\d+$/.test(stored)) return BigInt(stored) === BigInt(count);
  return false;
}

/** Whether a pool's `status.ipAddresses` shows `usage`. */
export function showsUsage(pool: KubeObject, usage: PoolUsage): boolean {
  const shown = (pool.status as { ipAddresses?: Record<string, unknown> } | undefined)?.ipAddresses;
  if (shown === undefined) return false;
  return (['total', 'used', 'free', 'outOfRange'] as const).every((field) => sameCount(shown[field], usage[field]));
}

/** Decides the next step for one pool. */
export function decidePool(facts: PoolFacts): PoolDecision {
  const { pool } = facts;
  if (isDeleting(pool)) {
    // docs/in-cluster-provider-rules.md §10.3: the finalizer goes once nothing references the pool;
    // counts are no longer kept.
    if (hasFinalizer(pool, PROTECT_POOL_FINALIZER) && facts.addresses === 0) {
      return { action: 'removePoolFinalizer', pool: withoutFinalizer(pool, PROTECT_POOL_FINALIZER) };
    }
    return { action: 'none' };
  }
  if (!hasFinalizer(pool, PROTECT_POOL_FINALIZER)) return { action: 'addPoolFinalizer', pool: withFinalizer(pool, PROTECT_POOL_FINALIZER) };
  let usage: PoolUsage;
  try {
    usage = facts.usage();
  } catch (error) {
    if (!isProblemError(error)) throw error;
    return { action: 'report', reason: 'InvalidPool', message: `${pool.kind} "${pool.metadata.name}" cannot be counted: ${error.message}` };
  }
  if (showsUsage(pool, usage)) return { action: 'none' };
  const status = { ...((pool.status as Record<string, unknown> | undefined) ?? {}), ipAddresses: { ...usage } };
  return { action: 'setPoolStatus', pool: { ...pool, status } };
}
