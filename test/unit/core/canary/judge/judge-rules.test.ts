/** The native judge's rules, table by table (CANARY.md §6.2). */
import { describe, expect, it } from 'vitest';
import { aggregateVerdict } from '../../../../../src/core/canary/judge/aggregate-verdict.ts';
import { decideTest } from '../../../../../src/core/canary/judge/decide-test.ts';
import { formatNumber } from '../../../../../src/core/canary/judge/format-number.ts';
import { formatRatio } from '../../../../../src/core/canary/judge/format-ratio.ts';
import { hodgesLehmannSorted } from '../../../../../src/core/canary/judge/hodges-lehmann-sorted.ts';
import { judgeCanary, type MetricTrace } from '../../../../../src/core/canary/judge/index.ts';
import { kayentaStyleScore } from '../../../../../src/core/canary/judge/kayenta-style-score.ts';
import { mannKendallTest } from '../../../../../src/core/canary/judge/mann-kendall-test.ts';
import { resolveJudgeOptions } from '../../../../../src/core/canary/judge/resolve-judge-options.ts';
import type { TestEvidence } from '../../../../../src/core/canary/judge/test-evidence.ts';
import { toJsonNumber } from '../../../../../src/core/canary/judge/to-json-number.ts';
import { worstVerdictIndex } from '../../../../../src/core/canary/judge/worst-verdict.ts';
import { hodgesLehmannShift } from '../../../../../src/core/canary/stats/hodges-lehmann-shift.ts';
import { counts, latencies, normals, once, series, uniform, windows } from './judge-fixtures.ts';

const ev = (over: Partial<TestEvidence>): TestEvidence => ({
  test: 'shift',
  untested: null,
  samples: { canary: { raw: 60, dropped: 0, used: 60 }, baseline: { raw: 60, dropped: 0, used: 60 } },
  blockSize: 1,
  autocorrelation: { canary: 0, baseline: 0 },
  dependence: { pooled: 0, upper: 0, effectiveSamples: 60 },
  center: { canary: 1, baseline: 1 },
  unit: 'ratio',
  estimate: 0,
  lower: -0.05,
  upper: 0.05,
  margin: 0.1,
  p: 0.5,
  minAttainableP: 1e-9,
  flags: [],
  ...over,
});

describe('decideTest: one test’s three-way verdict', () => {
  it.each([
    [
      'untested stays inconclusive with its rule',
      ev({ untested: 'no_data' }),
      'increase',
      0,
      'inconclusive',
      'no_data',
    ],
    [
      'unhealthy: significant and beyond the margin',
      ev({ estimate: 0.2, lower: 0.15, upper: 0.25 }),
      'increase',
      0.001,
      'unhealthy',
      'significant_beyond_margin',
    ],
    [
      'significant but the estimate inside the margin',
      ev({ estimate: 0.08, lower: 0.03, upper: 0.12 }),
      'increase',
      0.001,
      'inconclusive',
      'significant_within_margin',
    ],
    [
      'beyond the margin but not significant',
      ev({ estimate: 0.2, lower: -0.1, upper: 0.5 }),
      'increase',
      0.2,
      'inconclusive',
      'not_significant',
    ],
    ['healthy: the interval inside the band', ev({}), 'increase', 0.5, 'healthy', 'within_margin'],
    [
      'a big improvement is healthy for increase',
      ev({ estimate: -1, lower: -2, upper: -0.5 }),
      'increase',
      1e-9,
      'healthy',
      'within_margin',
    ],
    [
      'a big improvement is unhealthy for either',
      ev({ estimate: -1, lower: -2, upper: -0.5 }),
      'either',
      1e-9,
      'unhealthy',
      'significant_beyond_margin',
    ],
    [
      'decrease: a drop beyond the margin fails',
      ev({ estimate: -0.2, lower: -0.3, upper: -0.15 }),
      'decrease',
      0.001,
      'unhealthy',
      'significant_beyond_margin',
    ],
    [
      'decrease: a rise is fine',
      ev({ estimate: 0.5, lower: 0.3, upper: 0.7 }),
      'decrease',
      0.001,
      'healthy',
      'within_margin',
    ],
    [
      'either needs both ends inside',
      ev({ lower: -0.2, upper: 0.05 }),
      'either',
      0.5,
      'inconclusive',
      'not_significant',
    ],
    [
      'guard: α unreachable → never unhealthy',
      ev({ estimate: 0.5, lower: -1, upper: 2, minAttainableP: 0.05 }),
      'increase',
      0.05,
      'inconclusive',
      'cannot_reach_alpha',
    ],
    [
      'an unattainable interval is never healthy',
      ev({ lower: -Infinity, upper: Infinity, minAttainableP: 0.1 }),
      'increase',
      0.5,
      'inconclusive',
      'cannot_reach_alpha',
    ],
  ] as const)('%s', (_name, e, direction, p, verdict, rule) => {
    expect(decideTest(e, direction, p, 0.01)).toEqual({ verdict, rule });
  });
});

