// § numbers refer to docs/in-cluster-provider-rules.md.
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_NAME_LABEL,
  PAUSED_ANNOTATION,
  PROTECT_ADDRESS_FINALIZER,
  PROTECT_POOL_FINALIZER,
  RELEASE_ADDRESS_FINALIZER,
} from '../../src/reconciler/claims/api.js';
import { ADDRESS_ALLOCATED_CONDITION, runClaimBinder, untilSettled, type ClaimBinder, type ClaimBinderOptions } from '../../src/reconciler/claims/binder.js';
import { ManualClock, MANUAL_CLOCK_EPOCH } from '../../src/reconciler/clock.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';

const GROUP = 'ipam.cluster.x-k8s.io';

interface PoolRef {
  readonly kind: 'InClusterIPPool' | 'GlobalInClusterIPPool';
  readonly name: string;
}

class World {
  public readonly clock = new ManualClock();
  public readonly store = new MemoryStore({ clock: this.clock, seed: 42 });
  public readonly binders: ClaimBinder[] = [];

  public binder(options: Partial<ClaimBinderOptions> = {}): ClaimBinder {
    const binder = runClaimBinder({ store: this.store, clock: this.clock, identity: `binder-${this.binders.length}`, ...options });
    this.binders.push(binder);
    return binder;
  }

  public async pool(kind: PoolRef['kind'], namespace: string | undefined, name: string, spec: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): Promise<KubeObject> {
    const type = kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
    return this.store.create({ apiVersion: type.apiVersion, kind, metadata: { name, ...(namespace === undefined ? {} : { namespace }), ...meta }, spec });
  }

  public async cluster(namespace: string, name: string, spec: Record<string, unknown> = {}): Promise<KubeObject> {
    return this.store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name, namespace }, spec });
  }

  public async claim(namespace: string, name: string, pool: PoolRef, meta: Partial<KubeObject['metadata']> = {}): Promise<KubeObject> {
    return this.store.create({
      apiVersion: RESOURCES.ipAddressClaim.apiVersion,
      kind: 'IPAddressClaim',
      metadata: { name, namespace, labels: { [CLUSTER_NAME_LABEL]: 'prod' }, ...meta },
      spec: { poolRef: { apiGroup: GROUP, kind: pool.kind, name: pool.name } },
    });
  }

  public async deleteClaim(namespace: string, name: string): Promise<void> {
    await this.store.delete(RESOURCES.ipAddressClaim, namespace, name);
  }

  public get(type: (typeof RESOURCES)[keyof typeof RESOURCES], namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.dump(type).find((o) => o.metadata.namespace === namespace && o.metadata.name === name);
  }

  /** `namespace/claim → address` of every claim whose status points at an existing IPAddress. */
  public bindings(): Map<string, string> {
    const addresses = new Map(this.store.dump(RESOURCES.ipAddress).map((a) => [`${a.metadata.namespace}/${a.metadata.name}`, a]));
    const out = new Map<string, string>();
    for (const c of this.store.dump(RESOURCES.ipAddressClaim)) {
      const ref = (c.status as { addressRef?: { name: string } } | undefined)?.addressRef?.name;
      const a = ref === undefined ? undefined : addresses.get(`${c.metadata.namespace}/${ref}`);
      if (a !== undefined) out.set(`${c.metadata.namespace}/${c.metadata.name}`, (a.spec as { address: string }).address);
    }
    return out;
  }

  public async settle(maxMs?: number): Promise<void> {
    expect(await untilSettled(this.clock, this.binders, maxMs === undefined ? {} : { maxMs })).toBe(true);
  }

  public async stopAll(): Promise<void> {
    for (const b of this.binders) await b.stop({ graceful: false });
  }
}

/** The scope key of a bound address: the pool it came from (global pools span namespaces). */
function scopeOf(address: KubeObject): string {
  const ref = (address.spec as { poolRef: { kind: string; name: string } }).poolRef;
  return ref.kind === 'GlobalInClusterIPPool' ? `global/${ref.name}` : `${address.metadata.namespace}/${ref.name}`;
}

/**
 * Watches claims and IPAddresses and checks, on every change, that no two claims point at
 * IPAddresses holding one address of one pool. Counts IPAddresses deleted while their claim lives
 * (yields of tentative duplicates).
 */
