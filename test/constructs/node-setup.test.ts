import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { IonosCluster, mergeNodeSetup, type NodePoolOptions } from '../../src/constructs/index.js';
import { stringify } from 'yaml';
import { validateObjects } from '../../src/synth/validate.js';
import { clusterProps, IMAGE, newCluster, problemsOf } from './fixtures.js';

type Obj = { apiVersion: string; kind: string; metadata: Record<string, any>; spec: Record<string, any>; data?: Record<string, string> };
type File = { path: string; content?: string; permissions?: string; owner?: string; contentFrom?: unknown };

/** Debian's cloud-init, when installed (test/peers/setup.sh installs it). */
function cloudInit(): string | undefined {
  return ['/usr/bin/cloud-init', '/usr/local/bin/cloud-init'].find((p) => existsSync(p));
}

const WORKERS: NodePoolOptions = { replicas: 2, machine: { disk: { image: IMAGE } } };
const TWO_NICS: NodePoolOptions = { ...WORKERS, network: { additionalNetworks: [{ networkID: 3 }] } };

function synth(cluster: IonosCluster): Obj[] {
  return Testing.synth(cluster) as Obj[];
}

function controlPlaneSpec(objects: Obj[]) {
  return objects.find((o) => o.kind === 'KubeadmControlPlane')!.spec.kubeadmConfigSpec;
}

function workerSpec(objects: Obj[], name: string) {
  return objects.find((o) => o.kind === 'KubeadmConfigTemplate' && o.metadata.name === name)!.spec.template.spec;
}

function paths(spec: { files: File[] }): string[] {
  return spec.files.map((f) => f.path);
}

const REFERENCE_FILES = ['/etc/ssh/sshd_config.d/ssh-audit_hardening.conf', '/etc/sysctl.d/k8s.conf', '/etc/modules-load.d/k8s.conf', '/etc/crictl.yaml'];

