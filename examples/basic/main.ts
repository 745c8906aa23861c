/**
 * The seed scenario: one cluster with three control-plane nodes and one worker pool. Every
 * machine's primary NIC takes its IPv4 address from the cluster's InClusterIPPool; the workers
 * have a second NIC on LAN 3 that draws from a GlobalInClusterIPPool shared across clusters.
 *
 * Synthesise with `npx capi-ionos synth examples/basic/main.ts -o examples/basic/dist`
 * (or `npx cdk8s synth`, which runs this file through cdk8s.yaml).
 */
import {
  Credentials, FleetApp, IonosCluster, IpPool, MachineImage, SharedObjects,
} from 'cdk8s-capi-ionos';

const app = new FleetApp();

const shared = new SharedObjects(app);
const storage = new IpPool(shared, 'additional-node-ips', {
  family: 'IPv4',
  name: 'additional-node-ips',
  scope: 'global',
  addresses: ['172.16.0.0/26'],
  prefix: 20,
  gateway: '172.16.0.1',
  excludedAddresses: ['172.16.0.1'],
});

const cluster = new IonosCluster(app, 'prod-a', {
  namespace: 'prod-a',
  location: 'de/txl',
  datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00',
  credentials: Credentials.fromSecretName('ionos-credentials'),
  kubernetesVersion: 'v1.31.2',
  sshAuthorizedKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTheDocs platform@example.org'],
  controlPlane: {
    replicas: 3,
    endpoint: { host: '10.20.0.10' },
    machine: { cores: 4, memoryMB: 8192, disk: { sizeGB: 50, image: MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001') } },
  },
});

const nodeIps = new IpPool(cluster, 'primary-node-ips', {
  family: 'IPv4',
  name: 'primary-node-ips',
  namespace: 'prod-a',
  addresses: ['10.20.1.0/27'],
  prefix: 16,
  gateway: '10.20.0.1',
});

cluster.addNodePool('workers', {
  replicas: 5,
  maxSurge: 1,
  machine: { cores: 2, memoryMB: 4096, disk: { image: MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001') } },
  network: {
    ipv4Pool: nodeIps,
    additionalNetworks: [{ networkID: 3, ipv4Pool: storage }],
  },
  healthCheck: {},
});

app.synth();