function guardUniqueness(world: World): { readonly violations: string[]; readonly yields: () => number; stop(): void } {
  const violations: string[] = [];
  let yields = 0;
  const check = (): void => {
    const addresses = new Map(world.store.dump(RESOURCES.ipAddress).map((a) => [`${a.metadata.namespace}/${a.metadata.name}`, a]));
    const taken = new Map<string, string>();
    for (const c of world.store.dump(RESOURCES.ipAddressClaim)) {
      const ref = (c.status as { addressRef?: { name: string } } | undefined)?.addressRef?.name;
      const a = ref === undefined ? undefined : addresses.get(`${c.metadata.namespace}/${ref}`);
      if (a === undefined) continue;
      const key = `${scopeOf(a)} ${(a.spec as { address: string }).address}`;
      const holder = `${c.metadata.namespace}/${c.metadata.name}`;
      if (taken.has(key) && taken.get(key) !== holder) violations.push(`${key}: ${taken.get(key)} and ${holder}`);
      taken.set(key, holder);
    }
  };
  const rv = world.store.resourceVersion;
  const claims = world.store.watch(RESOURCES.ipAddressClaim, { resourceVersion: rv }, { onEvent: check, onError: () => {} });
  const addresses = world.store.watch(RESOURCES.ipAddress, { resourceVersion: rv }, {
    onEvent: (e) => {
      // Addresses never change once made; a claim's status change is what could break uniqueness.
      if (e.type === 'DELETED') {
        const owner = world.get(RESOURCES.ipAddressClaim, e.object.metadata.namespace, e.object.metadata.name);
        if (owner !== undefined && owner.metadata.deletionTimestamp === undefined) yields++;
      }
    },
    onError: () => {},
  });
  return { violations, yields: () => yields, stop: () => (claims.stop(), addresses.stop()) };
}

/** Creates `count` claims `<prefix>000…` in `namespace` against `pool`. */
async function claims(world: World, namespace: string, prefix: string, count: number, pool: PoolRef, from = 0): Promise<string[]> {
  const names: string[] = [];
  for (let i = from; i < from + count; i++) {
    const name = `${prefix}${String(i).padStart(3, '0')}`;
    await world.claim(namespace, name, pool);
    names.push(`${namespace}/${name}`);
  }
  return names;
}

const NODES: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
const SHARED: PoolRef = { kind: 'GlobalInClusterIPPool', name: 'shared' };

/** Pools and clusters of the common scenario: two namespaces with a pool each, one global IPv6 pool. */
async function fleet(world: World): Promise<void> {
  await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/26'], prefix: 24, gateway: '10.0.0.1' });
  await world.pool('InClusterIPPool', 'ns-b', 'nodes', { addresses: ['10.0.0.0/26'], prefix: 24, gateway: '10.0.0.1' });
  await world.pool('GlobalInClusterIPPool', undefined, 'shared', { addresses: ['fd00::/120'], prefix: 120 });
  await world.cluster('ns-a', 'prod');
  await world.cluster('ns-b', 'prod');
}

function expectAllBoundUniquely(world: World, expectedClaims: number): void {
  const bindings = world.bindings();
  expect(bindings.size).toBe(expectedClaims);
  expect(world.store.dump(RESOURCES.ipAddressClaim)).toHaveLength(expectedClaims);
  const seen = new Set<string>();
  for (const a of world.store.dump(RESOURCES.ipAddress)) {
    const key = `${scopeOf(a)} ${(a.spec as { address: string }).address}`;
    expect(seen.has(key), key).toBe(false);
    seen.add(key);
    expect(a.metadata.finalizers).toEqual([PROTECT_ADDRESS_FINALIZER]);
  }
  expect(seen.size).toBe(expectedClaims);
}

