import { blockMeans } from '../stats/block-means.ts';
import { mannWhitneyU } from '../stats/mann-whitney-u.ts';
import { medianOfSorted } from '../stats/median-of-sorted.ts';
import { minAttainableP } from '../stats/min-attainable-p.ts';
import { mosesInterval } from '../stats/moses-interval.ts';
import { chooseBlockSize } from './choose-block-size.ts';
import { cleanValues } from './clean-values.ts';
import { dataQualityFlags } from './data-quality-flags.ts';
import { hodgesLehmannSorted } from './hodges-lehmann-sorted.ts';
import type { SeriesMetric } from './judge-types.ts';
import type { ResolvedJudgeOptions } from './resolve-judge-options.ts';
import { type TestEvidence, untestedEvidence } from './test-evidence.ts';

const ALTERNATIVE = { increase: 'greater', decrease: 'less', either: 'two-sided' } as const;

/**
 * The level test of a series metric (CANARY.md §6.2.1, §6.2.7): on log values when every value is
 * positive (effects are ratios, scale-free), else on values; blocks of means sized from the pooled rank
 * lag-1 autocorrelation of both tracks (`chooseBlockSize`); the exact Hodges–Lehmann shift canary − baseline,
 * its Moses interval at `healthyConfidence`, and the Mann–Whitney p-value in the harmful direction, both
 * with U's variance inflated for the autocorrelation the block means keep (`varianceInflation`).
 */
export function analyzeShift(metric: SeriesMetric, o: ResolvedJudgeOptions): TestEvidence {
  const { config } = metric;
  const c = cleanValues(metric.canary, Number.isFinite);
  const b = cleanValues(metric.baseline, Number.isFinite);
  const samples = { canary: c.count, baseline: b.count };
  const wantsLog = config.scale !== 'linear';
  const logMargin = Math.log1p(config.margin);
  if (!c.ok || !b.ok) {
    const why = [c.ok ? null : `canary: ${c.reason}`, b.ok ? null : `baseline: ${b.reason}`];
    return untestedEvidence(
      'shift',
      'no_data',
      samples,
      wantsLog ? 'ratio' : 'difference',
      logMargin,
      why.filter(isText),
    );
  }
  if (c.values.length < o.minSamples || b.values.length < o.minSamples) {
    return untestedEvidence('shift', 'too_few_samples', samples, wantsLog ? 'ratio' : 'difference', logMargin, []);
  }
  const positive = c.values.every((v) => v > 0) && b.values.every((v) => v > 0);
  const log = wantsLog && positive;
  const flags = dataQualityFlags(c.values, b.values, samples);
  if (wantsLog && !positive) flags.push('linear scale: a value ≤ 0');
  const tc = log ? c.values.map(Math.log) : c.values;
  const tb = log ? b.values.map(Math.log) : b.values;
  const dependence = chooseBlockSize(tc, tb, o);
  const { blockSize, varianceInflation, ...reported } = dependence;
  const inflated = { varianceInflation };
  if (varianceInflation > 1) flags.push(`variance ×${varianceInflation.toFixed(2)} for autocorrelation left in blocks`);
  if (Math.min(tc.length, tb.length) < o.minAutocorrelationSamples) flags.push('too short to check autocorrelation');
  const y = blockMeans(tc, blockSize);
  const x = blockMeans(tb, blockSize);
  const ys = Float64Array.from(y).sort();
  const xs = Float64Array.from(x).sort();
  const interval = mosesInterval(x, y, o.healthyConfidence, inflated);
  if (!interval.attainable) flags.push(`interval unattainable at ${x.length} v ${y.length}`);
  const mw = mannWhitneyU(y, x, { alternative: ALTERNATIVE[config.direction], ...inflated });
  const twoSidedMin = minAttainableP(y.length, x.length, inflated);
  const center = {
    canary: medianOfSorted(Float64Array.from(c.values).sort()),
    baseline: medianOfSorted(Float64Array.from(b.values).sort()),
  };
  const margin = log ? logMargin : Math.max(config.margin * Math.abs(center.baseline), config.absoluteMargin ?? 0);
  return {
    test: 'shift',
    untested: null,
    samples,
    blockSize,
    ...reported,
    center,
    unit: log ? 'ratio' : 'difference',
    estimate: hodgesLehmannSorted(xs, ys),
    lower: interval.lower,
    upper: interval.upper,
    margin,
    p: mw.pValue,
    minAttainableP: config.direction === 'either' ? twoSidedMin : twoSidedMin / 2,
    flags,
  };
}

function isText(v: string | null): v is string {
  return v !== null;
}
