import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createTrafficSimulator,
  type TrafficSimulator,
  type TrafficSimulatorOptions,
} from './create-traffic-simulator.ts';
import { EXPOSITION_CONTENT_TYPE, toExposition } from './to-exposition.ts';

/** A running sample service. */
export interface SampleService {
  /** `http://127.0.0.1:<port>`; the metrics are at `/metrics`. */
  readonly url: string;
  /** `127.0.0.1:<port>`, as a Prometheus `static_configs` target. */
  readonly target: string;
  /** The traffic model: change a track's knobs with `simulator.setKnobs(track, { ... })`. */
  readonly simulator: TrafficSimulator;
  close(): Promise<void>;
}

/** Options of `startSampleService`. */
export interface SampleServiceOptions extends TrafficSimulatorOptions {
  /** How often traffic is simulated; `/metrics` also catches up to the present first. Default 100 ms. */
  readonly tickMs?: number;
  /** Default 0: an ephemeral port. */
  readonly port?: number;
  /** Wall clock in epoch ms; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Starts a tiny service on 127.0.0.1 whose `/metrics` shows simulated baseline, canary and production traffic in
 * Prometheus's text format, for the canary demo and the real-Prometheus tests. Sandbox only.
 */
export async function startSampleService(options: SampleServiceOptions): Promise<SampleService> {
  const now = options.now ?? Date.now;
  const simulator = createTrafficSimulator(options);
  let last = now();
  const catchUp = () => {
    const at = now();
    if (at > last) simulator.advance(at - last);
    last = at;
  };
  const timer = setInterval(catchUp, options.tickMs ?? 100);
  timer.unref();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    catchUp();
    res.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE }).end(toExposition(simulator.snapshot()));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    target: `127.0.0.1:${port}`,
    simulator,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
