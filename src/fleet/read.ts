/**
 * Reading a fleet file into a {@link FleetSpec}: every problem is collected with its path (and,
 * for YAML, its line and column), so one run reports them all.
 */
import { basename, dirname } from 'node:path';
import { evaluateFleet, type EvaluateOptions } from '../jsonnet/evaluate.js';
import { isProblemError, ProblemError, showValue } from '../problems.js';
import {
  FLEET_API_VERSION, FLEET_KIND,
  type AdditionalNetworkSpec, type ClusterClassSpec, type ClusterSpec, type ControlPlaneSpec, type FleetDefaultsSpec, type FleetSpec, type HealthCheckSpec, type ImageSpec,
  type ManualPoolSpec, type MachineSpecInput, type NetworkSpec, type NicSpec, type NodePoolSpec, type SharedPoolSpec,
} from './schema.js';
import { describeValue, join, Reader, type Json } from './reader.js';
import { readSimpleYaml } from './simple-yaml.js';
import { loadFleetFiles, readTextFile } from './files.js';
import { yamlLocator, yamlPackage } from './locate.js';
import { readAnnotations, readCni, readKubeVip, readLabels, readNodeSetup, readResourceName } from './read-node-setup.js';
import { fleetFormat } from './source.js';
import { DNS1123_LABEL, UUID } from '../vocabulary.js';

const NAME = DNS1123_LABEL;
const NAME_HINT = "use a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters";

function name(r: Reader, obj: Json, key: string, path: string): string | undefined {
  const value = r.string(obj, key, path, { required: true, pattern: NAME, hint: NAME_HINT });
  if (value !== undefined && value.length > 63) {
    r.add(join(path, key), `${showValue(value)} has ${value.length} characters; ${NAME_HINT}`);
    return undefined;
  }
  return value;
}

function readImage(r: Reader, value: unknown, path: string): ImageSpec | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['id', 'selector']);
  if ((obj.id === undefined) === (obj.selector === undefined)) {
    r.add(path, "give exactly one of 'id' (an IONOS image id) or 'selector' (image labels)");
    return undefined;
  }
  if (obj.id !== undefined) {
    const id = r.string(obj, 'id', path, { required: true });
    return id === undefined ? undefined : { id };
  }
  const sel = r.object(obj.selector, join(path, 'selector'));
  if (sel === undefined) return undefined;
  const at = join(path, 'selector');
  r.onlyKeys(sel, at, ['matchLabels', 'resolutionPolicy', 'useMachineVersion']);
  const matchLabels = r.stringMap(sel, 'matchLabels', at);
  if (matchLabels === undefined || Object.keys(matchLabels).length === 0) {
    r.add(join(at, 'matchLabels'), 'needs at least one label');
    return undefined;
  }
  return {
    selector: {
      matchLabels,
      resolutionPolicy: r.oneOf(sel, 'resolutionPolicy', at, ['Exact', 'Newest'] as const),
      useMachineVersion: r.boolean(sel, 'useMachineVersion', at),
    },
  };
}

function readMachine(r: Reader, value: unknown, path: string): MachineSpecInput | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['cores', 'memoryMB', 'cpuFamily', 'type', 'availabilityZone', 'failoverIP', 'networkID', 'disk']);
  const diskAt = join(path, 'disk');
  const disk = obj.disk === undefined ? (r.add(diskAt, "is required; give at least 'disk: {image: {id: ...}}'"), undefined) : r.object(obj.disk, diskAt);
  if (disk !== undefined) r.onlyKeys(disk, diskAt, ['sizeGB', 'type', 'availabilityZone', 'image']);
  const image = disk === undefined ? undefined
    : disk.image === undefined ? (r.add(join(diskAt, 'image'), "is required; use {id: <image id>} or {selector: {matchLabels: {...}}}"), undefined)
      : readImage(r, disk.image, join(diskAt, 'image'));
  const machine = {
    cores: r.integer(obj, 'cores', path, { min: 1 }),
    memoryMB: r.integer(obj, 'memoryMB', path, { min: 2048 }),
    cpuFamily: r.string(obj, 'cpuFamily', path),
    type: r.oneOf(obj, 'type', path, ['ENTERPRISE', 'VCPU'] as const),
    availabilityZone: r.oneOf(obj, 'availabilityZone', path, ['AUTO', 'ZONE_1', 'ZONE_2'] as const),
    failoverIP: r.string(obj, 'failoverIP', path),
    networkID: r.string(obj, 'networkID', path),
  };
  if (machine.memoryMB !== undefined && machine.memoryMB % 1024 !== 0) {
    r.add(join(path, 'memoryMB'), `must be a multiple of 1024, got ${machine.memoryMB}; use ${Math.ceil(machine.memoryMB / 1024) * 1024}`);
  }
  if (disk === undefined || image === undefined) return undefined;
  return {
    ...machine,
    disk: {
      sizeGB: r.integer(disk, 'sizeGB', diskAt, { min: 10 }),
      type: r.oneOf(disk, 'type', diskAt, ['HDD', 'SSD Standard', 'SSD Premium'] as const),
      availabilityZone: r.oneOf(disk, 'availabilityZone', diskAt, ['AUTO', 'ZONE_1', 'ZONE_2', 'ZONE_3'] as const),
      image,
    },
  };
}

