import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { parseCidr, parseIp } from '../ipam/ip.js';
import { capi, controlplane, infrastructure } from '../l1.js';
import type { ICredentials } from './credentials.js';
import type { INetwork } from './network.js';
import { clusterCidrs } from './private/cluster-network.js';
import { recordDemand } from './private/demand.js';
import {
  CLUSTER_NAME_LABEL, CONTROLPLANE_API_VERSION, INFRA_API_VERSION,
} from '../vocabulary.js';
import {
  checkDatacenterID, CONTROL_PLANE_DEFAULTS, renderMachineSpec, type MachineNetworkSettings, type MachineSettings,
} from './machine.js';
import { ClusterAddon, type AddonStrategy } from './cluster-addon.js';
import { NodePool, type NodePoolOptions } from './node-pool.js';
import { checkNodeSetup, resolveNodeSetup, type NodeSetupOptions } from './node-setup.js';
import { PropChecker } from './private/errors.js';
import { controlPlaneKubeadmConfig } from './private/kubeadm.js';

/** Where the Kubernetes API of the cluster is reached. */
export interface ControlPlaneEndpoint {
  /**
   * The virtual IPv4 address kube-vip holds on the control-plane nodes. Kept out of every pool
   * planned from the network it lies in, and checked against every pool.
   * @default planned from `network` (give one of the two)
   */
  readonly host?: string;
  /**
   * The network to plan the address from (the fleet file's `endpoint: auto`): the highest free
   * address of the network, recorded in `ipam.lock.yaml` and never moved afterwards.
   * @default the address in `host`
   */
  readonly network?: INetwork<'IPv4'>;
  /**
   * A DNS name for the endpoint, written to the IonosCloudCluster (and so into kubeconfigs and
   * the API server certificate) instead of the address. It must resolve to `host`: the provider
   * resolves it and uses its smallest IPv4 address as the failover IP.
   * @default the address itself
   */
  readonly hostname?: string;
  /**
   * API server port.
   * @default 6443
   */
  readonly port?: number;
}

/** kube-vip, which holds the endpoint address on the elected control-plane node. */
export interface KubeVipSettings {
  /**
   * The kube-vip image.
   * @default 'ghcr.io/kube-vip/kube-vip:v0.7.1' (as the provider's templates)
   */
  readonly image?: string;
  /**
   * The interface to announce the address on.
   * @default '' (kube-vip chooses)
   */
  readonly interface?: string;
}

/** The control plane of an {@link IonosCluster}. */
export interface ControlPlaneOptions {
  /**
   * Number of control-plane machines: odd, because etcd runs on them.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Extra machines created during a rollout: 1 replaces one machine at a time with a new one
   * first; 0 removes before it creates (for clusters without spare capacity or addresses).
   * @default 1
   */
  readonly maxSurge?: 0 | 1;
  /** The endpoint address and port. */
  readonly endpoint: ControlPlaneEndpoint;
  /** The control-plane servers. */
  readonly machine: MachineSettings;
  /**
   * Pools the control-plane NICs take their addresses from.
   * @default DHCP on the cluster LAN
   */
  readonly network?: MachineNetworkSettings;
  /**
   * kube-vip settings.
   * @default the provider templates' image, interface chosen by kube-vip
   */
  readonly kubeVip?: KubeVipSettings;
  /**
   * Commands run before kubeadm on every control-plane node (after `nodeSetup`'s).
   * @default none
   */
  readonly preKubeadmCommands?: readonly string[];
  /**
   * Commands run after kubeadm on every control-plane node (after `nodeSetup`'s).
   * @default none
   */
  readonly postKubeadmCommands?: readonly string[];
  /**
   * Node setup of the control-plane nodes, on top of the cluster's `nodeSetup`.
   * @default the cluster's
   */
  readonly nodeSetup?: NodeSetupOptions;
  /**
   * Labels of the control-plane Machines.
   * @default only those Cluster API sets
   */
  readonly machineLabels?: Readonly<Record<string, string>>;
  /**
   * Annotations of the control-plane Machines.
   * @default none
   */
  readonly machineAnnotations?: Readonly<Record<string, string>>;
  /**
   * Name of the KubeadmControlPlane and its IonosCloudMachineTemplate.
   * @default `<cluster>-control-plane`
   */
  readonly resourceName?: string;
}

