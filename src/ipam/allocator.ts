/**
 * Which address a claim gets, and a pool's status counts, as the In-Cluster IPAM provider
 * computes them: the allocatable set of a pool spec, the lowest free address in it, and
 * `status.ipAddresses` {total, used, free, outOfRange}.
 *
 * `PoolAllocator` keeps one pool's state incrementally (free addresses in a balanced interval
 * tree), so that binding a claim costs O(log n) however many addresses are in use; the stateless
 * `nextFreeAddress` and `poolUsage` build one from `(spec, inUse)` and ask it once.
 */
import { ProblemError, type Problem } from '../problems.js';
import { parseIpError } from './ip.js';
import { entryKeys, formatKey, keyFamily, parseAddressKey, parseIpv4Number, parsePoolEntry, subnetOf } from './pool-entries.js';
import { effectivePrefix, type PoolSpec } from './pool-spec.js';
import { RangeTree } from './range-tree.js';
import { contains, intersect, normalize, size, subtract, type Range, type RangeSet } from './ranges.js';
import { compareText } from '../vocabulary.js';

/** A count as the provider reports it: a number, or a bigint beyond `Number.MAX_SAFE_INTEGER`. */
export type Count = number | bigint;

/**
 * A pool's `status.ipAddresses`. Each field is a `number` when its value lies within
 * ±`Number.MAX_SAFE_INTEGER` and a `bigint` otherwise; `total` and `outOfRange` saturate at
 * 2^63−1 (`9223372036854775807n`, Go's `math.MaxInt`) as the provider's do, and `free` is
 * `total − used` computed from the saturated total (so it can be negative).
 */
export interface PoolUsage {
  /** Number of allocatable addresses (gateway, exclusions and reserved addresses taken out). */
  readonly total: Count;
  /** Number of IPAddress objects of the pool (objects, not distinct addresses). */
  readonly used: Count;
  /** `total − used`, a plain difference. */
  readonly free: Count;
  /** Number of distinct in-use addresses (plain addresses only) outside the allocatable set. */
  readonly outOfRange: Count;
}

/** Go's `math.MaxInt` on 64-bit platforms: where the provider's counts saturate. */
export const MAX_COUNT = (1n << 63n) - 1n;

function toCount(value: bigint): Count {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return value <= limit && value >= -limit ? Number(value) : value;
}

function saturate(value: bigint): bigint {
  return value > MAX_COUNT ? MAX_COUNT : value;
}

/** Parses a list of entries into key ranges, or records a problem per entry that fails. */
function entryRanges(path: string, texts: readonly string[], problems: Problem[]): Range[] {
  const out: Range[] = [];
  texts.forEach((text, i) => {
    const entry = parsePoolEntry(text);
    if (entry === undefined) {
      problems.push({ path: `${path}[${i}]`, message: `"${text}" is not a valid IP, range, nor CIDR; the pool cannot hand out addresses until it is fixed` });
    } else {
      out.push(entryKeys(entry));
    }
  });
  return out;
}

/**
 * The allocatable set of a pool spec, as sorted key ranges (see `pool-entries.ts` for keys):
 * the union of `addresses`, minus `excludedAddresses`, minus (unless
 * `allocateReservedIPAddresses`) the first address and, for IPv4, the last address of the subnet
 * `<lowest address>/<prefix>`, minus the gateway.
 *
 * Works, like the provider, on specs that fail phase 2 of validation (entries in other subnets,
 * an impossible prefix: then nothing is reserved) and on specs mixing families.
 *
 * @throws ProblemError when the provider cannot build the set either: an entry or the gateway
 * does not parse, the prefix is not an integer, or `addresses` is empty while reserved addresses
 * are not allowed (the provider fails there too).
 */
