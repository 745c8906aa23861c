import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../src/ipam/ip.js';
import { formatLock, parseLock } from '../../src/ipam/lock.js';
import { largestFreeBlock, placeAligned, placeFromTop, placePacked } from '../../src/ipam/placement.js';
import {
  assertPlanOk, plan, type Finding, type Lock, type PlanInput, type PlanNetwork, type PlanResult, type PoolRequest,
} from '../../src/ipam/planner.js';
import { isProblemError } from '../../src/problems.js';
import type { Range } from '../../src/ipam/ranges.js';
import { askedSize, blockFor, growthFor, headroomFor, isShrink, nextPowerOfTwo, poolCapacity } from '../../src/ipam/sizing.js';

const ip = (text: string): bigint => parseIp(text)!.value;
const r = (start: number, end: number): Range => ({ start: BigInt(start), end: BigInt(end) });

function network(name: string, cidr: string, extra: Partial<PlanNetwork> = {}): PlanNetwork {
  return { name, cidr, ...extra };
}

/** A cluster pool `<cluster>-<network>` in namespace `<cluster>`. */
function pool(cluster: string, net: string, peak: number, extra: Partial<PoolRequest> = {}): PoolRequest {
  return { name: `${cluster}-${net}`, kind: 'InClusterIPPool', namespace: cluster, cluster, network: net, peak, ...extra };
}

function addresses(result: PlanResult): Record<string, readonly string[]> {
  return Object.fromEntries(result.pools.map((p) => [p.name, p.addresses]));
}

function codes(result: PlanResult): string[] {
  return result.findings.map((f) => `${f.severity} ${f.code} ${f.path}`);
}

function only(result: PlanResult, code: Finding['code']): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

function thrown(fn: () => unknown): { path: string; message: string; code?: string }[] {
  try {
    fn();
  } catch (error) {
    if (isProblemError(error)) return error.problems.map((p) => ({ path: p.path, message: p.message, ...(p.code === undefined ? {} : { code: p.code }) }));
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('the sizing rule', () => {
  it.each([
    [0n, 2n], [1n, 2n], [8n, 2n], [9n, 3n], [12n, 3n], [40n, 10n], [1000n, 250n],
  ])('adds max(2, ceil(peak / 4)) as headroom to a peak of %s', (peak, headroom) => {
    expect(headroomFor(peak)).toBe(headroom);
    expect(askedSize(peak, undefined)).toBe(peak + headroom);
  });

  it('takes an explicit size as it is, whatever the peak', () => {
    expect(askedSize(100n, 5n)).toBe(5n);
  });

  it.each([
    [1n, 'aligned', 1n], [2n, 'aligned', 2n], [3n, 'aligned', 4n], [13n, 'aligned', 16n], [65n, 'aligned', 128n],
    [13n, 'packed', 13n], [1n, 'packed', 1n],
  ] as const)('carves %s addresses as a %s block of %s', (count, allocation, block) => {
    expect(blockFor(count, allocation)).toBe(block);
  });

  it('rounds to the next power of two for IPv6-sized counts', () => {
    expect(nextPowerOfTwo(2n ** 64n)).toBe(2n ** 64n);
    expect(nextPowerOfTwo(2n ** 64n + 1n)).toBe(2n ** 65n);
  });

  it('grows by the missing addresses, rounded the same way, and never by a negative amount', () => {
    expect(growthFor(25n, 16n, 'aligned')).toBe(16n);
    expect(growthFor(25n, 16n, 'packed')).toBe(9n);
    expect(growthFor(16n, 16n, 'aligned')).toBe(0n);
    expect(growthFor(10n, 16n, 'aligned')).toBe(0n);
  });

  it('calls only an explicit size that would fit half the held block a shrink', () => {
    expect(isShrink(undefined, 64n, 'aligned')).toBe(false);
    expect(isShrink(16n, 64n, 'aligned')).toBe(true);
    expect(isShrink(32n, 64n, 'aligned')).toBe(true);
    expect(isShrink(33n, 64n, 'aligned')).toBe(false);
    // A grown pool (2 + 16 for size 11) is not a shrink of size 11, but is one of size 9.
    expect(isShrink(11n, 18n, 'aligned')).toBe(false);
    expect(isShrink(9n, 18n, 'aligned')).toBe(true);
    expect(isShrink(33n, 64n, 'packed')).toBe(true);
    expect(isShrink(64n, 64n, 'packed')).toBe(false);
  });
});

describe('pool capacity under the provider rules', () => {
  it.each([
    ['a whole IPv4 /24 loses network, broadcast and gateway', [[ip('10.0.0.0'), ip('10.0.0.255')]], 24, 4, ip('10.0.0.1'), 253n],
    ['a CIDR entry inside a /24 keeps its own first and last address', [[ip('10.0.0.64'), ip('10.0.0.127')]], 24, 4, undefined, 64n],
    ['an IPv4 /31 loses both addresses', [[ip('10.0.0.0'), ip('10.0.0.1')]], 31, 4, undefined, 0n],
    ['an IPv4 /32 loses its only address', [[ip('10.0.0.7'), ip('10.0.0.7')]], 32, 4, undefined, 0n],
    ['an IPv6 /127 keeps its second address', [[ip('fd00::'), ip('fd00::1')]], 127, 6, undefined, 1n],
    ['an IPv6 /120 keeps its last address', [[ip('fe80::'), ip('fe80::ff')]], 120, 6, undefined, 255n],
    ['overlapping entries count once', [[ip('10.0.0.10'), ip('10.0.0.20')], [ip('10.0.0.15'), ip('10.0.0.25')]], 24, 4, undefined, 16n],
  ] as const)('%s', (_name, ranges, prefix, family, gateway, capacity) => {
    expect(poolCapacity(ranges.map(([start, end]) => ({ start, end })), prefix, family, gateway)).toBe(capacity);
  });
});

describe('pool capacity against a brute-force count of the provider rules', () => {
  it('agrees for any ranges, prefix and gateway', () => {
    const base = ip('10.0.0.0');
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 22, max: 32 }), fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }), fc.constantFrom<4 | 6>(4, 6),
      (spans, prefix6or4, gw, family) => {
        const prefix = family === 4 ? prefix6or4 : prefix6or4 + 96;
        const ranges = spans.map(([s, len]) => ({ start: base + BigInt(s), end: base + BigInt(s + len) }));
        const gateway = gw === undefined ? undefined : base + BigInt(gw);
        const lowest = ranges.reduce((m, r) => (r.start < m ? r.start : m), ranges[0]!.start);
        const hostBits = BigInt((family === 4 ? 32 : 128) - prefix);
        const first = (lowest >> hostBits) << hostBits;
        const last = first + (1n << hostBits) - 1n;
        const members = new Set<bigint>();
        for (const r of ranges) for (let v = r.start; v <= r.end; v++) members.add(v);
        members.delete(first);
        if (family === 4) members.delete(last);
        if (gateway !== undefined) members.delete(gateway);
        expect(poolCapacity(ranges, prefix, family, gateway)).toBe(BigInt(members.size));
      },
    ), { numRuns: 500 });
  });
});

