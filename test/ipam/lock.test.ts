import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { maxValue, parseIp, type Family } from '../../src/ipam/ip.js';
import { formatLock, parseLock, readCanonicalLock, sortLock, validateLock } from '../../src/ipam/lock.js';
import type { Lock, LockEntry } from '../../src/ipam/plan-model.js';
import { isProblemError } from '../../src/problems.js';

const ip = (text: string): bigint => parseIp(text)!.value;

const HEADER = `# ipam.lock.yaml: every IP range planned by capi-ionos, one line per range, sorted by network
# and address. Written by \`capi-ionos plan\`; commit it and review its changes. The planner keeps
# every range here where it is, places new pools in free space, and never shrinks, moves or
# renumbers a pool listed here unless run with --allow-renumber. Ranges of pools and endpoints
# that left the fleet, and the old ranges of renumbered ones (purpose retired), stay until a
# plan with --prune releases them.
# Fields: network; range (an address, addr/len or first-last); purpose (pool | endpoint |
# retired); pool; part (position in the pool's addresses, 1 when absent); kind; namespace;
# cluster.
apiVersion: capi-ionos.dev/v1alpha1
kind: IpamLock
`;

const example: Lock = {
  ranges: [
    { purpose: 'endpoint', network: 'nodes', family: 4, start: ip('10.20.255.254'), end: ip('10.20.255.254'), cluster: 'prod-a' },
    { purpose: 'pool', network: 'storage', family: 4, start: ip('172.16.0.64'), end: ip('172.16.0.127'), pool: 'shared-storage', part: 1, kind: 'GlobalInClusterIPPool' },
    { purpose: 'pool', network: 'nodes', family: 4, start: ip('10.20.1.0'), end: ip('10.20.1.63'), pool: 'prod-a-nodes', part: 1, kind: 'InClusterIPPool', namespace: 'prod-a', cluster: 'prod-a' },
    { purpose: 'pool', network: 'nodes', family: 4, start: ip('10.20.1.64'), end: ip('10.20.1.79'), pool: 'prod-a-nodes', part: 2, kind: 'InClusterIPPool', namespace: 'prod-a', cluster: 'prod-a' },
    { purpose: 'pool', network: 'v6', family: 6, start: ip('fd00:0:0:1::'), end: ip('fd00:0:0:1:ffff:ffff:ffff:ffff'), pool: 'prod-a-v6', part: 1, kind: 'InClusterIPPool', namespace: 'prod-a', cluster: 'prod-a' },
    { purpose: 'pool', network: 'v6', family: 6, start: ip('fd00:0:0:2::'), end: ip('fd00:0:0:2::6'), pool: 'packed', part: 1, kind: 'GlobalInClusterIPPool' },
    { purpose: 'retired', network: 'nodes', family: 4, start: ip('10.20.2.0'), end: ip('10.20.2.255'), pool: 'prod-a-nodes', cluster: 'prod-a' },
    { purpose: 'retired', network: 'nodes', family: 4, start: ip('10.20.255.253'), end: ip('10.20.255.253'), cluster: 'prod-b' },
  ],
};

const EXAMPLE_TEXT = `${HEADER}ranges:
  - {network: nodes, range: 10.20.1.0/26, purpose: pool, pool: prod-a-nodes, kind: InClusterIPPool, namespace: prod-a, cluster: prod-a}
  - {network: nodes, range: 10.20.1.64/28, purpose: pool, pool: prod-a-nodes, part: 2, kind: InClusterIPPool, namespace: prod-a, cluster: prod-a}
  - {network: nodes, range: 10.20.2.0/24, purpose: retired, pool: prod-a-nodes, cluster: prod-a}
  - {network: nodes, range: 10.20.255.253, purpose: retired, cluster: prod-b}
  - {network: nodes, range: 10.20.255.254, purpose: endpoint, cluster: prod-a}
  - {network: storage, range: 172.16.0.64/26, purpose: pool, pool: shared-storage, kind: GlobalInClusterIPPool}
  - {network: v6, range: fd00:0:0:1::/64, purpose: pool, pool: prod-a-v6, kind: InClusterIPPool, namespace: prod-a, cluster: prod-a}
  - {network: v6, range: fd00:0:0:2::-fd00:0:0:2::6, purpose: pool, pool: packed, kind: GlobalInClusterIPPool}
`;

