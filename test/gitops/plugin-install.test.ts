/**
 * The Argo CD plugin from a real installation: the package packed as npm would publish it,
 * installed by the exact command of the sidecar's init container (compiling the Jsonnet addon),
 * then the plugin's commands run against that installation for a YAML fleet, a Jsonnet fleet and
 * a cdk8s app. This is what catches a file missing from the package ("files" in package.json),
 * a broken bin, or an app that cannot resolve the package through the linked node_modules.
 *
 * What differs from the container: the package comes from `npm pack` of this checkout (it is not
 * on the registry), the installation goes to a temporary directory instead of /opt/capi-ionos,
 * and npm uses this machine's cache (offline first) and this machine's Node.js headers. About two
 * minutes, most of it compiling the addon; CAPI_IONOS_SKIP_PLUGIN_INSTALL=1 skips it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../cli/run.js';
import { readTree } from '../synth/tree.js';
import { ROOT } from './tools.js';

const SKIP = process.env.CAPI_IONOS_SKIP_PLUGIN_INSTALL === '1';
if (SKIP) process.stderr.write('skipping the plugin installation test: CAPI_IONOS_SKIP_PLUGIN_INSTALL=1\n');

interface Container { name: string; args: string[]; env: { name: string; value: string }[] }
const patch = parseYaml(readFileSync(join(ROOT, 'deploy/argocd/plugin/repo-server-patch.yaml'), 'utf8')) as { spec: { template: { spec: { initContainers: Container[] } } } };
const installer = patch.spec.template.spec.initContainers.find((c) => c.name === 'capi-ionos-install')!;
const plugin = parseYaml(readFileSync(join(ROOT, 'deploy/argocd/plugin/plugin.yaml'), 'utf8')) as { spec: { init: { command: string[]; args: string[] }; generate: { command: string[] } } };

let work: string;
let prefix: string;
beforeAll(async () => {
  if (SKIP) return;
  if (!existsSync(join(ROOT, 'lib/src/cli/main.js')) || statSync(join(ROOT, 'lib/src/cli/main.js')).mtimeMs < statSync(join(ROOT, 'src/cli/main.ts')).mtimeMs) {
    throw new Error("lib/ is missing or older than src/: run 'npm run build' first (npm test does)");
  }
  work = mkdtempSync(join(tmpdir(), 'capi-ionos-plugin-install-'));
  prefix = join(work, 'opt-capi-ionos');
  mkdirSync(join(work, 'tmp'));
  // The package as npm would publish it (lib/ is built already).
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, ROOT], { encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tarball = join(work, pack.stdout.trim().split('\n').pop()!);
  // The init container's command and environment, with this machine's paths.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_ENV$)/.test(k)));
  for (const { name, value } of installer.env) env[name] = value;
  Object.assign(env, {
    CAPI_IONOS_PACKAGE: tarball, HOME: join(work, 'tmp'),
    npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'), npm_config_prefer_offline: 'true',
    npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
    npm_config_update_notifier: 'false',
  });
  const command = installer.args[0]!.replace('/opt/capi-ionos', prefix);
  const result = await new Promise<{ code: number; output: string }>((done) => {
    const child = spawn('sh', ['-c', command], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString('utf8'); });
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
  if (result.code !== 0) throw new Error(`the init container's command failed (${result.code}):\n${result.output}`);
}, 900_000);
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

function runPlugin(dir: string): { code: number; stdout: string; stderr: string } {
  const env = { PATH: `${join(prefix, 'node_modules/.bin')}:/usr/local/bin:/usr/bin:/bin`, HOME: join(work, 'tmp'), CAPI_IONOS_HOME: prefix };
  const init = spawnSync(plugin.spec.init.command[0]!, [...plugin.spec.init.command.slice(1), ...plugin.spec.init.args], { cwd: dir, env, encoding: 'utf8' });
  if (init.status !== 0) return { code: init.status ?? 1, stdout: init.stdout, stderr: init.stderr };
  const generate = spawnSync(plugin.spec.generate.command[0]!, plugin.spec.generate.command.slice(1), { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: generate.status ?? 1, stdout: generate.stdout, stderr: generate.stderr };
}

function stream(dist: string): string {
  const tree = readTree(dist);
  return Object.keys(tree).filter((p) => !p.endsWith('kustomization.yaml')).sort().map((p) => tree[p]).join('---\n');
}

describe.skipIf(SKIP)('the Argo CD plugin from the init container\'s installation', () => {
  it('installs capi-ionos with its bin, its Jsonnet library and a compiled Jsonnet addon', () => {
    const pkg = join(prefix, 'node_modules/cdk8s-capi-ionos');
    expect(existsSync(join(prefix, 'node_modules/.bin/capi-ionos'))).toBe(true);
    expect(existsSync(join(pkg, 'libsonnet/capi-ionos.libsonnet'))).toBe(true);
    expect(existsSync(join(pkg, 'src'))).toBe(false);
    const help = spawnSync(join(prefix, 'node_modules/.bin/capi-ionos'), ['--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('init [DIR]');
  });

  it('generates the committed dist/ of the YAML fleet and of the same fleet in Jsonnet', () => {
    const yaml = join(work, 'yaml');
    cpSync(join(ROOT, 'examples/fleet'), yaml, { recursive: true });
    rmSync(join(yaml, 'dist'), { recursive: true });
    const fromYaml = runPlugin(yaml);
    expect(fromYaml.code, fromYaml.stderr).toBe(0);
    expect(fromYaml.stdout).toBe(stream(join(ROOT, 'examples/fleet/dist')));

    const jsonnet = join(work, 'jsonnet');
    cpSync(yaml, jsonnet, { recursive: true });
    rmSync(join(jsonnet, 'fleet.yaml'));
    const fromJsonnet = runPlugin(jsonnet);
    expect(fromJsonnet.code, fromJsonnet.stderr).toBe(0);
    expect(fromJsonnet.stdout).toBe(fromYaml.stdout);
  });

  it('generates a cdk8s app through the linked node_modules', async () => {
    const dir = join(work, 'ts');
    expect((await run(['init', dir, '--format', 'ts'])).code).toBe(0);
    // The scaffold plans its pools: the plugin refuses until the plan is written, as its next steps say.
    expect(runPlugin(dir).code).toBe(1);
    expect((await run(['plan', join(dir, 'fleet.ts'), '--write'])).code).toBe(0);
    const result = runPlugin(dir);
    expect(result.code, result.stderr).toBe(0);
    expect((await run(['synth', join(dir, 'fleet.ts'), '-o', join(work, 'ts-dist')])).code).toBe(0);
    expect(result.stdout).toBe(stream(join(work, 'ts-dist')));
  });
});
