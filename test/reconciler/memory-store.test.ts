import { describe, expect, it } from 'vitest';
import { kubeTimestamp, ManualClock, MANUAL_CLOCK_EPOCH, settle } from '../../src/reconciler/clock.js';
import { WRITE_OPERATIONS } from '../../src/reconciler/memory-faults.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { isStoreError, RESOURCES, type KubeObject, type StoreError } from '../../src/reconciler/store.js';
import { claim, describeStoreContract, ipAddress, record } from './store-contract.js';

describeStoreContract('MemoryStore', () => ({ store: new MemoryStore({ clock: new ManualClock() }), namespace: 'contract' }), { garbageCollection: true });

const NS = 'ns';

function fresh(options: { seed?: number; historyLimit?: number } = {}): { store: MemoryStore; clock: ManualClock } {
  const clock = new ManualClock();
  return { clock, store: new MemoryStore({ clock, ...options }) };
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function ownedBy(owner: KubeObject): Partial<KubeObject['metadata']> {
  return { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid! }] };
}

describe('MemoryStore (memory only)', () => {
  it('copies what is written once and hands out the stored object, frozen, without copying it again', async () => {
    // GIVEN an object written and then changed by its writer
    const { store } = fresh();
    const input = claim(NS, 'a', { labels: { x: '1' } });
    const created = await store.create(input);
    (input.metadata.labels as Record<string, string>).x = 'changed by the writer';
    // THEN the store kept what was written, and every reader gets the same frozen object
    const got = (await store.get(RESOURCES.ipAddressClaim, NS, 'a'))!;
    expect(got.metadata.labels).toEqual({ x: '1' });
    expect(got).toBe(created);
    expect((await store.list(RESOURCES.ipAddressClaim)).items[0]).toBe(got);
    expect(Object.isFrozen(got.metadata.labels)).toBe(true);
    expect(() => { (got.metadata.labels as Record<string, string>).x = '2'; }).toThrow(TypeError);
    // AND a status write shares the unchanged parts with the version before it
    const withStatus = await store.updateStatus({ ...got, status: { addressRef: { name: 'a' } } });
    expect(withStatus.spec).toBe(got.spec);
    expect(Object.isFrozen(withStatus.status)).toBe(true);
  });

  it('generates the same uids from the same seed and other uids from another seed', async () => {
    const uids = async (seed: number): Promise<string[]> => {
      const { store } = fresh({ seed });
      return [(await store.create(claim(NS, 'a'))).metadata.uid!, (await store.create(claim(NS, 'b'))).metadata.uid!];
    };
    const first = await uids(7);
    expect(await uids(7)).toEqual(first);
    expect(await uids(8)).not.toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0]).not.toBe(first[1]);
  });

  it('stamps creation and deletion with the injected clock, in whole seconds', async () => {
    const { store, clock } = fresh();
    await clock.advance(1_500);
    const created = await store.create(claim(NS, 'a', { finalizers: ['x/y'] }));
    expect(created.metadata.creationTimestamp).toBe(kubeTimestamp(MANUAL_CLOCK_EPOCH + 1_000));
    expect(created.metadata.creationTimestamp).toBe('2026-01-01T00:00:01Z');
    await clock.advance(2_000);
    await store.delete(RESOURCES.ipAddressClaim, NS, 'a');
    expect((await store.get(RESOURCES.ipAddressClaim, NS, 'a'))?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:03Z');
  });

  it('uses one resourceVersion counter for every kind, as etcd does', async () => {
    const { store } = fresh();
    const a = await store.create(claim(NS, 'a'));
    const b = await store.create(ipAddress(NS, 'b', '10.0.0.2'));
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(store.resourceVersion).toBe(b.metadata.resourceVersion);
  });

  it('keeps status as ordinary content for a kind without a status subresource and rejects updateStatus on it', async () => {
    const { store } = fresh();
    const created = await store.create({ ...ipAddress(NS, 'a', '10.0.0.2'), status: { note: 'kept' } });
    expect(created.status).toEqual({ note: 'kept' });
    expect((await failure(store.updateStatus(created))).reason).toBe('NotFound');
  });

  it('rejects a watch from a version older than its history with 410 Gone', async () => {
    const { store } = fresh({ historyLimit: 3 });
    const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim);
    for (const n of ['a', 'b', 'c', 'd', 'e']) await store.create(claim(NS, n));
    const w = record(store, RESOURCES.ipAddressClaim, { resourceVersion });
    await settle();
    expect(w.errors.map((e) => [e.reason, e.status])).toEqual([['Gone', 410]]);
    expect(w.events).toEqual([]);
    const recent = record(store, RESOURCES.ipAddressClaim, { resourceVersion: String(Number(store.resourceVersion) - 2) });
    await settle();
    expect(recent.summary()).toEqual(['ADDED d', 'ADDED e']);
  });

  it('collects garbage transitively: an owner, its dependent, and the dependent\'s dependent', async () => {
    const { store } = fresh();
    const owner = await store.create(claim(NS, 'owner'));
    const middle = await store.create(claim(NS, 'middle', ownedBy(owner)));
    await store.create(claim(NS, 'leaf', ownedBy(middle)));
    await store.create(claim(NS, 'bystander'));
    await store.delete(RESOURCES.ipAddressClaim, NS, 'owner');
    expect(store.dump(RESOURCES.ipAddressClaim).map((o) => o.metadata.name)).toEqual(['bystander']);
  });

  it('collects an object created with owner references to objects that do not exist', async () => {
    const { store } = fresh();
    await store.create(claim(NS, 'orphan', { ownerReferences: [{ apiVersion: 'v1', kind: 'Secret', name: 'gone', uid: 'no-such-uid' }] }));
    expect(await store.get(RESOURCES.ipAddressClaim, NS, 'orphan')).toBeUndefined();
  });

  it('does not count a namespaced owner in another namespace as an owner', async () => {
    const { store } = fresh();
    const owner = await store.create(claim('other', 'owner'));
    await store.create(claim(NS, 'dependent', ownedBy(owner)));
    expect(await store.get(RESOURCES.ipAddressClaim, NS, 'dependent')).toBeUndefined();
  });

  it('rejects kinds it does not serve with NotFound', async () => {
    const { store } = fresh();
    const error = await failure(store.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: NS } }));
    expect(error.reason).toBe('NotFound');
  });

  it('rejects a namespaced object without a namespace as Invalid', async () => {
    const { store } = fresh();
    expect((await failure(store.create({ ...claim(NS, 'a'), metadata: { name: 'a' } }))).reason).toBe('Invalid');
  });

  it('dumps objects sorted by namespace and name without counting a call', async () => {
    const { store } = fresh();
    await store.create(claim('b', 'x'));
    await store.create(claim('a', 'y'));
    await store.create(claim('a', 'x'));
    const calls = store.calls;
    expect(store.dump(RESOURCES.ipAddressClaim).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/x', 'a/y', 'b/x']);
    expect(store.calls).toEqual(calls);
  });
});

