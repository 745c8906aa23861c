import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFleetFiles } from '../../src/fleet/files.js';
import { parseFleet } from '../../src/fleet/read.js';
import { validateObjects } from '../../src/synth/validate.js';
import { run } from '../cli/run.js';
import { formatProblem, type Problem } from '../../src/problems.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/capic-ipam');
const TEXT = readFileSync(join(FIXTURE, 'fleet.yaml'), 'utf8');

function edit(from: string, to: string): string {
  if (!TEXT.includes(from)) throw new Error(`fixture has no ${from}`);
  return TEXT.replace(from, to);
}

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    return (error as { problems: Problem[] }).problems.map((p) => formatProblem(p));
  }
  throw new Error('expected problems');
}

/** A copy of the fixture in a scratch directory, with `fleet.yaml` replaced by `text` if given. */
function workspace(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'capic-ipam-'));
  cpSync(FIXTURE, dir, { recursive: true });
  if (text !== undefined) writeFileSync(join(dir, 'fleet.yaml'), text);
  return dir;
}

type Obj = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, any>; data?: Record<string, string> };

function objects(dir: string): Obj[] {
  const out = join(dir, 'dist', 'capic-ipam');
  return readdirSync(out).filter((f) => f.endsWith('.k8s.yaml')).map((f) => parse(readFileSync(join(out, f), 'utf8')) as Obj);
}

describe('node setup in the fleet file', () => {
  it('rejects a label key "bad key!" with the file, the path and its line', () => {
    const found = problems(() => parseFleet(edit('labels: {cni: capic-ipam-crs-0}', 'labels: {"bad key!": x, ok: "a b"}'), 'fleet.yaml'));
    expect(found).toEqual([
      expect.stringMatching(/^fleet\.yaml:24:\d+: error: clusters\[0\]\.labels\["bad key!"\]: label key "bad key!": name part must consist of alphanumerics/),
      expect.stringMatching(/^fleet\.yaml:24:\d+: error: clusters\[0\]\.labels\.ok: label value "a b": must be empty or consist/),
    ]);
  });

  it('collects every node setup problem at once, each with its path', () => {
    const text = edit('    nodePools:\n', `      nodeSetup:
        profile: fancy
        files:
          - {path: etc/relative, content: SECRET-CONTENT}
          - {path: /etc/a, content: x, file: a.txt}
          - {path: /etc/b, file: ../outside.txt}
        users: [{name: Bad User}]
        kubeletExtraArgs: {--max-pods: "10"}
        nodeIp: {pin: yes please}
        ntpServers: ["bad server"]
      machineAnnotations: {"/x": y}
      kubeVip: {interface: "eth 0"}
      endpointHost: API.example.com
      resourceName: CP
    nodePools:
`);
    const found = problems(() => parseFleet(text, 'fleet.yaml')).join('\n');
    for (const path of ['controlPlane.nodeSetup.profile', 'controlPlane.nodeSetup.files[0].path', 'controlPlane.nodeSetup.files[1]: ',
      'controlPlane.nodeSetup.files[2].file', 'controlPlane.nodeSetup.users[0].name', 'controlPlane.nodeSetup.kubeletExtraArgs["--max-pods"]',
      'controlPlane.nodeSetup.nodeIp.pin', 'controlPlane.nodeSetup.ntpServers[0]', 'controlPlane.machineAnnotations["/x"]',
      'controlPlane.kubeVip.interface', 'controlPlane.endpointHost', 'controlPlane.resourceName']) {
      expect(found).toContain(`clusters[0].${path}`);
    }
    expect(found).not.toContain('SECRET-CONTENT');
  });

  it('reads node files and the CNI manifest from the fleet directory, naming missing ones without their content', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'motd'), 'hello\n');
    const fleet = parseFleet(edit('    nodePools:\n', '      nodeSetup: {files: [{path: /etc/motd, file: motd}]}\n    nodePools:\n'), 'fleet.yaml');
    const loaded = loadFleetFiles(fleet, dir);
    expect(loaded.clusters[0]!.controlPlane.nodeSetup!.files![0]).toEqual({ path: '/etc/motd', file: 'motd', content: 'hello\n' });
    expect(loaded.clusters[0]!.cni!.manifest.content).toContain('calico-system');
    expect(problems(() => loadFleetFiles(fleet, join(dir, 'cni')))).toEqual([
      'error: clusters[0].cni.manifest: "cni/calico.yaml": no such file; paths are relative to the fleet file\'s directory',
      'error: clusters[0].controlPlane.nodeSetup.files[0].file: "motd": no such file; paths are relative to the fleet file\'s directory',
    ]);
  });

  it('rejects a file that leads outside the fleet directory through a symbolic link', () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret'), 'TOP-SECRET\n');
    const dir = workspace();
    symlinkSync(join(outside, 'secret'), join(dir, 'link'));
    const fleet = parseFleet(edit('    nodePools:\n', '      nodeSetup: {files: [{path: /etc/x, file: link}]}\n    nodePools:\n'), 'fleet.yaml');
    const found = problems(() => loadFleetFiles(fleet, dir));
    expect(found).toEqual([expect.stringContaining('clusters[0].controlPlane.nodeSetup.files[0].file: "link" leads outside the fleet file\'s directory')]);
    expect(found.join('')).not.toContain('TOP-SECRET');
  });

  it('fails synth naming the fleet file when a named file is missing', async () => {
    const dir = workspace(edit('cni/calico.yaml', 'cni/missing.yaml'));
    const result = await run(['synth', join(dir, 'fleet.yaml'), '-o', join(dir, 'dist')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fleet.yaml');
    expect(result.stderr).toContain('clusters[0].cni.manifest');
    expect(result.stderr).toContain('"cni/missing.yaml": no such file');
  });
});

