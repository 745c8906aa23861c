/**
 * What a set of manifests implies at runtime: the machines Cluster API would create for every
 * KubeadmControlPlane and MachineDeployment (and the standalone IonosCloudMachines), with the NIC
 * declarations their IonosCloudMachineTemplates give them. Pure: plain objects in, plain data out.
 */
import type { KubeObject } from '../store.js';
import { CLUSTER_NAME_LABEL, compareText } from '../../vocabulary.js';

/** Who makes the machines of a group. */
export type GroupKind = 'KubeadmControlPlane' | 'MachineDeployment' | 'IonosCloudMachine';

/**
 * The topology variables that carry a machine group's pool references (docs/topology.md): the
 * value is merged into the class's machine template spec, as the class's patches do.
 */
const TOPOLOGY_NETWORK = { controlPlane: 'controlPlaneNetwork', worker: 'workerNetwork' } as const;

/** A set of machines made alike and rolled together. */
export interface MachineGroup {
  readonly kind: GroupKind;
  readonly namespace: string;
  /** The KubeadmControlPlane's, MachineDeployment's or standalone machine's name. */
  readonly name: string;
  /** The Cluster the machines belong to. */
  readonly cluster: string;
  readonly replicas: number;
  /** Machines over `replicas` a rollout may create before deleting (already resolved from percentages). */
  readonly maxSurge: number;
  /** Machines under `replicas` a rollout may leave (already resolved from percentages). */
  readonly maxUnavailable: number;
  /** The IonosCloudMachine spec every machine of the group gets. */
  readonly machineSpec: Readonly<Record<string, unknown>>;
}