const m = (verdict: MetricTrace['verdict'], critical = false, rule: MetricTrace['rule'] = 'within_margin') =>
  ({
    name: 'm',
    kind: 'continuous',
    direction: 'increase',
    critical,
    verdict,
    rule,
    reason: '',
    tests: [],
  }) as MetricTrace;

describe('aggregateVerdict: a failure is never averaged away', () => {
  it.each([
    [
      'a critical unhealthy metric fails alone',
      [m('unhealthy', true), m('healthy')],
      2,
      'unhealthy',
      'critical_unhealthy',
    ],
    ['any non-critical unhealthy fails (k = 1)', [m('healthy'), m('unhealthy')], 1, 'unhealthy', 'unhealthy_metrics'],
    [
      'below k non-critical failures is inconclusive, never healthy',
      [m('healthy'), m('unhealthy')],
      2,
      'inconclusive',
      'inconclusive_metrics',
    ],
    ['two non-critical failures reach k = 2', [m('unhealthy'), m('unhealthy')], 2, 'unhealthy', 'unhealthy_metrics'],
    [
      'one inconclusive metric makes the canary inconclusive',
      [m('healthy'), m('inconclusive')],
      1,
      'inconclusive',
      'inconclusive_metrics',
    ],
    ['all healthy is healthy', [m('healthy'), m('healthy')], 1, 'healthy', 'all_healthy'],
    ['no metric at all is inconclusive', [], 1, 'inconclusive', 'inconclusive_metrics'],
  ] as const)('%s', (_name, metrics, k, verdict, rule) => {
    expect(aggregateVerdict(metrics, k)).toEqual({ verdict, rule });
  });

  it('worstVerdictIndex picks the first worst, −1 for none', () => {
    expect(worstVerdictIndex(['healthy', 'inconclusive', 'unhealthy', 'unhealthy'])).toBe(2);
    expect(worstVerdictIndex(['healthy', 'healthy'])).toBe(0);
    expect(worstVerdictIndex([])).toBe(-1);
  });
});

describe('kayentaStyleScore: information only', () => {
  it.each([
    ['all pass', [m('healthy'), m('inconclusive')], 100],
    ['one of three unhealthy', [m('healthy'), m('healthy'), m('unhealthy')], 66.67],
    ['a critical unhealthy is 0', [m('unhealthy', true), m('healthy'), m('healthy')], 0],
    ['half without data is 0', [m('inconclusive', false, 'no_data'), m('healthy')], 0],
    ['no metric is 0', [], 0],
  ] as const)('%s', (_name, metrics, score) => {
    expect(kayentaStyleScore(metrics)).toBe(score);
  });
});

