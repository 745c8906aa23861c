/** Small builders shared by the construct tests. */
import { Testing } from 'cdk8s';
import { Credentials, IonosCluster, MachineImage, type IonosClusterProps } from '../../src/constructs/index.js';

export const DATACENTER = '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00';
export const IMAGE = MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001');

/** Cluster props that pass every check; override what a test is about. */
export function clusterProps(overrides: Partial<IonosClusterProps> = {}): IonosClusterProps {
  return {
    namespace: 'prod-a',
    location: 'de/txl',
    datacenterID: DATACENTER,
    credentials: Credentials.fromSecretName('ionos-credentials'),
    kubernetesVersion: 'v1.31.2',
    controlPlane: { endpoint: { host: '10.20.0.10' }, machine: { disk: { image: IMAGE } } },
    ...overrides,
  };
}

/** A fresh app with one valid cluster named prod-a. */
export function newCluster(overrides: Partial<IonosClusterProps> = {}) {
  const app = Testing.app();
  const cluster = new IonosCluster(app, 'prod-a', clusterProps(overrides));
  return { app, cluster };
}

/** Runs `fn` and returns the problems of the ProblemError it throws. */
export function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    const problems = (error as { problems?: { path: string; message: string }[] }).problems;
    if (problems === undefined) throw error;
    return problems;
  }
  throw new Error('expected a ProblemError, but nothing was thrown');
}
