// capi-ionos.libsonnet: helpers for writing a capi-ionos fleet file in Jsonnet.
//
//   local capi = import 'capi-ionos.libsonnet';
//   capi.fleet('acme', networks=[capi.network('nodes', '10.20.0.0/16')], clusters=[...])
//
// Each builder returns the plain object a YAML fleet file would hold (docs/fleet-file.md).
// Parameters left at null are left out, so the fleet reader applies its documented defaults;
// the result is an ordinary object that `+` can extend. `capi-ionos` checks the whole fleet
// after evaluation and reports every problem with its path.
//
// The IP helpers (ip, cidr, range) call native functions that the capi-ionos evaluator provides
// (`capi-ionos synth|plan|validate fleet.jsonnet`); the plain `jsonnet` command does not have them.
// Each call crosses into JavaScript (about 0.1 ms): use them to describe networks, not inside
// loops over thousands of machines.
//
// Speed: a fleet of thousands calls the builders thousands of times, and C++ Jsonnet is slow
// (bench/jsonnet.ts measures it), so the builders avoid what costs there:
// - `x != null` is `!std.equals(x, null)`, written in Jsonnet; the builtin std.primitiveEquals
//   (false for an object or list against null) is several times faster;
// - `std.primitiveEquals` written at each use indexes `std` and makes a new function value every
//   time; the locals below are made once per evaluation;
// - a call to a helper function costs about as much as two null tests, so `machine` checks its
//   image inline.
// Together these take 8-24% off each builder call.
local eq = std.primitiveEquals;
local typeOf = std.type;

// Lists cross into native functions as JSON text.
local json(value) = std.manifestJsonMinified(value);

