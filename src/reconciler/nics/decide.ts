/**
 * The NIC decision, pure: what an IonosCloudMachine declares (primary NIC and
 * `additionalNetworks`, with the addresses of their bound IPAddressClaims) against the NICs the
 * server has in IONOS Cloud. It answers what to report (`status.machineNetworkInfo.nicInfo`, the
 * drift, a condition, events) and what to do (create a NIC / patch its addresses), and does none
 * of it. The attacher (`attacher.ts`) reads the inputs and carries the actions out.
 *
 * Naming follows CAPIC (`internal/service/k8s/ipam.go`): claims `nic-<M>-ipv4`/`-ipv6` for the primary NIC
 * and `nic-<M>-<networkID>-ipv4`/`-ipv6` for additional ones; the primary NIC is named `nic-<M>`.
 * CAPIC's additional NICs carry no name and are recognised by their LAN; those the attacher
 * creates are named `nic-<M>-<networkID>` (see `additionalNicName`).
 */
import { formatIp, parseIp } from '../../ipam/index.js';
import type { KubeObject } from '../store.js';
import type { Nic } from '../cloud/types.js';
import { UUID } from '../../vocabulary.js';

/** One NIC the machine declares. */
export interface DeclaredNic {
  /** Where it is declared: `primary` or `additionalNetworks[i]`. */
  readonly key: string;
  readonly primary: boolean;
  /**
   * The LAN: `networkID` of an additional network; for the primary NIC `spec.networkID` when set
   * (otherwise the cluster LAN, which only the attacher can look up).
   */
  readonly lan: number | undefined;
  /** DHCP as CAPIC creates the NIC: always on for the primary NIC, `dhcp` (default true) otherwise. */
  readonly dhcp: boolean;
  readonly vnet?: string;
  /** The IPv4 claim's name, when an `ipv4PoolRef` is set. */
  readonly ipv4Claim?: string;
  /** The IPv6 claim's name, when an `ipv6PoolRef` is set. */
  readonly ipv6Claim?: string;
  /** The NIC's name: CAPIC's `nic-<M>` for the primary NIC, {@link additionalNicName} otherwise. */
  readonly nicName: string;
}

/** What the attacher needs to know about a machine, read from the object. */
export interface MachineNetworks {
  readonly namespace: string;
  readonly name: string;
  readonly datacenterID: string | undefined;
  /** The server UUID from `spec.providerID` (`ionos://<uuid>`), when there is a valid one. */
  readonly serverId: string | undefined;
  /** `spec.providerID` as written (to report an invalid one). */
  readonly providerID: string | undefined;
  /** The primary NIC first, then one per `additionalNetworks` item in spec order. */
  readonly declared: readonly DeclaredNic[];
  /** Spec values the attacher cannot use; each says what is wrong. */
  readonly problems: readonly string[];
}

/** One entry of `status.machineNetworkInfo.nicInfo`, as CAPIC writes it (`api/v1alpha1/ionoscloudmachine_types.go`). */
export interface NicInfo {
  readonly ipv4Addresses?: readonly string[];
  readonly ipv6Addresses?: readonly string[];
  readonly networkID: number;
  readonly primary: boolean;
}

/** Properties of a NIC to create (a `POST …/nics` body's `properties`). */
export interface NicCreateProperties {
  /** `nic-<M>` for the primary NIC (CAPIC's name), {@link additionalNicName} for the others. */
  readonly name: string;
  readonly lan: number;
  /** The claimed address, or `null` to let the API assign (no pool). */
  readonly ips: readonly string[] | null;
  readonly ipv6Ips: readonly string[] | null;
  readonly dhcp: boolean;
  readonly vnet?: string;
}

/** Something to do in IONOS Cloud. */
export type NicAction =
  | { readonly kind: 'create'; readonly nic: string; readonly properties: NicCreateProperties }
  | {
    readonly kind: 'patch'; readonly nic: string; readonly nicId: string;
    /** A bare NicProperties body: only the address lists that change. */
    readonly properties: { readonly ips?: readonly string[]; readonly ipv6Ips?: readonly string[] };
  };