function problemsOf(text: string): { path: string; message: string; line?: number; column?: number }[] {
  try {
    parseLock(text);
  } catch (error) {
    if (isProblemError(error)) return error.problems.map((p) => ({ path: p.path, message: p.message, ...(p.line === undefined ? {} : { line: p.line, column: p.column }) }));
    throw error;
  }
  throw new Error('expected a ProblemError');
}

describe('formatLock', () => {
  it('writes a header, then one sorted line per range with keys in a fixed order', () => {
    expect(formatLock(example)).toBe(EXAMPLE_TEXT);
  });

  it('writes an empty lock as an empty list', () => {
    expect(formatLock({ ranges: [] })).toBe(`${HEADER}ranges: []\n`);
    expect(parseLock(formatLock({ ranges: [] }))).toEqual({ ranges: [] });
  });

  it('gives the same bytes for the ranges in any order', () => {
    expect(formatLock({ ranges: [...example.ranges].reverse() })).toBe(EXAMPLE_TEXT);
  });

  it('quotes names that a YAML reader would take for something else', () => {
    const names = ['yes', 'No', 'null', '~', '1e3', '0775', 'a b', 'x: y', 'c#d', 'ünï', '-', '"q"', 'on', 'true', '12:30', ' lead'];
    const lock: Lock = {
      ranges: names.map((name, i): LockEntry => ({ purpose: 'pool', network: name, family: 4, start: BigInt(i * 4), end: BigInt(i * 4 + 3), pool: name, part: 1, kind: 'InClusterIPPool', namespace: name, cluster: name })),
    };
    const text = formatLock(lock);
    expect(text).toContain('{network: "yes", range: 0.0.0.0/30, purpose: pool, pool: "yes"');
    expect(parseLock(text)).toEqual(sortLock(lock));
  });
});

