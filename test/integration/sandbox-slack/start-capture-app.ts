import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in delivered. */
export interface CapturedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A bare loopback "app" that records what the stand-in sends and answers with `answer()`. */
export interface CaptureApp {
  readonly url: string;
  readonly requests: CapturedRequest[];
  answer: (request: CapturedRequest) => { status: number; body: string };
  close(): Promise<void>;
}

/** Starts a {@link CaptureApp} on 127.0.0.1 (it answers 200 with an empty body by default). */
export async function startCaptureApp(): Promise<CaptureApp> {
  const app: Omit<CaptureApp, 'url' | 'close'> = { requests: [], answer: () => ({ status: 200, body: '' }) };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const captured = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      app.requests.push(captured);
      const { status, body } = app.answer(captured);
      response.writeHead(status, body.startsWith('{') ? { 'Content-Type': 'application/json' } : {});
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return Object.assign(app, {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
