/**
 * Ordering of field paths (`spec.a[2].b` before `spec.a[10]`): segment by segment, list
 * indexes numerically, everything else by UTF-16 code units (never by locale).
 */
import { compareText } from '../../vocabulary.js';

type Segment = number | string;

function segments(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|\[([^\]]*)\]|([^.[\]]+)/g)) {
    out.push(m[1] !== undefined ? Number(m[1]) : (m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** Compares two field paths: parents first, list indexes in numeric order. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  const x = segments(a);
  const y = segments(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return compareText(p, q);
  }
  return x.length - y.length || compareText(a, b);
}
