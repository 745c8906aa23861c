// § numbers (and rule ids V1–V9) refer to docs/in-cluster-provider-rules.md.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goQuote, goStringSlice } from '../../src/ipam/go-format.js';
import { parseIp, parseIpError } from '../../src/ipam/ip.js';
import { parseAddressKey, parsePoolEntry, toKey } from '../../src/ipam/pool-entries.js';
import { validatePoolSpec, type PoolSpec } from '../../src/ipam/pool-spec.js';
import { naiveEntry, specArb, windowArb } from './naive-pool.js';

describe('pool entries (§1.1, §1.2)', () => {
  it.each<[string, 4 | 6, string, string]>([
    ['10.0.0.1', 4, '10.0.0.1', '10.0.0.1'],
    ['10.0.0.1-10.0.0.5', 4, '10.0.0.1', '10.0.0.5'],
    ['10.0.0.5-10.0.0.5', 4, '10.0.0.5', '10.0.0.5'],
    ['10.0.0.1/24', 4, '10.0.0.0', '10.0.0.255'],
    ['10.0.1.0/23', 4, '10.0.0.0', '10.0.1.255'],
    ['0.0.0.0/0', 4, '0.0.0.0', '255.255.255.255'],
    ['10.0.0.7/32', 4, '10.0.0.7', '10.0.0.7'],
    ['FD00:0::0001', 6, 'fd00::1', 'fd00::1'],
    ['fe80::1%eth0', 6, 'fe80::1', 'fe80::1'],
    ['fe80::1%eth0-fe80::3%eth1', 6, 'fe80::1', 'fe80::3'],
    ['::%eth0-::1', 6, '::', '::1'],
    ['::ffff:10.0.0.1', 6, '::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['::ffff:10.0.0.1-::ffff:10.0.0.5', 6, '::ffff:10.0.0.1', '::ffff:10.0.0.5'],
    ['::/0', 6, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
    ['fe01::1/28', 6, 'fe01::', 'fe01:f:ffff:ffff:ffff:ffff:ffff:ffff'],
  ])('[§1.1] accepts %j', (text, family, first, last) => {
    const entry = parsePoolEntry(text)!;
    expect(entry.family).toBe(family);
    expect(entry.start).toBe(parseIp(first)!.value);
    expect(entry.end).toBe(parseIp(last)!.value);
  });

  it.each([
    '192.168.1.2-192.168.1.4-', '192.168.1.2-192.168.1.4-192.168.1.9', '192.168.1.4/21-192.168.1.2', '192.168.1.4/-192.168.1.2',
    '10.0.0.10-10.0.0.5', 'fe80::3-fe80::1', '10.0.0.1 - 10.0.0.5', ' 10.0.0.1', '10.0.0.1 ',
    '10.0.0.10/33', 'fe80::1/129', 'fe80::1%eth0/64', '10.0.0.0/024', '10.0.0.0/', '/24',
    '10.0.0.010', '192.168.1.2612', '192.168.1.2.4', 'fe80::zzzz', '', '-', '10.0.0.1-', '-10.0.0.1',
    '10.0.0.1-fe80::1', '::ffff:10.0.0.1-10.0.0.5', '10.0.0.1%eth0', 'fe80::1%',
  ])('[§1.1] rejects %j', (text) => {
    expect(parsePoolEntry(text)).toBeUndefined();
  });
});

describe('validatePoolSpec, phase 1 (V1–V7): every problem at once', () => {
  it.each<[string, PoolSpec, string[]]>([
    ['[V1] rejects an empty addresses list',
      { addresses: [], prefix: 24 },
      ['spec.addresses: Invalid value: []string{}: addresses is required']],
    ['[V1] rejects missing addresses',
      { addresses: undefined as unknown as string[], prefix: 24 },
      ['spec.addresses: Invalid value: []string(nil): addresses is required']],
    ['[V2] rejects a negative prefix',
      { addresses: ['10.0.0.1'], prefix: -1 },
      ['spec.prefix: Invalid value: -1: a valid prefix is required']],
    ['[V3] rejects each entry that does not parse',
      { addresses: ['10.0.0.1', 'x', '10.0.0.10-10.0.0.5'], prefix: 24 },
      ['spec.addresses: Invalid value: "x": provided address is not a valid IP, range, nor CIDR',
        'spec.addresses: Invalid value: "10.0.0.10-10.0.0.5": provided address is not a valid IP, range, nor CIDR']],
    ['[V4] rejects IPv4 mixed with IPv6',
      { addresses: ['10.0.0.1', 'fd00::1-fd00::5'], prefix: 24 },
      ['spec.addresses: Invalid value: []string{"10.0.0.1", "fd00::1-fd00::5"}: provided addresses are of mixed IP families']],
    ['[V4] rejects IPv4 mixed with IPv4-mapped IPv6',
      { addresses: ['10.0.0.1', '::ffff:10.0.0.2'], prefix: 24 },
      ['spec.addresses: Invalid value: []string{"10.0.0.1", "::ffff:10.0.0.2"}: provided addresses are of mixed IP families']],
    ['[V5a] rejects a gateway that does not parse, with Go\'s message',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: 'invalid' },
      ['spec.gateway: Invalid value: "invalid": ParseAddr("invalid"): unable to parse IP']],
    ['[V5a] rejects a CIDR as gateway',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '10.0.0.1/24' },
      ['spec.gateway: Invalid value: "10.0.0.1/24": ParseAddr("10.0.0.1/24"): unexpected character (at "/24")']],
    ['[V5a] rejects a range as gateway',
      { addresses: ['fd00::/64'], prefix: 64, gateway: 'fd00::1-fd00::2' },
      ['spec.gateway: Invalid value: "fd00::1-fd00::2": ParseAddr("fd00::1-fd00::2"): unexpected character, want colon (at "-fd00::2")']],
    ['[V5b] rejects an IPv6 gateway for IPv4 addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: 'fd00::1' },
      ['spec.gateway: Invalid value: "fd00::1": provided gateway and addresses are of mixed IP families']],
    ['[V5b] rejects an IPv4 gateway for IPv6 addresses',
      { addresses: ['fd00::/64'], prefix: 64, gateway: '10.0.0.1' },
      ['spec.gateway: Invalid value: "10.0.0.1": provided gateway and addresses are of mixed IP families']],
    ['[V5b] rejects an IPv4-mapped gateway for IPv4 addresses',
      { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '::ffff:10.0.0.1' },
      ['spec.gateway: Invalid value: "::ffff:10.0.0.1": provided gateway and addresses are of mixed IP families']],
    ['[V6a] rejects each excluded entry that does not parse',
      { addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['10.0.0.5', 'nope'] },
      ['spec.excludedAddresses: Invalid value: "nope": provided address is not a valid IP, range, nor CIDR']],
    ['[V6b, V6c] rejects excluded entries of both families',
      { addresses: ['10.0.1.0', '10.0.0.2-10.0.0.250'], prefix: 24, gateway: '10.0.0.1', excludedAddresses: ['fd00::1', '10.0.0.4'] },
      ['spec.excludedAddresses: Invalid value: []string{"fd00::1", "10.0.0.4"}: provided addresses are of mixed IP families',
        'spec.excludedAddresses: Invalid value: []string{"fd00::1", "10.0.0.4"}: addresses and excluded addresses are of mixed IP families']],
    ['[V6c] rejects excluded entries of the other family',
      { addresses: ['fd00::/64'], prefix: 64, excludedAddresses: ['10.0.0.0/8'] },
      ['spec.excludedAddresses: Invalid value: []string{"10.0.0.0/8"}: addresses and excluded addresses are of mixed IP families']],
    ['[V7] rejects a negative grace period',
      { addresses: ['10.0.0.0/24'], prefix: 24, addressReuseGracePeriodSeconds: -5 },
      ['spec.addressReuseGracePeriodSeconds: Invalid value: -5: addressReuseGracePeriodSeconds must not be negative']],
    ['[V1–V7] rejects with every phase-1 problem, in the provider\'s order',
      { addresses: [], prefix: -1, gateway: 'gw', excludedAddresses: ['fd00::1', '10.0.0.4', 'x'], addressReuseGracePeriodSeconds: -1 },
      ['spec.addresses: Invalid value: []string{}: addresses is required',
        'spec.prefix: Invalid value: -1: a valid prefix is required',
        'spec.gateway: Invalid value: "gw": ParseAddr("gw"): unable to parse IP',
        'spec.excludedAddresses: Invalid value: "x": provided address is not a valid IP, range, nor CIDR',
        'spec.excludedAddresses: Invalid value: []string{"fd00::1", "10.0.0.4", "x"}: provided addresses are of mixed IP families',
        'spec.addressReuseGracePeriodSeconds: Invalid value: -1: addressReuseGracePeriodSeconds must not be negative']],
    ['[V3, V4] counts the family of the entries that parse only',
      { addresses: ['10.0.0.1', 'fd00::zz'], prefix: 24 },
      ['spec.addresses: Invalid value: "fd00::zz": provided address is not a valid IP, range, nor CIDR']],
    ['[V5a, V8] rejects a bad gateway and hides the subnet problem behind it',
      { addresses: ['10.0.0.1', '10.0.1.1'], prefix: 24, gateway: 'invalid' },
      ['spec.gateway: Invalid value: "invalid": ParseAddr("invalid"): unable to parse IP']],
  ])('%s', (_name, spec, expected) => {
    expect(validatePoolSpec(spec)).toEqual(expected);
  });
});