function readNic(r: Reader, obj: Json, key: string, path: string): NicSpec {
  if (obj[key] === undefined) return {};
  const nic = r.object(obj[key], join(path, key));
  if (nic === undefined) return {};
  r.onlyKeys(nic, join(path, key), ['ipv4', 'ipv6']);
  return { ipv4: r.string(nic, 'ipv4', join(path, key)), ipv6: r.string(nic, 'ipv6', join(path, key)) };
}

/** An additional NIC before its LAN id is looked up from its networks. */
type AdditionalNetworkInput = Omit<AdditionalNetworkSpec, 'networkID'> & { readonly path: string };

function readAdditional(r: Reader, obj: Json, path: string): AdditionalNetworkInput[] {
  return r.list(obj, 'additionalNetworks', path, (value, at) => {
    const entry = r.object(value, at);
    if (entry === undefined) return undefined;
    r.onlyKeys(entry, at, ['network', 'ipv4', 'ipv6', 'ipv4Pool', 'ipv6Pool', 'dhcp']);
    const network = r.string(entry, 'network', at);
    const ipv4 = r.string(entry, 'ipv4', at);
    const ipv6 = r.string(entry, 'ipv6', at);
    if (network === undefined && ipv4 === undefined && ipv6 === undefined) {
      r.add(at, "name the network: 'network: <name>' (or 'ipv4:' / 'ipv6:' for a dual-stack NIC)");
      return undefined;
    }
    if (network !== undefined && (ipv4 !== undefined || ipv6 !== undefined)) {
      r.add(at, "use either 'network' or 'ipv4'/'ipv6', not both");
      return undefined;
    }
    // `network` is resolved to ipv4 or ipv6 once the networks' families are known.
    return {
      path: at,
      ipv4: ipv4 ?? network,
      ipv6,
      ipv4Pool: r.string(entry, 'ipv4Pool', at),
      ipv6Pool: r.string(entry, 'ipv6Pool', at),
      dhcp: r.boolean(entry, 'dhcp', at),
      ...(network !== undefined ? { byName: true } : {}),
    } as AdditionalNetworkInput;
  }) ?? [];
}

function readHealthCheck(r: Reader, obj: Json, path: string): HealthCheckSpec | undefined {
  const value = obj.healthCheck;
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  const hc = r.object(value, join(path, 'healthCheck'));
  if (hc === undefined) return undefined;
  const at = join(path, 'healthCheck');
  r.onlyKeys(hc, at, ['unhealthyTimeout', 'nodeStartupTimeout', 'maxUnhealthy']);
  const duration = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;
  const maxUnhealthy = hc.maxUnhealthy;
  if (maxUnhealthy !== undefined && !(typeof maxUnhealthy === 'number' || (typeof maxUnhealthy === 'string' && /^[0-9]+%$/.test(maxUnhealthy)))) {
    r.add(join(at, 'maxUnhealthy'), `must be a count or a percentage like "40%", got ${describeValue(maxUnhealthy)}`);
  }
  return {
    unhealthyTimeout: r.string(hc, 'unhealthyTimeout', at, { pattern: duration, hint: 'use a duration such as 5m or 300s' }),
    nodeStartupTimeout: r.string(hc, 'nodeStartupTimeout', at, { pattern: duration, hint: 'use a duration such as 10m' }),
    maxUnhealthy: maxUnhealthy as string | number | undefined,
  };
}

interface RawCluster extends Omit<ClusterSpec, 'controlPlane' | 'nodePools'> {
  readonly controlPlane: Omit<ControlPlaneSpec, 'additionalNetworks'> & { readonly additionalNetworks: AdditionalNetworkInput[] };
  readonly nodePools: (Omit<NodePoolSpec, 'additionalNetworks'> & { readonly additionalNetworks: AdditionalNetworkInput[] })[];
}

