import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on loopback. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Closes open connections too, so a keep-alive client never holds the close. */
  close(): Promise<void>;
}

/** Starts `server` on 127.0.0.1, an ephemeral port (the stand-ins and the tests' fakes). */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