export function allocatableSet(spec: PoolSpec): Range[] {
  const problems: Problem[] = [];
  const addresses = normalize(entryRanges('spec.addresses', spec.addresses ?? [], problems));
  const excluded = normalize(entryRanges('spec.excludedAddresses', spec.excludedAddresses ?? [], problems));
  const prefix = effectivePrefix(spec);
  if (!Number.isInteger(prefix)) problems.push({ path: 'spec.prefix', message: `${prefix} is not an integer prefix length` });
  const gatewayText = spec.gateway ?? '';
  const gateway = gatewayText === '' ? undefined : parseAddressKey(gatewayText);
  if (gatewayText !== '' && gateway === undefined) {
    problems.push({ path: 'spec.gateway', message: parseIpError(gatewayText)! });
  }
  const reserveSubnetEnds = spec.allocateReservedIPAddresses !== true;
  if (reserveSubnetEnds && addresses.length === 0 && problems.length === 0) {
    problems.push({ path: 'spec.addresses', message: 'the pool has no addresses; list at least one address, range or CIDR' });
  }
  if (problems.length > 0) throw new ProblemError('validation', problems);

  const removed: Range[] = [...excluded];
  if (reserveSubnetEnds) {
    const subnet = subnetOf(addresses[0]!.start, prefix);
    if (subnet !== undefined) {
      removed.push({ start: subnet.start, end: subnet.start });
      if (keyFamily(subnet.start) === 4) removed.push({ start: subnet.end, end: subnet.end });
    }
  }
  if (gateway !== undefined) removed.push({ start: gateway, end: gateway });
  return subtract(addresses, normalize(removed));
}

/**
 * What the `spec.address` of one IPAddress object stands for. The provider reads it with two
 * parsers that disagree on odd texts (a zone may contain `-` or `/`: `::%a-::1` is the address
 * `::` to one and the range `::`–`::1` to the other):
 * - to pick the next address, as a pool entry: `holds` is the key range it keeps from being
 *   handed out, or `undefined` when it does not parse (which stops every allocation);
 * - to count out-of-range addresses, as a plain address (`netip.ParseAddr`): `address`.
 * Two texts with the same `identity` mean the same in both readings. A *plain* text (an address
 * without `-` or `/`, the only kind the provider itself writes) has its key as identity, holds
 * just that address and is read once; every other text is *odd*.
 */
interface Held {
  readonly identity: bigint | string;
  readonly text: string;
  readonly holds: Range | undefined;
  readonly address: bigint | undefined;
}

/** Whether an address text is plain: read as an entry it means the same single address. */
function isPlain(text: string): boolean {
  return !text.includes('-') && !text.includes('/');
}

function readHeld(text: string): Held {
  const address = parseAddressKey(text);
  if (address !== undefined && isPlain(text)) {
    return { identity: address, text, holds: { start: address, end: address }, address };
  }
  const entry = parsePoolEntry(text);
  const holds = entry === undefined ? undefined : entryKeys(entry);
  const meaning = holds === undefined ? `text:${text}` : `${holds.start}-${holds.end}`;
  return { identity: `${meaning}|${address ?? ''}`, text, holds, address };
}

function increment<K>(map: Map<K, number>, key: K): number {
  const count = (map.get(key) ?? 0) + 1;
  map.set(key, count);
  return count;
}

/** Decrements a count that is known to be there; returns what is left. */
function decrement<K>(map: Map<K, number>, key: K): number {
  const count = map.get(key)! - 1;
  if (count === 0) map.delete(key);
  else map.set(key, count);
  return count;
}

/**
 * One pool's allocation state, kept up to date one IPAddress at a time.
 *
 * It holds the pool's allocatable set (fixed), the free addresses (allocatable and held by no
 * IPAddress, as intervals in a balanced tree) and the IPAddress objects by what they hold, with
 * multiplicity (two objects may name one address). `next`, `allocateNext`, `allocate`,
 * `release` and `isFree` cost O(log n) in the number of free intervals, `usage` O(1).
 * (Objects whose address is a range, CIDR or junk — only hand-made IPAddresses hold those — are
 * kept apart and cost O(their number) when an address is released.)
 *
 * A spec change means a new allocator (`PoolAllocator.fromSpec`).
 */
