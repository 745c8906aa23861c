import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatValue } from '../../src/cli/diff-report.js';
import { diffLocks, diffManifests, fieldChanges } from '../../src/fleet/diff.js';
import { parseLock } from '../../src/ipam/lock.js';
import { readTree } from '../synth/tree.js';
import { fleetWorkspace, FOURTH_CLUSTER, ROOT, type Workspace } from './fleet-workspace.js';
import { run } from './run.js';

let ws: Workspace | undefined;
afterEach(() => {
  if (ws) rmSync(ws.dir, { recursive: true, force: true });
  ws = undefined;
});

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  });
}

/** A workspace that is a Git repository with everything committed on branch main. */
function committedWorkspace(): Workspace {
  const w = fleetWorkspace();
  git(w.dir, 'init', '-q', '-b', 'main');
  git(w.dir, 'add', '.');
  git(w.dir, 'commit', '-q', '-m', 'fleet');
  return w;
}

interface JsonDiff {
  changed: boolean;
  lock: { change: string; purpose: string; name: string; network: string; before: string[]; after: string[]; addressesBefore: number; addressesAfter: number }[] | null;
  directories: { name: string; change: string; objects: { change: string; kind: string; name: string; namespace: string | null; file: string; fields: { path: string; before: unknown; after: unknown }[] }[]; files: unknown[] }[];
  unchangedDirectories: number;
}

