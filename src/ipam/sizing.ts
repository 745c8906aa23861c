/**
 * How big a planned pool is, and how many addresses the provider will hand out from it.
 *
 * The sizing rule:
 *
 * - Without an explicit size a pool asks for `peak + max(2, ceil(peak / 4))` addresses: its
 *   machines' peak plus a quarter as headroom, at least two. A pool with peak 0 therefore still
 *   gets 2 addresses: a pool needs at least one address to be valid, and a cluster scaled to
 *   zero can scale up again without a re-plan.
 * - With an explicit size the pool asks for exactly that many (>= 1).
 * - In an `aligned` network the ask is rounded up to the next power of two (one CIDR block);
 *   in a `packed` network it is taken as it is.
 * - A locked pool that needs more than it holds grows by one appended range of
 *   `ask - held` addresses (rounded the same way); it never shrinks unless re-planned, and only
 *   an explicit size can ask it to (see `isShrink`).
 */
import { blockOf, type Family } from './ip.js';
import type { Allocation } from './plan-model.js';
import { normalize, size, subtract, type Range } from './ranges.js';

/** The headroom added to a peak: `max(2, ceil(peak / 4))`. */
export function headroomFor(peak: bigint): bigint {
  const quarter = (peak + 3n) / 4n;
  return quarter > 2n ? quarter : 2n;
}

/**
 * The number of addresses a pool asks for before rounding: the explicit size when given,
 * otherwise `peak + headroomFor(peak)`.
 */
export function askedSize(peak: bigint, explicitSize: bigint | undefined): bigint {
  return explicitSize ?? peak + headroomFor(peak);
}

/** The smallest power of two >= `count` (`count` >= 1). */
export function nextPowerOfTwo(count: bigint): bigint {
  return count <= 1n ? 1n : 1n << BigInt((count - 1n).toString(2).length);
}

/** The block a network carves for `count` addresses: a power of two when aligned, else `count`. */
export function blockFor(count: bigint, allocation: Allocation): bigint {
  return allocation === 'aligned' ? nextPowerOfTwo(count) : count;
}

/**
 * The size of the range to append to a pool that holds `held` allocatable addresses and asks
 * for `asked`; 0 when it holds enough.
 */
export function growthFor(asked: bigint, held: bigint, allocation: Allocation): bigint {
  return asked > held ? blockFor(asked - held, allocation) : 0n;
}

/**
 * Whether an explicit size asks a locked pool that holds `held` addresses to shrink: in an
 * aligned network when the pool holds at least twice the size (it would fit a block half as
 * large), in a packed network when it holds more than the size. Neither a fresh block nor an
 * appended range ever looks like a shrink afterwards (both leave `held < 2 * size`), so a
 * re-plan with the same size is stable. A pool sized by the headroom rule never shrinks.
 */
export function isShrink(explicitSize: bigint | undefined, held: bigint, allocation: Allocation): boolean {
  if (explicitSize === undefined) return false;
  return allocation === 'aligned' ? 2n * explicitSize <= held : explicitSize < held;
}

/**
 * The number of addresses the In-Cluster IPAM provider hands out from a pool whose `addresses`
 * are `ranges` (with `allocateReservedIPAddresses` false): the union of the ranges, without the
 * first address of the subnet `<lowest address>/<prefix>` (IPv4 network address, IPv6
 * subnet-router anycast), without its last address for IPv4 (broadcast), without the gateway.
 */
export function poolCapacity(ranges: readonly Range[], prefix: number, family: Family, gateway?: bigint): bigint {
  if (ranges.length === 1) {
    // One range (the common case): its size, less each distinct removed address it holds.
    const { start, end } = ranges[0]!;
    const subnet = blockOf(start, prefix, family);
    const removed = [subnet.start];
    if (family === 4 && subnet.end !== subnet.start) removed.push(subnet.end);
    if (gateway !== undefined && !removed.includes(gateway)) removed.push(gateway);
    let total = end - start + 1n;
    for (const value of removed) if (start <= value && value <= end) total--;
    return total;
  }
  const set = normalize(ranges);
  if (set.length === 0) return 0n;
  const subnet = blockOf(set[0]!.start, prefix, family);
  const removed: Range[] = [{ start: subnet.start, end: subnet.start }];
  if (family === 4) removed.push({ start: subnet.end, end: subnet.end });
  if (gateway !== undefined) removed.push({ start: gateway, end: gateway });
  return size(subtract(set, normalize(removed)));
}
