/**
 * Topology mode: a ClusterClass with its templates (KubeadmControlPlaneTemplate,
 * IonosCloudClusterTemplate, IonosCloudMachineTemplates, KubeadmConfigTemplates), and the
 * variables and patches through which each Cluster of the class gets its own datacenter,
 * endpoint, credentials and planned pool references. See docs/topology.md.
 */
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { bootstrap, capi, controlplane, infrastructure } from '../l1.js';
import type { KubeVipSettings } from './ionos-cluster.js';
import { BOOTSTRAP_API_VERSION, CONTROLPLANE_API_VERSION, INFRA_API_VERSION } from '../vocabulary.js';
import { CONTROL_PLANE_DEFAULTS, renderMachineSpec, WORKER_DEFAULTS, type MachineSettings } from './machine.js';
import { checkNodeSetup, resolveNodeSetup, type NodeSetupOptions } from './node-setup.js';
import { PropChecker } from './private/errors.js';
import {
  controlPlaneKubeadmConfig, CSI_CONFIG_PATH, csiConfigContent, KUBE_VIP_MANIFEST_PATH, kubeVipManifestSlow, workerKubeadmConfig,
} from './private/kubeadm.js';

/** The variables every Cluster of an {@link IonosClusterClass} sets (see {@link topologyVariables}). */
export const TOPOLOGY_VARIABLES = {
  datacenterID: 'datacenterID',
  location: 'location',
  credentialsSecret: 'credentialsSecret',
  controlPlaneEndpoint: 'controlPlaneEndpoint',
  controlPlaneVip: 'controlPlaneVip',
  controlPlaneNetwork: 'controlPlaneNetwork',
  workerNetwork: 'workerNetwork',
} as const;

const PLACEHOLDER_DATACENTER = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER = 'set-by-topology-patch';
const KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.7.1';

/** A machine deployment class: the machines of the node pools that use it. */
export interface WorkerClassOptions {
  /** The servers. */
  readonly machine: MachineSettings;
  /**
   * Node setup of these machines, on top of the class's.
   * @default the class's
   */
  readonly nodeSetup?: NodeSetupOptions;
}

/** The control plane of an {@link IonosClusterClass}. */
export interface ClusterClassControlPlaneOptions {
  /** The control-plane servers. */
  readonly machine: MachineSettings;
  /**
   * Node setup of the control-plane nodes, on top of the class's.
   * @default the class's
   */
  readonly nodeSetup?: NodeSetupOptions;
  /**
   * kube-vip settings.
   * @default the provider templates' image, interface chosen by kube-vip
   */
  readonly kubeVip?: KubeVipSettings;
  /**
   * Extra control-plane machines during a rollout (0 or 1).
   * @default 1
   */
  readonly maxSurge?: 0 | 1;
}

/** Properties of an {@link IonosClusterClass}. */
export interface IonosClusterClassProps {
  /**
   * The ClusterClass's name (a DNS-1123 label) and the prefix of its templates' names.
   * @default the construct id
   */
  readonly name?: string;
  /** The namespace of the class and its templates; Clusters of the class live in it too. */
  readonly namespace: string;
  /**
   * The location whose pool.ntp.org zone the reference node setup's NTP servers come from.
   * @default the global pool
   */
  readonly location?: string;
  /**
   * Node setup of every machine of the class. Node-IP pinning is on for every machine, since
   * the class cannot know which clusters give their machines more NICs.
   * @default the reference node setup
   */
  readonly nodeSetup?: NodeSetupOptions;
  /** The control plane. */
  readonly controlPlane: ClusterClassControlPlaneOptions;
  /** Machine deployment classes by name (node pools choose one). */
  readonly workers: Readonly<Record<string, WorkerClassOptions>>;
}

type Patch = { op: string; path: string; value?: unknown; valueFrom?: { variable?: string; template?: string } };

const POOL_REF_SCHEMA = {
  type: 'object',
  required: ['apiGroup', 'kind', 'name'],
  properties: { apiGroup: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
};

/** A machine's pool references and additional NICs, in IonosCloudMachine JSON field names. */
const NETWORK_SCHEMA = {
  type: 'object',
  properties: {
    ipv4PoolRef: POOL_REF_SCHEMA,
    ipv6PoolRef: POOL_REF_SCHEMA,
    additionalNetworks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['networkID'],
        properties: {
          networkID: { type: 'integer', minimum: 1 },
          dhcp: { type: 'boolean' },
          vnet: { type: 'string' },
          ipv4PoolRef: POOL_REF_SCHEMA,
          ipv6PoolRef: POOL_REF_SCHEMA,
        },
      },
    },
  },
};

