import type { EpochMs } from '../../core/types.ts';

/** One sample of a range query; `v` may be `NaN`, `Infinity` or `-Infinity` exactly as Prometheus sent it. */
export interface RangeSample {
  readonly t: EpochMs;
  readonly v: number;
}

/** One series of a `matrix` answer: its labels and its samples, oldest first. */
export interface RangeSeries {
  readonly metric: Readonly<Record<string, string>>;
  readonly values: readonly RangeSample[];
}

/**
 * Why a range query produced no usable answer:
 * - `unreachable`: the connection failed (refused, reset, DNS);
 * - `timeout`: no complete answer within `timeoutMs`;
 * - `http_error`: a non-2xx status without Prometheus's error body (a proxy's 502 page, a 401);
 * - `prometheus_error`: Prometheus's own `{"status":"error","errorType","error"}` body;
 * - `malformed_response`: not JSON, or JSON that is not a Prometheus answer (including bad sample values);
 * - `not_a_matrix`: a valid answer whose `resultType` is not `matrix`.
 */
export type QueryFailureCode =
  | 'unreachable'
  | 'timeout'
  | 'http_error'
  | 'prometheus_error'
  | 'malformed_response'
  | 'not_a_matrix';

/** A range query that failed, as a value: it can never be read as data. */
export interface QueryFailure {
  readonly ok: false;
  readonly code: QueryFailureCode;
  /** One line for people, at most 300 characters; untrusted text, escape it before rendering. */
  readonly detail: string;
  readonly httpStatus?: number;
  /** Prometheus's `errorType` (`bad_data`, `execution`, `timeout`, `canceled`, `unavailable`, ...). */
  readonly errorType?: string;
}

/** The answer of `queryRange`: every series of the matrix with Prometheus's warnings, or a failure. */
export type RangeResult =
  | { readonly ok: true; readonly series: readonly RangeSeries[]; readonly warnings: readonly string[] }
  | QueryFailure;
