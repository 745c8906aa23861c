/**
 * A dual-stack cluster: every machine's primary NIC takes one IPv4 and one IPv6 address, each
 * from the cluster's own pool of that family.
 *
 * Its addresses are written by hand, not planned: the networks are declared only so that
 * synthesis checks them. Every pool must lie in a declared network, hold no gateway, reserved
 * range or control-plane endpoint (10.30.0.10 here), overlap no other pool, and be large enough
 * for its machines at their peak (replicas + maxSurge); pod and service CIDRs must not overlap
 * the networks, and a dual-stack cluster needs both families of each. Try moving the endpoint
 * into 10.30.1.0/27 and run `npx capi-ionos validate examples/dual-stack/main.ts`.
 *
 * Synthesise with `npx capi-ionos synth examples/dual-stack/main.ts`.
 */
import { Credentials, FleetApp, IonosCluster, IpPool, MachineImage, Network } from 'cdk8s-capi-ionos';

const app = new FleetApp();
const nodes = new Network(app, 'nodes', { family: 'IPv4', cidr: '10.30.0.0/16', gateway: '10.30.0.1' });
const nodesV6 = new Network(app, 'nodes-v6', { family: 'IPv6', cidr: 'fd00:30::/64', gateway: 'fd00:30::1' });
const image = MachineImage.fromSelector({ matchLabels: { os: 'ubuntu-2404' }, resolutionPolicy: 'Newest' });

const cluster = new IonosCluster(app, 'dual', {
  namespace: 'dual',
  location: 'de/fra',
  datacenterID: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  credentials: Credentials.fromSecretName('ionos-credentials'),
  kubernetesVersion: 'v1.31.2',
  podCidrBlocks: ['192.168.0.0/16', 'fd00:100::/56'],
  serviceCidrBlocks: ['10.96.0.0/12', 'fd00:200::/112'],
  controlPlane: {
    endpoint: { host: '10.30.0.10' },
    machine: { disk: { image } },
    network: {
      ipv4Pool: IpPool.fromName('IPv4', 'dual-nodes', { namespace: 'dual' }),
      ipv6Pool: IpPool.fromName('IPv6', 'dual-nodes-v6', { namespace: 'dual' }),
    },
  },
});

const v4 = new IpPool(cluster, 'dual-nodes', {
  family: 'IPv4', name: 'dual-nodes', namespace: 'dual',
  addresses: ['10.30.1.0/27'], network: nodes,
});
const v6 = new IpPool(cluster, 'dual-nodes-v6', {
  family: 'IPv6', name: 'dual-nodes-v6', namespace: 'dual',
  addresses: ['fd00:30::100-fd00:30::1ff'], network: nodesV6,
});

cluster.addNodePool('workers', {
  replicas: 4,
  maxSurge: 2,
  machine: { type: 'ENTERPRISE', cpuFamily: 'INTEL_SKYLAKE', cores: 4, memoryMB: 8192, disk: { sizeGB: 40, type: 'SSD Standard', image } },
  network: { ipv4Pool: v4, ipv6Pool: v6 },
  healthCheck: { unhealthyTimeout: '8m', maxUnhealthy: 1 },
});

app.synth();
