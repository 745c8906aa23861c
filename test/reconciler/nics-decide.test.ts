/**
 * The NIC decision, table-tested: declaration (machine spec + claim addresses) against the
 * server's NICs → nicInfo, drift and actions. Pure: no store, no network, no clock.
 */
import { describe, expect, it } from 'vitest';
import type { Nic } from '../../src/reconciler/cloud/types.js';
import {
  actionKey, claimName, claimNamesOf, decideNics, machineNetworks, nicInfoOf, serverIdFromProviderID,
  type NicAction, type NicDriftKind,
} from '../../src/reconciler/nics/decide.js';
import type { KubeObject } from '../../src/reconciler/store.js';

const SERVER = '5a1e2f3c-0000-4000-8000-0000000000aa';
const DC = '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00';
const POOL = { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'nodes' };

/** An IonosCloudMachine `m1` in `ns` with a server, and `spec` merged in. */
function machine(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudMachine',
    metadata: { name: 'm1', namespace: 'ns' },
    spec: { providerID: `ionos://${SERVER}`, datacenterID: DC, disk: { image: { id: 'img' } }, ...spec },
  };
}

/** A server NIC (AVAILABLE unless told). */
function nic(id: string, lan: number, ips: string[] = [], options: { name?: string; ipv6Ips?: string[]; dhcp?: boolean; state?: string } = {}): Nic {
  return {
    id, metadata: { state: options.state ?? 'AVAILABLE' },
    properties: { ...(options.name ? { name: options.name } : {}), lan, ips, ipv6Ips: options.ipv6Ips ?? [], dhcp: options.dhcp ?? true },
  };
}

const PRIMARY = (ips: string[] = ['10.0.0.5'], more: { ipv6Ips?: string[]; state?: string; lan?: number } = {}) =>
  nic('nic-p', more.lan ?? 1, ips, { name: 'nic-m1', ...more });

describe('reading a machine', () => {
  it('names the claims as CAPIC does: nic-<M>-ipv4/-ipv6 and nic-<M>-<networkID>-ipv4/-ipv6', () => {
    const networks = machineNetworks(machine({
      ipv4PoolRef: POOL, ipv6PoolRef: { ...POOL, name: 'v6' },
      additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }, { networkID: 7, ipv6PoolRef: POOL }, { networkID: 9 }],
    }));
    expect(claimNamesOf(networks)).toEqual(['nic-m1-ipv4', 'nic-m1-ipv6', 'nic-m1-3-ipv4', 'nic-m1-7-ipv6']);
    expect(networks.declared.map((d) => [d.key, d.lan, d.dhcp])).toEqual([
      ['primary', undefined, true], ['additionalNetworks[0]', 3, true], ['additionalNetworks[1]', 7, true], ['additionalNetworks[2]', 9, true],
    ]);
    expect(networks.serverId).toBe(SERVER);
    expect(networks.problems).toEqual([]);
  });

  it.each<[string, string, string | undefined]>([
    ['reads the server id from ionos://<lower-case UUID>', `ionos://${SERVER}`, SERVER],
    ['reads the server id from ionos://<upper-case UUID>, lower-cased', `ionos://${SERVER.toUpperCase()}`, SERVER],
    ['rejects a providerID with another scheme', `aws://${SERVER}`, undefined],
    ['rejects a providerID whose id is not a UUID', 'ionos://server-1', undefined],
    ['rejects a providerID without an id', 'ionos://', undefined],
  ])('%s', (_name, providerID, expected) => {
    expect(serverIdFromProviderID(providerID)).toBe(expected);
  });

  it('rejects an invalid providerID, a missing datacenterID and a non-numeric networkID as problems', () => {
    const networks = machineNetworks({
      ...machine(), spec: { providerID: 'ionos://nope', networkID: 'abc', additionalNetworks: [{ networkID: 0 }] },
    });
    expect(networks.serverId).toBeUndefined();
    expect(networks.problems).toEqual([
      'spec.providerID "ionos://nope" is not ionos://<server UUID>',
      'spec.datacenterID is missing',
      'spec.networkID "abc" is not a LAN id (a positive integer)',
      'spec.additionalNetworks[0].networkID 0 is not a LAN id (a positive integer)',
    ]);
  });

  it('takes spec.networkID (a string in the CRD) as the primary LAN and dhcp false from an additional network', () => {
    const networks = machineNetworks(machine({ networkID: '4', additionalNetworks: [{ networkID: 3, dhcp: false, vnet: 'v1' }] }));
    expect(networks.declared[0]!.lan).toBe(4);
    expect(networks.declared[1]).toMatchObject({ lan: 3, dhcp: false, vnet: 'v1' });
  });

  it('uses the claim name helper for both families', () => {
    expect([claimName('m', 4), claimName('m', 6), claimName('m', 4, 12)]).toEqual(['nic-m-ipv4', 'nic-m-ipv6', 'nic-m-12-ipv4']);
  });
});

