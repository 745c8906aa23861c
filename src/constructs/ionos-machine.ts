import { Construct } from 'constructs';
import { infrastructure } from '../l1.js';
import { CLUSTER_NAME_LABEL } from '../vocabulary.js';
import {
  checkDatacenterID, renderMachineSpec, WORKER_DEFAULTS, type MachineNetworkSettings, type MachineSettings,
} from './machine.js';
import { recordDemand } from './private/demand.js';
import { PropChecker } from './private/errors.js';

/** Properties of an {@link IonosMachine}. */
export interface IonosMachineProps {
  /** `metadata.name`; a DNS-1123 subdomain. */
  readonly name: string;
  /** The namespace. */
  readonly namespace: string;
  /** The cluster the machine belongs to (its `cluster.x-k8s.io/cluster-name` label). */
  readonly clusterName: string;
  /** The IONOS datacenter (a UUID). */
  readonly datacenterID: string;
  /** The server. */
  readonly machine: MachineSettings;
  /**
   * Pools the NICs take their addresses from.
   * @default DHCP on the cluster LAN
   */
  readonly network?: MachineNetworkSettings;
}

/** A standalone IonosCloudMachine (usually Cluster API creates these from templates). */
export class IonosMachine extends Construct {
  /** `metadata.name`. */
  public readonly machineName: string;

  public constructor(scope: Construct, id: string, props: IonosMachineProps) {
    super(scope, id);
    const check = new PropChecker(this);
    check.dnsSubdomain('name', props.name);
    check.dnsLabel('namespace', props.namespace);
    check.dnsLabel('clusterName', props.clusterName);
    checkDatacenterID(check, 'datacenterID', props.datacenterID);
    const spec = renderMachineSpec(check, {
      datacenterID: props.datacenterID,
      namespace: props.namespace,
      machine: props.machine,
      network: props.network ?? {},
      defaults: WORKER_DEFAULTS,
      prop: 'machine',
      networkProp: 'network',
    });
    check.throwIfAny();
    this.machineName = props.name;
    recordDemand(this, 1, props.network ?? {});
    new infrastructure.IonosCloudMachine(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: { [CLUSTER_NAME_LABEL]: props.clusterName } },
      spec: spec as unknown as infrastructure.IonosCloudMachineSpec,
    });
  }
}