describe('MemoryStore fault injection', () => {
  it.each(WRITE_OPERATIONS)('fails the next %s with 409 Conflict without writing, then lets the retry through', async (op) => {
    const { store } = fresh();
    const existing = await store.create(claim(NS, 'a', { finalizers: ['x/y'] }));
    const call = (): Promise<unknown> => {
      switch (op) {
        case 'create':
          return store.create(claim(NS, 'b'));
        case 'update':
          return store.update({ ...existing, metadata: { ...existing.metadata, labels: { x: '1' } } });
        case 'updateStatus':
          return store.updateStatus({ ...existing, status: { addressRef: { name: 'a' } } });
        case 'delete':
          return store.delete(RESOURCES.ipAddressClaim, NS, 'a');
      }
    };
    store.faults.conflictOnNext(op);
    const before = store.resourceVersion;
    const error = await failure(call());
    expect([error.reason, error.status]).toEqual(['Conflict', 409]);
    expect(store.resourceVersion).toBe(before);
    await call();
    expect(store.resourceVersion).not.toBe(before);
    expect(store.faults.pending).toBe(0);
  });

  it('hits only calls that match kind, namespace and name, after skipping and for a count', async () => {
    const { store } = fresh();
    store.faults.inject({ ops: ['create'], kind: 'IPAddressClaim', name: 'target', skip: 1, count: 2, error: 'ServerError' });
    await store.create(ipAddress(NS, 'target', '10.0.0.2'));
    await store.create(claim(NS, 'other'));
    await store.create(claim('skipped', 'target'));
    expect((await failure(store.create(claim('one', 'target')))).reason).toBe('ServerError');
    expect((await failure(store.create(claim('two', 'target')))).status).toBe(500);
    await store.create(claim('three', 'target'));
    expect(store.faults.pending).toBe(0);
  });

  it('loses the answer of a write that happened: the caller gets a Timeout, the object is there', async () => {
    const { store } = fresh();
    store.faults.loseNextAnswer('create', 1, { kind: 'IPAddress' });
    const error = await failure(store.create(ipAddress(NS, 'a', '10.0.0.2')));
    expect(error.reason).toBe('Timeout');
    expect(error.transient).toBe(true);
    expect(await store.get(RESOURCES.ipAddress, NS, 'a')).toBeDefined();
    expect((await failure(store.create(ipAddress(NS, 'a', '10.0.0.2')))).reason).toBe('AlreadyExists');
  });

  it('answers late by the store clock when told to', async () => {
    const { store, clock } = fresh();
    await store.create(claim(NS, 'a'));
    store.faults.delayNext('get', 5_000);
    let answered = false;
    const pending = store.get(RESOURCES.ipAddressClaim, NS, 'a').then((o) => {
      answered = true;
      return o;
    });
    await clock.advance(4_999);
    expect(answered).toBe(false);
    await clock.advance(1);
    expect(answered).toBe(true);
    expect((await pending)?.metadata.name).toBe('a');
  });

  it('ends every open watch with 410 Gone on demand', async () => {
    const { store } = fresh();
    const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim);
    const a = record(store, RESOURCES.ipAddressClaim, { resourceVersion });
    const b = record(store, RESOURCES.ipAddress, { resourceVersion });
    await store.create(claim(NS, 'before'));
    expect(store.faults.failWatches()).toBe(2);
    await store.create(claim(NS, 'after'));
    await settle();
    expect(a.summary()).toEqual(['ADDED before']);
    expect(a.errors.map((e) => e.reason)).toEqual(['Gone']);
    expect(b.errors.map((e) => e.reason)).toEqual(['Gone']);
  });

  it('fails the next watch at once, and compaction makes watches from older versions fail with 410', async () => {
    const { store } = fresh();
    store.faults.failNextWatch('ServerError');
    const failed = record(store, RESOURCES.ipAddressClaim, { resourceVersion: store.resourceVersion });
    await settle();
    expect(failed.errors.map((e) => e.reason)).toEqual(['ServerError']);
    const old = store.resourceVersion;
    await store.create(claim(NS, 'a'));
    store.faults.compact();
    const gone = record(store, RESOURCES.ipAddressClaim, { resourceVersion: old });
    const current = record(store, RESOURCES.ipAddressClaim, { resourceVersion: store.resourceVersion });
    await store.create(claim(NS, 'b'));
    await settle();
    expect(gone.errors.map((e) => e.reason)).toEqual(['Gone']);
    expect(current.summary()).toEqual(['ADDED b']);
  });

  it('counts calls per operation', async () => {
    const { store } = fresh();
    await store.create(claim(NS, 'a'));
    await store.get(RESOURCES.ipAddressClaim, NS, 'a');
    await store.list(RESOURCES.ipAddressClaim);
    store.faults.failNext('get', 'TooManyRequests');
    await failure(store.get(RESOURCES.ipAddressClaim, NS, 'a'));
    expect(store.calls).toMatchObject({ create: 1, get: 2, list: 1, update: 0 });
  });

  it('clears pending rules', async () => {
    const { store } = fresh();
    store.faults.conflictOnNext(['create', 'update'], 5);
    store.faults.clear();
    await store.create(claim(NS, 'a'));
    expect(store.faults.pending).toBe(0);
  });
});
