/**
 * What changed between two syntheses: the IP plan (lock file) first, then, per output directory
 * (one per cluster, `_shared/` for shared objects), the objects added, changed and removed, with a
 * field-level summary of each change (`spec.replicas: 5 → 6`).
 *
 * Pure: it compares the file contents and locks it is given. Reading them (from disk or from a
 * Git revision) is the command's job, and so is formatting the result (cli/diff-report.ts).
 */
import { parseAllDocuments } from 'yaml';
import { compareLockEntries, formatLockRange } from '../ipam/lock.js';
import { compareText } from '../vocabulary.js';
import type { Lock, LockEntry } from '../ipam/plan-model.js';

/** A file of an output directory: its path inside the directory (`/` separators) and content. */
export interface ManifestFile {
  readonly path: string;
  readonly content: string;
}

/** How an object, a directory or a range owner changed. */
export type Change = 'added' | 'changed' | 'removed';

/** One changed field of an object; `before` or `after` is `undefined` when the field is absent. */
export interface FieldChange {
  /** `spec.replicas`, `spec.addresses[1]`, `metadata.labels["cluster.x-k8s.io/cluster-name"]`. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One object that is not the same in both syntheses. */
export interface ObjectChange {
  readonly change: Change;
  /** The fresh apiVersion (the base one for a removed object). */
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** Its file inside the output directory (the fresh one, or the base one when removed). */
  readonly file: string;
  /** For `changed`: every field that differs, in document order of the keys (code-unit order). */
  readonly fields: readonly FieldChange[];
  /** For `changed`: the bytes differ but the objects are equal (quoting, key order, comments). */
  readonly formattingOnly: boolean;
  /** For `changed`: the base file, when the object now lives in another file. */
  readonly movedFrom?: string;
}

/** One output file that is not an object (`kustomization.yaml`, a stray file) and changed unexpectedly. */
export interface FileChange {
  readonly change: Change;
  readonly file: string;
}

/** The changes inside one top-level directory of the output (one cluster, or `_shared`). */
export interface DirectoryChange {
  /** The directory's name: the cluster's name, `_shared`, or `''` for files at the top. */
  readonly name: string;
  /** `added` or `removed` when the whole directory is new or gone. */
  readonly change: Change;
  readonly objects: readonly ObjectChange[];
  readonly files: readonly FileChange[];
}

/** How one pool's (or VIP's, or retired range's) place in the IP plan changed. */
export type RangeChangeKind = 'added' | 'removed' | 'grown' | 'shrunk' | 'renumbered' | 'changed';

/** One owner of ranges in the lock whose ranges differ. */
export interface RangeChange {
  readonly change: RangeChangeKind;
  /** `pool`, `endpoint` (a control-plane VIP) or `retired` (a renumbered pool's old range). */
  readonly purpose: LockEntry['purpose'];
  /** The pool's name; the cluster's for a VIP; the former owner's for a retired range. */
  readonly name: string;
  readonly network: string;
  readonly family: 4 | 6;
  /** The ranges before and after, as the lock writes them, in part order. */
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** How many addresses the ranges hold, before and after. */
  readonly addressesBefore: bigint;
  readonly addressesAfter: bigint;
}

/** Everything `capi-ionos diff` reports. */
export interface FleetDiff {
  /** What the fresh synthesis was compared with: `dist/ on disk` or a Git revision. */
  readonly base: string;
  /** The IP plan's changes; `undefined` for a cdk8s app, which has no lock. */
  readonly lock?: readonly RangeChange[];
  /** Only the directories with changes, in code-unit order. */
  readonly directories: readonly DirectoryChange[];
  /** How many directories (clusters and `_shared`) have no change at all. */
  readonly unchangedDirectories: number;
}

const KUSTOMIZATION = 'kustomization.yaml';

function isKustomization(path: string): boolean {
  return path === KUSTOMIZATION || path.endsWith(`/${KUSTOMIZATION}`);
}

function directoryOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface ParsedObject {
  readonly key: string;
  readonly file: string;
  readonly value: unknown;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/**
 * The objects of one file, each with its identity: API group (not version), kind, namespace and
 * name. A file that is not a YAML object becomes one pseudo-object named after the file.
 */
function parseObjects(file: ManifestFile): ParsedObject[] {
  const out: ParsedObject[] = [];
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(file.content);
  } catch {
    docs = [];
  }
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (doc.errors.length > 0) return [fileObject(file)];
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const meta = isMap(value) && isMap(value.metadata) ? value.metadata : undefined;
    if (!isMap(value) || typeof value.kind !== 'string' || typeof meta?.name !== 'string') return [fileObject(file)];
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    out.push({
      key: `${group}/${value.kind}|${namespace ?? ''}|${meta.name}`,
      file: file.path, value, apiVersion, kind: value.kind, namespace, name: meta.name,
    });
  }
  return out;
}

