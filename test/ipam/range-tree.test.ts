import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RangeTree } from '../../src/ipam/range-tree.js';
import { normalize, type Range } from '../../src/ipam/ranges.js';

const r = (start: number, end: number): Range => ({ start: BigInt(start), end: BigInt(end) });

function members(ranges: readonly Range[]): number[] {
  const out: number[] = [];
  for (const x of ranges) for (let v = Number(x.start); v <= Number(x.end); v++) out.push(v);
  return out;
}

type Op = { add: boolean; start: number; end: number };

const opArb: fc.Arbitrary<Op> = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 12 }))
  .map(([add, start, len]) => ({ add, start, end: start + len }));

describe('RangeTree', () => {
  it('merges what it adds with what touches it', () => {
    const tree = RangeTree.fromNormalized([r(0, 3), r(10, 12), r(20, 20)]);
    tree.add(4n, 9n);
    expect(tree.toArray()).toEqual([r(0, 12), r(20, 20)]);
    tree.add(14n, 19n);
    expect(tree.toArray()).toEqual([r(0, 12), r(14, 20)]);
    tree.add(13n, 13n);
    expect(tree.toArray()).toEqual([r(0, 20)]);
    expect(tree.intervalCount).toBe(1);
  });

  it('splits, trims and drops intervals it removes from', () => {
    const tree = RangeTree.fromNormalized([r(0, 20), r(30, 40), r(50, 50)]);
    tree.remove(5n, 5n);
    tree.remove(0n, 0n);
    tree.remove(20n, 32n);
    tree.remove(45n, 60n);
    expect(tree.toArray()).toEqual([r(1, 4), r(6, 19), r(33, 40)]);
    expect(tree.first()).toEqual(r(1, 4));
    expect(tree.has(5n)).toBe(false);
    expect(tree.has(33n)).toBe(true);
  });

  it('is empty when everything is removed', () => {
    const tree = RangeTree.fromNormalized([r(0, 5)]);
    tree.remove(0n, 5n);
    expect(tree.first()).toBeUndefined();
    expect(tree.toArray()).toEqual([]);
  });

  it('agrees with a bitmap after any sequence of adds and removes', () => {
    fc.assert(fc.property(fc.array(opArb, { maxLength: 10 }), fc.array(opArb, { maxLength: 60 }), (initial, ops) => {
      const start = normalize(initial.filter((o) => o.add).map((o) => r(o.start, o.end)));
      const tree = RangeTree.fromNormalized(start);
      const model = new Set(members(start));
      for (const op of ops) {
        if (op.add) tree.add(BigInt(op.start), BigInt(op.end));
        else tree.remove(BigInt(op.start), BigInt(op.end));
        for (let v = op.start; v <= op.end; v++) {
          if (op.add) model.add(v);
          else model.delete(v);
        }
        const ranges = tree.toArray();
        // normalised: sorted, disjoint, non-adjacent
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start > ranges[i - 1]!.end + 1n).toBe(true);
        expect(members(ranges)).toEqual([...model].sort((a, b) => a - b));
        expect(tree.intervalCount).toBe(ranges.length);
        const lowest = model.size === 0 ? undefined : Math.min(...model);
        expect(tree.first()?.start).toBe(lowest === undefined ? undefined : BigInt(lowest));
        for (let v = 0; v <= 135; v += 7) expect(tree.has(BigInt(v))).toBe(model.has(v));
      }
    }), { numRuns: 300 });
  });

  it('stays fast with 100,000 intervals taken in order and given back out of order', () => {
    // Every other address: 100,000 one-address intervals.
    const set: Range[] = [];
    for (let i = 0; i < 100_000; i++) set.push(r(2 * i, 2 * i));
    const tree = RangeTree.fromNormalized(set);
    for (let i = 0; i < 100_000; i++) tree.add(BigInt(2 * i + 1), BigInt(2 * i + 1));
    expect(tree.toArray()).toEqual([r(0, 199_999)]);
    for (let i = 99_999; i >= 0; i -= 3) tree.remove(BigInt(2 * i), BigInt(2 * i));
    // i = 99,999 … 3, 0 are removed: 0, 6, 12, … are gone
    expect(tree.first()).toEqual(r(1, 5));
  });
});
