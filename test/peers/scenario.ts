/**
 * Random allocation scenarios for the differential test (allocation.test.ts): pools of either
 * family, written with every address format the In-Cluster IPAM provider accepts (single
 * addresses, `a-b` ranges, CIDRs with host bits set, upper-case and zero-padded IPv6), gateways,
 * excluded addresses, reserved-address allocation, namespaced and global, and claims on them.
 * Every generated pool is valid (all entries inside one subnet), so the provider's webhooks admit
 * it; what differs between the provider and our binder can then only be allocation.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatIp, poolUsage, type Family } from '../../src/ipam/index.js';
import { RESOURCES, type KubeObject } from '../../src/reconciler/store.js';

export interface PoolCase {
  readonly kind: 'InClusterIPPool' | 'GlobalInClusterIPPool';
  readonly spec: {
    readonly addresses: readonly string[];
    readonly prefix: number;
    readonly gateway?: string;
    readonly excludedAddresses?: readonly string[];
    readonly allocateReservedIPAddresses?: boolean;
  };
  /** How many claims name this pool. */
  readonly claims: number;
}

export interface Scenario {
  readonly pools: readonly PoolCase[];
}

const IPAM = 'ipam.cluster.x-k8s.io';

/** The text of an address as a person might write it: canonical, upper case or zero-padded (IPv6). */
function addressText(value: bigint, family: Family, style: number): string {
  const canonical = formatIp(value, family);
  if (family === 4 || style === 0) return canonical;
  if (style === 1) return canonical.toUpperCase();
  const hex = value.toString(16).padStart(32, '0');
  return Array.from({ length: 8 }, (_, i) => hex.slice(i * 4, i * 4 + 4)).join(':');
}

/** One `addresses`/`excludedAddresses` entry inside [base, base + size). */
function entryArb(base: bigint, size: bigint, family: Family, width: number): fc.Arbitrary<string> {
  // Offsets near the start or near the end of the subnet (network and broadcast addresses matter).
  const near = size <= 64n ? fc.bigInt(0n, size - 1n) : fc.oneof(fc.bigInt(0n, 47n), fc.bigInt(size - 16n, size - 1n));
  return fc
    .record({ kind: fc.constantFrom('single', 'range', 'cidr'), offset: near, len: fc.bigInt(0n, 6n), k: fc.integer({ min: 0, max: 3 }), jitter: fc.bigInt(0n, 7n), style: fc.integer({ min: 0, max: 2 }) })
    .map(({ kind, offset, len, k, jitter, style }) => {
      if (kind === 'single') return addressText(base + offset, family, style);
      if (kind === 'range') {
        const end = offset + len < size ? offset + len : size - 1n;
        return `${addressText(base + offset, family, style)}-${addressText(base + end, family, style)}`;
      }
      // A CIDR of at most the subnet's size, written with host bits set.
      const hostBits = Math.min(k, width);
      const block = 1n << BigInt(hostBits);
      const start = (offset / block) * block;
      return `${addressText(base + start + (jitter % block), family, style)}/${(family === 4 ? 32 : 128) - hostBits}`;
    });
}

const poolArb: fc.Arbitrary<Omit<PoolCase, 'claims'>> = fc
  .record({
    family: fc.constantFrom<Family>(4, 6),
    v4prefix: fc.constantFrom(24, 26, 27, 28, 29, 30, 31, 32),
    v6prefix: fc.constantFrom(64, 112, 120, 124, 126, 127, 128),
    net: fc.integer({ min: 1, max: 250 }),
    global: fc.boolean(),
  })
  .chain(({ family, v4prefix, v6prefix, net, global }) => {
    const prefix = family === 4 ? v4prefix : v6prefix;
    const width = (family === 4 ? 32 : 128) - prefix;
    const size = 1n << BigInt(width);
    const base = family === 4 ? (10n << 24n) | (BigInt(net) << 16n) : (0xfd00n << 112n) | (BigInt(net) << 96n);
    const entry = entryArb(base, size, family, width);
    return fc.record({
      addresses: fc.array(entry, { minLength: 1, maxLength: 3 }),
      gateway: fc.option(fc.bigInt(0n, size - 1n).map((o) => formatIp(base + o, family)), { nil: undefined, freq: 2 }),
      excludedAddresses: fc.option(fc.array(entry, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
      allocateReservedIPAddresses: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
    }).map((spec) => ({
      kind: global ? ('GlobalInClusterIPPool' as const) : ('InClusterIPPool' as const),
      spec: dropUndefined({ ...spec, prefix }),
    }));
  });

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Scenarios of one to three pools with up to `maxClaims` claims each. The claim count is drawn
 * against the pool's size (our allocator's count, used only to pick sizes): mostly within it,
 * sometimes one or two beyond, so exhaustion is exercised too.
 */
export function scenarioArb(maxClaims: number, maxPools = 3): fc.Arbitrary<Scenario> {
  return fc
    .array(poolArb.chain((pool) => {
      const free = Number(poolUsage(pool.spec, []).free);
      return fc.integer({ min: 0, max: Math.min(maxClaims, free + 2) }).map((claims) => ({ ...pool, claims }));
    }), { minLength: 1, maxLength: maxPools })
    .map((pools) => ({ pools }));
}

// ---------------------------------------------------------------------------------------------
// The objects of a scenario in a namespace
// ---------------------------------------------------------------------------------------------

/** The pool's name in the scenario (global pools carry the namespace: they are cluster-wide). */
export function poolName(namespace: string, index: number, pool: PoolCase): string {
  return pool.kind === 'GlobalInClusterIPPool' ? `${namespace}-g${index}` : `p${index}`;
}

export function poolObjectOf(namespace: string, index: number, pool: PoolCase): KubeObject {
  const type = pool.kind === 'InClusterIPPool' ? RESOURCES.inClusterIPPool : RESOURCES.globalInClusterIPPool;
  return {
    apiVersion: type.apiVersion,
    kind: type.kind,
    metadata: { name: poolName(namespace, index, pool), ...(type.namespaced ? { namespace } : {}) },
    spec: pool.spec as Record<string, unknown>,
  };
}

/** Claim `c<pool>-<n>`. */
export function claimName(poolIndex: number, n: number): string {
  return `c${poolIndex}-${String(n).padStart(2, '0')}`;
}

export function claimObjectOf(namespace: string, poolIndex: number, pool: PoolCase, n: number): KubeObject {
  return {
    apiVersion: RESOURCES.ipAddressClaim.apiVersion,
    kind: 'IPAddressClaim',
    metadata: { name: claimName(poolIndex, n), namespace, labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
    spec: { poolRef: { apiGroup: IPAM, kind: pool.kind, name: poolName(namespace, poolIndex, pool) } },
  };
}

/** The scenario as manifests to apply by hand (`kubectl apply -f`), for a failure message. */
export function reproduction(scenario: Scenario, namespace = 'repro'): string {
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    { apiVersion: RESOURCES.cluster.apiVersion, kind: 'Cluster', metadata: { name: 'prod-a', namespace }, spec: {} },
  ];
  scenario.pools.forEach((pool, i) => {
    objects.push(poolObjectOf(namespace, i, pool));
    for (let n = 0; n < pool.claims; n++) objects.push(claimObjectOf(namespace, i, pool, n));
  });
  return objects.map((o) => stringify(o)).join('---\n');
}