describe('first-fit placement', () => {
  it('places aligned blocks at the lowest boundary and keeps the gaps for smaller blocks', () => {
    const result = placeAligned([r(2, 254)], [{ item: 'b', size: 64n }, { item: 'a', size: 16n }, { item: 'c', size: 2n }]);
    expect(result.placed).toEqual([
      { item: 'b', range: r(64, 127) }, { item: 'a', range: r(16, 31) }, { item: 'c', range: r(2, 3) },
    ]);
    expect(result.free).toEqual([r(4, 15), r(32, 63), r(128, 254)]);
    expect(result.failed).toEqual([]);
  });

  it('fails the blocks that fit nowhere and keeps going with the rest', () => {
    const result = placeAligned([r(1, 14)], [{ item: 'x', size: 8n }, { item: 'y', size: 4n }, { item: 'z', size: 4n }, { item: 'w', size: 4n }]);
    expect(result.failed).toEqual(['x', 'w']);
    expect(result.placed.map((p) => p.range)).toEqual([r(4, 7), r(8, 11)]);
  });

  it('cuts packed runs from the front of the first interval long enough', () => {
    const result = placePacked([r(1, 3), r(10, 30)], [{ item: 'a', size: 5n }, { item: 'b', size: 3n }, { item: 'c', size: 20n }]);
    expect(result.placed).toEqual([{ item: 'a', range: r(10, 14) }, { item: 'b', range: r(1, 3) }]);
    expect(result.failed).toEqual(['c']);
    expect(result.free).toEqual([r(15, 30)]);
  });

  it('takes single addresses from the top down, across intervals', () => {
    const result = placeFromTop([r(1, 2), r(9, 10)], ['a', 'b', 'c', 'd', 'e']);
    expect(result.placed.map((p) => Number(p.range.start))).toEqual([10, 9, 2, 1]);
    expect(result.failed).toEqual(['e']);
    expect(result.free).toEqual([]);
  });

  it('names the largest aligned block left, the lowest on a tie', () => {
    expect(largestFreeBlock([r(1, 14)], true)).toEqual(r(4, 7));
    expect(largestFreeBlock([r(2, 3), r(12, 13)], true)).toEqual(r(2, 3));
    expect(largestFreeBlock([r(0, 255)], true)).toEqual(r(0, 255));
    expect(largestFreeBlock([r(1, 3), r(10, 30)], false)).toEqual(r(10, 30));
    expect(largestFreeBlock([], true)).toBeUndefined();
  });
});

