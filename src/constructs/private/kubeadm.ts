/**
 * The kubeadm bootstrap configuration an IONOS Cloud node needs, as the provider's own templates
 * set it up: kube-vip as a static pod holding the control-plane endpoint, the IONOS CSI driver's
 * datacenter file, and the node's `providerID` (`ionos://<system UUID>`), without which Cluster
 * API cannot match Nodes to Machines.
 *
 * Returned objects use the generated L1 field names (camel case) and hold plain data only.
 */
import { createRequire } from 'node:module';
import type { NodeFile, ResolvedNodeSetup } from '../node-setup.js';
import {
  CONTAINERD_SOCKET, defaultNtpServers, REFERENCE_POST_KUBEADM, REFERENCE_PRE_KUBEADM, referenceFiles, setNodeIpCommand, setNodeIpFile,
  type KubeadmFile,
} from './reference-node-setup.js';

/** kube-vip settings for the control plane. */
export interface KubeVipOptions {
  readonly address: string;
  readonly port: number;
  readonly image: string;
  /** Interface kube-vip announces the address on; empty lets kube-vip pick. */
  readonly interface: string;
}

const KUBE_VIP_MANIFEST = '/etc/kubernetes/manifests/kube-vip.yaml';
const KUBE_VIP_PREPARE = '/etc/kube-vip-prepare.sh';
const ADMIN_CONF = '/etc/kubernetes/admin.conf';
const SUPER_ADMIN_CONF = '/etc/kubernetes/super-admin.conf';

/**
 * The kube-vip static pod through the yaml package: the definition of its bytes. Every varying
 * value is a string here (`port` too), so that placeholders can stand in for them.
 */
function stringifyKubeVipManifest(values: { readonly address: string; readonly port: string; readonly image: string; readonly interface: string }): string {
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const env = (name: string, value: string) => ({ name, value });
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kube-vip', namespace: 'kube-system' },
    spec: {
      containers: [{
        name: 'kube-vip',
        image: values.image,
        imagePullPolicy: 'IfNotPresent',
        args: ['manager'],
        env: [
          env('cp_enable', 'true'),
          env('vip_interface', values.interface),
          env('address', values.address),
          env('port', values.port),
          env('vip_arp', 'true'),
          env('vip_leaderelection', 'true'),
          env('vip_leaseduration', '15'),
          env('vip_renewdeadline', '10'),
          env('vip_retryperiod', '2'),
        ],
        securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
        volumeMounts: [{ mountPath: ADMIN_CONF, name: 'kubeconfig' }],
      }],
      hostAliases: [{ ip: '127.0.0.1', hostnames: ['kubernetes', 'localhost'] }],
      hostNetwork: true,
      volumes: [{ name: 'kubeconfig', hostPath: { path: ADMIN_CONF, type: 'FileOrCreate' } }],
    },
  }, { lineWidth: 0 });
}

/** Placeholders for the varying values: plain scalars that occur nowhere else in the manifest. */
export const KUBE_VIP_PLACEHOLDERS = {
  address: 'capiIonosKubeVipAddress',
  port: 'capiIonosKubeVipPort',
  image: 'capiIonosKubeVipImage',
  interface: 'capiIonosKubeVipInterface',
} as const;

/**
 * Strings that the yaml package (YAML 1.2 core schema, `lineWidth: 0`) writes as they are, in any
 * block value position: a safe first character, no spaces, `#`, quotes or flow indicators, and no
 * trailing `:`. Everything else takes the slow path.
 */
const SAFE_PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./@:+-]*$/;

/** Safe strings the core schema would read as null, a boolean or a number: written double-quoted. */
const CORE_NON_STRING = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$/;

/** How the yaml package writes `value` as a block mapping value, when that is certain; else `undefined`. */
function scalarText(value: string): string | undefined {
  if (value === '') return '""';
  if (!SAFE_PLAIN.test(value) || value.endsWith(':')) return undefined;
  return CORE_NON_STRING.test(value) ? `"${value}"` : value;
}

/**
 * What `stringifyKubeVipManifest(KUBE_VIP_PLACEHOLDERS)` writes, spelled out so that synthesis
 * does not load the yaml package for it; test/constructs/kubeadm.test.ts checks the two agree.
 */
