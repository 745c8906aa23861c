/**
 * Whose directory is this? `synth` replaces its output directory as a whole, so it may only
 * replace one that is absent, empty, or its own earlier output. Its own output is recognised by
 * the header of its top `kustomization.yaml` (`OUTPUT_HEADER`). Directories that hold the user's
 * work (the fleet file's own directory and its parents, the working directory and its parents, a
 * git work tree's root, $HOME, `/`) are refused even with `--force`, which only overrides "the
 * directory holds files capi-ionos did not write".
 *
 * Also here: removing what killed runs left beside an output (staging and backup directories,
 * temporary lock files), each named with the process id of the run that made it, and removed
 * only once that process is gone.
 */
import { lstatSync, readdirSync, readFileSync, rmSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../problems.js';
import { OUTPUT_HEADER } from './kustomization.js';


/** What the output directory is checked against. */
export interface OutputContext {
  /** The fleet file or program (absolute), if any: its directory and parents are never replaced. */
  readonly fleet?: string;
  /** The working directory (absolute): it and its parents are never replaced. */
  readonly cwd: string;
  /** The home directory (`$HOME`), never replaced. */
  readonly home?: string;
  /** Replace a directory that holds files capi-ionos did not write (and nothing else). */
  readonly force?: boolean;
  /** How the directory was given (for messages), e.g. `-o dist`. */
  readonly shown?: string;
}

/** Whether `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether `dir` (an existing directory) is synth's output: its kustomization.yaml starts with the header. */
export function isOutputDirectory(dir: string): boolean {
  const header = OUTPUT_HEADER.slice(0, OUTPUT_HEADER.indexOf('\n'));
  try {
    return readFileSync(join(dir, 'kustomization.yaml'), 'utf8').startsWith(header);
  } catch {
    return false;
  }
}

const SUGGEST = 'give a directory of its own, such as -o dist';

/**
 * Checks that synth may replace `dir` (absolute) as a whole.
 *
 * @throws UsageError saying why not and what to do: `dir` is `/`, $HOME, the working directory
 *   or a parent of it, the fleet's directory or a parent of it, a git work tree's root, a file
 *   or a link, or a directory holding files capi-ionos did not write (unless `force`)
 */
export function checkOutputDirectory(dir: string, context: OutputContext): void {
  const shown = context.shown ?? dir;
  const refuse = (why: string, fix = SUGGEST): never => {
    throw new UsageError(`${shown}: ${why}; synth replaces its output directory as a whole, so nothing was written. ${fix[0]!.toUpperCase()}${fix.slice(1)}`);
  };
  if (dirname(dir) === dir) refuse('is the root of the file system');
  if (context.home !== undefined && context.home !== '' && resolve(context.home) === dir) refuse('is your home directory ($HOME)');
  if (context.fleet !== undefined && within(dirname(context.fleet), dir)) {
    refuse(`${dirname(context.fleet) === dir ? 'is the directory of' : 'holds'} the fleet ${basename(context.fleet)}`);
  }
  if (within(context.cwd, dir)) refuse(dir === context.cwd ? 'is the working directory' : 'holds the working directory');
  const stat = statOrUndefined(dir);
  if (stat === undefined) return;
  if (stat.isSymbolicLink()) refuse('is a symbolic link', 'give the directory it points to, or another one');
  if (!stat.isDirectory()) refuse('is a file, not a directory', 'give a directory, such as -o dist (it is created if missing)');
  if (statOrUndefined(join(dir, '.git')) !== undefined) refuse('is the root of a git work tree (it holds .git)');
  if (isOutputDirectory(dir)) return;
  const entries = readdirSync(dir).sort();
  if (entries.length === 0 || context.force === true) return;
  const listed = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, … (${entries.length} entries)` : '');
  refuse(`holds files that capi-ionos did not write (${listed})`,
    `give a new or empty directory, move those files away, or pass --force to replace them (output of an earlier capi-ionos lacks the header of its kustomization.yaml that marks synth's output: --force once)`);
}

/** Whether the process `pid` still runs (`process.kill(pid, 0)`: EPERM means it runs as another user). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What killed runs may leave beside `target`: `.<name>.<kind>-<pid>`. */
export type LeftoverKind = 'tmp' | 'old';

/**
 * Removes `.<name>.<kind>-<pid>` beside `target` (files or directories, for each kind in
 * `kinds`) whose process no longer runs, except those of `ownPid`.
 *
 * @returns the paths removed
 */
export function removeLeftovers(target: string, kinds: readonly LeftoverKind[], options: {
  readonly ownPid?: number;
  readonly runs?: (pid: number) => boolean;
} = {}): string[] {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.`;
  const runs = options.runs ?? processRuns;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(tmp|old)-(\d+)$/.exec(name.slice(prefix.length));
    if (match === null || !kinds.includes(match[1] as LeftoverKind)) continue;
    const pid = Number(match[2]);
    if (pid === options.ownPid || !Number.isSafeInteger(pid) || pid <= 0 || runs(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(join(parent, name));
  }
  return removed;
}
