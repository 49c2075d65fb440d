import { type IncomingMessage, request, type ServerResponse } from 'node:http';

/** Passes `req` on to `url` as it came (method, headers, body) and its answer back; 502 if unreachable. */
export function forwardRequest(url: string, req: IncomingMessage, res: ServerResponse): void {
  const forward = request(url, { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  forward.on('error', () => res.writeHead(502).end());
  req.pipe(forward);
}
