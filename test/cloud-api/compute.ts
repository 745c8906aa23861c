/**
 * Servers and their NICs in the fake Cloud API:
 * - `GET /datacenters/{dc}/servers/{id}` (depth: NICs as `entities.nics`);
 * - `GET|POST /datacenters/{dc}/servers/{id}/nics` (paged), `GET|PATCH …/nics/{nicId}`.
 *
 * States: a server is `BUSY` while a request on it or one of its NICs is QUEUED or RUNNING (and
 * whatever {@link Servers.setState} says otherwise); its `vmState` is `RUNNING` unless set. A
 * created NIC is listed at once in state `BUSY` and becomes `AVAILABLE` when its request is DONE
 * (it disappears if the request FAILED); a NIC created with `ips`/`ipv6Ips` null or absent gets
 * the addresses the API assigns (see `network.ts`) when it is DONE. A PATCH takes effect when
 * its request is DONE.
 */
import { accepted, error, isAnswer, ok, pageOf, renderCollection, renderElement, type Answer, type Call, type Element, type Router } from './http.js';
import type { Lans } from './network.js';
import type { RequestBook } from './requests.js';

/** A NIC as stored: the API's `Nic` shape. */
export interface FakeNic {
  id: string;
  metadata: { state: string; createdDate: string };
  properties: {
    name?: string;
    mac: string;
    ips: string[];
    ipv6Ips: string[];
    dhcp: boolean;
    lan: number;
    firewallActive: boolean;
    deviceNumber: number;
    pciSlot: number;
    vnet?: string;
  };
}

/** A server as stored. */
export interface FakeServer {
  readonly datacenterId: string;
  readonly id: string;
  name: string;
  /** The state when no request is under way: `AVAILABLE`, `BUSY`, `INACTIVE`, … */
  state: string;
  vmState: string;
  readonly nics: FakeNic[];
}

/** A NIC to put on a server with {@link Servers.add}. */
export interface NicSeed {
  readonly name?: string;
  readonly lan: number;
  readonly ips?: string[];
  readonly ipv6Ips?: string[];
  readonly dhcp?: boolean;
}

/** What the family needs from the server. */
export interface ComputeHost {
  readonly apiURL: string;
  readonly requests: RequestBook;
  readonly lans: Lans;
  now(): number;
  nextId(): string;
}

const KNOWN_NIC_PROPERTIES = new Set(['name', 'ips', 'dhcp', 'lan', 'firewallActive', 'firewallType', 'vnet', 'ipv6Ips', 'ipv6CidrBlock', 'dhcpv6']);

export class Servers {
  /**
   * Whether a NIC being created is listed (state BUSY) before its request is DONE. When false,
   * only the request history shows that it is on its way.
   */
  public listBusyNics = true;
  /** Whether a server shows BUSY while a request on it or its NICs runs (as the API does). */
  public busyWhileRequests = true;
  private readonly byId = new Map<string, FakeServer>();
  /** NICs whose creation request has not ended. */
  private readonly creating = new Set<FakeNic>();

  public constructor(private readonly host: ComputeHost) {}

  public register(router: Router): void {
    const server = /^\/datacenters\/([^/]+)\/servers\/([^/]+)$/;
    const nics = /^\/datacenters\/([^/]+)\/servers\/([^/]+)\/nics$/;
    const nic = /^\/datacenters\/([^/]+)\/servers\/([^/]+)\/nics\/([^/]+)$/;
    router.add('GET', server, (call, m) => this.withServer(m, (s) => ok(renderElement(this.serverElement(s), call.depth))));
    router.add('GET', nics, (call, m) => this.withServer(m, (s) => {
      const page = pageOf(call.query);
      return isAnswer(page) ? page : ok(renderCollection(this.nicCollection(s), call.depth, page));
    }));
    router.add('POST', nics, (call, m) => this.withServer(m, (s) => this.createNic(s, call)));
    router.add('GET', nic, (call, m) => this.withNic(m, (s, n) => ok(renderElement(this.nicElement(s, n), call.depth))));
    router.add('PATCH', nic, (call, m) => this.withNic(m, (s, n) => this.patchNic(s, n, call)));
  }