function readCluster(r: Reader, value: unknown, path: string, classes: ReadonlyMap<string, ClusterClassSpec>): RawCluster | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['name', 'namespace', 'location', 'datacenterID', 'credentialsSecret', 'kubernetesVersion',
    'sshAuthorizedKeys', 'podCidrBlocks', 'serviceCidrBlocks', 'controlPlane', 'nodePools', 'poolSizes', 'nodeSetup', 'labels', 'annotations', 'cni', 'class']);
  const clusterName = name(r, obj, 'name', path);
  const topologyClass = obj.class === undefined ? undefined : name(r, obj, 'class', path);
  /** A machine group's `machine`: required, except in topology mode, where the class has it (null). */
  const groupMachine = (group: Json, at: string): MachineSpecInput | null | undefined => {
    if (obj.class !== undefined) {
      if (group.machine !== undefined) r.add(join(at, 'machine'), `comes from the cluster class ${JSON.stringify(obj.class)}; remove it here`);
      return null;
    }
    return group.machine === undefined ? (r.add(join(at, 'machine'), 'is required'), undefined) : readMachine(r, group.machine, join(at, 'machine'));
  };
  const topologyNamespace = typeof obj.class === 'string' ? classes.get(obj.class)?.namespace : undefined;
  const namespace = obj.namespace === undefined ? topologyNamespace ?? clusterName : name(r, obj, 'namespace', path);
  if (topologyNamespace !== undefined && namespace !== undefined && namespace !== topologyNamespace) {
    r.add(join(path, 'namespace'), `a cluster of class ${JSON.stringify(obj.class)} lives in the class's namespace ${JSON.stringify(topologyNamespace)}; remove namespace or use that one`);
  }
  const location = r.string(obj, 'location', path, { required: true, pattern: /^.+$/, hint: "use the datacenter's location, e.g. de/txl" });
  const datacenterID = r.string(obj, 'datacenterID', path, { required: true, pattern: UUID, hint: 'use the datacenter UUID from the IONOS DCD or API' });
  const credentialsSecret = r.string(obj, 'credentialsSecret', path, { required: true, pattern: /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, hint: 'name the Secret holding the IONOS token' });
  const kubernetesVersion = r.string(obj, 'kubernetesVersion', path, { required: true, pattern: /^v\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, hint: 'use vMAJOR.MINOR.PATCH, e.g. v1.31.2' });

  const cpAt = join(path, 'controlPlane');
  const cpObj = obj.controlPlane === undefined ? (r.add(cpAt, 'is required'), undefined) : r.object(obj.controlPlane, cpAt);
  let controlPlane: RawCluster['controlPlane'] | undefined;
  if (cpObj !== undefined) {
    r.onlyKeys(cpObj, cpAt, ['replicas', 'maxSurge', 'endpoint', 'port', 'machine', 'network', 'additionalNetworks',
      'endpointHost', 'kubeVip', 'nodeSetup', 'machineLabels', 'machineAnnotations', 'resourceName']);
    const replicas = r.integer(cpObj, 'replicas', cpAt, { min: 1 }) ?? 3;
    if (replicas % 2 === 0) r.add(join(cpAt, 'replicas'), `must be odd (etcd needs a majority), got ${replicas}; use ${replicas + 1}`);
    const endpoint = r.string(cpObj, 'endpoint', cpAt, { required: true, hint: "use 'auto' to plan a VIP from the primary network, or an IPv4 address" });
    const machine = groupMachine(cpObj, cpAt);
    const maxSurge = r.integer(cpObj, 'maxSurge', cpAt, { min: 0, max: 1 }) ?? 1;
    const port = r.integer(cpObj, 'port', cpAt, { min: 1, max: 65535 }) ?? 6443;
    const network = readNic(r, cpObj, 'network', cpAt);
    const additionalNetworks = readAdditional(r, cpObj, cpAt);
    const extras = {
      endpointHost: r.string(cpObj, 'endpointHost', cpAt, {
        pattern: /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
        hint: 'use a lower-case DNS name that resolves to the endpoint address, e.g. api.prod-a.example.com',
      }),
      kubeVip: readKubeVip(r, cpObj, cpAt),
      nodeSetup: readNodeSetup(r, cpObj, cpAt),
      machineLabels: readLabels(r, cpObj, 'machineLabels', cpAt),
      machineAnnotations: readAnnotations(r, cpObj, 'machineAnnotations', cpAt),
      resourceName: readResourceName(r, cpObj, cpAt),
    };
    if (endpoint !== undefined && machine !== undefined) {
      controlPlane = { replicas, maxSurge: maxSurge as 0 | 1, endpoint, port, machine: machine ?? undefined, network, additionalNetworks, ...definedOnly(extras) };
    }
  }

  const nodePools = r.list(obj, 'nodePools', path, (v, at) => {
    const pool = r.object(v, at);
    if (pool === undefined) return undefined;
    r.onlyKeys(pool, at, ['name', 'replicas', 'maxSurge', 'maxUnavailable', 'machine', 'network', 'additionalNetworks', 'healthCheck', 'labels',
      'annotations', 'nodeSetup', 'resourceName', 'workerClass']);
    const poolName = name(r, pool, 'name', at);
    const replicas = r.integer(pool, 'replicas', at, { required: true, min: 0 });
    const maxSurge = r.integer(pool, 'maxSurge', at, { min: 0 }) ?? 1;
    const maxUnavailable = r.integer(pool, 'maxUnavailable', at, { min: 0 }) ?? 0;
    const machine = groupMachine(pool, at);
    const topology = typeof obj.class === 'string' ? classes.get(obj.class) : undefined;
    if (topology !== undefined && typeof pool.workerClass === 'string' && !topology.workers.some((w) => w.name === pool.workerClass)) {
      r.add(join(at, 'workerClass'), `class ${JSON.stringify(topology.name)} has no worker class ${JSON.stringify(pool.workerClass)}; it has ${topology.workers.map((w) => w.name).join(', ')}`);
    }
    const network = readNic(r, pool, 'network', at);
    const additionalNetworks = readAdditional(r, pool, at);
    const healthCheck = readHealthCheck(r, pool, at);
    const labels = readLabels(r, pool, 'labels', at);
    const extras = {
      annotations: readAnnotations(r, pool, 'annotations', at), nodeSetup: readNodeSetup(r, pool, at), resourceName: readResourceName(r, pool, at),
      workerClass: pool.workerClass === undefined ? undefined : name(r, pool, 'workerClass', at),
    };
    if (obj.class !== undefined) {
      for (const key of ['nodeSetup', 'resourceName', 'healthCheck'] as const) {
        if (pool[key] !== undefined) r.add(join(at, key), `is set by the cluster class ${JSON.stringify(obj.class)} in topology mode; remove it here`);
      }
    } else if (pool.workerClass !== undefined) r.add(join(at, 'workerClass'), "only means something with the cluster's 'class' (topology mode)");
    if (poolName === undefined || replicas === undefined || machine === undefined) return undefined;
    return { name: poolName, replicas, maxSurge, maxUnavailable, machine: machine ?? undefined, network, additionalNetworks, healthCheck, labels, ...definedOnly(extras) };
  }) ?? [];

  const poolSizes: Record<string, number> = {};
  if (obj.poolSizes !== undefined) {
    const sizes = r.object(obj.poolSizes, join(path, 'poolSizes'));
    for (const key of Object.keys(sizes ?? {})) {
      const size = r.integer(sizes!, key, join(path, 'poolSizes'), { min: 1 });
      if (size !== undefined) poolSizes[key] = size;
    }
  }
  const sshAuthorizedKeys = r.strings(obj, 'sshAuthorizedKeys', path) ?? [];
  const podCidrBlocks = r.strings(obj, 'podCidrBlocks', path);
  const serviceCidrBlocks = r.strings(obj, 'serviceCidrBlocks', path);
  const extras = {
    nodeSetup: readNodeSetup(r, obj, path),
    labels: readLabels(r, obj, 'labels', path),
    annotations: readAnnotations(r, obj, 'annotations', path),
    cni: readCni(r, obj, path),
    class: topologyClass,
  };
  if (obj.class !== undefined) {
    for (const key of ['nodeSetup', 'sshAuthorizedKeys'] as const) {
      if (obj[key] !== undefined) r.add(join(path, key), `is set by the cluster class ${JSON.stringify(obj.class)} in topology mode; set it on the class`);
    }
    for (const key of ['nodeSetup', 'kubeVip', 'resourceName', 'maxSurge'] as const) {
      if (cpObj?.[key] !== undefined) r.add(join(cpAt, key), `is set by the cluster class ${JSON.stringify(obj.class)} in topology mode; set it on the class`);
    }
  }
  if (clusterName === undefined || namespace === undefined || location === undefined || datacenterID === undefined
    || credentialsSecret === undefined || kubernetesVersion === undefined || controlPlane === undefined) return undefined;
  return {
    name: clusterName, namespace, location, datacenterID, credentialsSecret, kubernetesVersion,
    sshAuthorizedKeys, podCidrBlocks, ...(serviceCidrBlocks === undefined ? {} : { serviceCidrBlocks }), controlPlane, nodePools, poolSizes, ...definedOnly(extras),
  };
}

