/**
 * Every command of docs/ci.md, docs/argocd.md and docs/flux.md, run in the order the pages give
 * them, in one fleet repository, as a reader would: each ```sh line is a command (a trailing `\`
 * continues it), `cd` and `export` carry over to the next, and a ```text block right after a
 * ```sh block is the expected output of that block's last command.
 *
 * What differs from a reader's machine, and nothing else:
 * - `capi-ionos init` gets `--package file:<this checkout>`: the package comes from here, not
 *   from the npm registry, and npm prefers its cache;
 * - a local in-memory OCI registry stands in for ghcr.io;
 * - `kubectl` talks to a real kube-apiserver (test/k8s/) with Argo CD's and Flux's CRDs and their
 *   namespaces, but no controllers.
 * A command whose tool is missing here (kubectl without the API server, flux, kustomize) is
 * skipped and reported, never faked.
 *
 * The same API server also takes the argocd-repo-server Deployment as the plugin's Component
 * patches it (a server-side dry run: Kubernetes' own validation of the pod spec).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiServerAvailable, applyErrors, applyServerSide, ensureNamespace, installCrds, startApiServer, type ApiServer, type KubeObject } from '../k8s/harness.js';
import { ARGOCD_DIR, exec, flux, FLUX_CRDS_DIR, kustomize, parseStream, registry, ROOT, startRegistry, type Registry } from './tools.js';

const DOCS = ['docs/ci.md', 'docs/argocd.md', 'docs/flux.md'] as const;
const ARGOCD = ARGOCD_DIR;
const ARGOCD_CRDS = join(ARGOCD, 'crds');
const FLUX_CRDS = FLUX_CRDS_DIR;
/** Why kubectl cannot run here, if it cannot. */
const NO_CLUSTER = !apiServer().ok ? (apiServer() as { reason: string }).reason
  : !existsSync(join(ARGOCD_CRDS, 'application-crd.yaml')) || !existsSync(join(FLUX_CRDS, 'source.toolkit.fluxcd.io_gitrepositories.yaml'))
    ? `Argo CD's or Flux's CRDs are missing in ${ARGOCD_CRDS} / ${FLUX_CRDS}; run 'bash test/gitops/setup.sh'` : undefined;

/** One command of a page. */
export interface DocCommand {
  readonly doc: string;
  /** 1-based line of the command's first line. */
  readonly line: number;
  readonly command: string;
  /** Which ```sh block of the page it is in (from 0). */
  readonly block: number;
  /** The ```text block after its ```sh block, for the block's last command. */
  readonly expected?: string;
}

/** The commands of a Markdown page, in order. */
export function docCommands(doc: string, text: string): DocCommand[] {
  const lines = text.split('\n');
  const out: DocCommand[] = [];
  let blocks = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```sh') continue;
    const blockIndex = blocks++;
    let j = i + 1;
    const block: DocCommand[] = [];
    while (lines[j] !== '```') {
      if (j >= lines.length) throw new Error(`${doc}:${i + 1}: unterminated code block`);
      const start = j;
      let command = lines[j]!;
      while (command.endsWith('\\')) command = `${command.slice(0, -1)}${lines[++j]}`;
      j++;
      if (command.trim() === '' || command.trim().startsWith('#')) continue;
      block.push({ doc, line: start + 1, command: command.trim(), block: blockIndex });
    }
    // A ```text block after blank lines only is the output of the block's last command.
    let k = j + 1;
    while (lines[k] === '') k++;
    if (lines[k] === '```text' && block.length > 0) {
      const end = lines.indexOf('```', k + 1);
      block[block.length - 1] = { ...block[block.length - 1]!, expected: `${lines.slice(k + 1, end).join('\n')}\n` };
    }
    out.push(...block);
    i = j;
  }
  return out;
}

function commandTools(command: string): string[] {
  return ['kubectl', 'flux', 'kustomize'].filter((t) => new RegExp(`(^|[|;&(]\\s*)${t}\\s`).test(command));
}

/** Runs commands one by one in a bash whose directory and exported variables carry over. */
class Session {
  private readonly state: string;
  public constructor(private readonly dir: string, env: NodeJS.ProcessEnv) {
    this.state = join(dir, '.session');
    const exports = Object.entries(env).filter(([k, v]) => v !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
      .map(([k, v]) => `export ${k}=${shellQuote(v!)}`).join('\n');
    writeFileSync(this.state, `${exports}\ncd ${shellQuote(join(dir, 'work'))}\n`);
  }

  public run(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const script = `source ${shellQuote(this.state)}\nset -e\n${command}\n{ export -p; printf 'cd %q\\n' "$PWD"; } > ${shellQuote(this.state)}\n`;
    return new Promise((done, fail) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd: this.dir, env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
      child.on('error', fail);
      child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
    });
  }
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function apiServer() {
  return apiServerAvailable();
}
let sandbox: string;
let server: ApiServer | undefined;
let oci: Registry | undefined;
let session: Session;
const skipped: string[] = [];

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'capi-ionos-docs-'));
  const work = join(sandbox, 'work');
  // `npx capi-ionos` before a fleet repository exists: this checkout, as if installed.
  mkdirSync(join(work, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, join(work, 'node_modules/cdk8s-capi-ionos'));
  symlinkSync(join(ROOT, 'bin/capi-ionos.js'), join(work, 'node_modules/.bin/capi-ionos'));
  mkdirSync(join(sandbox, 'tmp'));
  const path = [flux.path, kustomize.path].filter((p): p is string => p !== undefined).map((p) => dirname(p));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|VITEST|NODE_ENV$)/.test(k)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    PATH: [...path, process.env.PATH].join(':'),
    TMPDIR: join(sandbox, 'tmp'),
    npm_config_prefer_offline: 'true', npm_config_ignore_scripts: 'true', npm_config_omit_lockfile_registry_resolved: 'false',
    npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
    GIT_AUTHOR_NAME: 'docs', GIT_AUTHOR_EMAIL: 'docs@example.org', GIT_COMMITTER_NAME: 'docs', GIT_COMMITTER_EMAIL: 'docs@example.org',
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    KUBECONFIG: join(sandbox, 'no-cluster'),
  };
  if (NO_CLUSTER === undefined) {
    server = await startApiServer();
    await installCrds(server, ARGOCD_CRDS);
    await installCrds(server, FLUX_CRDS);
    await ensureNamespace(server, 'argocd');
    await ensureNamespace(server, 'flux-system');
    env.KUBECONFIG = server.kubeconfigPath;
  }
  if (registry.path !== undefined) oci = await startRegistry();
  session = new Session(sandbox, env);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await oci?.stop();
  if (skipped.length > 0) process.stderr.write(`docs commands skipped here:\n${skipped.map((s) => `  ${s}`).join('\n')}\n`);
  rmSync(sandbox, { recursive: true, force: true });
});

