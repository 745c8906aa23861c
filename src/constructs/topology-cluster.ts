/**
 * A Cluster of an {@link IonosClusterClass}: one Cluster object with `spec.topology`, whose
 * variables carry what differs per cluster (datacenter, location, credentials, endpoint and the
 * planned pool references). The topology controller creates the rest from the class.
 */
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { parseIp } from '../ipam/ip.js';
import { capi } from '../l1.js';
import { ClusterAddon } from './cluster-addon.js';
import type { IonosClusterClass } from './cluster-class.js';
import { TOPOLOGY_VARIABLES } from './cluster-class.js';
import type { ICredentials } from './credentials.js';
import type { CniOptions, ControlPlaneEndpoint } from './ionos-cluster.js';
import { poolReference, type IIpPool } from './ip-pool.js';
import { CLUSTER_NAME_LABEL } from '../vocabulary.js';
import { checkDatacenterID, type MachineNetworkSettings } from './machine.js';
import { PropChecker } from './private/errors.js';

/** A node pool of a topology cluster: a machine deployment of one of the class's worker classes. */
export interface TopologyNodePoolOptions {
  /** The pool's name (unique in the cluster). */
  readonly name: string;
  /**
   * The class's machine deployment class.
   * @default the class's first worker class (by name)
   */
  readonly workerClass?: string;
  /**
   * Number of machines.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Machines above `replicas` during a rolling update.
   * @default 1
   */
  readonly maxSurge?: number;
  /**
   * Machines below `replicas` during a rolling update.
   * @default 0
   */
  readonly maxUnavailable?: number;
  /**
   * Pools the NICs take their addresses from.
   * @default DHCP on the cluster LAN
   */
  readonly network?: MachineNetworkSettings;
  /** @default none */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default none */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Properties of a {@link TopologyCluster}. */
export interface TopologyClusterProps {
  /** @default the construct id */
  readonly name?: string;
  /** The class; the cluster lives in the class's namespace. */
  readonly clusterClass: IonosClusterClass;
  /** The IONOS location of the datacenter, e.g. `de/txl`. */
  readonly location: string;
  /** The IONOS datacenter (a UUID). */
  readonly datacenterID: string;
  /** The Secret with the IONOS Cloud token. */
  readonly credentials: ICredentials;
  /** Kubernetes version, e.g. `v1.31.2`. */
  readonly kubernetesVersion: string;
  /** The control plane. */
  readonly controlPlane: {
    /** @default 3 */
    readonly replicas?: number;
    readonly endpoint: ControlPlaneEndpoint & { readonly host: string };
    /** @default DHCP on the cluster LAN */
    readonly network?: MachineNetworkSettings;
    /** @default none */
    readonly machineLabels?: Readonly<Record<string, string>>;
    /** @default none */
    readonly machineAnnotations?: Readonly<Record<string, string>>;
  };
  /** @default none */
  readonly nodePools?: readonly TopologyNodePoolOptions[];
  /** @default ['192.168.0.0/16'] */
  readonly podCidrBlocks?: readonly string[];
  /** @default only the cluster-name label */
  readonly labels?: Readonly<Record<string, string>>;
  /** @default none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default none */
  readonly cni?: CniOptions;
}

type Ref = { apiGroup: string; kind: string; name: string };

/** A machine group's pool references as a topology variable value (IonosCloudMachine JSON names). */
function networkValue(check: PropChecker, network: MachineNetworkSettings | undefined, namespace: string, prop: string): Record<string, unknown> {
  const ref = (pool: IIpPool | undefined, family: 'IPv4' | 'IPv6', path: string): Ref | undefined => {
    if (pool === undefined) return undefined;
    if (pool.family !== family) {
      check.add(path, `needs an ${family} pool, got ${pool.family} pool ${JSON.stringify(pool.poolName)}`);
      return undefined;
    }
    const r = poolReference(pool, namespace);
    if (typeof r === 'string') {
      check.add(path, r);
      return undefined;
    }
    return r;
  };
  const value: Record<string, unknown> = {};
  const v4 = ref(network?.ipv4Pool, 'IPv4', `${prop}.ipv4Pool`);
  const v6 = ref(network?.ipv6Pool, 'IPv6', `${prop}.ipv6Pool`);
  if (v4 !== undefined) value.ipv4PoolRef = v4;
  if (v6 !== undefined) value.ipv6PoolRef = v6;
  const additional = (network?.additionalNetworks ?? []).map((nic, i) => {
    const at = `${prop}.additionalNetworks[${i}]`;
    check.integer(`${at}.networkID`, nic.networkID, { min: 1 });
    const out: Record<string, unknown> = { networkID: nic.networkID };
    if (nic.dhcp !== undefined) out.dhcp = nic.dhcp;
    if (nic.vnet !== undefined) out.vnet = nic.vnet;
    const a4 = ref(nic.ipv4Pool, 'IPv4', `${at}.ipv4Pool`);
    const a6 = ref(nic.ipv6Pool, 'IPv6', `${at}.ipv6Pool`);
    if (a4 !== undefined) out.ipv4PoolRef = a4;
    if (a6 !== undefined) out.ipv6PoolRef = a6;
    return out;
  });
  if (additional.length > 0) value.additionalNetworks = additional;
  return value;
}

const VERSION = /^v\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/;

/** A cluster of an {@link IonosClusterClass}, a chart of its own (one directory per cluster). */
export class TopologyCluster extends Chart {
  /** The cluster's name. */
  public readonly clusterName: string;
  /** Its namespace (the class's). */
  public readonly clusterNamespace: string;

