/**
 * The lock file, `ipam.lock.yaml`: every range the planner has placed, one line per range,
 * sorted, so that a pull request shows exactly which addresses a change takes or frees.
 *
 * ```yaml
 * apiVersion: capi-ionos.dev/v1alpha1
 * kind: IpamLock
 * ranges:
 *   - {network: nodes, range: 10.20.1.0/26, purpose: pool, pool: prod-a-nodes, kind: InClusterIPPool, namespace: prod-a, cluster: prod-a}
 *   - {network: nodes, range: 10.20.255.254, purpose: endpoint, cluster: prod-a}
 * ```
 *
 * `range` is one address, an aligned `addr/len` block or `first-last`. `purpose: retired` marks
 * the old range of a renumbered pool or VIP, kept until a plan with prune. `part` (position of the
 * range in the pool's `addresses`) is written only from 2 on: a pool that grows gains a line and
 * no existing line changes.
 */
import { createRequire } from 'node:module';
import { formatRange, maxValue } from './ip.js';
import type { Lock, LockEntry, LockedEndpoint, LockedPoolRange, PoolKind } from './plan-model.js';
import { ProblemError, type Problem } from '../problems.js';
import { familyName, parseRangeText } from './range-text.js';
import { compareText, POOL_KINDS } from '../vocabulary.js';

/** The lock file's `apiVersion`. */
export const LOCK_API_VERSION = 'capi-ionos.dev/v1alpha1';
/** The lock file's `kind`. */
export const LOCK_KIND = 'IpamLock';

const ENTRY_KEYS = ['network', 'range', 'purpose', 'pool', 'part', 'kind', 'namespace', 'cluster'];

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lock's order: network, then family, then first address, then last address. */
export function compareLockEntries(a: LockEntry, b: LockEntry): number {
  return compareText(a.network, b.network) || a.family - b.family || compareBig(a.start, b.start) || compareBig(a.end, b.end);
}

/** A lock with its ranges in the lock's order (a new array; the input is not changed). */
export function sortLock(lock: Lock): Lock {
  return { ranges: [...lock.ranges].sort(compareLockEntries) };
}

/** The range of an entry as the lock writes it. */
export function formatLockRange(entry: LockEntry): string {
  return formatRange(entry.start, entry.end, entry.family);
}

