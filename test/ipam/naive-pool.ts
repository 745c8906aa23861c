/**
 * A naive reference for the allocator, written from the provider's rules with none of the
 * allocator's code: every pool is enumerated address by address (so only small pools), sets are
 * JavaScript Sets of `family:value` strings, and nothing is clever. The property tests compare
 * the real allocator against it. Only the address parser of `ip.ts` is shared (it has its own tests).
 */
import fc from 'fast-check';
import { formatIp, parseCidr, parseIp, type Family } from '../../src/ipam/ip.js';
import type { PoolSpec } from '../../src/ipam/pool-spec.js';

export interface NaiveAddress {
  readonly family: Family;
  readonly value: bigint;
}

interface NaiveRange {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
}

const WIDTH: Record<Family, number> = { 4: 32, 6: 128 };

export const idOf = (a: NaiveAddress): string => `${a.family}:${a.value}`;

function compare(a: NaiveAddress, b: NaiveAddress): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** One entry: a-b, a CIDR, or one address; `undefined` when invalid. */
export function naiveEntry(text: string): NaiveRange | undefined {
  if (text.includes('-')) {
    const at = text.indexOf('-');
    const a = parseIp(text.slice(0, at), { allowZone: true });
    const b = parseIp(text.slice(at + 1), { allowZone: true });
    if (!a || !b || a.family !== b.family || b.value < a.value) return undefined;
    return { family: a.family, start: a.value, end: b.value };
  }
  if (text.includes('/')) {
    const c = parseCidr(text);
    return c && { family: c.family, start: c.start, end: c.end };
  }
  const ip = parseIp(text, { allowZone: true });
  return ip && { family: ip.family, start: ip.value, end: ip.value };
}

function covers(r: NaiveRange, a: NaiveAddress): boolean {
  return r.family === a.family && r.start <= a.value && a.value <= r.end;
}

function enumerate(r: NaiveRange): NaiveAddress[] {
  if (r.end - r.start > 4096n) throw new Error('naive reference only handles small entries');
  const out: NaiveAddress[] = [];
  for (let v = r.start; v <= r.end; v++) out.push({ family: r.family, value: v });
  return out;
}

/** The allocatable addresses in ascending order, or 'error' when the provider could not build them. */
export function naiveAllocatable(spec: PoolSpec): NaiveAddress[] | 'error' {
  const entries = spec.addresses.map(naiveEntry);
  const excluded = (spec.excludedAddresses ?? []).map(naiveEntry);
  if (entries.some((e) => e === undefined) || excluded.some((e) => e === undefined)) return 'error';
  const gatewayText = spec.gateway ?? '';
  const gateway = gatewayText === '' ? undefined : parseIp(gatewayText, { allowZone: true });
  if (gatewayText !== '' && gateway === undefined) return 'error';

  const all = new Map<string, NaiveAddress>();
  for (const e of entries) for (const a of enumerate(e!)) all.set(idOf(a), a);
  let members = [...all.values()].sort(compare);
  members = members.filter((a) => !excluded.some((x) => covers(x!, a)));

  if (spec.allocateReservedIPAddresses !== true) {
    if (all.size === 0) return 'error';
    const lowest = [...all.values()].sort(compare)[0]!;
    const prefix = spec.prefix ?? 0;
    if (prefix >= 0 && prefix <= WIDTH[lowest.family]) {
      const hostBits = BigInt(WIDTH[lowest.family] - prefix);
      const network = lowest.value - (lowest.value % (1n << hostBits));
      const last = network + (1n << hostBits) - 1n;
      members = members.filter((a) => !(a.family === lowest.family && a.value === network));
      if (lowest.family === 4) members = members.filter((a) => !(a.family === 4 && a.value === last));
    }
  }
  if (gateway) members = members.filter((a) => !(a.family === gateway.family && a.value === gateway.value));
  return members;
}

/** The next address the provider hands out, `null` when none, 'error' when it fails. */
export function naiveNext(spec: PoolSpec, inUse: readonly string[]): string | null | 'error' {
  const members = naiveAllocatable(spec);
  if (members === 'error') return 'error';
  const held = inUse.map(naiveEntry);
  if (held.some((h) => h === undefined)) return 'error';
  const free = members.find((a) => !held.some((h) => covers(h!, a)));
  return free === undefined ? null : formatIp(free.value, free.family);
}

/** The provider's status counts (small pools only, so always numbers). */
export function naiveUsage(spec: PoolSpec, inUse: readonly string[]): { total: number; used: number; free: number; outOfRange: number } | 'error' {
  const members = naiveAllocatable(spec);
  if (members === 'error') return 'error';
  const inPool = new Set(members.map(idOf));
  const outside = new Set<string>();
  for (const text of inUse) {
    const ip = parseIp(text, { allowZone: true });
    if (ip && !inPool.has(idOf(ip))) outside.add(idOf(ip));
  }
  return { total: members.length, used: inUse.length, free: members.length - inUse.length, outOfRange: outside.size };
}

