/**
 * The Store contract as a reusable suite: what every Store must do, checked only where a real
 * kube-apiserver does the same (so the Kubernetes store runs this very suite against one).
 *
 *   describeStoreContract('MemoryStore', () => ({ store: new MemoryStore({ clock }), namespace: 'contract' }), { garbageCollection: true });
 *
 * Owner-reference garbage collection is done by kube-controller-manager, not the API server: its
 * tests run only with `{ garbageCollection: true }`. Checks that only the memory
 * store can make (seeded uids, history compaction, fault injection) live in memory-store.test.ts.
 *
 * Objects are valid for the CRDs in crds/ (the real server validates and prunes them).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isStoreError,
  RESOURCES,
  type KubeObject,
  type ListOptions,
  type ResourceType,
  type Store,
  type StoreError,
  type WatchEvent,
} from '../../src/reconciler/store.js';

/** What the suite runs against. */
export interface StoreFixture {
  readonly store: Store;
  /** An existing namespace for the test's objects (fresh per test, or at least empty of the names used). */
  readonly namespace: string;
  /** Prefix for names of cluster-scoped objects, unique per test. @default the namespace */
  readonly clusterPrefix?: string;
  /** Called after each test. */
  readonly cleanup?: () => Promise<void> | void;
}

/** Polls `check` (real time) until it holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(check: () => Promise<T> | T, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A watch that records what it gets. */
export interface Recorder {
  readonly events: WatchEvent[];
  readonly errors: StoreError[];
  stop(): void;
  /** `type name` of every non-bookmark event. */
  summary(): string[];
}

/** Starts a recording watch. */
export function record(store: Store, type: ResourceType, options: ListOptions & { readonly resourceVersion: string }): Recorder {
  const events: WatchEvent[] = [];
  const errors: StoreError[] = [];
  const watch = store.watch(type, options, { onEvent: (e) => events.push(e), onError: (e) => errors.push(e) });
  return {
    events,
    errors,
    stop: () => watch.stop(),
    summary: () => events.flatMap((e) => (e.type === 'BOOKMARK' ? [] : [`${e.type} ${e.object.metadata.name}`])),
  };
}

/** A valid IPAddressClaim (status subresource). */
export function claim(namespace: string, name: string, extra: Partial<KubeObject['metadata']> = {}, pool = 'pool-a'): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddressClaim.apiVersion,
    kind: RESOURCES.ipAddressClaim.kind,
    metadata: { name, namespace, ...extra },
    spec: { poolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: pool } },
  };
}

/** A valid IPAddress (no status subresource). */
export function ipAddress(namespace: string, name: string, address: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddress.apiVersion,
    kind: RESOURCES.ipAddress.kind,
    metadata: { name, namespace, ...extra },
    spec: { address, prefix: 24, poolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'pool-a' }, claimRef: { name } },
  };
}

