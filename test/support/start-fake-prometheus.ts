/**
 * A loopback stand-in for Prometheus's `query_range` API
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries): real HTTP, answers
 * computed per query and per evaluation time by the test, so a test controls what production looked
 * like before and after a deploy without waiting for real scrapes. Records every query it answered.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The value of `query` at `t` (epoch ms), the `index`-th sample of the answer, or `null` for none. */
export type FakeSeries = (query: string, t: number, index: number) => number | null;

/** A running fake. */
export interface FakePrometheus {
  readonly url: string;
  /** Every query answered, oldest first. */
  readonly queries: { readonly query: string; readonly start: number; readonly end: number; readonly step: number }[];
  /** Replaces how values are computed from now on. */
  setSeries(series: FakeSeries): void;
  close(): Promise<void>;
}

/**
 * A small wobble in [-0.5, 0.5] by sample index, the same for every query: samples differ, the
 * verdict does not depend on when a test happens to run, and neighbours alternate (negative lag-1
 * autocorrelation), so the judge never averages them into blocks too few to judge.
 */
export function wobble(index: number): number {
  return (index % 2 === 0 ? 1 : -1) * (0.25 + 0.25 * ((index * 0.618_034) % 1));
}

/**
 * Production of the default canary metrics: 20,000 requests and 200 errors per step, 100 ms
 * latency, half a core of CPU, 100 MB of memory, each with a little wobble (memory the least: the
 * leak test extrapolates its slope over a day).
 * `worse(query)` multiplies a metric after `changeAt`, to stand for a bad release.
 */
export function productionSeries(
  options: { readonly changeAt?: number; readonly worse?: (query: string) => number } = {},
): FakeSeries {
  return (query, t, index) => {
    const factor = options.changeAt !== undefined && t >= options.changeAt ? (options.worse?.(query) ?? 1) : 1;
    const [base, noise] = query.includes('code=~')
      ? [200, 0.04]
      : query.includes('http_requests_total')
        ? [20_000, 0.01]
        : query.includes('histogram_quantile')
          ? [0.1, 0.04]
          : query.includes('cpu')
            ? [0.5, 0.04]
            : [100_000_000, 0.0001];
    return base * factor * (1 + noise * wobble(index));
  };
}

/** Starts the fake on 127.0.0.1 (an ephemeral port). */
export async function startFakePrometheus(initial: FakeSeries): Promise<FakePrometheus> {
  let series = initial;
  const queries: FakePrometheus['queries'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (url.pathname !== '/api/v1/query_range') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const params = req.method === 'POST' ? new URLSearchParams(body) : url.searchParams;
      const query = params.get('query') ?? '';
      const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(params.get(k)));
      if (![start, end, step].every((n) => Number.isFinite(n)) || (step as number) <= 0) {
        const error = { status: 'error', errorType: 'bad_data', error: 'bad start, end or step' };
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(error));
        return;
      }
      queries.push({ query, start: (start as number) * 1000, end: (end as number) * 1000, step: step as number });
      const values: [number, string][] = [];
      for (let s = start as number, i = 0; s <= (end as number) + 1e-9; s += step as number, i += 1) {
        const v = series(query, Math.round(s * 1000), i);
        if (v !== null) values.push([s, String(v)]);
      }
      const result = values.length === 0 ? [] : [{ metric: {}, values }];
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    setSeries(next) {
      series = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
