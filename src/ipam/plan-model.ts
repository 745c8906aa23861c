/**
 * The planner's data model: what it is asked (networks, pool and endpoint requests, hand-written
 * pools, the previous lock), what it answers (planned pools, endpoints, findings, the new lock).
 *
 * Plain data only. Addresses inside the planner are bigints (see `ip.ts`); text appears only
 * where the user reads or writes it (CIDRs in the input, `addresses` in the output, the lock
 * file).
 */
import type { Family } from './ip.js';
import type { Range } from './ranges.js';
import type { PoolKind } from '../vocabulary.js';

/**
 * How pools are carved from a network.
 *
 * - `aligned`: every range is a power-of-two block on its own boundary, so it can be written as
 *   one CIDR (firewall rules can name a pool).
 * - `packed`: exactly the addresses asked for, as one `first-last` range, no rounding.
 */
export type Allocation = 'aligned' | 'packed';

/** The two pool kinds of the In-Cluster IPAM provider (declared in vocabulary.ts). */
export type { PoolKind };

/** A LAN (or routed segment) the planner carves pools from. */
export interface PlanNetwork {
  /** Unique name; pools and endpoints refer to it. */
  readonly name: string;
  /** `a.b.c.d/n` or `x:x::/n`, without host bits. */
  readonly cidr: string;
  /**
   * Never planned; copied into every pool of the network.
   * @default no gateway
   */
  readonly gateway?: string;
  /**
   * Never planned: CIDRs, `first-last` ranges or single addresses (DHCP range, appliances,
   * existing hosts). Entries may overlap or nest.
   * @default none
   */
  readonly reserved?: readonly string[];
  /**
   * The IONOS LAN id machines attach to. The planner does not use it.
   * @default the cluster's primary LAN
   */
  readonly lanID?: number;
  /**
   * How pools are carved from this network.
   * @default 'aligned'
   */
  readonly allocation?: Allocation;
}

/** One pool the fleet needs. */
export interface PoolRequest {
  /**
   * Kubernetes name of the pool: `<cluster>-<network>` for a cluster's pool, the shared pool's
   * name for a shared one. Unique across the fleet (planned and hand-written pools together).
   */
  readonly name: string;
  /** The pool's kind. */
  readonly kind: PoolKind;
  /**
   * The pool's namespace; only for `InClusterIPPool`.
   * @default none
   */
  readonly namespace?: string;
  /**
   * The owning cluster.
   * @default none (a shared pool)
   */
  readonly cluster?: string;
  /** Name of the `PlanNetwork` the pool is carved from. */
  readonly network: string;
  /**
   * The family the fleet asked for (`network: {ipv4: ...}` / `{ipv6: ...}`); a network of the
   * other family is a `mixed-family` finding.
   * @default whatever the network is
   */
  readonly family?: Family;
  /** Addresses the machines need at their worst moment (replicas + surge), >= 0. */
  readonly peak: number;
  /**
   * Explicit size (fleet `poolSizes` / shared pool `size`), >= 1. A number must be an integer;
   * use a bigint (or the exact double, e.g. `2 ** 64`) for IPv6 blocks beyond 2^53.
   * @default peak plus headroom (see `sizing.ts`)
   */
  readonly size?: number | bigint;
}

/** A control-plane VIP to plan for a cluster with `endpoint: auto`. */
export interface EndpointRequest {
  /** The cluster; at most one endpoint per cluster. */
  readonly cluster: string;
  /** The network the VIP is taken from (the cluster's primary network). */
  readonly network: string;
}

/** A control-plane endpoint written as an address. */
export interface FixedEndpoint {
  /** The cluster. */
  readonly cluster: string;
  /** The address. */
  readonly address: string;
}

/** A pool written by hand: not planned, but checked against everything that is. */
export interface ManualPool {
  /** The pool's name; it must not clash with a planned pool's name. */
  readonly name: string;
  /**
   * The network the pool belongs to.
   * @default every network its addresses touch
   */
  readonly network?: string;
  /** Its `addresses` entries: single addresses, `first-last` ranges or CIDRs. */
  readonly addresses: readonly string[];
  /**
   * Its `excludedAddresses`: not handed out, so an endpoint there is no conflict.
   * @default none
   */
  readonly excludedAddresses?: readonly string[];
  /**
   * Its `prefix` and `gateway`, to count what the provider hands out (with `peak`).
   * @default not counted
   */
  readonly prefix?: number;
  /** @default none */
  readonly gateway?: string;
  /**
   * Addresses its machines need at their peak; more than it holds is `pool-too-small`.
   * @default not checked
   */
  readonly peak?: number;
  /**
   * Managed outside the fleet's networks: lying in no declared network is a warning, not an error.
   * @default false
   */
  readonly unmanaged?: boolean;
}

