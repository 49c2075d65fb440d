import { evaluatePromQl, type Labels, type StoredSeries } from './evaluate-promql.ts';
import { parseExposition } from './parse-exposition.ts';
import { parsePromQl } from './parse-promql.ts';
import {
  type QueryRange,
  type QueryRangeAnswer,
  type QueryRangeServer,
  startQueryRangeServer,
  stepTimes,
} from './start-query-range-server.ts';

/** Options of {@link startQueryRangeStandIn}. */
export interface QueryRangeStandInOptions {
  /** `host:port` targets, scraped at `/metrics`. */
  readonly targets: readonly string[];
  readonly scrapeIntervalMs: number;
  /** Samples older than this are dropped (default 15 minutes). */
  readonly retentionMs?: number;
}

/** A running stand-in. */
export type QueryRangeStandIn = QueryRangeServer;

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
  const server = await startQueryRangeServer((range) => answer(range, [...store.values()]));
  return {
    url: server.url,
    close: () => {
      clearInterval(timer);
      return server.close();
    },
  };
}

function answer(range: QueryRange, series: readonly StoredSeries[]): QueryRangeAnswer {
  if (range.end < range.start) return { badData: 'bad start, end or step' };
  let expr: ReturnType<typeof parsePromQl>;
  try {
    expr = parsePromQl(range.query);
  } catch (error) {
    return { badData: String(error) };
  }
  const matrix = new Map<string, { metric: Labels; values: [number, string][] }>();
  for (const s of stepTimes(range)) {
    const value = evaluatePromQl(expr, Math.round(s * 1000), series);
    const elements = typeof value === 'number' ? [{ labels: {}, value }] : value;
    for (const e of elements) {
      const key = JSON.stringify(e.labels);
      const row = matrix.get(key) ?? { metric: e.labels, values: [] };
      row.values.push([s, String(e.value)]);
      matrix.set(key, row);
    }
  }
  return [...matrix.values()];
}
