import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Credentials, IonosClusterClass, IpPool, TopologyCluster, type TopologyClusterProps } from '../../src/constructs/index.js';
import { validateObjects } from '../../src/synth/validate.js';
import { DATACENTER, IMAGE, problemsOf } from './fixtures.js';

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec: Record<string, any> };
type Patch = { op: string; path: string; valueFrom: { variable?: string; template?: string } };
type Definition = { selector: { kind: string; matchResources: { controlPlane?: boolean; infrastructureCluster?: boolean; machineDeploymentClass?: { names: string[] } } }; jsonPatches: Patch[] };

function lookup(variables: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], variables);
}

/**
 * What the topology controller does with the class's patches for one template, as far as these
 * patches use it: `{{ .a.b }}` substitution, `{{ if .a.b }}true{{ end }}`, JSON pointer add/replace.
 */
function applyPatches(template: Obj, patches: { enabledIf?: string; definitions: Definition[] }[], variables: Record<string, unknown>, target: { controlPlane?: boolean; infrastructureCluster?: boolean; worker?: string }): Obj {
  const out = structuredClone(template);
  const render = (text: string) => text.replace(/\{\{ \.([A-Za-z0-9.]+) \}\}/g, (_, p: string) => String(lookup(variables, p)));
  for (const patch of patches) {
    if (patch.enabledIf !== undefined) {
      const m = /^\{\{ if \.([A-Za-z0-9.]+) \}\}true\{\{ end \}\}$/.exec(patch.enabledIf);
      if (!m || !lookup(variables, m[1]!)) continue;
    }
    for (const d of patch.definitions) {
      const mr = d.selector.matchResources;
      const matches = d.selector.kind === template.kind && ((target.controlPlane && mr.controlPlane) || (target.infrastructureCluster && mr.infrastructureCluster)
        || (target.worker !== undefined && mr.machineDeploymentClass?.names.includes(target.worker)));
      if (!matches) continue;
      for (const p of d.jsonPatches) {
        const value = p.valueFrom.variable !== undefined ? lookup(variables, p.valueFrom.variable) : parse(render(p.valueFrom.template!));
        const keys = p.path.split('/').slice(1);
        const parent = keys.slice(0, -1).reduce<any>((o, k) => o[k], out);
        const last = keys.at(-1)!;
        // Cluster API's ClusterClass webhook: no array index in a replace, only 0 or - in an add.
        const indices = keys.filter((k) => /^(\d+|-)$/.test(k));
        if (indices.length > 0 && (p.op !== 'add' || indices.some((k) => k !== '0' && k !== '-'))) throw new Error(`array index in ${p.op} ${p.path}`);
        if (p.op === 'replace' && !(last in parent)) throw new Error(`replace of missing ${p.path}`);
        if (last === '-') parent.push(value);
        else parent[last] = value;
      }
    }
  }
  return out;
}

function classAndCluster(overrides: Partial<TopologyClusterProps> = {}) {
  const app = Testing.app();
  const cls = new IonosClusterClass(app, 'standard', {
    namespace: 'clusters', location: 'de/txl',
    controlPlane: { machine: { disk: { image: IMAGE } } },
    workers: { general: { machine: { disk: { image: IMAGE } } }, storage: { machine: { disk: { image: IMAGE } }, nodeSetup: { profile: 'minimal' } } },
  });
  const nodes = IpPool.fromName('IPv4', 'blue-nodes', { namespace: 'clusters' });
  const storage = IpPool.fromName('IPv4', 'blue-storage', { namespace: 'clusters' });
  const cluster = new TopologyCluster(app, 'blue', {
    clusterClass: cls, location: 'de/fra', datacenterID: DATACENTER, credentials: Credentials.fromSecretName('creds'), kubernetesVersion: 'v1.31.2',
    controlPlane: { endpoint: { host: '10.30.0.10', port: 7443, hostname: 'api.blue.example.org' }, network: { ipv4Pool: nodes } },
    nodePools: [{ name: 'md-0', workerClass: 'storage', replicas: 2, network: { ipv4Pool: nodes, additionalNetworks: [{ networkID: 3, ipv4Pool: storage }] } }],
    ...overrides,
  });
  return { cls: Testing.synth(cls) as Obj[], cluster: Testing.synth(cluster) as Obj[] };
}

