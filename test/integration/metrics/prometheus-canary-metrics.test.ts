/**
 * The metrics adapter against a real Prometheus (Debian `prometheus`) scraping sample services
 * every second: one service per scenario, each with a baseline and a canary track. The default
 * canary queries are scoped to a service by adding `service="{{service}}"` next to the track.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CanaryMetricData,
  createPrometheusClient,
  fetchCanaryMetrics,
  type PrometheusClient,
  type Series,
  toErrorCountMetrics,
} from '../../../src/adapters/metrics/index.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import type { CanaryMetricConfig } from '../../../src/config/types.ts';
import { type SampleService, startSampleService, type TrackKnobs } from '../../../src/sandbox/sample-service/index.ts';
import { type RunningPrometheus, startPrometheus } from '../../support/start-prometheus.ts';

const COLLECT_MS = 12_000;
const COUNT_INTERVAL_SECONDS = 3;
const SCENARIOS: Record<string, { baseline?: Partial<TrackKnobs>; canary?: Partial<TrackKnobs> }> = {
  healthy: {},
  errors: { canary: { errorRateMultiplier: 5 } },
  slow: { canary: { addedLatencyMs: 200 } },
  dark: { canary: { noData: true } },
  // A name that must be escaped in the exposition and in PromQL, and a service that never fails.
  'we"ird\\svc': { baseline: { errorRate: 0 }, canary: { errorRate: 0 } },
};

function scoped(metric: CanaryMetricConfig): CanaryMetricConfig {
  const query = metric.query.replaceAll('track="{{track}}"', 'service="{{service}}",track="{{track}}"');
  if (query === metric.query) throw new Error(`${metric.name}: no track selector to scope`);
  return { ...metric, query };
}

const errorRate = DEFAULT_CANARY_METRICS.find((m) => m.name === 'error_rate') as CanaryMetricConfig;
const counts = toErrorCountMetrics(errorRate, COUNT_INTERVAL_SECONDS);
const COUNT_METRICS = [counts.errors, counts.requests].map(scoped);

let services: SampleService[] = [];
let prometheus: RunningPrometheus | undefined;
let client: PrometheusClient;
let window: { start: number; end: number };

beforeAll(async () => {
  services = await Promise.all(
    Object.entries(SCENARIOS).map(([service, knobs], i) =>
      startSampleService({
        service,
        knobs: {
          ...knobs,
          baseline: { requestsPerSecond: 400, errorRate: 0.02, ...knobs.baseline },
          canary: { requestsPerSecond: 400, errorRate: 0.02, ...knobs.canary },
        },
        seed: 11 + i,
        tickMs: 50,
      }),
    ),
  );
  prometheus = await startPrometheus({ targets: services.map((s) => s.target) });
  client = createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 5_000 });
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, COLLECT_MS));
  window = { start, end: Date.now() };
});

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all(services.map((s) => s.close()));
});

function fetchFor(service: string, metrics: readonly CanaryMetricConfig[], stepSeconds = 1) {
  return fetchCanaryMetrics({ client, metrics, service, window, stepSeconds });
}

function points(series: Series | undefined): number[] {
  if (series === undefined || !series.ok) throw new Error(`no data: ${JSON.stringify(series)}`);
  return series.points.map((p) => p.v);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const byName = (data: readonly CanaryMetricData[], name: string) => data.find((d) => d.name === name);

/** errors/requests of the canary over errors/requests of the baseline, from the count queries. */
async function errorRateRatio(service: string): Promise<{ ratio: number; baselineRequests: number }> {
  const data = await fetchFor(service, COUNT_METRICS, COUNT_INTERVAL_SECONDS);
  const total = (metric: string, track: 'baseline' | 'canary') => sum(points(byName(data, metric)?.[track]));
  const rate = (track: 'baseline' | 'canary') =>
    total('error_rate.errors', track) / total('error_rate.requests', track);
  return { ratio: rate('canary') / rate('baseline'), baselineRequests: total('error_rate.requests', 'baseline') };
}

