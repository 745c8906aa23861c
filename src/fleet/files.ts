/**
 * Reading the files a fleet file names (`nodeSetup.files[].file`, `cni.manifest`) from its
 * directory, into the spec, so that translation and the synthesis worker get plain data. A file
 * must stay inside the fleet file's directory (also through symbolic links). Messages name the
 * file and the fleet path, never the content.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ProblemError, type Problem } from '../problems.js';
import type { CniSpec, ClusterSpec, FleetSpec, NodeSetupSpec } from './schema.js';

/**
 * Reads a text file the fleet flow needs (the fleet file, the lock), turning what the OS says into
 * an input problem that names it as `shown`.
 *
 * @throws ProblemError (layer `input`) when the file cannot be read (a directory, no permission)
 */
export function readTextFile(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'is a directory, not a file; move the directory away (this file is read and written here)'
      : code === 'EACCES' ? 'cannot be read (permission denied); fix its permissions'
        : code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`;
    throw new ProblemError('input', [{ file: shown, path: '', message: why }]);
  }
}

type Read = (file: string, path: string) => string | undefined;

function reader(dir: string, problems: Problem[]): Read {
  let root: string | undefined;
  return (file, path) => {
    try {
      root ??= realpathSync(dir);
      const real = realpathSync(resolve(dir, file));
      const rel = relative(root, real);
      if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || resolve(root, rel) !== real) {
        problems.push({ path, message: `${JSON.stringify(file)} leads outside the fleet file's directory; keep node files next to the fleet file` });
        return undefined;
      }
      return readFileSync(real, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'not readable' : (code ?? 'cannot be read');
      problems.push({ path, message: `${JSON.stringify(file)}: ${why}; paths are relative to the fleet file's directory` });
      return undefined;
    }
  };
}

function nodeSetup(setup: NodeSetupSpec | undefined, at: string, read: Read): NodeSetupSpec | undefined {
  if (setup?.files === undefined) return setup;
  return {
    ...setup,
    files: setup.files.map((f, i) => (f.file === undefined ? f : { ...f, content: read(f.file, `${at}.nodeSetup.files[${i}].file`) ?? '' })),
  };
}

function cni(spec: CniSpec | undefined, at: string, read: Read): CniSpec | undefined {
  if (spec?.manifest.file === undefined) return spec;
  return { ...spec, manifest: { ...spec.manifest, content: read(spec.manifest.file, `${at}.cni.manifest`) ?? '' } };
}

function cluster(c: ClusterSpec, at: string, read: Read): ClusterSpec {
  return {
    ...c,
    nodeSetup: nodeSetup(c.nodeSetup, at, read),
    cni: cni(c.cni, at, read),
    controlPlane: { ...c.controlPlane, nodeSetup: nodeSetup(c.controlPlane.nodeSetup, `${at}.controlPlane`, read) },
    nodePools: c.nodePools.map((p, i) => ({ ...p, nodeSetup: nodeSetup(p.nodeSetup, `${at}.nodePools[${i}]`, read) })),
  };
}

/**
 * The fleet with every `file` reference read from `dir` (the fleet file's directory).
 *
 * @throws ProblemError (layer `spec`) naming every file that cannot be read or leads outside `dir`
 */
export function loadFleetFiles(fleet: FleetSpec, dir: string): FleetSpec {
  const problems: Problem[] = [];
  const read = reader(dir, problems);
  const defaults = fleet.defaults && {
    ...fleet.defaults,
    nodeSetup: nodeSetup(fleet.defaults.nodeSetup, 'defaults', read),
    cni: cni(fleet.defaults.cni, 'defaults', read),
  };
  const clusters = fleet.clusters.map((c, i) => cluster(c, `clusters[${i}]`, read));
  const clusterClasses = fleet.clusterClasses?.map((c, i) => ({
    ...c,
    nodeSetup: nodeSetup(c.nodeSetup, `clusterClasses[${i}]`, read),
    controlPlane: { ...c.controlPlane, nodeSetup: nodeSetup(c.controlPlane.nodeSetup, `clusterClasses[${i}].controlPlane`, read) },
    workers: c.workers.map((w, j) => ({ ...w, nodeSetup: nodeSetup(w.nodeSetup, `clusterClasses[${i}].workers[${j}]`, read) })),
  }));
  if (problems.length > 0) throw new ProblemError('spec', problems);
  return { ...fleet, clusters, ...(defaults !== undefined ? { defaults } : {}), ...(clusterClasses !== undefined ? { clusterClasses } : {}) };
}
