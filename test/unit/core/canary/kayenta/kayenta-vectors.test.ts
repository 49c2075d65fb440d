import { describe, expect, it } from 'vitest';
import { kayentaAddNoise } from '../../../../../src/core/canary/kayenta/kayenta-add-noise.ts';
import { kayentaClassify } from '../../../../../src/core/canary/kayenta/kayenta-classify.ts';
import { kayentaCles } from '../../../../../src/core/canary/kayenta/kayenta-cles.ts';
import { kayentaCohenD } from '../../../../../src/core/canary/kayenta/kayenta-cohen-d.ts';
import { kayentaIqrOutliers } from '../../../../../src/core/canary/kayenta/kayenta-iqr-outliers.ts';
import { createJavaRandom } from '../../../../../src/core/canary/kayenta/kayenta-java-random.ts';
import { kayentaKSigmaOutliers } from '../../../../../src/core/canary/kayenta/kayenta-k-sigma-outliers.ts';
import { kayentaMannWhitney } from '../../../../../src/core/canary/kayenta/kayenta-mann-whitney.ts';
import { kayentaMeanInequalityClassify } from '../../../../../src/core/canary/kayenta/kayenta-mean-inequality-classify.ts';
import { kayentaMeanRatio } from '../../../../../src/core/canary/kayenta/kayenta-mean-ratio.ts';
import { kayentaNormalQuantile } from '../../../../../src/core/canary/kayenta/kayenta-normal-quantile.ts';
import { kayentaPercentile } from '../../../../../src/core/canary/kayenta/kayenta-percentile.ts';
import { kayentaScore } from '../../../../../src/core/canary/kayenta/kayenta-score.ts';
import { kayentaSummaryStats } from '../../../../../src/core/canary/kayenta/kayenta-summary-stats.ts';
import { kayentaTransformSeries } from '../../../../../src/core/canary/kayenta/kayenta-transform-series.ts';
import { kayentaWilcoxonDiff } from '../../../../../src/core/canary/kayenta/kayenta-wilcoxon-diff.ts';
import { configOf } from './config-of-vector.ts';
import { loadKayentaVectors, type Vector } from './load-kayenta-vectors.ts';

const fixture = loadKayentaVectors();
const sorted = (values: readonly number[]) => Float64Array.from(values).sort();
const near = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

function checkClassification(v: Vector): void {
  const x: number[] = v.inputs.experiment_canary;
  const y: number[] = v.inputs.control_baseline;
  const run = v.kayenta_run;
  if (v.classifier === 'MeanInequalityClassifier') {
    const r = kayentaMeanInequalityClassify(v.inputs.call.direction, x, y);
    expect([r.classification, r.deviation, r.reason]).toEqual([run.classification, run.deviation, run.reason]);
    expect(r.classification).toBe(v.expected.classification);
    return;
  }
  const config = configOf(v);
  const r = kayentaClassify(config, x, y);
  // Kayenta's own assertions…
  if ('classification' in v.expected) expect(r.classification).toBe(v.expected.classification);
  if ('critical' in v.expected) expect(r.critical).toBe(v.expected.critical);
  if ('deviation' in v.expected) expect(r.deviation).toBe(v.expected.deviation);
  if (v.expected.reason_nonempty) expect(r.reason).not.toBe('');
  // …and everything the unmodified Kayenta run reported, to the bit.
  expect({ c: r.classification, k: r.critical, d: r.deviation, r: r.reason }).toEqual({
    c: run.classification,
    k: run.critical,
    d: run.deviation,
    r: run.reason,
  });
  if ('mean_ratio' in run) expect(kayentaMeanRatio(x, y)).toBe(run.mean_ratio);
  if ('cles' in run) expect(kayentaCles(x, y)).toBe(run.cles);
  if (r.test) {
    const t = r.test;
    expect([t.ciLow, t.ciHigh, t.estimate, t.effectSize, t.bound]).toEqual([
      run.mw_ci_low,
      run.mw_ci_high,
      run.mw_estimate,
      run.mw_effect_size,
      run.bound,
    ]);
    for (const key of ['mw_ci_low', 'mw_ci_high', 'mw_estimate', 'bound'] as const) {
      if (key in v.expected) expect(run[key]).toBe(v.expected[key]);
    }
    return;
  }
  // Early exits: the harness also ran Kayenta's MannWhitneyUTest (noise included) for the record.
  if (!('mw_ci_low' in run) && !('mw_error' in run)) return;
  const noise = new Set(x).size === 1 && new Set(y).size === 1;
  const random = createJavaRandom(12345);
  const xn = noise ? kayentaAddNoise(x, random) : x;
  const yn = noise ? kayentaAddNoise(y, random) : y;
  const mw = kayentaMannWhitney(xn, yn, config.confLevel);
  if ('mw_error' in run) {
    expect(mw.kind).toBe('all_tied');
    return;
  }
  expect(mw).toMatchObject({ ciLow: run.mw_ci_low, ciHigh: run.mw_ci_high, estimate: run.mw_estimate });
  expect(kayentaMeanRatio(xn, yn)).toBe(run.mw_effect_size);
}

function checkInterval(v: Vector): void {
  const r = kayentaMannWhitney(v.inputs.x, v.inputs.y, v.inputs.confLevel);
  if (r.kind !== 'interval') throw new Error('expected an interval');
  const tol =
    typeof v.tolerance_abs === 'number' ? { ci: v.tolerance_abs, estimate: v.tolerance_abs } : v.tolerance_abs;
  near(r.ciLow, v.expected.ci_low, tol.ci);
  near(r.ciHigh, v.expected.ci_high, tol.ci);
  near(r.estimate, v.expected.estimate, tol.estimate);
  expect([r.ciLow, r.ciHigh, r.estimate]).toEqual([
    v.kayenta_run.ci_low,
    v.kayenta_run.ci_high,
    v.kayenta_run.estimate,
  ]);
}