function fileObject(file: ManifestFile): ParsedObject {
  return { key: `file:${file.path}`, file: file.path, value: file.content, apiVersion: '', kind: '', name: file.path };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const step = IDENTIFIER.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent === '' ? step : step.startsWith('[') ? `${parent}${step}` : `${parent}.${step}`;
}

/** Every leaf-level difference between two JSON values, deepest first where both are containers. */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push({ path: childPath(path, i), after: after[i] });
      else if (i >= after.length) out.push({ path: childPath(path, i), before: before[i] });
      else out.push(...fieldChanges(before[i], after[i], childPath(path, i)));
    }
    return out;
  }
  if (isMap(before) && isMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareText);
    const out: FieldChange[] = [];
    for (const key of keys) {
      if (!(key in after)) out.push({ path: childPath(path, key), before: before[key] });
      else if (!(key in before)) out.push({ path: childPath(path, key), after: after[key] });
      else out.push(...fieldChanges(before[key], after[key], childPath(path, key)));
    }
    return out;
  }
  if (before === after) return [];
  return [{ path, before, after }];
}

/**
 * Compares two output directories (the base, e.g. the committed `dist/`, and a fresh synthesis),
 * object by object. Objects are matched by API group, kind, namespace and name, so an object
 * whose file moved is `changed`, not removed and added. `kustomization.yaml` files are reported
 * only when they differ in a directory where no object was added or removed (then something else
 * changed them).
 */
export function diffManifests(base: readonly ManifestFile[], fresh: readonly ManifestFile[]): { directories: DirectoryChange[]; unchanged: number } {
  const baseByPath = new Map(base.map((f) => [f.path, f.content]));
  const freshByPath = new Map(fresh.map((f) => [f.path, f.content]));
  const differing = (files: readonly ManifestFile[], other: Map<string, string>) =>
    files.filter((f) => !isKustomization(f.path) && other.get(f.path) !== f.content);
  const baseObjects = new Map(differing(base, freshByPath).flatMap(parseObjects).map((o) => [o.key, o]));
  const freshObjects = new Map(differing(fresh, baseByPath).flatMap(parseObjects).map((o) => [o.key, o]));

  const changes: ObjectChange[] = [];
  const describe = (o: ParsedObject) => ({ apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace, name: o.name, file: o.file });
  for (const [key, after] of freshObjects) {
    const before = baseObjects.get(key);
    if (before === undefined) {
      changes.push({ change: 'added', ...describe(after), fields: [], formattingOnly: false });
      continue;
    }
    const fields = fieldChanges(before.value, after.value);
    const moved = before.file !== after.file;
    changes.push({ change: 'changed', ...describe(after), fields, formattingOnly: fields.length === 0 && !moved, ...(moved ? { movedFrom: before.file } : {}) });
  }
  for (const [key, before] of baseObjects) {
    if (!freshObjects.has(key)) changes.push({ change: 'removed', ...describe(before), fields: [], formattingOnly: false });
  }

  const baseDirs = new Set(base.map((f) => directoryOf(f.path)));
  const freshDirs = new Set(fresh.map((f) => directoryOf(f.path)));
  const names = [...new Set([...baseDirs, ...freshDirs])].sort(compareText);
  const directories: DirectoryChange[] = [];
  let unchanged = 0;
  for (const name of names) {
    const objects = changes.filter((c) => directoryOf(c.file) === name).sort((a, b) => compareText(a.file, b.file) || compareText(a.change, b.change));
    const addsOrRemoves = objects.some((o) => o.change !== 'changed');
    const directoryAddedOrRemoved = baseDirs.has(name) !== freshDirs.has(name);
    const files: FileChange[] = [];
    const kustomizations = new Set([...baseByPath.keys(), ...freshByPath.keys()].filter((p) => isKustomization(p) && directoryOf(p) === name));
    for (const path of [...kustomizations].sort(compareText)) {
      const b = baseByPath.get(path);
      const a = freshByPath.get(path);
      if (b === a) continue;
      // The top kustomization lists directories; a directory's lists its files.
      const explained = path === KUSTOMIZATION ? names.some((n) => n !== '' && baseDirs.has(n) !== freshDirs.has(n)) : addsOrRemoves || directoryAddedOrRemoved;
      if (!explained) files.push({ change: b === undefined ? 'added' : a === undefined ? 'removed' : 'changed', file: path });
    }
    if (objects.length === 0 && files.length === 0) {
      if (name !== '') unchanged++;
      continue;
    }
    const change: Change = !baseDirs.has(name) ? 'added' : !freshDirs.has(name) ? 'removed' : 'changed';
    directories.push({ name, change, objects, files });
  }
  return { directories, unchanged };
}

