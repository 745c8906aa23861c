/**
 * Problems in the user's input, and the error that carries them.
 *
 * Every layer reports bad input the same way: a list of problems, each with the path of the
 * object or field at fault (`clusters[2].nodePools[0].replicas`) and a message saying what was
 * received, what is allowed and how to fix it. Each layer has its own error class (its `layer`
 * says which), all recognisable without `instanceof` through a symbol brand, so that two copies
 * of this package in one process still understand each other's errors.
 *
 * This module sits at the bottom of the layers: every other layer may import it, and it imports
 * nothing.
 */

/** One thing wrong with the input. */
export interface Problem {
  /** Where: an object or field path, e.g. `clusters[2].nodePools[0].replicas`. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The file the problem is in, when known. */
  readonly file?: string;
}

const BRAND = Symbol.for('cdk8s-capi-ionos.ProblemError');

/** Which layer found the problems. */
export type Layer = 'spec' | 'plan' | 'construct' | 'validation' | 'input';

/** An error carrying every problem found in one pass over the input. */
export class ProblemError extends Error {
  public readonly problems: readonly Problem[];
  public readonly layer: Layer;

  public constructor(layer: Layer, problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ProblemError';
    this.layer = layer;
    this.problems = problems;
    // The brand marks every ProblemError, whichever copy of the package created it.
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A copy whose problems all name `file` (keeping any file they already name). */
  public inFile(file: string): ProblemError {
    return new ProblemError(
      this.layer,
      this.problems.map((p) => (p.file === undefined ? { ...p, file } : p)),
    );
  }
}

/** Whether `value` is a ProblemError (from this or any other copy of the package). */
export function isProblemError(value: unknown): value is ProblemError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** Formats one problem as `file: path: message` (parts that are missing are left out). */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.path].filter((part) => part !== undefined && part !== '');
  return where.length === 0 ? problem.message : `${where.join(': ')}: ${problem.message}`;
}

/** Formats problems one per line. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
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
