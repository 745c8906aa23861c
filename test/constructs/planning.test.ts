import { Testing, type App } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IonosCluster, IpPool, Network, SharedObjects } from '../../src/constructs/index.js';
import { bindPlan, findingPathsOf, planRequestsOf } from '../../src/constructs/planning.js';
import { planAddresses } from '../../src/ipam/address-checks.js';
import type { Finding, PlanResult } from '../../src/ipam/plan-model.js';
import { planRequests } from '../../src/fleet/requests.js';
import { parseFleet } from '../../src/fleet/read.js';
import { render } from '../../src/synth/render.js';
import { clusterProps, IMAGE, problemsOf } from './fixtures.js';

/** Plans an app as FleetApp and capi-ionos do: requests from the tree, the planner, the plan bound back. */
function planApp(app: App): PlanResult {
  const result = planAddresses(planRequestsOf(app));
  if (!result.findings.some((f) => f.severity === 'error')) bindPlan(app, result);
  return result;
}

function errors(result: PlanResult): Finding[] {
  return result.findings.filter((f) => f.severity === 'error');
}

function objectsOf(app: App): Record<string, unknown>[] {
  return render(app, { env: {} }).objects.map((o) => o.object);
}

describe('Network', () => {
  it('rejects a CIDR of the other family, host bits and a gateway outside it, all at once', () => {
    const app = Testing.app();
    const problems = problemsOf(() => new Network(app, 'nodes', { family: 'IPv4', cidr: 'fd00::/64', gateway: '10.0.0.1' }));
    expect(problems.map((p) => p.path)).toEqual(['nodes: cidr', 'nodes: gateway']);
    expect(problemsOf(() => new Network(app, 'n2', { family: 'IPv4', cidr: '10.0.0.1/24' }))[0]!.message).toContain('host bits set; write the network itself, 10.0.0.0/24');
  });
});

