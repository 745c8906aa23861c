import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../synth/tree.js';
import { run } from './run.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Apps must live inside the package so that they can import it by its own name. */
const TMP = join(ROOT, '.test-tmp');
let work: string;

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  work = mkdtempSync(join(TMP, 'synth-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const APP_EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((d) => existsSync(join(ROOT, 'examples', d, 'main.ts')));

describe('capi-ionos synth (golden)', () => {
  it.each(APP_EXAMPLES)('synthesises examples/%s byte for byte to its committed dist/', async (example) => {
    const out = join(work, `golden-${example}`);
    const result = await run(['synth', join('examples', example, 'main.ts'), '-o', out], { cwd: ROOT });
    expect(result.stderr).toMatch(/^wrote \d+ objects/);
    expect(result.code).toBe(0);
    expect(readTree(out)).toEqual(readTree(join(ROOT, 'examples', example, 'dist')));
  });

  it('is what `cdk8s synth` writes through cdk8s.yaml into the committed top-level dist/', () => {
    // GIVEN cdk8s.yaml, which runs the seed scenario (examples/basic) into dist/
    expect(readFileSync(join(ROOT, 'cdk8s.yaml'), 'utf8')).toMatch(/^app: npx tsx examples\/basic\/main\.ts$[\s\S]*^output: dist$/m);
    // WHEN cdk8s synthesises it (elsewhere, not to overwrite dist/)
    const out = join(work, 'cdk8s-cli');
    execFileSync(join(ROOT, 'node_modules/.bin/cdk8s'), ['synth', '--output', out], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
    // THEN it writes the committed dist/ byte for byte, which is the example's own dist/
    expect(readTree(out)).toEqual(readTree(join(ROOT, 'dist')));
    expect(readTree(join(ROOT, 'dist'))).toEqual(readTree(join(ROOT, 'examples/basic/dist')));
  }, 120_000);

  it('prints exactly the dist/ objects as one stream with --stdout', async () => {
    const result = await run(['synth', 'examples/basic/main.ts', '--stdout'], { cwd: ROOT });
    expect(result.code).toBe(0);
    const tree = readTree(join(ROOT, 'examples/basic/dist'));
    const objects = Object.keys(tree).filter((p) => !p.endsWith('kustomization.yaml')).sort();
    expect(result.stdout).toBe(objects.map((p) => tree[p]).join('---\n'));
    expect(result.stderr).toBe('');
  });
});

const PRELUDE = `
import { Credentials, FleetApp, IonosCluster, IonosMachine, IpPool, MachineImage, SharedObjects, l1 } from 'cdk8s-capi-ionos';
import { ApiObject, JsonPatch } from 'cdk8s';
const app = new FleetApp();
const image = MachineImage.fromId('img-1');
const dc = '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00';
const base = {
  namespace: 'prod-a', location: 'de/txl', datacenterID: dc, credentials: Credentials.fromSecretName('ionos'),
  kubernetesVersion: 'v1.31.2', controlPlane: { endpoint: { host: '10.0.0.10' }, machine: { disk: { image } } },
};
void ApiObject; void JsonPatch; void SharedObjects; void IonosMachine; void l1; void IpPool;
`;

/** [name, program body, text every report must contain (object and field), expected exit code] */
const BAD_INPUTS: [string, string, string[]][] = [
  ['a datacenter id that is not a UUID', `new IonosCluster(app, 'prod-a', { ...base, datacenterID: '1234' });`, ['prod-a: datacenterID', 'is not a UUID']],
  ['memoryMB 1000', `new IonosCluster(app, 'prod-a', base).addNodePool('workers', { machine: { memoryMB: 1000, disk: { image } } });`, ['prod-a/workers: machine.memoryMB', 'multiple of 1024']],
  ['VCPU with a CPU family', `new IonosCluster(app, 'prod-a', base).addNodePool('workers', { machine: { type: 'VCPU', cpuFamily: 'AMD_OPTERON', disk: { image } } });`, ['prod-a/workers: machine.cpuFamily', 'VCPU']],
  ['an IPv6 pool as the IPv4 reference', `const c = new IonosCluster(app, 'prod-a', base); const v6 = new IpPool(c, 'v6', { family: 'IPv6', name: 'v6', namespace: 'prod-a', addresses: ['fd00::/120'], prefix: 64 }); c.addNodePool('workers', { machine: { disk: { image } }, network: { ipv4Pool: v6 as any } });`, ['prod-a/workers: network.ipv4Pool', 'needs an IPv4 pool, got IPv6 pool "v6"']],
  ['an InClusterIPPool of another namespace', `const c = new IonosCluster(app, 'prod-a', base); c.addNodePool('workers', { machine: { disk: { image } }, network: { ipv4Pool: IpPool.fromName('IPv4', 'nodes', { namespace: 'prod-b' }) } });`, ['prod-a/workers: network.ipv4Pool', 'lives in namespace "prod-b"']],
  ['two objects with one name', `const s = new SharedObjects(app); new l1.ipamApi.GlobalInClusterIpPool(s, 'a', { metadata: { name: 'same' }, spec: { addresses: ['10.0.0.0/24'], prefix: 24 } }); new l1.ipamApi.GlobalInClusterIpPool(s, 'b', { metadata: { name: 'same' }, spec: { addresses: ['10.1.0.0/24'], prefix: 24 } });`, ['_shared/b', 'GlobalInClusterIPPool same is defined twice (also at _shared/a)']],
  ['two pools with one name', `const s = new SharedObjects(app); new IpPool(s, 'a', { family: 'IPv4', name: 'same', scope: 'global', addresses: ['10.0.0.0/24'], prefix: 24, unmanaged: true }); new IpPool(s, 'b', { family: 'IPv4', name: 'same', scope: 'global', addresses: ['10.1.0.0/24'], prefix: 24, unmanaged: true });`, ['_shared/a, _shared/b', 'pool name "same" is used 2 times']],
  ['a cluster name that is not a DNS label', `new IonosCluster(app, 'Prod_A', base);`, ['Prod_A: name', 'not a DNS-1123 label']],
  ['a pool reference kind typo through the L1 escape hatch', `const s = new SharedObjects(app); new l1.infrastructure.IonosCloudMachine(s, 'm', { metadata: { name: 'm1', namespace: 'prod-a' }, spec: { datacenterId: dc, disk: { image: { id: 'x' } }, ipv4PoolRef: { apiGroup: 'ipam.cluster.x-k8s.io', kind: 'InClusterIPPol', name: 'nodes' } } });`, ['IonosCloudMachine prod-a/m1', 'spec.ipv4PoolRef', 'InClusterIPPool']],
  ['an L1 object without a name', `const s = new SharedObjects(app); new l1.ipamApi.GlobalInClusterIpPool(s, 'nameless', { spec: { addresses: ['10.0.0.0/24'], prefix: 24 } });`, ['_shared/nameless', 'has no metadata.name']],
  ['an even number of control-plane nodes', `new IonosCluster(app, 'prod-a', { ...base, controlPlane: { ...base.controlPlane, replicas: 4 } });`, ['prod-a: controlPlane.replicas', 'must be odd']],
  ['an endpoint that is not an IPv4 address', `new IonosCluster(app, 'prod-a', { ...base, controlPlane: { ...base.controlPlane, endpoint: { host: 'api.example.org' } } });`, ['prod-a: controlPlane.endpoint.host', 'is not an IPv4 address']],
  ['a disk below 10 GB', `new IonosCluster(app, 'prod-a', base).addNodePool('workers', { machine: { disk: { image, sizeGB: 5 } } });`, ['prod-a/workers: machine.disk.sizeGB', 'got 5']],
  ['a node pool name that makes a label too long', `new IonosCluster(app, 'prod-a', base).addNodePool('${'w'.repeat(60)}', { machine: { disk: { image } } });`, [`prod-a/${'w'.repeat(60)}: name`, 'at most 63']],
  ['a failover IP that is not IPv4', `new IonosCluster(app, 'prod-a', base).addNodePool('workers', { machine: { failoverIP: 'fd00::1', disk: { image } } });`, ['prod-a/workers: machine.failoverIP', "'AUTO' or an IPv4 address"]],
  ['memoryMB 1000 through the L1 escape hatch', `const s = new SharedObjects(app); new l1.infrastructure.IonosCloudMachine(s, 'm', { metadata: { name: 'm2', namespace: 'prod-a' }, spec: { datacenterId: dc, memoryMb: 1000, disk: { image: { id: 'x' } } } });`, ['IonosCloudMachine prod-a/m2', 'spec.memoryMB']],
  // (Unknown fields cannot be patched in: the generated L1 toJson() keeps only known fields.)
  ['an endpoint port patched out of range', `const c = new IonosCluster(app, 'prod-a', base); ApiObject.of(c.node.findChild('IonosCloudCluster')).addJsonPatch(JsonPatch.replace('/spec/controlPlaneEndpoint/port', 70000));`, ['IonosCloudCluster prod-a/prod-a', 'spec.controlPlaneEndpoint', 'port must be within 1-65535']],
  ['a Kubernetes version without the v', `new IonosCluster(app, 'prod-a', { ...base, kubernetesVersion: '1.31.2' });`, ['prod-a: kubernetesVersion', 'vMAJOR.MINOR.PATCH']],
  ['a datacenter id that is not a UUID through the L1 escape hatch', `const s = new SharedObjects(app); new l1.infrastructure.IonosCloudMachine(s, 'm', { metadata: { name: 'm3', namespace: 'prod-a' }, spec: { datacenterId: 'dc-1', disk: { image: { id: 'x' } } } });`, ['IonosCloudMachine prod-a/m3', 'spec.datacenterID']],
];

describe('capi-ionos synth (bad input)', () => {
  it.each(BAD_INPUTS)('fails on %s, naming the object and field, and writes nothing', async (name, body, expected) => {
    // GIVEN an existing output directory
    const dir = mkdtempSync(join(work, 'bad-'));
    const out = join(dir, 'dist');
    cpSync(join(ROOT, 'examples/basic/dist'), out, { recursive: true });
    writeFileSync(join(out, 'sentinel.txt'), 'keep me');
    const before = readTree(out);
    writeFileSync(join(dir, 'main.ts'), `${PRELUDE}\n${body}\napp.synth();\n`);
    // WHEN the app is synthesised
    const result = await run(['synth', join(dir, 'main.ts'), '-o', out], { cwd: ROOT });
    // THEN it fails with findings, says where and what, without a stack trace, and writes nothing
    expect(result.code, result.stderr).toBe(1);
    for (const text of expected) expect(result.stderr).toContain(text);
    expect(result.stderr).toMatch(/nothing was written\.\n$/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readTree(out)).toEqual(before);
    void name;
  });

  it('counts at least 15 distinct bad inputs', () => {
    expect(new Set(BAD_INPUTS.map(([name]) => name)).size).toBeGreaterThanOrEqual(15);
  });

  it('fails with a usage error for an unknown option or a missing file', async () => {
    expect(await run(['synth', '--frob'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--frob'") });
    expect(await run(['synth', 'nope.ts'])).toMatchObject({ code: 2, stderr: 'error: nope.ts: no such file\n' });
  });
});
