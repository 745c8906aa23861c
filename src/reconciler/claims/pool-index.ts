/**
 * The IPAddresses of every pool, from the binder's informer cache: which objects hold which
 * address, and a `PoolAllocator` per pool kept in step one object at a time.
 *
 * The store's IPAddress objects are the only truth: this index is a function of the informer's
 * cache (rebuilt with it on every re-list, since the informer hands the differences over), the
 * allocator of a pool is rebuilt whenever the pool's spec changes or its object count disagrees
 * with the index, and nothing is allocated from it directly — an address chosen here is only a
 * proposal that the decision logic checks against the same cache once the new object is in it.
 */
import { PoolAllocator, type PoolUsage } from '../../ipam/allocator.js';
import type { PoolSpec } from '../../ipam/pool-spec.js';
import type { KubeObject } from '../store.js';
import { addressPool, addressText, compareText, hasFinalizer, objectKey, poolKey, PROTECT_ADDRESS_FINALIZER, type PoolId } from './api.js';
import { addressIdentity, type AddressHolder, type InUse } from './decide.js';

interface Entry {
  readonly pool: string;
  readonly address: string;
  readonly identity: string;
  readonly committed: boolean;
  readonly namespace: string;
  readonly name: string;
}

interface PoolState {
  /** IPAddress key → entry. */
  readonly entries: Map<string, Entry>;
  /** Address identity → IPAddress keys. */
  readonly byIdentity: Map<string, Set<string>>;
  allocator?: { readonly spec: string; readonly allocator: PoolAllocator };
}

/** IPAddresses by pool and by address, with a lazily built allocator per pool. */
export class PoolIndex {
  private readonly pools = new Map<string, PoolState>();
  private readonly entries = new Map<string, Entry>();

  /** Records an IPAddress (new or changed). */
  public upsert(address: KubeObject): void {
    const key = objectKey(address.metadata.namespace, address.metadata.name);
    const pool = addressPool(address);
    const old = this.entries.get(key);
    if (pool === undefined) {
      if (old !== undefined) this.drop(key, old);
      return;
    }
    const text = addressText(address);
    const entry: Entry = {
      pool: poolKey(pool),
      address: text,
      identity: addressIdentity(text),
      committed: hasFinalizer(address, PROTECT_ADDRESS_FINALIZER),
      namespace: address.metadata.namespace ?? '',
      name: address.metadata.name,
    };
    if (old !== undefined) {
      if (old.pool === entry.pool && old.address === entry.address) {
        this.entries.set(key, entry);
        this.state(entry.pool).entries.set(key, entry);
        return;
      }
      this.drop(key, old);
    }
    this.entries.set(key, entry);
    const state = this.state(entry.pool);
    state.entries.set(key, entry);
    let set = state.byIdentity.get(entry.identity);
    if (set === undefined) {
      set = new Set();
      state.byIdentity.set(entry.identity, set);
    }
    set.add(key);
    state.allocator?.allocator.allocate(entry.address);
  }

  /** Forgets an IPAddress. */
  public remove(address: KubeObject): void {
    const key = objectKey(address.metadata.namespace, address.metadata.name);
    const old = this.entries.get(key);
    if (old !== undefined) this.drop(key, old);
  }

  /** How many IPAddresses reference the pool. */
  public count(pool: PoolId): number {
    return this.pools.get(poolKey(pool))?.entries.size ?? 0;
  }

  /**
   * The pool's allocator for `spec`, built from the index when missing, stale (another spec) or
   * out of step (its object count differs from the index's).
   * @throws ProblemError when the spec or an in-use address cannot be read (see `PoolAllocator`)
   */
  public allocator(pool: PoolId, spec: PoolSpec): PoolAllocator {
    const state = this.state(poolKey(pool));
    const specText = JSON.stringify(spec);
    const cached = state.allocator;
    if (cached !== undefined && cached.spec === specText && cached.allocator.usage().used === state.entries.size) return cached.allocator;
    state.allocator = undefined;
    const addresses = [...state.entries.values()].map((e) => e.address);
    const allocator = PoolAllocator.fromSpec(spec, addresses);
    state.allocator = { spec: specText, allocator };
    return allocator;
  }

  /** The pool's counts for `spec`. @throws ProblemError as `allocator` */
  public usage(pool: PoolId, spec: PoolSpec): PoolUsage {
    return this.allocator(pool, spec).usage();
  }

  /** The IPAddresses of the pool holding `address` (any spelling), sorted by namespace and name. */
  public holders(pool: PoolId, address: string): AddressHolder[] {
    const state = this.pools.get(poolKey(pool));
    const keys = state?.byIdentity.get(addressIdentity(address));
    if (state === undefined || keys === undefined) return [];
    return [...keys]
      .sort(compareText)
      .map((k) => state.entries.get(k)!)
      .map((e) => ({ namespace: e.namespace, name: e.name, committed: e.committed }));
  }

  /** An `InUse` view of one pool for `decideClaim`. */
  public inUse(pool: PoolId, spec: PoolSpec): InUse {
    return {
      next: () => this.allocator(pool, spec).next(),
      holders: (address) => this.holders(pool, address),
    };
  }

  private state(key: string): PoolState {
    let state = this.pools.get(key);
    if (state === undefined) {
      state = { entries: new Map(), byIdentity: new Map() };
      this.pools.set(key, state);
    }
    return state;
  }

  private drop(key: string, old: Entry): void {
    this.entries.delete(key);
    const state = this.pools.get(old.pool);
    if (state === undefined) return;
    state.entries.delete(key);
    const set = state.byIdentity.get(old.identity);
    set?.delete(key);
    if (set?.size === 0) state.byIdentity.delete(old.identity);
    state.allocator?.allocator.release(old.address);
  }
}
