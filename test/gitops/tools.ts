/**
 * The GitOps tools test/gitops/setup.sh builds (kustomize, flux, an OCI registry), found in its
 * cache, with the reason when one is missing; and helpers to run them.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');
const SETUP = join(ROOT, 'test/gitops/setup.sh');

function pinned(name: string): string {
  const match = new RegExp(`^${name}=(\\S+)`, 'm').exec(readFileSync(SETUP, 'utf8'));
  if (match === null) throw new Error(`${SETUP} has no ${name}=`);
  return match[1]!;
}

/** Where setup.sh puts everything (the same rule as in setup.sh). */
export const GITOPS_CACHE = process.env.CAPI_IONOS_GITOPS_CACHE
  ?? join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? homedir(), '.cache'), 'cdk8s-capi-ionos/gitops');
const CACHE = GITOPS_CACHE;

/** A tool: its path when usable, else why not (to print when a test skips). */
export interface Tool {
  readonly path?: string;
  readonly version: string;
  readonly skipReason: string;
}

function tool(dir: string, binary: string, version: string, check: readonly string[]): Tool {
  const path = join(CACHE, dir, binary);
  const why = join(CACHE, dir, 'unavailable.txt');
  if (existsSync(path) && spawnSync(path, check).status === 0) return { path, version, skipReason: '' };
  const reason = existsSync(why) ? readFileSync(why, 'utf8').trim() : `${path} is missing`;
  return { version, skipReason: `${binary} ${version} is not available (${reason}); run 'bash test/gitops/setup.sh' (.ci/run does)` };
}

export const KUSTOMIZE_VERSION = pinned('KUSTOMIZE_VERSION');
export const FLUX_VERSION = pinned('FLUX_VERSION');
export const ARGOCD_VERSION = pinned('ARGOCD_VERSION');
/** Argo CD's install.yaml and crds/ (setup.sh copies them from the argo-cd Go module). */
export const ARGOCD_DIR = join(CACHE, `argocd-${ARGOCD_VERSION}`);
/** Flux's GitRepository, OCIRepository and Kustomization CRDs. */
export const FLUX_CRDS_DIR = join(CACHE, `flux-${FLUX_VERSION}`, 'crds');
export const kustomize = tool(`kustomize-${KUSTOMIZE_VERSION}`, 'kustomize', KUSTOMIZE_VERSION, ['version']);
export const flux = tool(`flux-${FLUX_VERSION}`, 'flux', FLUX_VERSION, ['version', '--client']);
export const registry = tool(`flux-${FLUX_VERSION}`, 'registry', FLUX_VERSION, ['-help']);

/** Prints why a tool's tests are skipped, once per file. */
export function announceSkip(t: Tool): void {
  if (t.path === undefined) process.stderr.write(`skipping: ${t.skipReason}\n`);
}

/** Runs a binary; fails the test with its stderr when it exits non-zero. */
export function exec(path: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  const result: SpawnSyncReturns<string> = spawnSync(path, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${path} ${args.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The identity of every object of a YAML stream: `group/Kind namespace/name`, sorted. */
export function identities(stream: string): string[] {
  return parseStream(stream).map(identity).sort();
}

/** Every object of a YAML stream; fails on any YAML error. */
export function parseStream(stream: string): Record<string, unknown>[] {
  const docs = parseAllDocuments(stream);
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  const out: Record<string, unknown>[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`YAML error: ${doc.errors[0]!.message}`);
    const value = doc.toJS() as unknown;
    if (value === null) continue;
    out.push(value as Record<string, unknown>);
  }
  return out;
}

export function identity(o: Record<string, unknown>): string {
  const meta = o.metadata as { name?: string; namespace?: string } | undefined;
  const apiVersion = String(o.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return `${group}/${String(o.kind)} ${meta?.namespace ?? ''}/${meta?.name ?? ''}`;
}

/** A running in-memory OCI registry on a free port of 127.0.0.1. */
export interface Registry {
  readonly host: string;
  stop(): Promise<void>;
}

/** Starts the registry built by setup.sh (go-containerregistry's `registry`, in memory). */
export async function startRegistry(): Promise<Registry> {
  if (registry.path === undefined) throw new Error(registry.skipReason);
  const child = spawn(registry.path, ['-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((done, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`the registry did not start in 10 s: ${log}`)), 10_000);
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const match = /serving on port (\d+)/.exec(log);
      if (match !== null) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.on('exit', (code) => fail(new Error(`the registry exited (${code}): ${log}`)));
  });
  return {
    host: `localhost:${port}`,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.on('exit', () => done());
      child.kill();
    }),
  };
}
