import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '../../../src/adapters/metrics/index.ts';
import type { VerificationTarget } from '../../../src/adapters/verifier/index.ts';
import { createMetricsCheck } from '../../../src/adapters/verifier/index.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import { type FakePrometheus, productionSeries, startFakePrometheus } from '../../support/start-fake-prometheus.ts';

/**
 * The metrics check over real HTTP against a fake Prometheus whose production changes when the
 * deploy finished: production after the deploy is judged against the same length of production
 * right before it.
 */
const MINUTE = 60_000;
const STARTED = Date.UTC(2025, 0, 6, 10, 0, 0);
const FINISHED = STARTED + MINUTE;
const NOW = FINISHED + 15 * MINUTE;

const target = {
  rolloutId: 'r-0123456789',
  repo: 'acme/api',
  pr: 7,
  sha: 'a'.repeat(40),
  epoch: 4,
  environment: 'production',
  deployStartedAt: STARTED,
  deployFinishedAt: FINISHED,
  metrics: { service: 'api', metrics: DEFAULT_CANARY_METRICS },
  command: null,
} satisfies VerificationTarget;

let prometheus: FakePrometheus;
beforeEach(async () => {
  prometheus = await startFakePrometheus(productionSeries());
});
afterEach(() => prometheus.close());

const check = () =>
  createMetricsCheck({
    client: createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 5_000 }),
    stepSeconds: 60,
    settleSeconds: 60,
  });

describe('the metrics check', () => {
  it('healthy: production after the deploy looks like production before it', async () => {
    const result = await check()(target, NOW);
    expect(result).toEqual({ ok: true, summary: 'metrics healthy: 6/6 within margin of the pre-deploy baseline' });
  });

  it('asks for the production track, after the deploy settled, and the same length right before the deploy', async () => {
    await check()(target, NOW);
    const latency = prometheus.queries.filter((q) => q.query.includes('histogram_quantile(0.95'));
    expect(latency.map((q) => [q.start, q.end, q.step])).toEqual(
      expect.arrayContaining([
        [STARTED - 14 * MINUTE, STARTED, 60],
        [FINISHED + MINUTE, NOW, 60],
      ]),
    );
    expect(latency[0]?.query).toContain('service="api",track="production"');
    expect(prometheus.queries.some((q) => /track="(canary|baseline)"/.test(q.query))).toBe(false);
  });

  it('regressed: fails with the metric that got worse and why', async () => {
    prometheus.setSeries(
      productionSeries({ changeAt: FINISHED, worse: (q) => (q.includes('histogram_quantile(0.95') ? 1.6 : 1) }),
    );
    const result = await check()(target, NOW);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^metrics unhealthy against the pre-deploy baseline: latency_p95 \(critical\): /);
  });

  it('more errors after the deploy: fails on the error rate', async () => {
    prometheus.setSeries(productionSeries({ changeAt: FINISHED, worse: (q) => (q.includes('code=~') ? 3 : 1) }));
    const result = await check()(target, NOW);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/error_rate \(critical\)/);
  });

  it('no data: could not verify, never a pass', async () => {
    prometheus.setSeries(() => null);
    const result = await check()(target, NOW);
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^could not verify: metrics inconclusive: .*no data/);
  });

  it('Prometheus down: could not verify', async () => {
    await prometheus.close();
    const result = await createMetricsCheck({
      client: createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 2_000 }),
      stepSeconds: 60,
    })(target, NOW);
    prometheus = await startFakePrometheus(productionSeries());
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/^could not verify: /);
  });

  it('a window too short to judge: could not verify, and says how long it must be', async () => {
    const result = await check()(target, FINISHED + 5 * MINUTE);
    expect(result).toEqual({
      ok: false,
      summary:
        'could not verify: 5 samples per metric after the deploy at 60s steps, the judge needs 10: set verification.duration to at least 12m',
    });
    expect(prometheus.queries).toEqual([]);
  });
});
