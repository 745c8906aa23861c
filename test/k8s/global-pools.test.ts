/**
 * Pools whose addresses the binder must see in full, on a real kube-apiserver + etcd (issue 14):
 * a GlobalInClusterIPPool used from two namespaces while `capi-ionos reconcile` binds only one of
 * them, and a pool that is being deleted. Every binder is the real command in a child process.
 */
import { describe, expect, it } from 'vitest';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';
import { type PoolRef, addressRef, claimObject, freshNamespace, poolObject, poolStatus, waitUntil } from './claims.js';
import { apiServerAvailable } from './harness.js';
import { type Replica, replicaSuite, startReplica } from './replica.js';

const availability = apiServerAvailable();
const IPAM = 'ipam.cluster.x-k8s.io';

describe.skipIf(!availability.ok)('pools seen whole, against a real kube-apiserver (issue 14)', () => {
  const suite = replicaSuite('SIGTERM');

  const reconcile = (name: string, args: readonly string[]): Replica => {
    const replica = startReplica(suite.server, name, ['--claims', ...args]);
    suite.replicas.push(replica);
    return replica;
  };
  const stop = async (replica: Replica): Promise<void> => {
    replica.child.kill('SIGTERM');
    expect((await replica.exited).code).toBe(0);
  };
  const boundAddress = async (namespace: string, name: string): Promise<string | undefined> => {
    const { store } = suite;
    const claim = await store.get(RESOURCES.ipAddressClaim, namespace, name);
    const ref = claim === undefined ? undefined : addressRef(claim);
    if (ref === undefined) return undefined;
    return ((await store.get(RESOURCES.ipAddress, namespace, ref))?.spec as { address?: string } | undefined)?.address;
  };
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it('never gives a global pool\'s address held in another namespace to a claim of the watched one, nor miscounts or unprotects the pool', async () => {
    // GIVEN a global pool, and team-b's claim b-0 bound to its first address by a binder of team-b
    const { server, store } = suite;
    const teamA = await freshNamespace(server, store, 'team-a');
    const teamB = await freshNamespace(server, store, 'team-b');
    const shared: PoolRef = { kind: 'GlobalInClusterIPPool', name: `shared-${teamA}` };
    await store.create(poolObject(shared, undefined, { addresses: ['10.250.0.1-10.250.0.20'], prefix: 24, gateway: '10.250.0.1' }));
    await store.create(claimObject(teamB, 'b-0', shared));
    const binderB = reconcile('binder-b', ['--namespace', teamB]);
    await waitUntil('b-0 bound', async () => (await boundAddress(teamB, 'b-0')) !== undefined);
    const held = await boundAddress(teamB, 'b-0');
    expect(held).toBe('10.250.0.2');
    await stop(binderB);

    // WHEN a binder limited to team-a runs and team-a claims an address of the same pool
    reconcile('binder-a', ['--namespace', teamA]);
    await store.create(claimObject(teamA, 'a-0', shared));
    await waitUntil('a-0 bound', async () => (await boundAddress(teamA, 'a-0')) !== undefined);

    // THEN a-0 gets the next address, the pool counts both, and keeps its finalizer when deleted
    expect(await boundAddress(teamA, 'a-0')).toBe('10.250.0.3');
    await waitUntil('pool counts both claims', async () =>
      (await poolStatus(store, shared, undefined) as { ipAddresses?: { used?: number } } | undefined)?.ipAddresses?.used === 2);
    expect(await poolStatus(store, shared, undefined)).toEqual({ ipAddresses: { free: 17, outOfRange: 0, total: 19, used: 2 } });
    // team-a's claim goes; team-b's address still holds the pool.
    await store.delete(RESOURCES.ipAddressClaim, teamA, 'a-0');
    await waitUntil('a-0 released', async () => (await store.get(RESOURCES.ipAddressClaim, teamA, 'a-0')) === undefined);
    await store.delete(RESOURCES.globalInClusterIPPool, undefined, shared.name);
    await sleep(3_000);
    const pool = await store.get(RESOURCES.globalInClusterIPPool, undefined, shared.name);
    expect(pool?.metadata.deletionTimestamp).toBeDefined();
    expect(pool?.metadata.finalizers).toContain(`${IPAM}/ProtectPool`);
  }, 120_000);

  it('hands out no address from a pool that is being deleted', async () => {
    // GIVEN a pool with one bound claim (so its finalizer holds it while it is deleted)
    const { server, store } = suite;
    const ns = await freshNamespace(server, store, 'terminating');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    await store.create(poolObject(nodes, ns, { addresses: ['10.1.0.0/24'], prefix: 24, gateway: '10.1.0.1' }));
    await store.create(claimObject(ns, 'first', nodes));
    reconcile('binder', ['--namespace', ns]);
    await waitUntil('first bound', async () => (await boundAddress(ns, 'first')) !== undefined);
    await waitUntil('pool protected', async () =>
      ((await store.get(RESOURCES.inClusterIPPool, ns, 'nodes'))?.metadata.finalizers ?? []).includes(`${IPAM}/ProtectPool`));

    // WHEN the pool is deleted and a new claim names it
    await store.delete(RESOURCES.inClusterIPPool, ns, 'nodes');
    await store.create(claimObject(ns, 'late', nodes));

    // THEN the new claim gets no address, and an Event says why
    await waitUntil('an event for the late claim', async () =>
      (await store.list(RESOURCES.event, { namespace: ns })).items.some((e: KubeObject) =>
        (e['involvedObject'] as { name?: string } | undefined)?.name === 'late' && e['reason'] === 'PoolDeleting'));
    await sleep(1_000);
    expect(await store.get(RESOURCES.ipAddress, ns, 'late')).toBeUndefined();
    expect(await boundAddress(ns, 'late')).toBeUndefined();
  }, 120_000);
});
