/**
 * The fake Cloud API itself: the behaviour the NIC attacher (and the IONOS provider's tests)
 * depend on, checked over HTTP on 127.0.0.1 with the real client where it can be.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/reconciler/clock.js';
import { CloudClient } from '../../src/reconciler/cloud/client.js';
import { FakeCloudApi } from './index.js';

const DC = 'dc-1';
const SERVER = '5a1e2f3c-0000-4000-8000-0000000000aa';

let clock: ManualClock;
let api: FakeCloudApi;
let client: CloudClient;

beforeEach(async () => {
  clock = new ManualClock();
  api = new FakeCloudApi({ clock });
  await api.start();
  api.addLan(DC, 1, { name: 'public', public: true });
  api.addLan(DC, 3, { name: 'storage', ipv6CidrBlock: '2001:db8:3:0::/64' });
  api.addServer(DC, SERVER, 'm1', [{ name: 'nic-m1', lan: 1, ips: ['203.0.113.200'] }]);
  client = new CloudClient({ token: api.token, apiURL: api.apiURL, clock, timeoutMs: 0 });
});

afterEach(async () => {
  await api.stop();
});

async function get(path: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${api.apiURL}${path}`, { headers: { Authorization: `Bearer ${api.token}` } });
  return { status: response.status, headers: response.headers, body: await response.json() as Record<string, unknown> };
}

describe('asynchronous requests on the injected clock', () => {
  it('moves a request QUEUED → RUNNING → DONE as the clock passes, and applies it only when DONE', async () => {
    const { location } = await client.createNic(DC, SERVER, { properties: { lan: 3, ips: null, ipv6Ips: null } });
    expect((await client.getRequestStatus(location)).metadata?.status).toBe('QUEUED');
    expect(api.nicsOf(SERVER).map((n) => n.metadata.state)).toEqual(['AVAILABLE', 'BUSY']);
    await clock.advance(1000);
    expect((await client.getRequestStatus(location)).metadata?.status).toBe('RUNNING');
    // Polling does not move it: only time does.
    expect((await client.getRequestStatus(location)).metadata?.status).toBe('RUNNING');
    await clock.advance(2000);
    expect((await client.getRequestStatus(location)).metadata?.status).toBe('DONE');
    expect(api.nicsOf(SERVER)[1]!.metadata.state).toBe('AVAILABLE');
  });

  it('ends a request FAILED when told to, and undoes a creation', async () => {
    api.failNextRequest('quota exceeded');
    const { location } = await client.createNic(DC, SERVER, { properties: { lan: 3 } });
    await clock.advance(3000);
    const status = await client.getRequestStatus(location);
    expect(status.metadata).toMatchObject({ status: 'FAILED', message: 'quota exceeded' });
    expect(api.nicsOf(SERVER)).toHaveLength(1);
  });
});

describe('server states', () => {
  it('shows the server BUSY while a request on one of its NICs runs, AVAILABLE after', async () => {
    expect((await client.getServer(DC, SERVER)).metadata?.state).toBe('AVAILABLE');
    await client.patchNic(DC, SERVER, api.nicsOf(SERVER)[0]!.id, { ips: ['203.0.113.201'] });
    const busy = await client.getServer(DC, SERVER);
    expect(busy.metadata?.state).toBe('BUSY');
    expect(busy.entities?.nics?.items?.[0]?.metadata?.state).toBe('BUSY');
    await clock.advance(3000);
    expect((await client.getServer(DC, SERVER)).metadata?.state).toBe('AVAILABLE');
  });

  it('reports a state and vmState set by the test', async () => {
    api.servers.setState(SERVER, { state: 'INACTIVE', vmState: 'SHUTOFF' });
    const server = await client.getServer(DC, SERVER);
    expect([server.metadata?.state, server.properties.vmState]).toEqual(['INACTIVE', 'SHUTOFF']);
  });
});

describe('depth', () => {
  it('renders child collections as a reference at depth 0, item references at 1, items with properties at 2', async () => {
    const d0 = (await get(`/datacenters/${DC}/servers/${SERVER}?depth=0`)).body;
    expect(d0['properties']).toMatchObject({ name: 'm1' });
    expect((d0['entities'] as { nics: Record<string, unknown> }).nics).not.toHaveProperty('items');
    const d1 = (await get(`/datacenters/${DC}/servers/${SERVER}?depth=1`)).body;
    expect((d1['entities'] as { nics: { items: Record<string, unknown>[] } }).nics.items[0]).not.toHaveProperty('properties');
    const d2 = (await get(`/datacenters/${DC}/servers/${SERVER}?depth=2`)).body;
    expect((d2['entities'] as { nics: { items: { properties: Record<string, unknown> }[] } }).nics.items[0]!.properties).toMatchObject({ name: 'nic-m1', lan: 1 });
    const list0 = (await get(`/datacenters/${DC}/servers/${SERVER}/nics`)).body;
    expect((list0['items'] as Record<string, unknown>[])[0]).toEqual({ id: api.nicsOf(SERVER)[0]!.id, type: 'nic', href: expect.any(String) });
  });

  it('rejects a depth outside 0..10', async () => {
    expect((await get(`/datacenters/${DC}/lans?depth=11`)).status).toBe(422);
  });
});

describe('pagination', () => {
  it('pages a collection with offset and limit and links the next and previous pages', async () => {
    for (let id = 4; id <= 8; id++) api.addLan(DC, id);
    const first = (await get(`/datacenters/${DC}/lans?depth=1&offset=0&limit=2`)).body;
    expect((first['items'] as { id: string }[]).map((l) => l.id)).toEqual(['1', '3']);
    expect(first).toMatchObject({ offset: 0, limit: 2 });
    expect((first['_links'] as Record<string, string>)['next']).toMatch(/offset=2&limit=2$/);
    expect(first['_links']).not.toHaveProperty('prev');
    const last = (await get(`/datacenters/${DC}/lans?depth=1&offset=6&limit=2`)).body;
    expect((last['items'] as { id: string }[]).map((l) => l.id)).toEqual(['8']);
    expect(last['_links']).not.toHaveProperty('next');
    expect((await get(`/datacenters/${DC}/lans?limit=0`)).status).toBe(422);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After until the window is over', async () => {
    api.rateLimit = { limit: 2, windowMs: 10_000 };
    expect((await get(`/datacenters/${DC}/lans`)).status).toBe(200);
    expect((await get(`/datacenters/${DC}/lans`)).status).toBe(200);
    await clock.advance(4000);
    const limited = await get(`/datacenters/${DC}/lans`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.body).toMatchObject({ httpStatus: 429 });
    await clock.advance(6000);
    expect((await get(`/datacenters/${DC}/lans`)).status).toBe(200);
  });
});

describe('request history', () => {
  it('filters by "contains" on the URL, as the API documents its filters, newest first', async () => {
    const nicId = api.nicsOf(SERVER)[0]!.id;
    await client.patchNic(DC, SERVER, nicId, { ips: ['203.0.113.9'] });
    await clock.advance(1000);
    await client.createNic(DC, SERVER, { properties: { lan: 3 } });
    const all = (await get(`/requests?depth=2&filter.url=${encodeURIComponent(`/datacenters/${DC}/servers/${SERVER}/nics`)}`)).body;
    expect((all['items'] as { properties: { method: string } }[]).map((r) => r.properties.method)).toEqual(['POST', 'PATCH']);
    const posts = (await get(`/requests?depth=2&filter.method=POST&filter.url=${encodeURIComponent(`/nics/${nicId}`)}`)).body;
    expect(posts['items']).toEqual([]);
  });
});

describe('addresses the API assigns', () => {
  it('assigns addresses to a NIC created with ips null, from the LAN (IPv6 only where the LAN has a block)', async () => {
    await client.createNic(DC, SERVER, { properties: { lan: 3, ips: null, ipv6Ips: null } });
    await client.createNic(DC, SERVER, { properties: { lan: 1, ips: ['203.0.113.77'] } });
    expect(api.nicsOf(SERVER).slice(1).map((n) => n.properties.ips)).toEqual([[], ['203.0.113.77']]);
    await clock.advance(3000);
    const [storage, public1] = api.nicsOf(SERVER).slice(1);
    expect(storage!.properties.ips).toEqual(['10.3.0.3']);
    expect(storage!.properties.ipv6Ips).toEqual(['2001:db8:3:0::1']);
    expect(public1!.properties).toMatchObject({ ips: ['203.0.113.77'], ipv6Ips: [] });
  });
});