/** Kinds of drift. The first five keep the NICs from being ready; the rest are only reported. */
export type NicDriftKind =
  /** No server NIC for a declared one. */
  | 'missing'
  /** The NIC's first address of a family is not the claimed one. */
  | 'address'
  /** A claim is not bound yet, so the address to attach is unknown. */
  | 'pending-address'
  /** The NIC is being changed (state not AVAILABLE). */
  | 'busy'
  /** The primary NIC is missing and its LAN is not known. */
  | 'unknown-lan'
  /** The NIC's DHCP setting differs from the declared one (not changed by the attacher). */
  | 'dhcp'
  /** The primary NIC sits on another LAN than `spec.networkID` (not changed by the attacher). */
  | 'lan'
  /** A server NIC that no declaration matches (never removed by the attacher). */
  | 'unexpected';

/** One difference between the declaration and the cloud. */
export interface NicDrift {
  readonly kind: NicDriftKind;
  /** The declaration (`primary`, `additionalNetworks[i]`) or, for `unexpected`, `nic <id>`. */
  readonly nic: string;
  /** What was found and what was expected. */
  readonly message: string;
}

/** The inputs of {@link decideNics}. */
export interface NicDecisionInput {
  readonly machine: MachineNetworks;
  /** Addresses of bound claims by claim name (the IPAddress's `spec.address`); unbound claims are absent. */
  readonly claimAddresses: Readonly<Record<string, string>>;
  /** The server's NICs, in the order the API returns them (depth >= 1: with properties). */
  readonly serverNics: readonly Nic[];
  /** The primary NIC's LAN when the attacher looked it up (the cluster LAN); `spec.networkID` wins. */
  readonly primaryLan?: number;
}

/** The answer of {@link decideNics}. */
export interface NicDecision {
  /** The cloud view, one entry per server NIC in API order, as CAPIC fills the status. */
  readonly nicInfo: readonly NicInfo[];
  /** Every difference, in declaration order, then the unexpected NICs. */
  readonly drift: readonly NicDrift[];
  /** What to do, in declaration order (primary first). */
  readonly actions: readonly NicAction[];
  /** True when no drift keeps the NICs from being ready (reported-only kinds do not count). */
  readonly ready: boolean;
}

/** Drift kinds that keep the NICs from being ready. */
export const BLOCKING_DRIFT: ReadonlySet<NicDriftKind> = new Set(['missing', 'address', 'pending-address', 'busy', 'unknown-lan']);

/** The claim name CAPIC gives a NIC's address (`internal/service/k8s/ipam.go`). */
export function claimName(machine: string, family: 4 | 6, networkID?: number): string {
  return networkID === undefined ? `nic-${machine}-ipv${family}` : `nic-${machine}-${networkID}-ipv${family}`;
}

/** The name CAPIC gives the primary NIC (`primaryNICFormat` in `internal/service/k8s/ipam.go`). */
export function primaryNicName(machine: string): string {
  return `nic-${machine}`;
}

/**
 * The name the attacher gives an additional NIC it creates: `nic-<M>-<networkID>`, and for the
 * k-th further declaration on the same LAN `nic-<M>-<networkID>-<k+1>`. CAPIC names its
 * additional NICs nothing; the name lets a retried or concurrent pass find the NIC (or its
 * request) it created before creating another.
 */
export function additionalNicName(machine: string, networkID: number, occurrence = 0): string {
  return occurrence === 0 ? `nic-${machine}-${networkID}` : `nic-${machine}-${networkID}-${occurrence + 1}`;
}

/** The server UUID of a `spec.providerID` (`ionos://<uuid>`), or undefined when it is not one. */
export function serverIdFromProviderID(providerID: string): string | undefined {
  const match = /^ionos:\/\/(.+)$/.exec(providerID.trim());
  return match !== null && UUID.test(match[1]!) ? match[1]!.toLowerCase() : undefined;
}

