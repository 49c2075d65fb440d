import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SlackStandIn } from '../slack/index.ts';
import { pageHtml } from './page-html.ts';
import { performInteraction } from './perform-interaction.ts';
import { toPageState } from './to-page-state.ts';

const MAX_BODY = 64 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error('request body too large');
  }
  return JSON.parse(text) as unknown;
}

/**
 * Refuses what a hostile web page in the same browser could send: a foreign `Host` (DNS rebinding),
 * and, for a click, a foreign `Origin` or a body that is not JSON (which a cross-site form cannot send
 * without a CORS preflight this server never answers).
 */
function isTrusted(req: IncomingMessage, origins: readonly string[]): boolean {
  const host = req.headers.host ?? '';
  if (!origins.includes(`http://${host}`)) return false;
  if (req.method === 'GET') return true;
  const origin = req.headers.origin;
  const json = (req.headers['content-type'] ?? '').startsWith('application/json');
  return json && (origin === undefined || origin === `http://${host}`);
}

/** Where the view is and where its clicks go. */
export interface ViewListenerOptions {
  readonly slack: SlackStandIn;
  readonly appUrl: string | undefined;
  /** `http://host:port` values the page may be loaded from (known once the server listens). */
  readonly origins: () => readonly string[];
}

/** The page and its two endpoints: `GET /api/state` (what to show) and `POST /api/interaction`. */
export function createViewListener(options: ViewListenerOptions): RequestListener {
  const { slack } = options;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://view.invalid');
    if (!isTrusted(req, options.origins())) return sendJson(res, 403, { error: 'forbidden' });
    if (req.method === 'GET' && url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      const headers = { 'Content-Security-Policy': csp };
      return send(res, 200, 'text/html; charset=utf-8', pageHtml(nonce, slack.team.name), headers);
    }
    if (req.method === 'GET' && url.pathname === '/api/state') {
      const state = toPageState(slack, url.searchParams.get('channel') ?? '', url.searchParams.get('user') ?? '');
      return sendJson(res, 200, state);
    }
    if (req.method === 'POST' && url.pathname === '/api/interaction') {
      readJson(req)
        .then((body) => performInteraction(slack, body, options.appUrl))
        .then(
          (answer) => sendJson(res, 200, answer),
          (error: unknown) => sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) }),
        );
      return;
    }
    return sendJson(res, 404, { error: 'not found' });
  };
}