/** A CNI (or any manifests) applied to the cluster through a ClusterResourceSet. */
export interface CniOptions {
  /** The manifests, one YAML stream. */
  readonly manifest: string;
  /**
   * Name of the ConfigMap and the ClusterResourceSet.
   * @default `<cluster>-cni`
   */
  readonly name?: string;
  /**
   * @default 'ApplyOnce'
   */
  readonly strategy?: AddonStrategy;
}

/** Properties of an {@link IonosCluster}. */
export interface IonosClusterProps {
  /**
   * The cluster's name: `metadata.name` of the Cluster and the prefix of every object name.
   * A DNS-1123 label.
   * @default the construct id
   */
  readonly name?: string;
  /** The namespace every object of the cluster lives in. */
  readonly namespace: string;
  /** The IONOS location of the datacenter, e.g. `de/txl`. */
  readonly location: string;
  /** The IONOS datacenter the machines run in (a UUID). */
  readonly datacenterID: string;
  /** The Secret with the IONOS Cloud token, referenced by name. */
  readonly credentials: ICredentials;
  /** Kubernetes version of every node, e.g. `v1.31.2`. */
  readonly kubernetesVersion: string;
  /** The control plane. */
  readonly controlPlane: ControlPlaneOptions;
  /**
   * CIDR blocks for pod addresses; one per family on a dual-stack cluster.
   * @default ['192.168.0.0/16'] (as the provider's templates); dual-stack (the control plane
   *   draws from an IPv4 and an IPv6 pool): ['192.168.0.0/16', 'fd00:100::/56']
   */
  readonly podCidrBlocks?: readonly string[];
  /**
   * CIDR blocks for service addresses; one per family on a dual-stack cluster.
   * @default Kubernetes' default; dual-stack: ['10.96.0.0/12', 'fd00:200::/112']
   */
  readonly serviceCidrBlocks?: readonly string[];
  /**
   * SSH public keys authorised for `root` on every node.
   * @default none
   */
  readonly sshAuthorizedKeys?: readonly string[];
  /**
   * How every node of the cluster is set up around kubeadm; the control plane and each node
   * pool can add to it.
   * @default the reference node setup (docs/node-bootstrap.md)
   */
  readonly nodeSetup?: NodeSetupOptions;
  /**
   * Labels of the Cluster object (ClusterResourceSets and policies select clusters by them).
   * @default only `cluster.x-k8s.io/cluster-name`
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations of the Cluster object.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * A CNI installed through a ClusterResourceSet once the cluster is up.
   * @default none (install one yourself)
   */
  readonly cni?: CniOptions;
}

const KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.7.1';
const CLUSTER = Symbol.for('cdk8s-capi-ionos.IonosCluster');
const VERSION = /^v\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

/**
 * A Cluster API cluster on IONOS Cloud: the Cluster, its IonosCloudCluster, the
 * KubeadmControlPlane with kube-vip holding the endpoint, and the control-plane machine template.
 *
 * Each cluster is a chart of its own, so it synthesises into a directory of its own and adding a
 * cluster changes no byte of another cluster's files. Node pools, pools and machines of the
 * cluster are created inside it.
 */
export class IonosCluster extends Chart {
  /** Whether `x` is an IonosCluster (of any copy of this package). */
  public static isIonosCluster(x: unknown): x is IonosCluster {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[CLUSTER] === true;
  }

