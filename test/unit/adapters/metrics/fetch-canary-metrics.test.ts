import { describe, expect, it } from 'vitest';
import type { PrometheusClient, RangeQueryWindow } from '../../../../src/adapters/metrics/create-prometheus-client.ts';
import { fetchCanaryMetrics } from '../../../../src/adapters/metrics/fetch-canary-metrics.ts';
import type { RangeResult } from '../../../../src/adapters/metrics/range-result.ts';
import type { CanaryMetricConfig } from '../../../../src/config/types.ts';

const metric = (name: string, query: string): CanaryMetricConfig => ({
  name,
  query,
  direction: 'increase',
  critical: false,
  margin: 0.1,
});

/** A client that records its calls and answers from `answer(query)`. */
function recordingClient(answer: (query: string) => RangeResult | Error) {
  const calls: { query: string; window: RangeQueryWindow }[] = [];
  const client: PrometheusClient = {
    async queryRange(query, window) {
      calls.push({ query, window });
      const result = answer(query);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return { client, calls };
}

const series = (v: number): RangeResult => ({
  ok: true,
  series: [{ metric: {}, values: [{ t: 60_000, v }] }],
  warnings: [],
});
const input = { service: 'api', window: { start: 0, end: 600_000 }, stepSeconds: 60 };

describe('fetchCanaryMetrics', () => {
  it('queries each metric for both tracks over the window, in configuration order', async () => {
    const { client, calls } = recordingClient((q) => series(q.includes('canary') ? 2 : 1));
    const metrics = [
      metric('a', 'a{track="{{track}}",service="{{service}}"}'),
      metric('b', 'sum(b{track="{{track}}"})'),
    ];
    const data = await fetchCanaryMetrics({ ...input, client, metrics });
    expect(data.map((d) => [d.name, d.baseline, d.canary])).toEqual([
      [
        'a',
        expect.objectContaining({ ok: true, points: [{ t: 60_000, v: 1 }] }),
        expect.objectContaining({ points: [{ t: 60_000, v: 2 }] }),
      ],
      [
        'b',
        expect.objectContaining({ ok: true, points: [{ t: 60_000, v: 1 }] }),
        expect.objectContaining({ points: [{ t: 60_000, v: 2 }] }),
      ],
    ]);
    expect(data[0]?.queries).toEqual({
      baseline: 'a{track="baseline",service="api"}',
      canary: 'a{track="canary",service="api"}',
    });
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.window.start === 0 && c.window.end === 600_000 && c.window.stepSeconds === 60)).toBe(
      true,
    );
  });

  it('makes a track no data on its own: the other track keeps its series', async () => {
    const { client } = recordingClient((q) =>
      q.includes('canary') ? { ok: true, series: [], warnings: [] } : series(1),
    );
    const [data] = await fetchCanaryMetrics({ ...input, client, metrics: [metric('a', 'a{track="{{track}}"}')] });
    expect(data?.baseline.ok).toBe(true);
    expect(data?.canary).toEqual({ ok: false, reason: 'empty', detail: 'the query returned no series' });
  });

  it('fail by prometheus_down when the client throws, instead of rejecting', async () => {
    const { client } = recordingClient(() => new Error('socket hang up'));
    const [data] = await fetchCanaryMetrics({ ...input, client, metrics: [metric('a', 'a{track="{{track}}"}')] });
    expect(data?.baseline).toEqual({ ok: false, reason: 'prometheus_down', detail: 'socket hang up' });
    expect(data?.canary).toEqual({ ok: false, reason: 'prometheus_down', detail: 'socket hang up' });
  });

  it('fail by query_error without sending anything when the template is unsafe', async () => {
    const { client, calls } = recordingClient(() => series(1));
    const [data] = await fetchCanaryMetrics({ ...input, client, metrics: [metric('a', 'a{track={{track}}}')] });
    expect(calls).toEqual([]);
    expect(data?.canary).toMatchObject({ ok: false, reason: 'query_error' });
    expect(data?.queries).toEqual({ baseline: null, canary: null });
  });

  it('substitutes a hostile service name as one escaped label value', async () => {
    const { client, calls } = recordingClient(() => series(1));
    await fetchCanaryMetrics({
      ...input,
      service: 'x"} or vector(1) #',
      client,
      metrics: [metric('a', 'a{service="{{service}}"}')],
    });
    expect(calls.map((c) => c.query)).toEqual([
      'a{service="x\\"} or vector(1) #"}',
      'a{service="x\\"} or vector(1) #"}',
    ]);
  });
});
