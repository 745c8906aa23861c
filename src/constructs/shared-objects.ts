import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';

/** The directory (chart id) that holds objects shared by several clusters. */
export const SHARED_CHART_ID = '_shared';

/**
 * A chart for objects that belong to no single cluster, such as GlobalInClusterIPPools used by
 * several clusters. It synthesises into `_shared/`, a name no cluster can have (cluster names
 * are DNS labels), so removing a cluster never removes a shared object.
 */
export class SharedObjects extends Chart {
  public constructor(scope: Construct) {
    super(scope, SHARED_CHART_ID, { disableResourceNameHashes: true });
  }
}
