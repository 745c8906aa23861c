/**
 * Helpers of the claim-binding tests against the real API server: pools, claims, waiting, and
 * the check that every claim is bound as the In-Cluster IPAM provider leaves it.
 */
import { expect } from 'vitest';
import { nextFreeAddress } from '../../src/ipam/index.js';
import type { KubeStore } from '../../src/reconciler/kube-store.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';
import { type ApiServer, ensureNamespace } from './harness.js';

const IPAM = 'ipam.cluster.x-k8s.io';

export type PoolRef = { readonly kind: 'InClusterIPPool' | 'GlobalInClusterIPPool'; readonly name: string };

let counter = 0;
/** A fresh namespace (namespaces never finish deleting here) with the claims' Cluster in it. */
export async function freshNamespace(server: ApiServer, store: KubeStore, prefix: string): Promise<string> {
  const ns = `${prefix}-${process.pid}-${++counter}`;
  await ensureNamespace(server, ns);
  // The binder waits for a claim's Cluster to exist and not be paused.
  await store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'prod-a', namespace: ns }, spec: {} });
  return ns;
}

export function poolObject(ref: PoolRef, namespace: string | undefined, spec: Record<string, unknown>): KubeObject {
  const type = ref.kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
  return { apiVersion: type.apiVersion, kind: type.kind, metadata: { name: ref.name, ...(namespace === undefined ? {} : { namespace }) }, spec };
}

export function claimObject(namespace: string, name: string, pool: PoolRef): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddressClaim.apiVersion,
    kind: 'IPAddressClaim',
    metadata: { name, namespace, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
    spec: { poolRef: { apiGroup: IPAM, kind: pool.kind, name: pool.name } },
  };
}

export async function createClaims(store: KubeStore, namespace: string, prefix: string, count: number, pool: PoolRef): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  // Eight at a time, as a MachineDeployment scaling up would create them.
  for (let i = 0; i < names.length; i += 8) {
    await Promise.all(names.slice(i, i + 8).map((name) => store.create(claimObject(namespace, name, pool))));
  }
  return names;
}

export function addressRef(claim: KubeObject): string | undefined {
  return (claim.status as { addressRef?: { name?: string } } | undefined)?.addressRef?.name;
}

export async function boundCount(store: KubeStore, namespace: string): Promise<number> {
  return (await store.list(RESOURCES.ipAddressClaim, { namespace })).items.filter((c) => addressRef(c) !== undefined).length;
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first `count` addresses the pool hands out, in order (the allocator's own answer). */
export function firstAddresses(spec: Record<string, unknown>, count: number): string[] {
  const inUse: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = nextFreeAddress(spec as never, inUse);
    if (next === null) throw new Error(`the pool has fewer than ${count} addresses`);
    inUse.push(next);
  }
  return inUse;
}

/**
 * Checks every claim of `namespace` against its IPAddress and pool, as the In-Cluster IPAM
 * provider leaves them, and returns the addresses by pool. Fails on the first difference.
 */
export async function expectConsistentBindings(store: KubeStore, namespace: string, pools: Readonly<Record<string, KubeObject>>): Promise<Map<string, string[]>> {
  const claims = (await store.list(RESOURCES.ipAddressClaim, { namespace })).items;
  const addresses = (await store.list(RESOURCES.ipAddress, { namespace })).items;
  const byName = new Map(addresses.map((a) => [a.metadata.name, a]));
  const byPool = new Map<string, string[]>();
  for (const claim of claims) {
    const name = claim.metadata.name;
    expect(addressRef(claim), `claim ${name} status.addressRef`).toBe(name);
    expect(claim.metadata.finalizers, `claim ${name} finalizers`).toContain(`${IPAM}/ReleaseAddress`);
    const address = byName.get(name);
    expect(address, `IPAddress ${name}`).toBeDefined();
    const poolRef = (claim.spec as { poolRef: PoolRef }).poolRef;
    const pool = pools[poolRef.name]!;
    const spec = address!.spec as { address: string; prefix: number; gateway?: string; claimRef: { name: string }; poolRef: Record<string, string> };
    const poolSpec = pool.spec as { prefix: number; gateway?: string };
    expect(spec.claimRef).toEqual({ name });
    expect(spec.poolRef).toEqual({ apiGroup: IPAM, kind: poolRef.kind, name: poolRef.name });
    expect(spec.prefix).toBe(poolSpec.prefix);
    expect(spec.gateway).toBe(poolSpec.gateway);
    expect(address!.metadata.finalizers).toContain(`${IPAM}/ProtectAddress`);
    const owners = address!.metadata.ownerReferences ?? [];
    expect(owners.filter((o) => o.controller === true)).toEqual([
      { apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim', name, uid: claim.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(owners.some((o) => o.kind === pool.kind && o.name === pool.metadata.name && o.uid === pool.metadata.uid)).toBe(true);
    byPool.set(poolRef.name, [...(byPool.get(poolRef.name) ?? []), spec.address]);
  }
  // Nothing left over: one IPAddress per claim.
  expect(addresses.map((a) => a.metadata.name).sort()).toEqual(claims.map((c) => c.metadata.name).sort());
  for (const [name, list] of byPool) {
    // No address handed out twice, and exactly the pool's first addresses (no gaps, no gateway).
    expect(new Set(list).size, `distinct addresses of pool ${name}`).toBe(list.length);
    expect([...list].sort(), `addresses of pool ${name}`).toEqual(firstAddresses(pools[name]!.spec as Record<string, unknown>, list.length).sort());
  }
  return byPool;
}

export async function poolStatus(store: KubeStore, ref: PoolRef, namespace: string | undefined): Promise<unknown> {
  const type = ref.kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
  return (await store.get(type, namespace, ref.name))?.status;
}

