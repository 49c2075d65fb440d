import type { CanaryMetricConfig } from './types.ts';

const RATE = '[1m]';
const LATENCY = (q: string): string =>
  `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{service}}",track="{{track}}"}${RATE})))`;

/**
 * The metrics a canary is judged on when a repository lists none: error rate, p50/p95/p99 latency,
 * CPU and memory, as the seed's canary analysis names them. Queries follow the Prometheus client
 * conventions (`http_requests_total`, `http_request_duration_seconds`, `process_*`) and select the
 * service with the label `service` and the deployment track with `track`; `{{track}}` becomes
 * `canary` or `baseline`, `{{service}}` the repository's `canary.service`. The judge fetches the
 * error rate as counts (errors and requests per window), so a canary without a single 5xx is
 * measured, not "no data".
 */
export const DEFAULT_CANARY_METRICS: readonly CanaryMetricConfig[] = [
  {
    name: 'error_rate',
    query: `sum(rate(http_requests_total{service="{{service}}",track="{{track}}",code=~"5.."}${RATE})) / sum(rate(http_requests_total{service="{{service}}",track="{{track}}"}${RATE}))`,
    direction: 'increase',
    critical: true,
    margin: 0.1,
  },
  { name: 'latency_p50', query: LATENCY('0.5'), direction: 'increase', critical: false, margin: 0.2 },
  { name: 'latency_p95', query: LATENCY('0.95'), direction: 'increase', critical: true, margin: 0.2 },
  { name: 'latency_p99', query: LATENCY('0.99'), direction: 'increase', critical: false, margin: 0.3 },
  {
    name: 'cpu',
    query: `sum(rate(process_cpu_seconds_total{service="{{service}}",track="{{track}}"}${RATE}))`,
    direction: 'increase',
    critical: false,
    margin: 0.3,
  },
  {
    name: 'memory',
    query: `sum(process_resident_memory_bytes{service="{{service}}",track="{{track}}"})`,
    direction: 'increase',
    critical: false,
    margin: 0.3,
  },
];
