/**
 * The process's HTTP endpoints: `/healthz` and `/readyz` (from `ProcessState`) and `/metrics`
 * (from `Metrics`), on one port or two.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../../problems.js';
import type { Metrics, ProcessState } from './metrics.js';

/** Where and how the endpoints listen. */
export interface EndpointOptions {
  readonly bindAddress: string;
  readonly healthPort: number;
  readonly metricsPort: number;
}

/** Listening endpoints. */
export interface Endpoints {
  /** `address:port` of the health endpoints, as bound. */
  readonly health: string;
  /** `address:port` of `/metrics`, as bound. */
  readonly metrics: string;
  close(): Promise<void>;
}

/**
 * Starts the health and metrics endpoints (one server when both ports are the same).
 * @throws UsageError when a port cannot be bound
 */
export async function serveEndpoints(options: EndpointOptions, state: ProcessState, metrics: Metrics): Promise<Endpoints> {
  const handler = (paths: readonly string[]) => (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'method not allowed\n');
    if (path === '/healthz' && paths.includes(path)) return state.stopping ? reply(503, 'stopping\n') : reply(200, 'ok\n');
    if (path === '/readyz' && paths.includes(path)) {
      if (state.stopping) return reply(503, 'stopping\n');
      if (!state.started) return reply(503, 'starting\n');
      return state.reachable ? reply(200, 'ok\n') : reply(503, 'the Kubernetes API has not answered the last call\n');
    }
    if (path === '/metrics' && paths.includes(path)) return reply(200, metrics.render(), 'text/plain; version=0.0.4; charset=utf-8');
    reply(404, 'not found\n');
  };
  const listen = (port: number, paths: readonly string[]): Promise<http.Server> =>
    new Promise((resolve, reject) => {
      const server = http.createServer(handler(paths));
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(new UsageError(`cannot serve ${paths.join(', ')} on ${options.bindAddress}:${port}: ${error.code ?? error.message}; pick another port with --health-port / --metrics-port`)));
      server.listen(port, options.bindAddress, () => resolve(server));
    });
  const address = (server: http.Server): string => {
    const a = server.address() as AddressInfo;
    return a.family === 'IPv6' ? `[${a.address}]:${a.port}` : `${a.address}:${a.port}`;
  };
  const shared = options.healthPort === options.metricsPort && options.healthPort !== 0;
  const health = await listen(options.healthPort, shared ? ['/healthz', '/readyz', '/metrics'] : ['/healthz', '/readyz']);
  let metricsServer: http.Server;
  try {
    metricsServer = shared ? health : await listen(options.metricsPort, ['/metrics']);
  } catch (error) {
    health.close();
    throw error;
  }
  const servers = shared ? [health] : [health, metricsServer];
  return {
    health: address(health),
    metrics: address(metricsServer),
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      })));
    },
  };
}
