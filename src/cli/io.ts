/**
 * What the CLI touches of the outside world, injected so that tests run it in-process.
 */

/** A writable text stream (process.stdout or a test buffer). */
export interface Output {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** The process the command runs in. */
export interface Io {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit codes (DESIGN.md): 0 ok, 1 findings, 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage or input error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
