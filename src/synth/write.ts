/**
 * Writing output atomically: everything is written into a fresh sibling first, and only a
 * complete result replaces the old one. A run that fails before the swap leaves the previous
 * output exactly as it was.
 *
 * Synchronous on purpose: `App.synth()` is synchronous, and `cdk8s synth` runs it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { removeLeftovers } from './output-dir.js';
import type { OutputFile } from './render.js';

/** Options of the writers. */
export interface WriteOptions {
  /**
   * A token that makes temporary names unique. The CLI passes its process id: then what a killed
   * run left (`.<name>.tmp-<pid>`, `.<name>.old-<pid>`) is removed by the next run once that
   * process is gone.
   */
  readonly token: string;
  /**
   * Whether a process runs, to tell leftovers of a killed run from those of a running one.
   * @default `process.kill(pid, 0)` (see `processRuns`)
   */
  readonly runs?: (pid: number) => boolean;
}

/** The leftover-cleaning options for `options`: its own token, if a process id, is never removed. */
function leftoverOptions(options: WriteOptions): { ownPid?: number; runs?: (pid: number) => boolean } {
  const pid = /^\d+$/.test(options.token) ? Number(options.token) : undefined;
  return { ...(pid === undefined ? {} : { ownPid: pid }), ...(options.runs === undefined ? {} : { runs: options.runs }) };
}

/**
 * A directory written beside its destination, to replace it atomically once complete.
 *
 * Files go to `.<dir>.tmp-<token>` beside `dir`; {@link StagedDirectory.commit} then renames
 * `dir` away, renames the new tree into place and removes the old one. Renames within one parent
 * directory are atomic, so a reader sees either the old or the new tree; only a crash between
 * the two renames leaves `dir` missing, with the old tree intact at `.<dir>.old-<token>`.
 * {@link StagedDirectory.discard} removes the new tree, and any parent directories it created,
 * leaving everything as it was.
 *
 * Staging directories of killed runs are removed when a stage starts; their backups only once a new
 * tree is in place (a backup may be the only copy of the last output until then).
 */
export class StagedDirectory {
  private readonly parent: string;
  private readonly staging: string;
  private readonly old: string;
  /** Directories of the new tree made so far. */
  private readonly made = new Set<string>();
  /** The first parent directory this stage created, if it created any. */
  private createdParent: string | undefined;
  private started = false;

  public constructor(private readonly dir: string, private readonly options: WriteOptions) {
    this.parent = dirname(dir);
    this.staging = join(this.parent, `.${basename(dir)}.tmp-${options.token}`);
    this.old = join(this.parent, `.${basename(dir)}.old-${options.token}`);
  }

  /** Writes one file of the new tree; `path` is relative to it, with `/` separators. */
  public write(path: string, content: string): void {
    this.start();
    const target = join(this.staging, path);
    const parent = dirname(target);
    if (!this.made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.made.add(parent);
    }
    writeFileSync(target, content);
  }

  /** Puts the new tree in place of `dir` (see the class comment). */
  public commit(): void {
    this.start();
    let hadOld = false;
    try {
      renameSync(this.dir, this.old);
      hadOld = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.discard();
        throw error;
      }
    }
    try {
      renameSync(this.staging, this.dir);
    } catch (error) {
      if (hadOld) renameSync(this.old, this.dir);
      this.discard();
      throw error;
    }
    if (hadOld) rmSync(this.old, { recursive: true, force: true });
    removeLeftovers(this.dir, ['old'], leftoverOptions(this.options));
  }

  /** Removes the new tree and the parent directories made for it; `dir` stays as it was. */
  public discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
    if (this.createdParent !== undefined) rmSync(this.createdParent, { recursive: true, force: true });
  }

  /** Makes the (empty) new tree, once, over what a crashed run may have left. */
  private start(): void {
    if (this.started) return;
    this.started = true;
    this.createdParent = mkdirSync(this.parent, { recursive: true });
    removeLeftovers(this.dir, ['tmp'], leftoverOptions(this.options));
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging);
    this.made.add(this.staging);
  }
}

/** Replaces directory `dir` with exactly `files`, atomically (see {@link StagedDirectory}). */
export function writeDirectory(dir: string, files: readonly OutputFile[], options: WriteOptions): void {
  const staged = new StagedDirectory(dir, options);
  try {
    for (const f of files) staged.write(f.path, f.content);
  } catch (error) {
    staged.discard();
    throw error;
  }
  staged.commit();
}

/**
 * Writes one file atomically: a temporary file beside it, then a rename over the target.
 * Temporary files of killed runs (`.<name>.tmp-<pid>`) are removed first.
 */
export function writeFileAtomic(path: string, content: string, options: WriteOptions): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${options.token}`);
  mkdirSync(dirname(path), { recursive: true });
  removeLeftovers(path, ['tmp'], leftoverOptions(options));
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
