import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLoadClient, type LoadClient, toPosted } from '../../../bench/lib/create-load-client.ts';

/**
 * The benchmarks' load client sends each distinct body once per batch, shared by the requests that
 * use it, with each request's own head: every request must still arrive whole, with its own headers.
 */
describe('the bench load client', () => {
  let client: LoadClient | null = null;
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await client?.close();
    await close?.();
  });

  it('posts each distinct body once, requests naming theirs by index', () => {
    const request = (body: string, id: string) => ({ body, timestamp: '', signature: '', headers: { 'X-Id': id } });
    const posted = toPosted({
      id: 7,
      url: 'http://127.0.0.1:1/x',
      concurrency: 2,
      requests: [request('{"a":1}', '1'), request('{"b":2}', '2'), request('{"a":1}', '3')],
    });
    expect(posted.bodies).toEqual(['{"a":1}', '{"b":2}']);
    expect(posted.requests.map((r) => [r.body, r.headers?.['X-Id']])).toEqual([
      [0, '1'],
      [1, '2'],
      [0, '3'],
    ]);
    expect(posted).toMatchObject({ id: 7, url: 'http://127.0.0.1:1/x', concurrency: 2 });
  });

  it('delivers every request whole, with its own headers, over shared bodies', async () => {
    const received: { id: string; body: string }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ id: String(req.headers['x-id']), body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const bodies = ['x'.repeat(30_000), `{"é":"${'ü'.repeat(5_000)}"}`, '{}'];
    const requests = Array.from({ length: 60 }, (_, i) => ({
      body: bodies[i % 3] as string,
      timestamp: '',
      signature: '',
      headers: { 'Content-Type': 'application/json', 'X-Id': String(i) },
    }));
    client = createLoadClient();
    const result = await client.run({ url, requests, concurrency: 8 });
    expect(result.errors).toEqual([]);
    expect(result.statuses).toEqual({ 202: 60 });
    expect(received).toHaveLength(60);
    for (const { id, body } of received) expect(body).toBe(bodies[Number(id) % 3]);
    expect(new Set(received.map((r) => r.id)).size).toBe(60);
  });
});