  /** The cluster's name. */
  public readonly clusterName: string;
  /** The namespace of every object of the cluster. */
  public readonly clusterNamespace: string;
  /** The datacenter its machines run in. */
  public readonly datacenterID: string;
  /** Kubernetes version of its nodes. */
  public readonly kubernetesVersion: string;
  /** SSH keys for its nodes. */
  public readonly sshAuthorizedKeys: readonly string[];
  /** The datacenter's location. */
  public readonly location: string;
  /** The cluster-wide node setup, the base of every node pool's. */
  public readonly nodeSetup: NodeSetupOptions | undefined;
  /** The CNI addon, if one was given. */
  public readonly cni: ClusterAddon | undefined;
  /** The endpoint address: as written, or once planned from `endpointNetwork`. */
  public get endpointHost(): string | undefined {
    return this.host;
  }
  /** The network the endpoint is planned from, if it is planned. */
  public readonly endpointNetwork: INetwork<'IPv4'> | undefined;
  /** `clusterNetwork.pods.cidrBlocks`. */
  public readonly podCidrBlocks: readonly string[];
  /** `clusterNetwork.services.cidrBlocks`, when set. */
  public readonly serviceCidrBlocks: readonly string[] | undefined;
  /** Whether the control plane's nodes take an IPv4 and an IPv6 address. */
  public readonly dualStack: boolean;
  /** Which of the pod and service CIDRs are defaults. */
  public readonly defaultedCidrs: { readonly pods: boolean; readonly services: boolean };
  private host: string | undefined;
  private endpointObjects: ((host: string) => void) | undefined;

