/** The address family of a pool or network. It is part of their types, so families cannot be mixed up. */
export type IpFamily = 'IPv4' | 'IPv6';