/** Pod and service CIDRs of a cluster, checked against each other and the node networks. */
export interface ClusterCidrs {
  /** The cluster. */
  readonly cluster: string;
  /** `clusterNetwork.pods.cidrBlocks`. */
  readonly pods: readonly string[];
  /** `clusterNetwork.services.cidrBlocks`. @default none */
  readonly services?: readonly string[];
  /** Whether the cluster's nodes have both families: then pods and services need both. */
  readonly dualStack?: boolean;
  /**
   * Which of the two are defaults rather than written by the user: their overlaps with the node
   * networks are warnings (set the CIDRs to silence them), not errors.
   * @default neither
   */
  readonly defaulted?: { readonly pods?: boolean; readonly services?: boolean };
}

/** Everything the planner reads. */
export interface PlanInput {
  /** The networks, in any order. */
  readonly networks: readonly PlanNetwork[];
  /** The pools, in any order. */
  readonly pools: readonly PoolRequest[];
  /**
   * Control-plane VIPs to plan.
   * @default none
   */
  readonly endpoints?: readonly EndpointRequest[];
  /**
   * Hand-written pools to check and to keep clear of.
   * @default none
   */
  readonly manualPools?: readonly ManualPool[];
  /**
   * Control-plane endpoints given as addresses: never planned (kept out of every pool and VIP
   * of the network they lie in), and a locked range over one is refused like one over a
   * reserved range.
   * @default none
   */
  readonly fixedEndpoints?: readonly FixedEndpoint[];
  /**
   * Pod and service CIDRs per cluster (`planAddresses` checks them; `plan` ignores them).
   * @default none
   */
  readonly clusterCidrs?: readonly ClusterCidrs[];
  /**
   * The previous plan (`ipam.lock.yaml`).
   * @default an empty lock (everything is new)
   */
  readonly lock?: Lock;
  /**
   * Release the locked ranges of pools and endpoints that are no longer requested.
   * @default false (keep them and report them as `orphaned`)
   */
  readonly prune?: boolean;
  /**
   * Re-plan a locked pool that would otherwise have to shrink, move or be renumbered.
   * @default false (refuse with a `renumber-refused` error)
   */
  readonly allowRenumber?: boolean;
}

/** How a planned item compares with the lock it was planned from. */
export type PlanChange = 'unchanged' | 'added' | 'grown' | 'renumbered';

/** One pool of the plan. */
export interface PlannedPool {
  /** The pool's name. */
  readonly name: string;
  /** The pool's kind. */
  readonly kind: PoolKind;
  /** Its namespace, for an `InClusterIPPool` that has one. */
  readonly namespace?: string;
  /** The owning cluster, when there is one. */
  readonly cluster?: string;
  /** The network it is carved from. */
  readonly network: string;
  /** The network's family. */
  readonly family: Family;
  /**
   * Its ranges in the order they were planned (the first one first; growth appends). Empty when
   * the network had no room (see the `network-exhausted` finding).
   */
  readonly ranges: readonly Range[];
  /** `spec.addresses`: one entry per range, as `formatRange` writes it (CIDR for a block). */
  readonly addresses: readonly string[];
  /** `spec.prefix`: the network's prefix length. */
  readonly prefix: number;
  /** `spec.gateway`: the network's gateway in canonical text, when it has one. */
  readonly gateway?: string;
  /** Addresses the provider will hand out from `addresses` (its own reserved-address rules). */
  readonly capacity: bigint;
  /** Addresses the machines need at their peak (the request's `peak`). */
  readonly required: number;
  /** `capacity - required`; negative when the pool is too small. */
  readonly headroom: bigint;
  /** What happened to the pool compared with the lock. */
  readonly change: PlanChange;
}

/** One control-plane VIP of the plan. */
export interface PlannedEndpoint {
  /** The cluster. */
  readonly cluster: string;
  /** The network the VIP is in. */
  readonly network: string;
  /** The network's family. */
  readonly family: Family;
  /** The VIP in canonical text; absent when the network had no free address. */
  readonly address?: string;
  /** What happened to the VIP compared with the lock. */
  readonly change: PlanChange;
}

