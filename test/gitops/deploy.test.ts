/**
 * deploy/: the Argo CD plugin (its commands run as the sidecar runs them), the Applications and
 * the Flux objects (built with a real flux CLI), and their sameness with what `capi-ionos init`
 * writes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../cli/run.js';
import { readTree } from '../synth/tree.js';
import { announceSkip, exec, flux, identities, identity, parseStream, ROOT } from './tools.js';
import { deployFiles } from './write-deploy.js';

interface Plugin {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: { version: string; init: { command: string[]; args: string[] }; generate: { command: string[]; args?: string[] }; discover: { fileName: string } };
}

const plugin = parseYaml(readFileSync(join(ROOT, 'deploy/argocd/plugin/plugin.yaml'), 'utf8')) as Plugin;

announceSkip(flux);
let work: string;
/** A stand-in for the sidecar's /opt/capi-ionos: this checkout as an npm installation. */
let home: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'capi-ionos-deploy-'));
  home = join(work, 'opt-capi-ionos');
  mkdirSync(join(home, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, join(home, 'node_modules/cdk8s-capi-ionos'));
  symlinkSync(join(ROOT, 'bin/capi-ionos.js'), join(home, 'node_modules/.bin/capi-ionos'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the plugin's init and generate commands in `dir` as the sidecar does (its PATH, no shell profile). */
function runPlugin(dir: string): { code: number; stdout: string; stderr: string } {
  const env = { PATH: `${join(home, 'node_modules/.bin')}:${process.env.PATH}`, HOME: work, CAPI_IONOS_HOME: home };
  const init = spawnSync(plugin.spec.init.command[0]!, [...plugin.spec.init.command.slice(1), ...plugin.spec.init.args], { cwd: dir, env, encoding: 'utf8' });
  if (init.status !== 0) return { code: init.status ?? 1, stdout: init.stdout, stderr: init.stderr };
  const generate = spawnSync(plugin.spec.generate.command[0]!, [...plugin.spec.generate.command.slice(1), ...(plugin.spec.generate.args ?? [])], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: generate.status ?? 1, stdout: generate.stdout, stderr: generate.stderr };
}

/** Argo CD's `discover.fileName`: a Go filepath.Glob in the Application's directory (`*` never crosses `/`). */
function discovers(dir: string): boolean {
  const pattern = plugin.spec.discover.fileName.replace(/^\.\//, '');
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return readdirSync(dir).some((name) => re.test(name));
}

function stream(dist: string): string {
  const tree = readTree(dist);
  return Object.keys(tree).filter((p) => !p.endsWith('kustomization.yaml')).sort().map((p) => tree[p]).join('---\n');
}

describe('deploy/', () => {
  it('is exactly what the templates of capi-ionos init write (regenerate with npx tsx test/gitops/write-deploy.ts)', () => {
    const expected = Object.fromEntries(deployFiles().map((f) => [f.path.slice('deploy/'.length), f.content]));
    expect(readTree(join(ROOT, 'deploy'))).toEqual(expected);
  });

  it('pins the plugin installer to this version of the package', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(readFileSync(join(ROOT, 'deploy/argocd/plugin/repo-server-patch.yaml'), 'utf8')).toContain(`value: cdk8s-capi-ionos@${version}\n`);
  });
});

describe('the Argo CD plugin', () => {
  it('is a ConfigManagementPlugin found by a fleet file and generating with capi-ionos synth --stdout', () => {
    expect(plugin).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'ConfigManagementPlugin', metadata: { name: 'capi-ionos' },
      spec: { version: 'v1', generate: { command: ['capi-ionos', 'synth', '--stdout'] }, discover: { fileName: './fleet.*' } },
    });
    const configMap = parseYaml(readFileSync(join(ROOT, 'deploy/argocd/plugin/plugin-configmap.yaml'), 'utf8')) as { data: Record<string, string> };
    expect(configMap.data['plugin.yaml']).toBe(readFileSync(join(ROOT, 'deploy/argocd/plugin/plugin.yaml'), 'utf8'));
    const app = parseYaml(readFileSync(join(ROOT, 'deploy/argocd/application-plugin.yaml'), 'utf8')) as { spec: { source: { plugin: { name: string } } } };
    expect(app.spec.source.plugin.name).toBe(`${plugin.metadata.name}-${plugin.spec.version}`);
  });

  it('is found for fleet files and a fleet.ts app, and not for a directory without a fleet', () => {
    expect(discovers(join(ROOT, 'examples/fleet'))).toBe(true);
    expect(discovers(join(ROOT, 'examples/basic'))).toBe(false); // main.ts: name the app fleet.ts
    expect(discovers(join(ROOT, 'docs'))).toBe(false);
  });

  it('generates the committed dist/ of a YAML fleet, and of the same fleet in Jsonnet', () => {
    const yamlFleet = join(work, 'yaml');
    cpSync(join(ROOT, 'examples/fleet'), yamlFleet, { recursive: true });
    rmSync(join(yamlFleet, 'dist'), { recursive: true });
    const yaml = runPlugin(yamlFleet);
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(yaml.stdout).toBe(stream(join(ROOT, 'examples/fleet/dist')));

    const jsonnetFleet = join(work, 'jsonnet');
    cpSync(join(ROOT, 'examples/fleet'), jsonnetFleet, { recursive: true });
    rmSync(join(jsonnetFleet, 'fleet.yaml'));
    rmSync(join(jsonnetFleet, 'dist'), { recursive: true });
    expect(discovers(jsonnetFleet)).toBe(true);
    const jsonnet = runPlugin(jsonnetFleet);
    expect(jsonnet.code, jsonnet.stderr).toBe(0);
    expect(jsonnet.stdout).toBe(yaml.stdout);
  });

  it('generates a cdk8s app that imports cdk8s-capi-ionos from the sidecar\'s installation', async () => {
    // GIVEN a TypeScript fleet repository as init writes it, without node_modules (Argo CD sends no node_modules)
    const dir = join(work, 'ts');
    expect((await run(['init', dir, '--format', 'ts'])).code).toBe(0);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(discovers(dir)).toBe(true);
    // WHEN the plugin runs
    const result = runPlugin(dir);
    // THEN it links the installation and prints what synth writes
    expect(result.code, result.stderr).toBe(0);
    expect((await run(['synth', join(dir, 'fleet.ts'), '-o', join(work, 'ts-dist')])).code).toBe(0);
    expect(result.stdout).toBe(stream(join(work, 'ts-dist')));
  });

  it('fails, printing nothing on stdout, when the lock file is not up to date with the fleet', () => {
    const dir = join(work, 'stale');
    cpSync(join(ROOT, 'examples/fleet'), dir, { recursive: true });
    rmSync(join(dir, 'ipam.lock.yaml'));
    const result = runPlugin(dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("ipam.lock.yaml: error: not up to date with fleet.yaml; run 'capi-ionos plan --write' and commit it");
  });
});

describe.skipIf(flux.path === undefined)(`the Flux Kustomizations (flux ${flux.version})`, () => {
  it.each(['git.yaml', 'oci.yaml'])('build with deploy/flux/%s into the objects of dist/, labelled by Flux and otherwise unchanged', (file) => {
    // GIVEN a copy of an example's dist/ (flux build may write a kustomization.yaml where there is none)
    const dist = join(work, `flux-${file}`);
    cpSync(join(ROOT, 'examples/fleet/dist'), dist, { recursive: true });
    // WHEN Flux builds it as the Kustomization says, without a cluster
    const out = exec(flux.path!, ['build', 'kustomization', 'fleet', '--path', dist, '--kustomization-file', join(ROOT, 'deploy/flux', file), '--dry-run']);
    // THEN the same objects, with Flux's two ownership labels
    const files = new Map(Object.entries(readTree(dist)).filter(([p]) => !p.endsWith('kustomization.yaml')).flatMap(([, c]) => parseStream(c)).map((o) => [identity(o), o]));
    const built = parseStream(out);
    expect(built.map(identity).sort()).toEqual([...files.keys()].sort());
    for (const o of built) {
      const meta = o.metadata as { labels: Record<string, string> };
      expect(meta.labels).toMatchObject({ 'kustomize.toolkit.fluxcd.io/name': 'fleet', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' });
      const { 'kustomize.toolkit.fluxcd.io/name': _n, 'kustomize.toolkit.fluxcd.io/namespace': _ns, ...labels } = meta.labels;
      const original = files.get(identity(o))! as { metadata: { labels?: Record<string, string> } };
      expect({ ...o, metadata: { ...meta, labels } }).toEqual({ ...original, metadata: { ...original.metadata, labels: original.metadata.labels ?? {} } });
    }
    expect(identities(out)).toHaveLength(31);
  });
});