describe('the reference node setup', () => {
  it('gives the control plane the reference files, commands, NTP and node-IP pinning', () => {
    const { cluster } = newCluster();
    const cp = controlPlaneSpec(synth(cluster));
    expect(paths(cp)).toEqual(expect.arrayContaining([...REFERENCE_FILES, '/etc/set-node-ip.sh', '/etc/kubernetes/manifests/kube-vip.yaml', '/etc/ie-csi/cfg.json']));
    const files = new Map<string, File>(cp.files.map((f: File) => [f.path, f]));
    expect(files.get('/etc/modules-load.d/k8s.conf')!.content!.split('\n')).toEqual(expect.arrayContaining(['ip_vs', 'ip_vs_rr', 'ip_vs_wrr', 'ip_vs_sh', 'ip_vs_sed']));
    expect(files.get('/etc/sysctl.d/k8s.conf')!.content).toMatch(/fs\.inotify\.max_user_watches = 65536\nnet\.netfilter\.nf_conntrack_max = 1000000\n/);
    expect(files.get('/etc/crictl.yaml')!.content).toContain('runtime-endpoint: unix:///run/containerd/containerd.sock');
    expect(files.get('/etc/set-node-ip.sh')!.permissions).toBe('0700');
    expect(cp.preKubeadmCommands.slice(0, 5)).toEqual([
      'systemctl restart systemd-networkd.service systemd-modules-load.service systemd-journald containerd',
      'swapoff -a',
      "sed -ri '/^[^#].*\\sswap\\s/s/^/#/' /etc/fstab",
      'sysctl --system',
      '/etc/set-node-ip.sh ens6',
    ]);
    expect(cp.ntp).toEqual({ enabled: true, servers: ['0.de.pool.ntp.org', '1.de.pool.ntp.org', '2.de.pool.ntp.org', '3.de.pool.ntp.org'] });
    expect(cp.postKubeadmCommands).toContain('/etc/capi-ionos/harden-node.sh');
  });

  it('pins the node IP on workers with more than one NIC only', () => {
    const { cluster } = newCluster();
    cluster.addNodePool('single', WORKERS);
    cluster.addNodePool('double', TWO_NICS);
    const objects = synth(cluster);
    const single = workerSpec(objects, 'prod-a-single');
    const double = workerSpec(objects, 'prod-a-double');
    expect(paths(single)).toEqual(expect.arrayContaining(REFERENCE_FILES));
    expect(paths(single)).not.toContain('/etc/set-node-ip.sh');
    expect(single.preKubeadmCommands).not.toContain('/etc/set-node-ip.sh ens6');
    expect(paths(double)).toContain('/etc/set-node-ip.sh');
    expect(double.preKubeadmCommands).toContain('/etc/set-node-ip.sh ens6');
    expect(double.postKubeadmCommands).toContain('/etc/capi-ionos/harden-node.sh');
    expect(double.postKubeadmCommands.join('\n')).not.toContain('super-admin');
  });

  it('takes NTP servers from the pool.ntp.org zone of the location', () => {
    const { cluster } = newCluster({ location: 'gb/lhr' });
    expect(controlPlaneSpec(synth(cluster)).ntp.servers[0]).toBe('0.uk.pool.ntp.org');
    const { cluster: other } = newCluster({ location: 'xx/abc' });
    expect(controlPlaneSpec(synth(other)).ntp.servers[0]).toBe('0.pool.ntp.org');
  });

  it('keeps only what the provider needs with the minimal profile, pinning multi-NIC machines still', () => {
    const { cluster } = newCluster({ nodeSetup: { profile: 'minimal' } });
    cluster.addNodePool('single', WORKERS);
    cluster.addNodePool('double', TWO_NICS);
    const objects = synth(cluster);
    const cp = controlPlaneSpec(objects);
    expect(paths(cp)).toEqual(['/etc/kubernetes/manifests/kube-vip.yaml', '/etc/kube-vip-prepare.sh', '/etc/ie-csi/cfg.json']);
    expect(cp.ntp).toBeUndefined();
    expect(paths(workerSpec(objects, 'prod-a-single'))).toEqual(['/etc/ie-csi/cfg.json']);
    expect(workerSpec(objects, 'prod-a-single').preKubeadmCommands).toBeUndefined();
    expect(paths(workerSpec(objects, 'prod-a-double'))).toEqual(['/etc/set-node-ip.sh', '/etc/ie-csi/cfg.json']);
  });

  it.skipIf(cloudInit() === undefined)('gives cloud-init a configuration its schema accepts (files, commands, NTP, users)', () => {
    const { cluster } = newCluster({
      sshAuthorizedKeys: ['ssh-ed25519 AAAA root@example'],
      nodeSetup: { users: [{ name: 'ops', sshAuthorizedKeys: ['ssh-ed25519 AAAA ops@example'], sudo: 'ALL=(ALL) NOPASSWD:ALL', groups: 'adm', shell: '/bin/bash' }] },
    });
    const spec = controlPlaneSpec(synth(cluster));
    // As Cluster API's cloud-init writer maps the KubeadmConfig fields.
    const config = {
      write_files: spec.files,
      runcmd: [...spec.preKubeadmCommands, 'kubeadm init --config /run/kubeadm/kubeadm.yaml', ...spec.postKubeadmCommands],
      ntp: spec.ntp,
      users: spec.users.map(({ sshAuthorizedKeys, ...user }: { sshAuthorizedKeys?: string[] }) => ({ ...user, ssh_authorized_keys: sshAuthorizedKeys })),
    };
    const dir = mkdtempSync(join(tmpdir(), 'cloud-config-'));
    writeFileSync(join(dir, 'user-data'), `#cloud-config\n${stringify(config)}`);
    expect(execFileSync(cloudInit()!, ['schema', '--config-file', join(dir, 'user-data')], { encoding: 'utf8', stdio: 'pipe' })).toMatch(/^Valid (cloud-config|schema)/);
  });

  it('writes scripts that bash accepts', () => {
    const { cluster } = newCluster();
    const dir = mkdtempSync(join(tmpdir(), 'node-setup-'));
    const scripts = controlPlaneSpec(synth(cluster)).files.filter((f: File) => f.content?.startsWith('#!/bin/bash'));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [i, script] of scripts.entries()) {
      const path = join(dir, `script-${i}.sh`);
      writeFileSync(path, script.content!);
      expect(() => execFileSync('bash', ['-n', path], { stdio: 'pipe' })).not.toThrow();
    }
  });
});

