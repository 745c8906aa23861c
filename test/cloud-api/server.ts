/**
 * A local HTTP server that speaks the IONOS Cloud API v6 shape (request and response shapes of
 * the Cloud API v6 models in github.com/ionos-cloud/sdk-go v6), with in-memory state, for tests.
 * It listens on 127.0.0.1 on a random port; every test that starts one stops it.
 *
 * One file per resource family, each registering its routes on a shared router:
 * - `requests.ts`: asynchronous requests (QUEUED → RUNNING → DONE/FAILED on the injected clock),
 *   their status and the request history with its filters and paging;
 * - `compute.ts`: servers (states BUSY/AVAILABLE, vmState) and their NICs;
 * - `network.ts`: LANs and the addresses the API assigns;
 * - `http.ts`: answers, errors, `depth`, `offset`/`limit` paging.
 * A new family (datacenters, volumes, IP blocks, images) is a class with `register(router)` that
 * takes what it needs from {@link FakeCloudApi} (its `apiURL`, `requests`, `now()`, `nextId()`).
 *
 * Beside the families the server does what the API does to every call: Bearer authentication
 * (401), rate limiting with real 429s (`Retry-After`, `X-RateLimit-*`) on the injected clock, and
 * injected faults.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Servers, type FakeNic, type NicSeed } from './compute.js';
import { error, Router, type Answer, type Call } from './http.js';
import { Lans, type LanOptions } from './network.js';
import { RequestBook, type FakeRequest, type Progress, type RequestTiming } from './requests.js';

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
  /** The status the server answered (0: no answer). */
  readonly status: number;
  /** When, on the API's clock. */
  readonly at: number;
}

/** The API's rate limit: at most `limit` calls per `windowMs` (a fixed window on the clock). */
export interface RateLimit {
  readonly limit: number;
  /** @default 60000 */
  readonly windowMs?: number;
}

/** Options of {@link FakeCloudApi}. */
export interface FakeCloudApiOptions {
  /** @default 'test-token' */
  readonly token?: string;
  /**
   * The API's clock: request ages, `createdDate`, rate-limit windows. Give the test's clock.
   * @default a fixed start plus one second per reading
   */
  readonly clock?: { now(): number };
  /** @deprecated use `clock` */
  readonly now?: () => number;
  /**
   * How requests move (see `requests.ts`).
   * @default 'clock' when a clock is given, else 'on-poll'
   */
  readonly progress?: Progress;
  /** How long a request stays QUEUED and RUNNING in `clock` mode. @default 1 s and 2 s */
  readonly requestTiming?: RequestTiming;
  /** Whether a NIC being created is listed (BUSY) before its request is DONE. @default true */
  readonly listBusyNics?: boolean;
  /** @default no rate limit */
  readonly rateLimit?: RateLimit;
  /** Serve https with this key and certificate. @default plain http */
  readonly tls?: { readonly key: string; readonly cert: string };
}

const BASE = '/cloudapi/v6';

/** The fake Cloud API. */
export class FakeCloudApi {
  public readonly token: string;
  public readonly calls: RecordedCall[] = [];
  public readonly router = new Router();
  public readonly requestBook: RequestBook;
  public readonly lans: Lans;
  public readonly servers: Servers;
  public rateLimit: RateLimit | undefined;
  private readonly faults: { fault: Fault; left: number }[] = [];
  private readonly nowFn: () => number;
  private readonly window = { start: 0, count: 0 };
  private counter = 0;
  private http: HttpServer | undefined;
  private origin = '';
  private readonly tls: { readonly key: string; readonly cert: string } | undefined;

