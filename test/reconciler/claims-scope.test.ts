/**
 * The claim binder's view in memory (the real-server versions are test/k8s/global-pools.test.ts
 * and test/k8s/pool-ownership.test.ts): a binder limited to one namespace still sees a global
 * pool's addresses everywhere, and no binder binds beside the In-Cluster IPAM provider.
 */
import { describe, expect, it } from 'vitest';
import { CLUSTER_NAME_LABEL, PROTECT_POOL_FINALIZER } from '../../src/reconciler/claims/api.js';
import { runClaimBinder, untilSettled, type ClaimBinderOptions } from '../../src/reconciler/claims/binder.js';
import { ManualClock } from '../../src/reconciler/clock.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';

const GROUP = 'ipam.cluster.x-k8s.io';
const SHARED = { kind: 'GlobalInClusterIPPool', name: 'shared' } as const;

async function world(): Promise<{ clock: ManualClock; store: MemoryStore; claim: (ns: string, name: string) => Promise<KubeObject>; address: (ns: string, name: string) => string | undefined }> {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock, seed: 7 });
  await store.create({ apiVersion: RESOURCES.globalInClusterIPPool.apiVersion, kind: SHARED.kind, metadata: { name: SHARED.name }, spec: { addresses: ['10.250.0.1-10.250.0.20'], prefix: 24, gateway: '10.250.0.1' } });
  for (const ns of ['team-a', 'team-b']) await store.create({ apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'prod', namespace: ns }, spec: {} });
  return {
    clock,
    store,
    claim: (ns, name) => store.create({
      apiVersion: RESOURCES.ipAddressClaim.apiVersion, kind: 'IPAddressClaim',
      metadata: { name, namespace: ns, labels: { [CLUSTER_NAME_LABEL]: 'prod' } },
      spec: { poolRef: { apiGroup: GROUP, ...SHARED } },
    }),
    address: (ns, name) => (store.dump(RESOURCES.ipAddress).find((a) => a.metadata.namespace === ns && a.metadata.name === name)?.spec as { address?: string } | undefined)?.address,
  };
}

async function runToQuiet(clock: ManualClock, options: ClaimBinderOptions): Promise<void> {
  const binder = runClaimBinder({ leaderElection: false, ...options });
  expect(await untilSettled(clock, [binder])).toBe(true);
  await binder.stop();
}

describe('claim binder scope', () => {
  it('gives a claim of its namespace the next address of a global pool, counting the other namespaces\' addresses', async () => {
    // GIVEN team-b's claim bound by a binder of team-b
    const { clock, store, claim, address } = await world();
    await claim('team-b', 'b-0');
    await runToQuiet(clock, { store, clock, namespace: 'team-b' });
    expect(address('team-b', 'b-0')).toBe('10.250.0.2');
    // WHEN a binder of team-a binds team-a's claim
    await claim('team-a', 'a-0');
    await runToQuiet(clock, { store, clock, namespace: 'team-a' });
    // THEN it gets the next address, and the pool counts both
    expect(address('team-a', 'a-0')).toBe('10.250.0.3');
    const pool = store.dump(RESOURCES.globalInClusterIPPool)[0]!;
    expect(pool.status).toEqual({ ipAddresses: { total: 19, used: 2, free: 17, outOfRange: 0 } });
    expect(pool.metadata.finalizers).toContain(PROTECT_POOL_FINALIZER);
  });

  it('binds nothing while a webhook of the In-Cluster IPAM provider intercepts pools, and says which', async () => {
    // GIVEN the provider's validating webhook configuration
    const { clock, store, claim, address } = await world();
    await store.create({
      apiVersion: RESOURCES.validatingWebhookConfiguration.apiVersion, kind: RESOURCES.validatingWebhookConfiguration.kind,
      metadata: { name: 'capi-in-cluster-validating-webhook-configuration' },
      webhooks: [{ name: 'validation.globalinclusterippool.ipam.cluster.x-k8s.io', rules: [{ apiGroups: [GROUP], resources: ['globalinclusterippools'] }] }],
    });
    await claim('team-a', 'a-0');
    // WHEN a binder runs
    const found: (readonly string[])[] = [];
    await runToQuiet(clock, { store, clock, onProviderFound: (f) => found.push(f) });
    // THEN nothing is bound, the claim is untouched, and the webhook is named once
    expect(address('team-a', 'a-0')).toBeUndefined();
    expect(store.dump(RESOURCES.ipAddressClaim)[0]!.metadata.finalizers).toBeUndefined();
    expect(found).toEqual([['ValidatingWebhookConfiguration capi-in-cluster-validating-webhook-configuration: webhook validation.globalinclusterippool.ipam.cluster.x-k8s.io (globalinclusterippools)']]);
  });
});