describe('parseLock', () => {
  it('reads what formatLock writes, sorted', () => {
    expect(parseLock(EXAMPLE_TEXT)).toEqual(sortLock(example));
  });

  it('accepts non-canonical address text and a missing ranges key', () => {
    const text = `apiVersion: capi-ionos.dev/v1alpha1\nkind: IpamLock\nranges:\n  - network: v6\n    range: FD00:0::0001-fd00::00ff\n    purpose: pool\n    pool: p\n    kind: GlobalInClusterIPPool\n`;
    expect(parseLock(text).ranges[0]).toEqual({ purpose: 'pool', network: 'v6', family: 6, start: ip('fd00::1'), end: ip('fd00::ff'), pool: 'p', part: 1, kind: 'GlobalInClusterIPPool' });
    expect(parseLock('apiVersion: capi-ionos.dev/v1alpha1\nkind: IpamLock\n')).toEqual({ ranges: [] });
  });

  it('fails on YAML syntax errors, naming line and column', () => {
    const problems = problemsOf(`${HEADER}ranges:\n  - {network: nodes, range: 10.0.0.0/24\n<<<<<<< HEAD\n`);
    expect(problems[0]).toMatchObject({ path: '', line: expect.any(Number), column: expect.any(Number) });
    expect(problems[0]!.message).toContain('fix the YAML (an unresolved merge conflict?)');
  });

  it('fails on something that is not a lock file', () => {
    expect(problemsOf('- a\n- b\n')).toEqual([{ path: '', message: 'a lock file is a mapping with apiVersion capi-ionos.dev/v1alpha1, kind IpamLock and ranges; restore it from version control' }]);
    expect(problemsOf('apiVersion: v2\nkind: Lock\nextra: 1\nranges: {}\n')).toEqual([
      { path: 'extra', message: 'unknown key "extra"; a lock file has apiVersion, kind and ranges' },
      { path: 'apiVersion', message: 'apiVersion "v2" is not capi-ionos.dev/v1alpha1; this version of capi-ionos reads capi-ionos.dev/v1alpha1 lock files' },
      { path: 'kind', message: 'kind "Lock" is not IpamLock' },
      { path: 'ranges', message: 'ranges must be a list (write ranges: [] for none)' },
    ]);
  });

  it('fails on malformed entries, naming every one by its index in the file', () => {
    const text = `${HEADER}ranges:
  - just text
  - {network: n, range: 10.0.0.1/24, purpose: pool, pool: a, kind: InClusterIPPool}
  - {network: n, range: 10.0.0.9-10.0.0.1, purpose: pool, pool: b, kind: Pool, part: 0}
  - {network: n, range: 10.0.0.5, purpose: endpoint, cluster: c, pool: x, colour: red}
  - {network: "", range: 10.0.0.6, purpose: vip}
  - {range: 10.0.0.7, purpose: endpoint}
  - {network: n, range: 10.0.0.8, purpose: retired, kind: InClusterIPPool}
`;
    expect(problemsOf(text)).toEqual([
      { path: 'ranges[0]', message: 'each range is a mapping {network, range, purpose, ...}' },
      { path: 'ranges[1].range', message: '"10.0.0.1/24" is not an address, an addr/len block without host bits, or first-last with first <= last' },
      { path: 'ranges[2].range', message: '"10.0.0.9-10.0.0.1" is not an address, an addr/len block without host bits, or first-last with first <= last' },
      { path: 'ranges[2].kind', message: 'kind "Pool" is not InClusterIPPool or GlobalInClusterIPPool' },
      { path: 'ranges[2].part', message: 'part 0 is not a whole number >= 1' },
      { path: 'ranges[3].colour', message: 'unknown key "colour"; a range has network, range, purpose, pool, part, kind, namespace, cluster' },
      { path: 'ranges[3].pool', message: 'an endpoint has no pool; remove it' },
      { path: 'ranges[4].network', message: 'network must be a non-empty string, not ""' },
      { path: 'ranges[4].purpose', message: 'purpose "vip" is not pool, endpoint or retired' },
      { path: 'ranges[5].network', message: 'network is required' },
      { path: 'ranges[5].cluster', message: 'cluster is required' },
      { path: 'ranges[6].kind', message: 'a retired range has no kind; remove it' },
      { path: 'ranges[6]', message: 'a retired range names the pool or the cluster that held it' },
    ]);
  });

  it('fails on overlapping ranges, such as a badly resolved merge conflict leaves', () => {
    const text = `${HEADER}ranges:
  - {network: n, range: 10.0.0.0/28, purpose: pool, pool: a, kind: InClusterIPPool}
  - {network: n, range: 10.0.0.8/29, purpose: pool, pool: b, kind: InClusterIPPool}
  - {network: m, range: 10.0.0.8/29, purpose: pool, pool: c, kind: InClusterIPPool}
`;
    expect(problemsOf(text)).toEqual([{
      path: 'ranges[1]',
      message: 'pool "b" at 10.0.0.8/29 in network "n" overlaps pool "a" at 10.0.0.0/28 in network "n" (ranges[0]); two lock entries never share an address — keep one and re-run plan to place the other',
    }]);
  });

  it('fails on a pool whose ranges disagree or whose parts have gaps, and on two endpoints for a cluster', () => {
    const text = `${HEADER}ranges:
  - {network: n, range: 10.0.0.0/28, purpose: pool, pool: a, kind: InClusterIPPool, namespace: x}
  - {network: m, range: 10.0.0.16/28, purpose: pool, pool: a, part: 3, kind: GlobalInClusterIPPool}
  - {network: n, range: 10.0.0.100, purpose: endpoint, cluster: c}
  - {network: n, range: 10.0.0.101, purpose: endpoint, cluster: c}
`;
    expect(problemsOf(text).map((p) => p.path)).toEqual([
      'ranges[3]', 'ranges[1].network', 'ranges[1].kind', 'ranges[1].namespace', 'ranges[0].part',
    ]);
    expect(problemsOf(text)[4]!.message).toBe('pool "a" has parts 1, 3; its 2 ranges must be numbered 1 to 2 (part 1 may be left out)');
  });
});

