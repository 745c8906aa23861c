import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IpPool, SharedObjects } from '../../src/constructs/index.js';
import { newCluster, problemsOf } from './fixtures.js';

describe('IpPool', () => {
  it('renders a namespaced pool as an InClusterIPPool with the spec as given', () => {
    const { cluster } = newCluster();
    new IpPool(cluster, 'nodes', {
      family: 'IPv4', name: 'prod-a-nodes', namespace: 'prod-a', addresses: ['10.20.1.0/27', '10.20.2.5'], prefix: 16,
      gateway: '10.20.0.1', excludedAddresses: ['10.20.1.7'], addressReuseGracePeriodSeconds: 30,
    });
    expect(Testing.synth(cluster).find((o: { kind: string }) => o.kind === 'InClusterIPPool')).toEqual({
      apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2',
      kind: 'InClusterIPPool',
      metadata: { name: 'prod-a-nodes', namespace: 'prod-a' },
      spec: { addresses: ['10.20.1.0/27', '10.20.2.5'], prefix: 16, gateway: '10.20.0.1', excludedAddresses: ['10.20.1.7'], addressReuseGracePeriodSeconds: 30 },
    });
  });

  it('renders a global pool as a cluster-scoped GlobalInClusterIPPool', () => {
    const shared = new SharedObjects(Testing.app());
    const pool = new IpPool(shared, 'storage', { family: 'IPv6', name: 'storage', scope: 'global', addresses: ['fd00:3::/64'], prefix: 64 });
    expect(pool.kind).toBe('GlobalInClusterIPPool');
    expect(pool.poolNamespace).toBeUndefined();
    expect(Testing.synth(shared)).toEqual([{
      apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2',
      kind: 'GlobalInClusterIPPool',
      metadata: { name: 'storage' },
      spec: { addresses: ['fd00:3::/64'], prefix: 64 },
    }]);
  });

  it('rejects a namespaced pool without a namespace and a global pool with one', () => {
    const shared = new SharedObjects(Testing.app());
    expect(problemsOf(() => new IpPool(shared, 'a', { family: 'IPv4', name: 'a', addresses: ['10.0.0.0/24'], prefix: 24 }))[0]).toMatchObject({ path: '_shared/a: namespace' });
    expect(problemsOf(() => new IpPool(shared, 'b', { family: 'IPv4', name: 'b', scope: 'global', namespace: 'x', addresses: ['10.0.0.0/24'], prefix: 24 }))[0]).toMatchObject({ path: '_shared/b: namespace' });
  });

  it('rejects an invalid name, an empty address list and a prefix beyond the family', () => {
    const shared = new SharedObjects(Testing.app());
    const problems = problemsOf(() => new IpPool(shared, 'p', { family: 'IPv4', name: 'Bad_Name', namespace: 'ns', addresses: [], prefix: 33 }));
    expect(problems.map((p) => p.path)).toEqual(['_shared/p: name', '_shared/p: addresses', '_shared/p: prefix']);
    expect(problems[2]!.message).toBe('must be >= 0 and <= 32, got 33; use 32');
  });

  it('rejects entries of the other family and the provider\'s own invalid specs', () => {
    const shared = new SharedObjects(Testing.app());
    expect(problemsOf(() => new IpPool(shared, 'a', { family: 'IPv4', name: 'a', scope: 'global', addresses: ['10.0.0.0/24', 'fd00::1'], prefix: 24 }))).toEqual([{
      path: '_shared/a: addresses', message: 'this is an IPv4 pool, but "fd00::1" is IPv6; use a pool of the other family for it',
    }]);
    expect(problemsOf(() => new IpPool(shared, 'b', { family: 'IPv4', name: 'b', scope: 'global', addresses: ['10.0.0.0/24', '10.1.0.5'], prefix: 24 }))).toEqual([{
      path: '_shared/b: spec',
      message: 'spec.addresses: Invalid value: "10.1.0.5": provided address belongs to a different subnet than others (In-Cluster IPAM provider rule)',
    }]);
    expect(problemsOf(() => new IpPool(shared, 'c', { family: 'IPv4', name: 'c', scope: 'global', addresses: ['10.0.0.0-10.0.0.9-'], prefix: 24 }))[0]!.message)
      .toContain('provided address is not a valid IP, range, nor CIDR');
  });

  it('references pools defined elsewhere by name', () => {
    expect(IpPool.fromName('IPv4', 'x', { namespace: 'ns' })).toEqual({ poolName: 'x', kind: 'InClusterIPPool', poolNamespace: 'ns', family: 'IPv4' });
    expect(IpPool.fromName('IPv6', 'y', { scope: 'global' })).toEqual({ poolName: 'y', kind: 'GlobalInClusterIPPool', poolNamespace: undefined, family: 'IPv6' });
    expect(() => IpPool.fromName('IPv4', 'z')).toThrow(/needs its 'namespace'/);
  });
});
