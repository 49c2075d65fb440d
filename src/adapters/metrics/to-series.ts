import { assertNever } from '../../core/phases.ts';
import type { EpochMs } from '../../core/types.ts';
import type { QueryFailure, RangeResult } from './range-result.ts';

/** One finite sample of a track's series. */
export interface Point {
  readonly t: EpochMs;
  readonly v: number;
}

/**
 * Why a track has no data for a metric. Each one is "no data" for the judge and never a pass:
 * - `prometheus_down`: unreachable, timed out, HTTP/proxy error, an answer that is not Prometheus's,
 *   or Prometheus reporting itself overloaded (`timeout`, `canceled`, `unavailable`, `internal`);
 * - `query_error`: Prometheus rejected the query (`bad_data`, `execution`), the template cannot be
 *   filled safely, the answer is not a matrix, or it holds several series — the query must aggregate
 *   to exactly one series per track, e.g. `sum(...)` or `histogram_quantile(q, sum by (le) (...))`;
 * - `empty`: no series, or a series without samples (the track serves no data);
 * - `all_nan`: samples exist but none is finite (all `NaN` or `±Inf`).
 */
export type NoDataReason = 'prometheus_down' | 'query_error' | 'empty' | 'all_nan';

/**
 * A track's series for one metric: its finite points (oldest first) with how many `NaN` and `±Inf`
 * samples were dropped — a judge should flag them; for an `increase` metric `+Inf` (a quantile past
 * the largest bucket) means "worse than measurable", not "missing" — or why there is no data.
 */
export type Series =
  | {
      readonly ok: true;
      readonly points: readonly Point[];
      readonly dropped: { readonly nan: number; readonly inf: number };
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: NoDataReason; readonly detail: string };

/** Prometheus errorTypes that mean "Prometheus could not answer", not "your query is wrong". */
const OVERLOADED = new Set(['timeout', 'canceled', 'unavailable', 'internal']);

/** Maps one track's range answer to a series, or to the reason it is "no data". */
export function toSeries(result: RangeResult): Series {
  if (!result.ok) return { ok: false, reason: toReason(result), detail: result.detail };
  const [only, ...others] = result.series;
  if (only === undefined) return { ok: false, reason: 'empty', detail: 'the query returned no series' };
  if (others.length > 0) {
    return {
      ok: false,
      reason: 'query_error',
      detail: `the query returned ${result.series.length} series; it must aggregate to one series per track, e.g. sum(...)`,
    };
  }
  if (only.values.length === 0) return { ok: false, reason: 'empty', detail: 'the series has no samples' };
  const points: Point[] = [];
  let nan = 0;
  let inf = 0;
  for (const { t, v } of only.values) {
    if (Number.isNaN(v)) nan += 1;
    else if (!Number.isFinite(v)) inf += 1;
    else points.push({ t, v });
  }
  if (points.length === 0) {
    return { ok: false, reason: 'all_nan', detail: `no finite sample: ${nan} NaN, ${inf} ±Inf` };
  }
  return { ok: true, points, dropped: { nan, inf }, warnings: result.warnings };
}

function toReason(failure: QueryFailure): NoDataReason {
  switch (failure.code) {
    case 'unreachable':
    case 'timeout':
    case 'http_error':
    case 'malformed_response':
      return 'prometheus_down';
    case 'prometheus_error':
      return OVERLOADED.has(failure.errorType ?? '') ? 'prometheus_down' : 'query_error';
    case 'not_a_matrix':
      return 'query_error';
    default:
      return assertNever(failure.code);
  }
}