{
  // The fleet file's apiVersion and kind.
  apiVersion:: 'capi-ionos.dev/v1alpha1',
  kind:: 'Fleet',

  // The whole fleet. `clusters` is required by the reader (it may be empty).
  fleet(name, networks=[], clusters=[], sharedPools=null, manualPools=null):: {
    apiVersion: 'capi-ionos.dev/v1alpha1',
    kind: 'Fleet',
    metadata: { name: name },
    networks: networks,
    clusters: clusters,
    [if !eq(sharedPools, null) then 'sharedPools']: sharedPools,
    [if !eq(manualPools, null) then 'manualPools']: manualPools,
  },

  // A LAN (or routed segment) the planner carves pools from. Without `lanID` it is the clusters'
  // primary LAN. `allocation`: 'aligned' (default, one CIDR per pool) or 'packed'.
  network(name, cidr, gateway=null, reserved=null, lanID=null, allocation=null):: {
    name: name,
    cidr: cidr,
    [if !eq(gateway, null) then 'gateway']: gateway,
    [if !eq(reserved, null) then 'reserved']: reserved,
    [if !eq(lanID, null) then 'lanID']: lanID,
    [if !eq(allocation, null) then 'allocation']: allocation,
  },

  // A GlobalInClusterIPPool of `size` addresses in `network`, used by several clusters.
  sharedPool(name, network, size):: { name: name, network: network, size: size },

  // A pool made elsewhere, which the planner keeps clear of and checks.
  manualPool(name, addresses, network=null):: {
    name: name,
    addresses: addresses,
    [if !eq(network, null) then 'network']: network,
  },

  // A cluster. The namespace defaults to the cluster's name and the credentials Secret to
  // 'ionos-credentials'; `poolSizes` is keyed by network name.
  cluster(name, location, datacenterID, kubernetesVersion, controlPlane, nodePools=[],
          namespace=name, credentialsSecret='ionos-credentials', sshAuthorizedKeys=null,
          podCidrBlocks=null, poolSizes=null):: {
    name: name,
    namespace: namespace,
    location: location,
    datacenterID: datacenterID,
    credentialsSecret: credentialsSecret,
    kubernetesVersion: kubernetesVersion,
    controlPlane: controlPlane,
    nodePools: nodePools,
    [if !eq(sshAuthorizedKeys, null) then 'sshAuthorizedKeys']: sshAuthorizedKeys,
    [if !eq(podCidrBlocks, null) then 'podCidrBlocks']: podCidrBlocks,
    [if !eq(poolSizes, null) then 'poolSizes']: poolSizes,
  },

  // The control plane. `endpoint` 'auto' (the default) plans a VIP from `network.ipv4`;
  // replicas (odd) default to 3, maxSurge (0 or 1) to 1, port to 6443.
  controlPlane(machine, network=null, replicas=null, endpoint='auto', port=null, maxSurge=null,
               additionalNetworks=null):: {
    machine: machine,
    endpoint: endpoint,
    [if !eq(network, null) then 'network']: network,
    [if !eq(replicas, null) then 'replicas']: replicas,
    [if !eq(port, null) then 'port']: port,
    [if !eq(maxSurge, null) then 'maxSurge']: maxSurge,
    [if !eq(additionalNetworks, null) then 'additionalNetworks']: additionalNetworks,
  },

  // A node pool (a MachineDeployment). maxSurge defaults to 1, maxUnavailable to 0;
  // `healthCheck` is true or capi.healthCheck(...).
  nodePool(name, replicas, machine, network=null, additionalNetworks=null, maxSurge=null,
           maxUnavailable=null, healthCheck=null, labels=null):: {
    name: name,
    replicas: replicas,
    machine: machine,
    [if !eq(network, null) then 'network']: network,
    [if !eq(additionalNetworks, null) then 'additionalNetworks']: additionalNetworks,
    [if !eq(maxSurge, null) then 'maxSurge']: maxSurge,
    [if !eq(maxUnavailable, null) then 'maxUnavailable']: maxUnavailable,
    [if !eq(healthCheck, null) then 'healthCheck']: healthCheck,
    [if !eq(labels, null) then 'labels']: labels,
  },

  // A machine: `image` is an image id or capi.image.selector(...). Cores default to 4 (control
  // plane) or 2 (node pools), memoryMB to 8192 or 4096; `type` is 'VCPU' unless 'ENTERPRISE'.
  machine(image, cores=null, memoryMB=null, diskGB=null, diskType=null, type=null, cpuFamily=null,
          availabilityZone=null, diskAvailabilityZone=null, failoverIP=null, networkID=null):: {
    [if !eq(cores, null) then 'cores']: cores,
    [if !eq(memoryMB, null) then 'memoryMB']: memoryMB,
    [if !eq(type, null) then 'type']: type,
    [if !eq(cpuFamily, null) then 'cpuFamily']: cpuFamily,
    [if !eq(availabilityZone, null) then 'availabilityZone']: availabilityZone,
    [if !eq(failoverIP, null) then 'failoverIP']: failoverIP,
    [if !eq(networkID, null) then 'networkID']: networkID,
    disk: {
      // An image id becomes { id: ... }; an image object is taken as is.
      image:
        local kind = typeOf(image);
        if eq(kind, 'object') then image
        else if eq(kind, 'string') then { id: image }
        else error "capi.machine: 'image' must be an image id (a string) or capi.image.selector(...), got " + kind,
      [if !eq(diskGB, null) then 'sizeGB']: diskGB,
      [if !eq(diskType, null) then 'type']: diskType,
      [if !eq(diskAvailabilityZone, null) then 'availabilityZone']: diskAvailabilityZone,
    },
  },

  // Machine images.
  image:: {
    // An IONOS image by id.
    id(id):: { id: id },
    // The image whose labels match; resolutionPolicy 'Exact' or 'Newest'.
    selector(matchLabels, resolutionPolicy=null, useMachineVersion=null):: {
      selector: {
        matchLabels: matchLabels,
        [if !eq(resolutionPolicy, null) then 'resolutionPolicy']: resolutionPolicy,
        [if !eq(useMachineVersion, null) then 'useMachineVersion']: useMachineVersion,
      },
    },
  },

  // The primary NIC: the networks it draws IPv4 and IPv6 from (null: DHCP).
  nic(ipv4=null, ipv6=null):: {
    [if !eq(ipv4, null) then 'ipv4']: ipv4,
    [if !eq(ipv6, null) then 'ipv6']: ipv6,
  },

  // An additional NIC, on the LAN of its network (which needs a lanID). Name the network, or
  // give `ipv4`/`ipv6` for a dual-stack NIC; `ipv4Pool`/`ipv6Pool` name a shared pool instead of
  // the cluster's own.
  additionalNetwork(network=null, ipv4=null, ipv6=null, ipv4Pool=null, ipv6Pool=null, dhcp=null):: {
    [if !eq(network, null) then 'network']: network,
    [if !eq(ipv4, null) then 'ipv4']: ipv4,
    [if !eq(ipv6, null) then 'ipv6']: ipv6,
    [if !eq(ipv4Pool, null) then 'ipv4Pool']: ipv4Pool,
    [if !eq(ipv6Pool, null) then 'ipv6Pool']: ipv6Pool,
    [if !eq(dhcp, null) then 'dhcp']: dhcp,
  },

  // A MachineHealthCheck with its own settings (durations such as '5m', maxUnhealthy a count or
  // '40%'); `healthCheck=true` uses the defaults.
  healthCheck(unhealthyTimeout=null, nodeStartupTimeout=null, maxUnhealthy=null):: {
    [if !eq(unhealthyTimeout, null) then 'unhealthyTimeout']: unhealthyTimeout,
    [if !eq(nodeStartupTimeout, null) then 'nodeStartupTimeout']: nodeStartupTimeout,
    [if !eq(maxUnhealthy, null) then 'maxUnhealthy']: maxUnhealthy,
  },

  // Single addresses.
  ip:: {
    // {family, address, value}: the canonical text and the value as decimal text.
    parse(address):: std.native('ipParse')(address),
    // Whether the text is one IPv4 or IPv6 address.
    valid(address):: std.native('ipValid')(address),
  },

  // CIDR blocks. Where an "entry" is taken, it may be an address, a range 'first-last' or a CIDR.
  cidr:: {
    // {family, address, prefix, network, first, last, size}.
    parse(cidr):: std.native('cidrParse')(cidr),
    // Whether every address of `entry` is in `cidr`.
    contains(cidr, entry):: std.native('cidrContains')(cidr, entry),
    // Whether two entries share an address.
    overlaps(a, b):: std.native('cidrOverlaps')(a, b),
    // The index-th block of length newPrefix in cidr: subnet('10.0.0.0/16', 24, 3) = '10.0.3.0/24'.
    subnet(cidr, newPrefix, index):: std.native('cidrSubnet')(cidr, newPrefix, index),
    // The number of addresses: a number for IPv4, decimal text for IPv6.
    size(cidr):: std.native('cidrSize')(cidr),
    // The n-th address from 0; a negative n counts from the end (-1 is the last).
    host(cidr, n):: std.native('cidrHost')(cidr, n),
  },

  // Ranges and lists of entries.
  range:: {
    // {family, first, last, size}.
    parse(entry):: std.native('rangeParse')(entry),
    // first..last as a pool lists it: an address, a CIDR when aligned, else 'first-last'.
    format(first, last):: std.native('rangeFormat')(first, last),
    // The entries merged where they overlap or touch, sorted, IPv4 first.
    merge(entries):: std.native('rangesMerge')(json(entries)),
    // The addresses of `from` not in `minus`, as entries.
    subtract(from, minus):: std.native('rangesSubtract')(json(from), json(minus)),
  },
}
