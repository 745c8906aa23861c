import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { readTree } from '../synth/tree.js';
import { ROOT, scratch, smallFleet, type Scratch } from './workspace.js';

let ws: Scratch | undefined;
afterEach(() => {
  ws?.remove();
  ws = undefined;
});

/** A scratch copy of examples/fleet (both fleet files, the lock and dist/). */
function exampleCopy(): Scratch {
  const s = scratch('cli-');
  cpSync(join(ROOT, 'examples/fleet'), s.dir, { recursive: true });
  return s;
}

describe('capi-ionos synth fleet.jsonnet', () => {
  it('writes exactly the bytes of the committed examples/fleet/dist, the same as fleet.yaml', async () => {
    ws = scratch('cli-out-');
    const lockBefore = readFileSync(join(ROOT, 'examples/fleet/ipam.lock.yaml'), 'utf8');
    const result = await run(['synth', 'examples/fleet/fleet.jsonnet', '-o', join(ws.dir, 'dist'), '--locked'], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    expect(readTree(join(ws.dir, 'dist'))).toEqual(readTree(join(ROOT, 'examples/fleet/dist')));
    expect(readFileSync(join(ROOT, 'examples/fleet/ipam.lock.yaml'), 'utf8')).toBe(lockBefore);
  });

  it('prints the same stream with --stdout as the YAML fleet does', async () => {
    const fromJsonnet = await run(['synth', 'examples/fleet/fleet.jsonnet', '--stdout'], { cwd: ROOT });
    const fromYaml = await run(['synth', 'examples/fleet/fleet.yaml', '--stdout'], { cwd: ROOT });
    expect(fromJsonnet.code, fromJsonnet.stderr).toBe(0);
    expect(fromJsonnet.stdout).toBe(fromYaml.stdout);
  });
});

describe('capi-ionos plan and validate fleet.jsonnet', () => {
  it('plans the Jsonnet fleet exactly as the YAML fleet, in every format', async () => {
    for (const format of ['table', 'markdown', 'json']) {
      const fromJsonnet = await run(['plan', 'examples/fleet/fleet.jsonnet', '--format', format], { cwd: ROOT });
      const fromYaml = await run(['plan', 'examples/fleet/fleet.yaml', '--format', format], { cwd: ROOT });
      expect(fromJsonnet.code, fromJsonnet.stderr).toBe(0);
      expect(fromJsonnet.stdout, format).toBe(fromYaml.stdout);
    }
  });

  it('validates the Jsonnet fleet', async () => {
    const result = await run(['validate', 'examples/fleet/fleet.jsonnet'], { cwd: ROOT });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^valid: 31 objects checked against the CRDs .*; lock file up to date\n$/);
  });

  it('lists the Jsonnet options in the help of synth, plan and validate', async () => {
    for (const command of ['synth', 'plan', 'validate']) {
      const result = await run([command, '--help']);
      expect(result.stdout, command).toContain('-V, --ext-str NAME[=VALUE]');
      expect(result.stdout, command).toContain('-J, --jpath DIR');
    }
  });
});

