/**
 * First-fit placement in free space: the lowest place where a block fits, over a normalised set
 * of free intervals (`ranges.ts`), without ever rescanning from the start per request.
 *
 * - Aligned blocks: requests of equal size are placed in one pass over the free list that
 *   resumes where the previous block went (everything before it is too small or misaligned for
 *   a block of that size); the planner hands requests over largest first, so there is one pass
 *   per distinct block size (at most 129).
 * - Packed runs: a run is cut from the front of the first free interval long enough for it, so
 *   intervals only shrink and never split; a max-tree over interval lengths finds that interval
 *   in O(log n).
 * - Single addresses from the top (endpoint VIPs): one pass from the highest free address down.
 *
 * Every function returns the free space that is left, still normalised.
 */
import type { Range } from './ranges.js';

/** A request for `size` consecutive addresses on behalf of `item`. */
export interface BlockRequest<T> {
  readonly item: T;
  readonly size: bigint;
}

/** Where the requests went and what space is left. */
export interface PlacementResult<T> {
  /** One entry per placed request, in request order. */
  readonly placed: readonly { readonly item: T; readonly range: Range }[];
  /** The requests that found no room, in request order. */
  readonly failed: readonly T[];
  /** The free space left, normalised. */
  readonly free: Range[];
}

function alignUp(value: bigint, block: bigint): bigint {
  const rest = value % block;
  return rest === 0n ? value : value + block - rest;
}

/**
 * Places power-of-two blocks, each on a multiple of its own size, first fit in request order.
 * Efficient when equal sizes come together (largest first).
 */
export function placeAligned<T>(free: readonly Range[], requests: readonly BlockRequest<T>[]): PlacementResult<T> {
  const placed: { item: T; range: Range }[] = [];
  const failed: T[] = [];
  let current: Range[] = [...free];
  let i = 0;
  while (i < requests.length) {
    const block = requests[i]!.size;
    let j = i;
    while (j < requests.length && requests[j]!.size === block) j++;
    // One pass for requests[i, j), all of size `block`.
    const next: Range[] = [];
    let r = i;
    let k = 0;
    for (; k < current.length && r < j; k++) {
      const interval = current[k]!;
      let cursor = interval.start;
      while (r < j) {
        const start = alignUp(cursor, block);
        const end = start + block - 1n;
        if (end > interval.end) break;
        if (start > cursor) next.push({ start: cursor, end: start - 1n });
        placed.push({ item: requests[r]!.item, range: { start, end } });
        r++;
        cursor = end + 1n;
      }
      if (cursor <= interval.end) next.push({ start: cursor, end: interval.end });
    }
    for (; k < current.length; k++) next.push(current[k]!);
    for (; r < j; r++) failed.push(requests[r]!.item);
    current = next;
    i = j;
  }
  return { placed, failed, free: current };
}

/** A binary max-tree over interval lengths: leftmost interval at least `n` long in O(log n). */
class LengthTree {
  private readonly leaves: number;
  private readonly max: bigint[];

  public constructor(lengths: readonly bigint[]) {
    let leaves = 1;
    while (leaves < lengths.length) leaves *= 2;
    this.leaves = leaves;
    this.max = new Array<bigint>(2 * leaves).fill(0n);
    lengths.forEach((length, i) => (this.max[leaves + i] = length));
    for (let node = leaves - 1; node >= 1; node--) {
      const left = this.max[2 * node]!;
      const right = this.max[2 * node + 1]!;
      this.max[node] = left >= right ? left : right;
    }
  }

  public set(index: number, length: bigint): void {
    let node = this.leaves + index;
    this.max[node] = length;
    for (node >>= 1; node >= 1; node >>= 1) {
      const left = this.max[2 * node]!;
      const right = this.max[2 * node + 1]!;
      this.max[node] = left >= right ? left : right;
    }
  }

  public firstAtLeast(length: bigint): number {
    if (this.max[1]! < length) return -1;
    let node = 1;
    while (node < this.leaves) node = this.max[2 * node]! >= length ? 2 * node : 2 * node + 1;
    return node - this.leaves;
  }
}

/** Places runs of exactly `size` addresses, first fit in request order, no alignment. */
export function placePacked<T>(free: readonly Range[], requests: readonly BlockRequest<T>[]): PlacementResult<T> {
  const starts = free.map((r) => r.start);
  const ends = free.map((r) => r.end);
  const tree = new LengthTree(free.map((r) => r.end - r.start + 1n));
  const placed: { item: T; range: Range }[] = [];
  const failed: T[] = [];
  for (const request of requests) {
    const index = tree.firstAtLeast(request.size);
    if (index < 0) {
      failed.push(request.item);
      continue;
    }
    const start = starts[index]!;
    placed.push({ item: request.item, range: { start, end: start + request.size - 1n } });
    starts[index] = start + request.size;
    tree.set(index, ends[index]! - starts[index]! + 1n);
  }
  const left: Range[] = [];
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= ends[i]!) left.push({ start: starts[i]!, end: ends[i]! });
  return { placed, failed, free: left };
}

/** Places single addresses from the highest free address down, in request order. */
export function placeFromTop<T>(free: readonly Range[], items: readonly T[]): PlacementResult<T> {
  const placed: { item: T; range: Range }[] = [];
  const failed: T[] = [];
  const left = [...free];
  let k = left.length - 1;
  for (const item of items) {
    while (k >= 0 && left[k]!.end < left[k]!.start) k--;
    if (k < 0) {
      failed.push(item);
      continue;
    }
    const interval = left[k]!;
    placed.push({ item, range: { start: interval.end, end: interval.end } });
    left[k] = { start: interval.start, end: interval.end - 1n };
  }
  return { placed, failed, free: left.filter((r) => r.start <= r.end) };
}

/**
 * The largest block left in `free`: for aligned networks the largest power-of-two block on its
 * own boundary, for packed ones the longest interval; the lowest one on a tie. `undefined` when
 * nothing is free.
 */
export function largestFreeBlock(free: readonly Range[], aligned: boolean): Range | undefined {
  let best: Range | undefined;
  const better = (candidate: Range): void => {
    if (best === undefined || candidate.end - candidate.start > best.end - best.start) best = candidate;
  };
  for (const interval of free) {
    if (!aligned) {
      better(interval);
      continue;
    }
    // Cut the interval into maximal aligned blocks, lowest first.
    let cursor = interval.start;
    while (cursor <= interval.end) {
      let block = cursor === 0n ? 1n : cursor & -cursor;
      if (cursor === 0n) {
        while (block * 2n - 1n <= interval.end) block *= 2n;
      }
      while (cursor + block - 1n > interval.end) block /= 2n;
      better({ start: cursor, end: cursor + block - 1n });
      cursor += block;
    }
  }
  return best;
}
