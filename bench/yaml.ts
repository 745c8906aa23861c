/**
 * Serialising ~12,000 Cluster API objects (1,000 clusters × 12) three ways: `toYamlStream`, the
 * `yaml` package with cdk8s's options (cdk8s's own `Yaml.stringify`), and `JSON.stringify` as
 * the floor. Also checks that the first two agree byte for byte.
 *
 * Run: `npx tsx bench/yaml.ts`
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Yaml } from 'cdk8s';
import { toYamlStream } from '../src/synth/yaml.js';
import { measure, table, type Timing } from './lib/measure.js';

const CLUSTERS = 1_000;

const PREPARE_SCRIPT = `#!/bin/bash
# Runs before kubeadm on the first control-plane node.
set -euo pipefail
if grep -qs 'kind: InitConfiguration' /run/kubeadm/kubeadm.yaml; then
  sed -i 's#path: /etc/kubernetes/admin.conf#path: /etc/kubernetes/super-admin.conf#' /etc/kubernetes/manifests/kube-vip.yaml
fi
`;

function kubeVipPod(address: string): string {
  return [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-vip', '  namespace: kube-system', 'spec:',
    '  containers:', '    - args:', '        - manager', '      env:', '        - name: address',
    `          value: ${address}`, '        - name: vip_arp', '          value: "true"',
    '      image: ghcr.io/kube-vip/kube-vip:v0.8.0', '      name: kube-vip', '  hostNetwork: true', '',
  ].join('\n');
}

function labels(cluster: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'cluster.x-k8s.io/cluster-name': cluster, 'fleet.example.com/managed': 'true', ...extra };
}

function meta(name: string, cluster: string, extra?: Record<string, string>): Record<string, unknown> {
  return { labels: labels(cluster, extra), name, namespace: `fleet-${cluster.slice(0, 6)}` };
}

function machineTemplate(name: string, cluster: string, cores: number, memoryMB: number): Record<string, unknown> {
  return {
    apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
    kind: 'IonosCloudMachineTemplate',
    metadata: meta(name, cluster),
    spec: {
      template: {
        spec: {
          availabilityZone: 'AUTO',
          cpuFamily: 'INTEL_SKYLAKE',
          datacenterID: '2f1c4c2b-6e15-4d8e-9a6b-3f0c8e1b7a11',
          disk: { availabilityZone: 'AUTO', diskType: 'SSD Premium', image: { id: 'a1b2c3d4-0000-4000-8000-000000000001' }, sizeGB: 40 },
          memoryMB,
          numCores: cores,
          additionalNetworks: [{ networkID: 3 }, { networkID: 4 }],
        },
      },
    },
  };
}

function kubeadmConfigTemplate(name: string, cluster: string): Record<string, unknown> {
  return {
    apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1',
    kind: 'KubeadmConfigTemplate',
    metadata: meta(name, cluster),
    spec: {
      template: {
        spec: {
          files: [{ content: PREPARE_SCRIPT, owner: 'root:root', path: '/etc/kube-vip-prepare.sh', permissions: '0700' }],
          joinConfiguration: { nodeRegistration: { kubeletExtraArgs: { 'provider-id': 'ionos://{{ ds.meta_data.instance_id }}' } } },
          preKubeadmCommands: ['/etc/kube-vip-prepare.sh', 'systemctl restart containerd'],
          postKubeadmCommands: [],
        },
      },
    },
  };
}

/** The 12 objects of one cluster, shaped like what the constructs emit (keys sorted as cdk8s sorts them). */
function clusterObjects(index: number): Record<string, unknown>[] {
  const cluster = `prod-${String(index).padStart(4, '0')}`;
  const octet = index % 250;
  const endpoint = `10.${Math.floor(index / 250)}.${octet}.10`;
  const pools = ['workers-a', 'workers-b'];
  return [
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: meta(cluster, cluster),
      spec: {
        clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] }, services: { cidrBlocks: ['10.96.0.0/12'] } },
        controlPlaneRef: { apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane', name: `${cluster}-cp` },
        infrastructureRef: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudCluster', name: cluster },
      },
    },
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1',
      kind: 'IonosCloudCluster',
      metadata: meta(cluster, cluster),
      spec: { contractNumber: '12345678', controlPlaneEndpoint: { host: endpoint, port: 6443 }, location: 'de/txl' },
    },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      kind: 'KubeadmControlPlane',
      metadata: meta(`${cluster}-cp`, cluster),
      spec: {
        kubeadmConfigSpec: {
          files: [
            { content: kubeVipPod(endpoint), owner: 'root:root', path: '/etc/kubernetes/manifests/kube-vip.yaml' },
            { content: PREPARE_SCRIPT, owner: 'root:root', path: '/etc/kube-vip-prepare.sh', permissions: '0700' },
          ],
          initConfiguration: { nodeRegistration: { criSocket: 'unix:///run/containerd/containerd.sock', kubeletExtraArgs: { 'provider-id': 'ionos://{{ ds.meta_data.instance_id }}' } } },
          preKubeadmCommands: ['/etc/kube-vip-prepare.sh'],
        },
        machineTemplate: { infrastructureRef: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudMachineTemplate', name: `${cluster}-cp` } },
        replicas: 3,
        version: 'v1.29.4',
      },
    },
    machineTemplate(`${cluster}-cp`, cluster, 4, 8192),
    ...pools.flatMap((pool, p) => [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'MachineDeployment',
        metadata: meta(`${cluster}-${pool}`, cluster, { 'cluster.x-k8s.io/deployment-name': `${cluster}-${pool}` }),
        spec: {
          clusterName: cluster,
          replicas: 3 + p,
          selector: { matchLabels: {} },
          template: {
            metadata: { labels: labels(cluster, { 'node-role.kubernetes.io/node': '' }) },
            spec: {
              bootstrap: { configRef: { apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1', kind: 'KubeadmConfigTemplate', name: `${cluster}-${pool}` } },
              clusterName: cluster,
              infrastructureRef: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudMachineTemplate', name: `${cluster}-${pool}` },
              version: 'v1.29.4',
            },
          },
        },
      },
      machineTemplate(`${cluster}-${pool}`, cluster, 8, 16384),
      kubeadmConfigTemplate(`${cluster}-${pool}`, cluster),
    ]),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${cluster}-credentials`, cluster),
      stringData: { host: 'https://api.ionos.com/cloudapi/v6', token: `token-${index}-${'x'.repeat(40)}` },
      type: 'Opaque',
    },
    {
      apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2',
      kind: 'InClusterIPPool',
      metadata: meta(`${cluster}-nodes`, cluster),
      spec: { addresses: [`10.${Math.floor(index / 250)}.${octet}.20-10.${Math.floor(index / 250)}.${octet}.250`], gateway: `10.${Math.floor(index / 250)}.${octet}.1`, prefix: 24 },
    },
  ];
}

function fleet(): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (let i = 0; i < CLUSTERS; i++) docs.push(...clusterObjects(i));
  return docs;
}

/** Runs the benchmark and returns a markdown report. */
export async function run(): Promise<string> {
  const docs = fleet();
  const fast = toYamlStream(docs);
  const reference = Yaml.stringify(...docs);
  const timings: Timing[] = [
    await measure('toYamlStream (src/synth/yaml.ts)', () => toYamlStream(docs), { runs: 7, warmup: 2 }),
    await measure('yaml 2.9.1 with cdk8s options (Yaml.stringify)', () => Yaml.stringify(...docs), { runs: 3, warmup: 1 }),
    await measure('JSON.stringify (floor)', () => docs.map((d) => JSON.stringify(d)).join('\n'), { runs: 7, warmup: 2 }),
  ];
  const [ours, yaml, json] = timings as [Timing, Timing, Timing];
  const ratio = (t: Timing) => `${(t.medianMs / ours.medianMs).toFixed(2)}× ours`;
  return [
    `## YAML emitter: ${docs.length} objects, ${(fast.length / 1e6).toFixed(1)} MB of YAML`,
    '',
    table(timings, { header: 'vs toYamlStream', values: timings.map(ratio) }),
    '',
    `Speed-up over the yaml package: ${(yaml.medianMs / ours.medianMs).toFixed(1)}×; `
      + `toYamlStream costs ${(ours.medianMs / json.medianMs).toFixed(1)}× JSON.stringify. `
      + `Output identical to cdk8s's Yaml.stringify: ${fast === reference ? 'yes' : 'NO'}.`,
  ].join('\n');
}

function executedDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
}

if (executedDirectly()) {
  process.stdout.write(`${await run()}\n`);
}