describe('judgeCanary: series metrics', () => {
  const base = latencies(1, 60);
  it('identical-looking tracks are healthy; +50 % is unhealthy; the trace says why', () => {
    const healthy = judgeCanary(once([series(latencies(2, 60), base)]));
    expect(healthy.verdict).toBe('healthy');
    expect(healthy.metrics[0]?.rule).toBe('within_margin');
    const slow = judgeCanary(once([series(latencies(2, 60, 0.15), base)]));
    expect(slow.verdict).toBe('unhealthy');
    expect(slow.rule).toBe('unhealthy_metrics');
    expect(slow.summary).toMatch(/^unhealthy: latency_p99 \+\d+(\.\d+)? % · 0\/1 healthy · look 1\/1$/);
    const t = slow.metrics[0]?.tests[0];
    expect(t?.effect.unit).toBe('ratio');
    expect(t?.margin).toEqual({ lower: 1 / 1.1, upper: 1.1, relative: 0.1 });
    expect(slow.details).toContain('significant and beyond the margin');
  });

  it('no data on either track is inconclusive, never healthy, and says which track', () => {
    const j = judgeCanary(once([series('empty', base)]));
    expect(j.verdict).toBe('inconclusive');
    expect(j.metrics[0]?.reason).toBe('no data (canary: empty)');
    expect(j.summary).toBe('inconclusive: latency_p99 no data · 0/1 healthy · look 1/1');
    expect(judgeCanary(once([series(base, 'prometheus_down')])).metrics[0]?.reason).toBe(
      'no data (baseline: prometheus_down)',
    );
    expect(judgeCanary(once([series([Number.NaN], base)])).metrics[0]?.reason).toBe(
      'no data (canary: no valid sample)',
    );
  });

  it('too few samples is inconclusive', () => {
    const j = judgeCanary(once([series(base.slice(0, 5), base)]));
    expect(j.metrics[0]?.rule).toBe('too_few_samples');
    expect(j.metrics[0]?.reason).toBe('too few samples: canary 5, baseline 60 (need 10)');
    expect(j.summary).toContain('latency_p99 too few samples');
  });

  it('non-finite samples are dropped and flagged; non-positive values switch to the linear scale', () => {
    const j = judgeCanary(once([series([...base, Number.POSITIVE_INFINITY], [0, ...base], { critical: true })]));
    const t = j.metrics[0]?.tests[0];
    expect(t?.samples.canary).toEqual({ raw: 61, dropped: 1, used: 60 });
    expect(t?.effect.unit).toBe('difference');
    expect(t?.flags).toEqual([
      'dropped 1 non-finite',
      'ties 50 %',
      'zeros 0.83 %',
      'linear scale: a value ≤ 0',
      'variance ×1.01 for autocorrelation left in blocks',
    ]);
    const linear = judgeCanary(once([series(base, base, { scale: 'linear', absoluteMargin: 0.5 })]));
    expect(linear.metrics[0]?.tests[0]?.margin.upper).toBe(0.5);
    expect(linear.metrics[0]?.tests[0]?.flags).toContain('ties 50 %');
  });

  it('autocorrelated tracks are blocked; short ones are not checked', () => {
    const ar = (seed: number) => {
      let v = 0;
      return normals(seed, 120).map((z) => {
        v = 0.8 * v + z;
        return Math.exp(0.1 * v);
      });
    };
    const t = judgeCanary(once([series(ar(3), ar(4))])).metrics[0]?.tests[0];
    expect(t?.blockSize).toBeGreaterThan(5);
    expect(t?.dependence.upper).toBeGreaterThan(Number(t?.dependence.pooled));
    expect(Number(t?.dependence.effectiveSamples)).toBeLessThan(30);
    const short = judgeCanary(once([series(ar(3).slice(0, 12), ar(4).slice(0, 12))])).metrics[0]?.tests[0];
    expect(short?.blockSize).toBe(1);
    expect(short?.flags).toContain('too short to check autocorrelation');
  });

  it('strongly autocorrelated identical tracks never fail: tiny effective samples end inconclusive', () => {
    const ar = (seed: number) => {
      let v = 0;
      return normals(seed, 60).map((z) => {
        v = 0.8 * v + 0.6 * z;
        return 0.1 * Math.exp(0.2 * v);
      });
    };
    for (let seed = 100; seed < 140; seed += 2) {
      const j = judgeCanary({ metrics: [series(ar(seed), ar(seed + 1))], look: 6, looks: 6 });
      expect(j.verdict).not.toBe('unhealthy');
      expect(j.metrics[0]?.tests[0]?.blockSize).toBeGreaterThanOrEqual(5);
    }
  });

  it('alpha is spent across looks: an early look cannot fail on what the last look fails', () => {
    const early = series(latencies(5, 10, 0.13), base.slice(0, 10));
    expect(judgeCanary({ metrics: [early], look: 1, looks: 6 }).metrics[0]?.rule).toBe('cannot_reach_alpha');
    const metric = series(latencies(5, 60, 0.115), base);
    const last = judgeCanary({ metrics: [metric], look: 6, looks: 6 });
    expect(last.verdict).toBe('unhealthy');
    // Kim–DeMets power ρ = 12: the last of 6 looks keeps 88.8 % of α (O'Brien–Fleming type: 52 %).
    expect(last.alpha.look).toBeCloseTo(0.01 * (1 - (5 / 6) ** 12), 15);
  });

  it('Holm across metrics: the same evidence needs a smaller p among ten metrics', () => {
    const one = judgeCanary(once([series(latencies(7, 60, 0.112), base)]));
    const ten = judgeCanary(once(Array.from({ length: 10 }, () => series(latencies(7, 60, 0.112), base))));
    const [p1, p10] = [one.metrics[0]?.tests[0]?.p, ten.metrics[0]?.tests[0]?.p];
    expect(p10?.raw).toBe(p1?.raw);
    expect(p10?.adjusted).toBe(Math.min(1, 10 * (p1?.raw as number)));
  });
});

