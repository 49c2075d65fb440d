import { describe, expect, it } from 'vitest';
import { kayentaBrentZero } from '../../../../../src/core/canary/kayenta/kayenta-brent-zero.ts';
import { kayentaClassify } from '../../../../../src/core/canary/kayenta/kayenta-classify.ts';
import { kayentaClassifyScore } from '../../../../../src/core/canary/kayenta/kayenta-classify-score.ts';
import { kayentaErfInv } from '../../../../../src/core/canary/kayenta/kayenta-erf-inv.ts';
import { kayentaIqrOutliers } from '../../../../../src/core/canary/kayenta/kayenta-iqr-outliers.ts';
import { createJavaRandom } from '../../../../../src/core/canary/kayenta/kayenta-java-random.ts';
import { kayentaJudge } from '../../../../../src/core/canary/kayenta/kayenta-judge.ts';
import { kayentaKSigmaOutliers } from '../../../../../src/core/canary/kayenta/kayenta-k-sigma-outliers.ts';
import { kayentaPercentile } from '../../../../../src/core/canary/kayenta/kayenta-percentile.ts';
import { kayentaRankSum } from '../../../../../src/core/canary/kayenta/kayenta-rank-sum.ts';
import { kayentaTransformSeries } from '../../../../../src/core/canary/kayenta/kayenta-transform-series.ts';
import { toKayentaMetricConfig } from '../../../../../src/core/canary/kayenta/to-kayenta-metric-config.ts';

const config = (input: Parameters<typeof toKayentaMetricConfig>[0]) => toKayentaMetricConfig(input);

describe('toKayentaMetricConfig: Kayenta defaults (CANARY.md §2.1)', () => {
  it('defaults: either, remove, keep outliers (factor 3), mean ratio gates 1.0, tolerance 0.25, confLevel 0.98', () => {
    expect(config({ name: 'p99' })).toEqual({
      name: 'p99',
      direction: 'either',
      nanStrategy: 'remove',
      outliers: { strategy: 'keep', outlierFactor: 3 },
      critical: false,
      mustHaveData: false,
      muted: false,
      effectSize: {
        measure: 'meanRatio',
        allowedIncrease: 1,
        allowedDecrease: 1,
        criticalIncrease: 1,
        criticalDecrease: 1,
      },
      groups: [],
      tolerance: 0.25,
      confLevel: 0.98,
      noiseSeed: 12345,
    });
  });

  it.each([
    ['increase', 'increase'],
    ['decrease', 'decrease'],
    ['sideways', 'either'],
  ])('direction %s → %s', (raw, parsed) => expect(config({ name: 'm', direction: raw }).direction).toBe(parsed));

  it('nanStrategy "none" (Kayenta’s default) parses to remove, "replace" to replace', () => {
    expect(config({ name: 'm', nanStrategy: 'none' }).nanStrategy).toBe('remove');
    expect(config({ name: 'm', nanStrategy: 'replace' }).nanStrategy).toBe('replace');
  });

  it('CLES gates default to 0.5; explicit values win', () => {
    const c = config({
      name: 'm',
      effectSize: { measure: 'cles', allowedIncrease: 0.8 },
      outliers: { strategy: 'remove' },
    });
    expect(c.effectSize).toEqual({
      measure: 'cles',
      allowedIncrease: 0.8,
      allowedDecrease: 0.5,
      criticalIncrease: 0.5,
      criticalDecrease: 0.5,
    });
    expect(c.outliers).toEqual({ strategy: 'remove', outlierFactor: 3 });
  });
});

describe('kayentaClassify: the rules the vectors do not reach', () => {
  it('NodataFailMetric when data is required and the metric is not critical', () => {
    const r = kayentaClassify(config({ name: 'err', mustHaveData: true }), [], [1]);
    expect(r).toEqual({
      classification: 'NodataFailMetric',
      critical: false,
      deviation: 1,
      reason: 'Missing data for err',
      test: null,
    });
  });

  it('a critical metric with required data is plain Nodata, critical', () => {
    const r = kayentaClassify(config({ name: 'err', mustHaveData: true, critical: true }), [1], []);
    expect([r.classification, r.critical]).toEqual(['Nodata', true]);
  });

  it('Error "Metric Classification Failed" when every observation is tied (1 v 1 after noise), critical kept', () => {
    const r = kayentaClassify(config({ name: 'm', critical: true }), [4], [1]);
    expect(r).toEqual({
      classification: 'Error',
      critical: true,
      deviation: 1,
      reason: 'Metric Classification Failed',
      test: null,
    });
  });

  it('a critical High under criticalIncrease is a plain High', () => {
    const c = config({ name: 'm', critical: true, effectSize: { criticalIncrease: 100 } });
    const r = kayentaClassify(c, [20, 22, 21, 25, 30], [1, 2.2, 1.1, 2.5, 3]);
    expect([r.classification, r.critical, r.reason]).toEqual(['High', false, 'm was classified as High']);
  });

  it('identical input gives identical output; the noise seed is an input', () => {
    const c = config({ name: 'm', confLevel: 0.95 });
    expect(kayentaClassify(c, [10, 10, 10], [1, 1, 1])).toEqual(kayentaClassify(c, [10, 10, 10], [1, 1, 1]));
    const other = kayentaClassify({ ...c, noiseSeed: 7 }, [10, 10, 10], [1, 1, 1]);
    expect(other.deviation).not.toBe(kayentaClassify(c, [10, 10, 10], [1, 1, 1]).deviation);
  });
});

