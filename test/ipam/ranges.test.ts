import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, intersect, normalize, size, subtract, union, type Range } from '../../src/ipam/ranges.js';

const r = (start: number, end: number): Range => ({ start: BigInt(start), end: BigInt(end) });

/** Small random interval lists over 0..200, so a bitmap can serve as the oracle. */
const rangesArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 })).map(([s, len]) => r(s, s + len)),
  { maxLength: 8 },
);

function members(ranges: readonly Range[]): Set<number> {
  const out = new Set<number>();
  for (const x of ranges) for (let v = Number(x.start); v <= Number(x.end); v++) out.add(v);
  return out;
}

describe('range sets', () => {
  it('merges overlapping and adjacent intervals', () => {
    expect(normalize([r(5, 9), r(0, 3), r(4, 4), r(20, 30), r(25, 26)])).toEqual([r(0, 9), r(20, 30)]);
  });

  it('subtracts holes from the middle and the edges', () => {
    expect(subtract([r(0, 10)], [r(0, 1), r(5, 5), r(10, 12)])).toEqual([r(2, 4), r(6, 9)]);
  });

  it('agrees with a bitmap for union, subtract, intersect, size and contains', () => {
    fc.assert(fc.property(rangesArb, rangesArb, (xs, ys) => {
      const a = normalize(xs);
      const b = normalize(ys);
      const ma = members(a);
      const mb = members(b);
      expect(members(union(a, b))).toEqual(new Set([...ma, ...mb]));
      expect(members(subtract(a, b))).toEqual(new Set([...ma].filter((v) => !mb.has(v))));
      expect(members(intersect(a, b))).toEqual(new Set([...ma].filter((v) => mb.has(v))));
      expect(size(a)).toBe(BigInt(ma.size));
      for (let v = 0; v <= 230; v++) expect(contains(a, BigInt(v))).toBe(ma.has(v));
      // normalised: sorted, disjoint, non-adjacent
      for (let i = 1; i < a.length; i++) expect(a[i]!.start > a[i - 1]!.end + 1n).toBe(true);
    }));
  });
});
