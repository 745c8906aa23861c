/**
 * Type-level test, checked by `tsc` in `npm test`: a pool of the wrong family does not compile.
 * Each `@ts-expect-error` fails the type check if the line below it ever compiles.
 */
import { IpPool, MachineImage, type IIpv4Pool, type IIpv6Pool } from '../../src/constructs/index.js';
import { newCluster } from './fixtures.js';

const { cluster } = newCluster();
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
