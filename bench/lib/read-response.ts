/** A complete HTTP/1.1 response's status, and whether its connection may carry the next request. */
export interface ReadResponse {
  readonly status: number;
  readonly keepAlive: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Reads `bytes` (everything received on the socket for one request) as an HTTP/1.1 response: null
 * until the whole response, body included, has arrived. The body is framed by `Content-Length` or
 * chunked `Transfer-Encoding` (RFC 9112 §6); a response with neither has no body here, since the
 * servers under test answer every request with one of the two or with an empty body.
 */
export function readResponse(bytes: Buffer): ReadResponse | null {
  const headerEnd = bytes.indexOf(HEADER_END);
  if (headerEnd < 0) return null;
  const [statusLine = '', ...fields] = bytes.toString('latin1', 0, headerEnd).split('\r\n');
  const status = Number(statusLine.split(' ')[1]);
  const headers = new Map<string, string>();
  for (const field of fields) {
    const colon = field.indexOf(':');
    headers.set(
      field.slice(0, colon).trim().toLowerCase(),
      field
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  const bodyStart = headerEnd + HEADER_END.length;
  const complete =
    headers.get('transfer-encoding') === 'chunked'
      ? chunkedEnd(bytes, bodyStart) !== null
      : bytes.length >= bodyStart + Number(headers.get('content-length') ?? '0');
  if (!complete) return null;
  if (!Number.isInteger(status)) throw new Error(`bench: not an HTTP response: ${statusLine.slice(0, 80)}`);
  return { status, keepAlive: headers.get('connection') !== 'close' };
}

/** Where a chunked body (no trailers) ends, or null while chunks are still arriving. */
function chunkedEnd(bytes: Buffer, from: number): number | null {
  let at = from;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = Number.parseInt(bytes.toString('latin1', at, lineEnd).split(';')[0] ?? '', 16);
    if (Number.isNaN(size)) throw new Error('bench: malformed chunk size');
    const next = lineEnd + 2 + size + 2;
    if (bytes.length < next) return null;
    if (size === 0) return next;
    at = next;
  }
}