describe('validatePoolSpec, phase 2 (V8, V9): the subnet', () => {
  it.each<[string, PoolSpec, string[]]>([
    ['[V8] rejects an IPv4 prefix above 32',
      { addresses: ['10.0.0.1'], prefix: 33 }, ['spec.prefix: Invalid value: 33: provided prefix is not valid']],
    ['[V8] rejects an IPv6 prefix above 128',
      { addresses: ['fd00::1'], prefix: 129 }, ['spec.prefix: Invalid value: 129: provided prefix is not valid']],
    ['[V8] stops there: no subnet errors follow',
      { addresses: ['10.0.0.1', '192.168.0.1'], prefix: 40 }, ['spec.prefix: Invalid value: 40: provided prefix is not valid']],
    ['[V9] rejects each entry outside the subnet of the lowest address',
      { addresses: ['10.0.0.1', '10.0.1.1', '10.0.0.250-10.0.1.5', '10.0.0.0/23', '10.0.0.0/24'], prefix: 24 },
      ['spec.addresses: Invalid value: "10.0.1.1": provided address belongs to a different subnet than others',
        'spec.addresses: Invalid value: "10.0.0.250-10.0.1.5": provided address belongs to a different subnet than others',
        'spec.addresses: Invalid value: "10.0.0.0/23": provided address belongs to a different subnet than others']],
    ['[V9] takes the lowest address of the union, whatever the list order',
      { addresses: ['10.0.1.1', '10.0.0.1'], prefix: 24 },
      ['spec.addresses: Invalid value: "10.0.1.1": provided address belongs to a different subnet than others']],
    ['[V9] checks IPv6 entries too',
      { addresses: ['fd00::1', 'fd00:0:0:1::1'], prefix: 64 },
      ['spec.addresses: Invalid value: "fd00:0:0:1::1": provided address belongs to a different subnet than others']],
  ])('%s', (_name, spec, expected) => {
    expect(validatePoolSpec(spec)).toEqual(expected);
  });

  it.each<[string, PoolSpec]>([
    ['a gateway outside the subnet and the addresses', { addresses: ['10.0.0.50/24'], prefix: 24, gateway: '10.0.1.1' }],
    ['network and broadcast addresses in the list', { addresses: ['10.0.0.0', '10.0.0.255'], prefix: 24 }],
    ['excluded entries outside the subnet', { addresses: ['10.0.0.0/24'], prefix: 24, excludedAddresses: ['192.168.0.0/16'] }],
    ['overlapping and duplicate entries', { addresses: ['10.0.0.1-10.0.0.9', '10.0.0.5', '10.0.0.5', '10.0.0.0/28'], prefix: 24 }],
    ['an IPv4 /32 with nothing allocatable', { addresses: ['10.0.0.5'], prefix: 32 }],
    ['an IPv4 /31 with nothing allocatable', { addresses: ['10.0.0.4/31'], prefix: 31 }],
    ['an IPv6 /128 with nothing allocatable', { addresses: ['fd00::5'], prefix: 128 }],
    ['an IPv6 /127', { addresses: ['fd00::4/127'], prefix: 127 }],
    ['prefix 0 (IPv4)', { addresses: ['10.0.0.1', '192.168.0.1'], prefix: 0 }],
    ['prefix 0 (IPv6)', { addresses: ['::/0'], prefix: 0 }],
    ['a missing prefix, taken as 0', { addresses: ['10.0.0.1-10.0.0.20'] }],
    ['an IPv6 prefix 28 with entries inside fe01::/28', { addresses: ['fe01::/28', 'fe01::1-fe01::5'], prefix: 28 }],
    ['zones on addresses and range ends', { addresses: ['fe80::1%eth0', 'fe80::5%eth0-fe80::9%eth1'], prefix: 64, gateway: 'fe80::1%eth0' }],
    ['IPv4-mapped IPv6 addresses with an IPv6 prefix', { addresses: ['::ffff:10.0.0.0/120'], prefix: 120, gateway: '::ffff:10.0.0.1' }],
    ['an empty gateway, meaning none', { addresses: ['10.0.0.0/24'], prefix: 24, gateway: '' }],
    ['a zero grace period', { addresses: ['10.0.0.0/24'], prefix: 24, addressReuseGracePeriodSeconds: 0 }],
  ])('[§2.1 not validated] accepts %s', (_name, spec) => {
    expect(validatePoolSpec(spec)).toEqual([]);
  });

  /** Validity written directly from the rules, with the naive entry parser. */
  function naiveValid(spec: PoolSpec): boolean {
    const entries = spec.addresses.map(naiveEntry);
    const excluded = (spec.excludedAddresses ?? []).map(naiveEntry);
    if (entries.length === 0 || entries.some((e) => !e) || excluded.some((e) => !e)) return false;
    const prefix = spec.prefix ?? 0;
    if (prefix < 0) return false;
    const families = new Set(entries.map((e) => e!.family));
    if (families.size > 1) return false;
    const family = entries[0]!.family;
    if (spec.gateway) {
      const gateway = parseIp(spec.gateway, { allowZone: true });
      if (!gateway || gateway.family !== family) return false;
    }
    if (excluded.some((e) => e!.family !== family)) return false;
    if (prefix > (family === 4 ? 32 : 128)) return false;
    const lowest = entries.map((e) => e!.start).reduce((a, b) => (a < b ? a : b));
    const size = 1n << BigInt((family === 4 ? 32 : 128) - prefix);
    const first = lowest - (lowest % size);
    return entries.every((e) => e!.start >= first && e!.end <= first + size - 1n);
  }

  it('accepts exactly the specs the rules accept', () => {
    fc.assert(fc.property(windowArb.chain(specArb), (spec) => {
      expect(validatePoolSpec(spec).length === 0).toBe(naiveValid(spec));
    }), { numRuns: 1000 });
  });
});

