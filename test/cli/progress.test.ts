import { describe, expect, it } from 'vitest';
import { colorOn, progressOn, styleFor, type Output } from '../../src/cli/io.js';
import { Progress } from '../../src/cli/progress.js';

/** A stream that records writes, and a clock the test moves. */
function fixture(isTTY = true) {
  const writes: string[] = [];
  const stream: Output = { write: (s: string) => writes.push(s), isTTY };
  let t = 0;
  return { writes, stream, tick: (ms: number) => { t += ms; }, now: () => t };
}

describe('Progress', () => {
  it('draws nothing in the first 100 ms, then at most every 100 ms, in place', () => {
    const f = fixture();
    const p = Progress.for({ stderr: f.stream, env: {} }, 'rendering', 'clusters', { now: f.now });
    p.update(1, 1000);
    f.tick(99);
    p.update(2, 1000);
    expect(f.writes).toEqual([]);
    f.tick(1);
    p.update(400, 1000);
    f.tick(50);
    p.update(500, 1000);
    f.tick(50);
    p.update(1000, 1000);
    expect(f.writes).toEqual(['\rrendering 1,000 clusters… 40%', '\rrendering 1,000 clusters… 100%']);
  });

  it('clears its line at the end with blanks, and draws nothing after', () => {
    const f = fixture();
    const p = Progress.for({ stderr: f.stream, env: {} }, 'rendering', 'clusters', { now: f.now });
    f.tick(100);
    p.update(5, 10);
    p.end();
    f.tick(1000);
    p.update(10, 10);
    const line = 'rendering 10 clusters… 50%';
    expect(f.writes).toEqual([`\r${line}`, `\r${' '.repeat(line.length)}\r`]);
    expect(f.writes.join('')).not.toContain('\u001b');
  });

  it('run() ends the line after the work, also when it throws', () => {
    const f = fixture();
    const p = Progress.for({ stderr: f.stream, env: {} }, 'rendering', 'clusters', { now: f.now });
    expect(() => p.run(() => {
      f.tick(100);
      p.update(1, 4);
      throw new Error('invalid');
    })).toThrow('invalid');
    expect(f.writes).toEqual(['\rrendering 4 clusters… 25%', `\r${' '.repeat('rendering 4 clusters… 25%'.length)}\r`]);
    const q = Progress.for({ stderr: f.stream, env: {} }, 'rendering', 'clusters', { now: f.now });
    expect(q.run(() => 42)).toBe(42);
  });

  it('blanks what is left of a longer line before', () => {
    const f = fixture();
    const p = new Progress(f.stream, 'checking', 'objects', { now: f.now, intervalMs: 10 });
    f.tick(10);
    p.update(0, 10_000);
    f.tick(10);
    p.update(9_999, 10_000);
    f.tick(10);
    p.update(5, 10);
    const before = 'checking 10,000 objects… 99%';
    const after = 'checking 10 objects… 50%';
    expect(f.writes.at(-1)).toBe(`\r${after}${' '.repeat(before.length - after.length)}`);
  });

  it('writes nothing at all when it is not to be drawn, and a quick run writes nothing either', () => {
    for (const [isTTY, env] of [[false, {}], [true, { CI: 'true' }], [true, { TERM: 'dumb' }]] as const) {
      const f = fixture(isTTY);
      const p = Progress.for({ stderr: f.stream, env }, 'rendering', 'clusters', { now: f.now });
      f.tick(1000);
      p.update(1, 2);
      p.end();
      expect(f.writes).toEqual([]);
    }
    const quick = fixture();
    const p = Progress.for({ stderr: quick.stream, env: {} }, 'rendering', 'clusters', { now: quick.now });
    p.update(1, 2);
    p.end();
    expect(quick.writes).toEqual([]);
  });
});

describe('colour and progress rules (io.ts)', () => {
  const tty: Output = { write: () => true, isTTY: true };
  const pipe: Output = { write: () => true };

  it('colours a terminal unless NO_COLOR is set to anything non-empty or TERM is dumb', () => {
    expect(colorOn({ env: {} }, tty)).toBe(true);
    expect(colorOn({ env: { NO_COLOR: '' } }, tty)).toBe(true);
    expect(colorOn({ env: { NO_COLOR: '1' } }, tty)).toBe(false);
    expect(colorOn({ env: { NO_COLOR: '0' } }, tty)).toBe(false);
    expect(colorOn({ env: { TERM: 'dumb' } }, tty)).toBe(false);
    expect(colorOn({ env: {} }, pipe)).toBe(false);
    expect(styleFor({ env: {} }, tty).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(styleFor({ env: {} }, pipe).red('x')).toBe('x');
  });

  it('draws progress on a terminal stderr outside CI, whatever NO_COLOR says', () => {
    expect(progressOn({ env: {}, stderr: tty })).toBe(true);
    expect(progressOn({ env: { NO_COLOR: '1' }, stderr: tty })).toBe(true);
    expect(progressOn({ env: { CI: 'true' }, stderr: tty })).toBe(false);
    expect(progressOn({ env: { CI: '' }, stderr: tty })).toBe(true);
    expect(progressOn({ env: {}, stderr: pipe })).toBe(false);
  });
});
