/**
 * A loopback HTTP server that answers Prometheus's `query_range` (POST form or GET) with scripted
 * per-step values, optionally behind a bearer token the way an authenticating proxy guards a real
 * Prometheus (401, plain text). It records every request, so tests can check what was sent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the scripted canary differs from its baseline. */
export interface ScriptedKnobs {
  /** Multiplies the canary's 5xx counts. */
  readonly errors?: number;
  /** Multiplies the canary's p99. */
  readonly slow?: number;
  /** The canary serves no data: every canary query has no series. */
  readonly dark?: boolean;
}

/** One `query_range` request as received. */
export interface ScriptedRequest {
  readonly authorization: string | null;
  readonly query: string;
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** A running scripted Prometheus. */
export interface ScriptedPrometheus {
  readonly url: string;
  readonly requests: ScriptedRequest[];
  setKnobs(knobs: ScriptedKnobs): void;
  close(): Promise<void>;
}

/** Starts the server; with `token`, only `Authorization: Bearer <token>` gets data. */
export async function startScriptedPrometheus(options: { readonly token?: string } = {}): Promise<ScriptedPrometheus> {
  let knobs: ScriptedKnobs = {};
  const requests: ScriptedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const params = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
      const authorization = req.headers.authorization ?? null;
      if (url.pathname !== '/api/v1/query_range') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
        return;
      }
      const request = {
        authorization,
        query: params.get('query') ?? '',
        start: Number(params.get('start')),
        end: Number(params.get('end')),
        step: Number(params.get('step')),
      };
      requests.push(request);
      if (options.token !== undefined && authorization !== `Bearer ${options.token}`) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('Unauthorized\n');
        return;
      }
      const result = series(request, knobs);
      const answer = { status: 'success', data: { resultType: 'matrix', result } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setKnobs: (next) => {
      knobs = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One series per query: 2,000 requests per step, ~1 % errors, p99 around 100 ms, steady memory. */
function series(request: ScriptedRequest, knobs: ScriptedKnobs): unknown[] {
  const { query, start, end, step } = request;
  const canary = query.includes('track="canary"');
  if (canary && knobs.dark) return [];
  let s = query.length * 7919 + (canary ? 1 : 2);
  const u = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 0.5) / 2147483648;
  };
  const value = () => {
    if (query.includes('code=~"5..')) return Math.round(20 * (canary ? (knobs.errors ?? 1) : 1) * (0.7 + 0.6 * u()));
    if (query.includes('http_requests_total')) return 2000;
    if (query.includes('process_resident_memory_bytes')) return 100e6 + 5e5 * (u() - 0.5);
    const slow = canary && query.includes('0.99') ? (knobs.slow ?? 1) : 1;
    return 0.1 * slow * Math.exp(0.2 * (u() - 0.5));
  };
  const values: [number, string][] = [];
  for (let t = start; t <= end; t += step) values.push([t, String(value())]);
  return [{ metric: {}, values }];
}
