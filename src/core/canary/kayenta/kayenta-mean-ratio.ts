import { kayentaMean } from './kayenta-mean.ts';

/**
 * Kayenta's `EffectSizes.meanRatio`: mean(canary)/mean(baseline), or NaN when either mean is 0 — so a
 * zero baseline silently skips the effect gate (defect D6).
 */
export function kayentaMeanRatio(canary: readonly number[], baseline: readonly number[]): number {
  const canaryMean = kayentaMean(canary);
  const baselineMean = kayentaMean(baseline);
  if (canaryMean === 0 || baselineMean === 0) return Number.NaN;
  return canaryMean / baselineMean;
}
