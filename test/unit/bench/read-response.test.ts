import { describe, expect, it } from 'vitest';
import { readResponse } from '../../../bench/lib/read-response.ts';

/** The bench's load client reads responses itself: a wrong frame would time the wrong moment. */
const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('readResponse (bench load client)', () => {
  it('waits for the whole Content-Length body', () => {
    const whole = 'HTTP/1.1 202 Accepted\r\nContent-Length: 11\r\n\r\n{"ok":true}';
    for (let cut = 0; cut < whole.length; cut += 1) expect(readResponse(bytes(whole.slice(0, cut)))).toBeNull();
    expect(readResponse(bytes(whole))).toEqual({ status: 202, keepAlive: true });
  });

  it('an empty body is complete at the end of the headers', () => {
    expect(readResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'))).toEqual({
      status: 200,
      keepAlive: true,
    });
    expect(readResponse(bytes('HTTP/1.1 401 Unauthorized\r\nDate: x\r\n\r\n'))).toEqual({
      status: 401,
      keepAlive: true,
    });
  });

  it('walks chunked bodies chunk by chunk, even when a chunk holds the terminator text', () => {
    const whole = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n\r\n0\r\n\r\n\r\n3\r\nabc\r\n0\r\n\r\n';
    for (let cut = 0; cut < whole.length; cut += 1) expect(readResponse(bytes(whole.slice(0, cut)))).toBeNull();
    expect(readResponse(bytes(whole))).toEqual({ status: 200, keepAlive: true });
  });

  it('reports Connection: close, so the socket is not reused', () => {
    expect(
      readResponse(bytes('HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')),
    ).toEqual({ status: 413, keepAlive: false });
  });

  it('refuses bytes that are not an HTTP response', () => {
    expect(() => readResponse(bytes('garbage\r\n\r\n'))).toThrow(/not an HTTP response/);
    expect(() => readResponse(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'))).toThrow(
      /chunk size/,
    );
  });
});
