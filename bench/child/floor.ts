/**
 * Child program: the floor of synthesis. It gets the objects of a fleet as plain data (one
 * `JSON.parse`) and does only what cannot be skipped to produce the same files: serialise each
 * object with the same YAML emitter, add the kustomizations, write the tree. No cdk8s, no fleet
 * parsing, no planning, no validation.
 *
 *   node floor.mjs <repo root> <objects.json> <output dir>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, input, outdir] = process.argv.slice(2) as [string, string, string];
const lib = (path: string): string => pathToFileURL(join(root, 'lib', 'src', path)).href;

const { toYaml } = await import(lib('synth/yaml.js')) as typeof import('../../src/synth/yaml.js');
const { kustomization } = await import(lib('synth/kustomization.js')) as typeof import('../../src/synth/kustomization.js');

const objects = JSON.parse(readFileSync(input, 'utf8')) as { file: string; object: Record<string, unknown> }[];
const dirs = new Map<string, string[]>();
for (const { file } of objects) {
  const [dir, name] = file.split('/') as [string, string];
  const files = dirs.get(dir);
  if (files === undefined) dirs.set(dir, [name]);
  else files.push(name);
}
mkdirSync(outdir, { recursive: true });
for (const [dir, files] of dirs) {
  mkdirSync(join(outdir, dir));
  writeFileSync(join(outdir, dir, 'kustomization.yaml'), kustomization(files));
}
for (const { file, object } of objects) writeFileSync(join(outdir, file), toYaml(object));
writeFileSync(join(outdir, 'kustomization.yaml'), kustomization([...dirs.keys()]));
