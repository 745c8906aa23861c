/**
 * Synthesis to a directory on two threads. A worker thread builds the app and renders its
 * charts (./charts.ts): it needs cdk8s and the constructs, and loads them the moment it starts,
 * while the main thread does other work (the CLI plans the fleet file). The main thread then
 * validates and writes the charts as they come (./directory-output.ts). Building and rendering
 * take about as long as validating and writing, so the two threads share a large fleet's
 * synthesis about evenly.
 *
 * The outcome is that of `render()` followed by `writeDirectory()`: the same files, or the same
 * error (errors of building or rendering as they were thrown, then construct problems, then
 * validation problems, then write errors), and then nothing written.
 * test/synth/synthesis-worker.test.ts holds the two to the same bytes and errors.
 *
 * This module loads neither cdk8s nor the validators, so that starting a worker costs the main
 * thread next to nothing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChartsRendered, RenderedChart } from './charts.js';
import type { DirectoryOutput, WrittenDirectory } from './directory-output.js';
import { uncarry, type AppBuilder, type RenderMessage, type RenderRequest } from './worker-protocol.js';
import type { WriteOptions } from './write.js';

export type { AppBuilder } from './worker-protocol.js';

/**
 * The ES module entry of tsx's API (its `import` export, which `createRequire` cannot pick), as a
 * URL for a worker that is not an ES module and so has no base to resolve a package name from.
 */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/**
 * The worker, from the compiled module beside this one; from the TypeScript sources (tests,
 * tsx), through tsx, which compiles them for the worker (and resolves `.js` to `.ts`).
 */
function startWorker(builder: AppBuilder): Worker {
  const entry = new URL('./synthesis-worker-thread.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry, { workerData: builder });
  const load = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(load, { eval: true, workerData: builder });
}

/** Options of {@link SynthesisWorker.write}. */
export interface SynthesisOptions extends WriteOptions {
  /** The directory to write. */
  readonly dir: string;
  /** The environment cdk8s sees (see `RenderOptions`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** See `RenderOptions.allowSecrets`. */
  readonly allowSecrets?: boolean;
  /** Told after each chart is validated and written: how many are, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A synthesis written into its staged directory: commit it, or discard it. */
export interface StagedSynthesis {
  readonly output: DirectoryOutput;
  readonly written: WrittenDirectory;
}

/**
 * One synthesis on a worker thread. Start it early, write once, and close it in every case.
 *
 * ```ts
 * const synthesis = SynthesisWorker.start({ module: new URL('./app.js', import.meta.url).href, name: 'buildApp' });
 * try {
 *   const { output } = await synthesis.write(input, { dir: 'dist', token: String(process.pid), env: process.env });
 *   output.commit();
 * } finally {
 *   await synthesis.close();
 * }
 * ```
 */
export class SynthesisWorker {
  /** Starts the worker, which loads the builder's module (and with it cdk8s) at once. */
  public static start(builder: AppBuilder): SynthesisWorker {
    return new SynthesisWorker(builder);
  }

  private readonly worker: Worker;
  /** Where the worker's messages and failure go while a rendering is under way. */
  private listener: { message: (message: RenderMessage) => void; failure: (error: Error) => void } | undefined;
  /** Why the worker stopped, if it stopped on its own. */
  private failure: Error | undefined;

  private constructor(builder: AppBuilder) {
    this.worker = startWorker(builder);
    this.worker.on('message', (message: RenderMessage) => this.listener?.message(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the synthesis worker stopped (exit code ${code})`)));
  }

  /**
   * Builds the app from `input` on the worker (with the builder's function) and writes its
   * charts into a directory staged beside `options.dir`.
   *
   * @throws what building or rendering threw; ProblemError for construct or validation problems;
   *   write errors. The staged directory is discarded then.
   */
  public async write(input: unknown, options: SynthesisOptions): Promise<StagedSynthesis> {
    // The validators load on this thread while the worker builds the app; each chart waits for
    // them, in the order the charts come.
    const opening: Promise<DirectoryOutput> = import('./directory-output.js').then(({ DirectoryOutput }) => new DirectoryOutput(options.dir, options));
    const rendering = this.render({ input, env: options.env, allowSecrets: options.allowSecrets === true }, (chart, done, total) => void opening.then((output) => {
      output.chart(chart);
      options.onProgress?.(done, total);
    }));
    let rendered: ChartsRendered;
    try {
      rendered = await rendering;
    } catch (error) {
      (await opening.catch(() => undefined))?.discard();
      throw error;
    }
    // Every chart's turn on `opening` comes before this one.
    const output = await opening;
    try {
      return { output, written: output.finish(rendered) };
    } catch (error) {
      output.discard();
      throw error;
    }
  }

  /** Stops the worker. */
  public async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private render(
    request: RenderRequest, onChart: (chart: RenderedChart, done: number, total: number) => void,
  ): Promise<ChartsRendered> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.listener = {
        message: (message) => {
          if (message.type === 'chart') onChart(message.chart, message.done, message.total);
          else if (message.type === 'rendered') resolve(message.rendered);
          else reject(uncarry(message.error));
        },
        failure: reject,
      };
      this.worker.postMessage(request);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.listener?.failure(error);
  }
}