  /** Adds a server (AVAILABLE, RUNNING) with NICs (AVAILABLE). Returns the NIC ids in order. */
  public add(datacenterId: string, id: string, name: string, nics: readonly NicSeed[] = []): string[] {
    const server: FakeServer = { datacenterId, id, name, state: 'AVAILABLE', vmState: 'RUNNING', nics: [] };
    this.byId.set(id, server);
    return nics.map((seed) => {
      const nic = this.newNic(server, seed);
      nic.metadata.state = 'AVAILABLE';
      server.nics.push(nic);
      return nic.id;
    });
  }

  /** Sets a server's resting state and/or its vmState. */
  public setState(serverId: string, state: { readonly state?: string; readonly vmState?: string }): void {
    const server = this.byId.get(serverId);
    if (server === undefined) throw new Error(`no server ${serverId}`);
    if (state.state !== undefined) server.state = state.state;
    if (state.vmState !== undefined) server.vmState = state.vmState;
  }

  /** The NICs of a server as stored (live objects). */
  public nicsOf(serverId: string): FakeNic[] {
    this.host.requests.settle();
    return this.byId.get(serverId)?.nics ?? [];
  }

  /** The state a GET shows: BUSY while a request on the server or its NICs runs. */
  public stateOf(server: FakeServer): string {
    const prefix = this.serverHref(server);
    const busy = this.busyWhileRequests && this.host.requests.pendingFor((r) => r.target.href === prefix || r.target.href.startsWith(`${prefix}/`));
    return busy ? 'BUSY' : server.state;
  }

  private withServer(m: RegExpExecArray, then: (server: FakeServer) => Answer): Answer {
    const server = this.byId.get(m[2]!);
    if (server === undefined || server.datacenterId !== m[1]) return error(404, 'RES-404', `server ${m[2]} not found in datacenter ${m[1]}`);
    return then(server);
  }

  private withNic(m: RegExpExecArray, then: (server: FakeServer, nic: FakeNic) => Answer): Answer {
    return this.withServer(m, (server) => {
      const nic = server.nics.find((n) => n.id === m[3]);
      return nic === undefined ? error(404, 'RES-404', `NIC ${m[3]} not found on server ${server.id}`) : then(server, nic);
    });
  }

  private serverHref(server: FakeServer): string {
    return `${this.host.apiURL}/datacenters/${server.datacenterId}/servers/${server.id}`;
  }

  private serverElement(server: FakeServer): Element {
    return {
      id: server.id, type: 'server', href: this.serverHref(server),
      metadata: { state: this.stateOf(server) },
      properties: { name: server.name, vmState: server.vmState, type: 'VCPU' },
      entities: { nics: this.nicCollection(server) },
    };
  }

  private nicCollection(server: FakeServer) {
    return {
      id: `${server.id}/nics`, href: `${this.serverHref(server)}/nics`,
      items: () => server.nics.filter((n) => this.listBusyNics || !this.creating.has(n)).map((n) => this.nicElement(server, n)),
    };
  }

  private nicElement(server: FakeServer, nic: FakeNic): Element {
    return { id: nic.id, type: 'nic', href: `${this.serverHref(server)}/nics/${nic.id}`, metadata: nic.metadata, properties: nic.properties };
  }

  private newNic(server: FakeServer, seed: NicSeed & { vnet?: string }): FakeNic {
    const id = this.host.nextId();
    const index = server.nics.length;
    const hex = (index + 1).toString(16).padStart(2, '0');
    return {
      id,
      metadata: { state: 'BUSY', createdDate: new Date(this.host.now()).toISOString() },
      properties: {
        ...(seed.name !== undefined ? { name: seed.name } : {}),
        mac: `02:01:00:00:${id.slice(-2)}:${hex}`,
        ips: [...(seed.ips ?? [])],
        ipv6Ips: [...(seed.ipv6Ips ?? [])],
        dhcp: seed.dhcp ?? true,
        lan: seed.lan,
        firewallActive: false,
        deviceNumber: index + 1,
        pciSlot: index + 6,
        ...(seed.vnet !== undefined ? { vnet: seed.vnet } : {}),
      },
    };
  }

