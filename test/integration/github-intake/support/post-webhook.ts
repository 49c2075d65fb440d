import { request } from 'node:http';
import { sign } from '@octokit/webhooks-methods';

/** The answer of the webhook route. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: Record<string, unknown>;
  readonly ms: number;
}

/** A raw POST; `chunked` leaves out content-length so the body streams. */
export interface RawPost {
  readonly url: string;
  readonly body: string | Buffer;
  readonly headers: Record<string, string>;
  readonly method?: string;
  readonly chunked?: boolean;
}

/**
 * Sends one request with node:http, so headers (content-length or not) are exactly the test's. The
 * answer is taken as soon as it arrives: for a refused oversize body, the server closes the
 * connection while the client is still writing, which is expected.
 */
export function send(post: RawPost): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = post.chunked
      ? post.headers
      : { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) };
    const req = request(post.url, { method: post.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const ms = performance.now() - started;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(text) as Record<string, unknown>,
          ms,
        });
      });
      res.on('error', reject);
    });
    let answered = false;
    req.on('response', () => {
      answered = true;
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (post.chunked) {
      const body = Buffer.from(post.body);
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else {
      req.end(post.body);
    }
  });
}

/** A delivery as GitHub sends it: JSON body, event and delivery headers, signature from `sign`. */
export async function deliver(
  url: string,
  secret: string,
  event: string,
  deliveryId: string,
  payload: unknown,
): Promise<Answer> {
  const body = JSON.stringify(payload);
  return send({
    url,
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': await sign(secret, body),
      'user-agent': 'GitHub-Hookshot/test',
    },
  });
}
