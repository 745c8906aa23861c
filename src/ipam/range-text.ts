/**
 * Range entries as text: a single address, `first-last`, or `addr/len` — the formats of a pool's
 * `addresses` — parsed into one inclusive bigint interval.
 */
import { parseIp, type Family } from './ip.js';
import { parsePoolEntry, type PoolEntry } from './pool-entries.js';

/** One parsed entry: its family and inclusive bounds. */
export type ParsedRange = PoolEntry;

/** How strictly to read an entry. */
export interface RangeTextOptions {
  /**
   * Reject a CIDR with host bits set (`10.0.0.1/24`) instead of reading it as the masked block,
   * and zones. Use for text this tool writes (the lock file).
   * @default false (the provider's rules: host bits are masked, zones dropped)
   */
  readonly strict?: boolean;
}

/**
 * Parses one entry the way the In-Cluster IPAM provider reads `addresses` (see
 * `parsePoolEntry`), or, with `strict`, only in the canonical forms this tool writes.
 *
 * @returns the interval, or `undefined` when the text is none of these
 */
export function parseRangeText(text: string, options: RangeTextOptions = {}): ParsedRange | undefined {
  if (options.strict !== true) return parsePoolEntry(text);
  if (text.includes('%')) return undefined;
  const entry = parsePoolEntry(text);
  if (entry === undefined) return undefined;
  const slash = text.indexOf('/');
  if (slash >= 0 && !text.includes('-') && parseIp(text.slice(0, slash))!.value !== entry.start) return undefined;
  return entry;
}

/** Text naming the family: `IPv4` or `IPv6`. */
export function familyName(family: Family): string {
  return family === 4 ? 'IPv4' : 'IPv6';
}