/** What a lock entry is, for messages: `pool "a" at 10.0.0.0/28 in network "n"`. */
export function describeLockEntry(entry: LockEntry): string {
  const where = `${formatLockRange(entry)} in network ${JSON.stringify(entry.network)}`;
  if (entry.purpose === 'pool') return `pool ${JSON.stringify(entry.pool)} at ${where}`;
  if (entry.purpose === 'endpoint') return `the endpoint of cluster ${JSON.stringify(entry.cluster)} at ${where}`;
  const owner = entry.pool !== undefined ? `pool ${JSON.stringify(entry.pool)}` : `the endpoint of cluster ${JSON.stringify(entry.cluster)}`;
  return `the retired range of ${owner} at ${where}`;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * Checks a lock's consistency: each entry well formed; all ranges of one pool in one network,
 * of one family, with the same kind, namespace and cluster and parts numbered 1..n; one
 * endpoint per cluster; no two ranges of one network overlapping.
 *
 * @param prefix put before every path (`lock.` when the lock came from code rather than a file)
 * @returns one problem per fault, with paths `ranges[<i>]...` (indices into `lock.ranges`)
 */
export function validateLock(lock: Lock, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const at = (i: number, field?: string): string => `${prefix}ranges[${i}]${field === undefined ? '' : `.${field}`}`;
  const good: { entry: LockEntry; index: number }[] = [];
  lock.ranges.forEach((entry, i) => {
    const before = problems.length;
    if (!isName(entry.network)) problems.push({ path: at(i, 'network'), message: 'network must be a non-empty name; write the name of the network the range was planned in' });
    if (entry.family !== 4 && entry.family !== 6) {
      problems.push({ path: at(i, 'range'), message: `family ${String(entry.family)} is not 4 or 6` });
    } else if (typeof entry.start !== 'bigint' || typeof entry.end !== 'bigint' || entry.start < 0n || entry.start > entry.end || entry.end > maxValue(entry.family)) {
      problems.push({ path: at(i, 'range'), message: `start ${String(entry.start)} and end ${String(entry.end)} do not form a ${familyName(entry.family)} range; use 0 <= start <= end <= ${maxValue(entry.family)}` });
    }
    if (entry.purpose === 'pool') {
      if (!isName(entry.pool)) problems.push({ path: at(i, 'pool'), message: 'a pool range needs the pool\'s name in pool' });
      if (!(POOL_KINDS as readonly string[]).includes(entry.kind)) problems.push({ path: at(i, 'kind'), message: `kind ${JSON.stringify(entry.kind)} is not InClusterIPPool or GlobalInClusterIPPool` });
      if (!Number.isSafeInteger(entry.part) || entry.part < 1) problems.push({ path: at(i, 'part'), message: `part ${JSON.stringify(entry.part)} is not a whole number >= 1` });
      if (entry.namespace !== undefined && !isName(entry.namespace)) problems.push({ path: at(i, 'namespace'), message: 'namespace must be a non-empty name when given' });
      if (entry.namespace !== undefined && entry.kind === 'GlobalInClusterIPPool') problems.push({ path: at(i, 'namespace'), message: 'a GlobalInClusterIPPool has no namespace; remove namespace' });
      if (entry.cluster !== undefined && !isName(entry.cluster)) problems.push({ path: at(i, 'cluster'), message: 'cluster must be a non-empty name when given' });
    } else if (entry.purpose === 'endpoint') {
      if (!isName(entry.cluster)) problems.push({ path: at(i, 'cluster'), message: 'an endpoint needs the cluster\'s name in cluster' });
      if (problems.length === before && entry.start !== entry.end) problems.push({ path: at(i, 'range'), message: `an endpoint is one address, not ${formatLockRange(entry)}` });
    } else if (entry.purpose === 'retired') {
      if (entry.pool !== undefined && !isName(entry.pool)) problems.push({ path: at(i, 'pool'), message: 'pool must be a non-empty name when given' });
      if (entry.cluster !== undefined && !isName(entry.cluster)) problems.push({ path: at(i, 'cluster'), message: 'cluster must be a non-empty name when given' });
      if (entry.pool === undefined && entry.cluster === undefined) problems.push({ path: at(i), message: 'a retired range names the pool or the cluster that held it' });
    } else {
      problems.push({ path: at(i, 'purpose'), message: `purpose ${JSON.stringify((entry as { purpose: unknown }).purpose)} is not pool, endpoint or retired` });
    }
    if (problems.length === before) good.push({ entry, index: i });
  });

  // All ranges of a pool agree; parts are 1..n. One endpoint per cluster.
  const pools = new Map<string, { entry: LockedPoolRange; index: number }[]>();
  const endpoints = new Map<string, number>();
  for (const { entry, index } of good) {
    if (entry.purpose === 'pool') {
      const list = pools.get(entry.pool) ?? [];
      list.push({ entry, index });
      pools.set(entry.pool, list);
    } else if (entry.purpose === 'retired') {
      continue;
    } else if (endpoints.has(entry.cluster)) {
      problems.push({ path: at(index), message: `cluster ${JSON.stringify(entry.cluster)} already has an endpoint at ${at(endpoints.get(entry.cluster)!)}; keep one of them` });
    } else {
      endpoints.set(entry.cluster, index);
    }
  }
  for (const [name, list] of pools) {
    const first = list[0]!;
    for (const { entry, index } of list.slice(1)) {
      for (const field of ['network', 'family', 'kind', 'namespace', 'cluster'] as const) {
        if (entry[field] !== first.entry[field]) {
          problems.push({ path: at(index, field === 'family' ? 'range' : field), message: `pool ${JSON.stringify(name)} has ${field} ${JSON.stringify(String(first.entry[field]))} at ${at(first.index)} but ${JSON.stringify(String(entry[field]))} here; all ranges of a pool share it` });
        }
      }
    }
    const parts = list.map((x) => x.entry.part).sort((a, b) => a - b);
    if (parts.some((part, i) => part !== i + 1)) {
      problems.push({ path: at(first.index, 'part'), message: `pool ${JSON.stringify(name)} has parts ${parts.join(', ')}; its ${list.length} ranges must be numbered 1 to ${list.length} (part 1 may be left out)` });
    }
  }

  // No two ranges of one network overlap: sort, then compare neighbours with the furthest end.
  const sorted = [...good].sort((a, b) => compareLockEntries(a.entry, b.entry));
  let reach: { entry: LockEntry; index: number } | undefined;
  for (const current of sorted) {
    if (reach !== undefined && reach.entry.network === current.entry.network && reach.entry.family === current.entry.family && current.entry.start <= reach.entry.end) {
      problems.push({ path: at(current.index), message: `${describeLockEntry(current.entry)} overlaps ${describeLockEntry(reach.entry)} (${at(reach.index)}); two lock entries never share an address — keep one and re-run plan to place the other` });
    }
    if (reach === undefined || reach.entry.network !== current.entry.network || reach.entry.family !== current.entry.family || current.entry.end > reach.entry.end) reach = current;
  }
  return problems;
}

function lineOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, col: offset - last };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const requireModule = createRequire(import.meta.url);

