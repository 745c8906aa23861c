/**
 * A local HTTP server that speaks the IONOS Cloud API v6 shape for servers, NICs, LANs and
 * requests (the Cloud API v6 OpenAPI document (github.com/ionos-cloud/sdk-go v6, `api_network_interfaces.go` and its models)), with in-memory state, asynchronous
 * requests the test drives (QUEUED → RUNNING → DONE/FAILED) and fault injection.
 *
 * It listens on 127.0.0.1 on a random port; every test that starts one stops it.
 *
 * Semantics modelled on the real API: writes answer 202 with the object and a `Location` header
 * `<origin>/cloudapi/v6/requests/<id>/status`; a created NIC is listed at once in state `BUSY`
 * and becomes `AVAILABLE` when its request is DONE (it disappears if the request FAILED); a PATCH
 * takes effect when its request is DONE; errors carry `{httpStatus, messages[{errorCode, message}]}`.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

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

/** A request as stored. */
export interface FakeRequest {
  id: string;
  method: string;
  /** Absolute URL of the call, as the API records it. */
  url: string;
  body: string;
  createdDate: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  message: string;
  target: { id: string; type: string; href: string };
  /** Ends FAILED with this message when it would otherwise finish. */
  failWith?: string;
  /** What happens when it is DONE (or FAILED). */
  onDone: () => void;
  onFailed: () => void;
}

/** One injected fault: the next `times` calls matching `method` and `path` get this answer. */
export interface Fault {
  readonly method?: string;
  /** A substring or a pattern of the path below `/cloudapi/v6` (query excluded). */
  readonly path?: string | RegExp;
  /** @default 500 */
  readonly status?: number;
  /** `Retry-After` header value. */
  readonly retryAfter?: string;
  readonly errorCode?: string;
  readonly message?: string;
  /** Never answer (the connection stays open until the server stops). */
  readonly hang?: boolean;
  /** @default 1 */
  readonly times?: number;
}

/** One call the server received. */
export interface RecordedCall {
  readonly method: string;
  /** Path below `/cloudapi/v6`, without query. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly authorization: string | undefined;
  /** The status the server answered. */
  readonly status: number;
}

/** Options of {@link FakeCloudApi}. */
export interface FakeCloudApiOptions {
  /** @default 'test-token' */
  readonly token?: string;
  /**
   * How requests progress: `manual` (only {@link FakeCloudApi.finish} and friends move them) or
   * `on-poll` (each status read moves a request one step: QUEUED → RUNNING → DONE/FAILED).
   * @default 'on-poll'
   */
  readonly progress?: 'manual' | 'on-poll';
  /** The server's time, for `createdDate`. @default a fixed start plus one second per request */
  readonly now?: () => number;
  /**
   * Whether a NIC being created is listed (state BUSY) before its request is DONE. When false,
   * only the request history shows that it is on its way.
   * @default true
   */
  readonly listBusyNics?: boolean;
  /** Serve https with this key and certificate. @default plain http */
  readonly tls?: { readonly key: string; readonly cert: string };
}

const BASE = '/cloudapi/v6';

/** The fake Cloud API. */
export class FakeCloudApi {
  public readonly token: string;
  public progress: 'manual' | 'on-poll';
  public listBusyNics: boolean;
  public readonly calls: RecordedCall[] = [];
  public readonly requests = new Map<string, FakeRequest>();
  private readonly servers = new Map<string, { datacenterId: string; id: string; name: string; vmState: string; nics: FakeNic[] }>();
  private readonly lans = new Map<string, Map<number, { id: number; name: string; public: boolean; ipFailover: { ip: string; nicUuid: string }[] }>>();
  private readonly faults: { fault: Fault; left: number }[] = [];
  /** NICs whose creation request has not ended. */
  private readonly creating = new Set<FakeNic>();
  private readonly nowFn: () => number;
  private counter = 0;
  private http: HttpServer | undefined;
  private origin = '';
  private readonly tls: { readonly key: string; readonly cert: string } | undefined;

