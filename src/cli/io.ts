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
export { UsageError } from '../problems.js';

/**
 * Terminal output: the one place that decides colour and in-place progress, from `io.env` and the
 * streams (never from `process`), so that tests and library code see the same rules.
 */

/** Whether `value` is set to something (an empty variable counts as unset, as no-color.org says). */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

/**
 * Whether `stream` may carry colour: it is a terminal, NO_COLOR is unset or empty
 * (https://no-color.org) and TERM is not `dumb`.
 */
export function colorOn(io: Pick<Io, 'env'>, stream: Output): boolean {
  return stream.isTTY === true && !isSet(io.env.NO_COLOR) && io.env.TERM !== 'dumb';
}

/**
 * Whether a progress line may be redrawn in place on stderr: stderr is a terminal, TERM is not
 * `dumb` and CI is unset or empty. (Progress uses no escape sequences, only `\r`, so NO_COLOR does
 * not concern it.)
 */
export function progressOn(io: Pick<Io, 'env' | 'stderr'>): boolean {
  return io.stderr.isTTY === true && !isSet(io.env.CI) && io.env.TERM !== 'dumb';
}

/** Colours for a report: SGR sequences when on, the text unchanged when off. */
export interface Style {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
}

const sgr = (code: number) => (text: string): string => `\u001b[${code}m${text}\u001b[39m`;
const plain = (text: string): string => text;

/** No colour. */
export const PLAIN: Style = { red: plain, green: plain, yellow: plain };

/** The style for `stream`: colours when {@link colorOn}, else {@link PLAIN}. */
export function styleFor(io: Pick<Io, 'env'>, stream: Output): Style {
  return colorOn(io, stream) ? { red: sgr(31), green: sgr(32), yellow: sgr(33) } : PLAIN;
}
