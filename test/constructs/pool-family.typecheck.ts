/**
 * Type-level test, checked by `tsc` in `npm test`: a pool of the wrong family does not compile.
 * Each `@ts-expect-error` fails the type check if the line below it ever compiles.
 */
import { IonosCluster, IpPool, MachineImage, Network, type IIpv4Pool, type IIpv6Pool } from '../../src/constructs/index.js';
import { clusterProps, newCluster } from './fixtures.js';

const { app, cluster } = newCluster();
const v4: IIpv4Pool = IpPool.fromName('IPv4', 'nodes-v4', { namespace: 'prod-a' });
const v6: IIpv6Pool = IpPool.fromName('IPv6', 'nodes-v6', { namespace: 'prod-a' });
const machine = { disk: { image: MachineImage.fromId('x') } };

cluster.addNodePool('right', { machine, network: { ipv4Pool: v4, ipv6Pool: v6 } });
// @ts-expect-error an IPv6 pool where IPv4 is asked
cluster.addNodePool('wrong-primary', { machine, network: { ipv4Pool: v6 } });
// @ts-expect-error an IPv4 pool where IPv6 is asked
cluster.addNodePool('wrong-primary6', { machine, network: { ipv6Pool: v4 } });
// @ts-expect-error an IPv6 pool on an additional network's IPv4 slot
cluster.addNodePool('wrong-additional', { machine, network: { additionalNetworks: [{ networkID: 3, ipv4Pool: v6 }] } });
// @ts-expect-error a pool construct of the wrong family
cluster.addNodePool('wrong-construct', { machine, network: { ipv4Pool: new IpPool(cluster, 'p6', { family: 'IPv6', name: 'p6', namespace: 'prod-a', addresses: ['fd00::/64'], prefix: 64 }) } });
// @ts-expect-error a string is not a pool
cluster.addNodePool('string', { machine, network: { ipv4Pool: 'nodes-v4' } });

// Planned pools take their family from the network's type.
const v6net = new Network(app, 'nodes-v6', { family: 'IPv6', cidr: 'fd00::/56' });
const planned6 = new IpPool(cluster, 'planned6', { family: 'IPv6', name: 'planned6', namespace: 'prod-a', network: v6net });
cluster.addNodePool('right-planned', { machine, network: { ipv6Pool: planned6 } });
// @ts-expect-error an IPv6 network's pool where IPv4 is asked
cluster.addNodePool('wrong-planned', { machine, network: { ipv4Pool: planned6 } });
// @ts-expect-error an IPv4 pool planned from an IPv6 network
new IpPool(cluster, 'mixed', { family: 'IPv4', name: 'mixed', namespace: 'prod-a', network: v6net });
// @ts-expect-error a control-plane endpoint planned from an IPv6 network
new IonosCluster(app, 'v6-endpoint', clusterProps({ controlPlane: { endpoint: { network: v6net }, machine } }));