/** The reasons a command cannot run here, if any. */
function missing(command: string): string | undefined {
  const reasons = commandTools(command).map((t) => {
    if (t === 'kubectl') return server === undefined ? `kubectl needs the test kube-apiserver: ${NO_CLUSTER}` : undefined;
    if (t === 'flux') return flux.path === undefined ? flux.skipReason : command.includes('oci://') || command.includes('OCI_REPOSITORY') ? (oci === undefined ? registry.skipReason : undefined) : undefined;
    return kustomize.path === undefined ? kustomize.skipReason : undefined;
  }).filter((r): r is string => r !== undefined);
  return reasons.length === 0 ? undefined : reasons.join('; ');
}

/** This machine's stand-ins (see the file's comment); nothing else is changed. */
function localise(command: string): string {
  let c = command;
  if (/^npx (--package cdk8s-capi-ionos )?capi-ionos init /.test(c)) c = `${c} --package ${shellQuote(`file:${ROOT}`)}`;
  if (oci !== undefined) c = c.replaceAll('oci://ghcr.io/', `oci://${oci.host}/`);
  return c;
}

describe('the commands of the documentation', () => {
  for (const doc of DOCS) {
    it(`runs every command of ${doc}, in order, with the output it shows`, async () => {
      const commands = docCommands(doc, readFileSync(join(ROOT, doc), 'utf8'));
      expect(commands.length).toBeGreaterThan(3);
      let skippedBlock = -1;
      for (const c of commands) {
        // The commands after a skipped one in its block depend on it: skip them too.
        const why = c.block === skippedBlock ? 'an earlier command of its block was skipped' : missing(c.command);
        if (why !== undefined) {
          skipped.push(`${c.doc}:${c.line}: ${c.command} (${why})`);
          skippedBlock = c.block;
          continue;
        }
        const result = await session.run(localise(c.command));
        expect(result.code, `${c.doc}:${c.line}: ${c.command}\n${result.stderr}${result.stdout}`).toBe(0);
        if (c.expected !== undefined) expect(result.stdout, `${c.doc}:${c.line}: the output of ${c.command}`).toBe(c.expected);
      }
    }, 300_000);
  }

  it('reads commands, continuation lines and expected output from a page', () => {
    const page = ['# t', '```sh', 'a \\', '  b', '# note', 'c', '```', '', '```text', 'out', '```', '```yaml', 'x: 1', '```'].join('\n');
    expect(docCommands('p.md', page)).toEqual([
      { doc: 'p.md', line: 3, command: 'a   b', block: 0 },
      { doc: 'p.md', line: 6, command: 'c', block: 0, expected: 'out\n' },
    ]);
  });
});

describe.skipIf(NO_CLUSTER !== undefined || kustomize.path === undefined || !existsSync(join(ARGOCD, 'install.yaml')))('the plugin\'s Component against a real kube-apiserver', () => {
  it('yields an argocd-repo-server Deployment and a ConfigMap that the API server accepts', async () => {
    // GIVEN Argo CD's install manifest with the Component, as docs/argocd.md shows
    const dir = join(sandbox, 'argocd-install');
    mkdirSync(dir);
    cpSync(join(ARGOCD, 'install.yaml'), join(dir, 'install.yaml'));
    cpSync(join(ROOT, 'deploy/argocd/plugin'), join(dir, 'capi-ionos-plugin'), { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: argocd\nresources:\n  - install.yaml\ncomponents:\n  - capi-ionos-plugin\n');
    const objects = parseStream(exec(kustomize.path!, ['build', dir])) as unknown as KubeObject[];
    const ours = objects.filter((o) => (o.kind === 'Deployment' && o.metadata.name === 'argocd-repo-server') || (o.kind === 'ConfigMap' && o.metadata.name === 'capi-ionos-plugin'));
    expect(ours).toHaveLength(2);
    // WHEN applied with a server-side dry run
    const results = await applyServerSide(server!, ours, { dryRun: true });
    // THEN Kubernetes accepts both
    expect(applyErrors(results)).toEqual([]);
  }, 60_000);
});
