import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackStandIn } from '../slack/index.ts';
import { createViewListener } from './create-view-listener.ts';

/** What the browser view shows and where clicks go. */
export interface BrowserViewOptions {
  /** The running Slack stand-in: its workspace is what the page shows, its signing secret signs clicks. */
  readonly slack: SlackStandIn;
  /** Interface to listen on (default `127.0.0.1`; keep it loopback: the page clicks as anyone). */
  readonly host?: string;
  /** Port (default 0: an ephemeral port). */
  readonly port?: number;
  /** The bot's `/slack/events` URL (default: the stand-in's app URL, see `slack.setAppUrl`). */
  readonly appUrl?: string;
}

/** A running browser view. */
export interface BrowserView {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the browser view on loopback (issue 8): the stand-in's channels as a person sees them in
 * Slack, live, with buttons that deliver signed `block_actions` (and modal submissions) to shiplock
 * through the stand-in's own delivery path, as the user picked on the page. Sandbox only.
 */
export async function startBrowserView(options: BrowserViewOptions): Promise<BrowserView> {
  const host = options.host ?? '127.0.0.1';
  const names = [host.includes(':') ? `[${host}]` : host, '127.0.0.1', 'localhost', '[::1]'];
  let origins: string[] = [];
  const server = createServer(
    createViewListener({ slack: options.slack, appUrl: options.appUrl, origins: () => origins }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = names.map((name) => `http://${name}:${port}`);
  return {
    url: `${origins[0]}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
