/**
 * The construct tree as the planner sees it, and the plan back into the tree.
 *
 * `planRequestsOf(app)` reads what the app asks of the planner (networks, planned pools sized
 * from the machines that draw from them, planned and explicit control-plane endpoints,
 * hand-written pools, pod and service CIDRs); `bindPlan(app, result)` gives every planned pool
 * and endpoint its addresses, which creates their objects. Between the two the caller plans
 * (`ipam.planAddresses`, with the lock), so a TypeScript app and a fleet file (which is
 * translated onto these constructs) are planned the same way. Neither runs inside a lazy
 * producer: planning is a step of its own, before rendering.
 */
import type { IConstruct } from 'constructs';
import type { ClusterCidrs, EndpointRequest, FixedEndpoint, ManualPool, PlanInput, PlanNetwork, PlanResult, PoolRequest } from '../ipam/plan-model.js';
import { ExternalIpPool } from './external-ip-pool.js';
import { IonosCluster } from './ionos-cluster.js';
import { IpPool } from './ip-pool.js';
import { Network } from './network.js';
import { demandOf, poolKey } from './private/demand.js';

/** What an app asks of the planner: everything but the lock and the flags. */
export type PlanRequests = Pick<PlanInput, 'networks' | 'pools' | 'endpoints' | 'manualPools' | 'fixedEndpoints' | 'clusterCidrs'>;

/** The IonosCluster a construct belongs to, if any. */
function owningCluster(c: IConstruct): IonosCluster | undefined {
  const scopes = c.node.scopes;
  for (let i = scopes.length - 2; i >= 0; i--) if (IonosCluster.isIonosCluster(scopes[i])) return scopes[i] as IonosCluster;
  return undefined;
}

/** Everything the app under `root` asks of the planner. */
export function planRequestsOf(root: IConstruct): PlanRequests {
  const networks: PlanNetwork[] = [];
  const poolConstructs: IpPool[] = [];
  const external: ExternalIpPool[] = [];
  const clusters: IonosCluster[] = [];
  const machines = new Map<string, number>();
  for (const c of root.node.findAll()) {
    if (Network.isNetwork(c)) {
      networks.push({
        name: c.networkName, cidr: c.cidr, reserved: c.reserved, allocation: c.allocation,
        ...(c.gateway === undefined ? {} : { gateway: c.gateway }), ...(c.lanID === undefined ? {} : { lanID: c.lanID }),
      });
    } else if (IpPool.isIpPool(c)) poolConstructs.push(c);
    else if (ExternalIpPool.isExternalIpPool(c)) external.push(c);
    else if (IonosCluster.isIonosCluster(c)) clusters.push(c);
    for (const d of demandOf(c) ?? []) machines.set(poolKey(d.pool), (machines.get(poolKey(d.pool)) ?? 0) + d.machines);
  }
  const pools: PoolRequest[] = [];
  const manualPools: ManualPool[] = [];
  for (const pool of poolConstructs) {
    const peak = machines.get(poolKey(pool)) ?? 0;
    if (pool.planned) {
      const cluster = owningCluster(pool);
      pools.push({
        name: pool.poolName, kind: pool.kind, network: pool.network!.networkName, family: pool.family === 'IPv4' ? 4 : 6, peak,
        ...(pool.poolNamespace === undefined ? {} : { namespace: pool.poolNamespace }),
        ...(cluster === undefined ? {} : { cluster: cluster.clusterName }),
        ...(pool.size === undefined ? {} : { size: pool.size }),
      });
    } else {
      const spec = pool.spec;
      manualPools.push({
        name: pool.poolName, addresses: spec.addresses, prefix: spec.prefix, peak,
        ...(pool.network === undefined ? {} : { network: pool.network.networkName }),
        ...(spec.gateway === undefined ? {} : { gateway: spec.gateway }),
        ...(spec.excludedAddresses === undefined ? {} : { excludedAddresses: spec.excludedAddresses }),
        ...(pool.unmanaged ? { unmanaged: true } : {}),
      });
    }
  }
  for (const pool of external) {
    manualPools.push({
      name: pool.poolName, addresses: pool.addresses,
      ...(pool.network === undefined ? {} : { network: pool.network.networkName }),
      ...(pool.unmanaged ? { unmanaged: true } : {}),
    });
  }
  const endpoints: EndpointRequest[] = [];
  const fixedEndpoints: FixedEndpoint[] = [];
  const clusterCidrs: ClusterCidrs[] = [];
  for (const cluster of clusters) {
    if (cluster.endpointNetwork !== undefined) endpoints.push({ cluster: cluster.clusterName, network: cluster.endpointNetwork.networkName });
    else if (cluster.endpointHost !== undefined) fixedEndpoints.push({ cluster: cluster.clusterName, address: cluster.endpointHost });
    clusterCidrs.push({
      cluster: cluster.clusterName, pods: cluster.podCidrBlocks, dualStack: cluster.dualStack, defaulted: cluster.defaultedCidrs,
      ...(cluster.serviceCidrBlocks === undefined ? {} : { services: cluster.serviceCidrBlocks }),
    });
  }
  return { networks, pools, endpoints, manualPools, fixedEndpoints, clusterCidrs };
}

