import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateSnippet } from '../../src/jsonnet/evaluate.js';
import { parseFleet, readFleet, readJsonnetFleet } from '../../src/fleet/read.js';
import { ROOT, scratch, type Scratch } from './workspace.js';

let ws: Scratch;
beforeAll(() => {
  ws = scratch('library-');
});
afterAll(() => ws.remove());

const capi = (expression: string): Promise<unknown> =>
  evaluateSnippet(`local capi = import 'capi-ionos.libsonnet';\n${expression}`, join(ws.dir, 'library.jsonnet'));

describe('capi-ionos.libsonnet', () => {
  it('leaves out every parameter left at null, so the reader applies its defaults', async () => {
    expect(await capi("capi.machine('IMAGE')")).toEqual({ disk: { image: { id: 'IMAGE' } } });
    expect(await capi("capi.nodePool('workers', 3, capi.machine('IMAGE'))")).toEqual({ name: 'workers', replicas: 3, machine: { disk: { image: { id: 'IMAGE' } } } });
    expect(await capi("capi.network('nodes', '10.0.0.0/16')")).toEqual({ name: 'nodes', cidr: '10.0.0.0/16' });
    expect(await capi('capi.nic()')).toEqual({});
    expect(await capi("capi.additionalNetwork('storage')")).toEqual({ network: 'storage' });
  });

  it('defaults the namespace to the cluster name, the credentials to ionos-credentials and the endpoint to auto', async () => {
    const cluster = await capi("capi.cluster('alpha', 'de/txl', 'DC', 'v1.31.2', capi.controlPlane(capi.machine('IMAGE')))");
    expect(cluster).toEqual({
      name: 'alpha', namespace: 'alpha', location: 'de/txl', datacenterID: 'DC', credentialsSecret: 'ionos-credentials',
      kubernetesVersion: 'v1.31.2', controlPlane: { endpoint: 'auto', machine: { disk: { image: { id: 'IMAGE' } } } }, nodePools: [],
    });
    expect(await capi("capi.cluster('alpha', 'de/txl', 'DC', 'v1', {}, namespace='team-a', credentialsSecret='other').namespace")).toBe('team-a');
  });

  it('builds images by id or by selector', async () => {
    expect(await capi("capi.image.selector({ os: 'ubuntu' }, resolutionPolicy='Newest')"))
      .toEqual({ selector: { matchLabels: { os: 'ubuntu' }, resolutionPolicy: 'Newest' } });
    expect(await capi("capi.machine(capi.image.id('X'), diskGB=20).disk")).toEqual({ image: { id: 'X' }, sizeGB: 20 });
  });

  it('maps every builder parameter onto a field the fleet reader accepts', async () => {
    const value = await capi(`capi.fleet('all',
      networks=[
        capi.network('nodes', '10.0.0.0/16', gateway='10.0.0.1', reserved=['10.0.0.0/24'], allocation='packed'),
        capi.network('v6', 'fd00::/56', gateway='fd00::1'),
        capi.network('storage', '172.16.0.0/20', lanID=3),
        capi.network('storage-v6', 'fd01::/56', lanID=3),
      ],
      sharedPools=[capi.sharedPool('shared', 'storage', 16)],
      manualPools=[capi.manualPool('legacy', ['10.0.9.0/24'], network='nodes')],
      clusters=[capi.cluster('alpha', 'de/txl', '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00', 'v1.31.2',
        capi.controlPlane(
          capi.machine('IMAGE', cores=4, memoryMB=8192, diskGB=50, diskType='SSD Premium', type='ENTERPRISE',
                       cpuFamily='INTEL_SKYLAKE', availabilityZone='ZONE_1', diskAvailabilityZone='ZONE_2', failoverIP='AUTO', networkID='7'),
          capi.nic(ipv4='nodes', ipv6='v6'), replicas=3, endpoint='auto', port=443, maxSurge=0,
          additionalNetworks=[capi.additionalNetwork(ipv4='storage', ipv6='storage-v6', dhcp=false)]),
        [capi.nodePool('workers', 2, capi.machine(capi.image.selector({ os: 'ubuntu' }, resolutionPolicy='Exact', useMachineVersion=true)),
          capi.nic(ipv4='nodes'), additionalNetworks=[capi.additionalNetwork('storage', ipv4Pool='shared')], maxSurge=2, maxUnavailable=1,
          healthCheck=capi.healthCheck(unhealthyTimeout='5m', nodeStartupTimeout='10m', maxUnhealthy='40%'), labels={ tier: 'general' })],
        namespace='team-a', credentialsSecret='creds', sshAuthorizedKeys=['ssh-ed25519 AAAA'], podCidrBlocks=['192.168.0.0/16'],
        poolSizes={ nodes: 32 })],
    )`);
    const fleet = readFleet(value);
    const [cluster] = fleet.clusters;
    expect(cluster).toMatchObject({
      namespace: 'team-a', credentialsSecret: 'creds', sshAuthorizedKeys: ['ssh-ed25519 AAAA'], podCidrBlocks: ['192.168.0.0/16'], poolSizes: { nodes: 32 },
      controlPlane: {
        replicas: 3, port: 443, maxSurge: 0, network: { ipv4: 'nodes', ipv6: 'v6' },
        machine: {
          cores: 4, memoryMB: 8192, type: 'ENTERPRISE', cpuFamily: 'INTEL_SKYLAKE', availabilityZone: 'ZONE_1', failoverIP: 'AUTO', networkID: '7',
          disk: { sizeGB: 50, type: 'SSD Premium', availabilityZone: 'ZONE_2', image: { id: 'IMAGE' } },
        },
        additionalNetworks: [{ networkID: 3, ipv4: 'storage', ipv6: 'storage-v6', dhcp: false }],
      },
      nodePools: [{
        maxSurge: 2, maxUnavailable: 1, labels: { tier: 'general' },
        healthCheck: { unhealthyTimeout: '5m', nodeStartupTimeout: '10m', maxUnhealthy: '40%' },
        machine: { disk: { image: { selector: { matchLabels: { os: 'ubuntu' }, resolutionPolicy: 'Exact', useMachineVersion: true } } } },
        additionalNetworks: [{ networkID: 3, ipv4: 'storage', ipv4Pool: 'shared' }],
      }],
    });
    expect(fleet.networks[0]).toMatchObject({ allocation: 'packed', reserved: ['10.0.0.0/24'] });
    expect(fleet.manualPools).toEqual([{ name: 'legacy', network: 'nodes', addresses: ['10.0.9.0/24'] }]);
  });

  it('rejects an image that is neither an id nor an image object, naming the helper', async () => {
    await expect(capi('capi.machine([1])')).rejects.toThrow("capi.machine: 'image' must be an image id (a string) or capi.image.selector(...), got array");
  });
});

describe('examples/fleet/fleet.jsonnet', () => {
  const dir = join(ROOT, 'examples/fleet');

  it('reads to exactly the fleet of examples/fleet/fleet.yaml', async () => {
    const fromJsonnet = await readJsonnetFleet(join(dir, 'fleet.jsonnet'));
    const fromYaml = parseFleet(readFileSync(join(dir, 'fleet.yaml'), 'utf8'), 'fleet.yaml');
    expect(fromJsonnet).toStrictEqual(fromYaml);
  });

  it('is written with the library: builders for every object and the IP helpers for the networks', () => {
    const source = readFileSync(join(dir, 'fleet.jsonnet'), 'utf8');
    expect(source).toContain("import 'capi-ionos.libsonnet'");
    for (const helper of ['fleet', 'network', 'sharedPool', 'cluster', 'controlPlane', 'nodePool', 'machine', 'nic', 'additionalNetwork', 'image.id', 'image.selector', 'cidr.host', 'cidr.subnet']) {
      expect(source, helper).toContain(`capi.${helper}(`);
    }
  });
});