/**
 * Reads YAML with the `yaml` package; syntax errors throw, by line and column. The package is
 * loaded here, on first use: a lock in `formatLock`'s shape never needs it (readCanonicalLock).
 */
function readYaml(text: string): unknown {
  const { parseDocument } = requireModule('yaml') as typeof import('yaml');
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProblemError('lock', doc.errors.map((error) => {
      const { line, col } = lineOf(text, error.pos[0]);
      return { line, column: col, path: '', message: `${error.message.split('\n')[0]}; fix the YAML (an unresolved merge conflict?) so that every range stays where it is` };
    }));
  }
  return doc.toJS();
}

const TOP_VALUE = /^[A-Za-z][A-Za-z0-9._/-]*$/;
const ENTRY_LINE = /^ {2}- \{(.*)\}$/;
const FIELD = /^([a-z]+): (.+)$/;
const PART = /^[1-9][0-9]{0,8}$/;

/** A value `formatLock` writes plain, read the way YAML 1.2 reads it; `undefined` if unsure. */
function plainValue(key: string, value: string): string | number | undefined {
  if (key === 'part') return PART.test(value) ? Number(value) : undefined;
  if (key === 'range') {
    // Addresses have a colon or at least two dots, so YAML never reads them as numbers.
    const addressLike = value.includes(':') || value.indexOf('.') !== value.lastIndexOf('.');
    return PLAIN_RANGE.test(value) && addressLike ? value : undefined;
  }
  return PLAIN_NAME.test(value) && !KEYWORDS.has(value.toLowerCase()) ? value : undefined;
}

/**
 * Reads lock text of exactly the shape `formatLock` writes — comment lines, `apiVersion`,
 * `kind`, `ranges` and one flow mapping of plain scalars per line — without a YAML parser (a
 * 10,000-line lock in milliseconds instead of a second).
 *
 * @returns what the `yaml` package would read from the text, or `undefined` when the text has
 *   any other shape (quotes, block style, blank lines, CRLF, ...) and needs the full parser
 */
export function readCanonicalLock(text: string): unknown {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const data: Record<string, unknown> = {};
  let ranges: Record<string, unknown>[] | undefined;
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    const entry = ranges === undefined ? null : ENTRY_LINE.exec(line);
    if (entry) {
      const item: Record<string, unknown> = {};
      for (const field of entry[1]!.split(', ')) {
        const match = FIELD.exec(field);
        if (match === null || !ENTRY_KEYS.includes(match[1]!) || match[1]! in item) return undefined;
        const value = plainValue(match[1]!, match[2]!);
        if (value === undefined) return undefined;
        item[match[1]!] = value;
      }
      ranges!.push(item);
      data.ranges = ranges;
      continue;
    }
    ranges = undefined;
    if (line === 'ranges:' || line === 'ranges: []') {
      if ('ranges' in data) return undefined;
      data.ranges = line === 'ranges:' ? null : [];
      if (line === 'ranges:') ranges = [];
      continue;
    }
    const top = /^(apiVersion|kind): (.+)$/.exec(line);
    if (top === null || top[1]! in data || !TOP_VALUE.test(top[2]!) || KEYWORDS.has(top[2]!.toLowerCase())) return undefined;
    data[top[1]!] = top[2]!;
  }
  return Object.keys(data).length === 0 ? undefined : data;
}

/**
 * Reads `ipam.lock.yaml`.
 *
 * @returns the lock, sorted
 * @throws ProblemError (layer `lock`) naming every problem: YAML syntax (by line and column),
 *   unknown keys, malformed entries and inconsistent entries (paths `ranges[<i>].<field>`,
 *   indices in file order)
 */