function readNetwork(r: Reader, value: unknown, path: string): NetworkSpec | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['name', 'cidr', 'gateway', 'reserved', 'lanID', 'allocation']);
  const networkName = name(r, obj, 'name', path);
  const cidr = r.string(obj, 'cidr', path, { required: true, hint: 'use a.b.c.d/n or an IPv6 prefix' });
  const network = {
    gateway: r.string(obj, 'gateway', path),
    reserved: r.strings(obj, 'reserved', path) ?? [],
    lanID: r.integer(obj, 'lanID', path, { min: 1 }),
    allocation: r.oneOf(obj, 'allocation', path, ['aligned', 'packed'] as const) ?? 'aligned',
  };
  if (networkName === undefined || cidr === undefined) return undefined;
  return { name: networkName, cidr, ...network };
}

function readSharedPool(r: Reader, value: unknown, path: string): SharedPoolSpec | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['name', 'network', 'size']);
  const poolName = name(r, obj, 'name', path);
  const network = r.string(obj, 'network', path, { required: true });
  const size = r.integer(obj, 'size', path, { required: true, min: 1 });
  if (poolName === undefined || network === undefined || size === undefined) return undefined;
  return { name: poolName, network, size };
}

function readManualPool(r: Reader, value: unknown, path: string): ManualPoolSpec | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['name', 'network', 'addresses', 'unmanaged']);
  const poolName = r.string(obj, 'name', path, { required: true });
  const network = r.string(obj, 'network', path);
  const unmanaged = r.boolean(obj, 'unmanaged', path);
  const addresses = r.strings(obj, 'addresses', path);
  if (addresses === undefined || addresses.length === 0) r.add(join(path, 'addresses'), 'must list at least one address, range or CIDR');
  if (poolName === undefined || addresses === undefined || addresses.length === 0) return undefined;
  return { name: poolName, network, addresses, ...(unmanaged === true ? { unmanaged } : {}) };
}

