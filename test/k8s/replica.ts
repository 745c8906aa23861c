/**
 * `capi-ionos reconcile` as a child process (run from the sources through tsx) against a test
 * kube-apiserver, with its JSON log lines collected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { KubeStore } from '../../src/reconciler/kube-store.js';
import { type ApiServer, REPO_ROOT, installCrds, startApiServer } from './harness.js';

/** A `capi-ionos reconcile` child process and what it wrote. */
export interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  readonly lines: () => Record<string, unknown>[];
  readonly stderr: () => string;
  /** The health and metrics addresses it logged at start. */
  readonly endpoints: Promise<{ health: string; metrics: string }>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startReplica(server: ApiServer, name: string, args: readonly string[]): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/k8s/capi-ionos.ts'), 'reconcile',
    '--kubeconfig', server.kubeconfigPath, '--identity', name, '--health-port', '0', '--metrics-port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let announce: (value: { health: string; metrics: string }) => void = () => {};
  const endpoints = new Promise<{ health: string; metrics: string }>((resolve) => (announce = resolve));
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
    const start = parseLines(stderr).find((l) => l.msg === 'starting');
    if (start !== undefined) announce({ health: start.health as string, metrics: start.metrics as string });
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })));
  return { name, child, lines: () => parseLines(stderr), stderr: () => stderr, endpoints, exited };
}

export function parseLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      return { unparsed: l };
    }
  });
}


/** What `replicaSuite` gives a describe block: the server, a store on it, the replicas to end. */
export interface ReplicaSuite {
  readonly server: ApiServer;
  readonly store: KubeStore;
  /** Replicas started by a test; each is ended (with `endSignal`) after the test. */
  readonly replicas: Replica[];
}

/**
 * Registers the hooks of a describe block that runs `capi-ionos reconcile` processes: a fresh
 * API server with the CRDs before all, every replica still running ended after each test (its
 * stderr printed when the test failed), the server stopped after all.
 */
export function replicaSuite(endSignal: NodeJS.Signals): ReplicaSuite {
  const suite = { replicas: [] as Replica[] } as { server: ApiServer; store: KubeStore; replicas: Replica[] };
  beforeAll(async () => {
    suite.server = await startApiServer();
    await installCrds(suite.server);
    suite.store = new KubeStore({ kubeconfig: suite.server.kubeconfigPath });
  }, 240_000);
  afterEach(async (context) => {
    for (const r of suite.replicas) {
      if (context.task.result?.state === 'fail') console.error(`--- ${r.name} stderr:\n${r.stderr()}`);
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill(endSignal);
      await r.exited;
    }
    suite.replicas.length = 0;
  }, 60_000);
  afterAll(async () => {
    suite.store?.close();
    await suite.server?.stop();
  }, 60_000);
  return suite;
}
