/**
 * LANs of the fake Cloud API: `GET /datacenters/{dc}/lans` (paged) and `GET …/lans/{id}`, and the
 * addresses the API assigns to a NIC created with `ips: null` (a public address on a public LAN,
 * a DHCP address on a private one; IPv6 only on a LAN with an IPv6 block).
 */
import { error, isAnswer, ok, pageOf, renderCollection, renderElement, type Element, type Router } from './http.js';

/** A LAN as stored. */
export interface FakeLan {
  readonly id: number;
  name: string;
  public: boolean;
  ipFailover: { ip: string; nicUuid: string }[];
  /** A /64 (`2001:db8:1:2::/64`) when the LAN has IPv6. */
  ipv6CidrBlock?: string;
  /** How many addresses the API has assigned on this LAN. */
  assigned: number;
}

/** Options of {@link Lans.add}. */
export interface LanOptions {
  readonly name?: string;
  readonly public?: boolean;
  readonly ipv6CidrBlock?: string;
}

export class Lans {
  private readonly byDatacenter = new Map<string, Map<number, FakeLan>>();

  public constructor(private readonly apiURL: () => string) {}

  public register(router: Router): void {
    router.add('GET', /^\/datacenters\/([^/]+)\/lans$/, (call, m) => {
      const page = pageOf(call.query);
      if (isAnswer(page)) return page;
      return ok(renderCollection(this.collection(m[1]!), call.depth, page));
    });
    router.add('GET', /^\/datacenters\/([^/]+)\/lans\/([^/]+)$/, (call, m) => {
      const lan = this.get(m[1]!, Number(m[2]));
      return lan === undefined ? error(404, 'RES-404', `LAN ${m[2]} not found in datacenter ${m[1]}`) : ok(renderElement(this.element(m[1]!, lan), call.depth));
    });
  }

  public add(datacenterId: string, id: number, options: LanOptions = {}): FakeLan {
    const lans = this.byDatacenter.get(datacenterId) ?? new Map<number, FakeLan>();
    const lan: FakeLan = {
      id, name: options.name ?? `lan-${id}`, public: options.public ?? false, ipFailover: [], assigned: 0,
      ...(options.ipv6CidrBlock !== undefined ? { ipv6CidrBlock: options.ipv6CidrBlock } : {}),
    };
    lans.set(id, lan);
    this.byDatacenter.set(datacenterId, lans);
    return lan;
  }

  public get(datacenterId: string, id: number): FakeLan | undefined {
    return this.byDatacenter.get(datacenterId)?.get(id);
  }

  /**
   * The addresses the API gives a NIC created without them: IPv4 from a documentation range
   * (public LAN: 203.0.113.x; private LAN: DHCP 10.<lan>.0.x), IPv6 from the LAN's block.
   */
  public assign(datacenterId: string, id: number): { ips: string[]; ipv6Ips: string[] } {
    const lan = this.get(datacenterId, id);
    if (lan === undefined) return { ips: [], ipv6Ips: [] };
    lan.assigned++;
    const n = lan.assigned;
    const ips = [lan.public ? `203.0.113.${n % 250 + 1}` : `10.${id % 256}.${Math.floor(n / 250) % 256}.${n % 250 + 2}`];
    const ipv6Ips = lan.ipv6CidrBlock === undefined ? [] : [`${lan.ipv6CidrBlock.split('::')[0]}::${n.toString(16)}`];
    return { ips, ipv6Ips };
  }

  private collection(datacenterId: string) {
    const href = `${this.apiURL()}/datacenters/${datacenterId}/lans`;
    return { id: `${datacenterId}/lans`, href, items: () => [...(this.byDatacenter.get(datacenterId)?.values() ?? [])].map((l) => this.element(datacenterId, l)) };
  }

  private element(datacenterId: string, lan: FakeLan): Element {
    return {
      id: String(lan.id), type: 'lan', href: `${this.apiURL()}/datacenters/${datacenterId}/lans/${lan.id}`,
      metadata: { state: 'AVAILABLE' },
      properties: { name: lan.name, public: lan.public, ipFailover: lan.ipFailover, ipv6CidrBlock: lan.ipv6CidrBlock ?? null },
    };
  }
}
