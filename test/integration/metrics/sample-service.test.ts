import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  createTrafficSimulator,
  LATENCY_BUCKETS_SECONDS,
  startSampleService,
  type TrafficSimulator,
  toExposition,
} from '../../../src/sandbox/sample-service/index.ts';

/** `name{labels} value` — the sample line grammar of the text format, with our label set. */
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (\S+)$/;

function simulated(seconds: number, setUp: (s: TrafficSimulator) => void = () => {}): TrafficSimulator {
  const simulator = createTrafficSimulator({ service: 'api', seed: 7 });
  setUp(simulator);
  for (let i = 0; i < seconds * 10; i += 1) simulator.advance(100);
  return simulator;
}

function errorShare(s: TrafficSimulator, track: 'baseline' | 'canary'): number {
  const counters = s.snapshot().tracks.find((t) => t.track === track)?.counters;
  const errors = counters?.requests['500'] ?? 0;
  return errors / (errors + (counters?.requests['200'] ?? 0));
}

describe('sample service exposition', () => {
  it("passes Prometheus's own linter (promtool check metrics)", () => {
    const text = toExposition(simulated(5).snapshot());
    const lint = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    if (lint.error !== undefined)
      throw new Error(
        `promtool: ${lint.error.message}; install prometheus (apt-get install prometheus); .ci/run installs it`,
      );
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });

  it('writes HELP and TYPE before each family, valid sample lines and a final line break', () => {
    const text = toExposition(simulated(2).snapshot());
    expect(text.endsWith('\n')).toBe(true);
    const seen = new Set<string>();
    for (const line of text.trimEnd().split('\n')) {
      const meta = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
      if (meta !== null) {
        if (meta[1] === 'TYPE') seen.add(meta[2] as string);
        continue;
      }
      const sample = SAMPLE.exec(line);
      expect(sample, line).not.toBeNull();
      const family = (sample?.[1] ?? '').replace(/_(bucket|sum|count)$/, '');
      expect(seen.has(family) || seen.has(sample?.[1] ?? ''), `${line} before its TYPE`).toBe(true);
      expect(Number.isNaN(Number(sample?.[3]))).toBe(false);
    }
    expect([...seen]).toEqual([
      'http_requests_total',
      'http_request_duration_seconds',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ]);
  });

  it('writes cumulative buckets per track that end in le="+Inf" equal to _count', () => {
    const text = toExposition(simulated(3).snapshot());
    for (const track of ['baseline', 'canary']) {
      const bucket = new RegExp(
        `^http_request_duration_seconds_bucket\\{service="api",track="${track}",le="([^"]+)"\\} (\\d+)$`,
        'gm',
      );
      const rows = [...text.matchAll(bucket)].map((m) => [m[1], Number(m[2])] as const);
      expect(rows.map(([le]) => le)).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
      const counts = rows.map(([, n]) => n);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      const count = new RegExp(
        `^http_request_duration_seconds_count\\{service="api",track="${track}"\\} (\\d+)$`,
        'm',
      ).exec(text);
      expect(Number(count?.[1])).toBe(counts.at(-1));
      expect(counts.at(-1)).toBe(300);
    }
  });

  it('escapes backslash, quote and line feed in label values', () => {
    const text = toExposition(createTrafficSimulator({ service: 'a\\b"c\nd' }).snapshot());
    expect(text).toContain('process_resident_memory_bytes{service="a\\\\b\\"c\\nd",track="baseline"} ');
  });

  it('omits every series of a track that serves no data', () => {
    const text = toExposition(simulated(2, (s) => s.setKnobs('canary', { noData: true })).snapshot());
    expect(text).toContain('track="baseline"');
    expect(text).not.toContain('track="canary"');
  });
});

describe('sample service traffic knobs', () => {
  it('is deterministic for a seed', () => {
    expect(simulated(3).snapshot()).toEqual(simulated(3).snapshot());
  });

  it('multiplies the error rate', () => {
    const s = simulated(400, (sim) => sim.setKnobs('canary', { errorRateMultiplier: 5 }));
    expect(errorShare(s, 'baseline')).toBeGreaterThan(0.009);
    expect(errorShare(s, 'baseline')).toBeLessThan(0.0115);
    expect(errorShare(s, 'canary') / errorShare(s, 'baseline')).toBeGreaterThan(4.4);
    expect(errorShare(s, 'canary') / errorShare(s, 'baseline')).toBeLessThan(5.6);
  });

  it('adds latency and leaks memory', () => {
    const s = simulated(20, (sim) =>
      sim.setKnobs('canary', { addedLatencyMs: 200, memoryLeakBytesPerSecond: 1_000_000 }),
    );
    const [baseline, canary] = s.snapshot().tracks.map((t) => t.counters);
    const fast = LATENCY_BUCKETS_SECONDS.indexOf(0.1);
    const underTenthSecond = (b: readonly number[]) => b.slice(0, fast + 1).reduce((x, y) => x + y, 0);
    expect(underTenthSecond(baseline?.buckets ?? [])).toBeGreaterThan(1_850);
    expect(underTenthSecond(canary?.buckets ?? [])).toBe(0);
    expect((canary?.residentBytes ?? 0) - (baseline?.residentBytes ?? 0)).toBeGreaterThan(19_000_000);
  });
});

describe('sample service over HTTP', () => {
  it('serves /metrics in the text format and 404 elsewhere', async () => {
    const service = await startSampleService({ service: 'api', tickMs: 20 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const metrics = await fetch(`${service.url}/metrics`);
      expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(await metrics.text()).toMatch(
        /^http_requests_total\{service="api",track="canary",code="200"\} [1-9]\d*$/m,
      );
      expect((await fetch(`${service.url}/`)).status).toBe(404);
      expect(service.target).toBe(service.url.replace('http://', ''));
    } finally {
      await service.close();
    }
  });
});
