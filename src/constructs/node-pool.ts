import { Construct } from 'constructs';
import { bootstrap, capi, infrastructure } from '../l1.js';
import {
  BOOTSTRAP_API_VERSION, CLUSTER_NAME_LABEL, DEPLOYMENT_NAME_LABEL, INFRA_API_VERSION, WORKER_ROLE_LABEL,
} from '../vocabulary.js';
import { renderMachineSpec, WORKER_DEFAULTS, type MachineNetworkSettings, type MachineSettings } from './machine.js';
import { recordDemand } from './private/demand.js';
import { PropChecker } from './private/errors.js';
import { workerKubeadmConfig } from './private/kubeadm.js';
import { checkNodeSetup, resolveNodeSetup, type NodeSetupOptions } from './node-setup.js';

/**
 * What a node pool takes from its cluster: an {@link IonosCluster} is one. Declared here so that
 * node-pool.ts does not depend on ionos-cluster.ts, which creates node pools.
 */
export interface INodePoolCluster extends Construct {
  readonly clusterName: string;
  readonly clusterNamespace: string;
  readonly datacenterID: string;
  readonly kubernetesVersion: string;
  readonly sshAuthorizedKeys: readonly string[];
  readonly location: string;
  readonly nodeSetup: NodeSetupOptions | undefined;
}

/** Health checking of a node pool's machines (a MachineHealthCheck). */
export interface HealthCheckOptions {
  /**
   * How long a node may stay not Ready (False or Unknown) before its machine is replaced.
   * @default '5m'
   */
  readonly unhealthyTimeout?: string;
  /**
   * How long a new machine may take to join as a node.
   * @default '10m' (Cluster API's default)
   */
  readonly nodeStartupTimeout?: string;
  /**
   * Remediation stops while more machines than this are unhealthy (a count or a percentage).
   * @default '40%'
   */
  readonly maxUnhealthy?: string | number;
}

/** Options of a node pool, for {@link IonosCluster.addNodePool}. */
export interface NodePoolOptions {
  /**
   * Number of machines.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Machines created above `replicas` during a rolling update.
   * @default 1
   */
  readonly maxSurge?: number;
  /**
   * Machines that may be missing below `replicas` during a rolling update.
   * @default 0
   */
  readonly maxUnavailable?: number;
  /** The servers. */
  readonly machine: MachineSettings;
  /**
   * Pools the NICs take their addresses from.
   * @default DHCP on the cluster LAN
   */
  readonly network?: MachineNetworkSettings;
  /**
   * Replace machines whose node stays unhealthy.
   * @default no MachineHealthCheck
   */
  readonly healthCheck?: HealthCheckOptions;
  /**
   * Labels for the pool's Machines (and so its Nodes, for the `node.cluster.x-k8s.io/` prefix).
   * @default only the labels Cluster API needs
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations for the pool's Machines.
   * @default none
   */
  readonly annotations?: Readonly<Record<string, string>>;
  /**
   * Commands run before kubeadm on every node of the pool (after `nodeSetup`'s).
   * @default none
   */
  readonly preKubeadmCommands?: readonly string[];
  /**
   * Commands run after kubeadm on every node of the pool (after `nodeSetup`'s).
   * @default none
   */
  readonly postKubeadmCommands?: readonly string[];
  /**
   * Node setup of the pool's nodes, on top of the cluster's `nodeSetup`.
   * @default the cluster's
   */
  readonly nodeSetup?: NodeSetupOptions;
  /**
   * Name of the pool's objects (MachineDeployment, templates, health check).
   * @default `<cluster>-<pool>`
   */
  readonly resourceName?: string;
}

/**
 * A pool of worker machines: a MachineDeployment with its IonosCloudMachineTemplate and
 * KubeadmConfigTemplate, all named `<cluster>-<pool>`, and optionally a MachineHealthCheck.
 */
export class NodePool extends Construct {
  /** `<cluster>-<pool>`: the name of every object of the pool. */
  public readonly deploymentName: string;
  /** Number of machines. */
  public readonly replicas: number;
  /** Machines above `replicas` during a rolling update. */
  public readonly maxSurge: number;

