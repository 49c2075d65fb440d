/**
 * Canary metrics from Prometheus: the `query_range` client, safe query templates, and the
 * per-track series the canary judge reads — where every failure is "no data", never a pass.
 */
export {
  createPrometheusClient,
  type PrometheusClient,
  type PrometheusClientOptions,
  type RangeQueryWindow,
} from './create-prometheus-client.ts';
export { ERROR_RATE_METRIC, type ErrorCountMetrics, toErrorCountMetrics } from './default-count-queries.ts';
export {
  type CanaryMetricData,
  type FetchCanaryMetricsInput,
  fetchCanaryMetrics,
  type Track,
} from './fetch-canary-metrics.ts';
export { escapePromQlString, type FilledQuery, fillQueryTemplate, type TemplateValues } from './fill-query-template.ts';
export { parseQueryRangeResponse } from './parse-query-range-response.ts';
export { parseSampleValue } from './parse-sample-value.ts';
export type { QueryFailure, QueryFailureCode, RangeResult, RangeSample, RangeSeries } from './range-result.ts';
export { type NoDataReason, type Point, type Series, toSeries } from './to-series.ts';