  public constructor(options: FakeCloudApiOptions = {}) {
    this.token = options.token ?? 'test-token';
    this.tls = options.tls;
    this.rateLimit = options.rateLimit;
    let tick = Date.UTC(2026, 0, 1);
    const clock = options.clock ?? (options.now !== undefined ? { now: options.now } : undefined);
    this.nowFn = clock !== undefined ? () => clock.now() : () => (tick += 1000);
    // The families read the base URL when they answer (it is known once the server listens).
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const api = this;
    const host = { get apiURL() { return api.apiURL; }, now: () => this.nowFn(), nextId: () => this.nextId() };
    this.requestBook = new RequestBook(host, options.progress ?? (options.clock !== undefined ? 'clock' : 'on-poll'), options.requestTiming);
    this.lans = new Lans(() => this.apiURL);
    this.servers = new Servers({ get apiURL() { return api.apiURL; }, now: host.now, nextId: host.nextId, requests: this.requestBook, lans: this.lans });
    this.servers.listBusyNics = options.listBusyNics ?? true;
    this.requestBook.register(this.router);
    this.lans.register(this.router);
    this.servers.register(this.router);
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

  public now(): number {
    return this.nowFn();
  }

  /** A fresh UUID-shaped id (deterministic: a counter). */
  public nextId(): string {
    this.counter++;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }

  // ---- shortcuts to the families, as the tests use them ----

  public get progress(): Progress {
    return this.requestBook.progress;
  }

  public set progress(value: Progress) {
    this.requestBook.progress = value;
  }

  public get listBusyNics(): boolean {
    return this.servers.listBusyNics;
  }

  public set listBusyNics(value: boolean) {
    this.servers.listBusyNics = value;
  }

  public get requests(): ReadonlyMap<string, FakeRequest> {
    return this.requestBook.all;
  }

  /** Adds a LAN to a datacenter. */
  public addLan(datacenterId: string, id: number, options: LanOptions = {}): void {
    this.lans.add(datacenterId, id, options);
  }

  /** Adds a server (AVAILABLE, RUNNING) with NICs (AVAILABLE). Returns the NIC ids in order. */
  public addServer(datacenterId: string, id: string, name: string, nics: readonly NicSeed[] = []): string[] {
    return this.servers.add(datacenterId, id, name, nics);
  }

  /** The NICs of a server as stored (live objects). */
  public nicsOf(serverId: string): FakeNic[] {
    return this.servers.nicsOf(serverId);
  }

  /** Makes the next write request end FAILED with `message` instead of DONE. */
  public failNextRequest(message: string): void {
    this.requestBook.failNext(message);
  }

  /** Moves a request one step (QUEUED → RUNNING → DONE/FAILED). */
  public step(requestId: string): void {
    this.requestBook.step(requestId);
  }

  /** Ends a pending request. */
  public finish(requestId: string): void {
    this.requestBook.finish(requestId);
  }

  /** Ends every pending request. */
  public finishAll(): void {
    this.requestBook.finishAll();
  }

  /** Injects a fault for the next matching calls. */
  public inject(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  /** The write calls received (POST, PUT, PATCH, DELETE) that were accepted. */
  public get writes(): RecordedCall[] {
    return this.calls.filter((c) => c.method !== 'GET' && c.status < 300);
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
    const call: Call = { method, path, query, body, raw, url: url.toString(), depth: Number(query['depth'] ?? '0') };
    const answer = this.answer(call, req.headers.authorization);
    this.calls.push({ method, path, query, body, authorization: req.headers.authorization, status: answer.hang === true ? 0 : answer.status, at: this.nowFn() });
    if (answer.hang === true) return;
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private answer(call: Call, authorization: string | undefined): Answer {
    if (authorization !== `Bearer ${this.token}`) return error(401, 'AUTH-401', 'Unauthorized');
    const limited = this.throttle();
    if (limited !== undefined) return limited;
    const fault = this.takeFault(call.method, call.path);
    if (fault !== undefined) {
      if (fault.hang === true) return { status: 0, hang: true };
      const status = fault.status ?? 500;
      return error(status, fault.errorCode ?? `ERR-${status}`, fault.message ?? `injected ${status}`, fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {});
    }
    this.requestBook.settle();
    if (!Number.isInteger(call.depth) || call.depth < 0 || call.depth > 10) return error(422, 'VAL-422', `[(root).depth] ${call.query['depth']} must be an integer from 0 to 10`);
    return this.router.route(call);
  }

  /** A 429 when the call is over the rate limit of its window. */
  private throttle(): Answer | undefined {
    if (this.rateLimit === undefined) return undefined;
    const windowMs = this.rateLimit.windowMs ?? 60_000;
    const now = this.nowFn();
    if (now - this.window.start >= windowMs) {
      this.window.start = now - ((now - this.window.start) % windowMs);
      this.window.count = 0;
    }
    this.window.count++;
    const remaining = Math.max(0, this.rateLimit.limit - this.window.count);
    if (this.window.count <= this.rateLimit.limit) return undefined;
    const retryAfter = Math.max(1, Math.ceil((this.window.start + windowMs - now) / 1000));
    return error(429, 'RATE-429', 'Too many requests: the rate limit of the contract was exceeded', {
      'Retry-After': String(retryAfter), 'X-RateLimit-Limit': String(this.rateLimit.limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Burst': String(this.rateLimit.limit),
    });
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
}
