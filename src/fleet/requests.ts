/**
 * What a fleet asks of the planner: one pool per cluster per network it draws from (named
 * `<cluster>-<network>`), the shared pools, and a VIP per cluster with `endpoint: auto`.
 *
 * A pool's peak is what its machines need at the worst moment of a rollout: every machine group
 * (the control plane, each node pool) at `replicas + maxSurge`, all at once, since an upgrade
 * rolls every group.
 */
import type { EndpointRequest, PoolRequest } from '../ipam/plan-model.js';
import { clusterCidrs } from '../constructs/private/cluster-network.js';
import type { PlanRequests } from '../constructs/planning.js';
import type { Family } from '../ipam/ip.js';
import type { AdditionalNetworkSpec, ClusterSpec, FleetSpec, NicSpec } from './schema.js';

/** The name of a cluster's pool in a network. */
export function clusterPoolName(cluster: string, network: string): string {
  return `${cluster}-${network}`;
}

/** A machine group's NICs and its peak machine count. */
interface Group {
  readonly peak: number;
  readonly network: NicSpec;
  readonly additionalNetworks: readonly AdditionalNetworkSpec[];
}

function groups(cluster: ClusterSpec): Group[] {
  return [
    { peak: cluster.controlPlane.replicas + cluster.controlPlane.maxSurge, network: cluster.controlPlane.network, additionalNetworks: cluster.controlPlane.additionalNetworks },
    ...cluster.nodePools.map((p) => ({ peak: p.replicas + p.maxSurge, network: p.network, additionalNetworks: p.additionalNetworks })),
  ];
}

/** Every (network or shared pool, family) a group's NICs draw addresses from. */
function draws(group: Group): { network?: string; shared?: string; family: Family }[] {
  const out: { network?: string; shared?: string; family: Family }[] = [];
  if (group.network.ipv4 !== undefined) out.push({ network: group.network.ipv4, family: 4 });
  if (group.network.ipv6 !== undefined) out.push({ network: group.network.ipv6, family: 6 });
  for (const nic of group.additionalNetworks) {
    if (nic.ipv4Pool !== undefined) out.push({ shared: nic.ipv4Pool, family: 4 });
    else if (nic.ipv4 !== undefined) out.push({ network: nic.ipv4, family: 4 });
    if (nic.ipv6Pool !== undefined) out.push({ shared: nic.ipv6Pool, family: 6 });
    else if (nic.ipv6 !== undefined) out.push({ network: nic.ipv6, family: 6 });
  }
  return out;
}

/** The planner's input for a fleet (without the lock and the flags, which the caller adds). */
export function planRequests(fleet: FleetSpec): PlanRequests {
  const pools: PoolRequest[] = [];
  const sharedPeak = new Map<string, number>(fleet.sharedPools.map((p) => [p.name, 0]));
  for (const cluster of fleet.clusters) {
    const peaks = new Map<string, { peak: number; family: Family }>();
    for (const group of groups(cluster)) {
      for (const draw of draws(group)) {
        if (draw.shared !== undefined) {
          sharedPeak.set(draw.shared, (sharedPeak.get(draw.shared) ?? 0) + group.peak);
        } else {
          const seen = peaks.get(draw.network!);
          peaks.set(draw.network!, { peak: (seen?.peak ?? 0) + group.peak, family: draw.family });
        }
      }
    }
    for (const [network, { peak, family }] of peaks) {
      pools.push({
        name: clusterPoolName(cluster.name, network),
        kind: 'InClusterIPPool',
        namespace: cluster.namespace,
        cluster: cluster.name,
        network,
        family,
        peak,
        size: cluster.poolSizes[network],
      });
    }
  }
  for (const shared of fleet.sharedPools) {
    pools.push({ name: shared.name, kind: 'GlobalInClusterIPPool', network: shared.network, peak: sharedPeak.get(shared.name) ?? 0, size: shared.size });
  }
  const endpoints: EndpointRequest[] = fleet.clusters
    .filter((c) => c.controlPlane.endpoint === 'auto' && c.controlPlane.network.ipv4 !== undefined)
    .map((c) => ({ cluster: c.name, network: c.controlPlane.network.ipv4! }));
  return {
    networks: fleet.networks.map((n) => ({ name: n.name, cidr: n.cidr, gateway: n.gateway, reserved: n.reserved, lanID: n.lanID, allocation: n.allocation })),
    pools,
    endpoints,
    manualPools: fleet.manualPools.map((p) => ({ name: p.name, network: p.network, addresses: p.addresses, ...(p.unmanaged === true ? { unmanaged: true } : {}) })),
    fixedEndpoints: fleet.clusters.filter((c) => c.controlPlane.endpoint !== 'auto').map((c) => ({ cluster: c.name, address: c.controlPlane.endpoint })),
    clusterCidrs: fleet.clusters.map((c) => {
      const dualStack = c.controlPlane.network.ipv4 !== undefined && c.controlPlane.network.ipv6 !== undefined;
      const { pods, services } = clusterCidrs(dualStack, c.podCidrBlocks, c.serviceCidrBlocks);
      const defaulted = { pods: c.podCidrBlocks === undefined, services: c.serviceCidrBlocks === undefined };
      return { cluster: c.name, pods, dualStack, defaulted, ...(services === undefined ? {} : { services }) };
    }),
  };
}
