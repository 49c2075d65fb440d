import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiReply, type ApiState, handleApiRequest } from './handle-api-request.ts';
import { handleResponseUrl } from './handle-response-url.ts';

/** Largest request body the stand-in reads. */
const BODY_LIMIT_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > BODY_LIMIT_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: ApiReply): void {
  response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
  response.end(JSON.stringify(reply.body));
}

async function route(state: ApiState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
  if (api?.[1] !== undefined && (request.method === 'POST' || request.method === 'GET')) {
    const rawBody = await readBody(request);
    const reply = await handleApiRequest(state, {
      method: api[1],
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
      rawBody,
      query: url.searchParams,
    });
    send(response, reply);
    return;
  }
  if (/^\/(actions|commands)\//.test(url.pathname) && request.method === 'POST') {
    send(response, handleResponseUrl(state, url.pathname, await readBody(request)));
    return;
  }
  send(response, { status: 404, headers: {}, body: { ok: false, error: 'not_found' } });
}

/** The stand-in's HTTP routes: `/api/<method>` (Web API) and the `response_url`s it issued. */
export function createRequestListener(state: ApiState): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    route(state, request, response).catch((error: unknown) => {
      const status = error instanceof BodyTooLarge ? 413 : 500;
      if (status === 500) console.error('slack stand-in: request failed', error);
      if (!response.headersSent) send(response, { status, headers: {}, body: { ok: false, error: 'request_failed' } });
      else response.destroy();
    });
  };
}
