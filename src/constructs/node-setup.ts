/**
 * How a node is prepared before and after kubeadm: the reference node setup (equal in effect to
 * the IONOS provider's reference template, see docs/node-bootstrap.md) or a minimal one for
 * images that already do it, plus the user's own files, commands, NTP servers, users and kubelet
 * arguments. The same options apply to a whole cluster, its control plane and each node pool;
 * the more specific layer adds to (or, for single values, replaces) the broader one.
 */
import type { PropChecker } from './private/errors.js';
import { dnsSubdomainProblem } from './private/names.js';

/**
 * `reference`: everything the provider's reference template does on a node (sysctl and module
 * files, crictl, SSH hardening, swap off, NTP, node-IP pinning, hardening after kubeadm).
 * `minimal`: only what a node of this provider cannot run without (kube-vip, the CSI datacenter
 * file, the node's providerID) and node-IP pinning on machines with several NICs, for images
 * that already bring the rest.
 */
export type NodeSetupProfile = 'reference' | 'minimal';

/** How a file's content is encoded. */
export type FileEncoding = 'base64' | 'gzip' | 'gzip+base64';

/** A file written on the node before kubeadm runs. */
export interface NodeFile {
  /** Absolute path on the node. */
  readonly path: string;
  /**
   * The content. Exactly one of `content` and `contentFromSecret`.
   * @default none
   */
  readonly content?: string;
  /**
   * A key of a Secret in the cluster's namespace holding the content (for secrets: the content
   * then never appears in the manifests).
   * @default none
   */
  readonly contentFromSecret?: { readonly name: string; readonly key: string };
  /**
   * `user:group`.
   * @default 'root:root'
   */
  readonly owner?: string;
  /**
   * Octal permissions, e.g. `'0600'`.
   * @default cloud-init's default ('0644')
   */
  readonly permissions?: string;
  /**
   * How `content` is encoded.
   * @default plain text
   */
  readonly encoding?: FileEncoding;
  /**
   * Append to the file instead of replacing it.
   * @default false
   */
  readonly append?: boolean;
}

/** A user account created on the node. */
export interface NodeUser {
  /** The login name. */
  readonly name: string;
  /**
   * SSH public keys allowed to log in as this user.
   * @default none
   */
  readonly sshAuthorizedKeys?: readonly string[];
  /**
   * A sudoers rule, e.g. `'ALL=(ALL) NOPASSWD:ALL'`.
   * @default no sudo
   */
  readonly sudo?: string;
  /**
   * Supplementary groups, comma separated.
   * @default none
   */
  readonly groups?: string;
  /**
   * Login shell.
   * @default the image's default
   */
  readonly shell?: string;
}

/** Pinning the kubelet's node IP to the primary NIC. */
export interface NodeIpOptions {
  /**
   * Pin the node IP. Without it, a machine with several NICs may register an address of a
   * secondary NIC, and Cluster API, kube-vip and the CNI then talk to the wrong network.
   * @default true on the control plane (as the reference template) and on machines with more
   *   than one NIC; false elsewhere
   */
  readonly pin?: boolean;
  /**
   * The guest's name of the primary NIC. When the node has no such interface, the interface of
   * the IPv4 default route is used.
   * @default 'ens6' (the first NIC of an IONOS server)
   */
  readonly interface?: string;
}

/** How nodes are set up around kubeadm. Every field adds to what the broader layer gave. */
export interface NodeSetupOptions {
  /**
   * The base setup.
   * @default 'reference'
   */
  readonly profile?: NodeSetupProfile;
  /**
   * Files written before kubeadm; one with the path of a built-in file replaces it.
   * @default none
   */
  readonly files?: readonly NodeFile[];
  /**
   * Commands run before kubeadm, after the built-in ones.
   * @default none
   */
  readonly preKubeadmCommands?: readonly string[];
  /**
   * Commands run after kubeadm, after the built-in ones.
   * @default none
   */
  readonly postKubeadmCommands?: readonly string[];
  /**
   * NTP servers (enables NTP). The most specific layer that sets it wins.
   * @default the pool.ntp.org zone of the datacenter's country with the reference profile
   *   (e.g. 0-3.de.pool.ntp.org for de/txl); the image's setting with the minimal profile
   */
  readonly ntpServers?: readonly string[];
  /**
   * Users created on the node; a user of the same name in a more specific layer replaces it.
   * @default only root with the cluster's `sshAuthorizedKeys`
   */
  readonly users?: readonly NodeUser[];
  /**
   * Extra kubelet flags (without `--`), e.g. `{ 'max-pods': '200' }`.
   * @default only `cloud-provider: ""` (the provider runs no cloud controller manager)
   */
  readonly kubeletExtraArgs?: Readonly<Record<string, string>>;
  /**
   * Node-IP pinning.
   * @default see {@link NodeIpOptions}
   */
  readonly nodeIp?: NodeIpOptions;
}

