import type { IncomingMessage } from 'node:http';

/** Bodies past this size are refused (OpenAI's own limit is far larger; the stand-in needs less). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The request body as text; `null` when it is larger than {@link MAX_BODY_BYTES}. */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
