import type { ServerResponse } from 'node:http';

/**
 * Answers with a short JSON body. `close` asks Node to drop the connection after the answer, for
 * refusals sent before the body was read: the rest of it is then never read.
 */
export function sendJson(res: ServerResponse, status: number, body: object, close = false): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  if (close) headers.connection = 'close';
  res.writeHead(status, headers).end(text);
}