describe('judgeCanary: error counts', () => {
  const base = windows(11, 30, 0.01);
  it('a doubled error rate fails, the same rate passes, a critical error metric fails the canary alone', () => {
    expect(judgeCanary(once([counts(windows(12, 30, 0.01), base)])).verdict).toBe('inconclusive');
    const twice = judgeCanary(once([counts(windows(12, 30, 0.02), base), series(latencies(1, 60), latencies(2, 60))]));
    expect(twice.verdict).toBe('unhealthy');
    expect(twice.rule).toBe('critical_unhealthy');
    expect(twice.summary).toContain('error_rate +');
    expect(twice.summary).toContain('(critical)');
    const healthy = judgeCanary(once([counts(windows(12, 30, 0.01, 20_000), windows(11, 30, 0.01, 20_000))]));
    expect(healthy.verdict).toBe('healthy');
  });

  it('a zero-error baseline works: the ratio is +∞ and the test still decides', () => {
    const zero = Array.from({ length: 30 }, () => ({ errors: 0, requests: 1000 }));
    const j = judgeCanary(once([counts(windows(13, 30, 0.005), zero)]));
    const t = j.metrics[0]?.tests[0];
    expect(t?.effect.estimate).toBe('Infinity');
    expect(t?.effect.upper).toBe('Infinity');
    expect(j.verdict).toBe('unhealthy');
    expect(j.summary).toContain('error_rate +∞ %');
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('no errors at all is inconclusive; invalid windows are dropped; decrease and either directions', () => {
    const zero = Array.from({ length: 30 }, () => ({ errors: 0, requests: 1000 }));
    const none = judgeCanary(once([counts(zero, zero)]));
    expect(none.metrics[0]?.rule).toBe('no_errors');
    expect(none.metrics[0]?.reason).toBe('no errors on either track: nothing to compare yet');
    expect(none.summary).toContain('error_rate no errors');
    const withBad = [...base, { errors: 1, requests: 0 }, { errors: Number.NaN, requests: 5 }];
    expect(judgeCanary(once([counts(withBad, base)])).metrics[0]?.tests[0]?.flags).toContain(
      'dropped 2 invalid windows',
    );
    const low = judgeCanary(once([counts(windows(12, 30, 0.002), base, { direction: 'decrease' })]));
    expect(low.verdict).toBe('unhealthy');
    const either = judgeCanary(once([counts(windows(12, 30, 0.002), base, { direction: 'either' })]));
    expect(either.verdict).toBe('unhealthy');
    expect(judgeCanary(once([counts('empty', base)])).metrics[0]?.rule).toBe('no_data');
    expect(judgeCanary(once([counts(base, 'empty')])).metrics[0]?.reason).toBe('no data (baseline: empty)');
    expect(judgeCanary(once([counts(base.slice(0, 3), base)])).metrics[0]?.rule).toBe('too_few_samples');
  });

  it('bursts of errors are overdispersion: φ is flagged and the evidence shrinks', () => {
    const next = uniform(21);
    const bursty = (k: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        errors: (i + k) % 10 === 0 ? 60 + Math.floor(next() * 20) : 1,
        requests: 1000,
      }));
    const t = judgeCanary(once([counts(bursty(0), bursty(3))])).metrics[0]?.tests[0];
    expect(t?.flags.some((f) => f.startsWith('overdispersion φ'))).toBe(true);
    expect(judgeCanary(once([counts(bursty(0), bursty(3))])).verdict).not.toBe('unhealthy');
  });

  it('a track without errors has no dispersion to measure: φ comes from the other track alone', () => {
    // Canary: 20 errors in windows 0, 10, 20 of 30 (rate 0.002, expected 2 per window):
    // X² = 3·18²/2 + 27·2²/2 = 540 on 29 df; an error-free baseline adds neither X² nor df.
    const canary = Array.from({ length: 30 }, (_, i) => ({ errors: i % 10 === 0 ? 20 : 0, requests: 1000 }));
    const baseline = Array.from({ length: 30 }, () => ({ errors: 0, requests: 1000 }));
    // Unblocked, so the worked numbers hold (the canary's 30 rates alone bound ρ at 0.38 → blocks of 2).
    const t = judgeCanary(once([counts(canary, baseline)]), { maxBlockSize: 1 }).metrics[0]?.tests[0];
    expect(t?.blockSize).toBe(1);
    expect(t?.flags).toContain(`overdispersion φ ${formatNumber(540 / 29)}`);
    // 60 errors against none is three bursts, not sixty independent errors: φ ≈ 18.6 leaves
    // about 3 effective errors, which cannot reach α = 0.01.
    expect(t?.verdict).not.toBe('unhealthy');
  });
});