describe('planning pools in a network', () => {
  const nodes = network('nodes', '10.0.0.0/24', { gateway: '10.0.0.1' });

  it('places aligned blocks largest first, then by name, clear of network address, gateway and broadcast', () => {
    const result = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 30), pool('c', 'nodes', 0)] });
    expect(addresses(result)).toEqual({ 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.64/26'], 'c-nodes': ['10.0.0.2/31'] });
    expect(result.findings).toEqual([]);
    const a = result.pools.find((p) => p.name === 'a-nodes')!;
    expect(a).toMatchObject({ prefix: 24, gateway: '10.0.0.1', capacity: 16n, required: 10, headroom: 6n, change: 'added', family: 4, namespace: 'a', cluster: 'a' });
    expect(a.ranges).toEqual([{ start: ip('10.0.0.16'), end: ip('10.0.0.31') }]);
  });

  it.each([
    ['at the start', '10.0.0.1', { 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.64/26'], 'c-nodes': ['10.0.0.2/31'] }],
    ['in the middle', '10.0.0.100', { 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.128/26'], 'c-nodes': ['10.0.0.2/31'] }],
    ['at the end', '10.0.0.254', { 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.64/26'], 'c-nodes': ['10.0.0.2/31'] }],
  ])('keeps pools off a gateway %s', (_where, gateway, expected) => {
    const result = plan({ networks: [{ ...nodes, gateway }], pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 30), pool('c', 'nodes', 0)] });
    expect(addresses(result)).toEqual(expected);
    expect(result.findings).toEqual([]);
  });

  it('packs exact runs in a packed network, gateway at the start', () => {
    const result = plan({
      networks: [{ ...nodes, allocation: 'packed' }],
      pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 30), pool('c', 'nodes', 0, { size: 5 })],
    });
    // b asks for 38, a for 13, c for 5; packed from .2 upwards.
    expect(addresses(result)).toEqual({ 'a-nodes': ['10.0.0.40-10.0.0.52'], 'b-nodes': ['10.0.0.2-10.0.0.39'], 'c-nodes': ['10.0.0.53-10.0.0.57'] });
    expect(result.pools.map((p) => p.capacity)).toEqual([13n, 38n, 5n]);
  });

  it('rounds an explicit size up to a block when aligned and takes it exactly when packed', () => {
    const aligned = plan({ networks: [nodes], pools: [pool('a', 'nodes', 3, { size: 20 })] });
    expect(aligned.pools[0]).toMatchObject({ addresses: ['10.0.0.32/27'], capacity: 32n });
    const packed = plan({ networks: [{ ...nodes, allocation: 'packed' }], pools: [pool('a', 'nodes', 3, { size: 20 })] });
    expect(packed.pools[0]).toMatchObject({ addresses: ['10.0.0.2-10.0.0.21'], capacity: 20n });
  });

  it('still gives a pool with peak 0 and no size two addresses', () => {
    const result = plan({ networks: [nodes], pools: [pool('idle', 'nodes', 0)] });
    expect(result.pools[0]).toMatchObject({ addresses: ['10.0.0.2/31'], capacity: 2n, required: 0, headroom: 2n });
  });

  it('keeps clear of adjacent and nested reserved ranges', () => {
    const result = plan({
      networks: [{ ...nodes, reserved: ['10.0.0.0/26', '10.0.0.64-10.0.0.79', '10.0.0.8/29', '10.0.0.80', '10.0.0.96/28', '10.0.0.100'] }],
      pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 1)],
    });
    // Free: .81-.95 and .112-.254; a needs a /28, b a /30.
    expect(addresses(result)).toEqual({ 'a-nodes': ['10.0.0.112/28'], 'b-nodes': ['10.0.0.84/30'] });
  });

  it('warns about reserved ranges outside the network and ignores that part', () => {
    const result = plan({ networks: [{ ...nodes, reserved: ['10.0.1.0/24', '10.0.0.250-10.0.1.5', 'fd00::/64'] }], pools: [] });
    expect(codes(result)).toEqual([
      'warning reserved-outside-network networks.nodes.reserved',
      'warning reserved-outside-network networks.nodes.reserved',
      'warning reserved-outside-network networks.nodes.reserved',
    ]);
    expect(result.findings.map((f) => f.message).join('\n')).toContain('"10.0.0.250-10.0.1.5" is partly outside network "nodes" (10.0.0.0/24)');
  });

  it('fills a small network exactly and names the largest block left when the next pool does not fit', () => {
    const result = plan({
      networks: [network('tiny', '10.0.0.0/28')],
      pools: [pool('a', 'tiny', 1, { size: 4 }), pool('b', 'tiny', 1, { size: 4 }), pool('c', 'tiny', 1, { size: 4 })],
    });
    expect(addresses(result)).toEqual({ 'a-tiny': ['10.0.0.4/30'], 'b-tiny': ['10.0.0.8/30'], 'c-tiny': [] });
    expect(codes(result)).toEqual(['error network-exhausted pools.c-tiny']);
    expect(result.findings[0]!.message).toBe(
      'network "tiny" (10.0.0.0/28) has no free block of 4 addresses (a /30) for pool "c-tiny" (asks for 4: peak 1, explicit size); '
      + 'the largest free block is 10.0.0.2/31 (2 addresses) — enlarge the network, free space (prune removed clusters, shrink reserved ranges, move hand-written pools) or lower the pool\'s size',
    );
  });

  it('fills a packed network to the last address and then says nothing is free', () => {
    const result = plan({
      networks: [network('tiny', '10.0.0.0/28', { allocation: 'packed' })],
      pools: [pool('a', 'tiny', 1, { size: 7 }), pool('b', 'tiny', 1, { size: 7 }), pool('c', 'tiny', 1, { size: 1 })],
    });
    expect(addresses(result)).toEqual({ 'a-tiny': ['10.0.0.1-10.0.0.7'], 'b-tiny': ['10.0.0.8-10.0.0.14'], 'c-tiny': [] });
    expect(result.findings[0]!.message).toContain('has no free run of 1 address for pool "c-tiny"');
    expect(result.findings[0]!.message).toContain('nothing is free');
  });

  it.each([
    ['an IPv4 /31', '10.0.0.0/31', 1],
    ['an IPv4 /32', '10.0.0.7/32', 1],
    ['an IPv6 /128', 'fd00::7/128', 1],
  ])('fails every pool and endpoint in %s, where the provider hands out nothing', (_name, cidr, size) => {
    const result = plan({ networks: [network('n', cidr)], pools: [pool('a', 'n', 0, { size })], endpoints: [{ cluster: 'a', network: 'n' }] });
    expect(codes(result)).toEqual(['error network-exhausted endpoints.a', 'error network-exhausted pools.a-n']);
  });

  it('plans the one allocatable address of an IPv6 /127', () => {
    const result = plan({ networks: [network('p2p', 'fd00::/127')], pools: [pool('a', 'p2p', 1, { size: 1 }), pool('b', 'p2p', 0)] });
    expect(addresses(result)).toEqual({ 'a-p2p': ['fd00::1'], 'b-p2p': [] });
    expect(result.pools[0]!.capacity).toBe(1n);
    expect(codes(result)).toEqual(['error network-exhausted pools.b-p2p']);
  });

  it('plans IPv6 /64 pools in a /56, skipping the /64 that holds the subnet-router anycast address', () => {
    const size = 2n ** 64n;
    const result = plan({ networks: [network('v6', 'fd00:0:0:100::/56')], pools: ['c', 'a', 'b'].map((c) => pool(c, 'v6', 5, { size })) });
    expect(addresses(result)).toEqual({ 'a-v6': ['fd00:0:0:101::/64'], 'b-v6': ['fd00:0:0:102::/64'], 'c-v6': ['fd00:0:0:103::/64'] });
    expect(result.pools.map((p) => p.capacity)).toEqual([size, size, size]);
  });

  it('fits 255 /64 pools in a /56 and fails the 256th, by name', () => {
    const names = Array.from({ length: 256 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const result = plan({ networks: [network('v6', 'fd00::/56')], pools: names.map((c) => pool(c, 'v6', 1, { size: 2 ** 64 })) });
    expect(result.pools.filter((p) => p.ranges.length === 1)).toHaveLength(255);
    expect(codes(result)).toEqual(['error network-exhausted pools.c255-v6']);
    expect(result.findings[0]!.message).toContain('no free block of 18446744073709551616 addresses (a /64)');
    expect(result.findings[0]!.message).toContain('the largest free block is fd00::8000:0:0:0/65');
  });

  it('gives IPv4 and IPv6 networks their own space, each through the same code', () => {
    const result = plan({
      networks: [network('v6', 'fd00::/120', { gateway: 'fd00::1' }), network('v4', '192.168.0.0/24', { gateway: '192.168.0.1' })],
      pools: [pool('a', 'v4', 5, { family: 4 }), pool('a', 'v6', 5, { family: 6 })],
    });
    expect(addresses(result)).toEqual({ 'a-v4': ['192.168.0.8/29'], 'a-v6': ['fd00::8/125'] });
    expect(result.pools.map((p) => p.gateway)).toEqual(['192.168.0.1', 'fd00::1']);
  });
});

