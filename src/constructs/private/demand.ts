/**
 * What machines ask of pools: each machine group (a control plane, a node pool, a standalone
 * machine) records the pools its NICs draw from and how many machines it has at its peak
 * (replicas + surge). The planner sizes planned pools from it and checks hand-written ones.
 */
import type { IConstruct } from 'constructs';
import type { IIpPool } from '../ip-pool.js';
import type { MachineNetworkSettings } from '../machine.js';

const DEMAND = Symbol.for('cdk8s-capi-ionos.poolDemand');

/** One draw: a pool and the machines that take an address from it at their peak. */
export interface PoolDemand {
  readonly pool: IIpPool;
  readonly machines: number;
}

/** The key of a pool across the app: kind, namespace, name. */
export function poolKey(pool: Pick<IIpPool, 'kind' | 'poolNamespace' | 'poolName'>): string {
  return `${pool.kind}|${pool.poolNamespace ?? ''}|${pool.poolName}`;
}

/** Records that `machines` machines of `scope` draw from every pool of `network` (once per NIC and family). */
export function recordDemand(scope: IConstruct, machines: number, network: MachineNetworkSettings): void {
  const pools: (IIpPool | undefined)[] = [network.ipv4Pool, network.ipv6Pool];
  for (const nic of network.additionalNetworks ?? []) pools.push(nic.ipv4Pool, nic.ipv6Pool);
  const demand: PoolDemand[] = pools.filter((p): p is IIpPool => p !== undefined).map((pool) => ({ pool, machines }));
  const holder = scope as unknown as Record<symbol, PoolDemand[] | undefined>;
  holder[DEMAND] = [...(holder[DEMAND] ?? []), ...demand];
}

/** What `c` recorded, if anything. */
export function demandOf(c: IConstruct): readonly PoolDemand[] | undefined {
  return (c as unknown as Record<symbol, PoolDemand[] | undefined>)[DEMAND];
}