/** Node setup options with every layer applied. */
export interface ResolvedNodeSetup {
  readonly profile: NodeSetupProfile;
  readonly files: readonly NodeFile[];
  readonly preKubeadmCommands: readonly string[];
  readonly postKubeadmCommands: readonly string[];
  readonly ntpServers?: readonly string[];
  readonly users: readonly NodeUser[];
  readonly kubeletExtraArgs: Readonly<Record<string, string>>;
  readonly nodeIp: NodeIpOptions;
}

/** Later entries replace earlier ones with the same key; order of first appearance is kept. */
function mergeBy<T>(lists: readonly (readonly T[] | undefined)[], key: (item: T) => string): T[] {
  const out = new Map<string, T>();
  for (const list of lists) for (const item of list ?? []) out.set(key(item), item);
  return [...out.values()];
}

/**
 * The layers of node setup options, broadest first (fleet, cluster, control plane or pool),
 * merged: lists of commands are concatenated, files (by path), users (by name) and kubelet
 * arguments (by flag) are replaced by the later layer, single values taken from the last layer
 * that sets them.
 */
export function mergeNodeSetup(...layers: readonly (NodeSetupOptions | undefined)[]): NodeSetupOptions {
  const present = layers.filter((l): l is NodeSetupOptions => l !== undefined);
  const last = <K extends keyof NodeSetupOptions>(key: K): NodeSetupOptions[K] =>
    present.reduce<NodeSetupOptions[K]>((value, layer) => layer[key] ?? value, undefined);
  const nodeIp = present.reduce<NodeIpOptions | undefined>((value, layer) =>
    layer.nodeIp === undefined ? value : { ...value, ...Object.fromEntries(Object.entries(layer.nodeIp).filter(([, v]) => v !== undefined)) }, undefined);
  const concat = (key: 'preKubeadmCommands' | 'postKubeadmCommands') => present.flatMap((l) => l[key] ?? []);
  const kubeletExtraArgs = present.reduce<Record<string, string> | undefined>((value, layer) =>
    layer.kubeletExtraArgs === undefined ? value : { ...value, ...layer.kubeletExtraArgs }, undefined);
  const merged: NodeSetupOptions = {
    profile: last('profile'),
    files: present.some((l) => l.files !== undefined) ? mergeBy(present.map((l) => l.files), (f) => f.path) : undefined,
    preKubeadmCommands: present.some((l) => l.preKubeadmCommands !== undefined) ? concat('preKubeadmCommands') : undefined,
    postKubeadmCommands: present.some((l) => l.postKubeadmCommands !== undefined) ? concat('postKubeadmCommands') : undefined,
    ntpServers: last('ntpServers'),
    users: present.some((l) => l.users !== undefined) ? mergeBy(present.map((l) => l.users), (u) => u.name) : undefined,
    kubeletExtraArgs,
    nodeIp,
  };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeSetupOptions;
}

/** The layers merged, with the defaults filled in. */
export function resolveNodeSetup(...layers: readonly (NodeSetupOptions | undefined)[]): ResolvedNodeSetup {
  const merged = mergeNodeSetup(...layers);
  return {
    profile: merged.profile ?? 'reference',
    files: merged.files ?? [],
    preKubeadmCommands: merged.preKubeadmCommands ?? [],
    postKubeadmCommands: merged.postKubeadmCommands ?? [],
    ntpServers: merged.ntpServers,
    users: merged.users ?? [],
    kubeletExtraArgs: merged.kubeletExtraArgs ?? {},
    nodeIp: merged.nodeIp ?? {},
  };
}

const OCTAL_PERMISSIONS = /^0?[0-7]{3,4}$/;
const OWNER = /^[a-z_][a-z0-9_-]*[$]?(:[a-z_][a-z0-9_-]*[$]?)?$/;
const USER_NAME = /^[a-z_][a-z0-9_-]*[$]?$/;
const KUBELET_FLAG = /^[a-z0-9][a-z0-9-]*$/;
const INTERFACE = /^[A-Za-z0-9_.:@-]{1,15}$/;