export class PoolAllocator {
  /**
   * Builds the state of a pool from its spec and the `spec.address` of every IPAddress that
   * references it (any order, duplicates allowed): O(n log n) in `inUse`.
   *
   * @throws ProblemError when the spec cannot be allocated from (see `allocatableSet`)
   */
  public static fromSpec(spec: PoolSpec, inUse: readonly string[] = []): PoolAllocator {
    const allocatable = allocatableSet(spec);
    const allocator = new PoolAllocator(allocatable);
    // Plain addresses (nearly all) go in bulk: IPv4 parsed straight into a typed array and sorted
    // natively as numbers unless they come in order (no bigint per address: only the bounds of
    // the runs they form become bigints), their per-object bookkeeping built only when an
    // incremental call needs it.
    const ipv4 = new Uint32Array(inUse.length);
    let ipv4Count = 0;
    let ascending = true;
    const ipv6: bigint[] = [];
    const odd: Held[] = [];
    for (const text of inUse) {
      // A text with a colon never parses as IPv4, so this also sorts the families apart.
      const value = parseIpv4Number(text);
      if (value !== undefined) {
        if (ipv4Count > 0 && value < ipv4[ipv4Count - 1]!) ascending = false;
        ipv4[ipv4Count++] = value;
        continue;
      }
      if (text.includes(':') && isPlain(text)) {
        const key = parseAddressKey(text);
        if (key !== undefined) {
          ipv6.push(key);
          continue;
        }
      }
      odd.push(readHeld(text));
    }
    ipv6.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const sorted = ipv4.subarray(0, ipv4Count);
    const taken = allocator.holdSorted(ascending ? sorted : sorted.sort(), ipv6);
    for (const held of odd) {
      allocator.hold(held);
      if (held.holds !== undefined) taken.push(held.holds);
    }
    // The runs of plain addresses are normalised already; odd objects may overlap them.
    allocator.free = RangeTree.fromNormalized(subtract(allocatable, odd.length === 0 ? taken : normalize(taken)));
    return allocator;
  }

  private readonly allocatable: RangeSet;
  private readonly total: bigint;
  private free = new RangeTree();
  /** Every object, by identity (see `objects`). */
  private readonly identities = new Map<bigint | string, number>();
  /** Plain addresses from `fromSpec` (IPv4 values and IPv6 keys), not yet counted in `identities`. */
  private pending: { readonly ipv4: Uint32Array; readonly ipv6: readonly bigint[] } | undefined;
  private objectCount = 0;
  /** Odd objects that hold addresses, by identity. */
  private readonly oddHolders = new Map<string, Range>();
  /** Odd objects whose address is not a valid IP, range, nor CIDR, by text. */
  private readonly unparsable = new Map<string, number>();
  /** Odd objects that parse as a plain address, by that address (plain objects are in `objects`). */
  private readonly oddAddresses = new Map<bigint, number>();
  private outOfRange = 0;

  private constructor(allocatable: RangeSet) {
    this.allocatable = allocatable;
    this.total = saturate(size(allocatable));
  }

  /**
   * The address the next claim gets: the lowest allocatable address not in use, in canonical
   * text, or `null` when none is left (the provider's "no address available").
   *
   * @throws ProblemError while an in-use address does not parse (the provider then fails every
   * allocation from the pool, rather than reporting exhaustion)
   */
  public next(): string | null {
    this.assertAllParsed();
    const first = this.free.first();
    return first === undefined ? null : formatKey(first.start);
  }

  /**
   * Takes the next address for a new IPAddress: `next()` and `allocate()` in one step.
   *
   * @returns the address, or `null` when none is left
   * @throws ProblemError as `next()`
   */
  public allocateNext(): string | null {
    this.assertAllParsed();
    const first = this.free.first();
    if (first === undefined) return null;
    const key = first.start;
    const text = formatKey(key);
    this.hold({ identity: key, text, holds: { start: key, end: key }, address: key });
    this.free.remove(key, key);
    return text;
  }

