import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash, failures, runJob, type StepResult } from '../gitops/workflow.js';
import { announceSkip, flux, parseStream, registry, startRegistry } from '../gitops/tools.js';
import { readTree } from '../synth/tree.js';
import { ROOT } from './fleet-workspace.js';
import { run } from './run.js';

const FORMATS = ['yaml', 'ts', 'jsonnet'] as const;
type Format = (typeof FORMATS)[number];
const FLEET_FILE: Record<Format, string> = { yaml: 'fleet.yaml', ts: 'fleet.ts', jsonnet: 'fleet.jsonnet' };
/** A change to the worker pool that every format spells once and that leaves the IP plan alone. */
const MORE_MEMORY: Record<Format, [string, string]> = {
  yaml: ['memoryMB: 4096', 'memoryMB: 8192'],
  ts: ['memoryMB: 4096', 'memoryMB: 8192'],
  jsonnet: ['memoryMB=4096', 'memoryMB=8192'],
};

let work: string;
beforeAll(() => {
  // The scaffolds depend on this package through a file: link, so their `npx capi-ionos` runs
  // lib/: it must be built from the current sources (npm test builds first).
  for (const file of ['cli/commands/init', 'cli/commands/diff', 'cli/diff-report', 'cli/init-templates/index']) {
    const src = join(ROOT, 'src', `${file}.ts`);
    const lib = join(ROOT, 'lib/src', `${file}.js`);
    if (!existsSync(lib) || statSync(lib).mtimeMs < statSync(src).mtimeMs) {
      throw new Error(`lib/src/${file}.js is missing or older than src/${file}.ts: run 'npm run build' first (npm test does)`);
    }
  }
  work = mkdtempSync(join(tmpdir(), 'capi-ionos-init-'));
  announceSkip(flux);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The runner's environment. npm from the cache first and the registry for what the cache lacks
 * (a fresh CI machine's cache holds only what `npm ci` fetched), without the linked package's
 * `prepare` (a rebuild of lib/ while other test files read it), and with npm's default of
 * writing `resolved` into package-lock.json (this machine's ~/.npmrc turns it off, and `npm ci`
 * from the cache needs it).
 */
function runnerEnv(): NodeJS.ProcessEnv {
  // Not what the test runner inherited from `npm test` / `npx vitest` (npm_package_*, VITEST...):
  // a CI runner starts without them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_ENV$)/.test(k)));
  return {
    ...inherited,
    npm_config_prefer_offline: 'true', npm_config_ignore_scripts: 'true', npm_config_omit_lockfile_registry_resolved: 'false',
    npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'ci', GIT_AUTHOR_EMAIL: 'ci@example.org', GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.org',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    GITHUB_BASE_REF: 'main', GITHUB_EVENT_NAME: 'pull_request', CI: 'true',
  };
}

async function sh(command: string, dir: string): Promise<string> {
  const result = await bash(command, dir, runnerEnv());
  if (result.code !== 0) throw new Error(`${command} failed (${result.code}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: runnerEnv(), encoding: 'utf8' });
}

/** The commands init prints under "next:", without comments and `cd`. */
function nextSteps(stderr: string): string[] {
  return stderr.slice(stderr.indexOf('\nnext:\n') + 7).split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('cd '));
}

function outcomes(results: readonly StepResult[]): [string, string][] {
  return results.map((r) => [r.name, r.outcome === 'ran' ? (r.code === 0 ? 'ok' : `exit ${r.code}`) : r.outcome]);
}

async function scaffold(format: Format, name = `fleet-${format}`): Promise<string> {
  const dir = join(work, name);
  const result = await run(['init', dir, '--format', format, '--package', `file:${ROOT}`, '--repo', 'https://github.com/acme/fleet.git']);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  return dir;
}

describe('capi-ionos init', () => {
  it.each(FORMATS)('scaffolds a %s fleet repository whose next steps, CI and deploy manifests work', async (format) => {
    // GIVEN a new repository from init
    const dir = await scaffold(format);
    const init = await run(['init', dir, '--format', format, '--package', `file:${ROOT}`, '--repo', 'https://github.com/acme/fleet.git', '--force']);
    expect(init.code).toBe(0);
    expect(Object.keys(readTree(dir)).sort()).toEqual([
      '.github/workflows/fleet.yaml', '.gitignore', 'README.md', 'cdk8s.yaml',
      'deploy/argocd/application-plugin.yaml', 'deploy/argocd/application.yaml', 'deploy/argocd/applicationset.yaml', 'deploy/argocd/overlay/kustomization.yaml',
      'deploy/flux/git.yaml', 'deploy/flux/oci.yaml',
      FLEET_FILE[format], 'package.json', ...(format === 'ts' ? ['tsconfig.json'] : []),
    ].sort());
    for (const [path, content] of Object.entries(readTree(dir)).filter(([p]) => p.endsWith('.yaml'))) {
      expect(() => parseStream(content), path).not.toThrow();
    }

    // WHEN the next steps init printed are run
    const steps = nextSteps(init.stderr);
    expect(steps).toEqual(['npm install', 'npx capi-ionos plan --write', 'npx capi-ionos synth']);
    for (const step of steps) await sh(step, dir);
    if (format === 'ts') await sh('npm run typecheck', dir);

    // THEN dist/ holds the cluster, and a synthesis from cdk8s.yaml's default fleet agrees
    expect(Object.keys(readTree(join(dir, 'dist'))).filter((p) => p.startsWith('dev/')).length).toBeGreaterThan(5);
    expect(existsSync(join(dir, 'ipam.lock.yaml'))).toBe(true);
    const stream = await sh('npx capi-ionos synth --stdout', dir);
    const tree = readTree(join(dir, 'dist'));
    expect(stream).toBe(Object.keys(tree).filter((p) => !p.endsWith('kustomization.yaml')).sort().map((p) => tree[p]).join('---\n'));

    // WHEN the repository is committed and CI runs on a pull request
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'fleet');
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    const workflow = join(dir, '.github/workflows/fleet.yaml');
    const ci = () => runJob(workflow, 'check', {
      cwd: dir, event: 'pull_request', env: runnerEnv(),
      expressions: { 'github.token': 'unused', 'github.event.pull_request.number': '1' },
    });
    const first = await ci();
    // THEN every step passes, and the comment holds the plan and an empty diff
    expect(failures(first).map((f) => `${f.name}: ${f.output}`)).toEqual([]);
    expect(outcomes(first)).toEqual([
      ['actions/checkout@v4', 'uses'], ['actions/setup-node@v4', 'uses'], ['Install', 'ok'],
      ...(format === 'ts' ? [['Type check', 'ok']] : []), ['IP plan', 'ok'],
      ['Manifest diff', 'ok'], ['Write the comment', 'ok'], ['Post the comment', 'needs GitHub'],
      ['Validate', 'ok'], ['Lock file up to date', 'ok'], ['Simulate the rollout', 'ok'], ['Synthesise', 'ok'], ['Check that dist/ is committed', 'ok'],
    ]);
    const comment = readFileSync(join(dir, 'comment.md'), 'utf8');
    expect(comment).toMatch(/^### IP plan\n\nNo errors · 1 pools · 1 VIPs · 0 changed/);
    expect(comment).toContain('### Manifest diff against `origin/main`\n\nno changes: the fresh synthesis matches origin/main');

    // WHEN a pull request changes the fleet but not dist/
    const [from, to] = MORE_MEMORY[format];
    const fleetPath = join(dir, FLEET_FILE[format]);
    const text = readFileSync(fleetPath, 'utf8');
    expect(text.split(from).length).toBe(2);
    writeFileSync(fleetPath, text.replace(from, to));
    git(dir, 'commit', '-q', '-am', 'more memory');
    const second = await ci();
    // THEN the comment shows the change and CI fails because dist/ was not synthesised
    expect(readFileSync(join(dir, 'comment.md'), 'utf8')).toContain('- `IonosCloudMachineTemplate dev/dev-workers`\n  - `spec.template.spec.memoryMB: 4096 → 8192`');
    expect(failures(second).map((f) => f.name)).toEqual(['Check that dist/ is committed']);
    expect(failures(second)[0]!.output).toContain("::error::dist/ is not what the fleet synthesises: run 'npx capi-ionos synth' and commit dist/");
    expect(failures(second)[0]!.output).toContain(' M dist/dev/IonosCloudMachineTemplate.dev-workers.k8s.yaml');

    // WHEN the author synthesises and commits
    await sh('npx capi-ionos synth', dir);
    git(dir, 'commit', '-q', '-am', 'synth');
    // THEN CI passes again
    expect(failures(await ci())).toEqual([]);
  }, 480_000);

  it.skipIf(flux.path === undefined || registry.path === undefined)('publishes dist/ on main as the OCI artifact the Flux OCIRepository pulls', async () => {
    // GIVEN a synthesised, committed fleet repository
    const dir = await scaffold('yaml', 'publish');
    for (const step of ['npm install', 'npx capi-ionos plan --write', 'npx capi-ionos synth']) await sh(step, dir);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'fleet');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    // AND an OCI registry standing in for ghcr.io (the only change to the workflow's environment)
    const reg = await startRegistry();
    try {
      const repository = `oci://${reg.host}/acme/fleet/manifests`;
      const env = { ...runnerEnv(), PATH: `${join(flux.path!, '..')}:${process.env.PATH}`, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/fleet', GITHUB_REF_NAME: 'main', GITHUB_SHA: sha, GITHUB_ACTOR: 'ci' };
      // WHEN the publish job runs on a push to main
      const results = await runJob(join(dir, '.github/workflows/fleet.yaml'), 'publish', {
        cwd: dir, event: 'push', env, expressions: { 'secrets.GITHUB_TOKEN': 'token' }, override: { OCI_REPOSITORY: repository },
      });
      expect(failures(results).map((f) => f.output)).toEqual([]);
      expect(outcomes(results)).toEqual([['actions/checkout@v4', 'uses'], ['fluxcd/flux2/action@v2.9.5', 'uses'], ['Push dist/ as an OCI artifact', 'ok']]);
      // THEN the artifact tagged latest (what deploy/flux/oci.yaml follows) is exactly dist/, with its revision
      const out = join(dir, '..', 'pulled');
      mkdirSync(out);
      const pulled = await bash(`flux pull artifact "${repository}:latest" --output "${out}"`, dir, env);
      expect(pulled.code, pulled.stderr).toBe(0);
      expect(pulled.stderr).toContain(`revision main@sha1:${sha}`);
      expect(readTree(out)).toEqual(readTree(join(dir, 'dist')));
      const oci = readFileSync(join(dir, 'deploy/flux/oci.yaml'), 'utf8');
      expect(oci).toContain('url: oci://ghcr.io/acme/fleet/manifests\n  ref:\n    tag: latest');
    } finally {
      await reg.stop();
    }
  }, 120_000);

  it('rejects a directory that holds one of its files, writing nothing, and overwrites only with --force', async () => {
    const dir = join(work, 'existing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'fleet.yaml'), 'mine\n');
    writeFileSync(join(dir, 'notes.txt'), 'keep\n');
    const result = await run(['init', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*existing already has fleet\.yaml; nothing was written\. Use --force to overwrite them, or init another directory\n$/);
    expect(readTree(dir)).toEqual({ 'fleet.yaml': 'mine\n', 'notes.txt': 'keep\n' });
    const forced = await run(['init', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('  fleet.yaml (overwritten)\n');
    expect(readTree(dir)['fleet.yaml']).toContain('kind: Fleet');
    expect(readTree(dir)['notes.txt']).toBe('keep\n');
  });

  it('names the fleet after its directory and derives the OCI repository from a GitHub URL', async () => {
    const dir = join(work, 'Acme Platform');
    const result = await run(['init', dir, '--repo', 'git@github.com:Acme/Platform-Fleet.git']);
    expect(result.code, result.stderr).toBe(0);
    const tree = readTree(dir);
    expect(tree['fleet.yaml']).toContain('metadata:\n  name: acme-platform\n');
    expect(tree['deploy/flux/oci.yaml']).toContain('url: oci://ghcr.io/acme/platform-fleet/manifests');
    expect(tree['deploy/argocd/application.yaml']).toContain('repoURL: git@github.com:Acme/Platform-Fleet.git');
    expect(JSON.parse(tree['package.json']!)).toMatchObject({ name: 'acme-platform', dependencies: { 'cdk8s-capi-ionos': `^${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}` } });
  });

  it('rejects an unknown format, a name that is not a DNS label and a non-OCI --oci', async () => {
    expect(await run(['init', join(work, 'x'), '--format', 'helm'])).toMatchObject({ code: 2, stderr: 'error: --format must be yaml, ts or jsonnet, got "helm"\n' });
    expect((await run(['init', join(work, 'x'), '--name', 'Prod_A'])).stderr).toMatch(/^error: --name "Prod_A" is not a DNS-1123 label/);
    expect((await run(['init', join(work, 'x'), '--oci', 'ghcr.io/a/b'])).stderr).toMatch(/^error: --oci "ghcr.io\/a\/b" is not an OCI repository URL; write oci:\/\/HOST\/PATH\n$/);
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  it('prints its help with --help and is listed in the main help', async () => {
    const help = await run(['init', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: capi-ionos init \[DIR\] \[--format yaml\|ts\|jsonnet\]/);
    expect((await run(['--help'])).stdout).toMatch(/^ {2}init \[DIR\] {9}scaffold a fleet repository/m);
  });
});