function variable(name: string, schema: Record<string, unknown>) {
  return { name, required: true, schema: { openApiv3Schema: schema } } as unknown as capi.ClusterClassSpecVariables;
}

/** Patches that copy a network variable's pool references onto machine templates (only those set). */
function networkPatches(variableName: string): { enabledIf: string; patch: Patch }[] {
  return ['ipv4PoolRef', 'ipv6PoolRef', 'additionalNetworks'].map((field) => ({
    enabledIf: `{{ if .${variableName}.${field} }}true{{ end }}`,
    patch: { op: 'add', path: `/spec/template/spec/${field}`, valueFrom: { variable: `${variableName}.${field}` } },
  }));
}

/**
 * Takes the files whose content differs per cluster out of a rendered bootstrap configuration and
 * returns the patches that add them back, each rendered per Cluster from a Go template. They are
 * appended (`files/-`): Cluster API's ClusterClass webhook refuses an array index in a `replace`
 * (and allows only `0` or `-` in an `add`), so a file cannot be patched in place by position.
 * The topology controller parses a rendered template as YAML, so each file is written as JSON.
 */
function perClusterFiles(config: Record<string, unknown>, configPath: string, contents: ReadonlyMap<string, string>): Patch[] {
  const files = config.files as { path: string; content?: string }[];
  const taken = files.filter((f) => contents.has(f.path)).map((f) => JSON.stringify({ ...f, content: contents.get(f.path) }));
  config.files = files.filter((f) => !contents.has(f.path));
  if ((config.files as unknown[]).length === 0) {
    delete config.files;
    return [{ op: 'add', path: `${configPath}/files`, valueFrom: { template: `[${taken.join(',')}]` } }];
  }
  return taken.map((template) => ({ op: 'add', path: `${configPath}/files/-`, valueFrom: { template } }));
}

/**
 * A ClusterClass for IONOS Cloud clusters, with its templates. Each class is a chart of its own
 * (directory `_class-<name>`), so adding a cluster of the class changes no byte of the class.
 */
export class IonosClusterClass extends Chart {
  /** The ClusterClass's name. */
  public readonly className: string;
  /** Its namespace. */
  public readonly classNamespace: string;
  /** The machine deployment class names. */
  public readonly workerClasses: readonly string[];