describe('control-plane endpoints', () => {
  it('takes the highest free addresses, by cluster name, outside every pool', () => {
    const result = plan({
      networks: [network('nodes', '10.0.0.0/24', { gateway: '10.0.0.1', reserved: ['10.0.0.250-10.0.0.254'] })],
      pools: [pool('a', 'nodes', 10)],
      endpoints: [{ cluster: 'c', network: 'nodes' }, { cluster: 'a', network: 'nodes' }, { cluster: 'b', network: 'nodes' }],
    });
    expect(result.endpoints).toEqual([
      { cluster: 'a', network: 'nodes', family: 4, address: '10.0.0.249', change: 'added' },
      { cluster: 'b', network: 'nodes', family: 4, address: '10.0.0.248', change: 'added' },
      { cluster: 'c', network: 'nodes', family: 4, address: '10.0.0.247', change: 'added' },
    ]);
  });

  it('may take the last address of an IPv6 network, which is no broadcast', () => {
    const result = plan({ networks: [network('v6', 'fd00::/64')], pools: [], endpoints: [{ cluster: 'a', network: 'v6' }] });
    expect(result.endpoints[0]!.address).toBe('fd00::ffff:ffff:ffff:ffff');
  });

  it('keeps a locked endpoint where it is when more clusters arrive', () => {
    const nodes = network('nodes', '10.0.0.0/24');
    const first = plan({ networks: [nodes], pools: [], endpoints: [{ cluster: 'm', network: 'nodes' }] });
    const second = plan({ networks: [nodes], pools: [], endpoints: [{ cluster: 'a', network: 'nodes' }, { cluster: 'm', network: 'nodes' }], lock: first.lock });
    expect(second.endpoints).toEqual([
      { cluster: 'a', network: 'nodes', family: 4, address: '10.0.0.253', change: 'added' },
      { cluster: 'm', network: 'nodes', family: 4, address: '10.0.0.254', change: 'unchanged' },
    ]);
  });

  it('fails a second endpoint request for one cluster and an unknown network', () => {
    const result = plan({
      networks: [network('nodes', '10.0.0.0/24')], pools: [],
      endpoints: [{ cluster: 'a', network: 'nodes' }, { cluster: 'a', network: 'nodes' }, { cluster: 'b', network: 'nope' }],
    });
    expect(codes(result)).toEqual(['error duplicate-endpoint endpoints.a', 'error unknown-network endpoints.b.network']);
    expect(result.endpoints).toEqual([]);
  });
});

