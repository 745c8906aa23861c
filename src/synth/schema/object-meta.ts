/**
 * The API server's checks of `metadata` (ObjectMeta) on a custom resource: the CRD schema says
 * only `type: object` there, and the API server validates the fields itself — the name as an
 * RFC 1123 subdomain, the namespace as an RFC 1123 label (and none on cluster-scoped kinds),
 * label and annotation keys and values, finalizers. Unknown metadata fields are reported as
 * they would be with strict field validation.
 */
import { describe } from './describe.js';
import { dns1123LabelProblems, dns1123SubdomainProblems, labelValueProblems, qualifiedNameProblems } from './names.js';

/** Receives one problem; `blocking` marks errors after which the API server skips CEL rules. */
export type Report = (path: string, message: string, blocking: boolean) => void;

const KNOWN_FIELDS = new Set([
  'annotations', 'creationTimestamp', 'deletionGracePeriodSeconds', 'deletionTimestamp', 'finalizers', 'generateName',
  'generation', 'labels', 'managedFields', 'name', 'namespace', 'ownerReferences', 'resourceVersion', 'selfLink', 'uid',
]);
const STRING_FIELDS = ['generateName', 'resourceVersion', 'selfLink', 'uid', 'deletionTimestamp'];
const INTEGER_FIELDS = ['generation', 'deletionGracePeriodSeconds'];
/** The API server's limit on the total size of annotation keys and values. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Label and annotation keys repeat across thousands of objects: remember their verdicts. */
const keyProblems = new Map<string, readonly string[]>();
const KEY_CACHE_LIMIT = 10_000;

function cachedQualifiedNameProblems(key: string): readonly string[] {
  let problems = keyProblems.get(key);
  if (problems === undefined) {
    problems = qualifiedNameProblems(key);
    if (keyProblems.size < KEY_CACHE_LIMIT) keyProblems.set(key, problems);
  }
  return problems;
}

/**
 * Validates `metadata` at `path`. `namespaced` is undefined where the scope is not known
 * (embedded resources); `root` requires a name (the generated manifests never use generateName).
 */
export function validateObjectMeta(value: unknown, path: string, namespaced: boolean | undefined, root: boolean, report: Report): void {
  if (value === undefined || value === null) {
    if (root) report(`${path}.name`, 'is required: every object needs an explicit metadata.name', true);
    return;
  }
  if (!isObject(value)) {
    report(path, `must be an object, got ${describe(value)}`, true);
    return;
  }
  for (const key in value) {
    if (!KNOWN_FIELDS.has(key) && value[key] !== undefined) report(`${path}.${key}`, 'unknown field: not an ObjectMeta field', false);
  }
  const name = value.name;
  if (name === undefined || name === null || name === '') {
    if (root) report(`${path}.name`, 'is required: every object needs an explicit metadata.name', true);
  } else if (typeof name !== 'string') {
    report(`${path}.name`, `must be a string, got ${describe(name)}`, true);
  } else {
    for (const p of dns1123SubdomainProblems(name)) report(`${path}.name`, `${p}, got ${describe(name)}`, false);
  }
  const namespace = value.namespace;
  if (namespace !== undefined && namespace !== null && namespace !== '') {
    if (typeof namespace !== 'string') report(`${path}.namespace`, `must be a string, got ${describe(namespace)}`, true);
    else if (namespaced === false) {
      report(`${path}.namespace`, `must not be set: this kind is cluster-scoped (the API server silently drops it, and GitOps tools then show a diff forever), got ${describe(namespace)}`, false);
    }
    else for (const p of dns1123LabelProblems(namespace)) report(`${path}.namespace`, `${p}, got ${describe(namespace)}`, false);
  }
  for (const field of STRING_FIELDS) {
    const v = value[field];
    if (v !== undefined && v !== null && typeof v !== 'string') report(`${path}.${field}`, `must be a string, got ${describe(v)}`, true);
  }
  for (const field of INTEGER_FIELDS) {
    const v = value[field];
    if (v !== undefined && v !== null && !Number.isInteger(v)) report(`${path}.${field}`, `must be an integer, got ${describe(v)}`, true);
  }
  const created = value.creationTimestamp;
  if (created !== undefined && created !== null && typeof created !== 'string') {
    report(`${path}.creationTimestamp`, `must be a string or null, got ${describe(created)}`, true);
  }
  validateStringMap(value.labels, `${path}.labels`, report, (key, v, at) => {
    for (const p of cachedQualifiedNameProblems(key)) report(at, `label key ${p}`, false);
    for (const p of labelValueProblems(v)) report(at, `label value ${p}, got ${describe(v)}`, false);
  });
  let annotationBytes = 0;
  validateStringMap(value.annotations, `${path}.annotations`, report, (key, v, at) => {
    for (const p of cachedQualifiedNameProblems(key.toLowerCase())) report(at, `annotation key ${p}`, false);
    annotationBytes += Buffer.byteLength(key) + Buffer.byteLength(v);
  });
  if (annotationBytes > ANNOTATIONS_MAX_BYTES) {
    report(`${path}.annotations`, `must have at most ${ANNOTATIONS_MAX_BYTES} bytes in total, got ${annotationBytes}`, true);
  }
  const finalizers = value.finalizers;
  if (finalizers !== undefined && finalizers !== null) {
    if (!Array.isArray(finalizers)) report(`${path}.finalizers`, `must be a list, got ${describe(finalizers)}`, true);
    else {
      finalizers.forEach((f: unknown, i) => {
        if (typeof f !== 'string') report(`${path}.finalizers[${i}]`, `must be a string, got ${describe(f)}`, true);
        else for (const p of qualifiedNameProblems(f)) report(`${path}.finalizers[${i}]`, `finalizer name ${p}`, false);
      });
    }
  }
  for (const field of ['ownerReferences', 'managedFields']) {
    const v = value[field];
    if (v !== undefined && v !== null && !Array.isArray(v)) report(`${path}.${field}`, `must be a list, got ${describe(v)}`, true);
  }
}

function validateStringMap(value: unknown, path: string, report: Report, each: (key: string, value: string, path: string) => void): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    report(path, `must be a map of strings, got ${describe(value)}`, true);
    return;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const at = `${path}[${key}]`;
    if (typeof v !== 'string') report(at, `must be a string, got ${describe(v)}`, true);
    else each(key, v, at);
  }
}
