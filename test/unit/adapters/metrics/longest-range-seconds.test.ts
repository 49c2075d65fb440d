import { describe, expect, it } from 'vitest';
import { longestRangeSeconds } from '../../../../src/adapters/metrics/longest-range-seconds.ts';
import { DEFAULT_CANARY_METRICS } from '../../../../src/config/default-canary-metrics.ts';

describe('longestRangeSeconds', () => {
  it.each([
    ['the defaults', DEFAULT_CANARY_METRICS.map((m) => m.query), 60],
    ['no range at all', ['sum(process_resident_memory_bytes{track="canary"})'], 0],
    ['compound durations', ['rate(x[1h30m])', 'rate(y[90s])'], 5_400],
    ['milliseconds, rounded up', ['rate(x[1500ms])'], 2],
    ['a subquery', ['max_over_time(rate(x[1m])[10m:30s])', 'avg_over_time(y[5m:])'], 600],
    ['a range plus an offset', ['rate(x[5m] offset 1h)'], 3_900],
    ['a negative offset adds nothing', ['rate(x[5m] offset -1h)'], 300],
    ['days, weeks and years', ['x[2d]', 'y[1w]', 'z[1y]'], 31_536_000],
    ['a character class in a label regex is no range', ['sum(rate(x{code=~"5[0-9]{2}"}[2m]))'], 120],
  ])('%s', (_label, queries, seconds) => {
    expect(longestRangeSeconds(queries)).toBe(seconds);
  });
});
