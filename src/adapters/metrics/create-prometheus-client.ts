import type { EpochMs } from '../../core/types.ts';
import { oneLine } from './one-line.ts';
import { parseQueryRangeResponse } from './parse-query-range-response.ts';
import type { RangeResult } from './range-result.ts';
import { BodyTooLargeError, readCappedText } from './read-capped-text.ts';

/** The range of a `query_range` call: epoch milliseconds, step in seconds. */
export interface RangeQueryWindow {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly stepSeconds: number;
}

/** A client for Prometheus's HTTP API, as the canary judge needs it. */
export interface PrometheusClient {
  /** Never rejects: transport, timeout and API errors come back as `{ ok: false }`. */
  queryRange(query: string, window: RangeQueryWindow): Promise<RangeResult>;
}

/** What `createPrometheusClient` needs. */
export interface PrometheusClientOptions {
  /** For example `http://127.0.0.1:9090`, or a prefix such as `https://host/prometheus`. */
  readonly baseUrl: string;
  /**
   * Sent as `Authorization: Bearer …` (Prometheus behind an authenticating proxy; PROMETHEUS_TOKEN).
   * Never part of a failure's `detail`, even when an endpoint echoes it back.
   */
  readonly bearerToken?: string;
  readonly fetch?: typeof fetch;
  /** Covers the whole exchange: connection, headers and body. */
  readonly timeoutMs: number;
  /** POST (form-encoded, no URL length limit) unless a proxy allows only GET. */
  readonly method?: 'POST' | 'GET';
  /** The largest answer read; bigger ones are a `malformed_response`. Default 16 MiB. */
  readonly maxResponseBytes?: number;
}

/**
 * Creates the `query_range` client (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries).
 * Every way a query can go wrong is a failure value, never a throw that a caller could mistake for data.
 */
export function createPrometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/api/v1/query_range`;
  const method = options.method ?? 'POST';
  const maxBytes = options.maxResponseBytes ?? 16 * 1024 * 1024;
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = options.bearerToken === '' ? undefined : options.bearerToken;
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  // Scrubbed before parsing, so a failure's detail (cut to 300 characters) cannot hold even part of it.
  const scrub = (body: string): string =>
    token === undefined || !body.includes(token) ? body : body.replaceAll(token, '[redacted]');

  return {
    async queryRange(query, { start, end, stepSeconds }) {
      const params = new URLSearchParams({ query, start: seconds(start), end: seconds(end), step: `${stepSeconds}` });
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        const init: RequestInit =
          method === 'POST'
            ? {
                method,
                headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
                body: params.toString(),
                signal: controller.signal,
              }
            : { method, headers, signal: controller.signal };
        const url = method === 'POST' ? endpoint : `${endpoint}?${params.toString()}`;
        const response = await doFetch(url, init);
        const body = await readCappedText(response, maxBytes);
        return toAuthFailure(parseQueryRangeResponse(response.status, scrub(body)));
      } catch (error) {
        if (controller.signal.aborted) {
          return { ok: false, code: 'timeout', detail: `no answer from Prometheus within ${options.timeoutMs} ms` };
        }
        if (error instanceof BodyTooLargeError) return { ok: false, code: 'malformed_response', detail: error.message };
        return { ok: false, code: 'unreachable', detail: describeFetchError(error) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A 401 or 403 is the proxy (or Prometheus's own web config) refusing the credentials: say so with a
 * stable code instead of "HTTP 401: <a login page>". It stays an `http_error`, which the judge
 * reads as no data (Prometheus unusable), never as a pass.
 */
function toAuthFailure(result: RangeResult): RangeResult {
  if (result.ok || (result.httpStatus !== 401 && result.httpStatus !== 403)) return result;
  return {
    ok: false,
    code: 'http_error',
    httpStatus: result.httpStatus,
    detail: oneLine(
      `shiplock_prometheus_unauthorized: HTTP ${result.httpStatus} from Prometheus; check PROMETHEUS_TOKEN (${result.detail})`,
    ),
  };
}

/** Epoch milliseconds as the API's decimal seconds. */
function seconds(ms: EpochMs): string {
  return (ms / 1000).toFixed(3);
}

/**
 * `fetch failed` says nothing; undici puts the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`.
 * A base URL with `user:password@` is refused by fetch with the whole URL in the message: the
 * password is cut out before the message can reach a card or the log.
 */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(withoutUserInfo(String(error)));
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return oneLine(withoutUserInfo(`${error.message}${cause}`));
}

function withoutUserInfo(text: string): string {
  return text.replace(/(\/\/)[^/\s@]+@/g, '$1[redacted]@');
}