describe('node setup options', () => {
  it('layers cluster, control plane and pool settings: commands add up, files and users replace by key', () => {
    const app = Testing.app();
    const cluster = new IonosCluster(app, 'prod-a', clusterProps({
      nodeSetup: {
        files: [{ path: '/etc/motd', content: 'cluster\n' }, { path: '/etc/sysctl.d/k8s.conf', content: 'vm.max_map_count = 262144\n' }],
        preKubeadmCommands: ['echo cluster'],
        ntpServers: ['ntp.example.org'],
        users: [{ name: 'ops', sshAuthorizedKeys: ['ssh-ed25519 AAAA ops@example'], sudo: 'ALL=(ALL) NOPASSWD:ALL' }],
        kubeletExtraArgs: { 'max-pods': '150' },
      },
      sshAuthorizedKeys: ['ssh-ed25519 BBBB root@example'],
      controlPlane: { endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } }, nodeSetup: { preKubeadmCommands: ['echo cp'] } },
    }));
    cluster.addNodePool('workers', {
      ...WORKERS,
      nodeSetup: {
        files: [{ path: '/etc/motd', content: 'pool\n', permissions: '0644' }],
        ntpServers: ['pool.example.org'],
        kubeletExtraArgs: { 'max-pods': '250', 'node-labels': 'tier=general' },
        preKubeadmCommands: ['echo pool'],
      },
      preKubeadmCommands: ['echo legacy'],
    });
    const objects = synth(cluster);
    const cp = controlPlaneSpec(objects);
    const worker = workerSpec(objects, 'prod-a-workers');
    expect(cp.preKubeadmCommands.slice(-2)).toEqual(['echo cluster', 'echo cp']);
    expect(worker.preKubeadmCommands.slice(-3)).toEqual(['echo cluster', 'echo pool', 'echo legacy']);
    const motd = (spec: { files: File[] }) => spec.files.filter((f) => f.path === '/etc/motd');
    expect(motd(cp)).toEqual([{ path: '/etc/motd', content: 'cluster\n', owner: 'root:root' }]);
    expect(motd(worker)).toEqual([{ path: '/etc/motd', content: 'pool\n', owner: 'root:root', permissions: '0644' }]);
    expect(worker.files.filter((f: File) => f.path === '/etc/sysctl.d/k8s.conf').map((f: File) => f.content)).toEqual(['vm.max_map_count = 262144\n']);
    expect(cp.ntp.servers).toEqual(['ntp.example.org']);
    expect(worker.ntp.servers).toEqual(['pool.example.org']);
    expect(cp.users).toEqual([
      { name: 'root', sshAuthorizedKeys: ['ssh-ed25519 BBBB root@example'] },
      { name: 'ops', sshAuthorizedKeys: ['ssh-ed25519 AAAA ops@example'], sudo: 'ALL=(ALL) NOPASSWD:ALL' },
    ]);
    expect(cp.initConfiguration.nodeRegistration.kubeletExtraArgs).toEqual({ 'cloud-provider': '', 'max-pods': '150' });
    expect(cp.joinConfiguration.nodeRegistration.kubeletExtraArgs).toEqual({ 'cloud-provider': '', 'max-pods': '150' });
    expect(worker.joinConfiguration.nodeRegistration.kubeletExtraArgs).toEqual({ 'cloud-provider': '', 'max-pods': '250', 'node-labels': 'tier=general' });
    expect(validateObjects(objects as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });

  it('merges layers without inventing fields', () => {
    expect(mergeNodeSetup(undefined, {})).toEqual({});
    expect(mergeNodeSetup({ nodeIp: { interface: 'eth1' } }, { nodeIp: { pin: false } })).toEqual({ nodeIp: { interface: 'eth1', pin: false } });
    expect(mergeNodeSetup({ profile: 'minimal' }, { profile: 'reference' }, {})).toEqual({ profile: 'reference' });
  });

  it('references a Secret for file content without putting the content in the manifest', () => {
    const { cluster } = newCluster({ nodeSetup: { files: [{ path: '/etc/secret.conf', contentFromSecret: { name: 'node-secret', key: 'conf' }, permissions: '0600' }] } });
    const file = controlPlaneSpec(synth(cluster)).files.find((f: File) => f.path === '/etc/secret.conf');
    expect(file).toEqual({ path: '/etc/secret.conf', contentFrom: { secret: { name: 'node-secret', key: 'conf' } }, owner: 'root:root', permissions: '0600' });
  });

  it('pins or does not pin as told, on the interface given', () => {
    const { cluster } = newCluster({ nodeSetup: { nodeIp: { pin: false } } });
    cluster.addNodePool('workers', { ...TWO_NICS, nodeSetup: { nodeIp: { pin: true, interface: 'ens7' } } });
    const objects = synth(cluster);
    expect(paths(controlPlaneSpec(objects))).not.toContain('/etc/set-node-ip.sh');
    expect(workerSpec(objects, 'prod-a-workers').preKubeadmCommands).toContain('/etc/set-node-ip.sh ens7');
  });

  it('rejects bad files, users, flags and interfaces, never quoting file content', () => {
    const problems = problemsOf(() => newCluster({
      nodeSetup: {
        files: [
          { path: 'relative/path', content: 'TOP-SECRET' },
          { path: '/etc/a', content: 'x', contentFromSecret: { name: 's', key: 'k' }, permissions: '644x', owner: 'Root Root' },
          { path: '/etc/a', content: 'y' },
        ],
        users: [{ name: 'Bad User' }, { name: 'ops', sshAuthorizedKeys: ['not-a-key'] }],
        kubeletExtraArgs: { '--max-pods': '1' },
        nodeIp: { interface: 'eth 0' },
        profile: 'fancy' as 'minimal',
      },
    }));
    const text = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    for (const fragment of ['nodeSetup.files[0].path', 'nodeSetup.files[1]: give exactly one', 'nodeSetup.files[1].permissions', 'nodeSetup.files[1].owner',
      'nodeSetup.files[2].path', 'nodeSetup.users[0].name', 'nodeSetup.users[1].sshAuthorizedKeys[0]', 'nodeSetup.kubeletExtraArgs',
      'nodeSetup.nodeIp.interface', 'nodeSetup.profile']) {
      expect(text).toContain(fragment);
    }
    expect(text).not.toContain('TOP-SECRET');
  });
});

