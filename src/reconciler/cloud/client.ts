/**
 * A thin typed client for the IONOS Cloud API v6 calls the NIC attacher makes: servers (read),
 * NICs (list, read, create, patch), LANs (read), request status and request history.
 *
 * It speaks the shape of the Cloud API v6 OpenAPI document (github.com/ionos-cloud/sdk-go v6, `api_network_interfaces.go` and its models) over `fetch`, retries like
 * the IONOS SDK that CAPIC uses (ionos-cloud/sdk-go v6.3.4: 429 honours `Retry-After`, 502/503/504 are
 * retried for every method but POST, short capped waits, a bounded number of attempts) and waits
 * only through the injected clock. It never prints and never reads the environment.
 */
import { request as httpsRequest } from 'node:https';
import type { Clock } from '../store.js';
import { CloudApiError, CloudCredentialsError } from './errors.js';
import type {
  Accepted, Collection, ErrorBody, ErrorMessage, Lan, Nic, NicCreate, NicProperties, RequestRecord, RequestStatus, Server,
} from './types.js';
import { compareText } from '../../vocabulary.js';

/** The API base CAPIC (through the SDK) uses when the Secret names none. */
export const DEFAULT_API_URL = 'https://api.ionos.com/cloudapi/v6';

const API_SUFFIX = '/cloudapi/v6';

/**
 * Normalises an API URL as CAPIC does with the Secret's `apiURL` (`internal/ionoscloud/client/client.go`): empty means
 * {@link DEFAULT_API_URL}; `https://` is prepended when there is no scheme; `/cloudapi/v6` is
 * appended when the URL does not end with it. Trailing slashes are dropped first (CAPIC would
 * append the suffix after them). Throws a CloudCredentialsError (`Invalid`) for a URL that does
 * not parse or is not http(s).
 */
export function normaliseApiUrl(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return DEFAULT_API_URL;
  let url = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  url = url.replace(/\/+$/, '');
  if (!url.endsWith(API_SUFFIX)) url += API_SUFFIX;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CloudCredentialsError('Invalid', `apiURL "${value}" is not a URL; use e.g. ${DEFAULT_API_URL}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new CloudCredentialsError('Invalid', `apiURL "${value}" uses ${parsed.protocol}; use https:// (or http:// for a local test server)`);
  }
  return url;
}

