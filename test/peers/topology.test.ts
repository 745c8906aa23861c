/**
 * Topology mode against the real Cluster API topology controller: the Cluster API core manager
 * (v1.10, feature gate ClusterTopology on) and the kubeadm bootstrap and control-plane managers run
 * against a test kube-apiserver with their admission webhooks registered, and examples/topology/dist
 * (a ClusterClass with its templates, and Clusters with `spec.topology`) is applied as committed.
 *
 * What is checked is what the controllers did with it: the ClusterClass reconciler accepts the
 * class (its variables reconciled, no error), and the topology controller creates, for each
 * Cluster, its IonosCloudCluster, KubeadmControlPlane, MachineDeployments and their machine and
 * bootstrap templates from the class, with the class's patches applied: each object carries the
 * cluster's own planned endpoint, VIP, datacenter and pool references, the ones in the Cluster's
 * variables in the dist, which name that cluster's own InClusterIPPools of the dist.
 *
 * No infrastructure provider runs, so no IonosCloudCluster becomes ready and no Machine is created:
 * what is checked is the topology the controller wrote, which it does (MachineDeployments included)
 * before any control-plane machine exists. The feature gate must be on in all three managers: the
 * bootstrap and control-plane webhooks refuse the template kinds of a class otherwise.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiServer,
  type KubeObject,
  REPO_ROOT,
  applyDistDir,
  applyErrors,
  applyServerSide,
  getObject,
  readManifests,
  startApiServer,
} from '../k8s/harness.js';
import { type Manager, installUpstreamCrds, listItems, managerLogs, peersAvailable, startManagers, stopAll, storedOrThrow, waitUntil } from './harness.js';
import { describeUnavailable } from './unavailable.js';

const availability = peersAvailable(['cluster-api', 'kubeadm-bootstrap', 'kubeadm-control-plane']);

const DIST = join(REPO_ROOT, 'examples', 'topology', 'dist');
const TOPOLOGY = 'topology.cluster.x-k8s.io';

type Obj = KubeObject & { spec?: any; status?: any };
interface PoolRef {
  apiGroup: string;
  kind: string;
  name: string;
}
interface NetworkValue {
  ipv4PoolRef?: PoolRef;
  ipv6PoolRef?: PoolRef;
  additionalNetworks?: { networkID: number; ipv4PoolRef?: PoolRef; ipv6PoolRef?: PoolRef }[];
}
interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

const conditionsOf = (o: Obj | undefined): Condition[] => (o?.status?.conditions ?? []) as Condition[];
const condition = (o: Obj | undefined, type: string) => conditionsOf(o).find((c) => c.type === type);

/** The value of a topology variable, with the machine deployment's override if it has one. */
function variable(cluster: Obj, name: string, md?: { variables?: { overrides?: { name: string; value: unknown }[] } }): any {
  const override = md?.variables?.overrides?.find((v) => v.name === name);
  if (override) return override.value;
  return (cluster.spec.topology.variables as { name: string; value: unknown }[]).find((v) => v.name === name)?.value;
}

/** Every pool reference of a network variable value. */
function poolRefs(network: NetworkValue): PoolRef[] {
  return [network.ipv4PoolRef, network.ipv6PoolRef, ...(network.additionalNetworks ?? []).flatMap((n) => [n.ipv4PoolRef, n.ipv6PoolRef])].filter(
    (r): r is PoolRef => r !== undefined,
  );
}

/**
 * The network fields of a machine template, or those a network variable value must have been
 * patched into, with the CRD's default for an additional network's `dhcp` (true) filled in.
 */
function networkFields(network: NetworkValue): NetworkValue {
  const fields: NetworkValue = Object.fromEntries(Object.entries(network).filter(([k]) => ['ipv4PoolRef', 'ipv6PoolRef', 'additionalNetworks'].includes(k)));
  if (fields.additionalNetworks) fields.additionalNetworks = fields.additionalNetworks.map((n) => ({ dhcp: true, ...n }));
  return fields;
}

