/**
 * The generated L1 classes (from `npm run import`), one namespace per API group.
 *
 * This is the only module that imports `../imports/*`. Constructs use these classes through
 * the namespaces; users may too, as an escape hatch for fields the L2 constructs do not cover.
 */
export * as addons from '../imports/addons.cluster.x-k8s.io.js';
export * as bootstrap from '../imports/bootstrap.cluster.x-k8s.io.js';
export * as capi from '../imports/cluster.x-k8s.io.js';
export * as controlplane from '../imports/controlplane.cluster.x-k8s.io.js';
export * as infrastructure from '../imports/infrastructure.cluster.x-k8s.io.js';
export * as ipamApi from '../imports/ipam.cluster.x-k8s.io.js';
