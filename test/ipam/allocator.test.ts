// § numbers refer to docs/in-cluster-provider-rules.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatableSet, MAX_COUNT, nextFreeAddress, PoolAllocator, poolUsage } from '../../src/ipam/allocator.js';
import { formatKey } from '../../src/ipam/pool-entries.js';
import type { PoolSpec } from '../../src/ipam/pool-spec.js';
import { isProblemError } from '../../src/problems.js';
import { parseIp } from '../../src/ipam/ip.js';
import {
  addressArb, heldIdentity, idOf, inUseArb, naiveAllocatable, naiveEntry, naiveNext, naiveUsage, specArb, windowArb,
  type NaiveAddress,
} from './naive-pool.js';

/** The allocatable set written as `a`, `a-b` ranges, ascending. */
function allocatable(spec: PoolSpec): string[] {
  return allocatableSet(spec).map((r) => (r.start === r.end ? formatKey(r.start) : `${formatKey(r.start)}-${formatKey(r.end)}`));
}

const MAX = MAX_COUNT; // 9223372036854775807n

describe('the allocatable set (§3)', () => {
  it.each<[string, PoolSpec, string[]]>([
    ['[§3.3] an IPv4 /24 loses its network and broadcast addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.0.1-10.0.0.254']],
    ['[§3.5] the gateway is taken out',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1' }, ['10.0.0.2-10.0.0.254']],
    ['[§3.3] an IPv4 /31 loses both addresses',
      { addresses: ['10.0.0.0/31'], prefix: 31 }, []],
    ['[§3.3] an IPv4 /32 loses its only address',
      { addresses: ['10.0.0.5'], prefix: 32 }, []],
    ['[§3.3] an IPv6 /128 loses its only address',
      { addresses: ['fd00::5'], prefix: 128 }, []],
    ['[§3.3] an IPv6 /127 keeps only its second address',
      { addresses: ['fd00::4/127'], prefix: 127 }, ['fd00::5']],
    ['[§3.3] IPv4 prefix 0 loses 0.0.0.0 and 255.255.255.255',
      { addresses: ['0.0.0.0-0.0.0.3', '255.255.255.254-255.255.255.255'], prefix: 0 }, ['0.0.0.1-0.0.0.3', '255.255.255.254']],
    ['[§3.3] IPv6 prefix 0 loses only ::',
      { addresses: ['::-::3', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], prefix: 0 },
      ['::1-::3', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']],
    ['[§3.3] IPv6 never loses its last address (/120)',
      { addresses: ['fe80::ff00/120'], prefix: 120 }, ['fe80::ff01-fe80::ffff']],
    ['[§3.3] IPv6 never loses its last address (/112)',
      { addresses: ['fd01::/112'], prefix: 112 }, ['fd01::1-fd01::ffff']],
    ['[§3.3] reserved addresses come from the pool prefix: in a /16, 192.168.0.255 and 192.168.1.0 are hosts',
      { addresses: ['192.168.1.0', '192.168.0.255'], prefix: 16 }, ['192.168.0.255-192.168.1.0']],
    ['[§3.3] reserved addresses come from the pool prefix, not from a CIDR entry',
      { addresses: ['10.0.0.64/26'], prefix: 24 }, ['10.0.0.64-10.0.0.127']],
    ['[§3.3] the subnet comes from the lowest address before exclusions',
      { addresses: ['10.0.0.4-10.0.0.11'], prefix: 30, excludedAddresses: ['10.0.0.4-10.0.0.7'] }, ['10.0.0.8-10.0.0.11']],
    ['[§3.3] only the subnet of the lowest address loses addresses when entries lie elsewhere (IPv4)',
      { addresses: ['10.0.1.0/24', '10.0.0.0/24'], prefix: 24 }, ['10.0.0.1-10.0.0.254', '10.0.1.0-10.0.1.255']],
    ['[§3.3] only the subnet of the lowest address loses addresses when entries lie elsewhere (IPv6 /112)',
      { addresses: ['fd00::/112', 'fd00::1:0-fd00::1:ffff'], prefix: 112 }, ['fd00::1-fd00::1:ffff']],
    ['[§3.3] a prefix too long for the family reserves nothing (validation bypassed)',
      { addresses: ['10.0.0.0/30'], prefix: 33 }, ['10.0.0.0-10.0.0.3']],
    ['[§3.4] allocateReservedIPAddresses keeps network and broadcast',
      { addresses: ['10.0.0.0/30'], prefix: 30, allocateReservedIPAddresses: true }, ['10.0.0.0-10.0.0.3']],
    ['[§3.4] allocateReservedIPAddresses keeps the IPv6 anycast address',
      { addresses: ['fd00::/126'], prefix: 126, allocateReservedIPAddresses: true }, ['fd00::-fd00::3']],
    ['[§3.5] the gateway is taken out even with allocateReservedIPAddresses',
      { addresses: ['10.0.0.0/30'], prefix: 30, allocateReservedIPAddresses: true, gateway: '10.0.0.1' }, ['10.0.0.0', '10.0.0.2-10.0.0.3']],
    ['[§3.5] the gateway is compared as an address, not as text',
      { addresses: ['fd00::/120'], prefix: 120, gateway: 'FD00:0::0001' }, ['fd00::2-fd00::ff']],
    ['[§3.5] a gateway with a zone is taken out',
      { addresses: ['fd00::/120'], prefix: 120, gateway: 'fd00::1%eth0' }, ['fd00::2-fd00::ff']],
    ['[§3.5] a gateway outside the addresses changes nothing',
      { addresses: ['10.0.0.50/24'], prefix: 24, gateway: '10.0.1.1' }, ['10.0.0.1-10.0.0.254']],
    ['[§3.2] exclusions may be single addresses, CIDRs and ranges',
      { addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['10.0.0.5', '10.0.0.128/25', '10.0.0.10-10.0.0.20'] },
      ['10.0.0.1-10.0.0.4', '10.0.0.6-10.0.0.9', '10.0.0.21-10.0.0.127']],
    ['[§3.2] exclusions may lie anywhere',
      { addresses: ['10.0.0.0/29'], prefix: 29, excludedAddresses: ['192.168.0.0/16', '10.0.0.6-10.0.0.200'] }, ['10.0.0.1-10.0.0.5']],
    ['[§1.4] overlapping entries in any order form one set',
      { addresses: ['10.0.0.20-10.0.0.30', '10.0.0.10-10.0.0.25', '10.0.0.5', '10.0.0.5'], prefix: 24 }, ['10.0.0.5', '10.0.0.10-10.0.0.30']],
    ['[§1.1] a CIDR with host bits means the whole masked block',
      { addresses: ['10.0.1.0/23'], prefix: 16 }, ['10.0.0.1-10.0.1.255']],
    ['[§1.2] zones on range ends are dropped',
      { addresses: ['fe80::1%eth0-fe80::3%eth1'], prefix: 64 }, ['fe80::1-fe80::3']],
    ['[§1.2] an IPv4-mapped pool is IPv6: no broadcast is removed',
      { addresses: ['::ffff:10.0.0.0/120'], prefix: 120 }, ['::ffff:10.0.0.1-::ffff:10.0.0.255']],
    ['[§1.4] mixed families (validation bypassed) keep both, IPv4 first, the subnet taken from IPv4',
      { addresses: ['fd00::/126', '10.0.0.0/30'], prefix: 30 }, ['10.0.0.1-10.0.0.2', 'fd00::-fd00::3']],
    ['[§3.4] an empty addresses list with allocateReservedIPAddresses is an empty pool',
      { addresses: [], prefix: 24, allocateReservedIPAddresses: true }, []],
  ])('%s', (_name, spec, expected) => {
    expect(allocatable(spec)).toEqual(expected);
  });

  it.each<[string, PoolSpec, string]>([
    ['an address entry does not parse', { addresses: ['10.0.0.1', 'bogus'], prefix: 24 }, 'spec.addresses[1]'],
    ['an excluded entry does not parse', { addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['10.0.0.1 - 10.0.0.5'] }, 'spec.excludedAddresses[0]'],
    ['the gateway does not parse', { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.256' }, 'spec.gateway'],
    ['there are no addresses and reserved addresses are not allowed', { addresses: [], prefix: 24 }, 'spec.addresses'],
    ['the prefix is not an integer', { addresses: ['10.0.0.0/24'], prefix: 24.5 }, 'spec.prefix'],
  ])('fails when %s, as the provider does', (_name, spec, path) => {
    let caught: unknown;
    try {
      allocatableSet(spec);
    } catch (error) {
      caught = error;
    }
    expect(isProblemError(caught)).toBe(true);
    expect((caught as { problems: { path: string }[] }).problems.map((p) => p.path)).toContain(path);
  });

  it('names the gateway parse failure with Go\'s message', () => {
    expect(() => allocatableSet({ addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.256' }))
      .toThrow('ParseAddr("10.0.0.256"): IPv4 field has value >255');
  });
});

describe('the next free address (§4)', () => {
  it.each<[string, PoolSpec, string[], string | null]>([
    ['[§4.2] the lowest allocatable address comes first',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1' }, [], '10.0.0.2'],
    ['[§4.2] list order does not matter',
      { addresses: ['10.0.0.50-10.0.0.60', '10.0.0.10'], prefix: 24 }, [], '10.0.0.10'],
    ['[§4.2] addresses in use are skipped',
      { addresses: ['10.0.0.50-10.0.0.60', '10.0.0.10'], prefix: 24 }, ['10.0.0.50', '10.0.0.10'], '10.0.0.51'],
    ['[§4.2] a gap below used addresses is filled first',
      { addresses: ['10.0.0.10-10.0.0.20'], prefix: 24 }, ['10.0.0.11', '10.0.0.12', '10.0.0.10', '10.0.0.14'], '10.0.0.13'],
    ['[§4.3] an exhausted pool has no address',
      { addresses: ['10.0.0.1-10.0.0.2'], prefix: 24 }, ['10.0.0.2', '10.0.0.1'], null],
    ['[§4.3] a pool with nothing allocatable has no address',
      { addresses: ['10.0.0.0/31'], prefix: 31 }, [], null],
    ['[§1.5] the address is written in canonical text',
      { addresses: ['FD00:0:0:0:0:0:0:A-fd00::c'], prefix: 64 }, [], 'fd00::a'],
    ['[§4.1] in-use addresses count whatever their spelling or zone',
      { addresses: ['FD00:0:0:0:0:0:0:A-fd00::c'], prefix: 64 }, ['FD00::A', 'fd00::b%eth0'], 'fd00::c'],
    ['[§4.7] an in-use CIDR holds all of its addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.0.0/28'], '10.0.0.16'],
    ['[§4.7] an in-use range holds all of its addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.0.1-10.0.0.3'], '10.0.0.4'],
    ['[§1.2] an IPv4-mapped address in use does not hold the IPv4 address',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['::ffff:10.0.0.1'], '10.0.0.1'],
    ['[§1.2] an IPv4 address in use does not hold the IPv6 address of the same value',
      { addresses: ['::5-::6'], prefix: 64 }, ['0.0.0.5'], '::5'],
    ['[§3.3] IPv4 /0 hands out 0.0.0.1 first',
      { addresses: ['0.0.0.0/0'], prefix: 0 }, [], '0.0.0.1'],
    ['[§3.3] IPv6 /0 hands out ::1 first',
      { addresses: ['::/0'], prefix: 0 }, [], '::1'],
    ['[§3.3] an IPv6 /127 hands out its second address',
      { addresses: ['fd00::4/127'], prefix: 127 }, [], 'fd00::5'],
    ['[§3.4] allocateReservedIPAddresses hands out the network address first',
      { addresses: ['10.0.0.0/30'], prefix: 30, allocateReservedIPAddresses: true }, [], '10.0.0.0'],
    ['[§3.4] allocateReservedIPAddresses hands out the broadcast address last',
      { addresses: ['10.0.0.0/30'], prefix: 30, allocateReservedIPAddresses: true }, ['10.0.0.0', '10.0.0.1', '10.0.0.2'], '10.0.0.3'],
    ['[§3.5] the gateway is never handed out, not even with allocateReservedIPAddresses',
      { addresses: ['10.0.0.0/30'], prefix: 30, allocateReservedIPAddresses: true, gateway: '10.0.0.0' }, [], '10.0.0.1'],
    ['[§3.2] excluded addresses are never handed out',
      { addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['10.0.0.1-10.0.0.9'] }, [], '10.0.0.10'],
    ['[§4.2] the IPv4 part of a mixed pool (validation bypassed) comes first',
      { addresses: ['fd00::1', '10.0.0.1'], prefix: 24 }, [], '10.0.0.1'],
    ['[§4.7] a zone containing "-" makes an in-use text a range for allocation (shrunk counterexample)',
      { addresses: ['::/123'], prefix: 120 }, ['::%eth0-::1'], '::2'],
    ['[§4.2] an out-of-range address in use changes nothing',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['192.168.0.1', '10.0.0.255'], '10.0.0.1'],
  ])('%s', (_name, spec, inUse, expected) => {
    expect(nextFreeAddress(spec, inUse)).toBe(expected);
  });

  it('[§4.7] fails, rather than reporting exhaustion, while an in-use address does not parse', () => {
    // GIVEN a pool with free addresses and an IPAddress whose address is junk
    const spec: PoolSpec = { addresses: ['10.0.0.0/24'], prefix: 24 };
    // WHEN the next address is asked for THEN the provider's allocation fails
    expect(() => nextFreeAddress(spec, ['10.0.0.1', 'not-an-ip'])).toThrow('"not-an-ip" is not a valid IP, range, nor CIDR');
  });

  it('[§4.2] reuses a released address first when it is the lowest gap', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.10-10.0.0.20'], prefix: 24 });
    expect([allocator.allocateNext(), allocator.allocateNext(), allocator.allocateNext()]).toEqual(['10.0.0.10', '10.0.0.11', '10.0.0.12']);
    expect(allocator.release('10.0.0.11')).toBe(true);
    expect(allocator.next()).toBe('10.0.0.11');
    expect(allocator.allocateNext()).toBe('10.0.0.11');
    expect(allocator.next()).toBe('10.0.0.13');
  });

  it('[§8] gives the only address to a waiting claim once its holder is released', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.5'], prefix: 24 }, ['10.0.0.5']);
    expect(allocator.next()).toBeNull();
    allocator.release('10.0.0.5');
    expect(allocator.allocateNext()).toBe('10.0.0.5');
    expect(allocator.allocateNext()).toBeNull();
  });
});

describe('pool status counts (§5)', () => {
  it.each<[string, PoolSpec, string[], { total: number | bigint; used: number | bigint; free: number | bigint; outOfRange: number | bigint }]>([
    ['[§5] before any claim: used 0 and free = total',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, [], { total: 254, used: 0, free: 254, outOfRange: 0 }],
    ['[§5] a gateway inside the addresses is counted out once (11 → 10)',
      { addresses: ['10.0.0.10-10.0.0.20'], prefix: 24, gateway: '10.0.0.15' }, [], { total: 10, used: 0, free: 10, outOfRange: 0 }],
    ['[§5] addresses 10.0.0.13-20 with IPAddresses .10–.14 give 8 / 5 / 3 / 3',
      { addresses: ['10.0.0.13-10.0.0.20'], prefix: 24 }, ['10.0.0.10', '10.0.0.11', '10.0.0.12', '10.0.0.13', '10.0.0.14'],
      { total: 8, used: 5, free: 3, outOfRange: 3 }],
    ['[§5] used counts objects, outOfRange distinct addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.1.5', '10.0.1.5', '10.0.0.7', '10.0.0.7'], { total: 254, used: 4, free: 250, outOfRange: 1 }],
    ['[§5] unparsable addresses are used but not out of range',
      { addresses: ['10.0.0.0/24'], prefix: 24 }, ['junk', '10.0.0.0/28'], { total: 254, used: 2, free: 252, outOfRange: 0 }],
    ['[§5] a held gateway, broadcast or excluded address is out of range',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1', excludedAddresses: ['10.0.0.9'] }, ['10.0.0.1', '10.0.0.255', '10.0.0.9', 'fd00::1'],
      { total: 252, used: 4, free: 248, outOfRange: 4 }],
    ['[§5] free is a plain difference and can be negative',
      { addresses: ['10.0.0.5'], prefix: 24 }, ['10.0.0.5', '10.0.0.6', '10.0.0.7'], { total: 1, used: 3, free: -2, outOfRange: 2 }],
    ['[§5] the same text is a range to allocation but the address :: to the counts (shrunk counterexample)',
      { addresses: ['::/123'], prefix: 120 }, ['::%eth0-::1'], { total: 31, used: 1, free: 30, outOfRange: 1 }],
    ['[§5] an IPv4 /31 has nothing to count',
      { addresses: ['10.0.0.0/31'], prefix: 31 }, [], { total: 0, used: 0, free: 0, outOfRange: 0 }],
    ['[§5] an IPv4 /0 counts 2^32 − 2 addresses',
      { addresses: ['0.0.0.0/0'], prefix: 0 }, [], { total: 4294967294, used: 0, free: 4294967294, outOfRange: 0 }],
    ['[§5] counts saturate at 2^63−1 (fe80::1/20)',
      { addresses: ['fe80::1/20'], prefix: 20 }, [], { total: MAX, used: 0, free: MAX, outOfRange: 0 }],
    ['[§5] counts saturate at 2^63−1 (fe80::1/65)',
      { addresses: ['fe80::1/65'], prefix: 64 }, [], { total: MAX, used: 0, free: MAX, outOfRange: 0 }],
    ['[§5] free is computed from the saturated total',
      { addresses: ['fe80::1/20'], prefix: 20 }, ['fe80::1'], { total: MAX, used: 1, free: MAX - 1n, outOfRange: 0 }],
    ['[§5] a /126 with reserved addresses allowed counts 4',
      { addresses: ['fe80::1/126'], prefix: 126, allocateReservedIPAddresses: true }, [], { total: 4, used: 0, free: 4, outOfRange: 0 }],
    ['[§5] a /126 loses its anycast address: 3',
      { addresses: ['fe80::1/126'], prefix: 126 }, [], { total: 3, used: 0, free: 3, outOfRange: 0 }],
    ['[§5] 2^53 addresses and more are bigints, fewer are numbers',
      { addresses: ['fd00::/75'], prefix: 64, allocateReservedIPAddresses: true }, [], { total: 2n ** 53n, used: 0, free: 2n ** 53n, outOfRange: 0 }],
  ])('%s', (_name, spec, inUse, expected) => {
    expect(poolUsage(spec, inUse)).toEqual(expected);
  });
});

describe('PoolAllocator', () => {
  it('hands out addresses lowest first and counts them', () => {
    // GIVEN a /29 with a gateway
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/29'], prefix: 29, gateway: '10.0.0.1' });
    // WHEN every address is taken
    const taken: (string | null)[] = [];
    for (let i = 0; i < 6; i++) taken.push(allocator.allocateNext());
    // THEN they come in order, then nothing
    expect(taken).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', null]);
    expect(allocator.usage()).toEqual({ total: 5, used: 5, free: 0, outOfRange: 0 });
  });

  it('keeps an address held while any of its objects remains', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/24'], prefix: 24 });
    allocator.allocate('10.0.0.1');
    allocator.allocate('10.0.0.1');
    expect(allocator.release('10.0.0.1')).toBe(true);
    expect(allocator.isFree('10.0.0.1')).toBe(false);
    expect(allocator.next()).toBe('10.0.0.2');
    expect(allocator.release('10.0.0.1')).toBe(true);
    expect(allocator.isFree('10.0.0.1')).toBe(true);
    expect(allocator.next()).toBe('10.0.0.1');
  });

  it('rejects releasing an address it does not hold, changing nothing', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.0.1']);
    expect(allocator.release('10.0.0.2')).toBe(false);
    expect(allocator.release('junk')).toBe(false);
    expect(allocator.release('10.0.0.0/30')).toBe(false);
    expect(allocator.usage()).toEqual({ total: 254, used: 1, free: 253, outOfRange: 0 });
  });

  it('releases an address under another spelling of it', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['fd00::/120'], prefix: 120 }, ['fd00::1']);
    expect(allocator.release('FD00:0::1%eth0')).toBe(true);
    expect(allocator.next()).toBe('fd00::1');
  });

  it('frees a held range except what single addresses still hold', () => {
    // GIVEN a range entry in use over .1-.6, and .3 also held on its own
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/24'], prefix: 24 }, ['10.0.0.1-10.0.0.6', '10.0.0.3']);
    expect(allocator.next()).toBe('10.0.0.7');
    // WHEN the range is released THEN its addresses come back, but not .3
    expect(allocator.release('10.0.0.1-10.0.0.6')).toBe(true);
    expect(allocator.next()).toBe('10.0.0.1');
    expect(allocator.isFree('10.0.0.3')).toBe(false);
    // AND releasing .3 while a CIDR covers it keeps it held
    allocator.allocate('10.0.0.0/30');
    expect(allocator.release('10.0.0.3')).toBe(true);
    expect(allocator.isFree('10.0.0.3')).toBe(false);
    expect(allocator.release('10.0.0.0/30')).toBe(true);
    expect(allocator.isFree('10.0.0.3')).toBe(true);
    expect(allocator.isFree('10.0.0.0')).toBe(false);
  });

  it('fails to allocate while an unparsable address is held, and recovers once it is released', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/24'], prefix: 24 }, ['oops']);
    expect(() => allocator.next()).toThrow('"oops"');
    expect(() => allocator.allocateNext()).toThrow('"oops"');
    expect(allocator.release('oops')).toBe(true);
    expect(allocator.allocateNext()).toBe('10.0.0.1');
  });

  it('tells allocatable from free', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1' }, ['10.0.0.2']);
    expect(allocator.isAllocatable('10.0.0.2')).toBe(true);
    expect(allocator.isFree('10.0.0.2')).toBe(false);
    expect(allocator.isAllocatable('10.0.0.1')).toBe(false);
    expect(allocator.isAllocatable('10.0.0.255')).toBe(false);
    expect(allocator.isFree('junk')).toBe(false);
  });

  it('binds a large IPv6 pool without enumerating it', () => {
    const allocator = PoolAllocator.fromSpec({ addresses: ['fd00::/64'], prefix: 64, gateway: 'fd00::1' });
    for (let i = 0; i < 1000; i++) allocator.allocateNext();
    expect(allocator.next()).toBe('fd00::3ea');
    expect(allocator.usage()).toEqual({ total: MAX, used: 1000, free: MAX - 1000n, outOfRange: 0 });
  });
});