/** A reason the manifests cannot be simulated, naming the object. */
export interface ManifestProblem {
  /** `<Kind> <namespace>/<name>` of the object at fault. */
  readonly object: string;
  readonly path: string;
  readonly message: string;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function describe(object: KubeObject): string {
  return `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/**
 * Resolves an int-or-percentage rollout value as Cluster API does: a percentage of `replicas`,
 * rounded up for surge and down for unavailability.
 */
export function scaledValue(value: unknown, replicas: number, roundUp: boolean, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (match === null) return undefined;
  const exact = (Number(match[1]) * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

function replicasOf(spec: Record<string, unknown>): number {
  const replicas = spec['replicas'];
  return typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 ? replicas : 1;
}

/**
 * The machine groups of `objects`, in a deterministic order (namespace, kind, name), and the
 * problems that keep any of them from being simulated.
 */
export function machineGroups(objects: readonly KubeObject[]): { groups: MachineGroup[]; problems: ManifestProblem[] } {
  const templates = new Map<string, KubeObject>();
  const classes = new Map<string, KubeObject>();
  for (const o of objects) {
    if (o.kind === 'IonosCloudMachineTemplate') templates.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o);
    if (o.kind === 'ClusterClass') classes.set(`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o);
  }
  const groups: MachineGroup[] = [];
  const problems: ManifestProblem[] = [];

  const templateSpec = (owner: KubeObject, path: string, ref: unknown): Record<string, unknown> | undefined => {
    const name = record(ref)['name'];
    const template = typeof name === 'string' ? templates.get(`${owner.metadata.namespace ?? ''}/${name}`) : undefined;
    if (template === undefined) {
      problems.push({ object: describe(owner), path, message: `names IonosCloudMachineTemplate ${JSON.stringify(name)}, which is not among the manifests` });
      return undefined;
    }
    return record(record(record(template.spec)['template'])['spec']);
  };
  const rollout = (owner: KubeObject, path: string, replicas: number, surge: unknown, unavailable: unknown, defaults: { surge: number; unavailable: number }) => {
    const maxSurge = scaledValue(surge, replicas, true, defaults.surge);
    const maxUnavailable = scaledValue(unavailable, replicas, false, defaults.unavailable);
    if (maxSurge === undefined || maxUnavailable === undefined) {
      problems.push({ object: describe(owner), path, message: 'maxSurge and maxUnavailable must be non-negative integers or percentages like "25%"' });
      return undefined;
    }
    if (replicas > 0 && maxSurge === 0 && maxUnavailable === 0) {
      problems.push({ object: describe(owner), path, message: 'maxSurge and maxUnavailable are both 0, so a rollout can never proceed; set one of them' });
      return undefined;
    }
    return { maxSurge, maxUnavailable };
  };

  for (const o of objects) {
    const spec = record(o.spec);
    const namespace = o.metadata.namespace ?? 'default';
    const labels = o.metadata.labels ?? {};
    if (o.kind === 'KubeadmControlPlane') {
      const machineSpec = templateSpec(o, 'spec.machineTemplate.infrastructureRef', record(spec['machineTemplate'])['infrastructureRef']);
      const replicas = replicasOf(spec);
      // KCP rolls one machine at a time: with maxSurge 1 (the default) it adds one first; with 0 it removes one first.
      const strategy = record(record(spec['rolloutStrategy'])['rollingUpdate']);
      const surge = scaledValue(strategy['maxSurge'], replicas, true, 1);
      const steps = surge === undefined ? undefined : rollout(o, 'spec.rolloutStrategy.rollingUpdate', replicas, Math.min(surge, 1), surge === 0 ? 1 : 0, { surge: 1, unavailable: 0 });
      if (machineSpec !== undefined && steps !== undefined) {
        groups.push({ kind: 'KubeadmControlPlane', namespace, name: o.metadata.name, cluster: labels[CLUSTER_NAME_LABEL] ?? o.metadata.name, replicas, ...steps, machineSpec });
      }
    } else if (o.kind === 'MachineDeployment') {
      const template = record(record(spec['template'])['spec']);
      const machineSpec = templateSpec(o, 'spec.template.spec.infrastructureRef', template['infrastructureRef']);
      const replicas = replicasOf(spec);
      const strategy = record(spec['strategy']);
      const onDelete = strategy['type'] === 'OnDelete';
      // OnDelete replaces a machine only after it is deleted: one at a time, never more than replicas.
      const update = record(strategy['rollingUpdate']);
      const steps = onDelete
        ? rollout(o, 'spec.strategy', replicas, 0, 1, { surge: 0, unavailable: 1 })
        : rollout(o, 'spec.strategy.rollingUpdate', replicas, update['maxSurge'], update['maxUnavailable'], { surge: 1, unavailable: 0 });
      const cluster = typeof spec['clusterName'] === 'string' ? spec['clusterName'] : labels[CLUSTER_NAME_LABEL] ?? '';
      if (machineSpec !== undefined && steps !== undefined) {
        groups.push({ kind: 'MachineDeployment', namespace, name: o.metadata.name, cluster, replicas, ...steps, machineSpec });
      }
    } else if (o.kind === 'Cluster' && spec['topology'] !== undefined) {
      groups.push(...topologyGroups(o, classes, templateSpec, rollout, problems));
    } else if (o.kind === 'IonosCloudMachine') {
      groups.push({ kind: 'IonosCloudMachine', namespace, name: o.metadata.name, cluster: labels[CLUSTER_NAME_LABEL] ?? '', replicas: 1, maxSurge: 0, maxUnavailable: 0, machineSpec: spec });
    }
  }
  const order = (g: MachineGroup) => `${g.namespace}\u0000${g.kind}\u0000${g.name}`;
  groups.sort((a, b) => compareText(order(a), order(b)));
  return { groups, problems };
}

type TemplateSpec = (owner: KubeObject, path: string, ref: unknown) => Record<string, unknown> | undefined;
type Rollout = (owner: KubeObject, path: string, replicas: number, surge: unknown, unavailable: unknown, defaults: { surge: number; unavailable: number }) =>
  { maxSurge: number; maxUnavailable: number } | undefined;

