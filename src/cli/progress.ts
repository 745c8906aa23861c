/**
 * A progress line on stderr for long runs ("rendering 1,000 clusters… 40%"), redrawn in place.
 *
 * It draws only when {@link progressOn} says so (stderr a terminal, CI unset, TERM not dumb), never
 * on stdout, and uses no escape sequences: `\r` and blanks redraw and clear it. It draws nothing
 * in the first `intervalMs` (a short run shows no flicker) and then at most once per `intervalMs`,
 * checking the clock when told of progress; no timer is left behind, and it works from synchronous
 * code (writes to a terminal are synchronous in Node).
 *
 * Call {@link Progress.end} before writing anything else to stderr, and in a `finally`.
 */
import { progressOn, type Io, type Output } from './io.js';

/** Options of {@link Progress}; the defaults suit the CLI, tests pass their own clock. */
export interface ProgressOptions {
  /** The least time between two drawings, and before the first (default 100 ms). */
  readonly intervalMs?: number;
  /** Milliseconds on a monotonic clock (default `performance.now`). */
  readonly now?: () => number;
}

/** Thousands separators, fixed (not the machine's locale). */
function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export class Progress {
  /** A progress line on `io.stderr` when {@link progressOn}, else one that draws nothing. */
  public static for(io: Pick<Io, 'env' | 'stderr'>, verb: string, noun: string, options: ProgressOptions = {}): Progress {
    return new Progress(progressOn(io) ? io.stderr : undefined, verb, noun, options);
  }

  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly started: number;
  private lastDrawn: number | undefined;
  /** The text on screen, '' when nothing is. */
  private shown = '';

  /**
   * @param out where to draw; `undefined` draws nothing (see {@link Progress.for})
   * @param verb what is being done: 'rendering'
   * @param noun what is counted, plural: 'clusters'
   */
  public constructor(
    private readonly out: Output | undefined,
    private readonly verb: string,
    private readonly noun: string,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  /** `done` of `total` finished; redraws when due. */
  public update(done: number, total: number): void {
    if (this.out === undefined) return;
    const now = this.now();
    if (now - (this.lastDrawn ?? this.started) < this.intervalMs) return;
    const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
    const text = `${this.verb} ${thousands(total)} ${this.noun}… ${percent}%`;
    this.lastDrawn = now;
    if (text === this.shown) return;
    // Blanks over what is left of a longer line before.
    this.out.write(`\r${text}${' '.repeat(Math.max(0, this.shown.length - text.length))}`);
    this.shown = text;
  }

  /** Runs the synchronous `work` (which calls {@link update}), then {@link end}s, also on a throw. */
  public run<T>(work: () => T): T {
    try {
      return work();
    } finally {
      this.end();
    }
  }

  /** Clears the line, if anything was drawn; later updates draw nothing. */
  public end(): void {
    if (this.out !== undefined && this.shown !== '') this.out.write(`\r${' '.repeat(this.shown.length)}\r`);
    this.shown = '';
    this.lastDrawn = Number.POSITIVE_INFINITY;
  }
}
