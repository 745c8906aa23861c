/**
 * Sets of addresses as sorted, disjoint, non-adjacent inclusive bigint intervals.
 *
 * A `RangeSet` is plain data (an array sorted by `start`); every function here returns a new
 * normalised array and never mutates its input. Costs are O(n log n) to normalise and O(n + m)
 * for the set operations over already normalised inputs.
 */

/** An inclusive interval of addresses. */
export interface Range {
  readonly start: bigint;
  readonly end: bigint;
}

/** A normalised set: sorted by start, no two intervals overlapping or touching. */
export type RangeSet = readonly Range[];

function byStart(a: Range, b: Range): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
}

/** Sorts and merges overlapping or adjacent intervals into a normalised set. */
export function normalize(ranges: Iterable<Range>): Range[] {
  const sorted = [...ranges].sort(byStart);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end + 1n) {
      if (r.end > last.end) out[out.length - 1] = { start: last.start, end: r.end };
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/** The union of two normalised sets. */
export function union(a: RangeSet, b: RangeSet): Range[] {
  return normalize([...a, ...b]);
}

/** `a` without the addresses of `b` (both normalised). */
export function subtract(a: RangeSet, b: RangeSet): Range[] {
  const out: Range[] = [];
  let j = 0;
  for (const r of a) {
    let start = r.start;
    const end = r.end;
    while (j < b.length && b[j]!.end < start) j++;
    let k = j;
    while (k < b.length && b[k]!.start <= end && start <= end) {
      const cut = b[k]!;
      if (cut.start > start) out.push({ start, end: cut.start - 1n });
      start = cut.end + 1n;
      k++;
    }
    if (start <= end) out.push({ start, end });
  }
  return out;
}

/** The addresses in both normalised sets. */
export function intersect(a: RangeSet, b: RangeSet): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (start <= end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Number of addresses in a normalised set. */
export function size(set: RangeSet): bigint {
  let total = 0n;
  for (const r of set) total += r.end - r.start + 1n;
  return total;
}

/** Index of the interval of a normalised set holding `value`, or -1 (binary search). */
export function indexOf(set: RangeSet, value: bigint): number {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = set[mid]!;
    if (value < r.start) hi = mid - 1;
    else if (value > r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether a normalised set holds `value`. */
export function contains(set: RangeSet, value: bigint): boolean {
  return indexOf(set, value) >= 0;
}

/** Whether every address of `inner` is in `outer` (both normalised). */
export function covers(outer: RangeSet, inner: RangeSet): boolean {
  return subtract(inner, outer).length === 0;
}

/** Whether two intervals share at least one address. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}