export const KUBE_VIP_TEMPLATE = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: kube-vip',
  '  namespace: kube-system',
  'spec:',
  '  containers:',
  '    - name: kube-vip',
  '      image: capiIonosKubeVipImage',
  '      imagePullPolicy: IfNotPresent',
  '      args:',
  '        - manager',
  '      env:',
  '        - name: cp_enable',
  '          value: "true"',
  '        - name: vip_interface',
  '          value: capiIonosKubeVipInterface',
  '        - name: address',
  '          value: capiIonosKubeVipAddress',
  '        - name: port',
  '          value: capiIonosKubeVipPort',
  '        - name: vip_arp',
  '          value: "true"',
  '        - name: vip_leaderelection',
  '          value: "true"',
  '        - name: vip_leaseduration',
  '          value: "15"',
  '        - name: vip_renewdeadline',
  '          value: "10"',
  '        - name: vip_retryperiod',
  '          value: "2"',
  '      securityContext:',
  '        capabilities:',
  '          add:',
  '            - NET_ADMIN',
  '            - NET_RAW',
  '      volumeMounts:',
  '        - mountPath: /etc/kubernetes/admin.conf',
  '          name: kubeconfig',
  '  hostAliases:',
  '    - ip: 127.0.0.1',
  '      hostnames:',
  '        - kubernetes',
  '        - localhost',
  '  hostNetwork: true',
  '  volumes:',
  '    - name: kubeconfig',
  '      hostPath:',
  '        path: /etc/kubernetes/admin.conf',
  '        type: FileOrCreate',
  '',
].join('\n');

/**
 * The kube-vip static pod: ARP mode with leader election, as the provider's templates run it.
 *
 * Stringifying the document with the yaml package costs about half a millisecond per cluster,
 * and loading the package for it some 50 ms per run. Clusters differ only in four scalars, so
 * they are put into {@link KUBE_VIP_TEMPLATE}; values whose YAML form is not certain
 * ({@link scalarText}) take the full path. test/constructs/kubeadm.test.ts holds both to the same
 * bytes.
 */
export function kubeVipManifest(options: KubeVipOptions): string {
  const values = { address: options.address, port: String(options.port), image: options.image, interface: options.interface };
  const texts = new Map<string, string | undefined>(
    (Object.keys(KUBE_VIP_PLACEHOLDERS) as (keyof typeof KUBE_VIP_PLACEHOLDERS)[])
      .map((key) => [KUBE_VIP_PLACEHOLDERS[key], scalarText(values[key])]),
  );
  if ([...texts.values()].includes(undefined)) return stringifyKubeVipManifest(values);
  return KUBE_VIP_TEMPLATE.replace(/capiIonosKubeVip(?:Address|Port|Image|Interface)/g, (placeholder) => texts.get(placeholder)!);
}

/** The manifest without the placeholder shortcut (for tests). */
export function kubeVipManifestSlow(options: KubeVipOptions): string {
  return stringifyKubeVipManifest({ address: options.address, port: String(options.port), image: options.image, interface: options.interface });
}

/**
 * From Kubernetes 1.29 on, `admin.conf` has no rights until `kubeadm init` has finished, so on
 * the first control-plane node kube-vip must start with `super-admin.conf` and switch back after.
 */
function needsSuperAdmin(kubernetesVersion: string): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(kubernetesVersion);
  if (match === null) return true;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 1 || minor >= 29;
}

const KUBE_VIP_PREPARE_SCRIPT = `#!/bin/bash
# Runs before kubeadm. Only the node that runs 'kubeadm init' needs this: there kube-vip must use
# super-admin.conf until the cluster has granted admin.conf its rights.
set -euo pipefail
if grep -qs 'kind: InitConfiguration' /run/kubeadm/kubeadm.yaml; then
  sed -i 's#path: ${ADMIN_CONF}#path: ${SUPER_ADMIN_CONF}#' ${KUBE_VIP_MANIFEST}
fi
`;

