/**
 * Where the reconciler's diagnostics go: an injected function, never the console. The CLI
 * decides how (and whether) to print them.
 */

/** How much a log entry matters. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One diagnostic. */
export interface LogEntry {
  readonly level: LogLevel;
  /** Which part of the reconciler speaks, e.g. `claim-binder` or `informer/ipaddresses`. */
  readonly source: string;
  readonly message: string;
  /** Structured details (keys, error texts). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** A sink for diagnostics. */
export type Logger = (entry: LogEntry) => void;

/** A logger that drops everything: the default. */
export const silentLogger: Logger = () => {};

/** The text of any thrown value, for a log entry. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
