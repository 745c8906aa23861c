/**
 * The seed scenario: one cluster with three control-plane nodes and one worker pool, with every
 * address planned from the fleet's networks. The workers' primary NIC takes its IPv4 address
 * from the cluster's InClusterIPPool, planned from `nodes`; their second NIC, on LAN 3, draws from
 * a GlobalInClusterIPPool shared across clusters, planned from `storage`. The control-plane
 * endpoint is planned from `nodes` too. Every planned range is kept in ipam.lock.yaml beside this
 * file, so it never moves.
 *
 * Plan with `npx capi-ionos plan examples/basic/main.ts`, synthesise with
 * `npx capi-ionos synth examples/basic/main.ts` (or `npx cdk8s synth`, which runs this file
 * through cdk8s.yaml).
 */
import {
  Credentials, FleetApp, IonosCluster, IpPool, MachineImage, Network, SharedObjects,
} from 'cdk8s-capi-ionos';

const app = new FleetApp();

const nodes = new Network(app, 'nodes', {
  family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1', reserved: ['10.20.0.0/24'],
});
const storage = new Network(app, 'storage', {
  family: 'IPv4', cidr: '172.16.0.0/20', gateway: '172.16.0.1', lanID: 3,
});

const shared = new SharedObjects(app);
const storageIps = new IpPool(shared, 'additional-node-ips', {
  family: 'IPv4',
  name: 'additional-node-ips',
  scope: 'global',
  network: storage,
  size: 64,
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
    endpoint: { network: nodes },
    machine: { cores: 4, memoryMB: 8192, disk: { sizeGB: 50, image: MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001') } },
  },
});

// Sized from the machines that draw from it: 5 workers + 1 surge, plus headroom.
const nodeIps = new IpPool(cluster, 'primary-node-ips', {
  family: 'IPv4',
  name: 'primary-node-ips',
  namespace: 'prod-a',
  network: nodes,
});

cluster.addNodePool('workers', {
  replicas: 5,
  maxSurge: 1,
  machine: { cores: 2, memoryMB: 4096, disk: { image: MachineImage.fromId('3f1e2d4c-0000-4000-8000-000000000001') } },
  network: {
    ipv4Pool: nodeIps,
    additionalNetworks: [{ networkID: storage.lanID!, ipv4Pool: storageIps }],
  },
  healthCheck: {},
});

app.synth();
