/**
 * The first fleet of a new repository, in each format: one network, one cluster with three
 * control-plane nodes and a pool of two workers. The same fleet in all three, so that the docs and the
 * next steps read the same whichever format was chosen.
 */
import type { ScaffoldOptions } from './options.js';

/** Placeholders the user replaces: a datacenter and a machine image of their IONOS account. */
const DATACENTER = '00000000-0000-4000-8000-000000000000';
const IMAGE = '00000000-0000-4000-8000-000000000001';

/** The fleet file in YAML. */
export function fleetYaml(options: ScaffoldOptions): string {
  return `# The fleet: networks, clusters, node pools (docs/fleet-file.md of cdk8s-capi-ionos).
# 'npx capi-ionos plan' shows the IP ranges it gets; 'npx capi-ionos plan --write' records them in
# ipam.lock.yaml; 'npx capi-ionos synth' writes dist/. Replace the datacenter and image ids with
# your own.
apiVersion: capi-ionos.dev/v1alpha1
kind: Fleet
metadata:
  name: ${options.name}
networks:
  - name: nodes                    # the clusters' primary LAN
    cidr: 10.20.0.0/16
    gateway: 10.20.0.1
    reserved: [10.20.0.0/24]       # DHCP range and appliances: never planned
clusters:
  - name: dev
    namespace: dev
    location: de/txl
    datacenterID: ${DATACENTER}
    credentialsSecret: ionos-credentials   # a Secret in the namespace, created apart from Git
    kubernetesVersion: v1.31.2
    controlPlane:
      replicas: 3
      endpoint: auto               # a VIP planned from the primary network
      machine: {cores: 4, memoryMB: 8192, disk: {image: {id: ${IMAGE}}}}
      network: {ipv4: nodes}
    nodePools:
      - name: workers
        replicas: 2
        maxSurge: 1
        machine: {cores: 2, memoryMB: 4096, disk: {image: {id: ${IMAGE}}}}
        network: {ipv4: nodes}
        healthCheck: true
`;
}

/** The fleet in Jsonnet, with the helpers of the shipped capi-ionos.libsonnet. */
export function fleetJsonnet(options: ScaffoldOptions): string {
  return `// The fleet, in Jsonnet with the helpers of capi-ionos.libsonnet (shipped with cdk8s-capi-ionos;
// capi-ionos finds it without -J). It evaluates to the same fleet a YAML fleet file holds
// (docs/fleet-file.md). 'npx capi-ionos plan' shows the IP ranges it gets; 'npx capi-ionos plan
// --write' records them in ipam.lock.yaml; 'npx capi-ionos synth' writes dist/. Replace the
// datacenter and image ids with your own.
local capi = import 'capi-ionos.libsonnet';

local nodes = '10.20.0.0/16';
local image = capi.image.id('${IMAGE}');
local ipv4 = capi.nic(ipv4='nodes');

capi.fleet(
  '${options.name}',
  networks=[
    // The clusters' primary LAN; its first /24 (DHCP range, appliances) is never planned.
    capi.network('nodes', nodes, gateway=capi.cidr.host(nodes, 1), reserved=[capi.cidr.subnet(nodes, 24, 0)]),
  ],
  clusters=[
    capi.cluster(
      'dev', 'de/txl', '${DATACENTER}', 'v1.31.2',
      capi.controlPlane(capi.machine(image, cores=4, memoryMB=8192), ipv4, replicas=3),
      [capi.nodePool('workers', 2, capi.machine(image, cores=2, memoryMB=4096), ipv4, maxSurge=1, healthCheck=true)],
    ),
  ],
)
`;
}

/** The fleet as a cdk8s app in TypeScript. */
export function fleetTs(): string {
  return `/**
 * The fleet as a cdk8s app (docs/constructs.md of cdk8s-capi-ionos). 'npx capi-ionos plan'
 * plans its pools and endpoint from its networks and records them in ipam.lock.yaml; 'npx
 * capi-ionos synth' plans, validates every object and writes dist/. Pool references are typed,
 * so an IPv6 pool given where IPv4 is asked does not compile ('npm run typecheck'). Replace the
 * datacenter and image ids with your own.
 */
import { Credentials, FleetApp, IonosCluster, IpPool, MachineImage, Network } from 'cdk8s-capi-ionos';

const app = new FleetApp();
const image = MachineImage.fromId('${IMAGE}');

// The clusters' primary LAN; its first /24 (DHCP range, appliances) is never planned.
const nodes = new Network(app, 'nodes', {
  family: 'IPv4', cidr: '10.20.0.0/16', gateway: '10.20.0.1', reserved: ['10.20.0.0/24'],
});

const cluster = new IonosCluster(app, 'dev', {
  namespace: 'dev',
  location: 'de/txl',
  datacenterID: '${DATACENTER}',
  credentials: Credentials.fromSecretName('ionos-credentials'),
  kubernetesVersion: 'v1.31.2',
  controlPlane: {
    replicas: 3,
    endpoint: { network: nodes },
    machine: { cores: 4, memoryMB: 8192, disk: { image } },
  },
});

// The workers' addresses, planned from the LAN and sized for their peak (replicas + maxSurge).
const nodeIps = new IpPool(cluster, 'nodes', {
  family: 'IPv4',
  name: 'dev-nodes',
  namespace: 'dev',
  network: nodes,
});

cluster.addNodePool('workers', {
  replicas: 2,
  maxSurge: 1,
  machine: { cores: 2, memoryMB: 4096, disk: { image } },
  network: { ipv4Pool: nodeIps },
  healthCheck: {},
});

app.synth();
`;
}
