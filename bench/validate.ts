/**
 * Validating ~12,000 synthesised objects (1,000 clusters × 12: Cluster, IonosCloudCluster,
 * KubeadmControlPlane, two IonosCloudMachineTemplates, MachineDeployment,
 * KubeadmConfigTemplate, MachineHealthCheck, InClusterIPPool, ClusterResourceSet, a ConfigMap
 * and a Secret) against the CRDs with the generated validators, CEL rules included. Measured
 * cold (first call in the process: CEL programs compiled on first use) and warm.
 *
 * Run: `npx tsx bench/validate.ts`
 */
import { realpathSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { validateObjects } from '../src/synth/validate.js';
import { measure, table } from './lib/measure.js';
import { CLUSTER_NAME_LABEL, INFRA_API_VERSION, IPAM_API_GROUP } from '../src/vocabulary.js';

const CLUSTERS = 1_000;
const INFRA = INFRA_API_VERSION;
const IPAM = IPAM_API_GROUP;

function machineTemplate(name: string, ns: string, cores: number, memoryMB: number, i: number): Record<string, unknown> {
  return {
    apiVersion: INFRA,
    kind: 'IonosCloudMachineTemplate',
    metadata: { name, namespace: ns, labels: { [CLUSTER_NAME_LABEL]: ns } },
    spec: {
      template: {
        spec: {
          datacenterID: `0b5c7c4e-6a2f-4b1e-9f3a-${(0x2d7e8c9a1b00 + i).toString(16).padStart(12, '0')}`,
          numCores: cores,
          memoryMB,
          type: 'VCPU',
          disk: { sizeGB: 50, diskType: 'SSD Standard', image: { id: 'c6b0e0f1-1111-4222-8333-444455556666' } },
          ipv4PoolRef: { apiGroup: IPAM, kind: 'InClusterIPPool', name: `${ns}-nodes` },
          additionalNetworks: [{ networkID: 3, ipv4PoolRef: { apiGroup: IPAM, kind: 'GlobalInClusterIPPool', name: 'shared-storage' } }],
        },
      },
    },
  };
}

/** The twelve objects of cluster number `i`, shaped like the tool's output. */
function clusterObjects(i: number): Record<string, unknown>[] {
  const name = `cluster-${String(i).padStart(4, '0')}`;
  const labels = { [CLUSTER_NAME_LABEL]: name };
  const meta = (n: string) => ({ name: n, namespace: name, labels });
  const kubelet = { nodeRegistration: { kubeletExtraArgs: { 'provider-id': 'ionos://{{ ds.meta_data.instance_id }}' } } };
  const third = Math.floor(i / 250);
  return [
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: meta(name),
      spec: {
        clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] }, services: { cidrBlocks: ['10.96.0.0/12'] } },
        controlPlaneRef: { apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane', name: `${name}-control-plane` },
        infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudCluster', name },
      },
    },
    {
      apiVersion: INFRA, kind: 'IonosCloudCluster', metadata: meta(name),
      spec: { controlPlaneEndpoint: { host: `10.${third}.${i % 250}.10`, port: 6443 }, location: 'de/txl', credentialsRef: { name: 'ionos-credentials' } },
    },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane', metadata: meta(`${name}-control-plane`),
      spec: {
        replicas: 3,
        version: 'v1.31.2',
        machineTemplate: { infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudMachineTemplate', name: `${name}-control-plane` } },
        kubeadmConfigSpec: {
          users: [{ name: 'root', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB'] }],
          files: [{ path: '/etc/kubernetes/manifests/kube-vip.yaml', owner: 'root:root', content: 'apiVersion: v1\nkind: Pod\n' }],
          initConfiguration: kubelet,
          joinConfiguration: kubelet,
          preKubeadmCommands: ['systemctl restart systemd-networkd.service'],
        },
      },
    },
    machineTemplate(`${name}-control-plane`, name, 4, 8192, i),
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'MachineDeployment', metadata: meta(`${name}-workers`),
      spec: {
        clusterName: name,
        replicas: 5,
        selector: { matchLabels: {} },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels },
          spec: {
            clusterName: name,
            version: 'v1.31.2',
            bootstrap: { configRef: { apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1', kind: 'KubeadmConfigTemplate', name: `${name}-workers` } },
            infrastructureRef: { apiVersion: INFRA, kind: 'IonosCloudMachineTemplate', name: `${name}-workers` },
          },
        },
      },
    },
    machineTemplate(`${name}-workers`, name, 2, 4096, i),
    {
      apiVersion: 'bootstrap.cluster.x-k8s.io/v1beta1', kind: 'KubeadmConfigTemplate', metadata: meta(`${name}-workers`),
      spec: { template: { spec: { users: [{ name: 'root', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB'] }], joinConfiguration: kubelet } } },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'MachineHealthCheck', metadata: meta(`${name}-workers`),
      spec: {
        clusterName: name, maxUnhealthy: '40%', nodeStartupTimeout: '10m',
        selector: { matchLabels: { 'cluster.x-k8s.io/deployment-name': `${name}-workers` } },
        unhealthyConditions: [{ type: 'Ready', status: 'Unknown', timeout: '300s' }, { type: 'Ready', status: 'False', timeout: '300s' }],
      },
    },
    {
      apiVersion: `${IPAM}/v1alpha2`, kind: 'InClusterIPPool', metadata: meta(`${name}-nodes`),
      spec: { addresses: [`10.${third}.${i % 250}.16/28`], prefix: 16, gateway: `10.${third}.0.1` },
    },
    {
      apiVersion: 'addons.cluster.x-k8s.io/v1beta1', kind: 'ClusterResourceSet', metadata: meta(`${name}-cni`),
      spec: { strategy: 'ApplyOnce', clusterSelector: { matchLabels: labels }, resources: [{ kind: 'ConfigMap', name: `${name}-cni` }] },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${name}-cni`), data: { 'calico.yaml': '---\n' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: meta(`${name}-extra`), type: 'Opaque', stringData: { note: 'x' } },
  ];
}

function fleet(): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (let i = 0; i < CLUSTERS; i++) objects.push(...clusterObjects(i));
  return objects;
}

/** Runs the benchmark and returns a markdown report. */
export async function run(): Promise<string> {
  const objects = fleet();
  const start = performance.now();
  const first = validateObjects(objects);
  const coldMs = performance.now() - start;
  const warm = await measure(`validateObjects, ${objects.length} objects (warm)`, () => validateObjects(objects), { runs: 7, warmup: 1 });
  const { stats } = first;
  const perObjectUs = (warm.medianMs * 1000) / objects.length;
  return [
    `## CRD validation: ${objects.length} objects (${CLUSTERS} clusters × 12)`,
    '',
    table([warm]),
    '',
    `First call in the process (CEL programs compiled on first use): ${coldMs.toFixed(1)} ms. `
      + `Warm: ${perObjectUs.toFixed(1)} µs per object.`,
    `Problems found: ${first.problems.length}. CEL rules evaluated: ${stats.celEvaluated}, transition rules skipped: `
      + `${stats.celSkippedTransition}, unsupported: ${stats.celSkippedUnsupported}. Not checked (no CRD): `
      + `${stats.unchecked.map((u) => `${u.count} ${u.kind}`).join(', ')}.`,
  ].join('\n');
}

function executedDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
}

if (executedDirectly()) {
  process.stdout.write(`${await run()}\n`);
}
