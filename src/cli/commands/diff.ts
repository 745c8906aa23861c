import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import type { Lock } from '../../ipam/plan-model.js';
import { render } from '../../synth/render.js';
import { onlyOne, parse } from '../args.js';
import { jsonReport, markdownReport, textReport } from '../diff-report.js';
import { diffLocks, diffManifests, hasChanges, type FleetDiff, type ManifestFile } from '../../fleet/diff.js';
import { lockPathOf, parseLockFile } from '../../fleet/lock-file.js';
import { resolveFleetPath } from '../../fleet/source.js';
import { DIFF_HELP } from '../help.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Io } from '../io.js';
import { JSONNET_HELP, JSONNET_OPTIONS, jsonnetOptions } from '../jsonnet-options.js';
import { loadFleet } from '../../fleet/app.js';

const FORMATS = { text: textReport, markdown: markdownReport, json: jsonReport } as const;

/** What the fresh synthesis is compared with. */
interface Base {
  readonly label: string;
  readonly files: readonly ManifestFile[];
  /** The lock's text, `undefined` when there is none. */
  readonly lock: string | undefined;
  readonly lockFile: string;
}

/** Every file under `dir`, relative paths with `/`; none when `dir` does not exist. */
function readDirectory(dir: string): ManifestFile[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: is not a directory; pass the directory synth writes to with -o`);
  const out: ManifestFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: relative(dir, path).split(sep).join('/'), content: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

type Git = (args: readonly string[], input?: string) => { status: number | null; stdout: Buffer; stderr: string };

/** Runs git in `cwd` with the command's environment. */
function gitIn(cwd: string, env: Io['env']): Git {
  return (args, input) => {
    const result = spawnSync('git', args, { cwd, input, env, maxBuffer: 1 << 30 });
  if (result.error !== undefined) {
      throw new UsageError(`--base needs git, which could not be run (${result.error.message}); install git or drop --base to compare with the output directory on disk`);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
  };
}

/** Reads the output directory and the lock file as they are at Git revision `ref`. */
function readGitBase(git: Git, ref: string, fleetDir: string, outdir: string, lockPath: string): Base {
  const prefix = git(['rev-parse', '--show-prefix']);
  if (prefix.status !== 0) {
    throw new UsageError(`--base ${ref}: ${fleetDir} is not inside a Git repository (${prefix.stderr}); drop --base to compare with ${outdir} on disk`);
  }
  const inRepo = (path: string) => posix.normalize(posix.join(prefix.stdout.toString('utf8').trim(), relative(fleetDir, path).split(sep).join('/')));
  const distPath = inRepo(outdir);
  const lockInRepo = inRepo(lockPath);
  if (distPath.startsWith('../') || distPath === '..') throw new UsageError(`--base ${ref}: ${outdir} is outside the Git repository of the fleet`);
  if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) {
    throw new UsageError(`--base ${ref}: no such revision in this repository; fetch it first (e.g. git fetch origin main) or name an existing branch, tag or commit`);
  }
  const tree = git(['ls-tree', '-r', '-z', '--full-tree', ref, '--', distPath]);
  if (tree.status !== 0) throw new UsageError(`--base ${ref}: git ls-tree failed: ${tree.stderr}`);
  const blobs: { path: string; sha: string }[] = [];
  for (const line of tree.stdout.toString('utf8').split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (match === null) continue;
    const path = distPath === '.' ? match[2]! : posix.relative(distPath, match[2]!);
    blobs.push({ sha: match[1]!, path });
  }
  const files: ManifestFile[] = [];
  if (blobs.length > 0) {
    const batch = git(['cat-file', '--batch'], `${blobs.map((b) => b.sha).join('\n')}\n`);
    if (batch.status !== 0) throw new UsageError(`--base ${ref}: git cat-file failed: ${batch.stderr}`);
    // Each answer: "<sha> blob <size>\n<content>\n".
    let at = 0;
    for (const blob of blobs) {
      const eol = batch.stdout.indexOf(0x0a, at);
      const size = Number(batch.stdout.subarray(at, eol).toString('utf8').split(' ')[2]);
      files.push({ path: blob.path, content: batch.stdout.subarray(eol + 1, eol + 1 + size).toString('utf8') });
      at = eol + 1 + size + 1;
    }
  }
  const lock = git(['cat-file', 'blob', `${ref}:${lockInRepo}`]);
  return { label: ref, files, lock: lock.status === 0 ? lock.stdout.toString('utf8') : undefined, lockFile: `${ref}:${lockInRepo}` };
}

function parseBaseLock(base: Base): Lock | undefined {
  return base.lock === undefined ? undefined : parseLockFile(base.lock, base.lockFile);
}

/**
 * `capi-ionos diff [FLEET] [--base REF] [-o DIR] [--format text|markdown|json] [--exit-code]`
 * (and the Jsonnet options of synth).
 */
export async function diffCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('diff', args, {
    'allow-secrets': { type: 'boolean' },
    base: { type: 'string' },
    output: { type: 'string', short: 'o' },
    format: { type: 'string', default: 'text' },
    'exit-code': { type: 'boolean' },
    ...JSONNET_OPTIONS,
  });
  if (values.help) {
    io.stdout.write(DIFF_HELP + JSONNET_HELP);
    return EXIT_OK;
  }
  const format = values.format as string;
  if (!(format in FORMATS)) throw new UsageError(`--format must be text, markdown or json, got ${JSON.stringify(format)}`);
  onlyOne('diff', 'FLEET', positionals);
  const fleet = resolveFleetPath(positionals[0], io.cwd);
  const fleetDir = dirname(fleet);
  const outdir = values.output === undefined ? resolve(fleetDir, 'dist') : resolve(io.cwd, values.output as string);
  const lockPath = lockPathOf(fleet);

  const { app, planned } = await loadFleet(fleet, { jsonnet: jsonnetOptions(values, io, fleet) });
  const rendered = render(app, { env: io.env, allowSecrets: values['allow-secrets'] === true });
  const ref = values.base as string | undefined;
  const base: Base = ref === undefined
    ? {
      label: `${relative(io.cwd, outdir) || '.'} on disk`,
      files: readDirectory(outdir),
      lock: planned?.lockBefore,
      lockFile: lockPath,
    }
    : readGitBase(gitIn(fleetDir, io.env), ref, fleetDir, outdir, lockPath);

  const { directories, unchanged } = diffManifests(base.files, rendered.files);
  const diff: FleetDiff = {
    base: base.label,
    lock: planned === undefined ? undefined : diffLocks(parseBaseLock(base), planned.result.lock),
    directories,
    unchangedDirectories: unchanged,
  };
  io.stdout.write(FORMATS[format as keyof typeof FORMATS](diff));
  return values['exit-code'] && hasChanges(diff) ? EXIT_FINDINGS : EXIT_OK;
}