  public constructor(scope: Construct, id: string, props: TopologyClusterProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const name = props.name ?? id;
    const cls = props.clusterClass;
    const namespace = cls.classNamespace;
    const cp = props.controlPlane;
    const replicas = cp.replicas ?? 3;
    const port = cp.endpoint.port ?? 6443;
    const V = TOPOLOGY_VARIABLES;

    const check = new PropChecker(this);
    check.dnsLabel('name', name);
    check.check(props.location.length > 0, 'location', "must not be empty; use the datacenter's location, e.g. 'de/txl'");
    checkDatacenterID(check, 'datacenterID', props.datacenterID);
    check.dnsSubdomain('credentials.secretName', props.credentials.secretName);
    check.check(VERSION.test(props.kubernetesVersion), 'kubernetesVersion',
      `${JSON.stringify(props.kubernetesVersion)} is not a Kubernetes version; use vMAJOR.MINOR.PATCH, e.g. v1.31.2`);
    check.integer('controlPlane.replicas', replicas, { min: 1 });
    check.check(replicas % 2 === 1, 'controlPlane.replicas', `must be odd (etcd needs a majority), got ${replicas}; use ${replicas + 1}`);
    check.check(parseIp(cp.endpoint.host)?.family === 4, 'controlPlane.endpoint.host',
      `${JSON.stringify(cp.endpoint.host)} is not an IPv4 address; kube-vip holds the endpoint as an IPv4 address on the cluster LAN`);
    check.integer('controlPlane.endpoint.port', port, { min: 1, max: 65535 });
    if (cp.endpoint.hostname !== undefined) check.dnsSubdomain('controlPlane.endpoint.hostname', cp.endpoint.hostname);
    check.labels('labels', props.labels);
    check.annotations('annotations', props.annotations);
    check.labels('controlPlane.machineLabels', cp.machineLabels);
    check.annotations('controlPlane.machineAnnotations', cp.machineAnnotations);
    const seen = new Set<string>();
    const pools = (props.nodePools ?? []).map((pool, i) => {
      const at = `nodePools[${i}]`;
      check.dnsLabel(`${at}.name`, pool.name);
      check.check(!seen.has(pool.name), `${at}.name`, `node pool ${JSON.stringify(pool.name)} is defined twice`);
      seen.add(pool.name);
      const workerClass = pool.workerClass ?? cls.workerClasses[0]!;
      check.check(cls.workerClasses.includes(workerClass), `${at}.workerClass`,
        `class ${JSON.stringify(cls.className)} has no worker class ${JSON.stringify(workerClass)}; it has ${cls.workerClasses.join(', ')}`);
      const maxSurge = pool.maxSurge ?? 1;
      const maxUnavailable = pool.maxUnavailable ?? 0;
      check.integer(`${at}.replicas`, pool.replicas, { min: 0 });
      check.integer(`${at}.maxSurge`, maxSurge, { min: 0 });
      check.integer(`${at}.maxUnavailable`, maxUnavailable, { min: 0 });
      check.labels(`${at}.labels`, pool.labels);
      check.annotations(`${at}.annotations`, pool.annotations);
      const network = networkValue(check, pool.network, namespace, `${at}.network`);
      const metadata = pool.labels === undefined && pool.annotations === undefined ? undefined
        : { labels: pool.labels && { ...pool.labels }, annotations: pool.annotations && { ...pool.annotations } };
      return {
        class: workerClass,
        name: pool.name,
        replicas: pool.replicas ?? 1,
        metadata,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: {
            maxSurge: capi.ClusterSpecTopologyWorkersMachineDeploymentsStrategyRollingUpdateMaxSurge.fromNumber(maxSurge),
            maxUnavailable: capi.ClusterSpecTopologyWorkersMachineDeploymentsStrategyRollingUpdateMaxUnavailable.fromNumber(maxUnavailable),
          },
        },
        variables: { overrides: [{ name: V.workerNetwork, value: network }] },
      };
    }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const cpNetwork = networkValue(check, cp.network, namespace, 'controlPlane.network');
    check.throwIfAny();

    this.clusterName = name;
    this.clusterNamespace = namespace;
    const cpMetadata = cp.machineLabels === undefined && cp.machineAnnotations === undefined ? undefined
      : { labels: cp.machineLabels && { ...cp.machineLabels }, annotations: cp.machineAnnotations && { ...cp.machineAnnotations } };

    new capi.Cluster(this, 'Cluster', {
      metadata: {
        name,
        namespace,
        labels: { ...props.labels, [CLUSTER_NAME_LABEL]: name },
        annotations: props.annotations && { ...props.annotations },
      },
      spec: {
        clusterNetwork: { pods: { cidrBlocks: [...(props.podCidrBlocks ?? ['192.168.0.0/16'])] } },
        topology: {
          class: cls.className,
          version: props.kubernetesVersion,
          controlPlane: { replicas, metadata: cpMetadata },
          workers: pools.length === 0 ? undefined : { machineDeployments: pools },
          variables: [
            { name: V.controlPlaneEndpoint, value: { host: cp.endpoint.hostname ?? cp.endpoint.host, port } },
            { name: V.controlPlaneNetwork, value: cpNetwork },
            { name: V.controlPlaneVip, value: cp.endpoint.host },
            { name: V.credentialsSecret, value: props.credentials.secretName },
            { name: V.datacenterID, value: props.datacenterID },
            { name: V.location, value: props.location },
            { name: V.workerNetwork, value: {} },
          ],
        } as unknown as capi.ClusterSpecTopology,
      },
    });

    if (props.cni !== undefined) {
      new ClusterAddon(this, 'cni', { clusterName: name, namespace, manifest: props.cni.manifest, name: props.cni.name, strategy: props.cni.strategy });
    }
  }
}
