/**
 * The canary judge's verdicts against a real Prometheus (Debian `prometheus`, started on loopback)
 * scraping the sample service every second (issue 5): healthy passes; 5× the error rate fails;
 * +200 ms latency fails; a canary serving no data is inconclusive. The four scenarios run side by
 * side, one sample service each, scraped by one Prometheus.
 *
 * The production defaults judge one-minute points over `[1m]` ranges; a test cannot wait the ten
 * minutes the judge's ten samples per track would take. So the step is 2 s and every `[1m]` of the
 * default queries becomes `[2s]` (two scrapes: the shortest range `rate` and `increase` can use),
 * keeping points from overlapping, as `[1m]` at a one-minute step does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanaryJudge, type NativeCanaryJudge } from '../../../src/adapters/canary/index.ts';
import { createPrometheusClient } from '../../../src/adapters/metrics/index.ts';
import { longestRangeSeconds } from '../../../src/adapters/metrics/longest-range-seconds.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import type { CanaryMetricConfig } from '../../../src/config/types.ts';
import type { JudgeCanary } from '../../../src/core/types.ts';
import { type SampleService, startSampleService, type TrackKnobs } from '../../../src/sandbox/sample-service/index.ts';
import { type RunningPrometheus, startPrometheus } from '../../support/start-prometheus.ts';

const STEP_SECONDS = 2;
/** 15 points per track at a 2 s step: above the judge's 10, under a minute for the whole file. */
const COLLECT_MS = 32_000;
/**
 * Enough traffic for the error-rate ratio's 90 % interval to fit inside its 10 % margin: each 2 s
 * window sees the increase between two scrapes, about 4,000 requests and 400 errors per track.
 */
const TRAFFIC: Partial<TrackKnobs> = { requestsPerSecond: 4_000, errorRate: 0.1 };
const SCENARIOS: Record<string, Partial<TrackKnobs>> = {
  healthy: {},
  errors: { errorRateMultiplier: 5 },
  slow: { addedLatencyMs: 200 },
  dark: { noData: true },
};

const METRICS: readonly CanaryMetricConfig[] = DEFAULT_CANARY_METRICS.map((m) => ({
  ...m,
  query: m.query.replaceAll('[1m]', `[${STEP_SECONDS}s]`),
}));

let services: SampleService[] = [];
let prometheus: RunningPrometheus | undefined;
let canaryStartedAt = 0;

beforeAll(async () => {
  services = await Promise.all(
    Object.entries(SCENARIOS).map(([service, canary], i) =>
      startSampleService({
        service,
        knobs: { baseline: TRAFFIC, canary: { ...TRAFFIC, ...canary } },
        seed: 31 + i,
        tickMs: 50,
      }),
    ),
  );
  prometheus = await startPrometheus({ targets: services.map((s) => s.target), scrapeIntervalSeconds: 1 });
  canaryStartedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, COLLECT_MS));
});

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all(services.map((s) => s.close()));
});

function judgeOf(service: string): NativeCanaryJudge {
  if (prometheus === undefined) throw new Error('Prometheus did not start');
  return createCanaryJudge({
    client: createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 10_000 }),
    now: Date.now,
    stepSeconds: STEP_SECONDS,
    rateRangeSeconds: Math.max(STEP_SECONDS, longestRangeSeconds(METRICS.map((m) => m.query))),
    // The leak test's margin is growth over a horizon of samples: a day (1,440 one-minute samples)
    // in production. Thirty seconds cannot show a day's growth; judge growth over two minutes.
    judgeOptions: { leakHorizon: 60 },
    target: async () => ({ service, metrics: METRICS, canaryStartedAt, looks: 1 }),
  });
}

const command: JudgeCanary = {
  type: 'JudgeCanary',
  rolloutId: 'r1',
  sha: 'a'.repeat(40) as JudgeCanary['sha'],
  look: 1,
};

async function judged(service: string) {
  const judge = judgeOf(service);
  const verdict = await judge.judge(command);
  const trace = judge.lastTrace('r1');
  const metric = (name: string) => trace?.judgement.metrics.find((m) => m.name === name);
  return { verdict, trace, metric, why: `${verdict.summary}\n${trace?.judgement.details ?? ''}` };
}

describe('canary verdicts from a real Prometheus', () => {
  it('healthy → healthy, on every default metric with enough samples', async () => {
    const { verdict, trace, why } = await judged('healthy');
    expect(verdict.verdict, why).toBe('healthy');
    for (const m of trace?.judgement.metrics ?? []) {
      for (const t of m.tests) expect(t.samples.canary.used, `${m.name} ${t.test}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('5× the error rate → unhealthy, by the critical error rate', async () => {
    const { verdict, metric, why } = await judged('errors');
    expect(verdict.verdict, why).toBe('unhealthy');
    expect(metric('error_rate'), why).toMatchObject({ verdict: 'unhealthy', rule: 'significant_beyond_margin' });
  });

  it('+200 ms latency → unhealthy, with p99 among the unhealthy metrics', async () => {
    const { verdict, metric, why } = await judged('slow');
    expect(verdict.verdict, why).toBe('unhealthy');
    expect(metric('latency_p99'), why).toMatchObject({ verdict: 'unhealthy', rule: 'significant_beyond_margin' });
    expect(metric('latency_p95')?.verdict, why).toBe('unhealthy');
  });

  it('a canary serving no data → inconclusive, every metric no data, never a pass', async () => {
    const { verdict, trace, why } = await judged('dark');
    expect(verdict.verdict, why).toBe('inconclusive');
    expect(trace?.judgement.metrics.map((m) => m.rule)).toEqual(METRICS.map(() => 'no_data'));
  });
});