describe('judgeCanary: memory', () => {
  const flat = (seed: number, leak = 0) => normals(seed, 240).map((z, i) => 100e6 + 1e5 * z + leak * i);
  it('a leak fails on the leak test even when the level is within the margin', () => {
    const config = { name: 'memory', kind: 'memory' as const, margin: 0.3 };
    const ok = judgeCanary(once([series(flat(1), flat(2), config)]));
    expect(ok.metrics[0]?.tests.map((t) => t.test)).toEqual(['shift', 'leak']);
    expect(ok.verdict).toBe('healthy');
    const leaking = judgeCanary(once([series(flat(1, 50_000), flat(2), config)]));
    expect(leaking.verdict).toBe('unhealthy');
    expect(leaking.metrics[0]?.reason).toMatch(/^leak: \+\d/);
    expect(leaking.summary).toContain('memory leak +');
    expect(leaking.metrics[0]?.tests[1]?.effect.unit).toBe('slope');
  });

  it('long series are averaged down; no data, too few and both-sided directions are handled', () => {
    const long = (seed: number) => normals(seed, 1000).map((z) => 100e6 + 1e5 * z);
    const t = judgeCanary(once([series(long(1), long(2), { kind: 'memory' })])).metrics[0]?.tests[1];
    expect(t?.blockSize).toBeGreaterThanOrEqual(5);
    expect(t?.flags[0]).toMatch(/^averaged to \d+ points$/);
    expect(judgeCanary(once([series('empty', flat(2), { kind: 'memory' })])).metrics[0]?.tests[1]?.rule).toBe(
      'no_data',
    );
    expect(judgeCanary(once([series(flat(2), 'empty', { kind: 'memory' })])).metrics[0]?.tests[1]?.rule).toBe(
      'no_data',
    );
    const few = judgeCanary(once([series(flat(1).slice(0, 2), flat(2), { kind: 'memory' })]), { minSamples: 2 });
    expect(few.metrics[0]?.tests[1]?.rule).toBe('too_few_samples');
    const short = judgeCanary(once([series(flat(1).slice(0, 9), flat(2), { kind: 'memory' })]), { minSamples: 9 });
    expect(short.metrics[0]?.tests[1]?.rule).not.toBe('too_few_samples');
    const coarse = judgeCanary(once([series(flat(1).slice(0, 40), flat(2), { kind: 'memory' })]), {
      minSamples: 5,
      maxLeakPoints: 3,
    });
    expect(coarse.metrics[0]?.tests[1]?.rule).toBe('too_few_samples');
    const either = judgeCanary(once([series(flat(1, -50_000), flat(2), { kind: 'memory', direction: 'either' })]));
    expect(either.verdict).toBe('unhealthy');
    expect(judgeCanary(once([series(flat(1), flat(2), { kind: 'memory', direction: 'decrease' })])).verdict).toBe(
      'healthy',
    );
  });

  it('tiny samples: an unattainable interval is flagged; one window per track has no dispersion estimate', () => {
    const tiny = judgeCanary(once([series([1, 2], [3, 4], { scale: 'linear' })]), { minSamples: 2 });
    expect(tiny.metrics[0]?.tests[0]?.flags).toContain('interval unattainable at 2 v 2');
    expect(judgeCanary(once([series('empty', [1], { scale: 'linear' })])).metrics[0]?.tests[0]?.effect.unit).toBe(
      'difference',
    );
    expect(judgeCanary(once([series([1], [1], { scale: 'linear' })])).metrics[0]?.rule).toBe('too_few_samples');
    const one = judgeCanary(once([counts([{ errors: 5, requests: 100 }], [{ errors: 1, requests: 100 }])]), {
      minSamples: 1,
    });
    expect(one.metrics[0]?.tests[0]?.flags).toEqual([]);
  });

  it('too few memory samples on both tests', () => {
    const j = judgeCanary(once([series(flat(1).slice(0, 5), flat(2), { kind: 'memory' })]));
    expect(j.metrics[0]?.tests.map((t) => t.rule)).toEqual(['too_few_samples', 'too_few_samples']);
  });
});

