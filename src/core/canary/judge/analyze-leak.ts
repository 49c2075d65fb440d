import { blockMeans } from '../stats/block-means.ts';
import { medianOfSorted } from '../stats/median-of-sorted.ts';
import { theilSenSlope } from '../stats/theil-sen-slope.ts';
import { chooseBlockSize } from './choose-block-size.ts';
import { cleanValues } from './clean-values.ts';
import type { SeriesMetric } from './judge-types.ts';
import { mannKendallTest } from './mann-kendall-test.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';
import { type TestEvidence, untestedEvidence } from './test-evidence.ts';

const ALTERNATIVE = { increase: 'greater', decrease: 'less', either: 'two-sided' } as const;
const indexTimes = (n: number, step: number) => Array.from({ length: n }, (_, i) => i * step);

/** Residuals of v around its Theil–Sen line against t. */
function detrend(t: readonly number[], v: readonly number[]): number[] {
  const { slope } = theilSenSlope(t, v);
  return v.map((x, i) => x - slope * (t[i] as number));
}

/**
 * The memory leak test (CANARY.md §6.2.4): the difference canary − baseline of the newest aligned
 * samples (both tracks share the window and step, so index i is the same minute), averaged down to
 * at most `maxLeakPoints` points and further into blocks sized from the pooled rank lag-1
 * autocorrelation of the two tracks' residuals around their own Theil–Sen lines
 * (`chooseBlockSize`; the difference's own residuals would give half the points); the Theil–Sen slope per sample with Sen's interval at
 * `healthyConfidence`, and the Mann–Kendall p-value of a trend in the harmful direction. The margin
 * is margin·median(baseline)/leakHorizon: extra growth over the horizon must stay under the margin.
 */
export function analyzeLeak(metric: SeriesMetric, o: ResolvedJudgeOptions): TestEvidence {
  const { config } = metric;
  const c = cleanValues(metric.canary, Number.isFinite);
  const b = cleanValues(metric.baseline, Number.isFinite);
  const samples = { canary: c.count, baseline: b.count };
  if (!c.ok || !b.ok) {
    const why = [c.ok ? '' : `canary: ${c.reason}`, b.ok ? '' : `baseline: ${b.reason}`].filter((s) => s !== '');
    return untestedEvidence('leak', 'no_data', samples, 'slope', 0, why);
  }
  const length = Math.min(c.values.length, b.values.length);
  if (length < o.minSamples) return untestedEvidence('leak', 'too_few_samples', samples, 'slope', 0, []);
  const cv = c.values.slice(c.values.length - length);
  const bv = b.values.slice(b.values.length - length);
  const coarse = Math.ceil(length / o.maxLeakPoints);
  const c1 = blockMeans(cv, coarse);
  const b1 = blockMeans(bv, coarse);
  const d1 = c1.map((v, i) => v - (b1[i] as number));
  if (d1.length < 3) return untestedEvidence('leak', 'too_few_samples', samples, 'slope', 0, []);
  // Dependence from each track's residuals around its own Theil–Sen line (a leak is a line, so it
  // cannot pass for dependence), both tracks pooled; at least three blocks remain for a slope.
  const t1 = indexTimes(d1.length, coarse);
  const dependence = chooseBlockSize(detrend(t1, c1), detrend(t1, b1), o, { detrended: true, minBlocks: 3 });
  const block = dependence.blockSize;
  const d = blockMeans(d1, block);
  const center = {
    canary: medianOfSorted(Float64Array.from(c.values).sort()),
    baseline: medianOfSorted(Float64Array.from(b.values).sort()),
  };
  const margin = (config.margin * Math.abs(center.baseline)) / o.leakHorizon;
  const flags = coarse > 1 ? [`averaged to ${d1.length} points`] : [];
  const sen = theilSenSlope(indexTimes(d.length, coarse * block), d, o.healthyConfidence);
  const mk = mannKendallTest(d, ALTERNATIVE[config.direction]);
  return {
    test: 'leak',
    untested: null,
    samples,
    ...dependence,
    blockSize: coarse * block,
    center,
    unit: 'slope',
    estimate: sen.slope,
    lower: sen.lower,
    upper: sen.upper,
    margin,
    p: mk.pValue,
    minAttainableP: mk.minP,
    flags,
  };
}