/** Reads the NIC declarations of an IonosCloudMachine object. */
export function machineNetworks(machine: KubeObject): MachineNetworks {
  const spec = (isRecord(machine.spec) ? machine.spec : {}) as Record<string, unknown>;
  const name = machine.metadata.name;
  const problems: string[] = [];
  const providerID = typeof spec['providerID'] === 'string' && spec['providerID'] !== '' ? spec['providerID'] : undefined;
  const serverId = providerID === undefined ? undefined : serverIdFromProviderID(providerID);
  if (providerID !== undefined && serverId === undefined) {
    problems.push(`spec.providerID "${providerID}" is not ionos://<server UUID>`);
  }
  const datacenterID = typeof spec['datacenterID'] === 'string' && spec['datacenterID'] !== '' ? spec['datacenterID'] : undefined;
  if (datacenterID === undefined) problems.push('spec.datacenterID is missing');

  let primaryLan: number | undefined;
  if (spec['networkID'] !== undefined) {
    primaryLan = lanNumber(spec['networkID']);
    if (primaryLan === undefined) problems.push(`spec.networkID ${JSON.stringify(spec['networkID'])} is not a LAN id (a positive integer)`);
  }
  const declared: DeclaredNic[] = [{
    key: 'primary',
    primary: true,
    lan: primaryLan,
    dhcp: true,
    nicName: primaryNicName(name),
    ...(hasPoolRef(spec['ipv4PoolRef']) ? { ipv4Claim: claimName(name, 4) } : {}),
    ...(hasPoolRef(spec['ipv6PoolRef']) ? { ipv6Claim: claimName(name, 6) } : {}),
  }];
  const networks = Array.isArray(spec['additionalNetworks']) ? spec['additionalNetworks'] : [];
  const onLan = new Map<number, number>();
  networks.forEach((network: unknown, i) => {
    const key = `additionalNetworks[${i}]`;
    const entry = isRecord(network) ? network : {};
    const lan = lanNumber(entry['networkID']);
    if (lan === undefined) {
      problems.push(`spec.${key}.networkID ${JSON.stringify(entry['networkID'])} is not a LAN id (a positive integer)`);
      return;
    }
    const occurrence = onLan.get(lan) ?? 0;
    onLan.set(lan, occurrence + 1);
    declared.push({
      key,
      primary: false,
      lan,
      nicName: additionalNicName(name, lan, occurrence),
      dhcp: typeof entry['dhcp'] === 'boolean' ? entry['dhcp'] : true,
      ...(typeof entry['vnet'] === 'string' && entry['vnet'] !== '' ? { vnet: entry['vnet'] } : {}),
      ...(hasPoolRef(entry['ipv4PoolRef']) ? { ipv4Claim: claimName(name, 4, lan) } : {}),
      ...(hasPoolRef(entry['ipv6PoolRef']) ? { ipv6Claim: claimName(name, 6, lan) } : {}),
    });
  });
  return { namespace: machine.metadata.namespace ?? '', name, datacenterID, serverId, providerID, declared, problems };
}

/** Every claim name the declarations use, in declaration order. */
export function claimNamesOf(machine: MachineNetworks): string[] {
  return machine.declared.flatMap((d) => [d.ipv4Claim, d.ipv6Claim].filter((c): c is string => c !== undefined));
}

/**
 * The cloud view of the server's NICs, as CAPIC writes `status.machineNetworkInfo.nicInfo`
 * (its `internal/service/cloud/server.go`, `ReconcileServer`).
 */
export function nicInfoOf(machineName: string, nics: readonly Nic[]): NicInfo[] {
  const primary = primaryNicName(machineName);
  return nics.map((nic) => {
    const ipv4 = nic.properties.ips ?? [];
    const ipv6 = nic.properties.ipv6Ips ?? [];
    return {
      ...(ipv4.length > 0 ? { ipv4Addresses: [...ipv4] } : {}),
      ...(ipv6.length > 0 ? { ipv6Addresses: [...ipv6] } : {}),
      networkID: nic.properties.lan ?? 0,
      primary: nic.properties.name === primary,
    };
  });
}