describe("the provider's IPAM example as a fleet", () => {
  it('synthesises with the reference node setup on control plane and workers, the node IP pinned on the two-NIC workers', async () => {
    const dir = workspace();
    const result = await run(['synth', join(dir, 'fleet.yaml'), '-o', join(dir, 'dist')]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const all = objects(dir);
    const kcp = all.find((o) => o.kind === 'KubeadmControlPlane')!.spec.kubeadmConfigSpec;
    const workers = all.find((o) => o.kind === 'KubeadmConfigTemplate')!.spec.template.spec;
    for (const spec of [kcp, workers]) {
      const paths = spec.files.map((f: { path: string }) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['/etc/sysctl.d/k8s.conf', '/etc/modules-load.d/k8s.conf', '/etc/crictl.yaml',
        '/etc/ssh/sshd_config.d/ssh-audit_hardening.conf', '/etc/set-node-ip.sh', '/etc/ie-csi/cfg.json']));
      expect(spec.preKubeadmCommands).toEqual(expect.arrayContaining(['swapoff -a', 'sysctl --system', '/etc/set-node-ip.sh ens6']));
      expect(spec.postKubeadmCommands).toContain('/etc/capi-ionos/harden-node.sh');
      expect(spec.ntp.enabled).toBe(true);
      expect(spec.users).toEqual([{ name: 'root', sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTheTests e2e@example.org'] }]);
    }
    const templates = all.filter((o) => o.kind === 'IonosCloudMachineTemplate');
    for (const t of templates) expect(t.spec.template.spec.ipv4PoolRef).toEqual({ apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPool', name: 'capic-ipam-public' });
    expect(all.find((o) => o.kind === 'Cluster')!.metadata.labels).toEqual({ 'cluster.x-k8s.io/cluster-name': 'capic-ipam', cni: 'capic-ipam-crs-0' });
    expect(all.find((o) => o.kind === 'ConfigMap')!.data!['manifests.yaml']).toContain('kind: Namespace');
    expect(all.find((o) => o.kind === 'ClusterResourceSet')!.spec.resources).toEqual([{ kind: 'ConfigMap', name: 'capic-ipam-crs-0' }]);
    expect(validateObjects(all as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });

  it('applies fleet defaults under cluster, control-plane and pool settings', async () => {
    const dir = workspace(edit('clusters:\n', `defaults:
  nodeSetup: {profile: minimal, ntpServers: [ntp.example.org], preKubeadmCommands: [echo fleet]}
  kubeVip: {image: registry.example.org/kube-vip:v0.8.0, interface: ens6}
  labels: {fleet: capic-e2e}
  annotations: {example.org/owner: platform}
clusters:
`).replace('    nodePools:\n', `      endpointHost: api.capic-ipam.example.org
      resourceName: capic-ipam-cp
      nodeSetup: {preKubeadmCommands: [echo cp]}
    nodePools:
`).replace('        additionalNetworks:\n', `        annotations: {example.org/pool: workers}
        nodeSetup: {profile: reference, kubeletExtraArgs: {max-pods: "200"}}
        additionalNetworks:
`));
    const result = await run(['synth', join(dir, 'fleet.yaml'), '-o', join(dir, 'dist')]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const all = objects(dir);
    const kcp = all.find((o) => o.kind === 'KubeadmControlPlane')!;
    expect(kcp.metadata.name).toBe('capic-ipam-cp');
    const cp = kcp.spec.kubeadmConfigSpec;
    expect(cp.files.map((f: { path: string }) => f.path)).not.toContain('/etc/sysctl.d/k8s.conf');
    expect(cp.ntp.servers).toEqual(['ntp.example.org']);
    expect(cp.preKubeadmCommands.slice(-2)).toEqual(['echo fleet', 'echo cp']);
    const vip = cp.files.find((f: { path: string }) => f.path === '/etc/kubernetes/manifests/kube-vip.yaml').content;
    expect(vip).toContain('image: registry.example.org/kube-vip:v0.8.0');
    expect(vip).toContain('value: 203.0.113.10');
    expect(all.find((o) => o.kind === 'IonosCloudCluster')!.spec.controlPlaneEndpoint).toEqual({ host: 'api.capic-ipam.example.org', port: 6443 });
    const cluster = all.find((o) => o.kind === 'Cluster')!;
    expect(cluster.metadata.labels).toMatchObject({ fleet: 'capic-e2e', cni: 'capic-ipam-crs-0' });
    const workers = all.find((o) => o.kind === 'KubeadmConfigTemplate')!.spec.template.spec;
    expect(workers.files.map((f: { path: string }) => f.path)).toContain('/etc/sysctl.d/k8s.conf');
    expect(workers.joinConfiguration.nodeRegistration.kubeletExtraArgs).toEqual({ 'cloud-provider': '', 'max-pods': '200' });
    expect(all.find((o) => o.kind === 'MachineDeployment')!.spec.template.metadata.annotations).toEqual({ 'example.org/pool': 'workers' });
    expect(validateObjects(all as unknown as Record<string, unknown>[]).problems).toEqual([]);
  });
});
