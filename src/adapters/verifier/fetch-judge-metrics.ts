import type { CanaryMetricConfig } from '../../config/types.ts';
import type { JudgeMetric } from '../../core/canary/judge/index.ts';
import { toCountsMetric, toSeriesMetric } from '../canary/index.ts';
import { fetchWindowMetrics, type TimeWindow } from '../metrics/fetch-window-metrics.ts';
import { ERROR_RATE_METRIC, type PrometheusClient, toErrorCountMetrics } from '../metrics/index.ts';

/** What {@link fetchJudgeMetrics} needs. */
export interface FetchJudgeMetricsInput {
  readonly client: PrometheusClient;
  readonly metrics: readonly CanaryMetricConfig[];
  readonly service: string;
  readonly track: string;
  readonly windows: { readonly baseline: TimeWindow; readonly canary: TimeWindow };
  readonly stepSeconds: number;
}

/**
 * The judge's input for one track over two windows, prepared the way the canary judge prepares
 * its own (`createCanaryJudge`): the error rate as error and request counts per step (an exact
 * rate-ratio test that also handles a window without errors), `memory` with the leak test, every
 * other metric as a series. A metric whose counts could not be fetched still reaches the judge as
 * "no data", so it can never pass by being left out.
 */
export async function fetchJudgeMetrics(input: FetchJudgeMetricsInput): Promise<JudgeMetric[]> {
  const errorRate = input.metrics.find((m) => m.name === ERROR_RATE_METRIC);
  const series = input.metrics.filter((m) => m.name !== ERROR_RATE_METRIC);
  const count = errorRate === undefined ? null : toErrorCountMetrics(errorRate, input.stepSeconds);
  const data = await fetchWindowMetrics({
    ...input,
    metrics: count === null ? series : [...series, count.errors, count.requests],
  });
  return input.metrics.map((m): JudgeMetric => {
    const base = { name: m.name, direction: m.direction, critical: m.critical, margin: m.margin };
    if (m.name === ERROR_RATE_METRIC) {
      const [errors, requests] = [data[series.length], data[series.length + 1]];
      if (errors === undefined || requests === undefined) throw new Error('shiplock_verification_counts_missing');
      return toCountsMetric({ ...base, kind: 'counts' }, errors, requests);
    }
    const d = data[series.indexOf(m)];
    if (d === undefined) throw new Error(`shiplock_verification_metric_missing: ${m.name}`);
    return toSeriesMetric({ ...base, kind: m.name === 'memory' ? 'memory' : 'continuous' }, d);
  });
}
