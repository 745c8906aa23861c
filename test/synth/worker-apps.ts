/**
 * Apps for test/synth/synthesis-worker.test.ts, built by name so that the synthesis worker can
 * build them too (its builder is a module and an export, and its input crosses threads).
 */
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { infrastructure } from '../../src/l1.js';
import { buildFleet } from './fleet-builder.js';

/** The scenarios: a valid fleet, and that fleet with one kind of fault each. */
export type WorkerApp = 'fleet' | 'construct problems' | 'validation problems' | 'unrenderable' | 'throws';

export function buildWorkerApp(name: WorkerApp): App {
  if (name === 'throws') throw new RangeError('no app today');
  const app = Testing.app();
  buildFleet(app);
  const shared = app.node.findChild('_shared') as Chart;
  if (name === 'construct problems') {
    new ApiObject(shared, 'twin', { apiVersion: 'ipam.cluster.x-k8s.io/v1alpha2', kind: 'GlobalInClusterIPPool', metadata: { name: 'storage' } });
    new ApiObject(shared, 'nameless', { apiVersion: 'v1', kind: 'ConfigMap' });
  }
  if (name === 'validation problems') {
    new infrastructure.IonosCloudMachine(shared, 'm', {
      metadata: { name: 'm1', namespace: 'prod-a' },
      spec: { datacenterId: 'dc-1', memoryMb: 1000, disk: { image: { id: 'x' } } },
    });
  }
  if (name === 'unrenderable') {
    // A chart after the first ones, whose object cdk8s cannot render.
    new ApiObject(new Chart(app, 'zz'), 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { at: new Date(0) } });
  }
  return app;
}
