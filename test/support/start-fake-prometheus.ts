/**
 * A loopback stand-in for Prometheus's `query_range` API
 * (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries): real HTTP, answers
 * computed per query and per evaluation time by the test, so a test controls what production looked
 * like before and after a deploy without waiting for real scrapes. Records every query it answered.
 * The HTTP side is the sandbox's `startQueryRangeServer`, shared with the demo's stand-in.
 */
import { startQueryRangeServer, stepTimes } from '../../src/sandbox/prometheus/start-query-range-server.ts';

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
  const server = await startQueryRangeServer((range) => {
    const { query, start, end, step } = range;
    queries.push({ query, start: start * 1000, end: end * 1000, step });
    const values = stepTimes(range).flatMap((s, i): [number, string][] => {
      const v = series(query, Math.round(s * 1000), i);
      return v === null ? [] : [[s, String(v)]];
    });
    return values.length === 0 ? [] : [{ metric: {}, values }];
  });
  return {
    url: server.url,
    queries,
    setSeries(next) {
      series = next;
    },
    close: server.close,
  };
}
