import { startHttpServer } from '../../src/adapters/http/create-http-server.ts';

/** The floor of the measurement: a `node:http` server that reads the body and answers 200. */
export interface FloorSide {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Nothing is verified, parsed or stored: what this side measures is loopback, the load thread and
 * `node:http` itself, so a side's latency minus the floor's is what its own code adds.
 */
export async function startFloorSide(): Promise<FloorSide> {
  const server = await startHttpServer({
    '/slack/events': (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    },
  });
  return { url: `${server.url}/slack/events`, close: () => server.close() };
}
