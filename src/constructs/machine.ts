/**
 * What an IONOS Cloud machine is made of (server, disk, image, NICs), shared by the control
 * plane, node pools and standalone machines, with the CRD's own bounds checked at construction.
 */
import { parseIp } from '../ipam/ip.js';
import { poolReference, type IIpv4Pool, type IIpv6Pool } from './ip-pool.js';
import type { PropChecker } from './private/errors.js';
import { UUID } from '../vocabulary.js';

/** The server type. VCPU servers have no CPU family. */
export type ServerType = 'ENTERPRISE' | 'VCPU';
/** Availability zone of a server. */
export type ServerAvailabilityZone = 'AUTO' | 'ZONE_1' | 'ZONE_2';
/** Availability zone of a volume. */
export type VolumeAvailabilityZone = 'AUTO' | 'ZONE_1' | 'ZONE_2' | 'ZONE_3';
/** Volume type. */
export type DiskType = 'HDD' | 'SSD Standard' | 'SSD Premium';
/** How an image selector chooses among several matching images. */
export type ImageResolutionPolicy = 'Exact' | 'Newest';

/** Options of an image chosen by its labels. */
export interface ImageSelectorOptions {
  /** Labels an image must carry (at least one). */
  readonly matchLabels: Readonly<Record<string, string>>;
  /**
   * `Exact` fails when several images match; `Newest` takes the most recently created.
   * @default 'Exact'
   */
  readonly resolutionPolicy?: ImageResolutionPolicy;
  /**
   * Keep only images whose name contains the machine's Kubernetes version.
   * @default true
   */
  readonly useMachineVersion?: boolean;
}

/** The boot image of a machine: by id, or chosen by labels. */
export class MachineImage {
  /** The image with this IONOS image id. */
  public static fromId(id: string): MachineImage {
    return new MachineImage({ id });
  }

  /** The image whose labels match (resolved by the provider in the datacenter's location). */
  public static fromSelector(options: ImageSelectorOptions): MachineImage {
    return new MachineImage({ selector: options });
  }

  private constructor(private readonly source: { readonly id?: string; readonly selector?: ImageSelectorOptions }) {}

  /** @internal the `disk.image` value */
  public _render(check: PropChecker, path: string): Record<string, unknown> {
    const { id, selector } = this.source;
    if (id !== undefined) {
      check.check(id.length > 0, `${path}.id`, 'must not be empty; give the IONOS image id');
      return { id };
    }
    check.check(Object.keys(selector!.matchLabels).length > 0, `${path}.selector.matchLabels`, 'needs at least one label');
    return {
      selector: {
        matchLabels: { ...selector!.matchLabels },
        resolutionPolicy: selector!.resolutionPolicy,
        useMachineVersion: selector!.useMachineVersion,
      },
    };
  }
}

/** The boot volume. */
export interface DiskSettings {
  /** The image to boot. */
  readonly image: MachineImage;
  /**
   * Size in GB (at least 10).
   * @default 20 (the provider's default)
   */
  readonly sizeGB?: number;
  /**
   * Volume type.
   * @default 'HDD' (the provider's default)
   */
  readonly type?: DiskType;
  /**
   * Availability zone of the volume.
   * @default 'AUTO'
   */
  readonly availabilityZone?: VolumeAvailabilityZone;
}

/** The server of a machine. Omitted settings take the provider's defaults. */
export interface MachineSettings {
  /**
   * Number of cores (at least 1).
   * @default 4 for the control plane, 2 for node pools (as the provider's templates)
   */
  readonly cores?: number;
  /**
   * Memory in MB: a multiple of 1024, at least 2048.
   * @default 8192 for the control plane, 4096 for node pools (as the provider's templates)
   */
  readonly memoryMB?: number;
  /**
   * CPU family, e.g. `INTEL_SKYLAKE`. Not allowed with `type: 'VCPU'`.
   * @default chosen by IONOS
   */
  readonly cpuFamily?: string;
  /**
   * Server type.
   * @default 'VCPU' (as the provider's templates)
   */
  readonly type?: ServerType;
  /**
   * Availability zone of the server.
   * @default 'AUTO'
   */
  readonly availabilityZone?: ServerAvailabilityZone;
  /** Boot volume. */
  readonly disk: DiskSettings;
  /**
   * A failover IP for the primary NIC: `AUTO` (the provider reserves one) or an IPv4 address.
   * Ignored on control-plane machines, which use the control-plane endpoint.
   * @default none
   */
  readonly failoverIP?: string;
  /**
   * The id of an existing LAN to use as the primary LAN instead of the cluster's own.
   * @default the cluster LAN the provider creates
   */
  readonly networkID?: string;
}