/**
 * Compares the declaration with the server's NICs.
 *
 * Matching: the primary declaration takes the NIC named `nic-<M>`; each additional network takes
 * the NIC with its {@link additionalNicName} (one the attacher created), else the next unmatched
 * NIC on its LAN that bears none of the declared names (one CAPIC created), in API order. A declared address is in place when it is the
 * *first* address of its family on the NIC (addresses are compared in canonical form); later
 * addresses (a failover IP CAPIC appended, `internal/service/cloud/nic.go`) are kept by a patch, which replaces
 * only the first one. A missing NIC is created only when every claimed address is known.
 */
export function decideNics(input: NicDecisionInput): NicDecision {
  const { machine } = input;
  const primaryName = primaryNicName(machine.name);
  const used = new Set<Nic>();
  const drift: NicDrift[] = [];
  const actions: NicAction[] = [];

  const declaredNames = new Set(machine.declared.map((d) => d.nicName));
  for (const declared of machine.declared) {
    const nic = declared.primary
      ? input.serverNics.find((n) => n.properties.name === primaryName)
      : input.serverNics.find((n) => !used.has(n) && n.properties.name === declared.nicName)
        ?? input.serverNics.find((n) => !used.has(n) && !declaredNames.has(n.properties.name ?? '') && n.properties.lan === declared.lan);
    if (nic !== undefined) used.add(nic);

    const want4 = declared.ipv4Claim === undefined ? undefined : input.claimAddresses[declared.ipv4Claim];
    const want6 = declared.ipv6Claim === undefined ? undefined : input.claimAddresses[declared.ipv6Claim];
    const pending = [
      ...(declared.ipv4Claim !== undefined && want4 === undefined ? [declared.ipv4Claim] : []),
      ...(declared.ipv6Claim !== undefined && want6 === undefined ? [declared.ipv6Claim] : []),
    ];
    for (const claim of pending) {
      drift.push({ kind: 'pending-address', nic: declared.key, message: `${describeDeclared(declared)}: IPAddressClaim ${claim} has no address yet` });
    }

    if (nic === undefined) {
      const lan = declared.primary ? (declared.lan ?? input.primaryLan) : declared.lan;
      if (lan === undefined) {
        drift.push({ kind: 'unknown-lan', nic: declared.key, message: `the server has no NIC named ${primaryName} and the primary LAN is unknown (no spec.networkID, no cluster LAN found)` });
        continue;
      }
      const ips = want4 === undefined ? null : [canonical(want4)];
      const ipv6Ips = want6 === undefined ? null : [canonical(want6)];
      drift.push({
        kind: 'missing', nic: declared.key,
        message: `the server has no NIC for ${describeDeclared(declared)} on LAN ${lan}; declared ips ${formatList(ips)}, ipv6Ips ${formatList(ipv6Ips)}`,
      });
      if (pending.length === 0) {
        actions.push({
          kind: 'create', nic: declared.key,
          properties: {
            name: declared.nicName,
            lan, ips, ipv6Ips, dhcp: declared.dhcp,
            ...(declared.vnet !== undefined ? { vnet: declared.vnet } : {}),
          },
        });
      }
      continue;
    }

    const nicId = nic.id ?? '';
    const label = `${describeDeclared(declared)} (NIC ${nicId})`;
    const state = nic.metadata?.state;
    const busy = state !== undefined && state !== 'AVAILABLE';
    if (busy) drift.push({ kind: 'busy', nic: declared.key, message: `${label} is ${state}` });

    const patch: { ips?: readonly string[]; ipv6Ips?: readonly string[] } = {};
    const have4 = nic.properties.ips ?? [];
    const have6 = nic.properties.ipv6Ips ?? [];
    if (want4 !== undefined && !firstIs(have4, want4)) {
      drift.push({ kind: 'address', nic: declared.key, message: `${label} has ips ${formatList(have4)}; IPAddressClaim ${declared.ipv4Claim} holds ${canonical(want4)}` });
      patch.ips = replaceFirst(have4, want4);
    }
    if (want6 !== undefined && !firstIs(have6, want6)) {
      drift.push({ kind: 'address', nic: declared.key, message: `${label} has ipv6Ips ${formatList(have6)}; IPAddressClaim ${declared.ipv6Claim} holds ${canonical(want6)}` });
      patch.ipv6Ips = replaceFirst(have6, want6);
    }
    if (!busy && nicId !== '' && (patch.ips !== undefined || patch.ipv6Ips !== undefined)) {
      actions.push({ kind: 'patch', nic: declared.key, nicId, properties: patch });
    }
    if (nic.properties.dhcp !== undefined && nic.properties.dhcp !== declared.dhcp) {
      drift.push({ kind: 'dhcp', nic: declared.key, message: `${label} has dhcp ${nic.properties.dhcp}; declared ${declared.dhcp} (not changed)` });
    }
    if (declared.primary && declared.lan !== undefined && nic.properties.lan !== declared.lan) {
      drift.push({ kind: 'lan', nic: declared.key, message: `${label} is on LAN ${String(nic.properties.lan)}; spec.networkID is ${declared.lan} (not changed)` });
    }
  }

  for (const nic of input.serverNics) {
    if (used.has(nic)) continue;
    drift.push({
      kind: 'unexpected', nic: `nic ${nic.id ?? '?'}`,
      message: `NIC ${nic.id ?? '?'}${nic.properties.name ? ` (${nic.properties.name})` : ''} on LAN ${String(nic.properties.lan)} is not declared by the machine (left alone)`,
    });
  }

  return {
    nicInfo: nicInfoOf(machine.name, input.serverNics),
    drift,
    actions,
    ready: drift.every((d) => !BLOCKING_DRIFT.has(d.kind)),
  };
}

