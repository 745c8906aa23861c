/**
 * Turning a fleet and its plan into constructs: a SharedObjects chart with the shared pools, and
 * per cluster an IonosCluster with its planned pools and node pools. Children are created in
 * name order, so the tree (and the output) never depends on the order of the fleet file.
 */
import type { App } from 'cdk8s';
import { Construct } from 'constructs';
import { IonosClusterClass } from '../constructs/cluster-class.js';
import { TopologyCluster } from '../constructs/topology-cluster.js';
// The construct modules one by one, not their index: the index also exports the reconciler's
// Deployment, whose cdk8s-plus-28 costs every fleet synthesis some 60 ms to load for nothing.
import { Credentials } from '../constructs/credentials.js';
import { IonosCluster } from '../constructs/ionos-cluster.js';
import { ExternalIpPool } from '../constructs/external-ip-pool.js';
import { IpPool, type IIpPool } from '../constructs/ip-pool.js';
import { Network } from '../constructs/network.js';
import { bindPlan } from '../constructs/planning.js';
import { MachineImage, type AdditionalNetwork, type MachineNetworkSettings, type MachineSettings } from '../constructs/machine.js';
import { mergeNodeSetup, type NodeSetupOptions } from '../constructs/node-setup.js';
import { SharedObjects } from '../constructs/shared-objects.js';
import type { PlannedPool, PlanResult } from '../ipam/plan-model.js';
import { ProblemError } from '../problems.js';
import type { AdditionalNetworkSpec, ClusterSpec, CniSpec, FleetSpec, MachineSpecInput, NicSpec, NodeSetupSpec } from './schema.js';
import { clusterPoolName } from './requests.js';
import { compareText } from '../vocabulary.js';

function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return compareText(a.name, b.name);
}

function machineSettings(m: MachineSpecInput): MachineSettings {
  const image = 'id' in m.disk.image ? MachineImage.fromId(m.disk.image.id) : MachineImage.fromSelector(m.disk.image.selector);
  return {
    cores: m.cores, memoryMB: m.memoryMB, cpuFamily: m.cpuFamily, type: m.type, availabilityZone: m.availabilityZone,
    failoverIP: m.failoverIP, networkID: m.networkID,
    disk: { sizeGB: m.disk.sizeGB, type: m.disk.type, availabilityZone: m.disk.availabilityZone, image },
  };
}

/** The fleet's node setup as construct options; files named by `file` were read by files.ts. */
function nodeSetup(spec: NodeSetupSpec | undefined): NodeSetupOptions | undefined {
  if (spec === undefined) return undefined;
  return {
    ...spec,
    files: spec.files?.map(({ file, ...rest }) => {
      if (file !== undefined && rest.content === undefined) throw new TypeError(`node file ${file} was not read (loadFleetFiles)`);
      return rest;
    }),
  };
}

function cni(spec: CniSpec | undefined) {
  if (spec === undefined) return undefined;
  if (spec.manifest.content === undefined) throw new TypeError(`CNI manifest ${spec.manifest.file} was not read (loadFleetFiles)`);
  return { manifest: spec.manifest.content, name: spec.name, strategy: spec.strategy };
}

/** `a` and `b` merged, `b` winning; undefined when neither is set. */
function mergeMaps<T>(a: Readonly<Record<string, T>> | undefined, b: Readonly<Record<string, T>> | undefined): Record<string, T> | undefined {
  return a === undefined && b === undefined ? undefined : { ...a, ...b };
}