describe('validateLock', () => {
  it('rejects locks built in code with impossible values', () => {
    const lock = {
      ranges: [
        { purpose: 'pool', network: 'n', family: 4, start: 0n, end: maxValue(4) + 1n, pool: 'a', part: 1, kind: 'InClusterIPPool' },
        { purpose: 'pool', network: 'n', family: 5, start: 0n, end: 1n, pool: 'b', part: 1, kind: 'InClusterIPPool' },
        { purpose: 'pool', network: 'n', family: 4, start: 10n, end: 11n, pool: 'c', part: 1, kind: 'GlobalInClusterIPPool', namespace: 'x' },
      ],
    } as unknown as Lock;
    expect(validateLock(lock, 'lock.').map((p) => p.path)).toEqual(['lock.ranges[0].range', 'lock.ranges[1].range', 'lock.ranges[2].namespace']);
  });
});

/** Disjoint random entries per network and family, with names that need quoting now and then. */
const nameArb = fc.oneof(
  fc.constantFrom('nodes', 'storage', 'yes', 'null', '1e3', 'a b', 'x: y', '#', 'ünï', '', '-a'),
  fc.string({ minLength: 1, maxLength: 6 }),
).filter((s) => s !== '');

const lockArb = fc.array(
  fc.record({
    network: nameArb,
    family: fc.constantFrom<Family>(4, 6),
    base: fc.constantFrom('fd00::', '::', '2001:db8:0:1::', '::ffff:0:0'),
    offset: fc.bigInt({ min: 0n, max: 1000n }),
    length: fc.bigInt({ min: 1n, max: 300n }),
    purpose: fc.constantFrom('pool', 'pool', 'endpoint', 'retired'),
    name: nameArb,
    kind: fc.constantFrom('InClusterIPPool' as const, 'GlobalInClusterIPPool' as const),
    namespace: fc.option(nameArb, { nil: undefined }),
    cluster: fc.option(nameArb, { nil: undefined }),
  }),
  { maxLength: 25 },
).map((raw): Lock => {
  // Lay the ranges out one after the other per (network, family) so they never overlap; names
  // are made unique per entry so each pool has one range and each cluster one endpoint.
  const cursor = new Map<string, bigint>();
  const ranges = raw.map((x, i): LockEntry => {
    const key = `${x.network}/${x.family}/${x.family === 6 ? x.base : ''}`;
    const base = x.family === 4 ? ip('10.0.0.0') : ip(x.base);
    const start = (cursor.get(key) ?? base) + x.offset;
    const end = x.purpose === 'endpoint' ? start : start + x.length - 1n;
    cursor.set(key, end + 1n);
    if (x.purpose === 'retired') return { purpose: 'retired', network: x.network, family: x.family, start, end, ...(x.cluster === undefined ? { pool: x.name } : { cluster: x.cluster }) };
    if (x.purpose === 'endpoint') return { purpose: 'endpoint', network: x.network, family: x.family, start, end, cluster: `${x.name}${i}` };
    return {
      purpose: 'pool', network: x.network, family: x.family, start, end, pool: `${x.name}${i}`, part: 1,
      kind: x.kind, ...(x.kind === 'InClusterIPPool' && x.namespace !== undefined ? { namespace: x.namespace } : {}),
      ...(x.cluster === undefined ? {} : { cluster: x.cluster }),
    };
  });
  return { ranges };
});

