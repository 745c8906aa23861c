/**
 * IP math for Jsonnet: the native functions a fleet file reaches through `std.native(name)` (or
 * the wrappers in `capi-ionos.libsonnet`). They are thin adapters over `ipam/ip.ts` and
 * `ipam/ranges.ts`, so Jsonnet and the planner agree on every address.
 *
 * Native callbacks only take primitives (string, number, boolean, null), so lists cross as JSON
 * text; results are plain JSON values. Counts that may not fit a double (IPv6 sizes, large
 * indexes) are decimal strings; IPv4 counts are numbers.
 *
 * Every function throws a {@link NativeError} on bad input, which Jsonnet reports as a runtime
 * error at the call site: `cidrSubnet: 24 is shorter than the prefix of "10.0.0.0/26" ...`.
 */
import { bits, formatCidr, formatIp, formatRange, parseCidr, parseIp, parseIpError, type Family } from '../ipam/ip.js';
import { covers, normalize, overlaps, subtract, type Range } from '../ipam/ranges.js';
import { parseRangeText } from '../ipam/range-text.js';

/** A value Jsonnet can pass to a native function. */
export type Primitive = null | boolean | number | string;

/** A plain JSON value, as a native function returns it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** An error in a native call; its name is the function's, so Jsonnet prints `cidrHost: ...`. */
export class NativeError extends Error {
  public constructor(native: string, message: string) {
    super(message);
    this.name = native;
  }
}

/** A native function as registered with the Jsonnet VM. */
export interface NativeFunction {
  /** Parameter names, as Jsonnet sees them (named arguments use them). */
  readonly params: readonly string[];
  readonly call: (...args: Primitive[]) => JsonValue;
}

/** An entry parsed from text: one address, `first-last` or a CIDR. */
interface Entry {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
}

function describe(value: unknown): string {
  return value === null ? 'null' : JSON.stringify(value);
}

function text(native: string, param: string, value: Primitive): string {
  if (typeof value !== 'string') throw new NativeError(native, `'${param}' must be a string, got ${describe(value)}`);
  return value;
}

function entry(native: string, param: string, value: Primitive): Entry {
  const raw = text(native, param, value);
  const parsed = parseRangeText(raw);
  if (parsed === undefined) {
    throw new NativeError(native, `'${param}' ${JSON.stringify(raw)} is not an address, range or CIDR; use 10.0.0.1, 10.0.0.10-10.0.0.20, 10.0.0.0/24 or the IPv6 forms`);
  }
  return parsed;
}

function cidr(native: string, param: string, value: Primitive): Entry & { readonly prefix: number; readonly address: bigint } {
  const raw = text(native, param, value);
  const parsed = raw.includes('/') ? parseCidr(raw) : undefined;
  if (parsed === undefined) {
    throw new NativeError(native, `'${param}' ${JSON.stringify(raw)} is not a CIDR; use a.b.c.d/n with n <= 32, or an IPv6 prefix such as fd00::/64`);
  }
  return { ...parsed, address: parseIp(raw.slice(0, raw.indexOf('/')))!.value };
}

/** A whole number given as a number (a safe integer) or as decimal text (for IPv6 sizes). */
function count(native: string, param: string, value: Primitive): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?(0|[1-9][0-9]*)$/.test(value)) return BigInt(value);
  throw new NativeError(native, `'${param}' must be a whole number (or one in decimal text), got ${describe(value)}`);
}

/** An IPv4 count as a number, an IPv6 count as decimal text. */
function countValue(value: bigint, family: Family): number | string {
  return family === 4 ? Number(value) : value.toString();
}

function entryList(native: string, param: string, value: Primitive): Entry[] {
  const raw = text(native, param, value);
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    throw new NativeError(native, `'${param}' must be a JSON list of entries, got ${describe(raw)}; pass std.manifestJsonMinified(list)`);
  }
  if (!Array.isArray(list)) throw new NativeError(native, `'${param}' must be a JSON list of entries, got ${describe(raw)}`);
  return list.map((item: unknown, i) => {
    if (typeof item !== 'string') throw new NativeError(native, `'${param}[${i}]' must be a string, got ${describe(item)}`);
    return entry(native, `${param}[${i}]`, item);
  });
}

