/** Why a body could not be read whole. */
export class BodyTooLargeError extends Error {}

/**
 * Reads a response body as UTF-8, stopping at `maxBytes`: a misbehaving endpoint cannot make the
 * process buffer an unbounded answer. Throws `BodyTooLargeError` past the cap.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(`shiplock_metrics_body_too_large: more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