/** An additional NIC of a machine, on another LAN. */
export interface AdditionalNetwork {
  /** The IONOS LAN id (at least 1). */
  readonly networkID: number;
  /**
   * The pool this NIC's IPv4 address comes from.
   * @default none (DHCP or no IPv4)
   */
  readonly ipv4Pool?: IIpv4Pool;
  /**
   * The pool this NIC's IPv6 address comes from.
   * @default none
   */
  readonly ipv6Pool?: IIpv6Pool;
  /**
   * Whether the NIC uses DHCP.
   * @default true (the provider's default)
   */
  readonly dhcp?: boolean;
  /**
   * Internal: the vnet to place the NIC in (needs elevated permissions).
   * @default none
   */
  readonly vnet?: string;
}

/** Where a machine's NICs take their addresses from. */
export interface MachineNetworkSettings {
  /**
   * The pool the primary NIC's IPv4 address comes from.
   * @default none (DHCP)
   */
  readonly ipv4Pool?: IIpv4Pool;
  /**
   * The pool the primary NIC's IPv6 address comes from.
   * @default none
   */
  readonly ipv6Pool?: IIpv6Pool;
  /**
   * NICs on further LANs.
   * @default none
   */
  readonly additionalNetworks?: readonly AdditionalNetwork[];
}

/** Defaults that differ between roles. */
export interface MachineDefaults {
  readonly cores: number;
  readonly memoryMB: number;
}

/** The control plane's defaults, as in the provider's templates. */
export const CONTROL_PLANE_DEFAULTS: MachineDefaults = { cores: 4, memoryMB: 8192 };
/** Node pool defaults, as in the provider's templates. */
export const WORKER_DEFAULTS: MachineDefaults = { cores: 2, memoryMB: 4096 };

const IPV4_FAILOVER = /^((25[0-5]|(2[0-4]|1\d|[1-9]|)\d)\.?\b){4}$/;

/**
 * Checks machine settings against the CRD's bounds and renders the IonosCloudMachine `spec`
 * (camel-case L1 field names) with the typed pool references.
 *
 * `prop` and `networkProp` are the props paths of the two settings, for messages.
 */