  public constructor(cluster: INodePoolCluster, id: string, options: NodePoolOptions) {
    super(cluster, id);
    const name = options.resourceName ?? `${cluster.clusterName}-${id}`;
    const replicas = options.replicas ?? 1;
    const maxSurge = options.maxSurge ?? 1;
    const maxUnavailable = options.maxUnavailable ?? 0;

    const check = new PropChecker(this);
    check.dnsLabel('name', id);
    check.check(name.length <= 63, 'name',
      `${JSON.stringify(name)} (cluster name, '-', pool name) has ${name.length} characters; Cluster API puts it in a label, which holds at most 63; use a shorter pool name`);
    if (options.resourceName !== undefined) check.dnsLabel('resourceName', options.resourceName);
    check.labels('labels', options.labels);
    check.annotations('annotations', options.annotations);
    checkNodeSetup(check, 'nodeSetup', options.nodeSetup);
    check.integer('replicas', replicas, { min: 0 });
    check.integer('maxSurge', maxSurge, { min: 0 });
    check.integer('maxUnavailable', maxUnavailable, { min: 0 });
    check.check(maxSurge > 0 || maxUnavailable > 0, 'maxSurge',
      'maxSurge and maxUnavailable are both 0, so a rolling update could never make progress; set maxSurge to 1');
    const machineSpec = renderMachineSpec(check, {
      datacenterID: cluster.datacenterID,
      namespace: cluster.clusterNamespace,
      machine: options.machine,
      network: options.network ?? {},
      defaults: WORKER_DEFAULTS,
      prop: 'machine',
      networkProp: 'network',
    });
    check.throwIfAny();

    this.deploymentName = name;
    this.replicas = replicas;
    this.maxSurge = maxSurge;
    recordDemand(this, replicas + maxSurge, options.network ?? {});

    const clusterName = cluster.clusterName;
    const namespace = cluster.clusterNamespace;
    const metadata = { name, namespace, labels: { [CLUSTER_NAME_LABEL]: clusterName } };
    const selectorLabels = { [CLUSTER_NAME_LABEL]: clusterName, [DEPLOYMENT_NAME_LABEL]: name };

    new infrastructure.IonosCloudMachineTemplate(this, 'MachineTemplate', {
      metadata,
      spec: { template: { spec: machineSpec as unknown as infrastructure.IonosCloudMachineTemplateSpecTemplateSpec } },
    });

    new bootstrap.KubeadmConfigTemplate(this, 'KubeadmConfigTemplate', {
      metadata,
      spec: {
        template: {
          spec: workerKubeadmConfig({
            datacenterID: cluster.datacenterID,
            location: cluster.location,
            kubernetesVersion: cluster.kubernetesVersion,
            sshAuthorizedKeys: cluster.sshAuthorizedKeys,
            setup: resolveNodeSetup(cluster.nodeSetup, options.nodeSetup, {
              preKubeadmCommands: options.preKubeadmCommands, postKubeadmCommands: options.postKubeadmCommands,
            }),
            multipleNics: (options.network?.additionalNetworks?.length ?? 0) > 0,
          }) as bootstrap.KubeadmConfigTemplateSpecTemplateSpec,
        },
      },
    });

    new capi.MachineDeployment(this, 'MachineDeployment', {
      metadata,
      spec: {
        clusterName,
        replicas,
        // Set explicitly (Cluster API would default it) so GitOps tools see no drift.
        selector: { matchLabels: selectorLabels },
        strategy: {
          type: capi.MachineDeploymentSpecStrategyType.ROLLING_UPDATE,
          rollingUpdate: {
            maxSurge: capi.MachineDeploymentSpecStrategyRollingUpdateMaxSurge.fromNumber(maxSurge),
            maxUnavailable: capi.MachineDeploymentSpecStrategyRollingUpdateMaxUnavailable.fromNumber(maxUnavailable),
          },
        },
        template: {
          metadata: {
            labels: { ...options.labels, ...selectorLabels, [WORKER_ROLE_LABEL]: '' },
            annotations: options.annotations && { ...options.annotations },
          },
          spec: {
            clusterName,
            version: cluster.kubernetesVersion,
            bootstrap: { configRef: { apiVersion: BOOTSTRAP_API_VERSION, kind: 'KubeadmConfigTemplate', name, namespace } },
            infrastructureRef: { apiVersion: INFRA_API_VERSION, kind: 'IonosCloudMachineTemplate', name, namespace },
          },
        },
      },
    });

    if (options.healthCheck !== undefined) {
      const hc = options.healthCheck;
      const timeout = hc.unhealthyTimeout ?? '5m';
      const maxUnhealthy = hc.maxUnhealthy ?? '40%';
      new capi.MachineHealthCheck(this, 'MachineHealthCheck', {
        metadata,
        spec: {
          clusterName,
          selector: { matchLabels: selectorLabels },
          maxUnhealthy: typeof maxUnhealthy === 'number'
            ? capi.MachineHealthCheckSpecMaxUnhealthy.fromNumber(maxUnhealthy)
            : capi.MachineHealthCheckSpecMaxUnhealthy.fromString(maxUnhealthy),
          nodeStartupTimeout: hc.nodeStartupTimeout ?? '10m',
          unhealthyConditions: [
            { type: 'Ready', status: 'False', timeout },
            { type: 'Ready', status: 'Unknown', timeout },
          ],
        },
      });
    }
  }
}