  public constructor(scope: Construct, id: string, props: IonosClusterProps) {
    super(scope, id, { disableResourceNameHashes: true });
    Object.defineProperty(this, CLUSTER, { value: true });
    const name = props.name ?? id;
    const cp = props.controlPlane;
    const replicas = cp.replicas ?? 3;
    const port = cp.endpoint.port ?? 6443;

    const check = new PropChecker(this);
    check.dnsLabel('name', name);
    // The control-plane objects are named `<name>-control-plane`; Cluster API puts names in labels.
    check.check(name.length <= 63 - '-control-plane'.length, 'name',
      `${JSON.stringify(name)} is too long: '${name}-control-plane' must fit a 63-character label; use at most ${63 - '-control-plane'.length} characters`);
    check.dnsLabel('namespace', props.namespace);
    check.check(props.location.length > 0, 'location', "must not be empty; use the datacenter's location, e.g. 'de/txl'");
    checkDatacenterID(check, 'datacenterID', props.datacenterID);
    check.dnsSubdomain('credentials.secretName', props.credentials.secretName);
    check.check(VERSION.test(props.kubernetesVersion), 'kubernetesVersion',
      `${JSON.stringify(props.kubernetesVersion)} is not a Kubernetes version; use vMAJOR.MINOR.PATCH, e.g. v1.31.2`);
    check.integer('controlPlane.replicas', replicas, { min: 1 });
    check.check(replicas % 2 === 1, 'controlPlane.replicas',
      `must be odd (etcd runs on the control-plane nodes and needs a majority), got ${replicas}; use ${replicas + 1}`);
    check.check(cp.maxSurge === undefined || cp.maxSurge === 0 || cp.maxSurge === 1, 'controlPlane.maxSurge', `must be 0 or 1, got ${cp.maxSurge}`);
    check.check((cp.endpoint.host === undefined) !== (cp.endpoint.network === undefined), 'controlPlane.endpoint',
      "give either 'host' (an address) or 'network' (to plan the address from), not both or neither");
    check.check(cp.endpoint.host === undefined || parseIp(cp.endpoint.host)?.family === 4, 'controlPlane.endpoint.host',
      `${JSON.stringify(cp.endpoint.host)} is not an IPv4 address; kube-vip holds the endpoint as an IPv4 address on the cluster LAN`);
    check.check(cp.endpoint.network === undefined || cp.endpoint.network.family === 'IPv4', 'controlPlane.endpoint.network',
      `network ${JSON.stringify(cp.endpoint.network?.networkName)} is ${cp.endpoint.network?.family}; kube-vip holds the endpoint as an IPv4 address`);
    const dualStack = cp.network?.ipv4Pool !== undefined && cp.network.ipv6Pool !== undefined;
    const { pods, services } = clusterCidrs(dualStack, props.podCidrBlocks, props.serviceCidrBlocks);
    for (const [prop, blocks] of [['podCidrBlocks', pods], ['serviceCidrBlocks', services ?? []]] as const) {
      for (const [i, block] of blocks.entries()) {
        check.check(parseCidr(block) !== undefined, `${prop}[${i}]`, `${JSON.stringify(block)} is not a CIDR; use a.b.c.d/n or x:x::/n`);
      }
      const families = new Set(blocks.map((b) => parseCidr(b)?.family));
      check.check(blocks.length <= 2 && families.size === blocks.length, prop, `give at most one CIDR per family, got ${blocks.map((b) => JSON.stringify(b)).join(', ')}`);
    }
    check.integer('controlPlane.endpoint.port', port, { min: 1, max: 65535 });
    if (cp.endpoint.hostname !== undefined) check.dnsSubdomain('controlPlane.endpoint.hostname', cp.endpoint.hostname);
    const controlPlaneName = cp.resourceName ?? `${name}-control-plane`;
    if (cp.resourceName !== undefined) check.dnsLabel('controlPlane.resourceName', cp.resourceName);
    check.labels('labels', props.labels);
    check.annotations('annotations', props.annotations);
    check.labels('controlPlane.machineLabels', cp.machineLabels);
    check.annotations('controlPlane.machineAnnotations', cp.machineAnnotations);
    checkNodeSetup(check, 'nodeSetup', props.nodeSetup);
    checkNodeSetup(check, 'controlPlane.nodeSetup', cp.nodeSetup);

    this.clusterName = name;
    this.clusterNamespace = props.namespace;
    this.datacenterID = props.datacenterID;
    this.kubernetesVersion = props.kubernetesVersion;
    this.sshAuthorizedKeys = [...(props.sshAuthorizedKeys ?? [])];
    this.location = props.location;
    this.nodeSetup = props.nodeSetup;
    this.host = cp.endpoint.host;
    this.endpointNetwork = cp.endpoint.network;
    this.podCidrBlocks = [...pods];
    this.serviceCidrBlocks = services === undefined ? undefined : [...services];
    this.dualStack = dualStack;
    this.defaultedCidrs = { pods: props.podCidrBlocks === undefined, services: props.serviceCidrBlocks === undefined };
    recordDemand(this, replicas + (cp.maxSurge ?? 1), cp.network ?? {});

    const machineSpec = renderMachineSpec(check, {
      datacenterID: props.datacenterID,
      namespace: props.namespace,
      machine: cp.machine,
      network: cp.network ?? {},
      defaults: CONTROL_PLANE_DEFAULTS,
      prop: 'controlPlane.machine',
      networkProp: 'controlPlane.network',
    });
    check.throwIfAny();

    const metadata = (objectName: string) => ({
      name: objectName,
      namespace: props.namespace,
      labels: { [CLUSTER_NAME_LABEL]: name },
    });

    new capi.Cluster(this, 'Cluster', {
      metadata: {
        ...metadata(name),
        labels: { ...props.labels, [CLUSTER_NAME_LABEL]: name },
        annotations: props.annotations && { ...props.annotations },
      },
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: [...pods] },
          services: services && { cidrBlocks: [...services] },
        },
        infrastructureRef: { apiVersion: INFRA_API_VERSION, kind: 'IonosCloudCluster', name, namespace: props.namespace },
        controlPlaneRef: { apiVersion: CONTROLPLANE_API_VERSION, kind: 'KubeadmControlPlane', name: controlPlaneName, namespace: props.namespace },
      },
    });

    new infrastructure.IonosCloudMachineTemplate(this, 'ControlPlaneMachineTemplate', {
      metadata: metadata(controlPlaneName),
      spec: { template: { spec: machineSpec as unknown as infrastructure.IonosCloudMachineTemplateSpecTemplateSpec } },
    });

    // The objects that hold the endpoint's address: made now, or once it is planned.
    const endpointObjects = (host: string): void => {
      new infrastructure.IonosCloudCluster(this, 'IonosCloudCluster', {
        metadata: metadata(name),
        spec: {
          controlPlaneEndpoint: { host: cp.endpoint.hostname ?? host, port },
          location: props.location,
          credentialsRef: { name: props.credentials.secretName },
        },
      });

      new controlplane.KubeadmControlPlane(this, 'KubeadmControlPlane', {
        metadata: metadata(controlPlaneName),
        spec: {
          replicas,
          version: props.kubernetesVersion,
          machineTemplate: {
            metadata: cp.machineLabels === undefined && cp.machineAnnotations === undefined ? undefined : {
              labels: cp.machineLabels && { ...cp.machineLabels },
              annotations: cp.machineAnnotations && { ...cp.machineAnnotations },
            },
            infrastructureRef: { apiVersion: INFRA_API_VERSION, kind: 'IonosCloudMachineTemplate', name: controlPlaneName, namespace: props.namespace },
          },
          rolloutStrategy: {
            type: controlplane.KubeadmControlPlaneSpecRolloutStrategyType.ROLLING_UPDATE,
            rollingUpdate: { maxSurge: controlplane.KubeadmControlPlaneSpecRolloutStrategyRollingUpdateMaxSurge.fromNumber(cp.maxSurge ?? 1) },
          },
          kubeadmConfigSpec: controlPlaneKubeadmConfig({
            datacenterID: props.datacenterID,
            location: props.location,
            kubernetesVersion: props.kubernetesVersion,
            sshAuthorizedKeys: this.sshAuthorizedKeys,
            setup: resolveNodeSetup(props.nodeSetup, cp.nodeSetup, {
              preKubeadmCommands: cp.preKubeadmCommands, postKubeadmCommands: cp.postKubeadmCommands,
            }),
            multipleNics: (cp.network?.additionalNetworks?.length ?? 0) > 0,
            kubeVip: { address: host, port, image: cp.kubeVip?.image ?? KUBE_VIP_IMAGE, interface: cp.kubeVip?.interface ?? '' },
          }) as controlplane.KubeadmControlPlaneSpecKubeadmConfigSpec,
        },
      });
    };
    if (cp.endpoint.host !== undefined) {
      endpointObjects(cp.endpoint.host);
    } else {
      this.endpointObjects = endpointObjects;
      this.node.addValidation({
        validate: () => this.endpointObjects !== undefined
          ? [`the control-plane endpoint is planned from network ${JSON.stringify(cp.endpoint.network!.networkName)} but was never planned; synthesise with FleetApp (app.synth()) or capi-ionos, which plan the app first`]
          : [],
      });
    }

    this.cni = props.cni && new ClusterAddon(this, 'cni', {
      clusterName: name, namespace: props.namespace, manifest: props.cni.manifest, name: props.cni.name, strategy: props.cni.strategy,
    });
  }

  /**
   * Adds a node pool to the cluster.
   *
   * @param name the pool's name; objects are named `<cluster>-<name>`
   */
  public addNodePool(name: string, options: NodePoolOptions): NodePool {
    return new NodePool(this, name, options);
  }

  /**
   * @internal Gives a planned endpoint its address (called once, by the planning step before
   * rendering) and creates the objects that hold it.
   */
  public _bindEndpoint(host: string): void {
    const make = this.endpointObjects;
    if (make === undefined) throw new Error(`${this.node.path}: the control-plane endpoint is not planned or was planned already`);
    this.endpointObjects = undefined;
    this.host = host;
    make(host);
  }
}