/** The part of a `fetch` answer the client reads. The global `Response` satisfies it. */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` the client calls. The global `fetch` satisfies it. */
export type FetchLike = (
  url: string,
  init: { readonly method: string; readonly headers: Record<string, string>; readonly body?: string; readonly signal?: AbortSignal },
) => Promise<FetchResponse>;

/** How the client retries one call (inside the call; the controller has its own backoff). */
export interface RetryPolicy {
  /**
   * Attempts per call, the first included.
   * @default 4 (one call and at most 3 retries, as the IONOS SDK v6 does)
   */
  readonly maxAttempts: number;
  /**
   * The first wait; each further retry doubles it.
   * @default 100
   */
  readonly initialDelayMs: number;
  /**
   * The longest wait between attempts when the API did not ask for one.
   * @default 2000
   */
  readonly maxDelayMs: number;
  /**
   * The longest `Retry-After` the client waits for itself; a longer one ends the call with a
   * transient error carrying `retryAfterMs`, so that the controller requeues that much later
   * instead of holding a worker.
   * @default 0 (never wait inside a call: every `Retry-After` goes back to the caller)
   */
  readonly maxRetryAfterMs: number;
}

/**
 * The defaults of {@link RetryPolicy}: the SDK's attempts and backoff for 5xx, but a 429's
 * `Retry-After` is handed to the caller (the SDK sleeps through it).
 */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 2000, maxRetryAfterMs: 0 };

/** Options of {@link CloudClient}. */
export interface CloudClientOptions {
  /** The API token, sent as `Authorization: Bearer <token>`. Must not be empty. */
  readonly token: string;
  /**
   * The API base, normalised with {@link normaliseApiUrl}.
   * @default DEFAULT_API_URL
   */
  readonly apiURL?: string;
  /** Every wait (retry backoff, request polling, time-outs) goes through this clock. */
  readonly clock: Clock;
  /**
   * The HTTP function.
   * @default the global `fetch`, or an `https` request with `caBundle` as the only trusted roots when one is given
   */
  readonly fetch?: FetchLike;
  /**
   * PEM bundle used as the only trusted roots (the Secret's `caBundle`). Ignored when `fetch` is given.
   * @default the system roots
   */
  readonly caBundle?: string;
  /**
   * Retry policy; missing fields take {@link DEFAULT_RETRY}'s values.
   * @default DEFAULT_RETRY
   */
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Time limit of one HTTP attempt, measured on `clock`; 0 disables it.
   * @default 60000
   */
  readonly timeoutMs?: number;
  /**
   * Interval between request status polls in {@link CloudClient.waitForRequest} (the SDK polls every second).
   * @default 1000
   */
  readonly pollIntervalMs?: number;
  /**
   * Value of the `X-Contract-Number` header, for users with several contracts.
   * @default no header
   */
  readonly contractNumber?: string;
  /**
   * Value of the `User-Agent` header.
   * @default 'cdk8s-capi-ionos'
   */
  readonly userAgent?: string;
}

/** Options of {@link CloudClient.waitForRequest}. */
export interface WaitOptions {
  /**
   * How long to poll before giving up with a transient `Timeout` error (the request may still
   * finish; follow it again later).
   * @default 600000 (10 minutes)
   */
  readonly maxWaitMs?: number;
  /**
   * Called after every poll with the state seen (e.g. to record it).
   * @default nothing
   */
  readonly onPoll?: (status: RequestStatus) => void;
  /**
   * Stops waiting (with a transient `Timeout`) when aborted, e.g. when the controller stops.
   * @default never
   */
  readonly signal?: AbortSignal;
}

/** A filter of the request history (`GET /requests`). */
export interface RequestFilter {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** A path the request URL ends with, e.g. `/datacenters/d/servers/s/nics`. */
  readonly url: string;
  /** Only requests created after this time (ms since the epoch). */
  readonly createdAfter?: number;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Records per page of the request history. */
export const REQUEST_PAGE_SIZE = 1000;
/** Pages of the request history read at most (a day of a busy contract). */
export const MAX_REQUEST_PAGES = 10;

/**
 * The Cloud API client. Every method either returns the parsed answer or throws a
 * {@link CloudApiError}; 404 answers throw too (check `error.notFound`).
 */
export class CloudClient {
  /** The normalised API base, e.g. `https://api.ionos.com/cloudapi/v6`. */
  public readonly apiURL: string;
  private readonly base: URL;
  private readonly token: string;
  private readonly clock: Clock;
  private readonly fetchFn: FetchLike;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly extraHeaders: Record<string, string>;
  /** No call goes out before this time (clock ms): the end of the last `Retry-After`. */
  private notBefore = 0;

  public constructor(options: CloudClientOptions) {
    if (options.token.trim() === '') throw new CloudCredentialsError('Invalid', 'token must be set: the Cloud API client needs a non-empty token');
    this.apiURL = normaliseApiUrl(options.apiURL);
    this.base = new URL(this.apiURL);
    this.token = options.token.trim();
    this.clock = options.clock;
    this.fetchFn = options.fetch ?? (options.caBundle !== undefined && options.caBundle.trim() !== '' ? fetchTrusting(options.caBundle) : globalFetch);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.extraHeaders = {
      'User-Agent': options.userAgent ?? 'cdk8s-capi-ionos',
      ...(options.contractNumber !== undefined ? { 'X-Contract-Number': options.contractNumber } : {}),
    };
  }

  /** `GET /datacenters/{dc}/servers/{id}?depth=N`. With depth >= 2 the NICs carry their properties. */
  public async getServer(datacenterId: string, serverId: string, options: { readonly depth?: number } = {}): Promise<Server> {
    return this.json<Server>('GET', `${serverPath(datacenterId, serverId)}`, { depth: options.depth ?? 2 });
  }

  /** `GET /datacenters/{dc}/servers/{id}/nics?depth=N` (one page; a server has at most 24 NICs). */
  public async listNics(datacenterId: string, serverId: string, options: { readonly depth?: number } = {}): Promise<readonly Nic[]> {
    const answer = await this.json<Collection<Nic>>('GET', `${serverPath(datacenterId, serverId)}/nics`, { depth: options.depth ?? 1 });
    return answer.items ?? [];
  }

  /** `GET /datacenters/{dc}/servers/{id}/nics/{nicId}`. */
  public async getNic(datacenterId: string, serverId: string, nicId: string, options: { readonly depth?: number } = {}): Promise<Nic> {
    return this.json<Nic>('GET', nicPath(datacenterId, serverId, nicId), { depth: options.depth ?? 1 });
  }

  /** `POST /datacenters/{dc}/servers/{id}/nics`: answers 202 with the NIC and the request to follow. */
  public async createNic(datacenterId: string, serverId: string, nic: NicCreate): Promise<Accepted<Nic>> {
    return this.write<Nic>('POST', `${serverPath(datacenterId, serverId)}/nics`, nic);
  }

  /** `PATCH /datacenters/{dc}/servers/{id}/nics/{nicId}` with a bare (partial) NicProperties body. */
  public async patchNic(datacenterId: string, serverId: string, nicId: string, properties: NicProperties): Promise<Accepted<Nic>> {
    return this.write<Nic>('PATCH', nicPath(datacenterId, serverId, nicId), properties);
  }

  /** `GET /datacenters/{dc}/lans?depth=N`. */
  public async listLans(datacenterId: string, options: { readonly depth?: number } = {}): Promise<readonly Lan[]> {
    const answer = await this.json<Collection<Lan>>('GET', `/datacenters/${seg(datacenterId)}/lans`, { depth: options.depth ?? 1 });
    return answer.items ?? [];
  }

  /** `GET /datacenters/{dc}/lans/{lanId}?depth=N`. */
  public async getLan(datacenterId: string, lanId: number | string, options: { readonly depth?: number } = {}): Promise<Lan> {
    return this.json<Lan>('GET', `/datacenters/${seg(datacenterId)}/lans/${seg(String(lanId))}`, { depth: options.depth ?? 1 });
  }

  /**
   * `GET <url>`: the status of an asynchronous request. `url` is the `Location` of a write (an
   * absolute URL on the API's origin) or a path below the API base (`/requests/{id}/status`).
   * An absolute URL on another origin is refused, so the token is never sent elsewhere.
   */
  public async getRequestStatus(url: string): Promise<RequestStatus> {
    const status = await this.json<RequestStatus>('GET', this.pathOf(url), {});
    const state = status.metadata?.status;
    if (state === undefined) {
      throw new CloudApiError({ code: 'BadResponse', method: 'GET', path: this.pathOf(url), messages: [{ message: 'the request status has no metadata.status' }] });
    }
    return status;
  }

  /**
   * Polls a request every `pollIntervalMs` (on the injected clock) until it is `DONE` and returns
   * its last status. A `FAILED` request throws a permanent CloudApiError (`RequestFailed`, with the
   * request's message); a request still pending after `maxWaitMs` throws a transient `Timeout`.
   */
  public async waitForRequest(location: string, options: WaitOptions = {}): Promise<RequestStatus> {
    const maxWaitMs = options.maxWaitMs ?? 600_000;
    const path = this.pathOf(location);
    const started = this.clock.now();
    // Bounded: at most maxWaitMs / pollIntervalMs polls (plus one), each on the injected clock.
    const maxPolls = Math.max(1, Math.ceil(maxWaitMs / Math.max(1, this.pollIntervalMs)) + 1);
    for (let poll = 0; poll < maxPolls; poll++) {
      const status = await this.getRequestStatus(location);
      options.onPoll?.(status);
      const state = status.metadata?.status;
      if (state === 'DONE') return status;
      if (state === 'FAILED') {
        throw new CloudApiError({
          code: 'RequestFailed', method: 'GET', path, requestUrl: location,
          messages: [{ message: status.metadata?.message ?? 'no message' }],
        }, `Request ${requestIdOf(path)} failed: ${status.metadata?.message ?? 'no message'}`);
      }
      if (state !== 'QUEUED' && state !== 'RUNNING') {
        throw new CloudApiError({ code: 'BadResponse', method: 'GET', path, messages: [{ message: `unknown request status "${String(state)}"` }] });
      }
      if (this.clock.now() - started + this.pollIntervalMs > maxWaitMs || isAborted(options.signal)) break;
      await this.clock.sleep(this.pollIntervalMs, options.signal);
      if (isAborted(options.signal)) break;
    }
    throw new CloudApiError({
      code: 'Timeout', method: 'GET', path, requestUrl: location,
      messages: [{ message: isAborted(options.signal) ? 'stopped waiting for the request' : `request still pending after ${maxWaitMs} ms` }],
    });
  }

  /**
   * `GET /requests?depth=2&filter.method=…&filter.url=…[&filter.createdAfter=…]`, every page
   * (`offset`/`limit`, at most {@link MAX_REQUEST_PAGES} of {@link REQUEST_PAGE_SIZE}), newest
   * first, keeping only records whose URL (query stripped, trailing `/` trimmed) ends with
   * `filter.url`, as CAPIC matches them (`internal/service/cloud/request.go`): the API's filter only asks the URL to
   * contain the value. `createdAfter` is sent as `YYYY-MM-DD HH:MM:SS` in UTC.
   */
  public async listRequests(filter: RequestFilter): Promise<readonly RequestRecord[]> {
    const query: Record<string, string | number> = { depth: 2, 'filter.method': filter.method, 'filter.url': filter.url, limit: REQUEST_PAGE_SIZE };
    if (filter.createdAfter !== undefined) query['filter.createdAfter'] = formatApiTime(filter.createdAfter);
    const items: RequestRecord[] = [];
    for (let page = 0; page < MAX_REQUEST_PAGES; page++) {
      const answer = await this.json<Collection<RequestRecord>>('GET', '/requests', { ...query, offset: page * REQUEST_PAGE_SIZE });
      const got = answer.items ?? [];
      items.push(...got);
      if (got.length < REQUEST_PAGE_SIZE) break;
    }
    const wanted = filter.url.replace(/\/+$/, '');
    const matches = items.filter((r) => {
      if ((r.properties?.method ?? '').toUpperCase() !== filter.method.toUpperCase()) return false;
      const url = (r.properties?.url ?? '').split('?')[0]!.replace(/\/+$/, '');
      return url.endsWith(wanted);
    });
    return [...matches].sort((a, b) => compareText(b.metadata?.createdDate ?? '', a.metadata?.createdDate ?? ''));
  }

  private pathOf(url: string): string {
    if (url.startsWith('/')) return url;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new CloudApiError({ code: 'BadResponse', method: 'GET', path: url, messages: [{ message: `"${url}" is neither a URL nor a path` }] });
    }
    if (parsed.origin !== this.base.origin) {
      throw new CloudApiError({
        code: 'BadResponse', method: 'GET', path: url,
        messages: [{ message: `refusing to send the token to ${parsed.origin}; the API is at ${this.base.origin}` }],
      });
    }
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const path = parsed.pathname.startsWith(`${basePath}/`) ? parsed.pathname.slice(basePath.length) : parsed.pathname;
    return `${path}${parsed.search}`;
  }

  private async json<T>(method: string, path: string, query: Record<string, string | number>): Promise<T> {
    const answer = await this.call(method, path, query, undefined);
    return answer.body as T;
  }

  private async write<T>(method: string, path: string, body: unknown): Promise<Accepted<T>> {
    const answer = await this.call(method, path, {}, body);
    if (answer.location === null || answer.location === '') {
      throw new CloudApiError({ code: 'BadResponse', method, path, status: answer.status, messages: [{ message: 'request to Cloud API did not return the request URL' }] });
    }
    return { body: answer.body as T, location: answer.location };
  }

  /** One call with the retry policy; the only place that talks HTTP. */
  private async call(method: string, path: string, query: Record<string, string | number>, body: unknown): Promise<{ status: number; body: unknown; location: string | null }> {
    const url = this.urlFor(path, query);
    const headers: Record<string, string> = { ...this.extraHeaders, Authorization: `Bearer ${this.token}`, Accept: 'application/json' };
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    const displayPath = `${path}${url.search}`;
    const attempts = Math.max(1, this.retry.maxAttempts);
    let lastError: CloudApiError | undefined;
    const waitLeft = this.notBefore - this.clock.now();
    if (waitLeft > 0) {
      // The API asked for a pause: no call of any machine goes out before it ends.
      throw new CloudApiError({
        code: 'HttpError', method, path: displayPath, status: 429, retryAfterMs: waitLeft,
        messages: [{ message: `not sent: the API asked to wait (Retry-After) for ${Math.ceil(waitLeft / 1000)} s more` }],
      });
    }
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let delay: number;
      let answer: Awaited<ReturnType<CloudClient['attempt']>> | undefined;
      try {
        answer = await this.attempt(method, url.toString(), headers, payload, displayPath);
      } catch (error) {
        // No answer at all: a POST may have arrived, so only the caller may decide to repeat it.
        if (!(error instanceof CloudApiError) || error.code === 'BadResponse' || method === 'POST') throw error;
        lastError = error;
      }
      if (answer !== undefined) {
        if (answer.status >= 200 && answer.status < 300) return answer;
        const error = httpError(method, displayPath, answer.status, answer.text, answer.retryAfter, this.clock.now());
        lastError = error;
        if (answer.status === 429) {
          // Not processed, so any method may be repeated; a long Retry-After goes back to the controller.
          if (error.retryAfterMs !== undefined && error.retryAfterMs > this.retry.maxRetryAfterMs) {
            this.notBefore = Math.max(this.notBefore, this.clock.now() + error.retryAfterMs);
            throw error;
          }
          delay = error.retryAfterMs ?? this.backoff(attempt);
        } else if ((answer.status === 502 || answer.status === 503 || answer.status === 504) && method !== 'POST') {
          delay = this.backoff(attempt);
        } else {
          throw error;
        }
      } else {
        delay = this.backoff(attempt);
      }
      if (attempt < attempts) await this.clock.sleep(delay);
    }
    throw lastError!;
  }

  private backoff(attempt: number): number {
    return Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** Math.min(30, attempt - 1));
  }

  private async attempt(method: string, url: string, headers: Record<string, string>, body: string | undefined, displayPath: string) {
    const request = new AbortController();
    // The time limit is a sleep on the injected clock, cancelled as soon as the attempt ends.
    const limit = new AbortController();
    let timedOut = false;
    if (this.timeoutMs > 0) {
      void this.clock.sleep(this.timeoutMs, limit.signal).then(() => {
        if (limit.signal.aborted) return;
        timedOut = true;
        request.abort();
      });
    }
    try {
      const response = await this.fetchFn(url, { method, headers, ...(body !== undefined ? { body } : {}), signal: request.signal });
      const text = await response.text();
      let parsed: unknown;
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          if (response.status >= 200 && response.status < 300) {
            throw new CloudApiError({ code: 'BadResponse', method, path: displayPath, status: response.status, messages: [{ message: 'the answer is not JSON' }] });
          }
        }
      }
      return {
        status: response.status,
        body: parsed,
        text,
        location: WRITE_METHODS.has(method) ? response.headers.get('location') : null,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      if (error instanceof CloudApiError) throw error;
      if (timedOut) throw new CloudApiError({ code: 'Timeout', method, path: displayPath, messages: [{ message: `no answer within ${this.timeoutMs} ms` }] });
      const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
      throw new CloudApiError({ code: 'NetworkError', method, path: displayPath, messages: [{ message: reason }] });
    } finally {
      limit.abort();
    }
  }

  private urlFor(path: string, query: Record<string, string | number>): URL {
    const [pathname, search] = path.split('?', 2) as [string, string | undefined];
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}${pathname}`, this.base.origin);
    if (search !== undefined) url.search = search;
    for (const key of Object.keys(query).sort(compareText)) url.searchParams.set(key, String(query[key]));
    return url;
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function seg(id: string): string {
  return encodeURIComponent(id);
}

function serverPath(datacenterId: string, serverId: string): string {
  return `/datacenters/${seg(datacenterId)}/servers/${seg(serverId)}`;
}

function nicPath(datacenterId: string, serverId: string, nicId: string): string {
  return `${serverPath(datacenterId, serverId)}/nics/${seg(nicId)}`;
}

function requestIdOf(path: string): string {
  const match = /\/requests\/([^/?]+)/.exec(path);
  return match?.[1] ?? path;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the request history's time filter format. */
export function formatApiTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Builds the CloudApiError of a non-2xx answer from its `Error` body (or its raw text). */
function httpError(method: string, path: string, status: number, text: string, retryAfter: string | null, now: number): CloudApiError {
  let messages: ErrorMessage[] = [];
  try {
    const body = JSON.parse(text) as ErrorBody;
    if (Array.isArray(body.messages)) messages = body.messages.map((m) => ({ ...(m.errorCode !== undefined ? { errorCode: String(m.errorCode) } : {}), ...(m.message !== undefined ? { message: String(m.message) } : {}) }));
  } catch {
    if (text.trim() !== '') messages = [{ message: text.trim().slice(0, 200) }];
  }
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  return new CloudApiError({ code: 'HttpError', method, path, status, messages, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (relative to `now`). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

const globalFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * A {@link FetchLike} over `node:https` that trusts only the certificates of `caBundle` (the
 * global `fetch` cannot be given roots per call).
 */
export function fetchTrusting(caBundle: string): FetchLike {
  return (url, init) => new Promise<FetchResponse>((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== 'https:') {
      reject(new Error(`caBundle is given but ${target.origin} is not https`));
      return;
    }
    const req = httpsRequest(target, { method: init.method, headers: init.headers, ca: caBundle, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: { get: (name) => { const v = res.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v; } },
          text: () => Promise.resolve(text),
        });
      });
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
