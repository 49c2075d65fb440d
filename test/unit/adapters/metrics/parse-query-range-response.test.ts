import { describe, expect, it } from 'vitest';
import { parseQueryRangeResponse } from '../../../../src/adapters/metrics/parse-query-range-response.ts';
import { loadFixture } from './load-fixture.ts';

const matrix = (values: [number, string][], metric: Record<string, string> = {}) =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric, values }] } });

describe('parseQueryRangeResponse on recorded Prometheus 2.42 answers', () => {
  it('reads a matrix: labels, epoch-ms times and values', () => {
    const { status, body } = loadFixture('query_range.up.matrix.json');
    expect(parseQueryRangeResponse(status, body)).toEqual({
      ok: true,
      warnings: [],
      series: [
        {
          metric: { __name__: 'up', instance: '127.0.0.1:9090', job: 'prometheus' },
          values: [1795463703, 1795463718, 1795463733, 1795463748, 1795463763].map((s) => ({ t: s * 1000, v: 1 })),
        },
      ],
    });
  });

  it('reads every series of a multi-series matrix', () => {
    const { status, body } = loadFixture('query_range.rate.matrix.json');
    const result = parseQueryRangeResponse(status, body);
    if (!result.ok) throw new Error(result.detail);
    expect(result.series).toHaveLength(5);
    expect(result.series[4]?.values[0]).toEqual({ t: 1795463703000, v: 0.46181666666666665 });
  });

  it('fails by not_a_matrix on a vector answer', () => {
    const { status, body } = loadFixture('query.up.vector.json');
    expect(parseQueryRangeResponse(status, body)).toMatchObject({ ok: false, code: 'not_a_matrix' });
  });

  it("fails by prometheus_error on a 400 bad_data, keeping Prometheus's message", () => {
    const { status, body } = loadFixture('query_range.bad_query.400.txt');
    expect(parseQueryRangeResponse(status, body)).toEqual({
      ok: false,
      code: 'prometheus_error',
      httpStatus: 400,
      errorType: 'bad_data',
      detail: 'bad_data: 1:9: parse error: missing unit character in duration',
    });
  });
});

describe('parseQueryRangeResponse on hand-made edge cases', () => {
  it('keeps NaN, +Inf and -Inf as numbers', () => {
    const result = parseQueryRangeResponse(
      200,
      matrix([
        [1, 'NaN'],
        [2, '+Inf'],
        [3, '-Inf'],
        [4.5, '0.25'],
      ]),
    );
    if (!result.ok) throw new Error(result.detail);
    expect(result.series[0]?.values).toEqual([
      { t: 1000, v: Number.NaN },
      { t: 2000, v: Number.POSITIVE_INFINITY },
      { t: 3000, v: Number.NEGATIVE_INFINITY },
      { t: 4500, v: 0.25 },
    ]);
  });

  it('reads an empty result as no series', () => {
    const body = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } });
    expect(parseQueryRangeResponse(200, body)).toEqual({ ok: true, series: [], warnings: [] });
  });

  it('passes warnings through', () => {
    const body = JSON.stringify({
      status: 'success',
      data: { resultType: 'matrix', result: [] },
      warnings: ['PromQL info: metric might not be a counter'],
    });
    expect(parseQueryRangeResponse(200, body)).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining('counter')],
    });
  });

  it('treats a series without float samples (native histograms only) as a series with no values', () => {
    const body = JSON.stringify({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: {}, histograms: [[1, { count: '1' }]] }] },
    });
    expect(parseQueryRangeResponse(200, body)).toEqual({
      ok: true,
      series: [{ metric: {}, values: [] }],
      warnings: [],
    });
  });

  it.each([
    ['a value that is not a number', matrix([[1, '0x10']])],
    [
      'a value that is a JSON number',
      JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1, 1]] }] } }),
    ],
    [
      'a label that is not a string',
      JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { a: 1 }, values: [] }] } }),
    ],
    ['a success without data', JSON.stringify({ status: 'success' })],
    ['an unknown status', JSON.stringify({ status: 'maybe', data: {} })],
    ['JSON null', 'null'],
    ['an HTML page with 200', '<html><body>Welcome to nginx</body></html>'],
    ['a truncated body', '{"status":"success","data":{"resultType":"matr'],
  ])('fails by malformed_response on %s', (_, body) => {
    expect(parseQueryRangeResponse(200, body)).toMatchObject({ ok: false, code: 'malformed_response' });
  });

  it('fails by http_error on a proxy HTML error page, quoting it on one line', () => {
    const page = '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>';
    const result = parseQueryRangeResponse(502, page);
    expect(result).toMatchObject({ ok: false, code: 'http_error', httpStatus: 502 });
    expect(result.ok ? '' : result.detail).toBe(
      'HTTP 502, not JSON: <html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>',
    );
  });

  it('fails by http_error on a non-2xx JSON answer that is not an error body', () => {
    expect(parseQueryRangeResponse(401, '{"message":"unauthorized"}')).toMatchObject({ ok: false, code: 'http_error' });
  });

  it('never reads a success body sent with an error status as data', () => {
    expect(parseQueryRangeResponse(503, matrix([[1, '1']]))).toMatchObject({ ok: false, code: 'http_error' });
  });

  it('reads an error body sent with 200 as an error', () => {
    const body = JSON.stringify({ status: 'error', errorType: 'execution', error: 'many-to-many matching' });
    expect(parseQueryRangeResponse(200, body)).toMatchObject({
      ok: false,
      code: 'prometheus_error',
      errorType: 'execution',
    });
  });

  it('caps a long error message at 300 characters', () => {
    const body = JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'x'.repeat(5_000) });
    const result = parseQueryRangeResponse(400, body);
    expect(result.ok ? '' : result.detail).toHaveLength(300);
  });
});