describe('canary metrics from a real Prometheus', () => {
  it('healthy: every default metric has data for both tracks, and the tracks look alike', async () => {
    const data = await fetchFor('healthy', DEFAULT_CANARY_METRICS.map(scoped));
    expect(data.map((d) => d.name)).toEqual(DEFAULT_CANARY_METRICS.map((m) => m.name));
    for (const d of data) {
      expect(d.baseline.ok && d.canary.ok, `${d.name}: ${JSON.stringify(d)}`).toBe(true);
      expect(points(d.canary).length).toBeGreaterThanOrEqual(8);
    }
    const p99 = byName(data, 'latency_p99');
    const ratio = median(points(p99?.canary)) / median(points(p99?.baseline));
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
    expect(median(points(byName(data, 'memory')?.canary))).toBeGreaterThan(60 * 1024 * 1024);
    // rate(...[1m]) over a series younger than a minute divides a few seconds' increase by 60 s:
    // both tracks started together, so they are comparable, but neither is the true 0.1 core.
    const cpu = byName(data, 'cpu');
    expect(median(points(cpu?.canary))).toBeGreaterThan(0.005);
    expect(median(points(cpu?.canary)) / median(points(cpu?.baseline))).toBeGreaterThan(0.7);
    expect(median(points(cpu?.canary)) / median(points(cpu?.baseline))).toBeLessThan(1.4);
    const counted = await errorRateRatio('healthy');
    expect(counted.baselineRequests).toBeGreaterThan(2_500);
    expect(counted.ratio).toBeGreaterThan(0.4);
    expect(counted.ratio).toBeLessThan(2.5);
  });

  it('a canary with 5x the error rate shows about 5x in the fetched counts', async () => {
    const { ratio } = await errorRateRatio('errors');
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(7.5);
  });

  it('a canary with +200 ms latency shows it in p99', async () => {
    const [p99] = await fetchFor('slow', [
      scoped(DEFAULT_CANARY_METRICS.find((m) => m.name === 'latency_p99') as CanaryMetricConfig),
    ]);
    const baseline = median(points(p99?.baseline));
    const canary = median(points(p99?.canary));
    // histogram_quantile interpolates inside a bucket: the baseline's p99 (~128 ms) lands in
    // (0.1, 0.25], the slow canary's (~330 ms) in (0.25, 0.5].
    expect(baseline).toBeGreaterThan(0.1);
    expect(baseline).toBeLessThanOrEqual(0.25);
    expect(canary).toBeGreaterThan(0.25);
    expect(canary).toBeLessThanOrEqual(0.5);
    expect(canary - baseline).toBeGreaterThan(0.15);
  });

  it('a canary serving no data is no data on every metric, never a pass', async () => {
    const data = await fetchFor('dark', [...DEFAULT_CANARY_METRICS, counts.errors, counts.requests].map(scoped));
    for (const d of data) {
      expect(d.baseline.ok, d.name).toBe(true);
      expect(d.canary, d.name).toMatchObject({ ok: false, reason: 'empty' });
    }
  });

  it('a service name with a quote and a backslash is matched exactly; zero errors count as 0, not no data', async () => {
    const data = await fetchFor('we"ird\\svc', COUNT_METRICS, COUNT_INTERVAL_SECONDS);
    expect(byName(data, 'error_rate.requests')?.canary.ok).toBe(true);
    const errors = points(byName(data, 'error_rate.errors')?.canary);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e === 0)).toBe(true);
    // The default ratio query has no 5xx series to divide here: the gap default-count-queries.ts fills.
    const [ratio] = await fetchFor('we"ird\\svc', [scoped(errorRate)]);
    expect(ratio?.canary).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('fail by query_error: a query that does not aggregate, and a query Prometheus rejects', async () => {
    const [many, bad] = await fetchFor('healthy', [
      {
        ...errorRate,
        name: 'by_code',
        query: 'rate(http_requests_total{service="{{service}}",track="{{track}}"}[1m])',
      },
      { ...errorRate, name: 'bad', query: 'rate(http_requests_total{track="{{track}}"}[1])' },
    ]);
    expect(many?.canary).toMatchObject({
      ok: false,
      reason: 'query_error',
      detail: expect.stringMatching(/returned 2 series/),
    });
    expect(bad?.canary).toMatchObject({
      ok: false,
      reason: 'query_error',
      detail: expect.stringMatching(/^bad_data: /),
    });
  });

  it('fail by prometheus_down once Prometheus is gone', async () => {
    await prometheus?.stop();
    prometheus = undefined;
    const [d] = await fetchFor('healthy', [scoped(errorRate)]);
    expect(d?.baseline).toMatchObject({ ok: false, reason: 'prometheus_down' });
    expect(d?.canary).toMatchObject({ ok: false, reason: 'prometheus_down' });
  });
});