describe('planning with a lock', () => {
  const nodes = network('nodes', '10.0.0.0/24', { gateway: '10.0.0.1' });

  it('changes nothing when re-planned with its own lock', () => {
    const input: PlanInput = { networks: [nodes], pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 30)], endpoints: [{ cluster: 'a', network: 'nodes' }] };
    const first = plan(input);
    const second = plan({ ...input, lock: first.lock });
    expect(second.lock).toEqual(first.lock);
    expect(addresses(second)).toEqual(addresses(first));
    expect(second.pools.map((p) => p.change)).toEqual(['unchanged', 'unchanged']);
    expect(second.findings).toEqual([]);
  });

  it('keeps existing ranges when a cluster that sorts first is added', () => {
    const first = plan({ networks: [nodes], pools: [pool('b', 'nodes', 40)] });
    expect(addresses(first)).toEqual({ 'b-nodes': ['10.0.0.64/26'] });
    // Planned from scratch, "a" would come first and take 10.0.0.64/26.
    expect(addresses(plan({ networks: [nodes], pools: [pool('b', 'nodes', 40), pool('a', 'nodes', 40)] }))).toEqual({ 'a-nodes': ['10.0.0.64/26'], 'b-nodes': ['10.0.0.128/26'] });
    const second = plan({ networks: [nodes], pools: [pool('b', 'nodes', 40), pool('a', 'nodes', 40)], lock: first.lock });
    expect(addresses(second)).toEqual({ 'a-nodes': ['10.0.0.128/26'], 'b-nodes': ['10.0.0.64/26'] });
    expect(second.findings).toEqual([]);
  });

  it('grows a pool by appending a range and never moves the first one', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 1)] });
    expect(addresses(first)).toEqual({ 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.4/30'] });
    const second = plan({ networks: [nodes], pools: [pool('a', 'nodes', 20), pool('b', 'nodes', 1)], lock: first.lock });
    expect(second.pools[0]).toMatchObject({ addresses: ['10.0.0.16/28', '10.0.0.32/28'], capacity: 32n, required: 20, change: 'grown' });
    expect(formatLock(second.lock)).toContain('{network: nodes, range: 10.0.0.32/28, purpose: pool, pool: a-nodes, part: 2, kind: InClusterIPPool, namespace: a, cluster: a}');
    const third = plan({ networks: [nodes], pools: [pool('a', 'nodes', 20), pool('b', 'nodes', 1)], lock: parseLock(formatLock(second.lock)) });
    expect(third.lock).toEqual(second.lock);
    expect(third.pools[0]!.addresses).toEqual(['10.0.0.16/28', '10.0.0.32/28']);
  });

  it('keeps a pool whose peak went down (only an explicit size can shrink a pool)', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 40)] });
    const second = plan({ networks: [nodes], pools: [pool('a', 'nodes', 1)], lock: first.lock });
    expect(second.pools[0]).toMatchObject({ addresses: first.pools[0]!.addresses, change: 'unchanged' });
    expect(second.findings).toEqual([]);
  });

  it('rejects shrinking a locked pool, and re-plans it with allowRenumber', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 64 })] });
    expect(addresses(first)).toEqual({ 'a-nodes': ['10.0.0.64/26'] });
    const refused = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 16 })], lock: first.lock });
    expect(codes(refused)).toEqual(['error renumber-refused pools.a-nodes']);
    expect(refused.findings[0]!.message).toBe(
      'pool "a-nodes" is locked at 10.0.0.64/26 in network "nodes", but its size is now 16, which would shrink it from the 64 addresses it holds; '
      + 'the planner does not move, shrink or renumber a locked pool — undo that change, or re-plan with allowRenumber (--allow-renumber), which moves the pool and gives its machines new addresses',
    );
    expect(refused.lock).toEqual(first.lock);
    expect(addresses(refused)).toEqual({ 'a-nodes': ['10.0.0.64/26'] });

    const renumbered = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 16 })], lock: first.lock, allowRenumber: true });
    expect(addresses(renumbered)).toEqual({ 'a-nodes': ['10.0.0.16/28'] });
    expect(renumbered.pools[0]!.change).toBe('renumbered');
    expect(codes(renumbered)).toEqual(['warning renumbered pools.a-nodes']);
    expect(renumbered.findings[0]!.message).toContain('10.0.0.64/26 in network "nodes" → 10.0.0.16/28');
    // The old range stays taken (its machines still use it) until a plan with prune.
    expect(formatLock(renumbered.lock).split('\n').filter((l) => l.startsWith('  - '))).toEqual([
      '  - {network: nodes, range: 10.0.0.16/28, purpose: pool, pool: a-nodes, kind: InClusterIPPool, namespace: a, cluster: a}',
      '  - {network: nodes, range: 10.0.0.64/26, purpose: retired, pool: a-nodes, cluster: a}',
    ]);
    // And it is stable from then on, with or without allowRenumber.
    const again = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 16 })], lock: renumbered.lock });
    expect(again.lock).toEqual(renumbered.lock);
    expect(codes(again)).toEqual(['warning orphaned lock.pools.a-nodes']);
    expect(again.findings[0]!.message).toBe(
      'the lock holds 10.0.0.64/26 in network "nodes", the old range of pool "a-nodes" before it was renumbered; it stays reserved while machines may still use it — once they have moved, plan with prune (--prune) to release it',
    );
    const pruned = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 16 })], lock: renumbered.lock, prune: true });
    expect(pruned.lock.ranges.map((e) => e.purpose)).toEqual(['pool']);
    expect(codes(pruned)).toEqual(['info released lock.pools.a-nodes']);
  });

  it('releases the old range at once when renumbering with prune, without handing it out in that plan', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 64 })] });
    const result = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 16 }), pool('b', 'nodes', 40)], lock: first.lock, allowRenumber: true, prune: true });
    expect(addresses(result)).toEqual({ 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.128/26'] });
    expect(result.lock.ranges.map((e) => e.purpose)).toEqual(['pool', 'pool']);
    expect(result.findings[0]!.message).toContain('the old range is released (no pool gets it in this plan)');
  });

  it('does not put a renumbered pool on its own old range in the same plan', () => {
    const tight = network('tight', '10.0.0.0/27', { reserved: ['10.0.0.0/29'] });
    const first = plan({ networks: [tight], pools: [pool('a', 'tight', 1, { size: 8 })] });
    expect(addresses(first)).toEqual({ 'a-tight': ['10.0.0.8/29'] });
    // Size 4 would fit at .8/30 inside its old block, but the old block is still in use.
    const second = plan({ networks: [tight], pools: [pool('a', 'tight', 1, { size: 4 })], lock: first.lock, allowRenumber: true });
    expect(addresses(second)).toEqual({ 'a-tight': ['10.0.0.16/30'] });
  });

  it.each([
    ['the network moved', { cidr: '10.1.0.0/24', gateway: '10.1.0.1' }, 'the network is now 10.1.0.0/24 and 10.0.0.16/28 lies outside it'],
    ['the network shrank', { cidr: '10.0.0.0/28' }, 'the network is now 10.0.0.0/28 and 10.0.0.16/28 lies outside it'],
    ['the gateway moved into the pool', { gateway: '10.0.0.20' }, 'the gateway 10.0.0.20 now lies inside 10.0.0.16/28'],
    ['a reserved range now overlaps', { reserved: ['10.0.0.24-10.0.0.40', '10.0.0.30'] }, 'reserved "10.0.0.24-10.0.0.40", "10.0.0.30" now overlap 10.0.0.16/28'],
    ['the network now starts at the pool', { cidr: '10.0.0.16/28', gateway: '10.0.0.17' }, '10.0.0.16/28 now holds the network\'s network address 10.0.0.16'],
  ])('rejects renumbering a locked pool when %s', (_what, change, reason) => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10)] });
    expect(addresses(first)).toEqual({ 'a-nodes': ['10.0.0.16/28'] });
    const changed = { ...nodes, ...change };
    const refused = plan({ networks: [changed], pools: [pool('a', 'nodes', 10)], lock: first.lock });
    expect(codes(refused)).toContain('error renumber-refused pools.a-nodes');
    expect(only(refused, 'renumber-refused')[0]!.message).toContain(`but ${reason}`);
    expect(refused.lock).toEqual(first.lock);
    const renumbered = plan({ networks: [changed], pools: [pool('a', 'nodes', 10)], lock: first.lock, allowRenumber: true });
    const moved = renumbered.pools[0]!;
    if (moved.ranges.length > 0 && moved.change === 'renumbered') {
      expect(codes(renumbered)).toEqual(['warning renumbered pools.a-nodes']);
      expect(moved.capacity).toBe(16n);
    } else {
      // Nowhere to go: it keeps its old range and the plan fails.
      expect(codes(renumbered)).toEqual(['error network-exhausted pools.a-nodes']);
      expect(renumbered.lock).toEqual(first.lock);
    }
  });

  it('rejects moving a locked pool to another network, and moves it with allowRenumber', () => {
    const other = network('other', '10.9.0.0/24');
    const first = plan({ networks: [nodes, other], pools: [pool('a', 'nodes', 10, { name: 'a-pool' })] });
    const refused = plan({ networks: [nodes, other], pools: [pool('a', 'other', 10, { name: 'a-pool' })], lock: first.lock });
    expect(only(refused, 'renumber-refused')[0]!.message).toContain('it now asks for network "other" instead of "nodes"');
    const moved = plan({ networks: [nodes, other], pools: [pool('a', 'other', 10, { name: 'a-pool' })], lock: first.lock, allowRenumber: true });
    expect(addresses(moved)).toEqual({ 'a-pool': ['10.9.0.16/28'] });
    expect(moved.lock.ranges.map((e) => `${e.network} ${e.purpose}`)).toEqual(['nodes retired', 'other pool']);
  });

  it('rejects moving a locked endpoint, and re-plans it with allowRenumber', () => {
    const first = plan({ networks: [nodes], pools: [], endpoints: [{ cluster: 'a', network: 'nodes' }] });
    expect(first.endpoints[0]!.address).toBe('10.0.0.254');
    const changed = { ...nodes, reserved: ['10.0.0.254'] };
    const refused = plan({ networks: [changed], pools: [], endpoints: [{ cluster: 'a', network: 'nodes' }], lock: first.lock });
    expect(codes(refused)).toEqual(['error renumber-refused endpoints.a']);
    expect(refused.endpoints[0]!.address).toBe('10.0.0.254');
    const moved = plan({ networks: [changed], pools: [], endpoints: [{ cluster: 'a', network: 'nodes' }], lock: first.lock, allowRenumber: true });
    expect(moved.endpoints[0]).toMatchObject({ address: '10.0.0.253', change: 'renumbered' });
    expect(codes(moved)).toEqual(['warning renumbered endpoints.a']);
    expect(formatLock(moved.lock)).toContain('  - {network: nodes, range: 10.0.0.254, purpose: retired, cluster: a}\n');
  });

  it('keeps the ranges of removed pools and endpoints as orphans until pruned', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 10)], endpoints: [{ cluster: 'b', network: 'nodes' }] });
    expect(addresses(first)).toEqual({ 'a-nodes': ['10.0.0.16/28'], 'b-nodes': ['10.0.0.32/28'] });
    const kept = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('c', 'nodes', 10)], lock: first.lock });
    expect(codes(kept)).toEqual(['warning orphaned lock.endpoints.b', 'warning orphaned lock.pools.b-nodes']);
    expect(only(kept, 'orphaned')[1]!.message).toBe(
      'the lock holds 10.0.0.32/28 in network "nodes" for pool "b-nodes" (cluster "b"), which is no longer in the fleet; the addresses stay reserved — plan with prune (--prune) to release them',
    );
    expect(addresses(kept)['c-nodes']).toEqual(['10.0.0.48/28']);
    expect(kept.lock.ranges.map((e) => (e.purpose === 'pool' ? e.pool : e.cluster))).toEqual(['a-nodes', 'b-nodes', 'c-nodes', 'b']);

    const pruned = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('c', 'nodes', 10)], lock: kept.lock, prune: true });
    expect(codes(pruned)).toEqual(['info released lock.endpoints.b', 'info released lock.pools.b-nodes']);
    expect(pruned.lock.ranges.map((e) => (e.purpose === 'pool' ? e.pool : e.cluster))).toEqual(['a-nodes', 'c-nodes']);
    expect(addresses(pruned)['c-nodes']).toEqual(['10.0.0.48/28']);
  });

  it('keeps the locked ranges of a request it rejects', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10)] });
    const result = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10), pool('a', 'nodes', 10)], lock: first.lock, prune: true });
    expect(codes(result)).toEqual(['error duplicate-pool pools.a-nodes']);
    expect(result.lock).toEqual(first.lock);
  });

  it('updates the lock when a pool changes kind or namespace but not its addresses', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10)] });
    const second = plan({ networks: [nodes], pools: [{ name: 'a-nodes', kind: 'GlobalInClusterIPPool', network: 'nodes', peak: 10 }], lock: first.lock });
    expect(addresses(second)).toEqual(addresses(first));
    expect(second.lock.ranges[0]).toEqual({ purpose: 'pool', network: 'nodes', family: 4, start: ip('10.0.0.16'), end: ip('10.0.0.31'), pool: 'a-nodes', part: 1, kind: 'GlobalInClusterIPPool' });
  });
});

