/**
 * Turning a fleet and its plan into constructs: a SharedObjects chart with the shared pools, and
 * per cluster an IonosCluster with its planned pools and node pools. Children are created in
 * name order, so the tree (and the output) never depends on the order of the fleet file.
 */
import type { App } from 'cdk8s';
// The construct modules one by one, not their index: the index also exports the reconciler's
// Deployment, whose cdk8s-plus-28 costs every fleet synthesis some 60 ms to load for nothing.
import { Credentials } from '../constructs/credentials.js';
import { IonosCluster } from '../constructs/ionos-cluster.js';
import { IpPool, type IIpPool } from '../constructs/ip-pool.js';
import { MachineImage, type AdditionalNetwork, type MachineNetworkSettings, type MachineSettings } from '../constructs/machine.js';
import { SharedObjects } from '../constructs/shared-objects.js';
import type { PlannedPool, PlanResult } from '../ipam/plan-model.js';
import { ProblemError } from '../problems.js';
import type { AdditionalNetworkSpec, FleetSpec, MachineSpecInput, NicSpec } from './schema.js';
import { clusterPoolName } from './requests.js';

function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function machineSettings(m: MachineSpecInput): MachineSettings {
  const image = 'id' in m.disk.image ? MachineImage.fromId(m.disk.image.id) : MachineImage.fromSelector(m.disk.image.selector);
  return {
    cores: m.cores, memoryMB: m.memoryMB, cpuFamily: m.cpuFamily, type: m.type, availabilityZone: m.availabilityZone,
    failoverIP: m.failoverIP, networkID: m.networkID,
    disk: { sizeGB: m.disk.sizeGB, type: m.disk.type, availabilityZone: m.disk.availabilityZone, image },
  };
}

function poolSpec(pool: PlannedPool) {
  return { addresses: pool.addresses, prefix: pool.prefix, gateway: pool.gateway };
}

/**
 * Adds the fleet's objects to `app`.
 *
 * @param plan a plan without error findings (the caller reports those first)
 * @throws ProblemError when a planned pool or VIP is missing (the network had no room)
 */
export function addFleet(app: App, fleet: FleetSpec, plan: PlanResult): void {
  const planned = new Map(plan.pools.map((p) => [p.name, p]));
  const need = (name: string, path: string): PlannedPool => {
    const pool = planned.get(name);
    if (pool === undefined || pool.addresses.length === 0) {
      throw new ProblemError('plan', [{ path, message: `pool ${JSON.stringify(name)} has no planned addresses; run 'capi-ionos plan' to see why` }]);
    }
    return pool;
  };

  const shared = new Map<string, IIpPool>();
  if (fleet.sharedPools.length > 0) {
    const chart = new SharedObjects(app);
    for (const spec of [...fleet.sharedPools].sort(byName)) {
      const pool = need(spec.name, `sharedPools[${fleet.sharedPools.indexOf(spec)}]`);
      shared.set(spec.name, new IpPool(chart, spec.name, {
        family: pool.family === 4 ? 'IPv4' : 'IPv6', name: spec.name, scope: 'global', ...poolSpec(pool),
      }));
    }
  }
  const endpoints = new Map(plan.endpoints.map((e) => [e.cluster, e.address]));
  // Each cluster's pools, grouped once: filtering all pools per cluster is quadratic in the fleet.
  const poolsByCluster = new Map<string, PlannedPool[]>();
  for (const pool of plan.pools) {
    if (pool.cluster === undefined) continue;
    const list = poolsByCluster.get(pool.cluster);
    if (list === undefined) poolsByCluster.set(pool.cluster, [pool]);
    else list.push(pool);
  }

  for (const spec of [...fleet.clusters].sort(byName)) {
    const endpoint = spec.controlPlane.endpoint === 'auto' ? endpoints.get(spec.name) : spec.controlPlane.endpoint;
    if (endpoint === undefined) {
      throw new ProblemError('plan', [{ path: `clusters[${fleet.clusters.indexOf(spec)}].controlPlane.endpoint`, message: "no VIP could be planned; run 'capi-ionos plan' to see why" }]);
    }
    const clusterPools = [...(poolsByCluster.get(spec.name) ?? [])].sort(byName);
    const pools = new Map<string, IIpPool>();
    const poolFor = (network: string | undefined): IIpPool | undefined =>
      network === undefined ? undefined : pools.get(clusterPoolName(spec.name, network));
    const nic = (n: NicSpec, additional: readonly AdditionalNetworkSpec[]): MachineNetworkSettings => ({
      ipv4Pool: poolFor(n.ipv4) as IIpPool<'IPv4'> | undefined,
      ipv6Pool: poolFor(n.ipv6) as IIpPool<'IPv6'> | undefined,
      additionalNetworks: additional.map((a): AdditionalNetwork => ({
        networkID: a.networkID,
        dhcp: a.dhcp,
        ipv4Pool: (a.ipv4Pool !== undefined ? shared.get(a.ipv4Pool) : poolFor(a.ipv4)) as IIpPool<'IPv4'> | undefined,
        ipv6Pool: (a.ipv6Pool !== undefined ? shared.get(a.ipv6Pool) : poolFor(a.ipv6)) as IIpPool<'IPv6'> | undefined,
      })),
    });
    // The control plane needs its pools when the cluster is constructed, and the pools live in
    // the cluster's chart; references go by name, so they can be made first.
    for (const pool of clusterPools) {
      pools.set(pool.name, IpPool.fromName(pool.family === 4 ? 'IPv4' : 'IPv6', pool.name, { namespace: spec.namespace }));
    }
    const cluster = new IonosCluster(app, spec.name, {
      namespace: spec.namespace,
      location: spec.location,
      datacenterID: spec.datacenterID,
      credentials: Credentials.fromSecretName(spec.credentialsSecret),
      kubernetesVersion: spec.kubernetesVersion,
      sshAuthorizedKeys: spec.sshAuthorizedKeys,
      podCidrBlocks: spec.podCidrBlocks,
      controlPlane: {
        replicas: spec.controlPlane.replicas,
        maxSurge: spec.controlPlane.maxSurge,
        endpoint: { host: endpoint, port: spec.controlPlane.port },
        machine: machineSettings(spec.controlPlane.machine),
        network: nic(spec.controlPlane.network, spec.controlPlane.additionalNetworks),
      },
    });
    for (const pool of clusterPools) {
      need(pool.name, `clusters[${fleet.clusters.indexOf(spec)}]`);
      new IpPool(cluster, pool.name, {
        family: pool.family === 4 ? 'IPv4' : 'IPv6', name: pool.name, namespace: spec.namespace, ...poolSpec(pool),
      });
    }
    for (const np of [...spec.nodePools].sort(byName)) {
      cluster.addNodePool(np.name, {
        replicas: np.replicas,
        maxSurge: np.maxSurge,
        maxUnavailable: np.maxUnavailable,
        machine: machineSettings(np.machine),
        network: nic(np.network, np.additionalNetworks),
        healthCheck: np.healthCheck,
        labels: np.labels,
      });
    }
  }
}
