/**
 * A loopback stand-in for Prometheus's `query_range` (https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries)
 * that answers every query with one steady, healthy series for either track: the same distribution
 * for canary and baseline, 60 samples spread over the asked window. The crash suite needs a canary
 * that turns healthy within seconds; a real Prometheus scraping the sample service needs minutes.
 */
import { startQueryRangeServer } from '../../../src/sandbox/prometheus/start-query-range-server.ts';

/** A running fake Prometheus. */
export interface FakePrometheus {
  readonly url: string;
  close(): Promise<void>;
}

const SAMPLES = 60;

/** Deterministic noise per query and track (an LCG), so every look sees the same kind of data. */
function valuesOf(query: string, start: number, end: number): [number, string][] {
  const canary = query.includes('track="canary"');
  let s = (query.length * 7919 + (canary ? 1 : 2)) % 2147483648;
  const u = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 0.5) / 2147483648;
  };
  const value = (): number => {
    if (query.includes('code=~"5..')) return Math.round(20 * (0.7 + 0.6 * u()));
    if (query.includes('http_requests_total')) return 2000;
    if (query.includes('process_resident_memory_bytes')) return 100e6 + 5e5 * (u() - 0.5);
    return 0.1 * Math.exp(0.2 * (u() - 0.5));
  };
  const span = Math.max(end - start, 0.001);
  return Array.from({ length: SAMPLES }, (_, i) => [start + (span * i) / SAMPLES, String(value())]);
}

/** Starts the fake on 127.0.0.1 (an ephemeral port). */
export function startFakePrometheus(): Promise<FakePrometheus> {
  return startQueryRangeServer(({ query, start, end }) => [{ metric: {}, values: valuesOf(query, start, end) }]);
}