describe('Jsonnet options on the command line', () => {
  /** A fleet whose cluster name, replicas, version and site come from the command line. */
  const PARAMETERISED = smallFleet()
    .replace("capi.fleet('small',", "function(cluster, replicas=2)\ncapi.fleet('small',")
    .replace("capi.cluster('alpha', 'de/txl',", "capi.cluster(cluster, std.extVar('site').location,")
    .replace("'v1.31.2'", "std.extVar('version')")
    .replace("capi.nodePool('workers', 2,", 'capi.nodePool(\'workers\', replicas,');

  it('binds --ext-str, --ext-code, --tla-str and --tla-code, with -V and -A as short forms', async () => {
    ws = scratch();
    ws.write('fleet.jsonnet', PARAMETERISED);
    const result = await run(['plan', 'fleet.jsonnet', '--format', 'json', '-V', 'version=v1.32.0', '--ext-code', "site={ location: 'de/fra' }",
      '-A', 'cluster=beta', '--tla-code', 'replicas=2 * 3'], { cwd: ws.dir });
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as { pools: { name: string; required: number }[] };
    expect(plan.pools.map((p) => p.name)).toEqual(['beta-nodes']);
    const synth = await run(['synth', 'fleet.jsonnet', '--stdout', '--ext-str', 'version=v1.32.0', '--ext-code', "site={ location: 'de/fra' }",
      '--tla-str', 'cluster=beta', '--tla-code', 'replicas=6'], { cwd: ws.dir });
    // The lock does not exist yet, so --stdout refuses; plan --write first.
    expect(synth.code).toBe(1);
    expect(synth.stderr).toContain("ipam.lock.yaml: error: not up to date with fleet.jsonnet; run 'capi-ionos plan --write'");
    const write = await run(['plan', 'fleet.jsonnet', '--write', '-V', 'version=v1.32.0', '--ext-code', "site={ location: 'de/fra' }",
      '-A', 'cluster=beta', '--tla-code', 'replicas=6'], { cwd: ws.dir });
    expect(write.code, write.stderr).toBe(0);
    const again = await run(['synth', 'fleet.jsonnet', '--stdout', '-V', 'version=v1.32.0', '--ext-code', "site={ location: 'de/fra' }",
      '-A', 'cluster=beta', '--tla-code', 'replicas=6'], { cwd: ws.dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('version: v1.32.0');
    expect(again.stdout).toContain('location: de/fra');
    expect(again.stdout).toMatch(/kind: MachineDeployment\nmetadata:\n(.*\n)*?  name: beta-workers\n(.*\n)*?  replicas: 6\n/);
  });

  it('takes the value of --ext-str NAME and --tla-str NAME from the environment variable NAME', async () => {
    ws = scratch();
    ws.write('fleet.jsonnet', PARAMETERISED);
    const env = { version: 'v1.33.1', cluster: 'gamma' };
    const result = await run(['synth', 'fleet.jsonnet', '-o', 'out', '--ext-str', 'version', '--ext-code', "site={ location: 'de/txl' }", '--tla-str', 'cluster'], { cwd: ws.dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(ws.dir, 'out/gamma/KubeadmControlPlane.gamma-control-plane.k8s.yaml'), 'utf8')).toContain('version: v1.33.1');
  });

  it('searches -J directories relative to the working directory and JSONNET_PATH, -J first', async () => {
    ws = scratch();
    ws.write('fleet.jsonnet', smallFleet().replace("'de/txl'", "(import 'site.libsonnet').location"));
    ws.write('vendor/a/site.libsonnet', "{ location: 'de/fra' }");
    ws.write('vendor/b/site.libsonnet', "{ location: 'es/vit' }");
    const location = async (args: string[], env: Record<string, string> = {}) => {
      const result = await run(['synth', 'fleet.jsonnet', '--stdout', ...args], { cwd: ws!.dir, env });
      return result.code === 0 ? /location: (\S+)/.exec(result.stdout)?.[1] : result.stderr;
    };
    await run(['plan', 'fleet.jsonnet', '--write', '-J', 'vendor/a'], { cwd: ws.dir });
    expect(await location(['-J', 'vendor/a'])).toBe('de/fra');
    expect(await location(['-J', 'vendor/a', '--jpath', 'vendor/b'])).toBe('es/vit');
    expect(await location([], { JSONNET_PATH: `vendor/b:vendor/a` })).toBe('es/vit');
    expect(await location(['-J', 'vendor/a'], { JSONNET_PATH: 'vendor/b' })).toBe('de/fra');
    expect(await location([])).toMatch(/^fleet\.jsonnet:5:28: error: couldn't open import "site\.libsonnet"/);
  });

  it.each([
    [['-V', 'x=1'], 'fleet.yaml', "error: --ext-str applies to Jsonnet fleets only, and fleet.yaml is not one; leave it out or use a .jsonnet fleet\n"],
    [['-J', 'nowhere'], 'fleet.jsonnet', 'error: -J nowhere: no such directory\n'],
    [['--ext-str', 'UNSET_VARIABLE'], 'fleet.jsonnet', "error: --ext-str UNSET_VARIABLE: no '=VALUE' and no environment variable UNSET_VARIABLE; write --ext-str UNSET_VARIABLE=VALUE or set UNSET_VARIABLE\n"],
    [['--tla-str', '=x'], 'fleet.jsonnet', 'error: --tla-str "=x": the name is empty; write --tla-str NAME=VALUE\n'],
    [['-V', 'a=1', '--ext-code', 'a=2'], 'fleet.jsonnet', 'error: external variable a is given twice (--ext-str and --ext-code); give it once\n'],
    [['--ext-code'], 'fleet.jsonnet', "error: Option '--ext-code <value>' argument missing; run 'capi-ionos validate --help'\n"],
  ])('rejects %j for %s as a usage error', async (args, fleet, stderr) => {
    ws = exampleCopy();
    const result = await run(['validate', fleet, ...args], { cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
  });
});

describe('Jsonnet errors on the command line', () => {
  it('reports a syntax error with file:line:column, exits 2 and writes nothing', async () => {
    ws = exampleCopy();
    ws.write('fleet.jsonnet', readFileSync(join(ws.dir, 'fleet.jsonnet'), 'utf8').replace("sharedPools=[capi.sharedPool('shared-storage', 'storage', 64)],", 'sharedPools=[,'));
    const before = readTree(ws.dir);
    const result = await run(['synth', 'fleet.jsonnet'], { cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('fleet.jsonnet:32:16: error: unexpected: "," while parsing terminal\n1 problem found; nothing was written.\n');
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('reports a runtime error with file:line:column at the user\'s code, without a stack trace', async () => {
    ws = exampleCopy();
    ws.write('fleet.jsonnet', readFileSync(join(ws.dir, 'fleet.jsonnet'), 'utf8').replace('capi.cidr.subnet(nodes, 24, 0)', 'capi.cidr.subnet(nodes, 24, 256)'));
    const before = readTree(ws.dir);
    const result = await run(['plan', 'fleet.jsonnet', '--debug'], { cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("fleet.jsonnet:27:78: error: cidrSubnet: 'index' 256 is outside 0..255: 10.20.0.0/16 holds 256 blocks of /24\n"
      + '1 problem found; nothing was written.\n');
    expect(readTree(ws.dir)).toEqual(before);
  });

  it('reports a runtime error raised in an imported file at its place in that file', async () => {
    ws = scratch();
    ws.write('lib/sizes.libsonnet', "{\n  workers(n):: if n > 5 then error 'at most 5 workers, got %d' % n else n,\n}\n");
    ws.write('fleet.jsonnet', smallFleet().replace("capi.nodePool('workers', 2,", "capi.nodePool('workers', (import 'lib/sizes.libsonnet').workers(9),"));
    const result = await run(['validate', 'fleet.jsonnet'], { cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('lib/sizes.libsonnet:2:30: error: at most 5 workers, got 9\n1 problem found; nothing was written.\n');
  });

  it('reports problems in the evaluated fleet with the file and the path of each', async () => {
    ws = scratch();
    ws.write('fleet.jsonnet', smallFleet().replace("capi.nic(ipv4='nodes'), replicas=1)", "capi.nic(ipv4='nodes'), replicas=2)"));
    const result = await run(['validate', 'fleet.jsonnet'], { cwd: ws.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('fleet.jsonnet: error: clusters[0].controlPlane.replicas: must be odd (etcd needs a majority), got 2; use 3\n1 problem found; nothing was written.\n');
    expect(existsSync(join(ws.dir, 'ipam.lock.yaml'))).toBe(false);
  });
});