describe('findings about the fleet', () => {
  const nodes = network('nodes', '10.0.0.0/24', { gateway: '10.0.0.1' });

  it('rejects duplicate pool names, also between planned and hand-written pools', () => {
    const result = plan({
      networks: [nodes],
      pools: [pool('a', 'nodes', 1), pool('a', 'nodes', 2, { namespace: 'other' }), { name: 'shared', kind: 'GlobalInClusterIPPool', network: 'nodes', peak: 1 }],
      manualPools: [{ name: 'shared', addresses: ['10.0.0.200/29'] }],
    });
    expect(codes(result)).toEqual(['error duplicate-pool pools.a-nodes', 'error duplicate-pool pools.shared']);
    expect(result.findings[0]!.message).toBe('pool name "a-nodes" is used 2 times (InClusterIPPool in namespace a of cluster a; InClusterIPPool in namespace other of cluster a); pool names must be unique across the fleet — rename all but one');
    expect(result.pools).toEqual([]);
  });

  it('rejects unknown networks and mixed families, naming what is defined', () => {
    const result = plan({
      networks: [nodes, network('v6', 'fd00::/64')],
      pools: [pool('a', 'nodez', 1), pool('b', 'nodes', 1, { family: 6 }), pool('c', 'v6', 1, { family: 6 })],
    });
    expect(codes(result)).toEqual(['error unknown-network pools.a-nodez.network', 'error mixed-family pools.b-nodes.family']);
    expect(result.findings[0]!.message).toBe('pool "a-nodez" asks for network "nodez", which is not defined (defined: nodes, v6); define it under networks or fix the name');
    expect(result.findings[1]!.message).toBe('pool "b-nodes" asks for IPv6 from network "nodes", which is IPv4 (10.0.0.0/24); use an IPv6 network or ask for IPv4');
    expect(result.pools.map((p) => p.name)).toEqual(['c-v6']);
  });

  it('rejects a gateway outside its network, also of the other family', () => {
    const result = plan({ networks: [network('a', '10.0.0.0/24', { gateway: '10.0.1.1' }), network('b', '10.1.0.0/24', { gateway: 'fd00::1' })], pools: [pool('x', 'a', 1)] });
    expect(codes(result)).toEqual(['error gateway-outside-network networks.a.gateway', 'error gateway-outside-network networks.b.gateway']);
    expect(result.findings[0]!.message).toBe('gateway 10.0.1.1 of network "a" is outside its cidr 10.0.0.0/24; use an address inside the network (usually its first host)');
    expect(result.pools[0]!.gateway).toBe('10.0.1.1');
  });

  it('warns about every pair of overlapping networks', () => {
    const result = plan({ networks: [network('b', '10.0.0.0/16'), network('a', '10.0.3.0/24'), network('c', '10.1.0.0/16'), network('d', '10.0.3.128/25')], pools: [] });
    expect(codes(result)).toEqual(['warning overlapping-networks networks.a', 'warning overlapping-networks networks.a', 'warning overlapping-networks networks.b']);
    expect(result.findings.map((f) => f.message.split(';')[0])).toEqual([
      'network "a" (10.0.3.0/24) overlaps network "b" (10.0.0.0/16)',
      'network "a" (10.0.3.0/24) overlaps network "d" (10.0.3.128/25)',
      'network "b" (10.0.0.0/16) overlaps network "d" (10.0.3.128/25)',
    ]);
  });

  it('fails a pool whose explicit size is below its peak', () => {
    const result = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10, { size: 5 })] });
    expect(codes(result)).toEqual(['error pool-too-small pools.a-nodes.size']);
    expect(result.findings[0]!.message).toBe('pool "a-nodes" holds 8 addresses but its machines need 10 at their peak (replicas + surge); raise its size to at least 10, or lower replicas or maxSurge');
  });

  it('checks hand-written pools against planned pools, endpoints, reserved ranges, the gateway and each other', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10)], endpoints: [{ cluster: 'a', network: 'nodes' }] });
    const result = plan({
      networks: [{ ...nodes, reserved: ['10.0.0.100-10.0.0.110'] }],
      pools: [pool('a', 'nodes', 10), pool('b', 'nodes', 10)],
      endpoints: [{ cluster: 'a', network: 'nodes' }],
      lock: first.lock,
      manualPools: [
        { name: 'm1', addresses: ['10.0.0.0-10.0.0.20'] },
        { name: 'm2', network: 'nodes', addresses: ['10.0.0.105', '10.0.0.250-10.0.0.255'] },
        { name: 'm3', addresses: ['10.0.0.18'] },
        { name: 'm4', network: 'nodes', addresses: ['10.0.1.0/30', 'fd00::1'] },
        { name: 'm5', network: 'nowhere', addresses: ['10.0.0.1'] },
      ],
    });
    expect(codes(result)).toEqual([
      'error gateway-in-pool manualPools.m1.addresses',
      'error overlap manualPools.m1.addresses',
      'error overlap manualPools.m1.addresses',
      'error reserved-address-in-pool manualPools.m1.addresses',
      'error overlap manualPools.m2.addresses',
      'error overlap manualPools.m2.addresses',
      'error reserved-address-in-pool manualPools.m2.addresses',
      'error overlap manualPools.m3.addresses',
      'error mixed-family manualPools.m4.addresses',
      'error outside-network manualPools.m4.addresses',
      'error unknown-network manualPools.m5.network',
    ]);
    const text = result.findings.map((f) => f.message).join('\n');
    expect(text).toContain('hand-written pool "m1" overlaps planned pool "a-nodes" at 10.0.0.16/28 in network "nodes"');
    expect(text).toContain('hand-written pools "m1" and "m3" share IPv4 addresses');
    expect(text).toContain('hand-written pool "m2" overlaps reserved "10.0.0.100-10.0.0.110" of network "nodes"');
    expect(text).toContain('hand-written pool "m2" overlaps the control-plane endpoint of cluster "a" at 10.0.0.254');
    expect(text).toContain('hand-written pool "m1" includes the gateway 10.0.0.1 of network "nodes"');
    // New pools keep clear of hand-written ones: b does not land in m1's 10.0.0.0-10.0.0.20.
    expect(addresses(result)['b-nodes']).toEqual(['10.0.0.32/28']);
  });

  it('does not call a pool that became hand-written an overlap with its own locked range', () => {
    const first = plan({ networks: [nodes], pools: [pool('a', 'nodes', 10)] });
    const result = plan({ networks: [nodes], pools: [], manualPools: [{ name: 'a-nodes', addresses: ['10.0.0.16/28'] }], lock: first.lock });
    expect(codes(result)).toEqual(['warning orphaned lock.pools.a-nodes']);
  });

  it('fails every pool that does not fit, by name, and assertPlanOk throws them all at once', () => {
    const result = plan({
      networks: [network('small', '10.0.0.0/28'), network('other', '10.1.0.0/29')],
      pools: [pool('a', 'small', 10), pool('b', 'small', 10), pool('c', 'small', 10), pool('d', 'other', 10), pool('e', 'other', 0)],
      endpoints: [{ cluster: 'x', network: 'other' }],
    });
    expect(codes(result)).toEqual([
      'error network-exhausted pools.a-small', 'error network-exhausted pools.b-small', 'error network-exhausted pools.c-small',
      'error network-exhausted pools.d-other',
    ]);
    const problems = thrown(() => assertPlanOk(result));
    expect(problems.map((p) => p.path)).toEqual(['pools.a-small', 'pools.b-small', 'pools.c-small', 'pools.d-other']);
    expect(problems[0]!.code).toBe('network-exhausted');
  });

  it('does not throw from assertPlanOk for warnings only', () => {
    const result = plan({ networks: [network('b', '10.0.0.0/16'), network('a', '10.0.3.0/24')], pools: [] });
    expect(() => assertPlanOk(result)).not.toThrow();
  });
});

