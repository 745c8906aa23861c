import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFleet } from '../../src/fleet/read.js';
import { formatProblem, type Problem } from '../../src/problems.js';

const EXAMPLE = readFileSync(new URL('../../examples/fleet/fleet.yaml', import.meta.url), 'utf8');

function problems(text: string): string[] {
  try {
    parseFleet(text, 'fleet.yaml');
  } catch (error) {
    return (error as { problems: Problem[] }).problems.map((p) => formatProblem(p));
  }
  throw new Error('expected problems, the fleet parsed');
}

/** The example with one text replacement, for bad-input cases. */
function edit(from: string, to: string): string {
  if (!EXAMPLE.includes(from)) throw new Error(`example has no ${from}`);
  return EXAMPLE.replace(from, to);
}

describe('parseFleet', () => {
  it('reads the example fleet with defaults applied', () => {
    const fleet = parseFleet(EXAMPLE, 'fleet.yaml');
    expect(fleet.name).toBe('acme');
    expect(fleet.networks.map((n) => [n.name, n.allocation, n.lanID])).toEqual([['nodes', 'aligned', undefined], ['nodes-v6', 'aligned', undefined], ['storage', 'aligned', 3]]);
    const [a, b, edge] = fleet.clusters;
    expect(a!.controlPlane).toMatchObject({ replicas: 3, maxSurge: 1, endpoint: 'auto', port: 6443, network: { ipv4: 'nodes' } });
    expect(a!.nodePools[0]!.additionalNetworks).toEqual([{ networkID: 3, ipv4: 'storage', ipv6: undefined, ipv4Pool: undefined, ipv6Pool: undefined, dhcp: undefined }]);
    expect(a!.nodePools[1]!.additionalNetworks[0]).toMatchObject({ networkID: 3, ipv4: 'storage', ipv4Pool: 'shared-storage' });
    expect(a!.nodePools[0]!.healthCheck).toEqual({});
    expect(b!.poolSizes).toEqual({ nodes: 32 });
    expect(b!.nodePools[0]).toMatchObject({ replicas: 3, maxSurge: 1, maxUnavailable: 0 });
    expect(edge!.nodePools[0]!.network).toEqual({ ipv4: 'nodes', ipv6: 'nodes-v6' });
  });

  it('rejects every problem at once, each with file, path and line', () => {
    const text = edit('replicas: 5', 'replicas: -1').replace('memoryMB: 16384', 'memoryMB: 1000').replace('name: prod-b', 'name: Prod_B');
    expect(problems(text)).toEqual([
      expect.stringMatching(/^fleet\.yaml:\d+:\d+: error: clusters\[0\]\.nodePools\[0\]\.replicas: must be >= 0, got -1$/),
      expect.stringMatching(/^fleet\.yaml:\d+:\d+: error: clusters\[0\]\.nodePools\[1\]\.machine\.memoryMB: must be >= 2048, got 1000$/),
      expect.stringMatching(/^fleet\.yaml:\d+:\d+: error: clusters\[1\]\.name: "Prod_B" is not valid; use a DNS-1123 label/),
    ]);
  });

  it.each([
    ['replicas: 5', 'replics: 5', "clusters[0].nodePools[0].replics", "unknown field; did you mean 'replicas'?"],
    ['network: storage, ipv4Pool: shared-storage', 'network: storage, ipv4Pool: nope', 'clusters[0].nodePools[1].additionalNetworks[0].ipv4Pool', 'unknown shared pool "nope"'],
    ['network: {ipv4: nodes, ipv6: nodes-v6}\n    nodePools', 'network: {ipv4: nodes-v6}\n    nodePools', 'clusters[2].controlPlane.network.ipv4', 'is IPv6, but this NIC asks for IPv4'],
    ['datacenterID: 7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'datacenterID: 12345', 'clusters[1].datacenterID', 'must be a string, got 12345; quote it: "12345"'],
    ['kubernetesVersion: v1.31.2\n    controlPlane:\n      replicas: 1', 'kubernetesVersion: 1.31.2\n    controlPlane:\n      replicas: 1', 'clusters[1].kubernetesVersion', 'use vMAJOR.MINOR.PATCH'],
    ['replicas: 1', 'replicas: 2', 'clusters[1].controlPlane.replicas', 'must be odd'],
    ['{network: storage}', '{network: nodes}', 'clusters[0].nodePools[0].additionalNetworks[0]', 'has no lanID'],
    ['poolSizes: {nodes: 32}', 'poolSizes: {nodez: 32}', 'clusters[1].poolSizes.nodez', 'unknown network "nodez"'],
    ['name: edge', 'name: prod-a', 'clusters[2].name', 'cluster "prod-a" is defined twice (also at clusters[0].name)'],
    ['{name: shared-storage, network: storage, size: 64}', '{name: shared-storage, network: storage, size: 0}', 'sharedPools[0].size', 'must be >= 1, got 0'],
    ['disk: {sizeGB: 50, image: {id: 3f1e2d4c-0000-4000-8000-000000000001}}', 'disk: {sizeGB: 50}', 'clusters[0].controlPlane.machine.disk.image', 'is required'],
  ])('rejects %j replaced by %j', (from, to, path, message) => {
    const found = problems(edit(from, to));
    const at = found.filter((p) => new RegExp(`^fleet\\.yaml:\\d+:\\d+: error: ${path.replace(/[.[\]]/g, '\\$&')}: `).test(p));
    expect(at).toEqual([expect.stringContaining(message)]);
    // A misspelt required field also reports the missing one; nothing else may cascade.
    expect(found.length).toBeLessThanOrEqual(from.startsWith('replicas') ? 2 : 1);
  });

  it('rejects YAML syntax errors with line and column', () => {
    expect(problems('apiVersion: [\n')).toEqual([expect.stringMatching(/^fleet\.yaml:2:1: error: /)]);
  });

  it('rejects a document of the wrong kind', () => {
    expect(problems('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nclusters: []\n')).toEqual([
      'fleet.yaml:1:13: error: apiVersion: must be capi-ionos.dev/v1alpha1, got "v1"',
      'fleet.yaml:2:7: error: kind: must be Fleet, got "ConfigMap"',
    ]);
  });
});
