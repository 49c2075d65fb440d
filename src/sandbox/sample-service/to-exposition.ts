import { LATENCY_BUCKETS_SECONDS, type TrafficSnapshot } from './create-traffic-simulator.ts';

/** The content type of the text exposition format 0.0.4. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Readonly<Record<string, string>>;

/**
 * Writes a snapshot in Prometheus's text exposition format, by hand
 * (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): one `# HELP` and
 * `# TYPE` per family before its samples, escaped label values, cumulative `_bucket`s ending in
 * `le="+Inf"` equal to `_count`, and a final line break. Every series carries `service` and `track`.
 */
export function toExposition(snapshot: TrafficSnapshot): string {
  const lines: string[] = [];
  const family = (name: string, type: string, help: string) =>
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  const sample = (name: string, labels: Labels, value: number) =>
    lines.push(`${name}${formatLabels(labels)} ${formatValue(value)}`);
  const tracks = snapshot.tracks.map(({ track, counters }) => ({
    counters,
    base: { service: snapshot.service, track },
  }));

  family('http_requests_total', 'counter', 'Requests answered, by deployment track and status code.');
  for (const { base, counters } of tracks) {
    for (const code of Object.keys(counters.requests).sort()) {
      sample('http_requests_total', { ...base, code }, counters.requests[code] ?? 0);
    }
  }
  family('http_request_duration_seconds', 'histogram', 'Request latency in seconds, by deployment track.');
  for (const { base, counters } of tracks) {
    let cumulative = 0;
    for (const [i, count] of counters.buckets.entries()) {
      cumulative += count;
      const le = LATENCY_BUCKETS_SECONDS[i];
      sample(
        'http_request_duration_seconds_bucket',
        { ...base, le: le === undefined ? '+Inf' : formatValue(le) },
        cumulative,
      );
    }
    sample('http_request_duration_seconds_sum', base, counters.latencySumSeconds);
    sample('http_request_duration_seconds_count', base, cumulative);
  }
  family(
    'process_cpu_seconds_total',
    'counter',
    'Total user and system CPU time spent in seconds, by deployment track.',
  );
  for (const { base, counters } of tracks) sample('process_cpu_seconds_total', base, counters.cpuSeconds);
  family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes, by deployment track.');
  for (const { base, counters } of tracks) sample('process_resident_memory_bytes', base, counters.residentBytes);
  return `${lines.join('\n')}\n`;
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** Label values escape backslash, double quote and line feed, and nothing else. */
function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