describe('Go text', () => {
  it.each([
    ['plain', '"plain"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\n\t\r\x07\x08\x0c\x0b', '"\\n\\t\\r\\a\\b\\f\\v"'],
    ['\x00\x1f\x7f', '"\\x00\\x1f\\x7f"'],
    ['grüße 日本', '"grüße 日本"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
    ['\ue000', '"\\ue000"'],
    ['\u{10fffd}', '"\\U0010fffd"'],
    ['😀', '"😀"'],
  ])('quotes %j as strconv.Quote does', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });

  it('writes a []string as %#v does', () => {
    expect(goStringSlice(undefined)).toBe('[]string(nil)');
    expect(goStringSlice([])).toBe('[]string{}');
    expect(goStringSlice(['10.0.0.1', 'a"b'])).toBe('[]string{"10.0.0.1", "a\\"b"}');
  });

  it.each([
    ['invalid', 'ParseAddr("invalid"): unable to parse IP'],
    ['', 'ParseAddr(""): unable to parse IP'],
    ['a\nb', 'ParseAddr("a\\nb"): unable to parse IP'],
    ['%eth0', 'ParseAddr("%eth0"): missing IPv6 address'],
    ['10.0.0.010', 'ParseAddr("10.0.0.010"): IPv4 field has octet with leading zero'],
    ['192.168.1.2612', 'ParseAddr("192.168.1.2612"): IPv4 field has value >255'],
    ['192.168.1.2.4', 'ParseAddr("192.168.1.2.4"): IPv4 address too long'],
    ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short'],
    ['1.2.3.', 'ParseAddr("1.2.3."): IPv4 field must have at least one digit (at ".")'],
    ['1..2.3', 'ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3")'],
    ['0x7f.0.0.1', 'ParseAddr("0x7f.0.0.1"): unexpected character (at "x7f.0.0.1")'],
    ['10.0.0.1%eth0', 'ParseAddr("10.0.0.1%eth0"): unexpected character (at "%eth0")'],
    ['fe80::zzzz', 'ParseAddr("fe80::zzzz"): each colon-separated field must have at least one digit (at "zzzz")'],
    [':1', 'ParseAddr(":1"): each colon-separated field must have at least one digit (at ":1")'],
    ['1::2::3', 'ParseAddr("1::2::3"): multiple :: in address (at ":3")'],
    ['fe80::1%', 'ParseAddr("fe80::1%"): zone must be a non-empty string'],
    ['00001::', 'ParseAddr("00001::"): each group must have 4 or less digits (at "00001::")'],
    ['1:2:3:4:5:6:7:8:9', 'ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")'],
    ['1:2:3:4:5:6:7', 'ParseAddr("1:2:3:4:5:6:7"): address string too short'],
    ['1:2:3:4:5:6:7::8', 'ParseAddr("1:2:3:4:5:6:7::8"): the :: must expand to at least one field of zeros'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'ParseAddr("1:2:3:4:5:6:7:1.2.3.4"): embedded IPv4 address must replace the final 2 fields of the address (at "1.2.3.4")'],
    ['::1:2:3:4:5:6:7:1.2.3.4', 'ParseAddr("::1:2:3:4:5:6:7:1.2.3.4"): too many hex fields to fit an embedded IPv4 at the end of the address (at "1.2.3.4")'],
    ['::ffff:1.2.3.04', 'ParseAddr("::ffff:1.2.3.04"): IPv4 field has octet with leading zero'],
    ['::ffff:1.2.3.4.5%z', 'ParseAddr("::ffff:1.2.3.4.5%z"): IPv4 address too long'],
    ['1:', 'ParseAddr("1:"): colon must be followed by more characters (at ":")'],
    ['1:2;3', 'ParseAddr("1:2;3"): unexpected character, want colon (at ";3")'],
  ])('gives Go\'s ParseAddr message for %j', (text, message) => {
    expect(parseIpError(text)).toBe(message);
  });

  it.each(['::', '::1%eth0', '1.2.3.4', '::ffff:1.2.3.4', 'FD00:0::0001', '::%a-::1'])('gives no message for the address %j', (text) => {
    expect(parseIpError(text)).toBeUndefined();
  });

  it('reads plain addresses as the address parser does (the fast IPv4 path included)', () => {
    const token = fc.constantFrom('0', '1', '9', '00', '01', '255', '256', '1000', 'a', 'ffff', ':', '::', '.', '%', 'z', '-', '/');
    fc.assert(fc.property(fc.array(token, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
      const ip = parseIp(text, { allowZone: true });
      expect(parseAddressKey(text)).toBe(ip === undefined ? undefined : toKey(ip.family, ip.value));
    }), { numRuns: 5000 });
  });

  it('fails exactly when the address parser fails', () => {
    const token = fc.constantFrom('0', '1', '9', '00', '255', '256', 'a', 'f', 'F', 'ffff', 'g', ':', '::', '.', '%', 'z', '-', '/', ' ');
    fc.assert(fc.property(fc.array(token, { maxLength: 14 }).map((parts) => parts.join('')), (text) => {
      expect(parseIpError(text) === undefined).toBe(parseIp(text, { allowZone: true }) !== undefined);
    }), { numRuns: 5000 });
  });
});
