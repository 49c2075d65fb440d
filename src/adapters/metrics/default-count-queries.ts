import type { CanaryMetricConfig } from '../../config/types.ts';

/** The name of the error-rate metric in `DEFAULT_CANARY_METRICS` that the count queries stand for. */
export const ERROR_RATE_METRIC = 'error_rate';

/** The error rate as counts per interval: errors and requests, fetched like any other metric. */
export interface ErrorCountMetrics {
  /** `error_rate.errors`: 5xx responses per interval. */
  readonly errors: CanaryMetricConfig;
  /** `error_rate.requests`: all responses per interval. */
  readonly requests: CanaryMetricConfig;
}

/**
 * The count queries the judge needs for the error rate (CANARY.md §6.2.2: a conditional exact
 * binomial test on (errors, requests) per track, which handles a zero-error baseline).
 *
 * `DEFAULT_CANARY_METRICS.error_rate` is a ratio of per-second rates; a ratio hides how many
 * requests stand behind it and is `NaN` at zero traffic. These two queries read the same counter
 * (`http_requests_total{track, code}`) as counts per `intervalSeconds`. Fetch them with
 * `fetchCanaryMetrics(..., stepSeconds: intervalSeconds)`: each point is the count of one interval,
 * their sum the window's total (the judge rounds: `increase` extrapolates to the interval edges and
 * returns non-integers; it also handles counter resets). Direction, criticality and margin are
 * those of the `error_rate` metric passed in, so tuning stays in the configuration.
 *
 * A service that never answered 5xx has no `code="5.."` series at all, so a bare `sum(increase(5xx))`
 * is empty — "no data" for a perfectly healthy track. The `or 0 * requests` fallback turns that
 * into a zero count whenever the track has traffic, and stays empty when it has none. The same gap
 * exists in the default ratio query: a track with zero errors yields an empty `error_rate`.
 */
export function toErrorCountMetrics(errorRate: CanaryMetricConfig, intervalSeconds: number): ErrorCountMetrics {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds <= 0) {
    throw new Error(`shiplock_invalid_count_interval: ${intervalSeconds} is not a positive whole number of seconds`);
  }
  const range = `[${intervalSeconds}s]`;
  const requests = `sum(increase(http_requests_total{service="{{service}}",track="{{track}}"}${range}))`;
  const errors = `sum(increase(http_requests_total{service="{{service}}",track="{{track}}",code=~"5.."}${range})) or (0 * ${requests})`;
  const { direction, critical, margin } = errorRate;
  return {
    errors: { name: `${ERROR_RATE_METRIC}.errors`, query: errors, direction, critical, margin },
    requests: { name: `${ERROR_RATE_METRIC}.requests`, query: requests, direction, critical, margin },
  };
}