  /**
   * Records one more IPAddress object holding `address`: one the pool gave out, one outside it,
   * a duplicate, or one that does not parse (which then stops allocation until released).
   */
  public allocate(address: string): void {
    const held = readHeld(address);
    this.hold(held);
    if (held.holds !== undefined) this.free.remove(held.holds.start, held.holds.end);
  }

  /**
   * Records that one IPAddress object holding `address` (or another spelling of it) is gone. The
   * address is free again once no object holds it, if it is allocatable.
   *
   * @returns whether such an object was recorded (if not, nothing changes)
   */
  public release(address: string): boolean {
    const held = readHeld(address);
    if (!this.objects.has(held.identity)) return false;
    const left = decrement(this.objects, held.identity);
    this.objectCount--;
    if (typeof held.identity === 'string') {
      if (left === 0) this.oddHolders.delete(held.identity);
      if (held.holds === undefined) decrement(this.unparsable, held.text);
      if (held.address !== undefined) decrement(this.oddAddresses, held.address);
    }
    if (held.address !== undefined && !this.isAddressHeld(held.address) && !contains(this.allocatable, held.address)) {
      this.outOfRange--;
    }
    if (left === 0 && held.holds !== undefined) this.giveBack(held.holds);
    return true;
  }

  /** Whether `address` is allocatable and held by no IPAddress object. */
  public isFree(address: string): boolean {
    const key = parseAddressKey(address);
    return key !== undefined && this.free.has(key);
  }

  /** Whether `address` is in the pool's allocatable set (in use or not). */
  public isAllocatable(address: string): boolean {
    const key = parseAddressKey(address);
    return key !== undefined && contains(this.allocatable, key);
  }

  /** The pool's `status.ipAddresses`, as the provider computes it (see `PoolUsage`). */
  public usage(): PoolUsage {
    const used = BigInt(this.objectCount);
    return {
      total: toCount(this.total),
      used: toCount(used),
      free: toCount(this.total - used),
      outOfRange: toCount(saturate(BigInt(this.outOfRange))),
    };
  }

  /**
   * Every object, by identity. A stateless call never needs the per-object counts, so those of
   * the plain addresses given to `fromSpec` are only counted here, on first use.
   */
  private get objects(): Map<bigint | string, number> {
    if (this.pending !== undefined) {
      for (const value of this.pending.ipv4) increment(this.identities, BigInt(value));
      for (const key of this.pending.ipv6) increment(this.identities, key);
      this.pending = undefined;
    }
    return this.identities;
  }

  /**
   * Counts objects holding the sorted plain addresses (IPv4 values, then IPv6 keys; duplicates
   * allowed), in one pass with the allocatable set for `outOfRange`; returns what they hold as
   * sorted, merged runs (a normalised set). IPv4 is worked on as numbers: every IPv4 key is below
   * 2^32, and a bound converted with `Number` keeps its order against those exactly.
   */
  private holdSorted(ipv4: Uint32Array, ipv6: readonly bigint[]): Range[] {
    this.pending = { ipv4, ipv6 };
    this.objectCount += ipv4.length + ipv6.length;
    const runs: Range[] = [];
    const ranges = this.allocatable;
    let at = 0;
    if (ipv4.length > 0) {
      let start = ipv4[0]!;
      let end = start - 1;
      let rangeStart = ranges.length > 0 ? Number(ranges[0]!.start) : Infinity;
      let rangeEnd = ranges.length > 0 ? Number(ranges[0]!.end) : Infinity;
      for (let i = 0; i < ipv4.length; i++) {
        const value = ipv4[i]!;
        if (value === end && i > 0) continue;
        while (at < ranges.length && rangeEnd < value) {
          at++;
          rangeStart = at < ranges.length ? Number(ranges[at]!.start) : Infinity;
          rangeEnd = at < ranges.length ? Number(ranges[at]!.end) : Infinity;
        }
        if (at === ranges.length || rangeStart > value) this.outOfRange++;
        if (value !== end + 1) {
          if (i > 0) runs.push({ start: BigInt(start), end: BigInt(end) });
          start = value;
        }
        end = value;
      }
      runs.push({ start: BigInt(start), end: BigInt(end) });
    }
    let last: { start: bigint; end: bigint } | undefined;
    for (let i = 0; i < ipv6.length; i++) {
      const key = ipv6[i]!;
      if (i > 0 && key === ipv6[i - 1]) continue;
      while (at < ranges.length && ranges[at]!.end < key) at++;
      if (at === ranges.length || ranges[at]!.start > key) this.outOfRange++;
      if (last !== undefined && last.end + 1n === key) {
        last.end = key;
      } else {
        last = { start: key, end: key };
        runs.push(last);
      }
    }
    return runs;
  }

