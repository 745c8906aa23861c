/**
 * Bootstrap data: the real Cluster API managers (core, kubeadm bootstrap, kubeadm control plane,
 * v1.10) and the IONOS provider run against a test kube-apiserver, with their admission webhooks
 * registered, and render the cloud-init of every cluster of examples/basic/dist and
 * examples/fleet/dist: each KubeadmControlPlane's for its first control-plane machine
 * (`kubeadm init`) and each KubeadmConfigTemplate's for its MachineDeployment's workers
 * (`kubeadm join`). Every rendered user-data must pass `cloud-init schema` (Debian's cloud-init),
 * and every file, command and SSH key our manifests declare must be in it.
 *
 * Nothing is faked on the management side. The workload side is what a machine would create and
 * no machine boots here, so the test plays it: the test API server also serves as the workload
 * cluster (a `<cluster>-kubeconfig` Secret pointing at it, which Cluster API uses as given), and
 * once the first machine's init data exists the test creates `kube-system/kubeadm-config`, the
 * ConfigMap `kubeadm init` leaves behind, so the control plane counts as initialized and the
 * workers' join data follows. CAPIC's Cloud API URL points at a closed port of 127.0.0.1 (no server
 * is created; it only marks the IonosCloudCluster ready, which needs no Cloud API call).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type ApiServer,
  type KubeObject,
  REPO_ROOT,
  applyDistDir,
  applyErrors,
  applyServerSide,
  ensureNamespace,
  freePort,
  getObject,
  kubeRequest,
  readManifests,
  startApiServer,
} from '../k8s/harness.js';
import { type Manager, cloudInitBinary, installUpstreamCrds, listItems, peersAvailable, startManager, startManagers, stopAll, storedOrThrow, waitUntil } from './harness.js';
import { describeUnavailable } from './unavailable.js';

const availability = peersAvailable(['cluster-api', 'kubeadm-bootstrap', 'kubeadm-control-plane', 'capic'], { cloudInit: true });

interface KubeadmConfigSpec {
  files?: { path: string; content?: string; owner?: string; permissions?: string }[];
  preKubeadmCommands?: string[];
  postKubeadmCommands?: string[];
  users?: { name: string; sshAuthorizedKeys?: string[] }[];
  ntp?: { enabled?: boolean; servers?: string[] };
}

interface CloudConfig {
  write_files?: { path: string; content?: string; owner?: string; permissions?: string }[];
  runcmd?: (string | string[])[];
  users?: { name: string; ssh_authorized_keys?: string[] }[];
  ntp?: { enabled?: boolean; servers?: string[] };
}

/** A machine's rendered user-data and the spec it was rendered from. */
interface Rendered {
  machine: string;
  secret: string;
  controlPlane: boolean;
  /** `namespace/name` of its KubeadmControlPlane or MachineDeployment. */
  owner: string;
  text: string;
  spec: KubeadmConfigSpec;
}

const key = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

