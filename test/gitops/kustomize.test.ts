/**
 * dist/ as Flux and Argo CD read it: `kustomize build` (a real kustomize, built by setup.sh) of
 * every example's dist/ and of each of its directories gives exactly the objects of its files;
 * the Argo CD overlay adds its two annotations and changes nothing else; the plugin's Component
 * patches Argo CD's real install manifest as intended.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../synth/tree.js';
import { announceSkip, ARGOCD_DIR, exec, identities, identity, kustomize, parseStream, ROOT } from './tools.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((d) => existsSync(join(ROOT, 'examples', d, 'dist'))).sort();
const ARGOCD_INSTALL = join(ARGOCD_DIR, 'install.yaml');

announceSkip(kustomize);
let work: string;
beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'capi-ionos-kustomize-')); });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The identities of the objects in the files of `dir` (recursively), kustomizations left out. */
function fileIdentities(dir: string): string[] {
  return Object.entries(readTree(dir)).filter(([p]) => !p.endsWith('kustomization.yaml')).flatMap(([, c]) => identities(c)).sort();
}

function build(dir: string): string {
  return exec(kustomize.path!, ['build', dir]);
}

describe.skipIf(kustomize.path === undefined)(`kustomize build (kustomize ${kustomize.version})`, () => {
  it.each(EXAMPLES)('builds examples/%s/dist into exactly the objects of its files, each unchanged', (example) => {
    const dist = join(ROOT, 'examples', example, 'dist');
    const built = parseStream(build(dist));
    expect(built.map(identity).sort()).toEqual(fileIdentities(dist));
    // kustomize adds nothing (no name prefixes, labels or namespaces): each object equals its file's.
    const files = Object.entries(readTree(dist)).filter(([p]) => !p.endsWith('kustomization.yaml')).flatMap(([, c]) => parseStream(c));
    const byId = new Map(files.map((o) => [identity(o), o]));
    for (const o of built) expect(o, identity(o)).toEqual(byId.get(identity(o)));
  });

  it.each(EXAMPLES)('builds each directory of examples/%s/dist on its own (one Flux Kustomization or Argo CD Application per cluster)', (example) => {
    const dist = join(ROOT, 'examples', example, 'dist');
    for (const dir of readdirSync(dist, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      expect(identities(build(join(dist, dir))), dir).toEqual(fileIdentities(join(dist, dir)));
    }
  });

  it('fails to build a dist/ whose kustomization lists a file that is gone, naming it', () => {
    const dist = join(work, 'broken');
    cpSync(join(ROOT, 'examples/basic/dist'), dist, { recursive: true });
    rmSync(join(dist, 'prod-a/Cluster.prod-a.k8s.yaml'));
    expect(() => build(dist)).toThrow(/Cluster\.prod-a\.k8s\.yaml/);
  });

  it('adds sync waves to the pools and prune confirmation to the Clusters with the Argo CD overlay, and changes nothing else', () => {
    // GIVEN a fleet repository: dist/ and the overlay init writes
    const repo = join(work, 'overlay');
    cpSync(join(ROOT, 'examples/fleet/dist'), join(repo, 'dist'), { recursive: true });
    mkdirSync(join(repo, 'deploy/argocd/overlay'), { recursive: true });
    cpSync(join(ROOT, 'deploy/argocd/overlay/kustomization.yaml'), join(repo, 'deploy/argocd/overlay/kustomization.yaml'));
    // WHEN built
    const plain = new Map(parseStream(build(join(repo, 'dist'))).map((o) => [identity(o), o]));
    const overlaid = parseStream(build(join(repo, 'deploy/argocd/overlay')));
    // THEN the same objects, annotated by kind, and otherwise equal
    expect(overlaid.map(identity).sort()).toEqual([...plain.keys()].sort());
    const annotated: Record<string, string[]> = {};
    for (const o of overlaid) {
      const meta = o.metadata as { annotations?: Record<string, string> };
      const { annotations, ...rest } = meta;
      annotated[String(o.kind)] = [...new Set([...(annotated[String(o.kind)] ?? []), ...Object.entries(annotations ?? {}).map(([k, v]) => `${k}=${v}`)])];
      const original = plain.get(identity(o))!;
      expect({ ...o, metadata: rest }, identity(o)).toEqual(original);
    }
    expect(annotated).toMatchObject({
      Cluster: ['argocd.argoproj.io/sync-options=Prune=confirm,Delete=confirm'],
      InClusterIPPool: ['argocd.argoproj.io/sync-wave=-1'],
      GlobalInClusterIPPool: ['argocd.argoproj.io/sync-wave=-1'],
      MachineDeployment: [], KubeadmControlPlane: [], IonosCloudMachineTemplate: [],
    });
  });

  it.skipIf(!existsSync(ARGOCD_INSTALL))('adds the plugin to the argocd-repo-server of Argo CD\'s own install manifest with the Component', () => {
    // GIVEN an Argo CD installation managed with Kustomize, as docs/argocd.md shows it
    const dir = join(work, 'argocd');
    mkdirSync(dir);
    cpSync(ARGOCD_INSTALL, join(dir, 'install.yaml'));
    cpSync(join(ROOT, 'deploy/argocd/plugin'), join(dir, 'capi-ionos-plugin'), { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), readFileSync(join(ROOT, 'docs/argocd.md'), 'utf8')
      .split('```yaml\n').map((b) => b.slice(0, b.indexOf('```'))).find((b) => b.includes('components:'))!
      .replace(/https:\/\/raw\.githubusercontent\.com\/argoproj\/argo-cd\/\S+\/manifests\/install\.yaml/, 'install.yaml'));
    // WHEN built
    const objects = parseStream(build(dir));
    // THEN the repo server runs the sidecar and the installer next to Argo CD's own containers
    const repoServer = objects.find((o) => o.kind === 'Deployment' && (o.metadata as { name: string }).name === 'argocd-repo-server')!;
    const pod = (repoServer.spec as { template: { spec: Record<string, { name: string; [k: string]: unknown }[]> } }).template.spec;
    expect(pod.containers!.map((c) => c.name).sort()).toEqual(['argocd-repo-server', 'capi-ionos']);
    expect(pod.initContainers!.map((c) => c.name).sort()).toEqual(['capi-ionos-install', 'copyutil']);
    const volumes = pod.volumes!.map((v) => v.name);
    const sidecar = pod.containers!.find((c) => c.name === 'capi-ionos')!;
    // Every volume the sidecar mounts exists, Argo CD's var-files and plugins among them.
    for (const m of sidecar.volumeMounts as { name: string }[]) expect(volumes, m.name).toContain(m.name);
    expect(sidecar.command).toEqual(['/var/run/argocd/argocd-cmp-server']);
    // AND the plugin's configuration is in the namespace, holding plugin.yaml as it is
    const config = objects.find((o) => o.kind === 'ConfigMap' && (o.metadata as { name: string }).name === 'capi-ionos-plugin')!;
    expect((config.metadata as { namespace: string }).namespace).toBe('argocd');
    expect((config.data as Record<string, string>)['plugin.yaml']).toBe(readFileSync(join(ROOT, 'deploy/argocd/plugin/plugin.yaml'), 'utf8'));
  });
});
