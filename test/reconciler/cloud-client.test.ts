/**
 * The Cloud API client against a local server speaking the API's shape (127.0.0.1, random port):
 * URLs, authentication, bodies, retries and their waits (on an injected clock), typed errors,
 * request polling, and credentials from a Secret or the environment.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudClient, DEFAULT_API_URL, normaliseApiUrl, parseRetryAfter } from '../../src/reconciler/cloud/client.js';
import { credentialsFromEnv, credentialsFromSecret } from '../../src/reconciler/cloud/credentials.js';
import { CloudApiError, isCloudApiError, isCloudCredentialsError } from '../../src/reconciler/cloud/errors.js';
import { ManualClock } from '../../src/reconciler/clock.js';
import { MemoryStore } from '../../src/reconciler/memory-store.js';
import type { Clock } from '../../src/reconciler/store.js';
import { FakeCloudApi } from './cloud-api-server.js';
import { TestClock } from './test-clock.js';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './test-tls.js';

const DC = 'dc-1';
const SERVER = '5a1e2f3c-0000-4000-8000-0000000000aa';

let api: FakeCloudApi;
let clock: TestClock;

beforeEach(async () => {
  api = new FakeCloudApi({ progress: 'manual' });
  await api.start();
  api.addLan(DC, 1, { name: 'lan-ns-c1', public: true });
  api.addLan(DC, 3, { name: 'storage' });
  api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: ['10.0.0.5'] }]);
  clock = new TestClock();
});

afterEach(async () => {
  await api.stop();
});

function client(options: { token?: string; clock?: Clock; retry?: Partial<{ maxAttempts: number; maxRetryAfterMs: number }> } = {}): CloudClient {
  // No per-attempt time-out here: the test clock jumps forward on every sleep (see the time-out test).
  return new CloudClient({ token: options.token ?? api.token, apiURL: api.apiURL, clock: options.clock ?? clock, timeoutMs: 0, ...(options.retry ? { retry: options.retry } : {}) });
}

async function failure(promise: Promise<unknown>): Promise<CloudApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(isCloudApiError(error), String(error)).toBe(true);
  return error as CloudApiError;
}

describe('API URL normalisation (the Secret\'s apiURL, as CAPIC reads it)', () => {
  it.each<[string, string | undefined, string]>([
    ['empty means the default', '', DEFAULT_API_URL],
    ['absent means the default', undefined, DEFAULT_API_URL],
    ['a full URL stays', 'https://api.ionos.com/cloudapi/v6', 'https://api.ionos.com/cloudapi/v6'],
    ['a host gets https:// and the suffix', 'api.example.org', 'https://api.example.org/cloudapi/v6'],
    ['a URL without the suffix gets it', 'https://proxy.example.org/ionos', 'https://proxy.example.org/ionos/cloudapi/v6'],
    ['trailing slashes are dropped before checking the suffix', 'https://api.ionos.com/cloudapi/v6/', 'https://api.ionos.com/cloudapi/v6'],
    ['http:// is kept (local test servers)', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080/cloudapi/v6'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseApiUrl(input)).toBe(expected);
  });

  it('rejects a URL with another scheme', () => {
    expect(() => normaliseApiUrl('ftp://x')).toThrow(/uses ftp:; use https:\/\//);
  });
});

describe('reading', () => {
  it('gets a server with its NICs, sending Authorization: Bearer <token> and depth', async () => {
    const server = await client().getServer(DC, SERVER, { depth: 2 });
    expect(server.properties.name).toBe('m1');
    expect(server.entities?.nics?.items?.map((n) => [n.properties.name, n.properties.lan, n.properties.ips])).toEqual([['nic-m1', 1, ['10.0.0.5']]]);
    expect(api.calls[0]).toMatchObject({ method: 'GET', path: `/datacenters/${DC}/servers/${SERVER}`, query: { depth: '2' }, authorization: 'Bearer test-token' });
  });

  it('lists and gets NICs and LANs', async () => {
    const c = client();
    const nics = await c.listNics(DC, SERVER);
    expect(nics).toHaveLength(1);
    expect((await c.getNic(DC, SERVER, nics[0]!.id!)).properties.name).toBe('nic-m1');
    expect((await c.listLans(DC)).map((l) => [l.id, l.properties.name])).toEqual([['1', 'lan-ns-c1'], ['3', 'storage']]);
    expect((await c.getLan(DC, 3)).properties.name).toBe('storage');
  });

  it('fails with notFound for a missing server, with the API\'s messages', async () => {
    const error = await failure(client().getServer(DC, 'nope'));
    expect(error).toMatchObject({ code: 'HttpError', status: 404, notFound: true, transient: false });
    expect(error.messages[0]).toEqual({ errorCode: 'RES-404', message: `server nope not found in datacenter ${DC}` });
    expect(error.message).toBe(`request to Cloud API has failed: GET /datacenters/${DC}/servers/nope?depth=2 answered 404: [RES-404] server nope not found in datacenter ${DC}`);
  });

  it('fails with 401 (permanent) for a wrong token', async () => {
    const error = await failure(client({ token: 'wrong' }).listLans(DC));
    expect(error).toMatchObject({ status: 401, transient: false });
  });

  it('fails to build a client without a token ("token must be set")', () => {
    expect(() => client({ token: ' ' })).toThrow('token must be set');
  });

  it('fails with a transient NetworkError when nothing listens', async () => {
    const url = api.apiURL;
    await api.stop();
    const c = new CloudClient({ token: 't', apiURL: url, clock, timeoutMs: 0, retry: { maxAttempts: 2 } });
    const error = await failure(c.listLans(DC));
    expect(error).toMatchObject({ code: 'NetworkError', transient: true });
    expect(clock.sleeps).toEqual([100]);
  });
});

describe('writing', () => {
  it('creates a NIC with POST {properties}: 202, the NIC, and the Location of its request', async () => {
    const answer = await client().createNic(DC, SERVER, { properties: { lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } });
    expect(answer.body.properties).toMatchObject({ lan: 3, ips: ['172.16.0.4'] });
    expect(answer.location).toMatch(new RegExp(`^${api.apiURL}/requests/[0-9a-f-]+/status$`));
    expect(api.writes[0]).toMatchObject({ method: 'POST', path: `/datacenters/${DC}/servers/${SERVER}/nics`, body: { properties: { lan: 3, ips: ['172.16.0.4'], ipv6Ips: null, dhcp: true } } });
  });

  it('patches a NIC with a bare NicProperties body', async () => {
    const nicId = api.nicsOf(SERVER)[0]!.id;
    const answer = await client().patchNic(DC, SERVER, nicId, { ips: ['10.0.0.9'] });
    expect(answer.location).toContain('/requests/');
    expect(api.writes[0]).toMatchObject({ method: 'PATCH', path: `/datacenters/${DC}/servers/${SERVER}/nics/${nicId}`, body: { ips: ['10.0.0.9'] } });
  });

  it('fails with a permanent 422 carrying the validation message', async () => {
    const error = await failure(client().createNic(DC, SERVER, { properties: { lan: 99 } }));
    expect(error).toMatchObject({ code: 'HttpError', status: 422, transient: false });
    expect(error.messages[0]!.message).toContain('LAN 99 does not exist');
  });
});

describe('retries (as the SDK: 429 with Retry-After, 502/503/504 except POST)', () => {
  it('honours Retry-After on a 429 and then succeeds, when told to wait inside the call', async () => {
    api.inject({ path: '/lans', status: 429, retryAfter: '3' });
    const lans = await client({ retry: { maxRetryAfterMs: 60_000 } }).listLans(DC);
    expect(lans).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
    expect(api.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('fails transiently after retrying 503 with capped exponential backoff up to the attempt limit', async () => {
    api.inject({ path: '/lans', status: 503, times: 10 });
    const error = await failure(new CloudClient({ token: api.token, apiURL: api.apiURL, clock, timeoutMs: 0, retry: { maxAttempts: 6, maxDelayMs: 500 } }).listLans(DC));
    expect(error).toMatchObject({ status: 503, transient: true });
    expect(clock.sleeps).toEqual([100, 200, 400, 500, 500]);
    expect(api.calls).toHaveLength(6);
  });

  it('retries a 502 on PATCH and succeeds', async () => {
    api.inject({ method: 'PATCH', status: 502 });
    const nicId = api.nicsOf(SERVER)[0]!.id;
    await client().patchNic(DC, SERVER, nicId, { ips: ['10.0.0.9'] });
    expect(api.calls.map((c) => [c.method, c.status])).toEqual([['PATCH', 502], ['PATCH', 202]]);
  });

  it('fails at once on a 503 to a POST (not idempotent), transiently', async () => {
    api.inject({ method: 'POST', status: 503 });
    const error = await failure(client().createNic(DC, SERVER, { properties: { lan: 3 } }));
    expect(error).toMatchObject({ status: 503, transient: true });
    expect(api.calls).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a 429 on a POST (the API did not process it)', async () => {
    api.inject({ method: 'POST', status: 429, retryAfter: '1' });
    await client({ retry: { maxRetryAfterMs: 60_000 } }).createNic(DC, SERVER, { properties: { lan: 3 } });
    expect(api.calls.map((c) => c.status)).toEqual([429, 202]);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('fails at once, transiently, with retryAfterMs when Retry-After is longer than the client waits', async () => {
    api.inject({ path: '/lans', status: 429, retryAfter: '120' });
    const error = await failure(client({ retry: { maxRetryAfterMs: 60_000 } }).listLans(DC));
    expect(error).toMatchObject({ status: 429, transient: true, retryAfterMs: 120_000 });
    expect(api.calls).toHaveLength(1);
  });

  it('hands every Retry-After to the caller by default, and sends nothing until it is over', async () => {
    // GIVEN the API's rate limit is used up for the next 2 s
    api.inject({ path: '/lans', status: 429, retryAfter: '2' });
    const c = client();
    // WHEN a call meets the 429
    const first = await failure(c.listLans(DC));
    // THEN it ends at once with the wait, without sleeping
    expect(first).toMatchObject({ status: 429, transient: true, retryAfterMs: 2000 });
    expect(clock.sleeps).toEqual([]);
    // AND any call (another path too) before the wait is over fails without reaching the API
    clock.sleeps.length = 0;
    await clock.sleep(1500);
    const second = await failure(c.getServer(DC, SERVER));
    expect(second).toMatchObject({ status: 429, transient: true, retryAfterMs: 500 });
    expect(api.calls).toHaveLength(1);
    // AND once it is over, calls go out again
    await clock.sleep(500);
    expect(await c.listLans(DC)).toHaveLength(2);
    expect(api.calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it('fails at once, transiently, on a 500 (the SDK does not retry it)', async () => {
    api.inject({ path: '/lans', status: 500 });
    const error = await failure(client().listLans(DC));
    expect(error).toMatchObject({ status: 500, transient: true });
    expect(api.calls).toHaveLength(1);
  });

  it('fails with a transient Timeout when an attempt gets no answer in time, after retrying a GET', async () => {
    api.inject({ path: '/lans', hang: true, times: 2 });
    const c = new CloudClient({ token: api.token, apiURL: api.apiURL, clock, timeoutMs: 30_000, retry: { maxAttempts: 2 } });
    const error = await failure(c.listLans(DC));
    expect(error).toMatchObject({ code: 'Timeout', transient: true });
    expect(error.message).toContain('no answer within 30000 ms');
    // time-out, backoff, time-out: every wait on the injected clock
    expect(clock.sleeps).toEqual([30_000, 100, 30_000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', Date.UTC(2026, 0, 1))).toBe(5000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('requests', () => {
  it('polls a request every second until DONE', async () => {
    const c = client();
    const { location } = await c.createNic(DC, SERVER, { properties: { lan: 3 } });
    api.progress = 'on-poll';
    const status = await c.waitForRequest(location);
    expect(status.metadata?.status).toBe('DONE');
    expect(clock.sleeps).toEqual([1000, 1000]);
    expect(api.nicsOf(SERVER).map((n) => n.metadata.state)).toEqual(['AVAILABLE', 'AVAILABLE']);
  });

  it('fails with a permanent RequestFailed error carrying the request\'s message', async () => {
    const c = client();
    api.failNextRequest('NIC quota exceeded');
    const { location } = await c.createNic(DC, SERVER, { properties: { lan: 3 } });
    api.progress = 'on-poll';
    const error = await failure(c.waitForRequest(location));
    expect(error).toMatchObject({ code: 'RequestFailed', transient: false, requestUrl: location });
    expect(error.message).toMatch(/^Request [0-9a-f-]+ failed: NIC quota exceeded$/);
    expect(api.nicsOf(SERVER)).toHaveLength(1);
  });

  it('fails with a transient Timeout when the request is still pending after maxWaitMs', async () => {
    const c = client();
    const { location } = await c.createNic(DC, SERVER, { properties: { lan: 3 } });
    const error = await failure(c.waitForRequest(location, { maxWaitMs: 5000 }));
    expect(error).toMatchObject({ code: 'Timeout', transient: true, requestUrl: location });
    expect(clock.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it('rejects a Location on another origin (the token stays with the API)', async () => {
    const error = await failure(client().getRequestStatus('https://elsewhere.example/requests/1/status'));
    expect(error).toMatchObject({ code: 'BadResponse', transient: false });
    expect(error.message).toContain('refusing to send the token to https://elsewhere.example');
    expect(api.calls).toHaveLength(0);
  });

  it('finds a running request in the history by method and URL', async () => {
    const c = client();
    const { location } = await c.createNic(DC, SERVER, { properties: { lan: 3 } });
    const found = await c.listRequests({ method: 'POST', url: `/datacenters/${DC}/servers/${SERVER}/nics`, createdAfter: 0 });
    expect(found.map((r) => r.metadata?.requestStatus?.href)).toEqual([location]);
    expect(await c.listRequests({ method: 'PATCH', url: `/datacenters/${DC}/servers/${SERVER}/nics` })).toEqual([]);
    expect(api.calls.at(-1)!.query).toMatchObject({ 'depth': '2', 'filter.method': 'PATCH', 'filter.url': `/datacenters/${DC}/servers/${SERVER}/nics` });
  });

  it('reads every page of the request history and keeps only URLs that end with the filter', async () => {
    // GIVEN 1,001 PATCHes of one NIC (the API's filter.url also lists them for the NIC list URL) and then one POST
    const c = client();
    const nicId = api.nicsOf(SERVER)[0]!.id;
    const href = `${api.apiURL}/datacenters/${DC}/servers/${SERVER}/nics/${nicId}`;
    for (let i = 0; i < 1001; i++) {
      api.requestBook.create({ method: 'PATCH', url: href, body: '{"ips":["10.0.0.5"]}', target: { id: nicId, type: 'nic', href }, onDone: () => {}, onFailed: () => {} });
    }
    const { location } = await c.createNic(DC, SERVER, { properties: { lan: 3 } });
    // WHEN the POSTs to the NIC list are looked up with method PATCH … and POST
    const patches = await c.listRequests({ method: 'PATCH', url: `/datacenters/${DC}/servers/${SERVER}/nics` });
    const posts = await c.listRequests({ method: 'POST', url: `/datacenters/${DC}/servers/${SERVER}/nics` });
    // THEN the PATCHes of …/nics/<id> do not count as requests to …/nics, though the API listed them on two pages
    expect(patches).toEqual([]);
    const pages = api.calls.filter((call) => call.path === '/requests' && call.query['filter.method'] === 'PATCH').map((call) => call.query['offset']);
    expect(pages).toEqual(['0', '1000']);
    expect(posts.map((r) => r.metadata?.requestStatus?.href)).toEqual([location]);
  });
});

describe('TLS', () => {
  it('trusts the caBundle as the only roots: a server with that certificate is reached', async () => {
    const secure = new FakeCloudApi({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    await secure.start();
    try {
      secure.addLan(DC, 1);
      const c = new CloudClient({ token: secure.token, apiURL: secure.apiURL, clock, timeoutMs: 0, caBundle: TEST_TLS_CERT });
      expect(secure.apiURL).toMatch(/^https:\/\/127\.0\.0\.1:/);
      expect(await c.listLans(DC)).toHaveLength(1);
    } finally {
      await secure.stop();
    }
  });

  it('fails with a NetworkError when the server\'s certificate is not trusted (no caBundle)', async () => {
    const secure = new FakeCloudApi({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    await secure.start();
    try {
      const c = new CloudClient({ token: secure.token, apiURL: secure.apiURL, clock, timeoutMs: 0, retry: { maxAttempts: 1 } });
      const error = await failure(c.listLans(DC));
      expect(error).toMatchObject({ code: 'NetworkError', transient: true });
      expect(secure.calls).toHaveLength(0);
    } finally {
      await secure.stop();
    }
  });
});

describe('credentials', () => {
  it('reads IONOS_TOKEN and IONOS_API_URL from an explicit environment', () => {
    expect(credentialsFromEnv({ IONOS_TOKEN: ' tok ', IONOS_API_URL: 'api.example.org' })).toEqual({ token: 'tok', apiURL: 'https://api.example.org/cloudapi/v6' });
    expect(credentialsFromEnv({ IONOS_TOKEN: 'tok' })).toEqual({ token: 'tok', apiURL: DEFAULT_API_URL });
  });

  it('reads token, apiURL and caBundle from a Secret\'s base64 data, falling back to stringData', async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    await store.create({
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'ns' },
      data: { token: Buffer.from('tok\n').toString('base64'), caBundle: Buffer.from('-----BEGIN CERTIFICATE-----').toString('base64') },
      stringData: { apiURL: 'https://api.example.org/' },
    });
    expect(await credentialsFromSecret(store, 'ns', 'creds')).toEqual({ token: 'tok', apiURL: 'https://api.example.org/cloudapi/v6', caBundle: '-----BEGIN CERTIFICATE-----' });
  });

  it('rejects a missing Secret as NotFound (transient) and one without a token as Invalid', async () => {
    const store = new MemoryStore({ clock: new ManualClock() });
    const missing = await credentialsFromSecret(store, 'ns', 'creds').catch((e: unknown) => e);
    expect(isCloudCredentialsError(missing) && missing.reason === 'NotFound' && missing.transient).toBe(true);
    await store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'ns' }, data: { token: '' } });
    const empty = await credentialsFromSecret(store, 'ns', 'creds').catch((e: unknown) => e);
    expect(empty).toMatchObject({ reason: 'Invalid', transient: false });
    expect(String(empty)).toContain('token must be set');
  });

  it('rejects an environment without IONOS_TOKEN', () => {
    const error = (() => { try { credentialsFromEnv({}); } catch (e) { return e; } })();
    expect(isCloudCredentialsError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'Invalid', transient: false });
  });
});

