import type { CanaryMetricConfig } from '../../config/types.ts';
import type { EpochMs } from '../../core/types.ts';
import type { PrometheusClient } from './create-prometheus-client.ts';
import { fillQueryTemplate } from './fill-query-template.ts';
import { oneLine } from './one-line.ts';
import { type Series, toSeries } from './to-series.ts';

/** The two tracks a canary is compared on; each is the value of `{{track}}`. */
export type Track = 'baseline' | 'canary';

/** One metric for both tracks, with the queries actually sent (for the verdict's trace). */
export interface CanaryMetricData {
  readonly name: string;
  readonly baseline: Series;
  readonly canary: Series;
  /** The filled query per track; `null` when the template could not be filled. */
  readonly queries: { readonly [T in Track]: string | null };
}

/** What `fetchCanaryMetrics` needs. */
export interface FetchCanaryMetricsInput {
  readonly client: PrometheusClient;
  readonly metrics: readonly CanaryMetricConfig[];
  /** The value of `{{service}}`. */
  readonly service: string;
  /** The analysis window, epoch milliseconds. */
  readonly window: { readonly start: EpochMs; readonly end: EpochMs };
  readonly stepSeconds: number;
}

/**
 * Fetches every configured metric for the baseline and the canary over the analysis window, all
 * queries in parallel, results in configuration order. Never rejects: Prometheus down, a rejected
 * query, several series, an empty series or only NaNs make that track's series `{ ok: false }` —
 * "no data", which the judge must never count as a pass (issue 5).
 */
export async function fetchCanaryMetrics(input: FetchCanaryMetricsInput): Promise<readonly CanaryMetricData[]> {
  const { client, metrics, service, window, stepSeconds } = input;
  const one = async (template: string, track: Track): Promise<{ series: Series; query: string | null }> => {
    const filled = fillQueryTemplate(template, { track, service });
    if (!filled.ok) return { series: { ok: false, reason: 'query_error', detail: filled.detail }, query: null };
    try {
      const result = await client.queryRange(filled.query, { start: window.start, end: window.end, stepSeconds });
      return { series: toSeries(result), query: filled.query };
    } catch (error) {
      // An injected client that throws is still "Prometheus did not answer", never a crash of the look.
      const detail = oneLine(error instanceof Error ? error.message : String(error));
      return { series: { ok: false, reason: 'prometheus_down', detail }, query: filled.query };
    }
  };
  return Promise.all(
    metrics.map(async (metric) => {
      const [baseline, canary] = await Promise.all([one(metric.query, 'baseline'), one(metric.query, 'canary')]);
      return {
        name: metric.name,
        baseline: baseline.series,
        canary: canary.series,
        queries: { baseline: baseline.query, canary: canary.query },
      };
    }),
  );
}
