/**
 * Manifests applied to a workload cluster once it is up, through a ClusterResourceSet: the way
 * Cluster API installs a CNI (the provider's calico and e2e flavours do the same).
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { addons } from '../l1.js';
import { CLUSTER_NAME_LABEL } from '../vocabulary.js';
import { PropChecker } from './private/errors.js';

/** When the manifests are applied. */
export type AddonStrategy = 'ApplyOnce' | 'Reconcile';

/** Properties of a {@link ClusterAddon}. */
export interface ClusterAddonProps {
  /** The cluster's name: the ClusterResourceSet selects the Cluster by its cluster-name label. */
  readonly clusterName: string;
  /** The cluster's namespace. */
  readonly namespace: string;
  /** The manifests: one YAML stream, applied as it is to the workload cluster. */
  readonly manifest: string;
  /**
   * Name of the ConfigMap and the ClusterResourceSet.
   * @default `<cluster>-<id>`
   */
  readonly name?: string;
  /**
   * `ApplyOnce` applies the manifests once per cluster; `Reconcile` re-applies them when the
   * ConfigMap changes.
   * @default 'ApplyOnce'
   */
  readonly strategy?: AddonStrategy;
}

/** A ConfigMap's data may hold at most 1 MiB (the API server's limit). */
const CONFIG_MAP_MAX_BYTES = 1024 * 1024;
/** The key in the ConfigMap that holds the manifests. */
export const ADDON_MANIFEST_KEY = 'manifests.yaml';

/** A ConfigMap with manifests and the ClusterResourceSet that applies it to one cluster. */
export class ClusterAddon extends Construct {
  /** Name of the ConfigMap and the ClusterResourceSet. */
  public readonly addonName: string;

  public constructor(scope: Construct, id: string, props: ClusterAddonProps) {
    super(scope, id);
    const name = props.name ?? `${props.clusterName}-${id}`;
    const check = new PropChecker(this);
    check.dnsSubdomain('name', name);
    const bytes = Buffer.byteLength(props.manifest, 'utf8');
    check.check(props.manifest.trim().length > 0, 'manifest', 'is empty; give the manifests to apply to the cluster');
    check.check(bytes + ADDON_MANIFEST_KEY.length <= CONFIG_MAP_MAX_BYTES, 'manifest',
      `has ${bytes} bytes, more than a ConfigMap holds (1 MiB); split it into several addons`);
    check.check(props.strategy === undefined || props.strategy === 'ApplyOnce' || props.strategy === 'Reconcile', 'strategy',
      `must be 'ApplyOnce' or 'Reconcile', got ${JSON.stringify(props.strategy)}`);
    check.throwIfAny();
    this.addonName = name;

    const metadata = { name, namespace: props.namespace, labels: { [CLUSTER_NAME_LABEL]: props.clusterName } };
    new ApiObject(this, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { [ADDON_MANIFEST_KEY]: props.manifest } });
    new addons.ClusterResourceSet(this, 'ClusterResourceSet', {
      metadata,
      spec: {
        clusterSelector: { matchLabels: { [CLUSTER_NAME_LABEL]: props.clusterName } },
        resources: [{ kind: addons.ClusterResourceSetSpecResourcesKind.CONFIG_MAP, name }],
        strategy: props.strategy === 'Reconcile' ? addons.ClusterResourceSetSpecStrategy.RECONCILE : addons.ClusterResourceSetSpecStrategy.APPLY_ONCE,
      },
    });
  }
}