describe('properties against the naive reference', () => {
  const poolArb = windowArb.chain((w) => fc.tuple(fc.constant(w), specArb(w), inUseArb(w)));

  it('picks the same next address as the reference, or fails where it fails', () => {
    fc.assert(fc.property(poolArb, ([, spec, inUse]) => {
      const expected = naiveNext(spec, inUse);
      if (expected === 'error') expect(() => nextFreeAddress(spec, inUse)).toThrow();
      else expect(nextFreeAddress(spec, inUse)).toBe(expected);
    }), { numRuns: 500 });
  });

  it('never hands out an address in use, excluded, the gateway or reserved, and always the lowest free one', () => {
    fc.assert(fc.property(poolArb, ([, spec, inUse]) => {
      const members = naiveAllocatable(spec);
      if (members === 'error' || naiveNext(spec, inUse) === 'error') return;
      const next = nextFreeAddress(spec, inUse);
      const held = inUse.map((u) => naiveEntry(u)!);
      const isHeld = (a: NaiveAddress): boolean => held.some((r) => r.family === a.family && r.start <= a.value && a.value <= r.end);
      if (next === null) {
        expect(members.every(isHeld)).toBe(true);
        return;
      }
      const picked = parseIp(next)!;
      const at = members.findIndex((m) => idOf(m) === idOf(picked));
      // in the allocatable set: not excluded, not the gateway, not reserved (unless allowed)
      expect(at).toBeGreaterThanOrEqual(0);
      // not in use
      expect(isHeld(picked)).toBe(false);
      // the lowest: every allocatable address below it is in use
      expect(members.slice(0, at).every(isHeld)).toBe(true);
    }), { numRuns: 300 });
  });

  it('counts the same status as the reference, and total = used + free', () => {
    fc.assert(fc.property(poolArb, ([, spec, inUse]) => {
      const expected = naiveUsage(spec, inUse);
      if (expected === 'error') {
        expect(() => poolUsage(spec, inUse)).toThrow();
        return;
      }
      const usage = poolUsage(spec, inUse);
      expect(usage).toEqual(expected);
      expect(Number(usage.total)).toBe(Number(usage.used) + Number(usage.free));
      expect(Number(usage.outOfRange)).toBeLessThanOrEqual(inUse.length);
    }), { numRuns: 500 });
  });

  type Op = { kind: 'next' } | { kind: 'allocate'; text: string } | { kind: 'release'; index: number } | { kind: 'release-text'; text: string };

  it('keeps the incremental allocator equal to the stateless answer after every step', () => {
    const scenarioArb = windowArb.chain((w) => fc.tuple(
      specArb(w),
      inUseArb(w, 6),
      fc.array(fc.oneof(
        { weight: 4, arbitrary: fc.constant<Op>({ kind: 'next' }) },
        { weight: 2, arbitrary: addressArb(w).map((text): Op => ({ kind: 'allocate', text })) },
        { weight: 3, arbitrary: fc.nat(20).map((index): Op => ({ kind: 'release', index })) },
        { weight: 1, arbitrary: addressArb(w).map((text): Op => ({ kind: 'release-text', text })) },
      ), { maxLength: 30 }),
    ));
    fc.assert(fc.property(scenarioArb, ([spec, initial, ops]) => {
      if (naiveAllocatable(spec) === 'error') return;
      const allocator = PoolAllocator.fromSpec(spec, initial);
      const model = [...initial];
      const check = (): void => {
        const expected = naiveNext(spec, model);
        if (expected === 'error') expect(() => allocator.next()).toThrow();
        else expect(allocator.next()).toBe(expected);
        expect(allocator.usage()).toEqual(naiveUsage(spec, model));
      };
      check();
      for (const op of ops) {
        if (op.kind === 'next') {
          if (naiveNext(spec, model) === 'error') continue;
          const got = allocator.allocateNext();
          if (got !== null) model.push(got);
        } else if (op.kind === 'allocate') {
          allocator.allocate(op.text);
          model.push(op.text);
        } else {
          const text = op.kind === 'release' ? model[op.index % Math.max(model.length, 1)] ?? '10.9.9.9' : op.text;
          const at = model.findIndex((m) => heldIdentity(m) === heldIdentity(text));
          expect(allocator.release(text)).toBe(at >= 0);
          if (at >= 0) model.splice(at, 1);
        }
        check();
      }
    }), { numRuns: 300 });
  });
});