describe('numerics', () => {
  it('Brent returns an end whose value is 0, and its last iterate when it runs out of steps', () => {
    const f = (x: number) => x - 1;
    expect(kayentaBrentZero(1, 3, 0, 2, f)).toBe(1);
    expect(kayentaBrentZero(-1, 1, -2, 0, f)).toBe(1);
    const cube = (x: number) => x * x * x - 2;
    const oneStep = kayentaBrentZero(0, 3, -2, 25, cube, 1e-4, 0);
    expect(oneStep).toBeGreaterThan(0);
    expect(Math.abs(oneStep - Math.cbrt(2))).toBeGreaterThan(1e-2);
    expect(kayentaBrentZero(0, 3, -2, 25, cube)).toBeCloseTo(Math.cbrt(2), 4);
    expect(kayentaBrentZero(0, 3, -1, 2, f)).toBeCloseTo(1, 4);
  });

  it('erfInv: the three polynomial ranges and ±1 (commons-math3 Erf.erfInv)', () => {
    expect(kayentaErfInv(0.5)).toBeCloseTo(0.4769362762044699, 15);
    expect(kayentaErfInv(-0.999999)).toBe(-3.458910737275499);
    expect(kayentaErfInv(1 - 1e-12)).toBeCloseTo(5.042031898572696, 12);
    expect(kayentaErfInv(1)).toBe(Number.POSITIVE_INFINITY);
    expect(kayentaErfInv(-1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('java.util.Random: the sequence of new Random(42)', () => {
    const r = createJavaRandom(42);
    expect([r.nextGaussian(), r.nextGaussian()]).toEqual([1.1419053154730547, 0.9194079489827879]);
    expect(createJavaRandom(42).nextDouble()).toBe(0.7275636800328681);
    const many = createJavaRandom(1);
    let sum = 0;
    for (let i = 0; i < 2000; i += 1) sum += many.nextGaussian();
    expect(Math.abs(sum / 2000)).toBeLessThan(0.1);
  });

  it('ranks NaN maximal (NaturalRanking NaNStrategy.MAXIMAL), tied with +∞', () => {
    const xs = Float64Array.of(1, Number.NaN);
    const ys = Float64Array.of(Number.POSITIVE_INFINITY);
    expect(kayentaRankSum(xs, ys, 0)).toEqual({ rankSumX: 1 + 2.5, tieTerm: 6 });
  });

  it('percentile of nothing is NaN; outlier detectors of nothing are empty', () => {
    expect(kayentaPercentile([], 50)).toBeNaN();
    expect(kayentaKSigmaOutliers([], 3)).toEqual([]);
  });

  it('IQR with reduced sensitivity widens the fences to P1 / P99', () => {
    const data = [1, 2, 2, 2, 2, 2, 2, 2, 2, 9];
    expect(kayentaIqrOutliers(data, 0, false)).toEqual(data.map((v) => v !== 2));
    expect(kayentaIqrOutliers(data, 0, true)).toEqual(data.map((v) => v === 1 || v === 9));
  });
});

describe('kayentaTransformSeries: NaN, then outliers', () => {
  it('replaces NaN by 0 (inside the widened fences) and removes the far outlier (factor 3, reduced sensitivity)', () => {
    const data = [Number.NaN, ...Array.from({ length: 200 }, (_, i) => 10 + (i % 7)), 1e6];
    const out = kayentaTransformSeries(data, {
      nanStrategy: 'replace',
      outliers: { strategy: 'remove', outlierFactor: 3 },
    });
    expect(out).toHaveLength(201);
    expect(out[0]).toBe(0);
    expect(out).not.toContain(1e6);
  });
});

describe('kayentaClassifyScore (ThresholdScoreClassifier, inclusive)', () => {
  it.each([
    [95, 'Pass'],
    [94.99, 'Marginal'],
    [75, 'Marginal'],
    [74.99, 'Fail'],
  ] as const)('%s → %s', (score, label) => expect(kayentaClassifyScore(score, { pass: 95, marginal: 75 })).toBe(label));
});

describe('kayentaJudge: transform → classify → score → classify the score', () => {
  const base = Array.from({ length: 30 }, (_, i) => 100 + ((i * 7) % 11));
  const metric = (
    name: string,
    canary: readonly number[],
    extra: Parameters<typeof toKayentaMetricConfig>[0] = { name },
  ) => ({
    config: config({ ...extra, name, groups: ['latency'] }),
    canary,
    baseline: base,
  });

  it('a healthy canary passes with 100 and reports the transformed series’ statistics', () => {
    const j = kayentaJudge([metric('p50', [...base, Number.NaN])], {}, { pass: 95, marginal: 75 });
    expect(j.classification).toBe('Pass');
    expect(j.score.summaryScore).toBe(100);
    expect(j.metrics[0]?.canaryStats.count).toBe(30);
    expect(j.metrics[0]?.result.reason).toBe('The Canary and Baseline data are identical');
  });

  it('a doubled latency fails; a muted metric is not scored', () => {
    const doubled = base.map((v) => 2 * v);
    const j = kayentaJudge(
      [metric('p50', base), metric('p99', doubled), metric('cpu', doubled, { name: 'cpu', muted: true })],
      { latency: 100 },
      { pass: 95, marginal: 75 },
    );
    expect(j.metrics.map((m) => m.result.classification)).toEqual(['Pass', 'High', 'High']);
    expect(j.score.summaryScore).toBe(50);
    expect(j.classification).toBe('Fail');
  });
});