/**
 * The machine groups the topology controller would create for a Cluster with `spec.topology`:
 * the control plane and each machine deployment from the ClusterClass's machine templates, with
 * the pool references of the cluster's network variables (per machine deployment overrides
 * first). Named `<cluster>-control-plane` and `<cluster>-<machine deployment>`.
 */
function topologyGroups(cluster: KubeObject, classes: ReadonlyMap<string, KubeObject>, templateSpec: TemplateSpec, rollout: Rollout, problems: ManifestProblem[]): MachineGroup[] {
  const namespace = cluster.metadata.namespace ?? 'default';
  const topology = record(record(cluster.spec)['topology']);
  const classNamespace = typeof topology['classNamespace'] === 'string' ? topology['classNamespace'] : namespace;
  const cls = classes.get(`${classNamespace}/${String(topology['class'])}`);
  if (cls === undefined) {
    problems.push({ object: describe(cluster), path: 'spec.topology.class', message: `names ClusterClass ${JSON.stringify(topology['class'])}, which is not among the manifests` });
    return [];
  }
  const variables = (list: unknown): Map<string, unknown> => new Map((Array.isArray(list) ? list : []).map((v) => [String(record(v)['name']), record(v)['value']]));
  const clusterVariables = variables(topology['variables']);
  const name = cluster.metadata.name;
  const classSpec = record(cls.spec);
  const groups: MachineGroup[] = [];
  const cp = record(topology['controlPlane']);
  const cpReplicas = replicasOf(cp);
  const cpTemplate = templateSpec(cls, 'spec.controlPlane.machineInfrastructure.ref', record(record(classSpec['controlPlane'])['machineInfrastructure'])['ref']);
  if (cpTemplate !== undefined) {
    groups.push({
      kind: 'KubeadmControlPlane', namespace, name: `${name}-control-plane`, cluster: name, replicas: cpReplicas, maxSurge: 1, maxUnavailable: 0,
      machineSpec: { ...cpTemplate, ...record(clusterVariables.get(TOPOLOGY_NETWORK.controlPlane)) },
    });
  }
  const mdClasses = new Map((Array.isArray(record(classSpec['workers'])['machineDeployments']) ? record(classSpec['workers'])['machineDeployments'] as unknown[] : [])
    .map((c) => [String(record(c)['class']), record(c)]));
  const deployments = record(topology['workers'])['machineDeployments'];
  (Array.isArray(deployments) ? deployments : []).forEach((value, i) => {
    const md = record(value);
    const path = `spec.topology.workers.machineDeployments[${i}]`;
    const mdClass = mdClasses.get(String(md['class']));
    if (mdClass === undefined) {
      problems.push({ object: describe(cluster), path: `${path}.class`, message: `ClusterClass ${JSON.stringify(cls.metadata.name)} has no machine deployment class ${JSON.stringify(md['class'])}` });
      return;
    }
    const template = templateSpec(cls, `spec.workers.machineDeployments[${String(md['class'])}].template.infrastructure.ref`, record(record(mdClass['template'])['infrastructure'])['ref']);
    const replicas = replicasOf(md);
    const update = record(record(md['strategy'])['rollingUpdate']);
    const steps = rollout(cluster, `${path}.strategy.rollingUpdate`, replicas, update['maxSurge'], update['maxUnavailable'], { surge: 1, unavailable: 0 });
    const overrides = variables(record(md['variables'])['overrides']);
    const network = overrides.get(TOPOLOGY_NETWORK.worker) ?? clusterVariables.get(TOPOLOGY_NETWORK.worker);
    if (template !== undefined && steps !== undefined) {
      groups.push({ kind: 'MachineDeployment', namespace, name: `${name}-${String(md['name'])}`, cluster: name, replicas, ...steps, machineSpec: { ...template, ...record(network) } });
    }
  });
  return groups;
}
