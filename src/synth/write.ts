/**
 * Writing output atomically: everything is written into a fresh sibling first, and only a
 * complete result replaces the old one. A run that fails before the swap leaves the previous
 * output exactly as it was.
 *
 * Synchronous on purpose: `App.synth()` is synchronous, and `cdk8s synth` runs it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from './render.js';

/** Options of the writers. */
export interface WriteOptions {
  /** A token that makes temporary names unique (the CLI passes its process id). */
  readonly token: string;
}

/**
 * Replaces directory `dir` with exactly `files`.
 *
 * The new tree is written to `.<dir>.tmp-<token>` beside `dir`; then `dir` is renamed away, the
 * new tree renamed into place and the old one removed. Renames within one parent directory are
 * atomic, so a reader sees either the old or the new tree; only a crash between the two renames
 * leaves `dir` missing, with the old tree intact at `.<dir>.old-<token>`.
 */
export function writeDirectory(dir: string, files: readonly OutputFile[], options: WriteOptions): void {
  const parent = dirname(dir);
  const staging = join(parent, `.${basename(dir)}.tmp-${options.token}`);
  const old = join(parent, `.${basename(dir)}.old-${options.token}`);
  mkdirSync(parent, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const d of new Set(files.map((f) => dirname(join(staging, f.path))))) mkdirSync(d, { recursive: true });
    mkdirSync(staging, { recursive: true });
    for (const f of files) writeFileSync(join(staging, f.path), f.content);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  let hadOld = false;
  try {
    renameSync(dir, old);
    hadOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (hadOld) renameSync(old, dir);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/** Writes one file atomically: a temporary file beside it, then a rename over the target. */
export function writeFileAtomic(path: string, content: string, options: WriteOptions): void {
  const temp = join(dirname(path), `.${basename(path)}.tmp-${options.token}`);
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
