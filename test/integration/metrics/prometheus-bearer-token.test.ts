/**
 * PROMETHEUS_TOKEN on the wire (issue 5: "optional bearer token"): the client sends it as
 * `Authorization: Bearer …` to a loopback Prometheus behind a token check, and a 401 or 403 is a
 * failure with a stable code, "no data" for the judge, never a pass — and never echoes the token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient, type RangeResult, toSeries } from '../../../src/adapters/metrics/index.ts';
import { type ScriptedPrometheus, startScriptedPrometheus } from '../canary/start-scripted-prometheus.ts';

const TOKEN = 'prom-test-token-5f0c2a';
const WINDOW = { start: 1_700_000_000_000, end: 1_700_000_600_000, stepSeconds: 60 };
const QUERY = 'sum(process_resident_memory_bytes{track="baseline"})';

let prometheus: ScriptedPrometheus;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  prometheus = await startScriptedPrometheus({ token: TOKEN });
  // A proxy that refuses the token and quotes the request's headers back in its error page.
  echo = createServer((req, res) => {
    const status = req.url?.startsWith('/forbidden') ? 403 : 401;
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<html><body>rejected: authorization=${req.headers.authorization ?? ''}</body></html>`);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await prometheus.close();
  echo.closeAllConnections();
  await new Promise((resolve) => echo.close(resolve));
});

const query = (options: { baseUrl: string; bearerToken?: string; method?: 'GET' | 'POST' }): Promise<RangeResult> =>
  createPrometheusClient({ timeoutMs: 5_000, ...options }).queryRange(QUERY, WINDOW);

describe('the Prometheus bearer token', () => {
  it.each(['POST', 'GET'] as const)(
    'is sent as Authorization: Bearer on %s, and the data comes back',
    async (method) => {
      const result = await query({ baseUrl: prometheus.url, bearerToken: TOKEN, method });
      expect(result.ok).toBe(true);
      expect(prometheus.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
      expect(toSeries(result)).toMatchObject({ ok: true });
    },
  );

  it('is not sent when none is configured (nor when it is empty)', async () => {
    await query({ baseUrl: prometheus.url });
    expect(prometheus.requests.at(-1)?.authorization).toBeNull();
    await query({ baseUrl: prometheus.url, bearerToken: '' });
    expect(prometheus.requests.at(-1)?.authorization).toBeNull();
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-the-token'],
  ])('fail by 401 with %s: shiplock_prometheus_unauthorized, no data, never a pass', async (_label, bearerToken) => {
    const result = await query({ baseUrl: prometheus.url, ...(bearerToken === undefined ? {} : { bearerToken }) });
    expect(result).toMatchObject({
      ok: false,
      code: 'http_error',
      httpStatus: 401,
      detail: expect.stringMatching(/^shiplock_prometheus_unauthorized: HTTP 401 .*PROMETHEUS_TOKEN/),
    });
    expect(toSeries(result)).toMatchObject({ ok: false, reason: 'prometheus_down' });
  });

  it('fail by 403 the same way', async () => {
    const result = await query({ baseUrl: `${echoUrl}/forbidden`, bearerToken: TOKEN });
    expect(result).toMatchObject({
      ok: false,
      httpStatus: 403,
      detail: expect.stringMatching(/^shiplock_prometheus_unauthorized/),
    });
  });

  it('fail by unreachable for a URL with user:password@ (fetch refuses it), without repeating the password', async () => {
    const result = await query({ baseUrl: prometheus.url.replace('//', '//admin:hunter2hunter2@') });
    expect(result).toMatchObject({ ok: false, code: 'unreachable', detail: expect.stringContaining('[redacted]@') });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('never repeats the token, not even when the refusal quotes it back', async () => {
    const result = await query({ baseUrl: echoUrl, bearerToken: TOKEN });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(result)).not.toContain(TOKEN.slice(0, 10));
    expect(JSON.stringify(result)).toContain('[redacted]');
  });
});