describe('cluster metadata, CNI, endpoint host name and names', () => {
  it('labels and annotates the Cluster and the machines', () => {
    const { cluster } = newCluster({
      labels: { env: 'prod', 'example.com/team': 'platform' },
      annotations: { 'example.com/owner': 'Platform team <platform@example.com>' },
      controlPlane: {
        endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } },
        machineLabels: { role: 'cp' }, machineAnnotations: { 'example.com/note': 'control plane' },
      },
    });
    cluster.addNodePool('workers', { ...WORKERS, labels: { tier: 'general' }, annotations: { 'example.com/note': 'workers' } });
    const objects = synth(cluster);
    const c = objects.find((o) => o.kind === 'Cluster')!;
    expect(c.metadata.labels).toEqual({ 'cluster.x-k8s.io/cluster-name': 'prod-a', env: 'prod', 'example.com/team': 'platform' });
    expect(c.metadata.annotations).toEqual({ 'example.com/owner': 'Platform team <platform@example.com>' });
    expect(objects.find((o) => o.kind === 'KubeadmControlPlane')!.spec.machineTemplate.metadata).toEqual({
      labels: { role: 'cp' }, annotations: { 'example.com/note': 'control plane' },
    });
    const md = objects.find((o) => o.kind === 'MachineDeployment')!;
    expect(md.spec.template.metadata.labels.tier).toBe('general');
    expect(md.spec.template.metadata.annotations).toEqual({ 'example.com/note': 'workers' });
    expect(validateObjects(objects as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });

  it('rejects a label key "bad key!", a too long label value and a bad annotation key, naming the prop', () => {
    const problems = problemsOf(() => newCluster({
      labels: { 'bad key!': 'x', ok: 'v'.repeat(64) },
      annotations: { '/nope': 'x' },
    }));
    expect(problems.map((p) => p.path)).toEqual(['prod-a: labels', 'prod-a: labels', 'prod-a: annotations']);
    expect(problems[0]!.message).toContain('label key "bad key!"');
    const { cluster } = newCluster();
    expect(problemsOf(() => cluster.addNodePool('workers', { ...WORKERS, labels: { 'bad key!': 'x' } }))[0]!.path).toBe('prod-a/workers: labels');
  });

  it('installs a CNI through a ConfigMap and a ClusterResourceSet selecting the cluster', () => {
    const manifest = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: calico-system\n';
    const { cluster } = newCluster({ cni: { manifest } });
    const objects = synth(cluster);
    const cm = objects.find((o) => o.kind === 'ConfigMap')!;
    expect(cm.metadata).toEqual({ name: 'prod-a-cni', namespace: 'prod-a', labels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } });
    expect(cm.data).toEqual({ 'manifests.yaml': manifest });
    const crs = objects.find((o) => o.kind === 'ClusterResourceSet')!;
    expect(crs.spec).toEqual({
      clusterSelector: { matchLabels: { 'cluster.x-k8s.io/cluster-name': 'prod-a' } },
      resources: [{ kind: 'ConfigMap', name: 'prod-a-cni' }],
      strategy: 'ApplyOnce',
    });
    expect(validateObjects(objects as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });

  it('rejects an empty CNI manifest', () => {
    expect(problemsOf(() => newCluster({ cni: { manifest: '  \n' } }))[0]!.message).toContain('is empty');
  });

  it('writes an endpoint host name to the IonosCloudCluster while kube-vip holds the address', () => {
    const { cluster } = newCluster({
      controlPlane: { endpoint: { host: '10.20.0.10', hostname: 'api.prod-a.example.com' }, machine: { disk: { image: IMAGE } }, kubeVip: { interface: 'ens6', image: 'registry.example.com/kube-vip:v0.8.0' } },
    });
    const objects = synth(cluster);
    expect(objects.find((o) => o.kind === 'IonosCloudCluster')!.spec.controlPlaneEndpoint).toEqual({ host: 'api.prod-a.example.com', port: 6443 });
    const manifest = controlPlaneSpec(objects).files.find((f: File) => f.path === '/etc/kubernetes/manifests/kube-vip.yaml').content;
    expect(manifest).toContain('value: 10.20.0.10');
    expect(manifest).toContain('value: ens6');
    expect(manifest).toContain('image: registry.example.com/kube-vip:v0.8.0');
    expect(problemsOf(() => newCluster({ controlPlane: { endpoint: { host: '10.20.0.10', hostname: 'API_HOST' }, machine: { disk: { image: IMAGE } } } }))[0]!.path)
      .toBe('prod-a: controlPlane.endpoint.hostname');
  });

  it('names the control-plane and node pool objects as told', () => {
    const { cluster } = newCluster({ controlPlane: { endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } }, resourceName: 'prod-a-cp' } });
    cluster.addNodePool('workers', { ...WORKERS, resourceName: 'prod-a-md-0' });
    const objects = synth(cluster);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Cluster/prod-a', 'IonosCloudCluster/prod-a', 'IonosCloudMachineTemplate/prod-a-cp', 'IonosCloudMachineTemplate/prod-a-md-0',
      'KubeadmConfigTemplate/prod-a-md-0', 'KubeadmControlPlane/prod-a-cp', 'MachineDeployment/prod-a-md-0',
    ]);
    expect(objects.find((o) => o.kind === 'Cluster')!.spec.controlPlaneRef.name).toBe('prod-a-cp');
    expect(objects.find((o) => o.kind === 'KubeadmControlPlane')!.spec.machineTemplate.infrastructureRef.name).toBe('prod-a-cp');
  });
});