function checkIntermediates(v: Vector): void {
  const r = kayentaMannWhitney(v.inputs.x, v.inputs.y, v.inputs.confLevel);
  if (r.kind !== 'interval') throw new Error('expected an interval');
  const xs = sorted(v.inputs.x);
  const ys = sorted(v.inputs.y);
  const f = (mu: number, z: number) => kayentaWilcoxonDiff(xs, ys, mu, z);
  const e = v.expected;
  const actual: Record<string, number> = {
    rMumin: r.muMin,
    rMumax: r.muMax,
    rZqLower: -r.zQuantile,
    rZqUpper: r.zQuantile,
    rFlower1: f(r.muMin, -r.zQuantile),
    rFupper1: f(r.muMax, -r.zQuantile),
    rFlower2: f(r.muMin, r.zQuantile),
    rFupper2: f(r.muMax, r.zQuantile),
    rCil: r.ciLow,
    rCiu: r.ciHigh,
    rEst: r.estimate,
  };
  for (const key of Object.keys(e)) near(actual[key] as number, e[key], v.tolerance_abs);
  expect([r.ciLow, r.ciHigh, r.estimate]).toEqual([
    v.kayenta_run.ci_low,
    v.kayenta_run.ci_high,
    v.kayenta_run.estimate,
  ]);
}

function checkOutliers(v: Vector, data: readonly number[]): readonly boolean[] {
  const d = v.detector;
  return d.type === 'IQRDetector'
    ? kayentaIqrOutliers(data, d.factor, d.reduceSensitivity)
    : kayentaKSigmaOutliers(data, d.k);
}

const keep = { strategy: 'keep', outlierFactor: 3 } as const;

const CHECKS: Record<string, (v: Vector) => void> = {
  metric_classification: checkClassification,
  wilcoxon_diff: (v) => {
    const xs = sorted(v.inputs.x);
    const ys = sorted(v.inputs.y);
    v.expected.forEach((e: Vector, i: number) => {
      const value = kayentaWilcoxonDiff(xs, ys, e.mu, e.quantile);
      near(value, e.value, v.tolerance_abs);
      expect(value).toBe(v.kayenta_run[i].value);
    });
  },
  normal_quantile: (v) => {
    near(kayentaNormalQuantile(v.inputs.p), v.expected.value, v.tolerance_abs);
    near(kayentaNormalQuantile(v.inputs.p), v.crosscheck_scipy_norm_ppf, 1e-15);
  },
  mw_confidence_interval: checkInterval,
  mw_intermediates: checkIntermediates,
  weighted_sum_score: (v) => {
    const s = kayentaScore(v.metrics, v.groupWeights);
    expect(s.summaryScore).toBe(v.expected.summaryScore);
    if (v.expected.groupScoresSorted) {
      expect(s.groupScores.map((g) => g.score).sort((a, b) => a - b)).toEqual(v.expected.groupScoresSorted);
    }
  },
  summary_stats: (v) => {
    const s = kayentaSummaryStats(v.data);
    const { std_tolerance_abs: tol = 0, ...rest } = v.expected;
    near(s.std, rest.std, tol);
    expect({ ...s, std: rest.std }).toEqual(rest);
  },
  percentile_R7: (v) => {
    v.expected.forEach((e: Vector, i: number) => {
      near(kayentaPercentile(v.data, e.p), e.value, e.tolerance_abs);
      expect(kayentaPercentile(v.data, e.p)).toBe(v.crosscheck_numpy_linear[i]);
    });
  },
  mean_ratio: (v) => expect(kayentaMeanRatio(v.experiment, v.control)).toBe(v.expected.value),
  cohen_d: (v) =>
    near(kayentaCohenD(v.first_arg_as_control, v.second_arg_as_experiment), v.expected.value, v.expected.tolerance_abs),
  cles: (v) => {
    near(kayentaCles(v.experiment, v.control), v.expected.value, v.expected.tolerance_abs);
    near(kayentaCles(v.experiment, v.control), v.crosscheck_pairwise, 1e-12);
  },
  outlier_detect: (v) => expect(checkOutliers(v, v.data)).toEqual(v.expected.outliers),
  nan_remove: (v) =>
    expect(kayentaTransformSeries(v.data, { nanStrategy: 'remove', outliers: keep })).toEqual(v.expected.result),
  nan_replace_with_zero: (v) =>
    expect(kayentaTransformSeries(v.data, { nanStrategy: 'replace', outliers: keep })).toEqual(v.expected.result),
  outlier_remove: (v) => {
    const flags = checkOutliers(v, v.data);
    expect(v.data.filter((_: number, i: number) => !flags[i])).toEqual(v.expected.result);
  },
};

describe('Kayenta-compatibility mode reproduces kayenta_vectors.json', () => {
  it('covers every kind the fixture counts, with the counted number of vectors', () => {
    const seen: Record<string, number> = {};
    for (const v of fixture.vectors) seen[v.kind] = (seen[v.kind] ?? 0) + 1;
    expect(seen).toEqual(fixture.counts);
    expect(Object.keys(CHECKS).sort()).toEqual(Object.keys(fixture.counts).sort());
    expect(fixture.counts.metric_classification).toBe(40);
    expect(fixture.counts.weighted_sum_score).toBe(13);
  });

  it.each(fixture.vectors.map((v) => [`${v.id} (${v.kind}): ${v.name}`, v] as const))('%s', (_title, v) => {
    (CHECKS[v.kind] as (v: Vector) => void)(v);
  });
});