describe('planned pools and endpoints', () => {
  it('sizes a pool from the machines that draw from it and plans the endpoint from the network', () => {
    // GIVEN a network, a cluster whose endpoint is planned from it, and a pool of 5 + 1 workers
    const app = Testing.app();
    const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1', reserved: ['10.20.0.0/24'] });
    const cluster = new IonosCluster(app, 'prod-a', clusterProps({ controlPlane: { endpoint: { network: nodes }, machine: { disk: { image: IMAGE } } } }));
    const pool = new IpPool(cluster, 'nodes', { family: 'IPv4', name: 'prod-a-nodes', namespace: 'prod-a', network: nodes });
    cluster.addNodePool('workers', { replicas: 5, maxSurge: 1, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: pool } });
    // WHEN the app is planned
    const result = planApp(app);
    // THEN the pool holds peak 6 plus headroom as one aligned block after the reserved /24, the
    // VIP is the network's highest free address, and both are in the objects
    expect(result.findings).toEqual([]);
    expect(result.pools).toMatchObject([{ name: 'prod-a-nodes', required: 6, addresses: ['10.20.1.0/29'], cluster: 'prod-a', namespace: 'prod-a' }]);
    expect(result.endpoints).toMatchObject([{ cluster: 'prod-a', address: '10.20.255.254' }]);
    const objects = objectsOf(app);
    const ipPool = objects.find((o) => o.kind === 'InClusterIPPool') as { spec: unknown };
    expect(ipPool.spec).toEqual({ addresses: ['10.20.1.0/29'], gateway: '10.20.0.1', prefix: 16 });
    const infra = objects.find((o) => o.kind === 'IonosCloudCluster') as { spec: { controlPlaneEndpoint: unknown } };
    expect(infra.spec.controlPlaneEndpoint).toEqual({ host: '10.20.255.254', port: 6443 });
  });

  it('fails validation when a planned pool is rendered without being planned', () => {
    const app = Testing.app();
    const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16' });
    new IpPool(new SharedObjects(app), 'p', { family: 'IPv4', name: 'p', scope: 'global', network: nodes });
    expect(() => render(app, { env: {} })).toThrow(/planned from network "nodes" but was never planned/);
  });

  it('rejects a planned pool that also sets prefix or size with addresses', () => {
    const app = Testing.app();
    const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16' });
    const shared = new SharedObjects(app);
    expect(problemsOf(() => new IpPool(shared, 'a', { family: 'IPv4', name: 'a', scope: 'global', network: nodes, prefix: 16 }))[0]!.message).toContain('takes prefix and gateway from its network');
    expect(problemsOf(() => new IpPool(shared, 'b', { family: 'IPv4', name: 'b', scope: 'global', addresses: ['10.20.1.0/24'], prefix: 16, size: 3 }))[0]!.path).toBe('_shared/b: size');
  });

  it('keeps an explicit endpoint out of a pool planned from its network (the provider\'s IPAM example)', () => {
    // GIVEN the provider's IPAM example: endpoint 203.0.113.10, only .0-.9 reserved
    const app = Testing.app();
    const net = new Network(app, 'public', { family: 'IPv4', cidr: '203.0.113.0/24', gateway: '203.0.113.1', reserved: ['203.0.113.0-203.0.113.9'], allocation: 'packed' });
    const cluster = new IonosCluster(app, 'capi', clusterProps({ namespace: 'capi', controlPlane: { endpoint: { host: '203.0.113.10' }, machine: { disk: { image: IMAGE } } } }));
    const pool = new IpPool(cluster, 'ips', { family: 'IPv4', name: 'capi-ips', namespace: 'capi', network: net });
    cluster.addNodePool('workers', { replicas: 3, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: pool } });
    // WHEN it is planned
    const result = planApp(app);
    // THEN the pool starts after the endpoint
    expect(errors(result)).toEqual([]);
    expect(result.pools[0]!.addresses).toEqual(['203.0.113.11-203.0.113.16']);
  });

  it('fails the overlapping two-cluster app naming both pools and the endpoint', () => {
    // GIVEN two clusters in two namespaces with the same hand-written range on one network, and
    // one cluster's endpoint inside it
    const app = Testing.app();
    const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1' });
    for (const [name, endpoint] of [['a', '10.20.1.5'], ['b', '10.20.2.5']] as const) {
      const cluster = new IonosCluster(app, name, clusterProps({ namespace: name, controlPlane: { endpoint: { host: endpoint }, machine: { disk: { image: IMAGE } } } }));
      const pool = new IpPool(cluster, 'nodes', { family: 'IPv4', name: `${name}-nodes`, namespace: name, addresses: ['10.20.1.0/29'], network: nodes });
      cluster.addNodePool('workers', { replicas: 2, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: pool } });
    }
    // WHEN it is planned
    const found = errors(planApp(app));
    // THEN both pools are named as overlapping, and the endpoint inside each
    const pathOf = findingPathsOf(app);
    expect(found.map((f) => [f.code, pathOf(f.path)])).toEqual([
      ['endpoint-in-pool', 'a/nodes: addresses'],
      ['overlap', 'a/nodes: addresses'],
      ['endpoint-in-pool', 'b/nodes: addresses'],
    ]);
    expect(found[1]!.message).toContain('hand-written pools "a-nodes" and "b-nodes" share IPv4 addresses');
    expect(found[0]!.message).toContain('pool "a-nodes" holds 10.20.1.5, the control-plane endpoint of cluster "a"');
  });

  it('fails a hand-written pool too small for its machines at their peak, and one outside every network', () => {
    const app = Testing.app();
    new Network(app, 'nodes', { family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1' });
    const cluster = new IonosCluster(app, 'prod-a', clusterProps());
    const small = new IpPool(cluster, 'small', { family: 'IPv4', name: 'small', namespace: 'prod-a', addresses: ['10.20.1.1-10.20.1.3'], prefix: 16 });
    const outside = new IpPool(cluster, 'outside', { family: 'IPv4', name: 'outside', namespace: 'prod-a', addresses: ['10.99.0.0/24'], prefix: 24, unmanaged: false });
    cluster.addNodePool('workers', { replicas: 3, maxSurge: 1, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: small } });
    cluster.addNodePool('other', { replicas: 1, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: outside } });
    const found = planApp(app).findings;
    expect(found.map((f) => [f.severity, f.code, f.path])).toEqual([
      ['error', 'pool-outside-networks', 'manualPools.outside.addresses'],
      ['error', 'pool-too-small', 'manualPools.small.addresses'],
    ]);
  });

  it('warns instead of failing for a pool marked unmanaged, and for an endpoint outside every network', () => {
    const app = Testing.app();
    new Network(app, 'nodes', { family: 'IPv4', cidr: '10.30.0.0/16' });
    const cluster = new IonosCluster(app, 'prod-a', clusterProps({ controlPlane: { endpoint: { host: '8.8.8.8' }, machine: { disk: { image: IMAGE } } } }));
    new IpPool(cluster, 'ext', { family: 'IPv4', name: 'ext', namespace: 'prod-a', addresses: ['10.99.0.0/24'], prefix: 24, unmanaged: true });
    const found = planApp(app).findings;
    expect(found.map((f) => [f.severity, f.code])).toEqual([['warning', 'endpoint-outside-networks'], ['warning', 'unmanaged-pool']]);
  });

  it('fails pod CIDRs on a node network and gives a dual-stack cluster both families by default', () => {
    const app = Testing.app();
    new Network(app, 'nodes', { family: 'IPv4', cidr: '192.168.0.0/16' });
    new IonosCluster(app, 'prod-a', clusterProps({ podCidrBlocks: ['192.168.128.0/17'], serviceCidrBlocks: ['192.168.0.0/24'] }));
    new IonosCluster(app, 'prod-b', clusterProps({ namespace: 'prod-b', podCidrBlocks: ['10.0.0.0/16'], serviceCidrBlocks: ['10.0.128.0/24'] }));
    const dual = new IonosCluster(app, 'dual', clusterProps({
      namespace: 'dual',
      controlPlane: {
        endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } },
        network: { ipv4Pool: IpPool.fromName('IPv4', 'v4', { namespace: 'dual' }), ipv6Pool: IpPool.fromName('IPv6', 'v6', { namespace: 'dual' }) },
      },
    }));
    expect([dual.podCidrBlocks, dual.serviceCidrBlocks]).toEqual([['192.168.0.0/16', 'fd00:100::/56'], ['10.96.0.0/12', 'fd00:200::/112']]);
    const found = planApp(app).findings.filter((f) => f.code === 'cidr-overlap');
    expect(found.map((f) => [f.severity, f.path])).toEqual([
      ['error', 'clusters.prod-a.podCidrBlocks'],
      ['error', 'clusters.prod-a.serviceCidrBlocks'],
      ['error', 'clusters.prod-b.serviceCidrBlocks'],
      // dual's default pod CIDR lies on the node network too: a warning, since the user set none
      ['warning', 'clusters.dual.podCidrBlocks'],
    ]);
  });
});