describe.skipIf(!availability.ok)('examples/topology against the real Cluster API topology controller', () => {
  const dist = readManifests(DIST) as Obj[];
  const clusterClasses = dist.filter((o) => o.kind === 'ClusterClass');
  const clusters = dist.filter((o) => o.kind === 'Cluster' && o.spec?.topology);
  /** The InClusterIPPools each cluster's own directory of the dist holds. */
  const ownPools = new Map(clusters.map((c) => [c.metadata.name, readManifests(join(DIST, c.metadata.name)).filter((o) => o.kind === 'InClusterIPPool')]));
  const classTemplate = (kind: string, name: string) => dist.find((o) => o.kind === kind && o.metadata.name === name)!;

  let server: ApiServer;
  let managers: Manager[] = [];
  let applied: KubeObject[] = [];

  const waitFor = (what: string, check: () => Promise<boolean>, timeoutMs: number) => waitUntil(what, check, timeoutMs, managers);
  const list = (path: string) => listItems(server, path) as Promise<Obj[]>;

  async function get(ref: { apiVersion: string; kind: string; name: string; namespace?: string }, namespace: string): Promise<Obj> {
    const o = await getObject(server, { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, namespace: ref.namespace ?? namespace } });
    if (!o) throw new Error(`${ref.kind} ${namespace}/${ref.name} does not exist\n${managerLogs(managers)}`);
    return o as Obj;
  }

  const current = (cluster: Obj) => get({ apiVersion: cluster.apiVersion, kind: 'Cluster', name: cluster.metadata.name }, cluster.metadata.namespace!);

  async function machineDeploymentsOf(cluster: Obj): Promise<Map<string, Obj>> {
    const selector = encodeURIComponent(`cluster.x-k8s.io/cluster-name=${cluster.metadata.name}`);
    const mds = await list(`/apis/cluster.x-k8s.io/v1beta1/namespaces/${cluster.metadata.namespace}/machinedeployments?labelSelector=${selector}`);
    return new Map(mds.map((md) => [(md.metadata.labels as Record<string, string>)[`${TOPOLOGY}/deployment-name`]!, md]));
  }

  beforeAll(async () => {
    server = await startApiServer();
    try {
      await installUpstreamCrds(server);
      // The bootstrap and control-plane webhooks refuse a class's template kinds unless the gate is on there too.
      managers = await startManagers(server, ['kubeadm-bootstrap', 'kubeadm-control-plane', 'cluster-api'], { extraArgs: ['--feature-gates=ClusterTopology=true'] });
      // The credentials Secret the IonosCloudClusters reference (read by CAPIC only, which does not run here).
      const secrets = [...new Set(clusters.map((c) => `${c.metadata.namespace}/${variable(c, 'credentialsSecret')}`))].map((k) => {
        const [namespace, name] = k.split('/');
        return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, stringData: { token: 'test-token' } } as KubeObject;
      });
      applied = storedOrThrow(await applyDistDir(server, DIST), managers);
      expect(applyErrors(await applyServerSide(server, secrets))).toEqual([]);
    } catch (e) {
      await stopAll(managers, server);
      throw e;
    }
  }, 600_000);

  afterAll(() => stopAll(managers, server), 120_000);

  it('admits every object of the example through the real webhooks', () => {
    expect(applied.length).toBe(dist.filter((o) => !o.apiVersion.startsWith('kustomize.config.k8s.io/')).length);
    expect(clusterClasses.length).toBeGreaterThan(0);
    expect(clusters.length).toBeGreaterThan(1);
  });

  it('reconciles each ClusterClass: its variables are reconciled, every template reference resolves', async () => {
    for (const cc of clusterClasses) {
      let live: Obj | undefined;
      await waitFor(`ClusterClass ${cc.metadata.name} reconciled`, async () => {
        live = await get({ apiVersion: cc.apiVersion, kind: 'ClusterClass', name: cc.metadata.name }, cc.metadata.namespace!);
        return live.status?.observedGeneration === live.metadata.generation && condition(live, 'VariablesReconciled')?.status === 'True';
      }, 120_000);
      const bad = conditionsOf(live).filter((c) => c.status !== 'True');
      expect(bad, `ClusterClass ${cc.metadata.name} conditions`).toEqual([]);
      const declared = (cc.spec.variables as { name: string }[]).map((v) => v.name).sort();
      expect((live!.status.variables as { name: string }[]).map((v) => v.name).sort()).toEqual(declared);
    }
  }, 180_000);

  it('creates each cluster\'s IonosCloudCluster and KubeadmControlPlane from the class, patched with the cluster\'s own values', async () => {
    for (const cluster of clusters) {
      const ns = cluster.metadata.namespace!;
      const name = cluster.metadata.name;
      let live: Obj | undefined;
      await waitFor(`Cluster ${name}: control plane and infrastructure cluster created`, async () => {
        live = await current(cluster);
        return !!live.spec.controlPlaneRef && !!live.spec.infrastructureRef;
      }, 120_000);

      const endpoint = variable(cluster, 'controlPlaneEndpoint') as { host: string; port: number };
      const infra = await get(live!.spec.infrastructureRef, ns);
      expect(infra.kind).toBe('IonosCloudCluster');
      expect(infra.spec.controlPlaneEndpoint, `IonosCloudCluster of ${name}: endpoint`).toEqual(endpoint);
      expect(infra.spec.credentialsRef.name).toBe(variable(cluster, 'credentialsSecret'));
      expect(infra.spec.location).toBe(variable(cluster, 'location'));

      const kcp = await get(live!.spec.controlPlaneRef, ns);
      expect(kcp.kind).toBe('KubeadmControlPlane');
      expect(kcp.spec.version).toBe(cluster.spec.topology.version);
      expect(kcp.spec.replicas).toBe(cluster.spec.topology.controlPlane.replicas);
      const config = kcp.spec.kubeadmConfigSpec;
      expect(config.initConfiguration.localAPIEndpoint.bindPort).toBe(endpoint.port);
      expect(config.joinConfiguration.controlPlane.localAPIEndpoint.bindPort).toBe(endpoint.port);
      const file = (path: string) => (config.files as { path: string; content: string }[]).find((f) => f.path === path)?.content ?? '';
      // kube-vip announces the cluster's own VIP on the endpoint's port.
      const kubeVip = file('/etc/kubernetes/manifests/kube-vip.yaml');
      expect(kubeVip, `kube-vip of ${name}`).toContain(`- name: address\n          value: "${variable(cluster, 'controlPlaneVip')}"`);
      expect(kubeVip).toContain(`- name: port\n          value: "${endpoint.port}"`);
      expect(kubeVip).not.toContain('{{');
      expect(JSON.parse(file('/etc/ie-csi/cfg.json'))).toEqual({ 'datacenter-id': variable(cluster, 'datacenterID') });
      // The class's files, untouched, then the two written per cluster.
      const classKcp = dist.find((o) => o.kind === 'KubeadmControlPlaneTemplate')!;
      expect(config.files).toEqual([...classKcp.spec.template.spec.kubeadmConfigSpec.files, ...(config.files as { path: string }[]).slice(-2)]);
      expect((config.files as { path: string }[]).slice(-2).map((f) => f.path).sort()).toEqual(['/etc/ie-csi/cfg.json', '/etc/kubernetes/manifests/kube-vip.yaml']);

      const machine = await get(kcp.spec.machineTemplate.infrastructureRef, ns);
      expect(machine.kind).toBe('IonosCloudMachineTemplate');
      expect(machine.spec.template.spec.datacenterID).toBe(variable(cluster, 'datacenterID'));
      const network = variable(cluster, 'controlPlaneNetwork') as NetworkValue;
      expect(networkFields(machine.spec.template.spec), `control-plane machines of ${name}: pool references`).toEqual(networkFields(network));
      const own = ownPools.get(name)!.map((p) => p.metadata.name);
      for (const ref of poolRefs(network)) expect(own, `${name}: control plane pool ${ref.name} is one of its own`).toContain(ref.name);
    }
  }, 300_000);

  it('creates each cluster\'s MachineDeployments with their machine and bootstrap templates, patched with the deployment\'s own pools', async () => {
    for (const cluster of clusters) {
      const ns = cluster.metadata.namespace!;
      const name = cluster.metadata.name;
      const wanted = cluster.spec.topology.workers.machineDeployments as { class: string; name: string; replicas: number; variables?: { overrides?: { name: string; value: unknown }[] } }[];
      let mds = new Map<string, Obj>();
      await waitFor(`Cluster ${name}: ${wanted.length} MachineDeployments created`, async () => {
        mds = await machineDeploymentsOf(cluster);
        return wanted.every((w) => mds.has(w.name));
      }, 120_000);
      const own = ownPools.get(name)!.map((p) => p.metadata.name);
      for (const w of wanted) {
        const md = mds.get(w.name)!;
        const what = `MachineDeployment ${name}/${w.name}`;
        expect(md.spec.replicas, what).toBe(w.replicas);
        expect(md.spec.template.spec.version, what).toBe(cluster.spec.topology.version);
        expect((md.metadata.labels as Record<string, string>)[`${TOPOLOGY}/deployment-name`]).toBe(w.name);

        const machine = await get(md.spec.template.spec.infrastructureRef, ns);
        const classMachine = classTemplate('IonosCloudMachineTemplate', `${clusterClasses[0]!.metadata.name}-${w.class}`).spec.template.spec;
        expect(machine.spec.template.spec.datacenterID, what).toBe(variable(cluster, 'datacenterID'));
        expect(machine.spec.template.spec.numCores, what).toBe(classMachine.numCores);
        expect(machine.spec.template.spec.memoryMB, what).toBe(classMachine.memoryMB);
        const network = variable(cluster, 'workerNetwork', w) as NetworkValue;
        expect(networkFields(machine.spec.template.spec), `${what}: pool references`).toEqual(networkFields(network));
        expect(poolRefs(network).length, `${what}: has planned pools`).toBeGreaterThan(0);
        for (const ref of poolRefs(network)) expect(own, `${what}: pool ${ref.name} is one of the cluster's own`).toContain(ref.name);

        const bootstrap = await get(md.spec.template.spec.bootstrap.configRef, ns);
        const classBootstrap = classTemplate('KubeadmConfigTemplate', `${clusterClasses[0]!.metadata.name}-${w.class}`).spec.template.spec;
        const files = bootstrap.spec.template.spec.files as { path: string; content: string }[];
        expect(JSON.parse(files.find((f) => f.path === '/etc/ie-csi/cfg.json')!.content)).toEqual({ 'datacenter-id': variable(cluster, 'datacenterID') });
        expect(files, what).toEqual([...(classBootstrap.files ?? []), files.at(-1)]);
        expect(bootstrap.spec.template.spec.joinConfiguration?.nodeRegistration?.kubeletExtraArgs, what).toEqual(classBootstrap.joinConfiguration?.nodeRegistration?.kubeletExtraArgs);
      }
    }
  }, 300_000);

  it('gives each cluster pools of its own: no pool is referenced by two clusters', async () => {
    const users = new Map<string, string>();
    for (const cluster of clusters) {
      const live = await current(cluster);
      const kcp = await get(live.spec.controlPlaneRef, cluster.metadata.namespace!);
      const templates = [await get(kcp.spec.machineTemplate.infrastructureRef, cluster.metadata.namespace!)];
      for (const md of (await machineDeploymentsOf(cluster)).values()) templates.push(await get(md.spec.template.spec.infrastructureRef, cluster.metadata.namespace!));
      for (const t of templates) {
        for (const ref of poolRefs(t.spec.template.spec)) {
          const user = users.get(ref.name);
          expect(user === undefined || user === cluster.metadata.name, `pool ${ref.name} used by ${user} and ${cluster.metadata.name}`).toBe(true);
          users.set(ref.name, cluster.metadata.name);
        }
      }
    }
    expect(users.size).toBeGreaterThanOrEqual(clusters.length);
  });

  it('reports each topology reconciled without error', async () => {
    for (const cluster of clusters) {
      let live: Obj | undefined;
      await waitFor(`Cluster ${cluster.metadata.name}: TopologyReconciled`, async () => {
        live = await current(cluster);
        return condition(live, 'TopologyReconciled')?.status === 'True';
      }, 60_000).catch((e) => {
        throw new Error(`${(e as Error).message}\nconditions: ${JSON.stringify(conditionsOf(live))}`);
      });
    }
  }, 120_000);
});

describeUnavailable('examples/topology against the real Cluster API topology controller', availability);
