/**
 * Whole-process measurements: spawn a program, time it from the parent (Node start included),
 * and read its peak resident set size from `/usr/bin/time` when the machine has it.
 *
 * Child programs that are not the CLI (the floor, the naive cdk8s path) are written in TypeScript
 * under bench/child/ and transpiled here to plain ESM once per run, so that a child pays no
 * TypeScript loader at start-up, just as `bin/capi-ionos.js` runs built JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { compareText } from '../../src/vocabulary.js';

/** The repository root. */
const REPO = resolve(import.meta.dirname, '../..');

/**
 * The tree whose `bin/` and `lib/` are measured: the repository, or the copy named by
 * `CAPI_IONOS_BENCH_ROOT` (a snapshot of an earlier build, to measure before and after in one run).
 */
export const ROOT = resolve(process.env.CAPI_IONOS_BENCH_ROOT ?? REPO);

/** Where transpiled child programs go: inside node_modules, so that they resolve packages. */
const CHILD_DIR = join(REPO, 'node_modules', '.cache', 'capi-ionos-bench');

/**
 * Where benchmarks write their fleets and output: `CAPI_IONOS_BENCH_TMP`, else `/dev/shm` (a
 * tmpfs, so that the disk of a shared machine does not drown what is measured), else the
 * system's temporary directory. Synthesis and its floor write the same files to the same place.
 */
export function workDirectory(): string {
  return mkdtempSync(join(workBase(), 'capi-ionos-bench-'));
}

/** The directory {@link workDirectory} creates its directories in. */
export function workBase(): string {
  return process.env.CAPI_IONOS_BENCH_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
}

/** `/usr/bin/time`, which reports a child's peak RSS (`%M`, in KiB), if installed. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Transpiles `bench/child/<name>.ts` to an ES module and returns its path. Child programs import
 * the project only from `lib/` (built by `npm run bench`), through paths they receive.
 */
export function childProgram(name: string): string {
  const source = readFileSync(join(REPO, 'bench', 'child', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    fileName: `${name}.ts`,
  });
  mkdirSync(CHILD_DIR, { recursive: true });
  const path = join(CHILD_DIR, `${name}.mjs`);
  writeFileSync(path, outputText);
  return path;
}

/** One run of a process. */
export interface ProcessRun {
  /** Wall time from spawn to exit, measured by the parent. */
  readonly ms: number;
  /** Peak resident set size in MiB, when `/usr/bin/time` is available. */
  readonly maxRssMiB: number | undefined;
  /**
   * CPU time (user + system) in ms, when `/usr/bin/time` is available: less sensitive than wall
   * time to other work on a shared machine, though not to all of it.
   */
  readonly cpuMs: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runProcess}. */
export interface RunOptions {
  readonly cwd?: string;
  /** Measure peak RSS and CPU time (wraps the command in `/usr/bin/time`, about a millisecond more). */
  readonly rss?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `command args` to completion and times it.
 *
 * @throws Error when the process fails (a benchmark of a failing run would measure nothing)
 */
export function runProcess(command: string, args: readonly string[], options: RunOptions = {}): ProcessRun {
  const rssFile = options.rss && TIME !== undefined ? join(CHILD_DIR, `rss-${process.pid}.txt`) : undefined;
  if (rssFile !== undefined) mkdirSync(CHILD_DIR, { recursive: true });
  const [file, argv] = rssFile === undefined ? [command, [...args]] : [TIME!, ['-f', '%M %U %S', '-o', rssFile, command, ...args]];
  const start = performance.now();
  const result = spawnSync(file, argv, {
    cwd: options.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: options.env ?? { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
  const ms = performance.now() - start;
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr.slice(-4000)}`);
  }
  let maxRssMiB: number | undefined;
  let cpuMs: number | undefined;
  if (rssFile !== undefined) {
    const [kib, user, system] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    maxRssMiB = Number.isFinite(kib) ? kib! / 1024 : undefined;
    cpuMs = Number.isFinite(user) && Number.isFinite(system) ? (user! + system!) * 1000 : undefined;
    rmSync(rssFile, { force: true });
  }
  return { ms, maxRssMiB, cpuMs, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort(compareText);
}

/** The result of comparing two trees of files. */
export interface TreeComparison {
  /** Files compared (present in both after mapping). */
  readonly compared: number;
  /** Paths whose bytes differ, or that only one side has (after the filter), at most 10. */
  readonly differences: readonly string[];
}

/**
 * Compares the files of `actual` with those of `expected` byte for byte.
 *
 * @param mapPath maps a path of `expected` to the path the same file has in `actual`
 * @param onlyInActual which files `actual` may have that `expected` lacks (its kustomizations)
 */
export function compareTrees(
  expected: string, actual: string,
  options: { mapPath?: (path: string) => string; onlyInActual?: (path: string) => boolean } = {},
): TreeComparison {
  const mapPath = options.mapPath ?? ((p: string) => p);
  const actualFiles = new Set(listFiles(actual));
  const differences: string[] = [];
  let compared = 0;
  for (const path of listFiles(expected)) {
    const mapped = mapPath(path);
    if (!actualFiles.delete(mapped)) {
      differences.push(`missing ${mapped}`);
    } else {
      compared++;
      if (!readFileSync(join(expected, path)).equals(readFileSync(join(actual, mapped)))) differences.push(`differs ${mapped}`);
    }
    if (differences.length >= 10) break;
  }
  for (const extra of actualFiles) {
    if (differences.length >= 10) break;
    if (!(options.onlyInActual?.(extra) ?? false)) differences.push(`extra ${extra}`);
  }
  return { compared, differences };
}

/** Formats MiB for a table cell. */
export function mib(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${value.toFixed(0)} MiB`;
}