function readClusterClass(r: Reader, value: unknown, path: string): ClusterClassSpec | undefined {
  const obj = r.object(value, path);
  if (obj === undefined) return undefined;
  r.onlyKeys(obj, path, ['name', 'namespace', 'location', 'nodeSetup', 'controlPlane', 'workers']);
  const className = name(r, obj, 'name', path);
  const namespace = name(r, obj, 'namespace', path);
  const location = r.string(obj, 'location', path);
  const nodeSetup = readNodeSetup(r, obj, path);
  const cpAt = join(path, 'controlPlane');
  const cpObj = obj.controlPlane === undefined ? (r.add(cpAt, 'is required; give at least controlPlane: {machine: ...}'), undefined) : r.object(obj.controlPlane, cpAt);
  let controlPlane: ClusterClassSpec['controlPlane'] | undefined;
  if (cpObj !== undefined) {
    r.onlyKeys(cpObj, cpAt, ['machine', 'nodeSetup', 'kubeVip', 'maxSurge']);
    const machine = cpObj.machine === undefined ? (r.add(join(cpAt, 'machine'), 'is required'), undefined) : readMachine(r, cpObj.machine, join(cpAt, 'machine'));
    const extras = { nodeSetup: readNodeSetup(r, cpObj, cpAt), kubeVip: readKubeVip(r, cpObj, cpAt), maxSurge: r.integer(cpObj, 'maxSurge', cpAt, { min: 0, max: 1 }) as 0 | 1 | undefined };
    if (machine !== undefined) controlPlane = { machine, ...definedOnly(extras) };
  }
  const workers = r.list(obj, 'workers', path, (v, at) => {
    const w = r.object(v, at);
    if (w === undefined) return undefined;
    r.onlyKeys(w, at, ['name', 'machine', 'nodeSetup']);
    const workerName = name(r, w, 'name', at);
    const machine = w.machine === undefined ? (r.add(join(at, 'machine'), 'is required'), undefined) : readMachine(r, w.machine, join(at, 'machine'));
    const setup = readNodeSetup(r, w, at);
    if (workerName === undefined || machine === undefined) return undefined;
    return { name: workerName, machine, ...(setup !== undefined ? { nodeSetup: setup } : {}) };
  }, { required: true }) ?? [];
  if (obj.workers !== undefined && Array.isArray(obj.workers) && obj.workers.length === 0) r.add(join(path, 'workers'), 'needs at least one worker class');
  const seen = new Map<string, number>();
  workers.forEach((w, i) => {
    if (seen.has(w.name)) r.add(`${join(path, 'workers')}[${i}].name`, `worker class ${JSON.stringify(w.name)} is defined twice`);
    seen.set(w.name, i);
  });
  if (className === undefined || namespace === undefined || controlPlane === undefined) return undefined;
  return { name: className, namespace, controlPlane, workers, ...definedOnly({ location, nodeSetup }) };
}