/**
 * Checks one layer of node setup options. `prop` is its props path (e.g. `nodeSetup`). File
 * contents are never quoted in a message: they may be secrets.
 */
export function checkNodeSetup(check: PropChecker, prop: string, setup: NodeSetupOptions | undefined): void {
  if (setup === undefined) return;
  check.check(setup.profile === undefined || setup.profile === 'reference' || setup.profile === 'minimal', `${prop}.profile`,
    `must be 'reference' or 'minimal', got ${JSON.stringify(setup.profile)}`);
  const paths = new Map<string, number>();
  setup.files?.forEach((file, i) => {
    const at = `${prop}.files[${i}]`;
    check.check(file.path.startsWith('/') && !file.path.endsWith('/') && !file.path.split('/').includes('..'), `${at}.path`,
      `${JSON.stringify(file.path)} is not an absolute file path; use one such as /etc/example.conf`);
    if (paths.has(file.path)) check.add(`${at}.path`, `${JSON.stringify(file.path)} is also written by ${prop}.files[${paths.get(file.path)}]; give each path once`);
    paths.set(file.path, i);
    check.check((file.content === undefined) !== (file.contentFromSecret === undefined), at,
      "give exactly one of 'content' and 'contentFromSecret'");
    if (file.contentFromSecret !== undefined) {
      const problem = dnsSubdomainProblem(file.contentFromSecret.name);
      if (problem !== undefined) check.add(`${at}.contentFromSecret.name`, problem);
      check.check(file.contentFromSecret.key.length > 0, `${at}.contentFromSecret.key`, 'must not be empty; name the key of the Secret that holds the content');
    }
    check.check(file.permissions === undefined || OCTAL_PERMISSIONS.test(file.permissions), `${at}.permissions`,
      `${JSON.stringify(file.permissions)} is not octal permissions; use a string such as "0644" or "0600"`);
    check.check(file.owner === undefined || OWNER.test(file.owner), `${at}.owner`,
      `${JSON.stringify(file.owner)} is not an owner; use user or user:group, e.g. root:root`);
    check.check(file.encoding === undefined || ['base64', 'gzip', 'gzip+base64'].includes(file.encoding), `${at}.encoding`,
      `must be base64, gzip or gzip+base64, got ${JSON.stringify(file.encoding)}`);
  });
  const names = new Set<string>();
  setup.users?.forEach((user, i) => {
    check.check(USER_NAME.test(user.name) && user.name.length <= 32, `${prop}.users[${i}].name`,
      `${JSON.stringify(user.name)} is not a user name; use lower-case letters, digits, '_' and '-', at most 32 characters`);
    check.check(!names.has(user.name), `${prop}.users[${i}].name`, `user ${JSON.stringify(user.name)} is listed twice`);
    names.add(user.name);
    user.sshAuthorizedKeys?.forEach((key, k) => check.check(/^\S+ \S+/.test(key.trim()), `${prop}.users[${i}].sshAuthorizedKeys[${k}]`,
      'is not an SSH public key; use the one-line form "TYPE BASE64 [comment]", e.g. ssh-ed25519 AAAA... you@host'));
  });
  setup.preKubeadmCommands?.forEach((c, i) => check.check(c.trim().length > 0, `${prop}.preKubeadmCommands[${i}]`, 'must not be empty'));
  setup.postKubeadmCommands?.forEach((c, i) => check.check(c.trim().length > 0, `${prop}.postKubeadmCommands[${i}]`, 'must not be empty'));
  setup.ntpServers?.forEach((s, i) => check.check(/^[A-Za-z0-9.:-]+$/.test(s), `${prop}.ntpServers[${i}]`,
    `${JSON.stringify(s)} is not a host name or address`));
  for (const flag of Object.keys(setup.kubeletExtraArgs ?? {})) {
    check.check(KUBELET_FLAG.test(flag), `${prop}.kubeletExtraArgs`,
      `${JSON.stringify(flag)} is not a kubelet flag name; write it without '--', e.g. max-pods`);
  }
  const iface = setup.nodeIp?.interface;
  check.check(iface === undefined || INTERFACE.test(iface), `${prop}.nodeIp.interface`,
    `${JSON.stringify(iface)} is not a network interface name (at most 15 characters, no spaces or '/')`);
}
