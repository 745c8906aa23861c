/**
 * Shared benchmark helpers: run a function several times, report median, min and max.
 * Benchmarks print numbers; they never assert on time (that belongs to no test).
 */
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly label: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function measure(label: string, fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<Timing> {
  const runs = options.runs ?? 5;
  for (let i = 0; i < (options.warmup ?? 1); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { label, runs, medianMs, minMs: times[0]!, maxMs: times[times.length - 1]! };
}

/** A markdown table of timings, with an optional extra column per row. */
export function table(timings: readonly Timing[], extra?: { header: string; values: readonly string[] }): string {
  const head = ['case', 'runs', 'median ms', 'min ms', 'max ms', ...(extra ? [extra.header] : [])];
  const rows = timings.map((t, i) => [
    t.label, String(t.runs), t.medianMs.toFixed(1), t.minMs.toFixed(1), t.maxMs.toFixed(1),
    ...(extra ? [extra.values[i] ?? ''] : []),
  ]);
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The timing of already measured durations (for work measured elsewhere, such as a child process). */
export function timingOf(label: string, durationsMs: readonly number[]): Timing {
  if (durationsMs.length === 0) throw new Error(`timingOf(${JSON.stringify(label)}): no durations`);
  const times = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { label, runs: times.length, medianMs, minMs: times[0]!, maxMs: times[times.length - 1]! };
}

/** Thousands separators, fixed (not the machine's locale): 14969 → "14,969". */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