describe('malformed input', () => {
  it('rejects malformed networks, naming every problem by index', () => {
    const problems = thrown(() => plan({
      networks: [
        network('a', '10.0.0.0/24'),
        network('b', '10.0.0.0/33'),
        network('c', 'fd00::/129'),
        network('d', '10.0.0.1/24'),
        network('a', '10.9.0.0/24', { gateway: '10.9.0.300', reserved: ['10.9.0.5-10.9.0.1', 'nope'], allocation: 'loose' as 'packed' }),
      ],
      pools: [],
    }));
    expect(problems).toEqual([
      { path: 'networks[1].cidr', message: '"10.0.0.0/33" is not a valid IPv4 or IPv6 prefix; use a.b.c.d/n with n <= 32' },
      { path: 'networks[2].cidr', message: '"fd00::/129" is not a valid IPv4 or IPv6 prefix; use x:x::x/n with n <= 128' },
      { path: 'networks[3].cidr', message: '"10.0.0.1/24" has host bits set; write the network itself, 10.0.0.0/24' },
      { path: 'networks[4].name', message: 'network name "a" is used twice; give each network its own name' },
      { path: 'networks[4].gateway', message: '"10.9.0.300" is not an IP address; write one address such as 10.20.0.1 or fd00::1' },
      { path: 'networks[4].reserved[0]', message: '"10.9.0.5-10.9.0.1" is not an address, a first-last range (first <= last) or a CIDR' },
      { path: 'networks[4].reserved[1]', message: '"nope" is not an address, a first-last range (first <= last) or a CIDR' },
      { path: 'networks[4].allocation', message: '"loose" is not aligned or packed' },
    ]);
  });

  it('rejects malformed pool requests, endpoints, hand-written pools and locks', () => {
    const badLock: Lock = { ranges: [{ purpose: 'endpoint', network: 'n', family: 4, start: ip('10.0.0.5'), end: ip('10.0.0.6'), cluster: 'a' }] };
    const problems = thrown(() => plan({
      networks: [network('n', '10.0.0.0/24')],
      pools: [
        { name: '', kind: 'Pool' as 'InClusterIPPool', network: 'n', peak: -1 },
        { name: 'g', kind: 'GlobalInClusterIPPool', namespace: 'x', network: 'n', peak: 1.5, size: 0, family: 5 as 4 },
      ],
      endpoints: [{ cluster: '', network: 'n' }],
      manualPools: [{ name: 'm', addresses: [] }, { name: 'k', addresses: ['10.0.0.1/40'] }],
      lock: badLock,
    }));
    expect(problems.map((p) => p.path)).toEqual([
      'pools[0].name', 'pools[0].kind', 'pools[0].peak',
      'pools[1].namespace', 'pools[1].family', 'pools[1].peak', 'pools[1].size',
      'endpoints[0].cluster',
      'manualPools[0].addresses', 'manualPools[1].addresses[0]',
      'lock.ranges[0].range',
    ]);
    expect(problems.at(-1)!.message).toBe('an endpoint is one address, not 10.0.0.5-10.0.0.6');
  });

  it('accepts sizes as bigints and as whole numbers beyond 2^53', () => {
    const result = plan({ networks: [network('v6', 'fd00::/48')], pools: [pool('a', 'v6', 1, { size: 2n ** 64n }), pool('b', 'v6', 1, { size: 2 ** 70 })] });
    expect(addresses(result)).toEqual({ 'a-v6': ['fd00:0:0:1::/64'], 'b-v6': ['fd00:0:0:40::/58'] });
  });
});
