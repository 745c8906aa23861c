import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPrefix, formatIp, formatRange, parseCidr, parseIp, prefixForSize } from '../../src/ipam/ip.js';

describe('parseIp', () => {
  it.each([
    ['10.0.0.1', 4, 0x0a000001n],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['FD00:0::0001', 6, 0xfd00n << 112n | 1n],
    ['::ffff:10.0.0.1', 6, 0xffff0a000001n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
  ])('accepts %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each([
    '', '10.0.0.010', '192.168.1.2612', '192.168.1.2.4', '1.2.3', 'fe80::zzzz', '1:2:3:4:5:6:7:8:9',
    '1::2::3', '1:2:3:4:5:6:7::8', ':::', '10.0.0.1/24', ' 10.0.0.1', '::1%', '00001::',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  it('accepts an IPv6 zone only when allowed, and drops it', () => {
    expect(parseIp('fe80::1%eth0')).toBeUndefined();
    expect(parseIp('fe80::1%eth0', { allowZone: true })).toEqual({ family: 6, value: 0xfe80n << 112n | 1n });
  });
});

describe('formatIp', () => {
  it.each([
    ['FD00:0:0:0:0:0:0:A', 'fd00::a'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['1:0:2:3:4:5:6:7', '1:0:2:3:4:5:6:7'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['10.1.2.3', '10.1.2.3'],
  ])('writes %s as %s', (input, expected) => {
    const ip = parseIp(input)!;
    expect(formatIp(ip.value, ip.family)).toBe(expected);
  });

  it('round-trips every IPv6 value through its canonical text', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
      expect(parseIp(formatIp(value, 6))).toEqual({ family: 6, value });
    }));
  });

  it('round-trips every IPv4 value through its canonical text', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (value) => {
      expect(parseIp(formatIp(value, 4))).toEqual({ family: 4, value });
    }));
  });
});

describe('parseCidr', () => {
  it('masks host bits', () => {
    expect(parseCidr('10.0.0.1/24')).toEqual({ family: 4, start: 0x0a000000n, end: 0x0a0000ffn, prefix: 24 });
    expect(parseCidr('10.0.1.0/23')).toEqual({ family: 4, start: 0x0a000000n, end: 0x0a0001ffn, prefix: 23 });
  });

  it.each(['10.0.0.10/33', 'fe80::1/129', 'fe80::1%eth0/64', '10.0.0.0/', '10.0.0.0/024', '10.0.0.0'])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('accepts /0 and full-length prefixes', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ family: 4, start: 0n, end: 0xffffffffn, prefix: 0 });
    expect(parseCidr('::1/128')).toEqual({ family: 6, start: 1n, end: 1n, prefix: 128 });
  });
});

describe('prefix helpers', () => {
  it('finds the smallest block for a size', () => {
    expect(prefixForSize(1n, 4)).toBe(32);
    expect(prefixForSize(2n, 4)).toBe(31);
    expect(prefixForSize(3n, 4)).toBe(30);
    expect(prefixForSize(256n, 4)).toBe(24);
    expect(prefixForSize(257n, 6)).toBe(119);
  });

  it('recognises aligned blocks only', () => {
    expect(exactPrefix(0x0a000000n, 0x0a0000ffn, 4)).toBe(24);
    expect(exactPrefix(0x0a000001n, 0x0a000002n, 4)).toBeUndefined();
    expect(exactPrefix(0x0a000000n, 0x0a000002n, 4)).toBeUndefined();
  });

  it('writes ranges as an address, a CIDR or first-last', () => {
    expect(formatRange(5n, 5n, 4)).toBe('0.0.0.5');
    expect(formatRange(0x0a000000n, 0x0a0000ffn, 4)).toBe('10.0.0.0/24');
    expect(formatRange(0x0a000001n, 0x0a000005n, 4)).toBe('10.0.0.1-10.0.0.5');
  });
});
