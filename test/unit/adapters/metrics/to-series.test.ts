import { describe, expect, it } from 'vitest';
import type { RangeResult, RangeSample } from '../../../../src/adapters/metrics/range-result.ts';
import { toSeries } from '../../../../src/adapters/metrics/to-series.ts';

const one = (values: RangeSample[]): RangeResult => ({ ok: true, series: [{ metric: {}, values }], warnings: [] });
const s = (t: number, v: number): RangeSample => ({ t, v });

describe('toSeries: no data is never a pass', () => {
  it('keeps finite points and counts dropped NaN and ±Inf', () => {
    const result = one([
      s(1, 0.5),
      s(2, Number.NaN),
      s(3, Number.POSITIVE_INFINITY),
      s(4, Number.NEGATIVE_INFINITY),
      s(5, 2),
    ]);
    expect(toSeries(result)).toEqual({
      ok: true,
      points: [s(1, 0.5), s(5, 2)],
      dropped: { nan: 1, inf: 2 },
      warnings: [],
    });
  });

  it.each<[string, RangeResult, string]>([
    ['fail by empty: no series', { ok: true, series: [], warnings: [] }, 'empty'],
    ['fail by empty: a series without samples', one([]), 'empty'],
    ['fail by all_nan: only NaN', one([s(1, Number.NaN), s(2, Number.NaN)]), 'all_nan'],
    ['fail by all_nan: only NaN and +Inf', one([s(1, Number.NaN), s(2, Number.POSITIVE_INFINITY)]), 'all_nan'],
    [
      'fail by query_error: several series (the query must aggregate)',
      {
        ok: true,
        series: [
          { metric: { code: '200' }, values: [s(1, 1)] },
          { metric: { code: '500' }, values: [s(1, 1)] },
        ],
        warnings: [],
      },
      'query_error',
    ],
    [
      'fail by prometheus_down: unreachable',
      { ok: false, code: 'unreachable', detail: 'ECONNREFUSED' },
      'prometheus_down',
    ],
    ['fail by prometheus_down: timeout', { ok: false, code: 'timeout', detail: 't' }, 'prometheus_down'],
    [
      'fail by prometheus_down: a proxy error page',
      { ok: false, code: 'http_error', httpStatus: 502, detail: 'p' },
      'prometheus_down',
    ],
    [
      'fail by prometheus_down: not a Prometheus answer',
      { ok: false, code: 'malformed_response', detail: 'm' },
      'prometheus_down',
    ],
    [
      'fail by prometheus_down: Prometheus timed out the query',
      { ok: false, code: 'prometheus_error', httpStatus: 503, errorType: 'timeout', detail: 'd' },
      'prometheus_down',
    ],
    [
      'fail by query_error: bad_data',
      { ok: false, code: 'prometheus_error', httpStatus: 400, errorType: 'bad_data', detail: 'd' },
      'query_error',
    ],
    [
      'fail by query_error: execution',
      { ok: false, code: 'prometheus_error', httpStatus: 422, errorType: 'execution', detail: 'd' },
      'query_error',
    ],
    ['fail by query_error: not a matrix', { ok: false, code: 'not_a_matrix', detail: 'vector' }, 'query_error'],
  ])('%s', (_, result, reason) => {
    expect(toSeries(result)).toMatchObject({ ok: false, reason, detail: expect.any(String) });
  });

  it('says why several series fail', () => {
    const result: RangeResult = {
      ok: true,
      series: [
        { metric: {}, values: [] },
        { metric: {}, values: [] },
      ],
      warnings: [],
    };
    expect(toSeries(result)).toEqual({
      ok: false,
      reason: 'query_error',
      detail: 'the query returned 2 series; it must aggregate to one series per track, e.g. sum(...)',
    });
  });
});