function rangeOwner(entry: LockEntry): string {
  if (entry.purpose === 'pool') return `pool\u0000${entry.pool}`;
  if (entry.purpose === 'endpoint') return `endpoint\u0000${entry.cluster}`;
  return `retired\u0000${entry.pool ?? entry.cluster ?? ''}\u0000${formatLockRange(entry)}`;
}

function ownerName(entry: LockEntry): string {
  if (entry.purpose === 'pool') return entry.pool;
  if (entry.purpose === 'endpoint') return entry.cluster;
  return entry.pool ?? entry.cluster ?? '';
}

/** Everything of an entry except its range, so that a moved namespace or kind also shows. */
function entryAttributes(entry: LockEntry): string {
  return entry.purpose === 'pool' ? `${entry.network}|${entry.kind}|${entry.namespace ?? ''}|${entry.cluster ?? ''}` : `${entry.network}|${entry.cluster ?? ''}`;
}

function size(entries: readonly LockEntry[]): bigint {
  return entries.reduce((n, e) => n + (e.end - e.start + 1n), 0n);
}

/**
 * Compares two locks owner by owner (a pool, a cluster's VIP, a retired range): which owners
 * gained ranges, lost them, grew (every old range kept, new ones added), shrank or were
 * renumbered. Sorted by network, then by the position of the owner's first range (the old one
 * when it had one), then by name.
 */
export function diffLocks(before: Lock | undefined, after: Lock): RangeChange[] {
  const group = (lock: Lock | undefined) => {
    const map = new Map<string, LockEntry[]>();
    for (const e of lock?.ranges ?? []) {
      const key = rangeOwner(e);
      map.set(key, [...(map.get(key) ?? []), e]);
    }
    for (const list of map.values()) list.sort((a, b) => (a.purpose === 'pool' && b.purpose === 'pool' ? a.part - b.part : 0) || compareLockEntries(a, b));
    return map;
  };
  const old = group(before);
  const now = group(after);
  const out: { change: RangeChange; first: LockEntry }[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(key) ?? [];
    const a = now.get(key) ?? [];
    const bRanges = b.map(formatLockRange);
    const aRanges = a.map(formatLockRange);
    const sameRanges = bRanges.length === aRanges.length && bRanges.every((r, i) => r === aRanges[i]);
    const sameAttributes = b.length > 0 && a.length > 0 && entryAttributes(b[0]!) === entryAttributes(a[0]!);
    if (sameRanges && sameAttributes) continue;
    let change: RangeChangeKind;
    if (b.length === 0) change = 'added';
    else if (a.length === 0) change = 'removed';
    else if (sameRanges) change = 'changed';
    else if (bRanges.every((r) => aRanges.includes(r))) change = 'grown';
    else if (aRanges.every((r) => bRanges.includes(r))) change = 'shrunk';
    else change = 'renumbered';
    const first = (b[0] ?? a[0])!;
    out.push({
      first,
      change: {
        change, purpose: first.purpose, name: ownerName(first), network: first.network, family: first.family,
        before: bRanges, after: aRanges, addressesBefore: size(b), addressesAfter: size(a),
      },
    });
  }
  out.sort((x, y) => compareLockEntries(x.first, y.first) || compareText(x.change.name, y.change.name));
  return out.map((x) => x.change);
}

/** Whether the diff shows any change. */
export function hasChanges(diff: FleetDiff): boolean {
  return (diff.lock?.length ?? 0) > 0 || diff.directories.length > 0;
}