/** `obj` without its undefined fields, so that specs hold only what the file says. */
function definedOnly<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** `defaults`: what every cluster takes unless it sets its own. */
function readDefaults(r: Reader, root: Json): FleetDefaultsSpec | undefined {
  if (root.defaults === undefined) return undefined;
  const d = r.object(root.defaults, 'defaults');
  if (d === undefined) return undefined;
  r.onlyKeys(d, 'defaults', ['nodeSetup', 'cni', 'kubeVip', 'labels', 'annotations']);
  return definedOnly({
    nodeSetup: readNodeSetup(r, d, 'defaults'),
    cni: readCni(r, d, 'defaults'),
    kubeVip: readKubeVip(r, d, 'defaults'),
    labels: readLabels(r, d, 'labels', 'defaults'),
    annotations: readAnnotations(r, d, 'annotations', 'defaults'),
  });
}

/** Family of a network's CIDR, decided by the text (the planner checks it properly). */
function familyOf(network: NetworkSpec): 4 | 6 {
  return network.cidr.includes(':') ? 6 : 4;
}

/** Resolves names between objects: networks, shared pools, LAN ids, duplicates. */
function crossCheck(r: Reader, networks: readonly NetworkSpec[], clusters: readonly RawCluster[], shared: readonly SharedPoolSpec[], context: {
  readonly clusters: Map<RawCluster, string>;
  /** Every network and shared pool name declared, also of entries that had problems: no cascades. */
  readonly declaredNetworks: ReadonlySet<string>;
  readonly declaredShared: ReadonlySet<string>;
}): ClusterSpec[] {
  const byName = new Map(networks.map((n) => [n.name, n]));
  const sharedByName = new Map(shared.map((p) => [p.name, p]));
  const duplicates = (names: string[], what: string, path: (i: number) => string) => {
    const seen = new Map<string, number>();
    names.forEach((n, i) => {
      if (seen.has(n)) r.add(path(i), `${what} ${showValue(n)} is defined twice (also at ${path(seen.get(n)!)}); names must be unique`);
      else seen.set(n, i);
    });
  };
  duplicates(networks.map((n) => n.name), 'network', (i) => `networks[${i}].name`);
  duplicates(shared.map((p) => p.name), 'shared pool', (i) => `sharedPools[${i}].name`);
  duplicates(clusters.map((c) => c.name), 'cluster', (i) => `clusters[${i}].name`);
  shared.forEach((p, i) => {
    if (!context.declaredNetworks.has(p.network)) r.add(`sharedPools[${i}].network`, `unknown network ${showValue(p.network)}; known: ${[...byName.keys()].join(', ') || 'none'}`);
  });

  const checkNetwork = (network: string | undefined, family: 4 | 6, at: string): string | undefined => {
    if (network === undefined) return undefined;
    const found = byName.get(network);
    if (found === undefined) {
      if (context.declaredNetworks.has(network)) return undefined;
      r.add(at, `unknown network ${showValue(network)}; known: ${[...byName.keys()].join(', ') || 'none'}`);
      return undefined;
    }
    if (familyOf(found) !== family) {
      r.add(at, `network ${showValue(network)} (${found.cidr}) is IPv${familyOf(found)}, but this NIC asks for IPv${family} from it`);
    }
    return network;
  };
  const checkShared = (pool: string | undefined, family: 4 | 6, at: string): void => {
    if (pool === undefined) return;
    const found = sharedByName.get(pool);
    if (found === undefined) {
      if (context.declaredShared.has(pool)) return;
      r.add(at, `unknown shared pool ${showValue(pool)}; declare it under sharedPools`);
    } else if (byName.has(found.network) && familyOf(byName.get(found.network)!) !== family) {
      r.add(at, `shared pool ${showValue(pool)} is IPv${familyOf(byName.get(found.network)!)}, but is used for IPv${family}`);
    }
  };
  const resolveAdditional = (list: readonly AdditionalNetworkInput[]): AdditionalNetworkSpec[] => list.flatMap((a) => {
    let { ipv4, ipv6 } = a;
    if ((a as { byName?: boolean }).byName && ipv4 !== undefined && byName.has(ipv4) && familyOf(byName.get(ipv4)!) === 6) {
      ipv6 = ipv4;
      ipv4 = undefined;
    }
    checkNetwork(ipv4, 4, `${a.path}.${(a as { byName?: boolean }).byName ? 'network' : 'ipv4'}`);
    checkNetwork(ipv6, 6, `${a.path}.${(a as { byName?: boolean }).byName ? 'network' : 'ipv6'}`);
    checkShared(a.ipv4Pool, 4, `${a.path}.ipv4Pool`);
    checkShared(a.ipv6Pool, 6, `${a.path}.ipv6Pool`);
    const lans = [ipv4, ipv6].filter((n) => n !== undefined && byName.has(n)).map((n) => byName.get(n!)!);
    const ids = [...new Set(lans.map((n) => n.lanID))];
    if (lans.length > 0 && (ids.length !== 1 || ids[0] === undefined)) {
      r.add(a.path, ids.length > 1
        ? `networks ${lans.map((n) => n.name).join(' and ')} are on different LANs (${ids.join(', ')}); one NIC sits on one LAN`
        : `network ${showValue(lans[0]!.name)} has no lanID, so it is the primary LAN; set its lanID to attach an additional NIC to it`);
      return [];
    }
    if (lans.length === 0) return [];
    return [{ networkID: ids[0]!, ipv4, ipv6, ipv4Pool: a.ipv4Pool, ipv6Pool: a.ipv6Pool, dhcp: a.dhcp }];
  });

  return clusters.map((c) => {
    const at = context.clusters.get(c)!;
    checkNetwork(c.controlPlane.network.ipv4, 4, `${at}.controlPlane.network.ipv4`);
    checkNetwork(c.controlPlane.network.ipv6, 6, `${at}.controlPlane.network.ipv6`);
    if (c.controlPlane.endpoint === 'auto' && c.controlPlane.network.ipv4 === undefined) {
      r.add(`${at}.controlPlane.endpoint`, "'auto' plans the VIP from the control plane's IPv4 network; set controlPlane.network.ipv4 or give an address");
    }
    duplicates(c.nodePools.map((p) => p.name), 'node pool', (i) => `${at}.nodePools[${i}].name`);
    c.nodePools.forEach((p, i) => {
      checkNetwork(p.network.ipv4, 4, `${at}.nodePools[${i}].network.ipv4`);
      checkNetwork(p.network.ipv6, 6, `${at}.nodePools[${i}].network.ipv6`);
    });
    for (const key of Object.keys(c.poolSizes)) {
      if (!context.declaredNetworks.has(key)) r.add(`${at}.poolSizes.${key}`, `unknown network ${showValue(key)}; poolSizes is keyed by network name`);
    }
    return {
      ...c,
      controlPlane: { ...c.controlPlane, additionalNetworks: resolveAdditional(c.controlPlane.additionalNetworks) },
      nodePools: c.nodePools.map((p) => ({ ...p, additionalNetworks: resolveAdditional(p.additionalNetworks) })),
    };
  });
}

