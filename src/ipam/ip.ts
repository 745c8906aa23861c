/**
 * IP addresses as bigints: strict parsing (the rules of Go's `net/netip`, which the
 * In-Cluster IPAM provider and Kubernetes use), canonical formatting and prefix math.
 *
 * Everything else in `ipam/` works on `bigint` values and converts to text only at the
 * edges, so IPv4 and IPv6 share one code path.
 */
import { Address6 } from 'ip-address';
import { goQuote } from './go-format.js';

/** An address family: 4 or 6. */
export type Family = 4 | 6;

/** A parsed address: its family and its value as an unsigned integer. */
export interface Ip {
  readonly family: Family;
  readonly value: bigint;
}

/** A parsed CIDR block: the masked network start, its inclusive end and the prefix length. */
export interface Cidr {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
  readonly prefix: number;
}

/** Number of bits in an address of the family. */
export function bits(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** The largest address value of the family. */
export function maxValue(family: Family): bigint {
  return (1n << BigInt(bits(family))) - 1n;
}

const DECIMAL_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4Value(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseGroups(text: string, allowIpv4Tail: boolean): bigint[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: bigint[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4Value(part);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt('0x' + part));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6Value(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0]!, false);
    const tail = parseGroups(halves[1]!, true);
    if (head === undefined || tail === undefined) return undefined;
    // "::" stands for at least one zero group.
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<bigint>(missing).fill(0n), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (all === undefined || all.length !== 8) return undefined;
    groups = all;
  }
  let value = 0n;
  for (const group of groups) value = (value << 16n) | group;
  return value;
}

/**
 * Parses one address the way Go's `netip.ParseAddr` does: IPv4 as four decimal octets without
 * leading zeros, IPv6 with `::`, an optional dotted IPv4 tail and, if `allowZone`, a `%zone`
 * suffix that is dropped. An IPv4-mapped IPv6 address stays IPv6.
 *
 * @returns the address, or `undefined` when the text is not an address
 */
