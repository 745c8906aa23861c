/**
 * The fleet file's model: what a YAML, JSON or Jsonnet fleet says, after parsing and with every
 * default applied. See docs/fleet-file.md.
 */

export const FLEET_API_VERSION = 'capi-ionos.dev/v1alpha1';
export const FLEET_KIND = 'Fleet';

/** A LAN (or routed segment) that pools are carved from. */
export interface NetworkSpec {
  readonly name: string;
  /** IPv4 or IPv6 CIDR. */
  readonly cidr: string;
  /** Never handed out; copied into every pool of this network. */
  readonly gateway?: string;
  /** Ranges never planned (DHCP ranges, appliances, existing hosts). */
  readonly reserved: readonly string[];
  /** The IONOS LAN id machines attach to through `additionalNetworks`; absent for the cluster's primary LAN. */
  readonly lanID?: number;
  /** `aligned`: each pool one CIDR block where possible; `packed`: exactly the size asked. */
  readonly allocation: 'aligned' | 'packed';
}

/** Where one NIC takes its addresses from: network names per family. */
export interface NicSpec {
  readonly ipv4?: string;
  readonly ipv6?: string;
}

/** An additional NIC: networks (by name) and optionally shared pools instead of the cluster's own. */
export interface AdditionalNetworkSpec extends NicSpec {
  /** The LAN id: the networks' `lanID`. */
  readonly networkID: number;
  readonly ipv4Pool?: string;
  readonly ipv6Pool?: string;
  readonly dhcp?: boolean;
}

/** A boot image by id or by labels. */
export type ImageSpec =
  | { readonly id: string }
  | { readonly selector: { readonly matchLabels: Readonly<Record<string, string>>; readonly resolutionPolicy?: 'Exact' | 'Newest'; readonly useMachineVersion?: boolean } };

/** Server settings (see the IonosCloudMachine fields). */
export interface MachineSpecInput {
  readonly cores?: number;
  readonly memoryMB?: number;
  readonly cpuFamily?: string;
  readonly type?: 'ENTERPRISE' | 'VCPU';
  readonly availabilityZone?: 'AUTO' | 'ZONE_1' | 'ZONE_2';
  readonly failoverIP?: string;
  readonly networkID?: string;
  readonly disk: {
    readonly sizeGB?: number;
    readonly type?: 'HDD' | 'SSD Standard' | 'SSD Premium';
    readonly availabilityZone?: 'AUTO' | 'ZONE_1' | 'ZONE_2' | 'ZONE_3';
    readonly image: ImageSpec;
  };
}

/**
 * Text given inline (`content`) or read from a file next to the fleet file (`file`). After the
 * fleet is read `content` holds the text either way (see files.ts); it never appears in messages.
 */
export interface TextSource {
  /** The path given in the fleet file, relative to its directory. */
  readonly file?: string;
  readonly content?: string;
}

/** A file written on the node. */
export interface NodeFileSpec extends TextSource {
  readonly path: string;
  readonly contentFromSecret?: { readonly name: string; readonly key: string };
  readonly owner?: string;
  readonly permissions?: string;
  readonly encoding?: 'base64' | 'gzip' | 'gzip+base64';
  readonly append?: boolean;
}

/** A user account on the node. */
export interface NodeUserSpec {
  readonly name: string;
  readonly sshAuthorizedKeys?: readonly string[];
  readonly sudo?: string;
  readonly groups?: string;
  readonly shell?: string;
}

/** Node setup around kubeadm (docs/node-bootstrap.md); the more specific layer adds to the broader. */
export interface NodeSetupSpec {
  readonly profile?: 'reference' | 'minimal';
  readonly files?: readonly NodeFileSpec[];
  readonly preKubeadmCommands?: readonly string[];
  readonly postKubeadmCommands?: readonly string[];
  readonly ntpServers?: readonly string[];
  readonly users?: readonly NodeUserSpec[];
  readonly kubeletExtraArgs?: Readonly<Record<string, string>>;
  readonly nodeIp?: { readonly pin?: boolean; readonly interface?: string };
}

/** A CNI applied through a ClusterResourceSet, its manifests read from a file. */
export interface CniSpec {
  readonly manifest: TextSource;
  readonly name?: string;
  readonly strategy?: 'ApplyOnce' | 'Reconcile';
}

/** kube-vip settings. */
export interface KubeVipSpec {
  readonly image?: string;
  readonly interface?: string;
}

