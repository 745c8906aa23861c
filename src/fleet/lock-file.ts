/**
 * The lock file `ipam.lock.yaml` on disk: the only module that reads or writes it. Its text format
 * (sorting, checking, formatting) is pure and lives in ipam/lock.ts; this module names the file,
 * finds it beside the fleet file, reads it with errors that name it, and replaces it atomically.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseLock } from '../ipam/lock.js';
import type { Lock } from '../ipam/plan-model.js';
import { isProblemError, ProblemError } from '../problems.js';
import { readTextFile } from './files.js';
import { yamlLocator } from './locate.js';
import { writeFileAtomic, type WriteOptions } from '../synth/write.js';

/** The name of the lock file, beside the fleet file. */
export const LOCK_FILE = 'ipam.lock.yaml';

/** Where the lock of the fleet file at `fleetPath` lives. */
export function lockPathOf(fleetPath: string): string {
  return join(dirname(fleetPath), LOCK_FILE);
}

/**
 * Parses a lock file's text; `file` is how problems name it (`ipam.lock.yaml`, `main:ipam.lock.yaml`).
 *
 * @throws ProblemError naming `file` for every problem in the text, with its line and column
 */
export function parseLockFile(text: string, file: string): Lock {
  try {
    return parseLock(text);
  } catch (error) {
    if (isProblemError(error)) throw new ProblemError(error.layer, yamlLocator(text)?.locate(error.problems) ?? error.problems).inFile(file);
    throw error;
  }
}

/** A lock file as it is on disk: its text and what it says, or neither when there is none. */
export interface LockOnDisk {
  readonly path: string;
  readonly text: string | undefined;
  readonly lock: Lock | undefined;
}

/**
 * Reads the lock file at `path`, if there is one.
 *
 * @throws ProblemError naming the lock file for every problem in it
 */
export function readLockFile(path: string): LockOnDisk {
  const text = existsSync(path) ? readTextFile(path, LOCK_FILE) : undefined;
  return { path, text, lock: text === undefined ? undefined : parseLockFile(text, LOCK_FILE) };
}

/** Replaces the lock file at `path` with `text` atomically (a reader sees the old or the new file). */
export function writeLockFile(path: string, text: string, options: WriteOptions): void {
  writeFileAtomic(path, text, options);
}