describe.skipIf(!availability.ok).each(['basic', 'fleet'])('bootstrap data of examples/%s: the kubeadm bootstrap controller renders our KubeadmControlPlanes and KubeadmConfigTemplates', (example) => {
  const dist = readManifests(join(REPO_ROOT, 'examples', example, 'dist'));
  const byKind = (kind: string) => new Map(dist.filter((o) => o.kind === kind).map((o) => [key(o), o]));
  const clusters = [...byKind('Cluster').values()];
  const kcps = byKind('KubeadmControlPlane');
  const templates = byKind('KubeadmConfigTemplate');
  const deployments = byKind('MachineDeployment');
  const workerCount = [...deployments.values()].reduce((n, md) => n + ((md.spec as { replicas?: number }).replicas ?? 1), 0);

  let server: ApiServer;
  let managers: Manager[] = [];
  let applied: KubeObject[] = [];
  /** Bootstrap data Secret `namespace/name` → what it holds, for every Machine that got one. */
  const userData = new Map<string, Rendered>();

  const waitFor = (what: string, check: () => Promise<boolean>, timeoutMs: number) => waitUntil(what, check, timeoutMs, managers);

  /** The spec a machine's bootstrap data comes from: its KubeadmControlPlane's, or its MachineDeployment's template's. */
  function specOf(machine: KubeObject): { controlPlane: boolean; owner: string; spec: KubeadmConfigSpec } {
    const labels = (machine.metadata.labels ?? {}) as Record<string, string>;
    const ns = machine.metadata.namespace;
    const cp = labels['cluster.x-k8s.io/control-plane-name'];
    if (cp !== undefined) {
      const kcp = kcps.get(`${ns}/${cp}`);
      if (!kcp) throw new Error(`machine ${key(machine)}: no KubeadmControlPlane ${cp} in the dist`);
      return { controlPlane: true, owner: key(kcp), spec: (kcp.spec as { kubeadmConfigSpec: KubeadmConfigSpec }).kubeadmConfigSpec };
    }
    const md = deployments.get(`${ns}/${labels['cluster.x-k8s.io/deployment-name']}`);
    if (!md) throw new Error(`machine ${key(machine)}: neither a control-plane machine nor one of a MachineDeployment of the dist`);
    const ref = (md.spec as { template: { spec: { bootstrap: { configRef: { name: string } } } } }).template.spec.bootstrap.configRef;
    const template = templates.get(`${ns}/${ref.name}`);
    if (!template) throw new Error(`MachineDeployment ${key(md)}: no KubeadmConfigTemplate ${ref.name} in the dist`);
    return { controlPlane: false, owner: key(md), spec: (template.spec as { template: { spec: KubeadmConfigSpec } }).template.spec };
  }

  async function collectUserData(): Promise<void> {
    for (const machine of await listItems(server, '/apis/cluster.x-k8s.io/v1beta1/machines')) {
      const secretName = (machine.spec as { bootstrap?: { dataSecretName?: string } }).bootstrap?.dataSecretName;
      const ns = machine.metadata.namespace!;
      if (!secretName || userData.has(`${ns}/${secretName}`)) continue;
      const secret = await getObject(server, { apiVersion: 'v1', kind: 'Secret', metadata: { name: secretName, namespace: ns } });
      const data = (secret?.data ?? {}) as Record<string, string>;
      expect(Buffer.from(data.format ?? '', 'base64').toString()).toBe('cloud-config');
      userData.set(`${ns}/${secretName}`, { machine: key(machine), secret: `${ns}/${secretName}`, text: Buffer.from(data.value ?? '', 'base64').toString(), ...specOf(machine) });
    }
  }

  beforeAll(async () => {
    server = await startApiServer();
    try {
      await installUpstreamCrds(server);
      managers = await startManagers(server, ['kubeadm-bootstrap', 'kubeadm-control-plane', 'capic']);
      // The MachineSet preflight checks wait for a stable control plane (booted machines here);
      // without them the workers' Machines are created at once, as with Cluster API before v1.5.
      managers.push(await startManager(server, 'cluster-api', { extraArgs: ['--feature-gates=MachineSetPreflightChecks=false'] }));
      const closedPort = await freePort();
      const workloadKubeconfig = readFileSync(server.kubeconfigPath).toString('base64');
      const setup: KubeObject[] = [];
      for (const cluster of clusters) {
        const ns = cluster.metadata.namespace!;
        const name = cluster.metadata.name;
        await ensureNamespace(server, ns);
        const infra = dist.find((o) => o.kind === 'IonosCloudCluster' && o.metadata.namespace === ns && o.metadata.name === name)!;
        const credentials = (infra.spec as { credentialsRef: { name: string } }).credentialsRef.name;
        setup.push(
          // Given as is (type Opaque): Cluster API neither adopts nor rotates it.
          {
            apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
            metadata: { name: `${name}-kubeconfig`, namespace: ns, labels: { 'cluster.x-k8s.io/cluster-name': name } },
            data: { value: workloadKubeconfig },
          } as KubeObject,
          {
            apiVersion: 'v1', kind: 'Secret', metadata: { name: credentials, namespace: ns },
            stringData: { token: 'test-token', apiURL: `https://127.0.0.1:${closedPort}`, caBundle: server.caPem },
          } as KubeObject,
        );
      }
      expect(applyErrors(await applyServerSide(server, setup))).toEqual([]);
      applied = storedOrThrow(await applyDistDir(server, join(REPO_ROOT, 'examples', example, 'dist')));
    } catch (e) {
      await stopAll(managers, server);
      throw e;
    }
  }, 600_000);

  afterAll(() => stopAll(managers, server), 120_000);

  it('admits every object of the example through the real webhooks, which are live', async () => {
    expect(applied.length).toBe(dist.filter((o) => !o.apiVersion.startsWith('kustomize.config.k8s.io/')).length);
    // The control-plane webhook answers: a version that is not semver is refused by it, not by the CRD.
    const kcp = [...kcps.values()][0]!;
    const [bad] = await applyServerSide(server, [{ ...kcp, spec: { ...(kcp.spec as object), version: 'banana' } }], { dryRun: true });
    expect(bad!.ok).toBe(false);
    expect(bad!.message).toMatch(/admission webhook "validation\.kubeadmcontrolplane\.controlplane\.cluster\.x-k8s\.io" denied the request/);
  });

  it(`renders each control plane's init data, then every worker's join data`, async () => {
    const initialized = () => new Set([...userData.values()].filter((u) => u.controlPlane).map((u) => u.owner));
    await waitFor(`the first control-plane machine of each of ${kcps.size} clusters bootstrapped`, async () => {
      await collectUserData();
      return initialized().size >= kcps.size;
    }, 300_000);
    // What `kubeadm init` leaves on a real first control-plane node: the control plane is initialized.
    await kubeRequest(server, 'POST', '/api/v1/namespaces/kube-system/configmaps', {
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubeadm-config', namespace: 'kube-system' }, data: { ClusterConfiguration: '' } },
    });
    await waitFor(`bootstrap data of ${workerCount} workers`, async () => {
      await collectUserData();
      return [...userData.values()].filter((u) => !u.controlPlane).length >= workerCount;
    }, 300_000);
  }, 700_000);

  it('renders user-data that `cloud-init schema` accepts, with every file, command and key we declare', () => {
    expect(userData.size, 'no bootstrap data was rendered').toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'capi-ionos-cloud-init-'));
    try {
      for (const { machine, secret, controlPlane, text, spec } of userData.values()) {
        const base = join(dir, secret.replace('/', '_'));
        // Cluster API writes a Jinja template ('## template: jinja'); cloud-init renders it with the
        // instance's data on boot, so the schema applies to what it renders.
        writeFileSync(`${base}.user-data`, text);
        const name = machine.split('/')[1]!;
        writeFileSync(`${base}.instance-data.json`, JSON.stringify({ v1: { local_hostname: name, instance_id: name }, ds: { meta_data: { local_hostname: name, hostname: name } } }));
        const rendered = text.startsWith('## template: jinja')
          ? execFileSync(cloudInitBinary()!, ['devel', 'render', '-i', `${base}.instance-data.json`, `${base}.user-data`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
          : text;
        writeFileSync(`${base}.yaml`, rendered);
        let report = '';
        try {
          report = execFileSync(cloudInitBinary()!, ['schema', '--config-file', `${base}.yaml`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (e) {
          const err = e as { stdout?: string; stderr?: string };
          throw new Error(`cloud-init schema rejects the user-data of machine ${machine} (Secret ${secret}):\n${err.stdout ?? ''}${err.stderr ?? ''}`);
        }
        expect(report).toMatch(/Valid (cloud-config|schema)/);

        const config = parse(rendered) as CloudConfig;
        const what = `machine ${machine}`;
        for (const f of spec.files ?? []) {
          const written = (config.write_files ?? []).find((w) => w.path === f.path);
          expect(written, `${what}: write_files has ${f.path}`).toBeDefined();
          expect(written!.content, `${what}: content of ${f.path}`).toBe(f.content);
          if (f.owner) expect(written!.owner, `${what}: owner of ${f.path}`).toBe(f.owner);
          if (f.permissions) expect(written!.permissions, `${what}: permissions of ${f.path}`).toBe(f.permissions);
        }
        const runcmd = (config.runcmd ?? []).map((c) => (Array.isArray(c) ? c.join(' ') : c));
        const kubeadm = runcmd.findIndex((c) => /kubeadm (init|join)/.test(c));
        expect(kubeadm, `${what}: runcmd runs kubeadm`).toBeGreaterThanOrEqual(0);
        expect(runcmd[kubeadm], what).toMatch(controlPlane ? /kubeadm init/ : /kubeadm join/);
        // Our commands, in our order, before and after kubeadm.
        expect(runcmd.slice(0, kubeadm).filter((c) => (spec.preKubeadmCommands ?? []).includes(c)), `${what}: preKubeadmCommands`).toEqual(spec.preKubeadmCommands ?? []);
        expect(runcmd.slice(kubeadm + 1).filter((c) => (spec.postKubeadmCommands ?? []).includes(c)), `${what}: postKubeadmCommands`).toEqual(spec.postKubeadmCommands ?? []);
        for (const u of spec.users ?? []) {
          const user = (config.users ?? []).find((x) => x.name === u.name);
          expect(user, `${what}: user ${u.name}`).toBeDefined();
          expect(user!.ssh_authorized_keys ?? [], `${what}: keys of ${u.name}`).toEqual(u.sshAuthorizedKeys ?? []);
        }
        if (spec.ntp?.servers) expect(config.ntp?.servers, `${what}: ntp servers`).toEqual(spec.ntp.servers);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeUnavailable('bootstrap data: the kubeadm bootstrap controller renders our KubeadmControlPlanes and KubeadmConfigTemplates', availability);