describe('claim binder acceptance', () => {
  it('binds a hundred claims across pools, lowest address first, none handed out twice', async () => {
    const world = new World();
    await fleet(world);
    const a = await claims(world, 'ns-a', 'node-', 35, NODES);
    const b = await claims(world, 'ns-b', 'node-', 35, NODES);
    const sa = await claims(world, 'ns-a', 'shared-', 15, SHARED);
    const sb = await claims(world, 'ns-b', 'shared-', 15, SHARED);
    const guard = guardUniqueness(world);
    world.binder();
    await world.settle();
    expectAllBoundUniquely(world, 100);
    const bindings = world.bindings();
    expect(a.map((k) => bindings.get(k))).toEqual(a.map((_, i) => `10.0.0.${i + 2}`));
    expect(b.map((k) => bindings.get(k))).toEqual(b.map((_, i) => `10.0.0.${i + 2}`));
    expect(new Set([...sa, ...sb].map((k) => bindings.get(k)))).toEqual(new Set(Array.from({ length: 30 }, (_, i) => `fd00::${(i + 1).toString(16)}`)));
    expect(guard.violations).toEqual([]);

    // The IPAddress and the claim, field by field (§6, §7).
    const claim = world.get(RESOURCES.ipAddressClaim, 'ns-a', 'node-000')!;
    const pool = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    const address = world.get(RESOURCES.ipAddress, 'ns-a', 'node-000')!;
    expect(claim.metadata.finalizers).toEqual([RELEASE_ADDRESS_FINALIZER]);
    expect(claim.status).toEqual({ addressRef: { name: 'node-000' } });
    expect(address.metadata).toMatchObject({
      labels: { [CLUSTER_NAME_LABEL]: 'prod' },
      finalizers: [PROTECT_ADDRESS_FINALIZER],
      ownerReferences: [
        { apiVersion: 'ipam.cluster.x-k8s.io/v1beta1', kind: 'IPAddressClaim', name: 'node-000', uid: claim.metadata.uid, controller: true, blockOwnerDeletion: true },
        { apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2', kind: 'InClusterIPPool', name: 'nodes', uid: pool.metadata.uid, controller: false, blockOwnerDeletion: true },
      ],
    });
    expect(address.spec).toEqual({ address: '10.0.0.2', prefix: 24, gateway: '10.0.0.1', poolRef: { apiGroup: GROUP, kind: 'InClusterIPPool', name: 'nodes' }, claimRef: { name: 'node-000' } });
    const shared = world.get(RESOURCES.ipAddress, 'ns-b', 'shared-000')!;
    expect(shared.spec).not.toHaveProperty('gateway');
    expect(shared.metadata.ownerReferences?.[1]).toMatchObject({ kind: 'GlobalInClusterIPPool', name: 'shared' });

    // Pool counts and finalizers (§5, §10.3).
    expect(pool.metadata.finalizers).toEqual([PROTECT_POOL_FINALIZER]);
    expect(pool.status).toEqual({ ipAddresses: { total: 62, used: 35, free: 27, outOfRange: 0 } });
    expect(world.get(RESOURCES.globalInClusterIPPool, undefined, 'shared')!.status).toEqual({ ipAddresses: { total: 255, used: 30, free: 225, outOfRange: 0 } });
    guard.stop();
    await world.stopAll();
  });

  it('converges when 409 Conflicts (and lost answers and 5xx) hit every write path', async () => {
    const world = new World();
    await fleet(world);
    // Every write the binder makes, each hit twice at once and (where there are enough of them) again later.
    const paths: [string, 'create' | 'update' | 'updateStatus' | 'delete', readonly number[]][] = [
      ['IPAddressClaim', 'update', [0, 5, 15]],
      ['IPAddressClaim', 'updateStatus', [0, 5, 15]],
      ['IPAddress', 'create', [0, 5, 15]],
      ['IPAddress', 'update', [0, 5, 15]],
      ['IPAddress', 'delete', [0, 3]],
      ['InClusterIPPool', 'update', [0]],
      // Pool counts are written once per burst of claims, so there are fewer of these.
      ['InClusterIPPool', 'updateStatus', [0, 3]],
      ['GlobalInClusterIPPool', 'update', [0]],
      ['GlobalInClusterIPPool', 'updateStatus', [0]],
    ];
    for (const [kind, op, skips] of paths) {
      for (const skip of skips) world.store.faults.inject({ ops: [op], kind, skip, count: 2, error: 'Conflict' });
    }
    world.store.faults.loseNextAnswer('create', 2, { kind: 'IPAddress' });
    world.store.faults.loseNextAnswer('update', 1, { kind: 'IPAddress' });
    world.store.faults.failNext('updateStatus', 'ServerError', 2, { kind: 'IPAddressClaim' });
    world.store.faults.failNext('get', 'TooManyRequests', 1);
    const guard = guardUniqueness(world);
    const binder = world.binder();
    await claims(world, 'ns-a', 'node-', 20, NODES);
    await claims(world, 'ns-b', 'shared-', 10, SHARED);
    await world.settle();
    expectAllBoundUniquely(world, 30);
    // Release half (the delete and unprotect paths), then claim again.
    for (let i = 0; i < 20; i += 2) await world.deleteClaim('ns-a', `node-${String(i).padStart(3, '0')}`);
    await world.settle();
    await claims(world, 'ns-a', 'late-', 12, NODES);
    await world.settle();
    expect(world.store.faults.remaining()).toEqual([]);
    expectAllBoundUniquely(world, 20 - 10 + 10 + 12);
    expect(guard.violations).toEqual([]);
    expect(binder.stats.transientFailures).toBeGreaterThan(10);
    // Released addresses are reused, lowest first: the late claims fill the gaps left, no hole remains.
    const inNsA = [...world.bindings()].filter(([k]) => k.startsWith('ns-a/')).map(([, v]) => Number(v.split('.')[3]));
    expect(inNsA.sort((x, y) => x - y)).toEqual(Array.from({ length: 22 }, (_, i) => i + 2));
    expect(world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!.status).toEqual({ ipAddresses: { total: 62, used: 22, free: 40, outOfRange: 0 } });
    guard.stop();
    await world.stopAll();
  });

  it('recovers when its watches fail with 410 Gone and the history it would resume from is compacted', async () => {
    const world = new World();
    await fleet(world);
    const guard = guardUniqueness(world);
    const binder = world.binder();
    await claims(world, 'ns-a', 'node-', 10, NODES);
    await world.settle();
    const lists = world.store.calls.list;
    // Every watch breaks; changes land while they are down; the history is compacted.
    expect(world.store.faults.failWatches('Gone')).toBeGreaterThanOrEqual(5);
    await claims(world, 'ns-a', 'node-', 10, NODES, 10);
    await world.deleteClaim('ns-a', 'node-003');
    world.store.faults.compact();
    world.store.faults.failNextWatch('Gone', 2);
    await world.settle();
    expect(world.store.calls.list).toBeGreaterThanOrEqual(lists + 5);
    expectAllBoundUniquely(world, 19);
    expect(world.bindings().get('ns-a/node-019')).toBe('10.0.0.21');
    // A watch that fails otherwise is resumed, and nothing is missed either.
    world.store.faults.failWatches('ServerError');
    await claims(world, 'ns-b', 'node-', 3, NODES);
    await world.settle();
    expectAllBoundUniquely(world, 22);
    expect(binder.isLeader).toBe(true);
    expect(guard.violations).toEqual([]);
    guard.stop();
    await world.stopAll();
  });

  it('never hands one address to two claims when two binders race without a Lease', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.10-10.0.0.49'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    const guard = guardUniqueness(world);
    // Slow IPAddress creates keep each binder's cache behind the other's writes.
    world.store.faults.inject({ ops: ['create'], kind: 'IPAddress', count: 30, delayMs: 3 });
    world.binder({ leaderElection: false, workers: 4 });
    world.binder({ leaderElection: false, workers: 4 });
    await claims(world, 'ns-a', 'node-', 40, NODES);
    await world.settle();
    // 40 claims, 40 addresses: any duplicate would leave a claim unbound.
    expectAllBoundUniquely(world, 40);
    expect(new Set(world.bindings().values()).size).toBe(40);
    expect(guard.violations).toEqual([]);
    expect(guard.yields()).toBeGreaterThan(0);
    guard.stop();
    await world.stopAll();
  });

  it('lets only the Lease holder bind when two binders run with leader election, and the other take over when it crashes', async () => {
    const world = new World();
    await fleet(world);
    const guard = guardUniqueness(world);
    const first = world.binder();
    const second = world.binder();
    await claims(world, 'ns-a', 'node-', 20, NODES);
    await world.settle();
    expect([first.isLeader, second.isLeader]).toEqual([true, false]);
    expect(second.stats.claimReconciles).toBe(0);
    await first.stop({ graceful: false });
    const crashedAt = world.clock.now();
    await claims(world, 'ns-a', 'node-', 10, NODES, 20);
    await world.settle();
    expect(second.isLeader).toBe(true);
    expect(world.clock.now() - crashedAt).toBeGreaterThanOrEqual(15_000);
    expect(second.stats.claimReconciles).toBeGreaterThan(0);
    expectAllBoundUniquely(world, 30);
    expect(guard.violations).toEqual([]);
    const lease = world.get(RESOURCES.lease, 'capi-ionos-system', 'capi-ionos-claim-binder')!;
    expect(lease.spec).toMatchObject({ holderIdentity: 'binder-1', leaseTransitions: 1 });
    guard.stop();
    await world.stopAll();
  });

  it('finishes the work after a restart in the middle of a run, with a write still landing from before the crash', async () => {
    const world = new World();
    await fleet(world);
    const guard = guardUniqueness(world);
    await claims(world, 'ns-a', 'node-', 40, NODES);
    // The 21st IPAddress create hangs for a minute: the binder crashes while waiting for it.
    world.store.faults.inject({ ops: ['create'], kind: 'IPAddress', skip: 20, delayMs: 60_000 });
    const first = world.binder();
    expect(await world.clock.runUntil(() => world.store.faults.pending === 0, { maxMs: 10_000 })).toBe(true);
    expect(world.bindings().size).toBe(20);
    await first.stop({ graceful: false });
    const restarted = world.binder({ identity: 'binder-restarted' });
    await world.settle();
    expectAllBoundUniquely(world, 40);
    expect(restarted.stats.terms).toBe(1);
    expect([...world.bindings().values()].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `10.0.0.${i + 2}`).sort());
    expect(guard.violations).toEqual([]);
    guard.stop();
    await world.stopAll();
  });

  it('holds a released address for the pool\'s grace period on the injected clock, then hands it out again', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.2'], prefix: 24, addressReuseGracePeriodSeconds: 30 });
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.claim('ns-a', 'first', NODES);
    await world.settle();
    await world.claim('ns-a', 'second', NODES);
    await world.settle();
    expect(world.bindings()).toEqual(new Map([['ns-a/first', '10.0.0.2']]));
    // Delete on a whole second, as the API server stamps deletionTimestamp.
    await world.clock.advanceTo(Math.ceil(world.clock.now() / 1000) * 1000);
    const deletedAt = world.clock.now();
    await world.deleteClaim('ns-a', 'first');
    await world.clock.advanceTo(deletedAt + 29_999);
    expect(world.get(RESOURCES.ipAddress, 'ns-a', 'first')).toBeDefined();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'first')?.metadata.finalizers).toEqual([RELEASE_ADDRESS_FINALIZER]);
    expect(world.bindings().has('ns-a/second')).toBe(false);
    await world.clock.advanceTo(deletedAt + 30_000);
    await world.settle();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'first')).toBeUndefined();
    expect(world.bindings()).toEqual(new Map([['ns-a/second', '10.0.0.2']]));
    await world.stopAll();
  });
});

