import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockOf, blockSize, formatCidr, formatIp, formatRange, parseCidr, parseIp, type Family } from '../../src/ipam/ip.js';
import { normalize, overlaps, subtract } from '../../src/ipam/ranges.js';
import { evaluateSnippet } from '../../src/jsonnet/evaluate.js';
import {
  cidrContains, cidrHost, cidrOverlaps, cidrParse, cidrSize, cidrSubnet, ipParse, ipValid, NATIVE_FUNCTIONS,
  rangeFormat, rangeParse, rangesMerge, rangesSubtract,
} from '../../src/jsonnet/natives.js';

const FILE = resolve(import.meta.dirname, 'natives.jsonnet');

describe('native IP functions', () => {
  it.each([
    ['10.0.0.1', { family: 4, address: '10.0.0.1', value: '167772161' }],
    ['FD00:0::0001', { family: 6, address: 'fd00::1', value: String((0xfd00n << 112n) | 1n) }],
    ['::ffff:10.0.0.1', { family: 6, address: '::ffff:10.0.0.1', value: String(0xffff0a000001n) }],
  ])('ipParse(%j) gives the canonical address and its value', (input, expected) => {
    expect(ipParse(input)).toEqual(expected);
  });

  it.each([
    ['10.0.0.256', /"10\.0\.0\.256" is not an IP address \(ParseAddr\("10\.0\.0\.256"\): IPv4 field has value >255\)/],
    ['fe80::1%eth0', /is not an IP address/],
    [12, /'address' must be a string, got 12/],
  ])('ipParse rejects %j, saying why', (input, message) => {
    expect(() => ipParse(input)).toThrow(message);
  });

  it.each([['10.0.0.1', true], ['::1', true], ['10.0.0.0/8', false], ['', false], [7, false], [null, false]] as const)(
    'ipValid(%j) is %j', (input, expected) => {
      expect(ipValid(input)).toBe(expected);
    });

  it('cidrParse describes a block, keeping the address given and masking the network', () => {
    expect(cidrParse('10.20.3.4/16')).toEqual({
      family: 4, address: '10.20.3.4', prefix: 16, network: '10.20.0.0/16', first: '10.20.0.0', last: '10.20.255.255', size: 65536,
    });
    expect(cidrParse('fd00:20::/56')).toEqual({
      family: 6, address: 'fd00:20::', prefix: 56, network: 'fd00:20::/56', first: 'fd00:20::', last: 'fd00:20:0:ff:ffff:ffff:ffff:ffff', size: String(2n ** 72n),
    });
    expect(cidrParse('0.0.0.0/0')).toMatchObject({ size: 4294967296, last: '255.255.255.255' });
  });

  it.each(['10.0.0.0/33', '10.0.0.0', '10.0.0.0/08', 'fd00::/129', '10.0.0.0-10.0.0.9'])('rejects %j as a CIDR', (input) => {
    expect(() => cidrParse(input)).toThrow(/is not a CIDR; use a\.b\.c\.d\/n with n <= 32/);
  });

  it.each([
    ['10.0.0.0/16', '10.0.255.255', true],
    ['10.0.0.0/16', '10.1.0.0', false],
    ['10.0.0.0/16', '10.0.4.0/22', true],
    ['10.0.0.0/16', '9.255.255.255-10.0.0.5', false],
    ['10.0.0.0/16', '10.0.0.0/15', false],
    ['10.0.0.10-10.0.0.20', '10.0.0.12-10.0.0.20', true],
    ['10.0.0.0/8', '::a00:1', false],
    ['fd00::/64', 'fd00::ffff', true],
  ])('cidrContains(%j, %j) is %j', (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/24', '10.0.0.255-10.0.1.3', true],
    ['10.0.0.0/24', '10.0.1.0/24', false],
    ['10.0.0.0/24', '10.0.0.128/25', true],
    ['10.0.0.5', '10.0.0.5', true],
    ['10.0.0.0/8', '::/0', false],
  ])('cidrOverlaps(%j, %j) is %j', (a, b, expected) => {
    expect(cidrOverlaps(a, b)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/16', 24, 3, '10.0.3.0/24'],
    ['10.0.0.0/16', 16, 0, '10.0.0.0/16'],
    ['10.0.0.0/16', 32, 65535, '10.0.255.255/32'],
    ['10.7.0.0/8', 16, 200, '10.200.0.0/16'],
    ['0.0.0.0/0', 1, 1, '128.0.0.0/1'],
    ['fd00::/48', 64, 65535, 'fd00:0:0:ffff::/64'],
    ['fd00::/48', 112, '4294967296', 'fd00::1:0:0:0/112'],
  ] as const)('cidrSubnet(%j, %j, %j) is %j', (block, prefix, index, expected) => {
    expect(cidrSubnet(block, prefix, index)).toBe(expected);
  });

  it.each([
    ['10.0.0.0/16', 8, 0, /'newPrefix' 8 is outside 16\.\.32/],
    ['10.0.0.0/16', 33, 0, /'newPrefix' 33 is outside 16\.\.32/],
    ['10.0.0.0/16', 24, 256, /'index' 256 is outside 0\.\.255: 10\.0\.0\.0\/16 holds 256 blocks of \/24/],
    ['10.0.0.0/16', 24, -1, /'index' -1 is outside 0\.\.255/],
    ['10.0.0.0/16', 24, 1.5, /'index' must be a whole number \(or one in decimal text\), got 1\.5/],
    ['10.0.0.0/16', 24, '0x10', /'index' must be a whole number/],
    ['10.0.0.0/33', 24, 0, /'cidr' "10\.0\.0\.0\/33" is not a CIDR/],
  ] as const)('cidrSubnet(%j, %j, %j) fails, naming what is allowed', (block, prefix, index, message) => {
    expect(() => cidrSubnet(block, prefix, index)).toThrow(message);
  });

  it('takes whole numbers as decimal text too, for IPv6 counts beyond a double', () => {
    expect(cidrSubnet('10.0.0.0/16', '24', '3')).toBe('10.0.3.0/24');
    expect(cidrHost('::/0', String(2n ** 100n))).toBe(formatIp(2n ** 100n, 6));
  });

  it.each([
    ['10.0.0.0/24', 256],
    ['10.0.0.7', 1],
    ['10.0.0.10-10.0.0.19', 10],
    ['0.0.0.0/0', 4294967296],
    ['fd00::/64', '18446744073709551616'],
    ['::/0', String(2n ** 128n)],
  ] as const)('cidrSize(%j) is %j (a number for IPv4, text for IPv6)', (block, expected) => {
    expect(cidrSize(block)).toBe(expected);
  });

  it.each([
    ['10.20.0.0/16', 1, '10.20.0.1'],
    ['10.20.0.0/16', -1, '10.20.255.255'],
    ['10.20.0.0/16', -65536, '10.20.0.0'],
    ['10.0.0.10-10.0.0.19', 9, '10.0.0.19'],
    ['fd00:20::/56', 1, 'fd00:20::1'],
    ['fd00::/64', '18446744073709551615', 'fd00::ffff:ffff:ffff:ffff'],
  ] as const)('cidrHost(%j, %j) is %j', (block, n, expected) => {
    expect(cidrHost(block, n)).toBe(expected);
  });

  it.each([
    ['10.20.0.0/16', 65536, /'n' 65536 is outside -65536\.\.65535: 10\.20\.0\.0\/16 has 65536 addresses/],
    ['10.20.0.0/16', -65537, /'n' -65537 is outside/],
    ['10.20.0.0/16', true, /'n' must be a whole number/],
    ['nope', 1, /'cidr' "nope" is not an address, range or CIDR/],
  ] as const)('cidrHost(%j, %j) fails', (block, n, message) => {
    expect(() => cidrHost(block, n)).toThrow(message);
  });

  it('rangeParse and rangeFormat read and write pool entries', () => {
    expect(rangeParse('10.0.0.10-10.0.0.19')).toEqual({ family: 4, first: '10.0.0.10', last: '10.0.0.19', size: 10 });
    expect(rangeParse('fd00::/127')).toEqual({ family: 6, first: 'fd00::', last: 'fd00::1', size: '2' });
    expect(rangeFormat('10.0.0.0', '10.0.0.255')).toBe('10.0.0.0/24');
    expect(rangeFormat('10.0.0.1', '10.0.0.1')).toBe('10.0.0.1');
    expect(rangeFormat('10.0.0.1', '10.0.0.9')).toBe('10.0.0.1-10.0.0.9');
    expect(() => rangeFormat('10.0.0.9', '10.0.0.1')).toThrow(/comes after 'last' "10\.0\.0\.1"; swap them/);
    expect(() => rangeFormat('10.0.0.1', '::1')).toThrow(/different families/);
  });

  it('rangesMerge and rangesSubtract take JSON lists and return sorted entries, IPv4 first', () => {
    expect(rangesMerge(JSON.stringify(['fd00::/64', '10.0.1.0/24', '10.0.0.0/24', '10.0.0.5']))).toEqual(['10.0.0.0/23', 'fd00::/64']);
    expect(rangesSubtract(JSON.stringify(['10.0.0.0/24']), JSON.stringify(['10.0.0.0/25', '10.0.0.200']))).toEqual(['10.0.0.128-10.0.0.199', '10.0.0.201-10.0.0.255']);
    expect(() => rangesMerge('[1]')).toThrow(/'entries\[0\]' must be a string, got 1/);
    expect(() => rangesMerge('10.0.0.0/8')).toThrow(/must be a JSON list of entries/);
  });

  it('names every native function after its call and registers its parameters', () => {
    for (const [name, native] of Object.entries(NATIVE_FUNCTIONS)) {
      expect(native.params.length, name).toBeGreaterThan(0);
      const error = (() => {
        try {
          native.call(...native.params.map(() => false));
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      if (name !== 'ipValid') expect(error?.name, name).toBe(name);
    }
  });
});

/** A CIDR of the family with any host bits, as text, with its parsed block. */
const cidrArb = (family: Family) => fc.record({
  value: fc.bigInt({ min: 0n, max: (1n << BigInt(family === 4 ? 32 : 128)) - 1n }),
  prefix: fc.integer({ min: 0, max: family === 4 ? 32 : 128 }),
}).map(({ value, prefix }) => ({ family, value, prefix, text: `${formatIp(value, family)}/${prefix}` }));

const anyCidr = fc.oneof(cidrArb(4), cidrArb(6));

describe('native IP functions agree with src/ipam', () => {
  it('parse, size and host as ip.ts computes them', () => {
    fc.assert(fc.property(anyCidr, fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (c, raw) => {
      const block = parseCidr(c.text)!;
      const size = blockSize(c.prefix, c.family);
      const parsed = cidrParse(c.text) as Record<string, unknown>;
      expect(parsed.network).toBe(formatCidr(block.start, block.prefix, c.family));
      expect(parsed.first).toBe(formatIp(block.start, c.family));
      expect(parsed.last).toBe(formatIp(block.end, c.family));
      expect(String(cidrSize(c.text))).toBe(String(size));
      const n = raw % size;
      expect(cidrHost(c.text, n.toString())).toBe(formatIp(block.start + n, c.family));
      expect(cidrHost(c.text, (n - size).toString())).toBe(formatIp(block.start + n, c.family));
      expect(ipParse(formatIp(c.value, c.family))).toEqual({ family: c.family, address: formatIp(c.value, c.family), value: c.value.toString() });
    }));
  });

  it('subnets lie inside their parent, aligned, at the index asked for', () => {
    fc.assert(fc.property(anyCidr, fc.integer({ min: 0, max: 128 }), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (c, extra, raw) => {
      const max = c.family === 4 ? 32 : 128;
      const newPrefix = c.prefix + (extra % (max - c.prefix + 1));
      const count = 1n << BigInt(newPrefix - c.prefix);
      const index = raw % count;
      const subnet = cidrSubnet(c.text, newPrefix, index.toString()) as string;
      const parent = parseCidr(c.text)!;
      const child = parseCidr(subnet)!;
      expect(child.prefix).toBe(newPrefix);
      expect(child.start).toBe(parent.start + index * blockSize(newPrefix, c.family));
      expect(blockOf(child.start, newPrefix, c.family).start).toBe(child.start);
      expect(cidrContains(c.text, subnet)).toBe(true);
      expect(cidrOverlaps(subnet, c.text)).toBe(true);
    }));
  });

  it('contains, overlaps, merge and subtract as ranges.ts computes them', () => {
    const entry = (family: Family) => fc.tuple(fc.bigInt({ min: 0n, max: 4095n }), fc.bigInt({ min: 0n, max: 64n }))
      .map(([start, length]) => ({ family, start, end: start + length, text: formatRange(start, start + length, family) }));
    const list = (family: Family) => fc.array(entry(family), { maxLength: 8 });
    fc.assert(fc.property(entry(4), entry(4), list(4), list(4), list(6), (a, b, from, minus, six) => {
      expect(cidrOverlaps(a.text, b.text)).toBe(overlaps(a, b));
      expect(cidrContains(a.text, b.text)).toBe(a.start <= b.start && b.end <= a.end);
      const merged = normalize([...from, ...minus]).map((r) => formatRange(r.start, r.end, 4));
      const merged6 = normalize(six).map((r) => formatRange(r.start, r.end, 6));
      expect(rangesMerge(JSON.stringify([...six, ...from, ...minus].map((e) => e.text)))).toEqual([...merged, ...merged6]);
      expect(rangesSubtract(JSON.stringify(from.map((e) => e.text)), JSON.stringify(minus.map((e) => e.text))))
        .toEqual(subtract(normalize(from), normalize(minus)).map((r) => formatRange(r.start, r.end, 4)));
    }));
  });

  it('answers the same through Jsonnet and the capi-ionos.libsonnet wrappers as when called directly', async () => {
    const cases = fc.sample(anyCidr, { numRuns: 40, seed: 7 });
    const source = `local capi = import 'capi-ionos.libsonnet';
      local cases = ${JSON.stringify(cases.map((c) => c.text))};
      [{
        parse: capi.cidr.parse(c),
        size: capi.cidr.size(c),
        host: capi.cidr.host(c, -1),
        subnet: capi.cidr.subnet(c, capi.cidr.parse(c).prefix, 0),
        contains: capi.cidr.contains(c, capi.cidr.host(c, 0)),
        overlaps: capi.cidr.overlaps(c, '10.0.0.0/8'),
        range: capi.range.parse(c),
        format: capi.range.format(capi.cidr.parse(c).first, capi.cidr.parse(c).last),
        ip: capi.ip.parse(capi.cidr.parse(c).address),
        valid: capi.ip.valid(c),
      } for c in cases]`;
    const viaJsonnet = await evaluateSnippet(source, FILE);
    expect(viaJsonnet).toEqual(cases.map((c) => ({
      parse: cidrParse(c.text),
      size: cidrSize(c.text),
      host: cidrHost(c.text, -1),
      subnet: cidrSubnet(c.text, c.prefix, 0),
      contains: true,
      overlaps: cidrOverlaps(c.text, '10.0.0.0/8'),
      range: rangeParse(c.text),
      format: formatCidr(parseCidr(c.text)!.start, c.prefix, c.family),
      ip: ipParse(formatIp(parseIp(c.text.split('/')[0]!)!.value, c.family)),
      valid: false,
    })));
  });

  it('passes lists to the native functions as JSON through the library wrappers', async () => {
    const value = await evaluateSnippet(`local capi = import 'capi-ionos.libsonnet';
      { merged: capi.range.merge(['10.0.1.0/24', '10.0.0.0/24']), free: capi.range.subtract(['10.0.0.0/24'], ['10.0.0.0/25']) }`, FILE);
    expect(value).toEqual({ merged: ['10.0.0.0/23'], free: ['10.0.0.128/25'] });
  });
});
