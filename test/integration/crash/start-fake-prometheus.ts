/**
 * A loopback stand-in for Prometheus's `query_range` (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries)
 * that answers every query with one steady, healthy series for either track: the same distribution
 * for canary and baseline, 60 samples spread over the asked window. The crash suite needs a canary
 * that turns healthy within seconds; a real Prometheus scraping the sample service needs minutes.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running fake Prometheus. */
export interface FakePrometheus {
  readonly url: string;
  close(): Promise<void>;
}

const SAMPLES = 60;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Deterministic noise per query and track (an LCG), so every look sees the same kind of data. */
function valuesOf(query: string, start: number, end: number): [number, string][] {
  const canary = query.includes('track="canary"');
  let s = (query.length * 7919 + (canary ? 1 : 2)) % 2147483648;
  const u = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 0.5) / 2147483648;
  };
  const value = (): number => {
    if (query.includes('code=~"5..')) return Math.round(20 * (0.7 + 0.6 * u()));
    if (query.includes('http_requests_total')) return 2000;
    if (query.includes('process_resident_memory_bytes')) return 100e6 + 5e5 * (u() - 0.5);
    return 0.1 * Math.exp(0.2 * (u() - 0.5));
  };
  const span = Math.max(end - start, 0.001);
  return Array.from({ length: SAMPLES }, (_, i) => [start + (span * i) / SAMPLES, String(value())]);
}

/** Starts the fake on 127.0.0.1 (an ephemeral port). */
export async function startFakePrometheus(): Promise<FakePrometheus> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
      const query = params.get('query') ?? '';
      const start = Number(params.get('start'));
      const end = Number(params.get('end'));
      const body = {
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: {}, values: valuesOf(query, start, end) }] },
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
