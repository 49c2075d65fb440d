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
  /** Sent as `Authorization: Bearer …` (Prometheus behind an authenticating proxy). */
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
  if (options.bearerToken !== undefined) headers.authorization = `Bearer ${options.bearerToken}`;

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
        return parseQueryRangeResponse(response.status, body);
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

/** Epoch milliseconds as the API's decimal seconds. */
function seconds(ms: EpochMs): string {
  return (ms / 1000).toFixed(3);
}

/** `fetch failed` says nothing; undici puts the reason (ECONNREFUSED, ENOTFOUND, ...) in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(String(error));
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return oneLine(`${error.message}${cause}`);
}