  private createNic(server: FakeServer, call: Call): Answer {
    const props = (call.body as { properties?: Record<string, unknown> } | undefined)?.properties;
    const problems = validateNicProperties(props, true);
    if (problems.length > 0) return error(422, 'VAL-422', problems.join('; '));
    const lan = props!['lan'] as number;
    if (this.host.lans.get(server.datacenterId, lan) === undefined) return error(422, 'VAL-422', `[(root).properties.lan] LAN ${lan} does not exist in datacenter ${server.datacenterId}`);
    if (server.nics.length >= 24) return error(422, 'VAL-422', 'a server can have at most 24 NICs and volumes');
    const assignV4 = !Array.isArray(props!['ips']);
    const assignV6 = !Array.isArray(props!['ipv6Ips']);
    const nic = this.newNic(server, props as unknown as NicSeed & { vnet?: string });
    server.nics.push(nic);
    this.creating.add(nic);
    const request = this.host.requests.create({
      method: 'POST', url: call.url, body: call.raw, target: { id: nic.id, type: 'nic', href: `${this.serverHref(server)}/nics/${nic.id}` },
      onDone: () => {
        const assigned = this.host.lans.assign(server.datacenterId, lan);
        if (assignV4) nic.properties.ips = assigned.ips;
        if (assignV6) nic.properties.ipv6Ips = assigned.ipv6Ips;
        nic.metadata.state = 'AVAILABLE';
        this.creating.delete(nic);
      },
      onFailed: () => {
        server.nics.splice(server.nics.indexOf(nic), 1);
        this.creating.delete(nic);
      },
    });
    return accepted(renderElement(this.nicElement(server, nic), 0), this.host.requests.location(request));
  }

  private patchNic(server: FakeServer, nic: FakeNic, call: Call): Answer {
    const props = call.body as Record<string, unknown> | undefined;
    const problems = validateNicProperties(props, false);
    if (problems.length > 0) return error(422, 'VAL-422', problems.join('; '));
    nic.metadata.state = 'BUSY';
    const request = this.host.requests.create({
      method: 'PATCH', url: call.url, body: call.raw, target: { id: nic.id, type: 'nic', href: `${this.serverHref(server)}/nics/${nic.id}` },
      onDone: () => {
        if (Array.isArray(props!['ips'])) nic.properties.ips = [...(props!['ips'] as string[])];
        if (Array.isArray(props!['ipv6Ips'])) nic.properties.ipv6Ips = [...(props!['ipv6Ips'] as string[])];
        if (typeof props!['dhcp'] === 'boolean') nic.properties.dhcp = props!['dhcp'] as boolean;
        if (typeof props!['name'] === 'string') nic.properties.name = props!['name'] as string;
        nic.metadata.state = 'AVAILABLE';
      },
      onFailed: () => { nic.metadata.state = 'AVAILABLE'; },
    });
    return accepted(renderElement(this.nicElement(server, nic), 0), this.host.requests.location(request));
  }
}

/** The checks the fake applies to NIC properties (a POST's `properties`, a PATCH's bare body). */
function validateNicProperties(props: Record<string, unknown> | undefined, create: boolean): string[] {
  if (props === undefined || typeof props !== 'object' || props === null || Array.isArray(props)) return ['[(root)] the body must be a JSON object'];
  const problems: string[] = [];
  for (const key of Object.keys(props)) if (!KNOWN_NIC_PROPERTIES.has(key)) problems.push(`[(root).${key}] unknown or read-only attribute`);
  if (create && !Number.isInteger(props['lan'])) problems.push('[(root).properties.lan] lan is required and must be an integer');
  if (!create && 'lan' in props && !Number.isInteger(props['lan'])) problems.push('[(root).lan] must be an integer');
  for (const key of ['ips', 'ipv6Ips']) {
    const value = props[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) problems.push(`[(root).${key}] must be a list of strings`);
    else if (key === 'ips' && value.some((v) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(v as string))) problems.push(`[(root).${key}] ${JSON.stringify(value)} contains an invalid IPv4 address`);
  }
  return problems;
}