async function jsonDiff(args: string[]): Promise<JsonDiff> {
  const result = await run(['diff', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as JsonDiff;
}

describe('capi-ionos diff (against dist/ on disk)', () => {
  it('reports no changes when dist/ and the lock match a fresh synthesis, and exits 0 even with --exit-code', async () => {
    ws = fleetWorkspace();
    const before = readTree(ws.dir);
    const result = await run(['diff', ws.fleet, '--exit-code']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^no changes: the fresh synthesis matches .*dist on disk\n$/);
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('shows an added cluster: its ranges in the IP plan first, then its directory with every object added', async () => {
    ws = fleetWorkspace();
    ws.append(FOURTH_CLUSTER);
    const before = readTree(ws.dir);
    const result = await run(['diff', ws.fleet]);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    expect(text.indexOf('IP plan')).toBeLessThan(text.indexOf('Manifests'));
    expect(text).toMatch(/^ {2}\+ pool prod-c-nodes \(nodes\): 10\.20\.\S+ \(\d+ addresses\)$/m);
    expect(text).toMatch(/^ {2}\+ pool prod-c-storage \(storage\): /m);
    expect(text).toMatch(/^ {2}\+ VIP prod-c \(nodes\): 10\.20\.\S+ \(1 address\)$/m);
    expect(text).toMatch(/^prod-c \(new cluster: \d+ added\)$/m);
    expect(text).toContain('  + Cluster prod-c/prod-c\n');
    expect(text).toContain('  + MachineDeployment prod-c/prod-c-workers\n');
    expect(text).not.toMatch(/^(prod-a|prod-b|edge|_shared) /m);
    expect(text).toMatch(/1 cluster added, 0 changed, 0 removed; objects: \d+ added, 0 changed, 0 removed; IP plan: 3 changes\n$/);
    // Nothing is written: diff synthesises in memory and does not update the lock.
    expect(readTree(ws.dir)).toEqual(before);

    const json = await jsonDiff([ws.fleet]);
    expect(json.changed).toBe(true);
    expect(json.lock!.map((r) => `${r.change} ${r.purpose} ${r.name}`).sort()).toEqual(['added endpoint prod-c', 'added pool prod-c-nodes', 'added pool prod-c-storage']);
    expect(json.directories.map((d) => [d.name, d.change])).toEqual([['prod-c', 'added']]);
    expect(json.directories[0]!.objects.every((o) => o.change === 'added' && o.file.startsWith('prod-c/'))).toBe(true);
    expect(json.unchangedDirectories).toBe(4);
  });

  it('shows a changed replica count as one field of one object, with no IP plan change', async () => {
    ws = fleetWorkspace();
    ws.edit('replicas: 2', 'replicas: 3'); // prod-a's db pool: its pools have room for one more
    const result = await run(['diff', ws.fleet]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe([
      `Manifests (${relative(ROOT, join(ws.dir, 'dist'))} on disk → fresh synthesis):`,
      'prod-a (1 changed)',
      '  ~ MachineDeployment prod-a/prod-a-db',
      '      spec.replicas: 2 → 3',
      '',
      '0 clusters added, 1 changed, 0 removed; objects: 0 added, 1 changed, 0 removed; IP plan: unchanged',
      '',
    ].join('\n'));
  });

  it('shows a pool that grows: the lock gains a range for it, and its InClusterIPPool gains the addresses', async () => {
    // GIVEN one more worker in prod-a, whose storage pool (a /29: 8 addresses) is then too small
    ws = fleetWorkspace();
    ws.edit('replicas: 5', 'replicas: 6');
    // WHEN diffed
    const json = await jsonDiff([ws.fleet]);
    // THEN the IP plan shows the pool grown: its range kept, a second one added
    expect(json.lock).toHaveLength(1);
    const grown = json.lock![0]!;
    expect(grown).toMatchObject({ change: 'grown', purpose: 'pool', name: 'prod-a-storage', network: 'storage', before: ['172.16.0.8/29'], addressesBefore: 8 });
    expect(grown.after[0]).toBe('172.16.0.8/29');
    expect(grown.after.length).toBeGreaterThan(1);
    expect(grown.addressesAfter).toBeGreaterThan(8);
    // AND the pool object gains exactly those ranges, next to the replica change
    const prodA = json.directories.find((d) => d.name === 'prod-a')!;
    expect(json.directories.map((d) => d.name)).toEqual(['prod-a']);
    const pool = prodA.objects.find((o) => o.kind === 'InClusterIPPool')!;
    expect(pool).toMatchObject({ change: 'changed', name: 'prod-a-storage' });
    expect(pool.fields).toEqual(grown.after.slice(1).map((r, i) => ({ path: `spec.addresses[${i + 1}]`, before: null, after: r, beforeAbsent: true })));
    const workers = prodA.objects.find((o) => o.kind === 'MachineDeployment')!;
    expect(workers.fields).toEqual([{ path: 'spec.replicas', before: 5, after: 6 }]);

    const text = (await run(['diff', ws.fleet])).stdout;
    expect(text).toMatch(/^ {2}~ pool prod-a-storage \(storage\): 172\.16\.0\.8\/29 → 172\.16\.0\.8\/29 \S+.* \(grown, 8 → \d+ addresses\)$/m);
    expect(text).toMatch(/^ {6}spec\.addresses\[1\]: \(absent\) → 172\.16\.\S+$/m);
    expect(text.indexOf('pool prod-a-storage')).toBeLessThan(text.indexOf('InClusterIPPool'));
  });

  it('shows a removed cluster with every object removed, and exits 1 with --exit-code', async () => {
    ws = fleetWorkspace();
    const fleet = ws.read('fleet.yaml');
    writeFileSync(ws.fleet, fleet.slice(0, fleet.indexOf('  - name: edge\n')));
    const result = await run(['diff', ws.fleet, '--exit-code']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^edge \(cluster removed: \d+ removed\)$/m);
    expect(result.stdout).toContain('  - Cluster edge/edge\n');
    // The planner keeps a departed cluster's ranges until a plan with --prune, so the plan does not change.
    expect(result.stdout).not.toContain('IP plan (');
  });

  it('reports a hand-edited kustomization.yaml that no object change explains', async () => {
    ws = fleetWorkspace();
    writeFileSync(join(ws.dir, 'dist/prod-b/kustomization.yaml'), `${ws.read('dist/prod-b/kustomization.yaml')}namePrefix: x-\n`);
    const result = await run(['diff', ws.fleet, '--exit-code']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ~ file prod-b/kustomization.yaml (not explained by the objects; was it edited by hand?)\n');
  });

  it('treats a missing dist/ as empty: every cluster is new', async () => {
    ws = fleetWorkspace();
    rmSync(join(ws.dir, 'dist'), { recursive: true });
    const json = await jsonDiff([ws.fleet]);
    expect(json.directories.map((d) => [d.name, d.change])).toEqual([['_shared', 'added'], ['edge', 'added'], ['prod-a', 'added'], ['prod-b', 'added']]);
    expect(json.lock).toEqual([]);
  });

  it('compares a cdk8s app with its dist/ and its lock, as a fleet file', async () => {
    const result = await run(['diff', 'examples/basic/main.ts', '--format', 'json'], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ changed: false, lock: [], directories: [], unchangedDirectories: 2 });
  });

  it('writes a Markdown report for a pull-request comment', async () => {
    ws = fleetWorkspace();
    ws.append(FOURTH_CLUSTER);
    ws.edit('replicas: 2', 'replicas: 3');
    const result = await run(['diff', ws.fleet, '--format', 'markdown']);
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md).toMatch(/^### Manifest diff against `.*dist on disk`\n\n1 cluster added, 1 changed/);
    expect(md).toContain('| **added** | pool prod-c-nodes | nodes |  | `10.20.');
    expect(md).toContain('<details open><summary><code>prod-a</code>: 1 changed</summary>');
    expect(md).toContain('- `MachineDeployment prod-a/prod-a-db`\n  - `spec.replicas: 2 → 3`');
    expect(md).toContain('- **added** `Cluster prod-c/prod-c`');
    expect(md.indexOf('#### IP plan')).toBeLessThan(md.indexOf('<details'));
  });
});

describe('capi-ionos diff --base REF', () => {
  it('compares with dist/ and the lock as committed at REF, not with the files on disk', async () => {
    ws = committedWorkspace();
    // GIVEN a change that was synthesised (so dist/ on disk is up to date) but not committed
    ws.append(FOURTH_CLUSTER);
    expect((await run(['synth', ws.fleet])).code).toBe(0);
    expect((await run(['diff', ws.fleet, '--exit-code'])).code).toBe(0);
    // WHEN compared with the last commit
    const result = await run(['diff', ws.fleet, '--base', 'main', '--exit-code']);
    // THEN the new cluster and its ranges show
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('IP plan (ipam.lock.yaml, main → fresh plan):\n  + pool prod-c-nodes');
    expect(result.stdout).toMatch(/^prod-c \(new cluster: \d+ added\)$/m);
    expect(result.stdout).toMatch(/main → fresh synthesis/);
  });

  it('reports no changes against the commit that holds the fresh output', async () => {
    ws = committedWorkspace();
    const result = await run(['diff', ws.fleet, '--base', 'HEAD', '--exit-code']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toBe('no changes: the fresh synthesis matches HEAD\n');
  });

  it('reads the output directory of a fleet in a subdirectory of the repository', async () => {
    ws = fleetWorkspace();
    git(ws.dir, 'init', '-q', '-b', 'main');
    git(ws.dir, 'commit', '-q', '--allow-empty', '-m', 'empty');
    const { mkdirSync, renameSync, readdirSync } = await import('node:fs');
    mkdirSync(join(ws.dir, 'fleets/acme'), { recursive: true });
    for (const name of readdirSync(ws.dir).filter((n) => n !== '.git' && n !== 'fleets')) renameSync(join(ws.dir, name), join(ws.dir, 'fleets/acme', name));
    git(ws.dir, 'add', '.');
    git(ws.dir, 'commit', '-q', '-m', 'fleet');
    const fleet = join(ws.dir, 'fleets/acme/fleet.yaml');
    writeFileSync(fleet, readTree(join(ws.dir, 'fleets/acme'))['fleet.yaml']!.replace('replicas: 2', 'replicas: 3'));
    const json = await jsonDiff([fleet, '--base', 'HEAD~0']);
    expect(json.directories.map((d) => d.name)).toEqual(['prod-a']);
    expect(json.directories[0]!.objects[0]!.fields).toEqual([{ path: 'spec.replicas', before: 2, after: 3 }]);
    // Before the fleet was committed, the revision had no dist/: everything is new.
    const first = await jsonDiff([fleet, '--base', 'HEAD~1']);
    expect(first.directories.every((d) => d.change === 'added')).toBe(true);
    expect(first.lock!.every((r) => r.change === 'added')).toBe(true);
  });

  it('fails with a usage error for a revision that does not exist, saying how to fetch it', async () => {
    ws = committedWorkspace();
    const result = await run(['diff', ws.fleet, '--base', 'origin/main']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: --base origin/main: no such revision in this repository; fetch it first (e.g. git fetch origin main) or name an existing branch, tag or commit\n');
  });

  it('fails with a usage error outside a Git repository', async () => {
    ws = fleetWorkspace();
    const result = await run(['diff', ws.fleet, '--base', 'main'], { env: { ...process.env, GIT_CEILING_DIRECTORIES: join(ws.dir, '..') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --base main: .* is not inside a Git repository/);
  });
});

describe('capi-ionos diff (usage)', () => {
  it('rejects an unknown format and an unknown option', async () => {
    expect(await run(['diff', 'examples/fleet/fleet.yaml', '--format', 'yaml'], { cwd: ROOT })).toMatchObject({ code: 2, stderr: 'error: --format must be text, markdown or json, got "yaml"\n' });
    expect((await run(['diff', '--frob'])).stderr).toContain("Unknown option '--frob'");
  });

  it('prints its help with --help and is listed in the main help', async () => {
    const help = await run(['diff', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: capi-ionos diff \[FLEET\] \[--base REF\]/);
    expect((await run(['--help'])).stdout).toMatch(/^ {2}diff \[FLEET\] {7}/m);
  });
});

describe('the diff of two syntheses (pure)', () => {
  it('lists field changes with readable paths, absent fields marked', () => {
    expect(fieldChanges(
      { spec: { replicas: 5, addresses: ['a'], template: { metadata: { labels: { 'x.io/n': 'a' } } } } },
      { spec: { replicas: 6, addresses: ['a', 'b'], template: { metadata: { labels: { 'x.io/n': 'b' } } } }, status: {} },
    )).toEqual([
      { path: 'spec.addresses[1]', after: 'b' },
      { path: 'spec.replicas', before: 5, after: 6 },
      { path: 'spec.template.metadata.labels["x.io/n"]', before: 'a', after: 'b' },
      { path: 'status', after: {} },
    ]);
  });

  it('formats values plainly when unambiguous and as JSON otherwise, cut at 60 characters', () => {
    expect([formatValue(undefined), formatValue(5), formatValue('10.0.0.0/24'), formatValue('5'), formatValue('yes'), formatValue('a b'), formatValue({ a: 1 })])
      .toEqual(['(absent)', '5', '10.0.0.0/24', '"5"', '"yes"', '"a b"', '{"a":1}']);
    expect(formatValue('x'.repeat(100))).toHaveLength(60);
  });

  it('matches objects by identity, so a moved file is a change, and equal objects in other bytes are formatting only', () => {
    const doc = (replicas: number, quote = false) => `apiVersion: cluster.x-k8s.io/v1beta1\nkind: MachineDeployment\nmetadata:\n  name: ${quote ? '"w"' : 'w'}\n  namespace: n\nspec:\n  replicas: ${replicas}\n`;
    const moved = diffManifests([{ path: 'a/MachineDeployment.w.k8s.yaml', content: doc(1) }], [{ path: 'b/MachineDeployment.w.k8s.yaml', content: doc(1) }]);
    expect(moved.directories.map((d) => [d.name, d.objects.map((o) => [o.change, o.movedFrom])])).toEqual([['b', [['changed', 'a/MachineDeployment.w.k8s.yaml']]]]);
    const quoted = diffManifests([{ path: 'a/x.yaml', content: doc(1) }], [{ path: 'a/x.yaml', content: doc(1, true) }]);
    expect(quoted.directories[0]!.objects[0]).toMatchObject({ change: 'changed', formattingOnly: true, fields: [] });
  });

  it('classifies lock changes per owner: added, released, grown, shrunk and renumbered', () => {
    const lock = (lines: string[]) => parseLock(`apiVersion: capi-ionos.dev/v1alpha1\nkind: IpamLock\nranges:\n${lines.map((l) => `  - {${l}}`).join('\n')}\n`);
    const pool = (name: string, range: string, part?: number) => `network: n, range: ${range}, purpose: pool, pool: ${name}${part ? `, part: ${part}` : ''}, kind: InClusterIPPool, namespace: ns, cluster: c`;
    const before = lock([pool('grow', '10.0.0.0/28'), pool('shrink', '10.0.1.0/28'), pool('shrink', '10.0.2.0/28', 2), pool('move', '10.0.3.0/28'), pool('gone', '10.0.4.0/28'), 'network: n, range: 10.0.9.9, purpose: endpoint, cluster: c']);
    const after = lock([pool('grow', '10.0.0.0/28'), pool('grow', '10.0.5.0/28', 2), pool('shrink', '10.0.1.0/28'), pool('move', '10.0.6.0/27'), pool('new', '10.0.7.0/28'), 'network: n, range: 10.0.9.9, purpose: endpoint, cluster: c']);
    expect(diffLocks(before, after).map((r) => [r.change, r.name, r.before.join(' '), r.after.join(' '), Number(r.addressesBefore), Number(r.addressesAfter)])).toEqual([
      ['grown', 'grow', '10.0.0.0/28', '10.0.0.0/28 10.0.5.0/28', 16, 32],
      ['shrunk', 'shrink', '10.0.1.0/28 10.0.2.0/28', '10.0.1.0/28', 32, 16],
      ['renumbered', 'move', '10.0.3.0/28', '10.0.6.0/27', 16, 32],
      ['removed', 'gone', '10.0.4.0/28', '', 16, 0],
      ['added', 'new', '', '10.0.7.0/28', 0, 16],
    ]);
    expect(diffLocks(undefined, after).every((r) => r.change === 'added')).toBe(true);
  });
});