/** A valid GlobalInClusterIPPool (cluster-scoped). */
export function globalPool(name: string): KubeObject {
  return {
    apiVersion: RESOURCES.globalInClusterIPPool.apiVersion,
    kind: RESOURCES.globalInClusterIPPool.kind,
    metadata: { name },
    spec: { addresses: ['10.9.0.0/24'], prefix: 24 },
  };
}

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (isStoreError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const FINALIZER = 'test.capi-ionos.dev/hold';

/** What the store under test can do beyond the API server. */
export interface StoreCapabilities {
  /**
   * Owner-reference garbage collection runs (the memory store; a cluster with kube-controller-manager).
   * @default false
   */
  readonly garbageCollection?: boolean;
}

/** Registers the contract suite for one Store implementation; `makeStore` runs before each test. */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture> | StoreFixture, capabilities: StoreCapabilities = {}): void {
  describe(`${name} fulfils the Store contract`, () => {
    let fx: StoreFixture;
    let store: Store;
    let ns: string;
    let watches: Recorder[];
    const watch = (type: ResourceType, options: ListOptions & { readonly resourceVersion: string }): Recorder => {
      const r = record(store, type, options);
      watches.push(r);
      return r;
    };

    beforeEach(async () => {
      fx = await makeStore();
      store = fx.store;
      ns = fx.namespace;
      watches = [];
    });

    afterEach(async () => {
      for (const w of watches) w.stop();
      await fx.cleanup?.();
    });

    describe('create and get', () => {
      it('fills in uid, resourceVersion, creationTimestamp and generation 1, and get returns the same object', async () => {
        const created = await store.create(claim(ns, 'c1', { labels: { a: 'b' } }));
        expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
        expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
        expect(created.metadata.generation).toBe(1);
        expect(created.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(created.metadata.labels).toEqual({ a: 'b' });
        const got = await store.get(RESOURCES.ipAddressClaim, ns, 'c1');
        expect(got?.metadata.uid).toBe(created.metadata.uid);
        expect(got?.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
        expect(got?.spec).toEqual(claim(ns, 'c1').spec);
      });

      it('returns undefined for an object that does not exist', async () => {
        expect(await store.get(RESOURCES.ipAddressClaim, ns, 'missing')).toBeUndefined();
      });

      it('rejects a create of a taken name with AlreadyExists (409)', async () => {
        await store.create(claim(ns, 'c1'));
        const error = await rejection(store.create(claim(ns, 'c1')));
        expect(error.reason).toBe('AlreadyExists');
        expect(error.status).toBe(409);
      });

      it('drops status on create of a kind with a status subresource', async () => {
        const created = await store.create({ ...claim(ns, 'c1'), status: { addressRef: { name: 'x' } } });
        expect(created.status ?? {}).toEqual({});
        expect((await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))?.status ?? {}).toEqual({});
      });

      it('serves cluster-scoped objects without a namespace', async () => {
        const poolName = `${fx.clusterPrefix ?? ns}-global`;
        const created = await store.create(globalPool(poolName));
        expect(created.metadata.namespace ?? '').toBe('');
        expect((await store.get(RESOURCES.globalInClusterIPPool, undefined, poolName))?.metadata.uid).toBe(created.metadata.uid);
        await store.delete(RESOURCES.globalInClusterIPPool, undefined, poolName);
      });

      it('keeps what it stores from changes to a returned object (a copy, or a frozen object that refuses them)', async () => {
        const created = await store.create(claim(ns, 'c1', { labels: { a: 'b' } }));
        try {
          (created.metadata.labels as Record<string, string>).a = 'changed';
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
        }
        expect((await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))?.metadata.labels).toEqual({ a: 'b' });
      });
    });

    describe('update and optimistic concurrency', () => {
      it('rejects an update with a stale resourceVersion with 409 Conflict', async () => {
        const created = await store.create(claim(ns, 'c1'));
        await store.update({ ...created, metadata: { ...created.metadata, labels: { x: '1' } } });
        const error = await rejection(store.update({ ...created, metadata: { ...created.metadata, labels: { x: '2' } } }));
        expect(error.reason).toBe('Conflict');
        expect(error.status).toBe(409);
        expect((await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))?.metadata.labels).toEqual({ x: '1' });
      });

      it('rejects an update of a custom resource without a resourceVersion as Invalid (422)', async () => {
        const created = await store.create(claim(ns, 'c1'));
        const { resourceVersion: _rv, ...meta } = created.metadata;
        const error = await rejection(store.update({ ...created, metadata: { ...meta, labels: { x: '1' } } }));
        expect(error.reason).toBe('Invalid');
        expect(error.status).toBe(422);
      });

      it('rejects an update of an object that does not exist with NotFound (404)', async () => {
        const error = await rejection(store.update({ ...claim(ns, 'ghost'), metadata: { name: 'ghost', namespace: ns, resourceVersion: '1' } }));
        expect(error.reason).toBe('NotFound');
        expect(error.status).toBe(404);
      });

      it('bumps resourceVersion on every change and generation only when the spec changes', async () => {
        const created = await store.create(claim(ns, 'c1'));
        const labelled = await store.update({ ...created, metadata: { ...created.metadata, labels: { x: '1' } } });
        expect(labelled.metadata.resourceVersion).not.toBe(created.metadata.resourceVersion);
        expect(labelled.metadata.generation).toBe(1);
        const respec = await store.update({ ...labelled, spec: { poolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'pool-b' } } });
        expect(respec.metadata.generation).toBe(2);
        expect(respec.metadata.uid).toBe(created.metadata.uid);
        expect(respec.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
      });

      it('keeps the resourceVersion when an update changes nothing', async () => {
        const created = await store.create(claim(ns, 'c1', { labels: { a: 'b' } }));
        const same = await store.update(created);
        expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
      });

      it('ignores status on update and everything but status on updateStatus', async () => {
        const created = await store.create(claim(ns, 'c1'));
        const updated = await store.update({ ...created, metadata: { ...created.metadata, labels: { x: '1' } }, status: { addressRef: { name: 'ignored' } } });
        expect(updated.status ?? {}).toEqual({});
        const statused = await store.updateStatus({
          ...updated,
          metadata: { ...updated.metadata, labels: { x: 'ignored' } },
          spec: { poolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'ignored' } },
          status: { addressRef: { name: 'c1' } },
        });
        expect(statused.status).toEqual({ addressRef: { name: 'c1' } });
        expect(statused.metadata.labels).toEqual({ x: '1' });
        expect(statused.spec).toEqual(created.spec);
        expect(statused.metadata.generation).toBe(1);
        expect(statused.metadata.resourceVersion).not.toBe(updated.metadata.resourceVersion);
      });

      it('rejects an updateStatus with a stale resourceVersion with 409 Conflict', async () => {
        const created = await store.create(claim(ns, 'c1'));
        await store.updateStatus({ ...created, status: { addressRef: { name: 'a' } } });
        const error = await rejection(store.updateStatus({ ...created, status: { addressRef: { name: 'b' } } }));
        expect(error.reason).toBe('Conflict');
      });

      it('takes a Lease with create and moves it on with resourceVersion checks', async () => {
        const lease = await store.create({
          apiVersion: RESOURCES.lease.apiVersion,
          kind: RESOURCES.lease.kind,
          metadata: { name: 'leader', namespace: ns },
          spec: { holderIdentity: 'a', leaseDurationSeconds: 15, renewTime: '2026-01-01T00:00:00.000000Z', leaseTransitions: 0 },
        });
        const renewed = await store.update({ ...lease, spec: { ...(lease.spec as object), renewTime: '2026-01-01T00:00:02.000000Z' } });
        expect((renewed.spec as { renewTime: string }).renewTime).toBe('2026-01-01T00:00:02.000000Z');
        const error = await rejection(store.update({ ...lease, spec: { ...(lease.spec as object), holderIdentity: 'b' } }));
        expect(error.reason).toBe('Conflict');
      });
    });

    describe('deletion and finalizers', () => {
      it('removes an object without finalizers at once', async () => {
        await store.create(claim(ns, 'c1'));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        expect(await store.get(RESOURCES.ipAddressClaim, ns, 'c1')).toBeUndefined();
      });

      it('rejects a delete of an object that does not exist with NotFound', async () => {
        expect((await rejection(store.delete(RESOURCES.ipAddressClaim, ns, 'ghost'))).reason).toBe('NotFound');
      });

      it('rejects a delete whose resourceVersion precondition is stale with 409 Conflict', async () => {
        const created = await store.create(claim(ns, 'c1'));
        await store.update({ ...created, metadata: { ...created.metadata, labels: { x: '1' } } });
        const error = await rejection(store.delete(RESOURCES.ipAddressClaim, ns, 'c1', { resourceVersion: created.metadata.resourceVersion }));
        expect(error.reason).toBe('Conflict');
        expect(await store.get(RESOURCES.ipAddressClaim, ns, 'c1')).toBeDefined();
      });

      it('keeps an object with finalizers, marked with a deletionTimestamp, until its last finalizer goes', async () => {
        await store.create(claim(ns, 'c1', { finalizers: [FINALIZER, `${FINALIZER}-2`] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const marked = await store.get(RESOURCES.ipAddressClaim, ns, 'c1');
        expect(marked?.metadata.deletionTimestamp).toMatch(/Z$/);
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const one = await store.update({ ...marked!, metadata: { ...marked!.metadata, finalizers: [`${FINALIZER}-2`] } });
        expect(one.metadata.deletionTimestamp).toBe(marked?.metadata.deletionTimestamp);
        await store.update({ ...one, metadata: { ...one.metadata, finalizers: [] } });
        expect(await store.get(RESOURCES.ipAddressClaim, ns, 'c1')).toBeUndefined();
      });

      it('rejects adding a finalizer to an object being deleted as Invalid', async () => {
        await store.create(claim(ns, 'c1', { finalizers: [FINALIZER] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const marked = (await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))!;
        const error = await rejection(store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [FINALIZER, `${FINALIZER}-new`] } }));
        expect(error.reason).toBe('Invalid');
        expect(error.status).toBe(422);
        await store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } });
      });

      it('still takes status updates of an object being deleted', async () => {
        await store.create(claim(ns, 'c1', { finalizers: [FINALIZER] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const marked = (await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))!;
        const statused = await store.updateStatus({ ...marked, status: { addressRef: { name: 'c1' } } });
        expect(statused.status).toEqual({ addressRef: { name: 'c1' } });
        await store.update({ ...statused, metadata: { ...statused.metadata, finalizers: [] } });
      });
    });

    describe('list', () => {
      it('lists one namespace, sorted by name, with a resourceVersion to watch from', async () => {
        for (const n of ['c3', 'c1', 'c2']) await store.create(claim(ns, n));
        const result = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        expect(result.items.map((i) => i.metadata.name)).toEqual(['c1', 'c2', 'c3']);
        expect(result.resourceVersion).toMatch(/^\d+$/);
      });

      it('lists only objects whose labels match an equality selector', async () => {
        await store.create(claim(ns, 'c1', { labels: { team: 'a', tier: '1' } }));
        await store.create(claim(ns, 'c2', { labels: { team: 'b' } }));
        await store.create(claim(ns, 'c3'));
        const result = await store.list(RESOURCES.ipAddressClaim, { namespace: ns, labels: { team: 'a' } });
        expect(result.items.map((i) => i.metadata.name)).toEqual(['c1']);
      });
    });

    describe('watch', () => {
      it('delivers ADDED, MODIFIED and DELETED after the listed resourceVersion, in order', async () => {
        await store.create(claim(ns, 'before'));
        const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        const w = watch(RESOURCES.ipAddressClaim, { namespace: ns, resourceVersion });
        const c1 = await store.create(claim(ns, 'c1'));
        await store.update({ ...c1, metadata: { ...c1.metadata, labels: { x: '1' } } });
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const summary = await eventually(() => w.summary(), (s) => s.length >= 3);
        expect(summary).toEqual(['ADDED c1', 'MODIFIED c1', 'DELETED c1']);
        expect(w.errors).toEqual([]);
      });

      it('replays changes made between the list and the start of the watch', async () => {
        const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        await store.create(claim(ns, 'early'));
        const w = watch(RESOURCES.ipAddressClaim, { namespace: ns, resourceVersion });
        expect(await eventually(() => w.summary(), (s) => s.length >= 1)).toEqual(['ADDED early']);
      });

      it('shows a deletion with finalizers as MODIFIED with a deletionTimestamp, then DELETED', async () => {
        const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        const w = watch(RESOURCES.ipAddressClaim, { namespace: ns, resourceVersion });
        await store.create(claim(ns, 'c1', { finalizers: [FINALIZER] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'c1');
        const marked = (await store.get(RESOURCES.ipAddressClaim, ns, 'c1'))!;
        await store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } });
        const summary = await eventually(() => w.summary(), (s) => s.includes('DELETED c1'));
        expect(summary[0]).toBe('ADDED c1');
        expect(summary[summary.length - 1]).toBe('DELETED c1');
        const modified = w.events.find((e) => e.type === 'MODIFIED');
        expect(modified?.type === 'MODIFIED' && modified.object.metadata.deletionTimestamp).toBeTruthy();
      });

      it('turns an object leaving a label selector into DELETED and one entering it into ADDED', async () => {
        const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        const w = watch(RESOURCES.ipAddressClaim, { namespace: ns, labels: { team: 'a' }, resourceVersion });
        const c1 = await store.create(claim(ns, 'c1', { labels: { team: 'b' } }));
        const moved = await store.update({ ...c1, metadata: { ...c1.metadata, labels: { team: 'a' } } });
        await store.update({ ...moved, metadata: { ...moved.metadata, labels: { team: 'c' } } });
        expect(await eventually(() => w.summary(), (s) => s.length >= 2)).toEqual(['ADDED c1', 'DELETED c1']);
      });

      it('calls no handler after stop', async () => {
        const { resourceVersion } = await store.list(RESOURCES.ipAddressClaim, { namespace: ns });
        const w = watch(RESOURCES.ipAddressClaim, { namespace: ns, resourceVersion });
        w.stop();
        await store.create(claim(ns, 'c1'));
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(w.events.filter((e) => e.type !== 'BOOKMARK')).toEqual([]);
      });
    });

    describe.runIf(capabilities.garbageCollection === true)('owner-reference garbage collection', () => {
      it('deletes a dependent whose only owner is deleted', async () => {
        const owner = await store.create(claim(ns, 'owner'));
        await store.create(ipAddress(ns, 'dependent', '10.0.0.2', { ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: 'owner', uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true }] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'owner');
        expect(await eventually(() => store.get(RESOURCES.ipAddress, ns, 'dependent'), (o) => o === undefined)).toBeUndefined();
      });

      it('marks a dependent with a finalizer as deleting when its owner goes', async () => {
        const owner = await store.create(claim(ns, 'owner'));
        await store.create(ipAddress(ns, 'dependent', '10.0.0.2', {
          finalizers: [FINALIZER],
          ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: 'owner', uid: owner.metadata.uid! }],
        }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'owner');
        const marked = await eventually(() => store.get(RESOURCES.ipAddress, ns, 'dependent'), (o) => o?.metadata.deletionTimestamp !== undefined);
        expect(marked?.metadata.deletionTimestamp).toBeDefined();
        await store.update({ ...marked!, metadata: { ...marked!.metadata, finalizers: [] } });
        expect(await eventually(() => store.get(RESOURCES.ipAddress, ns, 'dependent'), (o) => o === undefined)).toBeUndefined();
      });

      it('keeps a dependent that still has a live owner and drops the reference to the gone one', async () => {
        const a = await store.create(claim(ns, 'owner-a'));
        const b = await store.create(claim(ns, 'owner-b'));
        const ref = (o: KubeObject) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid! });
        await store.create(ipAddress(ns, 'dependent', '10.0.0.2', { ownerReferences: [ref(a), ref(b)] }));
        await store.delete(RESOURCES.ipAddressClaim, ns, 'owner-a');
        const kept = await eventually(() => store.get(RESOURCES.ipAddress, ns, 'dependent'), (o) => o?.metadata.ownerReferences?.length === 1);
        expect(kept?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['owner-b']);
      });
    });
  });
}