/** Normalised sets per family, IPv4 first, as entry texts. */
function formatSets(sets: Readonly<Record<Family, readonly Range[]>>): string[] {
  return ([4, 6] as const).flatMap((family) => sets[family].map((r) => formatRange(r.start, r.end, family)));
}

function byFamily(entries: readonly Entry[], family: Family): Range[] {
  return normalize(entries.filter((e) => e.family === family));
}

/**
 * `ipParse(address)`: `{family, address, value}` — the canonical text (`FD00::0001` becomes
 * `fd00::1`) and the value as decimal text.
 */
export function ipParse(address: Primitive): JsonValue {
  const raw = text('ipParse', 'address', address);
  const ip = parseIp(raw);
  if (ip === undefined) {
    throw new NativeError('ipParse', `${JSON.stringify(raw)} is not an IP address (${parseIpError(raw) ?? 'zones are not allowed'})`);
  }
  return { family: ip.family, address: formatIp(ip.value, ip.family), value: ip.value.toString() };
}

/** `ipValid(text)`: whether the text is one IPv4 or IPv6 address (no zone, no prefix). */
export function ipValid(address: Primitive): JsonValue {
  return typeof address === 'string' && parseIp(address) !== undefined;
}

/**
 * `cidrParse(cidr)`: `{family, address, prefix, network, first, last, size}`; host bits are
 * allowed (`network` is the masked block, `address` the one given).
 */
export function cidrParse(block: Primitive): JsonValue {
  const c = cidr('cidrParse', 'cidr', block);
  return {
    family: c.family,
    address: formatIp(c.address, c.family),
    prefix: c.prefix,
    network: formatCidr(c.start, c.prefix, c.family),
    first: formatIp(c.start, c.family),
    last: formatIp(c.end, c.family),
    size: countValue(c.end - c.start + 1n, c.family),
  };
}

/** `cidrContains(cidr, entry)`: whether every address of `entry` (address, range or CIDR) is in `cidr`. */
export function cidrContains(outer: Primitive, inner: Primitive): JsonValue {
  const a = entry('cidrContains', 'cidr', outer);
  const b = entry('cidrContains', 'entry', inner);
  return a.family === b.family && covers([a], [b]);
}

/** `cidrOverlaps(a, b)`: whether two entries (addresses, ranges or CIDRs) share an address. */
export function cidrOverlaps(first: Primitive, second: Primitive): JsonValue {
  const a = entry('cidrOverlaps', 'a', first);
  const b = entry('cidrOverlaps', 'b', second);
  return a.family === b.family && overlaps(a, b);
}

/**
 * `cidrSubnet(cidr, newPrefix, index)`: the `index`-th block of length `newPrefix` inside
 * `cidr` (`cidrSubnet('10.0.0.0/16', 24, 3)` is `10.0.3.0/24`). `index` may be decimal text.
 */
export function cidrSubnet(block: Primitive, newPrefix: Primitive, index: Primitive): JsonValue {
  const c = cidr('cidrSubnet', 'cidr', block);
  const prefix = count('cidrSubnet', 'newPrefix', newPrefix);
  const max = bits(c.family);
  if (prefix < BigInt(c.prefix) || prefix > BigInt(max)) {
    throw new NativeError('cidrSubnet', `'newPrefix' ${prefix} is outside ${c.prefix}..${max}; a subnet of ${formatCidr(c.start, c.prefix, c.family)} needs a prefix from ${c.prefix} to ${max}`);
  }
  const n = count('cidrSubnet', 'index', index);
  const subnets = 1n << (prefix - BigInt(c.prefix));
  if (n < 0n || n >= subnets) {
    throw new NativeError('cidrSubnet', `'index' ${n} is outside 0..${subnets - 1n}: ${formatCidr(c.start, c.prefix, c.family)} holds ${subnets} blocks of /${prefix}`);
  }
  return formatCidr(c.start + (n << BigInt(max - Number(prefix))), Number(prefix), c.family);
}

/** `cidrSize(entry)`: the number of addresses; a number for IPv4, decimal text for IPv6. */
export function cidrSize(block: Primitive): JsonValue {
  const e = entry('cidrSize', 'cidr', block);
  return countValue(e.end - e.start + 1n, e.family);
}

