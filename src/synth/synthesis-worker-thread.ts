/**
 * The synthesis worker (see ./synthesis-worker.ts): it loads the app builder at once, waits for
 * the one request, builds the app and renders it, posting every chart as soon as it is rendered.
 */
import type { App } from 'cdk8s';
import { parentPort, workerData } from 'node:worker_threads';
import { renderCharts } from './charts.js';
import { carry, type AppBuilder, type RenderMessage, type RenderRequest } from './worker-protocol.js';

const builder = workerData as AppBuilder;
const port = parentPort!;
const loading = import(builder.module) as Promise<Record<string, (input: unknown) => App | Promise<App>>>;
// Its failure is reported when the request comes.
loading.catch(() => undefined);

function post(message: RenderMessage): void {
  port.postMessage(message);
}

port.once('message', (request: RenderRequest) => {
  void (async () => {
    try {
      const app = await (await loading)[builder.name]!(request.input);
      const rendered = renderCharts(app, { env: request.env, allowSecrets: request.allowSecrets === true }, (chart, done, total) => post({ type: 'chart', chart, done, total }));
      post({ type: 'rendered', rendered });
    } catch (error) {
      post({ type: 'failed', error: carry(error) });
    }
  })();
});
