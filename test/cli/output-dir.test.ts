/**
 * `synth -o DIR` replaces DIR only when it is absent, empty or synth's own earlier output, and
 * what killed runs leave beside an output is removed by the next run. Real processes
 * (bin/capi-ionos.js, built by `npm run build`) on temporary directories; every refusal is held
 * to "nothing changed" by checksums of the whole tree before and after.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFleet } from '../../bench/fleet-generator.js';
import { OUTPUT_HEADER } from '../../src/synth/kustomization.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/capi-ionos.js');
let work: string;

beforeAll(() => {
  mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
  work = mkdtempSync(join(ROOT, '.test-tmp', 'outdir-'));
  mkdirSync(join(work, 'home'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the built CLI as a real process. */
function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home'), CI: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A checksum per path below `dir` (files by content, directories and links by kind). */
function checksums(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = lstatSync(path);
      const key = path.slice(dir.length);
      if (stat.isDirectory()) {
        out[key] = 'dir';
        walk(path);
      } else {
        out[key] = stat.isSymbolicLink() ? 'link' : createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(dir);
  return out;
}

/** A fleet repository: examples/fleet copied into a fresh directory, with a note beside it. */
function repository(): string {
  const dir = mkdtempSync(join(work, 'repo-'));
  cpSync(join(ROOT, 'examples/fleet'), dir, { recursive: true });
  writeFileSync(join(dir, 'NOTES.md'), 'my notes\n');
  return dir;
}

describe('capi-ionos synth -o DIR (refusals)', () => {
  /** [case, setup returning the synth arguments and the cwd, text the message must hold] */
  const REFUSALS: [string, (repo: string) => { args: string[]; cwd: string }, RegExp][] = [
    ['-o . in the fleet repository', (repo) => ({ args: ['synth', 'fleet.yaml', '-o', '.'], cwd: repo }), /^error: -o \.: is the directory of the fleet fleet\.yaml; synth replaces its output directory as a whole, so nothing was written\. Give a directory of its own, such as -o dist\n$/],
    ["an empty -o '' (an unset variable)", (repo) => ({ args: ['synth', 'fleet.yaml', '-o', ''], cwd: repo }), /^error: -o was given an empty directory name \(an unset variable\?\); nothing was written\. Give the output directory, such as -o dist\n$/],
    ['a file', (repo) => ({ args: ['synth', 'fleet.yaml', '-o', 'NOTES.md'], cwd: repo }), /^error: -o NOTES\.md: is a file, not a directory; .* Give a directory, such as -o dist \(it is created if missing\)\n$/],
    ['a directory holding other files', (repo) => {
      mkdirSync(join(repo, 'docs'));
      writeFileSync(join(repo, 'docs', 'runbook.md'), 'keep\n');
      return { args: ['synth', 'fleet.yaml', '-o', 'docs'], cwd: repo };
    }, /^error: -o docs: holds files that capi-ionos did not write \(runbook\.md\); .* pass --force to replace them/],
    ['a parent of the fleet directory', (repo) => ({ args: ['synth', 'fleet.yaml', '-o', '..'], cwd: repo }), /^error: -o \.\.: holds the fleet fleet\.yaml; /],
    ['the working directory, the fleet being elsewhere', (repo) => {
      mkdirSync(join(repo, 'elsewhere'));
      return { args: ['synth', join(repo, 'fleet.yaml'), '-o', '.'], cwd: join(repo, 'elsewhere') };
    }, /^error: -o \.: is the working directory; /],
  ];

  it.each(REFUSALS)('refuses %s with exit 2, a message saying what to do, and changes nothing', (_name, setup, message) => {
    // GIVEN a fleet repository (and whatever the case adds)
    const repo = repository();
    const { args, cwd } = setup(repo);
    const before = checksums(work);
    // WHEN synth is pointed at the target
    const result = cli(args, cwd);
    // THEN it refuses, saying why and what to do, and no byte under the work directory changed
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(checksums(work)).toEqual(before);
  });

  /** Targets that --force never overrides. */
  const NEVER: [string, (repo: string) => { args: string[]; cwd: string; env?: Record<string, string> }, RegExp][] = [
    ['/', (repo) => ({ args: ['synth', 'fleet.yaml', '-o', '/', '--force'], cwd: repo }), /^error: -o \/: is the root of the file system; /],
    ['$HOME', (repo) => {
      const home = mkdtempSync(join(work, 'home-'));
      writeFileSync(join(home, '.bashrc'), '# mine\n');
      return { args: ['synth', 'fleet.yaml', '-o', home, '--force'], cwd: repo, env: { HOME: home } };
    }, /: is your home directory \(\$HOME\); /],
    ['a git work tree root', (repo) => {
      const other = mkdtempSync(join(work, 'git-'));
      spawnSync('git', ['init', '-q', other]);
      writeFileSync(join(other, 'README'), 'x\n');
      return { args: ['synth', 'fleet.yaml', '-o', other, '--force'], cwd: repo };
    }, /: is the root of a git work tree \(it holds \.git\); /],
    ["the fleet's own directory", (repo) => ({ args: ['synth', join(repo, 'fleet.yaml'), '-o', repo, '--force'], cwd: work }), /: is the directory of the fleet fleet\.yaml; /],
    ['a parent of the fleet directory', (repo) => ({ args: ['synth', 'fleet.yaml', '-o', work, '--force'], cwd: repo }), /: holds the fleet fleet\.yaml; /],
  ];

  it.each(NEVER)('refuses %s even with --force, and changes nothing', (_name, setup, message) => {
    const repo = repository();
    const { args, cwd, env } = setup(repo);
    const before = checksums(work);
    const result = cli(args, cwd, env);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(checksums(work)).toEqual(before);
  });

  it('rejects --stdout together with -o, and a second FLEET', () => {
    const repo = repository();
    const before = checksums(work);
    expect(cli(['synth', 'fleet.yaml', '--stdout', '-o', 'x'], repo)).toMatchObject({ code: 2, stdout: '', stderr: 'error: --stdout prints the manifests and writes no directory; give either --stdout or -o DIR, not both\n' });
    expect(cli(['synth', 'fleet.yaml', 'other.yaml'], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('synth takes one FLEET, got 2') });
    expect(checksums(work)).toEqual(before);
  });
});

describe('capi-ionos synth -o DIR (what it may replace)', () => {
  it('replaces its own earlier output, the committed examples/fleet/dist included, and marks what it writes', () => {
    // GIVEN a repository whose dist/ is the committed output (the marked top kustomization.yaml)
    const repo = repository();
    expect(readFileSync(join(repo, 'dist/kustomization.yaml'), 'utf8').startsWith(OUTPUT_HEADER)).toBe(true);
    const committed = checksums(join(repo, 'dist'));
    // WHEN synth writes into it, twice
    const first = cli(['synth', 'fleet.yaml'], repo);
    const second = cli(['synth', 'fleet.yaml', '-o', 'dist'], repo);
    // THEN both succeed, with the same bytes as committed
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(checksums(join(repo, 'dist'))).toEqual(committed);
  });

  it('writes into an empty or a missing directory', () => {
    const repo = repository();
    mkdirSync(join(repo, 'empty'));
    expect(cli(['synth', 'fleet.yaml', '-o', 'empty'], repo).code).toBe(0);
    expect(cli(['synth', 'fleet.yaml', '-o', 'new/deeper'], repo).code).toBe(0);
    expect(checksums(join(repo, 'empty'))).toEqual(checksums(join(repo, 'dist')));
    expect(checksums(join(repo, 'new/deeper'))).toEqual(checksums(join(repo, 'dist')));
  });

  it('replaces a directory holding other files with --force, and then recognises it as its own', () => {
    const repo = repository();
    mkdirSync(join(repo, 'out'));
    writeFileSync(join(repo, 'out', 'old.yaml'), 'kind: Old\n');
    expect(cli(['synth', 'fleet.yaml', '-o', 'out', '--force'], repo).code).toBe(0);
    expect(existsSync(join(repo, 'out', 'old.yaml'))).toBe(false);
    expect(cli(['synth', 'fleet.yaml', '-o', 'out'], repo).code).toBe(0);
  });
});

/** A pid that no process has: a child that was started and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

describe('capi-ionos synth (leftovers of killed runs)', () => {
  it('removes the staging directory a synth killed with SIGKILL left, on the next run', async () => {
    // GIVEN a fleet large enough that its staging directory lives a while, and a synth of it
    // killed with SIGKILL while it writes
    const repo = mkdtempSync(join(work, 'kill-'));
    writeFileSync(join(repo, 'fleet.yaml'), generateFleet({ clusters: 300 }));
    expect(cli(['plan', 'fleet.yaml', '--write'], repo).code).toBe(0);
    const child = spawn(process.execPath, [BIN, 'synth', 'fleet.yaml'], { cwd: repo, stdio: 'ignore', env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home') } });
    const staging = `.dist.tmp-${child.pid}`;
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    for (let i = 0; i < 6000 && !existsSync(join(repo, staging)); i++) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(join(repo, staging))).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(repo, staging))).toBe(true);
    // AND leftovers of a live process (this one), which must stay
    mkdirSync(join(repo, `.dist.tmp-${process.pid}`));
    // WHEN synth runs again
    const again = cli(['synth', 'fleet.yaml'], repo);
    // THEN it succeeds, and only the dead run's staging directory is gone
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(repo).filter((n) => n.startsWith('.dist.')).sort()).toEqual([`.dist.tmp-${process.pid}`]);
  }, 180_000);

  it("removes a dead run's backup and temporary lock file once the new output is in place", () => {
    const repo = repository();
    const dead = deadPid();
    mkdirSync(join(repo, `.dist.old-${dead}`));
    writeFileSync(join(repo, `.dist.old-${dead}`, 'x.yaml'), 'x\n');
    writeFileSync(join(repo, `.ipam.lock.yaml.tmp-${dead}`), 'ranges: []\n');
    writeFileSync(join(repo, `.ipam.lock.yaml.tmp-${process.pid}`), 'still being written\n');
    // A fourth cluster, so that the lock is written.
    writeFileSync(join(repo, 'fleet.yaml'), readFileSync(join(repo, 'fleet.yaml'), 'utf8').replace('  - name: prod-b', '  - name: prod-c\n    namespace: prod-c\n    location: de/txl\n    datacenterID: 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00\n    credentialsSecret: ionos-credentials\n    kubernetesVersion: v1.31.2\n    controlPlane:\n      endpoint: auto\n      machine: {disk: {image: {id: 3f1e2d4c-0000-4000-8000-000000000001}}}\n      network: {ipv4: nodes}\n  - name: prod-b'));
    const result = cli(['synth', 'fleet.yaml'], repo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('updated');
    expect(readdirSync(repo).filter((n) => n.startsWith('.')).sort()).toEqual([`.ipam.lock.yaml.tmp-${process.pid}`]);
  });
});
