export * from './credentials.js';
export * from './ionos-cluster.js';
export * from './ionos-machine.js';
export * from './ip-pool.js';
export * from './labels.js';
export * from './machine.js';
export * from './node-pool.js';
export * from './shared-objects.js';
