/**
 * Entries of a pool's `addresses` and `excludedAddresses` (single addresses, `a-b` ranges and
 * CIDRs with host bits), parsed exactly as the In-Cluster IPAM provider parses them, and the one
 * ordered key space in which a pool's sets live.
 *
 * Keys: an IPv4 address is its value; an IPv6 address is `IPV6_KEY_BASE + value`. IPv4 keys
 * therefore sort before IPv6 keys (as Go orders addresses), an IPv4 address never equals an
 * IPv6 one (`10.0.0.1` is not `::ffff:10.0.0.1`, and `0.0.0.5` is not `::5`), and the unused gap
 * between the two families keeps a normalised set from merging `255.255.255.255` with `::`.
 */
import { bits, formatIp, parseCidr, parseIp, type Family } from './ip.js';
import type { Range } from './ranges.js';

/** The key of `::`; IPv6 keys start here, above every IPv4 key and a gap. */
export const IPV6_KEY_BASE = 1n << 33n;

/** The key of an address. */
export function toKey(family: Family, value: bigint): bigint {
  return family === 4 ? value : IPV6_KEY_BASE + value;
}

/** The family of a key. */
export function keyFamily(key: bigint): Family {
  return key < IPV6_KEY_BASE ? 4 : 6;
}

/** The address value of a key, within its family. */
export function keyValue(key: bigint): bigint {
  return key < IPV6_KEY_BASE ? key : key - IPV6_KEY_BASE;
}

/** The canonical text of the address a key stands for (Go's `Addr.String()`). */
export function formatKey(key: bigint): string {
  return formatIp(keyValue(key), keyFamily(key));
}

/** A parsed entry: one family and an inclusive range of address values. */
export interface PoolEntry {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Parses one `addresses` / `excludedAddresses` entry. The form is chosen by the characters it
 * holds: with `-` a range `A-B` (split at the first `-`, two bare addresses of one family with
 * A <= B, zones dropped); else with `/` a CIDR (no zone, host bits masked away); else one address
 * (zone dropped). Nothing is trimmed.
 *
 * @returns the entry, or `undefined` when the provider would reject it
 */
export function parsePoolEntry(text: string): PoolEntry | undefined {
  const hyphen = text.indexOf('-');
  if (hyphen >= 0) {
    const from = parseIp(text.slice(0, hyphen), { allowZone: true });
    const to = parseIp(text.slice(hyphen + 1), { allowZone: true });
    if (from === undefined || to === undefined || from.family !== to.family || to.value < from.value) return undefined;
    return { family: from.family, start: from.value, end: to.value };
  }
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    return cidr === undefined ? undefined : { family: cidr.family, start: cidr.start, end: cidr.end };
  }
  const ip = parseIp(text, { allowZone: true });
  return ip === undefined ? undefined : { family: ip.family, start: ip.value, end: ip.value };
}

/** An entry as an inclusive range of keys. */
export function entryKeys(entry: PoolEntry): Range {
  return { start: toKey(entry.family, entry.start), end: toKey(entry.family, entry.end) };
}

/**
 * Parses a plain address as Go's `netip.ParseAddr` does (zone allowed and dropped): the parser
 * the provider uses for `gateway` and for the addresses of IPAddress objects when it counts them.
 *
 * @returns the key, or `undefined` when the text is not an address
 */
export function parseAddressKey(text: string): bigint | undefined {
  // Without a colon the text can only be dotted IPv4: take the fast path, same rules.
  if (!text.includes(':')) {
    const value = parseIpv4Number(text);
    return value === undefined ? undefined : BigInt(value);
  }
  const ip = parseIp(text, { allowZone: true });
  return ip === undefined ? undefined : toKey(ip.family, ip.value);
}

/**
 * Dotted IPv4 by Go's rules (four decimal octets, each 0–255, no leading zeros) as a number (its
 * key), in one pass without splitting or regular expressions: in-use lists are parsed on every
 * stateless call.
 */
export function parseIpv4Number(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      if (digits === 1 && octet === 0) return undefined;
      octet = octet * 10 + code - 0x30;
      digits++;
      if (octet > 255) return undefined;
    } else if (code === 0x2e && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : undefined;
}

/**
 * The subnet `<key>/<prefix>` as a key range, or `undefined` when the prefix is not a valid
 * length for the key's family (Go's `netip.PrefixFrom` then gives an invalid prefix).
 */
export function subnetOf(key: bigint, prefix: number): Range | undefined {
  const family = keyFamily(key);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits(family)) return undefined;
  const hostBits = BigInt(bits(family) - prefix);
  const start = (keyValue(key) >> hostBits) << hostBits;
  const end = start + (1n << hostBits) - 1n;
  return { start: toKey(family, start), end: toKey(family, end) };
}
