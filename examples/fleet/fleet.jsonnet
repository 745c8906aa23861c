// The fleet of fleet.yaml, written in Jsonnet with the helpers of capi-ionos.libsonnet.
// `capi-ionos synth fleet.jsonnet` writes the same dist/ as `capi-ionos synth fleet.yaml`: both
// are the same fleet and share ipam.lock.yaml.
local capi = import 'capi-ionos.libsonnet';

local nodes = '10.20.0.0/16';
local nodesV6 = 'fd00:20::/56';
local storage = '172.16.0.0/20';

local image = capi.image.id('3f1e2d4c-0000-4000-8000-000000000001');
local ubuntu = capi.image.selector({ os: 'ubuntu-2404' }, resolutionPolicy='Newest');

local txl = { location: 'de/txl', datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00' };
local fra = { location: 'de/fra', datacenterID: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d' };

// Every cluster of this fleet runs the same Kubernetes version.
local cluster(name, site, controlPlane, nodePools, poolSizes=null) =
  capi.cluster(name, site.location, site.datacenterID, 'v1.31.2', controlPlane, nodePools, poolSizes=poolSizes);

local ipv4 = capi.nic(ipv4='nodes');
local dualStack = capi.nic(ipv4='nodes', ipv6='nodes-v6');

capi.fleet(
  'acme',
  networks=[
    // The clusters' primary LAN; its first /24 holds the DHCP range and appliances.
    capi.network('nodes', nodes, gateway=capi.cidr.host(nodes, 1), reserved=[capi.cidr.subnet(nodes, 24, 0)]),
    capi.network('nodes-v6', nodesV6, gateway=capi.cidr.host(nodesV6, 1)),
    // A second LAN for storage traffic.
    capi.network('storage', storage, gateway=capi.cidr.host(storage, 1), lanID=3),
  ],
  sharedPools=[capi.sharedPool('shared-storage', 'storage', 64)],
  clusters=[
    cluster(
      'prod-a', txl,
      capi.controlPlane(capi.machine(image, cores=4, memoryMB=8192, diskGB=50), ipv4, replicas=3),
      [
        capi.nodePool('workers', 5, capi.machine(image, cores=2, memoryMB=4096), ipv4, maxSurge=1,
                      additionalNetworks=[capi.additionalNetwork('storage')], healthCheck=true),
        capi.nodePool('db', 2, capi.machine(image, cores=8, memoryMB=16384), ipv4,
                      additionalNetworks=[capi.additionalNetwork('storage', ipv4Pool='shared-storage')]),
      ],
    ),
    cluster(
      'prod-b', fra,
      capi.controlPlane(capi.machine(image), ipv4, replicas=1),
      [
        capi.nodePool('workers', 3, capi.machine(image), ipv4,
                      additionalNetworks=[capi.additionalNetwork('storage', ipv4Pool='shared-storage')]),
      ],
      poolSizes={ nodes: 32 },
    ),
    cluster(
      'edge', txl,
      capi.controlPlane(capi.machine(ubuntu), dualStack, replicas=3),
      [capi.nodePool('workers', 4, capi.machine(ubuntu, cores=4, memoryMB=8192), dualStack, maxSurge=2)],
    ),
  ],
)
