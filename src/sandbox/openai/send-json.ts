import type { ServerResponse } from 'node:http';

/** Answers with a JSON body, unless the client already went away. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-request-id': 'req_stand_in',
    ...headers,
  });
  res.end(text);
}
