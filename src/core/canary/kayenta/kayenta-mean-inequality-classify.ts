import { kayentaMean } from './kayenta-mean.ts';
import type { KayentaDirection, KayentaMetricResult } from './kayenta-types.ts';

/**
 * Kayenta's `MeanInequalityClassifier`, used by Kayenta only for benchmarking (§2.3): High if
 * mean(canary) > mean(baseline), Low if smaller (each subject to the direction), otherwise Pass. The
 * deviation is the plain ratio of means.
 */
export function kayentaMeanInequalityClassify(
  direction: KayentaDirection,
  canary: readonly number[],
  baseline: readonly number[],
): KayentaMetricResult {
  const canaryMean = kayentaMean(canary);
  const baselineMean = kayentaMean(baseline);
  const deviation = canaryMean / baselineMean;
  if (direction !== 'decrease' && canaryMean > baselineMean) {
    const reason = 'The Canary mean was greater than the Baseline mean';
    return { classification: 'High', critical: false, deviation, reason, test: null };
  }
  if (direction !== 'increase' && canaryMean < baselineMean) {
    const reason = 'The Canary mean was less than the Baseline mean';
    return { classification: 'Low', critical: false, deviation, reason, test: null };
  }
  return { classification: 'Pass', critical: false, deviation, reason: '', test: null };
}
