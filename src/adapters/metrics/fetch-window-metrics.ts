import type { CanaryMetricConfig } from '../../config/types.ts';
import type { EpochMs } from '../../core/types.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import type { CanaryMetricData, Track } from './fetch-canary-metrics.ts';
import { fillQueryTemplate } from './fill-query-template.ts';
import { oneLine } from './one-line.ts';
import { type Series, toSeries } from './to-series.ts';

/** A time range, epoch milliseconds. */
export interface TimeWindow {
  readonly start: EpochMs;
  readonly end: EpochMs;
}

/** What {@link fetchWindowMetrics} needs. */
export interface FetchWindowMetricsInput {
  readonly client: PrometheusClient;
  readonly metrics: readonly CanaryMetricConfig[];
  /** The value of `{{service}}`. */
  readonly service: string;
  /** The value of `{{track}}` for both windows, for example `production`. */
  readonly track: string;
  /** The reference window (`baseline`) and the window under judgement (`canary`). */
  readonly windows: { readonly [T in Track]: TimeWindow };
  readonly stepSeconds: number;
}

/**
 * Fetches every metric for one track over two windows — production before and after its deploy —
 * in the shape the canary judge reads (`baseline` and `canary`), all queries in parallel, results
 * in configuration order. Like `fetchCanaryMetrics` it never rejects: every failure is that
 * window's "no data", which never passes.
 */
export async function fetchWindowMetrics(input: FetchWindowMetricsInput): Promise<readonly CanaryMetricData[]> {
  const { client, metrics, service, track, windows, stepSeconds } = input;
  const one = async (query: string, window: TimeWindow): Promise<Series> => {
    try {
      return toSeries(await client.queryRange(query, { start: window.start, end: window.end, stepSeconds }));
    } catch (error) {
      const detail = oneLine(error instanceof Error ? error.message : String(error));
      return { ok: false, reason: 'prometheus_down', detail };
    }
  };
  return Promise.all(
    metrics.map(async (metric) => {
      const filled = fillQueryTemplate(metric.query, { track, service });
      if (!filled.ok) {
        const series: Series = { ok: false, reason: 'query_error', detail: filled.detail };
        return { name: metric.name, baseline: series, canary: series, queries: { baseline: null, canary: null } };
      }
      const [baseline, canary] = await Promise.all([
        one(filled.query, windows.baseline),
        one(filled.query, windows.canary),
      ]);
      return { name: metric.name, baseline, canary, queries: { baseline: filled.query, canary: filled.query } };
    }),
  );
}
