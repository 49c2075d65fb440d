import * as z from 'zod';
import { oneLine } from './one-line.ts';
import { parseSampleValue } from './parse-sample-value.ts';
import type { RangeResult, RangeSample, RangeSeries } from './range-result.ts';

const ErrorBody = z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() });

const SuccessBody = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.string(), result: z.unknown() }),
  warnings: z.array(z.string()).optional(),
});

const Matrix = z.array(
  z.object({
    metric: z.record(z.string(), z.string()),
    // A series holding only native histograms has `histograms` and no `values`: no float samples.
    values: z.array(z.tuple([z.number(), z.string()])).optional(),
  }),
);

/**
 * Reads Prometheus's answer to `query_range` (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries):
 * a `matrix` becomes series of `{ t, v }` with `t` in epoch milliseconds; every other shape — an
 * error body, an HTML page, a `vector`, a sample value that is not a number — becomes a failure
 * value. The body is hostile input: nothing is trusted before the schema accepts it.
 */
export function parseQueryRangeResponse(httpStatus: number, body: string): RangeResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const what = httpStatus >= 200 && httpStatus < 300 ? 'malformed_response' : 'http_error';
    return { ok: false, code: what, httpStatus, detail: `HTTP ${httpStatus}, not JSON: ${oneLine(body, 200)}` };
  }
  const error = ErrorBody.safeParse(json);
  if (error.success) {
    const { errorType, error: message } = error.data;
    return { ok: false, code: 'prometheus_error', httpStatus, errorType, detail: oneLine(`${errorType}: ${message}`) };
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    return { ok: false, code: 'http_error', httpStatus, detail: `HTTP ${httpStatus}: ${oneLine(body, 200)}` };
  }
  const success = SuccessBody.safeParse(json);
  if (!success.success) return malformed(httpStatus, 'not a Prometheus API answer');
  const { resultType, result } = success.data.data;
  if (resultType !== 'matrix') {
    return {
      ok: false,
      code: 'not_a_matrix',
      httpStatus,
      detail: oneLine(`expected resultType matrix, got ${resultType}`),
    };
  }
  const matrix = Matrix.safeParse(result);
  if (!matrix.success) return malformed(httpStatus, 'matrix result does not match the documented shape');
  const series: RangeSeries[] = [];
  for (const { metric, values = [] } of matrix.data) {
    const samples: RangeSample[] = [];
    for (const [seconds, text] of values) {
      const v = parseSampleValue(text);
      if (v === null) return malformed(httpStatus, `sample value ${JSON.stringify(oneLine(text, 40))} is not a number`);
      samples.push({ t: Math.round(seconds * 1000), v });
    }
    series.push({ metric, values: samples });
  }
  return { ok: true, series, warnings: success.data.warnings ?? [] };
}

function malformed(httpStatus: number, detail: string): RangeResult {
  return { ok: false, code: 'malformed_response', httpStatus, detail };
}