  public constructor(options: FakeCloudApiOptions = {}) {
    this.token = options.token ?? 'test-token';
    this.progress = options.progress ?? 'on-poll';
    this.listBusyNics = options.listBusyNics ?? true;
    this.tls = options.tls;
    let tick = Date.UTC(2026, 0, 1);
    this.nowFn = options.now ?? (() => (tick += 1000));
  }

  /** Starts listening on 127.0.0.1 (random port); resolves to the API base URL. */
  public async start(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res);
    this.http = this.tls === undefined ? createServer(handler) : createTlsServer({ key: this.tls.key, cert: this.tls.cert }, handler);
    await new Promise<void>((resolve, reject) => {
      this.http!.once('error', reject);
      this.http!.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.http.address() as AddressInfo;
    this.origin = `${this.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`;
    return this.apiURL;
  }

  /** Stops listening and closes every connection. */
  public async stop(): Promise<void> {
    const server = this.http;
    this.http = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The API base, e.g. `http://127.0.0.1:1234/cloudapi/v6`. */
  public get apiURL(): string {
    return `${this.origin}${BASE}`;
  }

  /** Adds a LAN to a datacenter. */
  public addLan(datacenterId: string, id: number, options: { name?: string; public?: boolean } = {}): void {
    const lans = this.lans.get(datacenterId) ?? new Map();
    lans.set(id, { id, name: options.name ?? `lan-${id}`, public: options.public ?? false, ipFailover: [] });
    this.lans.set(datacenterId, lans);
  }

  /** Adds a server with NICs (state AVAILABLE). Returns the NIC ids in order. */
  public addServer(datacenterId: string, id: string, name: string, nics: readonly { name?: string; lan: number; ips?: string[]; ipv6Ips?: string[]; dhcp?: boolean }[] = []): string[] {
    const server = { datacenterId, id, name, vmState: 'RUNNING', nics: [] as FakeNic[] };
    this.servers.set(id, server);
    return nics.map((n) => {
      const nic = this.newNic(server.nics.length, n);
      nic.metadata.state = 'AVAILABLE';
      server.nics.push(nic);
      return nic.id;
    });
  }

  /** The NICs of a server as stored (live objects). */
  public nicsOf(serverId: string): FakeNic[] {
    return this.servers.get(serverId)?.nics ?? [];
  }

  /** Injects a fault for the next matching calls. */
  public inject(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  /** Makes the next write request end FAILED with `message` instead of DONE. */
  public failNextRequest(message: string): void {
    this.pendingFailure = message;
  }

  private pendingFailure: string | undefined;

  /** Moves a request one step (QUEUED → RUNNING → DONE/FAILED). */
  public step(requestId: string): void {
    const request = this.requests.get(requestId);
    if (request === undefined) throw new Error(`no request ${requestId}`);
    if (request.status === 'QUEUED') request.status = 'RUNNING';
    else if (request.status === 'RUNNING') this.finish(requestId);
  }

  /** Ends a pending request: DONE (applying it), or FAILED when it was marked to fail. */
  public finish(requestId: string): void {
    const request = this.requests.get(requestId);
    if (request === undefined) throw new Error(`no request ${requestId}`);
    if (request.status === 'DONE' || request.status === 'FAILED') return;
    if (request.failWith !== undefined) {
      request.status = 'FAILED';
      request.message = request.failWith;
      request.onFailed();
    } else {
      request.status = 'DONE';
      request.message = 'Request has been successfully executed';
      request.onDone();
    }
  }

  /** Ends every pending request. */
  public finishAll(): void {
    for (const id of [...this.requests.keys()]) this.finish(id);
  }

  /** The write calls received (POST, PUT, PATCH, DELETE) that were accepted. */
  public get writes(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.status < 300);
  }

  private newNic(index: number, n: { name?: string; lan: number; ips?: readonly string[] | null; ipv6Ips?: readonly string[] | null; dhcp?: boolean; vnet?: string }): FakeNic {
    const id = this.nextId();
    const hex = (index + 1).toString(16).padStart(2, '0');
    return {
      id,
      metadata: { state: 'BUSY', createdDate: new Date(this.nowFn()).toISOString() },
      properties: {
        ...(n.name !== undefined ? { name: n.name } : {}),
        mac: `02:01:00:00:${id.slice(-2)}:${hex}`,
        // The API assigns addresses when none are given; the fake assigns none (DHCP).
        ips: [...(n.ips ?? [])],
        ipv6Ips: [...(n.ipv6Ips ?? [])],
        dhcp: n.dhcp ?? true,
        lan: n.lan,
        firewallActive: false,
        deviceNumber: index + 1,
        pciSlot: index + 6,
        ...(n.vnet !== undefined ? { vnet: n.vnet } : {}),
      },
    };
  }

  private nextId(): string {
    this.counter++;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.origin);
    const method = req.method ?? 'GET';
    const path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
    const query = Object.fromEntries(url.searchParams.entries());
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const answer = this.route(method, path, query, body, req.headers.authorization, raw, url.toString());
    if (answer.hang === true) {
      this.calls.push({ method, path, query, body, authorization: req.headers.authorization, status: 0 });
      return;
    }
    this.calls.push({ method, path, query, body, authorization: req.headers.authorization, status: answer.status });
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...answer.headers };
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private route(method: string, path: string, query: Record<string, string>, body: unknown, authorization: string | undefined, raw: string, fullUrl: string): Answer {
    if (authorization !== `Bearer ${this.token}`) return error(401, 'AUTH-401', 'Unauthorized');
    const fault = this.takeFault(method, path);
    if (fault !== undefined) {
      if (fault.hang === true) return { status: 0, hang: true };
      const status = fault.status ?? 500;
      return { ...error(status, fault.errorCode ?? `ERR-${status}`, fault.message ?? `injected ${status}`), headers: fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {} };
    }
    const depth = Number(query['depth'] ?? '0');
    let m: RegExpExecArray | null;
    if ((m = /^\/requests\/([^/]+)\/status$/.exec(path)) && method === 'GET') return this.requestStatus(m[1]!);
    if (path === '/requests' && method === 'GET') return this.requestList(query);
    if ((m = /^\/datacenters\/([^/]+)\/lans$/.exec(path)) && method === 'GET') {
      const lans = [...(this.lans.get(m[1]!)?.values() ?? [])].map((l) => this.lanJson(m![1]!, l.id, depth));
      return ok({ id: `${m[1]}/lans`, type: 'collection', href: `${this.apiURL}${path}`, items: lans });
    }
    if ((m = /^\/datacenters\/([^/]+)\/lans\/([^/]+)$/.exec(path)) && method === 'GET') {
      const lan = this.lans.get(m[1]!)?.get(Number(m[2]));
      return lan === undefined ? error(404, 'RES-404', `LAN ${m[2]} not found`) : ok(this.lanJson(m[1]!, lan.id, depth));
    }
    if ((m = /^\/datacenters\/([^/]+)\/servers\/([^/]+)(\/nics(?:\/([^/]+))?)?$/.exec(path))) {
      const [, dc, serverId, nicsPart, nicId] = m;
      const server = this.servers.get(serverId!);
      if (server === undefined || server.datacenterId !== dc) return error(404, 'RES-404', `server ${serverId} not found in datacenter ${dc}`);
      if (nicsPart === undefined) {
        if (method !== 'GET') return error(405, 'MET-405', 'method not allowed');
        const serverJson = {
          id: server.id, type: 'server', href: `${this.apiURL}${path}`,
          metadata: { state: 'AVAILABLE' },
          properties: { name: server.name, vmState: server.vmState },
          ...(depth >= 1 ? { entities: { nics: this.nicCollection(dc!, server.id, depth - 1) } } : {}),
        };
        return ok(serverJson);
      }
      if (nicId === undefined) {
        if (method === 'GET') return ok(this.nicCollection(dc!, server.id, depth));
        if (method === 'POST') return this.createNic(dc!, server, body, raw, fullUrl);
        return error(405, 'MET-405', 'method not allowed');
      }
      const nic = server.nics.find((n) => n.id === nicId);
      if (nic === undefined) return error(404, 'RES-404', `NIC ${nicId} not found`);
      if (method === 'GET') return ok(this.nicJson(dc!, server.id, nic, Math.max(1, depth)));
      if (method === 'PATCH') return this.patchNic(dc!, server.id, nic, body, raw, fullUrl);
      return error(405, 'MET-405', 'method not allowed');
    }
    return error(404, 'RES-404', `no such path ${path}`);
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(({ fault, left }) => left > 0
      && (fault.method === undefined || fault.method === method)
      && (fault.path === undefined || (typeof fault.path === 'string' ? path.includes(fault.path) : fault.path.test(path))));
    if (index < 0) return undefined;
    const entry = this.faults[index]!;
    entry.left--;
    if (entry.left === 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  private createNic(dc: string, server: { id: string; nics: FakeNic[] }, body: unknown, raw: string, fullUrl: string): Answer {
    const props = (body as { properties?: Record<string, unknown> } | undefined)?.properties;
    const problems = validateNicProperties(props, true);
    if (problems.length > 0) return error(422, 'VAL-422', problems.join('; '));
    const lan = props!['lan'] as number;
    if (!this.lans.get(dc)?.has(lan)) return error(422, 'VAL-422', `[(root).properties.lan] LAN ${lan} does not exist in datacenter ${dc}`);
    if (server.nics.length >= 24) return error(422, 'VAL-422', 'a server can have at most 24 NICs and volumes');
    const nic = this.newNic(server.nics.length, props as { name?: string; lan: number; ips?: string[]; ipv6Ips?: string[]; dhcp?: boolean; vnet?: string });
    server.nics.push(nic);
    this.creating.add(nic);
    const request = this.newRequest('POST', fullUrl, raw, { id: nic.id, type: 'nic', href: `${this.apiURL}/datacenters/${dc}/servers/${server.id}/nics/${nic.id}` },
      () => { nic.metadata.state = 'AVAILABLE'; this.creating.delete(nic); },
      () => { server.nics.splice(server.nics.indexOf(nic), 1); this.creating.delete(nic); });
    return { status: 202, body: this.nicJson(dc, server.id, nic, 1), headers: { Location: this.locationOf(request) } };
  }

  private patchNic(dc: string, serverId: string, nic: FakeNic, body: unknown, raw: string, fullUrl: string): Answer {
    const props = body as Record<string, unknown> | undefined;
    const problems = validateNicProperties(props, false);
    if (problems.length > 0) return error(422, 'VAL-422', problems.join('; '));
    nic.metadata.state = 'BUSY';
    const request = this.newRequest('PATCH', fullUrl, raw, { id: nic.id, type: 'nic', href: `${this.apiURL}/datacenters/${dc}/servers/${serverId}/nics/${nic.id}` },
      () => {
        if (Array.isArray(props!['ips'])) nic.properties.ips = [...(props!['ips'] as string[])];
        if (Array.isArray(props!['ipv6Ips'])) nic.properties.ipv6Ips = [...(props!['ipv6Ips'] as string[])];
        if (typeof props!['dhcp'] === 'boolean') nic.properties.dhcp = props!['dhcp'] as boolean;
        if (typeof props!['name'] === 'string') nic.properties.name = props!['name'] as string;
        nic.metadata.state = 'AVAILABLE';
      },
      () => { nic.metadata.state = 'AVAILABLE'; });
    return { status: 202, body: this.nicJson(dc, serverId, nic, 1), headers: { Location: this.locationOf(request) } };
  }

  private newRequest(method: string, url: string, body: string, target: FakeRequest['target'], onDone: () => void, onFailed: () => void): FakeRequest {
    const id = this.nextId();
    const request: FakeRequest = {
      id, method, url, body, createdDate: new Date(this.nowFn()).toISOString(), status: 'QUEUED', message: 'Request is queued', target, onDone, onFailed,
      ...(this.pendingFailure !== undefined ? { failWith: this.pendingFailure } : {}),
    };
    this.pendingFailure = undefined;
    this.requests.set(id, request);
    return request;
  }

  private locationOf(request: FakeRequest): string {
    return `${this.apiURL}/requests/${request.id}/status`;
  }

  private requestStatusJson(request: FakeRequest) {
    return {
      id: `${request.id}/status`, type: 'request-status', href: this.locationOf(request),
      metadata: { status: request.status, message: request.message, targets: [{ target: request.target, status: request.status }] },
    };
  }

  private requestStatus(id: string): Answer {
    const request = this.requests.get(id);
    if (request === undefined) return error(404, 'RES-404', `request ${id} not found`);
    const answer = ok(this.requestStatusJson(request));
    if (this.progress === 'on-poll') this.step(id);
    return answer;
  }

  private requestList(query: Record<string, string>): Answer {
    const method = query['filter.method'];
    const url = query['filter.url'];
    const after = query['filter.createdAfter'];
    const items = [...this.requests.values()]
      .filter((r) => method === undefined || r.method === method)
      .filter((r) => url === undefined || r.url.includes(url))
      .filter((r) => after === undefined || r.createdDate.slice(0, 19).replace('T', ' ') > after)
      .sort((a, b) => (a.createdDate < b.createdDate ? 1 : a.createdDate > b.createdDate ? -1 : 0))
      .map((r) => ({
        id: r.id, type: 'request', href: `${this.apiURL}/requests/${r.id}`,
        metadata: { createdDate: r.createdDate, requestStatus: this.requestStatusJson(r) },
        properties: { method: r.method, url: r.url, body: r.body, headers: {} },
      }));
    return ok({ id: 'requests', type: 'collection', href: `${this.apiURL}/requests`, items });
  }

  private nicCollection(dc: string, serverId: string, depth: number) {
    const server = this.servers.get(serverId)!;
    return {
      id: `${serverId}/nics`, type: 'collection', href: `${this.apiURL}/datacenters/${dc}/servers/${serverId}/nics`,
      items: server.nics.filter((n) => this.listBusyNics || !this.creating.has(n)).map((n) => this.nicJson(dc, serverId, n, depth)),
    };
  }

  private nicJson(dc: string, serverId: string, nic: FakeNic, depth: number) {
    const ref = { id: nic.id, type: 'nic', href: `${this.apiURL}/datacenters/${dc}/servers/${serverId}/nics/${nic.id}` };
    return depth >= 1 ? { ...ref, metadata: { ...nic.metadata }, properties: structuredClone(nic.properties) } : ref;
  }

  private lanJson(dc: string, id: number, depth: number) {
    const lan = this.lans.get(dc)!.get(id)!;
    const ref = { id: String(id), type: 'lan', href: `${this.apiURL}/datacenters/${dc}/lans/${id}` };
    if (depth < 1) return ref;
    return { ...ref, metadata: { state: 'AVAILABLE' }, properties: { name: lan.name, public: lan.public, ipFailover: structuredClone(lan.ipFailover) } };
  }
}

interface Answer {
  readonly status: number;
  readonly hang?: boolean;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function error(status: number, errorCode: string, message: string): Answer {
  return { status, body: { httpStatus: status, messages: [{ errorCode, message }] } };
}

const KNOWN_NIC_PROPERTIES = new Set(['name', 'ips', 'dhcp', 'lan', 'firewallActive', 'firewallType', 'vnet', 'ipv6Ips', 'ipv6CidrBlock', 'dhcpv6']);

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
