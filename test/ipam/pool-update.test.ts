// § numbers refer to docs/in-cluster-provider-rules.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/ipam/ip.js';
import { validatePoolSpec, type PoolSpec } from '../../src/ipam/pool-spec.js';
import { validatePoolUpdate } from '../../src/ipam/pool-update.js';
import { inUseArb, naiveAllocatable, naiveStranded, specArb, windowArb, type NaiveAddress } from './naive-pool.js';

const POOL: PoolSpec = { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1' };
const stranded = (ranges: string): string[] => [`pool addresses do not contain allocated addresses: [${ranges}]`];

describe('validatePoolUpdate (§2.2)', () => {
  it.each<[string, PoolSpec, PoolSpec, string[], string[]]>([
    ['[§2.2] allows an update that keeps every in-use address allocatable',
      POOL, { ...POOL, excludedAddresses: ['10.0.0.200-10.0.0.250'] }, ['10.0.0.2', '10.0.0.3'], []],
    ['[§2.2] allows shrinking the addresses around the ones in use',
      POOL, { ...POOL, addresses: ['10.0.0.0/26'] }, ['10.0.0.2', '10.0.0.3'], []],
    ['[§2.2] allows changing every field when nothing is in use (no field is immutable)',
      POOL, { addresses: ['fd00::/64'], prefix: 64, gateway: 'fd00::1', allocateReservedIPAddresses: true }, [], []],
    ['[§2.2] rejects excluding an address in use',
      POOL, { ...POOL, excludedAddresses: ['10.0.0.5'] }, ['10.0.0.5'], stranded('10.0.0.5-10.0.0.5')],
    ['[§2.2] rejects moving the gateway onto an address in use',
      POOL, { ...POOL, gateway: '10.0.0.7' }, ['10.0.0.7'], stranded('10.0.0.7-10.0.0.7')],
    ['[§2.2] rejects turning allocateReservedIPAddresses off while the network address is held',
      { ...POOL, allocateReservedIPAddresses: true }, POOL, ['10.0.0.0', '10.0.0.255'], stranded('10.0.0.0-10.0.0.0 10.0.0.255-10.0.0.255')],
    ['[§2.2] rejects turning allocateReservedIPAddresses off while the IPv6 anycast address is held',
      { addresses: ['fd00::/120'], prefix: 120, allocateReservedIPAddresses: true }, { addresses: ['fd00::/120'], prefix: 120 }, ['fd00::'],
      stranded('fd00::-fd00::')],
    ['[§2.2] rejects a prefix change that makes an address in use the broadcast address',
      { addresses: ['10.0.0.0/25'], prefix: 24 }, { addresses: ['10.0.0.0/25'], prefix: 25 }, ['10.0.0.127'], stranded('10.0.0.127-10.0.0.127')],
    ['[§2.2] rejects shrinking the addresses past one in use',
      POOL, { ...POOL, addresses: ['10.0.0.0/26'] }, ['10.0.0.100'], stranded('10.0.0.100-10.0.0.100')],
    ['[§2.2] rejects even a no-op update while an address is out of range (absolute, not a diff)',
      POOL, POOL, ['10.0.1.5'], stranded('10.0.1.5-10.0.1.5')],
    ['[§2.2] merges stranded addresses into ranges, duplicates once, IPv4 before IPv6',
      POOL, { ...POOL, excludedAddresses: ['10.0.0.4-10.0.0.9'] }, ['fd00::1', '10.0.0.9', '10.0.0.7', '10.0.0.5', '10.0.0.6', '10.0.0.9'],
      stranded('10.0.0.5-10.0.0.7 10.0.0.9-10.0.0.9 fd00::1-fd00::1')],
    ['[§2.2] treats an IPv4-mapped address as IPv6, outside an IPv4 pool',
      POOL, POOL, ['::ffff:10.0.0.5'], stranded('::ffff:10.0.0.5-::ffff:10.0.0.5')],
    ['[§2.2] ignores in-use texts that are not plain addresses',
      POOL, POOL, ['junk', '10.0.1.0/24', '10.0.1.1-10.0.1.5', ''], []],
    ['[§2.2] reads in-use addresses with zones and other spellings',
      { addresses: ['fd00::/120'], prefix: 120 }, { addresses: ['fd00::/120'], prefix: 120, gateway: 'fd00::2' }, ['FD00::0002%eth0'],
      stranded('fd00::2-fd00::2')],
    ['[§2.2 step 1] rejects an invalid new spec with its validation messages, before looking at addresses',
      POOL, { ...POOL, gateway: 'invalid' }, ['10.0.1.5'],
      ['spec.gateway: Invalid value: "invalid": ParseAddr("invalid"): unable to parse IP']],
  ])('%s', (_name, oldSpec, newSpec, inUse, expected) => {
    expect(validatePoolUpdate(oldSpec, newSpec, inUse)).toEqual(expected);
  });

  /** Go's `%v` of the merged ranges of stranded addresses. */
  function naiveMessage(addresses: readonly NaiveAddress[]): string[] {
    if (addresses.length === 0) return [];
    const ranges: [NaiveAddress, NaiveAddress][] = [];
    for (const a of addresses) {
      const last = ranges[ranges.length - 1];
      if (last && last[1].family === a.family && last[1].value + 1n === a.value) last[1] = a;
      else ranges.push([a, a]);
    }
    return stranded(ranges.map(([from, to]) => `${formatIp(from.value, from.family)}-${formatIp(to.value, to.family)}`).join(' '));
  }

  it('rejects exactly the updates that strand an in-use address, naming them all', () => {
    const arb = windowArb.chain((w) => fc.tuple(specArb(w), specArb(w), inUseArb(w)));
    fc.assert(fc.property(arb, ([oldSpec, newSpec, inUse]) => {
      const specErrors = validatePoolSpec(newSpec);
      const expected = specErrors.length > 0 || naiveAllocatable(newSpec) === 'error' ? specErrors : naiveMessage(naiveStranded(newSpec, inUse));
      expect(validatePoolUpdate(oldSpec, newSpec, inUse)).toEqual(expected);
    }), { numRuns: 500 });
  });
});
