/**
 * The canary judge's per-metric rows (issues 3 and 5): what the card's table and the thread's
 * trace are rendered from, built by the adapter from the judge's trace — one row per metric with
 * its deciding test, deterministic to the byte, bounded, and dashes where nothing was computed.
 */
import { describe, expect, it } from 'vitest';
import { createCanaryJudge, toCanaryMetricRows } from '../../../src/adapters/canary/index.ts';
import type { PrometheusClient, RangeResult } from '../../../src/adapters/metrics/index.ts';
import { DEFAULT_CANARY_METRICS } from '../../../src/config/default-canary-metrics.ts';
import { judgeCanary } from '../../../src/core/canary/judge/index.ts';
import type { JudgeCanary } from '../../../src/core/types.ts';

const START = 1_700_000_000_000;
const NOW = START + 61 * 60_000;

/** Every track the same smooth series, the canary's p99 `slow` times slower; `dark` empties the canary. */
function scripted(slow: number, dark = false): PrometheusClient {
  return {
    queryRange: async (query, window): Promise<RangeResult> => {
      const canary = query.includes('track="canary"');
      if (canary && dark) return { ok: true, series: [], warnings: [] };
      const n = Math.floor((window.end - window.start) / 60_000);
      const value = (i: number) => {
        const wobble = 1 + 0.05 * Math.sin(i * 1.7 + (canary ? 0.3 : 0));
        if (query.includes('code=~"5..')) return Math.round(20 * wobble);
        if (query.includes('http_requests_total')) return 2000;
        if (query.includes('process_resident_memory_bytes')) return 100e6 * wobble;
        return 0.1 * wobble * (canary && query.includes('0.99') ? slow : 1);
      };
      const values = Array.from({ length: n }, (_, i) => ({ t: window.start + i * 60_000, v: value(i) }));
      return { ok: true, series: [{ metric: {}, values }], warnings: [] };
    },
  };
}

const command: JudgeCanary = { type: 'JudgeCanary', rolloutId: 'r1', sha: 'a'.repeat(40), look: 6 };

const judge = (slow: number, dark = false) =>
  createCanaryJudge({
    client: scripted(slow, dark),
    now: () => NOW,
    target: async () => ({ service: 's', metrics: DEFAULT_CANARY_METRICS, canaryStartedAt: START, looks: 6 }),
  }).judge(command);

describe('per-metric rows of a look', () => {
  it('one row per configured metric, in config order, with the judge’s verdicts', async () => {
    const answer = await judge(3);
    expect(answer.metrics?.map((r) => r.name)).toEqual(DEFAULT_CANARY_METRICS.map((m) => m.name));
    const p99 = answer.metrics?.find((r) => r.name === 'latency_p99');
    expect(p99).toMatchObject({ verdict: 'unhealthy', rule: 'significant_beyond_margin', test: 'shift' });
    expect(p99?.effect).toMatch(/^\+\d/);
    expect(p99?.interval).toMatch(/^\d+ % CI \+.+…\+.+$/);
    expect(p99?.samples).toMatch(/^canary \d+\/\d+ · baseline \d+\/\d+$/);
    expect(answer.summary).toMatch(/^unhealthy: latency_p99/);
  });

  it('a track without data is a `no_data` row with dashes, never numbers that look measured', async () => {
    const answer = await judge(1, true);
    expect(answer.verdict).toBe('inconclusive');
    for (const row of answer.metrics ?? []) {
      expect(row.verdict).toBe('no_data');
      expect([row.canary, row.effect, row.interval, row.margin, row.pRaw, row.pAdjusted]).toEqual([
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
      ]);
      expect(row.flags.length).toBeGreaterThan(0);
    }
  });

  it('the same judgement gives the same rows, byte for byte (the snapshot replays)', async () => {
    expect(JSON.stringify((await judge(1.02)).metrics)).toBe(JSON.stringify((await judge(1.02)).metrics));
  });

  it('an unknown rollout or a failing judge sends no rows (the card shows only the summary)', async () => {
    const unknown = await createCanaryJudge({
      client: scripted(1),
      now: () => NOW,
      target: async () => null,
    }).judge(command);
    expect(unknown.metrics).toBeUndefined();
  });

  it('names and reasons are bounded, rows at most 40', () => {
    const series = { values: Array.from({ length: 30 }, (_, i) => 1 + (i % 7) / 10) };
    const metric = (name: string) => ({
      config: { name, direction: 'increase', critical: false, margin: 0.1, kind: 'continuous' } as const,
      baseline: series,
      canary: series,
    });
    const judgement = judgeCanary({
      metrics: Array.from({ length: 45 }, (_, i) => metric(`${'m'.repeat(500)}${i}`)),
      look: 1,
      looks: 1,
    });
    const rows = toCanaryMetricRows(judgement);
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      expect([...r.name].length).toBeLessThanOrEqual(80);
      expect([...r.reason].length).toBeLessThanOrEqual(400);
    }
  });
});