/**
 * Reads an already parsed fleet value (from YAML, JSON or Jsonnet).
 *
 * @throws ProblemError (layer `spec`) listing every problem, with paths such as
 *   `clusters[2].nodePools[0].replicas`
 */
export function readFleet(value: unknown): FleetSpec {
  const r = new Reader();
  const root = r.object(value, '');
  if (root === undefined) throw new ProblemError('spec', r.problems);
  r.onlyKeys(root, '', ['apiVersion', 'kind', 'metadata', 'defaults', 'clusterClasses', 'networks', 'clusters', 'sharedPools', 'manualPools']);
  if (root.apiVersion !== FLEET_API_VERSION) r.add('apiVersion', `must be ${FLEET_API_VERSION}, got ${describeValue(root.apiVersion)}`);
  if (root.kind !== FLEET_KIND) r.add('kind', `must be ${FLEET_KIND}, got ${describeValue(root.kind)}`);
  const metadata = root.metadata === undefined ? (r.add('metadata', 'is required; give metadata: {name: <fleet name>}'), undefined) : r.object(root.metadata, 'metadata');
  const fleetName = metadata === undefined ? undefined : name(r, metadata, 'name', 'metadata');
  const networks = r.list(root, 'networks', '', (v, p) => readNetwork(r, v, p)) ?? [];
  const clusterClasses = r.list(root, 'clusterClasses', '', (v, p) => readClusterClass(r, v, p));
  const classes = new Map((clusterClasses ?? []).map((c) => [c.name, c]));
  const declaredClasses = new Set((Array.isArray(root.clusterClasses) ? root.clusterClasses as unknown[] : [])
    .map((e) => (typeof e === 'object' && e !== null ? (e as Json).name : undefined)));
  const paths = { clusters: new Map<RawCluster, string>() };
  const clusters = r.list(root, 'clusters', '', (v, p) => {
    const c = readCluster(r, v, p, classes);
    if (c?.class !== undefined && !declaredClasses.has(c.class)) {
      r.add(join(p, 'class'), `unknown cluster class ${JSON.stringify(c.class)}; declare it under clusterClasses (known: ${[...classes.keys()].join(', ') || 'none'})`);
    }
    if (c !== undefined) paths.clusters.set(c, p);
    return c;
  }, { required: true }) ?? [];
  const sharedPools = r.list(root, 'sharedPools', '', (v, p) => readSharedPool(r, v, p)) ?? [];
  const manualPools = r.list(root, 'manualPools', '', (v, p) => readManualPool(r, v, p)) ?? [];
  const defaults = readDefaults(r, root);
  const declared = (key: string) => new Set((Array.isArray(root[key]) ? root[key] as unknown[] : [])
    .map((e) => (typeof e === 'object' && e !== null ? (e as Json).name : undefined)).filter((n): n is string => typeof n === 'string'));
  const resolved = crossCheck(r, networks, clusters, sharedPools, {
    clusters: paths.clusters, declaredNetworks: declared('networks'), declaredShared: declared('sharedPools'),
  });
  if (r.problems.length > 0 || fleetName === undefined) throw new ProblemError('spec', r.problems);
  (clusterClasses ?? []).forEach((c, i) => {
    if ((clusterClasses ?? []).findIndex((o) => o.name === c.name) !== i) r.add(`clusterClasses[${i}].name`, `cluster class ${JSON.stringify(c.name)} is defined twice`);
  });
  if (r.problems.length > 0) throw new ProblemError('spec', r.problems);
  return {
    name: fleetName, networks, clusters: resolved, sharedPools, manualPools,
    ...(defaults !== undefined ? { defaults } : {}), ...(clusterClasses !== undefined ? { clusterClasses } : {}),
  };
}