describe('claim binder behaviour', () => {
  it('writes a pool\'s counts once per burst of claims, not once per claim, and exactly once settled', async () => {
    // GIVEN 40 claims of one pool waiting for the binder
    const world = new World();
    await fleet(world);
    await claims(world, 'ns-a', 'node-', 40, NODES);
    let poolStatusWrites = 0;
    const updateStatus = world.store.updateStatus.bind(world.store);
    world.store.updateStatus = (object) => {
      if (object.kind === 'InClusterIPPool' && object.metadata.namespace === 'ns-a') poolStatusWrites++;
      return updateStatus(object);
    };
    // WHEN the binder binds them all
    world.binder();
    await world.settle();
    // THEN the pool's status was written a few times at most (it was once per claim: 40 and more)
    expect(poolStatusWrites).toBeLessThanOrEqual(3);
    // AND the counts are exact
    expect((world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!.status as { ipAddresses: unknown }).ipAddresses).toEqual({ total: 62, used: 40, free: 22, outOfRange: 0 });
    // AND releasing ten keeps them exact
    for (let i = 0; i < 10; i++) await world.deleteClaim('ns-a', `node-${String(i).padStart(3, '0')}`);
    await world.settle();
    expect((world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!.status as { ipAddresses: unknown }).ipAddresses).toEqual({ total: 62, used: 30, free: 32, outOfRange: 0 });
  });

  it('releases at once without a grace period, and the waiting claim gets the address (§8)', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.2'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.claim('ns-a', 'first', NODES);
    await world.settle();
    await world.claim('ns-a', 'second', NODES);
    await world.settle();
    const start = world.clock.now();
    await world.deleteClaim('ns-a', 'first');
    await world.settle();
    expect(world.clock.now() - start).toBeLessThan(1_000);
    expect(world.bindings()).toEqual(new Map([['ns-a/second', '10.0.0.2']]));
    await world.stopAll();
  });

  it('reports an exhausted pool with one Event and does not spin while it waits', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.2'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    const binder = world.binder();
    await world.claim('ns-a', 'first', NODES);
    await world.claim('ns-a', 'second', NODES);
    await world.settle();
    const reconciles = binder.stats.claimReconciles;
    const writes = world.store.calls.update + world.store.calls.updateStatus + world.store.calls.create;
    await world.clock.advance(3_600_000);
    await world.settle();
    // One hour later: the claims were looked at once per ten-minute resync, nothing else; the only
    // writes were Lease renewals and the Event's count, at most once per resync.
    expect(binder.stats.claimReconciles - reconciles).toBeLessThanOrEqual(2 * 6 + 2);
    const leaseRenewals = 3_600_000 / 2_000;
    expect(world.store.calls.update + world.store.calls.updateStatus + world.store.calls.create - writes).toBeLessThanOrEqual(leaseRenewals + 6);
    const events = world.store.dump(RESOURCES.event);
    expect(events.map((e) => [e.reason, (e.involvedObject as { name: string }).name, e.type])).toEqual([['PoolExhausted', 'second', 'Warning']]);
    expect(events[0]!.count).toBeLessThanOrEqual(7);
    expect(events[0]!.message).toBe('InClusterIPPool "nodes": no address available; the claim is bound when one is released or the pool grows');
    // Growing the pool binds the waiting claim.
    const pool = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    await world.store.update({ ...pool, spec: { ...(pool.spec as object), addresses: ['10.0.0.2-10.0.0.3'] } });
    await world.settle();
    expect(world.bindings().get('ns-a/second')).toBe('10.0.0.3');
    await world.stopAll();
  });

  it('reports a missing pool and binds the claim when the pool is created', async () => {
    const world = new World();
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.claim('ns-a', 'c', NODES);
    await world.settle();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'c')!.metadata.finalizers).toEqual([RELEASE_ADDRESS_FINALIZER]);
    expect(world.store.dump(RESOURCES.event).map((e) => e.reason)).toEqual(['PoolNotFound']);
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 });
    await world.settle();
    expect(world.bindings().get('ns-a/c')).toBe('10.0.0.1');
    await world.stopAll();
  });

  it('leaves claims of other pool kinds alone: no finalizer, no IPAddress', async () => {
    const world = new World();
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.store.create({
      apiVersion: RESOURCES.ipAddressClaim.apiVersion,
      kind: 'IPAddressClaim',
      metadata: { name: 'other', namespace: 'ns-a' },
      spec: { poolRef: { apiGroup: 'example.com', kind: 'MyPool', name: 'p' } },
    });
    await world.settle();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'other')!.metadata.finalizers).toBeUndefined();
    expect(world.store.dump(RESOURCES.ipAddress)).toEqual([]);
    await world.stopAll();
  });

  it('waits for a paused or missing Cluster, a paused pool and a paused claim, and binds once each lets go', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 }, { annotations: { [PAUSED_ANNOTATION]: '' } });
    await world.cluster('ns-a', 'paused', { paused: true });
    world.binder();
    await world.claim('ns-a', 'of-paused-cluster', NODES, { labels: { [CLUSTER_NAME_LABEL]: 'paused' } });
    await world.claim('ns-a', 'of-missing-cluster', NODES, { labels: { [CLUSTER_NAME_LABEL]: 'later' } });
    await world.claim('ns-a', 'of-paused-pool', NODES, { labels: {} });
    await world.settle();
    expect(world.bindings().size).toBe(0);
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'of-paused-cluster')!.metadata.finalizers).toBeUndefined();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'of-paused-pool')!.metadata.finalizers).toEqual([RELEASE_ADDRESS_FINALIZER]);

    const unpause = async (type: (typeof RESOURCES)[keyof typeof RESOURCES], name: string, spec?: object): Promise<void> => {
      const o = world.get(type, 'ns-a', name)!;
      await world.store.update({ ...o, metadata: { ...o.metadata, annotations: {} }, ...(spec === undefined ? {} : { spec }) });
      await world.settle();
    };
    await unpause(RESOURCES.inClusterIPPool, 'nodes');
    expect([...world.bindings().keys()]).toEqual(['ns-a/of-paused-pool']);
    await unpause(RESOURCES.cluster, 'paused', {});
    expect(world.bindings().has('ns-a/of-paused-cluster')).toBe(true);
    await world.cluster('ns-a', 'later');
    await world.settle();
    expect(world.bindings().has('ns-a/of-missing-cluster')).toBe(true);

    // A paused claim's own events are ignored (§9 step 1) until the annotation goes, whatever its value.
    await world.claim('ns-a', 'paused-claim', NODES, { labels: {}, annotations: { [PAUSED_ANNOTATION]: 'false' } });
    await world.settle();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'paused-claim')!.metadata.finalizers).toBeUndefined();
    await unpause(RESOURCES.ipAddressClaim, 'paused-claim');
    expect(world.bindings().size).toBe(4);
    await world.stopAll();
  });

  it('still binds a paused claim when its pool unpauses, as the provider does (only the claim\'s own events are filtered)', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 }, { annotations: { [PAUSED_ANNOTATION]: '' } });
    world.binder();
    await world.claim('ns-a', 'paused-claim', NODES, { labels: {}, annotations: { [PAUSED_ANNOTATION]: '' } });
    await world.settle();
    expect(world.bindings().size).toBe(0);
    const pool = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    await world.store.update({ ...pool, metadata: { ...pool.metadata, annotations: {} } });
    await world.settle();
    expect(world.bindings().get('ns-a/paused-claim')).toBe('10.0.0.1');
    await world.stopAll();
  });

  it('keeps a deleting claim and its address while its pool is paused', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.claim('ns-a', 'c', NODES);
    await world.settle();
    const pool = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    await world.store.update({ ...pool, metadata: { ...pool.metadata, annotations: { [PAUSED_ANNOTATION]: '' } } });
    await world.deleteClaim('ns-a', 'c');
    await world.settle();
    expect(world.get(RESOURCES.ipAddress, 'ns-a', 'c')).toBeDefined();
    const paused = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    await world.store.update({ ...paused, metadata: { ...paused.metadata, annotations: {} } });
    await world.settle();
    expect(world.get(RESOURCES.ipAddress, 'ns-a', 'c')).toBeUndefined();
    expect(world.get(RESOURCES.ipAddressClaim, 'ns-a', 'c')).toBeUndefined();
    await world.stopAll();
  });

  it('lets a deleted pool go once its claims are gone, skipping their grace period', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24, addressReuseGracePeriodSeconds: 300 });
    await world.cluster('ns-a', 'prod');
    world.binder();
    await claims(world, 'ns-a', 'c', 3, NODES);
    await world.settle();
    await world.store.delete(RESOURCES.inClusterIPPool, 'ns-a', 'nodes');
    await world.settle();
    expect(world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')?.metadata.deletionTimestamp).toBeDefined();
    const start = world.clock.now();
    for (const name of ['c000', 'c001', 'c002']) await world.deleteClaim('ns-a', name);
    await world.settle();
    expect(world.clock.now() - start).toBeLessThan(10_000);
    expect(world.store.dump(RESOURCES.ipAddressClaim)).toEqual([]);
    expect(world.store.dump(RESOURCES.ipAddress)).toEqual([]);
    expect(world.store.dump(RESOURCES.inClusterIPPool)).toEqual([]);
    await world.stopAll();
  });

  it('keeps an IPAddress whose claim vanished without a release, as the provider does, and lets it go when it is deleted', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    world.binder();
    await world.claim('ns-a', 'c', NODES);
    await world.settle();
    const pool = world.get(RESOURCES.inClusterIPPool, 'ns-a', 'nodes')!;
    await world.store.update({ ...pool, metadata: { ...pool.metadata, annotations: { [PAUSED_ANNOTATION]: '' } } });
    await world.deleteClaim('ns-a', 'c');
    const claim = world.get(RESOURCES.ipAddressClaim, 'ns-a', 'c')!;
    await world.store.update({ ...claim, metadata: { ...claim.metadata, finalizers: [] } });
    await world.settle();
    // The pool still owns it: garbage collection only drops the reference to the claim.
    const left = world.get(RESOURCES.ipAddress, 'ns-a', 'c')!;
    expect(left.metadata.ownerReferences?.map((r) => r.kind)).toEqual(['InClusterIPPool']);
    expect(left.metadata.finalizers).toEqual([PROTECT_ADDRESS_FINALIZER]);
    await world.store.delete(RESOURCES.ipAddress, 'ns-a', 'c');
    await world.settle();
    expect(world.get(RESOURCES.ipAddress, 'ns-a', 'c')).toBeUndefined();
    await world.stopAll();
  });

  it('adopts an IPAddress someone else created for the claim, keeping its spec', async () => {
    const world = new World();
    await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.0/24'], prefix: 24 });
    await world.cluster('ns-a', 'prod');
    await world.store.create({
      apiVersion: RESOURCES.ipAddress.apiVersion,
      kind: 'IPAddress',
      metadata: { name: 'c', namespace: 'ns-a', labels: { team: 'x' } },
      spec: { address: '10.0.0.77', prefix: 24, poolRef: { apiGroup: GROUP, kind: 'InClusterIPPool', name: 'nodes' }, claimRef: { name: 'c' } },
    });
    world.binder();
    await world.claim('ns-a', 'c', NODES);
    await world.settle();
    const adopted = world.get(RESOURCES.ipAddress, 'ns-a', 'c')!;
    expect(world.bindings().get('ns-a/c')).toBe('10.0.0.77');
    expect(adopted.metadata.labels).toEqual({ team: 'x', [CLUSTER_NAME_LABEL]: 'prod' });
    expect(adopted.metadata.ownerReferences?.map((r) => r.kind)).toEqual(['IPAddressClaim', 'InClusterIPPool']);
    await world.stopAll();
  });

  it('writes an AddressAllocated condition when asked to, and none by default (the provider writes none)', async () => {
    for (const claimConditions of [false, true]) {
      const world = new World();
      await world.pool('InClusterIPPool', 'ns-a', 'nodes', { addresses: ['10.0.0.2'], prefix: 24 });
      await world.cluster('ns-a', 'prod');
      world.binder({ claimConditions });
      await world.claim('ns-a', 'first', NODES);
      await world.claim('ns-a', 'second', NODES);
      await world.settle();
      const conditions = (name: string): unknown => (world.get(RESOURCES.ipAddressClaim, 'ns-a', name)!.status as { conditions?: unknown } | undefined)?.conditions;
      if (!claimConditions) {
        expect([conditions('first'), conditions('second')]).toEqual([undefined, undefined]);
      } else {
        expect(conditions('first')).toEqual([{ type: ADDRESS_ALLOCATED_CONDITION, status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }]);
        expect(conditions('second')).toEqual([
          { type: ADDRESS_ALLOCATED_CONDITION, status: 'False', severity: 'Warning', reason: 'PoolExhausted', message: 'InClusterIPPool "nodes": no address available; the claim is bound when one is released or the pool grows', lastTransitionTime: '2026-01-01T00:00:00Z' },
        ]);
      }
      await world.stopAll();
    }
  });

  it('gives the same answers on a replay with the same seed (reproducible for simulate)', async () => {
    const run = async (): Promise<string> => {
      const world = new World();
      await fleet(world);
      world.binder();
      await claims(world, 'ns-a', 'n', 12, NODES);
      await claims(world, 'ns-b', 's', 12, SHARED);
      await world.settle();
      for (let i = 0; i < 12; i += 3) await world.deleteClaim('ns-a', `n${String(i).padStart(3, '0')}`);
      await claims(world, 'ns-a', 'm', 4, NODES);
      await world.settle();
      const out = JSON.stringify({ bindings: [...world.bindings()], uids: world.store.dump(RESOURCES.ipAddress).map((a) => a.metadata.uid), now: world.clock.now() - MANUAL_CLOCK_EPOCH });
      await world.stopAll();
      return out;
    };
    expect(await run()).toBe(await run());
  });
});
