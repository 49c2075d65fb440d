import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluatePromQl, type Labels, type StoredSeries } from './evaluate-promql.ts';
import { parseExposition } from './parse-exposition.ts';
import { parsePromQl } from './parse-promql.ts';

/** Options of {@link startQueryRangeStandIn}. */
export interface QueryRangeStandInOptions {
  /** `host:port` targets, scraped at `/metrics`. */
  readonly targets: readonly string[];
  readonly scrapeIntervalMs: number;
  /** Samples older than this are dropped (default 15 minutes). */
  readonly retentionMs?: number;
}

/** A running stand-in. */
export interface QueryRangeStandIn {
  /** `http://127.0.0.1:<port>`: `/api/v1/query_range`, `/-/ready`. */
  readonly url: string;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/**
 * For machines without the `prometheus` binary (the demo): scrapes the targets itself and answers
 * `query_range` (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries) by
 * evaluating the canary queries' small PromQL subset (`parsePromQl`) at every step. `rate` and
 * `increase` use the samples inside the range without Prometheus's extrapolation to its edges.
 * A query outside the subset is a 400 `bad_data`, as Prometheus answers a query it cannot parse.
 * Sandbox only.
 */
export async function startQueryRangeStandIn(options: QueryRangeStandInOptions): Promise<QueryRangeStandIn> {
  const store = new Map<string, { labels: Labels; samples: [number, number][] }>();
  const retention = options.retentionMs ?? 15 * 60_000;
  const scrape = async (target: string) => {
    const text = await (await fetch(`http://${target}/metrics`)).text();
    // Stamped when the answer is in: the target counted up to the moment it answered.
    const at = Date.now();
    for (const { labels, value } of parseExposition(text)) {
      const all = { ...labels, job: 'sample', instance: target };
      const key = JSON.stringify(all);
      const series = store.get(key) ?? { labels: all, samples: [] as [number, number][] };
      series.samples.push([at, value]);
      while ((series.samples[0]?.[0] ?? at) < at - retention) series.samples.shift();
      store.set(key, series);
    }
  };
  const scrapeAll = () => Promise.all(options.targets.map((t) => scrape(t).catch(() => undefined)));
  await scrapeAll();
  const timer = setInterval(() => void scrapeAll(), options.scrapeIntervalMs);
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (url.pathname === '/-/ready') res.writeHead(200).end('ready');
      else if (url.pathname !== '/api/v1/query_range') json(res, 404, { status: 'error', error: 'not found' });
      else {
        const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
        answer(res, params, [...store.values()]);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, params: URLSearchParams, series: readonly StoredSeries[]): void {
  const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(params.get(k))) as [number, number, number];
  if (![start, end, step].every(Number.isFinite) || step <= 0 || end < start) {
    return void json(res, 400, { status: 'error', errorType: 'bad_data', error: 'bad start, end or step' });
  }
  let expr: ReturnType<typeof parsePromQl>;
  try {
    expr = parsePromQl(params.get('query') ?? '');
  } catch (error) {
    return void json(res, 400, { status: 'error', errorType: 'bad_data', error: String(error) });
  }
  const matrix = new Map<string, { metric: Labels; values: [number, string][] }>();
  for (let s = start; s <= end + 1e-9; s += step) {
    const value = evaluatePromQl(expr, Math.round(s * 1000), series);
    const elements = typeof value === 'number' ? [{ labels: {}, value }] : value;
    for (const e of elements) {
      const key = JSON.stringify(e.labels);
      const row = matrix.get(key) ?? { metric: e.labels, values: [] };
      row.values.push([s, String(e.value)]);
      matrix.set(key, row);
    }
  }
  json(res, 200, { status: 'success', data: { resultType: 'matrix', result: [...matrix.values()] } });
}
