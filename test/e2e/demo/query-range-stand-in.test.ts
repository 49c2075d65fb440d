/**
 * The demo's Prometheus stand-in (`src/sandbox/prometheus/`), for machines without the binary: the
 * PromQL subset of the canary queries evaluated as Prometheus does, and `query_range` over real
 * HTTP against the sample service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillQueryTemplate } from '../../../src/adapters/metrics/fill-query-template.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import { evaluatePromQl, type StoredSeries } from '../../../src/sandbox/prometheus/evaluate-promql.ts';
import { parsePromQl } from '../../../src/sandbox/prometheus/parse-promql.ts';
import {
  type QueryRangeStandIn,
  startQueryRangeStandIn,
} from '../../../src/sandbox/prometheus/start-query-range-stand-in.ts';
import { type SampleService, startSampleService } from '../../../src/sandbox/sample-service/index.ts';

/** A counter rising `perSecond` from 0, one sample a second for 10 s. */
const counter = (labels: Record<string, string>, perSecond: number): StoredSeries => ({
  labels,
  samples: Array.from({ length: 11 }, (_, i) => [i * 1000, i * perSecond] as const),
});

const SERIES: StoredSeries[] = [
  counter({ __name__: 'http_requests_total', track: 'canary', code: '200' }, 90),
  counter({ __name__: 'http_requests_total', track: 'canary', code: '500' }, 10),
  counter({ __name__: 'b_bucket', le: '0.1' }, 50),
  counter({ __name__: 'b_bucket', le: '0.2' }, 90),
  counter({ __name__: 'b_bucket', le: '+Inf' }, 100),
  {
    labels: { __name__: 'mem', track: 'canary' },
    samples: [
      [0, 5],
      [9000, 7],
    ],
  },
];
const at = (query: string) => evaluatePromQl(parsePromQl(query), 10_000, SERIES);

describe('the PromQL subset', () => {
  it.each([
    ['sum(rate(http_requests_total{track="canary"}[5s]))', 100],
    ['sum(increase(http_requests_total{track="canary",code=~"5.."}[5s]))', 50],
    ['sum(rate(http_requests_total{code=~"5.."}[5s])) / sum(rate(http_requests_total[5s]))', 0.1],
    ['sum(rate(http_requests_total{code="404"}[5s])) or (0 * sum(rate(http_requests_total[5s])))', 0],
    ['histogram_quantile(0.5, sum by (le) (rate(b_bucket[5s])))', 0.1],
    ['histogram_quantile(0.7, sum by (le) (rate(b_bucket[5s])))', 0.15],
    ['histogram_quantile(0.99, sum by (le) (rate(b_bucket[5s])))', 0.2],
    ['sum(mem{track="canary"})', 7],
  ])('%s = %d', (query, value) => {
    const result = at(query);
    expect(typeof result === 'number' ? result : result.map((e) => e.value)).toEqual([expect.closeTo(value, 9)]);
  });

  it('an empty selection is an empty vector, and `or` fills it', () => {
    expect(at('sum(rate(http_requests_total{code="404"}[5s]))')).toEqual([]);
  });

  it.each([['sum(avg_over_time(mem[1m]))'], ['mem offset 5m'], ['topk(3, mem)'], ['mem[1m]']])(
    'refuses what it does not know: %s',
    (query) => {
      expect(() => at(query)).toThrow();
    },
  );
});

describe('query_range over the sample service', () => {
  let service: SampleService;
  let standIn: QueryRangeStandIn;
  beforeAll(async () => {
    // Enough errors that the 5xx series exists from the first scrape (without one the default ratio is empty).
    const traffic = { requestsPerSecond: 2000, errorRate: 0.05 };
    service = await startSampleService({
      service: 'api',
      knobs: { baseline: traffic, canary: { ...traffic, errorRateMultiplier: 5 } },
      tickMs: 50,
    });
    standIn = await startQueryRangeStandIn({ targets: [service.target], scrapeIntervalMs: 100 });
    await new Promise((resolve) => setTimeout(resolve, 2500));
  });
  afterAll(async () => {
    await standIn.close();
    await service.close();
  });

  async function range(template: string, track: string) {
    const filled = fillQueryTemplate(template, { track, service: 'api' });
    if (!filled.ok) throw new Error(filled.detail);
    const end = Date.now() / 1000;
    const params = new URLSearchParams({ query: filled.query, start: String(end - 1), end: String(end), step: '0.5' });
    const answer = await fetch(`${standIn.url}/api/v1/query_range`, { method: 'POST', body: params });
    return {
      status: answer.status,
      body: (await answer.json()) as { data: { result: { values: [number, string][] }[] } },
    };
  }

  it('answers every default canary query with a matrix; the bad canary shows five times the errors', async () => {
    for (const metric of DEFAULT_CANARY_METRICS) {
      const { status, body } = await range(metric.query, 'baseline');
      expect(status, metric.name).toBe(200);
      expect(body.data.result[0]?.values.length, metric.name).toBeGreaterThanOrEqual(2);
    }
    const errorRate = DEFAULT_CANARY_METRICS[0]?.query ?? '';
    const [baseline, canary] = await Promise.all([range(errorRate, 'baseline'), range(errorRate, 'canary')]);
    const last = (r: typeof baseline) => Number(r.body.data.result[0]?.values.at(-1)?.[1]);
    expect(last(canary) / last(baseline)).toBeGreaterThan(3);
  });

  it('a query it cannot parse is a 400 bad_data, as Prometheus answers', async () => {
    const params = new URLSearchParams({ query: 'sum(', start: '1', end: '2', step: '1' });
    const answer = await fetch(`${standIn.url}/api/v1/query_range`, { method: 'POST', body: params });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ status: 'error', errorType: 'bad_data' });
  });
});