describe('the fleet file and the constructs', () => {
  it('ask the planner the same for the provider\'s IPAM example, keeping 203.0.113.10 out of the pool', () => {
    const fleet = parseFleet(`apiVersion: capi-ionos.dev/v1alpha1
kind: Fleet
metadata: {name: ipam}
networks:
  - {name: public, cidr: 203.0.113.0/24, gateway: 203.0.113.1, reserved: [203.0.113.0-203.0.113.9], allocation: packed}
clusters:
  - name: capi
    location: de/txl
    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00
    credentialsSecret: ionos-credentials
    kubernetesVersion: v1.31.2
    controlPlane:
      replicas: 1
      endpoint: 203.0.113.10
      machine: {disk: {image: {id: IMAGE-ID}}}
      network: {ipv4: public}
    nodePools:
      - {name: workers, replicas: 3, machine: {disk: {image: {id: IMAGE-ID}}}, network: {ipv4: public}}
`, 'fleet.yaml');
    const result = planAddresses(planRequests(fleet));
    expect(errors(result)).toEqual([]);
    // 1 + 1 control plane, 3 + 1 workers: peak 6, asks 8, placed after the endpoint
    expect(result.pools.map((p) => p.addresses)).toEqual([['203.0.113.11-203.0.113.18']]);
  });
});
