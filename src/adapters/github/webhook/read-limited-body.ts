import type { IncomingMessage } from 'node:http';

/** The body, or the news that it is larger than allowed (nothing past the limit was kept). */
export type LimitedBody = { readonly kind: 'body'; readonly bytes: Buffer } | { readonly kind: 'too_large' };

/**
 * Reads the request body up to `limit` bytes. A larger body is refused as soon as it crosses the
 * limit: the stream is paused and its listeners removed, so the caller can answer 413 at once and
 * close the connection instead of buffering an attacker's megabytes.
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        chunks.length = 0;
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve({ kind: 'body', bytes: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