/**
 * Gives every planned pool and endpoint under `root` its planned addresses, which creates their
 * objects. Pools and endpoints the plan has no addresses for stay unplanned (their validation
 * then says so); call it with a plan without errors.
 */
export function bindPlan(root: IConstruct, result: PlanResult): void {
  const pools = new Map(result.pools.map((p) => [p.name, p]));
  const endpoints = new Map(result.endpoints.map((e) => [e.cluster, e]));
  for (const c of root.node.findAll()) {
    if (IpPool.isIpPool(c)) {
      if (!c.planned) continue;
      const planned = pools.get(c.poolName);
      if (planned === undefined || planned.addresses.length === 0) continue;
      c._bindPlan({ addresses: planned.addresses, prefix: planned.prefix, ...(planned.gateway === undefined ? {} : { gateway: planned.gateway }) });
    } else if (IonosCluster.isIonosCluster(c) && c.endpointNetwork !== undefined && c.endpointHost === undefined) {
      const address = endpoints.get(c.clusterName)?.address;
      if (address !== undefined) c._bindEndpoint(address);
    }
  }
}

/**
 * Where a finding of the app's plan points in the construct tree: `pools.<name>`,
 * `manualPools.<name>`, `networks.<name>`, `endpoints.<cluster>` and `clusters.<cluster>` (with
 * any field after them) become the construct paths of those objects (`prod-a/nodes: addresses`);
 * other paths are kept.
 */
export function findingPathsOf(root: IConstruct): (path: string) => string {
  const where = new Map<string, string[]>();
  const add = (key: string, path: string): void => {
    const list = where.get(key);
    if (list === undefined) where.set(key, [path]);
    else list.push(path);
  };
  for (const c of root.node.findAll()) {
    if (Network.isNetwork(c)) add(`networks.${c.networkName}`, c.node.path);
    else if (IpPool.isIpPool(c)) {
      add(`pools.${c.poolName}`, c.node.path);
      add(`manualPools.${c.poolName}`, c.node.path);
    } else if (ExternalIpPool.isExternalIpPool(c)) add(`manualPools.${c.poolName}`, c.node.path);
    else if (IonosCluster.isIonosCluster(c)) {
      add(`endpoints.${c.clusterName}`, c.node.path);
      add(`clusters.${c.clusterName}`, c.node.path);
    }
  }
  return (path) => {
    const parts = path.split('.');
    if (parts.length < 2) return path;
    const paths = where.get(`${parts[0]}.${parts[1]}`);
    if (paths === undefined) return path;
    const field = parts.slice(2).join('.');
    return `${paths.join(', ')}${field === '' ? '' : `: ${field}`}`;
  };
}