const PROVIDER_ID_COMMANDS = [
  // The node's system UUID is the IONOS server id; Cluster API matches Node and Machine by it.
  "system_uuid=$(kubectl --kubeconfig /etc/kubernetes/kubelet.conf get node \"$(hostname)\" -o jsonpath='{.status.nodeInfo.systemUUID}')",
  "kubectl --kubeconfig /etc/kubernetes/kubelet.conf patch node \"$(hostname)\" --type strategic -p \"{\\\"spec\\\":{\\\"providerID\\\":\\\"ionos://${system_uuid}\\\"}}\"",
];

/** Path of the kube-vip static pod manifest. */
export const KUBE_VIP_MANIFEST_PATH = KUBE_VIP_MANIFEST;
/** Path of the IONOS CSI driver's datacenter file. */
export const CSI_CONFIG_PATH = '/etc/ie-csi/cfg.json';

/** The CSI driver's datacenter file content. */
export function csiConfigContent(datacenterID: string): string {
  return `${JSON.stringify({ 'datacenter-id': datacenterID })}\n`;
}

function csiConfigFile(datacenterID: string): KubeadmFile {
  return {
    path: CSI_CONFIG_PATH,
    owner: 'root:root',
    permissions: '0644',
    content: csiConfigContent(datacenterID),
  };
}

/** `undefined` for an empty list, so that no empty field is written. */
function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length === 0 ? undefined : list;
}

/** root with the cluster's keys (if any), then the setup's users; a setup user named root wins. */
function users(sshAuthorizedKeys: readonly string[], setup: ResolvedNodeSetup) {
  const list = [
    ...(sshAuthorizedKeys.length === 0 || setup.users.some((u) => u.name === 'root') ? [] : [{ name: 'root', sshAuthorizedKeys: [...sshAuthorizedKeys] }]),
    ...setup.users.map((u) => ({
      name: u.name,
      sshAuthorizedKeys: u.sshAuthorizedKeys && [...u.sshAuthorizedKeys],
      sudo: u.sudo,
      groups: u.groups,
      shell: u.shell,
    })),
  ];
  return nonEmpty(list);
}

function nodeRegistration(setup: ResolvedNodeSetup) {
  return {
    criSocket: CONTAINERD_SOCKET,
    // The provider runs no cloud controller manager; the kubelet must not wait for one.
    kubeletExtraArgs: { 'cloud-provider': '', ...setup.kubeletExtraArgs },
  };
}

function userFile(file: NodeFile): KubeadmFile {
  return {
    path: file.path,
    content: file.content,
    contentFrom: file.contentFromSecret && { secret: { name: file.contentFromSecret.name, key: file.contentFromSecret.key } },
    owner: file.owner ?? 'root:root',
    permissions: file.permissions,
    encoding: file.encoding,
    append: file.append,
  };
}

/** Built-in files, then the user's; a user file with a built-in path replaces it in place. */
function mergeFiles(builtIn: readonly KubeadmFile[], setup: ResolvedNodeSetup): KubeadmFile[] {
  const own = new Map(setup.files.map((f) => [f.path, userFile(f)]));
  const out = builtIn.map((f) => own.get(f.path) ?? f);
  const builtInPaths = new Set(builtIn.map((f) => f.path));
  return [...out, ...[...own.values()].filter((f) => !builtInPaths.has(f.path))];
}

/**
 * The prepare script for a ClusterClass, where the Kubernetes version is the Cluster's: it asks
 * kubeadm for its version and does nothing before 1.29.
 */
const KUBE_VIP_PREPARE_SCRIPT_ANY_VERSION = KUBE_VIP_PREPARE_SCRIPT.replace('set -euo pipefail\n', `set -euo pipefail
minor="$(kubeadm version -o short | sed -E 's/^v?[0-9]+\\.([0-9]+).*$/\\1/')"
if [ "$minor" -lt 29 ] 2>/dev/null; then exit 0; fi
`);

