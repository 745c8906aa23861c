/**
 * Reading the node setup, metadata and addon parts of a fleet file: `nodeSetup`, `labels`,
 * `annotations`, `cni` and `kubeVip`, wherever they appear. File contents are never quoted in a
 * message (they may be secrets).
 */
import { labelValueProblems, qualifiedNameProblems } from '../constructs/private/names.js';
import type { CniSpec, KubeVipSpec, NodeFileSpec, NodeSetupSpec, NodeUserSpec } from './schema.js';
import { describeValue, join, type Json, type Reader } from './reader.js';

const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kubernetes labels: keys `[prefix/]name`, values at most 63 characters of `[-A-Za-z0-9_.]`. */
export function readLabels(r: Reader, obj: Json, key: string, path: string): Record<string, string> | undefined {
  const map = r.stringMap(obj, key, path);
  for (const [k, v] of Object.entries(map ?? {})) {
    const at = join(join(path, key), k);
    for (const p of qualifiedNameProblems(k)) r.add(at, `label key ${JSON.stringify(k)}: ${p}`);
    for (const p of labelValueProblems(v)) r.add(at, `label value ${JSON.stringify(v)}: ${p}`);
  }
  return map;
}

/** Kubernetes annotations: keys as label keys, values free. */
export function readAnnotations(r: Reader, obj: Json, key: string, path: string): Record<string, string> | undefined {
  const map = r.stringMap(obj, key, path);
  for (const k of Object.keys(map ?? {})) {
    for (const p of qualifiedNameProblems(k)) r.add(join(join(path, key), k), `annotation key ${JSON.stringify(k)}: ${p}`);
  }
  return map;
}

/** An object name override: a DNS-1123 label. */
export function readResourceName(r: Reader, obj: Json, path: string): string | undefined {
  const value = r.string(obj, 'resourceName', path, { pattern: RESOURCE_NAME, hint: "use a DNS-1123 label: lower-case letters, digits and '-'" });
  if (value !== undefined && value.length > 63) {
    r.add(join(path, 'resourceName'), `has ${value.length} characters; Cluster API puts it in a label, which holds at most 63`);
    return undefined;
  }
  return value;
}

/** A path next to the fleet file: relative, inside its directory. */
function relativeFile(r: Reader, obj: Json, key: string, path: string): string | undefined {
  const file = r.string(obj, key, path);
  if (file === undefined) return undefined;
  if (file === '' || file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file) || file.split(/[\\/]/).includes('..')) {
    r.add(join(path, key), `${JSON.stringify(file)} must be a path relative to the fleet file's directory, without '..'`);
    return undefined;
  }
  return file;
}

function readFile(r: Reader, value: unknown, at: string): NodeFileSpec | undefined {
  const f = r.object(value, at);
  if (f === undefined) return undefined;
  r.onlyKeys(f, at, ['path', 'content', 'file', 'contentFromSecret', 'owner', 'permissions', 'encoding', 'append']);
  const sources = ['content', 'file', 'contentFromSecret'].filter((k) => f[k] !== undefined);
  if (sources.length !== 1) {
    r.add(at, `give exactly one of 'content' (inline text), 'file' (a file next to the fleet file) or 'contentFromSecret', got ${sources.length === 0 ? 'none' : sources.join(' and ')}`);
  }
  const content = f.content === undefined ? undefined : typeof f.content === 'string' ? f.content
    : (r.add(join(at, 'content'), `must be a string, got ${describeValue(f.content)}`), undefined);
  let contentFromSecret: NodeFileSpec['contentFromSecret'];
  if (f.contentFromSecret !== undefined) {
    const secretAt = join(at, 'contentFromSecret');
    const secret = r.object(f.contentFromSecret, secretAt);
    if (secret !== undefined) {
      r.onlyKeys(secret, secretAt, ['name', 'key']);
      const name = r.string(secret, 'name', secretAt, { required: true, pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, hint: 'name a Secret in the cluster namespace' });
      const key = r.string(secret, 'key', secretAt, { required: true, pattern: /^[-._a-zA-Z0-9]+$/, hint: 'name a key of the Secret' });
      if (name !== undefined && key !== undefined) contentFromSecret = { name, key };
    }
  }
  const path = r.string(f, 'path', at, { required: true, pattern: /^\/[^\0]*[^/]$/, hint: 'use an absolute file path on the node, e.g. /etc/example.conf' });
  const spec = {
    path,
    content,
    file: relativeFile(r, f, 'file', at),
    contentFromSecret,
    owner: r.string(f, 'owner', at, { pattern: /^[a-z_][a-z0-9_-]*(:[a-z_][a-z0-9_-]*)?$/, hint: 'use user or user:group, e.g. root:root' }),
    permissions: r.string(f, 'permissions', at, { pattern: /^0?[0-7]{3,4}$/, hint: 'use octal permissions as a string, e.g. "0644"' }),
    encoding: r.oneOf(f, 'encoding', at, ['base64', 'gzip', 'gzip+base64'] as const),
    append: r.boolean(f, 'append', at),
  };
  if (path === undefined || sources.length !== 1) return undefined;
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as NodeFileSpec;
}

function readUser(r: Reader, value: unknown, at: string): NodeUserSpec | undefined {
  const u = r.object(value, at);
  if (u === undefined) return undefined;
  r.onlyKeys(u, at, ['name', 'sshAuthorizedKeys', 'sudo', 'groups', 'shell']);
  const name = r.string(u, 'name', at, { required: true, pattern: /^[a-z_][a-z0-9_-]{0,31}$/, hint: "use lower-case letters, digits, '_' and '-'" });
  const keys = r.strings(u, 'sshAuthorizedKeys', at);
  keys?.forEach((k, i) => {
    if (!/^\S+ \S+/.test(k.trim())) r.add(`${join(at, 'sshAuthorizedKeys')}[${i}]`, 'is not an SSH public key; use the one-line form "TYPE BASE64 [comment]"');
  });
  const user = { name, sshAuthorizedKeys: keys, sudo: r.string(u, 'sudo', at), groups: r.string(u, 'groups', at), shell: r.string(u, 'shell', at) };
  if (name === undefined) return undefined;
  return Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as unknown as NodeUserSpec;
}