/**
 * Parses fleet file text (YAML, of which JSON is a subset) and reads it.
 *
 * @param file the file's name, for messages
 * @throws ProblemError (layer `spec`) naming the file, the path, the line and every problem
 */
export function parseFleet(text: string, file: string): FleetSpec {
  try {
    return parseFleetText(text, file);
  } catch (error) {
    // The readers recurse: nesting thousands deep exhausts the stack.
    if (error instanceof RangeError) throw new ProblemError('spec', [{ file, path: '', message: TOO_DEEP }]);
    throw error;
  }
}

const TOO_DEEP = 'nests too deep to read (a fleet file is a few levels deep); check for runaway indentation or brackets';

function parseFleetText(text: string, file: string): FleetSpec {
  // Most fleet files are plain YAML that readSimpleYaml reads twenty times faster, to the same
  // value. Problems are reported through the yaml package below, which knows lines and columns.
  const simple = readSimpleYaml(text);
  if (simple !== undefined) {
    try {
      return readFleet(simple.value);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
    }
  }
  const yaml = yamlPackage();
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ProblemError('spec', doc.errors.map((e) => {
      const { line, col } = lines.linePos(e.pos[0]);
      return { file, line, column: col, path: '', message: e.message.split('\n')[0]! };
    }));
  }
  try {
    return readFleet(doc.toJS());
  } catch (error) {
    if (isProblemError(error)) throw new ProblemError('spec', yamlLocator(text)?.locate(error.problems) ?? error.problems).inFile(file);
    throw error;
  }
}

/**
 * Evaluates the Jsonnet fleet file at `path` and reads the value as a fleet.
 *
 * @throws ProblemError (layer `spec`) for Jsonnet errors and for every problem in the fleet,
 *   each naming the file
 */
export async function readJsonnetFleet(path: string, options: EvaluateOptions = {}): Promise<FleetSpec> {
  const value = await evaluateFleet(path, options);
  try {
    return readFleet(value);
  } catch (error) {
    if (isProblemError(error)) throw error.inFile(basename(path));
    throw error;
  }
}

/**
 * Reads the fleet file at `path`, whatever its format: Jsonnet evaluates first; YAML and JSON
 * parse.
 *
 * @throws ProblemError (layer `spec`) naming the file, for every problem in it
 */
export async function readFleetFile(path: string, jsonnet?: EvaluateOptions): Promise<FleetSpec> {
  const fleet = fleetFormat(path) === 'jsonnet' ? await readJsonnetFleet(path, jsonnet) : parseFleet(readTextFile(path, basename(path)), basename(path));
  try {
    return loadFleetFiles(fleet, dirname(path));
  } catch (error) {
    if (isProblemError(error)) throw error.inFile(basename(path));
    throw error;
  }
}
