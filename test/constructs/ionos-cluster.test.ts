import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IpPool } from '../../src/constructs/index.js';
import { clusterProps, DATACENTER, IMAGE, newCluster, problemsOf } from './fixtures.js';
import { IonosCluster } from '../../src/constructs/index.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec: Record<string, any> };

describe('IonosCluster', () => {
  it('creates the Cluster, IonosCloudCluster, KubeadmControlPlane and control-plane template with explicit names', () => {
    const { cluster } = newCluster();
    const objects = Testing.synth(cluster) as Obj[];
    expect(objects.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`).sort()).toEqual([
      'Cluster/prod-a/prod-a',
      'IonosCloudCluster/prod-a/prod-a',
      'IonosCloudMachineTemplate/prod-a/prod-a-control-plane',
      'KubeadmControlPlane/prod-a/prod-a-control-plane',
    ]);
    for (const o of objects) expect(o.metadata.labels).toEqual({ 'cluster.x-k8s.io/cluster-name': 'prod-a' });
  });

  it('wires the references and the endpoint', () => {
    const { cluster } = newCluster();
    const byKind = new Map((Testing.synth(cluster) as Obj[]).map((o) => [o.kind, o]));
    expect(byKind.get('Cluster')!.spec).toEqual({
      clusterNetwork: { pods: { cidrBlocks: ['192.168.0.0/16'] } },
      controlPlaneRef: { apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1', kind: 'KubeadmControlPlane', name: 'prod-a-control-plane', namespace: 'prod-a' },
      infrastructureRef: { apiVersion: 'infrastructure.cluster.x-k8s.io/v1alpha1', kind: 'IonosCloudCluster', name: 'prod-a', namespace: 'prod-a' },
    });
    expect(byKind.get('IonosCloudCluster')!.spec).toEqual({
      controlPlaneEndpoint: { host: '10.20.0.10', port: 6443 },
      credentialsRef: { name: 'ionos-credentials' },
      location: 'de/txl',
    });
    const kcp = byKind.get('KubeadmControlPlane')!.spec;
    expect(kcp.replicas).toBe(3);
    expect(kcp.version).toBe('v1.31.2');
    expect(kcp.rolloutStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } });
    expect(byKind.get('IonosCloudMachineTemplate')!.spec.template.spec).toEqual({
      datacenterID: DATACENTER, numCores: 4, memoryMB: 8192, type: 'VCPU', disk: { image: { id: '3f1e2d4c-0000-4000-8000-000000000001' } },
    });
  });

  it('runs kube-vip as a static pod holding the endpoint, switching to super-admin.conf on init from 1.29', () => {
    const { cluster } = newCluster();
    const kcp = (Testing.synth(cluster) as Obj[]).find((o) => o.kind === 'KubeadmControlPlane')!.spec.kubeadmConfigSpec;
    const files = new Map<string, { content: string }>(kcp.files.map((f: { path: string; content: string }) => [f.path, f]));
    const manifest = files.get('/etc/kubernetes/manifests/kube-vip.yaml')!.content;
    expect(manifest).toContain('value: 10.20.0.10');
    expect(manifest).toContain('value: "6443"');
    expect(manifest).toContain('image: ghcr.io/kube-vip/kube-vip:v0.7.1');
    expect(files.has('/etc/kube-vip-prepare.sh')).toBe(true);
    expect(JSON.parse(files.get('/etc/ie-csi/cfg.json')!.content)).toEqual({ 'datacenter-id': DATACENTER });
    expect(kcp.preKubeadmCommands.at(-1)).toBe('/etc/kube-vip-prepare.sh');
    expect(kcp.postKubeadmCommands[0]).toContain('super-admin.conf#path: /etc/kubernetes/admin.conf');
    expect(kcp.postKubeadmCommands.join('\n')).toContain('ionos://${system_uuid}');
  });

  it('leaves kube-vip on admin.conf before Kubernetes 1.29', () => {
    const { cluster } = newCluster({ kubernetesVersion: 'v1.28.9', nodeSetup: { profile: 'minimal' } });
    const kcp = (Testing.synth(cluster) as Obj[]).find((o) => o.kind === 'KubeadmControlPlane')!.spec.kubeadmConfigSpec;
    expect(kcp.files.map((f: { path: string }) => f.path)).not.toContain('/etc/kube-vip-prepare.sh');
    expect(kcp.preKubeadmCommands).toBeUndefined();
  });

  it('gives the control plane its pools', () => {
    const app = Testing.app();
    const pool = IpPool.fromName('IPv4', 'prod-a-nodes', { namespace: 'prod-a' });
    const cluster = new IonosCluster(app, 'prod-a', clusterProps({
      controlPlane: { endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } }, network: { ipv4Pool: pool } },
    }));
    const template = (Testing.synth(cluster) as Obj[]).find((o) => o.kind === 'IonosCloudMachineTemplate')!;
    expect(template.spec.template.spec.ipv4PoolRef).toEqual({ apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'prod-a-nodes' });
  });

  it.each([
    [{ datacenterID: 'not-a-uuid' }, 'prod-a: datacenterID', 'is not a UUID'],
    [{ namespace: 'Prod' }, 'prod-a: namespace', 'not a DNS-1123 label'],
    [{ kubernetesVersion: '1.31.2' }, 'prod-a: kubernetesVersion', 'use vMAJOR.MINOR.PATCH'],
    [{ location: '' }, 'prod-a: location', 'must not be empty'],
    [{ controlPlane: { replicas: 2, endpoint: { host: '10.0.0.1' }, machine: { disk: { image: IMAGE } } } }, 'prod-a: controlPlane.replicas', 'must be odd'],
    [{ controlPlane: { endpoint: { host: 'api.example.org' }, machine: { disk: { image: IMAGE } } } }, 'prod-a: controlPlane.endpoint.host', 'is not an IPv4 address'],
    [{ controlPlane: { endpoint: { host: '10.0.0.1', port: 70000 }, machine: { disk: { image: IMAGE } } } }, 'prod-a: controlPlane.endpoint.port', 'must be >= 1 and <= 65535, got 70000; use 65535'],
    [{ controlPlane: { endpoint: { host: '10.0.0.1' }, machine: { memoryMB: 1000, disk: { image: IMAGE } } } }, 'prod-a: controlPlane.machine.memoryMB', 'must be >= 2048'],
  ])('rejects %j', (overrides, path, message) => {
    const problems = problemsOf(() => newCluster(overrides));
    expect(problems[0]).toMatchObject({ path });
    expect(problems[0]!.message).toContain(message);
  });

  it('rejects a cluster name that is not a DNS label', () => {
    const problems = problemsOf(() => new IonosCluster(Testing.app(), 'Prod_A', clusterProps()));
    expect(problems[0]).toMatchObject({ path: 'Prod_A: name' });
  });
});