  /** Counts one more object; leaves the free set alone. */
  private hold(held: Held): void {
    const newAddress = held.address !== undefined && !this.isAddressHeld(held.address);
    const count = increment(this.objects, held.identity);
    this.objectCount++;
    if (typeof held.identity === 'string') {
      if (count === 1 && held.holds !== undefined) this.oddHolders.set(held.identity, held.holds);
      if (held.holds === undefined) increment(this.unparsable, held.text);
      if (held.address !== undefined) increment(this.oddAddresses, held.address);
    }
    if (newAddress && !contains(this.allocatable, held.address!)) this.outOfRange++;
  }

  /** Whether some object's text parses as the plain address `key` (what `outOfRange` counts). */
  private isAddressHeld(key: bigint): boolean {
    return this.objects.has(key) || this.oddAddresses.has(key);
  }

  /** Frees what `range` held, except addresses outside the pool or still held by other objects. */
  private giveBack(range: Range): void {
    const stillHeld: Range[] = [...this.oddHolders.values()];
    if (range.start === range.end) {
      const key = range.start;
      if (this.objects.has(key) || !contains(this.allocatable, key)) return;
      if (stillHeld.some((r) => r.start <= key && key <= r.end)) return;
      this.free.add(key, key);
      return;
    }
    for (const key of this.objects.keys()) {
      if (typeof key === 'bigint' && range.start <= key && key <= range.end) stillHeld.push({ start: key, end: key });
    }
    for (const piece of subtract(intersect(this.allocatable, [range]), normalize(stillHeld))) this.free.add(piece.start, piece.end);
  }

  private assertAllParsed(): void {
    if (this.unparsable.size === 0) return;
    const texts = [...this.unparsable.keys()].sort(compareText);
    throw new ProblemError('validation', texts.map((text) => ({
      path: 'inUse',
      message: `the IPAddress address "${text}" is not a valid IP, range, nor CIDR; the provider allocates nothing from this pool until that IPAddress is fixed or deleted`,
    })));
  }
}

/**
 * The address the next claim on the pool gets, as the provider picks it: the lowest address of
 * the allocatable set that no IPAddress holds (`inUse`: the `spec.address` of every IPAddress
 * referencing the pool; the gateway is never handed out).
 *
 * @returns the canonical text of the address, or `null` when the pool is exhausted
 * @throws ProblemError when the provider fails instead: the spec cannot be parsed (see
 * `allocatableSet`) or an in-use address is not a valid IP, range, nor CIDR
 */
export function nextFreeAddress(spec: PoolSpec, inUse: readonly string[]): string | null {
  return PoolAllocator.fromSpec(spec, inUse).next();
}

/**
 * The pool's `status.ipAddresses` as the provider computes it: `total` = size of the allocatable
 * set, `used` = `inUse.length` (objects, duplicates and unparsable ones included), `free` =
 * total − used, `outOfRange` = distinct parsable in-use addresses outside the allocatable set.
 * See `PoolUsage` for when a field is a bigint.
 *
 * @throws ProblemError when the spec cannot be parsed (see `allocatableSet`)
 */
export function poolUsage(spec: PoolSpec, inUse: readonly string[]): PoolUsage {
  return PoolAllocator.fromSpec(spec, inUse).usage();
}