export function parseIp(text: string, options: { allowZone?: boolean } = {}): Ip | undefined {
  if (text.includes(':')) {
    let body = text;
    const zoneAt = text.indexOf('%');
    if (zoneAt >= 0) {
      // A zone needs a non-empty name and is never allowed where the caller forbids it.
      if (!options.allowZone || zoneAt === text.length - 1) return undefined;
      body = text.slice(0, zoneAt);
    }
    const value = parseIpv6Value(body);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4Value(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** Formats an IPv4 value as dotted decimal. */
function formatIpv4(value: bigint): string {
  // One conversion, then 32-bit integer arithmetic (a bigint shift allocates).
  const n = Number(value & 0xffffffffn);
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

/**
 * Formats an address in canonical text: dotted decimal for IPv4; for IPv6 the RFC 5952 form
 * (lower case, no leading zeros, the first longest run of two or more zero groups as `::`),
 * with an IPv4-mapped address written `::ffff:a.b.c.d` as Go does.
 */
export function formatIp(value: bigint, family: Family): string {
  if (family === 4) return formatIpv4(value);
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  return Address6.fromBigInt(value).correctForm();
}

/**
 * Parses `addr/len` strictly: a bare address (no zone) and a decimal length within the family's
 * bits. Host bits may be set; the block is the masked one.
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const lengthText = text.slice(slash + 1);
  if (ip === undefined || !/^(0|[1-9][0-9]{0,2})$/.test(lengthText)) return undefined;
  const prefix = Number(lengthText);
  if (prefix > bits(ip.family)) return undefined;
  const { start, end } = blockOf(ip.value, prefix, ip.family);
  return { family: ip.family, start, end, prefix };
}

/** The block of `2^(bits-prefix)` addresses that holds `value`. */
export function blockOf(value: bigint, prefix: number, family: Family): { start: bigint; end: bigint } {
  const hostBits = BigInt(bits(family) - prefix);
  const size = 1n << hostBits;
  const start = (value >> hostBits) << hostBits;
  return { start, end: start + size - 1n };
}

/** Number of addresses in a block of the given prefix length. */
export function blockSize(prefix: number, family: Family): bigint {
  return 1n << BigInt(bits(family) - prefix);
}

/** The shortest prefix length whose block holds at least `count` addresses (count >= 1). */
export function prefixForSize(count: bigint, family: Family): number {
  let hostBits = 0;
  while (1n << BigInt(hostBits) < count) hostBits++;
  return bits(family) - hostBits;
}

/** Formats a block as `start/prefix`. */
export function formatCidr(start: bigint, prefix: number, family: Family): string {
  return `${formatIp(start, family)}/${prefix}`;
}

/**
 * When the inclusive range `[start, end]` is exactly one aligned block, its prefix length;
 * otherwise `undefined`.
 */
export function exactPrefix(start: bigint, end: bigint, family: Family): number | undefined {
  const size = end - start + 1n;
  if (size <= 0n || (size & (size - 1n)) !== 0n || start % size !== 0n) return undefined;
  return prefixForSize(size, family);
}

/**
 * Formats an inclusive range the way pool `addresses` entries are written: one address alone,
 * `a.b.c.d/n` when it is one aligned block, otherwise `first-last`.
 */
export function formatRange(start: bigint, end: bigint, family: Family): string {
  if (start === end) return formatIp(start, family);
  const prefix = exactPrefix(start, end, family);
  if (prefix !== undefined) return formatCidr(start, prefix, family);
  return `${formatIp(start, family)}-${formatIp(end, family)}`;
}

/**
 * The error text Go's `netip.ParseAddr` gives for `text` (zones allowed, as `ParseAddr` allows
 * them), e.g. `ParseAddr("invalid"): unable to parse IP`; `undefined` when the text is an address.
 * The In-Cluster IPAM provider shows this text when a pool's gateway does not parse.
 */
export function parseIpError(text: string): string | undefined {
  for (const char of text) {
    if (char === '.') return ipv4FieldsError(text, 0, text.length);
    if (char === ':') return ipv6Error(text);
    if (char === '%') return addrError(text, 'missing IPv6 address');
  }
  return addrError(text, 'unable to parse IP');
}

function addrError(input: string, message: string, at = ''): string {
  const base = `ParseAddr(${goQuote(input)}): ${message}`;
  return at === '' ? base : `${base} (at ${goQuote(at)})`;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function hexDigit(code: number): number | undefined {
  if (isDigit(code)) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return undefined;
}

/** Go's IPv4 field scan over `input[from, to)`; errors name the whole input. */
function ipv4FieldsError(input: string, from: number, to: number): string | undefined {
  const s = input.slice(from, to);
  let value = 0;
  let dots = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isDigit(code)) {
      if (digits === 1 && value === 0) return addrError(input, 'IPv4 field has octet with leading zero');
      value = value * 10 + code - 0x30;
      digits++;
      if (value > 255) return addrError(input, 'IPv4 field has value >255');
    } else if (code === 0x2e) {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        return addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      if (dots === 3) return addrError(input, 'IPv4 address too long');
      dots++;
      value = 0;
      digits = 0;
    } else {
      return addrError(input, 'unexpected character', s.slice(i));
    }
  }
  return dots < 3 ? addrError(input, 'IPv4 address too short') : undefined;
}

/** Go's IPv6 scan, step for step, so that each failure gets Go's message. */
function ipv6Error(input: string): string | undefined {
  let s = input;
  let zone = '';
  const zoneAt = s.indexOf('%');
  if (zoneAt >= 0) {
    zone = s.slice(zoneAt + 1);
    s = s.slice(0, zoneAt);
    if (zone === '') return addrError(input, 'zone must be a non-empty string');
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return undefined;
  }
  // `filled` counts bytes of the 16-byte address, as Go does.
  let filled = 0;
  while (filled < 16) {
    let digits = 0;
    for (; digits < s.length; digits++) {
      if (hexDigit(s.charCodeAt(digits)) === undefined) break;
      if (digits > 3) return addrError(input, 'each group must have 4 or less digits', s);
    }
    if (digits === 0) return addrError(input, 'each colon-separated field must have at least one digit', s);
    if (digits < s.length && s[digits] === '.') {
      if (ellipsis < 0 && filled !== 12) {
        return addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      }
      if (filled + 4 > 16) {
        return addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      }
      const end = zone.length > 0 ? input.length - zone.length - 1 : input.length;
      const error = ipv4FieldsError(input, end - s.length, end);
      if (error !== undefined) return error;
      s = '';
      filled += 4;
      break;
    }
    filled += 2;
    s = s.slice(digits);
    if (s === '') break;
    if (s[0] !== ':') return addrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) return addrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return addrError(input, 'multiple :: in address', s);
      ellipsis = filled;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return addrError(input, 'trailing garbage after address', s);
  if (filled < 16) return ellipsis < 0 ? addrError(input, 'address string too short') : undefined;
  return ellipsis >= 0 ? addrError(input, 'the :: must expand to at least one field of zeros') : undefined;
}
