import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockPathOf, parseLockFile, readLockFile, writeLockFile } from '../../src/fleet/lock-file.js';
import { loadFleet, planFleet } from '../../src/index.js';

const EXAMPLE = new URL('../../examples/fleet/', import.meta.url);

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lock-file-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as { problems: { file?: string; path: string }[] }).problems.map((p) => `${p.file}: ${p.path}`);
  }
  throw new Error('expected problems, none were thrown');
}

describe('the lock file on disk', () => {
  it('lives beside the fleet file', () => {
    expect(lockPathOf('/repo/fleets/acme/fleet.yaml')).toBe(join('/repo/fleets/acme', LOCK_FILE));
  });

  it('reads as absent when there is none', () => {
    // GIVEN a directory without a lock
    const path = join(scratch(), LOCK_FILE);
    // WHEN it is read THEN there is neither text nor lock
    expect(readLockFile(path)).toEqual({ path, text: undefined, lock: undefined });
  });

  it('rejects a broken lock, naming the lock file in every problem', () => {
    // GIVEN a lock whose range is not an address
    const path = join(scratch(), LOCK_FILE);
    writeFileSync(path, 'apiVersion: capi-ionos.dev/v1alpha1\nkind: IpamLock\nranges:\n'
      + '  - {network: n, range: nope, purpose: endpoint, cluster: c}\n');
    // WHEN it is read THEN every problem names ipam.lock.yaml
    const problems = problemsOf(() => readLockFile(path));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith(`${LOCK_FILE}: `))).toBe(true);
  });

  it('rejects a lock text from elsewhere under the name it is given', () => {
    const problems = problemsOf(() => parseLockFile('kind: Other\n', 'main:fleet/ipam.lock.yaml'));
    expect(problems[0]).toMatch(/^main:fleet\/ipam\.lock\.yaml: /);
  });

  it('is replaced whole, leaving no temporary file beside it', () => {
    // GIVEN an existing lock
    const dir = scratch();
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, 'old\n');
    // WHEN it is written
    writeLockFile(path, 'new\n', { token: 'test' });
    // THEN it holds the new text and is alone in its directory
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });
});

describe('planFleet and loadFleet from the package', () => {
  it('plans the example fleet against its committed lock without changing it', async () => {
    // GIVEN the example fleet and its lock in a scratch directory
    const dir = scratch();
    for (const file of ['fleet.yaml', LOCK_FILE]) copyFileSync(new URL(file, EXAMPLE), join(dir, file));
    // WHEN a TypeScript user plans it through the package index
    const planned = await planFleet(join(dir, 'fleet.yaml'), {});
    // THEN the plan has no errors and writes the lock back byte for byte
    expect(planned.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(planned.lockPath).toBe(join(dir, LOCK_FILE));
    expect(planned.lockAfter).toBe(planned.lockBefore);
    // AND loading it gives an app with one chart per cluster plus the shared objects
    const { app } = await loadFleet(join(dir, 'fleet.yaml'));
    expect(app.charts.length).toBe(planned.fleet.clusters.length + 1);
  });
});