/** How bad a finding is: `error` fails the plan, `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/** The kinds of finding the planner reports (see docs/planner.md). */
export type FindingCode =
  | 'duplicate-pool'
  | 'duplicate-endpoint'
  | 'unknown-network'
  | 'mixed-family'
  | 'gateway-outside-network'
  | 'reserved-outside-network'
  | 'overlapping-networks'
  | 'network-exhausted'
  | 'pool-too-small'
  | 'renumber-refused'
  | 'renumbered'
  | 'orphaned'
  | 'released'
  | 'overlap'
  | 'outside-network'
  | 'gateway-in-pool'
  | 'reserved-address-in-pool'
  | 'endpoint-in-pool'
  | 'endpoint-conflict'
  | 'endpoint-outside-networks'
  | 'pool-outside-networks'
  | 'unmanaged-pool'
  | 'cidr-overlap'
  | 'single-family-cidrs';

/** Something the plan reports: what, where and how to fix it. */
export interface Finding {
  /** `error` fails the plan. */
  readonly severity: Severity;
  /** What kind of finding it is (stable, for tools). */
  readonly code: FindingCode;
  /**
   * The object at fault, by name: `networks.<name>[.field]`, `pools.<name>[.field]`,
   * `endpoints.<cluster>`, `manualPools.<name>.addresses`, `lock.pools.<name>`,
   * `lock.endpoints.<cluster>`.
   */
  readonly path: string;
  /** What is wrong, where, and how to fix it. */
  readonly message: string;
}

/** One range of a pool in the lock. */
export interface LockedPoolRange {
  /** A pool's range. */
  readonly purpose: 'pool';
  /** The network the range was planned in. */
  readonly network: string;
  /** The range's family. */
  readonly family: Family;
  /** First address. */
  readonly start: bigint;
  /** Last address (inclusive). */
  readonly end: bigint;
  /** The pool's name. */
  readonly pool: string;
  /** Position of the range in the pool's `addresses`, from 1 (the range planned first). */
  readonly part: number;
  /** The pool's kind. */
  readonly kind: PoolKind;
  /** The pool's namespace, when it has one. */
  readonly namespace?: string;
  /** The owning cluster, when there is one. */
  readonly cluster?: string;
}

/** A control-plane VIP in the lock: one address (`start === end`). */
export interface LockedEndpoint {
  /** A control-plane VIP. */
  readonly purpose: 'endpoint';
  /** The network the VIP was planned in. */
  readonly network: string;
  /** The VIP's family. */
  readonly family: Family;
  /** The VIP. */
  readonly start: bigint;
  /** The VIP again (a range of one address). */
  readonly end: bigint;
  /** The cluster the VIP belongs to. */
  readonly cluster: string;
}

/**
 * A range a pool or VIP held before it was renumbered (`allowRenumber`). Its machines may still
 * use the addresses until they are replaced, so the range stays taken until a plan with `prune`
 * releases it.
 */
export interface LockedRetired {
  /** The old range of a renumbered pool or VIP. */
  readonly purpose: 'retired';
  /** The network the range is in. */
  readonly network: string;
  /** The range's family. */
  readonly family: Family;
  /** First address. */
  readonly start: bigint;
  /** Last address (inclusive). */
  readonly end: bigint;
  /** The pool that held it, when it was a pool's range. */
  readonly pool?: string;
  /** The cluster that held it (the owner of the pool, or of the VIP). */
  readonly cluster?: string;
}

/** One line of the lock file. */
export type LockEntry = LockedPoolRange | LockedEndpoint | LockedRetired;

/** The contents of `ipam.lock.yaml`: every planned range. */
export interface Lock {
  /** Sorted by network, family, start address (see `sortLockEntries`). */
  readonly ranges: readonly LockEntry[];
}

/** What the planner answers. */
export interface PlanResult {
  /** Every planned pool, sorted by network, then name. */
  readonly pools: readonly PlannedPool[];
  /** Every planned VIP, sorted by cluster. */
  readonly endpoints: readonly PlannedEndpoint[];
  /** Everything worth reporting, errors first, then by path, code and message. */
  readonly findings: readonly Finding[];
  /** The lock to write back: the old one plus what was planned now, minus what was released. */
  readonly lock: Lock;
}