describe('the lock format', () => {
  it('round-trips any lock through formatLock and parseLock, byte-stable', () => {
    fc.assert(fc.property(lockArb, (lock) => {
      const text = formatLock(lock);
      const back = parseLock(text);
      expect(back).toEqual(sortLock(lock));
      expect(formatLock(back)).toBe(text);
      // Any YAML reader sees one mapping per range.
      expect((parse(text) as { ranges: unknown[] | null }).ranges ?? []).toHaveLength(lock.ranges.length);
    }), { numRuns: 300 });
  });
});

describe('the fast reader for canonical lock text', () => {
  it('reads what the yaml package reads from any lock formatLock writes without quotes', () => {
    expect(readCanonicalLock(EXAMPLE_TEXT)).toEqual(parse(EXAMPLE_TEXT));
    fc.assert(fc.property(lockArb, (lock) => {
      const text = formatLock(lock);
      const fast = readCanonicalLock(text);
      // Quoted scalars are left to the yaml package.
      expect(fast === undefined).toBe(text.includes('"'));
      if (fast !== undefined) expect(fast).toEqual(parse(text));
    }), { numRuns: 300 });
  });

  it('reads what the yaml package reads, or leaves the text to it, for arbitrary lines', () => {
    // Mostly values the fast reader takes, now and then one it must leave to the yaml package.
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('nodes', 'InClusterIPPool', 'capi-ionos.dev/v1alpha1', 'IpamLock', 'pool', 'endpoint', 'retired', 'e5', 'NaN', 'a-', '10.0.0.1', '10.0.0.0/24', 'fd00::1-fd00::5', '1:2:3:4:5:6:7:8', '12:30:1', '1.2.3', '2') },
      { weight: 1, arbitrary: fc.constantFrom('yes', 'True', 'NULL', '~', '1e3', '123', '1.5', '0x1f', '.inf', '1.2', 'fd00::', '::1', '12:30', 'a: b', 'x,y', '#c', '"q"', "'q'", '', ' ', 'a b', '-a', '{x}', '[1]', '0', '07') },
    );
    const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('network', 'range', 'purpose', 'pool', 'part', 'kind', 'namespace', 'cluster') }, { weight: 1, arbitrary: fc.constant('colour') });
    const entry = fc.uniqueArray(fc.tuple(key, token), { minLength: 1, maxLength: 5, selector: ([k]) => k }).map((fields) => `  - {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
    const line = fc.oneof(
      entry, entry, entry,
      fc.constantFrom('# comment', 'ranges:', 'ranges: []', '', '  # indented comment', 'ranges: ~'),
      token.map((v) => `apiVersion: ${v}`), token.map((v) => `kind: ${v}`),
    );
    // Mostly canonical texts (a header, `ranges:`, entries) so the fast reader often answers.
    const headerValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('capi-ionos.dev/v1alpha1', 'IpamLock', 'v2') }, { weight: 1, arbitrary: token });
    const canonical = fc.tuple(headerValue, headerValue, fc.array(entry, { maxLength: 4 }), fc.array(line, { maxLength: 1 })).map(([v, k, entries, extra]) => [
      `apiVersion: ${v}`, `kind: ${k}`, 'ranges:', ...entries, ...extra,
    ]);
    fc.assert(fc.property(fc.oneof(fc.array(line, { maxLength: 8 }), canonical), fc.boolean(), (lines, newline) => {
      const text = lines.join('\n') + (newline ? '\n' : '');
      const fast = readCanonicalLock(text);
      if (fast === undefined) return;
      const doc = parseDocument(text, { uniqueKeys: true });
      expect(doc.errors).toEqual([]);
      expect(fast).toEqual(doc.toJS());
    }), { numRuns: 2000 });
  });
});
