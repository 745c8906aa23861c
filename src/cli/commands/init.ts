import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onlyOne, parse } from '../args.js';
import { INIT_HELP } from '../help.js';
import { fleetFileName, scaffoldFiles, type ScaffoldFormat, type ScaffoldOptions } from '../init-templates/index.js';
import { EXIT_OK, UsageError, type Io } from '../io.js';
import { DNS1123_LABEL } from '../../vocabulary.js';

const FORMATS: readonly ScaffoldFormat[] = ['yaml', 'ts', 'jsonnet'];

/** This package's version, from the package.json above this module (in `src/` or `lib/src/`). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk8s-capi-ionos' && typeof pkg.version === 'string') return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error('the package.json of cdk8s-capi-ionos was not found above the init command; the package is incomplete');
  }
}

/** A DNS label made from a directory name: `My Fleet` → `my-fleet`. */
function nameFrom(dir: string): string {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name === '' ? 'fleet' : name;
}

/** The OCI repository CI pushes to: GitHub's registry for a GitHub repository. */
function ociFor(repoURL: string, name: string): string {
  const github = /^(?:https:\/\/|git@)github\.com[/:]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(repoURL);
  if (github !== null) return `oci://ghcr.io/${github[1]!.toLowerCase()}/${github[2]!.toLowerCase()}/manifests`;
  return `oci://registry.example.com/platform/${name}/manifests`;
}

/** `capi-ionos init [DIR] [--format yaml|ts|jsonnet] [--name NAME] [--repo URL] [--oci URL] [--package SPEC] [--force]` */
export async function init(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('init', args, {
    format: { type: 'string', default: 'yaml' },
    name: { type: 'string' },
    repo: { type: 'string' },
    oci: { type: 'string' },
    package: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout.write(INIT_HELP);
    return EXIT_OK;
  }
  const format = values.format as ScaffoldFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be yaml, ts or jsonnet, got ${JSON.stringify(values.format)}`);
  onlyOne('init', 'DIR', positionals);
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${positionals[0]}: is a file; give a directory (it is created if missing)`);

  const name = (values.name as string | undefined) ?? nameFrom(dir);
  if (name.length > 63 || !DNS1123_LABEL.test(name)) {
    throw new UsageError(`--name ${JSON.stringify(name)} is not a DNS-1123 label (it names Kubernetes objects); use lower-case letters, digits and '-', at most 63`);
  }
  const repoURL = (values.repo as string | undefined) ?? `https://git.example.com/platform/${name}.git`;
  const oci = (values.oci as string | undefined) ?? ociFor(repoURL, name);
  if (!oci.startsWith('oci://')) throw new UsageError(`--oci ${JSON.stringify(oci)} is not an OCI repository URL; write oci://HOST/PATH`);
  const options: ScaffoldOptions = {
    name, format, repoURL, ociRepository: oci,
    packageSpec: (values.package as string | undefined) ?? `^${packageVersion()}`,
  };
  const files = scaffoldFiles(options);

  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length > 0 && values.force !== true) {
    throw new UsageError(`${relative(io.cwd, dir) || '.'} already has ${existing.join(', ')}; nothing was written. Use --force to overwrite them, or init another directory`);
  }
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }

  const rel = relative(io.cwd, dir);
  const where = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
  const lines = [`created a ${format === 'ts' ? 'TypeScript (cdk8s app)' : format === 'jsonnet' ? 'Jsonnet' : 'YAML'} fleet repository in ${where}:`];
  for (const f of files) lines.push(`  ${f.path}${existing.includes(f.path) ? ' (overwritten)' : ''}`);
  lines.push('', 'next:');
  if (where !== '.') lines.push(`  cd ${where}`);
  lines.push(`  # edit ${fleetFileName(format)}: your datacenter and image ids`);
  lines.push('  npm install                   # commit package-lock.json');
  lines.push('  npx capi-ionos plan --write   # the IP ranges, into ipam.lock.yaml');
  lines.push('  npx capi-ionos synth          # dist/; commit it');
  if (values.repo === undefined) lines.push(`  # set your repository's URL in deploy/ (or run init with --repo URL --force)`);
  io.stderr.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