function duplicatesIn<T>(r: Reader, list: readonly T[] | undefined, key: (item: T) => string, at: (i: number) => string, what: string): void {
  const seen = new Map<string, number>();
  list?.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) r.add(at(i), `${what} ${JSON.stringify(k)} is listed twice (also at ${at(seen.get(k)!)})`);
    else seen.set(k, i);
  });
}

/** `nodeSetup` (see docs/node-bootstrap.md). */
export function readNodeSetup(r: Reader, obj: Json, path: string): NodeSetupSpec | undefined {
  if (obj.nodeSetup === undefined) return undefined;
  const at = join(path, 'nodeSetup');
  const n = r.object(obj.nodeSetup, at);
  if (n === undefined) return undefined;
  r.onlyKeys(n, at, ['profile', 'files', 'preKubeadmCommands', 'postKubeadmCommands', 'ntpServers', 'users', 'kubeletExtraArgs', 'nodeIp']);
  const files = r.list(n, 'files', at, (v, p) => readFile(r, v, p));
  duplicatesIn(r, files, (f) => f.path, (i) => `${join(at, 'files')}[${i}].path`, 'file');
  const users = r.list(n, 'users', at, (v, p) => readUser(r, v, p));
  duplicatesIn(r, users, (u) => u.name, (i) => `${join(at, 'users')}[${i}].name`, 'user');
  const kubeletExtraArgs = r.stringMap(n, 'kubeletExtraArgs', at);
  for (const flag of Object.keys(kubeletExtraArgs ?? {})) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(flag)) r.add(join(join(at, 'kubeletExtraArgs'), flag), 'is not a kubelet flag name; write it without "--", e.g. max-pods');
  }
  const commands = (key: string) => {
    const list = r.strings(n, key, at);
    list?.forEach((c, i) => { if (c.trim() === '') r.add(`${join(at, key)}[${i}]`, 'must not be empty'); });
    return list;
  };
  let nodeIp: NodeSetupSpec['nodeIp'];
  if (n.nodeIp !== undefined) {
    const ipAt = join(at, 'nodeIp');
    const ip = r.object(n.nodeIp, ipAt);
    if (ip !== undefined) {
      r.onlyKeys(ip, ipAt, ['pin', 'interface']);
      nodeIp = { pin: r.boolean(ip, 'pin', ipAt), interface: r.string(ip, 'interface', ipAt, { pattern: /^[A-Za-z0-9_.:@-]{1,15}$/, hint: 'name the network interface, e.g. ens6' }) };
      nodeIp = Object.fromEntries(Object.entries(nodeIp).filter(([, v]) => v !== undefined));
    }
  }
  const ntpServers = r.strings(n, 'ntpServers', at);
  ntpServers?.forEach((s, i) => { if (!/^[A-Za-z0-9.:-]+$/.test(s)) r.add(`${join(at, 'ntpServers')}[${i}]`, `${JSON.stringify(s)} is not a host name or address`); });
  const spec: NodeSetupSpec = {
    profile: r.oneOf(n, 'profile', at, ['reference', 'minimal'] as const),
    files,
    preKubeadmCommands: commands('preKubeadmCommands'),
    postKubeadmCommands: commands('postKubeadmCommands'),
    ntpServers,
    users,
    kubeletExtraArgs,
    nodeIp,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as NodeSetupSpec;
}

/** `cni: {manifest: <file next to the fleet file>, name, strategy}`. */
export function readCni(r: Reader, obj: Json, path: string): CniSpec | undefined {
  if (obj.cni === undefined) return undefined;
  const at = join(path, 'cni');
  const c = r.object(obj.cni, at);
  if (c === undefined) return undefined;
  r.onlyKeys(c, at, ['manifest', 'name', 'strategy']);
  if (c.manifest === undefined) r.add(join(at, 'manifest'), 'is required; give the path of the CNI manifest file, relative to the fleet file');
  const file = relativeFile(r, c, 'manifest', at);
  const name = r.string(c, 'name', at, { pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, hint: 'use a DNS-1123 subdomain' });
  const strategy = r.oneOf(c, 'strategy', at, ['ApplyOnce', 'Reconcile'] as const);
  if (file === undefined) return undefined;
  return { manifest: { file }, ...(name !== undefined ? { name } : {}), ...(strategy !== undefined ? { strategy } : {}) };
}

/** `kubeVip: {image, interface}`. */
export function readKubeVip(r: Reader, obj: Json, path: string): KubeVipSpec | undefined {
  if (obj.kubeVip === undefined) return undefined;
  const at = join(path, 'kubeVip');
  const k = r.object(obj.kubeVip, at);
  if (k === undefined) return undefined;
  r.onlyKeys(k, at, ['image', 'interface']);
  const image = r.string(k, 'image', at, { pattern: /^[^\s]+$/, hint: 'use an image reference such as ghcr.io/kube-vip/kube-vip:v0.8.0' });
  const iface = r.string(k, 'interface', at, { pattern: /^[A-Za-z0-9_.:@-]{0,15}$/, hint: 'name the network interface, e.g. ens6 (empty: kube-vip chooses)' });
  return { ...(image !== undefined ? { image } : {}), ...(iface !== undefined ? { interface: iface } : {}) };
}