/** The addresses (plain, parsable) in use that the spec does not allocate, ascending. */
export function naiveStranded(spec: PoolSpec, inUse: readonly string[]): NaiveAddress[] {
  const members = naiveAllocatable(spec);
  if (members === 'error') throw new Error('naiveStranded needs a spec that parses');
  const inPool = new Set(members.map(idOf));
  const out = new Map<string, NaiveAddress>();
  for (const text of inUse) {
    const ip = parseIp(text, { allowZone: true });
    if (ip && !inPool.has(idOf(ip))) out.set(idOf(ip), ip);
  }
  return [...out.values()].sort(compare);
}

/**
 * When two in-use texts are the same object for releasing: they mean the same both as a pool
 * entry (what allocation skips) and as a plain address (what the counts see).
 */
export function heldIdentity(text: string): string {
  const ip = parseIp(text, { allowZone: true });
  const r = naiveEntry(text);
  return `${r ? `${r.family}:${r.start}-${r.end}` : `text:${text}`}|${ip ? idOf(ip) : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Generators: small pools around a window of 256 addresses, in every spelling the provider takes.

/** Spells an address: canonical, or for IPv6 upper case with every group written out. */
export function spell(family: Family, value: bigint, style: number): string {
  if (family === 4 || style % 3 === 0) return formatIp(value, family);
  if (style % 3 === 1) {
    const groups: string[] = [];
    for (let i = 7; i >= 0; i--) groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16).toUpperCase());
    return groups.join(':');
  }
  return `${formatIp(value, family)}%eth0`;
}

export interface Window {
  readonly family: Family;
  readonly base: bigint;
}

export const windowArb: fc.Arbitrary<Window> = fc.constantFrom<Family>(4, 6).chain((family) => {
  const max = (1n << BigInt(WIDTH[family])) - 256n;
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: max >> 8n }).map((b) => b << 8n) },
    { weight: 1, arbitrary: fc.constantFrom(0n, max) },
  ).map((base) => ({ family, base }));
});

const offsetArb = fc.integer({ min: 0, max: 255 }).map(BigInt);

/** An address text in the window (sometimes a zone, another spelling, or the other family). */
export function addressArb(w: Window): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(offsetArb, fc.nat(5)).map(([o, style]) => spell(w.family, w.base + o, style)) },
    { weight: 1, arbitrary: offsetArb.map((o) => (w.family === 4 ? `::ffff:${formatIp(w.base + o, 4)}` : formatIp((w.base + o) & 0xffffffffn, 4))) },
  );
}

/** A pool entry text in the window: an address, a range or a small CIDR with host bits. */
export function entryArb(w: Window): fc.Arbitrary<string> {
  const width = WIDTH[w.family];
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(offsetArb, fc.nat(5)).map(([o, s]) => spell(w.family, w.base + o, s)) },
    {
      weight: 3,
      arbitrary: fc.tuple(offsetArb, fc.integer({ min: 0, max: 40 }), fc.nat(5), fc.nat(5)).map(([o, len, s1, s2]) => {
        const end = w.base + o + BigInt(len) > w.base + 255n ? w.base + 255n : w.base + o + BigInt(len);
        return `${spell(w.family, w.base + o, s1)}-${spell(w.family, end, s2)}`;
      }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(offsetArb, fc.integer({ min: width - 5, max: width })).map(([o, len]) => `${formatIp(w.base + o, w.family)}/${len}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'bogus', '10.0.0.010', `${formatIp(w.base + 9n, w.family)}-${formatIp(w.base + 3n, w.family)}`) },
  );
}

/** A small pool spec in the window, valid or not (entries elsewhere, odd prefixes, bad texts). */
export function specArb(w: Window): fc.Arbitrary<PoolSpec> {
  const width = WIDTH[w.family];
  return fc.record({
    addresses: fc.array(entryArb(w), { minLength: 1, maxLength: 4 }),
    prefix: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: width - 8, max: width }) },
      { weight: 1, arbitrary: fc.constantFrom(0, width + 1, width - 9) },
    ),
    gateway: fc.option(fc.oneof({ weight: 8, arbitrary: addressArb(w) }, { weight: 1, arbitrary: fc.constantFrom('', 'gw') }), { nil: undefined }),
    allocateReservedIPAddresses: fc.option(fc.boolean(), { nil: undefined }),
    excludedAddresses: fc.option(fc.array(entryArb(w), { maxLength: 2 }), { nil: undefined }),
  });
}

/** In-use texts: mostly addresses of the window (duplicates likely), now and then a range or junk. */
export function inUseArb(w: Window, maxLength = 12): fc.Arbitrary<string[]> {
  return fc.array(
    fc.oneof(
      { weight: 12, arbitrary: addressArb(w) },
      { weight: 1, arbitrary: entryArb(w) },
    ),
    { maxLength },
  );
}