describe('helpers', () => {
  it('hodgesLehmannSorted equals hodgesLehmannShift bit for bit', () => {
    for (let seed = 1; seed < 60; seed += 1) {
      const next = uniform(seed);
      const draw = (n: number) => Array.from({ length: n }, () => Math.floor(next() * (seed % 3 === 0 ? 4 : 1000)) / 8);
      const x = draw(1 + (seed % 13));
      const y = draw(1 + (seed % 7));
      const sorted = (v: number[]) => Float64Array.from(v).sort();
      expect(hodgesLehmannSorted(sorted(x), sorted(y))).toBe(hodgesLehmannShift(x, y));
    }
  });

  it('mannKendallTest: S, tie correction, directions, a constant series', () => {
    expect(mannKendallTest([1, 2, 3, 4, 5], 'greater')).toMatchObject({ s: 10 });
    expect(mannKendallTest([1, 2, 3, 4, 5], 'greater').pValue).toBe(mannKendallTest([1, 2, 3, 4, 5], 'greater').minP);
    expect(mannKendallTest([5, 4, 3, 2, 1], 'less').pValue).toBeLessThan(0.05);
    expect(mannKendallTest([1, 1, 1, 1], 'two-sided')).toMatchObject({ s: 0, pValue: 1 });
    expect(mannKendallTest([1, 2, 1, 2, 1, 2], 'two-sided').pValue).toBeGreaterThan(0.5);
  });

  it('formatting is fixed and locale-free; JSON numbers encode infinities', () => {
    expect([formatNumber(0), formatNumber(Number.NaN), formatNumber(Infinity), formatNumber(-Infinity)]).toEqual([
      '0',
      'n/a',
      '∞',
      '−∞',
    ]);
    expect([formatNumber(1234567), formatNumber(0.000012345), formatNumber(0.1234567)]).toEqual([
      '1.23e6',
      '1.23e-5',
      '0.123',
    ]);
    expect([
      formatRatio(1.123),
      formatRatio(0.5),
      formatRatio(1),
      formatRatio(Number.NaN),
      formatRatio(Infinity),
    ]).toEqual(['+12.3 %', '−50 %', '±0 %', 'n/a', '+∞ %']);
    expect([
      toJsonNumber(Infinity),
      toJsonNumber(-Infinity),
      toJsonNumber(Number.NaN),
      toJsonNumber(-0),
      toJsonNumber(2),
    ]).toEqual(['Infinity', '-Infinity', 'NaN', 0, 2]);
  });

  it('options: defaults and refusals', () => {
    expect(resolveJudgeOptions({})).toMatchObject({ alpha: 0.01, healthyConfidence: 0.9, minSamples: 10 });
    expect(() => resolveJudgeOptions({ alpha: 0 })).toThrow(RangeError);
    expect(() => resolveJudgeOptions({ minSamples: 0 })).toThrow(RangeError);
    expect(() => resolveJudgeOptions({ leakHorizon: 0 })).toThrow(RangeError);
    expect(judgeCanary(once([])).summary).toBe('inconclusive: no metric to judge · look 1/1');
  });
});
