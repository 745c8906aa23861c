/**
 * One binder per cluster, on a real kube-apiserver + etcd (issue 14): `capi-ionos reconcile`
 * binds nothing beside the In-Cluster IPAM provider (found by its admission webhooks), and where
 * it replaces the provider its ValidatingAdmissionPolicy (from `synth --with-reconciler`) takes
 * over the provider's admission of pools.
 */
import { Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { PoolAdmissionPolicy } from '../../src/constructs/pool-admission-policy.js';
import { RESOURCES, isStoreError, type KubeObject } from '../../src/reconciler/store.js';
import { type PoolRef, addressRef, claimObject, freshNamespace, poolObject, waitUntil } from './claims.js';
import { type KubeObject as HarnessObject, applyErrors, applyServerSide, apiServerAvailable, ensureNamespace, kubeRequest } from './harness.js';
import { replicaSuite, startReplica } from './replica.js';

const availability = apiServerAvailable();

/** The provider's validating webhook as its manifests register it (the service is never called). */
function providerWebhooks(name: string): Record<string, unknown> {
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name },
    webhooks: [{
      name: 'validation.inclusterippool.ipam.cluster.x-k8s.io',
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      // Ignore: this test server has no provider behind the webhook.
      failurePolicy: 'Ignore',
      timeoutSeconds: 1,
      clientConfig: { url: 'https://127.0.0.1:9/validate-ipam-cluster-x-k8s-io-v1alpha2-inclusterippool' },
      rules: [{ apiGroups: ['ipam.cluster.x-k8s.io'], apiVersions: ['v1alpha2'], operations: ['CREATE', 'UPDATE', 'DELETE'], resources: ['inclusterippools'] }],
    }],
  };
}