export function parseLock(text: string): Lock {
  const data = readCanonicalLock(text) ?? readYaml(text);
  const problems: Problem[] = [];
  if (!isMap(data)) {
    throw new ProblemError('lock', [{ path: '', message: `a lock file is a mapping with apiVersion ${LOCK_API_VERSION}, kind ${LOCK_KIND} and ranges; restore it from version control` }]);
  }
  for (const key of Object.keys(data).sort(compareText)) {
    if (!['apiVersion', 'kind', 'ranges'].includes(key)) problems.push({ path: key, message: `unknown key ${JSON.stringify(key)}; a lock file has apiVersion, kind and ranges` });
  }
  if (data.apiVersion !== LOCK_API_VERSION) problems.push({ path: 'apiVersion', message: `apiVersion ${JSON.stringify(data.apiVersion)} is not ${LOCK_API_VERSION}; this version of capi-ionos reads ${LOCK_API_VERSION} lock files` });
  if (data.kind !== LOCK_KIND) problems.push({ path: 'kind', message: `kind ${JSON.stringify(data.kind)} is not ${LOCK_KIND}` });
  const raw = data.ranges ?? [];
  if (!Array.isArray(raw)) {
    problems.push({ path: 'ranges', message: 'ranges must be a list (write ranges: [] for none)' });
    throw new ProblemError('lock', problems);
  }
  const entries: LockEntry[] = [];
  raw.forEach((item: unknown, i) => {
    const at = (field?: string): string => `ranges[${i}]${field === undefined ? '' : `.${field}`}`;
    if (!isMap(item)) {
      problems.push({ path: at(), message: 'each range is a mapping {network, range, purpose, ...}' });
      return;
    }
    const before = problems.length;
    for (const key of Object.keys(item).sort(compareText)) {
      if (!ENTRY_KEYS.includes(key)) problems.push({ path: at(key), message: `unknown key ${JSON.stringify(key)}; a range has ${ENTRY_KEYS.join(', ')}` });
    }
    const text = (field: string, required: boolean): string | undefined => {
      const value = item[field];
      if (value === undefined || value === null) {
        if (required) problems.push({ path: at(field), message: `${field} is required` });
        return undefined;
      }
      if (!isName(value)) {
        problems.push({ path: at(field), message: `${field} must be a non-empty string, not ${JSON.stringify(value)}` });
        return undefined;
      }
      return value;
    };
    const network = text('network', true);
    const rangeText = text('range', true);
    const purpose = text('purpose', true);
    const range = rangeText === undefined ? undefined : parseRangeText(rangeText, { strict: true });
    if (rangeText !== undefined && range === undefined) {
      problems.push({ path: at('range'), message: `${JSON.stringify(rangeText)} is not an address, an addr/len block without host bits, or first-last with first <= last` });
    }
    if (purpose !== undefined && purpose !== 'pool' && purpose !== 'endpoint' && purpose !== 'retired') {
      problems.push({ path: at('purpose'), message: `purpose ${JSON.stringify(purpose)} is not pool, endpoint or retired` });
    }
    if (purpose === 'pool') {
      const pool = text('pool', true);
      const kind = text('kind', true);
      const namespace = text('namespace', false);
      const cluster = text('cluster', false);
      const part = item.part ?? 1;
      if (kind !== undefined && !(POOL_KINDS as readonly string[]).includes(kind)) problems.push({ path: at('kind'), message: `kind ${JSON.stringify(kind)} is not InClusterIPPool or GlobalInClusterIPPool` });
      if (!Number.isSafeInteger(part) || (part as number) < 1) problems.push({ path: at('part'), message: `part ${JSON.stringify(part)} is not a whole number >= 1` });
      if (problems.length === before && range !== undefined) {
        const entry: LockedPoolRange = {
          purpose: 'pool', network: network!, family: range.family, start: range.start, end: range.end,
          pool: pool!, part: part as number, kind: kind as PoolKind,
          ...(namespace === undefined ? {} : { namespace }), ...(cluster === undefined ? {} : { cluster }),
        };
        entries.push(entry);
      }
    } else if (purpose === 'endpoint') {
      const cluster = text('cluster', true);
      for (const field of ['pool', 'part', 'kind', 'namespace']) {
        if (item[field] !== undefined) problems.push({ path: at(field), message: `an endpoint has no ${field}; remove it` });
      }
      if (problems.length === before && range !== undefined) {
        const entry: LockedEndpoint = { purpose: 'endpoint', network: network!, family: range.family, start: range.start, end: range.end, cluster: cluster! };
        entries.push(entry);
      }
    } else if (purpose === 'retired') {
      const pool = text('pool', false);
      const cluster = text('cluster', false);
      for (const field of ['part', 'kind', 'namespace']) {
        if (item[field] !== undefined) problems.push({ path: at(field), message: `a retired range has no ${field}; remove it` });
      }
      if (item.pool === undefined && item.cluster === undefined) problems.push({ path: at(), message: 'a retired range names the pool or the cluster that held it' });
      if (problems.length === before && range !== undefined) {
        entries.push({
          purpose: 'retired', network: network!, family: range.family, start: range.start, end: range.end,
          ...(pool === undefined ? {} : { pool }), ...(cluster === undefined ? {} : { cluster }),
        });
      }
    }
  });
  if (problems.length > 0) throw new ProblemError('lock', problems);
  const lock: Lock = { ranges: entries };
  const inconsistent = validateLock(lock);
  if (inconsistent.length > 0) throw new ProblemError('lock', inconsistent);
  return sortLock(lock);
}

const KEYWORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9._-]*$/;
const PLAIN_RANGE = /^[0-9a-f](?:[0-9a-f.:/-]*[0-9a-f])?$/;
// YAML 1.1 reads `1:20` or `1:2:3` as a base-60 number; such text is quoted for other readers.
const SEXAGESIMAL = /^[0-9]+(?::[0-9]+)+$/;

/** A scalar as YAML text: plain where no YAML reader can mistake it, else double-quoted. */
function scalar(value: string, kind: 'name' | 'range'): string {
  const plain = kind === 'name'
    ? PLAIN_NAME.test(value) && !KEYWORDS.has(value.toLowerCase())
    : PLAIN_RANGE.test(value) && !SEXAGESIMAL.test(value);
  return plain ? value : JSON.stringify(value);
}

const HEADER = [
  '# ipam.lock.yaml: every IP range planned by capi-ionos, one line per range, sorted by network',
  '# and address. Written by `capi-ionos plan`; commit it and review its changes. The planner keeps',
  '# every range here where it is, places new pools in free space, and never shrinks, moves or',
  '# renumbers a pool listed here unless run with --allow-renumber. Ranges of pools and endpoints',
  '# that left the fleet, and the old ranges of renumbered ones (purpose retired), stay until a',
  '# plan with --prune releases them.',
  '# Fields: network; range (an address, addr/len or first-last); purpose (pool | endpoint |',
  '# retired); pool; part (position in the pool\'s addresses, 1 when absent); kind; namespace;',
  '# cluster.',
];

/**
 * Writes a lock as `ipam.lock.yaml` text: a header comment, then one flow mapping per range in
 * the lock's order, keys in a fixed order, scalars quoted only when needed. The same lock gives
 * the same bytes; `parseLock(formatLock(lock))` gives the lock back.
 */
export function formatLock(lock: Lock): string {
  const entries = sortLock(lock).ranges;
  const lines = [...HEADER, `apiVersion: ${LOCK_API_VERSION}`, `kind: ${LOCK_KIND}`];
  if (entries.length === 0) {
    lines.push('ranges: []');
    return lines.join('\n') + '\n';
  }
  lines.push('ranges:');
  for (const entry of entries) {
    const fields = [`network: ${scalar(entry.network, 'name')}`, `range: ${scalar(formatLockRange(entry), 'range')}`, `purpose: ${entry.purpose}`];
    if (entry.purpose === 'pool') {
      fields.push(`pool: ${scalar(entry.pool, 'name')}`);
      if (entry.part !== 1) fields.push(`part: ${entry.part}`);
      fields.push(`kind: ${entry.kind}`);
      if (entry.namespace !== undefined) fields.push(`namespace: ${scalar(entry.namespace, 'name')}`);
      if (entry.cluster !== undefined) fields.push(`cluster: ${scalar(entry.cluster, 'name')}`);
    } else if (entry.purpose === 'endpoint') {
      fields.push(`cluster: ${scalar(entry.cluster, 'name')}`);
    } else {
      if (entry.pool !== undefined) fields.push(`pool: ${scalar(entry.pool, 'name')}`);
      if (entry.cluster !== undefined) fields.push(`cluster: ${scalar(entry.cluster, 'name')}`);
    }
    lines.push(`  - {${fields.join(', ')}}`);
  }
  return lines.join('\n') + '\n';
}