describe('nicInfo', () => {
  it('is the cloud view in API order: ips, ipv6Ips, lan as networkID, primary by name (CAPIC server.go)', () => {
    expect(nicInfoOf('m1', [nic('a', 3, ['172.16.0.4'], { ipv6Ips: ['2001:db8::4'] }), PRIMARY(), nic('c', 5)])).toEqual([
      { ipv4Addresses: ['172.16.0.4'], ipv6Addresses: ['2001:db8::4'], networkID: 3, primary: false },
      { ipv4Addresses: ['10.0.0.5'], networkID: 1, primary: true },
      { networkID: 5, primary: false },
    ]);
  });
});

interface Row {
  readonly spec: Record<string, unknown>;
  readonly claims: Record<string, string>;
  readonly nics: Nic[];
  readonly primaryLan?: number;
  readonly drift: NicDriftKind[];
  readonly actions: NicAction[];
  readonly ready: boolean;
}

const TABLE: [string, Row][] = [
  ['a machine without pools whose primary NIC exists is in sync', {
    spec: {}, claims: {}, nics: [PRIMARY(['85.1.2.3'])], drift: [], actions: [], ready: true,
  }],
  ['a primary NIC holding the claimed address is in sync', {
    spec: { ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.5' }, nics: [PRIMARY()], drift: [], actions: [], ready: true,
  }],
  ['a primary NIC with another address is patched, keeping the appended failover IP', {
    spec: { ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.9' }, nics: [PRIMARY(['10.0.0.5', '85.1.2.3'])],
    drift: ['address'], actions: [{ kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ips: ['10.0.0.9', '85.1.2.3'] } }], ready: false,
  }],
  ['a primary NIC whose claimed address is second is patched to put it first, without a duplicate', {
    spec: { ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.9' }, nics: [PRIMARY(['10.0.0.5', '10.0.0.9'])],
    drift: ['address'], actions: [{ kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ips: ['10.0.0.9'] } }], ready: false,
  }],
  ['a primary NIC without any address gets the claimed one', {
    spec: { ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.9' }, nics: [PRIMARY([])],
    drift: ['address'], actions: [{ kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ips: ['10.0.0.9'] } }], ready: false,
  }],
  ['IPv6 addresses are compared in canonical form', {
    spec: { ipv6PoolRef: POOL }, claims: { 'nic-m1-ipv6': '2001:DB8:0:0::5' }, nics: [PRIMARY(['85.1.2.3'], { ipv6Ips: ['2001:db8::5'] })],
    drift: [], actions: [], ready: true,
  }],
  ['a wrong IPv6 address is patched alone (ips untouched)', {
    spec: { ipv4PoolRef: POOL, ipv6PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.5', 'nic-m1-ipv6': '2001:db8::6' },
    nics: [PRIMARY(['10.0.0.5'], { ipv6Ips: ['2001:db8::5'] })],
    drift: ['address'], actions: [{ kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ipv6Ips: ['2001:db8::6'] } }], ready: false,
  }],
  ['both families wrong make one patch', {
    spec: { ipv4PoolRef: POOL, ipv6PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.6', 'nic-m1-ipv6': '2001:db8::6' },
    nics: [PRIMARY(['10.0.0.5'], { ipv6Ips: ['2001:db8::5'] })],
    drift: ['address', 'address'], actions: [{ kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ips: ['10.0.0.6'], ipv6Ips: ['2001:db8::6'] } }], ready: false,
  }],
  ['a missing additional NIC is created on its LAN as nic-<M>-<networkID>, with the claimed address', {
    spec: { additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }] }, claims: { 'nic-m1-3-ipv4': '172.16.0.4' }, nics: [PRIMARY()],
    drift: ['missing'],
    actions: [{ kind: 'create', nic: 'additionalNetworks[0]', properties: { name: 'nic-m1-3', lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } }], ready: false,
  }],
  ['a missing additional NIC without pools is created with addresses left to the API, dhcp and vnet as declared', {
    spec: { additionalNetworks: [{ networkID: 3, dhcp: false, vnet: 'v9' }] }, claims: {}, nics: [PRIMARY()],
    drift: ['missing'],
    actions: [{ kind: 'create', nic: 'additionalNetworks[0]', properties: { name: 'nic-m1-3', lan: 3, ips: null, ipv6Ips: null, dhcp: false, vnet: 'v9' } }], ready: false,
  }],
  ['a missing NIC whose claim is not bound waits (no action)', {
    spec: { additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }] }, claims: {}, nics: [PRIMARY()],
    drift: ['pending-address', 'missing'], actions: [], ready: false,
  }],
  ['an existing NIC whose claim is not bound is only reported', {
    spec: { ipv4PoolRef: POOL }, claims: {}, nics: [PRIMARY(['10.0.0.5'])], drift: ['pending-address'], actions: [], ready: false,
  }],
  ['a missing primary NIC is created as nic-<M> on spec.networkID with dhcp', {
    spec: { networkID: '4', ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.5' }, nics: [],
    drift: ['missing'],
    actions: [{ kind: 'create', nic: 'primary', properties: { name: 'nic-m1', lan: 4, ips: ['10.0.0.5'], ipv6Ips: null, dhcp: true } }], ready: false,
  }],
  ['a missing primary NIC is created on the looked-up cluster LAN', {
    spec: {}, claims: {}, nics: [], primaryLan: 2,
    drift: ['missing'], actions: [{ kind: 'create', nic: 'primary', properties: { name: 'nic-m1', lan: 2, ips: null, ipv6Ips: null, dhcp: true } }], ready: false,
  }],
  ['fails to plan a missing primary NIC whose LAN is unknown', {
    spec: {}, claims: {}, nics: [], drift: ['unknown-lan'], actions: [], ready: false,
  }],
  ['a busy NIC is reported and not patched', {
    spec: { ipv4PoolRef: POOL }, claims: { 'nic-m1-ipv4': '10.0.0.9' }, nics: [PRIMARY(['10.0.0.5'], { state: 'BUSY' })],
    drift: ['busy', 'address'], actions: [], ready: false,
  }],
  ['two additional networks on one LAN take that LAN\'s NICs in API order; the missing second one is created', {
    spec: { additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }, { networkID: 3 }] }, claims: { 'nic-m1-3-ipv4': '172.16.0.4' },
    nics: [PRIMARY(), nic('a', 3, ['172.16.0.4'])],
    drift: ['missing'], actions: [{ kind: 'create', nic: 'additionalNetworks[1]', properties: { name: 'nic-m1-3-2', lan: 3, ips: null, ipv6Ips: null, dhcp: true } }], ready: false,
  }],
  ['an additional NIC the attacher created is found by its name before any unnamed NIC on its LAN', {
    spec: { additionalNetworks: [{ networkID: 3, ipv4PoolRef: POOL }, { networkID: 3 }] }, claims: { 'nic-m1-3-ipv4': '172.16.0.4' },
    nics: [PRIMARY(), nic('second', 3, ['10.3.0.9'], { name: 'nic-m1-3-2' }), nic('first', 3, ['172.16.0.4'])],
    drift: [], actions: [], ready: true,
  }],
  ['an undeclared NIC, a DHCP difference and a primary on another LAN are reported only', {
    spec: { networkID: '4', additionalNetworks: [{ networkID: 3, dhcp: false }] }, claims: {},
    nics: [PRIMARY(['85.1.2.3'], { lan: 1 }), nic('a', 3, [], { dhcp: true }), nic('x', 8)],
    drift: ['lan', 'dhcp', 'unexpected'], actions: [], ready: true,
  }],
  ['the primary is recognised by name, not by position, and a NIC on the primary LAN is not mistaken for an additional one', {
    spec: { additionalNetworks: [{ networkID: 1 }] }, claims: {}, nics: [nic('a', 1), PRIMARY()],
    drift: [], actions: [], ready: true,
  }],
  ['actions come in declaration order: primary patch, then creates', {
    spec: { ipv4PoolRef: POOL, additionalNetworks: [{ networkID: 3 }, { networkID: 5, ipv4PoolRef: POOL }] },
    claims: { 'nic-m1-ipv4': '10.0.0.9', 'nic-m1-5-ipv4': '192.168.5.5' }, nics: [PRIMARY(['10.0.0.5'])],
    drift: ['address', 'missing', 'missing'],
    actions: [
      { kind: 'patch', nic: 'primary', nicId: 'nic-p', properties: { ips: ['10.0.0.9'] } },
      { kind: 'create', nic: 'additionalNetworks[0]', properties: { name: 'nic-m1-3', lan: 3, ips: null, ipv6Ips: null, dhcp: true } },
      { kind: 'create', nic: 'additionalNetworks[1]', properties: { name: 'nic-m1-5', lan: 5, ips: ['192.168.5.5'], ipv6Ips: null, dhcp: true } },
    ], ready: false,
  }],
];