/** Inputs shared by control-plane and worker bootstrap configurations. */
export interface BootstrapOptions {
  readonly datacenterID: string;
  /** The datacenter's location, for the default NTP servers. */
  readonly location: string;
  readonly kubernetesVersion: string;
  /** Keys for root (the cluster's `sshAuthorizedKeys`). */
  readonly sshAuthorizedKeys: readonly string[];
  readonly setup: ResolvedNodeSetup;
  /** Whether the machines have more than one NIC. */
  readonly multipleNics: boolean;
  /**
   * The Kubernetes version is not known here (a ClusterClass): the kube-vip prepare script
   * checks it on the node.
   */
  readonly versionOnNode?: boolean;
}

/** The parts of a node's setup that do not depend on its role. */
function nodeParts(options: BootstrapOptions, role: 'control-plane' | 'worker') {
  const { setup } = options;
  const reference = setup.profile === 'reference';
  const pin = setup.nodeIp.pin ?? (options.multipleNics || (reference && role === 'control-plane'));
  const ntpServers = setup.ntpServers ?? (reference ? defaultNtpServers(options.location) : undefined);
  return {
    files: [...(reference ? referenceFiles() : []), ...(pin ? [setNodeIpFile()] : []), csiConfigFile(options.datacenterID)],
    pre: [...(reference ? REFERENCE_PRE_KUBEADM : []), ...(pin ? [setNodeIpCommand(setup.nodeIp.interface ?? 'ens6')] : [])],
    post: reference ? REFERENCE_POST_KUBEADM : [],
    ntp: ntpServers && { enabled: true, servers: [...ntpServers] },
    users: users(options.sshAuthorizedKeys, setup),
  };
}

/** `KubeadmControlPlane.spec.kubeadmConfigSpec` for an IONOS control plane with kube-vip. */
export function controlPlaneKubeadmConfig(options: BootstrapOptions & { readonly kubeVip: KubeVipOptions }): Record<string, unknown> {
  const superAdmin = options.versionOnNode === true || needsSuperAdmin(options.kubernetesVersion);
  const prepareScript = options.versionOnNode === true ? KUBE_VIP_PREPARE_SCRIPT_ANY_VERSION : KUBE_VIP_PREPARE_SCRIPT;
  const node = nodeParts(options, 'control-plane');
  const builtIn: KubeadmFile[] = [
    ...node.files.slice(0, -1),
    { path: KUBE_VIP_MANIFEST, owner: 'root:root', content: kubeVipManifest(options.kubeVip) },
    ...(superAdmin ? [{ path: KUBE_VIP_PREPARE, owner: 'root:root', permissions: '0700', content: prepareScript }] : []),
    node.files.at(-1)!,
  ];
  const registration = nodeRegistration(options.setup);
  return {
    files: mergeFiles(builtIn, options.setup),
    users: node.users,
    ntp: node.ntp,
    initConfiguration: {
      localApiEndpoint: { bindPort: options.kubeVip.port },
      nodeRegistration: registration,
    },
    joinConfiguration: {
      controlPlane: { localApiEndpoint: { bindPort: options.kubeVip.port } },
      nodeRegistration: registration,
    },
    preKubeadmCommands: nonEmpty([...node.pre, ...(superAdmin ? [KUBE_VIP_PREPARE] : []), ...options.setup.preKubeadmCommands]),
    postKubeadmCommands: [
      ...(superAdmin ? [`sed -i 's#path: ${SUPER_ADMIN_CONF}#path: ${ADMIN_CONF}#' ${KUBE_VIP_MANIFEST}`] : []),
      ...PROVIDER_ID_COMMANDS,
      ...node.post,
      ...options.setup.postKubeadmCommands,
    ],
  };
}

/** `KubeadmConfigTemplate.spec.template.spec` for IONOS worker nodes. */
export function workerKubeadmConfig(options: BootstrapOptions): Record<string, unknown> {
  const node = nodeParts(options, 'worker');
  return {
    files: mergeFiles(node.files, options.setup),
    users: node.users,
    ntp: node.ntp,
    joinConfiguration: { nodeRegistration: nodeRegistration(options.setup) },
    preKubeadmCommands: nonEmpty([...node.pre, ...options.setup.preKubeadmCommands]),
    postKubeadmCommands: [...PROVIDER_ID_COMMANDS, ...node.post, ...options.setup.postKubeadmCommands],
  };
}
