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

/** The levels, least important first. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * A Logger writing one JSON object per line to `out`: ts (from `now`, milliseconds since the
 * epoch), level, source, msg, then the entry's fields (a field named like one of those four is
 * written as `field.<name>`).
 */
export function jsonLogger(out: { write(text: string): unknown }, now: () => number, minLevel: LogLevel): Logger {
  const min = LOG_LEVELS.indexOf(minLevel);
  return (entry: LogEntry) => {
    if (LOG_LEVELS.indexOf(entry.level) < min) return;
    const line: Record<string, unknown> = { ts: new Date(now()).toISOString(), level: entry.level, source: entry.source, msg: entry.message };
    for (const [key, value] of Object.entries(entry.fields ?? {})) line[key in line ? `field.${key}` : key] = value;
    out.write(`${JSON.stringify(line)}\n`);
  };
}