export function renderMachineSpec(
  check: PropChecker,
  input: {
    readonly datacenterID: string;
    readonly namespace: string;
    readonly machine: MachineSettings;
    readonly network: MachineNetworkSettings;
    readonly defaults: MachineDefaults;
    readonly prop: string;
    readonly networkProp: string;
  },
): Record<string, unknown> {
  const { machine, network, prop, networkProp } = input;
  const type = machine.type ?? 'VCPU';
  const cores = machine.cores ?? input.defaults.cores;
  const memoryMB = machine.memoryMB ?? input.defaults.memoryMB;

  check.integer(`${prop}.cores`, cores, { min: 1 });
  check.integer(`${prop}.memoryMB`, memoryMB, { min: 2048, multipleOf: 1024 });
  check.check(type === 'VCPU' || type === 'ENTERPRISE', `${prop}.type`, `must be 'ENTERPRISE' or 'VCPU', got ${JSON.stringify(type)}`);
  check.check(!(type === 'VCPU' && machine.cpuFamily !== undefined), `${prop}.cpuFamily`,
    `a VCPU server has no CPU family, got ${JSON.stringify(machine.cpuFamily)}; remove cpuFamily or use type 'ENTERPRISE'`);
  check.check(machine.availabilityZone === undefined || ['AUTO', 'ZONE_1', 'ZONE_2'].includes(machine.availabilityZone),
    `${prop}.availabilityZone`, `must be AUTO, ZONE_1 or ZONE_2, got ${JSON.stringify(machine.availabilityZone)}`);
  check.integer(`${prop}.disk.sizeGB`, machine.disk.sizeGB, { min: 10 });
  check.check(machine.disk.type === undefined || ['HDD', 'SSD Standard', 'SSD Premium'].includes(machine.disk.type),
    `${prop}.disk.type`, `must be 'HDD', 'SSD Standard' or 'SSD Premium', got ${JSON.stringify(machine.disk.type)}`);
  check.check(machine.disk.availabilityZone === undefined || ['AUTO', 'ZONE_1', 'ZONE_2', 'ZONE_3'].includes(machine.disk.availabilityZone),
    `${prop}.disk.availabilityZone`, `must be AUTO, ZONE_1, ZONE_2 or ZONE_3, got ${JSON.stringify(machine.disk.availabilityZone)}`);
  if (machine.failoverIP !== undefined) {
    const ok = machine.failoverIP === 'AUTO' || (IPV4_FAILOVER.test(machine.failoverIP) && parseIp(machine.failoverIP)?.family === 4);
    check.check(ok, `${prop}.failoverIP`, `must be 'AUTO' or an IPv4 address, got ${JSON.stringify(machine.failoverIP)}`);
  }
  check.check(machine.networkID === undefined || machine.networkID.length > 0, `${prop}.networkID`, 'must not be empty; omit it to use the cluster LAN');

  const reference = (pool: IIpv4Pool | IIpv6Pool | undefined, path: string, family: 'IPv4' | 'IPv6') => {
    if (pool === undefined) return undefined;
    // The type system already stops the wrong family; this catches casts and JavaScript callers.
    if (pool.family !== family) {
      check.add(path, `needs an ${family} pool, got ${pool.family} pool ${JSON.stringify(pool.poolName)}`);
      return undefined;
    }
    const ref = poolReference(pool, input.namespace);
    if (typeof ref === 'string') {
      check.add(path, ref);
      return undefined;
    }
    return ref;
  };

  const seen = new Set<number>();
  const additionalNetworks = network.additionalNetworks?.map((nic, i) => {
    const path = `${networkProp}.additionalNetworks[${i}]`;
    check.integer(`${path}.networkID`, nic.networkID, { min: 1 });
    check.check(!seen.has(nic.networkID), `${path}.networkID`,
      `LAN ${nic.networkID} is listed twice; the provider names claims by LAN id, so two NICs on one LAN would share a claim`);
    seen.add(nic.networkID);
    return {
      networkId: nic.networkID,
      dhcp: nic.dhcp,
      vnet: nic.vnet,
      ipv4PoolRef: reference(nic.ipv4Pool, `${path}.ipv4Pool`, 'IPv4'),
      ipv6PoolRef: reference(nic.ipv6Pool, `${path}.ipv6Pool`, 'IPv6'),
    };
  });

  return {
    datacenterId: input.datacenterID,
    numCores: cores,
    memoryMb: memoryMB,
    type,
    cpuFamily: machine.cpuFamily,
    availabilityZone: machine.availabilityZone,
    disk: {
      sizeGb: machine.disk.sizeGB,
      diskType: machine.disk.type,
      availabilityZone: machine.disk.availabilityZone,
      image: machine.disk.image._render(check, `${prop}.disk.image`),
    },
    failoverIp: machine.failoverIP,
    networkId: machine.networkID,
    ipv4PoolRef: reference(network.ipv4Pool, `${networkProp}.ipv4Pool`, 'IPv4'),
    ipv6PoolRef: reference(network.ipv6Pool, `${networkProp}.ipv6Pool`, 'IPv6'),
    additionalNetworks: additionalNetworks && additionalNetworks.length > 0 ? additionalNetworks : undefined,
  };
}

/** Checks an IONOS datacenter id (a UUID). */
export function checkDatacenterID(check: PropChecker, prop: string, value: string): void {
  check.check(UUID.test(value), prop, `${JSON.stringify(value)} is not a UUID; copy the datacenter id from the IONOS DCD or API (e.g. 0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00)`);
}
