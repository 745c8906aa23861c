/**
 * Every input error is printed the same way, `FILE:LINE:COL: error: PATH: message [code]` on
 * stderr, with exit code 2 for mistakes in the input and 1 for findings about a valid input;
 * `--format json` gives the same fields apart and `--format github` (or GITHUB_ACTIONS=true)
 * workflow annotations. One test per bad input of issue 11's "Why".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/cli/problem-output.js';
import { workspacePerTest } from './fleet-workspace.js';
import { run } from './run.js';

const ROOT = resolve(import.meta.dirname, '../..');

const workspace = workspacePerTest();

const DONE = /\n1 problem found; nothing was written\.\n$/;

describe('the location format FILE:LINE:COL: error: PATH: message [code]', () => {
  it.each([
    ['an IPv4 prefix over /32', 'cidr: 10.20.0.0/16', 'cidr: 10.20.0.0/33', 'fleet.yaml:9:11: error: networks[0].cidr: "10.20.0.0/33" is not a valid IPv4 or IPv6 prefix; use a.b.c.d/n with n <= 32'],
    ['an IPv6 prefix over /128', 'cidr: fd00:20::/56', 'cidr: ::/129', 'fleet.yaml:13:11: error: networks[1].cidr: "::/129" is not a valid IPv4 or IPv6 prefix'],
    ['host bits in a CIDR', 'cidr: 10.20.0.0/16', 'cidr: 10.20.0.1/16', 'fleet.yaml:9:11: error: networks[0].cidr: "10.20.0.1/16" has host bits set; write the network itself, 10.20.0.0/16'],
    ['a field of the wrong type', 'replicas: 5', 'replicas: five', 'fleet.yaml:35:19: error: clusters[0].nodePools[0].replicas: must be a whole number, got "five"'],
    ['a cluster name that makes a label too long', '  - name: edge', `  - name: edge-${'a'.repeat(50)}`, `fleet.yaml:67:5: error: edge-${'a'.repeat(50)}: name: "edge-${'a'.repeat(50)}" is too long`],
  ])('rejects %s with exit 2 at its line and column', async (_name, from, to, expected) => {
    const w = workspace();
    w.edit(from, to);
    const result = await run(['validate', w.fleet]);
    expect(result.stderr.startsWith(expected), result.stderr).toBe(true);
    expect(result.stderr).toMatch(DONE);
    expect(result.code).toBe(2);
  });

  it('names the path the user wrote for a planner finding (sharedPools[0].size), with its line, and exits 1', async () => {
    const w = workspace();
    rmSync(w.lock);
    w.edit('size: 64}', 'size: 2}');
    const result = await run(['validate', w.fleet]);
    expect(result.stderr).toBe('fleet.yaml:20:52: error: sharedPools[0].size: pool "shared-storage" holds 2 addresses but its machines need 7 at their peak (replicas + surge); raise its size to at least 7, or lower replicas or maxSurge [pool-too-small]\n1 problem found; nothing was written.\n');
    expect(result.code).toBe(1);
  });

  it('locates a Jsonnet error by the location Jsonnet gives', async () => {
    const dir = mkdtempSync(join(ROOT, '.test-tmp', 'jsonnet-'));
    try {
      writeFileSync(join(dir, 'fleet.jsonnet'), '{\n  apiVersion: "capi-ionos.dev/v1alpha1",\n  kind: [1, 2][5],\n}\n');
      const result = await run(['validate', join(dir, 'fleet.jsonnet')]);
      expect(result.stderr).toMatch(/^fleet\.jsonnet:3:9: error: array bounds error: 5 not within \[0, 2\)\n/);
      expect(result.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the lock file when it is a directory (EISDIR), exit 2', async () => {
    const w = workspace();
    rmSync(w.lock);
    mkdirSync(w.lock);
    const result = await run(['validate', w.fleet]);
    expect(result.stderr).toBe('ipam.lock.yaml: error: is a directory, not a file; move the directory away (this file is read and written here)\n1 problem found; nothing was written.\n');
    expect(result.code).toBe(2);
  });

  it('names the file when YAML nests 10,000 deep, exit 2, for block and flow nesting alike', async () => {
    const w = workspace();
    const header = 'apiVersion: capi-ionos.dev/v1alpha1\nkind: Fleet\nmetadata: {name: x}\nclusters:';
    for (const body of [` ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, `\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(2 * i + 2)}- `).join('\n')}\n`]) {
      writeFileSync(w.fleet, header + body);
      const result = await run(['validate', w.fleet]);
      expect(result.stderr).toBe('fleet.yaml: error: nests too deep to read (a fleet file is a few levels deep); check for runaway indentation or brackets\n1 problem found; nothing was written.\n');
      expect(result.code).toBe(2);
    }
  });

  it('cuts an echoed value to 80 characters with its size, and escapes what does not print', async () => {
    const w = workspace();
    const huge = `${'x'.repeat(2_000_000)}`;
    w.edit('name: acme', `name: "\\u0007${huge}"`);
    const result = await run(['validate', w.fleet]);
    expect(result.stderr).toBe(`fleet.yaml:6:9: error: metadata.name: "\\u0007${'x'.repeat(79)}…" (2000001 bytes) is not valid; use a DNS-1123 label: lower-case letters, digits and '-', at most 63 characters\n1 problem found; nothing was written.\n`);
    expect(result.code).toBe(2);
  });
});

describe('--format json and --format github', () => {
  it('prints the problems of plan and synth as JSON with separate fields', async () => {
    const w = workspace();
    w.edit('replicas: 5', 'replicas: five');
    for (const command of ['plan', 'synth']) {
      const result = await run([command, w.fleet, '--format', 'json']);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout)).toEqual({ problems: [{
        file: 'fleet.yaml', line: 35, column: 19, path: 'clusters[0].nodePools[0].replicas', code: null, message: 'must be a whole number, got "five"', layer: 'spec',
      }] });
    }
  });

  it('prints a workflow annotation per problem, relative to the workspace, with --format github or GITHUB_ACTIONS=true', async () => {
    const w = workspace();
    rmSync(w.lock);
    w.edit('size: 64}', 'size: 2}');
    const explicit = await run(['validate', w.fleet, '--format', 'github'], { cwd: ROOT });
    const automatic = await run(['synth', w.fleet, '--stdout'], { cwd: ROOT, env: { GITHUB_ACTIONS: 'true' } });
    const file = `${w.dir.slice(ROOT.length + 1)}/fleet.yaml`;
    const annotation = `::error file=${file},line=20,col=52,title=capi-ionos [pool-too-small]::sharedPools[0].size: pool "shared-storage" holds 2 addresses but its machines need 7 at their peak (replicas + surge); raise its size to at least 7, or lower replicas or maxSurge\n`;
    expect(explicit).toMatchObject({ code: 1, stdout: annotation });
    expect(automatic).toMatchObject({ code: 1, stdout: annotation });
    expect(explicit.stderr).toMatch(/^fleet\.yaml:20:52: error: /);
  });

  it("escapes data and properties as GitHub's workflow commands require", () => {
    expect(escapeData('100%\r\nnext: a,b')).toBe('100%25%0D%0Anext: a,b');
    expect(escapeProperty('dir:a,b%\n')).toBe('dir%3Aa%2Cb%25%0A');
  });
});

describe('consistent arguments', () => {
  it('says what plan --write wrote, in the report and on stderr', async () => {
    const w = workspace();
    rmSync(w.lock);
    const result = await run(['plan', w.fleet, '--write']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nthe lock file changed: wrote ipam\.lock\.yaml; commit it\n$/);
    expect(result.stdout).not.toContain('run with --write');
    expect(result.stderr).toBe(`wrote ${w.lock}\n`);
  });

  it.each([
    [['validate', 'a.yaml', 'b.yaml'], 'error: validate takes one FLEET, got 2 ("a.yaml", "b.yaml"); run \'capi-ionos validate --help\'\n'],
    [['plan', 'a.yaml', 'b.yaml'], 'error: plan takes one FLEET, got 2 ("a.yaml", "b.yaml"); run \'capi-ionos plan --help\'\n'],
    [['simulate', 'a.yaml', 'b.yaml'], 'error: simulate takes one FLEET, got 2 ("a.yaml", "b.yaml"); run \'capi-ionos simulate --help\'\n'],
    [['diff', 'a.yaml', 'b.yaml'], 'error: diff takes one FLEET, got 2 ("a.yaml", "b.yaml"); run \'capi-ionos diff --help\'\n'],
    [['synth', 'a.yaml', '--stdout', '-o', 'x'], 'error: --stdout prints the manifests and writes no directory; give either --stdout or -o DIR, not both\n'],
    [['reconcile', 'extra'], 'error: reconcile takes no arguments, got "extra"; run \'capi-ionos reconcile --help\'\n'],
    [['help', 'nosuch'], 'error: no command "nosuch"; run \'capi-ionos --help\' for the list\n'],
  ])('rejects %j with exit 2', async (args, stderr) => {
    expect(await run(args)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('Secrets in the output', () => {
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.test-tmp', 'secret-'));
    writeFileSync(join(dir, 'main.ts'), [
      "import { FleetApp, SharedObjects } from 'cdk8s-capi-ionos';",
      "import { ApiObject } from 'cdk8s';",
      'const app = new FleetApp();',
      "new ApiObject(new SharedObjects(app), 'token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'default' }, stringData: { token: 's3cr3t' } });",
      'app.synth();',
      '',
    ].join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a Secret with what to do instead, exit 1, and lets it through with --allow-secrets', async () => {
    const refused = await run(['synth', join(dir, 'main.ts'), '--stdout'], { cwd: ROOT });
    expect(refused.stderr).toMatch(/^error: _shared\/token: Secret default\/token is a Secret: its data would be committed with the manifests.*SOPS or External Secrets; pass --allow-secrets if it really belongs in the output \[secret-in-output\]\n/);
    expect(refused.stdout).toBe('');
    expect(refused.code).toBe(1);
    const allowed = await run(['synth', join(dir, 'main.ts'), '--stdout', '--allow-secrets'], { cwd: ROOT });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('kind: Secret');
  });

  it('locates a construct error at the line of the program that made the construct', async () => {
    writeFileSync(join(dir, 'bad.ts'), [
      "import { Credentials, FleetApp, IonosCluster, MachineImage } from 'cdk8s-capi-ionos';",
      'const app = new FleetApp();',
      "const image = MachineImage.fromId('img-1');",
      "new IonosCluster(app, 'prod-a', {",
      "  namespace: 'prod-a', location: 'de/txl', datacenterID: '0b5c7c4e-6a2f-4b1e-9f3a-2d7e8c9a1b00', credentials: Credentials.fromSecretName('ionos'),",
      "  kubernetesVersion: 'v1.31.2', controlPlane: { endpoint: { host: 'fd00::1' }, machine: { disk: { image } } },",
      '});',
      'app.synth();',
      '',
    ].join('\n'));
    // A real process: the line comes from the stack trace as tsx maps it to the .ts source.
    const child = spawnSync(process.execPath, [join(ROOT, 'bin/capi-ionos.js'), 'synth', join(dir, 'bad.ts'), '--stdout'], { cwd: ROOT, encoding: 'utf8' });
    const result = { code: child.status, stderr: child.stderr };
    expect(result.stderr).toBe('bad.ts:4:1: error: prod-a: controlPlane.endpoint.host: "fd00::1" is not an IPv4 address; kube-vip holds the endpoint as an IPv4 address on the cluster LAN\n1 problem found; nothing was written.\n');
    expect(result.code).toBe(1);
  });
});