describe('IonosClusterClass and TopologyCluster', () => {
  it('give every cluster its own datacenter, endpoint, kube-vip address and pools once the patches are applied', () => {
    const { cls, cluster } = classAndCluster();
    const classObj = cls.find((o) => o.kind === 'ClusterClass')!;
    const topology = cluster.find((o) => o.kind === 'Cluster')!.spec.topology;
    const variables = Object.fromEntries(topology.variables.map((v: { name: string; value: unknown }) => [v.name, v.value]));
    const md = topology.workers.machineDeployments[0];
    const mdVariables = { ...variables, ...Object.fromEntries(md.variables.overrides.map((v: { name: string; value: unknown }) => [v.name, v.value])) };
    const byName = (kind: string, name: string) => cls.find((o) => o.kind === kind && o.metadata.name === name)!;

    const kcp = applyPatches(byName('KubeadmControlPlaneTemplate', 'standard-control-plane'), classObj.spec.patches, variables, { controlPlane: true });
    const config = kcp.spec.template.spec.kubeadmConfigSpec;
    const file = (spec: { files: { path: string; content: string }[] }, path: string) => spec.files.find((f) => f.path === path)!.content;
    expect(file(config, '/etc/kubernetes/manifests/kube-vip.yaml')).toContain('value: "10.30.0.10"');
    expect(file(config, '/etc/kubernetes/manifests/kube-vip.yaml')).toContain('value: "7443"');
    expect(JSON.parse(file(config, '/etc/ie-csi/cfg.json'))).toEqual({ 'datacenter-id': DATACENTER });
    expect(config.initConfiguration.localAPIEndpoint.bindPort).toBe(7443);

    const infra = applyPatches(byName('IonosCloudClusterTemplate', 'standard'), classObj.spec.patches, variables, { infrastructureCluster: true });
    expect(infra.spec.template.spec).toEqual({ controlPlaneEndpoint: { host: 'api.blue.example.org', port: 7443 }, credentialsRef: { name: 'creds' }, location: 'de/fra' });

    const cpMachine = applyPatches(byName('IonosCloudMachineTemplate', 'standard-control-plane'), classObj.spec.patches, variables, { controlPlane: true });
    expect(cpMachine.spec.template.spec.datacenterID).toBe(DATACENTER);
    expect(cpMachine.spec.template.spec.ipv4PoolRef).toEqual({ apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'blue-nodes' });
    expect(cpMachine.spec.template.spec.additionalNetworks).toBeUndefined();

    const worker = applyPatches(byName('IonosCloudMachineTemplate', 'standard-storage'), classObj.spec.patches, mdVariables, { worker: 'storage' });
    expect(worker.spec.template.spec.additionalNetworks).toEqual([{ networkID: 3, ipv4PoolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'blue-storage' } }]);
    const workerConfig = applyPatches(byName('KubeadmConfigTemplate', 'standard-storage'), classObj.spec.patches, mdVariables, { worker: 'storage' });
    expect(JSON.parse(file(workerConfig.spec.template.spec, '/etc/ie-csi/cfg.json'))).toEqual({ 'datacenter-id': DATACENTER });

    // The patched templates are still valid objects of their kinds.
    expect(validateObjects([...cls, ...cluster, kcp, infra, cpMachine, worker, workerConfig].map((o, i) => ({ ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-${i}` } })) as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });

  it('pin the node IP on every machine of the class, and check the Kubernetes version on the node', () => {
    const { cls } = classAndCluster();
    const kcp = cls.find((o) => o.kind === 'KubeadmControlPlaneTemplate')!.spec.template.spec.kubeadmConfigSpec;
    expect(kcp.preKubeadmCommands).toContain('/etc/set-node-ip.sh ens6');
    expect(kcp.files.find((f: { path: string }) => f.path === '/etc/kube-vip-prepare.sh').content).toContain('kubeadm version -o short');
    for (const worker of cls.filter((o) => o.kind === 'KubeadmConfigTemplate')) {
      expect(worker.spec.template.spec.preKubeadmCommands).toContain('/etc/set-node-ip.sh ens6');
    }
  });

  it('rejects an unknown worker class and a pool of the wrong family, naming the props', () => {
    const v6 = IpPool.fromName('IPv6', 'blue-v6', { namespace: 'clusters' });
    const problems = problemsOf(() => classAndCluster({
      nodePools: [{ name: 'md-0', workerClass: 'gpu', network: { ipv4Pool: v6 as never } }],
    }));
    expect(problems.map((p) => p.path)).toEqual(['blue: nodePools[0].workerClass', 'blue: nodePools[0].network.ipv4Pool']);
    expect(problems[0]!.message).toContain('has no worker class "gpu"; it has general, storage');
  });
});
