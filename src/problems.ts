/**
 * Problems in the user's input, the one collector that gathers them, and the one error that
 * carries them.
 *
 * Every layer reports bad input the same way: a list of problems, each with the path of the
 * object or field at fault (`clusters[2].nodePools[0].replicas`), where known the file, line and
 * column, a code for problems that have one (`network-exhausted`), and a message saying what was
 * received, what is allowed and how to fix it. One error class carries them (its `layer` says
 * who found them), recognisable without `instanceof` through a symbol brand, so that two copies
 * of this package in one process still understand each other's errors. Printed, a problem reads
 * `FILE:LINE:COL: error: PATH: message [code]`, as compilers and linters print theirs.
 *
 * This module sits at the bottom of the layers: every other layer may import it, and it imports
 * nothing.
 */

/** One thing wrong with the input. */
export interface Problem {
  /** The file the problem is in, when known (as the user would name it: relative where possible). */
  readonly file?: string;
  /** The line in `file` (1-based), when known. */
  readonly line?: number;
  /** The column in `line` (1-based), when known. */
  readonly column?: number;
  /** Where in the input: an object or field path, e.g. `clusters[2].nodePools[0].replicas` ('' for the whole). */
  readonly path: string;
  /** A stable name for the kind of problem, when it has one (`network-exhausted`, `overlap`). */
  readonly code?: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Where a problem is: what {@link ProblemCollector.add} takes besides path and message. */
export type ProblemDetails = Omit<Problem, 'path' | 'message'>;

const BRAND = Symbol.for('cdk8s-capi-ionos.ProblemError');

/**
 * Which layer found the problems. `input`, `spec` and `lock` are mistakes in the input (exit
 * code 2); `plan` (overlap, exhaustion), `construct` and `validation` (an invalid object) are
 * findings about input that could be read (exit code 1).
 */
export type Layer = 'input' | 'spec' | 'lock' | 'plan' | 'construct' | 'validation';

/** Whether problems of `layer` are mistakes in the input (as opposed to findings about it). */
export function isInputLayer(layer: Layer): boolean {
  return layer === 'input' || layer === 'spec' || layer === 'lock';
}

/** An error carrying every problem found in one pass over the input. */
export class ProblemError extends Error {
  public readonly problems: readonly Problem[];
  public readonly layer: Layer;
  /** The directory (absolute) that the problems' relative `file`s are relative to, when known. */
  public readonly dir?: string;

  public constructor(layer: Layer, problems: readonly Problem[], dir?: string) {
    super(formatProblems(problems));
    this.name = 'ProblemError';
    this.layer = layer;
    this.problems = problems;
    if (dir !== undefined) this.dir = dir;
    // The brand marks every ProblemError, whichever copy of the package created it.
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A copy whose problems all name `file` (keeping any file they already name). */
  public inFile(file: string): ProblemError {
    return this.with((p) => (p.file === undefined ? { ...p, file } : p));
  }

  /** A copy (same layer) with every problem passed through `change`. */
  public with(change: (problem: Problem) => Problem): ProblemError {
    return new ProblemError(this.layer, this.problems.map(change), this.dir);
  }

  /** This error, saying that its files are relative to `dir` (absolute), unless it says so already. */
  public relativeTo(dir: string): ProblemError {
    return this.dir !== undefined ? this : new ProblemError(this.layer, this.problems, dir);
  }
}

/**
 * `error` with its problems' files relative to `dir`, when it is a ProblemError that does not
 * say yet; else `error`. (A ProblemError of another copy of this package may lack the methods
 * of this one: it is rebuilt from its fields.)
 */
export function relativeTo(error: unknown, dir: string): unknown {
  if (!isProblemError(error) || error.dir !== undefined) return error;
  return new ProblemError(error.layer, error.problems, dir);
}

/** Whether `value` is a ProblemError (from this or any other copy of the package). */
export function isProblemError(value: unknown): value is ProblemError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Collects problems, so that one pass reports them all; the fleet reader, construct props and the schema validator use it. */
export class ProblemCollector {
  public readonly problems: Problem[] = [];

  /** Records a problem at `path`. */
  public add(path: string, message: string, details: ProblemDetails = {}): void {
    this.problems.push({ ...details, path, message });
  }

  /** Throws every recorded problem as one {@link ProblemError} of `layer`, if there are any. */
  public throwIfAny(layer: Layer): void {
    if (this.problems.length > 0) throw new ProblemError(layer, this.problems);
  }
}

/** `FILE:LINE:COL`, `FILE:LINE`, `FILE` or '' (what is known of where a problem is). */
export function problemLocation(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.file === undefined || problem.file === '') return '';
  if (problem.line === undefined) return problem.file;
  return problem.column === undefined ? `${problem.file}:${problem.line}` : `${problem.file}:${problem.line}:${problem.column}`;
}

/**
 * One problem as one line: `FILE:LINE:COL: SEVERITY: PATH: message [code]`, leaving out the
 * parts that are not known.
 */
export function formatProblem(problem: Problem, severity = 'error'): string {
  const location = problemLocation(problem);
  return `${location === '' ? '' : `${location}: `}${severity}: ${problem.path === '' ? '' : `${problem.path}: `}${problem.message}${problem.code === undefined ? '' : ` [${problem.code}]`}`;
}

/** Formats problems one per line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => formatProblem(p)).join('\n');
}

/** Levenshtein distance between two strings, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** How many characters of a value a message shows before cutting it. */
export const SHOWN_LENGTH = 80;

/**
 * A value as a message shows it: JSON-quoted (so that control and other non-printable
 * characters are escaped, `\n`, `\u0000`, and invisible ones as `\u200b`), and past
 * {@link SHOWN_LENGTH} characters cut, with its full size: `"aaaa…" (50000000 bytes)`.
 */
export function showValue(value: string): string {
  const cut = value.length > SHOWN_LENGTH ? value.slice(0, SHOWN_LENGTH) : value;
  // JSON escapes C0 controls, quotes and backslashes; the rest of what does not print is escaped here.
  const quoted = JSON.stringify(cut).replace(/[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ufff9-\ufffb]|[\ud800-\udfff]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (cut === value) return quoted;
  return `${quoted.slice(0, -1)}…" (${new TextEncoder().encode(value).length} bytes)`;
}

/**
 * A mistake in how the command or library was called (a flag, a path, a missing file): exit code 2,
 * reported as one message without a stack trace.
 */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