describe.skipIf(!availability.ok)('who owns the pools, against a real kube-apiserver (issue 14)', () => {
  const suite = replicaSuite('SIGTERM');

  it('binds nothing once the In-Cluster IPAM provider\'s webhooks appear, and exits 1 naming them', async () => {
    // GIVEN a binder that has bound a claim
    const { server, store } = suite;
    const ns = await freshNamespace(server, store, 'owner');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    await store.create(poolObject(nodes, ns, { addresses: ['10.80.0.0/24'], prefix: 24, gateway: '10.80.0.1' }));
    await store.create(claimObject(ns, 'before', nodes));
    const replica = startReplica(server, 'binder', ['--claims', '--namespace', ns]);
    suite.replicas.push(replica);
    await waitUntil('before bound', async () => {
      const claim = await store.get(RESOURCES.ipAddressClaim, ns, 'before');
      return claim !== undefined && addressRef(claim) !== undefined;
    });

    // WHEN the provider is installed (its webhook configuration) and another claim comes
    const webhook = `capi-in-cluster-validating-webhook-${ns}`;
    const created = await kubeRequest(server, 'POST', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations', { body: providerWebhooks(webhook) });
    expect(created.status).toBe(201);
    try {
      await store.create(claimObject(ns, 'after', nodes));

      // THEN the binder leaves with exit code 1, naming the webhook, and binds nothing more
      expect((await replica.exited).code).toBe(1);
      expect(replica.stderr()).toContain(`ValidatingWebhookConfiguration ${webhook}: webhook validation.inclusterippool.ipam.cluster.x-k8s.io (inclusterippools)`);
      const again = startReplica(server, 'binder-again', ['--claims', '--namespace', ns]);
      suite.replicas.push(again);
      expect((await again.exited).code).toBe(1);
      expect(again.stderr()).toContain('binds nothing');
      const after = await store.get(RESOURCES.ipAddressClaim, ns, 'after');
      expect(after?.metadata.finalizers ?? []).toEqual([]);
      expect(await store.get(RESOURCES.ipAddress, ns, 'after')).toBeUndefined();
    } finally {
      await kubeRequest(server, 'DELETE', `/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/${webhook}`);
    }
  }, 120_000);

  it('takes over the provider\'s admission of pools with a ValidatingAdmissionPolicy: spec rules, in-use updates, in-use deletion', async () => {
    // GIVEN the policy and its binding as synth writes them
    const { server, store } = suite;
    const chart = new Chart(Testing.app(), 'policy');
    new PoolAdmissionPolicy(chart, 'Pools');
    expect(applyErrors(await applyServerSide(server, Testing.synth(chart) as HarnessObject[]))).toEqual([]);
    const ns = `vap-${process.pid}`;
    await ensureNamespace(server, ns);
    const pool = (name: string, spec: Record<string, unknown>): HarnessObject =>
      poolObject({ kind: 'InClusterIPPool', name }, ns, spec) as HarnessObject;
    const denial = async (spec: Record<string, unknown>): Promise<string> => {
      const [result] = await applyServerSide(server, [pool('probe', spec)], { dryRun: true });
      return result!.ok ? 'admitted' : result!.message ?? '';
    };
    // A policy takes a moment to be enforced after it is created.
    await waitUntil('the policy enforced', async () => (await denial({ addresses: ['10.0.0.300'], prefix: 24 })) !== 'admitted', 30_000);

    // WHEN pools are created, THEN the provider's spec rules hold (each denial says what to change)
    expect(await denial({ addresses: ['10.0.0.10-10.0.0.20', '10.0.0.128/25', '10.0.0.5'], prefix: 24, gateway: '10.0.0.1' })).toBe('admitted');
    expect(await denial({ addresses: ['fd00::10-fd00::20'], prefix: 64, gateway: 'fd00::1' })).toBe('admitted');
    expect(await denial({ addresses: ['10.0.0.300'], prefix: 24 })).toContain('spec.addresses: 10.0.0.300 is not a valid IP, range (a-b) nor CIDR');
    expect(await denial({ addresses: ['10.0.0.1', 'fd00::1'], prefix: 24 })).toContain('mixes IPv4 and IPv6');
    expect(await denial({ addresses: ['10.0.0.0/24'], prefix: 24, gateway: 'fd00::1' })).toContain('spec.gateway fd00::1 is not a single address');
    expect(await denial({ addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['nonsense'] })).toContain('spec.excludedAddresses: nonsense');
    expect(await denial({ addresses: ['10.0.0.0/24'], prefix: 33 })).toContain('spec.prefix 33 is not valid for IPv4');
    expect(await denial({ addresses: ['10.0.0.10', '10.0.1.10'], prefix: 24 })).toContain('every entry must lie in one subnet of prefix 24');

    // GIVEN a pool with two addresses in use (the counts the binder keeps)
    const created = await store.create(pool('nodes', { addresses: ['10.9.0.10-10.9.0.20'], prefix: 24, gateway: '10.9.0.1' }) as KubeObject);
    const counted = await store.updateStatus({ ...created, status: { ipAddresses: { total: 11, used: 2, free: 9, outOfRange: 0 } } });
    const reason = async (write: Promise<unknown>): Promise<string> => {
      try {
        await write;
        return 'admitted';
      } catch (error) {
        return isStoreError(error) ? error.message : String(error);
      }
    };
    // WHEN it is shrunk, THEN no; grown, or given a finalizer, yes
    expect(await reason(store.update({ ...counted, spec: { ...(counted.spec as object), addresses: ['10.9.0.10-10.9.0.15'] } })))
      .toContain('the pool has 2 addresses in use');
    expect(await reason(store.update({ ...counted, spec: { ...(counted.spec as object), excludedAddresses: ['10.9.0.10'] } })))
      .toContain('the pool has 2 addresses in use');
    const grown = await store.update({ ...counted, spec: { ...(counted.spec as object), addresses: ['10.9.0.10-10.9.0.20', '10.9.0.30'] } });
    const protectedPool = await store.update({ ...grown, metadata: { ...grown.metadata, finalizers: ['ipam.cluster.x-k8s.io/ProtectPool'] } });
    // WHEN it is deleted while in use, THEN no; once nothing is in use, yes
    expect(await reason(store.delete(RESOURCES.inClusterIPPool, ns, 'nodes'))).toContain('the pool still has 2 IPAddresses allocated');
    await store.updateStatus({ ...protectedPool, status: { ipAddresses: { total: 12, used: 0, free: 12, outOfRange: 0 } } });
    expect(await reason(store.delete(RESOURCES.inClusterIPPool, ns, 'nodes'))).toBe('admitted');
  }, 120_000);
});