/**
 * `cidrHost(cidr, n)`: the `n`-th address of an entry, counting from 0; a negative `n` counts
 * from the end (`-1` is the last address). `n` may be decimal text.
 */
export function cidrHost(block: Primitive, n: Primitive): JsonValue {
  const e = entry('cidrHost', 'cidr', block);
  const index = count('cidrHost', 'n', n);
  const total = e.end - e.start + 1n;
  if (index >= total || index < -total) {
    throw new NativeError('cidrHost', `'n' ${index} is outside ${-total}..${total - 1n}: ${formatRange(e.start, e.end, e.family)} has ${total} addresses`);
  }
  const value = index >= 0n ? e.start + index : e.end + 1n + index;
  return formatIp(value, e.family);
}

/** `rangeParse(entry)`: `{family, first, last, size}` of an address, `first-last` range or CIDR. */
export function rangeParse(value: Primitive): JsonValue {
  const e = entry('rangeParse', 'entry', value);
  return { family: e.family, first: formatIp(e.start, e.family), last: formatIp(e.end, e.family), size: countValue(e.end - e.start + 1n, e.family) };
}

/**
 * `rangeFormat(first, last)`: the inclusive range as a pool would list it — one address, a CIDR
 * when it is one aligned block, else `first-last`.
 */
export function rangeFormat(first: Primitive, last: Primitive): JsonValue {
  const a = parseIp(text('rangeFormat', 'first', first));
  const b = parseIp(text('rangeFormat', 'last', last));
  if (a === undefined) throw new NativeError('rangeFormat', `'first' ${describe(first)} is not an IP address`);
  if (b === undefined) throw new NativeError('rangeFormat', `'last' ${describe(last)} is not an IP address`);
  if (a.family !== b.family) throw new NativeError('rangeFormat', `${describe(first)} and ${describe(last)} are of different families; a range has one`);
  if (a.value > b.value) throw new NativeError('rangeFormat', `'first' ${describe(first)} comes after 'last' ${describe(last)}; swap them`);
  return formatRange(a.value, b.value, a.family);
}

/**
 * `rangesMerge(entriesJson)`: the entries of a JSON list, merged where they overlap or touch,
 * sorted, IPv4 before IPv6.
 */
export function rangesMerge(entriesJson: Primitive): JsonValue {
  const entries = entryList('rangesMerge', 'entries', entriesJson);
  return formatSets({ 4: byFamily(entries, 4), 6: byFamily(entries, 6) });
}

/** `rangesSubtract(fromJson, minusJson)`: the addresses of the first JSON list not in the second. */
export function rangesSubtract(fromJson: Primitive, minusJson: Primitive): JsonValue {
  const from = entryList('rangesSubtract', 'from', fromJson);
  const minus = entryList('rangesSubtract', 'minus', minusJson);
  return formatSets({
    4: subtract(byFamily(from, 4), byFamily(minus, 4)),
    6: subtract(byFamily(from, 6), byFamily(minus, 6)),
  });
}

/** Every native function by the name Jsonnet calls it with (`std.native('cidrHost')`). */
export const NATIVE_FUNCTIONS: Readonly<Record<string, NativeFunction>> = {
  ipParse: { params: ['address'], call: (a) => ipParse(a) },
  ipValid: { params: ['address'], call: (a) => ipValid(a) },
  cidrParse: { params: ['cidr'], call: (a) => cidrParse(a) },
  cidrContains: { params: ['cidr', 'entry'], call: (a, b) => cidrContains(a, b) },
  cidrOverlaps: { params: ['a', 'b'], call: (a, b) => cidrOverlaps(a, b) },
  cidrSubnet: { params: ['cidr', 'newPrefix', 'index'], call: (a, b, c) => cidrSubnet(a, b, c) },
  cidrSize: { params: ['cidr'], call: (a) => cidrSize(a) },
  cidrHost: { params: ['cidr', 'n'], call: (a, b) => cidrHost(a, b) },
  rangeParse: { params: ['entry'], call: (a) => rangeParse(a) },
  rangeFormat: { params: ['first', 'last'], call: (a, b) => rangeFormat(a, b) },
  rangesMerge: { params: ['entries'], call: (a) => rangesMerge(a) },
  rangesSubtract: { params: ['from', 'minus'], call: (a, b) => rangesSubtract(a, b) },
};
