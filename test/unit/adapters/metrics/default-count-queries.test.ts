import { describe, expect, it } from 'vitest';
import { toErrorCountMetrics } from '../../../../src/adapters/metrics/default-count-queries.ts';
import { fillQueryTemplate } from '../../../../src/adapters/metrics/fill-query-template.ts';
import { DEFAULT_CANARY_METRICS } from '../../../../src/config/default-canary-metrics.ts';

const errorRate = DEFAULT_CANARY_METRICS.find((m) => m.name === 'error_rate');

describe('toErrorCountMetrics', () => {
  it('counts errors and requests per interval with increase(), inheriting the error_rate settings', () => {
    if (errorRate === undefined) throw new Error('DEFAULT_CANARY_METRICS has no error_rate');
    const { errors, requests } = toErrorCountMetrics(errorRate, 60);
    expect(requests).toEqual({
      name: 'error_rate.requests',
      query: 'sum(increase(http_requests_total{service="{{service}}",track="{{track}}"}[60s]))',
      direction: errorRate.direction,
      critical: errorRate.critical,
      margin: errorRate.margin,
    });
    expect(errors.name).toBe('error_rate.errors');
    expect(errors.query).toBe(
      'sum(increase(http_requests_total{service="{{service}}",track="{{track}}",code=~"5.."}[60s])) or (0 * sum(increase(http_requests_total{service="{{service}}",track="{{track}}"}[60s])))',
    );
    expect(errors.critical).toBe(true);
    expect(fillQueryTemplate(errors.query, { track: 'canary', service: 's' }).ok).toBe(true);
  });

  it.each([0, -60, 1.5, Number.NaN])('refuses the interval %s', (interval) => {
    if (errorRate === undefined) throw new Error('no error_rate');
    expect(() => toErrorCountMetrics(errorRate, interval)).toThrow(/^shiplock_invalid_count_interval/);
  });
});
