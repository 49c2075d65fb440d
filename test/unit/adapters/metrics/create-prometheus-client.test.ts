import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '../../../../src/adapters/metrics/create-prometheus-client.ts';
import { loadFixture } from './load-fixture.ts';

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A loopback server that records each request and answers with `reply`. */
async function serve(reply: (res: ServerResponse) => void): Promise<{ url: string; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      reply(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

const WINDOW = { start: 1_795_463_703_000, end: 1_795_463_763_500, stepSeconds: 15 };

describe('createPrometheusClient', () => {
  it('POSTs the query form-encoded to /api/v1/query_range and reads the matrix', async () => {
    const fixture = loadFixture('query_range.up.matrix.json');
    const server = await serve((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(fixture.body));
    const client = createPrometheusClient({ baseUrl: `${server.url}/`, timeoutMs: 2_000 });
    const result = await client.queryRange('sum(rate(x{track="canary"}[1m]))', WINDOW);
    expect(result).toMatchObject({ ok: true, series: [{ metric: { __name__: 'up' } }] });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/query_range');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      query: 'sum(rate(x{track="canary"}[1m]))',
      start: '1795463703.000',
      end: '1795463763.500',
      step: '15',
    });
  });

  it('sends the bearer token and keeps a path prefix; GET puts the query in the URL', async () => {
    const server = await serve((res) => res.writeHead(200).end(loadFixture('query_range.up.matrix.json').body));
    const client = createPrometheusClient({
      baseUrl: `${server.url}/prometheus`,
      bearerToken: 'tok-123',
      timeoutMs: 2_000,
      method: 'GET',
    });
    expect((await client.queryRange('up', WINDOW)).ok).toBe(true);
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe('Bearer tok-123');
    expect(request?.method).toBe('GET');
    const url = new URL(request?.url ?? '', server.url);
    expect(url.pathname).toBe('/prometheus/api/v1/query_range');
    expect(url.searchParams.get('query')).toBe('up');
    expect(request?.body).toBe('');
  });

  it('fails by prometheus_error on the recorded 400', async () => {
    const { status, body } = loadFixture('query_range.bad_query.400.txt');
    const server = await serve((res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    const result = await createPrometheusClient({ baseUrl: server.url, timeoutMs: 2_000 }).queryRange(
      'rate(x[5])',
      WINDOW,
    );
    expect(result).toMatchObject({ ok: false, code: 'prometheus_error', httpStatus: 400, errorType: 'bad_data' });
  });

  it('fails by timeout when the server never answers', async () => {
    const server = await serve(() => {});
    const started = Date.now();
    const result = await createPrometheusClient({ baseUrl: server.url, timeoutMs: 300 }).queryRange('up', WINDOW);
    expect(result).toEqual({ ok: false, code: 'timeout', detail: 'no answer from Prometheus within 300 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails by timeout when the body stalls after the headers', async () => {
    const server = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"status":"success",');
    });
    const result = await createPrometheusClient({ baseUrl: server.url, timeoutMs: 300 }).queryRange('up', WINDOW);
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('fails by unreachable when nothing listens', async () => {
    const server = await serve(() => {});
    for (const close of closers.splice(0)) await close();
    const result = await createPrometheusClient({ baseUrl: server.url, timeoutMs: 2_000 }).queryRange('up', WINDOW);
    expect(result).toMatchObject({ ok: false, code: 'unreachable', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('fails by malformed_response past the size cap', async () => {
    const server = await serve((res) => res.writeHead(200).end(loadFixture('query_range.rate.matrix.json').body));
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 2_000, maxResponseBytes: 100 });
    expect(await client.queryRange('up', WINDOW)).toMatchObject({ ok: false, code: 'malformed_response' });
  });

  it('uses the injected fetch, and a rejecting fetch is unreachable, not a throw', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND prometheus.invalid') });
    };
    const client = createPrometheusClient({ baseUrl: 'http://prometheus.invalid', timeoutMs: 2_000, fetch: fake });
    expect(await client.queryRange('up', WINDOW)).toEqual({
      ok: false,
      code: 'unreachable',
      detail: 'fetch failed: getaddrinfo ENOTFOUND prometheus.invalid',
    });
    expect(calls).toEqual(['http://prometheus.invalid/api/v1/query_range']);
  });
});