/**
 * Adds the fleet's objects to `app`: its networks as Network constructs, its pools planned from
 * them, its clusters, and the plan bound into them (`bindPlan`, as for a TypeScript app).
 *
 * @param plan the fleet's plan, without error findings (the caller reports those first)
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

  // Networks and pools made elsewhere emit nothing: they live beside the charts, under ids no
  // cluster can have (cluster names are DNS labels).
  const networks = new Map<string, Network>();
  if (fleet.networks.length > 0) {
    const scope = new Construct(app, '_networks');
    for (const spec of [...fleet.networks].sort(byName)) {
      networks.set(spec.name, new Network(scope, spec.name, {
        family: spec.cidr.includes(':') ? 'IPv6' : 'IPv4', cidr: spec.cidr, gateway: spec.gateway, reserved: spec.reserved,
        lanID: spec.lanID, allocation: spec.allocation,
      }));
    }
  }
  if (fleet.manualPools.length > 0) {
    const scope = new Construct(app, '_external-pools');
    for (const spec of [...fleet.manualPools].sort(byName)) {
      new ExternalIpPool(scope, spec.name, {
        name: spec.name, addresses: spec.addresses, unmanaged: spec.unmanaged,
        network: spec.network === undefined ? undefined : networks.get(spec.network),
      });
    }
  }

  const shared = new Map<string, IIpPool>();
  if (fleet.sharedPools.length > 0) {
    const chart = new SharedObjects(app);
    for (const spec of [...fleet.sharedPools].sort(byName)) {
      const pool = need(spec.name, `sharedPools[${fleet.sharedPools.indexOf(spec)}]`);
      shared.set(spec.name, new IpPool(chart, spec.name, {
        family: pool.family === 4 ? 'IPv4' : 'IPv6', name: spec.name, scope: 'global', network: networks.get(spec.network), size: spec.size,
      }));
    }
  }
  const addPools = (scope: Construct, clusterPools: readonly PlannedPool[], cluster: ClusterSpec) => {
    for (const pool of clusterPools) {
      need(pool.name, `clusters[${fleet.clusters.indexOf(cluster)}]`);
      new IpPool(scope, pool.name, {
        family: pool.family === 4 ? 'IPv4' : 'IPv6', name: pool.name, namespace: cluster.namespace,
        network: networks.get(pool.network), size: cluster.poolSizes[pool.network],
      });
    }
  };
  const classes = new Map<string, IonosClusterClass>();
  for (const spec of [...(fleet.clusterClasses ?? [])].sort(byName)) {
    classes.set(spec.name, new IonosClusterClass(app, spec.name, {
      namespace: spec.namespace,
      location: spec.location,
      nodeSetup: mergeNodeSetup(nodeSetup(fleet.defaults?.nodeSetup), nodeSetup(spec.nodeSetup)),
      controlPlane: {
        machine: machineSettings(spec.controlPlane.machine),
        nodeSetup: nodeSetup(spec.controlPlane.nodeSetup),
        kubeVip: fleet.defaults?.kubeVip === undefined && spec.controlPlane.kubeVip === undefined ? undefined : { ...fleet.defaults?.kubeVip, ...spec.controlPlane.kubeVip },
        maxSurge: spec.controlPlane.maxSurge,
      },
      workers: Object.fromEntries(spec.workers.map((w) => [w.name, { machine: machineSettings(w.machine), nodeSetup: nodeSetup(w.nodeSetup) }])),
    }));
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
    const labels = mergeMaps(fleet.defaults?.labels, spec.labels);
    const annotations = mergeMaps(fleet.defaults?.annotations, spec.annotations);
    if (spec.class !== undefined) {
      const topology = new TopologyCluster(app, spec.name, {
        clusterClass: classes.get(spec.class)!,
        location: spec.location,
        datacenterID: spec.datacenterID,
        credentials: Credentials.fromSecretName(spec.credentialsSecret),
        kubernetesVersion: spec.kubernetesVersion,
        podCidrBlocks: spec.podCidrBlocks,
        labels,
        annotations,
        cni: cni(spec.cni ?? fleet.defaults?.cni),
        controlPlane: {
          replicas: spec.controlPlane.replicas,
          endpoint: { host: endpoint, port: spec.controlPlane.port, hostname: spec.controlPlane.endpointHost },
          network: nic(spec.controlPlane.network, spec.controlPlane.additionalNetworks),
          machineLabels: spec.controlPlane.machineLabels,
          machineAnnotations: spec.controlPlane.machineAnnotations,
        },
        nodePools: [...spec.nodePools].sort(byName).map((np) => ({
          name: np.name,
          workerClass: np.workerClass,
          replicas: np.replicas,
          maxSurge: np.maxSurge,
          maxUnavailable: np.maxUnavailable,
          network: nic(np.network, np.additionalNetworks),
          labels: np.labels,
          annotations: np.annotations,
        })),
      });
      addPools(topology, clusterPools, spec);
      continue;
    }
    const cluster = new IonosCluster(app, spec.name, {
      namespace: spec.namespace,
      location: spec.location,
      datacenterID: spec.datacenterID,
      credentials: Credentials.fromSecretName(spec.credentialsSecret),
      kubernetesVersion: spec.kubernetesVersion,
      sshAuthorizedKeys: spec.sshAuthorizedKeys,
      podCidrBlocks: spec.podCidrBlocks,
      serviceCidrBlocks: spec.serviceCidrBlocks,
      nodeSetup: mergeNodeSetup(nodeSetup(fleet.defaults?.nodeSetup), nodeSetup(spec.nodeSetup)),
      labels,
      annotations,
      cni: cni(spec.cni ?? fleet.defaults?.cni),
      controlPlane: {
        replicas: spec.controlPlane.replicas,
        maxSurge: spec.controlPlane.maxSurge,
        // A planned endpoint is planned from its network, as in a TypeScript app.
        endpoint: spec.controlPlane.endpoint === 'auto'
          ? { network: networks.get(spec.controlPlane.network.ipv4!) as Network<'IPv4'>, port: spec.controlPlane.port, hostname: spec.controlPlane.endpointHost }
          : { host: endpoint, port: spec.controlPlane.port, hostname: spec.controlPlane.endpointHost },
        machine: machineSettings(spec.controlPlane.machine!),
        network: nic(spec.controlPlane.network, spec.controlPlane.additionalNetworks),
        kubeVip: fleet.defaults?.kubeVip === undefined && spec.controlPlane.kubeVip === undefined ? undefined : { ...fleet.defaults?.kubeVip, ...spec.controlPlane.kubeVip },
        nodeSetup: nodeSetup(spec.controlPlane.nodeSetup),
        machineLabels: spec.controlPlane.machineLabels,
        machineAnnotations: spec.controlPlane.machineAnnotations,
        resourceName: spec.controlPlane.resourceName,
      },
    });
    addPools(cluster, clusterPools, spec);
    for (const np of [...spec.nodePools].sort(byName)) {
      cluster.addNodePool(np.name, {
        replicas: np.replicas,
        maxSurge: np.maxSurge,
        maxUnavailable: np.maxUnavailable,
        machine: machineSettings(np.machine!),
        network: nic(np.network, np.additionalNetworks),
        healthCheck: np.healthCheck,
        labels: np.labels,
        annotations: np.annotations,
        nodeSetup: nodeSetup(np.nodeSetup),
        resourceName: np.resourceName,
      });
    }
  }
  bindPlan(app, plan);
}