  public constructor(scope: Construct, id: string, props: IonosClusterClassProps) {
    super(scope, `_class-${props.name ?? id}`, { disableResourceNameHashes: true });
    const name = props.name ?? id;
    const cp = props.controlPlane;
    const workerNames = Object.keys(props.workers).sort();
    const check = new PropChecker(this);
    check.dnsLabel('name', name);
    check.check(name.length <= 63 - '-control-plane'.length, 'name', `${JSON.stringify(name)} is too long: '${name}-control-plane' must fit 63 characters`);
    check.dnsLabel('namespace', props.namespace);
    check.check(workerNames.length > 0, 'workers', 'needs at least one machine deployment class');
    for (const worker of workerNames) {
      check.dnsLabel(`workers.${worker}`, worker);
      check.check(`${name}-${worker}`.length <= 63, `workers.${worker}`, `'${name}-${worker}' must fit 63 characters; use a shorter name`);
      checkNodeSetup(check, `workers.${worker}.nodeSetup`, props.workers[worker]!.nodeSetup);
    }
    check.check(cp.maxSurge === undefined || cp.maxSurge === 0 || cp.maxSurge === 1, 'controlPlane.maxSurge', `must be 0 or 1, got ${cp.maxSurge}`);
    checkNodeSetup(check, 'nodeSetup', props.nodeSetup);
    checkNodeSetup(check, 'controlPlane.nodeSetup', cp.nodeSetup);
    const machine = (settings: MachineSettings, defaults: typeof CONTROL_PLANE_DEFAULTS, prop: string) => renderMachineSpec(check, {
      datacenterID: PLACEHOLDER_DATACENTER, namespace: props.namespace, machine: settings, network: {}, defaults, prop, networkProp: prop,
    }) as unknown as infrastructure.IonosCloudMachineTemplateSpecTemplateSpec;
    const cpMachine = machine(cp.machine, CONTROL_PLANE_DEFAULTS, 'controlPlane.machine');
    const workerMachines = new Map(workerNames.map((w) => [w, machine(props.workers[w]!.machine, WORKER_DEFAULTS, `workers.${w}.machine`)]));
    check.throwIfAny();

    this.className = name;
    this.classNamespace = props.namespace;
    this.workerClasses = workerNames;
    const ns = props.namespace;
    const metadata = (objectName: string) => ({ name: objectName, namespace: ns });
    const cpName = `${name}-control-plane`;
    const pin = { nodeIp: { pin: true } };
    const V = TOPOLOGY_VARIABLES;

    const common = { datacenterID: PLACEHOLDER_DATACENTER, location: props.location ?? '', kubernetesVersion: '', sshAuthorizedKeys: [], multipleNics: true, versionOnNode: true };
    const kubeVip = { image: cp.kubeVip?.image ?? KUBE_VIP_IMAGE, interface: cp.kubeVip?.interface ?? '' };
    const cpConfig = controlPlaneKubeadmConfig({
      ...common,
      setup: resolveNodeSetup(pin, props.nodeSetup, cp.nodeSetup),
      kubeVip: { address: PLACEHOLDER, port: 6443, ...kubeVip },
    });
    // Go templates rendered per Cluster by the topology controller.
    const kubeVipTemplate = kubeVipManifestSlow({ address: `{{ .${V.controlPlaneVip} }}`, port: `{{ .${V.controlPlaneEndpoint}.port }}` as unknown as number, ...kubeVip });
    const csiTemplate = csiConfigContent(`{{ .${V.datacenterID} }}`);
    const cpConfigPath = '/spec/template/spec/kubeadmConfigSpec';
    const cpFilePatches = perClusterFiles(cpConfig, cpConfigPath, new Map([[KUBE_VIP_MANIFEST_PATH, kubeVipTemplate], [CSI_CONFIG_PATH, csiTemplate]]));

    new infrastructure.IonosCloudClusterTemplate(this, 'IonosCloudClusterTemplate', {
      metadata: metadata(name),
      spec: { template: { spec: { credentialsRef: { name: PLACEHOLDER }, location: PLACEHOLDER } } },
    });
    new controlplane.KubeadmControlPlaneTemplate(this, 'KubeadmControlPlaneTemplate', {
      metadata: metadata(cpName),
      spec: {
        template: {
          spec: {
            kubeadmConfigSpec: cpConfig as controlplane.KubeadmControlPlaneTemplateSpecTemplateSpecKubeadmConfigSpec,
            rolloutStrategy: {
              type: controlplane.KubeadmControlPlaneTemplateSpecTemplateSpecRolloutStrategyType.ROLLING_UPDATE,
              rollingUpdate: { maxSurge: controlplane.KubeadmControlPlaneTemplateSpecTemplateSpecRolloutStrategyRollingUpdateMaxSurge.fromNumber(cp.maxSurge ?? 1) },
            },
          },
        },
      },
    });
    new infrastructure.IonosCloudMachineTemplate(this, 'ControlPlaneMachineTemplate', { metadata: metadata(cpName), spec: { template: { spec: cpMachine } } });

    const workerFilePatches = new Map<string, Patch[]>();
    for (const worker of workerNames) {
      const objectName = `${name}-${worker}`;
      const config = workerKubeadmConfig({ ...common, setup: resolveNodeSetup(pin, props.nodeSetup, props.workers[worker]!.nodeSetup) });
      workerFilePatches.set(worker, perClusterFiles(config, '/spec/template/spec', new Map([[CSI_CONFIG_PATH, csiTemplate]])));
      new infrastructure.IonosCloudMachineTemplate(this, `MachineTemplate-${worker}`, { metadata: metadata(objectName), spec: { template: { spec: workerMachines.get(worker)! } } });
      new bootstrap.KubeadmConfigTemplate(this, `KubeadmConfigTemplate-${worker}`, {
        metadata: metadata(objectName),
        spec: { template: { spec: config as bootstrap.KubeadmConfigTemplateSpecTemplateSpec } },
      });
    }

    const ref = (apiVersion: string, kind: string, objectName: string) => ({ apiVersion, kind, name: objectName, namespace: ns });
    const selector = (apiVersion: string, kind: string, matchResources: Record<string, unknown>) => ({ apiVersion, kind, matchResources });
    const definitions: { selector: unknown; jsonPatches: Patch[]; enabledIf?: string; name: string }[] = [];
    definitions.push(
      {
        name: 'infrastructure-cluster',
        selector: selector(INFRA_API_VERSION, 'IonosCloudClusterTemplate', { infrastructureCluster: true }),
        jsonPatches: [
          { op: 'add', path: '/spec/template/spec/controlPlaneEndpoint', valueFrom: { variable: V.controlPlaneEndpoint } },
          { op: 'replace', path: '/spec/template/spec/credentialsRef/name', valueFrom: { variable: V.credentialsSecret } },
          { op: 'replace', path: '/spec/template/spec/location', valueFrom: { variable: V.location } },
        ],
      },
      {
        name: 'control-plane-bootstrap',
        selector: selector(CONTROLPLANE_API_VERSION, 'KubeadmControlPlaneTemplate', { controlPlane: true }),
        jsonPatches: [
          ...cpFilePatches,
          { op: 'replace', path: `${cpConfigPath}/initConfiguration/localAPIEndpoint/bindPort`, valueFrom: { variable: `${V.controlPlaneEndpoint}.port` } },
          { op: 'replace', path: `${cpConfigPath}/joinConfiguration/controlPlane/localAPIEndpoint/bindPort`, valueFrom: { variable: `${V.controlPlaneEndpoint}.port` } },
        ],
      },
      {
        name: 'control-plane-machine',
        selector: selector(INFRA_API_VERSION, 'IonosCloudMachineTemplate', { controlPlane: true }),
        jsonPatches: [{ op: 'replace', path: '/spec/template/spec/datacenterID', valueFrom: { variable: V.datacenterID } }],
      },
      ...networkPatches(V.controlPlaneNetwork).map((p, i) => ({
        name: `control-plane-network-${i}`,
        enabledIf: p.enabledIf,
        selector: selector(INFRA_API_VERSION, 'IonosCloudMachineTemplate', { controlPlane: true }),
        jsonPatches: [p.patch],
      })),
      {
        name: 'worker-machine',
        selector: selector(INFRA_API_VERSION, 'IonosCloudMachineTemplate', { machineDeploymentClass: { names: [...workerNames] } }),
        jsonPatches: [{ op: 'replace', path: '/spec/template/spec/datacenterID', valueFrom: { variable: V.datacenterID } }],
      },
      ...networkPatches(V.workerNetwork).map((p, i) => ({
        name: `worker-network-${i}`,
        enabledIf: p.enabledIf,
        selector: selector(INFRA_API_VERSION, 'IonosCloudMachineTemplate', { machineDeploymentClass: { names: [...workerNames] } }),
        jsonPatches: [p.patch],
      })),
      ...workerNames.map((worker) => ({
        name: `worker-bootstrap-${worker}`,
        selector: selector(BOOTSTRAP_API_VERSION, 'KubeadmConfigTemplate', { machineDeploymentClass: { names: [worker] } }),
        jsonPatches: workerFilePatches.get(worker)!,
      })),
    );

    new capi.ClusterClass(this, 'ClusterClass', {
      metadata: metadata(name),
      spec: {
        infrastructure: { ref: ref(INFRA_API_VERSION, 'IonosCloudClusterTemplate', name) },
        controlPlane: {
          ref: ref(CONTROLPLANE_API_VERSION, 'KubeadmControlPlaneTemplate', cpName),
          machineInfrastructure: { ref: ref(INFRA_API_VERSION, 'IonosCloudMachineTemplate', cpName) },
        },
        workers: {
          machineDeployments: workerNames.map((worker) => ({
            class: worker,
            template: {
              bootstrap: { ref: ref(BOOTSTRAP_API_VERSION, 'KubeadmConfigTemplate', `${name}-${worker}`) },
              infrastructure: { ref: ref(INFRA_API_VERSION, 'IonosCloudMachineTemplate', `${name}-${worker}`) },
            },
          })),
        },
        variables: [
          variable(V.datacenterID, { type: 'string', format: 'uuid' }),
          variable(V.location, { type: 'string', minLength: 1 }),
          variable(V.credentialsSecret, { type: 'string', minLength: 1 }),
          variable(V.controlPlaneEndpoint, {
            type: 'object', required: ['host', 'port'],
            properties: { host: { type: 'string', minLength: 1, maxLength: 512 }, port: { type: 'integer', minimum: 1, maximum: 65535 } },
          }),
          variable(V.controlPlaneVip, { type: 'string', minLength: 1 }),
          variable(V.controlPlaneNetwork, NETWORK_SCHEMA),
          variable(V.workerNetwork, NETWORK_SCHEMA),
        ],
        patches: definitions.map((d) => ({
          name: d.name,
          enabledIf: d.enabledIf,
          definitions: [{ selector: d.selector, jsonPatches: d.jsonPatches }],
        })) as unknown as capi.ClusterClassSpecPatches[],
      },
    });
  }
}
