/**
 * Writes deploy/ from the templates `capi-ionos init` uses, so that the two never drift:
 *
 *   npx tsx test/gitops/write-deploy.ts
 *
 * deploy/argocd/plugin/ installs the Config Management Plugin; the other files of deploy/argocd/
 * and deploy/flux/ are what init writes into a fleet repository (--name fleet, --repo below).
 * test/gitops/deploy.test.ts fails when deploy/ differs from what this writes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pluginInstallFiles, scaffoldFiles, type ScaffoldFile } from '../../src/cli/init-templates/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The options the examples in deploy/ are written with. */
export const EXAMPLE = {
  name: 'fleet', format: 'yaml', repoURL: 'https://github.com/example/fleet.git',
  ociRepository: 'oci://ghcr.io/example/fleet/manifests', packageSpec: 'unused',
} as const;

/** Every file of deploy/, by path relative to the repository. */
export function deployFiles(): ScaffoldFile[] {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    ...pluginInstallFiles(version).map((f) => ({ path: `deploy/argocd/plugin/${f.path}`, content: f.content })),
    ...scaffoldFiles(EXAMPLE).filter((f) => f.path.startsWith('deploy/')),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of deployFiles()) {
    mkdirSync(dirname(join(ROOT, f.path)), { recursive: true });
    writeFileSync(join(ROOT, f.path), f.content);
    process.stdout.write(`wrote ${f.path}\n`);
  }
}