/** Settings every cluster takes unless it sets its own. */
export interface FleetDefaultsSpec {
  readonly nodeSetup?: NodeSetupSpec;
  readonly cni?: CniSpec;
  readonly kubeVip?: KubeVipSpec;
  /** Labels and annotations of every Cluster object (a cluster's own add to and replace them). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Health checking of a node pool. */
export interface HealthCheckSpec {
  readonly unhealthyTimeout?: string;
  readonly nodeStartupTimeout?: string;
  readonly maxUnhealthy?: string | number;
}

/** A node pool. */
export interface NodePoolSpec {
  readonly name: string;
  readonly replicas: number;
  readonly maxSurge: number;
  readonly maxUnavailable: number;
  /** The servers; absent in topology mode (the cluster class has them). */
  readonly machine?: MachineSpecInput;
  readonly network: NicSpec;
  readonly additionalNetworks: readonly AdditionalNetworkSpec[];
  readonly healthCheck?: HealthCheckSpec;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly nodeSetup?: NodeSetupSpec;
  /** Name of the pool's objects instead of `<cluster>-<pool>`. */
  readonly resourceName?: string;
  /** Topology mode: the cluster class's worker class. */
  readonly workerClass?: string;
}

/** The control plane. `endpoint` is `auto` (planned) or an explicit IPv4 address. */
export interface ControlPlaneSpec {
  readonly replicas: number;
  readonly maxSurge: 0 | 1;
  readonly endpoint: 'auto' | string;
  readonly port: number;
  /** The servers; absent in topology mode (the cluster class has them). */
  readonly machine?: MachineSpecInput;
  readonly network: NicSpec;
  readonly additionalNetworks: readonly AdditionalNetworkSpec[];
  /** A DNS name for the endpoint, resolving to the VIP. */
  readonly endpointHost?: string;
  readonly kubeVip?: KubeVipSpec;
  readonly nodeSetup?: NodeSetupSpec;
  readonly machineLabels?: Readonly<Record<string, string>>;
  readonly machineAnnotations?: Readonly<Record<string, string>>;
  /** Name of the KubeadmControlPlane and its machine template instead of `<cluster>-control-plane`. */
  readonly resourceName?: string;
}

/** A cluster. */
export interface ClusterSpec {
  readonly name: string;
  readonly namespace: string;
  readonly location: string;
  readonly datacenterID: string;
  readonly credentialsSecret: string;
  readonly kubernetesVersion: string;
  readonly sshAuthorizedKeys: readonly string[];
  readonly podCidrBlocks?: readonly string[];
  readonly serviceCidrBlocks?: readonly string[];
  readonly controlPlane: ControlPlaneSpec;
  readonly nodePools: readonly NodePoolSpec[];
  /** Explicit pool sizes per network name. */
  readonly poolSizes: Readonly<Record<string, number>>;
  readonly nodeSetup?: NodeSetupSpec;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly cni?: CniSpec;
  /** Topology mode: the name of a `clusterClasses` entry. */
  readonly class?: string;
}

/** A worker (machine deployment) class of a cluster class. */
export interface WorkerClassSpec {
  readonly name: string;
  readonly machine: MachineSpecInput;
  readonly nodeSetup?: NodeSetupSpec;
}

/** A ClusterClass: the templates clusters in topology mode share. */
export interface ClusterClassSpec {
  readonly name: string;
  readonly namespace: string;
  readonly location?: string;
  readonly nodeSetup?: NodeSetupSpec;
  readonly controlPlane: {
    readonly machine: MachineSpecInput;
    readonly nodeSetup?: NodeSetupSpec;
    readonly kubeVip?: KubeVipSpec;
    readonly maxSurge?: 0 | 1;
  };
  readonly workers: readonly WorkerClassSpec[];
}

/** A GlobalInClusterIPPool used by several clusters. */
export interface SharedPoolSpec {
  readonly name: string;
  readonly network: string;
  readonly size: number;
}

/** A pool made by hand or by another tool: not planned, but checked and kept clear of. */
export interface ManualPoolSpec {
  readonly name: string;
  /** The network it belongs to; default: every network its addresses touch. */
  readonly network?: string;
  /** Its `addresses` entries: addresses, `first-last` ranges or CIDRs. */
  readonly addresses: readonly string[];
  /** It lies in no declared network on purpose: a warning instead of an error. */
  readonly unmanaged?: boolean;
}

/** A whole fleet. */
export interface FleetSpec {
  readonly name: string;
  readonly networks: readonly NetworkSpec[];
  readonly clusters: readonly ClusterSpec[];
  readonly sharedPools: readonly SharedPoolSpec[];
  readonly manualPools: readonly ManualPoolSpec[];
  readonly defaults?: FleetDefaultsSpec;
  readonly clusterClasses?: readonly ClusterClassSpec[];
}
