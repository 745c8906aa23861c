/**
 * `capi-ionos reconcile` as real processes against a real kube-apiserver + etcd: one replica is
 * killed with SIGKILL mid-run, two more take over through the Lease and finish the job, their
 * health, readiness and metrics endpoints answer, and SIGTERM ends each with exit code 0 after
 * giving the Lease up. Their stderr is JSON lines.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src/reconciler/store.js';
import { run } from '../cli/run.js';
import { type PoolRef, boundCount, createClaims, expectConsistentBindings, freshNamespace, poolObject, waitUntil } from './claims.js';
import { apiServerAvailable } from './harness.js';
import { replicaSuite, startReplica } from './replica.js';

const availability = apiServerAvailable();

async function get(address: string, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://${address}${path}`);
  return { status: res.status, text: await res.text() };
}

/** The value of one Prometheus sample, e.g. `capi_ionos_leader`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe.skipIf(!availability.ok)('capi-ionos reconcile as a process, against a real kube-apiserver', () => {
  const suite = replicaSuite('SIGKILL');
  const { replicas } = suite;

  it('survives a SIGKILL mid-run: two replicas take over through the Lease, serve their endpoints and exit 0 on SIGTERM', async () => {
    const { server, store } = suite;
    const ns = await freshNamespace(server, store, 'cli');
    const nodes: PoolRef = { kind: 'InClusterIPPool', name: 'nodes' };
    const pools = { nodes: await store.create(poolObject(nodes, ns, { addresses: ['10.70.0.0/24'], prefix: 24, gateway: '10.70.0.1' })) };
    await createClaims(store, ns, 'node', 100, nodes);
    const lease = ['--claims', '--leader-elect', '--lease-namespace', ns, '--lease-name', 'reconciler',
      '--lease-duration', '3', '--renew-deadline', '2', '--retry-period', '0.25'];

    // The first replica binds some claims, then dies without a chance to clean up.
    const first = startReplica(server, 'replica-a', lease);
    replicas.push(first);
    await waitUntil('some claims bound by replica-a', async () => (await boundCount(store, ns)) >= 20, 60_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // A write the server had already received still lands: count once the number holds still.
    let boundAtKill = await boundCount(store, ns);
    for (let again = -1; again !== boundAtKill; ) {
      again = boundAtKill;
      await new Promise((r) => setTimeout(r, 200));
      boundAtKill = await boundCount(store, ns);
    }
    expect(boundAtKill).toBeLessThan(100);
    const held = await store.get(RESOURCES.lease, ns, 'reconciler');
    expect((held?.spec as { holderIdentity?: string }).holderIdentity).toBe('replica-a');

    // Two new replicas: one takes the abandoned Lease once it expires and finishes the job.
    const b = startReplica(server, 'replica-b', lease);
    const c = startReplica(server, 'replica-c', lease);
    replicas.push(b, c);
    await waitUntil('100 claims bound', async () => (await boundCount(store, ns)) === 100, 60_000);
    await expectConsistentBindings(store, ns, pools);

    const leaseAfter = await store.get(RESOURCES.lease, ns, 'reconciler');
    const leaderName = (leaseAfter?.spec as { holderIdentity: string }).holderIdentity;
    expect(['replica-b', 'replica-c']).toContain(leaderName);
    const [leader, standby] = leaderName === 'replica-b' ? [b, c] : [c, b];

    for (const replica of [leader, standby]) {
      const { health, metrics } = await replica.endpoints;
      expect(health).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await get(health, '/healthz')).toEqual({ status: 200, text: 'ok\n' });
      await waitUntil(`${replica.name} ready`, async () => (await get(health, '/readyz')).status === 200, 10_000);
      expect((await get(health, '/nope')).status).toBe(404);
      const scraped = await get(metrics, '/metrics');
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('# TYPE capi_ionos_claims_bound_total counter');
      expect(scraped.text).toMatch(/^capi_ionos_kube_requests_total\{verb="get",resource="leases",code="200"\} \d+$/m);
      expect(sample(scraped.text, 'capi_ionos_leader')).toBe(replica === leader ? 1 : 0);
      expect(sample(scraped.text, 'capi_ionos_claims_bound_total')).toBe(replica === leader ? 100 - boundAtKill : 0);
    }

    // SIGTERM: the standby just leaves; the leader stops its controllers and gives the Lease up.
    standby.child.kill('SIGTERM');
    expect(await standby.exited).toEqual({ code: 0, signal: null });
    leader.child.kill('SIGTERM');
    expect(await leader.exited).toEqual({ code: 0, signal: null });
    const released = await store.get(RESOURCES.lease, ns, 'reconciler');
    expect((released?.spec as { holderIdentity?: string }).holderIdentity).toBeUndefined();

    for (const replica of [first, leader, standby]) {
      const lines = replica.lines();
      expect(lines.filter((l) => 'unparsed' in l), `${replica.name} writes only JSON lines`).toEqual([]);
      for (const line of lines) {
        expect(Object.keys(line).slice(0, 4)).toEqual(['ts', 'level', 'source', 'msg']);
        expect(line.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    }
    expect(leader.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['starting', 'started leading', 'claim binder started', 'shutting down', 'controllers stopped', 'stopped']));
    expect(leader.lines().at(-1)).toMatchObject({ level: 'info', source: 'reconcile', msg: 'stopped', exitCode: 0 });
  });

  it('rejects bad flags with exit code 2 and explains the flags with --help', async () => {
    const { server } = suite;
    expect(await run(['reconcile', '--nics', 'sometimes'])).toMatchObject({ code: 2, stderr: expect.stringContaining("use 'observe'") });
    expect(await run(['reconcile', '--health-port', 'http'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a port') });
    expect(await run(['reconcile', '--lease-duration', '2', '--renew-deadline', '5'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--lease-duration > --renew-deadline') });
    expect(await run(['reconcile', '--kubeconfig', join(server.dir, 'missing'), '--health-port', '0', '--metrics-port', '0'])).toMatchObject({
      code: 2, stderr: expect.stringContaining('cannot use the cluster connection'),
    });
    const help = await run(['reconcile', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--leader-elect');
    expect((await run(['--help'])).stdout).toContain('reconcile');
  });
});