describe('decideNics', () => {
  it.each(TABLE)('%s', (_name, row) => {
    // GIVEN the declaration and the server's NICs
    const input = {
      machine: machineNetworks(machine(row.spec)), claimAddresses: row.claims, serverNics: row.nics,
      ...(row.primaryLan !== undefined ? { primaryLan: row.primaryLan } : {}),
    };
    // WHEN deciding
    const decision = decideNics(input);
    // THEN the drift, actions and readiness are as listed
    expect(decision.drift.map((d) => d.kind)).toEqual(row.drift);
    expect(decision.actions).toEqual(row.actions);
    expect(decision.ready).toBe(row.ready);
    expect(decision.nicInfo).toEqual(nicInfoOf('m1', row.nics));
  });

  it('does not depend on anything but its input (same input, same answer)', () => {
    const row = TABLE.at(-1)![1];
    const input = { machine: machineNetworks(machine(row.spec)), claimAddresses: row.claims, serverNics: row.nics };
    expect(decideNics(input)).toEqual(decideNics(structuredClone(input)));
  });

  it('words drift so that it says what was found and what was expected', () => {
    const decision = decideNics({
      machine: machineNetworks(machine({ ipv4PoolRef: POOL })), claimAddresses: { 'nic-m1-ipv4': '10.0.0.9' }, serverNics: [PRIMARY(['10.0.0.5'])],
    });
    expect(decision.drift[0]!.message).toBe('the primary NIC (NIC nic-p) has ips [10.0.0.5]; IPAddressClaim nic-m1-ipv4 holds 10.0.0.9');
  });
});

describe('actionKey', () => {
  it('is equal for equal actions and differs when an address differs', () => {
    const a: NicAction = { kind: 'patch', nic: 'primary', nicId: 'n', properties: { ips: ['10.0.0.1'] } };
    const b: NicAction = { kind: 'patch', nic: 'primary', nicId: 'n', properties: { ips: ['10.0.0.2'] } };
    expect(actionKey(a)).toBe(actionKey(structuredClone(a)));
    expect(actionKey(a)).not.toBe(actionKey(b));
  });
});