/**
 * A stable identity of an action, to recognise "the same thing again" (after a FAILED request the
 * attacher does not repeat an action with the same key until the inputs change).
 */
export function actionKey(action: NicAction): string {
  if (action.kind === 'create') {
    const p = action.properties;
    return `create lan=${p.lan} name=${p.name} ips=${formatList(p.ips)} ipv6Ips=${formatList(p.ipv6Ips)} dhcp=${p.dhcp}`;
  }
  return `patch nic=${action.nicId} ips=${formatList(action.properties.ips ?? null)} ipv6Ips=${formatList(action.properties.ipv6Ips ?? null)}`;
}

/** A one-line description of an action, for events. */
export function describeAction(action: NicAction): string {
  if (action.kind === 'create') {
    const p = action.properties;
    return `create NIC ${p.name} on LAN ${p.lan} for ${action.nic} with ips ${formatList(p.ips)}, ipv6Ips ${formatList(p.ipv6Ips)}, dhcp ${p.dhcp}`;
  }
  const parts = [
    ...(action.properties.ips !== undefined ? [`ips ${formatList(action.properties.ips)}`] : []),
    ...(action.properties.ipv6Ips !== undefined ? [`ipv6Ips ${formatList(action.properties.ipv6Ips)}`] : []),
  ];
  return `patch NIC ${action.nicId} (${action.nic}) to ${parts.join(', ')}`;
}

function describeDeclared(declared: DeclaredNic): string {
  return declared.primary ? 'the primary NIC' : `${declared.key} (LAN ${declared.lan})`;
}

function firstIs(have: readonly string[], want: string): boolean {
  return have.length > 0 && canonical(have[0]!) === canonical(want);
}

/** The list with its first entry replaced by `want` (other entries kept in order, no duplicate of `want`). */
function replaceFirst(have: readonly string[], want: string): string[] {
  const target = canonical(want);
  return [target, ...have.slice(1).filter((ip) => canonical(ip) !== target)];
}

/** The canonical text of an address (as the API and the IPAM provider write it); other text unchanged. */
function canonical(text: string): string {
  const ip = parseIp(text.trim());
  return ip === undefined ? text.trim() : formatIp(ip.value, ip.family);
}

function formatList(list: readonly string[] | null): string {
  return list === null ? '(assigned by the API)' : `[${list.join(', ')}]`;
}

function hasPoolRef(value: unknown): boolean {
  return isRecord(value) && typeof value['name'] === 'string' && value['name'] !== '';
}

function lanNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 2 ** 31 - 1 ? n : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
